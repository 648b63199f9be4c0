"""Time: articles per month by outlet, topic shares by month, bank mentions by month.

Each function takes the tidy tables of the pipeline (articles, `topics.topic_shares`,
`topics.bank_mentions`) and returns a long table with one row per (period, thing counted),
every period of the corpus's span present (a month with no article is a zero, not a gap).
Undated articles have no period and are left out; `undated` says how many.

Long spans are binned coarser so that a chart keeps a readable number of bars: months up to
four years, quarters up to twelve, years beyond.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis import topics
from analysis.cleaning import outlet_label

OTHER = "other"
UNKNOWN_OUTLET = "outlet unknown"
MAX_MONTHS = 48
MAX_QUARTERS = 48
PERIOD_NAMES = {"M": "month", "Q": "quarter", "Y": "year"}


def article_periods(articles: pd.DataFrame, freq: str | None = None) -> pd.Series:
    """The period (month, quarter or year) of each article, indexed by article_id; NaT when
    the article has no readable date. `freq` None picks one from the span (see `frequency`)."""
    dates = pd.to_datetime(articles["date"], errors="coerce", format="mixed")
    freq = freq or frequency(dates)
    periods = dates.dt.to_period(freq)
    periods.index = articles["article_id"].to_numpy()
    return periods


def frequency(dates: pd.Series) -> str:
    """"M" when the dated articles span at most MAX_MONTHS months, "Q" up to MAX_QUARTERS
    quarters, else "Y"."""
    dates = pd.to_datetime(dates, errors="coerce", format="mixed").dropna()
    if dates.empty:
        return "M"
    months = (dates.max().year - dates.min().year) * 12 + dates.max().month - dates.min().month + 1
    if months <= MAX_MONTHS:
        return "M"
    return "Q" if months <= 3 * MAX_QUARTERS else "Y"


def undated(articles: pd.DataFrame) -> int:
    """How many articles have no readable date (and so no place on a time axis)."""
    return int(article_periods(articles).isna().sum())


def top_with_other(table: pd.DataFrame, key: str, value: str, n: int,
                   other: str = OTHER) -> pd.DataFrame:
    """`table` with every `key` outside the n largest by total `value` renamed `other`, rows of
    the same key and other columns summed. The largest keep their order, `other` comes last."""
    totals = table.groupby(key, sort=False)[value].sum().sort_values(ascending=False,
                                                                      kind="stable")
    keep = list(totals.index[:n])
    if len(totals) <= n + 1:  # one "other" standing for a single key hides nothing: show it
        keep = list(totals.index)
    renamed = table.assign(**{key: table[key].where(table[key].isin(keep), other)})
    groups = [c for c in table.columns if c not in (key, value)]
    summed = renamed.groupby([*groups, key], sort=False, as_index=False)[value].sum()
    order = {k: i for i, k in enumerate([*keep, other])}
    summed["_order"] = summed[key].map(order)
    return summed.sort_values([*groups, "_order"], kind="stable").drop(columns="_order") \
        .reset_index(drop=True)


def _complete(table: pd.DataFrame, periods: Iterable, key: str, keys: list,
              value: str) -> pd.DataFrame:
    """Every (period, key) pair of the span, zero where the table has none."""
    index = pd.MultiIndex.from_product([list(periods), keys], names=["period", key])
    full = table.set_index(["period", key])[value].reindex(index, fill_value=0)
    return full.reset_index()


def _span(periods: pd.Series) -> pd.PeriodIndex:
    dated = periods.dropna()
    if dated.empty:
        return pd.PeriodIndex([], freq="M")
    return pd.period_range(dated.min(), dated.max(), freq=dated.iloc[0].freq)


def articles_by_period(articles: pd.DataFrame, n_outlets: int = 8) -> pd.DataFrame:
    """period, outlet, articles: dated articles per period and outlet (readable outlet names,
    the n_outlets with most articles, the rest as "other", no outlet as "outlet unknown")."""
    periods = article_periods(articles)
    outlets = articles["outlet"].map(lambda o: outlet_label(o) if isinstance(o, str) and o
                                     else UNKNOWN_OUTLET)
    table = pd.DataFrame({"period": periods.to_numpy(), "outlet": outlets.to_numpy(),
                          "articles": 1}).dropna(subset=["period"])
    if table.empty:
        return pd.DataFrame(columns=["period", "outlet", "articles"])
    table = table.groupby(["period", "outlet"], as_index=False)["articles"].sum()
    table = top_with_other(table, "outlet", "articles", n_outlets)
    keys = list(dict.fromkeys(table["outlet"]))
    return _complete(table, _span(periods), "outlet", keys, "articles")


def topic_shares_by_period(articles: pd.DataFrame, shares: pd.DataFrame) -> pd.DataFrame:
    """period, topic, count, share: topic words per period, and each topic's share of the
    period's topic words (shares of a period sum to 1; a period without topic words has none).

    Counting words, not averaging articles' shares, weighs a long article more than a brief:
    the share is that of the period's writing."""
    periods = article_periods(articles)
    table = shares.assign(period=shares["article_id"].map(periods)).dropna(subset=["period"])
    if table.empty:
        return pd.DataFrame(columns=["period", "topic", "count", "share"])
    table = table.groupby(["period", "topic"], as_index=False, sort=False)["count"].sum()
    present = set(shares["topic"])
    topic_order = [t for t in topics.taxonomy() if t in present]
    table = _complete(table, _span(periods), "topic", topic_order, "count")
    totals = table.groupby("period")["count"].transform("sum")
    table["share"] = (table["count"] / totals).where(totals > 0, 0.0)
    return table


def bank_mentions_by_period(articles: pd.DataFrame, mentions: pd.DataFrame,
                            n_banks: int = 10) -> pd.DataFrame:
    """period, bank, count: mentions per period of the n_banks most mentioned banks, the rest
    summed as "other"."""
    periods = article_periods(articles)
    table = mentions.assign(period=mentions["article_id"].map(periods)).dropna(subset=["period"])
    if table.empty:
        return pd.DataFrame(columns=["period", "bank", "count"])
    table = table.groupby(["period", "bank"], as_index=False, sort=False)["count"].sum()
    table = top_with_other(table, "bank", "count", n_banks)
    keys = list(table.groupby("bank", sort=False)["count"].sum()
                .sort_values(ascending=False, kind="stable").index)
    if OTHER in keys:  # "other" last, whatever its size
        keys = [k for k in keys if k != OTHER] + [OTHER]
    return _complete(table, _span(periods), "bank", keys, "count")


# A time chart with fewer periods holding data than this shows dates, not a trend.
MIN_PERIODS = 3


def shows_a_trend(table: pd.DataFrame, value: str) -> bool:
    """Whether a period table has data in at least MIN_PERIODS periods (worth a time chart)."""
    if table.empty:
        return False
    totals = table.groupby("period")[value].sum()
    return int((totals > 0).sum()) >= MIN_PERIODS
