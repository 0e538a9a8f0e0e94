"""What the report shows, read from the catalog's views: one DataFrame per panel.

The only module of the report that talks to DuckDB; everything else builds
figures and HTML from these frames.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

COOPERATION_KINDS = ("state", "agency", "security_force", "igo")  # "states and bodies"

QUERIES: dict[str, str] = {
    "totals": """
        select
            (select count(*) from articles) as articles,
            (select count(*) from events) as events,
            (select count(*) from event_parties) as parties,
            (select count(*) from quarantine) as quarantined,
            (select count(*) from runs) as runs
    """,
    "by_month": """
        select event_month, event_type, sum(events)::bigint as events
        from events_by_month
        group by all
        order by event_month, event_type
    """,
    "incidents": """
        select event_type, event_date, location_name, location_admin1, location_country_iso3,
               latitude, longitude, parties, title
        from incidents
        order by event_date nulls first, event_id
    """,
    "edges": f"""
        select party_a_key, party_a_name, party_a_kind, party_b_key, party_b_name, party_b_kind,
               events, first_date, last_date, array_to_string(event_types, ', ') as event_types
        from cooperation_edges
        where party_a_kind in {COOPERATION_KINDS} and party_b_kind in {COOPERATION_KINDS}
        order by events desc, party_a_key, party_b_key
    """,
    "actors": """
        select party_key, min(name) as name, min(kind) as kind,
               count(distinct event_id) as events,
               count(distinct event_id) filter (where role = 'actor') as as_actor,
               count(distinct event_id) filter (where role = 'target') as as_target
        from actor_timeline
        where kind <> 'other'
        group by party_key
        order by events desc, party_key
        limit 20
    """,
    "quarantine": """
        select stage, "check", count(*) as rows
        from quarantine
        group by all
        order by rows desc, stage, "check"
    """,
    "completeness": """
        select
            count(*) as events,
            count(*) filter (where is_dated) as with_date,
            count(*) filter (where location_name is not null or location_country_iso3 is not null) as with_place,
            count(*) filter (where has_coordinates) as with_coordinates,
            count(*) filter (where party_count > 0) as with_parties,
            count(*) filter (where salience = 'main') as main_salience
        from stg_events
    """,
    "extractors": """
        select extractor_version, count(*) as events
        from stg_events
        group by all
        order by extractor_version
    """,
    "runs": """
        select run_id, strftime(started_at, '%Y-%m-%d %H:%M') as started,
               round(epoch(finished_at) - epoch(started_at), 1) as seconds,
               full_refresh, extractor_version, files_new, files_changed, files_skipped,
               articles_landed, events_landed, quarantined
        from runs
        order by started_at desc
        limit 10
    """,
}


@dataclass(frozen=True)
class ReportData:
    totals: pd.DataFrame
    by_month: pd.DataFrame
    incidents: pd.DataFrame
    edges: pd.DataFrame
    actors: pd.DataFrame
    quarantine: pd.DataFrame
    completeness: pd.DataFrame
    extractors: pd.DataFrame
    runs: pd.DataFrame


def load(con: duckdb.DuckDBPyConnection) -> ReportData:
    """Run every report query against an open catalog (see warehouse.catalog.connect)."""
    return ReportData(**{name: con.execute(sql).df() for name, sql in QUERIES.items()})
