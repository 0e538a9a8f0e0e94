"""What a run did, in numbers and in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from warehouse.landing import LandResult, RunInfo
from warehouse.manifest import FilePlan


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    warehouse: str
    seconds: float
    files_seen: int
    files_new: int
    files_changed: int
    files_skipped: int
    articles_landed: int
    events_landed: int
    parties_landed: int
    rows_replaced: int
    quarantined: int
    duplicates: int

    @classmethod
    def of(cls, run: RunInfo, plan: FilePlan, landed: LandResult, root: Path, finished: dt.datetime) -> RunSummary:
        return cls(
            run.run_id, str(root), (finished - run.started_at).total_seconds(), plan.seen, len(plan.new),
            len(plan.changed), len(plan.skipped), landed.articles_landed, landed.events_landed,
            landed.parties_landed, landed.rows_replaced, landed.quarantined, landed.duplicates,
        )

    def sentence(self) -> str:
        return (
            f"run {self.run_id} finished in {self.seconds:.1f}s: {self.files_seen} files "
            f"({self.files_new} new, {self.files_changed} changed, {self.files_skipped} unchanged); "
            f"landed {self.articles_landed} articles, {self.events_landed} events; "
            f"{self.quarantined} quarantined ({self.duplicates} duplicates); {self.rows_replaced} rows replaced"
        )

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
