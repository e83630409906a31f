"""Every title candidate of a page, each described by a few features.

The cascade (:mod:`cleanser.meta.title`) takes the heading that agrees best with
the declared headlines. Here every candidate is listed for the fitted choice
(:mod:`cleanser.meta.choice`): JSON-LD ``headline`` and ``og:title``-style
``<meta>`` (with and without their site suffix), ``<title>`` three ways (without
any site or channel fragment, without the last fragment only, and whole: list and
feed pages are titled by their ``<title>``), and the page's headings.

Features: the sources that offer the value, how much of the ``<title>`` it shares
(a heading that is a part of ``<title>``, or contains it), its length and whether a
site separator is left in it, whether it is a site name, and how far down the page
a heading sits.
"""

from __future__ import annotations

from cleanser.meta.choice import Candidate, distance, merge
from cleanser.meta.head import _ld_str
from cleanser.meta.headline import _clean_heading, _lcs_len, _strip_site
from cleanser.meta.page import Page
from cleanser.meta.util import _collapse, _norm
from cleanser.vocabulary import (
    LONG_TITLE,
    MARKUP_TAG_RE,
    MAX_HEADINGS,
    PAGE_MARK_RE,
    PRIVATE_USE_RE,
    SHORT_TITLE,
    TITLE_META_KEYS,
    TITLE_SEPARATOR_RE,
)

#: The features of a title candidate, in the order the weights use.
TITLE_EVIDENCE = (
    "none",
    "none_no_cascade",
    "cascade",
    "src_ld",
    "src_ld_raw",
    "src_meta",
    "src_meta_raw",
    "src_title",
    "src_title_head",
    "src_title_raw",
    "src_h1",
    "src_heading",
    "agree",
    "part_of_title",
    "contains_title",
    "title_overlap",
    "short",
    "long",
    "separator",
    "extends",
    "site_name",
    "first_heading",
    "dist",
)


def _finish(text: str) -> str:
    """A title as reported: markup, private-use characters and (页2) marks removed."""
    text = _collapse(MARKUP_TAG_RE.sub("", text)) if "<" in text else _collapse(text)
    return PAGE_MARK_RE.sub("", _collapse(PRIVATE_USE_RE.sub("", text)))


def _cand(text: str, source: str, **features: float) -> Candidate | None:
    value = _finish(text)
    key = _norm(value)
    if len(key) < 2 or len(value) > 300:
        return None
    return Candidate("title", value, key, [source], {f"src_{source}": 1.0, **features})


def _declared(page: Page, names: list[str]) -> list[Candidate | None]:
    """JSON-LD, ``<meta>`` and ``<title>``: as declared, and without site fragments."""
    out: list[Candidate | None] = []
    declared = [("ld", _ld_str(v) or "") for v in page.ld_values("headline")]
    declared += [("meta", v) for v in page.meta_values(TITLE_META_KEYS)]
    for source, raw in declared[:6]:
        raw = _collapse(raw)
        main = _strip_site(raw, names)[0]
        out += [_cand(main, source), _cand(raw, f"{source}_raw")]
    raw = _collapse(page.title_raw)
    if raw:
        out.append(_cand(_strip_site(raw, names)[0], "title"))
        pieces = TITLE_SEPARATOR_RE.split(raw)
        if len(pieces) >= 3:
            out.append(_cand("".join(pieces[:-2]), "title_head"))
        out.append(_cand(raw, "title_raw"))
    return out


def _headings(page: Page, names: list[str]) -> list[Candidate | None]:
    """The first line of each of the page's first headings."""
    scan = page.scan
    if scan is None:
        return []
    out: list[Candidate | None] = []
    for i, (el, s, e) in enumerate(scan.spans("h")):
        if i >= MAX_HEADINGS * 3:
            break
        line = next((ln.strip() for ln in scan.text[s:e].split("\n") if ln.strip()), "")
        if not 2 <= len(line) <= 120:
            continue
        feats = {"first_heading": 1.0 if i == 0 else 0.0, "dist": distance(s)}
        out.append(
            _cand(_clean_heading(line, names), "h1" if el.tag == "h1" else "heading", **feats)
        )
    return out


def _shape(c: Candidate, title_key: str, site_keys: set[str]) -> None:
    """Length, separators, site names and agreement with ``<title>``."""
    n = len(c.value)
    c.features["short"] = 1.0 if n < SHORT_TITLE else 0.0
    c.features["long"] = 1.0 if n > LONG_TITLE else 0.0
    c.features["separator"] = 1.0 if TITLE_SEPARATOR_RE.search(c.value) else 0.0
    c.features["site_name"] = 1.0 if c.key in site_keys else 0.0
    if not title_key:
        return
    if c.key != title_key and c.key in title_key:
        c.features["part_of_title"] = 1.0
    if c.key != title_key and title_key in c.key:
        c.features["contains_title"] = 1.0
    c.features["title_overlap"] = _lcs_len(c.key, title_key) / max(len(c.key), len(title_key))


def title_candidates(
    page: Page, site_names: list[str], cascade: str | None
) -> tuple[list[Candidate], dict[str, float]]:
    """Every title candidate (merged) and the page-level features of "none" (none)."""
    raw: list[Candidate | None] = []
    if cascade:
        raw.append(_cand(cascade, "cascade"))
        if raw[0] is not None:
            raw[0].sources = ["cascade"]
            raw[0].features = {"cascade": 1.0}
    raw += _declared(page, site_names) + _headings(page, site_names)
    cands = merge(c for c in raw if c is not None)
    title_key = _norm(_strip_site(_collapse(page.title_raw), site_names)[0])
    site_keys = {_norm(s) for s in site_names if s}
    for c in cands:
        _shape(c, title_key, site_keys)
        # A headline joined with its 副题 extends the headline line (not by a site name).
        if not c.features["separator"] and any(
            len(o.key) >= SHORT_TITLE and o.key != c.key and c.key.startswith(o.key) for o in cands
        ):
            c.features["extends"] = 1.0
    return cands, {"none_no_cascade": 0.0 if cascade else 1.0}
