"""Publication dates: from the record's date field, else the URL, else a dateline.

A small grammar of compiled regexes plus a month table, instead of a general
date parser: every format the corpus uses is listed here, anything else is
``None`` rather than a guess. Day-first is the only numeric order accepted
for ``d/m/yyyy`` (Indonesian convention); year-first only as ``yyyy-mm-dd``.

``published_date`` is the date *as written* in local time: "2019-09-17
00:00:00" with the time "17:05 WIB" is 2019-09-17; an ISO offset is not used
to move the date to UTC.
"""

from __future__ import annotations

import datetime as dt
import re

from peristiwa.model import PublishedDate

MIN_YEAR = 1990
MAX_YEAR = 2100
DATELINE_CHARS = 300

MONTHS: dict[str, int] = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Indonesian (and older spellings)
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "oktober": 10, "nopember": 11, "desember": 12,
    "agu": 8, "agt": 8, "ags": 8, "agus": 8, "okt": 10, "nop": 11, "des": 12,
}
WEEKDAYS: tuple[str, ...] = (
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_MON = rf"(?P<mon>{_alt(MONTHS)})\.?"
_WDAY = rf"(?:{_alt(WEEKDAYS)})"
_WD_PREFIX = rf"(?:{_WDAY}\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
# An optional clock time after the date: "00:00:00", "T21:48:00+07:00", ", 17.05 WIB".
_TIME = (
    r"(?:(?:\s*,?\s*|T)(?:pukul\s+|jam\s+|at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    r"\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT|UTC|GMT)?)?"
)
_I = re.IGNORECASE

# Date fields: the whole (stripped) value must match one of these.
_FIELD_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(_WD_PREFIX + body + _TIME, _I)
    for body in (
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",  # 2019-09-17, 2019-10-09T21:48:00+07:00
        r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})",  # 2019/09/17
        r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})",  # 20/09/2019 (day first)
        rf"(?P<d>\d{{1,2}}){_ORD}(?:\s+|-){_MON}(?:\s+|-|,\s*)(?P<y>\d{{4}}|\d{{2}})",  # 26 Oktober 2019, 10-Sep-19
        rf"{_MON}\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})",  # Sep 24, 2019; Agustus 09, 2019
    )
)

# URL paths: strict, so that numeric ids are not read as dates.
_URL_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)"),  # /2019/09/10/
    re.compile(r"(?<=[/_-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),  # /2019-09-10/
    # /20190910, -20190910, CNN Indonesia /20170403122617-113-204547/ (with hhmmss)
    re.compile(r"(?<=[/_-])(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:(?P<hh>\d{2})(?P<mi>\d{2})(?P<ss>\d{2}))?(?!\d)"),
)

# Datelines, looked for in the first DATELINE_CHARS characters of the text.
_DMY_LONG = rf"(?P<d>\d{{1,2}}){_ORD}\s+{_MON}\s+(?P<y>\d{{4}})"
_MDY_LONG = rf"{_MON}\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})"
_DMY_NUM = r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
_END = r"(?![\w/])"
_HEAD_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _I)
    for p in (
        # "Friday, January 4, 2019" / "Senin, 14 Oktober 2019" opening the text (Wikinews)
        rf"\s*{_WD_PREFIX}{_MDY_LONG}{_END}",
        rf"\s*{_WD_PREFIX}{_DMY_LONG}{_END}",
        # "Jakarta, 17 September 2019 -"
        rf"\s*[^\W\d][^\n,()]{{0,40}},\s*{_WD_PREFIX}{_DMY_LONG}{_END}",
        rf"\s*[^\W\d][^\n,()]{{0,40}},\s*{_WD_PREFIX}{_MDY_LONG}{_END}",
        # "JAKARTA, KOMPAS.com (12/3/2017)"
        rf"\s*[^\W\d][^\n()]{{0,60}}?\(\s*(?:{_WDAY},?\s*)?{_DMY_NUM}\s*\)",
    )
)
# A weekday and a full date within the first sentence: "Rabu (18/6/2025)", "(Selasa, 21/02/2017)",
# "Selasa, 17 September 2019".
_EMPTY = frozenset({"", "-", "--", "n/a", "na", "none", "null", "nan"})


def _make(y: str, m: str | int, d: str) -> dt.date | None:
    year = int(y)
    if len(y) == 2:  # "10-Sep-19": two-digit years only next to a month name
        year += 2000 if year < 70 else 1900
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, int(m), int(d))
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    mon = g.get("mon")
    month: str | int | None = MONTHS.get(mon.lower()) if mon else g.get("m")
    if month is None or g.get("d") is None or g.get("y") is None:
        return None
    return _make(g["y"], month, g["d"])


def parse_date_field(value: str | None) -> dt.date | None:
    """A date field as the corpus writes it, or None (empty, '-', or not understood)."""
    if value is None:
        return None
    value = value.strip()
    if value.lower() in _EMPTY:
        return None
    for pattern in _FIELD_RES:
        match = pattern.fullmatch(value)
        if match:
            return _from_match(match)
    return None


def date_from_url(url: str | None) -> dt.date | None:
    """A date written in the URL path (/2019/09/10/, /20190910, -20190910, /2019-09-10/), or None."""
    if not url:
        return None
    start = url.find("://")
    path_start = url.find("/", start + 3 if start >= 0 else 0)
    if path_start < 0:
        return None
    path = url[path_start:]
    for pattern in _URL_RES:
        for match in pattern.finditer(path):
            if match.group("y")[:2] not in ("19", "20"):
                continue
            if "hh" in match.groupdict() and match.group("hh") is not None:
                if int(match.group("hh")) > 23 or int(match.group("mi")) > 59 or int(match.group("ss")) > 59:
                    continue
            found = _make(match.group("y"), match.group("m"), match.group("d"))
            if found:
                return found
    return None


def date_from_dateline(text: str | None) -> dt.date | None:
    """A date in the dateline at the start of the text, or None.

    A date later in the first sentence ("... pada Jumat (10/11/2017)") is the
    event's date, not the publication's: the contract's gold leaves it out.
    """
    if not text:
        return None
    head = text[:DATELINE_CHARS].lstrip(" \t\n\r,-–—\u00a0")
    for pattern in _HEAD_RES:
        match = pattern.match(head)
        if match:
            found = _from_match(match)
            if found:
                return found
    return None


def unreadable_date_field(date_field: str | None, time_field: str | None = None) -> bool:
    """A date field that says something (not empty, not "-") that no known format reads."""
    if not date_field or date_field.strip().lower() in _EMPTY:
        return False
    if parse_date_field(date_field) is not None:
        return False
    return not (time_field and len(time_field.strip()) > 8 and parse_date_field(time_field) is not None)


def published_date(
    date_field: str | None, time_field: str | None, url: str | None, text: str | None
) -> PublishedDate:
    """The publication date: the date field, else the URL, else a dateline near the start.

    Where the field and the URL disagree exactly by a day/month swap (a known
    publisher bug: "2019-10-09" for an article at /2019/09/10/), the URL wins.
    Any other disagreement keeps the field, with a note.
    """
    field = parse_date_field(date_field)
    note: str | None = None
    if field is None:
        # A time field sometimes carries the whole timestamp.
        field = parse_date_field(time_field) if time_field and len(time_field.strip()) > 8 else None
        if field is None and unreadable_date_field(date_field):
            note = f"date field {date_field.strip()[:40]!r} not understood"
    from_url = date_from_url(url)
    if field is not None:
        if from_url is None or from_url == field:
            return PublishedDate(field, "field")
        if field.month == from_url.day and field.day == from_url.month:
            return PublishedDate(
                from_url,
                "url",
                f"date field {field.isoformat()} is a day/month swap of the URL date "
                f"{from_url.isoformat()}; URL used",
            )
        return PublishedDate(
            field, "field", f"date field {field.isoformat()} differs from the URL date {from_url.isoformat()}; field used"
        )
    if from_url is not None:
        return PublishedDate(from_url, "url", note)
    from_text = date_from_dateline(text)
    if from_text is not None:
        return PublishedDate(from_text, "dateline", note)
    return PublishedDate(None, None, note)
