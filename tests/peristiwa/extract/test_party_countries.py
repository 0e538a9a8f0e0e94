"""Party countries (contract: "parties"): places are not parties, unnamed authorities carry the
country where they act, talks between states keep both sides, titles decide a person's country."""

from __future__ import annotations

import datetime as dt

from peristiwa.extract.dates import find_event_dates


def countries(event) -> set[str]:
    return {p.country_iso3 for p in event.parties if p.country_iso3}


def test_a_country_named_as_the_place_is_no_party(extractor, article) -> None:
    events = extractor.extract(article(
        "Presiden Joko Widodo melakukan pertemuan bilateral dengan Perdana Menteri Australia Malcolm Turnbull "
        "di KTT G20, Hamburg, Jerman, membahas kerja sama penanggulangan terorisme."))
    assert [e.event_type for e in events] == ["meeting"]
    assert "DEU" not in countries(events[0]) and "AUS" in countries(events[0])
    assert events[0].location_country_iso3 == "DEU"


def test_unnamed_police_act_for_the_country_where_they_act(extractor, article) -> None:
    events = extractor.extract(article(
        "Empat pengungsi ditangkap polisi di Arnhem, Belanda, karena dicurigai terkait terorisme."))
    assert [e.event_type for e in events] == ["arrest"]
    assert countries(events[0]) == {"NLD"}


def test_unnamed_police_in_indonesia_are_polri(extractor, article) -> None:
    events = extractor.extract(article("Terduga teroris itu ditangkap polisi di Bekasi, Senin (9/6)."))
    assert "POLRI" in {p.actor_id for p in events[0].parties}


def test_both_sides_of_bilateral_talks(extractor, article) -> None:
    events = extractor.extract(article(
        "Indonesia dan Vietnam menggelar pertemuan Joint Working Group kontra terorisme di Jakarta, Rabu (4/6).\n"
        "Dalam pertemuan itu kedua negara menyepakati pertukaran informasi terkait terorisme."))
    assert [e.event_type for e in events] == ["meeting", "intel_sharing"]
    assert all(countries(e) == {"IDN", "VNM"} for e in events)


def test_an_indonesian_only_office_is_idn(extractor, article) -> None:
    events = extractor.extract(article(
        "Kapolres Metro Jakarta Utara Budhi Herdi Susianto mengatakan Densus 88 menangkap terduga teroris "
        "di Cilincing."))
    people = {p.name: p.country_iso3 for p in events[0].parties if p.kind == "person"}
    assert people == {"Budhi Herdi Susianto": "IDN"}


def test_a_company_is_the_target_of_an_attack_on_its_facility(extractor, article) -> None:
    events = extractor.extract(article(
        "Kelompok Houthi melancarkan serangan teror dengan pesawat nirawak ke kilang minyak Aramco di Abqaiq."))
    assert [e.event_type for e in events] == ["attack"]
    aramco = [p for p in events[0].parties if p.actor_id == "SAUDI_ARAMCO"]
    assert aramco and aramco[0].role == "target" and aramco[0].country_iso3 == "SAU"


def test_an_attack_named_after_a_response_is_its_object(extractor, article) -> None:
    events = extractor.extract(article(
        "State prosecutors charged the suspect in the shooting with terrorism, they said Sunday.",
        language="en", published=dt.date(2019, 8, 5)))
    assert [e.event_type for e in events] == ["prosecution"]


def test_bracketed_year_and_this_week() -> None:
    found = find_event_dates("on June 27 [2019], two suicide bombings", dt.date(2020, 7, 3), "en")
    assert (found[0].date, found[0].precision) == (dt.date(2019, 6, 27), "day")
    found = find_event_dates("ditangkap pada awal pekan ini", dt.date(2019, 10, 2), "id")
    assert (found[0].date, found[0].precision) == (dt.date(2019, 9, 1), "month")


def test_a_generic_body_followed_by_another_country_is_that_countrys(extractor, article) -> None:
    [event] = extractor.extract(article("Kementerian Pertahanan Afganistan menggerebek markas teroris ISIS di Kabul."))
    assert {p.country_iso3 for p in event.parties if p.country_iso3} == {"AFG"}


def test_a_country_moved_from_or_to_in_a_coercive_act_is_no_party(extractor, article) -> None:
    [event] = extractor.extract(article("Pasukan Irak menggerebek militan ISIS yang bergerak dari Suriah ke Mosul."))
    assert "SYR" not in {p.country_iso3 for p in event.parties}


def test_the_named_attendees_of_the_one_meeting_are_its_parties(extractor, article) -> None:
    events = extractor.extract(article(
        "Menlu RI Retno Marsudi membahas kontra terorisme dalam Konferensi Regional di Jakarta, Selasa (10/9/2019). "
        "Konferensi itu dihadiri perwakilan dari 16 negara, yaitu Australia, China, India dan Jepang."))
    [meeting] = [e for e in events if e.event_type == "meeting"]
    assert {"IDN", "AUS", "CHN", "IND", "JPN"} <= {p.country_iso3 for p in meeting.parties}


def test_who_reacts_to_an_act_is_no_party_to_it(extractor, article) -> None:
    [event] = extractor.extract(article("Australia menyambut baik dakwaan yang dijatuhkan Amerika Serikat pada Hambali "
                                        "atas tuduhan terorisme."))
    assert event.event_type == "prosecution"
    assert "AUS" not in countries(event)


def test_a_country_of_birth_or_of_a_link_is_no_side(extractor, article) -> None:
    [event] = extractor.extract(article("Pengadilan Kuwait memvonis pria kelahiran Indonesia dalam sel teror yang terkait "
                                        "dengan Iran."))
    assert not {"IDN", "IRN"} & countries(event)


def test_a_country_describing_an_armed_group_is_no_party(extractor, article) -> None:
    [event] = extractor.extract(article("Amerika Serikat menjatuhkan sanksi terorisme kepada kelompok pembebasan Palestina Hamas."))
    assert countries(event) == {"USA"}


def test_a_raid_in_indonesia_naming_no_force_is_the_polices(extractor, article) -> None:
    [event] = extractor.extract(article("Barang bukti ditemukan dalam penggeledahan di rumah terduga teroris di Bandung."))
    assert event.event_type == "security_operation"
    assert "POLRI" in {p.actor_id for p in event.parties}


def test_an_attack_on_the_states_police_or_government_targets_that_state(extractor, article) -> None:
    [event] = extractor.extract(article("Teroris melancarkan serangan bom terhadap markas polisi di Jalalabad."))
    assert event.event_type == "attack"
    assert ("AFG", "target") in {(p.country_iso3, p.role) for p in event.parties}


def test_the_country_an_envoy_is_posted_to_is_no_party(extractor, article) -> None:
    [event] = extractor.extract(article("Duta Besar Indonesia untuk Jerman Fauzi Bowo bertemu Kepala BNPT membahas "
                                        "kerja sama kontra terorisme di Berlin."))
    assert "DEU" not in {p.country_iso3 for p in event.parties if p.kind == "state"}
