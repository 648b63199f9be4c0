import shutil
from pathlib import Path

import pytest

from analysis.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"
AI_PAGE = "001_ae48cb718f3105d7.txt"
CLS_ARTICLE = "000_b0d5e31a29efcb58.txt"


SHARED = ROOT.parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def shared_analysis():
    """(corpus, figures, facts) of a shared corpus by name, computed once per suite; the test
    skips with the reason where ../shared is absent (a clone without it)."""
    from analysis.facts import build_facts
    from analysis.figures import extract_figures

    done = {}

    def analysed(name: str):
        folder = SHARED / name
        if not folder.is_dir():
            pytest.skip(f"{folder} is absent (a clone without ../shared)")
        if name not in done:
            corpus = load_corpus(folder)
            figures = extract_figures(corpus.articles)
            done[name] = corpus, figures, build_facts(figures, corpus.articles)
        return done[name]

    return analysed


@pytest.fixture(scope="session")
def seed_corpus():
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_articles(seed_corpus):
    return seed_corpus.articles.set_index("article_id", drop=False)


SCRIPT = "<script>alert(1)</script>"
BOLD = "<b>x</b>"
# Written as entities: the loader parses real HTML in a body, and this markup must survive as
# text the report then has to escape.
SCRIPT_TEXT = "&lt;script&gt;alert(1)&lt;/script&gt;"
BOLD_TEXT = "&lt;b&gt;x&lt;/b&gt;"
HOSTILE = f"""---
title: "测试{SCRIPT_TEXT}银行{BOLD_TEXT}"
date: "2025-03-01"
---

中国银行{SCRIPT_TEXT}宣布向人工智能企业提供不低于500亿元授信，{BOLD_TEXT}同比增长12.5%。

工商银行表示，截至2024年末，科技贷款余额达到1.2万亿元。
"""


# Files the report must skip, and still build and say why.
BAD_FILES = {
    "memo.docx": b"PK\x03\x04",
    "empty.txt": b"",
    "noise.txt": bytes(range(256)) * 4,
    "broken.md": '---\ntitle: "未闭合\n---\n建设银行发放科技贷款100亿元。'.encode(),
}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The report built once per suite from the seeds plus an article full of markup and files
    it must skip; test_report checks the result, test_notebooks each executed notebook."""
    root = tmp_path_factory.mktemp("report")
    corpus = root / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "999_hostile.md").write_text(HOSTILE, encoding="utf-8")
    for name, data in BAD_FILES.items():
        (corpus / name).write_bytes(data)
    reports, figures = root / "reports", root / "figures"
    from analysis.build import build_report

    code = build_report(corpus, reports, figures_dir=figures)
    return {"code": code, "reports": reports, "figures": figures}


@pytest.fixture
def figures_fail_on_error_text(monkeypatch):
    """Figure extraction that raises on any text holding 出错 (a text no rule foresaw), as
    the real extraction elsewhere: what an article's failure costs the others."""
    import analysis.figures as figures_module

    real = figures_module.extract_from_text

    def failing(text, *args, **kwargs):
        if "出错" in text:
            raise ValueError("a text no rule foresaw")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(figures_module, "extract_from_text", failing)
