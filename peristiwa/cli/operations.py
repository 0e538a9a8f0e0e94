"""Operations commands: evaluate (score against gold) and serve (scheduled runs).

Registered on the one ``app`` of ``peristiwa.cli.app``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from peristiwa.cli.app import WarehouseOption, _warehouse, app, console, out


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files (one article a line, see ../shared/eval).", show_default=False)],
    warehouse: WarehouseOption = None,
    out_path: Annotated[Optional[Path], typer.Option("--out", "-o", dir_okay=False,
                                                     help="Where to write the JSON report (default: evaluation.json in the warehouse).")] = None,
    worst: Annotated[int, typer.Option("--worst", min=0, help="How many of the worst articles to show side by side.")] = 5,
) -> None:
    """Score the warehouse's events against gold annotations (the contract's Scoring section).

    Prints the metrics next to the contract's targets, the worst articles with gold
    and predicted events side by side, and writes all details as JSON. Exits 0
    when evaluated, whether or not the targets are met.

    Examples:

      peristiwa evaluate ../shared/eval/dev.jsonl --warehouse data/warehouse

      peristiwa evaluate gold/*.jsonl -w /data/peristiwa --out metrics.json --worst 10

      peristiwa evaluate ../shared/eval/dev.jsonl -w s3://news-bucket/peristiwa --out metrics.json
    """
    from peristiwa.evaluate import evaluate as run_evaluation
    from peristiwa.evaluate.render import print_report, to_json

    root = _warehouse(warehouse)
    try:
        report = run_evaluation(gold, root)
    except (ValueError, OSError) as exc:  # bad gold line, missing file, no catalog
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None
    print_report(out, report, worst)
    # An s3:// warehouse is not a folder to write into: its report goes to the working directory.
    target = out_path or (root / "evaluation.json" if isinstance(root, Path) else Path("evaluation.json"))
    try:
        target.write_text(to_json(report) + "\n", encoding="utf-8")
    except OSError as exc:
        console.print(f"[red]error:[/] cannot write the report: {exc}")
        raise typer.Exit(1) from None
    out.print(f"report written to {target}")


@app.command()
def serve(
    inbox: Annotated[Path, typer.Option(envvar="PERISTIWA_INBOX", show_envvar=True, file_okay=False,
                                        help="Folder the scheduled ingest runs read.")] = Path("data/inbox"),
    warehouse: WarehouseOption = None,
    port: Annotated[int, typer.Option(envvar="PREFECT_SERVER_API_PORT", show_envvar=True, help="Server port on 127.0.0.1.")] = 4200,
    state: Annotated[Path, typer.Option(file_okay=False, help="Prefect's home: database, logs.")] = Path("data/prefect"),
) -> None:
    """Run scheduled ingests: a local Prefect server, the prefect.yaml deployments and a worker.

    Starts a Prefect server on 127.0.0.1 (SQLite in --state, telemetry off), the
    process work pool, the deployments, and a worker; triggers one ingest run at
    once (then the schedule takes over: every 15 minutes) and prints the UI
    address. Ctrl-C or SIGTERM stops everything it started. With PREFECT_API_URL
    set to an existing server, none is started.

    Examples:

      peristiwa serve

      peristiwa serve --inbox /srv/news/inbox --warehouse /srv/news/warehouse --port 4300
    """
    import signal
    import time

    from flows.serve import LocalStack, StackError

    stack = LocalStack(state=state.resolve(), inbox=inbox.resolve(), warehouse=_warehouse(warehouse), port=port,
                       api_url=os.environ.get("PREFECT_API_URL") or None, log=lambda m: console.print(f"[dim]{m}[/]"))
    stopping = False

    def _stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        stack.start()
        console.print(f"ingest run triggered: {stack.trigger()}")
        out.print(f"Prefect UI: {stack.ui()}  (inbox {stack.inbox}, warehouse {stack.warehouse}); Ctrl-C stops")
        while not stopping and all(p.poll() is None for _, p in stack.processes):
            time.sleep(0.5)
        dead = [name for name, p in stack.processes if p.poll() is not None]
        if dead and not stopping:
            console.print(f"[red]error:[/] {', '.join(dead)} exited; see logs in {stack.state}")
            raise typer.Exit(1)
    except StackError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None
    finally:
        stack.stop()
        console.print("stopped")
