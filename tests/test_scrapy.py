"""A real Scrapy crawl over HTTP on loopback, through cleanser's pipeline and middleware.

The test serves ``samples/`` from 127.0.0.1 (an ephemeral port) with the standard
library's HTTP server, which lists folders as HTML; the spider starts at the
root listing, follows the links into each sample folder and on to its
``page.html``, and yields the raw response. The crawl runs in its own process
(``CrawlerProcess`` owns a Twisted reactor, which cannot be restarted within one
process) and exports its items as JSON lines, which the test checks against
``cleanser.extract`` on the same files.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import cleanser

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
#: Longest a crawl of the samples may take (it takes a few seconds).
CRAWL_TIMEOUT = 180


def require(module: str) -> None:
    """Skip without the optional package locally; in CI (which installs it) fail instead."""
    if os.environ.get("CI"):
        importlib.import_module(module)
    else:
        pytest.importorskip(module)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``http://127.0.0.1:PORT/`` serving the samples folder."""
    handler = functools.partial(_QuietHandler, directory=str(SAMPLES))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


CRAWL = textwrap.dedent(
    """
    import sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    start, out = sys.argv[1], sys.argv[2]

    class SamplesSpider(scrapy.Spider):
        name = "samples"
        start_urls = [start]

        def parse(self, response):
            if response.url.endswith("/page.html"):
                article = response.meta.get("cleanser")
                yield {
                    "url": response.url,
                    "html": response.body,
                    "middleware_text": article.text if article is not None else None,
                    "middleware_title": article.title if article is not None else None,
                }
                return
            for href in response.css("a::attr(href)").getall():
                if href.endswith("/") or href == "page.html":
                    yield response.follow(href, self.parse)

    process = CrawlerProcess(settings={
        "ITEM_PIPELINES": {"cleanser.contrib.scrapy.CleanserPipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {
            "cleanser.contrib.scrapy.CleanserDownloaderMiddleware": 543,
        },
        "CLEANSER_FIELD": "article",
        "CLEANSER_HTML_FIELD": "html",
        "CLEANSER_DROP_HTML": True,
        "CLEANSER_OPTIONS": {"focus": "balanced"},
        "FEEDS": {out: {"format": "jsonlines", "encoding": "utf-8"}},
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "CONCURRENT_REQUESTS": 8,
        "DOWNLOAD_TIMEOUT": 30,
    })
    crawler = process.create_crawler(SamplesSpider)
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    print("STATS", {k: v for k, v in sorted(stats.items()) if k.startswith("cleanser/")})
    """
)


def test_crawl_through_pipeline_and_middleware(server: str, tmp_path: Path) -> None:
    require("scrapy")
    pages = sorted(SAMPLES.glob("*/page.html"))
    assert pages, "samples/ has no pages"
    script = tmp_path / "crawl.py"
    script.write_text(CRAWL, encoding="utf-8")
    out = tmp_path / "items.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    res = subprocess.run(
        [sys.executable, str(script), server, str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=CRAWL_TIMEOUT,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_slug = {item["url"].rsplit("/", 2)[-2]: item for item in items}
    assert len(items) == len(by_slug) == len(pages)
    empty = 0
    for page in pages:
        item = by_slug[page.parent.name]
        assert "html" not in item  # CLEANSER_DROP_HTML
        want = cleanser.extract(page.read_bytes(), item["url"])
        article = item["article"]
        assert article["text"] == want.text
        assert article["title"] == want.title
        assert article["published"] == want.published
        assert article["author"] == list(want.author)
        # The middleware saw the same bytes (plus the HTTP header's charset, if any).
        assert item["middleware_text"] == want.text
        assert item["middleware_title"] == want.title
        empty += not want.text
    assert "'cleanser/ok': " in res.stdout
    assert f"'cleanser/ok': {2 * (len(pages) - empty)}" in res.stdout  # pipeline + middleware


def test_pipeline_settings_and_errors() -> None:
    require("scrapy")
    from scrapy.exceptions import DropItem, NotConfigured
    from scrapy.utils.test import get_crawler

    from cleanser.contrib.scrapy import CleanserPipeline

    page = sorted(SAMPLES.glob("*/page.html"))[0].read_bytes()
    want = cleanser.extract(page, "http://a.example.cn/")
    crawler = get_crawler(
        settings_dict={
            "CLEANSER_FIELD": "",  # merge the fields into the item itself
            "CLEANSER_ARTICLE_FIELDS": ["title", "text", "url"],
            "CLEANSER_HTML_FIELD": "body",
        }
    )
    pipe = CleanserPipeline.from_crawler(crawler)
    item = pipe.process_item({"url": "http://a.example.cn/", "body": page})
    assert item == {
        "url": "http://a.example.cn/",
        "body": page,
        "title": want.title,
        "text": want.text,
    }
    assert pipe.process_item({"other": 1}) == {"other": 1}  # no HTML field: untouched

    png = b"\x89PNG\r\n\x1a\n" + bytes(32)
    item = CleanserPipeline().process_item({"url": "u", "html": png})
    assert item["article"] is None and "PNG" in item["cleanser_error"]
    with pytest.raises(DropItem):
        CleanserPipeline(drop_empty=True).process_item({"html": "<html></html>"})
    with pytest.raises(NotConfigured):
        CleanserPipeline.from_crawler(get_crawler(settings_dict={"CLEANSER_OPTIONS": {"x": 1}}))


def test_pipeline_applies_site_rules_by_the_item_url() -> None:
    require("scrapy")
    from scrapy.utils.test import get_crawler

    from cleanser.contrib.scrapy import CleanserPipeline

    page = (
        "<html><body><div class=article><p>国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，"
        "城乡居民收入差距继续缩小。专家表示，消费市场逐步回暖，服务消费增长较快。</p>"
        "<p class=note>本文由某某品牌赞助播出，欢迎选购春季新品，全场八折优惠，详情请咨询门店。</p></div>"
        "</body></html>"
    ).encode()
    crawler = get_crawler(settings_dict={"CLEANSER_RULES": {"example.cn": {"drop": [".note"]}}})
    pipe = CleanserPipeline.from_crawler(crawler)
    ruled = pipe.process_item({"url": "https://news.example.cn/1.html", "html": page})
    other = pipe.process_item({"url": "https://example.org/1.html", "html": page})
    assert "赞助" not in ruled["article"]["text"] and "赞助" in other["article"]["text"]


FOLLOW = textwrap.dedent(
    """
    import sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    start, out, follow = sys.argv[1], sys.argv[2], sys.argv[3] == "1"

    class ListSpider(scrapy.Spider):
        name = "lists"
        start_urls = [start]

        def parse(self, response):  # follows nothing itself
            article = response.meta.get("cleanser")
            yield {"url": response.url, "kind": article.kind if article else None}

    process = CrawlerProcess(settings={
        "DOWNLOADER_MIDDLEWARES": {
            "cleanser.contrib.scrapy.CleanserDownloaderMiddleware": 543,
        },
        "SPIDER_MIDDLEWARES": {"cleanser.contrib.scrapy.CleanserLinksMiddleware": 543},
        "CLEANSER_FOLLOW_LINKS": follow,
        "FEEDS": {out: {"format": "jsonlines", "encoding": "utf-8"}},
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
    })
    process.crawl(ListSpider)
    process.start()
    """
)


def _list_site(root: Path, n: int) -> list[str]:
    """A channel page linking to ``n`` article pages (copies of one sample), plus chrome."""
    article = (SAMPLES / "wangfan-163-tech-article" / "page.html").read_bytes()
    (root / "news").mkdir()
    items, names = [], []
    for i in range(n):
        name = f"news/2025061{i % 10}-{i}.html"
        names.append("/" + name)
        (root / name).write_bytes(article)
        items.append(
            f'<li><a href="/{name}">第{i}条：新能源汽车下乡活动启动，首批车型公布</a>'
            f"<span>2025-06-{i % 28 + 1:02d}</span></li>"
        )
    (root / "index.html").write_text(
        "<html><head><meta charset='utf-8'><title>要闻 - 网帆新闻</title></head><body>"
        '<div class="nav"><a href="/about.html">关于我们</a><a href="/">首页</a></div>'
        f'<ul class="news-list">{"".join(items)}</ul>'
        '<div class="pager"><a href="/index_2.html">下一页</a></div>'
        '<div class="footer">版权所有 京ICP备00000000号</div></body></html>',
        encoding="utf-8",
    )
    return sorted(names)


@pytest.mark.parametrize("follow", [True, False])
def test_a_crawl_follows_a_list_pages_item_links_when_asked(tmp_path: Path, follow: bool) -> None:
    require("scrapy")
    site = tmp_path / "site"
    site.mkdir()
    wanted = _list_site(site, 8)
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        script = tmp_path / "follow.py"
        script.write_text(FOLLOW, encoding="utf-8")
        out = tmp_path / "items.jsonl"
        res = subprocess.run(
            [sys.executable, str(script), base + "/index.html", str(out), "1" if follow else "0"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            timeout=CRAWL_TIMEOUT,
            cwd=tmp_path,
        )
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert res.returncode == 0, res.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_path = {item["url"][len(base) :]: item["kind"] for item in items}
    assert by_path.pop("/index.html") == "list"
    if follow:
        # Every item link and nothing else: not the nav's /about.html nor the pager.
        assert sorted(by_path) == wanted
        assert set(by_path.values()) == {"article"}
    else:
        assert by_path == {}
