"""--runner dask: the same flow on a 2-worker Dask LocalCluster lands the same rows as the local runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest import ingest
from flows.runners import batch_runner, local_cluster_kwargs
from peristiwa.config import Settings
from tests.flows.test_ingest import snapshot_of
from tests.support.inbox import article_text, write_bulk, write_jsonl, write_txt


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    write_jsonl(folder / "a.jsonl", 0, 40)
    write_jsonl(folder / "sub" / "b.jsonl.gz", 40, 30, gz=True)
    write_jsonl(folder / "sub" / "dupes.jsonl", 0, 5)  # duplicates across batches and files
    write_bulk(folder / "bulk.jsonl", 0, 120)
    write_txt(folder / "c.txt", "Judul artikel", article_text(99))
    (folder / "broken.json").write_text('{"title": "cut off', encoding="utf-8")
    return folder


def test_local_cluster_is_loopback_processes_without_dashboard() -> None:
    kwargs = local_cluster_kwargs(2)
    assert kwargs["host"] == "127.0.0.1" and kwargs["dashboard_address"] is None
    assert (kwargs["n_workers"], kwargs["threads_per_worker"], kwargs["processes"]) == (2, 1, True)
    runner = batch_runner(Settings(workers=2), 0, "dask")
    assert type(runner).__name__ == "DaskTaskRunner" and runner.cluster_kwargs == kwargs
    assert batch_runner(Settings(), 0, "dask", "tcp://127.0.0.1:8786").address == "tcp://127.0.0.1:8786"


def test_unknown_runner_is_refused_before_the_warehouse_is_touched(tmp_path: Path, inbox: Path) -> None:
    with pytest.raises(ValueError, match="unknown runner"):
        ingest([str(inbox)], warehouse=str(tmp_path / "wh"), runner="ray")
    assert not (tmp_path / "wh").exists()


@pytest.mark.slow
def test_dask_runner_lands_the_same_rows_as_the_local_runner(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PERISTIWA_BATCH_SIZE", "25")  # several batches, spread over both workers
    local = ingest([str(inbox)], warehouse=str(tmp_path / "local"), workers=2)
    on_dask = ingest([str(inbox)], warehouse=str(tmp_path / "dask"), workers=2, runner="dask")
    assert local.articles_landed == on_dask.articles_landed == 191
    assert (on_dask.duplicates, on_dask.quarantined) == (local.duplicates, local.quarantined)
    assert on_dask.quarantined > local.duplicates > 0
    assert snapshot_of(tmp_path / "dask") == snapshot_of(tmp_path / "local")
    # An incremental run on the cluster finds nothing to do, as locally.
    again = ingest([str(inbox)], warehouse=str(tmp_path / "dask"), workers=2, runner="dask")
    assert (again.files_new, again.articles_landed) == (0, 0)
    assert snapshot_of(tmp_path / "dask") == snapshot_of(tmp_path / "local")
