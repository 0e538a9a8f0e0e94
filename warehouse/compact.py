"""Compaction: merge the small Parquet files that frequent incremental runs leave.

Rows are not changed, only regrouped: each partition's files are rewritten as
one file (or a few of FILE_ROWS rows each), in a new snapshot committed like a
run (atomic; a killed compaction leaves the previous snapshot). The runs table
gets no row: compaction is not an ingest run.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq

from warehouse.layout import MANIFEST, TABLES, WarehousePaths, table_files
from warehouse.snapshot import FILE_ROWS, commit, link_or_copy, write_file


@dataclass(frozen=True)
class CompactResult:
    snapshot: str | None  # the new snapshot, None when there was nothing to merge
    files_before: int
    files_after: int


def compact(paths: WarehousePaths, min_files: int = 2) -> CompactResult:
    """Merge each partition holding ``min_files`` or more files. Call under the warehouse lock."""
    base = paths.current_snapshot()
    if base is None:
        return CompactResult(None, 0, 0)
    groups: dict[Path, list[Path]] = defaultdict(list)
    for table in [*TABLES, MANIFEST.name]:
        for file in table_files(base, table):
            groups[file.parent.relative_to(base)].append(file)
    before = sum(len(files) for files in groups.values())
    if all(len(files) < min_files for files in groups.values()):
        return CompactResult(None, before, before)

    run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ") + "-compact-" + secrets.token_hex(2)
    target = paths.snapshot(run_id)
    shutil.rmtree(target, ignore_errors=True)
    after = 0
    for folder, files in sorted(groups.items()):
        if len(files) < min_files:
            for file in files:
                link_or_copy(file, target / file.relative_to(base))
            after += len(files)
            continue
        # Partition values live in the folder name, not in the files: read each file alone.
        table = pyarrow.concat_tables([pq.read_table(f, partitioning=None) for f in files], promote_options="default")
        (target / folder).mkdir(parents=True, exist_ok=True)
        for n, start in enumerate(range(0, max(table.num_rows, 1), FILE_ROWS)):
            write_file(table.slice(start, FILE_ROWS), target / folder / f"part-{run_id}-{n}.parquet")
            after += 1
    commit(paths, run_id)
    return CompactResult(run_id, before, after)
