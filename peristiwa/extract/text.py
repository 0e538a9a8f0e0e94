"""Sentence spans and date expressions in Indonesian and English news text.

Spans (not strings) are returned so that cue hits found once over the whole
article can be mapped onto sentences without scanning the text again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    precision: str  # day, month, year
    start: int


MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
    "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8,
    "agu": 8, "agt": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
# Months must be capitalised: "may", "mar", "des" are ordinary lowercase words.
_MON = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DATE = re.compile(
    rf"(?<![\d/])(?P<d1>\d{{1,2}})/(?P<m1>\d{{1,2}})/(?P<y1>\d{{4}}|\d{{2}})(?![\d/])"
    rf"|\((?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})\)"
    rf"|(?<!\d)(?P<d3>\d{{1,2}})\s+(?P<m3>{_MON})\s+(?P<y3>\d{{4}})(?!\d)"
    rf"|(?P<m4>{_MON})\s+(?P<d4>\d{{1,2}}),?\s+(?P<y4>\d{{4}})(?!\d)"
    rf"|(?P<m5>{_MON})\s+(?P<y5>(?:19|20)\d\d)(?!\d)"
    rf"|(?<!\d)(?P<d6>\d{{1,2}})\s+(?P<m6>{_MON})(?![\w])"
    rf"|(?i:\b(?:tahun|pada|sejak|in|since)\s+)(?P<y7>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<yest>\b(?i:kemarin|yesterday)\b)"
)


def find_dates(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every resolvable date expression in text[start:end], in order.

    Day/month without a year takes the publication year, and gives nothing
    without a publication date (contract, "Conventions"); so does "kemarin".
    """
    found: list[FoundDate] = []
    for m in _DATE.finditer(text, start, len(text) if end is None else end):
        g = m.groupdict()
        try:
            if g["d1"]:
                year = int(g["y1"]) + (2000 if len(g["y1"]) == 2 else 0)
                found.append(FoundDate(dt.date(year, int(g["m1"]), int(g["d1"])), "day", m.start()))
            elif g["d3"]:
                found.append(FoundDate(dt.date(int(g["y3"]), _month(g["m3"]), int(g["d3"])), "day", m.start()))
            elif g["d4"]:
                found.append(FoundDate(dt.date(int(g["y4"]), _month(g["m4"]), int(g["d4"])), "day", m.start()))
            elif g["m5"]:
                found.append(FoundDate(dt.date(int(g["y5"]), _month(g["m5"]), 1), "month", m.start()))
            elif g["y7"]:
                found.append(FoundDate(dt.date(int(g["y7"]), 1, 1), "year", m.start()))
            elif published is None:
                continue
            elif g["d2"]:
                found.append(FoundDate(dt.date(published.year, int(g["m2"]), int(g["d2"])), "day", m.start()))
            elif g["d6"]:
                found.append(FoundDate(dt.date(published.year, _month(g["m6"]), int(g["d6"])), "day", m.start()))
            elif g["yest"]:
                found.append(FoundDate(published - dt.timedelta(days=1), "day", m.start()))
        except ValueError:
            continue  # 31/2, 18/13: not a date
    return found


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]
