"""Evaluation output: a Rich metrics table, the worst articles side by side, and JSON."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from peristiwa.evaluate.gold import GoldEvent
from peristiwa.evaluate.score import PRF, ArticleResult, PredictedEvent, Ratio, Report, worst


def to_json(report: Report) -> str:
    """All metrics and per-article details; dates as ISO strings."""
    def default(value: Any) -> Any:
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    return json.dumps(dataclasses.asdict(report), ensure_ascii=False, indent=2, default=default)


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _counts(item: PRF | Ratio, side: str = "") -> str:
    """The fraction behind a value: paired/predicted for precision, paired/gold for recall."""
    if isinstance(item, PRF):
        if side == "precision":
            return f"{item.tp} / {item.predicted}"
        if side == "recall":
            return f"{item.tp} / {item.gold}"
        return f"{item.tp} of {item.predicted} pred., {item.gold} gold"
    hits = f"{item.hits:.1f}" if item.hits != int(item.hits) else str(int(item.hits))
    return f"{hits} / {item.total}"


def metrics_table(report: Report) -> Table:
    m = report.metrics
    targets = {t.name: t for t in report.targets}
    table = Table("metric", "value", "target", "", "counts", title="evaluation", title_justify="left")
    rows: list[tuple[str, float | None, PRF | Ratio, str | None]] = [
        ("type precision", m.type.precision, m.type, None),
        ("type recall", m.type.recall, m.type, None),
        ("type F1", m.type.f1, m.type, "type F1"),
        ("main recall", m.main_recall.value, m.main_recall, None),
        ("strict precision", m.strict.precision, m.strict, None),
        ("strict recall", m.strict.recall, m.strict, None),
        ("strict F1", m.strict.f1, m.strict, "strict F1"),
        ("relevance precision", m.relevance.precision, m.relevance, "relevance precision"),
        ("relevance recall", m.relevance.recall, m.relevance, "relevance recall"),
        ("date accuracy", m.date_accuracy.value, m.date_accuracy, "date accuracy"),
        ("country accuracy", m.country_accuracy.value, m.country_accuracy, "location country accuracy"),
        ("place accuracy", m.place_accuracy.value, m.place_accuracy, None),
        ("party-country F1", m.party_country_f1.value, m.party_country_f1, "party-country F1"),
        ("party actor_id F1", m.party_actor_f1.value, m.party_actor_f1, None),
    ]
    for label, value, item, target_name in rows:
        target = targets.get(target_name) if target_name else None
        mark = "" if target is None else "[green]met[/]" if target.met else "[red]unmet[/]"
        side = label.rsplit(" ", 1)[-1]
        table.add_row(label, _num(value), f"≥ {target.target:.2f}" if target else "", mark, _counts(item, side))
    return table


def per_type_table(report: Report) -> Table:
    table = Table("event type", "gold", "predicted", "paired", "precision", "recall", "F1",
                  title="by event type", title_justify="left")
    for name, item in sorted(report.metrics.per_type.items(), key=lambda kv: (-kv[1].gold, kv[0])):
        table.add_row(name, str(item.gold), str(item.predicted), str(item.tp),
                      _num(item.precision), _num(item.recall), _num(item.f1))
    return table


def _event_cell(event: GoldEvent | PredictedEvent | None) -> str:
    if event is None:
        return "—"
    date = f"{event.event_date.isoformat()}/{event.date_precision or 'day'}" if event.event_date else "no date"
    place = ", ".join(x for x in (event.location_name, event.location_country_iso3) if x) or "no place"
    countries = ",".join(sorted({p.country_iso3 for p in event.parties if p.country_iso3})) or "-"
    salience = f" ({event.salience})" if getattr(event, "salience", None) else ""
    evidence = escape(" ".join(event.evidence.split())[:80])  # article text may contain [brackets]
    return f"[bold]{event.event_type}[/]{salience}\n{escape(f'{date} · {place} · parties {countries}')}\n[dim]{evidence}[/]"


def article_table(result: ArticleResult) -> Table:
    """Gold and predicted events side by side: pairs first, then the unmatched of each side."""
    title = escape(f"{result.source_id}  [{result.status}]" + (f" {result.note}" if result.note else ""))
    table = Table("gold", "predicted", "verdict", title=title, title_justify="left", show_lines=True)
    for pair in result.pairs:
        verdict = "\n".join(escape(e.split(": ", 1)[1]) for e in pair.errors) or "[green]ok[/]"
        table.add_row(_event_cell(result.gold_events[pair.gold]),
                      _event_cell(result.predicted_events[pair.predicted]), verdict)
    for i in result.unmatched_gold:
        table.add_row(_event_cell(result.gold_events[i]), _event_cell(None), "[red]missed[/]")
    for i in result.unmatched_predicted:
        table.add_row(_event_cell(None), _event_cell(result.predicted_events[i]), "[red]spurious[/]")
    return table


def print_report(console: Console, report: Report, worst_n: int) -> None:
    console.print(metrics_table(report))
    console.print(per_type_table(report))
    n_articles = len(report.articles)
    console.print(f"{n_articles} gold articles, {n_articles - len(report.missing)} found in the warehouse"
                  + (f"; missing: {', '.join(report.missing)}" if report.missing else ""))
    for result in worst(report, worst_n):
        console.print(article_table(result))
