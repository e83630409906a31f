"""Links, images and page text: pager links, URL attributes, footers, class words.

Read by cleanser.meta.links, page and pagetext.
"""

from __future__ import annotations

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
