"""The numbers the report's prose quotes: executive summary, method and limits.

Each function reads the tidy tables of the other modules (articles, cleaning log, figures,
term counts) and returns plain values or a table; the notebooks put them into sentences.
Nothing here picks a row by its value alone: selections use the rules of analysis.figures.
"""

from __future__ import annotations

from importlib import metadata

import pandas as pd

from analysis import figures as fig
from analysis import topics
from analysis.cleaning import outlet_label
from analysis.report import article_keys, counted


def listing(items) -> str:
    """"a", "a and b", "a, b and c"."""
    items = [str(i) for i in items]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def percent(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"


def corpus_facts(corpus) -> dict:
    """Articles, files, outlets and dates of the corpus."""
    articles, log = corpus.articles, corpus.log
    files = max(log.loc[log["kind"] != "skipped", "file"].nunique(),
                articles["source_file"].nunique())
    return {
        "n_articles": len(articles),
        "articles": counted(len(articles), "article"),
        "n_files": files,
        "files": counted(files, "file"),
        "n_skipped": len(corpus.skipped),
        "outlets": listing([outlet_label(o) for o in sorted(articles["outlet"].dropna().unique())])
        or "unknown outlets",
        "n_outlets": articles["outlet"].nunique(),
        "first": articles["date"].min(),
        "last": articles["date"].max(),
        "n_chars": f"{int(articles['n_chars'].sum()):,}",
    }


def figure_facts(figures: pd.DataFrame) -> dict:
    """How many figures of each kind, and how many belong to a named bank."""
    kinds = figures["kind"].value_counts()
    banked = fig.bank_figures(figures)
    n_money = int(kinds.get("money", 0))
    return {
        "n_figures": len(figures),
        "figures": counted(len(figures), "figure"),
        "amounts": counted(n_money, "amount"),
        "percentages": counted(int(kinds.get("percent", 0)), "percentage"),
        "counts": counted(int(kinds.get("count", 0)), "count"),
        "named_banks": counted(banked["entity"].nunique(), "named bank"),
        "n_money": n_money,
        "n_percent": int(kinds.get("percent", 0)),
        "n_pp": int(kinds.get("pp", 0)),
        "n_count": int(kinds.get("count", 0)),
        "n_bank_money": len(banked),
        "bank_money_share": percent(len(banked), n_money),
        "n_banks": banked["entity"].nunique(),
        "banks": listing(fig.bank_label(b) for b in banked["entity"].value_counts().index[:3]),
    }


def _row(finding: str, row, keys: dict[str, str]) -> dict:
    return {
        "Finding": finding,
        "Figure": fig.format_value(row["value"], row["unit"], row["qualifier"]),
        "Bank": fig.bank_label(row["entity"]),
        "Metric": row["metric"],
        "As of": row["as_of"] if isinstance(row["as_of"], str) else "",
        "Article": keys.get(row["article_id"], ""),
        "Sentence": row["sentence"],
    }


def key_numbers(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The figures the summary leads with, each with its sentence: the largest single-bank
    commitment or credit line, the big four's tech-firm loans and the sector total, the central
    bank's latest tech-lending balance and the largest special (清欠) loan."""
    keys = article_keys(articles)
    rows = []
    commitments = fig.bank_commitments(figures)
    commitments = commitments[commitments["category"].isin(["commitment", "credit line"])]
    if len(commitments):
        rows.append(_row("Largest commitment or credit line of one bank",
                         commitments.loc[commitments["value"].idxmax()], keys))
    for _, row in fig.big_four_tech_loans(figures).iterrows():
        rows.append(_row("Big-four bank: loans to technology firms", row, keys))
    for _, row in fig.sector_tech_loans(figures).iterrows():
        rows.append(_row("All banks: loans to technology firms", row, keys))
    central = fig.central_bank_statistics(figures)
    balances = central[central["unit"].isin(fig.MONEY_UNITS)
                       & central["metric"].str.contains("贷款余额", na=False)]
    if len(balances):
        latest = balances.sort_values("as_of", kind="stable").iloc[-1]
        rows.append(_row("Central bank statistic: tech-loan balance", latest, keys))
        growth = central[(central["sentence_start"] == latest["sentence_start"])
                         & (central["article_id"] == latest["article_id"])
                         & (central["unit"] == "%") & central["metric"].str.contains("增长", na=False)]
        for _, row in growth.iterrows():
            rows.append(_row("Central bank statistic: its growth", row, keys))
    special = fig.special_loans(figures)
    if len(special):
        rows.append(_row("Largest special loan to clear arrears (清欠)",
                         special.loc[special["value"].idxmax()], keys))
    return pd.DataFrame(rows, columns=["Finding", "Figure", "Bank", "Metric", "As of", "Article",
                                       "Sentence"])


def big_four_share(figures: pd.DataFrame) -> dict:
    """The big four's tech-firm loans against the sector total of the same date, when both are
    given; empty when the corpus does not say."""
    big = fig.big_four_tech_loans(figures)
    for _, sector in fig.sector_tech_loans(figures).iterrows():
        same = big[(big["as_of"] == sector["as_of"]) & (big["unit"] == sector["unit"])]
        if same["entity"].nunique() == len(fig.big_four()):
            total = same.groupby("entity")["value"].first().sum()
            return {"big_four_total": fig.format_value(total, sector["unit"]),
                    "sector_total": fig.format_value(sector["value"], sector["unit"],
                                                     sector["qualifier"]),
                    "big_four_share": percent(total, sector["value"]),
                    "share_as_of": sector["as_of"]}
    return {}


def special_loan_facts(figures: pd.DataFrame) -> dict:
    special = fig.special_loans(figures)
    return {
        "n_special": len(special),
        "special_banks": listing(fig.bank_label(b) for b in special["entity"].unique()),
        "special_min": fig.format_value(special["value"].min(), "CNY") if len(special) else "",
        "special_max": fig.format_value(special["value"].max(), "CNY") if len(special) else "",
    }


def topic_facts(articles: pd.DataFrame, counts: pd.DataFrame | None = None) -> dict:
    """The topic with the most taxonomy terms over the corpus and the bank named most often."""
    counts = topics.term_counts(articles) if counts is None else counts
    shares = topics.topic_shares(articles, counts)
    by_topic = shares.groupby("topic")["count"].sum().sort_values(ascending=False, kind="stable")
    labels = topics.topic_labels("en")
    zh = topics.topic_labels("zh")
    totals = topics.bank_totals(topics.bank_mentions(articles))
    top_bank = totals.iloc[0] if len(totals) else None
    def label(topic: str) -> str:  # "AI industry chain (人工智能产业链)", gloss once
        return labels[topic] if zh[topic] in labels[topic] else f"{labels[topic]} ({zh[topic]})"

    return {
        "top_topic": label(by_topic.index[0]) if len(by_topic) else "none",
        "top_topic_share": percent(by_topic.iloc[0], by_topic.sum()) if len(by_topic) else "n/a",
        "second_topic": label(by_topic.index[1]) if len(by_topic) > 1 else "none",
        "top_bank": fig.bank_label(top_bank["bank"]) if top_bank is not None else "no bank",
        "top_bank_count": int(top_bank["count"]) if top_bank is not None else 0,
        "n_banks_named": len(totals),
    }


def method_facts(corpus, figures: pd.DataFrame) -> dict:
    """What the method chapter and the limits quote: rule coverage and what stays unresolved."""
    from analysis.text import userdict_entries

    articles = corpus.articles
    money = fig.money(figures)
    inferred = fig.money(figures)["unit_inferred"].sum()
    return {
        **corpus_facts(corpus),
        **figure_facts(figures),
        "n_inferred_unit": int(inferred),
        "n_no_bank": int(money["entity"].isna().sum()),
        "no_bank_share": percent(money["entity"].isna().sum(), len(money)),
        "n_undated": int(figures["as_of"].isna().sum()),
        "undated_share": percent(figures["as_of"].isna().sum(), len(figures)),
        "n_qualified": int((figures["qualifier"] != "=").sum()),
        "n_dates_inferred": int((articles["date_source"] == "inferred").sum()),
        "n_userdict": len(userdict_entries()),
        "n_topics": len(topics.taxonomy()),
        "n_topic_terms": len(topics.topic_terms()),
    }


PACKAGES = ("pandas", "jieba", "rjieba", "cn2an", "matplotlib", "mplfonts", "nbconvert",
            "nbclient", "papermill", "weasyprint")


def versions() -> pd.DataFrame:
    """The versions of the packages that computed and rendered this report."""
    from analysis import __version__

    rows = [("analysis (this project)", __version__)]
    rows += [(name, metadata.version(name)) for name in PACKAGES]
    return pd.DataFrame(rows, columns=["Package", "Version"])
