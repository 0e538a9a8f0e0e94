"""`peristiwa report`: help, the file it writes, and a missing warehouse."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from peristiwa.cli import app
from tests.warehouse.conftest import seeds_warehouse  # noqa: F401

runner = CliRunner()


def test_report_has_help_with_examples() -> None:
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "peristiwa report" in result.output
    assert "report" in runner.invoke(app, ["--help"]).output


def test_report_writes_one_html_file(seeds_warehouse: Path, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "out" / "report.html"
    result = runner.invoke(app, ["report", "-w", str(seeds_warehouse), "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert "report written to" in result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Cooperation network" in text
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]  # no temporary file left


def test_report_warehouse_from_environment(seeds_warehouse: Path, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-o", str(target)], env={"PERISTIWA_WAREHOUSE": str(seeds_warehouse)})
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1_000_000


def test_report_without_a_warehouse_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-w", str(tmp_path / "none"), "--out", str(target)])
    assert result.exit_code == 1
    assert "no catalog" in result.output
    assert not target.exists()
