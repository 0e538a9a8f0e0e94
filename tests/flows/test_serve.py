"""`peristiwa serve` for real: server, deployments, worker, triggered runs, artifacts, clean stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows.serve import free_port
from tests.flows.test_ingest import q
from tests.support.inbox import write_jsonl

pytestmark = pytest.mark.slow


def api(url: str, path: str, body: dict) -> list[dict]:
    request = urllib.request.Request(f"{url}{path}", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def completed_ingest_runs(url: str) -> list[dict]:
    runs = api(url, "/flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": ["COMPLETED", "FAILED", "CRASHED"]}}}})
    failed = [r for r in runs if r["state_type"] != "COMPLETED"]
    assert not failed, f"flow run failed: {failed[0]['state_name']}"
    return runs


def wait_for_runs(url: str, count: int, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while len(completed_ingest_runs(url)) < count:
        assert time.monotonic() < deadline, f"fewer than {count} completed runs after {timeout}s"
        time.sleep(1)


def processes_with_home(state: Path) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if f"PREFECT_HOME={state}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_serve_runs_deployments_publishes_artifacts_and_stops_cleanly(tmp_path: Path) -> None:
    port, state, inbox, wh = free_port(), tmp_path / "state", tmp_path / "inbox", tmp_path / "wh"
    write_jsonl(inbox / "first.jsonl", 0, 6)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(state), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    serve = subprocess.Popen(
        [sys.executable, "-m", "peristiwa", "serve", "--inbox", str(inbox), "--warehouse", str(wh),
         "--port", str(port), "--state", str(state)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        lines = []
        for line in serve.stdout:  # wait for the stack to be up
            lines.append(line)
            if "Prefect UI" in line:
                break
        assert serve.poll() is None, "".join(lines)

        wait_for_runs(url, 1)  # the run serve triggers at start
        assert q(wh, "select count(*) from articles")[0][0] == 6
        deployments = {d["name"] for d in api(url, "/deployments/filter", {})}
        assert {"ingest", "full-refresh", "compact", "evaluate"} <= deployments
        artifacts = api(url, "/artifacts/filter", {"artifacts": {"key": {"any_": ["ingest-summary", "ingest-events-by-type-country"]}}})
        assert {a["key"] for a in artifacts} == {"ingest-summary", "ingest-events-by-type-country"}
        assert any("articles" in (a.get("data") or "") for a in artifacts if a["type"] == "markdown")

        write_jsonl(inbox / "second.jsonl", 100, 2)
        trigger_env = {**env, "PREFECT_API_URL": url}
        subprocess.run([sys.executable, "-m", "prefect", "deployment", "run", "ingest/ingest"], env=trigger_env,
                       check=True, capture_output=True, timeout=120)
        wait_for_runs(url, 2)
        last = q(wh, "select files_new, files_skipped, articles_landed from runs order by started_at desc limit 1")[0]
        assert last == (1, 1, 2)  # only the new file was read

        # With PREFECT_API_URL set, serve uses that server: it starts none and stops none.
        second = subprocess.Popen(
            [sys.executable, "-m", "peristiwa", "serve", "--inbox", str(inbox), "--warehouse", str(wh),
             "--state", str(tmp_path / "state2")],
            env={**env, "PREFECT_API_URL": url, "PREFECT_HOME": str(tmp_path / "state2")},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        said = []
        for line in second.stdout:
            said.append(line)
            if "Prefect UI" in line:
                break
        second.send_signal(signal.SIGTERM)
        said.append(second.communicate(timeout=120)[0])
        assert second.returncode == 0, "".join(said)
        assert "starting Prefect server" not in "".join(said) and "stopping server" not in "".join(said)
        with urllib.request.urlopen(f"{url}/health", timeout=10) as health:  # the first server is still up
            assert health.status == 200
    finally:
        serve.send_signal(signal.SIGTERM)
        rest, _ = serve.communicate(timeout=120)
    assert serve.returncode == 0, rest
    assert "stopped" in rest
    time.sleep(1)
    assert processes_with_home(state) == []
    assert processes_with_home(tmp_path / "state2") == []
