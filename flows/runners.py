"""Task runners for the batch tasks: local worker processes, or a Dask cluster.

``local``: a process pool on this machine (one thread for small inputs).
``dask``: a Dask cluster through prefect-dask, either a ``LocalCluster`` started
for the run (worker processes, on 127.0.0.1 only, no dashboard) or an existing
scheduler given by its address (``tcp://host:8786``). Dask workers write their
staged batches into the warehouse folder themselves, so workers of a remote
cluster must see that folder at the same path (a shared file system).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from peristiwa.config import Settings

RUNNERS = ("local", "dask")


def check_runner(runner: str, dask_address: str | None) -> None:
    """Reject a bad choice before anything starts."""
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")
    if dask_address and runner != "dask":
        raise ValueError("a Dask scheduler address needs runner 'dask'")


def local_cluster_kwargs(workers: int) -> dict:
    """A LocalCluster of single-threaded worker processes on loopback, without a dashboard."""
    return {
        "n_workers": workers,
        "threads_per_worker": 1,  # the batch work is Python-bound: one process per core
        "processes": True,
        "host": "127.0.0.1",
        "dashboard_address": None,
    }


def dask_runner(workers: int, address: str | None = None) -> TaskRunner:
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs=local_cluster_kwargs(workers))


def batch_runner(settings: Settings, input_bytes: int, runner: str = "local", dask_address: str | None = None) -> TaskRunner:
    """Worker processes for Python-bound batch work; one thread for small local inputs."""
    check_runner(runner, dask_address)
    if runner == "dask":
        return dask_runner(settings.workers, dask_address)
    if settings.workers > 1 and input_bytes >= settings.parallel_from_bytes:
        return ProcessPoolTaskRunner(max_workers=settings.workers)
    return ThreadPoolTaskRunner(max_workers=1)


@contextmanager
def api_shared_with_workers() -> Iterator[str | None]:
    """Worker processes talk to this run's Prefect API instead of starting their own.

    In ephemeral mode the API URL lives only in this process, so each worker
    process (pool or Dask) would start another temporary server: ~200 MiB and
    seconds of start-up each, and a timeout on a busy machine. While the pool
    runs, the URL is in the environment the workers inherit.
    """
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value() or "PREFECT_API_URL" in os.environ:
        yield PREFECT_API_URL.value() or os.environ["PREFECT_API_URL"]
        return
    server = SubprocessASGIServer()  # the process-wide singleton this run's client started
    if not server.running:
        yield None
        return
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield server.api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
