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
from analysis.figures import COLUMNS, extract_figures, parse_number
from analysis.selections import central_bank_statistics

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


def test_this_bank_refers_back_within_the_paragraph():
    text = ("11月初，工商银行连云港分行发布消息称，该行成功落实了首单清欠贷款。经确认，"
            "该笔贷款清偿金额共计281.5万元。\n另一段中，该笔贷款为100万元。")
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
    ("截至目前，核心产业规模已接近6000亿元人民币。", None),
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
    assert rows("去年贷款余额为1万亿元。", "as_of", date="2025-02-14") == [("2024",)]


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
        assert row.value >= 0
        assert pd.isna(row.entity) or row.scope == "bank"
