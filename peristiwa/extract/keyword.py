"""A simple, honest keyword extractor: cue gate, sentence triggers, lookups.

Per article: (1) a relevance gate over one compiled cue regex -- almost every
article stops here; (2) sentences near a CT cue are searched for trigger
words, the most specific type wins (``PRECEDENCE``); (3) parties, place and
date are looked up in the same sentence; (4) re-mentions that add no new
date or place are merged into the first event of their type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from peristiwa.extract.base import event_id
from peristiwa.extract.lexicon import Hit, Lexicon, Names
from peristiwa.extract.reference import Actor, Country, Place, Reference, Trigger
from peristiwa.extract.text import FoundDate, find_dates, sentence_spans
from peristiwa.model import Article, Event, Party

CODE_VERSION = "keyword-0.1"
# More specific acts first; talk (meeting, pledge) last (contract: "pick the more specific act").
PRECEDENCE: tuple[str, ...] = (
    "attack", "security_operation", "arrest", "prosecution", "sanction", "policy",
    "law_enforcement_cooperation", "intel_sharing", "capacity_building", "prevention",
    "threat", "agreement", "meeting", "cooperation_pledge",
)
_RANK = {t: i for i, t in enumerate(PRECEDENCE)}
# Types whose named armed groups and unnamed suspects are on the receiving end.
COERCIVE = frozenset({"arrest", "security_operation", "prosecution", "sanction", "law_enforcement_cooperation"})
STRONG_CUE = 2.0  # a cue this heavy alone makes an article relevant
BACKGROUND_DAYS = 60
MODIFIER_WINDOW = 3  # words before a trigger searched for negation / future
MAX_EVIDENCE = 400
_SUSPECT = re.compile(r"(?<!\w)(?:terduga|tersangka|suspected)(?:\s+(?:teroris\w*|terrorists?|militants?))?(?!\w)",
                      re.IGNORECASE)
_WORD = re.compile(r"\w+")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:[,\-–—]|$)")
UNNAMED_SUSPECT = "terduga teroris"


@dataclass(frozen=True, slots=True)
class _Draft:
    """An event before merging and numbering; ``own_place`` is False for a dateline place."""

    event_type: str
    sentence_index: int
    trigger_weight: float
    cue_hits: int
    parties: tuple[Party, ...]
    place: Place | None
    own_place: bool
    date: FoundDate | None
    evidence: str


class KeywordExtractor:
    """Implements ``Extractor``; build once per run, call ``extract`` per article."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self.version = f"{CODE_VERSION}+ref.{reference.digest}"
        self._cues = Lexicon((c.pattern, c.weight) for c in reference.cues)
        self._triggers = {
            lang: Lexicon((t.pattern, t) for t in reference.triggers if t.language in langs)
            for lang, langs in (("id", {"id"}), ("en", {"en"}), ("other", {"id", "en"}))
        }
        self._modifiers = {
            lang: frozenset(m.word for m in reference.modifiers if m.language in langs)
            for lang, langs in (("id", {"id"}), ("en", {"en"}), ("other", {"id", "en"}))
        }
        self._actors: Names[Actor | Country] = Names(
            [(a, actor) for actor in reference.actors for a in actor.aliases]
            + [(a, country) for country in reference.countries for a in country.aliases])
        self._places: Names[Place] = Names(
            [(a, place) for place in reference.places for a in place.aliases], upper_too=True, all_case_sensitive=True)

    def extract(self, article: Article) -> list[Event]:
        text = article.text
        cue_hits = list(self._cues.finditer(text))
        if not _relevant(cue_hits):
            return []
        spans = sentence_spans(text)
        cues_per_sentence = _count_per_sentence(spans, [h for h in cue_hits if h.value > 0])
        dateline = self._dateline(text)
        lang = article.language if article.language in self._triggers else "other"
        drafts: list[_Draft] = []
        for i, (start, end) in enumerate(spans):
            window = sum(cues_per_sentence[max(0, i - 1):i + 2])
            if window == 0:
                continue  # no CT cue in the sentence or its neighbours
            trigger = self._trigger(text, start, end, lang)
            if trigger is None:
                continue
            place_hits = self._places.finditer(text, start, end)
            place = place_hits[0].value if place_hits else dateline
            dates = find_dates(text, article.published_date, start, end)
            drafts.append(_Draft(
                trigger.value.event_type, i, trigger.value.weight, window,
                self._parties(text, start, end, trigger.value.event_type), place, bool(place_hits),
                dates[0] if dates else None, _evidence(text, start, end, trigger.start)))
        return _finish(article, _merge(drafts), self.version)

    def _trigger(self, text: str, start: int, end: int, lang: str) -> Hit[Trigger] | None:
        """The most specific non-negated trigger of the sentence (earliest on ties)."""
        best: Hit[Trigger] | None = None
        for hit in self._triggers[lang].finditer(text, start, end):
            if hit.value.weight == 0:
                continue  # a listed non-event collocation ("menyita perhatian") masks its shorter cue
            before = _WORD.findall(text[max(start, hit.start - 60):hit.start].lower())[-MODIFIER_WINDOW:]
            if any(word in self._modifiers[lang] for word in before):
                continue  # "tidak ada penangkapan", "akan menggelar pertemuan": not an event
            if best is None or _RANK[hit.value.event_type] < _RANK[best.value.event_type]:
                best = hit
        return best

    def _parties(self, text: str, start: int, end: int, event_type: str) -> tuple[Party, ...]:
        coercive = event_type in COERCIVE
        parties: dict[str, Party] = {}
        for hit in self._actors.finditer(text, start, end):
            value = hit.value
            if isinstance(value, Country):
                parties.setdefault(value.iso3, Party(value.name, "state", value.iso3, value.iso3, "actor"))
            else:
                role = "target" if coercive and value.kind == "armed_group" else "actor"
                parties.setdefault(value.actor_id, Party(value.name, value.kind, value.actor_id, value.country_iso3, role))
        if _SUSPECT.search(text, start, end):
            role = "target" if coercive else "actor"
            parties.setdefault(UNNAMED_SUSPECT, Party(UNNAMED_SUSPECT, "other", None, None, role))
        return tuple(parties.values())

    def _dateline(self, text: str) -> Place | None:
        """The place of a dateline ("Jakarta (ANTARA) -", "JAKARTA, KOMPAS.com -") in the opening."""
        for hit in self._places.finditer(text, 0, min(len(text), 80)):
            if _DATELINE_TAIL.match(text, hit.end):
                return hit.value
        return None


def _relevant(cue_hits: list[Hit[float]]) -> bool:
    """Relevant when strong cues, plus weak ones unless a non-CT context is present, reach 2."""
    strong = sum(h.value for h in cue_hits if h.value >= STRONG_CUE)
    weak = sum(h.value for h in cue_hits if 0 < h.value < STRONG_CUE)
    negative = any(h.value < 0 for h in cue_hits)
    return strong + (0 if negative else weak) >= STRONG_CUE


def _count_per_sentence(spans: list[tuple[int, int]], hits: list[Hit[float]]) -> list[int]:
    counts = [0] * len(spans)
    i = 0
    for hit in hits:  # both lists are in text order: one merge pass
        while i < len(spans) and spans[i][1] <= hit.start:
            i += 1
        if i < len(spans) and spans[i][0] <= hit.start:
            counts[i] += 1
    return counts


def _evidence(text: str, start: int, end: int, trigger_at: int) -> str:
    if end - start <= MAX_EVIDENCE:
        return text[start:end]
    lo = max(start, min(trigger_at - MAX_EVIDENCE // 2, end - MAX_EVIDENCE))
    return text[lo:lo + MAX_EVIDENCE].strip()


def _compatible(a: _Draft, b: _Draft) -> bool:
    """Same occurrence unless the later mention contradicts date or place."""
    if a.event_type != b.event_type:
        return False
    if a.date and b.date and (a.date.date, a.date.precision) != (b.date.date, b.date.precision):
        return False
    return not (a.own_place and b.own_place and a.place != b.place)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        for k, kept in enumerate(merged):
            if _compatible(kept, draft):
                parties = {(p.actor_id or p.name): p for p in (*kept.parties, *draft.parties)}
                merged[k] = replace(
                    kept, parties=tuple(parties.values()), date=kept.date or draft.date,
                    place=kept.place if kept.own_place or not draft.own_place else draft.place,
                    own_place=kept.own_place or draft.own_place,
                    trigger_weight=max(kept.trigger_weight, draft.trigger_weight),
                    cue_hits=max(kept.cue_hits, draft.cue_hits))
                break
        else:
            merged.append(draft)
    return merged


def _confidence(d: _Draft) -> float:
    """Evidence-weighted score in [0, 1]: trigger specificity counts most, then
    CT cue density around the sentence, then how many slots could be filled."""
    score = (0.15 + 0.35 * d.trigger_weight + 0.2 * min(1.0, d.cue_hits / 2)
             + 0.15 * min(1.0, len(d.parties) / 2) + 0.075 * d.own_place + 0.075 * (d.date is not None))
    return round(min(1.0, max(0.0, score)), 3)


def _finish(article: Article, drafts: list[_Draft], version: str) -> list[Event]:
    # Without a publication date, the latest date the events carry stands in for "now".
    anchor = article.published_date or max((d.date.date for d in drafts if d.date), default=None)
    events = []
    for n, d in enumerate(drafts, start=1):
        old = anchor is not None and d.date is not None and (anchor - d.date.date).days > BACKGROUND_DAYS
        p = d.place
        events.append(Event(
            event_id=event_id(article.article_id, n), article_id=article.article_id, event_type=d.event_type,
            salience="background" if old else "main",
            event_date=d.date.date if d.date else None, date_precision=d.date.precision if d.date else None,
            parties=d.parties, location_name=p.name if p else None, location_admin1=p.admin1 if p else None,
            location_country_iso3=p.country_iso3 if p else None, latitude=p.latitude if p else None,
            longitude=p.longitude if p else None, location_precision=p.precision if p else None,
            evidence=d.evidence, confidence=_confidence(d), extractor_version=version))
    return events

