"""What the warehouse predicted for the gold articles: the evaluator's only data access.

Gold names articles by ``source_id`` (the record's own id, or the file name).
It leads to events in one of two ways:

- ``articles.source_id`` -> ``article_id`` -> ``events``;
- a record whose text repeated another article is not in ``articles``: it is in
  ``quarantine`` with check ``duplicate_article``, its own ``source_id``, and
  ``article_id`` = the article that holds its text, whose events are its events.

Anything else is "missing": scored as an article that predicted no events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from peristiwa.evaluate.score import PredictedEvent, Prediction
from peristiwa.model import Party


def _rows(con: Any, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    result = con.execute(sql, params)
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row)) for row in result.fetchall()]


def _party(row: dict[str, Any]) -> Party:
    return Party(row.get("name") or "", row.get("kind") or "", row.get("actor_id") or None,
                 row.get("country_iso3") or None, row.get("role") or "")


def to_predicted(row: dict[str, Any]) -> PredictedEvent:
    """An ``events`` row (parties nested as a list of structs) -> PredictedEvent."""
    return PredictedEvent(
        event_id=row["event_id"],
        event_type=row["event_type"],
        salience=row.get("salience"),
        event_date=row.get("event_date"),
        date_precision=row.get("date_precision"),
        parties=tuple(_party(p) for p in row.get("parties") or ()),
        location_name=row.get("location_name") or None,
        location_admin1=row.get("location_admin1") or None,
        location_country_iso3=row.get("location_country_iso3") or None,
        evidence=row.get("evidence") or "",
        confidence=row.get("confidence"),
    )


def read_predictions(root: Path | str, source_ids: Iterable[str]) -> dict[str, Prediction]:
    """Every gold source_id -> its Prediction (status article, duplicate or missing).

    Raises FileNotFoundError when the warehouse has no catalog.
    """
    from warehouse.catalog import connect  # keeps duckdb out of imports of the pure modules

    wanted = sorted(set(source_ids))
    con = connect(root)
    try:
        found: dict[str, set[str]] = defaultdict(set)
        for row in _rows(con, "select source_id, article_id from articles where source_id in (select unnest(?))", [wanted]):
            found[row["source_id"]].add(row["article_id"])

        quarantine_columns = {r[0] for r in con.execute("describe quarantine").fetchall()}
        # Warehouses written before quarantine.article_id existed cannot resolve duplicates.
        target = "article_id" if "article_id" in quarantine_columns else "cast(null as varchar) as article_id"
        duplicates: dict[str, set[str]] = defaultdict(set)
        other_checks: dict[str, set[str]] = defaultdict(set)
        for row in _rows(con, f'select source_id, "check", {target} from quarantine where source_id in (select unnest(?))', [wanted]):
            if row["check"] == "duplicate_article" and row["article_id"]:
                duplicates[row["source_id"]].add(row["article_id"])
            else:
                other_checks[row["source_id"]].add(row["check"])

        article_ids = sorted({a for ids in (*found.values(), *duplicates.values()) for a in ids})
        events: dict[str, list[PredictedEvent]] = defaultdict(list)
        for row in _rows(con, "select * from events where article_id in (select unnest(?)) order by event_id", [article_ids]):
            events[row["article_id"]].append(to_predicted(row))
    finally:
        con.close()

    out: dict[str, Prediction] = {}
    for sid in wanted:
        ids = found.get(sid) or duplicates.get(sid)
        status = "article" if sid in found else "duplicate" if ids else "missing"
        note = None
        if status == "missing":
            checks = sorted(other_checks.get(sid, ()))
            note = f"quarantined ({', '.join(checks)})" if checks else "not in the warehouse"
        elif len(ids) > 1:
            # Two texts under one source_id (e.g. the same id in two datasets): all are scored,
            # so extra events show up as false positives rather than being hidden.
            note = f"source_id names {len(ids)} articles"
        elif status == "duplicate":
            note = f"duplicate of article {next(iter(ids))}"
        ordered = tuple(sorted(ids or ()))
        out[sid] = Prediction(status, ordered, tuple(e for a in ordered for e in events.get(a, ())), note)
    return out
