"""Benchmark: figure extraction speed, and what JioNLP's extract_money finds on the same text.

    .venv/bin/python benchmarks/bench_figures.py [-n 1000] [--repeat 3] [--jionlp-python PATH]
    .venv/bin/python benchmarks/bench_figures.py --against old_figures.py [--pairs 10]

Speed. The corpus is synthesised in memory from the seed articles' clean paragraphs
(data/raw): N articles of 8-16 paragraphs drawn without replacement (seeded, so every run
extracts the same text). A second corpus is the same with every Arabic digit replaced by a
random one, so that no figure repeats and no cache can help. MB/s counts the UTF-8 bytes of
the clean text (a Chinese character is three bytes); Mchar/s counts characters. Timings are
the best of --repeat runs, wall clock and CPU time of this process: on a shared machine the
CPU time is the steadier of the two. The target of issue 3 is 5 MB/s.

JioNLP. `jionlp.ner.extract_money` is timed on the same synthetic corpus and run on the seed
articles to list what it misses (amounts without 元, percentages), what it takes for money
that is not (a year), and how it reads 不低于 / 不超过. JioNLP is not a dependency of the
project: install it in a throwaway virtualenv and pass its interpreter, e.g.

    python3 -m venv /tmp/jio-venv && /tmp/jio-venv/bin/pip install jionlp
    .venv/bin/python benchmarks/bench_figures.py --jionlp-python /tmp/jio-venv/bin/python

(/tmp/jio-venv/bin/python is tried by default). Without it the comparison is skipped.
The JioNLP side runs as a worker process (this same file, `--jionlp-worker`), which needs
only the standard library and jionlp.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JIONLP_PYTHON = "/tmp/jio-venv/bin/python"


# ---------------------------------------------------------------- the JioNLP worker


def jionlp_worker(source: str, target: str) -> None:
    """Run extract_money over a JSON list of texts; write seconds and results as JSON."""
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp

        jionlp.ner.extract_money("预热：贷款1000万元。")  # loads its dictionaries
    texts = json.loads(Path(source).read_text(encoding="utf-8"))
    start = time.perf_counter()
    results = [jionlp.ner.extract_money(text, with_parsing=True) for text in texts]
    seconds = time.perf_counter() - start
    Path(target).write_text(json.dumps({"seconds": seconds, "results": results},
                                       ensure_ascii=False), encoding="utf-8")


def run_jionlp(python: str, texts: list[str]) -> dict | None:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "texts.json", Path(folder) / "money.json"
        source.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([python, __file__, "--jionlp-worker", str(source), str(target)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"  jionlp worker failed: {done.stderr.strip().splitlines()[-1:]}")
            return None
        return json.loads(target.read_text(encoding="utf-8"))


def find_jionlp(python: str | None) -> str | None:
    """An interpreter that can import jionlp: this one, or `python`; None to skip."""
    try:
        import jionlp  # noqa: F401

        return sys.executable
    except ImportError:
        pass
    if python and os.access(python, os.X_OK):
        probe = subprocess.run([python, "-c", "import jionlp"], capture_output=True, check=False)
        if probe.returncode == 0:
            return python
    return None


# ---------------------------------------------------------------- our side


def synthesise(n: int, seed: int = 0, scramble: bool = False):
    """N articles of seed paragraphs; with `scramble`, every Arabic digit redrawn."""
    import pandas as pd

    from analysis.corpus import load_corpus

    seeds = load_corpus(ROOT / "data" / "raw").articles
    paragraphs = [p for text in seeds["text"] for p in text.split("\n") if p.strip()]
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        text = "\n".join(rng.sample(paragraphs, rng.randint(8, min(16, len(paragraphs)))))
        if scramble:
            text = re.sub(r"\d", lambda _: str(rng.randint(0, 9)), text)
        rows.append({"article_id": f"synthetic-{i:05d}", "source_file": f"synthetic_{i:05d}.md",
                     "text": text, "date": "2025-06-30"})
    return pd.DataFrame(rows)


def best_of(repeat: int, work) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds, result) of the fastest of `repeat` runs."""
    best = (float("inf"), float("inf"), None)
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if wall < best[0]:
            best = (wall, cpu, result)
    return best


def speed(articles, repeat: int) -> dict:
    from analysis.figures import extract_figures

    extract_figures(articles.head(3))  # imports, jieba's dictionary for short bank aliases
    size = sum(len(t.encode("utf-8")) for t in articles["text"])
    chars = sum(len(t) for t in articles["text"])
    wall, cpu, table = best_of(repeat, lambda: extract_figures(articles))
    return {"MB": size / 1e6, "Mchar": chars / 1e6, "wall": wall, "cpu": cpu,
            "figures": len(table)}


def print_speed(label: str, result: dict) -> None:
    print(f"  {label:34s} {result['MB']:5.1f} MB  {result['figures']:7d} figures  "
          f"wall {result['wall']:6.2f} s = {result['MB'] / result['wall']:5.1f} MB/s "
          f"({result['Mchar'] / result['wall']:4.2f} Mchar/s)  "
          f"CPU {result['cpu']:6.2f} s = {result['MB'] / result['cpu']:5.1f} MB/s")


def compare_versions(other: Path, n: int, pairs: int) -> int:
    """This extractor and another version of it, timed in turns in one process: on a machine
    shared with other jobs, the ratio of runs made in the same seconds is what holds."""
    import importlib.util
    import statistics

    import analysis.figures as current

    spec = importlib.util.spec_from_file_location("figures_other", other)
    previous = importlib.util.module_from_spec(spec)
    sys.modules["figures_other"] = previous  # dataclasses look their module up there
    spec.loader.exec_module(previous)
    articles = synthesise(n)
    size = sum(len(t.encode("utf-8")) for t in articles["text"]) / 1e6
    rates: dict[str, list[float]] = {"this": [], "other": []}
    for module in (current, previous):
        module.extract_figures(articles.head(3))
    for _ in range(pairs):
        for name, module in (("other", previous), ("this", current)):
            cpu = time.process_time()
            module.extract_figures(articles)
            rates[name].append(size / (time.process_time() - cpu))
    ratios = [a / b for a, b in zip(rates["this"], rates["other"], strict=True)]
    print(f"{n} synthetic articles, {pairs} turns (load {os.getloadavg()[0]:.1f}), CPU MB/s:")
    for name, values in rates.items():
        print(f"  {name:6s} best {max(values):5.2f}  median {statistics.median(values):5.2f}")
    print(f"  this / other, same turn: median {statistics.median(ratios):.2f}")
    return 0


# ---------------------------------------------------------------- comparison on the seeds


def compare_on_seeds(python: str) -> None:
    from analysis.corpus import load_corpus
    from analysis.figures import MONEY_UNITS, extract_figures

    articles = load_corpus(ROOT / "data" / "raw").articles
    ours = extract_figures(articles)
    jio = run_jionlp(python, list(articles["text"]))
    if jio is None:
        return
    theirs = [(aid, r) for aid, found in zip(articles["article_id"], jio["results"], strict=True)
              for r in found]
    money = ours[ours["unit"].isin(MONEY_UNITS)]

    def overlapping(row) -> dict | None:
        for aid, r in theirs:
            start, end = r["offset"]
            if aid == row.article_id and start < row.end and row.start < end:
                return r
        return None

    print(f"\nOn the seed articles ({len(articles)} articles): jionlp.extract_money found "
          f"{len(theirs)} amounts; analysis.figures found {len(money)} amounts of money, "
          f"{(ours['kind'] == 'percent').sum()} percentages, {(ours['kind'] == 'pp').sum()} pp "
          f"and {(ours['kind'] == 'count').sum()} counts.")
    missed = [row for row in money.itertuples() if overlapping(row) is None]
    print(f"\n  Amounts jionlp misses ({len(missed)}):")
    for row in missed:
        print(f"    {row.text:14s} {row.unit} {row.qualifier} {row.value:,.0f}"
              f"{'  (no currency written)' if row.unit_inferred else ''}")
    print("\n  Qualified amounts, ours against jionlp's reading:")
    for row in money[money["qualifier"] != "="].itertuples():
        r = overlapping(row)
        reading = (f"{r['text']} -> {r['detail']['definition']}" if r else "not found")
        print(f"    {row.qualifier_text + row.text:18s} ours {row.qualifier}   jionlp: {reading}")
    print("\n  jionlp amounts that are not money by our reading:")
    for aid, r in theirs:
        start, end = r["offset"]
        hit = ours[(ours["article_id"] == aid) & (ours["start"] < end) & (ours["end"] > start)]
        if hit.empty or not hit["unit"].isin(MONEY_UNITS).any():
            print(f"    {r['text']!r} read as {r['detail']['num']} {r['detail']['case']}")
    print(f"\n  Percentages and points: jionlp none (it extracts money only); ours "
          f"{ours['kind'].isin(['percent', 'pp']).sum()}. Bank attribution: jionlp none; ours "
          f"{ours['entity'].notna().sum()} figures with a bank.")


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="synthetic articles (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing, best kept")
    parser.add_argument("--jionlp-python", default=DEFAULT_JIONLP_PYTHON,
                        help="an interpreter that can import jionlp (default: %(default)s)")
    parser.add_argument("--against", type=Path, metavar="FIGURES_PY",
                        help="another version of analysis/figures.py (git show REV:analysis/"
                             "figures.py > old.py): both timed in turns, --pairs times")
    parser.add_argument("--pairs", type=int, default=10, help="turns of --against (default 10)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.against:
        return compare_versions(args.against, args.n, args.pairs)

    print(f"analysis.figures.extract_figures on {args.n} synthetic articles "
          f"(best of {args.repeat}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}):")
    repeated = synthesise(args.n)
    scrambled = synthesise(args.n, scramble=True)
    print_speed("seed paragraphs", speed(repeated, args.repeat))
    print_speed("seed paragraphs, digits redrawn", speed(scrambled, args.repeat))

    python = find_jionlp(args.jionlp_python)
    if python is None:
        print("\njionlp: not importable here nor by --jionlp-python; comparison skipped.")
        return 0
    texts = list(repeated["text"])
    size = sum(len(t.encode("utf-8")) for t in texts)
    result = run_jionlp(python, texts)
    if result is not None:
        print(f"  {'jionlp.ner.extract_money':34s} {size / 1e6:5.1f} MB  "
              f"{sum(map(len, result['results'])):7d} amounts  wall {result['seconds']:6.2f} s = "
              f"{size / 1e6 / result['seconds']:5.1f} MB/s  (one run, dictionaries loaded)")
    compare_on_seeds(python)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--jionlp-worker":
        jionlp_worker(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main())
