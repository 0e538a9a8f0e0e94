"""Re-mentions, quotations, reactions and bare countries (keyword extractor 0.2+)."""
from __future__ import annotations

from tests.peristiwa.extract.test_keyword import one


def test_bare_country_is_no_place_when_a_city_runs(extractor, article) -> None:
    text = ("Bom bunuh diri meledak di sebuah pasar di Kabul. "
            "Serangan bom itu menewaskan warga Amerika Serikat.")
    event = one(extractor, article, text)
    assert (event.location_name, event.location_country_iso3) == ("Kabul", "AFG")


def test_anaphoric_mention_merges_into_the_reported_event(extractor, article) -> None:
    text = ("Densus 88 menangkap terduga teroris di Bekasi. "
            "Penangkapan tersebut dilakukan di Jakarta pada pagi hari.")
    event = one(extractor, article, text)
    assert event.event_type == "arrest" and event.location_name == "Bekasi"


def test_quotation_alone_still_yields_its_event(extractor, article) -> None:
    event = one(extractor, article, '"Densus 88 telah menangkap terduga teroris di Bekasi," kata polisi.')
    assert event.event_type == "arrest"


def test_quotation_does_not_add_a_second_event(extractor, article) -> None:
    text = ("Densus 88 menangkap terduga teroris di Bekasi. "
            '"Polisi juga menangkap terduga teroris lain di Bogor," kata Kapolri.')
    assert one(extractor, article, text).location_name == "Bekasi"


def test_condolences_are_no_attack(extractor, article) -> None:
    text = ("Bom bunuh diri meledak di sebuah gereja di Makassar. "
            "Presiden Filipina menyampaikan belasungkawa atas serangan teroris di Makassar.")
    event = one(extractor, article, text)
    assert event.event_type == "attack"


def test_officials_reporting_an_attack_are_no_parties(extractor, article) -> None:
    text = "Kepala BNPT Komjen Pol Boy Rafli Amar mengatakan bom bunuh diri meledak di gereja di Makassar."
    assert [p for p in one(extractor, article, text).parties if p.country_iso3] == []


def test_attacked_state_is_a_target(extractor, article) -> None:
    event = one(extractor, article, "Kelompok Houthi melancarkan serangan teror terhadap Arab Saudi.")
    assert [(p.country_iso3, p.role) for p in event.parties if p.kind == "state"] == [("SAU", "target")]


def test_list_item_is_no_event(extractor, article) -> None:
    text = "BNPT dan Australia membahas penanggulangan terorisme. Kedua, pelatihan penanganan terorisme."
    assert one(extractor, article, text).event_type == "meeting"


def test_a_lead_placed_by_country_gives_its_parties_to_the_events_inside(extractor, article) -> None:
    text = ("Empat pengungsi Suriah ditangkap polisi Belanda di Belanda karena terorisme. "
            "Para tersangka ditangkap pada Selasa lalu di kota Arnhem dan Diemen.")
    events = extractor.extract(article(text, title="Terduga teroris ditangkap"))
    assert [e.location_name for e in events] == ["Arnhem", "Diemen"]
    assert all("SYR" in {p.country_iso3 for p in e.parties} for e in events)


def test_a_country_after_a_slash_of_a_located_country_is_a_place(extractor, article) -> None:
    [event] = extractor.extract(article("Hamza bin Laden was killed in a United States counterterrorism operation "
                                        "in the Afghanistan/Pakistan region.", language="en"))
    assert {p.country_iso3 for p in event.parties if p.country_iso3} == {"USA"}
