"""Scoring one extractor's output on one page: accuracy, leaks, snippets, metadata.

:func:`score_page` runs in the worker right after the timed call and turns an
:class:`~cleanser.bench.peers.Output` into a :class:`PageResult`: char-level
P/R/F1 and ROUGE-L from :mod:`cleanser.evaluate.charf1` against the gold text, the
classes of boilerplate markers that leaked (:func:`leak_classes`),
trafilatura_eval's must-have/must-not-have snippets (:func:`snippet_checks`) and
title/date/author against the gold metadata (:func:`meta_matches`). Only these
scores and the first lines of the output travel back to the parent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleanser.bench.peers import _WS, Extractor, Output, _str_or_none
from cleanser.evaluate.charf1 import char_prf, rouge_l, tokens
from cleanser.evaluate.corpus import Page
from cleanser.learn.kindfit import label_of

# Fewer scoring tokens than this is a (near-)empty output.
NEAR_EMPTY_TOKENS = 10
# --worst shows this many lines of each output, each cut to this many characters.
HEAD_LINES = 3
HEAD_CHARS = 120

# Boilerplate marker strings by class (research/anchors.md §3.8, plus the
# Traditional-Chinese spellings). An output "leaks" a class when it contains a
# marker that the page's gold text does not contain. Compared after NFKC,
# lower-casing and removing all whitespace.
LEAK_MARKERS: dict[str, tuple[str, ...]] = {
    "footer": (
        "版权所有",
        "版權所有",
        "icp备",
        "icp證",
        "icp证",
        "copyright",
        "©",
        "不良信息举报",
        "不良信息舉報",
    ),
    "sidebar": (
        "猜你喜欢",
        "猜你喜歡",
        "热点推荐",
        "熱點推薦",
        "热门推荐",
        "熱門推薦",
        "精彩推荐",
        "精彩推薦",
        "相关阅读",
        "相關閱讀",
        "相关新闻",
        "相關新聞",
        "推荐阅读",
        "推薦閱讀",
        "排行榜",
        "24小时",
        "24小時",
        "延伸阅读",
        "延伸閱讀",
    ),
    "nav": (
        "分享到",
        "扫一扫",
        "掃一掃",
        "返回顶部",
        "返回頂部",
        "登录",
        "登錄",
        "登入",
        "注册",
        "註冊",
    ),
}
LEAK_CLASSES = tuple(LEAK_MARKERS)

# Metadata fields checked against gold, and the gold keys that may hold them.
META_FIELDS = ("title", "date", "author")
_GOLD_META_KEYS = {"title": ("title",), "date": ("date", "published"), "author": ("author",)}


@dataclass
class PageResult:
    """One extractor on one page: status, time and every per-page score."""

    extractor: str
    source: str
    page_id: str
    path: str
    size: int
    zh: bool
    status: str = "ok"  # ok | error | timeout
    error: str | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    has_gold: bool = False  # a text gold exists (possibly empty: list pages)
    gold_empty: bool = False
    f1: float | None = None
    precision: float | None = None
    recall: float | None = None
    rouge_l: float | None = None
    out_tokens: int = 0
    empty: bool = False
    leaks: list[str] = field(default_factory=list)
    snippets_passed: int = 0
    snippets_total: int = 0
    meta: dict[str, bool] = field(default_factory=dict)
    head: list[str] = field(default_factory=list)
    known_kind: str | None = None  # the page's kind from its gold (kindfit.label_of)
    kind: str | None = None  # the kind the extractor judged, where it judges one


def _norm(text: str) -> str:
    """NFKC, lower-case, no whitespace: the form markers and snippets are matched in."""
    return _WS.sub("", unicodedata.normalize("NFKC", text).lower())


_NORM_MARKERS = {cls: tuple(_norm(m) for m in ms) for cls, ms in LEAK_MARKERS.items()}


def leak_classes(output: str, gold: str | None) -> list[str]:
    """Classes of boilerplate markers present in ``output`` but absent from ``gold``."""
    out = _norm(output)
    ref = _norm(gold or "")
    return [
        cls
        for cls, markers in _NORM_MARKERS.items()
        if any(m in out and m not in ref for m in markers)
    ]


def snippet_checks(output: str, with_: Sequence[str], without: Sequence[str]) -> tuple[int, int]:
    """(passed, total) over snippet gold: ``with`` must occur, ``without`` must not."""
    out = _norm(output)
    passed = sum(_norm(s) in out for s in with_) + sum(_norm(s) not in out for s in without)
    return passed, len(with_) + len(without)


_DATE_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_EN = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DATE_EN_DMY = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for m in names
}


def parse_day(value: str | None) -> tuple[int, int, int] | None:
    """The calendar day a date string names (Chinese, ISO or English forms), else None."""
    if not value:
        return None
    text = unicodedata.normalize("NFKC", str(value))
    m = _DATE_YMD.search(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _DATE_EN.search(text)
        m2 = None if m else _DATE_EN_DMY.search(text)
        if m and m.group(1).lower() in _MONTHS:
            y, mo, d = int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))
        elif m2 and m2.group(2).lower() in _MONTHS:
            y, mo, d = int(m2.group(3)), _MONTHS[m2.group(2).lower()], int(m2.group(1))
        else:
            return None
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return y, mo, d
    return None


_NAME_SPLIT = re.compile(r"[\s、,，;；/|&]+")
_NAME_TRIM = "()（）[]【】<>《》\"'“”:：.。-_"


def _names(value: str) -> set[str]:
    """Lower-cased person names in an author string (each at least 2 characters)."""
    parts = _NAME_SPLIT.split(unicodedata.normalize("NFKC", value).lower())
    return {n for n in (p.strip(_NAME_TRIM) for p in parts) if len(n) >= 2}


def meta_matches(out: Output, gold_meta: dict[str, Any], fields: Iterable[str]) -> dict[str, bool]:
    """Which metadata fields the extractor got right, for fields it offers and gold has.

    Title: equal after NFKC with all whitespace removed. Date: the same calendar
    day (gold strings without a day are skipped). Author: some gold name equals
    some output name (names split on whitespace and 、,;/).
    """
    result: dict[str, bool] = {}
    for name in fields:
        gold = next(
            (_str_or_none(gold_meta[k]) for k in _GOLD_META_KEYS[name] if gold_meta.get(k)),
            None,
        )
        if not gold or not gold.strip():
            continue
        got = getattr(out, name)
        if name == "title":
            result[name] = bool(got) and _norm(got) == _norm(gold)
        elif name == "date":
            day = parse_day(gold)
            if day is not None:
                result[name] = parse_day(got) == day
        else:
            gold_names = _names(gold)
            if gold_names:
                result[name] = bool(got) and bool(gold_names & _names(got))
    return result


def _head(text: str) -> list[str]:
    """The first non-blank lines of an output, cut short, for ``--worst``."""
    lines = (line.strip() for line in text.splitlines())
    return [line[:HEAD_CHARS] for line in lines if line][:HEAD_LINES]


def score_page(
    page: Page,
    ext: Extractor,
    out: Output | None,
    *,
    zh: bool,
    size: int = 0,
    status: str = "ok",
    error: str | None = None,
    seconds: float = 0.0,
    cpu_seconds: float = 0.0,
) -> PageResult:
    """Every per-page score of one extractor's output (``out`` is None on error/timeout)."""
    res = PageResult(
        extractor=ext.name,
        source=page.source,
        page_id=page.id,
        path=str(page.path),
        size=size,
        zh=zh,
        status=status,
        error=error,
        seconds=seconds,
        cpu_seconds=cpu_seconds,
        has_gold=page.gold is not None,
        gold_empty=page.gold is not None and not tokens(page.gold),
        known_kind=label_of(page),
    )
    if ext.floor:
        return res
    text = out.text if out is not None else ""
    res.out_tokens = len(tokens(text))
    if res.has_gold:
        if status == "ok":
            prf = char_prf(text, page.gold or "")
            res.f1, res.precision, res.recall = prf.f1, prf.precision, prf.recall
            res.rouge_l = rouge_l(text, page.gold or "")
        else:  # a failed call earns nothing, even where the right answer is empty
            res.f1 = res.precision = res.recall = res.rouge_l = 0.0
    if status != "ok":
        return res
    res.empty = res.out_tokens < NEAR_EMPTY_TOKENS and not res.gold_empty
    if res.out_tokens >= NEAR_EMPTY_TOKENS:
        res.leaks = leak_classes(text, page.gold)
    with_ = page.gold_meta.get("with") or []
    without = page.gold_meta.get("without") or []
    if with_ or without:
        res.snippets_passed, res.snippets_total = snippet_checks(text, with_, without)
    if out is not None:
        res.meta = meta_matches(out, page.gold_meta, ext.fields)
        res.kind = out.kind
    res.head = _head(text)
    return res
