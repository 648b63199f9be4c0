"""The extractor's shortcuts (issue 12, speed): each cheap test that spares a pattern must give
the pattern's own answer, on any text, and each rewritten pattern must find what it did. Texts are drawn from the characters the patterns
read (the words they look for, brackets, spaces, digits, other Chinese characters), so that
hits are frequent."""

import itertools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import banks, figures
from analysis.banks import find_banks

# the words the shortcut-guarded patterns look for, and characters around them
WORDS = ["研究员", "首席经济学家", "分析师", "经济学家", "研究院", "(", "（", ")", "）", " ", "\n",
         "\u3000", "至", "到", "—", "-", "~", "、", "，", ",", "和", "及", "与", "以及", "或",
         "其中", "其", "该行", "此外", "同时", "与此同时", "另外", "对此", "落后", "领先", "超过",
         "高于", "低于", "不足", "不及", "多于", "于", "仅为", "为", "是", "只有", "相当于", "的",
         "监管", "红线", "底线", "要求", "平均值", "均值", "级", "量级", "倍", "公斤", "平方米",
         "千米", "业", "保险", "机构", "同业", "家", "数量", "等", "分行", "支行", "银行", "农商行",
         "村镇银行", "东莞", "浙江", "省", "市", "“", "”", "《", "》", "1", "2", "0", "亿", "元",
         "贷款", "工商银行", "中行", "建设银行", "张三", "表示", "。"]
texts = st.lists(st.sampled_from(WORDS), max_size=24).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_gap_shortcut_never_hides_a_gap(text):
    # may_be_gap may say yes where no gap is; it must never say no where one is
    if figures.RANGE_GAP.fullmatch(text) or figures.LIST_GAP.fullmatch(text):
        assert figures.may_be_gap(text, 0)


CONNECTIVES = ["其中", "其", "该行", "该笔", "此外", "同时", "与此同时", "另外", "对此", "其他", "中行"]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["", " ", "\u3000", "\t "]), st.sampled_from(CONNECTIVES),
       st.sampled_from(["，", ",", "", "。"]), texts)
def test_connective_read_after_the_spaces_as_after_stripping_them(space, word, comma, rest):
    # CONNECTIVE skips a line's leading spaces itself, which spares copying the line
    text = space + word + comma + rest
    stripped = re.compile(figures.CONNECTIVE.pattern.removeprefix(r"\s*"))
    assert (figures.CONNECTIVE.match(text) is None) == (stripped.match(text.lstrip()) is None)


def first_characters(pattern: re.Pattern) -> set[str]:
    """The first characters of a pattern written as plain alternatives (and a leading 的?)."""
    source = pattern.pattern.removeprefix("的?")
    return {word.lstrip("(?:")[0] for word in source.split("|")}


def test_first_character_sets_cover_their_patterns():
    assert first_characters(figures.NOT_AFTER) <= figures.NOT_AFTER_FIRST
    assert first_characters(banks.NOT_ONE_LOCAL_BANK) <= banks.NOT_ONE_LOCAL_FIRST
    for word in ["红线", "底线", "达标线", "门槛", "下限", "上限", "要求", "平均值", "平均水平", "均值"]:
        assert figures.THRESHOLD_AFTER.match(word) or figures.AVERAGE_AFTER.match(word)
        assert {word[0], "的", "监"} <= figures.LEVEL_AFTER_FIRST


@settings(max_examples=300, deadline=None)
@given(texts)
@example("研究员省农商行")  # a province's rural banks: a system (found by this test)
def test_local_banks_match_the_check_against_every_known_mention(text):
    """local_banks walks the known mentions with one pointer; the plain rule looks at all."""
    known = [m for m in find_banks(text) if m.surface in banks.alias_map()]
    found = banks.local_banks(text, known)
    expected = []
    for match in banks.LOCAL.finditer(text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in known):
            continue
        if banks.NOT_ONE_LOCAL_BANK.match(text, end):
            continue
        at = banks.place_before(text, start)
        if at is None and match.group() in banks.RURAL_SUFFIXES:
            at = banks.brand_before(text, start)
        if at is None or any(m.start < start and at < m.end for m in known):
            continue
        if match.group() == "银行" and text[start - 1] in banks.ADMINISTRATIVE:
            continue
        if text[start - 1] == "省" and banks.LOCAL_SUFFIXES[match.group()] == "农村商业银行":
            continue  # 江西省农商银行: a province's system
        expected.append((at, end))
    assert [(m.start, m.end) for m in found] == expected


# the measure words as one flat list, longest first: what the trie HEAD stands for
FLAT_HEAD = re.compile("|".join(
    word if word in figures.EXTENDABLE + figures.FIXED else f"{word}(?![至到了])"
    for word in sorted(figures.EXTENDABLE + figures.FIXED + figures.CHANGES, key=len,
                       reverse=True)))
HEAD_TEXT = st.lists(st.sampled_from(
    figures.EXTENDABLE + figures.FIXED + figures.CHANGES + ["至", "到", "了", "贷", "增", "同比", "的"]),
    max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(HEAD_TEXT)
def test_measure_word_trie_finds_what_the_flat_list_finds(text):
    assert [m.span() for m in figures.HEAD.finditer(text)] == [
        m.span() for m in FLAT_HEAD.finditer(text)]


REPORT_TEXT = st.lists(st.sampled_from(
    ["年度", "年", "度", "报告", "报", "告", "期", "：", " ", "2024", "中期", "业绩", "半年", "三季", "第一",
     "季度", "一", "环境信息披露", "经营", "，", "\n"]), max_size=20).map("".join)


def test_report_words_splits_report_words_where_it_looks_for_a_year():
    # report_words finds the candidates of the last word by looking for 年度 before them
    assert figures.REPORT_AFTER_YEAR.pattern.startswith("(?<=年度)")
    assert "(?<=年度)" not in figures.REPORT_WORDS_LITERAL.pattern


def test_each_literal_report_word_opens_and_holds_an_anchor_where_first_report_word_looks():
    for word in alternatives(figures.REPORT_WORDS_LITERAL.pattern):
        assert word[0] in figures.REPORT_WORD_FIRST, word
        anchors = [word.find(anchor) for anchor in figures.REPORT_ANCHORS if anchor in word]
        assert anchors and min(anchors) <= figures.REPORT_ANCHOR_REACH, word


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["年度", "年", "度", "报告", "报", "告", "期", "：", " ", "2024", "中期",
                                 "业绩", "业", "绩", "半年", "半年度", "三季", "第一", "第三", "季度",
                                 "一", "中", "报告期", "，"]), max_size=16).map("".join))
def test_first_report_word_finds_what_a_search_finds(text):
    for position in range(len(text) + 1):
        found = figures.first_report_word(text, position)
        searched = figures.REPORT_WORDS_LITERAL.search(text, position)
        assert (found and found.span()) == (searched and searched.span())


@settings(max_examples=600, deadline=None)
@given(REPORT_TEXT)
def test_report_words_finds_what_the_one_pattern_finds(text):
    # report_words searches REPORT_WORDS's last word (after 年度) apart from the others
    assert list(figures.report_words(text)) == [m.span() for m in figures.REPORT_WORDS.finditer(text)]


def syntax(source: str):
    """(index, character, bracket depth after it) of each character of a pattern's source that
    is neither escaped nor inside a class: its brackets and bars."""
    depth, in_class, i = 0, False, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield i, char, depth
        i += 1


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source (not those inside groups or classes)."""
    bars = [i for i, char, depth in syntax(source) if char == "|" and depth == 0]
    bounds = [-1, *bars, len(source)]
    return [source[a + 1:b] for a, b in itertools.pairwise(bounds)]


def group_end(source: str) -> int:
    """Where the group that opens `source` closes (brackets, classes and escapes read)."""
    for i, char, depth in syntax(source):
        if char == ")" and depth == 0:
            return i
    raise ValueError(source)


def openings(alternative: str) -> list[str]:
    """What an alternative can open with, its lookbehinds left out: classes ("[...]") and
    characters (a group that opens it is read for its own alternatives)."""
    while alternative.startswith(("(?<=", "(?<!")):
        alternative = alternative[group_end(alternative) + 1:]
    if alternative.startswith("("):
        inner = alternative[1:group_end(alternative)]
        inner = inner[inner.index(">") + 1:] if inner.startswith("?P<") else inner.removeprefix("?:")
        return [first for part in alternatives(inner) for first in openings(part)]
    if alternative.startswith("["):
        i = 1
        while alternative[i] != "]":
            i += 2 if alternative[i] == "\\" else 1
        return [alternative[:i + 1]]
    return [alternative[0]]


GUARDED = [figures.NEW_SUBJECT, figures.OTHER_SUBJECT, figures.THIS_BANK, figures.STOP,
           figures.CHANGE_BEFORE, figures.SHIFT_BEFORE, figures.COMPARED_WITH]


def split_guard(pattern: re.Pattern) -> tuple[re.Pattern, re.Pattern]:
    """(the lookahead as a pattern, the pattern it guards) of with_opening's pattern."""
    source = pattern.pattern
    cut = source.index(")(?:")
    return re.compile(source[3:cut]), re.compile(source[cut + 4:-1])


def test_each_opening_holds_every_first_character():
    for pattern in GUARDED:
        guard, plain = split_guard(pattern)
        for alternative in alternatives(plain.pattern):
            for first in openings(alternative):
                cls = re.compile(first if first.startswith("[") else re.escape(first))
                chars = [chr(c) for c in range(0x20, 0xA000) if cls.fullmatch(chr(c))]
                assert chars, (plain.pattern, first)
                assert all(guard.match(c) for c in chars), (plain.pattern, first)


GUARD_WORDS = sorted({word for pattern in GUARDED for word in re.findall(
    r"[\u4e00-\u9fffA-Z0-9]+", split_guard(pattern)[1].pattern)} | {"1", "23", "细分", "为", "，", " "})


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(GUARD_WORDS), max_size=12).map("".join))
def test_guarded_patterns_find_what_the_plain_ones_find(text):
    for pattern in GUARDED:
        _, plain = split_guard(pattern)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)]


CLAUSE_TEXT = st.lists(st.sampled_from(["，", ",", "；", ";", "：", ":", "。", "！", "？", "!", "?",
                                        "\n", "贷款", "余额", "1", " ", "分别", "依次", "分"]),
                       max_size=16).map("".join)
UP_TO_LAST_CLAUSE_STOP = re.compile(r".*[，,；;：:。！？!?\n]", re.S)  # the plain rule


@settings(max_examples=500, deadline=None)
@given(CLAUSE_TEXT, st.integers(0, 20), st.integers(0, 20))
def test_clause_start_finds_the_last_stop_the_greedy_pattern_finds(text, floor, position):
    last = UP_TO_LAST_CLAUSE_STOP.match(text, floor, position)
    assert figures.clause_start(text, floor, position) == (last.end() if last else floor)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", " ", "\u3000", "\t"]), st.sampled_from(CONNECTIVES), texts)
def test_connective_shortcut_never_hides_a_connective(space, word, rest):
    line = space + word + rest
    if figures.CONNECTIVE.match(line):
        assert figures.may_open_with_connective(line)


@settings(max_examples=300, deadline=None)
@given(CLAUSE_TEXT, st.integers(0, 20), st.integers(0, 20))
def test_says_respectively_answers_as_the_pattern(text, start, end):
    assert figures.says_respectively(text, start, end) == bool(
        figures.RESPECTIVELY_AT.search(text, start, end))


RUBY_TEXT = st.lists(st.sampled_from(["農", "业", "(", ")", "nóng", "yè", "ai", "AI", "a", " ", "1",
                                      "（", "银行", "\n"]), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(RUBY_TEXT)
def test_ruby_pattern_finds_what_the_lookbehind_first_one_finds(text):
    # RUBY opens with its bracket; the plain pattern with the lookbehind
    plain = re.compile(rf"(?<=[\u4e00-\u9fff])\([a-zü]*[{banks.TONE_MARKS}][a-zü]*\)")
    assert [m.span() for m in banks.RUBY.finditer(text)] == [m.span() for m in plain.finditer(text)]


INITIALS_TEXT = st.lists(st.sampled_from(["工", "农", "中", "建", "交", "邮", "、", "行", "手", "业",
                                          "银行", "，", " ", "分别", "等", "四大行", "五家"]),
                         max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(INITIALS_TEXT)
def test_initial_lists_find_what_the_lookbehind_first_patterns_find(text):
    # initials_pattern opens at a 、 and initials_run_pattern with its class, checking behind
    # after; the plain patterns open with a lookbehind
    chars = "".join(banks.bank_table()["initials"])
    listed = re.compile(rf"(?<!、)[{chars}](?:、[{chars}]){{2,}}")
    run = re.compile(rf"(?<![{chars}])[{chars}]{{3,6}}(?=分别|等|[三四五六]大行|[三四五六]家)")
    expected = sorted([(m.start(), m.end(), 2) for m in listed.finditer(text)]
                      + [(m.start(), m.end(), 1) for m in run.finditer(text)])
    assert sorted(banks.initial_lists(text)) == expected


def test_number_patterns_hold_their_groups_in_the_order_read_figure_takes_them():
    # read_figure unpacks match.groups() by NUMBER_GROUPS instead of reading a dict of them
    for pattern in figures.FIGURE_PATTERNS:
        if pattern is not figures.PERCENT_IN_WORDS:
            assert pattern.groups == len(figures.NUMBER_GROUPS)
            assert sorted(pattern.groupindex, key=pattern.groupindex.get) == list(
                figures.NUMBER_GROUPS)


def test_date_pattern_holds_its_groups_in_the_order_date_anchors_takes_them():
    # date_anchors unpacks match.groups() by DATE_GROUPS instead of reading a dict of them
    date = figures.DATE
    assert date.groups == len(figures.DATE_GROUPS)
    assert sorted(date.groupindex, key=date.groupindex.get) == list(figures.DATE_GROUPS)


SPEAKER_FLAT = re.compile(r"\s*(?:[(（][^)）]{0,12}[)）])?\s*[\u4e00-\u9fff]{0,10}?"
                          r"(?:研究员|首席经济学家|首席分析师|首席研究员|首席宏观|分析师|经济学家|研究院|研究部|研究所)")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "首席", "宏观", "研究", "部", "所", "院", "员", "经济",
                                  "学家", "分析", "师"]), max_size=12).map("".join))
def test_speaker_titles_as_a_trie_match_where_the_flat_list_matches(text):
    for start in range(len(text) + 1):
        found, flat = figures.SPEAKER_AFTER.match(text, start), SPEAKER_FLAT.match(text, start)
        assert (found and found.span()) == (flat and flat.span())


def test_scanned_digit_is_a_unicode_decimal_digit_and_every_one():
    # SCANNED_DIGIT is \d written as a class re looks up (and checks behind beyond the plane)
    digit = re.compile(figures.SCANNED_DIGIT)
    for code in [*range(0x10000), *range(0x10000, 0x110000, 7), 0x1D7CE, 0x1D7FF, 0x104A0]:
        char = chr(code)
        assert bool(digit.fullmatch(char)) == char.isdecimal() == bool(re.fullmatch(r"\d", char))


DIGIT_TEXT = st.lists(st.sampled_from(["1", "2", "0", "9", "٣", "５", "𝟏", "\U0001F600", "年", "月", "-", " ",
                                       "今", "去", "上半", "第三", "季度", "Q", "前", "个", "万", "亿",
                                       "元", "%", "、", "，"]), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(DIGIT_TEXT)
def test_patterns_opening_with_scanned_digits_find_what_those_with_a_digit_find(text):
    date_start = figures.DATE_START.pattern
    plain_dates = re.compile(r"[\d今去前上本下第一二三四首Q]" + date_start[date_start.index(")(?:") + 1:])
    plain_figures = re.compile(rf"(?P<num>{figures.ARABIC}){figures.AHEAD}{figures.TAIL}")
    for pattern, plain in ((figures.DATE_START, plain_dates), (figures.FIGURE_PATTERNS[0], plain_figures)):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
