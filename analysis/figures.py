"""Every money, percentage and count figure of the clean articles, normalised and attributed.

One row per figure as written in the clean text ("1万亿元", "30.74%", "1,600家"), with its value in
base units, a qualifier (不低于 -> ≥), the bank it belongs to, what it measures, the date it refers
to, its sentence and its character offsets. The rules, in the order they apply:

Text       the rules read a copy of the text in simplified characters (analysis.chinese, the
           corpus's `text_simplified` when given), of the same length, so `text`, `sentence` and
           offsets come from the original (traditional) characters. In that copy a line break
           is a space where it does not end a paragraph: after a list separator ("7501.5亿、\n"),
           before a line that opens with a connective (其中，此外，), after a heading line.
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
           超过/逾/超/突破/余/多 -> >; 不超过/最高/以内/以下 -> ≤; 近/接近/将近 -> < (approaching,
           not reaching); 约/左右 -> ≈; 低于/不足 -> <; anything else (高达, 达到, 为, nothing)
           -> =. A range a—b gives a ≥ and b ≤, but "下降a至b" is a change and a level.
           "千亿" alone is an amount only after a qualifier (近千亿), not in "万亿元规模".
Entity     the nearest bank named before the figure in its sentence (banks.yaml: aliases, branches
           such as 工商银行莆田分行, subsidiaries such as 工银投资). Each 分别 distributes the
           figures of each kind after it, up to the next 分别, ；, or bank named, to the list
           named before it ("A、B营收分别为a、b，增速分别为c、d"; a group 工农中建 is a list);
           as many figures as banks: one each, else the list together. A list of banks before a
           figure without 分别 ("建行、工行、中行均超…") and banks given as examples ("工行、建行
           等5家银行", "浦发银行贵阳分行等6家") are a group. A sentence without a bank before the
           figure goes on about the last bank of its paragraph (该行, 该平台, 其, or no subject of
           its own) unless it names the sector or another subject (全国, 行业, 美国, 11家…; not
           细分行业中, a breakdown of the bank's own figures); a subject in the figure's own
           clause after the bank (；11家上市城商行…) takes the figure from it. A bank named as
           what the subject is compared with ("落后B银行0.56万亿元", "反超B银行…") leaves the
           gap to the subject (before it, else the bank named after the gaps); "低于B银行的0.76%"
           is B's own. The article's bank (the one lending bank its title names, else one named
           twice as often as all others together, three times at least) owns 本行/我行/该行 with
           no bank named in their paragraph (an annual report's own words), and, when it is the
           only lender named, the figures nobody else owns; when other banks are named too,
           only the subjectless figures of its business (loans, credit, revenue, profit,
           assets) in paragraphs that name no bank. A bank named as a speaker's employer
           ("民生银行首席经济学家", "光大银行金融市场部研究员") does not own the figure. A figure
           of the central bank (中国人民银行 and its branches) gets no entity: its `scope` is
           "central_bank". Banks are those of banks.yaml, their rural short forms (上海农商行),
           and local banks named by a place and a suffix (东莞农商行: see analysis.banks).
Scope      bank (entity set), central_bank, group (several banks together, e.g. 六大国有行),
           sector (银行业, 商业银行, 金融机构 ... before it in the sentence), market (a clause
           about the stock market: 南向资金净卖出, 股价, 收盘, 总市值, A/H股上涨…; no entity; money
           there without a currency is HKD when the sentence speaks of 港股/港元), other.
Metric     the measure named next to the figure: a noun phrase right after it that ends in a
           measure word ("1000万元流动资金贷款"), else the nearest measure word before it in its
           clause, widened left over its modifiers ("数字经济核心产业贷款余额"), else the nearest
           in its sentence; counts name what is counted.
Family     `metric_family`: one of METRIC_FAMILIES (loan_balance, new_loans, credit_line,
           commitment, growth, share, rate, revenue, profit, assets, investment, other), given by
           metric_family(metric, kind, unit, before) from the metric and the words of the clause
           before the figure (see its docstring).
as_of      the nearest date before the figure in its paragraph: 截至2023年12月底 -> 2023-12,
           2024年中期 -> 2024-06, 去年 -> the article's year - 1, 上季 and 上月 -> the quarter
           and the month before the article's, 9月15日 -> the year of an earlier
           date in the paragraph or of the article. Baselines (较年初, 比上年, 去年同期) and starts
           (2024年起, 1月以来) are not dates of a figure; 目前 is the article's own date (none
           in an undated article), 近年来 and 近五年来 leave it empty, and so does a plan's end
           year (2025-2029年). A sentence opening an example or an aside (典型案例, 例如) keeps no
           date of the sentences before it, unless it lists a bank's statistics. 截至上半年末
           takes the year of the paragraph or article. A page's time stamp ("2025-11-04 17:59")
           is its publication date (the article's date when none is given), not a figure's. A
           results report named in the paragraph before ("2025年中期业绩", "2024年度报告",
           "三季报") dates a paragraph with no date of its own; "报告期：2024年度" dates the whole
           document and 报告期内/末 the report named before.
           Beyond the paragraph: a section heading's date holds for the section under it (a
           heading without one ends the date before), and a period (a year, a quarter, a month,
           not an event's day) that a paragraph with figures names goes on into the next
           paragraphs of its section that name none, for amounts and changes, not for shares,
           rates, limits or pledges. A span of years ("2002-2022年", "2020年末至2024年末")
           dates its figures by its end, and "从a增至b" a by its start, unless the sentence is
           a plan (将, 计划, 未来, 目标, or an end after the article's year). A bare year in a
           clause naming a half-year or quarterly report ("2025年半年报") takes its month;
           今年以来, 年初以来 and 年内 are the article's year; 今年 in an undated article is
           the latest year it named before (not the year of an event in the paragraph), or,
           before it names any, the first year it counts up to (截至2025年…); a base it compares
           with (较2021年末) or a year it names as over (2024年末, 2024年年报, 2023年业绩,
           2024年及今年) makes it a year later, in its own paragraph too; a forecast's horizon
           (预测2025-2027年) names none. A part (其中…) is of its whole's time; 截至2024年 is the
           year's end; "去年同期为a" is a year before; "截至11月30日…11月累计" keeps the day.
           A piece that opens on a release of statistics (统计显示, 公布…数据) dates the shares and
           amounts it breaks down as a results piece does; a deal with a named firm (为某公司发放
           贷款3000万元) keeps no date of the sentences before it.

`entity` is a lender only: empty (NaN in the table) for the central bank, a group, the sector or
another company, with `scope` telling which. `as_of` and `entity` are NaN when unknown; `metric`
is "" when the sentence names no measure.

Everything is regular expressions over the text of one article at a time (sentences, banks and
dates only in the paragraphs that hold figures), which keeps the extractor above 5 MB/s
(benchmarks/bench_figures.py).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import operator
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import NamedTuple

import cn2an
import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.banks import english, find_banks, is_central_bank, reporting_currency, trie_pattern
from analysis.chinese import has_traditional, to_simplified, traditional_chars
from analysis.dates import YEAR_OVER_AFTER

COLUMNS = [
    "article_id", "source_file", "text", "value", "unit", "qualifier", "entity", "metric",
    "as_of", "sentence", "start", "end",
    # extras, after the contract's columns
    "kind", "scope", "entity_en", "qualifier_text", "unit_inferred", "sentence_start",
    "metric_family", "in_title",
]
METRIC_FAMILIES = ("loan_balance", "new_loans", "credit_line", "commitment", "growth", "share",
                   "rate", "revenue", "profit", "assets", "investment", "other")
MONEY_UNITS = ("CNY", "USD", "HKD", "TWD", "MOP", "SGD", "MYR", "EUR", "JPY", "GBP")
KINDS = ("money", "percent", "pp", "count")

# Full-width digits, point, percent and currency signs to ASCII: one character for one, so
# offsets into the translated text are offsets into the original.
# (﹒ and ﹐, the small full stop and comma, are the decimal point and the thousands' comma of
# some Hong Kong pages: "372﹒86億元", "335﹐212億元")
FULLWIDTH = str.maketrans("０１２３４５６７８９．﹒﹐％￥＄", "0123456789..,%¥$")
HAS_FULLWIDTH = re.compile("[０-９．﹒﹐％￥＄]")


@cache
def to_change() -> re.Pattern:
    """A traditional (analysis.chinese) or a full-width character: a text with neither is read
    as it is, which one pass over it tells."""
    return re.compile("[" + "".join(re.escape(c) for c in traditional_chars()) + "０-９．﹒﹐％￥＄]")
THOUSANDS_COMMA = re.compile(r"，(?<=\d，)(?=\d{3}(?!\d))")  # the comma first: re skips to it

CN_DIGITS = "零〇○一二两三四五六七八九十百千"  # (○, a white circle: zero as Taiwan's papers type it)
# Patterns below begin with a character class where they can: re then skips ahead to the
# next digit instead of trying a match at every character, which is most of the speed.
# A number starts at its first digit, and its digits are taken whole (possessive: no retrying
# shorter runs, which a digit would follow and no unit could).
ARABIC_AFTER_FIRST = r"(?<!\d\d)(?:\d{0,2}(?:,\d{3})+|\d*+)(?:\.\d++)?"
ARABIC = r"\d" + ARABIC_AFTER_FIRST
# \d (a Unicode decimal digit) as the class a whole text is scanned for: re tests \d by the
# character's Unicode category at every character it skips, which costs more than a look-up
# in a class of the same digits. The Basic Multilingual Plane's are written out; beyond it,
# where Chinese text has no characters, a range lets any in and \d is checked behind.
BMP_DIGITS = "".join(chr(code) for code in range(0x10000) if chr(code).isdecimal())
SCANNED_DIGIT = rf"[{BMP_DIGITS}\U00010000-\U0010ffff](?<=\d)"
# (兆: a trillion, as Taiwan writes it, "51.95兆元人民幣", "曝險總計近1.84兆"; not a mega of a
# physical unit, 兆瓦, 兆赫, 兆字节)
MAGNITUDE = ("万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千"
             r"|兆(?![瓦赫字帕焦伏安位比特丰A-Za-z])")  # 10兆8,202亿元
CURRENCIES = {"美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "新台币": "TWD", "台币": "TWD",
              "澳门元": "MOP", "澳门币": "MOP", "葡币": "MOP", "新加坡元": "SGD", "新元": "SGD",
              "新币": "SGD", "令吉": "MYR", "马币": "MYR",
              "欧元": "EUR",
              "日元": "JPY", "日圆": "JPY", "日币": "JPY", "英镑": "GBP",
              "元": "CNY", "元人民币": "CNY", "人民币": "CNY",
              "仙": "HKD", "港仙": "HKD", "美仙": "USD"}  # 仙: a Hong Kong cent (末期息91仙);
# 美仙, a US cent (滙控派息每股10美仙)
CURRENCY_SCALE = {"仙": Decimal("0.01"), "港仙": Decimal("0.01"), "美仙": Decimal("0.01")}
POINTS = {"个百分点": Decimal(1), "百分点": Decimal(1), "个基本点": Decimal("0.01"),
          "基本点": Decimal("0.01"), "个基准点": Decimal("0.01"), "基准点": Decimal("0.01"),
          "个基点": Decimal("0.01"),
          "基点": Decimal("0.01"), "个BPs": Decimal("0.01"), "个bps": Decimal("0.01"),
          "个BP": Decimal("0.01"), "个bp": Decimal("0.01"), "BPs": Decimal("0.01"),
          "BPS": Decimal("0.01"), "bps": Decimal("0.01"), "bp": Decimal("0.01"), "BP": Decimal("0.01"),
          "pct": Decimal(1), "ppt": Decimal(1), "pc": Decimal(1), "点子": Decimal("0.01")}
# (pct, ppt, pc: percentage points, in analysts' notes, "较上年末下降20.7pc"; 点子: basis
# points, in Hong Kong papers, 基本点 and 基准点 in Taiwan's; the longer forms first, as the pattern tries
# them in order)
# 厘 is a percent in a Hong Kong paper's rates (净息差1.36厘); elsewhere a thousandth of a yuan
# A rate moved by so many 厘 (下调最优惠利率0.125厘, 减息0.25厘): points, not a level (调低至5厘)
RATE_MOVE_BEFORE = re.compile(r"(?:下调|调低|上调|调高|减息|加息|降息|减P|加P|下降|上升)"
                              r"[^，。；,;至到为]{0,16}$")  # (…3个月及6个月0.2厘及0.1厘: both)
RATE_BEFORE = re.compile(r"(?:息差|利率|息率|年息|月息|收益率|回报率|利差|减息|加息|降息|封顶息|减P|加P"
                         r"|定存|存款|上调|下调|调高|调低|加至|减至"
                         # (Hong Kong's interbank and mortgage rates: 一个月拆息报3.2厘, 实际按息,
                         # H按 H+1.3厘, P按 P-1.75厘)
                         r"|拆息|HIBOR|Hibor|按息|按揭|息口|[HP]\s*[+＋\-－])"
                         r"[^，。；,;]{0,14}$")  # (减息0.25厘, 减P 0.125厘: a cut of the rate)
# (and in a sentence about a rate, the levels a list of them reaches: "恒生下调3个月及6个月0.2厘
# 及0.2厘，分别至2.4厘及2.4厘"; a 厘 the rate's name follows: "额外0.25厘年利率")
RATE_IN_SENTENCE = re.compile(r"(?:利率|年息|息率|定存|定期|存款|按息|拆息|[HP]\s*[+＋\-－]|\d厘(?!米))"
                              r"[^。；;！？\n]{0,40}$")
RATE_AFTER_LI = re.compile(r"\s*(?:年利率|年息|利率|息率)")
# A Chinese numeral is an amount with 万/亿 in it, or right before a currency or a point
# (the regex checks this so that every 一 of the text is not a candidate).
# (兆 inside one, a trillion as Taiwan's print pages write it: 十一兆五七七八点五二亿元; and a
# percent sign after one: 二十七点九%, as they print a rate)
CN_BODY = f"[{CN_DIGITS}点]"
CHINESE = (rf"[{CN_DIGITS}万亿](?:(?<=[万亿]){CN_BODY[:-1]}万亿]*"
           rf"|{CN_BODY[:-1]}兆]*[万亿][{CN_DIGITS}点万亿]*"
           rf"|[{CN_DIGITS}]{{0,2}}兆(?=大关|元|的|[^\u4e00-\u9fffA-Za-z])"  # 突破一兆, 五兆大关
           rf"|{CN_BODY}*(?=[多余]?(?:美|港|欧|日元|英镑|元|人民币|个?百分点|%)))")
# Classifiers of counted things; 个 not in 个月/个百分点 (a duration, a point change).
COUNTERS = ("家|户|人次|人|个(?!月|工作日|小时|百分点|基点|交易日|BP|bp)|间|笔|项|件|名|位|只|台|套|张|批|股"
            "|所|座|条|架|辆|次|款|份|手")
# (a word's letters do not follow: 10pcs is no figure of points)
UNIT = (rf"(?P<pp>{'|'.join(key + '(?![A-Za-z])' if key.isascii() else key for key in POINTS)})"
        rf"|(?P<cur>{'|'.join(sorted(CURRENCIES, key=len, reverse=True))})"
        rf"|(?P<pct>%|厘(?!米))|(?P<cnt>{COUNTERS})")
SPACE = "[ \u00a0\u3000]?"  # "1.5 万亿元": one space may stand between number and unit
TAIL = (rf"(?P<more>[多余])?(?:{SPACE}(?P<mag>{MAGNITUDE}))?(?P<more2>[多余])?(?:{SPACE}(?:{UNIT}))?"
        rf"(?:{SPACE}(?P<post>左右|(?:[(（]含[)）])?[及或]?以上|(?:[(（]含[)）])?[及或]?以下|之上|之下|以内|上下|附近"
        r"|起(?![步诉来始])|(?<=[%厘])多(?![家个种项数少位名次样])))?")  # (4%多, 7厘多: more than)
# An Arabic number is a candidate when a magnitude, a unit or a list or range separator follows;
# years, days and codes (2024年, 26日, 601988.SH) are left to the regex engine to skip.
UNIT_AHEAD = re.sub(r"\(\?P<\w+>", "(?:", UNIT)
SEPARATORS = "、,，和及与以或—–\\-~～至到 "
AHEAD = rf"(?=[多余]?{SPACE}(?:{MAGNITUDE}|{UNIT_AHEAD})|[{SEPARATORS}])"
CURRENCY_FIRST = ("人民币|RMB|CNY|¥|美元|USD|US\\$|\\$|港元|港币|HKD|HK\\$|新台币|台币|NT\\$|TWD|欧元"
                  "|EUR|€")
PERCENT_IN_WORDS = re.compile(rf"百分之(?P<pctnum>{ARABIC}|[{CN_DIGITS}]+(?:点[{CN_DIGITS}]+)?)")
FIGURE_PATTERNS = (
    re.compile(rf"(?P<num>{SCANNED_DIGIT}{ARABIC_AFTER_FIRST}){AHEAD}{TAIL}"),
    re.compile(rf"(?P<num>{CHINESE}){TAIL}"),
    PERCENT_IN_WORDS,
    re.compile(rf"(?:{CURRENCY_FIRST}){SPACE}(?P<num>{ARABIC}){TAIL}"),  # 人民币100亿元, $5
)
FIGURE_PATTERNS_NO_WORDS = tuple(p for p in FIGURE_PATTERNS if p is not PERCENT_IN_WORDS)
# The groups of the patterns of a number and its tail, in their order: read_figure takes them
# as match.groups(), which costs less than a dict of them for every candidate.
NUMBER_GROUPS = ("num", "more", "mag", "more2", "pp", "cur", "pct", "cnt", "post")
# A share in tenths: 七成 is 70%, 一成四 14% (Hong Kong and Taiwan papers write both; the
# mainland press writes 超七成, 近三成). Not 成 of a word (成为, 完成, 成本, 一成不变).
TENTHS = re.compile(rf"成(?<=(?P<tenths>[1-9一二两三四五六七八九半])成)"  # (成 first: re skips to it)
                    r"(?P<tenth>[一二三四五六七八九半](?![十百千万亿成]))?"
                    r"(?![为立功本交长员果熟绩都效就品型分片批套年人材色像事形全语亲名因天千不新])"
                    r"(?P<tmore>多)?"  # 六成多: more than sixty percent
                    rf"(?:{SPACE}(?P<post>左右|[及或]?以上|[及或]?以下|以内|上下|附近|起(?![步诉来始])))?")
# A rate moved by notches, as Taiwan's papers write the central bank's steps: 升息半码 (0.125
# points), 共升息3.5码; one notch (一码) is a quarter point. Only after a word of a rate's move.
NOTCHES = re.compile(r"(?P<notches>\d{1,2}(?:\.\d{1,2})?|[半一两二三四五六七八九十])\s?码")
NOTCH_MOVE_BEFORE = re.compile(r"(?:升息|降息|减息|加息|调升|调降|升|降)[^，。；,;]{0,6}$")
NOTCH_WORDS = {"半": Decimal("0.5"), "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9, "十": 10}
# A fraction of a point, as Hong Kong's papers write a rate's step: 加P八分一厘 (an eighth of a
# point), 上调封顶息四分一厘 (a quarter), 四分三厘 (three quarters); a move in points after a word of
# one, else a rate's level (分 first: re skips to it)
# (quarters and eighths only: 二分一厘 and 四分五厘 are old rates in 分 and 厘, 2.1% and 4.5%)
FRACTION_OF_A_POINT = re.compile(r"分(?<=(?P<whole>[四八])分)(?P<part>[一三五七])厘(?!米)")
FRACTION_DIGITS = {word: NOTCH_WORDS[word] for word in "一三四五七八"}
FRACTION_MOVE_REACH = 24  # how far before it a word of a move may stand (上调…封顶息四分一厘)
match_start = operator.methodcaller("start")
# Chinese numerals only count with a currency, a point or 百分之 after them, or with 万/亿 and
# a digit or qualifier in front: "千万" (by all means), "万一", "亿万" are words, not amounts.
CN_LEADING = set("一二两三四五六七八九十")
VAGUE_BEFORE = set("数几上")  # 数千亿, 几百万, 上千亿: no value to give
MINUS = frozenset("-－−")
NOT_BEFORE_MINUS = frozenset("%‰.元亿万千百十点)）\n")  # a range's dash, a list's bullet
# 千亿级 (an order of magnitude), 3倍 (a ratio), 3455亿斤 (a weight, not money)
NOT_AFTER = re.compile(r"级|量级|倍|斤|公斤|吨|亩|千瓦|平方米|平米|立方米|公里|千米")
NOT_AFTER_FIRST = frozenset("级量倍斤公吨亩千平立")  # what NOT_AFTER can open with

QUALIFIERS = {
    "≥": ["不低于", "不少于", "不下于", "至少", "起码", "最少", "不得低于", "不应低于", "不得少于"],
    "≤": ["不超过", "不超", "未超过", "未超", "没有超过", "没超过", "不高于", "不多于", "至多",
          "最多", "最高可达", "最高", "不得超过", "不得高于", "不应超过", "不应高于", "最高额度",
          "额度最高", "最高可贷", "上看"],  # 上看: the most a forecast sees it reach
    ">": ["超过", "超", "逾", "多于", "高于", "大于", "突破", "破", "飞越"],  # 赚破300亿元
    "<": ["将近", "接近", "逼近", "近", "低于", "少于", "不足", "不到", "未满", "未达", "跌破"],
    "≈": ["大约", "约为", "约合", "约", "大概", "大致"],
    "=": ["高达", "达到", "可达", "达", "约计", "共计", "合计", "总计", "累计", "仅为", "分别为",
          "为", "是"],
}
QUALIFIER_OF = {word: sign for sign, words in QUALIFIERS.items() for word in words}
QUALIFIER_BEFORE = re.compile(
    "(?:" + "|".join(sorted(QUALIFIER_OF, key=len, reverse=True)) + r")了?\s*$")  # 超过了50%
QUALIFIER_LAST = frozenset(word[-1] for word in QUALIFIER_OF) | {"了"}
# A bound before the words of what a percentage is of ("不超过项目资本金50%", "不低于贷款总额的10%")
BOUND_OVER_PHRASE = re.compile(r"(不超过|不得超过|不应超过|不高于|不得高于|不低于|不得低于|不应低于|不少于"
                               r"|不得少于)[\u4e00-\u9fff]{1,10}$")
POST_QUALIFIER = {"以上": "≥", "以下": "≤", "之上": "≥", "之下": "≤", "以内": "≤", "左右": "≈",
                  "上下": "≈", "附近": "≈",
                  "及以上": "≥", "及以下": "≤", "或以上": "≥", "或以下": "≤",  # 1000万元及以下
                  "起": "≥", "多": ">"}  # (年化利率2.95%起: from 2.95% up)
CURRENCY_PREFIX = {"人民币": "CNY", "RMB": "CNY", "CNY": "CNY", "¥": "CNY", "美元": "USD",
                   "USD": "USD", "US$": "USD", "$": "USD", "港元": "HKD", "港币": "HKD",
                   "HKD": "HKD", "HK$": "HKD", "新台币": "TWD", "台币": "TWD", "NT$": "TWD",
                   "TWD": "TWD", "欧元": "EUR", "EUR": "EUR", "€": "EUR"}

# A magnitude without currency is money where the sentence speaks of money, and not where it
# counts people, users or model parameters ("参数规模达6710亿").
MONEY_CONTEXT = re.compile(
    r"贷|授信|融资|资金|金额|余额|投资|出资|资产|规模|收入|营收|利润|净利|纯利|纯益|盈余|获利|盈利|赚|存款|债|基金"
    r"|资本|市值|估值"
    r"|成本|费用|预算|投入|补贴|额度|元|交易额|营业额|销售额|产值|投放|支出|价|税|保费|GDP")
NOT_MONEY_CONTEXT = re.compile(r"用户|人口|人次|粉丝|下载|访问量|参数|token|Token|字节|像素|条数据")

SEPARATOR_START = set("、,，和及与以或—–-~～至到 ")  # what follows a number in a list or range
CHANGE_BEFORE = re.compile(r"(?:下降|降低|减少|增长|增加|提升|提高|上升|回落|下滑|收缩|扩大|收窄|压降"
                           r"|成长|衰退|倒退|[上下]调|调[降升低高]|[升降增减跌涨]|(?<=按年)[少多])了?\s*$")
# (按年跌, 按年少: Hong Kong's; 下调5个基点至0.05%: cut by, then the level)
RANGE_GAP = re.compile(r"\s*(?:[—–\-~～]{1,2}|至|到)\s*")
LIST_GAP = re.compile(r"\s*(?:[、,，]|和|及|与|以及|或)\s*")
LIST_WORD_GAP = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
GAP_FIRST = frozenset("—–-~～至到、,，和及与以或")  # what a range's or a list's gap opens with


def with_opening(pattern: re.Pattern, opening: str) -> re.Pattern:
    """`pattern` behind a lookahead for the characters its matches can open with (`opening`: a
    class, or classes as alternatives): the same matches, found faster. re skips ahead to the
    next candidate only in a pattern that opens with a literal or a class; one that opens with
    a lookbehind, or with a class beside words, is tried alternative by alternative at every
    character, and the lookahead turns most characters down in one test.
    (tests/test_figures_shortcuts.py checks that each opening holds every first character.)"""
    return re.compile(f"(?={opening})(?:{pattern.pattern})", pattern.flags)


CHANGE_BEFORE = with_opening(CHANGE_BEFORE, "[下降减增提上回收扩压升跌少多调成衰倒涨]")


def may_be_gap(text: str, position: int) -> bool:
    """Whether a range's or a list's gap (RANGE_GAP, LIST_GAP) can start at `position`: a
    cheap test that spares the patterns most pairs of figures, far apart in the text."""
    first = text[position:position + 1]
    return first in GAP_FIRST or first.isspace()


URL = re.compile(r"https?://[^\s，。；）)」】]+|www\.[A-Za-z0-9.-]+[^\s，。；）)」】]*")

SENTENCE = re.compile(r"[^\s。！？!?][^\n。！？!?]*[。！？!?]*[”’\"』」）)]*")
CLAUSE_STOP = re.compile(r"[，,；;：:。！？!?\n]")
UP_TO_LAST_CLAUSE_STOP = re.compile(r".*[，,；;：:。！？!?\n]", re.S)
SENTENCE_BREAK_CHARS = "。！？!?\n"  # where a sentence ends (SENTENCE_BREAK)

# Dates a figure refers to: candidates found fast by DATE_START, read by DATE.
# A year written without 年 before its period, as Hong Kong papers do ("2018全年業績")
YEAR_PERIOD_AHEAD = "全年|上半年|下半年|中期|前三季|第[一二三四]季|首季|业绩"  # (2018业绩快报)
# After its first character (the class, which re skips ahead with), each branch opens with the
# second one and checks the first behind it: re tests a branch's opening character before it
# enters the branch, and most first characters it stops at (上 of 上涨, 一 of 一般) have no
# second that any branch opens with. (Branches that open with a lookbehind are each entered.)
# (its first class written as SCANNED_DIGIT's: the digits and, beyond the plane, any character,
# checked behind)
# Hong Kong's results of the half year without its year: 中期纯利, 半年多赚, 中期息 (interim;
# not 第二次中期股息, paid with a year's results, nor 连同中期息 and 包括中期息: a year's dividend
# counted with the interim one)
INTERIM_AHEAD = r"纯利|盈利|业绩|多赚|少赚|赚|溢利|息|派息|股息"
DATE_START = re.compile(rf"[{BMP_DIGITS}今去前上本下第一二三四首Q中半\U00010000-\U0010ffff]"
                        r"(?<=[\d今去前上本下第一二三四首Q中半])"
                        r"(?:\d(?<=\d\d)\d* ?[年月\-]| (?<=\d )[年月\-]"
                        r"|[年月\-](?<=\d[年月\-])|年(?<=[今去前上本]年)|半(?<=[上下]半)年"
                        r"|季(?<=[第一二三四前1-4]季)度|[三3](?<=前[三3])季度?|[一二三四](?<=第[一二三四])季度?"
                        r"|季(?<=[一二三四]季)末|[1-4](?<=第[1-4])季"
                        r"|[1-9十一二两三四五六七八九](?<=[前首][1-9十一二两三四五六七八九])(?:(?<=1)[0-2]|(?<=十)[一二])?"
                        r"个?月|季(?<=首季)度?|\d(?<=\d\d)(?:\d\d)?[QH][1-4]|Q(?<=[1-4]Q)|[1-4](?<=Q[1-4])"
                        rf"|\d(?<=[12]\d)\d{{2}}(?={YEAR_PERIOD_AHEAD})"
                        rf"|期(?<=中期)(?<!次中期)(?<!连同中期)(?<!包括中期)(?={INTERIM_AHEAD})|年(?<=半年)(?<![近上下前后每这个多]半年)(?={INTERIM_AHEAD}))")
# a year written in two digits, as analysts write it, only before a quarter, a half or its end
# (22年末; not a count of years: 近20年底层, 过去10年末端)
QUARTER_OR_HALF = (r"(?:[1-4一二三四] ?季|上半年|下半年|前[三3]季|中期"
                   r"|(?<![近约超逾达第前后去每这那多余]\d\d年)(?:末(?![端期尾梢])|底(?![层线部座气色子下牌])))")
DATE = re.compile(
    r"(?:(?P<iso>(?:19|20)\d{2})-(?P<isom>[01]?\d)(?:-(?P<isod>[0-3]?\d))?(?!\d)"
    rf"|(?:(?P<y>(?:19|20)\d{{2}}|(?<!\d)\d{{2}}(?= ?年 ?{QUARTER_OR_HALF})"  # (22年1季度: 2022's)
    rf"|(?<![\d.])1[01]\d(?= ?年 ?(?:1[0-2]|0?[1-9]) ?月|年度|年底|年末|年全年|年上半年|年前[三3]季))"
    # (111年11月底: a year of Taiwan's calendar, 2022)
    rf"(?: ?年|(?={YEAR_PERIOD_AHEAD}))|(?P<rel>今年|去年|前年|上年|本年))"
    r"(?: ?(?P<m>1[0-2]|0?[1-9]) ?月份?(?: ?(?P<d>3[01]|[12]\d|0?[1-9]) ?[日号])?"
    r"(?P<mpos>末|底|初|上旬|中旬|下旬)?"
    r"| ?(?P<period>年末(?!期)|年底|年初|年中(?=[，,。；;、\s的])|末(?!期)|底|上半年|下半年|半年度"
    r"|前[三3]季度?|第一季度?|一季度|第二季度?|二季度"
    r"|第三季度?|三季度|第四季度?|四季度|[一二三四]季末|第?[1-4] ?季度|第[1-4]季|首[1-3一二三]季度?"
    r"|中期|全年"  # (首3季, 前3季: the first three quarters, as Hong Kong and Taiwan papers write them)
    r"|[前首](?P<fm>1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])个?月))?"  # (首9个月: Hong Kong's)
    r"|(?<=(?:19|20)\d{2}[-—–~～])(?P<yy>\d{2})年"  # 2015-17年: a span's end, its century left out
    # a quarter as analysts write it: 25Q3 (2025's third), 3Q and Q3 (this year's); a half
    # 23H1, 2023H2
    r"|(?<![\dA-Za-z])(?:(?P<qy>(?:20)?\d{2})(?P<q>Q[1-4]|H[12])|(?P<q2>[1-4])Q|Q(?P<q3>[1-4]))"
    r"(?![\dA-Za-z])\s*末?"
    r"|(?P<m2>1[0-2]|0?[1-9]) ?月份?(?: ?(?P<d2>3[01]|[12]\d|0?[1-9]) ?[日号])?"
    r"(?P<mpos2>末|底|初|上旬|中旬|下旬)?"  # ("截至 6 月末": spaces as some sites type them)
    r"|(?P<period2>上半年|下半年|前[三3]季度?|第一季度?|首季度?|一季度|第二季度?|二季度|第三季度?|三季度|第四季度?"
    r"|四季度|[一二三]季(?=末)|第?[1-4] ?季度|第[1-4]季|首[1-3一二三]季度?"
    rf"|(?<!次)(?<!连同)(?<!包括)中期(?={INTERIM_AHEAD})|(?<![近上下前后每这个多])半年(?={INTERIM_AHEAD}))末?"
    # (一季末: the first quarter's end)
    r"|[前首](?P<fm2>1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])个?月)"  # 前7个月: to its end
)
# (前三季, 第三季: a quarter as Hong Kong papers write it)
# DATE's groups in their order: date_anchors unpacks match.groups(), which costs less than a
# dict of twenty groups for every date read (tests/test_figures_shortcuts.py checks the order).
DATE_GROUPS = ("iso", "isom", "isod", "y", "rel", "m", "d", "mpos", "period", "fm", "yy", "qy",
               "q", "q2", "q3", "m2", "d2", "mpos2", "period2", "fm2")
QUARTER_DIGITS = str.maketrans("1234", "一二三四")  # 第1季度 is 第一季度
PERIOD_MONTH = {"首季": 3, "首季度": 3, "首一季": 3, "首一季度": 3, "首二季": 6, "首二季度": 6,
                "首三季": 9, "首三季度": 9, "前三季": 9, "第一季": 3, "第二季": 6, "第三季": 9, "第四季": 12,
                "半年度": 6, "年末": 12, "年底": 12, "末": 12, "底": 12, "年初": 1, "年中": 6,
                "上半年": 6, "中期": 6, "半年": 6, "下半年": 12, "前三季度": 9, "第一季度": 3, "一季度": 3,
                "第二季度": 6, "二季度": 6, "第三季度": 9, "三季度": 9, "第四季度": 12, "四季度": 12,
                "一季": 3, "二季": 6, "三季": 9, "一季末": 3, "二季末": 6, "三季末": 9, "四季末": 12}


def period_month(word: str) -> int | None:
    """The month a period word ends in (PERIOD_MONTH), spaces aside: 第1 季度 3, 前三季 9."""
    return PERIOD_MONTH.get(word.replace(" ", "").translate(QUARTER_DIGITS))


# A publication time stamp ("2025-11-04 17:59"): when the page was published, not a date of
# its figures.
# A time stamp with slashes: year first (2023/3/30 16:56), or day first as Hong Kong and
# British pages write it (30/3/2023 16:56).
SLASH_STAMP = re.compile(r"(?<![\d/.])(?:((?:19|20)\d{2})([/.])([01]?\d)\2([0-3]?\d)"
                         r"|([0-3]?\d)([/.])([01]?\d)\6((?:19|20)\d{2}))\s+[0-2]?\d:[0-5]\d")
# (with dots too: "06.07.2016  13:45")
STAMP = re.compile(r"((?:19|20)\d{2})(?:[- ]([01]\d)-([0-3]\d)|年([01]?\d)月([0-3]?\d)日)"
                   r"\s*[0-2]?\d:[0-5]\d(?::[0-5]\d)?")  # 2021年4月29日 19:18 too
REPORT_WORDS = re.compile(
    r"报告期[:：]?\s*(?:19|20)\d{2}\s*年度?|年度报告|年报|年度业绩|中期业绩|中期报告|中报|半年度报告|半年报"
    r"|半年度业绩|三季报|第三季度报告?|三季度报告?|一季报|第一季度报告?|一季度报告?|业绩"
    r"|(?<=年度)[\u4e00-\u9fff]{2,12}?报告")  # 2024年度环境信息披露报告: a year's report too
# REPORT_WORDS in two parts, which report_words() searches apart: its last word opens with a
# lookbehind, which keeps re from skipping ahead to the next candidate character, so that the
# whole pattern is tried at every character of the text.
REPORT_WORDS_LITERAL = re.compile(REPORT_WORDS.pattern.rpartition("|")[0])
# Each of REPORT_WORDS_LITERAL's words holds 报 or 业绩 among its first five characters (第三季度报告)
# and opens with one of REPORT_WORD_FIRST: first_report_word tries the pattern only at the
# places before each 报 and 业绩 of the text, where a search of it stops at every 年, 中, 一 and 三.
REPORT_ANCHORS = ("报", "业绩")
REPORT_ANCHOR_REACH = 4  # how far into a word its first 报 or 业绩 may stand
REPORT_WORD_FIRST = frozenset("报年中半三第一业")
REPORT_AFTER_YEAR = re.compile(REPORT_WORDS.pattern.rpartition("|")[2])

REPORT = re.compile(
    # (Hong Kong's year to its end: 截至去年底止全年业绩, 截至2023年12月31日止年度业绩)
    # (and the reporters between the year and its report: 2025年上市银行半年报, 2024年A股上市银行年报)
    r"(?:(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?:12\s*月\s*31\s*日|底|末)\s*止\s*(?:年度|全年)?|年\s*(?:度|全年)?|全年)"
    r"(?:[\u4e00-\u9fffA-Za-z]{0,6}?(?:银行|公司|企业|券商|险企))?"
    r"|(?P<rel>今年|去年|上年)(?:[底末]\s*止\s*(?:年度|全年)?|全年)?)?"
    r"(?:(?P<period>报告期)[:：]?\s*(?P<py>(?:19|20)\d{2})\s*年度?|"
    r"(?P<report>年度报告|年报|年度业绩|中期业绩|中期报告|中报|半年度报告|半年报|半年度业绩|三季报"
    r"|第三季度报告?|三季度报告?|一季报|第一季度报告?|一季度报告?|业绩"
    r"|(?<=年度)[\u4e00-\u9fff]{2,12}?报告))")
REPORT_MONTH = {"中期业绩": 6, "中期报告": 6, "中报": 6, "半年度报告": 6, "半年报": 6, "半年度业绩": 6,
                "三季报": 9, "第三季度报告": 9, "三季度报告": 9, "一季报": 3, "第一季度报告": 3,
                "一季度报告": 3, "第三季度报": 9, "三季度报": 9, "第一季度报": 3, "一季度报": 3}
# The central bank's statistics of a month or a quarter, named with their period: 2023年7月金融
# 统计数据报告, 2025年第一季度中国货币政策执行报告, 2024年三季度金融机构贷款投向统计报告
STATISTICS_REPORT = re.compile(r"((?:19|20)\d{2})\s*年\s*"
                               r"(?:(1[0-2]|0?[1-9])\s*月份?|(第?[一二三四1-4]\s*季度|上半年|前三季度))"
                               r"[\u4e00-\u9fff]{0,10}?(?:统计数据报告|统计报告|执行报告)")
RESULTS_ANNOUNCED = re.compile(r"(?:公布|发布|披露)[^，,。；;]{0,8}?[，,:：]\s*((?:19|20)\d{2})\s*年"
                               r"(第一季度|一季度|上半年|前三季度|全年|年度)")
RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}
NAMED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
LAST_YEAR_WORD = re.compile(r"(?<![较比与和同跟])(?:去年|上年)(?!同期)")
COMPARED_WITH_BEFORE = frozenset("与和同跟")  # 与2023年相比: a base too
COMPARED_AFTER = re.compile(r"[^，,。；;]{0,16}?\s*(?:[(（][^)）]{0,12}[)）])?\s*"
                            r"(?:相比|比较|相较|对比|持平|相当)")  # 与上年末持平: a base too
BASE_LIST_GAP = re.compile(r"(?:末|底|初)?\s*(?:[、,，]|和|及|与)\s*")  # 2021年末、2022年末
# 至今, 迄今: up to now (not 截至今年, 至今年)
TO_NOW = r"(?<!截)(?:至今|迄今)(?![年天日])"
NOW = re.compile(r"截至目前|截至当前|截至发稿|目前|当前|现阶段|如今|现时|最新|" + TO_NOW)  # (现时: Hong
# Kong's)
# (期内 alone: "during the period", as Hong Kong's results write it: 期內，淨利息收入…)
REPORT_PERIOD = re.compile(r"报告期(?:内|末|)|期内(?<![同预到学任假限刑长短时定]期内)")
# Sentences that open an example ("典型案例：", "例如，"): they leave the time of the sentences
# before them. ("值得注意的是" stresses a figure of the same period: no example.)
ASIDE = re.compile(r"(?:典型案例|案例|实践样本|样本|例如|比如|譬如)")
LATTER_OR_FORMER = re.compile(r"后者|前者")
CLOSING_BRACKET = re.compile(r"[)）]")
# (not 年均, 平均; not 分别, which lists terms or items as often as banks)
BOTH_BEFORE = re.compile(r"(?<![年平人户日月])均|都|双双")
# A clause that breaks the figure before it down ("…不少于1万亿元，其中债券融资不低于3000亿元").
PART_OPENING = re.compile(r"\s*其中")
PART_WITHIN = re.compile(r"[^。！？；\n]{0,4}其中[^。！？；\n]{0,16}$")  # …2619亿元，其中中长期贷款超
# a trend continued from a year ("延续了2024年的下滑态势"): that year is past, no date of the figures
CONTINUED_BEFORE = re.compile(r"(?:延续了?|承接|沿袭了?)\s*$")
BASELINE_BEFORE = re.compile(r"(?:(?:较|比|相比|相较|相较于|对比)(?:截至|截止)?|同比|[高低好优快慢多少]于"
                             # (what a result passed or equals: "已超越去年全年获利", "相当于2024年全年
                             # 增量"; not 距离, whose year dates the figure after it)
                             r"|超越了?|超过了?|突破了?|比起|追平|相当于)\s*$")
# (较年初, 比上年; "好于2024年全年1.63%的表现": a base too)
# a date listed after a base written in words: "分别比年初、2020年6月末净增7081亿元和1.2万亿元"
BASE_WORD_BEFORE = re.compile(r"(?:较|比|相比|相较于?|对比)\s*(?:年初|年末|上年年?末|上年年?底"
                              r"|去年年?末|去年年?底|上年同期|去年同期|上年|去年|上月末?|上季度?末?)\s*(?:[、,，]|和|及|与)\s*$")
# "2002-2022年", "2022至2024年间": a span of years; its figures are of its end ("从a增至b": a
# of its start), but the end of a plan's span ("(2025-2029年)", 未来, 将) is no date at all.
RANGE_START_BEFORE = re.compile(r"((?:19|20)\d{2})年?\s*[-—–~～至到]\s*$")
SPAN_BEFORE = frozenset("-—–~～至到")
# the start of a span of months after a base word, the span's end to come: 比1-3月, 较1月至10月
MONTH_SPAN_BASE_BEFORE = re.compile(r"(?:较|比|相比|相较于?|对比)\s*(?:今年|去年|上年|(?:19|20)\d{2}\s*年)?"
                                    r"\s*[01]?\d\s*(?:月份?)?\s*[-—–~～至到]$")
SPAN_GAP = re.compile(r"\s*[-—–~～至到]\s*")
PLAN_WORDS = re.compile(r"将|计划|规划|拟|力争|目标|预计|预期|预测|展望|未来|有望")  # (a forecast too)
# "（去年同期为下降1.5%）", "而去年同期为4.06%" (为 read with the figure): the figure is of the
# same period a year before; not after 较 or 比, a change from it.
# Words before a figure that date it off its sentence's date: 去年同期为 (a year before), 从上月的
# 41.9% (the month before), 较上年末的8031.57亿元 (the date a change is measured from).
# A few words between 同期 and the 为 that gives its value ("同期占比为", "同期这两项数据分别为"),
# with no change named among them ("较去年同期多增的…" is a change, not a value then)
MEASURE_THEN = r"(?:(?![增减升降涨跌多少高低提扩收下上])[^，。；,;\d]){1,8}?(?:为|是)"
SHIFT_BEFORE = re.compile(
    # (去年同期为…, 去年同期占比为…, 上年同期这两项数据分别为…: its value then)
    rf"(?P<year>(?:去年|上年)同期(?:{MEASURE_THEN}"
    r"|为|是|则为|仅为|的)[^，。；,;]{0,6}$"
    r"|(?<![较比与])(?<![高低多少]于)(?:去年|上年)同期"
    r"(?:[^，。；,;比较相持]{1,4}(?<![高低多少快慢增降升长加]))?$"
    # (去年同期增速为1.14%; not a change from it: "比上月末和上年同期高0.8个…")
    r"|(?<=[较比])(?:去年|上年)(?:上半年|全年|一季度|前三季度)的$)"  # (相比去年上半年的6902亿元)
    r"|(?P<beside>(?<=[高低多少]于)(?:去年|上年)同期$)"  # 低于去年同期3474亿元 (a pp: the gap)
    r"|(?P<month>(?:(?:上月|上个月)(?:末|底)?(?:的|为|是|仅为)?|前值(?:为|是)?)\s*$)"  # (前值: a
    # monthly figure's value the month before, as data reports write it: "M2同比8.4%(前值8.8%)")
    r"|(?P<level>(?:较|比|相比|相较于?|由|从|[高低好优多少]于|超越|超过|突破)"
    r"(?:(?P<base>上年年?末|去年年?末|上年年?底|去年年?底|年初|上半年|去年全年|上年全年|去年|上年"
    r"|一年前)[的之]"  # (由去年底的2.83%大增至5.32%, 从去年的11.44%提高到…: where a change started)
    r"|(?P<bare_base>去年|上年)"  # (淨利差由去年2.2%收窄至2.07%, 低於去年1.75厘: 的 left out)
    r"|(?P<last_quarter>(?:去年|上年)(?:第?[一二三四1-4]|首)季度?末?)[的之]"  # (较去年第4季的26.0%)
    r"|(?P<quarter>(?:第?[一二三]|首)季度?末?)的?)\s*[-－−]?$)"  # (较一季度-1.7%: its level)
    r"|(?P<at>(?:较|比|相比|相较于?|由|从|[高低好优多少]于)(?P<ay>(?:19|20)\d{2}) ?年度?"
    r"(?:(?P<am>1[0-2]|0?[1-9]) ?月)?年?(?P<apos>末|底|初)?(?:全年)?(?:[的之]|\s*[(（])?\s*$)"
    # 较2024年末的1.87%, 较2022年度的3.30%, 好于2024年全年1.63%: the level at that date
    # (较2020年10%的增速, 较2022年(66466亿元)增长: 的 may follow, or brackets hold it)
    r"|(?P<same>(?:较|比|相比|相较于?|从|由)(?P<sy>(?:19|20)\d{2}) ?年?同期的\s*$)"  # that year's
    # 2020年同期为162.67亿元: that year's value for the period its sentence names
    rf"|(?P<restated>(?<![较比])(?P<ry>(?:19|20)\d{{2}}) ?年?同期(?:{MEASURE_THEN})?(?:为|是|则为)?\s*$)"
    # 较9月的2.12%, 由9月43.76%降至…, 较去年12月的: the level in that month (of the sentence's
    # year, or the year before when the month is later than the sentence's or 去年 says so)
    r"|(?P<named_month>(?:较|比|相比|相较于?|由|从|[高低好优多少]于)(?P<nmy>去年|上年)?"
    r"(?P<nmm>1[0-2]|0?[1-9]) ?月份?"
    r"(?:末|底)?[的之]?\s*$)")
# (年 may be left out before 同期: 较2019同期的0.71%)
SHIFT_BEFORE = with_opening(SHIFT_BEFORE, "[去上较比相由从高低好优多少前超突12]")
BANK_STATISTICS = frozenset({"growth", "share", "revenue", "profit"})
# The base a statistic's change is measured from, named in its sentence
STATISTIC_BASE = re.compile(r"(?:较|比|相比)(?:年初|上年末|去年末|上年底|去年底|上年|去年|上月末|上季末)"
                            r"|同比|环比")
# (and with its measure and a bracket between: "较上年同期增速(8.7%)有所放缓")
SAME_PERIOD_BASE = re.compile(r"(?:较|比|相比|相较于?)(?:去年|上年)同期的?"
                              r"(?:(?:增速|增幅|水平)\s*[(（])?\s*$")
CHANGE_VERB_AFTER = re.compile(r"[)）]?\s*(?:有所|明显|大幅|小幅)?(?:下降|上升|增长|提高|减少|回落|收窄|扩大"
                               r"|下滑|提升|降低|增加|放缓|加快)")
# A level striven for by a date after the article's ("余额到2025年底力争达到1万亿元" in 2024)
# held at no date yet. (A year's target, "2026年目标：贷款增速7%", is that year's figure.)
TARGET_BEFORE = re.compile(r"力争|争取|要|计划|有望")
# Credit pledged for later ("未来五年将为…提供不少于1万亿元", "计划投放8亿元", "拟投放3000亿元以上")
# is a plan: the date it was announced on, or its horizon, is no date of the amount.
PLEDGE_BEFORE = re.compile(r"(?:将|计划(?!单列)|拟|力争|争取|未来[一二三四五六七八九十两\d]+年)"
                           r"[^，。；,;]{0,24}?(?:提供|投放|新增|发放|给予|授信)"
                           # (an issue or a capital raise to come: 拟发行特别国债5000亿元)
                           r"|(?:拟|将)[^，。；,;]{0,12}?(?:发行|募集|增资|注资)")
# A level or a change foreseen ("2025年，数字经济总量将超过60万亿元", "预计明年营收将增长5%"): for a
# time after the article's, no date (将 before a verb of reaching only: "将存款利率下调25BP" is 把).
REACHING_TAIL = (r"(?:达到?|超过?|突破|增长|增加|增至|升至|提升|提高|保持在?|实现|新增"
                 r"|降至|下降|回落)?(?:至|到)?\s*$")  # (超过 may be the figure's qualifier)
FORECAST_BEFORE = re.compile(r"(?:(?:预计|预期|预测|有望)[^，。；,;]{0,16}?|将(?:会|可|有望)?)"
                             + REACHING_TAIL)
# A forecast of the period the article is in is no figure of it either (an analyst's
# "预计全年…将达1.55万亿元"); a dividend a board proposes (预计派息总额) is decided, and a
# figure measured against expectations (较预期高出0.97万亿, 超预期) is no forecast.
FORESEEN_BEFORE = re.compile(r"(?:(?<![较比超于及])(?:预计|预期|预测|预估|(?<!评)估(?!值))"
                             r"|有望|可望|有机会|有可能|上看)"
                             r"[^，。；,;]{0,16}?" + REACHING_TAIL)
PROPOSED = re.compile(r"派息|派发|分红|股息|预计损失")
FORECAST_WORDS = re.compile(r"可望|有望|预计|预期|预估|预测|应可")  # (a sentence that forecasts)
# A rule's threshold is of no period: "远超120%-150%的监管要求", "遠高於8%的國際最低標準",
# "合意净息差1.8%的临界值", "上限为40%", "核心一级资本充足率不得低于5%".
RULE_LEVEL_AFTER = re.compile(r"(?:\s*[-－—~～至]\s*[\d.]+%)?\s*的\s*[^，。；,;的]{0,6}?"
                             r"(?:监管(?:要求|指标|红线|标准|底线)|法定最低|最低(?:要求|标准)"
                             r"|警戒线|临界值|红线|底线)")
FRAME_ENDS = ("中", "里", "内", "期间", "方面")  # a clause that frames the next one's figures
FUTURE_HORIZON = re.compile(r"(?:未来|今后)[一二两三四五六七八九十\d]{1,2}"
                            r"(?:[到至~-][一二两三四五六七八九十\d]{1,2})?个?年")
# A year's flow (revenue, profit, spending and their change) dated by a year's end is the
# year's ("截至2024年末，四家大行的信息科技投入均突破200亿元").
FLOW_FAMILIES = frozenset({"revenue", "profit", "investment"})
BUSINESS_MEASURE = re.compile(r"营收|营业收入|净利|利润|总资产|资产总额|资产规模|贷款|存款|不良|拨备|息差"
                              r"|手续费|中间业务|非息|利息净收入|净利息收入")
FLOW_WORDS = re.compile(r"营收|营业收入|收入|利润|盈利|纯益|盈余|获利|溢利|投入")  # (溢利: Hong Kong's)
# and spending over the year: expenses and impairment charges (not 损失准备, a balance)
EXPENSE_WORDS = re.compile(r"支出|费用|管理费|减值损失(?!准备)|信用减值|拨备计提|计提拨备|净拨备")
DIVIDEND_WORDS = re.compile(r"股息|派息|期末息|末期息|中期息|分红")  # (末期息: Hong Kong's final)
WHOLE_YEAR = re.compile(r"全年|当年|年内")  # "全年共化解不良资产1344亿元": over the year
# Ratios over a period, as a year's flows are (net interest margin, returns, cost to income),
# not levels at its end as a balance or the bad-loan ratio is.
PERIOD_RATIO = re.compile(r"息差|利差|收益率|回报率|ROA|ROE|成本收入比|收入占比|投入占比|付息率"
                          r"|存款成本|负债成本|付息成本|资金成本|成本率|成本效益比|成本对收入比")
# (负债平均成本率; Hong Kong's 成本对收入比率)
# A balance (a loan book, total assets) is a level at a point in time: "2024年贷款余额1万亿元",
# written in 2025 or later, stands at the end of 2024.
STOCK_FAMILIES = frozenset({"loan_balance", "assets"})
# So is a ratio of balances (不良贷款率, 拨备覆盖率, 资本充足率) and a balance's growth rate, which
# compares two year-end levels; a flow's growth, a margin, a return or a rate is the period's.
# What a percentage measures is told by the last measure its sentence names before it.
MEASURE_NAMED = re.compile(
    r"(?P<flow>新增\w{0,6}?(?:贷款|存款|融资)|(?:贷款|存款|信贷)(?:投放|发放|新增|增量)"
    rf"|累放\w{{0,4}}?贷款|{FLOW_WORDS.pattern}|净利|{PERIOD_RATIO.pattern}|利率"
    r"|投放|发放|发行|增量|佣金|手续费|净拨备|减值)"
    r"|(?P<level>不良|拨备覆盖率|拨贷比|充足率|资本比率|存贷比|贷存比|杠杆率|余额|总资产|资产总额|资产规模|总负债"
    r"|生息资产|金融资产"
    r"|负债总额|存款|贷款|信贷规模|信贷(?!投放|发放|新增|增量|支持|资金|政策|产品)|AUM)")
# Words that say an amount is one without naming its measure ("以666.31亿元的规模领先")
BARE_AMOUNT_WORDS = frozenset({"规模", "金额", "总额", "合计", "共计", "总计"})
MEASURE_OPENING_REACH = 2  # modifiers before a measure written after its figure: 归母净利润
MEASURE_AFTER = re.compile(r"的\s*\w{0,2}?(?:" + MEASURE_NAMED.pattern + ")")  # "1.87%的净息差"
YEAR_END_WORDS = frozenset({"年末", "年底", "末", "底"})  # not 第四季度 (a quarter's flow)
FROM_BEFORE = re.compile(r"(?:从|由)\s*$")  # "从80亿元增至…": the start of a span
FROM_RATE_BEFORE = re.compile(r"(?:从|由)\s*(?:年利率|年息|利率)?\s*$")  # 由年利率5.125厘调整至
CHANGE_TO = (r"(?:增|降|升|提高|提升|下降|上升|增长|增加|减少|回落|扩大|收窄|下滑|跃升|攀升|压降"
             r"|下调|上调|调低|调高|调降|调升|调整)"
             r"(?:至|到)")  # a change to a level: 降至, 增长到
CHANGED_TO_BEFORE = re.compile(CHANGE_TO + r"\s*$")  # …降至1.02%: the level reached
CHANGE_TO_AFTER = re.compile(r"\s*(?:大幅|小幅|明显|显著|进一步|持续|逐步|稳步)?"
                             + CHANGE_TO)  # …增至464.84亿元: the level it reached
BASE_LIST_BEFORE = re.compile(r"(?:较|比|相比|相较于?)[^，。；,;！？\n]*?[和及与、]\s*$")
BASE_LIST_REACH = 30
RECORD_SINCE_AFTER = re.compile(r"\s*(?:以来|后|之后)的?\s*[\d一二三四五六七八九十两多]*\s*个?"
                                r"(?:季度?|月|年)?\s*(?:新高|新低|最高|最低|高位|低位|高点|低点)")
SHARE_OF_BEFORE = re.compile(r"(?:达|达到|占)\s*$")
SHARE_OF_YEAR_AFTER = re.compile(r"\s*(?:全年|年度)?(?:总量|总额|水平)?的\s*[\d.]+\s*[%％]")
LEVEL_CHANGED_AFTER = re.compile(r"\s*[\d.,]+\s*[^，,。；;\d]{0,6}?" + CHANGE_TO)  # 43.76%降至
# The state a turn starts from ("由2022年整体下降转为大幅增长"): the year is the base, the
# figures after it are of the turn's time.
TURN_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:转为|转向|转正|转负|变为|转变为)")
CUTOFF_BEFORE = re.compile(r"(?:截至|截止)\s*$")  # 截至11月30日: a cut-off day, not a dateline
CUTOFF_YEAR = re.compile(r"(?:截至|截止)到?\s*((?:19|20)\d{2})\s*年")  # 截至2025年一季度末
# The period a day ends, in Hong Kong reports: "截至2020年3月31日止三个月", "止年度", "止六个月",
# "止中期" (the half year)
PERIOD_ENDED_AFTER = re.compile(r"\s*止\s*(年度|全年|半年度|中期|[一二三四五六七八九十两\d]{1,2}\s*个月"
                                r"|期间)")
SENTENCE_BREAK = re.compile(f"[{SENTENCE_BREAK_CHARS}]")
# A bare year in a clause that names a report of part of a year ("半年报为2025年半程交卷"):
# the report's period.
PART_YEAR_REPORT = re.compile(r"半年度报告|半年报|中报|半年度业绩|中期报告|三季报|第三季度报告?|三季度报告?"
                              r"|一季报|第一季度报告?|一季度报告?")
# 今年以来, 年初以来 (year to date) and 年内 (within the year): the year itself.
# The families a period set by an earlier paragraph does not date: shares, limits and pledges,
# which the text states as standing facts. (A rate, 净息差 or 不良率, is the period's.)
UNDATED_FAMILIES = {"share", "commitment", "other"}
# The income and cost lines of a period's accounts, of no family of their own
PERIOD_ACCOUNT = re.compile(r"收益|收入|手续费|佣金|支出|费用|减值|拨备|亏损|盈余|纯益|溢利"
                            r"|股息|派息|末期息|分红")
# In a results piece (it names a report) the report's period holds for all its figures:
# expenses, equity and shares are the period's too; a pledge is still no one period's.
REPORT_UNDATED_FAMILIES = {"commitment"}
RELEASE_REACH = 400  # how far into the text a piece says it reports a release
# So does a release of statistics ("金管会统计显示", "数据显示，截至9月末", "公布统计至…"): its
# period dates every figure it breaks down, the shares and the other amounts too.
STATISTICS_RELEASE = re.compile(r"数据显示|统计显示|资料显示|统计至|最新统计|据[^。；，\n]{0,12}统计"
                                r"|(?:公布|发布|披露)[^。；，\n]{0,12}(?:数据|统计)")
THIS_YEAR = r"年初以来|年内(?<![一二两三四五六七八九十\d几多数]年内)"  # the literal first: re skips to it
# The dates written as words, found in one pass: now, this year, the report's period (told
# apart by their text: a pattern that opens with a group would lose re's fast skipping).
# (全年: the whole year of the date before; not a plan's year, 全年计划)
# 上季, 上个月: the quarter or the month before the article's ("星展香港宣布，上季纯利按年增长73%",
# "上月中银、渣打亦批出最多1%现金回赠"); not a base (较上月, 环比上季) nor a point of it (上月末)
LAST_PERIOD = r"上(?<![较比从由与和于自]上)一?(?:季度?|个?月)(?![末底初度以])"
WORD_DATES = re.compile(rf"{NOW.pattern}|{THIS_YEAR}|{REPORT_PERIOD.pattern}|{LAST_PERIOD}"
                        r"|今日|今天|昨日|昨天|全年(?!计划|目标|任务|预算|经营目标)")
# 2024年起, 1月以来, 去年同期; 2020年第一期 (a bond's tranche: a name, not a period)
# (a day may close a bracket or stand before one: "从今天(9月15日)起", "自11月3日(周一)起")
EFFECTIVE_FROM = re.compile(r"[)）﹚]?(?:\s*[(（﹙][^()（）﹙﹚]{0,8}[)）﹚])?\s*(?:起|开始)(?!至|到|的\d)")
DAY = r"(?:(?:19|20)\d{2} ?年 ?)?(?:1[0-2]|0?[1-9]) ?月 ?(?:[12]\d|3[01]|0?[1-9]) ?日"
EFFECTIVE_DAY = re.compile(DAY + EFFECTIVE_FROM.pattern)
# A day on which rates were changed ("9月1日，多家银行官网更新人民币存款挂牌利率"): the day the
# rates its article lists are of, as a day they take effect from is.
RATE_CHANGE_DAY = re.compile(DAY + r"(?=[^。！？；\n]{0,40}?(?:下调|上调|调整|调降|调低|调高|更新|下降|上升)"
                             r"[^。！？；\n]{0,16}?利率)")
# ... but not a change before the one the article reports ("对上一次于2025年9月19日调整")
EARLIER_CHANGE_BEFORE = re.compile(r"(?:上一次|上次|此前|之前|前一次|上一轮|前一轮|再上一次)[于在]?"
                                   r"(?:今年|去年|本年)?\s*$")
# The article's day or the next as the day a change takes effect ("由明日(31日)起", "今日起"),
# or a day of the month named with its weekday ("由周五(31日)起"): the next such day
EFFECTIVE_WORD = re.compile(r"(今日|今天|明日|明天)" + EFFECTIVE_FROM.pattern)
WEEKDAY_EFFECTIVE = re.compile(r"(?:周|星期)[一二三四五六日天]\s*[(（﹙]\s*(\d{1,2})\s*日\s*[)）﹚]\s*起")
# A company's founding or listing: "成立于1997年5月25日", "2018年9月26日在上海证券交易所主板上市"
FOUNDED_BEFORE = re.compile(r"(?:成立|创立|创建|设立|组建|开业|挂牌|上市)(?:于|时间为|日期为)\s*$")
FOUNDED_AFTER = re.compile(r"\s*(?:正式)?(?:成立|创立|创建|组建|开业|挂牌成立"
                           r"|(?:在|于|登陆)[^，。；,;\d]{0,16}(?:上市|挂牌))")
NOT_A_DATE_AFTER = re.compile(r"\s*(?:以来|起|开始|至今|同期|届期|到期|届满"  # (届期: a deadline)
                              r"|第[一二三四五六七八九十\d]{1,3}期)")

# Attribution.
# Words that point back to the subject of an earlier sentence: 该行 (this bank), 该平台 (a
# bank's platform named before), 全行 (the whole bank; 全行业 is the sector), 其 (its; not in
# 其他/尤其/极其), 其中 (of which).
ANAPHORA = re.compile(r"该行|本行|该银行|我行|全行(?!业)|该笔|此笔|这家银行"
                      r"|该(?:平台|基金|产品|分行|支行|中心|机构|计划|项目|集团|公司)"
                      r"|其(?<![尤极与]其)(?![他它实次余中])")
# A bank named as the employer of someone quoted ("民生银行首席经济学家", "光大银行金融市场部
# 研究员") does not own the forecast beside it.
SPEAKER_TITLES = ["研究员", "首席经济学家", "首席分析师", "首席研究员", "首席宏观", "分析师", "经济学家",
                  "研究院", "研究部", "研究所"]
# (the titles as a trie: the lazy run before them tries them at each of its characters)
SPEAKER_AFTER = re.compile(r"\s*(?:[(（][^)）]{0,12}[)）])?\s*[\u4e00-\u9fff]{0,10}?"
                           rf"(?:{trie_pattern(SPEAKER_TITLES)})")
# A saver whose sums a rate piece works out ("民众若以新利率整存整付100万元", "以存款100万元为例，
# 定存族一年可多领…"): the sums are the saver's, no bank's
DEPOSITOR = re.compile(r"民众|存户|储户|定存族|存款人|小资族|上班族|以存款(?!利率)")
# A bank that speaks ("彰银表示，…"): what it says may have a subject of its own
SAYS_AFTER = re.compile(r"\s*(?:表示|指出|称|认为|透露|分析)\s*[，,:：]")
# A bank left out of what is counted ("41家上市银行(不含新上市的兰州银行)") owns none of it.
EXCLUDED_BEFORE = re.compile(r"(?:不含|不包括|不包含|剔除|除去)[^，。；,;：:]{0,8}$")
# A central bank named as the standard a figure is measured by or the policy a bank follows
# ("人行口径绿色贷款余额", "人民银行政策要求"): no subject of the figures after it.
CENTRAL_BANK_MODIFIER = re.compile(r"口径|标准|统计口径|政策|监管|指导|要求|部署")
# ... nor a central bank a bank follows ("台银…跟进央行调升半码后，机动利率来到1.59%")
FOLLOWS_BEFORE = re.compile(r"(?:跟进|跟随|配合|响应|因应)$")
# Figures of the stock market (southbound selling, a share price, a bank's market value, its
# A/H shares' moves) are not lending: scope market.
# (Every alternative opens with a literal character, so that re skips ahead to the next one.)
SHARES_MOVE = r"[^，,。；;]{0,6}?(?:上涨|下跌|涨|跌)"
MARKET = re.compile(r"南向资金|北向资金|港股通|净卖出|净买入|净流入|净流出|股价|现价|收盘|收报|报收|涨停"
                    r"|跌停|盘中|换手率|成交额|主力资金|市盈率|市净率|涨幅|跌幅|市值|目标价|"
                    + "|".join(f"{shares}{SHARES_MOVE}" for shares in
                               ("A股", "B股", "H股", "港股", "美股", "股票", "个股", "股指", "板块")))
SHARE_PRICE = re.compile(r"股价|现价|收盘|收报|报收|市值|目标价")  # (a broker's target for the price)
QUOTE_CLOSE = re.compile(r"[”」』\"]")
MOVE_BEFORE = re.compile(r"(?:上涨|下跌|大涨|大跌|涨|跌)\s*$")
HKD_CONTEXT = re.compile(r"港股|南向资金|港股通|港元|港币")
# A line that opens with one of these continues the paragraph before it ("其中，" of which;
# "此外，" besides): its figures share that paragraph's bank and date.
CONNECTIVE = re.compile(r"\s*(?:其中|其|该行|该笔|此外|同时|与此同时|另外|对此)[，,]")
CONNECTIVE_FIRST = frozenset("其该此同与另对")  # what CONNECTIVE's words open with


def may_open_with_connective(line: str) -> bool:
    """A cheap test that spares CONNECTIVE most lines: a space or a connective's first
    character opens the line."""
    first = line[:1]
    return first in CONNECTIVE_FIRST or first.isspace()


# A heading line ("2. 2025年目标") opens the paragraph under it: its date is that paragraph's.
HEADING_MAX = 24
HEADING_STOP = re.compile(r"[。！？!?；;，,：:“”\"]")
# "…格局 - 30家上市城商行…[2] - 8家城商行…": the points of a summary written on one line, each
# with its own subject (not "2020 - 2022", a span).
INLINE_BULLET = re.compile(r"(?<=[\u4e00-\u9fff\]】）)]) - (?=\S)")
BULLET_BREAK_AT = re.compile(" 。 ")  # what prepare makes of an inline bullet
# (a point keeps no date of an earlier one, but a summary's period of results and 当月 reach it)
RESULTS_PERIOD = re.compile(r"季度?$|半年$|年度$|全年$|中期$")  # (not a point: 年末, 9月末, 6月)
SAME_TIME = re.compile(r"当月|当季|当年|同月|该月|期内")  # a point's word for the time named before
# A share's quote a page puts after its name: "郑州银行(5.440, 0.04, 0.74%)" (price, change, move).
QUOTE_PRICES = r"\s*\d+\.\d{2,3}\s*[,，]\s*-?\d+\.\d{2,3}\s*[,，]"
QUOTE_MOVE = r"\s*-?\d+\.\d{1,2}%\s*[)）]"
STOCK_QUOTE = re.compile(rf"[(（]{QUOTE_PRICES}{QUOTE_MOVE}")
STOCK_QUOTE_PRICES = re.compile(rf"(?<=[(（]){QUOTE_PRICES}(?={QUOTE_MOVE})")
# A list cut by a line break ("分别为7501.5亿、\n7105.6亿"): the line goes on after the break.
LIST_END_CHARS = set("、，,：:；;")
SENTENCE_END_CHARS = set("。！？!?”」』）)")
# Subjects that are no bank: a sentence about them does not go on about the bank before it.
# A subject named after a bank and before a figure takes the figure from the bank.
# Taiwan's word for its domestic banks (國銀), not inside 中国银行, 美国银行 or 国银金融租赁 (the
# China Development Bank's lessor)
TAIWANS_BANKS = r"国(?<![中美英全外各韩泰德法俄本]国)银(?!行|金融租赁|租赁|金租)"
NEW_SUBJECT = re.compile(r"[0-9一二三四五六七八九十两几多]+家|城商行|农商行|股份行|国有大行|上市银行"
                         r"|商业银行|银行业|银行机构|金融机构|同业|传统银行|其他银行|多数银行|部分银行"
                         r"|各家银行|各银行|二者|两者|三者|双方"
                         r"|其他大行|其余大行|其它大行|其余银行|其它银行|民营银行"  # (其他大行利率…)
                         r"|港银|本港银行|各大银行|大型银行|" + TAIWANS_BANKS)  # (Hong Kong's, Taiwan's)
NEW_SUBJECT = with_opening(NEW_SUBJECT, "[0-9一二三四五六七八九十两几多城农股国上商银金同传其部各双民港本大]")
# A subject word right after these is what the bank's figure is measured against, not a
# subject of its own ("占全市同业的38.65%", "高于同业平均水平").
MEASURED_AGAINST = re.compile(r"(?:占|高于|低于|高出|低出|超过|超出|领先|落后|优于|较|比|相比)"
                              r"(?:全[国省市县区]|当地|本地|辖内|区域)?$")
# (not 细分行业中, 分行业, 各行业: a breakdown of the subject's own figures by industry)
# ("为17家企业投放贷款": firms a bank lends to are its object, not a subject)
# (not 外贸产业专项转贷款, 产业链贷款: a kind of a bank's loans)
# What a bank's help or lending reaches is its object, not a subject (支持17家企业, 覆盖全区)
REACHED_BY = r"(?<!支持)(?<!帮助)(?<!服务)(?<!惠及)(?<!覆盖)"
OTHER_SUBJECT = re.compile(r"上市银行|全球|我国|政府|财政|国务院|(?<![细分各])行业(?![中内])"
                           r"|产业(?!链|园|[\u4e00-\u9fff]{0,6}(?:贷款|授信|融资))"
                           r"|市场规模|美国|日本|欧洲|社会融资|社融|广义货币|狭义货币|M2|M1|M0"
                           r"|拆息|HIBOR"  # (the interbank rate: the market's, no bank's)
                           r"|GDP|CPI|PPI|国内生产总值|外汇储备|全社会|全省|全市"
                           # (a county, a region, a province by its one-character name: 全疆, 全川;
                           # and one named before: 该县; not one a bank's lending reaches:
                           # 覆盖全区90%以上的农户)
                           rf"|{REACHED_BY}"
                           r"(?:全县|全区(?!域)|全[疆川辽皖闽鄂湘粤桂黔滇陕晋冀豫鲁赣琼渝藏沪]|该[省市县])"
                           # a project's or a firm's own figures (项目总投资100亿元, 年销售收入)
                           r"|总投资|年销售|销售收入|年产值|年利税|年税收"
                           # the economy's own measures ("规模以上工业增加值1811.14亿元")
                           r"|增加值|(?:工业|制造业|固定资产|基础设施|基建|民间|房地产开发)投资"
                           r"|社会消费品零售|进出口总|一般公共预算|可支配收入|统计局"
                           # the central bank's statistics ("本外币涉农贷款余额53.04万亿元"), and a
                           # province's ("浙江省个人贷款余额83176.83亿元")
                           r"|本外币|省(?=个人贷款|各项|人民币|金融机构|银行业|住户|企业贷款|贷款余额|存款余额)"
                           # shareholders' stakes (not 归属于母公司股东的净利润, the bank's profit)
                           r"|大股东|股东(?:合计)?持股|持股比例"
                           rf"|(?<![0-9一二三四五六七八九十几多为向对给唯]){REACHED_BY}"
                           r"[0-9一二三四五六七八九十几多]+家")
OTHER_SUBJECT = with_opening(OTHER_SUBJECT,
                             "[上全我政财国行产市美日欧社广狭MGCPH外大股持总年销本增工制固基民房进可统省拆该"
                             "0-9一二三四五六七八九十几多]")
# A company that is no bank, named in a figure's sentence ("华融消费金融成立于…，注册资本9亿元",
# "某某科技有限公司营收…"): the figure is its own, not the bank's an earlier sentence or the
# article is about. A lender that is no bank (consumer finance, leasing, trust) owns its loans
# too; a borrowing company's loan is its lender's. Not a bank's subsidiary (工银金融租赁: a
# bank's name, banks.yaml), not 本集团/该公司, not an object (为/向/支持 某公司).
# Taiwan's financial holding companies by the short names its press gives them (兆豐金, 合庫金),
# and any X金控: the group, not its bank, which is named apart (兆豐銀)
TAIWANS_HOLDINGS = ("兆丰金|华南金|第一金|合库金|富邦金|国泰金|玉山金|永丰金|台新金|元大金|开发金"
                    "|新光金|国票金|日盛金|台湾金")  # (not 中信金: the mainland's CITIC too)
HOLDINGS = rf"(?:{TAIWANS_HOLDINGS}|中信金|[\u4e00-\u9fff]{{2}}金控)(?![融库额价币])"
ORGANISATION = re.compile(
    rf"(?P<holding>{HOLDINGS})|"
    r"[\u4e00-\u9fff]{2}(?<![本该我其此])"
    r"(?:(?P<lender>消费金融|金融租赁)(?:有限责任公司|股份有限公司|有限公司|公司)?"
    r"|(?P<firm>融资租赁|小额贷款|信托|证券|保险|基金管理|资产管理|财务)"
    r"(?:有限责任公司|股份有限公司|有限公司|公司)"
    r"|有限责任公司|股份有限公司|有限公司|集团)(?![贷业余规产领市板务机行投化制])")
# A holding company opening a sentence or a clause: the subject the text turns to; so is a
# broker or an insurer (华南永昌证券, 富邦人寿), as Taiwan's press names a group's companies
HOLDING_SUBJECT = re.compile(r"(?:^|(?<=[。！？；，,\n]))\s*(?:" + HOLDINGS
                             + r"|[\u4e00-\u9fff]{2,4}(?:证券|人寿|产险|寿险|投信|期货)"
                             # (its results follow: a period, or profit's words; not an analyst
                             # it employs, nor a partner: "协同中国人寿投贷联动")
                             r"(?=\s*(?:去年|今年|前\d|前[一二三四五六七八九十]|上半年|第|首(?!席)|累计|税后|税前"
                             r"|净利|获利|营收|当月|(?:19|20)\d{2}\s*年|1[0-2]\s*月|[1-9]\s*月)))")
OBJECT_BEFORE = re.compile(r"为|向|给|对|帮助|支持|助力|携手|联合|与|和|同|服务|覆盖|惠及|走访")
LOAN_FAMILIES = frozenset({"loan_balance", "new_loans", "credit_line"})
SECTOR = re.compile(r"银行业|银行机构|金融机构|商业银行|国有大行|国有行|股份行|股份制银行"
                    r"|城商行|农商行|村镇银行|农信社|农村信用社|民营银行|外资银行|大中银行|中小银行"
                    r"|境内银行|境外银行|中资银行|国内银行|海外银行"  # a survey's groups of banks
                    r"|其余银行|其他银行|其它银行"  # (除A银行外，其余银行…)
                    r"|的银行中|的银行里"  # 以对公见长的银行中: among banks of a kind
                    r"|各家银行|各银行|全国"  # (a named one, 某某村镇银行, is a bank mention first)
                    # 多数银行房贷利率为…
                    r"|多数银行|多家银行|部分银行|不少银行|一些银行|众多银行|个别银行|少数银行"
                    # Taiwan's: its domestic, its state banks
                    r"|本国银行|公股银行|公股行库|" + TAIWANS_BANKS +
                    r"|港银|本港银行|各大银行|大型银行"  # Hong Kong's banks as a whole
                    # a regulator's statistics (the mainland's, Taiwan's, Hong Kong's)
                    r"|银监会|银保监会|金融监管总局|金融监督管理总局|金管会|金管局|金融管理局")
# (every word written out: an alternation of words that each open with a literal is entered
# by re only at their first characters, which it skips ahead to; a group among them, as
# (?:多数|部分)银行, makes it try the whole alternation at every character, five times slower)
# The bank a report speaks for (本行, our bank, in its own report), and the bank named last
# (该行, the said bank).
THIS_BANK = re.compile(r"(?P<ours>本行|我行|本集团|本公司)|(?P<that>该行|该银行|这家银行)")
THIS_BANK = with_opening(THIS_BANK, "[本我该这]")
# A bank named as what the subject is compared with ("落后北京银行0.56万亿元", "反超B银行",
# "尚不足B银行一半"): the gap is the subject's, not that bank's. "低于B银行的0.76%" gives B
# its own level.
GAP_BEFORE = re.compile(r"(?:落后|领先|超过|超出|反超|超越|赶超|高出|多出|高于|低于|优于|逊于|不足|不及"
                        r"|不敌|不如|次于|紧随|紧跟"  # (紧随建行之后: 建行 is the one followed)
                        r"|少于|多于)于?\s*$")
# (not 占比, 相比, 比重, 比例, 较高/较快: "relatively", an adverb)
COMPARED_WITH = re.compile(r"(?<![占对相同环])(?:比|较)(?![重较例为高低大小快慢好多少强弱早晚])"
                           r"[^，,。；;、\s]{0,8}$")
COMPARED_WITH = with_opening(COMPARED_WITH, "[比较]")
OWN_AFTER = re.compile(r"\s*的")
RESPECTIVELY_AT = re.compile("分别|依次")  # respectively; in order


def says_respectively(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds RESPECTIVELY_AT's words: two substring searches, which
    cost less than the pattern's test of every character."""
    return text.find("分别", start, end) >= 0 or text.find("依次", start, end) >= 0


# "工行、建行等5家银行", "浦发银行贵阳分行等6家银行": the banks named are examples of a group.
ETC_AFTER = re.compile(r"(?:[(（][^()（）]{0,16}[)）])?(?:[\u4e00-\u9fff]{0,8}?(?:分行|支行))?等")
ETC_REACH = 18 + 10 + 1  # the longest ETC_AFTER: an aside, a branch, 等
# "江苏银行(3.95万亿)、上海银行(3.23万亿)和宁波银行": a list with an aside after its names
# A deal with a named firm or project: a loan or a credit line granted to it ("向某环保能源有限
# 公司发放4000万元贷款", "为天津某光伏发电项目提供7亿元银团融资", "获得交通银行15亿元授信")
DEAL_BEFORE = re.compile(r"(?:为|向|给予|帮助)[^。！？；\n\d]{0,30}?"
                         r"(?:公司|企业|项目|集团|工厂|合作社|农户|商户)[^。！？；\n]{0,20}?(?:发放|提供|投放|授信|放款|落地|审批|贷款|融资)"
                         r"|获得?[^。！？；\n]{0,12}?(?:银行|[工农中建交招]行|国开行)[^。！？；\n]{0,20}?$")
ASIDE_OPENING = re.compile(r"\s*[(（][^()（）]{0,32}[)）]")


# A rule's level, not the bank's: "跌破150%监管红线", "高于7.5%的监管底线"; "不得低于11.5%"
RULE_BEFORE = re.compile(r"(?:不得|不应|不能|须|必须)(?:低于|高于|超过|少于)")
# ... and right before its figure, a rule's level, of no period (dates): "上限为40%" too
RULE_LEVEL_BEFORE = re.compile(rf"(?:(?:上限|下限)(?:为|是)|{RULE_BEFORE.pattern})\s*$")
# A money bound that marks off a group of borrowers or clients, then 的 and the group
# ("单户授信1000万元及以下的小微企业", "总资产在50万元及以上的零售客户", "家庭年所得120万元以上的"):
# a line drawn, of no date
# (not a state reached: "总资产超过500亿元的银行", "收入突破9亿元的公司" are of their day)
GROUP_BOUND_BEFORE = re.compile(r"(?:单户|户均|单笔|授信|额度|收入|所得|资产)(?:总额|金额)?(?:在|为)?"
                                r"(?P<below>小于|不超过|低于|不低于)?\s*$")
GROUP_BOUND_WRITTEN = ("以下", "以内", "以上")  # (及以下, 及以上 too)
# A project's total investment (项目总投资15亿元, 投资总额为1.78亿美元): the size of a project,
# planned or under way, not a figure of any period
PROJECT_SIZE_BEFORE = re.compile(r"(?:总投资|投资总额|计划投资)额?\s*(?:为|达|约|超|逾|近|在|达到)?\s*$")
# The expectation a figure is measured against ("高于预期的8.4%", "遠不及預期的1.53兆元",
# "市场预估值5%"): a forecast, of no period (the figure measured is the period's)
EXPECTATION_BEFORE = re.compile(r"(?:预期|预估|预测)(?:值|的)\s*(?:约|近)?\s*$")
THRESHOLD_AFTER = re.compile(r"的?(?:监管)?(?:红线|底线|达标线|门槛|下限|上限|要求)")
# A level of the sector the bank is compared with: "超过城商行1.76%的平均值", "高于城商行
# 1.76%的平均不良贷款率".
AVERAGE_AFTER = re.compile(r"的?(?:平均|均值)")
# ... and written after its name: "距离同期行业平均水平0.79%", "同业平均为1.5%"
# (not a gap from it: "高于行业平均水平1.2个百分点" is the bank's)
AVERAGE_BEFORE = re.compile(r"(?<!高于)(?<!低于)(?<!超过)(?<!超出)(?<!领先)(?<!落后)(?<!优于)(?<![较比])"
                            r"(?:行业|同业|银行业|全行业|同类银行|可比同业)的?(?:平均|均值)(?:水平|值)?"
                            r"(?:为|是|约为?|达)?\s*$")
# A bond issue: "于2023年3月23日发行完毕", "定于2月23日招标发行"; and the sentences that speak of
# it after ("本期债券发行规模为24亿元", "此次发行的债券为10年期…，发行价格为100元").
ISSUE = re.compile(r"发行")
TRANCHE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?第[一二三四五六七八九十\d]{1,3}期"
                          r"[^，,。；;]{0,30}?债")
ISSUE_REFERENCE = re.compile(r"[本此该这][期次笔](?:[^，,。；;\n]{0,8}债|发行)")
# A level that picks banks out as a group: "资产总额不足500亿元的民营银行共有8家", "不良率低于1%
# 的银行中": the group's bar, no one bank's.
# A loan several lenders make together: with a number of others, or as a syndicate
JOINT_LENDERS = re.compile(r"(?:联合|携手|与|会同)[^，。；,;]{0,4}?[0-9一二三四五六七八九十两几多]+家"
                           r"(?:金融机构|银行|机构|同业)|银团")
JOINT_REACH = 40  # how far before a figure, within its sentence, the lenders together are named
GROUP_AFTER = re.compile(r"(?:以上|以下|以内)?的[\u4e00-\u9fff]{0,4}?(?:银行|大行|股份行|城商行|农商行"
                         r"|村镇银行|银行机构)(?:有|共有|共|达到?|中|里|占|数量|家数|合计|数目)")
LEVEL_AFTER_FIRST = frozenset("的监红底达门下上要平均以")  # what any of them can open with
# "A银行资产规模仅为B银行的73%": a ratio of the subject's to the bank named after 为.
# ("最高是邮储银行的389.45%": a ranking names the bank whose figure it is, no ratio)
RATIO_BEFORE = re.compile(r"(?<!最高|最低|最大|最小|其次|分别)(?:仅为|只有|约为|为|是|相当于)\s*$")
LIST_END = re.compile(r"[；;]")

# Measure words for `metric`. Those in EXTENDABLE take their modifiers ("贷款余额" ->
# "科技型企业贷款余额"); the others are whole labels.
EXTENDABLE = ["余额", "规模", "占比", "比重", "增速", "增幅", "降幅", "率", "金额", "新增额",
              "合计", "共计", "总计", "总额", "份额", "损失", "总资产", "成本", "费用",
              "盈余", "收入", "收入比", "拨备"]
# (成本收入比: a ratio; 税前盈余: Taiwan's pre-tax profit; 手续费及佣金净收入: a part of income,
# not revenue)
FIXED = ["专项综合金融支持", "综合金融支持", "金融支持", "融资支持", "贷款支持", "总额度",
         "综合授信", "授信额度", "授信", "额度",
         "清欠专项贷款", "清欠贷款", "专项贷款", "流动资金贷款", "项目贷款", "发放贷款",
         "投放贷款", "贷款", "新增放款", "合计发行", "专项融资", "投融资", "融资", "投资额", "投资",
         "出资额", "出资",
         "营业收入", "营收", "净利润", "利润", "纯利", "纯益", "获利", "盈利", "溢利", "存款", "资金", "估值",
         "市值", "清偿", "募集", "募资", "补贴", "投放", "销售额", "交易额", "营业额",
         "逾放比", "存放比", "存贷比", "贷存比"]  # (Taiwan's NPL ratio and loans to deposits)
# A change (同比增长) is a metric, but not in 增至/提升至 (rose to: the figure is a level).
CHANGES = [base + verb for base in ["同比", "环比", "较年初", "较上年末", "较上年", "较去年", ""]
           for verb in ["增长", "下降", "增加", "减少", "提升", "提高", "上升", "回落", "增"]]
# Longest first, so that 增速 is not read as 增 (a change); a trie, which re tries in one or
# two steps at each character where a flat list of 130 words takes one per word.
HEAD = re.compile(trie_pattern(EXTENDABLE + FIXED + CHANGES,
                               after={word: "(?![至到了])" for word in CHANGES
                                      if word not in EXTENDABLE + FIXED}))
HEAD_AT_END = re.compile("(?:" + "|".join(sorted(EXTENDABLE + FIXED, key=len, reverse=True))
                         + ")$")
EXTENDABLE_SET = set(EXTENDABLE)
CHANGES_SET = set(CHANGES)
LEVEL_AFTER_CHANGE = re.compile(r"[至到]\s*$")  # (…增长5%至: what follows is a level)
# Where a metric's modifiers stop: function words, verbs, the sector, and any non-word character.
STOP = re.compile(
    r"[^\u4e00-\u9fffA-Za-z、]|的|了|在|为|对|占(?!比)|向(?<![意方导取走动倾]向)|给|将|已经|已|由|从|至|到|以|其中|该行|该|本行|其(?!他)|此|即"
    r"|较|是|有|并|也|还|均|提供|发放|带来|实现|推出|完成|开展|显示|表示|称|指出"
    r"|获得|启动|组建|建立|设立|参与|审批|落实|银行业|金融机构|银行机构|、(?![\u4e00-\u9fff])")
STOP = with_opening(STOP, "[^\u4e00-\u9fffA-Za-z]"
                          "|[的了在为对占向给将已由从至到以其该本此即较是有并也还均提发带实推完开显表称指获启组建设参审落银金]")
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
    family: str = "other"
    as_of: str | None = None
    sentence: tuple[int, int] = (0, 0)
    clause: int = 0  # where its clause starts: after the last clause stop of its sentence before it
    scale: Decimal = field(default=Decimal(1), repr=False)  # value / the number as written
    lead: int = 0  # where the figure's words begin: its qualifier, a currency written first
    bare: bool = False  # a number still waiting for the unit of its list or range partner
    this_bank: str = ""  # "ours" (本行) or "that" (该行) with no bank named in its paragraph
    no_bank_around: bool = False  # its paragraph names no bank
    inherited_owner: bool = False  # its bank is that of an earlier sentence
    year_end: bool = False  # dated by a year's end (2024年末), not by a month or a quarter
    period_end: bool = False  # dated by the day a report's period ends (报告期末 of 截至6月30日止)
    rule_level: bool = False  # a regulator's line (150%监管红线): no bank's figure
    stake: bool = False  # a shareholder's stake in the bank (大股东…持股35%): no bank's figure
    in_span: bool = False  # dated by a span of years (2015-17年): a total over it
    reached: bool = False  # a level a change reached by a date written before it (增至2024年末的)
    part_of_flow: bool = False  # a share of a flow before it (发放贷款2619亿元，其中中长期贷款超九成)


class DateAnchor(NamedTuple):  # a tuple: made thousands of times, cheaply
    start: int
    end: int
    value: str | None  # None: "now" (目前), which ends what an earlier date said
    year: int | None  # the year the expression names, which a later "6月末" borrows
    first: str | None = None  # the start of a span ("2002-2022年": "2002"), for "从a增至b"
    inherited: bool = False  # set by an earlier paragraph or a heading, not by this paragraph
    year_end: bool = False  # a year's end (2024年末, 12月末), not its last quarter or a day
    period_end: bool = False  # the day a report's period ends, written (报告期末: 2024-06-30)


class Mention(NamedTuple):
    """A bank named in the text (analysis.banks.BankMention) at its offset in the article."""
    start: int
    end: int
    surface: str
    banks: tuple[str, ...]


# ---------------------------------------------------------------- numbers


@cache
def chinese_number(numeral: str) -> Decimal:
    """A Chinese numeral ("三千亿", "千亿", "一点五") read by cn2an; "千亿" is "一千亿"."""
    numeral = numeral.replace("○", "〇")
    if numeral[0] in "十百千万亿":
        numeral = "一" + numeral
    if "兆" in numeral:  # 十一兆五七七八点五二亿: trillions, then the rest
        trillions, _, rest = numeral.partition("兆")
        return chinese_number(trillions) * TRILLION + (chinese_number(rest) if rest else 0)
    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (ValueError, KeyError, IndexError) as error:  # cn2an: KeyError on "一亿一"
        # cn2an reads "三点五" and "亿" but not "三点五亿", nor digits written one by one
        # before a magnitude ("二七六亿", as Taiwan's papers write amounts): split it off
        head = (re.match(r"(.*点[零〇一二三四五六七八九]+)([十百千万亿]+)$", numeral)
                or re.match(r"([零〇一二三四五六七八九]{2,})([万亿]+)$", numeral))
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


TRILLION = Decimal(10) ** 12


@cache  # (a handful of words, read for every figure)
def magnitude(word: str | None) -> Decimal:
    """万 -> 1e4, 亿 -> 1e8, 万亿 -> 1e12 ...: the factor of a magnitude word, read by cn2an."""
    if word == "兆":
        return TRILLION
    return chinese_number(word) if word else Decimal(1)


# ---------------------------------------------------------------- dates


ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")  # an article dated by its month only (day 0)


def slash_date(match: re.Match) -> tuple[int, int, int] | None:
    """The date of a SLASH_STAMP match; a day-first one whose "month" is over 12 is month first
    (3/30/2023, as American pages write it)."""
    if match.group(1):
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    else:
        year, month, day = int(match.group(8)), int(match.group(7)), int(match.group(5))
        if month > 12:
            month, day = day, month
    return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def article_date(value) -> tuple[int, int, int] | None:
    """(year, month, day) of an article's date; day 0 for a month given without its day."""
    return iso_date(str(value)) if value else None


@lru_cache(maxsize=4096)
def iso_date(value: str) -> tuple[int, int, int] | None:  # a corpus has few distinct dates
    match = ISO_DATE.match(value) or ISO_MONTH.fullmatch(value)
    return (*(int(g) for g in match.groups()), 0)[:3] if match else None


# The period of a part-year report, named with its year: 2025年上半年 (a half-year report's).
PERIOD_NAMED = {
    3: re.compile(r"((?:19|20)\d{2})\s*年(?:第一季度|一季度|首季)"),
    6: re.compile(r"((?:19|20)\d{2})\s*年(?:上半年|中期|半年度)"),
    9: re.compile(r"((?:19|20)\d{2})\s*年(?:前三季度|第三季度|三季度)"),
}


def report_dates(text: str, today: tuple[int, int, int] | None) -> list[DateAnchor]:
    """Results reports named in the article ("上市银行2024年度报告", "2025年中期业绩",
    "三季报"): the date of the figures of later paragraphs that name no date of their own.
    In an undated article, a report named without its year takes the year of the period the
    article names as that report's ("半年报全部披露完毕。…2025年上半年，…": 2025)."""
    found: list[DateAnchor] = []
    if "布" in text or "披露" in text:  # (公布, 发布, 披露: RESULTS_ANNOUNCED's verbs)
        # results announced with their period and no report named ("工商银行公布，2023年一季度，
        # 实现净利润…"): a report of that period
        found = [DateAnchor(m.start(), m.end(), m.group(1) + (
            f"-{PERIOD_MONTH[m.group(2)]:02d}" if m.group(2) in PERIOD_MONTH else ""), int(m.group(1)))
            for m in RESULTS_ANNOUNCED.finditer(text)]
    if lede := RESULTS_LEDE.search(text, 0, LEDE_REACH):
        # a results piece that opens on its bank's period ("东亚银行(00023-HK)2016年上半年，…
        # 减值损失升59.9%"), or on the period of the results it reports ("央行公布今(2025)年
        # 第3季国银营运绩效季报"): the period holds for the figures of the paragraphs after it
        year, period = lede.group(1) or lede.group(3), lede.group(2) or lede.group(4)
        month = period_month(period)
        found.append(DateAnchor(lede.start(1) if lede.group(1) else lede.start(3), lede.end(),
                                year + (f"-{month:02d}" if month else ""), int(year)))
        found.sort(key=lambda r: r.start)
    if "报" not in text and "业绩" not in text:
        return found  # every word of REPORT_WORDS holds one of these: no report named
    if "报告" in text:  # a month's or a quarter's statistics ("2023年7月金融统计数据报告")
        for match in STATISTICS_REPORT.finditer(text):
            year, month, period = match.groups()
            month = int(month) if month else period_month(period)
            found.append(DateAnchor(match.start(), match.end(), f"{year}-{month:02d}", int(year)))
        found.sort(key=lambda r: r.start)
    for word_start, word_end in report_words(text):
        match = REPORT.search(text, max(0, word_start - 12), word_end)
        if match is None or match.end() != word_end:
            continue
        g = match.groupdict()
        if g["period"]:
            found.append(DateAnchor(0, 0, g["py"], int(g["py"])))  # holds from the start
            continue
        month = REPORT_MONTH.get(g["report"])
        if g["y"]:
            year = int(g["y"])
        elif g["rel"] and today:
            year = today[0] + RELATIVE_YEAR[g["rel"]]
        elif today and g["report"] != "业绩":
            # a report without its year is the latest of its kind published by the article's date
            year = today[0] - 1 if month is None or (month, 1) >= today[1:] else today[0]
        elif today is None and month in PERIOD_NAMED and (named := PERIOD_NAMED[month].findall(text)):
            year = max(int(y) for y in named)
        else:
            continue
        value = f"{year:04d}" + (f"-{month:02d}" if month else "")
        found.append(DateAnchor(match.start(), match.end(), value, year))
    return sorted(found, key=lambda r: r.start)


# A bank's period at the head of its results piece: a bank's name (…银行, with its code) and a
# year's period, opening a paragraph within the text's first lines
RESULTS_LEDE = re.compile(r"(?:^|\n)[^\n。，,]{0,12}?(?:银行|银|集团)(?:\s*[(（][^)）]{1,12}[)）])?\s*"
                          r"((?:19|20)\d{2})\s*年(第一季度|一季度|上半年|前三季度|全年|年度)"
                          r"|(?:^|\n)[^\n。]{0,16}?(?:公布|发布|披露)\s*(?:今|去)?\s*((?:19|20)\d{2})\s*年"
                          r"(第[1-4一二三四]季度?|[一二三四]季度|前三季度?|上半年|首季度?)")
LEDE_REACH = 400  # how far into the text the lede may open


def report_words(text: str) -> Iterator[tuple[int, int]]:
    """The spans of REPORT_WORDS.finditer(text), found faster: at each place the words that
    open with a literal are tried first (one fast search), then a year's report after 年度, which
    is rare (str.find), before the next of those."""
    position = 0
    while True:
        literal = first_report_word(text, position)
        limit = literal.start() if literal else len(text)
        # a report after 年度 that starts in [position, limit) comes first
        after_year = None
        last = max(limit - 1, 0)  # (a negative end would count from the end of the text)
        year = text.find("年度", max(0, position - 2), last)
        while year >= 0 and after_year is None:
            after_year = REPORT_AFTER_YEAR.match(text, year + 2)
            year = text.find("年度", year + 1, last)
        found = after_year or literal
        if found is None:
            return
        yield found.span()
        position = found.end()


def first_report_word(text: str, position: int) -> re.Match | None:
    """REPORT_WORDS_LITERAL.search(text, position), tried at the places a word can start before
    each 报 and 业绩 (REPORT_ANCHORS) from `position` on, in order: the first that matches is the
    leftmost match, as every word holds an anchor at most REPORT_ANCHOR_REACH characters in."""
    following = [text.find(anchor, position) for anchor in REPORT_ANCHORS]
    tried = position  # the places before it are tried
    while True:
        anchor = min((at for at in following if at >= 0), default=-1)
        if anchor < 0:
            return None
        for at in range(max(tried, anchor - REPORT_ANCHOR_REACH), anchor + 1):
            if text[at] in REPORT_WORD_FIRST and (match := REPORT_WORDS_LITERAL.match(text, at)):
                return match
        tried = anchor + 1
        following = [text.find(word, tried) if at == anchor else at
                     for word, at in zip(REPORT_ANCHORS, following, strict=True)]


TARGET_YEAR_BEFORE = re.compile(r"(?:(?<![止至])到|力争|争取|计划|目标(?:是|为)?|预计|将\s*(?:于|在)|有望"
                                r"|(?:拟|将|计划)(?:自|从))\s*$")  # (拟自2025年起按季派息: a plan)
# a year listed after another ("目标是2024及2025年均实现…"): the first year's words hold for it
YEARS_LISTED_BEFORE = re.compile(r"(?:(?:19|20)\d{2}年?\s*(?:及|和|、|与)\s*)+$")
# ... and a forecast's year (预估2026年国内房市…), which names no present either (not 展望: this
# year's outlook, written in it)
FORECAST_YEAR_BEFORE = re.compile(r"(?:预估|预测|预期|估计)\s*$")
FORECAST_NEAR = re.compile(r"预测|预计|展望|预期|目标|规划|计划")


# A year's review: 回望2025, 盘点2025年, 2025年度盘点, 2025银行业年终回顾
REVIEW_TITLE = re.compile(r"(?:回望|回顾|盘点|复盘|总结)\s*((?:19|20)\d{2})"
                          r"|((?:19|20)\d{2})\s*年?度?[^，。,：:]{0,8}?(?:回顾|盘点|复盘|年终|收官|总结)")


REVIEW_REACH = 200  # how far into the text the headings that name a review may stand


def reviewed_in_title(title: str) -> int | None:
    """The year a title reviews (REVIEW_TITLE), or None."""
    match = REVIEW_TITLE.search(to_simplified(title))
    return int(match.group(1) or match.group(2)) if match else None


def named_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of each year the text names, in order of offset; for a base a change is
    measured from ("较2021年末有所增加", "比2021年末、2022年末高") and a year named as over
    (YEAR_OVER_AFTER), the year after it: the text is written later. Those two tell the
    present wherever its paragraph names them ("截至今年6月末，不良余额较2019年年末增加"): they
    stand at the paragraph's start (its newline)."""
    years: list[tuple[int, int]] = []
    baseline_end = -1
    for match in NAMED_YEAR.finditer(text):
        at = match.start()
        if is_base(text, at, match.end(), baseline_end, BASE_LIST_GAP):
            baseline_end = match.end()
            # (and where the figure compared is last year's, the year after that: "截至去年底，
            # 资本比率为17.48%，较2017年底上升0.96个百分点" is written in 2019)
            later = 2 if LAST_YEAR_WORD.search(text, start_of_sentence(text, at), at) else 1
            years.append((text.rfind("\n", 0, at), int(match.group(1)) + later))
            continue
        if text.rfind("《", 0, at) > text.rfind("》", 0, at):
            continue  # a title's years (《行动方案(2024—2027年)》) name a document, not a time
        lead = at
        if text[at - 1:at] in "及和、与" and (listed := YEARS_LISTED_BEFORE.search(
                text, max(0, at - 24), at)):
            lead = listed.start()
        if TARGET_YEAR_BEFORE.search(text, max(0, lead - 4), lead) or FORECAST_YEAR_BEFORE.search(
                text, max(0, lead - 4), lead):
            continue  # a target's year (到2027年, 力争2026年) is not the one written in, nor a
            # forecast's
        if starts_a_span_since(text, at, match.end()) or SINCE_AFTER.match(text, match.end()):
            continue  # "自2022年9月以来", "2014年以来": a span's start; the present is that
            # year or later, which dates nothing
        if text[at - 1:at] in SPAN_BEFORE and FORECAST_NEAR.search(
                text, max(0, at - 12), match.end() + 16):
            continue  # a forecast's horizon ("预测2025-2027年归母净利润分别为…") is no present
        if YEAR_OVER_AFTER.match(text, match.end()):
            years.append((text.rfind("\n", 0, at), int(match.group(1)) + 1))
        else:
            years.append((at, int(match.group(1))))
    if "年" in text and (taiwan := [(m.start(), int(m.group(1)) + ROC_YEAR_ZERO)
                                   for m in ROC_NAMED_YEAR.finditer(text)]):
        years += [(at, year) for at, year in taiwan  # (not a target's: 到115年底)
                  if not TARGET_YEAR_BEFORE.search(text, max(0, at - 4), at)]
    return sorted(years)


# The end of an offer's or an application's period, ahead of the article ("优惠期至2月底")
DEADLINE_BEFORE = re.compile(r"(?:优惠|有效|推广|活动|申请|认购|募集|促销)期(?:为|是)?"
                             r"\s*(?:至|到|截至|截止)\s*$")


# A year that opens a span running to now (2014年以来, 2019年11月至今): a bound of the present
SINCE_AFTER = re.compile(r"\s*(?:初|[01]?\d\s*月份?(?:\s*[0-3]?\d\s*日)?)?\s*(?:以来|" + TO_NOW + ")")


# A part of a year named with it (2024年6月末, 2024年上半年, 2024年一季度): the year is not over
# (but at 2023年12月底 it is).
PART_OF_YEAR_AFTER = re.compile(r"\s*度?\s*(?:[01]?\d\s*月(?<!12月)|12\s*月(?!\s*(?:底|末|31))"
                                r"|[一二三四1-4]\s*季|第[一二三四1-4]季|前三季|首季"
                                r"|[上下]?半年|中期|年?初|年中|Q[1-4]|H[12]"
                                r"|[春夏秋冬]"  # a season (2025年夏天)
                                # a report of part of it, named with its reporters (2025年A股城商行半年报)
                                r"|[^，。；,;\n]{0,10}?(?:半年报|中报|中期报告|季报|季度报告))")


def reviewed_year(text: str, years: list[tuple[int, int]], latest: int) -> int:
    """The present of an undated text that says 去年 and names `latest` as its latest year: the
    year after it when the text names that year only whole ("2023年，该行实现净利润…。去年末，…"
    reviews 2023 from 2024, as annual-results pieces do), else that year ("截至2024年6月末，…去年
    全年…" is written in 2024, and so is one whose present was read from a base: 较2023年末)."""
    named_whole = False
    for at, year in years:  # (named_years: not a target's year, nor a plan's)
        if year == latest and text.startswith(str(year), at) and (
                match := NAMED_YEAR.match(text, at)):
            if PART_OF_YEAR_AFTER.match(text, match.end()):
                return latest
            named_whole = True
    return latest + named_whole


# A date of the start of something ("2019年试验区创建之初", "2020年疫情暴发之时"): what figures
# are compared with, no period of them
EVENT_START_AFTER = re.compile(r"[^，。；,;、]{0,16}?(?:之初|之时)")


# A year of Taiwan's calendar with its month or its end (112年3月24日, 113年底): as DATE reads it
ROC_NAMED_YEAR = re.compile(r"(?<![\d.])(1[01]\d)"
                            r"(?= ?年 ?(?:1[0-2]|0?[1-9]) ?月|年度|年底|年末|年上半年|年前三季)")


SPAN_TO_NOW = re.compile("以来|" + TO_NOW)


def starts_a_span_since(text: str, at: int, end: int) -> bool:
    """Whether the date at text[at:end] opens a span that runs since it: 自…以来 or 自…至今 in
    one sentence ("自2022年9月以来", "自2019年11月登陆A股以来", "从2019年成立至今")."""
    return (at > 0 and text[at - 1] in "自从" and (since := SPAN_TO_NOW.search(text, end, end + 16))
            is not None and not SENTENCE_BREAK.search(text, end, since.start()))


def is_base(text: str, at: int, end: int, base_end: int, list_gap: re.Pattern) -> bool:
    """Whether the date at text[at:end] is a base a change is measured from, not a date of
    the figures: after 比/较 (比2021年末), in a list right after such a base (`base_end`: where
    the last one ends; "比2021年末、2022年末"), or in 与…相比 ("与2023年相比")."""
    return bool(BASELINE_BEFORE.search(text, max(0, at - 4), at)
                or CONTINUED_BEFORE.search(text, max(0, at - 4), at)
                or (base_end >= 0 and list_gap.fullmatch(text, base_end, at))
                # the end of a span of months a change is measured from ("增速比1-3月回落",
                # "比1月至10月加快"), as monthly statistics compare the months to date
                or (text[at - 1:at] in SPAN_BEFORE and MONTH_SPAN_BASE_BEFORE.search(
                    text, max(0, at - 12), at) is not None)
                or BASE_WORD_BEFORE.search(text, max(0, at - 12), at)
                or (text[at - 1:at] in COMPARED_WITH_BEFORE and COMPARED_AFTER.match(text, end))
                # "由2021年末的1.39万亿元增至2.19万亿元": the level a change starts from; so is
                # "由9月43.76%降至40.01%"
                # "较2021年末的19778亿元和2022年末的26975亿元": the second level compared with
                or (text[end:end + 1] == "的" and BASE_LIST_BEFORE.search(
                    text, max(0, at - BASE_LIST_REACH), at) is not None)
                # "创2023第三季后的8季新高": a record's base, no date of the figures
                or RECORD_SINCE_AFTER.match(text, end) is not None
                # "首9个月已达2024年全年的95.7%": a share of that year's whole, of the present
                or (SHARE_OF_BEFORE.search(text, max(0, at - 3), at) is not None
                    and SHARE_OF_YEAR_AFTER.match(text, end) is not None)
                or ((text[end:end + 1] == "的" or text.startswith("度的", end)
                     or TURN_AFTER.match(text, end) or LEVEL_CHANGED_AFTER.match(text, end))
                    and FROM_BEFORE.search(text, max(0, at - 1), at)))


def date_anchors(text: str, start: int, end: int, today: tuple[int, int, int] | None,
                 named_year: int | None = None) -> list[DateAnchor]:
    """Every date in text[start:end] (one paragraph) a figure can refer to, resolved to YYYY,
    YYYY-MM or YYYY-MM-DD. `named_year`, the year an undated article reads as its present
    (extract_from_text), stands in for the article's date when that is unknown (今年, 3月末)."""
    anchors: list[DateAnchor] = []
    article_year = named_year  # 今年 in an undated article: the article's year, not the paragraph's
    reach = 0
    baseline_end = -1  # where the last date a change is measured from ends (比2021年末)
    position = start
    # (a search for each candidate, not finditer, whose set-up costs more than the searches
    # of a paragraph that holds a few: so for the patterns read for every paragraph or clause)
    while candidate := DATE_START.search(text, position, end):
        at, position = candidate.span()
        if at < reach or (at and text[at - 1].isdigit()):
            continue
        match = DATE.match(text, at)
        if match is None:
            continue
        reach = match.end()
        (iso, isom, isod, y, rel, m, d, mpos, period, fm, yy, qy, q, q2, q3, m2, d2, mpos2,
         period2, fm2) = match.groups()  # DATE_GROUPS
        if is_base(text, at, reach, baseline_end, LIST_GAP):
            # "分别比2021年末、2022年末高", "较上年同期、上年末分别高", "与2023年相比": bases
            same_period = NOT_A_DATE_AFTER.match(text, reach)
            baseline_end = same_period.end() if same_period else reach
            if today is None and y:  # an undated text is written after its base (named_years)
                article_year = max(article_year or 0, int(y) + 1)
            continue
        if DEADLINE_BEFORE.search(text, max(0, at - 8), at):
            continue  # "优惠期至2月底": the end of an offer, ahead; no date of the figures
        if FOUNDED_BEFORE.search(text, max(0, at - 6), at) or FOUNDED_AFTER.match(text, reach):
            continue  # "成立于1997年5月25日，注册资本为40.22亿元", "2018年9月26日在上交所上市":
            # a company's founding or listing is an event of its history, no date of its figures
        if starts_a_span_since(text, at, reach) or (y and SINCE_AFTER.match(text, reach)):
            continue  # "自2019年11月登陆A股以来首份…", "2024年初至今": the start of a span, no
            # period of it
        if "之" in text[reach:reach + 18] and EVENT_START_AFTER.match(text, reach):
            continue  # "是2019年试验区创建之初的5.4倍": the time an event began, compared with
        if NOT_A_DATE_AFTER.match(text, reach) and not (
                (d or d2) and EFFECTIVE_FROM.match(text, reach)):
            # ("自2022年9月15日起", "从4月1日起执行": the day a rate or a rule takes effect
            # dates what it sets; a year or a month 起 opens a span: no date)
            if rel in ("今年", "本年") and not (m or period) and today:
                # 今年以来: the year so far
                anchors.append(DateAnchor(at, reach, f"{today[0]:04d}", today[0]))
            continue
        # a span's end follows a dash, 至 or 到 (spaces aside)
        first = (span_start(text, at, anchors, today, y or iso, yy)
                 if text[at - 1] in SPAN_BEFORE or text[at - 1].isspace() else None)
        if first == "":  # the end of a plan's span: its figures have no date, and past its
            # sentence it dates nothing ("预测2025-2027年归母净利润分别为…")
            anchors.append(DateAnchor(at, reach, None, None, ""))
            continue
        month = day = None
        cut_at_year_end = False
        if iso:
            year, month = int(iso), int(isom)
            day = int(isod) if isod else None
            if not 1 <= month <= 12:
                reach = at  # "2015-17年" is no month 17: its "17年" is read next
                continue
        elif qy:  # 25Q3, 23H1
            year, month = full_year(qy), (3 if q[0] == "Q" else 6) * int(q[1])
        elif y or rel or yy:
            if y:
                year = full_year(y)
            elif yy:
                year = int(text[at - 5:at - 3] + yy)
            elif today:
                year = today[0] + RELATIVE_YEAR[rel]
            elif article_year:  # an undated article that named its present year before:
                year = article_year + RELATIVE_YEAR[rel]  # 截至今年3月末, 去年末 (reviewed_year)
            else:
                continue
            if m:
                month, day = int(m), int(d) if d else None
            elif fm:  # 今年前七个月: to the end of the seventh
                month = months_count(fm)
            elif period and period != "全年":
                month = period_month(period)
            elif y and first is None:
                month = report_month(text, at, reach)
                if month is None and CUTOFF_BEFORE.search(text, max(0, at - 3), at):
                    month, cut_at_year_end = 12, True  # 截至2024年: to the year's end
        else:
            if fm2:
                month, day = months_count(fm2), None
            elif period2:  # 截至上半年末: a period of the year the paragraph or article is in
                month, day = period_month(period2), None
            elif q2 or q3:  # 3Q, Q3: a quarter of that year
                month, day = 3 * int(q2 or q3), None
            else:
                month, day = int(m2), int(d2) if d2 else None
            # the year of an earlier date of the paragraph that names one ("2024年中期业绩显示，
            # 截至6月末"), else the latest such month up to the article's date
            borrowed = next((a for a in reversed(anchors) if a.year is not None), None)
            if (borrowed is not None and today and d2 and not borrowed.year_end
                    and SENTENCE_BREAK.search(text, borrowed.end, at)):
                borrowed = None  # a day of the news ("截至10月29日") is of the article's year,
                # not of a year an earlier sentence names ("对2024年经济总量排名前12位的…")
            year = borrowed.year if borrowed else None
            if (borrowed is not None and borrowed.year_end and month < 12 and (
                    (today and (year + 1, month) <= today[:2])
                    or (today is None and article_year and year < article_year))):
                # "2024年底…，一季度末…", "2024年全年…。其中…上半年…" written in 2025 (or in an
                # undated text whose present is 2025): the part of the year after that end
                year += 1
            if year is None and today and d2 and (month - today[1]) % 12 == 1 and \
                    EFFECTIVE_FROM.match(text, reach):
                # a day a change takes effect from, in the month after the article's ("自11月3日
                # 起" written on 30 October): days ahead
                year = today[0] + (month < today[1])
            if year is None and today:  # (a later day of its own month: days ahead, 定于2月23日)
                year = today[0] if month <= today[1] else today[0] - 1
            if year is None:
                year = article_year
            if year is None:
                continue
        value = f"{year:04d}" + (f"-{month:02d}" if month else "") + (
            f"-{day:02d}" if month and day else "")
        # (去年 lends no year to a bare month after it: "去年四季度…，预计1月" is this January)
        named_year = year if (iso or y or yy or qy or (
            rel and (not today or rel in ("今年", "本年")))) else None
        if (anchors and len(value) == 7 and anchors[-1].value and len(anchors[-1].value) == 10
                and anchors[-1].value.startswith(value) and not first
                and SENTENCE_BREAK.search(text, anchors[-1].end, at) is None
                and CUTOFF_BEFORE.search(text, max(0, anchors[-1].start - 3), anchors[-1].start)):
            continue  # "截至11月30日收盘，11月累计涨幅": the day the month is counted to holds
        year_end = (month == 12 and day is None and (
            cut_at_year_end or period in YEAR_END_WORDS or (mpos or mpos2) in YEAR_END_WORDS)
        ) or (period == "全年" and y is not None)  # (2024年全年: the whole year, over)
        if today is None and y and not first and (year_end or (YEAR_OVER_AFTER.match(
                text, reach) and not (m or (period and period != "全年")))) \
                and text[reach:reach + 1] != "前" \
                and not TARGET_YEAR_BEFORE.search(text, max(0, at - 4), at):
            article_year = max(article_year or 0, year + 1)  # …and after a year named as over
        if day and (ended := PERIOD_ENDED_AFTER.match(text, reach)):
            # "截至2019年12月31日止年度": the year that day ends, not the day; "止三个月": its
            # quarter, by its last month, as 2019年一季度 is dated
            value = value[:4] if ended.group(1) in ("年度", "全年") and month == 12 else value[:7]
        anchors.append(DateAnchor(at, reach, value, named_year, first, year_end=year_end))
    return anchors


def full_year(written: str) -> int:
    """2025 from "2025", from "25" as analysts write it (25Q3, 22年1季度), and from "114" as
    Taiwan's papers do (the Republic's calendar: 114年 is 2025). Two digits from 69 up are the
    last century's (97年末: 1997), as POSIX and time.strptime's %y read them."""
    if len(written) == 2:
        return int(written) + (1900 if int(written) >= 69 else 2000)
    return int(written) + (ROC_YEAR_ZERO if len(written) == 3 else 0)


def months_count(written: str) -> int:
    """7, 七, 十一: how many months (前N个月) are written."""
    return int(written) if written.isdigit() else int(chinese_number(written))


def span_start(text: str, at: int, anchors: list[DateAnchor],
               today: tuple[int, int, int] | None, year: str | None, yy: str | None
               ) -> str | None:
    """The start of the span a date at `at` ends ("2002-2022年", "2020年末至2024年末"): None
    when it ends none, "" when the span is a plan's horizon (no date of its figures). `year`:
    the date's year as written, `yy` its last two digits (2015-17年)."""
    before = RANGE_START_BEFORE.search(text, max(0, at - 6), at)
    if before is not None:
        first = before.group(1)
    elif anchors and anchors[-1].value and SPAN_GAP.fullmatch(text, anchors[-1].end, at):
        return anchors[-1].value  # 2020年末至2024年末: a span of two dates
    else:
        return None
    end_year = int(year or (text[at - 5:at - 3] + yy if yy else 0))
    s = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    stop = SENTENCE_BREAK.search(text, at)
    sentence = text[s:stop.start() if stop else len(text)]
    if PLAN_WORDS.search(sentence) or (today and end_year > today[0]):
        return ""
    return first


def report_month(text: str, at: int, reach: int) -> int | None:
    """The month of a bare year's clause when it names a report of part of the year
    ("半年报为2025年半程交卷": 6)."""
    left = clause_start(text, max(0, at - 40), at)
    report = PART_YEAR_REPORT.search(text, left, clause_end(text, reach, reach + 40))
    return REPORT_MONTH.get(report.group()) if report else None


# ---------------------------------------------------------------- figures


def scan(text: str, urls: list[tuple[int, int]]) -> list[Figure]:
    """Candidate figures in order, with value, unit, kind and qualifier; bare numbers kept
    for the list and range rules."""
    patterns = FIGURE_PATTERNS if "百分之" in text else FIGURE_PATTERNS_NO_WORDS
    if "成" in text:
        patterns = (*patterns, TENTHS)
    if "码" in text:
        patterns = (*patterns, NOTCHES)
    if "分" in text and "厘" in text:
        patterns = (*patterns, FRACTION_OF_A_POINT)
    matches = sorted((m for pattern in patterns for m in pattern.finditer(text)),
                     key=match_start)
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


def notches(text: str, match: re.Match) -> Figure | None:
    """A move of a rate in notches (NOTCHES), in points; None where no move is written before."""
    start, end = match.span()
    if (start and text[start - 1].isdigit()) or not NOTCH_MOVE_BEFORE.search(
            text, max(0, start - 10), start):
        return None
    written = match.group("notches")
    count = Decimal(NOTCH_WORDS[written]) if written in NOTCH_WORDS else Decimal(written)
    return Figure(start, end, count * Decimal("0.25"), "pp", "pp")


def fraction_of_a_point(text: str, match: re.Match) -> Figure | None:
    """A rate's step or level written as a fraction of a point (FRACTION_OF_A_POINT)."""
    whole, part = FRACTION_DIGITS[match.group("whole")], FRACTION_DIGITS[match.group("part")]
    start, end = match.start() - 1, match.end()  # (from the whole's digit, before 分)
    if part >= whole or (start and text[start - 1] in CN_DIGITS):
        return None  # 十四分一厘: no fraction of these
    value = Decimal(part) / Decimal(whole)
    if RATE_MOVE_BEFORE.search(text, max(0, start - FRACTION_MOVE_REACH), start):
        return Figure(start, end, value, "pp", "pp")
    return Figure(start, end, value, "%", "percent")


def read_figure(text: str, match: re.Match) -> Figure | None:
    if match.re is TENTHS:  # (its match opens at 成, after the numeral: read on its own)
        return tenths(text, match)
    if match.re is NOTCHES:
        return notches(text, match)
    if match.re is FRACTION_OF_A_POINT:
        return fraction_of_a_point(text, match)
    head, end = match.span()  # head: 百分之, a currency written first, or the number
    before = text[max(0, head - 5):head]  # where a qualifier stands
    if match.re is PERCENT_IN_WORDS:
        try:
            value = number_value(match.group("pctnum"))
        except (ValueError, InvalidOperation):
            return None
        return with_qualifier(Figure(head, end, value, "%", "percent"), before, None, False,
                              head)
    number, more, mag, more2, pp, cur, pct, cnt, post = match.groups()  # NUMBER_GROUPS
    start = match.start(1)  # the number's
    prefix = CURRENCY_PREFIX.get(text[head:start].strip()) if head < start else None
    chinese = not number[0].isdigit()
    unit_word = pp or cur or pct or cnt
    prev = text[start - 1] if start else ""
    if not (chinese or unit_word or mag or prefix or text[end:end + 1] in SEPARATOR_START):
        return None  # a bare number (a year, a day, a code) not in a list or range
    large = "万" in number or "亿" in number or "兆" in number  # (一万五千, 1亿2000万)
    if chinese:
        if cnt or not (pp or cur or pct or large):
            return None  # 一家, 两个, 一方面: words, not figures
        # "千亿" alone is an amount after a qualifier (授信近千亿, 接近亿元), not in "万亿元规模"
        # (a size class) or "人民币亿元" (the unit of a table)
        if prev in VAGUE_BEFORE or (number[0] not in CN_LEADING and number[1:2] != "点"
                                    and not QUALIFIER_BEFORE.search(before)):
            # (a fraction opens with its zero: 〇点〇七二个百分点)
            return None
    elif prev.isascii() and prev.isalpha() and not prefix:
        return None  # H100, GPT4: a name, not a figure
    if (prev in ".-/" and start >= 2 and text[start - 2].isdigit()
            and not (unit_word or mag)):
        return None  # the tail of 2025.9.30 or 2025-09
    if text[end:end + 1] in NOT_AFTER_FIRST and NOT_AFTER.match(text, end):
        return None
    if pct == "厘" and not (RATE_BEFORE.search(text, max(0, start - 22), start)
                           or RATE_AFTER_LI.match(text, end)
                           or RATE_IN_SENTENCE.search(text, max(0, start - 40), start)):
        return None
    if cur in CURRENCY_SCALE and (chinese or mag):
        return None  # 八仙: a name, not eight cents
    try:
        scale = magnitude(mag)
        if pp:
            scale *= POINTS[pp]
        if cur in CURRENCY_SCALE:  # (a factor of 1 for the others: left out)
            scale *= CURRENCY_SCALE[cur]
        value = number_value(number) * scale
    except (ValueError, InvalidOperation):
        return None
    if prev in MINUS and start >= 2 and text[start - 2] not in NOT_BEFORE_MINUS \
            and not (text[start - 2].isascii() and text[start - 2].isalnum()):
        value = -value  # "分别出现-6.00%和-3.57%的下降": a written minus (not 3%-5%, a range)
    elif prev == "负" and text[start - 2:start - 1] != "正":
        value = -value  # "剪刀差为负156亿元": the minus written as a word (not 正负5%: ±)
    if pp:
        figure = Figure(start, end, value, "pp", "pp")
    elif pct == "厘" and RATE_MOVE_BEFORE.search(text, max(0, start - 16), start):
        figure = Figure(start, end, value, "pp", "pp")  # 下调最优惠利率0.125厘: a move in points
    elif pct:
        figure = Figure(start, end, value, "%", "percent")
    elif cur:
        figure = Figure(start, end, value, CURRENCIES[cur], "money")
    elif cnt:
        figure = Figure(start, end, value, cnt, "count")
    elif mag or large:  # money if its sentence says so
        figure = Figure(start, end, value, prefix or "", "money", unit_inferred=prefix is None)
    elif prefix:  # 人民币100
        figure = Figure(start, end, value, prefix, "money")
    else:
        figure = Figure(start, end, value, "", "", bare=True)
    figure.scale = scale
    figure = with_qualifier(figure, before, post, bool(more or more2), head)
    if pct and figure.qualifier == "=" and (bound := BOUND_OVER_PHRASE.search(
            text, max(0, head - 16), head)):
        # "不得超过全部资本金比例的50%": a bound reaches over the words of what it bounds
        figure.qualifier_text = bound.group(1)
        figure.qualifier = QUALIFIER_OF[figure.qualifier_text]
    return figure


def tenths(text: str, match: re.Match) -> Figure | None:
    """七成 (70%), 一成四 (14%); None where the numeral ends a word (这一成效, 统一成, 之一成)."""
    from analysis.text import tokenizer  # (jieba's dictionary, loaded once a 成 is seen)

    start, end = match.start("tenths"), match.end()
    numeral = match.group("tenths")
    prev = text[start - 1:start]
    if prev.isdigit() or (prev and not numeral.isdigit()
                          and tokenizer().FREQ.get(prev + numeral)):
        return None
    before = text[max(0, start - 5):start]  # where a qualifier stands
    value = (Decimal(numeral) if numeral.isdigit() else  # (半成: half a tenth, 5%)
             Decimal("0.5") if numeral == "半" else chinese_number(numeral)) * 10
    if match.group("tenth"):  # 一成四 (14%), 一成半 (15%)
        value += 5 if match.group("tenth") == "半" else chinese_number(match.group("tenth"))
    return with_qualifier(Figure(start, end, value, "%", "percent"), before,
                          match.group("post"), bool(match.group("tmore")), start)


def with_qualifier(figure: Figure, before: str, post: str | None, more: bool, head: int
                   ) -> Figure:
    # a qualifier ends the words before the figure: look for one only where its last character does
    lead = QUALIFIER_BEFORE.search(before) if before.rstrip()[-1:] in QUALIFIER_LAST else None
    figure.lead = head
    if lead:
        figure.qualifier_text = lead.group().strip()
        figure.qualifier = QUALIFIER_OF[figure.qualifier_text.removesuffix("了")]
        figure.lead = head - (len(before) - lead.start())
    if figure.qualifier == "=":
        if more:
            figure.qualifier = ">"  # 110余家, 1000多亿元
        elif post:
            figure.qualifier = POST_QUALIFIER[post.lstrip("(（含)）")]
    return figure


HUNDRED_MILLION, TEN_THOUSAND = Decimal(100_000_000), Decimal(10_000)
COMPOUND_SCALES = {(HUNDRED_MILLION, TEN_THOUSAND), (TRILLION, HUNDRED_MILLION),
                   (TEN_THOUSAND, Decimal(1))}  # (1万5900元, 1 萬 5900 元)


def join_compound_amounts(figures: list[Figure], text: str = "") -> list[Figure]:
    """"270億5400萬元" (Hong Kong and Taiwan papers, and "3亿5000万" in the mainland): the
    亿 and the 万 written together are one amount; so are 兆 and 亿 ("10兆8,202億元"), and 万
    and 元 ("1 萬 5900 元": a space between them, as some pages type it, or 零, "35亿零550万",
    joins them too)."""
    joined: list[Figure] = []
    for figure in figures:
        left = joined[-1] if joined else None
        if (left is not None and left.kind == figure.kind == "money"
                and (left.end == figure.start or text[left.end:figure.start] in (" ", "零"))
                and (left.scale, figure.scale) in COMPOUND_SCALES
                and 0 <= figure.value < left.scale):
            left.value += figure.value
            if not left.unit:  # (a currency written first, 新台币10兆8884亿元, stays)
                left.unit, left.unit_inferred = figure.unit, figure.unit_inferred
            left.end = figure.end
            if left.qualifier == "=":
                left.qualifier, left.qualifier_text = figure.qualifier, figure.qualifier_text
            continue
        joined.append(figure)
    return joined


def a_range(text: str, left: Figure, right: Figure) -> bool:
    """left and right are a range's ends (a—b, a至b); not "下降0.27%至4.74%": fell by a to b."""
    gap = text[left.end:right.start]
    return RANGE_GAP.fullmatch(gap) is not None and not (
        gap.strip() in ("至", "到") and CHANGE_BEFORE.search(text, max(0, left.lead - 6), left.lead))


def join_lists_and_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """a、b亿元 and a—b%: a bare a takes b's magnitude and unit; a range gives a ≥, b ≤."""
    for i in range(len(figures) - 2, -1, -1):  # right to left: 1、2、3亿元 chains
        left, right = figures[i], figures[i + 1]
        if not may_be_gap(text, left.end):
            continue
        gap = text[left.end:right.start]
        is_range = RANGE_GAP.fullmatch(gap) is not None
        if is_range and not a_range(text, left, right):
            continue
        if not is_range and LIST_GAP.fullmatch(gap) is None:
            continue
        if (not is_range and left.kind == "count" and left.unit == "个" and right.kind == "pp"
                and "个" in text[right.start:right.end]):
            # "高7.9个、3.1个百分点": the first point's 个 waits for the unit of the last
            left.value *= right.scale
            left.unit, left.kind, left.scale = right.unit, right.kind, right.scale
        elif left.bare and not right.bare:
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


# Taiwan's papers name the year of 今年/去年/明年 in brackets: 去(2025)年, 今（2026）年, and
# in the Republic's calendar: 今(98)年 is 2009, 去(113)年 2024
# (the bracket first, which re skips ahead to; the word before it is checked behind)
YEAR_IN_BRACKETS = re.compile(r"[(（](?<=[今去明前][(（])((?:19|20)\d{2}|[89]\d|1[0-4]\d)[)）]年")
ROC_YEAR_ZERO = 1911
# An annual report or results named without a year (公布年度业绩; not 2023年度业绩, 半年报)
ANNUAL_REPORT = re.compile(r"(?<![\d年半今去上本])(?:年度业绩|全年业绩|年度报告|年度财报|年报)")
# The present, written out as Taiwan's papers do: 今(2026)年, 今(115)年
THIS_YEAR_IN_BRACKETS = re.compile(r"(?<=今)[(（]((?:19|20)\d{2}|[89]\d|1[0-4]\d)[)）]年")
# A month written in Chinese numerals (六月份, 去年十二月), as Taiwan's and Hong Kong's papers and
# formal mainland text write it: read as its digits, which take as many characters (十月, which
# would take more, stays unread)
CHINESE_MONTH = re.compile(r"月(?<=[一二三四五六七八九]月)")  # (月 first: re skips ahead to it)
# (not a currency's 元 before 月: 美元月报, 100元月费)
FIRST_MONTH = re.compile(r"元月(?<![\d万亿千百美港日欧币台]元月)(?!费|薪|租|供|报)")
NOT_BEFORE_MONTH = frozenset("一二三四五六七八九十百千万两几数第")  # 三十月, 第一月: no month


def with_month_digits(text: str) -> str:
    """六月 -> 6月, 十二月 -> 12月; not after another numeral (三十月, 第一月)."""
    parts, done = [], 0
    for match in CHINESE_MONTH.finditer(text):
        at = match.start()
        if text[at - 2:at - 1] == "十" and text[at - 1] in "一二":  # 十一月, 十二月
            at, digits = at - 2, str(11 + "一二".index(text[at - 1]))
        else:
            at, digits = at - 1, str("一二三四五六七八九".index(text[at - 1]) + 1)
        if at and text[at - 1] in NOT_BEFORE_MONTH:
            continue
        parts += [text[done:at], digits]
        done = match.start()
    return "".join(parts) + text[done:] if parts else text


# A decimal point between Chinese digits, as Taiwan's print pages write amounts and rates
# (五七七．四億元, 二十七．九%): the 点 of a Chinese numeral (the point first: re skips to it)
CHINESE_POINT = re.compile(r"\.(?<=[零〇○一二三四五六七八九十]\.)(?=[零〇○一二三四五六七八九])")
# A year in Chinese numerals, as Hong Kong's and Taiwan's papers write it: 二○一二年, 二〇二四年
CHINESE_YEAR = re.compile(r"(?:一九|二[○〇零])[○〇零一二三四五六七八九]{2}(?=年)")
CHINESE_YEAR_DIGITS = str.maketrans("○〇零一二三四五六七八九", "000123456789")
# A day written month/day in brackets after its weekday, as Taiwan's papers write it: 週四(3/23)
SLASHED_WEEKDAY = re.compile(r"(?<=[周週][一二三四五六日天])\s?[(（]"
                             r"(1[0-2]|0?[1-9])/([12]\d|3[01]|0?[1-9])[)）]")


def has_bracketed_year(text: str) -> bool:
    return ")年" in text or "）年" in text  # (a cheap test before YEAR_IN_BRACKETS)


def year_in_brackets(match: re.Match) -> int:
    """The year of 去(2025)年 or 今(98)年 (Taiwan's calendar: 2009)."""
    year = int(match.group(1))
    return year + ROC_YEAR_ZERO if year < 1000 else year


def bracketed_year(match: re.Match) -> str:
    """去(2025)年 -> "  2025年", 今(98)年 -> " 2009年": the year, as long as what it replaces."""
    return f"{year_in_brackets(match)}年".rjust(len(match.group()))


def prepare(text: str, simplified: str | None = None) -> str:
    """The text the rules read: simplified characters, ASCII digits, and line breaks that do
    not end a paragraph (a list cut by a break, a line opening with 其中) made spaces. Same
    length as `text`, so every offset holds in both."""
    fullwidth = True  # whether the text may hold full-width characters
    if simplified is None:
        if to_change().search(text) is None:  # the usual case, told by one pass
            plain, fullwidth = text, False
        else:
            plain = to_simplified(text)
    elif simplified == "" or len(simplified) != len(text):  # "": the text is simplified already
        plain = text if simplified == "" else to_simplified(text)
    else:
        plain = simplified
    if fullwidth and HAS_FULLWIDTH.search(plain):
        plain = plain.translate(FULLWIDTH)
    if THOUSANDS_COMMA.search(plain):  # "１２，０００": a full-width comma grouping thousands
        plain = THOUSANDS_COMMA.sub(",", plain)
    if "\n" in plain:
        plain = join_lines(plain)
    if " - " in plain:  # points of a summary run into one line: each its own sentence
        plain = INLINE_BULLET.sub(" 。 ", plain)
    if CHINESE_MONTH.search(plain):  # 六月份, 十二月: 6月份, 12月
        plain = with_month_digits(plain)
    if "元月" in plain:  # 元月 (January, as Taiwan's and older mainland text write it): 1月
        plain = FIRST_MONTH.sub("1月", plain)
    if has_bracketed_year(plain) and YEAR_IN_BRACKETS.search(plain):
        plain = YEAR_IN_BRACKETS.sub(bracketed_year, plain)  # 去(2025)年 reads as 2025年
    if "." in plain and CHINESE_POINT.search(plain):  # 五七七.四亿元 reads as 五七七点四亿元
        plain = CHINESE_POINT.sub("点", plain)
    if "年" in plain and CHINESE_YEAR.search(plain):  # 二○一二年 reads as 2012年
        plain = CHINESE_YEAR.sub(lambda m: m.group().translate(CHINESE_YEAR_DIGITS), plain)
    if "/" in plain and SLASHED_WEEKDAY.search(plain):  # 週四(3/23) reads as 週四3月23日
        plain = SLASHED_WEEKDAY.sub(slashed_day, plain)
    return plain


def slashed_day(match: re.Match) -> str:
    """(3/23) -> 3月23日, as long as it (a space before a shorter one: (1/5) -> " 1月5日")."""
    day = f"{int(match.group(1))}月{int(match.group(2))}日"
    return day.rjust(len(match.group()))


def join_lines(text: str) -> str:
    """Line breaks that do not end a paragraph made spaces (same length): after a list
    separator ("7501.5亿、\n7105.6亿"), before a line that opens with a connective (其中，),
    and after a heading line ("2. 2025年目标"). Blank lines between count as one break."""
    lines = text.split("\n")
    last = len(lines) - 1
    blank: list[int] = []
    position = 0  # where lines[i] starts
    i = 0
    while i < last:
        line = lines[i]
        end = position + len(line)  # the break after lines[i]
        j = i + 1
        following = lines[j]
        written = following and not following.isspace()
        while not written and j < last:  # blank lines: the next line with text
            j += 1
            following = lines[j]
            written = following and not following.isspace()
        tail = line.rstrip(" \t\u3000")
        if tail and written and (
                (last_char := tail[-1]) in LIST_END_CHARS
                or (last_char in SENTENCE_END_CHARS and may_open_with_connective(following)
                    and CONNECTIVE.match(following))
                or (len(tail) <= 2 * HEADING_MAX and len(tail.strip()) <= HEADING_MAX
                    and not HEADING_STOP.search(tail))):
            at = end
            for k in range(i + 1, j + 1):  # the breaks after lines[i] .. lines[j - 1]
                blank.append(at)
                at += len(lines[k]) + 1
        position = end + 1  # where lines[j] starts: after the blank lines between
        for k in range(i + 1, j):
            position += len(lines[k]) + 1
        i = j
    if not blank:
        return text
    parts = []
    previous = 0
    for at in blank:
        parts.append(text[previous:at])
        previous = at + 1
    parts.append(text[previous:])
    return " ".join(parts)


def extract_from_text(text: str, date=None, simplified: str | None = None,
                      title: str | None = None) -> list[Figure]:
    """All figures of one clean article text; `date` (ISO) resolves 去年 and years left out;
    `title` names the bank the article is about (article_bank).
    `simplified` is the text in simplified characters when the caller has it (the corpus's
    `text_simplified`, "" when the text is simplified already); None: worked out here."""
    if not text:
        return []
    plain = prepare(text, simplified)
    quotes = spans(STOCK_QUOTE, plain) if ("%)" in plain or "%）" in plain) else []
    if quotes:  # the price and its change are no figures; the move stays, as the market's
        plain = STOCK_QUOTE_PRICES.sub(lambda m: " " * len(m.group()), plain)
    urls = spans(URL, plain) if ("http" in plain or "www." in plain) else []
    figures = join_lists_and_ranges(plain, join_compound_amounts(scan(plain, urls), plain))
    today = article_date(date)
    stamp = STAMP.search(plain) if ":" in plain else None  # a time stamp has its colon
    if today is None and stamp:  # "2025-11-04 17:59" at the head of a page: when it was published
        today = (int(stamp.group(1)), int(stamp.group(2) or stamp.group(4)),
                 int(stamp.group(3) or stamp.group(5)))
    elif today is None and ":" in plain and (slashed := SLASH_STAMP.search(plain)):
        today = slash_date(slashed)  # "30/3/2023 16:56", as Hong Kong pages stamp them
    stamps = spans(STAMP, plain) if stamp else []
    years = named_years(plain) if today is None else []
    reports = to_the_day(plain, report_dates(plain, today))
    effective = effective_days(plain, today)
    if title and ("报" in title or "績" in title or "绩" in title):
        # a report the title names ("某银行2024年度环境信息披露报告") holds from the start
        reports = [DateAnchor(0, 0, r.value, r.year)
                   for r in report_dates(to_simplified(title), today)] + reports
    if today and (reviewed := reviewed_in_title(f"{title or ''}\n{plain[:REVIEW_REACH]}")) \
            == today[0] - 1:
        # a review of last year, as the press writes one in January ("回望2025，盘点银行业十大
        # 关键词"): like last year's report, it dates what it says of 年内 and 全年
        reports = [DateAnchor(0, 0, f"{reviewed:04d}", reviewed), *reports]
    year_starts = [at for at, _ in years]
    first_cutoff = next((int(m.group(1)) for m in CUTOFF_YEAR.finditer(plain)), None) \
        if years else None
    latest = [max(y for _, y in years[:i + 1]) for i in range(len(years))]
    # (not a span's end: "2015-2016年发行的债券" names bonds, not the present)
    read_through = max((y for at, y in years if plain[at - 1:at] not in SPAN_BEFORE), default=None)
    says_last_year = read_through is not None and LAST_YEAR_WORD.search(plain) is not None
    if says_last_year:
        read_through = reviewed_year(plain, years, read_through)
    this_year = THIS_YEAR_IN_BRACKETS.search(text) if years and has_bracketed_year(text) else None
    if this_year:
        read_through = year_in_brackets(this_year)  # 今(2026)年: said outright
    if read_through and ("年报" in plain or "年度" in plain or "全年业绩" in plain):
        # an undated text's annual report named without its year ("东亚银行公布年度业绩"): the
        # year before the text's present
        present = read_through if (this_year or says_last_year) else \
            reviewed_year(plain, years, read_through)
        reports = sorted(reports + [DateAnchor(m.start(), m.end(), f"{present - 1:04d}", present - 1)
                                    for m in ANNUAL_REPORT.finditer(plain)], key=lambda r: r.start)
    hong_kong = HONG_KONG_TEXT.search(plain) is not None
    release = release_period(plain, today)
    # where a summary's inline points meet (" - ", which prepare made a full stop)
    bullets = [m.start() for m in BULLET_BREAK_AT.finditer(plain) if text[m.start():m.end()] == " - "] \
        if " - " in text else []
    # Sentences, banks and dates matter only in the paragraphs that hold figures.
    by_paragraph: dict[int, list[Figure]] = {}
    for figure in figures:
        by_paragraph.setdefault(plain.rfind("\n", 0, figure.start) + 1, []).append(figure)
    kept: list[Figure] = []
    seen: Counter[tuple[str, ...]] = Counter()  # the banks named in the paragraphs with figures
    scanned: dict[tuple[int, int], list[Mention]] = {}  # their mentions, by (start, end)
    carried: DateAnchor | None = None  # the date an earlier paragraph of the section set
    previous_end = 0
    for start, members in by_paragraph.items():
        end = plain.find("\n", members[-1].end)
        end = len(plain) if end < 0 else end
        # a report named in the paragraph before ("…延续到了2025年中期业绩中。\n数据显示，…")
        gap = start - 1
        while gap > 0 and plain[gap - 1].isspace():
            gap -= 1
        before = plain.rfind("\n", 0, max(gap, 0))
        near = [r for r in reports if before < r.start or r.end == 0]
        named = None
        if today is None and years:  # an undated article: the latest year it names, before
            # or after (a reader who has read it through knows "2025年上半年已提升至1.7%" before
            # "截至今年第三季度末"); before it names any, the first year it counts up to
            # ("截至今年3月末…" opening a text that later writes 截至2025年一季度末), else the
            # latest it names at all. Not a year of a plan, a forecast or a span's start.
            index = bisect.bisect_left(year_starts, start) - 1
            named = (max(latest[index], read_through or 0) if index >= 0
                     else first_cutoff or read_through)
        heading = section_heading(text, plain, previous_end, start, today, named)
        if heading is not None:  # a new section: its heading's date, if any, holds in it
            carried = heading[0]
        found, carried = paragraph_figures(plain, start, end, members, today, stamps, near,
                                           reports, seen, named, carried, scanned,
                                           bool(kept) and kept[-1].scope == "sector", effective,
                                           hong_kong, release, bullets)
        kept.extend(found)
        previous_end = end
    if kept:
        headings_repeated(text.find("\n"), plain, kept)  # (the line as written: prepare
        # joins a line with no full stop to the next)
    if "债" in plain and kept:
        date_the_issue(plain, kept, today)
    if today and today[1] < 12 and "全年" in plain:
        whole_year_before(plain, kept, today)
    for figure in kept if quotes else ():
        if any(a <= figure.start < b for a, b in quotes):
            figure.entity, figure.scope, figure.as_of = None, "market", None  # a day's move
            figure.family = "growth"  # (a change of the price)
    # figures nobody owns that the article's bank may (own_bank): with two banks named in the
    # paragraphs with figures, the article is no one bank's alone
    alone = len(seen) < 2
    orphans = [f for f in kept if f.scope == "other" and not (f.rule_level or f.stake) and (f.this_bank or (
        (alone or ((f.family in BUSINESS_FAMILIES or f.family == "growth") and f.no_bank_around))
        and not own_subject(OTHER_SUBJECT, plain, subject_floor(plain, f), f.start)
        and not DEPOSITOR.search(plain, subject_floor(plain, f), f.start)))]  # (nor a saver's sums)
    # (not a figure whose clause names another subject: "民营经济为全省贡献了超50%的GDP")
    if orphans:
        own_bank(plain, orphans, title, None if alone else seen)
    local = local_currency(plain, seen, text, hong_kong)
    named_banks = {bank for names in seen for bank in names}
    if TAIWAN_NAMESAKES.keys() & named_banks and taiwanese(local, named_banks):
        for figure in kept:  # in Taiwan's press 中信银行 is CTBC, 上海银行 its 上海商银
            figure.entity = TAIWAN_NAMESAKES.get(figure.entity, figure.entity)
    declared = [(m.start(), CURRENCIES[m.group(1) or m.group(2)])
                for m in CURRENCY_DECLARED.finditer(plain)] if "下同" in plain else []
    for figure in kept:  # "中银香港…盈利达320亿元": a Hong Kong bank's 元 are its dollars
        if figure.unit == "CNY" and (currency := next(
                (unit for at, unit in reversed(declared) if at <= figure.end), None) or (
                figure.entity and reporting_currency(figure.entity)) or local) \
                and bare_yuan(plain, figure):
            figure.unit = currency
    return kept


WHOLE_YEAR_SAID = re.compile(r"(?<![今本明]年)全年")  # (今年全年, 明年全年: the year named)
FORECAST_OR_PLAN = re.compile(f"{PLAN_WORDS.pattern}|{FORECAST_WORDS.pattern}|若|如果")


def whole_year_before(text: str, figures: list[Figure], today: tuple[int, int, int]) -> None:
    """A whole year's figure (全年…) reported as done is of a year that is over: not the year the
    article is written in before its December ("全年派息1.537元" written in March is last year's)."""
    own = f"{today[0]:04d}"
    for figure in figures:
        if figure.as_of != own:
            continue
        said = WHOLE_YEAR_SAID.search(text, figure.sentence[0], figure.start)
        if said and own not in text[figure.sentence[0]:figure.start] \
                and not FORECAST_OR_PLAN.search(text, figure.sentence[0], figure.end):
            figure.as_of = f"{today[0] - 1:04d}"


# A currency the text declares for the amounts after it: "215.56亿元(美元‧下同)", "（单位：美元，下同）",
# "(人民币.下同)", "(港币,以下同)", and one written before a bracket that keeps it: "亿元人民币(单位下同)"
# (人民币 too: in a Hong Kong paper the yuan it declares is not the dollar its 元 would be)
DECLARABLE = "美元|港元|港币|新台币|欧元|英镑|日元|人民币"
CURRENCY_DECLARED = re.compile(rf"[(（](?:单位[:：]\s*)?({DECLARABLE})[‧·・,，、.;；\s]*以?下同[)）]"
                               rf"|({DECLARABLE})[(（]单位下同[)）]")


# Words only Taiwan's press uses of its banks and their regulator (金管会; Hong Kong's is the
# 金管局, the mainland's 金融监管总局), and Hong Kong's: its monetary authority, banks'
# association, prime rate and mortgage words. One pass finds either.
TAIWAN_WORDS = ("金管会", "本国银行", "公股银行", "公股行库", "八大行库", "国银")  # (国银: its banks;
# not 国银金融租赁, the China Development Bank's lessor: LOCAL_WORDS)
HONG_KONG_WORDS = ("金管局", "金融管理局", "银行公会", "最优惠利率", "按揭证券", "按揭贷款额")
LOCAL_WORDS = re.compile("|".join(TAIWANS_BANKS if word == "国银" else word
                                  for word in TAIWAN_WORDS + HONG_KONG_WORDS)
                         + f"|(?:{TAIWANS_HOLDINGS})(?![融库额价币])")
# (no groups: re skips fast; 国银 alone by its pattern, 本国银行 as written; Taiwan's holdings
# by their short names)


# Words only a Hong Kong piece writes: its dollar, its regulator, its mortgage market's words
# and its agencies (a piece that names its banks by their short names: banks.hong_kong_short)
HONG_KONG_TEXT = re.compile(r"港元|港币|港股|香港|本港|金管局|金融管理局|楼按|楼宇按揭|最优惠利率|拆息|HIBOR"
                            r"|按揭证券|中原地产|经络按揭|美联物业")


# Mainland banks whose short names Taiwan's press uses for its own banks
TAIWAN_NAMESAKES = {"中信银行": "中国信托商业银行", "上海银行": "上海商业储蓄银行"}


def taiwanese(local: str | None, banks: set[str]) -> bool:
    """Whether an article is Taiwan's: it writes New Taiwan dollars, or every other bank it
    names (`banks`) is Taiwan's."""
    others = banks - TAIWAN_NAMESAKES.keys()
    return local == "TWD" or (bool(others) and all(reporting_currency(b) == "TWD" for b in others))


def local_currency(text: str, banks: Counter[tuple[str, ...]], written: str = "",
                   hong_kong: bool = False) -> str | None:
    """The currency an article's bare 元 are in when it is not the yuan. A Taiwan paper names
    新台币 (or NT$) once, or only words of Taiwan's (LOCAL_WORDS), or a year of Taiwan's
    calendar (in `written`, the original text: 今(98)年), and writes 元 after; so does a Hong
    Kong paper (LOCAL_WORDS, or traditional characters writing of Hong Kong: `hong_kong`,
    HONG_KONG_TEXT found in `text`) in its dollars; an article whose banks all report in one
    other currency (Taiwan's, Hong Kong's) writes in it. Each names 人民币 where it means the
    yuan."""
    if "人民币" in text or "RMB" in text:
        return None
    if "台币" in text or "NT$" in text or (has_bracketed_year(written) and any(
            int(m.group(1)) < 1000 for m in YEAR_IN_BRACKETS.finditer(written))):
        return "TWD"
    if words := LOCAL_WORDS.search(text):
        return "HKD" if words.group() in HONG_KONG_WORDS else "TWD"
    if hong_kong and has_traditional(written):
        return "HKD"  # a Hong Kong paper, in traditional characters, writing of Hong Kong
    currencies = {reporting_currency(bank) for names in banks for bank in names}
    return currencies.pop() if len(currencies) == 1 else None


def bare_yuan(text: str, figure: Figure) -> bool:
    """Whether a figure's currency is only 元 or none (320亿元, 30亿), not 人民币 or RMB."""
    written = text[figure.lead:figure.end]
    return not ("人民币" in written or "RMB" in written or "CNY" in written or "¥" in written
                or "人民币" in text[figure.end:figure.end + 3])


def date_the_issue(text: str, figures: list[Figure],
                   today: tuple[int, int, int] | None) -> None:
    """The figures of a bond issue, dated by the day of the issue: the day named last before
    发行 in its sentence ("于2025年7月30日发行完毕"), else the year of the tranche it names
    ("2021年第一期…二级资本债券": 2021). They are the figures of that sentence after 发行 that
    carry no more than the day's year (a year in the bond's name is no period of its own),
    and the undated ones of later paragraphs that speak of the issue before them
    ("本期债券发行规模为人民币24亿元"), which also fall to the issuer when no one has them."""
    issues: list[tuple[int, str, str | None]] = []  # (where 发行 is, its day, the issuer)
    for verb in ISSUE.finditer(text):
        at = verb.start()
        start = start_of_sentence(text, at)
        if text.find("债", start, sentence_end(text, at, len(text))) < 0:
            continue  # no bond in the sentence: no need to read its dates
        days = [a for a in date_anchors(text, start, at, today) if a.value and len(a.value) == 10]
        # no day: the year in the bond's name ("2021年第一期…二级资本债券"), as no other date
        tranche = None if days else TRANCHE_YEAR.search(
            text, start, sentence_end(text, at, len(text)))
        if days or tranche:
            issuer = last_bank_before(text[start:at], at - start)
            issues.append((at, days[-1].value if days else tranche.group(1), issuer))
    if not issues:
        return
    starts = [at for at, _, _ in issues]
    for figure in figures:
        index = bisect.bisect_left(starts, figure.start) - 1
        if index < 0 or figure.scope == "market":
            continue
        at, day, issuer = issues[index]
        same_sentence = figure.sentence[0] <= at
        if same_sentence:
            if figure.as_of and not day.startswith(figure.as_of):
                continue
        elif figure.as_of or not ISSUE_REFERENCE.search(
                text, text.rfind("\n", 0, figure.start) + 1, figure.start):
            continue
        figure.as_of = day
        if figure.entity is None and issuer and not same_sentence:
            figure.entity, figure.scope = issuer, "bank"


def section_heading(text: str, plain: str, previous_end: int, start: int,
                    today: tuple[int, int, int] | None, named_year: int | None
                    ) -> tuple[DateAnchor | None] | None:
    """The last heading line between the paragraph before (with figures) and the one at
    `start`, or opening that one (join_lines made its break a space): (its date or None,), or
    None when there is no heading, so that the date of the paragraph before goes on."""
    heading = None
    at = previous_end
    while at < start:  # the lines between the two paragraphs
        stop = text.find("\n", at, start)
        stop = start if stop < 0 else stop
        if stop - at <= 2 * HEADING_MAX and is_heading(text[at:stop]):
            heading = (at, stop)
        at = stop + 1
    stop = text.find("\n", start, start + HEADING_MAX * 2 + 1)
    if stop > 0 and plain[stop] != "\n" and is_heading(text[start:stop]):
        heading = (start, stop)
    if heading is None:
        return None
    dates = [a for a in date_anchors(plain, heading[0], heading[1], today, named_year) if a.value]
    return (dates[-1] if dates else None,)


def is_heading(line: str) -> bool:
    """A short line without sentence punctuation: a title or a section heading."""
    stripped = line.strip()
    return 0 < len(stripped) <= HEADING_MAX and not HEADING_STOP.search(stripped)


# What a bank's own business is measured in: a figure of one of these families with no subject
# of its own, in an article about one bank among others named, is that bank's.
BUSINESS_FAMILIES = {"loan_balance", "new_loans", "credit_line", "revenue", "profit", "assets"}
DOMINANCE = 2  # the article's bank is named at least this many times as often as all others
DOMINANT_MIN = 3  # and at least this many times, when other banks are named


GROUPS_MIN = 3  # the banks as a whole named this often make a piece about them all


def groups_named(text: str) -> int:
    """How often `text` names banks as a whole (城商行, 上市银行, 13家银行), not as part of one
    bank's name (重庆农商行)."""
    names = [(m.start, m.end) for m in find_banks(text)]
    starts = {match.start() for pattern in (SECTOR, NEW_SUBJECT) for match in pattern.finditer(text)}
    return sum(1 for at in starts if not any(a <= at < b for a, b in names))


def article_bank(text: str, title: str | None = None,
                 named: Counter[tuple[str, ...]] | None = None) -> tuple[str | None, bool]:
    """The bank an article is about, and whether it is the only lender the article names: the
    one lending bank its title names, else the one it names most when that one clearly
    dominates (DOMINANCE times as often as all the others together, DOMINANT_MIN times at
    least); None when several banks are compared (a round-up of banks' deals). `named`: how
    often each bank is named in the paragraphs with figures, which stands for the whole text's
    count (None: count the whole text)."""
    def lenders(part: str) -> Counter[str]:
        return Counter(m.banks[0] for m in find_banks(part) if len(m.banks) == 1
                       and not central_bank(m.banks[0]) and not SPEAKER_AFTER.match(part, m.end))

    if named is None:
        counts = lenders(text)
    else:
        counts = Counter({banks[0]: n for banks, n in named.items()
                          if len(banks) == 1 and not central_bank(banks[0])})
    in_title = lenders(to_simplified(title)) if title else Counter()
    if len(in_title) == 1:
        (only,) = in_title
        return only, set(counts) <= {only}
    if not counts:
        return None, False
    ((top, n),) = counts.most_common(1)
    if len(counts) == 1:
        if n == 1 and groups_named(text) >= GROUPS_MIN:
            return None, False  # named once in a piece about banks as a whole: no one's article
        return top, True
    others = sum(counts.values()) - n
    return (top if n >= DOMINANCE * others and n >= DOMINANT_MIN else None), False


def own_bank(text: str, orphans: list[Figure], title: str | None = None,
             named: Counter[tuple[str, ...]] | None = None) -> None:
    """Figures no sentence gives to anyone, in an article about one bank (article_bank): 本行
    with no bank named in its paragraph ("本行拟按照经审计的本行2024年度净利润…", an annual
    report's own words), and figures with no subject of their own (a results summary that
    names its bank once) are the article's bank's; when the article names other banks too,
    only the latter that measure a bank's business (loans, revenue, profit, assets) and sit in
    a paragraph that names no bank. 该行 with no bank named before it in its paragraph is the
    bank named last before the paragraph, else the article's; 我行 in a quote is the bank of
    the speaker named after it in the paragraph ("“我行…，”B银行行长表示"), else the article's."""
    bank, alone = article_bank(text, title, named)
    owned_sentence = None  # the sentence of the last business figure given to the bank
    bank_ends = [m.end for m in find_banks(text)] if HOLDING_SUBJECT.search(text) else []
    for figure in orphans:
        if bank_ends and after_a_holding(text, bank_ends, figure.start):
            continue  # the group's figure, not its bank's
        if figure.this_bank:
            if figure.this_bank == "that":
                other = last_bank_before(text, text.rfind("\n", 0, figure.start) + 1)
            else:  # the speaker of a quote: the bank named after its closing mark
                end = text.find("\n", figure.end)
                after = text[figure.end:end if end >= 0 else len(text)]
                close = QUOTE_CLOSE.search(after)
                other = first_bank(after[close.end():]) if close else None
            if other or bank:
                figure.entity, figure.scope = other or bank, "bank"
        elif bank is None or OTHER_SUBJECT.search(text, subject_floor(text, figure), figure.start) \
                or organisation_subject(text, figure):
            continue
        elif alone or (figure.family in BUSINESS_FAMILIES and figure.no_bank_around):
            figure.entity, figure.scope = bank, "bank"
            owned_sentence = figure.sentence
        elif figure.family == "growth" and figure.sentence == owned_sentence:
            # "净利润115.13亿元，同比增长5.60%": the change of the bank's figure before it
            figure.entity, figure.scope = bank, "bank"


def after_a_holding(text: str, bank_ends: list[int], position: int) -> bool:
    """Whether a holding company opens a sentence or a clause between the last bank named
    before `position` (`bank_ends`: where each mention ends) and it: the text has turned from
    the bank to its group ("华南银行…。华南金上半年…。截至6月底，净值达2152亿元")."""
    last = bisect.bisect_right(bank_ends, position) - 1
    return turns_to_group(text, bank_ends[last] if last >= 0 else 0, position)


def first_bank(text: str) -> str | None:
    """The lending bank named first in `text` (None for a group or the central bank)."""
    mentions = find_banks(text)
    if not mentions or len(mentions[0].banks) > 1 or central_bank(mentions[0].banks[0]):
        return None
    return mentions[0].banks[0]


def last_bank_before(text: str, end: int) -> str | None:
    """The lending bank named last in text[:end] (no group, central bank or speaker's employer)."""
    part = text[:end]
    for mention in reversed(find_banks(part)):
        if SPEAKER_AFTER.match(part, mention.end):
            continue
        if len(mention.banks) > 1 or central_bank(mention.banks[0]):
            return None
        return mention.banks[0]
    return None


def paragraph_figures(text: str, start: int, end: int, figures: list[Figure],
                      today: tuple[int, int, int] | None,
                      stamps: list[tuple[int, int]] = (),
                      reports: list[DateAnchor] = (),
                      all_reports: list[DateAnchor] = (),
                      seen: Counter[tuple[str, ...]] | None = None,
                      named_year: int | None = None,
                      carried: DateAnchor | None = None,
                      scanned: dict[tuple[int, int], list[Mention]] | None = None,
                      sector_carried: bool = False,
                      effective: list[DateAnchor] = (),
                      hong_kong: bool = False,
                      release: str | None = None,
                      bullets: list[int] = ()
                      ) -> tuple[list[Figure], DateAnchor | None]:
    """Sentence, unit, entity, metric and date of the figures of the paragraph text[start:end],
    and the date the paragraph leaves to the next one of its section. `carried`: the date an
    earlier paragraph of the section set ("2024年上半年，…" then figures). A paragraph that
    names no bank goes on about the one lending bank the paragraph before it names
    ("农业银行第三季录得净利813亿元。\n前三季，实现净利润2223亿元。"). `scanned`: the bank
    mentions of the paragraphs read so far, by (start, end), which this one's are added to.
    `hong_kong`: whether the article is a Hong Kong piece, whose banks go by short names."""
    sentences = []
    position = start  # (the sentences after the last figure's are not needed)
    while (match := SENTENCE.search(text, position, end)) and match.start() <= figures[-1].start:
        sentences.append(match.span())
        position = match.end()
    sentence_starts = [s for s, _ in sentences]
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for figure in figures:
        figure.sentence = sentences[bisect.bisect_right(sentence_starts, figure.start) - 1]
        by_sentence.setdefault(figure.sentence, []).append(figure)
    for sentence, members in by_sentence.items():
        for figure in members:  # found once, read by the rules of metric, owner, date
            figure.clause = clause_start(text, sentence[0], figure.start)
        infer_money_units(text, members)
    figures = [f for f in figures if f.unit]  # magnitudes that are not money: no figure
    if not figures:
        return [], carried
    mentions = [Mention(m.start + start, m.end + start, m.surface, m.banks)
                for m in find_banks(text[start:end], hong_kong)]
    if scanned is not None:
        scanned[start, end] = mentions  # for bank_of_paragraph_before of the next paragraph
    mentions = [m for m in mentions if not SPEAKER_AFTER.match(text, m.end) and not (
        central_bank(m.banks[0]) and (CENTRAL_BANK_MODIFIER.match(text, m.end) or FOLLOWS_BEFORE.search(
            text, max(start, m.start - 3), m.start)))
        and not EXCLUDED_BEFORE.search(text, max(start, m.start - 12), m.start)]
    before: list[Mention] = []
    if not mentions:
        for figure in figures:
            figure.no_bank_around = True
        bank = bank_of_paragraph_before(text, start, scanned)
        before = [bank] if bank else []
    if seen is not None:
        for m in mentions:  # (Counter.update costs more than this loop on a few mentions)
            seen[m.banks] += 1
    anchors = date_anchors(text, start, figures[-1].start, today, named_year)
    if stamps:
        anchors = [anchor for anchor in anchors
                   if not any(low <= anchor.start < high for low, high in stamps)]
    year = today[0] if today else named_year
    position = start
    while m := WORD_DATES.search(text, position, figures[-1].start):
        position = m.end()
        word = m.group()
        if word.startswith("报告期") or word == "期内":  # 报告期内, 截至报告期末, 期内: the
            # report named before
            named = [r for r in all_reports if r.end <= m.start()]
            sentence_start = sentence_starts[bisect.bisect_right(sentence_starts, m.start()) - 1]
            if any(sentence_start <= a.start < m.start() and a.value for a in anchors):
                continue  # "截至2021年末，…；报告期内发放贷款…": the period its sentence named
            # the period's last day, where the text wrote it ("截至2024年6月30日止六个月…。报告
            # 期末，贷款余额…"): the balances at the period's end are of that day
            ended = period_ended_day(text, m.start()) if word == "报告期末" else None
            if named:
                # the newest report named before: the one the article is about, not an older
                # one cited on the way ("公布2022年中期业绩。…在2020年年度报告中…。截至报告期末")
                report = max(named, key=report_end)
                value = report.value
                if word == "报告期末" and len(value) == 4:
                    value += "-12"  # the end of a year's report period: the year's end
                day = ended is not None and last_day_of(ended, value)
                anchors.append(DateAnchor(m.start(), m.end(), ended if day else value, report.year,
                                          year_end=len(value) == 7 and value.endswith("-12"),
                                          period_end=day))
            elif ended:
                anchors.append(DateAnchor(m.start(), m.end(), ended, int(ended[:4]), period_end=True))
        elif word in ("今日", "今天", "昨日", "昨天"):  # "该行今日发行60亿元绿色金融债": the
            # article's day; "昨日收报95.85元": the day before it
            if (day := days_from(today, -word.startswith("昨"))) is None:
                continue  # no article date, or a stamp that is no day
            anchors.append(DateAnchor(m.start(), m.end(), day.isoformat(), day.year))
        elif word.startswith("上"):  # the quarter or the month before the article's
            if (value := period_before(today, quarter="季" in word)) is not None:
                anchors.append(DateAnchor(m.start(), m.end(), value, int(value[:4])))
        elif word.startswith("全年"):  # the whole year of the date before ("四季度…。全年营收增速…")
            earlier = [a for a in anchors if a.end <= m.start() and a.year
                       and not aside_before(text, a, m.start())]
            # (the nearest: the anchors are not in order yet, words after the dates; not one in
            # brackets, an aside's: "不良新生成率约2.58%(2019年为2.76%)。…全年营业收入增速…")
            whole = (max(earlier, key=lambda a: a.end).year if earlier else carried.year
                     if carried is not None else None)  # (not the article's: 全年 written in
            # March is of the year before, which the text names)
            if whole and text[m.start() - 1:m.start()] != "年":  # (2024年全年, 去年全年: that
                # date's own word)
                anchors.append(DateAnchor(m.start(), m.end(), f"{whole:04d}", whole))
        elif word.startswith("年"):  # 年初以来, 年内: this year
            sentence_start = sentence_starts[bisect.bisect_right(sentence_starts, m.start()) - 1]
            if year and not any(sentence_start <= a.start < m.start() and a.value
                                and a.value.startswith(f"{year:04d}-") for a in anchors):
                # (not after a month or day of this year: "截至12月18日，年内累计…" is to that day)
                part = [r for r in all_reports if r.end <= m.start() and r.year == year
                        and r.value and len(r.value) == 7]
                # in a report of part of this year (中期业绩), the year so far is its period
                # ("东亚公布中期业绩。…年内淨利息收入按年减少10.7%"); in the report of last year's
                # results that the article is about, that year ("公布截至去年底止全年业绩。…
                # 年内，风险加权资产总额约1.3万亿元")
                last_year = [r for r in all_reports if r.end <= m.start()][-1:]
                if not part and last_year and last_year[0].value == f"{year - 1:04d}":
                    anchors.append(DateAnchor(m.start(), m.end(), f"{year - 1:04d}", year - 1))
                    continue
                anchors.append(DateAnchor(m.start(), m.end(), part[-1].value if part
                                          else f"{year:04d}", year))
        else:  # 截至目前: now, the article's own date (none in an undated text); only for
            # figures of its sentence ("…，目前是第五大银行。")
            if word == "最新" and DATE.search(text, start, m.start()):
                continue  # "截至9月5日，最新市值1956亿元": the latest as of the day its paragraph
                # names
            stop = sentence_end(text, m.end(), end)
            if any(m.end() <= f.start < stop for f in figures):
                now = date_of(today)
                anchors.append(DateAnchor(m.start(), m.end(), now, today[0] if now else None))
    if carried is not None:  # set by an earlier paragraph: holds until one of this one
        anchors.append(DateAnchor(start - 1, start - 1, carried.value, carried.year,
                                  year_end=carried.year_end,
                                  inherited=True))
    anchors.sort(key=lambda a: a.end)
    for i in range(1, len(anchors)):  # a period named again, coarser, right after its last day
        # ("截止日期2024-06-30\n信息来源2024年中期报告"): the day, as precisely as it was written
        prior, anchor = anchors[i - 1], anchors[i]
        if prior.value and anchor.value and last_day_of(prior.value, anchor.value) and not any(
                prior.end <= f.start < anchor.start for f in figures):
            anchors[i] = anchor._replace(value=prior.value)
    anchor_ends = [a.end for a in anchors]
    # the sentences that say 分别 or 依次, which attribute and the dates read them for: found once
    respective = {sentence for sentence in by_sentence if says_respectively(text, *sentence)}
    subject, subject_end = None, start  # the bank the sentence before went on about
    # whether the sentence before ended on the sector's figures: at the start, whether the
    # paragraph before did, when this one names no bank ("辖区银行业总资产22.19万亿元。\n从期限看，
    # 中长期贷款较年初增加7020亿元")
    sector_before = sector_carried and not mentions
    for sentence, members in by_sentence.items():
        members = [f for f in members if f.unit]
        if not members:
            continue
        s, e = sentence
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        earlier = [m for m in mentions if m.end <= s] if mentions else before
        named_since = any(subject_end <= m.start < s for m in mentions)
        if subject is not None and earlier and earlier[-1] is not subject and not named_since:
            # no bank named since: a sentence with no subject of its own goes on about the
            # bank of the one before ("…人行政策…。该行贷款占比29%。其中，…占比达79%")
            earlier = [*earlier, subject]
        # so does a sentence after one about the sector ("辖区银行业总资产22.19万亿元。各项
        # 贷款余额15.24万亿元。"), unless it points back to a bank (该行)
        sector_goes_on = (sector_before and not inside and not named_since
                          and not ANAPHORA.search(text, s, members[0].start))
        subject = attribute(text, sentence, members, inside, [] if sector_goes_on else earlier,
                            sentence in respective)
        if sector_goes_on:
            for figure in members:
                if figure.scope == "other" and not figure.this_bank:
                    figure.scope = "sector"
        subject_end = members[-1].end
        sector_before = members[-1].scope == "sector"
        describe(text, sentence, members, inside, [a for a in anchors if s <= a.start < e])
        leader = None  # the bank's business figure a change of this sentence follows
        for figure in members:  # the family is known now: a company's own figure is not the bank's
            if figure.inherited_owner and organisation_subject(text, figure):
                figure.entity, figure.scope = None, "other"
            elif figure.entity and shareholders_stake(text, sentence, figure):
                figure.entity, figure.scope, figure.stake = None, "other", True
            elif figure.inherited_owner and before and not ANAPHORA.search(
                    text, subject_floor(text, figure), figure.start):
                # from the paragraph before: the bank's business and its changes, not the
                # economy the article turns to ("乡村消费品零售额增长4.3%")
                if figure.family in BUSINESS_FAMILIES or figure.family == "rate":
                    leader = figure
                elif not (figure.family == "growth" or figure.kind == "pp") or (
                        leader is None and not BUSINESS_MEASURE.search(text, figure.clause, figure.lead)):
                    # (a change with no business figure before it in the sentence is the
                    # bank's when it names a measure of its business: "净利润仍保持0.34%的增速")
                    figure.entity, figure.scope = None, "other"
        mark_market(text, members)
    # the article's month; in an undated article, the end of the latest year it named before
    today_day = date_of(today)  # the article's day, to which effective days are compared
    this_month = (f"{today[0]:04d}-{today[1]:02d}" if today
                  else f"{named_year:04d}-12" if named_year else "")
    shifted_last: Figure | None = None  # the figure SHIFT_BEFORE dated last
    whole: Figure | None = None  # the figure before, which a part (其中…) breaks down
    changed_from = rates_changed_from(text, figures)
    # a comparison's date written after a figure ("贷存比率51%，去年底为53.3%", "下跌至15.2%，
    # 2018年为16%"): it dates the figure it gives only; the figures after it go on in the period
    # named before it
    restating = {i for i, a in enumerate(anchors) if a.value and not a.inherited
                 and RESTATED_AFTER.match(text, a.end)
                 and FIGURE_AND_COMMA_BEFORE.search(text, max(start, a.start - 4), a.start)}
    for figure in figures:
        index = bisect.bisect_right(anchor_ends, figure.start) - 1
        while index in restating and any(anchors[index].end <= f.start < figure.start
                                         for f in figures):
            index -= 1  # (a figure came after the comparison's: the period before it holds)
        while index >= 0 and ((anchors[index].first == ""
                               and anchors[index].start < figure.sentence[0])
                              or aside_before(text, anchors[index], figure.sentence[0])):
            index -= 1  # a plan's horizon, or a date in brackets, in an earlier sentence
            # ("（2024年末为3593亿元）。贷款余额…"): the date before it holds
        if index >= 0 and anchors[index].start < figure.sentence[0] and ASIDE.match(
                text, figure.sentence[0]) and not statistic(text, figure):
            index = -2  # an example or an aside keeps no date from the sentences before it
            # (a firm's loan), but a bank's statistics it lists are of the period ("比如，
            # 招商银行科技企业贷款余额5829.97亿元，较年初增长8.35%")
        if index >= 0 and anchors[index].start < figure.sentence[0] and DEAL_BEFORE.search(
                text, figure.sentence[0], figure.lead):
            index = -2  # a deal with a firm ("为某公司发放贷款5000万元") is an example, of no
            # period the sentences before name
        if index >= 0 and bullets and not all_reports and not anchors[index].inherited and any(
                anchors[index].end <= at < figure.sentence[0] for at in bullets) and not (
                RESULTS_PERIOD.search(text, anchors[index].start, anchors[index].end)
                or SAME_TIME.search(text, figure.sentence[0], figure.start)):
            index = -2  # a point of a summary's list keeps no date an earlier point named ("截至
            # 2024年末… - 国有六大行绿色贷款余额共计23.8万亿元"), but the period of results a
            # summary of them names (2025年前三季度…) holds for its points
        if index >= 0 and anchors[index].inherited and figure.family in (
                REPORT_UNDATED_FAMILIES if all_reports or (
                    release is not None and anchors[index].value == release)
                else UNDATED_FAMILIES) and not (
                figure.family == "other" and figure.kind == "money" and PERIOD_ACCOUNT.search(figure.metric)
        ) and not share_of_amount_before(text, figure, whole):
            index = -1  # a share, a limit or a pledge is no figure of the period (but an
            # income or a cost of it is: 手续费净收益, 利息净收益, 减值损失)
        if index >= 0:
            anchor = anchors[index]
            figure.as_of = anchor.value
            figure.year_end, figure.period_end = anchor.year_end, anchor.period_end
            # (a span's total; not a level it started from or reached: "2021-2024年，不良贷款率
            # 从1.65%降至1.02%" are levels at the two years' ends)
            figure.in_span = anchor.first is not None and not (
                FROM_BEFORE.search(text, max(0, figure.lead - 2), figure.lead)
                or CHANGED_TO_BEFORE.search(text, max(0, figure.lead - 8), figure.lead))
            if anchor.value and len(anchor.value) >= 7 and not anchor.year_end and (report := next((
                    r for r in reversed(all_reports) if anchor.end <= r.start < figure.start
                    and r.start >= figure.sentence[0]), None)):
                # "8月29日，上市银行半年报全部披露完毕，合计实现营收…": the day the report came
                # out; its figures are of its period
                figure.as_of = report.value
            elif anchor.first and FROM_BEFORE.search(text, max(0, figure.lead - 2), figure.lead):
                figure.as_of = anchor.first  # 2002-2022年，营收从80亿元增至…: 2002
            elif ((anchor.value and len(anchor.value) == 4) or anchor.year_end) \
                    and FROM_BEFORE.search(text, max(0, figure.lead - 2), figure.lead) \
                    and CHANGE_TO_AFTER.match(text, figure.end):
                # "2023年，总资产由385.38亿元增至464.84亿元": where the year started from, the
                # year before (its end, for a balance: the level rule below)
                figure.as_of, figure.year_end = year_before(anchor.value[:4]), False
            elif anchor.value and FROM_BEFORE.search(text, max(0, figure.lead - 2), figure.lead) \
                    and CHANGE_TO_AFTER.match(text, figure.end):
                # "6月末，不良率从2.37%降至2.16%": where a change within a month's or a
                # quarter's date started is no level of that date; its base, if the sentence
                # names one (同比, 较上年末), else none
                figure.as_of, figure.year_end = base_of_change(text, figure, anchor.value), False
            elif anchor.value and (shift := SHIFT_BEFORE.search(
                    text, max(0, figure.lead - 14), figure.lead)) and not (
                    shift.lastgroup == "beside" and figure.kind == "pp"):
                # ("高于去年同期16.22个百分点": a gap, of the sentence's period)
                figure.as_of = shifted(anchor.value, shift)
                shifted_last = figure
            elif anchor.value and SAME_PERIOD_BASE.search(text, max(0, figure.lead - 8), figure.lead) \
                    and CHANGE_VERB_AFTER.match(text, figure.end):
                # "较去年同期1.62%下降12BP": the level a year before, the change from it after
                figure.as_of = year_before(anchor.value)
            elif (shifted_last is not None and shifted_last.kind == figure.kind
                  and LIST_GAP.fullmatch(text[shifted_last.end:figure.lead].rstrip("-－−"))):
                figure.as_of = shifted_last.as_of  # "较一季度-1.7%和-1.2%": both the base's
                shifted_last = figure
        elif index == -1:  # no date in its paragraph: the results report spoken of before
            # (in the paragraph before, or anywhere before for results, but not for a plan)
            earlier = [r for r in (reports if figure.family == "commitment" else all_reports)
                       if r.end <= figure.start]
            figure.as_of = earlier[-1].value if earlier else None
            if figure.as_of and (shift := SHIFT_BEFORE.search(
                    text, max(0, figure.lead - 14), figure.lead)) and shift.lastgroup in (
                    "year", "restated"):  # (the report's period a year before: 去年同期为…)
                figure.as_of = shifted(figure.as_of, shift)
            if figure.as_of is None and figure.kind != "money" and id(figure) not in changed_from \
                    and (since := [
                    e for e in effective if e.end <= figure.start] or [
                    e for e in effective if today_day and e.value <= today_day][:1]):
                figure.as_of = since[-1].value
                # a rate set from a day named before ("自2022年9月15日起调整人民币存款挂牌利率。\n
                # 其中3年期定期存款利率均调整为2.60%"), else from the first one named after
                # ("…利率分别为1.25%、1.45%…\n六大国有银行将从今天(9月15日)起调整个人存款利率"),
                # if it is in force by the article's day (not one announced for later)
        own = OWN_DATE_BEFORE.search(text, max(0, figure.lead - 14), figure.lead)
        if own and not (figure.kind == "percent" and SHARE_OF_BEFORE.search(
                text, max(0, own.start() - 3), own.start())):  # (达2024年全年的95.7%: a share)
            # "从2019年末的9.9万亿元增长至2024年末的36.6万亿元": a date written right before a
            # figure with 的 is that figure's, whatever span or base it stands in
            month = own.group("om") or ("12" if own.group("opos") in ("末", "底") else None)
            figure.as_of = own.group("oy") + (f"-{int(month):02d}" if month else "")
            figure.in_span, figure.year_end = False, month == "12"
            figure.reached = bool(CHANGED_TO_BEFORE.search(text, max(0, own.start() - 8), own.start()))
        if figure.as_of and this_month and figure.as_of[:7] > this_month and (
                TARGET_BEFORE.search(text, figure.clause, figure.lead)
                or FORECAST_BEFORE.search(text, max(figure.clause, figure.lead - 24), figure.start)
                or (whole is not None and whole.as_of is None and whole.end <= figure.lead
                    and RANGE_GAP.fullmatch(text, whole.end, figure.lead))  # (9-13BP: its end)
                or (index >= 0 and (target := anchors[index]).value and TARGET_YEAR_BEFORE.search(
                    text, max(0, target.start - 4), target.start))):
            figure.as_of = None  # a target or a forecast due after the article was written
            # held at no date (力争…, "2026年将下降9-13BP", "到2025年，占比达到35%")
        elif figure.as_of and ((figure.kind == "money" and PLEDGE_BEFORE.search(
                text, figure.clause, figure.lead))
                or ahead(text, figure)
                or (FORESEEN_BEFORE.search(text, max(figure.clause, figure.lead - 24), figure.start)
                    and not PROPOSED.search(text, figure.clause, figure.lead)
                    and not period_over(figure.as_of, today))
                or RULE_LEVEL_BEFORE.search(text, max(0, figure.lead - 6), figure.start)
                or EXPECTATION_BEFORE.search(text, max(0, figure.lead - 6), figure.lead)
                or (figure.kind == "money" and PROJECT_SIZE_BEFORE.search(
                    text, max(0, figure.lead - 8), figure.lead))
                or TARGET_LEVEL_BEFORE.search(text, max(figure.clause, figure.lead - 16), figure.start)
                or RULE_LEVEL_AFTER.match(text, figure.end)
                or (figure.kind == "money" and text.startswith("的", figure.end)
                    and (bound := GROUP_BOUND_BEFORE.search(text, max(0, figure.lead - 8), figure.lead))
                    and (bound.group("below") or text.endswith(GROUP_BOUND_WRITTEN, 0, figure.end)))):
            figure.as_of = None  # a pledge, a figure of the years ahead, or a forecast: of
            # no period yet ("预计全年发行规模将达1.55万亿元", "预计2026年资产端收益率下降17bp"),
            # or a rule's threshold ("远超120%-150%的监管要求", "上限为40%", "不得低于5%"), or a
            # project's size
        if figure.as_of and not own and PAST_SPAN.search(text, figure.sentence[0], figure.lead) and not (
                index >= 0 and anchors[index].start >= figure.sentence[0]):
            figure.as_of = None  # a total or an average over the years up to now ("近五年来…年均
            # 增速保持在15%以上", "三年多来…累计放款近150亿元"): of no one date, unless its
            # sentence dates it ("截至2025年10月末，…近三年复合增长率达40%": to that date)
        if figure.as_of and len(figure.as_of) == 10 and id(figure) in changed_from:
            figure.as_of = None  # the rate a change on a day starts from is not that day's
            # ("由明日起，年利率由5.125%调低至5%": 5.125% is the rate before, a present tense)
        if figure.scope == "market" and today_day and (
                figure.as_of is None or len(figure.as_of) < 10) and (sessions := [
                    m.start() for m in SESSION_WORDS.finditer(text, figure.sentence[0], figure.lead)]) \
                and not (index >= 0 and anchors[index].start > sessions[-1]) \
                and not NOT_THE_SESSION.search(text, figure.sentence[0], figure.lead):
            # (not a figure a date after the session word dates: "今天(18日)…1—5月…成交额")
            figure.as_of = today_day  # a share's move in a session (股价下午一度急挫13.8%):
            # of the article's day, not of the results the article reports
        if (whole is not None and whole.kind == figure.kind and (
                (whole.sentence == figure.sentence and PART_OPENING.match(text, figure.clause))
                # (or a sentence that opens with 其中: "…1万亿元。其中，股、债合计不低于3000亿元")
                or (whole.sentence[1] <= figure.sentence[0]
                    and PART_OPENING.match(text, figure.sentence[0])))
                and bisect.bisect_left(anchor_ends, figure.start) == bisect.bisect_left(
                    anchor_ends, whole.end)):
            figure.as_of = whole.as_of  # a part is of its whole's time (a pledge's: none)
        if whole is not None and whole.kind == "money" and figure.kind == "percent" and (
                whole.family in FLOW_FAMILIES or whole.family == "new_loans") and (
                PART_WITHIN.match(text, whole.end, figure.lead)):
            figure.part_of_flow = True  # a share of the year's lending is of the year
        whole = figure
    for sentence, members in by_sentence.items():
        if len(members) > 1:  # (first: a run after a 分别 list's semicolon keeps the span's years)
            dates_over_span(text, sentence, members, anchors)
        if sentence in respective:
            dates_respectively(text, sentence, members, anchors)
    if any(f.year_end or f.period_end for f in figures):
        years_of_flows(text, figures)
    for figure in figures:  # a level in a year past stands at that year's end
        if figure.as_of and len(figure.as_of) == 4 and (
                today is None or int(figure.as_of) < today[0]) and not figure.in_span \
                and not figure.part_of_flow and (
                figure.family in STOCK_FAMILIES or (
                    figure.kind != "money" and measures_level(text, figure, start)) or (
                    figure.family == "other" and not PERIOD_RATIO.search(figure.metric)
                    and names_level(figure.metric, text[figure.clause:figure.lead]))):
            figure.as_of += "-12"
    for figure in figures:  # a share's move or price on a day its sentence names is that day's
        if figure.scope == "market" and figure.as_of and len(figure.as_of) < 10 and (
                day := last_day_before(text, figure.sentence[0], figure.lead)):
            figure.as_of = f"{figure.as_of[:4]}-{int(day.group(1)):02d}-{int(day.group(2)):02d}"
    # a date inside quotes names something ("“2023年全球银行1000强”"): no period to carry on
    # nor does the year of a forecast ("以今年的获利年成长12%来看，今年的现金股利可望超过2.5元")
    has_quotes = text.find("“", start, end) >= 0 or text.find("《", start, end) >= 0
    last = next((a for i, a in reversed(list(enumerate(anchors)))
                 if a.first != "" and i not in restating  # (no plan's horizon, no comparison's)
                 and not (has_quotes and quoted(text, start, a.start))
                 and not forecasts(text, a, end, today)), None)
    # a period (2024年, 截至6月末) goes on; a day is an event's, 目前 ends the period, and a
    # target's date (到2027年) is no period of what follows
    if last and TARGET_YEAR_BEFORE.search(text, max(0, last.start - 4), last.start):
        last = None
    return figures, (last if last and last.value and last.value.count("-") < 2 else None)


# A date that gives a figure's value at another time: 为 and a number after it ("去年底为53.3%",
# "2022年则为1336.69亿元", "2015年为港币274.94亿元"), a figure and a comma or an opening
# bracket before it (results releases: "减少41%，为港币162.12亿元(2015年为港币274.94亿元)")
RESTATED_AFTER = re.compile(r"\s*(?:则|同期|[^\d，。；,;:：()（）]{0,4}?(?=[^，。；,;]*[)）]))?\s*(?:为|是)"
                            r"\s*(?:每股)?\s*(?:港币|人民币|美元)?\s*[-−\d]")
FIGURE_AND_COMMA_BEFORE = re.compile(r"[\d%元亿万]\s*[，,；;(（]\s*$")


# A target's level ("股息派付比率目标为50%", "目标是实现约15%的回报率", "距离当年目标3500亿",
# "中长期目标希望35%左右", "今年目标将初步朝45%"): of no period yet; not a share of it reached
# ("已完成全年目标的60%") nor its rate of completion ("目标完成率105%")
TARGET_LEVEL_BEFORE = re.compile(r"(?:目标|希望)(?:(?!完成|达成|达标|进度)[^，。；,;的]){0,12}?"
                                 r"(?:实现|达到?)?\s*(?:约|近|超过?)?\s*$")


def period_over(value: str, today: tuple[int, int, int] | None) -> bool:
    """Whether the period `value` (YYYY, YYYY-MM or a day) ended before the article's month: what
    is "expected" of it is an estimate of results already in ("根据业绩预报，招商银行预计去年营收达到
    3312.3亿元", written in March), not a forecast."""
    if today is None or not value:
        return False
    return (int(value[:4]), int(value[5:7]) if len(value) >= 7 else 12) < today[:2]


def forecasts(text: str, anchor: DateAnchor, end: int, today: tuple[int, int, int] | None) -> bool:
    """Whether the anchor is the article's own year (or later) in a sentence that forecasts."""
    return (today is not None and anchor.year is not None and anchor.year >= today[0]
            and FORECAST_WORDS.search(text, anchor.end, sentence_end(text, anchor.end, end)) is not None)


def ahead(text: str, figure: Figure) -> bool:
    """Whether the figure is of the years ahead: its clause names them ("未来五年占比力争达到
    30%"), or the clause before frames it with them ("未来两到三年的战略布局中，94.52%的…")."""
    if FUTURE_HORIZON.search(text, figure.clause, figure.lead):
        return True
    if figure.clause <= figure.sentence[0]:
        return False
    before = clause_start(text, figure.sentence[0], figure.clause - 1)
    frame = text[before:figure.clause - 1]
    return frame.endswith(FRAME_ENDS) and FUTURE_HORIZON.search(frame) is not None


def release_period(text: str, today: tuple[int, int, int] | None) -> str | None:
    """The period of the release of statistics a piece opens on ("金管会统计显示，本国银行截至去年
    12月底…", "13日公布统计至2025年9月底"): the last date of the sentence that names the release (a
    day it came out comes before its period); None where the piece opens on none, or names no
    date with it."""
    found = STATISTICS_RELEASE.search(text, 0, RELEASE_REACH)
    if found is None:
        return None
    dates = [a for a in date_anchors(text, start_of_sentence(text, found.start()),
                                     sentence_end(text, found.end(), len(text)), today) if a.value]
    return dates[-1].value if dates else None


def statistic(text: str, figure: Figure) -> bool:
    """Whether a figure is a statistic of a period: a balance, a rate or ratio, a change
    measured from a base its sentence names (较年初, 比上年末, 同比), or a bank's growth, share or
    results ("例如杭州银行、齐鲁银行的增速最快，分别为17.3%、16.47%"); not a deal (a loan granted)."""
    return figure.family in STOCK_FAMILIES or figure.family == "rate" or (
        figure.family == "growth" and STATISTIC_BASE.search(text, figure.sentence[0], figure.lead)
        is not None) or (bool(figure.entity) and figure.family in BANK_STATISTICS)


def effective_days(plain: str, today: tuple[int, int, int] | None) -> list[DateAnchor]:
    """The days rates or rules take effect from ("自2022年9月15日起调整存款挂牌利率", 从1月21日开始,
    今天(9月15日)起, 由明日起, 由周五(31日)起) and the days rates were changed on ("9月1日，多家银行
    官网更新人民币存款挂牌利率"), not a change before the one reported (此前于6月8日…), in order."""
    patterns = ((EFFECTIVE_DAY,) if "日起" in plain or "日开始" in plain or ")起" in plain
                or "）起" in plain else ()) + ((RATE_CHANGE_DAY,) if "利率" in plain else ())
    days = [a for pattern in patterns for m in pattern.finditer(plain)
            if not EARLIER_CHANGE_BEFORE.search(plain, max(0, m.start() - 8), m.start())
            for a in date_anchors(plain, m.start(), m.end(), today)
            if a.value and a.value.count("-") == 2]
    day = days_from(today, 0)  # (today, tomorrow, a day of the month: an article's day)
    if day and (words := list(EFFECTIVE_WORD.finditer(plain))):
        days += [DateAnchor(m.start(), m.end(), (day + dt.timedelta(
                     days=m.group(1).startswith("明"))).isoformat(), today[0]) for m in words
                 # (the day in its brackets, where one is written: 今天(9月15日)起)
                 if not any(m.start() <= e.start < m.end() for e in days)]
    if day and "起" in plain:
        days += [DateAnchor(m.start(), m.end(), following, today[0])
                 for m in WEEKDAY_EFFECTIVE.finditer(plain)
                 if (following := next_day_of_month(day, int(m.group(1))))]
    return sorted(days, key=operator.attrgetter("start"))


def period_before(today: tuple[int, int, int] | None, quarter: bool) -> str | None:
    """The month (YYYY-MM) that ends the quarter before the article's, or the month before it;
    None where the article's date gives no month."""
    if not today or not today[1]:
        return None
    month = (today[1] - 1) // 3 * 3 + 1 if quarter else today[1]  # (the quarter's first month)
    return month_before(f"{today[0]:04d}-{month:02d}")


def days_from(today: tuple[int, int, int] | None, offset: int) -> dt.date | None:
    """The day `offset` days after an article's, None where its date gives no day (none, or a
    month without its day)."""
    try:
        return dt.date(*today) + dt.timedelta(days=offset) if today else None
    except (TypeError, ValueError):
        return None


def next_day_of_month(start: dt.date, number: int) -> str | None:
    """The first date on or after `start` that falls on the `number`th of a month."""
    for months in range(3):
        year, month = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1
        try:
            candidate = dt.date(year, month, number)
        except ValueError:
            continue
        if candidate >= start:
            return candidate.isoformat()
    return None


SHARE_GAP_REACH = 16
SHARE_GAP_BREAK = re.compile(r"[。；;！？\n\d]")


def share_of_amount_before(text: str, figure: Figure, whole: Figure | None) -> bool:
    """Whether `figure` is the share of the amount written just before it ("余额合计1276.54亿元，
    占比32.47%", "12602亿元，占全部绿色贷款的41.6%"): it is of that amount's date."""
    if whole is None or figure.family != "share" or whole.kind != "money" or whole.as_of is None:
        return False
    gap = text[whole.end:figure.lead]
    return len(gap) <= SHARE_GAP_REACH and "占" in gap and not SHARE_GAP_BREAK.search(gap)


FULL_DAY = re.compile(r"((?:19|20)\d{2})(?:-|\s*年\s*)(\d{1,2})(?:-|\s*月\s*)(\d{1,2})日?")
DAY_BEFORE_REPORT_REACH = 24


def period_ended_day(text: str, position: int) -> str | None:
    """The last day (YYYY-MM-DD) of the latest period written with it before `position`
    ("截至2024年6月30日止六个月", its 截至 left out where a title took it: PERIOD_ENDED_AFTER),
    where a day that is the last of its month ends it."""
    day = None
    for match in FULL_DAY.finditer(text, 0, position):
        if PERIOD_ENDED_AFTER.match(text, match.end()):
            year, month, number = (int(g) for g in match.groups())
            written = f"{year:04d}-{month:02d}-{number:02d}"
            if 1 <= month <= 12 and last_day_of(written, written[:7]):
                day = written
    return day


def to_the_day(text: str, reports: list[DateAnchor]) -> list[DateAnchor]:
    """Reports named right after their period's last day, with no number between
    ("截止日期2024-06-30\n信息来源2024年中期报告"): of that day, as precisely as it was written."""
    refined = []
    for report in reports:
        floor = max(0, report.start - DAY_BEFORE_REPORT_REACH)
        days = list(FULL_DAY.finditer(text, floor, report.start))
        if days and report.value and not any(c.isdigit() for c in text[days[-1].end():report.start]) \
                and not PERIOD_ENDED_AFTER.match(text, days[-1].end()):  # (截至6月30日止中期业绩:
            # the half year the day ends, as date_anchors reads it)
            year, month, day = (int(g) for g in days[-1].groups())
            written = f"{year:04d}-{month:02d}-{day:02d}"
            if last_day_of(written, report.value):
                report = report._replace(value=written)
        refined.append(report)
    return refined


def last_day_of(day: str, period: str) -> bool:
    """Whether `day` (YYYY-MM-DD) is the last day of `period` (YYYY or YYYY-MM)."""
    month = period if len(period) == 7 else f"{period}-12" if len(period) == 4 else None
    if month is None or len(day) != 10 or not day.startswith(month):
        return False
    year, number = int(month[:4]), int(month[5:])
    return int(day[8:]) == calendar.monthrange(year, number)[1]


# a rate reset to another: "由1.65%调整为1.55%" (as 调整至)
RESET_TO_AFTER = re.compile(r"\s*(?:调整|下调|上调|调低|调高|调降|调升|降|升)为")


def rates_changed_from(text: str, figures: list[Figure]) -> set[int]:
    """The ids of the rates a change starts from: one after 由 or 从 that a change to a level
    follows, or a list of them ("均由1.65%、2.05%、2.45%调整为1.55%、1.85%、2.2%")."""
    found: set[int] = set()
    run: list[Figure] = []
    for figure in figures:
        if figure.kind != "percent":
            run = []
            continue
        if run and figure.sentence == run[-1].sentence and LIST_GAP.fullmatch(
                text, run[-1].end, figure.lead):
            run.append(figure)
        else:
            run = [figure] if FROM_RATE_BEFORE.search(
                text, max(0, figure.lead - 7), figure.lead) else []
        if run and (CHANGE_TO_AFTER.match(text, figure.end) or RESET_TO_AFTER.match(text, figure.end)):
            found.update(id(member) for member in run)
            run = []
    return found


def date_of(today: tuple[int, int, int] | None) -> str | None:
    """An article's date as written in as_of (2025-03-28; 2025-03 for a month without its
    day), None for none."""
    if today and today[2] == 0:
        return f"{today[0]:04d}-{today[1]:02d}"
    try:
        return dt.date(*today).isoformat() if today else None
    except (TypeError, ValueError):
        return None


def aside_before(text: str, anchor: DateAnchor, position: int) -> bool:
    """Whether the date `anchor` stands in brackets that close before `position`."""
    if anchor.end >= position or anchor.start < 1:
        return False
    opening = max(text.rfind("(", max(0, anchor.start - 30), anchor.start),
                  text.rfind("（", max(0, anchor.start - 30), anchor.start))
    if opening < 0 or CLOSING_BRACKET.search(text, opening, anchor.start):
        return False
    return CLOSING_BRACKET.search(text, anchor.end, position) is not None


def report_end(report: DateAnchor) -> tuple[str, str]:
    """When a report's period ends: 2022-06 before 2022 (the whole year), 2022 before 2023-03."""
    return report.value[:4], report.value[5:7] or "12"


# An amount of no family of its own that is a balance (存款规模, 负债总额), not its change
MONEY_LEVEL = re.compile(r"余额|存量|负债|存款|AUM")
MONEY_CHANGE = re.compile(r"新增|增加|增长|增量|减少|下降|吸收(?!存款余额)|流失")  # (吸收存款余额: a balance)


def names_level(metric: str, before: str) -> bool:
    """Whether an amount's measure, in no family of its own, is a balance (存款规模, 负债总额),
    with no change named before it in its clause (`before`: 新增存款)."""
    return (MONEY_LEVEL.search(metric) is not None and MONEY_CHANGE.search(metric) is None
            and MONEY_CHANGE.search(before) is None)


def measures_level(text: str, figure: Figure, paragraph_start: int) -> bool:
    """Whether a percentage or a change in points measures a level at a point in time
    ("不良贷款率较上年末下降0.09个百分点至1.43%", "总资产…，同比增长8.7%"), not a rate over a
    period ("营业收入同比增长7%", "净息差2.1%"): by the last measure named before it in its
    sentence, or else in its paragraph ("…贷款平均增速为9.63%。其中，甲银行增速最高(18.72%)")."""
    after = MEASURE_AFTER.match(text, figure.end)
    if after:
        return after.lastgroup == "level"
    for floor in (figure.sentence[0], paragraph_start):
        named = [m.lastgroup for m in MEASURE_NAMED.finditer(text, floor, figure.lead)]
        if named:
            return named[-1] == "level"
    return False


def dates_respectively(text: str, sentence: tuple[int, int], figures: list[Figure],
                       anchors: list[DateAnchor]) -> None:
    """"2022年和2023年分别出现-6.00%和-3.57%的下降": the k-th figure of each kind after 分别
    has the k-th date of the list before it, when there are as many figures as dates."""
    s, e = sentence
    ats = [m.start() for m in RESPECTIVELY_AT.finditer(text, s, e)]
    # a span of years named in a sentence before, the last date of the paragraph so far
    # ("2020年至2024年，利息净收入增速分别为…。生息资产增速分别为a、b、c、d和e"): each year in turn
    spanned = [a for a in anchors if a.end <= s and a.value and not a.inherited][-1:]
    for i, at in enumerate(ats):
        dated = [a for a in anchors if s <= a.start and a.end <= at and a.value]
        if not dated and spanned and spanned[0].first:
            dated = spanned
        listed = dated[-1:]
        for left in reversed(dated[:-1]):  # the list that ends with the last date before 分别
            if LIST_GAP.fullmatch(text, left.end, listed[0].start) is None:
                break
            listed.insert(0, left)
        span = listed[0].first if len(listed) == 1 and listed[0].first else None
        by_quarter = quarters_in_turn(text, s, at, dated[-1] if dated else None)
        if len(listed) < 2 and not span and not by_quarter:
            continue
        # up to the next 分别 ("…分别为a、b和c，一级资本充足率分别为d、e和f"), a semicolon or
        # a date of its own ("…分别为d、e和f，截至2021年3月31日的三个月，营收为g")
        stop = LIST_END.search(text, at, ats[i + 1] if i + 1 < len(ats) else e)
        ceiling = stop.start() if stop else ats[i + 1] if i + 1 < len(ats) else e
        ceiling = next((a.start for a in anchors if at < a.start < ceiling and a.value), ceiling)
        if by_quarter:  # "2025年各个季度…分别为a、b和c": each quarter's end in turn
            year, last, _ = by_quarter
            if year is None:  # (年内各季度: the year its figures are of)
                year = next((f.as_of[:4] for f in figures if at < f.start < ceiling and f.as_of), None)
            values = [f"{year}-{month:02d}" for month in range(3, last + 1, 3)] if year else []
        elif span and span[:4] == listed[0].value[:4] and len(span) == 7 == len(listed[0].value):
            # "2020年一季度至四季度…依次为a、b、c、d": each quarter of the span in turn
            first, last = int(span[5:]), int(listed[0].value[5:])
            values = [f"{span[:4]}-{month:02d}" for month in range(first, last + 1, 3)] \
                if first % 3 == 0 and last % 3 == 0 and first < last else []
        elif span:  # "2020年-2024年，营收增速分别为a、b、c、d和e": each year of the span in turn
            first, last = int(span[:4]), int(listed[0].value[:4])
            # "2020年末至2024年末 … 分别为a、…": each year's end
            end = listed[0].value[4:] if listed[0].value[4:] == span[4:] else ""
            values = [f"{year:04d}{end}" for year in range(first, last + 1)] \
                if 0 < last - first < 30 else []
        else:  # "2022年、2023年、2024年末": the end of the last year is the end of each
            values = [a.value + "-12" if listed[-1].year_end and len(a.value) == 4 else a.value
                      for a in listed]
        for kind in KINDS:
            after = [f for f in figures if f.kind == kind and at < f.start < ceiling]
            dates = values
            if by_quarter and after:  # the list right after 分别, one figure a quarter
                after = list_runs(text, after)[0]
            if by_quarter and not by_quarter[2] and 1 < len(after) < len(values):
                dates = values[:len(after)]  # 2025年各季度: the quarters reported so far
            if not dates or not after or len(after) % len(dates):
                continue
            # one list, or several each as long ("依次获得授信a、b、c，发放贷款d、e、f")
            runs = [after] if len(after) == len(dates) else list_runs(text, after)
            if all(len(run) == len(dates) for run in runs):
                for figure, value in ((f, v) for run in runs
                                      for f, v in zip(run, dates, strict=True)):
                    figure.as_of = value
                    figure.in_span = False  # one year's figure, no total over the span


# Figures told quarter by quarter: 各季度, 各个季度, 分季度, 单季度, 逐季, 每个季度 (then
# before 分别 no list of names, no period of their own)
BY_QUARTER = re.compile(r"各个?季度?|分季度?|单季度?|逐季|每个?季度")
NAMES_OR_PERIOD = re.compile(r"[、和及与]|全年|半年|前三季")


def quarters_in_turn(text: str, start: int, at: int,
                     dated: DateAnchor | None) -> tuple[str | None, int, bool] | None:
    """Whether the list after 分别 (at `at`) runs quarter by quarter: a word saying so after
    the last date before it (`dated`; "2025年各个季度…分别为") or the first quarters of a year
    right before it ("利息净收入前三季度分别为"). Then (the year, when a date names it; the month
    the last quarter ends; whether the list must run to it), else None."""
    if dated is not None and len(dated.value) == 7 and not text[dated.end:at].strip() \
            and text[dated.start:dated.end].lstrip("0123456789年 ").startswith(("前", "首")):
        return dated.value[:4], int(dated.value[5:]), True  # 前三季度分别: each of its quarters
    told = BY_QUARTER.search(text, dated.end if dated is not None else start, at)
    if told is None or NAMES_OR_PERIOD.search(
            text, told.end(), RESPECTIVELY_AT.search(text, told.end(), at + 2).start()):
        return None  # (各季度均保持增长，全年营收和净利润分别为…: a list of names, a period)
    if dated is None:
        return None, 12, False
    if len(dated.value) == 7:
        return dated.value[:4], int(dated.value[5:]), True
    return dated.value[:4], 12, False


def dates_over_span(text: str, sentence: tuple[int, int], figures: list[Figure],
                    anchors: list[DateAnchor]) -> None:
    """"2021年至2024年，营收53.16亿、58.95亿、56.03亿、57.59亿，对应增速…": a list after a span of
    years with one figure for each year (no 分别 written) has the years in turn."""
    s, e = sentence
    for anchor in anchors:
        if not (s <= anchor.start < e and anchor.value and anchor.first
                and len(anchor.first) in (4, 7) and anchor.first[4:] == anchor.value[4:]):
            continue
        first, last = int(anchor.first[:4]), int(anchor.value[:4])
        if not 0 < last - first < 12:
            continue
        # up to the next date of the sentence (another period's figures)
        ceiling = next((a.start for a in anchors if anchor.end <= a.start < e and a.value), e)
        values = [f"{year:04d}{anchor.value[4:]}" for year in range(first, last + 1)]
        for kind in KINDS:
            after = [f for f in figures if f.kind == kind and anchor.end <= f.start < ceiling]
            for run in list_runs(text, after):
                if len(run) == len(values):
                    for figure, value in zip(run, values, strict=True):
                        figure.as_of, figure.in_span = value, False


OWN_DATE_BEFORE = re.compile(r"(?<!\d)(?P<oy>(?:19|20)\d{2}) ?年度?(?:(?P<om>1[0-2]|0?[1-9]) ?月)?"
                             r"(?P<opos>末|底)?(?:全年)?[的之]\s*$")  # (之: 2014年底之11.4%)
CHANGE_BASE_AFTER = re.compile(r"(?P<year>同比|(?:较|比)(?:去年|上年)同期)"
                               r"|(?P<end>(?:较|比|与)(?:上年年?末|去年年?末|上年年?底|去年年?底|年初))")


def base_of_change(text: str, figure: Figure, value: str) -> str | None:
    """The date of the level a change starts from ("从2.26%下降至1.92%，同比下降34个基点": the
    same period a year before; "…，较上年末上升": the end of the year before), when the rest
    of its sentence names the base; else None."""
    base = CHANGE_BASE_AFTER.search(text, figure.end, figure.sentence[1])
    if base is None:
        return None
    return year_before(value) if base.lastgroup == "year" else f"{int(value[:4]) - 1:04d}-12"


def shifted(value: str, shift: re.Match) -> str:
    """The date a figure written after SHIFT_BEFORE has, `value` being its sentence's."""
    year = int(value[:4])
    if shift.group("at"):
        month = shift.group("am") or {"末": "12", "底": "12", "初": "01"}.get(shift.group("apos"))
        return shift.group("ay") + (f"-{int(month):02d}" if month else "")
    if shift.lastgroup == "named_month":
        month = int(shift.group("nmm"))
        later = bool(shift.group("nmy")) or (len(value) >= 7 and month > int(value[5:7]))
        return f"{year - later:04d}-{month:02d}"
    if shift.lastgroup in ("same", "restated"):  # 较2024年同期的1.89%, 2020年同期为…: this
        # period of that year
        return (shift.group("sy") or shift.group("ry")) + value[4:]
    if shift.lastgroup in ("year", "beside"):  # 去年同期为: the same period a year before
        return year_before(value)
    if shift.lastgroup == "month":  # 上月的: the month before
        return month_before(value) if len(value) >= 7 else value
    # 较上年末的 / 比年初的 / 较上半年的: a level at the date the change is measured from
    if last_quarter := shift.group("last_quarter"):  # 较去年第4季的: that quarter's end, a year before
        return f"{year - 1:04d}-{3 * quarter_named(last_quarter[2:]):02d}"  # (after 去年, 上年)
    base = shift.group("base") or shift.group("bare_base") or shift.group("quarter")
    if base == "年初":  # 从年初的26.67亿元: the balance the year opened with, its eve's
        return f"{year - 1:04d}-12"
    if "季" in base:  # 较一季度的: the end of that quarter of the year
        return f"{year:04d}-{3 * quarter_named(base):02d}"
    if base in ("去年", "上年", "去年全年", "上年全年"):  # (超越去年全年的9.61亿元)
        return f"{year - 1:04d}"
    if base == "一年前":
        return year_before(value)
    return f"{year:04d}-06" if base == "上半年" else f"{year - 1:04d}-12"


def quarter_named(word: str) -> int:
    """The number of the quarter a word names: 第4季 4, 一季度 1, 首季 1."""
    first = word.lstrip("第")[0]
    return int(first) if first.isdigit() else "一二三四".find(first) + 1 or 1  # (首: the first)


def year_before(value: str) -> str:
    """The same period a year before: 2025-06 -> 2024-06, 2025 -> 2024."""
    return f"{int(value[:4]) - 1:04d}{value[4:]}"


def month_before(value: str) -> str:
    year, month = int(value[:4]), int(value[5:7])
    year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year:04d}-{month:02d}"


MONTH_CHANGE = re.compile(r"月增|月减|单月|当月|环比|较上月|比上月")


AVERAGE_RATE_BEFORE = re.compile(r"平均利率")  # (累放贷款平均利率4.52%: over the year's lending)


def years_of_flows(text: str, figures: list[Figure]) -> None:
    """Revenue and profit dated by a year's end ("截至2024年末…营业收入666.31亿元") are the year's
    (2024), and so is the change written after them or named with them (同比增长8.19%), a
    money change of a balance over the year (较年初增加1万亿元), a ratio over the year (净息差,
    ROA: PERIOD_RATIO) and a flow of the whole year (全年)."""
    previous: Figure | None = None
    previous_flow = False
    for figure in figures:
        same_sentence = previous is not None and previous.sentence == figure.sentence
        flow = figure.family in FLOW_FAMILIES or (
            figure.kind == "percent" and (PERIOD_RATIO.search(figure.metric) is not None or (
                AVERAGE_RATE_BEFORE.search(text, figure.clause, figure.start) is not None))) or (
            figure.kind == "money" and (EXPENSE_WORDS.search(figure.metric) is not None or (
                figure.family == "other" and PERIOD_ACCOUNT.search(figure.metric) is not None
                and MONEY_LEVEL.search(figure.metric) is None and "累积" not in figure.metric))) or (
            figure.family not in STOCK_FAMILIES
            and WHOLE_YEAR.search(text, figure.clause, figure.start))
        if figure.kind == "money" and DIVIDEND_WORDS.search(figure.metric):
            flow = True  # a dividend is paid out of the year's profit: the year's
        elif figure.family == "growth" and figure.kind == "money":
            # 较年初增加1万亿元: a money change over the year is the year's flow; a month's
            # change (月增, 单月, 环比) is the month's
            flow = not (MONTH_CHANGE.search(text, figure.clause, figure.start) or (
                figure.reached and not FLOW_WORDS.search(text, figure.clause, figure.lead)))
            # (nor the level a balance reached: "余额…增长至2024年末的36.6万亿元")
        elif figure.family == "growth":
            words_from = previous.end if same_sentence else figure.sentence[0]
            flow = bool(FLOW_WORDS.search(figure.metric) or EXPENSE_WORDS.search(figure.metric)
                        or (same_sentence and previous_flow)
                        or FLOW_WORDS.search(text, words_from, figure.start))
        if flow and figure.year_end and figure.as_of and len(figure.as_of) == 7:
            figure.as_of = figure.as_of[:4]
        elif flow and figure.period_end and figure.as_of and len(figure.as_of) == 10 and (
                figure.kind == "money" or PERIOD_RATIO.search(figure.metric)):
            figure.as_of = figure.as_of[:7]  # a flow over the period to its last day: the period's
            # (报告期末，…较上年末增加121.69億元 of 截至6月30日止六个月: 2024-06; not the growth
            # rate of the balance, 增幅3.9%, which stands at the day)
        previous, previous_flow = figure, flow


def quoted(text: str, start: int, at: int) -> bool:
    """Whether text[at] stands inside “…” or 《…》 opened after `start`."""
    return (text.count("“", start, at) > text.count("”", start, at)
            or text.count("《", start, at) > text.count("》", start, at))


def bank_of_paragraph_before(text: str, start: int,
                             scanned: dict[tuple[int, int], list[Mention]] | None = None
                             ) -> Mention | None:
    """The one lending bank the paragraph before text[start] names (its last mention), if it
    names one bank only (not a group, the central bank or a speaker's employer). `scanned`:
    bank mentions already found in paragraphs, by (start, end), offsets in `text`."""
    end = start - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end <= 0:
        return None
    begin = text.rfind("\n", 0, end) + 1
    known = scanned.get((begin, end)) if scanned else None  # the same text, read already
    if known is None:
        known = [Mention(begin + m.start, begin + m.end, m.surface, m.banks)
                 for m in find_banks(text[begin:end])]
    mentions = [m for m in known if not SPEAKER_AFTER.match(text, m.end)]
    if not mentions or len({m.banks for m in mentions}) > 1:
        return None
    last = mentions[-1]
    if len(last.banks) > 1 or central_bank(last.banks[0]):
        return None
    return last


# The years up to now, as a span ("近五年来", "过去三年", "三年多来")
PAST_SPAN = re.compile(r"(?:近|过去|最近)[一二两三四五六七八九十\d]{1,2}年(?:来|以来|间|中)?"
                       r"|(?<![\d年])[一二两三四五六七八九十]{1,2}年多?(?:来|以来)"
                       r"|近(?:几|些)?年(?:来|以来)|多年(?:来|以来)")  # (近年来: recent years)
# A trading session named in a sentence about a share's price
SESSION_WORDS = re.compile(r"上午|下午|午后|盘中|早盘|尾盘|收盘|开盘|一度|今日|今天|日内")
# ... but not a price target, nor the session before (前收盘价, 昨收)
NOT_THE_SESSION = re.compile(r"目标|预测|预计|评级|前收|昨收")


MONTH_DAY = re.compile(r"(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])\s*[日号](?!\s*[电讯])")
# (a bare year or a report's period after that day dates nothing else: "7月30日公布2025年第2季业绩后")
BARE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
REPORT_AFTER = re.compile(r"\s*(?:业绩|财报|年报|中报|季报|报告)")


def last_day_before(text: str, start: int, end: int) -> re.Match | None:
    """The last day written with its month in text[start:end] with no other date after it
    ("7月30日中午公布业绩后，…收跌3.82%"; not a wire's dateline: 财联社6月18日讯)."""
    days = list(MONTH_DAY.finditer(text, start, end))
    if not days:
        return None
    found = days[-1]
    for other in DATE.finditer(text, found.end(), end):  # (a year, or a report's period, aside)
        if not (BARE_YEAR.fullmatch(other.group()) or REPORT_AFTER.match(text, other.end())):
            return None
    return found


def mark_market(text: str, figures: list[Figure]) -> None:
    """Figures of a clause about the stock market (南向资金净卖出, 股价涨幅): scope market, no
    lender; the bank named there is a listed share, not a lender."""
    s, e = figures[0].sentence
    market = MARKET.search(text, s, e)
    if not market:
        return
    for figure in figures:
        clause = figure.clause
        if MARKET.search(text, clause, clause_end(text, figure.end, e)) \
                or (figure.kind == "percent" and MOVE_BEFORE.search(text, max(s, figure.lead - 3),
                                                                    figure.lead)) \
                or (figure.start > market.end() and SHARE_PRICE.match(market.group())
                    and not MEASURE_NAMED.search(text, clause, figure.lead)):
            # "…收盘，宁波银行涨2.1%": a share's move in a sentence about the market; "股价
            # 午后抽升，最新报13.18元，升4.1%": the clauses after a share price that name no
            # measure of the bank's business go on about the price
            figure.entity, figure.scope = None, "market"


GOES_ON = re.compile(r"\s*(?:其中|其次|具体来看|具体而言|分行来看|分银行看)")  # a sentence going on
GOES_ON_REACH = 60  # how far back the sentence it goes on from is read


def infer_money_units(text: str, figures: list[Figure]) -> None:
    """Money without a currency (figures of one sentence): CNY, or the currency of the
    sentence's other money; unit left empty (dropped) where the sentence does not speak of
    money."""
    for figure in figures:
        if figure.kind != "money" or figure.unit:
            continue
        s, e = figure.sentence
        context = text[s:min(e, figure.end + 10)]
        clause = text[figure.clause:figure.end + 6]
        if not MONEY_CONTEXT.search(context) and GOES_ON.match(text, s):
            # "…总资产规模合计为7.08万亿。其中，江苏银行达到3.86万亿": the sentence before says
            context = text[max(0, text.rfind("\n", 0, s) + 1, s - GOES_ON_REACH):s] + context
        if NOT_MONEY_CONTEXT.search(clause) or not MONEY_CONTEXT.search(context):
            continue
        others = [f.unit for f in figures if f.kind == "money" and f.unit and not f.unit_inferred
                  and f.start < figure.start]
        if others:
            figure.unit = others[-1]
        else:  # 港股, 南向资金: amounts of the Hong Kong market are in Hong Kong dollars
            figure.unit = "HKD" if HKD_CONTEXT.search(text, s, e) else "CNY"


def sentence_end(text: str, position: int, ceiling: int) -> int:
    """Where the sentence that holds `position` ends (at the latest, `ceiling`)."""
    found = SENTENCE_BREAK.search(text, position, ceiling)
    return found.end() if found else ceiling


def start_of_sentence(text: str, position: int) -> int:
    """Where the sentence that holds `position` starts (a search back, not a match from the
    text's start: it is asked for every 发行 of a long page). (sentence_start names the
    sentence starts of paragraph_figures and set_owner.)"""
    return max(text.rfind(mark, 0, position) for mark in SENTENCE_BREAK_CHARS) + 1


def clause_start(text: str, floor: int, position: int) -> int:
    last = UP_TO_LAST_CLAUSE_STOP.match(text, floor, position)  # one greedy match, no loop
    return last.end() if last else floor


def clause_end(text: str, position: int, ceiling: int) -> int:
    match = CLAUSE_STOP.search(text, position, ceiling)
    return match.start() if match else ceiling


def attribute(text: str, sentence: tuple[int, int], figures: list[Figure],
              inside: list[Mention], earlier: list[Mention], respectively: bool) -> Mention | None:
    """The bank of each figure of one sentence; `inside` are the sentence's bank mentions,
    `earlier` those of the paragraph before it (speakers' employers left out of both);
    `respectively`: whether the sentence says 分别 or 依次 (says_respectively).
    Returns the bank the sentence's last figure was given, if one bank was."""
    s, _ = sentence
    last: Mention | None = None
    distributed = distribute(text, sentence, figures, inside, earlier) if respectively else set()
    compared = compared_mentions(text, inside, s)
    if not distributed and len(inside) > 1 and len(figures) > 1:
        distributed = pair_lists(text, figures, [m for m in inside if m not in compared])
    ratios = [m for m in inside if RATIO_BEFORE.search(text, max(s, m.start - 4), m.start)
              and OWN_AFTER.match(text, m.end)]
    # whether the sentence states a rule at all (不得低于): once, not a clause for each figure
    has_rule = RULE_BEFORE.search(text, s, figures[-1].start) is not None
    average: Figure | None = None  # the sector's average written last (行业平均水平0.79%)
    for figure in figures:
        if figure.kind != "pp" and (AVERAGE_BEFORE.search(
                text, max(figure.clause, figure.lead - 12), figure.lead) or (
                average is not None and LIST_GAP.fullmatch(text, average.end, figure.lead))):
            figure.scope, figure.entity, average = "sector", None, figure  # (…、0.76%: its list)
            continue
        if id(figure) in distributed:
            continue
        before = [m for m in inside if m.end <= figure.start and not (
            m in compared and not (OWN_AFTER.match(text, m.end) or owns_next(text, m, figure))
        ) and not (
            m in ratios and figure.kind == "percent"
        ) and not left_out(text, m, s)]  # (除汇丰银行外，境外银行…: the rest's, not its)
        if len(before) > 1 and (picks := LATTER_OR_FORMER.findall(text, before[-1].end,
                                                                   figure.start)):
            # "A和B实现规模扩张，后者以17.54%的增幅…": one of the two, not both
            before = [before[-1] if picks[-1] == "后者" else before[-2]]
        owner = before[-1] if before else None
        if owner is None and compared and compared[0].end <= figure.start:
            # "从落后B银行a，到反超b，A银行实现了…": the subject named after the gaps
            after = [m for m in inside if m.start >= figure.end and m not in compared]
            owner = after[0] if after else None
        listed = False
        # a subject of the figure's own clause, after the bank's ("南京银行…；11家上市城商行…")
        # (clause_start(text, owner.end, figure.start): the owner is named in the sentence)
        cut = max(owner.end, figure.clause) if owner is not None else 0
        if owner is not None and cut > owner.end and own_subject(NEW_SUBJECT, text, cut,
                                                                  figure.start):
            # "南京银行…；11家上市城商行累计发行科创债460亿元": banks as a whole
            figure.scope = "sector"
            continue
        saver = DEPOSITOR.search(text, max(owner.end if owner else 0, subject_floor(text, figure)),
                                 figure.start) is not None
        if saver:
            owner = None  # "民众若以新利率整存100万元，一年利息可达…": the saver's sums, no bank's
        group_company = owner is not None and turns_to_group(text, owner.end, figure.start)
        if group_company:
            owner = None  # "台北富邦銀行…，富邦人壽前三季稅後純益…", "…京城銀…，永豐金將以50%現金":
            # a clause that turns to the bank's group or a sister company is theirs, no bank's
        if owner is not None and (said := SAYS_AFTER.match(text, owner.end)) and own_subject(
                OTHER_SUBJECT, text, said.end(), figure.start):
            owner = None  # "彰银表示，美国本波升息以来，基准利率增加1.75个百分点": the bank
            # speaks of another subject
        aside = ASIDE_OPENING.match(text, owner.end) if owner is not None else None
        in_aside = aside is not None and figure.end <= aside.end()
        if in_aside:
            pass  # "招商银行(2514.20亿元)、兴业银行(1612.34亿元)": each its own, in its aside
        elif owner is not None and (len(bank_list(text, before)) if len(before) > 1
                                    else len(owner.banks)) > 1:
            listed = True  # "建行、工行、中行的科技贷款余额均超1万亿元": the banks together
        if owner is None and earlier and not saver and not group_company and (
                ANAPHORA.search(text, s, figure.start) or not (
                SECTOR.search(text, s, figure.start)
                or own_subject(OTHER_SUBJECT, text, subject_floor(text, figure), figure.start))):
            # 该行, 该笔, or a sentence with no subject of its own: news about a bank goes on
            # about it until another subject is named ("邮储银行营收…。资产总额突破17万亿元"),
            # not about a bank it was compared with ("…，一举超越B银行。营收增长…")
            others = compared_mentions(text, earlier, 0)
            subjects = [m for m in earlier if m not in others]
            if ANAPHORA.search(text, s, figure.start):
                # 该行 is a lender named before, not the central bank whose policy the
                # paragraph cites on the way ("…遵循人行监管政策…。该行制造业贷款…")
                subjects = [m for m in subjects if not central_bank(m.banks[0])] or subjects
            owner = subjects[-1] if subjects else earlier[-1]
            figure.inherited_owner = True
            # "工商银行、建设银行、交通银行均已更新挂牌利率。其中，…均下调25BP": the sentence
            # before named its banks as a list, which the figure belongs to together
            listed = len(subjects) > 1 and subjects[-2].banks != owner.banks and (bool(
                LIST_GAP.fullmatch(text, subjects[-2].end, owner.start))
                # or the sentence says both or all of them ("两家银行…。贷款增速均超过8%")
                or (BOTH_BEFORE.search(text, figure.clause, figure.lead) is not None
                    and "各" not in text[figure.clause:figure.lead]))  # (各期限利率均: terms)
            if turns_to_group(text, owner.end, figure.start):
                # a holding company the text turned to after its bank ("華南金上半年…。截至6月底，
                # 淨值達2152億元"): the figures after are the group's, no bank's
                owner, figure.inherited_owner, listed = None, False, False
        if owner is None and not earlier and (this := THIS_BANK.search(text, s, figure.start)):
            figure.this_bank = this.lastgroup  # the article's bank, or the last named: own_bank
        # "工行、建行等5家银行": the banks named are examples of a group
        listed = listed or (owner is not None and not in_aside
                            and text.find("等", owner.end, owner.end + ETC_REACH) >= 0
                            and ETC_AFTER.match(text, owner.end) is not None)
        # "该行联合17家金融机构…提供50亿元贷款", "银团贷款发放额6.48亿元": lenders together
        listed = listed or (owner is not None and JOINT_LENDERS.search(
            text, max(s, figure.lead - JOINT_REACH), figure.lead) is not None)
        if has_rule and figure.kind == "percent" and RULE_BEFORE.search(
                text, figure.clause, figure.start):
            owner, figure.rule_level = None, True  # "分别不得低于11.5%、9.5%": a rule's level
        elif text[figure.end:figure.end + 1] not in LEVEL_AFTER_FIRST:
            pass  # (the usual case: neither a rule's level nor an average follows)
        elif THRESHOLD_AFTER.match(text, figure.end):
            owner, figure.rule_level = None, True  # a rule's level: no one's
        elif GROUP_AFTER.match(text, figure.end):
            figure.scope = "sector"  # the bar of a group of banks
            continue
        elif AVERAGE_AFTER.match(text, figure.end) and SECTOR.search(
                text, max(s, figure.lead - 6), figure.lead):
            figure.scope = "sector"  # the sector's average the bank is compared with
            continue
        set_owner(figure, owner.banks if owner else None, text, s, group=listed)
        last = owner if figure.entity else None
    return last


def owns_next(text: str, mention: Mention, figure: Figure) -> bool:
    """A bank whose level is compared with owns the figure written right after its name
    ("显著高于北京银行12.53%的增速", "较北京银行1.31%高出", "高于招商银行(-0.51%)"); after a gap
    word, and as points or money, the figure is the gap, the subject's ("落后北京银行0.56万亿元",
    "低于B 0.3个百分点")."""
    return (figure.kind == "percent"  # a level; points or money after it are the gap
            and figure.lead - mention.end <= 3
            and not text[mention.end:figure.lead].strip(" 的(（+-－−")
            and LEVEL_COMPARED_BEFORE.search(text, max(0, mention.start - 10), mention.start)
            is not None)


LEVEL_COMPARED_BEFORE = re.compile(r"(?:高于|低于|不及|不如|较|比|相比|相较于?)[^，,。；;、]{0,6}$")


def own_subject(pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a subject of `pattern` that is not only what a figure is
    measured against ("高出全市平均水平3.06个百分点", "占全市同业的38.65%")."""
    position = start
    while m := pattern.search(text, position, end):
        if not MEASURED_AGAINST.search(text, max(start, m.start() - 6), m.start()):
            return True
        position = m.end()
    return False


def turns_to_group(text: str, after: int, position: int) -> bool:
    """Whether a clause between a bank's name (ending at `after`) and `position` turns to its
    group or a sister company (a holding, an insurer, a broker: "富邦人壽前三季稅後純益…",
    "華南金上半年…"): what follows is theirs, no bank's."""
    return HOLDING_SUBJECT.search(text, after, position) is not None


def subject_floor(text: str, figure: Figure) -> int:
    """Where the words that can be a figure's subject begin: its sentence, or the last of the
    sentence's clauses cut by a semicolon (each of which has its own subject)."""
    s = figure.sentence[0]
    cut = max(text.rfind("；", s, figure.start), text.rfind(";", s, figure.start))
    return cut + 1 if cut >= 0 else s


# A stake held ("持股35%", "持股比例9.72%", "持有46.72%的股权") after the words of a bank's
# shareholders or its ownership ("大股东为凯雷集团、持股35%", "就其股权结构而言，以高雄市政府
# 持有…"): the shareholder's, not the bank's, unless the bank is named after them as the holder
# ("股权结构上，浦发银行作为发起行，持股51%")
STAKE_BEFORE = re.compile(r"(?:持股|持有)(?:占比|比例|比重)?(?:合计|合共)?(?:约|达|为|超过|逾)?\s*$")
SHAREHOLDER_WORDS = re.compile(r"股东|股权结构|股本结构")


def shareholders_stake(text: str, sentence: tuple[int, int], figure: Figure) -> bool:
    """Whether the figure is a shareholder's stake in the bank (STAKE_BEFORE), no figure of it."""
    if figure.kind != "percent" or not STAKE_BEFORE.search(text, max(sentence[0], figure.lead - 8),
                                                           figure.lead):
        return False
    holders = [m.end() for m in SHAREHOLDER_WORDS.finditer(text, sentence[0], figure.lead)]
    return bool(holders) and not any(
        figure.entity in mention.banks for mention in find_banks(text[holders[-1]:figure.lead]))


def organisation_subject(text: str, figure: Figure) -> bool:
    """Whether a company that is no bank is named before the figure in its sentence, other
    than as an object (ORGANISATION): then the figure is no bank's by inheritance."""
    floor = position = subject_floor(text, figure)
    while match := ORGANISATION.search(text, position, figure.start):
        position = match.end()
        if not (match.group("lender") or match.group("firm") or match.group("holding")) \
                and figure.family in LOAN_FAMILIES:
            continue  # a borrower's loan: its lender's figure
        if OBJECT_BEFORE.search(text, clause_start(text, floor, match.start()), match.start()):
            continue
        if not match.group("holding") and find_banks(text[max(floor, match.start() - 6):match.end()]):
            continue  # a bank's subsidiary (工银金融租赁) or a bank's own name
        return True
    return False


def compared_mentions(text: str, mentions: list[Mention], floor: int) -> list[Mention]:
    """The mentions is_compared finds, and the rest of a list one of them opens
    ("仅次于工、农、中、建的第五大银行": all four are the ones compared with)."""
    found: list[Mention] = []
    for i, mention in enumerate(mentions):
        if is_compared(text, mention, floor) or (
                found and found[-1] is mentions[i - 1]
                and LIST_GAP.fullmatch(text, mentions[i - 1].end, mention.start)):
            found.append(mention)
    return found


def is_compared(text: str, mention: Mention, floor: int) -> bool:
    """Whether a bank is named as what the subject is compared with: right after a gap word
    (落后B银行, 不及B银行) or after 比/较 and a few words ("较排在第二位的建设银行",
    "比宁波银行少近10亿元")."""
    start = mention.start
    return bool(GAP_BEFORE.search(text, max(floor, start - 4), start)
                or COMPARED_WITH.search(text, max(floor, start - 9), start))


def set_owner(figure: Figure, banks: tuple[str, ...] | None, text: str, sentence_start: int,
              group: bool = False) -> None:
    if banks and (group or len(banks) > 1):
        figure.scope = "group"
    elif banks and central_bank(banks[0]):
        figure.scope = "central_bank"
    elif banks:
        figure.entity, figure.scope = banks[0], "bank"
    elif SECTOR.search(text, sentence_start, figure.start):
        figure.scope = "sector"
    else:
        figure.scope = "other"


@cache
def central_bank(name: str) -> bool:
    return is_central_bank(name)  # a lookup in the bank table, once per bank


def distribute(text: str, sentence: tuple[int, int], figures: list[Figure],
               mentions: list[Mention], earlier: list[Mention] = ()) -> set[int]:
    """工农中建 … 分别为a、b、c和d: the k-th figure of each kind after 分别 to the k-th bank.
    A sentence that names no list but points back to one (他们, 两家) takes the list of the
    sentence before ("A和B分列二三位。他们的贷款余额分别为a和b"), from `earlier`."""
    s, e = sentence
    if not says_respectively(text, s, e):
        return set()
    ats = [m.start() for m in RESPECTIVELY_AT.finditer(text, s, e)]
    done: set[int] = set()
    banks: list[str] = []
    floor = s
    # "A、B营收分别为a、b，增速分别为c%、d%": each 分别 takes the list named since the last
    # one, or the same list again when none was named in between.
    for i, at in enumerate(ats):
        ceiling = ats[i + 1] if i + 1 < len(ats) else e
        stop = LIST_END.search(text, at, ceiling)
        ceiling = stop.start() if stop else ceiling
        ceiling = min([ceiling] + [m.start for m in mentions if at < m.start < ceiling])
        listed = [m for m in mentions if floor <= m.start and m.end <= at
                  and not left_out(text, m, floor)  # (除南京银行外: no member)
                  and not is_compared(text, m, floor)]  # (招行、农行等紧随建行之后，分别…)
        floor = at
        if listed:
            banks = bank_list(text, listed)
            if len(banks) < 2 and len(listed) > 1:
                banks = bank_list(text, listed, paired=True)
        elif i == 0 and earlier and BACK_TO_LIST.search(text, s, at):
            # "除南京银行外，这三家银行…分别为": the list before, less the bank left out
            out = {m.banks for m in mentions if s <= m.start < at and left_out(text, m, s)}
            banks = [b for b in bank_list(text, earlier) if (b,) not in out]
        if len(banks) < 2:
            continue
        in_asides = {id(f) for f in figures for m in mentions if m.start > at
                     and (aside := ASIDE_OPENING.match(text, m.end)) and f.end <= aside.end()
                     and m.end < f.start}
        for kind in KINDS:
            after = [f for f in figures if f.kind == kind and at < f.start < ceiling
                     and id(f) not in in_asides]  # "分别为北京银行(699.17亿元)、…": its own
            # as many figures as banks: one each; so for each of the two lists of a change
            # ("分别从a、b、c降至d、e、f"); otherwise they belong to the list together
            runs = [after]
            if len(after) == 2 * len(banks) and "从" in text[at:after[0].start]:
                halves = list_runs(text, after)
                if len(halves) == 2 and all(len(half) == len(banks) for half in halves) \
                        and FROM_TO.search(text, halves[0][-1].end, halves[1][0].start):
                    runs = halves
            each = all(len(run) == len(banks) for run in runs)
            if not each and len(runs) == 1 and len(after) > len(banks):
                # "分别为a、b和c，合计d": the list is the first run; what follows it is not
                # one bank's and is attributed as any other figure (d: the banks together)
                first = list_runs(text, after)[0]
                if len(first) == len(banks):
                    runs, each = [first], True
            elif not each and after and len(after) < len(banks) and CUT_LIST.fullmatch(
                    text, after[-1].end):
                each = True  # an excerpt cut inside the list ("分别为a、b和8"): a, b are known
            for run in runs:
                for k, figure in enumerate(run):
                    set_owner(figure, (banks[k],) if each else tuple(banks), text, s)
                    done.add(id(figure))
    return done


# The end of a text cut in the middle of a list: a separator and at most a number's start.
CUT_LIST = re.compile(r"\s*[、，,和及与]\s*[0-9.]*\s*")
# Words that make the banks of a list own its figures together ("均超1万亿元", "合计…").
TOGETHER = re.compile(r"均|都|合计|共计|总计|共|各|等|累计|平均|整体|两家|三家|几家")


def pair_lists(text: str, figures: list[Figure], mentions: list[Mention]) -> set[int]:
    """"中信银行与浦发银行环比增长3.42%与1.94%", "农业银行、建设银行则以48.14万亿元、45.37万亿元
    位列第二、第三": a list of banks and after it, before the next bank named or the clause's
    end (；), without 分别, a list of as many figures of one kind: one to each bank, in order."""
    done: set[int] = set()
    for j, last in enumerate(mentions):
        following = mentions[j + 1] if j + 1 < len(mentions) else None
        if len(last.banks) > 1 or (following is not None and following.start - last.end <= 6):
            continue  # not the end of a list (a list's next name follows within a few characters)
        banks = bank_list(text, mentions[:j + 1])
        if len(banks) < 2 or len(banks) > j + 1:
            continue
        first = mentions[j + 1 - len(banks)]
        limit = following.start if following is not None else len(text)
        stop = LIST_END.search(text, last.end, limit)
        limit = stop.start() if stop else limit
        after = [f for f in figures if last.end <= f.start < limit]
        if len(after) < len(banks) or any(first.start < f.start < last.end for f in figures):
            continue  # too few figures, or figures inside the list
        for kind in KINDS:
            for run in list_runs(text, [f for f in after if f.kind == kind]):
                if len(run) == len(banks) and not TOGETHER.search(text, last.end, run[0].lead):
                    for bank, figure in zip(banks, run, strict=True):
                        set_owner(figure, (bank,), text, 0)
                        done.add(id(figure))
    return done


EXCEPT_BEFORE = re.compile(r"除了?$")  # 除南京银行外: a bank left out of what follows
EXCEPT_AFTER = re.compile(r"(?:之|以)?外")
def left_out(text: str, mention: Mention, floor: int) -> bool:
    """Whether a bank is named as left out of what follows (除南京银行外)."""
    return bool(EXCEPT_BEFORE.search(text, max(floor, mention.start - 2), mention.start)
                and EXCEPT_AFTER.match(text, mention.end))


BACK_TO_LIST = re.compile(r"他们|它们|两者|二者|三者|两家|三家|四家|上述|这些银行|两行|三行")
FROM_TO = re.compile(r"(?:降|增|升|提高|下降|上升|增长|回落|扩大|收窄)?(?:至|到)")


def list_runs(text: str, figures: list[Figure]) -> list[list[Figure]]:
    """Figures in text order, cut into the lists they form (a、b和c)."""
    runs: list[list[Figure]] = []
    for figure in figures:
        if runs and (LIST_GAP.fullmatch(text, runs[-1][-1].end, figure.start) or (
                text[figure.lead:figure.start] in CURRENCY_PREFIX  # "a、人民币b"
                and LIST_GAP.fullmatch(text, runs[-1][-1].end, figure.lead)) or (
                text[figure.start - 1] in MINUS  # "10.9%、-4.96%": its sign
                and LIST_GAP.fullmatch(text, runs[-1][-1].end, figure.start - 1))):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    return runs


BRANCH_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:分行|支行|分公司)")


# Between the banks of a list each with its figure ("建行21万亿、农行19.6万亿、中行18.1万亿元，
# 分别同比增长14.25%、10%、7.93%"): a few words, the figure, a separator.
PAIRED_GAP = re.compile(r"\s*[\u4e00-\u9fff]{0,3}?\s*[0-9][0-9.,]*\s*(?:%|[万亿千百]*(?:元|美元|港元)?)"
                        r"\s*[、，,和及与]\s*")


def bank_list(text: str, listed: list[Mention], paired: bool = False) -> list[str]:
    """The banks of the list that ends with the last of `listed` ("A、B和C", or a group).
    `paired`: the banks may each be followed by a figure of their own (PAIRED_GAP)."""
    banks = list(listed[-1].banks)
    for left, right in zip(reversed(listed[:-1]), reversed(listed[1:]), strict=True):
        if len(banks) > 1 and len(right.banks) > 1:
            break  # a group is a whole list
        gap = LIST_GAP
        gap_start = left.end
        if aside := ASIDE_OPENING.match(text, gap_start, right.start):
            gap, gap_start = LIST_WORD_GAP, aside.end()  # "A(x)、B(y)", not "A(x)，B以…"
        elif branch := BRANCH_AFTER.match(text, gap_start, right.start):
            gap, gap_start = LIST_WORD_GAP, branch.end()  # "A陕西省分行与B陕西省分行"
        # names run together or apart by spaces ("为贵阳银行兰州银行郑州银行") are a list too
        if (gap_start < right.start and gap.fullmatch(text, gap_start, right.start) is None
                and not text[gap_start:right.start].isspace()
                and not (paired and PAIRED_GAP.fullmatch(text, gap_start, right.start))) \
                or len(left.banks) > 1 or left.banks == right.banks \
                or "\n" in text[left.end:right.start]:
            break  # (a name twice, or on two lines: a heading and its text, is no list)
        banks.insert(0, left.banks[0])
    return banks


def describe(text: str, sentence: tuple[int, int], figures: list[Figure],
             mentions: list[Mention], anchors: list[DateAnchor]) -> None:
    """`metric` of each figure of one sentence (`mentions`, `anchors`: those in the sentence)."""
    s, _ = sentence
    blocks = sorted([(m.start, m.end) for m in mentions] + [(a.start, a.end) for a in anchors]
                    + [(f.lead, f.end) for f in figures])
    # (metric_of reads only the measure words that end before a figure: none after the last)
    heads = []
    position = s
    while head := HEAD.search(text, position, figures[-1].start):
        heads.append(head.span())
        position = head.end()
    for i, figure in enumerate(figures):
        if (i + 1 < len(figures) and figures[i + 1].kind == figure.kind
                and may_be_gap(text, figure.end) and a_range(text, figure, figures[i + 1])):
            continue  # the lower bound of a range takes the metric of the upper one, below
        figure.metric = metric_of(text, figure, sentence, heads, blocks)
    for i, figure in enumerate(figures[:-1]):
        # a range's lower bound or a list's member takes its partner's metric; nothing else does
        if figure.metric or not may_be_gap(text, figure.end):
            continue
        if a_range(text, figure, figures[i + 1]) or LIST_GAP.fullmatch(
                text[figure.end:figures[i + 1].start]):
            figure.metric = figures[i + 1].metric
    for i, figure in enumerate(figures):
        if i and figures[i - 1].kind == figure.kind and figures[i - 1].metric == figure.metric \
                and a_range(text, figures[i - 1], figure):
            figure.family = figures[i - 1].family  # a range's upper end is no level reached
            continue  # ("增幅为5%至8%")
        figure.family = metric_family(figure.metric, figure.kind, figure.unit,
                                      text[figure.clause:figure.start])


def metric_of(text: str, figure: Figure, sentence: tuple[int, int],
              heads: list[tuple[int, int]], blocks: list[tuple[int, int]]) -> str:
    """The measure a figure gives."""
    s, e = sentence
    left = figure.clause
    right = clause_end(text, figure.end, e)
    after = phrase_after(text, figure.end, right, blocks)
    if figure.kind == "count":
        return after or phrase_before(text, left, figure.lead,
                                      blocks)
    if after and HEAD_AT_END.search(after):
        return after
    if after and text[figure.lead - 1:figure.lead] == "的" and (named := measure_opening(after)) \
            and not FAMILY_OF_CHANGE.search(named):
        return named  # "北京银行的362.18亿元营收和150.53亿元净利润": the measure after it
    # the last measure word of the clause before the figure: heads come in order and do not
    # overlap, so it is the last one that ends before the figure, if it starts in the clause
    last = bisect.bisect_right(heads, figure.start, key=operator.itemgetter(1)) - 1
    chosen = heads[last:last + 1] if last >= 0 and heads[last][0] >= left else []
    if not chosen and after and text.startswith("的", figure.end) and (
            named := measure_opening(after)):
        return named  # "以14.53%的净利润增速领跑", "以0.68%的不良率成为": the measure after 的
    if not chosen:
        # no measure word in the clause: the words before the figure ("训练成本约…"), else
        # the last measure of the sentence ("融资金额由…1000亿左右，增至…逾4000亿"), but not
        # a change, which does not carry over ("较年初增长15.6%，达到2.1万亿元")
        tail = phrase_before(text, left, figure.lead, blocks)
        if tail and not LIST_GAP.fullmatch(tail):  # ("…529.86亿元和502.73亿元": no words)
            return tail
        chosen = [h for h in heads if h[1] <= figure.start and text[h[0]:h[1]] not in CHANGES]
        if not chosen:
            return ""
    start, end = chosen[-1]
    head = text[start:end]
    if head in CHANGES_SET and LEVEL_AFTER_CHANGE.search(text, end, figure.lead) and (
            measured := [h for h in heads[:last] if h[0] >= s and text[h[0]:h[1]] not in CHANGES_SET]):
        # "净利润同比增长5%至100亿元": the level reached is the measure's, not the change's
        start, end = measured[-1]
        head = text[start:end]
    if head in EXTENDABLE_SET:
        start = modifier_start(text, clause_start(text, s, start), start, blocks)
    return text[start:end][-METRIC_MAX:]


def measure_opening(phrase: str) -> str:
    """The measure a phrase opens with, a few modifiers included ("净利润增速领跑…" →
    净利润增速, "净息差位居榜首" → 净息差); "" when it opens with none."""
    head = HEAD.search(phrase, 0, MEASURE_OPENING_REACH + 6)
    if head and head.start() <= MEASURE_OPENING_REACH + 3:
        end = head.end()
        while following := HEAD.match(phrase, end):
            end = following.end()  # 净利润 + 增速
        return phrase[:end] if phrase[:end] not in BARE_AMOUNT_WORDS else ""
    named = MEASURE_NAMED.search(phrase, 0, MEASURE_OPENING_REACH + 6)
    if named and named.start() <= MEASURE_OPENING_REACH:
        return phrase[:named.end()]
    return ""


def modifier_start(text: str, floor: int, position: int, blocks: list[tuple[int, int]]) -> int:
    """How far left the modifiers of the word at `position` reach (stop words, names, dates)."""
    start = floor
    while match := STOP.search(text, start, position):
        start = match.end()  # (in order: the last one ends furthest)
    for a, b in blocks:
        if a > position:
            break  # (blocks are sorted: the rest start, and so end, after `position`)
        if b <= position:
            start = max(start, b)
    return start


def phrase_before(text: str, floor: int, position: int, blocks: list[tuple[int, int]]) -> str:
    return text[modifier_start(text, floor, position, blocks):position][-10:]


def phrase_after(text: str, position: int, ceiling: int, blocks: list[tuple[int, int]]) -> str:
    following = text[position:position + 1]
    if following == "、":
        return ""  # "总资产a、贷款规模b": what follows the separator is the next item's
    if following == "的":
        position += 1
    stop = STOP.search(text, position, ceiling)
    end = stop.start() if stop else ceiling
    following = bisect.bisect_left(blocks, (position,))  # blocks are sorted: the first after
    if following < len(blocks) and blocks[following][0] < end:
        end = blocks[following][0]
    return text[position:end][:12]


# ---------------------------------------------------------------- metric families

# In the order they are tried: the first family whose words the metric holds.
FAMILY_OF_CHANGE = re.compile(r"增速|增幅|降幅|增长|下降|增加|减少|提升|提高|上升|回落|收窄|扩大|下滑|压降"
                              r"|大增|微增|微降|微升|负增长|正增长|同比|环比|^增|^降|^\+|^-"
                              # (Taiwan's: 放款成长6%, 年增率12.5%, 获利衰退)
                              r"|成长|衰退|增率|减率|倒退|上涨|下跌")
FAMILY_OF_SHARE = re.compile(r"占比|比重|份额|占|渗透率")
PLAN_BEFORE = re.compile(r"将|计划|未来|拟|预计|力争|目标")
PLEDGE_WORD = re.compile(r"支持|贷款|融资|增")
# (a balance's fall, 贷款减少6210亿元, is net lending too: a flow, as its rise is)
NEW_LOAN_VERB = re.compile(r"新增|投放|发放|累放|放款|审批|获得|获批|提供|落地|签约|贷出|增加|减少|压降")
LOAN_WORD = re.compile(r"贷|融资")
SHARE_BEFORE = re.compile(r"占(?!据)|覆盖(?!率)")
# (and ratios named …比: Taiwan's 逾放比 is the NPL ratio, 存放比 loans to deposits; 成本收入比)
FAMILY_OF_RATE = re.compile(r"率|利率|收益|息差|LPR|RO[EA]|拆息|HIBOR|Hibor|按息|息口|年息|月息"
                            r"|逾放比|存放比|存贷比|贷存比|放存比|收入比|资本比|杠杆比|流动性比")
FAMILY_OF_MONEY = [
    # a part of income is no revenue: fees, interest income, its net (手续费及佣金净收入,
    # 利息净收入, 非利息收入)
    # (and deposits: 存款余额 is no loan stock; not 存贷款, both together)
    ("other", re.compile(r"手续费|佣金|利息(?:净)?收入|净利息收入|利息支出|中间业务收入|拨备|减值"
                         r"|存款(?![^，。；]*贷)")),
    ("credit_line", re.compile(r"授信|额度|信贷支持")),
    # (放款: Taiwan's word for loans, 新增放款)
    ("new_loans", re.compile(r"(?:新增|发放|累放|放款|首笔).*(?:贷|融资|放款)|投放|专项融资")),
    ("loan_balance", re.compile(r"贷款|贷余额|融资余额|余额|存量|贷款规模")),
    # (合计 after a measure is its total: 营业收入合计, 资产总额合计)
    # (合计 before one, 合计税前盈余, 合计规模, 合计发行, is that measure's total too)
    ("commitment", re.compile(r"支持|意向|计划|承诺|方案|提供|(?<![入润利产额收])合计"
                              r"(?!.*(?:利|盈余|纯益|收入|营收|规模|资产|余额|贷款|存款|发行|募))")),
    ("revenue", re.compile(r"营收|营业收入|收入")),
    # 纯利, 溢利: Hong Kong's words; 纯益, 获利: Taiwan's; 净赚, 赚破: earned
    ("profit", re.compile(r"利润|净利|纯利|溢利|纯益|盈余|盈利(?!能力)|获利(?!能力|了结|回吐)|赚")),
    # (the money a wealth arm manages is a balance of assets too: 管理规模, 存续规模, AUM)
    ("assets", re.compile(r"总资产|资产总额|资产总?规模|^资产$|管理规模|理财规模|存续规模|AUM")),
    ("investment", re.compile(r"投入|投资|出资|研发|募")),
]


def metric_family(metric: str, kind: str, unit: str = "", before: str = "") -> str:
    """The family of a figure's metric: one of METRIC_FAMILIES.

    Points (个百分点, 基点) are growth: a change or a gap. Percentages: growth (增速, 同比增长,
    +10.19%), share (占比, 比重, 占营收的), rate (不良率, 利率, and a level reached: 降至1.29%),
    else other. Money: credit_line (授信, 额度), new_loans (新增/投放/发放 loans, a loan
    granted), loan_balance (贷款余额, a loan stock), commitment (金融支持, 意向, 计划, 合计),
    revenue (营收), profit (净利润), assets (资产规模), investment (投入, 投资, 出资), growth (a
    change in money that is not lending: 较年初增加), else other. Counts are other. `before`,
    the words of the clause before the figure, tells a share written as "占营业收入的3.76%".
    """
    metric = metric if isinstance(metric, str) else ""
    if kind == "pp":
        return "growth"  # points are changes or gaps: 同比下降0.07个百分点, 较同业低15个基点
    tail = before.rstrip()
    if kind == "percent":
        if tail.endswith(("至", "到")) and not tail.endswith("达到"):
            # "下降0.07个百分点至1.29%", "提升至67%": the level reached, not the change (but
            # "营收增幅…达到11.32%" is the measure's value, whatever it measures)
            words = metric + before
            return ("share" if FAMILY_OF_SHARE.search(words) or SHARE_BEFORE.search(before)
                    else "rate" if FAMILY_OF_RATE.search(words) else "other")
        if tail.endswith(("+", "＋")) or CHANGE_BEFORE.search(tail[-8:]):
            return "growth"  # "+10.19%", "同比微降0.48%", "收缩6.23%"
        share = [m.end() for m in SHARE_BEFORE.finditer(before)]
        if share and not FAMILY_OF_CHANGE.search(before, share[-1]):
            return "share"  # 占营业收入的3.76%; but 占比提升0.5个百分点 is a change
        return percent_family(metric)
    if kind != "money" and unit not in MONEY_UNITS:
        return "other"
    if PLAN_BEFORE.search(before) and PLEDGE_WORD.search(metric):
        return "commitment"  # 未来五年将新增1.5万亿元贷款支持: a pledge, not lending done
    if tail.endswith(("至", "到")) and (FAMILY_OF_CHANGE.search(metric) or not tail.endswith("达到")):
        # "贷款余额已增长至3210亿元", "贷款余额较年初增加2000亿元至6万亿元": the level reached,
        # not the change
        return money_family(FAMILY_OF_CHANGE.sub("", metric))
    if NEW_LOAN_VERB.search(before) and LOAN_WORD.search(metric):
        return "new_loans"  # 发放贷款1080万元, 获得2亿元知识产权质押贷款
    return money_family(metric)


# A corpus names few distinct metrics ("贷款余额", "营收"): what depends on the metric alone is
# worked out once per metric.
@lru_cache(maxsize=8192)
def percent_family(metric: str) -> str:
    if FAMILY_OF_CHANGE.search(metric):
        return "growth"
    if FAMILY_OF_SHARE.search(metric):
        return "share"
    if FAMILY_OF_RATE.search(metric):
        return "rate"
    return "other"


@lru_cache(maxsize=8192)
def money_family(metric: str) -> str:
    for family, words in FAMILY_OF_MONEY:
        if words.search(metric):
            if family == "loan_balance" and FAMILY_OF_CHANGE.search(metric):
                return "new_loans"  # 贷款增加3000亿元: a loan change is new lending
            return family
    return "growth" if FAMILY_OF_CHANGE.search(metric) else "other"


# ---------------------------------------------------------------- the table


class FiguresNotRead(UserWarning):
    """An article whose figures could not be read: its file and why (the report's log lists
    it; the other articles' figures are read)."""

    def __init__(self, source_file: str, reason: str) -> None:
        super().__init__(f"{source_file}: its figures were not read ({reason}); the other "
                         "articles' were")
        self.source_file, self.reason = source_file, reason


def extract_figures(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per figure of each article (columns: COLUMNS); `articles` needs article_id,
    source_file and text, and uses date and text_simplified (the text in simplified
    characters, "" when it is so already) when present."""
    rows: list[tuple] = []
    n = len(articles)
    # plain lists: iterating the frame's (Arrow) string columns row by row costs more
    ids = articles["article_id"].tolist()
    files = articles["source_file"].tolist()
    texts = articles["text"].tolist()
    dates = articles["date"].tolist() if "date" in articles.columns else [None] * n
    simple = (articles["text_simplified"].tolist() if "text_simplified" in articles.columns
              else [None] * n)
    titles = articles["title"].tolist() if "title" in articles.columns else [None] * n
    english_of: dict[str, str] = {}
    for article_id, source_file, text, date, simplified, title in zip(
            ids, files, texts, dates, simple, titles, strict=True):
        text = text if isinstance(text, str) else ""
        date = date if isinstance(date, str) else None
        simplified = simplified if isinstance(simplified, str) else None
        title = title if isinstance(title, str) else None
        if title and title.endswith("…") and text.startswith(title[:-1]):
            title = None  # the text's opening words as a label (cleaning.label): no title, and
            # cut where it is, a name can read as another ("中国银行…" of 中国银行业协会)
        # a headline's figures ("郑州银行去年净利逾30亿元降28%") are the article's too, unless
        # the text opens with the title (then they are the text's own)
        try:
            body = extract_from_text(text, date, simplified, title)
            parts = [(title, repeat_the_body(extract_from_text(title, date), body))] if (
                title and not text.startswith(title)) else []
        except Exception as error:  # (a text no rule foresaw: the other articles still count)
            warnings.warn(FiguresNotRead(source_file, f"{type(error).__name__}: {error}"),
                          stacklevel=2)
            continue
        parts.append((text, body))
        for part, found in parts:
            in_title = part is title
            for f in found:
                s, e = f.sentence
                entity_en = None
                if f.entity:
                    entity_en = english_of.get(f.entity) or english_of.setdefault(
                        f.entity, english(f.entity))
                rows.append((
                    article_id, source_file, part[f.start:f.end], float(f.value),
                    f.unit, f.qualifier, f.entity, f.metric, f.as_of, part[s:e], f.start, f.end,
                    f.kind, f.scope, entity_en, f.qualifier_text, f.unit_inferred, s, f.family,
                    in_title,
                ))
    return figure_table(rows)


HEADLINE_LENGTH = 60  # a line this short with no full stop heads what follows
# What follows a headline a page runs into its text: a time stamp, a source in 【】, 来源：, a
# reporter's credit
HEADLINE_RUN_ON_END = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}"
                                 r"|【[^】]{1,20}】|来源\s*[:：]|记者")


def headings_repeated(line_end: int, text: str, figures: list[Figure]) -> None:
    """A figure of the text's opening line (up to `line_end`), when that line is a headline
    (short, no full stop), that the text gives again (the same value, unit and kind) takes the later
    figure's date, and its bank when it names none: the sentence says more than a
    headline ("营收增长1.8%，净利润增长1.9%\n…交通银行前三季度营收增长1.8%")."""
    if 0 <= line_end <= HEADLINE_LENGTH and "。" not in text[:line_end]:
        head = [f for f in figures if f.end <= line_end]
    else:  # a headline run into the text before its dateline or source ("绿色信贷增速超24%,…
        # 南方农村报·2026-01-16 18:31核心观点", "增速達21.78% 浙商銀行… 【環球網財經綜合報道】"):
        # the figures before it that no date reaches
        run_on = HEADLINE_RUN_ON_END.search(text, 0, 2 * HEADLINE_LENGTH)
        if run_on is None or "。" in text[:run_on.start()]:
            return
        head = [f for f in figures if f.end <= run_on.start() and f.as_of is None]
    in_head = {id(f) for f in head}
    body = [f for f in figures if id(f) not in in_head]
    later = first_by_value(body)
    for figure in head:
        same = twin_in_body(figure, body, later)
        if same is not None:
            figure.as_of = same.as_of or figure.as_of
            if not figure.entity and same.entity:
                figure.entity, figure.scope = same.entity, same.scope


def first_by_value(figures: list[Figure]) -> dict[tuple, Figure]:
    """The first of `figures` of each value, unit and kind: where a headline's figure is given
    again."""
    first: dict[tuple, Figure] = {}
    for figure in figures:
        first.setdefault((figure.value, figure.unit, figure.kind), figure)
    return first


def twin_in_body(figure: Figure, body: list[Figure], first: dict[tuple, Figure]) -> Figure | None:
    """The figure of the body a headline's figure gives again: the first of its value, unit and
    kind, else the first a headline rounds to it ("近18万亿元" of 17.90万亿元, "超24%" of 24.2%,
    "营收225亿" of 225.34亿元: within one step of its last written digit, on the side its
    qualifier says, and of its family), else, for a change the headline writes in % that the
    body gives in percentage points ("较年初下降0.43%"), that."""
    same = first.get((figure.value, figure.unit, figure.kind))
    if same is not None:
        return same
    if not figure.scale:
        return None
    number = figure.value / figure.scale
    step = figure.scale * Decimal(1).scaleb(min(0, number.normalize().as_tuple().exponent))
    up, down = (figure.value, figure.value + step), (figure.value - step, figure.value)
    low, high = {"≥": up, ">": up, "≤": down, "<": down}.get(
        figure.qualifier, (figure.value - step / 2, figure.value + step / 2))
    for other in body:
        if other.kind == figure.kind and other.unit == figure.unit and low <= other.value <= high \
                and other.family == figure.family:
            return other
        if figure.kind == "percent" and other.kind == "pp" and other.value == figure.value \
                and figure.family == other.family == "growth":
            return other
    return None


def repeat_the_body(headline: list[Figure], body: list[Figure]) -> list[Figure]:
    """A headline's figure that the text gives again (the same value, unit and kind) is that
    figure: its family, its date and (when the text names one) its bank are the text's, whose
    sentence says more than a headline."""
    first = first_by_value(body)
    for figure in headline:
        same = twin_in_body(figure, body, first)
        if same is not None and same.entity:
            figure.entity, figure.scope = same.entity, same.scope
        if same is not None:
            figure.as_of = same.as_of or figure.as_of
            figure.family = same.family
    return headline


NUMBER_COLUMNS = {"value": "float64", "start": "int64", "end": "int64", "unit_inferred": "bool",
                  "in_title": "bool",
                  "sentence_start": "int64"}


def figure_table(rows: list[tuple]) -> pd.DataFrame:
    """The table of COLUMNS from its rows. Column by column, each with its type given, which
    spares pandas guessing it: text columns are str (object when no value is a string, as
    pandas would guess them), the others NUMBER_COLUMNS."""
    if not rows:
        return pd.DataFrame(rows, columns=COLUMNS).astype(NUMBER_COLUMNS)
    data = {}
    for name, values in zip(COLUMNS, zip(*rows, strict=True), strict=True):
        if name in NUMBER_COLUMNS:
            data[name] = np.array(values, dtype=NUMBER_COLUMNS[name])
        elif any(isinstance(value, str) for value in values):
            data[name] = text_array(values)
        else:
            data[name] = pd.array(values, dtype=object)
    return pd.DataFrame(data)


def text_array(values: tuple) -> pd.api.extensions.ExtensionArray:
    """pd.array(values, dtype="str"), built by pyarrow from strings and Nones (the rows' text),
    which spares pandas converting each value to a string first; any other value (an
    article_id that is a number) is left to pandas's own conversion."""
    try:
        return pd.array(pa.array(values, type=pa.large_string(), from_pandas=True), dtype="str")
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        return pd.array(values, dtype="str")
