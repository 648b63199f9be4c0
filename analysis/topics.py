"""What the articles talk about: term counts, topic shares, keywords and bank mentions.

Each function takes the articles table of `analysis.corpus.load_corpus` and returns a tidy table
with one row per (article, thing counted), articles in their input order. The text counted is
the article's title, its section headings and its body (`article_text`).

Stories, not copies: a story reposted ten times would count ten times. With `per_story=True`,
`term_counts`, `topic_shares` and `bank_mentions` count each story once, through its
representative article (`one_per_story`, story groups from `analysis.stories`); totals made
from those tables (`top_terms`, `bank_totals`) are then per story too.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

import numpy as np
import pandas as pd

from analysis import resources
from analysis.banks import bank_table, english, find_banks
from analysis.text import TermOptions, count_terms, rjieba_tokenizer, tokenizer

TERM_COLUMNS = ["article_id", "source_file", "term", "count"]
TOPIC_COLUMNS = ["article_id", "topic", "count", "share"]
KEYWORD_COLUMNS = ["article_id", "term", "score", "rank"]
BANK_COLUMNS = ["article_id", "bank", "bank_en", "count"]

# Below this many articles a second process costs more (start-up, pickling) than it saves.
PARALLEL_MIN_ARTICLES = 40
PROCESSES_ENV = "ANALYSIS_PROCESSES"


def article_text(article: Mapping) -> str:
    """Title, section headings and body of one article, one per line."""
    sections = article.get("sections")
    headings = [s.get("title") or "" for s in sections] if isinstance(sections, list) else []
    parts = [article.get("title"), *headings, article.get("text")]
    return "\n".join(p for p in parts if isinstance(p, str) and p)


def article_labels(articles: pd.DataFrame, width: int = 16) -> dict[str, str]:
    """Short chart labels, "A1 标题…", unique per article and in input order."""
    labels = {}
    for number, row in enumerate(articles.itertuples(index=False), start=1):
        title = row.title if isinstance(row.title, str) and row.title else row.article_id
        short = title if len(title) <= width else title[: width - 1] + "…"
        labels[row.article_id] = f"A{number} {short}"
    return labels


# ---------------------------------------------------------------- term counts


def resolve_processes(processes: int | None, n_articles: int) -> int:
    """None: $ANALYSIS_PROCESSES, else every core once the corpus is large enough to pay off."""
    if processes is None:
        env = os.environ.get(PROCESSES_ENV, "").strip()
        enough = n_articles >= PARALLEL_MIN_ARTICLES
        processes = int(env) if env else (os.cpu_count() or 1) if enough else 1
    return max(1, min(processes, n_articles or 1))


def count_chunk(texts: list[str], options: TermOptions) -> list[dict[str, int]]:
    """The term counts of each text (one worker's share)."""
    return [count_terms(text, options) for text in texts]


def pool_context():
    # fork shares the dictionary the parent already loaded; elsewhere each worker loads it once.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def chunked(items: list, n: int) -> list[list]:
    size = math.ceil(len(items) / n) if items else 1
    return [items[i: i + size] for i in range(0, len(items), size)]


def one_per_story(articles: pd.DataFrame) -> pd.DataFrame:
    """Each story's representative article (story_id equal to its article_id), in input order;
    story groups are made first when the table has no story_id column."""
    if "story_id" not in articles:
        from analysis.stories import assign_stories

        articles = assign_stories(articles)
    return articles[articles["story_id"] == articles["article_id"]]


def term_counts(articles: pd.DataFrame, options: TermOptions | None = None, *,
                processes: int | None = None, per_story: bool = False) -> pd.DataFrame:
    """article_id, source_file, term, count: every term of every article (of every story's
    representative with `per_story`).

    Rows follow the input order of the articles, then count (descending), then term, whatever
    the segmenter or the number of processes.
    """
    if per_story:
        articles = one_per_story(articles)
    options = options or TermOptions()
    options = replace(options, segmenter=options.resolved_segmenter())
    texts = [article_text(row) for row in articles.to_dict("records")]
    workers = resolve_processes(processes, len(texts))
    # Load the dictionary here, once: forked workers inherit it instead of loading their own.
    if options.segmenter == "rjieba":
        rjieba_tokenizer()
    else:
        tokenizer()
    if workers == 1:
        per_article = count_chunk(texts, options)
    else:
        # A few chunks per worker balance uneven article lengths; map keeps the input order.
        chunks = chunked(texts, workers * 4)
        with ProcessPoolExecutor(workers, mp_context=pool_context()) as pool:
            per_article = [c for part in pool.map(count_chunk, chunks, [options] * len(chunks))
                           for c in part]
    return ranked_table(articles, per_article)


def ranked_table(articles: pd.DataFrame, per_article: list[dict[str, int]]) -> pd.DataFrame:
    """The tidy table of per-article counts: articles in order, then count (descending), then
    term (by code point), sorted once for the whole table."""
    sizes = [len(counts) for counts in per_article]
    order = np.repeat(np.arange(len(per_article)), sizes)
    table = pd.DataFrame({
        "article_id": articles["article_id"].to_numpy()[order],
        "source_file": articles["source_file"].to_numpy()[order],
        "term": [term for counts in per_article for term in counts],
        "count": np.fromiter((n for counts in per_article for n in counts.values()),
                             dtype="int64", count=sum(sizes)),
        "_a": order,
    }, columns=[*TERM_COLUMNS, "_a"])
    table = table.sort_values(["_a", "count", "term"], ascending=[True, False, True],
                              kind="stable")
    return table[TERM_COLUMNS].reset_index(drop=True)


def top_terms(counts: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """term, count (over all articles), articles (how many use it): the n most frequent terms."""
    table = counts.groupby("term", sort=True).agg(count=("count", "sum"),
                                                    articles=("article_id", "nunique"))
    table = table.reset_index().sort_values(["count", "term"], ascending=[False, True],
                                            kind="stable")
    return table.head(n).reset_index(drop=True)


def top_terms_by_article(counts: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n most frequent terms of each article (term_counts is already sorted that way)."""
    return counts.groupby("article_id", sort=False).head(n).reset_index(drop=True)


# ---------------------------------------------------------------- topics


taxonomy = resources.topics


def topic_labels(language: str = "en") -> dict[str, str]:
    return {key: topic[language] for key, topic in taxonomy().items()}


def topic_terms() -> pd.DataFrame:
    """topic, term: the taxonomy as a table."""
    pairs = [(key, term) for key, topic in taxonomy().items() for term in topic["terms"]]
    return pd.DataFrame(pairs, columns=["topic", "term"])


def topic_shares(articles: pd.DataFrame, counts: pd.DataFrame | None = None, *,
                 per_story: bool = False) -> pd.DataFrame:
    """article_id, topic, count, share: how much of an article's topic vocabulary each topic has.

    `count` is the number of taxonomy-term tokens of the topic in the article; `share` is that
    count over the article's total, so the shares of an article sum to 1 over the topics it
    touches (topics it never touches have no row). Pass `counts` (term_counts) to reuse them.
    With `per_story`, only each story's representative has rows.
    """
    if per_story:
        articles = one_per_story(articles)
        if counts is not None:
            counts = counts[counts["article_id"].isin(articles["article_id"])]
    counts = term_counts(articles) if counts is None else counts
    order = {article_id: i for i, article_id in enumerate(articles["article_id"])}
    topic_order = {key: i for i, key in enumerate(taxonomy())}
    hits = counts.merge(topic_terms(), on="term", how="inner")
    table = hits.groupby(["article_id", "topic"], as_index=False, sort=False)["count"].sum()
    table["count"] = table["count"].astype("int64")
    table["share"] = table["count"] / table.groupby("article_id")["count"].transform("sum")
    table = table.assign(_a=table["article_id"].map(order), _t=table["topic"].map(topic_order))
    table = table.sort_values(["_a", "_t"], kind="stable")
    return table[TOPIC_COLUMNS].reset_index(drop=True)


def topic_matrix(shares: pd.DataFrame, articles: pd.DataFrame,
                 value: str = "share") -> pd.DataFrame:
    """Articles x topics (all of both, in order), 0 where an article does not touch a topic."""
    matrix = shares.pivot(index="article_id", columns="topic", values=value)
    return matrix.reindex(index=list(articles["article_id"]), columns=list(taxonomy())).fillna(0)


# ---------------------------------------------------------------- keywords


def keywords(articles: pd.DataFrame, k: int = 10,
             counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """article_id, term, score, rank: the k terms that set each article apart from the others.

    score = tf x idf, with tf = the term's share of the article's terms and
    idf = ln((1 + N) / df) over the N articles of the corpus (df: articles using the term).
    A word every article uses scores near zero (ln(1 + 1/N)), one article's own word ln(1 + N);
    with a single article the ranking is by frequency. Ties go to the term that sorts first.
    """
    counts = term_counts(articles) if counts is None else counts
    n_articles = articles["article_id"].nunique()
    df = counts.groupby("term")["article_id"].nunique()
    idf = ((1 + n_articles) / df).map(math.log)
    table = counts[["article_id", "term", "count"]].copy()
    table["score"] = (table["count"] / table.groupby("article_id")["count"].transform("sum")
                      * table["term"].map(idf))
    order = {article_id: i for i, article_id in enumerate(articles["article_id"])}
    table["_a"] = table["article_id"].map(order)
    table = table.sort_values(["_a", "score", "term"], ascending=[True, False, True], kind="stable")
    table = table.groupby("article_id", sort=False).head(k)
    table["rank"] = table.groupby("article_id", sort=False).cumcount().astype("int64") + 1
    return table[KEYWORD_COLUMNS].reset_index(drop=True)


# ---------------------------------------------------------------- banks


def bank_counts(text: str) -> Counter:
    """Mentions per canonical bank in `text`; a group (工农中建) counts once for each member."""
    return Counter(bank for mention in find_banks(text) for bank in mention.banks)


def bank_mentions(articles: pd.DataFrame, *, per_story: bool = False) -> pd.DataFrame:
    """article_id, bank, bank_en, count: how often each article names each bank, aliases merged.

    Within an article, banks with more mentions come first, ties in the order of banks.yaml.
    With `per_story`, each story counts once (its representative's mentions).
    """
    if per_story:
        articles = one_per_story(articles)
    bank_order = {name: i for i, name in enumerate(bank_table()["banks"])}
    rows = []
    for row in articles.to_dict("records"):
        counts = bank_counts(article_text(row))
        ranked = sorted(counts, key=lambda b: (-counts[b], bank_order.get(b, len(bank_order)), b))
        rows.extend((row["article_id"], bank, english(bank), counts[bank]) for bank in ranked)
    table = pd.DataFrame(rows, columns=BANK_COLUMNS)
    table["count"] = table["count"].astype("int64")
    return table


def bank_totals(mentions: pd.DataFrame) -> pd.DataFrame:
    """bank, bank_en, count, articles: mentions over the whole corpus, most mentioned first."""
    bank_order = {name: i for i, name in enumerate(bank_table()["banks"])}
    table = mentions.groupby(["bank", "bank_en"], as_index=False).agg(
        count=("count", "sum"), articles=("article_id", "nunique"))
    table["_o"] = table["bank"].map(bank_order)
    table = table.sort_values(["count", "_o"], ascending=[False, True], kind="stable")
    return table.drop(columns="_o").reset_index(drop=True)


def mentions_matrix(mentions: pd.DataFrame, articles: pd.DataFrame,
                    banks: Iterable[str] | None = None) -> pd.DataFrame:
    """Banks x articles mention counts, 0 where an article does not name a bank."""
    banks = list(banks) if banks is not None else list(bank_totals(mentions)["bank"])
    matrix = mentions.pivot(index="bank", columns="article_id", values="count")
    return matrix.reindex(index=banks, columns=list(articles["article_id"])).fillna(0).astype(int)
