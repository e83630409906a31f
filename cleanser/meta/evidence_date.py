"""Every publication-time candidate of a page, each described by a few features.

The hand-set cascade (:mod:`cleanser.meta.published`) takes the first source that
offers a date; here every source is listed, so that a fitted choice
(:mod:`cleanser.meta.choice`) can weigh them against each other and against
"none" (a page that shows no date):

* declared: JSON-LD ``datePublished``/``dateModified``, publication and
  modification ``<meta>``, ``<time>``, ``itemprop`` elements;
* shown: dates on the meta line under the headline, in the headline block,
  just above it, further below it (gallery captions, a thread's first post),
  after a 发布时间-style cue anywhere in the article;
* the URL's date, a declared or shown month, a resolved relative time.

Features say where a date sits (distance to the headline, on a short meta line
or in prose, alone on its line), what cue precedes it (a publication or a
modification cue), its shape (a time shown, a month only), and how it relates to
the others (how many sources share its day, whether it is the latest day, whether
the URL agrees). Page-level ``none_*`` features (how many dates the page shows,
whether its head declares none) feed the "none" option.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from cleanser.meta.choice import Candidate, distance, merge
from cleanser.meta.dates import FoundDate, find_dates, parse_date
from cleanser.meta.head import _ld_str
from cleanser.meta.page import Page, elements
from cleanser.meta.pagetext import _first_prose, _in_meta_line, _Scan
from cleanser.meta.published import (
    _ITEMPROP_DATE,
    _declared_month,
    _shown_month_or_relative,
    url_date,
    year_hint,
)
from cleanser.vocabulary import (
    CUE_WINDOW,
    DATE_CUE_RE,
    DATE_LINE_REST_RE,
    DATE_SCAN_SPAN,
    MANY_DATES,
    MAX_TEXT_DATES,
    MODIFIED_META_KEYS,
    PUBLISHED_META_KEYS,
    REGION_AFTER,
    REGION_BEFORE,
    SERIES_CAP,
    UPDATE_CUE_RE,
)

#: The features of a publication-time candidate, in the order the weights use.
DATE_EVIDENCE = (
    "none",
    "none_many_dates",
    "none_no_declared",
    "none_no_headline",
    "none_no_cascade",
    "cascade",
    "src_ld",
    "src_ld_modified",
    "src_meta",
    "src_meta_modified",
    "src_time",
    "src_itemprop",
    "src_meta_line",
    "src_heading",
    "src_above",
    "src_below",
    "src_text",
    "src_cued",
    "src_url",
    "src_month",
    "src_relative",
    "has_time",
    "agree",
    "agree_day",
    "near",
    "dist",
    "lone_line",
    "prose_line",
    "publish_cue",
    "update_cue",
    "first_shown",
    "series",
    "latest",
    "earliest",
    "url_agrees",
)


def _cand(fd: FoundDate, source: str, **features: float) -> Candidate:
    feats = {f"src_{source}": 1.0, **features}
    if fd.has_time:
        feats["has_time"] = 1.0
    return Candidate("published", fd.iso, fd.iso, [source], feats, fd)


def _declared(page: Page) -> list[Candidate]:
    """JSON-LD, ``<meta>``, ``<time>`` and ``itemprop`` dates."""
    out: list[Candidate] = []
    for key, source in (
        ("datePublished", "ld"),
        ("dateCreated", "ld"),
        ("uploadDate", "ld"),
        ("dateModified", "ld_modified"),
    ):
        for v in page.ld_values(key):
            fd = parse_date(_ld_str(v))
            if fd:
                out.append(_cand(fd, source))
    for keys, source in ((PUBLISHED_META_KEYS, "meta"), (MODIFIED_META_KEYS, "meta_modified")):
        for v in page.meta_values(keys):
            fd = parse_date(v)
            if fd:
                out.append(_cand(fd, source))
    for el in page.scan.times if page.scan is not None else ():
        v = el.get("datetime") or el.get("content") or el.get("data-time") or el.text_content()
        fd = parse_date(v) if v else None
        if fd:
            out.append(_cand(fd, "time"))
    for el in elements(_ITEMPROP_DATE(page.root))[:4]:
        v = el.get("datetime") or el.get("content") or el.text_content()
        fd = parse_date(v) if v else None
        if fd:
            out.append(_cand(fd, "itemprop"))
    return out


def _line_features(text: str, fd: FoundDate) -> dict[str, float]:
    """Where a date sits on its line and which cue precedes it."""
    start = text.rfind("\n", 0, fd.start) + 1
    end = text.find("\n", fd.end)
    end = len(text) if end < 0 else end
    rest = text[start : fd.start] + text[fd.end : end]
    window = text[max(start, fd.start - CUE_WINDOW) : fd.start]
    feats = {
        "lone_line": 1.0 if DATE_LINE_REST_RE.fullmatch(rest) else 0.0,
        "prose_line": 0.0 if _in_meta_line(text, fd.start, fd.end) else 1.0,
        "update_cue": 1.0 if UPDATE_CUE_RE.search(window) else 0.0,
    }
    cue = DATE_CUE_RE.search(window)
    if cue is not None and cue.end() >= len(window) - 2 and not feats["update_cue"]:
        feats["publish_cue"] = 1.0
    return feats


def _shape(raw: str) -> str:
    """A date's printed shape (digits as 0): dates of one list share it."""
    return "".join("0" if ch.isdigit() else ch for ch in raw)


def _shown(scan: _Scan, hint: int | None) -> tuple[list[Candidate], int]:
    """Dates in the visible text, by where they sit against the headline, and how many."""
    lo = max(0, scan.anchor[0] - REGION_BEFORE) if scan.anchor is not None else 0
    text = scan.text[: min(scan.footer, lo + DATE_SCAN_SPAN)]
    out: list[Candidate] = []
    found = find_dates(text[lo:], hint, limit=MANY_DATES * 10)
    found = [replace(fd, start=fd.start + lo, end=fd.end + lo) for fd in found]
    if scan.anchor is None:
        for fd in found[:MAX_TEXT_DATES]:
            out.append(_cand(fd, "text", dist=distance(fd.start), **_line_features(text, fd)))
        return out, len(found)
    shapes = Counter(_shape(fd.raw) for fd in found)
    top, bottom = scan.anchor
    cut = bottom + _first_prose(text[bottom : bottom + REGION_AFTER])
    below = 0
    for fd in found:
        if fd.end <= top - REGION_BEFORE:
            continue
        if fd.end <= top:
            source = "above"
        elif fd.start < bottom:
            source = "heading"
        elif fd.start < cut and _in_meta_line(text, fd.start, fd.end):
            source = "meta_line"
        else:
            source = "below" if fd.start < bottom + REGION_AFTER else "text"
            below += 1
            if below > MAX_TEXT_DATES:
                break
        gap = top - fd.end if fd.end <= top else fd.start - bottom
        near = 1.0 if -REGION_BEFORE <= fd.start - bottom <= REGION_AFTER else 0.0
        feats = {"dist": distance(gap), "near": near, **_line_features(text, fd)}
        feats["series"] = min(shapes[_shape(fd.raw)] - 1, SERIES_CAP) / SERIES_CAP
        out.append(_cand(fd, source, **feats))
    shown = [c for c in out if c.sources[0] not in ("above",)]
    if shown:
        shown[0].add("first_shown")
    return out, len(found)


def _cued(scan: _Scan, hint: int | None) -> list[Candidate]:
    """A date right after a 发布时间-style cue anywhere in the article."""
    region = scan.article()
    out = []
    for m in DATE_CUE_RE.finditer(region):
        fd = parse_date(region[m.end() : m.end() + 40], hint)
        if fd is not None and fd.start <= 2:
            cue = "update_cue" if UPDATE_CUE_RE.search(m.group(0)) else "publish_cue"
            out.append(_cand(fd, "cued", **{cue: 1.0}))
            if len(out) >= 3:
                break
    return out


def _relations(cands: list[Candidate], url_day: str | None) -> None:
    """Agreement on the day, the latest and earliest day, agreement with the URL."""
    days = sorted({c.key[:10] for c in cands})
    for c in cands:
        day = c.key[:10]
        others = {s for o in cands if o is not c and o.key[:10] == day for s in o.sources}
        others.discard("cascade")
        c.features["agree_day"] = min(len(others - set(c.sources)), 3) / 3
        if len(days) > 1:
            if day == days[-1]:
                c.add("latest")
            if day == days[0]:
                c.add("earliest")
        if url_day and day == url_day:
            c.add("url_agrees")


def date_candidates(
    page: Page, cascade: FoundDate | None
) -> tuple[list[Candidate], dict[str, float]]:
    """Every publication-time candidate (merged) and the page-level features of "none"."""
    raw: list[Candidate] = []
    if cascade is not None and cascade.iso:
        raw.append(
            Candidate("published", cascade.iso, cascade.iso, ["cascade"], {"cascade": 1.0}, cascade)
        )
        if cascade.has_time:
            raw[0].add("has_time")
    declared = _declared(page)
    raw += declared
    hint = year_hint(page)
    scan = page.scan
    count = 0
    if scan is not None:
        shown, count = _shown(scan, hint)
        raw += shown + _cued(scan, hint)
    url = url_date(page.url)
    if url is not None:
        raw.append(_cand(url, "url"))
    for fd, source in ((_declared_month(page), "month"), (_shown_month_or_relative(page), None)):
        if fd is not None and fd.iso:
            raw.append(_cand(fd, source or ("month" if fd.precision == "month" else "relative")))
    cands = merge(raw)
    _relations(cands, url.day if url is not None else None)
    page_features = {
        "none_no_cascade": 0.0 if cascade is not None and cascade.iso else 1.0,
        "none_many_dates": min(count, MANY_DATES) / MANY_DATES,
        "none_no_declared": 0.0 if declared else 1.0,
        "none_no_headline": 1.0 if scan is None or scan.anchor is None else 0.0,
    }
    return cands, page_features
