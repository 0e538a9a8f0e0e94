"""BI-ready Parquet: every table under current/ reads the same in pyarrow, pandas, polars, DuckDB (and Spark).

Types must map cleanly in BI tools: DATE columns (not strings), no unsigned
integers, no dictionary-encoded timestamps, and nested columns only in
events.parties (event_parties is its flat form).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
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


# Spark lives in its own venv (`make spark`, .venv-spark): with pyspark importable in .venv, pandera
# imports it and warns in every process. The test runs tests/support/spark_read.py with that interpreter.
SPARK_PYTHON = Path(
    os.environ.get("PERISTIWA_SPARK_PYTHON", Path(__file__).resolve().parents[2] / ".venv-spark" / "bin" / "python")
)
SPARK_SCRIPT = Path(__file__).resolve().parents[1] / "support" / "spark_read.py"


def _spark_unavailable() -> str | None:
    """Why the Spark test cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "java is not on PATH"
    if not SPARK_PYTHON.is_file():
        return f"no Spark environment at {SPARK_PYTHON} (`make spark` creates it; PERISTIWA_SPARK_PYTHON overrides)"
    probe = subprocess.run([str(SPARK_PYTHON), "-c", "import pyspark"], capture_output=True, check=False)
    if probe.returncode != 0:
        return f"pyspark does not import in {SPARK_PYTHON}"
    return None


def _spark_type(kind: pa.DataType) -> str:
    """The Spark type a clean reader gives an Arrow type (Spark's simpleString); anything else is unmapped."""
    simple = {pa.string(): "string", pa.large_string(): "string", pa.bool_(): "boolean", pa.int8(): "tinyint",
              pa.int16(): "smallint", pa.int32(): "int", pa.int64(): "bigint", pa.float32(): "float",
              pa.float64(): "double", pa.date32(): "date"}
    if kind in simple:
        return simple[kind]
    if pa.types.is_timestamp(kind):
        return "timestamp" if kind.tz else "timestamp_ntz"
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return f"array<{_spark_type(kind.value_type)}>"
    if pa.types.is_struct(kind):
        return "struct<" + ",".join(f"{field.name}:{_spark_type(field.type)}" for field in kind) + ">"
    # Unsigned integers land here on purpose: Spark widens them (uint32 -> bigint, uint64 -> decimal(20,0)).
    return f"unmapped {kind}"


def _arrow_view(folder: Path) -> dict[str, object]:
    """What pyarrow reads from a table folder, in the shape spark_read.py reports."""
    table = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
    ranges: dict[str, list[int | None]] = {}
    for field in table.schema:
        if pa.types.is_date32(field.type):
            epoch = table[field.name].cast(pa.int32())
        elif pa.types.is_timestamp(field.type):
            epoch = table[field.name].cast(pa.timestamp("us", field.type.tz)).cast(pa.int64())
        else:
            continue
        bounds = pc.min_max(epoch)
        ranges[field.name] = [bounds["min"].as_py(), bounds["max"].as_py()]
    return {
        "rows": table.num_rows,
        "types": {field.name: _spark_type(field.type) for field in table.schema},
        "non_null": {name: table.num_rows - table[name].null_count for name in table.column_names},
        "ranges": ranges,
    }


@pytest.mark.slow
def test_spark_local_mode_reads_every_table(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Spark reads each partitioned folder with the rows, types, nulls and date ranges pyarrow reads."""
    reason = _spark_unavailable()
    if reason:
        pytest.skip(reason)
    # Asked for only now, so that a skip does not first ingest the seeds.
    seeds_warehouse: Path = request.getfixturevalue("seeds_warehouse")
    current = seeds_warehouse / "current"
    tables = [name for name in sorted(TABLES) if _folder(seeds_warehouse, name).is_dir()]
    out = tmp_path / "spark.json"
    # Spark's scratch files go to tmp_path, never to the project or the shared /tmp.
    env = {**os.environ, "SPARK_LOCAL_DIRS": str(tmp_path)}
    done = subprocess.run([str(SPARK_PYTHON), str(SPARK_SCRIPT), str(out), str(current), *tables],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300, check=False)
    assert done.returncode == 0, f"Spark failed:\n{done.stderr[-4000:]}"
    seen = json.loads(out.read_text(encoding="utf-8"))["tables"]

    assert sorted(seen) == tables
    for name in tables:
        expected, spark = _arrow_view(_folder(seeds_warehouse, name)), seen[name]
        assert spark["rows"] == expected["rows"] == _view_count(seeds_warehouse, name), name
        assert spark["types"] == expected["types"], name
        assert spark["non_null"] == expected["non_null"], name
        assert spark["ranges"] == expected["ranges"], name
        partition = TABLES[name].partition
        if partition:
            assert spark["types"][partition] == "int", f"{name}.{partition}: {spark['types'][partition]}"
    # What the comparison above covered: the null partition, DATE, UTC timestamps and the nested parties.
    assert any(TABLES[name].partition and seen[name]["non_null"][TABLES[name].partition] < seen[name]["rows"]
               for name in tables), "the seeds no longer give an undated row (__HIVE_DEFAULT_PARTITION__)"
    assert seen["events"]["types"]["parties"].startswith("array<struct<")
    assert seen["events"]["types"]["event_date"] == "date"
    assert seen["articles"]["types"]["ingested_at"] == "timestamp"
