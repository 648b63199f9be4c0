"""The reader's tables the chapters show: articles, cleaning steps, figures by article.

Each takes the tidy tables of the pipeline and returns a DataFrame with reader's column names,
articles keyed A1, A2, … in corpus order; `analysis.display.show_table` renders them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.cleaning import outlet_label
from analysis.display import plain_text


def article_keys(articles: pd.DataFrame) -> dict[str, str]:
    """A1, A2, …: a short key per article in corpus order, used by every chapter's tables."""
    return {aid: f"A{n}" for n, aid in enumerate(articles["article_id"], start=1)}


DATE_SOURCES = {"front_matter": "front matter", "text": "dateline", "inferred": "inferred"}


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles as a reader's table: key, title, outlet, date and where it came from."""
    keys = article_keys(articles)
    return pd.DataFrame({
        "Key": articles["article_id"].map(keys),
        "Title": articles["title"],
        "Outlet": articles["outlet"].map(outlet_label),
        "Date": articles["date"],
        "Date from": articles["date_source"].map(lambda s: DATE_SOURCES.get(s, plain_text(s))),
        "Authors": articles["authors"].map(plain_text),
        "Characters": articles["n_chars"],
        "Sections": articles["sections"].map(len),
        "File": articles["source_file"],
    })


def log_counts(log: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Cleaning steps per article (rows) and kind (columns); file-level rows count by file."""
    keys = article_keys(articles)
    where = log["article_id"].map(keys).fillna(log["file"])
    order = list(keys.values()) + [f for f in dict.fromkeys(log["file"]) if f not in set(where)]
    counts = pd.crosstab(where, log["kind"]) if len(log) else pd.DataFrame()
    counts = counts.reindex([w for w in order if w in counts.index])
    counts.index.name = "Article"
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    return counts.reset_index()


def log_details(log: pd.DataFrame, articles: pd.DataFrame,
                kinds: Sequence[str] | None) -> pd.DataFrame:
    """Log rows of `kinds` (all when None): article key (or file), kind, detail, text removed."""
    keys = article_keys(articles)
    rows = log if kinds is None else log[log["kind"].isin(kinds)]
    table = pd.DataFrame({
        "Article": rows["article_id"].map(keys).fillna(rows["file"]),
        "Kind": rows["kind"],
        "What the cleaner did": rows["detail"],
        "Text removed": rows["removed"].fillna(""),
    })
    if kinds is not None and len(kinds) == 1:
        table = table.drop(columns="Kind")  # the caption says which kind
    if len(table) and not table["Text removed"].str.len().gt(1).any():
        table = table.drop(columns="Text removed")  # joins remove at most a repeated character
    return table


def figure_appendix(figures: pd.DataFrame, articles: pd.DataFrame
                    ) -> list[tuple[str, pd.DataFrame]]:
    """Per article, in corpus order: "A1 · title" and its figures as a reader's table
    (as written, the normalised reading, bank, scope, metric, date, sentence)."""
    from analysis.figures import figure_table

    keys = article_keys(articles)
    titles = dict(zip(articles["article_id"], articles["title"], strict=True))
    table = figure_table(figures).drop(columns="article")
    table.columns = [c.capitalize() for c in table.columns]
    parts = []
    for aid in keys:
        rows = table[(figures["article_id"] == aid).to_numpy()]
        if len(rows):
            parts.append((f"{keys[aid]} · {plain_text(titles.get(aid))}", rows.reset_index(drop=True)))
    return parts


