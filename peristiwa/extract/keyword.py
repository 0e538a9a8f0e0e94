"""A rule-based extractor: evidence gate, sentence triggers, lookups.

Per article: (1) a relevance gate -- one regex pass finds no strong CT cue in
almost every article, which stops there; (2) ``relevance.Relevance`` decides
from the evidence which sentences may yield events (CT context in the sentence
itself, no observer commentary, no other domain's list); (3) each such
sentence's triggers are read with their modality (``choice.TriggerChoice``): negated,
hedged or future acts are no event, except that a future commitment to cooperate by an
official party is a ``cooperation_pledge``; the most specific type wins (``PRECEDENCE``);
a state's strike on terrorists is a security operation (``strikes.py``); in a CT story,
the sentence after an event may go on with a coercive act of its own; (4) parties (``parties.PartyFinder``), place (``places.PlaceFinder``) and date
come from the same sentence (implicit sides: ``sides.py``; dates of a reaction, a quote's
attribution or an earlier attack's name are not the act's, and a call for attacks is a threat:
``clauses.py``) -- an undated
sentence takes its date from the discourse (``discourse.fill_dates``), arrests in a list of cities are one event
per city, list items (``structure.list_items``) yield no event; (5) re-mentions
adding no new date or place merge into the first event of their type (``merge.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from peristiwa.extract.base import event_id
from peristiwa.extract.choice import ANAPHOR_AFTER, ANAPHOR_BEFORE, EARLIER, PRECEDENCE, QUOTE, TriggerChoice
from peristiwa.extract.clauses import anaphoric_subject, attack_called_for, nearest_date, own_dates, reaction_end
from peristiwa.extract.discourse import fill_dates, named_day
from peristiwa.extract.merge import Draft, merge
from peristiwa.extract.parties import COERCIVE, UNNAMED_SUSPECT, PartyFinder
from peristiwa.extract.places import PlaceFinder, contains
from peristiwa.extract.reference import Place, Reference
from peristiwa.extract.relevance import Relevance
from peristiwa.extract.sides import Sides, attendees, partners
from peristiwa.extract.strikes import strike_on_terrorists
from peristiwa.extract.structure import list_items
from peristiwa.extract.text import find_dates, sentence_spans
from peristiwa.model import Article, Event, Party

CODE_VERSION = "keyword-0.3"
GOES_ON_TYPES = frozenset({"arrest", "prosecution", "security_operation"})
GOES_ON_WEIGHT = 0.7
__all__ = ["COERCIVE", "PRECEDENCE", "UNNAMED_SUSPECT", "KeywordExtractor"]
BACKGROUND_DAYS = 60
MAX_EVIDENCE = 400
OFFICIAL = frozenset({"state", "agency", "security_force", "igo"})
# Types whose acting body, when the sentence names none, is the body the story last named
# ("Densus 88 menangkap MA. Keduanya ditangkap di Bekasi."): coercion by forces, talks by officials.
INHERIT_FORCE = frozenset({"arrest", "security_operation"})
INHERIT_OFFICIAL = frozenset({"meeting", "agreement", "intel_sharing", "capacity_building",
                              "law_enforcement_cooperation", "cooperation_pledge"})
# An enumerated list item ("Kedua, pencegahan terorisme di kelautan") names a topic, not an event.
# A sentence that goes on with the items of the one before ("Yaitu pencegahan terorisme ...") too.
_LIST_ITEM = re.compile(r"(?:Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|First|Second|Third)\s*,|"
                        r"(?:Yaitu|Yakni|Antara\s+lain|Di\s+antaranya|Namely)(?!\w)")
_DEMONSTRATIVE = re.compile(r"\s+(?:tersebut|itu|ini)(?!\w)", re.IGNORECASE)  # "Pengeboman itu terjadi Selasa"
# Threat words less specific than this ("menyerukan", "propaganda", "threat") need a terror actor in
# the sentence (contract: "a terror actor threatens or calls for attacks ... by a named terror actor").
SPECIFIC_THREAT = 0.9
_TERROR_ACTOR = re.compile(r"(?<!\w)(?:teror(?!isme)\w*|militan|jihadis\w*|ekstremis\w*|radikal|terrorists?|militants?|"
                           r"jihadists?|extremists?)(?!\w)", re.IGNORECASE)


class KeywordExtractor:
    """Implements ``Extractor``; build once per run, call ``extract`` per article."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self.version = f"{CODE_VERSION}+ref.{reference.digest}"
        self._relevance = Relevance(reference)
        self._choice = TriggerChoice(reference)
        self._parties = PartyFinder(reference)
        self._places = PlaceFinder(reference)
        self._sides = Sides(reference)

    def extract(self, article: Article) -> list[Event]:
        text = article.text
        if self._relevance.quick_reject(text) and not self._relevance.title_is_ct(article.title):
            return []
        spans = sentence_spans(text)
        evidence = self._relevance.assess(text, article.title, spans)
        if not evidence.relevant:
            return []
        items = list_items(text, spans)  # agenda points: no events, but evidence for their intro
        eligible = list(evidence.eligible)
        for k, intro in items.items():
            eligible[intro] = eligible[intro] or eligible[k]
        dateline, dateline_end = self._places.dateline(text)
        title_place = self._places.in_title(article.title)
        title_country = self._places.in_title_country(article.title)
        story = self._places.story_country(text, dateline_end)  # a foreign story's country beats a home dateline
        lang = article.language if article.language in ("id", "en") else "other"
        drafts: list[Draft] = []
        running: Place | None = None  # the last city or province the story named
        force: Party | None = None  # the last security force the story named
        officials: tuple[Party, ...] = ()  # the official parties of the last sentence that named any
        struck = False  # the last act told is a state's strike: an attack word with no attacker goes on with it
        for i, (start, end) in enumerate(spans):
            place_hits = self._places.hits(text, max(start, dateline_end), end)
            if place_hits:
                named = self._parties.group_spans(text, start, end)
                place_hits = [h for h in place_hits if not any(s <= h.start < e for s, e in named)]
            before = running
            here = self._places.specific(place_hits)
            if here is not None and not (running is not None and here.kind == "province" and contains(here, running)):
                running = here  # "Jawa Barat" after "Garut, Jawa Barat": still Garut
            if eligible[i] or evidence.core:
                named = self._parties.bodies(text, start, end)
                force = next((p for p in named if p.kind == "security_force"), force)
                officials = tuple(p for p in named if p.kind in OFFICIAL) or officials
            # The sentence right after an event of a CT story may go on with a coercive act of its own
            # ("Selain itu, polisi juga menangkap pria ...") even without a CT word.
            going_on = evidence.core and bool(drafts) and drafts[-1].sentence_index == i - 1
            if not (eligible[i] or going_on) or i in items or _LIST_ITEM.match(text, start, end):
                continue
            found = self._choice.pick(text, start, end, lang, evidence.generic_at[i], evidence.core)
            if found is None or not (eligible[i] or (
                    found[0] in GOES_ON_TYPES and found[1].value.weight >= GOES_ON_WEIGHT)):
                continue
            event_type, trigger = found
            strike_again = False
            called = event_type == "attack" and attack_called_for(text, start, trigger.start)
            if called:
                event_type = "threat"  # "menyerukan ... untuk menyerang": a call, not an attack
            parties = self._parties.find(text, reaction_end(text, start, trigger.start), end, event_type)
            planned = event_type == "threat" and trigger.value.event_type == "attack"  # a plot told
            if event_type == "threat" and not called and (planned or trigger.value.weight < SPECIFIC_THREAT) and not (
                    any(p.kind == "armed_group" or p.name == UNNAMED_SUSPECT for p in parties)
                    or _TERROR_ACTOR.search(text, start, end)):
                continue  # "Guterres menyerukan agar ...": a call or propaganda is a threat only by a terror actor
            if event_type == "cooperation_pledge" and not any(
                    p.kind in OFFICIAL or (p.kind == "person" and p.country_iso3) for p in parties):
                # a pledge needs an official party committing to it: in the sentence, or "Mereka" after them
                told = self._parties.bodies(text, *spans[i - 1]) if i and anaphoric_subject(
                    text, start, trigger.start) else ()
                if not any(p.kind in OFFICIAL for p in told):
                    continue
                parties = (*(p for p in told if p.kind in OFFICIAL), *parties)
            if event_type in INHERIT_FORCE and force and not any(p.kind == "security_force" for p in parties):
                parties = (force, *parties)
            elif event_type in INHERIT_OFFICIAL and not any(p.kind in OFFICIAL for p in parties):
                parties = (*officials, *parties)
            parties = tuple({(p.actor_id or p.name): p for p in parties}.values())
            if event_type == "attack" and strike_on_terrorists(
                    text, start, end, trigger.start, trigger.end,
                    self._parties.find(text, start, end, "security_operation"), self._parties.state_at(text, start, end)):
                event_type = "security_operation"
                parties = self._parties.find(text, start, end, event_type)
                struck = True
            elif event_type == "attack" and not (
                    any(p.kind == "armed_group" for p in parties) or _TERROR_ACTOR.search(text, start, end)):
                if struck and trigger.value.weight < 1:  # a generic attack word, not "bom bunuh diri"
                    event_type, strike_again = "security_operation", True  # "bom dijatuhkan" after a strike
            elif event_type != "security_operation":
                struck = False  # the story moved on to another act, or to terrorists' attacks
            own = self._places.best(text, place_hits)
            actors = frozenset(p.country_iso3 for p in parties if p.kind == "state" and p.role == "actor")
            place = (own or before or self._places.bare_country(place_hits, actors) or title_place
                     or (dateline if story is None or dateline is None or dateline.country_iso3 == story.country_iso3
                         else story) or title_country or story)
            if own is None and before is None and place is not None and place.country_iso3 in actors \
                    and i + 1 < len(spans):  # "serangan drone milik Amerika Serikat": where, the next sentence tells
                place = self._places.best(text, self._places.hits(text, *spans[i + 1])) or place
            if event_type == "attack" and (place is None or place.kind == "country"):
                place = self._attacked_country(parties, place) or place
            if place is not None:
                parties = self._sides.authority(text, start, end, parties, place.country_iso3, event_type,
                                                self._parties.group_spans(text, start, end))
                if event_type == "attack":
                    parties = self._sides.attacked_state(text, start, end, parties, place.country_iso3)
            dates = [named_day(text, d, start)
                     for d in find_dates(text, article.published_date, start, end, language=article.language)]
            dated = bool(dates)  # dated at all, if only the saying: a report, not a bare view
            dates = own_dates(text, start, end, dates, trigger.start, bool(QUOTE.match(text, start, end)), event_type)
            if QUOTE.match(text, start, end) and not dated and not own:
                continue  # a speaker's words with no date or place of their own: a view, not a report
            weak = bool(strike_again or QUOTE.match(text, start, end) or (
                event_type == "attack" and (_DEMONSTRATIVE.match(text, trigger.end, end)
                                            or EARLIER.search(text, max(start, trigger.start - 40), trigger.start))) or (
                not dates and (  # a dated mention is its own, unless "itu" follows the attack word right away
                    ANAPHOR_AFTER.match(text, trigger.end, end)
                    or ANAPHOR_BEFORE.search(text, max(start, trigger.start - 6), trigger.start))))
            # Arrests in several cities are several events (contract): one per listed place.
            listed = self._places.enumerated(text, place_hits) if event_type == "arrest" else []
            for where in listed or [place]:
                drafts.append(Draft(
                    event_type, i, trigger.value.weight, evidence.cue_hits[i], parties, where,
                    own is not None, nearest_date(dates, trigger.start, trigger.end), _evidence(text, start, end, trigger.start), weak))
        drafts = partners(drafts, text, spans, INHERIT_OFFICIAL)
        drafts = attendees(drafts, text, spans, self._parties.states)
        drafts = fill_dates(drafts, text, spans, article.published_date, article.language, article.title,
                            lambda s, e: self._choice.mentions(text, s, e, lang))
        merged = merge(drafts)
        return _finish(article, merged, self.version)

    def _attacked_country(self, parties: tuple[Party, ...], place: Place | None) -> Place | None:
        """An attack placed only by country: the country of what was attacked wins over the attackers'
        ("Houthi di Yaman menyerang fasilitas Arab Saudi" took place in Saudi Arabia)."""
        targets = {p.country_iso3 for p in parties if p.role == "target" and p.country_iso3}
        if not targets or (place is not None and place.country_iso3 in targets):
            return None
        return self._places.country(sorted(targets)[0]) if len(targets) == 1 else None


def _evidence(text: str, start: int, end: int, trigger_at: int) -> str:
    if end - start <= MAX_EVIDENCE:
        return text[start:end]
    lo = max(start, min(trigger_at - MAX_EVIDENCE // 2, end - MAX_EVIDENCE))
    return text[lo:lo + MAX_EVIDENCE].strip()


def _confidence(d: Draft) -> float:
    """Evidence-weighted score in [0, 1]: trigger specificity counts most, then
    CT cue density around the sentence, then how many slots could be filled."""
    score = (0.15 + 0.35 * d.trigger_weight + 0.2 * min(1.0, d.cue_hits / 2)
             + 0.15 * min(1.0, len(d.parties) / 2) + 0.075 * d.own_place + 0.075 * _date_support(d))
    return round(min(1.0, max(0.0, score)), 3)


def _date_support(d: Draft) -> float:
    """1 for the sentence's own date; less when read from the discourse or contradicted by its weekday."""
    if d.date is None:
        return 0.0
    return (1.0 if d.own_date else 0.5) * (0.5 if d.date.weekday_ok is False else 1.0)


def _after_publication(d: Draft, article: Article) -> bool:
    published = article.published_date
    return published is not None and d.date is not None and (d.date.date - published).days > 1


def _finish(article: Article, drafts: list[Draft], version: str) -> list[Event]:
    # Without a publication date, the latest date the events carry stands in for "now".
    anchor = article.published_date or max((d.date.date for d in drafts if d.date), default=None)
    events = []
    for n, d in enumerate(drafts, start=1):
        if _after_publication(d, article):
            d = replace(d, date=None)  # news reports the past: a later date is a plan or a misreading
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

