"""decode_bytes: BOMs, UTF-16 without BOM, UTF-8, legacy Western encodings, mojibake, binary."""

from __future__ import annotations

import codecs

import pytest

from peristiwa.reading.decode import UndecodableError, decode_bytes, fix_mojibake

ID_TEXT = "Densus 88 menangkap terduga teroris di Sukoharjo, Senin (14/10/2019). “Tidak ada perlawanan,” kata polisi."
WESTERN = "Café “kutipan” – naïve résumé, Kapolri menegaskan penangkapan itu sah."
LATIN1 = "Pemerintah dan José Ramos-Horta membahas kerja sama; Menteri Müller hadir di Jakarta."


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        (ID_TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ID_TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + ID_TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ID_TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + ID_TEXT.encode("utf-32-le"), "utf-32-le"),
        (ID_TEXT.encode("utf-16-le"), "utf-16-le"),
        (ID_TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf16le-nobom", "utf16be-nobom"],
)
def test_unicode_encodings_round_trip(data: bytes, expected_encoding: str) -> None:
    text, encoding = decode_bytes(data)
    assert text == ID_TEXT  # BOM removed, nothing else changed
    assert encoding == expected_encoding


@pytest.mark.parametrize(
    ("original", "codec"),
    [(WESTERN, "cp1252"), (LATIN1, "latin-1"), (ID_TEXT, "cp1252")],
    ids=["cp1252-quotes-dash", "latin1-accents", "cp1252-indonesian"],
)
def test_legacy_western_encodings_round_trip(original: str, codec: str) -> None:
    text, encoding = decode_bytes(original.encode(codec))
    assert text == original
    assert encoding in {"cp1252", "latin-1"}


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Jakarta¬†‚ÄúSaya tidak tahu,‚Äù kata dia.", "Jakarta\u00a0“Saya tidak tahu,” kata dia."),  # Mac Roman
        ("Kapolri mengatakan â€œtidak ada korbanâ€\x9d di lokasi.", "Kapolri mengatakan “tidak ada korban” di lokasi."),
        ("Caf√© na√Øve", "Café naïve"),
    ],
    ids=["macroman-nbsp-quotes", "cp1252-quotes", "macroman-accents"],
)
def test_mojibake_is_fixed(broken: str, fixed: str) -> None:
    assert fix_mojibake(broken) == fixed
    text, encoding = decode_bytes(broken.encode("utf-8"))
    assert text == fixed
    assert encoding.endswith("+ftfy")


@pytest.mark.parametrize("clean", [ID_TEXT, WESTERN, "Über “école” — déjà vu", "plain ascii"])
def test_clean_text_is_left_alone(clean: str) -> None:
    assert fix_mojibake(clean) == clean
    assert decode_bytes(clean.encode("utf-8")) == (clean, "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200),
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x01\x02\x03\xff\xfe" * 100,
    ],
    ids=["all-bytes", "png-header", "zip-header"],
)
def test_binary_raises_undecodable(data: bytes) -> None:
    with pytest.raises(UndecodableError):
        decode_bytes(data)


def test_non_western_legacy_text_is_not_forced_into_cp1252() -> None:
    original = "Полиция задержала подозреваемого в терроризме в Москве в понедельник утром."
    text, encoding = decode_bytes(original.encode("cp1251"))
    assert text == original
    assert encoding == "cp1251"


def test_latin1_mojibake_with_many_c1_controls_is_fixed_not_binary() -> None:
    original = " ".join(f"“Kutipan nomor {i},” kata saksi." for i in range(20))
    broken = original.encode("utf-8").decode("latin-1")  # "â\x80\x9c...": C1 controls throughout
    text, encoding = decode_bytes(broken.encode("utf-8"))
    assert text == original
    assert encoding == "utf-8+ftfy"


@pytest.mark.parametrize("data", [b"\x01\x02\x03 text \x04\x05\x06\x07" * 20, b"ab\x1b[0m" * 50])
def test_text_full_of_control_characters_is_binary(data: bytes) -> None:
    with pytest.raises(UndecodableError, match="control characters"):
        decode_bytes(data)


@pytest.mark.parametrize("text", [
    "Ã clean start", "Ã  at the very start", "x Ã  after a letter and a space", "kata Â “kutipan”",
    "Jakarta – “Densus 88” menangkap", "harga 5 € naik", "cafÃ© au lait", "â€œquotedâ€\x9d",
    "ГўВЂВ\x9dx word", "menyerang ‚Äúteroris‚Äù di Poso", "naïve café résumé", "плохо", "日本語のテキスト",
    "a" * 50 + "Ã" + "b" * 50 + " Â " + "c" * 50, "œuvre vs œ.", "ÃÂ", "",
])
def test_badness_on_non_ascii_windows_equals_badness_on_the_whole_text(text: str) -> None:
    from ftfy.badness import is_bad

    from peristiwa.reading.decode import non_ascii_windows

    for padded in (text, f"Berita: {text} selesai.", f"{text}\n\nParagraf kedua tanpa apa-apa."):
        assert is_bad(non_ascii_windows(padded)) == is_bad(padded), padded
