"""Bytes -> text: BOMs, UTF-16 without BOM, strict UTF-8, legacy Western encodings, mojibake.

Clean UTF-8 input costs one ``bytes.decode`` plus an ``isascii``/badness check.
"""

from __future__ import annotations

import codecs
import re

import ftfy
from ftfy.badness import is_bad

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newline, carriage return and form feed; plus C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_C0 = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SNIFF = 4096
# Codecs UTF-8 is commonly mis-decoded with (the real corpus has Mac Roman: "¬†" for a no-break space).
_MOJIBAKE_CODECS = ("mac_roman", "cp1252")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_CONTEXT = 2  # ftfy's badness patterns reach at most two ASCII characters beyond their non-ASCII ones


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we recognise (binary data)."""


def sniff_bom(head: bytes) -> tuple[str | None, int]:
    """Encoding named by a leading BOM and the BOM's length, or (None, 0)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    return None, 0


def sniff_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM, recognised by NUL bytes on every other position (ASCII-heavy text)."""
    sample = head[: _SNIFF - (_SNIFF % 2)]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul > 0.3 * pairs and even_nul < 0.05 * pairs:
        return "utf-16-le"
    if even_nul > 0.3 * pairs and odd_nul < 0.05 * pairs:
        return "utf-16-be"
    return None


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252/latin-1/Mac Roman (e.g. "‚Äú" -> "“"), only when the text looks broken."""
    if text.isascii():
        return text
    # Fast path, and better than ftfy on the real corpus (it also restores "‚Äé" -> U+200E): when the
    # whole text re-encodes in the wrong codec to valid UTF-8, every non-ASCII character was mojibake.
    # Legitimate text practically never passes this (e.g. "” " is 0xD3 0x20 in Mac Roman: invalid UTF-8).
    for wrong in _MOJIBAKE_CODECS:
        try:
            fixed = text.encode(wrong).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != text:
            return fixed
    if not is_bad(non_ascii_windows(text)):
        return text
    return ftfy.fix_encoding(text)


def non_ascii_windows(text: str) -> str:
    """The text's non-ASCII runs with two characters of context, joined by NULs.

    ``ftfy.badness.is_bad`` runs one large regex over the whole text (~0.5 ms for
    an article); every one of its patterns needs a non-ASCII character and looks
    at most two characters beyond such runs, so it answers the same on these
    windows, which are a few dozen characters for typical news text.
    """
    windows: list[list[int]] = []
    for run in _NON_ASCII_RUN.finditer(text):
        start, end = max(0, run.start() - _CONTEXT), run.end() + _CONTEXT
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return "\x00".join(text[start:end] for start, end in windows)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"not valid {encoding}: {exc.reason} at byte {exc.start}") from None


def _plausible_western(text: str) -> bool:
    """Mostly ASCII letters with a few accented ones and no control characters."""
    if _CONTROL.search(text):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    non_ascii = sum(1 for ch in text if ord(ch) > 127 and ch.isalpha())
    return letters > 0 and non_ascii <= 0.3 * letters


def _legacy(data: bytes) -> tuple[str, str]:
    """Single-byte encodings: cp1252 when it reads as Western text, else charset-normalizer's guess."""
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None and _plausible_western(cp1252):
        return cp1252, "cp1252"
    # (latin-1 equals cp1252 except on 0x80-0x9f, where it gives control characters: never better.)
    from charset_normalizer import from_bytes  # imported lazily: only legacy input pays for it

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if not _CONTROL.search(text):
            return text, best.encoding
    raise UndecodableError("bytes are neither UTF-8/16/32 nor a recognisable legacy text encoding")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text; returns (text, encoding name). Raises UndecodableError for binary data.

    The encoding name gets a ``+ftfy`` suffix when mojibake was repaired.
    """
    encoding, skip = sniff_bom(data[:4])
    if encoding is not None:
        text = _strict(data[skip:], encoding)
    elif b"\x00" in data:
        encoding = sniff_utf16(data[:_SNIFF])
        if encoding is None:
            raise UndecodableError("NUL bytes in something that is not UTF-16: binary data")
        text = _strict(data, encoding)
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _legacy(data)
    head = text[:_SNIFF]
    if _C0.search(head):
        # Lots of C0 control characters in "valid" text: binary data that happens to decode. (C1 controls
        # are left alone: mojibake such as "â€\x9d" has them, and the fix below repairs it.)
        if len(_C0.findall(head)) > max(2, 0.01 * len(head)):
            raise UndecodableError("control characters throughout: binary data")
    fixed = fix_mojibake(text)
    if fixed is not text and fixed != text:
        return fixed, encoding + "+ftfy"
    return text, encoding
