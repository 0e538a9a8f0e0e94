"""Staging batches during a run, and landing them as one new snapshot.

Batch tasks write validated rows to ``staging/<run_id>/batch-N/<table>.parquet``.
``land`` then builds the next snapshot: earlier rows of changed files are
dropped, the same text arriving twice becomes one article (the rest are
recorded in quarantine as duplicates), and everything is committed at once.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.compute as pc
import pyarrow.parquet as pq

from peristiwa.model import FileRef
from schemas import Articles, EventParties, Events, Quarantine, Runs
from schemas.arrow import arrow_schema
from schemas.frames import quarantine_frame, to_arrow
from warehouse.dedupe import dedupe
from warehouse.layout import MANIFEST, TABLES, WarehousePaths
from warehouse.manifest import FilePlan, read_manifest, updated_manifest
from warehouse.snapshot import carry_over, commit, read_table, write_file, write_rows


def stage_batch(paths: WarehousePaths, run_id: str, index: int, tables: dict[str, pyarrow.Table]) -> Path:
    folder = paths.staging / run_id / f"batch-{index:06d}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        write_file(table, folder / f"{name}.parquet")
    return folder


def _staged(paths: WarehousePaths, run_id: str, table: str) -> list[tuple[int, Path]]:
    """(batch index, file) of one table's staged batches, in batch order."""
    folder = paths.staging / run_id
    batches = sorted(folder.glob("batch-*")) if folder.is_dir() else []
    return [(int(b.name.split("-")[1]), b / f"{table}.parquet") for b in batches if (b / f"{table}.parquet").exists()]


@dataclass(frozen=True)
class RunInfo:
    run_id: str
    started_at: dt.datetime
    inputs: list[str]
    full_refresh: bool
    extractor_version: str


@dataclass(frozen=True)
class LandResult:
    articles_landed: int
    events_landed: int
    parties_landed: int
    rows_replaced: int
    quarantined: int
    duplicates: int
    # (event_type, location_country_iso3, events) of this run's new events
    events_by_type_country: tuple[tuple[str, str | None, int], ...] = ()
    # (stage, check, rows) of this run's new quarantine rows
    quarantined_by_check: tuple[tuple[str, str, int], ...] = ()


class Tally:
    """Counts rows by key columns as batches stream past on their way to disk."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.rows = 0
        self.by_key: Counter[tuple] = Counter()

    def count(self, batch: pyarrow.RecordBatch) -> None:
        self.rows += batch.num_rows
        if self.keys and batch.num_rows:
            for row in pyarrow.Table.from_batches([batch]).group_by(self.keys).aggregate([([], "count_all")]).to_pylist():
                self.by_key[tuple(row[k] for k in self.keys)] += row["count_all"]

    def __call__(self, batches: Iterable[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        for batch in batches:
            self.count(batch)
            yield batch

    def counts(self) -> tuple[tuple, ...]:
        return tuple(sorted((key + (n,) for key, n in self.by_key.items()), key=lambda r: (-r[-1], *map(str, r[:-1]))))


def _stream(files: list[tuple[int, Path]], keep: Callable[[int, pyarrow.Table], pyarrow.Array]) -> Iterator[pyarrow.RecordBatch]:
    """Staged rows, one batch file at a time, filtered by the mask ``keep`` gives for that batch."""
    for batch, file in files:
        table = pq.read_table(file)
        yield from table.filter(keep(batch, table)).to_batches()


def land(paths: WarehousePaths, run: RunInfo, files: list[FileRef], plan: FilePlan) -> LandResult:
    base = None if run.full_refresh else paths.current_snapshot()
    target = paths.snapshot(run.run_id)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)

    # 1. Rows of changed files are replaced: find the articles they produced.
    existing = read_table(TABLES["articles"], base, [Articles.article_id, Articles.source_path])
    replaced_mask = pc.is_in(existing.column(Articles.source_path), value_set=pyarrow.array(plan.changed, pyarrow.string()))
    removed_ids = set(existing.filter(replaced_mask).column(Articles.article_id).to_pylist())
    kept_ids = existing.filter(pc.invert(replaced_mask)).column(Articles.article_id).combine_chunks()

    # 2. One article per text: the first in (path, record) order wins, the warehouse's own first.
    #    Only key columns are read here; the rows themselves stream to disk in step 3.
    winners = dedupe(_staged(paths, run.run_id, "articles"), kept_ids)

    def of_winners(batch: int, table: pyarrow.Table) -> pyarrow.Array:
        return winners.rows_of_winners(batch, table.column(Articles.article_id))

    # 3. Carry earlier files over (hard links), minus replaced rows; stream the new rows in.
    replaced_rows = carry_over(TABLES["articles"], base, target, Articles.source_path, set(plan.changed))
    carry_over(TABLES["events"], base, target, Events.article_id, removed_ids)
    carry_over(TABLES["event_parties"], base, target, EventParties.article_id, removed_ids)
    new_articles, new_events, new_parties = Tally([]), Tally([Events.event_type, Events.location_country_iso3]), Tally([])
    for name, tally, keep_rows in (("articles", new_articles, lambda batch, _: winners.keep[batch]),
                                   ("events", new_events, of_winners), ("event_parties", new_parties, of_winners)):
        spec = TABLES[name]
        write_rows(spec, tally(_stream(_staged(paths, run.run_id, name), keep_rows)), target, run.run_id,
                   schema=arrow_schema(spec.model))

    # 4. Quarantine: a changed file's old reasons go; a reason already recorded is not repeated.
    carry_over(TABLES["quarantine"], base, target, Quarantine.source_path, set(plan.changed))
    known = set(read_table(TABLES["quarantine"], target, [Quarantine.quarantine_id]).column(0).to_pylist())
    staged_q = [pq.read_table(file) for _, file in _staged(paths, run.run_id, "quarantine")]
    dup_q = to_arrow(Quarantine, Quarantine.validate(quarantine_frame(winners.duplicates, run.run_id, run.started_at)))
    all_q = pyarrow.concat_tables([*staged_q, dup_q])
    seen: set[str] = set(known)
    mask = []
    for qid in all_q.column(Quarantine.quarantine_id).to_pylist():
        mask.append(qid not in seen)
        seen.add(qid)
    new_q = all_q.filter(pyarrow.array(mask, pyarrow.bool_()))
    write_rows(TABLES["quarantine"], new_q, target, run.run_id)

    # 5. Manifest and the run's own row, then the atomic commit.
    manifest = updated_manifest(read_manifest(base), files, plan, run.run_id, run.full_refresh)
    (target / MANIFEST.name).mkdir()
    write_file(to_arrow(MANIFEST.model, manifest), target / MANIFEST.name / "manifest.parquet")
    n_duplicates = pc.sum(pc.equal(new_q.column(Quarantine.check), "duplicate_article")).as_py() or 0
    by_check = Tally([Quarantine.stage, Quarantine.check])
    for batch in new_q.to_batches():
        by_check.count(batch)
    result = LandResult(
        new_articles.rows, new_events.rows, new_parties.rows, replaced_rows, new_q.num_rows, n_duplicates,
        new_events.counts(), by_check.counts(),
    )
    carry_over(TABLES["runs"], paths.current_snapshot(), target, Runs.run_id, set())  # history survives a full refresh
    run_row = pd.DataFrame([{
        Runs.run_id: run.run_id, Runs.started_at: run.started_at, Runs.finished_at: dt.datetime.now(dt.timezone.utc),
        Runs.inputs: "\n".join(run.inputs), Runs.full_refresh: run.full_refresh, Runs.extractor_version: run.extractor_version,
        Runs.files_seen: plan.seen, Runs.files_new: len(plan.new), Runs.files_changed: len(plan.changed),
        Runs.files_skipped: len(plan.skipped), Runs.articles_landed: result.articles_landed,
        Runs.events_landed: result.events_landed, Runs.parties_landed: result.parties_landed,
        Runs.rows_replaced: result.rows_replaced, Runs.quarantined: result.quarantined,
    }])
    write_rows(TABLES["runs"], to_arrow(Runs, Runs.validate(run_row)), target, run.run_id)
    commit(paths, run.run_id)
    shutil.rmtree(paths.staging / run.run_id, ignore_errors=True)
    return result
