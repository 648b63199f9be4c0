"""Loading a hostile corpus folder: every bad file is named with its reason, good files survive."""

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import load_corpus
from analysis.loading import decode_bytes, document_from_bytes, split_front_matter
from tests.conftest import CLS_ARTICLE, ROOT, SEEDS

SIMPLIFIED = "中国银行率先发布《支持人工智能产业链发展行动方案》，计划提供不低于1万亿元专项综合金融支持。"
TRADITIONAL = "中國銀行率先發布《支持人工智慧產業鏈發展行動方案》，計劃提供不低於1萬億元專項綜合金融支持。"
FRONT = '---\ntitle: "银行抢食AI产业链"\ndate: "2025-02-14 14:51:14"\ntags: [银行, AI]\n---\n\n'


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (SIMPLIFIED.encode("gbk"), "gb18030", SIMPLIFIED),
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
        (SIMPLIFIED.encode("utf-16"), "utf-16", SIMPLIFIED),
    ],
)
def test_common_chinese_encodings_are_detected(data, encoding, text):
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_unusable_bytes_are_skipped_with_a_reason(data, reason):
    document, problems = document_from_bytes("x.txt", data)
    assert document is None
    assert problems[-1].kind == "skipped" and problems[-1].reason.startswith(reason)


def test_front_matter_with_bom_and_crlf():
    data = b"\xef\xbb\xbf" + (FRONT + SIMPLIFIED).replace("\n", "\r\n").encode("utf-8")
    document, problems = document_from_bytes("a.md", data)
    assert problems == []
    assert document.metadata == {"title": "银行抢食AI产业链", "date": "2025-02-14",
                                 "tags": ["银行", "AI"]}
    assert document.body.strip() == SIMPLIFIED


def test_front_matter_is_parsed_safely():
    meta, body, warning = split_front_matter("---\ntitle: !!python/object/apply:os.system [ls]\n---\n正文")
    assert meta == {} and body.strip() == "正文" and "invalid YAML" in warning


def test_broken_front_matter_keeps_the_body_with_a_warning():
    document, problems = document_from_bytes("b.md", f'---\ntitle: "未闭合\n---\n{SIMPLIFIED}'.encode())
    assert document.body.strip() == SIMPLIFIED
    assert [p.kind for p in problems] == ["warning"] and "invalid YAML" in problems[0].reason


def test_impossible_date_is_reported_and_dropped():
    document, problems = document_from_bytes("c.md", f"---\ndate: 2025-02-30\n---\n{SIMPLIFIED}".encode())
    assert "date" not in document.metadata
    assert "impossible or unreadable date" in problems[0].reason


def test_seed_front_matter(seed_articles):
    article = seed_articles.iloc[0]
    assert article["source_file"] == CLS_ARTICLE
    assert article["summary"].startswith("财联社2月14日讯")
    assert article["tags"] == ["qq"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_the_loader_never_raises_on_arbitrary_bytes(data):
    document, problems = document_from_bytes("fuzz.txt", data)
    assert document is not None or problems[-1].kind == "skipped"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_the_loader_never_raises_on_arbitrary_text(text, encoding):
    data = ("---\n" + text).encode(encoding, errors="replace")
    document, problems = document_from_bytes("fuzz.md", data)
    assert document is not None or problems


# ---------------------------------------------------------------- a hostile folder, end to end


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    seed = (SEEDS / CLS_ARTICLE).read_bytes()
    files = {
        "good.md": seed,
        "copy of good.md": seed,
        "good-reflowed.txt": seed.replace(b"\n", b"\r\n").replace("。".encode(), "。 ".encode()),
        "bom-crlf.md": b"\xef\xbb\xbf" + (FRONT + SIMPLIFIED + "\n").replace("\n", "\r\n").encode(),
        "gbk.txt": ("# 国有大行加码科技贷款\n\n" + SIMPLIFIED).encode("gbk"),
        "big5.txt": ("# 銀行搶食AI產業鏈\n\n" + TRADITIONAL).encode("big5"),
        "empty.txt": b"",
        "junk.txt": bytes(range(256)) * 8,
        "report.docx": b"PK\x03\x04 not really a docx",
        "scan.pdf": b"%PDF-1.4",
        "page.html": b"<html></html>",
        "broken-yaml.md": f'---\ntitle: "未闭合\n---\n{SIMPLIFIED}'.encode(),
        "bad-date.md": f"---\ndate: 2025-02-30\n---\n{SIMPLIFIED}另有报道称贷款增长。".encode(),
        "english.txt": b"Banks lend to AI firms. Nothing Chinese here.",
        "script.md": ('---\ntitle: "<script>alert(1)</script>银行"\n---\n'
                      "<b>加粗</b>正文<script>alert(2)</script>，银行发放贷款1000万元。").encode(),
        "large.txt": "\n\n".join(
            f"{i}号：工商银行向第{i}家科技型企业发放贷款{i * 7}万元，期限{i % 5 + 1}年。"
            for i in range(60000)
        ).encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def hostile_run(hostile, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = run_cli("articles", hostile, "-o", out / "articles.jsonl", "--log", out / "log.csv")
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    return result, rows


def test_hostile_folder_exits_zero_without_traceback(hostile_run):
    result, _ = hostile_run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("junk.txt", "binary"),
        ("report.docx", "unsupported file type '.docx'"),
        ("scan.pdf", "unsupported file type '.pdf'"),
        ("page.html", "web page without main text"),
        ("english.txt", "no Chinese text"),
        ("good-reflowed.txt", "duplicate of copy of good.md"),
        ("good.md", "duplicate of copy of good.md"),
        ("broken-yaml.md", "invalid YAML front matter"),
        ("bad-date.md", "impossible or unreadable date"),
    ],
)
def test_every_bad_file_is_named_with_its_reason(hostile_run, name, reason):
    result, _ = hostile_run
    assert any(name in line and reason in line for line in result.stderr.splitlines()), result.stderr


def test_every_good_file_is_still_read(hostile_run):
    _, rows = hostile_run
    files = {row["source_file"] for row in rows}
    assert files == {"bom-crlf.md", "gbk.txt", "big5.txt", "broken-yaml.md", "bad-date.md",
                     "script.md", "large.txt", "copy of good.md"}
    by_file = {row["source_file"]: row for row in rows}
    assert by_file["gbk.txt"]["title"] == "国有大行加码科技贷款"
    assert by_file["big5.txt"]["title"] == "銀行搶食AI產業鏈"
    assert by_file["broken-yaml.md"]["text"] == SIMPLIFIED
    assert by_file["large.txt"]["n_chars"] > 1_000_000


def test_duplicates_are_kept_once_and_named(hostile_run):
    result, _ = hostile_run
    duplicates = [line for line in result.stderr.splitlines()
                  if line.startswith("skipped:") and "duplicate of" in line]
    assert len(duplicates) == 2
    assert all(line.endswith("duplicate of copy of good.md") for line in duplicates)


def test_markup_in_a_title_is_kept_as_data_and_scripts_leave_the_body(hostile_run):
    _, rows = hostile_run
    (row,) = [r for r in rows if r["source_file"] == "script.md"]
    assert row["title"] == "<script>alert(1)</script>银行"  # escaped by the report, never run
    assert row["text"] == "加粗正文，银行发放贷款1000万元。"


def test_summary_line_counts_files_articles_and_skips(hostile_run):
    result, _ = hostile_run
    summary = result.stderr.strip().splitlines()[-2]
    assert summary.startswith("16 files read, 8 articles, 8 skipped"), summary


def test_no_article_at_all_exits_two(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("articles", tmp_path, "-o", tmp_path / "a.csv")
    assert result.returncode == 2
    assert "no article could be loaded" in result.stderr and "Traceback" not in result.stderr


def test_missing_folder_exits_two(tmp_path):
    result = run_cli("articles", tmp_path / "nowhere", "-o", tmp_path / "a.csv")
    assert result.returncode == 2 and "does not exist" in result.stderr


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_articles_command_writes_each_format(tmp_path, suffix):
    out = tmp_path / f"articles{suffix}"
    result = run_cli("articles", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == "2 files read, 4 articles, 0 skipped"
    import pandas as pd

    table = {".csv": pd.read_csv, ".jsonl": lambda p: pd.read_json(p, lines=True),
             ".parquet": pd.read_parquet}[suffix](out)
    assert list(table.columns[:10]) == ["article_id", "source_file", "title", "outlet", "authors",
                                        "place", "date", "date_source", "continued_from", "sections"]
    assert len(table) == 4


def test_unknown_output_format_is_refused(tmp_path):
    result = run_cli("articles", "-o", tmp_path / "a.xlsx")
    assert result.returncode == 2 and "use one of .csv, .jsonl, .parquet" in result.stderr


def test_corpus_log_is_a_dataframe_for_the_report(seed_corpus):
    assert list(seed_corpus.log.columns) == ["file", "article_id", "kind", "detail", "removed"]
    assert set(seed_corpus.log["kind"]) >= {"join", "duplicate", "split", "moved", "note", "byline"}


def test_load_corpus_reads_nested_folders(tmp_path):
    (tmp_path / "2025" / "02").mkdir(parents=True)
    (tmp_path / "2025" / "02" / "a.md").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.md").write_text(SIMPLIFIED + "再来一次。", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["article_id"]) == ["2025/02/a-1"]
