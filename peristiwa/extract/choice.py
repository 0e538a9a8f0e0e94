"""Which act a sentence asserts: its most specific trigger, read with its modality.

- Negated, hedged and future acts are no events; a condition (``jika``, ``if``,
  ``would``) governs its whole clause. A future act in a sentence about
  cooperation is a ``cooperation_pledge`` (the caller checks for an official party).
- The most specific type wins (``PRECEDENCE``; contract: "pick the more specific
  act"), except over an act named as what someone did, suffered, was charged
  with or had seized ("pelaku pengeboman", "atas dugaan keterlibatan aksi teror",
  "menyita bom rakitan") or as an earlier act that times the sentence
  ("setelah pengadilan menjatuhkan hukuman"): those yield an event only when the
  sentence tells no other.
- Meeting words in a quote's attribution ('"...," katanya dalam rapat') name
  where something was said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from peristiwa.extract.lexicon import Hit, Lexicon
from peristiwa.extract.reference import Reference, Trigger

__all__ = ["ANAPHOR_AFTER", "ANAPHOR_BEFORE", "EARLIER", "PRECEDENCE", "QUOTE", "TriggerChoice"]

# More specific acts first; talk (meeting, pledge) last (contract: "pick the more specific act").
PRECEDENCE: tuple[str, ...] = (
    "attack", "security_operation", "arrest", "prosecution", "sanction", "policy",
    "law_enforcement_cooperation", "intel_sharing", "capacity_building", "prevention",
    "threat", "agreement", "meeting", "cooperation_pledge",
)
_RANK = {t: i for i, t in enumerate(PRECEDENCE)}
MODIFIER_WINDOW = 3  # words before a trigger searched for negation / future / hedge
MIN_WEIGHT_OUTSIDE_CORE = 0.6  # in an article that only touches on CT, only specific triggers count
_WORD = re.compile(r"\w+")
# Responses to an attack: an attack word after one of them names the incident responded to.
_RESPONSES = frozenset({"arrest", "prosecution", "security_operation"})
# A direct quotation (a speaker's view, rhetoric, a reaction) or an anaphoric mention
# ("serangan tersebut", "penangkapan itu", "the attack") is weak evidence: it yields an event
# only when the article reports none of that type otherwise.
QUOTE = re.compile(r"[\"“”„«]")
ANAPHOR_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:tersebut|itu|ini)(?!\w)", re.IGNORECASE)
ANAPHOR_BEFORE = re.compile(r"(?<!\w)(?:the|this|that)\s+$", re.IGNORECASE)
# "pelaku pengeboman", "korban bom", "suspect in the shooting", "menyita bom rakitan": an attack
# (or its weapon) named as what someone did, suffered or had seized; the sentence's own act is another.
_NOMINAL = re.compile(r"(?:pelaku|tersangka|terduga|terdakwa|terpidana|dalang|korban|perakit|perpetrators?\s+of|"
                      r"suspects?\s+in|victims?\s+of|keterlibatan(?:\s+dalam)?|terlibat(?:\s+dalam)?|"
                      r"dituduh(?:\s+(?:mengatur|mendalangi|merencanakan|melakukan))?|atas\s+(?:dugaan|tuduhan)|"
                      r"accused\s+of|charged\s+(?:with|over)|involvement\s+in|involved\s+in|"
                      r"menyita|disita|menemukan|ditemukan|seized|found)\s+(?:\S+\s+)?$",
                      re.IGNORECASE)
# "setelah pengadilan menjatuhkan hukuman", "weeks after the attack": an earlier act that times the
# sentence's own one; it yields an event only when the sentence tells no other.
EARLIER = re.compile(r"(?<!\w)(?:setelah|sesudah|pasca|usai|seusai|sejak|menyusul|after|following|since)\s+"
                      r"(?:\S+\s+){0,3}$", re.IGNORECASE)
# A condition or an English conditional governs its whole clause, not only the next three words
# ("jika deklarasi itu bentuk lain dari penyerangan", "would also take over guarding captured ...").
_CONDITION = re.compile(r"(?<!\w)(?:jika|apabila|seandainya|andaikan|kalau|if|unless|whether|would)(?!\w)[^,;:.]*$",
                        re.IGNORECASE)
# Words that tell an attack as planned, not merely purposed ("untuk menyerang") or offered.
_PLAN = frozenset({"akan", "berencana", "merencanakan", "direncanakan", "hendak", "rencana", "ingin",
                   "plans", "planned", "planning", "intends", "plotted"})
# English negation reaches over an auxiliary and its verb ("is not holding any ISIS detainees").
_NOT_CLAUSE = re.compile(r"(?<!\w)(?:not|never|n't)(?!\w)[^,;:.]*$", re.IGNORECASE)
# Being held since a date is a detention going on ("ditahan di Teluk Guantanamo sejak 2006").
_HELD = re.compile(r"(?:ditahan|menahan|detained|held|holding)", re.IGNORECASE)
_SINCE = re.compile(r"(?:\s+\S+){0,5}?\s+(?:sejak|since)\s+(?:\d|(?:awal|akhir|pertengahan|tahun|bulan|early|late)\s|"
                    r"januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
                    r"january|february|march|may|june|july|august|october|december)", re.IGNORECASE)
_CLOSE_QUOTE = re.compile(r"[\"”]\s*,?\s*(?:kata|ujar|ucap|tutur|jelas|tegas|imbuh|said|says|told)(?:nya)?(?!\w)")
_COOPERATION = re.compile(r"(?<!\w)(?:kerja\s?sama|bekerja\s?sama|kolaborasi|cooperat\w*|collaborat\w*)", re.IGNORECASE)


class TriggerChoice:
    """Built once per extractor: the trigger and modifier vocabularies per language."""

    def __init__(self, reference: Reference) -> None:
        self._triggers = {
            lang: Lexicon((t.pattern, t) for t in reference.triggers if t.language in langs)
            for lang, langs in (("id", {"id"}), ("en", {"en"}), ("other", {"id", "en"}))
        }
        self._modifiers: dict[str, dict[str, str]] = {
            lang: {m.word: m.kind for m in reference.modifiers if m.language in langs}
            for lang, langs in (("id", {"id"}), ("en", {"en"}), ("other", {"id", "en"}))
        }

    def mentions(self, text: str, start: int, end: int, lang: str) -> Iterator[tuple[str, int, int]]:
        """(event type, start, end) of every weighted trigger in ``text[start:end]``: where acts are named."""
        return ((h.value.event_type, h.start, h.end) for h in self._triggers[lang].finditer(text, start, end) if h.value.weight)

    def pick(self, text: str, start: int, end: int, lang: str, generic_at: int | None,
             core: bool) -> tuple[str, Hit[Trigger]] | None:
        """The most specific asserted trigger of the sentence (earliest on ties), with its type.

        Negated, hedged and future acts are skipped; a future act in a sentence
        about cooperation becomes a ``cooperation_pledge`` (checked for an
        official party by the caller).
        """
        best: Hit[Trigger] | None = None
        best_nominal = False
        promised: Hit[Trigger] | None = None
        planned: Hit[Trigger] | None = None  # an attack told as planned (future, not hedged)
        said_at = _attribution_at(text, start, end)
        for hit in self._triggers[lang].finditer(text, start, end):
            trigger = hit.value
            if trigger.weight == 0:
                continue  # a listed non-event collocation ("menyita perhatian") masks its shorter cue
            if not core and trigger.weight < MIN_WEIGHT_OUTSIDE_CORE:
                continue
            if hit.start > start and text[hit.start - 1] == "-":
                continue  # "a U.S.-designated terrorist organization": part of an adjective, not an act
            if generic_at is not None and generic_at < hit.start:
                continue  # "mengimbau ... agar mewaspadai serangan": an appeal, not an act
            before = _WORD.findall(text[max(start, hit.start - 60):hit.start].lower())[-MODIFIER_WINDOW:]
            kinds = {self._modifiers[lang].get(word) for word in before}
            if _CONDITION.search(text, max(start, hit.start - 150), hit.start):
                kinds.add("hedge")  # "merespon jika deklarasi itu bentuk lain dari penyerangan": all the clause
            if _NOT_CLAUSE.search(text, max(start, hit.start - 40), hit.start):
                kinds.add("negation")  # "is not holding any ISIS detainees"
            if trigger.event_type == "arrest" and _HELD.fullmatch(text, hit.start, hit.end) \
                    and _SINCE.match(text, hit.end, end):
                continue  # "ditahan di Guantanamo sejak 2006": a detention going on, not an arrest
            if "negation" in kinds:
                continue  # "tidak ada penangkapan": not an event
            if kinds & {"future", "hedge"} and trigger.event_type != "cooperation_pledge":
                if "future" in kinds and promised is None:
                    promised = hit
                if kinds - {None} == {"future"} and _PLAN.intersection(before) and trigger.event_type == "attack" \
                        and planned is None and core:
                    planned = hit  # "bahan peledak itu akan diledakkan di ...": a plot disclosed
                continue  # "akan menggelar pertemuan": not (yet) an event
            if said_at is not None and hit.start > said_at and trigger.event_type == "meeting":
                continue  # '"...," katanya dalam rapat': where it was said, not an event
            # "pelaku pengeboman", "setelah pengadilan menjatuhkan hukuman": a named or earlier act
            nominal = bool(EARLIER.search(text, max(start, hit.start - 40), hit.start)) or (
                trigger.event_type == "attack" and bool(_NOMINAL.search(text, max(start, hit.start - 40), hit.start)))
            if best is None or best_nominal or (
                    not nominal and _RANK[trigger.event_type] < _RANK[best.value.event_type]):
                if not (trigger.event_type == "attack" and best is not None
                        and best.value.event_type in _RESPONSES and _anaphoric(text, start, end, hit)):
                    best, best_nominal = hit, nominal  # "charged the suspect in the shooting": its object
        if best is not None:
            return best.value.event_type, best
        if promised is not None and _COOPERATION.search(text, start, end):
            return "cooperation_pledge", promised
        if planned is not None:
            return "threat", planned  # contract: a plot disclosed by the authorities is a threat
        return None


def _attribution_at(text: str, start: int, end: int) -> int | None:
    """Where the attribution of a quoted sentence begins ('"...," katanya dalam rapat'), if any."""
    if not QUOTE.match(text, start, end):
        return None
    m = _CLOSE_QUOTE.search(text, start + 1, end)
    return m.start() if m else None


def _anaphoric(text: str, start: int, end: int, hit: Hit[Trigger]) -> bool:
    """"serangan tersebut", "the shooting": a re-mention of an incident told elsewhere."""
    return bool(ANAPHOR_AFTER.match(text, hit.end, end)
                or ANAPHOR_BEFORE.search(text, max(start, hit.start - 6), hit.start))
