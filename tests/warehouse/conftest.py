"""Warehouses built by the ingest flow, shared by the view and invariant tests."""

from __future__ import annotations

from pathlib import Path

import pytest

SLICE_RECORDS = 500  # first records of each corpus file: every dataset, a few seconds to ingest


@pytest.fixture(scope="session")
def seeds_warehouse(prefect_harness: None, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from flows.ingest import ingest

    wh = tmp_path_factory.mktemp("seeds") / "wh"
    ingest([str(seeds_dir / "articles")], warehouse=str(wh))
    return wh


@pytest.fixture(scope="session")
def corpus_slice_warehouse(prefect_harness: None, corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first SLICE_RECORDS lines of every JSONL file of the shared corpus."""
    from flows.ingest import ingest

    base = tmp_path_factory.mktemp("corpus_slice")
    inbox = base / "inbox"
    for source in sorted(corpus_dir.rglob("*.jsonl")):
        target = inbox / source.relative_to(corpus_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
            for number, line in enumerate(lines):
                if number >= SLICE_RECORDS:
                    break
                out.write(line)
    wh = base / "wh"
    ingest([str(inbox)], warehouse=str(wh))
    return wh


@pytest.fixture(scope="session")
def corpus_warehouse(prefect_harness: None, corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole shared corpus (about 25 s)."""
    from flows.ingest import ingest

    wh = tmp_path_factory.mktemp("corpus_full") / "wh"
    ingest([str(corpus_dir)], warehouse=str(wh))
    return wh
