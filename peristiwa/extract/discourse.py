"""Dates from discourse: an event whose own sentence carries no time expression.

Indonesian news states the day once ("Senin (14/10/2019)") and goes on without it;
English news does the same with "on Saturday". For an event sentence with no date
of its own, in order:

1. "saat itu", "ketika itu", "at the time" in the sentence: the time last told before it,
   however old (the sentence says it is that time);
2. a following sentence that re-mentions *an* event anaphorically and dates it
   ("Insiden itu terjadi Selasa malam.", "Penangkapan dilakukan pada Senin (23/9)"), or
   opens with an act word and its date ("Serangan pada 19 September 2019 itu menambah ...");
3. the nearest preceding sentence of the same paragraph that carries a date;
4. the date of the lead (its first three sentences), for an act of the same family as
   one the lead reports: the story's own day, which later paragraphs go on without
   repeating ("Keduanya ditangkap di Bekasi.", "Polisi menyita 29 barang bukti."); a
   trial or a policy after an arrest lead is another day. A lead sentence takes it from
   an earlier lead sentence ("..., Senin (23/9). [...] MA ditangkap di Cilincing."), or from
   a later one only when that names one of the story's own days (``NEWS_DAYS``);
5. a dated mention of the same type elsewhere: the act's word with its date right
   after it ("mengutuk serangan pada Sabtu, 14 September 2019", "serangan hari Sabtu",
   "penahanan kepada ketiganya pada awal bulan ini"), nearest sentence first;
6. a date in the title.

A sentence that is nothing but a date ("Thursday, August 8, 2019") is a dateline: the
publication date, not an act's.

A yearless "11 September" that names the 2001 attacks ("serangan 11 September",
"9/11 attacks") is that day of 2001 (``named_day``), and dates no other sentence.

Dates that only say when something was *reported* ("seperti dikutip dari Reuters,
Rabu (11/9/2019)", "kata Budhi kepada wartawan, Senin") are not read from other
sentences: they date the saying, not the act -- except for a ``threat``, which the contract dates
to the day of its disclosure. The publication date alone is never used (contract:
"never invent one"). A quotation or anaphoric re-mention (``weak``) is dated only when
it is its type's sole evidence: otherwise it folds into the event it repeats.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from peristiwa.extract.clauses import SAID
from peristiwa.extract.dates import NINE_ELEVEN
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
RECENT_DAYS = 60  # as keyword.BACKGROUND_DAYS
# Acts that happen together on the story's day (an operation's arrests, raids and disclosed plot;
# a visit's talks, agreements and pledges); other types only with a lead of their own type.
_FAMILIES = {t: "operation" for t in ("arrest", "security_operation", "threat")} | {
    t: "talks" for t in ("meeting", "agreement", "intel_sharing", "capacity_building",
                         "law_enforcement_cooperation", "cooperation_pledge")}
LATER = frozenset({"prosecution", "policy", "sanction"})  # steps that follow an incident on other days
NEWS_DAYS = 3  # "the story's own days": a lead's news happened at most this long before publication
LOOKAHEAD = 2  # sentences after the event searched for an anaphoric dating
# "saat itu": at the time told before. Not "sejak saat itu" (since then: later), nor "at the time of
# the attack" (the time of another act).
_AT_THE_TIME = re.compile(r"(?<!sejak\s)(?<!\w)(?:(?:pada\s+)?(?:saat|ketika|kala|waktu)\s+itu"
                          r"|at\s+(?:the|that)\s+time(?!\s+of\b))(?!\w)", re.IGNORECASE)
BACK = 6  # sentences searched back for the time "saat itu" refers to
# Between an act's word and its own date: a few words, no clause break but a place's apposition
# ("serangan pada Sabtu", "penahanan kepada ketiganya pada awal bulan ini", "banding mereka pada
# 18 Juni", "aksi teror di kawasan Thamrin, Jakarta Pusat pada 14 Januari 2016"), and no saying
# ("penangkapan di Bekasi, kata Kapolda, Senin" is the saying's day).
_ATTACHED = re.compile(r"[^\S\n]*(?:(?:[^\s,;:.!?\"“”()]+|[A-Z][^\s,;:.!?\"“”()]*,)[^\S\n]+){0,6}")
_SAYING = re.compile(r"(?<!\w)(?:kata|ujar|ucap|tutur|ungkap|jelas|terang|tegas|imbuh|sebut|dilansir|melansir|dikutip"
                     r"|mengutip|dilaporkan|diberitakan|said|says|told|reported|according|quoted)\w*",
                     re.IGNORECASE)
_OPENING = re.compile(r"(?:\S+\s+){0,2}")  # an act word among a sentence's first three words
_DATELINE = re.compile(r"[\W_]*")  # what may surround a dateline's date
# Mentions: the (event type, start, end) of act words in text[start:end], from the extractor's lexicon.
Mentions = Callable[[int, int], Iterable[tuple[str, int, int]]]


class DiscourseDates:
    """Per-article cache of sentence dates; ``resolve`` dates an undated event sentence."""

    def __init__(self, text: str, spans: list[tuple[int, int]], published: dt.date | None,
                 language: str | None, title: str | None, mentions: Mentions | None = None) -> None:
        self._text, self._spans, self._pub, self._lang = text, spans, published, language or "other"
        self._title, self._mentions = title, mentions
        self._attached: dict[int, list[tuple[int, str, FoundDate]]] = {}
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

    def _told(self, i: int, reported: bool = False) -> list[FoundDate]:
        """Dates of sentence i that date an act, not the reporting of it (unless ``reported``),
        a named day or a dateline."""
        start, end = self._spans[i]
        found = self.dates(i)
        if len(found) == 1 and _DATELINE.fullmatch(self._text, start, found[0].start) \
                and _DATELINE.fullmatch(self._text, found[0].end, end):
            return []
        return [d for d in found if d.date != NINE_ELEVEN and self._recent(d) and (
            reported or not _REPORTED.search(self._text, max(start, d.start - 90), d.start))]

    def _recent(self, d: FoundDate) -> bool:
        """Only the story's own days carry over: an old date belongs to its sentence's background event."""
        return self._pub is None or (self._pub - d.date).days <= RECENT_DAYS

    def resolve(self, i: int, event_type: str, types: dict[int, set[str]]) -> FoundDate | None:
        """The date of an undated event of ``event_type`` in sentence i; ``types`` are the
        event types each sentence yielded."""
        text, reported = self._text, event_type in SAID  # the saying's day is the act's
        then = self._at_the_time(i)
        if then is not None:
            return then
        for k in range(i + 1, min(len(self._spans), i + 1 + LOOKAHEAD)):
            s, e = self._spans[k]
            if _ANAPHORIC_DATING.match(text, s, e):
                told = self._told(k, reported)
                if told:
                    return told[0]
            opening = next((d for at, _, d in self._attached_to(k) if _OPENING.fullmatch(text, s, at)), None)
            if opening is not None:
                return opening  # "Serangan pada 19 September 2019 itu ...": the act just told, whatever its word
        for k in range(i - 1, -1, -1):
            if self._para[k] != self._para[i]:
                break
            told = self._told(k, reported)
            if told:
                return told[-1]
            if any(not self._recent(d) for d in self.dates(k)):
                break  # the story turned to an earlier event: its date is not this one's
        lead = self._lead(i, event_type, types, reported)
        if lead is not None:
            return lead
        mention = self._dated_mention(i, event_type)
        if mention is not None:
            return mention
        if self._title:
            found = [d for d in find_dates(self._title, self._pub, language=self._lang)
                     if named_day(self._title, d).date != NINE_ELEVEN and self._recent(d)]
            if found:
                return found[0]
        return None

    def _lead(self, i: int, event_type: str, types: dict[int, set[str]], reported: bool) -> FoundDate | None:
        """The lead's date, for an act of a family the lead reports (or any act when it reports none;
        a later trial or policy only when it is in the lead itself)."""
        lead = {_family(t) for k in range(LEAD) if k != i for t in types.get(k, ())}
        if _family(event_type) not in lead and (lead or (event_type in LATER and i >= LEAD)):
            return None
        for k in (k for k in range(min(LEAD, len(self._spans))) if k != i):
            told = [d for d in self._told(k, reported) if k < i or self._news_day(d)]
            if told:
                return told[0]
        return None

    def _news_day(self, d: FoundDate) -> bool:
        """A date of the story's own days: a lead sentence takes a date told after it only then
        ("X ditetapkan sebagai tersangka. [...] pada hari ini (1/10)"), not an earlier incident's."""
        return self._pub is not None and 0 <= (self._pub - d.date).days <= NEWS_DAYS

    def _at_the_time(self, i: int) -> FoundDate | None:
        """"Kepala BNPT saat itu menegaskan ...": the time last told before "saat itu"."""
        s, e = self._spans[i]
        m = _AT_THE_TIME.search(self._text, s, e)
        if m is None:
            return None
        before = [d for d in self.dates(i) if d.end <= m.start()]
        if before:
            return before[-1]
        for k in range(i - 1, max(-1, i - 1 - BACK), -1):
            found = [d for d in self.dates(k) if d.date != NINE_ELEVEN]
            if found:
                return found[-1]
        return None

    def _dated_mention(self, i: int, event_type: str) -> FoundDate | None:
        """The nearest other sentence naming an act of this type with its date right after the word."""
        found = [(abs(k - i), k, d) for k in range(len(self._spans)) if k != i
                 for _, kind, d in self._attached_to(k) if kind == event_type]
        return min(found, key=lambda f: f[:2])[2] if found else None

    def _attached_to(self, k: int) -> list[tuple[int, str, FoundDate]]:
        """Sentence k's act words (start, type) that have a date right after them."""
        if k in self._attached:
            return self._attached[k]
        told = self._told(k, reported=True)  # attached to the act's word: not a saying's date
        found = []
        if told and self._mentions is not None:
            s, e = self._spans[k]
            for kind, at, end in self._mentions(s, e):
                d = next((d for d in told if d.start >= end and _ATTACHED.fullmatch(self._text, end, d.start)
                          and not _SAYING.search(self._text, end, d.start)), None)
                if d is not None:
                    found.append((at, kind, d))
        self._attached[k] = found
        return found


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
               language: str | None, title: str | None, mentions: Mentions | None = None) -> list[Any]:
    """Drafts (``merge.Draft``) with a discourse date where their sentence has none.

    Quotations and anaphoric re-mentions (``weak``) stay undated where a plain mention of
    their type exists: they fold into the event they repeat. A filled date has ``own_date``
    False (it counts less in the confidence).
    """
    plain = {d.event_type for d in drafts if not d.weak}
    todo = [d.date is None and (not d.weak or d.event_type not in plain) for d in drafts]
    if not any(todo):
        return drafts
    told = DiscourseDates(text, spans, published, language, title, mentions)
    types: dict[int, set[str]] = {}
    for d in drafts:
        types.setdefault(d.sentence_index, set()).add(d.event_type)
    return [replace(d, date=told.resolve(d.sentence_index, d.event_type, types), own_date=False) if go else d
            for d, go in zip(drafts, todo)]
