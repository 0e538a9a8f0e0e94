"""The extractor protocol and the contract's closed vocabularies.

Everything downstream (flows, warehouse) depends only on ``Extractor``; the
keyword extractor of today and a better one tomorrow both sit behind it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from peristiwa.model import Article, Event

# The 14 event types of the contract (EVENTS.md, "Types"), in the contract's order.
EVENT_TYPES: tuple[str, ...] = (
    "agreement", "meeting", "intel_sharing", "capacity_building",
    "law_enforcement_cooperation", "cooperation_pledge", "arrest",
    "security_operation", "prosecution", "prevention", "policy", "sanction",
    "attack", "threat",
)
PARTY_KINDS: frozenset[str] = frozenset(
    {"state", "agency", "security_force", "igo", "armed_group", "person", "other"}
)
ROLES: frozenset[str] = frozenset({"actor", "target"})
SALIENCE: frozenset[str] = frozenset({"main", "background"})
DATE_PRECISIONS: frozenset[str] = frozenset({"day", "month", "year"})
LOCATION_PRECISIONS: frozenset[str] = frozenset({"city", "admin1", "country"})


@runtime_checkable
class Extractor(Protocol):
    """Turns one article into its events; pure, deterministic, no I/O per call.

    ``version`` identifies code *and* reference data, so a changed lexicon
    re-extracts articles (the warehouse compares it to ``Article.extractor_version``).
    Events carry ``Event.extractor_version == extractor.version`` and ids
    ``f"{article.article_id}-{n:02d}"`` numbered from 1 in order of appearance.
    """

    version: str

    def extract(self, article: Article) -> list[Event]: ...


def event_id(article_id: str, n: int) -> str:
    """Deterministic id of the n-th (1-based) event of an article."""
    return f"{article_id}-{n:02d}"
