"""Map each record's own field names onto ``model.CANONICAL_FIELDS``.

Built-in aliases cover the four datasets of the shared corpus (CLICK-ID,
IndoSum, IDHoax, Wikinews) and the names common scrapers use. A user mapping
(JSON ``{"their_field": "canonical_field"}``) takes precedence. When several
keys of one record map to the same canonical field, the first non-empty one in
precedence order wins: user mapping first, then the alias order below.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peristiwa.model import CANONICAL_FIELDS

# canonical name -> aliases, most specific first (normalised: casefolded, "-" and " " -> "_").
BUILTIN_ALIASES: dict[str, tuple[str, ...]] = {
    "source_id": ("source_id", "id", "article_id", "doc_id", "docid", "record_id", "guid", "uuid", "_id"),
    "title": ("title", "judul", "headline", "heading", "article_title", "judul_berita", "subject"),
    "text": (
        "text", "content", "body", "article", "isi", "berita", "article_text", "full_text", "fulltext",
        "maintext", "main_text", "body_text", "content_text", "artikel", "konten", "isi_berita", "story",
    ),
    "url": (
        "url", "canonical_url", "source_url", "link", "permalink", "article_url", "href", "uri", "tautan",
    ),
    "publisher": (
        "publisher", "source", "site_name", "sitename", "site", "media", "outlet", "publication",
        "source_name", "portal", "media_name", "newspaper", "domain",
    ),
    "date": (
        "date", "published_at", "published", "publish_date", "published_date", "date_published",
        "datepublished", "publication_date", "pub_date", "pubdate", "tanggal", "tgl", "tanggal_terbit",
        "datetime", "created_at", "timestamp",
    ),
    "time": ("time", "waktu", "jam", "publish_time", "published_time"),
    "byline": ("byline", "author", "authors", "penulis", "writer", "reporter", "wartawan", "creator"),
}

_USER_RANK = -1  # user mapping outranks every built-in alias


def normalise_key(key: str) -> str:
    return key.strip().casefold().replace("-", "_").replace(" ", "_")


def _builtin_lookup() -> dict[str, tuple[str, int]]:
    lookup: dict[str, tuple[str, int]] = {}
    for canonical, aliases in BUILTIN_ALIASES.items():
        for rank, alias in enumerate(aliases):
            lookup.setdefault(alias, (canonical, rank))
    return lookup


def _to_str(value: Any, canonical: str) -> str | None:
    """A field value as a string; None for missing/empty values and shapes we cannot use."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        parts = [s for s in (_to_str(v, canonical) for v in value) if s]
        if not parts:
            return None
        return ("\n\n" if canonical == "text" else ", ").join(parts)
    if isinstance(value, Mapping):  # e.g. {"source": {"id": ..., "name": "Kompas"}}
        for key in ("name", "text", "value", "url", "href"):
            if key in value:
                return _to_str(value[key], canonical)
    return None


@dataclass(frozen=True)
class FieldMap:
    """Record field names -> canonical names. ``FieldMap()`` has the built-ins only."""

    user: Mapping[str, str | None] = field(default_factory=dict)
    _lookup: dict[str, tuple[str | None, int]] = field(init=False, repr=False, compare=False)
    _cache: dict[str, tuple[str | None, int] | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        user = _validate(self.user)
        object.__setattr__(self, "user", user)
        lookup: dict[str, tuple[str | None, int]] = dict(_builtin_lookup())
        for their, canonical in user.items():
            lookup[normalise_key(their)] = (canonical, _USER_RANK)
        object.__setattr__(self, "_lookup", lookup)
        object.__setattr__(self, "_cache", {})

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.user.items())))

    @classmethod
    def load(cls, path: Path | str | None) -> FieldMap:
        """Built-ins plus the user mapping in JSON file ``path`` (if any). Raises ValueError if invalid."""
        if path is None:
            return cls()
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise ValueError(f"field map {path}: cannot read it ({exc.strerror or exc})") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"field map {path}: not valid JSON ({exc})") from None
        try:
            return cls(data)
        except ValueError as exc:
            raise ValueError(f"field map {path}: {exc}") from None

    def canonical(self, key: str) -> str | None:
        """Canonical name for one of a record's keys, or None if the key is ignored."""
        hit = self._resolve(key)
        return hit[0] if hit else None

    def _resolve(self, key: str) -> tuple[str | None, int] | None:
        try:
            return self._cache[key]
        except KeyError:
            hit = self._lookup.get(normalise_key(key)) if isinstance(key, str) else None
            if len(self._cache) < 10_000:  # bounded: keys of hostile input must not grow it forever
                self._cache[key] = hit
            return hit

    def map(self, record: Mapping[str, Any]) -> dict[str, str]:
        """Canonical field name -> string value for one record; unmapped and empty fields are dropped."""
        best: dict[str, tuple[int, str]] = {}
        for key, value in record.items():
            hit = self._resolve(key)
            if hit is None or hit[0] is None:
                continue
            canonical, rank = hit
            current = best.get(canonical)
            if current is not None and current[0] <= rank:
                continue
            text = _to_str(value, canonical)
            if text is not None:
                best[canonical] = (rank, text)
        return {name: best[name][1] for name in CANONICAL_FIELDS if name in best}


def _validate(user: Any) -> dict[str, str | None]:
    if not isinstance(user, Mapping):
        raise ValueError('expected a JSON object like {"body": "text", "headline": "title"}')
    out: dict[str, str | None] = {}
    for their, canonical in user.items():
        if not isinstance(their, str) or not their.strip():
            raise ValueError(f"field names must be non-empty strings, got {their!r}")
        if canonical is not None and canonical not in CANONICAL_FIELDS:
            raise ValueError(
                f"{their!r} maps to unknown field {canonical!r}; "
                f"use one of {', '.join(CANONICAL_FIELDS)} (or null to ignore the field)"
            )
        out[their] = canonical
    return out
