from __future__ import annotations

import os

import pytest
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows import runners


class FakeServer:
    def __init__(self, running: bool) -> None:
        self.running = running
        self.api_url = "http://127.0.0.1:8123/api"


@pytest.fixture
def no_api_url(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        yield


@pytest.mark.parametrize("running", [True, False])
def test_workers_inherit_the_ephemeral_api_only_while_the_pool_runs(
    no_api_url, monkeypatch: pytest.MonkeyPatch, running: bool
) -> None:
    monkeypatch.setattr("prefect.server.api.server.SubprocessASGIServer", lambda: FakeServer(running))
    with runners.api_shared_with_workers() as url:
        assert url == ("http://127.0.0.1:8123/api" if running else None)
        assert os.environ.get("PREFECT_API_URL") == url
    assert "PREFECT_API_URL" not in os.environ


def test_a_configured_api_is_left_as_it_is(no_api_url, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("prefect.server.api.server.SubprocessASGIServer", lambda: pytest.fail("no server needed"))
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        with runners.api_shared_with_workers() as url:
            assert url == "http://127.0.0.1:4200/api"
            assert "PREFECT_API_URL" not in os.environ  # the workers get it from the settings already


def test_check_runner_rejects_unknown_runners_and_stray_addresses() -> None:
    with pytest.raises(ValueError, match="unknown runner"):
        runners.check_runner("ray", None)
    with pytest.raises(ValueError, match="needs runner 'dask'"):
        runners.check_runner("local", "tcp://127.0.0.1:8786")
