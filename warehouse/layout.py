"""Where things live in a warehouse folder, and which tables it holds.

    DIR/
      current -> snapshots/<run_id>      the committed state (a symlink, swapped atomically)
      snapshots/<run_id>/<table>/...     immutable Parquet files; unchanged files are
                                         hard-linked from one snapshot to the next
      snapshots/<run_id>/_manifest/      what was read: path, size, mtime, content hash
      staging/<run_id>/                  batches of a run in progress (never read by views)
      catalog.duckdb                     views over current/ (rebuilt beside, then swapped in)
      .lock                              one run at a time

BI tools read ``DIR/current/<table>/`` directly: hive-partitioned Parquet.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandera.pandas as pa

from schemas import Articles, EventParties, Events, Manifest, Quarantine, Runs


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[pa.DataFrameModel]
    partition: str | None  # hive partition column (a column of the model), if any
    # Rows per Parquet row group. Article rows carry the full text (kilobytes each),
    # so their groups are smaller: the writer buffers up to this many rows per open partition.
    row_group_rows: int = 128 * 1024


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("articles", Articles, Articles.published_year, row_group_rows=16 * 1024),
        TableSpec("events", Events, Events.event_year),
        TableSpec("event_parties", EventParties, EventParties.event_year),
        TableSpec("quarantine", Quarantine, None),
        TableSpec("runs", Runs, None),
    )
}
MANIFEST = TableSpec("_manifest", Manifest, None)


@dataclass(frozen=True)
class WarehousePaths:
    root: Path

    @property
    def snapshots(self) -> Path:
        return self.root / "snapshots"

    @property
    def current(self) -> Path:
        return self.root / "current"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.duckdb"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"

    def snapshot(self, run_id: str) -> Path:
        return self.snapshots / run_id

    def current_snapshot(self) -> Path | None:
        """The committed snapshot folder, or None for an empty warehouse."""
        if not self.current.is_symlink():
            return None
        target = self.root / os.readlink(self.current)
        return target if target.is_dir() else None


def table_files(snapshot: Path | None, table: str) -> list[Path]:
    """Parquet files of one table in a snapshot, in a stable order."""
    if snapshot is None or not (snapshot / table).is_dir():
        return []
    return sorted((snapshot / table).rglob("*.parquet"))
