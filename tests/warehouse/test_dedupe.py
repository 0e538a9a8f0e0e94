from __future__ import annotations

from pathlib import Path

import pyarrow
import pyarrow.parquet as pq

from schemas import Articles
from warehouse.dedupe import dedupe, first_copies


def _stage(folder: Path, batch: int, rows: list[tuple[str, str, int]]) -> tuple[int, Path]:
    path = folder / f"batch-{batch}.parquet"
    pq.write_table(pyarrow.table({
        Articles.article_id: pyarrow.array([r[0] for r in rows], pyarrow.string()),
        Articles.source_path: pyarrow.array([r[1] for r in rows], pyarrow.string()),
        Articles.record_index: pyarrow.array([r[2] for r in rows], pyarrow.int64()),
        Articles.source_id: pyarrow.array([f"s-{r[1]}-{r[2]}" for r in rows], pyarrow.string()),
    }), path)
    return batch, path


def test_first_copies_marks_first_occurrences_and_points_back_to_them() -> None:
    is_first, first_row = first_copies(pyarrow.array(["b", "a", "b", "c", "a", "b"]))
    assert is_first.tolist() == [True, True, False, True, False, False]
    assert first_row.tolist() == [0, 1, 0, 3, 1, 0]


def test_first_copy_in_batch_order_wins_and_the_warehouse_wins_over_all(tmp_path: Path) -> None:
    staged = [
        _stage(tmp_path, 1, [("a", "/x.jsonl", 0), ("b", "/x.jsonl", 1), ("a", "/x.jsonl", 2)]),
        _stage(tmp_path, 2, [("b", "/y.jsonl", 0), ("c", "/y.jsonl", 1), ("old", "/y.jsonl", 2)]),
        _stage(tmp_path, 3, []),
    ]
    winners = dedupe(staged, pyarrow.array(["old", "gone"]))
    assert {b: m.to_pylist() for b, m in winners.keep.items()} == {
        1: [True, True, False], 2: [False, True, False], 3: []}
    assert {b: ids.to_pylist() for b, ids in winners.winner_ids.items()} == {1: ["a", "b"], 2: ["c"], 3: []}
    reasons = {(p.source_path, p.record_index): p.reason for p in winners.duplicates}
    assert reasons == {
        ("/x.jsonl", 2): "same text as article a first read from /x.jsonl#0",
        ("/y.jsonl", 0): "same text as article b first read from /x.jsonl#1",
        ("/y.jsonl", 2): "same text as article old already in the warehouse",
    }
    assert all(p.check == "duplicate_article" and p.article_id for p in winners.duplicates)
    # events of batch 2 land only for its winning article c
    assert winners.rows_of_winners(2, pyarrow.array(["b", "c", "c"])).to_pylist() == [False, True, True]
    assert winners.rows_of_winners(9, pyarrow.array(["a"])).to_pylist() == [False]


def test_nothing_staged_means_no_winners() -> None:
    winners = dedupe([], pyarrow.array([], pyarrow.string()))
    assert winners.keep == {} and winners.duplicates == []
