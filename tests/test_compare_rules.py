"""benchmarks/compare_rules.py: the fixed, broken and changed figures between two extractions."""

from tests.gold_checks import load_benchmark

compare_rules = load_benchmark("compare_rules")


def figure(as_of: str, gold_as_of: str, bank: str = "", gold_bank: str = "") -> dict:
    return {"found": [True, True], "value": [True, True], "bank": [bank, gold_bank],
            "as_of": [as_of, gold_as_of]}


def test_a_change_counts_each_figure_as_fixed_broken_or_changed():
    base = {"a|1亿元|0": figure("2023", "2023-12"),     # wrong, then right: fixed
            "a|2%|0": figure("2024", "2024"),           # right, then wrong: broken
            "a|3%|0": figure("2022", "2024"),           # wrong both times, differently
            "a|4%|0": figure("2024", "2024", "工商银行", "工商银行"),  # untouched
            "b|5亿元|0": {"found": [False, True]}}       # missed, then found
    head = {"a|1亿元|0": figure("2023-12", "2023-12"),
            "a|2%|0": figure("", "2024"),
            "a|3%|0": figure("2023", "2024"),
            "a|4%|0": figure("2024", "2024", "工商银行", "工商银行"),
            "b|5亿元|0": figure("2025", "2025")}
    found = compare_rules.changes(base, head)
    keys = {label: {kind: [key for key, _, _ in rows] for kind, rows in kinds.items()}
            for label, kinds in found.items()}
    assert keys["as_of"] == {"fixed": ["a|1亿元|0"], "broken": ["a|2%|0"], "changed": ["a|3%|0"]}
    assert keys["found"] == {"fixed": ["b|5亿元|0"], "broken": [], "changed": []}
    # (a figure missed at base has no label to compare: it counts under found only)
    assert keys["bank"] == {"fixed": [], "broken": [], "changed": []}


def test_no_change_finds_nothing():
    rows = {"a|1亿元|0": figure("2023", "2023-12"), "b|5亿元|0": {"found": [False, True]}}
    found = compare_rules.changes(rows, rows)
    assert all(not kinds[kind] for kinds in found.values() for kind in kinds)
