"""The pandera models are the source of truth; the records and Arrow schemas must follow them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyarrow
import pytest

from peristiwa.model import Article, Event, Party, Problem
from schemas import Articles, EventParties, Events, Quarantine
from schemas.arrow import arrow_schema, column_names
from schemas.frames import articles_frame, events_frame, parties_frame, quarantine_frame, to_arrow, validate

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


def article(article_id: str = "0123456789abcdef", **changes: object) -> Article:
    base = Article(
        article_id, "src-1", "/in/a.jsonl", 0, "jsonl", "https://x.id/a", "Judul", "x.id", dt.date(2019, 9, 17),
        "field", None, "id", "Densus 88 menangkap terduga teroris.", "a" * 64, "test-0", NOW,
    )
    return dataclasses.replace(base, **changes)


def event(**changes: object) -> Event:
    base = Event(
        "0123456789abcdef-00", "0123456789abcdef", "arrest", "main", dt.date(2019, 9, 16), "day",
        (Party("Densus 88", "security_force", "DENSUS88", "IDN", "actor"),
         Party("terduga teroris", "other", None, None, "target")),
        "Sukoharjo", "Jawa Tengah", "IDN", -7.68, 110.84, "city", "Densus 88 menangkap terduga teroris.", 0.7, "test-0",
    )
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(("record", "model", "partition"), [
    (Article, Articles, ["published_year"]),
    (Event, Events, ["event_year"]),
])
def test_records_carry_exactly_the_model_columns(record: type, model: type, partition: list[str]) -> None:
    assert [f.name for f in dataclasses.fields(record)] + partition == column_names(model)


@pytest.mark.parametrize("model", [Articles, Events, EventParties, Quarantine])
def test_arrow_types_are_bi_friendly(model: type) -> None:
    for field in arrow_schema(model):
        assert not pyarrow.types.is_unsigned_integer(field.type), field
        assert not pyarrow.types.is_dictionary(field.type), field
        if field.name.endswith("_date"):
            assert field.type == pyarrow.date32(), field


def test_valid_batch_converts_to_arrow_with_nested_parties() -> None:
    events = validate(Events, events_frame([event()]))
    assert events.failures == {}
    table = to_arrow(Events, events.valid)
    assert table.schema.field("parties").type == arrow_schema(Events).field("parties").type
    assert table.column("parties").to_pylist()[0][1]["name"] == "terduga teroris"
    parties = validate(EventParties, parties_frame(events.valid))
    assert list(parties.valid["role"]) == ["actor", "target"]
    assert list(parties.valid["party_index"]) == [0, 1]


@pytest.mark.parametrize(("change", "column"), [
    ({"article_id": "not-hex"}, "article_id"),
    ({"language": "fr"}, "language"),
    ({"text": ""}, "text"),
    ({"published_date_source": "guess"}, "published_date_source"),
])
def test_failing_article_rows_are_split_off_with_reason(change: dict, column: str) -> None:
    good, bad = article(), article(**{"article_id": "fedcba9876543210", "record_index": 1, **change})
    checked = validate(Articles, articles_frame([good, bad]))
    assert list(checked.valid["article_id"]) == ["0123456789abcdef"]
    assert list(checked.failures) == [1]
    assert column in checked.failures[1]


@pytest.mark.parametrize("change", [
    {"event_type": "riot"},
    {"confidence": 1.5},
    {"latitude": 95.0},
    {"parties": (Party("X", "alien", None, None, "actor"),)},
    {"parties": (Party("Indonesia", "state", "IDN", "idn", "actor"),)},
])
def test_failing_event_rows_are_split_off(change: dict) -> None:
    checked = validate(Events, events_frame([event(), event(event_id="0123456789abcdef-01", **change)]))
    assert list(checked.valid["event_id"]) == ["0123456789abcdef-00"]
    assert list(checked.failures) == [1]


def test_quarantine_ids_are_deterministic_and_deduplicated() -> None:
    problem = Problem("/in/x.bin", None, "read", "binary_file", "not text")
    first = quarantine_frame([problem, problem], "run-a", NOW)
    second = quarantine_frame([problem], "run-b", NOW)
    assert len(first) == 1
    assert first["quarantine_id"].iloc[0] == second["quarantine_id"].iloc[0]
    assert validate(Quarantine, first).failures == {}


def test_articles_frame_through_arrow_lands_as_pandas_inference_did() -> None:
    """The Arrow-built frame validates to the same table as the frame pandas infers from the records
    (dtypes may differ before coercion: an all-null text column is str here, object there)."""
    import pandas as pd

    from schemas.frames import _ARTICLE_FIELDS, _columns, _year

    rows = [article(), article("fedcba9876543210", record_index=3, url=None, published_date=None, published_date_source=None)]
    inferred = pd.DataFrame(_columns(rows, _ARTICLE_FIELDS))
    inferred["published_year"] = _year(inferred["published_date"])
    built = to_arrow(Articles, validate(Articles, articles_frame(rows)).valid)
    assert built.equals(to_arrow(Articles, validate(Articles, inferred).valid))
    assert built.column("published_date").to_pylist() == [dt.date(2019, 9, 17), None]


def test_articles_frame_keeps_a_wrongly_typed_value_for_validation() -> None:
    """A value Arrow cannot convert does not fail the batch here: pandas takes the column as it is."""
    frame = articles_frame([article(), article("fedcba9876543210", record_index="seven")])
    assert list(frame["record_index"]) == [0, "seven"]
