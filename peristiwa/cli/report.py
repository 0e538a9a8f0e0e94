"""The report command: one self-contained HTML file of charts from the warehouse.

Registered on the one ``app`` of ``peristiwa.cli.app``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peristiwa.cli.app import WarehouseOption, _open_catalog, app, console, out


@app.command()
def report(
    out_path: Annotated[Path, typer.Option("--out", "-o", dir_okay=False, help="The HTML file to write.")] = Path("report.html"),
    warehouse: WarehouseOption = None,
) -> None:
    """Write a visual report as one self-contained HTML file that opens offline.

    Events over time by type, a map of located incidents, the cooperation network
    of states and bodies, top actors, and a data-quality panel (quarantine reasons,
    share of events with date/place/parties, extractor version, last runs).
    plotly.js and the map are inside the file: no network is needed to view it.

    Examples:

      peristiwa report

      peristiwa report --warehouse /data/peristiwa --out /srv/www/peristiwa.html
    """
    from peristiwa.report import write_report

    con = _open_catalog(warehouse)
    try:
        path = write_report(con, out_path)
    except OSError as exc:
        console.print(f"[red]error:[/] cannot write the report: {exc}")
        raise typer.Exit(1) from None
    finally:
        con.close()
    out.print(f"report written to {path} ({path.stat().st_size / 1e6:.1f} MB)")
