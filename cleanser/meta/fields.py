"""Metadata of a Chinese article page: headline, time, outlet, people, links.

Everything here reads the raw tree, before any cleaning, so that JSON-LD,
``<meta>`` tags and the meta line under the headline are still there. The tree
is never modified and nothing is fetched.

How each field is found, most trusted source first:

* **title**: the heading (``h1``–``h4`` or a ``*title*`` element) that agrees
  with ``<title>``/``og:title``/JSON-LD ``headline`` (shared substring, in the
  spirit of GNE's longest-common-substring rule); else those strings with the
  site and channel suffixes (``_网易新闻``, ``-新华网``, ``|…``) removed.
* **published**: JSON-LD ``datePublished``; publication ``<meta>`` tags;
  ``<time datetime>``; the dateline printed just under (or above) the headline;
  a date after a cue such as 发布时间 in the article; the date in the URL.
  Dates in long prose lines, after the copyright footer, or far from the
  headline are never taken, which keeps sidebar lists out.
* **source** (来源), **author** (作者/记者/文/通讯员, JSON-LD and meta author) and
  **editor** (责任编辑/责编/编辑): cue patterns on the meta line, then in the
  article and its trailer. Names are read token by token and validated, so
  outlets (新华网, 澎湃新闻, 网易 …), site names, places (台北報導) and
  系统管理员-style placeholders are never reported as people.
* **site_name**, canonical **url**, **lang**, **description**, **keywords** and
  **next_page_url** from the head and the pager.

The body is walked once (:class:`cleanser.meta.pagetext._Scan`): it yields the
visible text, one line per block element, with the positions of heading-,
byline- and source-like elements, so every pattern sees what a reader sees and
knows where the headline is.

Where the code lives. This module keeps the public surface (:class:`Metadata`,
:func:`extract_metadata`, :func:`image_url`) and :class:`_Page`, which weighs the
sources of each field against each other. The helpers it calls are split by
what they read:

* :mod:`cleanser.meta.head`: ``<meta>``, JSON-LD, ``<link>``, ``<base>``, ``<title>``
  and the language tag;
* :mod:`cleanser.meta.pagetext`: the body walk and the meta-line/prose tests on its text;
* :mod:`cleanser.meta.headline`: site names in ``<title>`` and heading/headline agreement;
* :mod:`cleanser.meta.people`: bylines, person and outlet validation, 来源 values;
* :mod:`cleanser.meta.util`: the text helpers all of them share;
* :mod:`cleanser.vocabulary` ("article metadata" section): every cue table and
  ``<meta>`` key list.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from cleanser.meta.dates import (
    DEFAULT_TZ,
    FoundDate,
    find_dates,
    find_relative,
    parse_date,
    parse_month,
    resolve_relative,
)
from cleanser.meta.head import (
    _collect_meta,
    _gather_head,
    _Head,
    _json_ld,
    _language,
    _ld_people,
    _ld_str,
)
from cleanser.meta.headline import (
    _NO_REFS,
    _PAGE_MARK,
    _PRIVATE_USE,
    _SEP_RE,
    _TAG,
    _clean_heading,
    _extend_line,
    _is_abbreviation,
    _score_line,
    _site_from_fragments,
    _strip_site,
)
from cleanser.meta.pagetext import (
    _MAX_META_LINE,
    _REGION_AFTER,
    _REGION_BEFORE,
    _first_prose,
    _heading_rank,
    _in_meta_line,
    _lone_date,
    _Scan,
)
from cleanser.meta.people import (
    _DATELINE_RE,
    _EDITOR_RE,
    _FORUM_RES,
    _LAST_TOKEN,
    _PERSON_HREF,
    _PHOTO_RE,
    _POSTED_RE,
    _REPORTER_RE,
    _SOURCE_CUE_PREFIX,
    _STAFF_CODE,
    _TRAILER_NAMES_RE,
    _TRAILER_REST,
    _TRIM,
    _WRITER_RE,
    _bare_names,
    _copyright_holder,
    _cued_names,
    _cut_value,
    _is_org,
    _name_line,
    _names_at,
    _source_in,
    _split_declared,
    _starts_phrase,
    _valid_outlet,
    _valid_person,
)
from cleanser.meta.util import _CJK_RE, _MAX_ATTR, _collapse, _norm
from cleanser.vocabulary import (
    AUTHOR_META_KEYS,
    BAD_URL_PREFIXES,
    DATE_CUES,
    DESCRIPTION_META_KEYS,
    EDITOR_CUES,
    EDITOR_META_KEYS,
    GENERIC_DATE_CUES,
    IMAGE_ATTRS,
    KEYWORD_META_KEYS,
    LANG_META_KEYS,
    NEXT_PAGE_TEXTS,
    PUBLISHED_META_KEYS,
    SITE_NAME_META_KEYS,
    SOURCE_META_KEYS,
    TITLE_META_KEYS,
    WECHAT_SITE_NAMES,
)

_T = TypeVar("_T")


@dataclass(frozen=True)
class Metadata:
    """Fields read from the raw page before any cleaning."""

    title: str | None = None
    published: str | None = None
    published_raw: str | None = None
    source: str | None = None
    author: tuple[str, ...] = ()
    editor: str | None = None
    site_name: str | None = None
    url: str | None = None
    lang: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    next_page_url: str | None = None
    # The finest unit ``published`` shows: second, minute, hour, day or month.
    published_precision: str | None = None
    # The URL relative links and images resolve against: the page URL moved by
    # <base href> (not the canonical URL, which may sit on another path or host).
    base_url: str | None = None


# Sizes and limits.
_MAX_OUTLET_LINK = 12  # an outlet's name linked in a byline is short
_FOOTER_SPAN = 400  # characters of the footer searched for a copyright holder


# --------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------


def extract_metadata(
    root: html.HtmlElement, url: str | None, reference_time: datetime | None = None
) -> Metadata:
    """Read metadata from the unprepared tree (never modifies it, never raises).

    ``reference_time`` (when the page was fetched) resolves relative times such
    as 3小时前; without it they are reported raw only.
    """
    try:
        page = _Page(root, url, reference_time)
    except Exception:  # metadata must never break extraction
        return Metadata()
    return page.metadata()


def image_url(img: html.HtmlElement, base_url: str | None) -> str | None:
    """The real source of an image (lazy-loading attributes first), resolved, or None.

    Placeholders (``data:`` URIs, ``javascript:``, ``about:blank``) are skipped in
    favour of the next attribute; WeChat's extension-less
    ``mmbiz.qpic.cn/...?wx_fmt=jpeg`` URLs are kept as they are.
    """
    try:
        for attr in (*IMAGE_ATTRS, "data-srcset", "srcset"):
            value = img.get(attr)
            if not value:
                continue
            # Browsers drop tabs and newlines anywhere in a URL: "java\tscript:" is javascript:.
            value = value.replace("\t", "").replace("\n", "").replace("\r", "").strip()
            if attr.endswith("srcset"):
                value = value.split(",")[0].strip().split(" ")[0]
            if not value or len(value) > _MAX_ATTR or value.lower().startswith(BAD_URL_PREFIXES):
                continue
            return _resolve(value, base_url)
    except (ValueError, TypeError):
        return None
    return None


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

_SCHEMELESS = re.compile(r"^(?:www\.|[a-z0-9-]+\.(?:com|cn|net|org|gov|edu)(?:\.[a-z]{2})?/)", re.I)


def _resolve(value: str, base: str | None) -> str | None:
    """``value`` made absolute against ``base`` (scheme-less ``www.x.com/…`` too)."""
    value = value.strip()
    if not value:
        return None
    if value.startswith("//"):
        scheme = urlsplit(base).scheme if base else ""
        return f"{scheme or 'https'}:{value}"
    if _SCHEMELESS.match(value):
        value = "http://" + value
    if base:
        try:
            return urljoin(base, value)
        except ValueError:
            return value
    return value


def _elements(result: Any) -> list[html.HtmlElement]:
    """The elements of an XPath result (which is typed as any XPath value)."""
    if not isinstance(result, list):
        return []
    return [el for el in result if isinstance(el, html.HtmlElement)]


def _safe(fn: Callable[[], _T], default: _T) -> _T:
    """Run one field's extraction; a failure costs that field only."""
    try:
        return fn()
    except Exception:  # never raise on weird pages
        return default


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------


class _Page:
    """Everything read from one page; fields are computed in :meth:`metadata`."""

    def __init__(
        self, root: html.HtmlElement, url: str | None, reference_time: datetime | None = None
    ) -> None:
        self.root = root
        self.reference_time = reference_time
        self.url = url if isinstance(url, str) and url.strip() else None
        self.head = _safe(lambda: _gather_head(root), _Head([], [], [], None, ""))
        self.base = _safe(self._base, self.url)
        self.meta: dict[str, list[str]] = _safe(lambda: _collect_meta(self.head.metas), {})
        self.ld: list[dict[str, Any]] = _safe(lambda: _json_ld(self.head.ld_scripts), [])
        self.title_raw = self.head.title
        self.site_names: list[str] = []
        self.scan: _Scan | None = None
        self.title: str | None = None
        self.source_people: list[str] = []  # names found after 来源： (a person, not an outlet)

    # -- helpers -------------------------------------------------------------

    def _base(self) -> str | None:
        """The URL relative links resolve against: the page URL, moved by <base href>."""
        base = self.url
        href = (self.head.base_href or "").replace("\t", "").replace("\n", "").replace("\r", "")
        href = href.strip()
        if href and not href.lower().startswith(BAD_URL_PREFIXES) and len(href) < _MAX_ATTR:
            with contextlib.suppress(ValueError):
                base = urljoin(base, href) if base else href
        return base

    def meta_values(self, keys: Iterable[str]) -> Iterator[str]:
        for k in keys:
            yield from self.meta.get(k, ())

    def ld_values(self, key: str) -> Iterator[Any]:
        for obj in self.ld:
            if key in obj:
                yield obj[key]

    # -- assembly ------------------------------------------------------------

    def metadata(self) -> Metadata:
        site_name = _safe(self._site_name_declared, None)
        self.scan = _safe(lambda: _Scan(self.root), None)
        no_title: tuple[str | None, list[str]] = (None, [])
        title, fragments = _safe(lambda: self._title(site_name), no_title)
        self.title = title
        if site_name is None and fragments:
            # The rightmost <title> fragment that reads like a site ("澎湃新闻", not "The Paper");
            # short keyword tags (sohu's "_中国_法国_全球") are not a site name.
            site_name = _site_from_fragments(fragments)
        self.site_names = [s for s in (site_name, *fragments) if s]
        scan = self.scan
        if scan is not None:
            _safe(lambda: scan.locate(title or ""), None)
            _safe(scan.find_footer, None)
        published = _safe(self._published, None)
        lang = _safe(lambda: self._lang(title), None)
        iso = _safe(lambda: _published_iso(published, lang), None)
        source = _safe(self._source, None)
        no_people: tuple[str, ...] = ()
        authors = (
            _safe(self._authors, no_people)
            or tuple(self.source_people[:1])
            or _safe(self._site_owner, no_people)
        )
        return Metadata(
            title=title or None,
            published=iso,
            published_raw=_collapse(published.raw) if published else None,
            published_precision=published.precision if published and iso else None,
            source=source,
            author=authors,
            editor=_safe(self._editor, None),
            site_name=site_name,
            url=_safe(self._canonical, None),
            lang=lang,
            description=_safe(self._description, None),
            keywords=_safe(self._keywords, ()),
            next_page_url=_safe(self._next_page, None),
            base_url=self.base,
        )

    # -- site name and title -------------------------------------------------

    def _site_name_declared(self) -> str | None:
        for name in self.meta_values(SITE_NAME_META_KEYS):
            name = _collapse(name)
            if name in WECHAT_SITE_NAMES:
                # On WeChat the 公众号 is the publisher; its name is in #js_name.
                for el in _elements(_WECHAT_ACCOUNT(self.root)):
                    account = _collapse(el.text_content())
                    if 2 <= len(account) <= 40:
                        return account
            if name:
                return name[:100]
        for obj in self.ld:
            for key in ("publisher", "sourceOrganization"):
                s = _ld_str(obj.get(key)) if key in obj else None
                if s:
                    return _collapse(s)[:100]
        return None

    def _refs(self, site_name: str | None) -> tuple[list[tuple[str, str]], list[str]]:
        """Declared headlines as (main part, key) and the fragments cut from <title>."""
        names = [site_name] if site_name else []
        raw: list[str] = []
        for v in self.ld_values("headline"):
            s = _ld_str(v)
            if s:
                raw.append(s)
        raw.extend(self.meta_values(TITLE_META_KEYS))
        raw.append(self.title_raw)
        fragments: list[str] = []
        refs: list[tuple[str, str]] = []
        for r in raw[:8]:
            r = _collapse(_TAG.sub("", r)) if "<" in r else _collapse(r)
            if not r or len(r) > 500:
                continue
            main, removed = _strip_site(r, names)
            if r == self.title_raw:
                fragments = removed
            key = _norm(main)
            if key and all(key != k for _, k in refs):
                refs.append((main, key))
        return refs, fragments

    def _title(self, site_name: str | None) -> tuple[str | None, list[str]]:
        title, fragments = self._find_title(site_name)
        if title:
            title = _PAGE_MARK.sub("", _collapse(_PRIVATE_USE.sub("", title)))
        return (title if title and len(title) >= 2 else None), fragments

    def _find_title(self, site_name: str | None) -> tuple[str | None, list[str]]:
        refs, fragments = self._refs(site_name)
        site_frags = [f for f in ([site_name, *fragments]) if f]
        site_keys = {_norm(f) for f in site_frags}
        title_frag_keys = [_norm(f) for f in _SEP_RE.split(self.title_raw)[::2] if f.strip()]
        ref_chars = [set(k) for _, k in refs]
        scan = self.scan
        best: tuple[float, int, int, str, int, int] | None = None
        if scan is not None:
            for idx, (el, s, e) in enumerate(scan.spans("h")):
                if e - s > 1500:
                    continue
                rank = _heading_rank(el)
                lines = scan.text[s:e].split("\n")
                offsets = []
                offset = s
                for line in lines:
                    offsets.append(offset)
                    offset += len(line) + 1
                whole = " ".join(ln.strip() for ln in lines if ln.strip())
                if "\n" in scan.text[s:e].strip() and len(whole) <= 300:
                    # "<blog name> <post title>" split over lines: judged as a whole.
                    cand = _score_line(
                        whole, [], _NO_REFS, site_frags, site_keys, title_frag_keys, rank
                    )
                    if cand is not None and cand[0] >= 1.0:
                        key = (cand[0], -rank, -idx)
                        if best is None or key > best[:3]:
                            best = (cand[0], -rank, -idx, cand[1], s, e)
                for i, line in enumerate(lines):
                    line, end = _extend_line(lines, i, offsets, refs)
                    cand = _score_line(
                        line, refs, ref_chars, site_frags, site_keys, title_frag_keys, rank
                    )
                    if cand is None:
                        continue
                    score, text = cand
                    key = (score, -rank, -idx)
                    if best is None or key > best[:3]:
                        best = (score, -rank, -idx, text, offsets[i], end)
        if best is not None:
            title = best[3]
            if scan is not None:
                scan.anchor = (best[4], best[5])
                title = _safe(lambda: scan.with_subtitle(-best[2], title), title)
            return title, fragments
        # No heading agrees: the longest of the declared headlines (og:title is
        # sometimes cut at a quote), else the first h1.
        if refs:
            main, main_key = refs[0]
            for other, okey in refs[1:]:
                if okey.startswith(main_key) and len(okey) > len(main_key):
                    main, main_key = other, okey
            return main, fragments
        if scan is not None:
            for el, s, e in scan.spans("h"):
                if el.tag == "h1" and scan.text[s:e].strip():
                    line = _clean_heading(scan.text[s:e].strip().split("\n")[0], site_frags)
                    if len(line) >= 5:
                        scan.anchor = (s, e)
                        return line, fragments
        return None, fragments

    # -- published -----------------------------------------------------------

    def _year_hint(self) -> int | None:
        if self.url:
            m = _URL_DATE.search(self.url)
            if m:
                return int(m.group("y"))
            m = _URL_YEAR.search(self.url)
            if m:
                return int(m.group(1))
        for v in self.meta_values(("article:modified_time", "og:updated_time", "lastmodified")):
            fd = parse_date(v)
            if fd:
                return int(fd.iso[:4])
        if self.scan is not None:
            tail = self.scan.text[self.scan.footer : self.scan.footer + 2000]
            years = [int(y) for y in _YEAR.findall(tail)]
            if years:
                return max(years)
        # 7月7日 12:16 on a page fetched at a known time: that time's year.
        return self.reference_time.year if self.reference_time is not None else None

    def _published(self) -> FoundDate | None:
        declared = self._declared_date()
        if declared is not None and declared.has_time:
            return declared
        shown = self._shown_date()
        if declared is not None:
            if shown is not None and shown.day == declared.day and shown.has_time:
                return shown
            return declared
        if shown is not None:
            return shown
        return (
            self._itemprop_date()
            or self._url_date()
            or self._declared_month()
            or self._shown_month_or_relative()
        )

    def _declared_month(self) -> FoundDate | None:
        """A declared ``2003-05`` (JSON-LD, meta): kept to the month, never padded to a day."""
        for key in ("datePublished", "dateCreated"):
            for v in self.ld_values(key):
                fd = parse_month(_ld_str(v))
                if fd is not None and fd.start == 0:
                    return fd
        for v in self.meta_values(PUBLISHED_META_KEYS):
            fd = parse_month(v.strip())
            if fd is not None and fd.start == 0:
                return fd
        return None

    def _shown_month_or_relative(self) -> FoundDate | None:
        """On the meta line under the headline: ``2003-5`` or a relative time (3小时前).

        A relative time is resolved only against the caller's ``reference_time``;
        without one it comes back with an empty ``iso`` (shown raw, never guessed).
        """
        scan = self.scan
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
        if self.reference_time is None:
            return FoundDate("", m.group(0).strip(), m.start(), m.end(), False, "")
        return resolve_relative(m, self.reference_time)

    def _declared_date(self) -> FoundDate | None:
        """JSON-LD, then <meta>, then <time datetime>/itemprop elements."""
        for key in ("datePublished", "dateCreated", "uploadDate"):
            for v in self.ld_values(key):
                fd = parse_date(_ld_str(v))
                if fd:
                    return fd
        for v in self.meta_values(PUBLISHED_META_KEYS):
            fd = parse_date(v)
            if fd:
                return fd
        scan = self.scan
        for el in scan.times if scan is not None else ():
            v = el.get("datetime") or el.get("content") or el.get("data-time")
            if v is None and el.get("pubdate") is not None:
                v = el.text_content()
            fd = parse_date(v) if v else None
            if fd:
                return fd
        return None

    def _itemprop_date(self) -> FoundDate | None:
        """An itemprop=datePublished element outside <head> (checked only as a last resort)."""
        for el in _elements(_ITEMPROP_DATE(self.root)):
            v = el.get("datetime") or el.get("content") or el.text_content()
            fd = parse_date(v) if v else None
            if fd:
                return fd
        return None

    def _shown_date(self) -> FoundDate | None:
        """The date printed near the headline, else after a 发布时间-style cue."""
        scan = self.scan
        if scan is None:
            return None
        hint = self._year_hint()
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
        for m in _DATE_CUE_RE.finditer(region):
            cue = m.group(0).rstrip(" :：@\n\t")
            if cue in GENERIC_DATE_CUES and not _starts_phrase(region, m.start()):
                continue  # 引用日期, 开放时间: a date of something else
            cued = parse_date(region[m.end() : m.end() + 40], hint)
            if cued is not None and cued.start <= 2:
                return cued
        return None

    def _url_date(self) -> FoundDate | None:
        if not self.url:
            return None
        m = _URL_DATE.search(self.url)
        if not m:
            return None
        fd = parse_date(f"{m.group('y')}-{m.group('m')}-{m.group('d')}")
        if fd is None:
            return None
        return FoundDate(fd.iso, m.group(0), 0, 0, False)

    # -- source, author, editor ---------------------------------------------

    def _source(self) -> str | None:
        scan = self.scan
        names = self.site_names
        if scan is not None and scan.anchor is not None:
            v = _source_in(scan.near(), self.source_people)
            if v:
                return v
            v = self._source_element() or self._byline_outlet()
            if v:
                return v
        for v in self.meta_values(SOURCE_META_KEYS):
            v = _cut_value(_collapse(v))
            if _valid_outlet(v) and not any(_norm(v) == _norm(n) for n in names):
                return v
        if scan is not None:
            article = scan.article()
            v = _source_in(article, self.source_people)
            if v:
                return v
            m = _DATELINE_RE.search(scan.near() or article[:600])
            if m and _valid_outlet(m.group("v")):
                outlet = m.group("v")
                # "寶島社" in the dateline of 寶島通訊社's own site: the site's full name.
                site = self.site_names[0] if self.site_names else ""
                if site and outlet != site and _is_abbreviation(outlet, site):
                    return site
                return outlet
        return None

    def _source_element(self) -> str | None:
        """A short class="source"/"where" element on the meta line naming the outlet."""
        scan = self.scan
        if scan is None or scan.anchor is None:
            return None
        lo = scan.anchor[0] - _REGION_BEFORE
        hi = scan.anchor[1] + _REGION_AFTER
        for _el, s, e in scan.spans("src"):
            if s < lo or s > hi or e - s > 40:
                continue
            line = next((ln for ln in scan.text[s:e].split("\n") if ln.strip()), "")
            v = _cut_value(_SOURCE_CUE_PREFIX.sub("", line))
            cued = _SOURCE_CUE_PREFIX.match(line) is not None
            if _valid_outlet(v) and (cued or _is_org(v, ())):
                return v
        return None

    def _byline_outlet(self) -> str | None:
        """The outlet linked beside the reporter in a byline element.

        ``<div class="reporter"><a href="/newspapers/2601">中國時報</a>
        <cite><a rel="author">陳亭均</a></cite>／綜合報導</div>``: the link that is
        not the author's (no rel=author, no <cite>, no /author/ path) names the outlet.
        """
        scan = self.scan
        if scan is None or scan.anchor is None:
            return None
        lo = scan.anchor[0] - _REGION_BEFORE
        hi = scan.anchor[1] + _REGION_AFTER
        for el, s, e in scan.spans("by"):
            if s < lo or s > hi or e - s > _MAX_META_LINE:
                continue
            if not any(a.tag == "cite" or "author" in (a.get("rel") or "") for a in el.iter()):
                continue  # only a byline that marks its author explicitly
            for a in el.iter("a"):
                if "author" in (a.get("rel") or "") or _PERSON_HREF.search(a.get("href") or ""):
                    continue
                if any(p.tag == "cite" for p in a.iterancestors()):
                    continue
                v = _collapse(a.text_content())
                if not (2 <= len(v) <= _MAX_OUTLET_LINK) or not _CJK_RE.search(v):
                    continue
                if _valid_outlet(v) and not _valid_person(v, self.site_names, strict=True):
                    return v
        return None

    def _authors(self) -> tuple[str, ...]:
        return self._find_authors()

    def _find_authors(self) -> tuple[str, ...]:
        names = self.site_names
        for v in self.ld_values("author"):
            people = [p for raw in _ld_people(v) for p in _split_declared(raw, names)]
            if people:
                return tuple(dict.fromkeys(people))
        for v in self.meta_values(AUTHOR_META_KEYS):
            people = _split_declared(v, names)
            if people:
                return tuple(people)
        scan = self.scan
        if scan is None:
            return ()
        near = scan.near()
        for region in (near, scan.article()):
            people = _cued_names(region, names)
            if people:
                return tuple(people)
            if region is near:
                people = self._byline_elements() or _bare_names(scan.after(), names)
                if people:
                    return tuple(people)
                for m in _PHOTO_RE.finditer(region):
                    people = _names_at(region, m.end(), names, strict=False)
                    if people:
                        return tuple(people)
        article = scan.article()
        people = _name_line(article, self.title or "", names)
        if people:
            return tuple(people)
        for rx in _FORUM_RES:
            for m in rx.finditer(article):
                people = _names_at(m.group("v") + " ", 0, names, strict=False)
                if people:
                    return tuple(people)
        for m in _POSTED_RE.finditer(article):
            # "ggjjzhzz 发表于 2005-9-15": the handle right before the cue.
            before = _LAST_TOKEN.search(article, max(0, m.start() - 24), m.start())
            if before:
                people = _names_at(before.group(1) + " ", 0, names, strict=False)
                if people:
                    return tuple(people)
        for m in _TRAILER_NAMES_RE.finditer(article):
            # "…过一个平安的新春佳节。（常书香 马丹阳）" closing the paragraph.
            end = article.find("\n", m.end(), m.end() + 40)
            if end < 0 and m.end() + 40 < len(article):
                continue
            rest = article[m.end() : end if end >= 0 else len(article)]
            if not _TRAILER_REST.match(rest):
                continue
            people = _names_at(article, m.end(), names, strict=True)
            if people:
                return tuple(people)
        return ()

    def _site_owner(self) -> tuple[str, ...]:
        """A personal site's owner, from the footer's copyright line (blogs)."""
        scan = self.scan
        if scan is None:
            return ()
        footer = scan.text[scan.footer : scan.footer + _FOOTER_SPAN]
        return tuple(_copyright_holder(footer, self.site_names)[:1])

    def _byline_elements(self) -> list[str]:
        """Names in class="author"/rel=author elements on the meta line."""
        scan = self.scan
        if scan is None:
            return []
        lo = scan.anchor[0] - _REGION_BEFORE if scan.anchor else 0
        hi = scan.anchor[1] + _REGION_AFTER if scan.anchor else scan.footer
        # Not past the first paragraph of prose: a name after it belongs to a
        # comment or an answer (Q&A pages), not to the article.
        begin = scan.anchor[1] if scan.anchor else 0
        hi = min(hi, begin + _first_prose(scan.text[begin:hi]))
        for el, s, e in scan.spans("by"):
            if s < lo or s > hi or e - s > 60:
                continue
            text = scan.text[s:e].strip()
            m = _REPORTER_RE.match(text) or _WRITER_RE.match(text)
            pos = m.end() if m else 0
            declared = m is not None or "author" in (el.get("rel") or "") + (
                el.get("itemprop") or ""
            )
            people = _names_at(text, pos, self.site_names, strict=not declared)
            if people:
                return people
        return []

    def _editor(self) -> str | None:
        scan = self.scan
        if scan is not None:
            region = scan.article()
            best: tuple[int, int, str] | None = None  # (cue strength, position, names)
            for m in _EDITOR_RE.finditer(region):
                if m.start() and region[m.start() - 1] in "主总總副小":
                    continue  # 主编, 总编辑, 小编: not the article's editor
                strong = EDITOR_CUES.index(m.group("cue")) < 4
                if not strong and ":" not in m.group("sep") and "：" not in m.group("sep"):
                    continue
                window = _STAFF_CODE.sub("", region[m.end() : m.end() + 40])
                people = _names_at(window, 0, self.site_names, strict=False)
                if not people:
                    continue
                cand = (0 if strong else 1, m.start(), "、".join(people[:3]))
                if best is None or cand[:2] < best[:2]:
                    best = cand
                if strong:
                    break
            if best is not None:
                return best[2]
        for v in self.meta_values(EDITOR_META_KEYS):
            people = _split_declared(v, self.site_names)
            if people:
                return people[0]
        return None

    # -- links, language, description ----------------------------------------

    def _canonical(self) -> str | None:
        candidates: list[str] = []
        for link in self.head.links:
            rel = (link.get("rel") or "").lower().split()
            if "canonical" in rel and link.get("href"):
                candidates.append(link.get("href") or "")
        candidates.extend(self.meta_values(("og:url", "twitter:url")))
        for v in self.ld_values("url"):
            s = _ld_str(v)
            if s:
                candidates.append(s)
                break
        for c in candidates:
            c = c.strip()
            if not c or len(c) > _MAX_ATTR or c.lower().startswith(BAD_URL_PREFIXES):
                continue
            resolved = _resolve(c, self.base)
            if not resolved:
                continue
            parts = urlsplit(resolved)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                continue
            if parts.path in ("", "/") and not parts.query:
                continue  # a site's home page is never an article's canonical URL
            return resolved
        return None

    def _lang(self, title: str | None) -> str | None:
        declared = self.root.get("lang") or self.root.get("xml:lang")
        if not declared:
            for v in self.meta_values(LANG_META_KEYS):
                declared = v
                break
        if not declared:
            for v in self.ld_values("inLanguage"):
                declared = _ld_str(v)
                break
        desc = next(iter(self.meta_values(DESCRIPTION_META_KEYS)), "")
        body = self.scan.text[:1500] if self.scan is not None else ""
        return _language(declared, f"{title or ''} {desc}", body)

    def _description(self) -> str | None:
        for v in self.meta_values(DESCRIPTION_META_KEYS):
            v = _collapse(v)
            if v:
                return v[:1000]
        for v in self.ld_values("description"):
            s = _ld_str(v)
            if s:
                return _collapse(s)[:1000]
        return None

    def _keywords(self) -> tuple[str, ...]:
        out: list[str] = []
        values = list(self.meta_values(KEYWORD_META_KEYS))
        for v in self.ld_values("keywords"):
            if isinstance(v, list):
                values.extend(x for x in v if isinstance(x, str))
            elif isinstance(v, str):
                values.append(v)
        for v in values:
            parts = _KEYWORD_SPLIT.split(v)
            if len(parts) == 1 and _CJK_RE.search(v):
                parts = v.split()
            for p in parts:
                p = p.strip(_TRIM)
                if p and len(p) <= 50 and p not in out:
                    out.append(p)
        return tuple(out[:30])

    def _next_page(self) -> str | None:
        current = (self.url or "").split("#")[0]
        for link in self.head.links:
            if "next" in (link.get("rel") or "").lower().split() and link.get("href"):
                r = self._usable_link(link.get("href") or "", current)
                # Blogs also point rel=next at the next post: with a known URL, only
                # a continuation of this page counts.
                if r and (not current or _same_series(r, current)):
                    return r
        links = self.scan.links if self.scan is not None else []
        if current:
            # The page URL with _2/-2 (or the next number): the pager of this very article.
            names = _continuation(current)
            if names:
                for a in links:
                    href = a.get("href") or ""
                    if _names_file(href, names):
                        r = self._usable_link(href, current)
                        if r:
                            return r
        second: str | None = None
        for a in links:
            raw = a.text
            if not raw and len(a) == 1:
                raw = a[0].text  # <a><span>下一页</span></a>
            if not raw or len(raw) > 24:
                continue
            if raw.strip() == "2" and second is None:
                # Page 1 of a pager "1 2 3": the link to page 2, when its URL says so.
                href = a.get("href") or ""
                if _PAGE_TWO.search(href.split("#", 1)[0]):
                    second = self._usable_link(href, current)
                continue
            if not _PAGER_HINT.search(raw):
                continue
            text = _collapse(raw).lower()
            if text in NEXT_PAGE_TEXTS or text.startswith(("下一页", "下一頁")):
                href = a.get("href") or _onclick_url(a.get("onclick"))
                r = self._usable_link(href, current)
                if not r:
                    continue
                if _CJK_RE.match(text):
                    return r
                # "next", "›", "»" also lead to the next post, month or slide:
                # only a link that continues this page's own URL counts.
                if current and _same_series(r, current):
                    return r
        return second

    def _usable_link(self, href: str, current: str) -> str | None:
        href = href.strip()
        if not href or len(href) > _MAX_ATTR or href.lower().startswith(BAD_URL_PREFIXES):
            return None
        r = _resolve(href, self.base)
        if not r or urlsplit(r).scheme not in ("http", "https", ""):
            return None
        if current and r.split("#")[0] == current:
            return None
        return r


# --------------------------------------------------------------------------
# Field helpers that need no page state
# --------------------------------------------------------------------------

_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/_]?(?P<m>0[1-9]|1[0-2])[-/_]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?:[01]\d)?/")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_DATE_CUE_RE = re.compile(
    "(?:"
    + "|".join(re.escape(c) for c in sorted(DATE_CUES, key=len, reverse=True))
    + r")\s*[:：@]?\s*|(?:本贴|本帖)由\S{1,20}?于\s*"
)
_ITEMPROP_DATE = etree.XPath(
    "//*[@itemprop='datePublished' or @itemprop='dateCreated'][not(self::meta)]"
)
_PAGE_TWO = re.compile(r"[_-]2\.\w{2,5}$|[?&](?:page|p|pn|pg)=2(?:&|$)")
_ONCLICK_URL = re.compile(r"""location(?:\.href)?\s*=\s*['"]([^'"]{1,500})['"]""")
_PAGER_HINT = re.compile(r"下|后一|後一|[Nn]ext|NEXT|^\s*(?:›|»|>|>>)\s*$")
_WECHAT_ACCOUNT = etree.XPath("//*[@id='js_name' or @id='profileBt']")
_KEYWORD_SPLIT = re.compile(r"\s*[,，、;；|｜]\s*")


def _published_iso(found: FoundDate | None, lang: str | None) -> str | None:
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


def _continuation(url: str) -> tuple[str, ...]:
    """File names of the next page of a paginated article: ``x.html`` → ``x_2.html`` …"""
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    m = re.match(
        r"^(?P<stem>.*?)(?:(?P<sep>[_-])(?P<n>\d{1,3}))?(?P<ext>\.s?html?|\.php|\.asp)$", name
    )
    if not m or not m.group("stem"):
        return ()
    stem, ext = m.group("stem"), m.group("ext")
    if m.group("n"):
        return (f"{stem}{m.group('sep')}{int(m.group('n')) + 1}{ext}",)
    return (f"{stem}_2{ext}", f"{stem}-2{ext}", f"{stem}_1{ext}")


def _onclick_url(onclick: str | None) -> str:
    """The URL of ``onclick="location.href='…'"`` (pagers built without href)."""
    if not onclick:
        return ""
    m = _ONCLICK_URL.search(onclick[:_MAX_ATTR])
    return m.group(1) if m else ""


def _same_series(url: str, current: str) -> bool:
    """Whether ``url`` is another page of ``current`` (same host, same file stem)."""
    a, b = urlsplit(url), urlsplit(current)
    if a.netloc != b.netloc:
        return False
    stem = re.sub(r"(?:[_-]\d{1,3})?\.\w+$", "", b.path)
    if a.path == b.path:
        return bool(re.search(r"(?:^|&)(?:page|p|pn|pg)=\d", a.query))
    return len(stem) > 1 and a.path.startswith(stem)


def _names_file(href: str, names: tuple[str, ...]) -> bool:
    """Whether ``href`` (query and fragment ignored) ends with one of the file ``names``."""
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path.endswith(names):
        return False
    name = path.rsplit("/", 1)[-1]
    return name in names
