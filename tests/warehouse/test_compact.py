"""Compaction reduces the file count and leaves every view's rows identical."""

from __future__ import annotations

from pathlib import Path


from flows.compact import compact_warehouse
from flows.ingest import ingest
from tests.flows.test_ingest import q
from tests.support.inbox import write_jsonl
from warehouse.layout import MANIFEST, TABLES, WarehousePaths, table_files

VIEWS = ["articles", "events", "event_parties", "quarantine", "runs"]


def contents(wh: Path) -> dict[str, list[tuple]]:
    return {view: q(wh, f"select * from {view} order by all") for view in VIEWS}


def file_count(wh: Path) -> int:
    snapshot = WarehousePaths(wh).current_snapshot()
    return sum(len(table_files(snapshot, t)) for t in [*TABLES, MANIFEST.name])


def test_compaction_merges_files_and_changes_no_row(tmp_path: Path, prefect_harness: None) -> None:
    wh = tmp_path / "wh"
    for n in range(4):  # four incremental runs: four files per partition
        write_jsonl(tmp_path / "inbox" / f"{n}.jsonl", n * 10, 10)
        (tmp_path / "inbox" / f"{n}.bin.txt").write_bytes(b"\x00\x01" * 10)
        ingest([str(tmp_path / "inbox")], warehouse=str(wh))
    before, files_before = contents(wh), file_count(wh)
    result = compact_warehouse(warehouse=str(wh))
    assert result.files_before == files_before
    assert file_count(wh) == result.files_after < files_before
    assert contents(wh) == before
    again = compact_warehouse(warehouse=str(wh))
    assert again.snapshot is None  # nothing left to merge
    # Incremental runs go on as before after a compaction.
    write_jsonl(tmp_path / "inbox" / "late.jsonl", 500, 3)
    assert ingest([str(tmp_path / "inbox")], warehouse=str(wh)).articles_landed == 3


def test_compacting_an_empty_warehouse_does_nothing(tmp_path: Path, prefect_harness: None) -> None:
    assert compact_warehouse(warehouse=str(tmp_path / "none")).snapshot is None


