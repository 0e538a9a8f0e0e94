"""Views: one per SQL file, created in dependency order, each with rows on real warehouses."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from peristiwa.cli import app
from warehouse.catalog import (
    REFERENCE_DIR, CatalogError, connect, create_views, ordered_view_files, refresh_catalog, view_files,
)
from warehouse.layout import WarehousePaths

VIEWS = view_files()
COOPERATION = ("agreement", "meeting", "intel_sharing", "capacity_building", "law_enforcement_cooperation", "cooperation_pledge")


def _rows(warehouse: Path, sql: str) -> list[tuple]:
    return connect(warehouse).execute(sql).fetchall()


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: p.stem)
def test_view_file_states_its_grain_in_lower_case_sql(path: Path) -> None:
    text = path.read_text()
    assert text.startswith("-- grain: one row per "), path.name
    body = re.sub(r"'[^']*'", "''", text.split("\n", 1)[1])
    assert body == body.lower(), f"{path.name}: lower-case SQL"
    assert f"create or replace view {path.stem} as" in body


@pytest.mark.parametrize("view", VIEWS, ids=lambda p: p.stem)
def test_every_view_has_rows_on_the_seeds(view: Path, seeds_warehouse: Path) -> None:
    if view.stem == "quarantine":  # the seeds are clean: nothing to quarantine
        assert _rows(seeds_warehouse, "select count(*) from quarantine") == [(0,)]
        return
    assert _rows(seeds_warehouse, f"select count(*) from {view.stem}")[0][0] > 0


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("view", VIEWS, ids=lambda p: p.stem)
def test_every_view_has_rows_on_the_corpus(view: Path, corpus_warehouse: Path) -> None:
    assert _rows(corpus_warehouse, f"select count(*) from {view.stem}")[0][0] > 0


def _cooperation_pairs(warehouse: Path) -> dict[tuple[str, str], set[str]]:
    """Pairs of party keys sharing a cooperation event, computed in Python from event_parties."""
    keys: dict[str, set[str]] = defaultdict(set)
    for event_id, event_type, actor_id, name in _rows(warehouse, "select event_id, event_type, actor_id, name from event_parties"):
        if event_type in COOPERATION:
            keys[event_id].add(actor_id or name)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event_id, members in keys.items():
        for a in members:
            for b in members:
                if a < b:
                    pairs[(a, b)].add(event_id)
    return pairs


@pytest.mark.parametrize("which", ["seeds", pytest.param("corpus_slice", marks=[pytest.mark.corpus, pytest.mark.slow])])
def test_cooperation_edges_has_one_row_per_unordered_pair(which: str, request: pytest.FixtureRequest) -> None:
    warehouse = request.getfixturevalue(f"{which}_warehouse")
    edges = _rows(warehouse, "select party_a_key, party_b_key, events, event_types from cooperation_edges")
    unordered = [frozenset((a, b)) for a, b, *_ in edges]
    assert len(unordered) == len(set(unordered)), "a pair appears twice"
    assert all(a < b for a, b, *_ in edges), "pairs are ordered by key"
    expected = _cooperation_pairs(warehouse)
    assert expected, "no cooperation pairs to compare"
    assert {(a, b): n for a, b, n, _ in edges} == {pair: len(events) for pair, events in expected.items()}
    assert all(set(types) <= set(COOPERATION) and types == sorted(types) for *_, types in edges)


def test_marts_add_up_to_the_events(seeds_warehouse: Path) -> None:
    wh = seeds_warehouse
    dated = _rows(wh, "select count(*) from events where event_date is not null")[0][0]
    assert _rows(wh, "select sum(events) from events_by_month")[0][0] == dated
    assert _rows(wh, "select count(*) from events_by_month where event_month <> date_trunc('month', event_month)") == [(0,)]
    idn = _rows(wh, """select count(*) from events where location_country_iso3 = 'IDN'
                       and location_admin1 is not null and event_date is not null""")[0][0]
    assert _rows(wh, "select sum(events) from province_month")[0][0] == idn > 0
    assert _rows(wh, """select count(*) from incidents where event_type not in ('arrest', 'security_operation', 'attack')
                        or latitude is null or longitude is null""") == [(0,)]
    assert _rows(wh, "select count(*) from incidents")[0][0] == _rows(wh, """select count(*) from events where
        event_type in ('arrest', 'security_operation', 'attack') and latitude is not null and longitude is not null""")[0][0]
    assert _rows(wh, "select count(*) from actor_timeline") == _rows(
        wh, "select count(distinct (event_id, coalesce(actor_id, name))) from event_parties")
    assert _rows(wh, "select count(*) from actor_timeline where url is null and evidence is null") == [(0,)]
    assert _rows(wh, "select count(*) from stg_event_parties where party_key <> coalesce(actor_id, name)") == [(0,)]
    assert _rows(wh, "select count(*) from stg_events where is_dated <> (event_date is not null)") == [(0,)]
    assert _rows(wh, "select count(*) from stg_articles where published_month > published_date") == [(0,)]


def test_views_command_lists_every_view_with_its_grain() -> None:
    result = CliRunner().invoke(app, ["views", "--format", "csv"])
    assert result.exit_code == 0, result.output
    listed = {row["view"]: row["grain"] for row in csv.DictReader(result.output.splitlines())}
    assert set(listed) == {path.stem for path in VIEWS}
    assert listed["cooperation_edges"].startswith("one row per unordered pair")


def test_reference_bounds_cover_every_country_and_place(seeds_warehouse: Path) -> None:
    bounds = {iso3: box for iso3, *box in _rows(seeds_warehouse, "select * from ref_country_bounds")}
    with (REFERENCE_DIR / "countries.csv").open(encoding="utf-8") as f:
        assert {row["iso3"] for row in csv.DictReader(f)} == set(bounds)
    with (REFERENCE_DIR / "places.csv").open(encoding="utf-8") as f:
        places = list(csv.DictReader(line for line in f if line.strip() and not line.startswith("#")))
    for place in places:
        min_lat, max_lat, min_lon, max_lon = bounds[place["country_iso3"]]
        assert min_lat <= float(place["latitude"]) <= max_lat and min_lon <= float(place["longitude"]) <= max_lon, place


def _write(folder: Path, views: dict[str, str]) -> list[Path]:
    folder.mkdir()
    for name, sql in views.items():
        (folder / f"{name}.sql").write_text(f"-- grain: test\ncreate or replace view {name} as {sql};\n")
    return view_files(folder)


def test_views_are_created_after_the_views_they_read(tmp_path: Path) -> None:
    files = _write(tmp_path / "v", {"a_mart": "select * from m_stage join z_base using (x)", "m_stage": "select x from z_base",
                                    "z_base": "select 1 as x -- from a_mart (a comment is not a reference)"})
    assert [p.stem for p in ordered_view_files(files)] == ["z_base", "m_stage", "a_mart"]
    con = duckdb.connect()
    create_views(con, WarehousePaths(tmp_path), files)
    assert con.execute("select * from a_mart").fetchall() == [(1,)]


def test_a_cycle_is_refused(tmp_path: Path) -> None:
    files = _write(tmp_path / "v", {"a": "select * from b", "b": "select * from c", "c": "select * from a"})
    with pytest.raises(CatalogError, match="cycle"):
        ordered_view_files(files)


def test_an_unknown_reference_names_the_file(tmp_path: Path) -> None:
    files = _write(tmp_path / "v", {"good": "select 1 as x", "bad": "select * from no_such_view"})
    with pytest.raises(CatalogError, match=r"bad\.sql.*no_such_view"):
        create_views(duckdb.connect(), WarehousePaths(tmp_path), files)


def test_an_empty_warehouse_has_every_view(tmp_path: Path) -> None:
    refresh_catalog(tmp_path)
    con = connect(tmp_path)
    for path in VIEWS:
        assert con.execute(f"select count(*) from {path.stem}").fetchall() == [(0,)]
    assert con.execute("select count(*) from ref_country_bounds").fetchall()[0][0] > 70


def test_cooperation_edges_on_hand_made_parties() -> None:
    """One party named twice in an event (same key) counts once; non-cooperation events do not count."""
    con = duckdb.connect()
    con.execute("""create table stg_event_parties as select * from (values
        ('e1', 'meeting', date '2020-01-05', 'BNPT', 'Badan Nasional Penanggulangan Terorisme', 'agency'),
        ('e1', 'meeting', date '2020-01-05', 'BNPT', 'BNPT', 'agency'),
        ('e1', 'meeting', date '2020-01-05', 'IDN', 'Indonesia', 'state'),
        ('e2', 'agreement', date '2021-03-01', 'IDN', 'Indonesia', 'state'),
        ('e2', 'agreement', date '2021-03-01', 'BNPT', 'BNPT', 'agency'),
        ('e3', 'arrest', date '2022-01-01', 'BNPT', 'BNPT', 'agency'),
        ('e3', 'arrest', date '2022-01-01', 'IDN', 'Indonesia', 'state')
    ) as t(event_id, event_type, event_date, party_key, name, kind)""")
    con.execute((Path(__file__).parents[2] / "warehouse" / "views" / "cooperation_edges.sql").read_text())
    rows = con.execute("select party_a_key, party_b_key, events, first_date::varchar, last_date::varchar, event_types "
                       "from cooperation_edges").fetchall()
    assert rows == [("BNPT", "IDN", 2, "2020-01-05", "2021-03-01", ["agreement", "meeting"])]
