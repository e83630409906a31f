"""People and outlets: reading bylines, and telling a name from an organisation.

:func:`_names_at` reads the names of a byline token by token; :func:`_valid_person`
and :func:`_is_org` decide whether a token is a person, an outlet or a
placeholder (新华网, 系统管理员 and 台北報導 are never people);
:func:`_valid_outlet` and :func:`_source_in` read a 来源 value. The cue patterns
(记者, 作者, 文/, 摄影, 责任编辑, 来源) are compiled from the cue tables in
:mod:`cleanser.vocabulary.people`, and so are the patterns of the fall-backs
for pages without cues (a bare name line under the headline, forum "由 X 发表",
a blog's copyright holder); the readers here apply them.

These are separate from :mod:`cleanser.meta.fields` because they take a region of
text and the site's names, never the page: the same readers serve the meta line,
the article's trailer, ``<meta name="author">`` and JSON-LD authors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleanser.meta.dates import parse_date
from cleanser.meta.pagetext import _first_prose
from cleanser.meta.util import _collapse, _norm
from cleanser.vocabulary import (
    BRACKET_NAME_RE,
    BYLINE_OPENERS,
    BYLINE_TAILS,
    CLAUSE_END,
    COMPOUND_SURNAMES,
    COPYRIGHT_PERSON_RE,
    DATELINE_TAIL_RE,
    DECLARED_SPLIT_RE,
    GLUED_TAIL_RE,
    HAN_NAME_RE,
    HAN_RE,
    JUNK_PEOPLE,
    KNOWN_OUTLETS,
    LATIN_HANDLE_RE,
    LATIN_PERSON_RE,
    MAX_HEADING_LINE,
    MAX_NAME_LINE,
    MIN_HEADING_LINE,
    MIN_PROSE_LINE,
    NAME_END,
    NAME_ENDINGS,
    NAME_SEP_RE,
    NAME_TOKEN_RE,
    NAME_TRIM,
    NEXT_CREDIT_RE,
    NOT_NAME_WORDS,
    ORG_FINALS,
    ORG_FINALS_WEAK,
    ORG_MARKERS,
    PADDED_NAME_RE,
    PEN_NAME_AMP_RE,
    PEOPLE_CUE_STOPS,
    PHRASE_OPENERS,
    REPORTER_RE,
    SOURCE_RE,
    STAFF_CODE_RE,
    SURNAMES,
    VALUE_STOP_RE,
    WRITER_RE,
    YEAR_OR_CLOCK_RE,
)

# --------------------------------------------------------------------------
# Names and organisations
# --------------------------------------------------------------------------


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
            return len(name) >= 4 and bool(HAN_RE.match(name))
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
    if HAN_RE.search(name):
        core = re.sub(r"\s*[\(（][^)）]*[\)）]\s*", "", name).replace(" ", "")
        core = PEN_NAME_AMP_RE.sub("", core)  # 放飞&心情: one pen name
        if not HAN_NAME_RE.match(core):
            return False
        if strict:
            return 2 <= len(core) <= 4 and (core[0] in SURNAMES or core[:2] in COMPOUND_SURNAMES)
        return True
    if strict:
        return False
    return bool(LATIN_HANDLE_RE.match(name) or LATIN_PERSON_RE.match(name))


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
        if token.endswith(tail) and len(token) > (3 if tail in NAME_ENDINGS else len(tail)):
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
    line = PADDED_NAME_RE.sub(r"\1\2", line)
    stop = VALUE_STOP_RE.search(line, 1)
    seg = line[: stop.start()] if stop else line
    if stop and stop.group(0) in PEOPLE_CUE_STOPS:
        # "余毅菁 向雪妮 南都记者…": a run glued to the next 记者 names its outlet.
        seg = GLUED_TAIL_RE.sub("", seg)
    names: list[str] = []
    n = len(seg)
    i = 0
    while i < n and seg[i] in " \t":
        i += 1
    last_end = i
    while len(names) < 10:
        m = NAME_TOKEN_RE.match(seg, i)
        if not m:
            break
        token, had_tail = _strip_tail(m.group("n"))
        token = _split_ampersand(token, names, site_names)
        j = m.end()
        if j < n and seg[j] not in NAME_END and not had_tail:
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
        sep = NAME_SEP_RE.match(seg, j)
        if not sep:
            break
        i = sep.end()
    if whole_line and names and line[last_end:].strip(NAME_TRIM):
        return []
    return names


def _split_dateline(run: str, seg: str, j: int) -> str | None:
    """The name in "陳冠宇台中" when "15日電" follows (name, then a 2–3 character place)."""
    if not DATELINE_TAIL_RE.match(seg, j):
        return None
    place = 3 if run[-1:] in "縣县市區区鎮镇" and len(run) >= 5 else 2
    name = run[:-place]
    return name if 2 <= len(name) <= 3 else None


# --------------------------------------------------------------------------
# Cue patterns
# --------------------------------------------------------------------------


def _starts_phrase(region: str, pos: int) -> bool:
    """Whether ``region[pos]`` begins a phrase (line start, space, bracket, colon …)."""
    return pos == 0 or region[pos - 1].isspace() or region[pos - 1] in PHRASE_OPENERS


def _cut_value(value: str) -> str:
    """A cue's value up to the next cue word, date or unbalanced bracket."""
    m = VALUE_STOP_RE.search(value, 1)
    if m:
        value = value[: m.start()]
    for opener, closer in (("(", ")"), ("（", "）")):
        k = value.find(opener)
        if k > 0 and closer not in value[k:]:
            value = value[:k]
    return value.strip(NAME_TRIM)


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
# Bylines and 来源 in a region of text
# --------------------------------------------------------------------------


def _split_declared(value: str, site_names: Iterable[str]) -> list[str]:
    """Valid names in a declared author value (meta, JSON-LD): "王明, 人民日报" → [王明]."""
    value = _collapse(value)
    if not value or len(value) > 200 or "://" in value or value.lower().startswith("www."):
        return []
    out: list[str] = []
    for part in DECLARED_SPLIT_RE.split(value):
        part = STAFF_CODE_RE.sub("", part).strip(NAME_TRIM)
        if not part:
            continue
        tokens = part.split(" ")
        if len(tokens) > 1 and all(len(t) == 1 and HAN_RE.match(t) for t in tokens):
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
    for rx in (REPORTER_RE, WRITER_RE):
        for m in rx.finditer(region):
            people = _byline_match(region, m, rx is REPORTER_RE, site_names)
            if people:
                if first is None or m.start() < first[0]:
                    first = (m.start(), people)
                break
    if first is None:
        return []
    out: list[str] = []
    # Merge bylines on the same or the next lines (记者 A 通讯员 B / 本报实习生 C).
    for rx in (REPORTER_RE, WRITER_RE):
        for m in rx.finditer(region, first[0], first[0] + 120):
            for p in _byline_match(region, m, rx is REPORTER_RE, site_names):
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
        if before and not (before.isspace() or before in BYLINE_OPENERS):
            return []
    people = _names_at(region, m.end(), site_names, strict=strict)
    if people and strict and _ends_clause(region, m.end(), people[-1]):
        return []  # "…采写人为该报记者李青春。": a reporter named in a sentence
    return people


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
    if k >= len(region) or region[k] not in CLAUSE_END:
        return False
    return region[k] not in "，," or NEXT_CREDIT_RE.match(region, k + 1) is None


def _bare_names(after: str, site_names: list[str]) -> list[str]:
    """A bracketed name on the meta line under the headline: ``2004年7月16日08:19 [ 黄宇 ]``."""
    lines = [ln for ln in after.split("\n")[:6] if ln.strip()]
    for ln in lines[:4]:
        m = BRACKET_NAME_RE.search(ln)
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
        if len(line) > MAX_NAME_LINE or len(text) < MIN_PROSE_LINE:
            continue
        if not any(c in text for c in "。！？，,"):
            continue
        if not (MIN_HEADING_LINE <= len(heading) <= MAX_HEADING_LINE):
            continue
        if any(c in heading for c in "。！？!?，,：:") or YEAR_OR_CLOCK_RE.search(heading):
            continue
        # The headline printed again above the text: seen earlier on the page, or
        # in the page's own title.
        if region.find(heading) == region.rfind(heading) and heading not in title:
            continue
        people = _names_at(line, 0, site_names, strict=False, whole_line=True)
        if people and all(HAN_NAME_RE.match(p) and len(p) <= 4 for p in people):
            return people
    return []


def _copyright_holder(footer: str, site_names: list[str]) -> list[str]:
    """The person a personal site's footer names: ``Copyright © 2005 李建忠``."""
    m = COPYRIGHT_PERSON_RE.search(footer)
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
    for m in SOURCE_RE.finditer(region):
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
