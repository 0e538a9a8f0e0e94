from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.parquet as pq

from schemas import Events, Quarantine
from schemas.arrow import arrow_schema
from schemas.frames import to_arrow
from warehouse.layout import TABLES, WarehousePaths, table_files
from warehouse.snapshot import carry_over, collect_garbage, commit, read_table, regroup, write_rows


def _snapshot(paths: WarehousePaths, run_id: str) -> Path:
    folder = paths.snapshot(run_id)
    (folder / "runs").mkdir(parents=True)
    (folder / "runs" / "x.parquet").write_bytes(b"")
    return folder


def test_commit_swaps_current_atomically(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path)
    assert paths.current_snapshot() is None
    _snapshot(paths, "20260101T000000000000Z-aaaaaa")
    commit(paths, "20260101T000000000000Z-aaaaaa")
    assert paths.current_snapshot().name == "20260101T000000000000Z-aaaaaa"
    assert os.readlink(paths.current) == "snapshots/20260101T000000000000Z-aaaaaa"  # relative: the folder can move
    _snapshot(paths, "20260102T000000000000Z-bbbbbb")
    commit(paths, "20260102T000000000000Z-bbbbbb")
    assert paths.current_snapshot().name == "20260102T000000000000Z-bbbbbb"


def test_garbage_collection_keeps_current_and_recent_and_drops_uncommitted(tmp_path: Path) -> None:
    paths = WarehousePaths(tmp_path)
    names = [f"2026010{i}T000000000000Z-aaaaaa" for i in range(1, 6)]
    for name in names[:4]:
        _snapshot(paths, name)
        commit(paths, name)
    _snapshot(paths, names[4])  # a killed run: never committed
    (paths.staging / "killed-run").mkdir(parents=True)
    (tmp_path / ".current-killed").symlink_to("snapshots/nowhere")
    collect_garbage(paths, keep=2)
    assert sorted(p.name for p in paths.snapshots.iterdir()) == names[2:4]
    assert not paths.staging.exists()
    assert not list(tmp_path.glob(".current-*"))
    assert paths.current_snapshot().name == names[3]


def test_carry_over_links_untouched_files_and_rewrites_touched_ones(tmp_path: Path) -> None:
    spec = TABLES["quarantine"]
    base = tmp_path / "base"

    def frame(paths_: list[str]) -> pyarrow.Table:
        df = pd.DataFrame({
            Quarantine.quarantine_id: [f"q{p}" for p in paths_], Quarantine.run_id: "r", Quarantine.source_path: paths_,
            Quarantine.record_index: None, Quarantine.source_id: None, Quarantine.stage: "read",
            Quarantine.check: "binary_file", Quarantine.reason: "x", Quarantine.sample: None, Quarantine.article_id: None,
            Quarantine.quarantined_at: pd.Timestamp("2026-01-01", tz="UTC"),
        })
        return to_arrow(Quarantine, Quarantine.validate(df))

    write_rows(spec, frame(["/a", "/b"]), base, "r1")
    write_rows(spec, frame(["/c"]), base, "r2")
    target = tmp_path / "target"
    dropped = carry_over(spec, base, target, Quarantine.source_path, {"/b"})
    assert dropped == 1
    assert sorted(read_table(spec, target).column(Quarantine.source_path).to_pylist()) == ["/a", "/c"]
    untouched = [f for f in table_files(target, spec.name) if "r2" in f.name][0]
    assert untouched.stat().st_nlink == 2  # hard link, not a copy


def test_regroup_cuts_a_stream_into_groups_of_the_given_rows() -> None:
    batches = [pyarrow.record_batch({"x": list(range(start, start + n))}) for start, n in ((0, 3), (3, 7), (10, 1))]
    groups = list(regroup(batches, 4))
    assert [g.num_rows for g in groups] == [4, 4, 3]
    assert [v for g in groups for v in g.column("x").to_pylist()] == list(range(11))
    assert list(regroup([], 4)) == []


def _events_stream(years: list[int | None]) -> tuple[pyarrow.Schema, list[pyarrow.RecordBatch]]:
    schema = arrow_schema(Events)
    rows = [{field.name: None for field in schema} | {
        Events.event_id: f"e{i}", Events.article_id: f"a{i}", Events.event_year: year, Events.event_type: "arrest",
        Events.salience: "main", Events.parties: [], Events.evidence: "…", Events.confidence: 0.5,
        Events.extractor_version: "test",
    } for i, year in enumerate(years)]
    table = pyarrow.Table.from_pylist(rows, schema=schema)
    return schema, table.to_batches(max_chunksize=3)


def test_write_rows_streams_batches_into_partitions_with_the_tables_row_groups(tmp_path: Path) -> None:
    spec = replace(TABLES["events"], row_group_rows=4)
    years = [2020, 2021, None, 2020, 2020, 2021, 2020, 2020, None, 2020]
    schema, batches = _events_stream(years)
    write_rows(spec, iter(batches), tmp_path, "r1", schema=schema)
    table = read_table(spec, tmp_path)
    assert sorted(table.column(Events.event_id).to_pylist()) == sorted(f"e{i}" for i in range(len(years)))
    assert {(r[Events.event_id], r[Events.event_year]) for r in table.to_pylist()} == {(f"e{i}", y) for i, y in enumerate(years)}
    groups = [pq.ParquetFile(f).metadata.row_group(i).num_rows for f in table_files(tmp_path, "events")
              for i in range(pq.ParquetFile(f).num_row_groups)]
    assert max(groups) <= 4 and sum(groups) == len(years)
    assert sorted(groups) == [2, 2, 2, 4]  # 2020: six rows in groups of 4 + 2, though they came in batches of three


def test_write_rows_with_an_empty_stream_writes_nothing(tmp_path: Path) -> None:
    schema, _ = _events_stream([])
    write_rows(TABLES["events"], iter([]), tmp_path, "r1", schema=schema)
    write_rows(TABLES["quarantine"], iter([]), tmp_path, "r1", schema=arrow_schema(Quarantine))
    assert table_files(tmp_path, "events") == [] and table_files(tmp_path, "quarantine") == []


def test_carry_over_rewrites_a_large_file_group_by_group(tmp_path: Path) -> None:
    spec = replace(TABLES["events"], row_group_rows=4)
    schema, batches = _events_stream([2020] * 10)
    write_rows(spec, iter(batches), tmp_path / "base", "r1", schema=schema)
    dropped = carry_over(spec, tmp_path / "base", tmp_path / "target", Events.article_id, {"a1", "a5", "a9"})
    assert dropped == 3
    kept = read_table(spec, tmp_path / "target")
    assert sorted(kept.column(Events.article_id).to_pylist()) == sorted(f"a{i}" for i in (0, 2, 3, 4, 6, 7, 8))
    (rewritten,) = table_files(tmp_path / "target", "events")
    assert pq.ParquetFile(rewritten).num_row_groups == 2  # 7 rows in groups of at most 4
