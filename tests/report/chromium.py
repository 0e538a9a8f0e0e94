"""Headless Chromium for the report tests: screenshot, DOM after scripts ran, and the requests it made."""

from __future__ import annotations

import json
import struct
import subprocess
import zlib
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
# Chromium's own background services (accounts, updates, time), not the page's requests.
BROWSER_HOSTS = ("google.com", "googleapis.com", "gvt1.com")


def run(page: Path, work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Chromium headless with the network blocked (every host name resolves to nothing) and a net log."""
    work.mkdir(parents=True, exist_ok=True)
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={work / 'profile'}",
        "--host-resolver-rules=MAP * ~NOTFOUND", f"--log-net-log={work / 'net.json'}", "--virtual-time-budget=10000",
        *args, page.resolve().as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True)


def page_requests(net_log: Path) -> set[str]:
    """Every http(s) URL in a net log that is not one of Chromium's own service hosts."""
    text = net_log.read_text(errors="replace").rstrip().rstrip(",")
    if not text.endswith("}"):
        text += "]}"  # a log cut short at exit
    try:
        events = json.loads(text).get("events", [])
    except json.JSONDecodeError:
        events = []
        urls = {u for u in text.split('"') if u.startswith(("http://", "https://"))}
    else:
        urls = {e.get("params", {}).get("url", "") for e in events}
    return {u for u in urls if u.startswith(("http://", "https://"))
            and not (urlsplit(u).hostname or "").endswith(BROWSER_HOSTS)}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def png_busy_share(data: bytes) -> float:
    """Share of bytes in the PNG's filtered scanlines that are not zero: about 0 for a blank page.

    (A uniform image filters to zeros row after row; charts, text and maps do not.)
    """
    chunks, pos = [], 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            chunks.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    return 1 - raw.count(0) / len(raw)
