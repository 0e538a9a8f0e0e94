from __future__ import annotations

import datetime as dt

import pytest

from peristiwa.extract import Extractor, KeywordExtractor, default_extractor, extractor_version
from peristiwa.model import Event


def one(extractor: KeywordExtractor, article, text: str, **kw) -> Event:
    events = extractor.extract(article(text, **kw))
    assert len(events) == 1, [(e.event_type, e.evidence) for e in events]
    return events[0]


@pytest.mark.parametrize(("event_type", "text"), [
    ("agreement", "BNPT dan Kepolisian Federal Australia menandatangani nota kesepahaman penanggulangan terorisme."),
    ("meeting", "Kepala BNPT bertemu Duta Besar Amerika Serikat untuk membahas penanggulangan terorisme."),
    ("intel_sharing", "Densus 88 dan PDRM bertukar informasi tentang jaringan teroris lintas negara."),
    ("capacity_building", "BNPT menggelar pelatihan penanganan terorisme bagi aparat penegak hukum."),
    ("law_enforcement_cooperation", "Terduga teroris asal Indonesia itu dideportasi dari Turki."),
    ("cooperation_pledge", "Menlu RI berkomitmen memperkuat kerja sama kontra terorisme dengan Australia."),
    ("arrest", "Densus 88 Antiteror menangkap tiga terduga teroris di Sukoharjo."),
    ("security_operation", "Densus 88 menggerebek rumah terduga teroris dan menyita bahan peledak."),
    ("prosecution", "Terdakwa kasus terorisme itu divonis tujuh tahun penjara oleh majelis hakim."),
    ("prevention", "BNPT menggelar program deradikalisasi bagi mantan narapidana terorisme."),
    ("policy", "DPR mengesahkan revisi UU Terorisme dalam rapat paripurna."),
    ("sanction", "PPATK membekukan aset milik jaringan teroris JAD."),
    ("attack", "Bom bunuh diri meledak di depan gereja katedral."),
    ("threat", "Jaringan teroris itu merekrut anggota baru melalui media sosial."),
])
def test_each_type_has_a_positive_sentence(extractor, article, event_type: str, text: str) -> None:
    event = one(extractor, article, text)
    assert event.event_type == event_type
    assert event.evidence == text
    assert 0.0 <= event.confidence <= 1.0


@pytest.mark.parametrize("text", [
    "Polisi memastikan tidak ada penangkapan terduga teroris di Bogor.",
    "BNPT akan menggelar pertemuan penanggulangan terorisme pekan depan.",
    # weak cues (teror, bom, ledakan) plus a trigger, cancelled by the non-CT context (horor, film, gol)
    "Film horor ini penuh teror: hantu menyerang penghuni rumah di tengah ledakan petir.",
    "Striker itu meneror pertahanan lawan dan menembaki gawang dengan tendangan bom; gol itu memicu ledakan sorak.",
    "Polisi menangkap dua pencuri sepeda motor di Bandung, Senin (3/6/2024).",  # no CT link
    "Pengamat menilai kasus itu cukup menyita perhatian publik soal terorisme.",  # idiom, not a seizure
])
def test_not_events(extractor, article, text: str) -> None:
    assert extractor.extract(article(text)) == []


def test_english_article(extractor, article) -> None:
    event = one(extractor, article, "Police arrested two suspected militants linked to the Islamic State in Manila.",
                language="en")
    assert event.event_type == "arrest"
    assert event.location_name == "Manila" and event.location_country_iso3 == "PHL"
    assert extractor.extract(article("Police will not arrest terrorist suspects today.", language="en")) == []


def parties(event: Event) -> dict[str | None, tuple[str, str, str | None, str]]:
    return {p.actor_id or p.name: (p.name, p.kind, p.country_iso3, p.role) for p in event.parties}


def test_actor_resolution(extractor, article) -> None:
    event = one(extractor, article, "BNPT, Densus 88 dan FBI dari AS bertemu delegasi Filipina membahas terorisme.")
    assert parties(event) == {
        "BNPT": ("Badan Nasional Penanggulangan Terorisme", "agency", "IDN", "actor"),
        "DENSUS88": ("Detasemen Khusus 88 Antiteror", "security_force", "IDN", "actor"),
        "USA_FBI": ("Federal Bureau of Investigation", "security_force", "USA", "actor"),
        "USA": ("United States", "state", "USA", "actor"),
        "PHL": ("Philippines", "state", "PHL", "actor"),
    }
    event = one(extractor, article, "Pemerintah Amerika Serikat bertemu pejabat BNPT membahas terorisme.")
    assert "USA" in parties(event)


def test_acronyms_are_case_sensitive(extractor, article) -> None:
    event = one(extractor, article, "Kepala BNPT bertemu mitra as dan mit membahas terorisme.")
    assert set(parties(event)) == {"BNPT"}


def test_suspects_and_armed_groups_are_targets_of_arrest(extractor, article) -> None:
    event = one(extractor, article, "Densus 88 menangkap terduga teroris anggota JAD di Bima.")
    assert parties(event) == {
        "DENSUS88": ("Detasemen Khusus 88 Antiteror", "security_force", "IDN", "actor"),
        "terduga teroris": ("terduga teroris", "other", None, "target"),
        "JAD": ("Jamaah Ansharut Daulah", "armed_group", None, "target"),
    }


def test_place_jakarta(extractor, article) -> None:
    event = one(extractor, article, "BNPT menggelar rapat koordinasi penanggulangan terorisme di Jakarta.")
    assert (event.location_name, event.location_admin1, event.location_country_iso3, event.location_precision) == (
        "Jakarta", "DKI Jakarta", "IDN", "city")
    assert event.latitude == pytest.approx(-6.2, abs=0.1) and event.longitude == pytest.approx(106.85, abs=0.1)


def test_place_indonesian_exonym_maps_to_gazetteer_name(extractor, article) -> None:
    event = one(extractor, article, "Delegasi BNPT menghadiri konferensi kontra terorisme PBB di Wina, Austria.")
    assert (event.location_name, event.location_country_iso3) == ("Vienna", "AUT")
    assert event.latitude == pytest.approx(48.21, abs=0.1) and event.longitude == pytest.approx(16.37, abs=0.1)


def test_province_has_admin1_precision(extractor, article) -> None:
    event = one(extractor, article, "Densus 88 menangkap terduga teroris di Jawa Tengah.")
    assert (event.location_name, event.location_admin1, event.location_precision) == (
        "Jawa Tengah", "Jawa Tengah", "admin1")


def test_dateline_is_the_fallback_place(extractor, article) -> None:
    text = "JAKARTA, KOMPAS.com - Densus 88 menangkap terduga teroris. Di Poso, polisi menggeledah rumah terduga teroris."
    first, second = extractor.extract(article(text))
    assert (first.event_type, first.location_name) == ("arrest", "Jakarta")
    assert (second.event_type, second.location_name) == ("security_operation", "Poso")


def test_dates_and_salience(extractor, article) -> None:
    published = dt.date(2019, 10, 1)
    text = ("Densus 88 menangkap terduga teroris di Bekasi, Jumat (27/9). "
            "Bom bunuh diri mengguncang Surabaya pada Mei 2018. "
            "Terdakwa teroris itu disidangkan di Jakarta.")
    arrest, attack, trial = extractor.extract(article(text, published=published))
    assert (arrest.event_date, arrest.date_precision, arrest.salience) == (dt.date(2019, 9, 27), "day", "main")
    assert (attack.event_date, attack.date_precision, attack.salience) == (dt.date(2018, 5, 1), "month", "background")
    assert (trial.event_date, trial.date_precision, trial.salience) == (None, None, "main")  # never invented


def test_remention_is_merged_and_ids_follow_order(extractor, article) -> None:
    text = ("Densus 88 menangkap terduga teroris di Bekasi, Senin (3/6/2024). "
            "Penangkapan terduga teroris itu dibenarkan Polri. "
            "Densus 88 juga menangkap terduga teroris lain di Medan, Selasa (4/6/2024).")
    events = extractor.extract(article(text, article_id="art9"))
    assert [(e.event_id, e.location_name, e.event_date) for e in events] == [
        ("art9-01", "Bekasi", dt.date(2024, 6, 3)), ("art9-02", "Medan", dt.date(2024, 6, 4))]
    assert "POLRI" in {p.actor_id for p in events[0].parties}


def test_evidence_is_trimmed(extractor, article) -> None:
    text = "Densus 88 menangkap terduga teroris " + "yang sudah lama diburu aparat keamanan " * 20 + "."
    assert len(one(extractor, article, text).evidence) <= 400


def test_protocol_and_version(extractor, reference_dir) -> None:
    built = default_extractor(reference_dir)
    assert isinstance(built, Extractor) and isinstance(extractor, Extractor)
    assert extractor_version(built) == built.version == f"keyword-0.3+ref.{extractor.reference.digest}"


def test_events_carry_the_extractor_version(extractor, article) -> None:
    event = one(extractor, article, "Densus 88 menangkap terduga teroris di Bekasi.")
    assert event.extractor_version == extractor.version != "test"


# --- relevance from evidence -------------------------------------------------

@pytest.mark.parametrize("text", [
    # horror story: "teror" in the sense of fright, no strong CT cue
    "Film horor terbaru itu menghadirkan teror hantu yang menyerang sebuah keluarga di Bandung.",
    # football: "bom" and "bomber" as a goal and a striker
    "Sang bomber mencetak gol lewat tendangan bom dan pertandingan itu berakhir dengan penyerangan bertubi-tubi.",
    # drug raid: a raid with no CT link, even beside the word "teroris" in another domain's list
    "Polisi menggerebek rumah bandar narkoba di Medan dan menyita sabu; kejahatan narkoba disebut sama berbahayanya dengan teroris.",
    # debt collectors' harassment
    "Nasabah pinjol mengaku diteror debt collector yang mengancam akan menyebarkan data pribadinya.",
    # observer commentary, not a reported act
    "Pengamat terorisme menilai penangkapan terduga teroris oleh Densus 88 akan terus berlanjut.",
    # an idiom: "bom waktu" is a ticking problem, not a bomb
    "Utang itu menjadi bom waktu bagi perusahaan yang meledak tahun depan.",
    # a generic warning that terrorism is a threat
    "Kapolri mengimbau masyarakat mewaspadai potensi serangan teroris menjelang Natal.",
    # future and hedged acts
    "Densus 88 akan menangkap terduga teroris yang masih buron.",
    "Terduga teroris itu bisa saja ditangkap jika terbukti terlibat.",
])
def test_non_events_by_evidence(extractor, article, text: str) -> None:
    assert extractor.extract(article(text)) == []


def test_weak_cues_alone_do_not_make_an_article_relevant(extractor, article) -> None:
    text = "Ledakan tabung gas mengguncang permukiman di Semarang. Bom rakitan nelayan ditemukan di pantai."
    assert extractor.extract(article(text)) == []


def test_weak_cue_sentence_counts_in_a_ct_article(extractor, article) -> None:
    text = ("Densus 88 menangkap terduga teroris di Bekasi. "
            "Polisi lalu menggeledah rumahnya dan menemukan bahan peledak.")
    types = [e.event_type for e in extractor.extract(article(text, title="Densus 88 Tangkap Terduga Teroris"))]
    assert types == ["arrest", "security_operation"]


def test_one_strong_cue_needs_the_trigger_in_its_own_sentence(extractor, article) -> None:
    text = ("Presiden menghadiri pertemuan ekonomi di Jakarta. "
            "Ia juga menyinggung bahaya terorisme secara umum. "
            "Polisi menangkap pencuri motor di Depok.")
    assert extractor.extract(article(text)) == []


def test_future_cooperation_by_officials_is_a_pledge(extractor, article) -> None:
    event = one(extractor, article, "Indonesia dan Australia akan meningkatkan kerja sama penanggulangan terorisme.")
    assert event.event_type == "cooperation_pledge"
    assert {p.actor_id for p in event.parties} >= {"IDN", "AUS"}
    # "bersepakat akan meningkatkan" is a plan to cooperate, not an agreement signed
    event = one(extractor, article, "Indonesia dan Malaysia bersepakat akan meningkatkan kerja sama kontra terorisme.")
    assert event.event_type == "cooperation_pledge"
    # unnamed partners are no party, and a pledge needs one in its own sentence
    assert extractor.extract(article("Kedua negara bersepakat akan meningkatkan kerja sama kontra terorisme.")) == []


def test_future_act_without_cooperation_is_no_pledge(extractor, article) -> None:
    assert extractor.extract(article("BNPT akan menggelar pelatihan penanggulangan terorisme.")) == []


def test_state_strike_on_terrorists_is_a_security_operation(extractor, article) -> None:
    event = one(extractor, article, "Pesawat Amerika Serikat melancarkan serangan terhadap markas ISIS di Mosul.")
    assert event.event_type == "security_operation"
    event = one(extractor, article, "Kelompok ISIS melancarkan serangan bom ke markas tentara Irak di Mosul.")
    assert event.event_type == "attack"


# --- parties ---------------------------------------------------------------

def test_person_by_title_with_rank_stripped(extractor, article) -> None:
    event = one(extractor, article,
                "Kepala BNPT Komjen Pol Boy Rafli Amar bertemu Duta Besar Australia membahas terorisme.")
    assert parties(event)["Boy Rafli Amar"] == ("Boy Rafli Amar", "person", "IDN", "actor")


def test_person_after_comma_of_a_long_title(extractor, article) -> None:
    event = one(extractor, article, "Deputi Kerja Sama Internasional BNPT, Andhika Chrisnayudhanto, "
                                    "menghadiri pertemuan kontra terorisme di Hanoi.")
    assert parties(event)["Andhika Chrisnayudhanto"] == ("Andhika Chrisnayudhanto", "person", "IDN", "actor")
    assert event.location_country_iso3 == "VNM"


def test_person_of_a_foreign_state(extractor, article) -> None:
    event = one(extractor, article, "Perdana Menteri Selandia Baru Jacinda Ardern mengesahkan revisi undang-undang "
                                    "antiterorisme.")
    assert parties(event)["Jacinda Ardern"] == ("Jacinda Ardern", "person", "NZL", "actor")


def test_person_without_a_body_has_no_country(extractor, article) -> None:
    event = one(extractor, article, "Presiden Joko Widodo meresmikan program deradikalisasi di Bogor.")
    assert parties(event)["Joko Widodo"][2] is None  # never guessed


def test_wni_suspects_are_idn(extractor, article) -> None:
    event = one(extractor, article, "Polisi Singapura menahan tiga WNI yang diduga mendanai terorisme.")
    assert event.event_type == "arrest"
    assert parties(event)["terduga teroris"] == ("terduga teroris", "other", "IDN", "target")
    assert "SGP" in parties(event)


def test_acting_force_carries_over_to_the_next_sentence(extractor, article) -> None:
    text = "Densus 88 menangkap terduga teroris di Bekasi. Di Bogor, dua orang lainnya juga ditangkap."
    first, second = extractor.extract(article(text, title="Densus 88 tangkap terduga teroris"))
    assert second.location_name == "Bogor"
    assert "DENSUS88" in {p.actor_id for p in second.parties}


def test_media_name_is_no_party(extractor, article) -> None:
    event = one(extractor, article, "Jakarta, CNN Indonesia -- Bom bunuh diri meledak di Kabul, Afghanistan.")
    assert "IDN" not in parties(event)


# --- places ----------------------------------------------------------------

def test_country_only_place(extractor, article) -> None:
    event = one(extractor, article, "Jakarta, CNN Indonesia -- Bom bunuh diri meledak di sebuah pasar di Suriah.")
    assert (event.location_name, event.location_country_iso3, event.location_precision) == ("Syria", "SYR", "country")


def test_city_beats_country_and_locative_first(extractor, article) -> None:
    event = one(extractor, article, "Polisi Filipina menangkap terduga teroris ISIS di Marawi.", language="id")
    assert (event.location_name, event.location_country_iso3) == ("Marawi", "PHL")


def test_running_place_beats_dateline(extractor, article) -> None:
    text = ("Jakarta (ANTARA) - Densus 88 menggeledah rumah terduga teroris di Sukoharjo. "
            "Terduga teroris itu lalu ditangkap.")
    events = extractor.extract(article(text))
    assert [(e.event_type, e.location_name) for e in events] == [
        ("security_operation", "Sukoharjo"), ("arrest", "Sukoharjo")]


def test_undated_event_takes_the_date_of_its_paragraph(extractor, article) -> None:
    published = dt.date(2019, 9, 24)
    text = ("Densus 88 menangkap terduga teroris di Bekasi, Senin (23/9). "
            "Di Poso, polisi menggeledah rumah terduga teroris lain.")
    arrest, raid = extractor.extract(article(text, published=published))
    assert arrest.event_date == raid.event_date == dt.date(2019, 9, 23)
    assert raid.confidence < arrest.confidence or raid.event_type != arrest.event_type


def test_reporting_date_does_not_date_other_sentences(extractor, article) -> None:
    published = dt.date(2019, 9, 24)
    text = ("Seorang warga mengatakan hal itu kepada wartawan, Selasa (24/9).\n"
            "Sebelumnya, polisi menggeledah rumah terduga teroris di Poso.")
    (raid,) = extractor.extract(article(text, published=published))
    assert raid.event_date is None


def test_anniversary_of_september_11_is_2001(extractor, article) -> None:
    published = dt.date(2019, 9, 11)
    text = "Amerika memperingati 18 tahun serangan teroris 11 September di New York."
    (attack,) = extractor.extract(article(text, published=published))
    assert attack.event_date == dt.date(2001, 9, 11)


def test_list_items_are_no_events_but_their_intro_may_be(extractor, article) -> None:
    text = ("Delegasi BNPT dan Vietnam bertemu dalam JWG kontra terorisme di Jakarta.\n"
            "Sejumlah poin kerja sama yang disepakati dalam JWG ini antara lain:\n"
            "Pertukaran informasi dan intelijen terorisme melalui hotline\n"
            "Peningkatan kapasitas melalui pelatihan\n")
    types = [e.event_type for e in extractor.extract(article(text))]
    assert "agreement" in types
    assert "intel_sharing" not in types and "capacity_building" not in types


def test_arrests_in_listed_cities_are_one_event_per_city(extractor, article) -> None:
    text = "Densus 88 menangkap sembilan terduga teroris di Tambun, Bekasi, dan Bogor, Jawa Barat."
    places = sorted(e.location_name for e in extractor.extract(article(text)) if e.event_type == "arrest")
    assert places == ["Bogor", "Tambun"]  # "Tambun, Bekasi" is one place: the district and its city


def test_molotov_plot_in_ct_story_is_evidence(extractor, article) -> None:
    text = ("Dosen AB telah ditetapkan sebagai tersangka perakit 28 bom molotov.\n"
            "Polisi menyebut rencana teror itu dibiayai AB. Ia tidak terhubung jaringan teroris.\n"
            "Densus 88 masih mendalami kasus terorisme ini.")
    assert any(e.event_type == "prosecution" for e in extractor.extract(article(text)))


def test_a_date_after_publication_is_not_the_event_date(extractor, article) -> None:
    # "(9/11)" reads as 9 November in Indonesian numeric dates; after publication it cannot be the event's.
    text = "Densus 88 menangkap terduga teroris di Bekasi (9/11). Penangkapan itu terkait jaringan JAD."
    events = [e for e in extractor.extract(article(text, published=dt.date(2019, 9, 11))) if e.event_type == "arrest"]
    assert events and all(e.event_date is None for e in events)


def test_pledge_by_a_pronoun_subject_takes_the_previous_sentences_officials(extractor, article) -> None:
    text = ("Presiden Indonesia bertemu Perdana Menteri Australia di Hamburg. "
            "Mereka bersepakat akan meningkatkan kerja sama penanggulangan terorisme.")
    pledges = [e for e in extractor.extract(article(text)) if e.event_type == "cooperation_pledge"]
    assert len(pledges) == 1
    assert {p.actor_id for p in pledges[0].parties} >= {"IDN", "AUS"}
    # the officials must be those of the sentence just before
    text = ("Indonesia dan Australia membahas perdagangan. Cuaca cerah di Jakarta hari itu. "
            "Mereka bersepakat akan meningkatkan kerja sama penanggulangan terorisme.")
    assert not [e for e in extractor.extract(article(text)) if e.event_type == "cooperation_pledge"]


def test_support_for_terrorism_is_no_pledge(extractor, article) -> None:
    # "mendukung" is an accusation of backing terror as often as a pledge: no cue for either
    for text in ("India menuduh Pakistan mendukung kelompok militan di Kashmir.",
                 "Arab Saudi memutuskan hubungan dengan Qatar terkait tudingan bahwa Doha mendukung terorisme."):
        assert not [e for e in extractor.extract(article(text)) if e.event_type == "cooperation_pledge"]


def test_a_standing_law_or_ban_is_no_policy_event(extractor, article) -> None:
    for text, language in (
            ("Pelibatan TNI dalam pemberantasan terorisme telah diatur dalam Undang-Undang Nomor 34 Tahun 2004.", "id"),
            ("Hak warga negara dijamin undang-undang, kata Kepala BNPT soal terorisme.", "id"),
            ("Kalau undang-undang terorisme tidak jelas, aparat ragu bertindak.", "id"),
            ("The PKK is banned in Turkey as a terrorist group.", "en"),
            ("The Taliban seek to reimpose their version of Sharia law, terrorism experts say.", "en")):
        assert not [e for e in extractor.extract(article(text, language=language)) if e.event_type == "policy"], text
    event = one(extractor, article, "DPR mengesahkan revisi UU Terorisme di Jakarta, Jumat (25/5/2018).")
    assert event.event_type == "policy"


def test_military_aircraft_strike_by_a_state_is_a_security_operation(extractor, article) -> None:
    event = one(extractor, article, "Puluhan orang tewas dalam serangan drone milik Amerika Serikat yang mengincar "
                                    "anggota kelompok radikal Islamic State di Nangarhar.")
    assert event.event_type == "security_operation"
    assert {(p.actor_id, p.role) for p in event.parties} >= {("USA", "actor"), ("ISIS", "target")}


def test_strike_on_terrorists_by_an_unnamed_coalition(extractor, article) -> None:
    event = one(extractor, article, "Koalisi merilis rekaman serangan terhadap ISIS di Mosul pada Selasa (10/9/2019).")
    assert event.event_type == "security_operation"


def test_an_earlier_act_that_times_the_sentence_loses_to_its_own_act(extractor, article) -> None:
    event = one(extractor, article, "Parlemen mengesahkan undang-undang antiterorisme baru beberapa minggu setelah "
                                    "serangan bom di Christchurch.")
    assert event.event_type == "policy"


def test_a_trigger_in_a_quote_attribution_is_no_event(extractor, article) -> None:
    assert extractor.extract(article('"Kami prihatin dengan penyebaran terorisme di kawasan," katanya dalam rapat '
                                     'koordinasi di Jakarta, Selasa (10/9/2019).')) == []


# --- places ------------------------------------------------------------------

def test_a_place_inside_a_name_is_no_place(extractor, article) -> None:
    event = one(extractor, article, "Densus 88 menangkap terduga teroris yang melanggar konvensi Wina di Salatiga.")
    assert event.location_name == "Salatiga"
    event = one(extractor, article, "Juru bicara Sheikh Mohammad al-Sabah mengatakan polisi Kuwait menangkap "
                                    "terduga teroris.")
    assert event.location_name != "Sabah"


def test_a_place_in_an_armed_groups_name_is_no_place_nor_party(extractor, article) -> None:
    event = one(extractor, article, "Pemerintah Australia memberi bantuan konsuler kepada perekrut Negara Islam Irak "
                                    "dan Syam (ISIS) yang diekstradisi.")
    assert event.location_country_iso3 != "IRQ"
    assert "IRQ" not in {p.country_iso3 for p in event.parties}


def test_a_district_before_its_city_is_the_place(extractor, article) -> None:
    event = one(extractor, article, "Keduanya ditangkap Densus 88 di Perumahan Alamanda, Tambun Utara, Kabupaten Bekasi.")
    assert event.location_name == "Tambun"


def test_the_running_place_is_the_most_specific_one(extractor, article) -> None:
    events = extractor.extract(article("Densus 88 menangkap terduga teroris di Garut, Jawa Barat, Jumat (7/6/2024). "
                                       "Petugas juga menyita bahan peledak teroris dari rumahnya, Sabtu (8/6/2024)."))
    assert [e.location_name for e in events] == ["Garut", "Garut"]


# --- types: modality, nominal mentions, list items, threats --------------------

def test_an_attack_named_as_the_charge_is_not_the_sentences_act(extractor, article) -> None:
    event = one(extractor, article, "Syaiful dijemput paksa Densus 88 dari Nusakambangan atas dugaan keterlibatan "
                                    "aksi teror di Thamrin.")
    assert event.event_type == "arrest"


def test_a_condition_governs_its_whole_clause(extractor, article) -> None:
    assert extractor.extract(article("Kelompok teroris itu merespon jika deklarasi itu bentuk lain dari penyerangan "
                                     "terhadap mereka.")) == []
    assert extractor.extract(article("Turkey would also take over guarding captured ISIS fighters.",
                                     language="en")) == []


def test_a_sentence_going_on_with_list_items_is_no_event(extractor, article) -> None:
    assert extractor.extract(article("Yaitu pencegahan terorisme di tengah situasi pandemi.")) == []


def test_a_call_or_propaganda_is_a_threat_only_by_a_terror_actor(extractor, article) -> None:
    assert extractor.extract(article("Sekjen PBB menyerukan agar ada upaya mencegah terorisme.")) == []
    event = one(extractor, article, "Pemimpin ISIS menyerukan pengikutnya untuk menyerbu penjara.")
    assert event.event_type == "threat"


def test_a_capital_standing_for_its_government_is_no_place(extractor, article) -> None:
    event = one(extractor, article, "Pengadilan Kuwait memvonis sel teror yang disebut terkait dengan Teheran.")
    assert event.location_country_iso3 == "KWT"


def test_a_foreign_story_is_placed_in_its_country_not_at_the_dateline(extractor, article) -> None:
    events = extractor.extract(article(
        "Jakarta, CNN Indonesia -- Pengadilan Kuwait memvonis 20 anggota sel teror di Kuwait, Selasa (4/6/2024). "
        "Polisi juga menangkap dua terduga teroris lain, Rabu (5/6/2024)."))
    assert [e.location_country_iso3 for e in events] == ["KWT", "KWT"]


def test_a_coercive_act_going_on_from_the_event_before_is_an_event(extractor, article) -> None:
    events = extractor.extract(article(
        "Densus 88 menangkap terduga teroris di Bekasi, Selasa (4/6/2024). "
        "Polisi juga menggerebek rumahnya di Bekasi dan menyita bom rakitan. "
        "Selain itu, polisi juga menangkap pria berusia 23 tahun di Bogor.", title="Densus 88 tangkap teroris"))
    assert [e.event_type for e in events] == ["arrest", "security_operation", "arrest"]


def test_an_attack_word_with_no_attacker_after_a_strike_is_that_strike(extractor, article) -> None:
    events = extractor.extract(article(
        "Jet tempur AS menyerang markas ISIS di Pulau Qanus, Irak, Selasa (10/9/2019). "
        "Pulau itu terbakar ketika puluhan bom dijatuhkan, menciptakan ledakan besar.", title="AS gempur ISIS"))
    assert [e.event_type for e in events] == ["security_operation"]


def test_english_negation_reaches_over_an_auxiliary(extractor, article) -> None:
    assert extractor.extract(article("The United States is not holding any ISIS detainees.", language="en")) == []


def test_being_held_since_a_date_is_no_arrest(extractor, article) -> None:
    assert extractor.extract(article("Terpidana terorisme itu ditahan di Teluk Guantanamo sejak 2006.")) == []
    [event] = extractor.extract(article("Terduga teroris itu ditahan di Turki sejak penangkapannya pada Oktober lalu."))
    assert event.event_type == "arrest"


def test_a_trigger_inside_a_hyphenated_adjective_is_no_act(extractor, article) -> None:
    assert extractor.extract(article("Soleimani led the Quds Force, a U.S.-designated terrorist organization.",
                                     language="en")) == []


def test_a_place_in_a_university_name_is_no_place(extractor, article) -> None:
    event = one(extractor, article, "Dosen Institut Pertanian Bogor ditangkap Densus 88 di Jakarta karena terorisme.")
    assert event.location_name == "Jakarta"


def test_a_province_named_after_its_city_keeps_the_city_as_the_running_place(extractor, article) -> None:
    events = extractor.extract(article(
        "Densus 88 menangkap terduga teroris di Garut, Jawa Barat, Jumat (7/6/2024). "
        "Polisi Jawa Barat menyebut terduga teroris itu anggota JAD. "
        "Petugas juga menyita bahan peledak teroris dari rumahnya, Sabtu (8/6/2024)."))
    assert [e.location_name for e in events] == ["Garut", "Garut"]


def test_an_attack_terrorists_planned_is_a_threat(extractor, article) -> None:
    events = extractor.extract(article("Hasil interogasi menunjukkan para terduga teroris berencana menyerang pos polisi "
                                       "di Pekanbaru.", title="Teroris rencanakan serangan"))
    assert [e.event_type for e in events] == ["threat"]
    assert extractor.extract(article("Warga khawatir banjir akan menyerang kampung mereka di Pekanbaru.",
                                     title="Teroris rencanakan serangan")) == []


def test_a_suicide_bombing_after_a_strike_is_an_attack_of_its_own(extractor, article) -> None:
    events = extractor.extract(article(
        "Jet tempur AS menyerang markas ISIS di Pulau Qanus, Irak, Selasa (10/9/2019). "
        "Pada Kamis (12/9/2019) terjadi sebuah serangan bom bunuh diri dengan truk di Kirkuk.", title="AS gempur ISIS"))
    assert [e.event_type for e in events] == ["security_operation", "attack"]
