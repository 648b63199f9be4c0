"""The pipeline front: a corpus folder to tidy tables of articles and of what cleaning did."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from analysis.cache import TableCache
from analysis.cleaning import clean_document
from analysis.loading import Document, iter_documents

ARTICLE_COLUMNS = [
    "article_id", "source_file", "title", "outlet", "authors", "place", "date", "date_source",
    "continued_from", "sections", "notes", "links", "summary", "tags", "n_chars", "text", "sha256",
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
        files = set(self.log["file"].dropna()) | set(self.articles["source_file"])
        line = (f"{len(files)} files read, {len(self.articles)} articles, "
                f"{len(self.skipped)} skipped")
        if len(self.skipped):
            reasons = "; ".join(f"{r.file}: {r.detail}" for r in self.skipped.itertuples())
            line += f" ({reasons})"
        return line


def text_fingerprint(document: Document) -> str:
    """Same article, whatever its whitespace, line endings or encoding."""
    text = "".join(document.body.split()) + "|" + str(document.metadata.get("title", ""))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_corpus(folder: str | Path, cache_dir: str | Path | None = None,
                segmenter: str = "jieba") -> Corpus:
    """Read, clean and split every article file of `folder`; never raises on a bad file.

    With `cache_dir`, cleaned tables are kept there as Parquet and reused for every file
    whose content (and the package's code) has not changed.
    """
    stage = "corpus" if segmenter == "jieba" else f"corpus_{segmenter}"
    cache = TableCache(cache_dir, stage, ("articles", "log")) if cache_dir else None
    articles: list[dict] = []
    log: list[dict] = []
    seen: dict[str, str] = {}  # whitespace-free text -> first file that had it
    for document, problems in progress(iter_documents(folder), "cleaning"):
        log.extend(file_row(p.file, p.kind, p.reason) for p in problems)
        if document is None:
            continue
        fingerprint = text_fingerprint(document)
        if fingerprint in seen:
            log.append(file_row(document.source_file, "skipped", f"duplicate of {seen[fingerprint]}"))
            continue
        seen[fingerprint] = document.source_file
        key = f"{document.source_file}|{document.sha256}"
        hit = cache.get(key) if cache else None
        if hit is not None:
            new_articles, rows = hit["articles"], hit["log"]
        else:
            new_articles, rows = clean_safely(document, segmenter)
            if cache:
                cache.put(key, articles=new_articles, log=rows)
        articles.extend(new_articles)
        log.extend(rows)
    if cache:
        cache.save()
    return Corpus(
        pd.DataFrame(articles, columns=ARTICLE_COLUMNS),
        pd.DataFrame(log, columns=LOG_COLUMNS),
    )


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
