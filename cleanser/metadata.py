"""Metadata of a Chinese article page (placeholder: title only; full module pending)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html


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


def extract_metadata(root: html.HtmlElement, url: str | None) -> Metadata:
    """Read metadata from the unprepared tree."""
    title = None
    for h in root.iter("h1"):
        t = " ".join(h.text_content().split())
        if t:
            title = t
            break
    if title is None:
        t_el = root.find(".//title")
        if t_el is not None and t_el.text:
            title = " ".join(t_el.text.split())
    return Metadata(title=title)


def image_url(img: html.HtmlElement, base_url: str | None) -> str | None:
    """The real source of an image (lazy-loading attributes first), or None."""
    for attr in ("data-src", "data-original", "_src", "data-actualsrc", "src"):
        v = img.get(attr)
        if v and not v.startswith(("data:", "javascript:")):
            return v
    return None
