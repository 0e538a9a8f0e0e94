"""Progress of a run, for whoever is watching (the CLI's Rich bar, or nobody).

Flow parameters must be serialisable, so a watcher is registered here instead
of passed in. Workers in other processes simply have none.
"""

from __future__ import annotations

from typing import Protocol


class Watcher(Protocol):
    def stage(self, description: str, total: int | None = None) -> None: ...
    def advance(self, amount: int = 1) -> None: ...


class _Nobody:
    def stage(self, description: str, total: int | None = None) -> None:
        pass

    def advance(self, amount: int = 1) -> None:
        pass


watcher: Watcher = _Nobody()


def watch(new: Watcher | None) -> None:
    global watcher
    watcher = new or _Nobody()
