"""The figure builders are pure: frames in, figures out, including for empty frames."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from peristiwa.report import figures
from peristiwa.report.network import spring_layout
from peristiwa.vocabulary import EVENT_TYPES, PARTY_KINDS


def test_every_type_and_kind_has_a_colour() -> None:
    assert set(figures.TYPE_COLOURS) == set(EVENT_TYPES)
    assert set(figures.KIND_COLOURS) == set(PARTY_KINDS)


def test_timeline_stacks_one_trace_per_type() -> None:
    frame = pd.DataFrame({"event_month": [dt.date(2020, 1, 1)] * 2 + [dt.date(2020, 2, 1)],
                          "event_type": ["arrest", "attack", "arrest"], "events": [3, 1, 2]})
    fig = figures.timeline_figure(frame)
    assert [t.name for t in fig.data] == ["arrest", "attack"]
    assert fig.layout.barmode == "stack"


def test_map_draws_each_incident_on_both_maps() -> None:
    frame = pd.DataFrame({
        "event_type": ["arrest", "attack"], "event_date": [pd.Timestamp("2019-05-01"), pd.NaT],
        "location_name": ["Bekasi", "Surabaya"], "location_admin1": ["Jawa Barat", None],
        "location_country_iso3": ["IDN", "IDN"], "latitude": [-6.24, -7.25], "longitude": [106.99, 112.75],
        "parties": ["Densus 88; terduga teroris", None], "title": ["a", "b"],
    })
    fig = figures.map_figure(frame)
    assert len(fig.data) == 4 and {t.type for t in fig.data} == {"scattergeo"}
    assert fig.layout.geo.resolution == 50 and fig.layout.geo.scope == "world"
    assert "Bekasi, Jawa Barat (IDN)" in fig.data[0].text[0]


def test_network_keeps_the_best_linked_parties() -> None:
    frame = pd.DataFrame({
        "party_a_key": ["AUS", "AUS", "MYS"], "party_a_name": ["Australia", "Australia", "Malaysia"],
        "party_a_kind": ["state"] * 3, "party_b_key": ["IDN", "MYS", "IDN"],
        "party_b_name": ["Indonesia", "Malaysia", "Indonesia"], "party_b_kind": ["state"] * 3,
        "events": [5, 1, 2], "first_date": [None] * 3, "last_date": [None] * 3, "event_types": ["meeting"] * 3,
    })
    fig = figures.network_figure(frame, top=2)
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    assert [list(t.text) for t in nodes] == [["Indonesia", "Australia"]]


def test_empty_frames_give_figures_that_say_so() -> None:
    empty_edges = pd.DataFrame(columns=["party_a_key", "party_a_name", "party_a_kind", "party_b_key", "party_b_name",
                                        "party_b_kind", "events", "first_date", "last_date", "event_types"])
    assert "no cooperation" in figures.network_figure(empty_edges).layout.annotations[0].text
    empty_q = pd.DataFrame(columns=["stage", "check", "rows"])
    assert "nothing quarantined" in figures.quarantine_figure(empty_q).layout.annotations[0].text
    empty_c = pd.DataFrame(columns=["events", "with_date", "with_place", "with_coordinates", "with_parties",
                                    "main_salience"])
    assert figures.completeness_figure(empty_c).data[0].text[0] == "–"


def test_spring_layout_is_deterministic_and_bounded() -> None:
    edges = [("a", "b", 3.0), ("b", "c", 1.0), ("d", "e", 1.0)]
    first = spring_layout("abcde", edges)
    assert first == spring_layout("abcde", edges)
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in first.values())
    assert spring_layout([], []) == {} and spring_layout(["x"], []) == {"x": (0.0, 0.0)}
