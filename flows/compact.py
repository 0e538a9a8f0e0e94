"""The compact flow: merge small Parquet files into few large ones, atomically, rows unchanged."""

from __future__ import annotations

from prefect import flow, get_run_logger

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
    paths = WarehousePaths(settings.warehouse.resolve())
    logger = get_run_logger()
    with warehouse_lock(paths.lock, "compact", settings.lock_timeout):
        collect_garbage(paths, settings.keep_snapshots, logger.info)
        result = compact(paths)
        if result.snapshot:
            refresh_catalog(paths.root)
    logger.info("compacted %s: %d files -> %d", paths.root, result.files_before, result.files_after)
    return result
