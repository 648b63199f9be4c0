"""Score figure extraction against the hand-checked gold set, beside JioNLP's extract_money.

    .venv/bin/python benchmarks/eval_figures.py [--corpora ../shared/corpora] [--misses]
                                                [--jionlp-python PATH]

The gold set. tests/data/gold/figures.csv holds, for some real articles of
../shared/corpora/bank-news and ../shared/corpora/web-news, every money, percentage and
percentage-point figure of the article (not counts of firms or people: those are out of the
gold's scope), each with the figure string as written, its occurrence index among the same
string's occurrences in the decoded file, its offset there (analysis.loading.decode_bytes),
and the labels read off the sentence by hand: value (base units), unit, qualifier, entity (the
lending bank's canonical name, empty when the figure is no single bank's), metric_family, as_of
(empty when the text gives no date for it), and split: `dev` articles were looked at while the
rules were written, `holdout` and `unseen` articles were labelled only after (and their misses
read before the later date rules), `fresh` articles were labelled before the second round of
date rules and never read for a rule, so their scores say how the rules do on text they were
not written for. No article text is stored: the articles are read
in place, through the package's own loading and cleaning (analysis.corpus.load_corpus).

Matching. An extracted figure matches a gold one when it is in the same file and its text is
the same string, spaces and line breaks aside (cleaning joins a line cut inside a figure,
32.5\n億元); among several of the same string, gold and extracted figures are paired in
text order, one for one when their numbers agree, else by their relative place (gold:
offset / length of the decoded file; extracted: position / length of the file's clean text),
keeping as many pairs as possible. So the scores
hold however front matter, HTML and titles are cleaned away: only a figure's string and its
rough place count. (A figure of a title that cleaning moves out of the text becomes a miss.)

Scores, over the figures of the gold's articles of kind money, percent or pp:
  recall       gold figures matched / gold figures
  precision    extracted figures matched / extracted figures (the gold lists every such figure
               of its articles, so an unmatched extracted one is a false figure)
  value        matched figures with the gold's value and unit
  entity       matched figures with the gold's entity (both empty counts as right)
  bank         the same over matched figures where the gold or the extraction names a bank
               ("-" when none does)
  qualifier, as_of, metric_family: matched figures with the gold's label

JioNLP. jionlp.ner.extract_money runs on the same clean article texts (in its throwaway venv,
as in bench_figures.py) and is scored on the gold's money figures only (it extracts nothing
else): a gold figure is found when an amount of JioNLP's overlaps its span, and read right
when that amount's value equals the gold's.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold" / "figures.csv"
CORPORA = ROOT.parent / "shared" / "corpora"
SCORED_KINDS = ("money", "percent", "pp")
LABELS = ["value", "entity", "qualifier", "as_of", "metric_family"]


def read_gold(path: Path = GOLD) -> pd.DataFrame:
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    gold["occurrence"] = gold["occurrence"].astype(int)
    gold["value"] = gold["value"].astype(float)
    return gold


@dataclass(frozen=True)
class Extraction:
    articles: pd.DataFrame  # the gold files' articles, with `file` and `base` (see below)
    figures: pd.DataFrame  # their figures, with `file` and `base`
    lengths: dict[str, tuple[int, int]]  # file -> (decoded file length, clean text length)


def extract_for_gold(gold: pd.DataFrame, corpora: Path = CORPORA) -> Extraction:
    """The gold's files read, cleaned and extracted by the package. `base` is where an
    article's text starts when the file's articles are joined with one newline."""
    from analysis.corpus import load_corpus
    from analysis.figures import extract_figures
    from analysis.loading import decode_bytes

    files = set(gold["file"])
    articles = []
    for corpus in sorted({f.split("/")[0] for f in files}):
        table = load_corpus(corpora / corpus).articles
        # (article ids are unique within a corpus only: "01-1" of ba/01.md and of bb/01.html)
        table = table.assign(file=corpus + "/" + table["source_file"],
                             article_id=corpus + "/" + table["article_id"])
        articles.append(table[table["file"].isin(files)])
    articles = pd.concat(articles, ignore_index=True)
    sizes = articles["text"].str.len() + 1
    articles["base"] = sizes.groupby(articles["file"]).cumsum() - sizes
    lengths = {}
    for file in files:
        raw = decode_bytes((corpora / file).read_bytes())[0]
        clean = int(sizes[articles["file"] == file].sum())
        lengths[file] = (max(len(raw), 1), max(clean, 1))
    figures = extract_figures(articles)
    figures = figures.merge(articles[["article_id", "file", "base"]], on="article_id")
    return Extraction(articles, figures, lengths)


def align(gold_pos: list[float], found_pos: list[float]) -> list[int]:
    """Order-keeping pairing of two position lists (relative positions 0..1) that leaves the
    fewest unpaired and then the least distance: for each gold position, the index of its
    partner or -1."""
    n, m = len(gold_pos), len(found_pos)
    # cost[i][j]: best (unpaired, distance) for gold[i:] and found[j:]
    cost = [[(0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        cost[i][m] = (n - i, 0.0)
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = cost[i + 1][j + 1]
            pair = (pair[0], pair[1] + abs(gold_pos[i] - found_pos[j]))
            cost[i][j] = min(pair, (cost[i + 1][j][0] + 1, cost[i + 1][j][1]), cost[i][j + 1])
    result, i, j = [], 0, 0
    while i < n:
        if j < m:
            pair = cost[i + 1][j + 1]
            if cost[i][j] == (pair[0], pair[1] + abs(gold_pos[i] - found_pos[j])):
                result.append(j)
                i, j = i + 1, j + 1
                continue
            if cost[i][j] == cost[i][j + 1]:
                j += 1
                continue
        result.append(-1)
        i += 1
    return result


def match(gold: pd.DataFrame, figures: pd.DataFrame, lengths: dict[str, tuple[int, int]]
          ) -> pd.DataFrame:
    """The gold rows with the index of their extracted figure (`found`, -1 for a miss).

    Same file, same string (spaces and line breaks aside); within those, gold and extracted
    figures are paired in text order by their relative position (offset / length of the
    decoded file, position / length of the file's clean text), so text that cleaning removes
    shifts nothing."""
    from analysis.chinese import strip_pinyin_annotations

    scored = figures[figures["kind"].isin(SCORED_KINDS)]
    extracted: dict[tuple[str, str], list[tuple[float, int]]] = defaultdict(list)
    for index, row in zip(scored.index, scored.itertuples(), strict=True):
        clean = lengths[row.file][1]
        extracted[(row.file, unspaced(row.text))].append(((row.base + row.start) / clean, index))
    found = [-1] * len(gold)
    by_string: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(gold.itertuples()):
        # (as cleaning leaves it: a pinyin reading aid inside a figure, 30316億(yi) 元, removed;
        # spaces and line breaks aside: a line cut inside a figure, 32.5\n億元, is joined)
        by_string[(row.file, unspaced(strip_pinyin_annotations(row.figure, 1)[0]))].append(i)
    for key, rows in by_string.items():
        rows = sorted(rows, key=lambda i: int(gold["offset"].iloc[i]))
        candidates = sorted(extracted.get(key, []))
        raw = lengths[key[0]][0]
        if len(candidates) == len(rows):  # as many found as in the gold: in text order
            pairs = list(range(len(rows)))
        else:
            pairs = align([int(gold["offset"].iloc[i]) / raw for i in rows],
                          [position for position, _ in candidates])
        for i, j in zip(rows, pairs, strict=True):
            found[i] = candidates[j][1] if j >= 0 else -1
    return gold.assign(found=found)


def unspaced(figure: str) -> str:
    return WHITESPACE.sub("", figure)


WHITESPACE = re.compile(r"\s+")


def label(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


@cache
def bank_name(name: str) -> str:
    """One name for each bank: a gold label written as the bank's full name (浙江稠州商业银行,
    紫金农商行) before the table had it is the table's bank (稠州银行, 紫金农村商业银行); one
    written in traditional characters (中銀香港) is the same bank."""
    from analysis.banks import find_banks
    from analysis.chinese import to_simplified

    name = LEGAL_FORM.sub("", to_simplified(name))
    mentions = find_banks(name)
    # (a legal name, its company form and its province written out: 江西芦溪农村商业银行股份有限公司
    # is 芦溪农村商业银行)
    if len(mentions) == 1 and len(mentions[0].banks) == 1 and (
            mentions[0].surface == name or (name.endswith(mentions[0].surface)
                                            and len(name) - len(mentions[0].surface) <= 3)):
        return mentions[0].banks[0]
    return name


LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)$")


def same_value(ours: float, our_unit: str, gold: float, gold_unit: str) -> bool:
    """An extracted figure's value and unit read as the gold's (to a millionth)."""
    return abs(ours - gold) <= 1e-6 * max(1.0, abs(gold)) and our_unit == gold_unit


def score(gold: pd.DataFrame, extraction: Extraction) -> dict:
    """The scores of the module docstring, and the rows behind each error."""
    figures = extraction.figures
    matched = match(gold, figures, extraction.lengths)
    files = set(gold["file"])
    extracted = figures[figures["kind"].isin(SCORED_KINDS) & figures["file"].isin(files)]
    hits = matched[matched["found"] >= 0]
    ours = figures.loc[hits["found"]].reset_index(drop=True)
    hits = hits.reset_index(drop=True)
    right = {
        "value": [same_value(a, u, b, v) for a, b, u, v in zip(
            ours["value"], hits["value"], ours["unit"], hits["unit"], strict=True)],
        "entity": [bank_name(label(a)) == bank_name(label(b))
                   for a, b in zip(ours["entity"], hits["entity"], strict=True)],
        "qualifier": [a == b for a, b in zip(ours["qualifier"], hits["qualifier"], strict=True)],
        "as_of": [label(a) == b for a, b in zip(ours["as_of"], hits["as_of"], strict=True)],
        "metric_family": [a == b for a, b in zip(ours["metric_family"], hits["metric_family"],
                                                 strict=True)],
    }
    banked = [bool(label(a)) or bool(b) for a, b in zip(ours["entity"], hits["entity"],
                                                        strict=True)]
    n = max(len(hits), 1)
    result = {
        "articles": len(files), "gold": len(gold), "extracted": len(extracted),
        "recall": len(hits) / max(len(gold), 1),
        "precision": len(hits) / max(len(extracted), 1),
        **{name: sum(flags) / n for name, flags in right.items()},
        "bank": (sum(r for r, b in zip(right["entity"], banked, strict=True) if b)
                 / sum(banked)) if any(banked) else None,
        "misses": matched[matched["found"] < 0],
        "false": extracted[~extracted.index.isin(set(matched["found"]))],
        "wrong": {name: hits.assign(ours=ours[name].map(label), sentence=ours["sentence"])[
            [not r for r in flags]] for name, flags in right.items()},
    }
    return result


def gold_spans(gold: pd.DataFrame, extraction: Extraction) -> list[tuple[str, int, int]]:
    """(article_id, start, end) of each gold figure in the clean text: its extracted figure's
    span, else the occurrence of its string in the file's articles nearest its place."""
    articles, figures = extraction.articles, extraction.figures
    matched = match(gold, figures, extraction.lengths)
    spans = []
    for row in matched.itertuples():
        if row.found >= 0:
            hit = figures.loc[row.found]
            spans.append((hit["article_id"], int(hit["start"]), int(hit["end"])))
            continue
        raw, clean = extraction.lengths[row.file]
        place = int(row.offset) / raw * clean
        options = [(abs(article.base + at - place), article.article_id, at)
                   for article in articles[articles["file"] == row.file].itertuples()
                   for at in occurrences(article.text, row.figure)]
        _, aid, at = min(options, default=(0, "", -1))
        spans.append((aid, at, at + len(row.figure)))
    return spans


def numbers(num) -> list[str]:
    """JioNLP's parsed amount: one number, or a list of two for a range."""
    return [n for n in (num if isinstance(num, list) else [num]) if n is not None]


def occurrences(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def score_jionlp(python: str, gold: pd.DataFrame, extraction: Extraction) -> dict | None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_figures import run_jionlp

    articles = extraction.articles
    result = run_jionlp(python, list(articles["text"]))
    if result is None:
        return None
    amounts = defaultdict(list)
    for aid, found in zip(articles["article_id"], result["results"], strict=True):
        amounts[aid].extend(found)
    money = gold["unit"].isin(["CNY", "USD", "HKD", "EUR", "JPY", "GBP"]).to_numpy()
    spans = gold_spans(gold, extraction)
    found = read = 0
    overlapping = set()
    for (aid, start, end), value, is_money in zip(spans, gold["value"], money, strict=True):
        if not is_money:
            continue
        hits = [a for a in amounts.get(aid, []) if a["offset"][0] < end and start < a["offset"][1]]
        overlapping.update(id(a) for a in hits)
        if hits:
            found += 1
            read += any(abs(float(number) - value) <= 1e-6 * max(1.0, value)
                        for a in hits for number in numbers(a["detail"]["num"]))
    total = sum(len(v) for v in amounts.values())
    return {"money": int(money.sum()), "recall": found / max(money.sum(), 1),
            "value": read / max(found, 1), "precision": len(overlapping) / max(total, 1),
            "amounts": total}


def our_money_scores(gold: pd.DataFrame, extraction: Extraction) -> tuple[float, float, float]:
    """Recall, value and precision over money only, as JioNLP is scored."""
    money_units = ["CNY", "USD", "HKD", "EUR", "JPY", "GBP"]
    money = gold[gold["unit"].isin(money_units)]
    figures = extraction.figures
    result = score(money, Extraction(extraction.articles, figures[figures["unit"].isin(money_units)],
                                     extraction.lengths))
    return result["recall"], result["value"], result["precision"]


def scores_by_split(gold: pd.DataFrame, extraction: Extraction) -> dict[str, dict]:
    """Scores over all the gold, over each split's articles alone, and over each corpus's."""
    results = {"all": score(gold, extraction)}
    corpus = gold["file"].str.split("/").str[0]
    parts = [(split, gold["split"] == split) for split in sorted(set(gold["split"]))]
    parts += [(name, corpus == name) for name in sorted(set(corpus))]
    for split, chosen in parts:
        part = gold[chosen]
        files = set(part["file"])
        results[split] = score(part, Extraction(
            extraction.articles[extraction.articles["file"].isin(files)],
            extraction.figures[extraction.figures["file"].isin(files)], extraction.lengths))
    return results


def print_scores(name: str, result: dict) -> None:
    print(f"  {name:9s} {result['articles']:3d} articles {result['gold']:4d} gold "
          f"{result['extracted']:4d} extracted | recall {result['recall']:.3f} precision "
          f"{result['precision']:.3f} | value {result['value']:.3f} entity {result['entity']:.3f} "
          f"bank {'  -  ' if result['bank'] is None else format(result['bank'], '.3f')} "
          f"qualifier {result['qualifier']:.3f} as_of "
          f"{result['as_of']:.3f} family {result['metric_family']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--misses", action="store_true", help="list every error")
    parser.add_argument("--jionlp-python", default="/tmp/jio-venv/bin/python")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if not args.corpora.is_dir():
        print(f"no corpora at {args.corpora}: nothing to score")
        return 2
    gold = read_gold(args.gold)
    extraction = extract_for_gold(gold, args.corpora)
    print("analysis.figures against the gold (money, % and pp):")
    results = scores_by_split(gold, extraction)
    for name, result in results.items():
        print_scores(name, result)
    everything = results["all"]
    if args.misses:
        print("\nMissed gold figures:")
        for row in everything["misses"].itertuples():
            print(f"  {row.file} {row.figure} (#{row.occurrence}, {row.split})")
        print("\nExtracted figures not in the gold:")
        for row in everything["false"].itertuples():
            print(f"  {row.file} {row.text}  <<{row.sentence[:60]}>>")
        for name, rows in everything["wrong"].items():
            print(f"\nWrong {name}:")
            for row in rows.itertuples():
                print(f"  {row.file} {row.figure}: gold {getattr(row, name)!s:12s} ours "
                      f"{row.ours!s:12s} <<{row.sentence[:70]}>>")

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_figures import find_jionlp

    python = find_jionlp(args.jionlp_python)
    if python is None:
        print("\njionlp: not importable here nor by --jionlp-python; comparison skipped.")
        return 0
    jio = score_jionlp(python, gold, extraction)
    if jio is None:
        return 0
    recall, value, precision = our_money_scores(gold, extraction)
    print(f"\nMoney figures of the gold ({jio['money']}), side by side:")
    print(f"  {'':26s} {'recall':>7s} {'value right':>12s} {'precision':>10s}")
    print(f"  {'analysis.figures':26s} {recall:7.3f} {value:12.3f} {precision:10.3f}")
    print(f"  {'jionlp.ner.extract_money':26s} {jio['recall']:7.3f} {jio['value']:12.3f} "
          f"{jio['precision']:10.3f}  ({jio['amounts']} amounts; no %, no pp, no bank, no date)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
