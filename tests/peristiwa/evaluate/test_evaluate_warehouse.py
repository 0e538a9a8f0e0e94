"""End to end: ingest the seeds (plus a duplicate copy) into a warehouse, evaluate, check JSON and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peristiwa.cli import app
from peristiwa.evaluate import evaluate
from peristiwa.evaluate.predictions import read_predictions
from warehouse.catalog import connect

runner = CliRunner()
SEED = "004_dd28076a0050d718.txt"
COPY = "zz_copy_of_004.txt"  # same text under another file name: lands as a quarantined duplicate


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None, seeds_dir: Path) -> Path:
    from flows.ingest import ingest

    inbox = tmp_path_factory.mktemp("inbox")
    shutil.copy(seeds_dir / "articles" / SEED, inbox / COPY)
    wh = tmp_path_factory.mktemp("eval") / "wh"
    ingest([str(seeds_dir / "articles"), str(inbox)], warehouse=str(wh))
    return wh


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory: pytest.TempPathFactory, gold_path: Path) -> Path:
    """The two seed articles' gold lines, the copy (same events as its original) and one never ingested."""
    lines = {json.loads(x)["source_id"]: json.loads(x) for x in gold_path.read_text().splitlines() if x.strip()}
    seeds = [lines[SEED], lines["000_ea3832d8c718430b.txt"]]
    extra = [{**lines[SEED], "source_id": COPY}, {**lines[SEED], "source_id": "never_ingested.txt"}]
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in seeds + extra))
    return path


def test_duplicate_resolves_through_quarantine(warehouse: Path) -> None:
    preds = read_predictions(warehouse, [SEED, COPY, "never_ingested.txt"])
    # Whichever file is read first holds the text; the other is its quarantined duplicate.
    assert {preds[SEED].status, preds[COPY].status} == {"article", "duplicate"}
    assert preds[COPY].article_ids == preds[SEED].article_ids
    assert preds[COPY].events == preds[SEED].events and preds[SEED].events
    assert preds["never_ingested.txt"].status == "missing" and preds["never_ingested.txt"].events == ()
    con = connect(warehouse)
    n = con.execute("select count(*) from events where article_id = ?", [preds[SEED].article_ids[0]]).fetchone()[0]
    parties = con.execute("select len(parties) from events where event_id = ?", [preds[SEED].events[0].event_id]).fetchone()[0]
    assert n == len(preds[SEED].events) and parties == len(preds[SEED].events[0].parties)


def test_evaluate_scores_seed_copy_and_missing(warehouse: Path, gold_file: Path) -> None:
    report = evaluate([gold_file], warehouse)
    by_id = {r.source_id: r for r in report.articles}
    assert report.missing == ("never_ingested.txt",)
    assert by_id["never_ingested.txt"].unmatched_gold == tuple(range(4)) and not by_id["never_ingested.txt"].pairs
    # The copy is scored exactly like the article whose text it repeats.
    assert by_id[COPY].pairs == by_id[SEED].pairs and by_id[COPY].pairs
    assert report.metrics.type.gold == sum(len(r.gold_events) for r in report.articles) == 4 * 3 + len(by_id["000_ea3832d8c718430b.txt"].gold_events)
    assert report.metrics.relevance.gold == 4 and report.metrics.relevance.recall == 0.75


def test_cli_prints_table_and_writes_json(warehouse: Path, gold_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "metrics.json"
    result = runner.invoke(app, ["evaluate", str(gold_file), "-w", str(warehouse), "--out", str(out), "--worst", "5"])
    assert result.exit_code == 0, result.output
    for text in ("type F1", "strict F1", "relevance recall", "≥ 0.80", "by event type",
                 "missing: never_ingested.txt", "never_ingested.txt  [missing]"):
        assert text in result.output
    data = json.loads(out.read_text())
    expected = evaluate([gold_file], warehouse)
    assert data["metrics"]["type"]["f1"] == pytest.approx(expected.metrics.type.f1)
    assert data["metrics"]["relevance"] == {"tp": 3, "predicted": 3, "gold": 4, "precision": 1.0, "recall": 0.75,
                                            "f1": pytest.approx(6 / 7)}
    assert data["missing"] == ["never_ingested.txt"]
    assert {t["name"] for t in data["targets"]} >= {"type F1", "strict F1", "party-country F1"}
    seed = next(a for a in data["articles"] if a["source_id"] == SEED)
    assert seed["gold_events"][0]["event_date"] == "2025-06-18" and seed["predicted_events"]


def test_cli_default_json_lands_in_the_warehouse(warehouse: Path, gold_file: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(gold_file), "-w", str(warehouse), "--worst", "0"])
    assert result.exit_code == 0, result.output
    assert json.loads((warehouse / "evaluation.json").read_text())["metrics"]["type"]["gold"] > 0


def test_cli_missing_warehouse_or_bad_gold_exits_1(warehouse: Path, gold_file: Path, tmp_path: Path) -> None:
    no_wh = runner.invoke(app, ["evaluate", str(gold_file), "-w", str(tmp_path / "nowhere")])
    assert no_wh.exit_code == 1 and "no catalog" in no_wh.output
    no_gold = runner.invoke(app, ["evaluate", str(tmp_path / "nope.jsonl"), "-w", str(warehouse)])
    assert no_gold.exit_code == 1 and "nope.jsonl" in no_gold.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source_id": "x", "events": []}\n{oops\n')
    bad_gold = runner.invoke(app, ["evaluate", str(bad), "-w", str(warehouse)])
    assert bad_gold.exit_code == 1 and "bad.jsonl:2" in bad_gold.output


def test_cli_help_has_examples() -> None:
    result = runner.invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0 and "Example" in result.output and "peristiwa evaluate" in result.output
