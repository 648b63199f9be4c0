"""Saved web pages: main text and metadata in, navigation, ads, related lists and footers out."""

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cleaning import clean_document
from analysis.corpus import load_corpus
from analysis.webpage import declared_charset, document_from_page
from tests.web_fixtures import CHROME, PARAS, TITLE, news_page


def read(page: str, encoding: str = "utf-8"):
    return document_from_page("news/page.html", page.encode(encoding))


@pytest.mark.parametrize(
    ("encoding", "kwargs"),
    [
        ("utf-8", {}),
        ("gbk", {"charset": "gbk"}),
        ("gb18030", {"charset": "gb2312"}),  # declared GB2312, a GB18030-only character inside
        ("gbk", {"meta_charset": "GBK"}),  # the old http-equiv declaration
    ],
)
def test_the_declared_charset_is_honoured(encoding, kwargs):
    paras = [*PARAS, "㐀字库外的字也能读出。"] if kwargs.get("charset") == "gb2312" else PARAS
    document, problems = read(news_page(paras=paras, **kwargs), encoding)
    assert document is not None, problems
    assert all(p in document.body for p in paras)


def test_a_big5_page_in_traditional_characters():
    traditional = opencc.OpenCC("s2tw").convert  # Taiwan forms, as Big5 pages write them
    paras = [traditional(p) for p in PARAS]
    document, _ = read(traditional(news_page(charset="big5")), "big5")
    assert all(p in document.body for p in paras)


def test_main_text_title_date_author_and_site_name():
    document, problems = read(news_page())
    assert problems == []
    assert document.metadata["title"] == TITLE
    assert document.metadata["date"] == "2024-03-06"  # 22:30 UTC is the next morning in Beijing
    assert document.metadata["authors"] == ["王小明"]
    assert document.metadata["outlet"] == "示例财经网"
    (article,), log = clean_document(document)
    assert article["title"] == TITLE
    assert article["text"] == "\n".join(PARAS)
    assert not [row for row in log if row["kind"] in ("join", "fragment")]


def test_navigation_ads_related_lists_footers_and_scripts_stay_out():
    document, _ = read(news_page())
    (article,), _ = clean_document(document)
    for chrome in CHROME:
        assert chrome not in article["text"]


def test_a_page_without_main_text_is_skipped_with_a_reason():
    document, problems = read("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    assert document is None
    assert problems[-1].kind == "skipped"


def test_a_tiny_page_keeps_its_text_with_a_warning():
    document, problems = read("<html><body><p>央行今日开展逆回购操作。</p></body></html>")
    assert document.body.strip() == "央行今日开展逆回购操作。"
    assert not [p for p in problems if p.kind == "skipped"]


def test_a_page_that_lies_about_its_charset_is_still_read():
    page = news_page(charset="gbk")
    document, _ = read(page, "utf-8")  # saved as UTF-8, the template still says GBK
    assert PARAS[0] in document.body


@pytest.mark.parametrize(
    ("head", "codec"),
    [(b'<meta charset="utf-8">', "utf-8"), (b"<meta charset=GB2312>", "gb18030"),
     (b'<meta http-equiv="content-type" content="text/html;charset=gbk" />', "gb18030"),
     (b'<meta charset="no-such-codec">', None), (b"<p>no declaration</p>", None)],
)
def test_declared_charset(head, codec):
    assert declared_charset(b"<html><head>" + head) == codec


def test_pages_in_a_corpus_folder(tmp_path):
    (tmp_path / "a.html").write_bytes(news_page().encode())
    (tmp_path / "b.htm").write_bytes(news_page(charset="gbk", author="李四").encode("gbk"))
    (tmp_path / "c.html").write_bytes(news_page(paras=PARAS[:2], title="另一篇").encode())
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["title"]) == [TITLE, "另一篇"]
    assert corpus.skipped["detail"].tolist() == ["duplicate of a.html"]  # the same story twice


def test_a_whole_page_saved_as_text_is_read_as_a_page(tmp_path):
    (tmp_path / "saved.txt").write_bytes(news_page(charset="gbk").encode("gbk"))
    (article,) = load_corpus(tmp_path).articles.to_dict("records")
    assert article["text"] == "\n".join(PARAS) and article["outlet"] == "示例财经网"


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=600),
                 st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode())))
def test_a_page_reader_never_raises(data):
    document, problems = document_from_page("fuzz.html", data)
    assert document is not None or problems[-1].kind == "skipped"
