from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow

from schemas import Quarantine
from schemas.frames import to_arrow
from warehouse.layout import TABLES, WarehousePaths, table_files
from warehouse.snapshot import carry_over, collect_garbage, commit, read_table, write_rows


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
