"""Remove what is not the article, before extraction.

``clean_text`` removes publisher furniture ("Baca juga: ...", "Simak video ...",
"Editor: ...", trailing editor initials such as "(him/rmp)"), repairs the
CLICK-ID habit of joining paragraphs with commas ("...membaik.,Hal itu ...")
and the UTF-8-read-as-Mac-Roman mojibake found in that dataset ("‚Äú" for
"“", "¬†" for a no-break space), and normalises whitespace: one space between
words, stripped lines, at most one blank line between paragraphs.

Every pattern is compiled once; the rarer ones only run when a cheap
substring test says they can match, so the whole corpus cleans in about a
second.
"""

from __future__ import annotations

import re

# --- mojibake: UTF-8 bytes decoded as Mac Roman (CLICK-ID) or cp1252 --------------------
_MOJIBAKE_CHARS = [chr(c) for c in range(0xA0, 0x100)] + list("–—‘’‚“”„†‡•…‰‹›€™")


def _mojibake_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for char in _MOJIBAKE_CHARS:
        raw = char.encode("utf-8")
        table[raw.decode("mac_roman")] = char
        table["".join(_cp1252_byte(b) for b in raw)] = char
    return table


def _cp1252_byte(byte: int) -> str:
    """cp1252, with the five bytes it leaves undefined read as Latin-1 (as browsers do)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_MOJIBAKE = _mojibake_table()
_MOJIBAKE_RE = re.compile("|".join(re.escape(k) for k in sorted(_MOJIBAKE, key=len, reverse=True)))
_MOJIBAKE_MARKERS = ("¬", "√", "‚Ä", "Ã", "Â", "â€")

# --- odd spaces and invisible characters ---------------------------------------------------
_ODD_SPACE_RE = re.compile("[\t\x0b\x0c\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile("[\u200b-\u200d\u2060\ufeff\xad]+")
_NEWLINE_RE = re.compile("\r\n?|[\u2028\u2029\x85]")
_EXCEL_ESCAPE_RE = re.compile(r"_x000[DdAa9]_")  # CR/LF/TAB escaped by a spreadsheet export
_ANY_ODD_RE = re.compile("[\t\x0b\x0c\r\x85\xa0\xad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]")

# --- CLICK-ID comma-joined paragraphs ------------------------------------------------------
# A comma (or several) straight after sentence-final punctuation or a closing double quote
# ('kata dia.",Ia'; a lone '"' may be an opening one, as in the '",,"' left by removed quotes),
# and directly followed by text, is a paragraph break: "membaik.,Hal", "kata dia.,,,,Pada",
# 'tulisnya.",Ia'. Two or more commas before a capitalised word or an opening quote are one
# too ("Archie,,,,Meghan"). A comma followed by a space (as in "U.S., Canada"), a single comma
# after a word, and commas between digits ("1,5") are left alone. Both patterns start with the
# comma literal (the context is checked by look-behind), which keeps them fast.
_PUNCT_COMMA_RE = re.compile(r',(?:(?<=[.!?:],)|(?<=[.!?:] ,)|(?<=[.!?]["”],)|(?<=”,)),*(?=[^\s”])')
_MULTI_COMMA_RE = re.compile(r',,+(?=[A-Z“]|"\w)')
_LEADING_RE = re.compile(r"\A(?:[\s,]+|[-–—](?=[\s,]|\Z))+")  # ", - ", ",,,", "-,- " before the text

# --- boilerplate segments --------------------------------------------------------------------
# Where a "Baca juga" title ends: a comma-joined paragraph (",Kuwait"), a line end, the text end.
_SEGMENT_END = r"(?:,(?=[^\s\d,])|\n|\Z)"
# "Baca juga" / "Lihat juga" as a heading: at a line start followed by ':', ',', '-', a capital
# or nothing, or anywhere when followed by a colon. "Saya baca juga bukunya" survives.
_TEASER = r"(?:(?:Baca|BACA|baca)|(?:Lihat|LIHAT|lihat))\s+(?:juga|Juga|JUGA)(?:\s+(?:[Vv]ideo|VIDEO))?"
_TEASER_RE = re.compile(
    rf"[(\[][ ]*{_TEASER}\b[^)\]\n]*[)\]](?:,(?=[^\s\d,]))?"  # (Baca juga: ...) / [Baca juga: ...]
    rf"|(?:^[ ]*{_TEASER}(?=[ ]*[:,\-–]|[ ]*$|[ ]+[A-Z\"“])|\b{_TEASER}[ ]*:)[^\n]*?{_SEGMENT_END}",
    re.MULTILINE,
)
_SIMAK_RE = re.compile(
    r"(?:^|(?<=[.!?]))[ ]*(?:Simak|SIMAK)\s+(?:[Vv]ideo|VIDEO)[^\n]*?(?:[.!?:](?=\s|,|\Z)|,(?=[^\s\d,])|\n|\Z)",
    re.MULTILINE,
)
# Furniture on a line of its own goes with its line break, so that no blank line is left behind.
_SCROLL_RE = re.compile(r"^[ ]*SCROLL TO CONTINUE WITH CONTENT[ ]*(?:\n|\Z)|SCROLL TO CONTINUE WITH CONTENT", re.I | re.M)
_ADVERT_RE = re.compile(r"^[ ]*ADVERTISEMENT[ ]*(?:\n|\Z)|\bADVERTISEMENT\b", re.MULTILINE)
_DAPATKAN_RE = re.compile(r"\([ ]*Dapatkan\s+informasi[^)]*\)", re.IGNORECASE)
_CREDIT_RE = re.compile(
    r"^[ ]*\(?(?:Editor|EDITOR|Penulis|PENULIS|Pewarta|PEWARTA|Reporter|REPORTER|Redaktur|Penyunting)"
    r"[ ]*:[^\n]*(?:\n|\Z)"
    r"|^[ ]*Artikel ini (?:telah )?tayang di[^\n]*(?:\n|\Z)",
    re.MULTILINE,
)
_COPYRIGHT_RE = re.compile(
    r"(?:Copyright|COPYRIGHT|Hak [Cc]ipta)[ ]*(?:©|\([cC]\)|&copy;)[^\n]*|^[ ]*©[^\n]*", re.MULTILINE
)
_CREDIT_WORDS = ("editor", "penulis", "pewarta", "reporter", "redaktur", "penyunting")
# Editor initials closing the text: "(him/rmp)", "(dnu/dnu)", "(saban / win)", "(ant)", "(*)".
_INITIALS_RE = re.compile(r"\s*\((?:[a-z]{2,6}(?: ?/ ?[a-z]{2,6}){0,3}|\*)\)[\s.,]*\Z")

# Whole lines that are page furniture, not text (CLICK-ID has articles that are only "loading...").
_JUNK_LINES = frozenset({"loading...", "Loading...", "LOADING...", "ADVERTISEMENT", "Advertisement"})

# --- whitespace ------------------------------------------------------------------------------
_SPACES_RE = re.compile(r"  +")


def _replace_segment(match: re.Match[str]) -> str:
    """A removed teaser keeps the break it ended with: a line break, a comma-joined paragraph, or a space."""
    end = match.group(0)[-1:]
    if end == "\n":  # a whole line goes; inline, its line break stays
        return "" if match.start() == 0 or match.string[match.start() - 1] == "\n" else "\n"
    return "\n\n" if end == "," else " "


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Mac Roman or cp1252 ("‚Äú" -> "“"); other text is returned unchanged."""
    if text.isascii():  # O(1) in CPython, and no marker is ASCII
        return text
    if any(marker in text for marker in _MOJIBAKE_MARKERS):
        return _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE[m.group(0)], text)
    return text


def _normalise_spaces(text: str) -> str:
    """Odd spaces to a space, invisible characters out, one newline convention, no double spaces."""
    if "_x000" in text:
        text = _EXCEL_ESCAPE_RE.sub("\n", text)
    if text.isascii():
        if "\r" in text:
            text = _NEWLINE_RE.sub("\n", text)
        if "\t" in text or "\x0b" in text or "\x0c" in text:
            text = _ODD_SPACE_RE.sub(" ", text)
    elif _ANY_ODD_RE.search(text):  # one scan; the replacements below are the rare case
        if "\xa0" in text:
            text = text.replace("\xa0", " ")
        if _ANY_ODD_RE.search(text):
            text = _NEWLINE_RE.sub("\n", _INVISIBLE_RE.sub("", _ODD_SPACE_RE.sub(" ", text)))
    if "  " in text:
        text = _SPACES_RE.sub(" ", text)
    return text


def _has_credit(lower: str) -> bool:
    """Whether a credit word ("editor", "penulis", ...) stands before one of the text's colons."""
    if "tayang di" in lower:
        return True
    i = lower.find(":")
    while i >= 0:
        if lower[max(0, i - 12) : i].rstrip().endswith(_CREDIT_WORDS):
            return True
        i = lower.find(":", i + 1)
    return False


def _tidy_lines(text: str) -> str:
    """Strip every line and keep at most one blank line between paragraphs."""
    lines: list[str] = []
    blank = False
    for line in text.split("\n"):
        line = line.strip()
        if line in _JUNK_LINES:
            continue
        if not line:
            blank = True
            continue
        if blank and lines:
            lines.append("")
        lines.append(line)
        blank = False
    return "\n".join(lines)


def clean_text(text: str) -> str:
    """The article text without boilerplate, with paragraphs separated by one blank line."""
    text = _normalise_spaces(fix_mojibake(text))
    if "," in text:
        text = _PUNCT_COMMA_RE.sub("\n\n", text)
        if ",," in text:
            text = _MULTI_COMMA_RE.sub("\n\n", text)
    lower = text.lower()
    if "baca juga" in lower or "lihat juga" in lower:
        text = _TEASER_RE.sub(_replace_segment, text)
    if "simak video" in lower:
        text = _SIMAK_RE.sub(_replace_segment, text)
    if "scroll to" in lower:
        text = _SCROLL_RE.sub(" ", text)
    if "ADVERTISEMENT" in text:
        text = _ADVERT_RE.sub(" ", text)
    if "dapatkan informasi" in lower:
        text = _DAPATKAN_RE.sub(" ", text)
    if _has_credit(lower):
        text = _CREDIT_RE.sub("", text)
    if "©" in text or "copyright" in lower or "hak cipta" in lower:
        text = _COPYRIGHT_RE.sub("", text)
    text = _tidy_lines(text)
    if leading := _LEADING_RE.match(text):  # match, not sub: sub would try every position
        text = text[leading.end():]
    text = text.rstrip(" \n,")
    if text.endswith(")"):
        tail = text[-40:]
        text = text[: len(text) - len(tail)] + _INITIALS_RE.sub("", tail)
        text = text.rstrip(" \n,")
    if "  " in text:
        text = _SPACES_RE.sub(" ", text)
    return text
