"""Prefect tasks: each wraps one batch-level step of the pipeline.

Tasks take whole batches (thousands of articles), never one article. Results
stay in memory (NO_CACHE: hashing large inputs for a cache key would cost more
than the work). I/O tasks retry; extraction is deterministic and does not.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import progress
from peristiwa.extract import default_extractor
from peristiwa.extract.base import Extractor
from peristiwa.model import Article, Event, FileRef, Problem, RawRecord
from peristiwa.pipeline import extract_events, normalise_records, read_files
from peristiwa.reading import Discovery, FieldMap, discover
from schemas import Articles, EventParties, Events, Quarantine
from schemas.frames import articles_frame, events_frame, parties_frame, quarantine_frame, to_arrow, validate
from warehouse.landing import LandResult, RunInfo, land, stage_batch
from warehouse.layout import WarehousePaths
from warehouse.manifest import FilePlan, plan_files, read_manifest

IO_RETRIES = {"retries": 2, "retry_delay_seconds": [1, 5]}


class Batch:
    """A batch's records and read problems, as one opaque parameter.

    Neither Prefect nor Dask walks into it looking for futures (they walk lists,
    tuples and dataclasses; Dask also rebuilds namedtuples such as Prefect's
    ``quote`` wrongly), so a large batch costs one pickle on its way to a worker.
    """

    __slots__ = ("records", "problems")

    def __init__(self, records: list[RawRecord], problems: list[Problem]) -> None:
        self.records = records
        self.problems = problems


@cache
def load_extractor(reference_dir: Path) -> Extractor:
    """Reference data is loaded once per process and run."""
    return default_extractor(reference_dir)


@task(name="discover", cache_policy=NO_CACHE, **IO_RETRIES)
def discover_files(paths: list[str]) -> Discovery:
    return discover(paths)


@task(name="plan", cache_policy=NO_CACHE, **IO_RETRIES)
def plan_changes(root: Path, files: list[FileRef], full_refresh: bool) -> FilePlan:
    base = None if full_refresh else WarehousePaths(root).current_snapshot()
    return plan_files(files, read_manifest(base), full_refresh)


@task(name="read", cache_policy=NO_CACHE, **IO_RETRIES)
def read_batch(files: list[FileRef], field_map: FieldMap, max_bytes: int) -> tuple[list[RawRecord], list[Problem]]:
    return read_files(files, field_map, max_bytes)


@task(name="validate-and-stage", cache_policy=NO_CACHE, **IO_RETRIES)
def validate_and_stage(
    root: Path, run: RunInfo, index: int, articles: list[Article], events: list[Event], problems: list[Problem]
) -> int:
    """Validate a batch against the models; failing rows join the quarantine. Returns rows staged."""
    problems = list(problems)
    checked = validate(Articles, articles_frame(articles))
    for label, reason in checked.failures.items():
        a = articles[label]
        problems.append(Problem(a.source_path, a.record_index, "validate", "articles_schema", reason, a.source_id))
    valid_ids = set(checked.valid[Articles.article_id])
    by_id = {a.article_id: a for a in articles}
    kept_events = [e for e in events if e.article_id in valid_ids]
    checked_events = validate(Events, events_frame(kept_events))
    for label, reason in checked_events.failures.items():
        a = by_id[kept_events[label].article_id]
        problems.append(Problem(a.source_path, a.record_index, "validate", "events_schema",
                                f"event {kept_events[label].event_id}: {reason}", a.source_id, article_id=a.article_id))
    parties = validate(EventParties, parties_frame(checked_events.valid)).valid
    quarantine = Quarantine.validate(quarantine_frame(problems, run.run_id, run.started_at))
    stage_batch(WarehousePaths(root), run.run_id, index, {
        "articles": to_arrow(Articles, checked.valid),
        "events": to_arrow(Events, checked_events.valid),
        "event_parties": to_arrow(EventParties, parties),
        "quarantine": to_arrow(Quarantine, quarantine),
    })
    return len(checked.valid)


@task(name="normalise-extract-validate", cache_policy=NO_CACHE)
def process_batch(root: Path, run: RunInfo, index: int, batch: Batch, reference_dir: Path) -> int:
    """One batch through the pure stages, then staged: normalise -> extract -> validate.

    Fused into one task so a batch crosses to a worker process once (the flow
    runs these in a process pool); the stages stay separate functions. Returns
    the articles staged.
    """
    articles, normalise_problems = normalise_records(batch.records, run.extractor_version, run.started_at)
    events, extract_problems = extract_events(articles, load_extractor(reference_dir))
    problems = [*batch.problems, *normalise_problems, *extract_problems]
    return validate_and_stage.fn(root, run, index, articles, events, problems)


@task(name="land", cache_policy=NO_CACHE)  # no retry: it commits; a failed land is redone by the next run
def land_run(root: Path, run: RunInfo, files: list[FileRef], plan: FilePlan) -> LandResult:
    progress.watcher.stage("landing", None)
    return land(WarehousePaths(root), run, files, plan)
