"""The numbers the executive summary and the limits quote, checked against the seed articles
and written cases: chosen by generic rules, never an empty table."""


import pandas as pd
import pytest

from analysis import question, summary
from analysis.facts import build_facts
from analysis.figures import extract_figures


@pytest.fixture(scope="module")
def figures(seed_corpus):
    return extract_figures(seed_corpus.articles)


@pytest.fixture(scope="module")
def facts(figures, seed_corpus):
    return build_facts(figures, seed_corpus.articles)


def test_key_numbers_lead_with_the_largest_of_each_lending_family(facts, seed_corpus):
    table = summary.key_numbers(facts, seed_corpus.articles, question.load())
    assert table["Finding"].tolist()[:4] == [
        "Largest loan balance of one bank", "Largest new loans of one bank",
        "Largest credit line of one bank", "Largest commitment of one bank"]
    commitment = table.iloc[3]
    # 中国银行…提供合计规模不低于1万亿元专项综合金融支持 (seed 000, second paragraph)
    assert commitment["Bank"] == "中国银行 (Bank of China)"
    assert commitment["Figure"] == "≥ CNY 1 trn" and commitment["Sources"] == "A1"
    assert table.iloc[0]["Figure"] == "CNY 2.7 trn"  # 工商银行, 2023-12
    for row in table.itertuples():
        assert row.Sentence in "".join(seed_corpus.articles["text"])


def test_key_numbers_are_never_empty_when_there_are_facts(seed_corpus, facts):
    nothing_asked = question.load()
    object.__setattr__(nothing_asked, "families", ())
    table = summary.key_numbers(facts, seed_corpus.articles, nothing_asked)
    assert len(table) == 5  # no family asked, nothing repeated: the first facts
    assert summary.key_numbers(facts.iloc[:0], seed_corpus.articles, nothing_asked).empty


def test_key_numbers_list_conflicts_and_repeated_facts():
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c"], "source_file": ["a.md", "b.md", "c.md"],
        "date": ["2025-03-28", "2025-03-29", "2025-03-30"],
        "text": ["2024年，建设银行实现净利润3362.73亿元。", "2024年，建设银行归属于本行股东的净利润为3355.77亿元。",
                 "建设银行2024年净利润3362.73亿元。"]})
    facts = build_facts(extract_figures(articles), articles)
    table = summary.key_numbers(facts, articles, question.load())
    assert table["Finding"].tolist() == ["Reported by 2 articles", "Articles disagree"]
    assert "CNY 335.6 bn" in table.iloc[1]["Figure"]
    assert summary.fact_facts(facts)["conflicts"] == "1 conflict"


def test_peer_headline_is_the_big_four_against_the_sector(facts):
    share = summary.peer_headline(facts)
    # (2.70 + 2.10 + 1.47 + 2.24) / 13.44 万亿 = 63%, found by the peer rule, not by name
    assert (share["peers_total"], share["sector_total"], share["peers_share"], share["as_of"]) == (
        "CNY 8.51 trn", "CNY 13.44 trn", "63%", "2023-12")


def test_product_headline_is_the_clearing_loans(figures, seed_corpus):
    asked = question.load()
    product = summary.product_headline(figures, asked)
    assert product["product"] == "清欠专项贷款" and product["n_product_banks"] >= 3
    # the clearing-loan article names no AI: no product among the relevant ones, so all count
    relevance = question.relevance(seed_corpus.articles, asked)
    assert summary.product_headline(figures, asked, relevance)["where"] == "in the articles"
    assert product["product_max"] == "CNY 980 mn"  # 不超过9.8亿元


def test_question_facts(seed_corpus):
    asked = question.load()
    numbers = summary.question_facts(question.relevance(seed_corpus.articles, asked), asked)
    assert numbers["relevant"] == "2 articles" and numbers["n_other"] == 2


def test_facts_count_what_the_tables_hold(figures, seed_corpus):
    numbers = summary.method_facts(seed_corpus, figures)
    assert numbers["n_articles"] == 4 and numbers["n_files"] == 2
    assert numbers["n_figures"] == len(figures)
    assert (numbers["n_money"] + numbers["n_percent"] + numbers["n_pp"] + numbers["n_count"]
            == len(figures))
    assert numbers["n_dates_inferred"] == 3  # the three articles of the newspaper page


def test_summary_does_not_import_the_report_builder():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(summary))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not imported & {"analysis.report", "analysis.build", "analysis.display"}


def test_listing_reads_as_english():
    assert summary.listing(["a"]) == "a"
    assert summary.listing(["a", "b"]) == "a and b"
    assert summary.listing(["a", "b", "c"]) == "a, b and c"


@pytest.mark.parametrize("name", ["bank-news", "web-news"])
def test_the_summary_has_content_on_the_shared_corpora(name, shared_analysis):
    corpus, _, facts = shared_analysis(name)
    asked = question.load()
    table = summary.key_numbers(facts, corpus.articles, asked)
    assert 1 <= len(table) <= 10
    assert (table["Figure"] != "").all() and (table["Sentence"] != "").all()
    numbers = summary.question_facts(question.relevance(corpus.articles, asked), asked)
    assert numbers["n_relevant"] + numbers["n_other"] == len(corpus.articles)
    assert summary.fact_facts(facts)["n_facts"] == len(facts) > 0


@pytest.mark.parametrize("n_articles, n_stories, expected", [
    (117, 117, "No article is a repost of another, so every article counts once."),
    (5, 4, "Counts are per story: the 1 repost of a story another article tells is left out"),
    (20, 12, "Counts are per story: the 8 reposts of a story another article tells are left out"),
])
def test_story_counting_reads_right_for_none_one_and_many(n_articles, n_stories, expected):
    from analysis.summary import story_counting
    assert story_counting(n_articles, n_stories).startswith(expected)
