"""The data dictionary (docs/data-dictionary.md), generated: never edit the file by hand.

Tables come from the pandera models (column, Arrow type, nullable, description),
views from their SQL files (name, grain, and columns with the DuckDB types of a
catalog built over an empty warehouse), reference tables from the catalog.

    python -m warehouse.dictionary > docs/data-dictionary.md
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import duckdb

from schemas.arrow import arrow_schema
from warehouse.catalog import REFERENCE_TABLES, refresh_catalog, view_files, view_grain
from warehouse.layout import TABLES

DOC = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"
COMMAND = "python -m warehouse.dictionary > docs/data-dictionary.md"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _prose(text: object) -> str:
    """Markdown-safe text: ``<`` would start an HTML tag."""
    return str(text).replace("<", "\\<").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _catalog_columns() -> dict[str, list[tuple[str, str]]]:
    """Columns and DuckDB types of every view and reference table, from a catalog over an empty warehouse."""
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(refresh_catalog(Path(tmp))), read_only=True)
        try:
            con.execute("set file_search_path = ?", [tmp])
            names = [path.stem for path in view_files()] + list(REFERENCE_TABLES)
            return {name: [(row[0], row[1]) for row in con.execute(f"describe {name}").fetchall()] for name in names}
        finally:
            con.close()


def render() -> str:
    columns = _catalog_columns()
    grains = {path.stem: view_grain(path) for path in view_files()}
    lines = [
        "# Data dictionary",
        "",
        "Generated from the pandera models (`schemas/`) and the view files (`warehouse/views/`); "
        f"do not edit by hand. Regenerate with `{COMMAND}`.",
        "",
        "## Tables",
        "",
        "Parquet under `current/<table>/` (what BI tools read), each also a view of the same name in "
        "`catalog.duckdb`. Types are Arrow types.",
    ]
    for name, spec in TABLES.items():
        model_columns = spec.model.to_schema().columns
        rows = [
            [f"`{field.name}`", f"`{field.type}`", "yes" if field.nullable else "no", _prose(model_columns[field.name].description or "")]
            for field in arrow_schema(spec.model)
        ]
        partition = f" Hive-partitioned by `{spec.partition}`." if spec.partition else ""
        lines += ["", f"### {name}", "", f"Grain: {_prose(grains.get(name, ''))}{partition}", ""]
        lines += _table(["column", "type", "nullable", "description"], rows)
    lines += ["", "## Views", "", "In `catalog.duckdb` (`peristiwa views`, `peristiwa sql`). Types are DuckDB types.", ""]
    lines += _table(["view", "grain"], [[f"`{name}`", _prose(grain)] for name, grain in grains.items()])
    for name, grain in grains.items():
        if name in TABLES:
            continue
        lines += ["", f"### {name}", "", f"Grain: {_prose(grain)}", ""]
        lines += _table(["column", "type"], [[f"`{c}`", f"`{t}`"] for c, t in columns[name]])
    lines += ["", "## Reference tables", "", "Copied into `catalog.duckdb` from `seeds/reference/` on every run."]
    for name, (file, _) in REFERENCE_TABLES.items():
        lines += ["", f"### {name}", "", f"From `seeds/reference/{file}`.", ""]
        lines += _table(["column", "type"], [[f"`{c}`", f"`{t}`"] for c, t in columns[name]])
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render())
