"""Every candidate for title, publication time and author, with a score, for ``explain``.

:mod:`cleanser.meta.fields` decides each field by a cascade of sources (JSON-LD,
``<meta>``, the meta line under the headline, bylines in the body, the URL).
This module lists what each source offered on one page, so a wrong field can
be traced to the source that won and the ones that lost:

* **title**: JSON-LD ``headline``, ``og:title``-style ``<meta>``, ``<title>``
  without its site suffix, and the page's first headings;
* **published**: JSON-LD and ``<meta>`` publication *and* modification times,
  ``<time>`` elements, dates on the meta line under the headline, dates after a
  发布时间-style cue, the URL's date;
* **author**: JSON-LD and ``<meta>`` authors, cued bylines (记者/作者/文/) on
  the meta line and in the article, and the trailing ``（张三 李四）`` of a
  paragraph.

A candidate's ``score`` is the prior of its source (how often that kind of
source is right, as the cascade ranks it) plus one point for every *other*
source that offers the same value (same normalised text, same day, same set of
names); a modification time or a date far below the headline loses points.
These are hand-set weights that rank the evidence, not a fitted model.
``chosen`` marks the value ``extract`` reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from lxml import html

from cleanser.meta.byline import byline_elements
from cleanser.meta.dates import find_dates, parse_date
from cleanser.meta.fields import Metadata, read_page
from cleanser.meta.head import _ld_people, _ld_str
from cleanser.meta.headline import _strip_site
from cleanser.meta.page import Page
from cleanser.meta.pagetext import _first_prose, _in_meta_line
from cleanser.meta.people import _cued_names, _split_declared
from cleanser.meta.published import url_date, year_hint
from cleanser.meta.util import _collapse, _norm
from cleanser.vocabulary import (
    AUTHOR_META_KEYS,
    MAX_HEADINGS,
    MODIFIED_META_KEYS,
    PRIORS,
    PUBLISHED_META_KEYS,
    TITLE_META_KEYS,
)


@dataclass(frozen=True)
class MetaCandidate:
    """One value a source offered for a field, and how it ranks."""

    field: str  # "title", "published" or "author"
    value: str  # names joined by "、" for author
    source: str
    score: float
    chosen: bool


def _key(field: str, value: str) -> str:
    """What two candidates must share to agree: the text, the day, the set of names."""
    if field == "published":
        fd = parse_date(value)
        return fd.day if fd else _norm(value)
    if field == "author":
        return "、".join(sorted(_norm(n) for n in value.split("、")))
    return _norm(value)


def _rank(field: str, raw: Iterable[tuple[str, str]], chosen: str | None) -> list[MetaCandidate]:
    """Score (source, value) pairs by prior plus agreement, best first, one per pair."""
    pairs = list(dict.fromkeys((s, _collapse(v)) for s, v in raw if v and v.strip()))
    keys = [_key(field, v) for _, v in pairs]
    # A time is chosen only as reported (to the minute), not for sharing its day.
    exact = field == "published"
    want = (chosen if exact else _key(field, chosen)) if chosen else None
    out = []
    for (source, value), key in zip(pairs, keys, strict=True):
        others = {s for (s, _), k in zip(pairs, keys, strict=True) if k == key and s != source}
        score = PRIORS.get(source, 1.0) + len(others)
        is_chosen = (value if exact else key) == want
        out.append(MetaCandidate(field, value, source, round(score, 2), is_chosen))
    return sorted(out, key=lambda c: (-c.score, not c.chosen))


def _titles(page: Page, names: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for v in page.ld_values("headline"):
        declared = _ld_str(v)
        if declared:
            out.append(("json-ld headline", declared))
    out.extend(("meta title", v) for v in page.meta_values(TITLE_META_KEYS))
    if page.title_raw:
        out.append(("<title>", _strip_site(_collapse(page.title_raw), names)[0]))
    scan = page.scan
    if scan is not None:
        for el, s, e in list(scan.spans("h"))[: MAX_HEADINGS * 3]:
            line = next((ln.strip() for ln in scan.text[s:e].split("\n") if ln.strip()), "")
            if 2 <= len(line) <= 120:
                out.append(("h1" if el.tag == "h1" else "heading", line))
            if len(out) >= MAX_HEADINGS + 4:
                break
    return out


def _dates(page: Page) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, source in (
        ("datePublished", "json-ld datePublished"),
        ("dateCreated", "json-ld datePublished"),
        ("dateModified", "json-ld dateModified"),
    ):
        for v in page.ld_values(key):
            fd = parse_date(_ld_str(v))
            if fd:
                out.append((source, fd.iso))
    for keys, source in (
        (PUBLISHED_META_KEYS, "meta published"),
        (MODIFIED_META_KEYS, "meta modified"),
    ):
        for v in page.meta_values(keys):
            fd = parse_date(v)
            if fd:
                out.append((source, fd.iso))
    scan = page.scan
    if scan is None:
        return out
    for el in scan.times:
        fd = parse_date(el.get("datetime") or el.get("content") or el.text_content())
        if fd:
            out.append(("<time>", fd.iso))
    hint = year_hint(page)
    after = scan.after()
    cut = _first_prose(after)
    for fd in find_dates(after, hint, limit=6):
        on_line = fd.start < cut and _in_meta_line(after, fd.start, fd.end)
        out.append(("meta line" if on_line else "under headline", fd.iso))
    url = url_date(page.url)
    if url is not None:
        out.append(("url", url.iso))
    return out


def _authors(page: Page, names: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for v in page.ld_values("author"):
        people = [p for raw in _ld_people(v) for p in _split_declared(raw, names)]
        if people:
            out.append(("json-ld author", "、".join(people)))
    for v in page.meta_values(AUTHOR_META_KEYS):
        people = _split_declared(v, names)
        if people:
            out.append(("meta author", "、".join(people)))
    scan = page.scan
    if scan is not None:
        near = _cued_names(scan.near(), names) or byline_elements(scan, names)
        if near:
            out.append(("byline near headline", "、".join(near)))
        article = _cued_names(scan.article(), names)
        if article:
            out.append(("byline in article", "、".join(article)))
    return out


def metadata_candidates(
    root: html.HtmlElement, url: str | None, reference_time: datetime | None = None
) -> tuple[MetaCandidate, ...]:
    """Every title, published and author candidate of the raw tree, best first per field.

    The tree must be the unprepared one (as for :func:`extract_metadata`); it is
    not modified. Never raises: a page that cannot be read has no candidates.
    """
    try:
        page = Page(root, url, reference_time)
        reading = read_page(page)
        meta: Metadata = reading.metadata
        names = reading.site_names
        return (
            *_rank("title", _titles(page, names), meta.title),
            *_rank("published", _dates(page), meta.published),
            *_rank("author", _authors(page, names), "、".join(meta.author) or None),
        )
    except Exception:  # explaining must never fail where extracting did not
        return ()
