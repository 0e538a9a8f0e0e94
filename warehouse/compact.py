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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq

from warehouse.layout import MANIFEST, TABLES, WarehousePaths, table_files
from warehouse.partitioned import FileSeries
from warehouse.snapshot import FILE_ROWS, commit, link_or_copy, writer_options


@dataclass(frozen=True)
class CompactResult:
    snapshot: str | None  # the new snapshot, None when there was nothing to merge
    files_before: int
    files_after: int


def _merge(files: list[Path], folder: Path, stem: str, group_rows: int) -> int:
    """Stream ``files`` into new files of at most FILE_ROWS rows, a row group at a time. Returns files written."""
    schema = pq.ParquetFile(files[0]).schema_arrow.remove_metadata()

    def batches() -> Iterator[pyarrow.RecordBatch]:
        # Partition values live in the folder name, not in the files: read each file alone.
        for file in files:
            source = pq.ParquetFile(file)
            for group in range(source.num_row_groups):
                yield from source.read_row_group(group).cast(schema).to_batches()

    series = FileSeries(folder, stem, schema, writer_options(schema))
    try:
        for batch in batches():
            series.add(batch, group_rows, FILE_ROWS)
        series.flush(group_rows, FILE_ROWS)
    finally:
        series.close()
    return series.files


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
        spec = TABLES.get(folder.parts[0], MANIFEST)
        after += _merge(files, target / folder, f"part-{run_id}", spec.row_group_rows)
    commit(paths, run_id)
    return CompactResult(run_id, before, after)
