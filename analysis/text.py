"""Chinese segmentation and terms: one tokenizer per process, built from the project dictionary.

Two segmenters, one dictionary: jieba (the reference) and rjieba (jieba's algorithm and
dictionary in Rust, its cut about 20x faster). rjieba is the default for terms when it can be
imported, jieba otherwise; `segmenter="jieba"` or ANALYSIS_SEGMENTER=jieba choose jieba. rjieba
has no user-dictionary loader, so the project dictionary is parsed with jieba's own line pattern
and added to it word by word.

The two differ in one class of tokens: with the HMM on, rjieba keeps a run of Latin letters and
digits joined by "-", "." or "_" whole ("Non-GAAP", "601988.SH", "picsum.photos"), where jieba
splits it with its pattern for such runs. `cut` splits rjieba's tokens the same way, so the
tokens, and so the term counts, are jieba's (tested on the seeds and the shared corpora).

A *term* is a token worth counting: not a stopword (stopwords-iso Chinese list, MIT, plus
resources/stopwords_project.txt), not a number or punctuation, at least two characters long.
`TermOptions` switches each of these filters.
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import stopwordsiso

from analysis import resources

SEGMENTERS = ("jieba", "rjieba")
SEGMENTER_ENV = "ANALYSIS_SEGMENTER"


userdict_entries = resources.userdict_entries


@cache
def bank_words() -> tuple[str, ...]:
    """Bank names, aliases and group names (banks.yaml) that userdict.txt does not list."""
    listed = {word for word, _, _ in userdict_entries()}
    return tuple(word for word in resources.bank_aliases() if word not in listed)


@cache
def tokenizer():
    """The process-wide jieba tokenizer (loaded lazily, once).

    Its dictionary: jieba's own, userdict.txt, then every bank name of banks.yaml that would
    still be cut (with the smallest frequency that keeps the name whole).
    """
    import jieba  # here, not at the top: with rjieba a run never needs it (0.2 s of imports)

    # jieba logs "Building prefix dict…" on every load; keep notebooks and CLI output clean.
    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    with resources.path("userdict.txt") as path:
        segmenter.load_userdict(str(path))
    for word in bank_words():
        if segmenter.lcut(word, HMM=False) != [word]:  # missing, or too rare to win
            segmenter.add_word(word, tag="nt")
    return segmenter


@cache
def rjieba_tokenizer():
    """The process-wide rjieba tokenizer, with the same dictionary as `tokenizer()`."""
    import rjieba

    segmenter = rjieba.Jieba()
    for word, freq, tag in userdict_entries():
        segmenter.add_word(word, freq, tag)  # freq None: the smallest that keeps it whole, as jieba
    for word in bank_words():
        if segmenter.cut(word, False) != [word]:
            segmenter.add_word(word, None, "nt")
    return segmenter


@cache
def rjieba_available() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


def default_segmenter() -> str:
    """$ANALYSIS_SEGMENTER, else rjieba when it can be imported (same terms, faster), else jieba."""
    name = os.environ.get(SEGMENTER_ENV, "").strip()
    return check_segmenter(name) if name else "rjieba" if rjieba_available() else "jieba"


def check_segmenter(name: str) -> str:
    if name not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {name!r}: use one of {', '.join(SEGMENTERS)}")
    return name


# jieba.finalseg's pattern for Latin and digit runs outside the dictionary ("V2.0", "3.5%").
JIEBA_LATIN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
LATIN_JOINED = re.compile(r"[a-zA-Z0-9][^a-zA-Z0-9]")


@cache
def jieba_pieces(token: str) -> tuple[str, ...]:
    """An rjieba token as jieba cuts it: "Non-GAAP" -> Non, -, GAAP; most tokens unchanged."""
    if not LATIN_JOINED.search(token) or token in dictionary_words() or not token.isascii():
        return (token,)
    return tuple(piece for piece in JIEBA_LATIN.split(token) if piece)


@cache
def dictionary_words() -> frozenset[str]:
    return frozenset(word for word, _, _ in userdict_entries()) | frozenset(bank_words())


def cut(text: str, hmm: bool = True, segmenter: str = "jieba") -> list[str]:
    """Tokens of `text`; jieba unless told otherwise, whatever the environment (the cleaner
    relies on jieba's exact cut)."""
    if check_segmenter(segmenter) == "rjieba":
        tokens = rjieba_tokenizer().cut(text, hmm)
        # Without the HMM rjieba already splits Latin runs as jieba does.
        return [piece for token in tokens for piece in jieba_pieces(token)] if hmm else tokens
    return tokenizer().lcut(text, HMM=hmm)


# ---------------------------------------------------------------- terms

# Arabic and full-width digits with separators, percent signs and ranges ("3,499.99", "30%",
# "30%—50%"); Chinese numerals ("万亿", "两"); ticker codes as rjieba keeps them ("601988.SH").
NUMBER = re.compile(
    r"^(?:[\d０-９.,，:：/%％‰+\-—–~～]+|[零〇一二三四五六七八九十百千万亿两]+|\d+\.[A-Za-z]{2})$"
)
WORD_CHAR = re.compile(r"\w")


project_stopwords = resources.project_stopwords


@cache
def stopwords() -> frozenset[str]:
    """stopwords-iso's Chinese list (MIT) plus the project list."""
    return frozenset(stopwordsiso.stopwords("zh")) | project_stopwords()


@dataclass(frozen=True)
class TermOptions:
    """Which tokens count as terms. The defaults leave out what says nothing about a topic."""

    min_length: int = 2  # single characters (的, 在, 行) are grammar, not topic
    numbers: bool = False  # keep "2024", "13.44", "万亿"
    punctuation: bool = False  # keep "，", "“"
    stopwords: bool = True  # drop stopwords
    extra_stopwords: frozenset[str] = frozenset()
    hmm: bool = True  # jieba's HMM for words missing from the dictionary (names)
    segmenter: str | None = None  # None: $ANALYSIS_SEGMENTER, else rjieba if present

    def resolved_segmenter(self) -> str:
        return check_segmenter(self.segmenter) if self.segmenter else default_segmenter()


def is_number(token: str) -> bool:
    return bool(NUMBER.match(token))


def is_punctuation(token: str) -> bool:
    """No letter, digit or CJK character at all (also whitespace and symbols such as "+")."""
    return not WORD_CHAR.search(token)


class TermVerdicts(dict):
    """token -> is it a term, under one set of options; each distinct token is judged once
    (a corpus repeats its words, and a dict lookup is cheaper than the judgement)."""

    def __init__(self, options: TermOptions):
        super().__init__()
        self.options = options
        self.stop = (stopwords() | options.extra_stopwords) if options.stopwords else frozenset()

    def __missing__(self, token: str) -> bool:
        options = self.options
        verdict = not (
            len(token) < options.min_length or not token.strip()
            or (not options.punctuation and is_punctuation(token))
            or (not options.numbers and is_number(token))
            or token in self.stop
        )
        self[token] = verdict
        return verdict


@cache
def term_verdicts(options: TermOptions) -> TermVerdicts:
    return TermVerdicts(options)


def is_term(token: str, options: TermOptions = TermOptions()) -> bool:
    return term_verdicts(options)[token]


def terms(text: str, options: TermOptions = TermOptions()) -> list[str]:
    """The terms of `text`, in order."""
    verdicts = term_verdicts(options)
    return [t for t in cut(text, options.hmm, options.resolved_segmenter()) if verdicts[t]]


def count_terms(text: str, options: TermOptions = TermOptions()) -> Counter:
    """How often each term occurs in `text`."""
    segmenter = options.resolved_segmenter()
    if segmenter == "rjieba" and options.hmm:
        # Count rjieba's raw tokens, then keep the distinct ones that are terms as they are (one
        # dict comprehension) and split the few that jieba would cut (Latin runs) into theirs.
        kinds = term_kinds(options)
        tokens = Counter(rjieba_tokenizer().cut(text, True))
        counts = Counter({token: n for token, n in tokens.items() if kinds[token] is WHOLE})
        for token in kinds.split.intersection(tokens):
            for piece in kinds[token]:
                counts[piece] += tokens[token]
        return counts
    verdicts = term_verdicts(options)
    tokens = Counter(cut(text, options.hmm, segmenter))
    return Counter({token: n for token, n in tokens.items() if verdicts[token]})


WHOLE = "whole"  # the token is one term, as it is


class TermKinds(dict):
    """rjieba token -> WHOLE when it is one term as jieba cuts it too (most terms), else the
    terms among its jieba pieces (mostly none)."""

    def __init__(self, options: TermOptions):
        super().__init__()
        self.verdicts = term_verdicts(options)
        self.split: set[str] = set()  # the tokens whose pieces hold terms

    def __missing__(self, token: str) -> str | tuple[str, ...]:
        found = tuple(piece for piece in jieba_pieces(token) if self.verdicts[piece])
        kind = WHOLE if found == (token,) else found
        if kind and kind is not WHOLE:
            self.split.add(token)
        self[token] = kind
        return kind


@cache
def term_kinds(options: TermOptions) -> TermKinds:
    return TermKinds(options)
