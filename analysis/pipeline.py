"""The pipeline as the notebooks and the report run it: each stage reads its processed table
from data/processed/ when the input and the code are unchanged, and computes it otherwise.

    corpus(folder)    -> Corpus (articles, cleaning log)      analysis.corpus.load_corpus
    figures(articles) -> every money and percentage figure    analysis.figures.extract_figures
    terms(articles)   -> term counts per article              analysis.topics.term_counts
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.cache import per_article
from analysis.corpus import Corpus, load_corpus
from analysis.figures import extract_figures
from analysis.text import TermOptions
from analysis.topics import term_counts

PROCESSED_DIR = Path(__file__).resolve().parent.parent / "data" / "processed"


def corpus(folder: str | Path, processed_dir: str | Path | None = PROCESSED_DIR) -> Corpus:
    return load_corpus(folder, cache_dir=processed_dir)


def figures(articles: pd.DataFrame, processed_dir: str | Path | None = PROCESSED_DIR
            ) -> pd.DataFrame:
    return per_article(articles, "figures", extract_figures, processed_dir)


def terms(articles: pd.DataFrame, processed_dir: str | Path | None = PROCESSED_DIR
          ) -> pd.DataFrame:
    """Term counts with the default options (the segmenter switch is part of the cache key)."""
    stage = f"terms_{TermOptions().resolved_segmenter()}"
    return per_article(articles, stage, term_counts, processed_dir)


def warm(folder: str | Path, processed_dir: str | Path | None = PROCESSED_DIR) -> Corpus:
    """Run every stage once, so notebooks executed after it read finished tables."""
    data = corpus(folder, processed_dir)
    if not data.articles.empty:
        figures(data.articles, processed_dir)
        terms(data.articles, processed_dir)
    return data
