"""The simplified copy of traditional text: same length, so offsets carry over to the original."""

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
