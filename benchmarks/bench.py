"""`make bench`: time, speed and peak memory of each command on synthetic corpora, beside bare jieba.

    python benchmarks/bench.py [--sizes 300 2000] [--large] [--repeat 3] [--dask] [--keep DIR]

The corpora are synthesised from the seed articles' clean paragraphs (N files of about the
seeds' size, each a different seeded draw, dated across 2023-2025), so the text is real Chinese
financial news. Every command runs in a fresh process, so its time includes start-up, imports
and dictionary loading; its CPU time is that of the process and all its workers (reaped
children), and its peak memory that of the process and its workers together (their
proportional set size, sampled with psutil). Each is run --repeat times, and each round runs
bare jieba and then every command, so a command is compared with the bare jieba of the same
minute: the table gives the fastest and slowest run (the spread is the machine's noise), the
largest peak, and the range of the per-round ratios to bare jieba (wall clock).

Rows, per corpus size:
  bare jieba          read each file, jieba.lcut, count tokens (the issue's yardstick)
  articles/figures/terms
                      `python -m analysis STAGE CORPUS -o out.parquet`, defaults (rjieba, all
                      cores); "x jieba" is its time over bare jieba's
  ... --engine dask   the same on a two-worker dask LocalCluster (with --dask)
  stories             analysis.stories.assign_stories on the articles the `articles` command
                      wrote, in one process: its own time (reading the table excluded)
--large adds 20,000 articles (about 150 MB; the run takes a while).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"

BARE_JIEBA = """
import sys, collections, pathlib, jieba, logging
jieba.setLogLevel(logging.WARNING)
counts = collections.Counter()
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    counts.update(jieba.lcut(path.read_text(encoding="utf-8")))
print(sum(counts.values()))
"""

STORIES = """
import sys, json, time
import pandas as pd
from analysis.stories import assign_stories
articles = pd.read_parquet(sys.argv[1], columns=["article_id", "date", "n_chars", "text"])
cpu, wall = time.process_time(), time.perf_counter()
stories = assign_stories(articles)
print(json.dumps({"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "stories": int(stories["story_id"].nunique()), "articles": len(stories)}))
"""


def synthesise(folder: Path, n: int, seed: int = 7) -> int:
    """Write n article files drawn from the seeds' clean paragraphs; return total bytes."""
    sys.path.insert(0, str(ROOT))
    from analysis.corpus import load_corpus

    articles = load_corpus(SEEDS).articles
    paragraphs = [p for text in articles["text"] for p in text.split("\n") if len(p) > 20]
    titles = list(articles["title"])
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        body = rng.sample(paragraphs, k=min(len(paragraphs), 25))
        date = f"{2023 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        text = (f'---\ntitle: "{rng.choice(titles)}（{i}）"\ndate: "{date}"\n---\n\n'
                + "\n\n".join(body) + "\n")
        path = folder / f"article_{i:05d}.md"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def measure(args: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (the process and its reaped workers), peak resident MB of the
    process tree, and stdout of `python ARGS`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = psutil.Popen([sys.executable, *args], stdout=out, stderr=subprocess.DEVNULL,
                               cwd=ROOT)
        peak = 0
        while process.poll() is None:
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(resident(p) for p in tree))
            except psutil.Error:
                pass  # a worker ended between listing and reading it
            # Reading the proportional set size costs CPU: often at first, then every half second
            # (the peak of a long run is its tables, which build up over seconds).
            time.sleep(0.05 if time.perf_counter() - start < 3 else 0.5)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed with status {process.returncode}")
        out.seek(0)
        return seconds, cpu, peak / 1e6, out.read()


def resident(process: psutil.Process) -> int:
    """Proportional set size where the system gives it (forked workers share the parent's
    pages, which summed RSS would count once per worker), else the resident set size."""
    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return process.memory_info().rss


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    low, high = min(values), max(values)
    return fmt.format(low) if len(values) == 1 else f"{fmt.format(low)}–{fmt.format(high)}"


def bench_size(n: int, folder: Path, repeat: int, dask: bool) -> tuple[list[tuple[str, ...]], float]:
    mb = synthesise(folder, n) / 1e6
    commands = [(stage, []) for stage in ("articles", "figures", "terms")]
    if dask:
        commands += [("terms", ["--engine", "dask"]), ("articles", ["--engine", "dask"])]
    bare: list[tuple] = []
    runs: dict[int, list[tuple]] = {number: [] for number in range(len(commands))}
    with tempfile.TemporaryDirectory() as out:
        for _ in range(repeat):  # one round: bare jieba, then every command, in the same minute
            bare.append(measure(["-c", BARE_JIEBA, str(folder)]))
            for number, (stage, flags) in enumerate(commands):
                runs[number].append(measure(["-m", "analysis", stage, str(folder), "-o",
                                             f"{out}/{stage}.parquet", *flags]))
        stories = [measure(["-c", STORIES, f"{out}/articles.parquet"]) for _ in range(repeat)]
    rows = [row(n, "bare jieba", bare, mb, bare)]
    rows += [row(n, " ".join([stage, *flags]), runs[number], mb, bare)
             for number, (stage, flags) in enumerate(commands)]
    found = [json.loads(text) for *_, text in stories]
    seconds = [f["seconds"] for f in found]
    rows.append((f"{n:,}", f"stories ({found[0]['stories']:,} of {found[0]['articles']:,})",
                 spread(seconds), spread([f["cpu"] for f in found]),
                 spread([mb / s for s in seconds]), "", ""))
    return rows, mb


def row(n: int, command: str, runs: list[tuple], mb: float, bare: list[tuple]) -> tuple[str, ...]:
    """One line of the table; the ratios pair each run with bare jieba's of the same round."""
    seconds = [s for s, *_ in runs]
    ratios = [s / b for s, (b, *_) in zip(seconds, bare, strict=True)]
    median = f" (median {statistics.median(ratios):.2f})" if len(ratios) > 2 else ""
    return (f"{n:,}", command, spread(seconds), spread([c for _, c, *_ in runs]),
            spread([mb / s for s in seconds]), f"{max(p for *_, p, _ in runs):.0f}",
            spread(ratios) + median)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2000])
    parser.add_argument("--large", action="store_true", help="add 20,000 articles")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dask", action="store_true", help="add --engine dask rows")
    parser.add_argument("--keep", type=Path, help="write the corpora below this folder, keep them")
    options = parser.parse_args()
    sizes = options.sizes + ([20_000] if options.large else [])

    header = ("articles", "command", "seconds", "CPU s", "MB/s", "peak MB", "x jieba")
    widths = (9, 30, 13, 13, 11, 8, 24)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for n in sizes:
        base = options.keep or Path(tempfile.mkdtemp(prefix="bench-"))
        folder = base / f"corpus-{n}"
        folder.mkdir(parents=True, exist_ok=True)
        rows, mb = bench_size(n, folder, options.repeat, options.dask)
        print(f"-- {n:,} articles, {mb:.1f} MB", flush=True)
        for line in rows:
            print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)), flush=True)
    print(f"\n{options.repeat} runs each; goal: terms at most 0.5x bare jieba on 300 articles, "
          "peak at most 1,500 MB on 20,000, stories on 20,000 in seconds")


if __name__ == "__main__":
    main()
