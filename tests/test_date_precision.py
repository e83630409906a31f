"""Publication time: precision as shown, offset only where known, relative times."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import cleanser
from cleanser.meta.dates import find_relative, parse_date, parse_month, resolve_relative

PROSE = "这是正文的第一段，讲述了一件发生在城市里的事情，内容足够长，可以当作文章的主体。" * 2
REF = datetime(2025, 7, 14, 18, 30)


def page(info: str, *, head: str = "", url: str | None = None) -> str:
    return (
        "<html><head><meta charset='utf-8'><title>大桥主体结构顺利合龙_某某网</title>"
        f"{head}</head><body><h1>大桥主体结构顺利合龙</h1><div class='info'>{info}</div>"
        f"<div class='content'><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2003-5", "2003-05"), ("2003/05 来源", "2003-05"), ("发布：2003年12月", "2003-12")],
)
def test_month_only(text: str, iso: str) -> None:
    fd = parse_month(text)
    assert fd is not None and fd.iso == iso and fd.precision == "month"


@pytest.mark.parametrize("text", ["2003-5-7", "2003年5月7日", "1999-13", "2025-2026", "2003年"])
def test_not_a_month_only_date(text: str) -> None:
    assert parse_month(text) is None


@pytest.mark.parametrize(
    ("text", "precision", "zoned"),
    [
        ("2025-07-14 18:12:19", "second", False),
        ("2025年7月14日 18:12", "minute", False),
        ("2025-07-14", "day", False),
        ("2020-07-04T01:55:04.000Z", "second", True),
        ("2025-07-14T18:12:00+09:00", "second", True),
        ("1594000000", "second", True),  # a Unix timestamp is an absolute instant
    ],
)
def test_precision_and_zone_of_a_date(text: str, precision: str, zoned: bool) -> None:
    fd = parse_date(text)
    assert fd is not None and (fd.precision, fd.zoned) == (precision, zoned)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("3小时前", "2025-07-14T15:30:00+08:00", "hour"),
        ("5分钟前", "2025-07-14T18:25:00+08:00", "minute"),
        ("昨天 12:00", "2025-07-13T12:00:00+08:00", "minute"),
        ("前天", "2025-07-12", "day"),
        ("2天前", "2025-07-12", "day"),
    ],
)
def test_relative_times_against_a_reference(text: str, iso: str, precision: str) -> None:
    m = find_relative(text)
    assert m is not None
    fd = resolve_relative(m, REF)
    assert (fd.iso, fd.precision) == (iso, precision)


def test_relative_time_keeps_the_reference_zone() -> None:
    m = find_relative("2小时前")
    assert m is not None
    fd = resolve_relative(m, datetime(2025, 7, 14, 10, 0, tzinfo=timezone(timedelta(hours=0))))
    assert fd.iso == "2025-07-14T08:00:00+00:00"


def test_month_only_page_is_not_padded_to_a_day() -> None:
    art = cleanser.extract(page("2003-5 来源：某某日报"))
    assert (art.published, art.published_raw, art.published_precision) == (
        "2003-05",
        "2003-5",
        "month",
    )


def test_declared_month_only() -> None:
    head = "<meta property='article:published_time' content='2003-05'>"
    art = cleanser.extract(page("来源：某某日报", head=head))
    assert (art.published, art.published_precision) == ("2003-05", "month")


def test_minute_page_says_minute_and_gets_beijing_offset() -> None:
    art = cleanser.extract(page("2025-07-14 18:12 来源：某某日报"))
    assert (art.published, art.published_precision) == ("2025-07-14T18:12:00+08:00", "minute")


def test_relative_time_without_reference_is_raw_only() -> None:
    art = cleanser.extract(page("3小时前 来源：某某日报"))
    assert (art.published, art.published_raw, art.published_precision) == (None, "3小时前", None)


def test_relative_time_with_reference_is_resolved() -> None:
    art = cleanser.extract(page("昨天 12:00"), options=cleanser.Options(reference_time=REF))
    assert (art.published, art.published_precision) == ("2025-07-13T12:00:00+08:00", "minute")


def test_yearless_date_takes_the_reference_year() -> None:
    assert cleanser.extract(page("7月7日 12:16")).published is None  # no year anywhere
    art = cleanser.extract(page("7月7日 12:16"), options=cleanser.Options(reference_time=REF))
    assert art.published == "2025-07-07T12:16:00+08:00"


def test_no_date_shown_no_date_given() -> None:
    art = cleanser.extract(page("来源：某某日报"), options=cleanser.Options(reference_time=REF))
    assert (art.published, art.published_raw, art.published_precision) == (None, None, None)


def test_non_chinese_page_gets_no_assumed_offset() -> None:
    text = " ".join(["The bridge closed its last gap on Monday, engineers said."] * 8)
    html = (
        "<html lang='en'><head><title>Bridge closes its gap</title></head><body>"
        "<h1>Bridge closes its gap</h1><div class='info'>Posted 2025-07-14 18:12</div>"
        f"<p>{text}</p><p>{text}</p></body></html>"
    )
    art = cleanser.extract(html)
    assert (art.published, art.published_precision) == ("2025-07-14T18:12:00", "minute")


def test_reference_time_must_be_a_datetime() -> None:
    with pytest.raises(TypeError):
        cleanser.Options(reference_time="2025-07-14")  # type: ignore[arg-type]


def test_thread_time_beside_its_first_floor() -> None:
    posts = "".join(
        f"<div class='post'><p>{PROSE}</p><div>{n}楼</div><div>2025-06-03 2{n}:58</div></div>"
        for n in (1, 2, 3)
    )
    html = (
        "<html><head><meta charset='utf-8'><title>老人手机怎么设置_手机吧</title></head><body>"
        f"<h1>老人手机怎么设置</h1><div>楼主</div>{posts}</body></html>"
    )
    art = cleanser.extract(html)
    assert (art.published, art.published_raw) == ("2025-06-03T21:58:00+08:00", "2025-06-03 21:58")
