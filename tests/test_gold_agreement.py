"""benchmarks/gold_agreement.py: two labellings of the same articles paired and compared."""

import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.gold_checks import load_benchmark

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def agreement_module():
    sys.path.insert(0, str(BENCHMARKS))  # it imports eval_figures as its neighbour
    return load_benchmark("gold_agreement")


def gold(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["file", "figure", "occurrence", "offset", "value", "unit",
                                       "qualifier", "entity", "metric_family", "as_of"])


def test_rows_pair_by_offset_else_by_string_and_labels_are_compared(agreement_module):
    first = gold([("a.md", "10亿元", 0, 5, 1e9, "CNY", "=", "工商银行", "new_loans", "2024"),
                  ("a.md", "5%", 0, 20, 5.0, "%", "=", "", "growth", "2024-12"),
                  ("a.md", "3亿元", 0, 40, 3e8, "CNY", "=", "", "other", "")])
    second = gold([("a.md", "10亿元", 0, 5, 1e9, "CNY", "=", "工商银行", "new_loans", "2024"),
                   # "约5%" labelled from its qualifier: another offset, the same string pairs
                   ("a.md", "5%", 0, 19, 5.0, "%", "≈", "", "growth", "2024"),
                   ("a.md", "8亿元", 0, 60, 8e8, "CNY", "=", "建设银行", "other", "")])
    paired = agreement_module.pair(first, second)
    assert sorted(paired["figure"]) == ["10亿元", "5%"]
    scores = agreement_module.agreement(paired)
    assert scores["value"] == 1.0 and scores["entity"] == 1.0 and scores["bank"] == 1.0
    assert scores["as_of"] == 0.5 and scores["qualifier"] == 0.5


def test_banks_are_compared_by_the_table_s_name(agreement_module):
    # one labeller writes the short form, the other the legal name: one bank, as eval_figures counts it
    first = gold([("a.md", "10亿元", 0, 5, 1e9, "CNY", "=", "紫金农商行", "new_loans", "2024")])
    second = gold([("a.md", "10亿元", 0, 5, 1e9, "CNY", "=", "紫金农村商业银行", "new_loans", "2024")])
    scores = agreement_module.agreement(agreement_module.pair(first, second))
    assert scores["entity"] == 1.0 and scores["bank"] == 1.0
