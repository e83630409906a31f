"""Every cue cleanser recognises, as data: named token tuples, one comment each.

The scorers and the metadata readers import from here and nowhere else holds a
word list, so a reviewer can read the whole vocabulary in one place (trafilatura's
``xpaths.py`` is the model).
Chinese portals name boilerplate with English words, pinyin abbreviations
(``rdtj`` = 热点推荐) or hashed CSS-module classes; only the first two can be
matched here, which is why the visible-text cues below carry real weight.
"""

from __future__ import annotations

import re

# Token tables read best as compact rows.
# fmt: off

# ---------------------------------------------------------------------------
# characters and elements (the ranges are regex class bodies: use them inside [...])
# ---------------------------------------------------------------------------

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
# How a question title ends: on threads only a question's title is kept as text (the
# corpus's Q&A convention: "the question title is kept; a thread's subject is left out").
QUESTION_ENDINGS = ("？", "?", "吗", "嗎", "呢")
# A page with at least this many forum lines is a thread even without a forum URL.
FORUM_MIN_LINES = 6

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
    "知识档案匹配", "Trackback:", "TrackBack:", "上一页 |", "上一页|", "共1页", "页: [",
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

# Lines after which the article is over (editor trailers, error-report links).
TERMINATOR_PATTERNS = (
    r"^[\(（【\[]?\s*(责任编辑|責任編輯|责编|責編|编辑|編輯|值班编辑|审核|校对|监制)\s*[:：|｜]",
    r"^【纠错】", r"^【糾錯】", r"^\[纠错\]", r"^返回.{0,10}查看更多", r"^返回搜狐",
    r"^(本文|文章|新闻|新聞|稿件|信息)?(来源|來源|稿源|出处|出處)(于|於)?\s*[:：]",
    r"正文已结束",  # qq.com's "正文已结束，您可以按alt+4进行评论"
    r"^(转自|轉自|转载自|轉載自)\s*\S{1,24}$",
    r"^[-—–_=~·\s]*(THE\s+)?(END|End)[-—–_=~·\s]*$",  # WeChat's "— END —"
    # "[作者: 刘满仓 责任编辑: 杨丹宇 ]", "作者：未知 责任编辑：棒棒不是糖"
    r"^[\[【(（]?\s*(作者|記者|记者)\s*[:：].{0,30}(责任编辑|責任編輯|责编|責編)\s*[:：]",
    # a statement heading on its own line: the notice follows (江城日报's 反侵权公告)
    r"^[【\[]?(反侵权公告|侵权公告|版权声明|版權聲明|免责声明|免責聲明|法律声明)[】\]]?\s*[:：]?\s*$",
)
# A meta line: time, source, author, views — moved into metadata, not body text.
META_LINE_PATTERNS = (
    # Y-M-D, or M/D/Y as ASP pages print it (7/5/2005 9:23:57 PM, 06/02/2022 - 13:48)
    r"(19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}|\b\d{1,2}/\d{1,2}/(19|20)\d\d\b",
    r"(来源|來源|作者|编辑|編輯|责编|浏览|瀏覽|阅读|閱讀|点击|點擊|字号|發佈|发布|"
    r"发布日期|發布日期|发表时间|發表時間|发布时间|發布時間)\s*[:：]|(发布时间|發布時間)\s+(19|20)\d\d",
)

FORUM_URL_RE = re.compile(FORUM_URL_PATTERN, re.I)
FORUM_LINE_RE = re.compile(FORUM_LINE_PATTERN)
# Forum chrome inside posts: counters, floor labels, edit notes, action rows.
FORUM_CHROME_PATTERN = (
    r"^(主题|帖子|积分|楼主|沙发|板凳|地板|\d+\s*楼|#\d+楼?|回复|引用|举报|只看该作者|电梯直达)$|"
    r"发表于|只看该作者|^查看\s*[:：]|^本帖最后由|^\d+\s*(赞同|条评论|人赞同)|^赞同\s*\d*|收起$|"
    r"^编辑于|^发布于|"
    # Q&A answer chrome (zhidao, zhihu): vote buttons and prompts, answerer stats,
    # sponsor notes, app prompts and the report dialog.
    r"你对这个回答的评价是|已赞过|已踩过|抢首赞|采纳数\s*[:：]|获赞数\s*[:：]|^本回答由|"
    r"^评论\s*[(（]\d+[)）]$|推荐律师服务|下载.{0,6}APP|使用.{0,6}APP|侵权投诉|违法有害信息|"
    r"涉嫌违法犯罪|信息不实$|举报结果通知|^个人认证用户$|^企业认证用户$"
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
    r"^[\(（【\[]?\s*(本报|本台|本刊|新华社|中新社)?\S{0,8}"
    r"(记者|記者|通讯员|通訊員|实习生|實習生|特约撰稿人?|撰文|文图|摄影|攝影|图文|作者|执笔|執筆)"
    r"\s*[:：/]?\s*[" + HAN + r"·]{2,4}([\s、，,&＆]+[" + HAN + r"·]{2,4})*"
    # a Taiwanese place credit after the name: 記者王文萱／台北報導
    r"(\s*[／/]\s*[" + HAN + r"]{2,6}(报道|報導|報道))?\s*[\)）】\]]?$|"
    # "编辑 刘晓阳 校对 李铭", "原创 南方都市报 2019-09-09 16:01", a contributor note
    r"^(编辑|編輯|责任编辑|責任編輯)\s+[" + HAN + r"]{2,4}(\s+(校对|校對|审核|審核|监制|監製)\s+[" + HAN + r"]{2,4})*$|"
    r"^原[创創]\s*[:：]?\s*\S|^.{0,20}(对此文亦有贡献|對此文亦有貢獻)|"
    r"^[\(（【\[]?\s*文\s*[:：/]\s*[" + HAN + r"·]{2,5}\s*[\)）】\]]?$"
)
DATELINE_PATTERN = (
    r"^\D{0,6}(19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}日?(\s*\d{1,2}:\d{2}(:\d{2})?)?"
    # "央视财经 | 2020年08月03日 07:16": an outlet, a bar, then only the time
    r"|^[^\d|｜丨]{2,12}[|｜丨]\s*(19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}日?(\s*\d{1,2}:\d{2}(:\d{2})?)?\s*$"
    # "http://house.sina.com.cn 2005年03月31日03:18 北京娱乐信报": the channel's domain first
    r"|^(https?://)?[\w-]+(\.[\w-]+)+/?\s+(19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}"
)
# A note giving the story's original headline (（原标题：…）, 本文原标题：《…》).
ORIGINAL_TITLE_PATTERN = r"^[（(【\[]?\s*(本文)?原[标標]题\s*[:：为為]"
ORIGINAL_TITLE_RE = re.compile(ORIGINAL_TITLE_PATTERN)
# A field label printed with nothing after it (CCTV's empty "原标题：").
EMPTY_FIELD_PATTERN = (
    r"^(原标题|原標題|来源|來源|作者|编辑|編輯|责任编辑|責任編輯|关键词|關鍵詞|标签|標籤)\s*[:：]\s*$"
)
EMPTY_FIELD_RE = re.compile(EMPTY_FIELD_PATTERN)
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

# ---------------------------------------------------------------------------
# article metadata: <meta> keys, <title> and headline, bylines and outlets,
# dates, links (read by metadata.py, head.py, headline.py, people.py, pagetext.py)
# ---------------------------------------------------------------------------

# <meta> keys (name/property/itemprop, lower-cased) holding the publication time, best first.
PUBLISHED_META_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "og:release_date", "release_date", "pubdate", "publishdate",
    "publish_date", "publish-date", "publication_date", "publishtime", "publish_time",
    "pubtime", "_pubtime", "apub:time", "og:time", "sailthru.date", "parsely-pub-date",
    "article_date_original", "originalpublicationdate", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.created", "dc.date.created", "citation_publication_date",
    "citation_date", "weibo:article:create_at", "createdate", "firstpublishedtime",
)
# <meta> keys naming the author of the article.
AUTHOR_META_KEYS = (
    "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
    "citation_author", "byl", "sailthru.author", "parsely-author", "authorname",
)
# <meta> keys naming the outlet the article is credited to (来源).
SOURCE_META_KEYS = (
    "source", "contentsource", "article:source", "og:article:source", "articlesource",
    "copyfrom",
)
# <meta> keys naming the responsible editor.
EDITOR_META_KEYS = ("editor", "article:editor", "responsibleeditor")
# <meta> keys holding the site's name.
SITE_NAME_META_KEYS = ("og:site_name", "application-name", "sitename", "site_name")
# <meta> keys holding the headline.
TITLE_META_KEYS = ("og:title", "twitter:title", "articletitle", "title", "headline", "dc.title")
# <meta> keys holding a summary.
DESCRIPTION_META_KEYS = ("description", "og:description", "twitter:description", "dc.description")
# <meta> keys holding keywords or tags.
KEYWORD_META_KEYS = ("keywords", "news_keywords", "article:tag", "og:article:tag")
# <meta> keys declaring the language.
LANG_META_KEYS = ("content-language", "language", "og:locale", "dc.language")
# JSON-LD @type values that describe the article itself.
ARTICLE_LD_TYPES = (
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "posting", "socialmediaposting", "report", "scholarlyarticle", "techarticle",
    "liveblogposting", "webpage", "itempage", "discussionforumposting", "videoobject",
    "creativework", "qapage", "question",
)

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

# Cues introducing the credited outlet (来源), longest first when matched.
SOURCE_CUES = (
    "本文来源于", "本文來源於", "文章来源于", "本文来源", "本文來源", "文章来源", "文章來源",
    "新闻来源", "新聞來源", "信息来源", "資訊來源",
    "稿件来源", "内容来源", "消息来源", "来源于", "來源於", "来源", "來源", "稿源", "出处", "出處",
    "转载自", "轉載自", "转自", "轉自", "来自", "來自", "出自", "source", "Source",
)
# Cues introducing reporters: a name may follow without a colon (本报记者 王明).
REPORTER_CUES = (
    "首席记者", "特约记者", "见习记者", "实习记者", "本报记者", "本台记者", "本刊记者", "本网记者",
    "特約記者", "記者", "记者", "通讯员", "通訊員", "实习生", "實習生", "特约撰稿人", "特約撰稿人",
)
# Cues introducing writers: they need a colon or slash before the name (作者：王明, 文/王明).
WRITER_CUES = (
    "文/图", "文/圖", "文／图", "文／圖", "图/文", "圖/文", "图文", "圖文", "文图", "文圖",
    "作者", "作　者", "作 者", "撰文", "撰稿", "执笔", "執筆", "采写", "採寫", "文字",
    "文", "发信人", "發信人", "楼主", "樓主", "博主", "发帖人", "主讲人", "译者", "By", "by",
)
# Cues introducing a photographer: the author of a photo story when no writer is named.
PHOTO_CUES = ("摄影", "攝影", "图片", "圖片", "摄", "攝")
# Cues introducing the responsible editor; the first four are the strong ones.
EDITOR_CUES = ("责任编辑", "責任編輯", "责编", "責編", "本文编辑", "值班编辑", "编辑", "編輯")
# Words after a name that end a byline (报道, 摄 …); a token ending so is a place or a role.
BYLINE_TAILS = (
    "综合报道", "綜合報導", "联合报道", "報導", "报道", "報道", "发自", "發自", "摄影", "攝影",
    "整理", "编译", "編譯", "供图", "供圖", "撰文", "翻译", "翻譯", "采写", "採寫", "绘图",
    "制图", "製圖", "视频", "視頻", "电", "電", "摄", "攝", "文", "图", "圖", "译", "譯",
)
# Whole values that are placeholders or roles, never a person.
JUNK_PEOPLE = (
    "系统管理员", "系統管理員", "管理员", "管理員", "超级管理员", "网站管理员", "admin",
    "administrator",
    "root", "webmaster", "editor", "author", "佚名", "未知", "匿名", "无名", "不详", "网友", "網友",
    "本站", "本网", "本網", "小编", "小編", "编辑", "編輯", "编辑部", "編輯部", "记者", "記者",
    "作者", "转载", "轉載", "原创", "原創", "null", "none", "unknown", "anonymous", "guest",
    "游客", "遊客", "用户", "用戶", "来源", "來源", "网络", "網絡", "網路", "互联网", "综合",
    "綜合", "本报", "本報", "新华社", "新華社", "中新社", "中央社", "路透社", "法新社", "美联社",
    "关闭", "關閉", "打印", "收藏", "评论", "評論", "分享", "返回", "纠错", "糾錯", "举报", "舉報",
    "推荐", "推薦", "首页", "首頁", "正文", "导读", "導讀", "摘要", "简介", "簡介", "更多", "相关",
    "相關", "专题", "專題", "图片", "圖片", "视频", "視頻", "登录", "登錄", "注册", "註冊",
    "关注", "關注", "订阅", "訂閱", "name", "email", "your name", "姓名", "user", "nickname",
    "and", "the", "of", "by", "to", "in", "for", "with", "from", "on", "at", "more", "home",
    "next", "share", "print", "close", "top", "login", "comment", "comments", "reply",
    "管理", "版主", "站长", "站長", "楼主", "樓主", "管理团队", "管理團隊", "客服",
)
# Outlet and brand names that look like ordinary words (网易 has no 网/报 suffix).
KNOWN_OUTLETS = (
    "网易", "網易", "新浪", "搜狐", "腾讯", "騰訊", "凤凰", "鳳凰", "澎湃", "新华", "新華",
    "人民", "央视", "央視", "中新", "界面", "财新", "財新", "头条", "頭條", "百家号", "观察者",
    "環球", "环球", "光明", "南方", "东方", "東方", "中青", "中国", "中國", "今日", "联合",
    "聯合", "自由", "蘋果", "苹果", "东森", "東森", "三立", "中时", "中時", "大公", "文汇",
    "ETtoday", "TVBS", "NOWnews", "CNA", "BBC", "CNN", "Reuters", "Xinhua", "CCTV", "AP",
    "AFP", "XINHUA", "RFI", "CTfans",
)
# Parts of an organisation's name; a "person" containing one is an outlet or a body.
ORG_MARKERS = (
    "新闻", "新聞", "日报", "日報", "晚报", "晚報", "时报", "時報", "早报", "周刊", "週刊",
    "杂志", "雜誌", "电视", "電視", "电台", "電台", "广播", "廣播", "频道", "頻道", "客户端",
    "传媒", "傳媒", "媒体", "媒體", "集团", "集團", "公司", "中心", "网站", "網站", "官网",
    "政府", "委员会", "委員會", "办公室", "辦公室", "研究院", "研究所", "大学", "大學", "学院",
    "協會", "协会", "编辑部", "編輯部", "综合", "綜合", "报道", "報導", "来源", "來源",
    "press", "news", "times", "daily", "media", "agency", "post", "tribune", "herald",
    "journal", "network", "channel", "online", "publish", ".com", ".cn", ".net", ".org",
    "http", "www", "sina", "sohu", "netease", "ifeng", "xinhua", "cctv", "toutiao", "baidu",
    "控股", "股份", "有限", "银行", "銀行", "证券", "證券", "基金", "科技",
    "资本", "資本", "投资", "投資", "学会", "學會", "联盟", "聯盟", "工作室", "团队", "團隊",
    "官方", "小组", "小組", "编委", "編委", "课题组", "課題組", "team", "studio", "inc.",
    "ltd", "group", "comsenz", "discuz", "wordpress",
)
# Final characters of an organisation name (新华网, 人民日报, 新华社, 央视台, 《…刊》).
ORG_FINALS = ("网", "網", "报", "報", "社", "台", "刊", "站", "号", "號", "》", "署", "局", "厅",
              "廳", "部", "委", "办", "辦", "院", "府", "所", "司", "处", "處", "会", "會", "馆",
              "館", "团", "團", "组", "組", "室", "校", "店", "厂", "廠", "版")
# Organisation finals that also end given names (王会, 李团 …): an organisation only
# when the whole is longer than a name.
ORG_FINALS_WEAK = ("会", "會", "团", "團", "组", "組", "处", "處", "所", "司", "室", "院", "部",
                   "校", "店", "版", "馆", "館", "厂", "廠")
# Words that are never part of a name but often follow 记者 in prose (记者获悉 …).
NOT_NAME_WORDS = (
    "获悉", "獲悉", "了解", "发现", "發現", "看到", "注意", "采访", "採訪", "调查", "調查",
    "走访", "走訪", "探访", "暗访", "手记", "手記", "观察", "觀察", "一行", "证实", "證實",
    "连线", "連線", "来到", "來到", "日前", "近日", "昨天", "今天", "昨日", "今日", "表示",
    "告诉", "告訴", "致电", "致電", "电话", "電話", "询问", "詢問", "发稿", "發稿", "时间",
    "時間", "日期", "我们", "我們", "他们", "他們", "大家", "朋友", "注册", "登录", "查看",
    "转载", "轉載", "注明", "请", "請", "记者", "記者", "作者", "编辑", "編輯", "通讯员",
    "通訊員", "位置", "城市", "行情", "简介", "簡介", "关注", "關注", "浏览", "瀏覽", "粉丝",
    "粉絲", "点赞", "回答", "收藏", "见习", "見習", "实习", "實習", "特约", "特約", "首席",
)
# Common Chinese surnames; a name read without an explicit cue must start with one.
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮"
    "邓鄧曹彭曾萧蕭肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金"
    "石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严"
    "嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申"
    "欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱"
    "蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项"
    "項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊"
    "卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠"
    "荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海"
    "阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰郦酈风風"
)
# Two-character surnames.
COMPOUND_SURNAMES = ("欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方",
                     "皇甫", "令狐", "慕容", "司徒", "尉迟", "尉遲", "公孙", "公孫", "夏侯", "端木")

# Link texts of a pager's "next page" (not 下一篇, which is the next article).
NEXT_PAGE_TEXTS = ("下一页", "下一頁", "下页", "下頁", "后一页", "後一頁", "next", "next page",
                   "next »", "next ›", "›", "»", ">", ">>")
# Markers of the copyright footer; nothing after them is article metadata.
FOOTER_CUES = ("版权所有", "版權所有", "Copyright", "COPYRIGHT", "copyright", "©", "ICP备", "ICP證",
               "ICP证", "All Rights Reserved", "All rights reserved", "不良信息举报")
# Cues right before a publication date on the page.
DATE_CUES = ("发布时间", "發布時間", "发表时间", "發表時間", "发布日期", "發布日期", "发表于",
             "發表於", "发布于", "發佈於", "發布於", "发稿时间", "时间", "時間", "日期", "发布",
             "發布", "發佈",
             "发表", "發表", "更新时间", "张贴", "張貼", "Posted", "posted", "Published",
             "published")
# Date cues that also end other words (引用日期, 开放时间): they must start a phrase.
GENERIC_DATE_CUES = ("时间", "時間", "日期", "发布", "發布", "發佈", "发表", "發表")
# Attributes (lazy-loading ones first) that may hold an image's real URL.
IMAGE_ATTRS = ("data-src", "data-original", "_src", "data-actualsrc", "data-lazy-src",
               "data-lazyload", "data-original-src", "data-echo", "data-url", "file", "src")
# URL prefixes that never lead to an image or a page (placeholders, scripts, anchors).
BAD_URL_PREFIXES = ("javascript:", "data:", "about:", "vbscript:", "mailto:", "tel:", "#", "file:")
# Class/id words of elements holding the byline or the outlet (checked lower-cased).
BYLINE_CLASS_WORDS = ("author", "byline", "reporter", "writer", "auth", "zuozhe", "jizhe")
# Class/id words of elements holding the outlet (来源), checked lower-cased.
SOURCE_CLASS_WORDS = ("source", "where", "origin", "laiyuan", "media-name", "medianame")

# ---------------------------------------------------------------------------
# dates and times (dates.py; its time pattern spells the same words inline)
# ---------------------------------------------------------------------------

# Words before a time that shift it into the afternoon (下午3:05 is 15:05).
PM_WORDS = ("下午", "晚上", "晚间", "傍晚", "中午")
# Words before a time that keep it in the morning or move 12 o'clock to 0 (凌晨12:30 is 00:30).
AM_WORDS = ("上午", "凌晨", "早上", "清晨", "早晨")
