"""Extraction: Article -> Events, behind the ``Extractor`` protocol (see base.py)."""
