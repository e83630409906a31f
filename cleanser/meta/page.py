"""What every field of one page reads: the parsed head, the page URL and the body walk.

:class:`Page` is built once per page by :mod:`cleanser.meta.fields` and handed
to each field's chooser (:mod:`~cleanser.meta.title`, :mod:`~cleanser.meta.published`,
:mod:`~cleanser.meta.byline`, :mod:`~cleanser.meta.links`, :mod:`~cleanser.meta.declared`).
It holds only what is read from the page itself; what one field decides and
another uses (the site names, the headline) is passed to the later chooser as an
argument, so the data flows one way. It lives apart from ``fields`` so that the
field modules can take it without importing the module that calls them.

The helpers here (:func:`safe`, :func:`elements`, :func:`resolve`) are the ones
several field modules share.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from lxml import html

from cleanser.meta.head import _collect_meta, _gather_head, _Head, _json_ld
from cleanser.meta.pagetext import _Scan
from cleanser.vocabulary import BAD_URL_PREFIXES, MAX_ATTR, SCHEMELESS_URL_RE

_T = TypeVar("_T")


def safe(fn: Callable[[], _T], default: _T) -> _T:
    """Run one field's extraction; a failure costs that field only."""
    try:
        return fn()
    except Exception:  # never raise on weird pages
        return default


def elements(result: Any) -> list[html.HtmlElement]:
    """The elements of an XPath result (which is typed as any XPath value)."""
    if not isinstance(result, list):
        return []
    return [el for el in result if isinstance(el, html.HtmlElement)]


def resolve(value: str, base: str | None) -> str | None:
    """``value`` made absolute against ``base`` (scheme-less ``www.x.com/…`` too)."""
    value = value.strip()
    if not value:
        return None
    if value.startswith("//"):
        scheme = urlsplit(base).scheme if base else ""
        return f"{scheme or 'https'}:{value}"
    if SCHEMELESS_URL_RE.match(value):
        value = "http://" + value
    if base:
        try:
            return urljoin(base, value)
        except ValueError:
            return value
    return value


class Page:
    """The raw tree of one page as the field choosers read it (the tree is never modified).

    ``scan`` is the body walk; it is made by :meth:`start_scan` (the caller's
    first step after reading the declared site name, as before the split) and
    its headline position is set by the title chooser.
    """

    def __init__(
        self, root: html.HtmlElement, url: str | None, reference_time: datetime | None = None
    ) -> None:
        self.root = root
        self.reference_time = reference_time
        self.url = url if isinstance(url, str) and url.strip() else None
        self.head = safe(lambda: _gather_head(root), _Head([], [], [], None, ""))
        self.base = safe(self._base, self.url)
        self.meta: dict[str, list[str]] = safe(lambda: _collect_meta(self.head.metas), {})
        self.ld: list[dict[str, Any]] = safe(lambda: _json_ld(self.head.ld_scripts), [])
        self.title_raw = self.head.title
        self.scan: _Scan | None = None

    def _base(self) -> str | None:
        """The URL relative links resolve against: the page URL, moved by <base href>."""
        base = self.url
        href = (self.head.base_href or "").replace("\t", "").replace("\n", "").replace("\r", "")
        href = href.strip()
        if href and not href.lower().startswith(BAD_URL_PREFIXES) and len(href) < MAX_ATTR:
            with contextlib.suppress(ValueError):
                base = urljoin(base, href) if base else href
        return base

    def start_scan(self) -> None:
        """Walk the body once (:class:`~cleanser.meta.pagetext._Scan`); None if it fails."""
        self.scan = safe(lambda: _Scan(self.root), None)

    def meta_values(self, keys: Iterable[str]) -> Iterator[str]:
        """The ``<meta>`` values under ``keys``, in the order of the keys."""
        for k in keys:
            yield from self.meta.get(k, ())

    def ld_values(self, key: str) -> Iterator[Any]:
        """The values of ``key`` in each JSON-LD object that has it."""
        for obj in self.ld:
            if key in obj:
                yield obj[key]
