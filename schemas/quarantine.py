"""``quarantine``: one row per rejected input (grain: quarantine_id).

Anything the pipeline could not use lands here with a readable reason; it
never stops a run.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

STAGES = ["discover", "read", "normalise", "extract", "validate", "dedup"]


class Quarantine(pa.DataFrameModel):
    quarantine_id: Series[str] = pa.Field(unique=True, description="Deterministic id of (path, record, stage, check), so re-runs do not repeat rows.")
    run_id: Series[str] = pa.Field(description="The run that first quarantined it.")
    source_path: Series[str] = pa.Field(description="File (or folder) concerned.")
    record_index: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="Record within the file, null for the whole file.")
    source_id: Series[str] = pa.Field(nullable=True, description="The record's own id where known.")
    stage: Series[str] = pa.Field(isin=STAGES, description="Pipeline stage that rejected it.")
    check: Series[str] = pa.Field(str_length={"min_value": 1}, description="Short code of the failing check, e.g. binary_file, invalid_json, duplicate_article.")
    reason: Series[str] = pa.Field(str_length={"min_value": 1}, description="Readable reason.")
    sample: Series[str] = pa.Field(nullable=True, description="A short excerpt of the offending input.")
    article_id: Series[str] = pa.Field(nullable=True, description="For a duplicate, the article it repeats (its text landed under this id); for a failing row, its article.")
    quarantined_at: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"}, description="Start of the run that quarantined it (UTC).")

    class Config:
        strict = True
        coerce = True
