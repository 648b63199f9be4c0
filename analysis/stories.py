"""Story groups: an original article and its lightly edited reposts share one `story_id`.

Chinese financial news is syndicated: portals and blogs repost a story with a new title, a
"来源" line, a paragraph dropped or a few characters changed. Exact copies are dropped when the
corpus is read; these near-copies are kept and grouped here, so that counts can be made per
story instead of per copy.

Method (MinHash LSH, datasketch):
- The text compared is the clean body (`text`; the title is left out, reposts retitle), folded to
  simplified characters (a Hong Kong or Taiwan repost is the same story), NFKC (full- and
  half-width forms alike) and lower case, keeping only letters, digits and CJK characters
  (punctuation and spacing are what reposting platforms change most).
- Shingles are the overlapping runs of SHINGLE_SIZE = 5 characters. Chinese has no spaces and
  its words are one to four characters, so 5-character runs span a word boundary: short enough
  that a changed character touches only five shingles, long enough that two different stories
  on the same subject share few (with 3 characters, stock phrases such as 贷款余额 or 同比增长
  make unrelated stories look alike).
- Each article's set of shingles is summarised by a MinHash of NUM_PERM = 128 permutations
  (datasketch's affine32 scheme): the share of equal values between two signatures estimates the
  Jaccard similarity of the two shingle sets within about ±0.045.
- LSH at THRESHOLD = 0.5 (datasketch's MinHashLSH bands: 25 of 5 values) finds the candidate
  pairs in roughly linear time, by sorting the signatures on each band; those whose
  signatures agree on at least 40% of their values (ESTIMATE_FLOOR) are then checked with the
  exact Jaccard of their shingle sets, so LSH false positives never join two stories. Pairs at
  or above THRESHOLD are the same story. A repost that keeps at least half of the original's
  shingles joins it: one paragraph of three dropped gives 0.67, five
  characters changed in 500 about 0.9, a 来源 line or new title almost nothing.
- Groups are transitive (union-find): an original, a repost of it and a repost of the repost
  are one story even when the first and the last are further apart.

Everything per article is numpy over whole arrays (a table folds the characters, the
signatures of many articles are computed at once), so 20,000 articles take seconds.

`story_id` is the article_id of the story's representative: its earliest dated article, then
the longest, then the first by article_id, so it does not depend on the order of the input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache

import numpy as np
import pandas as pd

from analysis.chinese import to_simplified

SHINGLE_SIZE = 5
NUM_PERM = 128
THRESHOLD = 0.5
SEED = 1  # the permutations; signatures made with different seeds cannot be compared
SIGNATURE_BLOCK = 65536  # shingles permuted at once (256 KB: they stay in cache)
# LSH also returns pairs well below the threshold. Those whose signatures agree on fewer than
# this share of values are dropped before the exact check: with 128 values the estimate's
# standard deviation is at most 0.045, so a pair truly at 0.5 falls below 0.4 about once in a
# hundred, a typical repost (0.67 and up) practically never.
ESTIMATE_FLOOR = 0.4

STORY_COLUMNS = ["article_id", "story_id", "story_size"]
GROUP_COLUMNS = ["story_id", "n_articles", "article_ids", "titles", "outlets", "dates",
                 "representative", "representative_title"]

# What reposting platforms leave alone: letters, digits, CJK. Everything else goes.
NOT_CONTENT = re.compile(r"[\W_]+")
# A polynomial rolling hash of the shingle's code points (mod 2^32); datasketch's affine32
# scheme mixes it with the MurmurHash3 finaliser before permuting, as for any hash function.
SHINGLE_BASE = np.uint32(1_000_003)


def normalise(text: str) -> str:
    """The characters of `text` that a repost keeps: simplified, NFKC, lower case, no
    punctuation or spacing."""
    return content_points(text).tobytes().decode("utf-32-le")


def content_points(text: str) -> np.ndarray:
    """The code points (uint32) of `normalise(text)`.

    Most text takes a table look-up per character (numpy): which characters are kept, and what
    each becomes under NFKC and lower case. A text with a character whose fold depends on its
    neighbours (Hangul jamo compose, a final sigma) or lies outside the table (beyond the Basic
    Multilingual Plane, or folding to several characters) goes through the string functions
    instead; both give the same result (tested).
    """
    if not isinstance(text, str) or not text:
        return np.empty(0, dtype=np.uint32)
    text = to_simplified(text)
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if points.max() < TABLE_SIZE:
        folded = fold_table()[points]
        kept = folded[folded != DROP]
        if not (kept == SLOW).any():
            return kept.astype(np.uint32)
    return np.frombuffer(normalise_slowly(text).encode("utf-32-le"), dtype=np.uint32)


def normalise_slowly(text: str) -> str:
    """`normalise` with the string functions, for the texts the table cannot fold."""
    kept = NOT_CONTENT.sub("", text)
    # NFKC only when needed (full-width letters and digits): dropping the punctuation first
    # leaves most Chinese text already normalised, and normalising costs more than the rest.
    if not unicodedata.is_normalized("NFKC", kept):
        kept = NOT_CONTENT.sub("", unicodedata.normalize("NFKC", kept))
    return kept.lower()


TABLE_SIZE = 0x10000  # the Basic Multilingual Plane: Chinese text rarely leaves it
DROP, SLOW = -1, -2
# Characters that fold differently next to others: conjoining Hangul jamo (NFKC composes them
# into syllables) and the capital sigma (lower case depends on the end of a word).
CONTEXTUAL = [(0x1100, 0x11FF), (0xA960, 0xA97F), (0xD7B0, 0xD7FF), (0x03A3, 0x03A3)]


@cache
def fold_table() -> np.ndarray:
    """For each BMP code point: DROP (not a letter or digit), SLOW (see CONTEXTUAL, or folds
    to several characters), else the code point it folds to (NFKC, then lower case)."""
    table = np.full(TABLE_SIZE, DROP, dtype=np.int32)
    for code in range(TABLE_SIZE):
        char = chr(code)
        if not NOT_CONTENT.fullmatch(char):
            folded = NOT_CONTENT.sub("", unicodedata.normalize("NFKC", char)).lower()
            table[code] = ord(folded) if len(folded) == 1 else SLOW if folded else DROP
    for low, high in CONTEXTUAL:
        table[low: high + 1] = np.where(table[low: high + 1] == DROP, DROP, SLOW)
    return table


def shingles(text: str, size: int = SHINGLE_SIZE) -> np.ndarray:
    """The distinct shingle hashes (uint32, sorted) of `text`; a text shorter than `size` is
    one shingle, an empty one has none."""
    points = content_points(text)
    if not len(points):
        return np.empty(0, dtype=np.uint32)
    width = min(size, len(points))
    n = len(points) - width + 1
    hashes = points[:n].copy()
    for offset in range(1, width):  # h = ((c0 * B + c1) * B + c2) ... mod 2^32, for all at once
        np.multiply(hashes, SHINGLE_BASE, out=hashes)
        np.add(hashes, points[offset: offset + n], out=hashes)
    hashes.sort()  # then drop repeats (np.unique sorts the same way, several times slower)
    first = np.empty(n, dtype=bool)
    first[0] = True
    np.not_equal(hashes[1:], hashes[:-1], out=first[1:])
    return hashes[first]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted sets of shingle hashes."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    # Two sorted runs: a stable sort (timsort) merges them in linear time, and each common
    # value is then next to its copy.
    both = np.concatenate((a, b))
    both.sort(kind="stable")
    common = int(np.count_nonzero(both[1:] == both[:-1]))
    return common / (len(a) + len(b) - common)


@cache
def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations h -> a * h + b (mod 2^32) for `seed`: an odd `a` and a
    `b`, drawn as its MinHash draws them (tested equal). Made here because importing datasketch
    imports scipy, a second or more in every process that signs articles."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, as datasketch applies it to every hash before permuting."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature(hashes: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The MinHash values (uint32[num_perm]) of a set of shingle hashes: `signatures` of one."""
    return signatures([hashes], num_perm, seed)[0]


def signatures(hash_sets: Sequence[np.ndarray], num_perm: int = NUM_PERM, seed: int = SEED
               ) -> np.ndarray:
    """The MinHash values (uint32[len(hash_sets), num_perm]) of each set of shingle hashes.

    Equal to datasketch's `MinHash(scheme="affine32").update_batch(hashes)` with the identity as
    hash function (update_batch calls a Python function per shingle, which over 20,000 articles
    costs more than everything else here). The shingles of many articles are permuted at once,
    SIGNATURE_BLOCK at a time, one permutation after another: each step is one numpy operation
    over a buffer that stays in the processor's cache, and `minimum.reduceat` takes every
    article's minimum of it at once.
    """
    a, b = permutations(num_perm, seed)
    out = np.full((len(hash_sets), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    sizes = np.fromiter((len(h) for h in hash_sets), dtype=np.int64, count=len(hash_sets))
    rows = np.flatnonzero(sizes)  # an empty set keeps the maximum everywhere, as datasketch's
    start = 0
    while start < len(rows):
        # A run of articles with about SIGNATURE_BLOCK shingles in all (a long one alone).
        ends = np.cumsum(sizes[rows[start:]])
        stop = start + max(1, int(np.searchsorted(ends, SIGNATURE_BLOCK, side="right")))
        batch = rows[start:stop]
        mixed = fmix32(np.concatenate([hash_sets[i] for i in batch]).astype(np.uint32))
        offsets = np.concatenate(([0], np.cumsum(sizes[batch])[:-1]))
        buffer = np.empty_like(mixed)
        for p in range(num_perm):  # arithmetic mod 2^32 is the scheme
            np.multiply(mixed, a[p], out=buffer)
            np.add(buffer, b[p], out=buffer)
            out[batch, p] = np.minimum.reduceat(buffer, offsets)
        start = stop
    return out


def text_signatures(texts: Iterable[str]) -> np.ndarray:
    return signatures([shingles(text) for text in texts])


def text_signature(text: str) -> np.ndarray:
    return text_signatures([text])[0]


class UnionFind:
    """Disjoint sets of article indices, for transitive groups."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]  # path halving
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        root_i, root_j = self.find(i), self.find(j)
        if root_i != root_j:
            self.parent[max(root_i, root_j)] = min(root_i, root_j)


# LSH bands (count, values each): datasketch's MinHashLSH choice for THRESHOLD and NUM_PERM
# (it weighs false positives and false negatives equally; tested equal), so the candidates are
# those its index gives.
BANDS = (25, 5)


def bands() -> list[tuple[int, int]]:
    """The (start, end) columns of each LSH band."""
    count, width = BANDS
    return [(i * width, (i + 1) * width) for i in range(count)]


def candidate_pairs(signatures: Sequence[np.ndarray] | np.ndarray, num_perm: int = NUM_PERM
                    ) -> np.ndarray:
    """Index pairs (i < j), as an array of shape (pairs, 2) sorted by i then j, of the rows whose
    signatures are equal in at least one LSH band (MinHashLSH's candidates) and agree on at
    least ESTIMATE_FLOOR of their values (the estimated Jaccard).

    The bands are matched by sorting the rows on each band's values (numpy), not by inserting and
    querying them one by one: the same pairs, without a Python call per article and band.
    """
    matrix = np.asarray(signatures, dtype=np.uint32).reshape(len(signatures), num_perm)
    n = len(matrix)
    found = [np.empty(0, dtype=np.int64)]
    for low, high in bands():
        band = matrix[:, low:high]
        order = np.lexsort(band.T[::-1])
        ranked = band[order]
        same = (ranked[1:] == ranked[:-1]).all(axis=1)  # row k equals row k + 1
        found.extend(bucket_pairs(order, same, n))
    keys = np.concatenate(found)  # i * n + j
    keys.sort()  # then each pair once (np.unique's hash table is several times slower here)
    keys = keys[np.concatenate((keys[:1] == keys[:1], keys[1:] != keys[:-1]))]
    pairs = np.column_stack((keys // max(n, 1), keys % max(n, 1)))
    keep = np.zeros(len(pairs), dtype=bool)
    agreeing = ESTIMATE_FLOOR * num_perm  # values two signatures share, at the least
    for start in range(0, len(pairs), 20_000):  # bounded memory: 20,000 x num_perm at a time
        i, j = pairs[start: start + 20_000].T
        keep[start: start + 20_000] = np.count_nonzero(matrix[i] == matrix[j], axis=1) >= agreeing
    return pairs[keep]


def bucket_pairs(order: np.ndarray, same: np.ndarray, n: int) -> list[np.ndarray]:
    """Every pair (as i * n + j, i < j) within each run of equal rows of a sorted band; runs
    of one length are paired all at once."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], same.astype(np.int8), [0]))))
    starts, lengths = edges[::2], edges[1::2] - edges[::2] + 1
    found = []
    for length in np.unique(lengths):
        first, second = np.triu_indices(length, 1)
        run = starts[lengths == length][:, None]
        a, b = order[run + first].ravel(), order[run + second].ravel()
        found.append(np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b))
    return found


def representative_order(articles: pd.DataFrame) -> pd.Series:
    """Rank of each row as a story's representative: earliest date, longest text, article_id."""
    dates = articles["date"] if "date" in articles else pd.Series(None, index=articles.index)
    length = articles["text"].fillna("").str.len() if "text" in articles else articles["n_chars"]
    key = pd.DataFrame({"undated": dates.isna(), "date": dates.fillna("").astype(str),
                        "length": -length.astype("int64"),
                        "article_id": articles["article_id"].astype(str)})
    ranked = key.sort_values(["undated", "date", "length", "article_id"], kind="stable")
    return pd.Series(np.arange(len(ranked)), index=ranked.index).reindex(articles.index)


def story_ids(articles: pd.DataFrame, signatures: Sequence[np.ndarray] | np.ndarray,
              shingle_sets: Callable[[set[int]], Iterable[tuple[int, np.ndarray]]]
              ) -> pd.Series:
    """story_id of each row of `articles` (article_id, date, and n_chars or text), given each
    row's signature and a way to get the shingles of some rows, (row, shingles) pairs, for the
    exact Jaccard of the LSH candidates (the texts of a large corpus need not all be in
    memory: they can be read back and cut again)."""
    articles = articles.reset_index(drop=True)
    pairs = candidate_pairs(signatures)
    needed = set(np.unique(pairs).tolist())
    sets = dict(shingle_sets(needed)) if needed else {}
    groups = UnionFind(len(signatures))
    # The groups are the connected parts of the graph of pairs at THRESHOLD or above, whatever
    # the order; a pair already in one group needs no exact check.
    for i, j in pairs.tolist():
        if groups.find(i) != groups.find(j) and jaccard(sets[i], sets[j]) >= THRESHOLD:
            groups.union(i, j)
    roots = pd.Series([groups.find(i) for i in range(len(signatures))], dtype="int64")
    rank = representative_order(articles)
    best = rank.groupby(roots).idxmin()  # root -> row of the representative
    return roots.map(best).map(articles["article_id"]).rename("story_id")


def with_story_columns(articles: pd.DataFrame, ids: pd.Series | np.ndarray) -> pd.DataFrame:
    """`articles` with story_id and story_size (articles telling the story) as last columns."""
    out = articles.drop(columns=[c for c in ("story_id", "story_size") if c in articles])
    out = out.assign(story_id=np.asarray(ids, dtype=object))
    out["story_id"] = out["story_id"].astype("str")
    out["story_size"] = out.groupby("story_id")["story_id"].transform("size").astype("int64")
    return out


def assign_stories(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles with `story_id` (the representative's article_id) and `story_size` (how many
    articles tell the story) as their last columns; rows and their order unchanged. The
    article_ids must be unique (they are within one corpus)."""
    sets = [shingles(text) for text in articles["text"].tolist()]
    # The shingles are kept for the exact checks (about twice the texts' memory) rather than
    # cut again from the texts of the candidates (most articles, in a corpus of reposts).
    ids = story_ids(articles, signatures(sets), lambda rows: ((i, sets[i]) for i in rows))
    return with_story_columns(articles, ids)


def repost_groups(articles: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """One row per story told by at least `min_articles` articles, largest first: story_id,
    n_articles, article_ids, titles, outlets and dates (lists, representative first), and the
    representative with its title. The table printed beside the report."""
    if "story_id" not in articles:
        articles = assign_stories(articles)
    table = articles.assign(_rank=representative_order(articles)).sort_values("_rank")
    rows = []
    for story_id, group in table.groupby("story_id", sort=False):
        if len(group) < min_articles:
            continue
        rows.append({
            "story_id": story_id, "n_articles": len(group),
            "article_ids": group["article_id"].tolist(),
            "titles": [t if isinstance(t, str) else "" for t in group.get("title", [])],
            "outlets": [o if isinstance(o, str) else "" for o in group.get("outlet", [])],
            "dates": [d if isinstance(d, str) else "" for d in group.get("date", [])],
            "representative": group["article_id"].iloc[0],
            "representative_title": (group["title"].iloc[0] if "title" in group else ""),
        })
    out = pd.DataFrame(rows, columns=GROUP_COLUMNS)
    out = out.sort_values(["n_articles", "story_id"], ascending=[False, True], kind="stable")
    return out.astype({"n_articles": "int64"}).reset_index(drop=True)
