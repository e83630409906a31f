"""The page's links: its canonical URL, the next page of a paginated article, image sources.

* **url** (canonical): ``<link rel=canonical>``, ``og:url``/``twitter:url``, JSON-LD
  ``url``, resolved against the base URL; a site's home page never counts.
* **next_page_url**: ``<link rel=next>`` that continues this page; a link to this
  page's own URL with ``_2``/``-2`` (or the next number); a pager link reading
  下一页 (or ``next``/``›`` when it continues this URL); else page 2 of a pager.
* :func:`image_url`: the real source of an ``<img>`` (lazy-loading attributes first),
  for the renderer.

All of them read the head and the body walk only, so they take no other field.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import html

from cleanser.meta.head import _ld_str
from cleanser.meta.page import Page, resolve
from cleanser.meta.util import _collapse
from cleanser.vocabulary import (
    BAD_URL_PREFIXES,
    HAN_RE,
    IMAGE_ATTRS,
    MAX_ATTR,
    NEXT_PAGE_TEXTS,
    ONCLICK_URL_RE,
    PAGE_TWO_RE,
    PAGER_HINT_RE,
)


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
            if not value or len(value) > MAX_ATTR or value.lower().startswith(BAD_URL_PREFIXES):
                continue
            return resolve(value, base_url)
    except (ValueError, TypeError):
        return None
    return None


def choose_canonical(page: Page) -> str | None:
    """The article's canonical URL (http or https, not a home page), or None."""
    candidates: list[str] = []
    for link in page.head.links:
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            candidates.append(link.get("href") or "")
    candidates.extend(page.meta_values(("og:url", "twitter:url")))
    for v in page.ld_values("url"):
        s = _ld_str(v)
        if s:
            candidates.append(s)
            break
    for c in candidates:
        c = c.strip()
        if not c or len(c) > MAX_ATTR or c.lower().startswith(BAD_URL_PREFIXES):
            continue
        resolved = resolve(c, page.base)
        if not resolved:
            continue
        parts = urlsplit(resolved)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        if parts.path in ("", "/") and not parts.query:
            continue  # a site's home page is never an article's canonical URL
        return resolved
    return None


def choose_next_page(page: Page) -> str | None:
    """The URL of the article's next page, or None."""
    current = (page.url or "").split("#")[0]
    for link in page.head.links:
        if "next" in (link.get("rel") or "").lower().split() and link.get("href"):
            r = _usable_link(page, link.get("href") or "", current)
            # Blogs also point rel=next at the next post: with a known URL, only
            # a continuation of this page counts.
            if r and (not current or _same_series(r, current)):
                return r
    links = page.scan.links if page.scan is not None else []
    if current:
        # The page URL with _2/-2 (or the next number): the pager of this very article.
        names = _continuation(current)
        if names:
            for a in links:
                href = a.get("href") or ""
                if _names_file(href, names):
                    r = _usable_link(page, href, current)
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
            if PAGE_TWO_RE.search(href.split("#", 1)[0]):
                second = _usable_link(page, href, current)
            continue
        if not PAGER_HINT_RE.search(raw):
            continue
        text = _collapse(raw).lower()
        if text in NEXT_PAGE_TEXTS or text.startswith(("下一页", "下一頁")):
            href = a.get("href") or _onclick_url(a.get("onclick"))
            r = _usable_link(page, href, current)
            if not r:
                continue
            if HAN_RE.match(text):
                return r
            # "next", "›", "»" also lead to the next post, month or slide:
            # only a link that continues this page's own URL counts.
            if current and _same_series(r, current):
                return r
    return second


def _usable_link(page: Page, href: str, current: str) -> str | None:
    """``href`` resolved, when it is a web link to another page than ``current``."""
    href = href.strip()
    if not href or len(href) > MAX_ATTR or href.lower().startswith(BAD_URL_PREFIXES):
        return None
    r = resolve(href, page.base)
    if not r or urlsplit(r).scheme not in ("http", "https", ""):
        return None
    if current and r.split("#")[0] == current:
        return None
    return r


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
    m = ONCLICK_URL_RE.search(onclick[:MAX_ATTR])
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
