"""HTML inside an article body (blog mirrors, CMS exports, scraper rows) to plain paragraphs.

The body is parsed with lxml's HTML parser, never with regular expressions: block elements
become paragraphs separated by a blank line, scripts, styles and comments go, entities are
decoded, image captions become notes and link targets become links. The text that comes out
is what a reader of the page sees, in the Markdown-like form the cleaner reads, so its
page-break and duplicate logic works on paragraphs rather than on tag fragments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree

# Elements whose content is never text a reader sees.
DROPPED = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "video", "audio", "head", "title", "meta", "link", "button", "select", "textarea",
    "input", "form", "rt", "rp",  # ruby: the reading aid (拼音) above a character, not text
})
# Elements that start and end a paragraph.
BLOCKS = frozenset({
    "p", "div", "blockquote", "section", "article", "main", "aside", "header", "footer", "nav",
    "figure", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
    "pre", "address", "center", "hr", "body", "html", "details", "summary", "caption",
})
CELLS = frozenset({"td", "th"})
SEPARATED = (*BLOCKS, "br", *CELLS)
HEADINGS = {f"h{level}": level for level in range(1, 7)}
CAPTIONS = frozenset({"figcaption"})
# Class names CMSs give image captions: img_descr (Sina), caption, pic-desc, image-note ...
CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:img_?descr?|caption|pic_?(?:desc|text|info|note)|"
                           r"image_?(?:desc|note|caption)|photo_?(?:desc|caption))(?:$|[\s_-])",
                           re.IGNORECASE)
PARSER = lxml.etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
# Elements that may be captions; CAPTION_CLASS then decides (a plain XPath is the fastest).
CAPTION_CANDIDATES = lxml.etree.XPath("//figcaption | //*[@class]")
CLASS_VALUES = lxml.etree.XPath("//@class")  # joined by spaces, CAPTION_CLASS reads them alike
BREAK = "\ufdd0"  # paragraph break while collecting: a Unicode noncharacter, never in text
# The text of a tree, a BREAK before and after each block and after each <br>, a space after
# each cell: what the loop at the end of html_to_text does, in C.
VISIBLE_TEXT = lxml.etree.XSLT(lxml.etree.XML(f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="utf-8"/>
  <xsl:template match="{'|'.join(sorted(BLOCKS))}">{BREAK}<xsl:apply-templates/>{BREAK}</xsl:template>
  <xsl:template match="br">{BREAK}</xsl:template>
  <xsl:template match="{'|'.join(sorted(CELLS))}"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>"""))

# Known tag names, so that "a<b" or a stray "<" in Chinese copy is not read as HTML.
TAG_NAMES = (
    "p|div|span|br|img|a|b|i|u|em|strong|font|small|big|sub|sup|blockquote|section|article|"
    "table|thead|tbody|tr|td|th|ul|ol|li|dl|dt|dd|h[1-6]|pre|code|hr|figure|figcaption|center|"
    "script|style|iframe|video|audio|source|header|footer|nav|main|aside|html|body|head|meta|"
    "link|label|input|form|button|select|option|noscript|svg|picture|mark|del|ins|s|strike|"
    "abbr|cite|q|time|address|caption|wbr|ruby|rt|rp"
)
CLOSING_TAG = re.compile(rf"</(?:{TAG_NAMES})\s*>", re.IGNORECASE)
VOID_OR_ATTRIBUTED_TAG = re.compile(
    rf"<(?:(?:br|hr|img|wbr|meta|link|source|input)\b[^<>]*|(?:{TAG_NAMES})\s+[a-z-]+\s*=[^<>]*)/?>",
    re.IGNORECASE,
)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Elements whose content the parser reads as raw text to their end tag. Content farms scatter
# them empty (<noframes id="tcrda">) without one, and the rest of the page would come out as
# tag soup: the tags go, their content is read as HTML (a browser shows it as text too).
RAW_TEXT_TAG = re.compile(r"</?(?:noframes|noembed|xmp|plaintext)\b[^<>]*>", re.IGNORECASE)
ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,6});")
# What an XML tree cannot hold (control characters, noncharacters such as BREAK): invisible.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufdd0-\ufdef\ufffe\uffff]")
# A blank line; Markdown paragraphs are text before or after one (markdown_paragraphs).
BLANK_LINE_ONLY = re.compile(r"\n[ \t\u3000]*\n")
BLANK_LINE = re.compile(r"[ \t\u00a0\u3000]*\n[ \t\u00a0\u3000]*\n\s*")
OTHER_SPACES = "\t\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff"
SPACES = re.compile(f"[ {OTHER_SPACES}]+")
RUN_OF_SPACES = re.compile("  +")
# After SPACES and " \n" -> "\n": a line break and the breaks and spaces after it. A pattern
# that starts with a literal is found without trying every position of the text.
SOFT_BREAK = re.compile("\n[\n ]*")


@dataclass
class Markup:
    """The visible text of an HTML body, with what was taken out of it."""

    text: str
    notes: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)


def has_html(text: str) -> bool:
    """A closing tag, a void tag or a tag with attributes, a comment or an entity: real
    markup. An opening `<b>` alone, 'a<b' or 《书名》 are not."""
    if "<" not in text and "&" not in text:
        return False  # most titles and plain bodies: no pattern can match
    return bool(CLOSING_TAG.search(text) or VOID_OR_ATTRIBUTED_TAG.search(text)
                or COMMENT.search(text) or ENTITY.search(text))


def html_to_text(html: str) -> Markup:
    """Paragraphs (blank-line separated) of the visible text, image captions as notes and
    link targets as links. Line breaks inside a paragraph are kept, as in Markdown.

    The tree is edited in place with lxml's own loops (strip, iter by tag) and its text read
    in one pass: Python touches only blocks, captions, headings and links, not every tag."""
    markup = Markup("")
    if not html.strip():
        return markup
    # Plain etree elements: lxml.html's element classes cost a Python call per element.
    if "<no" in html or "<xmp" in html or "<plain" in html:
        html = RAW_TEXT_TAG.sub("", html)
    root = lxml.etree.HTML(NOT_XML.sub("", html), parser=PARSER)
    if root is None:
        return Markup(normalise(html))
    lxml.etree.strip_elements(root, *DROPPED, with_tail=False)
    # One look at every class at once first: most bodies have no caption at all.
    has_captions = (next(root.iter(*CAPTIONS), None) is not None
                    or CAPTION_CLASS.search(" ".join(CLASS_VALUES(root))))
    for element in CAPTION_CANDIDATES(root) if has_captions else ():
        if element.getparent() is None and element is not root:
            continue  # inside a caption already taken out
        if element.tag in CAPTIONS or CAPTION_CLASS.search(element.get("class") or ""):
            caption = one_line("".join(element.itertext()))
            if caption:
                markup.notes.append(caption)
            replace_with_text(element, BREAK)
    for element in root.iter(*HEADINGS):
        heading = one_line("".join(element.itertext()))
        replace_with_text(element, f"{BREAK}{'#' * HEADINGS[element.tag]} {heading}{BREAK}"
                          if heading else BREAK)
    for element in root.iter("a"):
        add_link(element, markup)
    # Blank lines inside text separate Markdown paragraphs; without them (CMS HTML) every
    # run of whitespace is one soft break and the text nodes need no look of their own, so
    # libxslt writes the text with its breaks in one pass, without a Python call per block.
    if not markdown_paragraphs(html):
        markup.text = normalise(str(VISIBLE_TEXT(root)))
        return markup
    for element in root.iter(*SEPARATED):
        tag = element.tag
        if tag in CELLS:
            element.tail = " " + (element.tail or "")
            continue
        if tag != "br":  # news pages separate paragraphs with <br> as often as with <p>
            element.text = BREAK + (element.text or "")
        element.tail = BREAK + (element.tail or "")
    markup.text = normalise("".join(map(source_text, root.itertext())))
    return markup


def replace_with_text(element, text: str) -> None:
    """Drop the element's content and put `text` in its place (its tail stays)."""
    for child in list(element):
        element.remove(child)
    element.text = text
    element.tag = "span"  # inline now: the text carries its own breaks


def add_link(element, markup: Markup) -> None:
    url = (element.get("href") or "").strip()
    if url and not url.lower().startswith(("javascript:", "#", "mailto:")):
        markup.links.append({"text": one_line("".join(element.itertext())), "url": url})


def markdown_paragraphs(html: str) -> bool:
    """Text before or after a blank line (not a tag's '>' before it, not a '<' after it):
    Markdown paragraphs around or beside the HTML. Only blank lines are looked at."""
    for blank in BLANK_LINE_ONLY.finditer(html):
        before = blank.start()
        while before > 0 and html[before - 1] in " \t\u3000":
            before -= 1
        if before > 0 and html[before - 1] != ">" and not html[before - 1].isspace():
            return True
        after = blank.end()
        while after < len(html) and html[after].isspace():
            after += 1
        if after < len(html) and html[after] != "<":
            return True
    return False


def source_text(text: str) -> str:
    """HTML whitespace as a browser reads it, but with Markdown's paragraphs: a blank line
    inside text (a Markdown post with some HTML in it) separates paragraphs; any other run of
    whitespace with a line break is one soft break, so pretty-printed HTML, where every
    inline tag sits on its own indented line, does not fall apart into paragraphs."""
    if "\n" not in text:
        return text
    if not text.strip():
        return "\n"
    return BLANK_LINE.sub(BREAK, text)


def one_line(text: str) -> str:
    return SPACES.sub(" ", " ".join(text.split())).strip()


def collapse_spaces(text: str) -> str:
    """SPACES.sub(" ", text) in a quarter of the time: the rare space characters are looked
    for one by one (a scan in C each), then runs of spaces collapsed by a pattern that
    starts with a literal (a pattern starting with a character class is tried everywhere)."""
    for space in OTHER_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return RUN_OF_SPACES.sub(" ", text)


def normalise(text: str) -> str:
    """Paragraphs separated by one blank line; indent spaces (full-width, &nbsp;) and runs of
    spaces collapsed; soft line breaks inside a paragraph kept, one at a time. Whole-text
    passes: a loop over lines was most of the time of this module."""
    text = SOFT_BREAK.sub("\n", collapse_spaces(text).replace(" \n", "\n"))
    chunks = (chunk.strip(" \n") for chunk in text.split(BREAK))
    return "\n\n".join(chunk for chunk in chunks if chunk)
