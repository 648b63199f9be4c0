"""Scraper exports: every row an article, named by file and row; a bad row costs that row only."""

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import load_corpus
from analysis.exports import documents_from_export, map_fields
from tests.web_fixtures import OTHER_PARAS, PARAS, TITLE, hexo_post, news_page

ROWS = [
    {"title": TITLE, "pub_time": "2024-03-06 06:30", "content": "\n".join(PARAS),
     "source": "示例财经网", "author": "王小明", "url": "https://example.com/n/1.html"},
    {"标题": "城商行普惠贷款", "发布时间": "2024年3月7日", "正文": "\n\n".join(OTHER_PARAS),
     "来源": "示例日报", "作者": "李四、赵五", "链接": "https://example.com/n/2.html"},
]


def jsonl(rows) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()


def csv_bytes(rows, encoding="utf-8-sig", delimiter=",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def documents(name, data):
    return list(documents_from_export(name, data))


def good(results):
    return [d for d, _ in results if d is not None]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("news.jsonl", jsonl(ROWS)),
        ("news.ndjson", jsonl(ROWS) + b"\n\n"),
        ("news.json", json.dumps(ROWS, ensure_ascii=False).encode()),
        ("news.json", json.dumps({"code": 0, "data": ROWS}, ensure_ascii=False).encode()),
        ("news.json", json.dumps({"status": "ok", "result": {"total": 2, "list": ROWS}}).encode()),
        ("news.csv", csv_bytes([ROWS[0], {k: ROWS[1][c] for k, c in zip(ROWS[0], ROWS[1], strict=True)}])),
    ],
)
def test_each_row_is_an_article_with_its_fields(name, data):
    first, second = good(documents(name, data))
    assert first.source_file == f"{name}#1" and second.source_file == f"{name}#2"
    assert first.metadata["title"] == TITLE and first.metadata["date"] == "2024-03-06"
    assert first.metadata["outlet"] == "示例财经网" and first.metadata["authors"] == ["王小明"]
    assert first.metadata["source_url"] == "https://example.com/n/1.html"
    assert second.metadata["date"] == "2024-03-07"
    assert second.body.split() == OTHER_PARAS


def test_chinese_field_names():
    (document,) = good(documents("a.jsonl", jsonl(ROWS[1:])))
    assert document.metadata["title"] == "城商行普惠贷款"
    assert document.metadata["authors"] == ["李四", "赵五"]
    assert document.metadata["outlet"] == "示例日报"


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8", ","), ("utf-8-sig", ","), ("gbk", ","), ("gb18030", "\t"),
                                ("utf-8", ";")],
)
def test_csv_encodings_bom_and_delimiters(encoding, delimiter):
    rows = [{"标题": TITLE, "日期": "2024/03/06", "内容": "\n".join(PARAS)}]
    (document,) = good(documents("a.csv", csv_bytes(rows, encoding, delimiter)))
    assert document.metadata == {"title": TITLE, "date": "2024-03-06"}
    assert document.body == "\n".join(PARAS)


def test_html_content_of_a_row_is_parsed():
    row = {"title": TITLE, "content": "".join(f"<p style='x'>　　{p}&nbsp;</p>" for p in PARAS)
           + "<script>track()</script>"}
    (document,) = good(documents("a.jsonl", jsonl([row])))
    assert document.body == "\n\n".join(PARAS)


def test_a_broken_escape_in_a_row_reads_as_a_replacement_character():
    # (a lone surrogate, "\\ud800" with no partner, is no character: the row still loads, as a
    # text file's broken byte does; a whole pair, an emoji, stays itself)
    line = ('{"title": "t", "content": "' + PARAS[0] + '\\ud800 \\ud83d\\ude00"}').encode()
    (document,) = good(documents("a.jsonl", line))
    assert document.body == PARAS[0] + "\ufffd \U0001f600"


def test_unix_times_and_lists_of_paragraphs():
    row = {"headline": TITLE, "timestamp": 1709677800000, "text": PARAS, "keywords": ["银行", "AI"]}
    (document,) = good(documents("a.json", json.dumps([row]).encode()))
    assert document.metadata["date"] == "2024-03-06"
    assert document.body == "\n\n".join(PARAS)
    assert document.metadata["tags"] == ["银行", "AI"]


def test_a_bad_row_costs_that_row_only_and_is_named_with_file_and_row():
    lines = [json.dumps(ROWS[0], ensure_ascii=False), '{"title": "断开的行", "content": "正文',
             json.dumps({"title": "无正文"}), json.dumps({"content": "English only."}),
             "[1, 2]", json.dumps(ROWS[1], ensure_ascii=False)]
    results = documents("exports/news.jsonl", "\n".join(lines).encode())
    assert [d.source_file for d in good(results)] == ["exports/news.jsonl#1", "exports/news.jsonl#6"]
    skipped = [(p.file, p.reason) for _, problems in results for p in problems if p.kind == "skipped"]
    assert [file for file, _ in skipped] == [f"exports/news.jsonl#{n}" for n in (2, 3, 4, 5)]
    reasons = [reason for _, reason in skipped]
    assert reasons[0].startswith("row 2: invalid JSON")
    assert reasons[1].startswith("row 3: no content field (columns: title")
    assert reasons[2] == "row 4: no Chinese text"
    assert reasons[3] == "row 5: not an object but list"


def test_a_csv_row_with_more_cells_than_columns_is_skipped_alone():
    data = f"title,content\n{TITLE},{PARAS[0]}\n坏行,{PARAS[1]},多余\n另一篇,{PARAS[2]}\n".encode()
    results = documents("a.csv", data)
    assert [d.source_file for d in good(results)] == ["a.csv#1", "a.csv#3"]
    assert [p.reason for _, ps in results for p in ps] == ["row 2: 1 more cells than the header has columns"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty file"), (b"[]", "export file without rows"), (b"{not json", "row 1: invalid JSON")],
)
def test_an_unusable_export_file_is_named(data, reason):
    (result,) = documents("a.json", data)
    assert result[0] is None and result[1][-1].reason.startswith(reason)


def test_the_field_mapping_is_case_and_separator_blind():
    assert map_fields({"Title": "t", "Publish-Time": "d", "Body": "b", "Site Name": "s"}) == {
        "title": "t", "date": "d", "content": "b", "source": "s"}


def test_exports_in_a_corpus_ids_unique_and_stable(tmp_path):
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "news.jsonl").write_bytes(jsonl(ROWS) + b"\n{broken\n")
    (tmp_path / "news.md").write_text("# 另一篇\n\n" + "".join(OTHER_PARAS[:1]), encoding="utf-8")
    first, second = load_corpus(tmp_path), load_corpus(tmp_path)
    ids = first.articles["article_id"].tolist()
    assert ids == ["exports/news#1-1", "exports/news#2-1", "news-1"]
    assert ids == second.articles["article_id"].tolist()
    assert first.summary().startswith("2 files read, 3 articles, 1 skipped")


def test_the_same_story_as_a_post_a_page_and_an_export_row_is_kept_once(tmp_path):
    row = {"标题": TITLE, "正文": "".join(f"<p>{p}</p>" for p in PARAS), "发布时间": "2024-03-06 06:30"}
    (tmp_path / "a-post.md").write_text(hexo_post(), encoding="utf-8")
    (tmp_path / "b-page.html").write_bytes(news_page(charset="gbk").encode("gbk"))
    (tmp_path / "c-rows.jsonl").write_bytes(jsonl([row, ROWS[1]]))
    corpus = load_corpus(tmp_path)
    assert corpus.articles["source_file"].tolist() == ["a-post.md", "c-rows.jsonl#2"]
    assert corpus.skipped[["file", "detail"]].values.tolist() == [
        ["b-page.html", "duplicate of a-post.md"], ["c-rows.jsonl#1", "duplicate of a-post.md"]]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500), st.sampled_from(["a.jsonl", "a.json", "a.csv"]))
def test_an_export_reader_never_raises(data, name):
    for document, problems in documents(name, data):
        assert document is not None or problems


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["title", "content", "正文", "date", "x"]),
                                st.one_of(st.text(max_size=30), st.integers(), st.none()),
                                max_size=4), max_size=5))
def test_every_row_gives_a_document_or_a_message_naming_it(rows):
    results = documents("a.jsonl", jsonl(rows))
    for number, (document, problems) in enumerate(results, start=1):
        if rows:
            assert (document is not None and document.source_file == f"a.jsonl#{number}") or any(
                p.file == f"a.jsonl#{number}" and p.reason.startswith(f"row {number}:") for p in problems)


def test_a_page_title_with_the_site_name_is_the_same_headline(tmp_path):
    (tmp_path / "a-post.md").write_text(hexo_post(), encoding="utf-8")
    row = {"title": f"{TITLE}_示例财经网", "content": "\n\n".join(PARAS)}
    (tmp_path / "b.jsonl").write_bytes(jsonl([row, {**row, "title": "另一个标题"}]))
    corpus = load_corpus(tmp_path)
    assert corpus.articles["source_file"].tolist() == ["a-post.md", "b.jsonl#2"]
    assert corpus.skipped["detail"].tolist() == ["duplicate of a-post.md"]


def test_keywords_written_as_one_string_are_several_tags():
    row = {"title": TITLE, "content": PARAS[0], "keywords": "银行, 人工智能，科技贷款"}
    (document,) = good(documents("a.jsonl", jsonl([row])))
    assert document.metadata["tags"] == ["银行", "人工智能", "科技贷款"]


def test_a_json_line_holding_a_unicode_line_separator_is_one_row():
    # JSON strings may hold U+0085 and U+2028 unescaped; only \n ends a JSON Lines row
    data = ('{"title": "标题\u0085续", "content": "某银行发放贷款100亿元，支持科技企业。"}\n'
            '{"title": "第二\u2028篇", "content": "另一家银行贷款余额增长5%。"}\n').encode("utf-8")
    found = [(document.source_file if document else None, [p.reason for p in problems])
             for document, problems in documents("a.jsonl", data)]
    assert [file for file, _ in found] == ["a.jsonl#1", "a.jsonl#2"]
