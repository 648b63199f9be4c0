"""Command line: `python -m analysis SUBCOMMAND [CORPUS] -o FILE`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus, load_corpus
from analysis.io import FORMATS, write_table
from analysis.loading import CorpusError
from analysis.text import SEGMENTERS, default_segmenter

DEFAULT_CORPUS = "data/raw"


def articles_table(corpus: Corpus, args: argparse.Namespace) -> pd.DataFrame:
    return corpus.articles


def figures_table(corpus: Corpus, args: argparse.Namespace) -> pd.DataFrame:
    from analysis.figures import extract_figures

    return extract_figures(corpus.articles)


def terms_table(corpus: Corpus, args: argparse.Namespace) -> pd.DataFrame:
    from analysis.text import TermOptions
    from analysis.topics import term_counts

    return term_counts(corpus.articles, TermOptions(segmenter=args.segmenter),
                       processes=args.jobs)


TABLES: dict[str, tuple[str, Callable[[Corpus, argparse.Namespace], pd.DataFrame]]] = {
    "articles": ("one row per clean article (title, outlet, authors, date, sections, text)",
                 articles_table),
    "figures": ("every money and percentage figure with its bank, qualifier, date and sentence",
                figures_table),
    "terms": ("term counts per article after jieba segmentation", terms_table),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Turn a folder of Chinese news articles into tidy tables and a report.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    for name, (summary, _) in TABLES.items():
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS,
                         help=f"folder of .md/.markdown/.txt articles (default: {DEFAULT_CORPUS})")
        sub.add_argument("-o", "--output", required=True,
                         help=f"output file; format from its extension ({', '.join(FORMATS)})")
        sub.add_argument("--log", help="also write the cleaning log (file, article, kind, detail)")
        sub.add_argument("--segmenter", choices=SEGMENTERS, default=default_segmenter(),
                         help="word segmenter: jieba (reference) or rjieba (same algorithm and "
                              "dictionary in Rust, faster); default jieba, or $ANALYSIS_SEGMENTER")
        if name == "terms":
            sub.add_argument("--jobs", type=int, default=None,
                             help="processes counting terms (default: all cores from 40 articles)")
    report = commands.add_parser("report", help="execute the notebooks and render HTML and PDF",
                                 description="Execute the notebooks on CORPUS and render the report.")
    report.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    report.add_argument("--reports", default="reports", help="output folder (default: reports)")
    return parser


def report_problems(corpus: Corpus) -> None:
    """Every skipped file and warning on stderr, then the one-line summary."""
    for row in corpus.log[corpus.log["kind"].isin(["skipped", "warning"])].itertuples():
        print(f"{row.kind}: {row.file}: {row.detail}", file=sys.stderr)
    print(corpus.summary(), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "report":
        from analysis.build import build_report

        return build_report(args.corpus, args.reports)
    if Path(args.output).suffix.lower() not in FORMATS:
        print(f"error: cannot write {args.output}: use one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    try:
        corpus = load_corpus(args.corpus, segmenter=args.segmenter)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    report_problems(corpus)
    if corpus.articles.empty:
        print(f"error: no article could be loaded from {args.corpus}", file=sys.stderr)
        return 2
    table = TABLES[args.command][1](corpus, args)
    write_table(table, args.output)
    if args.log:
        write_table(corpus.log, args.log)
    print(f"wrote {len(table)} rows to {args.output}", file=sys.stderr)
    return 0
