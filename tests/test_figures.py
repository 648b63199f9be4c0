"""Figures: every money and percentage figure, normalised and attributed (issue 3).

Cases are sentences from the two seed articles (quoted as they stand in the clean text) and
sentences written for these tests in the style of Chinese financial news.
"""

from decimal import Decimal
from pathlib import Path

import cn2an
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cli import main
from analysis.corpus import load_corpus
from analysis.figures import COLUMNS, METRIC_FAMILIES, extract_figures, metric_family, parse_number
from analysis.selections import central_bank_statistics
from tests.gold_checks import load_eval

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"
CONTRACT = ["article_id", "source_file", "text", "value", "unit", "qualifier", "entity",
            "metric", "as_of", "sentence", "start", "end"]


def figures(text: str, date: str | None = "2025-11-26") -> pd.DataFrame:
    articles = pd.DataFrame([{"article_id": "t-1", "source_file": "t.txt", "text": text,
                              "date": date}])
    return extract_figures(articles)


def rows(text: str, *columns: str, date: str | None = "2025-11-26") -> list[tuple]:
    table = figures(text, date)
    return [tuple(None if pd.isna(v) else v for v in row)
            for row in table[list(columns)].itertuples(index=False)]


@pytest.fixture(scope="module")
def seed_figures() -> pd.DataFrame:
    return extract_figures(load_corpus(SEEDS).articles)


@pytest.fixture(scope="module")
def seed_articles() -> pd.DataFrame:
    return load_corpus(SEEDS).articles.set_index("article_id", drop=False)


# ------------------------------------------------------------------ numbers and units

NUMBERS = [
    # thousands separators and decimals (seed 000, 建设银行)
    ("该行公司类住房租赁贷款余额达到3,499.99亿元。", "3,499.99亿元", 349_999_000_000, "CNY"),
    # magnitude words
    ("科技型中小企业本外币贷款余额为3.6万亿元。", "3.6万亿元", 3.6e12, "CNY"),
    ("当地清欠企业发放贷款1080万元。", "1080万元", 10_800_000, "CNY"),
    ("基金累计出资72.39亿元。", "72.39亿元", 7_239_000_000, "CNY"),
    # 元人民币 and a currency before the number
    ("银行业科技型企业贷款余额高达13.44万亿元人民币。", "13.44万亿元人民币", 1.344e13, "CNY"),
    ("出资额高达600.6亿元人民币。", "600.6亿元人民币", 6.006e10, "CNY"),
    ("公司获得人民币100亿元授信。", "100亿元", 1e10, "CNY"),
    # US dollars
    ("美国甲骨文公司联合投资5000亿美元。", "5000亿美元", 5e11, "USD"),
    ("训练成本约557.6万美元。", "557.6万美元", 5_576_000, "USD"),
    ("该行在港发行债券20亿港元。", "20亿港元", 2e9, "HKD"),
    # full-width digits, point and comma
    ("余额达到１２，０００亿元。", "１２，０００亿元", 1.2e12, "CNY"),
    ("余额为３．５万亿元。", "３．５万亿元", 3.5e12, "CNY"),
    # a space between number and unit
    ("截至9月末，该行绿色贷款余额 1.5 万亿元。", "1.5 万亿元", 1.5e12, "CNY"),
    # Chinese numerals
    ("计划提供一万亿元专项资金。", "一万亿元", 1e12, "CNY"),
    ("该基金规模为三千亿元。", "三千亿元", 3e11, "CNY"),
    ("首期募集一百五十亿元。", "一百五十亿元", 1.5e10, "CNY"),
    ("本轮融资三点五亿元。", "三点五亿元", 3.5e8, "CNY"),
    ("注册资本两千万元。", "两千万元", 2e7, "CNY"),
    # no currency, but the sentence speaks of money (seed 000)
    ("近年来已为华为、摩尔线程等人工智能龙头企业提供综合授信近千亿。", "千亿", 1e11, "CNY"),
    ("数字经济核心产业贷款余额为4100亿，较年初增长11%。", "4100亿", 4.1e11, "CNY"),
    ("融资金额由2019年的1000亿左右，增至去年的逾4000亿。", "1000亿左右", 1e11, "CNY"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), NUMBERS)
def test_money_is_read_in_base_units(sentence, text, value, unit):
    table = figures(sentence)
    money = table[table["kind"] == "money"]
    assert money["text"].iloc[0] == text
    assert money["value"].iloc[0] == pytest.approx(value, rel=1e-12)
    assert money["unit"].iloc[0] == unit


def test_money_without_currency_is_marked_inferred():
    table = figures("提供综合授信近千亿。近年来还发放贷款2亿元。")
    assert table["unit_inferred"].tolist() == [True, False]


def test_money_without_currency_takes_the_currency_of_its_sentence():
    table = figures("全球投资5000亿美元，其中日本出资1000亿。")
    assert table["unit"].tolist() == ["USD", "USD"]


def test_a_list_shares_the_unit_of_its_last_member():
    table = figures("两家银行贷款分别为2.5、3亿元。")
    assert table[["text", "value", "unit"]].values.tolist() == [
        ["2.5", 2.5e8, "CNY"], ["3亿元", 3e8, "CNY"]]


PERCENTAGES = [
    ("同比增长30.74%。", "30.74%", 30.74, "%"),
    ("风险识别率提升至99.5%。", "99.5%", 99.5, "%"),
    ("获贷率为５０．３％。", "５０．３％", 50.3, "%"),
    ("百分之三十的企业获得了贷款。", "百分之三十", 30, "%"),
    ("较同期全部贷款增速高15.8个百分点。", "15.8个百分点", 15.8, "pp"),
    ("贷款市场报价利率下降25个基点。", "25个基点", 0.25, "pp"),
    ("增速提高两个百分点。", "两个百分点", 2, "pp"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), PERCENTAGES)
def test_percentages_and_points(sentence, text, value, unit):
    assert rows(sentence, "text", "value", "unit") == [(text, pytest.approx(value), unit)]


def test_a_range_gives_its_two_bounds():
    # seed 001-1: 由政府资金池承担30%—50%的坏账损失
    sentence = "即由政府资金池承担30%—50%的坏账损失，极大降低了银行的避险情绪。"
    assert rows(sentence, "text", "value", "unit", "qualifier", "metric") == [
        ("30%", 30.0, "%", "≥", "坏账损失"), ("50%", 50.0, "%", "≤", "坏账损失")]
    assert rows("配套2亿至3亿元资金。", "value", "qualifier") == [(2e8, "≥"), (3e8, "≤")]
    assert rows("不良率在1.2—1.5%之间。", "value", "unit", "qualifier") == [
        (1.2, "%", "≥"), (1.5, "%", "≤")]


# ------------------------------------------------------------------ qualifiers

QUALIFIERS = [
    ("提供合计规模不低于1万亿元专项综合金融支持。", "≥", "不低于"),
    ("发放贷款至少50亿元。", "≥", "至少"),
    ("贷款不低于人民币1万亿元。", "≥", "不低于"),  # a currency written first
    ("实现人工智能核心企业授信超过4000亿元。", ">", "超过"),
    ("融资金额增至去年的逾4000亿。", ">", "逾"),
    ("新增科技贷款超千亿元。", ">", "超"),
    ("贷款余额8000余亿元。", ">", ""),
    ("贷款余额1000多亿元。", ">", ""),
    ("中国银行已批准为其提供不超过9.8亿元的清欠专项贷款金额。", "≤", "不超过"),
    ("单户授信最高可达5亿元。", "≤", "最高可达"),
    ("核心一级资本充足率不得低于7.5%。", "≥", "不得低于"),  # a rule: not below
    ("单户贷款不得超过500万元。", "≤", "不得超过"),
    ("单户授信最高3000万元。", "≤", "最高"),
    ("提供综合授信近千亿。", "<", "近"),
    ("核心产业规模已接近6000亿元人民币。", "<", "接近"),
    ("贷款余额不足100亿元。", "<", "不足"),
    ("可提供长租公寓租金约2.28亿元。", "≈", "约"),
    ("融资金额为1000亿左右。", "≈", "为"),
    ("贷款余额高达13.44万亿元人民币。", "=", "高达"),
    ("贷款余额达到3,499.99亿元。", "=", "达到"),
    ("贷款余额为4100亿。", "=", "为"),
    ("发放贷款1.1万亿元。", "=", ""),
    ("投放规模1000亿元以上。", "≥", ""),
    ("单笔贷款500万元以内。", "≤", ""),
]


@pytest.mark.parametrize(("sentence", "qualifier", "words"), QUALIFIERS)
def test_qualifiers(sentence, qualifier, words):
    table = figures(sentence)
    assert table["qualifier"].tolist() == [qualifier]
    assert table["qualifier_text"].tolist() == [words]


# ------------------------------------------------------------------ not money

NOT_MONEY = [
    "2024年全球人工智能产业有了新变化。",  # a year
    "11月26日，重庆市召开会议。",  # a date
    "中国银行(601988.SH)表示，将加大投入。",  # a stock code
    "金融科技上市公司长亮科技（300348）CEO表示。",  # a stock code in brackets
    "该笔贷款为“630”台账中拖欠主体发放。",  # a number in quotes
    "将推出“1+1+N”全周期服务。",
    "贷款期限通常以3年为主，部分贷款期限最长为5年。",  # durations
    "团队平均年龄36周岁。",
    "详见https://example.com/2024/report-100亿元.html 。",  # a URL
    "DeepSeek-V3参数规模达6710亿。",  # a magnitude that is not money
    "千万不要错过，万一失败也没关系。",  # numeral characters in words
    "行业规模迈向千亿级。",  # an order of magnitude
    "一个养老金融专业部门、两个专业处室。",  # Chinese numerals counting things
]


@pytest.mark.parametrize("sentence", NOT_MONEY)
def test_not_money(sentence):
    table = figures(sentence)
    assert not table["unit"].isin(["CNY", "USD"]).any(), table[["text", "unit"]]


COUNTS = [
    ("支持的住房租赁企业超过1,600家。", "1,600家", 1600, "家", ">"),
    ("已经为集团带来新转化个人客户超1,500万户。", "1,500万户", 15_000_000, "户", ">"),
    ("可提供长租公寓约2.28万间。", "2.28万间", 22_800, "间", "≈"),
    ("实现5户被拖欠企业6笔拖欠款项清偿。", "5户", 5, "户", "="),
    ("组建起首批超2100人的养老金融规划师队伍。", "2100人", 2100, "人", ">"),
    ("与广州110余家科技型企业开展中长期战略合作。", "110余家", 110, "家", ">"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "qualifier"), COUNTS)
def test_counts_have_their_own_unit(sentence, text, value, unit, qualifier):
    table = figures(sentence)
    first = table.iloc[0]
    assert (first["text"], first["value"], first["unit"], first["kind"], first["qualifier"]) == (
        text, value, unit, "count", qualifier)


# ------------------------------------------------------------------ attribution

ENTITIES = [
    # seed sentences
    ("不久前，中国银行率先发布《支持人工智能产业链发展行动方案》，计划未来五年为人工智能全产业链"
     "各类主体提供合计规模不低于1万亿元专项综合金融支持。", "中国银行", "bank"),
    ("中行公布的数据显示，截至2024年11月末，在以算力建设为代表的数字经济核心产业贷款余额为4100亿。",
     "中国银行", "bank"),
    ("9月15日，工商银行莆田分行当地清欠企业发放贷款1080万元。", "工商银行", "bank"),
    ("9月8日，农业银行许昌市襄城县支行为某拖欠主体审批了1000万元流动资金贷款。",
     "农业银行", "bank"),
    ("同一时间，建设银行(601939.SH)柴桑支行也成功向九江市柴桑区城市发展有限公司发放全辖首笔"
     "“清欠贷”专项融资446.68万元。", "建设银行", "bank"),
    ("据易观千帆报告，截至2023年12月底，银行业科技型企业贷款余额高达13.44万亿元人民币。",
     None, "sector"),
    ("先是美国OpenAI宣布了“星际之门计划”，日本软银集团、美国开放人工智能研究中心、美国甲骨文公司"
     "联合投资5000亿美元。", None, "other"),
    ("中国人民银行披露的最新数据显示，截至2025年9月末，科技型中小企业本外币贷款余额为3.6万亿元。",
     None, "central_bank"),
    # written for the tests
    ("央行数据显示，2月末人民币贷款余额为260万亿元。", None, "central_bank"),
    ("中国人民银行上海总部数据显示，辖内科技贷款余额为1.2万亿元。", None, "central_bank"),
    ("六大国有行科技贷款余额合计超过10万亿元。", None, "group"),
    ("邮储银行研究员娄飞鹏指出，全国科技贷款余额约为30万亿元。", None, "sector"),
    ("邮储银行相关人士表示，已提供综合授信近千亿。", "邮储银行", "bank"),
    ("集中行动期间，当地共发放贷款5亿元。", None, "other"),  # 中行 inside 集中行动
    ("招行上半年营收1729.5亿元。", "招商银行", "bank"),
    ("浦发银行上海分行发放首笔算力贷5000万元。", "浦发银行", "bank"),
    ("某科技企业获得工行、建行等5家银行合计3亿元授信。", None, "group"),  # 等: examples
    ("农发行今年已投放粮食收购贷款超2000亿元。", "中国农业发展银行", "bank"),
]


@pytest.mark.parametrize(("sentence", "entity", "scope"), ENTITIES)
def test_entity_and_scope(sentence, entity, scope):
    table = figures(sentence)
    first = table[table["kind"] == "money"].iloc[0]
    assert (None if pd.isna(first["entity"]) else first["entity"], first["scope"]) == (
        entity, scope)


def test_central_bank_is_never_an_entity(seed_figures):
    central = seed_figures[seed_figures["scope"] == "central_bank"]
    assert len(central) >= 6
    assert central["entity"].isna().all()


def test_group_with_respectively_distributes_in_order():
    # seed 000: 工农中建 … 分别为2.70万亿、2.10万亿、1.47万亿和2.24万亿
    sentence = ("其中六大国有行科技型企业贷款余额占比接近72%，第一梯队工农中建贷款规模分别为"
                "2.70万亿、2.10万亿、1.47万亿和2.24万亿。")
    table = figures(sentence)
    money = table[table["kind"] == "money"]
    assert money["entity"].tolist() == ["工商银行", "农业银行", "中国银行", "建设银行"]
    assert money["value"].tolist() == [2.70e12, 2.10e12, 1.47e12, 2.24e12]
    assert (money["unit"] == "CNY").all()
    share = table[table["kind"] == "percent"].iloc[0]
    assert (share["scope"], share["qualifier"]) == ("group", "<")  # 六大国有行: no single bank


def test_named_banks_with_respectively_distribute_money_and_percentages():
    sentence = "工商银行、建设银行科技贷款余额分别为3.5万亿元和2.9万亿元，同比分别增长20%和18%。"
    assert rows(sentence, "text", "entity") == [
        ("3.5万亿元", "工商银行"), ("2.9万亿元", "建设银行"),
        ("20%", "工商银行"), ("18%", "建设银行")]


def test_respectively_with_too_few_figures_gives_no_single_bank():
    table = figures("工商银行和农业银行分别发放贷款，合计100亿元。")
    assert table["entity"].isna().all()
    assert table["scope"].tolist() == ["group"]


def test_this_bank_refers_back_within_the_paragraph_and_to_the_one_before():
    # (a second bank named in the article, so that the article is not one bank's alone)
    opening = ("11月初，工商银行连云港分行发布消息称，该行成功落实了首单清欠贷款。经确认，"
               "该笔贷款清偿金额共计281.5万元。\n")
    text = opening + "另一段中，该笔贷款为100万元。\n建设银行亦有跟进。"
    assert rows(text, "text", "entity") == [("281.5万元", "工商银行"), ("100万元", "工商银行")]
    # but not past a paragraph that names no bank
    text = opening + "市场人士认为，清欠意义重大。\n另一段中，该笔贷款为100万元。\n建设银行亦有跟进。"
    assert rows(text, "text", "entity") == [("281.5万元", "工商银行"), ("100万元", None)]


# ------------------------------------------------------------------ dates

AS_OF = [
    ("截至2023年12月底，银行业科技型企业贷款余额高达13.44万亿元人民币。", "2023-12"),
    ("截至2025年9月末，科技型中小企业本外币贷款余额为3.6万亿元。", "2025-09"),
    ("建设银行最新公布的2024年中期业绩显示，截至6月末，该行公司类住房租赁贷款余额达到3,499.99亿元。",
     "2024-06"),
    ("根据报告数据，去年前三季度人工智能相关投融资为812亿元。", "2024-09"),
    ("融资金额增至去年的逾4000亿。", "2024"),
    ("9月1日，中国银行已批准为其提供不超过9.8亿元的清欠专项贷款金额。", "2025-09-01"),
    ("12月5日，某银行发放贷款1亿元。", "2024-12-05"),  # after the article's date: last year
    ("截至今年上半年，贷款余额为1万亿元。", "2025-06"),
    ("去年末，交行普惠型小微企业贷款余额8000余亿元。", "2024-12"),
    ("9月份投放贷款350亿元。", "2025-09"),
    ("截至2025年6月30日，交通银行科技金融贷款余额达8,000亿元。", "2025-06-30"),
    ("数字经济核心产业贷款余额为4100亿，较2023年末增长11%。", None),  # a baseline
    ("兴业银行自2024年起启动计划，投入资金1亿元。", None),  # a start, not a date
    # 目前 is the article's day (round eleven: as the labellers read it)
    ("截至目前，核心产业规模已接近6000亿元人民币。", "2025-11-26"),
    ("计划未来五年提供不低于1万亿元专项综合金融支持。", None),
]


@pytest.mark.parametrize(("sentence", "as_of"), AS_OF)
def test_as_of(sentence, as_of):
    table = figures(sentence, date="2025-11-26")
    value = table["as_of"].iloc[0]
    assert (None if pd.isna(value) else value) == as_of


def test_as_of_comes_from_an_earlier_sentence_of_the_paragraph_only():
    text = ("截至2023年12月底，贷款余额为1万亿元。其中，工农中建分别为1、2、3和4千亿元。"
            "\n另有2亿元。")
    assert rows(text, "as_of") == [("2023-12",)] * 5 + [(None,)]


def test_relative_years_need_the_article_date():
    assert rows("去年贷款余额为1万亿元。", "as_of", date=None) == [(None,)]
    # (a balance of a year past: at its end)
    assert rows("去年贷款余额为1万亿元。", "as_of", date="2025-02-14") == [("2024-12",)]
    assert rows("去年营收为100亿元。", "as_of", date="2025-02-14") == [("2024",)]


# ------------------------------------------------------------------ metric

METRICS = [
    ("银行业科技型企业贷款余额高达13.44万亿元人民币，同比增长30.74%。",
     ["科技型企业贷款余额", "同比增长"]),
    ("提供综合授信近千亿。", ["综合授信"]),
    ("在以算力建设为代表的数字经济核心产业贷款余额为4100亿，较年初增长11%。",
     ["数字经济核心产业贷款余额", "较年初增长"]),
    ("农业银行许昌市襄城县支行为某拖欠主体审批了1000万元流动资金贷款。", ["流动资金贷款"]),
    ("中国银行已批准为其提供不超过9.8亿元的清欠专项贷款金额。", ["清欠专项贷款金额"]),
    ("其中股、债合计不低于3000亿元。", ["股、债合计"]),
    ("科技型中小企业本外币贷款余额为3.6万亿元，同比增长22.3%，较同期全部贷款增速高15.8个百分点，"
     "获贷率为50.3%。", ["科技型中小企业本外币贷款余额", "同比增长", "同期全部贷款增速", "获贷率"]),
    ("融资金额由2019年的1000亿左右，增至去年的逾4000亿。", ["融资金额", "融资金额"]),
    ("训练成本约557.6万美元。", ["训练成本"]),
    ("较2023年末增长15.6%，达到2.1万亿元。", ["增长", ""]),
    # 意向 is a word, not the preposition 向; an unrelated later figure lends no metric
    ("招商银行计划向AI企业提供不少于500亿元意向授信，利率下调50个基点。", ["意向授信", "利率"]),
    ("由政府资金池承担30%—50%的坏账损失。", ["坏账损失", "坏账损失"]),
]


@pytest.mark.parametrize(("sentence", "metrics"), METRICS)
def test_metric(sentence, metrics):
    assert figures(sentence)["metric"].tolist() == metrics


# ------------------------------------------------------------------ number parsing

@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=2),
       st.booleans(), st.booleans())
def test_arabic_numbers_round_trip(integer, decimals, grouped, fullwidth):
    value = Decimal(integer) / (10 ** decimals)
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    if fullwidth:
        text = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    assert parse_number(text) == value


@given(st.integers(min_value=1, max_value=10**8 - 1))
def test_chinese_numerals_round_trip(integer):
    assert parse_number(cn2an.an2cn(str(integer))) == integer


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=2),
       st.sampled_from(["", "万", "亿", "万亿"]), st.sampled_from(["元", "亿美元", "%"]),
       st.booleans())
def test_amounts_in_a_sentence_round_trip(integer, decimals, magnitude, unit, grouped):
    number = Decimal(integer) / (10 ** decimals)
    written = f"{number:,.{decimals}f}" if grouped else f"{number:.{decimals}f}"
    if unit == "亿美元":
        magnitude = ""
    text = f"{written}{magnitude}{unit}"
    table = figures(f"截至2024年末，该行贷款余额为{text}，同比增长。")
    assert table["text"].tolist() == [text]
    factor = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}[magnitude]
    if unit == "亿美元":
        factor, expected_unit = 10**8, "USD"
    else:
        expected_unit = "%" if unit == "%" else "CNY"
    assert table["value"].iloc[0] == pytest.approx(float(number * factor), rel=1e-12)
    assert table["unit"].iloc[0] == expected_unit


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿", "万亿"]))
def test_chinese_amounts_in_a_sentence_round_trip(integer, magnitude):
    text = f"{cn2an.an2cn(str(integer))}{magnitude}元"
    table = figures(f"该行累计发放贷款{text}。")
    factor = {"万": 10**4, "亿": 10**8, "万亿": 10**12}[magnitude]
    assert table[["text", "value", "unit"]].values.tolist() == [[text, integer * factor, "CNY"]]


# ------------------------------------------------------------------ invariants on the seeds

def test_columns_follow_the_contract(seed_figures):
    assert list(seed_figures.columns) == COLUMNS
    assert COLUMNS[:len(CONTRACT)] == CONTRACT
    assert seed_figures["value"].dtype == "float64"
    assert set(seed_figures["unit"]) >= {"CNY", "USD", "%", "pp"}


def test_every_text_is_in_its_sentence_and_every_sentence_in_its_article(
        seed_figures, seed_articles):
    for row in seed_figures.itertuples():
        article = seed_articles.loc[row.article_id, "text"]
        assert article[row.start:row.end] == row.text
        assert row.text in row.sentence
        assert article[row.sentence_start:row.sentence_start + len(row.sentence)] == row.sentence
        assert row.sentence_start <= row.start and row.end <= row.sentence_start + len(
            row.sentence)
        assert "\n" not in row.sentence  # a paragraph break is a sentence break


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_invariants_hold_on_shuffled_seed_paragraphs(seed_articles, data):
    paragraphs = [p for text in seed_articles["text"] for p in text.split("\n") if p]
    chosen = data.draw(st.lists(st.sampled_from(paragraphs), min_size=1, max_size=6))
    text = "\n".join(chosen)
    table = figures(text)
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert text[row.sentence_start:row.sentence_start + len(row.sentence)] == row.sentence
        assert row.text in row.sentence


def test_no_figure_is_a_year_a_date_or_a_stock_code(seed_figures):
    money = seed_figures[seed_figures["unit"].isin(["CNY", "USD"])]
    assert not money["text"].str.fullmatch(r"(19|20)\d{2}").any()
    assert not money["text"].str.contains("年|月|日|SH|SZ").any()
    assert "1,600家" in set(seed_figures.loc[seed_figures["kind"] == "count", "text"])


# ------------------------------------------------------------------ the seeds' bank figures

# What the two seed articles say each bank lent, committed or holds, read off the articles:
# (entity, figure as written, value, unit, qualifier, as_of)
SEED_BANK_MONEY = {
    ("中国银行", "1万亿元", 1e12, "CNY", "≥", None),  # 000: 行动方案 (twice in the article)
    ("邮储银行", "千亿", 1e11, "CNY", "<", None),  # 000: 综合授信近千亿
    ("工商银行", "2.70万亿", 2.70e12, "CNY", "=", "2023-12"),
    ("农业银行", "2.10万亿", 2.10e12, "CNY", "=", "2023-12"),
    ("中国银行", "1.47万亿", 1.47e12, "CNY", "=", "2023-12"),
    ("建设银行", "2.24万亿", 2.24e12, "CNY", "=", "2023-12"),
    ("中国银行", "4100亿", 4.1e11, "CNY", "=", "2024-11"),
    ("建设银行", "3,499.99亿元", 3.49999e11, "CNY", "=", "2024-06"),
    # the next line opens with 其中 (of which): its fund's figures share the bank and the date
    ("建设银行", "126.93亿元", 1.2693e10, "CNY", "=", "2024-06"),
    ("建设银行", "72.39亿元", 7.239e9, "CNY", "=", "2024-06"),
    ("中国银行", "3000亿元", 3e11, "CNY", "≥", None),  # 股、债合计
    ("中国银行", "4000亿元", 4e11, "CNY", ">", None),  # 001-1: 授信超过4000亿元
    ("工商银行", "1080万元", 1.08e7, "CNY", "=", "2025-09-15"),  # 001-2: 清欠
    ("农业银行", "1000万元", 1e7, "CNY", "=", "2025-09-08"),
    ("中国银行", "9.8亿元", 9.8e8, "CNY", "≤", "2025-09-01"),
    ("建设银行", "446.68万元", 4.4668e6, "CNY", "=", None),
    ("工商银行", "281.5万元", 2.815e6, "CNY", "=", "2025-11"),  # 该笔贷款 … 清偿金额
}


def test_seed_bank_money_figures(seed_figures):
    bank = seed_figures[seed_figures["entity"].notna() & seed_figures["unit"].isin(["CNY", "USD"])]
    found = {(r.entity, r.text, r.value, r.unit, r.qualifier, None if pd.isna(r.as_of) else r.as_of)
             for r in bank.itertuples()}
    assert found == SEED_BANK_MONEY
    assert (bank["text"] == "1万亿元").sum() == 2


def test_seed_sector_and_non_bank_money_has_no_entity(seed_figures):
    by_text = seed_figures.set_index("text")
    assert by_text.loc["13.44万亿元人民币", "scope"] == "sector"
    assert by_text.loc["5000亿美元", "unit"] == "USD"
    for text in ["13.44万亿元人民币", "5000亿美元", "600.6亿元人民币", "812亿元", "3.6万亿元"]:
        assert pd.isna(by_text.loc[text, "entity"]), text


def test_seed_central_bank_statistics(seed_figures):
    stats = central_bank_statistics(seed_figures)
    readings = set(zip(stats["text"], stats["unit"], strict=True))
    assert {("3.6万亿元", "CNY"), ("2.6万亿元", "CNY"), ("1.1万亿元", "CNY"), ("30.5%", "%"),
            ("22.3%", "%"), ("15.8个百分点", "pp"), ("50.3%", "%")} <= readings
    assert (stats["as_of"] == "2025-09").all()


# ------------------------------------------------------------------ the command line

def test_cli_writes_the_figures_table(tmp_path):
    out = tmp_path / "figures.csv"
    assert main(["figures", str(SEEDS), "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns[:len(CONTRACT)]) == CONTRACT
    assert len(table) > 40
    row = table[table["text"] == "3,499.99亿元"].iloc[0]
    assert (row["entity"], row["value"], row["unit"], row["as_of"]) == (
        "建设银行", 349999000000.0, "CNY", "2024-06")


@pytest.mark.parametrize("values", [("a", None, "b"), ("a", float("nan")), ("a", pd.NA),
                                    ("a", b"b"), ("a", 1), ("a", True), (7, "x")])
def test_text_columns_are_what_pandas_makes_of_the_values(values):
    from analysis.figures import text_array

    made, expected = text_array(values), pd.array(values, dtype="str")
    assert made.dtype == expected.dtype
    assert list(made.isna()) == list(expected.isna())
    assert list(made.dropna()) == list(expected.dropna())


def test_empty_input_gives_an_empty_table_with_the_columns():
    table = extract_figures(pd.DataFrame(columns=["article_id", "source_file", "text"]))
    assert list(table.columns) == COLUMNS and table.empty
    assert figures("").empty


# Text made of the pieces figures are made of: digits, numerals, units, qualifiers, dates,
# bank names and punctuation, in any order.
PIECES = ["1", "2", "0", "9", ",", ".", "，", "、", "。", "\n", "—", "-", "%", "％", "５", "一",
          "两", "十", "百", "千", "万", "亿", "点", "元", "美元", "人民币", "个百分点", "基点",
          "家", "户", "个", "年", "月", "日", "末", "底", "去年", "截至", "不低于", "不超过", "近",
          "约", "超", "余", "多", "左右", "以上", "分别为", "和", "中行", "工农中建", "该行",
          "央行", "贷款", "余额", "授信", "同比增长", "的", "百分之", "http://a.cn/1亿元 "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_arrangement_of_figure_pieces_is_handled(text):
    table = figures(text)
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.text in row.sentence
        assert text[row.sentence_start:row.sentence_start + len(row.sentence)] == row.sentence
        assert row.qualifier in {"=", "≈", ">", "≥", "<", "≤"}
        assert row.kind in {"money", "percent", "pp", "count"}
        assert row.value >= 0 or text[row.start - 1] in "-－−"  # a written minus only
        assert pd.isna(row.entity) or row.scope == "bank"


# ------------------------------------------------------------------ issue 12: figures that generalise
# Sentences written for these tests in the shapes of real bank news (issue 12's classes).

def entities(text: str, date: str | None = "2025-11-26") -> list[tuple]:
    return rows(text, "text", "entity", date=date)


RESPECTIVELY_LISTS = [
    # bank names first, values after 分别, money without 元 made money by 营收
    ("招商银行、平安银行、中信银行营收分别为3200.5亿、1500.2亿、2100.8亿。",
     [("3200.5亿", "招商银行"), ("1500.2亿", "平安银行"), ("2100.8亿", "中信银行")]),
    # two lists in one sentence
    ("交通银行、邮储银行资产规模分别为14.9万亿元、17.1万亿元，增速分别为5.2%、8.6%。",
     [("14.9万亿元", "交通银行"), ("17.1万亿元", "邮储银行"), ("5.2%", "交通银行"),
      ("8.6%", "邮储银行")]),
    # A和B分别
    ("北京银行和上海银行分别发放科技贷款900亿元和800亿元。",
     [("900亿元", "北京银行"), ("800亿元", "上海银行")]),
    # a list that runs over a line break
    ("工商银行、农业银行、建设银行净利润分别为1600亿元、\n1300亿元、1500亿元。",
     [("1600亿元", "工商银行"), ("1300亿元", "农业银行"), ("1500亿元", "建设银行")]),
    # a second list named after the first: each 分别 takes its own
    ("江苏银行、南京银行贷款余额分别为3000亿元、1800亿元，杭州银行、宁波银行分别为1200亿元、1600亿元。",
     [("3000亿元", "江苏银行"), ("1800亿元", "南京银行"), ("1200亿元", "杭州银行"),
      ("1600亿元", "宁波银行")]),
    # the list stops at ；: a figure after it is not the list's
    ("兴业银行、浦发银行余额分别达500亿元、400亿元；民生银行余额为300亿元。",
     [("500亿元", "兴业银行"), ("400亿元", "浦发银行"), ("300亿元", "民生银行")]),
]


@pytest.mark.parametrize(("text", "expected"), RESPECTIVELY_LISTS)
def test_named_lists_with_respectively(text, expected):
    assert entities(text) == expected


def test_a_list_over_a_line_break_keeps_the_original_text_and_offsets():
    text = "工商银行、农业银行净利润分别为1600亿元、\n1300亿元。"
    table = figures(text)
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert text[row.sentence_start:row.sentence_start + len(row.sentence)] == row.sentence


MONEY_BY_METRIC = [
    ("宁波银行上半年营收371.6亿。", "371.6亿", 3.716e10, "revenue"),
    ("该行净利润达到1.2万亿。", "1.2万亿", 1.2e12, "profit"),
    ("北京银行资产规模突破4.2万亿。", "4.2万亿", 4.2e12, "assets"),
    ("平安银行信息科技投入超过70亿。", "70亿", 7e9, "investment"),
    ("招商银行为该企业提供综合授信5亿。", "5亿", 5e8, "credit_line"),
]


@pytest.mark.parametrize(("text", "figure", "value", "family"), MONEY_BY_METRIC)
def test_money_without_yuan_is_money_by_its_metric(text, figure, value, family):
    row = figures(text).iloc[0]
    assert (row["text"], row["value"], row["unit"], row["unit_inferred"], row["metric_family"]) == (
        figure, value, "CNY", True, family)


ACROSS_SENTENCES = [
    # 该行 two sentences on
    ("中信银行发布三季报。经营保持稳健。该行科技贷款余额达到5000亿元。", "中信银行"),
    # 其 (its)
    ("光大银行近日披露数据，其普惠小微贷款余额为4000亿元。", "光大银行"),
    # a platform of a branch named earlier, its 累计授信 two sentences later: the parent bank
    ("建行苏州分行推出科创服务平台。平台已接入上千家企业。该平台累计授信超过80亿元。",
     "建设银行"),
    # a sentence with no subject of its own goes on about the bank before it
    ("邮储银行上半年营收1800亿元。资产总额突破18万亿元。", "邮储银行"),
    # 其中 on its own line continues the paragraph above it
    ("华夏银行公布年报。\n其中，绿色贷款余额为2000亿元。", "华夏银行"),
]


@pytest.mark.parametrize(("text", "bank"), ACROSS_SENTENCES)
def test_attribution_across_sentences(text, bank):
    assert entities(text)[-1][1] == bank


def test_a_bank_named_in_another_paragraph_owns_nothing_there():
    text = "工商银行发布方案。\n另据统计，全国科技贷款余额为30万亿元。\n建设银行也有安排。"
    assert entities(text) == [("30万亿元", None)]


def test_an_article_about_one_bank_owns_its_unattributed_figures():
    # a results summary that names its bank once, at the end
    text = "营业收入1500亿元，同比增长2%。\n分析师认为，浙商银行经营稳健。"
    assert entities(text) == [("1500亿元", "浙商银行"), ("2%", "浙商银行")]


TRAPS = [
    # the economist's employer owns no forecast
    ("民生银行首席经济学家温彬表示，预计全年新增贷款将达18万亿元。", None, "other"),
    ("光大银行金融市场部宏观研究员周茂华认为，社融增速有望回升至9%。", None, "other"),
    # banks given as examples of a group
    ("工农中建等22家银行合计发放贷款1万亿元。", None, "group"),
    ("贵阳银行、浦发银行贵阳分行等6家银行共为企业授信35亿元。", None, "group"),
    # a list of banks with 均 (each): no single bank
    ("建行、工行、中行的科技贷款余额均超1万亿元。", None, "group"),
    # a new subject after the bank, in the figure's own clause
    ("南京银行表现突出；11家上市城商行累计发行科创债460亿元。", None, "sector"),
]


@pytest.mark.parametrize(("text", "entity", "scope"), TRAPS)
def test_traps(text, entity, scope):
    row = figures(text).iloc[-1]
    assert (None if pd.isna(row["entity"]) else row["entity"], row["scope"]) == (entity, scope)


def test_an_economist_beside_a_bank_figure_leaves_the_bank_its_figure():
    text = "招商银行营收3300亿元。招商银行首席经济学家丁安华预计，明年GDP增速为5%。"
    # (the forecast of GDP is the economy's, no bank's)
    assert entities(text) == [("3300亿元", "招商银行"), ("5%", None)]


MARKET = [
    ("今日南向资金净卖出建设银行12.5亿港元。", "12.5亿港元", "HKD", 1.25e9),
    ("港股通南向资金当日净卖出工商银行3.2亿。", "3.2亿", "HKD", 3.2e8),
    ("招商银行股价收盘上涨3.5%。", "3.5%", "%", 3.5),
    # a bank's market value and its shares' moves are no lending
    ("据统计，兴业银行总市值已达4000亿元。", "4000亿元", "CNY", 4e11),
    ("今年以来，交通银行A股和H股分别上涨18%和25%。", "18%", "%", 18),
    ("年内宁波银行A/H股已分别下跌6.2%和4.1%。", "6.2%", "%", 6.2),
    ("当日银行板块整体上涨1.8%。", "1.8%", "%", 1.8),
    ("截至收盘，银行板块中，杭州银行涨2.4%，领涨板块。", "2.4%", "%", 2.4),
]


@pytest.mark.parametrize(("text", "figure", "unit", "value"), MARKET)
def test_stock_market_figures_have_scope_market_and_their_currency(text, figure, unit, value):
    row = figures(text).iloc[0]
    assert (row["text"], row["unit"], row["value"], row["scope"]) == (figure, unit, value,
                                                                      "market")
    assert pd.isna(row["entity"])


def test_a_bank_listed_on_a_market_keeps_its_own_figures():
    # A股 names where the bank is listed, not a share move: its revenue is its own
    assert entities("A股上市首年，浙商银行营业收入为80亿元。") == [("80亿元", "浙商银行")]
    assert entities("交通银行A股和H股分别上涨18%和25%。") == [("18%", None), ("25%", None)]


def articles_with_title(text: str, title: str | None) -> list[tuple]:
    table = extract_figures(pd.DataFrame([{"article_id": "t-1", "source_file": "t.txt",
                                           "text": text, "title": title,
                                           "date": "2025-11-26"}]))
    return [(row.text, None if pd.isna(row.entity) else row.entity) for row in table.itertuples()]


# 本行 / 我行 in a bank's own report, and sentences with no subject of their own, in a
# paragraph that names no bank: the bank the article is about (its title's, else the one it
# names most when that one clearly dominates).
ARTICLE_BANK = [
    # an annual report excerpt: the bank is named in its heading lines only
    ("贵阳银行股份有限公司\n二〇二四年度报告摘要\n一、重要提示\n本行董事会保证报告内容真实。\n"
     "利润分配方案：本行拟按经审计的净利润30.5亿元的10%提取法定盈余公积，计3.05亿元。", None,
     [("30.5亿元", "贵阳银行"), ("10%", "贵阳银行"), ("3.05亿元", "贵阳银行")]),
    # the title names the bank, the text says 我行 only
    ("我行上半年实现营业收入130亿元，同比增长6%。", "长沙银行2025年半年度报告",
     [("130亿元", "长沙银行"), ("6%", "长沙银行")]),
    # one bank dominates the article; a paragraph without a bank measures its loans
    ("苏州银行发布半年报。苏州银行营收稳健，苏州银行资产质量稳定。\n"
     "苏州银行规模已超过常熟银行。\n细分来看，制造业贷款余额达到800亿元。", None,
     [("800亿元", "苏州银行")]),
    # 该行 with no bank in its paragraph, in an article of one bank
    ("近日，华夏银行发布公告。\n该行表示，上半年新增科技贷款200亿元。", None,
     [("200亿元", "华夏银行")]),
    # 我行 in a quote: the bank of the speaker named after it
    ("江苏银行发布半年报。江苏银行营收增长，江苏银行净利润增长。\n"
     "“今年我行已投放科技贷款500亿元，”南京银行相关负责人表示。", None,
     [("500亿元", "南京银行")]),
    # 本行 outside a quote: the article's bank, not a partner named after it
    ("一、重要提示\n本行董事会保证报告内容真实、准确、完整。\n"
     "本行全年发放贷款300亿元，并与工商银行联合授信。", "贵阳银行2024年度报告摘要",
     [("300亿元", "贵阳银行")]),
    # 该行 (the said bank) in a paragraph that names no bank: the bank named last before it
    ("宁波银行、杭州银行各有所长。\n宁波银行重零售。杭州银行重对公。\n该行上半年新增对公贷款300亿元。",
     None, [("300亿元", "杭州银行")]),
    ("江苏银行发布半年报。江苏银行营收增长，江苏银行净利润增长，江苏银行资产突破4万亿元。\n"
     "作为对比，北京银行也发布了半年报。\n该行营收为350亿元。", None,
     [("4万亿元", "江苏银行"), ("350亿元", "北京银行")]),
]


@pytest.mark.parametrize(("text", "title", "expected"), ARTICLE_BANK)
def test_figures_of_the_article_s_bank(text, title, expected):
    assert articles_with_title(text, title) == expected


ARTICLE_BANK_TRAPS = [
    # several banks compared: a sentence without a subject is no one bank's
    ("宁波银行、杭州银行、南京银行各有所长。\n宁波银行重零售，杭州银行重对公。\n"
     "整体来看，三家银行贷款余额合计达到3万亿元。", None, [("3万亿元", None)]),
    ("北京银行与上海银行同台竞技。\n细分来看，制造业贷款余额达到800亿元。", None,
     [("800亿元", None)]),
    # a dominant bank, but the paragraph is about the economy, not the bank's business
    ("农业银行发布年报。农业银行县域贷款增长，农业银行服务乡村。\n工商银行亦有布局。\n"
     "2024年，乡村消费品零售额增长4.3%。", None, [("4.3%", None)]),
    # a title naming two banks decides nothing
    ("细分来看，制造业贷款余额达到800亿元。", "江苏银行超越北京银行", [("800亿元", None)]),
]


@pytest.mark.parametrize(("text", "title", "expected"), ARTICLE_BANK_TRAPS)
def test_no_article_bank_when_banks_are_compared(text, title, expected):
    assert articles_with_title(text, title) == expected


# The gap to a bank the subject is compared with is the subject's; a level given with 的 is
# the compared bank's own.
GAPS = [
    ("从去年末落后南京银行500亿元，到今年反超120亿元，杭州银行完成了追赶。",
     [("500亿元", "杭州银行"), ("120亿元", "杭州银行")]),
    ("宁波银行资产规模领先杭州银行3000亿元。", [("3000亿元", "宁波银行")]),
    ("上海银行营收超过北京银行约20亿元。", [("20亿元", "上海银行")]),
    ("宁波银行不良率为0.76%，低于杭州银行的0.80%。", [("0.76%", "宁波银行"), ("0.80%", "杭州银行")]),
    ("江苏银行营收450亿元，超过北京银行的360亿元。", [("450亿元", "江苏银行"), ("360亿元", "北京银行")]),
    ("厦门银行规模不及青岛银行一半，但科技贷款余额超过300亿元。", [("300亿元", "厦门银行")]),
    ("成都银行不良率低于长沙银行0.3个百分点。", [("0.3个百分点", "成都银行")]),
    # the next sentence goes on about the subject, not the bank it overtook
    ("南京银行资产达2.8万亿元，一举超越杭州银行。营收同比增长7.8%。",
     [("2.8万亿元", "南京银行"), ("7.8%", "南京银行")]),
]


@pytest.mark.parametrize(("text", "expected"), GAPS)
def test_a_gap_to_another_bank_is_the_subject_s(text, expected):
    assert entities(text) == expected


# Lists with 以: the bank right before 以 owns the figure; local banks and short forms count.
WITH_YI = [
    ("广州农商银行以900亿元的科技贷款余额居首，青岛农商行以600亿元紧随其后，常熟银行以300亿元位列第三。",
     [("900亿元", "广州农商银行"), ("600亿元", "青岛农商银行"), ("300亿元", "常熟银行")]),
    ("佛山农商行以120亿元的贷款规模领先，浙江安吉农商行等也在跟进。",
     [("120亿元", "佛山农村商业银行")]),
]


@pytest.mark.parametrize(("text", "expected"), WITH_YI)
def test_lists_with_yi(text, expected):
    assert entities(text) == expected


def test_unknown_banks_render_in_tables():
    from analysis.formatting import bank_label

    table = figures("佛山农商行上半年发放科技贷款120亿元。")
    row = table.iloc[0]
    assert (row["entity"], row["entity_en"], row["scope"]) == ("佛山农村商业银行", "佛山农村商业银行",
                                                               "bank")
    from analysis.lending_charts import plot_lending_bank_label

    # no English name is known: the name alone, never "佛山农村商业银行 (佛山农村商业银行)"
    assert bank_label(row["entity"]) == "佛山农村商业银行"
    assert plot_lending_bank_label(row["entity"]) == "佛山农村商业银行"
    assert plot_lending_bank_label("工商银行") == "工商银行 ICBC"


def test_ruby_annotated_bank_names_own_their_figures():
    # traditional text with flattened ruby annotations, as some sites print it
    text = "農(nóng)行今年上半年營業收入達到3700億元。"
    assert entities(text) == [("3700億元", "农业银行")]


# ------------------------------------------------------------------ traditional characters

# Simplified sentences; the tests make their traditional copies with OpenCC.
TRADITIONAL = [
    "截至2025年6月末，建设银行科技贷款余额达到1.2万亿元，同比增长15%。",
    "工商银行、农业银行净利润分别为1600亿元和1300亿元。",
    "该行综合授信近千亿，不低于500亿元投向人工智能。",
]


@pytest.mark.parametrize("simplified", TRADITIONAL)
def test_traditional_text_gives_the_figures_of_its_simplified_copy(simplified):
    from analysis.chinese import to_simplified

    traditional = opencc_s2t(simplified)
    assert traditional != simplified and to_simplified(traditional) == simplified
    ours = figures(traditional)
    theirs = figures(simplified)
    columns = ["value", "unit", "qualifier", "entity", "as_of", "start", "end", "metric_family"]
    assert ours[columns].equals(theirs[columns])
    for row in ours.itertuples():  # text and sentence come from the traditional original
        assert traditional[row.start:row.end] == row.text
        assert row.sentence in traditional


def opencc_s2t(text: str) -> str:
    """A traditional copy of `text`, made at test time (same length)."""
    import opencc

    converted = opencc.OpenCC("s2t").convert(text)
    assert len(converted) == len(text)
    return converted


def test_a_precomputed_simplified_column_is_used_and_an_empty_one_means_already_simple():
    from analysis.chinese import to_simplified

    traditional = opencc_s2t("建设银行贷款余额为1.2万亿元。")
    base = {"article_id": "t-1", "source_file": "t.txt", "date": "2025-11-26"}
    given = extract_figures(pd.DataFrame([{**base, "text": traditional,
                                           "text_simplified": to_simplified(traditional)}]))
    assert given["entity"].tolist() == ["建设银行"] and given["text"].tolist() == ["1.2萬億元"]
    simple = extract_figures(pd.DataFrame([{**base, "text": "建设银行贷款余额为1.2万亿元。",
                                            "text_simplified": ""}]))
    assert simple["entity"].tolist() == ["建设银行"]


# ------------------------------------------------------------------ dates (issue 12)

AS_OF_IN_CONTEXT = [
    # a results report named in the paragraph before dates the next one
    ("邮储银行的表现延续到了2025年中期业绩中。\n数据显示，邮储银行营收1794亿元。", "2025-06"),
    # a declared reporting period holds for the whole document
    ("报告期：2024年度\n一、核心财务表现\n营业收入3300亿元。", "2024"),
    # a heading's date is the date of the paragraph under it (a target's level under a heading
    # of targets has none: test_a_target_s_level_named_after_the_word_has_no_date)
    ("2. 2024年经营回顾\n营业收入增长7%。", "2024"),
    ("2. 2026年目标\n贷款增速目标7%。", None),
    # 报告期末 refers to the report named before
    ("浦发银行发布2025年半年度报告。\n资产质量改善。\n截至报告期末，不良贷款余额736亿元。",
     "2025-06"),
    # results two paragraphs after the report still are the report's
    ("浦发银行发布2025年半年度报告。\n营收增长。\n从盈利效率看，ROE达4.33%。", "2025-06"),
    # 截至上半年末 without a year: the article's year
    ("截至上半年末，该行科技贷款余额已突破千亿元。", "2025-06"),
    # a publication time stamp is no date of the figures
    ("南方都市报 2025-11-04 17:59 招商银行三季报：营收2514亿元。", "2025-09"),
]


def test_an_undated_article_lends_the_year_it_named_to_months_without_one():
    text = "4月29日，人民银行某省分行召开2025年二季度新闻发布会。\n截至3月末，全省贷款余额27.59万亿元。"
    assert rows(text, "as_of", date=None) == [("2025-03",)]


@pytest.mark.parametrize(("text", "as_of"), AS_OF_IN_CONTEXT)
def test_as_of_from_context(text, as_of):
    assert rows(text, "as_of", date=None if "17:59" in text else "2025-11-26")[-1] == (as_of,)


AS_OF_NONE = [
    # an example keeps no date from the sentences before it
    "截至2025年10月末，该行贷款余额突破800亿元。典型案例：某企业获得2亿元贷款。",
    # the end of a plan's span is no date
    "未来五年（2025-2029年）提供综合金融支持不少于500亿元。",
    # a plan two paragraphs after a results report is not the report's
    "建设银行公布2024年中期业绩。\n另有消息。\n中国银行计划未来五年提供不低于1万亿元专项综合金融支持。",
]


@pytest.mark.parametrize("text", AS_OF_NONE)
def test_no_as_of_where_the_text_gives_none(text):
    assert rows(text, "as_of")[-1] == (None,)


def test_now_ends_an_earlier_date_and_is_the_articles_day():
    text = "截至2024年末，贷款余额为17亿元，截至目前贷款余额已达19亿元。"
    assert rows(text, "as_of", date="2025-03-28") == [("2024-12",), ("2025-03-28",)]
    assert rows(text, "as_of", date=None) == [("2024-12",), (None,)]  # an undated text: no day


# ------------------------------------------------------------------ dates, round two (issue 12)
# (text, article date, the as_of of every figure in order)

AS_OF_BEYOND_THE_PARAGRAPH = [
    # a section heading's date holds for the paragraphs under it
    ("2024年经营回顾\n银行业整体稳健。\n某银行贷款余额为1万亿元。", "2025-03-01", ["2024-12"]),
    # a short opening line sets the period of the lines after it
    ("2024年上半年，\n工商银行新增贷款1.2万亿元。", "2025-09-01", ["2024-06"]),
    # a period set by an earlier paragraph of the section goes on
    ("财报数据显示，2024年上市银行科技贷款余额均超1万亿元。\n增速方面，某银行科技贷款同比增长46%。",
     None, ["2024-12", "2024-12"]),  # (a balance's growth rate: the year's end, round five)
    ("截至2025年9月末，甲银行科技贷款余额近2900亿元。\n乙银行和丙银行的科技贷款余额分别达到1976亿元和"
     "1743亿元。", "2025-11-20", ["2025-09", "2025-09", "2025-09"]),
    # a span of years: its end, and its start for the figure after 从
    ("2002-2022年，某银行的营收从80亿元增至3447.83亿元，年复合增长率约为20.70%。", "2025-03-01",
     ["2002", "2022", "2022"]),
    ("2022至2024年间，该行累计投入研发资金近10亿元。", "2025-03-01", ["2024"]),
    ("2020年末至2024年末，该行对公贷款余额从6369亿元攀升至13179亿元。", "2025-08-01",
     ["2020-12", "2024-12"]),
    # a bare year in a clause that names a half-year or quarterly report
    ("该行2025年半年报显示资产总额达4.75万亿元。", "2025-09-01", ["2025-06"]),
    ("该行2024年三季报披露贷款余额5万亿元。", "2025-01-10", ["2024-09"]),
    # the year so far, within the year
    ("今年以来，该行累计投放贷款10亿元。", "2015-08-18", ["2015"]),
    ("年内，该行绿色金融余额突破180亿元。", "2015-08-18", ["2015"]),
    # 今年 of an undated article: the latest year it named, not a year of an earlier event
    ("4月29日，某分行召开2025年二季度新闻发布会。\n2022年，该行创设某产品，截至今年3月末，"
     "累计发放贷款3247亿元。", None, ["2025-03"]),
    # a month counted up to a day of it: the day
    ("截至11月30日收盘，期货主力合约11月累计涨幅为13.24%。", "2021-12-01", ["2021-11-30"]),
    # but a dateline's day is not what a month's figures are counted to
    ("财联社10月30日电，10月全国期货市场成交额同比增长44.46%。", "2021-10-30", ["2021-10"]),
    # the same period a year before
    ("1-4月，出口交货值同比增长25.6%（去年同期为下降1.5%）。", "2021-05-20", ["2021-04", "2020-04"]),
]


@pytest.mark.parametrize(("text", "date", "as_of"), AS_OF_BEYOND_THE_PARAGRAPH)
def test_as_of_beyond_the_figure_paragraph(text, date, as_of):
    assert [value for (value,) in rows(text, "as_of", date=date)] == as_of


AS_OF_STAYS_EMPTY = [
    # a heading without a date ends the period of the section before
    "截至2024年末，某银行贷款余额为1万亿元。\n二、未来展望\n某银行贷款余额为2万亿元。",
    # an event's day is not the period of the paragraphs after it
    "11月22日，某银行举办发布会，签约授信5亿元。\n该行贷款余额为2万亿元。",
    # a share or a rate does not take the period of an earlier paragraph
    "截至2024年末，某银行贷款余额为1万亿元。\n该行科技人员占比超过51%。",
    # the horizon of a plan
    "2025-2029年，该行将提供不低于1万亿元的金融支持。",
    "三年内，该行将投放贷款100亿元。",
]


@pytest.mark.parametrize("text", AS_OF_STAYS_EMPTY)
def test_as_of_stays_empty_without_a_date_in_reach(text):
    assert rows(text, "as_of", date="2025-03-01")[-1] == (None,)


def test_change_by_then_level_is_not_a_range():
    table = figures("不良贷款率较上年末下降0.27%至1.29%。")
    assert table[["text", "qualifier", "metric_family"]].values.tolist() == [
        ["0.27%", "=", "growth"], ["1.29%", "=", "rate"]]


# ------------------------------------------------------------------ metric families

FAMILIES = [
    ("科技贷款余额", "money", "", "loan_balance"),
    ("普惠小微贷款余额", "money", "", "loan_balance"),
    ("流动资金贷款", "money", "审批了", "new_loans"),
    ("新增贷款", "money", "", "new_loans"),
    ("综合授信", "money", "", "credit_line"),
    ("授信额度", "money", "", "credit_line"),
    ("专项综合金融支持", "money", "计划未来五年提供", "commitment"),
    ("贷款支持", "money", "未来五年内将新增", "commitment"),
    ("营业收入", "money", "", "revenue"),
    ("归母净利润", "money", "", "profit"),
    ("资产总额", "money", "", "assets"),
    ("信息科技投入", "money", "", "investment"),
    ("较年初增加", "money", "", "growth"),
    ("存款规模", "money", "", "other"),
    ("同比增长", "percent", "", "growth"),
    ("增速", "percent", "", "growth"),
    ("", "percent", "同比微降", "growth"),
    ("", "percent", "总资产 +", "growth"),
    ("占比", "percent", "", "share"),
    ("营业收入", "percent", "占", "share"),
    ("不良贷款率", "percent", "", "rate"),
    ("拨备覆盖率", "percent", "", "rate"),
    ("不良贷款率", "percent", "较上年末下降0.07个百分点至", "rate"),
    ("净息差", "pp", "", "growth"),
    ("", "percent", "", "other"),
    ("企业", "count", "", "other"),
]


@pytest.mark.parametrize(("metric", "kind", "before", "family"), FAMILIES)
def test_metric_family(metric, kind, before, family):
    unit = {"money": "CNY", "percent": "%", "pp": "pp", "count": "家"}[kind]
    assert metric_family(metric, kind, unit, before) == family
    assert family in METRIC_FAMILIES


def test_every_figure_has_a_metric_family(seed_figures):
    assert seed_figures["metric_family"].isin(METRIC_FAMILIES).all()
    families = dict(zip(seed_figures["text"], seed_figures["metric_family"], strict=False))
    assert families["3,499.99亿元"] == "loan_balance"
    assert families["1万亿元"] == "commitment"
    assert families["1080万元"] == "new_loans"


# ------------------------------------------------------------------ the gold set (issue 12)

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
GOLD_FLOORS = {  # a little under the scores measured on the whole gold (README)
    "recall": 0.99, "precision": 0.99, "value": 0.99, "entity": 0.98, "bank": 0.98,
    "qualifier": 0.98, "as_of": 0.93, "metric_family": 0.85,
}
# as-of on parts of the gold: the articles never used for a rule (unseen, fresh) and each corpus
# (bank-news 0.925: round seven added a bare 万亿 of bank_0027, "连续两年增量破万亿", labelled undated,
# which the extractor dates by the report around it)
AS_OF_FLOORS = {"unseen": 0.93, "fresh": 0.86, "bank-news": 0.925, "web-news": 0.93}
# bank attribution on each split (fresh: its misses were read for the rules of issue 12's
# second round on banks, so it is no longer blind)
BANK_FLOORS = {"dev": 0.97, "holdout": 0.98, "unseen": 0.98, "fresh": 0.98, "bank-news": 0.98}


def test_gold_file_holds_labels_and_no_article_text():
    gold = load_eval().read_gold()
    assert list(gold.columns) == ["file", "figure", "occurrence", "offset", "value", "unit",
                                  "qualifier", "entity", "metric_family", "as_of", "split"]
    assert len(gold) >= 200 and gold["file"].nunique() >= 30
    assert gold["figure"].str.len().max() <= 16  # figure strings, never sentences
    assert set(gold["metric_family"]) <= set(METRIC_FAMILIES)
    assert set(gold["qualifier"]) <= {"=", "≈", ">", "≥", "<", "≤"}
    assert {"dev", "holdout"} <= set(gold["split"]) <= {"dev", "holdout", "unseen", "fresh"}
    assert gold["as_of"].str.fullmatch(r"|\d{4}(-\d{2}(-\d{2})?)?").all()


@pytest.mark.skipif(not (CORPORA / "bank-news").is_dir() or not (CORPORA / "web-news").is_dir(),
                    reason="../shared/corpora (the real articles the gold set labels) is not "
                           "beside this clone")
def test_scores_on_the_gold_set_stay_above_their_floors():
    evaluation = load_eval()
    gold = evaluation.read_gold()
    results = evaluation.scores_by_split(gold, evaluation.extract_for_gold(gold, CORPORA))
    everything = results["all"]
    below = {name: round(everything[name], 3) for name, floor in GOLD_FLOORS.items()
             if everything[name] < floor}
    assert not below, f"below the floors {GOLD_FLOORS}: {below}"
    low = {part: round(results[part]["as_of"], 3) for part, floor in AS_OF_FLOORS.items()
           if results[part]["as_of"] < floor}
    assert not low, f"as_of below the floors {AS_OF_FLOORS}: {low}"
    low = {part: round(results[part]["bank"], 3) for part, floor in BANK_FLOORS.items()
           if results[part]["bank"] < floor}
    assert not low, f"bank attribution below the floors {BANK_FLOORS}: {low}"


# ------------------------------------------------------------------ round three (issue 12)
# A company that is no bank, named in a figure's sentence, owns its figure: the bank an
# earlier sentence or the title named does not. A borrower's loan stays its lender's.
NON_BANK_SUBJECTS = [
    ("甲银行发布公告。乙市消费金融成立于2018年，注册资本10亿元。", "甲银行收购消费金融公司",
     [("10亿元", None)]),
    ("甲银行完成收购。丙山金融租赁有限公司去年实现净利润3.2亿元，同比增长12%。", None,
     [("3.2亿元", None), ("12%", None)]),
    ("农业银行发布年报。\n星河智能科技有限公司营收突破20亿元。", "农业银行2024年年报",
     [("20亿元", None)]),
    # a borrower's loan is its lender's figure
    ("农业银行支持科技企业。\n星河智能科技有限公司获得信用贷款3000万元。", "农业银行2024年年报",
     [("3000万元", "农业银行")]),
    # a company as the object of the bank's lending
    ("建设银行深化科技金融。该行为星河智能科技有限公司提供投资5亿元。", None,
     [("5亿元", "建设银行")]),
    # a bank's own subsidiary is the bank's
    ("工商银行发布年报。工银金融租赁有限公司净利润达到50亿元。", None, [("50亿元", "工商银行")]),
    # firms the bank lends to, counted, are its object, not a new subject
    ("中国农业发展银行某分行加大投放。为17家科技型企业投放贷款2.34亿元。", None,
     [("2.34亿元", "中国农业发展银行")]),
]


@pytest.mark.parametrize(("text", "title", "expected"), NON_BANK_SUBJECTS)
def test_a_company_that_is_no_bank_owns_its_figures(text, title, expected):
    assert [row for row in articles_with_title(text, title) if row[0] != "17家"] == expected


def test_a_semicolon_clause_has_its_own_subject():
    # 产业园 of the clause before the semicolon says nothing of the clause after it
    text = "某银行某分行加大投放。累放5000万元支持某产业园项目建设；累放7000万元支持某园区建设。"
    assert articles_with_title(text, "某银行某分行加大投放") == articles_with_title(
        text.replace("产业园", "园区"), "某银行某分行加大投放")


def test_a_change_after_the_article_bank_s_figure_is_the_bank_s():
    text = "重庆农商行发布年报。\n2024年公司归母净利润115亿元，同比增长5.6%。"
    assert articles_with_title(text, "重庆农商行年报点评") == [
        ("115亿元", "重庆农村商业银行"), ("5.6%", "重庆农村商业银行")]


def test_this_group_in_a_bank_s_report_is_the_bank():
    text = "一、经营情况\n本集团全年实现营业收入300亿元。"
    assert articles_with_title(text, "某某银行2024年度报告") == [("300亿元", None)]
    assert articles_with_title(text, "贵阳银行2024年度报告") == [("300亿元", "贵阳银行")]


AS_OF_ROUND_THREE = [
    # a year's revenue and profit, and their changes, dated by the year's end: the year
    ("截至2024年末，甲银行资产总额1万亿元，营业收入300亿元，同比增长8%。", "2025-04-01",
     ["2024-12", "2024", "2024"]),
    ("截至2024年末，甲银行资产总额1万亿元。\n营业收入方面，甲银行以300亿元居首，同比增长8%。",
     "2025-04-01", ["2024-12", "2024", "2024"]),
    ("截至2024年末，甲银行资产总额1万亿元，同比增长6%。", "2025-04-01", ["2024-12", "2024-12"]),
    # but a half-year's or a quarter's flow keeps its month
    ("2021年第四季度，某公司单季营收达到34.6亿元。", "2022-03-17", ["2021-12"]),
    ("截至2025年6月末，甲银行实现净利润50亿元。", "2025-08-30", ["2025-06"]),
    # a date inside quotes names a list, not the period of the next paragraph
    ("2023年上半年，某行资产总额1万亿元，入选“2023年全球银行1000强”。\n贷款余额达6000亿元。",
     "2023-08-30", ["2023-06", "2023-06"]),
    # a target due after the article's date held at no date; since round thirteen, so does a
    # target's level for its own year (the labelling brief: a target has no date)
    ("到2027年末，该行绿色贷款余额力争达到1万亿元。", "2025-06-09", [None]),
    ("2025年，该行科技贷款增速目标为15%。", "2025-03-01", [None]),
    # dates listed before 分别: one each
    ("甲银行营收在2022年和2023年分别出现-6.00%和-3.57%的下降。", "2025-03-01", ["2022", "2023"]),
    ("2022年末、2023年末和2024年末，甲银行不良率分别为1.2%、1.1%和1.0%。", "2025-03-01",
     ["2022-12", "2023-12", "2024-12"]),
    # a span whose end year leaves out its century
    ("工商银行在2015-17年累计投入2050亿元处置不良贷款。", "2018-03-01", ["2017"]),
    # 上月 before a figure: the month before the sentence's
    ("10月，企业贷款占比从上月的41.9%回落至26.5%。", "2021-11-10", ["2021-09", "2021-10"]),
]


SIGNS_AND_POINTS = [
    ("营收增速分别为-6.00%和-3.57%。", [("6.00%", -6.0, "%"), ("3.57%", -3.57, "%")]),
    ("区间为-1%至1%。", [("1%", -1.0, "%"), ("1%", 1.0, "%")]),
    # a range's dash is no minus
    ("增速为3%-5%。", [("3%", 3.0, "%"), ("5%", 5.0, "%")]),
    ("净息差较上年下降了12个BP。", [("12个BP", 0.12, "pp")]),
    # the small full stop of some Hong Kong pages is a decimal point
    ("營收372﹒86億元，增長2﹒1%。", [("372﹒86億元", 37286000000.0, "CNY"), ("2﹒1%", 2.1, "%")]),
]


@pytest.mark.parametrize(("text", "expected"), SIGNS_AND_POINTS)
def test_signs_points_and_decimal_marks(text, expected):
    assert rows(text, "text", "value", "unit") == expected


# A results round-up: each bank's paragraph, then one that names no bank and goes on about it.
PARAGRAPH_BEFORE = [
    ("农行净利增近4%\n农业银行第三季录得净利813亿元。\n前三季，实现净利润2223亿元，增长3.28%。\n"
     "建行净利增4.2%\n建设银行第三季录得净利952亿元。\n前三季，净息差为1.36%，下降16个基点。",
     [("813亿元", "农业银行"), ("2223亿元", "农业银行"), ("3.28%", "农业银行"),
      ("952亿元", "建设银行"), ("1.36%", "建设银行"), ("16个基点", "建设银行")]),
    # not the economy the article turns to
    ("甲市农业银行加大县域投放。\n2024年，乡村消费品零售额增长4.3%，快于城镇0.9个百分点。\n"
     "建设银行亦有布局。", [("4.3%", None), ("0.9个百分点", None)]),
    # not past a paragraph of two banks
    ("工商银行与建设银行同台竞技。\n前三季，实现净利润2223亿元。", [("2223亿元", None)]),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_BEFORE)
def test_a_paragraph_without_a_bank_goes_on_about_the_bank_of_the_one_before(text, expected):
    assert [row for row in entities(text) if not row[0].endswith("%") or row in expected
            or row[0] in dict(expected)] == expected


LEVELS_THAT_ARE_NO_BANK_S = [
    # a regulator's line
    ("甘肃银行拨备覆盖率134.05%，跌破150%监管红线。", [("134.05%", "甘肃银行"), ("150%", None)]),
    ("长安银行核心一级资本充足率8.23%，高于7.5%的监管底线。",
     [("8.23%", "长安银行"), ("7.5%", None)]),
    # the sector's average the bank is compared with
    ("兰州银行不良贷款率超过城商行1.76%的平均值，达1.81%。", [("1.76%", None), ("1.81%", "兰州银行")]),
    # the gap between two banks is neither's
    ("宁波银行资产规模为34703亿元，上海银行为32937亿元，二者差距拉大至1766亿元。",
     [("34703亿元", "宁波银行"), ("32937亿元", "上海银行"), ("1766亿元", None)]),
    # a ratio of the subject's to another bank's
    ("2014年末，上海农商银行资产规模仅为成都农商行的73%，到去年末已变为113%。",
     [("73%", "上海农商银行"), ("113%", "上海农商银行")]),
    # 其中 (of which) is no 其 (its): a new subject follows
    ("兴业银行发布中报。其中，5家资产规模增速超过10%的银行全部为城商行。", [("10%", None)]),
]


@pytest.mark.parametrize(("text", "expected"), LEVELS_THAT_ARE_NO_BANK_S)
def test_levels_that_are_no_bank_s(text, expected):
    found = [row for row in entities(text) if not row[0].endswith("家")]  # counts aside
    assert found == [(figure, bank if bank is None else banks_name(bank))
                     for figure, bank in expected]


def banks_name(name: str) -> str:
    """The table's name of a bank (成都农商行 -> 成都农村商业银行), or the name as written."""
    from analysis.banks import find_banks

    found = find_banks(name)
    return found[0].banks[0] if found else name


def test_a_list_of_banks_with_their_figures_in_asides():
    text = ("营收前三名为招商银行(2514.20亿元)、兴业银行(1612.34亿元)、中信银行(1565.98亿元)，"
            "浙商银行以489.31亿元排名最后。资产规模上，江苏银行(3.95万亿)、上海银行(3.23万亿)和宁波银行"
            "(3.13万亿)突破3万亿。盛京银行(157%)等5家银行低于160%。")
    assert [row for row in entities(text) if not row[0].endswith("家")] == [
        ("2514.20亿元", "招商银行"), ("1612.34亿元", "兴业银行"), ("1565.98亿元", "中信银行"),
        ("489.31亿元", "浙商银行"), ("3.95万亿", "江苏银行"), ("3.23万亿", "上海银行"),
        ("3.13万亿", "宁波银行"), ("3万亿", None), ("157%", "盛京银行"), ("160%", None)]


def test_points_of_a_one_line_summary_each_have_their_own_subject():
    text = ("核心业绩 - 42家上市银行2025年上半年营业收入超2.9万亿元 [1] - 工商银行资产规模达52万亿元 [2] "
            "- 上市银行贷款余额约180万亿元，较上年末增长约6% [5]")
    assert [row for row in rows(text, "text", "entity", "as_of") if row[0] != "42家"] == [
        ("2.9万亿元", None, "2025-06"), ("52万亿元", "工商银行", "2025-06"),
        ("180万亿元", None, "2025-06"), ("6%", None, "2025-06")]


DATES_ROUND_THREE_B = [
    # quarters as Hong Kong papers write them
    ("2025年前三季，淨利潤2,718.82億元。", "2025-10-30", ["2025-09"]),
    ("農業銀行第三季錄得淨利813.49億元。", "2025-10-30", ["2025-09"]),
    # ... and with an Arabic numeral, as Taiwan's papers write them
    ("台企銀今年前3季稅後純益新台幣60.14億元，超過去年全年的50.4億元。", "2018-11-09", ["2018-09", "2017"]),
    # a bank's rate is a figure of the period set by the paragraph before
    ("2025年前三季，建设银行净利润2584亿元。\n净息差为1.36%，较上年同期下降16个基点。", "2025-10-30",
     ["2025-09", "2025-09", "2025-09"]),
    # a level at the date a change is measured from; the money change is the year's flow
    ("截至2017年底，该行资产9087.78亿元，较上年末的8031.57亿元增加1056亿元。", "2018-04-01",
     ["2017-12", "2016-12", "2017"]),
]


def test_a_weight_is_no_money():
    assert rows("累计发放贷款3695亿元，支持收储粮油3455亿斤。", "text") == [("3695亿元",)]


ROUND_THREE_C = [
    # a rural bank named by its own name, not a place (and the place before it left out)
    ("近年来，长治漳泽农商银行加大投放。截至目前，该行各项贷款较年初增加9.60亿元。",
     [("9.60亿元", "漳泽农村商业银行")]),
    ("四川仁寿民富村镇银行累计发放贷款45.88亿元。", [("45.88亿元", "仁寿民富村镇银行")]),
    # common words before the suffix name no bank, nor does the tail of a longer word
    ("当地农商银行贷款余额增长12%。", [("12%", None)]),
    ("某研究员农商行贷款余额增长12%。", [("12%", None)]),
    # nor a conjunction ("老少边穷且村镇银行规划尚未覆盖的省份")
    ("在老少边穷且村镇银行尚未覆盖的省份，贷款余额增长12%。", [("12%", None)]),
    # two lists after 分别, from one level to another: each bank its own two
    ("建设银行、工商银行的净息差分别从2024年末的1.51%、1.42%降至2025年上半年的1.4%、1.3%。",
     [("1.51%", "建设银行"), ("1.42%", "工商银行"), ("1.4%", "建设银行"), ("1.3%", "工商银行")]),
]


@pytest.mark.parametrize(("text", "expected"), ROUND_THREE_C)
def test_banks_round_three_c(text, expected):
    assert entities(text, date="2025-09-01") == expected


DATES_ROUND_THREE_C = [
    # 依次 is 分别
    ("2022年、2023年和2024年末，增速依次为30.9%、24.9%和14.7%。", "2025-05-01",
     ["2022-12", "2023-12", "2024-12"]),
    # the bases a change is measured from name no date of the figures; an undated text that
    # compares with 2022年末 is written after it (the written convention of round seven; the
    # round-three reading left it undated)
    ("一季度末，工业贷款余额3571亿元，分别比2021年末、2022年末高7.9个、3.1个百分点。", None,
     ["2023-03", "2023-03", "2023-03"]),
    # a level at a base written as a date
    ("2025年上半年净息差1.7%，较2024年末的1.87%下降0.17个百分点。", "2025-09-01",
     ["2025-06", "2024-12", "2025-06"]),
    # a space between the number and 年
    ("截至2024 年末，上市银行绿色信贷余额突破 27 万亿元。", "2025-05-01", ["2024-12"]),
]


POINTS_AND_TRILLIONS = [
    # the first point's 个 waits for the unit of the last
    ("分别高7.9个、3.1个百分点。", [("7.9个", 7.9, "pp"), ("3.1个百分点", 3.1, "pp")]),
    ("利率分别低24个和46个基点。", [("24个", 0.24, "pp"), ("46个基点", 0.46, "pp")]),
    ("支持3个、5个项目。", []),
    # 兆 before a currency is a trillion (Taiwan); before 瓦 it is no money
    ("貸款餘額達3.63兆元人民幣。", [("3.63兆元人民幣", 3.63e12, "CNY")]),
    ("装机容量100兆瓦。", []),
]


@pytest.mark.parametrize(("text", "expected"), POINTS_AND_TRILLIONS)
def test_points_listed_and_trillions(text, expected):
    assert [row for row in rows(text, "text", "value", "unit") if row[2] in ("pp", "CNY")] == \
        expected


DATES_ROUND_THREE_D = [
    # quarters as analysts write them, and pct for percentage points
    ("25Q3末，某银行存款同比增长10.8%，增速较2Q末变动+0.2pct。", "2025-11-01",
     ["2025-09", "2025-09"]),
    ("3Q贷款增量中，对公贷款占比接近94%。", "2025-11-01", ["2025-09"]),
    # a page's stamp in Chinese (date and time) is when it was published; 首季 is the first quarter
    ("2021年4月29日 19:18 中銀香港首季提取減值準備前之淨經營收入96.5億元。", None, ["2021-03"]),
    # the level of the half-year a change is measured from
    ("2025年前三季度营收同比增速为8.3%，较上半年的7.9%有所加速。", "2025-11-01",
     ["2025-09", "2025-06"]),
    # the end of a year's report period is the year's end; its period is the year
    ("某银行发布2024年年度报告。\n截至报告期末，该行不良贷款率1.81%。报告期内，营收100亿元。",
     "2025-04-01", ["2024-12", "2024"]),
]


def test_pct_is_a_percentage_point_and_3q_no_count():
    assert rows("增速较上季末变动+0.2pct。", "text", "value", "unit") == [("0.2pct", 0.2, "pp")]
    assert rows("支持3Q项目建设。", "text") == []


ROUND_THREE_E = [
    # a page's quote after a share's name: price and change are no figures, the move is the market's
    ("郑州银行(5.440, 0.04, 0.74%)净利润负增长，上海银行(12.670, -0.30, -2.43%)营收增长。",
     [("0.74%", 0.74, None, "market"), ("2.43%", -2.43, None, "market")]),
    # 不敌 (no match for): the bank compared with owns nothing
    ("宁波银行虽然资产规模不敌南京银行，但是营业收入达到289.3亿元。",
     [("289.3亿元", 289.3e8, "宁波银行", "bank")]),
    # 银行业绩 is a bank's results, 银行业 the sector
    ("常熟银行业绩快报显示，该行一季度营收29.71亿元。", [("29.71亿元", 29.71e8, "常熟银行", "bank")]),
    # names run together are a list
    ("为贵阳银行兰州银行郑州银行，其营收同比分别为-1.09%、-2.02%、-5.78%。",
     [("1.09%", -1.09, "贵阳银行", "bank"), ("2.02%", -2.02, "兰州银行", "bank"),
      ("5.78%", -5.78, "郑州银行", "bank")]),
    # a list's figures in asides after 分别为 are each bank's own
    ("南京银行、杭州银行营收较好。另有2家营收超过500亿元，分别为北京银行(699.17亿元)、宁波银行(666.31亿元)。",
     [("500亿元", 500e8, None, "other"), ("699.17亿元", 699.17e8, "北京银行", "bank"),
      ("666.31亿元", 666.31e8, "宁波银行", "bank")]),
    # shareholders' stakes are not the bank's
    ("重庆银行发布年报。\n前五大股东合计持股74.51%。", [("74.51%", 74.51, None, "other")]),
]


@pytest.mark.parametrize(("text", "expected"), ROUND_THREE_E)
def test_banks_round_three_e(text, expected):
    found = rows(text, "text", "value", "entity", "scope", date="2025-05-01")
    assert [row for row in found if not row[0].endswith("家")] == [
        (figure, pytest.approx(value), bank, scope) for figure, value, bank, scope in expected]


DATES_ROUND_THREE_E = [
    # 与2023年相比: a base, not the figures' date
    ("2024年上市城商行规模扩大。与2023年相比，贷款增速超过10%的城商行有16家。", "2025-05-01",
     ["2024-12"]),  # (a loan book's growth rate stands at the year's end: round five)
    # a balance in a year past stands at that year's end; a flow is the year's
    ("2024年，甲银行贷款余额1万亿元，营收300亿元。", "2025-05-01", ["2024-12", "2024"]),
    # but not in the year the article is written
    ("2025年，甲银行贷款余额1万亿元。", "2025-05-01", ["2025"]),
]


DATES_ROUND_THREE_F = [
    # an undated article: a half-year report without its year is that of the 上半年 it names
    ("8月29日，上市银行半年报全部披露完毕，合计实现营业收入2.92万亿元。\n业绩分化\n"
     "2025年上半年，银行业整体稳健。", None, ["2025-06"]),
    # but not a year named for something else
    ("8月29日，上市银行半年报全部披露完毕，合计实现营业收入2.92万亿元。\n2015-2016年发行的债券到期。",
     None, [None]),
    # 较上年同期、上年末: both bases
    ("10月末，存款增速为6.2%，较上年同期、上年末分别高2.5和2.1个百分点。", "2021-11-20",
     ["2021-10", "2021-10", "2021-10"]),
]


DATES_ROUND_THREE_F.extend([
    # a year written without 年 before its period, as Hong Kong papers do
    ("中銀香港公布2018全年業績，盈利達320億元，按年增2.7%。", None, ["2018", "2018"]),
    ("2019上半年营收100亿元。", None, ["2019-06"]),
    # but not a number that only looks like a year
    ("编号2018的项目贷款3亿元。", "2019-01-01", [None]),
])


def test_a_share_s_move_in_a_quote_has_no_period():
    text = "截至2024年末，郑州银行(5.440, 0.04, 0.74%)资产规模6000亿元。"
    assert rows(text, "text", "as_of", "scope", date="2025-03-01") == [
        ("0.74%", None, "market"), ("6000亿元", "2024-12", "bank")]


def test_a_report_the_title_names_dates_the_report_period_words():
    text = "一、年度概况\n报告期末，本社各项存款余额1096292.98万元，较年初上升137469.3万元。"
    report = "金沙县农村信用合作联社2024年度环境信息披露报告"
    # (the balance at the year's end, its money change over the year the year's flow)
    assert [row.as_of for row in extract_from_text_rows(text, report)] == ["2024-12", "2024"]
    assert [row.as_of for row in extract_from_text_rows(text, "金沙县农村信用合作联社")] == [None, None]


MONTH_BODY = "5月末，某省人民币贷款余额8.5万亿元，同比增长9.1%。\n前五个月人民币贷款增加4200亿元。"
QUARTER_BODY = "三季度末，某市普惠小微贷款余额3200亿元，同比增长21%。"


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a month's or a quarter's statistics named in the title date a body that names no year
    ("某省：2022年5月金融统计数据报告", MONTH_BODY, ["2022-05", "2022-05", "2022-05"]),
    ("2021年第三季度某市金融机构贷款投向统计报告", QUARTER_BODY, ["2021-09", "2021-09"]),
    # not a title without the period
    ("某省金融统计数据", MONTH_BODY, [None, None, None]),
])
def test_a_statistics_report_the_title_names_dates_an_undated_body(title, text, expected):
    from analysis.figures import extract_from_text

    assert [figure.as_of for figure in extract_from_text(text, None, title=title)] == expected


def extract_from_text_rows(text: str, title: str) -> list:
    from analysis.figures import extract_from_text

    return extract_from_text(text, "2025-04-30", title=title)


def test_a_kind_of_loan_named_after_an_industry_is_no_new_subject():
    text = ("此外，中国进出口银行优化外贸金融产品。\n截至2021年12月末，外贸产业专项转贷款余额333亿元。\n"
            "建设银行亦有布局。")
    assert entities(text)[0] == ("333亿元", "中国进出口银行")


COMPARED_AND_SPACED = [
    # the bank after 比/较 and a few words is what the subject is compared with
    ("北京银行上半年营业收入362.18亿元 比宁波银行少近10亿元 但净利润多1.2亿元。",
     [("362.18亿元", "北京银行"), ("10亿元", "北京银行"), ("1.2亿元", "北京银行")]),
    ("工商银行绿色信贷余额为3.98万亿元，较排在第二位的建设银行高45%。绿色贷款占比为17%。",
     [("3.98万亿元", "工商银行"), ("45%", "工商银行"), ("17%", "工商银行")]),
    # 较高 is "relatively high", no comparison
    ("增速较高的还有成都银行(19.43%)、南京银行(17.76%)。",
     [("19.43%", "成都银行"), ("17.76%", "南京银行")]),
    # names apart by spaces are a list
    ("长沙银行 南京银行 江苏银行净息差较一季度分别上升11个基点 68个基点 28个基点。",
     [("11个基点", "长沙银行"), ("68个基点", "南京银行"), ("28个基点", "江苏银行")]),
    ("重庆银行 天津银行 哈尔滨银行总资产均超9000亿元。", [("9000亿元", None)]),
]


@pytest.mark.parametrize(("text", "expected"), COMPARED_AND_SPACED)
def test_compared_banks_and_lists_apart_by_spaces(text, expected):
    assert entities(text) == expected


@pytest.mark.parametrize(("text", "date", "as_of"), AS_OF_ROUND_THREE + DATES_ROUND_THREE_B
                         + DATES_ROUND_THREE_D + DATES_ROUND_THREE_F)
def test_as_of_round_three(text, date, as_of):
    assert [value for (value,) in rows(text, "as_of", date=date)] == as_of


@pytest.mark.parametrize(("text", "date", "as_of"), DATES_ROUND_THREE_C + DATES_ROUND_THREE_E)
def test_as_of_round_three_counts_aside(text, date, as_of):
    found = [value for (text_, value) in rows(text, "text", "as_of", date=date)
             if not text_.endswith("家")]  # counts (16家) are no figures of the gold's kinds
    assert found == as_of


HONG_KONG_DOLLARS = [
    # a Hong Kong bank's 元 are Hong Kong dollars; a mainland bank's, yuan; 人民币 stays yuan
    ("中銀香港公布2018全年業績，盈利達320億元。", [("320億元", "HKD")]),
    ("工商银行盈利3000亿元。", [("3000亿元", "CNY")]),
    ("中银香港盈利人民币30亿元。", [("30亿元", "CNY")]),
]


@pytest.mark.parametrize(("text", "expected"), HONG_KONG_DOLLARS)
def test_a_hong_kong_bank_s_amounts_are_in_its_dollars(text, expected):
    assert rows(text, "text", "unit") == expected


# ------------------------------------------------------------------ round four (issue 12)
LISTS_ROUND_FOUR = [
    # the big banks by their initials, then one bank by name: one figure each
    ("今年上半年，工、农、中、建、交、邮储银行净利润分别为1500亿元、1200亿元、1100亿元、"
     "1400亿元、420亿元和380亿元。",
     [("1500亿元", "工商银行"), ("1200亿元", "农业银行"), ("1100亿元", "中国银行"),
      ("1400亿元", "建设银行"), ("420亿元", "交通银行"), ("380亿元", "邮储银行")]),
    # the list is the first run after 分别; a total after it is the banks' together
    ("贵阳银行、兰州银行营收分别为30亿元、20亿元，合计50亿元。",
     [("30亿元", "贵阳银行"), ("20亿元", "兰州银行"), ("50亿元", None)]),
    # an excerpt cut inside the list: the values it still has are known
    ("其中，招商银行、中信银行和兴业银行的投入分别为133亿元、109亿元和83",
     [("133亿元", "招商银行"), ("109亿元", "中信银行")]),
    # 同比 compares with a year before, not with the bank named after it
    ("上半年净利同比下降的有贵阳银行(-2.29%)、郑州银行(-19.14%)。",
     [("2.29%", "贵阳银行"), ("19.14%", "郑州银行")]),
    ("净利润环比增长最快的是宁波银行，增幅为8%。", [("8%", "宁波银行")]),
]


@pytest.mark.parametrize(("text", "expected"), LISTS_ROUND_FOUR)
def test_lists_round_four(text, expected):
    assert entities(text) == expected


def test_a_list_not_cut_by_the_text_s_end_stays_the_banks_together():
    text = "其中，招商银行、中信银行和兴业银行的投入分别为133亿元、109亿元。"
    assert entities(text) == [("133亿元", None), ("109亿元", None)]


def test_and_below_and_above_are_part_of_the_figure():
    assert rows("单户授信总额1000万元及以下的贷款余额13.7万亿元，500万元及以上的有3万亿元。",
                "text", "qualifier") == [("1000万元及以下", "≤"), ("13.7万亿元", "="),
                                         ("500万元及以上", "≥"), ("3万亿元", "=")]


BANKS_ROUND_FOUR = [
    # a list of banks compared with is compared as a whole, and not what the next sentence
    # goes on about
    ("截至2016年末，邮储银行资产规模达8.27万亿元，仅次于工、农、中、建，居第五。"
     "各项存款余额7.29万亿元。", [("8.27万亿元", "邮储银行"), ("7.29万亿元", "邮储银行")]),
    # a figure measured against the city's banks stays the bank's
    ("十堰农商银行贷款增幅14.59%，高出全市平均水平3.06个百分点；净投放76.67亿元，"
     "占全市同业的38.65%。",
     [("14.59%", "十堰农村商业银行"), ("3.06个百分点", "十堰农村商业银行"),
      ("76.67亿元", "十堰农村商业银行"), ("38.65%", "十堰农村商业银行")]),
    # but a subject of its own clause takes the figure
    ("十堰农商银行贷款增幅14.59%；全市同业贷款增幅为11.5%。",
     [("14.59%", "十堰农村商业银行"), ("11.5%", None)]),
    # 该行 is the lender named before, not the central bank whose policy was cited on the way;
    # the next sentence, with no subject of its own, goes on about the same bank
    ("工商银行武汉分行遵循人行监管政策，加大制造业贷款投放。截至8月末，该行制造业贷款占比29%。"
     "其中，中长期贷款占比达79%。", [("29%", "工商银行"), ("79%", "工商银行")]),
    # village banks as a class are the sector, not the bank an earlier sentence named
    ("农业银行发起设立村镇银行。截至9月末，村镇银行各项贷款余额1.19万亿元。",
     [("1.19万亿元", None)]),
]


PAIRED_LISTS = [
    # a list of banks, then as many figures of one kind without 分别: one each, in order
    ("中信银行与浦发银行也向第一梯队靠拢，环比增长3.42%与1.94%。",
     [("3.42%", "中信银行"), ("1.94%", "浦发银行")]),
    ("工商银行总资产52.81万亿元，农业银行、建设银行则以人民币48.14万亿元、人民币45.37万亿元位列第二、"
     "第三。", [("52.81万亿元", "工商银行"), ("48.14万亿元", "农业银行"), ("45.37万亿元", "建设银行")]),
    ("招商银行、兴业银行营收为30亿元和20亿元，增速为5%、6%。",
     [("30亿元", "招商银行"), ("20亿元", "兴业银行"), ("5%", "招商银行"), ("6%", "兴业银行")]),
    # not when they own them together, or the counts differ
    ("招商银行和兴业银行合计投放100亿元、200亿元。", [("100亿元", None), ("200亿元", None)]),
    ("工商银行、建设银行贷款投放1000亿元，占比30%。", [("1000亿元", None), ("30%", None)]),
]


@pytest.mark.parametrize(("text", "expected"), PAIRED_LISTS)
def test_paired_lists_without_respectively(text, expected):
    assert entities(text) == expected


def test_a_title_made_of_the_text_s_opening_words_names_no_bank():
    text = "记者 某某 12月24日，中国银行业协会发布报告。截至9月末，贷款余额1.19万亿元。"
    assert articles_with_title(text, text[:16] + "…") == [("1.19万亿元", None)]
    assert articles_with_title(text, "中国银行发布报告") == [("1.19万亿元", "中国银行")]


DATES_ROUND_FOUR = [
    # 年内 after a day of the same year: up to that day
    ("今年截至12月18日，商业银行年内合计发行二永债1.7万亿元。其中永续债约8218亿元。",
     "2025-12-20", ["2025-12-18", "2025-12-18"]),
    # 目前 ends the period only for figures of its own sentence, which take the article's day
    ("截至2016年末，该行资产8.27万亿元，目前是第五大银行。存款余额7.29万亿元。", "2017-03-28",
     ["2016-12", "2016-12"]),
    ("截至2016年末，该行资产8.27万亿元。目前，存款余额7.29万亿元。", "2017-03-28",
     ["2016-12", "2017-03-28"]),
    # dates typed with spaces
    ("截至 6 月末，某农商银行累计发放涉农贷款 85.15 亿元。", "2025-07-20", ["2025-06"]),
    ("2025 年 6 月 30 日，某农商银行发放贷款1亿元。", "2025-07-20", ["2025-06-30"]),
    # a level measured from a quarter's end
    ("2025年上半年，农商行营收平均增速0.93%，较一季度的0.21%回升。", "2025-09-01",
     ["2025-06", "2025-03"]),
    ("2024年前三季度，某银行净息差1.5%，较第二季度末的1.6%下降。", "2024-11-01",
     ["2024-09", "2024-06"]),
]


def test_not_exceeding_is_at_most():
    assert rows("其余农商行营收均未超过30亿元，增速均未超5%，没有超过6%。", "text", "qualifier") == [
        ("30亿元", "≤"), ("5%", "≤"), ("6%", "≤")]


HONG_KONG_WRITING = [
    # 億 and 萬 written together are one amount; cents (仙), points (點子) and rates in 厘
    ("中銀香港去年純利270億5400萬元，末期息91仙，淨息差1.36厘，按年升27點子。",
     [("270億5400萬元", 27_054_000_000.0, "HKD"), ("91仙", 0.91, "HKD"), ("1.36厘", 1.36, "%"),
      ("27點子", 0.27, "pp")]),
    ("某银行发放贷款3亿5000万元。", [("3亿5000万元", 350_000_000.0, "CNY")]),
    # the rate named a few words before its change (按年收窄22個基點至)
    ("淨息差按年收窄22個基點至1.88厘。", [("22個基點", 0.22, "pp"), ("1.88厘", 1.88, "%")]),
    # 厘 as a length or outside a rate, 仙 in a name: no figures
    ("八仙过海，纸长5厘米，每股作价3厘。", []),
]


@pytest.mark.parametrize(("text", "expected"), HONG_KONG_WRITING)
def test_hong_kong_writing(text, expected):
    assert rows(text, "text", "value", "unit") == expected


def test_a_hong_kong_page_s_day_first_stamp_dates_its_figures():
    text = "中銀香港去年多賺17.8% 30/3/2023 16:56 中銀香港公布，去年純利270億元。"
    assert rows(text, "as_of", date=None) == [("2022",), ("2022",)]
    assert rows(text.replace("30/3/2023", "2023/3/30"), "as_of", date=None) == [
        ("2022",), ("2022",)]


DATES_ROUND_FOUR_B = [
    # a quarter's end written 一季末
    ("2022年一季末总资产2.22万亿元。二季末贷款余额1万亿元。", "2022-08-01", ["2022-03", "2022-06"]),
    # the same period of a year named
    ("2025年前三季度，某银行净息差为1.68%，较2024年同期的1.89%下降。", "2025-11-01",
     ["2025-09", "2024-09"]),
]


def test_a_qualifier_after_a_space_is_the_figure_s():
    assert rows("常熟银行净息差保持在 2% 以上。", "text", "qualifier") == [("2% 以上", "≥")]


DATES_ROUND_FOUR_C = [
    # a bond's tranche (2020年第一期) is a name: the day of the issue dates the amount
    ("3月18日，中信银行成功发行2020年第一期3年期300亿元小微企业专项金融债券。", "2020-03-20",
     ["2020-03-18"]),
    # a level a bank means to reach (要, 计划) by a date after the article's: no date yet
    ("董事长表示，到2025年底，该行贷款规模要突破1000亿元。", "2023-09-03", [None]),
    # in an undated article, after the latest year it named before
    ("在2023年的论坛上，董事长谈及专精特新企业。\n他表示，到2025年底，贷款规模要突破1000亿元。",
     None, [None]),
    ("在2023年的论坛上，董事长谈及专精特新企业。\n他表示，到2023年底，贷款规模已突破1000亿元。",
     None, ["2023-12"]),
]


DATES_ROUND_FOUR_D = [
    # 与上年末持平: a base, not a date for what follows
    ("截至2024年6月末，某银行不良贷款率为0.97%，与上年末持平；拨备覆盖率为372.42%。",
     "2024-08-30", ["2024-06", "2024-06"]),
    # 第1季度 written with a digit
    ("2025年第1季度，某银行发放碳减排贷款15.82亿元。", "2025-06-01", ["2025-03"]),
    # a quarter's level right after 较, and the list that goes with it
    ("2025年上半年，营收增速1.0%、净利增速0.8%，较一季度-1.7%和-1.2%双双转正。", "2025-09-01",
     ["2025-06", "2025-06", "2025-03", "2025-03"]),
    # a document's years (《…(2024—2027年)》) are no year an undated article was written in
    ("近期，《某市绿色低碳转型行动方案(2024—2027年)》正式发布。\n截至今年6月末，某银行绿色信贷余额"
     "5953.18亿元。", None, [None]),
]


def test_net_profit_written_short_makes_a_bare_amount_money():
    assert rows("上市股份银行半年净利2781亿，同比增0.3%。", "text", "unit", "metric_family") == [
        ("2781亿", "CNY", "profit"), ("0.3%", "%", "growth")]


BANKS_ROUND_FOUR_B = [
    # a ranking names the bank whose figure it is (最高是B的: no ratio to B)
    ("农业银行发布年报。拨备覆盖率方面，最高是邮储银行的389.45%，最低是交通银行的171.77%。",
     [("389.45%", "邮储银行"), ("171.77%", "交通银行")]),
    # 分别 in a sentence that points back (他们) to the list of the sentence before
    ("农业银行和建设银行分列二三位。截至2021年底，他们的贷款余额分别为1.98万亿元和1.96万亿元。",
     [("1.98万亿元", "农业银行"), ("1.96万亿元", "建设银行")]),
    # 唯一一家 is no count of banks: the sentence goes on about the bank before
    ("工商银行一枝独秀，贷款余额2.48万亿元。是国内唯一一家绿色贷款超过2万亿的银行。",
     [("2.48万亿元", "工商银行"), ("2万亿", "工商银行")]),
    # the central bank as the standard of a figure (人行口径) is no subject
    ("截至6月末，兴业银行盐城分行人行口径绿色贷款余额达到96.48亿元。", [("96.48亿元", "兴业银行")]),
    # sentences after one about the sector go on about the sector
    ("工商银行广东分行支持制造业。\n辖区银行业总资产22.19万亿元。各项贷款余额15.24万亿元。"
     "该行贷款余额1万亿元。",
     [("22.19万亿元", None), ("15.24万亿元", None), ("1万亿元", "工商银行")]),
    # in an article about one bank, a figure whose clause names another subject is not the bank's
    ("“民营经济为全省贡献了超50%的GDP。”工商银行山东省分行表示，民营贷款余额超过2800亿元。",
     [("50%", None), ("2800亿元", "工商银行")]),
]


DATES_ROUND_FOUR_E = [
    # a page's stamp with dots, day first
    ("06.07.2016  13:45 记者获悉，截至5月末，该行贷款余额528亿元。今年1月至6月，累计融资603亿元。",
     None, ["2016-05", "2016-06"]),
    # 相较于年初 before a qualifier is the base of the change, not the date of the level
    ("截至6月末，工商银行绿色贷款余额相较于年初突破3万亿元，达到3.5万亿元。", "2022-08-01",
     ["2022-06", "2022-06"]),
    # a span of years before 分别: each year in turn; a balance of each at its end
    ("2020年-2024年，该行营收增速分别为33.69%、35.76%、31.03%、11.3%和3.13%。", "2025-08-01",
     ["2020", "2021", "2022", "2023", "2024"]),
    ("2022年-2023年，某银行的企业贷款余额分别为1420.56亿元、1823.7亿元。", "2025-08-01",
     ["2022-12", "2023-12"]),
    # the first months of a year (前七个月): to the end of the last of them
    ("今年前七个月，交行在长沙地区信贷投放超过360亿元。前8个月新增贷款272亿元。", "2021-08-20",
     ["2021-07", "2021-08"]),
]


BANKS_ROUND_FOUR_C = [
    # a bank whose level is compared owns the figure right after its name; after a gap word
    # the figure is the gap, the subject's
    ("江苏银行资产规模同比增速26.99%，显著高于北京银行12.53%的增速。",
     [("26.99%", "江苏银行"), ("12.53%", "北京银行")]),
    ("江苏银行净息差1.78%，较北京银行1.31%高出0.47个百分点。",
     [("1.78%", "江苏银行"), ("1.31%", "北京银行"), ("0.47个百分点", "江苏银行")]),
    ("从2020年末落后北京银行0.56万亿元，到如今反超0.04万亿元，江苏银行实现了逆袭。",
     [("0.56万亿元", "江苏银行"), ("0.04万亿元", "江苏银行")]),
    # a list and its figures within one clause: the next clause's bank is no member
    ("农业银行、建设银行新进入2万亿元俱乐部，贷款余额增至2.37万亿元、2.41万亿元；工商银行则突破"
     "3万亿元。", [("2万亿元", None), ("2.37万亿元", "农业银行"), ("2.41万亿元", "建设银行"),
                  ("3万亿元", "工商银行")]),
    # two branches leading a syndicate together
    ("由进出口银行陕西省分行与中国建设银行陕西省分行联合牵头组建的银团贷款140亿元签约。",
     [("140亿元", None)]),
    # a project's own figures are no bank's
    ("建设银行支持中航锂电项目。项目总投资100亿元，该行提供贷款50亿元。",
     [("100亿元", None), ("50亿元", "建设银行")]),
]


DATES_ROUND_FOUR_F = [
    # two lists after 分别 in one sentence, each to the dates before them
    ("据披露，2016年末、2017年末及2018年末，某银行的资本充足率分别为13.34%、13.66%和14.08%，"
     "一级资本充足率分别为10.23%、10.48%和10.88%。", "2019-07-25",
     ["2016-12", "2017-12", "2018-12", "2016-12", "2017-12", "2018-12"]),
    # a span of year ends before 分别: each year's end
    ("2020年末至2024年末，江苏银行资产总额增速分别为13.21%、12.02%、13.80%、14.20%、16.12%。",
     "2025-09-01", ["2020-12", "2021-12", "2022-12", "2023-12", "2024-12"]),
    # 由…的: the level a change starts from, not the date of what it reaches
    ("兴业银行2024年末绿色融资余额由2021年末的1.39万亿元增至2.19万亿元。", "2025-05-01",
     ["2021-12", "2024-12"]),
    # ratios over the year (净息差, ROA) and flows of the whole year are the year's; a bad-loan
    # ratio is a level at its end
    ("截至2017年末，某银行资产总额19.47万亿元。净息差1.84%，平均总资产回报率0.98%，不良贷款率"
     "1.45%。全年共化解不良资产1344亿元。", "2018-03-30",
     ["2017-12", "2017", "2017", "2017-12", "2017"]),
    # 今日: the article's day; a page stamp with a space after the year
    ("从国家开发银行获悉，该行今日发行60亿元绿色金融债券。", "2023-09-25", ["2023-09-25"]),
    ("商业品牌 2024 10-04 22:30:33 分享记者获悉，今年前8个月，交行发放制造业贷款超8000亿元。",
     None, ["2024-08"]),
]


BANKS_ROUND_FOUR_D = [
    # a numbered heading and the sentence under it name one bank, no list
    ("2. 建设银行\n建设银行2017年实现净利润2475.28亿元，同比增长4.4%。",
     [("2475.28亿元", "建设银行"), ("4.4%", "建设银行")]),
    # 除…外: the bank left out of the list the sentence points back to
    ("江苏银行、上海银行、宁波银行、南京银行存款总额分别为16586亿元、15988亿元、13103亿元、12380亿元。"
     "除南京银行外，这三家银行的贷款总额分别为15561亿元、13045亿元、10460亿元。",
     [("16586亿元", "江苏银行"), ("15988亿元", "上海银行"), ("13103亿元", "宁波银行"),
      ("12380亿元", "南京银行"), ("15561亿元", "江苏银行"), ("13045亿元", "上海银行"),
      ("10460亿元", "宁波银行")]),
]


@pytest.mark.parametrize(("text", "date", "as_of"), DATES_ROUND_FOUR + DATES_ROUND_FOUR_B
                         + DATES_ROUND_FOUR_C + DATES_ROUND_FOUR_D + DATES_ROUND_FOUR_E
                         + DATES_ROUND_FOUR_F)
def test_as_of_round_four(text, date, as_of):
    assert [value for (value,) in rows(text, "as_of", date=date)] == as_of


BANKS_ROUND_FOUR_E = [
    # a bank followed (紧随B之后) is no member of the list that 分别 distributes to
    ("招行、农行、工行等紧随建行之后，信用卡贷款余额分别达到9478亿、8588亿、7753亿元。",
     [("9478亿", "招商银行"), ("8588亿", "农业银行"), ("7753亿元", "工商银行")]),
    # the central bank's statistics (本外币) and a regulator's are no bank's
    ("农业银行发布数据。截至一季度末，本外币涉农贷款余额53.04万亿元，同比增长16.2%。",
     [("53.04万亿元", None), ("16.2%", None)]),
    ("中国银行发布年报。据银监会披露，上半年新增各项贷款8.8万亿元。", [("8.8万亿元", None)]),
    # a verb before 县农商行 is no rural bank's name; a one-character county is (岷县)
    ("邓老板收到县农商行60万元的贷款。岷县农商银行累计发放贷款3亿元。",
     [("60万元", None), ("3亿元", "岷县农村商业银行")]),
]


@pytest.mark.parametrize(("text", "expected"), BANKS_ROUND_FOUR + BANKS_ROUND_FOUR_B
                         + BANKS_ROUND_FOUR_C + BANKS_ROUND_FOUR_D + BANKS_ROUND_FOUR_E)
def test_banks_round_four(text, expected):
    assert entities(text) == expected


# Round five: a level at a point in time of a year past stands at the year's end, a flow or a
# ratio over the year is the year's (tests/data/gold/README.md, "Round five").
DATES_ROUND_FIVE = [
    # ratios of balances and their changes in points
    ("2019年，甲银行不良贷款率较上年末下降0.09个百分点至1.43%，拨备覆盖率199.32%。", "2020-04-01",
     ["2019-12", "2019-12", "2019-12"]),
    # a balance's growth rate, not a flow's; a margin is the year's
    ("2019年，甲银行总资产同比增长8.99%，营业收入同比增长7%，净息差2.1%。", "2020-04-01",
     ["2019-12", "2019", "2019"]),
    ("2019年，甲银行个人消费贷款占贷款总额的2.04%，新增贷款同比增长12%。", "2020-04-01",
     ["2019-12", "2019"]),
    # the measure written after the figure (1.87%的净息差), the amount lent (贷款投放)
    ("2019年，甲银行凭借1.87%的净息差，贷款余额同比增长9%。", "2020-04-01", ["2019", "2019-12"]),
    ("2024年，甲银行累计发放贷款240亿元，贷款投放同比增长64.7%。", "2025-03-01", ["2024", "2024"]),
    # no measure in its sentence: the last its paragraph named
    ("2024年，上市城商行贷款平均增速为9.63%。其中，甲银行增速最高(18.72%)。", "2025-04-01",
     ["2024-12", "2024-12"]),
    # the article's own year is not over; an undated article's years are past
    ("2024年，甲银行不良贷款率1.2%。", "2024-08-01", ["2024"]),
    ("2018年，甲银行资本充足率为14.2%。", None, ["2018-12"]),
    # credit pledged for later is a plan: no date, neither its announcement's nor its horizon's
    ("2024年1月，甲银行宣布未来五年将向人工智能产业提供不少于1万亿元支持。", "2024-01-20", [None]),
    ("2023年，甲银行计划投放涉农贷款8亿元。", "2023-03-01", [None]),
    ("2020年至2023年，乙分行将向顺德提供不少于1000亿元的意向性授信。", "2020-05-01", [None]),
    # but not a city under separate planning (计划单列市), nor 将近
    ("2022年，甲银行向计划单列市分行新增贷款50亿元，累计发放贷款将近100亿元。", "2023-03-01",
     ["2022", "2022"]),
    # 净利 is a flow; "从2024年同期的" the same period a year before
    ("2024年，甲银行贷款余额稳步增长，净利增速超20%。", "2025-04-01", ["2024"]),
    ("2025年前三季度，甲银行利息收入从2024年同期的174.38亿元下降至163.87亿元。", "2025-11-07",
     ["2024-09", "2025-09"]),
    # 上年同期的: the level a year before, not a growth over it
    ("一季度，甲银行资产规模增长了6.53%，相较于上年同期的4.65%有所上升，较上年同期增长2%。",
     "2025-05-01", ["2025-03", "2024-03", "2025-03"]),
    # 自…以来: the start of a span is no period for what follows
    ("这是甲银行自2019年11月上市以来首份双双告负的半年成绩单：上半年实现营业收入332.48亿元。",
     "2025-08-30", ["2025-06"]),
    # 报告期 after a date of its own sentence is that date's period, not an earlier report's
    ("甲银行2019年年报发布。\n截至2021年末，甲银行资产总额15827.08亿元；报告期内发放贷款和垫款净额"
     "9379.07亿元。", "2022-04-01", ["2021-12", "2021-12"]),
]


@pytest.mark.parametrize(("text", "date", "as_of"), DATES_ROUND_FIVE)
def test_as_of_round_five(text, date, as_of):
    assert [value for (value,) in rows(text, "as_of", date=date)] == as_of


BANKS_ROUND_FIVE = [
    # big banks' initials run together before 分别
    ("理财子公司注册资本金方面，工农建中交分别达到160亿元、120亿元、150亿元、100亿元和80亿元。",
     [("160亿元", "工商银行"), ("120亿元", "农业银行"), ("150亿元", "建设银行"), ("100亿元", "中国银行"),
      ("80亿元", "交通银行")]),
    # a bank left out of what is counted (不含) owns none of it
    ("一季度，41家上市银行(不含新上市的兰州银行)营业收入同比增速约为4.4%。", [("4.4%", None)]),
    ("剔除招商银行后，股份行净利润增速为2.1%。", [("2.1%", None)]),
    # the clauses after a share price that name no measure of the business go on about it
    ("受业绩上升14%带动，东亚银行股价午后抽升，最新报13.18元，升4.1%。",
     [("14%", "东亚银行"), ("13.18元", None), ("4.1%", None)]),
    ("渤海银行股价一路走低，一度跌破1港元，但该行营收增长5%。",
     [("1港元", None), ("5%", "渤海银行")]),
    # a paragraph that names no bank after one about the sector goes on about the sector
    ("工商银行广东分行举行发布会。\n截至6月末，辖区银行业总资产22.19万亿元。\n从期限看，中长期贷款较年初"
     "增加7020亿元。\n该行制造业贷款余额2660亿元。",
     [("22.19万亿元", None), ("7020亿元", None), ("2660亿元", "工商银行")]),
    # a bank's former name (苏宁银行, renamed 苏商银行 in 2025)
    ("苏宁银行资产总额为1042.89亿元。", [("1042.89亿元", "苏商银行")]),
]


@pytest.mark.parametrize(("text", "expected"), BANKS_ROUND_FIVE)
def test_banks_round_five(text, expected):
    assert [row for row in entities(text) if row[0][-1] != "家"] == expected


def test_a_headline_s_figures_are_the_article_s():
    frame = pd.DataFrame({
        "article_id": ["a", "b"], "source_file": ["a.md", "b.md"],
        "title": ["郑州银行去年净利逾30亿元降28%", "招商银行营收增长5%"],
        "text": ["3月28日晚间，郑州银行发布年报，不良率升至2.47%。", "招商银行营收增长5%。该行贷款余额1万亿元。"],
        "date": ["2019-03-29", "2019-03-29"]})
    table = extract_figures(frame)
    rows = list(zip(table["article_id"], table["text"], table["entity"], table["in_title"],
                    strict=True))
    assert rows == [("a", "30亿元", "郑州银行", True), ("a", "28%", "郑州银行", True),
                    ("a", "2.47%", "郑州银行", False),
                    # a text that opens with its title: its figures once, as the text's
                    ("b", "5%", "招商银行", False), ("b", "1万亿元", "招商银行", False)]
    assert table.loc[0, "sentence"] == "郑州银行去年净利逾30亿元降28%"


def test_a_headline_that_repeats_a_figure_of_the_text_takes_its_date_and_bank():
    frame = pd.DataFrame({
        "article_id": ["a"], "source_file": ["a.md"], "title": ["10.91亿元！华融消金花落宁波银行"],
        "text": ["12月27日晚间，中国华融宣布宁波银行以10.91亿元竞得华融消费金融股权。"],
        "date": ["2021-12-28"]})
    table = extract_figures(frame)
    assert list(zip(table["text"], table["entity"], table["as_of"], table["in_title"],
                    strict=True)) == [("10.91亿元", "宁波银行", "2021-12-27", True),
                                      ("10.91亿元", "宁波银行", "2021-12-27", False)]


# Round six: dates of bond issues, lists of years that stop at a date of their own, emphasis
DATES_ROUND_SIX = [
    # a bond's figures take the day it was issued, in the sentences that speak of the issue
    ("7月31日，甲银行发布公告，该行金融债券于2025年7月29日簿记建档，2025年7月30日发行完毕。\n"
     "本期债券发行规模为人民币24亿元，票面利率为1.80%。", "2025-07-31",
     ["2025-07-30", "2025-07-30"]),
    ("10月29日，芜湖农商银行成功发行绿色金融债券。\n本期债券发行规模为2亿元，票面利率3.60%。\n"
     "截至9月末，该行绿色贷款余额120亿元。", "2021-10-30", ["2021-10-29", "2021-10-29", "2021-09"]),
    # a year in the bond's name is no period; a day later in the article's month is days ahead
    ("甲银行20日公告称，定于2月23日招标发行该行2017年二级资本债券，发行规模不超过人民币15亿元。\n"
     "公告显示，此次发行的债券为10年期品种，发行价格为100元/百元面值。", "2017-02-21",
     ["2017-02-23", "2017-02-23"]),
    # no issue named: a paragraph with no date of its own keeps none
    ("10月29日，甲银行召开发布会。\n本期债券发行规模为2亿元。", "2021-10-30", [None]),
    # nor a bond issue's sentence's figures dated otherwise ("截至9月末" is not the issue's)
    ("10月29日，甲银行发行绿色债券，截至9月末该行绿色贷款余额120亿元。", "2021-10-30", ["2021-09"]),
    # a list after 分别 ends where a date of its own is named
    ("2018-2020年，甲银行营业收入分别为97.78亿、117.95亿和120.47亿元，相应的净利润分别为44.53亿、"
     "48.70亿和50.55亿元，截至2021年3月31日的三个月，该行营业收入为31.56亿元。", "2021-09-29",
     ["2018", "2019", "2020", "2018", "2019", "2020", "2021-03-31"]),
    # "值得注意的是" stresses a figure of the same period; an example (例如) leaves it
    ("截至2025年6月末，甲银行资产总额为9275.28亿元。值得注意的是，该行不良贷款率为2.83%。",
     "2025-08-30", ["2025-06", "2025-06"]),
    ("截至2025年6月末，甲银行资产总额为9275.28亿元。例如，乙公司获得贷款5000万元。",
     "2025-08-30", ["2025-06", None]),
    # a date listed after a base in words is a base too, not the figures' date
    ("截至2022年6月末，全省制造业贷款余额3.16万亿元，分别比年初、2020年6月末净增5139亿元和1.01万亿元。",
     "2022-07-23", ["2022-06", "2022-06", "2022-06"]),
    # several lists after one 依次, each as long as the span's years
    ("2014至2016年依次获得银行授信445亿元、655亿元、964亿元，发放贷款130亿元、309亿元、659亿元。",
     "2017-03-01", ["2014", "2015", "2016", "2014", "2015", "2016"]),
    # a quarter after a year's end, in an article written after it, is of the next year
    ("2024年底，该行交易性金融资产余额为1105.17亿元，一季度末增加至1772.19亿元。", "2025-04-30",
     ["2024-12", "2025-03"]),
    ("2024年底，该行交易性金融资产余额为1105.17亿元，一季度末为1772.19亿元。", "2025-02-10",
     ["2024-12", "2024-03"]),
    # a list of measures each with its amount: each its own measure; deposits and liabilities
    # of a year past are balances at its end, an issue is the year's
    ("2018年，上市银行拥有总资产178.38万亿元、贷款规模94.37万亿元、存款规模122.01万亿元。", "2019-04-01",
     ["2018-12", "2018-12", "2018-12"]),
    ("2019年，甲银行负债总额1290.3亿元，发行规模50亿元，新增存款300亿元。", "2020-04-01",
     ["2019-12", "2019", "2019"]),
    # a period a day ends (Hong Kong reports): the year, or the months, not the day; it goes on
    # into the paragraphs after as any period does
    ("恒生银行公布，截至2019年12月31日止年度，实现总营业收入633.41亿港元。", "2020-02-18", ["2019"]),
    ("农业银行公布，截至2020年3月31日止三个月，集团实现净利润人民币643.65亿元。\n"
     "年化平均总资产回报率为1.01%。", "2020-04-30", ["2020-03", "2020-03"]),
    ("截至2020年6月30日，集团不良贷款率为2.39%。", "2020-08-30", ["2020-06-30"]),
    ("大新银行公布截至2018年12月31日止全年业绩，股东应占溢利24.8亿元。", "2019-03-01", ["2018"]),
    # the quarters of a span in turn
    ("2020年一季度至四季度当季，该行实现净利润依次为7.9亿元、1.8亿元、4.01亿元、4.51亿元。", "2021-04-30",
     ["2020-03", "2020-06", "2020-09", "2020-12"]),
    # 报告期 is the newest report named before, not an older one cited on the way
    ("招商银行日前公布2022年中期业绩。\n在2020年年度报告中，招行首次提出大财富管理。\n"
     "截至报告期末，招行零售客户较上年末增长2.89%。", "2022-08-30", ["2022-06"]),
]


@pytest.mark.parametrize(("text", "date", "as_of"), DATES_ROUND_SIX)
def test_as_of_round_six(text, date, as_of):
    assert [value for (value,) in rows(text, "as_of", date=date)] == as_of


def test_a_bond_s_figures_fall_to_its_issuer():
    # (招商银行, named too, makes the article no one bank's)
    text = ("10月29日，芜湖农商银行成功在银行间债券市场发行了绿色金融债券，招商银行参与承销。\n"
            "本期债券发行规模为2亿元，票面利率3.60%。")
    assert entities(text, "2021-10-30") == [("2亿元", "芜湖农村商业银行"), ("3.60%", "芜湖农村商业银行")]


def test_the_economy_s_measures_in_a_one_bank_article_are_no_bank_s():
    text = ("昨日从工商银行无锡分行获悉，该行普惠贷款余额超40亿元。\n"
            "无锡市统计局日前公布，全市GDP实现5962.51亿元；完成规模以上工业增加值1811.14亿元，同比增长7.3%，"
            "工业投资同比增长9.5%；制造业投资增速18.3%，比去年同期提高14.5个百分点。")
    assert entities(text, "2019-07-20") == [
        ("40亿元", "工商银行"), ("5962.51亿元", None), ("1811.14亿元", None), ("7.3%", None),
        ("9.5%", None), ("18.3%", None), ("14.5个百分点", None)]


BANKS_ROUND_SIX = [
    # the sector's average a bank is compared with, its measure named after 的平均
    ("截至6月末，哈尔滨银行不良贷款率为2.83%，高于城商行1.76%的平均不良贷款率。",
     [("2.83%", "哈尔滨银行"), ("1.76%", None)]),
    # 全行 is the bank the text goes on about (全行业 is the sector); 招商银行 named too
    ("芜湖农商银行与招商银行合作。\n芜湖农商银行建立了覆盖全行的绿色转型架构。\n"
     "截至9月末，全行累计投放绿色信贷120亿元，绿色信贷占比17.20%、绿色金融产品占比11%。",
     [("120亿元", "芜湖农村商业银行"), ("17.20%", "芜湖农村商业银行"), ("11%", "芜湖农村商业银行")]),
    ("芜湖农商银行建立了绿色转型架构，与招商银行合作。\n截至9月末，全行业绿色贷款占比为11%。",
     [("11%", None)]),
    # banks listed each with a figure of its own, then 分别 over them in the order named
    ("工行以24.1万亿元居首，其后依次是建行21万亿、农行19.6万亿元，分别同比增长14.25%、10%。",
     [("24.1万亿元", "工商银行"), ("21万亿", "建设银行"), ("19.6万亿元", "农业银行"),
      ("14.25%", "建设银行"), ("10%", "农业银行")]),
    # a regulator's minimum (不得低于: not below, ≥) is no bank's
    ("渤海银行资本充足率为13.1%。据监管要求，系统重要性银行资本充足率、一级资本充足率分别不得低于11.5%、9.5%。",
     [("13.1%", "渤海银行"), ("11.5%", None), ("9.5%", None)]),
    # most banks, some banks: the sector, not the one bank the article names
    ("以北京地区为例，多数银行房贷利率为LPR+55个基点。\n“首套房利率已经调整。”建设银行北京某支行个贷经理介绍。",
     [("55个基点", None)]),
    ("招商银行营收3000亿元、平安银行1600亿元，分别增长5%和6%。",
     [("3000亿元", "招商银行"), ("1600亿元", "平安银行"), ("5%", "招商银行"), ("6%", "平安银行")]),
]


@pytest.mark.parametrize(("text", "expected"), BANKS_ROUND_SIX)
def test_banks_round_six(text, expected):
    assert entities(text, "2021-10-30") == expected


def test_a_measure_s_total_is_that_measure_a_flow_of_the_year():
    # 合计 after a measure is its total (a flow of the year after a year's end), not a pledge
    text = "截至2022年末，17家城商行资产总额达21.81万亿元，去年一年实现营业收入合计4670.78亿元，净利润合计1757.92亿元。"
    assert [row for row in rows(text, "text", "metric_family", "as_of", date="2023-05-10")
            if not row[0].endswith("家")] == [("21.81万亿元", "assets", "2022-12"),
                                             ("4670.78亿元", "revenue", "2022"),
                                             ("1757.92亿元", "profit", "2022")]
    assert rows("其中股、债合计不低于3000亿元。", "metric_family") == [("commitment",)]


# Round seven: Taiwan's banks and their New Taiwan dollars
TAIWAN_MONEY = [
    # a bank of Taiwan reports in New Taiwan dollars: its 元 are those
    ("臺中銀前11月稅後純益42.5億元，年增12.3%。",
     [("42.5億元", "TWD", "台中商业银行", "profit"), ("12.3%", "%", "台中商业银行", "growth")]),
    # 新台币 written once: the article's other 元 are New Taiwan dollars, a bank's or not
    ("本國銀行前10月稅前獲利逾新台幣4,000億元，其中房貸利息收入600億元。",
     [("4,000億元", "TWD", None, "profit"), ("600億元", "TWD", None, "other")]),  # (interest
    # income: a part of revenue, as fees are)
    ("截至9月底，房貸餘額達NT$9.5兆元。", [("9.5兆元", "TWD", None, "loan_balance")]),
    # ...but where it names 人民币 too, 元 alone stays the yuan
    ("台商在大陸投資逾2,000億新台幣，陸銀貸款餘額人民幣300億元，另有貸款50億元。",
     [("2,000億新台幣", "TWD", None, "investment"), ("300億元", "CNY", None, "loan_balance"),
      ("50億元", "CNY", None, "loan_balance")]),
    # a mainland article names no Taiwan money: its 元 are yuan
    ("工商银行科技贷款余额3.5万亿元。", [("3.5万亿元", "CNY", "工商银行", "loan_balance")]),
]


@pytest.mark.parametrize(("text", "expected"), TAIWAN_MONEY)
def test_taiwan_money_and_banks(text, expected):
    assert rows(text, "text", "unit", "entity", "metric_family", date="2025-12-10") == expected


def test_an_article_whose_banks_all_report_in_hong_kong_dollars_writes_in_them():
    text = "恒生銀行上半年除稅前溢利112億元。東亞銀行同期貸款總額5,000億元。"
    assert rows(text, "text", "unit") == [("112億元", "HKD"), ("5,000億元", "HKD")]
    # with a mainland bank beside them the article's bare 元 are no one currency
    text = "恒生銀行上半年盈利112億元。工商银行同期净利润1000億元，另有贷款10億元。"
    assert rows(text, "text", "unit")[1:] == [("1000億元", "CNY"), ("10億元", "CNY")]


# A share in tenths (成), as Hong Kong, Taiwan and mainland papers write it
TENTHS_CASES = [
    ("该行对公贷款占比接近七成。", [("七成", 70, "<")]),
    ("逾八成企业实现盈利，一成四的贷款投向小微企业。", [("八成", 80, ">"), ("一成四", 14, "=")]),
    ("利息收入占营收的4成。", [("4成", 40, "=")]),
    ("城农商行贡献超四成规模。", [("四成", 40, ">")]),
    ("增幅在五成及以上。", [("五成及以上", 50, "≥")]),
    # 成 of a word, after a numeral that ends a word: no figure
    ("这一成效来之不易，统一成本核算，唯一成功的案例，政策一成不变。", []),
]


@pytest.mark.parametrize(("text", "expected"), TENTHS_CASES)
def test_shares_written_in_tenths(text, expected):
    assert [(t, float(v), q) for t, v, q in rows(text, "text", "value", "qualifier")] == [
        (t, float(v), q) for t, v, q in expected]


def test_an_undated_text_is_written_after_the_base_it_compares_with():
    # the only year named is a base (较2021年末): the text's present is a later year
    text = "该行贷款余额较2021年末增长12%。\n截至6月末，该行贷款余额9万亿元。"
    assert rows(text, "text", "as_of", date=None)[-1] == ("9万亿元", "2022-06")


def test_a_money_change_of_a_balance_over_a_year_is_the_year_s_flow():
    text = "截至2024年末，该行贷款余额10万亿元，较年初增加1万亿元，增长11%。"
    assert rows(text, "text", "as_of") == [("10万亿元", "2024-12"), ("1万亿元", "2024"),
                                            ("11%", "2024-12")]


# Round seven, read from the misses of blind sets ba to bd (Taiwan and Hong Kong papers among
# them), each class with sentences of its own
TAIWAN_AND_HONG_KONG = [
    # 兆 and 亿 written together: one amount (10.8202 trillion)
    ("放款餘額10兆8,202億元，總餘額44兆8,205億元。",
     [("10兆8,202億元", 10820200000000.0), ("44兆8,205億元", 44820500000000.0)]),
    # a share in tenths and a half
    ("客戶貸款總額升一成半。", [("一成半", 15.0)]),
    # a Hong Kong rate cut in 厘 (减息, 减P) is a rate figure
    ("聯儲局決定減息0.25厘，滙豐宣布減P 0.125厘。", [("0.25厘", 0.25), ("0.125厘", 0.125)]),
    # 赚 (earned) makes a bare 亿 money
    ("國銀首季賺近1266億。", [("1266億", 126600000000.0)]),
]


@pytest.mark.parametrize(("text", "expected"), TAIWAN_AND_HONG_KONG)
def test_taiwan_and_hong_kong_amounts(text, expected):
    assert [(t, float(v)) for t, v in rows(text, "text", "value")] == expected


TAIWAN_DATES_AND_WORDS = [
    # the year of 去年 in brackets, as Taiwan's papers write it
    ("根據金管會統計，去(2025)年前11月國銀稅前盈餘達5,507.7億元。", "2026-01-20",
     [("5,507.7億元", "2025-11", "profit", "=")]),
    # 税前盈余 is profit, 合计 before it its total; 赚破 is more than, and profit too (earned)
    ("國銀合計稅前盈餘達5,507.7億元，中國信託賺破600億元。", "2026-01-20",
     [("5,507.7億元", None, "profit", "="), ("600億元", None, "profit", ">")]),
    # 放款 is Taiwan's word for loans: 新增放款 is new lending
    ("中信銀以新增放款645億元居冠，全年新增放款有望飛越5,000億元。", "2025-12-11",
     [("645億元", None, "new_loans", "="), ("5,000億元", None, "new_loans", ">")]),
    # a year written before 业绩快报 without 年
    # (deposits are no loan stock: other, as the labelling brief says, still a balance)
    ("此外，2018业绩快报显示，该行吸收存款余额2.13万亿元。", "2019-01-23",
     [("2.13万亿元", "2018-12", "other", "=")]),
]


@pytest.mark.parametrize(("text", "date", "expected"), TAIWAN_DATES_AND_WORDS)
def test_taiwan_dates_and_words(text, date, expected):
    assert rows(text, "text", "as_of", "metric_family", "qualifier", date=date) == expected


def test_last_year_lends_no_year_to_a_bare_month_after_it():
    text = "去年四季度房贷新增2万亿元，1月房贷新增约6000亿元。"
    assert rows(text, "text", "as_of", date="2022-02-11") == [("2万亿元", "2021-12"),
                                                           ("6000亿元", "2022-01")]
    # 今年 does: it is the article's own year
    assert rows("今年1至5月累计处置不良贷款112.2亿元。", "as_of", date="2016-07-01") == [("2016-05",)]


def test_a_total_named_with_its_measure_is_no_pledge():
    # 合计 before a measure or an issue is that measure's total, not credit pledged
    assert rows("13家银行合计规模达1.9万亿元，中行、农行合计发行1500亿元。", "kind", "metric_family"
                )[1:] == [("money", "other"), ("money", "other")]
    assert rows("其中股、债合计不低于3000亿元。", "metric_family") == [("commitment",)]


def test_taiwan_s_words_and_calendar_make_bare_yuan_new_taiwan_dollars():
    # the regulator (金管會) and the Republic's calendar (今(98)年 is 2009) are Taiwan's
    assert rows("金管會今(30)日公佈，放款總餘額是18兆549億元。", "text", "unit") == [
        ("18兆549億元", "TWD")]
    # (2008年12月 to 2009年5月, the Chinese numerals of the months read too: the span's end)
    assert rows("回溯去(97)年十二月到今(98)年五月，放款下降1,531.86億元。", "unit", "as_of",
                date=None) == [("TWD", "2009-05")]
    # a currency written first stays with its amount of 兆 and 亿
    assert rows("放款餘額達新台幣10兆8884億元。", "text", "value", "unit") == [
        ("10兆8884億元", 10888400000000, "TWD")]
    assert [float(v) for v, in rows("只增長半成，另有半成品。", "value")] == [5.0]


def test_hong_kong_s_monetary_authority_is_a_regulator_not_the_bank_named_before():
    # (wave b: a bank's results, then the regulator's buffer ratios, read as the bank's)
    assert rows("渣打集團普通股權一級資本比率為13.8%。香港金融管理局亦宣佈將反週期緩衝資本比率從2%"
                "下調至1%。", "text", "entity") == [
        ("13.8%", "渣打银行"), ("2%", None), ("1%", None)]
    assert rows("中銀香港上半年貸款增長3%。金管局數據顯示，本港貸款總額按年下跌2.5%。",
                "text", "entity") == [("3%", "中银香港"), ("2.5%", None)]


def test_months_in_chinese_numerals_and_a_month_s_change():
    text = "金管會公佈六月份本國銀行放款資料，總計放款總餘額是18兆549億元，比起五月份成長486億元。"
    assert rows(text, "as_of", date="2009-06-30")[0] == ("2009-06",)
    # a month's change (月增) after a month's end is that month's, not the year's
    text = "截至2025年12月底，放款總餘額44兆8205億元，月增3417億元，年增2.5兆元。"
    assert rows(text, "text", "as_of", date="2026-02-05") == [
        ("44兆8205億元", "2025-12"), ("3417億元", "2025-12"), ("2.5兆元", "2025")]
    # numerals that are no month: 第一月, 三十月
    assert rows("第一月完成贷款10亿元。", "as_of", date="2025-03-01") == [(None,)]


def test_the_period_of_a_hong_kong_results_piece():
    # 期內 (during the period) is the report named before, as 报告期内 is; 同期内, 预期内 are not
    text = "恒生銀行公布2025年中期業績。\n截至2024年底，該行資本比率為20%。\n期內，減值損失50億元，按年增加19.5%。"
    assert [row[0] for row in rows(text, "as_of", date="2025-08-21")] == [
        "2024-12", "2025-06", "2025-06"]
    assert rows("预期内贷款增长10%。", "as_of", date="2025-08-21") == [(None,)]


def test_hong_kong_writing_of_amounts_and_rate_moves():
    # the small comma ﹐ groups thousands; 1 萬 5900 元 is one amount, spaces and all
    assert rows("客戶存款達335﹐212億元。", "text", "value") == [("335﹐212億元", 33521200000000)]
    assert rows("利息約 1 萬 5900 元。", "text", "value") == [("1 萬 5900 元", 15900)]
    # a rate moved by so many 厘 is a move in points; the level it moves to stays a rate
    assert rows("滙豐下調最優惠利率0.125厘，由年利率5.125厘調低至5厘。", "text", "unit") == [
        ("0.125厘", "pp"), ("5.125厘", "%"), ("5厘", "%")]
    # the monetary authority's words make a paper's bare 元 Hong Kong dollars
    assert rows("金管局公布，7月份新批出的按揭貸款額增加至306億元。", "unit") == [("HKD",)]
    assert rows("金管局公布，人民币贷款增加至306亿元。", "unit") == [("CNY",)]


def test_bank_subsidiaries_short_names_and_bases_written_short():
    # a leasing or consumer-finance arm named short (工银金租, 兴业消金) is its bank's
    text = "工银金租总资产3082.59亿元，兴业消金贷款余额819.4亿元。"
    assert rows(text, "entity") == [("工商银行",), ("兴业银行",)]
    # 较2022年度的, 较2019同期的: the level at that base
    assert rows("2023年，科技投入占营业收入的3.48%，较2022年度的3.30%继续上升。", "as_of",
                date="2024-04-20") == [("2023",), ("2022",)]
    assert rows("截至2020年6月30日，总资产回报率为0.61%，较2019同期的0.71%有所下降。", "as_of",
                date="2020-08-21") == [("2020-06-30",), ("2019-06-30",)]


def test_macao_singapore_and_malaysia_currencies_and_banks():
    assert rows("大眾銀行淨利35億令吉。", "unit", "entity") == [("MYR", "大众银行")]
    assert rows("大西洋銀行存款500億澳門元，星展淨利10億新元。", "unit") == [("MOP",), ("SGD",)]
    assert rows("中信銀行(國際)貸款增長5%。", "entity") == [("中信银行(国际)",)]


def test_hong_kong_deposit_rates_and_amounts_joined_by_zero():
    assert rows("該銀行上半年淨賺35億零550萬令吉。", "text", "value") == [("35億零550萬令吉", 3505500000)]
    assert [row[0] for row in rows("華僑推100日港元定存優惠最高2.9厘。", "text")] == ["2.9厘"]
    # 厘 with no rate word near stays a thousandth of a yuan's word, no figure
    assert rows("每股派息3厘钱。", "text") == []


# Round eight: read from the misses of blind sets ga and gb (technology lending, results
# round-ups); each case written here, not copied.
def test_a_part_of_a_figure_is_of_the_whole_s_time():
    # "其中" breaks the figure before down: a pledge's part is pledged too, a balance's part
    # is of the balance's date; a date of its own still counts
    text = "2023年3月，某银行宣布未来三年将为绿色产业提供不少于5000亿元融资，其中信贷不低于4000亿元。"
    assert rows(text, "as_of", date="2024-01-10") == [(None,), (None,)]
    text = "截至2024年末，该行对公贷款余额8万亿元，其中制造业贷款2万亿元，今年一季度新增3000亿元。"
    assert rows(text, "as_of", date="2025-04-28") == [("2024-12",), ("2024-12",), ("2025-03",)]


def test_a_survey_s_groups_of_banks_own_no_bank_s_figures():
    text = ("除招商银行外，其余境内银行净利润均下降。境内银行平均净息差为1.69%。"
            "除汇丰银行外，境外银行拨备前利润合计2.1万亿元。")
    assert rows(text, "entity") == [(None,), (None,)]
    # a bank left out (除…外) owns nothing of the rest
    assert rows("除汇丰银行外，其余银行拨备前利润合计2.1万亿元。", "entity") == [(None,)]
    assert rows("中资银行海外贷款增长6%，国内银行存款增长8%。", "entity") == [(None,), (None,)]


def test_a_year_a_turn_starts_from_is_a_base():
    text = "2023年，外资银行净利润由2022年整体下滑转为大幅增长，合计8,100亿元，同比增加1,200亿元。"
    assert rows(text, "as_of", date="2024-04-30") == [("2023",), ("2023",)]
    # and an undated text naming it is written after it
    assert rows("某银行利润由2022年的亏损转为盈利，今年一季度净利润12亿元。", "as_of",
                date=None) == [("2023-03",)]


@pytest.mark.parametrize(("text", "expected"), [
    # a year named as over (its end, its annual report, or listed before 今年): 今年 is later
    ("两家银行的2024年及今年一季度报告已披露。截至今年一季度末，甲银行总资产2.3万亿元。", ["2025-03"]),
    ("截至2023年末，乙银行贷款余额9000亿元。今年6月末，贷款余额9500亿元。", ["2023-12", "2024-06"]),
    ("丙银行2023年年报显示，净利润增长5%。今年一季度，净利润增长3%。", ["2023", "2024-03"]),
    # a deadline (年底前) and a plan's year are no present
    ("丁银行计划2026年底前投放100亿元。\n截至今年一季度末，贷款增长4%。", [None, None]),
    ("戊银行2024年一季度贷款增长6%。\n今年二季度，贷款增长2%。", ["2024-03", "2024-06"]),
])
def test_an_undated_text_is_written_after_a_year_it_names_as_over(text, expected):
    assert [row[0] for row in rows(text, "as_of", date=None)] == expected


def test_a_measure_reached_and_a_list_s_second_item_keep_their_measure():
    text = ("2024年，江苏银行营收800亿元，上海银行和南京银行分别为520亿元和500亿元。"
            "南京银行营收增幅最为突出，达到11.3%。")
    assert rows(text, "metric_family", "as_of", date="2025-04-30") == [
        ("revenue", "2024"), ("revenue", "2024"), ("revenue", "2024"), ("growth", "2024")]
    # a level a change reaches is still that level (提升至, 降到)
    assert rows("不良率下降0.05个百分点至1.2%。", "metric_family") == [("growth",), ("rate",)]


def test_listed_rural_banks_under_their_legal_names():
    text = "江苏常熟农村商业银行营收增长10%，江苏江阴农村商业银行净利润增长12%。"
    assert rows(text, "entity") == [("常熟银行",), ("江阴银行",)]


def test_a_cut_off_at_a_year_is_its_end():
    # 截至2024年 with no month: levels and totals to the year's end; the year's flows the year
    text = "截至2023年，某银行服务科技企业客户1.2万户，同比增长22%，全年营收120亿元。"
    assert rows(text, "as_of", date="2024-03-01") == [("2023-12",), ("2023-12",), ("2023",)]
    # a year without 截至 keeps its own reading
    assert rows("2023年，某银行科技贷款余额800亿元。", "as_of", date="2023-09-01") == [("2023",)]


def test_halves_as_analysts_write_them():
    text = "23H1公司实现营收886.1亿元，同比下降3.7%；2023H2贷款增长5%，净息差较23Q1下滑8bp。"
    assert rows(text, "as_of", date="2024-03-01") == [
        ("2023-06",), ("2023-06",), ("2023-12",), ("2023-12",)]
    assert rows("H1N1疫情后，贷款增长5%。", "as_of", date="2024-03-01") == [(None,)]


def test_the_level_a_change_is_measured_from_written_right_after_its_date():
    # 较2020年10%的增速 (的 after the figure), 较2022年(66466亿元) (in brackets): the base's level
    text = "2021年，上市银行总资产增长8%，较2020年10%的增速有所放缓。"
    assert rows(text, "as_of", date="2022-05-01") == [("2021-12",), ("2020-12",)]
    text = "2023年，农商银行总资产为72036亿元，较2022年(66466亿元)增长8.38%。"
    assert rows(text, "as_of", date="2024-05-01") == [("2023-12",), ("2022-12",), ("2023-12",)]


def test_last_year_in_an_undated_text_is_the_year_before_its_present():
    text = "截至2024年末，某银行贷款余额9000亿元。\n去年，该行净利润增长5%；今年一季度，净利润增长3%。"
    assert rows(text, "as_of", date=None) == [("2024-12",), ("2024",), ("2025-03",)]


# Round eight, read from the misses of blind sets gf and gg (2019-2022 bank news; banks'
# technology spending and their wealth, consumer-finance and leasing arms)
def test_arms_of_banks_and_one_of_two_named():
    text = "2022年，晋商消费金融营业收入4.28亿元；天银金融租赁总资产500亿元；民生租赁资产下降2.59%。"
    assert rows(text, "entity", date="2023-05-01") == [("晋商银行",), ("天津银行",), ("民生银行",)]
    # 其中 before 信银理财 (CITIC's) makes no 中信银 (Taiwan's CTBC, short)
    assert rows("其中信银理财凭借7%的增幅新晋前三。", "entity") == [("中信银行",)]
    # 后者, 前者: one of the two named before, not both together
    text = "交银理财和中邮理财实现规模扩张，后者以17.54%的增幅居前，前者增长5%。"
    assert rows(text, "entity") == [("邮储银行",), ("交通银行",)]


def test_the_money_a_wealth_arm_manages_is_a_balance_dated_by_the_paragraph_before():
    text = "截至2025年6月末，理财市场存续规模达30.67万亿元。\n中邮理财的管理规模提升至1.20万亿元。"
    assert rows(text, "metric_family", "as_of", date="2025-08-30") == [
        ("assets", "2025-06"), ("assets", "2025-06")]


def test_spending_dated_by_a_year_s_end_is_the_year_s():
    text = "截至2024年末，工行的信息科技投入突破200亿元，信息科技投入占比超过5%。"
    assert rows(text, "as_of", date="2025-05-01") == [("2024",), ("2024",)]


def test_a_base_written_with_its_year_s_report_or_its_year_s_end():
    text = "2023年，科技投入占营业收入的比例从2022年度的3.91%上升至4.35%。"
    assert rows(text, "as_of", date="2024-05-01") == [("2022",), ("2023",)]
    text = "2018年末，该公司资产规模相较2017年年底的3148.94亿元出现下降。"
    assert rows(text, "as_of", date="2019-05-01") == [("2017-12",)]


def test_the_same_period_a_year_before_with_its_verb():
    text = "一季度净利润同比增长3.04%，而去年同期为4.06%；较去年同期高出2个百分点。"
    assert rows(text, "as_of", date="2020-04-30") == [("2020-03",), ("2019-03",), ("2020-03",)]


def test_around_a_level_and_a_minus_written_as_a_word():
    assert rows("净利润增速常常徘徊在5%附近。", "text", "qualifier") == [("5%附近", "≈")]
    assert rows("剪刀差为负156亿元，增速为负3.5%。", "value") == [(-15600000000,), (-3.5,)]
    assert rows("误差在正负5%以内。", "value") == [(5,)]


def test_a_base_later_in_the_sentence_tells_an_undated_text_s_present():
    text = "截至今年6月末，不良余额较2019年年末增加了10.19%至1.74万亿元。"
    assert rows(text, "as_of", date=None) == [("2020-06",), ("2020-06",)]


def test_a_bank_s_village_banks_are_its_own():
    text = "中国银行旗下中银富登村镇银行全年贷款总额445亿元。"
    assert rows(text, "entity", date="2020-03-27") == [("中国银行",)]


def test_an_undated_text_opening_with_this_year_takes_the_first_year_it_names():
    text = ("截至今年3月末，科技型中小企业贷款余额突破3.3万亿元。\n"
            "截至2025年一季度末，科创债务工具余额突破1万亿元。")
    assert rows(text, "as_of", date=None) == [("2025-03",), ("2025-03",)]


def test_a_sentence_opening_with_其中_is_part_of_the_figure_before():
    text = ("2024年1月23日，某银行宣布未来五年将提供不低于1万亿元金融支持。"
            "其中，股、债合计不低于3000亿元。")
    assert rows(text, "as_of", date="2024-03-01") == [(None,), (None,)]


def test_the_day_a_report_came_out_dates_nothing_of_it():
    text = "8月29日，上市银行半年报全部披露完毕，合计实现营业收入2.92万亿元。"
    assert rows(text, "as_of", date="2025-09-01") == [("2025-06",)]
    # a day's own event stays the day's
    assert rows("8月29日，某银行发放贷款2亿元。", "as_of", date="2025-09-01") == [("2025-08-29",)]


# Round eight, read from the misses of blind sets gh and gi (city and rural banks; policy
# banks' special-purpose lending)
def test_where_a_year_started_from():
    # "由a增至b" in a year: a is where the year started, the year before (a balance: its end)
    text = "2023年，某银行总资产由385.38亿元增至464.84亿元，营收由10亿元增至12亿元。"
    assert rows(text, "as_of", date="2024-05-01") == [
        ("2022-12",), ("2023-12",), ("2022",), ("2023",)]
    # within a year (截至6月末) it names no earlier date: where the change started is
    # undated, unless the sentence names its base (同比: the same month a year before; 较上年末)
    text = "截至2024年6月末，该行贷款余额由2000亿元增至2200亿元。"
    assert rows(text, "as_of", date="2024-08-01") == [(None,), ("2024-06",)]
    text = "2025年4月，某银行消费贷年利率从2.72%升至3.1%。"
    assert rows(text, "as_of", date="2025-05-01") == [(None,), ("2025-04",)]
    text = "2025年上半年，客户存款平均成本率由2.26%下降至1.92%，同比下降34个基点。"
    assert rows(text, "as_of", date="2025-08-30") == [("2024-06",), ("2025-06",), ("2025-06",)]
    text = "截至2025年6月末，个人贷款不良率从2.28%升至2.71%，较上年末上升。"
    assert rows(text, "as_of", date="2025-08-30") == [("2024-12",), ("2025-06",)]
    # a base the from-level names itself (由去年底的, 从去年的, 由一年前的)
    text = "今年6月末，该行不良贷款比率由去年底的2.83%大增至5.32%；营收增速从去年的8%放缓至5%。"
    assert rows(text, "as_of", date="2024-08-01") == [
        ("2023-12",), ("2024-06",), ("2023",), ("2024-06",)]


def test_a_bound_reaches_over_what_a_percentage_is_of():
    text = "资金不得超过全部资本金比例的50%，不低于贷款总额的10%；超过同业平均水平2%。"
    assert rows(text, "qualifier") == [("≤",), ("≥",), ("=",)]


def test_banks_of_taizhou_named_short_and_weihai_s_by_its_legal_name():
    text = "泰隆凭借高息差实现营收175.57亿，民泰不良率为0.94%，威海市商业银行营收87.35亿元。"
    assert rows(text, "entity") == [("泰隆银行",), ("民泰银行",), ("威海银行",)]


# Round eight, read from the misses of the measured sets gc to gk (after their score)
def test_last_year_s_level_written_after_a_comparison():
    text = "上半年，某银行信用卡消费额1.38万亿元，相比去年同期的1.43万亿元有所下降。"
    assert rows(text, "as_of", date="2024-08-30") == [("2024-06",), ("2023-06",)]


def test_qualifiers_with_了_and_a_credit_line_s_cap():
    text = "四大行的定期存款占比首次均超过了50%；某银行消费贷最高额度 30 万。"
    assert rows(text, "qualifier") == [(">",), ("≤",)]


def test_among_banks_of_a_kind_is_no_one_bank():
    text = "平安银行零售营收占比为44.8%。以对公见长的银行中该指标多在40%以下。"
    assert rows(text, "entity", date="2025-09-01") == [("平安银行",), (None,)]


def test_the_half_of_the_year_after_a_whole_year_named_as_over():
    text = "2024年全年，六大行个人住房贷款合计减少了6210.57亿元。其中，四大行上半年合计减少1321.28亿元。"
    # a balance's fall over the year is the year's flow; 上半年 after the whole year is the next
    assert rows(text, "as_of", date="2025-08-30") == [("2024",), ("2025-06",)]
    assert rows(text, "as_of", date=None) == [("2024",), ("2025-06",)]
    # within the year it names, the half stays that year's
    assert rows("2024年，某银行营收增长5%，上半年增长3%。", "as_of", date="2025-08-30") == [
        ("2024",), ("2024-06",)]


def test_where_a_share_fell_from_with_an_adverb_between():
    text = "2023年，平安银行零售净利润贡献度从43.6%大幅下滑到11.9%。"
    assert rows(text, "as_of", date="2024-04-30") == [("2022",), ("2023",)]


# Round eight, read from the misses of gl to gq (after their one score)
def test_a_span_of_years_named_before_dates_later_lists_in_turn():
    text = ("2020年至2024年，某银行的利息净收入同比增速分别为10.8%、14.4%、3.1%、5.6%和4.2%。"
            "生息资产同比增速分别为12.6%、15.7%、17.7%、11.3%和7.9%。")
    assert [row[0] for row in rows(text, "as_of", date="2025-05-01")] == [
        "2020", "2021", "2022", "2023", "2024", "2020-12", "2021-12", "2022-12", "2023-12", "2024-12"]


def test_a_balance_grown_to_a_level_and_a_deposit_cost_over_the_year():
    text = "2022年末，某银行汽车金融贷款余额已增长至3210.34亿元。"
    assert rows(text, "as_of", date="2023-05-01") == [("2022-12",)]
    text = "2024年该行存款成本为2.18%，较上年度改善14BP。"
    assert rows(text, "as_of", date="2025-05-01") == [("2024",), ("2024",)]


# Round eight, read from the misses of gr to gu (after their one score)
def test_a_sentence_after_a_list_of_banks_speaks_of_them_together():
    text = ("10月18日，工商银行、建设银行、交通银行均已更新存款挂牌利率。"
            "其中，一年期定期存款挂牌利率均下调25BP至1.10%。")
    assert rows(text, "entity", date="2024-10-19") == [(None,), (None,)]
    # after one bank, the sentence goes on about it
    text = "截至6月末，工商银行贷款余额30万亿元。其中，科技贷款增长20%。"
    assert rows(text, "entity", date="2024-08-19") == [("工商银行",), ("工商银行",)]


def test_a_broker_s_target_price_is_the_market_s():
    text = "高盛维持招商银行“中性”评级，目标价由37.63港元升至40.83港元。"
    assert rows(text, "entity", "scope") == [(None, "market"), (None, "market")]


def test_a_bank_named_once_in_a_piece_about_banks_as_a_whole_owns_nothing_else():
    text = ("今年银行负债成本明显改善，上半年下降25bp，主要来自存款成本下降。\n"
            "存款方面，定期存款占比下降1.2pct至21.5%。\n"
            "股份行和城商行存款利率多次下调，城商行降幅较大，部分农商行跟进，交行、宁波等银行均有下调。")
    assert rows(text, "entity", date="2025-09-01") == [(None,)] * 3
    # an article about one bank names it once and says 该行 after: its figures
    text = "重庆农商行发布半年报。\n该行营收增长3%，普惠型小微贷款余额1252亿元。"
    assert rows(text, "entity", date="2025-09-01") == [("重庆农村商业银行",), ("重庆农村商业银行",)]


def test_a_forecast_s_horizon_and_a_year_s_results_tell_an_undated_text_s_present():
    # "预测2025-2027年…": the horizon's end is no present; 2025年 before it is one
    text = ("截至2025年9月末，某银行资产总额10.67万亿元。\n"
            "预测2025-2027年归母净利润分别为776亿元、803亿元和846亿元。\n"
            "前三季度净息差1.72%，同比下降12个基点。")
    assert rows(text, "as_of", date=None)[-2:] == [("2025-09",), ("2025-09",)]
    # a year's results announced (2023年业绩公告): the text is written after that year
    text = "江西银行发布2023年业绩公告。\n截至今年3月末，该行贷款余额3000亿元。"
    assert rows(text, "as_of", date=None) == [("2024-03",)]


# Round nine: read from the misses of round eight's blind sets (broker notes, deposit-rate
# pieces, results round-ups); each case written here, not copied.
def test_a_forecast_s_figures_have_no_date_and_the_period_before_goes_on():
    text = ("某银行2025年前三季度实现营业收入1612亿元。预测2025-2027年归母净利润分别为776亿元、"
            "803亿元、846亿元。期末资产总额10.67万亿元。\n不良贷款率1.08%。")
    assert rows(text, "as_of", date=None) == [
        ("2025-09",), (None,), (None,), (None,), ("2025-09",), ("2025-09",)]
    # a span of years past is no forecast: its list is dated in turn
    text = "2021年~2023年，该行的资产利润率分别为0.02%、0.04%、0.05%。"
    assert rows(text, "as_of", date="2024-05-01") == [("2021",), ("2022",), ("2023",)]


@pytest.mark.parametrize(("written", "as_of"), [
    ("2022年1季度", "2022-03"),
    ("2022 年 1 季度", "2022-03"),  # spaces as some sites type them
    ("22年3季度", "2022-09"),  # a year in two digits, as analysts write it before a quarter
    ("22 年上半年", "2022-06"),
    ("2022年第2季度", "2022-06"),
])
def test_quarters_written_with_digits(written, as_of):
    assert rows(f"{written}上市银行净利润同比增长8.7%。", "as_of", date=None) == [(as_of,)]


@pytest.mark.parametrize(("written", "as_of"), [
    ("截至21年末", "2021-12"),  # a year in two digits before its end, as analysts write it
    ("截至 19 年底", "2019-12"),
    ("20年末", "2020-12"),
])
def test_a_year_s_end_written_with_two_digits(written, as_of):
    assert rows(f"{written}，某银行不良贷款率1.43%。", "as_of", date=None) == [(as_of,)]


@pytest.mark.parametrize(("text", "expected"), [
    # a list told quarter by quarter takes each quarter's end in turn
    ("从2024年各个季度来看，某银行净利润分别为5.1亿元、6.2亿元和3.9亿元。",
     ["2024-03", "2024-06", "2024-09"]),
    ("2023年各季度末，某银行不良率分别为1.2%、1.3%、1.25%和1.1%。",
     ["2023-03", "2023-06", "2023-09", "2023-12"]),
    ("某银行2024年各季度营收增速均为负，且降幅逐季扩大，分别为-2.5%、-3.1%和-4.4%。",
     ["2024-03", "2024-06", "2024-09"]),
    # and each list after it in its sentence, the year being its figures'
    ("截至2025年9月末，某银行资产增长5%。分季度来看，年内各季度营收分别为9亿元、8亿元、7亿元，"
     "同比分别下滑1.5%、2.5%、3.5%。",
     ["2025-09", "2025-03", "2025-06", "2025-09", "2025-03", "2025-06", "2025-09"]),
    # the first quarters of a year right before 分别, and only the list right after it
    ("2025年，某银行利息净收入前三季度分别约为9.1亿元、8.8亿元和8.5亿元，累计26.4亿元。",
     ["2025-03", "2025-06", "2025-09", "2025-09"]),
    # a period, then a list of banks or measures: the period's, each
    ("2025年前三季度，甲银行、乙银行净利润分别为12亿元、9亿元。", ["2025-09", "2025-09"]),
    ("2025年前三季度，某银行营收和净利润分别为10亿元和3亿元。", ["2025-09", "2025-09"]),
    ("2024年某银行各季度均保持增长，全年营收和净利润分别为10亿元和3亿元。", ["2024", "2024"]),
])
def test_a_list_told_quarter_by_quarter(text, expected):
    assert [as_of for (as_of,) in rows(text, "as_of", date="2025-11-20")] == expected


def test_two_digits_are_a_year_only_before_a_period():
    assert rows("该行成立22年来，贷款年均增长12%。", "as_of", date=None) == [(None,)]
    # a count of years before 末端, 底层 or after 近, 过去 is no year's end
    assert rows("近20年底层资产收益率下降1.5%，过去10年末端需求增长4%。", "as_of", date=None) == [
        (None,), (None,)]
    # a bare digit quarter takes the year named before it
    text = "2023年，某银行营收增长3%。1季度末，不良贷款率1.4%。"
    assert rows(text, "as_of", date=None) == [("2023",), ("2023-03",)]


def test_a_year_a_span_runs_since_is_no_present():
    # "自2022年9月以来": written then or later; 10月18日 is of an unknown year
    text = "10月18日，某银行下调存款挂牌利率25BP至1.10%，这是自2022年9月以来第六次下调。"
    assert rows(text, "as_of", date=None) == [(None,), (None,)]
    # a year named plainly still tells it
    text = "2022年9月，多家银行下调存款利率。10月18日，某银行下调存款挂牌利率25BP至1.10%。"
    assert rows(text, "as_of", date=None) == [("2022-10-18",), ("2022-10-18",)]


def test_a_level_foreseen_for_a_later_time_has_no_date():
    # (a forecast of the article's own year too: "预计2025年…" written in 2025 is of no
    # period yet, as the gold's brief has it since round nine)
    text = "某银行预计2025年负债成本将下降16-24BP，2026年将下降9-13BP。"
    assert rows(text, "as_of", date="2025-09-01") == [(None,), (None,), (None,), (None,)]
    text = "2022年，农发行预计农地贷款投放将不低于1000亿元。预计全年发行规模将达1.55万亿元。"
    assert rows(text, "as_of", date="2022-03-01") == [(None,), (None,)]
    # controls: a dividend proposed (预计派息总额) is decided, and a past year's figure stays
    text = "工商银行2021年度普通股预计派息总额为1045亿元。2021年营收增长8%。"
    assert rows(text, "as_of", date="2022-03-30") == [("2021",), ("2021",)]
    text = "2025年，中国数字经济总量将超过60万亿元。"
    assert rows(text, "as_of", date="2023-10-01") == [(None,)]
    # by a target's year after the article's: a target (到2025年)
    text = "具体来看，到2025年，智能算力占比达到35%。"
    assert rows(text, "as_of", date="2023-10-01") == [(None,)]
    # controls: a year reached (到2024年末) written later, and 将 as 把 ("将利率下调")
    text = "到2024年末，该行贷款余额达到1万亿元。2024年，该行将一年期存款利率下调25BP。"
    assert rows(text, "as_of", date="2025-03-01") == [("2024-12",), ("2024",)]


def test_a_date_in_brackets_holds_inside_them_only():
    text = ("截至2025年6月末，乙银行总资产3501.97亿元，较2024年末下降2.7%（2024年末为3593.45亿元）。"
            "甲银行贷款余额2086.4亿元。")
    assert rows(text, "as_of", date=None)[-1] == ("2025-06",)
    # a date in brackets in the figure's own sentence still dates it
    assert rows("该行科技贷款余额（截至2024年末）达1000亿元。", "as_of", date="2025-03-01") == [
        ("2024-12",)]


def test_the_sector_s_average_written_after_its_name_is_no_bank_s():
    text = ("2021年~2023年，内蒙古银行的资产利润率分别为0.02%、0.04%、0.04%，距离同期行业平均水平"
            "0.79%、0.76%、0.70%落后较多。")
    assert [e for e, in rows(text, "entity", date="2024-05-01")] == ["内蒙古银行"] * 3 + [None] * 3
    # a gap from it is the bank's
    text = "宁波银行不良率比上年末下降0.1个百分点，低于行业平均水平0.6个百分点。"
    assert rows(text, "entity") == [("宁波银行",), ("宁波银行",)]


def test_spending_and_impairment_charges_dated_by_a_year_s_end_are_the_year_s():
    text = ("2020年末，该行营业支出为53.63亿元，同比增长17.46%。其中信用减值损失为30.74亿元。"
            "贷款损失准备余额100亿元。")
    assert rows(text, "as_of", date="2021-04-01") == [("2020",), ("2020",), ("2020",), ("2020-12",)]


def test_results_announced_with_their_period_or_a_quarter_s_report_unnamed_by_告():
    # announced with the period, no report named: every figure of the piece is the period's
    text = ("工商银行公布，2023年一季度，实现净利润907.70亿元。\n营业费用454.35亿元，增长5.39%。"
            "\n客户存款31.98万亿元。")
    assert rows(text, "as_of", date=None)[-3:] == [("2023-03",)] * 3
    # 三季度报 (without 告) is the third quarter's report
    text = "截至目前，42家上市银行已经公布2023年三季度报。\n招商银行是唯一一家超过10万亿元的股份行。"
    assert rows(text, "as_of", date="2025-09-08")[-1:] == [("2023-09",)]


def test_last_year_s_same_period_with_its_measure_between_and_a_trend_continued_from_a_year():
    text = "2025年三季度，该行营收同比下降2.92%，而去年同期增速为1.14%。"
    assert rows(text, "as_of", date="2025-10-30") == [("2025-09",), ("2024-09",)]
    text = "上半年，中国银行信用卡消费额6485.76亿元，相比去年上半年的6902.28亿元有所减少。"
    assert rows(text, "as_of", date="2025-08-30") == [("2025-06",), ("2024-06",)]
    # a change from it is this period's
    assert rows("上半年，该行营收与去年同期相比增长5%。", "as_of", date="2025-08-30") == [("2025-06",)]
    # a trend continued from a year: that year is past
    text = "2023年，武汉农商银行营业收入延续了2022年的下滑态势，同比下滑3.85%。"
    assert rows(text, "as_of", date="2024-04-01") == [("2023",)]
    text = "邮储银行延续了2024年个人住房贷款余额增长的趋势，上半年增加213.16亿元。"
    assert rows(text, "as_of", date="2025-09-01") == [("2025-06",)]


def test_last_year_s_level_written_before_the_change_from_it():
    text = "上半年，13家银行平均净息差1.5%，较去年同期1.62%下降12BP；营收较去年同期增长5%。"
    assert [a for a, in rows(text, "as_of", date="2025-09-01")][1:] == [
        "2025-06", "2024-06", "2025-06", "2025-06"]


def test_an_undated_text_s_opening_takes_the_latest_year_it_names_later():
    text = ("截至2月10日，某政策性银行共发放春耕备耕贷款700亿元。\n"
            "2021年，该行累计投放贷款2.34万亿元。\n2022年，该行全力支持高标准农田建设。")
    assert rows(text, "as_of", date=None)[0] == ("2022-02-10",)
    # not a span's end of something else (round three)
    text = "8月29日，某银行发放贷款2亿元。\n2015-2016年发行的债券到期。"
    assert rows(text, "as_of", date=None) == [(None,)]


def test_a_bond_issue_with_no_day_is_of_its_tranche_s_year():
    text = ("成都农商银行2021年第一期二级资本债券已于日前成功发行，规模为70亿元。\n"
            "本期债券票面利率为4.20%。")
    assert rows(text, "as_of", date=None) == [("2021",), ("2021",)]


def test_the_levels_a_span_of_years_starts_from_and_reaches_stand_at_its_years_ends():
    text = "2021-2024年，兰州银行不良贷款率从1.65%稳步降至1.02%；营收从70亿元增至80亿元。"
    assert rows(text, "as_of", date="2025-06-01") == [
        ("2021-12",), ("2024-12",), ("2021",), ("2024",)]


def test_yesterday_is_the_day_before_the_article_s():
    text = "恒生银行股价昨日收报95.85元，跌5.75%。"
    assert rows(text, "as_of", date="2024-08-01") == [("2024-07-31",), ("2024-07-31",)]
    assert rows(text, "as_of", date=None) == [(None,), (None,)]


def test_figures_of_the_years_ahead_have_no_date():
    text = "2022年，报告显示，未来两到三年的战略布局中，94.52%的受访银行将推进零售战略。"
    assert rows(text, "as_of", date="2023-03-01") == [(None,)]
    text = "2022年，该行未来五年绿色贷款占比力争达到30%，当年绿色贷款增长25%。"
    assert rows(text, "as_of", date="2023-03-01") == [(None,), ("2022-12",)]


def test_a_compared_bank_s_level_in_brackets_after_its_name_is_its_own():
    text = "从营收端看，光大银行-7.94%的降幅远高于招商银行(-0.51%)，也显著低于浦发银行(+1.88%)。"
    assert rows(text, "entity") == [("光大银行",), ("招商银行",), ("浦发银行",)]


def test_a_change_of_a_business_measure_in_a_sentence_with_no_subject_is_the_bank_s():
    text = ("2024年末邮储银行总资产达到17.08万亿元。\n"
            "特别是利润指标，虽然净利润仍保持0.34%的增速。\n农业银行不良贷款率为1.3%。")
    assert rows(text, "entity", date="2025-04-01") == [("邮储银行",), ("邮储银行",), ("农业银行",)]


def test_the_middle_of_a_year_is_its_june():
    text = "截至到今年年中，该行总资产攀升至7197.38亿元。2024年中国银行业总资产增长5%。"
    assert rows(text, "as_of", date="2025-09-01") == [("2025-06",), ("2024-12",)]


def test_a_province_s_totals_and_a_sentence_that_says_both_banks_are_no_one_bank_s():
    text = "宁波银行个人贷款增长5%。\n6月末浙江省个人贷款余额83176.83亿元，比年初增加199.85亿元。"
    assert rows(text, "entity", date="2025-08-01") == [("宁波银行",), (None,), (None,)]
    text = "齐鲁银行营收增长5%，青岛银行营收增长6%。贷款增速均超过8%，科技投入年均增长30%。"
    assert rows(text, "entity", date="2025-08-01") == [
        ("齐鲁银行",), ("青岛银行",), (None,), ("青岛银行",)]


def test_tenths_and_more():
    assert rows("其六成多贷款投向小微企业，七成以上为信用贷款。", "text", "value", "qualifier") == [
        ("六成多", 60.0, ">"), ("七成以上", 70.0, "≥")]


def test_both_of_the_terms_is_no_both_of_the_banks():
    # 分别 and 各…均 list a bank's terms, not the banks named before
    text = ("工商银行下调存款利率。招商银行与大行相同，1年期下调10BP，2年、3年期分别下调20BP、25BP。"
            "定期各期限利率均有下调15个基点。")
    assert [e for e, in rows(text, "entity", date="2022-09-20")] == ["招商银行"] * 4


# Round ten: read from the misses of round nine's blind sets (h, j, k) and round eight's.

def test_an_undated_text_is_written_in_the_latest_year_it_names_as_past():
    # 今年 in an undated text takes the latest year it names anywhere, not only before it:
    # "2025年上半年已提升至1.7%" said first makes "今年第三季度" 2025's
    text = ("去年底，该行净息差为1.36%，2025年上半年已提升至1.7%。\n"
            "截至今年第三季度末，该行贷款总额达3017.6亿元。")
    assert rows(text, "as_of")[-1] == ("2025-09",)


def test_a_day_of_the_news_is_of_the_article_s_year():
    # a day written without its year ("截至10月29日") is of the article's year, not of a year
    # an earlier sentence names as a reference ("对2024年经济总量排名前12位的经济大省")
    text = ("一是对2024年经济总量排名靠前的经济大省给予倾斜支持。"
            "截至10月29日，该公司投放金额1000亿元。")
    assert rows(text, "as_of", date="2025-11-03") == [("2025-10-29",)]
    # a control: the same sentence's year holds (2024年中期业绩显示，截至6月30日)
    text = "2024年中期业绩显示，截至6月30日，该行贷款余额1000亿元。"
    assert rows(text, "as_of", date="2025-03-01") == [("2024-06-30",)]


def test_a_gap_from_the_same_period_a_year_before_is_of_now():
    text = ("1月末，M2余额273.81万亿元，同比增长12.6%，增速分别比上月末和上年同期高0.8个和2.8个百分点。"
            "一季度贷款增量占比为86.92%，高于去年同期16.22个百分点。")
    assert [a for a, in rows(text, "as_of", date="2023-04-15")] == [
        "2023-01", "2023-01", "2023-01", "2023-01", "2023-03", "2023-03"]
    # controls: the level of a year before (低于去年同期3474亿元, 去年同期增速为) is that year's
    text = "上半年个人住房贷款减少1321.28亿元，低于去年同期3474亿元；去年同期增速为1.14%。"
    assert rows(text, "as_of", date="2024-08-30") == [("2024-06",), ("2023-06",), ("2023-06",)]


def test_a_year_a_figure_is_compared_with_is_a_base():
    # 好于2024年全年1.63%: that year's level; the change after it is of the sentence's period
    text = "今年上半年净息差为1.69%，好于2024年全年1.63%的表现，虽较2024年同比仍低8BP。"
    assert rows(text, "as_of", date="2025-08-30") == [("2025-06",), ("2024",), ("2025-06",)]


def test_a_rule_s_threshold_has_no_date():
    text = ("2024年6月末，该行资本充足率为12%，远高于8%的国际最低标准。拨备覆盖率远超120%-150%的监管要求。"
            "核心一级资本充足率不得低于5%。第一档中资大型银行上限为40%。")
    assert rows(text, "as_of", date="2024-08-01") == [
        ("2024-06",), (None,), (None,), (None,), (None,), (None,)]


def test_a_headline_line_s_figure_the_text_gives_again_takes_its_date():
    text = "一、广义货币增长11.5%\n9月末，广义货币(M2)余额151.64万亿元，同比增长11.5%。"
    assert rows(text, "as_of", date="2016-10-15") == [("2016-09",), ("2016-09",), ("2016-09",)]
    # a control: a long opening line that reads as a sentence is no headline
    text = ("广义货币增长11.5%，这一增速在今年以来的各月中处于较高的位置，市场普遍认为这与财政支出加快、"
            "信贷投放回暖等因素有关。\n9月末，同比增长11.5%。")
    assert rows(text, "as_of", date="2016-10-15")[0] == (None,)


def test_a_month_s_report_names_its_period():
    # the month a half-year report came out in is no date of its figures
    text = "2025年8月，江苏银行交出一份亮眼的半年报：资产总额达4.79万亿元，较上年末增长21.16%。"
    assert rows(text, "as_of", date="2025-09-01") == [("2025-06",), ("2025-06",)]


def test_hong_kong_and_taiwan_results_words():
    # 溢利 is Hong Kong's profit, 按年跌/按年少 its year-on-year change, and a dividend is the
    # year's: all the year's flows, not levels at its end
    text = "東亞銀行公布截至2022年底全年業績，可歸屬於股東溢利43.6億元，按年跌17.3%。派期末息0.17元，按年少51%。"
    assert rows(text, "as_of", date="2023-02-20") == [("2022",)] * 4
    # a year of the Republic's calendar before a month: 111年11月底 is November 2022
    text = "金管會表示，截至111年11月底止，本國銀行放款總餘額新臺幣36兆6,010億元。"
    assert rows(text, "as_of", date=None) == [("2022-11",)]


def test_the_first_two_months():
    text = "2025年前两个月，全国新发放普惠型小微企业贷款平均利率4.03%。"
    assert rows(text, "as_of", date="2025-04-01") == [("2025-02",)]


def test_a_date_written_right_before_a_figure_with_的_is_its():
    text = ("绿色贷款余额从2019年末的9.9万亿元增长至2024年末的36.6万亿元。"
            "净利润从2021年的16.03亿元增至2024年末的19.42亿元。")
    assert rows(text, "as_of", date="2025-04-01") == [
        ("2019-12",), ("2024-12",), ("2021",), ("2024",)]  # (profit: the year's flow)


def test_a_green_loan_book_s_growth_is_a_balance_s():
    text = "南京银行绿色信贷增速显著提升（2023年增速36.3%，2024年增速38.4%）。"
    assert rows(text, "as_of", date="2025-04-01") == [("2023-12",), ("2024-12",)]


def test_an_interim_report_named_leaves_its_year_the_present():
    # "发布2025年中期业绩" in an undated text: 2025 is not over, so 今年 is 2025 (a year's
    # results, 2024年业绩, would make the text 2025's)
    text = "8月28日，渤海银行发布2025年中期业绩。今年上半年，渤海银行营业收入达到142.15亿元。"
    assert rows(text, "as_of", date=None) == [("2025-06",)]
    text = "3月28日，渤海银行发布2024年业绩。今年一季度，渤海银行营业收入达到70亿元。"
    assert rows(text, "as_of", date=None) == [("2025-03",)]


def test_a_previous_value_is_the_month_before_s():
    text = "9月M1同比7.2%（前值6.0%），M2同比8.4%（前值8.8%）。"
    assert rows(text, "as_of", date="2025-10-15") == [
        ("2025-09",), ("2025-08",), ("2025-09",), ("2025-08",)]


def test_hong_kong_s_first_three_quarters_and_a_base_compared_at_length():
    text = "金管局指出，在今年首3季本港零售銀行整體除稅前經營溢利按年增加11.9%。"
    assert rows(text, "as_of", date="2025-12-01") == [("2025-09",)]
    # 與2023年錄得的…相比: 2023 is the base, the fall is the article's year's
    text = "2024年澳門銀行錄得利潤40億元，與2023年錄得的50.90億元利潤相比，跌幅達21.3%。"
    assert [a for a, in rows(text, "as_of", date="2025-03-01")][-1] == "2024"


def test_a_chance_of_reaching_a_level_is_a_forecast_and_a_milestone_crossed_is_dated():
    text = "今(2025)年1~10月國銀合計稅前盈餘達5,070.8億元，提前突破5,000億門檻。今年全年獲利有機會挑戰6,000億元。"
    assert rows(text, "as_of", date="2025-12-05") == [("2025-10",), ("2025-10",), (None,)]


def test_a_figure_measured_against_expectations_is_no_forecast():
    text = "今年6月当月，社融和人民币贷款分别新增5.17万亿和2.81万亿，较预期分别高出0.97万亿和0.41万亿。"
    assert [a for a, in rows(text, "as_of", date="2022-07-11")] == ["2022-06"] * 4


def test_money_earned_is_profit():
    text = "資產品質方面，10月逾放比維持0.15%。\n\n個別銀行方面，中國信託賺破550億元。"
    assert rows(text, "metric_family", "as_of", date="2025-12-05")[-1] == ("profit", "2025-10")


def test_a_rate_set_from_a_day_is_of_that_day():
    # the day a rate or a rule takes effect from (自…日起) dates what it sets, in its paragraph
    # and in the paragraphs after it that name no date; a year or a month 起 opens a span
    text = ("9月15日，六家国有大型商业银行齐发公告宣布，自2022年9月15日起调整人民币存款挂牌利率。\n"
            "其中3年期定期存款利率均调整为2.60%，较此前下调0.15个百分点。")
    assert rows(text, "as_of", date=None) == [("2022-09-15",), ("2022-09-15",)]
    text = "自2022年以来，该行贷款增长20%。"
    assert rows(text, "as_of", date="2022-09-16") == [(None,)]


# ------------------------------------------------------------------ round eleven
# Round eleven: read from the misses of the n sets (mainland technology lending, results and
# rates, Hong Kong and Taiwan); the sentences are written here, not copied.


def test_a_measure_written_after_its_figure_with_de_names_it():
    # "以X%的净利润增速领跑": the measure follows the figure; a bare 规模 names none
    text = "2024年，甲银行以12.5%的营收增速领跑同业，乙银行以0.71%的不良率位居前列。"
    assert rows(text, "metric_family", date="2025-04-01") == [("growth",), ("rate",)]
    text = "营业收入方面，丙银行以321.5亿元的规模领先，同比增长6.2%。"
    assert rows(text, "metric_family", date="2025-04-01")[0] == ("revenue",)


def test_an_example_of_banks_statistics_keeps_the_period():
    # 比如/例如 open an aside: a firm's loan keeps no date from before, a bank's balance does
    text = ("截至2024年6月末，股份行科技贷款余额普遍超千亿元。比如，甲银行科技企业贷款余额"
            "1234.5亿元，较年初增长8.1%；乙银行科技贷款余额超900亿元。")
    assert [a for a, in rows(text, "as_of", date="2024-09-04")] == ["2024-06"] * 4
    text = "截至2025年6月末，该行贷款余额突破800亿元。例如，丙公司获得贷款3000万元。"
    assert rows(text, "as_of", date="2025-08-01") == [("2025-06",), (None,)]


def test_now_is_the_articles_day():
    text = "截至目前，该行已为区域内企业提供授信支持达1200亿元。"
    assert rows(text, "as_of", date="2025-04-02") == [("2025-04-02",)]
    assert rows(text, "as_of", date=None) == [(None,)]


def test_rates_of_a_reset_take_the_day_it_took_effect():
    # a day a change starts from with 开始 or with its weekday in brackets
    text = "甲市各银行从3月11日开始下调房贷利率，首套房利率最低降至3.9%。"
    assert rows(text, "as_of", date="2024-03-20") == [("2024-03-11",)]
    text = "乙银行宣布，自11月4日(周一)起，最优惠利率由5.25厘调整至5.125厘。"
    # (the rate it starts from, a present tense, has no date: the brief of round fourteen)
    assert rows(text, "as_of", date="2025-10-29") == [(None,), ("2025-11-04",)]
    # a day rates were changed on dates the rates listed in the paragraphs after it
    text = ("8月5日，多家银行更新人民币存款挂牌利率。\n"
            "国有大行中，一年期定期存款挂牌利率下调10个基点至1.35%。")
    assert rows(text, "as_of", date="2024-08-05") == [("2024-08-05",), ("2024-08-05",)]
    # ... not a change before it ("此前于…"), which dates only its own paragraph
    text = ("5月8日，多家银行更新存款挂牌利率，两年期下调15个基点。\n"
            "此前于2月2日，部分银行下调存款利率。\n"
            "其中三年期存款利率下调10个基点。")
    assert rows(text, "as_of", date="2024-05-08") == [("2024-05-08",), ("2024-05-08",)]


def test_rates_listed_before_the_day_they_took_effect_take_it():
    # the day named after them, when the rates are in force by the article's day
    text = ("丁银行三年期定期存款利率为2.45%，下调15个基点。\n"
            "记者获悉，多家银行将从今天(4月18日)起调整个人存款利率。")
    assert rows(text, "as_of", date="2024-04-19") == [("2024-04-18",), ("2024-04-18",)]
    # ... not a day announced for later: the rates are not yet in force
    text = "戊银行最优惠利率将下调至5厘。\n该行表示，调整由下周一(11月3日)起生效。"
    assert rows(text, "as_of", date="2025-10-30") == [(None,)]


def test_today_or_tomorrow_as_the_day_a_change_takes_effect():
    text = "己银行宣布，由明日起下调港元最优惠利率12.5点子。"
    assert rows(text, "as_of", date="2025-10-30") == [("2025-10-31",)]


def test_a_holding_company_is_no_bank():
    # Taiwan's financial holding companies by their short names: the group's figures
    text = "兆豐金前10月累計稅後盈餘達到303.58億元。合庫金前10月獲利180.12億元。"
    assert rows(text, "entity", date="2025-11-07") == [(None,), (None,)]
    text = "合庫銀前10月獲利150億元。"
    assert rows(text, "entity", date="2025-11-07") == [("合作金库银行",)]


def test_or_above_after_a_figure_is_its_qualifier():
    text = "戶口結餘達5,000港元或以上的儲蓄存款，年利率下調至0.001%；100萬元或以下的不變。"
    assert rows(text, "text", "qualifier") == [
        ("5,000港元或以上", "≥"), ("0.001%", "="), ("100萬元或以下", "≤")]


def test_numbers_written_digit_by_digit_with_a_circle_for_zero():
    # as Taiwan's papers print them: 二七六億, 百分之二點○九一, ○點○七二個百分點
    text = "新承做放款利率為百分之二點○九一，下降○點○七二個百分點；撥款金額由二七六億降至二四○億元。"
    assert rows(text, "text", "value", date="2026-02-26") == [
        ("百分之二點○九一", 2.091), ("○點○七二個百分點", 0.072), ("二七六億", 2.76e10),
        ("二四○億元", 2.4e10)]


# A print page of a Taiwan paper writes every number in Chinese digits, with a point between them
# and a percent sign after them, and 兆 (a trillion) inside an amount


@pytest.mark.parametrize("text, expected", [
    ("本國銀行海外分行去年獲利三二一．八億元，年增十九．六％，其中香港分行減少〇．三五％。",
     [("三二一．八億元", 3.218e10), ("十九．六％", 19.6), ("〇．三五％", 0.35)]),
    ("全體銀行放款餘額達十二兆三四五六．七八億元，年增八％，逾放比二九七％。",
     [("十二兆三四五六．七八億元", 1.2345678e13), ("八％", 8.0), ("二九七％", 297.0)]),
    # (controls: a heading's numbering and a bank named with 兆 are no figures)
    ("一．銀行放款。兆豐銀行增資五十億元。", [("五十億元", 5e9)]),
])
def test_numbers_of_a_print_page_in_chinese_digits(text, expected):
    assert rows(text, "text", "value", date="2022-03-01") == expected


def test_the_whole_year_after_a_quarter_is_the_year():
    # 全年 is the year of the date before it, not the quarter a sentence before named
    text = ("2024年，银行业营收承压。但得益于四季度债市行情，全年营收增速较前三季度回升。"
            "其中，城商行全年营收增速较前三季度提升2.7个百分点。")
    assert rows(text, "as_of", date="2025-03-30") == [("2024",)]
    # ... but not a plan's year (全年计划)
    text = "2025年上半年，该行贷款投放进度已超过全年计划的60%。"
    assert rows(text, "as_of", date="2025-08-01") == [("2025-06",)]


def test_january_written_as_yuan_yue():
    text = "上市銀行股元月獲利出爐，甲銀行元月稅後純益18.14億元。"
    assert rows(text, "as_of", date="2026-02-11") == [("2026-01",)]
    text = "该产品收费为每年100美元，月费另计。"  # (美元 before 月: no month)
    assert rows(text, "as_of", date="2026-02-11") == [(None,)]


def test_a_share_of_a_years_flow_is_of_the_year():
    # a share of the year's lending (其中…超过90%) is of the year, not its end, as a share
    # of a balance is
    text = "该行2022年全年发放科技贷款2619亿元，其中中长期贷款占比超过90%。"
    assert rows(text, "as_of", date="2023-01-28") == [("2022",), ("2022",)]
    text = "该行2022年末贷款余额2619亿元，其中中长期贷款占比超过90%。"
    assert rows(text, "as_of", date="2023-01-28") == [("2022-12",), ("2022-12",)]


def test_a_shares_move_in_a_session_is_of_the_articles_day():
    text = "2025年，甲银行净利润下降10%。业绩公布后，甲银行股价下午一度急挫8.5%，低见12.3元。"
    assert rows(text, "as_of", date="2026-02-13") == [("2025",), ("2026-02-13",), ("2026-02-13",)]
    # a price target is a forecast, the close before is the session before
    text = "研报给予甲银行目标价，盘中目标涨幅达20%；较前收盘价6.48元上涨。"
    assert rows(text, "as_of", date="2026-02-13") == [(None,), (None,)]


# Read from the misses of the o sets (after their first score)


def test_the_year_so_far_in_a_part_year_report_is_its_period():
    text = "甲銀行公布2025年中期業績。年內淨利息收入按年減少8.2%至50.1億元。"
    assert rows(text, "as_of", date="2025-08-20")[-2:] == [("2025-06",), ("2025-06",)]


def test_a_growth_rate_of_the_same_period_a_year_before_in_brackets():
    text = "2025年7月末，人民币贷款余额同比增长6.9%，较上年同期增速(8.7%)有所放缓。"
    assert rows(text, "as_of", date="2025-08-13") == [("2025-07",), ("2024-07",)]


def test_the_rate_a_change_starts_from_has_no_date_of_its_own():
    # written the day before the cut takes effect: the rate it starts from is a present tense,
    # no date (the brief of round fourteen)
    text = "乙銀行表示，由周五﹙31日﹚起，下調港元最優惠利率12.5點子，年利率由5.125%調低至5%。"
    assert rows(text, "as_of", date="2025-10-30") == [
        ("2025-10-31",), (None,), ("2025-10-31",)]
    # ... nor a cut already in force
    text = "自2025年9月1日起，丙银行一年期存款利率由1.65%下调至1.55%。"
    assert rows(text, "as_of", date="2025-09-02") == [(None,), ("2025-09-01",)]


def test_a_level_better_than_last_years():
    text = "丁銀行2025年稅後純益148.2億元，EPS為3.06元，優於上年的2.78元。"
    assert rows(text, "as_of", date="2026-03-07") == [("2025",), ("2025",), ("2024",)]


def test_the_first_two_months_without_a_year():
    text = "戊金控累計前兩月稅後純益81.9億元，年成長53%。"
    assert rows(text, "as_of", date="2026-03-07") == [("2026-02",), ("2026-02",)]


def test_a_shares_move_after_results_of_a_period_is_of_the_day():
    text = "己銀行公布2025年中期業績，純利升14%。消息帶動下，股價午後抽升，最新報13.18元，升4.1%。"
    assert rows(text, "as_of", date="2025-08-21")[-2:] == [("2025-08-21",), ("2025-08-21",)]


def test_a_total_or_an_average_over_the_years_up_to_now_has_no_date():
    text = "2024年，该行营收增长5%。近五年来，该行总资产年均增速保持在15%以上。"
    assert rows(text, "as_of", date="2025-05-01") == [("2024",), (None,)]
    text = "2024年，该行营收增长5%。三年多来，该行累计放款近150亿元。"
    assert rows(text, "as_of", date="2025-05-01") == [("2024",), (None,)]
    # ... unless its own sentence dates it: to that date
    text = "截至2025年10月末，该行科创贷款余额突破800亿元，近三年复合增长率达40%。"
    assert rows(text, "as_of", date="2025-11-20") == [("2025-10",), ("2025-10",)]


# Read from the misses of the p sets (after their first score)


def test_a_holding_company_the_text_turns_to_takes_the_figures_after_it():
    text = "華南銀行上半年稅後盈餘100億元。華南金上半年自結稅後盈餘116.82億元。截至6月底，淨值達2152億元。"
    assert rows(text, "entity", date="2025-08-28") == [("华南银行",), (None,), (None,)]


def test_a_forecasts_year_is_no_present():
    # an undated text whose only year is a forecast's: no present, so no year for 今年
    text = "合庫金控預估2026年國內房市將量縮。\n該行今年10月底房貸餘額8700億元。"
    assert rows(text, "as_of", date=None) == [(None,)]


def test_hong_kong_interim_results_without_their_year():
    text = "恒生銀行中期少賺4%，派中期息1.1元。大新銀行半年純利升13%。"
    assert [a for a, in rows(text, "as_of", date="2025-08-21")] == ["2025-06"] * 3
    # 第二次中期股息 is paid with a year's results; 近半年 is a span
    text = "東亞銀行去年純利下跌24%，第二次中期股息減42%。"
    assert rows(text, "as_of", date="2026-02-13") == [("2025",), ("2025",)]
    assert rows("近半年盈利增长5%。", "as_of", date="2026-02-13") == [(None,)]


def test_income_lines_of_a_results_period_carried_from_the_paragraph_before():
    text = "2023年，台中銀稅後純益52億元。\n合併利息淨收益113.24億元，手續費淨收益39.36億元。"
    assert rows(text, "as_of", date="2024-03-10") == [("2023",), ("2023",), ("2023",)]


# Read from the misses of the q sets (after their first score)


def test_an_article_dated_by_its_month_only():
    # a manifest or a page that gives the month without its day: 今年 and 目前 read by it
    text = "今年上半年，该行新增贷款100亿元。截至目前，该行贷款余额1200亿元。"
    assert rows(text, "as_of", date="2019-08") == [("2019-06",), ("2019-08",)]


def test_points_in_analysts_notes_and_a_rate_from_which_loans_start():
    text = "不良率、拨贷比分别较上年末下降20.7pc、下降14bps，净息差收窄39个BPs。消费贷年化利率2.69%起。"
    assert rows(text, "text", "unit", "qualifier") == [
        ("20.7pc", "pp", "="), ("14bps", "pp", "="), ("39个BPs", "pp", "="), ("2.69%起", "%", "≥")]
    assert rows("共10pcs产品。", "text") == []  # (a word's letters: no points)


def test_a_holding_company_after_two_banks_named_before():
    # (two banks named in the sentences before, then the group: its figures are no bank's;
    # this shape once raised an error, in a Taiwan results piece)
    text = ("永豐銀行稅後淨利34.77億元，京城銀行稅後淨利5億元。永豐金控表示，"
            "當月每股盈餘為0.35元。\n年化股東權益報酬率為23.3%。")
    entities = [e for e, in rows(text, "entity", date="2026-02-09")]
    assert entities[:2] == ["永丰银行", "京城商业银行"] and entities[2:] == [None, None]


def test_an_article_whose_figures_raise_costs_only_its_own(figures_fail_on_error_text):
    # a text no rule foresaw: a warning names its file, the other articles' figures are read
    articles = pd.DataFrame([
        {"article_id": "a-1", "source_file": "a.md", "text": "出错的文章，贷款100亿元。", "date": None},
        {"article_id": "b-1", "source_file": "b.md", "text": "该行贷款余额200亿元。", "date": None}])
    with pytest.warns(UserWarning, match="a.md: its figures were not read"):
        table = extract_figures(articles)
    assert table["source_file"].tolist() == ["b.md"]


# ------------------------------------------------------------------ round twelve
# Read from the misses of the s sets (after their first score)


def test_the_level_a_change_reaches_is_the_measures():
    # "净利润同比增长5%至100亿元": 100亿元 is the profit, not the change
    text = "招商银行净利润同比增长5%至100亿元。中银香港全年盈利创新高，按年增长2.7%至320亿元。"
    assert rows(text, "text", "metric_family") == [
        ("5%", "growth"), ("100亿元", "profit"), ("2.7%", "growth"), ("320亿元", "profit")]
    text = "贷款余额较年初增加2000亿元至6万亿元，不良率较年初下降0.1个百分点至1.2%。"
    assert rows(text, "text", "metric_family") == [
        ("2000亿元", "growth"), ("6万亿元", "loan_balance"), ("0.1个百分点", "growth"),
        ("1.2%", "rate")]
    # a range's ends are of one measure: neither is a level reached
    assert rows("净利润增幅为5%至8%。", "metric_family", "qualifier") == [
        ("growth", "≥"), ("growth", "≤")]
    assert rows("活期利率下调5个基点至0.05%。", "text", "metric_family") == [
        ("5个基点", "growth"), ("0.05%", "rate")]


def test_fees_and_interest_income_are_no_revenue():
    text = "该行营业收入300亿元，利息净收入200亿元，手续费及佣金净收入同比增长29.3%至48.5亿元，ROE为12%。"
    assert rows(text, "text", "metric_family") == [
        ("300亿元", "revenue"), ("200亿元", "other"), ("29.3%", "growth"), ("48.5亿元", "other"),
        ("12%", "rate")]


def test_the_interim_dividend_a_years_dividend_counts_is_no_period():
    # a year's results name the interim dividend paid with it: the figures after stay the year's
    text = ("中銀香港公布，截至2018年底止全年盈利按年增長2.7%至320億元。\n"
            "中銀宣布派末期息0.923元，連同中期息，全年共派息1.468元。\n期內，淨利息收入393.94億元。")
    assert [a for a, in rows(text, "as_of", date=None)] == ["2018"] * 5


def test_hong_kong_results_of_the_year_to_its_end():
    # 截至去年底止全年业绩 names last year's report: 年内 in it is that year, a final dividend
    # and an impairment charge are of the year
    text = ("中銀香港公布截至去年底止全年業績，股東應佔溢利327.23億元。\n"
            "末期息每股1.145元。去年，貸款及其他賬項減值準備淨撥備64.19億元。"
            "年內，風險加權資產總額約1.3萬億元。")
    assert rows(text, "as_of", "metric_family", date="2024-03-28") == [
        ("2023", "profit"), ("2023", "other"), ("2023", "other"), ("2023-12", "assets")]
    text = "東亞銀行公布截至2023年12月31日止年度業績。年內，客戶貸款增長2%。"
    assert rows(text, "as_of", date="2024-03-28") == [("2023-12",)]


def test_a_base_compared_with_last_years_figure_dates_the_present():
    from analysis.figures import named_years
    text = "截至去年底，资本比率为17.48%，较2017年底上升0.96个百分点。"  # (read simplified)
    assert [year for _, year in named_years(text)] == [2019]
    text = "截至今年6月末，不良余额较2019年年末增加。"
    assert [year for _, year in named_years(text)] == [2020]


def test_this_years_forecast_does_not_date_the_next_paragraph():
    text = ("中信金控2025年稅後獲利創新高，以今年的獲利年成長12%來看，今年的現金股利可望超過2.5元。\n"
            "稅後股東權益報酬率（ROE）為16.88%。")
    assert rows(text, "text", "as_of", date="2026-03-12")[-1] == ("16.88%", "2025")


def test_the_whole_year_is_that_of_the_nearest_date_before():
    # 目前 (the article's day) written earlier in the paragraph does not make 全年 this year
    text = ("第一金控今（4）日公布去（2025）年稅後淨利，目前規畫配發率以65%為目標。"
            "2025年銀行淨利息收入年增12.4%，全年度總授信餘額年增6.3%。")
    assert rows(text, "text", "as_of", date="2026-03-04")[-1] == ("6.3%", "2025-12")
    # nor one in brackets, an aside's
    text = "平安银行2020年不良新生成率约2.58%(2019年为2.76%)。全年营业收入增速回落至11.3%。"
    assert rows(text, "text", "as_of", date="2021-03-01")[-1] == ("11.3%", "2020")


def test_citic_and_bank_of_shanghai_in_taiwans_press_are_its_own_banks():
    # beside Taiwan's banks (or New Taiwan dollars), 中信銀行 is CTBC and 上海銀行 is 上海商銀
    text = "第二季行員獲利貢獻，京城銀行611.61萬元居首，中信銀行323.09萬元。"
    assert rows(text, "entity", "entity_en") == [
        ("京城商业银行", "King's Town Bank"), ("中国信托商业银行", "CTBC Bank")]
    # a mainland piece keeps CITIC
    assert rows("中信银行净利润同比增长3.5%，招商银行增长1.2%。", "entity") == [
        ("中信银行",), ("招商银行",)]


# ------------------------------------------------------------------ round thirteen
# Written before the u sets were opened


@pytest.mark.parametrize("text, expected", [
    # the latest year named only whole, and 去年: a review of that year, written the year after
    ("2023年，工商银行实现净利润3640亿元。去年末，该行贷款余额28万亿元。今年一季度，该行净利润870亿元。",
     [("3640亿元", "2023"), ("28万亿元", "2023-12"), ("870亿元", "2024-03")]),
    # named with a part of the year: written in that year
    ("截至2024年6月末，招商银行贷款余额6.8万亿元。去年全年，该行净利润1466亿元。",
     [("6.8万亿元", "2024-06"), ("1466亿元", "2023")]),
    ("2024年上半年，建设银行科技贷款余额1.2万亿元。去年，该行新增绿色贷款3000亿元。",
     [("1.2万亿元", "2024-06"), ("3000亿元", "2023")]),
    # a present read from a base (较2023年末: written in 2024) is not moved on
    ("去年，工商银行净利润3640亿元。截至今年3月末，该行科技贷款余额2.5万亿元，较2023年末增长10%。",
     [("3640亿元", "2023"), ("2.5万亿元", "2024-03"), ("10%", "2024-03")]),
])
def test_last_year_in_an_undated_article_is_read_against_its_present(text, expected):
    assert rows(text, "text", "as_of", date=None) == expected


def test_last_year_without_any_year_named_stays_undated():
    assert rows("去年，工商银行净利润3640亿元。", "as_of", date=None) == [(None,)]


@pytest.mark.parametrize("text, expected", [
    # Hong Kong's interbank and mortgage rates, in 厘
    ("一個月HIBOR報3.2厘。", [("3.2厘", "rate")]),
    ("一個月拆息升至3.2厘，實際按息3.5厘。", [("3.2厘", "rate"), ("3.5厘", "rate")]),
    ("H按以H+1.3厘計。", [("1.3厘", "growth")]),
    # 厘 with no rate before it is no percent (a thousandth of a yuan)
    ("每股派息0.3厘。", []),
])
def test_hong_kongs_interbank_and_mortgage_rates_in_li(text, expected):
    assert rows(text, "text", "metric_family") == expected


@pytest.mark.parametrize("text, expected", [
    # Taiwan's words for a change (成長, 衰退, 年增率) and its ratios (逾放比, 存放比)
    ("國泰世華銀行放款成長6%，獲利衰退3%，年增率12.5%。",
     [("6%", "growth"), ("3%", "growth"), ("12.5%", "growth")]),
    ("兆豐銀行逾放比0.15%，存放比76%，資產報酬率0.6%。",
     [("0.15%", "rate"), ("76%", "rate"), ("0.6%", "rate")]),
    # a cost-to-income ratio is one, whether stated or reached
    ("该行成本收入比为45%，较上年下降1.07个百分点。", [("45%", "rate"), ("1.07个百分点", "growth")]),
])
def test_taiwans_words_for_a_change_and_its_ratios(text, expected):
    assert rows(text, "text", "metric_family") == expected


# Read from the misses of the u sets (after their first score)


def test_the_base_at_last_years_year_end_written_with_year_twice():
    text = "2025年上半年,江苏银行不良贷款率较上年年末的0.89%进一步降至0.84%。"
    assert rows(text, "text", "as_of", date=None) == [("0.89%", "2024-12"), ("0.84%", "2025-06")]


def test_a_report_named_with_its_year_and_its_reporters():
    # the year stands before the reporters (上市银行), not before the report's word
    text = "随着日前2025年上市银行半年报发布结束,江苏银行资产总额达到4.79万亿元。"
    assert rows(text, "as_of", date="2025-06") == [("2025-06",)]
    assert rows("2024年A股上市银行年报显示，招商银行净利润1484亿元。", "as_of", date=None) == [
        ("2024",)]


@pytest.mark.parametrize("date, expected", [
    # in March, what is "expected" of last year is an estimate of results already in
    ("2022-03-10", [("3312.3亿元", "2021"), ("23.2%", "2021")]),
    # a forecast of the year the article is in has no date yet
    ("2021-11-10", [("3312.3亿元", None), ("23.2%", None)]),
])
def test_an_estimate_of_a_period_over_is_dated_a_forecast_is_not(date, expected):
    text = "根据业绩预报，招商银行预计全年营收达到3312.3亿元，同比增长23.2%。"
    if date.startswith("2022"):
        text = text.replace("全年", "去年")
    assert rows(text, "text", "as_of", date=date) == expected


def test_a_cost_of_funds_rate_is_one_over_the_year():
    text = "2021年,该行负债平均成本率2.21%,其中存款平均成本率2.04%,同比下降19个基点。"
    assert rows(text, "as_of", date="2022-03-10") == [("2021",)] * 3


@pytest.mark.parametrize("text, expected", [
    # other big banks: a group, not the bank named before
    ("交通银行贷款平均利率仅3.75%,其他大行利率同比降幅最高达34个基点。",
     [("3.75%", "交通银行"), ("34个基点", None)]),
    # a bar that picks banks out as a group
    ("苏商银行资产总额1100亿元。资产总额不足500亿元的民营银行共有8家。",
     [("1100亿元", "苏商银行"), ("500亿元", None)]),
    ("招商银行不良率0.95%，不良率低于1%的银行有15家。", [("0.95%", "招商银行"), ("1%", None)]),
])
def test_a_group_of_banks_owns_its_figures(text, expected):
    assert [r for r in rows(text, "text", "entity") if not r[0].endswith("家")] == expected


def test_a_review_of_last_year_written_in_january_dates_its_year():
    text = ("回望2025，盘点银行业十大关键词\n"
            "年内部分大行通过定向增发募集资金共计5200亿元，政府拟发行特别国债5000亿元。"
            "1年定期利率首次跌破1%。")
    assert rows(text, "text", "as_of", date="2026-01-04") == [
        ("5200亿元", "2025"), ("5000亿元", None), ("1%", "2025")]
    # not a review: the year so far
    text = "年内部分大行通过定向增发募集资金共计5200亿元。"
    assert rows(text, "as_of", date="2026-01-04") == [("2026",)]


# Read from the misses of the uc set (Hong Kong and Taiwan, after its first score)


def test_a_year_in_chinese_numerals_and_a_day_after_its_weekday():
    text = "創興銀行(01111)昨日公布二○一二年中期業績,上半年純利錄2.59億元,按年倒退36.61%。"
    assert rows(text, "text", "as_of", "metric_family", date=None) == [
        ("2.59億元", "2012-06", "profit"), ("36.61%", "2012-06", "growth")]
    text = "中央銀行週四(3/23)宣布升息半碼 (0.125個百分點)。"
    assert rows(text, "text", "as_of", date="2023-03-24") == [
        ("半碼", "2023-03-23"), ("0.125個百分點", "2023-03-23")]


@pytest.mark.parametrize("text, expected", [
    ("央行共升息3.5碼，台銀跟進升息半碼。", [("3.5碼", 0.875), ("半碼", 0.125)]),
    ("降息1碼。", [("1碼", 0.25)]),
    # a code, a password: no notches
    ("掃描二維碼，輸入密碼3碼。", []),
])
def test_notches_of_a_rate_move_are_quarter_points(text, expected):
    assert [(t, float(v)) for t, v in rows(text, "text", "value")] == expected


# A fraction of a point, as Hong Kong's papers write a rate's step: 八分一厘 is an eighth of a point


@pytest.mark.parametrize("text, expected", [
    ("甲銀行宣布加P八分一厘，最優惠利率升至5.875厘。", [("八分一厘", 0.125, "pp"), ("5.875厘", 5.875, "%")]),
    ("乙銀行上調同業拆息按揭計劃(H按)封頂息四分一厘。", [("四分一厘", 0.25, "pp")]),
    ("丙銀行一年定存年息四分三厘。", [("四分三厘", 0.75, "%")]),
    # (controls: an old rate in 分 and 厘, no fraction of more than the whole, no 十四分)
    ("民間借貸月息二分一厘，存款年息四分五厘，一百四分一厘。", []),
])
def test_a_fraction_of_a_point_as_hong_kong_writes_a_rate(text, expected):
    assert [(t, float(v), u) for t, v, u in rows(text, "text", "value", "unit")] == expected


def test_what_a_result_passed_is_dated_as_a_base():
    text = "高雄銀行累計前11月稅後純益11.7億元，也超越去年全年的9.61億元，每股盈餘0.62元。"
    assert rows(text, "text", "as_of", date="2025-12-12") == [
        ("11.7億元", "2025-11"), ("9.61億元", "2024"), ("0.62元", "2025-11")]
    text = "上海商銀累計至11月稅後純益141.66億元，前11月獲利已超越去年全年獲利，每股盈餘2.92元。"
    assert rows(text, "as_of", date="2025-12-12")[-1] == ("2025-11",)


def test_years_of_a_target_or_a_plan_name_no_present():
    from analysis.figures import named_years

    assert named_years("現時的目标是2024及2025年均实现约15%的回报率。") == []
    assert named_years("董事会并拟自2025年起按季度宣派股息。") == []
    assert [y for _, y in named_years("2023及2024年净利润分别为…")] == [2024]


@pytest.mark.parametrize("text, expected", [
    ("滙控派第二次股息每股10美仙。", [("10美仙", 0.1, "USD")]),
    ("大額存款500萬元(含)以上。", [("500萬元(含)以上", 5000000.0, "TWD")]),
])
def test_us_cents_and_an_inclusive_bound(text, expected):
    got = [(t, float(v), u) for t, v, u in rows(text, "text", "value", "unit", date="2023-03-24")]
    assert got == expected or (text.startswith("大額") and got == [
        (expected[0][0], expected[0][1], "CNY")])
    if text.startswith("大額"):
        assert rows(text, "qualifier") == [("≥",)]


@pytest.mark.parametrize("text, expected", [
    ("滙豐控股宣布,除稅前利潤215.56億元(美元‧下同),按年跌0.47%。單計第二季,稅前利潤89.06億元。",
     ["USD", "%", "USD"]),
    # written variants: a point or a semicolon before 下同, 以下同, the yuan declared in a Hong Kong
    # paper, and a currency written before a bracket that keeps it (单位下同)
    ("星展香港公布,商業地產貸款減值28億元(美元.下同),較半年前的4﹒5億元大增。", ["USD", "USD"]),
    ("東亞銀行公布,中國業務溢利12.5億元(人民幣;下同),上半年貸款減值3.1億元。", ["CNY", "CNY"]),
    ("中銀香港公布,內地業務溢利30億元(人民幣,以下同),較去年多5億元。", ["CNY", "CNY"]),
    ("台北富邦銀行香港分行錄得盈利3.6億元港幣(單位下同),年增0.5億元。", ["HKD", "HKD"]),
])
def test_a_currency_declared_for_what_follows(text, expected):
    assert [u for (u,) in rows(text, "unit", date="2024-08-01")] == expected


@pytest.mark.parametrize("text, expected", [
    # Hong Kong's banks as a whole, and the interbank rate, are no bank's
    ("【按揭/滙豐】美國減息後，港銀宣布維持最優惠利率於5厘不變。今天1個月拆息為2.98%。",
     [("5厘", None), ("2.98%", None)]),
    # a share's current price (現價) is the market's
    ("中國銀行去年純利升2%,現價4.63元,升0.2%。",
     [("2%", "中国银行"), ("4.63元", None), ("0.2%", None)]),
])
def test_the_market_and_the_sector_in_hong_kong_own_their_figures(text, expected):
    assert rows(text, "text", "entity", date="2025-03-27") == expected


def test_a_dividend_that_may_come_is_a_forecast():
    text = "玉山金控指出，今年現金股利有可能在1.3元以上，甚至可上看1.4元。"
    assert rows(text, "text", "as_of", date="2026-02-24") == [("1.3元以上", None), ("1.4元", None)]


# Read from the misses of the v sets (after their first score)


def test_a_list_of_banks_each_with_its_stock_quote():
    text = ("其中,工商银行(6.890, -0.04, -0.58%)、农业银行(5.140, -0.04, -0.77%)的绿色贷款规模"
            "分别为5.4万亿元、4.05万亿元。")
    assert rows(text, "text", "entity", "metric_family", "scope") == [
        ("0.58%", None, "growth", "market"), ("0.77%", None, "growth", "market"),
        ("5.4万亿元", "工商银行", "loan_balance", "bank"),
        ("4.05万亿元", "农业银行", "loan_balance", "bank")]


@pytest.mark.parametrize("text, expected", [
    ("农业发展银行江苏省分行上半年累放贷款157亿元。", [("157亿元", "中国农业发展银行")]),
    ("若排除輸出入銀行的411.38萬元，全國農業金庫523.61萬元居次。",
     [("411.38萬元", "中国输出入银行"), ("523.61萬元", "全国农业金库")]),
    ("滙豐、渣打香港、中銀香港維持最優惠利率5%、5.25%、5%。",
     [("5%", "汇丰银行"), ("5.25%", "渣打银行"), ("5%", "中银香港")]),
    # a bank that speaks of another subject owns nothing of it
    ("彰銀表示,美國本波升息以來,基準利率增加1.75個百分點。", [("1.75個百分點", None)]),
])
def test_banks_read_from_wave_v(text, expected):
    assert rows(text, "text", "entity", date="2025-08-01") == expected


@pytest.mark.parametrize("text, date, expected", [
    # Hong Kong's 现时 is now
    ("現時一般新造H按計劃為H+1.3%。", "2026-01-29", [("1.3%", "2026-01-29")]),
    # what a flow equals (相当于2024年全年增量) is a base: the text is written later
    ("今年上半年,邮储银行江苏分行新增贷款1345亿元,相当于2024年全年增量。", None,
     [("1345亿元", "2025-06")]),
    # the time an event began is compared with, no period of the figures after it
    ("3月末,绿色贷款余额超过9600亿元,是2019年试验区创建之初的5.4倍;普惠小微贷款余额超6300亿元。\n"
     "截至3月末,累计发放转型贷款逾50亿元。", "2025-04-23",
     [("9600亿元", "2025-03"), ("6300亿元", "2025-03"), ("50亿元", "2025-03")]),
    # Taiwan's 估, 预估: a forecast
    ("手續費收入預估成長15%~16%，全年SWAP收益估降到105億元。", "2026-02-24",
     [("15%", None), ("16%", None), ("105億元", None)]),
])
def test_dates_read_from_wave_v(text, date, expected):
    assert [r for r in rows(text, "text", "as_of", date=date) if r[0] != "5.4倍"] == expected


def test_a_targets_level_has_no_date():
    assert rows("此外,2024年的股息派付比率目標為50%。", "as_of", date="2024-08-01") == [(None,)]
    assert rows("2024年净利润100亿元，目标为200亿元。", "as_of", date="2025-03-01") == [
        ("2024",), (None,)]
    # a share of a target reached is dated
    assert rows("上半年貸款投放進度已超過全年計劃目標的60%。", "as_of", date="2024-08-01") == [
        ("2024-06",)]


def test_a_results_piece_opening_on_its_banks_period_dates_the_paragraphs_after():
    text = ("東亞銀行(00023-HK)2016年上半年,貸款減值損失升59.9%至12.41億港元。\n"
            "集團淨利息收入減少11.3%至54.83億港元。")
    assert rows(text, "as_of", date="2016-08-19") == [("2016-06",)] * 4
    # an opening that names no bank's period does not
    text = "2016年上半年,经济增速放缓。\n集团净利息收入减少11.3%至54.83亿港元。"
    assert rows(text, "as_of", date="2016-08-19") == [(None,), (None,)]


def test_a_year_of_taiwans_calendar_shows_an_undated_texts_present():
    from analysis.figures import named_years

    assert [y for _, y in named_years("中央銀行自112年3月24日起調升利率。")] == [2023]
    text = "中央銀行自112年3月24日起調升利率。\n中央銀行週四(3/23)宣布升息半碼。"
    assert rows(text, "text", "as_of", date=None) == [("半碼", "2023-03-23")]


@pytest.mark.parametrize("text, expected", [
    ("國內通膨也還在3%之上，房貸利率在2%之下。", [("3%之上", "≥"), ("2%之下", "≤")]),
    ("存放利差擴大69個基本點。", [("69個基本點", "=")]),
])
def test_bounds_and_basis_points_as_taiwans_papers_write_them(text, expected):
    assert rows(text, "text", "qualifier") == expected
    if "基本點" in text:
        assert rows(text, "unit", "value") == [("pp", pytest.approx(0.69))]


def test_a_central_bank_a_bank_follows_is_not_the_subject():
    text = "台銀目前牌告定儲機動利率1.465%,跟進央行調升半碼後,機動利率來到1.59%。"
    assert rows(text, "text", "entity", date="2023-03-24") == [
        ("1.465%", "台湾银行"), ("半碼", "台湾银行"), ("1.59%", "台湾银行")]
    # the central bank's own move stays its own
    assert rows("央行調升利率半碼。", "entity", "scope", date="2023-03-24") == [(None, "central_bank")]


@pytest.mark.parametrize("gold, ours", [
    # a label written as the bank's legal name, its company form and province included, is the
    # bank the extractor names (the scorer's bank-name fix of round thirteen)
    ("江西芦溪农村商业银行股份有限公司", "芦溪农村商业银行"),
    ("贵州安龙农村商业银行股份有限公司", "贵州安龙农村商业银行"),
    ("中銀香港", "中银香港"),
])
def test_the_scorer_reads_one_bank_by_any_of_its_names(gold, ours):
    bank_name = load_eval().bank_name
    assert bank_name(gold) == bank_name(ours)


def test_the_scorer_keeps_different_banks_apart():
    bank_name = load_eval().bank_name
    assert bank_name("江西银行") != bank_name("芦溪农村商业银行")
    assert bank_name("中国银行股份有限公司") != bank_name("中银香港")


# Read from the misses of the w sets (after their first score)


@pytest.mark.parametrize("text, date, expected", [
    # a base written with its cut-off (较截至2018年6月30日止六个月) or with 之 for 的
    ("锦州银行2019年中期业绩。经营收入达135.47亿元,较截至2018年6月30日止六个月增长40.1%。",
     "2019-08-30", [("135.47亿元", "2019-06"), ("40.1%", "2019-06")]),
    ("於2015年12月31日,普通股權一級資本充足率較2014年底之11.4%增強至12.2%。", "2016-03-23",
     [("11.4%", "2014-12"), ("12.2%", "2015-12-31")]),
    ("大新銀行2015年整體資本充足率為16.7%,僅略高於去年年底之16.3%。", "2016-03-23",
     [("16.7%", "2015-12"), ("16.3%", "2014-12")]),
    # Hong Kong's cost-to-income ratio is one over the year
    ("恒生銀行2020年成本效益比率為36.6%(2019年為30.0%)。", "2021-03-01",
     [("36.6%", "2020"), ("30.0%", "2019")]),
    # the period of the results a text opens by reporting holds for the paragraphs after it
    ("央行公布今(2025)年第3季國銀營運績效季報。\n上海銀行以647.8萬元穩居第2。", "2025-12-29",
     [("647.8萬元", "2025-09")]),
])
def test_dates_read_from_wave_w(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


def test_taiwans_word_for_its_banks_is_not_inside_bank_of_china():
    # 國銀 (Taiwan's domestic banks) makes 上海銀行 Taiwan's; 中国银行 holds no 国银
    assert rows("國銀獲利排名，上海銀行以647.8萬元居次。", "entity", date="2025-12-29") == [
        ("上海商业储蓄银行",)]
    assert rows("中国银行营收100亿元，中信银行净利润200亿元。", "entity") == [
        ("中国银行",), ("中信银行",)]
    assert rows("2023年全省城商行资产总规模突破3.60万亿元。", "metric_family", "as_of",
                date="2024-06-01") == [("assets", "2023-12")]


# Read from the misses of the x sets (after their first score) and earlier ones


@pytest.mark.parametrize("text, expected", [
    # a saver's sums in a rate piece are no bank's
    ("臺銀定儲機動利率從0.84%加碼到1.715%,民眾若以新利率整存100萬元,一年利息可達1萬7,280元。",
     [("0.84%", "台湾银行"), ("1.715%", "台湾银行"), ("100萬元", None), ("1萬7,280元", None)]),
    ("臺灣銀行將調升存款利率，以存款100萬元為例，定存族一年可多領6250元利息。",
     [("100萬元", None), ("6250元", None)]),
    # a bank whose name runs into the next word (台湾银行存款) is still named
    ("臺灣銀行存款餘額5兆元，民眾存款增加。", [("5兆元", "台湾银行")]),
])
def test_savers_sums_and_a_name_that_runs_into_the_next_word(text, expected):
    assert rows(text, "text", "entity", date="2023-03-24") == expected


def test_deposits_are_no_loan_stock():
    text = "工商银行存款余额5万亿元，贷款余额4万亿元。"
    assert rows(text, "text", "metric_family") == [("5万亿元", "other"), ("4万亿元", "loan_balance")]


def test_taiwans_words_mark_its_dollars_with_or_beside_its_banks_word():
    # 本国银行 and 国银 both mark Taiwan's press; 中国银行 holds neither
    from analysis.figures import LOCAL_WORDS

    assert [m.group() for m in LOCAL_WORDS.finditer("本国银行与国银获利，中国银行")] == ["本国银行", "国银"]
    assert rows("本國銀行前10月稅前盈餘達5070.8億元。", "unit", date="2025-12-05") == [("TWD",)]


# ------------------------------------------------------------------ round fourteen
# Written before wave z was scored: the brief's conventions of round fourteen, and Taiwan's
# holding companies as a mark of its dollars


@pytest.mark.parametrize("text, expected", [
    ("分析師預估，明年港元拆息上看4.5%。", [("4.5%", "≤")]),
    ("市場預期年底指數上看2萬點，按揭利率上看4%。", [("4%", "≤")]),
])
def test_a_forecasts_reach_is_an_upper_bound(text, expected):
    assert rows(text, "text", "qualifier") == expected


@pytest.mark.parametrize("text, unit", [
    ("玉山金控今年前10月稅後淨利達200億元，年增15%。", "TWD"),
    ("兆豐金前10月稅後淨利達200億元。", "TWD"),
    ("富邦金、國泰金上半年獲利合計達600億元。", "TWD"),
    # the mainland's CITIC holding goes by 中信金控 too; 开发金融 is no holding's short name
    ("中信金控前三季度净利润200亿元。", "CNY"),
    ("国家开发金融有限责任公司净利润20亿元。", "CNY"),
])
def test_taiwans_holding_companies_write_in_its_dollars(text, unit):
    assert rows(text, "unit", date="2025-11-20")[0] == (unit,)
    assert rows(text, "entity", date="2025-11-20")[0] == (None,)


def test_a_present_tense_alone_gives_no_date_but_now_does():
    text = "滙豐銀行一年期港元定期存款年利率為3.5%。目前該行最優惠利率為5.25%。"
    assert rows(text, "text", "as_of", date="2025-03-05") == [
        ("3.5%", None), ("5.25%", "2025-03-05")]


# Read from the misses of wave z (after its first score)


@pytest.mark.parametrize("text", [
    "據了解,2014年以來,農業銀行否決的業務共計77筆。截至9月末,農業銀行貸款余額為5371.73億元。",
    "2019年11月至今，该行累计发放贷款100亿元。截至9月末，该行贷款余额5000亿元。",
])
def test_a_year_that_opens_a_span_to_now_is_only_a_bound_of_the_present(text):
    assert rows(text, "as_of", date=None)[-1] == (None,)
    # a year named whole still is the present's ("2023年，…。截至9月末" is written in 2023)
    assert rows("2023年，该行净利润100亿元。截至9月末，贷款余额5000亿元。", "as_of",
                date=None)[-1] == ("2023-09",)


@pytest.mark.parametrize("text, expected", [
    # a span that runs to now is dated now
    ("自2019年成立至今，该行累计发放贷款100亿元。", "2025-09-08"),
    ("从2024年初至今，江苏银行股价上涨约80%。", "2025-09-08"),
    ("该行成立至今累计发放科技贷款100亿元。", "2025-09-08"),
    # 截至今年 holds no 至今
    ("截至今年6月末，该行贷款余额100亿元。", "2025-06"),
])
def test_a_span_up_to_now_is_dated_now(text, expected):
    assert rows(text, "as_of", date="2025-09-08") == [(expected,)]


def test_a_span_up_to_now_opens_no_year_in_an_undated_text():
    text = ("2025年A股城商行半年报披露收官。从2024年初至今，江苏银行股价上涨约80%。"
            "截至9月5日，江苏银行最新市值1956亿元。")
    assert rows(text, "text", "as_of", date=None) == [("80%", None), ("1956亿元", "2025-09-05")]


@pytest.mark.parametrize("text", [
    # a season and a report of part of a year: the year is not over, whatever 去年 says
    "2025年夏天，江苏银行冠名苏超。从去年起，该行业绩领先。\n上半年，江苏银行实现营收448.64亿元。",
    "2025年A股城商行半年报披露收官。从去年起，该行业绩领先。\n上半年，江苏银行实现营收448.64亿元。",
])
def test_a_season_or_a_part_years_report_shows_the_present_year(text):
    assert rows(text, "as_of", date=None) == [("2025-06",)]


def test_this_year_written_out_in_brackets_is_the_present():
    # Taiwan's press: 今(2026)年 says the present outright, so 去年 is 2025
    text = ("華南金去年稅後純益264.24億元。華南銀行去年12月稅後純益15.87億元，"
            "主因該行為因應今（2026）年景氣之不確定性。")
    assert rows(text, "as_of", date=None) == [("2025",), ("2025-12",)]
    assert rows("華南銀行去（2025）年稅後純益241.53億元。今(115)年1月稅後純益年增5%。", "as_of",
                date=None) == [("2025",), ("2026-01",)]
    # (a target of that year has no date: test_a_target_s_level_named_after_the_word_has_no_date)
    assert rows("華南銀行去（2025）年稅後純益241.53億元。今(115)年目標成長5%。", "as_of",
                date=None) == [("2025",), (None,)]


def test_a_years_december_end_names_it_over_and_an_undated_annual_report_is_the_years_before():
    # 至2023年12月底: the text is written after 2023; 公佈年度業績 is 2023's results
    text = ("東亞銀行公佈年度業績，股東應佔溢利41.18億元，按年下跌5.5%。\n"
            "集團的減值貸款比率由2.39%上升至2023年12月底的2.69%。東亞中國於2023年的溢利達17.42億元。")
    assert rows(text, "text", "as_of", date=None)[:2] == [("41.18億元", "2023"), ("5.5%", "2023")]
    # named with its year, a report keeps it; a half-year report is no annual one
    assert rows("某银行公布2022年年报，净利润100亿元。", "as_of", date=None) == [("2022",)]


@pytest.mark.parametrize("text, date, expected", [
    # a level compared with, or changed from, a month named without its year: that month's
    ("10月五大銀行新承做放款利率為2.187%，較9月的2.12%上升。", "2025-11-22",
     [("2.187%", "2025-10"), ("2.12%", "2025-09")]),
    ("10月新青安房貸占比由9月43.76%降至40.01%。", "2025-11-22",
     [("43.76%", "2025-09"), ("40.01%", "2025-10")]),
    ("1月新承做放款利率為2.091%，較去年12月的2.163%下降。", "2026-02-25",
     [("2.091%", "2026-01"), ("2.163%", "2025-12")]),
    ("11月社融存量增速已由10月的10.0%提高至10.1%。", "2021-12-10",
     [("10.0%", "2021-10"), ("10.1%", "2021-11")]),
])
def test_a_base_month_named_without_its_year(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


@pytest.mark.parametrize("text, expected", [
    # a share of a past year's whole is of the present period, not of that year
    ("首9個月數字45,879宗，已達2024年全年的95.7%。", [("95.7%", "2025-09")]),
    ("前三季度新增贷款已占2024年全年的90%。", [("90%", "2025-09")]),
    # (a control: a level reached at a year's end keeps it)
    ("贷款余额从2019年末的9.9万亿元增长至2024年末的36.6万亿元。",
     [("9.9万亿元", "2019-12"), ("36.6万亿元", "2024-12")]),
])
def test_a_share_of_a_past_years_whole_is_of_the_present_period(text, expected):
    assert rows(text, "text", "as_of", date="2025-10-28") == expected


def test_the_first_months_as_hong_kong_writes_them():
    assert rows("首9個月，中銀香港溢利增長5%。", "as_of", date="2025-10-28") == [("2025-09",)]


@pytest.mark.parametrize("text, expected", [
    # a loan made with others, or a syndicate's, is the lenders' together
    ("在2023年,交通银行联合17家金融机构为云南通威项目提供了总规模50亿元的贷款支持。", [("50亿元", None)]),
    ("交通银行与17家金融机构联合支持项目,提供50亿元贷款。", [("50亿元", None)]),
    ("到2025年上半年,交通银行银团贷款的发放额已达到6.48亿元,累计实现贷款投放48.48亿元。",
     [("6.48亿元", None), ("48.48亿元", None)]),
    # (a control: a bank's own loan stays its own)
    ("交通银行为云南通威项目提供50亿元贷款。", [("50亿元", "交通银行")]),
])
def test_a_loan_lenders_make_together_is_no_single_banks(text, expected):
    assert [r for r in rows(text, "text", "entity", date="2025-09-01") if r[0] != "17家"] == expected


def test_recent_years_are_a_span_of_no_date():
    text = ("截至2025年三季度末,该区存贷款余额达2447亿元。\n"
            "近年来,该区存贷款余额达到2447亿元,同比增长超10%。")
    assert rows(text, "as_of", date="2025-12-01") == [("2025-09",), (None,), (None,)]
    # unless the sentence dates them itself
    assert rows("截至2025年6月末，近年来该行贷款余额达到100亿元。", "as_of",
                date="2025-12-01") == [("2025-06",)]


@pytest.mark.parametrize("text, expected", [
    # a group's broker or insurer opening a sentence with its results is no bank's
    ("華南銀行去年稅後純益241.53億元。華南永昌證券去年12月稅後純益2.49億元、年增72.9%。",
     [("241.53億元", "华南银行"), ("2.49億元", None), ("72.9%", None)]),
    ("台北富邦銀行前10月稅後純益200億元。富邦人壽前10月稅後純益300億元。",
     [("200億元", "台北富邦银行"), ("300億元", None)]),
    # not an analyst it employs, nor a partner the bank works with
    ("广发银行贷款余额100亿元。光大证券首席分析师表示，贷款较去年同期多增12亿元。",
     [("100亿元", "广发银行"), ("12亿元", "广发银行")]),
])
def test_a_broker_or_insurer_opening_a_sentence_owns_its_results(text, expected):
    assert rows(text, "text", "entity", date="2026-01-15") == expected


@pytest.mark.parametrize("text, expected", [
    # a Hong Kong piece names its banks by their short names
    ("中原地產指出，中銀承辦的合約有2,120宗，佔35.1%；匯豐1,205宗，佔20.0%；恒生958宗，佔15.9%；"
     "東亞525宗，佔8.7%。",
     [("35.1%", "中银香港"), ("20.0%", "汇丰银行"), ("15.9%", "恒生银行"), ("8.7%", "东亚银行")]),
    ("港元定存：華僑推100日港元定存優惠最高2.9厘。", [("2.9厘", "华侨银行")]),
    ("一周港元定存合集：中銀3個月定存最高3.1厘，匯立推7日高達20厘優惠。",
     [("3.1厘", "中银香港"), ("20厘", "汇立银行")]),
    # not where they are other words: the index, the region
    ("香港恒生指數下跌2%，東亞地區經濟增長5%。", [("2%", None), ("5%", None)]),
    # nor outside a Hong Kong piece
    ("东亚地区贷款增长5%，中银协数据显示增长3%。", [("5%", None), ("3%", None)]),
])
def test_hong_kongs_short_names_in_a_hong_kong_piece(text, expected):
    assert rows(text, "text", "entity", date="2025-10-28") == expected


def test_hong_kong_rates_in_li_through_a_list_and_before_the_rates_name():
    text = ("恒生下調3個月及6個月0.2厘及0.2厘，分別至2.4厘及2.4厘。"
            "客戶以新資金開立100日定期可享2.45厘，相等額外0.25厘年利率。")
    assert rows(text, "text", "unit", date="2025-10-02") == [
        ("0.2厘", "pp"), ("0.2厘", "pp"), ("2.4厘", "%"), ("2.4厘", "%"), ("2.45厘", "%"),
        ("0.25厘", "%")]


def test_a_records_base_lends_no_year_to_the_dates_after_it():
    # "创2023第三季后的8季新高": the base of a record, not the time of the figures after it
    text = ("第三季樓宇按揭18,095宗，按季上升3,420宗或23.3%，創2023第三季後的8季新高。"
            "首9個月數字45,879宗，已達2024年全年的95.7%。")
    assert rows(text, "text", "as_of", date="2025-10-28") == [("23.3%", "2025-09"), ("95.7%", "2025-09")]


# Read from the misses of wave k (after its first score)


def test_a_second_level_compared_with_is_a_base_too_and_carries_no_date():
    text = ("截至2023年末,农业银行绿色信贷余额达40487亿元,较2021年末的19778亿元和2022年末的26975亿元大幅增长。\n"
            "中国银行绿色信贷余额为3.11万亿元,比上年末增长56.34%。")
    assert rows(text, "text", "as_of", date="2024-04-23") == [
        ("40487亿元", "2023-12"), ("19778亿元", "2021-12"), ("26975亿元", "2022-12"),
        ("3.11万亿元", "2023-12"), ("56.34%", "2023-12")]


def test_money_without_yuan_in_a_sentence_going_on_from_one_about_money():
    text = ("截至2024年三季度末,三家江苏城商行的总资产规模合计为7.08万亿。"
            "其中,江苏银行排名第一,达到3.86万亿;其次为南京银行,2.54万亿。")
    assert rows(text, "text", "unit", date="2024-11-01") == [
        ("7.08万亿", "CNY"), ("3.86万亿", "CNY"), ("2.54万亿", "CNY")]
    # (a sentence about users after it stays no money: a control)
    assert rows("该行资产规模1万亿元。其中，手机银行用户达到1.2亿。", "text", date="2024-11-01") == [
        ("1万亿元",)]


def test_a_year_a_deadline_falls_in_is_no_present_even_cut_by_a_lines_space():
    from analysis.figures import named_years

    assert named_years("其利息补贴将 在2026年7月底届期。") == []


@pytest.mark.parametrize("text, date, expected", [
    # a share's move and price on a day its sentence names: that day's
    ("7月30日中午公佈2025年第2季業績後,匯豐股價突然急挫,收跌3.82%,報96.95港元。", "2025-07-31",
     [("3.82%", "2025-07-30"), ("96.95港元", "2025-07-30")]),
    ("截至8月29日,2025年農行的A/H股已分別上漲37%和26%。", "2025-09-02",
     [("37%", "2025-08-29"), ("26%", "2025-08-29")]),
    # not a wire's dateline, nor a day before the figure's own period
    ("财联社6月18日讯，1—5月全国期货市场累计成交额239.34万亿元。", "2021-06-18",
     [("239.34万亿元", "2021-05")]),
])
def test_a_shares_move_on_a_day_its_sentence_names(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


def test_an_average_rate_over_a_years_lending_is_the_years():
    text = ("工商银行2019年末普惠型小微企业贷款余额4715.21亿元,比年初增长52.0%,"
            "累放贷款平均利率4.52%,比上年下降0.43个百分点。")
    assert rows(text, "text", "as_of", date="2020-04-01") == [
        ("4715.21亿元", "2019-12"), ("52.0%", "2019-12"), ("4.52%", "2019"), ("0.43个百分点", "2019")]


def test_a_deadline_ahead_dates_nothing_and_carries_nothing():
    text = ("其利息補貼將 在2026年7月底屆期,公股銀仍以新青安房貸優先。\n"
            "據各公股銀截至今年5月底統計,可承作房貸金額,臺銀550億元。")
    assert rows(text, "text", "as_of", date=None) == [("550億元", None)]
    assert rows("该债券将于2027年6月到期，规模为50亿元。", "as_of", date="2025-01-10") == [(None,)]


def test_the_end_of_an_offers_period_dates_nothing():
    text = ("中銀香港3個月港元定存年息高達3厘。開戶後即享高息定期優惠，優惠期至2月底。\n"
            "本周新推特選客戶定存年利率，3個月可享2.56厘。")
    assert rows(text, "text", "as_of", date="2026-01-11") == [("3厘", None), ("2.56厘", None)]


def test_a_years_final_dividend_is_no_end_of_that_year():
    # 2024年末期股息: 2024's final dividend, not "the end of 2024" (which would make the text 2025's)
    text = ("中銀香港發佈公吿,2024年淨經營收入為港幣712.53億元,按年上升8.8%。年內淨服務費收入按年上升。"
            "年度溢利為港幣391.18億元,按年上升12.2%。\n董事會建議派發2024年末期股息每股港幣1.419元。")
    assert rows(text, "as_of", date=None) == [("2024",)] * 5


# Read from the misses of wave m (after its first score)


@pytest.mark.parametrize("text, expected", [
    # 最新 is now where its paragraph names no date before it
    ("聯儲局公布最新議息結果，減息25點子，聯邦基金利率下調至4厘至4.25厘。",
     [("25點子", "2025-09-18"), ("4厘", "2025-09-18"), ("4.25厘", "2025-09-18")]),
    # and the latest as of the day it does name
    ("截至9月5日，江苏银行最新市值1956亿元。", [("1956亿元", "2025-09-05")]),
])
def test_the_latest_is_now_unless_a_date_came_before(text, expected):
    assert rows(text, "text", "as_of", date="2025-09-18") == expected


# ------------------------------------------------------------------ round fifteen
# Read from the misses of wave h (round fourteen's last, never read before) and from where the
# rules still went against the brief


@pytest.mark.parametrize("text, date, expected", [
    # a list of rates a reset starts from, with 调整为: none of them is the day's
    ("9月1日,甲银行、乙银行一年、二年期定期存款利率均由1.65%、2.05%调整为1.55%、1.85%。", "2023-09-01",
     [("1.65%", None), ("2.05%", None), ("1.55%", "2023-09-01"), ("1.85%", "2023-09-01")]),
    ("丙銀行宣佈，由2025年9月19日起，年利率由0.375%調低至0.25%。", "2025-09-18",
     [("0.375%", None), ("0.25%", "2025-09-19")]),
    # (a control: a list that is no change keeps the day)
    ("9月1日,丁银行一年、二年期定期存款利率分别为1.55%、1.85%。", "2023-09-01",
     [("1.55%", "2023-09-01"), ("1.85%", "2023-09-01")]),
])
def test_the_rates_a_reset_starts_from_have_no_date(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


@pytest.mark.parametrize("title, text, expected", [
    # a headline rounds what the text writes, on the side its qualifier says
    ("六大行绿色信贷规模近18万亿元", "截至2023年末，六大行绿色信贷规模达17.90万亿元。",
     [("18万亿元", "2023-12"), ("17.90万亿元", "2023-12")]),
    ("绿色信贷增速超24%", "截至2025年11月末，全省绿色贷款余额同比增长24.2%。",
     [("24%", "2025-11"), ("24.2%", "2025-11")]),
    ("甲银行营收225亿元", "2022年，甲银行实现营业收入225.34亿元。",
     [("225亿元", "2022"), ("225.34亿元", "2022")]),
    # and writes in % a change the text gives in percentage points
    ("小微企业贷款不良率较年初下降0.43%", "截至2019年6月末，不良率较年初下降0.43个百分点。",
     [("0.43%", "2019-06"), ("0.43个百分点", "2019-06")]),
    # (controls: a value beyond the rounding, or on the other side of 超, is another figure)
    ("甲银行营收225亿元", "2022年，甲银行实现营业收入226.34亿元。",
     [("225亿元", None), ("226.34亿元", "2022")]),
    ("绿色信贷增速超24%", "截至2025年11月末，全省绿色贷款余额同比增长23.8%。",
     [("24%", None), ("23.8%", "2025-11")]),
])
def test_a_headline_rounds_the_figure_the_text_gives(title, text, expected):
    frame = pd.DataFrame({"article_id": ["a"], "source_file": ["a.md"], "title": [title],
                          "text": [text], "date": ["2025-12-20"]})
    table = extract_figures(frame)
    assert list(zip(table["text"], [None if pd.isna(v) else v for v in table["as_of"]],
                    strict=True)) == expected


@pytest.mark.parametrize("text, expected", [
    # a headline a page runs into its text, before a time stamp or a source in 【】
    ("绿色信贷增速超24%,县域金融覆盖超千镇!南方农村报·2026-01-16 18:31核心观点：截至2025年11月末，"
     "全省绿色贷款余额同比增长24.2%。", [("24%", "2025-11"), ("24.2%", "2025-11")]),
    ("綠色貸款增速達21.78% 乙銀行發佈報告 【環球網財經綜合報道】報告顯示,截至2024年末,該行綠色貸款"
     "較年初增長21.78%。", [("21.78%", "2024-12"), ("21.78%", "2024-12")]),
    # (a control: an opening sentence is no headline, though a later one repeats its figure)
    ("中国华融转让华融消费金融70%股权一事有了最新进展。12月27日晚间，宁波银行竞得华融消费金融70%股权。",
     [("70%", None), ("70%", "2025-12-27")]),
])
def test_a_headline_run_into_the_text_takes_the_date_of_its_figure_there(text, expected):
    assert rows(text, "text", "as_of", date="2026-01-16") == expected


def test_a_share_of_the_amount_before_it_keeps_that_amounts_date_in_a_later_paragraph():
    text = ("二季度末，全市绿色贷款余额3931.25亿元。\n"
            "从机构看，四大行余额合计1276.54亿元，占比32.47%；金融租赁公司余额1096.85亿元，"
            "占全部绿色贷款的27.90%。\n"
            "全市绿色贷款中，清洁能源占比约三成，为20.5%。")
    assert rows(text, "text", "as_of", date="2021-08-18") == [
        ("3931.25亿元", "2021-06"), ("1276.54亿元", "2021-06"), ("32.47%", "2021-06"),
        ("1096.85亿元", "2021-06"), ("27.90%", "2021-06"),
        # (a control: a share with no amount before it stays a standing fact)
        ("三成", None), ("20.5%", None)]


@pytest.mark.parametrize("text, expected", [
    # a report named right after its period's last day is of that day, in all its paragraphs
    ("甲农商行经营总结\n截止日期2024-06-30\n信息来源2024年中期报告\n"
     "报告期内,本集团实现营业收入139.17亿元。报告期末,资产总额为14,549.57亿元。\n"
     "报告期内,本集团实现利息净收入101.80亿元。",
     [("139.17亿元", "2024-06-30"), ("14,549.57亿元", "2024-06-30"), ("101.80亿元", "2024-06-30")]),
    ("截至2024年12月31日，乙银行2024年度报告显示，报告期内实现净利润50亿元。",
     [("50亿元", "2024-12-31")]),
    # (controls: a day that is not the period's end, or a figure between, leaves the period)
    ("截止日期2024-06-15\n信息来源2024年中期报告\n报告期内,本集团实现营业收入139.17亿元。",
     [("139.17亿元", "2024-06")]),
    ("截至2024年6月30日，总资产1000亿元。2024年上半年，实现营业收入30亿元。",
     [("1000亿元", "2024-06-30"), ("30亿元", "2024-06")]),
])
def test_a_report_named_after_its_periods_last_day_is_of_that_day(text, expected):
    assert [r for r in rows(text, "text", "as_of", date="2024-09-01")] == expected


@pytest.mark.parametrize("text, expected", [
    # a company's founding or listing is an event of its history, no date of its figures
    ("公开资料显示,甲银行成立于1997年5月25日,注册资本为40.22亿元。", [("40.22亿元", None)]),
    ("乙银行于2018年9月26日在上海证券交易所主板上市，第一大股东持股比例达16.82%。", [("16.82%", None)]),
    ("丙消费金融2016年1月正式开业，注册资本9亿元。", [("9亿元", None)]),
    # (controls: a date that dates what the bank did keeps it)
    ("2024年9月26日，丁银行发放贷款10亿元。", [("10亿元", "2024-09-26")]),
    ("截至2024年末，戊银行成立的科创基金规模100亿元。", [("100亿元", "2024-12")]),
])
def test_a_founding_or_listing_date_dates_no_figure(text, expected):
    assert rows(text, "text", "as_of", date="2025-04-27") == expected


def test_the_scorer_pairs_a_gold_figure_with_a_reading_aid_inside_it():
    # cleaning removes pinyin reading aids (餘(yu) 額); the gold writes the figure as the page
    # does, 30316億(yi) 元, and the scorer reads it as cleaning leaves it
    match = load_eval().match
    gold = pd.DataFrame({"file": ["a/01.md", "a/01.md"], "figure": ["30316億(yi) 元", "45.9%"],
                         "offset": [10, 30]})
    figures = pd.DataFrame({"file": ["a/01.md", "a/01.md"], "text": ["30316億元", "45.9%"],
                            "kind": ["money", "percent"], "base": [0, 0], "start": [9, 25]})
    assert match(gold, figures, {"a/01.md": (40, 35)})["found"].tolist() == [0, 1]


def test_the_scorer_pairs_a_gold_figure_cut_by_a_line_break_with_the_one_cleaning_joins():
    # a page cuts a figure over two lines (32.5\n億元); cleaning joins them, the gold writes the
    # page's string: the same figure. (A control: a figure of another string stays unpaired.)
    match = load_eval().match
    gold = pd.DataFrame({"file": ["a/01.md"] * 3, "figure": ["32.5\n億元", "0.32\n%左右", "300 億元"],
                         "offset": [10, 30, 50]})
    figures = pd.DataFrame({"file": ["a/01.md"] * 3, "text": ["32.5億元", "0.32%左右", "30億元"],
                            "kind": ["money", "percent", "money"], "base": [0] * 3,
                            "start": [10, 29, 48]})
    assert match(gold, figures, {"a/01.md": (60, 58)})["found"].tolist() == [0, 1, -1]


# ------------------------------------------------------------------ round sixteen
# Each rule kept only where it lifts as-of on waves it was not read from and lowers none


@pytest.mark.parametrize("text, expected", [
    # a piece that opens on a release of statistics: the release's period dates the shares and
    # other amounts it breaks down in later paragraphs
    ("甲地统计显示，截至2024年9月末，辖内绿色贷款余额5000亿元，同比增长20%。\n"
     "分用途看，清洁能源产业1200亿元，占比24.0%。",
     [("5000亿元", "2024-09"), ("20%", "2024-09"), ("1200亿元", "2024-09"), ("24.0%", "2024-09")]),
    ("乙局今日公布统计，截至2025年6月底，三家银行存款合计900億元。\n"
     "其中，丙銀行存款400億元，市占率44%。",
     [("900億元", "2025-06"), ("400億元", "2025-06"), ("44%", "2025-06")]),
    # (a control: a piece that opens on no release keeps its standing shares undated)
    ("截至2024年9月末，丁银行绿色贷款余额5000亿元，同比增长20%。\n"
     "丁银行科技人员占比达30%，每年将营业收入的5%投入研发。",
     [("5000亿元", "2024-09"), ("20%", "2024-09"), ("30%", None), ("5%", None)]),
])
def test_a_release_of_statistics_dates_what_it_breaks_down(text, expected):
    assert rows(text, "text", "as_of", date="2024-11-20") == expected


@pytest.mark.parametrize("text, expected", [
    # a deal with a named firm or project keeps no date of the sentences before it
    ("2024年，甲银行新增绿色贷款200亿元。该行向某新能源有限公司发放贷款3000万元。",
     [("200亿元", "2024"), ("3000万元", None)]),
    ("截至2025年6月末，乙银行科技贷款余额800亿元。\n乙银行为某光伏发电项目提供5亿元银团融资。",
     [("800亿元", "2025-06"), ("5亿元", None)]),
    ("截至2025年6月末，丙银行绿色贷款余额800亿元。某水电项目获得丙银行10亿元授信。",
     [("800亿元", "2025-06"), ("10亿元", None)]),
    # ... unless its own sentence dates it
    ("2024年，甲银行新增绿色贷款200亿元。2024年3月，该行向某新能源有限公司发放贷款3000万元。",
     [("200亿元", "2024"), ("3000万元", "2024-03")]),
    # (a control: 为 as a copula names no deal: "总规模为…，占集团客户贷款比重…")
    ("截至2025年6月末，丁银行企业贷款总规模为2,521亿元，占集团客户贷款比重14.7%。",
     [("2,521亿元", "2025-06"), ("14.7%", "2025-06")]),
])
def test_a_deal_with_a_firm_keeps_no_date_of_the_sentences_before(text, expected):
    assert rows(text, "text", "as_of", date="2025-08-20") == expected


# ------------------------------------------------------------------ round seventeen
# The reporting calendar: 上季 and 上月 read from the article's date


@pytest.mark.parametrize("date, text, expected", [
    # 上季: the quarter before the article's (a third-quarter piece of late October)
    ("2025-10-31", "甲银行上季净利润按年增长5.1%至600.7亿元。",
     [("5.1%", "2025-09"), ("600.7亿元", "2025-09")]),
    # a January piece's 上季 is the last quarter of the year before
    ("2024-01-25", "乙銀行上季度貸款額按季增長8%。", [("8%", "2023-12")]),
    # 上月 and 上个月: the month before the article's; January's is last December
    ("2026-01-09", "上月丙银行批出最多1%现金回赠。", [("1%", "2025-12")]),
    ("2025-07-15", "丁银行上个月新发放贷款120亿元。", [("120亿元", "2025-06")]),
    # (controls: a base (较上月, 环比上季) and a point of it (上月末) are no period of the figure)
    ("2025-07-15", "戊银行贷款余额较上月增加30亿元。", [("30亿元", None)]),
    ("2025-07-15", "己银行存款余额较上月末增长2%。", [("2%", None)]),
    # (an article dated by its year alone has no quarter before its own)
    ("2025", "庚银行上季净利润增长3%。", [("3%", None)]),
])
def test_last_quarter_and_last_month_are_read_from_the_articles_date(date, text, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# ------------------------------------------------------------------ round eighteen
# A Hong Kong paper's bare 元: in traditional characters, writing of Hong Kong, it counts in
# Hong Kong dollars whichever banks it names (a mainland bank's Hong Kong arm included)


@pytest.mark.parametrize("text, expected", [
    ("建行亞洲港元新資金三個月定存享5.88厘，起存額為5萬元。", [("5.88厘", "%"), ("5萬元", "HKD")]),
    ("本港銀行上調按揭回贈，貸款額不少於1,000萬元。", [("1,000萬元", "HKD")]),
    # (controls: a simplified mainland piece on Hong Kong's market; a Hong Kong paper that
    # names the yuan; a Taiwan paper, in its dollars)
    ("南向资金流入香港市场，工商银行净利润3600亿元。", [("3600亿元", "CNY")]),
    ("工銀亞洲在香港公布，集團淨利潤人民幣30億元，貸款增長5億元。", [("30億元", "CNY"), ("5億元", "CNY")]),
    ("金管會統計，國銀在香港分行放款餘額為3,000億元。", [("3,000億元", "TWD")]),
])
def test_a_hong_kong_paper_counts_its_bare_yuan_in_hong_kong_dollars(text, expected):
    assert rows(text, "text", "unit") == expected


def test_taiwans_four_big_banks_by_name_own_their_figures_in_order():
    # (round nineteen: 四大行庫 after a list of Taiwan's banks is that list, not 工农中建)
    text = ("以土銀、台銀、合庫、台企銀等四大行庫的承作量最大，"
            "四大行庫的承作金額分別為320億元、210億元、150億元和90億元。")
    assert rows(text, "entity") == [
        ("土地银行",), ("台湾银行",), ("合作金库银行",), ("台湾中小企业银行",)]


# ------------------------------------------------------------------ round twenty
# A comparison's date written after a figure ("…51%，去年底为53.3%"): it dates the figure it
# gives; the figures after it, in the same sentence and the next, go on in the period before it


@pytest.mark.parametrize("text, date, expected", [
    ("2025年上半年，贷存比率51%，去年底为53.3%；企业银行业务之税前溢利上升11.1%至34.42亿元。",
     "2025-08-01", [("51%", "2025-06"), ("53.3%", "2024-12"), ("11.1%", "2025-06"),
                    ("34.42亿元", "2025-06")]),
    ("2023年，该行利息净收入1184.35亿元，2022年则为1336.69亿元，少了152.34亿元；"
     "非利息净收入549.99亿元。", "2024-04-01",
     [("1184.35亿元", "2023"), ("1336.69亿元", "2022"), ("152.34亿元", "2023"),
      ("549.99亿元", "2023")]),
    ("2019年，该行股东权益回报率下跌至15.2%，2018年为16%。平均总资产回报率亦由1.6%降至1.5%。",
     "2020-02-18", [("15.2%", "2019"), ("16%", "2018"), ("1.6%", "2018"), ("1.5%", "2019")]),
    ("2025年上半年度，客戶貸款2867億元，貸存比率51%, 去年底為53﹒3%; 稅前溢利上升11﹒1%。",
     "2025-08-01", [("2867億元", "2025-06"), ("51%", "2025-06"), ("53﹒3%", "2024-12"),
                    ("11﹒1%", "2025-06")]),
    # (controls: a period named after a figure, not a value given for it, holds for what
    # follows; so does one after a full stop)
    ("2024年，该行营收100亿元，2025年一季度营收30亿元，净利润12亿元。", "2025-05-01",
     [("100亿元", "2024"), ("30亿元", "2025-03"), ("12亿元", "2025-03")]),
    ("2024年末，不良率为1.2%。2025年一季度末为1.1%，拨备覆盖率为240%。", "2025-05-01",
     [("1.2%", "2024-12"), ("1.1%", "2025-03"), ("240%", "2025-03")]),
])
def test_a_comparison_s_date_dates_only_the_figure_it_gives(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# ------------------------------------------------------------------ round twenty-two
# A clause that turns from a bank to its group or a sister company (a holding, an insurer, a
# broker) with the group's own results or deal terms: theirs, not the bank's named before


@pytest.mark.parametrize("text, expected", [
    ("台北富邦銀行前三季稅後純益200億元，富邦人壽前三季稅後純益300億元。",
     [("200億元", "台北富邦银行"), ("300億元", None)]),
    ("中信银行上半年净利润100亿元，中信证券上半年净利润120亿元。",
     [("100亿元", "中信银行"), ("120亿元", None)]),
    ("京城銀行今天召開董事會，永豐金將以50%現金取得100%京城銀股權。",
     [("50%", None), ("100%", None)]),
    # (controls: a clause that goes on about the bank, and a partner named as an object)
    ("京城銀行前三季稅後淨利5億元，年增10%。", [("5億元", "京城商业银行"), ("10%", "京城商业银行")]),
    ("中信银行上半年净利润100亿元，与中信证券合作的贷款增长12%。",
     [("100亿元", "中信银行"), ("12%", "中信银行")]),
])
def test_a_clause_that_turns_to_the_bank_s_group_is_the_group_s(text, expected):
    assert rows(text, "text", "entity", date="2025-11-20") == expected


# A target's level named a few words after 目标 (or 希望): of no period yet, even where the
# sentence or the paragraph dates the figures around it


@pytest.mark.parametrize("text, date, expected", [
    ("截至2025年9月底，该行中小企业贷款新增3000亿元，距离全年目标4000亿元尚有差距。", "2025-10-20",
     [("3000亿元", "2025-09"), ("4000亿元", None)]),
    ("該行今年前三季獲利成長8%，中長期目標希望海外獲利占比35%左右。", "2025-10-20",
     [("8%", "2025-09"), ("35%左右", None)]),
    ("2025年上半年，该行净息差为1.6%，今年目标将初步朝1.7%迈进。", "2025-08-20",
     [("1.6%", "2025-06"), ("1.7%", None)]),
    # (controls: a share of the target already reached, and its rate of completion)
    ("截至2025年9月底，该行已完成全年目标的75%，目标完成率较去年同期高5个百分点。", "2025-10-20",
     [("75%", "2025-09"), ("5个百分点", "2025-09")]),
])
def test_a_target_s_level_named_after_the_word_has_no_date(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# ------------------------------------------------------------------ round twenty-five
# A results release gives each line's figure for the year before in brackets after it
# ("…，为港币80.5亿元（2023年上半年为港币83.0亿元）"): the bracket's date is that comparison's only;
# the line's own figures, and those after the bracket, are of the period the release names


@pytest.mark.parametrize("text, date, expected", [
    ("甲银行公布2024年中期业绩。\n经营溢利减少3%，为港币80.5亿元（2023年上半年为港币83.0亿元）。",
     "2024-08-10", [("3%", "2024-06"), ("80.5亿元", "2024-06"), ("83.0亿元", "2023-06")]),
    ("乙銀行公布2024年全年業績。\n平均股東權益回報率為9.8%（2023年為10.4%），成本對收入比率為40.2%。",
     "2025-02-20", [("9.8%", "2024"), ("10.4%", "2023"), ("40.2%", "2024")]),
    ("乙銀行公布2024年全年業績。\n每股盈利減少6%，為每股港幣3.10元（2023年為每股港幣3.30元）。",
     "2025-02-20", [("6%", "2024"), ("3.10元", "2024"), ("3.30元", "2023")]),
    # (a measure word between the bracket's year and 为)
    ("丙銀行2024年利息收入增長4%（2023年增幅為2.5%），手續費收入增加6%。", "2025-03-01",
     [("4%", "2024"), ("2.5%", "2023"), ("6%", "2024")]),
    # (control: a bracket that only glosses the figure gives no other time's value)
    ("丁银行2024年净利润增长5%（扣除一次性收益后为3%），营收增长2%。", "2025-03-01",
     [("5%", "2024"), ("3%", "2024"), ("2%", "2024")]),
])
def test_a_bracketed_comparison_dates_only_its_own_figure(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# Hong Kong's interim results run to a day (截至2024年6月30日止中期): the half year, as 止年度 is
# the year and 止三个月 the quarter; so do the paragraphs after it (期内)


@pytest.mark.parametrize("text, date, expected", [
    ("戊银行公布截至2024年6月30日止中期业绩，股东应占溢利25.3亿港元。\n期内，净利息收入增加2%至60.1亿港元。",
     "2024-08-20", [("25.3亿港元", "2024-06"), ("2%", "2024-06"), ("60.1亿港元", "2024-06")]),
    ("己銀行截至2023年6月30日止中期純利按年升5%，派中期息每股20仙。", "2023-08-15",
     [("5%", "2023-06"), ("20仙", "2023-06")]),
    # (control: a balance at the day itself keeps the day)
    ("截至2024年6月30日，戊银行不良贷款率为1.1%。", "2024-08-20", [("1.1%", "2024-06-30")]),
])
def test_interim_results_to_a_day_are_the_half_year_s(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# ... while the balances at the report period's end (报告期末) are of the day the text wrote, and a
# change over the period written with them is the period's


@pytest.mark.parametrize("text, date, expected", [
    ("庚银行发布截至2024年6月30日止六个月之中期业绩公告。\n截至报告期末，集团资产总额5,600亿元，"
     "较上年末增加120亿元；不良贷款率2.5%。", "2024-08-30",
     [("5,600亿元", "2024-06-30"), ("120亿元", "2024-06"), ("2.5%", "2024-06-30")]),
    ("2024年6月30日止中期純利450億元,按年跌1.6%。\n報告期末,客戶貸款餘額8.2萬億元,較上年末增加3100億元,"
     "增幅3.9%。", "2024-08-28",
     [("450億元", "2024-06"), ("1.6%", "2024-06"), ("8.2萬億元", "2024-06-30"), ("3100億元", "2024-06"),
      ("3.9%", "2024-06-30")]),
    # (control: a report period not written to its day keeps its month)
    ("辛银行发布2024年半年度报告。\n报告期末，该行贷款余额3,000亿元。", "2024-08-30",
     [("3,000亿元", "2024-06")]),
])
def test_balances_at_the_end_of_a_report_period_written_to_its_day(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# The expectation a statistic is measured against (高于预期的8.4%, 不及預期的2.2兆元) is a
# forecast, of no period; the statistic itself, and a gap to the expectation, are the month's


@pytest.mark.parametrize("text, date, expected", [
    ("3月新增人民币贷款3.1万亿元，高于预期的2.8万亿元。", "2025-04-12",
     [("3.1万亿元", "2025-03"), ("2.8万亿元", None)]),
    ("4月M2年增10.5%，優於預期的9.9%，較上月加快0.8個百分點。", "2025-05-12",
     [("10.5%", "2025-04"), ("9.9%", None), ("0.8個百分點", "2025-04")]),
    ("4月社融增量9102億元，遠不及市場預估值約1.2兆元。", "2025-05-12",
     [("9102億元", "2025-04"), ("1.2兆元", None)]),
    # (control: the gap measured against the expectation is the month's own)
    ("3月新增人民币贷款3.1万亿元，较预期多出0.3万亿元。", "2025-04-12",
     [("3.1万亿元", "2025-03"), ("0.3万亿元", "2025-03")]),
])
def test_the_expectation_a_statistic_is_measured_against_has_no_date(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# A value given for the same period of an earlier year (2020年同期为…, 上年同期这两项数据分别为…)
# is that year's; not a share of it (相当于2019年同期的65.6%) nor a change from it


@pytest.mark.parametrize("text, date, expected", [
    ("庚银行2021年实现营收154.67亿元，2020年同期为162.67亿元，同比下降4.9%。", "2022-04-01",
     [("154.67亿元", "2021"), ("162.67亿元", "2020"), ("4.9%", "2021")]),
    ("辛銀行公布2024年中期業績。\n每股盈利1.20元，增加5%；2023年同期為1.14元。", "2024-08-20",
     [("1.20元", "2024-06"), ("5%", "2024-06"), ("1.14元", "2023-06")]),
    ("2025年上半年，该行营收同比增长2.25%，而上年同期这一数据为增长4.57%。", "2025-08-30",
     [("2.25%", "2025-06"), ("4.57%", "2024-06")]),
    # (controls: a share of that year's level, and a change from it, are the period's own)
    ("2023年一季度，客运量相当于2019年同期的65.6%。", "2023-04-20", [("65.6%", "2023-03")]),
    ("2021年，该行净利润较2020年同期增长12%。", "2022-03-20", [("12%", "2021")]),
])
def test_a_value_for_the_same_period_of_an_earlier_year_is_that_year_s(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# A list with one figure for each year of a span named before it, with no 分别 written
# ("2021年至2024年，营收53.16亿、58.95亿、56.03亿、57.59亿，对应增速-4.32%、10.9%…"): the years in turn


@pytest.mark.parametrize("text, date, expected", [
    ("2021年至2024年，该行营收53.16亿元、58.95亿元、56.03亿元、57.59亿元，对应增速-4.32%、10.9%、"
     "-4.96%、2.79%。", "2025-05-09",
     [("53.16亿元", "2021"), ("58.95亿元", "2022"), ("56.03亿元", "2023"), ("57.59亿元", "2024"),
      ("4.32%", "2021"), ("10.9%", "2022"), ("4.96%", "2023"), ("2.79%", "2024")]),
    ("2022-2024年，該行淨利潤為10億元、12億元和15億元。", "2025-04-01",
     [("10億元", "2022"), ("12億元", "2023"), ("15億元", "2024")]),
    # (controls: a list as long as the span is not, nor a total over it)
    ("2021年至2024年，该行累计投放科技贷款100亿元、绿色贷款200亿元。", "2025-05-09",
     [("100亿元", "2024"), ("200亿元", "2024")]),
])
def test_a_list_with_a_figure_for_each_year_of_a_span_has_the_years_in_turn(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# An income or a cost line of a year's accounts dated by the year's end (截至2021年末，该行净利息
# 收入129.25亿元) is the year's flow, as revenue and profit are; an accumulated loss or a balance
# stays at the year's end


@pytest.mark.parametrize("text, date, expected", [
    ("截至2021年末，该行净利息收入129.25亿元，同比增长5.3%；手续费及佣金净收入17.8亿元。", "2022-04-13",
     [("129.25亿元", "2021"), ("5.3%", "2021"), ("17.8亿元", "2021")]),
    ("2024年末，該行利息支出為30億元。", "2025-03-20", [("30億元", "2024")]),
    # (controls: an accumulated loss and a balance are levels at the year's end)
    ("2025年底，三家純網銀累積虧損90.72億元。", "2026-01-20", [("90.72億元", "2025-12")]),
    ("截至2021年末，该行存款余额300亿元。", "2022-04-13", [("300亿元", "2021-12")]),
])
def test_an_income_line_dated_by_a_year_s_end_is_the_year_s(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# A whole year's figure reported as done (全年…) is of a year that is over: written before the
# December of the article's own year, it is the year before, though the paragraph names no year


@pytest.mark.parametrize("text, date, expected", [
    ("根據公股銀行最新公告的統計，甲銀行全年簽帳金額800億元，年增1.5%。", "2026-01-16",
     [("800億元", "2025"), ("1.5%", "2025")]),
    ("某銀行今日公布去年業績，盈利約300億元。全年派息1.2元，派息比率48%。", "2020-03-27",
     [("300億元", "2019"), ("1.2元", "2019"), ("48%", "2019")]),
    # (controls: a forecast of the year, a year named with it, and a piece written in December)
    ("該行預計全年獲利將突破300億元。", "2026-01-16", [("300億元", None)]),
    ("2026年全年，该行计划投放贷款500亿元。", "2026-01-16", [("500亿元", None)]),
    ("截至12月20日，该行全年累计发放贷款500亿元。", "2025-12-28", [("500亿元", "2025-12-20")]),
    ("該行今年全年派息1.2元。", "2025-03-10", [("1.2元", "2025")]),  # (今年 named: this year)
])
def test_a_whole_year_reported_done_is_a_year_that_is_over(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# A summary's inline points (" - ") are each their own statement: a figure of a later point keeps
# no date an earlier point named, unless it points back to it (当月) or the summary is of
# results whose period (2025年前三季度) holds for every point


@pytest.mark.parametrize("text, date, expected", [
    ("绿色信贷 - 截至2024年末,全国绿色贷款余额36.6万亿元 [1] - 六大行绿色贷款余额共计23.8万亿元 [2]"
     " - 甲银行为某项目提供1000万元贷款 [3]", "2025-09-30",
     [("36.6万亿元", "2024-12"), ("23.8万亿元", None), ("1000万元", None)]),
    ("碳市场 - 2025年11月,碳市场成交额环比上涨20.7% [4] - 当月成交额27.57亿元 [5]", "2025-12-10",
     [("20.7%", "2025-11"), ("27.57亿元", "2025-11")]),
    # (controls: the period of a summary of results, and a text that spaces its full stops)
    ("盈利能力 - 2025年前三季度乙银行实现税后利润1895.89亿元 [1] - 营业收入4921.15亿元,增长2.72% [1]",
     "2025-10-30", [("1895.89亿元", "2025-09"), ("4921.15亿元", "2025-09"), ("2.72%", "2025-09")]),
    ("丙银行2019年度共发放粮油收购贷款1630.41亿元 。 其中向民营企业发放贷款595.49亿元 。", "2020-05-26",
     [("1630.41亿元", "2019"), ("595.49亿元", "2019")]),
])
def test_a_point_of_a_summary_keeps_no_date_of_an_earlier_point(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


# Round thirty, read from wave 8's misses: the level a change starts from at 年初 (从年初的,
# 由年初的, 比年初的) is the balance the year opened with, the one the year before closed on


@pytest.mark.parametrize("text, date, expected", [
    ("截至9月末，某银行不良贷款率由年初的1.52%升至1.68%。", "2025-10-30",
     [("1.52%", "2024-12"), ("1.68%", "2025-09")]),
    ("今年以来，某银行关注类贷款余额从年初的30亿元增至三季度末的33亿元。", "2025-10-28",
     [("30亿元", "2024-12"), ("33亿元", "2025-09")]),
    ("2023年末，该行拨备覆盖率为180%，比年初的175%提高5个百分点。", "2024-03-30",
     [("180%", "2023-12"), ("175%", "2022-12"), ("5个百分点", "2023-12")]),
    # (a control: a change over the year since 年初 is of the date reached, not of the base)
    ("截至6月末，该行贷款余额1200亿元，较年初增加50亿元，增长4.3%。", "2025-07-20",
     [("1200亿元", "2025-06"), ("50亿元", "2025-06"), ("4.3%", "2025-06")]),
])
def test_the_level_at_the_start_of_the_year_is_the_year_before_s_close(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


@pytest.mark.parametrize("text, date, expected", [
    # a span's 分别 list closed by a semicolon: a run after it with a figure for each year
    # takes the years in turn, as it does where no 分别 is written
    ("2016年至2018年，某银行分别实现营收20.1亿元、22.3亿元、25.6亿元；净利润5.1亿元、5.6亿元、6.2亿元。",
     "2019-05-01", [("20.1亿元", "2016"), ("22.3亿元", "2017"), ("25.6亿元", "2018"),
                    ("5.1亿元", "2016"), ("5.6亿元", "2017"), ("6.2亿元", "2018")]),
    ("2019年至2021年该行不良贷款率分别为1.9%、1.8%、1.6%；同期拨备覆盖率为160%、175%、190%。",
     "2022-04-01", [("1.9%", "2019-12"), ("1.8%", "2020-12"), ("1.6%", "2021-12"),
                    ("160%", "2019-12"), ("175%", "2020-12"), ("190%", "2021-12")]),
    # (a control: a run of another length keeps the date of the sentence's end of span)
    ("2016年至2018年，某银行分别实现营收20.1亿元、22.3亿元、25.6亿元；两年累计投放贷款80亿元、90亿元。",
     "2019-05-01", [("20.1亿元", "2016"), ("22.3亿元", "2017"), ("25.6亿元", "2018"),
                    ("80亿元", "2018"), ("90亿元", "2018")]),
])
def test_a_run_after_a_span_s_list_takes_the_years_in_turn(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


@pytest.mark.parametrize("text, date, expected", [
    # a money bound that marks off a group (of borrowers, clients, households) is a line drawn:
    # no date, while the group's figures keep theirs
    ("截至6月末，某银行单户授信1000万元及以下的小微企业贷款余额3200亿元。", "2025-08-01",
     [("1000万元及以下", None), ("3200亿元", "2025-06")]),
    ("2024年末，月日均总资产在50万元及以上的零售客户资产余额增长9%。", "2025-03-01",
     [("50万元及以上", None), ("9%", "2024-12")]),
    ("2024年末，单户授信小于500万元的贷款增长12%。", "2025-03-01",
     [("500万元", None), ("12%", "2024-12")]),
    ("自8月1日起，家庭年所得120萬元以上的學生，學貸利率降至1.22%。", "2016-08-05",
     [("120萬元以上", None), ("1.22%", "2016-08-01")]),
    # (controls: a size reached, and a bound with no group after it, are of their day)
    ("截至2022年末，总资产超过500亿元的银行有5家。", "2023-04-01", [("500亿元", "2022-12")]),
    ("截至6月末，该行单户授信1000万元以下贷款余额增长20%。", "2025-08-01",
     [("1000万元以下", "2025-06"), ("20%", "2025-06")]),
])
def test_a_bound_that_marks_off_a_group_has_no_date(text, date, expected):
    assert [row for row in rows(text, "text", "as_of", date=date) if "家" not in row[0]] == expected


@pytest.mark.parametrize("text, date, expected", [
    # a date written right before a figure with 的 is the figure's, even in a sentence that
    # speaks of recent years (近年来), which otherwise leaves a figure at no one date
    ("近年来，该行净息差从2021年的2.81%降至2023年的1.94%。", "2024-11-01",
     [("2.81%", "2021"), ("1.94%", "2023")]),
    ("近5年，某银行的资本充足率连年下滑，相比2020年的12.6%累计下降1.9个百分点。", "2025-05-01",
     [("12.6%", "2020-12"), ("1.9个百分点", None)]),
])
def test_a_date_written_before_a_figure_holds_in_a_sentence_of_recent_years(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


@pytest.mark.parametrize("text, date, expected", [
    # the level a change is measured from in a quarter of the year before (较去年第4季的,
    # 高於去年第一季的) is of that quarter's end, a year back
    ("今年第1季曝險占淨值比降至25.6%，較去年第4季的26.0%減少0.4個百分點。", "2023-05-09",
     [("25.6%", "2023-03"), ("26.0%", "2022-12"), ("0.4個百分點", "2023-03")]),
    ("今年第一季每股盈餘0.88元，高於去年第一季的0.81元。", "2023-05-10",
     [("0.88元", "2023-03"), ("0.81元", "2022-03")]),
    # (a control: this year's quarter stays this year's)
    ("今年第三季淨利差為1.3%，較第二季的1.2%上升。", "2023-11-10",
     [("1.3%", "2023-09"), ("1.2%", "2023-06")]),
])
def test_a_base_in_a_quarter_of_last_year_is_that_quarter_s_end(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


@pytest.mark.parametrize("text, date, expected", [
    # the level a change starts from in the year before, written without its 的 (由去年2.2%,
    # 較上年43.59億元, 低於去年1.75厘), is of that year, as 由去年的2.2% is
    ("2021年度，淨利差由去年2.2%收窄至2.07%。", "2022-03-30", [("2.2%", "2020"), ("2.07%", "2021")]),
    ("該行今年稅貸最低實際利率為1.38厘，低於去年1.75厘。", "2025-11-25",
     [("1.38厘", "2025"), ("1.75厘", "2024")]),
    # (a control: a change from last year, not a level, keeps the sentence's period)
    ("2021年度，淨利差較去年收窄0.13個百分點。", "2022-03-30", [("0.13個百分點", "2021")]),
])
def test_a_base_in_last_year_written_without_its_de_is_of_that_year(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


@pytest.mark.parametrize("text, expected", [
    # 兆 is a trillion as Taiwan writes amounts, with or without 元 (as the mainland writes 万亿)
    ("金融三業對中國曝險金額總計近1.84兆，較2021年同期減少逾5,000億元。",
     [("1.84兆", 1.84e12), ("5,000億元", 5e11)]),
    ("國銀放款餘額達3.5兆，年增5.3兆。", [("3.5兆", 3.5e12), ("5.3兆", 5.3e12)]),
    ("淨值攀至5.12兆元，重返五兆大關。", [("5.12兆元", 5.12e12), ("五兆", 5e12)]),
    # (controls: a mega of a physical unit is no amount)
    ("该行支持建成10兆瓦光伏电站和2兆赫通信设备。", []),
])
def test_a_trillion_written_as_taiwan_writes_it(text, expected):
    assert [(t, float(v)) for t, v in rows(text, "text", "value")] == expected


@pytest.mark.parametrize("text, expected", [
    # the yen as Taiwan's and Hong Kong's papers write it: 日圓, 日幣 (and the mainland's 日元)
    ("東京之星去年度稅後淨利101億日圓，存款餘額達2.2兆日圓。",
     [("101億日圓", "JPY"), ("2.2兆日圓", "JPY")]),
    ("中信金將以520億日圓、折合台幣156億元收購，另付84億日幣。",
     [("520億日圓", "JPY"), ("156億元", "TWD"), ("84億日幣", "JPY")]),
])
def test_the_yen_as_written_in_traditional_characters(text, expected):
    assert rows(text, "text", "unit") == expected


@pytest.mark.parametrize("text, expected", [
    # 多 after a percent or a 厘 is "more than", as 多 before a magnitude is (1000多亿元)
    ("聯貸案利率在地板價1.7%多。", [("1.7%多", ">")]),
    ("中小企業放款利率7厘多。", [("7厘多", ">")]),
    # (controls: 多 opening the next word)
    ("不良率降至1.5%，多数银行拨备覆盖率超过200%。", [("1.5%", "="), ("200%", ">")]),
])
def test_more_written_after_a_percent_is_more_than(text, expected):
    assert rows(text, "text", "qualifier") == expected


# ------------------------------------------------------------------ round thirty-four
DATES_ROUND_THIRTY_FOUR = [
    # monthly statistics compare the months to date with the months to the month before: the
    # span after 比 or 较 is a base, and the figures after it keep the months to date
    ("1-9月，全省工业增加值同比增长6.2%，增速比1-8月加快0.3个百分点，高技术制造业增长9.1%。", "2024-10-20",
     [("6.2%", "2024-09"), ("0.3个百分点", "2024-09"), ("9.1%", "2024-09")]),
    ("今年1月至5月，制造业贷款增加820亿元，增速较1月至4月提高0.5个百分点，占比达到31%。", "2024-06-18",
     [("820亿元", "2024-05"), ("0.5个百分点", "2024-05"), ("31%", "2024-05")]),
    # (a control: a span with no base word before it dates the figures after it)
    ("1-3月贷款增长5%，4-6月增长7%。", "2024-07-15", [("5%", "2024-03"), ("7%", "2024-06")]),
    # a project's total investment is the project's size, of no period; the loan the bank
    # lent it in the period is of its date
    ("截至6月末，该行为县里新能源项目授信8亿元。项目总投资达30亿元，一期已投产。", "2024-07-10",
     [("8亿元", "2024-06"), ("30亿元", None)]),
    ("2023年，该行为港口扩建项目发放贷款6亿元，项目投资总额为25亿元。", "2024-01-08",
     [("6亿元", "2023"), ("25亿元", None)]),
    # (a control: an investment made in the period, not a project's total, keeps its date)
    ("2024年，该市制造业投资增长9.1%，完成投资1200亿元。", "2025-01-20",
     [("9.1%", "2024"), ("1200亿元", "2024")]),
]


@pytest.mark.parametrize(("text", "date", "expected"), DATES_ROUND_THIRTY_FOUR)
def test_as_of_round_thirty_four(text, date, expected):
    assert rows(text, "text", "as_of", date=date) == expected


@pytest.mark.parametrize("text, expected", [
    # 基準點, as Taiwan's press writes a basis point beside 基本點 (台銀調升存款利率3個基準點)
    ("兩家銀行分別調升定期存款利率3個基準點，土銀則調升5個基準點。",
     [("3個基準點", 0.03), ("5個基準點", 0.05)]),
    # (a control: 基準 alone, a benchmark, is no unit: 基準利率 stays a rate)
    ("放款以基準利率2.5%計息。", [("2.5%", 2.5)]),
])
def test_basis_points_written_as_taiwans_press_writes_them(text, expected):
    assert [(t, float(v)) for t, v in rows(text, "text", "value")] == expected
    assert {u for (u,) in rows(text, "unit")} == ({"pp"} if "基準點" in text else {"%"})


# ------------------------------------------------------------------ round thirty-five
BANKS_ROUND_THIRTY_FIVE = [
    # a stake after the words of a bank's shareholders is the shareholder's, no bank's figure
    ("渤海银行主要大股东为某投资集团，持股35%；恒丰银行大股东为某控股公司，持股比例20.5%。",
     [("35%", None), ("20.5%", None)]),
    ("截至年末，紫金农商银行共有股东200户，其中法人股东18户，持股占比68.2%，不良贷款率1.6%。",
     [("68.2%", None), ("1.6%", "紫金农村商业银行")]),
    ("台中銀行於2008年引進新股東，就其股權結構而言，以一家壽險公司持有45.1%的股權為最多。", [("45.1%", None)]),
    # (a control: a bank named as the holder after those words holds the stake)
    ("该村镇银行的股权结构上，浦发银行作为发起行，持股51%。", [("51%", "浦发银行")]),
    # a region's whole, as 全省 and 全市 are: a county, a province by its one-character name,
    # and a county named before (该县), not the bank of the sentence before
    ("建设银行在当地推出林权贷款。据测算，该县可用于抵押的林地约占45%。", [("45%", None)]),
    ("四川银行支持地方建设。今年前10月，全川新增贷款增长9.5%，全县存款增长7%。",
     [("9.5%", None), ("7%", None)]),
    # (a control: 该行 is the bank)
    ("建设银行在当地推出林权贷款。据测算，该行林权贷款增长45%。", [("45%", "建设银行")]),
    # (a control: a region the bank's lending reaches is its object, not a subject)
    ("农业银行西藏分行推广农户小额信用贷款。截至8月底，贷款余额90亿元，覆盖全区85%的农牧户。",
     [("85%", "农业银行")]),
]


@pytest.mark.parametrize(("text", "expected"), BANKS_ROUND_THIRTY_FIVE)
def test_banks_round_thirty_five(text, expected):
    assert [row for row in entities(text, date="2025-06-01") if row[0].endswith("%")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # two digits from 69 up are the last century's years, as strptime's %y reads them (not 2097)
    ("97年末，该行贷款余额50亿元。", [("50亿元", "1997-12")]),
    ("98Q1，该行净利润5亿元。", [("5亿元", "1998-03")]),
    # (a control: an analyst's two-digit year of this century)
    ("22年末，该行贷款余额50亿元。", [("50亿元", "2022-12")]),
])
def test_two_digit_years_of_the_last_century(text, expected):
    assert rows(text, "text", "as_of", date="2009-06-01") == expected
