"""Gold loading: typed records, and a clear file:line error for anything malformed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from peristiwa.evaluate.gold import load_gold

EVENT = {
    "event_type": "meeting", "salience": "main", "event_date": "2025-06-18", "date_precision": "day",
    "parties": [{"name": "Indonesia", "kind": "state", "actor_id": "IDN", "country_iso3": "IDN", "role": "actor"}],
    "location_name": "Jakarta", "location_admin1": "DKI Jakarta", "location_country_iso3": "IDN", "evidence": "pertemuan",
}


def line(source_id: str = "a", events: list | None = None, **extra: object) -> str:
    return json.dumps({"source_id": source_id, "published_date": "2025-06-19", "language": "id",
                       "events": [EVENT] if events is None else events, **extra})


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_typed_records(tmp_path: Path) -> None:
    path = write(tmp_path, line("a"), "", line("b", events=[]))
    gold = load_gold([path])
    assert [g.source_id for g in gold] == ["a", "b"]
    event = gold[0].events[0]
    assert event.event_date == dt.date(2025, 6, 18) and event.date_precision == "day"
    assert event.parties[0].country_iso3 == "IDN" and event.location_name == "Jakarta"
    assert gold[0].published_date == dt.date(2025, 6, 19) and gold[1].events == ()
    assert gold[1].origin == f"{path}:3"


def test_loads_the_dev_gold(gold_path: Path) -> None:
    gold = load_gold([gold_path])
    assert len(gold) == 86 and sum(len(g.events) for g in gold) == 117


@pytest.mark.parametrize(("bad", "message"), [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "JSON object"),
    (json.dumps({"events": []}), "source_id"),
    (json.dumps({"source_id": "x"}), "'events' must be a list"),
    (line("x", events=[{**EVENT, "event_type": "picnic"}]), "event 1: 'event_type' must be one of"),
    (line("x", events=[{**EVENT, "event_date": "18/06/2025"}]), "ISO date"),
    (line("x", events=[{**EVENT, "date_precision": None}]), "date_precision"),
    (line("x", events=[{**EVENT, "event_date": None}]), "without an event_date"),
    (line("x", events=[{**EVENT, "parties": [{"name": "X", "kind": "alien", "role": "actor"}]}]), "'kind'"),
    (line("x", events=[{**EVENT, "location_country_iso3": 360}]), "location_country_iso3"),
])
def test_malformed_line_names_file_and_line(tmp_path: Path, bad: str, message: str) -> None:
    path = write(tmp_path, line("ok"), bad)
    with pytest.raises(ValueError) as info:
        load_gold([path])
    assert f"{path}:2:" in str(info.value)
    assert message in str(info.value)


def test_repeated_source_id_across_files_is_refused(tmp_path: Path) -> None:
    first = write(tmp_path, line("a"))
    second = tmp_path / "more.jsonl"
    second.write_text(line("b") + "\n" + line("a") + "\n")
    with pytest.raises(ValueError, match=rf"{second}:2: source_id 'a' already given at {first}:1"):
        load_gold([first, second])


def test_missing_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        load_gold([tmp_path / "nope.jsonl"])
