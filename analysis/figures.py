"""Every money, percentage and count figure of the clean articles, normalised and attributed.

One row per figure as written in the clean text ("1万亿元", "30.74%", "1,600家"), with its value in
base units, a qualifier (不低于 -> ≥), the bank it belongs to, what it measures, the date it refers
to, its sentence and its character offsets. The rules, in the order they apply:

Numbers    Arabic (thousands separators, decimals, full-width digits) or Chinese numerals (read by
           cn2an), times a magnitude word 万/亿/万亿/千亿 (its factor also read by cn2an).
Units      元/人民币 -> CNY, 美元 -> USD (港元, 欧元, 日元, 英镑 too; also written first, as in
           人民币100亿元, whose `text` is then "100亿元"); % and 百分之 -> %;
           个百分点 -> pp (基点 -> pp / 100); 家/户/人/个/间/笔... -> a count, its unit the
           classifier.
           A number with a magnitude word but no currency ("分别为2.70万亿", "授信近千亿") is money
           when its sentence speaks of money (贷款, 授信, 融资, 规模 ...): CNY unless a figure in
           the same sentence is in another currency; `unit_inferred` marks it. Bare numbers
           (years, dates, stock codes such as 601988.SH, "630" in quotes) and numbers inside URLs
           are not figures. In "a、b亿元" and "a—b%" the bare a takes b's magnitude and unit.
Qualifier  the words right before the number, or after it: 不低于/至少/以上 -> ≥;
           超过/逾/超/余/多 -> >; 不超过/最高/以内/以下 -> ≤; 近/接近/将近 -> < (approaching,
           not reaching); 约/左右 -> ≈; 低于/不足 -> <; anything else (高达, 达到, 为, nothing)
           -> =. A range a—b gives a ≥ and b ≤.
Entity     the nearest bank named before the figure in its sentence (banks.yaml: aliases, branches
           such as 工商银行莆田分行). A group with 分别 ("工农中建 … 分别为a、b、c和d") distributes
           the figures of each kind in order. 该行/该笔 (this bank, this loan) in a sentence without
           a bank refers back to the last bank of the paragraph. A bank named as a speaker's
           employer ("邮储银行研究员…") does not own the figure; banks given as examples
           ("工行、建行等5家银行") make a group. A figure of the central bank (中国人民银行 and
           its branches) gets no entity: its `scope` is "central_bank".
Scope      bank (entity set), central_bank, group (several banks together, e.g. 六大国有行),
           sector (银行业, 商业银行, 金融机构 ... before it in the sentence), other.
Metric     the measure named next to the figure: a noun phrase right after it that ends in a
           measure word ("1000万元流动资金贷款"), else the nearest measure word before it in its
           clause, widened left over its modifiers ("数字经济核心产业贷款余额"), else the nearest
           in its sentence; counts name what is counted.
as_of      the nearest date before the figure in its paragraph: 截至2023年12月底 -> 2023-12,
           2024年中期 -> 2024-06, 去年 -> the article's year - 1, 9月15日 -> the year of an earlier
           date in the paragraph or of the article. Baselines (较年初, 比上年, 去年同期) and starts
           (2024年起, 1月以来) are not dates of a figure; 目前 and 近年来 leave it empty.

`entity` is a lender only: empty (NaN in the table) for the central bank, a group, the sector or
another company, with `scope` telling which. `as_of` and `entity` are NaN when unknown; `metric`
is "" when the sentence names no measure.

Everything is regular expressions over the text of one article at a time (sentences, banks and
dates only in the paragraphs that hold figures), which keeps the extractor above 5 MB/s
(benchmarks/bench_figures.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache

import cn2an
import pandas as pd

from analysis.banks import BankMention, english, find_banks, is_central_bank

COLUMNS = [
    "article_id", "source_file", "text", "value", "unit", "qualifier", "entity", "metric",
    "as_of", "sentence", "start", "end",
    # extras, after the contract's columns
    "kind", "scope", "entity_en", "qualifier_text", "unit_inferred", "sentence_start",
]
MONEY_UNITS = ("CNY", "USD", "HKD", "EUR", "JPY", "GBP")
KINDS = ("money", "percent", "pp", "count")

# Full-width digits, point, percent and currency signs to ASCII: one character for one, so
# offsets into the translated text are offsets into the original.
FULLWIDTH = str.maketrans("０１２３４５６７８９．％￥＄", "0123456789.%¥$")
HAS_FULLWIDTH = re.compile("[０-９．％￥＄]")
THOUSANDS_COMMA = re.compile(r"(\d)，(?=\d{3}(?!\d))")

CN_DIGITS = "零〇一二两三四五六七八九十百千"
# Patterns below begin with a character class where they can: re then skips ahead to the
# next digit instead of trying a match at every character, which is most of the speed.
ARABIC = r"\d(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"
MAGNITUDE = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千"
CURRENCIES = {"美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR",
              "日元": "JPY", "英镑": "GBP", "元": "CNY", "元人民币": "CNY", "人民币": "CNY"}
POINTS = {"个百分点": Decimal(1), "百分点": Decimal(1), "个基点": Decimal("0.01"),
          "基点": Decimal("0.01"), "bps": Decimal("0.01"), "bp": Decimal("0.01"),
          "BP": Decimal("0.01")}
# A Chinese numeral is an amount with 万/亿 in it, or right before a currency or a point
# (the regex checks this so that every 一 of the text is not a candidate).
CN_BODY = f"[{CN_DIGITS}点]"
CHINESE = (rf"[{CN_DIGITS}万亿](?:(?<=[万亿]){CN_BODY[:-1]}万亿]*"
           rf"|{CN_BODY}*[万亿][{CN_DIGITS}点万亿]*"
           rf"|{CN_BODY}*(?=[多余]?(?:美|港|欧|日元|英镑|元|人民币|个?百分点)))")
# Classifiers of counted things; 个 not in 个月/个百分点 (a duration, a point change).
COUNTERS = ("家|户|人次|人|个(?!月|工作日|小时|百分点|基点|交易日)|间|笔|项|件|名|位|只|台|套|张|批"
            "|所|座|条|架|辆|次|款|份")
UNIT = (rf"(?P<pp>{'|'.join(POINTS)})"
        rf"|(?P<cur>{'|'.join(sorted(CURRENCIES, key=len, reverse=True))})"
        rf"|(?P<pct>%)|(?P<cnt>{COUNTERS})")
SPACE = "[ \u00a0\u3000]?"  # "1.5 万亿元": one space may stand between number and unit
TAIL = (rf"(?P<more>[多余])?(?:{SPACE}(?P<mag>{MAGNITUDE}))?(?P<more2>[多余])?(?:{SPACE}(?:{UNIT}))?"
        rf"(?P<post>左右|以上|以下|以内|上下)?")
# An Arabic number is a candidate when a magnitude, a unit or a list or range separator follows;
# years, days and codes (2024年, 26日, 601988.SH) are left to the regex engine to skip.
UNIT_AHEAD = re.sub(r"\(\?P<\w+>", "(?:", UNIT)
SEPARATORS = "、,，和及与以或—–\\-~～至到 "
AHEAD = rf"(?=[多余]?{SPACE}(?:{MAGNITUDE}|{UNIT_AHEAD})|[{SEPARATORS}])"
CURRENCY_FIRST = "人民币|RMB|CNY|¥|美元|USD|US\\$|\\$|港元|港币|HKD|HK\\$|欧元|EUR|€"
FIGURE_PATTERNS = (
    re.compile(rf"(?P<num>{ARABIC}){AHEAD}{TAIL}"),
    re.compile(rf"(?P<num>{CHINESE}){TAIL}"),
    re.compile(rf"百分之(?P<pctnum>{ARABIC}|[{CN_DIGITS}]+(?:点[{CN_DIGITS}]+)?)"),
    re.compile(rf"(?:{CURRENCY_FIRST}){SPACE}(?P<num>{ARABIC}){TAIL}"),  # 人民币100亿元, $5
)
# Chinese numerals only count with a currency, a point or 百分之 after them, or with 万/亿 and
# a digit or qualifier in front: "千万" (by all means), "万一", "亿万" are words, not amounts.
CN_LEADING = set("一二两三四五六七八九十")
VAGUE_BEFORE = set("数几上")  # 数千亿, 几百万, 上千亿: no value to give
NOT_AFTER = re.compile(r"级|量级|倍")  # 千亿级 (an order of magnitude), 3倍 (a ratio)

QUALIFIERS = {
    "≥": ["不低于", "不少于", "不下于", "至少", "起码", "最少"],
    "≤": ["不超过", "不超", "不高于", "不多于", "至多", "最多", "最高可达", "最高"],
    ">": ["超过", "超", "逾", "多于", "高于", "大于"],
    "<": ["将近", "接近", "逼近", "近", "低于", "少于", "不足", "不到", "未满", "未达"],
    "≈": ["大约", "约为", "约合", "约", "大概", "大致"],
    "=": ["高达", "达到", "可达", "达", "约计", "共计", "合计", "总计", "累计", "仅为", "分别为",
          "为", "是"],
}
QUALIFIER_OF = {word: sign for sign, words in QUALIFIERS.items() for word in words}
QUALIFIER_BEFORE = re.compile(
    "(?:" + "|".join(sorted(QUALIFIER_OF, key=len, reverse=True)) + r")\s*$")
POST_QUALIFIER = {"以上": "≥", "以下": "≤", "以内": "≤", "左右": "≈", "上下": "≈"}
CURRENCY_PREFIX = {"人民币": "CNY", "RMB": "CNY", "CNY": "CNY", "¥": "CNY", "美元": "USD",
                   "USD": "USD", "US$": "USD", "$": "USD", "港元": "HKD", "港币": "HKD",
                   "HKD": "HKD", "HK$": "HKD", "欧元": "EUR", "EUR": "EUR", "€": "EUR"}

# A magnitude without currency is money where the sentence speaks of money, and not where it
# counts people, users or model parameters ("参数规模达6710亿").
MONEY_CONTEXT = re.compile(
    r"贷|授信|融资|资金|金额|余额|投资|出资|资产|规模|收入|营收|利润|存款|债|基金|资本|市值|估值"
    r"|成本|费用|预算|投入|补贴|额度|元|交易额|营业额|销售额|产值|投放|支出|价|税|保费|GDP")
NOT_MONEY_CONTEXT = re.compile(r"用户|人口|人次|粉丝|下载|访问量|参数|token|Token|字节|像素|条数据")

SEPARATOR_START = set("、,，和及与以或—–-~～至到 ")  # what follows a number in a list or range
RANGE_GAP = re.compile(r"\s*(?:[—–\-~～]{1,2}|至|到)\s*")
LIST_GAP = re.compile(r"\s*(?:[、,，]|和|及|与|以及|或)\s*")
URL = re.compile(r"https?://[^\s，。；）)」】]+|www\.[A-Za-z0-9.-]+[^\s，。；）)」】]*")

SENTENCE = re.compile(r"[^\n。！？!?]+[。！？!?]*[”’\"』」）)]*")
CLAUSE_STOP = re.compile(r"[，,；;：:。！？!?\n]")

# Dates a figure refers to: candidates found fast by DATE_START, read by DATE.
DATE_START = re.compile(r"[\d今去前上本](?:(?<=\d)\d*[年月\-]|(?<=[今去前上本])年)")
DATE = re.compile(
    r"(?:(?P<iso>(?:19|20)\d{2})-(?P<isom>[01]?\d)(?:-(?P<isod>[0-3]?\d))?(?!\d)"
    r"|(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>今年|去年|前年|上年|本年))"
    r"(?:(?P<m>1[0-2]|0?[1-9])月份?(?:(?P<d>3[01]|[12]\d|0?[1-9])[日号])?(?P<mpos>末|底|初|上旬|中旬|下旬)?"
    r"|(?P<period>年末|年底|年初|末|底|上半年|下半年|前三季度|第一季度|一季度|第二季度|二季度"
    r"|第三季度|三季度|第四季度|四季度|中期|全年))?"
    r"|(?P<m2>1[0-2]|0?[1-9])月份?(?:(?P<d2>3[01]|[12]\d|0?[1-9])[日号])?(?P<mpos2>末|底|初|上旬|中旬|下旬)?)"
)
PERIOD_MONTH = {"年末": 12, "年底": 12, "末": 12, "底": 12, "年初": 1, "上半年": 6, "中期": 6,
                "下半年": 12, "前三季度": 9, "第一季度": 3, "一季度": 3, "第二季度": 6,
                "二季度": 6, "第三季度": 9, "三季度": 9, "第四季度": 12, "四季度": 12}
RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}
BASELINE_BEFORE = re.compile(r"(?:较|比|相比|相较|相较于|对比|同比)\s*$")  # 较年初, 比上年
NOT_A_DATE_AFTER = re.compile(r"\s*(?:以来|起|开始|至今|同期)")  # 2024年起, 1月以来, 去年同期

# Attribution.
ANAPHORA = re.compile(r"该行|本行|该银行|我行|该笔|此笔")
SPEAKER_AFTER = re.compile(
    r"\s*(?:[(（][^)）]{0,12}[)）])?\s*(?:研究员|首席|分析师|经济学家|研究院|研究部)")
SECTOR = re.compile(r"银行业|银行机构|金融机构|商业银行|国有大行|国有行|股份行|股份制银行"
                    r"|城商行|农商行|大中银行|中小银行|各家银行|各银行|全国")
RESPECTIVELY = "分别"

# Measure words for `metric`. Those in EXTENDABLE take their modifiers ("贷款余额" ->
# "科技型企业贷款余额"); the others are whole labels.
EXTENDABLE = ["余额", "规模", "占比", "比重", "增速", "增幅", "降幅", "率", "金额", "新增额",
              "合计", "共计", "总计", "总额", "份额", "损失", "总资产", "成本", "费用"]
FIXED = ["专项综合金融支持", "综合金融支持", "金融支持", "综合授信", "授信额度", "授信", "额度",
         "清欠专项贷款", "清欠贷款", "专项贷款", "流动资金贷款", "项目贷款", "发放贷款",
         "投放贷款", "贷款", "专项融资", "投融资", "融资", "投资额", "投资", "出资额", "出资",
         "营业收入", "营收", "收入", "净利润", "利润", "存款", "资金", "估值", "市值", "清偿",
         "募集", "募资", "补贴", "投放", "销售额", "交易额", "营业额"]
# A change (同比增长) is a metric, but not in 增至/提升至 (rose to: the figure is a level).
CHANGES = [base + verb for base in ["同比", "环比", "较年初", "较上年末", "较上年", "较去年", ""]
           for verb in ["增长", "下降", "增加", "减少", "提升", "提高", "上升", "回落", "增"]]
# Longest first, so that 增速 is not read as 增 (a change); every alternative starts with a
# literal, which lets re skip ahead.
HEAD = re.compile("|".join(
    word if word in EXTENDABLE + FIXED else f"{word}(?![至到了])"
    for word in sorted(EXTENDABLE + FIXED + CHANGES, key=len, reverse=True)))
HEAD_AT_END = re.compile("(?:" + "|".join(sorted(EXTENDABLE + FIXED, key=len, reverse=True))
                         + ")$")
EXTENDABLE_SET = set(EXTENDABLE)
# Where a metric's modifiers stop: function words, verbs, the sector, and any non-word character.
STOP = re.compile(
    r"[^\u4e00-\u9fffA-Za-z、]|的|了|在|为|对|(?<![意方导取走动倾])向|给|将|已经|已|由|从|至|到|以|其中|该行|该|本行|其|此|即"
    r"|较|是|有|并|也|还|均|提供|发放|带来|实现|推出|完成|开展|显示|表示|称|指出"
    r"|获得|启动|组建|建立|设立|参与|审批|落实|银行业|金融机构|银行机构|、(?![\u4e00-\u9fff])")
METRIC_MAX = 20


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    value: Decimal
    unit: str
    kind: str
    qualifier: str = "="
    qualifier_text: str = ""
    unit_inferred: bool = False
    entity: str | None = None
    scope: str = "other"
    metric: str = ""
    as_of: str | None = None
    sentence: tuple[int, int] = (0, 0)
    scale: Decimal = field(default=Decimal(1), repr=False)  # value / the number as written
    lead: int = 0  # where the figure's words begin: its qualifier, a currency written first
    bare: bool = False  # a number still waiting for the unit of its list or range partner


@dataclass(frozen=True, slots=True)
class DateAnchor:
    start: int
    end: int
    value: str
    year: int | None  # the year the expression names, which a later "6月末" borrows


# ---------------------------------------------------------------- numbers


@cache
def chinese_number(numeral: str) -> Decimal:
    """A Chinese numeral ("三千亿", "千亿", "一点五") read by cn2an; "千亿" is "一千亿"."""
    if numeral[0] in "十百千万亿":
        numeral = "一" + numeral
    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (ValueError, KeyError, IndexError) as error:  # cn2an: KeyError on "一亿一"
        # cn2an reads "三点五" and "亿" but not "三点五亿": split off the magnitude
        head = re.match(r"(.*点[零〇一二三四五六七八九]+)([十百千万亿]+)$", numeral)
        if head is None:
            raise ValueError(f"not a Chinese numeral: {numeral}") from error
        return chinese_number(head.group(1)) * chinese_number(head.group(2))


def parse_number(text: str) -> Decimal:
    """The value of a number as written: "3,499.99", "１２.５", "三千亿", "千亿" (no unit words)."""
    return number_value(text.translate(FULLWIDTH))


def number_value(text: str) -> Decimal:
    if text[:1].isdigit():
        return Decimal(text.replace(",", ""))
    return chinese_number(text)


def magnitude(word: str | None) -> Decimal:
    """万 -> 1e4, 亿 -> 1e8, 万亿 -> 1e12 ...: the factor of a magnitude word, read by cn2an."""
    return chinese_number(word) if word else Decimal(1)


# ---------------------------------------------------------------- dates


def article_date(value) -> tuple[int, int, int] | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value)) if value else None
    return tuple(int(g) for g in match.groups()) if match else None


def date_anchors(text: str, start: int, end: int, today: tuple[int, int, int] | None
                 ) -> list[DateAnchor]:
    """Every date in text[start:end] (one paragraph) a figure can refer to, resolved to YYYY,
    YYYY-MM or YYYY-MM-DD."""
    anchors: list[DateAnchor] = []
    reach = 0
    for candidate in DATE_START.finditer(text, start, end):
        at = candidate.start()
        if at < reach or (at and text[at - 1].isdigit()):
            continue
        match = DATE.match(text, at)
        if match is None:
            continue
        reach = match.end()
        if BASELINE_BEFORE.search(text, max(0, at - 4), at) or NOT_A_DATE_AFTER.match(text, reach):
            continue
        g = match.groupdict()
        month = day = None
        if g["iso"]:
            year, month = int(g["iso"]), int(g["isom"])
            day = int(g["isod"]) if g["isod"] else None
            if not 1 <= month <= 12:
                continue
        elif g["y"] or g["rel"]:
            if g["y"]:
                year = int(g["y"])
            elif today:
                year = today[0] + RELATIVE_YEAR[g["rel"]]
            else:
                continue
            if g["m"]:
                month, day = int(g["m"]), int(g["d"]) if g["d"] else None
            elif g["period"] and g["period"] != "全年":
                month = PERIOD_MONTH[g["period"]]
        else:
            month, day = int(g["m2"]), int(g["d2"]) if g["d2"] else None
            # the year of an earlier date of the paragraph that names one ("2024年中期业绩显示，
            # 截至6月末"), else the latest such month up to the article's date
            year = next((a.year for a in reversed(anchors) if a.year is not None), None)
            if year is None and today:
                year = today[0] if (month, day or 1) <= today[1:] else today[0] - 1
            if year is None:
                continue
        value = f"{year:04d}" + (f"-{month:02d}" if month else "") + (
            f"-{day:02d}" if month and day else "")
        named_year = year if (g["iso"] or g["y"] or g["rel"]) else None
        anchors.append(DateAnchor(at, reach, value, named_year))
    return anchors


# ---------------------------------------------------------------- figures


def scan(text: str, urls: list[tuple[int, int]]) -> list[Figure]:
    """Candidate figures in order, with value, unit, kind and qualifier; bare numbers kept
    for the list and range rules."""
    matches = sorted((m for pattern in FIGURE_PATTERNS for m in pattern.finditer(text)),
                     key=lambda m: m.start())
    figures: list[Figure] = []
    reach = 0
    for match in matches:
        start = match.start()
        if start < reach or (urls and any(a <= start < b for a, b in urls)):
            continue  # inside an earlier figure ("千亿" of "1千亿") or a URL
        figure = read_figure(text, match)
        if figure is not None:
            figures.append(figure)
            reach = match.end()
    return figures


def read_figure(text: str, match: re.Match) -> Figure | None:
    g = match.groupdict()
    head, end = match.span()  # head: 百分之, a currency written first, or the number
    start = match.start("num") if g.get("num") else head
    before = text[max(0, head - 5):head]  # where a qualifier stands
    if g.get("pctnum") is not None:
        try:
            value = number_value(g["pctnum"])
        except (ValueError, InvalidOperation):
            return None
        return with_qualifier(Figure(start, end, value, "%", "percent"), before, None, False,
                              head)
    number = g["num"]
    prefix = CURRENCY_PREFIX.get(text[head:start].strip()) if head < start else None
    chinese = not number[0].isdigit()
    unit_word = g["pp"] or g["cur"] or g["pct"] or g["cnt"]
    prev = text[start - 1] if start else ""
    if not (chinese or unit_word or g["mag"] or prefix or text[end:end + 1] in SEPARATOR_START):
        return None  # a bare number (a year, a day, a code) not in a list or range
    if chinese:
        if g["cnt"] or not (g["pp"] or g["cur"] or g["pct"] or "万" in number or "亿" in number):
            return None  # 一家, 两个, 一方面: words, not figures
        if prev in VAGUE_BEFORE or (number[0] not in CN_LEADING and not unit_word
                                    and not QUALIFIER_BEFORE.search(before)):
            return None
    elif prev.isascii() and prev.isalpha() and not prefix:
        return None  # H100, GPT4: a name, not a figure
    if prev in ".-/" and start >= 2 and text[start - 2].isdigit():
        return None  # the tail of 2025.9.30 or 2025-09
    if NOT_AFTER.match(text, end):
        return None
    try:
        scale = magnitude(g["mag"]) * (POINTS[g["pp"]] if g["pp"] else 1)
        value = number_value(number) * scale
    except (ValueError, InvalidOperation):
        return None
    if g["pp"]:
        figure = Figure(start, end, value, "pp", "pp")
    elif g["pct"]:
        figure = Figure(start, end, value, "%", "percent")
    elif g["cur"]:
        figure = Figure(start, end, value, CURRENCIES[g["cur"]], "money")
    elif g["cnt"]:
        figure = Figure(start, end, value, g["cnt"], "count")
    elif g["mag"] or "万" in number or "亿" in number:  # money if its sentence says so, later
        figure = Figure(start, end, value, prefix or "", "money", unit_inferred=prefix is None)
    elif prefix:  # 人民币100
        figure = Figure(start, end, value, prefix, "money")
    else:
        figure = Figure(start, end, value, "", "", bare=True)
    figure.scale = scale
    return with_qualifier(figure, before, g["post"], bool(g["more"] or g["more2"]), head)


def with_qualifier(figure: Figure, before: str, post: str | None, more: bool, head: int
                   ) -> Figure:
    lead = QUALIFIER_BEFORE.search(before)
    figure.lead = head
    if lead:
        figure.qualifier_text = lead.group().strip()
        figure.qualifier = QUALIFIER_OF[figure.qualifier_text]
        figure.lead = head - (len(before) - lead.start())
    if figure.qualifier == "=":
        if more:
            figure.qualifier = ">"  # 110余家, 1000多亿元
        elif post:
            figure.qualifier = POST_QUALIFIER[post]
    return figure


def join_lists_and_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """a、b亿元 and a—b%: a bare a takes b's magnitude and unit; a range gives a ≥, b ≤."""
    for i in range(len(figures) - 2, -1, -1):  # right to left: 1、2、3亿元 chains
        left, right = figures[i], figures[i + 1]
        gap = text[left.end:right.start]
        is_range = RANGE_GAP.fullmatch(gap) is not None
        if not is_range and LIST_GAP.fullmatch(gap) is None:
            continue
        if left.bare and not right.bare:
            left.value *= right.scale
            left.unit, left.kind, left.unit_inferred = right.unit, right.kind, right.unit_inferred
            left.scale, left.bare = right.scale, False
        elif left.kind == right.kind == "money" and not left.unit and right.unit:
            left.unit = right.unit  # 2亿至3亿元: the currency of the partner
        if is_range and not left.bare and left.kind == right.kind:
            if left.qualifier == "=":
                left.qualifier = "≥"
            if right.qualifier == "=":
                right.qualifier = "≤"
    return [f for f in figures if not f.bare]


# ---------------------------------------------------------------- one article


def spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def extract_from_text(text: str, date=None) -> list[Figure]:
    """All figures of one clean article text; `date` (ISO) resolves 去年 and years left out."""
    if not text:
        return []
    plain = text.translate(FULLWIDTH) if HAS_FULLWIDTH.search(text) else text
    if THOUSANDS_COMMA.search(plain):  # "１２，０００": a full-width comma grouping thousands
        plain = THOUSANDS_COMMA.sub(r"\1,", plain)
    urls = spans(URL, plain) if ("http" in plain or "www." in plain) else []
    figures = join_lists_and_ranges(plain, scan(plain, urls))
    today = article_date(date)
    # Sentences, banks and dates matter only in the paragraphs that hold figures.
    by_paragraph: dict[int, list[Figure]] = {}
    for figure in figures:
        by_paragraph.setdefault(plain.rfind("\n", 0, figure.start) + 1, []).append(figure)
    kept: list[Figure] = []
    for start, members in by_paragraph.items():
        end = plain.find("\n", members[-1].end)
        end = len(plain) if end < 0 else end
        kept.extend(paragraph_figures(plain, start, end, members, today))
    return kept


def paragraph_figures(text: str, start: int, end: int, figures: list[Figure],
                      today: tuple[int, int, int] | None) -> list[Figure]:
    """Sentence, unit, entity, metric and date of the figures of the paragraph text[start:end]."""
    sentences = [m.span() for m in SENTENCE.finditer(text, start, end)]
    sentence_starts = [s for s, _ in sentences]
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for figure in figures:
        figure.sentence = sentences[bisect.bisect_right(sentence_starts, figure.start) - 1]
        by_sentence.setdefault(figure.sentence, []).append(figure)
    for members in by_sentence.values():
        infer_money_units(text, members)
    figures = [f for f in figures if f.unit]  # magnitudes that are not money: no figure
    if not figures:
        return []
    mentions = [BankMention(m.start + start, m.end + start, m.surface, m.banks)
                for m in find_banks(text[start:end])]
    mentions = [m for m in mentions if not SPEAKER_AFTER.match(text, m.end)]
    anchors = date_anchors(text, start, figures[-1].start, today)
    anchor_ends = [a.end for a in anchors]
    for sentence, members in by_sentence.items():
        members = [f for f in members if f.unit]
        if not members:
            continue
        s, e = sentence
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        attribute(text, sentence, members, inside, [m for m in mentions if m.end <= s])
        describe(text, sentence, members, inside, [a for a in anchors if s <= a.start < e])
    for figure in figures:
        index = bisect.bisect_right(anchor_ends, figure.start) - 1
        figure.as_of = anchors[index].value if index >= 0 else None
    return figures


def infer_money_units(text: str, figures: list[Figure]) -> None:
    """Money without a currency (figures of one sentence): CNY, or the currency of the
    sentence's other money; unit left empty (dropped) where the sentence does not speak of
    money."""
    for figure in figures:
        if figure.kind != "money" or figure.unit:
            continue
        s, e = figure.sentence
        context = text[s:min(e, figure.end + 10)]
        clause = text[clause_start(text, s, figure.start):figure.end + 6]
        if NOT_MONEY_CONTEXT.search(clause) or not MONEY_CONTEXT.search(context):
            continue
        others = [f.unit for f in figures if f.kind == "money" and f.unit and not f.unit_inferred
                  and f.start < figure.start]
        figure.unit = others[-1] if others else "CNY"


def clause_start(text: str, floor: int, position: int) -> int:
    start = floor
    for match in CLAUSE_STOP.finditer(text, floor, position):
        start = match.end()
    return start


def clause_end(text: str, position: int, ceiling: int) -> int:
    match = CLAUSE_STOP.search(text, position, ceiling)
    return match.start() if match else ceiling


def attribute(text: str, sentence: tuple[int, int], figures: list[Figure],
              inside: list[BankMention], earlier: list[BankMention]) -> None:
    """The bank of each figure of one sentence; `inside` are the sentence's bank mentions,
    `earlier` those of the paragraph before it (speakers' employers left out of both)."""
    s, _ = sentence
    distributed = distribute(text, sentence, figures, inside)
    for figure in figures:
        if id(figure) in distributed:
            continue
        before = [m for m in inside if m.end <= figure.start]
        owner = before[-1] if before else None
        if owner is None and earlier and ANAPHORA.search(text, s, figure.start):
            owner = earlier[-1]  # 该行, 该笔: the last bank named before in the paragraph
        # "工行、建行等5家银行": the banks named are examples of a group
        listed = bool(owner) and text.startswith("等", owner.end)
        set_owner(figure, owner.banks if owner else None, text, s, group=listed)


def set_owner(figure: Figure, banks: tuple[str, ...] | None, text: str, sentence_start: int,
              group: bool = False) -> None:
    if banks and (group or len(banks) > 1):
        figure.scope = "group"
    elif banks and is_central_bank(banks[0]):
        figure.scope = "central_bank"
    elif banks:
        figure.entity, figure.scope = banks[0], "bank"
    elif SECTOR.search(text, sentence_start, figure.start):
        figure.scope = "sector"
    else:
        figure.scope = "other"


def distribute(text: str, sentence: tuple[int, int], figures: list[Figure],
               mentions: list[BankMention]) -> set[int]:
    """工农中建 … 分别为a、b、c和d: the k-th figure of each kind after 分别 to the k-th bank."""
    s, e = sentence
    at = text.find(RESPECTIVELY, s, e)
    if at < 0:
        return set()
    listed = [m for m in mentions if m.end <= at]
    if not listed:
        return set()
    banks = list(listed[-1].banks)
    for left, right in zip(reversed(listed[:-1]), reversed(listed[1:]), strict=True):
        if len(banks) > 1 and len(right.banks) > 1:
            break  # a group is a whole list
        if LIST_GAP.fullmatch(text[left.end:right.start]) is None or len(left.banks) > 1:
            break
        banks.insert(0, left.banks[0])
    if len(banks) < 2:
        return set()
    done: set[int] = set()
    for kind in KINDS:
        after = [f for f in figures if f.kind == kind and f.start > at]
        for i, figure in enumerate(after):
            # as many figures as banks: one each; otherwise they belong to the list together
            owner = (banks[i],) if len(after) == len(banks) else tuple(banks)
            set_owner(figure, owner, text, s)
            done.add(id(figure))
    return done


def describe(text: str, sentence: tuple[int, int], figures: list[Figure],
             mentions: list[BankMention], anchors: list[DateAnchor]) -> None:
    """`metric` of each figure of one sentence (`mentions`, `anchors`: those in the sentence)."""
    s, e = sentence
    blocks = sorted([(m.start, m.end) for m in mentions] + [(a.start, a.end) for a in anchors]
                    + [(f.lead, f.end) for f in figures])
    heads = [(m.start(), m.end()) for m in HEAD.finditer(text, s, e)]
    for i, figure in enumerate(figures):
        if (i + 1 < len(figures) and figures[i + 1].kind == figure.kind
                and RANGE_GAP.fullmatch(text[figure.end:figures[i + 1].start])):
            continue  # the lower bound of a range takes the metric of the upper one, below
        figure.metric = metric_of(text, figure, sentence, heads, blocks)
    for i, figure in enumerate(figures[:-1]):
        # a range's lower bound or a list's member takes its partner's metric; nothing else does
        gap = text[figure.end:figures[i + 1].start]
        if not figure.metric and (RANGE_GAP.fullmatch(gap) or LIST_GAP.fullmatch(gap)):
            figure.metric = figures[i + 1].metric


def metric_of(text: str, figure: Figure, sentence: tuple[int, int],
              heads: list[tuple[int, int]], blocks: list[tuple[int, int]]) -> str:
    s, e = sentence
    left = clause_start(text, s, figure.start)
    right = clause_end(text, figure.end, e)
    after = phrase_after(text, figure.end, right, blocks)
    if figure.kind == "count":
        return after or phrase_before(text, left, figure.lead,
                                      blocks)
    if after and HEAD_AT_END.search(after):
        return after
    chosen = [h for h in heads if left <= h[0] and h[1] <= figure.start]
    if not chosen:
        # no measure word in the clause: the words before the figure ("训练成本约…"), else
        # the last measure of the sentence ("融资金额由…1000亿左右，增至…逾4000亿"), but not
        # a change, which does not carry over ("较年初增长15.6%，达到2.1万亿元")
        tail = phrase_before(text, left, figure.lead, blocks)
        if tail:
            return tail
        chosen = [h for h in heads if h[1] <= figure.start and text[h[0]:h[1]] not in CHANGES]
        if not chosen:
            return ""
    start, end = chosen[-1]
    head = text[start:end]
    if head in EXTENDABLE_SET:
        start = modifier_start(text, clause_start(text, s, start), start, blocks)
    return text[start:end][-METRIC_MAX:]


def modifier_start(text: str, floor: int, position: int, blocks: list[tuple[int, int]]) -> int:
    """How far left the modifiers of the word at `position` reach (stop words, names, dates)."""
    start = floor
    for match in STOP.finditer(text, floor, position):
        start = max(start, match.end())
    for _, b in blocks:
        if b <= position:
            start = max(start, b)
    return start


def phrase_before(text: str, floor: int, position: int, blocks: list[tuple[int, int]]) -> str:
    return text[modifier_start(text, floor, position, blocks):position][-10:]


def phrase_after(text: str, position: int, ceiling: int, blocks: list[tuple[int, int]]) -> str:
    if text.startswith("的", position):
        position += 1
    stop = STOP.search(text, position, ceiling)
    end = stop.start() if stop else ceiling
    for a, _ in blocks:
        if position <= a < end:
            end = a
    return text[position:end][:12]


# ---------------------------------------------------------------- the table


def extract_figures(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per figure of each article (columns: COLUMNS); `articles` needs article_id,
    source_file and text, and uses date when present."""
    rows: list[tuple] = []
    has_date = "date" in articles.columns
    for article in articles.itertuples(index=False):
        text = article.text if isinstance(article.text, str) else ""
        date = article.date if has_date and isinstance(article.date, str) else None
        for f in extract_from_text(text, date):
            s, e = f.sentence
            rows.append((
                article.article_id, article.source_file, text[f.start:f.end], float(f.value),
                f.unit, f.qualifier, f.entity, f.metric, f.as_of, text[s:e], f.start, f.end,
                f.kind, f.scope, english(f.entity) if f.entity else None, f.qualifier_text,
                f.unit_inferred, s,
            ))
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.astype({"value": "float64", "start": "int64", "end": "int64",
                         "unit_inferred": "bool", "sentence_start": "int64"})
