"""A local Prefect stack for scheduled runs: server, work pool, deployments, worker.

``LocalStack`` starts, in order, a Prefect server on 127.0.0.1 (SQLite in a
state folder, telemetry off), the ``peristiwa`` process work pool, the
deployments of ``prefect.yaml``, and a worker; ``stop`` ends them in reverse
order, each with its whole process group, so nothing is left running. With
``PREFECT_API_URL`` already set, the existing server is used and none started.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from peristiwa.config import PROJECT_ROOT

POOL = "peristiwa"
PREFECT = [sys.executable, "-m", "prefect"]


class StackError(RuntimeError):
    """A step of bringing the stack up failed; the message says which and why."""


@dataclass
class LocalStack:
    state: Path
    inbox: Path
    warehouse: Path
    port: int = 4200
    api_url: str | None = None  # an existing server: start none
    gold: Path = PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl"  # for the evaluate deployment
    log: Callable[[str], None] = print
    processes: list[tuple[str, subprocess.Popen]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.api_url or f"http://127.0.0.1:{self.port}/api"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PREFECT_HOME": str(self.state),
            "PREFECT_API_URL": self.url,
            "PREFECT_SERVER_API_HOST": "127.0.0.1",
            "PREFECT_SERVER_API_PORT": str(self.port),
            "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{self.state / 'prefect.db'}",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PERISTIWA_PROJECT_DIR": str(PROJECT_ROOT),
            "PERISTIWA_INBOX": str(self.inbox),
            "PERISTIWA_WAREHOUSE": str(self.warehouse),
            "PERISTIWA_GOLD": str(self.gold),
        }

    def _spawn(self, name: str, args: list[str], log_name: str) -> subprocess.Popen:
        log = open(self.state / log_name, "ab")  # noqa: SIM115 (lives as long as the process)
        proc = subprocess.Popen(args, env=self.env(), cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.processes.append((name, proc))
        return proc

    def _prefect(self, *args: str, timeout: float = 180) -> str:
        done = subprocess.run([*PREFECT, *args], env=self.env(), cwd=PROJECT_ROOT, capture_output=True, text=True,
                              timeout=timeout)
        if done.returncode != 0:
            raise StackError(f"`prefect {' '.join(args)}` failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        return done.stdout

    def _wait_healthy(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        server = self.processes[-1][1] if self.processes else None
        while time.monotonic() < deadline:
            if server is not None and server.poll() is not None:
                raise StackError(f"the Prefect server exited (code {server.returncode}); see {self.state / 'server.log'}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise StackError(f"the Prefect server did not answer at {self.url} within {timeout:.0f}s")

    def start(self) -> None:
        self.state.mkdir(parents=True, exist_ok=True)
        self.inbox.mkdir(parents=True, exist_ok=True)
        if self.api_url is None:
            self.log(f"starting Prefect server on 127.0.0.1:{self.port} (state in {self.state})")
            self._spawn("server", [*PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(self.port)],
                        "server.log")
        self._wait_healthy()
        self.log(f"work pool {POOL!r}")
        self._prefect("work-pool", "create", POOL, "--type", "process", "--overwrite")
        self.log("deploying prefect.yaml")
        self._prefect("--no-prompt", "deploy", "--all", "--prefect-file", str(PROJECT_ROOT / "prefect.yaml"))
        self.log("starting worker")
        self._spawn("worker", [*PREFECT, "worker", "start", "--pool", POOL, "--type", "process"], "worker.log")

    def trigger(self, deployment: str = "ingest/ingest") -> str:
        """Start a run of a deployment now; returns its UI address."""
        out = self._prefect("deployment", "run", deployment)
        urls = [word for word in out.split() if word.startswith("http")]
        return urls[-1] if urls else out.strip()

    def ui(self) -> str:
        return self.url.removesuffix("/api")

    def stop(self, timeout: float = 30) -> None:
        """Stop what was started, last first: worker (and its flow runs), then server."""
        for name, proc in reversed(self.processes):
            if proc.poll() is None:
                self.log(f"stopping {name}")
                _signal_group(proc, signal.SIGINT)
                try:
                    proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    _signal_group(proc, signal.SIGKILL)
                    proc.wait()
            _signal_group(proc, signal.SIGKILL)  # stragglers in its group (flow-run subprocesses)
        self.processes.clear()


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


