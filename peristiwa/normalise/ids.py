"""Content hash and article id.

The article id is a function of the content, not of where it came from: the
same text arriving twice, from another file, another record of the same file,
or a later run, is one article with one id, which is what lets the warehouse
deduplicate and re-runs stay idempotent. The hash is taken over a canonical
form (Unicode NFC, whitespace runs collapsed to one space, casefolded), so
differences in line breaks, spacing or capitalisation do not make two
articles; anything else does.
"""

from __future__ import annotations

import hashlib
import unicodedata

ARTICLE_ID_CHARS = 16


def canonical_text(text: str) -> str:
    """NFC, whitespace collapsed to single spaces and trimmed, casefolded."""
    if not text.isascii():  # O(1) in CPython; ASCII is already NFC
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split()).casefold()


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the canonical form of ``text``."""
    return hashlib.sha256(canonical_text(text).encode("utf-8")).hexdigest()


def article_id(content_hash: str) -> str:
    """The first 16 hex characters of the content hash: deterministic across runs and machines.

    64 bits: a collision between two different articles is negligible below billions of articles.
    """
    return content_hash[:ARTICLE_ID_CHARS]
