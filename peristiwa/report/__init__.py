"""The visual report: one self-contained HTML file from a warehouse catalog.

``queries.load`` reads the views into frames, ``figures`` turns frames into
plotly figures (pure functions), ``page.render_page`` lays them out in one
HTML document with plotly.js and the map's topojson inline, so the file opens
offline and fetches nothing.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from peristiwa.report.page import render_page
from peristiwa.report.queries import ReportData, load

__all__ = ["ReportData", "build_report", "load", "render_page", "write_report"]


def build_report(con: duckdb.DuckDBPyConnection) -> str:
    """The report's HTML for an open catalog (see warehouse.catalog.connect)."""
    return render_page(load(con))


def write_report(con: duckdb.DuckDBPyConnection, out: Path) -> Path:
    """Write the report atomically (a temporary file beside ``out``, then a rename)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(build_report(con), encoding="utf-8")
    tmp.replace(out)
    return out
