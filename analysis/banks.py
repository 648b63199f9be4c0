"""Bank names: canonical names, aliases, branches and collective names, from banks.yaml;
local banks it does not list, by a place name (jieba's dictionary) and a local bank's suffix;
names read through ruby annotations a site flattened into the text (農(nóng)行)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from analysis import resources
from analysis.chinese import TONE_MARKS


class BankMention(NamedTuple):  # a tuple: made for every bank named, cheaply
    start: int
    end: int
    surface: str
    banks: tuple[str, ...]  # one canonical name, or several for a group such as 工农中建


bank_table = resources.banks
alias_map = resources.bank_aliases


# Local banks too many for any table (东莞农商行, 浙江龙游农商行, 某某村镇银行, 湖州银行): a
# place name and one of these suffixes. The legal name (农村商业银行, 农村信用社) is the
# canonical one.
LOCAL_SUFFIXES = {"农村商业银行": "农村商业银行", "农商银行": "农村商业银行", "农商行": "农村商业银行",
                  "农村合作银行": "农村合作银行", "村镇银行": "村镇银行",
                  "农村信用合作联社": "农村信用合作联社", "农村信用社": "农村信用社",
                  "农信社": "农村信用社", "银行": "银行"}
# A place and 银行 followed by one of these are the place's banks, not one bank (浙江省银行业,
# 广东银行机构, 深圳银行网点)
NOT_ONE_LOCAL_BANK = re.compile(r"业|保险|间|机构|网点|系统|体系|同业|家|们|数量")
NOT_ONE_LOCAL_FIRST = frozenset("业保间机网系体同家们数")  # what NOT_ONE_LOCAL_BANK opens with
PLACE_MAX = 8  # characters of a place name (浙江龙游, 广东澄海) before the suffix
# A rural bank may carry a name that is no place (漳泽农商银行, 仁寿民富村镇银行): two characters
# that jieba's dictionary knows as no common word (a common one, 当地 or 部分, says which banks,
# not which bank: its frequency there is in the hundreds at least).
RURAL_SUFFIXES = frozenset({"农村商业银行", "农商银行", "农商行", "农村合作银行", "村镇银行"})
BRAND_LENGTH = 2
BRAND_MAX_FREQUENCY = 200
FUNCTION_CHARS = frozenset("的了在和与及是为向对从由给把被将于以等之而或并也都内外中且但则若到有")
NOT_A_NAME_START = frozenset("该本各全首每某这那多几两一二三四五六七八九十其辖省市县区当上下我贵家")
HAN = re.compile(r"[\u4e00-\u9fff]")
# Ruby annotations flattened into the text by some sites: 農(nóng)業(yè)銀行. The bracket opens the
# pattern and the check for a Chinese character before it follows: re skips ahead to the next
# bracket instead of trying a lookbehind at every character.
RUBY = re.compile(rf"\((?<=[\u4e00-\u9fff]\()[a-zü]*[{TONE_MARKS}][a-zü]*\)")


LOCAL = re.compile("|".join(sorted(LOCAL_SUFFIXES, key=len, reverse=True)))


@cache
def mention_pattern() -> re.Pattern:
    """Every surface form, as a trie: re tries an alternation's branches one by one at each
    character, so 300 names written flat cost 300 tries a character, a trie one or two. The
    longest name wins, as with a flat alternation sorted longest first (中国人民银行 before
    人民银行), and a shorter one is tried where the longer is followed by a stop character."""
    stop = "|".join(bank_table().get("not_followed_by", []))  # regular expressions
    names = alias_map()
    body = (pair_trie_pattern(names) if all(len(name) >= 2 for name in names)
            else trie_pattern(names))
    return re.compile(f"(?:{body})(?!{stop})")


def pair_trie_pattern(words) -> str:
    """trie_pattern(words) for words of two characters or more, entered by their first two
    characters: the class of first characters (which re skips ahead with), a lookahead for a
    second character that some word has, then a branch for each second character, which checks
    the first one behind it. re walks through every branch of an alternation where a match
    fails, and a trie opens with a hundred (one a first character); most of the characters it
    stops at (中 of 中小企业, 金 of 金融) fail on their second, and fail here in two tests."""
    rests: dict[str, list[str]] = {}  # the words after each pair of first characters
    for word in words:
        rests.setdefault(word[:2], []).append(word[2:])
    seconds = sorted({pair[1] for pair in rests})
    branches = []
    for second in seconds:
        pairs = [rf"(?<={re.escape(pair)}){trie_pattern(rests[pair])}"
                 for pair in sorted(rests) if pair[1] == second]
        branches.append(re.escape(second)
                        + (pairs[0] if len(pairs) == 1 else f"(?:{'|'.join(pairs)})"))
    firsts = "".join(re.escape(char) for char in sorted({pair[0] for pair in rests}))
    return f"[{firsts}](?=[{''.join(map(re.escape, seconds))}])(?:{'|'.join(branches)})"


def trie_pattern(words, after: dict[str, str] | None = None) -> str:
    """A regular expression matching exactly `words`, longest first, built as a trie.
    `after`: for some words, a pattern (a lookahead) that must hold where the word ends."""
    after = after or {}
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = after.get(word, "")

    def branch(node: dict) -> str:
        ends_here = "" in node
        options = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not options:
            return node.get("", "")
        body = options[0] if len(options) == 1 and not ends_here else f"(?:{'|'.join(options)})"
        if ends_here and node[""]:  # the longer words first, then this one where it may end
            return f"(?:{'|'.join(options)}|{node['']})"
        return body + "?" if ends_here else body  # greedy: the longer name is tried first

    return branch(trie)


ADMINISTRATIVE = ("省", "市", "县", "区")
# jieba's tags of words that open no place name: pronouns and determiners (各省, 该市, 本市),
# prefixes (非上市)
NOT_A_PLACE_START = {"r", "h"}


@cache
def place_names() -> frozenset[str]:
    """Place names of jieba's dictionary, read once: its administrative units tagged `ns`
    (东莞市, 龙游县, 广东省) and their names without the unit (东莞, 龙游, 广东). Words that are
    tagged `ns` but name no unit (上市, 城市) are left out, and so are those that open with a
    pronoun or a prefix (各省市, 非上市)."""
    import jieba

    units, tags = [], {}
    with jieba.get_dict_file() as lines:
        for line in lines:
            word, _, rest = line.decode("utf-8").rstrip().partition(" ")
            tag = rest.rpartition(" ")[2]
            if len(word) == 1:
                tags[word] = tag
            elif tag == "ns" and len(word) > 2 and word.endswith(ADMINISTRATIVE):
                units.append(word)
    return frozenset(name for word in units if tags.get(word[0]) not in NOT_A_PLACE_START
                     for name in (word, word[:-1]))


def is_place(text: str, places: frozenset[str]) -> bool:
    """True when `text` is one place name or several in a row (广东 澄海, 浙江 龙游)."""
    if not text:
        return True
    return any(text[:k] in places and is_place(text[k:], places)
               for k in range(len(text), 1, -1))


def place_before(text: str, end: int) -> int | None:
    """Where the place name that ends at `end` starts (the longest among the Chinese
    characters right before); None when there is none ("全国农商行", "上市农商行")."""
    floor = max(0, end - PLACE_MAX)
    at = place_start(text[floor:end])  # only these characters matter: the answer is cached
    return None if at is None else floor + at


@lru_cache(maxsize=4096)
def place_start(window: str) -> int | None:
    """place_before over the PLACE_MAX characters before a local bank's suffix: where in
    `window` the place name ending at its end starts, or None."""
    end = start = len(window)
    while start > 0 and HAN.match(window, start - 1):
        start -= 1
    places = place_names()
    if not any(window[at:end] in places for at in range(start, end - 1)):
        return None  # no place name ends here (商业银行): the usual case, settled fast
    for at in range(start, end - 1):
        if is_place(window[at:end], places):
            return at
    return None


# Aliases this short ("中行", "人行") also occur inside other words ("集中行动", "个人行为"):
# such a hit counts only where the segmenter sees a word boundary on both sides.
SHORT_ALIAS = 2
WINDOW = 6  # characters of context either side given to the segmenter


def is_whole_word(text: str, start: int, end: int, opening_only: bool = False) -> bool:
    """True when no jieba token of the surrounding text crosses `start` or `end` (only `start`,
    with `opening_only`: a name whose first character may close another word, 平台中银行, but
    whose last may open one, 台湾银行存款)."""
    left = max(0, start - WINDOW)
    # only the WINDOW characters either side matter: the answer is cached on them
    return whole_in_window(text[left:end + WINDOW], start - left, end - left, opening_only)


@lru_cache(maxsize=4096)
def whole_in_window(window: str, start: int, end: int, opening_only: bool = False) -> bool:
    """is_whole_word for the alias at window[start:end]."""
    from analysis.text import tokenizer  # jieba loads only when a short alias is seen

    words = tokenizer().FREQ
    if not (words.get(window[max(0, start - 1):start + 1]) or words.get(window[end - 1:end + 1])
            or words.get(window[start:end + 1])):
        return True  # neither neighbour makes a word with the alias (nor the alias with the
        # next character: 合库金, a holding company): no need to segment
    cuts = {0, len(window)}
    for _, token_start, token_end in tokenizer().tokenize(window, HMM=False):
        cuts.update((token_start, token_end))
    return start in cuts and (opening_only or end in cuts)


@cache
def whole_word_opening() -> frozenset[str]:
    """First characters of names that count only as whole words (banks.yaml)."""
    return frozenset(bank_table().get("whole_word_opening", []))


@cache
def whole_word_names() -> frozenset[str]:
    """Names that count only as whole words (banks.yaml)."""
    return frozenset(bank_table().get("whole_word", []))


def find_banks(text: str, hong_kong: bool = False) -> list[BankMention]:
    """Bank mentions in `text`, in order; a branch name yields its bank, a place name and a
    local bank's suffix (东莞农商行) a bank of that name not in the table; in a Hong Kong
    piece (`hong_kong`), the short names its press gives its banks (中银, 恒生)."""
    if "(" in text and RUBY.search(text):
        return without_ruby(text)
    names = alias_map()
    pattern = mention_pattern()
    mentions: list[BankMention] = []
    position = 0
    while match := pattern.search(text, position):
        start, end = match.span()
        if (end - start <= SHORT_ALIAS or text[start] in whole_word_opening()
                or match.group() in whole_word_names()) and not is_whole_word(
                text, start, end, opening_only=end - start > SHORT_ALIAS
                and match.group() not in whole_word_names()):
            position = start + 1  # "集中行动": look again from the next character
            continue
        mentions.append(BankMention(start, end, match.group(), names[match.group()]))
        position = end
    if hong_kong and (short := hong_kong_names(text, mentions)):
        mentions = sorted(mentions + short, key=lambda m: m.start)
    if local := local_banks(text, mentions):
        mentions = sorted(mentions + local, key=lambda m: m.start)
    if (listed := initials(text, mentions)):
        mentions = sorted(mentions + listed, key=lambda m: m.start)
    return mentions


@cache
def hong_kong_pattern() -> re.Pattern | None:
    """Hong Kong's short names (banks.yaml: hong_kong_short), each with what may not follow it."""
    names = bank_table().get("hong_kong_short", {})
    if not names:
        return None
    return re.compile("|".join(f"{name}(?!{entry['not_followed_by']})"
                               for name, entry in names.items()))


def hong_kong_names(text: str, known: list[BankMention]) -> list[BankMention]:
    """Hong Kong's short names in `text` that are whole words and no part of a name found."""
    pattern = hong_kong_pattern()
    if pattern is None:
        return []
    names = bank_table()["hong_kong_short"]
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in known) or not is_whole_word(text, start, end):
            continue
        found.append(BankMention(start, end, match.group(), (names[match.group()]["bank"],)))
    return found


@cache
def initials_pattern() -> re.Pattern:
    """Three or more initials of the big banks apart by 、 (仅次于工、农、中、建), each a word
    of one character (手工、农业 is no list: 业 follows 农, not 、). The pattern opens with the
    list's first 、, its first initial (and no 、 before that) checked behind it: re skips
    ahead from one 、 to the next, a literal, instead of stopping at every character that is
    an initial (中, 工 are common). A list starts one character before the match
    (initial_lists)."""
    chars = "".join(bank_table().get("initials", {})) or "\uffff"
    return re.compile(rf"、(?<=[{chars}]、)(?<!、[{chars}]、)[{chars}](?:、[{chars}])+")


@cache
def initials_run_pattern() -> re.Pattern:
    """Three to six initials run together before 分别, 等 or a count of big banks ("工农建中交分别
    达到…", "工农中建四大行"; 中建, 建交 and 中交 alone are companies and diplomacy, not banks). It
    opens with its class, so re skips ahead; that no initial comes before is checked after.
    (One initial, then two to five: a pattern that opens with a repeat has no first class for
    re to skip ahead with, and is tried at every character.)"""
    chars = "".join(bank_table().get("initials", {})) or "\uffff"
    return re.compile(rf"[{chars}][{chars}]{{2,5}}(?=分别|等|[三四五六]大行|[三四五六]家)")


def initial_lists(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, step) of each list of initials in `text`: apart by 、 (initials_pattern,
    step 2) or run together (initials_run_pattern, step 1)."""
    pattern, position = initials_pattern(), 0
    while match := pattern.search(text, position):  # (finditer's set-up costs more than this)
        yield match.start() - 1, match.end(), 2
        position = match.end()
    # what a run of initials is followed by (initials_run_pattern), each looked for in turn
    if "分别" in text or "等" in text or "大行" in text or "家" in text:
        chars = bank_table().get("initials", {})
        for match in initials_run_pattern().finditer(text):
            if match.start() == 0 or text[match.start() - 1] not in chars:
                yield match.start(), match.end(), 1


def initials(text: str, known: list[BankMention]) -> list[BankMention]:
    """One mention for each bank of a list of initials ("工、农、中、建、交、邮储银行", "工农建中交
    分别"), where the initials are distinct and no name the table knows covers one (工、农、中、建行)."""
    found: list[BankMention] = []
    for start, end, step in initial_lists(text):
        table = bank_table().get("initials", {})
        letters = text[start:end:step]
        if len(set(letters)) < len(letters):
            continue  # "中、中、中": no list of banks
        for k, letter in enumerate(letters):
            at = start + step * k
            if not any(m.start <= at < m.end for m in known):
                found.append(BankMention(at, at + 1, letter, (table[letter],)))
    return found


def local_banks(text: str, known: list[BankMention]) -> list[BankMention]:
    """Banks named by a place and a local bank's suffix (东莞农商行), outside the table's."""
    found: list[BankMention] = []
    # `known` is in order and its mentions do not overlap (find_banks searches on from the
    # end of each): one pointer walks along it, as the suffixes found come in order too
    after = 0  # the first known mention that does not end before the suffix
    position = 0
    while match := LOCAL.search(text, position):  # (finditer's set-up costs more than this)
        start, end = match.span()
        position = end
        while after < len(known) and known[after].end <= start:
            after += 1
        if after < len(known) and known[after].start < end:
            continue  # 上海农商银行, 工商银行: the table's
        if text[end:end + 1] in NOT_ONE_LOCAL_FIRST and NOT_ONE_LOCAL_BANK.match(text, end):
            continue
        at = place_before(text, start)
        if at is None and match.group() in RURAL_SUFFIXES:
            at = brand_before(text, start)  # 漳泽农商银行, 仁寿民富村镇银行: a rural bank's own name
        if at is None or (after and at < known[after - 1].end):
            continue  # the place would start inside a bank named before
        if text[at] in whole_word_opening() and not is_whole_word(text, at, end):
            continue  # 平台中银行: 台中 is no place there
        if match.group() == "银行" and text[start - 1] in ADMINISTRATIVE:
            continue  # 浙江省银行贷款: the province's banks; a city bank is 九江银行
        place = text[at:start]
        if place[-1] == "省" and LOCAL_SUFFIXES[match.group()] == "农村商业银行":
            continue  # 江西省农商银行: the province's rural banks, a system, not one bank
        if LOCAL_SUFFIXES[match.group()] != "银行":
            place = without_region(place)  # 湖北十堰农商银行 is 十堰农商银行: one bank
        if (LOCAL_SUFFIXES[match.group()] == "农村商业银行" and place[-1] in ADMINISTRATIVE
                and len(place) > 2 and place[:-1] in place_names()):
            place = place[:-1]  # 梓潼县农商银行 is 梓潼农商银行: one bank, however written
        name = place + LOCAL_SUFFIXES[match.group()]
        found.append(BankMention(at, end, text[at:end], (name,)))
    return found


def without_region(place: str) -> str:
    """A rural bank's place without the province or city written before it (湖北十堰, 贵州省镇远,
    杭州萧山: 十堰, 镇远, 萧山), as the press names the bank either way; the place itself when
    what follows the larger unit is no place of its own."""
    for cut in (2, 3):
        head, rest = place[:cut], place[cut:].removeprefix("省").removeprefix("市")
        if len(rest) >= 2 and head in place_names() and (
                rest in place_names() or (rest[-1] in ADMINISTRATIVE and rest[:-1] in place_names())):
            return rest
    return place


def brand_before(text: str, end: int) -> int | None:
    """Where a rural bank's name that is no place starts: the two characters before its
    suffix when they are a rare word or none (漳泽, 民富), not a common one (当地, 县域, 部分,
    多家) nor a pronoun or a count (该, 本, 各, 全, 首, 一…), with the place before them if any
    (仁寿民富)."""
    from analysis.text import tokenizer

    words = tokenizer().FREQ
    found = None
    for _ in range(2):  # a name of two rare words (仁寿民富) at most; a place before stays out
        start = end - BRAND_LENGTH  # (长治漳泽农商银行 is 漳泽农村商业银行, as the press writes it)
        if not is_rare_name(text[max(0, start):end]) or place_before(text, end) is not None:
            break
        if any(start >= k and words.get(text[start - k:end]) for k in (1, 2)):
            break  # the tail of a longer word (研究员农商行: 究员 is no name)
        found = end = start
    return found


def is_rare_name(word: str) -> bool:
    from analysis.text import tokenizer

    return (len(word) == BRAND_LENGTH and all(HAN.match(char) for char in word)
            and word[0] not in NOT_A_NAME_START and not FUNCTION_CHARS.intersection(word)
            and tokenizer().FREQ.get(word, 0) < BRAND_MAX_FREQUENCY)


def without_ruby(text: str) -> list[BankMention]:
    """find_banks over the text with its ruby annotations left out, offsets in `text`."""
    kept: list[int] = []  # the offset in `text` of each character kept
    position = 0
    for match in RUBY.finditer(text):
        kept.extend(range(position, match.start()))
        position = match.end()
    kept.extend(range(position, len(text)))
    plain = "".join(text[i] for i in kept)
    return [BankMention(kept[m.start], kept[m.end - 1] + 1,
                        text[kept[m.start]:kept[m.end - 1] + 1], m.banks)
            for m in find_banks(plain)]


def english(canonical: str) -> str:
    return bank_table()["banks"].get(canonical, {}).get("en", canonical)


def abbreviation(canonical: str) -> str:
    """ICBC, BOC, PBoC ...: the English short name for chart labels, else the English name."""
    info = bank_table()["banks"].get(canonical, {})
    return info.get("abbr") or info.get("en", canonical)


def reporting_currency(canonical: str) -> str | None:
    """The currency a bank reports in when it is not the yuan (a Hong Kong bank's HKD)."""
    return bank_table()["banks"].get(canonical, {}).get("currency")


def is_central_bank(canonical: str) -> bool:
    return bank_table()["banks"].get(canonical, {}).get("kind") == "central_bank"
