"""Controlled vocabularies of the event contract (../shared/spec/EVENTS.md): one place for all layers."""

EVENT_TYPES: tuple[str, ...] = (
    "agreement", "meeting", "intel_sharing", "capacity_building",
    "law_enforcement_cooperation", "cooperation_pledge", "arrest",
    "security_operation", "prosecution", "prevention", "policy", "sanction",
    "attack", "threat",
)
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")
PARTY_KINDS: tuple[str, ...] = (
    "state", "agency", "security_force", "igo", "armed_group", "person", "other",
)
PARTY_ROLES: tuple[str, ...] = ("actor", "target")
SALIENCES: tuple[str, ...] = ("main", "background")
LOCATION_PRECISIONS: tuple[str, ...] = ("city", "admin1", "country")
LANGUAGES: tuple[str, ...] = ("id", "en", "other")
DATE_SOURCES: tuple[str, ...] = ("field", "url", "dateline")
ISO3_PATTERN = r"^[A-Z]{3}$"
ARTICLE_ID_PATTERN = r"^[0-9a-f]{16}$"
