"""Scrapy integration: an item pipeline and a downloader middleware that run ``extract``.

Pipeline — the spider yields the raw page in an item; the pipeline adds the
article to it::

    # settings.py
    ITEM_PIPELINES = {"cleanser.contrib.scrapy.CleanserPipeline": 300}
    CLEANSER_HTML_FIELD = "html"        # item field holding the page (bytes or str)
    CLEANSER_URL_FIELD = "url"          # item field holding the page URL
    CLEANSER_ENCODING_FIELD = None      # item field holding a charset hint (e.g. from headers)
    CLEANSER_FIELD = "article"          # where the article dict goes ("" → merge into the item)
    CLEANSER_OPTIONS = {"focus": "precision"}   # cleanser.Options keyword arguments
    CLEANSER_RULES = "rules.json"       # per-site options by host (path or dict; cleanser.rules)
    CLEANSER_ARTICLE_FIELDS = ["title", "text", "published", "author"]  # default: all
    CLEANSER_DROP_HTML = True           # remove the raw page from the item afterwards
    CLEANSER_DROP_EMPTY = False         # drop items whose page has no article

    # spider
    def parse(self, response):
        yield {"url": response.url, "html": response.body}

Downloader middleware — every HTML response gets its ``Article`` in
``response.meta["cleanser"]`` before the spider callback sees it::

    DOWNLOADER_MIDDLEWARES = {"cleanser.contrib.scrapy.CleanserDownloaderMiddleware": 543}
    CLEANSER_META_KEY = "cleanser"

    def parse(self, response):
        article = response.meta["cleanser"]
        yield {"url": response.url, "title": article.title, "text": article.text}

Spider middleware — on a page judged a list (``Article.kind == "list"``), follow
its item links, what a crawler wants next (off unless asked)::

    SPIDER_MIDDLEWARES = {"cleanser.contrib.scrapy.CleanserLinksMiddleware": 543}
    CLEANSER_FOLLOW_LINKS = True        # the setting that turns it on
    CLEANSER_FOLLOW_CALLBACK = "parse"  # spider method for the followed pages (default: parse)
    CLEANSER_FOLLOW_MAX = 200           # at most this many links per list page

It reads the article the downloader middleware put in ``response.meta`` (or
extracts the page itself); navigation, pager and sidebar links are not among a
list's item links, so the crawl goes down to the articles, not around the site.

Items may be dicts, ``scrapy.Item`` subclasses (declare the ``CLEANSER_FIELD``
and ``CLEANSER_ERROR_FIELD`` fields, or every merged article field), dataclass
or attrs items: the pipeline goes through ``itemadapter``.

Give cleanser the raw ``response.body`` rather than ``response.text``, so its own
decoding (GBK/GB18030/Big5 sniffing, lying declarations) applies; the middleware
also passes the HTTP ``Content-Type`` charset as a hint, the pipeline does when
``CLEANSER_ENCODING_FIELD`` names an item field holding one. Extraction runs in
the reactor thread (about 10-20 ms a page, small next to download latency); for
heavy crawls run several crawler processes. Counters ``cleanser/ok``, ``cleanser/empty`` and
``cleanser/error`` go to the crawl stats.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from typing import Any

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem, NotConfigured
    from scrapy.http import Response, TextResponse
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        'cleanser.contrib.scrapy needs Scrapy: pip install "cleanser[scrapy]"'
    ) from exc

from cleanser.article import Article
from cleanser.batch import extract_page
from cleanser.errors import CleanserError
from cleanser.io.warc import HTML_TYPES, parse_content_type
from cleanser.options import Options
from cleanser.rules import SiteRules, load_rules

logger = logging.getLogger(__name__)

#: Defaults of the settings read by the pipeline and the middleware.
DEFAULT_FIELD = "article"
DEFAULT_HTML_FIELD = "html"
DEFAULT_URL_FIELD = "url"
DEFAULT_ERROR_FIELD = "cleanser_error"
DEFAULT_META_KEY = "cleanser"
STATS_PREFIX = "cleanser"


def rules_from_settings(value: Any) -> SiteRules | None:
    """``CLEANSER_RULES`` (a path to a JSON rules file, a dict, or ``SiteRules``)."""
    if not value:
        return None
    if isinstance(value, SiteRules):
        return value
    if isinstance(value, dict):
        return SiteRules(value)
    return load_rules(str(value))


def options_from_settings(value: Any) -> Options | None:
    """``CLEANSER_OPTIONS`` (a dict, or an ``Options``) → ``Options``."""
    if value is None or value == {}:
        return None
    if isinstance(value, Options):
        return value
    if isinstance(value, Mapping):
        try:
            return Options(**dict(value))
        except TypeError as exc:
            raise NotConfigured(f"CLEANSER_OPTIONS: {exc}") from None
    raise NotConfigured(f"CLEANSER_OPTIONS must be a dict, not {type(value).__name__}")


def article_fields(article: Article, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The article as a dict for an item, restricted to ``fields`` when given."""
    data = article.to_dict()
    if fields:
        wanted = list(fields)
        unknown = [f for f in wanted if f not in data]
        if unknown:
            raise NotConfigured(f"CLEANSER_ARTICLE_FIELDS: unknown fields {unknown}")
        data = {f: data[f] for f in wanted}
    return data


def _charset(headers: Any) -> str | None:
    raw = headers.get(b"Content-Type") if headers is not None else None
    if not raw:
        return None
    return parse_content_type(raw.decode("latin-1"))[1]


def _is_html(response: Response) -> bool:
    """An HTML response by its Content-Type, else by Scrapy's own text/binary guess."""
    raw = response.headers.get(b"Content-Type")
    if raw:
        return parse_content_type(raw.decode("latin-1"))[0] in HTML_TYPES
    return isinstance(response, TextResponse)


def _extract_response(response: Response, options: Options | None) -> Article:
    """The response's article, its HTTP charset as the decoding hint."""
    return extract_page(
        response.body, response.url, hint=_charset(response.headers), options=options
    )


class CleanserPipeline:
    """Item pipeline: read the page from one item field, write the article to another."""

    def __init__(
        self,
        *,
        field: str = DEFAULT_FIELD,
        html_field: str = DEFAULT_HTML_FIELD,
        url_field: str = DEFAULT_URL_FIELD,
        encoding_field: str | None = None,
        error_field: str = DEFAULT_ERROR_FIELD,
        options: Options | None = None,
        rules: SiteRules | None = None,
        fields: Iterable[str] | None = None,
        drop_html: bool = False,
        drop_empty: bool = False,
        stats: Any = None,
    ) -> None:
        self.field = field
        self.html_field = html_field
        self.url_field = url_field
        self.encoding_field = encoding_field
        self.error_field = error_field
        self.options = options
        self.rules = rules
        self.fields = list(fields) if fields else None
        self.drop_html = drop_html
        self.drop_empty = drop_empty
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanserPipeline:
        """Build from the ``CLEANSER_*`` settings (see the module doc)."""
        s = crawler.settings
        return cls(
            field=s.get("CLEANSER_FIELD", DEFAULT_FIELD) or "",
            html_field=s.get("CLEANSER_HTML_FIELD", DEFAULT_HTML_FIELD),
            url_field=s.get("CLEANSER_URL_FIELD", DEFAULT_URL_FIELD),
            encoding_field=s.get("CLEANSER_ENCODING_FIELD") or None,
            error_field=s.get("CLEANSER_ERROR_FIELD", DEFAULT_ERROR_FIELD),
            options=options_from_settings(s.get("CLEANSER_OPTIONS")),
            rules=rules_from_settings(s.get("CLEANSER_RULES")),
            fields=s.getlist("CLEANSER_ARTICLE_FIELDS") or None,
            drop_html=s.getbool("CLEANSER_DROP_HTML", False),
            drop_empty=s.getbool("CLEANSER_DROP_EMPTY", False),
            stats=crawler.stats,
        )

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"{STATS_PREFIX}/{key}")

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Add the article to ``item``; items without the HTML field pass through untouched."""
        adapter = ItemAdapter(item)
        html = adapter.get(self.html_field)
        if html is None:
            return item
        url = adapter.get(self.url_field)
        hint = adapter.get(self.encoding_field) if self.encoding_field else None
        page_url = url if isinstance(url, str) else None
        options = self.rules.options_for(page_url, self.options) if self.rules else self.options
        try:
            article = extract_page(
                html, page_url, hint=hint if isinstance(hint, str) else None, options=options
            )
        except CleanserError as exc:
            self._inc("error")
            logger.warning("cleanser could not extract %s: %s", url, exc)
            if self.drop_empty:
                raise DropItem(f"cleanser: {exc}") from exc
            adapter[self.error_field] = str(exc)
            if self.field:
                adapter[self.field] = None
            return self._finish(adapter, item)
        self._inc("ok" if article.text else "empty")
        if self.drop_empty and not article.text:
            raise DropItem(f"cleanser: no article ({article.reason})")
        data = article_fields(article, self.fields)
        if self.field:
            adapter[self.field] = data
        else:
            for key, value in data.items():
                if key == self.url_field and adapter.get(key):
                    continue  # keep the crawled URL; the article's is its canonical URL
                adapter[key] = value
        return self._finish(adapter, item)

    def _finish(self, adapter: ItemAdapter, item: Any) -> Any:
        if self.drop_html and self.html_field in adapter:
            del adapter[self.html_field]
        return item


class CleanserDownloaderMiddleware:
    """Downloader middleware: put each HTML response's ``Article`` in ``response.meta``."""

    def __init__(
        self,
        *,
        meta_key: str = DEFAULT_META_KEY,
        options: Options | None = None,
        rules: SiteRules | None = None,
        stats: Any = None,
    ) -> None:
        self.meta_key = meta_key
        self.options = options
        self.rules = rules
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanserDownloaderMiddleware:
        """Build from ``CLEANSER_META_KEY``, ``CLEANSER_OPTIONS`` and ``CLEANSER_RULES``."""
        s = crawler.settings
        return cls(
            meta_key=s.get("CLEANSER_META_KEY", DEFAULT_META_KEY),
            options=options_from_settings(s.get("CLEANSER_OPTIONS")),
            rules=rules_from_settings(s.get("CLEANSER_RULES")),
            stats=crawler.stats,
        )

    def process_response(self, request: Any, response: Response, spider: Any = None) -> Response:
        """Extract HTML responses (others pass through); errors land in ``meta[key + "_error"]``."""
        if not _is_html(response):
            return response
        options = self.rules.options_for(response.url, self.options) if self.rules else self.options
        try:
            article = _extract_response(response, options)
        except CleanserError as exc:
            request.meta[f"{self.meta_key}_error"] = str(exc)
            if self.stats is not None:
                self.stats.inc_value(f"{STATS_PREFIX}/error")
            return response
        request.meta[self.meta_key] = article
        if self.stats is not None:
            self.stats.inc_value(f"{STATS_PREFIX}/{'ok' if article.text else 'empty'}")
        return response


class CleanserLinksMiddleware:
    """Spider middleware: after a list page's own output, requests for its item links."""

    def __init__(
        self,
        *,
        meta_key: str = DEFAULT_META_KEY,
        callback: str | None = None,
        max_links: int = 200,
        options: Options | None = None,
    ) -> None:
        self.meta_key = meta_key
        self.callback = callback
        self.max_links = max_links
        self.options = options

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanserLinksMiddleware:
        """Build from ``CLEANSER_FOLLOW_*``; not configured unless CLEANSER_FOLLOW_LINKS is on."""
        s = crawler.settings
        if not s.getbool("CLEANSER_FOLLOW_LINKS", False):
            raise NotConfigured("CLEANSER_FOLLOW_LINKS is off")
        return cls(
            meta_key=s.get("CLEANSER_META_KEY", DEFAULT_META_KEY),
            callback=s.get("CLEANSER_FOLLOW_CALLBACK") or None,
            max_links=s.getint("CLEANSER_FOLLOW_MAX", 200),
            options=options_from_settings(s.get("CLEANSER_OPTIONS")),
        )

    def process_spider_output(self, response: Response, result: Iterable[Any], spider: Any) -> Any:
        """Pass the callback's output on, then follow the item links of a list page."""
        yield from result
        yield from self._follow(response, spider)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterable[Any], spider: Any
    ) -> AsyncIterator[Any]:
        """The same for asynchronous callbacks (Scrapy 2.7+)."""
        async for out in result:
            yield out
        for request in self._follow(response, spider):
            yield request

    def _follow(self, response: Response, spider: Any) -> Iterator[Any]:
        article = response.meta.get(self.meta_key)
        if not isinstance(article, Article):
            if not _is_html(response):
                return
            try:
                article = _extract_response(response, self.options)
            except CleanserError:
                return
        if article.kind != "list":
            return
        callback = getattr(spider, self.callback) if self.callback else None
        for link in article.links[: self.max_links]:
            yield response.follow(link.url, callback=callback)
