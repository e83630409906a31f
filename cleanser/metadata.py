"""Metadata of a Chinese article page: headline, time, outlet, people, links.

Everything here reads the raw tree, before any cleaning, so that JSON-LD,
``<meta>`` tags and the meta line under the headline are still there. The tree
is never modified and nothing is fetched.

How each field is found, most trusted source first:

* **title**: the heading (``h1``–``h4`` or a ``*title*`` element) that agrees
  with ``<title>``/``og:title``/JSON-LD ``headline`` (shared substring, in the
  spirit of GNE's longest-common-substring rule); else those strings with the
  site and channel suffixes (``_网易新闻``, ``-新华网``, ``|…``) removed.
* **published**: JSON-LD ``datePublished``; publication ``<meta>`` tags;
  ``<time datetime>``; the dateline printed just under (or above) the headline;
  a date after a cue such as 发布时间 in the article; the date in the URL.
  Dates in long prose lines, after the copyright footer, or far from the
  headline are never taken, which keeps sidebar lists out.
* **source** (来源), **author** (作者/记者/文/通讯员, JSON-LD and meta author) and
  **editor** (责任编辑/责编/编辑): cue patterns on the meta line, then in the
  article and its trailer. Names are read token by token and validated, so
  outlets (新华网, 澎湃新闻, 网易 …), site names, places (台北報導) and
  系统管理员-style placeholders are never reported as people.
* **site_name**, canonical **url**, **lang**, **description**, **keywords** and
  **next_page_url** from the head and the pager.

The body is walked once (:class:`_Scan`): it yields the visible text, one line
per block element, with the positions of heading-, byline- and source-like
elements, so every pattern sees what a reader sees and knows where the
headline is.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from .dates import FoundDate, find_dates, parse_date

_T = TypeVar("_T")


@dataclass(frozen=True)
class Metadata:
    """Fields read from the raw page before any cleaning."""

    title: str | None = None
    published: str | None = None
    published_raw: str | None = None
    source: str | None = None
    author: tuple[str, ...] = ()
    editor: str | None = None
    site_name: str | None = None
    url: str | None = None
    lang: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    next_page_url: str | None = None
    # The URL relative links and images resolve against: the page URL moved by
    # <base href> (not the canonical URL, which may sit on another path or host).
    base_url: str | None = None


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

# Cue tables read best as compact rows.
# fmt: off

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
SOURCE_CLASS_WORDS = ("source", "where", "origin", "laiyuan", "media-name", "medianame")

# Elements whose text the reader never sees.
_SKIP_TAGS = frozenset(("script", "style", "noscript", "textarea", "template", "select", "option",
                        "iframe", "object", "embed", "svg", "head", "title", "button", "map"))
# Elements that start a new line of text.
_BLOCK_TAGS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "section", "article", "header",
    "footer", "aside", "nav", "main", "blockquote", "pre", "form", "center", "br", "hr",
    "address", "figure", "figcaption", "details", "summary", "fieldset", "legend", "text",
))
# Heading elements (always headline candidates).
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4"))

# fmt: on

# Sizes and limits.
_MAX_LD_SCRIPT_CHARS = 1_000_000  # a JSON-LD block bigger than this is not metadata
_MAX_LD_OBJECTS = 500  # objects visited while flattening JSON-LD
_MAX_CANDIDATES = 120  # heading/byline/source elements marked in one page
_REGION_AFTER = 420  # characters after the headline searched for the meta line
_REGION_BEFORE = 160  # characters before it (some layouts print the date above)
_MAX_META_LINE = 160  # a line longer than this is prose, not a meta line
_MAX_OUTLET_LINK = 12  # an outlet's name linked in a byline is short
_MAX_SUBTITLE = 60  # a 副题 longer than this is a standfirst, not part of the headline
_MAX_ATTR = 2000  # attribute values longer than this are ignored

_HSPACE = re.compile(r"[ \t\r\f\v\xa0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_NEWLINES = re.compile(r" ?\n[\n ]*")
# Candidate markers: control characters never survive dom.parse, so they cannot be text.
_MARK = re.compile(r"\x01(\d+)\x02|\x03(\d+)\x04")


# --------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------


def extract_metadata(root: html.HtmlElement, url: str | None) -> Metadata:
    """Read metadata from the unprepared tree (never modifies it, never raises)."""
    try:
        page = _Page(root, url)
    except Exception:  # metadata must never break extraction
        return Metadata()
    return page.metadata()


def image_url(img: html.HtmlElement, base_url: str | None) -> str | None:
    """The real source of an image (lazy-loading attributes first), resolved, or None.

    Placeholders (``data:`` URIs, ``javascript:``, ``about:blank``) are skipped in
    favour of the next attribute; WeChat's extension-less
    ``mmbiz.qpic.cn/...?wx_fmt=jpeg`` URLs are kept as they are.
    """
    try:
        for attr in (*IMAGE_ATTRS, "data-srcset", "srcset"):
            value = img.get(attr)
            if not value:
                continue
            # Browsers drop tabs and newlines anywhere in a URL: "java\tscript:" is javascript:.
            value = value.replace("\t", "").replace("\n", "").replace("\r", "").strip()
            if attr.endswith("srcset"):
                value = value.split(",")[0].strip().split(" ")[0]
            if not value or len(value) > _MAX_ATTR or value.lower().startswith(BAD_URL_PREFIXES):
                continue
            return _resolve(value, base_url)
    except (ValueError, TypeError):
        return None
    return None


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

_NORM_DROP = re.compile(r"[\s\"'“”‘’「」『』`]+")


def _collapse(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _norm(text: str) -> str:
    """Comparison key: NFKC, no whitespace or quotes, lower case."""
    return _NORM_DROP.sub("", unicodedata.normalize("NFKC", text)).lower()


_SCHEMELESS = re.compile(r"^(?:www\.|[a-z0-9-]+\.(?:com|cn|net|org|gov|edu)(?:\.[a-z]{2})?/)", re.I)


def _resolve(value: str, base: str | None) -> str | None:
    """``value`` made absolute against ``base`` (scheme-less ``www.x.com/…`` too)."""
    value = value.strip()
    if not value:
        return None
    if value.startswith("//"):
        scheme = urlsplit(base).scheme if base else ""
        return f"{scheme or 'https'}:{value}"
    if _SCHEMELESS.match(value):
        value = "http://" + value
    if base:
        try:
            return urljoin(base, value)
        except ValueError:
            return value
    return value


def _lcs_len(a: str, b: str) -> int:
    """Length of the longest common substring (only lengths past the best are tried)."""
    if len(a) > len(b):
        a, b = b, a
    best = 0
    for i in range(len(a)):
        k = best + 1
        while i + k <= len(a) and a[i : i + k] in b:
            best = k
            k += 1
    return best


def _elements(result: Any) -> list[html.HtmlElement]:
    """The elements of an XPath result (which is typed as any XPath value)."""
    if not isinstance(result, list):
        return []
    return [el for el in result if isinstance(el, html.HtmlElement)]


def _safe(fn: Callable[[], _T], default: _T) -> _T:
    """Run one field's extraction; a failure costs that field only."""
    try:
        return fn()
    except Exception:  # never raise on weird pages
        return default


# --------------------------------------------------------------------------
# Head: <meta>, JSON-LD
# --------------------------------------------------------------------------


@dataclass
class _Head:
    """The elements of the page that metadata reads outside the body text."""

    metas: list[html.HtmlElement]
    ld_scripts: list[str]
    links: list[html.HtmlElement]
    base_href: str | None
    title: str


def _gather_head(root: html.HtmlElement) -> _Head:
    """``<meta>``, JSON-LD scripts, ``<link>``, ``<base>`` and ``<title>`` in one pass."""
    head = _Head([], [], [], None, "")
    title_seen = False
    for el in root.iter("meta", "script", "link", "base", "title"):
        tag = el.tag
        if tag == "meta":
            head.metas.append(el)
        elif tag == "script":
            if el.text and "ld+json" in (el.get("type") or "").lower():
                head.ld_scripts.append(el.text)
        elif tag == "link":
            head.links.append(el)
        elif tag == "base":
            if head.base_href is None:
                head.base_href = el.get("href") or ""
        elif not title_seen:
            title_seen = True
            head.title = _collapse(el.text_content())[:1000]
    return head


def _collect_meta(metas: Iterable[html.HtmlElement]) -> dict[str, list[str]]:
    """Every ``<meta>`` content by lower-cased name/property/itemprop/http-equiv."""
    out: dict[str, list[str]] = {}
    for m in metas:
        content = m.get("content")
        if content is None:
            content = m.get("value")
        if content is None or len(content) > _MAX_ATTR * 5:
            continue
        content = content.strip()
        if not content:
            continue
        for attr in ("name", "property", "itemprop", "http-equiv"):
            key = m.get(attr)
            if key:
                for k in key.lower().split():
                    out.setdefault(k, []).append(content)
    return out


_LD_COMMENTS = re.compile(r"/\*.*?\*/|<!--|-->|<!\[CDATA\[|\]\]>", re.S)
_LD_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _load_json(text: str) -> Any:
    """Parse JSON-LD leniently (comments, CDATA, trailing commas); None when hopeless."""
    text = text.strip().rstrip(";")
    for attempt in range(3):
        try:
            return json.loads(text, strict=False)
        except (ValueError, RecursionError):
            if attempt == 0:
                text = _LD_COMMENTS.sub("", text).strip().rstrip(";")
            elif attempt == 1:
                text = _LD_TRAILING_COMMA.sub(r"\1", text)
    return None


def _json_ld(scripts: Iterable[str]) -> list[dict[str, Any]]:
    """JSON-LD objects of the page, flattened (``@graph``, lists), article objects first."""
    objects: list[dict[str, Any]] = []
    for text in scripts:
        if not text.strip() or len(text) > _MAX_LD_SCRIPT_CHARS:
            continue
        stack: list[Any] = [_load_json(text)]
        seen = 0
        while stack and seen < _MAX_LD_OBJECTS:
            item = stack.pop()
            seen += 1
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objects.append(item)
                for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                    sub = item.get(key)
                    if isinstance(sub, (dict, list)):
                        stack.append(sub)
    articles = [o for o in objects if _ld_is_article(o)]
    return articles + [o for o in objects if not _ld_is_article(o)]


def _ld_types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return [t.lower()]
    if isinstance(t, list):
        return [x.lower() for x in t if isinstance(x, str)]
    return []


def _ld_is_article(obj: dict[str, Any]) -> bool:
    return any(t in ARTICLE_LD_TYPES for t in _ld_types(obj))


def _ld_str(value: Any) -> str | None:
    """A plain string from a JSON-LD value (string, number, {"@value"/"name"}, list)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("@value", "name", "text"):
            if isinstance(value.get(key), str):
                return str(value[key]).strip() or None
    if isinstance(value, list) and value:
        return _ld_str(value[0])
    return None


def _ld_people(value: Any) -> list[str]:
    """Names of JSON-LD authors that are persons (organisations are skipped)."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            if any("organization" in t for t in _ld_types(item)):
                continue
            name = _ld_str(item.get("name"))
            if name:
                out.append(name)
    return out


# --------------------------------------------------------------------------
# The body walk
# --------------------------------------------------------------------------


class _Scan:
    """The visible text of ``<body>``, one line per block, and where things are in it.

    One iterative walk (no recursion; scripts, styles, forms' options and the
    like skipped). Heading-, byline- and source-like elements (by tag, class or
    id) are bracketed with marker characters so that their spans in ``text``
    survive whitespace collapsing; ``links`` and ``times`` collect ``<a>`` and
    ``<time>`` elements on the way. About 2 µs per element: this walk is most of
    the cost of metadata.
    """

    def __init__(self, root: html.HtmlElement) -> None:
        body = root.find("body")
        if body is None:
            body = root
        parts: list[str] = []
        add = parts.append
        marked: list[tuple[str, html.HtmlElement]] = []
        self.links: list[html.HtmlElement] = []
        self.times: list[html.HtmlElement] = []
        walker = etree.iterwalk(body, events=("start", "end"))
        open_marks: list[int] = []  # numbers of marked elements not yet closed
        # Per open element: bit 1 = block (newline at the end), bit 2 = marked.
        flags: list[int] = []
        push, pop = flags.append, flags.pop
        skip, block, heading_tags = _SKIP_TAGS, _BLOCK_TAGS, _HEADING_TAGS
        kinds: dict[str, str] = {}
        links, times = self.links, self.times
        for event, el in walker:
            if event == "start":
                tag = el.tag
                if tag in skip or type(tag) is not str:
                    walker.skip_subtree()
                    push(0)
                    continue
                flag = 0
                if tag in block:
                    add("\n")
                    flag = 1
                if tag in heading_tags:
                    kind = "h"
                else:
                    cls = el.get("class")
                    if cls is None:
                        kind = ""
                    else:
                        known = kinds.get(cls)  # class strings repeat: judge each once
                        if known is None:
                            known = kinds[cls] = _kind(cls)
                        kind = known
                    if not kind:
                        ident = el.get("id")
                        if ident is not None:
                            kind = _kind(ident)
                    if tag == "a":
                        links.append(el)
                        if el.get("rel") == "author":
                            kind = "by"
                    elif tag == "span" or tag == "cite":
                        if el.get("itemprop") == "author":
                            kind = "by"
                    elif tag == "time":
                        times.append(el)
                if kind and len(marked) < _MAX_CANDIDATES:
                    n = len(marked)
                    marked.append((kind, el))
                    open_marks.append(n)
                    add(f"\x01{n}\x02")
                    flag |= 2
                push(flag)
                text = el.text
                if text:
                    add(text)
            else:
                flag = pop()
                if flag:
                    if flag & 2:
                        add(f"\x03{open_marks.pop()}\x04")
                    if flag & 1:
                        add("\n")
                text = el.tail
                if text:
                    add(text)
        text = _NEWLINES.sub("\n", _HSPACE.sub(" ", "".join(parts)))
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        removed = 0
        for m in _MARK.finditer(text):
            pos = m.start() - removed
            if m.group(1) is not None:
                starts[int(m.group(1))] = pos
            else:
                ends[int(m.group(2))] = pos
            removed += m.end() - m.start()
        if removed:
            text = _MARK.sub("", text)
        self.text = text
        # (kind, element, start, end) for every marked element, in document order.
        self.marked = [
            (kind, el, starts.get(i, 0), ends.get(i, starts.get(i, 0)))
            for i, (kind, el) in enumerate(marked)
        ]
        self.anchor: tuple[int, int] | None = None
        self.footer = len(text)

    def spans(self, kind: str) -> Iterator[tuple[html.HtmlElement, int, int]]:
        for k, el, s, e in self.marked:
            if k == kind:
                yield el, s, e

    def with_subtitle(self, index: int, title: str) -> str:
        """``title`` followed by its 副题 when the headline sits in a title block.

        Portals print 引题 / 主题 / 副题 as sibling headings in one container
        (``<h3></h3><h2>主题</h2><h3>副题</h3>``); the displayed headline is the
        main title and the subtitle below it. Only a container holding nothing but
        headings counts, and only a lower-ranked heading right after the title.
        """
        spans = [(el, s, e) for k, el, s, e in self.marked if k == "h"]
        el = spans[index][0]
        parent = el.getparent()
        if parent is None:
            return title
        children = [c for c in parent if isinstance(c.tag, str) and _collapse(c.text_content())]
        if not all(c.tag in _HEADING_TAGS for c in children):
            return title
        k = children.index(el) if el in children else -1
        if k < 0 or k + 1 >= len(children):
            return title
        sub = children[k + 1]
        text = _collapse(sub.text_content())
        if _heading_rank(sub) <= _heading_rank(el) or not (4 <= len(text) <= _MAX_SUBTITLE):
            return title
        if _DATE_ONLY.search(text) or _norm(text) in _norm(title):
            return title
        for other, s, e in spans[index + 1 :]:
            if other is sub:
                self.anchor = (self.anchor[0] if self.anchor else s, e)
                break
        return f"{title} {text}"

    def locate(self, title: str) -> None:
        """Anchor at the first occurrence of ``title`` when no heading element agreed."""
        if self.anchor is not None or not title:
            return
        for probe in (title[:24], title[:12]):
            if len(probe) < 4:
                continue
            i = self.text.find(probe)
            if i >= 0:
                line_end = self.text.find("\n", i)
                end = line_end if 0 <= line_end - i <= len(title) + 40 else i + len(probe)
                self.anchor = (i, end)
                return

    def find_footer(self) -> None:
        """Start of the copyright footer: the first footer cue after the headline."""
        begin = self.anchor[1] if self.anchor else 0
        m = _FOOTER_RE.search(self.text, begin)
        self.footer = m.start() if m else len(self.text)

    def after(self, size: int = _REGION_AFTER) -> str:
        """The text right after the headline."""
        if self.anchor is None:
            return ""
        s = self.anchor[1]
        return self.text[s : max(s, min(s + size, self.footer))]

    def before(self, size: int = _REGION_BEFORE) -> str:
        """The text right before the headline."""
        if self.anchor is None:
            return ""
        return self.text[max(0, self.anchor[0] - size) : self.anchor[0]]

    def heading(self) -> str:
        if self.anchor is None:
            return ""
        return self.text[self.anchor[0] : self.anchor[1]]

    def article(self) -> str:
        """From the headline (or the top of the page) to the footer."""
        s = self.anchor[0] if self.anchor else 0
        return self.text[s : self.footer]

    def near(self) -> str:
        """The meta-line area: a little before the headline, the headline, and after it."""
        if self.anchor is None:
            return ""
        return self.before() + "\n" + self.heading() + "\n" + self.after()


@functools.lru_cache(maxsize=8192)
def _kind(name: str) -> str:
    """Which candidate list a class or id puts an element in: "h", "by", "src" or ""."""
    m = _KIND_RE.search(name)
    if m is None:
        return ""
    if m.group(1):
        return "h"
    if m.group(2):
        c = name.lower()
        return "" if ("comment" in c or "editor" in c or "reply" in c) else "by"
    return "src"


# Class/id words: group 1 headline, group 2 byline, group 3 outlet.
_KIND_RE = re.compile(
    "(tit|headline|head-line)|("
    + "|".join(BYLINE_CLASS_WORDS)
    + ")|("
    + "|".join(SOURCE_CLASS_WORDS)
    + ")",
    re.I,
)
_FOOTER_RE = re.compile("|".join(re.escape(c) for c in FOOTER_CUES))


# --------------------------------------------------------------------------
# Title
# --------------------------------------------------------------------------

_SEP_RE = re.compile(
    "(" + "|".join(re.escape(s) for s in sorted(TITLE_SEPARATORS, key=len, reverse=True)) + ")"
)
_TRAILING_DATE = re.compile(
    r"\s*[\(（\[]?\s*(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"\s*[\)）\]]?\s*$"
)
_POWERED_BY = re.compile(r"\s*[-|_,;]?\s*Powered by\b.*$", re.I)
_DOMAIN_LIKE = re.compile(r"\.(?:com|cn|net|org|gov|edu|tw|hk)\b", re.I)
_ASCII_BRAND = re.compile(r"^[A-Za-z][A-Za-z0-9 .&'!]{1,30}$")


def _looks_like_site(fragment: str, sep: str, head: str, site_names: Iterable[str]) -> bool:
    """Whether a ``<title>`` fragment after the headline names a site or channel."""
    frag = fragment.strip()
    if not frag:
        return True
    nf, nh = _norm(frag), _norm(head)
    if any(nf and (nf == _norm(s) or nf in _norm(s)) for s in site_names if s):
        return True
    if len(nh) < 2 or frag.isdigit():
        return False
    strong = sep in STRONG_TITLE_SEPARATORS
    has_site_word = any(w in frag for w in SITE_WORDS)
    if not strong and head[-1:].isascii() and head[-1:].isalnum() and frag[:1].isascii():
        # "COVID-19", "Wi-Fi": a bare hyphen between ASCII is a word, unless a domain follows.
        return bool(_DOMAIN_LIKE.search(frag))
    if len(nf) <= 16 and has_site_word:
        return True
    if _ASCII_BRAND.match(frag) and _CJK_RE.search(head):
        return True  # "澎湃新闻-The Paper", "… - CSDN.NET"
    if strong and len(nf) <= 10 and len(nh) >= len(nf):
        return True
    if not strong and len(nf) <= 6 and len(nh) >= max(6, 2 * len(nf)):
        return True  # "中华人民共和国监察法-纪检"
    return strong and len(nf) <= 20 and len(nh) >= 2 * len(nf) and has_site_word


def _is_abbreviation(short: str, full: str) -> bool:
    """Whether ``short`` keeps the first character of ``full`` and its other
    characters in order (寶島社 → 寶島通訊社, 中新社 → 中国新闻社)."""
    if len(short) >= len(full) or short[:1] != full[:1]:
        return False
    it = iter(full)
    return all(c in it for c in short)


def _site_from_fragments(fragments: list[str]) -> str | None:
    """The site's name among the fragments cut from <title> (rightmost first).

    A fragment ending like a site (…网, …热线, …人民政府) or a domain wins over a
    channel (娱乐资讯); short keyword tags (sohu's "_中国_法国_全球") are no site.
    """
    for f in fragments:
        if f.endswith(SITE_FINALS) or _DOMAIN_LIKE.search(f):
            return f
    for f in fragments:
        if any(w in f for w in SITE_WORDS):
            return f
    return next((f for f in fragments if len(f) >= 4), None)


def _strip_site(title: str, site_names: Iterable[str] = ()) -> tuple[str, list[str]]:
    """Headline part of a ``<title>``-like string and the site/channel fragments removed."""
    title = _POWERED_BY.sub("", _collapse(title))
    names = [n for n in site_names if n]
    removed: list[str] = []
    pieces = _SEP_RE.split(title)  # text, sep, text, sep, ...
    while len(pieces) >= 3:
        tail, sep = pieces[-1], pieces[-2]
        head = "".join(pieces[:-2])
        if not _looks_like_site(tail, sep, head, names):
            break
        if tail.strip():
            removed.append(tail.strip())
        pieces = pieces[:-2]
    # A leading site name: "_标题", "新浪网_标题" (only a declared or obvious site).
    while len(pieces) >= 3:
        lead, sep = pieces[0].strip(), pieces[1]
        if lead and not (
            any(_norm(lead) == _norm(s) for s in names)
            or (
                sep in STRONG_TITLE_SEPARATORS
                and len(_norm(lead)) <= 8
                and any(w in lead for w in SITE_WORDS if len(w) > 1)
            )
        ):
            break
        if lead:
            removed.append(lead)
        pieces = pieces[2:]
    main = "".join(pieces).strip()
    return (main or title), removed


def _clean_heading(text: str, site_frags: Iterable[str]) -> str:
    """A heading's text without a trailing date, promotion tags or site names."""
    text = _TRAILING_DATE.sub("", _collapse(text))
    for _ in range(3):
        before = text
        if len(text) > 6:
            text = _HEADLINE_TAG_RE.sub("", text)
        for frag in site_frags:
            if frag and len(text) > len(frag) + 4:
                # Only a fragment set off by a separator: "消费提示" keeps its "消费".
                if text.endswith(frag) and text[-len(frag) - 1] in _SITE_SEPARATOR_CHARS:
                    text = text[: -len(frag)].rstrip(_SITE_SEPARATOR_CHARS)
                elif text.startswith(frag) and text[len(frag)] in _SITE_SEPARATOR_CHARS:
                    text = text[len(frag) :].lstrip(_SITE_SEPARATOR_CHARS)
        if text == before:
            break
    return text.strip()


_SITE_SEPARATOR_CHARS = " _-|｜:：—–»·"
_HEADLINE_TAG_RE = re.compile(
    "^(?:"
    + "|".join(map(re.escape, HEADLINE_TAGS))
    + r")[\s:：|]*"
    + r"|\s*(?:"
    + "|".join(map(re.escape, HEADLINE_TAGS))
    + ")$"
)


_NO_REFS: list[set[str]] = []
_TAG = re.compile(r"<[^>]{0,200}>")
_PERSON_HREF = re.compile(r"/(?:author|reporter|writer|user|member|people|u|space)s?/", re.I)
# A page number glued to a headline: "(页 1)" (Discuz archiver), "（第2页）".
_PAGE_MARK = re.compile(r"\s*[(（]\s*(?:页\s*\d{1,3}|第?\s*\d{1,3}\s*页)\s*[)）]$")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\ufffd]")
# What may trail a displayed headline without being part of it: counts, marks, short tags.
_JUNK_TAIL = re.compile(r"^(?:[\d\W_]{1,6}|.{1,2})$")


def _heading_rank(el: html.HtmlElement) -> int:
    """Lower is better: h1, then h2, a title-classed element, h3, h4."""
    return {"h1": 0, "h2": 1, "h3": 3, "h4": 4}.get(el.tag, 2)


# --------------------------------------------------------------------------
# People and outlets
# --------------------------------------------------------------------------

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_CJK_NAME = re.compile(f"^[{_CJK}][{_CJK}·•]{{1,5}}$")
_LATIN_HANDLE = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]{1,19}$")
_LATIN_PERSON = re.compile(r"^[A-Z][a-zA-Z.\-']+(?: [A-Z][a-zA-Z.\-']+){0,3}$")
_STAFF_CODE = re.compile(
    r"[_\s]*[\(（\[【]\s*[A-Za-z]{0,5}\d{2,}\s*[\)）\]】]|[_\s]*[A-Za-z]{1,5}\d{2,}"
)
_TRIM = " \t\n:：|｜/／\\[]【】()（）<>《》〈〉「」『』\"'“”‘’,，.。;；·•-—_=*□■◆●○★☆~"

# One name in a byline: a CJK run (maybe with a Latin name in brackets after it),
# or a Latin handle/name.
_NAME_TOKEN = re.compile(
    f"(?P<n>[{_CJK}][{_CJK}·•]{{1,7}}|[A-Za-z][A-Za-z0-9_.\\-]{{1,19}}"
    r"(?: [A-Z][a-zA-Z.\-']+){0,2})"
    r"(?P<latin>\s*[（(][A-Za-z][A-Za-z .'\-]{1,30}[)）])?"
)
# Between two names of one byline (never a line break).
_NAME_SEP = re.compile(r"[ \t]*(?:[、，,/／&＆;；]|和|及|與|与)[ \t]*|[ \t]+")
# What may follow the last name of a byline.
_NAME_END = frozenset(" \t\n)）]】」』>》|｜/／、，,;；。.!！?？-—~&＆")


def _is_org(name: str, site_names: Iterable[str]) -> bool:
    """Whether ``name`` is an outlet, a site or an organisation rather than a person."""
    low = name.lower()
    if any(m in low for m in ORG_MARKERS):
        return True
    n = _norm(name)
    for s in site_names:
        ns = _norm(s) if s else ""
        if ns and (n == ns or (len(n) >= 2 and (n in ns or ns in n))):
            return True
    if name in KNOWN_OUTLETS or any(
        name.startswith(o) and len(name) > len(o) and name[len(o)] in "网網报報社台新电電"
        for o in KNOWN_OUTLETS
    ):
        return True
    last = name[-1:]
    if last in ORG_FINALS:
        if last in ORG_FINALS_WEAK:
            return len(name) >= 4 and bool(_CJK_RE.match(name))
        return True
    return False


def _valid_person(name: str, site_names: Iterable[str], *, strict: bool) -> bool:
    """Whether ``name`` can be a person's name or handle.

    ``strict`` (a name read without an explicit 作者：-style cue) demands a CJK
    name of 2–4 characters starting with a common surname.
    """
    if not name or len(name) > 30 or len(name) < 2:
        return False
    low = name.lower()
    if low in JUNK_PEOPLE or name in JUNK_PEOPLE:
        return False
    if any(c in name for c in "@#%=<>{}|\\：:，。？！?!；;…/") or "http" in low:
        return False
    digits = sum(c.isdigit() for c in name)
    if digits and (digits * 2 >= len(name) or re.search(r"[A-Za-z]_?\d{3,}", name)):
        return False
    if _is_org(name, site_names):
        return False
    if any(w in name for w in NOT_NAME_WORDS):
        return False
    if _CJK_RE.search(name):
        core = re.sub(r"\s*[\(（][^)）]*[\)）]\s*", "", name).replace(" ", "")
        if not _CJK_NAME.match(core):
            return False
        if strict:
            return 2 <= len(core) <= 4 and (core[0] in SURNAMES or core[:2] in COMPOUND_SURNAMES)
        return True
    if strict:
        return False
    return bool(_LATIN_HANDLE.match(name) or _LATIN_PERSON.match(name))


def _strip_tail(token: str) -> tuple[str, bool]:
    """``token`` without a trailing 报道/摄/文 …, and whether one was removed."""
    for tail in BYLINE_TAILS:
        if token.endswith(tail) and len(token) > len(tail):
            return token[: -len(tail)], True
    return token, False


def _names_at(
    text: str, pos: int, site_names: Iterable[str], *, strict: bool, whole_line: bool = False
) -> list[str]:
    """The names of a byline starting at ``text[pos]`` (王明 李华 / 王明、李华 …).

    Only the rest of the line is read, up to the next field cue (来源, 字号 …).
    Reading stops at the first thing that is not a name followed by a separator:
    prose (记者获悉…), a place with 报道 (山东冠县报道). A CNA-style dateline
    (記者陳冠宇台中15日電) is split into name and place. With ``whole_line`` the
    names must fill the rest of the line.
    """
    line_end = text.find("\n", pos, pos + 120)
    line = text[pos : line_end if line_end >= 0 else pos + 120]
    stop = _VALUE_STOP.search(line, 1)
    seg = line[: stop.start()] if stop else line
    if stop and stop.group(0) in _PEOPLE_CUE_STOPS:
        # "余毅菁 向雪妮 南都记者…": a run glued to the next 记者 names its outlet.
        seg = _GLUED_TAIL.sub("", seg)
    names: list[str] = []
    n = len(seg)
    i = 0
    while i < n and seg[i] in " \t":
        i += 1
    last_end = i
    while len(names) < 10:
        m = _NAME_TOKEN.match(seg, i)
        if not m:
            break
        token, had_tail = _strip_tail(m.group("n"))
        j = m.end()
        if j < n and seg[j] not in _NAME_END and not had_tail:
            split = _split_dateline(token, seg, j)
            if split:
                token, had_tail = split, True
            elif not names and not whole_line:
                return []  # the run goes on into prose: "致电上海家化" is not a name
            else:
                break
        if had_tail and names:
            break  # "王文萱／台北報導": the second token is a place
        if m.group("latin"):
            token = token + " " + m.group("latin").strip()
        if _valid_person(token, site_names, strict=strict):
            if token not in names:
                names.append(token)
            last_end = j
        elif not names:
            return []
        else:
            break
        if had_tail:
            break
        sep = _NAME_SEP.match(seg, j)
        if not sep:
            break
        i = sep.end()
    if whole_line and names and line[last_end:].strip(_TRIM):
        return []
    return names


# Stop words that open the next byline; a run glued to them is an outlet or a role.
_PEOPLE_CUE_STOPS = frozenset(("记者", "記者", "作者", "通讯员", "通訊員", "摄影", "攝影"))
_GLUED_TAIL = re.compile(f"(?<=[\\s、，,/／])[{_CJK}]+$")


def _split_dateline(run: str, seg: str, j: int) -> str | None:
    """The name in "陳冠宇台中" when "15日電" follows (name, then a 2–3 character place)."""
    if not _DATELINE_TAIL.match(seg, j):
        return None
    place = 3 if run[-1:] in "縣县市區区鎮镇" and len(run) >= 5 else 2
    name = run[:-place]
    return name if 2 <= len(name) <= 3 else None


_DATELINE_TAIL = re.compile(r"\d{1,2}日\s*[电電]")


def _cue_pattern(cues: Iterable[str], *, sep: str) -> re.Pattern[str]:
    """A cue word and its separator. The pattern starts with the literal cues so
    that ``re`` can skip ahead quickly; context checks are done by the caller."""
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile("(?P<cue>" + alt + ")" + sep)


def _starts_phrase(region: str, pos: int) -> bool:
    """Whether ``region[pos]`` begins a phrase (line start, space, bracket, colon …)."""
    return pos == 0 or region[pos - 1].isspace() or region[pos - 1] in _PHRASE_OPENERS


# Characters after which a one-character cue (文/…) or 来源 starts a new phrase.
_PHRASE_OPENERS = frozenset("[【(（〔|｜丨:：·•,，。;；>》]】)）")


# 记者/通讯员: colon, slash or spaces optional (本报记者王明, 记者 王明, 记者：王明).
_REPORTER_RE = _cue_pattern(
    REPORTER_CUES, sep=r"(?P<sep>[ \t]*[:：][ \t\n]*|[ \t]*[/／|｜丨][ \t]*|[ \t]*)"
)
# 作者/文/By: a separator is required (文/王明, 作者：王明, 作者 王明).
_WRITER_RE = _cue_pattern(
    WRITER_CUES, sep=r"(?P<sep>[ \t]*[:：][ \t\n]*|[ \t]*[/／|｜丨][ \t]*|[ \t]+(?=\S))"
)
_PHOTO_RE = re.compile(
    "(?P<cue>" + "|".join(map(re.escape, PHOTO_CUES)) + r")(?P<sep>[ \t]*[:：/／][ \t]*)"
)
_BRACKET_NAME_RE = re.compile(r"[\[【]\s*(?=\S)")
_FORUM_RES = (
    re.compile(r"(?:本贴|本帖|本文)由\s*(?P<v>[^\s于於]{2,20}?)\s*(?:于|於)"),
    re.compile(r"由\s*(?P<v>[^\s由]{2,20}?)\s*(?:张贴|張貼|发表|發表)"),
    re.compile(r"\d\s+by\s+(?P<v>[^\s〓|]{2,20})"),
)
_POSTED_RE = re.compile(r"发表于|發表於")
_LAST_TOKEN = re.compile(r"(?:^|(?<=\s))([^\s:：|]{2,20})[ \t]+$")
_TRAILER_REST = re.compile(f"[{_CJK}\\s、，,]+[)）]\\s*$")
_TRAILER_NAMES_RE = re.compile(r"[。！？!?”\"」]\s*[（(]\s*(?=[" + _CJK + r"])")
_SOURCE_RE = re.compile(
    r"(?:"
    + "|".join(re.escape(c) for c in sorted(SOURCE_CUES, key=len, reverse=True))
    + r")\s*[:：]\s*[\[【(（]?\s*(?P<v>[^\s\]】)）|｜,，;；。]{2,40})"
)
# "新华社北京7月14日电", "中央社 澎湖縣28日電": the outlet opening a dateline.
_DATELINE_RE = re.compile(
    f"(?:^|(?<=[\\s(（【\\[\\d]))(?P<v>[{_CJK}A-Za-z]{{2,10}}?(?:社|网|網|报|報|台|新闻|新聞))\\s*"
    f"[{_CJK}]{{0,8}}?\\s*(?:\\d{{1,2}}月)?\\d{{1,2}}日\\s*(?:电|電|讯|訊)"
)
_SOURCE_CUE_PREFIX = re.compile(
    r"^\s*(?:"
    + "|".join(map(re.escape, sorted(SOURCE_CUES, key=len, reverse=True)))
    + r")\s*[:：]?\s*"
)
_EDITOR_RE = re.compile(
    r"(?P<cue>" + "|".join(re.escape(c) for c in EDITOR_CUES) + r")(?P<sep>\s*[:：]\s*|[ \t]+)"
)
_VALUE_STOP = re.compile(
    r"(?:责任编辑|責任編輯|责编|編輯|编辑|作者|記者|记者|来源|來源|时间|時間|日期|发布|發布|"
    r"浏览|瀏覽|阅读|閱讀|点击|點擊|字号|字號|分享|评论|評論|通讯员|通訊員|摄影|攝影|"
    r"(?:19|20)\d\d[-/.年])"
)


def _cut_value(value: str) -> str:
    """A cue's value up to the next cue word, date or unbalanced bracket."""
    m = _VALUE_STOP.search(value, 1)
    if m:
        value = value[: m.start()]
    for opener, closer in (("(", ")"), ("（", "）")):
        k = value.find(opener)
        if k > 0 and closer not in value[k:]:
            value = value[:k]
    return value.strip(_TRIM)


def _valid_outlet(value: str, site_names: Iterable[str] = ()) -> bool:
    """Whether a 来源 value names an outlet (not a date, URL, number or placeholder)."""
    if not value or len(value) > 40 or len(value) < 2:
        return False
    if value.isdigit() or "http" in value.lower() or "www." in value.lower():
        return False
    if any(c in value for c in '="<>{}'):
        return False
    if parse_date(value) is not None:
        return False
    if value.startswith(("本站", "本网", "本網", "本报", "本報", "转载", "轉載")):
        return False
    return _norm(value) not in (
        "null",
        "none",
        "unknown",
        "未知",
        "原创",
        "原創",
        "发布",
        "發布",
        "网络",
        "網絡",
        "網路",
        "互联网",
        "转载",
        "轉載",
        "佚名",
        "综合",
    )


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------


class _Page:
    """Everything read from one page; fields are computed in :meth:`metadata`."""

    def __init__(self, root: html.HtmlElement, url: str | None) -> None:
        self.root = root
        self.url = url if isinstance(url, str) and url.strip() else None
        self.head = _safe(lambda: _gather_head(root), _Head([], [], [], None, ""))
        self.base = _safe(self._base, self.url)
        self.meta: dict[str, list[str]] = _safe(lambda: _collect_meta(self.head.metas), {})
        self.ld: list[dict[str, Any]] = _safe(lambda: _json_ld(self.head.ld_scripts), [])
        self.title_raw = self.head.title
        self.site_names: list[str] = []
        self.scan: _Scan | None = None
        self.title: str | None = None
        self.source_people: list[str] = []  # names found after 来源： (a person, not an outlet)

    # -- helpers -------------------------------------------------------------

    def _base(self) -> str | None:
        """The URL relative links resolve against: the page URL, moved by <base href>."""
        base = self.url
        href = (self.head.base_href or "").replace("\t", "").replace("\n", "").replace("\r", "")
        href = href.strip()
        if href and not href.lower().startswith(BAD_URL_PREFIXES) and len(href) < _MAX_ATTR:
            with contextlib.suppress(ValueError):
                base = urljoin(base, href) if base else href
        return base

    def meta_values(self, keys: Iterable[str]) -> Iterator[str]:
        for k in keys:
            yield from self.meta.get(k, ())

    def ld_values(self, key: str) -> Iterator[Any]:
        for obj in self.ld:
            if key in obj:
                yield obj[key]

    # -- assembly ------------------------------------------------------------

    def metadata(self) -> Metadata:
        site_name = _safe(self._site_name_declared, None)
        self.scan = _safe(lambda: _Scan(self.root), None)
        no_title: tuple[str | None, list[str]] = (None, [])
        title, fragments = _safe(lambda: self._title(site_name), no_title)
        self.title = title
        if site_name is None and fragments:
            # The rightmost <title> fragment that reads like a site ("澎湃新闻", not "The Paper");
            # short keyword tags (sohu's "_中国_法国_全球") are not a site name.
            site_name = _site_from_fragments(fragments)
        self.site_names = [s for s in (site_name, *fragments) if s]
        scan = self.scan
        if scan is not None:
            _safe(lambda: scan.locate(title or ""), None)
            _safe(scan.find_footer, None)
        published = _safe(self._published, None)
        source = _safe(self._source, None)
        no_people: tuple[str, ...] = ()
        authors = (
            _safe(self._authors, no_people)
            or tuple(self.source_people[:1])
            or _safe(self._site_owner, no_people)
        )
        return Metadata(
            title=title or None,
            published=published.iso if published else None,
            published_raw=published.raw if published else None,
            source=source,
            author=authors,
            editor=_safe(self._editor, None),
            site_name=site_name,
            url=_safe(self._canonical, None),
            lang=_safe(lambda: self._lang(title), None),
            description=_safe(self._description, None),
            keywords=_safe(self._keywords, ()),
            next_page_url=_safe(self._next_page, None),
            base_url=self.base,
        )

    # -- site name and title -------------------------------------------------

    def _site_name_declared(self) -> str | None:
        for name in self.meta_values(SITE_NAME_META_KEYS):
            name = _collapse(name)
            if name in WECHAT_SITE_NAMES:
                # On WeChat the 公众号 is the publisher; its name is in #js_name.
                for el in _elements(_WECHAT_ACCOUNT(self.root)):
                    account = _collapse(el.text_content())
                    if 2 <= len(account) <= 40:
                        return account
            if name:
                return name[:100]
        for obj in self.ld:
            for key in ("publisher", "sourceOrganization"):
                s = _ld_str(obj.get(key)) if key in obj else None
                if s:
                    return _collapse(s)[:100]
        return None

    def _refs(self, site_name: str | None) -> tuple[list[tuple[str, str]], list[str]]:
        """Declared headlines as (main part, key) and the fragments cut from <title>."""
        names = [site_name] if site_name else []
        raw: list[str] = []
        for v in self.ld_values("headline"):
            s = _ld_str(v)
            if s:
                raw.append(s)
        raw.extend(self.meta_values(TITLE_META_KEYS))
        raw.append(self.title_raw)
        fragments: list[str] = []
        refs: list[tuple[str, str]] = []
        for r in raw[:8]:
            r = _collapse(_TAG.sub("", r)) if "<" in r else _collapse(r)
            if not r or len(r) > 500:
                continue
            main, removed = _strip_site(r, names)
            if r == self.title_raw:
                fragments = removed
            key = _norm(main)
            if key and all(key != k for _, k in refs):
                refs.append((main, key))
        return refs, fragments

    def _title(self, site_name: str | None) -> tuple[str | None, list[str]]:
        title, fragments = self._find_title(site_name)
        if title:
            title = _PAGE_MARK.sub("", _collapse(_PRIVATE_USE.sub("", title)))
        return (title if title and len(title) >= 2 else None), fragments

    def _find_title(self, site_name: str | None) -> tuple[str | None, list[str]]:
        refs, fragments = self._refs(site_name)
        site_frags = [f for f in ([site_name, *fragments]) if f]
        site_keys = {_norm(f) for f in site_frags}
        title_frag_keys = [_norm(f) for f in _SEP_RE.split(self.title_raw)[::2] if f.strip()]
        ref_chars = [set(k) for _, k in refs]
        scan = self.scan
        best: tuple[float, int, int, str, int, int] | None = None
        if scan is not None:
            for idx, (el, s, e) in enumerate(scan.spans("h")):
                if e - s > 1500:
                    continue
                rank = _heading_rank(el)
                lines = scan.text[s:e].split("\n")
                offsets = []
                offset = s
                for line in lines:
                    offsets.append(offset)
                    offset += len(line) + 1
                whole = " ".join(ln.strip() for ln in lines if ln.strip())
                if "\n" in scan.text[s:e].strip() and len(whole) <= 300:
                    # "<blog name> <post title>" split over lines: judged as a whole.
                    cand = self._score_line(
                        whole, [], _NO_REFS, site_frags, site_keys, title_frag_keys, rank
                    )
                    if cand is not None and cand[0] >= 1.0:
                        key = (cand[0], -rank, -idx)
                        if best is None or key > best[:3]:
                            best = (cand[0], -rank, -idx, cand[1], s, e)
                for i, line in enumerate(lines):
                    line, end = _extend_line(lines, i, offsets, refs)
                    cand = self._score_line(
                        line, refs, ref_chars, site_frags, site_keys, title_frag_keys, rank
                    )
                    if cand is None:
                        continue
                    score, text = cand
                    key = (score, -rank, -idx)
                    if best is None or key > best[:3]:
                        best = (score, -rank, -idx, text, offsets[i], end)
        if best is not None:
            title = best[3]
            if scan is not None:
                scan.anchor = (best[4], best[5])
                title = _safe(lambda: scan.with_subtitle(-best[2], title), title)
            return title, fragments
        # No heading agrees: the longest of the declared headlines (og:title is
        # sometimes cut at a quote), else the first h1.
        if refs:
            main, main_key = refs[0]
            for other, okey in refs[1:]:
                if okey.startswith(main_key) and len(okey) > len(main_key):
                    main, main_key = other, okey
            return main, fragments
        if scan is not None:
            for el, s, e in scan.spans("h"):
                if el.tag == "h1" and scan.text[s:e].strip():
                    line = _clean_heading(scan.text[s:e].strip().split("\n")[0], site_frags)
                    if len(line) >= 5:
                        scan.anchor = (s, e)
                        return line, fragments
        return None, fragments

    @staticmethod
    def _score_line(
        line: str,
        refs: list[tuple[str, str]],
        ref_chars: list[set[str]],
        site_frags: list[str],
        site_keys: set[str],
        title_frag_keys: list[str],
        rank: int,
    ) -> tuple[float, str] | None:
        """How well one line of a heading agrees with the declared headlines."""
        if len(line) < 2 or len(line) > 300:
            return None
        text = _clean_heading(line, site_frags)
        key = _norm(text)
        if len(key) < 2 or key in site_keys:
            return None
        # "<blog name> <post title>" where both are <title> fragments: the one
        # <title> names first is the headline.
        for i, fk in enumerate(title_frag_keys):
            if fk and key != fk and key.startswith(fk):
                rest = key[len(fk) :]
                if rest in title_frag_keys and title_frag_keys.index(rest) < i:
                    return 1.0, _cut_display(text, rest)
        score = 0.0
        chars = set(key)
        for (main, rk), rset in zip(refs, ref_chars, strict=True):
            if key == rk:
                s = 1.0
            elif key.startswith(rk) and len(rk) >= 6 and _JUNK_TAIL.match(key[len(rk) :]):
                return 1.0, main  # "第二章 失乡号的船长241": a count or mark glued to the headline
            elif rk in key:
                s = 1.0 if (key.startswith(rk) and len(rk) >= 6) else len(rk) / len(key)
                if s < 1.0 and len(rk) >= 6:
                    s = max(s, 0.6)
            elif key in rk:
                s = len(key) / len(rk) if len(key) >= 4 else 0.0
            elif len(chars & rset) * 2 < len(chars):
                s = 0.0
            else:
                s = _lcs_len(key, rk) / max(len(key), len(rk))
            score = max(score, s)
        if not refs and rank == 0 and ref_chars is not _NO_REFS and len(key) >= 5:
            score = 0.5
        if score < 0.5:
            return None
        return score, text

    # -- published -----------------------------------------------------------

    def _year_hint(self) -> int | None:
        if self.url:
            m = _URL_DATE.search(self.url)
            if m:
                return int(m.group("y"))
            m = _URL_YEAR.search(self.url)
            if m:
                return int(m.group(1))
        for v in self.meta_values(("article:modified_time", "og:updated_time", "lastmodified")):
            fd = parse_date(v)
            if fd:
                return int(fd.iso[:4])
        if self.scan is not None:
            tail = self.scan.text[self.scan.footer : self.scan.footer + 2000]
            years = [int(y) for y in _YEAR.findall(tail)]
            if years:
                return max(years)
        return None

    def _published(self) -> FoundDate | None:
        declared = self._declared_date()
        if declared is not None and declared.has_time:
            return declared
        shown = self._shown_date()
        if declared is not None:
            if shown is not None and shown.day == declared.day and shown.has_time:
                return shown
            return declared
        if shown is not None:
            return shown
        return self._itemprop_date() or self._url_date()

    def _declared_date(self) -> FoundDate | None:
        """JSON-LD, then <meta>, then <time datetime>/itemprop elements."""
        for key in ("datePublished", "dateCreated", "uploadDate"):
            for v in self.ld_values(key):
                fd = parse_date(_ld_str(v))
                if fd:
                    return fd
        for v in self.meta_values(PUBLISHED_META_KEYS):
            fd = parse_date(v)
            if fd:
                return fd
        scan = self.scan
        for el in scan.times if scan is not None else ():
            v = el.get("datetime") or el.get("content") or el.get("data-time")
            if v is None and el.get("pubdate") is not None:
                v = el.text_content()
            fd = parse_date(v) if v else None
            if fd:
                return fd
        return None

    def _itemprop_date(self) -> FoundDate | None:
        """An itemprop=datePublished element outside <head> (checked only as a last resort)."""
        for el in _elements(_ITEMPROP_DATE(self.root)):
            v = el.get("datetime") or el.get("content") or el.text_content()
            fd = parse_date(v) if v else None
            if fd:
                return fd
        return None

    def _shown_date(self) -> FoundDate | None:
        """The date printed near the headline, else after a 发布时间-style cue."""
        scan = self.scan
        if scan is None:
            return None
        hint = self._year_hint()
        # Under the headline, up to the first paragraph of prose: the meta line.
        after = scan.after()
        cut = _first_prose(after)
        for region in (after[:cut], scan.heading()):
            for fd in find_dates(region, hint):
                if _in_meta_line(region, fd.start, fd.end):
                    return fd
        # Past the first paragraph (gallery captions) and above the headline, only a
        # lone date counts: several are a list (a sidebar after a short article).
        for region in (after[cut:], scan.before()):
            lone = _lone_date(region, hint)
            if lone is not None:
                return lone
        # A cue-prefixed date anywhere in the article (blog "发表于 …" footers).
        region = scan.article()
        for m in _DATE_CUE_RE.finditer(region):
            cue = m.group(0).rstrip(" :：@\n\t")
            if cue in GENERIC_DATE_CUES and not _starts_phrase(region, m.start()):
                continue  # 引用日期, 开放时间: a date of something else
            cued = parse_date(region[m.end() : m.end() + 40], hint)
            if cued is not None and cued.start <= 2:
                return cued
        return None

    def _url_date(self) -> FoundDate | None:
        if not self.url:
            return None
        m = _URL_DATE.search(self.url)
        if not m:
            return None
        fd = parse_date(f"{m.group('y')}-{m.group('m')}-{m.group('d')}")
        if fd is None:
            return None
        return FoundDate(fd.iso, m.group(0), 0, 0, False)

    # -- source, author, editor ---------------------------------------------

    def _source(self) -> str | None:
        scan = self.scan
        names = self.site_names
        if scan is not None and scan.anchor is not None:
            v = _source_in(scan.near(), self.source_people)
            if v:
                return v
            v = self._source_element() or self._byline_outlet()
            if v:
                return v
        for v in self.meta_values(SOURCE_META_KEYS):
            v = _cut_value(_collapse(v))
            if _valid_outlet(v) and not any(_norm(v) == _norm(n) for n in names):
                return v
        if scan is not None:
            article = scan.article()
            v = _source_in(article, self.source_people)
            if v:
                return v
            m = _DATELINE_RE.search(scan.near() or article[:600])
            if m and _valid_outlet(m.group("v")):
                outlet = m.group("v")
                # "寶島社" in the dateline of 寶島通訊社's own site: the site's full name.
                site = self.site_names[0] if self.site_names else ""
                if site and outlet != site and _is_abbreviation(outlet, site):
                    return site
                return outlet
        return None

    def _source_element(self) -> str | None:
        """A short class="source"/"where" element on the meta line naming the outlet."""
        scan = self.scan
        if scan is None or scan.anchor is None:
            return None
        lo = scan.anchor[0] - _REGION_BEFORE
        hi = scan.anchor[1] + _REGION_AFTER
        for _el, s, e in scan.spans("src"):
            if s < lo or s > hi or e - s > 40:
                continue
            line = next((ln for ln in scan.text[s:e].split("\n") if ln.strip()), "")
            v = _cut_value(_SOURCE_CUE_PREFIX.sub("", line))
            cued = _SOURCE_CUE_PREFIX.match(line) is not None
            if _valid_outlet(v) and (cued or _is_org(v, ())):
                return v
        return None

    def _byline_outlet(self) -> str | None:
        """The outlet linked beside the reporter in a byline element.

        ``<div class="reporter"><a href="/newspapers/2601">中國時報</a>
        <cite><a rel="author">陳亭均</a></cite>／綜合報導</div>``: the link that is
        not the author's (no rel=author, no <cite>, no /author/ path) names the outlet.
        """
        scan = self.scan
        if scan is None or scan.anchor is None:
            return None
        lo = scan.anchor[0] - _REGION_BEFORE
        hi = scan.anchor[1] + _REGION_AFTER
        for el, s, e in scan.spans("by"):
            if s < lo or s > hi or e - s > _MAX_META_LINE:
                continue
            if not any(a.tag == "cite" or "author" in (a.get("rel") or "") for a in el.iter()):
                continue  # only a byline that marks its author explicitly
            for a in el.iter("a"):
                if "author" in (a.get("rel") or "") or _PERSON_HREF.search(a.get("href") or ""):
                    continue
                if any(p.tag == "cite" for p in a.iterancestors()):
                    continue
                v = _collapse(a.text_content())
                if not (2 <= len(v) <= _MAX_OUTLET_LINK) or not _CJK_RE.search(v):
                    continue
                if _valid_outlet(v) and not _valid_person(v, self.site_names, strict=True):
                    return v
        return None

    def _authors(self) -> tuple[str, ...]:
        return self._find_authors()

    def _find_authors(self) -> tuple[str, ...]:
        names = self.site_names
        for v in self.ld_values("author"):
            people = [p for raw in _ld_people(v) for p in _split_declared(raw, names)]
            if people:
                return tuple(dict.fromkeys(people))
        for v in self.meta_values(AUTHOR_META_KEYS):
            people = _split_declared(v, names)
            if people:
                return tuple(people)
        scan = self.scan
        if scan is None:
            return ()
        near = scan.near()
        for region in (near, scan.article()):
            people = _cued_names(region, names)
            if people:
                return tuple(people)
            if region is near:
                people = self._byline_elements() or _bare_names(scan.after(), names)
                if people:
                    return tuple(people)
                for m in _PHOTO_RE.finditer(region):
                    people = _names_at(region, m.end(), names, strict=False)
                    if people:
                        return tuple(people)
        article = scan.article()
        people = _name_line(article, self.title or "", names)
        if people:
            return tuple(people)
        for rx in _FORUM_RES:
            for m in rx.finditer(article):
                people = _names_at(m.group("v") + " ", 0, names, strict=False)
                if people:
                    return tuple(people)
        for m in _POSTED_RE.finditer(article):
            # "ggjjzhzz 发表于 2005-9-15": the handle right before the cue.
            before = _LAST_TOKEN.search(article, max(0, m.start() - 24), m.start())
            if before:
                people = _names_at(before.group(1) + " ", 0, names, strict=False)
                if people:
                    return tuple(people)
        for m in _TRAILER_NAMES_RE.finditer(article):
            # "…过一个平安的新春佳节。（常书香 马丹阳）" closing the paragraph.
            end = article.find("\n", m.end(), m.end() + 40)
            if end < 0 and m.end() + 40 < len(article):
                continue
            rest = article[m.end() : end if end >= 0 else len(article)]
            if not _TRAILER_REST.match(rest):
                continue
            people = _names_at(article, m.end(), names, strict=True)
            if people:
                return tuple(people)
        return ()

    def _site_owner(self) -> tuple[str, ...]:
        """A personal site's owner, from the footer's copyright line (blogs)."""
        scan = self.scan
        if scan is None:
            return ()
        footer = scan.text[scan.footer : scan.footer + _FOOTER_SPAN]
        return tuple(_copyright_holder(footer, self.site_names)[:1])

    def _byline_elements(self) -> list[str]:
        """Names in class="author"/rel=author elements on the meta line."""
        scan = self.scan
        if scan is None:
            return []
        lo = scan.anchor[0] - _REGION_BEFORE if scan.anchor else 0
        hi = scan.anchor[1] + _REGION_AFTER if scan.anchor else scan.footer
        # Not past the first paragraph of prose: a name after it belongs to a
        # comment or an answer (Q&A pages), not to the article.
        begin = scan.anchor[1] if scan.anchor else 0
        hi = min(hi, begin + _first_prose(scan.text[begin:hi]))
        for el, s, e in scan.spans("by"):
            if s < lo or s > hi or e - s > 60:
                continue
            text = scan.text[s:e].strip()
            m = _REPORTER_RE.match(text) or _WRITER_RE.match(text)
            pos = m.end() if m else 0
            declared = m is not None or "author" in (el.get("rel") or "") + (
                el.get("itemprop") or ""
            )
            people = _names_at(text, pos, self.site_names, strict=not declared)
            if people:
                return people
        return []

    def _editor(self) -> str | None:
        scan = self.scan
        if scan is not None:
            region = scan.article()
            best: tuple[int, int, str] | None = None  # (cue strength, position, names)
            for m in _EDITOR_RE.finditer(region):
                if m.start() and region[m.start() - 1] in "主总總副小":
                    continue  # 主编, 总编辑, 小编: not the article's editor
                strong = EDITOR_CUES.index(m.group("cue")) < 4
                if not strong and ":" not in m.group("sep") and "：" not in m.group("sep"):
                    continue
                window = _STAFF_CODE.sub("", region[m.end() : m.end() + 40])
                people = _names_at(window, 0, self.site_names, strict=False)
                if not people:
                    continue
                cand = (0 if strong else 1, m.start(), "、".join(people[:3]))
                if best is None or cand[:2] < best[:2]:
                    best = cand
                if strong:
                    break
            if best is not None:
                return best[2]
        for v in self.meta_values(EDITOR_META_KEYS):
            people = _split_declared(v, self.site_names)
            if people:
                return people[0]
        return None

    # -- links, language, description ----------------------------------------

    def _canonical(self) -> str | None:
        candidates: list[str] = []
        for link in self.head.links:
            rel = (link.get("rel") or "").lower().split()
            if "canonical" in rel and link.get("href"):
                candidates.append(link.get("href") or "")
        candidates.extend(self.meta_values(("og:url", "twitter:url")))
        for v in self.ld_values("url"):
            s = _ld_str(v)
            if s:
                candidates.append(s)
                break
        for c in candidates:
            c = c.strip()
            if not c or len(c) > _MAX_ATTR or c.lower().startswith(BAD_URL_PREFIXES):
                continue
            resolved = _resolve(c, self.base)
            if not resolved:
                continue
            parts = urlsplit(resolved)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                continue
            if parts.path in ("", "/") and not parts.query:
                continue  # a site's home page is never an article's canonical URL
            return resolved
        return None

    def _lang(self, title: str | None) -> str | None:
        declared = self.root.get("lang") or self.root.get("xml:lang")
        if not declared:
            for v in self.meta_values(LANG_META_KEYS):
                declared = v
                break
        if not declared:
            for v in self.ld_values("inLanguage"):
                declared = _ld_str(v)
                break
        desc = next(iter(self.meta_values(DESCRIPTION_META_KEYS)), "")
        body = self.scan.text[:1500] if self.scan is not None else ""
        return _language(declared, f"{title or ''} {desc}", body)

    def _description(self) -> str | None:
        for v in self.meta_values(DESCRIPTION_META_KEYS):
            v = _collapse(v)
            if v:
                return v[:1000]
        for v in self.ld_values("description"):
            s = _ld_str(v)
            if s:
                return _collapse(s)[:1000]
        return None

    def _keywords(self) -> tuple[str, ...]:
        out: list[str] = []
        values = list(self.meta_values(KEYWORD_META_KEYS))
        for v in self.ld_values("keywords"):
            if isinstance(v, list):
                values.extend(x for x in v if isinstance(x, str))
            elif isinstance(v, str):
                values.append(v)
        for v in values:
            parts = _KEYWORD_SPLIT.split(v)
            if len(parts) == 1 and _CJK_RE.search(v):
                parts = v.split()
            for p in parts:
                p = p.strip(_TRIM)
                if p and len(p) <= 50 and p not in out:
                    out.append(p)
        return tuple(out[:30])

    def _next_page(self) -> str | None:
        current = (self.url or "").split("#")[0]
        for link in self.head.links:
            if "next" in (link.get("rel") or "").lower().split() and link.get("href"):
                r = self._usable_link(link.get("href") or "", current)
                # Blogs also point rel=next at the next post: with a known URL, only
                # a continuation of this page counts.
                if r and (not current or _same_series(r, current)):
                    return r
        links = self.scan.links if self.scan is not None else []
        if current:
            # The page URL with _2/-2 (or the next number): the pager of this very article.
            names = _continuation(current)
            if names:
                for a in links:
                    href = a.get("href") or ""
                    if _names_file(href, names):
                        r = self._usable_link(href, current)
                        if r:
                            return r
        second: str | None = None
        for a in links:
            raw = a.text
            if not raw and len(a) == 1:
                raw = a[0].text  # <a><span>下一页</span></a>
            if not raw or len(raw) > 24:
                continue
            if raw.strip() == "2" and second is None:
                # Page 1 of a pager "1 2 3": the link to page 2, when its URL says so.
                href = a.get("href") or ""
                if _PAGE_TWO.search(href.split("#", 1)[0]):
                    second = self._usable_link(href, current)
                continue
            if not _PAGER_HINT.search(raw):
                continue
            text = _collapse(raw).lower()
            if text in NEXT_PAGE_TEXTS or text.startswith(("下一页", "下一頁")):
                href = a.get("href") or _onclick_url(a.get("onclick"))
                r = self._usable_link(href, current)
                if not r:
                    continue
                if _CJK_RE.match(text):
                    return r
                # "next", "›", "»" also lead to the next post, month or slide:
                # only a link that continues this page's own URL counts.
                if current and _same_series(r, current):
                    return r
        return second

    def _usable_link(self, href: str, current: str) -> str | None:
        href = href.strip()
        if not href or len(href) > _MAX_ATTR or href.lower().startswith(BAD_URL_PREFIXES):
            return None
        r = _resolve(href, self.base)
        if not r or urlsplit(r).scheme not in ("http", "https", ""):
            return None
        if current and r.split("#")[0] == current:
            return None
        return r


# --------------------------------------------------------------------------
# Field helpers that need no page state
# --------------------------------------------------------------------------

_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/_]?(?P<m>0[1-9]|1[0-2])[-/_]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?:[01]\d)?/")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_DATE_CUE_RE = re.compile(
    "(?:"
    + "|".join(re.escape(c) for c in sorted(DATE_CUES, key=len, reverse=True))
    + r")\s*[:：@]?\s*|(?:本贴|本帖)由\S{1,20}?于\s*"
)
_ITEMPROP_DATE = etree.XPath(
    "//*[@itemprop='datePublished' or @itemprop='dateCreated'][not(self::meta)]"
)
_PAGE_TWO = re.compile(r"[_-]2\.\w{2,5}$|[?&](?:page|p|pn|pg)=2(?:&|$)")
_ONCLICK_URL = re.compile(r"""location(?:\.href)?\s*=\s*['"]([^'"]{1,500})['"]""")
_PAGER_HINT = re.compile(r"下|后一|後一|[Nn]ext|NEXT|^\s*(?:›|»|>|>>)\s*$")
_WECHAT_ACCOUNT = etree.XPath("//*[@id='js_name' or @id='profileBt']")
_KEYWORD_SPLIT = re.compile(r"\s*[,，、;；|｜]\s*")
_DECLARED_SPLIT = re.compile(r"\s*(?:[、，,;；/／|｜&＆]|\band\b)\s*")


def _lone_date(region: str, hint: int | None) -> FoundDate | None:
    """The one date of ``region`` on a meta line, or the one date standing on a line
    by itself; None when there are several (a list)."""
    found = [fd for fd in find_dates(region, hint) if _in_meta_line(region, fd.start, fd.end)]
    if len(found) == 1:
        return found[0]
    alone = [fd for fd in found if _DATE_LINE_REST.fullmatch(_line_without(region, fd))]
    return alone[0] if len(alone) == 1 and len(found) <= 3 else None


def _line_without(region: str, fd: FoundDate) -> str:
    """The line of ``fd`` with the date itself removed."""
    start = region.rfind("\n", 0, fd.start) + 1
    end = region.find("\n", fd.end)
    return region[start : fd.start] + region[fd.end : end if end >= 0 else len(region)]


# What may share a line with a date that stands alone: a cue, brackets, blanks.
_DATE_LINE_REST = re.compile(
    r"[\s\[\]【】()（）:：|]*(?:"
    + "|".join(map(re.escape, DATE_CUES))
    + r")?[\s\[\]【】()（）:：|]*"
)


_FOOTER_SPAN = 400  # characters of the footer searched for a copyright holder
_MAX_NAME_LINE = 16  # a bare byline line: up to three names and separators
_MIN_HEADING_LINE = 4
_MIN_PROSE_LINE = 30  # the line under a bare byline: the start of the text
_MAX_HEADING_LINE = 60
_DATE_ONLY = re.compile(r"(?:19|20)\d\d\s*[-/.年]|\d{1,2}:\d\d")
_COPYRIGHT_PERSON = re.compile(
    r"(?:Copyright|COPYRIGHT|版权所有)\s*(?:©|\(c\)|&copy;)?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?[:：]?\s*"
)


def _first_prose(region: str) -> int:
    """Offset of the first line of prose in ``region`` (a sentence of 40+ characters),
    or its length when there is none."""
    pos = 0
    for line in region.split("\n"):
        if len(line) >= 40 and (any(c in line for c in "。！？") or line.count("，") >= 2):
            return pos
        pos += len(line) + 1
    return len(region)


def _in_meta_line(region: str, start: int, end: int) -> bool:
    """Whether ``region[start:end]`` sits on a meta line: short, and not a sentence
    (据介绍，大桥于2023年5月6日开工… is prose)."""
    line_start = region.rfind("\n", 0, start) + 1
    line_end = region.find("\n", end)
    if line_end < 0:
        line_end = len(region)
    if line_end - line_start > _MAX_META_LINE:
        return False
    line = region[line_start:line_end]
    return not any(c in line for c in "。！？") and line.count("，") <= 1


def _split_declared(value: str, site_names: Iterable[str]) -> list[str]:
    """Valid names in a declared author value (meta, JSON-LD): "王明, 人民日报" → [王明]."""
    value = _collapse(value)
    if not value or len(value) > 200 or "://" in value or value.lower().startswith("www."):
        return []
    out: list[str] = []
    for part in _DECLARED_SPLIT.split(value):
        part = _STAFF_CODE.sub("", part).strip(_TRIM)
        if not part:
            continue
        tokens = part.split(" ")
        if len(tokens) > 1 and all(len(t) == 1 and _CJK_RE.match(t) for t in tokens):
            part = "".join(tokens)  # "赵  培"
        names = _names_at(part, 0, site_names, strict=False, whole_line=True)
        if not names:
            names = [part] if _valid_person(part, site_names, strict=False) else []
        for n in names:
            if n not in out:
                out.append(n)
    return out[:10]


def _cued_names(region: str, site_names: list[str]) -> list[str]:
    """Names after 记者/作者/文/通讯员 cues: the first byline and any right after it."""
    first: tuple[int, list[str]] | None = None
    for rx in (_REPORTER_RE, _WRITER_RE):
        for m in rx.finditer(region):
            people = _byline_match(region, m, rx is _REPORTER_RE, site_names)
            if people:
                if first is None or m.start() < first[0]:
                    first = (m.start(), people)
                break
    if first is None:
        return []
    out: list[str] = []
    # Merge bylines on the same or the next lines (记者 A 通讯员 B / 本报实习生 C).
    for rx in (_REPORTER_RE, _WRITER_RE):
        for m in rx.finditer(region, first[0], first[0] + 120):
            for p in _byline_match(region, m, rx is _REPORTER_RE, site_names):
                if p not in out:
                    out.append(p)
    return out or first[1]


def _byline_match(
    region: str, m: re.Match[str], reporter: bool, site_names: list[str]
) -> list[str]:
    """Names after one cue match, or [] when the cue is prose (告诉记者, 经记者查实)."""
    sep = m.group("sep")
    cue = m.group("cue")
    # 文/By must start a phrase and be followed by a separator (not 中文：, Stand by).
    short = not reporter and (len(cue) == 1 or cue.isascii())
    if short and (not sep.strip() or not _starts_phrase(region, m.start())):
        return []
    strict = reporter and not sep
    if strict:
        before = region[m.start() - 1 : m.start()]
        if before and not (before.isspace() or before in _BYLINE_OPENERS):
            return []
    return _names_at(region, m.end(), site_names, strict=strict)


# What may stand right before 记者 in a byline: a line start, a bracket, or an outlet
# name's last character (本报记者, 新华社记者, 中新网记者, 央视台记者).
_BYLINE_OPENERS = frozenset("([（【〔|｜/:：·•□■◆●>》报報社网網台站刊讯訊习生约約席")


def _bare_names(after: str, site_names: list[str]) -> list[str]:
    """A bracketed name on the meta line under the headline: ``2004年7月16日08:19 [ 黄宇 ]``."""
    lines = [ln for ln in after.split("\n")[:6] if ln.strip()]
    for ln in lines[:4]:
        m = _BRACKET_NAME_RE.search(ln)
        if m:
            people = _names_at(ln, m.end(), site_names, strict=True)
            if people and re.match(r"^[^\]】]*[\]】]", ln[m.end() :]):
                return people
    return []


def _name_line(region: str, title: str, site_names: list[str]) -> list[str]:
    """Names alone on a line between a heading-like line and the text.

    Older portals and reposted essays print the byline as a bare name under the
    (repeated) headline: ``我是怎样卷入八九民运的 / 茉莉 / 【看中国…】一九八九年…``.
    Only lines above the first paragraph count; the line above the names must read
    as a heading (short, no sentence punctuation, not a date) and the line below
    as prose.
    """
    end = _first_prose(region)
    next_end = region.find("\n", end + 1)
    lines = region[: next_end if next_end >= 0 else len(region)].split("\n")
    lines = [ln.strip() for ln in lines if ln.strip()]
    for i in range(1, len(lines) - 1):
        line, heading, text = lines[i], lines[i - 1], lines[i + 1]
        if len(line) > _MAX_NAME_LINE or len(text) < _MIN_PROSE_LINE:
            continue
        if not any(c in text for c in "。！？，,"):
            continue
        if not (_MIN_HEADING_LINE <= len(heading) <= _MAX_HEADING_LINE):
            continue
        if any(c in heading for c in "。！？!?，,：:") or _DATE_ONLY.search(heading):
            continue
        # The headline printed again above the text: seen earlier on the page, or
        # in the page's own title.
        if region.find(heading) == region.rfind(heading) and heading not in title:
            continue
        people = _names_at(line, 0, site_names, strict=False, whole_line=True)
        if people and all(_CJK_NAME.match(p) and len(p) <= 4 for p in people):
            return people
    return []


def _copyright_holder(footer: str, site_names: list[str]) -> list[str]:
    """The person a personal site's footer names: ``Copyright © 2005 李建忠``."""
    m = _COPYRIGHT_PERSON.search(footer)
    if not m:
        return []
    return _names_at(footer, m.end(), site_names, strict=True)


def _source_in(region: str, people: list[str] | None = None) -> str | None:
    """The outlet after the first 来源：-style cue in ``region``.

    A value that is plainly a person's name (来源：尹娟) is not an outlet; it is
    added to ``people`` for the author fallback instead.
    """
    if not region:
        return None
    for m in _SOURCE_RE.finditer(region):
        start = m.start()
        if start and not (_starts_phrase(region, start) or region[start - 1].isdigit()):
            continue  # 数据来源, 资金来源: prose, not the article's credit
        v = _cut_value(m.group("v"))
        if not _valid_outlet(v):
            continue
        if _valid_person(v, (), strict=True):
            if people is not None and v not in people:
                people.append(v)
            continue
        return v
    return None


def _continuation(url: str) -> tuple[str, ...]:
    """File names of the next page of a paginated article: ``x.html`` → ``x_2.html`` …"""
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    m = re.match(
        r"^(?P<stem>.*?)(?:(?P<sep>[_-])(?P<n>\d{1,3}))?(?P<ext>\.s?html?|\.php|\.asp)$", name
    )
    if not m or not m.group("stem"):
        return ()
    stem, ext = m.group("stem"), m.group("ext")
    if m.group("n"):
        return (f"{stem}{m.group('sep')}{int(m.group('n')) + 1}{ext}",)
    return (f"{stem}_2{ext}", f"{stem}-2{ext}", f"{stem}_1{ext}")


def _onclick_url(onclick: str | None) -> str:
    """The URL of ``onclick="location.href='…'"`` (pagers built without href)."""
    if not onclick:
        return ""
    m = _ONCLICK_URL.search(onclick[:_MAX_ATTR])
    return m.group(1) if m else ""


def _same_series(url: str, current: str) -> bool:
    """Whether ``url`` is another page of ``current`` (same host, same file stem)."""
    a, b = urlsplit(url), urlsplit(current)
    if a.netloc != b.netloc:
        return False
    stem = re.sub(r"(?:[_-]\d{1,3})?\.\w+$", "", b.path)
    if a.path == b.path:
        return bool(re.search(r"(?:^|&)(?:page|p|pn|pg)=\d", a.query))
    return len(stem) > 1 and a.path.startswith(stem)


def _names_file(href: str, names: tuple[str, ...]) -> bool:
    """Whether ``href`` (query and fragment ignored) ends with one of the file ``names``."""
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path.endswith(names):
        return False
    name = path.rsplit("/", 1)[-1]
    return name in names


def _extend_line(
    lines: list[str], i: int, offsets: list[int], refs: list[tuple[str, str]]
) -> tuple[str, int]:
    """Line ``i`` joined with the next lines while together they still begin a
    declared headline (a headline broken by ``<br>``); returns (text, end offset)."""
    line = lines[i]
    end = offsets[i] + len(line)
    key = _norm(line)
    if len(key) < 4 or not any(rk != key and rk.startswith(key) for _, rk in refs):
        return line, end
    for j in range(i + 1, min(len(lines), i + 4)):
        nxt = lines[j].strip()
        if not nxt:
            continue
        glue = " " if line[-1:].isascii() and nxt[:1].isascii() else ""
        joined = line.rstrip() + glue + nxt
        jkey = _norm(joined)
        if not any(rk.startswith(jkey) for _, rk in refs):
            break
        line, end = joined, offsets[j] + len(lines[j])
    return line, end


def _cut_display(text: str, key: str) -> str:
    """The part of ``text`` whose comparison key is ``key`` (a trailing fragment)."""
    for i in range(len(text)):
        if _norm(text[i:]) == key:
            return text[i:].strip()
    return text


# --------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------

# Characters that exist only in simplified or only in traditional script.
_SIMPLIFIED_ONLY = frozenset(
    "这个们来时为说国对会过还后发经么没动现当进见从点关开实问"
    "长东与车门马书写处头专业两样电话让认论间应华网务产报记单"
    "总边组织级区习际传"
)
_TRADITIONAL_ONLY = frozenset(
    "這個們來時為說國對會過還後發經麼沒動現當進見從點關開實問"
    "長東與車門馬書寫處頭專業兩樣電話讓認論間應華網務產報記單"
    "總邊組織級區習際傳"
)
_SIMPLIFIED_RE = re.compile("[" + "".join(sorted(_SIMPLIFIED_ONLY)) + "]")
_TRADITIONAL_RE = re.compile("[" + "".join(sorted(_TRADITIONAL_ONLY)) + "]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def _language(declared: str | None, head: str, body: str) -> str | None:
    """BCP 47 tag: Chinese as zh-Hans/zh-Hant (script from the text when unclear).

    ``head`` (headline and summary) outweighs ``body``, whose first lines are
    often an English navigation bar or code.
    """
    tag = (declared or "").strip().replace("_", "-")
    if tag and not _LANG_RE.match(tag):
        tag = ""
    low = tag.lower()
    sample = f"{head} {body}"[:4000]
    han = len(_CJK_RE.findall(sample))
    kana = len(_KANA.findall(sample))
    if low.startswith(("ja", "ko")) or kana > max(5, han // 5):
        return _format_tag(tag) if low.startswith(("ja", "ko")) else "ja"
    letters = han + kana + len(_LATIN.findall(sample)) or 1
    head_han = len(_CJK_RE.findall(head))
    head_letters = head_han + len(_LATIN.findall(head)) or 1
    chinese = (han >= 20 and han / letters > 0.3) or (
        head_han >= 4 and head_han / head_letters > 0.3
    )
    if low.startswith("zh") or chinese:
        if "hant" in low or low in ("zh-tw", "zh-hk", "zh-mo"):
            return "zh-Hant"
        if "hans" in low or low in ("zh-cn", "zh-sg", "zh-my"):
            return "zh-Hans"
        return f"zh-{_script(sample)}"
    if tag:
        return _format_tag(tag)
    if len(_HANGUL.findall(sample)) > 20:
        return "ko"
    return None


def _format_tag(tag: str) -> str:
    parts = tag.split("-")
    return "-".join([parts[0].lower(), *[p.upper() if len(p) == 2 else p for p in parts[1:]]])


def _script(sample: str) -> str:
    simp = len(_SIMPLIFIED_RE.findall(sample))
    trad = len(_TRADITIONAL_RE.findall(sample))
    return "Hant" if trad > simp else "Hans"
