"""Scoring on hand-made gold and predictions: each rule of the contract's Scoring section."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from peristiwa.evaluate import slots
from peristiwa.evaluate.gold import GoldArticle, GoldEvent
from peristiwa.evaluate.score import PredictedEvent, Prediction, score, worst
from peristiwa.model import Party

D = dt.date


def party(country: str | None, actor_id: str | None = None) -> Party:
    return Party(name=actor_id or country or "x", kind="state", actor_id=actor_id, country_iso3=country, role="actor")


def gold_event(event_type: str = "arrest", date: dt.date | None = D(2025, 6, 18), precision: str | None = "day",
               country: str | None = "IDN", place: str | None = "Surabaya", parties: tuple[Party, ...] = (party("IDN", "IDN"),),
               salience: str = "main") -> GoldEvent:
    return GoldEvent(event_type, salience, date, precision if date else None, parties, place, None, country, "evidence")


def predicted(event_type: str = "arrest", date: dt.date | None = D(2025, 6, 18), precision: str | None = "day",
              country: str | None = "IDN", place: str | None = "Surabaya", parties: tuple[Party, ...] = (party("IDN", "IDN"),),
              event_id: str = "e") -> PredictedEvent:
    return PredictedEvent(event_id, event_type, "main", date, precision if date else None, parties, place, None, country, "evidence")


def article(source_id: str, *events: GoldEvent) -> GoldArticle:
    return GoldArticle(source_id, D(2025, 6, 19), "id", tuple(events), f"test:{source_id}")


def found(*events: PredictedEvent) -> Prediction:
    return Prediction("article", ("a" * 16,), tuple(events))


def test_perfect_match_scores_one_everywhere() -> None:
    gold = [article("a", gold_event(), gold_event("meeting", D(2022, 12, 1), "month", parties=(party("IDN", "IDN"), party("VNM", "VNM")))),
            article("b")]
    preds = {"a": found(predicted(), predicted("meeting", D(2022, 12, 1), "month", parties=(party("VNM", "VNM"), party("IDN", "IDN")))),
             "b": found()}
    m = score(gold, preds).metrics
    values = [m.type.precision, m.type.recall, m.type.f1, m.strict.f1, m.main_recall.value, m.date_accuracy.value,
              m.country_accuracy.value, m.place_accuracy.value, m.party_country_f1.value, m.party_actor_f1.value,
              m.relevance.precision, m.relevance.recall]
    assert values == [1.0] * len(values)
    assert all(t.met for t in score(gold, preds).targets)


def test_wrong_type_makes_no_pair() -> None:
    report = score([article("a", gold_event("arrest"))], {"a": found(predicted("security_operation"))})
    m = report.metrics
    assert (m.type.tp, m.type.precision, m.type.recall) == (0, 0.0, 0.0)
    assert report.articles[0].unmatched_gold == (0,) and report.articles[0].unmatched_predicted == (0,)
    assert m.date_accuracy.value is None  # no pair, nothing to score
    assert m.per_type["arrest"].recall == 0.0 and m.per_type["security_operation"].precision == 0.0


def test_two_events_of_one_type_pair_by_closest_date() -> None:
    gold = article("a", gold_event(date=D(2025, 6, 1)), gold_event(date=D(2025, 6, 20)))
    # Listed in the "wrong" order: index pairing would swap them.
    preds = found(predicted(date=D(2025, 6, 19), event_id="p1"), predicted(date=D(2025, 6, 2), event_id="p2"))
    result = score([gold], {"a": preds}).articles[0]
    assert {(p.gold, p.predicted) for p in result.pairs} == {(0, 1), (1, 0)}
    assert all(p.date_right is False for p in result.pairs)  # one day off is still wrong at day precision


def test_place_breaks_a_date_tie() -> None:
    gold = article("a", gold_event(place="Poso", country="IDN"), gold_event(place="Manila", country="PHL"))
    preds = found(predicted(place="Manila", country="PHL"), predicted(place="Kabupaten Poso", country="IDN"))
    result = score([gold], {"a": preds}).articles[0]
    assert {(p.gold, p.predicted) for p in result.pairs} == {(0, 1), (1, 0)}
    assert all(p.place_right and p.country_right for p in result.pairs)


def test_same_country_beats_wrong_country_when_no_name_matches() -> None:
    gold = article("a", gold_event(date=None, place="Qanus", country="IRQ"), gold_event(date=None, place="Denver", country="USA"))
    preds = found(predicted(date=None, place="United States", country="USA"), predicted(date=None, place="Mosul", country="IRQ"))
    result = score([gold], {"a": preds}).articles[0]
    assert {(p.gold, p.predicted) for p in result.pairs} == {(0, 1), (1, 0)}
    assert all(p.country_right for p in result.pairs) and not any(p.place_right for p in result.pairs)
    assert slots.place_penalty("IRQ", "Qanus", "IRQ", "Mosul") < slots.place_penalty("IRQ", "Qanus", "USA", "Qanus")


@pytest.mark.parametrize(("gold_date", "gold_prec", "pred_date", "pred_prec", "right"), [
    (D(2022, 12, 1), "month", D(2022, 12, 14), "day", True),    # a day inside the gold month counts
    (D(2022, 12, 1), "month", D(2022, 11, 30), "day", False),   # the wrong month does not
    (D(2020, 1, 1), "year", D(2020, 7, 1), "month", True),      # a month inside the gold year counts
    (D(2025, 6, 18), "day", D(2025, 1, 1), "year", False),      # a year for a gold day does not,
    (D(2025, 1, 1), "day", D(2025, 1, 1), "year", False),       # ... even when the stored values coincide
    (D(2022, 12, 1), "month", D(2022, 12, 1), "year", False),   # nor a year for a gold month
    (D(2025, 6, 18), "day", D(2025, 6, 18), "day", True),
    (D(2025, 6, 18), "day", None, None, False),                  # no predicted date for a dated gold
])
def test_date_is_judged_at_the_gold_precision(gold_date: dt.date, gold_prec: str, pred_date: dt.date | None,
                                              pred_prec: str | None, right: bool) -> None:
    report = score([article("a", gold_event(date=gold_date, precision=gold_prec))],
                   {"a": found(predicted(date=pred_date, precision=pred_prec))})
    assert report.articles[0].pairs[0].date_right is right
    assert report.metrics.date_accuracy.value == (1.0 if right else 0.0)
    assert report.metrics.strict.tp == int(right)


def test_gold_without_date_leaves_date_unscored() -> None:
    report = score([article("a", gold_event(date=None))], {"a": found(predicted(date=D(1999, 1, 1)))})
    assert report.articles[0].pairs[0].date_right is None
    assert report.metrics.date_accuracy.total == 0 and report.metrics.date_accuracy.value is None
    assert report.metrics.strict.f1 == 1.0  # a date the gold does not have cannot fail strict


@pytest.mark.parametrize(("gold_place", "pred_place", "right"), [
    ("Surabaya", "Kota Surabaya", True),
    ("Kabupaten Poso", "poso", True),
    ("Kab. Bima", "Bima", True),
    ("Jakarta", "Jakarta Selatan", True),       # one contains the other
    ("Bogotá", "BOGOTA", True),                 # accents and case
    ("Bali", "Balikpapan", False),              # whole words, not substrings
    ("Surabaya", None, False),
])
def test_place_rule(gold_place: str, pred_place: str | None, right: bool) -> None:
    report = score([article("a", gold_event(place=gold_place))], {"a": found(predicted(place=pred_place))})
    assert report.articles[0].pairs[0].place_right is right
    assert slots.places_match(gold_place, pred_place) is right


def test_party_country_f1_with_partial_overlap() -> None:
    gold = gold_event(parties=(party("IDN", "IDN"), party("VNM", "VNM"), party(None, "BNPT")))
    pred = predicted(parties=(party("IDN", "IDN"), party("AUS", "AUS"), party("MYS")))
    report = score([article("a", gold)], {"a": found(pred)})
    pair = report.articles[0].pairs[0]
    assert pair.party_country_f1 == pytest.approx(2 * 1 / (2 + 3))  # {IDN,VNM} vs {IDN,AUS,MYS}
    assert pair.party_actor_f1 == pytest.approx(2 * 1 / (3 + 2))    # {IDN,VNM,BNPT} vs {IDN,AUS}
    assert not pair.strict
    assert slots.set_f1([], [None]) == 1.0 and slots.set_f1(["IDN"], []) == 0.0


@pytest.mark.parametrize("broken", [
    {"date": D(2025, 6, 17)},
    {"country": "MYS"},
    {"parties": (party("IDN", "IDN"), party("USA", "USA"))},
])
def test_strict_fails_on_one_wrong_slot(broken: dict) -> None:
    report = score([article("a", gold_event())], {"a": found(predicted(**broken))})
    m = report.metrics
    assert m.type.f1 == 1.0
    assert (m.strict.tp, m.strict.precision, m.strict.recall, m.strict.f1) == (0, 0.0, 0.0, 0.0)
    assert len(report.articles[0].errors) == 1


def test_strict_ignores_place_name_and_actor_ids() -> None:
    pred = predicted(place="Sidoarjo", parties=(party("IDN", None),))
    report = score([article("a", gold_event())], {"a": found(pred)})
    assert report.metrics.strict.f1 == 1.0
    assert report.metrics.place_accuracy.value == 0.0 and report.metrics.party_actor_f1.value == 0.0


def test_relevance_with_a_false_positive_and_a_missed_article() -> None:
    gold = [article("hit", gold_event()), article("missed", gold_event()), article("quiet"), article("noise"),
            article("hit2", gold_event())]
    preds = {"hit": found(predicted()), "missed": found(), "quiet": found(), "noise": found(predicted("attack")),
             "hit2": found(predicted())}
    rel = score(gold, preds).metrics.relevance
    assert (rel.tp, rel.predicted, rel.gold) == (2, 3, 3)
    assert rel.precision == pytest.approx(2 / 3) and rel.recall == pytest.approx(2 / 3)


def test_missing_article_counts_as_predicting_nothing() -> None:
    gold = [article("here", gold_event()), article("gone", gold_event(), gold_event("attack", salience="background")),
            article("gone-quiet")]
    report = score(gold, {"here": found(predicted())})  # "gone" and "gone-quiet" absent
    m = report.metrics
    assert report.missing == ("gone", "gone-quiet")
    assert [r.status for r in report.articles] == ["article", "missing", "missing"]
    assert (m.type.tp, m.type.predicted, m.type.gold) == (1, 1, 3)
    assert m.main_recall.hits == 1 and m.main_recall.total == 2
    assert (m.relevance.tp, m.relevance.predicted, m.relevance.gold) == (1, 1, 2)
    assert [r.source_id for r in worst(report, 5)] == ["gone"]  # two unmatched gold events; quiet ones are fine


def test_missing_status_ignores_stray_events() -> None:
    report = score([article("a", gold_event())], {"a": Prediction("missing", events=(predicted(),))})
    assert report.metrics.type.tp == 0 and report.metrics.type.predicted == 0


def test_worst_orders_by_unmatched_then_errors() -> None:
    gold = [article("one-miss", gold_event()), article("two-miss", gold_event(), gold_event("attack")),
            article("slot-error", gold_event()), article("fine", gold_event())]
    preds = {"one-miss": found(), "two-miss": found(), "slot-error": found(predicted(country="MYS")),
             "fine": found(predicted())}
    report = score(gold, preds)
    assert [r.source_id for r in worst(report, 5)] == ["two-miss", "one-miss", "slot-error"]
    assert [r.source_id for r in worst(report, 1)] == ["two-miss"]


def test_report_is_plain_data() -> None:
    report = score([article("a", gold_event())], {"a": found(predicted())})
    as_dict = dataclasses.asdict(report)
    assert as_dict["metrics"]["type"]["f1"] == 1.0
    assert as_dict["articles"][0]["pairs"][0]["strict"] is True
