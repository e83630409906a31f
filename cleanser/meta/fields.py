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

Title, published and author are then chosen again among *every* candidate the page
offers (:mod:`cleanser.meta.fitted`): each candidate is described by a few features,
the cascade's pick among them, and a conditional logit with weights fitted by
``python -m cleanser.learn.metafit`` (shipped in ``body/model.json``) picks one or
none (:mod:`cleanser.meta.choice`). A field's weights are shipped only when they beat
the cascade leave-site-out; without them the cascade's value stands and its
candidates are not even gathered (``explain`` still lists them).

The body is walked once (:class:`cleanser.meta.pagetext._Scan`): it yields the
visible text, one line per block element, with the positions of heading-,
byline- and source-like elements, so every pattern sees what a reader sees and
knows where the headline is.

Where the code lives. This module keeps the public surface (:class:`Metadata`,
:func:`extract_metadata`, and :func:`image_url` re-exported from
:mod:`~cleanser.meta.links`) and :func:`read_page`, which calls each field's
chooser in turn and passes on what a later field needs from an earlier one (the
site names and the headline). Each field's candidates and choice live in their
own module:

* :mod:`cleanser.meta.page`: the per-page state every chooser reads (parsed head,
  base URL, body walk);
* :mod:`cleanser.meta.title`: site name and title (and the headline's position);
* :mod:`cleanser.meta.published`: the publication time;
* :mod:`cleanser.meta.byline`: source, authors and editor (the meta line);
* :mod:`cleanser.meta.links`: canonical URL, next page, image sources;
* :mod:`cleanser.meta.declared`: language, description, keywords;
* :mod:`cleanser.meta.fitted`: every candidate of title, published and author
  (:mod:`~cleanser.meta.evidence_title`, :mod:`~cleanser.meta.evidence_date`,
  :mod:`~cleanser.meta.evidence_author`) and the fitted choice among them.

The helpers they call are split by what they read:

* :mod:`cleanser.meta.head`: ``<meta>``, JSON-LD, ``<link>``, ``<base>``, ``<title>``
  and the language tag;
* :mod:`cleanser.meta.pagetext`: the body walk and the meta-line/prose tests on its text;
* :mod:`cleanser.meta.headline`: site names in ``<title>`` and heading/headline agreement;
* :mod:`cleanser.meta.people`: bylines, person and outlet validation, 来源 values;
* :mod:`cleanser.meta.util`: the text helpers all of them share;
* :mod:`cleanser.vocabulary` (``head``, ``headline``, ``people``, ``dates``, ``page``):
  every cue table, ``<meta>`` key list, pattern and size limit these modules read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from lxml import html

from cleanser.meta.byline import choose_authors, choose_editor, choose_source
from cleanser.meta.dates import FoundDate
from cleanser.meta.declared import choose_description, choose_keywords, choose_lang
from cleanser.meta.fitted import Decision, FieldEvidence, decide_all, gather, shipped
from cleanser.meta.headline import _site_from_fragments
from cleanser.meta.links import choose_canonical, choose_next_page, image_url
from cleanser.meta.page import Page, safe
from cleanser.meta.published import choose_published, published_iso
from cleanser.meta.title import choose_title, site_name_declared
from cleanser.meta.util import _collapse

__all__ = ["Metadata", "PageReading", "extract_metadata", "image_url", "read_page"]


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


@dataclass(frozen=True)
class PageReading:
    """One page's metadata with what its choosers shared (explain lists the candidates)."""

    page: Page
    site_names: list[str]  # the site name and the <title> fragments: never a person
    metadata: Metadata
    # The title/published/author candidates gathered (the shipped fields, or all three
    # with every_candidate), and how each of those fields was decided.
    evidence: dict[str, FieldEvidence] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)


def extract_metadata(
    root: html.HtmlElement, url: str | None, reference_time: datetime | None = None
) -> Metadata:
    """Read metadata from the unprepared tree (never modifies it, never raises).

    ``reference_time`` (when the page was fetched) resolves relative times such
    as 3小时前; without it they are reported raw only.
    """
    try:
        page = Page(root, url, reference_time)
    except Exception:  # metadata must never break extraction
        return Metadata()
    return read_page(page).metadata


def read_page(page: Page, every_candidate: bool = False) -> PageReading:
    """Choose every field of ``page``, each by its own module, in the order they depend.

    The title comes first: it places the headline in the body walk, and its site
    names keep outlets from being read as people. The source comes before the
    authors (a person named after 来源： is the authors' last resort). A failing
    field is left empty; the others are still read.

    Title, published and author candidates are gathered and chosen among only for
    the fields whose fitted weights are shipped (:func:`cleanser.meta.fitted.shipped`),
    or for all three with ``every_candidate`` (``explain`` and the fitting command,
    which list or fit them all): a field without weights keeps the cascade's value,
    so ``extract`` pays nothing for its candidates.
    """
    site_name = safe(lambda: site_name_declared(page), None)
    page.start_scan()
    no_title: tuple[str | None, list[str]] = (None, [])
    title, fragments = safe(lambda: choose_title(page, site_name), no_title)
    if site_name is None and fragments:
        # The rightmost <title> fragment that reads like a site ("澎湃新闻", not "The Paper");
        # short keyword tags (sohu's "_中国_法国_全球") are not a site name.
        site_name = _site_from_fragments(fragments)
    site_names = [s for s in (site_name, *fragments) if s]
    scan = page.scan
    if scan is not None:
        safe(lambda: scan.locate(title or ""), None)
        safe(scan.find_footer, None)
    published = safe(lambda: choose_published(page), None)
    source_people: list[str] = []  # names found after 来源： (a person, not an outlet)
    source = safe(lambda: choose_source(page, site_names, source_people), None)
    authors = choose_authors(page, site_names, title, source_people)
    no_fields: tuple[str, ...] = ()
    fields = None if every_candidate else safe(shipped, no_fields)
    evidence: dict[str, FieldEvidence] = {}
    decisions: dict[str, Decision] = {}
    if fields is None or fields:
        evidence = gather(page, site_names, title, published, authors, source_people, fields)
        decisions = safe(lambda: decide_all(evidence), decisions)
        title, published, authors = _fitted(decisions, title, published, authors)
    lang = safe(lambda: choose_lang(page, title), None)
    iso = safe(lambda: published_iso(published, lang), None)
    metadata = Metadata(
        title=title or None,
        published=iso,
        published_raw=_collapse(published.raw) if published else None,
        published_precision=published.precision if published and iso else None,
        source=source,
        author=authors,
        editor=safe(lambda: choose_editor(page, site_names), None),
        site_name=site_name,
        url=safe(lambda: choose_canonical(page), None),
        lang=lang,
        description=safe(lambda: choose_description(page), None),
        keywords=safe(lambda: choose_keywords(page), ()),
        next_page_url=safe(lambda: choose_next_page(page), None),
        base_url=page.base,
    )
    return PageReading(page, site_names, metadata, evidence, decisions)


def _fitted(
    decisions: dict[str, Decision],
    title: str | None,
    published: FoundDate | None,
    authors: tuple[str, ...],
) -> tuple[str | None, FoundDate | None, tuple[str, ...]]:
    """The cascade's values replaced by the fitted choice's, field by field.

    A field without shipped weights keeps the cascade's value. A relative time
    the cascade could not resolve (no reference time: raw only) is kept too: no
    candidate stands for it.
    """
    d = decisions.get("title")
    if d is not None and d.fitted:
        title = d.winner.value if d.winner is not None else None
    d = decisions.get("published")
    if d is not None and d.fitted and not (published is not None and not published.iso):
        published = d.winner.payload if d.winner is not None else None
    d = decisions.get("author")
    if d is not None and d.fitted:
        authors = tuple(d.winner.payload) if d.winner is not None else ()
    return title, published, authors
