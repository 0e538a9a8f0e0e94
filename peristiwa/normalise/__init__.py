"""Normalising: RawRecord -> Article (clean text, publication date, language, ids).

Public interface: ``normalise_record(raw, *, extractor_version, ingested_at) -> Article | Problem``.
For a batch, clean every text first (``record_text``) and label the languages in one
call (``detect_languages``), then pass both in: the language model is far cheaper
per article on a batch than one article at a time.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from peristiwa.model import Article, Problem, RawRecord
from peristiwa.normalise.boilerplate import clean_text, fix_mojibake
from peristiwa.normalise.dates import published_date, unreadable_date_field
from peristiwa.normalise.ids import article_id, content_hash
from peristiwa.normalise.language import detect_language, detect_languages

__all__ = ["date_problem", "detect_languages", "normalise_record", "publisher_from_url", "record_source_id", "record_text"]

# Formats that hold exactly one article per file: its source_id is the file name.
SINGLE_RECORD_FORMATS = frozenset({"txt", "md", "markdown", "html", "htm", "text"})
SAMPLE_CHARS = 200

_HOST_RE = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#:@]+@)?([^/?#:]+)", re.IGNORECASE)
# Second-level labels under a country code that are not the publisher: kontan.co.id, bbc.co.uk.
_SECOND_LEVEL = frozenset({"co", "ac", "or", "go", "web", "sch", "my", "biz", "net", "org", "com", "gov", "mil", "edu", "ne"})


def record_source_id(raw: RawRecord) -> str:
    """fields["source_id"], else the file name (one-article formats), else "name#index"."""
    given = (raw.fields.get("source_id") or "").strip()
    if given:
        return given
    name = PurePath(raw.source_path).name
    fmt = raw.source_format.lower().removesuffix(".gz")
    return name if fmt in SINGLE_RECORD_FORMATS else f"{name}#{raw.record_index}"


def publisher_from_url(url: str | None) -> str | None:
    """The publisher's registrable domain: "https://internasional.kompas.com/read/..." -> "kompas.com"."""
    if not url:
        return None
    match = _HOST_RE.match(url.strip())
    if not match:
        return None
    labels = [label for label in match.group(2).lower().strip(".").split(".") if label]
    if len(labels) < 2 or labels[-1].isdigit():  # no domain, or an IP address
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _clean_field(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(fix_mojibake(value).split())
    return value or None


def record_text(raw: RawRecord) -> str:
    """The record's article text without boilerplate ("" when nothing is left)."""
    return clean_text(raw.fields.get("text") or "")


def normalise_record(
    raw: RawRecord, *, extractor_version: str, ingested_at: dt.datetime,
    text: str | None = None, language: str | None = None,
) -> Article | Problem:
    """One RawRecord as an Article, or a Problem when it has no article text.

    ``text`` (``record_text(raw)``) and ``language`` (of that text) are computed
    here unless the caller already has them from a batch.
    """
    fields = raw.fields
    source_id = record_source_id(raw)
    raw_text = fields.get("text") or ""
    if text is None:
        text = clean_text(raw_text)
    if not text:
        reason = (
            "The record has no text field or an empty one."
            if not raw_text.strip()
            else "Nothing is left of the text once boilerplate and whitespace are removed."
        )
        return Problem(
            source_path=raw.source_path,
            record_index=raw.record_index,
            stage="normalise",
            check="missing_text",
            reason=reason,
            source_id=source_id,
            sample=raw_text.strip()[:SAMPLE_CHARS] or None,
        )
    url = (fields.get("url") or "").strip() or None
    date = published_date(fields.get("date"), fields.get("time"), url, text)
    digest = content_hash(text)
    return Article(
        article_id=article_id(digest),
        source_id=source_id,
        source_path=raw.source_path,
        record_index=raw.record_index,
        source_format=raw.source_format,
        url=url,
        title=_clean_field(fields.get("title")),
        publisher=_clean_field(fields.get("publisher")) or publisher_from_url(url),
        published_date=date.date,
        published_date_source=date.source,
        published_date_note=date.note,
        language=detect_language(text) if language is None else language,
        text=text,
        content_hash=digest,
        extractor_version=extractor_version,
        ingested_at=ingested_at,
    )


def date_problem(raw: RawRecord, article: Article) -> Problem | None:
    """A record whose date field cannot be read still lands (its date from the URL or a
    dateline, else none), and the quarantine records why its date field was ignored."""
    if not unreadable_date_field(raw.fields.get("date"), raw.fields.get("time")):
        return None
    fallback = f"published_date taken from the {article.published_date_source}" if article.published_date_source else "published_date left empty"
    return Problem(
        source_path=raw.source_path, record_index=raw.record_index, stage="normalise", check="unparseable_date",
        reason=f"the date field {raw.fields['date'].strip()[:60]!r} matches no known date format; the article landed, {fallback}",
        source_id=article.source_id, sample=raw.fields["date"].strip()[:SAMPLE_CHARS], article_id=article.article_id,
    )
