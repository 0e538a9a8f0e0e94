"""The DuckDB catalog: views over the committed Parquet, one view per SQL file.

``views/<name>.sql`` creates the view ``<name>``; its first line states the
grain (``-- grain: ...``). Views may read other views (staging ``stg_*`` read
the base views, marts read staging): they are created in dependency order,
found by reading each file for the view names after ``from`` and ``join``.
Reference tables (``ref_*``, small CSVs of ``seeds/reference``) are copied
into the catalog first, so views and invariants can join them.

Paths in the views are relative to the warehouse folder, so the folder can be
moved: open the catalog from inside the folder, or ``SET file_search_path``
to it (``peristiwa sql`` does). The catalog is rebuilt beside the old one and
swapped in with one rename, so an analyst holding it open read-only is never
disturbed by a run.

An ``s3://`` warehouse has no catalog file: ``connect`` builds the same views
in an in-memory DuckDB over Arrow datasets of the committed snapshot (read
through ``pyarrow.fs``, so DuckDB's ``httpfs`` extension is not needed).
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from schemas.arrow import arrow_schema
from warehouse.layout import TABLES, WarehousePaths, table_files
from warehouse.remote import is_remote

if TYPE_CHECKING:
    import pyarrow.dataset as ds

    from warehouse.remote import RemoteWarehouse

VIEWS_DIR = Path(__file__).parent / "views"
INVARIANTS_DIR = Path(__file__).parent / "invariants"
REFERENCE_DIR = Path(__file__).resolve().parents[1] / "seeds" / "reference"
# Catalog table -> (CSV in REFERENCE_DIR, column types).
REFERENCE_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "ref_country_bounds": ("country_bounds.csv", {
        "iso3": "varchar", "min_lat": "double", "max_lat": "double", "min_lon": "double", "max_lon": "double",
    }),
}
_SOURCE = re.compile(r"\{\{\s*source\('(\w+)'\)\s*\}\}")
_COMMENTS_AND_STRINGS = re.compile(r"--[^\n]*|'(?:[^']|'')*'")
_RELATION = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)\b", re.IGNORECASE)


class CatalogError(RuntimeError):
    """A view file cannot be created: a dependency cycle, an unknown table or view, bad SQL."""


def view_files(views_dir: Path = VIEWS_DIR) -> list[Path]:
    return sorted(views_dir.glob("*.sql"))


def view_dependencies(files: list[Path]) -> dict[str, set[str]]:
    """For each view (file stem), the other views its SQL reads (after ``from`` or ``join``)."""
    names = {path.stem for path in files}
    deps: dict[str, set[str]] = {}
    for path in files:
        sql = _COMMENTS_AND_STRINGS.sub(" ", path.read_text())
        deps[path.stem] = {m.lower() for m in _RELATION.findall(sql) if m.lower() in names} - {path.stem}
    return deps


def ordered_view_files(files: list[Path] | None = None) -> list[Path]:
    """View files in an order where every view comes after the views it reads (ties: by name)."""
    files = view_files() if files is None else sorted(files)
    by_name = {path.stem: path for path in files}
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for name, deps in view_dependencies(files).items():
        sorter.add(name, *sorted(deps))
    try:
        sorter.prepare()
    except CycleError as exc:
        raise CatalogError(f"views read each other in a cycle: {' -> '.join(exc.args[1])}") from None
    order: list[str] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        order.extend(ready)
        sorter.done(*ready)
    return [by_name[name] for name in order]


def _first_comment(path: Path, key: str) -> str:
    first = path.read_text().splitlines()[0]
    return first.removeprefix("--").strip().removeprefix(f"{key}:").strip()


def view_grain(path: Path) -> str:
    """The grain a view file states in its first comment line."""
    return _first_comment(path, "grain")


def invariant_files(invariants_dir: Path = INVARIANTS_DIR) -> list[Path]:
    """``invariants/<name>.sql``: a query over the catalog that returns no rows when the invariant holds."""
    return sorted(invariants_dir.glob("*.sql"))


def invariant_text(path: Path) -> str:
    """What an invariant file asserts (its first comment line)."""
    return _first_comment(path, "invariant")


def invariant_violations(con: duckdb.DuckDBPyConnection, path: Path) -> list[tuple]:
    """The rows breaking one invariant (none when it holds)."""
    return con.execute(path.read_text()).fetchall()


def _empty_sql(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """A typed, empty relation with the table's columns (before the first run)."""
    con.register("_empty_schema", arrow_schema(TABLES[table].model).empty_table())
    columns = con.execute("describe select * from _empty_schema").fetchall()
    con.unregister("_empty_schema")
    casts = ", ".join(f"cast(null as {ctype}) as {name}" for name, ctype, *_ in columns)
    return f"(select {casts} where false)"


def source_sql(paths: WarehousePaths, con: duckdb.DuckDBPyConnection, table: str) -> str:
    """SQL reading one table of ``current/`` (typed and empty before the first run)."""
    spec = TABLES[table]
    if not table_files(paths.current_snapshot(), table):
        return _empty_sql(con, table)
    if spec.partition is None:
        return f"read_parquet('current/{table}/*.parquet')"
    return (
        f"read_parquet('current/{table}/**/*.parquet', hive_partitioning = true, "
        f"hive_types = {{'{spec.partition}': integer}})"
    )


def arrow_source_sql(con: duckdb.DuckDBPyConnection, table: str, dataset: ds.Dataset | None) -> str:
    """SQL reading one table from an Arrow dataset, with the columns, order and types of ``source_sql``
    (DuckDB's hive reading puts the partition column last, as an integer)."""
    if dataset is None:
        return _empty_sql(con, table)
    spec = TABLES[table]
    name = f"_arrow_{table}"
    con.register(name, dataset)
    columns = [f'"{c}"' for c in dataset.schema.names if c != spec.partition]
    if spec.partition:
        columns.append(f'cast("{spec.partition}" as integer) as "{spec.partition}"')
    return f"(select {', '.join(columns)} from {name})"


def render(sql: str, source: Callable[[str], str]) -> str:
    return _SOURCE.sub(lambda m: source(m.group(1)), sql)


def connect(root: Path | str, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open a warehouse's catalog with relative paths resolved inside the folder (or build it, for ``s3://``)."""
    if is_remote(root):
        return connect_remote(str(root))
    root = Path(root)
    paths = WarehousePaths(root.resolve())
    if not paths.catalog.exists():
        raise FileNotFoundError(f"no catalog at {paths.catalog}: run `peristiwa ingest PATH --warehouse {root}` first")
    con = duckdb.connect(str(paths.catalog), read_only=read_only)
    con.execute("set file_search_path = ?", [str(paths.root)])
    return con


def connect_remote(url: str, remote: RemoteWarehouse | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory catalog over the committed snapshot of an ``s3://`` warehouse.

    Endpoint and region come from the settings; credentials from the AWS SDK's usual chain.
    Raises FileNotFoundError before the first run, RemoteError when the store cannot be used.
    """
    if remote is None:
        from peristiwa.config import Settings
        from warehouse.remote import open_remote

        settings = Settings()
        remote = open_remote(url, settings.cache_dir, settings.s3_endpoint, settings.s3_region)
    snapshot = remote.read_pointer()
    if snapshot is None:
        raise FileNotFoundError(f"no committed snapshot at {url}: run `peristiwa ingest PATH --warehouse {url}` first")
    datasets = remote.table_datasets(snapshot)
    con = duckdb.connect()
    load_reference_tables(con)
    create_views(con, source=lambda table: arrow_source_sql(con, table, datasets.get(table)))
    return con


def load_reference_tables(con: duckdb.DuckDBPyConnection, reference_dir: Path = REFERENCE_DIR) -> None:
    """Copy the reference CSVs into the catalog (the catalog must not depend on the repository's path)."""
    for table, (file, columns) in REFERENCE_TABLES.items():
        types = ", ".join(f"'{name}': '{ctype}'" for name, ctype in columns.items())
        con.execute(f"create or replace table {table} as select * from read_csv(?, header = true, columns = {{{types}}})",
                    [str(reference_dir / file)])


def create_views(con: duckdb.DuckDBPyConnection, paths: WarehousePaths | None = None, files: list[Path] | None = None,
                 source: Callable[[str], str] | None = None) -> None:
    """Create every view, in dependency order; a view that fails is reported with its file.

    Tables are read from ``paths``' ``current/``, or through ``source`` (table -> SQL) when given.
    """
    if source is None:
        assert paths is not None, "create_views needs the warehouse paths or a source"
        local = paths
        source = lambda table: source_sql(local, con, table)  # noqa: E731
    for path in ordered_view_files(files):
        try:
            con.execute(render(path.read_text(), source))
        except duckdb.Error as exc:
            raise CatalogError(f"view file {path.name}: {exc}") from exc
        if not con.execute("select 1 from duckdb_views() where view_name = ? and not internal", [path.stem]).fetchall():
            raise CatalogError(f"view file {path.name} must create the view {path.stem!r}")


def refresh_catalog(root: Path) -> Path:
    paths = WarehousePaths(root.resolve())
    tmp = paths.root / f".catalog-{uuid.uuid4().hex}.duckdb"
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute("set file_search_path = ?", [str(paths.root)])
            load_reference_tables(con)
            create_views(con, paths)
        finally:
            con.close()
        os.replace(tmp, paths.catalog)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return paths.catalog
