"""Scoring, exactly the contract's Scoring section (../shared/spec/EVENTS.md). Pure: no I/O.

Pairing: per article and per event type, every (gold, predicted) pair is a
candidate with cost = date distance in days + a place penalty (see slots.py).
Candidates are taken greedily by increasing cost ("closest date and place
first"); ties go to the earlier gold event, then the earlier predicted event,
so results are deterministic. Since all same-type pairs are candidates, each
type yields min(#gold, #predicted) pairs; the cost only decides *which*.

Readings where the contract is terse:
- party F1 of two empty sets is 1.0; party F1s are averaged over all pairs;
- "party countries right" for strict F1 means the sets are equal (F1 == 1);
- a ratio with nothing to count (0/0) is None, printed as n/a;
- a gold article missing from the warehouse predicts no events.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from peristiwa.evaluate import slots
from peristiwa.evaluate.gold import GoldArticle, GoldEvent
from peristiwa.model import Party


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """A row of the ``events`` view, as far as scoring needs it."""

    event_id: str
    event_type: str
    salience: str | None
    event_date: dt.date | None
    date_precision: str | None
    parties: tuple[Party, ...]
    location_name: str | None
    location_admin1: str | None
    location_country_iso3: str | None
    evidence: str
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the warehouse holds for one gold article."""

    status: str  # "article", "duplicate" (resolved through quarantine) or "missing"
    article_ids: tuple[str, ...] = ()
    events: tuple[PredictedEvent, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    gold: int  # index into ArticleResult.gold_events
    predicted: int  # index into ArticleResult.predicted_events
    event_type: str
    cost: int
    date_right: bool | None  # None: gold has no date
    country_right: bool | None  # None: gold has no country
    place_right: bool | None  # None: gold has no location_name
    party_country_f1: float
    party_actor_f1: float
    strict: bool
    errors: tuple[str, ...] = ()  # one readable line per wrong slot


@dataclass(frozen=True, slots=True)
class ArticleResult:
    source_id: str
    status: str
    article_ids: tuple[str, ...]
    note: str | None
    gold_events: tuple[GoldEvent, ...]
    predicted_events: tuple[PredictedEvent, ...]
    pairs: tuple[Pair, ...]
    unmatched_gold: tuple[int, ...]
    unmatched_predicted: tuple[int, ...]
    errors: tuple[str, ...]  # the slot errors of all pairs


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    predicted: int
    gold: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True, slots=True)
class Ratio:
    hits: float  # a count, or a sum of per-pair scores
    total: int
    value: float | None


@dataclass(frozen=True, slots=True)
class Metrics:
    type: PRF
    strict: PRF
    relevance: PRF
    main_recall: Ratio
    date_accuracy: Ratio
    country_accuracy: Ratio
    place_accuracy: Ratio
    party_country_f1: Ratio
    party_actor_f1: Ratio
    per_type: dict[str, PRF] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    value: float | None
    target: float
    met: bool


@dataclass(frozen=True, slots=True)
class Report:
    metrics: Metrics
    targets: tuple[Target, ...]
    articles: tuple[ArticleResult, ...]
    missing: tuple[str, ...]  # source_ids found nowhere in the warehouse


def _div(a: float, b: float) -> float | None:
    return a / b if b else None


def prf(tp: int, predicted: int, gold: int) -> PRF:
    # F1 as 2tp/(2tp+fp+fn): defined whenever anything was predicted or expected.
    return PRF(tp, predicted, gold, _div(tp, predicted), _div(tp, gold), _div(2 * tp, predicted + gold))


def ratio(hits: float, total: int) -> Ratio:
    return Ratio(hits, total, _div(hits, total))


def pair_events(gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent]) -> list[tuple[int, int, int]]:
    """(gold index, predicted index, cost), one-to-one within each type, cheapest first."""
    candidates = sorted(
        (slots.pair_cost(g.event_date, g.date_precision, g.location_country_iso3, g.location_name,
                         p.event_date, p.date_precision, p.location_country_iso3, p.location_name), gi, pi)
        for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if g.event_type == p.event_type
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for cost, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi, cost))
    return sorted(pairs)


def _fmt_date(date: dt.date | None, precision: str | None) -> str:
    return f"{date.isoformat()} ({precision or 'day'})" if date else "none"


def _codes(parties: Sequence[Party]) -> list[str]:
    return sorted({p.country_iso3 for p in parties if p.country_iso3})


def judge_pair(gi: int, pi: int, cost: int, g: GoldEvent, p: PredictedEvent) -> Pair:
    """All slot checks of one pair, and a readable line per wrong slot."""
    date_ok = slots.date_right(g.event_date, g.date_precision, p.event_date, p.date_precision)
    country_ok = None if not g.location_country_iso3 else p.location_country_iso3 == g.location_country_iso3
    place_ok = None if not g.location_name else slots.places_match(g.location_name, p.location_name)
    country_f1 = slots.set_f1((x.country_iso3 for x in g.parties), (x.country_iso3 for x in p.parties))
    actor_f1 = slots.set_f1((x.actor_id for x in g.parties), (x.actor_id for x in p.parties))
    strict = date_ok is not False and country_ok is not False and country_f1 == 1.0
    label = f"{g.event_type} (gold #{gi + 1} / predicted #{pi + 1})"
    errors = []
    if date_ok is False:
        errors.append(f"{label}: date gold {_fmt_date(g.event_date, g.date_precision)}, "
                      f"predicted {_fmt_date(p.event_date, p.date_precision)}")
    if country_ok is False:
        errors.append(f"{label}: country gold {g.location_country_iso3}, predicted {p.location_country_iso3 or 'none'}")
    if place_ok is False:
        errors.append(f"{label}: place gold {g.location_name!r}, predicted {p.location_name!r}")
    if country_f1 < 1.0:
        errors.append(f"{label}: party countries gold {_codes(g.parties)}, predicted {_codes(p.parties)}")
    return Pair(gi, pi, g.event_type, cost, date_ok, country_ok, place_ok, country_f1, actor_f1, strict, tuple(errors))


def score_article(gold: GoldArticle, prediction: Prediction | None) -> ArticleResult:
    prediction = prediction or Prediction("missing", note="not in the warehouse")
    predicted = prediction.events if prediction.status != "missing" else ()
    pairs = [judge_pair(gi, pi, cost, gold.events[gi], predicted[pi])
             for gi, pi, cost in pair_events(gold.events, predicted)]
    paired_gold = {p.gold for p in pairs}
    paired_pred = {p.predicted for p in pairs}
    return ArticleResult(
        source_id=gold.source_id, status=prediction.status, article_ids=prediction.article_ids,
        note=prediction.note, gold_events=gold.events, predicted_events=tuple(predicted), pairs=tuple(pairs),
        unmatched_gold=tuple(i for i in range(len(gold.events)) if i not in paired_gold),
        unmatched_predicted=tuple(i for i in range(len(predicted)) if i not in paired_pred),
        errors=tuple(e for p in pairs for e in p.errors),
    )


def aggregate(results: Sequence[ArticleResult]) -> Metrics:
    """Micro-averages over all articles: counts are summed first, then divided."""
    pairs = [p for r in results for p in r.pairs]
    n_gold = sum(len(r.gold_events) for r in results)
    n_pred = sum(len(r.predicted_events) for r in results)
    gold_main = [(r, i) for r in results for i, e in enumerate(r.gold_events) if e.salience == "main"]
    paired = {(r.source_id, p.gold) for r in results for p in r.pairs}

    def scored(flag: str) -> Ratio:
        values = [getattr(p, flag) for p in pairs if getattr(p, flag) is not None]
        return ratio(sum(values), len(values))

    types = sorted({e.event_type for r in results for e in (*r.gold_events, *r.predicted_events)})
    gold_by_type = Counter(e.event_type for r in results for e in r.gold_events)
    pred_by_type = Counter(e.event_type for r in results for e in r.predicted_events)
    pairs_by_type = Counter(p.event_type for p in pairs)
    has_pred = {r.source_id for r in results if r.predicted_events}
    has_gold = {r.source_id for r in results if r.gold_events}
    return Metrics(
        type=prf(len(pairs), n_pred, n_gold),
        strict=prf(sum(p.strict for p in pairs), n_pred, n_gold),
        relevance=prf(len(has_pred & has_gold), len(has_pred), len(has_gold)),
        main_recall=ratio(sum((r.source_id, i) in paired for r, i in gold_main), len(gold_main)),
        date_accuracy=scored("date_right"),
        country_accuracy=scored("country_right"),
        place_accuracy=scored("place_right"),
        party_country_f1=ratio(sum(p.party_country_f1 for p in pairs), len(pairs)),
        party_actor_f1=ratio(sum(p.party_actor_f1 for p in pairs), len(pairs)),
        per_type={t: prf(pairs_by_type[t], pred_by_type[t], gold_by_type[t]) for t in types},
    )


# The contract's targets: (name, how to read it off Metrics, minimum).
TARGETS: tuple[tuple[str, str, float], ...] = (
    ("type F1", "type.f1", 0.80),
    ("strict F1", "strict.f1", 0.60),
    ("relevance precision", "relevance.precision", 0.90),
    ("relevance recall", "relevance.recall", 0.90),
    ("date accuracy", "date_accuracy.value", 0.85),
    ("location country accuracy", "country_accuracy.value", 0.90),
    ("party-country F1", "party_country_f1.value", 0.85),
)


def check_targets(metrics: Metrics) -> tuple[Target, ...]:
    checks = []
    for name, path, minimum in TARGETS:
        head, attr = path.split(".")
        value = getattr(getattr(metrics, head), attr)
        checks.append(Target(name, value, minimum, value is not None and value >= minimum))
    return tuple(checks)


def score(gold: Sequence[GoldArticle], predictions: Mapping[str, Prediction]) -> Report:
    """Score every gold article against what the warehouse holds for it (absent = missing)."""
    results = tuple(score_article(g, predictions.get(g.source_id)) for g in gold)
    metrics = aggregate(results)
    missing = tuple(r.source_id for r in results if r.status == "missing")
    return Report(metrics, check_targets(metrics), results, missing)


def badness(result: ArticleResult) -> tuple[int, int]:
    return len(result.unmatched_gold) + len(result.unmatched_predicted), len(result.errors)


def worst(report: Report, n: int) -> list[ArticleResult]:
    """The n articles with most unmatched events, then most slot errors; only those with any problem."""
    bad = [r for r in report.articles if badness(r) != (0, 0)]
    return sorted(bad, key=lambda r: (-badness(r)[0], -badness(r)[1], r.source_id))[:n]
