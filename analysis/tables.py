"""The reader's tables the chapters show: articles, cleaning steps, figures by article.

Each takes the tidy tables of the pipeline and returns a DataFrame with reader's column names,
articles keyed A1, A2, … in corpus order; `analysis.display.show_table` renders them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.cleaning import outlet_label
from analysis.display import plain_text
from analysis.selections import article_keys

DATE_SOURCES = {"front_matter": "front matter", "text": "dateline", "manifest": "folder manifest",
                "inferred": "inferred"}


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
    from analysis.selections import figure_table

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




# ------------------------------------------------------------------ what the articles talk about


def topic_label(key: str) -> str:
    """"AI industry chain (人工智能产业链)"."""
    from analysis import topics

    return f"{topics.topic_labels()[key]} ({topics.topic_labels('zh')[key]})"


def topic_taxonomy_table() -> pd.DataFrame:
    """Topic, Terms: the taxonomy as the reader sees it."""
    from analysis import topics

    terms = topics.topic_terms().groupby("topic", sort=False)["term"].agg("、".join)
    return pd.DataFrame({"Topic": [topic_label(k) for k in terms.index],
                         "Terms": terms.to_numpy()})


def topic_totals(shares: pd.DataFrame) -> pd.DataFrame:
    """topic, count, share: each topic's words over the whole corpus and their share of all
    topic words, largest first."""
    table = shares.groupby("topic", as_index=False, sort=False)["count"].sum()
    total = table["count"].sum()
    table["share"] = table["count"] / total if total else 0.0
    return table.sort_values("count", ascending=False, kind="stable").reset_index(drop=True)


def leading_topics(shares: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Article, Title, Topic, Share, Words: the topic with the largest share of each article
    (articles without topic words left out), in corpus order."""
    keys = article_keys(articles)
    titles = dict(zip(articles["article_id"], articles["title"], strict=True))
    lead = shares.sort_values(["share", "count"], ascending=False, kind="stable") \
        .groupby("article_id", sort=False).head(1)
    order = {a: i for i, a in enumerate(keys)}
    lead = lead.assign(_order=lead["article_id"].map(order)).sort_values("_order", kind="stable")
    return pd.DataFrame({
        "Article": lead["article_id"].map(keys).to_numpy(),
        "Title": lead["article_id"].map(titles).map(plain_text).to_numpy(),
        "Topic": lead["topic"].map(topic_label).to_numpy(),
        "Share": lead["share"].map("{:.0%}".format).to_numpy(),
        "Words": lead["count"].astype(int).to_numpy(),
    })


def keyword_table(found: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Article, Title, Keywords: each article's keywords (`topics.keywords`), most distinctive
    first, in corpus order."""
    keys = article_keys(articles)
    per_article = found.groupby("article_id", sort=False)["term"].agg("、".join)
    ids = [a for a in keys if a in per_article.index]
    titles = dict(zip(articles["article_id"], articles["title"], strict=True))
    return pd.DataFrame({
        "Article": [keys[a] for a in ids],
        "Title": [plain_text(titles.get(a)) for a in ids],
        "Keywords, most distinctive first": [per_article[a] for a in ids],
    })


def bank_totals_table(totals: pd.DataFrame) -> pd.DataFrame:
    """Bank, English name, Mentions, Articles: `topics.bank_totals` as the reader sees it."""
    return totals.rename(columns={"bank": "Bank", "bank_en": "English name",
                                  "count": "Mentions", "articles": "Articles"})


# ------------------------------------------------------------------ the stages, stored once per build


@dataclass
class ReportData:
    """What every chapter reads: the corpus (articles and cleaning log), figures, term counts."""

    corpus: object  # analysis.corpus.Corpus
    figures: pd.DataFrame
    terms: pd.DataFrame
    facts: pd.DataFrame

    @property
    def articles(self) -> pd.DataFrame:
        return self.corpus.articles

    @property
    def log(self) -> pd.DataFrame:
        return self.corpus.log


def corpus_signature(folder: str | Path) -> str:
    """Name, size and modification time of every file under `folder`, digested: it changes
    when a file is added, removed or edited, and costs a directory walk, not a read."""
    from analysis.cache import code_version

    folder = Path(folder).resolve()  # the same digest from notebooks/ as from the build
    digest = hashlib.sha256(f"{folder}|{code_version()}".encode())
    for root, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            stat = os.stat(os.path.join(root, name))
            digest.update(f"{root}/{name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _folder_key(folder: str | Path) -> str:
    return hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:8]


def stored_path(folder: str | Path, processed_dir: str | Path) -> Path:
    return Path(processed_dir) / f"report-{_folder_key(folder)}-{corpus_signature(folder)}.pkl"


def compute_report_data(folder: str | Path, processed_dir: str | Path | None, *,
                        engine: str | None = None, **engine_options) -> ReportData:
    """Every stage on the corpus at `folder`. Without `engine`, in this process through the
    pipeline and its processed-table cache; with `engine` ("local", "dask"), from one pass of
    analysis.engine over the files (`engine_options`: workers, scheduler, partition_files),
    which gives the same tables."""
    from analysis import pipeline

    if engine is None:
        corpus = pipeline.corpus(folder, processed_dir)
        if corpus.articles.empty:
            return ReportData(corpus, pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
        figures = pipeline.figures(corpus.articles, processed_dir)
        terms = pipeline.terms(corpus.articles, processed_dir)
    else:
        from analysis.engine import report_tables

        corpus, figures, terms = report_tables(folder, engine=engine, **engine_options)
        if corpus.articles.empty:
            return ReportData(corpus, pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    return ReportData(corpus, figures, terms, pipeline.facts(corpus.articles, figures,
                                                             processed_dir))


def store_report_data(data: ReportData, folder: str | Path, processed_dir: str | Path) -> Path:
    """Keep the finished tables in one file the notebooks read in a fraction of a second
    (the per-stage cache rebuilds its tables row by row, and loads jieba on every call)."""
    path = stored_path(folder, processed_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f"report-{_folder_key(folder)}-*.pkl"):  # older builds
        stale.unlink(missing_ok=True)
    pd.to_pickle(data, path)
    return path


def report_data(folder: str | Path, processed_dir: str | Path | None) -> ReportData:
    """The tables stored by the last build of this corpus when its files and the code are
    unchanged; computed through the pipeline otherwise (a notebook opened on its own)."""
    if processed_dir is not None:
        path = stored_path(folder, processed_dir)
        if path.exists():
            return pd.read_pickle(path)  # written by store_report_data in this project only
    return compute_report_data(folder, processed_dir)


# Per-article charts (one panel, row or legend entry per article) only up to this many
# articles: past it a chart has more small multiples or legend entries than a reader can take.
PER_ARTICLE_MAX = 10


def figure_list(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every figure as a reader's table, in corpus order: Article (key), Figure (as written),
    Reading, Bank, Scope, Metric, As of, Quote."""
    from analysis.selections import figure_table

    keys = article_keys(articles)
    table = figure_table(figures)
    table["article"] = table["article"].map(keys)
    table.columns = [c.capitalize() for c in table.columns]
    return table.reset_index(drop=True)


def optional_tables(data: ReportData) -> dict[str, pd.DataFrame]:
    """The facts (figures merged across articles) and the repost groups (stories told by more
    than one article), complete, as the analyst's files beside the report."""
    from analysis.stories import repost_groups

    found = {"facts": data.facts}
    if "story_id" in data.articles.columns:
        groups = repost_groups(data.articles)
        listed = ["article_ids", "titles", "outlets", "dates"]
        found["repost-groups"] = groups.assign(**{  # one cell of text per list
            column: groups[column].map(lambda items: "; ".join(map(str, items)))
            for column in listed if column in groups.columns})
    return found


def reader_tables(data: ReportData) -> dict[str, pd.DataFrame]:
    """The same tables as the appendix shows them: the columns a reader needs, so they fit A4
    (every column is in the files `optional_tables` writes)."""
    from analysis.selections import fact_table

    keys = article_keys(data.articles)
    complete = optional_tables(data)
    shown = {"facts": fact_table(data.facts, keys) if len(data.facts) else data.facts}
    groups = complete.get("repost-groups")
    if groups is not None:
        shown["repost-groups"] = pd.DataFrame({
            "Story": groups["representative"].map(keys) if "representative" in groups else "",
            "Articles": groups["n_articles"],
            "Keys": [", ".join(keys.get(a, a) for a in ids.split("; "))
                     for ids in groups["article_ids"]],
            "Outlets": groups["outlets"],
            "Title": groups["representative_title"].map(plain_text),
        })
    return shown


OPTIONAL_CAPTIONS = {
    "facts": "Every fact: the same figure reported by several articles merged into one row, "
             "with its sources and any conflict between them.",
    "repost-groups": "Articles that repeat the same story, by story.",
}


def write_complete_tables(data: ReportData, folder: str | Path) -> list[Path]:
    """The analyst's tables beside the report, each as CSV and Parquet: every figure (base
    units, offsets), the cleaning log, and the facts and repost groups where they exist."""
    from analysis.io import write_table

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    named = {"figures": data.figures, "cleaning-log": data.log,
             **{k: v for k, v in optional_tables(data).items()}}
    for name, table in named.items():
        for suffix in (".csv", ".parquet"):
            written.append(write_table(table, folder / f"{name}{suffix}"))
    return written
