"""Task runners for the batch tasks: local worker processes, or a Dask cluster.

``local``: a process pool on this machine (one thread for small inputs).
``dask``: a Dask cluster through prefect-dask, either a ``LocalCluster`` started
for the run (worker processes, on 127.0.0.1 only, no dashboard) or an existing
scheduler given by its address (``tcp://host:8786``). Dask workers write their
staged batches into the warehouse folder themselves, so workers of a remote
cluster must see that folder at the same path (a shared file system).
"""

from __future__ import annotations

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
