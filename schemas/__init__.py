"""pandera models: the single source of truth for every landed table's columns and types.

One ``DataFrameModel`` per table, strict and coerced. Arrow schemas derive from
them (``schemas.arrow.arrow_schema``).
"""

from schemas.articles import Articles
from schemas.event_parties import EventParties
from schemas.events import Events
from schemas.quarantine import Quarantine
from schemas.runs import Manifest, Runs

__all__ = ["Articles", "EventParties", "Events", "Manifest", "Quarantine", "Runs"]
