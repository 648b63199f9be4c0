"""Publication dates as feeds, blogs, pages and scrapers write them, to one ISO date.

A date with a time zone is moved to China time (Asia/Shanghai) before its day is taken:
`Mon, 14 Feb 2022 18:00:00 GMT` was published on 15 February in Beijing. A date without a
zone is taken as written. The standard library reads the common forms; dateparser is only
the fallback for the rest, and an unreadable value gives None (the caller warns), never an
exception.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import cache
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")
# Unix times between 1990 and 2100, in seconds or milliseconds.
UNIX_SECONDS = (631_152_000, 4_102_444_800)
# 2022-02-15, 2022/2/15, 2022.02.15, 2022年2月15日, each optionally with a time and a zone.
NUMERIC = re.compile(
    r"^\s*(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[T\s]*(?P<H>\d{1,2})[:时](?P<M>\d{1,2})(?:[:分](?P<S>\d{1,2})(?:\.\d+)?)?秒?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?\s*$",
    re.IGNORECASE,
)
# RFC 2822 as RSS, Hexo and mail write it: "Tue, 15 Feb 2022 14:32:38 GMT" (email.utils is
# lenient beyond this shape and silently drops "PM" or a zone it does not know).
RFC2822 = re.compile(r"^\s*(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
                     r"(?:\s+(?:[+-]\d{4}|[A-Z]{1,5}))?\s*$")
DIGITS = re.compile(r"^\s*\d{9,13}(?:\.\d+)?\s*$")
# A year a text names as over: its end (2024年末, 2024年12月底, 2024年12月31日; not 年底前, a
# deadline, nor 2024年末期股息, its final dividend), its annual report or results (2023年业绩
# 公告), or listed before 今年 ("2024年及今年一季度财报"): the text is written in a later year.
# (Read after "YYYY年".)
YEAR_OVER_AFTER = re.compile(r"(?:12\s*月\s*)?(?:末|底)(?!前|期)|12\s*月\s*31\s*日"
                             r"|年报|年度报告|年度业绩|年度财报|全年业绩|业绩"
                             r"|\s*(?:及|和|与|、)\s*今年")
# The fallback only sees values that name a year: dateparser reads "3" or "now" as a date.
HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


# A month without its day ("2019-08", "2019/08", "2019年8月"), as scrapers record a page whose
# address gives only its month (…/201908/…): the month, YYYY-MM, no day made up for it
MONTH_ONLY = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>0?[1-9]|1[0-2])\s*月?\s*$")


def parse_date(value: object) -> str | None:
    """ISO date (YYYY-MM-DD) in China time, or YYYY-MM for a month given without its day, or
    None when `value` holds no possible date."""
    if isinstance(value, str) and (month := MONTH_ONLY.match(value)):
        return f"{int(month.group('y')):04d}-{int(month.group('m')):02d}"
    try:
        moment = to_datetime(value)
    except (ValueError, OverflowError, TypeError, OSError):
        return None
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(CHINA)
        return moment.date().isoformat()
    return moment.isoformat()


def to_datetime(value: object) -> dt.date | dt.datetime | None:
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return from_unix(float(value))
    text = str(value).strip()
    if not text:
        return None
    if DIGITS.match(text):
        return from_unix(float(text))
    if match := NUMERIC.match(text):
        return from_parts(match)
    if RFC2822.match(text):  # feeds' usual form, never ISO: tried before fromisoformat raises
        try:
            return email.utils.parsedate_to_datetime(text)
        except (ValueError, TypeError, IndexError):
            pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if not HAS_YEAR.search(text) or impossible_numeric(text):
        return None
    return fallback(text)


def from_unix(seconds: float) -> dt.datetime | None:
    if seconds > UNIX_SECONDS[1]:
        seconds /= 1000  # milliseconds, as JavaScript scrapers write them
    if not UNIX_SECONDS[0] <= seconds <= UNIX_SECONDS[1]:
        return None
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def from_parts(match: re.Match) -> dt.date | dt.datetime:
    y, m, d = (int(match.group(k)) for k in "ymd")
    if match.group("H") is None:
        return dt.date(y, m, d)  # raises ValueError for 2025-02-30
    moment = dt.datetime(y, m, d, int(match.group("H")), int(match.group("M")),
                         int(match.group("S") or 0))
    zone = (match.group("tz") or "").upper()
    if zone in ("Z", "UTC", "GMT"):
        return moment.replace(tzinfo=dt.UTC)
    if zone:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return moment.replace(tzinfo=dt.timezone(sign * offset))
    return moment


def impossible_numeric(text: str) -> bool:
    """'2025-02-30 10:00 foo': a numeric date the fast path saw and refused stays refused
    (dateparser would roll it over or guess)."""
    head = re.match(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", text)
    if not head:
        return False
    try:
        dt.date(*(int(part) for part in head.groups()))
    except ValueError:
        return True
    return False


@cache
def dateparser_settings() -> dict:
    return {"REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True}


def fallback(text: str) -> dt.datetime | None:
    import dateparser  # slow to import; most corpora never need it

    return dateparser.parse(text[:100], settings=dateparser_settings())
