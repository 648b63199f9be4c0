"""Writing result tables: the format follows the file extension."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

FORMATS = (".csv", ".jsonl", ".parquet")


def to_python(value):
    """Plain Python values for JSON, CSV and the cache: lists and dicts all the way down (Parquet
    gives lists back as numpy arrays), missing values as None, numpy scalars as Python ones."""
    if isinstance(value, np.ndarray | list | tuple):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def records(table: pd.DataFrame) -> list[dict]:
    return [{k: to_python(v) for k, v in row.items()} for row in table.to_dict("records")]


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write `table` as CSV, JSON Lines or Parquet; nested values become JSON in CSV."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot write {path.name}: use one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as out:
            for row in records(table):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif suffix == ".csv":
        flat = table.copy()
        # Only object columns can hold lists or dicts; str and number columns are written as is.
        for column in flat.select_dtypes(include="object", exclude="str").columns:
            if flat[column].map(lambda v: isinstance(v, list | dict)).any():
                flat[column] = flat[column].map(lambda v: json.dumps(to_python(v), ensure_ascii=False))
        flat.to_csv(path, index=False, encoding="utf-8")
    else:
        table.to_parquet(path, index=False)
    return path
