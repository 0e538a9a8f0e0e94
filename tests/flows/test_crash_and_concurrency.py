"""A run killed with SIGKILL leaves the warehouse as it was; the next run completes the work.
Two runs on one warehouse: the second refuses (or waits) and nothing is corrupted.

These drive the real CLI in subprocesses, each with its own ephemeral Prefect.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.flows.test_ingest import q, snapshot_of
from tests.support.inbox import write_bulk, write_jsonl
from warehouse.layout import WarehousePaths
from warehouse.lock import warehouse_lock

pytestmark = pytest.mark.slow


def cli(*args: str, home: Path) -> subprocess.Popen:
    env = {**os.environ, "PREFECT_HOME": str(home), "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    # A session of its own, so a SIGKILL can take the run's ephemeral Prefect server down with it.
    return subprocess.Popen([sys.executable, "-m", "peristiwa", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def run_ok(*args: str, home: Path) -> str:
    proc = cli(*args, home=home)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return out


def wait_for(condition: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never became true"
        time.sleep(0.002)


def staging_started(paths: WarehousePaths) -> bool:
    return paths.staging.is_dir() and any(paths.staging.glob("*/batch-*/articles.parquet"))


def landing_started(paths: WarehousePaths) -> bool:
    current = paths.current_snapshot()
    return paths.snapshots.is_dir() and any(p.name != (current.name if current else None) for p in paths.snapshots.iterdir())


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("crash")
    first, second = base / "first", base / "second"
    write_jsonl(first / "ct.jsonl", 0, 20)
    write_bulk(first / "bulk.jsonl", 0, 4000)
    write_bulk(second / "bulk2.jsonl", 4000, 8000)
    write_jsonl(second / "ct2.jsonl", 100, 20)
    return first, second


@pytest.fixture(scope="module")
def clean_result(inbox: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    wh = tmp_path_factory.mktemp("clean") / "wh"
    home = wh.parent / "prefect"
    run_ok("ingest", str(inbox[0]), "-w", str(wh), home=home)
    run_ok("ingest", str(inbox[0]), str(inbox[1]), "-w", str(wh), home=home)
    return snapshot_of(wh)


@pytest.mark.parametrize("moment", [staging_started, landing_started], ids=["while-staging", "while-landing"])
def test_sigkill_then_rerun_equals_a_clean_run(moment: Callable, inbox: tuple[Path, Path], clean_result: dict, tmp_path: Path) -> None:
    wh, home = tmp_path / "wh", tmp_path / "prefect"
    paths = WarehousePaths(wh)
    run_ok("ingest", str(inbox[0]), "-w", str(wh), home=home)
    before = snapshot_of(wh)

    proc = cli("ingest", str(inbox[0]), str(inbox[1]), "-w", str(wh), home=home)
    wait_for(lambda: moment(paths))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()

    assert snapshot_of(wh) == before  # the killed run left no trace in what readers see
    run_ok("ingest", str(inbox[0]), str(inbox[1]), "-w", str(wh), home=home)
    assert snapshot_of(wh) == clean_result
    assert not paths.staging.exists() or not any(paths.staging.iterdir())
    assert q(wh, "select count(*) from runs")[0][0] == 2  # the killed run never committed


def test_a_run_on_a_busy_warehouse_is_refused_clearly_or_waits(inbox: tuple[Path, Path], tmp_path: Path) -> None:
    wh, home = tmp_path / "wh", tmp_path / "prefect"
    with warehouse_lock(WarehousePaths(wh).lock, "other-run"):
        refused = cli("ingest", str(inbox[0]), "-w", str(wh), home=home)
        _, err = refused.communicate(timeout=300)
        assert refused.returncode == 75
        assert "in use by run other-run" in err and "--wait" in err
        waiting = cli("ingest", str(inbox[0]), "-w", str(wh), "--wait", "300", home=home)
        time.sleep(8)
        assert waiting.poll() is None  # still waiting for the lock
    out, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert q(wh, "select count(*) from articles")[0][0] == 4020


def test_two_runs_at_once_do_not_corrupt(inbox: tuple[Path, Path], clean_result: dict, tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    run_ok("ingest", str(inbox[0]), "-w", str(wh), home=tmp_path / "p0")
    both = [cli("ingest", str(inbox[0]), str(inbox[1]), "-w", str(wh), "--wait", "300", home=tmp_path / f"p{i}") for i in (1, 2)]
    outputs = [proc.communicate(timeout=300) for proc in both]
    assert [proc.returncode for proc in both] == [0, 0], outputs
    assert sorted("0 new, 0 changed" in out for out, _ in outputs) == [False, True]  # one did the work, the other found it done
    assert snapshot_of(wh) == clean_result
