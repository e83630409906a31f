"""Bylines, outlets and names: cues, role words, organisation markers, surnames.

Read by cleanser.meta.people and byline to find who wrote, edited and published an
article, and to tell a person from an outlet or a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleanser.vocabulary.chars import HAN

# Token tables read best as compact rows.
# fmt: off

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
    "发表", "發表",
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

# ---- read by cleanser.meta.people and byline: names, bylines and 来源 in text ----


def _cue_pattern(cues: Iterable[str], *, sep: str) -> re.Pattern[str]:
    """A cue word and its separator. The pattern starts with the literal cues so
    that ``re`` can skip ahead quickly; context checks are done by the caller."""
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile("(?P<cue>" + alt + ")" + sep)


# A whole Han name once brackets are dropped: 2-6 characters, · and • joining transliterations.
HAN_NAME_RE = re.compile(f"^[{HAN}][{HAN}·•]{{1,5}}$")
# A Latin user handle (forum and blog accounts): a letter, then up to 19 more.
LATIN_HANDLE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]{1,19}$")
# A Latin personal name: one to four capitalised words (John Smith).
LATIN_PERSON_RE = re.compile(r"^[A-Z][a-zA-Z.\-']+(?: [A-Z][a-zA-Z.\-']+){0,3}$")
# A staff code printed after a name (王明(SN012), wm001): cut before names are read.
STAFF_CODE_RE = re.compile(
    r"[_\s]*[\(（\[【]\s*[A-Za-z]{0,5}\d{2,}\s*[\)）\]】]|[_\s]*[A-Za-z]{1,5}\d{2,}"
)
# Characters stripped from both ends of a name or a cue's value: spaces, brackets, quotes, bullets.
NAME_TRIM = " \t\n:：|｜/／\\[]【】()（）<>《》〈〉「」『』\"'“”‘’,，.。;；·•-—_=*□■◆●○★☆~"
# One name in a byline: a CJK run (maybe with a Latin name in brackets after it),
# or a Latin handle/name.
NAME_TOKEN_RE = re.compile(
    f"(?P<n>[{HAN}][{HAN}·•]{{1,7}}(?:[&＆][{HAN}]{{1,6}})?|[A-Za-z][A-Za-z0-9_.\\-]{{1,19}}"
    r"(?: [A-Z][a-zA-Z.\-']+){0,2})"
    r"(?P<latin>\s*[（(][A-Za-z][A-Za-z .'\-]{1,30}[)）])?"
)
# Between two names of one byline (never a line break).
NAME_SEP_RE = re.compile(r"[ \t]*(?:[、，,/／&＆;；]|和|及|與|与)[ \t]*|[ \t]+")
# What may follow the last name of a byline.
NAME_END = frozenset(" \t\n)）]】」』>》|｜/／、，,;；。.!！?？-—~&＆")
# "&" between two CJK characters inside one token (a pen name such as 放飞&心情).
PEN_NAME_AMP_RE = re.compile(f"(?<=[{HAN}])[&＆](?=[{HAN}])")
# Stop words that open the next byline; a run glued to them is an outlet or a role.
PEOPLE_CUE_STOPS = frozenset(("记者", "記者", "作者", "通讯员", "通訊員", "摄影", "攝影"))
# Two single Han characters spaced apart (王  明): one name padded to a fixed width.
PADDED_NAME_RE = re.compile(f"(?<![{HAN}])([{HAN}])[ \t]{{1,3}}([{HAN}])(?![{HAN}])")
NAME_ENDINGS = frozenset(("文",))  # credit tails that are also common name endings
# A Han run closing a byline segment: the name with a credit tail glued on (王明摄).
GLUED_TAIL_RE = re.compile(f"(?:(?<=[\\s、，,/／])|^)[{HAN}]+$")
# The date of a dateline right after a name and its place (陳冠宇台中15日電).
DATELINE_TAIL_RE = re.compile(r"\d{1,2}日\s*[电電]")
# Characters after which a one-character cue (文/…) or 来源 starts a new phrase.
PHRASE_OPENERS = frozenset("[【(（〔|｜丨:：·•,，。;；>》]】)）")
# 记者/通讯员: colon, slash or spaces optional (本报记者王明, 记者 王明, 记者：王明).
REPORTER_RE = _cue_pattern(
    REPORTER_CUES, sep=r"(?P<sep>[ \t]*[:：][ \t\n]*|[ \t]*[/／|｜丨][ \t]*|[ \t]*)"
)
# 作者/文/By: a separator is required (文/王明, 作者：王明, 作者 王明).
WRITER_RE = _cue_pattern(
    WRITER_CUES, sep=r"(?P<sep>[ \t]*[:：][ \t\n]*|[ \t]*[/／|｜丨][ \t]*|[ \t]+(?=\S))"
)
# 摄影/图片 and a separator: a photographer's credit (摄影：王明).
PHOTO_RE = re.compile(
    "(?P<cue>" + "|".join(map(re.escape, PHOTO_CUES)) + r")(?P<sep>[ \t]*[:：/／][ \t]*)"
)
# The opening bracket of a bare name on the meta line ([ 黄宇 ]).
BRACKET_NAME_RE = re.compile(r"[\[【]\s*(?=\S)")
# A forum post's author: 本帖由 X 于, 由 X 发表, a date then "by X".
FORUM_POSTER_RES = (
    re.compile(r"(?:本贴|本帖|本文)由\s*(?P<v>[^\s于於]{2,20}?)\s*(?:于|於)"),
    re.compile(r"由\s*(?P<v>[^\s由]{2,20}?)\s*(?:张贴|張貼|发表|發表)"),
    re.compile(r"\d\s+by\s+(?P<v>[^\s〓|]{2,20})"),
)
# 发表于 (posted at): a forum or blog post's poster stands just before it.
POSTED_RE = re.compile(r"发表于|發表於")
# The last token before a cue (the poster's name before 发表于).
LAST_TOKEN_RE = re.compile(r"(?:^|(?<=\s))([^\s:：|]{2,20})[ \t]+$")
# The rest of an article's trailer after its bracket: only names, then the closing bracket.
TRAILER_REST_RE = re.compile(f"[{HAN}\\s、，,]+[)）]\\s*$")
# An article's closing sentence, then a bracket opening a name list (…。（王明 李华）).
TRAILER_NAMES_RE = re.compile(r"[。！？!?”\"」]\s*[（(]\s*(?=[" + HAN + r"])")
# A 来源 cue, a colon and the outlet it credits (来源：新华网).
SOURCE_RE = re.compile(
    r"(?:"
    + "|".join(re.escape(c) for c in sorted(SOURCE_CUES, key=len, reverse=True))
    + r")\s*[:：]\s*[\[【(（]?\s*(?P<v>[^\s\]】)）|｜,，;；。]{2,40})"
)
# "新华社北京7月14日电", "中央社 澎湖縣28日電": the outlet opening a dateline.
DATELINE_OUTLET_RE = re.compile(
    f"(?:^|(?<=[\\s(（【\\[\\d]))(?P<v>[{HAN}A-Za-z]{{2,10}}?(?:社|网|網|报|報|台|新闻|新聞))\\s*"
    f"[{HAN}]{{0,8}}?\\s*(?:\\d{{1,2}}月)?\\d{{1,2}}日\\s*(?:电|電|讯|訊)"
)
# A 来源 cue opening a line (its colon optional): cut to read the outlet.
SOURCE_CUE_PREFIX_RE = re.compile(
    r"^\s*(?:"
    + "|".join(map(re.escape, sorted(SOURCE_CUES, key=len, reverse=True)))
    + r")\s*[:：]?\s*"
)
# An editor cue (责任编辑, 编辑) and its separator.
EDITOR_RE = re.compile(
    r"(?P<cue>" + "|".join(re.escape(c) for c in EDITOR_CUES) + r")(?P<sep>\s*[:：]\s*|[ \t]+)"
)
# Where a cue's value ends: the next cue word or a date.
VALUE_STOP_RE = re.compile(
    r"(?:责任编辑|責任編輯|责编|編輯|编辑|作者|記者|记者|来源|來源|时间|時間|日期|发布|發布|"
    r"浏览|瀏覽|阅读|閱讀|点击|點擊|字号|字號|分享|评论|評論|通讯员|通訊員|摄影|攝影|"
    r"(?:19|20)\d\d[-/.年])"
)
# Link paths of a person's own page (/author/…, /u/…): such a link names a person.
PERSON_HREF_RE = re.compile(r"/(?:author|reporter|writer|user|member|people|u|space)s?/", re.I)
# "&" glued between two CJK runs is left to _names_at (a pen name or two names).
DECLARED_SPLIT_RE = re.compile(
    f"\\s*(?:[、，,;；/／|｜]|(?<![{HAN}])[&＆]|[&＆](?![{HAN}])|\\band\\b)\\s*"
)
MAX_NAME_LINE = 16  # a bare byline line: up to three names and separators
MIN_HEADING_LINE = 4  # the line above it: the headline printed again
MIN_PROSE_LINE = 30  # the line under a bare byline: the start of the text
MAX_HEADING_LINE = 60  # (a longer line above it is text, not a headline)
# A copyright line's opening (Copyright © 2009-2012:): a blog's holder follows it.
COPYRIGHT_PERSON_RE = re.compile(
    r"(?:Copyright|COPYRIGHT|版权所有)\s*(?:©|\(c\)|&copy;)?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?[:：]?\s*"
)
# Punctuation that ends a clause of prose (a byline ends with the line, a bracket,
# a space or the next credit, never with a full stop or a comma of a sentence).
CLAUSE_END = frozenset("。；！？!?;，,")
# A credit word right after a comma: the byline goes on (记者张三，通讯员李四).
NEXT_CREDIT_RE = re.compile(
    r"[ \t]*(?:记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影|编辑|編輯|报道|報導)"
)
# What may stand right before 记者 in a byline: a line start, a bracket, or an outlet
# name's last character (本报记者, 新华社记者, 中新网记者, 央视台记者).
BYLINE_OPENERS = frozenset("([（【〔|｜/:：·•□■◆●>》报報社网網台站刊讯訊习生约約席")

# ---- read by cleanser.meta.byline ----

MAX_OUTLET_LINK = 12  # an outlet's name linked in a byline is short
FOOTER_SPAN = 400  # characters of the footer searched for a copyright holder
