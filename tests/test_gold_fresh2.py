"""The fresh2 gold split (tests/data/gold/figures-fresh2.csv): its form, and that every row
points at its figure in the real article. It is scored, never tuned on, so no score floor here."""

from pathlib import Path

import pandas as pd
import pytest

from analysis.figures import METRIC_FAMILIES
from analysis.loading import decode_bytes

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
    fresh2 = read("figures-fresh2.csv")
    for file, rows in fresh2.groupby("file"):
        text = decode_bytes((CORPORA / file).read_bytes())[0]
        for figure, occurrence, offset in zip(rows["figure"], rows["occurrence"].astype(int),
                                              rows["offset"].astype(int), strict=True):
            assert text[offset:offset + len(figure)] == figure, (file, figure, offset)
            starts = [i for i in range(len(text)) if text.startswith(figure, i)]
            assert starts[occurrence] == offset, (file, figure, occurrence)
