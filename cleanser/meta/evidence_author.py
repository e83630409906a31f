"""Every author candidate of a page, each described by a few features.

The cascade (:mod:`cleanser.meta.byline`) returns the first source that names
someone. Here every source is listed for the fitted choice
(:mod:`cleanser.meta.choice`): JSON-LD and ``<meta>`` authors; each cued byline
(记者/作者/文/通讯员, merged with the bylines right after it) anywhere from just
above the headline to the footer; ``class="author"``/``rel=author`` elements down
the page (a thread's first poster); bracketed names and photo credits on the
meta line; a names-only line; forum and blog handles (本帖由 X 于, X 发表于); a
paragraph's closing ``（张三 李四）``; a person named after 来源：; a personal
site's owner.

Names come from the same readers as the cascade's (:mod:`cleanser.meta.people`),
which already refuse outlets, places and placeholders; editors (责任编辑) are
never candidates. Features: the sources, where the byline sits (distance to the
headline, share of the article above it), its cue, how many names and of what
shape, how often the first name recurs in the text (a person the article talks
about), whether a name is in the headline.
"""

from __future__ import annotations

import re

from cleanser.meta.byline import _site_owner, byline_elements
from cleanser.meta.choice import Candidate, distance, merge
from cleanser.meta.head import _ld_people
from cleanser.meta.page import Page
from cleanser.meta.pagetext import _Scan
from cleanser.meta.people import (
    _bare_names,
    _byline_match,
    _name_line,
    _names_at,
    _split_declared,
    _valid_person,
)
from cleanser.meta.util import _norm
from cleanser.vocabulary import (
    AUTHOR_META_KEYS,
    FORUM_POSTER_RES,
    LAST_TOKEN_RE,
    MAX_BYLINES,
    NAME_MENTIONS_CAP,
    PHOTO_RE,
    POSTED_RE,
    REGION_AFTER,
    REGION_BEFORE,
    REPORTER_RE,
    TRAILER_NAMES_RE,
    TRAILER_REST_RE,
    WRITER_RE,
)

#: The features of an author candidate, in the order the weights use.
AUTHOR_EVIDENCE = (
    "none",
    "none_no_headline",
    "none_no_cascade",
    "cascade",
    "src_ld",
    "src_meta",
    "src_reporter",
    "src_writer",
    "src_element",
    "first_element",
    "src_bracket",
    "src_photo",
    "src_name_line",
    "src_poster",
    "src_trailer",
    "src_source_person",
    "src_owner",
    "agree",
    "near",
    "dist",
    "below_share",
    "names",
    "strict",
    "latin",
    "mentions",
    "in_title",
)


def _cand(names: list[str], source: str, **features: float) -> Candidate | None:
    people = tuple(dict.fromkeys(n for n in names if n))[:10]
    if not people:
        return None
    key = "、".join(sorted(_norm(n) for n in people))
    feats = {f"src_{source}": 1.0, **features}
    return Candidate("author", "、".join(people), key, [source], feats, people)


def _place(scan: _Scan, pos: int) -> dict[str, float]:
    """Where a byline at ``pos`` in the scan's text sits against the headline."""
    top, bottom = scan.anchor if scan.anchor is not None else (0, 0)
    gap = top - pos if pos < top else max(0, pos - bottom)
    span = max(1, scan.footer - top)
    return {
        "near": 1.0 if top - REGION_BEFORE <= pos <= bottom + REGION_AFTER else 0.0,
        "dist": distance(gap),
        "below_share": min(1.0, max(0.0, (pos - top) / span)),
    }


def _cued(scan: _Scan, names: list[str]) -> list[Candidate | None]:
    """Each cued byline from just above the headline to the footer, with the bylines
    right after it (记者 A 通讯员 B) merged into it."""
    start = max(0, scan.anchor[0] - REGION_BEFORE) if scan.anchor else 0
    region = scan.text[start : scan.footer]
    hits = sorted(
        (m.start(), m, rx is REPORTER_RE)
        for rx in (REPORTER_RE, WRITER_RE)
        for m in rx.finditer(region)
    )
    out: list[Candidate | None] = []
    group_end = -1
    for pos, m, reporter in hits:
        people = _byline_match(region, m, reporter, names)
        if not people:
            continue
        source = "reporter" if reporter else "writer"
        if pos <= group_end and out and out[-1] is not None:
            last = out[-1]
            merged = _cand([*last.payload, *people], last.sources[0], **last.features)
            if merged is not None:
                merged.add(f"src_{source}")
            out[-1] = merged
            continue
        if len(out) >= MAX_BYLINES:
            break
        out.append(_cand(people, source, **_place(scan, start + pos)))
        group_end = pos + 120
    return out


def _elements(scan: _Scan, names: list[str]) -> list[Candidate | None]:
    """Names in ``class="author"``/``rel=author`` elements anywhere below the headline
    (the first line of each; a thread's posters are read without the surname test)."""
    out: list[Candidate | None] = []
    near = byline_elements(scan, names)
    if near:
        out.append(_cand(near, "element", **_place(scan, scan.anchor[1] if scan.anchor else 0)))
    begin = scan.anchor[0] if scan.anchor else 0
    first = 1.0
    for _el, s, e in scan.spans("by"):
        if s < begin or len(out) >= MAX_BYLINES:
            continue
        line = next((ln.strip() for ln in scan.text[s:e].split("\n") if ln.strip()), "")
        m = REPORTER_RE.match(line) or WRITER_RE.match(line)
        people = _names_at(line, m.end() if m else 0, names, strict=False, whole_line=True)
        cand = _cand(people, "element", first_element=first, **_place(scan, s))
        if cand is not None:
            out.append(cand)
            first = 0.0
    return out


def _meta_line(scan: _Scan, names: list[str], title: str) -> list[Candidate | None]:
    """Bracketed names and photo credits under the headline, a names-only line."""
    out: list[Candidate | None] = []
    here = _place(scan, scan.anchor[1] if scan.anchor else 0)
    out.append(_cand(_bare_names(scan.after(), names), "bracket", **here))
    near = scan.near()
    for m in PHOTO_RE.finditer(near):
        out.append(_cand(_names_at(near, m.end(), names, strict=False), "photo", **here))
        break
    out.append(_cand(_name_line(scan.article(), title, names), "name_line", **here))
    return out


def _uncued(scan: _Scan, names: list[str]) -> list[Candidate | None]:
    """Forum and blog handles (本帖由 X 于, X 发表于) and a paragraph's closing (张三)."""
    start = scan.anchor[0] if scan.anchor else 0
    article = scan.text[start : scan.footer]
    out: list[Candidate | None] = []
    for rx in FORUM_POSTER_RES:
        for m in list(rx.finditer(article))[:2]:
            people = _names_at(m.group("v") + " ", 0, names, strict=False)
            out.append(_cand(people, "poster", **_place(scan, start + m.start())))
    for m in list(POSTED_RE.finditer(article))[:2]:
        before = LAST_TOKEN_RE.search(article, max(0, m.start() - 24), m.start())
        if before:
            people = _names_at(before.group(1) + " ", 0, names, strict=False)
            out.append(_cand(people, "poster", **_place(scan, start + m.start())))
    for m in TRAILER_NAMES_RE.finditer(article):
        end = article.find("\n", m.end(), m.end() + 40)
        if end < 0 and m.end() + 40 < len(article):
            continue
        if not TRAILER_REST_RE.match(article[m.end() : end if end >= 0 else len(article)]):
            continue
        people = _names_at(article, m.end(), names, strict=True)
        out.append(_cand(people, "trailer", **_place(scan, start + m.start())))
    return out


def _declared(page: Page, names: list[str]) -> list[Candidate | None]:
    out: list[Candidate | None] = []
    for v in page.ld_values("author"):
        out.append(_cand([p for raw in _ld_people(v) for p in _split_declared(raw, names)], "ld"))
    for v in page.meta_values(AUTHOR_META_KEYS):
        out.append(_cand(_split_declared(v, names), "meta"))
    return out


def _shape(c: Candidate, text: str, title: str, names: list[str]) -> None:
    """How many names, of what shape, how often the first recurs, whether one is in the title."""
    people: tuple[str, ...] = c.payload
    c.features["names"] = min(len(people) - 1, 2) / 2
    c.features["strict"] = 1.0 if all(_valid_person(p, names, strict=True) for p in people) else 0.0
    c.features["latin"] = 1.0 if any(p.isascii() for p in people) else 0.0
    said = len(re.findall(re.escape(people[0]), text)) if text else 0
    c.features["mentions"] = min(max(said - 1, 0), NAME_MENTIONS_CAP) / NAME_MENTIONS_CAP
    c.features["in_title"] = 1.0 if title and any(p in title for p in people) else 0.0


def author_candidates(
    page: Page,
    site_names: list[str],
    title: str | None,
    cascade: tuple[str, ...],
    source_people: list[str],
) -> tuple[list[Candidate], dict[str, float]]:
    """Every author candidate (merged) and the page-level features of "none"."""
    raw: list[Candidate | None] = []
    if cascade:
        first = _cand(list(cascade), "cascade")
        if first is not None:
            first.features = {"cascade": 1.0}
        raw.append(first)
    raw += _declared(page, site_names)
    scan = page.scan
    if scan is not None:
        raw += _cued(scan, site_names) + _elements(scan, site_names)
        raw += _meta_line(scan, site_names, title or "") + _uncued(scan, site_names)
        raw.append(_cand(list(_site_owner(scan, site_names)), "owner"))
    raw.append(_cand(source_people[:1], "source_person"))
    cands = merge(c for c in raw if c is not None)
    text = scan.article() if scan is not None else ""
    for c in cands:
        _shape(c, text, title or "", site_names)
    no_headline = 1.0 if scan is None or scan.anchor is None else 0.0
    no_cascade = 0.0 if cascade else 1.0
    return cands, {"none_no_headline": no_headline, "none_no_cascade": no_cascade}
