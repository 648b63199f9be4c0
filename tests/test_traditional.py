"""A traditional-character copy of each seed reads as its simplified original: the same
articles, bylines and dates, the same cleaning, and the same figures at the same offsets."""

import opencc
import pytest

from analysis.corpus import load_corpus
from analysis.figures import extract_figures
from tests.conftest import SEEDS

FIGURE_COLUMNS = ["start", "end", "kind", "value", "unit", "qualifier", "entity", "scope", "as_of",
                  "metric_family"]


@pytest.fixture(scope="module")
def traditional_seeds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("traditional")
    to_traditional = opencc.OpenCC("s2t")
    for path in SEEDS.iterdir():
        (folder / path.name).write_text(to_traditional.convert(path.read_text("utf-8")), "utf-8")
    return load_corpus(folder)


def test_the_copy_is_really_traditional(traditional_seeds):
    assert "銀行" in "".join(traditional_seeds.articles["text"])
    assert (traditional_seeds.articles["text_simplified"] != "").all()


def test_articles_bylines_and_dates_are_the_same(seed_corpus, traditional_seeds):
    columns = ["outlet", "authors", "place", "date", "date_source", "n_chars"]
    simple = seed_corpus.articles[columns].astype(str).to_numpy().tolist()
    assert traditional_seeds.articles[columns].astype(str).to_numpy().tolist() == simple
    kinds = seed_corpus.log["kind"].value_counts().to_dict()
    assert traditional_seeds.log["kind"].value_counts().to_dict() == kinds


def test_figures_banks_and_dates_are_the_same(seed_corpus, traditional_seeds):
    simple = extract_figures(seed_corpus.articles)[FIGURE_COLUMNS].fillna("").astype(str)
    copied = extract_figures(traditional_seeds.articles)
    assert copied[FIGURE_COLUMNS].fillna("").astype(str).to_numpy().tolist() == \
        simple.to_numpy().tolist()
    # the quotes keep the characters the article was written in
    assert any("億" in text or "萬" in text for text in copied["text"])
