"""Characters and elements: the Han and CJK ranges, punctuation and the tag sets.

The ranges are regex class bodies: use them inside ``[...]``. Every module builds its
character classes from these (tests/test_rulebook.py fails on a Han range elsewhere).
"""

from __future__ import annotations

import re

# Token tables read best as compact rows.
# fmt: off

# Han ideographs: Extension A, the unified block, compatibility ideographs and the
# supplementary planes (Extensions B-F). What "a Chinese character" means everywhere.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Kana and Hangul: CJK script that is not Chinese (a page full of it is Japanese or Korean).
KANA_HANGUL = "\u3040-\u30ff\uac00-\ud7af"
# Characters that count one token each (the body's lengths and char-F1): Han, kana, Hangul.
CJK = HAN + KANA_HANGUL
# The unified block alone: the decoder's share of common characters is taken over it (its
# thresholds were set on this count; mis-decodes landing in the extensions are not counted).
HAN_UNIFIED = "\u4e00-\u9fff"
# Elements that start a new line of text (the body's blocks, the benchmark's text of a
# peer's HTML); <br> breaks a line too but is no block.
BLOCK_TAGS = frozenset((
    "html", "body", "p", "div", "section", "article", "main", "header", "footer", "nav",
    "aside", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "figure",
    "figcaption", "form", "fieldset", "address", "center", "hr", "details", "summary", "menu",
    "legend", "dir", "frameset", "frame", "noframes",
))
# Heading elements.
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))

# HTML5 elements that are furniture by definition.
BOILERPLATE_TAGS = ("nav", "aside", "footer", "header", "menu")

# Elements with no readable text for the body.
DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "select", "option", "button", "input", "textarea", "head", "map", "audio",
    "video", "link", "meta",
)


# Punctuation counted by the density scorer: Chinese (incl. the enumeration comma
# 、, which Readability's comma regex misses) and ASCII sentence punctuation.
PUNCTUATION = frozenset("，。！？；：、“”‘’《》（）…—,.!?;:\"'()")
# Sentence-final punctuation: a block with one is prose, not a label.
SENTENCE_END = frozenset("。！？!?…；;")

# ---- the feature pass's counts (cleanser.body.features) ----

# One token of a line's length: a CJK character, or a run of other letters and digits,
# so Chinese and English text weigh alike.
TOKEN_RE = re.compile(f"[{CJK}]|[^\\W_{CJK}]+")
# PUNCTUATION and SENTENCE_END as character classes: one C scan per line, where a
# str.translate table or a per-character set test cost three and two times as much.
PUNCTUATION_RE = re.compile("[" + re.escape("".join(sorted(PUNCTUATION))) + "]")
SENTENCE_END_RE = re.compile("[" + re.escape("".join(sorted(SENTENCE_END))) + "]")
# Block-level content below a table that makes it a layout table rather than a data
# table (whose row is one line of cells).
LAYOUT_TABLE_TAGS = frozenset((
    "table", "div", "p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "img",
    "iframe",
))

# ---- character classes of the metadata readers (cleanser.meta.util) ----

# One Han character (HAN: unified, extensions A and B-F, compatibility).
HAN_RE = re.compile(f"[{HAN}]")
# White space and quotes, dropped from comparison keys (meta.util._norm).
NORM_DROP_RE = re.compile(r"[\s\"'“”‘’「」『』`]+")
