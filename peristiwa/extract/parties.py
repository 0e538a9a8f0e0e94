"""Parties of an event sentence: bodies, states, people, unnamed suspects.

- Bodies come from ``actors.csv`` and states from ``countries.csv`` (names,
  Indonesian names, adjectives). A country named only as a place ("di Suriah",
  "in Syria") is the location, not a party.
- ``WNI`` / ``warga negara Indonesia`` gives the suspects or the people
  concerned the nationality IDN (the contract's convention).
- People are found by Indonesian and English title patterns ("Kepala BNPT
  Komjen Pol Boy Rafli Amar", "Deputi Kerja Sama Internasional BNPT, Andhika
  Chrisnayudhanto", "Perdana Menteri Israel Benjamin Netanyahu"): ranks and
  honorifics are stripped, and the person acts for the country of the body or
  state named in the title; where the title names none, the country is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peristiwa.extract.lexicon import Hit, Names
from peristiwa.extract.reference import Actor, Country, Reference
from peristiwa.model import Party

# Types whose named armed groups and unnamed suspects are on the receiving end.
COERCIVE = frozenset({"arrest", "security_operation", "prosecution", "sanction", "law_enforcement_cooperation"})
UNNAMED_SUSPECT = "terduga teroris"
_SUSPECT = re.compile(r"(?<!\w)(?:(?:terduga|tersangka|suspected)(?:\s+(?:teroris\w*|terrorists?|militants?))?"
                      r"|pelaku\s+(?:teror\w*|bom\w*))(?!\w)", re.IGNORECASE)
# A country named as where something happened ("ditangkap di Belanda", "in the Afghanistan/Pakistan
# region", "di wilayah Afrin, barat laut Suriah", "KTT G20, Hamburg, Jerman") is the place, not a party.
_LOCATIVE = re.compile(r"(?:^|\W)(?:di|in|at|inside|within|wilayah|kawasan|seluruh|across)\s+(?:the\s+)?"
                       r"(?:(?:bagian\s+)?(?:barat|timur|utara|selatan|tengah)(?:\s+(?:laut|daya))?\s+)?"
                       r"(?:\w+\s*/\s*)?$",  # "in the Afghanistan/Pakistan region": both are places
                       re.IGNORECASE)
_AFTER_PLACE = re.compile(r"([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}),\s*"
                          r"(?:(?:barat|timur|utara|selatan|tengah)(?:\s+(?:laut|daya))?\s+)?$")
# In a coercive act, a country someone moved from or to ("bergerak dari Suriah ke Mosul",
# "dideportasi ke Indonesia") is a place; in talks it may be a side ("bantuan dari Australia").
_MOTION = re.compile(r"(?:^|\W)(?:dari|ke|menuju|from|to|into|melalui|via)\s+(?:the\s+)?$", re.IGNORECASE)
# A country someone was born in or an act is linked to is no side of the act ("pria kelahiran
# Indonesia", "sel teror yang terkait dengan Hizbullah Iran dan Lebanon").
_NOT_A_SIDE = re.compile(r"(?:^|\W)(?:kelahiran|asal|berasal\s+dari|keturunan|born\s+in|native\s+of|"
                         r"terkait(?:\s+dengan)?|berafiliasi(?:\s+dengan)?|linked\s+to|tied\s+to|affiliated\s+with)"
                         r"(?:\s+\S+){0,2}\s+$", re.IGNORECASE)
PLACE_ONLY_TYPES = frozenset({"attack", "threat"})
# In an attack or threat, a state or official is a party only as what is attacked or threatened
# ("serangan terhadap Arab Saudi", "kampanye Presiden Afganistan Ashraf Ghani"); officials who
# report, condemn or respond to it are not parties to it.
_TARGET_BEFORE = re.compile(r"(?:terhadap|menyerang|menyasar|mengincar|menargetkan|sasaran|mengancam|kampanye|"
                            r"serangan\s+ke|pembakaran|penyerangan|fasilitas|"
                            r"against|targeting|targeted|attacks?\s+on|threat\s+to|facilit(?:y|ies))\s+(?:\S+\s+){0,3}$",
                            re.IGNORECASE)
# A country in a media name ("CNN Indonesia", "Tempo.co Indonesia") is no party.
# Between two targets of one list ("target milik Amerika Serikat (AS), Eropa, Israel dan Rusia").
_TARGET_LIST = re.compile(r"(?:\s*\([^)]{0,12}\))?(?:\s*,\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)*"
                          r"\s*(?:,\s*(?:dan\s+|and\s+|serta\s+)?|\s+(?:dan|and|serta)\s+)")
# "Duta Besar Indonesia untuk Jerman": the country an envoy is posted to is part of the title.
_POSTED_TO = re.compile(r"(?:Duta\s+Besar|Dubes|Ambassador|Konsul(?:\s+Jenderal)?)\s+\S+(?:\s+\S+)?\s+(?:untuk|to)\s+$")
_MEDIA_BEFORE = re.compile(r"(?:CNN|Media|Times|Tribun|Harian|Koran|Radio|TV)\s+$")
_WNI = re.compile(r"(?<!\w)(?:WNI|[Ww]arga [Nn]egara Indonesia|Indonesian (?:citizens?|nationals?))(?!\w)")

TITLES = (
    "Kepala", "Wakil Kepala", "Deputi", "Direktur", "Dirjen", "Direktur Jenderal", "Menteri", "Menlu", "Menhan",
    "Menko", "Menkopolhukam", "Presiden", "Wakil Presiden", "Wapres", "Perdana Menteri", "PM", "Kapolri",
    "Wakapolri", "Kapolda", "Wakapolda", "Kapolres", "Kapolresta", "Kapolrestabes", "Kapolsek", "Kadiv Humas",
    "Karo Penmas", "Kabagpenum", "Kabag Penum", "Juru bicara", "Juru Bicara", "Jubir", "Sekjen",
    "Sekretaris Jenderal", "Duta Besar", "Dubes", "Ketua", "Komandan", "Panglima", "Pangdam", "Danrem",
    "Raja", "Pangeran", "Putra Mahkota", "Gubernur", "Bupati", "Wali Kota", "Walikota", "Jaksa Agung",
    "Kanselir", "Pemimpin", "Kasatgas", "Kabid Humas", "Kapuspen", "President", "Prime Minister",
    "Minister", "Foreign Minister", "Secretary", "Secretary-General", "Chief", "Director", "Ambassador",
    "Commander", "Spokesman", "Spokesperson", "King", "Crown Prince", "Governor",
)
RANKS = frozenset("""
    Komjen Pol Irjen Brigjen Kombes Komisaris Besar Jenderal Jend Letjen Mayjen Laksda Laksma Marsda Marsma
    Kolonel Kol Letkol Mayor Kapten AKBP AKP Iptu Ipda Aiptu Bripka Briptu Bripda Inspektur Polisi TNI Laksamana
    Marsekal Dr Drs Prof Ir H Hj KH Kiai Habib Syekh Sheikh Sir Mr Mrs Ms General Gen Lt Col Maj Adm Bapak Ibu
    Tuan Nyonya Ustaz Ustadz SH MH MSi Purn Purnawirawan
""".split())
# Words of bodies and offices, never of a person's name.
OFFICE_WORDS = frozenset("""
    Luar Negeri Dalam Kerja Sama Kerjasama Internasional Nasional Kementerian Badan Metro Umum Humas Penerangan
    Masyarakat Bagian Biro Divisi Bidang Hukum Keamanan Pertahanan Agama Keuangan Republik RI Koordinator
    Politik Kelautan Perikanan Pemasyarakatan Kepolisian Daerah Resor Kota Kabupaten Provinsi Urusan Partai
    Pusat Dewan Tinggi Negara Tentara Angkatan Darat Laut Udara Penanggulangan Terorisme Khusus Antiteror
    Detasemen Densus Perwakilan Rakyat Mahkamah Agung Pengadilan Kedutaan Federal Kerajaan Serikat Uni Emirat
    Mahkota Islam Militer Koalisi Operasi Satgas Polda Polres Polri Polresta Penmas Penum Deputi Direktorat
    Jenderal Bersama Pencegahan Penindakan Perlindungan Deradikalisasi Kontra Bina Kemampuan Bidang Hubungan
    Komunikasi Informatika Keadilan Departemen Ministry Department Foreign Affairs Home Security Defence Defense
    Justice State Police Force Forces Army National Agency Office Council General Federal Bureau Investigation
    Counter Terrorism Counterterrorism Intelligence Service Services Affairs Interior Republic Kingdom United
    Nations Security Umum PBB MPR DPR DPRD KPK BIN TNI Wakil Majelis Ulama Indonesia Besar Kejaksaan Kejagung
    Pol Polisi Sekolah Desa Dinas Seksi Umum Pengurus Besar
""".split())
# Offices that exist only in Indonesia: their holder acts for IDN even where the title names no body.
INDONESIAN_TITLES = frozenset({
    "Kapolri", "Wakapolri", "Kapolda", "Wakapolda", "Kapolres", "Kapolresta", "Kapolrestabes", "Kapolsek",
    "Kadiv Humas", "Karo Penmas", "Kabagpenum", "Kabag Penum", "Menko", "Menkopolhukam", "Wapres", "Pangdam",
    "Danrem", "Kasatgas", "Kabid Humas", "Kapuspen", "Bupati", "Wali Kota", "Walikota", "Menlu", "Menhan",
})
_TITLE = re.compile(r"(?<!\w)(?:" + "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True)) + r")(?!\w)")
# Capitalised words (with initials, particles and one comma) that may follow a title.
_TOKEN = re.compile(r"\s*(,)?\s*(\(?[A-Z][\w'’.\-]*\)?|al-\w+|bin|binti|van|von|de|da|dan|ke-\d+)")
_PARTICLES = frozenset({"bin", "binti", "van", "von", "de", "da"})


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


class PartyFinder:
    def __init__(self, reference: Reference) -> None:
        self._names: Names[Actor | Country] = Names(
            [(a, actor) for actor in reference.actors for a in actor.aliases]
            + [(a, country) for country in reference.countries for a in country.aliases])
        place_words = {w for p in reference.places for a in p.aliases for w in a.split()}
        body_words = {w for actor in reference.actors if actor.kind != "armed_group"
                      for a in actor.aliases for w in a.split()}
        country_words = {w for c in reference.countries for a in c.aliases for w in a.split()}
        self._not_name = OFFICE_WORDS | place_words | body_words | country_words | RANKS
        self._place_names = Names([(a, p) for p in reference.places if p.kind != "country" for a in p.aliases])
        self._place_aliases = frozenset(_fold(a) for p in reference.places if p.kind != "country" for a in p.aliases)

    def _hits(self, text: str, start: int, end: int) -> list[Hit[Actor | Country]]:
        """Name hits, where a national body's generic name followed by another country ("Kementerian
        Pertahanan Afganistan", "Kepolisian Malaysia") is that country's body, unlisted."""
        hits = self._names.finditer(text, start, end)
        out: list[Hit[Actor | Country]] = []
        k = 0
        while k < len(hits):
            hit = hits[k]
            nxt = hits[k + 1] if k + 1 < len(hits) else None
            if (isinstance(hit.value, Actor) and hit.value.kind in {"agency", "security_force"} and nxt is not None
                    and isinstance(nxt.value, Country) and hit.value.country_iso3 not in (None, nxt.value.iso3)
                    and not text[hit.end:nxt.start].strip()):
                name = " ".join(text[hit.start:nxt.end].split())
                out.append(Hit(hit.start, nxt.end, Actor("", name, hit.value.kind, nxt.value.iso3, (name,))))
                k += 2
                continue
            out.append(hit)
            k += 1
        return out

    def located(self, text: str, start: int, hit_start: int) -> bool:
        """The name at ``hit_start`` is a place of the sentence ("di Suriah", "Hamburg, Jerman")."""
        if _LOCATIVE.search(text, max(start, hit_start - 40), hit_start):
            return True
        m = _AFTER_PLACE.search(text, max(start, hit_start - 60), hit_start)
        if not m:
            return False
        words = m.group(1).split()
        return any(_fold(" ".join(words[k:])) in self._place_aliases for k in range(len(words)))

    def find(self, text: str, start: int, end: int, event_type: str) -> tuple[Party, ...]:
        coercive = event_type in COERCIVE
        parties: dict[str, Party] = {}
        hits = self._hits(text, start, end)
        target_end = -1  # where the last attacked party's name ended
        for k, hit in enumerate(hits):
            value = hit.value
            attacked = event_type in PLACE_ONLY_TYPES and bool(
                _TARGET_BEFORE.search(text, max(start, hit.start - 60), hit.start)
                or (target_end >= 0 and _TARGET_LIST.fullmatch(text, target_end, hit.start)))
            if attacked:
                target_end = hit.end
            if isinstance(value, Country):
                if _NOT_A_SIDE.search(text, max(start, hit.start - 30), hit.start) \
                        or _POSTED_TO.search(text, max(start, hit.start - 50), hit.start) or (
                        k + 1 < len(hits) and isinstance(hits[k + 1].value, Actor)
                        and hits[k + 1].value.kind == "armed_group" and not text[hit.end:hits[k + 1].start].strip()):
                    continue  # "kelahiran Indonesia", "terkait dengan Iran", "pembebasan Palestina Hamas"
                before = text[max(start, hit.start - 12):hit.start]
                if _MEDIA_BEFORE.search(before) or (event_type in PLACE_ONLY_TYPES and not attacked) \
                        or (not attacked and self.located(text, start, hit.start)) \
                        or (coercive and _MOTION.search(text, max(start, hit.start - 20), hit.start)):
                    continue
                parties.setdefault(value.iso3, Party(value.name, "state", value.iso3, value.iso3,
                                                     "target" if attacked else "actor"))
            elif event_type in PLACE_ONLY_TYPES and value.kind in {"agency", "security_force", "igo", "other"}:
                if attacked or (value.kind == "other" and event_type == "attack"):  # a company: its facility
                    parties.setdefault(value.actor_id or value.name, Party(value.name, value.kind, value.actor_id or None,
                                                                          value.country_iso3, "target"))
            else:
                role = "target" if coercive and value.kind == "armed_group" else "actor"
                parties.setdefault(value.actor_id or value.name,
                                   Party(value.name, value.kind, value.actor_id or None, value.country_iso3, role))
        for person in self._people(text, start, end, hits):
            if event_type in PLACE_ONLY_TYPES and person.country_iso3:
                if not _TARGET_BEFORE.search(text, max(start, text.find(person.name, start, end) - 60),
                                             max(start, text.find(person.name, start, end))):
                    continue  # an official commenting on an attack is no party to it
                person = Party(person.name, "person", None, person.country_iso3, "target")
            parties.setdefault(person.name, person)
        wni = _WNI.search(text, start, end)
        if _SUSPECT.search(text, start, end) or (coercive and wni):
            role = "target" if coercive else "actor"
            parties.setdefault(UNNAMED_SUSPECT, Party(UNNAMED_SUSPECT, "other", None, "IDN" if wni else None, role))
        elif wni:
            parties.setdefault("WNI", Party("WNI", "other", None, "IDN", "target" if coercive else "actor"))
        return tuple(parties.values())

    def group_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Where armed groups and international bodies are named: a place inside their names
        ("Negara Islam Irak dan Syam", "Pasukan Demokratik Suriah") is not where anything is."""
        return [(h.start, h.end) for h in self._names.finditer(text, start, end)
                if isinstance(h.value, Actor) and h.value.kind in {"armed_group", "igo"}]

    def state_at(self, text: str, start: int, end: int) -> list[int]:
        """Offsets of the states and security forces named in text[start:end]."""
        return [h.start for h in self._names.finditer(text, start, end)
                if isinstance(h.value, Country) or h.value.kind == "security_force"]

    def states(self, text: str, start: int, end: int) -> list[Party]:
        """The states named in text[start:end], as acting parties."""
        return [Party(h.value.name, "state", h.value.iso3, h.value.iso3, "actor")
                for h in self._names.finditer(text, start, end) if isinstance(h.value, Country)]

    def bodies(self, text: str, start: int, end: int) -> list[Party]:
        """States and listed bodies named in text[start:end], as acting parties (for carrying over)."""
        found = []
        for hit in self._hits(text, start, end):
            value = hit.value
            if isinstance(value, Country):
                if not _MEDIA_BEFORE.search(text[max(start, hit.start - 12):hit.start]) \
                        and not self.located(text, start, hit.start):
                    found.append(Party(value.name, "state", value.iso3, value.iso3, "actor"))
            elif value.kind != "armed_group":
                found.append(Party(value.name, value.kind, value.actor_id or None, value.country_iso3, "actor"))
        return found

    def _people(self, text: str, start: int, end: int, hits: Iterable) -> list[Party]:
        people = []
        for m in _TITLE.finditer(text, start, end):
            tokens: list[tuple[str, bool]] = []  # (word, comma before it)
            pos = m.end()
            while len(tokens) < 12:
                t = _TOKEN.match(text, pos, end)
                if t is None:
                    break
                tokens.append((t.group(2), bool(t.group(1))))
                pos = t.end()
            name = self._name(tokens)
            if name is None:
                continue
            country = None
            for hit in hits:  # the body or state named inside the title decides the country
                if m.start() <= hit.start < pos:
                    value = hit.value
                    country = value.iso3 if isinstance(value, Country) else value.country_iso3
                    if country:
                        break
            if country is None:
                country = self._title_country(text, start, m, pos, hits)
            people.append(Party(name, "person", None, country, "actor"))
        return people

    def _title_country(self, text: str, start: int, m: re.Match[str], pos: int, hits: Iterable) -> str | None:
        """A title naming no body: a state right before it ("US President"), an Indonesian-only
        office ("Kapolres"), or a place inside it ("Gubernur Jawa Tengah") decides the country."""
        for hit in hits:
            if isinstance(hit.value, Country) and 0 <= m.start() - hit.end <= 1:
                return hit.value.iso3
        if m.group() in INDONESIAN_TITLES:
            return "IDN"
        for hit in self._place_names.finditer(text, m.end(), pos):
            return hit.value.country_iso3
        return None

    def _name(self, tokens: list[tuple[str, bool]]) -> str | None:
        """The person's name: after the last comma, else the trailing run of non-office words."""
        commas = [k for k, (_, comma) in enumerate(tokens) if comma]
        if commas:
            tokens = tokens[commas[-1]:]
        words = [w.strip("()") for w, _ in tokens]
        run: list[str] = []
        for word in reversed(words):
            bare = word.rstrip(".,")
            if bare in self._not_name or bare.isupper() or bare == "dan" or bare.startswith("ke-"):
                if run:
                    break
                continue
            run.append(bare)
        run.reverse()
        while run and (run[0] in _PARTICLES or run[0] in RANKS):
            run.pop(0)
        while run and run[-1] in _PARTICLES:
            run.pop()
        real = [w for w in run if w not in _PARTICLES]
        if not 2 <= len(real) <= 5 or any(len(w) < 2 for w in real):
            return None
        return " ".join(run)
