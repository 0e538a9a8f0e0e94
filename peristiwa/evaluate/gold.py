"""Gold annotations (../shared/eval/*.jsonl): one article a line, checked strictly.

A gold file that is silently half-read would make every metric a lie, so any
malformed line stops loading with a ValueError naming ``file:line``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peristiwa.model import Party
from peristiwa.vocabulary import DATE_PRECISIONS, EVENT_TYPES, PARTY_KINDS, PARTY_ROLES, SALIENCES


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event_type: str
    salience: str  # main or background
    event_date: dt.date | None
    date_precision: str | None  # day, month, year; None exactly when event_date is None
    parties: tuple[Party, ...]
    location_name: str | None
    location_admin1: str | None
    location_country_iso3: str | None
    evidence: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    source_id: str
    published_date: dt.date | None
    language: str | None
    events: tuple[GoldEvent, ...]
    origin: str  # "file:line" it came from, for messages


def _opt_str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string or null, got {value!r}")
    return value or None  # "" means unknown, same as null


def _choice(value: Any, key: str, allowed: Iterable[str]) -> str:
    if value not in allowed:
        raise ValueError(f"{key!r} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def _date(value: Any, key: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{key!r} must be an ISO date (YYYY-MM-DD) or null, got {value!r}") from None


def _party(obj: Any) -> Party:
    if not isinstance(obj, dict):
        raise ValueError(f"a party must be an object, got {obj!r}")
    name = _opt_str(obj, "name")
    if not name:
        raise ValueError(f"a party needs a name: {obj!r}")
    return Party(
        name=name,
        kind=_choice(obj.get("kind"), "kind", PARTY_KINDS),
        actor_id=_opt_str(obj, "actor_id"),
        country_iso3=_opt_str(obj, "country_iso3"),
        role=_choice(obj.get("role"), "role", PARTY_ROLES),
    )


def _event(obj: Any) -> GoldEvent:
    if not isinstance(obj, dict):
        raise ValueError(f"an event must be an object, got {obj!r}")
    date = _date(obj.get("event_date"), "event_date")
    precision = obj.get("date_precision")
    if date is None and precision is not None:
        raise ValueError(f"date_precision {precision!r} given without an event_date")
    if date is not None:
        precision = _choice(precision, "date_precision", DATE_PRECISIONS)
    parties = obj.get("parties") or []
    if not isinstance(parties, list):
        raise ValueError("'parties' must be a list")
    return GoldEvent(
        event_type=_choice(obj.get("event_type"), "event_type", EVENT_TYPES),
        salience=_choice(obj.get("salience"), "salience", SALIENCES),
        event_date=date,
        date_precision=precision,
        parties=tuple(_party(p) for p in parties),
        location_name=_opt_str(obj, "location_name"),
        location_admin1=_opt_str(obj, "location_admin1"),
        location_country_iso3=_opt_str(obj, "location_country_iso3"),
        evidence=_opt_str(obj, "evidence") or "",
    )


def parse_line(line: str, origin: str) -> GoldArticle:
    """One gold line -> GoldArticle; ValueError prefixed with ``origin`` (file:line)."""
    try:
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise ValueError("a line must be a JSON object")
        source_id = obj.get("source_id")
        if not isinstance(source_id, str) or not source_id.strip():
            raise ValueError("'source_id' must be a non-empty string")
        events = obj.get("events")
        if not isinstance(events, list):
            raise ValueError("'events' must be a list (use [] for an article without events)")
        parsed = []
        for n, event in enumerate(events, 1):
            try:
                parsed.append(_event(event))
            except ValueError as exc:
                raise ValueError(f"event {n}: {exc}") from None
        return GoldArticle(
            source_id=source_id,
            published_date=_date(obj.get("published_date"), "published_date"),
            language=_opt_str(obj, "language"),
            events=tuple(parsed),
            origin=origin,
        )
    except json.JSONDecodeError as exc:
        raise ValueError(f"{origin}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except ValueError as exc:
        raise ValueError(f"{origin}: {exc}") from None


def load_gold(paths: Iterable[Path]) -> list[GoldArticle]:
    """Read gold files in order; blank lines are skipped, a repeated source_id is an error.

    A repeated source_id would be scored twice against the same predictions,
    so it is refused rather than guessed at. OSError (missing file) propagates.
    """
    articles: list[GoldArticle] = []
    seen: dict[str, str] = {}
    for path in paths:
        with open(path, encoding="utf-8-sig") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                article = parse_line(line, f"{path}:{lineno}")
                if article.source_id in seen:
                    raise ValueError(f"{article.origin}: source_id {article.source_id!r} already given at {seen[article.source_id]}")
                seen[article.source_id] = article.origin
                articles.append(article)
    return articles
