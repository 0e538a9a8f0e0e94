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

import re

from peristiwa.extract.lexicon import Hit, Names
from peristiwa.extract.reference import Place, Reference

_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:[,\-–—]|$)")
_LOCATIVE = re.compile(r"(?:^|\W)(?:di|ke|dari|in|at|near|kota|wilayah|kawasan|provinsi|kabupaten|kecamatan)\s+$",
                       re.IGNORECASE)


class PlaceFinder:
    def __init__(self, reference: Reference) -> None:
        self._names: Names[Place] = Names(
            [(a, place) for place in reference.places for a in place.aliases], upper_too=True, all_case_sensitive=True)

    def hits(self, text: str, start: int, end: int) -> list[Hit[Place]]:
        return self._names.finditer(text, start, end)

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

        local = [h for h in hits if h.value.kind != "country"]
        for h in local:
            if locative(h):
                return h.value
        if local:
            return local[0].value
        return next((h.value for h in hits if h.value.kind == "country" and locative(h)), None)

    @staticmethod
    def bare_country(hits: list[Hit[Place]]) -> Place | None:
        """The first country the sentence names, locative or not (a weak place)."""
        return next((h.value for h in hits if h.value.kind == "country"), None)
