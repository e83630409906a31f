"""The WARC reader on real archive bytes: hand-assembled per the spec, and written by warcio."""

from __future__ import annotations

import gzip
import importlib
import io
import os
import zlib
from pathlib import Path

import pytest

from cleanser.io.warc import (
    WarcFormatError,
    WarcStats,
    WarcWriter,
    is_warc,
    iter_pages,
    iter_records,
    parse_content_type,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GBK_PAGE = "<html><head><title>测试</title></head><body><p>中文正文，编码为国标。</p></body></html>"


def record(warc_type: str, headers: str, block: bytes, version: str = "WARC/1.0") -> bytes:
    """One WARC record, assembled by hand as ISO 28500 lays it out."""
    head = (
        f"{version}\r\n"
        f"WARC-Type: {warc_type}\r\n"
        f"WARC-Date: 2024-03-01T08:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{len(block):012d}>\r\n"
        f"{headers}"
        f"Content-Length: {len(block)}\r\n"
        "\r\n"
    )
    return head.encode("utf-8") + block + b"\r\n\r\n"


def http(status: str, headers: str, body: bytes) -> bytes:
    """An HTTP/1.1 response as a crawler stores it in a response record."""
    return f"HTTP/1.1 {status}\r\n{headers}\r\n".encode("latin-1") + body


def response(url: str, block: bytes) -> bytes:
    return record(
        "response",
        f"WARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\n",
        block,
    )


def chunked(body: bytes, size: int = 7) -> bytes:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def handmade_records() -> list[bytes]:
    gbk = GBK_PAGE.encode("gbk")
    gz_body = gzip.compress(b"<!DOCTYPE html><html><body><p>gzip body</p></body></html>")
    return [
        record("warcinfo", "Content-Type: application/warc-fields\r\n", b"software: by hand\r\n"),
        record(
            "request",
            "WARC-Target-URI: http://news.example.cn/a.html\r\n"
            "Content-Type: application/http; msgtype=request\r\n",
            b"GET /a.html HTTP/1.1\r\nHost: news.example.cn\r\n\r\n",
        ),
        response(
            "http://news.example.cn/a.html",
            http("200 OK", "Content-Type: text/html; charset=GBK\r\nServer: x\r\n", gbk),
        ),
        response(
            "http://news.example.cn/logo.png",
            http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n" + bytes(300)),
        ),
        response(
            "http://news.example.cn/old",
            http("301 Moved Permanently", "Location: /a.html\r\n", b""),
        ),
        record("metadata", "WARC-Target-URI: http://news.example.cn/a.html\r\n", b"via: x\r\n"),
        record(
            "resource",
            "WARC-Target-URI: file:///saved/page.html\r\nContent-Type: text/html\r\n",
            b"<html><body><p>resource record</p></body></html>",
            version="WARC/1.1",
        ),
        response(
            "<http://news.example.cn/chunked>",  # WARC 1.0 writers sometimes keep the brackets
            http(
                "200 OK",
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                "Content-Encoding: gzip\r\n",
                chunked(gz_body),
            ),
        ),
        response(
            "http://news.example.cn/untyped",
            http("200 OK", "Server: x\r\n", b"\n  <!doctype html><html><p>sniffed</p></html>"),
        ),
        response(
            "http://news.example.cn/data.json",
            http("200 OK", "Content-Type: application/octet-stream\r\n", b'{"a": 1}'),
        ),
    ]


@pytest.fixture
def handmade(tmp_path: Path) -> dict[str, Path]:
    recs = handmade_records()
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(b"".join(recs))
    per_record = tmp_path / "crawl.warc.gz"
    per_record.write_bytes(b"".join(gzip.compress(r) for r in recs))
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(b"".join(recs)))
    return {"plain": plain, "per_record": per_record, "whole": whole}


def test_handmade_archive_yields_only_html_responses(handmade: dict[str, Path]) -> None:
    stats = WarcStats()
    pages = list(iter_pages(handmade["plain"], stats=stats))
    assert [p.url for p in pages] == [
        "http://news.example.cn/a.html",
        "file:///saved/page.html",
        "http://news.example.cn/chunked",
        "http://news.example.cn/untyped",
    ]
    first = pages[0]
    assert first.html.decode("gbk") == GBK_PAGE
    assert first.charset == "GBK"
    assert first.status == 200
    assert first.index == 2
    assert first.header("content-type") == "text/html; charset=GBK"
    assert first.header_map()["server"] == "x"
    assert first.record_id is not None and first.record_id.startswith("<urn:uuid:")
    assert first.date == "2024-03-01T08:00:00Z"
    assert pages[1].html == b"<html><body><p>resource record</p></body></html>"
    assert pages[1].headers == ()
    assert pages[2].html == b"<!DOCTYPE html><html><body><p>gzip body</p></body></html>"
    assert b"sniffed" in pages[3].html
    assert stats.records == 10
    assert stats.pages == 4
    assert stats.skipped == {
        "warcinfo record": 1,
        "request record": 1,
        "metadata record": 1,
        "not HTML": 2,
        "HTTP status 3xx": 1,
    }


@pytest.mark.parametrize("form", ["per_record", "whole"])
def test_gzipped_archives_read_like_plain(handmade: dict[str, Path], form: str) -> None:
    plain = [(p.url, p.html, p.index) for p in iter_pages(handmade["plain"])]
    assert [(p.url, p.html, p.index) for p in iter_pages(handmade[form])] == plain
    with open(handmade[form], "rb") as raw:  # a stream works as well as a path
        assert [p.url for p in iter_pages(io.BufferedReader(raw))] == [u for u, _, _ in plain]


def test_is_warc(handmade: dict[str, Path], tmp_path: Path) -> None:
    assert is_warc(handmade["plain"]) and is_warc(handmade["per_record"])
    page = tmp_path / "page.html"
    page.write_text("<html></html>")
    assert not is_warc(page)


def test_records_stream_past_large_non_html(tmp_path: Path) -> None:
    video = bytes(5_000_000)
    recs = [
        response(
            "http://v.example.cn/clip.mp4", http("200 OK", "Content-Type: video/mp4\r\n", video)
        ),
        response(
            "http://v.example.cn/a",
            http("200 OK", "Content-Type: text/html\r\n", b"<html><p>after the video</p></html>"),
        ),
    ]
    path = tmp_path / "big.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in recs))
    stats = WarcStats()
    assert [p.url for p in iter_pages(path, stats=stats)] == ["http://v.example.cn/a"]
    assert stats.skipped == {"not HTML": 1}


def test_payload_cap_truncates(tmp_path: Path) -> None:
    body = b"<html><body>" + b"<p>x</p>" * 1000 + b"</body></html>"
    path = tmp_path / "a.warc"
    path.write_bytes(response("http://a/", http("200 OK", "Content-Type: text/html\r\n", body)))
    (page,) = iter_pages(path, max_bytes=100)
    assert page.truncated and page.html == body[:100]
    (full,) = iter_pages(path)
    assert not full.truncated and full.html == body


def test_truncated_archive_raises_after_good_records(tmp_path: Path) -> None:
    recs = handmade_records()
    data = b"".join(gzip.compress(r) for r in recs)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    seen: list[str] = []
    with pytest.raises(WarcFormatError):
        for page in iter_pages(cut):
            seen.append(page.url)
    assert seen[:3] == [
        "http://news.example.cn/a.html",
        "file:///saved/page.html",
        "http://news.example.cn/chunked",
    ]
    plain_cut = tmp_path / "cut.warc"
    plain_cut.write_bytes(b"".join(recs)[:-30])
    with pytest.raises(WarcFormatError):
        list(iter_pages(plain_cut))


def test_not_warc_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(b"<html>not an archive</html>")
    with pytest.raises(WarcFormatError):
        list(iter_pages(path))
    bad_length = tmp_path / "y.warc"
    bad_length.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n")
    with pytest.raises(WarcFormatError):
        list(iter_records(open(bad_length, "rb")))  # noqa: SIM115


def test_deflate_and_unknown_content_encoding(tmp_path: Path) -> None:
    html = b"<html><p>deflated</p></html>"
    recs = [
        response(
            "http://a/zlib",
            http(
                "200 OK",
                "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
                zlib.compress(html),
            ),
        ),
        response(
            "http://a/raw",
            http(
                "200 OK",
                "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
                zlib.compress(html)[2:-4],
            ),
        ),
        response(
            "http://a/weird",
            http("200 OK", "Content-Type: text/html\r\nContent-Encoding: x-custom\r\n", b"??"),
        ),
    ]
    path = tmp_path / "enc.warc"
    path.write_bytes(b"".join(recs))
    stats = WarcStats()
    assert [p.html for p in iter_pages(path, stats=stats)] == [html, html]
    assert stats.skipped == {"unsupported Content-Encoding x-custom": 1}


def test_parse_content_type() -> None:
    assert parse_content_type('text/html; charset="gb2312"') == ("text/html", "gb2312")
    assert parse_content_type("TEXT/HTML") == ("text/html", None)
    assert parse_content_type(None) == ("", None)


# --------------------------------------------------------------------------- warcio cross-checks


def require(module: str) -> None:
    """Skip without the optional package locally; in CI (which installs it) fail instead."""
    if os.environ.get("CI"):
        importlib.import_module(module)
    else:
        pytest.importorskip(module)


def _sample_pages() -> list[tuple[str, bytes]]:
    pages = sorted(SAMPLES.glob("*/page.html"))
    assert pages, "samples/ has no pages"
    return [(f"http://samples.example.cn/{p.parent.name}/", p.read_bytes()) for p in pages]


def test_reads_archive_written_by_warcio(tmp_path: Path) -> None:
    require("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "warcio.warc.gz"
    samples = _sample_pages()
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("warcio.warc.gz", {"software": "t"}))
        for url, body in samples:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
            req = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "samples.example.cn")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req)
            )
    stats = WarcStats()
    pages = list(iter_pages(path, stats=stats))
    assert [(p.url, p.html) for p in pages] == samples
    assert all(p.record_id and p.date for p in pages)
    assert stats.skipped == {"warcinfo record": 1, "request record": len(samples)}


def test_warcio_reads_our_writer(tmp_path: Path) -> None:
    require("warcio")
    from warcio.archiveiterator import ArchiveIterator

    buf = io.BytesIO()
    writer = WarcWriter(buf)
    samples = _sample_pages()[:5]
    for url, body in samples:
        writer.write_response(url, body, content_type="text/html; charset=utf-8")
    buf.seek(0)
    got = [
        (r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
        for r in ArchiveIterator(buf)
        if r.rec_type == "response"
    ]
    assert got == samples
    buf.seek(0)
    assert [(p.url, p.html) for p in iter_pages(io.BufferedReader(buf))] == samples
