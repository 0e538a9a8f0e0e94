"""Strikes by states and their forces: counter-terrorism, not terror attacks.

The contract lists ``serangan udara`` (an air strike) under ``security_operation``
and makes a state's military strike on terrorists a security operation. An
"attack" word is therefore a security operation when the sentence names a
state, a security force or a military force acting, and either

- what is attacked is a terrorist group or "teroris" ("serangan terhadap ISIS",
  "drone milik AS yang mengincar anggota kelompok radikal Islamic State",
  "menyerang sekelompok teroris"), or
- the weapon is a state's military aircraft ("serangan jet-jet tempur Amerika",
  "drone milik Amerika Serikat"); a
  drone named with no owner may be an armed group's ("serangan drone Houthi
  terhadap kilang Saudi Aramco" is an attack).
"""

from __future__ import annotations

import re

from peristiwa.model import Party

__all__ = ["strike_on_terrorists"]

# Words before a terrorist mention that make it the object of the strike.
_AGAINST = re.compile(r"(?:terhadap|melawan|mengincar|menargetkan|menyasar|menggempur|menyerang|sarang|"
                      r"markas|basis|posisi|persembunyian|against|targeting|targeted|attacking|on)"
                      r"\s+(?:\S+\s+){0,4}$", re.IGNORECASE)
_TERRORISTS = re.compile(r"(?<!\w)(?:teroris\w*|militan|radikal|ekstremis\w*|terrorists?|militants?|extremists?|"
                         r"isis|daesh|islamic\s+state|al-?qaeda|al-?qaida)(?!\w)", re.IGNORECASE)
# Military aircraft: their strikes are a state's ("drone milik Amerika Serikat", "jet tempur F-15").
_AIRCRAFT = re.compile(r"(?<!\w)(?:drone|jet(?:-jet)?\s+tempur|pesawat\s+tempur|pesawat\s+(?:militer|pembom)|"
                       r"angkatan\s+udara|fighter\s+jets?|warplanes?|air\s+force|F-(?:15|16|22|35)|B-52)(?!\w)",
                       re.IGNORECASE)
# A force acting without a named state ("rekaman serangan terhadap ISIS yang dirilis oleh koalisi").
_FORCE = re.compile(r"(?<!\w)(?:koalisi|pasukan|tentara|militer|coalition|troops|forces|army)(?!\w)", re.IGNORECASE)
_OWNER_GAP = re.compile(r"\s*(?:milik|kepunyaan|of\s+the|of)?\s*", re.IGNORECASE)
TARGET_REACH = 100  # characters after the attack word where its object is named
_STATE_KINDS = frozenset({"state", "security_force"})


def strike_on_terrorists(text: str, start: int, end: int, trigger_start: int, trigger_end: int,
                         parties: tuple[Party, ...], state_at: list[int]) -> bool:
    """The attack word at ``trigger_start`` names a strike by a state or force (see the module);
    ``state_at`` are the offsets of the states and security forces the sentence names."""
    state = any(p.kind in _STATE_KINDS and p.role == "actor" for p in parties)
    if state and _state_aircraft(text, start, end, trigger_start, state_at):
        return True
    if not (state or _FORCE.search(text, start, end)):
        return False
    for m in _TERRORISTS.finditer(text, trigger_end, min(end, trigger_end + TARGET_REACH)):
        if _AGAINST.search(text, max(trigger_start, m.start() - 70), m.start()):
            return True
    return False


def _state_aircraft(text: str, start: int, end: int, trigger_start: int, state_at: list[int]) -> bool:
    """A state's military aircraft, named with its owner ("drone milik Amerika Serikat", "jet tempur
    AS"); not a drone with a state near it as its target ("Arab Saudi ... terbakar dalam serangan drone")."""
    for m in _AIRCRAFT.finditer(text, start, end):
        if any(m.end() <= at <= m.end() + 24 and _OWNER_GAP.fullmatch(text, m.end(), at) for at in state_at):
            return True
    return False
