"""Stage 2: turn one decoded file into clean articles, logging every change.

A newspaper page scraped to text arrives broken: paragraphs cut at column breaks (and
their continuations printed elsewhere), a passage printed twice, several articles on
one page, a section printed after the wrong article, figure captions without figures.
Each step below repairs one of these and writes what it did to the cleaning log, so
every character of the raw body ends up in an article or in the log.

The steps, in order: split_blocks -> classify -> split_regions -> remove_duplicates ->
join_fragments -> move_sections -> assemble.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import PurePosixPath

from analysis import resources
from analysis.chinese import strip_pinyin_annotations, to_simplified
from analysis.dates import YEAR_OVER_AFTER
from analysis.loading import CJK, Document
from analysis.text import cut

# ---------------------------------------------------------------- blocks and markdown

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)、])\s+")
LINK = re.compile(r"!?\[([^\]\n]*)\]\((\S+?)(?:\s+\"[^\"]*\")?\)")
STRONG = re.compile(r"(\*\*|__)(.+?)\1")
EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
ONLY_STRONG = re.compile(r"^(\*\*|__)([^*_]+)\1$")
RULE = re.compile(r"^([-*_=])(?:\s*\1){2,}$")
BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
ONLY_LINK = re.compile(r"^!?\[[^\]\n]*\]\(\S+?\)$")
BARE_URL = re.compile(r"https?://\S+")
# The characters a heading, a rule or a list item starts with (or a digit): most lines start
# with none of them and need no pattern tried.
MARKDOWN_LINE_STARTS = frozenset("#-*_=+")

SENTENCE_END = set("。！？!?…；;.")
CLOSERS = "”’」』）)】》\"'"


@dataclass
class Block:
    """One paragraph-level unit of a file, in file order (`uid`)."""

    uid: int
    kind: str
    text: str
    level: int = 0
    links: list = field(default_factory=list)
    tail_uid: int = -1  # uid of the last block joined into this one

    def __post_init__(self):
        if self.tail_uid < 0:
            self.tail_uid = self.uid

    _simple: tuple[str, str] = field(default=("", ""), repr=False, compare=False)

    @property
    def simple(self) -> str:
        """The text in simplified characters, offset for offset: bylines, datelines, captions
        and page markers are recognised in it, so a traditional-character repost reads too.
        Kept until the text changes (joins and datelines edit it)."""
        if self._simple[0] is not self.text:
            self._simple = (self.text, to_simplified(self.text))
        return self._simple[1]


def strip_inline(text: str) -> tuple[str, list[dict]]:
    """Markdown emphasis and links to plain text; link targets are returned as metadata."""
    if "[" not in text and "*" not in text and "_" not in text:
        return text.strip(), []  # most paragraphs: no markdown at all
    links = [{"text": m.group(1), "url": m.group(2)} for m in LINK.finditer(text)]
    text = LINK.sub(lambda m: m.group(1), text)
    text = STRONG.sub(lambda m: m.group(2), text)
    text = EMPHASIS.sub(lambda m: m.group(1), text)
    return text.strip(), links


def join_lines(lines: list[str]) -> str:
    """Soft-wrapped lines of one paragraph; Chinese joins without a space."""
    out = lines[0]
    for line in lines[1:]:
        glue = "" if CJK.match(out[-1:]) and CJK.match(line[:1]) else " "
        out += glue + line
    return out


def split_blocks(body: str) -> list[Block]:
    """Paragraphs (blank-line separated), headings and list items, markdown stripped.

    A body with several lines and not one blank line between them writes a paragraph a line,
    as scrapers and copy-paste do; a cut paragraph there is still found and joined later."""
    blocks: list[Block] = []
    lines: list[str] = []
    one_per_line = "\n" in body.strip() and not BLANK_LINE.search(body.strip())

    def add(kind: str, raw: str, level: int = 0) -> None:
        text, links = strip_inline(raw)
        blocks.append(Block(len(blocks), kind, text, level, links))
        if kind == "para" and raw[:1] in "*_" and ONLY_STRONG.match(raw):
            blocks[-1].kind = "bold"
        if raw[:1] in "![" and ONLY_LINK.match(raw):
            blocks[-1].kind = "link"
        elif raw[:4] == "http" and BARE_URL.fullmatch(text):
            # an address printed alone (a table's or a chart's, "表列…：" over it): a link, not
            # a paragraph cut mid-sentence that would take another as its continuation
            blocks[-1].kind = "link"
            blocks[-1].links = [{"text": text, "url": text}]

    def flush() -> None:
        if len(lines) > 1 and len(blocks) < 3 and (header := page_header_lines(lines)):
            for line in header:
                add("para", line)
        elif lines:
            add("para", join_lines(lines))
        lines.clear()

    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped[0] in MARKDOWN_LINE_STARTS or stripped[0].isdigit():
            if heading := HEADING.match(stripped):
                flush()
                add("heading", heading.group(2), level=len(heading.group(1)))
                continue
            if RULE.match(stripped):
                flush()  # a thematic break or a setext underline: decoration, not text
                continue
            if LIST_ITEM.match(stripped):
                flush()
                add("list", stripped)
                continue
        if len(stripped) <= CREDIT_LINE_MAX and is_figure_credit(stripped):
            flush()  # "数据来源:wind" over a paragraph's lines: a line of its own, not theirs
            lines.append(stripped)
            flush()
            continue
        lines.append(stripped)
        if one_per_line:
            flush()
    flush()
    return [b for b in blocks if b.text or b.kind == "link"]


CREDIT_LINE_MAX = 40


def is_figure_credit(line: str) -> bool:
    """A chart's source or caption line (数据来源：Wind, 图1：…), traditional characters too."""
    if "源" not in line and "图" not in line and "圖" not in line and line[:1] != "表":
        return False  # neither a source (来源, 來源) nor a caption: no need to convert the line
    simple = to_simplified(line)
    return bool(SOURCE_LINE.match(simple) or CAPTION_LINE.match(simple))


# ---------------------------------------------------------------- classification

BYLINE_SUFFIXES = ("报道", "发自", "电")
# Source and picture credits, web pages' cover-image credits (封面图片来源：…) too.
SOURCE_LINE = re.compile(r"^(?:封面|题图|头图|配图|首图)?(?:资料|数据|图片|图表|图|表)?来源\s*[:：]")
# (and a line that only marks a stock picture, 资料图片 or (资料图), in its place above or below
# the text: no paragraph, nor one cut mid-sentence)
CAPTION_LINE = re.compile(r"^(?:(?:图|表)\s*\d*\s*[:：]|[（(]?(?:资料|示意|配|网络|新闻)图片?[）)]?\s*$)")
# Editors' credits and reprint notes: metadata, and never the start of a cut sentence.
CREDIT_LINE = re.compile(r"^[（(【\[]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|原标题|本文来源|文章来源|"
                         r"转载自|免责声明)\s*[:：]")
# A web page's call to its app or account, printed under every article: "海量资讯、精准解读，
# 尽在新浪财经APP", "下载XX客户端", "关注XX微信公众号".
# The call opens the line or follows a short slogan: "用户可下载手机银行APP。" is a sentence.
PROMO_LINE = re.compile(r"^(?:[^，。,]{1,12}[，,])?(?:尽在|下载|打开|关注|扫码).{0,24}"
                        r"(?:APP|App|app|客户端|公众号)[。！!]?$")
JUMP = re.compile(r"^(上接|接上|下转|转下|转至|转|续)\s*(?:第)?\s*([A-Za-z]?\d{1,3})\s*版?\s*$")
DATELINE = re.compile(
    r"^(?P<prefix>[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 ]{1,14}?)"
    r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月"
    r"(?P<day>\d{1,2})日(?:电|讯|消息)\s*(?:[（(](?P<credit>[^（）()]{1,40})[）)])?"
)
NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
# The line patterns above in one, first match winning as in classify's order: one pattern
# tried per paragraph instead of five.
ROLE_LINE = re.compile("|".join(
    f"(?P<{name}>{pattern.pattern.removeprefix('^')})"
    for name, pattern in (("source", SOURCE_LINE), ("caption", CAPTION_LINE), ("credit", CREDIT_LINE),
                          ("promo", PROMO_LINE), ("jump", JUMP))))
BYLINE = re.compile(r"^(?P<prefix>\S{0,12}?记者)[\s:：]*(?P<rest>.+)$")
NAME_SEPARATORS = re.compile(r"[\s、，,]+")
BYLINE_SUFFIX = re.compile(r"(报道|发自|电)$")
UP_TO_REPORTER = re.compile(r"^.*?记者")


@cache
def outlet_prefixes() -> dict[str, str]:
    return outlet_table()["prefixes"]


outlet_table = resources.outlets


def outlet_label(outlet: str | None) -> str:
    """'财联社 (Cailian Press)'; the name alone where no English name is known."""
    if not isinstance(outlet, str) or not outlet:
        return ""
    english = outlet_table().get("english", {}).get(outlet)
    return f"{outlet} ({english})" if english else outlet


def outlet_for(prefix: str) -> tuple[str | None, str]:
    """(outlet, remainder) for the longest known outlet prefix of `prefix`."""
    for key in sorted(outlet_prefixes(), key=len, reverse=True):
        if prefix.startswith(key):
            return outlet_prefixes()[key], prefix[len(key):]
    return None, prefix


def parse_byline(text: str) -> dict | None:
    """'中经记者 秦玉芳 广州报道' -> outlet, authors, place; None when not a byline."""
    if len(text) > 60:
        return None
    inner = text.strip()
    footer = inner[:1] in "（(" and inner[-1:] in "）)"
    if footer:
        inner = inner[1:-1].strip()
    match = BYLINE.match(inner)
    if not match:
        return None
    parts = [p for p in NAME_SEPARATORS.split(match.group("rest")) if p]
    place = None
    if parts and parts[-1].endswith(BYLINE_SUFFIXES):
        last = parts.pop()
        place = BYLINE_SUFFIX.sub("", last) or None
    if not parts or not all(NAME.match(p) for p in parts):
        return None
    outlet, _ = outlet_for(match.group("prefix"))
    return {"outlet": outlet, "authors": parts, "place": place, "footer": footer}


# A web page's publication line, kept when the page is copied as text: "发布时间:2019-08-30
# 20:33:15", "2026-01-16 来源:中国网财经", "21世纪经济报道 张欣 2025-12-04 07:00", "来源 | 零壹智库",
# "时间:2025-09-12 发布人:湖北银行". Read field by field; a line with anything else is text.
PUBLICATION_DATE = (r"(?:\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"
                    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
                    # day first, as Hong Kong pages stamp them, only with the time: 06.07.2016 13:45
                    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?)")
PUBLICATION_FIELD = re.compile(
    rf"(?P<gap>[\s|｜/·•丨]+)"
    rf"|(?P<date>{PUBLICATION_DATE})"
    rf"|(?:(?:发布|发表|发稿|更新|编辑)?(?:时间|日期)|(?i:date|published|posted))"
    rf"\s*[:：]?\s*(?P<labelled_date>{PUBLICATION_DATE})"
    rf"|(?:稿件|信息|文章|本文|新闻)?(?:来源|出处|发布人|发布单位|发布者)\s*[:：|｜]?\s*"
    rf"(?P<source>[^\s|｜:：]{{2,24}}?)(?P<source_date>{PUBLICATION_DATE})?"
    rf"(?=[\s|｜]|$|(?:作者|记者|编辑|责编)\s*[:：])"  # "来源:21世纪经济报道作者:吴霜…" too
    rf"|(?:作者|记者|文)\s*[:：|｜/]?\s*(?P<author>[\u4e00-\u9fff·]{{2,5}}(?:[、\s][\u4e00-\u9fff·]{{2,5}})*)"
    rf"(?=[\s|｜]|$|{PUBLICATION_DATE})"  # "作者:吴霜2025-09-03 09:03" too
    rf"|(?:责任编辑|责编|编辑|校对)\s*[:：]?\s*[\u4e00-\u9fff·]{{2,5}}(?=[\s|｜]|$)"
    # a field the page left empty ("来源:    作者:    时间: 2008-10-24")
    rf"|(?:稿件|信息|文章|本文|新闻)?(?:来源|出处|作者|记者|责任编辑|责编|编辑)\s*[:：](?=\s|$)"
    rf"|(?:阅读|浏览|点击)(?:量|次数)?\s*[:：]?\s*\d+\s*次?|\d+\s*次(?:阅读|浏览)?"
    rf"|星期[一二三四五六日天]|周[一二三四五六日]"
    rf"|(?P<word>[\u4e00-\u9fffA-Za-z0-9]{{2,20}})(?=[\s|｜]|$)"
)


# The same line run into the first paragraph, where a scrape lost the line break: it ends
# with a clock time, or it is a date with its label ("date 2025-08-22 港CRE不良贷款率…").
PUBLICATION_OPENING = re.compile(
    r"^(.{0,40}?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"|\s*(?:日期|时间|(?i:date|published|posted))\s*[:：]?\s*\d{4}-\d{1,2}-\d{1,2})\s+(?=\S)")


def parse_publication_line(text: str) -> dict | None:
    """A line of publication metadata -> date (YYYY-MM-DD), outlet, authors; else None.
    `text` is the simplified copy; the outlet is returned as a span, to be read in the
    original characters. It needs a date or a labelled source, and nothing but fields."""
    line = text.strip()
    start = len(line) - len(line.lstrip("-*·• "))
    if len(line) > 90 or any(mark in line for mark in "。，,；;！？"):
        return None
    found = {"date": None, "outlet": None, "authors": [], "words": []}
    position = start
    while position < len(line):
        match = PUBLICATION_FIELD.match(line, position)
        if not match or match.end() == position:
            return None
        position = match.end()
        written = match.group("date") or match.group("labelled_date") or match.group("source_date")
        if written and found["date"] is None:
            found["date"] = publication_day(written)
            if found["date"] is None:
                return None
        if match.group("source") and found["outlet"] is None:
            if re.search(r"\d{4}年|\d月", match.group("source")):
                return None  # "信息来源2023年中期报告": a document, not an outlet
            found["outlet"] = match.span("source")
        if match.group("author"):
            found["authors"] += re.split(r"[、\s]+", match.group("author"))
        if match.group("word"):
            found["words"].append(match.span("word"))
    # Bare words: an outlet's name and its reporters, beside a date ("每日经济新闻 2025-09-04").
    if found["words"]:
        if found["date"] is None or len(found["words"]) > 3:
            return None
        first, *others = found["words"]
        names = [line[a:b] for a, b in others]
        if not all(NAME.match(n) for n in names):
            return None
        if found["outlet"] is None:
            found["outlet"] = first
            found["authors"] += names
        elif not NAME.match(line[first[0]:first[1]]):
            return None
        else:
            found["authors"] += [line[first[0]:first[1]], *names]
    if found["date"] is None and found["outlet"] is None:
        return None
    return {"date": found["date"], "outlet_span": found["outlet"], "authors": found["authors"]}


def read_publication(original: str, found: dict) -> dict:
    """The parsed line with its outlet in canonical form, else as written (original script)."""
    span = found["outlet_span"]
    written = original[span[0]:span[1]] if span else None
    outlet = (outlet_for(to_simplified(written))[0] or written) if written else None
    return {"date": found["date"], "outlet": outlet, "authors": found["authors"]}


def publication_day(written: str) -> str | None:
    numbers = [int(n) for n in re.findall(r"\d+", written)[:3]]
    if len(numbers) == 3 and numbers[2] > 31:  # day first (30/3/2023), month first if over 12
        day, month, year = numbers
        numbers = [year, month, day] if month <= 12 else [year, day, month]
    if len(numbers) == 3 and valid_date(*numbers):
        return f"{numbers[0]:04d}-{numbers[1]:02d}-{numbers[2]:02d}"
    return None


def parse_dateline(text: str) -> dict | None:
    """'财联社2月14日讯（记者 梁柯志、高萍）…' at the start of a lede paragraph."""
    match = DATELINE.match(text)
    if not match:
        return None
    outlet, place = outlet_for(match.group("prefix"))  # ("中新网 太原": its place after a space)
    place = place.strip()
    if outlet is None:
        return None
    credit = match.group("credit") or ""
    names = [n for n in NAME_SEPARATORS.split(UP_TO_REPORTER.sub("", credit)) if NAME.match(n)]
    return {
        "outlet": outlet,
        "place": place or None,
        "authors": names,
        "year": match.group("year"),
        "month": int(match.group("month")),
        "day": int(match.group("day")),
        "end": match.end(),
    }


def ends_sentence(text: str) -> bool:
    core = text.rstrip().rstrip(CLOSERS)
    return bool(core) and core[-1] in SENTENCE_END


def classify(blocks: list[Block]) -> list[Block]:
    """Give each block its role: title, heading, byline, publication, caption, source, jump,
    link, para."""
    paras_since_title = 0
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        found = (parse_publication_line(block.simple)
                 if block.kind in ("para", "list") and paras_since_title <= 2 else None)
        # A line naming only a source, not a date, is the page's only at the very top;
        # under a paragraph "来源：XX年报" credits a chart.
        if found and (found["date"] or paras_since_title == 0):
            block.kind = "publication"  # near an article's top only: below, it is a credit
            mark_headline(blocks[:i])
            continue
        if block.kind == "para" and paras_since_title <= 2 and BREADCRUMB.match(block.simple):
            block.kind = "nav"
            continue
        if block.kind == "heading" and block.level == 1:
            paras_since_title = 0
            block.kind = "title"
        elif block.kind == "bold":
            short = len(block.text) <= 50 and not ends_sentence(block.text)
            block.kind = "heading" if short else "para"
            block.level = 2
        elif block.kind in ("para", "list"):
            simple = block.simple
            role = ROLE_LINE.match(simple)
            kind = role.lastgroup if role else None
            if kind in ("credit", "promo"):  # a long one is text, unless a page marker
                kind = "credit" if len(block.text) <= 80 else ("jump" if JUMP.match(simple) else None)
            if kind is None and parse_byline(simple):
                kind = "byline"
            if kind:
                block.kind = kind
        if block.kind == "heading" and following is not None and SOURCE_LINE.match(following.simple):
            block.kind = "caption"  # a heading that only names a figure left out of the text
        paras_since_title += block.kind == "para"
    return blocks


# A copied page's navigation: "当前位置:新闻 > 银行 > 正文", "首页 > 财经 > 正文", "熱門資訊> 正文".
BREADCRUMB = re.compile(r"^(?:(?:当前|您的|你的|您现在的|所在)位置\s*[:：]|[^。，,>＞»]{1,12}(?:\s*[>＞»]"
                        r"\s*[^。，,>＞»]{1,12}){0,5}\s*[>＞»]\s*正文$)")


def page_header_lines(lines: list[str]) -> list[str] | None:
    """The lines of a paragraph that is a copied page's header, a line each (never one
    sentence), else None; a publication line may itself be wrapped ("21世纪经济报道 张欣" over
    "2025-12-04 07:00") and is put back together."""
    header = [is_page_header_line(line) for line in lines]
    if not any(header):
        return None
    kept, k = [], 0
    while k < len(lines):
        if k + 1 < len(lines) and not header[k]:
            pair = join_lines(lines[k:k + 2])
            if is_publication_line(pair):
                kept.append(pair)
                k += 2
                continue
        kept.append(lines[k])
        k += 1
    return kept


def is_page_header_line(line: str) -> bool:
    """A breadcrumb or a publication line, which a copied page prints above its text."""
    if len(line) > 90:
        return False
    simple = to_simplified(line)
    return bool(BREADCRUMB.match(simple)) or has_publication_date(simple)


def is_publication_line(line: str) -> bool:
    """A publication line with a date (one with a source only may be a chart's credit)."""
    return len(line) <= 90 and has_publication_date(to_simplified(line))


def has_publication_date(simple: str) -> bool:
    return bool((parse_publication_line(simple) or {}).get("date"))


def mark_headline(above: list[Block]) -> None:
    """The short line right above a page's publication line is its headline; above that only
    a channel's name ("银行") or navigation, which go."""
    if not above or above[-1].kind != "para" or not is_headline(above[-1].text):
        return
    if not all(b.kind == "nav" or (b.kind == "para" and len(b.text) <= 12
                                   and not ends_sentence(b.text)) for b in above[:-1]):
        return
    above[-1].kind = "title"
    for block in above[:-1]:
        block.kind = "nav"


def is_headline(text: str) -> bool:
    return len(text) <= 60 and not ends_sentence(text) and text[-1:] not in "、，,：:；;“"


# ---------------------------------------------------------------- regions (articles)


@dataclass
class Section:
    title: str
    paras: list[Block] = field(default_factory=list)


@dataclass
class Region:
    """One article's share of a file while it is being cleaned."""

    title: str | None = None
    continued_from: str | None = None
    bylines: list[dict] = field(default_factory=list)
    dateline: dict | None = None
    publication: dict | None = None  # the page's publication line: date, outlet, authors
    sections: list[Section] = field(default_factory=lambda: [Section("")])
    notes: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    first_uid: int = 0

    @property
    def has_body(self) -> bool:
        return any(section.paras for section in self.sections)

    def paras(self) -> list[Block]:
        return [p for section in self.sections for p in section.paras]


@dataclass
class LogEntry:
    kind: str
    detail: str
    removed: str = ""
    region: int | None = None


def split_regions(blocks: list[Block], log: list[LogEntry]) -> list[Region]:
    """A level-1 heading, or a 'continued from page X' marker, starts a new article."""
    regions = [Region()]
    for block in blocks:
        region = regions[-1]
        if block.kind == "title":
            if region.has_body or region.continued_from:
                regions.append(Region(title=block.text, first_uid=block.uid))
            elif region.title is None:
                region.title = block.text
            else:
                region.sections.append(Section(block.text))  # a second title line: subtitle
        elif block.kind == "jump":
            jump = JUMP.match(block.simple)
            continued = jump.group(1) in ("上接", "接上", "续")
            if continued and (region.has_body or region.title):
                regions.append(Region(continued_from=jump.group(2), first_uid=block.uid))
            elif continued:
                region.continued_from = jump.group(2)
            log.append(LogEntry("note", f"page marker “{block.text}”", block.text,
                                len(regions) - 1))
        elif block.kind == "heading":
            region.sections.append(Section(block.text))
        elif block.kind == "publication":
            if region.publication is None:
                region.publication = read_publication(block.text.strip(), parse_publication_line(
                    block.simple.strip()))
            log.append(LogEntry("byline", f"publication line “{block.text}” kept as metadata",
                                block.text, len(regions) - 1))
        elif block.kind == "nav":
            log.append(LogEntry("note", f"page navigation “{block.text}” removed", block.text,
                                len(regions) - 1))
        elif block.kind == "byline":
            region.bylines.append(parse_byline(block.simple))
            log.append(LogEntry("byline", f"byline “{block.text}” kept as metadata", block.text,
                                len(regions) - 1))
        elif block.kind in ("caption", "source", "credit"):
            region.notes.append(block.text)
            what = "credit line" if block.kind == "credit" else f"{block.kind} of a figure not in the text"
            log.append(LogEntry("note", f"{what}: “{block.text}”", block.text, len(regions) - 1))
        elif block.kind == "link":
            region.links.extend(block.links)
            log.append(LogEntry("link", f"link line “{block.text}” kept as metadata "
                                f"({', '.join(link['url'] for link in block.links)})",
                                block.text, len(regions) - 1))
        else:
            opening_block = not region.has_body
            if opening_block and region.publication is None:
                opening = PUBLICATION_OPENING.match(block.simple)
                found = opening and parse_publication_line(opening.group(1))
                if found and found["date"]:  # "每日经济新闻 2025-09-04 03:16:49 面对…"
                    removed = block.text[: opening.end()]
                    region.publication = read_publication(removed, found)
                    block.text = block.text[opening.end():]
                    log.append(LogEntry("byline", f"publication line “{removed.strip()}” kept "
                                        "as metadata", removed, len(regions) - 1))
            if opening_block and region.dateline is None:
                dateline = parse_dateline(block.simple)
                if dateline:
                    removed = block.text[: dateline["end"]]
                    block.text = block.text[dateline["end"]:].lstrip()
                    region.dateline = dateline
                    log.append(LogEntry("byline", f"dateline “{removed}” kept as metadata",
                                        removed, len(regions) - 1))
            region.sections[-1].paras.append(block)
            region.links.extend(block.links)
    return [r for r in regions if r.has_body or r.title or any(s.title for s in r.sections)]


# ---------------------------------------------------------------- duplicated passages

WORD = re.compile(r"\w")
MIN_DUPLICATE = 50  # characters; authors repeat a clause, printers repeat a passage
MIN_DUPLICATE_PARAGRAPH = 8
SHINGLE = 16


def remove_duplicates(regions: list[Region], log: list[LogEntry]) -> None:
    """Keep a passage printed twice once: drop it where it makes up more of its paragraph."""
    paras = [(r_i, p) for r_i, region in enumerate(regions) for p in region.paras()]
    first_seen: dict[str, Block] = {}
    for r_i, p in paras:  # whole paragraphs printed again: linear, whatever the file size
        if len(p.text) >= MIN_DUPLICATE_PARAGRAPH and p.text in first_seen:
            log.append(LogEntry("duplicate", f"paragraph of {len(p.text)} characters printed "
                                "twice; kept once", p.text, r_i))
            p.text = ""
        else:
            first_seen.setdefault(p.text, p)
    paras = [(r_i, p) for r_i, p in paras if p.text]
    for (ri, a), (rj, b) in candidate_pairs(paras):
        if not a.text or not b.text:
            continue  # already emptied by an earlier pair
        if not shares_passage(a.text, b.text, MIN_DUPLICATE):
            continue  # most pairs: a shingle in common, no passage (SequenceMatcher is slow)
        match = SequenceMatcher(None, a.text, b.text, autojunk=False).find_longest_match()
        if match.size < MIN_DUPLICATE:
            continue
        if tells_of_other_banks(a.text[:match.a], b.text[:match.b]):
            continue  # the same words for two banks ("农行于12月22日下调…" and "中国银行…于12月
            # 22日下调…", as their announcements of one rate cut read): both stand
        # The copy that is most of its paragraph is the debris; ties drop the later one.
        if match.size / len(a.text) > match.size / len(b.text):
            start, loser, kept, loser_region = match.a, a, b, ri
        else:
            start, loser, kept, loser_region = match.b, b, a, rj
        passage = loser.text[start: start + match.size]
        loser.text = (loser.text[:start] + loser.text[start + match.size:]).strip()
        log.append(LogEntry(
            "duplicate",
            f"passage of {match.size} characters printed twice; kept once "
            f"(in the paragraph starting “{kept.text[:12]}…”)",
            passage, loser_region,
        ))
    for r_i, region in enumerate(regions):
        for section in region.sections:
            for p in section.paras:
                if p.text and not CJK.search(p.text) and not WORD.search(p.text):
                    log.append(LogEntry("duplicate", "punctuation left after removing a duplicate",
                                        p.text, r_i))
                    p.text = ""
            section.paras = [p for p in section.paras if p.text]


LEAD_REACH = 60  # characters before a repeated passage where its subject is named


def tells_of_other_banks(lead_a: str, lead_b: str) -> bool:
    """Whether the words before a passage in two paragraphs name different banks."""
    from analysis.banks import find_banks  # (only for the rare passage printed twice)

    banks_a = {m.banks for m in find_banks(to_simplified(lead_a[-LEAD_REACH:]))}
    banks_b = {m.banks for m in find_banks(to_simplified(lead_b[-LEAD_REACH:]))}
    return bool(banks_a) and bool(banks_b) and banks_a.isdisjoint(banks_b)


MAX_SHINGLE_SPREAD = 8  # a shingle in more paragraphs than this is boilerplate, not a misprint


# After each clause end, the SHINGLE characters that follow (empty near the end): one C pass.
CLAUSE_SHINGLE = re.compile(rf"[，。、；：！？,;:!?](?=(.{{{SHINGLE}}})?)", re.DOTALL)


def anchored_shingles(text: str) -> set[str]:
    """Shingles that start where a clause starts: a passage printed twice has the same ones
    in both copies wherever it stands, and there are a tenth as many as positions."""
    found = CLAUSE_SHINGLE.findall(text)
    shingles = set(found)
    shingles.discard("")
    if len(text) > 2 * MIN_DUPLICATE and len(found) < len(text) // MIN_DUPLICATE:
        # Long runs without punctuation: fall back to content-chosen shingles, a quarter of
        # them by a checksum of their text (Python's hash() of a string changes from run to
        # run, and with it which passages were found).
        everything = (text[k: k + SHINGLE] for k in range(len(text) - SHINGLE + 1))
        shingles.update(key for key in everything
                        if zlib.crc32(key.encode("utf-8", "surrogatepass")) % 4 == 0)
    return shingles


def candidate_pairs(paras: list[tuple[int, Block]]):
    """Pairs of paragraphs sharing a 16-character shingle: a cheap pre-filter. Only shingles
    found in two paragraphs or more are indexed (set operations, no loop over every one)."""
    shingle_sets = [(i, anchored_shingles(p.text)) for i, (_, p) in enumerate(paras)
                    if len(p.text) >= MIN_DUPLICATE]
    seen: set[str] = set()
    repeated: set[str] = set()
    for _, shingles in shingle_sets:
        repeated |= shingles & seen
        seen |= shingles
    if not repeated:
        return
    index: dict[str, list[int]] = {}
    for i, shingles in shingle_sets:
        for key in shingles & repeated:
            index.setdefault(key, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) <= MAX_SHINGLE_SPREAD:
            pairs.update((x, y) for n, x in enumerate(members) for y in members[n + 1:])
    for j, i in sorted(pairs):
        yield paras[j], paras[i]


def shares_passage(a: str, b: str, size: int) -> bool:
    """Whether `a` and `b` have `size` characters in a row in common: the longest match of
    SequenceMatcher is at least `size` exactly then, for a tenth of its cost."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < size:
        return False
    windows = {long[k: k + size] for k in range(len(long) - size + 1)}
    return any(short[k: k + size] in windows for k in range(len(short) - size + 1))


# ---------------------------------------------------------------- page-break joins

JOIN_THRESHOLD = 2
JOIN_WINDOW = 40  # blocks; continuations are printed on the same page
OPENER = re.compile(
    r"^(?:\d{1,2}月(?:\d{1,2}日|初|中|底|末)|\d{4}年|截[至止]到?(?:\d|今年|去年|上年|目前|年末|年底|报告期)|此外|另外|同时|与此同时|同一时间|据|随着|对此|"
    r"对于|未来|基于|按照|不过|但是|然而|因此|所以|此前|目前|近日|近年来|事实上|其中|首先|其次|最后|"
    r"[一二三四五六七八九十]是|第[一二三四五六七八九十]|[“「《]|[^\s，。：:]{1,12}[：:])"
)
COMMON_SINGLE_STARTS = set(
    "但而在据对从如将该其又这那我他她它此与和及并且若因由为被把让向自经当虽即仅已还也都更最再就才则"
    "另各每某本今去近前后首全总上下中大小新一二三四五六七八九十"
)

COMMON_SINGLE_ENDS = set("的了和与及或等在是为对向把被从将")


def quote_balance(text: str) -> tuple[int, bool]:
    """(unclosed opening quotes at the end, whether a closing quote comes before any opening)."""
    depth, closes_first = 0, False
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth == 0:
                closes_first = True
            else:
                depth -= 1
    return depth, closes_first


def overlap(a: str, b: str, longest: int = 4) -> int:
    """Characters printed at the end of `a` and again at the start of `b` ('核心' + '心领域')."""
    for k in range(min(longest, len(a), len(b)), 0, -1):
        if a[-k:] == b[:k] and CJK.match(a[-k:]):
            return k
    return 0


@lru_cache(maxsize=65536)
def starts_mid_word(head: str, segmenter: str = "jieba") -> bool:
    """The first word of `head` is a lone character that rarely starts a sentence ('遍认为')."""
    first = cut(head, hmm=False, segmenter=segmenter)[:1]
    return bool(first) and len(first[0]) == 1 and bool(CJK.match(first[0])) and (
        first[0] not in COMMON_SINGLE_STARTS
    )


@lru_cache(maxsize=65536)
def ends_mid_word(tail: str, segmenter: str = "jieba") -> bool:
    """The last word of `tail` is a lone character that rarely ends a clause ('…专家韦')."""
    last = cut(tail, hmm=False, segmenter=segmenter)[-1:]
    return bool(last) and len(last[0]) == 1 and bool(CJK.match(last[0])) and (
        last[0] not in COMMON_SINGLE_ENDS
    )


@lru_cache(maxsize=65536)
def crosses_boundary(left: str, right: str, segmenter: str = "jieba") -> str | None:
    """A dictionary word spanning the break ('普' + '遍认为' -> '普遍'), else None."""
    position = 0
    for token in cut(left + right, hmm=False, segmenter=segmenter):
        end = position + len(token)
        if position < len(left) < end and len(token) > 1:
            return token
        position = end
    return None


@lru_cache(maxsize=65536)
def trigrams(text: str) -> frozenset[str]:
    """Runs of three Chinese characters."""
    return frozenset(text[i: i + 3] for i in range(len(text) - 2)
                     if all("\u3400" <= ch <= "\u9fff" for ch in text[i: i + 3]))


def common_trigrams(paras: list[Block], wanted: set[str]) -> set[str]:
    """The `wanted` trigrams printed more than twice in these paragraphs (one pass over the text)."""
    if not wanted:
        return set()
    pattern = re.compile("|".join(map(re.escape, wanted)))
    counts = Counter(pattern.findall("\n".join(p.simple for p in paras)))
    return {t for t, n in counts.items() if n > 2}


def join_score(a: Block, b: Block, previous_kind: dict[int, str], adjacent: bool,
               common: set[str], segmenter: str = "jieba") -> tuple[int, int, list]:
    """How strongly `b` reads as the continuation of the cut paragraph `a`, and why.

    `common` holds the trigrams found in more than two paragraphs of the article: a shared
    rare name ('连云港') ties two pieces together, a shared common one ('人工智') does not.
    """
    a_text, b_text = a.simple, b.simple  # the dictionary and the rules are simplified
    score, reasons = 0, []
    mid_word = starts_mid_word(b_text[:8], segmenter)
    # A character printed on both sides of the break counts only where it splits a word.
    k = overlap(a_text, b_text) if mid_word else 0
    if k:
        score += 3
        reasons.append(f"repeated '{b_text[:k]}' at the break")
    a_mid_word = ends_mid_word(a_text[-8:], segmenter)
    # Two whole words that happen to make a longer one ('银行' + '业内') prove nothing.
    word = (crosses_boundary(a_text[-4:], b_text[k: k + 4], segmenter)
            if (mid_word or a_mid_word) else None)
    if word:
        score += 3
        reasons.append(f"word '{word}' split by the break")
    if adjacent:
        score += 2
        reasons.append("printed next")
    if previous_kind.get(b.uid) in ("caption", "source"):
        score += 2
        reasons.append("resumes after a figure")
    if mid_word:
        score += 1
        reasons.append(f"starts mid-word ('{b_text[:1]}')")
    shared = (trigrams(a_text[-15:]) & trigrams(b_text[:30])) - common
    if shared:
        score += 2
        reasons.append(f"same subject ('{sorted(shared)[0]}')")
    unclosed, _ = quote_balance(a_text)
    _, b_closes_first = quote_balance(b_text)
    if b_closes_first and unclosed:
        score += 3
        reasons.append("completes an open quotation")
    elif b_closes_first:
        score -= 5
    if OPENER.match(b_text):
        score -= 3
    return score, k, reasons


def join_fragments(regions: list[Region], blocks: list[Block], log: list[LogEntry],
                   segmenter: str = "jieba") -> None:
    """Join each paragraph cut mid-sentence to its best continuation on the page.

    Candidates are scored once per round and taken best first; a joined paragraph that is
    still cut gets another round (a passage broken across three columns).
    """
    next_uid = {a.uid: b.uid for a, b in itertools.pairwise(blocks)}
    previous_kind = {b.uid: a.kind for a, b in itertools.pairwise(blocks)}
    for r_i, region in enumerate(regions):
        for _ in range(5):
            paras = sorted(region.paras(), key=lambda p: p.uid)
            uids = [p.uid for p in paras]
            cut_paras = [a for a in paras if not ends_sentence(a.text) and a.kind != "list"]
            if not cut_paras:
                break
            common = common_trigrams(paras, set().union(*(trigrams(a.simple[-15:]) for a in cut_paras)))
            candidates = []
            for a in cut_paras:
                low = bisect.bisect_left(uids, a.tail_uid - JOIN_WINDOW)
                high = bisect.bisect_right(uids, a.tail_uid + JOIN_WINDOW)
                if a.tail_uid == uids[-1] or a.text.rstrip().endswith((":", "：")):
                    # the page's last paragraph, cut where the page (or a stored excerpt of it)
                    # ends: its continuation is lost, not printed before it; a paragraph ending
                    # on a colon (…如下:) opens what follows it
                    low = max(low, bisect.bisect_right(uids, a.uid))
                for b in paras[low:high]:
                    if b is a:
                        continue
                    adjacent = next_uid.get(a.tail_uid) == b.uid
                    score, k, reasons = join_score(a, b, previous_kind, adjacent, common,
                                                   segmenter)
                    if score >= JOIN_THRESHOLD:
                        candidates.append(((score, -abs(b.uid - a.tail_uid)), a, b, k, reasons))
            used: set[int] = set()
            for _, a, b, k, reasons in sorted(candidates, key=lambda c: c[0], reverse=True):
                if id(a) in used or id(b) in used:
                    continue
                used.update((id(a), id(b)))
                log.append(LogEntry(
                    "join",
                    f"“…{a.text[-12:]}” + “{b.text[:12]}…”: " + "; ".join(reasons),
                    b.text[:k], r_i,
                ))
                a.text += b.text[k:]
                a.tail_uid = b.tail_uid
                b.text = ""
            for section in region.sections:
                section.paras = [p for p in section.paras if p.text]
            if not used:
                break
        for p in region.paras():
            if not ends_sentence(p.text) and p.kind != "list":
                log.append(LogEntry("fragment", f"cut mid-sentence, continuation not on this page: "
                                    f"“…{p.text[-15:]}”", "", r_i))


# ---------------------------------------------------------------- sections printed elsewhere

MOVE_MARGIN = 1.5


MOVE_NEIGHBOURS = 3  # a misplaced section is printed near its article, on the same page


def terms(text: str, segmenter: str = "jieba") -> list[str]:
    return [t for t in cut(to_simplified(text), hmm=False, segmenter=segmenter)
            if len(t) > 1 and (CJK.match(t) or t.isalnum())]


def weighted(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    return {t: c * idf.get(t, 0.0) for t, c in counts.items() if c > 0}


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    dot = sum(w * v.get(t, 0.0) for t, w in u.items())
    norm = math.sqrt(sum(w * w for w in u.values())) * math.sqrt(sum(w * w for w in v.values()))
    return dot / norm if norm else 0.0


def section_text(section: Section) -> str:
    return section.title + "\n" + "\n".join(p.text for p in section.paras)


def move_sections(regions: list[Region], log: list[LogEntry], segmenter: str = "jieba") -> None:
    """A section printed after another article goes back to the article it is about.

    Compares the section's TF-IDF terms with the rest of its own article and with the
    neighbouring articles; it moves only when another article is clearly closer.
    """
    if sum(1 for r in regions if r.title or r.continued_from) < 2:
        return
    section_terms = {id(s): Counter(terms(section_text(s), segmenter))
                     for r in regions for s in r.sections}
    df = Counter(t for counts in section_terms.values() for t in counts)
    idf = {t: math.log((1 + len(section_terms)) / (1 + n)) + 1 for t, n in df.items()}
    region_terms = []
    for region in regions:
        total = Counter(terms(region.title or "", segmenter))
        for section in region.sections:
            total.update(section_terms[id(section)])
        region_terms.append(total)
    moves = []
    for r_i, region in enumerate(regions):
        # An article's first section with text is its own lede and never moves.
        for section in [s for s in region.sections if s.paras][1:]:
            mine = section_terms[id(section)]
            vector = weighted(mine, idf)
            own = cosine(vector, weighted(region_terms[r_i] - mine, idf))
            nearby = range(max(0, r_i - MOVE_NEIGHBOURS), min(len(regions), r_i + MOVE_NEIGHBOURS + 1))
            scores = [(cosine(vector, weighted(region_terms[o], idf)), o) for o in nearby if o != r_i]
            if not scores:
                continue
            best, target = max(scores)
            if best > 0.1 and best > MOVE_MARGIN * own:
                moves.append((r_i, section, target, best, own))
    for r_i, section, target, best, own in moves:
        regions[r_i].sections.remove(section)
        regions[target].sections.append(section)
        log.append(LogEntry(
            "moved",
            f"section “{section.title}” printed after “{label(regions[r_i])}” belongs to "
            f"“{label(regions[target])}” (similarity {best:.2f} against {own:.2f})",
            "", target,
        ))


def label(region: Region) -> str:
    """The article's title, else its first section heading, else the start of its text."""
    if region.title:
        return region.title
    first = next((s.title for s in region.sections if s.title), "")
    if first:
        return first
    opening = next((p.text for p in region.paras()), "")
    if opening:
        return opening[:24] + ("…" if len(opening) > 24 else "")
    return f"continued from {region.continued_from}" if region.continued_from else "untitled"


def drop_repeated_title(region: Region, title: str, log: list[LogEntry]) -> None:
    """Scraped bodies often open with the headline again (a page's <h1> kept as a paragraph,
    an export's content): it is the title, not text, unless it is all the text there is."""
    paras = region.paras()
    if len(paras) < 2 or squeeze(paras[0].text) != squeeze(title):
        return
    for section in region.sections:
        if paras[0] in section.paras:
            section.paras.remove(paras[0])
            break
    log.append(LogEntry("duplicate", "the title printed again as the first paragraph",
                        paras[0].text, 0))


NOT_WORD = re.compile(r"[\W_]+")


def squeeze(text: str) -> str:
    return NOT_WORD.sub("", text)


def plain_title(blocks: list[Block], metadata: dict) -> None:
    """A plain-text file's first line is its title when it is short and no sentence."""
    if metadata.get("title") or any(b.kind == "title" for b in blocks) or not blocks:
        return
    first = blocks[0]
    text = first.text
    if first.kind != "para" or len(text) > 40 or ends_sentence(text):
        return
    # Not a title but the start of a cut sentence: "…凭借牌照、", "…全省清", "“企业有现金流…".
    if text[-1] in "、，,：:；;“" or ends_mid_word(text[-8:]) or quote_balance(text)[0]:
        return
    first.kind = "title"


# ---------------------------------------------------------------- dates

FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# (not a span's start, "自2022年9月以来": a day written later need not be of that year)
YEAR_MONTH = re.compile(r"(?<!自)(\d{4})年(\d{1,2})月(?![^。！？\n]{0,12}以来)")
# A month ahead ("补贴将在2026年7月底届期", as written in either script): no date of the page
AHEAD_BEFORE = re.compile(r"[将將]\s*[在于於]?\s*$")
DEADLINE_AFTER = re.compile(r"\s*(?:\d{1,2}\s*月)?\s*[底末]?\s*(?:\d{1,2}\s*日)?\s*"
                            r"(?:届期|屆期|到期|届满|屆滿)")
MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")  # (not 去年11月21日)
# A year the text names as a time (2025年, 2025年一季度), not a target's (到2030年) nor a span's
# end (2021-2025年): a page that names it was written that year or later.
NAMED_YEAR = re.compile(r"(?<![\d到至~—－-])((?:19|20)\d{2})年(?!代)")
BASE_BEFORE = re.compile(r"(?:较|比|相比|相较于?)\s*$")  # 较2023年同期: a base, past


# Taiwan's Central News Agency closes a story with its editor and the day it was filed, in the
# Republic's calendar: "（編輯：潘羿菁）1120307" is 7 March 2023. Its reposts keep the line.
WIRE_TRAILER = re.compile(r"[(（]\s*(?:編輯|编辑|核稿|譯者|译者)\s*[:：][^()（）\n]{1,40}[)）]\s*"
                          r"(1[01]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def wire_date(text: str) -> str | None:
    """The day the last wire trailer of the page gives (WIRE_TRAILER), ISO, or None."""
    if not any(mark in text for mark in "輯辑稿譯译"):  # (a cheap test before the pattern)
        return None
    found = list(WIRE_TRAILER.finditer(text))
    if not found:
        return None
    year, month, day = (int(part) for part in found[-1].groups())
    year += 1911
    return f"{year:04d}-{month:02d}-{day:02d}" if valid_date(year, month, day) else None


def is_ahead(text: str, match: re.Match) -> bool:
    """Whether the month at `match` is a time ahead the page speaks of (将在…届期)."""
    return bool(AHEAD_BEFORE.search(text, max(0, match.start() - 4), match.start())
                or DEADLINE_AFTER.match(text, match.end()))


def infer_date(text: str) -> str | None:
    """The latest date a page mentions: month-days take the latest year written with a month.
    None when the page names a later year than that date ("2018年9月26日上市…2025年一季度末"),
    or names that date's year as over ("2023年11月27日拍卖…发布2023年业绩公告"): the date is
    then some event's, and the page's own is unknown."""
    months: list[tuple[int, int]] = []
    december_ends: list[int] = []  # years a month names over (上升至2023年12月底的2.69%)
    for match in YEAR_MONTH.finditer(text):
        if not 1 <= int(match.group(2)) <= 12 or is_ahead(text, match):
            continue
        months.append((int(match.group(1)), int(match.group(2))))
        if YEAR_OVER_AFTER.match(text, match.start(2)):  # (read after "YYYY年", as it is)
            december_ends.append(int(match.group(1)) + 1)
    candidates = [(int(y), int(m), int(d)) for y, m, d in FULL_DATE.findall(text)]
    if months:
        year = max(months)[0]
        candidates += [(year, int(m), int(d)) for m, d in MONTH_DAY.findall(text)]
    valid = [c for c in candidates if valid_date(*c)]
    # a year named as over (2023年业绩公告, 2024年末) or as a base (较2023年同期) is written of
    # in a later year
    latest_year = max((int(m.group(1)) + bool(YEAR_OVER_AFTER.match(text, m.end())
                                              or BASE_BEFORE.search(text, max(0, m.start() - 4),
                                                                    m.start()))
                       for m in NAMED_YEAR.finditer(text) if not is_ahead(text, m)), default=0)
    # so is a year at its December's end, even where 至 reads as a span's end to NAMED_YEAR
    latest_year = max([latest_year, *december_ends])
    if valid:
        y, m, d = max(valid)
        return f"{y:04d}-{m:02d}-{d:02d}" if y >= latest_year else None
    if months:
        y, m = max(months)
        return f"{y:04d}-{m:02d}" if y >= latest_year else None
    return None


def filing_day(published: str, month: int, day: int) -> str | None:
    """The day a dateline's month and day name, in the year that puts it on or before
    `published` (YYYY-MM-DD or YYYY-MM) and within a year of it; else None."""
    if len(published) < 7:
        return None
    year, later = int(published[:4]), (month, day) > (int(published[5:7]), int(published[8:10] or 31))
    year -= later
    return f"{year:04d}-{month:02d}-{day:02d}" if valid_date(year, month, day) else None


def valid_date(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- assembly


def article_id(source_file: str, number: int) -> str:
    """'2025/02/a.md' -> '2025/02/a-1'; an export row 'news.jsonl#12' -> 'news#12-1'."""
    return f"{article_stem(source_file)}-{number}"


@lru_cache(maxsize=4096)
def article_stem(source_file: str) -> str:
    path, hash_sign, row = source_file.partition("#")
    return f"{PurePosixPath(path).with_suffix('').as_posix()}{hash_sign}{row}"


def clean_document(doc: Document, segmenter: str = "jieba") -> tuple[list[dict], list[dict]]:
    """One decoded file to (articles, cleaning-log rows); `segmenter` (jieba or rjieba, the same
    dictionary) tells word boundaries at page breaks and the words of misplaced sections."""
    log: list[LogEntry] = []
    # What the HTML of the body held besides text (analysis.markup) belongs to article 1.
    log += [LogEntry("note", f"image caption: “{note}”", note, 0)
            for note in doc.metadata.get("notes", [])]
    log += [LogEntry("link", f"link “{link['text']}” kept as metadata ({link['url']})", "", 0)
            for link in doc.metadata.get("links", [])]
    body, readings = strip_pinyin_annotations(doc.body)
    if readings:  # reading aids printed inline break words (農(nóng)行) and bank names
        log.append(LogEntry("note", f"{len(readings)} pinyin reading aids after characters "
                            f"removed, such as {readings[0]}", " ".join(readings), 0))
    blocks = classify(split_blocks(body))
    plain_title(blocks, doc.metadata)
    regions = split_regions(blocks, log)
    remove_duplicates(regions, log)
    if doc.metadata.get("markup") != "html":  # HTML paragraphs are authored, never cut
        join_fragments(regions, blocks, log, segmenter)
    move_sections(regions, log, segmenter)
    for r_i, region in enumerate(regions):
        if not region.has_body:
            headings = [region.title or "", *(s.title for s in region.sections)]
            log.append(LogEntry("empty", "headings with no text under them", " ".join(headings), r_i))
    regions = [r for r in regions if r.has_body]
    if regions and doc.metadata.get("title"):
        drop_repeated_title(regions[0], doc.metadata["title"], log)
    # Only needed where the metadata gives no date, which applies to every article of the file.
    page_date = None if doc.metadata.get("date") else infer_date(
        "\n".join(p.text for r in regions for p in r.paras()))
    page_outlet = next((b["outlet"] for r in regions for b in r.bylines if b.get("outlet")), None)

    articles = []
    for number, region in enumerate(regions, start=1):
        articles.append(assemble(doc, region, number, page_date, page_outlet))
        if len(regions) > 1:
            log.append(LogEntry("split", f"article {number} of {len(regions)} on this page: "
                                f"“{articles[-1]['title']}”", "", number - 1))
    ids = [a["article_id"] for a in articles]
    rows = [
        {
            "file": doc.source_file,
            "article_id": ids[e.region] if e.region is not None and e.region < len(ids) else None,
            "kind": e.kind,
            "detail": e.detail,
            "removed": e.removed,
        }
        for e in log
    ]
    return articles, rows


def assemble(doc: Document, region: Region, number: int, page_date: str | None,
             page_outlet: str | None) -> dict:
    paragraphs, sections, offset, bare_headings = [], [], 0, []
    for section in region.sections:
        if not section.paras:
            if section.title:  # a heading with nothing under it (the page ends): kept as a note
                bare_headings.append(f"heading with no text under it: {section.title}")
            continue
        sections.append({"title": section.title, "offset": offset})
        for p in section.paras:
            paragraphs.append(p.text)
            offset += len(p.text) + 1
    text = "\n".join(paragraphs)
    # A byline under the title beats the dateline, which beats a closing "（记者 X）" footer.
    byline = next((b for b in region.bylines if not b["footer"]), None)
    footer = next((b for b in region.bylines if b["footer"]), None) or {}
    dateline = region.dateline or {}
    publication = region.publication or {}
    # Authors and outlet the file's metadata declares (front matter, page, export row) win.
    authors = ((number == 1 and doc.metadata.get("authors")) or (byline or {}).get("authors")
               or publication.get("authors") or dateline.get("authors")
               or footer.get("authors") or [])
    outlet = (doc.metadata.get("outlet") or (byline or {}).get("outlet")
              or publication.get("outlet") or dateline.get("outlet")
              or footer.get("outlet") or page_outlet)
    title = (number == 1 and doc.metadata.get("title")) or region.title or label(region)
    date, date_source = doc.metadata.get("date"), "front_matter"
    year, month, day = int(dateline.get("year") or 0), dateline.get("month"), dateline.get("day")
    if not date and publication.get("date"):
        date, date_source = publication["date"], "text"
    if not date and year and valid_date(year, month, day):
        date, date_source = f"{year:04d}-{month:02d}-{day:02d}", "text"
    elif date and date_source != "front_matter" and not year and month and day:
        # a repost's page line is when the copy went up; its wire dateline is when the story
        # was filed ("发布时间:2024-12-01 … 中新网 太原4月3日电": 2024-04-03)
        date = filing_day(date, int(month), int(day)) or date
    if not date and (trailer := wire_date("\n".join(p.text for p in region.paras()))):
        date, date_source = trailer, "text"
    if not date:
        date, date_source = page_date, "inferred" if page_date else None
    return {
        "article_id": article_id(doc.source_file, number),
        "source_file": doc.source_file,
        "title": title,
        "outlet": outlet,
        "authors": authors,
        "place": (byline or {}).get("place") or dateline.get("place"),
        "date": date,
        "date_source": date_source,
        "continued_from": region.continued_from,
        "sections": sections,
        "notes": (doc.metadata.get("notes", []) if number == 1 else []) + region.notes
                 + bare_headings,
        "links": ([{"text": "source", "url": doc.metadata["source_url"]}]
                  if doc.metadata.get("source_url") and number == 1 else [])
                 + (doc.metadata.get("links", []) if number == 1 else []) + region.links,
        "summary": doc.metadata.get("summary") if number == 1 else None,
        "tags": doc.metadata.get("tags", []) if number == 1 else [],
        "n_chars": len(text),
        "text": text,
        "sha256": doc.sha256,
    }
