"""clean_text: each kind of boilerplate, the CLICK-ID comma paragraphs, whitespace, negatives."""

from __future__ import annotations

import pytest

from peristiwa.normalise.boilerplate import clean_text, fix_mojibake


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # "Baca juga" in its forms: own line, inline after a paragraph comma, bracketed, capitals
        ("Polisi menangkap dua orang.\n\nBaca juga: Densus Tangkap Terduga Teroris\n\nKeduanya ditahan.",
         "Polisi menangkap dua orang.\n\nKeduanya ditahan."),
        ("Polisi menangkap dua orang.,Baca Juga : Densus Tangkap Terduga,Keduanya ditahan.",
         "Polisi menangkap dua orang.\n\nKeduanya ditahan."),
        ("Polisi menangkap dua orang. (Baca juga: Densus Tangkap Terduga Teroris),Keduanya ditahan.",
         "Polisi menangkap dua orang.\n\nKeduanya ditahan."),
        ("Polisi menangkap dua orang.\n\n[Baca juga: Densus Tangkap Teroris]\n\nKeduanya ditahan.",
         "Polisi menangkap dua orang.\n\nKeduanya ditahan."),
        ("Polisi menangkap dua orang.\nBACA JUGA Densus Tangkap Terduga Teroris\nKeduanya ditahan.",
         "Polisi menangkap dua orang.\nKeduanya ditahan."),
        ("Polisi menangkap dua orang.,Baca juga:,Keduanya ditahan.",  # empty teaser (link removed)
         "Polisi menangkap dua orang.\n\nKeduanya ditahan."),
        ("Polisi menangkap dua orang.\nBaca juga, Aksi 212, Massa Belum Terlihat.\nKeduanya ditahan.",
         "Polisi menangkap dua orang.\nKeduanya ditahan."),
        ("Polisi menangkap dua orang.,Lihat juga: Keluarga Minta Tersangka Dipulangkan,Keduanya ditahan.",
         "Polisi menangkap dua orang.\n\nKeduanya ditahan."),
        # detik-style furniture
        ("Polisi menangkap dua orang.\n\nSCROLL TO CONTINUE WITH CONTENT\n\nKeduanya ditahan.",
         "Polisi menangkap dua orang.\n\nKeduanya ditahan."),
        ("Polisi menangkap dua orang.\nADVERTISEMENT\nKeduanya ditahan.", "Polisi menangkap dua orang.\nKeduanya ditahan."),
        ("Polisi menangkap dua orang. Seperti apa detailnya? Simak video berikut:",
         "Polisi menangkap dua orang. Seperti apa detailnya?"),
        ("Polisi menangkap dua orang.\n\nSimak Video \"Densus Geledah Rumah\"\n\nKeduanya ditahan.",
         "Polisi menangkap dua orang.\n\nKeduanya ditahan."),
        ("Polisi menangkap dua orang. (Dapatkan informasi terkini di aplikasi kami) Keduanya ditahan.",
         "Polisi menangkap dua orang. Keduanya ditahan."),
        # credits and copyright
        ("Polisi menangkap dua orang.\n\nEditor: Budi Santoso", "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang.,Penulis: Annesa K. Ramadhany,,", "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang.\nPewarta: Andi\nEditor: Budi\nCOPYRIGHT © ANTARA 2019",
         "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang.\n\nCopyright © 2019 Kompas.com. All rights reserved.", "Polisi menangkap dua orang."),
        # trailing editor initials
        ("Polisi menangkap dua orang. (him/rmp)", "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang.\n\n(dnu/dnu)", "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang. (mdk/ded)", "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang. (ant)", "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang. (sfr),,", "Polisi menangkap dua orang."),
        ("Polisi menangkap dua orang. (saban / win)", "Polisi menangkap dua orang."),
        # leading remains of a cut dateline
        (", - Sebanyak 94 santriwati keracunan.", "Sebanyak 94 santriwati keracunan."),
        ("- Sebanyak 94 santriwati keracunan.", "Sebanyak 94 santriwati keracunan."),
        (",,,Setelah dihebohkan oleh video itu.", "Setelah dihebohkan oleh video itu."),
        (", , -\u00a0Badan Pengelola Transportasi mengusulkan.", "Badan Pengelola Transportasi mengusulkan."),
        ("-\nAncaman teroris tidak bisa diduga.", "Ancaman teroris tidak bisa diduga."),
        ("-,- Film itu mengunggah teaser.", "Film itu mengunggah teaser."),
        (", , -\u00a0,, ,-\u00a0Menteri Koordinator mengatakan.", "Menteri Koordinator mengatakan."),
        ("-5 derajat di puncak gunung.", "-5 derajat di puncak gunung."),
        ("‚Äì Departemen Kehakiman AS mengatakan.", "Departemen Kehakiman AS mengatakan."),
    ],
)
def test_boilerplate_kinds(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("sudah membaik.,Hal itu terungkap.", "sudah membaik.\n\nHal itu terungkap."),
        ("bertengkar.,,,,,Belakangan hubungan membaik.", "bertengkar.\n\nBelakangan hubungan membaik."),
        ("benarkah?,Ternyata tidak.", "benarkah?\n\nTernyata tidak."),
        ("luar biasa!,Ia menambahkan.", "luar biasa!\n\nIa menambahkan."),
        ('kata dia.",Ia menambahkan.', 'kata dia."\n\nIa menambahkan.'),
        ("kata dia.”,Ia menambahkan.", "kata dia.”\n\nIa menambahkan."),
        ('penipuan.,,"Kebanyakan tertipu," kata dia.', 'penipuan.\n\n"Kebanyakan tertipu," kata dia.'),
        ("upacara baptis untuk Archie,,,,Meghan tak banyak muncul.", "upacara baptis untuk Archie\n\nMeghan tak banyak muncul."),
        ("membaik. ,Informasi yang dihimpun.", "membaik.\n\nInformasi yang dihimpun."),
    ],
)
def test_clickid_comma_paragraphs(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pertumbuhan ekonomi 1,5 persen, kata menteri.",  # decimal comma
        "Angka itu naik dari 2,3 menjadi 4,5 persen.",
        "The U.S., Canada and Mexico signed the deal.",  # comma after an abbreviation, then a space
        "Polisi juga menangkap istri pelaku.",  # "juga" in an ordinary sentence
        "Ia gemar membaca juga menulis puisi.",  # "baca" inside a word
        "Saya baca juga bukunya, kata dia.",  # "baca juga" mid-sentence, no colon
        "Baca juga isi artikelnya sampai habis sebelum membagikan.",  # advice, not a teaser
        "“ Lihat juga kemasannya yang indah. ”",
        "Untuk lebih detailnya, simak video dari laman resmi di bawah ini.",
        "Pasal 6 huruf (c) mengatur hal itu.",
        "The Digital Millennium Copyright Act (DMCA) was cited.",
        "Editor senior itu mengatakan: tidak ada masalah.",
        "Korban dibawa ke rumah sakit (RS) terdekat.",
        "Polisi menangkap dua orang (ya)? Tidak.",
        "Ia berkata 'tekanan maksimum',” kata Mousavi.",
    ],
)
def test_ordinary_text_survives(text: str) -> None:
    assert clean_text(text) == text


def test_whitespace_normalised() -> None:
    raw = "  Baris\u00a0satu  dengan\u2009spasi\u200b aneh.  \r\n\r\n\r\n\n  Baris dua.\t\tSelesai.  \n\n\n"
    assert clean_text(raw) == "Baris satu dengan spasi aneh.\n\nBaris dua. Selesai."


def test_single_newlines_are_kept() -> None:
    assert clean_text("Satu.\nDua.\n\n\n\nTiga.") == "Satu.\nDua.\n\nTiga."


def test_loading_placeholder_is_not_text() -> None:
    assert clean_text("loading...") == ""
    assert clean_text(" ,, ") == ""
    assert clean_text("") == ""


def test_excel_escaped_carriage_return() -> None:
    assert clean_text("Satu.,Dua._x000D_") == "Satu.\n\nDua."


def test_mojibake_repaired() -> None:
    assert fix_mojibake("‚ÄúSekarang kami fokus,‚Äù ujarnya.¬†Ia") == "“Sekarang kami fokus,” ujarnya.\u00a0Ia"
    assert fix_mojibake("Ã©tÃ© â€œokâ€\x9d") == "été “ok”"
    assert clean_text("ujarnya.¬†,‚ÄúSekarang kami fokus,‚Äù ujarnya.") == "ujarnya.\n\n“Sekarang kami fokus,” ujarnya."
    assert fix_mojibake("Teks biasa tanpa masalah.") == "Teks biasa tanpa masalah."


def test_idempotent() -> None:
    raw = ", - Polisi menangkap dua orang.,,Baca juga: Foo Bar,Keduanya ditahan. (him/rmp)"
    once = clean_text(raw)
    assert once == "Polisi menangkap dua orang.\n\nKeduanya ditahan."
    assert clean_text(once) == once
