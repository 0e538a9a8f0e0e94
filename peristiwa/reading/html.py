"""HTML articles: main text via trafilatura; title, URL, date and site name from the page's own metadata."""

from __future__ import annotations

import json
import logging
from typing import Any

import lxml.html
import trafilatura

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# <meta> names/properties holding the publication time, most specific first.
_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "content_publishedtime",
)
_URL_META = ("og:url", "twitter:url")
_SITE_META = ("og:site_name", "application-name", "publisher", "twitter:site")
_MIN_WORDS = 3  # fewer words than this is navigation debris, not an article
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl")


def _meta(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    return out


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                items.append(node)
                if isinstance(node.get("@graph"), list):
                    stack.extend(node["@graph"])
    return items


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, dict):
            value = value.get("name") or value.get("@id")
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def page_metadata(html: str) -> dict[str, str]:
    """Canonical URL, published date/time, site name, title and author declared by the page itself."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return {}
    meta = _meta(tree)
    ld = [node for node in _json_ld(tree) if node.get("datePublished") or node.get("headline")]
    canonical = next(
        (el.get("href") for el in tree.iter("link") if "canonical" in (el.get("rel") or "").lower().split()),
        None,
    )
    time_el = next((el.get("datetime") for el in tree.iter("time") if el.get("datetime")), None)
    out = {
        "url": _first(canonical, *(meta.get(k) for k in _URL_META), *(n.get("url") for n in ld)),
        "date": _first(
            *(meta.get(k) for k in _DATE_META), *(n.get("datePublished") for n in ld), time_el,
        ),
        "publisher": _first(*(meta.get(k) for k in _SITE_META), *(n.get("publisher") for n in ld)),
        "title": _first(meta.get("og:title"), *(n.get("headline") for n in ld)),
        "byline": _first(*(meta.get(k) for k in _AUTHOR_META), *(n.get("author") for n in ld)),
    }
    return {k: v for k, v in out.items() if v}


def read_html(html: str) -> dict[str, str]:
    """Canonical fields of one HTML article; no "text" key when no main text could be extracted."""
    meta = page_metadata(html)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    found: dict[str, Any] = {}
    if doc is not None:
        found = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    fields: dict[str, str] = {}
    title = found.get("title") or meta.get("title")
    if title:
        fields["title"] = title.strip()
    text = (found.get("text") or "").strip()
    if title and text.startswith(title.strip()):  # trafilatura repeats the <h1> as the first line
        text = text[len(title.strip()):].lstrip()
    if len(text.split()) >= _MIN_WORDS:
        fields["text"] = text
    url = meta.get("url") or found.get("url")
    if url:
        fields["url"] = url
    # Only the date the page declares: trafilatura's date may come from the body text or URL.
    if meta.get("date"):
        fields["date"] = meta["date"]
    publisher = meta.get("publisher") or found.get("sitename")
    if publisher:
        fields["publisher"] = publisher
    byline = found.get("author") or meta.get("byline")
    if byline:
        fields["byline"] = byline
    return fields
