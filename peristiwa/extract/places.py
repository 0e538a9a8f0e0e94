"""The place of an event: its own sentence first, the dateline last.

Order (the contract: "a dateline is the event's place only when the text gives
no other place for it"):

1. a city, regency, district or province in the event's sentence, preferring
   one introduced by a locative word ("di Bekasi", "in Manila");
2. a country in the sentence ("di Suriah"), precision ``country``;
3. a city or province of the sentence before (the story's running place);
4. the place named in the title;
5. the dateline ("Jakarta (ANTARA) -", "JAKARTA, KOMPAS.com -").
"""

from __future__ import annotations

import math
import re

from peristiwa.extract.lexicon import Hit, Names
from peristiwa.extract.reference import Place, Reference

_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:[,\-–—]|$)")
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:dan\s+|and\s+|serta\s+)?|\s+(?:dan|and|serta)\s+)")
_LIST_START = re.compile(r"(?:^|\W)(?:seperti|yakni|yaitu|antara\s+lain|termasuk|including|such\s+as)\s+$", re.IGNORECASE)
# "Tambun Utara, Kabupaten Bekasi": a place, then the one it lies in.
_WITHIN = re.compile(r"\s*,\s*(?:(?:kabupaten|kab\.|kota|provinsi|kecamatan|regency|city|province)\s+)?", re.IGNORECASE)
NEAR_KM = 20.0  # a district and the city or regency around it ("Tambun, Bekasi", "Cilincing" in "Jakarta")
# An origin ("roket asal Gaza menyerang Ashdod", "pria kelahiran Solo") names where someone or
# something came from, not where the event took place.
_ORIGIN = re.compile(r"(?:^|\W)(?:asal|berasal\s+dari|kelahiran|hailing\s+from|originally\s+from)\s+$", re.IGNORECASE)
_LOCATIVE = re.compile(r"(?:^|\W)(?:di|ke|dari|in|at|near|kota|wilayah|kawasan|provinsi|kabupaten|kecamatan)\s+$",
                       re.IGNORECASE)

# "di Pulau Qanus, Irak", "in Abbottabad, Pakistan": a place the gazetteer lacks, qualified by the
# country it lies in -- that country is locative too.
_QUALIFIED = re.compile(r"(?:^|\W)(?:di|in|at|near)\s+(?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*\s*,\s*$")


# A place inside another name: a convention or treaty named after a city, a nationality, a
# university ("Institut Pertanian Bogor"), a person's name going on with an Arabic particle
# ("Sabah Al-Numaan", "Aden bin ...").
_NAMING = re.compile(r"(?:^|\W)(?:konvensi|convention|deklarasi|declaration|protokol|protocol|perjanjian|treaty|"
                     r"accords?|piagam|charter|resolusi|proses|process|format|warga\s+negara|warganegara|"
                     r"kewarganegaraan|citizens?\s+of|nationals?\s+of|WN)\s+$|(?<!\w)(?:al|el)\s*-\s*$|"
                     r"(?:^|\W)(?:institut|universitas|university|politeknik|akademi)(?:\s+\w+){0,2}\s+$|"
                     r"(?<!\w)(?:bin|binti|ibn)\s+$", re.IGNORECASE)
# A capital standing for its government ("sel teror yang terkait dengan Teheran", "menuding Riyadh
# mendukung ...") is a party, not a place.
_METONYM = re.compile(r"(?:^|\W)(?:dengan|oleh|menuding|menuduh|menyalahkan|mengecam|antara|with|by|blamed|"
                      r"accused)\s+$", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"\s+(?:Al-|al-|El-|bin\s|binti\s|ibn\s)")


class PlaceFinder:
    def __init__(self, reference: Reference) -> None:
        self._names: Names[Place] = Names(
            [(a, place) for place in reference.places for a in place.aliases], upper_too=True, all_case_sensitive=True)
        self._countries = {p.country_iso3: p for p in reference.places if p.kind == "country"}

    def country(self, iso3: str | None) -> Place | None:
        """The gazetteer's entry for a whole country."""
        return self._countries.get(iso3) if iso3 else None

    def hits(self, text: str, start: int, end: int) -> list[Hit[Place]]:
        """Place names of text[start:end] that name where something is: not a place inside a name
        ("konvensi Wina", "Sabah Al-Numaan") nor a nationality ("Warga Negara Indonesia")."""
        return [h for h in self._names.finditer(text, start, end)
                if not _NAMING.search(text, max(0, h.start - 30), h.start)
                and not _NAME_GOES_ON.match(text, h.end)
                and not (h.value.kind != "country" and _METONYM.search(text, max(0, h.start - 30), h.start))]

    def dateline(self, text: str) -> tuple[Place | None, int]:
        """The place of a dateline in the opening, and where the dateline ends (0 without one)."""
        for hit in self._names.finditer(text, 0, min(len(text), 80)):
            tail = _DATELINE_TAIL.match(text, hit.end)
            if tail and not text[:hit.start].strip(" \"'“"):  # a dateline opens the text
                return hit.value, tail.end()
            break
        return None, 0

    def in_title(self, title: str | None) -> Place | None:
        if not title:
            return None
        hits = [h for h in self._names.finditer(title) if h.value.kind != "country"]
        return hits[0].value if hits else None

    def best(self, text: str, hits: list[Hit[Place]]) -> Place | None:
        """The sentence's own place: a locative city, any city, else a locative country.

        A country named without a locative word ("drone milik Amerika Serikat",
        "Presiden Palestina") is usually a party, not where the event happened:
        see ``bare_country``, which the caller ranks below the story's running place.
        """
        def locative(h: Hit[Place]) -> bool:
            return bool(_LOCATIVE.search(text, max(0, h.start - 16), h.start))

        def qualifying(h: Hit[Place]) -> bool:
            return locative(h) or bool(_QUALIFIED.search(text, max(0, h.start - 48), h.start))

        hits = [h for h in hits if not _ORIGIN.search(text, max(0, h.start - 24), h.start)]
        local = [h for h in hits if h.value.kind != "country"]
        for n, h in enumerate(local):
            if locative(h):
                # "Kelurahan Karang Satria, Tambun Utara, Kabupaten Bekasi": the place it contains
                if n and _WITHIN.fullmatch(text, local[n - 1].end, h.start) and contains(h.value, local[n - 1].value):
                    return local[n - 1].value
                return h.value
        if local:
            return local[0].value
        return next((h.value for h in hits if h.value.kind == "country" and qualifying(h)), None)

    @staticmethod
    def bare_country(hits: list[Hit[Place]], actors: frozenset[str] = frozenset()) -> Place | None:
        """The first country the sentence names, locative or not (a weak place); a country that is
        one of the event's acting states ("serangan drone milik Amerika Serikat") is not its place
        where the sentence names another."""
        countries = [h.value for h in hits if h.value.kind == "country"]
        return next((c for c in countries if c.country_iso3 not in actors), countries[0] if countries else None)

    def in_title_country(self, title: str | None) -> Place | None:
        """The one country a title names ("Serangan Kilang Minyak Saudi"), if it names exactly one."""
        if not title:
            return None
        countries = {h.value for h in self._names.finditer(title) if h.value.kind == "country"}
        return next(iter(countries)) if len(countries) == 1 else None

    def story_country(self, text: str, start: int) -> Place | None:
        """The country the story's places lie in most often (twice at least), from ``start`` on."""
        counts: dict[str, int] = {}
        for h in self.hits(text, start, len(text)):
            counts[h.value.country_iso3] = counts.get(h.value.country_iso3, 0) + 1
        best = max(counts, key=lambda c: counts[c], default=None)
        return self.country(best) if best is not None and counts[best] >= 2 else None

    @staticmethod
    def specific(hits: list[Hit[Place]]) -> Place | None:
        """The most specific non-country place of a sentence: "Garut, Jawa Barat" is Garut."""
        local = [h.value for h in hits if h.value.kind != "country"]
        return next((p for p in local if p.kind != "province"), local[0] if local else None)

    def enumerated(self, text: str, hits: list[Hit[Place]]) -> list[Place]:
        """The places of a locative list ("di Jakarta Utara, Tambun, Bekasi, dan Bogor, Jawa Barat"),
        each once: a place followed by the place that contains it ("Tambun, Bekasi", "Bogor,
        Jawa Barat") is one place; fewer than two places is no list."""
        local = [h for h in hits if h.value.kind != "country"]
        for n, first in enumerate(local):
            if not (_LOCATIVE.search(text, max(0, first.start - 16), first.start)
                    or _LIST_START.search(text, max(0, first.start - 16), first.start)):
                continue
            run = [first]
            for h in local[n + 1:]:
                if not _LIST_GLUE.fullmatch(text, run[-1].end, h.start):
                    break
                run.append(h)
            places: list[Place] = []
            for h in run:
                if places and contains(h.value, places[-1]):
                    continue  # "Tambun, Bekasi": the district's own city
                places.append(h.value)
            return places if len(places) >= 2 else []
        return []


def contains(outer: Place, inner: Place) -> bool:
    """``outer`` is, or lies around, ``inner``: a country or province containing it, or a city
    or regency a district lies in (same province, within ``NEAR_KM``)."""
    if outer == inner:
        return True
    if outer.kind == "country":
        return inner.country_iso3 == outer.country_iso3
    if outer.kind == "province":
        return inner.admin1 == outer.name
    if outer.kind in ("city", "regency") and inner.kind == "district" and outer.admin1 == inner.admin1:
        return _km(outer, inner) <= NEAR_KM
    return False


def _km(a: Place, b: Place) -> float:
    dy = (a.latitude - b.latitude) * 111.0
    dx = (a.longitude - b.longitude) * 111.0 * math.cos(math.radians((a.latitude + b.latitude) / 2))
    return math.hypot(dx, dy)
