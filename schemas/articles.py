"""``articles``: one row per distinct article text (grain: article_id)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from peristiwa.vocabulary import ARTICLE_ID_PATTERN, DATE_SOURCES, LANGUAGES


class Articles(pa.DataFrameModel):
    article_id: Series[str] = pa.Field(
        unique=True, str_matches=ARTICLE_ID_PATTERN,
        description="Deterministic id: first 16 hex digits of content_hash, so the same text is one article.",
    )
    source_id: Series[str] = pa.Field(str_length={"min_value": 1}, description="The input record's own id, else the file name.")
    source_path: Series[str] = pa.Field(str_length={"min_value": 1}, description="Absolute path of the file the article came from.")
    record_index: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Position of the record in its file (0-based; line for JSONL).")
    source_format: Series[str] = pa.Field(isin=["txt", "md", "html", "json", "jsonl"], description="Format of the input file.")
    url: Series[str] = pa.Field(nullable=True, description="Article URL (canonical where the page gives one).")
    title: Series[str] = pa.Field(nullable=True, description="Headline.")
    publisher: Series[str] = pa.Field(nullable=True, description="Publisher or site name.")
    published_date: Series[pandas_engine.Date] = pa.Field(nullable=True, description="Publication date (local date as published).")
    published_date_source: Series[str] = pa.Field(
        nullable=True, isin=list(DATE_SOURCES),
        description="Where published_date came from: the record's date field, its URL, or a dateline in the text.",
    )
    published_date_note: Series[str] = pa.Field(nullable=True, description="Why the date source was chosen, e.g. a day/month swap resolved by the URL.")
    language: Series[str] = pa.Field(isin=list(LANGUAGES), description="Detected language: id, en or other.")
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="Article body after boilerplate removal.")
    content_hash: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the canonicalised text.")
    extractor_version: Series[str] = pa.Field(description="Version of the extractor (code and reference data) that produced this article's events.")
    ingested_at: Series[pd.DatetimeTZDtype] = pa.Field(
        dtype_kwargs={"unit": "us", "tz": "UTC"}, description="When the run that landed this row started (UTC).",
    )
    published_year: Series[pd.Int32Dtype] = pa.Field(
        nullable=True, ge=1900, le=2100,
        description="Partition key: year of published_date (null partition when unknown).",
    )

    class Config:
        strict = True
        coerce = True
