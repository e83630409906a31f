"""Visible-text cues: headings, signatures, notices and labels of page furniture.

Read by the body's heuristic scorer: a block whose text reads like one of these is
boilerplate (sidebar headings, footer signatures, share bars, disclaimers, error pages).
"""

from __future__ import annotations

import re

# Token tables read best as compact rows.
# fmt: off

# Headings of sidebar and recommendation blocks. A short block that reads like one
# of these marks the section it heads as boilerplate.
SIDEBAR_HEADINGS = (
    "猜你喜欢", "猜你喜歡", "热点内容", "熱點內容", "精彩推荐", "精彩推薦", "文章排行", "热门关注",
    "熱門關注", "相关阅读", "相關閱讀", "相关新闻", "相關新聞", "相关推荐", "相關推薦", "相关文章",
    "相關文章", "相关报道", "相關報導", "延伸阅读", "延伸閱讀", "推荐阅读", "推薦閱讀", "热点推荐",
    "熱點推薦", "热门推荐", "熱門推薦", "热门文章", "熱門文章", "热点新闻", "熱點新聞", "热门新闻",
    "熱門新聞", "热文排行", "排行榜", "点击排行", "點擊排行", "阅读排行", "新闻排行", "热点排行",
    "24小时", "24小時", "今日热点", "今日熱點", "最新文章", "最新新闻", "最新資訊", "最新资讯",
    "热门标签", "热门话题", "本站推荐", "本站推薦", "为你推荐", "為你推薦", "大家都在看", "看了还看",
    "看過此文章的人", "相关链接", "相關連結", "友情链接", "友情連結", "专题推荐", "图片推荐",
    "视频推荐", "热门评论", "网友评论", "網友評論", "最新评论", "精彩评论", "评论区", "发表评论",
    "发表评论", "我要评论", "更多新闻", "更多精彩", "更多阅读", "编辑推荐", "编辑推薦", "热点聚焦",
    "热读", "热榜", "近期文章", "热门资讯", "人气排行", "精选推荐", "猜你喜歡的", "本站推薦的",
    "你可能感兴趣", "你可能也喜欢", "相关标签", "相关专题", "热搜", "推荐", "排行", "新闻推荐",
    "热门", "热点", "相关", "最新",
    "延伸推荐", "延伸 · 推荐", "TOP10", "TOP 10", "Top10",
)
# Headings of comment sections: on articles and blogs the comments are not the body
# (on forum threads they are; see FORUM_* below).
COMMENT_HEADINGS = (
    "评论", "評論", "网友评论", "網友評論", "全部评论", "最新评论", "热门评论", "精彩评论", "发表评论",
    "我要评论", "评论区", "读者评论", "相关评论", "评论列表", "用户评论", "留言", "网友留言", "發表評論",
    "留言列表", "留言區", "网友留言", "最新留言", "發表留言", "回應", "讀者回應",
    "Comments", "评论(0)", "条评论",
)
# Footer signatures: any block containing one of these is site furniture.
FOOTER_SIGNATURES = (
    "版权所有", "版權所有", "ICP备", "ICP證", "ICP证", "icp备", "京ICP", "沪ICP", "粤ICP",
    "不良信息举报", "违法和不良信息", "網路傳播視聽節目", "网络传播视听节目许可证", "公网安备",
    "互联网新闻信息服务许可证", "增值电信业务经营许可证", "Copyright ©", "Copyright©",
    "All Rights Reserved", "All rights reserved", "网站标识码", "主办单位", "承办单位",
    "未经授权禁止转载", "违者必究", "举报电话", "举报邮箱", "关于我们", "Powered by",
)
# Disclaimers and reprint notices (声明 boxes).
DISCLAIMER_CUES = (
    "免责声明", "免責聲明", "特别声明", "特別聲明", "版权声明", "版權聲明", "不代表本网观点",
    "不代表本站观点", "不代表本網觀點", "不代表本网立场", "不代表本站立场", "仅代表作者本人",
    "僅代表作者", "仅供参考", "如有侵权", "如涉及侵权", "如涉及作品内容", "转载请注明",
    "轉載請註明", "未经许可不得转载", "本文系转载", "本文为转载", "图片来自网络", "原創文章，如若轉載",
    "原创文章，如若转载", "请联系本网删除", "请与我们联系", "投稿邮箱", "请勿转载", "請勿轉載", "纯属作者个人观点", "純屬作者個人觀點", "注明出处", "註明出處", "来源于网络", "均来自网络",
    "仅提供信息存储服务", "僅提供信息存儲服務",
)
# Public-service boxes that Taiwanese outlets append to suicide and drinking stories
# (★中時電子報關心您, 《蘋果》關心你, 自殺諮詢專線, ＊飲酒過量，有害健康＊).
PUBLIC_NOTICE_CUES = (
    "關心您：", "关心您：", "關心你：", "关心你：", "提醒您：", "自殺諮詢專線", "自杀咨询专线",
    "安心專線", "安心专线", "生命線：", "生命线：", "張老師專線", "张老师专线", "飲酒過量，有害健康",
    "饮酒过量，有害健康", "未滿18歲禁止飲酒", "未满18岁禁止饮酒",
)
# Share bars and follow prompts.
SHARE_CUES = (
    "分享到", "分享至", "扫一扫", "掃一掃", "扫描二维码", "长按二维码", "長按二維碼", "识别二维码",
    "关注公众号", "關注公眾號", "微信扫一扫", "返回顶部", "回到顶部", "打印本页", "关闭窗口",
    "收藏本文", "字号：", "字號：", "【字体：", "阅读原文", "點擊訂閱", "点击订阅",
    # font-size and print controls, app prompts and feed/recommendation chrome
    "字号:", "字體：", "字体：", "字体:", "【下载地址】", "第一时间接收", "减少此类推荐", "阅读剩余全文",
    "Trackback:", "TrackBack:", "上一页 |", "上一页|", "共1页", "页: [",
)
# Video-player chrome and fallback text that players print into the page.
VIDEO_PLAYER_CUES = (
    "视频播放失败", "視頻播放失敗", "错误代码：", "建议WIFI下打开", "建议在WIFI下", "您的浏览器不支持",
    "您的瀏覽器不支援", "播放器加载", "重新播放", "请升级浏览器", "正在加载视频", "视频加载中",
)
# Lines that are only an ad label.
AD_LABELS = ("广告", "廣告", "推广", "推廣", "赞助", "AD", "Ad")
# Tokens of an image's class/id, its src path or its close ancestors' class/id that
# make it page furniture rather than an article picture: icons (Discuz authicn),
# avatars, logos, QR codes, decorative banners, emoji, thumbnail strips.
IMAGE_FURNITURE_TOKENS = (
    "icon", "icons", "icn", "authicn", "avatar", "avatars", "logo", "logos", "qr", "qrcode",
    "erweima", "ewm", "banner", "emoji", "emot", "smiley", "thumb", "thumbs", "thumbnail",
    "sprite", "spacer", "loading", "placeholder", "gravatar",
    # avatars as Chinese sites name them: user faces, 头像 in pinyin, head pictures
    "face", "userface", "touxiang", "headimg", "headpic",
)
# Alt text of furniture images (QR codes, avatars, icons).
IMAGE_FURNITURE_ALTS = ("二维码", "二維碼", "扫码", "掃碼", "扫一扫", "掃一掃", "头像", "頭像", "图标", "圖標")
# Lines that only count pictures in a gallery ("3/6"), or a player's clock ("00:00"),
# or a video's duration field ("时长：01:45").
GALLERY_COUNTER_PATTERN = r"^\d{1,3}\s*/\s*\d{1,3}$|^\d{1,2}:\d{2}(:\d{2})?$|时长\s*[:：]\s*\d{1,2}:\d{2}"
GALLERY_COUNTER_RE = re.compile(GALLERY_COUNTER_PATTERN)

# Lines that are only a button's label (Baike's 播报/编辑 beside every heading, 展开全文,
# action rows); matched as the whole line, so "编辑：王五" is not one of them.
BUTTON_LABELS = (
    "播报", "播報", "编辑", "編輯", "收起", "展开", "展開", "收合", "展开全部", "收起全部", "展开全文",
    "展开阅读全文", "查看全文", "阅读全文", "閱讀全文", "举报", "舉報", "复制链接", "複製連結", "点赞",
    "點讚", "收藏", "转发", "轉發", "打赏", "打賞", "播报文章", "×", "✕", "✖", "不喜欢", "+关注", "+ 关注", "+1", "图集", "圖集",
    "不感兴趣", "减少或屏蔽此类内容推荐",
)

# Summary boxes set apart above the body.
SUMMARY_PREFIXES = ("摘要：", "摘要:", "【摘要】", "内容摘要", "内容提要", "导读：", "核心提示：")
# Text of error pages (the whole "article" is an apology).
ERROR_PAGE_CUES = (
    "页面不存在", "页面没有找到", "找不到页面", "页面已被删除", "您访问的页面", "您要访问的页面",
    "頁面不存在", "404 Not Found", "Page Not Found", "页面已过期", "文章不存在", "内容已删除",
    # the same in traditional script, and 浏览 (browse) for 访问 (visit)
    "頁面沒有找到", "找不到頁面", "頁面已被刪除", "您訪問的頁面", "您要訪問的頁面", "頁面已過期",
    "內容已刪除", "您要浏览的页面", "您要瀏覽的頁面",
)


# ---- the cue scorer's compiled forms and image limits (cleanser.body.heuristic) ----
# fmt: on


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any of ``words`` (searched in C, not in a Python loop)."""
    return re.compile("|".join(re.escape(w) for w in words))


# What a heading is stripped of before it is compared with SIDEBAR_HEADINGS and
# COMMENT_HEADINGS: spaces, punctuation and "more" links (更多>>, 》, ›).
HEADING_JUNK_RE = re.compile(r"[\s\W_]+|更多|more|MORE|更多>+|》|>+|›")
# Sidebar headings at least this long also mark a longer heading that starts or ends
# with one (热点排行榜, 猜你喜欢的); shorter ones only a heading that is all of one.
LONG_HEADING_MIN_CHARS = 4
# Those headings as a tuple: ``str.startswith``/``endswith`` rule most lines out in C
# before LONG_SIDEBAR_HEADING_RE (which tries every position) runs.
LONG_SIDEBAR_HEADINGS = tuple(h for h in SIDEBAR_HEADINGS if len(h) >= LONG_HEADING_MIN_CHARS)
_LONG_HEADINGS = "|".join(re.escape(h) for h in LONG_SIDEBAR_HEADINGS)
# A heading that starts or ends with one of the longer cues.
LONG_SIDEBAR_HEADING_RE = re.compile(f"^({_LONG_HEADINGS})|({_LONG_HEADINGS})$")
# A comment heading that only counts them (评论, 12条评论, 评论3).
COMMENT_COUNT_RE = re.compile(r"\d*条?评论\d*")
# The cue tables above as one regex each.
FOOTER_SIGNATURE_RE = _any_of(FOOTER_SIGNATURES)
DISCLAIMER_CUE_RE = _any_of(DISCLAIMER_CUES)
PUBLIC_NOTICE_CUE_RE = _any_of(PUBLIC_NOTICE_CUES)
SHARE_CUE_RE = _any_of(SHARE_CUES)
ERROR_PAGE_CUE_RE = _any_of(ERROR_PAGE_CUES)
VIDEO_PLAYER_CUE_RE = _any_of(VIDEO_PLAYER_CUES)
# How a disclaimer box starts (声明：…) when it names no cue of DISCLAIMER_CUES.
DISCLAIMER_PREFIXES = ("声明：", "声明:", "聲明：", "【声明】", "郑重声明")
# Icon-font glyphs (private use area) and characters that did not decode: a line of
# only these (no WORD_CHAR_RE character) is a button, not text.
UNREADABLE_RE = re.compile("[\ue000-\uf8ff\ufffd]")
WORD_CHAR_RE = re.compile(r"[^\W_\ue000-\uf8ff]")

# An image declared narrower or lower than this is an icon (Netease's 13×12 logo_s).
MIN_IMAGE_SIDE = 40
# Ancestors of an image whose class/id or link are looked at.
IMAGE_ANCESTORS = 4
# A link around a picture with at least this many characters of text of its own is a
# teaser card.
TEASER_LINK_MIN_CHARS = 4
# Links ending in these lead to the picture itself, not to another page.
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp")
# What of an image URL is no word of it: the scheme and host, the query, the extension.
IMAGE_URL_NOISE_RE = re.compile(r"^[a-z]+://[^/]+|\?.*$|\.(?:jpe?g|png|gif|webp|bmp|svg)\b", re.I)
