"""The result type of ``extract``."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Image:
    """An image of the article body, in document order."""

    src: str
    alt: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Post:
    """One post of a thread or a feed (a Q&A page's question is the first post)."""

    text: str
    author: str | None = None
    published: str | None = None  # ISO 8601 where the page's time could be read
    floor: int | None = None  # the floor number where the page numbers its posts
    quoted: str | None = None  # text of an earlier post it quotes (not part of ``text``)


@dataclass(frozen=True)
class Link:
    """One item link of a list page: what a crawler follows next."""

    title: str
    url: str
    published: str | None = None  # the date shown beside it, ISO 8601


@dataclass(frozen=True)
class Article:
    """The article body of a page and its metadata.

    ``text`` has one paragraph per line. ``html`` is a cleaned fragment of the
    body (headings, paragraphs, lists, tables, images with captions, links) and
    ``markdown`` the same in Markdown. An empty ``text`` comes with ``reason``.

    ``published`` is ISO 8601 to the precision the page shows, named by
    ``published_precision`` (``second``, ``minute``, ``hour``, ``day`` or
    ``month``: ``2003-05`` is never padded to a day); a time without a shown zone
    gets ``+08:00`` on a Chinese page. ``published_raw`` is the text it was read
    from, also when a relative time (3小时前) could not be resolved because no
    ``Options.reference_time`` was given.

    ``kind`` is what the page was judged to be: ``article``, ``thread`` (forum,
    Q&A), ``list`` (channel, index, search, tag page), ``feed`` or ``error``. A
    thread or feed also gives its ``posts``; a list page gives its item ``links``.

    ``encoding_reason`` says why ``encoding`` won, with the evidence: a byte-order
    mark, strict UTF-8, the declared charset (or the caller's hint) and whether the
    plausibility check confirmed it, or detection (invalid UTF-8 sequences per KB,
    how plausibly the reading is Chinese). None only for an ``Article`` built by hand.
    """

    text: str = ""
    html: str = ""
    markdown: str = ""
    title: str | None = None
    encoding: str | None = None
    confidence: float = 0.0
    reason: str | None = None
    published: str | None = None
    published_raw: str | None = None
    published_precision: str | None = None
    source: str | None = None
    author: tuple[str, ...] = ()
    editor: str | None = None
    site_name: str | None = None
    url: str | None = None
    lang: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    images: tuple[Image, ...] = field(default_factory=tuple)
    next_page_url: str | None = None
    kind: str = "article"
    posts: tuple[Post, ...] = ()
    links: tuple[Link, ...] = ()
    encoding_reason: str | None = None

    @property
    def authors(self) -> list[str]:
        """The author's names as a new list, one person or pen name each.

        The same names as ``author`` (kept a tuple for compatibility, and what
        ``to_dict`` writes); never an outlet, a column or the editor.
        """
        return list(self.author)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        return asdict(self)

    def to_json(self, **kwargs: Any) -> str:
        """The article as a JSON object; non-ASCII kept readable by default."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)
