"""One run per warehouse at a time.

An OS-level lock (``flock`` through filelock): the kernel releases it when the
holder dies, SIGKILL included, so a crashed run never leaves the warehouse
locked. The holder writes who it is beside the lock for the error message.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


@contextmanager
def warehouse_lock(lock_path: Path, run_id: str, timeout: float = 0.0) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    info_path = lock_path.with_name(lock_path.name + ".holder")
    lock = FileLock(lock_path, timeout=timeout, blocking=True, thread_local=False)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        try:
            holder = json.loads(info_path.read_text())
            who = f"run {holder['run_id']} (pid {holder['pid']} on {holder['host']})"
        except (OSError, ValueError, KeyError):
            who = "another run"
        raise WarehouseBusy(
            f"warehouse {lock_path.parent} is in use by {who}; "
            f"try again when it finishes, or pass --wait SECONDS to wait for it"
        ) from None
    try:
        info_path.write_text(json.dumps({"run_id": run_id, "pid": os.getpid(), "host": socket.gethostname()}))
        yield
    finally:
        lock.release()
