"""Synthetic inboxes for flow tests: realistic, distinct articles in several formats."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

CITIES = ["Sukoharjo", "Bekasi", "Poso", "Makassar", "Medan", "Surabaya", "Bima", "Solo"]


def article_text(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (
        f"Tim Densus 88 Antiteror Polri menangkap terduga teroris berinisial A{i} di {city}, "
        f"Senin (14/10/2019). Penangkapan nomor {i} ini terkait jaringan Jamaah Ansharut Daulah (JAD). "
        f"Polisi menyita bahan peledak dan sejumlah dokumen dari rumah tersangka di {city}."
    )


def write_jsonl(path: Path, start: int, count: int, *, gz: bool = False) -> list[str]:
    """CLICK-ID style records; returns their ids."""
    rows = [
        {"id": f"rec-{i}", "title": f"Densus 88 tangkap terduga teroris {i}", "source": "contoh.co.id",
         "date": "2019-10-14 00:00:00", "time": "10:00 WIB", "content": article_text(i),
         "url": f"https://contoh.co.id/read/2019/10/14/{i}/densus"}
        for i in range(start, start + count)
    ]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data) if gz else data)
    return [r["id"] for r in rows]


def write_txt(path: Path, title: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def write_bulk(path: Path, start: int, count: int) -> None:
    """Many short non-CT articles: cheap to extract, enough rows to make landing take a moment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + count):
            out.write(json.dumps({
                "id": f"bulk-{i}", "title": f"Harga cabai {i}", "source": "pasar.co.id", "date": "20/09/2019",
                "content": f"Harga cabai rawit di pasar induk nomor {i} naik menjadi Rp {i} per kilogram pada pekan ini. "
                           "Pedagang menyebut pasokan dari petani berkurang karena musim kemarau.",
            }) + "\n")
