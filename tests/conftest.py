"""Shared fixtures: where the seeds and the shared corpus are.

Tests that read ``../shared/corpus`` or ``../shared/eval`` use the fixtures
below, which skip (never fail) when that folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"
SHARED = Path(os.environ.get("PERISTIWA_SHARED", PROJECT_ROOT.parent / "shared"))

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    path = SHARED / "corpus"
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path}")
    return path


@pytest.fixture(scope="session")
def gold_path() -> Path:
    path = SHARED / "eval" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"gold file not found at {path}")
    return path


@pytest.fixture(scope="session")
def prefect_harness():
    """A throwaway Prefect backend for the session: its own database, on loopback, stopped at the end."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
