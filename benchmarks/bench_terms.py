"""Benchmark: term counting on N synthetic articles against bare jieba over the same files.

    .venv/bin/python benchmarks/bench_terms.py [-n 300] [--repeat 3]

The corpus is synthesised from the seed articles' paragraphs (data/raw) into a temporary folder:
N markdown files, each a title and 8-20 paragraphs drawn without replacement (seeded, so every
run writes the same files). The baseline is what the issue names: read each file, `jieba.lcut`
it, count tokens. Timings are the best of --repeat runs; the ratio is ours / bare jieba, so
below 1 means faster than bare jieba.

In-process stages (dictionaries already loaded on both sides):
  bare jieba            read + jieba.lcut + count, every file
  term_counts           analysis.topics.term_counts on the cleaned articles, per segmenter and
                        number of processes
End to end (a fresh Python process each, dictionary loading and imports included):
  bare jieba            `python -c` doing the above
  analysis terms        `python -m analysis terms DIR -o terms.csv` (reading, cleaning, terms)
Peak memory is the resident set of that process plus its workers, sampled every 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus import load_corpus  # noqa: E402
from analysis.text import TermOptions  # noqa: E402
from analysis.topics import term_counts  # noqa: E402

BARE_JIEBA = """
import sys, collections, pathlib, jieba, logging
jieba.setLogLevel(logging.WARNING)
tokens = collections.Counter()
for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    tokens.update(jieba.lcut(path.read_text(encoding="utf-8")))
print(sum(tokens.values()))
"""


def synthesise(folder: Path, n: int, seed: int = 0) -> int:
    """Write n articles made of seed paragraphs into `folder`; return the bytes written."""
    seeds = load_corpus(ROOT / "data" / "raw").articles
    paragraphs = [p for text in seeds["text"] for p in text.split("\n") if p.strip()]
    titles = list(seeds["title"])
    rng = random.Random(seed)
    size = 0
    for i in range(n):
        body = rng.sample(paragraphs, rng.randint(8, min(20, len(paragraphs))))
        text = f"# {titles[i % len(titles)]}（{i}）\n\n" + "\n\n".join(body) + "\n"
        path = folder / f"synthetic_{i:05d}.md"
        path.write_text(text, encoding="utf-8")
        size += path.stat().st_size
    return size


def best_of(repeat: int, runs: dict[str, object]) -> dict[str, tuple[float, object]]:
    """Best time and last result of each run; the runs take turns, so a burst of load from
    another process on this small machine does not fall on one variant only."""
    best: dict[str, tuple[float, object]] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            result = run()
            elapsed = time.perf_counter() - start
            if name not in best or elapsed < best[name][0]:
                best[name] = (elapsed, result)
    return best


def bare_jieba(folder: Path) -> int:
    import jieba

    tokens: Counter = Counter()
    for path in sorted(folder.iterdir()):
        tokens.update(jieba.lcut(path.read_text(encoding="utf-8")))
    return sum(tokens.values())


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and its children (forked workers share pages: an upper bound)."""
    try:
        import psutil  # installed with Jupyter; the benchmark runs without it, minus memory
    except ImportError:
        return 0
    try:
        process = psutil.Process(pid)
        family = [process, *process.children(recursive=True)]
        return sum(p.memory_info().rss for p in family)
    except psutil.Error:
        return 0


def count_all(articles, options: TermOptions, processes: int) -> int:
    return int(term_counts(articles, options, processes=processes)["count"].sum())


def run_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak resident MB sampled every 50 ms) of one fresh process.

    The kernel's ru_maxrss cannot be used: a child forked from this (large) process starts with
    this process's resident set as its high-water mark.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {process.stderr.read().decode()}")
    return elapsed, peak / 2**20


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = synthesise(folder, args.articles)
        mb = size / 1e6
        print(f"{args.articles} synthetic articles, {mb:.2f} MB, {os.cpu_count()} cores")

        import jieba

        jieba.setLogLevel(60)
        start = time.perf_counter()
        jieba.initialize()
        print(f"jieba dictionary load: {time.perf_counter() - start:.2f} s")

        def line(label: str, seconds: float, base: float, extra: str = "") -> None:
            print(f"  {label:<34} {seconds:7.3f} s  {mb / seconds:6.2f} MB/s  "
                  f"{args.articles / seconds:8.0f} articles/s  ratio {seconds / base:5.2f}{extra}")

        articles = load_corpus(folder).articles
        variants = [(segmenter, processes) for segmenter in ("jieba", "rjieba")
                    for processes in (1, 2)]
        for segmenter in ("jieba", "rjieba"):  # load each dictionary before timing
            term_counts(articles.head(2), TermOptions(segmenter=segmenter), processes=1)
        runs: dict[str, object] = {
            "bare jieba (read, lcut, count)": lambda: bare_jieba(folder),
            "load_corpus (read, clean)": lambda: len(load_corpus(folder).articles),
        }
        for segmenter, processes in variants:
            runs[f"term_counts {segmenter}, {processes} process(es)"] = partial(
                count_all, articles, TermOptions(segmenter=segmenter), processes)
        best = best_of(args.repeat, runs)
        base = best["bare jieba (read, lcut, count)"][0]
        print("in process (dictionaries loaded):")
        for name, (seconds, result) in best.items():
            unit = "tokens" if name.startswith("bare") else (
                "terms" if name.startswith("term") else "articles")
            line(name, seconds, base, f"  [{result} {unit}]")

        print("end to end (fresh process each, imports and dictionary load included):")
        python = sys.executable
        env = {**os.environ, "TQDM_DISABLE": "1"}
        out = Path(tmp) / "terms.csv"
        commands = {"bare jieba": ([python, "-c", BARE_JIEBA, str(folder)], env)}
        for segmenter, processes in variants:
            commands[f"analysis terms {segmenter}, {processes} process(es)"] = (
                [python, "-m", "analysis", "terms", str(folder), "-o", str(out)],
                {**env, "ANALYSIS_SEGMENTER": segmenter, "ANALYSIS_PROCESSES": str(processes)})
        results: dict[str, tuple[float, float]] = {}
        for _ in range(args.repeat):
            for name, (command, variant_env) in commands.items():
                seconds, rss = run_process(command, variant_env)
                old = results.get(name)
                results[name] = (min(seconds, old[0]) if old else seconds,
                                 max(rss, old[1]) if old else rss)
        base_e2e = results["bare jieba"][0]
        for name, (seconds, rss) in results.items():
            line(name, seconds, base_e2e, f"  peak {rss:.0f} MB")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"load average at the end: {load:.2f} (other work on the machine skews timings)")


if __name__ == "__main__":
    main()
