"""Relevance from evidence: which articles, and which of their sentences, are about CT.

One keyword is not enough. Per sentence we count strong CT cues (``terorisme``,
``Densus 88``, ``aksi teror``), weak ones (``bom``, ``radikal``), non-CT senses
(``film horor``, ``bom waktu``, ``debt collector``), other domains listed with
terrorism (``koruptor, teroris dan bandar narkoba``) and observer commentary
(``pengamat menilai``). Then:

- an article is *relevant* when at least one sentence carries a strong cue that
  no other-domain list cancels, and *core* CT news when its title carries one,
  two sentences do, or one does and ``CORE_CUED`` sentences carry some CT cue;
- a sentence may yield an event when it is not commentary or another domain's
  list and it has a strong cue itself, or -- in core articles only -- a weak
  cue (without a non-CT sense in it) or a strong cue in a neighbouring sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peristiwa.extract.lexicon import Lexicon
from peristiwa.extract.reference import Reference

STRONG_CUE = 2.0
# "Senin (9/11)", "Rabu (9/11/2019)": a numeric cue ("9/11") written as a day/month date is no cue.
_WEEKDAY_BEFORE = re.compile(r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\s*,?\s*\(?\s*$", re.IGNORECASE)
_DATE_TAIL = re.compile(r"/\d")
CORE_CUED = 3  # sentences with a CT cue that make an untitled article with one strong sentence core


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the article says about CT, sentence by sentence (parallel to the spans)."""

    relevant: bool
    core: bool
    eligible: tuple[bool, ...]  # sentence may yield an event
    strong: tuple[bool, ...]  # sentence has a strong CT cue of its own
    cue_hits: tuple[int, ...]  # positive cue hits in the sentence and its neighbours
    generic_at: tuple[int | None, ...]  # offset of the first appeal/warning word, if any


_LANGS = (("id", {"id"}), ("en", {"en"}), ("other", {"id", "en"}))


class Relevance:
    def __init__(self, reference: Reference) -> None:
        # One regex over cues *and* contexts keeps the gate a single pass over the text.
        entries: list[tuple[str, tuple[str, float]]] = []
        entries += [(c.pattern, ("cue", c.weight)) for c in reference.cues]
        entries += [(c.pattern, (c.kind, 0.0)) for c in reference.contexts]
        self._lexicon = Lexicon(entries)
        self._cues = Lexicon((c.pattern, c.weight) for c in reference.cues)
        self._strong = Lexicon((c.pattern, True) for c in reference.cues if c.weight >= STRONG_CUE).regex

    def title_is_ct(self, title: str | None) -> bool:
        return bool(title) and self._strong.search(title or "") is not None

    def quick_reject(self, text: str) -> bool:
        """True when the text has no strong cue at all: the common case, one regex pass."""
        return self._strong.search(text) is None

    def assess(self, text: str, title: str | None, spans: list[tuple[int, int]]) -> Evidence:
        n = len(spans)
        strong = [0] * n
        weak = [0] * n
        negative = [False] * n
        commentary = [False] * n
        non_ct = [False] * n
        generic_at: list[int | None] = [None] * n
        i = 0
        for hit in self._lexicon.finditer(text):
            while i < n and spans[i][1] <= hit.start:
                i += 1
            if i >= n or spans[i][0] > hit.start:
                continue
            kind, weight = hit.value
            if kind == "cue" and text[hit.start].isdigit() and _is_date(text, hit.start, hit.end):
                continue
            if kind == "cue":
                if weight >= STRONG_CUE:
                    strong[i] += 1
                elif weight > 0:
                    weak[i] += 1
                else:
                    negative[i] = True
            elif kind == "commentary":
                commentary[i] = True
            elif kind == "non_ct":
                non_ct[i] = True
            elif generic_at[i] is None:
                generic_at[i] = hit.start
        own_strong = [strong[k] > 0 and not non_ct[k] for k in range(n)]
        strong_sentences = sum(own_strong)
        # Without a CT title (many records carry none), a story told around one strong cue with
        # weak ones ("bom Bali", "pemboman", "militan") in several other sentences is CT news too.
        cued = sum(1 for k in range(n) if (strong[k] or weak[k]) and not non_ct[k] and not negative[k])
        core = self.title_is_ct(title) or strong_sentences >= 2 or (strong_sentences and cued >= CORE_CUED)
        relevant = strong_sentences >= 1
        eligible = []
        for k in range(n):
            if commentary[k] or non_ct[k]:
                eligible.append(False)
            elif own_strong[k]:
                eligible.append(True)
            elif not core or negative[k]:
                eligible.append(False)
            else:
                near = (k > 0 and own_strong[k - 1]) or (k + 1 < n and own_strong[k + 1])
                eligible.append(weak[k] > 0 or near)
        positive = [strong[k] + weak[k] for k in range(n)]
        window = tuple(sum(positive[max(0, k - 1):k + 2]) for k in range(n))
        return Evidence(relevant, core, tuple(eligible), tuple(own_strong), window, tuple(generic_at))


def _is_date(text: str, start: int, end: int) -> bool:
    return bool(_DATE_TAIL.match(text, end) or _WEEKDAY_BEFORE.search(text, max(0, start - 12), start))
