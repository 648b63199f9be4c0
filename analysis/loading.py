"""Stage 1: find the article files of a corpus folder, decode them and split off front matter.

Nothing here raises on bad input: every file yields either a `Document` or a `Problem`
naming the file and the reason, so one bad file never costs the good ones.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath

import charset_normalizer
import yaml

from analysis import resources
from analysis.dates import parse_date
from analysis.markup import has_html, html_to_text

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
PAGE_SUFFIXES = (".html", ".htm")  # saved web pages: analysis.webpage
EXPORT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv")  # scraper exports: analysis.exports
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES + EXPORT_SUFFIXES
# A collection's index of its files (MANIFEST.tsv: file, source, title, date), as scrapers and
# archives write one beside the articles: it dates the files that do not date themselves.
MANIFEST_NAMES = frozenset(("manifest.tsv", "manifest.csv"))
# Columns of a manifest, by what they hold; the first one present wins.
MANIFEST_FILE_KEYS = ("file", "filename", "file_name", "new_name", "name")
MANIFEST_DATE_KEYS = ("date", "published", "publish_date", "pubdate", "pub_date")
MANIFEST_LINK_KEYS = ("source", "url", "link", "source_url")
# A folder's own documentation, whatever its suffix: about the articles, not one of them.
DOCUMENTATION_STEMS = frozenset(("readme", "license", "licence", "changelog", "copying"))
# Encodings a Chinese news archive realistically comes in, besides UTF-8.
CHINESE_ENCODINGS = ["gb18030", "big5", "utf_16", "utf_32"]
# Front-matter keys that may carry the article's link, most specific first.
LINK_KEYS = ("source_url", "url", "link", "source", "canonical", "permalink")
# Hexo, Jekyll and Hugo name the publication date differently; the first readable one wins.
DATE_KEYS = ("date", "publishDate", "published", "pubDate", "pub_date", "updated", "lastmod")
OUTLET_KEYS = ("outlet", "source", "publisher", "site_name", "sitename", "media")
AUTHOR_SEPARATORS = re.compile(r"\s*[、，,;；/|]\s*")
TAG_SEPARATORS = re.compile(r"\s*[、，,;；|]\s*")
# Feed mirrors (RSSHub, Hexo) put the site in `author`: 新浪财经, 中证网, 证券时报网. A name
# ending like an organisation, a known outlet or a category of the post is an outlet.
ORGANISATION = re.compile(r"(?:网|报|社|台|刊|杂志|财经|新闻|资讯|媒体|传媒|频道|客户端|日报|周刊|"
                          r"\.com|\.cn|News|Daily|Times|Press)$", re.IGNORECASE)
URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
CJK = re.compile(r"[\u3400-\u9fff]")
# Control characters but \t \n \f \r.
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20)])


# libyaml's parser when PyYAML was built with it (ten times faster), the Python one otherwise.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULL_TAG, STR_TAG = "tag:yaml.org,2002:null", "tag:yaml.org,2002:str"
SEQ_TAG, MAP_TAG = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
# The plain scalars YAML's core schema reads as null (SafeLoader's null resolver).
NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class FrontMatterLoader(SafeLoader):
    """Safe YAML that reads every plain value as text but null: dates stay text, so an
    impossible one is reported, not raised (and guessing int, float, bool and timestamp
    for every value was a third of the loader's time)."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == NULL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


if hasattr(yaml, "CSafeLoader"):
    class FrontMatterComposer(yaml.cyaml.CParser):
        """libyaml's composer alone, tagging nodes as FrontMatterLoader does (null or text)
        without its resolver's Python machinery: front matter is small and many, so the
        loader's set-up and a resolver call per value were most of its cost."""

        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode:
                return NULL_TAG if implicit[0] and value in NULLS else STR_TAG
            return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG

        def descend_resolver(self, current_node, current_index):
            pass  # no path resolvers

        def ascend_resolver(self):
            pass

    def compose_front_matter(raw: str) -> yaml.Node | None:
        composer = FrontMatterComposer(raw)
        try:
            return composer.get_single_node()
        finally:
            composer.dispose()
else:  # PyYAML without libyaml
    def compose_front_matter(raw: str) -> yaml.Node | None:
        return yaml.compose(raw, Loader=FrontMatterLoader)


STANDARD_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "null", "map", "seq", "int", "float", "bool", "timestamp", "binary", "omap", "set"))


def load_yaml(raw: str) -> object:
    """YAML front matter as text, lists and mappings (null stays None).

    libyaml composes the nodes; building plain values from them here is a third of the time
    of PyYAML's constructor and keeps every scalar as written. Tags outside YAML's own
    (!!python/object ...) are refused, as safe_load refuses them."""
    return build_yaml(compose_front_matter(raw), 0)


def build_yaml(node: yaml.Node | None, depth: int) -> object:
    if node is None:
        return None
    if depth > 50:
        raise ValueError("front matter nested too deep (a recursive alias?)")
    if node.tag not in STANDARD_TAGS:
        raise yaml.constructor.ConstructorError(None, None, f"unsupported tag {node.tag}",
                                                node.start_mark)
    if isinstance(node, yaml.ScalarNode):  # most nodes
        return None if node.tag == NULL_TAG else node.value
    if isinstance(node, yaml.MappingNode):
        mapping = {}
        for key, value in node.value:
            key = build_yaml(key, depth + 1)
            if isinstance(key, dict | list):
                raise ValueError("front matter key is not a scalar")
            mapping[key] = build_yaml(value, depth + 1)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [build_yaml(item, depth + 1) for item in node.value]
    return None if node.tag.endswith(":null") else node.value


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


def list_corpus(folder: str | Path) -> tuple[list[Path], list[Problem], list[Path]]:
    """Article files below `folder` (recursively, sorted), a problem for every other file, and
    the folder's manifests (read_manifests reads them)."""
    root = Path(folder)
    if not root.exists():
        raise CorpusError(f"corpus folder {root} does not exist")
    if not root.is_dir():
        raise CorpusError(f"corpus {root} is not a folder")
    files, problems, manifests = [], [], []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = relative_name(path, root)
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue  # hidden files and folders (.DS_Store, .git) are not articles
        if path.name.lower() in MANIFEST_NAMES:
            manifests.append(path)
        elif path.stem.lower() in DOCUMENTATION_STEMS:
            problems.append(Problem(name, "skipped", "the folder's documentation, not an article"))
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(path)
        else:
            problems.append(
                Problem(name, "skipped", f"unsupported file type '{path.suffix or '(none)'}'; "
                        f"only {', '.join(SUPPORTED_SUFFIXES)} are read")
            )
    return files, problems, manifests


@dataclass(frozen=True)
class ManifestEntry:
    """What a folder's manifest says of one of its files."""

    date: str | None = None  # ISO
    source_url: str | None = None


def read_manifests(folder: str | Path, manifests: list[Path]
                   ) -> tuple[dict[str, ManifestEntry], list[Problem]]:
    """The entries of the manifests below `folder` (list_corpus finds them), by the file's name
    relative to `folder` (a manifest names the files of its own folder), and a problem for
    each row it cannot use. A file the manifest names twice keeps its first row."""
    root = Path(folder)
    entries: dict[str, ManifestEntry] = {}
    problems: list[Problem] = []
    for path in manifests:
        name = relative_name(path, root)
        rows, problem = manifest_rows(path, name)
        if problem:
            problems.append(problem)
            continue
        folder_name = path.parent.relative_to(root).as_posix()
        stems: dict[str, str] | None = None  # (the folder listed once, if a row needs it)
        for number, row in rows:
            entry, reason = manifest_entry(row)
            if reason:
                problems.append(Problem(f"{name}#{number}", "warning", reason))
            file = row.get("file", "")
            if file and not PurePosixPath(file).suffix:
                stems = files_by_stem(path.parent) if stems is None else stems
                file = stems.get(file, file)
            if file:
                key = file if folder_name == "." else f"{folder_name}/{file}"
                entries.setdefault(key, entry)
    return entries, problems


def files_by_stem(folder: Path) -> dict[str, str]:
    """The files a manifest may name without their extension ("01" for 01.txt, as a scraper's
    id column writes it), by what comes before their first dot: only names one file of
    `folder` has (two files 01.md and 01.txt: neither)."""
    names: dict[str, list[str]] = {}
    for path in folder.iterdir():
        stem, dot, _ = path.name.partition(".")
        if dot and stem and path.is_file() and path.name.lower() not in MANIFEST_NAMES:
            names.setdefault(stem, []).append(path.name)
    return {stem: found[0] for stem, found in names.items() if len(found) == 1}


def manifest_rows(path: Path, name: str) -> tuple[list[tuple[int, dict]], Problem | None]:
    """(row number, {file, date, link}) of each data row, the columns found by MANIFEST_*_KEYS;
    a problem instead when the file cannot be read or names no file column."""
    try:
        text, _ = decode_bytes(path.read_bytes())
    except (OSError, ValueError) as error:
        return [], Problem(name, "skipped", f"manifest not read: {error}")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader, [])]
    columns = {what: next((header.index(k) for k in keys if k in header), None)
               for what, keys in (("file", MANIFEST_FILE_KEYS), ("date", MANIFEST_DATE_KEYS),
                                  ("link", MANIFEST_LINK_KEYS))}
    if columns["file"] is None:
        return [], Problem(name, "skipped", "manifest names no file column "
                           f"({' / '.join(MANIFEST_FILE_KEYS)})")
    rows = []
    for number, cells in enumerate(reader, start=2):
        rows.append((number, {what: cells[i].strip() if i is not None and i < len(cells) else ""
                              for what, i in columns.items()}))
    return rows, None


def manifest_entry(row: dict) -> tuple[ManifestEntry, str | None]:
    date = parse_date(row["date"]) if row["date"] else None
    reason = (f"manifest date '{row['date']}' of {row['file'] or 'a row'} is no date"
              if row["date"] and date is None else None)
    link = row["link"] if URL.match(row["link"]) else None  # not "repository:path@commit"
    return ManifestEntry(date, link), reason


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
    """Control characters other than whitespace are rare in real articles and common in junk.
    Counted in the UTF-8 bytes, where each is one byte and no other character has it: one
    bytes.translate instead of a regex tried at every position."""
    sample = text[:20000]
    data = sample.encode("utf-8", "surrogatepass")
    controls = len(data) - len(data.translate(None, CONTROL_BYTES))
    return controls > max(5, len(sample) // 100)


FENCES = {"---": "yaml", "+++": "toml"}
CLOSINGS = {fence: re.compile(rf"^[ \t]*{re.escape(fence)}[ \t]*$", re.MULTILINE)
            for fence in FENCES}
OPENING = re.compile(r"^\ufeff?\s*?(?:^|\n)[ \t]*(---|\+\+\+)[ \t]*\n")


def split_front_matter(text: str) -> tuple[dict, str, str | None]:
    """Return (front matter, body, warning): YAML between '---' lines (Hexo, Jekyll) or TOML
    between '+++' lines (Hugo), wherever it starts after blank lines, whitespace or a BOM.
    Broken front matter keeps the body and warns. A mirror that wrote the block twice
    gets both read, the first winning."""
    meta, body, warning = split_one_front_matter(text)
    if meta and not warning:
        again, rest, again_warning = split_one_front_matter(body)
        if again and not again_warning:
            meta, body = {**again, **meta}, rest
    return meta, body, warning


def split_one_front_matter(text: str) -> tuple[dict, str, str | None]:
    opening = OPENING.match(text)
    if not opening:
        return {}, text, None
    fence = opening.group(1)
    end = CLOSINGS[fence].search(text, opening.end())
    if end is None:
        return {}, text, f"front matter is not closed by a '{fence}' line; read as body text"
    raw, body = text[opening.end(): end.start()], text[end.end():].lstrip("\n")
    kind = FENCES[fence]
    try:
        loaded = load_yaml(raw) if kind == "yaml" else tomllib.loads(raw)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, TypeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return {}, body, f"invalid {kind.upper()} front matter{where}; body kept, metadata ignored"
    if loaded is None:
        return {}, body, None
    if not isinstance(loaded, dict):
        return {}, body, f"front matter is not a {kind.upper()} mapping; body kept, metadata ignored"
    return loaded, body, None


def normalise_metadata(raw: dict) -> tuple[dict, list[str]]:
    """Keep the fields the report uses, as plain strings; say what could not be used.

    Gives title, summary, date (ISO, China time), authors (list), outlet, source_url and
    tags (the front matter's categories, then its tags)."""
    warnings: list[str] = []
    meta: dict = {}
    for key in ("title", "summary"):
        value = raw.get(key)
        if value is not None and not isinstance(value, dict | list) and str(value).strip():
            text = plain(str(value))
            meta[key] = " ".join(text.split()) if key == "title" else text
    for key in DATE_KEYS:
        if raw.get(key) is None or str(raw[key]).strip() == "":
            continue
        parsed = parse_date(raw[key])
        if parsed is None:
            warnings.append(f"impossible or unreadable date {raw[key]!r} in front matter")
        elif "date" not in meta:
            meta["date"] = parsed
    link = next((raw[key].strip() for key in LINK_KEYS
                 if isinstance(raw.get(key), str) and URL.match(raw[key].strip())), None)
    if link:
        meta["source_url"] = link
    authors, outlet = people_and_outlet(raw)
    if authors:
        meta["authors"] = authors
    if outlet:
        meta["outlet"] = outlet
    # "银行,人工智能" as scrapers write keywords is two tags.
    tags = [part for value in [*as_list(raw.get("categories")), *as_list(raw.get("tags"))]
            for part in TAG_SEPARATORS.split(value) if part]
    if tags:
        meta["tags"] = list(dict.fromkeys(tags))
    return meta, warnings


def plain(value: str) -> str:
    """A title or summary as text: search exports highlight words with <em> or <font>, feeds
    escape quotes as &quot;. Paragraphs of a summary are kept, lines of a title joined."""
    if has_html(value):
        value = html_to_text(value).text
    return html.unescape(value).strip()


def as_list(value: object) -> list[str]:
    """A YAML/TOML/JSON scalar or (nested) list of names as a flat list of strings."""
    if isinstance(value, str):  # most values: front matter is text
        text = value.strip()
        return [text] if text else []
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
        return as_list(value)
    if isinstance(value, list | tuple):
        return [item for v in value for item in as_list(v)]
    text = str(value).strip()
    return [text] if text else []


@cache
def known_outlets() -> frozenset[str]:
    return frozenset(resources.outlets().get("prefixes", {}).values())


def people_and_outlet(raw: dict) -> tuple[list[str], str | None]:
    """authors/author as people; a site name given as author becomes the outlet."""
    names = [part for name in as_list(raw.get("authors")) + as_list(raw.get("author"))
             for part in AUTHOR_SEPARATORS.split(name) if part]
    outlets = [value.strip() for key in OUTLET_KEYS if key in raw for value in as_list(raw[key])
               if not URL.match(value.strip())]
    if not names:
        return [], (outlets[0] if outlets else None)
    # A name the file is also filed under (categories: [金融, 格隆汇]) is the feed, not a person.
    outlets_known, categories = known_outlets(), set(as_list(raw.get("categories")))
    people = [n for n in names if n not in outlets_known and n not in categories
              and not ORGANISATION.search(n)]
    outlets += [n for n in names if n not in people]
    return list(dict.fromkeys(people)), (outlets[0] if outlets else None)


def read_bytes(path: Path, root: Path) -> tuple[bytes | None, Problem | None]:
    try:
        return path.read_bytes(), None
    except OSError as error:
        name = relative_name(path, root)
        return None, Problem(name, "skipped", f"cannot read file: {error.strerror or error}")


def document_from_bytes(name: str, data: bytes) -> tuple[Document | None, list[Problem]]:
    try:
        text, encoding = decode_bytes(data)
    except ValueError as error:
        return None, [Problem(name, "skipped", str(error))]
    if looks_binary(text):
        return None, [Problem(name, "skipped", "binary content (control characters), not text")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_meta, body, fm_warning = split_front_matter(text)
    problems = [Problem(name, "warning", fm_warning)] if fm_warning else []
    if encoding != "utf-8":
        problems.append(Problem(name, "info", f"decoded as {encoding}"))
    document, more = make_document(name, hashlib.sha256(data).hexdigest(), encoding, raw_meta, body)
    return document, [*problems, *more]


def make_document(name: str, digest: str, encoding: str, raw_meta: dict, body: str,
                  from_html: bool = False) -> tuple[Document | None, list[Problem]]:
    """A Document from metadata as written and a body that may hold HTML (every reader
    ends here: text files, web pages, export rows).

    metadata["markup"] == "html" tells the cleaner that the paragraphs are the page's own
    blocks, as authored: no page break ever cut them, so none is joined."""
    meta, meta_warnings = normalise_metadata(raw_meta)
    problems = [Problem(name, "warning", w) for w in meta_warnings]
    if from_html:
        meta["markup"] = "html"
    elif has_html(body):
        meta["markup"] = "html"
        markup = html_to_text(body)
        body = markup.text
        if markup.notes:
            meta["notes"] = markup.notes
        if markup.links:
            meta["links"] = markup.links
    if not CJK.search(body):
        reason = "no text" if not body.strip() else "no Chinese text"
        return None, [*problems, Problem(name, "skipped", reason)]
    return Document(name, digest, encoding, meta, body), problems
