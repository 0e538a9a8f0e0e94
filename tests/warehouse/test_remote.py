"""The pure parts of an s3:// warehouse: addresses, what is garbage, what is copied or uploaded, settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from peristiwa.config import Settings
from warehouse.remote import RemoteLocation, cache_root, files_to_copy, garbage, is_remote


@pytest.mark.parametrize(("url", "bucket", "prefix"), [
    ("s3://news/peristiwa", "news", "peristiwa"),
    ("s3://news/a/b/", "news", "a/b"),
    ("s3://news", "news", ""),
    ("s3://news/", "news", ""),
])
def test_parse_location(url: str, bucket: str, prefix: str) -> None:
    location = RemoteLocation.parse(url)
    assert (location.bucket, location.prefix) == (bucket, prefix)
    assert RemoteLocation.parse(location.url) == location  # the canonical address reads back the same


@pytest.mark.parametrize("url", ["s3://", "s3:///prefix", "data/warehouse", "s3://b/p?endpoint=x"])
def test_bad_locations_are_refused(url: str) -> None:
    with pytest.raises(ValueError):
        RemoteLocation.parse(url)


def test_keys_are_bucket_relative_paths_without_empty_parts() -> None:
    assert RemoteLocation("b", "p/q").snapshot("r1") == "b/p/q/snapshots/r1"
    assert RemoteLocation("b", "").pointer == "b/_current.json"
    assert RemoteLocation("b", "p").url == "s3://b/p"


def test_is_remote() -> None:
    assert is_remote("s3://b/p") and not is_remote(Path("data/warehouse")) and not is_remote("s3-data/x")


def test_cache_root_is_one_folder_per_bucket_and_prefix(tmp_path: Path) -> None:
    assert cache_root(tmp_path, RemoteLocation("b", "p/q")) == tmp_path.resolve() / "b" / "p" / "q"
    assert cache_root(tmp_path, RemoteLocation("b", "")) != cache_root(tmp_path, RemoteLocation("c", ""))


def test_garbage_is_uncommitted_snapshots_and_old_committed_ones() -> None:
    names = ["r1", "r2", "r3", "r4", "r5"]
    # r5 is newer than the pointer: a push that died before the commit.
    assert garbage(names, "r4", keep=2) == ["r5", "r1", "r2"]
    assert garbage(names, "r5", keep=3) == ["r1", "r2"]
    assert garbage(["r1"], None, keep=3) == ["r1"]  # nothing committed yet: all of it is debris
    assert garbage([], "r1", keep=3) == []


def test_files_linked_from_the_previous_snapshot_are_copied_the_rest_uploaded(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for name in ("events/event_year=2020/a.parquet", "events/event_year=2021/b.parquet", "runs/r1.parquet"):
        (old / name).parent.mkdir(parents=True, exist_ok=True)
        (old / name).write_bytes(name.encode())
    (new / "events/event_year=2020").mkdir(parents=True)
    os.link(old / "events/event_year=2020/a.parquet", new / "events/event_year=2020/a.parquet")
    # Same place, rewritten (rows of a changed file dropped): not the same file any more.
    (new / "events/event_year=2021").mkdir(parents=True)
    (new / "events/event_year=2021/b.parquet").write_bytes(b"fewer rows")
    (new / "runs").mkdir()
    os.link(old / "runs/r1.parquet", new / "runs/r1.parquet")
    (new / "runs/r2.parquet").write_bytes(b"new run")

    same, fresh = files_to_copy(new, old)
    assert same == ["events/event_year=2020/a.parquet", "runs/r1.parquet"]
    assert fresh == ["events/event_year=2021/b.parquet", "runs/r2.parquet"]
    assert files_to_copy(new, None) == ([], sorted(same + fresh))  # first run or full refresh: all uploaded


def test_settings_keep_an_s3_address_as_text_and_a_folder_as_a_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PERISTIWA_WAREHOUSE", raising=False)
    assert Settings(warehouse="s3://news/peristiwa").warehouse == "s3://news/peristiwa"  # Path() would eat a slash
    assert Settings(warehouse="data/x").warehouse == Path("data/x")
    assert isinstance(Settings().warehouse, Path)


def test_s3_endpoint_and_region_come_from_peristiwa_or_the_usual_aws_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PERISTIWA_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "PERISTIWA_S3_REGION",
                 "AWS_REGION", "AWS_DEFAULT_REGION"):
        monkeypatch.delenv(name, raising=False)
    assert Settings().s3_endpoint is None
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://aws-default:9000")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-3")
    assert (Settings().s3_endpoint, Settings().s3_region) == ("http://aws-default:9000", "ap-southeast-3")
    monkeypatch.setenv("PERISTIWA_S3_ENDPOINT", "http://minio:9000")
    assert Settings().s3_endpoint == "http://minio:9000"  # ours wins over the AWS-wide one
    assert Settings(s3_endpoint="http://arg:1").s3_endpoint == "http://arg:1"
