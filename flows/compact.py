"""The compact flow: merge small Parquet files into few large ones, atomically, rows unchanged."""

from __future__ import annotations

from prefect import flow, get_run_logger

from flows.ingest import working_copy
from peristiwa.config import Settings
from warehouse.catalog import refresh_catalog
from warehouse.compact import CompactResult, compact
from warehouse.layout import WarehousePaths
from warehouse.lock import warehouse_lock
from warehouse.snapshot import collect_garbage


@flow(name="compact")
def compact_warehouse(warehouse: str | None = None, lock_timeout: float | None = None) -> CompactResult:
    """Merge each partition's files of the committed snapshot into one; refresh the catalog."""
    overrides = {"warehouse": warehouse, "lock_timeout": lock_timeout}
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    root, remote = working_copy(settings)
    paths = WarehousePaths(root)
    logger = get_run_logger()
    with warehouse_lock(paths.lock, "compact", settings.lock_timeout):
        committed = remote.pull(settings.keep_snapshots, logger.info) if remote else None
        collect_garbage(paths, settings.keep_snapshots, logger.info)
        result = compact(paths)
        if result.snapshot:
            if remote:  # committed remotely like a run: the pointer is written last
                remote.push(result.snapshot, committed, logger.info)
            refresh_catalog(paths.root)
    where = remote.location.url if remote else paths.root
    logger.info("compacted %s: %d files -> %d", where, result.files_before, result.files_after)
    return result
