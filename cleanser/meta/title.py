"""The site name and the title of a page, and where the headline sits in the body text.

* **site_name**: ``og:site_name``-style ``<meta>`` (on WeChat, the 公众号 in
  ``#js_name``), else JSON-LD ``publisher``; :mod:`cleanser.meta.fields` falls
  back to a fragment of ``<title>`` (:func:`~cleanser.meta.headline._site_from_fragments`).
* **title**: the heading (``h1``–``h4`` or a ``*title*`` element) that agrees with
  ``<title>``/``og:title``/JSON-LD ``headline``; else the longest declared
  headline; else the first ``h1``. Site and channel suffixes are cut off.

Choosing the title also places the headline in the body walk (``scan.anchor``),
which every later field uses to find the meta line under it; so the title is
chosen first and the site names it returns are passed to the other choosers.
"""

from __future__ import annotations

from lxml import etree

from cleanser.meta.head import _ld_str
from cleanser.meta.headline import _NO_REFS, _clean_heading, _extend_line, _score_line, _strip_site
from cleanser.meta.page import Page, elements, safe
from cleanser.meta.pagetext import _heading_rank, _Scan
from cleanser.meta.util import _collapse, _norm
from cleanser.vocabulary import (
    MARKUP_TAG_RE,
    PAGE_MARK_RE,
    PRIVATE_USE_RE,
    SITE_NAME_META_KEYS,
    TITLE_META_KEYS,
    TITLE_SEPARATOR_RE,
    WECHAT_SITE_NAMES,
)

_WECHAT_ACCOUNT = etree.XPath("//*[@id='js_name' or @id='profileBt']")

# The best heading line so far: (score, -rank, -index, text, start, end) in the scan's text.
_Best = tuple[float, int, int, str, int, int]


def site_name_declared(page: Page) -> str | None:
    """The site's name as the head declares it (the WeChat account on WeChat)."""
    for name in page.meta_values(SITE_NAME_META_KEYS):
        name = _collapse(name)
        if name in WECHAT_SITE_NAMES:
            # On WeChat the 公众号 is the publisher; its name is in #js_name.
            for el in elements(_WECHAT_ACCOUNT(page.root)):
                account = _collapse(el.text_content())
                if 2 <= len(account) <= 40:
                    return account
        if name:
            return name[:100]
    for obj in page.ld:
        for key in ("publisher", "sourceOrganization"):
            s = _ld_str(obj.get(key)) if key in obj else None
            if s:
                return _collapse(s)[:100]
    return None


def declared_headlines(
    page: Page, site_name: str | None
) -> tuple[list[tuple[str, str]], list[str]]:
    """Declared headlines as (main part, key) and the fragments cut from <title>."""
    names = [site_name] if site_name else []
    raw: list[str] = []
    for v in page.ld_values("headline"):
        s = _ld_str(v)
        if s:
            raw.append(s)
    raw.extend(page.meta_values(TITLE_META_KEYS))
    raw.append(page.title_raw)
    fragments: list[str] = []
    refs: list[tuple[str, str]] = []
    for r in raw[:8]:
        r = _collapse(MARKUP_TAG_RE.sub("", r)) if "<" in r else _collapse(r)
        if not r or len(r) > 500:
            continue
        main, removed = _strip_site(r, names)
        if r == page.title_raw:
            fragments = removed
        key = _norm(main)
        if key and all(key != k for _, k in refs):
            refs.append((main, key))
    return refs, fragments


def choose_title(page: Page, site_name: str | None) -> tuple[str | None, list[str]]:
    """The page's title (None if shorter than 2 characters) and the <title> fragments."""
    title, fragments = _find_title(page, site_name)
    if title:
        title = PAGE_MARK_RE.sub("", _collapse(PRIVATE_USE_RE.sub("", title)))
    return (title if title and len(title) >= 2 else None), fragments


def _best_heading(
    scan: _Scan,
    refs: list[tuple[str, str]],
    site_frags: list[str],
    title_frag_keys: list[str],
) -> _Best | None:
    """The heading line that agrees best with the declared headlines, with its position."""
    site_keys = {_norm(f) for f in site_frags}
    ref_chars = [set(k) for _, k in refs]
    best: _Best | None = None
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
            cand = _score_line(whole, [], _NO_REFS, site_frags, site_keys, title_frag_keys, rank)
            if cand is not None and cand[0] >= 1.0:
                key = (cand[0], -rank, -idx)
                if best is None or key > best[:3]:
                    best = (cand[0], -rank, -idx, cand[1], s, e)
        for i, line in enumerate(lines):
            line, end = _extend_line(lines, i, offsets, refs)
            cand = _score_line(line, refs, ref_chars, site_frags, site_keys, title_frag_keys, rank)
            if cand is None:
                continue
            score, text = cand
            key = (score, -rank, -idx)
            if best is None or key > best[:3]:
                best = (score, -rank, -idx, text, offsets[i], end)
    return best


def _find_title(page: Page, site_name: str | None) -> tuple[str | None, list[str]]:
    refs, fragments = declared_headlines(page, site_name)
    site_frags = [f for f in ([site_name, *fragments]) if f]
    title_frag_keys = [_norm(f) for f in TITLE_SEPARATOR_RE.split(page.title_raw)[::2] if f.strip()]
    scan = page.scan
    best = _best_heading(scan, refs, site_frags, title_frag_keys) if scan is not None else None
    if best is not None:
        title = best[3]
        if scan is not None:
            scan.anchor = (best[4], best[5])
            title = safe(lambda: scan.with_subtitle(-best[2], title), title)
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
