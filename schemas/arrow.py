"""Arrow schemas derived from the pandera models (never written by hand)."""

from __future__ import annotations

from functools import cache

import pandera.pandas as pa
import pyarrow
from pandera.engines import numpy_engine, pandas_engine

# pandera dtype class -> Arrow type. Types BI tools map cleanly: DATE not
# strings, signed ints only, UTC microsecond timestamps.
_ARROW_TYPES: dict[type, pyarrow.DataType] = {
    pandas_engine.STRING: pyarrow.string(),
    pandas_engine.Date: pyarrow.date32(),
    pandas_engine.INT64: pyarrow.int64(),
    pandas_engine.INT32: pyarrow.int32(),
    numpy_engine.Float64: pyarrow.float64(),
    numpy_engine.Bool: pyarrow.bool_(),
    pandas_engine.BOOL: pyarrow.bool_(),
}


def _arrow_type(column: pa.Column) -> pyarrow.DataType:
    explicit = (column.metadata or {}).get("arrow_type")
    if explicit is not None:
        return explicit
    dtype = column.dtype
    if isinstance(dtype, pandas_engine.DateTime):
        return pyarrow.timestamp("us", tz=str(dtype.tz) if dtype.tz else None)
    for dtype_class, arrow_type in _ARROW_TYPES.items():
        if type(dtype) is dtype_class:
            return arrow_type
    raise TypeError(f"no Arrow type for column {column.name!r} of dtype {dtype!r}")


@cache
def arrow_schema(model: type[pa.DataFrameModel]) -> pyarrow.Schema:
    """The Arrow schema of a model's table, columns in model order."""
    schema = model.to_schema()
    return pyarrow.schema(
        pyarrow.field(name, _arrow_type(column), nullable=column.nullable)
        for name, column in schema.columns.items()
    )


def column_names(model: type[pa.DataFrameModel]) -> list[str]:
    return list(model.to_schema().columns)
