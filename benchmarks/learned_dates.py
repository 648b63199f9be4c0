"""Could a model trained on the gold date figures better than the rules? Two held-out checks.

    python3 -m venv /tmp/sk-venv && /tmp/sk-venv/bin/pip install scikit-learn==1.9.1
    .venv/bin/python benchmarks/learned_dates.py [--sklearn-python /tmp/sk-venv/bin/python]

Every gold file is extracted by the package (the kept blind pages; figures.csv and
figures-fresh2.csv too where ../shared is beside the project) and each matched figure's as-of
is set against its gold label. The figures are grouped by blind wave (33, 34, …) and by project
gold file; each model is trained on every group but one and scored on the one left out, so
that its score, like a round's first score, is on pages it never saw:

  re-ranker   a gradient-boosted classifier over candidate dates: the rule's, its year, month
              and year's end, the article's day, month, year and the year before, every date
              the text writes (a year, a month, a day) and none; per figure the candidate it
              scores highest is its date. Also printed: the oracle, how often the gold date is
              among the candidates at all.
  undater     a logistic model over the characters of the clause before each figure (and a
              few after), the rule date's grain, the figure's kind and family, trained to tell
              where the rule dates a figure the gold leaves undated (the largest class of
              misses); its figures above the threshold lose their date.

scikit-learn is no dependency of the package: the models run in a throwaway venv, as JioNLP
does in bench_figures.py (without one the check is skipped, saying how to make it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import eval_figures as ev  # noqa: E402

from analysis.figures import METRIC_FAMILIES  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
DEFAULT_SKLEARN_PYTHON = "/tmp/sk-venv/bin/python"
# a year the text writes, with its month and day where it gives them (2024年6月30日, 2024-06)
WRITTEN_DATE = re.compile(r"((?:19|20)\d\d)(?:\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?)?"
                          r"|[-/.](\d{1,2})(?!\d)(?:[-/.](\d{1,2})(?!\d))?)")
KINDS = ("money", "percent", "pp")


def written_dates(text: str) -> list[tuple[int, str]]:
    """(position, date) of every year, month and day the text writes, each grain apart."""
    found = []
    for match in WRITTEN_DATE.finditer(text):
        year, month, day, iso_month, iso_day = match.groups()
        month, day = month or iso_month, day or iso_day
        found.append((match.start(), year))
        if month and 1 <= int(month) <= 12:
            found.append((match.start(), f"{year}-{int(month):02d}"))
            if day and 1 <= int(day) <= 31:
                found.append((match.start(), f"{year}-{int(month):02d}-{int(day):02d}"))
    return found


def candidates(rule: str, article: str, written: list[tuple[int, str]]) -> list[str]:
    """The dates a figure may take: the rule's and its coarser forms, the article's, the
    text's, each year's end, and none ("")."""
    dates = {"", rule}
    if rule:
        dates |= {rule[:4], rule[:7], rule[:4] + "-12"}
    if article:
        year = int(article[:4])
        dates |= {article, article[:7], article[:4], str(year - 1), f"{year - 1}-12"}
    for _, date in written:
        dates.add(date)
        if len(date) == 4:
            dates.add(date + "-12")
    return sorted(dates)


def grain(date: str) -> int:
    return {0: 0, 4: 1, 7: 2, 10: 3}.get(len(date), 0)


def candidate_features(date: str, rule: str, article: str, written: list[tuple[int, str]],
                       at: int, sentence: tuple[int, int], kind: str, family: str) -> list[float]:
    """What the re-ranker knows of one candidate date of the figure at `at`."""
    year = int(date[:4]) if date else None
    exact = [p for p, d in written if d == date]
    same_year = [p for p, d in written if date and d == date[:4]]
    years = [int(d) for _, d in written if len(d) == 4]
    latest = max(years) if years else None
    article_year = int(article[:4]) if article else None

    def nearest(places: list[int], before: bool) -> int:
        gaps = [at - p for p in places if p <= at] if before else [p - at for p in places if p > at]
        return min(gaps, default=9999)

    return [date == "", date == rule, rule == "", grain(date), grain(rule),
            bool(rule) and bool(date) and date != rule and rule.startswith(date),
            bool(rule) and date == rule[:4] + "-12",
            bool(article) and date == article, bool(article) and date == article[:7],
            bool(article) and date == article[:4], bool(article),
            (year - article_year) if year and article_year else -99,
            (year - int(rule[:4])) if year and rule else -99,
            len(exact), len(same_year), nearest(exact, True), nearest(exact, False),
            nearest(same_year, True), nearest(same_year, False),
            any(sentence[0] <= p < sentence[1] for p in exact),
            any(sentence[0] <= p < sentence[1] for p in same_year),
            bool(year) and year == latest, int(date[5:7]) if len(date) >= 7 else 0,
            KINDS.index(kind) if kind in KINDS else len(KINDS),
            METRIC_FAMILIES.index(family) if family in METRIC_FAMILIES else len(METRIC_FAMILIES),
            len(written)]


def clause_context(sentence: str, at: int, figure: str) -> str:
    """The clause before a figure (its last 24 characters) and the 10 characters after it."""
    before = re.split(r"[，,；;。]", sentence[:at])[-1][-24:]
    return "B" + before + " A" + sentence[at + len(figure):at + len(figure) + 10]


def gold_files(shared: Path) -> list[tuple[Path, Path]]:
    files = [(GOLD / "figures-blind.csv", GOLD / "blind")]
    if (shared / "corpora").is_dir():
        files += [(GOLD / "figures.csv", shared / "corpora"),
                  (GOLD / "figures-fresh2.csv", shared / "corpora")]
    return files


def rows(shared: Path) -> list[dict]:
    """One row per matched gold figure: its group, the rule's and the gold's dates, its
    candidates with their features, and its context."""
    out = []
    for gold_path, corpora in gold_files(shared):
        gold = ev.read_gold(gold_path)
        extraction = ev.extract_for_gold(gold, corpora)
        matched = ev.match(gold, extraction.figures, extraction.lengths)
        articles = extraction.articles.set_index("article_id")
        written_of: dict[str, list[tuple[int, str]]] = {}
        for hit in matched[matched["found"] >= 0].itertuples():
            figure = extraction.figures.loc[hit.found]
            article = str(articles.at[figure.article_id, "date"])[:10]
            article = article if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", article) else ""
            if figure.article_id not in written_of:
                written_of[figure.article_id] = written_dates(articles.at[figure.article_id, "text"])
            written = written_of[figure.article_id]
            rule = ev.label(figure.as_of)
            sentence = (int(figure.sentence_start), int(figure.sentence_start) + len(figure.sentence))
            group = hit.split[:2] if gold_path.name == "figures-blind.csv" else gold_path.stem
            dates = candidates(rule, article, written)
            out.append({
                "group": group, "rule": rule, "gold": hit.as_of, "candidates": dates,
                "features": [candidate_features(d, rule, article, written, int(figure.start), sentence,
                                                figure.kind, figure.metric_family) for d in dates],
                "context": clause_context(figure.sentence, int(figure.start) - int(figure.sentence_start),
                                          figure.text),
                "category": [["none", "year", "month", "day"][grain(rule)], figure.kind,
                             str(figure.metric_family), str(bool(article))]})
    return out


# Run in the scikit-learn venv: argv[1] is the rows' JSON. Prints, per group left out, the
# rules' as-of accuracy, the oracle's, the re-ranker's and the undater's at three thresholds.
WORKER = r'''
import json, sys
import numpy as np, scipy.sparse as sp
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import OneHotEncoder
rows = json.load(open(sys.argv[1], encoding="utf-8"))
groups = sorted({r["group"] for r in rows})
owner = np.array([i for i, r in enumerate(rows) for _ in r["candidates"]])
X = np.array([f for r in rows for f in r["features"]], dtype=float)
y = np.array([c == r["gold"] for r in rows for c in r["candidates"]])
group_of = np.array([r["group"] for r in rows])
rule, gold = np.array([r["rule"] for r in rows]), np.array([r["gold"] for r in rows])
contexts, categories = [r["context"] for r in rows], [r["category"] for r in rows]
undated = (gold == "") & (rule != "")
print(f"{'left out':>20} {'figures':>8} {'rules':>7} {'oracle':>7} {'re-rank':>8}   undater >0.5  >0.6  >0.7")
for held in groups:
    test = group_of == held
    train_c, test_c = ~test[owner], test[owner]
    model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.08, max_leaf_nodes=15,
                                           min_samples_leaf=20, random_state=0)
    model.fit(X[train_c], y[train_c])
    score = model.predict_proba(X[test_c])[:, 1]
    best, right = {}, {}
    for i, s, hit in zip(owner[test_c], score, y[test_c]):
        if i not in best or s > best[i]:
            best[i], right[i] = s, hit
    oracle = np.mean([any(y[test_c][owner[test_c] == i]) for i in np.flatnonzero(test)])
    reranked = np.mean([right[i] for i in np.flatnonzero(test)])
    words = CountVectorizer(analyzer="char", ngram_range=(1, 2), min_df=3)
    kinds = OneHotEncoder(handle_unknown="ignore")
    train = ~test
    A = sp.hstack([words.fit_transform([contexts[i] for i in np.flatnonzero(train)]),
                   kinds.fit_transform([categories[i] for i in np.flatnonzero(train)])]).tocsr()
    B = sp.hstack([words.transform([contexts[i] for i in np.flatnonzero(test)]),
                   kinds.transform([categories[i] for i in np.flatnonzero(test)])]).tocsr()
    dated_train = rule[train] != ""
    undater = LogisticRegression(max_iter=2000, C=0.5).fit(A[dated_train], undated[train][dated_train])
    p = np.where(rule[test] != "", undater.predict_proba(B)[:, 1], 0.0)
    undone = [np.mean(np.where(p > t, "", rule[test]) == gold[test]) for t in (0.5, 0.6, 0.7)]
    print(f"{held:>20} {test.sum():>8} {np.mean(rule[test] == gold[test]):>7.3f} {oracle:>7.3f} "
          f"{reranked:>8.3f}   " + "  ".join(f"{u:.3f}" for u in undone))
'''


def find_sklearn(python: str | None) -> str | None:
    """An interpreter that can import scikit-learn: this one, or `python`; None to skip."""
    for candidate in (sys.executable, python):
        if candidate and os.access(candidate, os.X_OK) and subprocess.run(
                [candidate, "-c", "import sklearn, scipy"], capture_output=True, check=False).returncode == 0:
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sklearn-python", default=DEFAULT_SKLEARN_PYTHON)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    python = find_sklearn(args.sklearn_python)
    if python is None:
        print(f"scikit-learn is not importable here nor by {args.sklearn_python}; make its venv:\n"
              f"  python3 -m venv /tmp/sk-venv && /tmp/sk-venv/bin/pip install scikit-learn==1.9.1")
        return 0
    data = rows(args.shared)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "rows.json"
        source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([python, "-c", WORKER, str(source)], text=True, check=False)
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
