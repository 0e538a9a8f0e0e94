from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peristiwa.extract import Reference
from peristiwa.extract.base import EVENT_TYPES


@pytest.fixture()
def ref_copy(tmp_path: Path, reference_dir: Path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(reference_dir, target)
    return target


def test_seed_reference_loads_and_covers_every_type(reference: Reference, reference_dir: Path) -> None:
    assert {t.event_type for t in reference.triggers} == set(EVENT_TYPES)
    assert {t.event_type for t in reference.triggers if t.language == "en"} == set(EVENT_TYPES)
    ids = {a.actor_id for a in reference.actors}
    shared = reference_dir.parents[2] / "shared" / "spec" / "actors.csv"
    if shared.is_file():  # the contract's ids must all be kept
        given = {line.split(",", 1)[0] for line in shared.read_text().splitlines()[1:] if line}
        assert given <= ids
    provinces = [p for p in reference.places if p.kind == "province" and p.country_iso3 == "IDN"]
    assert len(provinces) == 38
    assert len(reference.digest) == 12


def test_digest_follows_the_bytes(ref_copy: Path, reference: Reference) -> None:
    assert Reference.load(ref_copy).digest == reference.digest
    with (ref_copy / "triggers.csv").open("a") as f:
        f.write("arrest,id,dicomot,1\n")
    assert Reference.load(ref_copy).digest != reference.digest


def test_malformed_row_names_file_and_line(ref_copy: Path) -> None:
    path = ref_copy / "places.csv"
    lines = path.read_text().splitlines()
    lines.insert(3, "Atlantis,city,,IDN,not-a-number,0,")
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ValueError, match=r"places\.csv:4: latitude 'not-a-number' is not a number"):
        Reference.load(ref_copy)


def test_wrong_column_count_and_header(ref_copy: Path) -> None:
    (ref_copy / "ct_cues.csv").write_text("language,pattern,weight\nid,teroris\n")
    with pytest.raises(ValueError, match=r"ct_cues\.csv:2: expected 3 columns"):
        Reference.load(ref_copy)
    (ref_copy / "ct_cues.csv").write_text("lang,pattern,weight\n")
    with pytest.raises(ValueError, match=r"ct_cues\.csv:1: header"):
        Reference.load(ref_copy)


def test_unknown_event_type_and_uppercase_pattern(ref_copy: Path) -> None:
    path = ref_copy / "triggers.csv"
    path.write_text("event_type,language,pattern,weight\nriot,id,rusuh,1\n")
    with pytest.raises(ValueError, match=r"triggers\.csv:2: event_type 'riot'"):
        Reference.load(ref_copy)
    path.write_text("event_type,language,pattern,weight\narrest,id,Ditangkap,1\n")
    with pytest.raises(ValueError, match=r"triggers\.csv:2: pattern 'Ditangkap' must be lowercase"):
        Reference.load(ref_copy)


def test_place_alias_naming_two_places_is_refused(ref_copy: Path) -> None:
    with (ref_copy / "places.csv").open("a") as f:
        f.write("Solo Baru,city,Jawa Tengah,IDN,-7.6,110.8,Solo\n")
    with pytest.raises(ValueError, match=r"alias 'Solo' names both"):
        Reference.load(ref_copy)


def test_missing_file(ref_copy: Path) -> None:
    (ref_copy / "modifiers.csv").unlink()
    with pytest.raises(ValueError, match=r"modifiers\.csv: reference file missing"):
        Reference.load(ref_copy)


def test_contexts_are_loaded_and_checked(reference: Reference, ref_copy: Path) -> None:
    kinds = {c.kind for c in reference.contexts}
    assert kinds == {"commentary", "non_ct", "generic"}
    assert any(c.pattern == "pengamat" and c.kind == "commentary" for c in reference.contexts)
    (ref_copy / "contexts.csv").write_text("language,pattern,kind\nid,pengamat,opinion\n")
    with pytest.raises(ValueError, match=r"contexts\.csv:2: kind 'opinion'"):
        Reference.load(ref_copy)


def test_every_country_is_also_a_place(reference: Reference) -> None:
    """A country named as the only place of an event needs a gazetteer row (precision country)."""
    placed = {p.country_iso3 for p in reference.places if p.kind == "country"}
    states = {c.iso3 for c in reference.countries}
    assert states - placed <= {"SGP"}  # Singapore is its own city row


def test_no_alias_names_two_actors_or_states(reference: Reference) -> None:
    """A party name must resolve to one body or state: ids and case-folded aliases are unique."""
    owner: dict[str, str] = {}
    clashes = []
    for key, aliases in [*((a.actor_id, a.aliases) for a in reference.actors),
                         *((c.iso3, c.aliases) for c in reference.countries)]:
        for alias in aliases:
            folded = " ".join(alias.split()).casefold()
            if owner.setdefault(folded, key) != key:
                clashes.append((alias, owner[folded], key))
    assert clashes == []
    assert len({a.actor_id for a in reference.actors}) == len(reference.actors)
    assert len({c.iso3 for c in reference.countries}) == len(reference.countries)
