"""The <title> and the headline: separators, site-name words and headline tags.

Read by cleanser.meta.headline and title to tell the headline from the site and
channel names printed around it.
"""

from __future__ import annotations

import re

# Token tables read best as compact rows.
# fmt: off

# Separators between the headline and the site/channel names in <title>.
TITLE_SEPARATORS = ("_", "|", "｜", " - ", " – ", " — ", "--", "——", "—", "–", "-", "::", "»")
# Separators that always mean "headline | site" (a bare hyphen may be part of a word).
STRONG_TITLE_SEPARATORS = ("_", "|", "｜", " - ", " – ", " — ", "--", "——", "::", "»")
# Words that make a <title> fragment look like a site or channel name.
SITE_WORDS = (
    "网", "網", "新闻", "新聞", "频道", "頻道", "在线", "在線", "门户", "門戶", "官网", "官方",
    "首页", "首頁", "百科", "论坛", "論壇", "社区", "社區", "博客", "客户端", "资讯", "資訊",
    "日报", "日報", "晚报", "晚報", "时报", "時報", "报", "報", "电视台", "電視台", "电台",
    "传媒", "傳媒", "媒体", "媒體", "中心", "平台", "订阅", "訂閱", "专栏", "專欄", "号", "號",
    "财经", "財經", "科技", "体育", "體育", "娱乐", "娛樂", "汽车", "汽車", "房产", "教育",
    "健康", "军事", "軍事", "国际", "國際", "国内", "國內", "社会", "社會", "文化", "旅游",
    "时尚", "游戏", "遊戲", "知乎", "微博", "微信", "头条", "頭條", "快讯", "快訊", "小站",
    "政府", "热线", "熱線", "中学", "大学", "学院",
    ".com", ".cn", ".net", ".org", "www.", "news", "News", "NEWS", "Daily", "Times", "Online",
)
# Endings of a site's own name (…网, …日报, …热线, …人民政府), as opposed to a channel.
SITE_FINALS = (
    "网", "網", "报", "報", "台", "站", "热线", "熱線", "在线", "在線", "门户", "門戶", "政府",
    "新闻", "新聞", "官网", "社区", "社區", "论坛", "論壇", "百科", "知乎", "微博", "客户端",
    "博客", "中学", "中學", "大学", "大學", "学院", "學院", "学校", "學校", "医院", "醫院", "社",
    "云", "雲", "头条", "頭條", "号", "號", "周刊", "週刊", "杂志", "雜誌",
)
# og:site_name of WeChat articles, where the account name is the real publisher.
WECHAT_SITE_NAMES = ("微信公众平台", "微信公众号", "WeChat Official Accounts Platform")
# Promotion tags and picture markers printed inside a headline element.
HEADLINE_TAGS = ("原创", "原創", "独家", "獨家", "置顶", "置頂", "[图]", "(图)", "（图）", "[組圖]",
                 "[组图]", "(组图)", "（组图）", "[视频]", "(视频)", "（视频）",
                 "[原创]", "【原创】")

# ---- read by cleanser.meta.headline: <title> and headline clean-up ----

# Any title separator, longest first: splits a <title> into headline and site fragments.
TITLE_SEPARATOR_RE = re.compile(
    "(" + "|".join(re.escape(s) for s in sorted(TITLE_SEPARATORS, key=len, reverse=True)) + ")"
)
# A date (and time) printed at the end of a <title> or headline: cut off.
TRAILING_DATE_RE = re.compile(
    r"\s*[\(（\[]?\s*(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"\s*[\)）\]]?\s*$"
)
# A "Powered by …" credit of the site's software at the end of a <title>: cut off.
POWERED_BY_RE = re.compile(r"\s*[-|_,;]?\s*Powered by\b.*$", re.I)
# A domain ending (.com, .cn, .tw …): a <title> fragment holding one names the site.
DOMAIN_LIKE_RE = re.compile(r"\.(?:com|cn|net|org|gov|edu|tw|hk)\b", re.I)
# A short Latin brand (The Paper, CSDN.NET) after a Chinese headline: the site's name.
ASCII_BRAND_RE = re.compile(r"^[A-Za-z][A-Za-z0-9 .&'!]{1,30}$")
# Characters between a headline and a site name printed into it: cut with the name.
SITE_SEPARATOR_CHARS = " _-|｜:：—–»·"
# A HEADLINE_TAGS tag at the start or the end of a headline: cut off.
HEADLINE_TAG_RE = re.compile(
    "^(?:"
    + "|".join(map(re.escape, HEADLINE_TAGS))
    + r")[\s:：|]*"
    + r"|\s*(?:"
    + "|".join(map(re.escape, HEADLINE_TAGS))
    + ")$"
)
# Markup left inside a declared headline string (og:title="<em>…</em>").
MARKUP_TAG_RE = re.compile(r"<[^>]{0,200}>")
# A page number glued to a headline: "(页 1)" (Discuz archiver), "（第2页）".
PAGE_MARK_RE = re.compile(r"\s*[(（]\s*(?:页\s*\d{1,3}|第?\s*\d{1,3}\s*页)\s*[)）]$")
# Icon-font (private use) and replacement characters, dropped from the headline.
PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\ufffd]")
# What may trail a displayed headline without being part of it: counts, marks, short tags.
JUNK_TAIL_RE = re.compile(r"^(?:[\d\W_]{1,6}|.{1,2})$")
