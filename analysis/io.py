"""Writing result tables: the format follows the file extension.

`write_table` writes a table held in memory. `TableSink` writes one that arrives in chunks
(the engine's partitions) without ever holding it whole: each chunk is staged as a pickle (an
exact round trip of its Python values), then `close` writes the output part by part, with an
optional function applied to each part first (the articles' story_id is only known once every
part is in). Parquet goes through pyarrow's ParquetWriter, one row group per part, with one
schema unified over all parts (a column that is empty in one part and text in another is text).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
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
        csv_flat(table).to_csv(path, index=False, encoding="utf-8")
    else:
        table.to_parquet(path, index=False)
    return path


def csv_flat(table: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts as JSON text, for CSV."""
    flat = table.copy()
    # Only object columns can hold lists or dicts; str and number columns are written as is.
    for column in flat.select_dtypes(include="object", exclude="str").columns:
        if flat[column].map(lambda v: isinstance(v, list | dict)).any():
            flat[column] = flat[column].map(lambda v: json.dumps(to_python(v), ensure_ascii=False))
    return flat


PART_NAME = "part-{:05d}.parquet"


# Staged parts up to this size are held in memory while the Parquet file is written.
READ_ONCE_BYTES = 64 * 2**20


class TableSink:
    """A table written chunk by chunk: `write(chunk)` any number of times, then `close()`.

    `path` ending in .csv, .jsonl or .parquet is one file; with `partitioned=True` a .parquet
    path is a folder of part files (part-00000.parquet, ...), one per chunk, which
    `pandas.read_parquet(folder)` reads as one table. Empty chunks are skipped.
    """

    def __init__(self, path: str | Path, partitioned: bool = False):
        self.path = Path(path)
        self.suffix = self.path.suffix.lower()
        if self.suffix not in FORMATS:
            raise ValueError(f"cannot write {self.path.name}: use one of {', '.join(FORMATS)}")
        if partitioned and self.suffix != ".parquet":
            raise ValueError("only Parquet output can be partitioned")
        self.partitioned = partitioned
        self.staging = Path(tempfile.mkdtemp(prefix="analysis-parts-"))
        self.parts: list[Path] = []
        self.columns: list[str] | None = None
        self.rows = 0

    def write(self, chunk: pd.DataFrame) -> None:
        if self.columns is None:
            self.columns = list(chunk.columns)
        if chunk.empty:
            return
        part = self.staging / f"{len(self.parts):05d}.pkl"
        chunk.reset_index(drop=True).to_pickle(part)
        self.parts.append(part)
        self.rows += len(chunk)

    def staged(self) -> Iterator[pd.DataFrame]:
        """The chunks written so far, one at a time."""
        for part in self.parts:
            yield pd.read_pickle(part)

    def close(self, transform: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
              empty: pd.DataFrame | None = None) -> Path:
        """Write the output from the staged chunks (each through `transform`); `empty` is the
        table written when no chunk had rows (default: the columns of the first chunk)."""
        transform = transform or (lambda chunk: chunk)
        blank = empty if empty is not None else pd.DataFrame(columns=self.columns or [])

        def chunks() -> Iterator[pd.DataFrame]:
            if not self.parts:
                yield transform(blank)
            for chunk in self.staged():
                yield transform(chunk)

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.suffix == ".parquet":
                self._write_parquet(chunks)
            else:
                self._write_text(chunks())
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)
        return self.path

    def _write_text(self, chunks: Iterator[pd.DataFrame]) -> None:
        with self.path.open("w", encoding="utf-8", newline="") as out:
            for number, chunk in enumerate(chunks):
                if self.suffix == ".jsonl":
                    out.writelines(json.dumps(row, ensure_ascii=False) + "\n"
                                   for row in records(chunk))
                else:
                    csv_flat(chunk).to_csv(out, index=False, header=number == 0)

    def _write_parquet(self, chunks: Callable[[], Iterator[pd.DataFrame]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if sum(part.stat().st_size for part in self.parts) <= READ_ONCE_BYTES:
            held = list(chunks())  # a small output is read once; a large one twice, to stay small
            chunks = lambda: iter(held)  # noqa: E731
        # First pass: the schema of every part, unified; second pass: write them in it.
        schemas = [pa.Schema.from_pandas(chunk, preserve_index=False) for chunk in chunks()]
        schema = pa.unify_schemas(schemas, promote_options="permissive").remove_metadata()
        if self.partitioned:
            if self.path.is_dir():
                shutil.rmtree(self.path)
            elif self.path.exists():
                self.path.unlink()
            self.path.mkdir(parents=True)
            for number, chunk in enumerate(chunks()):
                pq.write_table(arrow(chunk, schema), self.path / PART_NAME.format(number))
            return
        with pq.ParquetWriter(self.path, schema) as writer:
            for chunk in chunks():
                writer.write_table(arrow(chunk, schema))


def arrow(chunk: pd.DataFrame, schema):
    """A chunk as an Arrow table in the output's schema."""
    import pyarrow as pa

    table = pa.Table.from_pandas(chunk, preserve_index=False)
    return table.select(schema.names).cast(schema)
