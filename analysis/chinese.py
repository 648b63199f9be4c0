"""Traditional characters: a simplified copy of a text, character for character, for analysis.

Segmentation, figures, banks and topics read the simplified copy; quotes, offsets and the
report keep the original characters. The copy has the same length as the original, so an
offset found in one is the same offset in the other.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

# The CJK blocks OpenCC's dictionaries cover (Extension A and the unified ideographs).
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


@cache
def converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def traditional_chars() -> str:
    """The characters that t2s changes."""
    chars = "".join(chr(code) for low, high in CJK_RANGES for code in range(low, high + 1))
    converted = converter().convert(chars)
    if len(converted) == len(chars):
        changed = [a for a, b in zip(chars, converted, strict=True) if a != b]
    else:  # never seen with t2s; fall back to asking character by character
        changed = [c for c in chars if converter().convert(c) != c]
    return "".join(changed)


@cache
def traditional_pattern() -> re.Pattern:
    """Characters that t2s changes, so a simplified text is recognised without converting it."""
    return re.compile("[" + "".join(re.escape(c) for c in traditional_chars()) + "]")


def has_traditional(text: str) -> bool:
    return bool(text) and traditional_pattern().search(text) is not None


# Half of a UTF-16 pair, alone: no character, but a str may hold one (a JSON export's broken
# escape "\ud800"); split on, it stays a part of its own
LONE_SURROGATE = re.compile("([\ud800-\udfff])")


def to_simplified(text: str) -> str:
    """The text in simplified characters, with exactly the original's length."""
    if not has_traditional(text):
        return text
    if LONE_SURROGATE.search(text):  # (OpenCC cannot read one: convert the text around it)
        return "".join(part if LONE_SURROGATE.fullmatch(part) else to_simplified(part)
                       for part in LONE_SURROGATE.split(text))
    converted = converter().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length somewhere: keep offsets by converting line by line,
    # and character by character on the rare line that still differs.
    lines = []
    for line in text.split("\n"):
        simple = converter().convert(line)
        if len(simple) != len(line):
            simple = "".join(_one(char) for char in line)
        lines.append(simple)
    return "\n".join(lines)


def _one(char: str) -> str:
    simple = converter().convert(char)
    return simple if len(simple) == 1 else char


# Pinyin printed after a character, where a page's <ruby> reading aid was flattened to text:
# 農(nóng)業(yè). A syllable with a tone mark counts; one without (餘(yu) 額, 億(yi) 元, as some
# mirrors print them) only where a text holds several, so a lone "(ai)" stays text. A space the
# aid leaves before the next character goes with it.
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_ANNOTATION = re.compile(
    rf"[(（](?=[a-zü{TONE_MARKS}]*[{TONE_MARKS}])[a-zü{TONE_MARKS}]{{1,7}}[)）]")
TONELESS_ANNOTATION = re.compile(
    r"[(（](?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?[aeiouv][a-z]{0,4}[)）]")
TONELESS_AT_LEAST = 3  # toneless aids in a text before they read as aids


def strip_pinyin_annotations(text: str, toneless_at_least: int = TONELESS_AT_LEAST
                             ) -> tuple[str, list[str]]:
    """The text without flattened pinyin reading aids, and the aids removed, in order."""
    if "(" not in text and "（" not in text:
        return text, []
    # The bracket leads the pattern (fast to scan for); the character before it is checked here.
    spans = [m.span() for m in PINYIN_ANNOTATION.finditer(text)
             if m.start() and _is_cjk(text[m.start() - 1])]
    toneless = [m.span() for m in TONELESS_ANNOTATION.finditer(text)
                if m.start() and _is_cjk(text[m.start() - 1])]
    if len(toneless) >= toneless_at_least:
        spans = sorted(spans + toneless)
    spans = [(start, end + 1) if text[end:end + 1] == " " and _is_cjk(text[end + 1:end + 2])
             else (start, end) for start, end in spans]
    if not spans:
        return text, []
    parts, removed, last = [], [], 0
    for start, end in spans:
        parts.append(text[last:start])
        removed.append(text[start:end])
        last = end
    parts.append(text[last:])
    return "".join(parts), removed


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff"
