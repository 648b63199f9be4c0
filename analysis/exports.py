"""Scraper exports: JSON Lines, JSON and CSV files where each row or object is an article.

Field names are recognised in English and Chinese through resources/export_fields.yaml,
which a user extends. A row's source is the file and its row number, written
`news.jsonl#12` (source_file) and giving the article_id `news#12-1`: for JSON Lines the line
number, for a JSON array the item number, for CSV the data row under the header, all from 1.
A bad row (invalid JSON, no content, no Chinese) costs that row only, with a message naming
the file and the row; the other rows load.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from functools import cache

from analysis import resources
from analysis.chinese import LONE_SURROGATE
from analysis.loading import Document, Problem, decode_bytes, make_document

# Where a JSON export keeps its list of articles, when it is an object rather than a list.
CONTAINER_KEYS = ("data", "articles", "items", "results", "records", "list", "news", "posts",
                  "entries", "rows", "docs", "hits", "result", "数据", "文章", "列表")
MAX_DEPTH = 4
# Article fields -> the document metadata keys the loader normalises.
METADATA_KEYS = {"title": "title", "date": "date", "summary": "summary", "source": "outlet",
                 "author": "author", "url": "url", "tags": "tags"}


@cache
def field_names() -> dict[str, str]:
    """Every known column name (normalised) -> the article field it holds."""
    names: dict[str, str] = {}
    for article_field, aliases in resources.yaml_table("export_fields.yaml").items():
        for alias in aliases:
            names.setdefault(normalise_key(str(alias)), article_field)
    return names


def normalise_key(key: str) -> str:
    return key.strip().lower().replace("-", "_").replace(" ", "_")


def map_fields(row: dict) -> dict:
    """A row's columns to article fields; the first column listed for a field wins."""
    known, fields = field_names(), {}
    for key, value in row.items():
        article_field = known.get(normalise_key(str(key)))
        if article_field and article_field not in fields and not empty(value):
            fields[article_field] = value
    return fields


def empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def content_text(value: object) -> str:
    """Content as a string: a list of paragraphs is joined by blank lines."""
    if isinstance(value, list):
        return "\n\n".join(content_text(v) for v in value if not empty(v))
    if isinstance(value, dict):
        return content_text(value.get("text") or value.get("content") or "")
    return str(value)


def documents_from_export(name: str, data: bytes) -> Iterator[tuple[Document | None, list[Problem]]]:
    """Every row of an export file as (Document or None, problems)."""
    try:
        text, encoding = decode_bytes(data)
    except ValueError as error:
        yield None, [Problem(name, "skipped", str(error))]
        return
    suffix = name.rsplit(".", 1)[-1].lower()
    reader = {"jsonl": json_lines, "ndjson": json_lines, "json": json_document, "csv": csv_rows}[suffix]
    rows = 0
    for row_number, row, error in reader(text):
        rows += 1
        where = f"{name}#{row_number}"
        if error:
            yield None, [Problem(where, "skipped", f"row {row_number}: {error}")]
            continue
        yield document_from_row(where, row_number, row, encoding)
    if rows == 0:
        yield None, [Problem(name, "skipped", "export file without rows")]


def document_from_row(where: str, row_number: int, row: dict,
                      encoding: str) -> tuple[Document | None, list[Problem]]:
    fields = map_fields(row)
    if "content" not in fields:
        columns = ", ".join(map(str, list(row)[:8])) or "none"
        return None, [Problem(where, "skipped", f"row {row_number}: no content field "
                                                f"(columns: {columns}; see export_fields.yaml)")]
    body = content_text(fields.pop("content")).replace("\r\n", "\n").replace("\r", "\n")
    raw_meta = {METADATA_KEYS[k]: v for k, v in fields.items() if k in METADATA_KEYS}
    digest = hashlib.sha256(json.dumps(row, ensure_ascii=False, sort_keys=True,
                                       default=str).encode("utf-8")).hexdigest()
    document, problems = make_document(where, digest, encoding, raw_meta, body)
    # The loader's messages name the row too, so that a user finds it in the file.
    problems = [Problem(p.file, p.kind, f"row {row_number}: {p.reason}") for p in problems]
    return document, problems


def read_json(text: str) -> object:
    """json.loads, with each lone surrogate a broken escape leaves ("\\ud800" with no partner)
    read as U+FFFD, as a broken byte of a text file is: no text can be written out with one."""
    value = json.loads(text)
    if "\\u" not in text:
        return value
    written = json.dumps(value, ensure_ascii=False)
    return json.loads(LONE_SURROGATE.sub("\ufffd", written)) if LONE_SURROGATE.search(written) \
        else value


def json_lines(text: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, object, error) for every non-blank line."""
    # (lines end at \n only: str.splitlines also splits at U+0085, U+2028 and other characters
    # that JSON strings may hold unescaped)
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = read_json(line)
        except json.JSONDecodeError as error:
            yield number, None, f"invalid JSON ({error.msg} at column {error.colno})"
            continue
        yield number, *as_row(value)


def json_document(text: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """A JSON array of articles, an object holding one (under data/articles/items ...), or
    one article object."""
    try:
        value = read_json(text)
    except json.JSONDecodeError as error:
        if "\n{" in text or text.lstrip().startswith("{"):
            # JSON Lines saved as .json: read line by line, so one bad line costs one row.
            lines = list(json_lines(text))
            if sum(1 for _, row, _ in lines if row is not None) > 1:
                yield from lines
                return
        yield 1, None, f"invalid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        return
    items = find_articles(value, MAX_DEPTH)
    if items is None:
        yield 1, *as_row(value)
        return
    for number, item in enumerate(items, start=1):
        yield number, *as_row(item)


def find_articles(value: object, depth: int) -> list | None:
    """The list of article objects in a JSON value: the value itself, or under a container key."""
    if isinstance(value, list):
        return value
    if not isinstance(value, dict) or depth == 0:
        return None
    if "content" in map_fields(value):
        return None  # the object is itself one article
    keys = [k for k in CONTAINER_KEYS if k in value] + [k for k in value if k not in CONTAINER_KEYS]
    for key in keys:
        if isinstance(value[key], list) and any(isinstance(v, dict) for v in value[key]):
            return value[key]
    for key in keys:
        if isinstance(value[key], dict):
            found = find_articles(value[key], depth - 1)
            if found is not None:
                return found
    return None


def as_row(value: object) -> tuple[dict | None, str | None]:
    if isinstance(value, dict):
        return value, None
    return None, f"not an object but {type(value).__name__}"


def csv_rows(text: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """(data row number, row, error); the delimiter (, ; tab |) is sniffed from the header."""
    header = text[: text.find("\n")] if "\n" in text else text
    delimiter = max(",;\t|", key=header.count) if any(d in header for d in ",;\t|") else ","
    csv.field_size_limit(1 << 30)  # a row's content may be a whole article in HTML
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            extra = row.pop(None, None)  # more cells than the header names
            if extra and not any(str(v).strip() for v in extra):
                extra = None
            if extra:
                yield number, None, f"{len(extra)} more cells than the header has columns"
            else:
                yield number, {k: v for k, v in row.items() if k is not None}, None
    except csv.Error as error:
        yield reader.line_num, None, f"unreadable CSV ({error})"
