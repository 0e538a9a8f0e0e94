"""Hive-partitioned Parquet written from a stream of batches, in bounded memory.

``pyarrow.dataset.write_dataset`` reads ahead of its writers: fed a long
stream of article batches it held a gigabyte. Here each partition keeps at
most one row group's worth of rows before writing it, so memory is bounded by
partitions x row group, whatever the length of the stream.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow
import pyarrow.compute as pc
import pyarrow.parquet as pq

NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # the folder name Hive, Spark, Arrow and DuckDB read as NULL


class FileSeries:
    """Parquet files ``<stem>-0.parquet``, ``<stem>-1.parquet``... in one folder, fed batch by batch:
    full row groups are written as they fill, a new file starts every ``file_rows`` rows."""

    def __init__(self, folder: Path, stem: str, schema: pyarrow.Schema, options: dict) -> None:
        self.folder, self.stem, self.schema, self.options = folder, stem, schema, options
        self.pending: list[pyarrow.RecordBatch] = []
        self.pending_rows = 0
        self.files = 0
        self.file_rows = 0
        self.writer: pq.ParquetWriter | None = None

    def add(self, batch: pyarrow.RecordBatch, group_rows: int, file_rows: int) -> None:
        self.pending.append(batch)
        self.pending_rows += batch.num_rows
        if self.pending_rows >= group_rows:
            self.flush(group_rows, file_rows, whole_groups_only=True)

    def flush(self, group_rows: int, file_rows: int, whole_groups_only: bool = False) -> None:
        """Write pending rows as row groups; a short remainder waits for more rows unless this is the end."""
        if not self.pending_rows:
            return
        table = pyarrow.Table.from_batches(self.pending, self.schema)
        ready = table.num_rows - table.num_rows % group_rows if whole_groups_only else table.num_rows
        rest = table.slice(ready)
        self.pending, self.pending_rows = rest.to_batches(), rest.num_rows
        for start in range(0, ready, group_rows):
            group = table.slice(start, min(group_rows, ready - start))
            if self.writer is None or self.file_rows + group.num_rows > file_rows:
                self.close()
                self.folder.mkdir(parents=True, exist_ok=True)
                self.writer = pq.ParquetWriter(self.folder / f"{self.stem}-{self.files}.parquet", self.schema, **self.options)
                self.files += 1
            self.writer.write_table(group, row_group_size=group_rows)
            self.file_rows += group.num_rows

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer, self.file_rows = None, 0


def partition_folder(column: str, value: object) -> str:
    return f"{column}={NULL_PARTITION if value is None else value}"


def write_partitioned(batches: Iterable[pyarrow.RecordBatch], schema: pyarrow.Schema, out: Path, column: str,
                      stem: str, group_rows: int, file_rows: int, options: dict) -> int:
    """Write ``batches`` under ``out/<column>=<value>/<stem>-<n>.parquet``; the partition column
    lives in the folder name only. Returns the rows written."""
    file_schema = schema.remove(schema.get_field_index(column))
    partitions: dict[object, FileSeries] = {}
    written = 0
    try:
        for batch in batches:
            if not batch.num_rows:
                continue
            keys = batch.column(column)
            rest = batch.drop_columns([column])
            for value in pc.unique(keys).to_pylist():
                mask = pc.is_null(keys) if value is None else pc.fill_null(pc.equal(keys, value), False)
                part = partitions.get(value)
                if part is None:
                    part = partitions[value] = FileSeries(out / partition_folder(column, value), stem, file_schema, options)
                part.add(rest.filter(mask), group_rows, file_rows)
            written += batch.num_rows
        for part in partitions.values():
            part.flush(group_rows, file_rows)
    finally:
        for part in partitions.values():
            part.close()
    return written
