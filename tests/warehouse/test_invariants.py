"""Invariants (warehouse/invariants/*.sql) hold on real warehouses, and catch a broken row."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.catalog import connect, invariant_files, invariant_text, invariant_violations

INVARIANTS = invariant_files()
BY_NAME = {path.stem: path for path in INVARIANTS}

# For each invariant, a change to a sound copy of the seeds warehouse that must break it.
BREAKAGES: dict[str, str] = {
    "unique_article_id": "insert into articles select * from articles limit 1",
    "unique_event_id": "insert into events select * from events limit 1",
    "unique_event_party": "insert into event_parties select * from event_parties limit 1",
    "no_orphan_events": "delete from articles where article_id = (select min(article_id) from events)",
    "no_orphan_parties": "delete from events where event_id = (select min(event_id) from event_parties)",
    "coordinates_in_country": """
        update events set latitude = 60.0
        where event_id = (select min(event_id) from events where location_country_iso3 = 'IDN' and latitude is not null)""",
    "event_date_not_after_publication": """
        update events set event_date = a.published_date + 2 from articles as a
        where a.article_id = events.article_id and a.published_date is not null""",
    "confidence_in_range": "update events set confidence = 1.5 where event_id = (select min(event_id) from events)",
}


def _copy(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with writable copies of the warehouse's tables, under the catalog's names."""
    con = duckdb.connect()
    con.execute("set file_search_path = ?", [str(warehouse)])
    con.execute("attach ? as wh (read_only)", [str(warehouse / "catalog.duckdb")])
    for table in ("articles", "events", "event_parties", "ref_country_bounds"):
        con.execute(f"create table {table} as select * from wh.{table}")
    return con


def test_every_invariant_states_what_it_asserts_and_has_a_breakage() -> None:
    assert len(INVARIANTS) >= 8
    for path in INVARIANTS:
        assert path.read_text().startswith("-- invariant: "), path.name
        assert path.read_text().splitlines()[1].startswith(("select", "with")), f"{path.name}: one lower-case query after the comment"
    assert set(BREAKAGES) == {path.stem for path in INVARIANTS}, "every invariant needs a breakage that it must catch"


@pytest.mark.parametrize("which", ["seeds", *(pytest.param(w, marks=[pytest.mark.corpus, pytest.mark.slow]) for w in ("corpus_slice", "corpus"))])
@pytest.mark.parametrize("invariant", INVARIANTS, ids=lambda p: p.stem)
def test_invariant_holds(invariant: Path, which: str, request: pytest.FixtureRequest) -> None:
    warehouse = request.getfixturevalue(f"{which}_warehouse")
    con = connect(warehouse)
    assert con.execute("select count(*) from events").fetchall()[0][0] > 0, "a warehouse with no events proves nothing"
    violations = invariant_violations(con, invariant)
    assert violations == [], f"{invariant_text(invariant)} -- broken by {len(violations)} rows, e.g. {violations[:5]}"


@pytest.mark.parametrize("invariant", INVARIANTS, ids=lambda p: p.stem)
def test_invariant_catches_a_broken_row(invariant: Path, seeds_warehouse: Path) -> None:
    con = _copy(seeds_warehouse)
    assert invariant_violations(con, invariant) == []
    con.execute(BREAKAGES[invariant.stem])
    assert invariant_violations(con, invariant), f"{invariant.name} did not catch: {BREAKAGES[invariant.stem].strip()}"


def test_event_date_may_be_one_day_after_publication(seeds_warehouse: Path) -> None:
    """Time zones: an event told the evening before is dated the next day; one day of slack, not two."""
    con = _copy(seeds_warehouse)
    con.execute("""update events set event_date = a.published_date + 1 from articles as a
                   where a.article_id = events.article_id and a.published_date is not null""")
    assert invariant_violations(con, BY_NAME["event_date_not_after_publication"]) == []
