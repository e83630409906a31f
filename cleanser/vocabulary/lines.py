"""Line patterns: whole lines that end the article, carry metadata or belong to forums.

Each pattern is kept as source text (``*_PATTERN``) beside its compiled form (``*_RE``),
so a test or a report can show the rule as written.
"""

from __future__ import annotations

import re

from cleanser.vocabulary.chars import HAN

# Token tables read best as compact rows.
# fmt: off

# URL fragments of forum, thread and Q&A pages, where every post and answer is content.
FORUM_URL_PATTERN = (
    r"bbs|forum|thread|topic|/t/|/d/\d|discuss|zhidao|/question|tieba|/faq/|/ask|answer|weibo\.com"
)
# Lines that only forum/Q&A layouts have (floor numbers, reply counters, accepted answers).
# (Reply and like counters, and bare "#3" numbers, are left out: news and blog
# comment widgets have them too.)
# (A floor label is a whole line; the words may stand anywhere in one.)
FORUM_LINE_WHOLE_PATTERN = r"^(楼主|樓主|沙发|沙發|板凳|地板|#?\d+\s*[楼樓])$"
FORUM_LINE_WORDS = ("只看该作者", "只看該作者", "个回答", "個回答", "最佳答案", "采纳率", "楼主")
FORUM_LINE_PATTERN = FORUM_LINE_WHOLE_PATTERN + "|" + "|".join(FORUM_LINE_WORDS)
# How a question title ends: on threads only a question's title is kept as text (the
# corpus's Q&A convention: "the question title is kept; a thread's subject is left out").
QUESTION_ENDINGS = ("？", "?", "吗", "嗎", "呢")
# A page with at least this many forum lines is a thread even without a forum URL.
FORUM_MIN_LINES = 6

# Lines after which the article is over (editor trailers, error-report links).
TERMINATOR_PATTERNS = (
    r"^[\(（【\[]?\s*(责任编辑|責任編輯|责编|責編|编辑|編輯|值班编辑|审核|校对|监制)\s*[:：|｜]",
    r"^【纠错】", r"^【糾錯】", r"^\[纠错\]", r"^返回.{0,10}查看更多",
    r"^(本文|文章|新闻|新聞|稿件|信息)?(来源|來源|稿源|出处|出處)(于|於)?\s*[:：]",
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
# FORUM_LINE_RE in its two parts, which find the same lines: the whole-line labels,
# matched at the start once, and the words, searched (the engine skips in C to a word's
# first character; the whole alternation tried the anchored part at every character).
FORUM_LINE_WHOLE_RE = re.compile(FORUM_LINE_WHOLE_PATTERN)
FORUM_LINE_WORD_RE = re.compile("|".join(FORUM_LINE_WORDS))
# Forum chrome inside posts: counters, floor labels, edit notes, action rows.
FORUM_CHROME_PATTERN = (
    r"^(主题|帖子|积分|楼主|沙发|板凳|地板|\d+\s*楼|#\d+楼?|回复|引用|举报|只看该作者|电梯直达)$|"
    r"发表于|只看该作者|^查看\s*[:：]|^本帖最后由|^\d+\s*(赞同|条评论|人赞同)|^赞同\s*\d*|收起$|"
    r"^编辑于|^发布于|"
    # Q&A answer chrome (zhidao, zhihu): vote buttons and prompts, answerer stats,
    # sponsor notes, app prompts and the report dialog.
    r"你对这个回答的评价是|已赞过|已踩过|抢首赞|采纳数\s*[:：]|获赞数\s*[:：]|^本回答由|"
    r"^评论\s*[(（]\d+[)）]$|下载.{0,6}APP|使用.{0,6}APP|侵权投诉|违法有害信息|"
    r"涉嫌违法犯罪|信息不实$"
)
FORUM_CHROME_RE = re.compile(FORUM_CHROME_PATTERN)

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
    r"^原[创創]\s*[:：]?\s*\S|"
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
# TERMINATOR_RE in two parts that find the same lines: the patterns anchored at the line's
# start, tried there once (``match``), and the others, searched. (A search of the whole
# alternation tries every anchored pattern at every character: 3 µs a line.)
TERMINATOR_START_RE = re.compile("|".join(p for p in TERMINATOR_PATTERNS if p.startswith("^")))
# (When every pattern is anchored the searched part is NEVER_PATTERN, which matches
# nothing: an empty alternation would match every line.)
NEVER_PATTERN = r"(?!)"
TERMINATOR_ANYWHERE_RE = re.compile(
    "|".join(p for p in TERMINATOR_PATTERNS if not p.startswith("^")) or NEVER_PATTERN
)
META_DATE_RE = re.compile(META_LINE_PATTERNS[0])
META_FIELD_RE = re.compile(META_LINE_PATTERNS[1])
