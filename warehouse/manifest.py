"""The manifest of what was read, and the plan of what to read next.

A file is skipped without being opened when its size and mtime are what the
manifest recorded; otherwise its bytes are hashed, and it is read only if the
hash differs (a ``touch`` costs a hash, not a re-extraction).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from peristiwa.model import FileRef
from schemas import Manifest
from schemas.arrow import arrow_schema
from warehouse.layout import MANIFEST, table_files

_CHUNK = 1 << 20


def file_hash(path: str) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return ""  # unreadable now: the reader will quarantine it with the reason
    return digest.hexdigest()


def read_manifest(snapshot: Path | None) -> pd.DataFrame:
    files = table_files(snapshot, MANIFEST.name)
    if not files:
        return arrow_schema(Manifest).empty_table().to_pandas()
    return pq.ParquetDataset(files).read().to_pandas()


@dataclass(frozen=True)
class FilePlan:
    to_read: list[FileRef]
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # path -> content hash, for every seen file

    @property
    def seen(self) -> int:
        return len(self.new) + len(self.changed) + len(self.skipped)


def plan_files(files: Sequence[FileRef], manifest: pd.DataFrame, full_refresh: bool = False) -> FilePlan:
    known = {} if full_refresh else {
        row[Manifest.path]: row for row in manifest.to_dict("records")
    }
    plan = FilePlan(to_read=[])
    for ref in files:
        before = known.get(ref.path)
        if before is not None and before[Manifest.size] == ref.size and before[Manifest.mtime_ns] == ref.mtime_ns:
            plan.skipped.append(ref.path)
            plan.hashes[ref.path] = before[Manifest.content_hash]
            continue
        digest = file_hash(ref.path)
        plan.hashes[ref.path] = digest
        if before is None:
            plan.new.append(ref.path)
            plan.to_read.append(ref)
        elif digest and digest == before[Manifest.content_hash]:
            plan.skipped.append(ref.path)  # touched, same bytes
        else:
            plan.changed.append(ref.path)
            plan.to_read.append(ref)
    return plan


def updated_manifest(old: pd.DataFrame, files: Sequence[FileRef], plan: FilePlan, run_id: str, full_refresh: bool) -> pd.DataFrame:
    """The manifest after this run: every file seen now, plus earlier ones (never forgotten)."""
    fresh = pd.DataFrame.from_records(
        [
            {Manifest.path: ref.path, Manifest.size: ref.size, Manifest.mtime_ns: ref.mtime_ns,
             Manifest.content_hash: plan.hashes.get(ref.path, ""), Manifest.run_id: run_id}
            for ref in files
        ],
        columns=list(arrow_schema(Manifest).names),
    )
    if not full_refresh and not old.empty:
        carried = old[~old[Manifest.path].isin(fresh[Manifest.path])]
        # Skipped files keep the run that last read them.
        previous_run = old.set_index(Manifest.path)[Manifest.run_id]
        skipped = fresh[Manifest.path].isin(plan.skipped)
        fresh.loc[skipped, Manifest.run_id] = fresh.loc[skipped, Manifest.path].map(previous_run).fillna(run_id)
        fresh = pd.concat([carried, fresh], ignore_index=True) if not carried.empty else fresh
    return Manifest.validate(fresh.sort_values(Manifest.path, ignore_index=True))
