"""A saved news web page (.html, .htm) to one document, with trafilatura.

trafilatura finds the main text and leaves out navigation, ads, related-article lists,
footers and scripts; it also reads the title, date, author and site name from the page's
metadata. The bytes are decoded first with the charset the page declares (Chinese pages
are often GBK or GB2312), falling back on the loader's detection.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from functools import cache

import lxml.etree
import lxml.html

from analysis.loading import CJK, Document, Problem, decode_bytes, looks_binary, make_document
from analysis.markup import html_to_text

# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# GB2312 and GBK pages use characters only their superset GB18030 decodes.
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
             "big5": "big5hkscs"}
SNIFF_BYTES = 4096  # the HTML standard looks for the charset in the first 1024; be generous


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a meta tag, as a Python codec name; None if none or unknown."""
    match = META_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        codec = codecs.lookup(SUPERSETS.get(name, name)).name
    except LookupError:
        return None
    return SUPERSETS.get(codec, codec)


def decode_page(data: bytes) -> tuple[str, str]:
    """(text, encoding): a BOM first, then the declared charset, then the loader's detection."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        charset = declared_charset(data)
        if charset:
            try:
                return data.decode(charset), charset
            except UnicodeDecodeError:
                pass  # the declaration lies (a UTF-8 page saved as GBK's template): detect
    return decode_bytes(data)


def meta_author(page: str) -> str | None:
    """<meta name="author">: trafilatura drops names it cannot split into first and last."""
    try:
        root = lxml.html.document_fromstring(page)
    except ValueError:  # a str that declares its encoding in an XML prolog
        root = lxml.html.document_fromstring(page.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except lxml.etree.ParserError:
        return None
    names = root.xpath('//meta[@name="author" or @property="article:author"]/@content')
    return next((name.strip() for name in names if name.strip()), None)


@cache
def extraction_config():
    from trafilatura.settings import use_config

    config = use_config()
    # Short news items (快讯) are a few hundred characters: keep them.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def document_from_page(name: str, data: bytes) -> tuple[Document | None, list[Problem]]:
    """One saved page to a Document, or None and the reason it was skipped."""
    try:
        page, encoding = decode_page(data)
    except ValueError as error:
        return None, [Problem(name, "skipped", str(error))]
    if looks_binary(page):
        return None, [Problem(name, "skipped", "binary content (control characters), not text")]
    import trafilatura  # a second to import; only corpora with pages pay it

    try:
        extracted = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=True,
            deduplicate=False, config=extraction_config(),
            # The time and zone too, so that the day is taken in China time.
            date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z",
                                    "extensive_search": True, "original_date": True},
        )
    except Exception as error:  # trafilatura on hostile HTML: that page only
        return None, [Problem(name, "skipped", f"web page could not be read "
                                               f"({type(error).__name__}: {error})")]
    if extracted is None or not (extracted.text or "").strip():
        # Too short or too plain for trafilatura: the page's visible text, with a warning.
        text = html_to_text(page).text
        if not CJK.search(text):
            return None, [Problem(name, "skipped", "web page without main text")]
        document, problems = make_document(name, hashlib.sha256(data).hexdigest(), encoding,
                                           {}, text, from_html=True)
        warning = Problem(name, "warning", "no main text found; the whole page's text is used")
        return document, [warning, *problems]
    raw_meta = {
        "title": extracted.title,
        "date": extracted.date,
        "author": extracted.author or meta_author(page),
        "outlet": extracted.sitename,
        "url": extracted.url,
        "tags": extracted.tags or None,
        "categories": extracted.categories or None,
    }
    # Markdown (headings as '#', paragraphs blank-line separated), as the cleaner reads it;
    # the page's <h1> repeats the title and becomes the title, not a paragraph.
    body = extracted.text
    problems = [] if encoding == "utf-8" else [Problem(name, "info", f"decoded as {encoding}")]
    document, more = make_document(name, hashlib.sha256(data).hexdigest(), encoding,
                                   {k: v for k, v in raw_meta.items() if v}, body, from_html=True)
    return document, [*problems, *more]
