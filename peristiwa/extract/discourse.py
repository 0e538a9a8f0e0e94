"""Dates from discourse: an event whose own sentence carries no time expression.

Indonesian news states the day once ("Senin (14/10/2019)") and goes on without it;
English news does the same with "on Saturday". For an event sentence with no date
of its own, in order:

1. a following sentence that re-mentions *an* event anaphorically and dates it
   ("Insiden itu terjadi Selasa malam.", "Penangkapan dilakukan pada Senin (23/9)");
2. the nearest preceding sentence of the same paragraph that carries a date;
3. a date in the title;
4. the date of the lead (its first three sentences), for an act of the same family as
   one the lead reports: the story's own day, which later paragraphs go on without
   repeating ("Keduanya ditangkap di Bekasi.", "Polisi menyita 29 barang bukti."); a
   trial or a policy after an arrest lead is another day.

A yearless "11 September" that names the 2001 attacks ("serangan 11 September",
"9/11 attacks") is that day of 2001 (``named_day``), and dates no other sentence.

Dates that only say when something was *reported* ("seperti dikutip dari Reuters,
Rabu (11/9/2019)", "kata Budhi kepada wartawan, Senin") are not read from other
sentences: they date the saying, not the act. The publication date alone is never
used (contract: "never invent one").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from peristiwa.extract.text import FoundDate, find_dates

# A reporting clause right before a date: the date is when it was said or published.
_REPORTED = re.compile(
    r"(?:dikutip|mengutip|dilansir|melansir|dilaporkan|diberitakan|dalam\s+keterangan\w*|kepada\s+(?:\S+\s+){0,3}"
    r"|kata(?:nya)?|ujar(?:nya)?|ucap(?:nya)?|tutur(?:nya)?|jelas(?:nya)?|ungkap(?:nya)?|terang(?:nya)?"
    r"|tegas(?:nya)?|imbuh(?:nya)?|said|told|reported|according\s+to|quoted)\b[^.]{0,80}$",
    re.IGNORECASE)
# "Insiden itu terjadi Selasa malam", "Penangkapan tersebut dilakukan pada ...", "The attack took place on ...".
_ANAPHORIC_DATING = re.compile(
    r"(?:\S+\s+){0,3}?(?:(?:itu|tersebut|ini)\s+)?(?:terjadi|berlangsung|dilakukan|dilaksanakan|digelar|diadakan"
    r"|took\s+place|happened|occurred|was\s+carried\s+out)\b", re.IGNORECASE)
LEAD = 3  # sentences of the first paragraph that may date the whole story
# "serangan 11 September", "tragedi 11 September", "the September 11 attacks": the 2001 attacks.
_NINE_ELEVEN = re.compile(r"(?:serangan|tragedi|peristiwa|aksi\s+teror|teror|peringatan|attacks?\s+(?:of|on)|since)"
                          r"\s+(?:\S+\s+){0,1}$", re.IGNORECASE)
_NINE_ELEVEN_AFTER = re.compile(r"\s+(?:attacks?|terror|serangan)", re.IGNORECASE)
NINE_ELEVEN = dt.date(2001, 9, 11)
RECENT_DAYS = 60  # as keyword.BACKGROUND_DAYS
# Acts that happen together on the story's day (an operation's arrests, raids and disclosed plot;
# a visit's talks, agreements and pledges); other types only with a lead of their own type.
_FAMILIES = {t: "operation" for t in ("arrest", "security_operation", "threat")} | {
    t: "talks" for t in ("meeting", "agreement", "intel_sharing", "capacity_building",
                         "law_enforcement_cooperation", "cooperation_pledge")}
LATER = frozenset({"prosecution", "policy", "sanction"})  # steps that follow an incident on other days
LOOKAHEAD = 2  # sentences after the event searched for an anaphoric dating


class DiscourseDates:
    """Per-article cache of sentence dates; ``resolve`` dates an undated event sentence."""

    def __init__(self, text: str, spans: list[tuple[int, int]], published: dt.date | None,
                 language: str | None, title: str | None) -> None:
        self._text, self._spans, self._pub, self._lang = text, spans, published, language or "other"
        self._title = title
        self._cache: dict[int, list[FoundDate]] = {}
        self._para = [0] * len(spans)
        for k in range(1, len(spans)):
            gap = text[spans[k - 1][1]:spans[k][0]]
            self._para[k] = self._para[k - 1] + ("\n" in gap)

    def dates(self, i: int) -> list[FoundDate]:
        if i not in self._cache:
            s, e = self._spans[i]
            self._cache[i] = [named_day(self._text, d, s) for d in find_dates(self._text, self._pub, s, e,
                                                                               language=self._lang)]
        return self._cache[i]

    def _told(self, i: int) -> list[FoundDate]:
        """Dates of sentence i that date an act, not the reporting of it nor a named day."""
        start = self._spans[i][0]
        return [d for d in self.dates(i) if d.date != NINE_ELEVEN and self._recent(d)
                and not _REPORTED.search(self._text, max(start, d.start - 90), d.start)]

    def _recent(self, d: FoundDate) -> bool:
        """Only the story's own days carry over: an old date belongs to its sentence's background event."""
        return self._pub is None or (self._pub - d.date).days <= RECENT_DAYS

    def resolve(self, i: int, event_type: str, types: dict[int, set[str]]) -> FoundDate | None:
        """The date of an undated event of ``event_type`` in sentence i; ``types`` are the
        event types each sentence yielded."""
        text = self._text
        for k in range(i + 1, min(len(self._spans), i + 1 + LOOKAHEAD)):
            s, e = self._spans[k]
            if _ANAPHORIC_DATING.match(text, s, e):
                told = self._told(k)
                if told:
                    return told[0]
        for k in range(i - 1, -1, -1):
            if self._para[k] != self._para[i]:
                break
            told = self._told(k)
            if told:
                return told[-1]
            if any(not self._recent(d) for d in self.dates(k)):
                break  # the story turned to an earlier event: its date is not this one's
        if self._title:
            found = find_dates(self._title, self._pub, language=self._lang)
            if found:
                return found[0]
        if i < LEAD:
            return None
        lead = {_family(t) for k in range(LEAD) for t in types.get(k, ())}
        if _family(event_type) not in lead and (lead or event_type in LATER):
            return None
        for k in range(min(LEAD, len(self._spans))):
            told = self._told(k)
            if told:
                return told[0]
        return None


def named_day(text: str, found: FoundDate, start: int = 0) -> FoundDate:
    """``found``, or 2001-09-11 where a yearless 11 September names the 2001 attacks."""
    if (found.date.month, found.date.day) != (9, 11) or found.precision != "day" or found.date.year == 2001:
        return found
    if re.search(r"\d{4}", found.text):
        return found  # "11 September 2019" carries its own year
    if not (_NINE_ELEVEN.search(text, max(start, found.start - 40), found.start)
            or _NINE_ELEVEN_AFTER.match(text, found.end)):
        return found
    return FoundDate(NINE_ELEVEN, "day", found.start, found.end, found.text, found.weekday_ok)


def _family(event_type: str) -> str:
    return _FAMILIES.get(event_type, event_type)


def fill_dates(drafts: list[Any], text: str, spans: list[tuple[int, int]], published: dt.date | None,
               language: str | None, title: str | None) -> list[Any]:
    """Drafts (``keyword._Draft``) with a discourse date where their sentence has none.

    Quotations and anaphoric re-mentions (``weak``) stay undated: they fold into the event
    they repeat. A filled date has ``own_date`` False (it counts less in the confidence).
    """
    if all(d.date is not None or d.weak for d in drafts):
        return drafts
    told = DiscourseDates(text, spans, published, language, title)
    types: dict[int, set[str]] = {}
    for d in drafts:
        types.setdefault(d.sentence_index, set()).add(d.event_type)
    return [d if d.date or d.weak else replace(
        d, date=told.resolve(d.sentence_index, d.event_type, types), own_date=False) for d in drafts]
