"""Language of an article: "id", "en" or "other", with py3langid's model, scored in batches.

The model ships inside py3langid (no download); it is loaded once, on first
use, into module-level arrays of our own. Only the first ``SAMPLE_CHARS``
characters are classified: the opening paragraphs decide the language and it
keeps the cost per article flat.

Why not ``LanguageIdentifier.classify``: it walks its byte automaton in a
Python loop, one byte at a time, which was two thirds of normalising. The
automaton recognises byte n-grams of at most ``depth`` bytes (6; it is an
Aho-Corasick automaton), so the state after byte *i* is the state reached from
the start by reading only bytes *i - depth + 1 .. i*. That lets every position
of every sample of a batch advance together, ``depth`` numpy gathers in all.
The scores are the library's own (naive Bayes over log1p feature counts, the
same tables, the same tie handling); only the order of float32 additions
differs, so a label could change only at a near-exact tie. The tests compare
features and labels with the library's; on the 25,554 texts of ../shared/corpus
every label is the same. Relies on py3langid 0.4's model layout (pinned).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from py3langid.langid import MODEL_FILE, RAW_FLOOR, LanguageIdentifier

SAMPLE_CHARS = 400
# Samples walked and scored together: bounds the temporary arrays at a few MB.
BATCH_ARTICLES = 256

# langid often labels Indonesian news as Malay ("ms"): the two standard languages share most
# of their vocabulary and spelling. This corpus is Indonesian and English news, so "ms" is
# read as "id" (a genuinely Malaysian article would be mislabelled; none is expected here).
_ALIASES = {"id": "id", "ms": "id", "en": "en"}


@dataclass(frozen=True)
class _Model:
    # The automaton's states stood for by the offset of their transition row (states with
    # the same transitions share a row), which saves a lookup per byte and step: the row
    # reached from a row offset and a byte, and the feature (or -1) of the state reached.
    next_row: np.ndarray  # int32 (rows * 256)
    next_feature: np.ndarray  # int32 (rows * 256)
    start_row: int
    depth: int  # longest n-gram, in bytes: the steps that fix a state
    ptc: np.ndarray  # float32 (features, classes): log P(feature | class)
    pc: np.ndarray  # float32 (classes,): log prior
    classes: list[str]
    alias_pairs: list[tuple[int, int]]  # (first, duplicate) columns of one label


_model: _Model | None = None
_lock = threading.Lock()


def _automaton_depth(nextmove: np.ndarray, rowbase: np.ndarray) -> int:
    """Breadth-first levels from the start state: the longest string a state stands for."""
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    level, depth = np.array([0]), 0
    while True:
        rows = np.zeros(len(nextmove) >> 8, dtype=bool)  # states sharing a row step alike: visit rows once
        rows[rowbase[level] >> 8] = True
        reached = np.zeros(len(rowbase), dtype=bool)
        starts = np.flatnonzero(rows).astype(np.int32) << 8  # int32: the index block is rows x 256
        reached[nextmove[(starts[:, None] + np.arange(256, dtype=np.int32)).ravel()]] = True
        level = np.flatnonzero(reached & ~seen)
        if not len(level):
            return depth
        seen[level] = True
        depth += 1


def _load() -> _Model:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    nextmove = np.asarray(ident.tk_nextmove, dtype=np.int32)  # int32 throughout: the tables are large
    rowbase = np.asarray(ident.tk_row, dtype=np.int32) << 8
    return _Model(
        next_row=rowbase[nextmove],
        next_feature=np.asarray(ident.tk_output, dtype=np.int32)[nextmove],
        start_row=int(rowbase[0]),
        depth=_automaton_depth(nextmove, rowbase),
        # float16 on disk; float32 values are the same numbers and gather far faster
        ptc=np.ascontiguousarray(ident.nb_ptc, dtype=np.float32),
        pc=np.asarray(ident.nb_pc, dtype=np.float32),
        classes=list(ident.nb_classes),
        alias_pairs=list(ident._alias_pairs),
    )


def _get_model() -> _Model:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = _load()
    return _model


def _encode(sample: str) -> bytes:
    """As py3langid prepares a str: all-capitals lowered, NFC, UTF-8."""
    if sample.isupper():
        sample = sample.lower()
    return unicodedata.normalize("NFC", sample).encode("utf8", errors="surrogatepass")


def _features(model: _Model, samples: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(sample, feature, count) triples of the byte n-gram features each sample contains,
    sorted by sample: what py3langid's ``visit_counts`` finds, all samples at once."""
    lengths = np.fromiter((len(s) for s in samples), dtype=np.int64, count=len(samples))
    pad = model.depth - 1
    data = np.frombuffer(bytes(pad) + b"".join(samples), dtype=np.uint8).astype(np.int64)
    n = len(data) - pad
    doc = np.repeat(np.arange(len(samples)), lengths)
    offset = np.arange(n) - (np.cumsum(lengths) - lengths)[doc]  # byte position within its sample
    row = np.full(n, model.start_row, dtype=np.int64)
    for back in range(pad, 0, -1):  # read bytes i-back .. i-1 from the start state
        row = model.next_row[row + data[pad - back:pad - back + n]].astype(np.int64)
        row[offset < back] = model.start_row  # that byte precedes the sample: not read, still at the start
    feature = model.next_feature[row + data[pad:]]  # ... and byte i
    hit = feature >= 0
    nfeat = len(model.ptc)
    pairs, counts = np.unique(doc[hit] * nfeat + feature[hit].astype(np.int64), return_counts=True)
    pair_doc, pair_feature = np.divmod(pairs, nfeat)
    return pair_doc, pair_feature, counts


def _labels(model: _Model, samples: Sequence[bytes]) -> list[str]:
    """py3langid's label for each (non-empty) encoded sample."""
    pair_doc, pair_feature, counts = _features(model, samples)
    weights = np.log1p(counts.astype(np.float32))
    scores = np.full((len(samples), len(model.classes)), RAW_FLOOR, dtype=np.float32)
    bounds = np.flatnonzero(np.r_[True, pair_doc[1:] != pair_doc[:-1], True]).tolist() if len(pair_doc) else []
    for lo, hi in zip(bounds, bounds[1:]):  # one small matrix-vector product per sample, as the library does
        scores[pair_doc[lo]] = np.dot(weights[lo:hi], model.ptc.take(pair_feature[lo:hi], axis=0)) + model.pc
    for first, dupe in model.alias_pairs:  # one score per label, as the library folds them
        scores[:, first] = np.maximum(scores[:, first], scores[:, dupe])
        scores[:, dupe] = RAW_FLOOR
    return [model.classes[i] for i in scores.argmax(axis=1)]


def detect_languages(texts: Sequence[str]) -> list[str]:
    """ "id", "en" or "other" for each text (empty or letterless text is "other")."""
    result = ["other"] * len(texts)
    todo = [i for i, text in enumerate(texts) if any(ch.isalpha() for ch in text[:SAMPLE_CHARS])]
    model = _get_model() if todo else None
    for start in range(0, len(todo), BATCH_ARTICLES):
        chunk = todo[start:start + BATCH_ARTICLES]
        for i, label in zip(chunk, _labels(model, [_encode(texts[i][:SAMPLE_CHARS]) for i in chunk])):
            result[i] = _ALIASES.get(label, "other")
    return result


def detect_language(text: str) -> str:
    """ "id", "en" or "other" for one text; ``detect_languages`` is the faster path for many."""
    return detect_languages([text])[0]
