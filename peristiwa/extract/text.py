"""Sentence spans in Indonesian and English news text.

Spans (not strings) are returned so that cue hits found once over the whole
article can be mapped onto sentences without scanning the text again. Date
expressions live in ``dates.py``; ``FoundDate`` and ``find_dates`` are
re-exported here for the callers that import them from this module.
"""

from __future__ import annotations

import re

from peristiwa.extract.dates import FoundDate, find_dates

__all__ = ["ABBREVIATIONS", "FoundDate", "find_dates", "sentence_spans"]

# Tokens that end with a period but do not end a sentence (compared lowercased,
# without the period): ranks, titles, honorifics, and common short forms.
ABBREVIATIONS = frozenset("""
    komjen irjen brigjen kombes akbp akp ajun ipda iptu aiptu bripka brigpol briptu bripda
    pol jend jen letjen mayjen laksda laksma marsda marsma kol letkol mayor kapt lettu letda
    dr drs dra ir h hj kh prof st sh se mh msi mm mt spd ssos sip no nomor jl jln kec kab kel
    rp tgl hlm dll dsb dst yth bpk sdr an a.n u.s mr mrs ms jr sr gen lt col capt sgt inc ltd
    co corp vs etc approx dept govt tn ny nn
""".split())
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\s*\n\s*|\s*[•·▪]\s*")
_LAST_TOKEN = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"^[(\"'“‘]?(?:[A-Z]\.)*[A-Z]$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace-trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group()[0] in ".!?" and not _ends_sentence(text, start, m):
            continue
        _append(spans, text, start, m.start() + (1 if m.group()[0] in ".!?" else 0))
        start = m.end()
    _append(spans, text, start, len(text))
    return spans


def _ends_sentence(text: str, start: int, m: re.Match[str]) -> bool:
    following = text[m.end():m.end() + 1]
    if following and following.islower():
        return False  # "... Pol. boy" never happens; a lowercase next word means no break
    token = _LAST_TOKEN.search(text, start, m.start())
    if token is None:
        return True
    word = token.group(1).lstrip("([\"'“‘").lower()
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return False
    # Initials ("Haryoko R.W. menegaskan", "M. Hendra") are single capitals before the period.
    return not _INITIALS.match(token.group(1))


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
