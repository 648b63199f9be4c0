"""Command line: `python -m analysis SUBCOMMAND [CORPUS] -o FILE`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus
from analysis.engine import ENGINES, STAGES, RunResult, run
from analysis.io import FORMATS, write_table
from analysis.loading import CorpusError
from analysis.text import SEGMENTERS, default_segmenter

DEFAULT_CORPUS = "data/raw"

# Subcommands that map a per-file stage of analysis.engine over the corpus and stream a table.
TABLES: dict[str, str] = {
    "articles": "one row per clean article (title, outlet, authors, date, sections, text, "
                "story_id)",
    "figures": "every money and percentage figure with its bank, qualifier, date and sentence",
    "terms": "term counts per article after segmentation",
    "facts": "figures merged across the articles that report them, with sources and conflicts",
}


def add_corpus_options(sub: argparse.ArgumentParser) -> None:
    """The options every table subcommand shares: input, output, log, segmenter, engine."""
    sub.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS,
                     help=f"folder of .md/.markdown/.txt articles (default: {DEFAULT_CORPUS})")
    sub.add_argument("-o", "--output", required=True,
                     help=f"output file; format from its extension ({', '.join(FORMATS)}); "
                          "with --engine dask a .parquet output is a folder of parts")
    sub.add_argument("--log", help="also write the cleaning log (file, article, kind, detail)")
    sub.add_argument("--segmenter", choices=SEGMENTERS, default=default_segmenter(),
                     help="word segmenter: rjieba (jieba's algorithm and dictionary in Rust, same "
                          "terms, faster; the default when installed) or jieba; "
                          "or $ANALYSIS_SEGMENTER")
    sub.add_argument("--engine", choices=ENGINES, default="local",
                     help="local: processes on this machine (default); dask: a dask.distributed "
                          "cluster (a local one with --workers processes unless --scheduler)")
    sub.add_argument("--scheduler", metavar="ADDRESS",
                     help="an existing dask scheduler, e.g. tcp://host:8786 (with --engine dask)")
    sub.add_argument("--workers", "--jobs", dest="workers", type=int, default=None,
                     help="processes (local) or LocalCluster workers (dask); default: all cores "
                          "from 40 files (local), 2 (dask)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Turn a folder of Chinese news articles into tidy tables and a report.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    for name, summary in TABLES.items():
        add_corpus_options(commands.add_parser(name, help=summary, description=summary))
    report = commands.add_parser(
        "report", help="execute the notebooks and render HTML and PDF",
        description="Compute the report's tables (corpus, figures, terms, facts, stories) on "
                    "CORPUS, execute the notebooks on them and render the report. By default "
                    "the tables are computed in this process and kept in data/processed/ for "
                    "the next build; with --engine they come from one pass of the engine over "
                    "the files (all cores, or a dask cluster), then the notebooks run as usual.")
    report.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    report.add_argument("--reports", default="reports", help="output folder (default: reports)")
    report.add_argument("--engine", choices=ENGINES, default=None,
                        help="compute the tables with the engine: local (processes on this "
                             "machine) or dask (a local cluster of --workers processes unless "
                             "--scheduler); default: in this process, with the cache")
    report.add_argument("--scheduler", metavar="ADDRESS",
                        help="an existing dask scheduler, e.g. tcp://host:8786 (with --engine "
                             "dask)")
    report.add_argument("--workers", type=int, default=None,
                        help="processes (local) or LocalCluster workers (dask); default: all "
                             "cores from 40 files (local), 2 (dask)")
    return parser


def report_problems(corpus: Corpus) -> None:
    """Every skipped file and warning on stderr, then the one-line summary."""
    for row in corpus.log[corpus.log["kind"].isin(["skipped", "warning"])].itertuples():
        print(f"{row.kind}: {row.file}: {row.detail}", file=sys.stderr)
    print(corpus.summary(), file=sys.stderr)


def run_table(stage: str, args: argparse.Namespace) -> int:
    """Map `stage` over the corpus with the chosen engine, stream its table to args.output,
    report problems; the exit status (2: no article or no folder)."""
    if Path(args.output).suffix.lower() not in FORMATS:
        print(f"error: cannot write {args.output}: use one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    try:
        if stage == "facts":
            result = run_facts(args)
        else:
            result = run(stage, args.corpus, args.output, engine=args.engine,
                         workers=args.workers, scheduler=args.scheduler,
                         options={"segmenter": args.segmenter})
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    report_problems(result.corpus)
    if args.log:
        write_table(result.corpus.log, args.log)
    if result.corpus.articles.empty:
        print(f"error: no article could be loaded from {args.corpus}", file=sys.stderr)
        return 2
    print(f"wrote {result.rows} rows to {args.output}", file=sys.stderr)
    return 0


def run_facts(args: argparse.Namespace) -> RunResult:
    """Facts depend on every figure at once: the engine extracts the figures (and groups the
    stories) partition by partition, then they are merged here and written."""
    from analysis.facts import build_facts
    from analysis.figures import COLUMNS

    with tempfile.TemporaryDirectory(prefix="analysis-facts-") as folder:
        staged = Path(folder) / "figures.parquet"
        result = run("facts", args.corpus, staged, engine=args.engine, workers=args.workers,
                     scheduler=args.scheduler, partitioned=False,
                     options={"segmenter": args.segmenter})
        figures = pd.read_parquet(staged) if staged.exists() else pd.DataFrame(columns=COLUMNS)
    facts = build_facts(figures, result.story_table)
    write_table(facts, args.output)
    return replace(result, rows=len(facts))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "report":
        from analysis.build import build_report

        if args.scheduler and args.engine != "dask":
            print("error: --scheduler needs --engine dask", file=sys.stderr)
            return 2
        options = {"scheduler": args.scheduler, "workers": args.workers} if args.engine else {}
        return build_report(args.corpus, args.reports, engine=args.engine, **options)
    assert args.command in STAGES
    return run_table(args.command, args)
