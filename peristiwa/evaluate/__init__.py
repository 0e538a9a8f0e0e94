"""Scoring the warehouse's events against hand-labelled gold (the contract's Scoring section).

gold.py reads the gold files, predictions.py reads the warehouse, score.py and
slots.py score (pure), render.py prints and serialises the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from peristiwa.evaluate.gold import GoldArticle, GoldEvent, load_gold
from peristiwa.evaluate.score import PredictedEvent, Prediction, Report, score

__all__ = ["GoldArticle", "GoldEvent", "PredictedEvent", "Prediction", "Report", "evaluate", "load_gold", "score"]


def evaluate(gold_paths: Iterable[Path], warehouse: Path | str) -> Report:
    """Load gold, read the warehouse's events for its articles, score them."""
    from peristiwa.evaluate.predictions import read_predictions

    gold = load_gold(gold_paths)
    return score(gold, read_predictions(warehouse, [g.source_id for g in gold]))
