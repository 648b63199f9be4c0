"""The pipeline front: a corpus folder to tidy tables of articles and of what cleaning did."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.cleaning import clean_document
from analysis.loading import iter_documents

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
        files = self.log[self.log["kind"] != "skipped"]["file"].nunique()
        read = self.articles["source_file"].nunique() if len(self.articles) else 0
        line = (f"{max(files, read)} files read, {len(self.articles)} articles, "
                f"{len(self.skipped)} skipped")
        if len(self.skipped):
            reasons = "; ".join(f"{r.file}: {r.detail}" for r in self.skipped.itertuples())
            line += f" ({reasons})"
        return line


def load_corpus(folder: str | Path) -> Corpus:
    """Read, clean and split every article file of `folder`; never raises on a bad file."""
    articles: list[dict] = []
    log: list[dict] = []
    for document, problems in iter_documents(folder):
        log.extend(
            {"file": p.file, "article_id": None, "kind": p.kind, "detail": p.reason, "removed": ""}
            for p in problems
        )
        if document is None:
            continue
        try:
            new_articles, rows = clean_document(document)
        except Exception as error:  # one unreadable page must not cost the rest of the corpus
            log.append({"file": document.source_file, "article_id": None, "kind": "skipped",
                        "detail": f"could not be cleaned ({type(error).__name__}: {error})",
                        "removed": ""})
            continue
        articles.extend(new_articles)
        log.extend(rows)
    return Corpus(
        pd.DataFrame(articles, columns=ARTICLE_COLUMNS),
        pd.DataFrame(log, columns=LOG_COLUMNS),
    )
