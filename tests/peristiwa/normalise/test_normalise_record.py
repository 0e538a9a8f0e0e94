"""normalise_record end to end, one RawRecord per dataset style, and the missing_text Problem."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from peristiwa.model import Article, Problem, RawRecord
from peristiwa.normalise import normalise_record, publisher_from_url, record_source_id
from peristiwa.normalise.ids import article_id, content_hash

NOW = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
VERSION = "test-1"


def _raw(fields: dict[str, str], *, path: str = "/data/in/kompas.jsonl", index: int = 3, fmt: str = "jsonl") -> RawRecord:
    return RawRecord(source_path=path, record_index=index, source_format=fmt, fields=fields)


def _article(raw: RawRecord) -> Article:
    result = normalise_record(raw, extractor_version=VERSION, ingested_at=NOW)
    assert isinstance(result, Article), result
    return result


def test_clickid_kompas_style_swap() -> None:
    raw = _raw({
        "source_id": "clickid-97ce0a93f2ce",
        "title": " Diduga Pasok Sabu di Anambas,  Adik Wali Kota Ditangkap ",
        "text": "- Satresnarkoba Polres Anambas mengamankan Suria.,Penangkapan keduanya merupakan hasil "
                "pengembangan kasus.,\"Keduanya diduga pemasok,\" kata Zulmi, Selasa (10/9/2019).,",
        "url": "https://regional.kompas.com/read/2019/09/10/21480081/diduga-pasok-sabu",
        "publisher": "Kompas.com",
        "date": "2019-10-09 00:00:00",
        "time": "21:48 WIB",
    })
    art = _article(raw)
    assert art.source_id == "clickid-97ce0a93f2ce"
    assert art.title == "Diduga Pasok Sabu di Anambas, Adik Wali Kota Ditangkap"
    assert art.publisher == "Kompas.com"
    assert art.published_date == dt.date(2019, 9, 10)
    assert art.published_date_source == "url"
    assert art.published_date_note is not None and "swap" in art.published_date_note
    assert art.language == "id"
    assert art.text.startswith("Satresnarkoba Polres Anambas mengamankan Suria.\n\nPenangkapan")
    assert art.text.endswith("Selasa (10/9/2019).")
    assert art.content_hash == content_hash(art.text)
    assert art.article_id == article_id(art.content_hash)
    assert (art.source_path, art.record_index, art.source_format) == ("/data/in/kompas.jsonl", 3, "jsonl")
    assert (art.extractor_version, art.ingested_at) == (VERSION, NOW)
    assert art.url == "https://regional.kompas.com/read/2019/09/10/21480081/diduga-pasok-sabu"


def test_clickid_wowkeren_style() -> None:
    art = _article(_raw({
        "source_id": "clickid-e41b92e43fbe", "title": "Densus Tangkap Terduga Teroris",
        "text": "-\nTim Densus 88 Antiteror Mabes Polri menangkap sembilan orang terduga teroris di Bekasi, "
                "Senin (23/9).,,,Kelompok ini diduga jaringan JAD Bekasi.",
        "url": "https://www.wowkeren.com/berita/tampil/00274687.html", "publisher": "wowkeren.com",
        "date": "Sep 24, 2019", "time": "-",
    }))
    assert (art.published_date, art.published_date_source) == (dt.date(2019, 9, 24), "field")
    assert art.text.startswith("Tim Densus 88")
    assert "\n\nKelompok ini" in art.text


def test_indosum_style_url_date_and_publisher_from_url() -> None:
    art = _article(_raw({
        "source_id": "indosum-1495862700-densus",
        "text": "Jakarta, CNN Indonesia - - Adik ipar pelaku bom Kampung Melayu ditangkap Densus 88 di Garut, "
                "Jawa Barat, Jumat (26 / 5) pagi.\n\nBaca juga: Polisi Buru Pelaku Lain\n\nIa ditangkap bersama istrinya.",
        "url": "http://www.cnnindonesia.com/nasional/20170526162554-12-217489/densus-tangkap-adik/",
    }))
    assert art.title is None
    assert art.publisher == "cnnindonesia.com"
    assert (art.published_date, art.published_date_source) == (dt.date(2017, 5, 26), "url")
    assert "Baca juga" not in art.text
    assert art.language == "id"


def test_idhoax_style_text_only_dateline() -> None:
    art = _article(_raw(
        {"source_id": "idhoax-1", "text": "Narapidana kasus teroris di Rutan Mako Brimob membuat kerusuhan "
                                          "pada Jumat (10/11/2017) sore.\nSejumlah video beredar."},
        path="/data/in/news.jsonl", index=0,
    ))
    # A date inside the first sentence is the event's, not a dateline (the gold agrees).
    assert (art.published_date, art.published_date_source) == (None, None)
    assert art.url is None and art.publisher is None and art.title is None


def test_wikinews_style_english() -> None:
    art = _article(_raw({
        "source_id": "enwikinews-a652aad19b93", "title": "Magnitogorsk apartment building collapses",
        "text": "Friday, January 4, 2019 \n\n\nAn apartment building collapsed on Monday in Magnitogorsk, a city in "
                "the Ural region of Russia. A suspected gas leak led to an explosion.",
        "url": "https://en.wikinews.org//wiki/Magnitogorsk_apartment_building_collapses", "date": "2019-01-04",
    }))
    assert (art.published_date, art.published_date_source) == (dt.date(2019, 1, 4), "field")
    assert art.language == "en"
    assert art.publisher == "wikinews.org"
    assert art.text.startswith("Friday, January 4, 2019\n\nAn apartment building")


def test_plain_text_file_uses_the_file_name_and_dateline() -> None:
    raw = _raw(
        {"text": "BACATODAY.COM — Indonesia dan Vietnam memperkuat kerja sama di Jakarta, Rabu (18/6/2025). "
                 "Pertemuan ini lanjutan JWG pertama."},
        path="/seeds/articles/004_dd28076a0050d718.txt", index=0, fmt="txt",
    )
    art = _article(raw)
    assert art.source_id == "004_dd28076a0050d718.txt"
    assert (art.published_date, art.published_date_source) == (None, None)  # gold: null


def test_same_text_elsewhere_is_the_same_article() -> None:
    fields = {"source_id": "a", "text": "Polisi menangkap dua orang.,Keduanya ditahan."}
    first = _article(_raw(fields))
    second = _article(_raw({**fields, "source_id": "b", "text": "Polisi menangkap dua orang.\n\nKeduanya ditahan.  "},
                           path="/other/file.json", index=9, fmt="json"))
    assert first.article_id == second.article_id
    assert first.source_id != second.source_id


@pytest.mark.parametrize("text", ["", "   \n ", ", - ", "loading...", None])
def test_missing_text_is_a_problem(text: str | None) -> None:
    fields = {"title": "Judul saja", "url": "https://example.com/a"}
    if text is not None:
        fields["text"] = text
    result = normalise_record(_raw(fields, path="/data/in/x.jsonl", index=7), extractor_version=VERSION, ingested_at=NOW)
    assert isinstance(result, Problem)
    assert (result.stage, result.check) == ("normalise", "missing_text")
    assert result.source_id == "x.jsonl#7"
    assert (result.source_path, result.record_index) == ("/data/in/x.jsonl", 7)
    assert result.reason


@pytest.mark.parametrize(
    ("fields", "path", "index", "fmt", "expected"),
    [
        ({"source_id": " clickid-1 "}, "/d/a.jsonl", 4, "jsonl", "clickid-1"),
        ({}, "/d/a.txt", 0, "txt", "a.txt"),
        ({}, "/d/a.md", 0, "md", "a.md"),
        ({}, "/d/a.html.gz", 0, "html", "a.html.gz"),
        ({}, "/d/a.jsonl", 4, "jsonl", "a.jsonl#4"),
        ({"source_id": ""}, "/d/a.json", 0, "json", "a.json#0"),
    ],
)
def test_source_id(fields: dict[str, str], path: str, index: int, fmt: str, expected: str) -> None:
    assert record_source_id(_raw(fields, path=path, index=index, fmt=fmt)) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://internasional.kompas.com/read/2019/09/20/x", "kompas.com"),
        ("https://www.antaranews.com/berita/1", "antaranews.com"),
        ("https://nasional.tempo.co/read/1", "tempo.co"),
        ("https://www.kontan.co.id/news/x", "kontan.co.id"),
        ("http://news.bbc.co.uk/x", "bbc.co.uk"),
        ("https://en.wikinews.org//wiki/X", "wikinews.org"),
        ("HTTPS://WWW.Detik.COM:443/x", "detik.com"),
        ("http://127.0.0.1/x", None),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_publisher_from_url(url: str | None, expected: str | None) -> None:
    assert publisher_from_url(url) == expected


def test_article_has_every_field_set() -> None:
    art = _article(_raw({"source_id": "s", "text": "Polisi menangkap dua orang di Jakarta pada hari Senin."}))
    assert {f.name for f in dataclasses.fields(art)} >= {"article_id", "language", "content_hash"}
    assert art.published_date is None and art.published_date_source is None


@pytest.mark.parametrize(("date", "time", "expected"), [
    ("kemarin sore", "-", True),
    ("32/13/2019", None, True),
    ("2019-09-17 00:00:00", "17:05 WIB", False),
    ("-", "-", False),
    ("", None, False),
])
def test_an_unreadable_date_field_is_recorded_but_the_article_lands(date: str, time: str | None, expected: bool) -> None:
    from peristiwa.normalise import date_problem

    raw = _raw({"source_id": "x-1", "text": "Densus 88 menangkap terduga teroris.", "date": date, "time": time,
                "url": "https://contoh.id/read/2019/09/18/1/x"}, path="/in/a.jsonl", index=3)
    art = _article(raw)
    problem = date_problem(raw, art)
    assert (problem is not None) == expected
    if expected:
        assert problem.check == "unparseable_date" and problem.record_index == 3 and problem.article_id == art.article_id
        assert art.published_date == dt.date(2019, 9, 18) and "taken from the url" in problem.reason
