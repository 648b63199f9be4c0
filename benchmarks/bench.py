"""`make bench`: per-stage speed and memory on a synthetic corpus, beside bare jieba.

The corpus is synthesised from the seed articles' clean paragraphs (N files of about the
seeds' size, each a different draw), so the text is real Chinese financial news. Every
stage runs in a fresh process, so its time includes start-up and its peak memory is its own.

    python benchmarks/bench.py [--articles 300] [--workers 2] [--keep DIR]
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

STAGE = """
import sys, json, time
from analysis.corpus import load_corpus
stage, folder = sys.argv[1], sys.argv[2]
start = time.perf_counter()
corpus = load_corpus(folder)
loaded = time.perf_counter()
rows = len(corpus.articles)
text_bytes = int(corpus.articles["text"].str.encode("utf-8").str.len().sum())
# Each stage is timed after a warm-up on two articles, which loads its dictionaries once.
if stage == "figures":
    from analysis.figures import extract_figures
    extract_figures(corpus.articles.head(2))
    loaded = time.perf_counter()
    rows = len(extract_figures(corpus.articles))
elif stage == "terms":
    from analysis.topics import term_counts
    term_counts(corpus.articles.head(2), processes=1)
    loaded = time.perf_counter()
    rows = len(term_counts(corpus.articles))
end = time.perf_counter()
print(json.dumps({"seconds": end - loaded if stage != "clean" else loaded - start,
                  "rows": rows, "articles": len(corpus.articles), "text_bytes": text_bytes}))
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
        text = (f'---\ntitle: "{rng.choice(titles)}（{i}）"\ndate: "2025-{1 + i % 12:02d}-'
                f'{1 + i % 28:02d}"\n---\n\n' + "\n\n".join(body) + "\n")
        path = folder / f"article_{i:05d}.md"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


LAUNCHER = """
import atexit, resource, runpy, sys
atexit.register(lambda: print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                              file=sys.stderr))
mode, target, *rest = sys.argv[1:]
sys.argv = [target, *rest]
if mode == "-m":
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    exec(compile(target, "<bench>", "exec"), {"__name__": "__main__"})
"""


def run(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, the process's own peak resident MB, and stdout of a fresh Python."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", LAUNCHER, *args], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    seconds = time.perf_counter() - start
    peak_kb = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB")]
    return seconds, peak_kb[-1] / 1024, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="write the synthetic corpus here and keep it")
    options = parser.parse_args()

    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    folder.mkdir(parents=True, exist_ok=True)
    size = synthesise(folder, options.articles)
    mb = size / 1e6
    print(f"corpus: {options.articles} articles, {mb:.2f} MB in {folder}")

    bare_s, bare_mem, _ = run(["-c", BARE_JIEBA, str(folder)])
    print(f"{'stage':<34}{'seconds':>9}{'MB/s':>8}{'articles/s':>12}{'peak MB':>9}")
    print(f"{'bare jieba (read, lcut, count)':<34}{bare_s:9.2f}{mb / bare_s:8.2f}"
          f"{options.articles / bare_s:12.0f}{bare_mem:9.0f}")
    for stage in ("clean", "figures", "terms"):
        _, peak, out = run(["-c", STAGE, stage, str(folder)])
        result = json.loads(out)
        seconds = result["seconds"]
        stage_mb = (size if stage == "clean" else result["text_bytes"]) / 1e6
        print(f"{stage + ' (in process)':<34}{seconds:9.2f}{stage_mb / seconds:8.2f}"
              f"{result['articles'] / seconds:12.0f}{peak:9.0f}")
    print("\nthe whole command, `python -m analysis terms` (read, clean, segment, count, write):")
    for flags in ([], ["--jobs", "1"], ["--segmenter", "rjieba"],
                  ["--segmenter", "rjieba", "--jobs", "1"]):
        with tempfile.TemporaryDirectory() as out:
            cli_s, cli_mem, _ = run(["-m", "analysis", "terms", str(folder), "-o", f"{out}/t.csv",
                                     *flags])
        label = " ".join(flags) or "(defaults: jieba, all cores)"
        print(f"{label:<34}{cli_s:9.2f}{mb / cli_s:8.2f}{options.articles / cli_s:12.0f}"
              f"{cli_mem:9.0f}   {cli_s / bare_s:.2f}x bare jieba")
    print("goal: at most 1.3x bare jieba, then below 1x")


if __name__ == "__main__":
    main()
