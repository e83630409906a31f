"""When a page was published, most trusted source first.

JSON-LD ``datePublished``; publication ``<meta>`` tags; ``<time datetime>``;
the dateline printed just under (or above) the headline; a date after a cue
such as 发布时间 in the article; an ``itemprop`` element; the date in the URL; a
declared or shown month; a relative time (3小时前). Dates in long prose lines,
after the copyright footer, or far from the headline are never taken, which
keeps sidebar lists out.

:func:`choose_published` needs the headline already placed in the body walk
(:func:`cleanser.meta.title.choose_title`) and the footer found. The language
decides only how the time zone is written (:func:`published_iso`).
"""

from __future__ import annotations

from lxml import etree

from cleanser.meta.dates import (
    FoundDate,
    find_dates,
    find_relative,
    parse_date,
    parse_month,
    resolve_relative,
)
from cleanser.meta.head import _ld_str
from cleanser.meta.page import Page, elements
from cleanser.meta.pagetext import _first_prose, _in_meta_line, _lone_date
from cleanser.meta.people import _starts_phrase
from cleanser.vocabulary import (
    DATE_CUE_RE,
    DEFAULT_TZ,
    FIRST_FLOOR_RE,
    GENERIC_DATE_CUES,
    PUBLISHED_META_KEYS,
    URL_DATE_RE,
    URL_YEAR_RE,
    YEAR_RE,
)

_ITEMPROP_DATE = etree.XPath(
    "//*[@itemprop='datePublished' or @itemprop='dateCreated'][not(self::meta)]"
)


def choose_published(page: Page) -> FoundDate | None:
    """The publication time: a declared one with its time, else the one shown, else the rest."""
    declared = _declared_date(page)
    if declared is not None and declared.has_time:
        return declared
    shown = _shown_date(page)
    if declared is not None:
        if shown is not None and shown.day == declared.day and shown.has_time:
            return shown
        return declared
    if shown is not None:
        return shown
    return (
        _itemprop_date(page)
        or url_date(page.url)
        or _declared_month(page)
        or _shown_month_or_relative(page)
    )


def published_iso(found: FoundDate | None, lang: str | None) -> str | None:
    """``found.iso``, without the assumed +08:00 on a page known not to be Chinese.

    A time shown without a zone is Beijing/Taipei time on a Chinese page (and on
    a page whose language is unknown, as before); on a page in another language
    the offset is unknown, so none is written.
    """
    if found is None or not found.iso:
        return None
    if not found.has_time or found.zoned or not found.iso.endswith(DEFAULT_TZ):
        return found.iso
    if lang and not lang.lower().startswith("zh"):
        return found.iso[: -len(DEFAULT_TZ)]
    return found.iso


def year_hint(page: Page) -> int | None:
    """The year a date shown without one (7月7日) most likely belongs to."""
    if page.url:
        m = URL_DATE_RE.search(page.url)
        if m:
            return int(m.group("y"))
        m = URL_YEAR_RE.search(page.url)
        if m:
            return int(m.group(1))
    for v in page.meta_values(("article:modified_time", "og:updated_time", "lastmodified")):
        fd = parse_date(v)
        if fd:
            return int(fd.iso[:4])
    if page.scan is not None:
        tail = page.scan.text[page.scan.footer : page.scan.footer + 2000]
        years = [int(y) for y in YEAR_RE.findall(tail)]
        if years:
            return max(years)
    # 7月7日 12:16 on a page fetched at a known time: that time's year.
    return page.reference_time.year if page.reference_time is not None else None


def url_date(url: str | None) -> FoundDate | None:
    """The date in the page URL (``/2024/0317/``, ``20240317``), kept to the day."""
    if not url:
        return None
    m = URL_DATE_RE.search(url)
    if not m:
        return None
    fd = parse_date(f"{m.group('y')}-{m.group('m')}-{m.group('d')}")
    if fd is None:
        return None
    return FoundDate(fd.iso, m.group(0), 0, 0, False)


def _declared_month(page: Page) -> FoundDate | None:
    """A declared ``2003-05`` (JSON-LD, meta): kept to the month, never padded to a day."""
    for key in ("datePublished", "dateCreated"):
        for v in page.ld_values(key):
            fd = parse_month(_ld_str(v))
            if fd is not None and fd.start == 0:
                return fd
    for v in page.meta_values(PUBLISHED_META_KEYS):
        fd = parse_month(v.strip())
        if fd is not None and fd.start == 0:
            return fd
    return None


def _shown_month_or_relative(page: Page) -> FoundDate | None:
    """On the meta line under the headline: ``2003-5`` or a relative time (3小时前).

    A relative time is resolved only against the caller's ``reference_time``;
    without one it comes back with an empty ``iso`` (shown raw, never guessed).
    """
    scan = page.scan
    if scan is None:
        return None
    after = scan.after()
    region = after[: _first_prose(after)]
    month = parse_month(region)
    if month is not None and _in_meta_line(region, month.start, month.end):
        return month
    m = find_relative(region)
    if m is None or not _in_meta_line(region, m.start(), m.end()):
        return None
    if page.reference_time is None:
        return FoundDate("", m.group(0).strip(), m.start(), m.end(), False, "")
    return resolve_relative(m, page.reference_time)


def _declared_date(page: Page) -> FoundDate | None:
    """JSON-LD, then <meta>, then <time datetime>/itemprop elements."""
    for key in ("datePublished", "dateCreated", "uploadDate"):
        for v in page.ld_values(key):
            fd = parse_date(_ld_str(v))
            if fd:
                return fd
    for v in page.meta_values(PUBLISHED_META_KEYS):
        fd = parse_date(v)
        if fd:
            return fd
    scan = page.scan
    for el in scan.times if scan is not None else ():
        v = el.get("datetime") or el.get("content") or el.get("data-time")
        if v is None and el.get("pubdate") is not None:
            v = el.text_content()
        fd = parse_date(v) if v else None
        if fd:
            return fd
    return None


def _itemprop_date(page: Page) -> FoundDate | None:
    """An itemprop=datePublished element outside <head> (checked only as a last resort)."""
    for el in elements(_ITEMPROP_DATE(page.root)):
        v = el.get("datetime") or el.get("content") or el.text_content()
        fd = parse_date(v) if v else None
        if fd:
            return fd
    return None


def _shown_date(page: Page) -> FoundDate | None:
    """The date printed near the headline, else after a 发布时间-style cue."""
    scan = page.scan
    if scan is None:
        return None
    hint = year_hint(page)
    # Under the headline, up to the first paragraph of prose: the meta line.
    after = scan.after()
    cut = _first_prose(after)
    for region in (after[:cut], scan.heading()):
        for fd in find_dates(region, hint):
            if _in_meta_line(region, fd.start, fd.end):
                return fd
    # Past the first paragraph (gallery captions) and above the headline, only a
    # lone date counts: several are a list (a sidebar after a short article).
    for region in (after[cut:], scan.before()):
        lone = _lone_date(region, hint)
        if lone is not None:
            return lone
    # A cue-prefixed date anywhere in the article (blog "发表于 …" footers).
    region = scan.article()
    for m in DATE_CUE_RE.finditer(region):
        cue = m.group(0).rstrip(" :：@\n\t")
        if cue in GENERIC_DATE_CUES and not _starts_phrase(region, m.start()):
            continue  # 引用日期, 开放时间: a date of something else
        cued = parse_date(region[m.end() : m.end() + 40], hint)
        if cued is not None and cued.start <= 2:
            return cued
    return _first_floor_date(region, hint)


def _first_floor_date(region: str, hint: int | None) -> FoundDate | None:
    """The time printed beside a thread's first floor marker (1楼, 楼主), on the
    marker's next line, when nothing else on the page dates the thread."""
    for i, m in enumerate(FIRST_FLOOR_RE.finditer(region)):
        if i >= 2:  # 楼主 beside the poster's name, then 1楼 beside the time
            break
        line = region[m.end() : m.end() + 40].lstrip("\n").split("\n", 1)[0]
        fd = parse_date(line, hint)
        if fd is not None and fd.start <= 2:
            return fd
    return None
