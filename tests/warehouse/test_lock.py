from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from warehouse.lock import WarehouseBusy, warehouse_lock

HOLD = """
import sys, time
from pathlib import Path
from warehouse.lock import warehouse_lock
with warehouse_lock(Path(sys.argv[1]), "holder-run"):
    print("locked", flush=True)
    time.sleep(60)
"""


def _hold(lock: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(lock)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_run_is_refused_with_who_holds_it(tmp_path: Path) -> None:
    holder = _hold(tmp_path / ".lock")
    try:
        with pytest.raises(WarehouseBusy, match=r"in use by run holder-run \(pid \d+"):
            with warehouse_lock(tmp_path / ".lock", "second"):
                pass
    finally:
        holder.kill()
        holder.wait()


def test_waiting_run_gets_the_lock_when_the_first_ends(tmp_path: Path) -> None:
    holder = _hold(tmp_path / ".lock")
    start = time.monotonic()
    subprocess.Popen(["sh", "-c", f"sleep 1; kill {holder.pid}"])
    with warehouse_lock(tmp_path / ".lock", "patient", timeout=30):
        waited = time.monotonic() - start
    holder.wait()
    assert 0.5 < waited < 30


def test_sigkilled_holder_does_not_leave_the_warehouse_locked(tmp_path: Path) -> None:
    holder = _hold(tmp_path / ".lock")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with warehouse_lock(tmp_path / ".lock", "after-crash", timeout=0):
        pass
