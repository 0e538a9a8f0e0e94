from __future__ import annotations

from pathlib import Path

import pyarrow
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from warehouse.partitioned import NULL_PARTITION, write_partitioned

SCHEMA = pyarrow.schema([("id", pyarrow.string()), ("year", pyarrow.int32())])


def _batches(years: list[int | None], size: int) -> list[pyarrow.RecordBatch]:
    table = pyarrow.table({"id": [f"r{i}" for i in range(len(years))], "year": pyarrow.array(years, pyarrow.int32())})
    return table.to_batches(max_chunksize=size)


def test_rows_land_in_hive_folders_without_the_partition_column(tmp_path: Path) -> None:
    years = [2019, None, 2020, 2019, None, 2019]
    written = write_partitioned(iter(_batches(years, 2)), SCHEMA, tmp_path, "year", "part-r1", 100, 1000, {})
    assert written == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["year=2019", "year=2020", f"year={NULL_PARTITION}"]
    assert pq.read_schema(tmp_path / "year=2019" / "part-r1-0.parquet").names == ["id"]
    back = ds.dataset(tmp_path, format="parquet", partitioning=ds.partitioning(pyarrow.schema([SCHEMA.field("year")]), flavor="hive"))
    assert sorted((r["id"], r["year"]) for r in back.to_table().to_pylist()) == sorted((f"r{i}", y) for i, y in enumerate(years))


def test_full_row_groups_and_a_new_file_every_file_rows(tmp_path: Path) -> None:
    write_partitioned(iter(_batches([2020] * 23, 5)), SCHEMA, tmp_path, "year", "p", 4, 8, {})
    files = sorted((tmp_path / "year=2020").iterdir())
    assert [f.name for f in files] == ["p-0.parquet", "p-1.parquet", "p-2.parquet"]
    groups = [[pq.ParquetFile(f).metadata.row_group(i).num_rows for i in range(pq.ParquetFile(f).num_row_groups)] for f in files]
    assert groups == [[4, 4], [4, 4], [4, 3]]  # groups of 4 though rows came in fives; files of at most 8 rows


def test_an_empty_stream_writes_nothing(tmp_path: Path) -> None:
    assert write_partitioned(iter([]), SCHEMA, tmp_path / "t", "year", "p", 4, 8, {}) == 0
    assert not (tmp_path / "t").exists()
