"""Repeated records and page kinds: what makes siblings a group, a post or a list item,
and the page-kind evidence read from them.

Read by cleanser.body.records (groups of same-shaped siblings), cleanser.body.kinds
(the evidence the fitted kind model weighs; the weights themselves are in
``body/model.json``) and cleanser.body.records_output (a thread's posts, a list's links).
"""

from __future__ import annotations

import re

# ---- records: groups of same-shaped siblings (cleanser.body.records) -------------------

# Fewest siblings of one shape that make a group (a thread of one reply has two posts).
MIN_RECORDS = 2
# Shortest link, in tokens, that reads as an item's headline rather than a name or a tag.
HEADLINE_TOKENS = 8
# Descendants of a record looked at for an author cue (bounded work per record).
AUTHOR_SCAN = 80
# Characters of a record's text looked at for a time.
TIME_SCAN_CHARS = 400
# A record is "one link" when links hold at least this share of its tokens; its first
# line leads it as a headline when links hold at least HEADLINE_LINK_SHARE of that line.
RECORD_LINK_SHARE = 0.6
HEADLINE_LINK_SHARE = 0.6
# Class/id tokens of the element that names a post's author (English and pinyin).
AUTHOR_TOKENS = frozenset(
    (
        "author", "authi", "user", "username", "uname", "nick", "nickname", "poster",
        "name", "userinfo", "usercard", "member", "avatar", "zuozhe", "yonghu", "louzhu",
    )
)  # fmt: skip
# Link targets of user pages: the author link of a post (Discuz, Tieba, Douban, Zhihu…).
USER_HREF_RE = re.compile(
    r"/u/|/user|/people/|/member|/space|uid=|home\.php|/profile|/home/|/people|/i/|/author",
    re.I,
)
# USER_HREF_RE without re.I, for an ASCII URL lower-cased first: the same matches (its
# words are lower-case ASCII), at a fraction of the cost (re.I folds case at every character).
USER_HREF_LOWER_RE = re.compile(USER_HREF_RE.pattern)
# A time as posts and list items show it: dates, clock times, relative times, that is
#   \d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2} | \d{1,2}\s*[-/月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}
#   | \d{1,2}:\d{2} | \d+\s*(?:秒|分钟|…|個月)前 | 昨天 | 前天 | 刚刚 | 剛剛
# written as its first character, then the rest of each form after it (the same matches,
# same spans): a pattern that opens with one character class lets the regex engine skip
# in C to the next digit or 昨/前/刚/剛, four times faster on a page's lines.
TIME_RE = re.compile(
    r"[\d昨前刚剛](?:(?<=\d)(?:"
    r"\d{3}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d?\s*[-/月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}"
    r"|\d?:\d{2}|\d*\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月)前"
    r")|(?<=昨)天|(?<=前)天|(?<=刚)刚|(?<=剛)剛)"
)

# ---- page kinds: the evidence (cleanser.body.kinds) ------------------------------------

# Elements that can hold a post (a paragraph or a cell cannot: its siblings are lines).
POST_TAGS = frozenset(("div", "li", "table", "article", "section", "dl", "ul", "tbody"))
# Fewest items of one shape that make a list of links.
MIN_LIST_ITEMS = 5
# Shortest punctuated line, in tokens, counted as prose.
PROSE_MIN_TOKENS = 15
# Prose tokens at which the prose-amount evidence saturates.
PROSE_FULL = 3000
# Lines only a page that failed to load shows in its title or headline.
ERROR_TITLE_RE = re.compile(
    r"404|403|500|not found|页面不存在|頁面不存在|页面找不到"
    r"|找不到(?:该|您|你)?(?:要)?(?:访问|訪問)?的?页面"
    r"|(?:您|你)(?:所)?(?:访问|訪問|要找|请求)的(?:页面|頁面|内容|內容)|页面(?:已)?(?:删除|失效|走丢)"
    r"|出错了|出錯了|无法访问|無法訪問|已被删除|已被刪除|内容不存在|文章不存在|帖子不存在|主题不存在",
    re.I,
)
# URL paths of list, channel, search and tag pages (weak evidence).
LIST_URL_RE = re.compile(
    r"/(?:list|index|channel|column|lanmu|search|tag|tags|topics?/?$|node_\d+|category|"
    r"news/?$|[a-z]+/?$)|[?&](?:q|wd|word|keyword|kw|page|p)=|list[_-]?\d*\.s?html?|/$",
    re.I,
)
# Forum-only lines counted, at most (the evidence saturates there).
FORUM_LINES_FULL = 10
# A prose line (for prose_share and prose_amount) has under this share of link tokens.
PROSE_MAX_LINK_TOKENS_SHARE = 0.3
# An error phrase counts in the title or the first ERROR_TITLE_HEADINGS h1/h2 headings,
# and only on a page with less prose than ERROR_PAGE_MAX_PROSE tokens.
ERROR_TITLE_HEADINGS = 3
ERROR_PAGE_MAX_PROSE = 300
# Posts and list items counted, at most (posts_count and items_count saturate there).
POSTS_COUNT_FULL = 20
ITEMS_COUNT_FULL = 40
# A group may be posts when links hold under this share of its text and its records
# average at least POST_MIN_MEAN_TOKENS tokens (containers of prose, not of links) ...
POST_MAX_LINK_SHARE = 0.5
POST_MIN_MEAN_TOKENS = 8
# ... and is taken as posts when on average at least this share of its records show an
# author and a time.
POSTS_MIN_SIGNED = 0.5
# A group of at least MIN_LIST_ITEMS is a list when at least this share of its records
# are one link or led by a headline link.
LIST_MIN_LINKED_SHARE = 0.6

# ---- a thread's posts and a list's links (cleanser.body.records_output) ----------------

# Floor labels: "2楼", "#3", "3#", and the names the first floors have.
FLOOR_RE = re.compile(r"^(?:第\s*)?#?\s*(\d{1,6})\s*(?:楼|樓|#|F|f)?$")
FLOOR_NAMES = {"楼主": 1, "樓主": 1, "沙发": 2, "沙發": 2, "板凳": 3, "地板": 4}
# Class/id tokens of a quoted earlier post inside a reply.
QUOTE_TOKENS = frozenset(("quote", "blockquote", "yinyong", "reply-quote", "cite"))
# Longest author name read from an author element, in characters.
MAX_AUTHOR_CHARS = 30
# Shortest item link title, in characters (shorter: a "more" or a page number).
MIN_LINK_TITLE_CHARS = 4
