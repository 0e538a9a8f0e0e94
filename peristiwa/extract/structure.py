"""Layout of an article beyond sentences: enumerated lists.

A line ending with a colon ("Sejumlah poin kerja sama yang disepakati dalam JWG ini
antara lain:") introduces a list; the lines after it without final punctuation
("Pertukaran informasi dan intelijen melalui mekanisme Hotline") are its items. An item
names a topic, an agenda point or a plan, not an act: it yields no event of its own. The
CT vocabulary of the items is evidence for the line that introduces them, which may
report an act ("yang disepakati": an agreement).
"""

from __future__ import annotations

import re

_INTRO = re.compile(r":\s*$")
_FINAL = re.compile(r"[.!?][\"'”’)\]]*\s*$")
MAX_ITEM = 240  # characters: a longer line is prose


def list_items(text: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """Index of each list item's sentence -> index of the sentence that introduces its list."""
    items: dict[int, int] = {}
    intro: int | None = None
    for k, (start, end) in enumerate(spans):
        if intro is not None and k > 0 and "\n" in text[spans[k - 1][1]:start] \
                and end - start <= MAX_ITEM and not _FINAL.search(text, start, end):
            items[k] = intro
            continue
        intro = k if _INTRO.search(text, start, end) else None
    return items
