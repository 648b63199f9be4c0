"""Bank names: canonical names, aliases, branches and collective names, from banks.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis import resources


@dataclass(frozen=True)
class BankMention:
    start: int
    end: int
    surface: str
    banks: tuple[str, ...]  # one canonical name, or several for a group such as 工农中建


bank_table = resources.banks
alias_map = resources.bank_aliases


@cache
def mention_pattern() -> re.Pattern:
    # longest first: 中国人民银行 before 人民银行
    surfaces = sorted(alias_map(), key=len, reverse=True)
    stop = "".join(re.escape(s) for s in bank_table().get("not_followed_by", []))
    return re.compile(f"(?:{'|'.join(map(re.escape, surfaces))})(?![{stop}])")


# Aliases this short ("中行", "人行") also occur inside other words ("集中行动", "个人行为"):
# such a hit counts only where the segmenter sees a word boundary on both sides.
SHORT_ALIAS = 2
WINDOW = 6  # characters of context either side given to the segmenter


def is_whole_word(text: str, start: int, end: int) -> bool:
    """True when no jieba token of the surrounding text crosses `start` or `end`."""
    from analysis.text import tokenizer  # jieba loads only when a short alias is seen

    words = tokenizer().FREQ
    if not (words.get(text[max(0, start - 1):start + 1]) or words.get(text[end - 1:end + 1])):
        return True  # neither neighbour makes a word with the alias: no need to segment
    left = max(0, start - WINDOW)
    window = text[left:end + WINDOW]
    cuts = {0, len(window)}
    for _, token_start, token_end in tokenizer().tokenize(window, HMM=False):
        cuts.update((token_start, token_end))
    return start - left in cuts and end - left in cuts


def find_banks(text: str) -> list[BankMention]:
    """Bank mentions in `text`, in order; a branch name yields its bank."""
    names = alias_map()
    pattern = mention_pattern()
    mentions: list[BankMention] = []
    position = 0
    while match := pattern.search(text, position):
        start, end = match.span()
        if end - start <= SHORT_ALIAS and not is_whole_word(text, start, end):
            position = start + 1  # "集中行动": look again from the next character
            continue
        mentions.append(BankMention(start, end, match.group(), names[match.group()]))
        position = end
    return mentions


def english(canonical: str) -> str:
    return bank_table()["banks"].get(canonical, {}).get("en", canonical)


def abbreviation(canonical: str) -> str:
    """ICBC, BOC, PBoC ...: the English short name for chart labels, else the English name."""
    info = bank_table()["banks"].get(canonical, {})
    return info.get("abbr") or info.get("en", canonical)


def is_central_bank(canonical: str) -> bool:
    return bank_table()["banks"].get(canonical, {}).get("kind") == "central_bank"
