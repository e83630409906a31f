"""The hot path's shortcuts give the answers of the plain forms they replace (issue 13).

Each shortcut (a pattern rewritten so the regex engine can skip ahead, a case-folding
search done on a lower-cased ASCII string, an alternation split into its anchored and
unanchored parts, the memo behind the per-string caches) is checked here against the
form it replaced, on generated inputs, so a later edit of the rulebook that breaks the
equivalence fails a test instead of changing results silently.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cleanser import vocabulary as v
from cleanser.body.heuristic import _terminator, tokens_of
from cleanser.body.kinds import measure
from cleanser.body.records import _user_href, find_groups, with_detail
from cleanser.caching import ShortKeyMemo, short_key_cache
from cleanser.meta.pagetext import _kind

from .helpers import features_of

# TIME_RE as it was first written: one alternative per form of a time.
PLAIN_TIME_RE = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}"
    r"|\d{1,2}:\d{2}|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月)前|昨天|前天|刚刚|剛剛"
)
# What times are made of (with full-width and Arabic-Indic digits, which \d matches too).
TIME_ALPHABET = "0123456789１٣ \u3000\t-/.:年月日昨前天刚剛秒分钟鐘小时時周週个個x"
CLASS_ALPHABET = "aAbBdeEhHiIlLmnNorRsStTuUwWzZj-_ 0123456789ſKİ"


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


@given(st.text(TIME_ALPHABET, max_size=24))
def test_time_pattern_finds_what_the_plain_alternation_finds(text: str) -> None:
    assert _span(v.TIME_RE.search(text)) == _span(PLAIN_TIME_RE.search(text))


def test_time_pattern_on_the_forms_it_names() -> None:
    for text in (
        "2024-05-06",
        "发表于 5月6日 12:30",
        "12:30",
        "3 小时前",
        "5分钟前",
        "昨天",
        "刚刚",
    ):
        assert _span(v.TIME_RE.search(text)) == _span(PLAIN_TIME_RE.search(text)) is not None
    assert v.TIME_RE.search("前天下午") and not v.TIME_RE.search("昨日 前面 刚才")


def _plain_kind(name: str) -> str:
    """``pagetext._kind`` as first written: one case-folding search of the name."""
    m = v.CLASS_KIND_RE.search(name)
    if m is None:
        return ""
    if m.group(1):
        return "h"
    if m.group(2):
        low = name.lower()
        return "" if ("comment" in low or "editor" in low or "reply" in low) else "by"
    return "src"


@given(st.text(CLASS_ALPHABET, max_size=30) | st.sampled_from(v.BYLINE_CLASS_WORDS))
def test_class_kind_matches_the_case_folding_search(name: str) -> None:
    assert _kind(name) == _plain_kind(name)
    assert _kind(name.upper()) == _plain_kind(name.upper())


@given(st.text("/uUsSeErRpPhHoOmMiIaAtTdD=.phK", max_size=24))
def test_user_href_matches_the_case_folding_search(href: str) -> None:
    assert _user_href(href) == (v.USER_HREF_RE.search(href) is not None)


TERMINATOR_WORDS = st.sampled_from(
    [
        "责任编辑",
        "编辑",
        "：",
        ":",
        "【纠错】",
        "来源",
        "正文已结束",
        "转自",
        "END",
        "— ",
        "作者",
        "x",
        " ",
    ]
)


@given(st.lists(TERMINATOR_WORDS, max_size=6).map("".join))
def test_split_terminator_finds_what_the_whole_alternation_finds(text: str) -> None:
    assert _terminator(text) == (v.TERMINATOR_RE.search(text) is not None)


def test_terminator_patterns_are_each_anchored_or_not_as_a_whole() -> None:
    """The split relies on an anchored pattern being anchored as a whole (``^a|b`` is not)."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]  # Python 3.11+
    except ImportError:  # Python 3.10
        import sre_parse
    anchored = [p for p in v.TERMINATOR_PATTERNS if p.startswith("^")]
    assert anchored
    for pattern in anchored:  # parsed, "^a|b" is one BRANCH; "^(a|b)c" opens with AT
        assert str(sre_parse.parse(pattern)[0][0]) == "AT", pattern


def _plain_tokens(raw: str) -> tuple[str, ...]:
    """``heuristic.tokens_of`` as first written: camelCase split, lower-cased, split."""
    if not raw.strip():
        return ()
    raw = v.CAMEL_CASE_RE.sub(" ", raw).lower()
    return tuple(t for t in v.CLASS_SPLIT_RE.split(raw) if t)


@given(st.text(CLASS_ALPHABET, max_size=30))
def test_class_tokens_match_the_plain_split(raw: str) -> None:
    assert tokens_of(raw) == _plain_tokens(raw)
    assert tokens_of(raw.lower()) == _plain_tokens(raw.lower())


FORUM_WORDS = st.sampled_from(
    ["楼主", "沙发", "#", "12", " ", "楼", "只看该作者", "个回答", "x", "樓"]
)


@given(st.lists(FORUM_WORDS, max_size=5).map("".join))
def test_split_forum_line_finds_what_the_whole_alternation_finds(text: str) -> None:
    split = bool(v.FORUM_LINE_WHOLE_RE.match(text) or v.FORUM_LINE_WORD_RE.search(text))
    assert split == (v.FORUM_LINE_RE.search(text) is not None)


def test_class_tokens_hold_letters_only() -> None:
    """Records' shapes compare tokens as they come: numbers are already gone."""
    assert tokens_of("post_123 floor-2B postList") == tokens_of("post_124 floor-3B postList")
    assert all(t.isalpha() and t.isascii() for t in tokens_of("a1b2 C3d_4 x-5y 帖子"))


def test_memo_computes_once_and_keeps_only_short_keys() -> None:
    calls: list[object] = []

    def upper(s: str) -> str:
        calls.append(s)
        return s.upper()

    memo: ShortKeyMemo[str, str] = ShortKeyMemo(upper, 3)
    assert memo["ab"] == "AB" and memo["ab"] == "AB" and calls == ["ab"]
    long = "x" * (v.CACHE_KEY_MAX + 1)
    assert memo[long] == long.upper() and memo[long] == long.upper()
    assert calls == ["ab", long, long] and long not in memo
    for key in ("c", "d", "e"):  # the fourth entry empties the full memo first
        memo[key]
    assert len(memo) == 1 and "e" in memo


def test_memo_with_tuple_keys_calls_with_each_item() -> None:
    memo: ShortKeyMemo[tuple[str, int], str] = ShortKeyMemo(lambda s, n: s * n, 8)
    assert memo[("ab", 2)] == "abab" and ("ab", 2) in memo
    assert memo[("x" * (v.CACHE_KEY_MAX + 1), 1)] and len(memo) == 1


def test_short_key_cache_keeps_the_signature() -> None:
    calls: list[tuple[str, int]] = []

    @short_key_cache(maxsize=8)
    def repeat(s: str, n: int = 1) -> str:
        calls.append((s, n))
        return s * n

    assert repeat("a", 2) == repeat("a", 2) == "aa" and calls == [("a", 2)]
    assert repeat("b") == "b" and repeat("b", n=3) == "bbb"
    assert calls == [("a", 2), ("b", 1), ("b", 3)]


def test_best_item_group_is_measured_in_full() -> None:
    """Item groups are scanned for times only when they are the page's best (same values)."""
    items = "".join(
        f"<li><a href='/news/{i}.html'>第{i}条新闻的标题写得足够长一些</a> 2024-05-{i + 1:02d}</li>"
        for i in range(12)
    )
    features = features_of(f"<div><ul>{items}</ul></div>")
    evidence = measure(features, "https://example.com/list/", None, False)
    assert evidence.items is not None and evidence.items.timed == 1.0
    (every,) = [g for g in find_groups(features) if g.members == evidence.items.members]
    assert evidence.items == every == with_detail(features, every)


def test_the_searched_part_never_matches_a_plain_line() -> None:
    """With every terminator pattern anchored, the searched part is NEVER_PATTERN: an
    empty alternation would match every line and end every article at its first line."""
    assert v.TERMINATOR_ANYWHERE_RE.search("今天天气很好，我们去公园散步。") is None
    assert re.compile(v.NEVER_PATTERN).search("") is None
