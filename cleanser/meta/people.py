"""People and outlets: reading bylines, and telling a name from an organisation.

:func:`_names_at` reads the names of a byline token by token; :func:`_valid_person`
and :func:`_is_org` decide whether a token is a person, an outlet or a
placeholder (新华网, 系统管理员 and 台北報導 are never people);
:func:`_valid_outlet` and :func:`_source_in` read a 来源 value. The cue patterns
(记者, 作者, 文/, 摄影, 责任编辑, 来源) are compiled here from the cue tables in
:mod:`cleanser.vocabulary`, and so are the fall-backs for pages without cues
(a bare name line under the headline, forum "由 X 发表", a blog's copyright
holder).

These are separate from :mod:`cleanser.meta.fields` because they take a region of
text and the site's names, never the page: the same readers serve the meta line,
the article's trailer, ``<meta name="author">`` and JSON-LD authors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleanser.meta.dates import parse_date
from cleanser.meta.pagetext import _YEAR_OR_CLOCK, _first_prose
from cleanser.meta.util import _CJK, _CJK_RE, _collapse, _norm
from cleanser.vocabulary import (
    BYLINE_TAILS,
    COMPOUND_SURNAMES,
    EDITOR_CUES,
    JUNK_PEOPLE,
    KNOWN_OUTLETS,
    NOT_NAME_WORDS,
    ORG_FINALS,
    ORG_FINALS_WEAK,
    ORG_MARKERS,
    PHOTO_CUES,
    REPORTER_CUES,
    SOURCE_CUES,
    SURNAMES,
    WRITER_CUES,
)

# --------------------------------------------------------------------------
# Names and organisations
# --------------------------------------------------------------------------

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
    f"(?P<n>[{_CJK}][{_CJK}·•]{{1,7}}(?:[&＆][{_CJK}]{{1,6}})?|[A-Za-z][A-Za-z0-9_.\\-]{{1,19}}"
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
        core = _PEN_NAME_AMP.sub("", core)  # 放飞&心情: one pen name
        if not _CJK_NAME.match(core):
            return False
        if strict:
            return 2 <= len(core) <= 4 and (core[0] in SURNAMES or core[:2] in COMPOUND_SURNAMES)
        return True
    if strict:
        return False
    return bool(_LATIN_HANDLE.match(name) or _LATIN_PERSON.match(name))


# "&" between two CJK characters inside one token (a pen name such as 放飞&心情).
_PEN_NAME_AMP = re.compile(f"(?<=[{_CJK}])[&＆](?=[{_CJK}])")


def _split_ampersand(token: str, names: list[str], site_names: Iterable[str]) -> str:
    """``胡一刀&李小飞刀`` is two people, ``放飞&心情`` one pen name.

    An ampersand glued between two CJK runs separates names only when every
    part reads as a person's name on its own (2–4 characters from a common
    surname); otherwise it belongs to the name. The parts before the last are
    added to ``names``; the last (or the whole pen name) is returned.
    """
    parts = re.split("[&＆]", token)
    if len(parts) < 2 or not all(_valid_person(p, site_names, strict=True) for p in parts):
        return token
    for p in parts[:-1]:
        if p not in names:
            names.append(p)
    return parts[-1]


def _strip_tail(token: str) -> tuple[str, bool]:
    """``token`` without a trailing 报道/摄/文 …, and whether one was removed."""
    for tail in BYLINE_TAILS:
        # 文 glued to a three-character run is more often the given name's last
        # character (王乐文) than a credit (王乐 文); 摄/图/电 are not name characters.
        if token.endswith(tail) and len(token) > (3 if tail in _NAME_ENDINGS else len(tail)):
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
    # "王乐文  方  敏": two-character names padded to three characters' width.
    line = _PADDED_NAME.sub(r"\1\2", line)
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
        token = _split_ampersand(token, names, site_names)
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
_PADDED_NAME = re.compile(f"(?<![{_CJK}])([{_CJK}])[ \t]{{1,3}}([{_CJK}])(?![{_CJK}])")
_NAME_ENDINGS = frozenset(("文",))  # credit tails that are also common name endings
_GLUED_TAIL = re.compile(f"(?:(?<=[\\s、，,/／])|^)[{_CJK}]+$")


def _split_dateline(run: str, seg: str, j: int) -> str | None:
    """The name in "陳冠宇台中" when "15日電" follows (name, then a 2–3 character place)."""
    if not _DATELINE_TAIL.match(seg, j):
        return None
    place = 3 if run[-1:] in "縣县市區区鎮镇" and len(run) >= 5 else 2
    name = run[:-place]
    return name if 2 <= len(name) <= 3 else None


_DATELINE_TAIL = re.compile(r"\d{1,2}日\s*[电電]")


# --------------------------------------------------------------------------
# Cue patterns
# --------------------------------------------------------------------------


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


# Link paths of a person's own page (/author/…, /u/…): such a link names a person.
_PERSON_HREF = re.compile(r"/(?:author|reporter|writer|user|member|people|u|space)s?/", re.I)


# --------------------------------------------------------------------------
# Bylines and 来源 in a region of text
# --------------------------------------------------------------------------

# "&" glued between two CJK runs is left to _names_at (a pen name or two names).
_DECLARED_SPLIT = re.compile(
    f"\\s*(?:[、，,;；/／|｜]|(?<![{_CJK}])[&＆]|[&＆](?![{_CJK}])|\\band\\b)\\s*"
)

_MAX_NAME_LINE = 16  # a bare byline line: up to three names and separators
_MIN_HEADING_LINE = 4  # the line above it: the headline printed again
_MIN_PROSE_LINE = 30  # the line under a bare byline: the start of the text
_MAX_HEADING_LINE = 60  # (a longer line above it is text, not a headline)

_COPYRIGHT_PERSON = re.compile(
    r"(?:Copyright|COPYRIGHT|版权所有)\s*(?:©|\(c\)|&copy;)?\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?[:：]?\s*"
)


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
    people = _names_at(region, m.end(), site_names, strict=strict)
    if people and strict and _ends_clause(region, m.end(), people[-1]):
        return []  # "…采写人为该报记者李青春。": a reporter named in a sentence
    return people


# Punctuation that ends a clause of prose (a byline ends with the line, a bracket,
# a space or the next credit, never with a full stop or a comma of a sentence).
_CLAUSE_END = frozenset("。；！？!?;，,")
_NEXT_CREDIT = re.compile(
    r"[ \t]*(?:记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影|编辑|編輯|报道|報導)"
)


def _ends_clause(region: str, start: int, last: str) -> bool:
    """Whether the names read from ``region[start:]`` are followed by clause punctuation.

    A glued cue (记者李青春) inside a sentence is a reporter the article talks
    about; ``（记者 张三）``, ``记者张三 报道`` or ``记者张三，通讯员李四`` stay bylines.
    """
    k = region.find(last, start, start + 120)
    if k < 0:
        return False
    k += len(last)
    while k < len(region) and region[k] in " \t":
        k += 1
    if k >= len(region) or region[k] not in _CLAUSE_END:
        return False
    return region[k] not in "，," or _NEXT_CREDIT.match(region, k + 1) is None


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
        if any(c in heading for c in "。！？!?，,：:") or _YEAR_OR_CLOCK.search(heading):
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
