"""The event-date grammar, form by form (contract: "Slots -> event_date", "Conventions")."""

from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.extract.dates import FoundDate, find_dates, find_event_dates

PUB = dt.date(2019, 9, 18)  # a Wednesday
D, M, Y = "day", "month", "year"


def first(text: str, published: dt.date | None = PUB, language: str = "id") -> tuple[dt.date, str] | None:
    found = find_event_dates(text, published, language)
    return (found[0].date, found[0].precision) if found else None


@pytest.mark.parametrize(("text", "expected"), [
    # explicit dates
    ("di Jakarta, Rabu (18/6/2025).", (dt.date(2025, 6, 18), D)),
    ("Sabtu dini hari (14/9/2019)", (dt.date(2019, 9, 14), D)),
    ("Jumat (13/9) malam", (dt.date(2019, 9, 13), D)),
    ("Minggu waktu setempat (15 / 9)", (dt.date(2019, 9, 15), D)),
    ("pada (21 / 8) lalu", (dt.date(2019, 8, 21), D)),
    ("tanggal 5/9/19 itu", (dt.date(2019, 9, 5), D)),
    ("pada 18 Juni 2025 lalu", (dt.date(2025, 6, 18), D)),
    ("Kamis malam, 5 September 2019", (dt.date(2019, 9, 5), D)),
    ("pada 18 Juni", (dt.date(2019, 6, 18), D)),
    ("pada 15 Maret lalu", (dt.date(2019, 3, 15), D)),
    ("sejak Desember 2022", (dt.date(2022, 12, 1), M)),
    ("pada bulan Maret lalu", (dt.date(2019, 3, 1), M)),
    ("sejak pertengahan Januari", (dt.date(2019, 1, 1), M)),
    ("November lalu", (dt.date(2018, 11, 1), M)),
    ("pada tahun 2020 lalu", (dt.date(2020, 1, 1), Y)),
    ("pada 2020", (dt.date(2020, 1, 1), Y)),
    ("tahun 2020", (dt.date(2020, 1, 1), Y)),
    ("sejak tahun 2014", (dt.date(2014, 1, 1), Y)),
    ("pada awal 2016 silam", (dt.date(2016, 1, 1), Y)),
    ("Aliansi diperkenalkan 2015 lalu", (dt.date(2015, 1, 1), Y)),
    ("juara Piala AFF U-16 tahun 2018", (dt.date(2018, 1, 1), Y)),  # a number before "tahun" is no law
    # days relative to publication
    ("ditangkap kemarin", (dt.date(2019, 9, 17), D)),
    ("Kemarin polisi menangkap", (dt.date(2019, 9, 17), D)),
    ("kemarin lusa", (dt.date(2019, 9, 16), D)),
    ("dua hari lalu", (dt.date(2019, 9, 16), D)),
    ("3 hari yang lalu", (dt.date(2019, 9, 15), D)),
    ("hari ini", (dt.date(2019, 9, 18), D)),
    ("pagi ini", (dt.date(2019, 9, 18), D)),
    ("tadi malam", (dt.date(2019, 9, 17), D)),  # documented: the day before publication
    ("semalam", (dt.date(2019, 9, 17), D)),
    ("pada hari ini (1/10)", (dt.date(2019, 10, 1), D)),  # explicit beats the relative word
    # weekdays
    ("Senin lalu", (dt.date(2019, 9, 16), D)),
    ("Senin kemarin", (dt.date(2019, 9, 16), D)),
    ("Rabu lalu", (dt.date(2019, 9, 11), D)),  # strictly before publication
    ("pada Rabu", (dt.date(2019, 9, 18), D)),  # bare: on or before publication
    ("pada Kamis", (dt.date(2019, 9, 12), D)),
    ("jumat", (dt.date(2019, 9, 13), D)),
    ("Sabtu pagi pekan lalu", (dt.date(2019, 9, 14), D)),
    ("Senin pekan lalu", (dt.date(2019, 9, 9), D)),
    # months and years relative to publication
    ("bulan lalu", (dt.date(2019, 8, 1), M)),
    ("pada awal bulan ini", (dt.date(2019, 9, 1), M)),
    ("bulan ini", (dt.date(2019, 9, 1), M)),
    ("tiga bulan lalu", (dt.date(2019, 6, 1), M)),
    ("tahun lalu", (dt.date(2018, 1, 1), Y)),
    ("dua tahun lalu", (dt.date(2017, 1, 1), Y)),
    ("Dua tahun lalu polisi", (dt.date(2017, 1, 1), Y)),
    ("2 tahun lalu", (dt.date(2017, 1, 1), Y)),
    ("sepuluh tahun silam", (dt.date(2009, 1, 1), Y)),
    ("setahun lalu", (dt.date(2018, 1, 1), Y)),
    ("14 Januari dua tahun lalu", (dt.date(2017, 1, 14), D)),
    ("14 Januari tahun lalu", (dt.date(2018, 1, 14), D)),
    ("Januari tahun lalu", (dt.date(2018, 1, 1), M)),
    # earlier today, last night
    ("pagi tadi", (dt.date(2019, 9, 18), D)),
    ("dini hari tadi", (dt.date(2019, 9, 18), D)),
    ("sore tadi", (dt.date(2019, 9, 18), D)),
    ("malam tadi", (dt.date(2019, 9, 17), D)),
    # a span of days is dated by its first day
    ("pada 17-18 September 2019", (dt.date(2019, 9, 17), D)),
    ("pada 17 - 18 September", (dt.date(2019, 9, 17), D)),
    ("pada 5 dan 6 September", (dt.date(2019, 9, 5), D)),
    ("23 hingga 27 Agustus", (dt.date(2019, 8, 23), D)),
    # this very day, years back
    ("Tepat hari ini, 18 tahun yang lalu, serangan", (dt.date(2001, 9, 18), D)),
    ("hari ini dua tahun lalu", (dt.date(2017, 9, 18), D)),
    # a bracket glued to its weekday
    ("Senin(16/9)", (dt.date(2019, 9, 16), D)),
    # the name of the 2001 attacks
    ("serangan 9/11", (dt.date(2001, 9, 11), D)),
    ("pasca-9/11", (dt.date(2001, 9, 11), D)),
    ("pada penghujung 2018", (dt.date(2018, 1, 1), Y)),
])
def test_indonesian_forms(text: str, expected: tuple[dt.date, str]) -> None:
    assert first(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("on Monday", (dt.date(2019, 9, 16), D)),
    ("police said Sunday", (dt.date(2019, 9, 15), D)),
    ("last Monday", (dt.date(2019, 9, 16), D)),
    ("last Wednesday", (dt.date(2019, 9, 11), D)),
    ("on Monday last week", (dt.date(2019, 9, 9), D)),
    ("yesterday", (dt.date(2019, 9, 17), D)),
    ("Yesterday, police", (dt.date(2019, 9, 17), D)),
    ("today", (dt.date(2019, 9, 18), D)),
    ("last night", (dt.date(2019, 9, 17), D)),
    ("three days ago", (dt.date(2019, 9, 15), D)),
    ("the day before yesterday", (dt.date(2019, 9, 16), D)),
    ("last month", (dt.date(2019, 8, 1), M)),
    ("this month", (dt.date(2019, 9, 1), M)),
    ("earlier this month", (dt.date(2019, 9, 1), M)),
    ("in March", (dt.date(2019, 3, 1), M)),
    ("last year", (dt.date(2018, 1, 1), Y)),
    ("two years ago", (dt.date(2017, 1, 1), Y)),
    ("a year ago", (dt.date(2018, 1, 1), Y)),
    ("in 2020", (dt.date(2020, 1, 1), Y)),
    ("in mid-2016", (dt.date(2016, 1, 1), Y)),
    ("December 2022", (dt.date(2022, 12, 1), M)),
    ("18 June 2025", (dt.date(2025, 6, 18), D)),
    ("the 18th of June 2025", (dt.date(2025, 6, 18), D)),
    ("June 18, 2025", (dt.date(2025, 6, 18), D)),
    ("Sept. 11, 2001", (dt.date(2001, 9, 11), D)),
    ("on June 18", (dt.date(2019, 6, 18), D)),
    ("on Saturday, September 14, 2019", (dt.date(2019, 9, 14), D)),
    ("the 9/11 attacks", (dt.date(2001, 9, 11), D)),
    ("on July 27-28, 2019", (dt.date(2019, 7, 27), D)),
    ("from 27 to 29 July", (dt.date(2019, 7, 27), D)),
    ("18 years ago today", (dt.date(2001, 9, 18), D)),
    ("at the end of 2017", (dt.date(2017, 1, 1), Y)),
    ("by the beginning of March", (dt.date(2019, 3, 1), M)),
])
def test_english_forms(text: str, expected: tuple[dt.date, str]) -> None:
    assert first(text, language="en") == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a yearless date more than ~2 months after publication is last year's (news reports the past)
    ("Sabtu (28/12)", dt.date(2020, 1, 5), dt.date(2019, 12, 28)),
    ("pada 28 Desember", dt.date(2020, 1, 5), dt.date(2019, 12, 28)),
    ("(3/1)", dt.date(2020, 1, 5), dt.date(2020, 1, 3)),
    ("(6/3)", dt.date(2020, 1, 5), dt.date(2020, 3, 6)),  # 61 days ahead: still this year
    ("(10/3)", dt.date(2020, 1, 5), dt.date(2019, 3, 10)),  # 65 days ahead: last year
    ("pada Desember", dt.date(2020, 1, 5), dt.date(2019, 12, 1)),
    ("20 September lalu", PUB, dt.date(2018, 9, 20)),  # "lalu": never after publication
    ("pada 18 September", PUB, dt.date(2019, 9, 18)),
])
def test_previous_year_rule(text: str, published: dt.date, expected: dt.date) -> None:
    found = first(text, published)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(("text", "weekday_ok", "expected"), [
    ("Rabu (18/9)", True, dt.date(2019, 9, 18)),
    ("Kamis (18/9)", False, dt.date(2019, 9, 18)),  # contradiction: the numeric date wins
    ("Senin, 16 September 2019", True, dt.date(2019, 9, 16)),
    ("Selasa, 16 September 2019", False, dt.date(2019, 9, 16)),
    ("pada hari Senin (23/9)", True, dt.date(2019, 9, 23)),
    ("Dikutip dari CNBC Rabu(18/09/2019)", True, dt.date(2019, 9, 18)),
    ("(16/9)", None, dt.date(2019, 9, 16)),
    ("pada Senin", None, dt.date(2019, 9, 16)),
])
def test_weekday_agreement(text: str, weekday_ok: bool | None, expected: dt.date) -> None:
    found = find_event_dates(text, PUB, "id")
    assert len(found) == 1
    assert (found[0].date, found[0].weekday_ok) == (expected, weekday_ok)


@pytest.mark.parametrize("text", [
    "berdasarkan UU Nomor 5 Tahun 2018 tentang terorisme",
    "Undang-Undang No. 15 Tahun 2003",
    "sebanyak 2020 orang",
    "pada 2020 orang",
    "dana Rp 2.020 juta",
    "2,5 tahun lalu",
    "pada tahun 1990-an",
    "pada tahun 1900",
    "pada 2150",
    "pekan lalu",
    "minggu lalu",
    "Minggu lalu",
    "dua minggu lalu",
    "last week",
    "a week ago",
    "besok",
    "Senin depan",
    "next Monday",
    "bulan depan",
    "tanggal (31/2/2020) tidak ada",
    "31 Februari 2020",
    "(18/13)",
    "sebanyak 3/4 peserta",
    "may be in march",
    "May God help us",
    "Seperti diketahui",
    "Mariana dan Agus",
    "berusia 21 tahun",
    "Perpres 7 Tahun 2021 tentang RAN PE",
    "beberapa bulan lalu",
    "a few years ago",
    "pada Oktober nanti",
    "pada 9/11 lalu",  # a bare day/month (9 November here) is no date; only the attacks' name is
    "tanggal 9/11",
    "latihan setiap hari Minggu",  # a habit, no day
    "tiap Jumat malam",
    "every Friday",
])
def test_not_dates(text: str) -> None:
    assert find_event_dates(text, PUB, "id") == []


@pytest.mark.parametrize("text", [
    "kemarin", "hari ini", "Senin lalu", "pada Senin", "bulan lalu", "tahun lalu", "dua tahun lalu",
    "18 Juni", "Jumat (14/9)", "14 Januari dua tahun lalu", "November lalu", "yesterday", "last Monday",
    "June 18", "in May", "this month",
])
def test_relative_forms_need_a_publication_date(text: str) -> None:
    assert find_event_dates(text, None, "id") == []
    assert find_event_dates(text, PUB, "en") != []  # the same text does resolve with one


@pytest.mark.parametrize(("text", "expected"), [
    ("Rabu (18/6/2025)", (dt.date(2025, 6, 18), D)),
    ("pada 18 Juni 2025", (dt.date(2025, 6, 18), D)),
    ("Desember 2022", (dt.date(2022, 12, 1), M)),
    ("pada 2020", (dt.date(2020, 1, 1), Y)),
])
def test_absolute_forms_need_none(text: str, expected: tuple[dt.date, str]) -> None:
    assert first(text, None) == expected


def test_month_day_without_year_is_english_only() -> None:
    assert find_event_dates("pada Juni 18", PUB, "id") == []
    assert first("on June 18", language="en") == (dt.date(2019, 6, 18), D)


def test_spans_and_text_index_the_scanned_text() -> None:
    text = "Polisi menangkapnya pada 2018. Dia ditangkap Senin (16/9) di Solo, kata Kapolres, Rabu."
    start = text.index("Dia")
    found = find_dates(text, PUB, start, len(text))
    assert [(f.date, f.text, f.weekday_ok) for f in found] == [
        (dt.date(2019, 9, 16), "Senin (16/9)", True), (dt.date(2019, 9, 18), "Rabu", None)]
    assert found[0].span == (text.index("Senin"), text.index(" di Solo"))
    assert text[found[0].start:found[0].end] == found[0].text
    assert isinstance(found[0], FoundDate)


def test_every_date_of_a_sentence_in_order() -> None:
    sentence = "Serangan pada 11 September 2001 dikenang kemarin, dan pelaku ditangkap pada 2003."
    assert [(f.date, f.precision) for f in find_event_dates(sentence, PUB, "id")] == [
        (dt.date(2001, 9, 11), D), (dt.date(2019, 9, 17), D), (dt.date(2003, 1, 1), Y)]


@pytest.mark.parametrize("sentence", [
    "Sidang lanjutan akan digelar pada 28 September mendatang.",
    "Pertemuan berikutnya dijadwalkan 8 Juni yang akan datang.",
    "Pelatihan digelar 3 Oktober nanti di Jakarta.",
])
def test_a_day_and_month_said_to_be_ahead_is_no_event_date(sentence: str) -> None:
    assert find_event_dates(sentence, dt.date(2019, 9, 20), "id") == []
