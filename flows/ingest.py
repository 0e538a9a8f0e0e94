"""The ingest flow: discover -> read -> normalise -> extract -> validate -> land -> refresh catalog.

Runs in Prefect's ephemeral mode by default (no server to start). An ``s3://``
warehouse runs against its local working copy: pulled before, published after
(warehouse/remote.py).
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import TaskRunner
from prefect.utilities.annotations import quote

from flows import progress
from flows.artifacts import publish
from flows.runners import api_shared_with_workers, batch_runner, check_runner
from flows.summary import RunSummary
from flows.tasks import (
    Batch, discover_files, land_run, load_extractor, plan_changes, process_batch, read_batch, validate_and_stage,
)
from peristiwa.config import Settings
from peristiwa.model import FileRef
from peristiwa.pipeline import chunks, file_groups
from peristiwa.reading import FieldMap
from warehouse.catalog import refresh_catalog
from warehouse.landing import RunInfo
from warehouse.layout import WarehousePaths
from warehouse.lock import warehouse_lock
from warehouse.remote import RemoteWarehouse, is_remote, open_remote
from warehouse.snapshot import collect_garbage

READ_BYTES_PER_TASK = 32 * 1024 * 1024


def new_run_id(now: dt.datetime) -> str:
    """Sortable and unique: UTC start time plus a random suffix."""
    return now.strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)


@task(name="refresh-catalog", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def refresh_catalog_task(root: Path) -> Path:
    return refresh_catalog(root)


@task(name="publish-snapshot", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def publish_snapshot(remote: RemoteWarehouse, run_id: str, previous: str | None) -> None:
    """Upload the new snapshot and commit it remotely (the pointer is written last); safe to retry."""
    remote.push(run_id, previous, get_run_logger().info)


def working_copy(settings: Settings) -> tuple[Path, RemoteWarehouse | None]:
    """The local folder the run works in: the warehouse itself, or an ``s3://`` warehouse's cache."""
    if is_remote(settings.warehouse):
        remote = open_remote(str(settings.warehouse), settings.cache_dir, settings.s3_endpoint, settings.s3_region)
        return remote.cache, remote
    return Path(settings.warehouse).resolve(), None


def process_inputs(pool: TaskRunner, files: list[FileRef], root: Path, run: RunInfo, settings: Settings,
                   field_map: FieldMap) -> None:
    """Read files by groups, then normalise, extract, validate and stage them batch by batch on the pool."""
    progress.watcher.stage("reading and extracting", sum(f.size for f in files))
    pending: list = []
    index = 0
    for group in file_groups(files, READ_BYTES_PER_TASK):
        # quote(): batches are large; Prefect must not walk them looking for futures.
        records, problems = read_batch(quote(group), field_map, settings.max_file_bytes)
        group_bytes = sum(f.size for f in group)
        for chunk in chunks(records, settings.batch_size) if records else [[]]:
            index += 1
            pending.append(pool.submit(process_batch, {
                "root": root, "run": run, "index": index, "batch": Batch(list(chunk), problems),
                "reference_dir": settings.reference_dir.resolve()}))
            problems = []
            while len(pending) > 2 * settings.workers:  # bound what is held in memory
                pending.pop(0).result()
            progress.watcher.advance(group_bytes * len(chunk) // max(len(records), 1))
    for future in pending:
        future.result()


@flow(name="ingest", log_prints=True)
def ingest(
    paths: list[str],
    warehouse: str | None = None,
    full_refresh: bool = False,
    field_map: str | None = None,
    lock_timeout: float | None = None,
    workers: int | None = None,
    runner: str = "local",
    dask_address: str | None = None,
) -> RunSummary:
    """Ingest article files and folders into the warehouse, incrementally and atomically.

    Arguments left as None come from the settings (``PERISTIWA_*`` variables, then defaults).
    ``runner``: ``local`` (worker processes here) or ``dask`` (a Dask cluster: a LocalCluster
    on loopback, or the scheduler at ``dask_address``); the output is the same.
    """
    check_runner(runner, dask_address)
    reachable = [p for p in paths if Path(p).exists()]
    if not reachable:  # nothing to read at all: a mistake or an unmounted inbox, not bad input
        raise FileNotFoundError(f"none of the input paths exists: {', '.join(map(str, paths)) or '(none given)'}; "
                                "the warehouse was not touched")
    overrides = {"warehouse": warehouse, "field_map": field_map, "lock_timeout": lock_timeout, "workers": workers}
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    root, remote = working_copy(settings)
    logger = get_run_logger()
    started = dt.datetime.now(dt.timezone.utc)
    extractor = load_extractor(settings.reference_dir.resolve())
    run = RunInfo(new_run_id(started), started, [str(p) for p in paths], full_refresh, extractor.version)
    fields = FieldMap.load(settings.field_map)
    where = remote.location.url if remote else root  # what the user named, for logs and the summary
    logger.info("run %s: %s into %s", run.run_id, ", ".join(run.inputs), where)

    with warehouse_lock(WarehousePaths(root).lock, run.run_id, settings.lock_timeout):
        committed = remote.pull(settings.keep_snapshots, logger.info) if remote else None
        collect_garbage(WarehousePaths(root), settings.keep_snapshots, logger.info)
        found = discover_files(run.inputs)
        plan = plan_changes(root, quote(found.files), full_refresh)
        logger.info("%d files: %d new, %d changed, %d unchanged", plan.seen, len(plan.new), len(plan.changed), len(plan.skipped))
        validate_and_stage(root, run, 0, [], [], quote(found.problems))
        with api_shared_with_workers(), batch_runner(settings, sum(f.size for f in plan.to_read), runner, dask_address) as pool:
            process_inputs(pool, plan.to_read, root, run, settings, fields)
        landed = land_run(root, run, quote(found.files), quote(plan))
        if remote:
            publish_snapshot(quote(remote), run.run_id, committed)
        refresh_catalog_task(root)

    summary = RunSummary.of(run, plan, landed, where, dt.datetime.now(dt.timezone.utc))
    logger.info(summary.sentence())
    publish(summary)
    return summary
