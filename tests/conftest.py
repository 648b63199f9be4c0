from pathlib import Path

import pytest

from analysis.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"
AI_PAGE = "001_ae48cb718f3105d7.txt"
CLS_ARTICLE = "000_b0d5e31a29efcb58.txt"


@pytest.fixture(scope="session")
def seed_corpus():
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_articles(seed_corpus):
    return seed_corpus.articles.set_index("article_id", drop=False)
