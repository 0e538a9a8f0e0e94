"""Benchmark: `peristiwa ingest` over the real corpus, cold and re-run.

Usage:
    .venv/bin/python bench/ingest_corpus.py [--corpus ../shared/corpus] [--warehouse /tmp/peristiwa-bench]

Runs the CLI as a user would (a fresh process, ephemeral Prefect), reports
wall time, articles/s and peak RSS of each run, and the warehouse size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one CLI run in a child process."""
    env = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    start = time.perf_counter()
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "peristiwa"), *args], env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak RSS, not all children's
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"peristiwa {' '.join(args)} failed")
    return seconds, usage.ru_maxrss / 1024


def count(warehouse: Path, sql: str) -> int:
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "peristiwa"), "sql", "-w", str(warehouse), "-f", "json", sql],
                         check=True, capture_output=True, text=True).stdout
    return next(iter(json.loads(out.splitlines()[0]).values()))


def size_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--warehouse", type=Path, default=Path("/tmp/peristiwa-bench"))
    opts = parser.parse_args()
    if not opts.corpus.is_dir():
        sys.exit(f"corpus not found: {opts.corpus}")
    shutil.rmtree(opts.warehouse, ignore_errors=True)
    cold, cold_rss = run(["ingest", str(opts.corpus), "-w", str(opts.warehouse)])
    articles = count(opts.warehouse, "select count(*) from articles")
    flow_seconds = count(opts.warehouse, "select epoch(finished_at - started_at) from runs order by started_at limit 1")
    rerun, rerun_rss = run(["ingest", str(opts.corpus), "-w", str(opts.warehouse)])
    print(f"| cold run | {cold:.1f} s wall ({flow_seconds:.1f} s in the flow) | {articles / cold:,.0f} articles/s wall, "
          f"{articles / flow_seconds:,.0f} in the flow | {cold_rss:,.0f} MiB |")
    print(f"| no-op re-run | {rerun:.1f} s wall | - | {rerun_rss:,.0f} MiB |")
    print(f"articles: {articles:,}; warehouse size: {size_mib(opts.warehouse):.1f} MiB")


if __name__ == "__main__":
    main()
