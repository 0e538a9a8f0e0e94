"""Prefect artifacts of an ingest run: a markdown summary and a table of its events."""

from __future__ import annotations

from collections import Counter

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from flows.summary import RunSummary


def summary_markdown(summary: RunSummary) -> str:
    by_type = Counter()
    for event_type, _, n in summary.events_by_type_country:
        by_type[event_type] += n
    lines = [
        f"# Ingest run `{summary.run_id}`",
        "",
        f"Warehouse `{summary.warehouse}`, {summary.seconds:.1f} s.",
        "",
        "| files | new | changed | unchanged |",
        "|---|---|---|---|",
        f"| {summary.files_seen} | {summary.files_new} | {summary.files_changed} | {summary.files_skipped} |",
        "",
        f"**Landed**: {summary.articles_landed:,} articles, {summary.events_landed:,} events "
        f"({summary.parties_landed:,} party rows); {summary.rows_replaced:,} rows of changed files replaced.",
        "",
        "| event type | events |",
        "|---|---|",
        *[f"| {t} | {n} |" for t, n in by_type.most_common()],
        "",
        f"**Quarantined**: {summary.quarantined:,} rows ({summary.duplicates:,} duplicates).",
        "",
        "| stage | check | rows |",
        "|---|---|---|",
        *[f"| {stage} | {check} | {n} |" for stage, check, n in summary.quarantined_by_check],
    ]
    return "\n".join(lines)


def publish(summary: RunSummary) -> None:
    key = "ingest-summary"
    create_markdown_artifact(summary_markdown(summary), key=key, description=summary.sentence())
    create_table_artifact(
        [{"event_type": t, "country": c or "", "events": n} for t, c, n in summary.events_by_type_country],
        key="ingest-events-by-type-country",
        description=f"Events landed by run {summary.run_id}, by type and location country",
    )
