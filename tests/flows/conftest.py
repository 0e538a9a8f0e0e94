import pytest


@pytest.fixture(autouse=True)
def _in_prefect_harness(prefect_harness: None) -> None:
    """Every flow test runs against the session's throwaway Prefect backend."""
