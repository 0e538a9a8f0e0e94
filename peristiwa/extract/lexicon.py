"""Compiled matchers over reference data: one regex per vocabulary.

Why one alternation per vocabulary: a single compiled regex scans an article
in one C-level pass, which is what keeps the relevance gate under a
millisecond for the ~99% of articles that are not about terrorism.
Alternatives are sorted longest first so "bom bunuh diri" wins over "bom".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _alternation(patterns: Iterable[str]) -> str:
    """Regex for lexicon patterns: spaces match any whitespace, a trailing * any word rest.

    The alternatives are merged into a trie ("bom", "bom bunuh diri" -> ``bom(?:\\s+bunuh\\s+diri)?``):
    Python's ``re`` tries a flat alternation's branches one by one at every position, which made the
    gazetteer of some thousand names the extractor's slowest step. Greedy optional tails keep the
    longest name first, as the longest-first flat alternation did.
    """
    trie: dict[str, dict] = {}
    for pattern in set(patterns):
        stem = pattern[:-1] if pattern.endswith("*") else pattern
        node = trie
        for k, word in enumerate(stem.split(" ")):
            if k:
                node = node.setdefault(r"\s+", {})
            for ch in word:
                node = node.setdefault(re.escape(ch), {})
        node["*" if pattern.endswith("*") else ""] = {}
    body = _trie(trie)
    # Lookarounds instead of \b: aliases may start or end with punctuation ("U.S.").
    return r"(?<!\w)(?:" + body + r")(?!\w)" if trie else r"(?!x)x"


def _trie(node: dict[str, dict]) -> str:
    branches = [key + _trie(child) for key, child in sorted(node.items()) if key not in ("", "*")]
    if "*" in node:
        branches.append(r"\w*")  # a prefix pattern: the rest of the word, or nothing
    if not branches:
        return ""
    terminal = "" in node and "*" not in node
    if len(branches) == 1 and not terminal:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if terminal else "")


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    start: int
    end: int
    value: T


class Lexicon(Generic[T]):
    """Lowercase patterns (``word``, ``multi word``, ``prefix*``) matched case-insensitively."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, T] = {}
        self._prefix: list[tuple[str, T]] = []
        for pattern, value in entries:
            if pattern.endswith("*"):
                self._prefix.append((pattern[:-1], value))
            else:
                self._exact.setdefault(pattern, value)  # first row wins on duplicates
        self._prefix.sort(key=lambda item: -len(item[0]))
        patterns = [*self._exact, *(p + "*" for p, _ in self._prefix)]
        self.regex = re.compile(_alternation(patterns), re.IGNORECASE)

    def value_of(self, matched: str) -> T:
        key = _norm(matched)
        if key in self._exact:
            return self._exact[key]
        for stem, value in self._prefix:
            if key.startswith(stem):
                return value
        raise KeyError(matched)  # cannot happen: the regex only matches listed patterns

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit[T]]:
        for m in self.regex.finditer(text, start, len(text) if end is None else end):
            yield Hit(m.start(), m.end(), self.value_of(m.group()))


def _case_sensitive(alias: str) -> bool:
    """Short all-caps acronyms (AS, BIN, MIT, UN) are ordinary words in lower case."""
    letters = alias.replace(".", "")
    return len(letters) <= 5 and letters.isalnum() and letters.isupper()


class Names(Generic[T]):
    """Proper names (aliases) -> values; acronyms case-sensitive, long names not."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, upper_too: bool = False,
                 all_case_sensitive: bool = False) -> None:
        self._cs: dict[str, T] = {}
        self._ci: dict[str, T] = {}
        for alias, value in entries:
            if all_case_sensitive or _case_sensitive(alias):
                self._cs.setdefault(_SPACE.sub(" ", alias), value)
                if upper_too:  # datelines shout: "JAKARTA, KOMPAS.com -"
                    self._cs.setdefault(_SPACE.sub(" ", alias.upper()), value)
            else:
                self._ci.setdefault(_norm(alias), value)
        self._cs_re = re.compile(_alternation(self._cs)) if self._cs else None
        self._ci_re = re.compile(_alternation(self._ci), re.IGNORECASE) if self._ci else None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[Hit[T]]:
        """All hits in [start, end) in order of appearance, overlaps resolved longest first."""
        stop = len(text) if end is None else end
        hits: list[Hit[T]] = []
        for regex, table, key in ((self._cs_re, self._cs, lambda s: _SPACE.sub(" ", s)),
                                  (self._ci_re, self._ci, _norm)):
            if regex is not None:
                hits.extend(Hit(m.start(), m.end(), table[key(m.group())]) for m in regex.finditer(text, start, stop))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit[T]] = []
        for hit in hits:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept
