"""Typed records -> validated DataFrames -> Arrow tables.

The only place where pure records (``peristiwa.model``) meet the table
contracts. Rows that fail a check are split off with a readable reason; they
never stop a batch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
import pyarrow

from peristiwa.model import Article, Event, Party, Problem
from schemas.arrow import arrow_schema, column_names
from schemas.articles import Articles
from schemas.event_parties import EventParties
from schemas.events import Events
from schemas.quarantine import Quarantine


def _empty(model: type[pa.DataFrameModel]) -> pd.DataFrame:
    return arrow_schema(model).empty_table().to_pandas()


def _year(values: pd.Series) -> pd.Series:
    return pd.Series([d.year if d is not None and not pd.isna(d) else None for d in values], dtype="Int32", index=values.index)


def _columns(records: Sequence[object], names: Sequence[str]) -> dict[str, list[object]]:
    """Column lists straight from the records' attributes.

    Not ``dataclasses.astuple``/``asdict``: they deep-copy every value (dates,
    datetimes), which made building the articles frame most of validate + stage.
    """
    return {name: [getattr(r, name) for r in records] for name in names}


_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
_EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event))
_PARTY_FIELDS = tuple(f.name for f in dataclasses.fields(Party))


def _frame(columns: dict[str, list[object]], model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """The columns as a DataFrame, typed by the model's Arrow schema where the values allow.

    Arrow converts the lists in C, about twice as fast as pandas' inference, and gives
    the same dtypes. A value of the wrong type cannot be converted: then pandas takes
    the column as it is, and validation splits the row off as before.
    """
    schema = arrow_schema(model)
    try:
        table = pyarrow.table({name: pyarrow.array(values, type=schema.field(name).type) for name, values in columns.items()})
    except (pyarrow.ArrowInvalid, pyarrow.ArrowTypeError, TypeError, ValueError, OverflowError):
        return pd.DataFrame(columns)
    return table.to_pandas()


def articles_frame(articles: Sequence[Article]) -> pd.DataFrame:
    if not articles:
        return _empty(Articles)
    df = _frame(_columns(articles, _ARTICLE_FIELDS), Articles)
    df[Articles.published_year] = _year(df[Articles.published_date])
    return df


def events_frame(events: Sequence[Event]) -> pd.DataFrame:
    if not events:
        return _empty(Events)
    columns = _columns(events, _EVENT_FIELDS)
    columns[Events.parties] = [[{n: getattr(p, n) for n in _PARTY_FIELDS} for p in e.parties] for e in events]
    df = pd.DataFrame(columns)
    df[Events.event_year] = _year(df[Events.event_date])
    return df


def parties_frame(events: pd.DataFrame) -> pd.DataFrame:
    """Flatten ``events.parties`` into one row per party (for BI tools)."""
    rows = [
        {
            EventParties.event_id: ev[Events.event_id],
            EventParties.party_index: i,
            EventParties.article_id: ev[Events.article_id],
            EventParties.event_type: ev[Events.event_type],
            EventParties.event_date: ev[Events.event_date],
            EventParties.event_year: ev[Events.event_year],
            **{k: party.get(k) for k in ("name", "kind", "actor_id", "country_iso3", "role")},
        }
        for ev in events.to_dict("records")
        for i, party in enumerate(ev[Events.parties])
    ]
    if not rows:
        return _empty(EventParties)
    return pd.DataFrame.from_records(rows, columns=column_names(EventParties))


def quarantine_id(source_path: str, record_index: int | None, stage: str, check: str) -> str:
    key = f"{source_path}\x1f{record_index}\x1f{stage}\x1f{check}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def quarantine_frame(problems: Sequence[Problem], run_id: str, at: dt.datetime) -> pd.DataFrame:
    if not problems:
        return _empty(Quarantine)
    rows = [
        {
            Quarantine.quarantine_id: quarantine_id(p.source_path, p.record_index, p.stage, p.check),
            Quarantine.run_id: run_id,
            Quarantine.source_path: p.source_path,
            Quarantine.record_index: p.record_index,
            Quarantine.source_id: p.source_id,
            Quarantine.stage: p.stage,
            Quarantine.check: p.check,
            Quarantine.reason: p.reason,
            Quarantine.sample: (p.sample or None) and p.sample[:300],
            Quarantine.article_id: p.article_id,
            Quarantine.quarantined_at: at,
        }
        for p in problems
    ]
    df = pd.DataFrame.from_records(rows, columns=column_names(Quarantine))
    return df.drop_duplicates(Quarantine.quarantine_id)


@dataclass(frozen=True)
class Validated:
    valid: pd.DataFrame
    failures: dict[int, str]  # row label of the input frame -> readable reason


def validate(model: type[pa.DataFrameModel], df: pd.DataFrame) -> Validated:
    """Validate lazily; split off failing rows instead of failing the batch.

    A failure without a row (a missing column, a wrong table shape) is a bug
    in the pipeline, not bad input, so it is raised.
    """
    try:
        return Validated(model.validate(df, lazy=True), {})
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        rowless = cases[cases["index"].isna()]
        if not rowless.empty:
            raise
        failures: dict[int, list[str]] = {}
        for case in cases.itertuples(index=False):
            failures.setdefault(int(case.index), []).append(
                f"column {case.column!r} failed {case.check!s} (value: {str(case.failure_case)[:80]!r})"
            )
        kept = df.drop(index=list(failures))
        valid = model.validate(kept, lazy=True) if not kept.empty else model.validate(_empty(model))
        return Validated(valid, {i: "; ".join(msgs) for i, msgs in failures.items()})


def to_arrow(model: type[pa.DataFrameModel], df: pd.DataFrame) -> pyarrow.Table:
    schema = arrow_schema(model)
    return pyarrow.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False)
