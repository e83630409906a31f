"""Every cue cleanser recognises, as data: named token tuples, one comment each.

The scorers import from here and nowhere else holds a word list, so a reviewer can
read the whole vocabulary in one place (trafilatura's ``xpaths.py`` is the model).
Chinese portals name boilerplate with English words, pinyin abbreviations
(``rdtj`` = 热点推荐) or hashed CSS-module classes; only the first two can be
matched here, which is why the visible-text cues below carry real weight.
"""

from __future__ import annotations

import re

# Token tables read best as compact rows.
# fmt: off

# ---------------------------------------------------------------------------
# class / id tokens (matched as whole tokens after splitting on -, _, digits and
# camelCase; substring matching deletes bodies: "ad" in "padding", GNE 0.4.1)
# ---------------------------------------------------------------------------

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

# Tokens that are also layout words (``p-right``, ``no-right``, ``has-more``): a
# verdict from one of these yields to the prose it would remove, whatever is left
# outside (CNN wraps its article in ``pg-right-rail``).
WEAK_TOKENS = (
    "right", "side", "more", "hot", "like", "rec", "tools", "tool", "header", "hide", "hidden",
    "bottom", "foot", "position", "location", "print", "follow", "most", "widget", "channel",
)

# HTML5 elements that are furniture by definition.
BOILERPLATE_TAGS = ("nav", "aside", "footer", "header", "menu")

# Elements with no readable text for the body.
DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "select", "option", "button", "input", "textarea", "head", "map", "audio",
    "video", "link", "meta",
)

# ---------------------------------------------------------------------------
# visible-text cues
# ---------------------------------------------------------------------------

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
)
# Headings of comment sections: on articles and blogs the comments are not the body
# (on forum threads they are; see FORUM_* below).
COMMENT_HEADINGS = (
    "评论", "評論", "网友评论", "網友評論", "全部评论", "最新评论", "热门评论", "精彩评论", "发表评论",
    "我要评论", "评论区", "读者评论", "相关评论", "评论列表", "用户评论", "留言", "网友留言", "發表評論",
    "留言列表", "留言區", "网友留言", "最新留言", "發表留言", "回應", "讀者回應",
    "Comments", "评论(0)", "条评论",
)
# URL fragments of forum, thread and Q&A pages, where every post and answer is content.
FORUM_URL_PATTERN = (
    r"bbs|forum|thread|topic|/t/|/d/\d|discuss|zhidao|/question|tieba|/faq/|/ask|answer|weibo\.com"
)
# Lines that only forum/Q&A layouts have (floor numbers, reply counters, accepted answers).
# (Reply and like counters, and bare "#3" numbers, are left out: news and blog
# comment widgets have them too.)
FORUM_LINE_PATTERN = (
    r"^(楼主|樓主|沙发|沙發|板凳|地板|#?\d+\s*[楼樓])$|只看该作者|只看該作者|个回答|個回答|最佳答案|"
    r"采纳率|楼主"
)
# A page with at least this many forum lines is a thread even without a forum URL.
FORUM_MIN_LINES = 6

# Footer signatures: any block containing one of these is site furniture.
FOOTER_SIGNATURES = (
    "版权所有", "版權所有", "ICP备", "ICP證", "ICP证", "icp备", "京ICP", "沪ICP", "粤ICP",
    "不良信息举报", "违法和不良信息", "網路傳播視聽節目", "网络传播视听节目许可证", "公网安备",
    "互联网新闻信息服务许可证", "增值电信业务经营许可证", "Copyright ©", "Copyright©",
    "All Rights Reserved", "All rights reserved", "网站标识码", "主办单位", "承办单位",
    "未经授权禁止转载", "违者必究", "举报电话", "举报邮箱", "关于我们",
)
# Disclaimers and reprint notices (声明 boxes).
DISCLAIMER_CUES = (
    "免责声明", "免責聲明", "特别声明", "特別聲明", "版权声明", "版權聲明", "不代表本网观点",
    "不代表本站观点", "不代表本網觀點", "不代表本网立场", "不代表本站立场", "仅代表作者本人",
    "僅代表作者", "仅供参考", "如有侵权", "如涉及侵权", "如涉及作品内容", "转载请注明",
    "轉載請註明", "未经许可不得转载", "本文系转载", "本文为转载", "图片来自网络", "原創文章，如若轉載",
    "原创文章，如若转载", "请联系本网删除", "请与我们联系", "投稿邮箱",
)
# Share bars and follow prompts.
SHARE_CUES = (
    "分享到", "分享至", "扫一扫", "掃一掃", "扫描二维码", "长按二维码", "長按二維碼", "识别二维码",
    "关注公众号", "關注公眾號", "微信扫一扫", "返回顶部", "回到顶部", "打印本页", "关闭窗口",
    "收藏本文", "字号：", "字號：", "【字体：", "阅读原文", "點擊訂閱", "点击订阅",
)
# Video-player chrome and fallback text that players print into the page.
VIDEO_PLAYER_CUES = (
    "视频播放失败", "視頻播放失敗", "错误代码：", "建议WIFI下打开", "建议在WIFI下", "您的浏览器不支持",
    "您的瀏覽器不支援", "播放器加载", "重新播放", "请升级浏览器", "正在加载视频", "视频加载中",
)
# Lines that are only an ad label.
AD_LABELS = ("广告", "廣告", "推广", "推廣", "赞助", "AD", "Ad")

# Lines after which the article is over (editor trailers, error-report links).
TERMINATOR_PATTERNS = (
    r"^[\(（【\[]?\s*(责任编辑|責任編輯|责编|責編|编辑|編輯|值班编辑|审核|校对|监制)\s*[:：]",
    r"^【纠错】", r"^【糾錯】", r"^\[纠错\]", r"^返回.{0,10}查看更多", r"^返回搜狐",
    r"^(本文)?(来源|來源|稿源)\s*[:：]",
)
# A meta line: time, source, author, views — moved into metadata, not body text.
META_LINE_PATTERNS = (
    r"(19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}",
    r"(来源|來源|作者|编辑|編輯|责编|浏览|瀏覽|阅读|閱讀|点击|點擊|字号|發佈|发布)\s*[:：]",
)

FORUM_URL_RE = re.compile(FORUM_URL_PATTERN, re.I)
FORUM_LINE_RE = re.compile(FORUM_LINE_PATTERN)
# Forum chrome inside posts: counters, floor labels, edit notes, action rows.
FORUM_CHROME_PATTERN = (
    r"^(主题|帖子|积分|楼主|沙发|板凳|地板|\d+\s*楼|#\d+楼?|回复|引用|举报|只看该作者|电梯直达)$|"
    r"发表于|只看该作者|^查看\s*[:：]|^本帖最后由|^\d+\s*(赞同|条评论|人赞同)|^赞同\s*\d*|收起$|"
    r"^编辑于|^发布于"
)
FORUM_CHROME_RE = re.compile(FORUM_CHROME_PATTERN)
# Summary boxes set apart above the body.
SUMMARY_PREFIXES = ("摘要：", "摘要:", "【摘要】", "内容摘要", "内容提要", "导读：", "核心提示：")
# Text of error pages (the whole "article" is an apology).
ERROR_PAGE_CUES = (
    "页面不存在", "页面没有找到", "找不到页面", "页面已被删除", "您访问的页面", "您要访问的页面",
    "頁面不存在", "404 Not Found", "Page Not Found", "页面已过期", "文章不存在", "内容已删除",
)
# Field labels of government document metadata tables (索引号/发布机构/文号…).
GOV_META_PATTERN = r"索\s*引\s*号|主题分类|发布机构|成文日期|发文机关|^文\s*号|有\s*效\s*性|^名\s*称\s*[:：]"
GOV_META_RE = re.compile(GOV_META_PATTERN)
# Link lines that are body content all the same (attachments of notices).
ATTACHMENT_PATTERN = r"^(附件|附：|相关附件)\s*[:：]?\s*\d*"
ATTACHMENT_RE = re.compile(ATTACHMENT_PATTERN)

# Standalone byline and dateline lines (光明日报记者 王建宏 张文攀; 2022-02-13 09:57 光明网).
BYLINE_PATTERN = (
    r"^[\(（【\[]?\s*(本报|本台|本刊|新华社|中新社)?\S{0,8}(记者|通讯员|实习生|特约撰稿人?|撰文|文图|摄影|图文)"
    r"\s*[:：/]?\s*[\u4e00-\u9fff·]{2,4}([\s、，,]+[\u4e00-\u9fff·]{2,4})*\s*[\)）】\]]?$"
)
DATELINE_PATTERN = r"^\D{0,6}(19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}日?(\s*\d{1,2}:\d{2}(:\d{2})?)?"
BYLINE_RE = re.compile(BYLINE_PATTERN)
DATELINE_RE = re.compile(DATELINE_PATTERN)

TERMINATOR_RE = re.compile("|".join(TERMINATOR_PATTERNS))
META_DATE_RE = re.compile(META_LINE_PATTERNS[0])
META_FIELD_RE = re.compile(META_LINE_PATTERNS[1])

# Punctuation counted by the density scorer: Chinese (incl. the enumeration comma
# 、, which Readability's comma regex misses) and ASCII sentence punctuation.
PUNCTUATION = frozenset("，。！？；：、“”‘’《》（）…—,.!?;:\"'()")
# Sentence-final punctuation: a block with one is prose, not a label.
SENTENCE_END = frozenset("。！？!?…；;")
