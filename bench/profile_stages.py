"""Where the time goes: the batch stages in one process, under cProfile, without Prefect.

    .venv/bin/python bench/profile_stages.py /tmp/peristiwa-scaled/x1/copy-00/clickid/okezone.jsonl

Prints seconds per stage (read, normalise, extract, validate + stage) and the
top functions by cumulative time within normalise and extract.
"""

from __future__ import annotations

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


def main(paths: list[str], top: int = 25) -> None:
    settings = Settings()
    now = dt.datetime.now(dt.timezone.utc)
    extractor = load_extractor(settings.reference_dir.resolve())
    files = discover(paths).files
    timings: dict[str, float] = {}
    profiler = cProfile.Profile()

    def timed(name: str, fn, *args):
        start = time.perf_counter()
        profiler.enable()
        try:
            return fn(*args)
        finally:
            profiler.disable()
            timings[name] = time.perf_counter() - start

    records, problems = timed("read", read_files, files, FieldMap.load(None), settings.max_file_bytes)
    articles, more = timed("normalise", normalise_records, records, extractor.version, now)
    events, extra = timed("extract", extract_events, articles, extractor)
    with tempfile.TemporaryDirectory() as root:
        run = RunInfo("profile", now, paths, False, extractor.version)
        timed("validate + stage", validate_and_stage.fn, Path(root), run, 1, articles, events, [*problems, *more, *extra])
    total = sum(timings.values())
    print(f"{len(records):,} records, {len(articles):,} articles, {len(events):,} events; "
          f"{len(articles) / total:,.0f} articles/s in one process")
    for name, seconds in timings.items():
        print(f"  {name:<18} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
