"""Read warehouse table folders with Apache Spark (local mode) and write what Spark saw as JSON.

Run by tests/warehouse/test_readers.py with the interpreter of .venv-spark (`make spark`), never
imported by the suite: it needs only the standard library and pyspark, so the project's .venv
stays free of pyspark.

    python spark_read.py OUT.json CURRENT_DIR TABLE [TABLE ...]

For each TABLE folder under CURRENT_DIR, reads it the way an analyst would
(``spark.read.parquet(folder)``: hive partitions discovered from the paths) and records
the row count, each column's Spark type, each column's non-null count, and the minimum
and maximum of DATE (days since the epoch) and timestamp (microseconds since the epoch)
columns. Aggregating every column makes Spark decode every column, nested ones included.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


def describe(spark: Any, folder: Path) -> dict[str, Any]:
    from pyspark.sql import functions as F

    frame = spark.read.parquet(str(folder))
    dtypes = frame.dtypes
    aggregates = [F.count(F.lit(1)).alias("__rows")]
    for index, (column, kind) in enumerate(dtypes):
        aggregates.append(F.count(F.col(f"`{column}`")).alias(f"n{index}"))
        # Epoch numbers compare exactly with pyarrow's and do not depend on any time zone setting.
        if kind == "date":
            epoch = F.unix_date(F.col(f"`{column}`"))
        elif kind in ("timestamp", "timestamp_ntz"):
            epoch = F.unix_micros(F.col(f"`{column}`").cast("timestamp"))
        else:
            continue
        aggregates += [F.min(epoch).alias(f"lo{index}"), F.max(epoch).alias(f"hi{index}")]
    row = frame.agg(*aggregates).collect()[0].asDict()
    ranges = {
        column: [row[f"lo{index}"], row[f"hi{index}"]]
        for index, (column, _) in enumerate(dtypes)
        if f"lo{index}" in row
    }
    return {
        "rows": row["__rows"],
        "types": dict(dtypes),
        "non_null": {column: row[f"n{index}"] for index, (column, _) in enumerate(dtypes)},
        "ranges": ranges,
    }


def main(argv: list[str]) -> int:
    out, current, tables = Path(argv[1]), Path(argv[2]), argv[3:]
    from pyspark.sql import SparkSession

    started = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("peristiwa-readers")
        # Loopback only, no web UI: the test must not open ports beyond the machine or need a hostname.
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # A short-lived JVM: the quick (C1) JIT and the serial GC cut start-up and the first queries by a third.
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        session_seconds = time.perf_counter() - started
        result = {"spark_version": spark.version, "session_seconds": round(session_seconds, 2), "tables": {}}
        for table in tables:
            table_started = time.perf_counter()
            result["tables"][table] = describe(spark, current / table)
            result["tables"][table]["seconds"] = round(time.perf_counter() - table_started, 2)
        result["total_seconds"] = round(time.perf_counter() - started, 2)
    finally:
        spark.stop()
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
