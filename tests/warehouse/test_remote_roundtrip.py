"""An s3:// warehouse end to end, against a moto S3 server on 127.0.0.1: ingest -> catalog -> query.

The tests of this module run in order on one remote warehouse (each states what it expects before it).
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.fs as pafs
import pytest
from typer.testing import CliRunner

import warehouse.remote as remote_module
from peristiwa.cli import app
from tests.support.inbox import article_text, write_txt
from warehouse.catalog import connect, connect_remote, view_files
from warehouse.layout import WarehousePaths
from warehouse.remote import RemoteWarehouse, open_remote

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]
runner = CliRunner()
BUCKET = "peristiwa-test"
URL = f"s3://{BUCKET}/warehouse"
# Columns that say when or by which run a row landed: they differ between two warehouses of the same input.
RUN_COLUMNS = {"ingested_at", "run_id", "quarantined_at", "started_at", "finished_at"}


@dataclass
class S3:
    env: dict[str, str]
    fs: pafs.S3FileSystem
    endpoint: str
    cache: Path

    def cli(self, *args: str, **env: str) -> tuple[int, str]:
        result = runner.invoke(app, list(args), env={**self.env, **env})
        assert "Traceback" not in result.output, result.output
        return result.exit_code, result.output

    def remote(self, cache: Path | None = None) -> RemoteWarehouse:
        return open_remote(URL, cache or self.cache, self.endpoint, "us-east-1")

    def pointer(self) -> str | None:
        return self.remote().read_pointer()


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        cache = tmp_path_factory.mktemp("s3cache")
        env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
               "AWS_ENDPOINT_URL": endpoint, "PERISTIWA_CACHE_DIR": str(cache), "AWS_EC2_METADATA_DISABLED": "true"}
        with pytest.MonkeyPatch.context() as mp:  # pyarrow's S3 client reads the credentials from the environment
            for name, value in env.items():
                mp.setenv(name, value)
            fs = pafs.S3FileSystem(endpoint_override=endpoint, region="us-east-1", allow_bucket_creation=True)
            fs.create_dir(BUCKET)
            yield S3(env, fs, endpoint, cache)
    finally:
        server.stop()


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("s3inbox") / "inbox"
    shutil.copytree(seeds_dir / "articles", folder)
    return folder


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory, inbox: Path, s3: S3) -> Path:
    """The same first input in a local warehouse, to compare with."""
    wh = tmp_path_factory.mktemp("s3local") / "wh"
    code, output = s3.cli("ingest", str(inbox), "-w", str(wh))
    assert code == 0, output
    return wh


def _rows(con, view: str, drop: set[str] = frozenset()) -> tuple[list[tuple[str, str]], list[str]]:
    described = con.execute(f"describe {view}").fetchall()
    kept = [name for name, *_ in described if name not in drop]
    rows = con.execute(f"select {', '.join(repr_col(c) for c in kept)} from {view}").fetchall()
    return [(name, ctype) for name, ctype, *_ in described], sorted(map(repr, rows))


def repr_col(name: str) -> str:
    return f'"{name}"'


def _remote_files(s3: S3, run_id: str) -> dict[str, int]:
    base = f"{BUCKET}/warehouse/snapshots/{run_id}/"
    infos = s3.fs.get_file_info(pafs.FileSelector(base, recursive=True))
    return {i.path.removeprefix(base): i.size for i in infos if i.type == pafs.FileType.File}


def _count(s3: S3, sql: str) -> int:
    code, output = s3.cli("sql", "-w", URL, "-f", "json", sql)
    assert code == 0, output
    return json.loads(output.splitlines()[0])["n"]


def test_ingest_to_s3_then_query_row_for_row_like_a_local_warehouse(s3: S3, inbox: Path, local: Path) -> None:
    code, output = s3.cli("ingest", str(inbox), "-w", URL)
    assert code == 0, output
    assert "articles landed" in output and URL in output
    pointer = s3.pointer()
    assert pointer is not None and "_manifest/manifest.parquet" in _remote_files(s3, pointer)

    through_arrow = connect_remote(URL, s3.remote())
    working_copy = connect(s3.cache / BUCKET / "warehouse")
    independent = connect(local)
    for view in (path.stem for path in view_files()):
        # The same snapshot read through Arrow datasets over S3 and through the local catalog: identical.
        assert _rows(through_arrow, view) == _rows(working_copy, view), view
        # Another warehouse of the same input: identical but for when and by which run rows landed.
        if view != "runs":
            assert _rows(through_arrow, view, RUN_COLUMNS) == _rows(independent, view, RUN_COLUMNS), view
    assert _count(s3, "select count(*) as n from events") == independent.execute("select count(*) from events").fetchone()[0] > 0


def test_rerun_lands_nothing_and_copies_every_data_file_server_side(s3: S3, inbox: Path) -> None:
    before = s3.pointer()
    articles = _count(s3, "select count(*) as n from articles")
    code, output = s3.cli("ingest", str(inbox), "-w", URL)
    assert code == 0, output
    assert "0 new, 0 changed" in output
    after = s3.pointer()
    assert after is not None and before is not None and after > before  # a run is recorded: the runs table says so
    assert _count(s3, "select count(*) as n from articles") == articles
    assert _count(s3, "select count(*) as n from runs") == 2
    old, new = _remote_files(s3, before), _remote_files(s3, after)
    data = {p: size for p, size in old.items() if not p.startswith(("runs/", "_manifest/"))}
    assert data and {p: new[p] for p in data} == data  # every data file is in the new, complete snapshot


def test_a_new_file_lands_alone(s3: S3, inbox: Path) -> None:
    articles = _count(s3, "select count(*) as n from articles")
    write_txt(inbox / "201_new.txt", "Densus 88 tangkap terduga teroris di Poso", article_text(201))
    code, output = s3.cli("ingest", str(inbox), "-w", URL)
    assert code == 0, output
    assert "1 new, 0 changed" in output
    assert _count(s3, "select count(*) as n from articles") == articles + 1
    assert _count(s3, "select count(*) as n from articles where source_path like '%201_new.txt'") == 1


def test_a_failed_publish_leaves_readers_on_the_committed_snapshot(s3: S3, inbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    committed = s3.pointer()
    articles = _count(s3, "select count(*) as n from articles")
    write_txt(inbox / "202_new.txt", "Densus 88 tangkap terduga teroris di Bima", article_text(202))
    real_copy, calls = pafs.copy_files, []

    def flaky(*args, **kwargs):  # the connection drops after two uploads, on every attempt
        calls.append(args)
        if len(calls) > 2:
            raise OSError("simulated: connection reset by peer")
        return real_copy(*args, **kwargs)

    monkeypatch.setattr(remote_module.pafs, "copy_files", flaky)
    code, output = s3.cli("ingest", str(inbox), "-w", URL)
    assert code == 1 and "simulated" in output, output
    assert s3.pointer() == committed
    assert _count(s3, "select count(*) as n from articles") == articles
    debris = [s for s in s3.remote().snapshot_ids() if s > committed]
    assert len(debris) == 1 and _remote_files(s3, debris[0])  # a partial upload, never pointed at

    monkeypatch.setattr(remote_module.pafs, "copy_files", real_copy)
    code, output = s3.cli("ingest", str(inbox), "-w", URL)
    assert code == 0, output
    assert "1 new, 0 changed" in output  # the working copy went back to the committed snapshot first
    assert debris[0] not in s3.remote().snapshot_ids()
    assert _count(s3, "select count(*) as n from articles") == articles + 1


def test_another_machine_pulls_the_committed_snapshot(s3: S3, inbox: Path, tmp_path: Path) -> None:
    articles = _count(s3, "select count(*) as n from articles")
    first = s3.remote().snapshot_ids()[0]
    code, output = s3.cli("ingest", str(inbox), "-w", URL, PERISTIWA_CACHE_DIR=str(tmp_path / "elsewhere"))
    assert code == 0, output
    assert "0 new, 0 changed" in output  # the manifest came down with the snapshot
    assert _count(s3, "select count(*) as n from articles") == articles
    # As locally, a run first trims to keep_snapshots (3), then adds its own.
    assert len(s3.remote().snapshot_ids()) == 3 + 1 and first not in s3.remote().snapshot_ids()


def test_status_and_report_read_an_s3_warehouse(s3: S3, tmp_path: Path) -> None:
    code, output = s3.cli("status", "-w", URL)
    assert code == 0 and "events by type" in output, output
    code, output = s3.cli("report", "-w", URL, "--out", str(tmp_path / "r.html"))
    assert code == 0 and (tmp_path / "r.html").stat().st_size > 0, output


def test_publish_refuses_to_commit_over_a_run_committed_meanwhile(s3: S3, tmp_path: Path) -> None:
    committed = s3.pointer()
    assert committed is not None
    # A working copy that pulled an older snapshot and built a new one from it (another machine, racing).
    cache = tmp_path / "racing"
    built = WarehousePaths(s3.cache / BUCKET / "warehouse").current_snapshot()
    assert built is not None
    shutil.copytree(built, cache / "snapshots" / "99999999-racing")
    racing = s3.remote(tmp_path / "unused")
    racing.cache = cache
    with pytest.raises(remote_module.RemoteError, match="another run committed"):
        racing.push("99999999-racing", previous="00000000-older")
    assert s3.pointer() == committed
    s3.fs.delete_dir(f"{BUCKET}/warehouse/snapshots/99999999-racing")  # what the next run's cleanup would do


def test_publish_refuses_to_commit_an_incomplete_upload(s3: S3, tmp_path: Path) -> None:
    committed = s3.pointer()
    built = WarehousePaths(s3.cache / BUCKET / "warehouse").current_snapshot()
    assert built is not None and committed is not None
    cache = tmp_path / "racing"
    shutil.copytree(built, cache / "snapshots" / "99999999-partial")

    class LosingAFile(RemoteWarehouse):  # another run's cleanup deletes part of the upload before the commit
        def _check_before_commit(self, run_id: str, previous: str | None, sizes: dict[str, int]) -> None:
            self.fs.delete_file(f"{self.location.snapshot(run_id)}/{sorted(sizes)[0]}")
            super()._check_before_commit(run_id, previous, sizes)

    racing = LosingAFile(s3.remote().location, s3.remote().fs, cache)
    with pytest.raises(remote_module.RemoteError, match="incomplete"):
        racing.push("99999999-partial", previous=committed)
    assert s3.pointer() == committed
    s3.fs.delete_dir(f"{BUCKET}/warehouse/snapshots/99999999-partial")


@pytest.mark.parametrize("command", [["sql", "select 1"], ["status"], ["ingest", "seeds/articles"]])
def test_missing_bucket_is_a_clear_error(s3: S3, command: list[str]) -> None:
    code, output = s3.cli(*command, "-w", "s3://no-such-bucket/wh")
    assert code == 1, output
    assert "no-such-bucket" in output and "does not exist" in output


def test_unreachable_endpoint_is_a_clear_error(s3: S3) -> None:
    code, output = s3.cli("sql", "-w", URL, "select 1", AWS_ENDPOINT_URL="http://127.0.0.1:9")
    assert code == 1 and "cannot read the warehouse" in output, output


def test_bad_address_is_a_usage_error(s3: S3) -> None:
    code, output = s3.cli("sql", "-w", "s3://", "select 1")
    assert code == 2 and "s3://BUCKET/PREFIX" in output, output


def test_compact_and_evaluate_flows_work_on_an_s3_warehouse(s3: S3, inbox: Path, gold_path: Path, tmp_path: Path) -> None:
    from flows.compact import compact_warehouse
    from flows.evaluate import evaluate_warehouse

    more = tmp_path / "more"  # a second run's files: partitions then hold more than one file
    more.mkdir()
    write_txt(more / "301_new.txt", "Densus 88 tangkap terduga teroris di Poso", article_text(301))
    code, output = s3.cli("ingest", str(inbox), str(more), "-w", URL)
    assert code == 0, output
    before, events = s3.pointer(), _count(s3, "select count(*) as n from events")
    with pytest.MonkeyPatch.context() as mp:
        for name, value in s3.env.items():
            mp.setenv(name, value)
        result = compact_warehouse(warehouse=URL)
        metrics = evaluate_warehouse([str(gold_path)], warehouse=URL)
    assert result.snapshot is not None and result.files_after < result.files_before
    assert s3.pointer() == result.snapshot != before  # committed remotely, like a run
    assert _count(s3, "select count(*) as n from events") == events  # rows unchanged
    assert "type F1" in metrics and metrics["type F1"] is not None
