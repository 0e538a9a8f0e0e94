"""FieldMap: built-in aliases for the corpus datasets and scrapers, user mappings, value conversion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peristiwa.reading.fieldmap import FieldMap

CLICKID = {
    "id": "clickid-1", "title": "Judul", "source": "Kompas.com", "date": "2019-10-09 00:00:00",
    "time": "21:48 WIB", "category": "News", "sub-category": "Regional", "content": "Isi berita.",
    "url": "https://kompas.com/a",
}
INDOSUM = {
    "id": "indosum-1", "category": "tajuk utama", "source": "kumparan",
    "source_url": "https://kumparan.com/a", "text": "Isi berita.",
}
IDHOAX = {"id": "idhoax-1", "berita": "Isi berita.", "tagging": "Valid"}
WIKINEWS = {
    "id": "enwikinews-1", "url": "https://en.wikinews.org/a", "date": "2019-01-04", "title": "T", "text": "Body.",
}


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (CLICKID, {"source_id": "clickid-1", "title": "Judul", "text": "Isi berita.", "url": "https://kompas.com/a",
                   "publisher": "Kompas.com", "date": "2019-10-09 00:00:00", "time": "21:48 WIB"}),
        (INDOSUM, {"source_id": "indosum-1", "text": "Isi berita.", "url": "https://kumparan.com/a",
                   "publisher": "kumparan"}),
        (IDHOAX, {"source_id": "idhoax-1", "text": "Isi berita."}),
        (WIKINEWS, {"source_id": "enwikinews-1", "title": "T", "text": "Body.", "url": "https://en.wikinews.org/a",
                    "date": "2019-01-04"}),
        ({"Judul": "J", "ISI": "I", "Link": "L", "Tanggal": "T", "Penulis": "P", "site_name": "S", "waktu": "W"},
         {"title": "J", "text": "I", "url": "L", "date": "T", "byline": "P", "publisher": "S", "time": "W"}),
        ({"headline": "H", "body": "B", "permalink": "P", "published_at": "D", "author": "A", "media": "M"},
         {"title": "H", "text": "B", "url": "P", "date": "D", "byline": "A", "publisher": "M"}),
        ({"Published-At": "D", "Article": "A"}, {"text": "A", "date": "D"}),
    ],
    ids=["clickid", "indosum", "idhoax", "wikinews", "indonesian-scraper", "english-scraper", "case-and-dashes"],
)
def test_builtin_aliases(record: dict, expected: dict) -> None:
    assert FieldMap().map(record) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12345, "12345"),
        (1.5, "1.5"),
        (["Paragraf satu.", "Paragraf dua."], "Paragraf satu.\n\nParagraf dua."),
        ({"name": "Kompas"}, "Kompas"),
    ],
    ids=["int", "float", "list", "object-with-name"],
)
def test_values_become_strings(value: object, expected: str) -> None:
    assert FieldMap().map({"text": value, "id": 7})["text"] == expected
    assert FieldMap().map({"text": value, "id": 7})["source_id"] == "7"


@pytest.mark.parametrize("empty", [None, "", "   ", [], [None, ""], True])
def test_empty_values_are_omitted(empty: object) -> None:
    assert FieldMap().map({"title": empty, "text": "x"}) == {"text": "x"}


def test_first_nonempty_alias_wins_in_alias_order() -> None:
    # "text" ranks before "content"; an empty "text" falls through to "content".
    assert FieldMap().map({"content": "C", "text": "T"})["text"] == "T"
    assert FieldMap().map({"content": "C", "text": ""})["text"] == "C"


def test_unmapped_fields_are_ignored() -> None:
    assert FieldMap().map({"category": "News", "tagging": "Hoax", "text": "x"}) == {"text": "x"}


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "map.json"
    path.write_text(content, encoding="utf-8")
    return path


def test_user_mapping_takes_precedence(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps({"source": "byline", "ringkasan": "text", "category": None}))
    fm = FieldMap.load(path)
    record = {"source": "Budi", "ringkasan": "Ringkas.", "content": "Panjang.", "category": "x"}
    assert fm.map(record) == {"text": "Ringkas.", "byline": "Budi"}
    # The built-in mapping is unchanged.
    assert FieldMap.load(None).map(record) == {"text": "Panjang.", "publisher": "Budi"}


def test_user_mapping_null_ignores_a_builtin(tmp_path: Path) -> None:
    fm = FieldMap.load(_write(tmp_path, '{"Source": null}'))
    assert fm.map({"source": "kumparan", "text": "x"}) == {"text": "x"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"body": "isi"}', "unknown field 'isi'"),
        ('{"body": "text",}', "not valid JSON"),
        ('["body", "text"]', "expected a JSON object"),
        ('{"": "text"}', "non-empty strings"),
    ],
    ids=["unknown-canonical", "bad-json", "not-an-object", "empty-key"],
)
def test_invalid_user_mapping_raises_value_error(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FieldMap.load(_write(tmp_path, content))


def test_missing_mapping_file_raises_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        FieldMap.load(tmp_path / "nope.json")


def test_fieldmaps_compare_and_hash_by_user_mapping() -> None:
    assert FieldMap({"ringkasan": "text"}) == FieldMap({"ringkasan": "text"})
    assert hash(FieldMap({"ringkasan": "text"})) == hash(FieldMap({"ringkasan": "text"}))
    assert FieldMap({"ringkasan": "text"}) != FieldMap()
