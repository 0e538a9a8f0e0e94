"""Reference data (actors, countries, places, lexicons) loaded once per run.

The data lives as versioned CSV in ``seeds/reference/`` (see its README): a
reviewer can diff a lexicon change, and ``Reference.digest`` -- a hash of the
exact bytes -- goes into the extractor version, so changing a CSV re-extracts.
Every check here fails with the file and line, because these files are edited
by hand.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from peristiwa.extract.base import EVENT_TYPES, PARTY_KINDS

LANGUAGES = frozenset({"id", "en"})
PLACE_KINDS = frozenset({"city", "regency", "district", "province", "country"})
MODIFIER_KINDS = frozenset({"negation", "future", "hedge"})
# Sentence contexts: ``commentary`` (an observer's view, not a report), ``non_ct`` (another
# domain's list: "koruptor, teroris dan bandar narkoba"), ``generic`` (a statement that
# terrorism is a threat, an appeal, a hypothetical).
CONTEXT_KINDS = frozenset({"commentary", "non_ct", "generic"})
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Actor:
    actor_id: str
    name: str
    kind: str
    country_iso3: str | None
    aliases: tuple[str, ...]  # always includes the canonical name


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # English common name: the party name of a state
    name_id: str  # Indonesian name
    aliases: tuple[str, ...]  # includes name and name_id


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # gazetteer name: Indonesian inside Indonesia, English elsewhere
    kind: str
    admin1: str | None
    country_iso3: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...]  # includes name

    @property
    def precision(self) -> str:
        """The contract's location_precision for this kind of place."""
        return {"province": "admin1", "country": "country"}.get(self.kind, "city")


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    language: str
    pattern: str  # lowercase; words separated by one space; trailing * = prefix
    weight: float  # 0..1: how specific the cue is for its type


@dataclass(frozen=True, slots=True)
class Cue:
    language: str
    pattern: str
    weight: float  # >= 2 strong CT cue, 0 < w < 2 weak cue, < 0 non-CT context


@dataclass(frozen=True, slots=True)
class Modifier:
    language: str
    word: str
    kind: str  # negation, future, hedge


@dataclass(frozen=True, slots=True)
class Context:
    language: str
    pattern: str
    kind: str  # commentary, non_ct, generic


@dataclass(frozen=True, slots=True)
class Reference:
    actors: tuple[Actor, ...]
    countries: tuple[Country, ...]
    places: tuple[Place, ...]
    triggers: tuple[Trigger, ...]
    cues: tuple[Cue, ...]
    modifiers: tuple[Modifier, ...]
    contexts: tuple[Context, ...]
    digest: str  # 12 hex chars of sha256 over file names and bytes

    @classmethod
    def load(cls, directory: Path) -> Reference:
        """Read and check every CSV in ``directory``; ValueError names file and line."""
        hasher = hashlib.sha256()
        tables: dict[str, tuple] = {}
        for name, parse in _FILES.items():
            path = Path(directory) / name
            if not path.is_file():
                raise ValueError(f"{path}: reference file missing")
            data = path.read_bytes()
            hasher.update(name.encode() + b"\0" + data + b"\0")
            tables[name] = tuple(parse(path, _rows(path, data, _HEADERS[name])))
        places: tuple[Place, ...] = tables["places.csv"]
        _check_unique_aliases(directory / "places.csv", places)
        return cls(
            actors=tables["actors.csv"], countries=tables["countries.csv"], places=places,
            triggers=tables["triggers.csv"], cues=tables["ct_cues.csv"],
            modifiers=tables["modifiers.csv"], contexts=tables["contexts.csv"], digest=hasher.hexdigest()[:12],
        )


_HEADERS: dict[str, tuple[str, ...]] = {
    "actors.csv": ("actor_id", "name", "kind", "country_iso3", "aliases"),
    "countries.csv": ("iso3", "name", "name_id", "aliases"),
    "places.csv": ("name", "kind", "admin1", "country_iso3", "latitude", "longitude", "aliases"),
    "triggers.csv": ("event_type", "language", "pattern", "weight"),
    "ct_cues.csv": ("language", "pattern", "weight"),
    "modifiers.csv": ("language", "word", "kind"),
    "contexts.csv": ("language", "pattern", "kind"),
}

Row = tuple[int, dict[str, str]]  # (line number, column -> stripped value)


def _rows(path: Path, data: bytes, header: tuple[str, ...]) -> Iterator[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 ({exc})") from None
    reader = csv.reader(io.StringIO(text))
    first = next(reader, None)
    if first is None or tuple(c.strip() for c in first) != header:
        raise ValueError(f"{path}:1: header must be {','.join(header)}, got {first}")
    for values in reader:
        line = reader.line_num
        if not values or all(not v.strip() for v in values) or values[0].startswith("#"):
            continue  # blank lines and comments are allowed
        if len(values) != len(header):
            raise ValueError(f"{path}:{line}: expected {len(header)} columns, got {len(values)}")
        yield line, {k: v.strip() for k, v in zip(header, values)}


def _fail(path: Path, line: int, message: str) -> ValueError:
    return ValueError(f"{path}:{line}: {message}")


def _required(path: Path, line: int, row: dict[str, str], column: str) -> str:
    if not row[column]:
        raise _fail(path, line, f"{column} is empty")
    return row[column]


def _float(path: Path, line: int, row: dict[str, str], column: str, lo: float, hi: float) -> float:
    try:
        value = float(row[column])
    except ValueError:
        raise _fail(path, line, f"{column} {row[column]!r} is not a number") from None
    if not lo <= value <= hi:
        raise _fail(path, line, f"{column} {value} outside [{lo}, {hi}]")
    return value


def _choice(path: Path, line: int, row: dict[str, str], column: str, allowed: frozenset[str] | tuple[str, ...]) -> str:
    if row[column] not in allowed:
        raise _fail(path, line, f"{column} {row[column]!r} not one of {sorted(allowed)}")
    return row[column]


def _iso3(path: Path, line: int, row: dict[str, str], column: str, optional: bool) -> str | None:
    value = row[column]
    if not value and optional:
        return None
    if not _ISO3.match(value):
        raise _fail(path, line, f"{column} {value!r} is not an ISO 3166-1 alpha-3 code")
    return value


def _aliases(*names: str, extra: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for alias in (*names, *extra.split("|")):
        alias = " ".join(alias.split())
        if alias:
            seen.setdefault(alias, None)
    return tuple(seen)


def _pattern(path: Path, line: int, row: dict[str, str], column: str) -> str:
    value = " ".join(_required(path, line, row, column).split())
    if value != value.lower() or "*" in value[:-1]:
        raise _fail(path, line, f"{column} {value!r} must be lowercase, '*' only at the end")
    return value


def _parse_actors(path: Path, rows: Iterator[Row]) -> Iterator[Actor]:
    seen: set[str] = set()
    for line, r in rows:
        actor_id = _required(path, line, r, "actor_id")
        if actor_id in seen:
            raise _fail(path, line, f"duplicate actor_id {actor_id}")
        seen.add(actor_id)
        name = _required(path, line, r, "name")
        yield Actor(actor_id, name, _choice(path, line, r, "kind", PARTY_KINDS),
                    _iso3(path, line, r, "country_iso3", optional=True), _aliases(name, extra=r["aliases"]))


def _parse_countries(path: Path, rows: Iterator[Row]) -> Iterator[Country]:
    for line, r in rows:
        name, name_id = _required(path, line, r, "name"), _required(path, line, r, "name_id")
        yield Country(_iso3(path, line, r, "iso3", optional=False) or "", name, name_id,
                      _aliases(name, name_id, extra=r["aliases"]))


def _parse_places(path: Path, rows: Iterator[Row]) -> Iterator[Place]:
    for line, r in rows:
        name = _required(path, line, r, "name")
        yield Place(name, _choice(path, line, r, "kind", PLACE_KINDS), r["admin1"] or None,
                    _iso3(path, line, r, "country_iso3", optional=False) or "",
                    _float(path, line, r, "latitude", -90, 90), _float(path, line, r, "longitude", -180, 180),
                    _aliases(name, extra=r["aliases"]))


def _parse_triggers(path: Path, rows: Iterator[Row]) -> Iterator[Trigger]:
    for line, r in rows:
        yield Trigger(_choice(path, line, r, "event_type", EVENT_TYPES), _choice(path, line, r, "language", LANGUAGES),
                      _pattern(path, line, r, "pattern"), _float(path, line, r, "weight", 0.0, 1.0))


def _parse_cues(path: Path, rows: Iterator[Row]) -> Iterator[Cue]:
    for line, r in rows:
        yield Cue(_choice(path, line, r, "language", LANGUAGES), _pattern(path, line, r, "pattern"),
                  _float(path, line, r, "weight", -10.0, 10.0))


def _parse_modifiers(path: Path, rows: Iterator[Row]) -> Iterator[Modifier]:
    for line, r in rows:
        yield Modifier(_choice(path, line, r, "language", LANGUAGES), _pattern(path, line, r, "word"),
                       _choice(path, line, r, "kind", MODIFIER_KINDS))


def _parse_contexts(path: Path, rows: Iterator[Row]) -> Iterator[Context]:
    for line, r in rows:
        yield Context(_choice(path, line, r, "language", LANGUAGES), _pattern(path, line, r, "pattern"),
                      _choice(path, line, r, "kind", CONTEXT_KINDS))


_FILES: dict[str, Callable[[Path, Iterator[Row]], Iterator]] = {
    "actors.csv": _parse_actors,
    "countries.csv": _parse_countries,
    "places.csv": _parse_places,
    "triggers.csv": _parse_triggers,
    "ct_cues.csv": _parse_cues,
    "modifiers.csv": _parse_modifiers,
    "contexts.csv": _parse_contexts,
}


def _check_unique_aliases(path: Path, places: tuple[Place, ...]) -> None:
    """Two places answering to one name would make the gazetteer guess: refuse."""
    owner: dict[str, str] = {}
    for place in places:
        for alias in place.aliases:
            key = alias.casefold()
            if key in owner and owner[key] != place.name:
                raise ValueError(f"{path}: alias {alias!r} names both {owner[key]!r} and {place.name!r}")
            owner[key] = place.name
