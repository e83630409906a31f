"""The outlet (来源), the authors and the editor: what the byline and the meta line say.

* **source**: a 来源：-style cue on the meta line under the headline; a short
  ``class="source"`` element there; the outlet linked beside the reporter; a
  source ``<meta>``; a 来源 cue anywhere in the article; the dateline (新华社北京电).
* **author**: JSON-LD and ``<meta>`` authors; cued names (作者/记者/文/通讯员) near
  the headline and in the article; ``class="author"`` elements; photo credits;
  a line that is only the names; forum and blog handles (楼主, 发表于); the
  trailing ``（张三 李四）`` of a paragraph; else a person named after 来源：;
  else a personal site's owner from the copyright footer.
* **editor**: 责任编辑/责编/编辑 in the article (the strong cues first), else ``<meta>``.

The three share the reading of the meta line (:mod:`cleanser.meta.people`) and
the site names from :func:`cleanser.meta.title.choose_title`, which keep an
outlet's own name from being reported as a person. Names are read token by
token and validated, so outlets, places and placeholders are never people.
"""

from __future__ import annotations

from cleanser.meta.head import _ld_people
from cleanser.meta.headline import _is_abbreviation
from cleanser.meta.page import Page, safe
from cleanser.meta.pagetext import _first_prose, _Scan
from cleanser.meta.people import (
    _bare_names,
    _copyright_holder,
    _cued_names,
    _cut_value,
    _is_org,
    _name_line,
    _names_at,
    _source_in,
    _split_declared,
    _valid_outlet,
    _valid_person,
)
from cleanser.meta.util import _collapse, _norm
from cleanser.vocabulary import (
    AUTHOR_META_KEYS,
    DATELINE_OUTLET_RE,
    EDITOR_CUES,
    EDITOR_META_KEYS,
    EDITOR_RE,
    FOOTER_SPAN,
    FORUM_POSTER_RES,
    HAN_RE,
    LAST_TOKEN_RE,
    MAX_META_LINE,
    MAX_OUTLET_LINK,
    PERSON_HREF_RE,
    PHOTO_RE,
    POSTED_RE,
    REGION_AFTER,
    REGION_BEFORE,
    REPORTER_RE,
    SOURCE_CUE_PREFIX_RE,
    SOURCE_META_KEYS,
    STAFF_CODE_RE,
    TRAILER_NAMES_RE,
    TRAILER_REST_RE,
    WRITER_RE,
)

# --------------------------------------------------------------------------
# Source (来源)
# --------------------------------------------------------------------------


def choose_source(page: Page, site_names: list[str], source_people: list[str]) -> str | None:
    """The outlet the article comes from.

    A person's name found after 来源： is not an outlet: it is appended to
    ``source_people``, which :func:`choose_authors` takes as its last resort.
    """
    scan = page.scan
    if scan is not None and scan.anchor is not None:
        v = _source_in(scan.near(), source_people)
        if v:
            return v
        v = _source_element(scan) or _byline_outlet(scan, site_names)
        if v:
            return v
    for v in page.meta_values(SOURCE_META_KEYS):
        v = _cut_value(_collapse(v))
        if _valid_outlet(v) and not any(_norm(v) == _norm(n) for n in site_names):
            return v
    if scan is not None:
        article = scan.article()
        v = _source_in(article, source_people)
        if v:
            return v
        m = DATELINE_OUTLET_RE.search(scan.near() or article[:600])
        if m and _valid_outlet(m.group("v")):
            outlet = m.group("v")
            # "寶島社" in the dateline of 寶島通訊社's own site: the site's full name.
            site = site_names[0] if site_names else ""
            if site and outlet != site and _is_abbreviation(outlet, site):
                return site
            return outlet
    return None


def _source_element(scan: _Scan) -> str | None:
    """A short class="source"/"where" element on the meta line naming the outlet."""
    if scan.anchor is None:
        return None
    lo = scan.anchor[0] - REGION_BEFORE
    hi = scan.anchor[1] + REGION_AFTER
    for _el, s, e in scan.spans("src"):
        if s < lo or s > hi or e - s > 40:
            continue
        line = next((ln for ln in scan.text[s:e].split("\n") if ln.strip()), "")
        v = _cut_value(SOURCE_CUE_PREFIX_RE.sub("", line))
        cued = SOURCE_CUE_PREFIX_RE.match(line) is not None
        if _valid_outlet(v) and (cued or _is_org(v, ())):
            return v
    return None


def _byline_outlet(scan: _Scan, site_names: list[str]) -> str | None:
    """The outlet linked beside the reporter in a byline element.

    ``<div class="reporter"><a href="/newspapers/2601">中國時報</a>
    <cite><a rel="author">陳亭均</a></cite>／綜合報導</div>``: the link that is
    not the author's (no rel=author, no <cite>, no /author/ path) names the outlet.
    """
    if scan.anchor is None:
        return None
    lo = scan.anchor[0] - REGION_BEFORE
    hi = scan.anchor[1] + REGION_AFTER
    for el, s, e in scan.spans("by"):
        if s < lo or s > hi or e - s > MAX_META_LINE:
            continue
        if not any(a.tag == "cite" or "author" in (a.get("rel") or "") for a in el.iter()):
            continue  # only a byline that marks its author explicitly
        for a in el.iter("a"):
            if "author" in (a.get("rel") or "") or PERSON_HREF_RE.search(a.get("href") or ""):
                continue
            if any(p.tag == "cite" for p in a.iterancestors()):
                continue
            v = _collapse(a.text_content())
            if not (2 <= len(v) <= MAX_OUTLET_LINK) or not HAN_RE.search(v):
                continue
            if _valid_outlet(v) and not _valid_person(v, site_names, strict=True):
                return v
    return None


# --------------------------------------------------------------------------
# Authors
# --------------------------------------------------------------------------


def choose_authors(
    page: Page, site_names: list[str], title: str | None, source_people: list[str]
) -> tuple[str, ...]:
    """The article's authors, else a person named after 来源：, else the site's owner.

    ``source_people`` is what :func:`choose_source` found; ``title`` is the chosen
    headline (a line of names right under it is a byline).
    """
    no_people: tuple[str, ...] = ()
    return (
        safe(lambda: _find_authors(page, site_names, title), no_people)
        or tuple(source_people[:1])
        or safe(lambda: _site_owner(page.scan, site_names), no_people)
    )


def _find_authors(page: Page, names: list[str], title: str | None) -> tuple[str, ...]:
    """Declared authors (JSON-LD, meta), else those shown in the body text."""
    for v in page.ld_values("author"):
        people = [p for raw in _ld_people(v) for p in _split_declared(raw, names)]
        if people:
            return tuple(dict.fromkeys(people))
    for v in page.meta_values(AUTHOR_META_KEYS):
        people = _split_declared(v, names)
        if people:
            return tuple(people)
    scan = page.scan
    if scan is None:
        return ()
    near = scan.near()
    for region in (near, scan.article()):
        people = _cued_names(region, names)
        if people:
            return tuple(people)
        if region is near:
            people = byline_elements(scan, names) or _bare_names(scan.after(), names)
            if people:
                return tuple(people)
            for m in PHOTO_RE.finditer(region):
                people = _names_at(region, m.end(), names, strict=False)
                if people:
                    return tuple(people)
    return _uncued_authors(scan.article(), names, title) or tuple(_first_poster(scan, names))


def _first_poster(scan: _Scan, names: list[str]) -> list[str]:
    """The handle in the byline element right before the first 发表于 (a forum thread's
    first post: ``<div class="authi">阿德騎士</div> … 樓主 發表於 2025-4-12``), when the
    cue's own line does not name the poster."""
    start = scan.anchor[0] if scan.anchor else 0
    m = POSTED_RE.search(scan.text, start, scan.footer)
    if m is None:
        return []
    best: list[str] = []
    for _el, s, e in scan.spans("by"):
        if e > m.start() or s < max(start, m.start() - REGION_AFTER):
            continue
        line = next((ln.strip() for ln in scan.text[s:e].split("\n") if ln.strip()), "")
        best = _names_at(line, 0, names, strict=False, whole_line=True) or best
    return best


def _uncued_authors(article: str, names: list[str], title: str | None) -> tuple[str, ...]:
    """Names without an author cue: a names-only line, forum and blog handles, a trailer."""
    people = _name_line(article, title or "", names)
    if people:
        return tuple(people)
    for rx in FORUM_POSTER_RES:
        for m in rx.finditer(article):
            people = _names_at(m.group("v") + " ", 0, names, strict=False)
            if people:
                return tuple(people)
    posted = POSTED_RE.search(article)
    if posted is not None:
        # "ggjjzhzz 发表于 2005-9-15": the handle right before the first cue. A later
        # 发表于 is a reply's: its poster is not the article's author.
        at = posted.start()
        before = LAST_TOKEN_RE.search(article, max(0, at - 24), at)
        if before:
            people = _names_at(before.group(1) + " ", 0, names, strict=False)
            if people:
                return tuple(people)
    for m in TRAILER_NAMES_RE.finditer(article):
        # "…过一个平安的新春佳节。（常书香 马丹阳）" closing the paragraph.
        end = article.find("\n", m.end(), m.end() + 40)
        if end < 0 and m.end() + 40 < len(article):
            continue
        rest = article[m.end() : end if end >= 0 else len(article)]
        if not TRAILER_REST_RE.match(rest):
            continue
        people = _names_at(article, m.end(), names, strict=True)
        if people:
            return tuple(people)
    return ()


def _site_owner(scan: _Scan | None, site_names: list[str]) -> tuple[str, ...]:
    """A personal site's owner, from the footer's copyright line (blogs)."""
    if scan is None:
        return ()
    footer = scan.text[scan.footer : scan.footer + FOOTER_SPAN]
    return tuple(_copyright_holder(footer, site_names)[:1])


def byline_elements(scan: _Scan | None, site_names: list[str]) -> list[str]:
    """Names in class="author"/rel=author elements on the meta line."""
    if scan is None:
        return []
    lo = scan.anchor[0] - REGION_BEFORE if scan.anchor else 0
    hi = scan.anchor[1] + REGION_AFTER if scan.anchor else scan.footer
    # Not past the first paragraph of prose: a name after it belongs to a
    # comment or an answer (Q&A pages), not to the article.
    begin = scan.anchor[1] if scan.anchor else 0
    hi = min(hi, begin + _first_prose(scan.text[begin:hi]))
    for el, s, e in scan.spans("by"):
        if s < lo or s > hi or e - s > 60:
            continue
        text = scan.text[s:e].strip()
        m = REPORTER_RE.match(text) or WRITER_RE.match(text)
        pos = m.end() if m else 0
        declared = m is not None or "author" in (el.get("rel") or "") + (el.get("itemprop") or "")
        people = _names_at(text, pos, site_names, strict=not declared)
        if people:
            return people
    return []


# --------------------------------------------------------------------------
# Editor
# --------------------------------------------------------------------------


def choose_editor(page: Page, site_names: list[str]) -> str | None:
    """The responsible editor: a 责任编辑-style cue in the article, else ``<meta>``."""
    scan = page.scan
    if scan is not None:
        region = scan.article()
        best: tuple[int, int, str] | None = None  # (cue strength, position, names)
        for m in EDITOR_RE.finditer(region):
            if m.start() and region[m.start() - 1] in "主总總副小":
                continue  # 主编, 总编辑, 小编: not the article's editor
            strong = EDITOR_CUES.index(m.group("cue")) < 4
            if not strong and ":" not in m.group("sep") and "：" not in m.group("sep"):
                continue
            window = STAFF_CODE_RE.sub("", region[m.end() : m.end() + 40])
            people = _names_at(window, 0, site_names, strict=False)
            if not people:
                continue
            cand = (0 if strong else 1, m.start(), "、".join(people[:3]))
            if best is None or cand[:2] < best[:2]:
                best = cand
            if strong:
                break
        if best is not None:
            return best[2]
    for v in page.meta_values(EDITOR_META_KEYS):
        people = _split_declared(v, site_names)
        if people:
            return people[0]
    return None
