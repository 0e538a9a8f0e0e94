"""peristiwa: terrorism and counter-terrorism events from Indonesian and English news.

This package holds the pure logic (reading, normalising, extracting); it never
imports Prefect. Orchestration lives in ``flows/``, table contracts in
``schemas/`` and storage in ``warehouse/``.
"""

__version__ = "0.1.0"
