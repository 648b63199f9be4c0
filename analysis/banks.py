"""Bank names: canonical names, aliases, branches and collective names, from banks.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class BankMention:
    start: int
    end: int
    surface: str
    banks: tuple[str, ...]  # one canonical name, or several for a group such as 工农中建


@cache
def bank_table() -> dict:
    text = resources.files("analysis").joinpath("resources/banks.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def alias_map() -> dict[str, tuple[str, ...]]:
    """Every surface form (canonical name, alias, group) to the canonical bank names."""
    table = bank_table()
    names: dict[str, tuple[str, ...]] = {}
    for canonical, info in table["banks"].items():
        for surface in [canonical, *info.get("aliases", [])]:
            names[surface] = (canonical,)
    for group, members in table.get("groups", {}).items():
        names[group] = tuple(members)
    return names


@cache
def mention_pattern() -> re.Pattern:
    surfaces = sorted(alias_map(), key=len, reverse=True)  # longest first: 中国人民银行 before 人民银行
    stop = "".join(re.escape(s) for s in bank_table().get("not_followed_by", []))
    return re.compile(f"(?:{'|'.join(map(re.escape, surfaces))})(?![{stop}])")


def find_banks(text: str) -> list[BankMention]:
    """Bank mentions in `text`, in order; a branch name yields its bank."""
    names = alias_map()
    return [BankMention(m.start(), m.end(), m.group(), names[m.group()])
            for m in mention_pattern().finditer(text)]


def english(canonical: str) -> str:
    return bank_table()["banks"].get(canonical, {}).get("en", canonical)


def is_central_bank(canonical: str) -> bool:
    return bank_table()["banks"].get(canonical, {}).get("kind") == "central_bank"
