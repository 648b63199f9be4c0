"""The fresh2 gold split (tests/data/gold/figures-fresh2.csv): its form, that every row points
at its figure in the real article, and its scores. It was labelled blind; its misses were read
for the third round of rules (gold README), so it now keeps floors like the other splits."""

from pathlib import Path

import pandas as pd
import pytest

from analysis.figures import METRIC_FAMILIES
from tests.gold_checks import assert_offsets_point_at_figures, scores_below

GOLD = Path(__file__).resolve().parent / "data" / "gold"
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLD / name, dtype=str, keep_default_na=False)


def test_fresh2_has_the_gold_columns_and_labels_of_the_gold_vocabulary():
    fresh2, gold = read("figures-fresh2.csv"), read("figures.csv")
    assert list(fresh2.columns) == list(gold.columns)
    assert len(fresh2) >= 80 and set(fresh2["split"]) == {"fresh2"}
    assert set(fresh2["metric_family"]) <= set(METRIC_FAMILIES)
    assert set(fresh2["qualifier"]) <= {"=", "≈", ">", "≥", "<", "≤"}
    assert set(fresh2["unit"]) <= {"CNY", "USD", "HKD", "%", "pp"}
    assert fresh2["as_of"].str.fullmatch(r"|\d{4}(-\d{2}(-\d{2})?)?").all()
    assert fresh2["figure"].str.len().max() <= 16  # figure strings, never sentences
    # blind: no article of this split is in the gold the rules were written with
    assert not set(fresh2["file"]) & set(gold["file"])


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora (the real articles the gold "
                                                 "labels) is not beside this clone")
def test_fresh2_offsets_and_occurrences_point_at_the_figure():
    assert_offsets_point_at_figures(read("figures-fresh2.csv"), CORPORA)


# a little under the scores of the third round (README); fresh2 is no longer blind. as_of
# 0.96 -> 0.95 in round twenty-three: bank_0039's cut last paragraph now stays in place, and two
# of its growth rates had been dated right only because it was moved beside "在2024年"
FRESH2_FLOORS = {"recall": 0.98, "precision": 0.98, "value": 0.98, "bank": 0.96,
                 "qualifier": 0.97, "as_of": 0.95}


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora (the real articles the gold "
                                                 "labels) is not beside this clone")
def test_fresh2_scores_stay_above_their_floors():
    below = scores_below(GOLD / "figures-fresh2.csv", CORPORA, FRESH2_FLOORS)
    assert not below, f"fresh2 below its floors {FRESH2_FLOORS}: {below}"
