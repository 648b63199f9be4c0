"""Processed tables in data/processed/ (Parquet), keyed by input content and code version.

Re-running the notebooks on an unchanged corpus reads the tables back instead of cleaning
again; a changed file (new content hash) is processed alone. Any change to the package's
code or data files changes the code version and so starts a fresh cache.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from analysis.io import to_python


@cache
def code_version() -> str:
    """Digest of every source and data file of the analysis package."""
    digest = hashlib.sha256()
    root = resources.files("analysis")
    files = sorted(
        (p for p in Path(str(root)).rglob("*") if p.is_file() and p.suffix in {".py", ".yaml", ".txt"}),
        key=lambda p: p.as_posix(),
    )
    for path in files:
        digest.update(path.relative_to(Path(str(root))).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class TableCache:
    """Rows of several tables, grouped by a key (a file name and its content hash)."""

    def __init__(self, folder: str | Path, stage: str, tables: tuple[str, ...]):
        self.folder = Path(folder)
        self.stage = stage
        self.tables = tables
        self.version = code_version()
        self.rows: dict[str, dict[str, list[dict]]] = {}
        self.used: set[str] = set()
        self.dirty = False
        self._load()

    def path(self, table: str) -> Path:
        return self.folder / f"{self.stage}-{table}-{self.version}.parquet"

    def _load(self) -> None:
        for table in self.tables:
            path = self.path(table)
            if not path.exists():
                continue
            try:
                frame = pd.read_parquet(path)
            except Exception:  # a torn or foreign file is just a cold cache
                self.rows.clear()
                return
            if "cache_key" not in frame.columns:
                continue
            for record in frame.to_dict("records"):
                record = {k: to_python(v) for k, v in record.items()}
                key = record.pop("cache_key")
                self.rows.setdefault(key, {t: [] for t in self.tables})[table].append(record)

    def get(self, key: str) -> dict[str, list[dict]] | None:
        hit = self.rows.get(key)
        if hit is not None:
            self.used.add(key)
        return hit

    def put(self, key: str, **tables: list[dict]) -> None:
        self.rows[key] = {t: list(tables.get(t, [])) for t in self.tables}
        self.used.add(key)
        self.dirty = True

    def save(self) -> None:
        """Write the rows used in this run (files gone from the corpus drop out)."""
        if not self.dirty and set(self.rows) == self.used:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.folder.glob(f"{self.stage}-*.parquet"):
            if not stale.name.endswith(f"-{self.version}.parquet"):
                stale.unlink()
        for table in self.tables:
            records = [
                {"cache_key": key, **row}
                for key in sorted(self.used)
                for row in self.rows[key][table]
            ]
            frame = pd.DataFrame(records)
            # Notebooks run two at a time: each writes its own temporary file, then renames.
            tmp = self.path(table).with_suffix(f".{os.getpid()}.tmp")
            frame.to_parquet(tmp, index=False)
            tmp.replace(self.path(table))


def per_article(
    articles: pd.DataFrame,
    stage: str,
    compute: Callable[[pd.DataFrame], pd.DataFrame],
    cache_dir: str | Path | None,
) -> pd.DataFrame:
    """`compute(articles)` for a stage whose rows depend on one article each, computing only
    the articles not already in the stage's cache."""
    if cache_dir is None:
        return compute(articles)
    store = TableCache(cache_dir, stage, ("rows",))
    keys = (articles["article_id"] + "|" + articles["sha256"]).tolist()
    todo = articles[[store.get(key) is None for key in keys]]
    fresh = compute(todo)
    by_article = dict(zip(*_group(fresh), strict=True))
    todo_ids = set(todo["article_id"])
    for key, article_id in zip(keys, articles["article_id"], strict=True):
        if article_id in todo_ids:
            store.put(key, rows=by_article.get(article_id, []))
    records = [row for key in keys for row in store.get(key)["rows"]]
    store.save()
    return pd.DataFrame(records, columns=fresh.columns)


def _group(frame: pd.DataFrame) -> tuple[list, list]:
    if frame.empty:
        return [], []
    ids, rows = [], []
    for article_id, group in frame.groupby("article_id", sort=False):
        ids.append(article_id)
        rows.append([{k: to_python(v) for k, v in r.items()} for r in group.to_dict("records")])
    return ids, rows
