"""Publication dates in the forms feeds, blogs, pages and scrapers write them."""

import datetime as dt
import email.utils
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.dates import parse_date

CHINA = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2022-02-15", "2022-02-15"),
        ("2022/02/15", "2022-02-15"),
        ("2022/2/5", "2022-02-05"),
        ("2022.02.15", "2022-02-15"),
        ("2022年2月15日", "2022-02-15"),
        ("2022年2月15日 08:30", "2022-02-15"),
        ("2025-02-14 14:51:14", "2025-02-14"),  # no zone: taken as written
        ("2022-02-15T14:51:14+08:00", "2022-02-15"),
        ("2022-02-14T20:00:00Z", "2022-02-15"),  # 04:00 in Beijing
        ("2022-02-14T20:00:00.123456+00:00", "2022-02-15"),
        ("2022-02-15 23:30:00 +0000", "2022-02-16"),
        ("Tue, 15 Feb 2022 14:32:38 GMT", "2022-02-15"),
        ("Mon, 14 Feb 2022 18:00:00 GMT", "2022-02-15"),  # the brief's example
        ("Mon, 14 Feb 2022 10:00:00 +0000", "2022-02-14"),
        ("14 Feb 2022 18:00 EST", "2022-02-15"),
        ("February 15, 2022 10:00 PM EST", "2022-02-16"),  # dateparser, zone honoured
        ("15 February 2022", "2022-02-15"),
        (1644933158, "2022-02-15"),  # Unix seconds
        (1644933158000, "2022-02-15"),  # milliseconds, as JavaScript writes them
        ("1644933158", "2022-02-15"),
        (1644933158.5, "2022-02-15"),
        (dt.date(2022, 2, 15), "2022-02-15"),
        (dt.datetime(2022, 2, 14, 18, 0, tzinfo=dt.UTC), "2022-02-15"),
    ],
)
def test_common_forms(value, date):
    assert parse_date(value) == date


@pytest.mark.parametrize(
    "value",
    ["Invalid Date", "2025-02-30", "2022-13-01", "Tue, 31 Feb 2022 14:32:38 GMT", "3", "now",
     "昨天", "", "   ", None, True, 12, "Feb 2022", "2022-13", "2025-02-30 10:00 UTC", [], {}],
)
def test_unreadable_or_impossible_dates_give_none(value):
    assert parse_date(value) is None


aware = st.datetimes(min_value=dt.datetime(1991, 1, 1), max_value=dt.datetime(2099, 12, 31),
                     timezones=st.sampled_from([dt.UTC, CHINA, ZoneInfo("America/New_York"),
                                                dt.timezone(dt.timedelta(hours=-11)),
                                                dt.timezone(dt.timedelta(hours=14))]))


def china_day(moment: dt.datetime) -> str:
    return moment.astimezone(CHINA).date().isoformat()


@settings(max_examples=200, deadline=None)
@given(aware)
def test_a_time_with_a_zone_is_dated_in_china(moment):
    moment = moment.replace(microsecond=0)
    assert parse_date(email.utils.format_datetime(moment)) == china_day(moment)
    assert parse_date(moment.isoformat()) == china_day(moment)
    assert parse_date(moment.isoformat().replace("+00:00", "Z")) == china_day(moment)
    assert parse_date(int(moment.timestamp())) == china_day(moment)
    assert parse_date(int(moment.timestamp()) * 1000) == china_day(moment)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_a_date_without_a_zone_is_taken_as_written(day):
    for text in (day.isoformat(), f"{day.year}/{day.month}/{day.day}",
                 f"{day.year}年{day.month}月{day.day}日", f"{day.isoformat()} 23:59:59"):
        assert parse_date(text) == day.isoformat()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True)))
def test_never_raises_and_gives_a_real_date_or_none(value):
    parsed = parse_date(value)
    assert parsed is None or dt.date.fromisoformat(parsed)


@pytest.mark.parametrize(("value", "month"), [
    ("2022-02", "2022-02"), ("2022/2", "2022-02"), ("2022年2月", "2022-02"), (" 2019-08 ", "2019-08")])
def test_a_month_without_its_day_is_that_month(value, month):
    # a page whose address gives only its month (…/201908/…): the month, no day made up
    assert parse_date(value) == month
