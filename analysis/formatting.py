"""How a value and a bank read in the report: 'CNY 2.7 trn', '≥ 30%', '中国银行 (Bank of China)'."""

from __future__ import annotations

from decimal import Decimal

from analysis.banks import english
from analysis.figures import MONEY_UNITS

SCALES = [(Decimal(10) ** 12, "trn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "mn")]
SIGNS = {"=": "", "≈": "≈ ", ">": "> ", "≥": "≥ ", "<": "< ", "≤": "≤ "}


def format_value(value: float, unit: str, qualifier: str = "=") -> str:
    """'≥ CNY 1 trn', '< CNY 100 bn', '30.74%', '15.8 pp', '1,600 家'."""
    sign = SIGNS.get(qualifier, "")
    if unit in MONEY_UNITS:
        for scale, word in SCALES:
            if abs(value) >= scale:
                return f"{sign}{unit} {value / float(scale):,.4g} {word}"
        return f"{sign}{unit} {value:,.4g}"
    if unit == "%":
        return f"{sign}{value:g}%"
    if unit == "pp":
        return f"{sign}{value:g} pp"
    return f"{sign}{value:,.10g} {unit}"


def bank_label(canonical: str | None) -> str:
    """'中国银行 (Bank of China)'; a bank with no English name (a local bank the table does not
    list) by its name alone."""
    if not isinstance(canonical, str) or not canonical:
        return ""
    name = english(canonical)
    return canonical if name == canonical else f"{canonical} ({name})"


def counted(n: int, noun: str, plural: str = "") -> str:
    """"1 fact", "2 facts"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
