"""Settings: read once per run into one typed object.

Every value can come from an argument, from a ``PERISTIWA_*`` environment
variable, or from its default here. Nothing else in the code reads the
environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, StringConstraints
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# An object-store warehouse is an address, not a path: Path("s3://b/p") would collapse the "//".
S3Address = Annotated[str, StringConstraints(pattern=r"^s3://[^/?]+(/.*)?$")]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PERISTIWA_", extra="ignore", populate_by_name=True)

    warehouse: S3Address | Path = Field(
        default=Path("data/warehouse"), union_mode="left_to_right",
        description="Warehouse folder: Parquet datasets and catalog.duckdb; "
        "or s3://bucket/prefix on S3-compatible storage.",
    )
    cache_dir: Path = Field(
        default=Path("~/.cache/peristiwa"),
        description="Local working copies of s3:// warehouses (one folder per bucket and prefix).",
    )
    s3_endpoint: str | None = Field(
        default=None, validation_alias=AliasChoices("PERISTIWA_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"),
        description="S3 endpoint for s3:// warehouses, e.g. http://127.0.0.1:9000 (MinIO); "
        "also read from AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL. Default: AWS.",
    )
    s3_region: str | None = Field(
        default=None, validation_alias=AliasChoices("PERISTIWA_S3_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"),
        description="Region of the s3:// warehouse's bucket; also read from AWS_REGION or AWS_DEFAULT_REGION.",
    )
    reference_dir: Path = Field(
        default=PROJECT_ROOT / "seeds" / "reference",
        description="Reference data (actors, places, type lexicons) as CSV.",
    )
    field_map: Path | None = Field(
        default=None,
        description="JSON file mapping your records' field names to canonical ones, "
        'e.g. {"body": "text", "headline": "title"}.',
    )
    batch_size: int = Field(
        default=5000, ge=1, description="Articles per Prefect task (work is batched, never one task per article)."
    )
    workers: int = Field(
        default=max(1, os.cpu_count() or 1), ge=1,
        description="Worker processes for normalising and extracting.",
    )
    parallel_from_bytes: int = Field(
        default=8 * 1024 * 1024, ge=0,
        description="Smaller inputs are processed in one thread: starting worker processes would cost more.",
    )
    lock_timeout: float = Field(
        default=0.0, ge=0, description="Seconds to wait for another run on the same warehouse (0: refuse at once)."
    )
    max_file_bytes: int = Field(
        default=512 * 1024 * 1024, ge=1, description="Larger input files are quarantined, not read."
    )
    keep_snapshots: int = Field(
        default=3, ge=2, description="Committed snapshots kept for readers that are still open."
    )
