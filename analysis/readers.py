"""One file of a corpus folder to documents, whatever its format.

Text and Markdown files (analysis.loading), saved web pages (analysis.webpage) and scraper
exports (analysis.exports, one document per row) stream out one file at a time as
(Document or None, problems), so one bad file, or one bad row, never costs the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from analysis.exports import documents_from_export
from analysis.loading import (
    EXPORT_SUFFIXES,
    PAGE_SUFFIXES,
    Document,
    Problem,
    document_from_bytes,
    read_bytes,
    relative_name,
)
from analysis.webpage import document_from_page


def is_whole_page(data: bytes) -> bool:
    """A saved web page under a text file's name (page.txt): it needs trafilatura, which
    leaves navigation and footers out, not the loader's reading of HTML inside a body."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_file(path: Path, root: Path) -> Iterator[tuple[Document | None, list[Problem]]]:
    data, problem = read_bytes(path, root)
    if problem:
        yield None, [problem]
        return
    name, suffix = relative_name(path, root), path.suffix.lower()
    if suffix in EXPORT_SUFFIXES:
        yield from documents_from_export(name, data)
    elif suffix in PAGE_SUFFIXES or is_whole_page(data):
        yield document_from_page(name, data)
    else:
        yield document_from_bytes(name, data)
