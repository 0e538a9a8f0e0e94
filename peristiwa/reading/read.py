"""Read one input file into RawRecords, turning everything wrong with it into Problems.

``read_file`` never raises for bad input: a broken record becomes a Problem and
the rest of the file is still read. JSONL is streamed line by line.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import stat
import zlib
from collections.abc import Iterator
from typing import IO, Any

from peristiwa.model import CANONICAL_FIELDS, Problem, RawRecord
from peristiwa.reading.decode import UndecodableError, decode_bytes, fix_mojibake, sniff_bom, sniff_utf16
from peristiwa.reading.discover import FORMATS, source_format
from peristiwa.reading.fieldmap import FieldMap
from peristiwa.reading.html import read_html
from peristiwa.reading.plaintext import front_matter, split_article

MAX_BYTES = 512 * 1024 * 1024
_GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)
_SAMPLE = 160

Item = RawRecord | Problem


class _TooLarge(Exception):
    pass


def _sample(text: str | bytes | None) -> str | None:
    if text is None:
        return None
    if isinstance(text, bytes):
        text = text[: _SAMPLE * 2].decode("utf-8", "replace")
    text = text.strip()
    return text[:_SAMPLE] + ("…" if len(text) > _SAMPLE else "") if text else None


def _problem(path: str, check: str, reason: str, index: int | None = None, sample: Any = None,
             source_id: str | None = None) -> Problem:
    return Problem(source_path=path, record_index=index, stage="read", check=check, reason=reason,
                   source_id=source_id, sample=_sample(sample))


def _open(path: str, gz: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115


def _read_all(path: str, gz: bool, max_bytes: int) -> bytes:
    with _open(path, gz) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _TooLarge
    return data


def read_file(path: str, field_map: FieldMap, *, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Records of one file (txt, md, html, json, jsonl; optionally .gz), or Problems saying what is wrong."""
    path = os.fspath(path)
    fmt, gz = source_format(path)
    if fmt is None:
        yield _problem(path, "unsupported_format",
                       f"Unsupported file type; supported: {', '.join(sorted(FORMATS))} (each optionally .gz).")
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        yield _problem(path, "path_not_found", "The file does not exist (any more).")
        return
    except OSError as exc:
        yield _problem(path, "unreadable", f"The file cannot be read: {exc.strerror or exc}.")
        return
    if stat.S_ISDIR(st.st_mode):
        yield _problem(path, "not_a_file", "This is a folder, not a file.")
        return
    if st.st_size == 0:
        yield _problem(path, "empty_file", "The file is empty (0 bytes).")
        return
    if st.st_size > max_bytes:
        yield _problem(path, "file_too_large",
                       f"The file has {st.st_size:,} bytes, more than the limit of {max_bytes:,}; not read.")
        return
    name = os.path.basename(path)
    try:
        if fmt == "jsonl":
            yield from _read_jsonl(path, gz, name, field_map, max_bytes)
        else:
            yield from _read_whole(path, gz, fmt, name, field_map, max_bytes)
    except _GZIP_ERRORS as exc:
        yield _problem(path, "bad_gzip", f"The gzip archive is truncated or corrupt ({exc}); "
                       "records before the damage (if any) were read.")
    except _TooLarge:
        yield _problem(path, "file_too_large",
                       f"The file decompresses to more than the limit of {max_bytes:,} bytes; not read.")
    except OSError as exc:
        yield _problem(path, "unreadable", f"The file cannot be read: {exc.strerror or exc}.")
    except Exception as exc:  # last resort: a bug or input we never imagined must not stop the run
        yield _problem(path, "read_failed", f"Reading failed unexpectedly: {type(exc).__name__}: {exc}.")


def _record(path: str, index: int, fmt: str, fields: dict[str, str], default_id: str) -> RawRecord:
    if "source_id" not in fields:
        fields = {"source_id": default_id, **fields}
    return RawRecord(source_path=path, record_index=index, source_format=fmt, fields=fields)


def _fix_fields(fields: dict[str, str]) -> dict[str, str]:
    """JSON values may hold mojibake (possibly behind \\u escapes): repair it per value."""
    for key, value in fields.items():
        if not value.isascii():
            fixed = fix_mojibake(value)
            if fixed is not value:
                fields[key] = fixed
    return fields


def _read_whole(path: str, gz: bool, fmt: str, name: str, field_map: FieldMap, max_bytes: int) -> Iterator[Item]:
    data = _read_all(path, gz, max_bytes)
    if not data:
        yield _problem(path, "empty_file", "The file is empty (0 bytes after decompression).")
        return
    try:
        text, _encoding = decode_bytes(data)
    except UndecodableError as exc:
        yield _problem(path, "binary_file", f"The file is not text: {exc}.", sample=data[:40].hex(" "))
        return
    if not text.strip():
        yield _problem(path, "empty_file", "The file holds only whitespace.")
        return
    if fmt == "json":
        yield from _read_json(path, text, name, field_map)
        return
    if fmt == "html":
        fields = read_html(text)
        if "text" not in fields:
            yield _problem(path, "no_text", "No article text could be extracted from this HTML page.",
                           sample=fields.get("title") or text[:_SAMPLE])
            return
    else:
        fields = {}
        if fmt == "md":
            meta, text = front_matter(text)
            fields = field_map.map(meta)
        for key, value in split_article(text, markdown=fmt == "md").items():
            fields.setdefault(key, value)
    ordered = {k: fields[k] for k in CANONICAL_FIELDS if k in fields}
    yield _record(path, 0, fmt, ordered, name)


def _read_json(path: str, text: str, name: str, field_map: FieldMap) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        line = text.splitlines()[exc.lineno - 1] if exc.lineno - 1 < len(text.splitlines()) else ""
        yield _problem(path, "invalid_json", f"Invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}.",
                       sample=line)
        return
    except RecursionError:
        yield _problem(path, "invalid_json", "The JSON is nested too deeply to read.")
        return
    if isinstance(data, dict):
        yield _record(path, 0, "json", _fix_fields(field_map.map(data)), name)
        return
    if not isinstance(data, list):
        yield _problem(path, "not_a_record", f"The JSON holds a {type(data).__name__}, not an object or a list "
                       "of objects.", sample=text)
        return
    if not data:
        yield _problem(path, "empty_file", "The JSON list holds no records.")
        return
    for index, item in enumerate(data):
        if isinstance(item, dict):
            yield _record(path, index, "json", _fix_fields(field_map.map(item)), f"{name}#{index}")
        else:
            yield _problem(path, "not_a_record", f"Item {index} is a {type(item).__name__}, not an object.",
                           index=index, sample=json.dumps(item, ensure_ascii=False)[:_SAMPLE])


def _jsonl_lines(fh: IO[bytes]) -> Iterator[tuple[str | None, bytes | str]]:
    """(encoding or None for per-line UTF-8, raw line) pairs; detects BOM / UTF-16 on the first bytes."""
    buffered = fh if isinstance(fh, io.BufferedIOBase) and hasattr(fh, "peek") else io.BufferedReader(fh)
    head = buffered.peek(4096)[:4096]
    encoding, skip = sniff_bom(head[:4])
    if encoding is None and b"\x00" in head:
        encoding = sniff_utf16(head)
        if encoding is None:
            raise UndecodableError("NUL bytes in something that is not UTF-16: binary data")
    if encoding is None or encoding == "utf-8":
        buffered.read(skip)
        for raw in buffered:
            yield None, raw
        return
    buffered.read(skip)
    # TextIOWrapper with newline="\n" splits on "\n" only (U+2028 may sit raw inside a JSON string).
    reader = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="\n")
    for line in reader:
        yield encoding, line


def _read_jsonl(path: str, gz: bool, name: str, field_map: FieldMap, max_bytes: int) -> Iterator[Item]:
    seen_content = False
    decompressed = 0
    with _open(path, gz) as fh:
        lines = _jsonl_lines(fh)
        index = -1
        while True:
            try:
                encoding, raw = next(lines)
            except StopIteration:
                break
            except UndecodableError as exc:
                yield _problem(path, "binary_file", f"The file is not text: {exc}.")
                return
            except UnicodeDecodeError as exc:
                yield _problem(path, "binary_file", f"The file is not valid {exc.encoding}: {exc.reason}; "
                               "stopped reading there.", index=index + 1)
                return
            index += 1
            decompressed += len(raw)
            if gz and decompressed > max_bytes:
                raise _TooLarge
            if encoding is None:
                if not raw.strip():
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        line, _ = decode_bytes(raw)
                    except UndecodableError as exc:
                        yield _problem(path, "binary_file", f"Line {index + 1} is not text: {exc}.", index=index,
                                       sample=raw)
                        seen_content = True
                        continue
            else:
                line = raw
                if not line.strip():
                    continue
            seen_content = True
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield _problem(path, "invalid_json",
                               f"Line {index + 1} is not valid JSON (column {exc.colno}: {exc.msg}).",
                               index=index, sample=line)
                continue
            except RecursionError:
                yield _problem(path, "invalid_json", f"Line {index + 1} is nested too deeply.", index=index)
                continue
            if not isinstance(data, dict):
                yield _problem(path, "not_a_record", f"Line {index + 1} holds a {type(data).__name__}, "
                               "not an object.", index=index, sample=line)
                continue
            yield _record(path, index, "jsonl", _fix_fields(field_map.map(data)), f"{name}#{index}")
    if not seen_content:
        yield _problem(path, "empty_file", "The file holds no records, only blank lines.")
