"""The DuckDB catalog: views over the committed Parquet, one view per SQL file.

Paths in the views are relative to the warehouse folder, so the folder can be
moved: open the catalog from inside the folder, or ``SET file_search_path``
to it (``peristiwa sql`` does). The catalog is rebuilt beside the old one and
swapped in with one rename, so an analyst holding it open read-only is never
disturbed by a run.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import duckdb

from schemas.arrow import arrow_schema
from warehouse.layout import TABLES, WarehousePaths, table_files

VIEWS_DIR = Path(__file__).parent / "views"
_SOURCE = re.compile(r"\{\{\s*source\('(\w+)'\)\s*\}\}")


def view_files() -> list[Path]:
    return sorted(VIEWS_DIR.glob("*.sql"))


def view_grain(path: Path) -> str:
    """The grain a view file states in its first comment line."""
    first = path.read_text().splitlines()[0]
    return first.removeprefix("--").strip().removeprefix("grain:").strip()


def source_sql(paths: WarehousePaths, con: duckdb.DuckDBPyConnection, table: str) -> str:
    """SQL reading one table of ``current/`` (typed and empty before the first run)."""
    spec = TABLES[table]
    if not table_files(paths.current_snapshot(), table):
        empty = arrow_schema(spec.model).empty_table()
        con.register("_empty_schema", empty)
        columns = con.execute("describe select * from _empty_schema").fetchall()
        con.unregister("_empty_schema")
        casts = ", ".join(f"cast(null as {ctype}) as {name}" for name, ctype, *_ in columns)
        return f"(select {casts} where false)"
    if spec.partition is None:
        return f"read_parquet('current/{table}/*.parquet')"
    return (
        f"read_parquet('current/{table}/**/*.parquet', hive_partitioning = true, "
        f"hive_types = {{'{spec.partition}': integer}})"
    )


def render(sql: str, paths: WarehousePaths, con: duckdb.DuckDBPyConnection) -> str:
    return _SOURCE.sub(lambda m: source_sql(paths, con, m.group(1)), sql)


def connect(root: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open a warehouse's catalog with relative paths resolved inside the folder."""
    paths = WarehousePaths(root.resolve())
    if not paths.catalog.exists():
        raise FileNotFoundError(f"no catalog at {paths.catalog}: run `peristiwa ingest PATH --warehouse {root}` first")
    con = duckdb.connect(str(paths.catalog), read_only=read_only)
    con.execute("set file_search_path = ?", [str(paths.root)])
    return con


def refresh_catalog(root: Path) -> Path:
    paths = WarehousePaths(root.resolve())
    tmp = paths.root / f".catalog-{uuid.uuid4().hex}.duckdb"
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute("set file_search_path = ?", [str(paths.root)])
            for path in view_files():
                con.execute(render(path.read_text(), paths, con))
        finally:
            con.close()
        os.replace(tmp, paths.catalog)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return paths.catalog
