"""The ingest flow end to end, under prefect_test_harness."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest
from tests.support.inbox import article_text, write_jsonl, write_txt
from warehouse.catalog import connect


def q(warehouse: Path, sql: str) -> list[tuple]:
    con = connect(warehouse)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot_of(warehouse: Path) -> dict[str, list[tuple]]:
    """Table contents without run-specific columns, for comparing warehouses."""
    return {
        "articles": q(warehouse, "select article_id, source_id, source_path, record_index, title, published_date, language, text, content_hash from articles order by all"),
        "events": q(warehouse, "select * exclude (extractor_version) from events order by event_id"),
        "event_parties": q(warehouse, "select * from event_parties order by all"),
        "quarantine": q(warehouse, "select quarantine_id, source_path, record_index, stage, \"check\" from quarantine order by all"),
    }


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    write_jsonl(folder / "a.jsonl", 0, 30)
    write_jsonl(folder / "sub" / "b.jsonl.gz", 30, 20, gz=True)
    write_txt(folder / "c.txt", "Judul artikel", article_text(99))
    return folder


def test_seeds_land_with_events_and_no_quarantine(tmp_path: Path, seeds_dir: Path) -> None:
    summary = ingest([str(seeds_dir / "articles")], warehouse=str(tmp_path / "wh"))
    assert summary.files_new == len(list((seeds_dir / "articles").iterdir()))
    assert summary.quarantined == 0
    assert q(tmp_path / "wh", "select count(*) from articles")[0][0] == summary.articles_landed >= 11
    types = {row[0] for row in q(tmp_path / "wh", "select distinct event_type from events")}
    assert "meeting" in types and "arrest" in types
    # The contract's columns are all there.
    cols = {row[0] for row in q(tmp_path / "wh", "describe events")}
    assert {"event_id", "article_id", "event_type", "event_date", "date_precision", "parties", "location_name",
            "location_admin1", "location_country_iso3", "latitude", "longitude", "location_precision",
            "evidence", "confidence"} <= cols
    parties_type = dict((r[0], r[1]) for r in q(tmp_path / "wh", "describe events"))["parties"]
    assert parties_type.startswith("STRUCT(") and parties_type.endswith("[]")


def test_rerun_adds_nothing_and_changes_nothing(tmp_path: Path, inbox: Path) -> None:
    wh = tmp_path / "wh"
    first = ingest([str(inbox)], warehouse=str(wh))
    assert first.articles_landed == 51
    before = snapshot_of(wh)
    second = ingest([str(inbox)], warehouse=str(wh))
    assert (second.files_skipped, second.files_new, second.articles_landed, second.events_landed, second.quarantined) == (3, 0, 0, 0, 0)
    assert snapshot_of(wh) == before
    assert q(wh, "select count(*) from runs")[0][0] == 2


def test_touched_file_with_same_bytes_is_skipped(tmp_path: Path, inbox: Path) -> None:
    wh = tmp_path / "wh"
    ingest([str(inbox)], warehouse=str(wh))
    os.utime(inbox / "a.jsonl", (1, 1))
    again = ingest([str(inbox)], warehouse=str(wh))
    assert (again.files_changed, again.files_skipped, again.articles_landed) == (0, 3, 0)


def test_changed_file_replaces_its_earlier_rows(tmp_path: Path, inbox: Path) -> None:
    wh = tmp_path / "wh"
    ingest([str(inbox)], warehouse=str(wh))
    write_jsonl(inbox / "a.jsonl", 100, 10)  # a.jsonl now holds 10 other articles
    summary = ingest([str(inbox)], warehouse=str(wh))
    assert (summary.files_changed, summary.rows_replaced, summary.articles_landed) == (1, 30, 10)
    ids = {row[0] for row in q(wh, "select source_id from articles where source_path like '%a.jsonl'")}
    assert ids == {f"rec-{i}" for i in range(100, 110)}
    assert q(wh, "select count(*) from articles")[0][0] == 31
    orphans = q(wh, "select count(*) from events e anti join articles a using (article_id)")[0][0]
    assert orphans == 0
    assert q(wh, "select count(*) from event_parties p anti join events e using (event_id)")[0][0] == 0


def test_same_text_twice_is_one_article_and_a_quarantined_duplicate(tmp_path: Path, inbox: Path) -> None:
    wh = tmp_path / "wh"
    write_txt(inbox / "copy-of-c.txt", "Judul lain", article_text(99))
    write_jsonl(inbox / "z-dupes.jsonl", 0, 5)  # same texts as a.jsonl records 0..4
    summary = ingest([str(inbox)], warehouse=str(wh))
    assert summary.articles_landed == 51
    assert summary.duplicates == 6
    assert q(wh, "select count(*), count(distinct article_id) from articles")[0] == (51, 51)
    dupes = q(wh, "select count(*) from quarantine where \"check\" = 'duplicate_article'")[0][0]
    assert dupes == 6
    unresolved = q(wh, "select count(*) from quarantine qq anti join articles a using (article_id) where \"check\" = 'duplicate_article'")[0][0]
    assert unresolved == 0  # every duplicate points at the article that holds its text
    # A later run bringing the same text again is a duplicate too, recorded once.
    write_txt(tmp_path / "later" / "again.txt", "Lagi", article_text(7))
    later = ingest([str(tmp_path / "later")], warehouse=str(wh))
    assert (later.articles_landed, later.duplicates) == (0, 1)


def test_full_refresh_rebuilds_the_same_rows_and_keeps_run_history(tmp_path: Path, inbox: Path) -> None:
    wh = tmp_path / "wh"
    ingest([str(inbox)], warehouse=str(wh))
    before = snapshot_of(wh)
    refreshed = ingest([str(inbox)], warehouse=str(wh), full_refresh=True)
    assert refreshed.files_new == 3 and refreshed.articles_landed == 51
    assert snapshot_of(wh) == before
    assert q(wh, "select count(*), bool_or(full_refresh) from runs")[0] == (2, True)


def test_catalog_survives_moving_the_warehouse(tmp_path: Path, inbox: Path) -> None:
    ingest([str(inbox)], warehouse=str(tmp_path / "wh"))
    shutil.move(tmp_path / "wh", tmp_path / "moved")
    assert q(tmp_path / "moved", "select count(*) from articles")[0][0] == 51
    # Opened from inside the folder, a plain DuckDB connection works too.
    cwd = os.getcwd()
    os.chdir(tmp_path / "moved")
    try:
        con = duckdb.connect("catalog.duckdb", read_only=True)
        assert con.execute("select count(*) from events").fetchone()[0] > 0
        con.close()
    finally:
        os.chdir(cwd)


def test_empty_warehouse_views_are_typed(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    summary = ingest([str(empty)], warehouse=str(tmp_path / "wh"))
    assert summary.articles_landed == 0
    assert q(tmp_path / "wh", "select count(*) from events")[0][0] == 0
    types = dict((r[0], r[1]) for r in q(tmp_path / "wh", "describe events"))
    assert types["event_date"] == "DATE" and types["confidence"] == "DOUBLE"


def test_an_open_read_only_catalog_survives_a_run_and_new_connections_see_new_rows(tmp_path: Path, inbox: Path) -> None:
    wh = tmp_path / "wh"
    ingest([str(inbox)], warehouse=str(wh))
    analyst = connect(wh)  # held open, read-only, across the next run
    assert analyst.execute("select count(*) from articles").fetchone()[0] == 51
    write_jsonl(inbox / "more.jsonl", 200, 4)
    ingest([str(inbox)], warehouse=str(wh))
    assert analyst.execute("select count(*) from articles").fetchone()[0] in (51, 55)  # still answers
    analyst.close()
    assert q(wh, "select count(*) from articles")[0][0] == 55


def test_unreachable_inputs_fail_clearly_without_touching_the_warehouse(tmp_path: Path, inbox: Path) -> None:
    wh = tmp_path / "wh"
    ingest([str(inbox)], warehouse=str(wh))
    before = sorted(p.name for p in (wh / "snapshots").iterdir())
    with pytest.raises(FileNotFoundError, match="none of the input paths exists.*not touched"):
        ingest([str(tmp_path / "unmounted")], warehouse=str(wh))
    assert sorted(p.name for p in (wh / "snapshots").iterdir()) == before
    assert q(wh, "select count(*) from runs")[0][0] == 1


def test_worker_processes_land_the_same_rows_as_one_thread(tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERISTIWA_BATCH_SIZE", "7")  # several batches from this small inbox
    ingest([str(inbox)], warehouse=str(tmp_path / "one"), workers=1)
    monkeypatch.setenv("PERISTIWA_PARALLEL_FROM_BYTES", "0")
    import flows.runners as module

    pools: list[int] = []
    real = module.ProcessPoolTaskRunner
    monkeypatch.setattr(module, "ProcessPoolTaskRunner", lambda max_workers: pools.append(max_workers) or real(max_workers=max_workers))
    ingest([str(inbox)], warehouse=str(tmp_path / "two"), workers=2)
    assert pools == [2]
    assert snapshot_of(tmp_path / "two") == snapshot_of(tmp_path / "one")
    assert len(list((tmp_path / "two").glob("snapshots/*/articles/**/*.parquet"))) >= 1
