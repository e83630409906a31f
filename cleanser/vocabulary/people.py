"""Bylines, outlets and names: cues, role words, organisation markers, surnames.

Read by cleanser.meta.people and byline to find who wrote, edited and published an
article, and to tell a person from an outlet or a placeholder.
"""

from __future__ import annotations

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
