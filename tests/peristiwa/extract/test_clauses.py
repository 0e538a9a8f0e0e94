"""Which clause a date or an act belongs to (``clauses.py``), and the attacked site's country."""

from __future__ import annotations

import datetime as dt


def types(extractor, article, text: str, **kw) -> list:
    return extractor.extract(article(text, **kw))


def test_a_year_inside_an_attack_name_is_no_date_of_a_trial(extractor, article) -> None:
    [event] = types(extractor, article, "Pengadilan mendakwa Ali atas tuduhan terorisme sebagai dalang bom Bali 2002 lalu.")
    assert event.event_type == "prosecution"
    assert event.event_date is None


def test_the_attack_itself_keeps_the_year_of_its_name(extractor, article) -> None:
    [event] = types(extractor, article, "Korban bom bunuh diri Bali 2002 lalu dikenang dalam upacara aksi teror.")
    assert event.event_type == "attack"
    assert event.event_date == dt.date(2002, 1, 1)


def test_a_reaction_date_does_not_date_the_attack(extractor, article) -> None:
    [event] = types(extractor, article,
                    "Presiden, pada Senin (10/6/2024), mengutuk serangan teroris terhadap sebuah gereja di Surabaya.")
    assert event.event_type == "attack"
    assert event.event_date is None


def test_the_attribution_date_of_a_quote_does_not_date_the_act(extractor, article) -> None:
    events = types(extractor, article, '"Densus 88 menangkap dua terduga teroris di Bekasi," kata Kapolri, Senin (10/6/2024).')
    assert [e.event_type for e in events] == ["arrest"]
    assert events[0].event_date is None


def test_a_call_for_attacks_is_a_threat(extractor, article) -> None:
    [event] = types(extractor, article, "Pemimpin ISIS menyerukan pengikutnya untuk menyerang warga Amerika Serikat, "
                                        "Israel dan Rusia dengan bom bunuh diri.")
    assert event.event_type == "threat"
    assert {p.country_iso3 for p in event.parties if p.role == "target"} == {"USA", "ISR", "RUS"}


def test_an_attack_from_abroad_takes_place_in_the_attacked_country(extractor, article) -> None:
    [event] = types(extractor, article, "Kelompok teroris di Yaman melancarkan serangan drone ke fasilitas minyak "
                                        "Arab Saudi pada Sabtu (8/6/2024).")
    assert event.event_type == "attack"
    assert event.location_country_iso3 == "SAU"


def test_a_civil_lawsuit_against_a_government_is_no_prosecution(extractor, article) -> None:
    assert types(extractor, article, "Keluarga korban terorisme menuntut pemerintah asing di pengadilan sipil.") == []


def test_anaphoric_subject_of_a_pledge() -> None:
    from peristiwa.extract.clauses import anaphoric_subject
    text = "Mereka bersepakat akan meningkatkan kerja sama."
    assert anaphoric_subject(text, 0, text.index("bersepakat"))
    text = "Kedua negara sepakat meningkatkan kerja sama."
    assert anaphoric_subject(text, 0, text.index("sepakat"))
    text = "Indonesia bersepakat akan meningkatkan kerja sama."
    assert not anaphoric_subject(text, 0, text.index("bersepakat"))


def test_the_name_9_11_dates_only_an_attack(extractor, article) -> None:
    [event] = types(extractor, article, "Densus 88 menangkap terduga teroris yang buron sejak 9/11.")
    assert (event.event_type, event.event_date) == ("arrest", None)
    [event] = types(extractor, article, "Al-Qaeda orchestrated the 9/11 attacks on the US.", language="en")
    assert (event.event_type, event.event_date) == ("attack", dt.date(2001, 9, 11))


def test_the_attribution_date_at_the_end_of_a_running_quote_does_not_date_the_act(extractor, article) -> None:
    text = ('"Kami sudah bekerja keras.\n'
            'Terduga teroris itu sudah ditangkap di Medan," kata Kapolda Sumut, Selasa (24/9).')
    [event] = types(extractor, article, text, published=dt.date(2019, 9, 24))
    assert (event.event_type, event.event_date) == ("arrest", None)


def test_an_act_done_by_saying_it_is_dated_by_the_saying(extractor, article) -> None:
    text = ('"Indonesia akan memperkuat kerja sama penanggulangan terorisme dengan Australia," '
            'kata Menlu, Senin (10/6/2024).')
    [event] = types(extractor, article, text)
    assert (event.event_type, event.event_date) == ("cooperation_pledge", dt.date(2024, 6, 10))
