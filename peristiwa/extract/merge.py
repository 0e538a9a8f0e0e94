"""Drafts and their merging: re-mentions of one occurrence fold into one event.

One event per occurrence (contract): a later mention of the same type folds into
the first one unless its date or its own place contradicts it; a quotation or
anaphoric re-mention (``weak``) only fills a gap -- of an earlier security operation
too, for an attack word with no attack told before ("Pengeboman itu ..." after an air strike). Folding keeps the most precise
place the mentions give: a lead's "di Belanda" yields to a later "di kota Arnhem".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from peristiwa.extract.places import contains
from peristiwa.extract.reference import Place
from peristiwa.extract.text import FoundDate
from peristiwa.model import Party

__all__ = ["Draft", "merge"]


@dataclass(frozen=True, slots=True)
class Draft:
    """An event before merging and numbering; ``own_place`` is False for a borrowed place."""

    event_type: str
    sentence_index: int
    trigger_weight: float
    cue_hits: int
    parties: tuple[Party, ...]
    place: Place | None
    own_place: bool
    date: FoundDate | None
    evidence: str
    weak: bool = False  # a quotation or anaphoric re-mention (see _QUOTE, _ANAPHOR_*)
    own_date: bool = True  # False for a date read from the discourse (see discourse.py)


def _compatible(a: Draft, b: Draft) -> bool:
    """Same occurrence unless the later mention contradicts date or place."""
    if a.event_type != b.event_type:
        return False
    if a.date and b.date and (a.date.date, a.date.precision) != (b.date.date, b.date.precision):
        return False
    return not (a.own_place and b.own_place and not _same_area(a.place, b.place))


def _same_area(a: Place | None, b: Place | None) -> bool:
    """Equal places, or one contains the other (``places.contains``)."""
    return a is None or b is None or contains(a, b) or contains(b, a)


def merge(drafts: list[Draft]) -> list[Draft]:
    """Fold re-mentions into the first compatible event; weak mentions only fill a gap."""
    drafts = _share_lead(drafts)
    merged = _fold([d for d in drafts if not d.weak])
    extra = []
    for draft in drafts:
        if not draft.weak:
            continue
        same = [k for k, kept in enumerate(merged) if kept.event_type == draft.event_type]
        if not same and draft.event_type == "attack":
            # "Pengeboman itu terjadi Selasa lalu" after a state's strike: that strike, told again
            same = [k for k, kept in enumerate(merged) if kept.event_type == "security_operation"
                    and kept.sentence_index < draft.sentence_index]
        if not same:
            extra.append(draft)
            continue
        k = max((k for k in same if merged[k].sentence_index < draft.sentence_index), default=same[0])
        merged[k] = _join(merged[k], draft, place_too=False)
    return sorted(merged + _fold(extra), key=lambda d: d.sentence_index)


def _join(kept: Draft, draft: Draft, place_too: bool = True) -> Draft:
    parties = {(p.actor_id or p.name): p for p in (*kept.parties, *draft.parties)}
    take_place = place_too and draft.own_place and (not kept.own_place or _finer(kept.place, draft.place))
    return replace(
        kept, parties=tuple(parties.values()), date=kept.date or draft.date,
        place=draft.place if take_place else kept.place, own_place=kept.own_place or take_place,
        trigger_weight=max(kept.trigger_weight, draft.trigger_weight), cue_hits=max(kept.cue_hits, draft.cue_hits))


def _finer(kept: Place | None, new: Place | None) -> bool:
    """``new`` lies inside ``kept``: the later mention names the place more precisely."""
    return kept is not None and new is not None and kept != new and contains(kept, new)


def _fold(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for draft in drafts:
        for k in reversed(range(len(merged))):  # the nearest event told before it
            kept = merged[k]
            if _compatible(kept, draft):
                merged[k] = _join(kept, draft)
                break
        else:
            merged.append(draft)
    return merged


def _share_lead(drafts: list[Draft]) -> list[Draft]:
    """A lead placed only by country or province ("Empat pengungsi Suriah ditangkap di Belanda")
    sums up the later events of its type inside that area ("ditangkap di Bergen op Zoom, Arnhem
    ..."): its parties (who acted, who the suspects are) are theirs too."""
    out = list(drafts)
    for d in drafts:
        if not (d.own_place and d.place is not None and d.place.kind in ("country", "province")):
            continue
        for k, e in enumerate(out):
            if e.event_type == d.event_type and e.sentence_index > d.sentence_index and e.place is not None \
                    and e.place != d.place and contains(d.place, e.place):
                parties = {(p.actor_id or p.name): p for p in (*e.parties, *d.parties)}
                out[k] = replace(e, parties=tuple(parties.values()))
    return out
