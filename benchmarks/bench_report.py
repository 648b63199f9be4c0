"""`python -m analysis report` on a synthetic corpus against bare jieba on the same files.

    python benchmarks/bench_report.py [N] [--keep FOLDER]

Writes N articles (default 2,000) drawn from the seeds' paragraphs (benchmarks/bench.py's
generator), dated across three years and spread over a few outlets, then times bare jieba
(read and segment every file) and a cold report build (its processed tables removed first).
Issue 11 asks the report to take at most five times bare jieba.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import BARE_JIEBA, ROOT, synthesise

OUTLETS = ["中国经营报", "财联社", "证券时报", "21世纪经济报道", "第一财经", "经济观察报"]


def date_and_outlet(folder: Path, seed: int = 11) -> None:
    """Spread the generator's articles over 2023-2025 and over several outlets."""
    rng = random.Random(seed)
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        day = f"{rng.choice([2023, 2024, 2025])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = re.sub(r'^date: "[^"]*"', f'date: "{day}"', text, count=1, flags=re.MULTILINE)
        # A byline under the front matter names the outlet (analysis/resources/outlets.yaml).
        text = text.replace("---\n\n", f"---\n\n{rng.choice(OUTLETS)}记者 张明 北京报道\n\n", 1)
        path.write_text(text, encoding="utf-8")


def timed(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - start, done.stderr if done.returncode else done.stderr[-600:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=2000)
    parser.add_argument("--keep", help="write the corpus and report here instead of a temp dir")
    args = parser.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-report-"))
    corpus, reports = root / "corpus", root / "reports"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    size = synthesise(corpus, args.n)
    date_and_outlet(corpus)
    print(f"{args.n} articles, {size / 1e6:.2f} MB in {corpus}")
    jieba_s, _ = timed([sys.executable, "-c", BARE_JIEBA, str(corpus)])
    print(f"bare jieba: {jieba_s:.1f} s")
    for stale in (ROOT / "data" / "processed").glob("*"):
        if stale.suffix in {".parquet", ".pkl"}:
            stale.unlink()
    report_s, log = timed([sys.executable, "-m", "analysis", "report", str(corpus),
                           "--reports", str(reports)])
    print(log.strip().splitlines()[-1] if log.strip() else "")
    print(f"report (cold): {report_s:.1f} s = {report_s / jieba_s:.1f}x bare jieba")
    if not args.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
