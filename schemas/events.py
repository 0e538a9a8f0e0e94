"""``events``: one row per event (grain: event_id); parties nested as a list of structs."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pyarrow as pyarrow
from pandera.engines import pandas_engine
from pandera.typing import Series

from peristiwa.vocabulary import (
    ARTICLE_ID_PATTERN, DATE_PRECISIONS, EVENT_TYPES, ISO3_PATTERN,
    LOCATION_PRECISIONS, PARTY_KINDS, PARTY_ROLES, SALIENCES,
)

PARTY_STRUCT = pyarrow.struct([
    ("name", pyarrow.string()),
    ("kind", pyarrow.string()),
    ("actor_id", pyarrow.string()),
    ("country_iso3", pyarrow.string()),
    ("role", pyarrow.string()),
])


def _party_ok(party: object) -> bool:
    """One nested party obeys the contract's vocabularies."""
    if not isinstance(party, dict) or not party.get("name"):
        return False
    iso3 = party.get("country_iso3")
    return (
        party.get("kind") in PARTY_KINDS
        and party.get("role") in PARTY_ROLES
        and (iso3 is None or (isinstance(iso3, str) and len(iso3) == 3 and iso3.isupper()))
    )


class Events(pa.DataFrameModel):
    event_id: Series[str] = pa.Field(unique=True, description="Deterministic id: article_id and the event's ordinal in the article.")
    article_id: Series[str] = pa.Field(str_matches=ARTICLE_ID_PATTERN, description="The article the event was extracted from.")
    event_type: Series[str] = pa.Field(isin=list(EVENT_TYPES), description="One of the contract's 14 event types.")
    salience: Series[str] = pa.Field(isin=list(SALIENCES), description="main: reported as news; background: mentioned in passing.")
    event_date: Series[pandas_engine.Date] = pa.Field(nullable=True, description="Day the event happened, resolved against the publication date; null when the text gives no time.")
    date_precision: Series[str] = pa.Field(nullable=True, isin=list(DATE_PRECISIONS), description="day, month or year.")
    parties: Series[object] = pa.Field(
        metadata={"arrow_type": pyarrow.list_(PARTY_STRUCT)},
        description="Participants: list of struct(name, kind, actor_id, country_iso3, role).",
    )
    location_name: Series[str] = pa.Field(nullable=True, description="Most specific named place (gazetteer name).")
    location_admin1: Series[str] = pa.Field(nullable=True, description="Province or state of the place.")
    location_country_iso3: Series[str] = pa.Field(nullable=True, str_matches=ISO3_PATTERN, description="Country of the place (ISO 3166-1 alpha-3).")
    latitude: Series[float] = pa.Field(nullable=True, ge=-90, le=90, description="Latitude of the place (WGS84).")
    longitude: Series[float] = pa.Field(nullable=True, ge=-180, le=180, description="Longitude of the place (WGS84).")
    location_precision: Series[str] = pa.Field(nullable=True, isin=list(LOCATION_PRECISIONS), description="city, admin1 or country.")
    evidence: Series[str] = pa.Field(str_length={"min_value": 1}, description="The sentence the event was extracted from.")
    confidence: Series[float] = pa.Field(ge=0, le=1, description="Extractor confidence, 0 to 1.")
    extractor_version: Series[str] = pa.Field(description="Extractor version (code and reference data).")
    event_year: Series[pd.Int32Dtype] = pa.Field(nullable=True, ge=1900, le=2100, description="Partition key: year of event_date (null partition when undated).")

    @pa.check("parties", name="parties_well_formed", element_wise=False)
    def _parties_well_formed(cls, parties: Series[object]) -> Series[bool]:
        return parties.map(lambda ps: isinstance(ps, (list, tuple)) and all(_party_ok(p) for p in ps))

    class Config:
        strict = True
        coerce = True
