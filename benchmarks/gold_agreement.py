"""How far two hand labellings of the same articles agree: the ceiling of eval_figures.py.

    .venv/bin/python benchmarks/gold_agreement.py FIRST.csv SECOND.csv [--differences]

Both files have the gold's columns (tests/data/gold/README.md) and label the same articles,
each by a labeller who did not see the other's labels nor the extractor's output. Rows pair
when they name the same file and offset, else the same file, figure string and occurrence.
Printed: the figures both found and those only one did; then, over the paired figures, how
often the two agree on each label, with `bank` counted only where either names a bank, as
eval_figures.py counts it. An extractor scored against one labeller cannot be expected to
agree with it more often than a second careful labeller does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_figures import bank_name, read_gold

LABELS = ["value", "unit", "qualifier", "entity", "metric_family", "as_of"]


def pair(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """The rows of both, paired on file and offset, then on file, figure and occurrence."""
    by_offset = first.merge(second, on=["file", "offset"], suffixes=("_a", "_b"))
    done = by_offset.set_index(["file", "offset"]).index
    rest_a = first[~first.set_index(["file", "offset"]).index.isin(done)]
    rest_b = second[~second.set_index(["file", "offset"]).index.isin(done)]
    by_string = rest_a.merge(rest_b, on=["file", "figure", "occurrence"], suffixes=("_a", "_b"))
    by_offset = by_offset.rename(columns={"figure_a": "figure"})
    return pd.concat([by_offset, by_string], ignore_index=True)


def agreement(paired: pd.DataFrame) -> dict[str, float]:
    """How often the two agree on each label; banks compared by the table's name, as
    eval_figures.py compares them (紫金农商行 is 紫金农村商业银行)."""
    paired = paired.assign(entity_a=paired["entity_a"].map(bank_name),
                           entity_b=paired["entity_b"].map(bank_name))
    scores = {}
    for label in LABELS:
        a, b = paired[f"{label}_a"], paired[f"{label}_b"]
        same = (a - b).abs() < 1e-6 * b.abs().clip(lower=1) if label == "value" else a == b
        scores[label] = float(same.mean()) if len(paired) else float("nan")
    named = paired[(paired["entity_a"] != "") | (paired["entity_b"] != "")]
    scores["bank"] = (float((named["entity_a"] == named["entity_b"]).mean())
                      if len(named) else float("nan"))
    return scores


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--differences", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    first, second = read_gold(args.first), read_gold(args.second)
    paired = pair(first, second)
    print(f"figures: first {len(first)}, second {len(second)}, both {len(paired)} "
          f"(found by the second of the first's: {len(paired) / max(len(first), 1):.3f}, "
          f"by the first of the second's: {len(paired) / max(len(second), 1):.3f})")
    scores = agreement(paired)
    print("agreement on the figures both found: "
          + " ".join(f"{label} {score:.3f}" for label, score in scores.items()))
    if args.differences:
        for label in ("entity", "as_of"):
            differ = paired[paired[f"{label}_a"] != paired[f"{label}_b"]]
            print(f"\n{label}: {len(differ)} differ")
            for row in differ.itertuples():
                print(f"  {row.file} {row.figure}: {getattr(row, label + '_a') or '-'} | "
                      f"{getattr(row, label + '_b') or '-'}")


if __name__ == "__main__":
    main()
