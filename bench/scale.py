"""Benchmark: `peristiwa ingest` on 25k / 256k / 1M articles against the pyarrow-only floor.

    .venv/bin/python bench/scale.py                      # 25k and 256k (1M: --sizes 25k,256k,1m)
    .venv/bin/python bench/scale.py --sizes 25k          # a short run
    .venv/bin/python bench/scale.py --runner dask        # the same on a Dask LocalCluster

For each size it builds (once) a scaled corpus of distinct copies of ../shared/corpus
in --data (bench/corpus.py), then runs the CLI in a fresh process each time:
cold (empty warehouse), a no-op re-run, and a run with 1% new articles in new
files. The fixed start-up (Prefect, imports, catalog) is timed separately by
ingesting an empty folder, and subtracted for the steady-state rate. The floor
reads the same files and writes the same rows to Parquet with json + pyarrow
only, in one process. Peak RSS: the largest single process (os.wait4 rusage of
the child, which covers its reaped workers) and the sum over the process tree
(sampled every 0.2 s). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, SIZES, add_new_files, build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
# The code next to this script (PYTHONPATH), whatever the venv's editable install points at.
ENV = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(ROOT)}


class Measured:
    def __init__(self, wall: float, rss_max: float, rss_tree: float) -> None:
        self.wall, self.rss_max, self.rss_tree = wall, rss_max, rss_tree


def measure(args: list[str]) -> Measured:
    """Wall seconds and peak RSS (MiB) of one command in a fresh child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        try:
            parent = psutil.Process(proc.pid)
            while not done.wait(0.2):
                total = 0
                for p in [parent, *parent.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                peak[0] = max(peak[0], total)
        except psutil.Error:
            return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read()  # drain so the child never blocks on a full pipe
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}):\n{err.decode(errors='replace')[-3000:]}")
    return Measured(wall, usage.ru_maxrss / 1024, peak[0] / 2**20)


def ingest(paths: list[Path], warehouse: Path, runner: str) -> Measured:
    return measure([PYTHON, "-m", "peristiwa", "ingest", *map(str, paths), "-w", str(warehouse),
                    "--runner", runner])


def last_run(warehouse: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from warehouse.catalog import connect

    con = connect(warehouse)
    try:
        cur = con.execute("select articles_landed, quarantined, epoch(finished_at - started_at) as flow_s "
                          "from runs order by started_at desc limit 1")
        return dict(zip([d[0] for d in cur.description], cur.fetchone()))
    finally:
        con.close()


def size_mib(path: Path) -> float:
    """Disk use of a folder, hard links counted once."""
    seen: dict[tuple[int, int], int] = {}
    for f in path.rglob("*"):
        if f.is_file() and not f.is_symlink():
            st = f.stat()
            seen[(st.st_dev, st.st_ino)] = st.st_size
    return sum(seen.values()) / 2**20


def load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def row(size: str, what: str, articles: int | None, m: Measured, steady: str, wh_mib: float | None) -> str:
    rate = f"{articles / m.wall:,.0f}" if articles else "-"
    count = "-" if articles is None else f"{articles:,}"
    return (f"| {size} | {what} | {count} | {m.wall:.1f} | {rate} | {steady} | "
            f"{m.rss_max:,.0f} | {m.rss_tree:,.0f} | {'-' if wh_mib is None else f'{wh_mib:,.0f}'} |")


def steady(articles: int, m: Measured, startup: float) -> str:
    """Articles per second once started: the fixed start-up (an empty run) taken off the wall time."""
    return f"{articles / (m.wall - startup):,.0f}" if articles and m.wall > startup else "-"


HEADER = ("| size | run | articles | wall s | articles/s (wall) | articles/s (excl. start-up) | "
          "peak RSS, largest process MiB | peak RSS, all processes MiB | warehouse MiB |\n"
          "|---|---|---:|---:|---:|---:|---:|---:|---:|")


def bench_size(size: str, data: Path, work: Path, runner: str, startup: float) -> list[str]:
    factor = SIZES[size]
    folder = data / f"x{factor}"
    records = build(factor, folder)
    wh = work / f"wh-{size}"
    shutil.rmtree(wh, ignore_errors=True)
    rows = [f"| {size} | ({records:,} input records; {load()} before) | | | | | | | |"]
    cold = ingest([folder], wh, runner)
    landed = last_run(wh)
    n = landed["articles_landed"]
    rows.append(row(size, f"cold ({landed['flow_s']:.1f} s in the flow)", n, cold, steady(n, cold, startup), size_mib(wh)))
    noop = ingest([folder], wh, runner)
    rows.append(row(size, "no-op re-run", 0, noop, "-", None))
    new = folder / "new-1pct"
    try:
        add_new_files(CORPUS, new, factor)
        more = ingest([folder], wh, runner)
        n = last_run(wh)["articles_landed"]
        rows.append(row(size, "1% new files", n, more, "-", size_mib(wh)))
    finally:
        shutil.rmtree(new, ignore_errors=True)
    floor_out = work / f"floor-{size}"
    shutil.rmtree(floor_out, ignore_errors=True)
    floor = measure([PYTHON, str(Path(__file__).resolve().parent / "floor.py"), str(folder), str(floor_out)])
    written = json.loads((floor_out / "rows.json").read_text())["rows"]
    rows.append(row(size, "floor: json + pyarrow, 1 process", written, floor, "-", size_mib(floor_out)))
    rows.append(f"| {size} | ({load()} after) | | | | | | | |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="25k,256k", help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--data", type=Path, default=Path("/tmp/peristiwa-scaled"), help="where scaled corpora are built")
    parser.add_argument("--work", type=Path, default=Path("/tmp/peristiwa-bench"), help="warehouses and floor output")
    parser.add_argument("--runner", default="local", choices=["local", "dask"])
    opts = parser.parse_args()
    sizes = [s.strip().lower() for s in opts.sizes.split(",") if s.strip()]
    if unknown := [s for s in sizes if s not in SIZES]:
        sys.exit(f"unknown size(s) {', '.join(unknown)}: choose from {', '.join(SIZES)}")
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    opts.work.mkdir(parents=True, exist_ok=True)
    empty = opts.work / "empty"
    empty.mkdir(exist_ok=True)
    shutil.rmtree(opts.work / "wh-empty", ignore_errors=True)
    start = ingest([empty], opts.work / "wh-empty", opts.runner)
    print(f"runner {opts.runner}, {os.cpu_count()} CPUs, {load()}\n")
    print(HEADER)
    print(row("0", "start-up: empty folder, fresh warehouse", None, start, "-", None), flush=True)
    for size in sizes:
        for line in bench_size(size, opts.data, opts.work, opts.runner, start.wall):
            print(line, flush=True)


if __name__ == "__main__":
    main()
