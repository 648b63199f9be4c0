"""The simplified copy of traditional text: same length, so offsets carry over to the original."""

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.chinese import has_traditional, to_simplified


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("中國銀行貸款餘額達1.5萬億元", "中国银行贷款余额达1.5万亿元"),
        ("農業銀行、建設銀行淨利潤", "农业银行、建设银行净利润"),
        ("人工智慧產業鏈", "人工智慧产业链"),
        ("乾淨的乾元", "干净的乾元"),
    ],
)
def test_traditional_text_gets_a_simplified_copy(traditional, simplified):
    assert has_traditional(traditional)
    assert to_simplified(traditional) == simplified


def test_simplified_text_is_returned_unchanged():
    text = "工商银行科技贷款余额超过2.7万亿元"
    assert not has_traditional(text)
    assert to_simplified(text) is text


@given(st.text(alphabet=st.sampled_from("國銀行貸款餘額萬億元发展後裡乾髮\n 1.%中")))
def test_the_copy_keeps_every_offset(text):
    simple = to_simplified(text)
    assert len(simple) == len(text)
    # OpenCC keeps some characters in set phrases (乾元 stays, 乾淨 becomes 干净): converting
    # again changes nothing.
    assert to_simplified(simple) == simple


# ---------------------------------------------------------------- flattened pinyin reading aids

@pytest.mark.parametrize("text, clean, removed", [
    ("推動(dòng)經(jīng)濟發(fā)展", "推動經濟發展", ["(dòng)", "(jīng)", "(fā)"]),
    ("農(nóng)行上半年營收增長", "農行上半年營收增長", ["(nóng)"]),
    ("银行（yínháng）贷款", "银行贷款", ["（yínháng）"]),
    ("人工智能(AI)與大模型(ai)", "人工智能(AI)與大模型(ai)", []),    # no tone mark: not pinyin
    ("農業銀行(1288.HK)", "農業銀行(1288.HK)", []),
    ("增长(dòng", "增长(dòng", []),                           # never closed
    ("Beijing (dòng) office", "Beijing (dòng) office", []),     # not after a character
    # without tone marks, as some mirrors print them: aids where a text holds three or more,
    # with the space they leave before the next character
    ("商業(ye) 銀行綠色貸款餘(yu) 額達19646億(yi) 元", "商業銀行綠色貸款餘額達19646億元",
     ["(ye) ", "(yu) ", "(yi) "]),
    ("農(nóng)業(yè) 銀行", "農業銀行", ["(nóng)", "(yè) "]),
    ("大模型(ai)與(app)", "大模型(ai)與(app)", []),               # two: still text
])
def test_pinyin_reading_aids_are_removed_and_returned(text, clean, removed):
    from analysis.chinese import strip_pinyin_annotations
    assert strip_pinyin_annotations(text) == (clean, removed)


@given(st.text(alphabet="農行業發展(dòngyè)（）AI 12.", max_size=40))
def test_removing_reading_aids_keeps_every_character_and_loses_nothing(text):
    from analysis.chinese import strip_pinyin_annotations
    clean, removed = strip_pinyin_annotations(text)
    assert re.sub(r"[^\u4e00-\u9fff]", "", clean) == re.sub(r"[^\u4e00-\u9fff]", "", text)
    assert len(clean) + sum(map(len, removed)) == len(text)
    assert strip_pinyin_annotations(clean) == (clean, [])


def test_a_page_with_reading_aids_reads_its_bank_and_logs_what_went():
    from analysis.cleaning import clean_document
    from analysis.figures import extract_figures
    from analysis.loading import Document

    body = "農(nóng)業(yè)銀行上半年實現(xiàn)營業收入3698億元,同比增長0.85%。"
    articles, log = clean_document(Document("hk.md", "0" * 64, "utf-8", {"title": "標題"}, body))
    assert articles[0]["text"] == "農業銀行上半年實現營業收入3698億元,同比增長0.85%。"
    assert [row["removed"] for row in log if row["kind"] == "note"] == ["(nóng) (yè) (xiàn)"]
    figures = extract_figures(pd.DataFrame(articles))
    assert set(figures["entity"]) == {"农业银行"}


def test_a_lone_surrogate_stays_and_the_text_around_it_is_converted():
    # (OpenCC cannot encode one: a str from a broken JSON escape may hold it)
    assert to_simplified("銀行\ud800貸款") == "银行\ud800贷款"
