"""Term counts, topic shares, keywords and bank mentions on the seed articles."""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest
import stopwordsiso

from analysis import topics
from analysis.cli import main
from analysis.corpus import ARTICLE_COLUMNS
from analysis.plotting import (
    plot_bank_mentions,
    plot_term_by_article,
    plot_term_top,
    plot_topic_heatmap,
)
from analysis.text import TermOptions, cut
from tests.conftest import AI_PAGE, CLS_ARTICLE, SEEDS

DEBT_ARTICLE = AI_PAGE.removesuffix(".txt") + "-2"
PENSION_ARTICLE = AI_PAGE.removesuffix(".txt") + "-3"
CLS = CLS_ARTICLE.removesuffix(".txt") + "-1"


@pytest.fixture(scope="module")
def articles(seed_corpus):
    return seed_corpus.articles


@pytest.fixture(scope="module")
def counts(articles):
    return topics.term_counts(articles, TermOptions(segmenter="jieba"), processes=1)


def make_articles(*texts: str) -> pd.DataFrame:
    rows = [{c: None for c in ARTICLE_COLUMNS} | {
        "article_id": f"t-{i}", "source_file": f"t{i}.md", "title": "", "sections": [],
        "text": text} for i, text in enumerate(texts, start=1)]
    return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)


def is_number_or_punctuation(term: str) -> bool:
    return all(unicodedata.category(ch)[0] in "NPSZ" for ch in term)


# ---------------------------------------------------------------- term counts


def test_term_counts_table_shape(counts, articles):
    assert list(counts.columns) == ["article_id", "source_file", "term", "count"]
    assert list(counts["article_id"].unique()) == list(articles["article_id"])
    assert (counts["count"] > 0).all()
    assert not counts.duplicated(["article_id", "term"]).any()
    source = dict(zip(articles["article_id"], articles["source_file"], strict=True))
    assert (counts["article_id"].map(source) == counts["source_file"]).all()


def test_rows_sorted_by_count_then_term_within_each_article(counts):
    for _, group in counts.groupby("article_id", sort=False):
        keys = list(zip(-group["count"], group["term"], strict=True))
        assert keys == sorted(keys)


def test_no_stopword_number_punctuation_or_single_character_among_top_terms(counts):
    iso = set(stopwordsiso.stopwords("zh"))
    top = list(topics.top_terms(counts, 50)["term"]) + list(
        topics.top_terms_by_article(counts, 30)["term"])
    assert [t for t in top if len(t) < 2 or t in iso or is_number_or_punctuation(t)] == []
    assert not {"表示", "亿元", "财联社", "SH"} & set(top)


def test_counts_trace_back_to_the_text(counts, articles):
    text = articles.set_index("article_id").loc[DEBT_ARTICLE]
    whole = text["title"] + "\n" + text["text"]
    row = counts[(counts["article_id"] == DEBT_ARTICLE) & (counts["term"] == "清欠专项贷款")]
    assert int(row["count"].iloc[0]) == whole.count("清欠专项贷款") == 11
    cls = counts[counts["article_id"] == CLS].set_index("term")["count"]
    assert cls["DeepSeek"] == 6  # title 1, text 5
    assert cls["科技金融"] == 6
    # section headings count too: "AI产业链融资需求火爆，金融资金加速涌入" is one
    assert cls["产业链"] >= 1


def test_output_is_deterministic(articles, counts):
    again = topics.term_counts(articles, TermOptions(segmenter="jieba"), processes=1)
    pd.testing.assert_frame_equal(counts, again)
    in_two = topics.term_counts(articles, TermOptions(segmenter="jieba"), processes=2)
    pd.testing.assert_frame_equal(counts, in_two)
    rust = topics.term_counts(articles, TermOptions(segmenter="rjieba"), processes=2)
    pd.testing.assert_frame_equal(counts, rust)
    shuffled = topics.term_counts(articles.iloc[::-1], TermOptions(segmenter="jieba"))
    assert list(shuffled["article_id"].unique()) == list(articles["article_id"])[::-1]
    order = {a: i for i, a in enumerate(articles["article_id"])}
    back = shuffled.sort_values("article_id", key=lambda s: s.map(order), kind="stable")
    pd.testing.assert_frame_equal(back.reset_index(drop=True), counts)


def test_processes_from_the_environment(monkeypatch):
    monkeypatch.setenv(topics.PROCESSES_ENV, "2")
    assert topics.resolve_processes(None, 10) == 2
    assert topics.resolve_processes(None, 1) == 1  # never more workers than articles
    monkeypatch.delenv(topics.PROCESSES_ENV)
    assert topics.resolve_processes(None, 3) == 1  # small corpora stay in one process
    assert topics.resolve_processes(1, 1000) == 1


def test_empty_corpus_gives_empty_tables():
    empty = make_articles().iloc[0:0]
    assert list(topics.term_counts(empty).columns) == topics.TERM_COLUMNS
    assert list(topics.topic_shares(empty).columns) == topics.TOPIC_COLUMNS
    assert list(topics.keywords(empty).columns) == topics.KEYWORD_COLUMNS
    assert list(topics.bank_mentions(empty).columns) == topics.BANK_COLUMNS
    assert topics.term_counts(empty).empty


def test_cli_writes_term_counts(tmp_path, counts, monkeypatch):
    monkeypatch.setenv("ANALYSIS_SEGMENTER", "rjieba")
    out = tmp_path / "terms.csv"
    assert main(["terms", str(SEEDS), "-o", str(out)]) == 0
    written = pd.read_csv(out)
    assert list(written.columns) == ["article_id", "source_file", "term", "count"]
    assert list(written["term"]) == list(counts["term"])
    assert list(written["count"]) == list(counts["count"])


# ---------------------------------------------------------------- topics


def test_taxonomy_terms_are_whole_tokens_in_one_topic():
    table = topics.topic_terms()
    assert not table["term"].duplicated().any()
    assert [t for t in table["term"] if cut(t, hmm=False) != [t]] == []
    assert set(topics.topic_labels()) == set(table["topic"])


def test_topic_shares_sum_to_one_per_article(articles, counts):
    shares = topics.topic_shares(articles, counts)
    assert list(shares.columns) == ["article_id", "topic", "count", "share"]
    sums = shares.groupby("article_id")["share"].sum()
    assert sums.to_numpy() == pytest.approx(1.0)
    assert ((shares["share"] > 0) & (shares["share"] <= 1)).all()
    assert set(shares["topic"]) <= set(topics.taxonomy())


def test_each_article_leads_with_its_subject(articles, counts):
    shares = topics.topic_shares(articles, counts)
    lead = shares.sort_values("share", ascending=False).groupby("article_id").head(1)
    lead = dict(zip(lead["article_id"], lead["topic"], strict=True))
    assert lead[CLS] == "ai_industry"
    assert lead[DEBT_ARTICLE] == "debt_clearance"
    assert lead[PENSION_ARTICLE] == "pension_finance"


def test_topic_count_is_the_number_of_its_words_in_the_text():
    articles = make_articles("养老金融与养老服务。清欠专项贷款，清欠！")
    shares = topics.topic_shares(articles).set_index("topic")
    assert shares.loc["pension_finance", "count"] == 2  # 养老金融, 养老
    assert shares.loc["debt_clearance", "count"] == 2  # 清欠专项贷款, 清欠
    assert shares["share"].tolist() == [0.5, 0.5]


def test_topic_matrix_covers_every_article_and_topic(articles, counts):
    matrix = topics.topic_matrix(topics.topic_shares(articles, counts), articles)
    assert list(matrix.index) == list(articles["article_id"])
    assert list(matrix.columns) == list(topics.taxonomy())
    assert matrix.sum(axis=1).to_numpy() == pytest.approx(1.0)


# ---------------------------------------------------------------- keywords


def test_keywords_set_each_article_apart(articles, counts):
    found = topics.keywords(articles, k=5, counts=counts)
    assert list(found.columns) == ["article_id", "term", "score", "rank"]
    for _, group in found.groupby("article_id"):
        assert list(group["rank"]) == list(range(1, len(group) + 1))
        assert list(group["score"]) == sorted(group["score"], reverse=True)
    first = found[found["rank"] == 1].set_index("article_id")["term"]
    assert first[DEBT_ARTICLE].startswith("清欠")
    assert first[PENSION_ARTICLE] == "养老金融"
    # 银行 is in every article: frequent everywhere, it sets none apart
    assert "银行" not in set(found["term"])


# ---------------------------------------------------------------- banks


def test_aliases_and_groups_merge_into_canonical_banks():
    articles = make_articles("中行与中国银行，工农中建和建行；中国银行业整体向好。")
    found = topics.bank_mentions(articles).set_index("bank")
    assert found["count"].to_dict() == {"中国银行": 3, "建设银行": 2, "工商银行": 1, "农业银行": 1}
    assert found.loc["中国银行", "bank_en"] == "Bank of China"


def test_sector_is_not_the_bank():
    assert topics.bank_mentions(make_articles("中国银行业敏锐觉察到变化。")).empty


def test_bank_mentions_on_the_seeds(articles):
    mentions = topics.bank_mentions(articles)
    assert list(mentions.columns) == ["article_id", "bank", "bank_en", "count"]
    cls = mentions[mentions["article_id"] == CLS].set_index("bank")["count"]
    text = articles.set_index("article_id").loc[CLS, "text"]
    literal = text.count("中国银行") - text.count("中国银行业")
    # 中行 (7 times, one in the title) and the group 工农中建 add to the literal name
    assert cls["中国银行"] >= literal + 7 + 1
    totals = topics.bank_totals(mentions)
    assert totals.iloc[0]["bank"] == "中国银行"
    assert totals["count"].sum() == mentions["count"].sum()


# ---------------------------------------------------------------- charts


def test_charts_draw_every_label(articles, counts, tmp_path):
    """Matplotlib's missing-glyph warning is an error under pytest (pyproject)."""
    import matplotlib.pyplot as plt

    labels = topics.article_labels(articles)
    shares = topics.topic_shares(articles, counts)
    mentions = topics.bank_mentions(articles)
    bank_labels = {b: f"{b} {e}" for b, e in zip(mentions["bank"], mentions["bank_en"],
                                                  strict=True)}
    figures = [
        plot_term_top(topics.top_terms(counts, 20)),
        plot_term_by_article(topics.top_terms_by_article(counts, 8), labels),
        plot_topic_heatmap(topics.topic_matrix(shares, articles),
                           topics.topic_matrix(shares, articles, "count"), labels,
                           topics.topic_labels()),
        plot_bank_mentions(topics.mentions_matrix(mentions, articles), labels, bank_labels),
    ]
    for i, fig in enumerate(figures):
        fig.savefig(tmp_path / f"{i}.png")
        plt.close(fig)


# ---------------------------------------------------------------- stories, not copies

REPOSTED = ("工商银行科技贷款余额突破三万亿元，建设银行和农业银行紧随其后。"
            "多家银行表示将加大对人工智能企业的信贷投放，算力基础设施和大模型研发是重点。")
OTHER = "招商银行发布年报，零售业务收入增长，财富管理规模扩大，数字化转型持续推进。"


@pytest.fixture(scope="module")
def reposted():
    """One story told three times (a source line added, a character changed), and another."""
    return make_articles(REPOSTED, "来源：某某网\n" + REPOSTED, REPOSTED.replace("其后", "之后"),
                         OTHER)


def test_bank_mentions_count_a_reposted_story_once(reposted):
    copies = topics.bank_totals(topics.bank_mentions(reposted)).set_index("bank")
    stories = topics.bank_totals(topics.bank_mentions(reposted, per_story=True)).set_index("bank")
    assert copies.loc["工商银行", ["count", "articles"]].tolist() == [3, 3]
    assert stories.loc["工商银行", ["count", "articles"]].tolist() == [1, 1]
    assert stories.loc["招商银行", "count"] == copies.loc["招商银行", "count"] == 1


def test_topic_shares_and_terms_count_each_story_once(reposted):
    shares = topics.topic_shares(reposted, per_story=True)
    assert set(shares["article_id"]) == {"t-2", "t-4"}  # undated copies: the longest represents
    counts = topics.term_counts(reposted, TermOptions(segmenter="jieba"), processes=1,
                                per_story=True)
    assert topics.top_terms(counts, n=1000).set_index("term").loc["科技贷款", "count"] == 1
    all_counts = topics.term_counts(reposted, TermOptions(segmenter="jieba"), processes=1)
    assert topics.top_terms(all_counts, n=1000).set_index("term").loc["科技贷款", "count"] == 3
    # Precomputed counts are narrowed to the representatives as well.
    assert topics.topic_shares(reposted, all_counts, per_story=True).equals(shares)
