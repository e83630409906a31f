"""The <title> and the headline: separators, site-name words and headline tags.

Read by cleanser.meta.headline and title to tell the headline from the site and
channel names printed around it.
"""

from __future__ import annotations

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
