"""Time series of the report: every period of the span present, small groups as "other"."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis import timeline
from analysis.cleaning import outlet_label


def articles(rows):
    """rows: (article_id, date or None, outlet or None)."""
    return pd.DataFrame(rows, columns=["article_id", "date", "outlet"])


def test_articles_per_month_fill_the_span_with_zeros_and_leave_undated_out():
    table = timeline.articles_by_period(articles([
        ("a", "2024-01-05", "财联社"), ("b", "2024-01-20", "财联社"),
        ("c", "2024-04-02", "中国经营报"), ("d", None, "财联社"), ("e", "2024-02-30", None),
    ]))
    months = [str(p) for p in dict.fromkeys(table["period"])]
    assert months == ["2024-01", "2024-02", "2024-03", "2024-04"]
    counts = table.set_index(["period", "outlet"])["articles"]
    cls = outlet_label("财联社")  # the reader's name, "财联社 (Cailian Press)"
    assert counts[(pd.Period("2024-01", "M"), cls)] == 2
    assert counts[(pd.Period("2024-03", "M"), cls)] == 0
    assert table["articles"].sum() == 3  # d has no date; 2024-02-30 is no date either
    assert timeline.undated(articles([("d", None, None), ("e", "2024-02-30", None),
                                      ("f", "2024-02-03", None)])) == 2


def test_outlets_beyond_the_top_are_other_and_unknown_outlets_are_named():
    rows = [(f"x{i}", "2024-01-01", "财联社") for i in range(5)]
    rows += [(f"y{i}", "2024-02-01", "中国经营报") for i in range(3)]
    rows += [("z1", "2024-03-01", "第一财经"), ("z2", "2024-03-01", "证券时报"),
             ("z3", "2024-03-01", None)]
    table = timeline.articles_by_period(articles(rows), n_outlets=2)
    outlets = list(dict.fromkeys(table["outlet"]))
    assert outlets[-1] == timeline.OTHER and len(outlets) == 3
    assert table.loc[table["outlet"] == timeline.OTHER, "articles"].sum() == 3
    assert table["articles"].sum() == len(rows)
    unknown = timeline.articles_by_period(articles([("a", "2024-01-01", None)]))
    assert list(unknown["outlet"]) == [timeline.UNKNOWN_OUTLET]


def test_long_spans_are_binned_by_quarter_then_year():
    assert timeline.frequency(pd.Series(["2020-01-01", "2023-12-31"])) == "M"  # 48 months
    assert timeline.frequency(pd.Series(["2020-01-01", "2024-01-01"])) == "Q"
    assert timeline.frequency(pd.Series(["2000-01-01", "2024-01-01"])) == "Y"
    assert timeline.frequency(pd.Series([None, None])) == "M"
    table = timeline.articles_by_period(articles([("a", "2018-05-01", "财联社"),
                                                  ("b", "2024-01-01", "财联社")]))
    assert str(table["period"].iloc[0]) == "2018Q2" and len(table) == 24


def test_topic_shares_of_a_period_count_words_and_sum_to_one():
    arts = articles([("a", "2024-01-01", None), ("b", "2024-01-15", None),
                     ("c", "2024-03-01", None), ("d", None, None)])
    shares = pd.DataFrame({"article_id": ["a", "a", "b", "c", "d"],
                           "topic": ["ai_industry", "policy", "ai_industry", "policy", "policy"],
                           "count": [3, 1, 4, 2, 9], "share": [0.75, 0.25, 1.0, 1.0, 1.0]})
    table = timeline.topic_shares_by_period(arts, shares).set_index(["period", "topic"])
    january = pd.Period("2024-01", "M")
    assert table.loc[(january, "ai_industry"), "count"] == 7
    assert table.loc[(january, "ai_industry"), "share"] == 7 / 8  # words, not article means
    assert table.loc[(pd.Period("2024-02", "M"), "policy"), "share"] == 0  # no words that month
    sums = table.groupby("period")["share"].sum()
    assert list(sums.round(9)) == [1.0, 0.0, 1.0]
    assert list(dict.fromkeys(t for _, t in table.index)) == ["ai_industry", "policy"]  # taxonomy


def test_bank_mentions_keep_the_most_named_and_sum_the_rest():
    arts = articles([("a", "2024-01-01", None), ("b", "2024-02-01", None)])
    mentions = pd.DataFrame({"article_id": ["a", "a", "a", "b", "b"],
                             "bank": ["工商银行", "建设银行", "招商银行", "工商银行", "兴业银行"],
                             "bank_en": [""] * 5, "count": [5, 3, 1, 2, 1]})
    table = timeline.bank_mentions_by_period(arts, mentions, n_banks=2)
    assert list(dict.fromkeys(table["bank"])) == ["工商银行", "建设银行", timeline.OTHER]
    assert table["count"].sum() == 12
    assert table.loc[table["bank"] == timeline.OTHER, "count"].tolist() == [1, 1]


def test_a_trend_needs_three_periods_with_data():
    table = pd.DataFrame({"period": pd.period_range("2024-01", periods=4, freq="M"),
                          "count": [2, 0, 0, 1]})
    assert not timeline.shows_a_trend(table, "count")
    table.loc[1, "count"] = 1
    assert timeline.shows_a_trend(table, "count")
    assert not timeline.shows_a_trend(table.iloc[0:0], "count")


@given(st.lists(st.tuples(st.sampled_from("abcdefghij"), st.integers(0, 50)), min_size=1,
                max_size=40), st.integers(1, 6))
def test_top_with_other_keeps_totals_and_bounds_the_keys(pairs, n):
    table = pd.DataFrame(pairs, columns=["key", "value"]).assign(period="p")
    out = timeline.top_with_other(table, "key", "value", n)
    assert out["value"].sum() == table["value"].sum()
    assert out["key"].nunique() <= n + 1
    assert out["key"].is_unique  # one row per key and period
    if timeline.OTHER in set(out["key"]):
        assert out["key"].iloc[-1] == timeline.OTHER


def test_charts_over_time_keep_their_legends_short_and_their_labels_few():
    import matplotlib.pyplot as plt

    from analysis.plotting import plot_articles_by_period, plot_bank_mentions_by_period

    rows = [(f"a{i}", f"20{21 + i % 3}-{1 + i % 12:02d}-01", f"媒体{i % 15}") for i in range(90)]
    table = timeline.articles_by_period(articles(rows))
    fig = plot_articles_by_period(table)
    ax = fig.axes[0]
    assert len(ax.get_legend().get_texts()) <= 10
    assert len([t for t in ax.get_xticklabels() if t.get_text()]) <= 12
    assert sum(p.get_height() for p in ax.patches) == 90  # every dated article is drawn
    plt.close(fig)
    mentions = pd.DataFrame({"article_id": [r[0] for r in rows],
                             "bank": [f"银行{i % 20}" for i in range(90)],
                             "bank_en": [""] * 90, "count": [1] * 90})
    over_time = timeline.bank_mentions_by_period(articles(rows), mentions)
    fig = plot_bank_mentions_by_period(over_time, {})
    assert len(fig.axes[0].get_yticklabels()) == 11  # ten banks and "other"
    plt.close(fig)
