"""Facts: figures merged across articles, with sources and conflicts (analysis.facts), on the
seed articles and on articles written for these tests that restate or contradict them."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis.cli import main
from analysis.facts import (
    FACT_COLUMNS,
    build_facts,
    empty_facts,
    n_conflicts,
    same_value,
    value_clusters,
)
from analysis.figures import METRIC_FAMILIES as FAMILIES
from analysis.figures import extract_figures, metric_family

# The seed article's sentence (000, 财联社), restated by another outlet with 2.70 written 2.7.
SEED = ("截至2023年12月底，第一梯队工农中建贷款规模分别为2.70万亿、2.10万亿、1.47万亿和"
        "2.24万亿。")
RESTATED = "截至2023年12月底，工商银行科技贷款规模为2.7万亿元，位居同业第一。"


def article(aid: str, text: str, date: str, story: str | None = None) -> dict:
    row = {"article_id": aid, "source_file": f"{aid}.md", "text": text, "date": date}
    return row if story is None else {**row, "story_id": story}


def facts_of(*rows: dict) -> pd.DataFrame:
    articles = pd.DataFrame(list(rows))
    return build_facts(extract_figures(articles), articles)


def test_a_second_article_restating_a_seed_figure_merges_into_one_fact():
    facts = facts_of(article("a", SEED, "2025-02-14"), article("b", RESTATED, "2025-03-01"))
    icbc = facts[facts["entity"] == "工商银行"]
    assert len(icbc) == 1
    fact = icbc.iloc[0]
    assert (fact["n_articles"], fact["article_ids"]) == (2, "a; b")
    assert (fact["metric_family"], fact["as_of"], fact["value"]) == ("loan_balance", "2023-12",
                                                                      2.7e12)
    assert (fact["first_seen"], fact["last_seen"]) == ("2025-02-14", "2025-03-01")
    assert not fact["conflict"] and fact["conflicting_values"] == ""
    assert fact["example_sentence"] in SEED
    assert list(facts.columns) == FACT_COLUMNS
    assert facts.iloc[0]["entity"] == "工商银行"  # most reported first


def test_group_and_attributable_profit_of_one_year_conflict():
    group = "2024年，建设银行实现净利润3362.73亿元，同比增长0.88%。"
    attributable = "2024年，建设银行归属于本行股东的净利润为3355.77亿元。"
    same = "建设银行2024年净利润3362.7亿元。"  # rounding of the first: the same value
    facts = facts_of(article("a", group, "2025-03-28"), article("b", attributable, "2025-03-29"),
                     article("c", same, "2025-03-30"))
    profit = facts[(facts["entity"] == "建设银行") & (facts["metric_family"] == "profit")]
    assert len(profit) == 2 and profit["conflict"].all()
    assert sorted(profit["n_articles"]) == [1, 2]
    listed = profit.iloc[0]["conflicting_values"]
    assert "CNY 335.6 bn" in listed and "CNY 336.3 bn" in listed
    assert n_conflicts(facts) == 1
    growth = facts[facts["metric_family"] == "growth"]
    assert not growth["conflict"].any()


def test_one_article_giving_two_values_of_a_family_is_no_conflict():
    two = "截至2024年末，招商银行科技贷款余额为1000亿元，绿色贷款余额为6000亿元。"
    one = "截至2024年末，招商银行绿色贷款余额6000亿元。"
    facts = facts_of(article("a", two, "2025-01-10"), article("b", one, "2025-01-11"))
    assert not facts["conflict"].any()
    assert sorted(facts["n_articles"]) == [1, 2]


def test_undated_figures_merge_only_with_the_same_value_and_metric():
    facts = facts_of(article("a", "中国银行提供不低于1万亿元专项综合金融支持。", "2025-02-14"),
                     article("b", "中国银行将提供1万亿元专项综合金融支持。", "2025-02-15"),
                     article("c", "中国银行提供5000亿元专项综合金融支持。", "2025-02-16"))
    assert sorted(facts["n_articles"]) == [1, 2]
    assert not facts["conflict"].any()  # undated: maybe two plans of two years


def test_stories_are_counted_when_articles_carry_them():
    facts = facts_of(article("a", RESTATED, "2025-03-01", "s1"),
                     article("b", RESTATED, "2025-03-02", "s1"),
                     article("c", RESTATED, "2025-03-03", "s2"))
    fact = facts[facts["entity"] == "工商银行"].iloc[0]
    assert (fact["n_articles"], fact["n_stories"]) == (3, 2)


def test_the_figures_table_own_family_column_is_used():
    articles = pd.DataFrame([article("a", RESTATED, "2025-03-01")])
    figures = extract_figures(articles).assign(metric_family="assets")
    assert set(build_facts(figures, articles)["metric_family"]) == {"assets"}


def test_same_value_is_rounding_not_a_new_figure():
    assert same_value(2.7e12, 2.70e12) and same_value(864.79e8, 865e8)
    assert not same_value(3362.73e8, 3355.77e8)  # 0.21%: beyond rounding at this precision
    assert not same_value(100, 101)


@given(st.lists(st.floats(min_value=1, max_value=1e13, allow_nan=False), min_size=1,
                max_size=30))
def test_a_value_cluster_never_spans_more_than_the_tolerance(values):
    labels = value_clusters(values)
    for cluster in set(labels):
        members = [v for v, c in zip(values, labels, strict=True) if c == cluster]
        assert same_value(min(members), max(members))
    assert len(labels) == len(values)


def test_no_figures_give_no_facts_with_the_columns():
    facts = build_facts(extract_figures(pd.DataFrame(columns=["article_id", "source_file",
                                                              "text"])))
    assert facts.empty and list(facts.columns) == FACT_COLUMNS


def test_cli_writes_the_facts_of_the_seeds(tmp_path):
    for suffix in (".csv", ".jsonl", ".parquet"):
        out = tmp_path / f"facts{suffix}"
        assert main(["facts", "data/raw", "-o", str(out)]) == 0
    table = pd.read_parquet(tmp_path / "facts.parquet")
    # the command groups reposts into stories, so the facts count stories too
    assert list(table.columns) == list(empty_facts(with_stories=True).columns)
    assert (table["n_stories"] <= table["n_articles"]).all()
    # 中国银行's 不低于1万亿元 is said twice in one article: one fact, one article
    plan = table[(table["entity"] == "中国银行") & (table["value"] == 1e12)]
    assert len(plan) == 1 and plan.iloc[0]["n_articles"] == 1
    assert len(pd.read_csv(tmp_path / "facts.csv")) == len(table)


def test_the_pipeline_stores_the_facts_once_and_reads_them_back(tmp_path, seed_corpus):
    from analysis import pipeline

    figures = extract_figures(seed_corpus.articles)
    first = pipeline.facts(seed_corpus.articles, figures, tmp_path)
    stored = list(tmp_path.glob("facts-*.parquet"))
    assert len(stored) == 1
    again = pipeline.facts(seed_corpus.articles, figures, tmp_path)
    pd.testing.assert_frame_equal(first, again, check_dtype=False)
    # another corpus (one article fewer) is another table, and replaces the stored one
    fewer = seed_corpus.articles.iloc[1:]
    other = pipeline.facts(fewer, extract_figures(fewer), tmp_path)
    assert len(other) < len(first) and len(list(tmp_path.glob("facts-*.parquet"))) == 1


@given(st.text(alphabet=st.sampled_from(list("贷款余额新增授信额度支持利润收入资产投资占比增长率同比净息差的科技")),
               max_size=12), st.sampled_from(["money", "percent", "pp", "count"]))
def test_every_metric_gets_a_family_of_the_vocabulary(metric, kind):
    family = metric_family(metric, kind)
    assert family in FAMILIES
    if kind == "count":
        assert family == "other"
    if kind in ("percent", "pp"):
        assert family in ("share", "growth", "rate", "other")
