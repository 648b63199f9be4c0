"""Running a per-file stage over a whole corpus: in this process's pool, or on dask.distributed.

Every stage of the command line is per file and embarrassingly parallel: read a file, clean it,
then extract figures or count terms from its articles. So a run is

1. `plan` and `partition`: list the corpus and cut its files into partitions (lists of file
   names, in order);
2. `run_partition`, on each partition, anywhere: read, clean and run the stage on its articles,
   returning the stage's table, the cleaning log and each file's fingerprint;
3. `Collector`, in this process, partition by partition in corpus order: drop the files that
   repeat an earlier one (the fingerprint of `analysis.corpus`, as load_corpus does), keep the
   log, and hand the table to a `TableSink`, which streams it to the output.

Only one partition's results are held at a time, so memory does not grow with the corpus.
The engines differ only in where step 2 runs:

- "local" (default): a process pool (fork) on this machine's cores, or this process alone;
- "dask": a dask.distributed cluster, a two-worker LocalCluster unless `scheduler` names an
  existing one ("tcp://host:8786"). The partitions are a dask.bag over the file names; the
  workers read the files themselves (they must see the corpus folder at the same path: a shared
  or network file system on a real cluster) and send the tables back.

Both give the same tables, in the same order, as `load_corpus` followed by the stage.

A new stage is one entry in STAGES: a function (articles of one partition, options) -> table
with a `source_file` column. `run` maps it; nothing else changes.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus import (
    ARTICLE_COLUMNS,
    LOG_COLUMNS,
    Cleaned,
    Corpus,
    Duplicates,
    articles_frame,
    corpus_files,
    file_row,
    read_and_clean,
)
from analysis.io import TableSink

ENGINES = ("local", "dask")
# Files per partition: large enough that scheduling costs little next to the work, small enough
# that a partition's tables (a few MB) are cheap to hold and that every worker gets several.
PARTITION_FILES = 250
# Below this many files a pool costs more (start-up, pickling) than it saves.
PARALLEL_MIN_FILES = 40
DASK_WORKERS = 2


# ---------------------------------------------------------------- stages


def articles_stage(articles: pd.DataFrame, options: dict) -> pd.DataFrame:
    return articles


def figures_stage(articles: pd.DataFrame, options: dict) -> pd.DataFrame:
    from analysis.figures import extract_figures

    return extract_figures(articles)


def terms_stage(articles: pd.DataFrame, options: dict) -> pd.DataFrame:
    from analysis.text import TermOptions
    from analysis.topics import term_counts

    return term_counts(articles, TermOptions(segmenter=options.get("segmenter")), processes=1)


def report_stage(articles: pd.DataFrame, options: dict) -> dict[str, pd.DataFrame]:
    """Every per-file table the report reads, from one reading and cleaning of the files."""
    return {"articles": articles, "figures": figures_stage(articles, options),
            "terms": terms_stage(articles, options)}


# A stage returns its table, or several tables by name (the report's).
STAGES: dict[str, Callable[[pd.DataFrame, dict], pd.DataFrame | dict[str, pd.DataFrame]]] = {
    "articles": articles_stage,
    "figures": figures_stage,
    "terms": terms_stage,
    "facts": figures_stage,  # the figures, merged into facts once every partition is in (cli)
    "report": report_stage,  # articles, figures and terms; facts made once they are all in
}
# Stages whose run also groups the articles into stories (analysis.stories).
STORY_STAGES = ("articles", "facts", "report")
# Stages whose tables hold the articles' texts, which the story check reads back.
TEXT_STAGES = ("articles", "report")


def warm_up(stage: str, options: dict) -> None:
    """Load the dictionaries a stage needs in this process, so forked workers share them."""
    from analysis.text import rjieba_tokenizer, tokenizer

    for name in {options.get("segmenter"), options.get("cleaning_segmenter")}:
        rjieba_tokenizer() if name == "rjieba" else tokenizer()
    if stage in ("figures", "facts", "report"):
        from analysis.figures import extract_figures

        extract_figures(pd.DataFrame(columns=ARTICLE_COLUMNS))
    if stage in STORY_STAGES:
        from analysis.stories import fold_table, permutations

        fold_table(), permutations()


# ---------------------------------------------------------------- one partition


@dataclass
class PartitionResult:
    files: list[Cleaned]  # each document's log rows and fingerprint; its articles are in `tables`
    tables: dict[str, pd.DataFrame]  # the stage's table by the stage's name, or its tables
    stories: pd.DataFrame  # article_id, source_file, date, n_chars, signature (STORY_STAGES)
    problems: list[dict] = field(default_factory=list)  # log rows the stage wrote (warnings)


def run_partition(names: Iterable[str], root: str, stage: str, options: dict) -> PartitionResult:
    """Read, clean and run `stage` on the files `names` of the corpus at `root` (in order)."""
    root_path = Path(root)
    segmenter = options.get("cleaning_segmenter") or "jieba"
    files, articles = [], []
    for name in names:
        for item in read_and_clean(root_path / name, root_path, segmenter,
                                   manifest=options.get("manifest")):
            articles.extend(item.articles)
            # The articles travel once, in the table; the collector only needs their number.
            files.append(replace(item, articles=[None] * item.n_articles))
    frame = articles_frame(articles)
    stories = (story_signatures(frame, with_text=stage not in TEXT_STAGES)
               if stage in STORY_STAGES else pd.DataFrame())
    from analysis.figures import FiguresNotRead

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FiguresNotRead)
        tables = STAGES[stage](frame, options)
    problems = []
    for warning in caught:  # an article whose figures were not read: a row of the log
        if isinstance(warning.message, FiguresNotRead):
            problems.append(file_row(warning.message.source_file, "warning",
                                     f"figures not read: {warning.message.reason}"))
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename,
                                   warning.lineno)
    return PartitionResult(files, tables if isinstance(tables, dict) else {stage: tables},
                           stories, problems)


def story_signatures(articles: pd.DataFrame, with_text: bool = False) -> pd.DataFrame:
    """Each article's MinHash signature; its text too where the stage's own table (figures)
    does not hold it for the exact check of the LSH candidates."""
    from analysis.stories import text_signatures

    table = articles[["article_id", "source_file", "date", "n_chars"]].copy()
    table["signature"] = list(text_signatures(articles["text"].tolist()))
    if with_text:
        table["text"] = articles["text"]
    return table


# ---------------------------------------------------------------- the whole corpus


def plan(folder: str | Path) -> tuple[list[str], list[dict], dict]:
    """The corpus's article files (names relative to `folder`, in order), the log rows of the
    files that are not articles and of manifest rows not used, and the manifest's entries of
    the article files (raises CorpusError when the folder does not exist)."""
    root = Path(folder)
    paths, log, manifest = corpus_files(root)
    names = [path.relative_to(root).as_posix() for path in paths]
    return names, log, {name: manifest[name] for name in names if name in manifest}


def partition(names: list[str], workers: int, size: int | None = None) -> list[list[str]]:
    """Consecutive runs of file names; by default a few per worker (they balance uneven
    files), at most PARTITION_FILES each."""
    if size is None:
        size = min(PARTITION_FILES, max(1, math.ceil(len(names) / (workers * 4))))
    return [names[i: i + size] for i in range(0, len(names), size)]


class MemorySink:
    """A TableSink's interface for tables kept in memory (the report holds them all anyway)."""

    def __init__(self):
        self.parts: list[pd.DataFrame] = []
        self.rows = 0

    def write(self, chunk: pd.DataFrame) -> None:
        if not chunk.empty:
            self.parts.append(chunk)
            self.rows += len(chunk)

    def staged(self) -> Iterator[pd.DataFrame]:
        yield from self.parts

    def table(self, empty: pd.DataFrame) -> pd.DataFrame:
        """The chunks as one table; `empty` when none had rows."""
        return pd.concat(self.parts, ignore_index=True) if self.parts else empty


@dataclass
class Collector:
    """Merges partition results in corpus order: duplicates dropped, log kept, tables streamed
    to their sinks (by table name; tables without a sink are dropped)."""

    sinks: dict[str, TableSink | MemorySink]
    log: list[dict] = field(default_factory=list)
    kept_files: list[str] = field(default_factory=list)  # one entry per article kept
    duplicates: Duplicates = field(default_factory=Duplicates)
    stories: list[pd.DataFrame] = field(default_factory=list)

    def add(self, result: PartitionResult) -> None:
        self.log.extend(result.problems)
        dropped = set()
        for item in result.files:
            self.log.extend(item.problems)
            first = self.duplicates.first_copy(item)
            if first:
                dropped.add(item.source_file)
                self.log.append(file_row(item.source_file, "skipped", f"duplicate of {first}"))
                continue
            self.log.extend(item.cleaning)
            self.kept_files.extend([item.source_file] * item.n_articles)
        for name, table in result.tables.items():
            if name in self.sinks:
                self.sinks[name].write(
                    table[~table["source_file"].isin(dropped)] if dropped else table)
        if not result.stories.empty:
            self.stories.append(result.stories[~result.stories["source_file"].isin(dropped)])

    def corpus(self) -> Corpus:
        """A Corpus for the summary line: each kept article's file, and the cleaning log."""
        log = pd.DataFrame(self.log, columns=LOG_COLUMNS)
        return Corpus(pd.DataFrame({"source_file": self.kept_files}), log)


def map_partitions(partitions: list[list[str]], root: str, stage: str, options: dict, *,
                   engine: str = "local", workers: int | None = None,
                   scheduler: str | None = None) -> Iterator[PartitionResult]:
    """run_partition over every partition, results in partition order."""
    if engine == "dask":
        yield from dask_map(partitions, root, stage, options, scheduler, workers)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    workers = workers or 1
    if workers == 1 or len(partitions) == 1:
        for names in partitions:
            yield run_partition(names, root, stage, options)
        return
    from concurrent.futures import ProcessPoolExecutor

    from analysis.topics import pool_context

    warm_up(stage, options)
    with ProcessPoolExecutor(workers, mp_context=pool_context()) as pool:
        yield from pool.map(run_partition, partitions, [root] * len(partitions),
                            [stage] * len(partitions), [options] * len(partitions))


def dask_map(partitions: list[list[str]], root: str, stage: str, options: dict,
             scheduler: str | None, workers: int | None) -> Iterator[PartitionResult]:
    import dask.bag as db
    from distributed import Client, LocalCluster

    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        # The dashboard on any free port: another cluster on the machine may hold the default
        # one, and distributed then warns on stderr.
        cluster = LocalCluster(n_workers=workers or DASK_WORKERS, threads_per_worker=1,
                               processes=True, dashboard_address=":0")
        client = Client(cluster)
    try:
        # One bag partition per corpus partition: the file names travel, the text does not.
        bag = db.from_sequence(partitions, npartitions=len(partitions))
        futures = client.compute(bag.map(run_partition, root, stage, options).to_delayed())
        for future in futures:  # in order; later partitions keep computing meanwhile
            yield from future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def resolve_workers(workers: int | None, n_files: int) -> int:
    """None: every core ($ANALYSIS_PROCESSES to override), once the corpus is large enough."""
    if workers is None:
        env = os.environ.get("ANALYSIS_PROCESSES", "").strip()
        workers = int(env) if env else (os.cpu_count() or 1) if n_files >= PARALLEL_MIN_FILES else 1
    return max(1, workers)


@dataclass
class RunResult:
    corpus: Corpus  # source_file of the kept articles (not the articles) and the cleaning log
    rows: int
    story_table: pd.DataFrame | None = None  # article_id, story_id, story_size (articles stage)


def stage_options(options: dict | None) -> dict:
    """The options with the segmenters filled in: terms use the default segmenter, and the
    cleaner's cut is the same with either (tested), so it uses the faster one too and spares
    loading jieba's dictionary at all."""
    options = {"segmenter": None, **(options or {})}
    if options["segmenter"] is None:
        from analysis.text import default_segmenter

        options["segmenter"] = default_segmenter()
    options.setdefault("cleaning_segmenter", options["segmenter"])
    return options


def collect(stage: str, folder: str | Path, sinks: dict[str, TableSink | MemorySink], *,
            engine: str, workers: int | None, scheduler: str | None,
            partition_files: int | None, options: dict) -> Collector:
    """Map `stage` over the corpus at `folder` and feed its tables to `sinks`, in corpus order."""
    names, problems, manifest = plan(folder)
    options = {**options, "manifest": manifest} if manifest else options
    if workers is None:
        workers = DASK_WORKERS if engine == "dask" else resolve_workers(None, len(names))
    collector = Collector(sinks, log=list(problems))
    for result in map_partitions(partition(names, workers, partition_files), str(folder), stage,
                                 options, engine=engine, workers=workers, scheduler=scheduler):
        collector.add(result)
    return collector


def run(stage: str, folder: str | Path, output: str | Path | None = None, *,
        engine: str = "local", workers: int | None = None, scheduler: str | None = None,
        partition_files: int | None = None, partitioned: bool | None = None,
        options: dict | None = None) -> RunResult:
    """Run `stage` ("articles", "figures", "terms", "facts") over the corpus at `folder` and
    stream its table to `output` (.csv, .jsonl, .parquet; with the dask engine a .parquet
    output is a folder of parts unless `partitioned=False`). The articles table gets story_id
    and story_size (analysis.stories) once every partition is in."""
    options = stage_options(options)
    if partitioned is None:
        partitioned = engine == "dask" and str(output).lower().endswith(".parquet")
    sink = TableSink(output, partitioned=partitioned) if output is not None else None
    collector = collect(stage, folder, {stage: sink} if sink is not None else {}, engine=engine,
                        workers=workers, scheduler=scheduler, partition_files=partition_files,
                        options=options)
    stories = transform = None
    if stage in STORY_STAGES:
        stories = group_stories(collector.stories, sink)
    if stage == "articles":
        transform = add_story_columns(stories)
    if sink is not None:
        empty = pd.DataFrame(columns=ARTICLE_COLUMNS) if stage == "articles" else None
        sink.close(transform, empty=empty)
    return RunResult(collector.corpus(), sink.rows if sink else 0, stories)


def report_tables(folder: str | Path, *, engine: str = "local", workers: int | None = None,
                  scheduler: str | None = None, partition_files: int | None = None,
                  options: dict | None = None) -> tuple[Corpus, pd.DataFrame, pd.DataFrame]:
    """The report's per-file tables from one pass of the engine over the corpus: the Corpus
    (articles with story_id and story_size, cleaning log), the figures and the term counts;
    the same as analysis.pipeline's corpus, figures and terms (tested)."""
    options = stage_options(options)
    sinks = {name: MemorySink() for name in ("articles", "figures", "terms")}
    collector = collect("report", folder, sinks, engine=engine, workers=workers,
                        scheduler=scheduler, partition_files=partition_files, options=options)
    stories = group_stories(collector.stories, sinks["articles"])
    blank = articles_frame([])
    articles = add_story_columns(stories)(sinks["articles"].table(blank))
    empty = report_stage(blank, options)  # each table's columns, for a corpus without rows
    log = pd.DataFrame(collector.log, columns=LOG_COLUMNS)
    return (Corpus(articles, log), sinks["figures"].table(empty["figures"]),
            sinks["terms"].table(empty["terms"]))


def add_story_columns(stories: pd.DataFrame) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """A function giving a chunk of articles its story_id and story_size (last columns)."""
    from analysis.stories import with_story_columns

    story_of = stories.set_index("article_id")

    def add(chunk: pd.DataFrame) -> pd.DataFrame:
        out = with_story_columns(chunk, chunk["article_id"].map(story_of["story_id"]))
        out["story_size"] = chunk["article_id"].map(story_of["story_size"]).astype("int64")
        return out

    return add


def group_stories(parts: list[pd.DataFrame], sink: TableSink | MemorySink | None
                  ) -> pd.DataFrame:
    """article_id, story_id, story_size from the partitions' signatures; the texts of the LSH
    candidates are read back from the staged parts, one part at a time."""
    from analysis.stories import NUM_PERM, shingles, story_ids

    columns = ["article_id", "source_file", "date", "n_chars", "signature"]
    meta = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)

    def shingle_sets(rows: set[int]) -> Iterator[tuple[int, np.ndarray]]:
        if "text" in meta.columns:
            yield from ((i, shingles(meta["text"].iat[i])) for i in rows)
            return
        wanted = {meta["article_id"].iat[i]: i for i in rows}
        for chunk in (sink.staged() if sink else []):
            hits = chunk[chunk["article_id"].isin(wanted)]
            yield from ((wanted[a], shingles(t)) for a, t in zip(hits["article_id"], hits["text"],
                                                                 strict=True))

    matrix = (np.stack(meta["signature"].tolist()) if len(meta)
              else np.empty((0, NUM_PERM), dtype=np.uint32))
    ids = story_ids(meta, matrix, shingle_sets)
    table = pd.DataFrame({"article_id": meta["article_id"], "date": meta["date"],
                          "story_id": np.asarray(ids, dtype=object)})
    table["story_size"] = table.groupby("story_id")["story_id"].transform("size").astype("int64")
    return table
