"""Dates and times: the cues before a date and the words that shift a clock.

Read by cleanser.meta.dates and published (the time pattern in dates spells the
AM/PM words inline as well).
"""

from __future__ import annotations

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
