"""A warehouse on S3-compatible object storage, run through a local working copy.

    s3://BUCKET/PREFIX/
      _current.json                    {"snapshot": "<run_id>", ...}: the commit
      snapshots/<run_id>/<table>/...   complete, immutable snapshots, laid out as locally

Object stores have no rename, but one object write is atomic: readers see the
old ``_current.json`` or the new one, never a mix. So a run works on a local
warehouse folder (the cache, ``<cache_dir>/<bucket>/<prefix>``): ``pull`` makes
the cache's ``current`` the remote's committed snapshot (downloading it when the
cache lacks it), the normal local pipeline lands a new snapshot there, and
``push`` uploads it under ``snapshots/<run_id>/`` and writes ``_current.json``
last. A run that dies before that write leaves readers on the previous
snapshot; its partial upload is newer than the pointer and is removed by the
next ``pull``, under the cache's lock.

Each remote snapshot is complete (no references into older ones), so any
reader, DuckDB's ``httpfs`` or a BI tool, can glob one folder. Files the cache
hard-linked from the previous snapshot are copied server-side (no bytes
through this machine); only new files are uploaded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow
import pyarrow.dataset as ds
import pyarrow.fs as pafs

from schemas.arrow import arrow_schema
from warehouse.layout import TABLES, WarehousePaths

SCHEME = "s3://"
POINTER = "_current.json"
_TRANSFER_THREADS = 8

Log = Callable[[str], None]


class RemoteError(OSError):
    """The object store cannot be used: no such bucket, refused credentials, unreachable endpoint."""


def is_remote(warehouse: str | os.PathLike[str]) -> bool:
    return str(warehouse).startswith(SCHEME)


@dataclass(frozen=True)
class RemoteLocation:
    bucket: str
    prefix: str  # without leading or trailing slash; "" for the bucket's root

    @classmethod
    def parse(cls, url: str) -> RemoteLocation:
        if not is_remote(url):
            raise ValueError(f"not an {SCHEME} address: {url}")
        bucket, _, prefix = url[len(SCHEME):].partition("/")
        if not bucket or "?" in url:
            raise ValueError(f"expected {SCHEME}BUCKET/PREFIX, got {url!r}")
        return cls(bucket, prefix.strip("/"))

    @property
    def url(self) -> str:
        return f"{SCHEME}{self.bucket}/{self.prefix}".rstrip("/")

    def key(self, *parts: str) -> str:
        """A path for ``pyarrow.fs.S3FileSystem``: ``bucket/prefix/parts...``."""
        return "/".join(p for p in (self.bucket, self.prefix, *parts) if p)

    @property
    def pointer(self) -> str:
        return self.key(POINTER)

    @property
    def snapshots(self) -> str:
        return self.key("snapshots")

    def snapshot(self, run_id: str) -> str:
        return self.key("snapshots", run_id)


def cache_root(cache_dir: Path, location: RemoteLocation) -> Path:
    return cache_dir.expanduser().resolve() / location.bucket / (location.prefix or "_root")


def open_filesystem(endpoint: str | None, region: str | None) -> pafs.S3FileSystem:
    """Credentials come from the AWS SDK's usual chain (AWS_ACCESS_KEY_ID..., AWS_PROFILE, ~/.aws)."""
    return pafs.S3FileSystem(
        endpoint_override=endpoint, region=region, connect_timeout=5, request_timeout=60,
        retry_strategy=pafs.AwsStandardS3RetryStrategy(max_attempts=3),
    )


def garbage(snapshots: list[str], pointer: str | None, keep: int) -> list[str]:
    """Remote snapshots to delete: those newer than the pointer (never committed: a killed or
    failed push), and committed ones beyond the newest ``keep``. Run ids sort by time."""
    committed = sorted(n for n in snapshots if pointer is not None and n <= pointer)
    return sorted(n for n in snapshots if pointer is None or n > pointer) + committed[:-keep]


def files_to_copy(new: Path, previous: Path | None) -> tuple[list[str], list[str]]:
    """Split a new local snapshot's files (relative paths) into those hard-linked from the previous
    snapshot at the same place (copied server-side) and the rest (uploaded)."""
    same, fresh = [], []
    for path in sorted(p for p in new.rglob("*") if p.is_file()):
        relative = path.relative_to(new).as_posix()
        before = previous / relative if previous is not None else None
        if before is not None and before.is_file() and os.path.samefile(before, path):
            same.append(relative)
        else:
            fresh.append(relative)
    return same, fresh


@dataclass
class RemoteWarehouse:
    """One ``s3://`` warehouse and its local working copy. Call ``pull``/``push`` under the cache's lock."""

    location: RemoteLocation
    fs: pafs.S3FileSystem
    cache: Path

    @property
    def paths(self) -> WarehousePaths:
        return WarehousePaths(self.cache)

    def _fail(self, doing: str, exc: OSError) -> RemoteError:
        return RemoteError(f"{self.location.url}: cannot {doing}: {exc}")

    def read_pointer(self) -> str | None:
        """The committed snapshot's id; None for a warehouse not written yet. Checks the bucket."""
        try:
            if self.fs.get_file_info(self.location.bucket).type == pafs.FileType.NotFound:
                raise RemoteError(f"{self.location.url}: bucket {self.location.bucket!r} does not exist "
                                  "(or these credentials cannot see it)")
            if self.fs.get_file_info(self.location.pointer).type == pafs.FileType.NotFound:
                return None
            with self.fs.open_input_stream(self.location.pointer) as stream:
                return str(json.loads(stream.read())["snapshot"])
        except RemoteError:
            raise
        except OSError as exc:
            raise self._fail("read the warehouse", exc) from None
        except (ValueError, KeyError) as exc:
            raise RemoteError(f"{self.location.pointer}: not a warehouse pointer: {exc}") from None

    def write_pointer(self, run_id: str, previous: str | None) -> None:
        body = {"snapshot": run_id, "previous": previous,
                "committed_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        # One object write: atomic on S3, so this is the commit.
        with self.fs.open_output_stream(self.location.pointer) as stream:
            stream.write(json.dumps(body).encode())

    def snapshot_ids(self) -> list[str]:
        selector = pafs.FileSelector(self.location.snapshots, allow_not_found=True)
        return sorted(i.base_name for i in self.fs.get_file_info(selector) if i.type == pafs.FileType.Directory)

    def pull(self, keep: int, log: Log = lambda _: None) -> str | None:
        """Make the cache's ``current`` the remote's committed snapshot, and clear remote garbage.

        Returns the committed snapshot's id (None: the warehouse is empty)."""
        pointer = self.read_pointer()
        try:
            for name in garbage(self.snapshot_ids(), pointer, keep):
                log(f"removing remote snapshot {name}")
                self.fs.delete_dir(self.location.snapshot(name))
            self._sync_cache(pointer, log)
        except RemoteError:
            raise
        except OSError as exc:
            raise self._fail("prepare the local working copy", exc) from None
        return pointer

    def _sync_cache(self, pointer: str | None, log: Log) -> None:
        from warehouse.snapshot import commit

        paths = self.paths
        paths.root.mkdir(parents=True, exist_ok=True)
        local = paths.current_snapshot()
        if pointer is None:
            if paths.current.is_symlink():  # the remote is empty: what the cache holds is not the warehouse
                log("remote warehouse is empty: resetting the local working copy")
                paths.current.unlink()
            return
        if local is not None and local.name == pointer:
            return
        if not paths.snapshot(pointer).is_dir():  # a folder named so is complete: it is renamed in whole
            self._download(pointer, log)
        commit(paths, pointer)

    def _download(self, run_id: str, log: Log) -> None:
        partial = self.paths.root / ".pull" / run_id
        shutil.rmtree(partial.parent, ignore_errors=True)
        log(f"downloading snapshot {run_id} from {self.location.url}")
        selector = pafs.FileSelector(self.location.snapshot(run_id), recursive=True)
        sources = [i.path for i in self.fs.get_file_info(selector) if i.type == pafs.FileType.File]
        if not sources:
            raise RemoteError(f"{self.location.url}: {POINTER} names snapshot {run_id}, which is not in the store")
        prefix = self.location.snapshot(run_id) + "/"

        def fetch(source: str) -> None:
            target = partial / source.removeprefix(prefix)
            target.parent.mkdir(parents=True, exist_ok=True)
            pafs.copy_files(source, str(target), source_filesystem=self.fs,
                            destination_filesystem=pafs.LocalFileSystem(), use_threads=False)

        with ThreadPoolExecutor(_TRANSFER_THREADS) as pool:
            list(pool.map(fetch, sources))
        self.paths.snapshots.mkdir(parents=True, exist_ok=True)
        os.rename(partial, self.paths.snapshot(run_id))
        shutil.rmtree(partial.parent, ignore_errors=True)

    def push(self, run_id: str, previous: str | None, log: Log = lambda _: None) -> None:
        """Upload local snapshot ``run_id``, then commit it by writing the pointer. Safe to repeat."""
        new = self.paths.snapshot(run_id)
        before = self.paths.snapshot(previous) if previous else None
        same, fresh = files_to_copy(new, before)
        log(f"publishing snapshot {run_id} to {self.location.url}: {len(fresh)} files uploaded, "
            f"{len(same)} copied server-side")
        target = self.location.snapshot(run_id)

        def copy(relative: str) -> None:
            assert previous is not None
            self.fs.copy_file(f"{self.location.snapshot(previous)}/{relative}", f"{target}/{relative}")

        def upload(relative: str) -> None:
            pafs.copy_files(str(new / relative), f"{target}/{relative}", source_filesystem=pafs.LocalFileSystem(),
                            destination_filesystem=self.fs, use_threads=False)

        try:
            with ThreadPoolExecutor(_TRANSFER_THREADS) as pool:
                list(pool.map(copy, same))
                list(pool.map(upload, fresh))
            self._check_before_commit(run_id, previous, {r: (new / r).stat().st_size for r in same + fresh})
            self.write_pointer(run_id, previous)
        except RemoteError:
            raise
        except OSError as exc:
            raise self._fail(f"publish snapshot {run_id}", exc) from None

    def _check_before_commit(self, run_id: str, previous: str | None, sizes: dict[str, int]) -> None:
        """Refuse to commit when the store is not as this run left it: another run committed since
        ``pull``, or the upload is incomplete (another run's cleanup removed parts of it). Plain S3 has
        no conditional write through Arrow, so this narrows the window of a race; it is not a lock."""
        prefix = self.location.snapshot(run_id) + "/"
        listed = {i.path.removeprefix(prefix): i.size
                  for i in self.fs.get_file_info(pafs.FileSelector(self.location.snapshot(run_id), recursive=True))
                  if i.type == pafs.FileType.File}
        if listed != sizes:
            raise RemoteError(f"{self.location.url}: snapshot {run_id} is incomplete in the store after upload "
                              "(is another run working on this warehouse?); not committed: run again")
        now = self.read_pointer()
        if now not in (previous, run_id):  # run_id: an earlier attempt committed, only its answer was lost
            raise RemoteError(f"{self.location.url}: another run committed snapshot {now} while this run worked "
                              f"from {previous}; this run's snapshot {run_id} is not committed: run again")

    def table_datasets(self, run_id: str) -> dict[str, ds.Dataset]:
        """A snapshot's tables as Arrow datasets over S3, typed and partitioned as locally
        (tables without files are left out)."""
        prefix = self.location.snapshot(run_id) + "/"
        try:
            infos = self.fs.get_file_info(pafs.FileSelector(self.location.snapshot(run_id), recursive=True))
        except OSError as exc:
            raise self._fail(f"list snapshot {run_id}", exc) from None
        by_table: dict[str, list[str]] = defaultdict(list)
        for info in infos:
            if info.type == pafs.FileType.File and info.path.endswith(".parquet"):
                by_table[info.path.removeprefix(prefix).split("/")[0]].append(info.path)
        datasets = {}
        for name, spec in TABLES.items():
            if not by_table.get(name):
                continue
            schema = arrow_schema(spec.model)
            partitioning = (ds.partitioning(pyarrow.schema([schema.field(spec.partition)]), flavor="hive")
                            if spec.partition else None)
            datasets[name] = ds.dataset(sorted(by_table[name]), schema=schema, format="parquet", filesystem=self.fs,
                                        partitioning=partitioning, partition_base_dir=prefix + name)
        return datasets


def open_remote(url: str, cache_dir: Path, endpoint: str | None, region: str | None) -> RemoteWarehouse:
    location = RemoteLocation.parse(url)
    return RemoteWarehouse(location, open_filesystem(endpoint, region), cache_root(cache_dir, location))
