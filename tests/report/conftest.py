"""The seeds warehouse of tests/warehouse, for the report tests."""

from tests.warehouse.conftest import seeds_warehouse  # noqa: F401
