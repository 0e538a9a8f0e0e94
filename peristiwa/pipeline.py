"""Batch functions of the pure pipeline: files -> records -> articles -> events.

Each works on a whole batch (a Prefect task calls one of these per batch) and
turns every failure into a ``Problem`` instead of raising.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TypeVar

from peristiwa.extract.base import Extractor
from peristiwa.model import Article, Event, FileRef, Problem, RawRecord
from peristiwa.normalise import date_problem, detect_languages, normalise_record, record_text
from peristiwa.reading import FieldMap, read_file

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def file_groups(files: Sequence[FileRef], max_bytes: int) -> Iterator[list[FileRef]]:
    """Group files so each read task handles about ``max_bytes`` of input."""
    group: list[FileRef] = []
    total = 0
    for ref in files:
        if group and total + ref.size > max_bytes:
            yield group
            group, total = [], 0
        group.append(ref)
        total += ref.size
    if group:
        yield group


def read_files(files: Sequence[FileRef], field_map: FieldMap, max_bytes: int) -> tuple[list[RawRecord], list[Problem]]:
    records: list[RawRecord] = []
    problems: list[Problem] = []
    for ref in files:
        try:
            for item in read_file(ref.path, field_map, max_bytes=max_bytes):
                (problems if isinstance(item, Problem) else records).append(item)
        except Exception as exc:  # a reader bug must not stop the run: record it
            problems.append(Problem(ref.path, None, "read", "reader_error", f"reader failed: {type(exc).__name__}: {exc}"))
    return records, problems


def normalise_records(
    records: Sequence[RawRecord], extractor_version: str, ingested_at: dt.datetime
) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    texts: list[str | Exception] = []
    for raw in records:  # cleaned first, so that the languages are labelled in one batch
        try:
            texts.append(record_text(raw))
        except Exception as exc:
            texts.append(exc)
    languages = detect_languages([text if isinstance(text, str) else "" for text in texts])
    for raw, text, language in zip(records, texts, languages):
        try:
            if isinstance(text, Exception):
                raise text
            item = normalise_record(raw, extractor_version=extractor_version, ingested_at=ingested_at,
                                    text=text, language=language)
        except Exception as exc:
            item = Problem(raw.source_path, raw.record_index, "normalise", "normaliser_error",
                           f"normalising failed: {type(exc).__name__}: {exc}", raw.fields.get("source_id"))
        if isinstance(item, Problem):
            problems.append(item)
            continue
        articles.append(item)
        if (unreadable := date_problem(raw, item)) is not None:
            problems.append(unreadable)
    unique, duplicates = dedupe_articles(articles)
    return unique, problems + duplicates


def dedupe_articles(articles: Sequence[Article]) -> tuple[list[Article], list[Problem]]:
    """The same text arriving twice is one article: the first (in path, record order) wins.

    This settles duplicates inside a batch; landing settles them across batches and runs.
    """
    first: dict[str, Article] = {}
    duplicates: list[Problem] = []
    for article in articles:
        seen = first.setdefault(article.article_id, article)
        if seen is not article:
            duplicates.append(Problem(
                article.source_path, article.record_index, "dedup", "duplicate_article",
                f"same text as article {article.article_id} first read from {seen.source_path}#{seen.record_index}",
                article.source_id, article_id=article.article_id,
            ))
    return list(first.values()), duplicates


def extract_events(articles: Sequence[Article], extractor: Extractor) -> tuple[list[Event], list[Problem]]:
    events: list[Event] = []
    problems: list[Problem] = []
    for article in articles:
        try:
            events.extend(extractor.extract(article))
        except Exception as exc:
            problems.append(Problem(article.source_path, article.record_index, "extract", "extractor_error",
                                    f"extraction failed: {type(exc).__name__}: {exc}", article.source_id))
    return events, problems
