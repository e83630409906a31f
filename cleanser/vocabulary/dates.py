"""Dates and times: the cues before a date and the words that shift a clock.

Read by cleanser.meta.dates and published (the time pattern in dates spells the
AM/PM words inline as well).
"""

from __future__ import annotations

import re

# Token tables read best as compact rows.
# fmt: off

# Cues right before a publication date on the page.
DATE_CUES = ("发布时间", "發布時間", "发表时间", "發表時間", "发布日期", "發布日期", "发表于",
             "發表於", "发布于", "發佈於", "發布於", "发稿时间", "时间", "時間", "日期", "发布",
             "發布", "發佈",
             "发表", "發表", "更新时间", "张贴", "張貼", "Posted", "posted", "Published",
             "published")
# Date cues that also end other words (引用日期, 开放时间): they must start a phrase.
GENERIC_DATE_CUES = ("时间", "時間", "日期", "发布", "發布", "發佈", "发表", "發表")


# Words before a time that shift it into the afternoon (下午3:05 is 15:05).
PM_WORDS = ("下午", "晚上", "晚间", "傍晚", "中午")
# Words before a time that keep it in the morning or move 12 o'clock to 0 (凌晨12:30 is 00:30).
AM_WORDS = ("上午", "凌晨", "早上", "清晨", "早晨")

# ---- read by cleanser.meta.dates and published: date and time patterns ----

# Offset assumed when a page prints a time without a zone (Beijing/Taipei time).
DEFAULT_TZ = "+08:00"
# Years accepted as a publication year; anything else is a number, not a date.
MIN_YEAR = 1990
MAX_YEAR = 2099
# A clock time: an optional 上午/下午 word, H:M[:S], then an optional AM/PM and zone.
TIME_PATTERN = (
    r"(?P<ampm1>上午|下午|晚上|晚间|傍晚|中午|凌晨|早上|清晨|早晨)?\s*"
    r"(?P<H>[0-2]?\d)\s*[:：时時]\s*(?P<M>[0-5]\d)"
    r"(?:\s*[:：分]\s*(?P<S>[0-5]\d)(?:\.\d{1,9})?\s*秒?)?"
    r"(?:\s*(?P<ampm2>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
    r"(?P<tz>Z(?![A-Za-z])|[+-][01]\d:?[0-5]\d|\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
)
# A day of the month; two digits may run straight into a time ("09-3022:46").
DAY_PATTERN = r"(?P<d>[0-3]\d(?=[0-2]?\d[:：][0-5]\d)|[0-3]?\d(?!\d))"
# Year, month and day with the year first; separators are checked for
# consistency after matching (年…月, or the same -, / or . twice).
FULL_DATE_RE = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?:\s*(?P<s1>[-/.年])\s*|(?P<sp>\s{1,3}))"
    r"(?P<m>[01]?\d)\s*(?P<s2>[-/.月])\s*"
    + DAY_PATTERN
    + r"\s*(?:日|号|號)?(?:(?:\s*T\s*|\s*|\s*[,，]\s*)"
    + TIME_PATTERN
    + r")?"
)
# Month and day without a year: only trusted with a time after it, since
# ``3/4`` or ``7-14`` alone are as often scores, ranges or fractions.
YEARLESS_DATE_RE = re.compile(
    r"(?<![\d./-])(?P<m>[01]?\d)\s*(?P<s1>[-/月])\s*" + DAY_PATTERN + r"\s*(?:日|号|號)?\s*" + TIME_PATTERN
)
# Year last with slashes (``9/17/2004 5:54:13 AM`` from ASP pages): month first
# unless the first number cannot be a month (``17/9/2004``).
YEAR_LAST_DATE_RE = re.compile(
    r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])"
    r"(?:\s*(?:-\s*)?" + TIME_PATTERN + r")?"
)
# English month names (``March 7, 2009``, ``7 March 2009``) seen on blogs.
ENGLISH_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
# An English date, month name first (March 7, 2009, Sept. 1st 2010).
ENGLISH_DATE_RE = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
# A Unix timestamp in seconds or milliseconds (meta tags of some CMSs).
EPOCH_RE = re.compile(r"^\s*(?P<s>1\d{9})(?P<ms>\d{3})?\s*$")
# "2003-5", "2003/05", "2003.5", "2003年5月": a year and a month and nothing after
# them that could be a day (no digit, no further separator, no 日).
MONTH_ONLY_RE = re.compile(
    r"(?<![\d./-])(?P<y>(?:19|20)\d\d)\s*(?:年\s*(?P<m1>1[0-2]|0?[1-9])\s*月(?!\s*\d)"
    r"|(?P<s>[-/.])(?P<m2>1[0-2]|0?[1-9])(?![\d./-]|\s*(?:月|[年日号號]|\d)))"
)
# A relative time: 3小时前, 2天前, or 刚刚/今天/昨天/前天 with an optional clock time.
RELATIVE_DATE_RE = re.compile(
    r"(?P<n>\d{1,3})\s*(?P<unit>秒|分钟|分鐘|分|小时|小時|个小时|個小時|天|日)\s*[前之]前?"
    r"|(?P<word>刚刚|剛剛|今天|今日|昨天|昨日|前天)"
    r"(?:\s*(?P<H>[0-2]?\d)\s*[:：]\s*(?P<M>[0-5]\d))?"
)
# The unit words of a relative time: the timedelta argument and the precision it leaves.
RELATIVE_UNITS = {
    "秒": ("seconds", "second"),
    "分钟": ("minutes", "minute"),
    "分鐘": ("minutes", "minute"),
    "分": ("minutes", "minute"),
    "小时": ("hours", "hour"),
    "小時": ("hours", "hour"),
    "个小时": ("hours", "hour"),
    "個小時": ("hours", "hour"),
    "天": ("days", "day"),
    "日": ("days", "day"),
}
# How many days back 今天, 昨天 and 前天 lie.
DAYS_BACK = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
# A date written into a URL (/2020/0803/, 20200803, 2020-08-03): a publication date hint.
URL_DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/_]?(?P<m>0[1-9]|1[0-2])[-/_]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
# A year (maybe with its month) as a folder of a URL path (/2020/, /202008/).
URL_YEAR_RE = re.compile(r"/((?:19|20)\d\d)(?:[01]\d)?/")
# A year 1900-2099 standing alone (the latest one in the footer hints at the publication year).
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A date cue and its separator, longest first, or a forum's 本帖由 X 于: a date follows.
DATE_CUE_RE = re.compile(
    "(?:"
    + "|".join(re.escape(c) for c in sorted(DATE_CUES, key=len, reverse=True))
    + r")\s*[:：@]?\s*|(?:本贴|本帖)由\S{1,20}?于\s*"
)
# Cues before a modification time (not the publication): 更新时间, 最后修订于, 编辑于.
UPDATE_DATE_CUES = ("更新时间", "更新時間", "更新于", "更新於", "最后更新", "最後更新", "最近更新",
                    "修改时间", "修改時間", "修改于", "修改於", "最后修订", "最後修訂", "修订于",
                    "修訂於", "编辑于", "編輯於", "最后编辑", "最後編輯", "Updated", "updated",
                    "Modified", "modified", "Last modified", "last modified")
# Any of them, longest first (searched in the few characters before a date).
UPDATE_CUE_RE = re.compile(
    "|".join(re.escape(c) for c in sorted(UPDATE_DATE_CUES, key=len, reverse=True))
)
# A thread's first floor marker alone on its line (1楼, #1, 楼主): the thread's own time is
# printed right next to it on forums that show no cue (贴吧: 1楼 / 2025-06-03 20:58).
FIRST_FLOOR_RE = re.compile(r"(?m)^[ \t]*(?:1[ \t]*[楼樓]|#1|楼主|樓主)[ \t]*$")
