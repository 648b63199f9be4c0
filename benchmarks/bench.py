"""`make bench`: time, speed and peak memory of each command on synthetic corpora, beside bare jieba.

    python benchmarks/bench.py [--sizes 300 2000] [--large] [--repeat 2] [--dask] [--keep DIR]

The corpora are synthesised from the seed articles' clean paragraphs (N files of about the
seeds' size, each a different seeded draw, dated across 2023-2025), so the text is real Chinese
financial news. Every command runs in a fresh process, so its time includes start-up, imports
and dictionary loading, and its peak memory is that of the process and all its workers (their
proportional set size, sampled with psutil). Each is run --repeat times: the table
gives the fastest and slowest run (the spread is the machine's noise) and the largest peak.

Rows, per corpus size:
  bare jieba          read each file, jieba.lcut, count tokens (the issue's yardstick)
  articles/figures/terms
                      `python -m analysis STAGE CORPUS -o out.parquet`, defaults (rjieba, all
                      cores); "x jieba" is its time over bare jieba's
  ... --engine dask   the same on a two-worker dask LocalCluster (with --dask)
  stories             analysis.stories.assign_stories on the cleaned articles, in process
--large adds 20,000 articles (about 150 MB; the run takes several minutes).
"""

from __future__ import annotations

import argparse
import json
import random
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
from analysis.corpus import load_corpus
from analysis.stories import assign_stories
articles = load_corpus(sys.argv[1], segmenter="rjieba").articles
start = time.perf_counter()
stories = assign_stories(articles)
print(json.dumps({"seconds": time.perf_counter() - start,
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


def measure(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB of the process tree, and stdout of `python ARGS`."""
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
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed with status {process.returncode}")
        out.seek(0)
        return seconds, peak / 1e6, out.read()


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


def bench_size(n: int, folder: Path, repeat: int, dask: bool) -> list[tuple[str, ...]]:
    mb = synthesise(folder, n) / 1e6
    rows = []
    bare = [measure(["-c", BARE_JIEBA, str(folder)]) for _ in range(repeat)]
    bare_s = [s for s, _, _ in bare]
    rows.append((f"{n:,}", "bare jieba", spread(bare_s), spread([mb / s for s in bare_s]),
                 f"{max(p for _, p, _ in bare):.0f}", "1"))
    commands = [(stage, []) for stage in ("articles", "figures", "terms")]
    if dask:
        commands += [("terms", ["--engine", "dask"]), ("articles", ["--engine", "dask"])]
    with tempfile.TemporaryDirectory() as out:
        for stage, flags in commands:
            runs = [measure(["-m", "analysis", stage, str(folder), "-o",
                             f"{out}/{stage}.parquet", *flags]) for _ in range(repeat)]
            seconds = [s for s, _, _ in runs]
            ratios = [s / b for s in seconds for b in bare_s]
            rows.append((f"{n:,}", " ".join([stage, *flags]), spread(seconds),
                         spread([mb / s for s in seconds]), f"{max(p for _, p, _ in runs):.0f}",
                         spread(ratios)))
    runs = [measure(["-c", STORIES, str(folder)]) for _ in range(repeat)]
    seconds = [json.loads(text)["seconds"] for _, _, text in runs]
    found = json.loads(runs[0][2])
    rows.append((f"{n:,}", f"stories ({found['stories']:,} of {found['articles']:,})",
                 spread(seconds), spread([mb / s for s in seconds]), "", ""))
    return rows, mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2000])
    parser.add_argument("--large", action="store_true", help="add 20,000 articles")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--dask", action="store_true", help="add --engine dask rows")
    parser.add_argument("--keep", type=Path, help="write the corpora below this folder, keep them")
    options = parser.parse_args()
    sizes = options.sizes + ([20_000] if options.large else [])

    header = ("articles", "command", "seconds", "MB/s", "peak MB", "x jieba")
    widths = (9, 38, 14, 12, 9, 11)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for n in sizes:
        base = options.keep or Path(tempfile.mkdtemp(prefix="bench-"))
        folder = base / f"corpus-{n}"
        folder.mkdir(parents=True, exist_ok=True)
        rows, mb = bench_size(n, folder, options.repeat, options.dask)
        print(f"-- {n:,} articles, {mb:.1f} MB", flush=True)
        for row in rows:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)), flush=True)
    print(f"\n{options.repeat} runs each; goal: terms at most 0.5x bare jieba on 300 articles, "
          "peak at most 1,500 MB on 20,000")


if __name__ == "__main__":
    main()
