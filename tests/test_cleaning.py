"""Each cleaning rule on a small inline text, then the two seed files as they really are."""

import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis.chinese import to_simplified
from analysis.cleaning import (
    classify,
    clean_document,
    infer_date,
    parse_byline,
    parse_dateline,
    split_blocks,
    strip_inline,
    wire_date,
)
from analysis.loading import Document, document_from_bytes
from tests.conftest import AI_PAGE, CLS_ARTICLE, SEEDS


def clean(body: str, name: str = "page.txt", metadata: dict | None = None):
    articles, log = clean_document(Document(name, "0" * 64, "utf-8", metadata or {}, body))
    return articles, log


def kinds(log):
    return [row["kind"] for row in log]


# ---------------------------------------------------------------- markdown


def test_bold_and_links_are_stripped_and_link_targets_kept():
    text, links = strip_inline("**重点**见[报告](https://example.com/r)全文")
    assert text == "重点见报告全文"
    assert links == [{"text": "报告", "url": "https://example.com/r"}]


def test_headings_become_section_titles_not_body_text():
    articles, _ = clean("# 标题\n\n导语第一段。\n\n## 第一节\n\n正文一。\n\n**第二节**\n\n正文二。")
    (article,) = articles
    assert article["title"] == "标题"
    assert [s["title"] for s in article["sections"]] == ["", "第一节", "第二节"]
    assert article["text"] == "导语第一段。\n正文一。\n正文二。"
    second = article["sections"][2]
    assert article["text"][second["offset"]:].startswith("正文二")


def test_a_link_only_line_goes_to_metadata():
    articles, log = clean("正文。\n\n[qq](https://new.qq.com/a/1)")
    assert articles[0]["text"] == "正文。"
    assert articles[0]["links"] == [{"text": "qq", "url": "https://new.qq.com/a/1"}]
    assert kinds(log) == ["link"]


# ---------------------------------------------------------------- page-break joins


def test_word_split_across_a_break_is_joined_and_logged_with_both_sides():
    articles, log = clean("此前业内人士普\n\n遍认为，银行将加大投入。")
    assert articles[0]["text"] == "此前业内人士普遍认为，银行将加大投入。"
    (join,) = [row for row in log if row["kind"] == "join"]
    assert "业内人士普" in join["detail"] and "遍认为" in join["detail"]


def test_name_split_across_a_break_is_joined():
    articles, _ = clean("易观千帆金融行业咨询专家韦\n\n玲艳指出，产业需求是关键因素。")
    assert "专家韦玲艳指出" in articles[0]["text"]


def test_continuation_printed_later_is_found_and_repeated_character_dropped():
    body = (
        "# 银行逐鹿AI赛道\n\n"
        "人工智能作为新质生产力的核心\n\n"
        "中国银行表示，该行已发布行动方案。\n\n"
        "心领域，正在成为银行布局的关键突破口。"
    )
    articles, log = clean(body)
    assert articles[0]["text"].split("\n") == [
        "人工智能作为新质生产力的核心领域，正在成为银行布局的关键突破口。",
        "中国银行表示，该行已发布行动方案。",
    ]
    (join,) = [row for row in log if row["kind"] == "join"]
    assert join["removed"] == "心"


def test_continuation_after_a_figure_caption():
    body = (
        "国有大行凭借牌照、\n\n## 六大重点行动领域\n\n资料来源：国务院\n\n"
        "算力与客群覆盖优势，主导服务体系构建。"
    )
    articles, _ = clean(body)
    assert articles[0]["text"] == "国有大行凭借牌照、算力与客群覆盖优势，主导服务体系构建。"
    assert articles[0]["notes"] == ["六大重点行动领域", "资料来源：国务院"]
    assert articles[0]["sections"] == [{"title": "", "offset": 0}]


@pytest.mark.parametrize("credit", ["数据来源:wind", "資料來源：萬得", "图1：各行营收"])
def test_a_chart_credit_over_a_paragraph_s_lines_takes_only_its_own_line(credit):
    # a credit line directly above the lines of the next paragraph, no blank line between
    body = f"甲银行营收增长8%。\n\n{credit}\n乙银行净利润319亿元，同比增长8.9%。\n丙银行增速最高。"
    articles, _ = clean(body)
    text = articles[0]["text"]
    assert "乙银行净利润319亿元，同比增长8.9%。" in text and text.endswith("丙银行增速最高。")
    assert credit not in text and articles[0]["notes"] == [credit]


@pytest.mark.parametrize("body", [
    ("2024年，浙江城商行营收分化。\n\n净利润层面，宁波银行以272亿元排名第一，杭州银行增速达18%。\n\n"
     "整体而言，城商行呈现强者恒强的格局。头部银行如宁波银行、杭州银行在规"),
    ("去（2025）年12月金控獲利已有七家出爐，甲銀行單月稅後淨利31.82億元。\n\n"
     "乙銀行全年稅後淨利289.24億元，年增1.95%。\n\n"
     "丙銀行12月稅後淨利4.4億元，較前年同期減少65.2%，不過截"),
])
def test_the_page_s_cut_last_paragraph_takes_nothing_printed_before_it(body):
    # a page (or a stored excerpt of it) that ends mid-sentence: its continuation is lost, and
    # a paragraph printed earlier that shares a name or makes a word across the break stays put
    articles, log = clean(body)
    assert articles[0]["text"].split("\n") == [p for p in body.split("\n\n")]
    assert "join" not in kinds(log) and "fragment" in kinds(log)


@pytest.mark.parametrize("colon", [":", "："])
def test_a_paragraph_ending_on_a_colon_takes_nothing_printed_before_it(colon):
    # "…管理层讨论与分析如下:" opens what follows; the heading printed above it, which shares its
    # words, is not its continuation and keeps its place
    body = ("首页 - 股票 - 数据解析 - 正文\n\n甲银行(601998)2025年前三季度管理层讨论与分析\n\n"
            "来源:证星财报摘要 2025-10-31 17:59:00\n\n"
            f"证券之星消息,近期甲银行发布2025年前三季度财务报告,报告中的管理层讨论与分析如下{colon}\n\n"
            "发展回顾:\n\n3.1经营业绩概况\n\n截至报告期末,本集团资产总额10万亿元。")
    articles, _ = clean(body)
    text = articles[0]["text"]
    assert text.startswith("甲银行(601998)2025年前三季度管理层讨论与分析")
    assert f"如下{colon}甲银行" not in text


def test_a_new_paragraph_is_not_glued_to_a_fragment():
    articles, log = clean("9月12日，吉林省召开全省清\n\n随着化债工作的推进，清欠贷款已相继落地。")
    assert articles[0]["text"].split("\n") == [
        "9月12日，吉林省召开全省清", "随着化债工作的推进，清欠贷款已相继落地。"
    ]
    assert "fragment" in kinds(log) and "join" not in kinds(log)


def test_a_paragraph_opening_with_a_cut_off_date_is_no_continuation():
    # the page ends on a subheading with no full stop, which shares a bank's name with the
    # lead above: the lead is no continuation of it and stays where it is
    body = ("截至10月27日，无锡银行、重庆银行等六家上市银行已披露2025年第三季度报告。\n"
            "平安银行总资产5.77万亿\n从资产规模来看，六家银行三季度末总资产合计17.10万亿元。\n"
            "重庆银行10.42%增速居前")
    articles, log = clean(body)
    assert articles[0]["text"].startswith("截至10月27日，无锡银行")
    assert not any("截至10月27日" in row["detail"] for row in log if row["kind"] == "join")


def test_a_closing_quote_does_not_continue_a_paragraph_without_an_open_quote():
    body = "11月初，某银行分行\n\n地方政府的一项重点工作。”一位人士表示。"
    _, log = clean(body)
    assert "join" not in kinds(log)


def test_an_open_quotation_is_completed():
    articles, _ = clean("“企业有现金流，说明在正常\n\n经营，也就会有还款源。”该人士认为。")
    assert articles[0]["text"] == "“企业有现金流，说明在正常经营，也就会有还款源。”该人士认为。"


# ---------------------------------------------------------------- duplicates


PASSAGE = (
    "安排专才队伍到养老金融专柜、社区服务点、合作养老机构实践，积累实战经验；"
    "三是外部赋能，联合行业协会开展合作，邀请专家授课，鼓励员工考取专业证书。"
)


def test_a_passage_printed_twice_is_kept_once_where_it_belongs():
    body = f"记者：{PASSAGE[10:]}\n\n张畅：一是分层培养；二是实战锻炼，{PASSAGE}"
    articles, log = clean(body)
    text = articles[0]["text"]
    assert text.count(PASSAGE[10:]) == 1
    assert text.split("\n")[1].startswith("张畅：") and text.endswith(PASSAGE)
    (dup,) = [row for row in log if row["kind"] == "duplicate"]
    assert dup["removed"] == PASSAGE[10:]


def test_the_same_words_told_of_two_banks_both_stand():
    # two banks' announcements of one rate cut read alike after their names
    same = ("于12月22日下调了人民币存款利率，其中定期整存整取三个月、半年和一年期利率均下调10个基点，"
            "一年期利率降至1.45%；二年期下调20个基点至1.65%。")
    articles, log = clean(f"中国农业银行官网显示，农行{same}\n\n中国银行发布公告称{same}")
    assert articles[0]["text"].count(same) == 2
    assert "duplicate" not in kinds(log)
    # told of one bank twice, or of none, it is printed twice: kept once
    articles, _ = clean(f"农行官网显示，农行{same}\n\n农行公告称{same}")
    assert articles[0]["text"].count(same) == 1


def test_an_author_repeating_a_short_clause_is_not_a_duplicate():
    clause = "多数银行并没有单独推出成体系的服务方案。"
    articles, log = clean(f"受访人士表示，{clause}\n\n但目前来看，{clause}")
    assert articles[0]["text"].count(clause) == 2
    assert "duplicate" not in kinds(log)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="银行贷款科技", max_size=90), st.text(alphabet="银行贷款科技", max_size=90),
       st.integers(1, 12))
def test_shares_passage_agrees_with_the_longest_match_of_sequencematcher(a, b, size):
    from difflib import SequenceMatcher

    from analysis.cleaning import shares_passage

    longest = SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size
    assert shares_passage(a, b, size) == (longest >= size)


def test_a_passage_without_punctuation_is_found_the_same_way_in_every_run():
    """Long unpunctuated runs (tables, lists of codes) are shingled by content: which shingles
    must not depend on the process's string-hash seed."""
    code = ("from analysis.cleaning import anchored_shingles; "
            "print(sorted(anchored_shingles('工行贷款' * 10 + '建行存款科技' * 20)))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(runs) == 1 and runs.pop().count("'") >= 2


# ---------------------------------------------------------------- several articles on a page


PAGE = """# 银行逐鹿AI赛道

中经记者 秦玉芳 广州报道

人工智能正在成为银行科技金融布局的关键突破口，算力贷与大模型企业授信持续增长。

## 双重共振

曾刚表示，AI作为最具爆发力的赛道，银行纷纷加码算力与大模型企业。

# 银行加大清欠专项贷款投放

中经记者 杨井鑫 北京报道

当下，金融支持清欠已成为政府化债的关键一环，清欠专项贷款陆续落地。

## 贷款加速落地

9月15日，某分行为清欠企业发放清欠专项贷款，帮助清偿拖欠账款。

## 重构AI信贷风控

曾刚指出，AI企业技术迭代快，大模型与算力企业的知识产权估值难，银行需重构风控模型。

上接 B2

## 养老金融体系

《中国经营报》：银行应如何调整组织体系？

张畅：养老金融业务横跨多个条线。
"""


@pytest.fixture(scope="module")
def page():
    return clean(PAGE)


def test_titles_split_a_page_into_articles(page):
    articles, log = page
    assert [a["title"] for a in articles] == ["银行逐鹿AI赛道", "银行加大清欠专项贷款投放", "养老金融体系"]
    assert kinds(log).count("split") == 3
    assert [a["article_id"] for a in articles] == ["page-1", "page-2", "page-3"]


def test_each_article_has_its_own_byline(page):
    articles, _ = page
    assert [(a["outlet"], a["authors"], a["place"]) for a in articles] == [
        ("中国经营报", ["秦玉芳"], "广州"),
        ("中国经营报", ["杨井鑫"], "北京"),
        ("中国经营报", [], None),  # continued from another page: outlet of the page, no byline
    ]
    assert articles[2]["continued_from"] == "B2"


def test_a_section_printed_after_another_article_moves_back(page):
    articles, log = page
    assert [s["title"] for s in articles[0]["sections"]] == ["", "双重共振", "重构AI信贷风控"]
    assert [s["title"] for s in articles[1]["sections"]] == ["", "贷款加速落地"]
    assert "知识产权估值难" in articles[0]["text"] and "知识产权" not in articles[1]["text"]
    (moved,) = [row for row in log if row["kind"] == "moved"]
    assert moved["article_id"] == "page-1" and "重构AI信贷风控" in moved["detail"]


# ---------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("中经记者 秦玉芳 广州报道", {"outlet": "中国经营报", "authors": ["秦玉芳"], "place": "广州"}),
        ("（财联社记者 梁柯志）", {"outlet": "财联社", "authors": ["梁柯志"], "place": None}),
        ("本报记者 张三、李四 北京报道", {"outlet": None, "authors": ["张三", "李四"], "place": "北京"}),
        ("记者 王五", {"outlet": None, "authors": ["王五"], "place": None}),
    ],
)
def test_bylines(line, expected):
    parsed = parse_byline(line)
    assert {k: parsed[k] for k in expected} == expected


@pytest.mark.parametrize(
    "line", ["记者从中国银行相关人士处了解到，这份方案酝酿已久。", "财联社记者注意到，中行此次方案明确四个目标。"]
)
def test_sentences_mentioning_reporters_are_not_bylines(line):
    assert parse_byline(line) is None


def test_dateline_gives_outlet_date_and_authors():
    parsed = parse_dateline("财联社2月14日讯（记者 梁柯志、高萍、史思同）DeepSeek横空出世")
    assert (parsed["outlet"], parsed["month"], parsed["day"]) == ("财联社", 2, 14)
    assert parsed["authors"] == ["梁柯志", "高萍", "史思同"]


def test_date_from_front_matter_wins_then_dateline_then_inference():
    body = "财联社2025年2月14日讯（记者 梁柯志）银行加码人工智能。"
    (from_meta,), _ = clean(body, metadata={"date": "2025-02-15"})
    (from_text,), _ = clean(body)
    assert (from_meta["date"], from_meta["date_source"]) == ("2025-02-15", "front_matter")
    assert (from_text["date"], from_text["date_source"]) == ("2025-02-14", "text")
    (inferred,), _ = clean("截至2025年9月末，贷款余额增长。11月26日，重庆发放首笔贷款。")
    assert (inferred["date"], inferred["date_source"]) == ("2025-11-26", "inferred")


def test_infer_date_ignores_impossible_dates_and_handles_none():
    assert infer_date("2025年2月30日发布。") == "2025-02"
    assert infer_date("没有日期。") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("11月26日，甲银行发布报告。2025年10月，贷款增长。", "2025-11-26"),
    # a later year named than the latest date: that date is an event's, the page's unknown
    ("长沙银行于2018年9月26日上市。2025年一季度末，总资产1.21万亿元。", None),
    ("2023年5月，甲银行发行债券。2024年，营收增长。", None),
    # a target's year or a span's end is no sign of when the page was written
    ("2024年3月，甲银行发布规划：到2030年绿色贷款翻番，2026-2030年新增贷款1万亿元。", "2024-03"),
    # a year named as over (its results, its end): the page is written after it
    ("3月28日，甲银行发布2023年业绩公告。2023年11月27日，其股份被拍卖。", None),
    ("2024年末，贷款余额1万亿元。2024年12月5日，甲银行发行债券。", None),
    # a year named as a base (较2023年同期): the page is later than its event's day
    ("2023年6月8日，甲银行行长卸任。今年一季度，利息收入较2023年同期下降19.70亿元。", None),
    # last year's day takes no year of this one (a control: so it was already)
    ("2023年5月，甲银行发行债券。早在去年11月21日，股份已被拍卖。", "2023-05"),
    # a span's start: a day written later need not be of that year
    ("10月18日，大行下调存款利率，这是自2022年9月以来第六次下调。", None),
    # a year's December end, even where 至 leads to it, names that year over
    ("减值贷款比率由2.39%上升至2023年12月底的2.69%。", None),
    ("截至2024年12月31日，甲银行资产1万亿元。", None),
    # another month's end is not (a control: so it was already)
    ("截至2025年6月末，贷款余额100亿元。", "2025-06"),
    # a deadline ahead is no date of the page, in either script, even cut by a line's space
    ("截至今年5月底统计。其利息補貼將 在2026年7月底屆期。", None),
    ("利息补贴将在2026年7月底届期。截至2025年5月底统计。", "2025-05"),
])
def test_infer_date_is_no_earlier_than_a_year_the_page_names(text, expected):
    assert infer_date(text) == expected


def test_caption_and_source_lines_are_classified():
    blocks = classify(split_blocks("## 图表标题\n\n资料来源：国务院\n\n图1：贷款余额\n\n正文。"))
    assert [b.kind for b in blocks] == ["caption", "source", "caption", "para"]


def test_a_plain_text_first_line_is_the_title():
    (article,), log = clean("银行加大科技贷款投放\n\n本报讯，多家银行推出专项方案。")
    assert article["title"] == "银行加大科技贷款投放"
    assert article["text"] == "本报讯，多家银行推出专项方案。"
    assert "join" not in kinds(log)


def test_an_untitled_article_is_named_by_its_opening_words():
    (article,), _ = clean("多家银行推出支持人工智能产业链发展的专项方案，授信规模持续扩大。")
    assert article["title"] == "多家银行推出支持人工智能产业链发展的专项方案，授…"


def test_editor_credits_are_notes_and_never_joined():
    articles, log = clean("银行加大科技贷款投放。\n\n责任编辑：张三\n\n记者获悉，多家银行推出专项方案。")
    assert articles[0]["text"] == "银行加大科技贷款投放。\n记者获悉，多家银行推出专项方案。"
    assert articles[0]["notes"] == ["责任编辑：张三"]
    assert "join" not in kinds(log)


# ---------------------------------------------------------------- the seeds


def test_seed_files_give_four_articles(seed_articles):
    assert list(seed_articles["source_file"]) == [CLS_ARTICLE, AI_PAGE, AI_PAGE, AI_PAGE]
    assert list(seed_articles["title"]) == [
        "深度| DeepSeek爆火，中行万亿计划之外，银行业抢食AI产业链",
        "从单点突围到生态布局 银行逐鹿“AI+”赛道",
        "缓解企业资金压力 银行加大清欠专项贷款投放",
        "搭建“顶层统筹+垂直执行+基层落地”体系",
    ]


def test_seed_bylines_and_dates(seed_articles):
    rows = seed_articles[["outlet", "authors", "place", "date", "date_source"]].to_dict("records")
    assert rows[0]["outlet"] == "财联社" and rows[0]["authors"] == ["梁柯志", "高萍", "史思同"]
    assert (rows[0]["date"], rows[0]["date_source"]) == ("2025-02-14", "front_matter")
    assert [(r["outlet"], r["authors"], r["place"]) for r in rows[1:3]] == [
        ("中国经营报", ["秦玉芳"], "广州"), ("中国经营报", ["杨井鑫"], "北京"),
    ]
    assert rows[3]["outlet"] == "中国经营报"
    assert {r["date_source"] for r in rows[1:]} == {"inferred"}


def test_seed_page_breaks_are_repaired(seed_articles):
    ai = seed_articles.loc["001_ae48cb718f3105d7-1", "text"]
    for repaired in ["业内人士普遍认为", "咨询专家韦玲艳指出", "新质生产力的核心领域，正在成为",
                     "凭借牌照、算力与客群覆盖优势", "科技贷款新增额占", "正在成为银行通过“投贷联动”",
                     "专利被引用率"]:
        assert repaired in ai
    paragraphs = [p for text in seed_articles["text"] for p in text.split("\n")]
    for orphan in ["遍认为", "玲艳指出", "心领域", "算力与客群", "新增额占", "引用率", "经营，也就"]:
        assert not any(p.startswith(orphan) for p in paragraphs)
    clearing = seed_articles.loc["001_ae48cb718f3105d7-2", "text"]
    assert "工商银行连云港分行发布消息称" in clearing
    assert "且附带国资担保公司提供增信" in clearing


def test_seed_misplaced_section_goes_to_the_ai_article(seed_articles):
    sections = seed_articles["sections"].map(lambda s: [x["title"] for x in s])
    assert "重构AI信贷风控" in sections["001_ae48cb718f3105d7-1"]
    assert "重构AI信贷风控" not in sections["001_ae48cb718f3105d7-2"]
    assert "无形资产的价值评估" in seed_articles.loc["001_ae48cb718f3105d7-1", "text"]


def test_seed_duplicated_passage_kept_once(seed_corpus, seed_articles):
    passage = "社区服务点、合作养老机构实践，积累实战经验；三是外部赋能"
    assert seed_articles.loc["001_ae48cb718f3105d7-3", "text"].count(passage) == 1
    dups = seed_corpus.log[seed_corpus.log["kind"] == "duplicate"]
    assert len(dups) == 1 and passage in dups.iloc[0]["removed"]


def test_seed_figure_caption_is_a_note(seed_articles):
    notes = seed_articles.loc["001_ae48cb718f3105d7-1", "notes"]
    assert "资料来源：国务院、新浪财经、中泰证券研究所" in notes
    assert not any("资料来源" in text for text in seed_articles["text"])


CONTENT = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


def test_nothing_of_a_seed_is_lost(seed_corpus):
    """Every letter, digit and Chinese character of a raw body is in an article or in the log."""
    articles, log = seed_corpus.articles, seed_corpus.log
    for path in sorted(SEEDS.iterdir()):
        document, _ = document_from_bytes(path.name, path.read_bytes())
        raw = Counter(CONTENT.findall(document.body))
        mine = articles[articles["source_file"] == path.name]
        kept = "".join(
            [*mine["text"], *mine["title"],
             *(s["title"] for sections in mine["sections"] for s in sections),
             *(n for notes in mine["notes"] for n in notes),
             *(link["url"] for links in mine["links"] for link in links),
             *log[log["file"] == path.name]["removed"]]
        )
        missing = raw - Counter(CONTENT.findall(kept))
        assert not missing, f"{path.name} lost {''.join(missing.elements())[:80]}"


def test_article_ids_are_stable(seed_corpus):
    from analysis.corpus import load_corpus

    assert list(load_corpus(SEEDS).articles["article_id"]) == list(seed_corpus.articles["article_id"])


# ---------------------------------------------------------------- fuzzing

PAGE_ALPHABET = st.sampled_from([*"银行贷款亿元万。，、“”：#*[]()\n \t上接B2资料来源记者", "\n\n", "## ", "# "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PAGE_ALPHABET, max_size=200).map("".join))
@example(body="”\n\n银\n\n## 银")  # a heading the page ends on, with no text under it
def test_the_cleaner_never_raises_and_loses_no_chinese(body):
    articles, log = clean(body)
    kept = "".join([a["text"] + a["title"] for a in articles]
                   + [s["title"] for a in articles for s in a["sections"]]
                   + [n for a in articles for n in a["notes"]] + [row["removed"] for row in log])
    raw = Counter(re.findall(r"[\u4e00-\u9fff]", body))
    assert not raw - Counter(re.findall(r"[\u4e00-\u9fff]", kept))


# ---------------------------------------------------------------- text as scrapers write it

ONE = "今年以来，多家银行加大对人工智能企业的信贷支持，科技贷款余额同比增长超过两成。"
TWO = "某股份制银行人士表示，该行将在年内新增投放不低于300亿元的专项贷款。"


def test_a_body_without_blank_lines_has_a_paragraph_a_line():
    articles, log = clean(f"来源：示例网\n{ONE}\n{TWO}", metadata={"title": "标题"})
    assert articles[0]["text"] == f"{ONE}\n{TWO}"
    # the page's source line, above the text: its outlet, logged with what it removed
    assert articles[0]["outlet"] == "示例网" and articles[0]["notes"] == []
    assert [row["removed"] for row in log if row["kind"] == "byline"] == ["来源：示例网"]


# ---------------------------------------------------------------- publication lines

@pytest.mark.parametrize("line, date, outlet, authors", [
    ("2024-03-05 09:30", "2024-03-05", None, []),
    ("2024-03-05 09:30:12 356次", "2024-03-05", None, []),
    ("发布时间：2023-11-02 16:20:05", "2023-11-02", None, []),
    ("发布日期:2023年11月2日 星期四", "2023-11-02", None, []),
    ("2024/01/09 来源：示例财经网", "2024-01-09", "示例财经网", []),
    ("来源 | 示例智库", None, "示例智库", []),
    ("来源：新华社2024-06-09", "2024-06-09", "新华社", []),
    ("时间：2024-06-09 发布人：示例农商银行", "2024-06-09", "示例农商银行", []),
    ("证券时报 王小明 2024-06-09 07:00", "2024-06-09", "证券时报", ["王小明"]),
    ("- 發佈時間:2016-05-18 08:12:40 來源:示例晚報 責任編輯:李四", "2016-05-18", "示例晚報", []),
    ("作者：王小明 2024-06-09", "2024-06-09", None, ["王小明"]),
    # fields run together, as some pages print them
    ("來源:示例經濟報道作者:王小明2025-09-03 09:03", "2025-09-03", "示例經濟報道", ["王小明"]),
    # day first with the time, as Hong Kong pages stamp them (month first when the day is > 12)
    ("06.07.2016  13:45", "2016-07-06", None, []),
    ("30/3/2023 16:56", "2023-03-30", None, []),
    ("3/30/2023 10:00", "2023-03-30", None, []),
    # a date labelled in English, as scrapers and text exports write it
    ("Date: 2025-08-22", "2025-08-22", None, []),
    ("date 2025-08-22 来源：示例经济通", "2025-08-22", "示例经济通", []),
    # fields the page left empty
    ("来源:    作者:    时间: 2008-10-24", "2008-10-24", None, []),
])
def test_publication_lines_give_date_outlet_and_authors(line, date, outlet, authors):
    from analysis.cleaning import parse_publication_line, read_publication
    found = read_publication(line, parse_publication_line(to_simplified(line)))
    assert (found["date"], found["outlet"], found["authors"]) == (date, outlet, authors)


@pytest.mark.parametrize("line", [
    "截止日期2023-06-30",                                  # a period, not a publication
    "信息来源2023年中期报告",                               # a document, not an outlet
    "报告期:2024年度 | 报告发布日期:2025年3月26日 | 货币单位:人民币亿元",  # a table's header
    "示例银行不断提升科技金融服务质效 助力培育新质生产力",           # a headline
    "2024年3月5日，示例银行发布公告称，贷款余额增长12%。",          # a sentence with a date
    "经济观察报 记者 王小明 3月28日晚间",                       # a dateline opening a sentence
    "2024-13-45 09:30",                                   # no such day
    "06.07.2016",                                         # day first without its time: ambiguous
    "示例晚报 2024-06-09 相关新闻推荐阅读",                      # a bare word that is no name
])
def test_lines_that_are_not_publication_lines(line):
    from analysis.cleaning import parse_publication_line
    assert parse_publication_line(to_simplified(line)) is None


def test_a_copied_page_gives_its_headline_date_and_outlet_and_keeps_its_text():
    body = f"示例银行加大人工智能信贷投放\n证券时报 王小明 2024-06-09 07:00\n{ONE}\n{TWO}"
    articles, log = clean(body)
    article = articles[0]
    assert article["title"] == "示例银行加大人工智能信贷投放"
    assert (article["date"], article["date_source"]) == ("2024-06-09", "text")
    assert (article["outlet"], article["authors"]) == ("证券时报", ["王小明"])
    assert article["text"] == f"{ONE}\n{TWO}"
    assert any("2024-06-09 07:00" in row["removed"] for row in log)


def test_a_publication_line_run_into_the_first_paragraph_is_cut_off():
    articles, _ = clean(f"每日经济新闻 2024-06-09 03:16:49 {ONE}\n{TWO}", metadata={"title": "标题"})
    assert articles[0]["text"] == f"{ONE}\n{TWO}"
    assert (articles[0]["date"], articles[0]["outlet"]) == ("2024-06-09", "每日经济新闻")


def test_a_labelled_date_run_into_the_first_paragraph_is_cut_off():
    articles, _ = clean(f"date 2024-06-09 {ONE}\n{TWO}", metadata={"title": "标题"})
    assert articles[0]["text"] == f"{ONE}\n{TWO}"
    assert (articles[0]["date"], articles[0]["date_source"]) == ("2024-06-09", "text")
    # a sentence that opens with a date and no label keeps it
    articles, _ = clean(f"2024-06-09 {ONE}\n{TWO}", metadata={"title": "标题"})
    assert articles[0]["text"].startswith("2024-06-09")


def test_a_source_line_under_the_text_stays_a_chart_credit():
    articles, _ = clean(f"{ONE}\n{TWO}\n来源：示例银行年报\n{ONE}", metadata={"title": "标题"})
    assert articles[0]["outlet"] is None and "来源：示例银行年报" in articles[0]["notes"]


def test_front_matter_dates_beat_the_publication_line():
    articles, _ = clean(f"2024-06-09 07:00\n{ONE}", metadata={"title": "标题", "date": "2024-06-10"})
    assert (articles[0]["date"], articles[0]["date_source"]) == ("2024-06-10", "front_matter")


def test_soft_wrapped_paragraphs_between_blank_lines_are_still_joined():
    articles, _ = clean(f"{ONE[:20]}\n{ONE[20:]}\n\n{TWO}", metadata={"title": "标题"})
    assert articles[0]["text"] == f"{ONE}\n{TWO}"


@pytest.mark.parametrize("rule", ["---", "***", "___", "======", "- - -", "------------------------"])
def test_thematic_breaks_and_setext_underlines_are_not_text(rule):
    articles, log = clean(f"### 焦点：银行业绩\n{rule}\n\n{ONE}\n\n{rule}\n\n{TWO}")
    assert articles[0]["text"] == f"{ONE}\n{TWO}"
    assert not [row for row in log if row["kind"] == "duplicate"]


@pytest.mark.parametrize("credit", ["封面图片来源：视觉中国", "题图来源：新华社", "图片来源：受访者供图"])
def test_cover_and_picture_credits_are_notes(credit):
    articles, _ = clean(f"{ONE}\n\n{credit}", metadata={"title": "标题"})
    assert articles[0]["text"] == ONE and articles[0]["notes"] == [credit]


def test_a_title_repeated_as_the_first_paragraph_is_dropped_unless_it_is_all_the_text():
    articles, log = clean(f"银行加码科技贷款！\n\n{ONE}\n\n{TWO}", metadata={"title": "银行加码 科技贷款"})
    assert articles[0]["text"] == f"{ONE}\n{TWO}"
    assert [(row["kind"], row["removed"]) for row in log] == [("duplicate", "银行加码科技贷款！")]
    articles, _ = clean("银行加码科技贷款", metadata={"title": "银行加码科技贷款"})
    assert articles[0]["text"] == "银行加码科技贷款"


@pytest.mark.parametrize("promo", ["海量资讯、精准解读，尽在新浪财经APP", "下载示例财经客户端", "关注示例网微信公众号。"])
def test_app_and_account_promotions_are_notes_not_text(promo):
    articles, _ = clean(f"{ONE}\n\n{promo}", metadata={"title": "标题"})
    assert articles[0]["text"] == ONE and articles[0]["notes"] == [promo]


@pytest.mark.parametrize("sentence", ["该行表示，将在年内推出专属服务，客户可通过手机银行APP申请。",
                                      "用户可下载该行手机银行APP。"])
def test_a_sentence_that_mentions_an_app_is_text(sentence):
    articles, _ = clean(f"{ONE}\n\n{sentence}", metadata={"title": "标题"})
    assert articles[0]["text"] == f"{ONE}\n{sentence}"


def test_a_copied_page_header_without_blank_lines_is_read_line_by_line():
    body = (f"银行\n当前位置:首页 > 银行 > 正文\n示例银行加大人工智能信贷投放\n"
            f"2024-06-09 来源:示例财经网\n\n{ONE}\n\n{TWO}")
    articles, log = clean(body)
    article = articles[0]
    assert article["title"] == "示例银行加大人工智能信贷投放"
    assert (article["date"], article["outlet"]) == ("2024-06-09", "示例财经网")
    assert article["text"] == f"{ONE}\n{TWO}"
    navigation = [row["removed"] for row in log if "navigation" in row["detail"]]
    assert navigation == ["银行", "当前位置:首页 > 银行 > 正文"]


def test_a_wrapped_publication_line_in_a_header_stays_one_line():
    body = f"示例银行加大人工智能信贷投放\n\n证券时报 王小明\n2024-06-09 07:00\n\n{ONE}"
    article = clean(body)[0][0]
    assert (article["outlet"], article["authors"], article["date"]) == (
        "证券时报", ["王小明"], "2024-06-09")
    assert article["text"] == ONE


def test_lines_of_a_paragraph_lower_down_are_still_one_paragraph():
    # no header line among them: a soft-wrapped paragraph, joined as before
    body = f"{ONE}\n\n{TWO}\n\n示例银行表示将\n继续加大投放。"
    assert clean(body, metadata={"title": "标题"})[0][0]["text"].endswith("示例银行表示将继续加大投放。")


@pytest.mark.parametrize("line", ["首页 > 财经 > 正文", "熱門資訊> 正文", "当前位置：新闻中心"])
def test_breadcrumbs_at_the_top_are_navigation(line):
    articles, log = clean(f"{line}\n\n{ONE}", metadata={"title": "标题"})
    assert articles[0]["text"] == ONE
    assert [row["removed"] for row in log if "navigation" in row["detail"]] == [line]


def test_a_dateline_with_a_space_before_its_credit_takes_the_credit_too():
    articles, _ = clean(f"中新网杭州10月22日电 (王小明){ONE}", metadata={"title": "标题"})
    assert articles[0]["text"] == ONE and articles[0]["authors"] == ["王小明"]


@given(st.text(max_size=80))
def test_the_publication_parser_never_raises_and_gives_real_days(text):
    from analysis.cleaning import parse_publication_line
    found = parse_publication_line(text)
    if found and found["date"]:
        assert dt.date.fromisoformat(found["date"])


@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
       separator=st.sampled_from(["-", "/", "."]), clock=st.sampled_from(["", " 09:30", " 23:59:59"]),
       source=st.sampled_from(["", " 来源:示例财经网", " 来源 | 示例智库"]),
       label=st.sampled_from(["", "发布时间:", "时间：", "日期:"]))
def test_publication_lines_in_any_common_layout_give_their_day(day, separator, clock, source,
                                                                label):
    from analysis.cleaning import parse_publication_line
    written = f"{day.year}{separator}{day.month:02d}{separator}{day.day:02d}"
    found = parse_publication_line(f"{label}{written}{clock}{source}")
    assert found is not None and found["date"] == day.isoformat()
    assert (found["outlet_span"] is not None) == bool(source)
ROLE_PIECES = st.sampled_from(["图片来源：", "数据来源:", "图1：", "表：", "责任编辑：", "（原标题：", "尽在",
                               "下载", "新浪财经APP", "客户端", "上接", "转", "第", "A3", "2", "版", "记者",
                               " 王明 ", "北京报道", "银行贷款增长", "。", "，", "（", "）", "来源"])


@settings(max_examples=500, deadline=None)
@given(st.lists(ROLE_PIECES, min_size=1, max_size=8).map("".join), st.integers(0, 80))
def test_a_paragraph_gets_the_first_role_its_line_patterns_give(line, padding):
    """At the top: a publication line, navigation; then source, caption, credit (80 characters at
    most), page marker, byline, in that order."""
    from analysis.cleaning import (
        BREADCRUMB,
        CAPTION_LINE,
        CREDIT_LINE,
        JUMP,
        PROMO_LINE,
        SOURCE_LINE,
        parse_publication_line,
    )

    text = line + "增" * padding
    if parse_publication_line(text):  # the page's own source line, at the top of the text
        expected = "publication"
    elif BREADCRUMB.match(text):
        expected = "nav"
    elif SOURCE_LINE.match(text):
        expected = "source"
    elif CAPTION_LINE.match(text):
        expected = "caption"
    elif (CREDIT_LINE.match(text) or PROMO_LINE.match(text)) and len(text) <= 80:
        expected = "credit"
    elif JUMP.match(text):
        expected = "jump"
    elif parse_byline(text):
        expected = "byline"
    else:
        expected = "para"
    assert [b.kind for b in classify(split_blocks(text))] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("其中，臺灣銀行1月稅前獲利31.6億元。(編輯:潘羿菁)1120307", "2023-03-07"),
    ("…已打銷完畢。（編輯：林興盟）1131205\n", "2024-12-05"),
    ("…譯文完。(譯者:王X/核稿:李Y)1090930", "2020-09-30"),
    # a day that does not exist, or a number after a bracket that names no editor, is no date
    ("(編輯:潘羿菁)1120230", None),
    ("股價(收盤)1120307", None),
])
def test_a_wire_trailer_gives_the_day_in_taiwans_calendar(text, expected):
    assert wire_date(text) == expected


def test_a_reposted_wire_story_is_dated_by_its_trailer():
    body = ("國銀1月稅前大賺453億\n\n(中央社記者謝方娪台北7日電)本國銀行1月稅前盈餘達新台幣453.4億元。\n\n"
            "其中，臺灣銀行1月稅前獲利31.6億元。(編輯:潘羿菁)1120307\n")
    articles, _ = clean(body, "cna.md")
    assert (articles[0]["date"], articles[0]["date_source"]) == ("2023-03-07", "text")
    # the metadata's date still comes first
    articles, _ = clean(body, "cna.md", {"date": "2023-03-08"})
    assert articles[0]["date"] == "2023-03-08"


# A stock picture's marker printed alone (资料图片, （資料圖）) is a caption, not a paragraph cut
# mid-sentence; an address printed alone under a table's heading is a link. Neither takes another
# paragraph as its continuation, from before it or after it.
@pytest.mark.parametrize("marker", ["资料图", "（资料图片）", "(資料圖)", "資料圖片", "示意图"])
def test_a_picture_marker_line_is_a_caption_and_joins_nothing(marker):
    body = (f"甲银行上半年盈利90亿元，按年减少3%。\n\n{marker}\n\n"
            "期内，营业收入下跌2%至170亿元。\n\n网友评论")
    (article,), log = clean(body)
    assert article["text"].split("\n")[:2] == [
        "甲银行上半年盈利90亿元，按年减少3%。", "期内，营业收入下跌2%至170亿元。"]
    assert marker in article["notes"]
    assert not [row for row in log if row["kind"] == "join"]


def test_an_address_printed_alone_is_a_link_not_a_cut_paragraph():
    body = ("乙银行上调6个月定存年息0.2厘至2.25厘。\n\n丙银行下调3个月定存年息0.1厘至2.5厘。\n\n"
            "表列各大银行定存息率：\n\nhttps://example.com/deposit-rate.php\n\n撰文：采访组")
    (article,), log = clean(body)
    lines = article["text"].split("\n")
    assert lines[:2] == ["乙银行上调6个月定存年息0.2厘至2.25厘。", "丙银行下调3个月定存年息0.1厘至2.5厘。"]
    assert not any("http" in line for line in lines)
    assert [row["kind"] for row in log if "example.com" in row["detail"]] == ["link"]


def test_a_picture_marker_inside_a_sentence_is_text():
    (article,), _ = clean("记者从资料图片中看到，该行营收增长5%。")
    assert article["text"] == "记者从资料图片中看到，该行营收增长5%。"


@pytest.mark.parametrize("page, dateline, expected", [
    # a repost's page line is when the copy went up; the wire dateline is when the story was filed
    ("发布时间:2024-12-01 05:08:22 来源: 示例网", "中新网 太原4月3日电 ", "2024-04-03"),
    ("发布时间:2025-02-03 10:00 来源: 示例网", "新华社北京12月30日电 ", "2024-12-30"),
    ("发布时间:2025-02-03 10:00 来源: 示例网", "中国经济网北京2月3日讯 ", "2025-02-03"),
])
def test_a_wire_dateline_dates_a_repost_by_the_day_it_was_filed(page, dateline, expected):
    (article,), _ = clean(f"{page}\n\n{dateline}{ONE}")
    assert (article["date"], article["text"]) == (expected, ONE)


def test_front_matter_s_date_is_kept_over_a_dateline_without_its_year():
    (article,), _ = clean(f"财联社2月14日讯 {ONE}", metadata={"date": "2025-02-15"})
    assert (article["date"], article["date_source"]) == ("2025-02-15", "front_matter")


@given(published=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
       month=st.integers(1, 12), day=st.integers(1, 31))
def test_a_filing_day_is_on_or_before_the_page_and_within_a_year_of_it(published, month, day):
    from analysis.cleaning import filing_day
    filed = filing_day(published.isoformat(), month, day)
    if filed is not None:
        filed = dt.date.fromisoformat(filed)
        assert (filed.month, filed.day) == (month, day)
        assert published - dt.timedelta(days=366) < filed <= published
