"""BI-ready Parquet: every table under current/ reads the same in pyarrow, pandas, polars, DuckDB (and Spark).

Types must map cleanly in BI tools: DATE columns (not strings), no unsigned
integers, no dictionary-encoded timestamps, and nested columns only in
events.parties (event_parties is its flat form).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from warehouse.catalog import connect
from warehouse.layout import TABLES

NESTED_ALLOWED = {("events", "parties")}


def _folder(wh: Path, table: str) -> Path:
    return wh / "current" / table


def _glob(wh: Path, table: str) -> str:
    return str(_folder(wh, table) / ("**/*.parquet" if TABLES[table].partition else "*.parquet"))


def _view_count(wh: Path, table: str) -> int:
    con = connect(wh)
    try:
        return con.execute(f"select count(*) from {table}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module", params=sorted(TABLES))
def table(request: pytest.FixtureRequest, seeds_warehouse: Path) -> tuple[Path, str, int]:
    wh, name = seeds_warehouse, request.param
    if not _folder(wh, name).is_dir():
        pytest.skip(f"the seeds give no {name} rows")
    return wh, name, _view_count(wh, name)


def test_pyarrow_dataset(table: tuple[Path, str, int]) -> None:
    wh, name, rows = table
    dataset = ds.dataset(_folder(wh, name), format="parquet", partitioning="hive")
    assert dataset.count_rows() == rows
    if TABLES[name].partition:
        assert TABLES[name].partition in dataset.schema.names


def test_pandas(table: tuple[Path, str, int]) -> None:
    wh, name, rows = table
    # Undated rows sit in the partition __HIVE_DEFAULT_PARTITION__ (a null year): pandas' default dictionary
    # inference cannot merge that null into the year dictionary, so the year is read as a plain number.
    frame = pd.read_parquet(_folder(wh, name), partitioning=ds.HivePartitioning.discover(infer_dictionary=False))
    assert len(frame) == rows


def test_polars(table: tuple[Path, str, int]) -> None:
    pl = pytest.importorskip("polars")
    wh, name, rows = table
    frame = pl.scan_parquet(_glob(wh, name), hive_partitioning=bool(TABLES[name].partition)).collect()
    assert frame.height == rows
    if TABLES[name].partition:
        assert TABLES[name].partition in frame.columns


def test_duckdb_without_the_catalog(table: tuple[Path, str, int]) -> None:
    wh, name, rows = table
    con = duckdb.connect()
    count = con.execute(f"select count(*) from read_parquet('{_glob(wh, name)}', hive_partitioning = true)").fetchone()[0]
    con.close()
    assert count == rows


def test_types_bi_tools_map_cleanly(table: tuple[Path, str, int]) -> None:
    wh, name, _ = table
    schema = ds.dataset(_folder(wh, name), format="parquet", partitioning="hive").schema
    for field in schema:
        kind = field.type
        assert not pa.types.is_unsigned_integer(kind), f"{name}.{field.name} is unsigned"
        assert not pa.types.is_dictionary(kind), f"{name}.{field.name} is dictionary-typed"
        if field.name.endswith("_date"):
            assert pa.types.is_date32(kind), f"{name}.{field.name} is {kind}, not DATE"
        if field.name.endswith("_at"):
            assert pa.types.is_timestamp(kind) and kind.tz == "UTC", f"{name}.{field.name} is {kind}"
        if pa.types.is_nested(kind):
            assert (name, field.name) in NESTED_ALLOWED, f"{name}.{field.name} is nested: {kind}"


def test_no_dictionary_encoded_timestamps(table: tuple[Path, str, int]) -> None:
    wh, name, _ = table
    for path in sorted(_folder(wh, name).rglob("*.parquet")):
        parquet = pq.ParquetFile(path)
        timestamps = {f.name for f in parquet.schema_arrow if pa.types.is_timestamp(f.type)}
        for group in range(parquet.metadata.num_row_groups):
            for column in range(parquet.metadata.num_columns):
                chunk = parquet.metadata.row_group(group).column(column)
                if chunk.path_in_schema in timestamps:
                    assert not any("DICTIONARY" in e for e in chunk.encodings), f"{path}: {chunk.path_in_schema}"


spark_missing = importlib.util.find_spec("pyspark") is None or shutil.which("java") is None


@pytest.mark.slow
@pytest.mark.skipif(spark_missing, reason="pyspark or java is not installed")
def test_spark_local_mode_reads_every_table(seeds_warehouse: Path) -> None:
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[1]").appName("peristiwa-readers")
             .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate())
    try:
        for name, spec in TABLES.items():
            folder = _folder(seeds_warehouse, name)
            if not folder.is_dir():
                continue
            frame = spark.read.parquet(str(folder))
            assert frame.count() == _view_count(seeds_warehouse, name), name
            if spec.partition:
                assert spec.partition in frame.columns
            types = dict(frame.dtypes)
            for column, kind in types.items():
                if column.endswith("_date"):
                    assert kind == "date", f"{name}.{column}: {kind}"
    finally:
        spark.stop()
