"""The CLI: help with examples, exit codes, SQL from argument or stdin, status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peristiwa.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Path:
    wh = tmp_path_factory.mktemp("cli") / "wh"
    result = runner.invoke(app, ["ingest", str(Path(__file__).parents[2] / "seeds" / "articles"), "--warehouse", str(wh)])
    assert result.exit_code == 0, result.output
    assert "articles landed" in result.output
    return wh


@pytest.mark.parametrize("command", ["ingest", "sql", "views", "status", "serve"])
def test_every_command_has_help_with_examples(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"peristiwa {command}" in result.output


def test_top_level_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "sql", "views", "status"):
        assert command in result.output


def test_sql_from_argument_as_json(warehouse: Path) -> None:
    result = runner.invoke(app, ["sql", "-w", str(warehouse), "-f", "json", "select count(*) as n from articles"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[0])["n"] >= 11


def test_sql_from_stdin_as_csv(warehouse: Path) -> None:
    result = runner.invoke(app, ["sql", "-w", str(warehouse), "-f", "csv"], input="select event_type from events where event_type = 'meeting' limit 1\n")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["event_type", "meeting"]


def test_sql_error_is_reported_not_raised(warehouse: Path) -> None:
    result = runner.invoke(app, ["sql", "-w", str(warehouse), "select * from no_such_view"])
    assert result.exit_code == 1
    assert "SQL error" in result.output


def test_warehouse_from_environment(warehouse: Path) -> None:
    result = runner.invoke(app, ["status"], env={"PERISTIWA_WAREHOUSE": str(warehouse)})
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and "events by type" in result.output


def test_missing_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "-w", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "no catalog" in result.output and "peristiwa ingest" in result.output


def test_ingest_rerun_exit_zero_and_says_nothing_new(warehouse: Path, seeds_dir: Path) -> None:
    result = runner.invoke(app, ["ingest", str(seeds_dir / "articles"), "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "0 new, 0 changed" in result.output


def test_bad_field_map_is_a_clear_error(warehouse: Path, seeds_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "map.json"
    bad.write_text('{"body": "not_a_field"}')
    result = runner.invoke(app, ["ingest", str(seeds_dir / "articles"), "-w", str(warehouse), "--field-map", str(bad)])
    assert result.exit_code == 1
    assert "not_a_field" in result.output


@pytest.mark.parametrize("args", [["--runner", "ray"], ["--dask-address", "tcp://127.0.0.1:8786"]])
def test_bad_runner_choice_is_a_usage_error(seeds_dir: Path, tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["ingest", str(seeds_dir / "articles"), "-w", str(tmp_path / "wh"), *args])
    assert result.exit_code == 2
    assert not (tmp_path / "wh").exists()
