"""Bad input is quarantined with a reason; the rest of the file or folder still lands."""

from __future__ import annotations

import datetime as dt
import gzip
import os
from pathlib import Path

import pyarrow.parquet as pq

from flows.ingest import ingest
from flows.tasks import validate_and_stage
from peristiwa.model import Event
from tests.flows.test_ingest import q
from tests.schemas.test_models import article, event
from tests.support.inbox import write_jsonl
from warehouse.landing import RunInfo
from warehouse.layout import WarehousePaths


def test_each_kind_of_bad_input_is_quarantined_and_the_rest_lands(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_jsonl(inbox / "good.jsonl", 0, 5)
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (inbox / "empty.json").write_bytes(b"")
    lines = (inbox / "good.jsonl").read_text().splitlines()
    (inbox / "broken.jsonl").write_text("\n".join([lines[0].replace("rec-0", "x-0").replace("A0", "B0"), "{not json", ""]))
    whole = gzip.compress((inbox / "good.jsonl").read_bytes().replace(b"rec-", b"gz-").replace(b"berinisial A", b"berinisial G"))
    (inbox / "truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (inbox / "folder.jsonl").mkdir()
    (inbox / "loop").mkdir()
    (inbox / "loop" / "back").symlink_to(inbox, target_is_directory=True)
    (inbox / "notes.json").write_text('{"title": "x"')
    (inbox / "odd-date.json").write_text('{"id": "odd-1", "date": "kemarin sore", "content": "Densus 88 menangkap terduga teroris di Poso."}')

    summary = ingest([str(inbox), str(tmp_path / "missing")], warehouse=str(tmp_path / "wh"))

    checks = {row[0] for row in q(tmp_path / "wh", 'select "check" from quarantine')}
    assert {"binary_file", "empty_file", "invalid_json", "bad_gzip", "not_a_file", "symlink_loop", "path_not_found",
            "unparseable_date"} <= checks
    reasons = q(tmp_path / "wh", "select reason from quarantine where reason is null or length(reason) < 10")
    assert reasons == []
    ids = {row[0] for row in q(tmp_path / "wh", "select source_id from articles")}
    assert {f"rec-{i}" for i in range(5)} <= ids and "x-0" in ids and "odd-1" in ids  # an odd date still lands
    assert summary.articles_landed >= 6
    # A second run does not repeat the same reasons.
    again = ingest([str(inbox), str(tmp_path / "missing")], warehouse=str(tmp_path / "wh"))
    assert again.quarantined == 0


def test_rows_failing_validation_are_quarantined_not_landed(tmp_path: Path) -> None:
    root = tmp_path / "wh"
    run = RunInfo("run-x", dt.datetime.now(dt.timezone.utc), [], False, "test-0")
    good = article()
    bad_article = article(**{"article_id": "fedcba9876543210", "record_index": 1, "language": "xx"})
    bad_event: Event = event(event_id="0123456789abcdef-01", event_type="riot")
    validate_and_stage.fn(root, run, 1, [good, bad_article], [event(), bad_event], [])
    staged = WarehousePaths(root).staging / "run-x" / "batch-000001"
    assert pq.read_table(staged / "articles.parquet").column("article_id").to_pylist() == ["0123456789abcdef"]
    assert pq.read_table(staged / "events.parquet").column("event_id").to_pylist() == ["0123456789abcdef-00"]
    quarantine = pq.read_table(staged / "quarantine.parquet").to_pylist()
    assert {(r["check"], r["record_index"]) for r in quarantine} == {("articles_schema", 1), ("events_schema", 0)}
    assert all("failed" in r["reason"] for r in quarantine)
    assert os.path.exists(staged / "event_parties.parquet")
