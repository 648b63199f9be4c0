"""Chinese segmentation with jieba: one tokenizer per process, built from the project dictionary."""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

import jieba

# jieba logs "Building prefix dict…" on every load; keep notebooks and CLI output clean.
jieba.setLogLevel(logging.WARNING)


@cache
def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer (loaded lazily, once)."""
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    with resources.as_file(resources.files("analysis") / "resources" / "userdict.txt") as path:
        segmenter.load_userdict(str(path))
    return segmenter


def cut(text: str, hmm: bool = True) -> list[str]:
    return tokenizer().lcut(text, HMM=hmm)
