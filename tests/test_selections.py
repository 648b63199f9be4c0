"""Selections: what each lending chart and table shows, by generic rules (analysis.selections),
checked on the seed articles, on cases written for these tests and, when ../shared is there, on
the shared corpora; and the lending charts drawing every selection."""


import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis import question as questions
from analysis import resources
from analysis.facts import build_facts
from analysis.figures import extract_figures
from analysis.formatting import bank_label, format_value
from analysis.selections import (
    distinct,
    figure_table,
    figures_over_time,
    latest_table,
    loan_products,
    peer_comparisons,
    peer_share,
    product_figures,
    product_stem,
    scope_statistics,
)


@pytest.fixture(scope="module")
def seed_figures(seed_corpus) -> pd.DataFrame:
    return extract_figures(seed_corpus.articles)


@pytest.fixture(scope="module")
def seed_facts(seed_figures, seed_corpus) -> pd.DataFrame:
    return build_facts(seed_figures, seed_corpus.articles)


def article(aid: str, text: str, date: str = "2025-03-01") -> dict:
    return {"article_id": aid, "source_file": f"{aid}.md", "text": text, "date": date}


# ------------------------------------------------------------------ moved from figures.py

# The big four as banks.yaml groups them (工农中建): what the generic rules must find.
BIG_FOUR = sorted(resources.bank_aliases()["工农中建"])


def test_distinct_shows_a_repeated_figure_once(seed_figures):
    said_twice = seed_figures[seed_figures["text"] == "1万亿元"]
    assert len(said_twice) == 2  # the article says it twice
    assert (distinct(said_twice)["text"] == "1万亿元").sum() == 1


def test_display_helpers(seed_figures):
    assert format_value(1e12, "CNY", "≥") == "≥ CNY 1 trn"
    assert format_value(3.49999e11, "CNY") == "CNY 350 bn"
    assert format_value(1.08e7, "CNY") == "CNY 10.8 mn"
    assert format_value(15.8, "pp") == "15.8 pp"
    assert format_value(30.74, "%", "<") == "< 30.74%"
    assert format_value(1600, "家", ">") == "> 1,600 家"
    assert bank_label("中国银行") == "中国银行 (Bank of China)"
    assert bank_label(None) == ""
    table = figure_table(seed_figures)
    assert table["quote"].tolist() == seed_figures["sentence"].tolist()


# ------------------------------------------------------------------ generic rules on the seeds

def test_peer_rule_finds_the_big_four_against_the_sector(seed_facts):
    # No bank, date or family is named here: >= 3 banks with one family at one date.
    comparisons = peer_comparisons(seed_facts)
    assert len(comparisons) == 1
    first = comparisons[0]
    assert (first["family"], first["as_of"], first["unit"]) == ("loan_balance", "2023-12", "CNY")
    assert sorted(first["banks"]["entity"]) == BIG_FOUR
    assert first["reference"]["value"].tolist() == [13.44e12]
    share = peer_share(first)
    assert (share["peers_total"], share["sector_total"], share["peers_share"]) == (
        "CNY 8.51 trn", "CNY 13.44 trn", "63%")


def test_product_rule_finds_the_clearing_loans(seed_figures):
    products = loan_products(seed_figures, questions.load())
    assert products.iloc[0]["product"] == "清欠专项贷款"
    assert products.iloc[0]["n_banks"] >= 3
    table = product_figures(seed_figures, products.iloc[0]["stem"])
    assert {"工商银行", "中国银行", "建设银行"} <= set(table["entity"])
    assert table["value"].max() == 9.8e8  # 不超过9.8亿元
    assert not table["metric"].str.contains("清偿").any()  # repayments are not loans


def test_product_stem():
    lending, verbs = {"贷款": "", "融资": ""}, ("发放",)
    assert product_stem("清欠专项贷款", lending, verbs) == "清欠"
    assert product_stem("算力贷", lending, verbs) == "算力"
    assert product_stem("发放贷款", lending, verbs) == ""  # an act, not a product
    assert product_stem("专项贷款", lending, verbs) == ""
    assert product_stem("贷款", lending, verbs) == ""


def test_latest_table_keeps_top_banks_and_the_latest_value(seed_facts):
    table = latest_table(seed_facts, n_banks=3, n_families=2)
    assert len(table) == 4  # three banks and "other banks"
    assert table.iloc[-1]["Bank"].startswith("other banks")
    boc = table[table["Bank"] == "中国银行 (Bank of China)"].iloc[0]
    # 2024-11 (数字经济核心产业贷款余额 4100亿) is later than 2023-12 (贷款规模 1.47万亿)
    assert boc["loan_balance"] == "CNY 410 bn · 2024-11 · 1 src"
    assert "other families" in table.columns


def test_over_time_needs_two_dates(seed_facts):
    table = figures_over_time(seed_facts)
    per_bank = table.groupby(["metric_family", "entity"])["as_of"].nunique()
    assert len(table) and (per_bank.groupby("metric_family").max() >= 2).all()
    assert table["entity"].nunique() <= 10
    one_date = seed_facts[seed_facts["as_of"] == "2023-12"]
    assert figures_over_time(one_date).empty


def test_over_time_wants_a_series_not_dots_of_different_banks():
    def facts_of(*texts):
        articles = pd.DataFrame([article(f"a{i}", t) for i, t in enumerate(texts)])
        return build_facts(extract_figures(articles), articles)

    dots = facts_of("截至2023年末，工商银行科技贷款余额为3000亿元。",
                    "截至2025年6月末，招商银行科技贷款余额为900亿元。")
    assert figures_over_time(dots).empty
    series = facts_of("截至2023年末，工商银行科技贷款余额为3000亿元。",
                      "截至2025年6月末，工商银行科技贷款余额为3600亿元。",
                      "截至2025年6月末，招商银行科技贷款余额为900亿元。")
    table = figures_over_time(series)
    assert set(table["as_of"]) == {"2023-12", "2025-06"}
    assert set(table["entity"]) == {"工商银行", "招商银行"}  # the other bank stays for scale


def test_rules_on_written_cases_and_nothing():
    rows = [article("a", "截至2024年末，甲银行、乙银行和丙银行的算力贷款余额分别为100亿元、80亿元和60亿元。"),
            article("b", "截至2024年末，银行业算力贷款余额为900亿元。")]
    rows = [{**r, "text": r["text"].replace("甲银行", "工商银行").replace("乙银行", "农业银行")
             .replace("丙银行", "招商银行")} for r in rows]
    articles = pd.DataFrame(rows)
    facts = build_facts(extract_figures(articles), articles)
    first = peer_comparisons(facts)[0]
    assert first["n_banks"] == 3 and first["as_of"] == "2024-12"
    assert peer_share(first)["peers_share"] == "27%"
    empty = facts.iloc[:0]
    assert peer_comparisons(empty) == [] and latest_table(empty).empty
    assert figures_over_time(empty).empty and scope_statistics(empty).empty


# ------------------------------------------------------------------ shared corpora

@pytest.mark.parametrize("name", ["bank-news", "web-news"])
def test_rules_on_the_shared_corpora_are_bounded(name, shared_analysis):
    _, figures, facts = shared_analysis(name)
    assert len(facts) and len(facts) <= len(figures)
    table = latest_table(facts)
    assert len(table) <= 9 and table.shape[1] <= 8
    for comparison in peer_comparisons(facts):
        assert comparison["n_banks"] >= 3 and len(comparison["banks"]) <= 12
    over_time = figures_over_time(facts)
    assert over_time["entity"].nunique() <= 10 and over_time["metric_family"].nunique() <= 6
    assert len(scope_statistics(facts)) <= 12


# ------------------------------------------------------------------ charts

def test_lending_charts_draw_every_selection_without_missing_glyphs(seed_figures, seed_facts,
                                                                     tmp_path):
    # pyproject turns matplotlib's "Glyph … missing from font" warning into an error
    from analysis.lending_charts import (
        plot_lending_bank_label,
        plot_lending_bars,
        plot_lending_central_bank,
        plot_lending_over_time,
        plot_lending_peers,
    )
    from analysis.plotting import save_figure

    products = loan_products(seed_figures, questions.load())
    special = product_figures(seed_figures, products.iloc[0]["stem"])
    peers = peer_comparisons(seed_facts)[0]
    charts = {
        "peers": plot_lending_peers(peers),
        "special": plot_lending_bars(special, [plot_lending_bank_label(b)
                                               for b in special["entity"]], "清欠", "yuan"),
        "central-bank": plot_lending_central_bank(scope_statistics(seed_facts)),
        "over-time": plot_lending_over_time(figures_over_time(seed_facts)),
        "empty": plot_lending_bars(special.iloc[:0], [], "清欠", "yuan"),
        "empty-over-time": plot_lending_over_time(figures_over_time(seed_facts.iloc[:0])),
    }
    for name, chart in charts.items():
        for path in save_figure(chart, name, tmp_path):
            assert path.stat().st_size > 0
        plt.close(chart)
    assert charts["special"].axes[0].get_xscale() == "log"  # millions to a billion
    assert charts["peers"].axes[0].get_xscale() == "linear"
    labels = [t.get_text() for t in charts["peers"].axes[0].get_yticklabels()]
    assert sorted(label.split(" ")[0] for label in labels) == BIG_FOUR
    assert "63%" in charts["peers"].axes[0].get_xlabel()
    legend = charts["over-time"].legends[0]
    assert 1 <= len(legend.get_texts()) <= 10


def test_every_lending_chart_on_the_shared_bank_news_is_readable(tmp_path, shared_analysis):
    from analysis.lending_charts import (
        plot_lending_central_bank,
        plot_lending_over_time,
        plot_lending_peers,
        plot_lending_product,
    )

    _, figures, facts = shared_analysis("bank-news")
    asked = questions.load()
    products = loan_products(figures, asked)
    charts = [plot_lending_peers(c) for c in peer_comparisons(facts)[:2]]
    charts.append(plot_lending_over_time(figures_over_time(facts)))
    charts.append(plot_lending_central_bank(scope_statistics(facts)))
    charts += [plot_lending_product(product_figures(figures, p.stem), p.product)
               for p in products.head(1).itertuples()]
    assert len(charts) >= 4  # this corpus has peers, dates, central-bank figures, a product
    for chart in charts:
        width, height = chart.get_size_inches()
        assert width <= 8.5 and height <= 11  # fits an A4 page
        for ax in chart.axes:
            bars = [p for p in ax.patches if p.get_width() > 0]
            assert len(bars) <= 12
        for legend in chart.legends + [ax.get_legend() for ax in chart.axes if ax.get_legend()]:
            assert len(legend.get_texts()) <= 10
        assert len(chart.axes) <= 12
        plt.close(chart)
