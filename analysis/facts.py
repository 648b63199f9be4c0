"""Facts: the same figure reported by several articles, merged into one row, with its sources and
the articles that contradict it.

Analysts read many articles that repeat one number (a bank's loan balance at a date, a central
bank statistic). `build_facts(figures, articles)` groups the figures of analysis.figures:

group key   bank figures (scope bank, an entity): entity, metric_family, as_of, unit. A bank's
            "net profit" and its "net profit attributable to shareholders" share a family, so two
            outlets giving each for the same year land in one group and show up as a conflict.
            Other scopes (sector, central_bank, group, other) have no entity to tell two figures
            apart, so their key adds the metric as written: 科技型中小企业贷款余额 and 涉农贷款余额
            of the central bank at one date are two facts, never a conflict.
            Figures without as_of: their key adds the metric as written too, and they merge only
            when value and metric are the same; they never conflict (two undated figures may
            well be of two dates).
one value   within a group, values that differ by at most RELATIVE_TOLERANCE (0.5%) of the
            larger and agree at the precision of the less precise one are one value, rounded:
            2.7万亿 and 2.70万亿 are the same, so are 864.79亿 and 865亿; 3362.73亿 and
            3355.77亿 (a group's and its shareholders' net profit, 0.2% apart) are two. Each
            value is one fact row.
conflict    a dated group holding two or more values where two articles disagree: they share
            no value. An article giving a and b is describing two measures of one family (two
            loan products), so another article giving a alone agrees with it. Only groups of a
            bank or the central bank: "the sector", a group or "other companies" may be two
            different reporters; and never in the family "other", which is no one measure. Every row
            of a conflicting group has conflict True and `conflicting_values` lists all the
            group's values with their article counts.

Columns: FACT_COLUMNS (n_stories too when the articles carry a story_id, the groups of
near-duplicate reposts). article_ids joins the sources with "; ". first_seen and last_seen are
the earliest and latest publication dates of the sources. example_sentence and example_article
trace the fact to the first article that gives it.

metric_family: the figures table's own column (analysis.figures), computed with
`analysis.figures.metric_family` for a table written before it had one.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.figures import metric_family
from analysis.formatting import format_value

RELATIVE_TOLERANCE = 0.005
# Only a named bank or the central bank is one reporter whose two values for one date can
# contradict; "the sector" (银行业 or 商业银行?), a group or another company may be two.
CONFLICT_SCOPES = ("bank", "central_bank")
FACT_COLUMNS = ["entity", "scope", "metric", "metric_family", "as_of", "value", "unit",
                "qualifier", "n_articles", "article_ids", "first_seen", "last_seen", "conflict",
                "conflicting_values", "example_sentence", "example_article"]

def with_families(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures with a metric_family column (kept when analysis.figures already gives it)."""
    if "metric_family" in figures.columns:
        return figures
    families = [metric_family(m if isinstance(m, str) else "", k) for m, k in
                zip(figures["metric"], figures["kind"], strict=True)]
    return figures.assign(metric_family=pd.Series(families, index=figures.index, dtype="str"))


def significant_digits(value: float) -> int:
    """Digits as written, without leading and trailing zeros: 2.70万亿 -> 2, 3362.73亿 -> 6."""
    return max(1, len(f"{abs(value):.15g}".split("e")[0].replace(".", "").strip("0")))


def same_value(a: float, b: float) -> bool:
    """One figure, rounded: within RELATIVE_TOLERANCE of the larger magnitude, and equal once
    the more precise is rounded to the digits of the less precise (2.7 and 2.70, 864.79 and 865
    are one value; 3362.73 and 3355.77, both written to the hundredth, are two)."""
    if abs(a - b) > RELATIVE_TOLERANCE * max(abs(a), abs(b)):
        return False
    digits = min(significant_digits(a), significant_digits(b))
    return float(f"{a:.{digits}g}") == float(f"{b:.{digits}g}")


def value_clusters(values: list[float]) -> list[int]:
    """A cluster number per value: sorted values chain into one cluster while each is the same
    value as the cluster's smallest, so a cluster never spans more than the tolerance."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    labels = [0] * len(values)
    cluster, anchor = -1, None
    for i in order:
        if anchor is None or not same_value(values[i], anchor):
            cluster, anchor = cluster + 1, values[i]
        labels[i] = cluster
    return labels


def group_keys(figures: pd.DataFrame) -> pd.Series:
    """The merge key of each figure (see the module docstring)."""
    banked = figures["entity"].notna() & (figures["scope"] == "bank")
    dated = figures["as_of"].notna()
    metric = figures["metric"].fillna("").astype(str)
    keys = (figures["entity"].fillna("").astype(str) + "|" + figures["scope"].astype(str) + "|"
            + figures["metric_family"].astype(str) + "|" + figures["as_of"].fillna("").astype(str)
            + "|" + figures["unit"].astype(str))
    return keys.where(banked & dated, keys + "|" + metric)


def empty_facts(with_stories: bool = False) -> pd.DataFrame:
    columns = FACT_COLUMNS[:9] + (["n_stories"] if with_stories else []) + FACT_COLUMNS[9:]
    return pd.DataFrame(columns=columns)


def build_facts(figures: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per fact (see the module docstring); `articles` gives dates and story_id.
    Sorted by n_articles (most reported first), then entity, family and as_of. Plain Python
    over the rows: tens of thousands of small groups are slow as pandas groups."""
    has_stories = articles is not None and "story_id" in articles.columns
    if figures.empty:
        return empty_facts(has_stories)
    dates = {} if articles is None else dict(zip(articles["article_id"], articles["date"],
                                                 strict=True))
    stories = (dict(zip(articles["article_id"], articles["story_id"], strict=True))
               if has_stories else {})
    table = with_families(figures).reset_index(drop=True)
    columns = ["article_id", "entity", "scope", "metric", "metric_family", "as_of", "value",
               "unit", "qualifier", "sentence"]
    groups: dict[str, list[dict]] = {}
    for key, record in zip(group_keys(table), table[columns].to_dict("records"), strict=True):
        groups.setdefault(key, []).append(record)
    rows = []
    for records in groups.values():
        clusters = value_clusters([r["value"] for r in records])
        by_cluster: dict[int, list[dict]] = {}
        for record, cluster in zip(records, clusters, strict=True):
            by_cluster.setdefault(cluster, []).append(record)
        first = records[0]
        conflict = bool(len(by_cluster) > 1 and all(isinstance(r["as_of"], str) for r in records)
                        and first["scope"] in CONFLICT_SCOPES
                        and first["metric_family"] != "other"
                        and disagree(records, clusters))
        listed = "; ".join(
            f"{format_value(part[0]['value'], part[0]['unit'], part[0]['qualifier'])}"
            f" ({len({r['article_id'] for r in part})} art.)"
            for _, part in sorted(by_cluster.items())) if conflict else ""
        for _, part in sorted(by_cluster.items()):
            rows.append(fact_row(part, dates, stories, conflict, listed, has_stories))
    facts = pd.DataFrame(rows)
    facts = facts.sort_values(["n_articles", "entity", "metric_family", "as_of"],
                              ascending=[False, True, True, True], na_position="last",
                              kind="stable").reset_index(drop=True)
    return facts.astype({"value": "float64", "n_articles": "int64", "conflict": "bool"})


def disagree(records: list[dict], clusters: list[int]) -> bool:
    """Two articles of the group share no value: one says a, the other b. An article giving
    a and b beside one giving a is two measures of one family, not a contradiction."""
    by_article: dict[str, set[int]] = {}
    for record, cluster in zip(records, clusters, strict=True):
        by_article.setdefault(record["article_id"], set()).add(cluster)
    sets = list({frozenset(v) for v in by_article.values()})
    return any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:])


def most_common(values) -> object:
    """The most frequent of the present values (the first seen among equals), else None."""
    counts = Counter(v for v in values if isinstance(v, str) and v)
    return counts.most_common(1)[0][0] if counts else None


def fact_row(part: list[dict], dates: dict, stories: dict, conflict: bool, listed: str,
             has_stories: bool) -> dict:
    """One fact from the figures that report it (one value of one group)."""
    sources = list(dict.fromkeys(r["article_id"] for r in part))
    seen = sorted(d for d in (dates.get(a) for a in sources) if isinstance(d, str) and d)
    first = part[0]
    row = {
        "entity": first["entity"] if isinstance(first["entity"], str) else None,
        "scope": first["scope"],
        "metric": most_common(r["metric"] for r in part) or "",
        "metric_family": first["metric_family"],
        "as_of": first["as_of"] if isinstance(first["as_of"], str) else None,
        "value": float(Counter(r["value"] for r in part).most_common(1)[0][0]),
        "unit": first["unit"],
        "qualifier": most_common(r["qualifier"] for r in part) or "=",
        "n_articles": len(sources),
    }
    if has_stories:
        row["n_stories"] = len({stories.get(a, a) for a in sources})
    row.update({
        "article_ids": "; ".join(sources),
        "first_seen": seen[0] if seen else None,
        "last_seen": seen[-1] if seen else None,
        "conflict": conflict,
        "conflicting_values": listed,
        "example_sentence": first["sentence"],
        "example_article": first["article_id"],
    })
    return row


def conflicts(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts of conflicting groups, grouped together (entity, family, as_of)."""
    table = facts[facts["conflict"]] if len(facts) else facts
    return table.sort_values(["entity", "metric_family", "as_of", "value"], kind="stable")


def conflict_key(facts: pd.DataFrame) -> pd.Series:
    """The group a fact's conflict is about: entity, scope, family, as_of and unit."""
    columns = ["entity", "scope", "metric_family", "as_of", "unit"]
    return facts[columns].fillna("").astype(str).agg("|".join, axis=1)


def n_conflicts(facts: pd.DataFrame) -> int:
    """How many groups (entity, scope, family, as_of, unit) are in conflict."""
    table = conflicts(facts)
    return int(conflict_key(table).nunique()) if len(table) else 0
