"""Extraction: Article -> Events, behind the ``Extractor`` protocol (see base.py).

Build one extractor per run (``default_extractor``): it loads and compiles the
reference data once; ``extractor.extract(article)`` is then cheap and pure.
"""

from __future__ import annotations

from pathlib import Path

from peristiwa.extract.base import EVENT_TYPES, Extractor
from peristiwa.extract.keyword import KeywordExtractor
from peristiwa.extract.reference import Reference

__all__ = ["EVENT_TYPES", "Extractor", "KeywordExtractor", "Reference", "default_extractor", "extractor_version"]


def default_extractor(reference_dir: Path) -> Extractor:
    """The extractor the pipeline uses, with reference data from ``reference_dir``."""
    return KeywordExtractor(Reference.load(reference_dir))


def extractor_version(extractor: Extractor) -> str:
    """Version stamped on articles and events, e.g. ``keyword-0.1+ref.1a2b3c4d5e6f``."""
    return extractor.version
