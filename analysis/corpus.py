"""The pipeline front: a corpus folder to tidy tables of articles and of what cleaning did."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from analysis.cache import TableCache
from analysis.chinese import has_traditional, to_simplified
from analysis.cleaning import clean_document
from analysis.loading import Document, ManifestEntry, list_corpus, read_manifests, relative_name
from analysis.readers import read_file

ARTICLE_COLUMNS = [
    "article_id", "source_file", "title", "outlet", "authors", "place", "date", "date_source",
    "continued_from", "sections", "notes", "links", "summary", "tags", "n_chars", "text", "sha256",
    "text_simplified",
]
LOG_COLUMNS = ["file", "article_id", "kind", "detail", "removed"]


@dataclass(frozen=True)
class Corpus:
    articles: pd.DataFrame
    log: pd.DataFrame

    @property
    def skipped(self) -> pd.DataFrame:
        return self.log[self.log["kind"] == "skipped"]

    def summary(self) -> str:
        # An export's rows are 'news.jsonl#12': the file is counted once.
        names = set(self.log["file"].dropna()) | set(self.articles["source_file"])
        files = {name.partition("#")[0] for name in names}
        line = (f"{len(files)} files read, {len(self.articles)} articles, "
                f"{len(self.skipped)} skipped")
        if len(self.skipped):
            reasons = "; ".join(f"{r.file}: {r.detail}" for r in self.skipped.itertuples())
            line += f" ({reasons})"
        return line


NOT_A_WORD = re.compile(r"[\W_]+")


def words_only(text: str) -> str:
    """Letters, digits and CJK characters of `text`, full- and half-width alike (NFKC).
    Punctuation goes first: what is left of Chinese text is then usually NFKC already, which
    is a quick check instead of a normalisation of the whole text."""
    visible = NOT_A_WORD.sub("", text)
    if unicodedata.is_normalized("NFKC", visible):
        return visible
    return NOT_A_WORD.sub("", unicodedata.normalize("NFKC", visible))


def text_fingerprint(articles: Iterable[dict]) -> str | None:
    """The same story, whatever its markup, whitespace, punctuation width or format (a page,
    an export row, a post): a digest of the visible words of its clean articles."""
    visible = words_only("|".join(a["text"] for a in articles))
    return hashlib.sha256(visible.encode("utf-8")).hexdigest() if visible else None


def headline(articles: list[dict]) -> str:
    return words_only(str(articles[0]["title"] or ""))


def same_headline(a: str, b: str) -> bool:
    """One text under two different headlines is two articles; a page's title that adds the
    site's name ('银行加码科技贷款_示例网') is the same headline."""
    return a in b or b in a


def with_simplified(articles: pd.DataFrame) -> pd.DataFrame:
    """text_simplified: the simplified copy of a text written in traditional characters (same
    length, so offsets carry over); empty for the simplified majority, to spare memory."""
    articles["text_simplified"] = [to_simplified(text) if has_traditional(text) else ""
                                   for text in articles["text"]]
    return articles


@dataclass
class Cleaned:
    """One document of a file (a file, or one row of an export), read and cleaned."""

    source_file: str
    articles: list[dict]
    problems: list[dict]  # log rows from reading (warnings, skips)
    cleaning: list[dict]  # log rows from cleaning
    fingerprint: str | None = None  # None: nothing to compare (skipped, or no visible text)
    headline: str = ""

    @property
    def n_articles(self) -> int:
        return len(self.articles)


def read_and_clean(path: Path, root: Path, segmenter: str = "jieba",
                   cache: TableCache | None = None,
                   manifest: dict[str, ManifestEntry] | None = None) -> Iterator[Cleaned]:
    """Every document of one file, cleaned; a bad file or row is logged, never raised.
    `manifest`: the folder's manifest entries by file name (read_manifests)."""
    entry = manifest.get(relative_name(path, root)) if manifest else None
    for document, problems in read_file(path, root):
        rows = [file_row(p.file, p.kind, p.reason) for p in problems]
        if document is None:
            yield Cleaned(relative_name(path, root), [], rows, [])
            continue
        key = f"{document.source_file}|{document.sha256}"
        hit = cache.get(key) if cache else None
        if hit is not None:
            new_articles, cleaning = hit["articles"], hit["log"]
        else:
            new_articles, cleaning = clean_safely(document, segmenter)
            if cache:
                cache.put(key, articles=new_articles, log=cleaning)
        if entry is not None:
            new_articles = with_manifest(new_articles, entry)
        fingerprint = text_fingerprint(new_articles)
        yield Cleaned(document.source_file, new_articles, rows, cleaning, fingerprint,
                      headline(new_articles) if fingerprint else "")


def with_manifest(articles: list[dict], entry: ManifestEntry) -> list[dict]:
    """The articles of a file with what its folder's manifest says of it: its date where the
    file gives none, or only one inferred from the dates its text mentions (the latest of
    them is some event's, the manifest's the publication's); its address where it has none."""
    dated = []
    for article in articles:
        article = dict(article)
        if entry.date and (not article["date"] or article["date_source"] == "inferred"):
            article["date"], article["date_source"] = entry.date, "manifest"
        if entry.source_url and not any(link.get("text") == "source"
                                        for link in article["links"] or []):
            article["links"] = [{"text": "source", "url": entry.source_url},
                                *(article["links"] or [])]
        dated.append(article)
    return dated


@dataclass
class Duplicates:
    """The first file of each visible text and headline, in corpus order."""

    seen: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def first_copy(self, item: Cleaned) -> str | None:
        """The file `item` repeats, or None (then it is remembered as a first copy)."""
        if not item.fingerprint:
            return None
        copies = self.seen.setdefault(item.fingerprint, [])
        first = next((name for title, name in copies if same_headline(item.headline, title)),
                     None)
        if first is None:
            copies.append((item.headline, item.source_file))
        return first


def articles_frame(articles: list[dict]) -> pd.DataFrame:
    return with_simplified(pd.DataFrame(articles, columns=ARTICLE_COLUMNS))


def corpus_files(root: Path) -> tuple[list[Path], list[dict], dict[str, ManifestEntry]]:
    """The article files below `root` in corpus order, the log rows of the files that are not
    articles and of the manifest rows not used, and the manifest's entries by file name."""
    files, problems, manifests = list_corpus(root)
    manifest, manifest_problems = read_manifests(root, manifests)
    return files, [file_row(p.file, p.kind, p.reason) for p in problems + manifest_problems], \
        manifest


def load_corpus(folder: str | Path, cache_dir: str | Path | None = None,
                segmenter: str = "jieba") -> Corpus:
    """Read, clean and split every article file of `folder`; never raises on a bad file.

    With `cache_dir`, cleaned tables are kept there as Parquet and reused for every file
    whose content (and the package's code) has not changed.
    """
    stage = "corpus" if segmenter == "jieba" else f"corpus_{segmenter}"
    cache = TableCache(cache_dir, stage, ("articles", "log")) if cache_dir else None
    root = Path(folder)
    files, log, manifest = corpus_files(root)
    articles: list[dict] = []
    duplicates = Duplicates()
    for path in progress(files, "cleaning"):
        for item in read_and_clean(path, root, segmenter, cache, manifest):
            log.extend(item.problems)
            first = duplicates.first_copy(item)
            if first:
                log.append(file_row(item.source_file, "skipped", f"duplicate of {first}"))
                continue
            articles.extend(item.articles)
            log.extend(item.cleaning)
    if cache:
        cache.save()
    return Corpus(articles_frame(articles), pd.DataFrame(log, columns=LOG_COLUMNS))


def clean_safely(document: Document, segmenter: str = "jieba") -> tuple[list[dict], list[dict]]:
    """Clean one file; a failure costs that file only and is logged with its reason."""
    try:
        new_articles, rows = clean_document(document, segmenter)
    except Exception as error:  # one unreadable page must not cost the rest of the corpus
        return [], [file_row(document.source_file, "skipped",
                             f"could not be cleaned ({type(error).__name__}: {error})")]
    if not new_articles:
        rows.append(file_row(document.source_file, "skipped",
                             "no article text (only headings, bylines or notes)"))
    return new_articles, rows


def file_row(file: str, kind: str, detail: str) -> dict:
    """A cleaning-log row about a whole file rather than one of its articles."""
    return {"file": file, "article_id": None, "kind": kind, "detail": detail, "removed": ""}


def progress(items: Iterable, what: str) -> Iterator:
    """A progress bar on a terminal; silent in CI logs and notebooks run headless."""
    return iter(tqdm(items, desc=what, unit=" files", disable=None, leave=False))
