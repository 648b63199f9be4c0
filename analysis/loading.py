"""Stage 1: find the article files of a corpus folder, decode them and split off front matter.

Nothing here raises on bad input: every file yields either a `Document` or a `Problem`
naming the file and the reason, so one bad file never costs the good ones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import yaml
from frontmatter.default_handlers import YAMLHandler

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt")
# Encodings a Chinese news archive realistically comes in, besides UTF-8.
CHINESE_ENCODINGS = ["gb18030", "big5", "utf_16", "utf_32"]
# Front-matter keys that may carry the article's link, most specific first.
LINK_KEYS = ("source_url", "url", "link", "source", "canonical", "permalink")
CJK = re.compile(r"[\u3400-\u9fff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r


class FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so an impossible date is reported, not raised."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class CorpusError(Exception):
    """The corpus folder itself is unusable (missing, not a folder)."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file: `skipped` files are not used, `warning` files are."""

    file: str
    kind: str
    reason: str


@dataclass(frozen=True)
class Document:
    source_file: str
    sha256: str
    encoding: str
    metadata: dict = field(hash=False)
    body: str = ""


def list_corpus(folder: str | Path) -> tuple[list[Path], list[Problem]]:
    """Article files below `folder` (recursively, sorted) and a problem for every other file."""
    root = Path(folder)
    if not root.exists():
        raise CorpusError(f"corpus folder {root} does not exist")
    if not root.is_dir():
        raise CorpusError(f"corpus {root} is not a folder")
    files, problems = [], []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = relative_name(path, root)
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue  # hidden files and folders (.DS_Store, .git) are not articles
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(path)
        else:
            problems.append(
                Problem(name, "skipped", f"unsupported file type '{path.suffix or '(none)'}'; "
                        f"only {', '.join(SUPPORTED_SUFFIXES)} are read")
            )
    return files, problems


def relative_name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode an article file; return (text, encoding) or raise ValueError with the reason."""
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    else:
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            best = charset_normalizer.from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
            if best is None:
                raise ValueError(
                    "cannot decode: not UTF-8, GB18030/GBK or Big5 text"
                ) from None
            encoding = best.encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ValueError(f"cannot decode as {encoding}: {error.reason}") from None
    return text.lstrip("\ufeff"), encoding


def looks_binary(text: str) -> bool:
    """Control characters other than whitespace are rare in real articles and common in junk."""
    sample = text[:20000]
    return len(CONTROL.findall(sample)) > max(5, len(sample) // 100)


def split_front_matter(text: str) -> tuple[dict, str, str | None]:
    """Return (front matter, body, warning). Broken YAML keeps the body and warns."""
    handler = YAMLHandler()
    if not handler.detect(text):
        return {}, text, None
    try:
        raw, body = handler.split(text)
    except ValueError:
        return {}, text, "front matter is not closed by a '---' line; read as body text"
    try:
        loaded = yaml.load(raw, Loader=FrontMatterLoader)
    except (yaml.YAMLError, ValueError, TypeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return {}, body, f"invalid YAML front matter{where}; body kept, metadata ignored"
    if loaded is None:
        return {}, body, None
    if not isinstance(loaded, dict):
        return {}, body, "front matter is not a YAML mapping; body kept, metadata ignored"
    return loaded, body, None


def normalise_metadata(raw: dict) -> tuple[dict, list[str]]:
    """Keep the fields the report uses, as plain strings; say what could not be used."""
    warnings: list[str] = []
    meta: dict = {}
    for key in ("title", "summary"):
        value = raw.get(key)
        if value is not None and str(value).strip():
            meta[key] = str(value).strip()
    if raw.get("date") is not None:
        parsed = parse_date(raw["date"])
        if parsed is None:
            warnings.append(f"impossible or unreadable date {raw['date']!r} in front matter")
        else:
            meta["date"] = parsed
    link = next((raw[key] for key in LINK_KEYS if isinstance(raw.get(key), str) and raw[key]), None)
    if link:
        meta["source_url"] = link.strip()
    tags = raw.get("tags")
    if isinstance(tags, str):
        tags = [tags]
    if isinstance(tags, list):
        meta["tags"] = [str(tag) for tag in tags if tag is not None and str(tag).strip()]
    return meta, warnings


DATE_PREFIX = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def parse_date(value: object) -> str | None:
    """ISO date (YYYY-MM-DD) from a YAML date, datetime or a string; None when impossible."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    match = DATE_PREFIX.match(str(value))
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def read_document(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """One file to a Document, or None and the reason it was skipped."""
    name = relative_name(path, root)
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(name, "skipped", f"cannot read file: {error.strerror or error}")]
    return document_from_bytes(name, data)


def document_from_bytes(name: str, data: bytes) -> tuple[Document | None, list[Problem]]:
    try:
        text, encoding = decode_bytes(data)
    except ValueError as error:
        return None, [Problem(name, "skipped", str(error))]
    if looks_binary(text):
        return None, [Problem(name, "skipped", "binary content (control characters), not text")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_meta, body, fm_warning = split_front_matter(text)
    meta, meta_warnings = normalise_metadata(raw_meta)
    problems = [Problem(name, "warning", w) for w in [fm_warning, *meta_warnings] if w]
    if not CJK.search(body):
        reason = "no text" if not body.strip() else "no Chinese text"
        return None, [*problems, Problem(name, "skipped", reason)]
    if encoding != "utf-8":
        problems.append(Problem(name, "info", f"decoded as {encoding}"))
    digest = hashlib.sha256(data).hexdigest()
    return Document(name, digest, encoding, meta, body), problems


def iter_documents(folder: str | Path) -> Iterator[tuple[Document | None, list[Problem]]]:
    """Stream the corpus one file at a time; unsupported files come first as problems."""
    root = Path(folder)
    files, problems = list_corpus(root)
    for problem in problems:
        yield None, [problem]
    for path in files:
        yield read_document(path, root)
