"""Scaled corpora for the benchmark: N distinct copies of ../shared/corpus, streamed line by line.

Copy ``k`` of a record gets a new id (``<id>-c<k>``), a new URL (``?salinan=<k>``)
and one more sentence naming ``k`` at the end of its text, so its content hash
and article id differ from every other copy and deduplication keeps it. Only
the JSON-lines files are copied (the corpus README is not an article). Nothing
is held in memory beyond one line.

    .venv/bin/python bench/corpus.py 10 /tmp/peristiwa-scaled/x10
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("PERISTIWA_SHARED", ROOT.parent / "shared")) / "corpus"  # as the tests find it
TEXT_FIELDS = ("content", "text", "berita")  # the four datasets' body fields
URL_FIELDS = ("url", "source_url")
SIZES = {"25k": 1, "256k": 10, "1m": 40}  # size label -> number of copies


def source_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.jsonl") if p.is_file())


def varied(record: dict, k: int) -> dict:
    """Copy ``k`` of a record: new id and URL, and one sentence of its own."""
    out = dict(record)
    if "id" in out:
        out["id"] = f"{out['id']}-c{k}"
    for name in URL_FIELDS:
        if out.get(name):
            out[name] = f"{out[name]}?salinan={k}"
    for name in TEXT_FIELDS:
        if isinstance(out.get(name), str):
            out[name] = f"{out[name].rstrip()} Naskah ini adalah salinan nomor {k} untuk uji skala."
            break
    return out


def copy_lines(source: Path, out: TextIO, k: int, every: int = 1) -> int:
    """Write copy ``k`` of ``source`` (every ``every``-th line) to ``out``; returns records written."""
    written = 0
    with source.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n % every or not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                out.write(line)  # broken input stays broken: the pipeline must quarantine it
                continue
            out.write(json.dumps(varied(record, k), ensure_ascii=False) + "\n")
            written += 1
    return written


def write_copy(source: Path, target: Path, ks: range, every: int = 1) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        return sum(copy_lines(source, out, k, every) for k in ks)


def copies(corpus: Path, out: Path, factor: int) -> Iterator[tuple[Path, Path, int]]:
    for k in range(factor):
        for source in source_files(corpus):
            yield source, out / f"copy-{k:02d}" / source.relative_to(corpus), k


def build(factor: int, out: Path, corpus: Path = CORPUS) -> int:
    """Build (or reuse, when complete) ``factor`` copies in ``out``; returns the records written.

    Completion is recorded beside the folder (``<out>.json``), not in it, so it is never ingested.
    """
    marker = out.with_name(out.name + ".json")
    if marker.is_file() and out.is_dir():
        done = json.loads(marker.read_text())
        if done.get("factor") == factor:
            return int(done["records"])
    shutil.rmtree(out, ignore_errors=True)
    records = sum(write_copy(source, target, range(k, k + 1)) for source, target, k in copies(corpus, out, factor))
    marker.write_text(json.dumps({"factor": factor, "records": records, "corpus": str(corpus)}))
    return records


def add_new_files(corpus: Path, folder: Path, factor: int, share: float = 0.01) -> int:
    """New files (one per corpus file) holding ``share`` of a ``factor``-copy corpus's records.

    They come from copies ``factor`` .. ``2 * factor - 1``, so they are distinct from every built copy.
    """
    every = round(1 / share)
    return sum(write_copy(source, folder / source.relative_to(corpus), range(factor, 2 * factor), every)
               for source in source_files(corpus))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(f"{build(int(sys.argv[1]), Path(sys.argv[2])):,} records in {sys.argv[2]}")
