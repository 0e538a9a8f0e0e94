"""The sides of an event that its sentence leaves implicit.

- An act of state (arrest, raid, trial, policy, sanction) naming no body with a country: the
  unnamed police, court or government of the sentence ("ditangkap polisi", "state prosecutors")
  acts for the country where the act took place -- ``POLRI`` for police in Indonesia; an arrest,
  trial or policy naming no authority at all is the state's of that country.
- Talks between states: the states of the story's first talks sentence naming two or more are
  both (all) sides of its other talks events ("Indonesia dan Vietnam ..." then "kedua negara").

- Multilateral meetings: the named states a story says attended its one meeting are its parties.

Unnamed foreign partners ("negara-negara luar") are never added: only named states are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

from peristiwa.extract.reference import Reference
from peristiwa.model import Party

# Unnamed authorities act for the country where they act ("ditangkap polisi", "state prosecutors").
_AUTHORITY = {
    "security_force": re.compile(r"(?<!\w)(?:polisi|kepolisian|aparat|petugas|pasukan\s+keamanan|tentara|militer|"
                                 r"police|officers|security\s+forces|troops|army)(?!\w)", re.IGNORECASE),
    "agency": re.compile(r"(?<!\w)(?:jaksa|kejaksaan|pengadilan|hakim|majelis\s+hakim|mahkamah|prosecutors?|"
                         r"court|judge)(?!\w)", re.IGNORECASE),
    "state": re.compile(r"(?<!\w)(?:pemerintah|parlemen|kabinet|government|parliament|cabinet)(?!\w)",
                        re.IGNORECASE),
}
# What an attack hits that belongs to the state where it happens.
_STATE_TARGET = re.compile(r"(?:terhadap|menyerang|menyasar|mengincar|sasaran|ke)\s+(?:\S+\s+){0,2}"
                           r"(?:pemerintah|polisi|kepolisian|markas\s+polisi|mapol\w*|pos\s+polisi|tentara|"
                           r"militer|aparat|pasukan\s+keamanan|government|police|soldiers|troops|army)(?!\w)",
                           re.IGNORECASE)
STATE_ACTS = frozenset({"arrest", "prosecution", "policy"})
AUTHORITY_TYPES = frozenset({"arrest", "security_operation", "prosecution", "policy", "sanction"})
_BILATERAL = re.compile(r"(?<!\w)(?:kedua\s+negara|kedua\s+belah\s+pihak|kedua\s+pihak|bilateral|"
                        r"both\s+countries|both\s+sides|the\s+two\s+countries)(?!\w)", re.IGNORECASE)


class Sides:
    """Built once per extractor from the reference data."""

    def __init__(self, reference: Reference) -> None:
        self._polri = next((a for a in reference.actors if a.actor_id == "POLRI"), None)
        self._country_names = {c.iso3: c.name for c in reference.countries}

    def attacked_state(self, text: str, start: int, end: int, parties: tuple[Party, ...],
                       country: str) -> tuple[Party, ...]:
        """An attack on the state's own people or buildings ("serangan teroris terhadap fasilitas
        pemerintah di Jalalabad", "menyerang markas polisi") has that state as its target."""
        if any(p.country_iso3 == country for p in parties) or not _STATE_TARGET.search(text, start, end):
            return parties
        return (*parties, Party(self._country_names.get(country, country), "state", country, country, "target"))

    def authority(self, text: str, start: int, end: int, parties: tuple[Party, ...],
                  country: str, event_type: str, named: list[tuple[int, int]] = ()) -> tuple[Party, ...]:
        """An act of state naming no body with a country: the unnamed police, court or government
        named in the sentence is the country's, where it acts (``POLRI`` in Indonesia). A word
        inside the name of an armed group or a forum (``named``: "Pasukan Kurdi Suriah") is none."""
        if event_type not in AUTHORITY_TYPES or any(p.country_iso3 for p in parties):
            return parties
        for kind, regex in _AUTHORITY.items():
            m = next((m for m in regex.finditer(text, start, end)
                      if not any(s <= m.start() < e for s, e in named)), None)
            if m is None:
                continue
            if kind == "security_force" and country == "IDN" and self._polri is not None:
                body = Party(self._polri.name, "security_force", self._polri.actor_id, "IDN", "actor")
            elif kind == "state":
                body = Party(self._country_names.get(country, country), "state", country, country, "actor")
            else:
                body = Party(m.group().lower(), kind, None, country, "actor")
            return (body, *parties)
        if event_type == "security_operation" and country == "IDN" and self._polri is not None:
            # a raid or search in Indonesia naming no force at all is the police's (Densus 88 is Polri's)
            return (Party(self._polri.name, "security_force", self._polri.actor_id, "IDN", "actor"), *parties)
        if event_type in STATE_ACTS:  # an arrest, trial or policy with no body named: the state's
            return (Party(self._country_names.get(country, country), "state", country, country, "actor"), *parties)
        return parties


def partners(drafts: list[Any], text: str, spans: list[tuple[int, int]], talk_types: frozenset[str]) -> list[Any]:
    """Talks between states: the states of the first talks sentence naming two or more are both
    (all) sides of every talks event of the story whose own states are among them, or that says
    "kedua negara" ("Indonesia dan Vietnam ..." then "disepakati dalam JWG ini": both are parties)."""
    talks = [d for d in drafts if d.event_type in talk_types]
    sides: dict[str, Party] = {}
    for d in talks:
        states = {p.country_iso3: p for p in d.parties if p.kind == "state" and p.country_iso3}
        if len(states) >= 2:
            sides = states
            break
    if not sides:
        return drafts
    out = []
    for d in drafts:
        if d.event_type in talk_types:
            own = {p.country_iso3 for p in d.parties if p.country_iso3}
            s, e = spans[d.sentence_index]
            if own <= sides.keys() or _BILATERAL.search(text, s, e):
                parties = {(p.actor_id or p.name): p for p in (*d.parties, *sides.values())}
                d = replace(d, parties=tuple(parties.values()))
        out.append(d)
    return out


# Who attended: "dihadiri perwakilan dari 16 negara, yakni ... Australia, China, India"; a sentence
# going on with the list ("Yakni, Indonesia, Malaysia dan Filipina") after the meeting's own.
_ATTENDED = re.compile(r"(?<!\w)(?:dihadiri|diikuti|dihadiri\s+oleh|diikuti\s+oleh|peserta|delegasi\s+dari|"
                       r"perwakilan\s+dari|attended\s+by|participants|delegates\s+from|representatives\s+from)(?!\w)",
                       re.IGNORECASE)
_TALKS = re.compile(r"(?<!\w)(?:pertemuan|konferensi|rapat|KTT|forum|dialog|meeting|conference|summit)(?!\w)",
                    re.IGNORECASE)
_GOES_ON = re.compile(r"\s*(?:Yakni|Yaitu|Antara\s+lain|Namely)(?!\w)")


def attendees(drafts: list[Any], text: str, spans: list[tuple[int, int]],
              states: Callable[[str, int, int], list[Party]]) -> list[Any]:
    """The named states that attended the story's one meeting are its parties, wherever the story
    lists them (``states`` gives the states named in text[start:end]). Unnamed ones ("10 negara
    anggota ASEAN") are not: only named states are added."""
    meetings = [k for k, d in enumerate(drafts) if d.event_type == "meeting"]
    if len(meetings) != 1:
        return drafts
    d = drafts[meetings[0]]
    found: list[Party] = []
    for i, (s, e) in enumerate(spans):
        m = _ATTENDED.search(text, s, e)
        if m is not None:
            found += states(text, m.end(), e)
        elif i and _GOES_ON.match(text, s, e) and (i == d.sentence_index + 1 or _TALKS.search(text, *spans[i - 1])):
            found += states(text, s, e)  # "... dalam pertemuan tiga negara. Yakni, Indonesia, Malaysia dan Filipina."
    if not found:
        return drafts
    parties = {(p.actor_id or p.name): p for p in (*d.parties, *found)}
    out = list(drafts)
    out[meetings[0]] = replace(d, parties=tuple(parties.values()))
    return out
