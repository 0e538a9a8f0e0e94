"""The whole shared corpus reads with no configuration, no Problems, and fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from peristiwa.model import Problem
from peristiwa.reading import FieldMap, discover, read_file

CORPUS_RECORDS = 25_611


@pytest.mark.corpus
def test_read_whole_corpus(corpus_dir: Path) -> None:
    started = time.perf_counter()
    found = discover([corpus_dir])
    assert found.problems == []
    # The folder's README.md is documentation, not an article.
    files = [f for f in found.files if Path(f.path).name != "README.md"]
    assert len(files) == 11
    field_map = FieldMap()
    records = blank = 0
    problems: list[Problem] = []
    for ref in files:
        for item in read_file(ref.path, field_map):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            records += 1
            # Non-empty as read; 14 tempo.jsonl records hold only a no-break space (mojibake "¬†"),
            # which normalisation must reject as having no text.
            assert item.fields.get("text"), item
            blank += not item.fields["text"].strip()
            assert item.fields.get("source_id", "").strip(), item
            assert item.source_format == "jsonl"
    elapsed = time.perf_counter() - started
    print(f"\nread {records:,} corpus records from {len(files)} files in {elapsed:.2f} s ({blank} blank texts)")
    assert problems == []
    assert records == CORPUS_RECORDS
