"""``event_parties``: one row per party per event (grain: event_id, party_index).

The flat twin of ``events.parties`` for BI tools that cannot read lists of structs.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from peristiwa.vocabulary import ARTICLE_ID_PATTERN, EVENT_TYPES, ISO3_PATTERN, PARTY_KINDS, PARTY_ROLES


class EventParties(pa.DataFrameModel):
    event_id: Series[str] = pa.Field(description="The event (events.event_id).")
    party_index: Series[pd.Int32Dtype] = pa.Field(ge=0, description="Position of the party in events.parties.")
    article_id: Series[str] = pa.Field(str_matches=ARTICLE_ID_PATTERN, description="The article (articles.article_id).")
    event_type: Series[str] = pa.Field(isin=list(EVENT_TYPES), description="Copied from events for convenience.")
    event_date: Series[pandas_engine.Date] = pa.Field(nullable=True, description="Copied from events for convenience.")
    name: Series[str] = pa.Field(str_length={"min_value": 1}, description="Canonical party name without ranks or honorifics.")
    kind: Series[str] = pa.Field(isin=list(PARTY_KINDS), description="state, agency, security_force, igo, armed_group, person or other.")
    actor_id: Series[str] = pa.Field(nullable=True, description="ISO3 for states, actors.csv id for known bodies, else null.")
    country_iso3: Series[str] = pa.Field(nullable=True, str_matches=ISO3_PATTERN, description="Country the party acts for.")
    role: Series[str] = pa.Field(isin=list(PARTY_ROLES), description="actor or target.")
    event_year: Series[pd.Int32Dtype] = pa.Field(nullable=True, ge=1900, le=2100, description="Partition key: year of event_date.")

    @pa.dataframe_check(name="unique_event_party")
    def _unique_event_party(cls, df: pd.DataFrame) -> Series[bool]:
        return ~df.duplicated(subset=["event_id", "party_index"], keep=False)

    class Config:
        strict = True
        coerce = True
