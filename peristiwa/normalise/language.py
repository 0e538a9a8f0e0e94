"""Language of an article: "id", "en" or "other", with py3langid.

The model ships inside py3langid (no download); it is loaded once, on first
use, into a module-level identifier of our own (the library's global one is
left alone). Only the first ``SAMPLE_CHARS`` characters are classified: the
opening paragraphs decide the language and it keeps the cost per article flat.
"""

from __future__ import annotations

import threading

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 400

# langid often labels Indonesian news as Malay ("ms"): the two standard languages share most
# of their vocabulary and spelling. This corpus is Indonesian and English news, so "ms" is
# read as "id" (a genuinely Malaysian article would be mislabelled; none is expected here).
_ALIASES = {"id": "id", "ms": "id", "en": "en"}

_identifier: LanguageIdentifier | None = None
_lock = threading.Lock()


def _get_identifier() -> LanguageIdentifier:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    return _identifier


def detect_language(text: str) -> str:
    """ "id", "en" or "other" for the text (empty or letterless text is "other")."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "other"
    label, _score = _get_identifier().classify(sample)
    return _ALIASES.get(label, "other")
