"""Every data file of the package, loaded in one place (analysis/resources/).

The stages ask this module for their tables instead of reading files themselves, so a user
extends banks, outlets, topics, the dictionary or the stopwords by editing a file, and no two
stages import each other just to share a table.
"""

from __future__ import annotations

import os
import re
from contextlib import AbstractContextManager
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

PACKAGE = "analysis"
FOLDER = "resources"
# jieba's own user-dictionary line format: word, then optional frequency and tag.
USERDICT_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$", re.UNICODE)


def text(name: str) -> str:
    """One data file as text (UTF-8)."""
    return resources.files(PACKAGE).joinpath(FOLDER, name).read_text("utf-8")


def path(name: str) -> AbstractContextManager[Path]:
    """A context manager giving a real file path, for libraries that want one (jieba)."""
    return resources.as_file(resources.files(PACKAGE) / FOLDER / name)


def folder(name: str) -> Path:
    """A folder of data files that lies on disk (the report's templates)."""
    return Path(str(resources.files(PACKAGE) / FOLDER / name))


@cache
def yaml_table(name: str) -> dict:
    return yaml.safe_load(text(name)) or {}


def banks() -> dict:
    """banks.yaml: canonical names with aliases and branches, groups, not_followed_by."""
    return yaml_table("banks.yaml")


@cache
def bank_aliases() -> dict[str, tuple[str, ...]]:
    """Every surface form (canonical name, alias, group) to the canonical bank names."""
    table = banks()
    names: dict[str, tuple[str, ...]] = {}
    for canonical, info in table["banks"].items():
        for surface in [canonical, *(info or {}).get("aliases", [])]:
            for form in rural_forms(surface):  # 上海农商银行 is also 上海农商行 in the press
                names.setdefault(form, (canonical,))
            names[surface] = (canonical,)
        if (info or {}).get("currency") == "TWD":
            for form in taiwan_forms(canonical):  # 连线商业银行 is 连线商银 in Taiwan's press
                names.setdefault(form, (canonical,))
    for group, members in table.get("groups", {}).items():
        names[group] = tuple(members)
    return names


# A rural commercial bank goes by three names: X农村商业银行 (its legal name), X农商银行, X农商行.
RURAL_FORMS = ("农村商业银行", "农商银行", "农商行")


def rural_forms(surface: str) -> list[str]:
    """The usual forms of a rural commercial bank's name (all three for any of them)."""
    for suffix in RURAL_FORMS:
        if surface.endswith(suffix) and len(surface) > len(suffix):
            place = surface[:-len(suffix)]
            return [place + form for form in RURAL_FORMS]
    return []


# Taiwan's press shortens a bank's legal name to its stem and 商银 or 银 (乐天国际商业银行:
# 乐天商银, 台中商业银行: 台中商银, 彰化银行: 彰化银).
TAIWAN_SUFFIXES = ("国际商业银行", "商业银行", "银行")


def taiwan_forms(canonical: str) -> list[str]:
    """The short forms of a Taiwan bank's name (stem and 商银, stem and 银)."""
    if canonical.endswith("储蓄银行"):
        return []  # 上海商业储蓄银行 is 上海商银 (an alias); 上海银 would read 上海银保监局
    for suffix in TAIWAN_SUFFIXES:
        if canonical.endswith(suffix) and len(canonical) - len(suffix) >= 2:
            stem = canonical[:-len(suffix)]
            return [stem + "商银", stem + "银"]
    return []


def outlets() -> dict:
    """outlets.yaml: byline prefixes to outlets, and English names of outlets."""
    return yaml_table("outlets.yaml")


def topics() -> dict[str, dict]:
    """topics.yaml: topic key -> {en, zh, terms}, in file order."""
    return yaml_table("topics.yaml")["topics"]


@cache
def userdict_entries() -> tuple[tuple[str, int | None, str | None], ...]:
    """(word, frequency, tag) of each line of userdict.txt, parsed exactly as jieba parses them."""
    entries = []
    for line in text("userdict.txt").lstrip("\ufeff").splitlines():
        line = line.strip()
        if not line:
            continue
        word, freq, tag = USERDICT_LINE.match(line).groups()
        entries.append((word, int(freq) if freq else None, tag.strip() if tag else None))
    return tuple(entries)


@cache
def project_stopwords() -> frozenset[str]:
    lines = (line.strip() for line in text("stopwords_project.txt").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def question() -> dict:
    """question.yaml: the report's title, focus and lending vocabularies, relevance rule; a
    copy named by $ANALYSIS_QUESTION replaces it, so the report asks another question with no
    change to the code."""
    override = os.environ.get("ANALYSIS_QUESTION")
    if override:
        return yaml.safe_load(Path(override).read_text("utf-8")) or {}
    return yaml_table("question.yaml")
