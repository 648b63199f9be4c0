"""Count what a change of the extraction rules fixes and breaks, figure by figure.

    .venv/bin/python benchmarks/compare_rules.py BASE [HEAD] [--shared ../shared]

BASE and HEAD are git revisions of this repository (HEAD: the working tree when left out).
Each is extracted in its own checkout (a temporary `git worktree` for a revision) with this
venv's Python, over every gold file the working tree holds (tests/data/gold: figures.csv and
figures-fresh2.csv on ../shared's corpora, figures-blind.csv on the kept blind pages) and over
../shared's corpora and seeds whole. It prints, per gold file and label (recall, value, bank,
as_of), the gold figures a change fixed and broke, and the rows of ../shared's extraction that
changed. This is how a rule is weighed against the filter the gold README states (the pages it
mends and the figures it breaks); the counts used to live in scripts under /tmp, lost with it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
LABELS = ("found", "value", "bank", "as_of")

# Run inside a checkout (argv: its root, the gold folder, the shared folder, this tree's
# eval_figures.py, so that both sides are scored alike, the checkout's own package extracting):
# prints one JSON line, per gold file the (our, gold) pair of each label of each gold figure, and for each
# corpus of ../shared the extracted rows as strings.
EXTRACT = r'''
import json, sys, importlib.util
from pathlib import Path
root, gold_dir, shared, scorer = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
sys.path.insert(0, root)
spec = importlib.util.spec_from_file_location("eval_figures", scorer)
ev = importlib.util.module_from_spec(spec)
sys.modules["eval_figures"] = ev
spec.loader.exec_module(ev)
out = {"gold": {}, "corpora": {}}
sets = [("figures.csv", shared / "corpora"), ("figures-fresh2.csv", shared / "corpora"),
        ("figures-blind.csv", gold_dir / "blind")]
for name, corpora in sets:
    if not (gold_dir / name).is_file() or not corpora.is_dir():
        continue
    gold = ev.read_gold(gold_dir / name)
    extraction = ev.extract_for_gold(gold, corpora)
    matched = ev.match(gold, extraction.figures, extraction.lengths)
    rows = {}
    for row in matched.itertuples():
        key = f"{row.file}|{row.figure}|{row.occurrence}"
        if row.found < 0:
            rows[key] = {"found": [False, True]}
            continue
        ours = extraction.figures.loc[row.found]
        value = ev.same_value(ours.value, ours.unit, row.value, row.unit)
        rows[key] = {"found": [True, True], "value": [bool(value), True],
                     "bank": [ev.bank_name(ev.label(ours.entity)), ev.bank_name(row.entity)],
                     "as_of": [ev.label(ours.as_of), row.as_of]}
    out["gold"][name] = rows
from analysis.corpus import load_corpus
from analysis.figures import extract_figures
for folder in [shared / "corpora" / "bank-news", shared / "corpora" / "web-news", shared / "seeds"]:
    if folder.is_dir():
        figures = extract_figures(load_corpus(folder).articles)
        out["corpora"][folder.name] = sorted(
            f"{r.article_id}|{r.text}|{r.start}|{r.value}|{r.unit}|{r.entity}|{r.qualifier}|{r.as_of}"
            for r in figures.itertuples())
print(json.dumps(out, ensure_ascii=False))
'''


def extract(root: Path, shared: Path) -> dict:
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", EXTRACT, str(root), str(GOLD),
                           str(shared), str(ROOT / "benchmarks" / "eval_figures.py")],
                          capture_output=True, text=True, cwd=root)
    if done.returncode:
        raise SystemExit(f"extraction at {root} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def right(pair: list | None) -> bool:
    return pair is not None and pair[0] == pair[1]


def changes(base: dict, head: dict) -> dict[str, dict[str, list[tuple[str, list, list]]]]:
    """Per label, the gold figures fixed (wrong at base, right at head), broken (the other way)
    and changed (wrong both times, differently): (key, base pair, head pair)."""
    result = {}
    for label in LABELS:
        fixed, broken, changed = [], [], []
        for key, then in base.items():
            now = head.get(key, {})
            a, b = then.get(label), now.get(label)
            if label != "found" and (a is None or b is None):
                continue  # (a figure missed on either side has no label to compare)
            if right(a) and not right(b):
                broken.append((key, a, b))
            elif right(b) and not right(a):
                fixed.append((key, a, b))
            elif a != b:
                changed.append((key, a, b))
        result[label] = {"fixed": fixed, "broken": broken, "changed": changed}
    return result


def checkout(revision: str, into: Path) -> Path:
    subprocess.run(["git", "worktree", "add", "--detach", str(into), revision], cwd=ROOT,
                   check=True, capture_output=True)
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base")
    parser.add_argument("head", nargs="?", help="a revision; the working tree when left out")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        roots = []
        try:
            for name, revision in (("base", args.base), ("head", args.head)):
                roots.append(checkout(revision, Path(scratch) / name) if revision else ROOT)
            base, head = (extract(root, args.shared.resolve()) for root in roots)
        finally:
            for root in roots:
                if root != ROOT:
                    subprocess.run(["git", "worktree", "remove", "--force", str(root)], cwd=ROOT,
                                   capture_output=True)
    for name, rows in base["gold"].items():
        for label, found in changes(rows, head["gold"].get(name, {})).items():
            if not any(found.values()):
                continue
            print(f"{name} {label}: fixed {len(found['fixed'])}, broken {len(found['broken'])}, "
                  f"changed {len(found['changed'])} (of {len(rows)})")
            for mark, kind in (("+", "fixed"), ("-", "broken"), ("~", "changed")):
                for key, a, b in found[kind]:
                    print(f"  {mark} {key}: {a[0]!s} -> {b[0]!s} (gold {a[1]!s})")
    for name, rows in base["corpora"].items():
        then, now = set(rows), set(head["corpora"].get(name, []))
        gone, new = then - now, now - then
        print(f"{name}: {len(rows)} rows, {len(gone)} changed" if gone or new
              else f"{name}: unchanged ({len(rows)} rows)")
        for row in sorted(gone):
            print(f"  base {row}")
        for row in sorted(new):
            print(f"  head {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
