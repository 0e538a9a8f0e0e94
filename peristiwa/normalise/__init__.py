"""Normalising: RawRecord -> Article (clean text, publication date, language, ids).

Public interface: ``normalise_record(raw, *, extractor_version, ingested_at) -> Article | Problem``.
"""
