"""The blind gold of round thirty-three (tests/data/gold/figures-blind.csv): 101 real pages of
the tool library's stored web pages, kept with their labels in tests/data/gold/blind/ so that later
rounds can score and read them (the earlier rounds' pages were lost with a session's /tmp). They
were labelled twice, blind to the extractor, and adjudicated; their first score was taken by
rules frozen before they were collected (gold README); their misses are read for later rules, so
they keep floors like the other splits."""

import importlib.util
import sys
from pathlib import Path

import pandas as pd

from analysis.figures import METRIC_FAMILIES
from analysis.loading import decode_bytes

GOLD = Path(__file__).resolve().parent / "data" / "gold"
PAGES = GOLD / "blind"


def read_blind() -> pd.DataFrame:
    return pd.read_csv(GOLD / "figures-blind.csv", dtype=str, keep_default_na=False)


def test_blind_gold_has_the_gold_columns_and_vocabulary():
    blind, gold = read_blind(), pd.read_csv(GOLD / "figures.csv", dtype=str, nrows=1)
    assert list(blind.columns) == list(gold.columns)
    assert len(blind) >= 1800 and blind["file"].nunique() >= 100
    assert set(blind["split"]) == {wave + topic for wave in ("33", "34", "35") for topic in "abc"}
    assert (blind["file"].str.split("/").str[0] == blind["split"]).all()
    assert set(blind["metric_family"]) <= set(METRIC_FAMILIES)
    assert set(blind["qualifier"]) <= {"=", "≈", ">", "≥", "<", "≤"}
    assert blind["as_of"].str.fullmatch(r"|\d{4}(-\d{2}(-\d{2})?)?").all()
    # figure strings, never sentences (a pinyin gloss can sit inside one: 0.07個(gè)百分點(diǎn))
    assert blind["figure"].str.len().max() <= 24


def test_blind_offsets_and_occurrences_point_at_the_figure():
    blind = read_blind()
    for file, rows in blind.groupby("file"):
        text = decode_bytes((PAGES / file).read_bytes())[0]
        for figure, occurrence, offset in zip(rows["figure"], rows["occurrence"].astype(int),
                                              rows["offset"].astype(int), strict=True):
            assert text[offset:offset + len(figure)] == figure, (file, figure, offset)
            starts = [i for i in range(len(text)) if text.startswith(figure, i)]
            assert starts[occurrence] == offset, (file, figure, occurrence)


# a little under their first score, by the rules frozen before they were collected (README):
# recall 0.983, precision 0.992, value 0.995, bank 0.934, qualifier 0.987, as-of 0.859
BLIND_FLOORS = {"recall": 0.975, "precision": 0.985, "value": 0.99, "bank": 0.925,
                "qualifier": 0.98, "as_of": 0.85}


def test_blind_scores_stay_above_their_floors():
    spec = importlib.util.spec_from_file_location(
        "eval_figures", Path(__file__).resolve().parents[1] / "benchmarks" / "eval_figures.py")
    evaluation = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_figures", evaluation)  # dataclasses look their module up there
    spec.loader.exec_module(evaluation)
    gold = evaluation.read_gold(GOLD / "figures-blind.csv")
    scores = evaluation.scores_by_split(gold, evaluation.extract_for_gold(gold, PAGES))["all"]
    below = {name: round(scores[name], 3) for name, floor in BLIND_FLOORS.items()
             if scores[name] < floor}
    assert not below, f"blind gold below its floors {BLIND_FLOORS}: {below}"
