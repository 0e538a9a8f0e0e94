"""The floor: read the same JSON-lines input and write one row per record to Parquet, pyarrow only.

No normalising, no extraction, no validation, one process: what reading and
writing alone cost on this machine. Writes ``<out>/articles.parquet`` (zstd, as
the warehouse) and ``<out>/rows.json``.

    .venv/bin/python bench/floor.py /tmp/peristiwa-scaled/x10 /tmp/peristiwa-bench/floor-256k
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

BATCH_ROWS = 50_000
SCHEMA = pa.schema([("source_path", pa.string()), ("record_index", pa.int64()), ("source_id", pa.string()),
                    ("title", pa.string()), ("text", pa.string()), ("url", pa.string()), ("date", pa.string()),
                    ("publisher", pa.string())])


def first(record: dict, *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value:
            return str(value)
    return None


def main(folder: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    columns: dict[str, list] = {name: [] for name in SCHEMA.names}
    rows = 0
    with pq.ParquetWriter(out / "articles.parquet", SCHEMA, compression="zstd") as writer:
        def flush() -> None:
            writer.write_table(pa.table(columns, schema=SCHEMA), row_group_size=BATCH_ROWS)
            for values in columns.values():
                values.clear()

        for path in sorted(folder.rglob("*.jsonl")):
            with path.open(encoding="utf-8") as lines:
                for index, line in enumerate(lines):
                    try:
                        record = json.loads(line)
                    except ValueError:
                        continue
                    columns["source_path"].append(str(path))
                    columns["record_index"].append(index)
                    columns["source_id"].append(first(record, "id"))
                    columns["title"].append(first(record, "title"))
                    columns["text"].append(first(record, "content", "text", "berita"))
                    columns["url"].append(first(record, "url", "source_url"))
                    columns["date"].append(first(record, "date"))
                    columns["publisher"].append(first(record, "source"))
                    rows += 1
                    if len(columns["text"]) >= BATCH_ROWS:
                        flush()
        if columns["text"]:
            flush()
    (out / "rows.json").write_text(json.dumps({"rows": rows}))
    return rows


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(main(Path(sys.argv[1]), Path(sys.argv[2])))
