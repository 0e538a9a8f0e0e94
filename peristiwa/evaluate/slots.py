"""Slot comparisons of the contract's Scoring section: dates, places, party sets, pairing cost.

Pure functions on plain values, so each rule can be tested on its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

# Coarse to fine: a date is "at least as fine" as another when its rank is not lower.
_RANK = {"year": 0, "month": 1, "day": 2}

# Administrative prefixes that gazetteer names and article text use inconsistently
# ("Kota Surabaya" / "Surabaya", "Kab. Poso" / "Poso").
_PLACE_PREFIX = re.compile(r"^(?:kota|kabupaten|kab\.?)\s+")

# Pairing cost, in days. A missing date on either side costs more than any real
# distance in the corpus (decades), so dated pairs are always preferred over guesses.
MISSING_DATE_DAYS = 100_000
# A place that disagrees costs about a month of date distance: an event on the
# same day elsewhere still beats one a season away in the right city.
PLACE_PENALTY_DAYS = 30


def normalise_place(name: str | None) -> str:
    """casefold, strip accents, collapse spaces, drop kota/kabupaten/kab. prefixes."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.split())
    return _PLACE_PREFIX.sub("", text).strip()


def places_match(gold: str | None, predicted: str | None) -> bool:
    """Normalised names equal, or one contains the other as whole words.

    Whole words, not substrings: "Bali" must not match "Balikpapan", while
    "Surabaya" matches "Kota Surabaya" and "Jakarta" matches "Jakarta Selatan".
    """
    a, b = normalise_place(gold), normalise_place(predicted)
    if not a or not b:
        return False
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def date_span(date: dt.date, precision: str | None) -> tuple[dt.date, dt.date]:
    """The days a date stands for: 2022-12-01/month is all of December 2022.

    A date without a precision is taken as a day (the most literal reading).
    """
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(date.year, date.month)[1]
        return dt.date(date.year, date.month, 1), dt.date(date.year, date.month, last)
    return date, date


def date_distance(gold: dt.date | None, gold_precision: str | None,
                  predicted: dt.date | None, predicted_precision: str | None) -> int:
    """Days between the two spans (0 when they overlap); MISSING_DATE_DAYS if either is missing."""
    if gold is None or predicted is None:
        return MISSING_DATE_DAYS
    g0, g1 = date_span(gold, gold_precision)
    p0, p1 = date_span(predicted, predicted_precision)
    if p1 < g0:
        return (g0 - p1).days
    if g1 < p0:
        return (p0 - g1).days
    return 0


def date_right(gold: dt.date | None, gold_precision: str | None,
               predicted: dt.date | None, predicted_precision: str | None) -> bool | None:
    """Right when the prediction is at least as precise as the gold and agrees at the gold precision.

    None (unscored) when the gold has no date. A predicted day inside a gold
    month is right for that month; a predicted year for a gold day is not.
    """
    if gold is None:
        return None
    if predicted is None:
        return False
    gold_rank = _RANK.get(gold_precision or "day", 2)
    if _RANK.get(predicted_precision or "day", 2) < gold_rank:
        return False
    if gold_rank == 0:
        return predicted.year == gold.year
    if gold_rank == 1:
        return (predicted.year, predicted.month) == (gold.year, gold.month)
    return predicted == gold


def place_penalty(gold_country: str | None, gold_name: str | None,
                  predicted_country: str | None, predicted_name: str | None) -> int:
    """For the pairing cost only: 0 when country and name agree (both unknown counts as agreeing),
    half the penalty when only the country agrees, the full penalty otherwise.

    The half step keeps a same-country guess ahead of a wrong-country one when
    neither names the right city, so country accuracy is not lost to a tie-break.
    """
    if gold_country != predicted_country:
        return PLACE_PENALTY_DAYS
    if (not gold_name and not predicted_name) or places_match(gold_name, predicted_name):
        return 0
    return PLACE_PENALTY_DAYS // 2


def pair_cost(gold_date: dt.date | None, gold_precision: str | None, gold_country: str | None, gold_name: str | None,
              predicted_date: dt.date | None, predicted_precision: str | None,
              predicted_country: str | None, predicted_name: str | None) -> int:
    """Date distance in days plus the place penalty."""
    return (date_distance(gold_date, gold_precision, predicted_date, predicted_precision)
            + place_penalty(gold_country, gold_name, predicted_country, predicted_name))


def set_f1(gold: Iterable[str | None], predicted: Iterable[str | None]) -> float:
    """F1 of two sets of codes, nulls dropped; both empty is 1.0 (nothing to get wrong)."""
    g = {x for x in gold if x}
    p = {x for x in predicted if x}
    if not g and not p:
        return 1.0
    return 2 * len(g & p) / (len(g) + len(p))
