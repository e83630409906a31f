"""Class and id tokens: what a container's markup says it is.

Tokens are matched whole after splitting class/id values on -, _, digits and camelCase;
substring matching deletes bodies ("ad" in "padding", GNE 0.4.1). Chinese portals name
boilerplate with English words, pinyin abbreviations (``rdtj`` = 热点推荐) or hashed
CSS-module classes; only the first two can be matched here, which is why the
visible-text cues (cleanser.vocabulary.cues) carry real weight.
"""

from __future__ import annotations

import re

# Token tables read best as compact rows.
# fmt: off

# Navigation, menus and breadcrumbs.
NAV_TOKENS = (
    "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumb",
    "crumbs", "topbar", "toolbar", "sitenav", "subnav", "mianbaoxie", "mbx",
    "daohang", "position", "location", "weizhi", "pager", "pagination", "skip",
)
# Sidebars, rankings and recommendation blocks (English and pinyin: 热点推荐 rdtj,
# 热点排行 rdph, 精彩推荐 jctj, 相关阅读 xgyd, 猜你喜欢 cnxh, 相关新闻 xgxw, 排行 ph).
SIDEBAR_TOKENS = (
    "sidebar", "side", "aside", "rightbar", "leftbar", "right", "related", "relate", "recommend",
    "recommendation", "recommended", "recom", "rec", "hot", "hotnews", "popular", "trending",
    "rank", "ranking", "toplist", "top10", "most", "mostread", "more", "readmore", "widget",
    "rdtj", "rdph", "jctj", "jctjr", "xgyd", "cnxh", "xgxw", "xgwz", "tjyd", "ph", "phb",
    "paihang", "tuijian", "xiangguan", "remen", "redian", "hotlist", "guess", "like",
)
# Page furniture at the bottom: footers, copyright, ICP lines.
FOOTER_TOKENS = (
    "footer", "foot", "bottom", "copyright", "icp", "beian", "disclaimer", "statement",
    "shengming", "banquan", "legal",
)
# Share bars, social buttons and QR codes.
SHARE_TOKENS = (
    "share", "sharing", "social", "bdshare", "jiathis", "fenxiang", "qrcode", "ewm", "erweima",
    "weixin", "wechat", "weibo", "follow", "subscribe", "print", "fontsize", "zihao",
)
# Comment widgets (but see COMMENT_SAFE: forum replies are content).
COMMENT_TOKENS = (
    "comment", "comments", "pinglun", "discuss", "reply", "replies", "respond",
    "changyan", "disqus", "gentie",
)
# Advertising.
AD_TOKENS = (
    "ad", "ads", "adv", "advert", "advertisement", "advertising", "banner", "sponsor",
    "sponsored", "promo", "promotion", "guanggao",
)
# Login, search, modals and other chrome.
CHROME_TOKENS = (
    "login", "logon", "register", "signin", "search", "modal", "popup", "overlay", "dialog",
    "cookie", "header", "masthead", "logo", "topad", "hidden", "hide", "tools", "tool",
    "sign", "signature", "userinfo", "author-info", "avatar", "pls", "favatar",
)
# Tokens that mark a container as the article body; they outweigh a bad token on
# the same element (``article-side`` is still the article).
CONTENT_TOKENS = (
    "article", "content", "contents", "post", "entry", "text", "body", "main", "detail",
    "story", "news", "zw", "zhengwen", "wenzhang", "neirong", "nr", "con", "cont", "txt",
    "artical", "articlebody", "postbody", "rich", "richtext", "thread", "answer",
    "question", "topic", "floor", "message",
)

# Whole class/id values (lower case, "-" read as "_") and itemprop values that name
# the article body itself, as CMSs print it (CSDN article_content/content_views,
# WordPress entry_content, WeChat rich_media_content, TRS gov sites TRS_Editor).
# Used when no text scores as an article: a two-line post in one still counts.
ARTICLE_BODY_NAMES = (
    "article_content", "content_views", "articlebody", "article_body", "article_text",
    "post_content", "post_body", "entry_content", "rich_media_content", "art_content",
    "trs_editor",
)

# Tokens that are also layout words (``p-right``, ``no-right``, ``has-more``): a
# verdict from one of these yields to the prose it would remove, whatever is left
# outside (CNN wraps its article in ``pg-right-rail``).
WEAK_TOKENS = (
    "right", "side", "more", "hot", "like", "rec", "tools", "tool", "header", "hide", "hidden",
    "bottom", "foot", "position", "location", "print", "follow", "most", "widget", "channel",
)

# ARIA landmark roles and the boilerplate kind each one declares.
ARIA_ROLES = {
    "navigation": "nav",
    "complementary": "sidebar",
    "contentinfo": "footer",
    "banner": "chrome",
    "search": "chrome",
}

# ---- splitting a class/id value into tokens (cleanser.body.heuristic) ----

# Where camelCase words meet (``articleBody`` -> ``article Body``), split before lowering.
CAMEL_CASE_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# What separates tokens of a lowered class/id value: anything but a-z (-, _, digits, space).
CLASS_SPLIT_RE = re.compile(r"[^a-z]+|(?<=[a-z])(?=[A-Z])")
# The tokens themselves, for a class/id value with no capital letter (most): what
# CLASS_SPLIT_RE leaves between its separators, found in one pass (twice as fast).
CLASS_WORD_RE = re.compile(r"[a-z]+")

# Class/id values (and lines of text) longer than this are judged afresh each time
# instead of cached (cleanser.caching): a hostile page's megabyte class attribute must
# not stay in a process-wide cache.
CACHE_KEY_MAX = 200
