"""HTML inside article bodies: paragraphs out, markup gone, captions and links kept aside."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cleaning import clean_document
from analysis.loading import document_from_bytes
from analysis.markup import has_html, html_to_text
from tests.conftest import SEEDS

P1 = "今年以来，多家银行加大对人工智能企业的信贷支持，科技贷款余额同比增长超过两成。"
P2 = "某股份制银行人士表示，该行将在年内新增投放不低于300亿元的专项贷款。"
P3 = "分析人士认为，银行仍需完善针对轻资产科技企业的风险评估体系。"
# Anything left of markup in clean text: a tag, an entity, an attribute, a CSS rule.
MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|&[a-zA-Z]{2,8};|&#x?[0-9a-fA-F]+;|\b(?:style|class|href)="
                    r"|\{[^{}]*:[^{}]*;[^{}]*\}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>正文</p>", True),
        ('<div class="img_wrapper">正文', True),
        ("正文<br>正文", True),
        ("正文<img src='a.png'>", True),
        ("正文&nbsp;正文", True),
        ("正文<!-- 广告 -->", True),
        ("<b>加粗</b>", True),
        ("a<b", False),
        ("若a<b且b>c，则a<c。", False),
        ("《人民日报》报道，x < y", False),
        ("<b>单独的开标签", False),
        ("利率<3%、期限>1年的贷款", False),
        ("R&D投入", False),
        ("# 标题\n\n正文。", False),
    ],
)
def test_html_is_recognised_by_real_tags_not_by_a_stray_angle_bracket(text, expected):
    assert has_html(text) is expected


def test_block_elements_become_paragraphs_and_inline_ones_join():
    html = (f'<div>\n<p cms-style="font-L">　　{P1[:10]}<font cms-style="font-L">{P1[10:]}</font></p>'
            f"<blockquote>{P2}</blockquote><ul><li>{P3}</li></ul></div>")
    assert html_to_text(html).text == f"{P1}\n\n{P2}\n\n{P3}"


def test_br_separates_paragraphs_and_soft_line_breaks_stay_for_the_cleaner():
    assert html_to_text(f"{P1}<br><br>{P2}<br/>{P3}").text == f"{P1}\n\n{P2}\n\n{P3}"
    assert html_to_text(f"<p>{P1[:10]}\n{P1[10:]}</p>").text == f"{P1[:10]}\n{P1[10:]}"


def test_scripts_styles_comments_and_css_are_removed():
    html = (f"<style>.img_wrapper{{color:red;font-size:12px}}</style><p>{P1}</p>"
            f"<script>var x = '<p>广告</p>';</script><!-- 正文下iframe --><noscript>请开启脚本</noscript>"
            f'<!--article_adlist[<p cms-style="font-L">来源：某网</p>]article_adlist--><p>{P2}</p>')
    assert html_to_text(html).text == f"{P1}\n\n{P2}"


def test_empty_raw_text_elements_of_content_farms_do_not_swallow_the_page():
    # <noframes> without its end tag makes the parser read the rest as raw text, tags and all
    html = f'<em id="tcr"><noframes id="tcr"><noscript id="tcr"></noscript>\n\n<p>{P1}</p><p>{P2}</p>'
    assert html_to_text(html).text == f"{P1}\n\n{P2}"
    assert html_to_text(f"<p>{P1}</p><noframes>{P2}</noframes>").text == f"{P1}\n\n{P2}"


def test_entities_and_indent_spaces_are_normalised():
    html = "<p>&nbsp;&nbsp;　　中金公司&amp;银行&quot;AI+&quot;&#8220;专项&#x201D;贷款&lt;1%。　</p>"
    assert html_to_text(html).text == '中金公司&银行"AI+"“专项”贷款<1%。'


def test_image_captions_become_notes_and_links_become_links():
    html = (f'<p>{P1}</p><div class="img_wrapper"><img src="a.jpg" alt="图片来源：新华社">'
            f'<span class="img_descr">图片来源：新华社</span></div>'
            f'<figure><img src="b.png"><figcaption>图1 科技贷款余额</figcaption></figure>'
            f'<p>详见<a href="https://example.com/r?a=1&amp;b=2">报告</a>全文。'
            f'<a href="javascript:void(0)">分享</a></p>')
    markup = html_to_text(html)
    assert markup.text == f"{P1}\n\n详见报告全文。分享"
    assert markup.notes == ["图片来源：新华社", "图1 科技贷款余额"]
    assert markup.links == [{"text": "报告", "url": "https://example.com/r?a=1&b=2"}]


def test_headings_become_markdown_headings_for_the_cleaner():
    articles, _ = clean_document(document_from_bytes(
        "a.md", f"<p>{P1}</p><h2>银行加码</h2><p>{P2}</p>".encode())[0])
    (article,) = articles
    assert [s["title"] for s in article["sections"]] == ["", "银行加码"]
    assert article["text"] == f"{P1}\n{P2}"


def test_an_html_body_is_cleaned_into_its_own_paragraphs_without_page_break_joins():
    # Paragraphs that do not end a sentence (a poster's lines, a subheading) are the page's
    # own blocks: the cleaner joins nothing and reports no cut paragraph.
    body = f"---\ntitle: 国企利润\n---\n<p>　　国有企业营业</p><p>　　总收入4143亿元</p><p><strong>小标题</strong></p><p>{P2}</p>"
    document, _ = document_from_bytes("a.md", body.encode())
    articles, log = clean_document(document)
    assert articles[0]["text"] == f"国有企业营业\n总收入4143亿元\n小标题\n{P2}"
    assert not [row for row in log if row["kind"] in ("join", "fragment")]


def test_a_caption_note_is_in_the_article_and_in_the_log():
    body = f'<p>{P1}</p><div class="img_wrapper"><span class="img_descr">央行大楼</span></div>'
    articles, log = clean_document(document_from_bytes("a.md", body.encode())[0])
    assert articles[0]["notes"] == ["央行大楼"]
    assert [(row["kind"], row["removed"]) for row in log] == [("note", "央行大楼")]


def test_markdown_without_html_is_left_to_the_cleaner_unchanged():
    for path in sorted(SEEDS.iterdir()):
        document, _ = document_from_bytes(path.name, path.read_bytes())
        assert "markup" not in document.metadata
        assert document.body.strip() in path.read_text("utf-8")


paragraph = st.text(alphabet="银行贷款科技企业人工智能亿元同比增长，。、“”％%0123456789", min_size=1, max_size=30)
tags = st.sampled_from(["p", "div", "span", "font", "blockquote", "li", "td", "strong", "em", "a"])


@st.composite
def html_bodies(draw):
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(tags)
        attrs = draw(st.sampled_from(["", ' class="x"', ' style="color: red; font-size: 12px"',
                                      ' cms-style="font-L"', ' href="https://e.com/?a=1&amp;b=2"']))
        indent = draw(st.sampled_from(["", "　　", "&nbsp;", " "]))
        parts.append(f"<{tag}{attrs}>{indent}{draw(paragraph)}</{tag}>")
        parts.append(draw(st.sampled_from(["", "\n", "<br>", "<!-- c -->", "<script>x=1</script>",
                                           "<style>.a{color:red;}</style>", "&amp;"])))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(html_bodies())
def test_no_markup_survives_and_no_visible_text_is_lost(html):
    text = html_to_text(html).text
    assert not MARKUP.search(text)
    visible = re.sub(r"<script>.*?</script>|<style>.*?</style>|<!--.*?-->|<[^>]+>", "", html)
    visible = visible.replace("&nbsp;", "").replace("&amp;", "&")
    assert re.sub(r"\s", "", text) == re.sub(r"[\s　]", "", visible)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_the_parser_never_raises(text):
    markup = html_to_text(text)
    assert isinstance(markup.text, str)


def test_pretty_printed_html_keeps_inline_tags_in_their_paragraph():
    html = (f"<div>\n <p>\n  {P1[:12]}(\n  <a href=\"/q?s=601988.SS\">\n   601988.SS\n  </a>\n"
            f"  <a href=\"/q?s=3988.HK\">\n   3988.HK\n  </a>\n  ){P1[12:]}\n </p>\n <p>\n  {P2}\n </p>\n</div>")
    document, _ = document_from_bytes("a.md", f"---\ntitle: 标题\n---\n{html}".encode())
    (article,), _ = clean_document(document)
    assert article["text"] == f"{P1[:12]}( 601988.SS 3988.HK ){P1[12:]}\n{P2}"
    assert [link["url"] for link in article["links"]] == ["/q?s=601988.SS", "/q?s=3988.HK"]


def test_markdown_paragraphs_around_an_inline_image_tag_stay_paragraphs():
    body = f'{P1}\n\n<img src="chart.png" alt="图">\n\n{P2}\n\n{P3}'
    assert html_to_text(body).text == f"{P1}\n\n{P2}\n\n{P3}"


def test_one_markdown_paragraph_on_each_side_of_an_image_tag():
    assert html_to_text(f'{P1}\n\n<img src="chart.png">\n\n{P2}').text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("around", ["", "导语：银行加码科技信贷。\n\n"])
def test_blocks_cells_and_breaks_read_alike_with_or_without_markdown_paragraphs(around):
    """A CMS body (no blank line) and a Markdown post with the same HTML in it (a paragraph
    before a blank line) give the same paragraphs: rows, list items and <br> break, cells
    of a row share a line."""
    html = (f"<div><table><tr><td>银行</td><th>贷款</th></tr><tr><td>工行</td><td>300亿元</td>"
            f"</tr></table><ul><li>{P1}</li><li>{P2}<br>{P3}</li></ul><p>注<b>一</b></p></div>")
    expected = f"银行 贷款\n\n工行 300亿元\n\n{P1}\n\n{P2}\n\n{P3}\n\n注一"
    lead = "导语：银行加码科技信贷。\n\n" if around else ""
    assert html_to_text(around + html).text == lead + expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff\n银a", max_size=60))
def test_collapse_spaces_is_one_space_per_run_of_any_space_character(text):
    from analysis.markup import SPACES, collapse_spaces

    assert collapse_spaces(text) == SPACES.sub(" ", text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "\t", "\u3000", "<p>", "</p>", ">", "<", "正文", "a"]),
                max_size=14).map("".join))
def test_markdown_paragraphs_are_text_before_or_after_a_blank_line(html):
    """Text (not a tag's '>') before a blank line, or text (not a '<') after one."""
    from analysis.markup import markdown_paragraphs

    spec = re.compile(r"[^>\s][ \t\u3000]*\n[ \t\u3000]*\n|\n[ \t\u3000]*\n\s*[^<\s]")
    assert markdown_paragraphs(html) is bool(spec.search(html))


@pytest.mark.parametrize(("attribute", "is_caption"), [
    ('class="wrap photo-caption"', True), ('class="Pic_Desc left"', True),
    ('class="image_note"', True), ('class="imgdesc"', True), ('class="description"', False),
    ('class="captions-list"', False), ('id="caption"', False),
])
def test_a_caption_is_told_by_any_of_its_classes_among_other_classed_elements(attribute, is_caption):
    html = (f'<div class="article"><p class="lead">{P1}</p><span {attribute}>央行大楼</span>'
            f'<p class="body">{P2}</p></div>')
    markup = html_to_text(html)
    assert markup.notes == (["央行大楼"] if is_caption else [])
    assert ("央行大楼" in markup.text) is not is_caption


def test_ruby_reading_aids_are_not_text():
    html = "<p>推<ruby>動<rp>(</rp><rt>dòng</rt><rp>)</rp></ruby>經濟，<ruby>農<rt>nóng</rt></ruby>行貸款增長</p>"
    assert has_html(html)
    assert html_to_text(html).text == "推動經濟，農行貸款增長"
