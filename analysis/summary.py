"""The numbers the report's prose quotes: executive summary, method and limits.

Each function reads the tidy tables of the other modules (articles, cleaning log, figures,
term counts) and returns plain values or a table; the notebooks put them into sentences.
Nothing here picks a row by a name or a date: selections use the generic rules of
analysis.selections on the facts table (analysis.facts).
"""

from __future__ import annotations

from importlib import metadata

import pandas as pd

from analysis import selections as sel
from analysis import topics
from analysis.cleaning import outlet_label
from analysis.figures import MONEY_UNITS
from analysis.formatting import bank_label, counted, format_value


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
    banked = sel.bank_figures(figures)
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
        "banks": listing(bank_label(b) for b in banked["entity"].value_counts().index[:3]),
    }


def question_facts(relevance: pd.DataFrame, question) -> dict:
    """How many articles speak to the question (analysis.question.relevance)."""
    from analysis.question import relevance_summary

    counts = relevance_summary(relevance)
    return {**counts, "relevant": counted(counts["n_relevant"], "article"),
            "question": question.describe(), "focus_label": question.focus_label,
            "subject": question.subject, "ask": question.ask,
            "lending_label": question.lending_label,
            "threshold": f"{question.min_hits_per_1000:g}"}


def fact_facts(facts: pd.DataFrame) -> dict:
    """How many facts, how many told by several articles, how many conflicts."""
    from analysis.facts import n_conflicts

    repeated = int((facts["n_articles"] > 1).sum()) if len(facts) else 0
    disagree = n_conflicts(facts)
    agreement = (f"{counted(repeated, 'fact')} {'is' if repeated == 1 else 'are'} reported by "
                 "more than one article" if repeated else
                 "none is reported by more than one article")
    agreement += (f", and the articles disagree on {counted(disagree, 'figure')}" if disagree
                  else ", and no two articles contradict each other")
    return {"n_facts": len(facts), "facts": counted(len(facts), "fact"),
            "n_repeated": repeated, "repeated": counted(repeated, "fact"),
            "n_conflicts": disagree, "conflicts": counted(disagree, "conflict"),
            "agreement": agreement}


def _row(finding: str, fact, keys: dict[str, str]) -> dict:
    return {
        "Finding": finding,
        "Figure": format_value(fact["value"], fact["unit"], fact["qualifier"]),
        "Bank": bank_label(fact["entity"]) or str(fact["scope"]).replace("_", " "),
        "Metric": fact["metric"],
        "As of": fact["as_of"] if isinstance(fact["as_of"], str) else "",
        "Sources": sel.source_keys(fact["article_ids"], keys),
        "Sentence": fact["example_sentence"],
    }


KEY_COLUMNS = ["Finding", "Figure", "Bank", "Metric", "As of", "Sources", "Sentence"]


def key_numbers(facts: pd.DataFrame, articles: pd.DataFrame, question,
                limit: int = 10) -> pd.DataFrame:
    """The facts the summary leads with, chosen by rules that hold at any corpus size: the
    largest money fact of one bank in each family the question names (question.yaml
    `families`), then the facts reported by the most articles (two or more), then one row per
    conflict. When none of these exists, the most reported facts of named banks, then any."""
    keys = sel.article_keys(articles)
    rows, used = [], set()
    banked = sel.bank_facts(facts)
    money = banked[banked["unit"].isin(MONEY_UNITS)]
    for family in question.families:
        own = money[money["metric_family"] == family]
        if len(own):
            best = own.loc[own["value"].idxmax()]
            rows.append(_row(f"Largest {family.replace('_', ' ')} of one bank", best, keys))
            used.add(best.name)
    repeated = facts[(facts["n_articles"] > 1) & ~facts.index.isin(used)]
    for index, fact in repeated.head(3).iterrows():
        rows.append(_row(f"Reported by {fact['n_articles']} articles", fact, keys))
        used.add(index)
    for _, group in sel.conflict_groups(facts):
        fact = group.iloc[0]
        row = _row("Articles disagree", fact, keys)
        row["Figure"] = fact["conflicting_values"]
        rows.append(row)
        if len(rows) >= limit:
            break
    if not rows:
        fallback = banked if len(banked) else facts
        for _, fact in fallback.head(5).iterrows():
            rows.append(_row(f"Reported by {counted(fact['n_articles'], 'article')}", fact,
                             keys))
    return pd.DataFrame(rows[:limit], columns=KEY_COLUMNS)


def peer_headline(facts: pd.DataFrame) -> dict:
    """The first peer comparison (most banks) with a sector figure to compare against: banks,
    their total, the sector's and the share; empty when the corpus has none."""
    for comparison in sel.peer_comparisons(facts):
        share = sel.peer_share(comparison)
        if share:
            names = [bank_label(b) for b in comparison["banks"]["entity"]]
            return {**share, "peer_banks": listing(names),
                    "family_label": comparison["family"].replace("_", " ")}
    return {}


def product_headline(figures: pd.DataFrame, question, relevance: pd.DataFrame | None = None
                     ) -> dict:
    """The loan product named by the most banks (analysis.selections.loan_products): in the
    articles that speak to the question when `relevance` is given and they name one, else in
    all; `where` says which."""
    where = "in the articles that speak to the question"
    if relevance is not None:
        relevant = sel.of_articles(figures, relevance)
        if len(sel.loan_products(relevant, question)):
            figures = relevant
        else:
            where = "in the articles"
    products = sel.loan_products(figures, question)
    if products.empty:
        return {}
    top = products.iloc[0]
    table = sel.product_figures(figures, top["stem"], limit=None)
    return {"where": where if relevance is not None else "in the articles",
            "product": top["product"], "product_banks": listing(
                bank_label(b) for b in table["entity"].unique()),
            "n_product_banks": int(top["n_banks"]),
            "product_figures": counted(len(table), "figure"),
            "product_min": format_value(table["value"].min(), "CNY"),
            "product_max": format_value(table["value"].max(), "CNY")}


def story_counting(n_articles: int, n_stories: int) -> str:
    """How the topic counts treat reposts, in a sentence that reads right for 0, 1 or many."""
    reposts = n_articles - n_stories
    if reposts <= 0:
        return "No article is a repost of another, so every article counts once."
    return (f"Counts are per story: the {counted(reposts, 'repost')} of a story another article "
            f"tells {'is' if reposts == 1 else 'are'} left out of them.")


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
        "top_bank": bank_label(top_bank["bank"]) if top_bank is not None else "no bank",
        "top_bank_count": int(top_bank["count"]) if top_bank is not None else 0,
        "top_bank_mentions": counted(int(top_bank["count"]) if top_bank is not None else 0,
                                     "mention"),
        "n_banks_named": len(totals),
    }


def method_facts(corpus, figures: pd.DataFrame) -> dict:
    """What the method chapter and the limits quote: rule coverage and what stays unresolved."""
    from analysis.text import userdict_entries

    articles = corpus.articles
    money = sel.money(figures)
    inferred = sel.money(figures)["unit_inferred"].sum()
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
