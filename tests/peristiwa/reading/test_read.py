"""read_file: every format, gzip, encodings, and every kind of bad input as a Problem."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from peristiwa.model import Problem, RawRecord
from peristiwa.reading import FieldMap, read_file

FM = FieldMap()
BODY = "Tim Densus 88 menangkap terduga teroris di Sukoharjo, Senin (14/10/2019). “Tidak ada perlawanan,” kata polisi."
HTML = f"""<!DOCTYPE html><html><head><title>Densus 88 Tangkap Teroris | Kabar</title>
<link rel="canonical" href="https://kabar.example.id/a/1">
<meta property="og:site_name" content="Kabar Kita">
<meta property="article:published_time" content="2019-10-14T09:30:00+07:00">
</head><body><nav><a href="/">Beranda</a></nav><article><h1>Densus 88 Tangkap Teroris</h1>
<p>{BODY}</p><p>Barang bukti yang disita antara lain bahan peledak dan telepon genggam milik tersangka.</p>
</article><footer>Hak cipta</footer></body></html>"""


def read(path: Path, **kw) -> tuple[list[RawRecord], list[Problem]]:
    items = list(read_file(str(path), FM, **kw))
    assert all(isinstance(i, (RawRecord, Problem)) for i in items)
    return [i for i in items if isinstance(i, RawRecord)], [i for i in items if isinstance(i, Problem)]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    if name.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --- formats ---------------------------------------------------------------------------------

@pytest.mark.parametrize("gz", ["", ".gz"])
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt", f"\n\nJudul Berita Penangkapan\n\nwritten by Budi\n\n{BODY}\n",
         {"source_id": "a.txt", "title": "Judul Berita Penangkapan", "byline": "Budi", "text": BODY}),
        ("a.md",
         f"# Judul *Berita*\n\nBaca [kabar lain](https://x.id/b) ![foto](f.jpg) dan **tebal**.\n\n## Sub\n\n{BODY}",
         {"source_id": "a.md", "title": "Judul Berita", "text": f"Baca kabar lain  dan tebal.\n\nSub\n\n{BODY}"}),
        ("a.md", f"---\ntitle: \"Dari Front Matter\"\ndate: 2019-10-14\nurl: https://x.id/a\n---\n{BODY}",
         {"source_id": "a.md", "title": "Dari Front Matter", "date": "2019-10-14", "url": "https://x.id/a",
          "text": BODY}),
        ("a.json", json.dumps({"id": "k1", "judul": "J", "isi": BODY}),
         {"source_id": "k1", "title": "J", "text": BODY}),
        ("a.jsonl", jsonl({"id": "k1", "content": BODY}), {"source_id": "k1", "text": BODY}),
        ("a.ndjson", jsonl({"headline": "H", "body": BODY}), {"source_id": "a.ndjson#0", "title": "H", "text": BODY}),
    ],
    ids=["txt", "md", "md-front-matter", "json-object", "jsonl", "ndjson-no-id"],
)
def test_formats(tmp_path: Path, name: str, content: str, expected: dict, gz: str) -> None:
    records, problems = read(write(tmp_path, name + gz, content))
    assert problems == []
    assert len(records) == 1
    rec = records[0]
    expected = dict(expected, source_id=expected["source_id"].replace(name, name + gz))
    assert rec.fields == expected
    assert rec.record_index == 0
    assert rec.source_format == {"ndjson": "jsonl"}.get(name.split(".")[1], name.split(".")[1])
    assert rec.source_path == str(tmp_path / (name + gz))


@pytest.mark.parametrize("name", ["a.html", "a.htm", "a.html.gz"])
def test_html(tmp_path: Path, name: str) -> None:
    records, problems = read(write(tmp_path, name, HTML))
    assert problems == []
    (rec,) = records
    assert rec.source_format == "html"
    assert rec.fields["title"] == "Densus 88 Tangkap Teroris"
    assert rec.fields["url"] == "https://kabar.example.id/a/1"
    assert rec.fields["date"] == "2019-10-14T09:30:00+07:00"
    assert rec.fields["publisher"] == "Kabar Kita"
    assert rec.fields["text"].startswith(BODY)
    assert "Beranda" not in rec.fields["text"] and "Hak cipta" not in rec.fields["text"]


def test_html_date_only_from_metadata(tmp_path: Path) -> None:
    html = HTML.replace('<meta property="article:published_time" content="2019-10-14T09:30:00+07:00">', "")
    html = html.replace("</article>", "<p>Sidang digelar 2019-11-20 di Jakarta.</p></article>")
    (rec,), _ = read(write(tmp_path, "a.html", html))
    assert "date" not in rec.fields


@pytest.mark.parametrize(
    ("markup", "date"),
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-10-15"}</script>',
         "2019-10-15"),
        ('<time datetime="2019-10-16T08:00">16 Okt</time>', "2019-10-16T08:00"),
    ],
    ids=["json-ld", "time-element"],
)
def test_html_date_sources(tmp_path: Path, markup: str, date: str) -> None:
    html = HTML.replace('<meta property="article:published_time" content="2019-10-14T09:30:00+07:00">', "")
    html = html.replace("</head>", markup + "</head>") if "script" in markup else html.replace("<h1>", markup + "<h1>")
    (rec,), _ = read(write(tmp_path, "a.html", html))
    assert rec.fields["date"] == date


def test_html_without_text(tmp_path: Path) -> None:
    records, problems = read(write(tmp_path, "a.html", "<html><head><title>x</title></head><body></body></html>"))
    assert records == []
    assert [p.check for p in problems] == ["no_text"]


def test_json_list_with_a_non_record(tmp_path: Path) -> None:
    data = json.dumps([{"judul": "A", "isi": "a"}, "oops", {"judul": "C"}])
    records, problems = read(write(tmp_path, "a.json", data))
    assert [(r.record_index, r.fields) for r in records] == [
        (0, {"source_id": "a.json#0", "title": "A", "text": "a"}),
        (2, {"source_id": "a.json#2", "title": "C"}),  # no text: still yielded
    ]
    assert [(p.check, p.record_index) for p in problems] == [("not_a_record", 1)]


def test_jsonl_record_index_is_line_number_and_blank_lines_skipped(tmp_path: Path) -> None:
    content = jsonl({"id": "a", "text": "x"}) + "\n   \n" + jsonl({"id": "b", "text": "y"})
    records, problems = read(write(tmp_path, "a.jsonl", content))
    assert problems == []
    assert [(r.record_index, r.fields["source_id"]) for r in records] == [(0, "a"), (3, "b")]


def test_jsonl_mojibake_in_values_is_fixed(tmp_path: Path) -> None:
    content = jsonl({"id": "a", "text": "Polisi¬†‚ÄúSiaga‚Äù", "title": "Caf√©"})
    (rec,), _ = read(write(tmp_path, "a.jsonl", content.replace("¬", "\\u00ac")))
    assert rec.fields["text"] == "Polisi\u00a0“Siaga”"
    assert rec.fields["title"] == "Café"


# --- encodings -----------------------------------------------------------------------------------

ENCODINGS = [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("utf-16-be", b""),
]
ENC_IDS = ["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"]


@pytest.mark.parametrize("name", ["a.txt", "a.json", "a.jsonl", "a.jsonl.gz"])
@pytest.mark.parametrize(("codec", "bom"), ENCODINGS, ids=ENC_IDS)
def test_unicode_encodings(tmp_path: Path, name: str, codec: str, bom: bytes) -> None:
    if name.startswith("a.txt"):
        content = f"Judul Berita\n\n{BODY}\n"
    else:
        content = jsonl({"id": "1", "title": "Judul Berita", "text": BODY}, {"id": "2", "title": "Dua", "text": BODY})
        content = content.splitlines()[0] if name == "a.json" else content
    records, problems = read(write(tmp_path, name, bom + content.encode(codec)))
    assert problems == []
    assert records and all(r.fields["text"] == BODY for r in records)
    assert records[0].fields["title"] == "Judul Berita"


@pytest.mark.parametrize("name", ["a.txt", "a.jsonl"])
@pytest.mark.parametrize(
    ("codec", "text"),
    [("cp1252", "Café “kutipan” – naïve"), ("latin-1", "Menteri Müller dan José tiba di Bandara Soekarno-Hatta")],
)
def test_legacy_encodings(tmp_path: Path, name: str, codec: str, text: str) -> None:
    content = f"Judul\n\n{text}\n" if name == "a.txt" else jsonl({"id": "1", "text": text})
    (rec,), problems = read(write(tmp_path, name, content.encode(codec)))
    assert problems == []
    assert rec.fields["text"] == text


# --- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "data", "check"),
    [
        ("a.txt", b"", "empty_file"),
        ("a.jsonl", b"", "empty_file"),
        ("a.txt", b"  \n\n \t\n", "empty_file"),
        ("a.jsonl", b"\n\n  \n", "empty_file"),
        ("a.json.gz", gzip.compress(b""), "empty_file"),
        ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary_file"),
        ("a.jsonl", b"\x00\x01\x02\x03\xff\xfe\xfd" * 100, "binary_file"),
        ("a.html", bytes(range(256)) * 4, "binary_file"),
        ("a.json", b'{"id": "1", "text": "x",\n "title": }', "invalid_json"),
        ("a.json", b'"just a string"', "not_a_record"),
        ("a.json", b"[]", "empty_file"),
        ("a.jsonl.gz", b"not gzip at all", "bad_gzip"),
        ("a.txt.gz", b"\x1f\x8b\x08\x00garbage", "bad_gzip"),
        ("a.csv", b"a,b\n1,2\n", "unsupported_format"),
    ],
    ids=["empty-txt", "empty-jsonl", "whitespace-txt", "blank-lines-jsonl", "empty-inside-gzip", "binary-txt",
         "binary-jsonl", "binary-html", "broken-json", "json-scalar", "json-empty-list", "not-gzip", "corrupt-gzip",
         "unsupported"],
)
def test_bad_input_becomes_a_problem(tmp_path: Path, name: str, data: bytes, check: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    records, problems = read(path)
    assert records == []
    assert [p.check for p in problems] == [check]
    assert problems[0].stage == "read" and problems[0].reason and problems[0].source_path == str(path)


def test_broken_json_reports_line_and_column(tmp_path: Path) -> None:
    _, (problem,) = read(write(tmp_path, "a.json", '[\n  {"id": 1},\n  {"id": 2,,}\n]'))
    assert "line 3, column" in problem.reason
    assert problem.sample == '{"id": 2,,}'


def test_broken_jsonl_line_in_the_middle(tmp_path: Path) -> None:
    content = jsonl({"id": "a", "text": "x"}) + '{"id": "b", "text": \n' + "[1, 2]\n" + jsonl({"id": "c", "text": "z"})
    records, problems = read(write(tmp_path, "a.jsonl", content))
    assert [(r.record_index, r.fields["source_id"]) for r in records] == [(0, "a"), (3, "c")]
    assert [(p.check, p.record_index) for p in problems] == [("invalid_json", 1), ("not_a_record", 2)]
    assert "Line 2" in problems[0].reason and problems[0].sample == '{"id": "b", "text":'


def test_too_large_is_not_read(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", jsonl({"id": "a", "text": "x" * 500}))
    records, problems = read(path, max_bytes=100)
    assert records == [] and [p.check for p in problems] == ["file_too_large"]
    assert len(read(path, max_bytes=10_000)[0]) == 1


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz"])
def test_gzip_bomb_is_capped(tmp_path: Path, name: str) -> None:
    payload = (jsonl({"id": "a", "text": "x" * 1000}) * 50).encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(payload))
    assert path.stat().st_size < 2000
    records, problems = read(path, max_bytes=2000)
    assert [p.check for p in problems] == ["file_too_large"]
    assert len(records) <= 2


def test_truncated_gzip_keeps_records_before_the_damage(tmp_path: Path) -> None:
    lines = [{"id": f"r{i}", "text": f"Berita nomor {i} " + "isi " * 50} for i in range(200)]
    whole = gzip.compress(jsonl(*lines).encode())
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    records, problems = read(path)
    assert [p.check for p in problems] == ["bad_gzip"]
    assert 10 < len(records) < 200
    assert [r.fields["source_id"] for r in records] == [f"r{i}" for i in range(len(records))]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").mkdir()
    assert [p.check for p in read(tmp_path / "gone.txt")[1]] == ["path_not_found"]
    assert [p.check for p in read(tmp_path / "d.jsonl")[1]] == ["not_a_file"]


# --- seeds ---------------------------------------------------------------------------------------

def test_seed_000_has_title_and_byline(seeds_dir: Path) -> None:
    (rec,), problems = read(seeds_dir / "articles" / "000_ea3832d8c718430b.txt")
    assert problems == []
    assert rec.fields["title"] == "Indonesia Tingkatkan Kerja Sama Internasional untuk Cegah Terorisme"
    assert rec.fields["byline"] == "Harakatuna"
    assert rec.fields["source_id"] == "000_ea3832d8c718430b.txt"
    assert rec.fields["text"].startswith("Harakatuna.com. Jakarta - Peningkatan kerja sama internasional")
    assert "](" not in rec.fields["text"]


def test_seed_004_has_no_title(seeds_dir: Path) -> None:
    (rec,), problems = read(seeds_dir / "articles" / "004_dd28076a0050d718.txt")
    assert problems == []
    assert "title" not in rec.fields and "byline" not in rec.fields
    assert rec.fields["text"].startswith("BACATODAY.COM — Indonesia dan Vietnam")


def test_every_seed_reads_without_problems(seeds_dir: Path) -> None:
    from peristiwa.reading import discover

    found = discover([seeds_dir / "articles"])
    assert found.problems == []
    assert len(found.files) >= 7
    total = 0
    for ref in found.files:
        records, problems = read(Path(ref.path))
        assert problems == [], ref.path
        assert records and all(r.fields.get("text") and r.fields.get("source_id") for r in records)
        total += len(records)
    assert total >= 11
