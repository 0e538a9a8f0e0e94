"""The date grammar of ``dates.py``: word lists, the families' regex and the cheap anchor scan.

Kept apart from the resolvers so that each module stays readable; ``dates.py`` documents the
rules. The grammar is one alternation of named families (``m.lastgroup`` picks the resolver).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "februari": 2, "pebruari": 2, "february": 2, "maret": 3, "march": 3,
    "april": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7, "agustus": 8, "august": 8,
    "september": 9, "oktober": 10, "october": 10, "november": 11, "nopember": 11, "desember": 12, "december": 12,
}
ABBREVIATED: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
NUMBERS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1, "se": 1,  # "se" as in "setahun"
}
MIN_YEAR, MAX_YEAR = 1945, 2100
FUTURE_SLACK = dt.timedelta(days=62)  # "~2 months": a yearless date further ahead is last year's


def _words(words: Iterable[str], capital: bool = True) -> str:
    """A non-capturing alternation grouped by first letter (optionally also capitalised):
    the engine then rejects a position on one character instead of trying every word."""
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    parts = []
    for first, rests in sorted(by_first.items()):
        head = f"[{first}{first.upper()}]" if capital and first.islower() else re.escape(first)
        tail = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(rests, key=len, reverse=True))
        parts.append(f"{head}(?:{tail})")
    return "(?:" + "|".join(parts) + ")"


# Month and weekday names must be capitalised: "may", "mar", "des", "minggu" (week) are ordinary words.
_MON = _words([m.capitalize() for m in (*MONTHS, *ABBREVIATED)]) + r"\.?"
_MONFULL = _words([m.capitalize() for m in MONTHS])
_WD = "(?:" + _words([w for w in WEEKDAYS if w != "minggu"]) + "|Minggu)"
_NUM = r"(?:\d\d?|" + _words(n for n in NUMBERS if n != "se") + ")"
_AGO = r"\s+(?:yang\s+)?(?:lalu|silam)|\s+ago"
_PAST = r"\s+(?:yang\s+)?(?:lalu|silam)|\s+kemarin"
_FILL = r"(?:,?\s+" + _words(["pagi", "siang", "sore", "petang", "malam", "dini hari", "subuh", "waktu setempat",
                              "morning", "afternoon", "evening", "night", "local time"], capital=False) + ")*"
_PREFIX = _words(["pada", "sejak", "awal", "akhir", "pertengahan", "medio", "penghujung", "in", "since", "early",
                  "late", "during", "end of", "beginning of", "start of"])
# Words after a year that make it a count or an amount ("pada 2020 orang"), not a date.
_COUNT = _words(["orang", "jiwa", "persen", "unit", "buah", "kali", "ekor", "personel", "people", "persons",
                 "percent", "per cent", "times", "troops", "members"], capital=False)
_UNIT = r"(?:[Tt]ahun|[Bb]ulan|[Hh]ari|[Pp]ekan|[Mm]inggu|years?|months?|days?|weeks?)"
_LAW = r"[Nn]omor|[Nn]omer|[Nn]o|UU|PP|Perpres|Perppu|Perpu|Perda|Perkap|Permen\w*|Keppres|Inpres"
# Before a bare "9/11" these make it a day of the month (9 November), not the 2001 attacks.
_NOT_A_DAY = "".join(f"(?<!{w} )" for w in ("pada", "tanggal", "tgl", "tgl.", "Senin", "Selasa", "Rabu", "Kamis",
                                             "Jumat", "Sabtu", "Minggu"))
# "17-18 September", "5 dan 6 Juni", "July 27-28": a span of days is dated by its first.
_RANGE_END = r"(?:\s*[-–]\s*|\s+(?:dan|hingga|sampai|s\.?d\.?|and|to|through)\s+)\d\d?(?!\d)"
_FAMILIES = [
    # "UU Nomor 5 Tahun 2018" is a law's year, not an event's; "2,5 tahun lalu" is not "tahun lalu",
    # "beberapa bulan lalu" not "bulan lalu"; "setiap hari Minggu", "every Friday" is a habit, no day.
    rf"(?P<skip>(?:{_LAW})\.?\s*\d+[A-Za-z]?\s+[Tt]ahun\s+\d{{4}}|\d+[.,]\d+\s+{_UNIT}"
    rf"|(?:[Bb]eberapa|[Ss]everal|[Ff]ew)\s+{_UNIT}|(?:[Ss]etiap|[Tt]iap|[Ee]very)\s+(?:hari\s+|malam\s+)?{_WD}(?!\w))",
    # "9/11", "serangan 9/11": the 2001 attacks (a bare d/m is no date otherwise; "pada 9/11" and
    # "Sabtu 9/11" read as a day of November are left alone).
    rf"(?P<nine>{_NOT_A_DAY}9/11(?![\d/]))",
    r"(?P<par>\(\s*(?P<par_d>\d\d?)\s*/\s*(?P<par_m>\d\d?)\s*(?:/\s*(?P<par_y>\d{4}|\d\d)\s*)?\))",
    r"(?P<slash>(?P<sl_d>\d\d?)/(?P<sl_m>\d\d?)/(?P<sl_y>\d{4}|\d\d)(?![\d/]))",
    rf"(?P<dmy>(?P<dmy_d>\d\d?)(?:st|nd|rd|th)?(?:{_RANGE_END}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<dmy_m>{_MON})"
    rf"(?:,?\s+\[?(?P<dmy_y>\d{{4}})\]?)?(?!\w)"
    r"(?!\s+(?:nanti|mendatang|depan|yang\s+akan\s+datang)\b)"  # "28 September mendatang" is ahead
    rf"(?P<dmy_past>{_PAST})?)",
    # Month first: "June 18, 2025", "Desember 2022", "Oktober lalu", "Januari tahun lalu" (joined later).
    rf"(?P<mon_m>{_MON})(?:(?P<mdy>\s+(?P<mdy_d>\d\d?)(?:st|nd|rd|th)?(?!\d)(?:{_RANGE_END})?"
    rf"(?:,?\s+\[?(?P<mdy_y>\d{{4}})\]?)?(?!\w))"
    rf"|(?P<my>\s+(?:tahun\s+)?(?P<my_y>\d{{4}})(?!\d))|(?P<mon2>(?:{_PAST})"
    rf"|(?=\s+(?:[Tt]ahun\s+(?:lalu|ini|kemarin)|{_NUM}\s+(?:tahun|years?)\s|[Ll]ast\s+year|[Tt]his\s+year))))",
    rf"(?P<yr>(?:{_PREFIX}\s+)*(?:[Tt]ahun\s+|[Mm]id-|{_PREFIX}\s+)(?P<yr_y>\d{{4}})"
    rf"(?![\d/]|[.,]\d|-?an\b|\s*{_COUNT}\b)(?:{_PAST})?)",
    r"(?P<yr2>(?P<yr2_y>[12][09]\d\d)\s+(?:yang\s+)?(?:lalu|silam))",
    rf"(?P<yrel>(?:(?P<yrel_n>{_NUM})\s+|(?P<yrel_se>[Ss]e))(?:tahun|years?)(?:{_AGO})"
    r"|(?P<yrel_last>[Tt]ahun\s+(?:lalu|kemarin)|[Ll]ast\s+year)|(?P<yrel_this>[Tt]ahun\s+ini|[Tt]his\s+year))",
    rf"(?P<mrel>(?:(?P<mrel_n>{_NUM})\s+|(?P<mrel_se>[Ss]e))(?:bulan|months?)(?:{_AGO})"
    r"|(?P<mrel_last>(?:(?:[Aa]wal|[Aa]khir|[Pp]ertengahan)\s+)?[Bb]ulan\s+(?:lalu|kemarin|yang\s+lalu)|[Ll]ast\s+month)"
    r"|(?P<mrel_this>(?:(?:[Aa]wal|[Aa]khir|[Pp]ertengahan)\s+)?[Bb]ulan\s+ini"
    r"|(?:(?:[Ee]arlier|[Ee]arly|[Ll]ater|[Ll]ate)\s+)?[Tt]his\s+month))",
    # "Awal pekan ini", "earlier this week": the current week, told at month precision (the contract
    # has no week precision; the gold dates such acts to the month of the week's Monday).
    r"(?P<wthis>(?:[Aa]wal|[Pp]ada\s+awal)\s+(?:pekan|minggu)\s+ini|[Ee]arlier\s+this\s+week)",
    # Weeks (no precision for them) and the future: before the weekdays, so "Minggu lalu" is a week.
    rf"(?P<none>(?:[Pp]ekan|[Mm]inggu)\s+(?:lalu|kemarin|yang\s+lalu|ini|depan|mendatang)"
    rf"|(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:week|month|year)|(?:{_NUM}\s+|[Ss]e)(?:pekan|minggu|weeks?)(?:{_AGO})"
    r"|(?:[Bb]ulan|[Tt]ahun)\s+(?:depan|mendatang)|[Bb]esok|[Tt]omorrow)",
    rf"(?P<drel>[Kk]emarin\s+lusa|[Tt]he\s+day\s+before\s+yesterday|(?:(?P<drel_n>{_NUM})\s+|(?P<drel_se>[Ss]e))"
    rf"(?:hari|days?)(?:{_AGO})"
    r"|(?P<drel_1>[Kk]emarin|[Yy]esterday|[Ss]emalam|[Tt]adi\s+malam|[Mm]alam\s+tadi|[Ll]ast\s+night)"
    r"|(?P<drel_0>[Hh]ari\s+ini|(?:[Pp]agi|[Ss]iang|[Ss]ore|[Pp]etang|[Mm]alam)\s+ini|[Tt]adi\s+(?:pagi|siang|sore|petang)"
    r"|(?:[Dd]ini\s+hari|[Pp]agi|[Ss]iang|[Ss]ore|[Pp]etang)\s+tadi"  # "pagi tadi": earlier today
    r"|[Tt]oday|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening)))",
    rf"(?P<mon>(?P<mon_pre>(?:(?:{_PREFIX}|[Bb]ulan|[Ll]ast)\s+|[Mm]id-)+)(?P<mon_m2>{_MONFULL})(?!\w)(?!,?\s*\d)"
    r"(?!\s+(?:nanti|mendatang|depan)\b)"  # "pada Oktober nanti" is ahead
    rf"(?P<mon_past>{_PAST})?)",
    rf"(?P<wd>(?:(?P<wd_pre>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+)?(?P<wd_d>{_WD})(?!\w){_FILL}"
    r"(?:\s+(?P<wd_rel>(?:yang\s+)?lalu|kemarin|(?:pekan|minggu)\s+(?:lalu|kemarin|ini|depan)|(?:last|next|this)\s+week"
    r"|depan|mendatang|ini))?)",
]
_GRAMMAR = re.compile("(?:" + "|".join(_FAMILIES) + ")")  # tried with .match at candidate positions only

# Speed: a big alternation tried at every position costs ~1.5 us per position in CPython's
# engine, ~50 us per sentence. So a cheap scan first finds candidate starts: a separator,
# then the first character of a word that can begin some family, then a short check; the
# engine skips most text on the separator charset and rejects most words on one character.
# Every family's possible first word must have an anchor here, or the family is never tried.
_MONTH_INITIALS = "".join(sorted({m[0].upper() for m in MONTHS}))
_YEAR_OR_MONTH = rf"(?=[\s-]+(?:[\w-]+\s+){{0,3}}?(?:\d|{_MONFULL}|this\s|bulan\s))"
_ANCHORS: list[tuple[list[str], str]] = [
    ([r"\d"], rf"\d{{0,3}}(?:\s*/|(?:st|nd|rd|th)?(?:{_RANGE_END})?\s+(?:of\s+)?[{_MONTH_INITIALS}]|\s+{_UNIT}"
              rf"|[.,]\d+\s+{_UNIT}"
              r"|\s+(?:yang\s+)?(?:lalu|silam))"),
    ([r"\("], r"\s*\d"),
    ([m.capitalize() for m in (*MONTHS, *ABBREVIATED)] + [w for w in WEEKDAYS if w != "minggu"] + ["Minggu"],
     "(?![a-z])"),
    (["kemarin", "yesterday", "semalam", "tadi", "today", "tonight", "tomorrow", "besok"], ""),
    (["last", "this", "next", "past", "earlier", "later"], r"(?=\s)"),
    (["the"], r"(?=\s+day\s+before)"),
    (["hari", "pagi", "siang", "sore", "petang", "malam"], r"(?=\s+(?:ini|tadi))"),
    (["dini"], r"(?=\s+hari\s+tadi)"),
    (["bulan", "tahun", "pekan", "minggu"], rf"(?=\s+(?:lalu|kemarin|yang|ini|depan|mendatang|\d|[{_MONTH_INITIALS}]))"),
    (["pada", "sejak", "awal", "akhir", "pertengahan", "medio", "penghujung", "in", "since", "early", "late", "during",
      "mid", "end", "beginning", "start"],
     _YEAR_OR_MONTH),
    (["se"], r"(?=tahun|bulan|hari|minggu|pekan)"),
    (["awal"], r"(?=\s+(?:pekan|minggu)\s+ini)"),
    ([n for n in NUMBERS if n != "se"], rf"(?=\s+(?:few\s+)?{_UNIT})"),
    (["beberapa", "several", "few"], rf"(?=\s+{_UNIT})"),
    (["setiap", "tiap", "every"], r"(?=\s+(?:hari\s+|malam\s+)?[A-Z])"),
    (["nomor", "nomer", "no", "UU", "PP", "perpres", "perppu", "perpu", "perda", "perkap", "permen", "keppres", "inpres"],
     r"(?=\w*\.?\s*\d)"),
]


def _anchor_pattern() -> str:
    """One alternative per first character, either case (a superset is fine here: the grammar
    decides), so that most words fail on a single test."""
    rests: dict[str, list[str]] = {}
    for words, after in _ANCHORS:
        for word in words:
            first, rest = (word[:2], word[2:]) if word.startswith("\\") else (word[0], re.escape(word[1:]))
            key = f"[{first.lower()}{first.upper()}]" if first.isalpha() else first
            rests.setdefault(key, []).append(rest + after)
    return "|".join(f"{k}(?:{'|'.join(sorted(set(v), key=len, reverse=True))})" for k, v in rests.items())


_ANCHOR = re.compile(_anchor_pattern())  # at the start of the scanned range
_CANDIDATE = re.compile(r"[\s(,;:\-–—\"'“‘\[](?:" + _anchor_pattern() + ")")  # elsewhere: after a separator
_EXPLICIT = frozenset({"par", "slash", "dmy", "mdy"})
_GLUE = re.compile(r"[\s,(]*(?:(?:tanggal|tgl\.?|the)\s+)?")  # between a weekday and its date


