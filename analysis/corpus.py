"""The pipeline front: a corpus folder to tidy tables of articles and of what cleaning did."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

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


def load_corpus(folder: str | Path) -> Corpus:
    """Read, clean and split every article file of `folder`; never raises on a bad file."""
    articles: list[dict] = []
    log: list[dict] = []
    seen: dict[str, str] = {}  # whitespace-free text -> first file that had it
    for document, problems in iter_documents(folder):
        log.extend(
            {"file": p.file, "article_id": None, "kind": p.kind, "detail": p.reason, "removed": ""}
            for p in problems
        )
        if document is None:
            continue
        fingerprint = text_fingerprint(document)
        if fingerprint in seen:
            log.append({"file": document.source_file, "article_id": None, "kind": "skipped",
                        "detail": f"duplicate of {seen[fingerprint]}", "removed": ""})
            continue
        seen[fingerprint] = document.source_file
        try:
            new_articles, rows = clean_document(document)
        except Exception as error:  # one unreadable page must not cost the rest of the corpus
            log.append({"file": document.source_file, "article_id": None, "kind": "skipped",
                        "detail": f"could not be cleaned ({type(error).__name__}: {error})",
                        "removed": ""})
            continue
        if not new_articles:
            rows.append({"file": document.source_file, "article_id": None, "kind": "skipped",
                         "detail": "no article text (only headings, bylines or notes)", "removed": ""})
        articles.extend(new_articles)
        log.extend(rows)
    return Corpus(
        pd.DataFrame(articles, columns=ARTICLE_COLUMNS),
        pd.DataFrame(log, columns=LOG_COLUMNS),
    )
