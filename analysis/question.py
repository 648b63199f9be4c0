"""The question the report asks, as data (resources/question.yaml), and how much each article
speaks to it.

relevance   focus-term hits per 1,000 characters of the article's text: `text_simplified`
            when the articles table has it and it is not empty, else `text` turned into
            simplified Chinese (OpenCC, only when it holds traditional characters), so 人工智慧
            and 貸款 count as 人工智能 and 贷款.
relevant    relevance >= relevance.min_hits_per_1000 and at least relevance.min_lending_hits
            hits of the lending vocabulary: an article about AI that never speaks of lending,
            or one about loans that never names the focus, does not speak to the question.

Terms are counted without overlaps, longest first (科技贷款 is one hit, not also 贷款); a
Latin-letter term (AI) counts only when no letter touches it, so "said" holds no AI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import yaml

from analysis import resources
from analysis.chinese import has_traditional, to_simplified

COLUMNS = ["article_id", "n_chars", "focus_hits", "lending_hits", "relevance", "relevant",
           "focus_terms"]


@dataclass(frozen=True)
class Question:
    title: str
    subject: str
    focus_label: str
    focus: dict[str, str]  # term -> English label
    lending_label: str
    lending: dict[str, str]
    min_hits_per_1000: float = 1.0
    min_lending_hits: int = 1
    families: tuple[str, ...] = ()
    ask: str = ""
    lending_verbs: tuple[str, ...] = ()

    @cached_property
    def focus_pattern(self) -> re.Pattern:
        return vocabulary_pattern(self.focus)

    @cached_property
    def lending_pattern(self) -> re.Pattern:
        return vocabulary_pattern(self.lending)

    def describe(self) -> str:
        """'Chinese banks × the AI industry and its chain (人工智能 artificial intelligence, …)'."""
        terms = ", ".join(f"{zh} {en}" if zh != en else zh for zh, en in self.focus.items())
        return f"{self.subject} × {self.focus_label} ({terms})"


def vocabulary_pattern(terms) -> re.Pattern:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        escaped = re.escape(term)
        if re.fullmatch(r"[A-Za-z]+", term):
            escaped = rf"(?<![A-Za-z]){escaped}(?![A-Za-z])"
        parts.append(escaped)
    return re.compile("|".join(parts)) if parts else re.compile(r"(?!x)x")


def from_table(table: dict) -> Question:
    """A Question from the parsed YAML; a missing section is an error that names it."""
    for key in ("title", "focus", "lending"):
        if key not in table:
            raise ValueError(f"question file: missing '{key}'")
    rules = table.get("relevance") or {}
    return Question(
        title=str(table["title"]),
        subject=str(table.get("subject", "banks")),
        focus_label=str(table["focus"].get("label", "the focus")),
        focus={str(k): str(v) for k, v in (table["focus"].get("terms") or {}).items()},
        lending_label=str(table["lending"].get("label", "lending")),
        lending={str(k): str(v) for k, v in (table["lending"].get("terms") or {}).items()},
        min_hits_per_1000=float(rules.get("min_hits_per_1000", 1.0)),
        min_lending_hits=int(rules.get("min_lending_hits", 1)),
        families=tuple(table.get("families") or ()),
        lending_verbs=tuple(table["lending"].get("verbs") or ()),
        ask=str(table.get("ask") or f"what the articles say about {table.get('subject', 'banks')}"
                f" and {table['focus'].get('label', 'the focus')}"),
    )


def load(path: str | Path | None = None) -> Question:
    """The question of `path`, else of $ANALYSIS_QUESTION, else resources/question.yaml."""
    if path is not None:
        return from_table(yaml.safe_load(Path(path).read_text("utf-8")) or {})
    return from_table(resources.question())


def simplified_texts(articles: pd.DataFrame) -> list[str]:
    texts = articles["text"].fillna("").astype(str).tolist()
    if "text_simplified" in articles.columns:
        simple = articles["text_simplified"].tolist()
        return [s if isinstance(s, str) and s else t for s, t in zip(simple, texts, strict=True)]
    return [to_simplified(t) if has_traditional(t) else t for t in texts]


def relevance(articles: pd.DataFrame, question: Question | None = None) -> pd.DataFrame:
    """One row per article (columns: COLUMNS): its focus and lending hits, relevance (focus hits
    per 1,000 characters), `relevant`, and its focus terms by count ("AI 5, 算力 2")."""
    question = question or load()
    rows = []
    for aid, text in zip(articles["article_id"], simplified_texts(articles), strict=True):
        found = question.focus_pattern.findall(text)
        lending = len(question.lending_pattern.findall(text))
        score = 1000 * len(found) / len(text) if text else 0.0
        terms = pd.Series(found, dtype="str").value_counts()
        rows.append((aid, len(text), len(found), lending, round(score, 3),
                     score >= question.min_hits_per_1000 and lending >= question.min_lending_hits,
                     ", ".join(f"{t} {n}" for t, n in terms.items())))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.astype({"n_chars": "int64", "focus_hits": "int64", "lending_hits": "int64",
                         "relevance": "float64", "relevant": "bool"})


def relevance_summary(table: pd.DataFrame) -> dict:
    """How many articles speak to the question, for the report's prose."""
    n = len(table)
    relevant = int(table["relevant"].sum()) if n else 0
    return {"n_articles": n, "n_relevant": relevant, "n_other": n - relevant,
            "relevant_share": f"{relevant / n:.0%}" if n else "n/a"}
