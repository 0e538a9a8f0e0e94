"""Commands: ingest, sql, views, status (evaluate, serve, report in their own modules). Each has --help with examples.

Exit codes: 0 the command finished (an ingest run that quarantined input has
still finished); 1 it could not run (bad input path list, broken settings,
missing warehouse); 2 usage error; 75 the warehouse is busy with another run.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from peristiwa.cli import render

EXIT_BUSY = 75  # EX_TEMPFAIL: try again later
console = Console(stderr=True)
out = Console()

app = typer.Typer(
    name="peristiwa",
    help="Terrorism and counter-terrorism events from Indonesian and English news, "
    "as a Parquet + DuckDB warehouse.\n\n"
    "Quick start:\n\n"
    "  peristiwa ingest seeds/articles --warehouse data/warehouse\n\n"
    "  peristiwa sql \"select event_type, count(*) from events group by 1\"\n\n"
    "  peristiwa status",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)

WarehouseOption = Annotated[
    Optional[str],  # not Path: an s3:// address is not a path
    typer.Option("--warehouse", "-w", envvar="PERISTIWA_WAREHOUSE", show_envvar=True, metavar="DIR|s3://BUCKET/PREFIX",
                 help="Warehouse folder, or s3://bucket/prefix on S3-compatible storage (default: data/warehouse)."),
]


def _open_catalog(warehouse: Optional[str]):  # -> duckdb.DuckDBPyConnection; duckdb is imported lazily
    """The warehouse's catalog, or a clear error and exit 1."""
    from warehouse.catalog import connect

    try:
        return connect(_warehouse(warehouse))
    except OSError as exc:  # no catalog yet; for s3://, no such bucket, refused credentials, unreachable
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None


def _warehouse(value: Optional[str]) -> Path | str:
    """A local warehouse as an absolute path; an s3:// warehouse as its address (checked)."""
    from peristiwa.config import Settings
    from warehouse.remote import RemoteLocation, is_remote

    where = value or Settings().warehouse
    if is_remote(where):
        try:
            return RemoteLocation.parse(str(where)).url
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--warehouse") from None
    return Path(where).resolve()


def _quiet_prefect(verbose: bool) -> None:
    """Prefect logs every task run at INFO; the CLI shows a progress bar instead."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Prefect gives its temporary server 20 s to start: too short on a busy machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to read (recursively).", show_default=False)],
    warehouse: WarehouseOption = None,
    full_refresh: Annotated[bool, typer.Option("--full-refresh", help="Rebuild everything (e.g. for a new extractor version).")] = False,
    field_map: Annotated[Optional[Path], typer.Option("--field-map", exists=True, dir_okay=False,
                                                       help='JSON mapping of your records\' field names, e.g. {"body": "text"}.')] = None,
    wait: Annotated[Optional[float], typer.Option("--wait", min=0, help="Seconds to wait if another run holds the warehouse (default: refuse at once).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs.")] = False,
    runner: Annotated[str, typer.Option("--runner", help="local: worker processes here; dask: a Dask cluster "
                                        "(a LocalCluster on 127.0.0.1, or --dask-address).")] = "local",
    dask_address: Annotated[Optional[str], typer.Option("--dask-address", metavar="tcp://HOST:PORT",
                                                        help="Scheduler of an existing Dask cluster (with --runner dask); "
                                                        "its workers must see the warehouse folder.")] = None,
) -> None:
    """Read article files into the warehouse: new and changed files only, atomically.

    Formats: .txt .md .html .json .jsonl/.ndjson, each optionally .gz. Bad input is
    recorded in the quarantine table and never stops the run.

    Examples:

      peristiwa ingest seeds/articles

      peristiwa ingest ../shared/corpus --warehouse /data/peristiwa

      peristiwa ingest inbox/ --field-map my_scraper.json --wait 600

      peristiwa ingest ../shared/corpus --full-refresh

      peristiwa ingest ../shared/corpus --runner dask --dask-address tcp://10.0.0.5:8786

      peristiwa ingest inbox/ --warehouse s3://news-bucket/peristiwa
    """
    _quiet_prefect(verbose)
    from flows import progress
    from flows.ingest import ingest as ingest_flow
    from warehouse.lock import WarehouseBusy

    root = _warehouse(warehouse)
    # Mistakes in the command itself are reported before Prefect starts (the flow checks them too).
    if runner not in ("local", "dask"):
        raise typer.BadParameter("must be local or dask", param_hint="--runner")
    if dask_address and runner != "dask":
        raise typer.BadParameter("needs --runner dask", param_hint="--dask-address")
    if not any(p.exists() for p in paths):
        console.print(f"[red]error:[/] none of the input paths exists: {', '.join(map(str, paths))}")
        raise typer.Exit(1)
    try:
        from peristiwa.reading import FieldMap

        FieldMap.load(field_map)
    except ValueError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None
    with render.RunProgress(console, enabled=not verbose) as bar:
        progress.watch(bar)
        try:
            summary = ingest_flow(
                [str(p) for p in paths], warehouse=str(root), full_refresh=full_refresh,
                field_map=str(field_map) if field_map else None, lock_timeout=wait,
                runner=runner, dask_address=dask_address,
            )
        except WarehouseBusy as exc:
            console.print(f"[yellow]busy:[/] {exc}")
            raise typer.Exit(EXIT_BUSY) from None
        except (ValueError, OSError) as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(1) from None
        finally:
            progress.watch(None)
    render.summary(out, summary)


@app.command()
def sql(
    query: Annotated[Optional[str], typer.Argument(help="SQL to run; omit or '-' to read it from stdin.", show_default=False)] = None,
    warehouse: WarehouseOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    limit: Annotated[int, typer.Option(help="Most rows to print as a table (csv/json print all).")] = 200,
) -> None:
    """Run SQL against the warehouse catalog (its views: `peristiwa views`).

    Examples:

      peristiwa sql "select event_type, count(*) as n from events group by 1 order by n desc"

      echo "select * from runs" | peristiwa sql

      peristiwa sql -f csv "select * from event_parties" > parties.csv

      peristiwa sql "select * from cooperation_edges order by events desc limit 20"
    """
    if query in (None, "-"):
        if sys.stdin.isatty():
            console.print("[red]error:[/] give a query, or pipe one into stdin")
            raise typer.Exit(2)
        query = sys.stdin.read()
    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("must be table, csv or json", param_hint="--format")
    con = _open_catalog(warehouse)
    try:
        result = con.execute(query)
        columns = [d[0] for d in result.description or []]
        rows = result.fetchall() if result.description else []
    except Exception as exc:  # duckdb errors: show them as the user's SQL problem
        console.print(f"[red]SQL error:[/] {exc}")
        raise typer.Exit(1) from None
    render.rows(out, columns, rows, fmt, limit)


@app.command()
def views(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """List the catalog's views with their grain (what one row is); query them with `peristiwa sql`.

    Base views (articles, events, event_parties, quarantine, runs) read the Parquet
    tables; stg_* clean them; the others (events_by_month, cooperation_edges,
    actor_timeline, incidents, province_month) are ready-made tables for analysis
    and BI. Columns and types: docs/data-dictionary.md.

    Examples:

      peristiwa views

      peristiwa views --format csv

      peristiwa sql "describe incidents"
    """
    from warehouse.catalog import view_files, view_grain

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("must be table, csv or json", param_hint="--format")
    rows = [(path.stem, view_grain(path)) for path in view_files()]
    render.rows(out, ["view", "grain"], rows, fmt, limit=len(rows))


@app.command()
def status(warehouse: WarehouseOption = None) -> None:
    """What the warehouse holds: row counts, events by type, last runs, quarantine reasons.

    Example:

      peristiwa status --warehouse data/warehouse
    """
    con = _open_catalog(warehouse)
    render.status(out, con)


# Operations and report commands live in their own modules; importing them registers them on ``app``.
from peristiwa.cli import operations  # noqa: E402,F401
from peristiwa.cli import report  # noqa: E402,F401
