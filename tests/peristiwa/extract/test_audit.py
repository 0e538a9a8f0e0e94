"""Rules from the audit of the unlabelled corpus: numeric dates that look like cues, a country
qualifying a place the gazetteer lacks, "teror" in another sense, descriptions that are no acts."""

from __future__ import annotations

from peristiwa.extract.keyword import KeywordExtractor


def test_day_month_date_is_not_the_9_11_cue(extractor: KeywordExtractor, article) -> None:
    text = ("Komunitas Reog bertemu pejabat Kemlu, Senin (9/11/2015), membahas insiden pembakaran. "
            "Pertemuan berlangsung Senin (9/11) di Jakarta.")
    assert extractor.extract(article(text)) == []


def test_9_11_as_the_attack_is_still_a_cue(extractor: KeywordExtractor, article) -> None:
    text = "Serangan 9/11 di New York pada 2001 menewaskan hampir 3 ribu orang."
    assert [e.event_type for e in extractor.extract(article(text))] == ["attack"]


def test_country_qualifying_an_unknown_place_is_the_place(extractor: KeywordExtractor, article) -> None:
    text = "Militer AS mengonfirmasi pasukan koalisi menyerang markas ISIS di Pulau Qanus, Irak, pada Selasa (10/9/2019)."
    events = extractor.extract(article(text, title="Serangan udara terhadap ISIS"))
    assert [(e.event_type, e.location_country_iso3) for e in events] == [("security_operation", "IRQ")]


def test_teror_in_another_sense_is_no_cue(extractor: KeywordExtractor, article) -> None:
    for text in ("Anak indigo itu menyebut pelaku teror mistis adalah pesaing bisnis Ashanty yang sakit hati.",
                 "Polisi menanyakan kesediaan Novel diperiksa terkait aksi teror air keras yang menimpanya.",
                 "Penjahat siber memakai WannaCry untuk melancarkan aksi teror di dunia maya, Jumat (12/5/2017)."):
        assert extractor.extract(article(text)) == [], text


def test_descriptions_of_suspects_are_no_acts(extractor: KeywordExtractor, article) -> None:
    text = ("Kerusuhan terjadi karena para tahanan yang didakwa dengan kasus terorisme marah. "
            "Menurutnya, mereka adalah kelompok Abu Nusaibah, yang pernah berbaiat pada ISIS.")
    types = [e.event_type for e in extractor.extract(article(text, title="Kerusuhan napi teroris"))]
    assert "prosecution" not in types and "threat" not in types


def test_leader_urging_followers_is_a_threat(extractor: KeywordExtractor, article) -> None:
    text = "Pemimpin ISIS mendesak milisinya untuk membebaskan wanita ISIS yang dipenjara di Irak."
    assert [e.event_type for e in extractor.extract(article(text))] == ["threat"]
