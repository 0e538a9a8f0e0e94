"""Golden outputs for the seed articles: regenerate and compare.

Rewrite them after an intended change with ``PERISTIWA_UPDATE_GOLDEN=1`` and
review the diff of ``seeds/golden/*.events.json`` like code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

import pytest

from peristiwa.extract import KeywordExtractor
from peristiwa.model import Article, Event

SEEDS = ["000_ea3832d8c718430b.txt", "004_dd28076a0050d718.txt"]


def seed_article(path: Path, make_article) -> Article:
    """The seed file as an Article: a short first line is the title, the rest the text."""
    lines = path.read_text(encoding="utf-8").strip().split("\n", 1)
    title, text = (lines[0].strip(), lines[1].strip()) if len(lines) == 2 and len(lines[0]) < 150 else (None, "\n".join(lines))
    return make_article(text, article_id=path.stem, published=None, title=title)


def as_json(events: list[Event]) -> list[dict]:
    """Events as plain JSON, without the version: that follows every reference edit."""
    rows = []
    for event in events:
        row = dataclasses.asdict(event)
        row.pop("extractor_version")
        row["event_date"] = event.event_date.isoformat() if event.event_date else None
        row["parties"] = [dataclasses.asdict(p) for p in event.parties]  # tuple -> JSON list
        rows.append(row)
    return rows


@pytest.mark.parametrize("name", SEEDS)
def test_seed_golden(name: str, seeds_dir: Path, extractor: KeywordExtractor, article) -> None:
    events = extractor.extract(seed_article(seeds_dir / "articles" / name, article))
    actual = as_json(events)
    golden = seeds_dir / "golden" / f"{name}.events.json"
    if os.environ.get("PERISTIWA_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.is_file(), f"{golden} missing: run with PERISTIWA_UPDATE_GOLDEN=1"
    assert actual == json.loads(golden.read_text(encoding="utf-8"))
    assert all(e.extractor_version == extractor.version for e in events)


def test_seed_004_meeting(seeds_dir: Path, extractor: KeywordExtractor, article) -> None:
    events = extractor.extract(seed_article(seeds_dir / "articles" / SEEDS[1], article))
    meetings = [e for e in events if e.event_type == "meeting" and e.event_date == dt.date(2025, 6, 18)]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert {"IDN", "VNM", "BNPT"} <= {p.actor_id for p in meeting.parties}
    assert (meeting.location_name, meeting.location_admin1, meeting.location_country_iso3) == (
        "Jakarta", "DKI Jakarta", "IDN")
    assert (meeting.date_precision, meeting.salience) == ("day", "main")
