"""A small streaming WARC reader (and writer), so crawl archives need no extra dependency.

Web archives (ISO 28500, WARC 1.0/1.1; Common Crawl, Heritrix, wget, Browsertrix)
are a sequence of records, each a block of ``Name: value`` headers followed by
``Content-Length`` bytes. A ``.warc.gz`` is the same stream with every record
compressed as its own gzip member; :class:`gzip.GzipFile` reads such
multi-member files transparently, so both forms go through one parser.

What cleanser needs from an archive is the HTML pages: :func:`iter_pages` yields
the HTTP ``response`` records (and ``resource`` records) whose payload is HTML,
with the HTTP headers parsed, chunked transfer coding and gzip/deflate content
coding undone, and the ``Content-Type`` charset exposed as a decoding hint.
Everything else (requests, metadata, revisits, images, PDFs, redirects) is
skipped and counted in :class:`WarcStats`. Records are streamed: a skipped
multi-gigabyte video is read past in small pieces, never held in memory.

:class:`WarcWriter` writes response records, one gzip member each, for tests and
for packing a folder of saved pages into an archive.
"""

from __future__ import annotations

import gzip
import io
import uuid
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from cleanser.errors import CleanserError
from cleanser.options import DEFAULT_MAX_BYTES
from cleanser.vocabulary import CONTENT_TYPE_CHARSET_RE, HTML_START_RE

# The archive's limits and the HTML payload types are the rulebook's
# (cleanser.vocabulary.archives); they stay importable from here.
from cleanser.vocabulary import HTML_TYPES as HTML_TYPES
from cleanser.vocabulary import MAX_HEADER_LINE as MAX_HEADER_LINE
from cleanser.vocabulary import MAX_HEADER_LINES as MAX_HEADER_LINES
from cleanser.vocabulary import SKIP_CHUNK as SKIP_CHUNK
from cleanser.vocabulary import SNIFF_BYTES as SNIFF_BYTES
from cleanser.vocabulary import UNINFORMATIVE_TYPES as UNINFORMATIVE_TYPES

_GZIP_MAGIC = b"\x1f\x8b"


class WarcFormatError(CleanserError):
    """The stream is not a WARC archive, or is corrupt or truncated."""


@dataclass(frozen=True)
class WarcPage:
    """One HTML page from an archive: the payload bytes and what the archive says about them.

    ``index`` is the record's position in its file (0-based, counting every
    record), which with the file name identifies the page; ``headers`` are the
    HTTP response headers in order (empty for ``resource`` records); ``charset``
    is the ``Content-Type`` charset, a decoding hint; ``html`` is the payload
    with transfer and content codings undone.
    """

    url: str
    html: bytes
    index: int
    headers: tuple[tuple[str, str], ...] = ()
    status: int | None = None
    charset: str | None = None
    record_id: str | None = None
    date: str | None = None
    truncated: bool = False

    def header(self, name: str) -> str | None:
        """The first HTTP header called ``name`` (case-insensitive), or None."""
        low = name.lower()
        for key, value in self.headers:
            if key.lower() == low:
                return value
        return None

    def header_map(self) -> dict[str, str]:
        """The HTTP headers as a dict with lower-cased names; repeated headers joined by ", "."""
        out: dict[str, str] = {}
        for key, value in self.headers:
            low = key.lower()
            out[low] = f"{out[low]}, {value}" if low in out else value
        return out


@dataclass
class WarcStats:
    """What :func:`iter_pages` saw: records read, pages yielded, and why others were skipped."""

    records: int = 0
    pages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def skipped_total(self) -> int:
        """Records that were not yielded as pages."""
        return sum(self.skipped.values())

    def merge(self, other: WarcStats) -> None:
        """Add another file's counts to these."""
        self.records += other.records
        self.pages += other.pages
        self.skipped.update(other.skipped)


class _Block(io.RawIOBase):
    """The ``Content-Length`` bytes of one record, read from the underlying stream."""

    def __init__(self, stream: BinaryIO, length: int) -> None:
        super().__init__()
        self._stream = stream
        self.remaining = length

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0 or size > self.remaining:
            size = self.remaining
        if size == 0:
            return b""
        data = self._stream.read(size)
        self.remaining -= len(data)
        if len(data) < size:
            raise WarcFormatError("archive ends inside a record")
        return data

    def readline(self, limit: int | None = -1) -> bytes:
        if limit is None or limit < 0 or limit > self.remaining:
            limit = self.remaining
        data = self._stream.readline(limit)
        self.remaining -= len(data)
        return data

    def discard(self) -> None:
        """Skip what is left of the block without keeping it."""
        while self.remaining:
            self.read(min(self.remaining, SKIP_CHUNK))


@dataclass(frozen=True)
class WarcRecord:
    """A record's WARC headers (names lower-cased) and its block, readable once."""

    index: int
    headers: dict[str, str]
    block: _Block

    @property
    def type(self) -> str:
        """The WARC-Type (``response``, ``request``, ``warcinfo``…), lower-cased."""
        return self.headers.get("warc-type", "").lower()

    @property
    def url(self) -> str:
        """The WARC-Target-URI, without the angle brackets WARC 1.0 writers sometimes add."""
        return self.headers.get("warc-target-uri", "").strip().strip("<>")


def open_archive(path: str | Path) -> BinaryIO:
    """Open a ``.warc`` or ``.warc.gz`` file for reading (gzip detected from its bytes)."""
    with open(path, "rb") as probe:
        head = probe.read(2)
    if head == _GZIP_MAGIC:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")  # the caller closes it


def is_warc(path: str | Path) -> bool:
    """Whether a file starts like a WARC archive (plain or gzipped)."""
    try:
        with open_archive(path) as stream:
            return stream.read(5) == b"WARC/"
    except (OSError, EOFError, zlib.error):
        return False


def iter_records(stream: BinaryIO) -> Iterator[WarcRecord]:
    """Every record of a WARC stream, in order. Each block must be read before the next."""
    index = 0
    while True:
        headers = _read_warc_headers(stream)
        if headers is None:
            return
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            raise WarcFormatError(f"record {index} has no valid Content-Length") from None
        if length < 0:
            raise WarcFormatError(f"record {index} has a negative Content-Length")
        block = _Block(stream, length)
        yield WarcRecord(index, headers, block)
        block.discard()
        index += 1


def iter_pages(
    source: str | Path | BinaryIO,
    *,
    stats: WarcStats | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    only_ok: bool = True,
) -> Iterator[WarcPage]:
    """The HTML pages of an archive (a path or a binary stream, plain or gzipped).

    ``max_bytes`` caps each payload (the rest is skipped and ``truncated`` set);
    ``only_ok`` keeps 2xx responses only, since redirects and error pages carry no
    article. Skip reasons are counted in ``stats``. Raises :class:`WarcFormatError`
    when the stream is not WARC or is cut short; pages before that point have
    been yielded.
    """
    stats = stats if stats is not None else WarcStats()
    if isinstance(source, (str, Path)):
        with open_archive(source) as stream:
            yield from _pages(stream, stats, max_bytes, only_ok)
    else:
        stream = source
        if not hasattr(stream, "peek"):  # e.g. BytesIO: buffer it to look ahead for gzip
            stream = io.BufferedReader(stream)  # type: ignore[type-var]
        if stream.peek(2)[:2] == _GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        yield from _pages(stream, stats, max_bytes, only_ok)


def _pages(stream: BinaryIO, stats: WarcStats, max_bytes: int, only_ok: bool) -> Iterator[WarcPage]:
    try:
        for record in iter_records(stream):
            stats.records += 1
            page, reason = _page_of(record, max_bytes, only_ok)
            if page is None:
                stats.skipped[reason] += 1
                continue
            stats.pages += 1
            yield page
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise WarcFormatError(f"corrupt or truncated archive: {exc}") from exc


def _page_of(record: WarcRecord, max_bytes: int, only_ok: bool) -> tuple[WarcPage | None, str]:
    """The page a record holds, or None and why not."""
    rtype = record.type
    if rtype == "resource":
        mime, charset = parse_content_type(record.headers.get("content-type"))
        body, truncated = _read_capped(record.block, max_bytes)
        if not _is_html(mime, body, record.headers):
            return None, "not HTML"
        return _make_page(record, body, (), None, charset, truncated), ""
    if rtype != "response":
        return None, f"{rtype or 'untyped'} record"
    if not record.headers.get("content-type", "").lower().startswith("application/http"):
        return None, "response record without HTTP payload"
    status, headers = _read_http_head(record.block)
    if status is None:
        return None, "unparseable HTTP response"
    if only_ok and not 200 <= status < 300:
        return None, f"HTTP status {status // 100}xx"
    fields = {k.lower(): v for k, v in headers}
    mime, charset = parse_content_type(fields.get("content-type"))
    if mime and mime not in HTML_TYPES and mime not in UNINFORMATIVE_TYPES:
        return None, "not HTML"
    body, truncated = _read_capped(record.block, max_bytes)
    if "chunked" in fields.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    coding = fields.get("content-encoding", "").strip().lower()
    if coding and coding != "identity":
        decoded = _decode_content(body, coding, max_bytes)
        if decoded is None:
            return None, f"unsupported Content-Encoding {coding}"
        body = decoded
    if not _is_html(mime, body, record.headers):
        return None, "not HTML"
    return _make_page(record, body, headers, status, charset, truncated), ""


def _make_page(
    record: WarcRecord,
    body: bytes,
    headers: tuple[tuple[str, str], ...],
    status: int | None,
    charset: str | None,
    truncated: bool,
) -> WarcPage:
    return WarcPage(
        url=record.url,
        html=body,
        index=record.index,
        headers=headers,
        status=status,
        charset=charset,
        record_id=record.headers.get("warc-record-id"),
        date=record.headers.get("warc-date"),
        truncated=truncated,
    )


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """``(mime type lower-cased, charset or None)`` of a Content-Type header value."""
    if not value:
        return "", None
    mime = value.split(";", 1)[0].strip().lower()
    m = CONTENT_TYPE_CHARSET_RE.search(value)
    return mime, (m.group(1) if m else None)


def _is_html(mime: str, body: bytes, warc_headers: dict[str, str]) -> bool:
    if mime in HTML_TYPES:
        return True
    if mime not in UNINFORMATIVE_TYPES:
        return False
    identified = warc_headers.get("warc-identified-payload-type", "").split(";")[0].strip().lower()
    if identified:
        return identified in HTML_TYPES
    return bool(HTML_START_RE.match(body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf")))


def _read_capped(block: _Block, max_bytes: int) -> tuple[bytes, bool]:
    body = block.read(max_bytes)
    return body, block.remaining > 0


def _read_warc_headers(stream: BinaryIO) -> dict[str, str] | None:
    """The next record's headers (names lower-cased), or None at a clean end of stream."""
    line = stream.readline(MAX_HEADER_LINE)
    while line in (b"\r\n", b"\n"):  # blank lines between records
        line = stream.readline(MAX_HEADER_LINE)
    if not line:
        return None
    if not line.startswith(b"WARC/"):
        raise WarcFormatError(f"expected a WARC version line, found {line[:40]!r}")
    headers: dict[str, str] = {}
    last = ""
    for _ in range(MAX_HEADER_LINES):
        line = stream.readline(MAX_HEADER_LINE)
        if not line:
            raise WarcFormatError("archive ends inside a record header")
        if line in (b"\r\n", b"\n"):
            return headers
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        if text[:1] in (" ", "\t") and last:  # folded continuation line
            headers[last] += " " + text.strip()
            continue
        name, sep, value = text.partition(":")
        if not sep:
            raise WarcFormatError(f"malformed WARC header line {text[:60]!r}")
        last = name.strip().lower()
        headers[last] = value.strip()
    raise WarcFormatError("too many WARC header lines")


def _read_http_head(block: _Block) -> tuple[int | None, tuple[tuple[str, str], ...]]:
    """Status code and headers of the HTTP response at the start of a block."""
    status_line = block.readline(MAX_HEADER_LINE).decode("latin-1").strip()
    parts = status_line.split(None, 2)
    if len(parts) < 2 or not parts[0].upper().startswith("HTTP/") or not parts[1].isdigit():
        return None, ()
    headers: list[tuple[str, str]] = []
    for _ in range(MAX_HEADER_LINES):
        line = block.readline(MAX_HEADER_LINE)
        if line in (b"\r\n", b"\n", b""):
            break
        text = line.decode("latin-1").rstrip("\r\n")
        if text[:1] in (" ", "\t") and headers:
            key, value = headers[-1]
            headers[-1] = (key, f"{value} {text.strip()}")
            continue
        name, sep, value = text.partition(":")
        if sep:
            headers.append((name.strip(), value.strip()))
    return int(parts[1]), tuple(headers)


def _dechunk(body: bytes) -> bytes:
    """Undo HTTP/1.1 chunked transfer coding; bodies that are not validly chunked stay as-is."""
    out = bytearray()
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            return body
        size_text = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return body
        if size == 0:
            return bytes(out)
        start = eol + 2
        out += body[start : start + size]
        pos = start + size + 2
        if pos > len(body):  # truncated in the last chunk: keep what arrived
            return bytes(out)


def _decode_content(body: bytes, coding: str, max_bytes: int) -> bytes | None:
    """Undo a Content-Encoding (gzip, deflate; br/zstd when a decoder is installed)."""
    try:
        if coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, max_bytes)
        if coding == "deflate":
            try:
                return zlib.decompressobj().decompress(body, max_bytes)
            except zlib.error:  # raw deflate without the zlib wrapper, as some servers send
                return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, max_bytes)
        if coding == "br":
            import brotli

            return bytes(brotli.decompress(body))[:max_bytes]
        if coding == "zstd":
            try:
                from compression import zstd
            except ImportError:
                from backports import zstd
            return bytes(zstd.decompress(body))[:max_bytes]
    except Exception:  # third-party decoders raise their own error types
        return None
    return None


def _http_date(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcWriter:
    """Write WARC/1.1 records to a binary stream, each record its own gzip member by default.

    >>> import io
    >>> buf = io.BytesIO()
    >>> WarcWriter(buf).write_response("https://example.cn/a", b"<html>...</html>")
    """

    def __init__(self, stream: BinaryIO, *, compress: bool = True) -> None:
        self._stream = stream
        self._compress = compress

    def write_record(self, warc_type: str, block: bytes, headers: Iterable[tuple[str, str]]) -> str:
        """Write one record with the given extra WARC headers; return its WARC-Record-ID."""
        record_id = f"<urn:uuid:{uuid.uuid4()}>"
        lines = [
            "WARC/1.1",
            f"WARC-Type: {warc_type}",
            f"WARC-Record-ID: {record_id}",
            f"WARC-Date: {_http_date(datetime.now(timezone.utc))}",
            *(f"{k}: {v}" for k, v in headers),
            f"Content-Length: {len(block)}",
        ]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"
        self._stream.write(gzip.compress(data) if self._compress else data)
        return record_id

    def write_response(
        self,
        url: str,
        body: bytes,
        *,
        content_type: str = "text/html",
        status: int = 200,
        headers: Iterable[tuple[str, str]] = (),
    ) -> str:
        """Write an HTTP response record for ``url`` whose payload is ``body``."""
        head = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Status'}"]
        head.append(f"Content-Type: {content_type}")
        head.extend(f"{k}: {v}" for k, v in headers)
        head.append(f"Content-Length: {len(body)}")
        block = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
        return self.write_record(
            "response",
            block,
            [("WARC-Target-URI", url), ("Content-Type", "application/http; msgtype=response")],
        )
