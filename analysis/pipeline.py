"""The pipeline as the notebooks and the report run it: each stage reads its processed table
from data/processed/ when the input and the code are unchanged, and computes it otherwise.

    corpus(folder)    -> Corpus (articles with story_id, log)  analysis.corpus.load_corpus,
                                                               analysis.stories.assign_stories
    figures(articles) -> every money and percentage figure    analysis.figures.extract_figures
    terms(articles)   -> term counts per article              analysis.topics.term_counts
    facts(articles, figures) -> figures merged across articles  analysis.facts.build_facts
    relevance(articles)      -> how much each article speaks to the question (not cached:
                                a regular-expression count, faster than reading a file)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from analysis import question as questions
from analysis.cache import code_version, per_article
from analysis.corpus import Corpus, load_corpus
from analysis.figures import extract_figures
from analysis.stories import assign_stories
from analysis.text import TermOptions
from analysis.topics import term_counts

PROCESSED_DIR = Path(__file__).resolve().parent.parent / "data" / "processed"


def corpus(folder: str | Path, processed_dir: str | Path | None = PROCESSED_DIR) -> Corpus:
    """The clean articles, each with its story_id: reposts of one story share it (stories)."""
    data = load_corpus(folder, cache_dir=processed_dir)
    return Corpus(assign_stories(data.articles), data.log)


def figures(articles: pd.DataFrame, processed_dir: str | Path | None = PROCESSED_DIR
            ) -> pd.DataFrame:
    return per_article(articles, "figures", extract_figures, processed_dir)


def terms(articles: pd.DataFrame, processed_dir: str | Path | None = PROCESSED_DIR
          ) -> pd.DataFrame:
    """Term counts with the default options (the segmenter switch is part of the cache key)."""
    stage = f"terms_{TermOptions().resolved_segmenter()}"
    return per_article(articles, stage, term_counts, processed_dir)


def facts(articles: pd.DataFrame, figures_table: pd.DataFrame,
          processed_dir: str | Path | None = PROCESSED_DIR) -> pd.DataFrame:
    """The facts of the corpus (analysis.facts), stored once per corpus content and code version:
    they depend on every article at once, so they are one table, not rows per article."""
    from analysis.facts import build_facts

    if processed_dir is None:
        return build_facts(figures_table, articles)
    digest = hashlib.sha256(code_version().encode())
    for frame in (articles.drop(columns=["text", "sections", "notes", "links", "tags", "authors"],
                                errors="ignore"), figures_table):
        digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy()
                      .tobytes())
    path = Path(processed_dir) / f"facts-{digest.hexdigest()[:16]}.parquet"
    if path.exists():
        try:
            return pd.read_parquet(path)
        except Exception:  # a torn file is a cold cache
            pass
    table = build_facts(figures_table, articles)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("facts-*.parquet"):
        old.unlink(missing_ok=True)  # one corpus at a time, like the other stages
    table.to_parquet(path, index=False)
    return table


def relevance(articles: pd.DataFrame, question=None) -> pd.DataFrame:
    return questions.relevance(articles, question)
