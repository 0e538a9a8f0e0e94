"""Plain, typed records passed between the pure stages.

The stages are: read (file -> RawRecord), normalise (RawRecord -> Article),
extract (Article -> Event). Anything a stage cannot handle becomes a Problem,
which lands in the ``quarantine`` table instead of stopping the run.

Column names and types of the landed tables are defined by the pandera models
in ``schemas/``; ``tests/schemas`` checks that these records carry exactly
those columns, so the two cannot drift.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Stage = Literal["discover", "read", "normalise", "extract", "validate", "dedup"]

# Canonical record fields every reader maps its input onto (see reading/fieldmap.py).
CANONICAL_FIELDS: tuple[str, ...] = (
    "source_id", "title", "text", "url", "publisher", "date", "time", "byline",
)


@dataclass(frozen=True, slots=True)
class FileRef:
    """One input file found by discovery, with what the manifest compares."""

    path: str  # absolute, resolved path
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article-like record as read from a file, fields mapped to canonical names."""

    source_path: str
    record_index: int  # 0-based position of the record in its file (line for JSONL)
    source_format: str  # txt, md, html, json, jsonl (".gz" is transparent)
    fields: dict[str, str]  # canonical field name -> raw string value (see CANONICAL_FIELDS)


@dataclass(frozen=True, slots=True)
class Problem:
    """Input the pipeline could not use, with a reason a person can read."""

    source_path: str
    record_index: int | None
    stage: Stage
    check: str  # short machine code, e.g. "binary_file", "invalid_json", "duplicate_article"
    reason: str  # one readable sentence
    source_id: str | None = None
    sample: str | None = None  # a short excerpt of the offending input, if any
    article_id: str | None = None  # the article a duplicate record repeats, or a failing row belongs to


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date and where it came from."""

    date: dt.date | None
    source: str | None  # "field", "url", "dateline" or None
    note: str | None = None  # e.g. why the URL overrode the date field


@dataclass(frozen=True, slots=True)
class Article:
    """One normalised article: the row shape of the ``articles`` table."""

    article_id: str
    source_id: str
    source_path: str
    record_index: int
    source_format: str
    url: str | None
    title: str | None
    publisher: str | None
    published_date: dt.date | None
    published_date_source: str | None
    published_date_note: str | None
    language: str  # "id", "en" or "other"
    text: str
    content_hash: str
    extractor_version: str
    ingested_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Party:
    """A participant of an event (see the contract's Slots section)."""

    name: str
    kind: str  # state, agency, security_force, igo, armed_group, person, other
    actor_id: str | None
    country_iso3: str | None
    role: str  # actor or target


@dataclass(frozen=True, slots=True)
class Event:
    """One event: the row shape of the ``events`` table."""

    event_id: str
    article_id: str
    event_type: str
    salience: str  # main or background
    event_date: dt.date | None
    date_precision: str | None  # day, month, year
    parties: tuple[Party, ...]
    location_name: str | None
    location_admin1: str | None
    location_country_iso3: str | None
    latitude: float | None
    longitude: float | None
    location_precision: str | None  # city, admin1, country
    evidence: str
    confidence: float
    extractor_version: str
