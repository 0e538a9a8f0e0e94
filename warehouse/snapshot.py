"""Immutable snapshots and the atomic commit.

A run builds a complete new snapshot folder (unchanged Parquet files are hard
links, so this costs almost nothing) and commits by swapping the ``current``
symlink with one ``rename(2)``. A run killed at any moment, SIGKILL included,
leaves ``current`` at the previous snapshot or the new one, never between;
``collect_garbage`` clears whatever the killed run left behind.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from warehouse.layout import TableSpec, WarehousePaths, table_files
from warehouse.partitioned import write_partitioned

ROW_GROUP_ROWS = 128 * 1024
FILE_ROWS = 1024 * 1024


def link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)


def carry_over(
    spec: TableSpec, base: Path | None, target: Path, column: str, drop: set[str]
) -> int:
    """Bring a table's files from ``base`` into ``target``, minus rows whose
    ``column`` is in ``drop``. Returns the number of rows dropped.

    A file with rows to drop is rewritten one row group at a time, so memory
    stays at one group however large the partition has grown.
    """
    dropped = 0
    drop_values = pyarrow.array(sorted(drop), pyarrow.string())
    for source in table_files(base, spec.name):
        relative = source.relative_to(base)
        if drop:
            keys = pq.read_table(source, columns=[column]).column(column)
            n_hits = pc.sum(pc.is_in(keys, value_set=drop_values)).as_py() or 0
            if n_hits:
                dropped += n_hits
                if n_hits < len(keys):
                    kept = _without(pq.ParquetFile(source), column, drop_values)
                    (target / relative).parent.mkdir(parents=True, exist_ok=True)
                    write_batches(kept, pq.ParquetFile(source).schema_arrow, target / relative, spec.row_group_rows)
                continue
        link_or_copy(source, target / relative)
    return dropped


def _without(source: pq.ParquetFile, column: str, drop_values: pyarrow.Array) -> Iterator[pyarrow.RecordBatch]:
    for group in range(source.num_row_groups):
        table = source.read_row_group(group)
        yield from table.filter(pc.invert(pc.is_in(table.column(column), value_set=drop_values))).to_batches()


def _leaf_paths(name: str, kind: pyarrow.DataType) -> list[str]:
    if pyarrow.types.is_struct(kind):
        return [p for child in kind for p in _leaf_paths(f"{name}.{child.name}", child.type)]
    if pyarrow.types.is_list(kind) or pyarrow.types.is_large_list(kind):
        return _leaf_paths(f"{name}.list.element", kind.value_type)
    return [name]


def dictionary_columns(schema: pyarrow.Schema) -> list[str]:
    """Columns to dictionary-encode: all but timestamps, which some BI readers mishandle when dictionary-encoded."""
    return [p for f in schema if not pyarrow.types.is_timestamp(f.type) for p in _leaf_paths(f.name, f.type)]


def writer_options(schema: pyarrow.Schema) -> dict:
    return {"compression": "zstd", "use_dictionary": dictionary_columns(schema)}


def write_file(table: pyarrow.Table, path: Path, row_group_rows: int = ROW_GROUP_ROWS) -> None:
    # No pandas metadata: it would make pandas expect the hive partition columns as plain ints.
    table = table.replace_schema_metadata(None)
    pq.write_table(table, path, row_group_size=row_group_rows, **writer_options(table.schema))


def regroup(batches: Iterable[pyarrow.RecordBatch], rows: int) -> Iterator[pyarrow.Table]:
    """Batches re-cut into tables of ``rows`` rows (the last may be shorter): one per row group."""
    pending: list[pyarrow.RecordBatch] = []
    held = 0
    for batch in batches:
        while batch.num_rows:
            take = min(rows - held, batch.num_rows)
            pending.append(batch.slice(0, take))
            held += take
            batch = batch.slice(take)
            if held == rows:
                yield pyarrow.Table.from_batches(pending)
                pending, held = [], 0
    if held:
        yield pyarrow.Table.from_batches(pending)


def write_batches(batches: Iterable[pyarrow.RecordBatch], schema: pyarrow.Schema, path: Path,
                  row_group_rows: int = ROW_GROUP_ROWS) -> int:
    """Stream batches into one Parquet file; nothing is written when there are no rows. Returns the rows."""
    schema = schema.remove_metadata()
    writer: pq.ParquetWriter | None = None
    written = 0
    try:
        for group in regroup(batches, row_group_rows):
            if writer is None:
                writer = pq.ParquetWriter(path, schema, **writer_options(schema))
            writer.write_table(group.cast(schema), row_group_size=row_group_rows)
            written += group.num_rows
    finally:
        if writer is not None:
            writer.close()
    return written


def write_rows(spec: TableSpec, rows: pyarrow.Table | Iterable[pyarrow.RecordBatch], target: Path, run_id: str,
               schema: pyarrow.Schema | None = None) -> None:
    """Write new rows of a table, hive-partitioned where the table is.

    ``rows`` may be a stream of record batches (with ``schema``): they are
    written as they come, so a run's rows never have to fit in memory at once.
    """
    if isinstance(rows, pyarrow.Table):
        if rows.num_rows == 0:
            return
        schema, rows = rows.schema, rows.to_batches()
    assert schema is not None, "a stream of batches needs its schema"
    schema = schema.remove_metadata()
    out = target / spec.name
    if spec.partition is None:
        out.mkdir(parents=True, exist_ok=True)
        write_batches(rows, schema, out / f"part-{run_id}.parquet", spec.row_group_rows)
        return
    batches = (b.replace_schema_metadata(None) for b in rows)
    write_partitioned(batches, schema, out, spec.partition, f"part-{run_id}", spec.row_group_rows, FILE_ROWS,
                      writer_options(schema))


def read_table(spec: TableSpec, snapshot: Path | None, columns: list[str] | None = None) -> pyarrow.Table:
    """A whole table of a snapshot (partition columns restored, typed by the model)."""
    from schemas.arrow import arrow_schema

    schema = arrow_schema(spec.model)
    files = table_files(snapshot, spec.name)
    if not files:
        empty = schema.empty_table()
        return empty.select(columns) if columns else empty
    partitioning = ds.partitioning(pyarrow.schema([schema.field(spec.partition)]), flavor="hive") if spec.partition else None
    dataset = ds.dataset([str(f) for f in files], schema=schema, format="parquet", partitioning=partitioning,
                         partition_base_dir=str(snapshot / spec.name))
    return dataset.to_table(columns=columns)


def fsync_tree(root: Path) -> None:
    """Flush a new snapshot to disk before it becomes current (power loss, not just SIGKILL)."""
    for path in root.rglob("*"):
        if path.is_file() and path.stat().st_nlink == 1:  # hard links are already durable
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def commit(paths: WarehousePaths, run_id: str) -> None:
    """Make snapshot ``run_id`` current: one atomic rename."""
    fsync_tree(paths.snapshot(run_id))
    link = paths.root / f".current-{run_id}"
    if link.is_symlink():
        link.unlink()
    os.symlink(os.path.join("snapshots", run_id), link)
    os.replace(link, paths.current)
    dir_fd = os.open(paths.root, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def collect_garbage(paths: WarehousePaths, keep: int, log: Callable[[str], None] = lambda _: None) -> None:
    """Remove what killed runs left (staging, uncommitted snapshots) and old snapshots.

    Only ever called while holding the warehouse lock.
    """
    shutil.rmtree(paths.staging, ignore_errors=True)
    for stray in paths.root.glob(".current-*"):
        stray.unlink(missing_ok=True)
    current = paths.current_snapshot()
    names = sorted(p.name for p in paths.snapshots.iterdir()) if paths.snapshots.is_dir() else []
    committed = [n for n in names if current is not None and n <= current.name]
    doomed: Iterable[str] = [n for n in names if n not in committed] + committed[:-keep]
    for name in doomed:
        log(f"removing snapshot {name}")
        shutil.rmtree(paths.snapshot(name), ignore_errors=True)
