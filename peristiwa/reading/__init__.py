"""Reading: find input files and turn each into RawRecords (or Problems).

Public interface (kept stable for flows/ and warehouse/):

- ``discover(paths) -> Discovery``: walk files and folders recursively.
- ``read_file(path, field_map) -> Iterator[RawRecord | Problem]``: read one file
  of any supported format, gzip transparently, never raising for bad input.
- ``FieldMap``: maps each dataset's field names onto ``model.CANONICAL_FIELDS``.
"""

from peristiwa.reading.decode import UndecodableError, decode_bytes
from peristiwa.reading.discover import FORMATS, Discovery, discover, source_format
from peristiwa.reading.fieldmap import FieldMap
from peristiwa.reading.read import MAX_BYTES, read_file

__all__ = [
    "FORMATS", "MAX_BYTES", "Discovery", "FieldMap", "UndecodableError",
    "decode_bytes", "discover", "read_file", "source_format",
]
