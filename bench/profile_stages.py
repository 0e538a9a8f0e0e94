"""Where the time goes: the batch stages in one process, under cProfile, without Prefect.

    .venv/bin/python bench/profile_stages.py /tmp/peristiwa-scaled/x1/copy-00/clickid/okezone.jsonl
    .venv/bin/python bench/profile_stages.py ../shared/corpus --no-profile --repeat 3

Prints seconds and ms per article for each stage (read, normalise, extract,
validate + stage) and the top functions by internal time. cProfile inflates
pure-Python code far more than numpy or Arrow calls, so compare stage times
with ``--no-profile``; ``--repeat`` keeps the fastest of several runs (the
machine is shared and timings are noisy).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.tasks import load_extractor, validate_and_stage  # noqa: E402
from peristiwa.config import Settings  # noqa: E402
from peristiwa.pipeline import extract_events, normalise_records, read_files  # noqa: E402
from peristiwa.reading import FieldMap, discover  # noqa: E402
from warehouse.landing import RunInfo  # noqa: E402


def main(paths: list[str], top: int = 25, profile: bool = True, repeat: int = 1) -> None:
    settings = Settings()
    now = dt.datetime.now(dt.timezone.utc)
    extractor = load_extractor(settings.reference_dir.resolve())
    files = discover(paths).files
    timings: dict[str, float] = {}
    profiler = cProfile.Profile()

    def timed(name: str, fn, *args):
        start = time.perf_counter()
        if profile:
            profiler.enable()
        try:
            return fn(*args)
        finally:
            if profile:
                profiler.disable()
            timings[name] = min(timings.get(name, float("inf")), time.perf_counter() - start)

    for _ in range(repeat):
        records, problems = timed("read", read_files, files, FieldMap.load(None), settings.max_file_bytes)
        articles, more = timed("normalise", normalise_records, records, extractor.version, now)
        events, extra = timed("extract", extract_events, articles, extractor)
        with tempfile.TemporaryDirectory() as root:
            run = RunInfo("profile", now, paths, False, extractor.version)
            timed("validate + stage", validate_and_stage.fn, Path(root), run, 1, articles, events, [*problems, *more, *extra])
    total = sum(timings.values())
    print(f"{len(records):,} records, {len(articles):,} articles, {len(events):,} events; "
          f"{len(articles) / total:,.0f} articles/s in one process" + (" (under cProfile)" if profile else ""))
    for name, seconds in timings.items():
        print(f"  {name:<18} {seconds:7.2f} s  {1000 * seconds / max(len(records), 1):7.3f} ms/record  {100 * seconds / total:5.1f} %")
    if profile:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="files or folders to read")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    parser.add_argument("--no-profile", dest="profile", action="store_false", help="time the stages without cProfile")
    parser.add_argument("--repeat", type=int, default=1, help="run the stages this many times, keep each stage's fastest")
    args = parser.parse_args()
    main(args.paths, args.top, args.profile, args.repeat)
