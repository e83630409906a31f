"""Crawl archives (WARC): how much of a record header is read, and which payloads are
HTML pages.

Read by cleanser.io.warc (and, through it, the batch inputs and contrib's Scrapy and
Spark helpers, which import HTML_TYPES from there).
"""

from __future__ import annotations

import re

# Longest header line accepted; real WARC and HTTP header lines are far shorter,
# so a longer one means the stream is not WARC (or is corrupt).
MAX_HEADER_LINE = 65_536
# Most header lines in one WARC or HTTP header block.
MAX_HEADER_LINES = 512
# Bytes read at a time when skipping a record body.
SKIP_CHUNK = 1 << 20
# MIME types treated as HTML.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})
# Content types that say nothing, where the payload itself is sniffed instead.
UNINFORMATIVE_TYPES = frozenset({"", "application/octet-stream", "unknown/unknown", "text/plain"})
# How far into a payload to look for an HTML start tag when sniffing.
SNIFF_BYTES = 1024
# The charset parameter of a Content-Type header: the page's decoding hint.
CONTENT_TYPE_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# How an HTML payload starts (after comments): a doctype, or one of the first elements.
HTML_START_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
