"""The processed-table cache: unchanged files are not cleaned again, a changed one is."""

import shutil

import pandas as pd

import analysis.corpus
from analysis.corpus import load_corpus
from tests.conftest import SEEDS


def counting_cleaner(monkeypatch):
    calls = []
    real = analysis.corpus.clean_document

    def clean(document, segmenter="jieba"):
        calls.append(document.source_file)
        return real(document, segmenter)

    monkeypatch.setattr(analysis.corpus, "clean_document", clean)
    return calls


def test_cached_run_equals_fresh_run_and_skips_cleaning(tmp_path, monkeypatch, seed_corpus):
    cache = tmp_path / "processed"
    calls = counting_cleaner(monkeypatch)
    first = load_corpus(SEEDS, cache_dir=cache)
    assert sorted(calls) == sorted(p.name for p in SEEDS.iterdir())
    assert list(cache.glob("corpus-articles-*.parquet"))
    calls.clear()
    second = load_corpus(SEEDS, cache_dir=cache)
    assert calls == []
    for got in (first, second):
        pd.testing.assert_frame_equal(got.articles, seed_corpus.articles)
        pd.testing.assert_frame_equal(got.log, seed_corpus.log)


def test_a_changed_file_is_cleaned_alone(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cache = tmp_path / "processed"
    load_corpus(corpus, cache_dir=cache)
    changed = next(corpus.glob("000_*.txt"))
    changed.write_text(changed.read_text("utf-8") + "\n\n新增一段：银行加大科技贷款投放。\n", "utf-8")
    calls = counting_cleaner(monkeypatch)
    again = load_corpus(corpus, cache_dir=cache)
    assert calls == [changed.name]
    assert "新增一段" in again.articles.iloc[0]["text"]


def test_per_article_stage_is_computed_once_per_article(tmp_path, seed_corpus):
    from analysis.cache import per_article

    calls = []

    def lengths(articles):
        calls.append(list(articles["article_id"]))
        return pd.DataFrame({"article_id": articles["article_id"],
                             "n": articles["text"].str.len().astype(int)})

    articles = seed_corpus.articles
    first = per_article(articles, "lengths", lengths, tmp_path)
    second = per_article(articles, "lengths", lengths, tmp_path)
    assert calls == [list(articles["article_id"]), []]
    assert first["n"].tolist() == second["n"].tolist() == articles["text"].str.len().tolist()
