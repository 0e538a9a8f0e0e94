"""The evaluate flow: score the warehouse against gold files; metrics become a Prefect artifact."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact

from flows.ingest import working_copy
from peristiwa.config import Settings
from peristiwa.evaluate import Report, evaluate
from peristiwa.evaluate.render import to_json


def metrics_markdown(report: Report) -> str:
    lines = ["# Evaluation", "", "| metric | value | target | met |", "|---|---|---|---|"]
    for target in report.targets:
        value = "n/a" if target.value is None else f"{target.value:.3f}"
        lines.append(f"| {target.name} | {value} | ≥ {target.target:.2f} | {'yes' if target.met else 'no'} |")
    if report.missing:
        lines += ["", f"Gold articles not in the warehouse: {', '.join(report.missing)}"]
    return "\n".join(lines)


@flow(name="evaluate")
def evaluate_warehouse(gold: list[str], warehouse: str | None = None) -> dict[str, object]:
    """Score the warehouse's events for the gold articles; write evaluation.json and an artifact."""
    settings = Settings(**({"warehouse": warehouse} if warehouse else {}))
    root, remote = working_copy(settings)
    report = evaluate([Path(g) for g in gold], remote.location.url if remote else root)
    root.mkdir(parents=True, exist_ok=True)  # an s3:// warehouse: beside its local working copy
    (root / "evaluation.json").write_text(to_json(report) + "\n", encoding="utf-8")
    create_markdown_artifact(metrics_markdown(report), key="evaluation", description=f"evaluation of {root}")
    summary = {t.name: t.value for t in report.targets}
    get_run_logger().info("evaluation of %s: %s", root, ", ".join(f"{k} {v if v is None else round(v, 3)}" for k, v in summary.items()))
    return summary
