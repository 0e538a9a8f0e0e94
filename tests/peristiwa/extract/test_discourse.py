"""Dates from the discourse (``discourse.py``) and from a sentence's several dates (``clauses.nearest_date``)."""

from __future__ import annotations

import datetime as dt

from peristiwa.extract.clauses import nearest_date
from peristiwa.extract.dates import find_dates
from peristiwa.extract.discourse import DiscourseDates

PUB = dt.date(2019, 9, 24)  # a Tuesday


def dated(extractor, article, text: str, published: dt.date | None = PUB, **kw) -> list[tuple[str, dt.date | None]]:
    return [(e.event_type, e.event_date) for e in extractor.extract(article(text, published=published, **kw))]


def test_at_the_time_refers_to_the_time_told_before(extractor, article) -> None:
    text = ("BNPT menjalin kerja sama internasional pada tahun 2020 lalu.\n"
            "Yaitu pencegahan di tengah pandemi.\n"
            "Kepala BNPT saat itu menegaskan komitmen untuk memperkuat kerja sama penanggulangan terorisme.")
    events = extractor.extract(article(text, published=None))
    pledge = next(e for e in events if e.event_type == "cooperation_pledge")
    assert (pledge.event_date, pledge.date_precision) == (dt.date(2020, 1, 1), "year")


def test_since_then_is_no_reference_to_the_time() -> None:
    sentences = ["Bom meledak di Bali pada 2002.", "Polisi berjaga.", "Warga tenang.",
                 "Sejak saat itu BNPT memperkuat kerja sama.", "Kala itu BNPT memperkuat kerja sama.",
                 "At the time of the bombing BNPT pledged cooperation."]
    text = "\n".join(sentences)
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    told = DiscourseDates(text, spans, None, "id", None)
    types = {0: {"attack"}}
    assert told.resolve(3, "cooperation_pledge", types) is None
    then = told.resolve(4, "cooperation_pledge", types)
    assert then is not None and (then.date, then.precision) == (dt.date(2002, 1, 1), "year")
    assert told.resolve(5, "cooperation_pledge", types) is None  # the time of another act, not "then"


def test_a_dated_mention_of_the_act_dates_it(extractor, article) -> None:
    # The lead's only date is the reaction's (not the attack's); a later sentence names the attack with its day.
    text = ("Sekjen PBB, pada Senin, 16 September 2019, mengutuk serangan teroris kelompok Houthi terhadap "
            "fasilitas minyak Arab Saudi.\n"
            "Guterres meminta semua pihak menahan diri.\n"
            "Dia juga berbicara dengan para menteri.\n"
            "Kilang itu rusak berat akibat serangan pada Sabtu, 14 September 2019, di wilayah timur kerajaan.")
    attack = next(e for e in extractor.extract(article(text, published=dt.date(2019, 9, 16)))
                  if e.event_type == "attack")
    assert attack.event_date == dt.date(2019, 9, 14)


def test_a_date_far_from_the_act_word_is_no_dated_mention(extractor, article) -> None:
    text = ("Sekjen PBB, pada Senin, 16 September 2019, mengutuk serangan teroris kelompok Houthi terhadap "
            "fasilitas minyak Arab Saudi.\n"
            "Guterres meminta semua pihak menahan diri.\n"
            "Dia juga berbicara dengan para menteri.\n"
            "Serangan itu menghancurkan dua kilang besar milik perusahaan negara di wilayah timur, Sabtu.")
    attack = next(e for e in extractor.extract(article(text, published=dt.date(2019, 9, 16)))
                  if e.event_type == "attack" and "Sekjen" in e.evidence)
    assert attack.event_date is None


def test_a_lead_sentence_takes_the_date_of_an_earlier_lead_sentence(extractor, article) -> None:
    text = ("Tim Densus 88 bergerak di wilayah Jakarta dan Bekasi, Senin (23/9).\n"
            "Kelompok ini diduga jaringan JAD.\n"
            "MA, terduga teroris, ditangkap di Jalan Belibis, Cilincing, Jakarta Utara.")
    assert dated(extractor, article, text) == [("arrest", dt.date(2019, 9, 23))]


def test_a_lead_sentence_takes_a_later_lead_date_only_of_the_news_days(extractor, article) -> None:
    later = ("Dosen IPB, Abdul Basith, telah ditetapkan sebagai tersangka terorisme.\n"
             "Polisi memeriksa Abdul di Mabes Polri hari ini (24/9).")
    assert dated(extractor, article, later) == [("prosecution", dt.date(2019, 9, 24))]
    earlier = ("Dosen IPB, Abdul Basith, telah ditetapkan sebagai tersangka terorisme.\n"
               "Rekannya tewas 16 Agustus lalu di Marawi.")
    assert dated(extractor, article, earlier) == [("prosecution", None)]


def test_a_dateline_is_no_date_of_an_act(extractor, article) -> None:
    text = ("Tuesday, September 24, 2019\n"
            "Police arrested a terrorist suspect in Texas, officials said.")
    assert dated(extractor, article, text, language="en") == [("arrest", None)]


def test_a_sole_anaphoric_mention_is_dated_from_the_lead(extractor, article) -> None:
    text = ("Thursday, August 8, 2019\n"
            "On Saturday morning, a gunman killed 22 shoppers at a store in El Paso, Texas.\n"
            "Police said the gunman surrendered.\n"
            "Federal authorities are investigating the shooting as domestic terrorism.")
    events = dated(extractor, article, text, published=dt.date(2019, 8, 8), language="en")
    assert ("attack", dt.date(2019, 8, 3)) in events
    assert all(day != dt.date(2019, 8, 8) for _, day in events)


def test_a_plots_target_day_is_not_the_threats_date(extractor, article) -> None:
    text = ("Polisi menangkap dosen perakit bom molotov di Bogor, Selasa (24/9).\n"
            "Dia diduga merencanakan aksi teror pada Sabtu (28/9) dengan bom molotov.")
    threat = next(e for e in extractor.extract(article(text, published=PUB)) if e.event_type == "threat")
    assert threat.event_date == dt.date(2019, 9, 24)  # the lead's day, not the plot's


def test_a_threat_takes_the_day_of_its_disclosure(extractor, article) -> None:
    text = ('"Pelaku memang ada rencana untuk melakukan pengeboman," kata Kabid Humas, Senin (23/9).\n'
            "Kelompok teroris itu merencanakan aksi teror di Jakarta.")
    threat = next(e for e in extractor.extract(article(text, published=PUB)) if e.event_type == "threat")
    assert threat.event_date == dt.date(2019, 9, 23)


def test_nearest_date_to_the_act_word() -> None:
    text = "Kasus ini diajukan pada 2003 itu mendapat dorongan pada 2016 ketika Kongres mengeluarkan undang-undang."
    found = find_dates(text, PUB)
    at = text.index("undang-undang")
    assert nearest_date(found, at, at + len("undang-undang")).date == dt.date(2016, 1, 1)
    text = "Pada Senin (23/9), polisi menangkap X, yang buron sejak 2015 karena teror."
    found = find_dates(text, PUB)
    at = text.index("menangkap")
    assert nearest_date(found, at, at + len("menangkap")).date == dt.date(2019, 9, 23)
    assert nearest_date([], 0, 1) is None


def test_the_next_sentence_opening_with_a_dated_act_word_dates_the_act(extractor, article) -> None:
    text = ("Puluhan petani tewas dalam serangan drone Amerika Serikat terhadap militan ISIS di Nangarhar.\n"
            "Serangan pada 19 September 2019 itu menambah daftar serangan mematikan di Afganistan.")
    # published ten days on: not one of the lead's news days, so only the re-mention can date it
    events = extractor.extract(article(text, published=dt.date(2019, 9, 30)))
    assert events and all(e.event_date == dt.date(2019, 9, 19) for e in events)


def test_a_dated_mention_may_name_the_place_between_act_and_date(extractor, article) -> None:
    text = ("Sekjen PBB, pada Senin, 16 September 2019, mengutuk serangan teroris kelompok Houthi terhadap "
            "fasilitas minyak Arab Saudi.\n"
            "Guterres meminta semua pihak menahan diri.\n"
            "Dia juga berbicara dengan para menteri.\n"
            "Kilang itu rusak akibat serangan di Abqaiq, Arab Saudi pada Sabtu, 14 September 2019.")
    attack = next(e for e in extractor.extract(article(text, published=dt.date(2019, 9, 16)))
                  if e.event_type == "attack")
    assert attack.event_date == dt.date(2019, 9, 14)


def test_a_saying_between_act_and_date_is_no_dated_mention(extractor, article) -> None:
    text = ("Sekjen PBB, pada Senin, 16 September 2019, mengutuk serangan teroris kelompok Houthi terhadap "
            "fasilitas minyak Arab Saudi.\n"
            "Guterres meminta semua pihak menahan diri.\n"
            "Dia juga berbicara dengan para menteri.\n"
            "Kilang itu rusak akibat serangan di Abqaiq, kata Menteri Energi, Sabtu, 14 September 2019.")
    attack = next(e for e in extractor.extract(article(text, published=dt.date(2019, 9, 16)))
                  if e.event_type == "attack" and "Sekjen" in e.evidence)
    assert attack.event_date is None
