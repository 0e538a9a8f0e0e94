"""The report of the seeds warehouse: every part present, self-contained, and drawn by a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peristiwa.report import build_report, load
from tests.report import chromium
from warehouse.catalog import connect

SECTIONS = ("Events over time", "Located incidents", "Cooperation network", "Top actors", "Data quality",
            "Quarantine reasons", "Extractor versions", "Last runs")


@pytest.fixture(scope="module")
def report_html(seeds_warehouse: Path) -> str:
    con = connect(seeds_warehouse)
    try:
        return build_report(con)
    finally:
        con.close()


@pytest.fixture(scope="module")
def report_file(report_html: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(report_html, encoding="utf-8")
    return path


def test_seeds_give_data_for_every_panel(seeds_warehouse: Path) -> None:
    con = connect(seeds_warehouse)
    try:
        data = load(con)
    finally:
        con.close()
    assert int(data.totals["events"].iloc[0]) > 0
    for name in ("by_month", "incidents", "edges", "actors", "completeness", "extractors", "runs"):
        assert not getattr(data, name).empty, name


def test_every_section_is_present(report_html: str) -> None:
    for title in SECTIONS:
        assert f">{title}<" in report_html, title
    assert report_html.count('class="plotly-graph-div"') == 6


def test_plotly_js_and_map_are_embedded(report_html: str) -> None:
    assert "plotly.js v" in report_html  # the library's banner: the whole bundle is inline
    assert "window.PlotlyGeoAssets.topojson['world_50m'] = {" in report_html
    assert '"type":"scattergeo"' in report_html


def test_nothing_is_loaded_from_outside(report_html: str) -> None:
    assert not re.search(r"<script[^>]+\bsrc\s*=", report_html, re.IGNORECASE)
    assert not re.search(r"<link[^>]+\bhref\s*=", report_html, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", report_html, re.IGNORECASE)
    assert "mathjax" not in report_html.lower().split("plotly.js v", 1)[0]
    # plotly.js would fetch the map from its CDN unless told where else to look; it never gets there.
    assert '"topojsonURL": "./"' in report_html


pytestmark_browser = pytest.mark.skipif(not chromium.CHROMIUM.exists(), reason="chromium is not installed")


@pytestmark_browser
@pytest.mark.slow
def test_chromium_draws_the_charts_offline(report_file: Path, tmp_path: Path) -> None:
    dom = chromium.run(report_file, tmp_path / "dom", "--dump-dom").stdout
    assert dom.count('class="main-svg"') >= 6  # plotly drew every figure
    assert 'class="layer countries"' in dom  # the map's countries came from the inline topojson
    assert 'class="trace scattergeo"' in dom
    assert chromium.page_requests(tmp_path / "dom" / "net.json") == set()


@pytestmark_browser
@pytest.mark.slow
def test_chromium_screenshot_is_not_blank(report_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    chromium.run(report_file, tmp_path / "shot", f"--screenshot={shot}", "--window-size=1400,2400")
    data = shot.read_bytes()
    assert chromium.png_size(data) == (1400, 2400)
    assert len(data) > 100_000
    assert chromium.png_busy_share(data) > 0.005  # a blank page: about 0.0003
    assert chromium.page_requests(tmp_path / "shot" / "net.json") == set()
