"""Terminal output: progress, run summaries, tables."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table


class RunProgress:
    """A Rich progress bar fed by the flow's watcher hook (see flows/progress.py)."""

    def __init__(self, console: Console, enabled: bool = True) -> None:
        self._progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn(),
            console=console, transient=True, disable=not enabled or not console.is_terminal,
        )
        self._task: Any = None

    def __enter__(self) -> RunProgress:
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)

    def stage(self, description: str, total: int | None = None) -> None:
        if self._task is None:
            self._task = self._progress.add_task(description, total=total)
        else:
            self._progress.update(self._task, description=description, total=total, completed=0 if total else None)

    def advance(self, amount: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, amount)


def summary(console: Console, run: Any) -> None:
    table = Table(title=f"run {run.run_id}", show_header=False, title_justify="left")
    for label, value in (
        ("warehouse", run.warehouse),
        ("files", f"{run.files_seen} seen: {run.files_new} new, {run.files_changed} changed, {run.files_skipped} unchanged"),
        ("articles landed", f"{run.articles_landed:,}"),
        ("events landed", f"{run.events_landed:,} ({run.parties_landed:,} party rows)"),
        ("quarantined", f"{run.quarantined:,} ({run.duplicates:,} duplicates)"),
        ("rows replaced", f"{run.rows_replaced:,}"),
        ("time", f"{run.seconds:.1f} s"),
    ):
        table.add_row(label, str(value))
    console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def rows(console: Console, columns: Sequence[str], data: Sequence[Sequence[Any]], fmt: str, limit: int) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in data])
    elif fmt == "json":
        for row in data:
            sys.stdout.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
    else:
        table = Table(*columns, show_lines=False)
        for row in data[:limit]:
            table.add_row(*(_cell(v)[:200] for v in row))
        console.print(table)
        if len(data) > limit:
            console.print(f"({len(data) - limit:,} more rows; use --limit or --format csv)")


def status(console: Console, con: Any) -> None:
    counts = Table("table", "rows", title="warehouse", title_justify="left")
    for name in ("articles", "events", "event_parties", "quarantine", "runs"):
        counts.add_row(name, f"{con.execute(f'select count(*) from {name}').fetchone()[0]:,}")
    console.print(counts)
    for title, query in (
        ("events by type", "select event_type, count(*) as events from events group by 1 order by 2 desc"),
        ("last runs", "select run_id, strftime(finished_at, '%Y-%m-%d %H:%M') as finished, "
                      "files_new || '/' || files_changed || '/' || files_skipped as \"new/changed/same\", "
                      "articles_landed as articles, events_landed as events, quarantined from runs order by started_at desc limit 5"),
        ("quarantine reasons", "select stage, \"check\", count(*) as n from quarantine group by 1, 2 order by n desc"),
    ):
        result = con.execute(query)
        table = Table(*[d[0] for d in result.description], title=title, title_justify="left")
        for row in result.fetchall():
            table.add_row(*(_cell(v) for v in row))
        console.print(table)
