"""The extractor protocol and the contract's closed vocabularies.

Everything downstream (flows, warehouse) depends only on ``Extractor``; the
keyword extractor of today and a better one tomorrow both sit behind it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from peristiwa.model import Article, Event
from peristiwa.vocabulary import DATE_PRECISIONS, EVENT_TYPES, LOCATION_PRECISIONS, PARTY_KINDS
from peristiwa.vocabulary import PARTY_ROLES as ROLES
from peristiwa.vocabulary import SALIENCES as SALIENCE

__all__ = ["DATE_PRECISIONS", "EVENT_TYPES", "LOCATION_PRECISIONS", "PARTY_KINDS", "ROLES", "SALIENCE", "Extractor", "event_id"]


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
