"""Plotly figures from the report's query results (pure: frames in, figures out, no I/O)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from peristiwa.report.network import spring_layout
from peristiwa.vocabulary import EVENT_TYPES, PARTY_KINDS

# Cooperation in blues and greens, coercion in warm colours, the rest in purples and greys.
TYPE_COLOURS = {
    "agreement": "#1f77b4", "meeting": "#6baed6", "intel_sharing": "#17becf", "capacity_building": "#2ca02c",
    "law_enforcement_cooperation": "#98df8a", "cooperation_pledge": "#9edae5", "arrest": "#ff7f0e",
    "security_operation": "#d62728", "prosecution": "#8c564b", "prevention": "#bcbd22", "policy": "#9467bd",
    "sanction": "#c5b0d5", "attack": "#e7298a", "threat": "#7f7f7f",
}
KIND_COLOURS = {
    "state": "#e41a1c", "agency": "#377eb8", "security_force": "#4daf4a", "igo": "#984ea3",
    "armed_group": "#ff7f00", "person": "#a65628", "other": "#999999",
}
INDONESIA = {"lon": (94.0, 142.0), "lat": (-11.5, 7.0)}
FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"


def _layout(fig: go.Figure, height: int, **extra: object) -> go.Figure:
    extra.setdefault("margin", {"l": 10, "r": 10, "t": 30, "b": 10})
    fig.update_layout(height=height, template="plotly_white", font={"family": FONT, "size": 12}, **extra)
    return fig


def _text(value: object) -> str:
    """A cell as text: '' for null (None, NaN, NaT)."""
    return "" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else str(value)


def _empty(fig: go.Figure, message: str) -> go.Figure:
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": 14, "color": "#888"})
    return fig


def timeline_figure(by_month: pd.DataFrame) -> go.Figure:
    """Dated events per month, stacked by event type (from events_by_month)."""
    fig = go.Figure()
    for event_type in EVENT_TYPES:
        rows = by_month[by_month["event_type"] == event_type]
        if rows.empty:
            continue
        fig.add_bar(x=rows["event_month"], y=rows["events"], name=event_type,
                    marker_color=TYPE_COLOURS[event_type],
                    hovertemplate="%{x|%b %Y}: %{y} " + event_type + "<extra></extra>")
    if by_month.empty:
        _empty(fig, "no dated events")
    fig.update_xaxes(title=None, type="date", rangeslider={"visible": True, "thickness": 0.08})
    fig.update_yaxes(title="events")
    return _layout(fig, 460, barmode="stack", legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
                   margin={"l": 10, "r": 10, "t": 70, "b": 10})


def map_figure(incidents: pd.DataFrame) -> go.Figure:
    """Arrests, security operations and attacks with coordinates: the world, and Indonesia up close."""
    fig = make_subplots(rows=1, cols=2, column_widths=[0.45, 0.55], horizontal_spacing=0.02,
                        specs=[[{"type": "geo"}, {"type": "geo"}]],
                        subplot_titles=("World", "Indonesia"))
    for event_type in ("arrest", "security_operation", "attack"):
        rows = incidents[incidents["event_type"] == event_type]
        if rows.empty:
            continue
        hover = [
            f"<b>{event_type}</b> {'' if pd.isna(d) else pd.Timestamp(d).date()}<br>"
            f"{_text(name)}{', ' + _text(admin) if _text(admin) else ''} ({_text(country) or '?'})<br>"
            f"{_text(parties)[:120]}"
            for d, name, admin, country, parties in zip(rows["event_date"], rows["location_name"], rows["location_admin1"],
                                                        rows["location_country_iso3"], rows["parties"])
        ]
        for col, show in ((1, True), (2, False)):
            fig.add_scattergeo(lon=rows["longitude"], lat=rows["latitude"], mode="markers", name=event_type,
                               legendgroup=event_type, showlegend=show, text=hover, hoverinfo="text",
                               marker={"size": 7, "color": TYPE_COLOURS[event_type], "opacity": 0.75,
                                       "line": {"width": 0.5, "color": "white"}},
                               row=1, col=col)
    geo = {"resolution": 50, "scope": "world", "showcountries": True, "countrycolor": "#bbb",
           "showland": True, "landcolor": "#f2efe9", "showocean": True, "oceancolor": "#e4eef5",
           "showcoastlines": True, "coastlinecolor": "#999", "showframe": False}
    fig.update_geos(**geo, projection_type="natural earth", row=1, col=1)
    fig.update_geos(**geo, projection_type="mercator", lonaxis_range=INDONESIA["lon"],
                    lataxis_range=INDONESIA["lat"], row=1, col=2)
    if incidents.empty:
        _empty(fig, "no located incidents")
    return _layout(fig, 480, legend={"orientation": "h", "y": -0.05})


def network_figure(edges: pd.DataFrame, top: int = 40) -> go.Figure:
    """States and bodies linked by shared cooperation events (from cooperation_edges), the best-linked first."""
    fig = go.Figure()
    if edges.empty:
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return _layout(_empty(fig, "no cooperation events between states and bodies"), 560, showlegend=False)
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    degree: dict[str, int] = {}
    for row in edges.itertuples():
        for key, name, kind in ((row.party_a_key, row.party_a_name, row.party_a_kind),
                                (row.party_b_key, row.party_b_name, row.party_b_kind)):
            names[key], kinds[key] = name, kind
            degree[key] = degree.get(key, 0) + int(row.events)
    keep = sorted(degree, key=lambda k: (-degree[k], k))[:top]
    kept = set(keep)
    links = [(r.party_a_key, r.party_b_key, float(r.events), r) for r in edges.itertuples()
             if r.party_a_key in kept and r.party_b_key in kept]
    pos = spring_layout(keep, [(a, b, w) for a, b, w, _ in links])
    widest = max(w for _, _, w, _ in links) if links else 1.0
    for band, (low, high) in enumerate(((0, 0.2), (0.2, 0.6), (0.6, 1.01))):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b, w, _ in links:
            if low <= w / widest < high:
                xs += [pos[a][0], pos[b][0], None]
                ys += [pos[a][1], pos[b][1], None]
        if xs:
            fig.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                            line={"width": 1 + 3 * band, "color": f"rgba(90,90,120,{0.25 + 0.2 * band})"})
    # Hover on an edge's midpoint: who, how often, when, which types.
    fig.add_scatter(
        x=[(pos[a][0] + pos[b][0]) / 2 for a, b, _, _ in links], y=[(pos[a][1] + pos[b][1]) / 2 for a, b, _, _ in links],
        mode="markers", marker={"size": 6, "color": "rgba(0,0,0,0)"}, showlegend=False, hoverinfo="text",
        text=[f"{r.party_a_name} – {r.party_b_name}<br>{int(w)} events, {r.first_date} to {r.last_date}<br>{r.event_types}"
              for _, _, w, r in links])
    for kind in PARTY_KINDS:
        members = [k for k in keep if kinds[k] == kind]
        if not members:
            continue
        fig.add_scatter(
            x=[pos[k][0] for k in members], y=[pos[k][1] for k in members], mode="markers+text", name=kind,
            text=[names[k] if len(names[k]) <= 28 else k for k in members], textposition="top center",
            textfont={"size": 10}, hovertext=[f"{names[k]} ({kind}): {degree[k]} links" for k in members],
            hoverinfo="text",
            marker={"size": [8 + 3 * math.sqrt(degree[k]) for k in members], "color": KIND_COLOURS[kind],
                    "line": {"width": 1, "color": "white"}})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    return _layout(fig, 620, legend={"orientation": "h", "y": -0.02})


def actors_figure(actors: pd.DataFrame) -> go.Figure:
    """The parties with the most events (unnamed suspects and other kinds left out), by kind."""
    fig = go.Figure()
    order = list(actors["name"])[::-1]
    for kind in PARTY_KINDS:
        rows = actors[actors["kind"] == kind]
        if rows.empty:
            continue
        fig.add_bar(x=rows["events"], y=rows["name"], orientation="h", name=kind, marker_color=KIND_COLOURS[kind],
                    customdata=rows[["as_actor", "as_target"]],
                    hovertemplate="%{y}: %{x} events (%{customdata[0]} as actor, %{customdata[1]} as target)"
                                  "<extra></extra>")
    if actors.empty:
        _empty(fig, "no parties")
    fig.update_yaxes(categoryorder="array", categoryarray=order, automargin=True)
    fig.update_xaxes(title="events")
    return _layout(fig, 560, legend={"orientation": "h", "y": -0.12})


def completeness_figure(completeness: pd.DataFrame) -> go.Figure:
    """Share of events with a date, a place, coordinates, parties, and reported as main news."""
    row = completeness.iloc[0] if not completeness.empty else None
    total = int(row["events"]) if row is not None else 0
    labels = {"with_date": "date", "with_place": "place", "with_coordinates": "coordinates",
              "with_parties": "parties", "main_salience": "main news (not background)"}
    shares = [(label, int(row[col]) if row is not None else 0) for col, label in labels.items()]
    fig = go.Figure(go.Bar(
        x=[100 * n / total if total else 0 for _, n in shares], y=[label for label, _ in shares], orientation="h",
        text=[f"{100 * n / total:.0f}% ({n:,})" if total else "–" for _, n in shares], textposition="auto",
        marker_color="#4c78a8", hoverinfo="skip"))
    fig.update_xaxes(range=[0, 100], title=f"% of {total:,} events", ticksuffix="%")
    fig.update_yaxes(autorange="reversed", automargin=True)
    return _layout(fig, 280)


def quarantine_figure(quarantine: pd.DataFrame) -> go.Figure:
    """Quarantined inputs by stage and failing check."""
    labels = [f"{s}: {c}" for s, c in zip(quarantine["stage"], quarantine["check"])]
    fig = go.Figure(go.Bar(x=quarantine["rows"], y=labels, orientation="h", marker_color="#e45756",
                           text=quarantine["rows"], textposition="auto",
                           hovertemplate="%{y}: %{x} rows<extra></extra>"))
    if quarantine.empty:
        _empty(fig, "nothing quarantined")
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title="rows")
    return _layout(fig, max(220, 40 + 26 * len(labels)))
