"""The question as data (resources/question.yaml) and each article's relevance to it."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import question as questions

GREEN = """
title: "Chinese banks and green finance"
subject: Chinese banks
focus:
  label: green finance
  terms: {绿色: green, 碳中和: carbon neutrality, 新能源: new energy}
lending:
  label: bank lending
  terms: {贷款: loans, 授信: credit lines}
relevance: {min_hits_per_1000: 2, min_lending_hits: 1}
families: [loan_balance]
"""


def articles(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))],
                         "text": list(texts)})


def test_the_default_question_is_banks_and_ai():
    asked = questions.load()
    assert "人工智能" in asked.focus and "AI" in asked.focus and "算力" in asked.focus
    assert "贷款" in asked.lending and "授信" in asked.lending
    assert asked.families[0] == "loan_balance"


def test_relevance_needs_the_focus_and_lending():
    both = "银行加大对人工智能企业的贷款投放，算力贷款余额增长。"
    table = questions.relevance(articles(
        both,
        "人工智能大模型发展迅速，算力需求旺盛。",  # focus without lending
        "银行加大清欠专项贷款投放。",  # lending without focus
        ""))
    assert table["relevant"].tolist() == [True, False, False, False]
    assert table.loc[0, "focus_hits"] == 2 and table.loc[0, "lending_hits"] == 2
    assert table.loc[0, "relevance"] == pytest.approx(1000 * 2 / len(both), abs=0.01)
    assert table.loc[3, "relevance"] == 0


def test_latin_terms_count_only_as_words():
    table = questions.relevance(articles("He said the AI loan (AI贷款) was paid."))
    assert table.loc[0, "focus_hits"] == 2  # "said" holds no AI


def test_traditional_text_counts_as_simplified():
    simple = "银行为人工智能企业发放贷款，支持算力建设。"
    traditional = simple.translate(str.maketrans("银为发贷设", "銀為發貸設"))
    table = questions.relevance(articles(simple, traditional))
    assert table["focus_hits"].tolist()[0] == table["focus_hits"].tolist()[1]
    assert table["lending_hits"].tolist()[0] == table["lending_hits"].tolist()[1] == 1
    # a text_simplified column, when present and not empty, is what is counted
    with_column = articles("x").assign(text_simplified=[simple])
    assert questions.relevance(with_column).loc[0, "relevant"]


def test_another_question_is_only_another_file(tmp_path, monkeypatch, seed_corpus):
    path = tmp_path / "green.yaml"
    path.write_text(GREEN, encoding="utf-8")
    green = questions.load(path)
    assert green.title == "Chinese banks and green finance" and green.min_hits_per_1000 == 2
    assert green.ask == "what the articles say about Chinese banks and green finance"
    text = "银行绿色贷款余额增长，支持新能源和碳中和项目。人工智能。"
    assert questions.relevance(articles(text), green).loc[0, "relevant"]
    assert not questions.relevance(articles("人工智能贷款。"), green).loc[0, "relevant"]
    # the report's loader follows $ANALYSIS_QUESTION
    monkeypatch.setenv("ANALYSIS_QUESTION", str(path))
    assert questions.load().focus_label == "green finance"
    seeds = questions.relevance(seed_corpus.articles)
    assert len(seeds) == len(seed_corpus.articles)


def test_seed_relevance_finds_the_ai_articles(seed_corpus):
    table = questions.relevance(seed_corpus.articles)
    titles = dict(zip(seed_corpus.articles["article_id"], seed_corpus.articles["title"],
                      strict=True))
    relevant = [titles[a] for a in table.loc[table["relevant"], "article_id"]]
    assert len(relevant) == 2 and any("AI" in t for t in relevant)
    assert not any("清欠" in t for t in relevant)  # the clearing-loan article names no AI
    summary = questions.relevance_summary(table)
    assert (summary["n_relevant"], summary["n_other"]) == (2, 2)


def test_a_question_file_without_focus_is_refused(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("title: x\nlending: {terms: {贷款: loans}}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="focus"):
        questions.load(path)


@given(st.lists(st.sampled_from([*"人工智能AI算力芯片贷款授信融资银行的。 said", "AI", "贷款"]),
                max_size=60).map("".join))
def test_relevance_of_any_text(text):
    table = questions.relevance(articles(text))
    row = table.iloc[0]
    assert row["relevance"] >= 0 and row["focus_hits"] >= 0 and row["lending_hits"] >= 0
    assert row["relevant"] == (row["relevance"] >= 1.0 and row["lending_hits"] >= 1)
    assert row["n_chars"] == len(text)
