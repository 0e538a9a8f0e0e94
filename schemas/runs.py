"""``runs`` (one row per ingest run, grain: run_id) and the internal ``manifest``
(one row per input file read, grain: path)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class Runs(pa.DataFrameModel):
    run_id: Series[str] = pa.Field(unique=True, description="Sortable run id (UTC start time and a random suffix).")
    started_at: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"}, description="Run start (UTC).")
    finished_at: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"}, description="Commit time (UTC).")
    inputs: Series[str] = pa.Field(description="Input paths of the run, newline-separated.")
    full_refresh: Series[bool] = pa.Field(description="Whether the run rebuilt the warehouse from scratch.")
    extractor_version: Series[str] = pa.Field(description="Extractor version used.")
    files_seen: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Input files discovered.")
    files_new: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Files never read before.")
    files_changed: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Files whose content changed since they were read; their earlier rows were replaced.")
    files_skipped: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Files unchanged since the last run.")
    articles_landed: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Article rows added.")
    events_landed: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Event rows added.")
    parties_landed: Series[pd.Int64Dtype] = pa.Field(ge=0, description="event_parties rows added.")
    rows_replaced: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Article rows removed because their file changed.")
    quarantined: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Quarantine rows added.")

    class Config:
        strict = True
        coerce = True


class Manifest(pa.DataFrameModel):
    path: Series[str] = pa.Field(unique=True, description="Absolute path of an input file.")
    size: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Size in bytes when read.")
    mtime_ns: Series[pd.Int64Dtype] = pa.Field(description="Modification time (ns) when read.")
    content_hash: Series[str] = pa.Field(description="SHA-256 of the file's bytes.")
    run_id: Series[str] = pa.Field(description="Run that last read it.")

    class Config:
        strict = True
        coerce = True
