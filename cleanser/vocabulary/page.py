"""Links, images and page text: pager links, URL attributes, footers, class words.

Read by cleanser.meta.links, page and pagetext.
"""

from __future__ import annotations

import re

from cleanser.vocabulary.chars import BLOCK_TAGS
from cleanser.vocabulary.dates import DATE_CUES

# Token tables read best as compact rows.
# fmt: off

# Link texts of a pager's "next page" (not 下一篇, which is the next article).
NEXT_PAGE_TEXTS = ("下一页", "下一頁", "下页", "下頁", "后一页", "後一頁", "next", "next page",
                   "next »", "next ›", "›", "»", ">", ">>")
# Markers of the copyright footer; nothing after them is article metadata.
FOOTER_CUES = ("版权所有", "版權所有", "Copyright", "COPYRIGHT", "copyright", "©", "ICP备", "ICP證",
               "ICP证", "All Rights Reserved", "All rights reserved", "不良信息举报")
# Attributes (lazy-loading ones first) that may hold an image's real URL.
IMAGE_ATTRS = ("data-src", "data-original", "_src", "data-actualsrc", "data-lazy-src",
               "data-lazyload", "data-original-src", "data-echo", "data-url", "file", "src")
# URL prefixes that never lead to an image or a page (placeholders, scripts, anchors).
BAD_URL_PREFIXES = ("javascript:", "data:", "about:", "vbscript:", "mailto:", "tel:", "#", "file:")
# Class/id words of elements holding the byline or the outlet (checked lower-cased).
BYLINE_CLASS_WORDS = ("author", "byline", "reporter", "writer", "auth", "zuozhe", "jizhe")
# Class/id words of elements holding the outlet (来源), checked lower-cased.
SOURCE_CLASS_WORDS = ("source", "where", "origin", "laiyuan", "media-name", "medianame")
# Class/id words of headline elements (title, subtitle, headline), checked lower-cased.
HEADLINE_CLASS_WORDS = ("tit", "headline", "head-line")

# ---- read by cleanser.meta.pagetext, links, page and util: the page's text and links ----

# HTML structure of the metadata text walk (what is invisible, what breaks a line, what
# is a heading), not cue words.
# Elements whose text the reader never sees.
TEXT_SKIP_TAGS = frozenset(("script", "style", "noscript", "textarea", "template", "select", "option",
                            "iframe", "object", "embed", "svg", "head", "title", "button", "map"))
# Elements that start a new line of text: the rulebook's, and <br>, <hr> (a line break
# here), <text> (SVG/VML text some CMSs emit).
TEXT_BREAK_TAGS = BLOCK_TAGS | {"br", "hr", "text"}
# Heading elements (always headline candidates).
CANDIDATE_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4"))
# Sizes and limits.
MAX_CANDIDATES = 120  # heading/byline/source elements marked in one page
REGION_AFTER = 420  # characters after the headline searched for the meta line
REGION_BEFORE = 160  # characters before it (some layouts print the date above)
MAX_META_LINE = 160  # a line longer than this is prose, not a meta line
MAX_SUBTITLE = 60  # a 副题 longer than this is a standfirst, not part of the headline
# Horizontal white space of every kind (NBSP, ideographic, zero-width): one space in the text.
HSPACE_RE = re.compile(r"[ \t\r\f\v\xa0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
# A line break with the spaces and blank lines around it: one newline in the text.
NEWLINES_RE = re.compile(r" ?\n[\n ]*")
# Candidate markers: control characters never survive dom.parse, so they cannot be text.
CANDIDATE_MARK_RE = re.compile(r"\x01(\d+)\x02|\x03(\d+)\x04")
# Class/id words: group 1 headline, group 2 byline, group 3 outlet.
CLASS_KIND_RE = re.compile(
    "("
    + "|".join(HEADLINE_CLASS_WORDS)
    + ")|("
    + "|".join(BYLINE_CLASS_WORDS)
    + ")|("
    + "|".join(SOURCE_CLASS_WORDS)
    + ")",
    re.I,
)
# CLASS_KIND_RE's words as one flat alternation in its order, without re.I, for an ASCII
# name lower-cased first: the same first match (the words are lower-case ASCII); the
# matched word tells its list. Seven times faster: no case folding at each character, and
# alternatives that open with a letter let the engine skip in C to where one may start.
CLASS_KIND_WORD_RE = re.compile(
    "|".join((*HEADLINE_CLASS_WORDS, *BYLINE_CLASS_WORDS, *SOURCE_CLASS_WORDS))
)
# Any FOOTER_CUES marker: where the copyright footer starts.
FOOTER_RE = re.compile("|".join(re.escape(c) for c in FOOTER_CUES))
# A year or a clock time: a line holding one is a date line, not a heading.
YEAR_OR_CLOCK_RE = re.compile(r"(?:19|20)\d\d\s*[-/.年]|\d{1,2}:\d\d")
# What may share a line with a date that stands alone: a cue, brackets, blanks.
DATE_LINE_REST_RE = re.compile(
    r"[\s\[\]【】()（）:：|]*(?:"
    + "|".join(map(re.escape, DATE_CUES))
    + r")?[\s\[\]【】()（）:：|]*"
)
# The URL of a pager's second page (_2.html, ?page=2): a next-page link's target.
PAGE_TWO_RE = re.compile(r"[_-]2\.\w{2,5}$|[?&](?:page|p|pn|pg)=2(?:&|$)")
# A URL set by an onclick handler (location.href='…'): a pager link without an href.
ONCLICK_URL_RE = re.compile(r"""location(?:\.href)?\s*=\s*['"]([^'"]{1,500})['"]""")
# A next-page link's text (下一页, 后一页, Next, ›, », >>): required of a page-two link.
PAGER_HINT_RE = re.compile(r"下|后一|後一|[Nn]ext|NEXT|^\s*(?:›|»|>|>>)\s*$")
# A URL written without its scheme (www.x.com, x.cn/path): resolved as an absolute one.
SCHEMELESS_URL_RE = re.compile(r"^(?:www\.|[a-z0-9-]+\.(?:com|cn|net|org|gov|edu)(?:\.[a-z]{2})?/)", re.I)
MAX_ATTR = 2000  # attribute values longer than this are ignored
