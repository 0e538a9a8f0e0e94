"""One self-contained HTML page: plotly.js, the map's topojson and every figure inline, no network at view time."""

from __future__ import annotations

import datetime as dt
import gzip
import html
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from peristiwa.report import figures
from peristiwa.report.queries import ReportData

ASSETS = Path(__file__).parent / "assets"
TOPOJSON = "world_50m"  # the name plotly.js derives from geo scope "world" and resolution 50
# Nothing in the page may be fetched: no CDN for plotly.js, MathJax or the map, no link-outs on the mode bar.
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "topojsonURL": "./"}

CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #1f2d3d; color: white; padding: 18px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; opacity: .8; }
main { max-width: 1320px; margin: 0 auto; padding: 8px 24px 40px; }
section { background: white; border: 1px solid #e3e3e3; border-radius: 6px; margin: 18px 0; padding: 12px 18px; }
section h2 { font-size: 18px; margin: 4px 0 2px; }
section p.note { margin: 0 0 6px; color: #666; font-size: 13px; }
.totals { display: flex; gap: 28px; flex-wrap: wrap; margin-top: 12px; }
.totals div { font-size: 13px; opacity: .85; }
.totals b { display: block; font-size: 22px; opacity: 1; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
table.data { border-collapse: collapse; font-size: 12px; width: 100%; }
table.data th, table.data td { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: left; }
table.data th { background: #f4f4f4; }
"""


def _figure_div(fig: go.Figure) -> str:
    return fig.to_html(full_html=False, include_plotlyjs=False, include_mathjax=False, config=PLOTLY_CONFIG)


def html_table(frame: pd.DataFrame) -> str:
    """A plain, escaped HTML table of a small frame."""
    if frame.empty:
        return "<p class='note'>none</p>"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if pd.isna(v) else html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table class='data'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(title: str, note: str, content: str) -> str:
    return f"<section><h2>{html.escape(title)}</h2><p class='note'>{html.escape(note)}</p>{content}</section>"


def geo_assets_script() -> str:
    """Registers the world topojson where plotly.js looks before fetching it from its CDN."""
    topojson = gzip.decompress((ASSETS / f"{TOPOJSON}.json.gz").read_bytes()).decode("utf-8")
    return ("<script>window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};"
            f"window.PlotlyGeoAssets.topojson[{TOPOJSON!r}] = {topojson};</script>")


def render_page(data: ReportData, title: str = "peristiwa: terrorism and counter-terrorism events",
                generated: dt.datetime | None = None) -> str:
    """The whole report as one HTML document."""
    generated = generated or dt.datetime.now(dt.timezone.utc)
    totals = data.totals.iloc[0] if not data.totals.empty else {}
    figures_total = "".join(
        f"<div><b>{int(totals.get(name, 0)):,}</b>{name}</div>"
        for name in ("articles", "events", "parties", "quarantined", "runs")
    )
    sections = [
        _section("Events over time", "Dated events per month, by type (view events_by_month); "
                 "undated events are left out. Background events (earlier events an article mentions) count "
                 "in the month they happened.", _figure_div(figures.timeline_figure(data.by_month))),
        _section("Located incidents", "Arrests, security operations and attacks with coordinates (view incidents). "
                 "Hover a point for the place, date and parties; scroll to zoom.",
                 _figure_div(figures.map_figure(data.incidents))),
        _section("Cooperation network", "States, agencies, security forces and international bodies linked by the "
                 "cooperation events they share (view cooperation_edges): agreements, meetings, intelligence "
                 "sharing, capacity building, law-enforcement cooperation, pledges. Node size: linked events.",
                 _figure_div(figures.network_figure(data.edges))),
        _section("Top actors", "The 20 parties with the most events (view actor_timeline); unnamed suspects and "
                 "other kinds left out.", _figure_div(figures.actors_figure(data.actors))),
        _section("Data quality", "How complete the extracted events are, what was rejected, and which runs and "
                 "extractor built the data.",
                 "<div class='grid'><div><h3>Events with ...</h3>"
                 f"{_figure_div(figures.completeness_figure(data.completeness))}</div>"
                 f"<div><h3>Quarantine reasons</h3>{_figure_div(figures.quarantine_figure(data.quarantine))}</div></div>"
                 f"<h3>Extractor versions</h3>{html_table(data.extractors)}"
                 f"<h3>Last runs</h3>{html_table(data.runs)}"),
    ]
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{html.escape(title)}</title>"
        f"<style>{CSS}</style>"
        f"<script type='text/javascript'>{get_plotlyjs()}</script>{geo_assets_script()}</head><body>"
        f"<header><h1>{html.escape(title)}</h1>"
        f"<p>Generated {generated:%Y-%m-%d %H:%M} UTC from the warehouse catalog.</p>"
        f"<div class='totals'>{figures_total}</div></header>"
        f"<main>{''.join(sections)}</main></body></html>\n"
    )
