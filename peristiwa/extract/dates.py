"""Event dates in Indonesian and English news sentences, resolved against the publication date.

A grammar of named *families* (``m.lastgroup``, one resolver each) is tried only where a cheap
scan finds a word that can begin one (see ``_ANCHORS``). Two compositions are joined after
matching instead of written into the grammar twice: a weekday or "hari ini" right before an
explicit date ("Rabu (18/6/2025)"), and a day-month or month right before a relative year
("14 Januari dua tahun lalu"). Rules (contract, "Slots -> event_date" and "Conventions"):

- an explicit date wins over a weekday beside it; ``weekday_ok`` records whether they agree;
- a day or month without a year takes the publication year, or the year before when that
  would lie more than ~2 months after publication (news reports the past); with
  "lalu"/"silam"/"last" it may not lie after publication at all;
- without a publication date only expressions carrying their own year resolve;
- the contract has no week precision: "pekan lalu"/"last week" alone give nothing; with a
  weekday ("Sabtu pagi pekan lalu") they give that day of the previous (Monday-first) week;
- a bare weekday ("pada Senin", "said Sunday") is the latest such day on or before
  publication, "Senin lalu"/"last Monday" the latest strictly before it;
- "semalam"/"tadi malam"/"last night" is the day before publication: such reports mostly
  appear the next morning (an evening report about that evening is off by one);
- "awal pekan ini"/"earlier this week" is the month of this week's Monday, precision month;
- a year in brackets ("June 27 [2019]", an editor's insertion) is the date's own year;
- a span of days ("17-18 September", "5 dan 6 Juni", "July 27-28") is dated by its first day;
- "pagi tadi"/"dini hari tadi" is the publication day, "malam tadi" the day before (as "tadi malam");
- "hari ini, 18 tahun yang lalu"/"18 years ago today" is the publication day that many years back;
- a bare "9/11" names the 2001 attacks (not after "pada", "tanggal" or a weekday, where it would be
  a day of November); other bare day/month pairs are no date ("3/4 peserta");
- future forms (besok, depan, next), vague counts ("beberapa bulan lalu") and law
  citations ("UU Nomor 5 Tahun 2018") are matched only so that no other family reads
  them, and give nothing.

``language`` does not choose word lists (Indonesian articles quote English and the two
vocabularies do not collide); it only gates yearless "June 18", which Indonesian writes "18 Juni".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peristiwa.extract.dategrammar import (
    ABBREVIATED, FUTURE_SLACK, MAX_YEAR, MIN_YEAR, MONTHS, NUMBERS, WEEKDAYS, _ANCHOR, _CANDIDATE, _EXPLICIT,
    _GLUE, _GRAMMAR,
)

_ANNIVERSARY_GLUE = re.compile(r"[\s,]*")

__all__ = ["ABBREVIATED", "MONTHS", "NINE_ELEVEN", "NUMBERS", "WEEKDAYS", "FoundDate", "find_dates", "find_event_dates"]
NINE_ELEVEN = dt.date(2001, 9, 11)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A resolved date expression; ``start``/``end`` index the scanned text."""

    date: dt.date
    precision: str  # day, month, year
    start: int
    end: int
    text: str
    weekday_ok: bool | None = None  # a weekday named beside an explicit date: do they agree?

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def find_event_dates(sentence: str, published: dt.date | None, language: str) -> list[FoundDate]:
    """Every resolvable date expression of the sentence, in order (``language``: id, en or other)."""
    return find_dates(sentence, published, language=language)


def find_dates(text: str, published: dt.date | None, start: int = 0, end: int | None = None,
               language: str = "other") -> list[FoundDate]:
    """As ``find_event_dates``, over text[start:end]; spans index ``text``."""
    end = len(text) if end is None else end
    matches = _matches(text, start, end)
    found: list[FoundDate] = []
    i = 0
    while i < len(matches):
        first, nxt = matches[i], matches[i + 1] if i + 1 < len(matches) else None
        last, weekday_ok = first, None
        if (first.lastgroup in ("wd", "drel") and nxt and nxt.lastgroup in _EXPLICIT
                and _GLUE.fullmatch(text, first.end(), nxt.start())):
            last = nxt  # "Rabu (18/6/2025)", "hari ini (1/10)": the explicit date wins, a weekday checks it
            resolved = _resolve(nxt, published, language)
            if resolved and resolved[1] == "day" and first.lastgroup == "wd":
                weekday_ok = resolved[0].weekday() == WEEKDAYS[first.group("wd_d").lower()]
        elif nxt and {first.lastgroup, nxt.lastgroup} == {"drel", "yrel"} and _today(first, nxt) \
                and _ANNIVERSARY_GLUE.fullmatch(text, first.end(), nxt.start()):
            last = nxt  # "hari ini, 18 tahun yang lalu", "18 years ago today": this day N years back
            years = _years_back(first if first.lastgroup == "yrel" else nxt)
            resolved = _dated(published.year - years, published.month, min(published.day, 28)
                              if (published.month, published.day) == (2, 29) else published.day, "day") \
                if published else None
        elif (first.lastgroup in {"dmy", "mdy", "mon", "mon2"} and nxt and nxt.lastgroup == "yrel"
              and not _year_given(first) and text[first.end():nxt.start()].isspace()):
            last = nxt  # "14 Januari dua tahun lalu"
            resolved = _resolve(first, published, language, _years_back(nxt)) if published else None
        else:
            resolved = _resolve(first, published, language)
        i += 2 if last is not first else 1
        if resolved:
            span = (first.start(), last.end())
            found.append(FoundDate(resolved[0], resolved[1], *span, text[span[0]:span[1]], weekday_ok))
    return found


def _today(a: re.Match[str], b: re.Match[str]) -> bool:
    """One is "hari ini"/"today", the other a count of years back ("18 tahun lalu")."""
    day, year = (a, b) if a.lastgroup == "drel" else (b, a)
    return bool(day.group("drel_0") and (year.group("yrel_n") or year.group("yrel_se")))


def _matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Grammar matches in text[start:end], tried only where a candidate word begins."""
    found: list[re.Match[str]] = []
    at: int | None = start if _ANCHOR.match(text, start, end) else None
    pos = start
    while True:
        if at is None:
            candidate = _CANDIDATE.search(text, pos, end)
            if candidate is None:
                return found
            at = candidate.start() + 1
        m = _GRAMMAR.match(text, at, end)
        if m:
            found.append(m)
        pos, at = (m.end() if m else at), None
        if m and text.startswith("(", pos) and pos < end:
            at = pos  # "Senin(23/9)": a bracket glued to the weekday still opens a date


def _resolve(m: re.Match[str], pub: dt.date | None, language: str,
             years_back: int | None = None) -> tuple[dt.date, str] | None:
    """The date and precision of one family's match, or None."""
    g, kind = m.group, m.lastgroup
    if kind == "par":
        return _day(int(g("par_d")), int(g("par_m")), g("par_y"), pub, False, years_back)
    if kind == "slash":
        return _day(int(g("sl_d")), int(g("sl_m")), g("sl_y"), pub, False, years_back)
    if kind == "dmy":
        return _day(int(g("dmy_d")), _month(g("dmy_m")), g("dmy_y"), pub, bool(g("dmy_past")), years_back)
    if kind == "mdy":
        if g("mdy_y") is None and language == "id":
            return None  # Indonesian writes "18 Juni"; "Mei 2" is a count
        return _day(int(g("mdy_d")), _month(g("mon_m")), g("mdy_y"), pub, False, years_back)
    if kind == "my":
        return _dated(int(g("my_y")), _month(g("mon_m")), 1, "month")
    if kind == "nine":
        return NINE_ELEVEN, "day"
    if kind in ("yr", "yr2"):
        return _dated(int(g(f"{kind}_y")), 1, 1, "year")
    if pub is None:
        return None  # everything below is relative to the publication date
    if kind in ("mon", "mon2"):
        if kind == "mon":  # "pada bulan Maret lalu", "last March"
            past, month = bool(g("mon_past")) or "last" in g("mon_pre").lower(), _month(g("mon_m2"))
        else:  # "Oktober lalu", or "Januari" before "tahun lalu" (empty: a lookahead)
            past, month = bool(g("mon2")), _month(g("mon_m"))
        if years_back is not None:
            return _dated(pub.year - years_back, month, 1, "month")
        return _recent(pub, month, 1, past, "month")
    if kind == "yrel":
        return _dated(pub.year - _years_back(m), 1, 1, "year")
    if kind == "mrel":
        n = 1 if g("mrel_last") else 0 if g("mrel_this") else _count(g("mrel_n"), g("mrel_se"))
        months = pub.year * 12 + pub.month - 1 - n
        return _dated(months // 12, months % 12 + 1, 1, "month")
    if kind == "wthis":
        monday = pub - dt.timedelta(days=pub.weekday())
        return _dated(monday.year, monday.month, 1, "month")
    if kind == "drel":
        n = 1 if g("drel_1") else 0 if g("drel_0") else 2 if not (g("drel_n") or g("drel_se")) \
            else _count(g("drel_n"), g("drel_se"))
        return pub - dt.timedelta(days=n), "day"
    if kind == "wd":
        return _weekday(WEEKDAYS[g("wd_d").lower()], (g("wd_pre") or "").lower(), (g("wd_rel") or "").lower(), pub)
    return None  # skip, none


def _weekday(wd: int, pre: str, rel: str, pub: dt.date) -> tuple[dt.date, str] | None:
    if pre == "next" or any(w in rel for w in ("depan", "mendatang", "next")):
        return None  # future: not an event date
    if any(w in rel for w in ("pekan", "minggu", "week")) and not any(w in rel for w in ("ini", "this")):
        monday = pub - dt.timedelta(days=pub.weekday() + 7)  # that weekday of the previous week
        return monday + dt.timedelta(days=wd), "day"
    if pre in ("last", "past") or rel in ("lalu", "yang lalu", "kemarin"):
        return pub - dt.timedelta(days=(pub.weekday() - wd - 1) % 7 + 1), "day"  # strictly before
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7), "day"  # on or before


def _day(day: int, month: int, year: str | None, pub: dt.date | None, past: bool,
         years_back: int | None) -> tuple[dt.date, str] | None:
    if year is not None:
        y = int(year)
        return _dated(y + (2000 if y < 50 else 1900) if len(year) == 2 else y, month, day, "day")
    if pub is None:
        return None  # contract: without a publication date a day and month give no date
    if years_back is not None:
        return _dated(pub.year - years_back, month, day, "day")
    return _recent(pub, month, day, past, "day")


def _recent(pub: dt.date, month: int, day: int, past: bool, precision: str) -> tuple[dt.date, str] | None:
    """The publication year's date, or the year before when it would lie too far ahead."""
    found = _dated(pub.year, month, day, precision)
    if found and (found[0] > pub if past else found[0] - pub > FUTURE_SLACK):
        return _dated(pub.year - 1, month, day, precision)
    return found


def _dated(year: int, month: int, day: int, precision: str) -> tuple[dt.date, str] | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day), precision
    except ValueError:
        return None  # 31/2, 18/13: not a date


def _years_back(m: re.Match[str]) -> int:
    return 1 if m.group("yrel_last") else 0 if m.group("yrel_this") else _count(m.group("yrel_n"), m.group("yrel_se"))


def _year_given(m: re.Match[str]) -> bool:
    return bool(m.lastgroup in ("dmy", "mdy") and m.group(f"{m.lastgroup}_y"))


def _count(number: str | None, se: str | None) -> int:
    if se:
        return 1
    assert number is not None
    return int(number) if number.isdigit() else NUMBERS[number.lower()]


def _month(name: str) -> int:
    key = name.rstrip(".").lower()
    return MONTHS.get(key) or ABBREVIATED[key]
