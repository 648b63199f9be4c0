"""Checks shared by the gold files' tests: offsets that point at their figures, scores against
floors through benchmarks/eval_figures.py, and the gold benchmarks loaded as modules."""

import importlib.util
import sys
from pathlib import Path

import pandas as pd

from analysis.loading import decode_bytes

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def assert_offsets_point_at_figures(gold: pd.DataFrame, corpora: Path) -> None:
    """Each row's figure stands at its offset of the decoded file, and is that string's
    `occurrence`-th appearance there."""
    for file, rows in gold.groupby("file"):
        text = decode_bytes((corpora / file).read_bytes())[0]
        for figure, occurrence, offset in zip(rows["figure"], rows["occurrence"].astype(int),
                                              rows["offset"].astype(int), strict=True):
            assert text[offset:offset + len(figure)] == figure, (file, figure, offset)
            starts = [i for i in range(len(text)) if text.startswith(figure, i)]
            assert starts[occurrence] == offset, (file, figure, occurrence)


def load_benchmark(name: str):
    """benchmarks/<name>.py as a module (the benchmarks are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def load_eval():
    return load_benchmark("eval_figures")


def scores_below(gold_file: Path, corpora: Path, floors: dict[str, float]) -> dict[str, float]:
    """The scores of the whole gold file that fall below their floors (empty when none does)."""
    evaluation = load_eval()
    gold = evaluation.read_gold(gold_file)
    scores = evaluation.scores_by_split(gold, evaluation.extract_for_gold(gold, corpora))["all"]
    return {name: round(scores[name], 3) for name, floor in floors.items() if scores[name] < floor}
