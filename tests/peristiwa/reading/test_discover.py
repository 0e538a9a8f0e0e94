"""discover: recursive walk, supported formats, dedup, and bad paths as Problems."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from peristiwa.reading import discover, source_format


def _touch(path: Path, content: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", ("txt", False)), ("a.MD", ("md", False)), ("a.htm", ("html", False)),
        ("a.html.gz", ("html", True)), ("a.json", ("json", False)), ("a.ndjson", ("jsonl", False)),
        ("a.jsonl.gz", ("jsonl", True)), ("a.csv", (None, False)), ("README", (None, False)),
        ("a.gz", (None, True)), (".txt", (None, False)),
    ],
)
def test_source_format(name: str, expected: tuple) -> None:
    assert source_format(name) == expected


def test_walks_recursively_sorted_with_stat(tmp_path: Path) -> None:
    wanted = [
        _touch(tmp_path / "b" / "deep" / "x.jsonl.gz"), _touch(tmp_path / "a.txt", b"hello"),
        _touch(tmp_path / "b" / "c.html"), _touch(tmp_path / "notes.md"), _touch(tmp_path / "d.ndjson"),
    ]
    _touch(tmp_path / "data.csv")  # unsupported inside a folder: skipped quietly
    _touch(tmp_path / "README")
    _touch(tmp_path / ".hidden.txt")
    _touch(tmp_path / ".git" / "objects.json")
    result = discover([tmp_path])
    assert result.problems == []
    assert [f.path for f in result.files] == sorted(str(p.resolve()) for p in wanted)
    ref = next(f for f in result.files if f.path.endswith("a.txt"))
    assert ref.size == 5
    assert ref.mtime_ns == os.stat(tmp_path / "a.txt").st_mtime_ns


def test_deduplicates_overlapping_paths_and_symlinks(tmp_path: Path) -> None:
    target = _touch(tmp_path / "data" / "a.json")
    (tmp_path / "link.json").symlink_to(target)
    (tmp_path / "dirlink").symlink_to(tmp_path / "data", target_is_directory=True)
    result = discover([tmp_path, target, tmp_path / "data"])
    assert result.problems == []
    assert [f.path for f in result.files] == [str(target.resolve())]


def test_relative_paths_become_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path / "sub" / "a.txt")
    monkeypatch.chdir(tmp_path)
    assert [f.path for f in discover(["sub"]).files] == [str((tmp_path / "sub" / "a.txt").resolve())]


def _checks(result) -> list[tuple[str, str]]:
    return [(Path(p.source_path).name, p.check) for p in result.problems]


def test_path_not_found(tmp_path: Path) -> None:
    result = discover([tmp_path / "missing.jsonl"])
    assert result.files == []
    assert _checks(result) == [("missing.jsonl", "path_not_found")]
    assert result.problems[0].stage == "discover"
    assert "does not exist" in result.problems[0].reason


def test_explicit_unsupported_file(tmp_path: Path) -> None:
    result = discover([_touch(tmp_path / "table.csv")])
    assert _checks(result) == [("table.csv", "unsupported_format")]


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").mkdir()
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "y.json").mkdir()
    result = discover([tmp_path / "x.jsonl", tmp_path / "inner"])
    assert sorted(_checks(result)) == [("x.jsonl", "not_a_file"), ("y.json", "not_a_file")]


def test_folder_named_like_a_file_with_files_inside_is_walked(tmp_path: Path) -> None:
    part = _touch(tmp_path / "out.jsonl" / "part-0000.jsonl")  # e.g. Spark output
    result = discover([tmp_path / "out.jsonl"])
    assert result.problems == []
    assert [f.path for f in result.files] == [str(part.resolve())]


def test_symlink_loop_to_ancestor(tmp_path: Path) -> None:
    good = _touch(tmp_path / "a" / "b" / "good.txt")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a", target_is_directory=True)
    result = discover([tmp_path])
    assert [f.path for f in result.files] == [str(good.resolve())]
    assert _checks(result) == [("up", "symlink_loop")]


@pytest.mark.parametrize("name", ["self.txt", "self"])
def test_self_referencing_symlink(tmp_path: Path, name: str) -> None:
    (tmp_path / name).symlink_to(tmp_path / name)
    assert _checks(discover([tmp_path])) == [(name, "symlink_loop")]
    assert _checks(discover([tmp_path / name])) == [(name, "symlink_loop")]


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (tmp_path / "gone.csv").symlink_to(tmp_path / "nowhere.csv")  # unsupported name: skipped quietly
    result = discover([tmp_path])
    assert _checks(result) == [("gone.jsonl", "path_not_found")]
    assert "broken symbolic link" in result.problems[0].reason
    assert _checks(discover([tmp_path / "gone.jsonl"])) == [("gone.jsonl", "path_not_found")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read everything")
def test_unreadable_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    _touch(locked / "a.txt")
    locked.chmod(0)
    try:
        assert _checks(discover([tmp_path])) == [("locked", "unreadable")]
    finally:
        locked.chmod(0o755)


def test_many_files_quickly(tmp_path: Path) -> None:
    for d in range(20):
        folder = tmp_path / f"d{d:02d}"
        folder.mkdir()
        for i in range(250):
            (folder / f"{i:04d}.jsonl").write_bytes(b"")
    result = discover([tmp_path])
    assert len(result.files) == 5000
    assert result.files == sorted(result.files, key=lambda f: f.path)
