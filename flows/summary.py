"""What a run did, in numbers and in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from warehouse.landing import LandResult, RunInfo
from warehouse.manifest import FilePlan


@dataclass(frozen=True)
class RunSummary(LandResult):
    """The landing's counts plus the run's identity, timing and file counts."""

    run_id: str = ""
    warehouse: str = ""
    seconds: float = 0.0
    files_seen: int = 0
    files_new: int = 0
    files_changed: int = 0
    files_skipped: int = 0

    @classmethod
    def of(cls, run: RunInfo, plan: FilePlan, landed: LandResult, warehouse: Path | str, finished: dt.datetime) -> RunSummary:
        return cls(
            **asdict(landed), run_id=run.run_id, warehouse=str(warehouse), seconds=(finished - run.started_at).total_seconds(),
            files_seen=plan.seen, files_new=len(plan.new), files_changed=len(plan.changed), files_skipped=len(plan.skipped),
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
