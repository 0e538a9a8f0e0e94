"""Normalising against the real corpus in ../shared (skipped when it is absent).

Each dataset names its fields its own way; ``_fields`` maps a record onto the
(date, time, url, text) that published_date takes, as a reader would.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from peristiwa.normalise.boilerplate import clean_text
from peristiwa.normalise.dates import published_date
from peristiwa.normalise.language import detect_language

pytestmark = pytest.mark.corpus


def _records(corpus_dir: Path, pattern: str = "*/*.jsonl") -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for path in sorted(corpus_dir.glob(pattern)):
        with path.open(encoding="utf-8") as handle:
            rows.extend((path.parent.name, json.loads(line)) for line in handle if line.strip())
    return rows


def _fields(record: dict[str, Any]) -> tuple[str | None, str | None, str | None, str]:
    text = record.get("content") or record.get("text") or record.get("berita") or ""
    return record.get("date"), record.get("time"), record.get("url") or record.get("source_url"), text


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    return _records(corpus_dir)


def test_published_date_matches_gold(corpus: list[tuple[str, dict[str, Any]]], gold_path: Path) -> None:
    gold = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold[item["source_id"]] = item["published_date"]
    by_id = {record["id"]: record for _, record in corpus}
    checked, mismatches = 0, []
    for source_id, expected in gold.items():
        record = by_id.get(source_id)
        if record is None:  # the seed articles are not in the corpus
            continue
        date, time_, url, text = _fields(record)
        result = published_date(date, time_, url, clean_text(text))
        found = result.date.isoformat() if result.date else None
        checked += 1
        if found != expected:
            mismatches.append((source_id, expected, found, result.source, result.note))
    print(f"\npublished_date vs gold: {checked - len(mismatches)}/{checked} corpus articles agree")
    for row in mismatches:
        print("  mismatch:", row)
    assert checked >= 80
    assert not mismatches


def test_clickid_published_date_share(corpus: list[tuple[str, dict[str, Any]]]) -> None:
    clickid = [record for dataset, record in corpus if dataset == "clickid"]
    sources: Counter[str | None] = Counter()
    failures = []
    start = time.perf_counter()
    for record in clickid:
        result = published_date(*_fields(record))
        sources[result.source] += 1
        if result.date is None and len(failures) < 10:
            failures.append((record["id"], record.get("date"), record.get("time"), record.get("url")))
    elapsed = time.perf_counter() - start
    share = 1 - sources[None] / len(clickid)
    print(f"\nCLICK-ID published_date set: {share:.2%} of {len(clickid)} ({dict(sources)}); "
          f"{elapsed / len(clickid) * 1e6:.1f} µs/record")
    for row in failures:
        print("  no date:", row)
    assert len(clickid) > 20_000
    assert share >= 0.99


@pytest.mark.slow
def test_language_rates(corpus: list[tuple[str, dict[str, Any]]]) -> None:
    texts = [(dataset, clean_text(_fields(record)[3])) for dataset, record in corpus]
    texts = [(dataset, text) for dataset, text in texts if text]  # empty texts become Problems, not Articles
    start = time.perf_counter()
    labels = [(dataset, detect_language(text)) for dataset, text in texts]
    elapsed = time.perf_counter() - start
    english = [label for dataset, label in labels if dataset == "wikinews-en"]
    indonesian = [label for dataset, label in labels if dataset != "wikinews-en"]
    en_rate = english.count("en") / len(english)
    id_rate = indonesian.count("id") / len(indonesian)
    print(f"\nlanguage: wikinews-en 'en' {en_rate:.2%} of {len(english)}, others 'id' {id_rate:.2%} of "
          f"{len(indonesian)}; {elapsed:.1f} s for {len(texts)} articles ({elapsed / len(texts) * 1e6:.0f} µs each)")
    print("  non-id among Indonesian sets:", Counter(label for label in indonesian if label != "id"))
    assert en_rate >= 0.99
    assert id_rate >= 0.99


def test_clean_text_corpus_effect(corpus: list[tuple[str, dict[str, Any]]]) -> None:
    raws = [_fields(record)[3] for _, record in corpus]
    start = time.perf_counter()
    cleaned = [clean_text(text) for text in raws]
    elapsed = time.perf_counter() - start
    print(f"\nclean_text: {elapsed:.2f} s for {len(raws)} articles, {sum(map(len, raws)) / 1e6:.1f} M chars")
    joined = sum(".,H" in text for text in cleaned)
    teasers = sum("Baca juga:" in text or "Baca Juga :" in text for text in cleaned)
    leading = sum(text.startswith((",", "- ")) for text in cleaned)
    print(f"  left: '.,H' in {joined}, 'Baca juga:' in {teasers}, leading ',' or '- ' in {leading}")
    assert joined == 0 and teasers == 0 and leading == 0  # its speed is measured in bench/, not asserted here
