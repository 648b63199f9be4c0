"""The numbers the executive summary and the limits quote, checked against the seed articles."""

import pytest

from analysis import summary
from analysis.figures import extract_figures


@pytest.fixture(scope="module")
def figures(seed_corpus):
    return extract_figures(seed_corpus.articles)


def test_key_numbers_lead_with_the_bank_of_china_plan(figures, seed_corpus):
    table = summary.key_numbers(figures, seed_corpus.articles)
    first = table.iloc[0]
    # 中国银行…提供合计规模不低于1万亿元专项综合金融支持 (seed 000, second paragraph)
    assert first["Bank"] == "中国银行 (Bank of China)"
    assert first["Figure"] == "≥ CNY 1 trn"
    assert "不低于1万亿元" in first["Sentence"]
    assert first["Article"] == "A1"


def test_key_numbers_carry_the_big_four_and_their_sentence(figures, seed_corpus):
    table = summary.key_numbers(figures, seed_corpus.articles)
    big_four = table[table["Finding"].str.startswith("Big-four")]
    # 第一梯队工农中建贷款规模分别为2.70万亿、2.10万亿、1.47万亿和2.24万亿
    assert list(big_four["Figure"]) == ["CNY 2.7 trn", "CNY 2.1 trn", "CNY 1.47 trn",
                                        "CNY 2.24 trn"]
    assert set(big_four["As of"]) == {"2023-12"}  # 截至2023年12月底, earlier in the paragraph
    for row in table.itertuples():
        assert row.Sentence in "".join(seed_corpus.articles["text"])


def test_big_four_share_of_the_sector(figures):
    share = summary.big_four_share(figures)
    # (2.70 + 2.10 + 1.47 + 2.24) / 13.44 万亿 = 63%
    assert share == {"big_four_total": "CNY 8.51 trn", "sector_total": "CNY 13.44 trn",
                     "big_four_share": "63%", "share_as_of": "2023-12"}


def test_special_loans_are_the_clearing_loans_of_the_third_article(figures):
    facts = summary.special_loan_facts(figures)
    assert facts["n_special"] >= 3
    assert "中国银行 (Bank of China)" in facts["special_banks"]
    assert facts["special_max"] == "CNY 980 mn"  # 不超过9.8亿元


def test_facts_count_what_the_tables_hold(figures, seed_corpus):
    facts = summary.method_facts(seed_corpus, figures)
    assert facts["n_articles"] == 4 and facts["n_files"] == 2
    assert facts["n_figures"] == len(figures)
    assert facts["n_money"] + facts["n_percent"] + facts["n_pp"] + facts["n_count"] == len(figures)
    assert facts["n_dates_inferred"] == 3  # the three articles of the newspaper page


def test_listing_reads_as_english():
    assert summary.listing(["a"]) == "a"
    assert summary.listing(["a", "b"]) == "a and b"
    assert summary.listing(["a", "b", "c"]) == "a, b and c"
