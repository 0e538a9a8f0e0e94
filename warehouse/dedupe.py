"""One article per text across a run's staged batches, in columnar form.

The first copy of a text in (batch, row) order wins, unless the warehouse
already holds that text; every other copy becomes a ``duplicate_article``
problem naming where the text was first read. Only key columns are held, as
Arrow and numpy arrays (a few dozen bytes per article rather than Python
objects), so a million-article run dedupes in well under a gigabyte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow
import pyarrow.compute as pc
import pyarrow.parquet as pq

from peristiwa.model import Problem
from schemas import Articles

KEYS = [Articles.article_id, Articles.source_path, Articles.record_index, Articles.source_id]


@dataclass(frozen=True)
class Winners:
    """Which staged article rows land: a keep mask per batch, and the duplicates found."""

    keep: dict[int, pyarrow.Array]  # batch index -> bool mask over that batch's article rows
    winner_ids: dict[int, pyarrow.Array]  # batch index -> article ids that land from that batch
    duplicates: list[Problem]

    def rows_of_winners(self, batch: int, article_ids: pyarrow.ChunkedArray | pyarrow.Array) -> pyarrow.Array:
        """Mask over rows of another table of ``batch`` (events, parties): those of its winning articles."""
        return pc.is_in(article_ids, value_set=self.winner_ids.get(batch, pyarrow.array([], pyarrow.string())))


def first_copies(ids: pyarrow.Array) -> tuple[np.ndarray, np.ndarray]:
    """(is_first, first_row): whether each row is its id's first occurrence, and the row of that occurrence."""
    codes = pc.index_in(ids, value_set=pc.unique(ids)).to_numpy(zero_copy_only=False)
    _, first = np.unique(codes, return_index=True)  # codes number the ids in order of first occurrence
    is_first = np.zeros(len(ids), dtype=bool)
    is_first[first] = True
    return is_first, first[codes]


def dedupe(staged: list[tuple[int, Path]], in_warehouse: pyarrow.Array) -> Winners:
    """Decide winners over staged article files ``(batch, path)``; ``in_warehouse``: ids kept from earlier runs."""
    if not staged:
        return Winners({}, {}, [])
    parts = [pq.read_table(path, columns=KEYS) for _, path in staged]
    sizes = [t.num_rows for t in parts]
    keys = pyarrow.concat_tables(parts).combine_chunks()
    ids = keys.column(Articles.article_id).chunk(0) if keys.num_rows else pyarrow.array([], pyarrow.string())
    is_first, first_row = first_copies(ids)
    known = pc.is_in(ids, value_set=in_warehouse).to_numpy(zero_copy_only=False).astype(bool)
    keep = is_first & ~known

    duplicates = []
    for row in np.flatnonzero(~keep):
        first = int(first_row[row])
        where = f"{keys.column(Articles.source_path)[first].as_py()}#{keys.column(Articles.record_index)[first].as_py()}"
        aid = ids[row].as_py()
        duplicates.append(Problem(
            keys.column(Articles.source_path)[row].as_py(), keys.column(Articles.record_index)[row].as_py(),
            "dedup", "duplicate_article",
            f"same text as article {aid}" + (" already in the warehouse" if known[row] else f" first read from {where}"),
            keys.column(Articles.source_id)[row].as_py(), article_id=aid,
        ))

    masks, winner_ids, start = {}, {}, 0
    for (batch, _), size in zip(staged, sizes):
        mask = keep[start:start + size]
        masks[batch] = pyarrow.array(mask, pyarrow.bool_())
        winner_ids[batch] = ids.slice(start, size).filter(masks[batch])
        start += size
    return Winners(masks, winner_ids, duplicates)
