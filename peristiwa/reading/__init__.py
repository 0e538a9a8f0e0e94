"""Reading: find input files and turn each into RawRecords (or Problems).

Public interface (kept stable for flows/ and warehouse/):

- ``discover(paths) -> Discovery``: walk files and folders recursively.
- ``read_file(path, field_map) -> Iterator[RawRecord | Problem]``: read one file
  of any supported format, gzip transparently, never raising for bad input.
- ``FieldMap``: maps each dataset's field names onto ``model.CANONICAL_FIELDS``.
"""
