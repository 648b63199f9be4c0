"""What each lending chart and table shows, and how a value reads: rules on the fields of the
figures and facts tables (entity, scope, unit, metric_family, as_of, sentence), never a list of
particular banks, dates or loan names.

The chapter's generic rules (each returns an empty table or None when the data do not support
it, and the notebook then says so in a sentence instead of drawing nothing):

latest_table          banks × metric families: each bank's latest value per family with its
                      number of sources; the top banks and families, the rest as "other".
peer_comparisons      when at least MIN_PEERS banks report the same family at the same as_of in
                      the same unit, they are charted side by side, beside a sector figure of the
                      same family, as_of and unit (at least their sum) when the corpus has one.
loan_products         a loan product (a dictionary word ending in a lending term of
                      question.yaml, such as 清欠专项贷款 or 算力贷) whose stem is named in the
                      sentences of the lending figures of at least MIN_PRODUCT_BANKS banks.
figures_over_time     bank facts with a date, by family (panels) and bank (series), for the
                      families that have at least two dates: top banks, at most MAX_PANELS panels.
scope_statistics      the latest facts of a scope without a bank (the central bank).
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.facts import conflict_key, conflicts, with_families
from analysis.figures import MONEY_UNITS
from analysis.formatting import bank_label, counted, format_value

MIN_PEERS = 3
MAX_BARS = 12
MAX_LEGEND = 10
MAX_PANELS = 6
MIN_PRODUCT_BANKS = 3
LENDING_FAMILIES = ("loan_balance", "new_loans", "credit_line", "commitment")


# ---------------------------------------------------------------- figures (moved from figures.py)

def distinct(figures: pd.DataFrame) -> pd.DataFrame:
    """Each figure once: an article that repeats a figure (same bank, value, unit, qualifier,
    metric and date, as 中国银行's 不低于1万亿元) shows it once in a chart; tables keep all."""
    keys = ["article_id", "entity", "value", "unit", "qualifier", "metric", "as_of"]
    return figures.drop_duplicates(subset=keys)


def money(figures: pd.DataFrame) -> pd.DataFrame:
    return figures[figures["unit"].isin(MONEY_UNITS)]


def bank_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Money figures that belong to one named bank."""
    table = money(figures)
    return table[table["entity"].notna() & (table["scope"] == "bank")]


def central_bank_statistics(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures published by the central bank (scope central_bank): money, % and pp."""
    return figures[(figures["scope"] == "central_bank") & figures["kind"].isin(
        ["money", "percent", "pp"])]


def figure_table(figures: pd.DataFrame) -> pd.DataFrame:
    """Every figure for display: the figure as written, its reading, bank, metric, date, quote."""
    return pd.DataFrame({
        "article": figures["article_id"],
        "figure": figures["text"],
        "reading": [format_value(v, u, q) for v, u, q in
                    zip(figures["value"], figures["unit"], figures["qualifier"], strict=True)],
        "bank": figures["entity"].map(bank_label),
        "scope": figures["scope"],
        "metric": figures["metric"],
        "as of": figures["as_of"].fillna(""),
        "quote": figures["sentence"],
    })


def article_keys(articles: pd.DataFrame) -> dict[str, str]:
    """A1, A2, …: the report's short key per article, in corpus order."""
    return {aid: f"A{n}" for n, aid in enumerate(articles["article_id"], start=1)}


def source_keys(article_ids: str, keys: dict[str, str], limit: int = 4) -> str:
    """'A1, A3 +2 more' from a fact's article_ids."""
    ids = [a for a in str(article_ids).split("; ") if a]
    shown = [keys.get(a, a) for a in ids[:limit]]
    return ", ".join(shown) + (f" +{len(ids) - limit} more" if len(ids) > limit else "")


# ---------------------------------------------------------------- facts: generic rules

def bank_facts(facts: pd.DataFrame) -> pd.DataFrame:
    return facts[facts["entity"].notna() & (facts["scope"] == "bank")]


def relevant_facts(facts: pd.DataFrame, relevance: pd.DataFrame, relevant: bool = True
                   ) -> pd.DataFrame:
    """Facts with at least one source among the articles that speak to the question
    (`relevant=False`: facts with none)."""
    chosen = set(relevance.loc[relevance["relevant"], "article_id"])
    has = facts["article_ids"].map(lambda ids: bool(chosen & set(str(ids).split("; "))))
    return facts[has == relevant]


def top_values(series: pd.Series, n: int) -> list:
    """The n most frequent values, most frequent first (ties in order of appearance)."""
    return list(series.value_counts(sort=True).index[:n])


def latest(facts: pd.DataFrame) -> pd.DataFrame:
    """Per bank and family the latest dated fact (most reported at that date); a bank and family
    with no dated fact keep their most reported undated one."""
    ordered = facts.assign(_dated=facts["as_of"].notna(), _as_of=facts["as_of"].fillna(""))
    ordered = ordered.sort_values(["_dated", "_as_of", "n_articles"], ascending=False,
                                  kind="stable")
    return ordered.drop_duplicates(["entity", "metric_family"]).drop(columns=["_dated", "_as_of"])


def latest_table(facts: pd.DataFrame, n_banks: int = 8, n_families: int = 5) -> pd.DataFrame:
    """Banks (rows) × metric families (columns) of money facts: "CNY 2.7 trn · 2023-12 · 2 src"
    for the latest value; the top banks and families by number of facts, the others counted in
    an "other" row and column. Empty when no bank has a money fact."""
    table = bank_facts(facts)
    table = table[table["unit"].isin(MONEY_UNITS)]
    if table.empty:
        return pd.DataFrame()
    banks = top_values(table["entity"], n_banks)
    # "other" is no measure: its facts are counted with the families left out.
    families = top_values(table.loc[table["metric_family"] != "other", "metric_family"],
                          n_families)
    rows = []
    for bank in [*banks, "other"]:
        own = table[table["entity"] == bank] if bank != "other" else table[
            ~table["entity"].isin(banks)]
        if own.empty:
            continue
        row = {"Bank": bank_label(bank) if bank != "other" else
               f"other banks ({own['entity'].nunique()})"}
        for family in families:
            cell = own[own["metric_family"] == family]
            if bank == "other" or cell.empty:
                row[family] = counted(len(cell), "fact") if len(cell) else ""
                continue
            best = latest(cell).iloc[0]
            row[family] = " · ".join(
                [format_value(best["value"], best["unit"], best["qualifier"]),
                 best["as_of"] if isinstance(best["as_of"], str) else "undated",
                 f"{best['n_articles']} src"])
        rest = own[~own["metric_family"].isin(families)]
        if len(set(table["metric_family"]) - set(families)):
            row["other families"] = counted(len(rest), "fact") if len(rest) else ""
        rows.append(row)
    return pd.DataFrame(rows)


def peer_comparisons(facts: pd.DataFrame, min_banks: int = MIN_PEERS,
                     max_banks: int = MAX_BARS) -> list[dict]:
    """Every (family, as_of, unit) that at least `min_banks` banks report, most banks first:
    {"family", "as_of", "unit", "banks": one fact per bank (the most reported), "reference":
    sector facts of the same family, as_of and unit}."""
    banked = bank_facts(facts)
    banked = banked[banked["as_of"].notna() & (banked["metric_family"] != "other")]
    comparisons = []
    for (family, as_of, unit), group in banked.groupby(["metric_family", "as_of", "unit"]):
        if group["entity"].nunique() < min_banks:
            continue
        one = (group.sort_values("n_articles", ascending=False, kind="stable")
               .drop_duplicates("entity"))
        # A sector figure is the banks' total only if it is at least their sum; a smaller
        # one measures a part of the sector (another product) and is no reference.
        reference = facts[(facts["scope"] == "sector") & (facts["metric_family"] == family)
                          & (facts["as_of"] == as_of) & (facts["unit"] == unit)
                          & (facts["value"] >= one.head(max_banks)["value"].sum())]
        comparisons.append({"family": family, "as_of": as_of, "unit": unit,
                            "banks": one.head(max_banks), "n_banks": len(one),
                            "reference": reference, "n_sources": int(group["n_articles"].sum())})
    comparisons.sort(key=lambda c: (-c["n_banks"], -c["n_sources"], c["as_of"]))
    return comparisons


def peer_share(comparison: dict) -> dict:
    """The compared banks' total against the sector figure, when there is one in money."""
    reference, banks = comparison["reference"], comparison["banks"]
    if reference.empty or comparison["unit"] not in MONEY_UNITS:
        return {}
    sector = reference.sort_values("n_articles", ascending=False, kind="stable").iloc[0]
    total = banks["value"].sum()
    return {"peers": counted(len(banks), "bank"), "peers_total": format_value(total, sector["unit"]),
            "sector_total": format_value(sector["value"], sector["unit"], sector["qualifier"]),
            "peers_share": f"{total / sector['value']:.0%}" if sector["value"] else "n/a",
            "as_of": comparison["as_of"], "family": comparison["family"]}


def product_stem(word: str, lending_terms, verbs) -> str:
    """清欠专项贷款 -> 清欠, 算力贷 -> 算力: the word without its lending ending and 专项; "" when
    what is left is under two characters or a lending verb."""
    for term in sorted(set(lending_terms) | {"贷"}, key=len, reverse=True):
        if word.endswith(term) and len(word) > len(term):
            stem = word[: -len(term)].removesuffix("专项")
            return "" if len(stem) < 2 or stem in verbs or stem in lending_terms else stem
    return ""


def loan_products(figures: pd.DataFrame, question, min_banks: int = MIN_PRODUCT_BANKS
                  ) -> pd.DataFrame:
    """Loan products named in the sentences of banks' lending figures and whose stem is named in
    those of at least `min_banks` banks: product, stem, n_banks, n_articles, most banks first."""
    from analysis.text import cut

    lending = with_families(bank_figures(figures))
    lending = lending[lending["metric_family"].isin(LENDING_FAMILIES)]
    sentences = lending.drop_duplicates(["article_id", "sentence_start"])
    stems: dict[str, str] = {}
    for sentence in sentences["sentence"]:
        for word in cut(sentence):
            stem = product_stem(word, question.lending, question.lending_verbs)
            if stem:
                stems.setdefault(stem, word)
    rows = []
    for stem, word in stems.items():
        named = lending[lending["sentence"].str.contains(stem, regex=False, na=False)]
        if named["entity"].nunique() >= min_banks:
            rows.append((word, stem, named["entity"].nunique(), named["article_id"].nunique()))
    table = pd.DataFrame(rows, columns=["product", "stem", "n_banks", "n_articles"])
    return table.sort_values(["n_banks", "n_articles"], ascending=False,
                             kind="stable").reset_index(drop=True)


def product_figures(figures: pd.DataFrame, stem: str, limit: int = MAX_BARS) -> pd.DataFrame:
    """The lending figures of banks whose sentence names `stem`, each once, largest first."""

    lending = with_families(bank_figures(figures))
    lending = lending[lending["metric_family"].isin(LENDING_FAMILIES)
                      & lending["sentence"].str.contains(stem, regex=False, na=False)]
    return distinct(lending).sort_values("value", ascending=False, kind="stable").head(limit)


def as_of_date(as_of: str) -> pd.Timestamp:
    """The end of the period as_of names: 2024 -> 2024-12-31, 2024-06 -> 2024-06-30."""
    if re.fullmatch(r"\d{4}", as_of):
        return pd.Timestamp(f"{as_of}-12-31")
    if re.fullmatch(r"\d{4}-\d{2}", as_of):
        return pd.Timestamp(f"{as_of}-01") + pd.offsets.MonthEnd(0)
    return pd.Timestamp(as_of)


def figures_over_time(facts: pd.DataFrame, n_banks: int = MAX_LEGEND,
                      n_panels: int = MAX_PANELS) -> pd.DataFrame:
    """Money facts of banks with a date, for the families in which at least one bank has two
    dates (a series, not dots of different banks): entity, metric_family, as_of, date, value,
    unit, n_articles. Only the banks with the most dated facts (legend of at most n_banks) and
    the families with the most (at most n_panels)."""
    table = bank_facts(facts)
    table = table[table["as_of"].notna() & (table["unit"] == "CNY")
                  & (table["metric_family"] != "other")]
    dated = table["as_of"].astype(str).str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?")
    table = table[dated]
    if table.empty:
        return table.assign(date=pd.Series(dtype="datetime64[ns]"))
    table = table[table["entity"].isin(top_values(table["entity"], n_banks))]
    spread = table.groupby(["metric_family", "entity"])["as_of"].nunique()
    series = set(spread[spread >= 2].index.get_level_values("metric_family"))
    families = [f for f in top_values(table["metric_family"], table["metric_family"].nunique())
                if f in series]
    table = table[table["metric_family"].isin(families[:n_panels])]
    return (table.assign(date=table["as_of"].map(as_of_date))
            .sort_values(["metric_family", "entity", "date"], kind="stable"))


def scope_statistics(facts: pd.DataFrame, scope: str = "central_bank", limit: int = MAX_BARS
                     ) -> pd.DataFrame:
    """The facts of a scope without a bank at its latest dates, most reported first."""
    table = facts[(facts["scope"] == scope) & facts["unit"].isin([*MONEY_UNITS, "%", "pp"])]
    table = table.assign(_as_of=table["as_of"].fillna(""))
    table = table.sort_values(["_as_of", "n_articles"], ascending=False, kind="stable")
    return table.drop(columns="_as_of").head(limit)


def most_reported(facts: pd.DataFrame, limit: int = 10) -> pd.DataFrame:
    """The facts to show first: those of named banks in a known family (any fact when there
    are none), most reported first, then lending families before the others, then largest."""
    table = bank_facts(facts)
    table = table[table["metric_family"] != "other"]
    if table.empty:
        table = facts
    order = {family: rank for rank, family in enumerate(LENDING_FAMILIES)}
    ranked = table.assign(_lending=table["metric_family"].map(order).fillna(len(order)),
                          _money=~table["unit"].isin(MONEY_UNITS))
    ranked = ranked.sort_values(["n_articles", "_lending", "_money", "value"],
                                ascending=[False, True, True, False], kind="stable")
    return ranked.drop(columns=["_lending", "_money"]).head(limit)


def fact_table(facts: pd.DataFrame, keys: dict[str, str], limit: int | None = None
               ) -> pd.DataFrame:
    """Facts for a reader: bank (or scope), family, metric, as of, value, sources, a quote."""
    rows = facts.head(limit) if limit else facts
    return pd.DataFrame({
        "Bank or scope": [bank_label(e) if isinstance(e, str) else s.replace("_", " ")
                          for e, s in zip(rows["entity"], rows["scope"], strict=True)],
        "Family": rows["metric_family"].str.replace("_", " "),
        "Metric": rows["metric"],
        "As of": rows["as_of"].fillna(""),
        "Value": [format_value(v, u, q) for v, u, q in
                  zip(rows["value"], rows["unit"], rows["qualifier"], strict=True)],
        "Articles": rows["n_articles"],
        "Sources": [source_keys(ids, keys) for ids in rows["article_ids"]],
        "Sentence": rows["example_sentence"],
    })


def conflict_groups(facts: pd.DataFrame):
    """(key, facts) per conflicting group, the groups with the most articles first."""
    table = conflicts(facts)
    if table.empty:
        return []
    keys = conflict_key(table)
    groups = [(key, table[keys == key]) for key in dict.fromkeys(keys)]
    return sorted(groups, key=lambda g: -int(g[1]["n_articles"].sum()))


def conflict_table(facts: pd.DataFrame, keys: dict[str, str]) -> pd.DataFrame:
    """The conflicting facts, each group together, with every value the articles give."""
    table = conflicts(facts)
    out = fact_table(table, keys)
    out.insert(5, "All values", table["conflicting_values"].to_numpy())
    return out


def of_articles(table: pd.DataFrame, relevance: pd.DataFrame, relevant: bool = True
                ) -> pd.DataFrame:
    """Rows of a figures table whose article speaks to the question (or, False, does not)."""
    chosen = set(relevance.loc[relevance["relevant"], "article_id"])
    return table[table["article_id"].isin(chosen) == relevant]


def relevant_articles(relevance: pd.DataFrame, articles: pd.DataFrame, limit: int = 10
                      ) -> pd.DataFrame:
    """The articles that speak to the question, most relevant first: key, title, date,
    relevance (focus terms per 1,000 characters) and the focus terms they use."""
    keys = article_keys(articles)
    titles = dict(zip(articles["article_id"], articles["title"], strict=True))
    dates = dict(zip(articles["article_id"], articles["date"], strict=True))
    table = relevance[relevance["relevant"]].sort_values("relevance", ascending=False,
                                                         kind="stable").head(limit)
    return pd.DataFrame({
        "Article": table["article_id"].map(keys),
        "Title": table["article_id"].map(titles),
        "Date": table["article_id"].map(dates),
        "Per 1,000 chars": table["relevance"].round(1),
        "Focus terms": table["focus_terms"],
    })
