"""Fixtures for extractor tests: one extractor per session, an Article factory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from peristiwa.extract import KeywordExtractor, Reference
from peristiwa.model import Article

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "seeds" / "reference"

MakeArticle = Callable[..., Article]


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    return REFERENCE_DIR


@pytest.fixture(scope="session")
def reference() -> Reference:
    return Reference.load(REFERENCE_DIR)


@pytest.fixture(scope="session")
def extractor(reference: Reference) -> KeywordExtractor:
    return KeywordExtractor(reference)


def make_article(text: str, *, article_id: str = "a1", published: dt.date | None = dt.date(2024, 6, 10),
                 language: str = "id", title: str | None = None) -> Article:
    return Article(
        article_id=article_id, source_id=article_id, source_path=f"/in/{article_id}.txt", record_index=0,
        source_format="txt", url=None, title=title, publisher=None, published_date=published,
        published_date_source="field" if published else None, published_date_note=None, language=language,
        text=text, content_hash="0" * 16, extractor_version="test", ingested_at=dt.datetime(2025, 1, 1),
    )


@pytest.fixture(scope="session")
def article() -> MakeArticle:
    return make_article
