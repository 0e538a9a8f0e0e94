"""The evaluate flow writes evaluation.json and a metrics artifact."""

from __future__ import annotations

import json
from pathlib import Path

from prefect.client.orchestration import get_client

from flows.evaluate import evaluate_warehouse
from flows.ingest import ingest


def test_evaluate_flow_writes_metrics_and_an_artifact(tmp_path: Path, seeds_dir: Path, gold_path: Path) -> None:
    seed_names = {p.name for p in (seeds_dir / "articles").iterdir()}
    gold = tmp_path / "seeds-gold.jsonl"
    gold.write_text("".join(line for line in gold_path.open() if json.loads(line)["source_id"] in seed_names))
    assert gold.read_text().count("\n") == 2
    ingest([str(seeds_dir / "articles")], warehouse=str(tmp_path / "wh"))

    summary = evaluate_warehouse([str(gold)], warehouse=str(tmp_path / "wh"))

    assert set(summary) >= {"type F1", "strict F1", "relevance precision"}
    written = json.loads((tmp_path / "wh" / "evaluation.json").read_text())
    assert written["missing"] == []
    with get_client(sync_client=True) as client:
        artifact = client.read_latest_artifacts()
    assert any(a.key == "evaluation" and "type F1" in (a.data or "") for a in artifact)
