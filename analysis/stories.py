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
- MinHashLSH (THRESHOLD = 0.5) finds the candidate pairs in roughly linear time; those whose
  signatures agree on at least 40% of their values (ESTIMATE_FLOOR) are then checked with the
  exact Jaccard of their shingle sets, so LSH false positives never join two stories. Pairs at
  or above THRESHOLD are the same story. A repost that keeps at least half of the original's
  shingles joins it: one paragraph of three dropped gives 0.67, five
  characters changed in 500 about 0.9, a 来源 line or new title almost nothing.
- Groups are transitive (union-find): an original, a repost of it and a repost of the repost
  are one story even when the first and the last are further apart.

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
from datasketch import MinHash, MinHashLSH

from analysis.chinese import to_simplified

SHINGLE_SIZE = 5
NUM_PERM = 128
THRESHOLD = 0.5
SEED = 1  # the permutations; signatures made with different seeds cannot be compared
SIGNATURE_BLOCK = 4096  # shingles hashed at once
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
    if not isinstance(text, str):
        return ""
    kept = NOT_CONTENT.sub("", to_simplified(text))
    # NFKC only when needed (full-width letters and digits): dropping the punctuation first
    # leaves most Chinese text already normalised, and normalising costs more than the rest.
    if not unicodedata.is_normalized("NFKC", kept):
        kept = NOT_CONTENT.sub("", unicodedata.normalize("NFKC", kept))
    return kept.lower()


def shingles(text: str, size: int = SHINGLE_SIZE) -> np.ndarray:
    """The distinct shingle hashes (uint32, sorted) of `text`; a text shorter than `size` is
    one shingle, an empty one has none."""
    chars = normalise(text)
    if not chars:
        return np.empty(0, dtype=np.uint32)
    points = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)
    width = min(size, len(points))
    n = len(points) - width + 1
    hashes = np.zeros(n, dtype=np.uint32)
    for offset in range(width):  # h = ((c0 * B + c1) * B + c2) ... mod 2^32, for all at once
        hashes = hashes * SHINGLE_BASE + points[offset: offset + n]
    hashes.sort()  # then drop repeats (np.unique sorts the same way, several times slower)
    return hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted sets of shingle hashes."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


@cache
def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations


def fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, as datasketch applies it to every hash before permuting."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature(hashes: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The MinHash values (uint32[num_perm]) of a set of shingle hashes.

    Equal to datasketch's `MinHash(scheme="affine32").update_batch(hashes)` with the identity as
    hash function, computed for all shingles at once (update_batch calls a Python function per
    shingle, which over 20,000 articles costs more than everything else here).
    """
    a, b = permutations(num_perm, seed)
    if len(hashes) == 0:
        return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    mixed = fmix32(hashes.astype(np.uint32))
    values = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    # Blocks of shingles bound the (num_perm x shingles) matrix: a million-character file would
    # otherwise need half a gigabyte for it. Writing into one buffer (out=) is several times
    # faster than letting numpy allocate each intermediate.
    buffer = np.empty((num_perm, min(len(mixed), SIGNATURE_BLOCK)), dtype=np.uint32)
    for start in range(0, len(mixed), SIGNATURE_BLOCK):
        block = mixed[None, start: start + SIGNATURE_BLOCK]
        out = buffer[:, : block.shape[1]]
        np.multiply(a[:, None], block, out=out)  # arithmetic mod 2^32 is the scheme
        np.add(out, b[:, None], out=out)
        np.minimum(values, out.min(axis=1), out=values)
    return values


def text_signature(text: str) -> np.ndarray:
    return signature(shingles(text))


def as_minhash(values: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> MinHash:
    return MinHash(seed=seed, hashvalues=values, permutations=permutations(num_perm, seed),
                   scheme="affine32")


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


def candidate_pairs(signatures: Sequence[np.ndarray], threshold: float = THRESHOLD,
                    num_perm: int = NUM_PERM) -> set[tuple[int, int]]:
    """Index pairs (i < j) that collide in an LSH band and whose signatures agree on at least
    ESTIMATE_FLOOR of their values (the estimated Jaccard)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    matrix = np.asarray(signatures, dtype=np.uint32).reshape(len(signatures), num_perm)
    pairs = set()
    for i, values in enumerate(matrix):
        minhash = as_minhash(values, num_perm)
        found = lsh.query(minhash)
        if found:
            found = np.asarray(found)
            estimate = (matrix[found] == values).mean(axis=1)
            pairs.update((int(j), i) for j in found[estimate >= ESTIMATE_FLOOR])
        lsh.insert(i, minhash, check_duplication=False)
    return pairs


def representative_order(articles: pd.DataFrame) -> pd.Series:
    """Rank of each row as a story's representative: earliest date, longest text, article_id."""
    dates = articles["date"] if "date" in articles else pd.Series(None, index=articles.index)
    length = articles["text"].fillna("").str.len() if "text" in articles else articles["n_chars"]
    key = pd.DataFrame({"undated": dates.isna(), "date": dates.fillna("").astype(str),
                        "length": -length.astype("int64"),
                        "article_id": articles["article_id"].astype(str)})
    ranked = key.sort_values(["undated", "date", "length", "article_id"], kind="stable")
    return pd.Series(np.arange(len(ranked)), index=ranked.index).reindex(articles.index)


def story_ids(articles: pd.DataFrame, signatures: Sequence[np.ndarray],
              texts: Callable[[set[int]], Iterable[tuple[int, str]]]) -> pd.Series:
    """story_id of each row of `articles` (article_id, date, and n_chars or text), given each
    row's signature and a way to fetch the texts of some rows, (row, text) pairs, for the exact
    Jaccard of the LSH candidates (the texts of a large corpus need not all be in memory)."""
    articles = articles.reset_index(drop=True)
    pairs = candidate_pairs(signatures)
    needed = {i for pair in pairs for i in pair}
    sets = {i: shingles(text) for i, text in texts(needed)} if needed else {}
    groups = UnionFind(len(signatures))
    for i, j in sorted(pairs):
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
    texts = articles["text"].tolist()
    signatures = [text_signature(t) for t in texts]
    return with_story_columns(articles, story_ids(articles, signatures,
                                                  lambda rows: ((i, texts[i]) for i in rows)))


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
