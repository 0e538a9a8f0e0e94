"""Rules for spurious events and imprecise places: origin words, named attacks, quotations,
a later more precise place, and core CT news without a CT title."""

from __future__ import annotations

from peristiwa.extract.keyword import KeywordExtractor


def test_origin_is_not_the_place(extractor: KeywordExtractor, article) -> None:
    text = "Kelompok militan menembakkan roket-roket asal Gaza menyerang Ashdod, Selasa (10/9/2019)."
    events = extractor.extract(article(text, title="Serangan teroris di Israel"))
    assert [(e.event_type, e.location_name, e.location_country_iso3) for e in events] == [
        ("attack", "Ashdod", "ISR")]


def test_attack_named_by_its_perpetrators_does_not_outrank_the_arrest(extractor: KeywordExtractor, article) -> None:
    text = "Densus 88 juga menangkap tiga orang rekan pelaku pengeboman di Bandung."
    events = extractor.extract(article(text, title="Densus 88 tangkap terduga teroris"))
    assert [e.event_type for e in events] == ["arrest"]


def test_quotation_without_its_own_date_or_place_is_no_event(extractor: KeywordExtractor, article) -> None:
    text = ('Polisi mengamankan lokasi ledakan bom di Surabaya, Minggu (13/5/2018). '
            '"Beginilah cara para teroris ditangkap," kata seorang pejabat.')
    events = extractor.extract(article(text, title="Teror bom di Surabaya"))
    assert "arrest" not in [e.event_type for e in events]


def test_later_precise_place_replaces_the_country(extractor: KeywordExtractor, article) -> None:
    text = ("Empat terduga teroris ditangkap di Belanda. "
            "Para tersangka ditangkap pada Selasa lalu di kota Arnhem.")
    events = extractor.extract(article(text, title="Terduga teroris ditangkap"))
    assert [(e.event_type, e.location_name) for e in events] == [("arrest", "Arnhem")]


def test_untitled_story_with_one_strong_cue_and_several_cued_sentences_is_core(
        extractor: KeywordExtractor, article) -> None:
    text = ("Hambali didakwa atas kasus terorisme. "
            "Hambali ditangkap di Bangkok pada 2003. "
            "Ia dituduh mengatur pemboman di Bali. "
            "Bom itu menewaskan 202 orang.")
    types = [e.event_type for e in extractor.extract(article(text, title=None))]
    assert "arrest" in types
