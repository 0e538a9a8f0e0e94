from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.extract.text import find_dates, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_initials_and_numbers_do_not_split() -> None:
    text = ("Kepala BNPT Komjen Pol. Boy Rafli Amar hadir bersama dr. Andi dan H. Ahmad. "
            "Dana Rp 1.000 juta naik 3.5 persen, kata Haryoko R.W. Ia pulang!\nParagraf baru")
    assert sentences(text) == [
        "Kepala BNPT Komjen Pol. Boy Rafli Amar hadir bersama dr. Andi dan H. Ahmad.",
        "Dana Rp 1.000 juta naik 3.5 persen, kata Haryoko R.W. Ia pulang!",
        "Paragraf baru",
    ]


def test_bullets_split() -> None:
    assert sentences("Poin:\n• Pertukaran informasi\n• Pelatihan") == ["Poin:", "Pertukaran informasi", "Pelatihan"]


PUB = dt.date(2019, 10, 1)


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("di Jakarta, Rabu (18/6/2025).", None, (dt.date(2025, 6, 18), "day")),
    ("Jumat (14/9) malam", PUB, (dt.date(2019, 9, 14), "day")),
    ("pada 18 Juni 2025 lalu", None, (dt.date(2025, 6, 18), "day")),
    ("on June 18, 2025", None, (dt.date(2025, 6, 18), "day")),
    ("sejak Desember 2022", None, (dt.date(2022, 12, 1), "month")),
    ("pada tahun 2020 lalu", None, (dt.date(2020, 1, 1), "year")),
    ("ditangkap kemarin", PUB, (dt.date(2019, 9, 30), "day")),
    ("Sabtu 13 Maret 2021.", None, (dt.date(2021, 3, 13), "day")),
    ("pada 5 Agustus", PUB, (dt.date(2019, 8, 5), "day")),
])
def test_date_forms(text: str, published: dt.date | None, expected: tuple[dt.date, str]) -> None:
    found = find_dates(text, published)
    assert found and (found[0].date, found[0].precision) == expected


@pytest.mark.parametrize("text", [
    "Jumat (14/9) malam",  # no year and no publication date: no date (contract)
    "ditangkap kemarin",
    "tanggal (31/2/2020) tidak ada",
    "sebanyak 1.000 pemuda dan 3/4 peserta",
    "may be in march",
])
def test_no_date_without_evidence(text: str) -> None:
    assert find_dates(text, None) == []


def test_lexicon_trie_prefers_the_longest_pattern_and_keeps_prefixes() -> None:
    from peristiwa.extract.lexicon import Lexicon
    lex = Lexicon([("bom", "weak"), ("bom bunuh diri", "suicide"), ("raid*", "raid"), ("raider", "person")])
    hits = [(h.value, "Bom  bunuh diri, bom, raiders, raider, bomb"[h.start:h.end])
            for h in lex.finditer("Bom  bunuh diri, bom, raiders, raider, bomb")]
    assert hits == [("suicide", "Bom  bunuh diri"), ("weak", "bom"), ("raid", "raiders"), ("person", "raider")]
