"""Find input files: explicit files and folders walked recursively (os.scandir, no recursion limit).

Bad paths become Problems (stage "discover"), never exceptions.
"""

from __future__ import annotations

import errno
import os
import stat as stat_mod
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from peristiwa.model import FileRef, Problem

# file suffix -> source_format; each may be followed by ".gz".
FORMATS: dict[str, str] = {
    ".txt": "txt", ".md": "md", ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}


def source_format(path: str | os.PathLike[str]) -> tuple[str | None, bool]:
    """(format, gzipped) for a file name, e.g. "a.JSONL.gz" -> ("jsonl", True); (None, ...) if unsupported."""
    name = os.path.basename(os.fspath(path)).lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    dot = name.rfind(".")
    if dot <= 0:  # no suffix, or a bare ".txt"
        return None, gz
    return FORMATS.get(name[dot:]), gz


@dataclass(frozen=True)
class Discovery:
    files: list[FileRef]
    problems: list[Problem]


class _Walker:
    def __init__(self) -> None:
        self.files: dict[str, FileRef] = {}
        self.problems: list[Problem] = []
        self.walked: set[tuple[int, int]] = set()

    def problem(self, path: str, check: str, reason: str) -> None:
        self.problems.append(Problem(source_path=path, record_index=None, stage="discover", check=check, reason=reason))

    def os_problem(self, path: str, exc: OSError) -> None:
        if exc.errno == errno.ELOOP:
            self.problem(path, "symlink_loop", f"{path} is a symbolic link that loops back on itself.")
        elif isinstance(exc, FileNotFoundError):
            if os.path.islink(path):
                self.problem(path, "path_not_found", f"{path} is a broken symbolic link (its target does not exist).")
            else:
                self.problem(path, "path_not_found", f"{path} does not exist.")
        elif isinstance(exc, PermissionError):
            self.problem(path, "unreadable", f"{path} cannot be read: permission denied.")
        else:
            self.problem(path, "unreadable", f"{path} cannot be read: {exc.strerror or exc}.")

    def add_file(self, real: str, st: os.stat_result) -> None:
        if real not in self.files:
            self.files[real] = FileRef(path=real, size=st.st_size, mtime_ns=st.st_mtime_ns)

    def explicit(self, raw: str | Path) -> None:
        path = os.path.abspath(os.fspath(raw))
        try:
            st = os.stat(path)
        except OSError as exc:
            self.os_problem(path, exc)
            return
        if stat_mod.S_ISDIR(st.st_mode):
            self.walk(path, st)
        elif not stat_mod.S_ISREG(st.st_mode):
            self.problem(path, "not_a_file", f"{path} is not a regular file (device, pipe or socket).")
        elif source_format(path)[0] is None:
            self.problem(
                path, "unsupported_format",
                f"{path} has an unsupported file type; supported: "
                f"{', '.join(sorted(FORMATS))} (each optionally .gz).",
            )
        else:
            self.add_file(os.path.realpath(path), st)

    def walk(self, root: str, root_st: os.stat_result) -> None:
        root_key = (root_st.st_dev, root_st.st_ino)
        if root_key in self.walked:
            return
        self.walked.add(root_key)
        # Each entry: (path as given, resolved path, keys of the folders above it and itself).
        stack: list[tuple[str, str, frozenset[tuple[int, int]]]] = [
            (root, os.path.realpath(root), frozenset([root_key]))
        ]
        while stack:
            shown, real, ancestors = stack.pop()
            found_before = len(self.files)
            try:
                with os.scandir(shown) as it:
                    entries = list(it)
            except OSError as exc:
                self.os_problem(shown, exc)
                continue
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    is_link = entry.is_symlink()
                    st = entry.stat()  # follows symlinks
                except OSError as exc:
                    # A broken link (or vanished file) named like no input of ours is skipped quietly.
                    if not (isinstance(exc, FileNotFoundError) and source_format(name)[0] is None):
                        self.os_problem(entry.path, exc)
                    continue
                if stat_mod.S_ISDIR(st.st_mode):
                    key = (st.st_dev, st.st_ino)
                    if key in ancestors:
                        self.problem(
                            entry.path, "symlink_loop",
                            f"{entry.path} links back to a folder that contains it; not followed.",
                        )
                        continue
                    if key in self.walked:  # reached twice (e.g. via a symlink): already listed
                        continue
                    self.walked.add(key)
                    child_real = os.path.realpath(entry.path) if is_link else os.path.join(real, name)
                    stack.append((entry.path, child_real, ancestors | {key}))
                elif stat_mod.S_ISREG(st.st_mode) and source_format(name)[0] is not None:
                    self.add_file(os.path.realpath(entry.path) if is_link else os.path.join(real, name), st)
            if len(self.files) == found_before and source_format(shown)[0] is not None and not _has_subdirs(entries):
                self.problem(
                    shown, "not_a_file",
                    f"{shown} is a folder named like a file, and holds no readable files.",
                )


def _has_subdirs(entries: list[os.DirEntry[str]]) -> bool:
    for entry in entries:
        try:
            if not entry.name.startswith(".") and entry.is_dir():
                return True
        except OSError:
            continue
    return False


def discover(paths: Sequence[str | Path]) -> Discovery:
    """All supported files under ``paths`` (sorted, deduplicated, resolved), and what could not be used."""
    walker = _Walker()
    for raw in paths:
        walker.explicit(raw)
    files = sorted(walker.files.values(), key=lambda ref: ref.path)
    return Discovery(files=files, problems=walker.problems)
