"""``cleanser bench``: accuracy and speed of cleanser and its peers on the same pages.

One command answers "who is more accurate, and who is faster, on *my* pages?" and,
run with cleanser alone, keeps the project honest from one change to the next
(the per-source floors in ``tests/floors.json`` and ``tests/test_quality_gate.py``).

How a run works, and why:

* **Isolation.** Every extractor runs in its own worker process (one per extractor
  and per parallel lane). A crash or a hang of one peer is counted against that
  peer, its worker is restarted and the run goes on; peers cannot interfere with
  each other's global state; and each worker's peak RSS is that extractor's
  memory. A per-call timeout is enforced twice: ``SIGALRM`` inside the worker
  (cheap, keeps the worker) and a watchdog in the parent that kills a worker
  stuck in C code.
* **Interleaving.** A lane takes one page at a time and hands it to each
  extractor in turn, in an order rotated from page to page, so machine noise
  (other engineers' jobs, thermal drift) hits every extractor alike. Lanes run
  in parallel (``--jobs``, default 2) to finish in minutes; times are measured
  inside the workers around the extraction call only, so pages/s is a
  single-process rate.
* **Bytes in, text out.** Every extractor is timed from the raw page bytes.
  Peers that only accept ``str`` get the page decoded by
  :func:`cleanser.decoding.decode` inside their timed call (a user has to
  decode too). Bare ``lxml.html.fromstring(raw_bytes)`` is timed the same way
  as the floor that no DOM-based extractor can beat.
* **Scoring** happens in the worker right after the call: char-level P/R/F1 and
  ROUGE-L from :mod:`cleanser.scoring`, leak markers, snippet checks and
  metadata checks. Only the scores and the first lines of each output travel
  back to the parent.

``--jobs 0`` runs everything in this process (no isolation, ``SIGALRM``
timeouts only); the quality gate uses it for cleanser alone.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import importlib
import importlib.metadata
import importlib.util
import json
import multiprocessing
import multiprocessing.connection
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast

try:
    import resource
except ImportError:  # Windows: no peak-memory figures
    resource = None  # type: ignore[assignment]

from .corpus import Page, load
from .decoding import decode
from .scoring import char_prf, rouge_l, tokens

# --------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------

REPO_ROOT = Path(__file__).resolve().parent.parent
FLOORS_PATH = REPO_ROOT / "tests" / "floors.json"
# Inputs used when no PATH is given, resolved against the CWD, then the repo root.
DEFAULT_INPUTS = ("samples", "../shared/corpus")

# Per page and extractor, in seconds (trafilatura's own CLI uses 30). The slowest peer
# call on the corpus took about 5 s on a 2-core machine under a load of 7; a hang
# should cost little, and the run has to finish in minutes.
DEFAULT_TIMEOUT_S = 20.0
# Extra time the parent grants beyond the timeout (for scoring and a slow SIGALRM)
# before it kills a worker that is stuck where SIGALRM cannot reach it.
HARD_KILL_GRACE_S = 10.0
# How long a worker may take to import its extractor.
WORKER_START_TIMEOUT_S = 180.0
# Parallel lanes: the machine this was written for has 2 cores.
DEFAULT_JOBS = min(2, os.cpu_count() or 1)

# A page counts as well extracted at this char-level F1.
GOOD_F1 = 0.9
# Fewer scoring tokens than this is a (near-)empty output.
NEAR_EMPTY_TOKENS = 10
# Floors are pinned this far below the measured mean F1, and rounded down to this
# many decimals, so that small harmless changes do not fail CI.
FLOOR_MARGIN = 0.02
FLOOR_DECIMALS = 3
FLOORS_ABOUT = (
    "CI quality gate (tests/test_quality_gate.py): cleanser's mean F1 per source must stay"
    " at or above these floors. Raise them with `cleanser bench ../shared/corpus"
    " --extractors cleanser --update-floors`; lowering one needs --allow-regression."
)
# Tolerance when comparing a measured mean with its floor.
FLOOR_EPSILON = 1e-9
# --worst shows this many lines of each output, each cut to this many characters.
HEAD_LINES = 3
HEAD_CHARS = 120
# Share of Han tokens (among all scoring tokens) from which a page counts as Chinese,
# and share of kana/hangul tokens from which it does not (Japanese/Korean).
ZH_HAN_SHARE = 0.3
ZH_MAX_KANA_SHARE = 0.05
# How much of a gold-less page is looked at to guess its language.
LANG_SNIFF_CHARS = 50_000

# A small article page each extractor sees once, untimed, before the first real page,
# so that lazy set-up (jieba's dictionary, compiled patterns) is not charged to a page.
WARMUP_PAGE = (
    "<html><head><meta charset='utf-8'><title>预热页面_新闻</title></head><body>"
    "<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻</a></div>"
    "<div class='article'><h1>预热页面</h1>"
    + "<p>国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，"
    "城乡居民收入差距继续缩小。专家表示，消费市场逐步回暖。</p>"
    * 4
    + "</div><div class='footer'>版权所有 ICP备00000000号</div></body></html>"
).encode("utf-8")

README_MARKERS = ("<!-- bench:start -->", "<!-- bench:end -->")
README_INTRO = (
    "`cleanser bench [PATH ...]` runs cleanser and the extractors people use on Chinese"
    " pages today over the same pages and shows accuracy and speed side by side (PATH: a"
    " corpus folder like `../shared/corpus` or a samples folder like `samples/`; default"
    " both). Install the peers with `pip install '.[bench,bench-peers]'`; magic-html needs"
    " Python ≥ 3.12, and every peer that imports is run. Accuracy is the mean char-level F1"
    " per page against the gold text (each CJK character is one token, each run of Latin"
    " letters or digits one token, punctuation and whitespace ignored; a list page scores 1"
    " only for an empty output); ROUGE-L is the same tokens in order. Every extractor runs"
    " in its own worker process with a per-page timeout, so a crash or a hang is counted,"
    " not fatal, and the pages are interleaved across extractors so that machine noise hits"
    " all alike. The table below was made with:"
)
README_GATE = (
    "**Quality gate.** `tests/test_quality_gate.py` runs cleanser alone over"
    " `../shared/corpus` (skipped when absent) and fails when a source's mean F1 drops"
    " below its floor in `tests/floors.json` (pinned 0.02 below the measured value)."
    " `cleanser bench ../shared/corpus --extractors cleanser --update-floors` raises the"
    " floors and refuses to lower one unless `--allow-regression` is given."
)
TABLE_NOTES = (
    "Notes: *F1≥0.9* is the share of pages extracted that well; *empty* counts outputs of"
    " fewer than 10 tokens where the gold is not empty; *errors* and *timeouts* score 0."
    " *pages/s* is a single-process rate timed inside the workers from raw bytes to text"
    " (peers that take only `str` are charged for decoding); *× lxml* is the time relative"
    " to bare `lxml.html.fromstring` on the same pages; *peak RSS* is the worker's, which"
    " includes the interpreter (see the lxml row). A *leak* is an output carrying a footer"
    " (版权所有, ICP备…), sidebar (猜你喜欢, 相关阅读, 排行榜…) or nav/share (分享到, 登录…)"
    " marker that the gold lacks. *snippets*: trafilatura_eval's must-have/must-not-have"
    " strings. Metadata: title exact (whitespace-insensitive), date on the same day, author"
    " sharing a name. goose3 and newspaper4k are set up for Chinese (Chinese stopwords,"
    " `language='zh'`), so their non-zh column is not their English performance."
)

GROUP_ZH = "all zh"
GROUP_NONZH = "non-zh"

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

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_WS = re.compile(r"\s+")


# --------------------------------------------------------------------------------------
# Extractors
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """What one extractor returned for one page (metadata fields only where it has them)."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None


ExtractFn = Callable[[bytes, "str | None"], Any]


@dataclass(frozen=True)
class Extractor:
    """How to build and call one extractor the way a user would on Chinese pages.

    ``factory`` runs once per worker (imports, heavy set-up) and returns the
    per-page callable ``fn(raw_bytes, url) -> Output``. ``call`` documents that
    call for the README and the JSON report.
    """

    name: str
    module: str
    dist: str
    call: str
    factory: Callable[[], ExtractFn]
    fields: tuple[str, ...] = ()
    floor: bool = False


_BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    )
)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one block per line (for HTML-output peers)."""
    if not fragment or not fragment.strip():
        return ""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root: Any = lxml_html.fromstring(fragment)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    lines = (_WS.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _str_or_none(value: Any) -> str | None:
    """A metadata value as text (lists joined, datetimes ISO), or None when blank."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, set)):
        value = "; ".join(str(v) for v in value if v)
    elif isinstance(value, (_dt.date, _dt.datetime)):
        value = value.isoformat()
    text = str(value).strip()
    return text or None


# Adapters: each factory imports its library once per worker and returns the per-page
# call; EXTRACTORS below documents every call in words (README, JSON report).


def _cleanser() -> ExtractFn:
    import cleanser

    def run(raw: bytes, url: str | None) -> Output:
        art = cleanser.extract(raw, url=url)
        return Output(
            art.text, art.title, _str_or_none(art.author), art.published or art.published_raw
        )

    return run


def _trafilatura() -> ExtractFn:
    import trafilatura

    def run(raw: bytes, url: str | None) -> Output:
        doc: Any = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
        if doc is None:
            return Output()
        text = doc.text or ""
        if doc.comments:  # what trafilatura.extract() appends with its defaults
            text = f"{text}\n{doc.comments}"
        return Output(text, doc.title, _str_or_none(doc.author), _str_or_none(doc.date))

    return run


def _readability() -> ExtractFn:
    from readability import Document

    def run(raw: bytes, url: str | None) -> Output:
        doc = Document(raw, url=url)
        return Output(html_to_text(doc.summary(html_partial=True)), doc.short_title())

    return run


def _gne() -> ExtractFn:
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()

    def run(raw: bytes, url: str | None) -> Output:
        res = extractor.extract(decode(raw)[0])
        return Output(
            res.get("content") or "",
            _str_or_none(res.get("title")),
            _str_or_none(res.get("author")),
            _str_or_none(res.get("publish_time")),
        )

    return run


def _magic_html() -> ExtractFn:
    from magic_html import GeneralExtractor

    extractor = GeneralExtractor()

    def run(raw: bytes, url: str | None) -> Output:
        res = extractor.extract(decode(raw)[0], base_url=url or "")
        return Output(html_to_text(res.get("html") or ""), _str_or_none(res.get("title")))

    return run


def _resiliparse() -> ExtractFn:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(raw: bytes, url: str | None) -> Output:
        tree = HTMLTree.parse_from_bytes(raw, detect_encoding(raw) or "utf-8")
        return Output(extract_plain_text(tree, main_content=True))

    return run


def _justext() -> ExtractFn:
    import justext

    # No Chinese stoplist ships; the union of all of them is trafilatura's workaround.
    stoplist = frozenset().union(*(justext.get_stoplist(n) for n in justext.get_stoplists()))

    def run(raw: bytes, url: str | None) -> Output:
        paragraphs = justext.justext(raw, stoplist)
        return Output("\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return run


def _boilerpy3() -> ExtractFn:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor(raise_on_failure=False)

    def run(raw: bytes, url: str | None) -> Output:
        doc = extractor.get_doc(decode(raw)[0])
        return Output(doc.content or "", _str_or_none(doc.title))

    return run


def _goose3() -> ExtractFn:
    from goose3 import Goose
    from goose3.text import StopWordsChinese

    goose = Goose({"stopwords_class": StopWordsChinese, "enable_image_fetching": False})

    def run(raw: bytes, url: str | None) -> Output:
        art = goose.extract(raw_html=decode(raw)[0])
        return Output(
            art.cleaned_text or "",
            _str_or_none(art.title),
            _str_or_none(art.authors),
            _str_or_none(art.publish_date),
        )

    return run


def _newspaper4k() -> ExtractFn:
    import newspaper

    def run(raw: bytes, url: str | None) -> Output:
        art = newspaper.Article(
            url or "", language="zh", fetch_images=False, follow_meta_refresh=False
        )
        art.download(input_html=decode(raw)[0])
        art.parse()
        return Output(
            art.text or "",
            _str_or_none(art.title),
            _str_or_none(art.authors),
            _str_or_none(art.publish_date),
        )

    return run


def _lxml_floor() -> ExtractFn:
    from lxml import html as lxml_html

    def run(raw: bytes, url: str | None) -> Output:
        lxml_html.fromstring(raw)
        return Output()

    return run


FLOOR = Extractor(
    "lxml parse",
    "lxml",
    "lxml",
    "lxml.html.fromstring(raw_bytes) (speed floor, no extraction)",
    _lxml_floor,
    floor=True,
)

EXTRACTORS: dict[str, Extractor] = {
    e.name: e
    for e in (
        Extractor(
            "cleanser",
            "cleanser",
            "cleanser",
            "cleanser.extract(raw_bytes, url=url) → .text, .title, .author, .published",
            _cleanser,
            ("title", "author", "date"),
        ),
        Extractor(
            "trafilatura",
            "trafilatura",
            "trafilatura",
            "trafilatura.bare_extraction(raw_bytes, url=url, with_metadata=True) → .text"
            " + .comments (what extract() returns), .title, .author, .date",
            _trafilatura,
            ("title", "author", "date"),
        ),
        Extractor(
            "readability-lxml",
            "readability",
            "readability-lxml",
            "readability.Document(raw_bytes, url=url) → .summary(html_partial=True) as text,"
            " .short_title()",
            _readability,
            ("title",),
        ),
        Extractor(
            "gne",
            "gne",
            "gne",
            "gne.GeneralNewsExtractor().extract(decoded_str) → content, title, author,"
            " publish_time",
            _gne,
            ("title", "author", "date"),
        ),
        Extractor(
            "magic-html",
            "magic_html",
            "magic-html",
            "magic_html.GeneralExtractor().extract(decoded_str, base_url=url) → html as"
            " text, title",
            _magic_html,
            ("title",),
        ),
        Extractor(
            "resiliparse",
            "resiliparse",
            "resiliparse",
            "extract_plain_text(HTMLTree.parse_from_bytes(raw_bytes,"
            " detect_encoding(raw_bytes)), main_content=True)",
            _resiliparse,
        ),
        Extractor(
            "justext",
            "justext",
            "jusText",
            "justext.justext(raw_bytes, <union of all stoplists>) → non-boilerplate"
            " paragraphs (no Chinese stoplist exists)",
            _justext,
        ),
        Extractor(
            "boilerpy3",
            "boilerpy3",
            "boilerpy3",
            "boilerpy3.extractors.ArticleExtractor().get_doc(decoded_str) → .content, .title",
            _boilerpy3,
            ("title",),
        ),
        Extractor(
            "goose3",
            "goose3",
            "goose3",
            "Goose({'stopwords_class': StopWordsChinese, 'enable_image_fetching': False})"
            ".extract(raw_html=decoded_str) → .cleaned_text, .title, .authors, .publish_date",
            _goose3,
            ("title", "author", "date"),
        ),
        Extractor(
            "newspaper4k",
            "newspaper",
            "newspaper4k",
            "newspaper.Article(url, language='zh', fetch_images=False)"
            ".download(input_html=decoded_str); .parse() → .text, .title, .authors,"
            " .publish_date",
            _newspaper4k,
            ("title", "author", "date"),
        ),
    )
}
# Always benchmarked (the ``bench`` extra installs them); the others when they import.
ALWAYS = ("cleanser", "trafilatura", "readability-lxml")
_ALIASES = {
    "readability": "readability-lxml",
    "magic_html": "magic-html",
    "magichtml": "magic-html",
    "newspaper": "newspaper4k",
    "goose": "goose3",
    "boilerpipe": "boilerpy3",
}


def resolve_extractor(name: str) -> Extractor:
    """A registered extractor by (alias) name, or a custom one given as ``module:function``.

    A custom function is called as ``fn(raw_bytes, url)`` and may return a ``str``,
    an :class:`Output`, or any object with a ``text`` attribute (and optionally
    ``title``/``author``/``date``).
    """
    key = _ALIASES.get(name.strip().lower(), name.strip().lower())
    if key in EXTRACTORS:
        return EXTRACTORS[key]
    if ":" in name:
        module, _, attr = name.strip().partition(":")

        def factory() -> ExtractFn:
            fn: ExtractFn = getattr(importlib.import_module(module), attr)
            return fn

        return Extractor(
            name.strip(),
            module,
            module,
            f"{name.strip()}(raw_bytes, url)",
            factory,
            ("title", "author", "date"),
        )
    known = ", ".join(EXTRACTORS)
    raise ValueError(f"unknown extractor {name!r} (known: {known}, or module:function)")


def importable(ext: Extractor) -> bool:
    """Whether the extractor's module can be found here (without importing it)."""
    try:
        return importlib.util.find_spec(ext.module) is not None
    except (ImportError, ValueError):
        return False


def version_of(ext: Extractor) -> str:
    """The installed version (cleanser also names its git commit)."""
    if ext.name == "cleanser":
        from . import __version__

        commit = _git_commit()
        return f"{__version__} ({commit})" if commit else __version__
    try:
        return importlib.metadata.version(ext.dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _git_commit() -> str | None:
    """Short commit of the cleanser checkout, with ``+dirty`` for uncommitted changes."""
    if not (REPO_ROOT / ".git").exists():
        return None
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("+dirty" if dirty else "")


def _as_output(value: Any) -> Output:
    """Normalise what a (custom) extractor returned."""
    if isinstance(value, Output):
        return value
    if value is None:
        return Output()
    if isinstance(value, str):
        return Output(value)
    return Output(
        str(getattr(value, "text", "") or ""),
        _str_or_none(getattr(value, "title", None)),
        _str_or_none(getattr(value, "author", None)),
        _str_or_none(getattr(value, "date", None)),
    )


# --------------------------------------------------------------------------------------
# Scoring one page
# --------------------------------------------------------------------------------------


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
    res.head = _head(text)
    return res


def page_is_zh(page: Page) -> bool:
    """Whether a page is Chinese: its ``script`` field, else its gold or visible text."""
    if page.script:
        return True
    text = page.gold
    if not text or not text.strip():
        try:
            text = _TAG.sub(" ", decode(page.read())[0][:LANG_SNIFF_CHARS])
        except OSError:
            return False
    toks = tokens(text)
    if not toks:
        return False
    han = sum(1 for t in toks if _HAN.match(t))
    kana = sum(1 for t in toks if _KANA_HANGUL.match(t))
    return han / len(toks) >= ZH_HAN_SHARE and kana / len(toks) < ZH_MAX_KANA_SHARE


# --------------------------------------------------------------------------------------
# Running extractors: timeouts, workers, lanes
# --------------------------------------------------------------------------------------


class ExtractorTimeout(BaseException):
    """Raised by SIGALRM inside a timed call (a BaseException so that peers'
    ``except Exception`` blocks cannot swallow it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    """SIGALRM handler: abort the timed call."""
    raise ExtractorTimeout


def _alarm_usable() -> bool:
    """SIGALRM timeouts need setitimer (not on Windows) and the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def timed_call(
    fn: ExtractFn, raw: bytes, url: str | None, timeout: float | None
) -> tuple[str, Output | None, float, float, str | None]:
    """Call ``fn`` with a SIGALRM timeout; return (status, output, wall s, cpu s, error)."""
    use_alarm = bool(timeout) and _alarm_usable()
    previous = signal.signal(signal.SIGALRM, _on_alarm) if use_alarm else None
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, float(timeout or 0))
        try:
            value = fn(raw, url)
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
        out = _as_output(value)
        return "ok", out, time.perf_counter() - t0, time.process_time() - c0, None
    except ExtractorTimeout:
        return "timeout", None, time.perf_counter() - t0, time.process_time() - c0, None
    except Exception as exc:  # any peer failure is data, not a crash of the run
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        return "error", None, wall, cpu, f"{type(exc).__name__}: {exc}"[:300]
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, previous)


def run_one(
    fn: ExtractFn,
    ext: Extractor,
    page: Page,
    zh: bool,
    timeout: float | None,
    save_dir: Path | None = None,
) -> PageResult:
    """Read one page, time the extractor on it and score the result."""
    raw = page.read()
    status, out, wall, cpu, error = timed_call(fn, raw, page.url, timeout)
    if save_dir is not None and out is not None and not ext.floor:
        _save_output(save_dir, ext, page, out.text)
    return score_page(
        page,
        ext,
        out,
        zh=zh,
        size=len(raw),
        status=status,
        error=error,
        seconds=wall,
        cpu_seconds=cpu,
    )


def _save_output(save_dir: Path, ext: Extractor, page: Page, text: str) -> None:
    """Write one output to ``DIR/<extractor>/<source>/<id>.txt`` (``--save-outputs``)."""
    safe = re.sub(r"[^\w.-]+", "_", ext.name)
    target = save_dir / safe / page.source / f"{page.id}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _maxrss_mb(children: bool = False) -> float:
    """Peak resident set size in MB of this process or its waited-for children.

    ``ru_maxrss`` is in KiB on Linux and in bytes on macOS; 0 where unavailable.
    """
    if resource is None:
        return 0.0
    rss = resource.getrusage(
        resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    ).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _no_network(*args: Any, **kwargs: Any) -> Any:
    """Stand-in for socket connects in workers: a benchmark must never fetch anything."""
    raise OSError("network access is disabled inside cleanser bench workers")


def _worker_main(
    conn: multiprocessing.connection.Connection,
    name: str,
    timeout: float | None,
    save_dir: Path | None,
) -> None:
    """Worker process: build one extractor, then time and score the pages sent to it.

    The extractor travels by name (resolved here), so workers also start under
    ``spawn``, where closures cannot be pickled.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # peers print and log freely; keep the terminal for the progress bar
    os.dup2(devnull, 2)
    import logging
    import socket

    logging.disable(logging.CRITICAL)
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network
    try:
        ext = FLOOR if name == FLOOR.name else resolve_extractor(name)
        fn = ext.factory()
    except BaseException as exc:
        conn.send(("fail", f"{type(exc).__name__}: {exc}"[:300]))
        return
    conn.send(("ready", _maxrss_mb()))
    warm = False
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        page, zh = msg
        if not warm:  # untimed; the parent's first deadline allows for it
            timed_call(fn, WARMUP_PAGE, None, timeout)
            warm = True
        try:
            result = run_one(fn, ext, page, zh, timeout, save_dir)
        except BaseException as exc:  # unreadable page etc.: report, keep serving
            result = score_page(
                page, ext, None, zh=zh, status="error", error=f"{type(exc).__name__}: {exc}"
            )
        conn.send(("result", result, _maxrss_mb()))


def _mp_context() -> Any:
    """``fork`` where available and safe (no other thread could hold a lock), else ``spawn``.

    Forked workers start in milliseconds; the progress bar is refreshed by hand so
    that the parent stays single-threaded.
    """
    fork_ok = "fork" in multiprocessing.get_all_start_methods()
    single = threading.active_count() == 1
    return multiprocessing.get_context("fork" if fork_ok and single else "spawn")


class _Worker:
    """One extractor's worker process, restartable."""

    def __init__(self, ext: Extractor, timeout: float | None, save_dir: Path | None) -> None:
        self.ext = ext
        self.timeout = timeout
        self.save_dir = save_dir
        self.peak_rss_mb = 0.0
        self.conn: multiprocessing.connection.Connection | None = None
        self.proc: Any = None
        self.broken: str | None = None
        self.fresh = True  # its first page also pays the untimed warm-up call

    def start(self) -> None:
        """Start the process; the first page also pays the warm-up call."""
        self.fresh = True
        ctx = _mp_context()
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main,
            args=(child, self.ext.name, self.timeout, self.save_dir),
            daemon=True,
            name=f"bench-{self.ext.name}",
        )
        self.proc.start()
        child.close()
        self.conn = parent

    def await_ready(self, limit: float = WORKER_START_TIMEOUT_S) -> str | None:
        """Wait for the worker's import to finish; return an error message or None."""
        assert self.conn is not None
        if not self.conn.poll(limit):
            self.kill()
            self.broken = f"did not start within {limit:.0f} s"
            return self.broken
        try:
            msg = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            self.broken = f"worker died while starting (exit code {self.proc.exitcode})"
            return self.broken
        if msg[0] == "fail":
            self.kill()
            self.broken = str(msg[1])
            return self.broken
        self.peak_rss_mb = max(self.peak_rss_mb, float(msg[1]))
        return None

    def restart(self) -> None:
        """Replace a dead or stuck worker by a fresh one."""
        self.kill()
        self.start()
        self.await_ready()

    def kill(self) -> None:
        """Kill the process (if alive) and close the pipe."""
        if self.proc is not None and self.proc.is_alive():
            self.proc.kill()
        if self.proc is not None:
            self.proc.join(5)
        if self.conn is not None:
            self.conn.close()
        self.conn = None

    def stop(self) -> None:
        """Ask the worker to exit, then make sure it has."""
        if self.conn is not None and self.proc is not None and self.proc.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.proc.join(2)
        self.kill()


@dataclass
class _Lane:
    """A sequence of pages run through every extractor, one extractor at a time."""

    workers: dict[str, _Worker]
    page: Page | None = None
    zh: bool = False
    todo: deque[str] = field(default_factory=deque)
    deadline: float = 0.0
    done: bool = False


@dataclass
class RunResult:
    """Raw outcome of a run: per-page records plus what only the runner knows."""

    records: list[PageResult]
    extractors: list[Extractor]
    skipped: dict[str, str]
    peak_rss_mb: dict[str, float]
    run_peak_rss_mb: float
    wall_seconds: float
    jobs: int
    timeout: float | None
    load_avg: list[float] = field(default_factory=list)  # 1/5/15-min load at the end


ProgressFn = Callable[[PageResult], None]


def _rotated(names: Sequence[str], index: int) -> deque[str]:
    """Extractor order for page ``index``: rotated so nobody always goes first."""
    k = index % len(names) if names else 0
    return deque([*names[k:], *names[:k]])


def run(
    pages: Sequence[Page],
    extractors: Sequence[Extractor],
    *,
    jobs: int = DEFAULT_JOBS,
    timeout: float | None = DEFAULT_TIMEOUT_S,
    grace: float = HARD_KILL_GRACE_S,
    floor: bool = True,
    save_dir: Path | None = None,
    on_result: ProgressFn | None = None,
    strict: bool = False,
) -> RunResult:
    """Run every extractor (and the lxml floor) on every page, interleaved per page.

    ``jobs=0`` runs in this process; otherwise ``jobs`` lanes of worker processes.
    Extractors whose worker cannot start are dropped and listed in ``skipped``
    (with ``strict`` a :class:`RuntimeError` is raised instead).
    """
    exts = list(extractors) + ([FLOOR] if floor else [])
    zh = [page_is_zh(p) for p in pages]
    t0 = time.perf_counter()
    if jobs <= 0:
        result = _run_inline(pages, zh, exts, timeout, save_dir, on_result, strict)
    else:
        result = _run_lanes(pages, zh, exts, jobs, timeout, grace, save_dir, on_result, strict)
    result.wall_seconds = time.perf_counter() - t0
    with contextlib.suppress(OSError, AttributeError):
        result.load_avg = [round(x, 2) for x in os.getloadavg()]
    result.run_peak_rss_mb = max(
        [_maxrss_mb(), _maxrss_mb(children=True), *result.peak_rss_mb.values()]
    )
    return result


def _run_inline(
    pages: Sequence[Page],
    zh: Sequence[bool],
    exts: list[Extractor],
    timeout: float | None,
    save_dir: Path | None,
    on_result: ProgressFn | None,
    strict: bool,
) -> RunResult:
    """``jobs=0``: every extractor in this process, SIGALRM timeouts only, no isolation."""
    fns: dict[str, ExtractFn] = {}
    skipped: dict[str, str] = {}
    for ext in exts:
        try:
            fns[ext.name] = ext.factory()
            timed_call(fns[ext.name], WARMUP_PAGE, None, timeout)
        except Exception as exc:
            if strict:
                raise RuntimeError(f"{ext.name}: {type(exc).__name__}: {exc}") from exc
            skipped[ext.name] = f"{type(exc).__name__}: {exc}"
    live = [e for e in exts if e.name in fns]
    names = [e.name for e in live]
    by_name = {e.name: e for e in live}
    records: list[PageResult] = []
    for i, page in enumerate(pages):
        for name in _rotated(names, i):
            try:
                rec = run_one(fns[name], by_name[name], page, zh[i], timeout, save_dir)
            except OSError as exc:  # unreadable page
                rec = score_page(
                    page,
                    by_name[name],
                    None,
                    zh=zh[i],
                    status="error",
                    error=f"{type(exc).__name__}: {exc}",
                )
            records.append(rec)
            if on_result:
                on_result(rec)
    return RunResult(records, live, skipped, {}, 0.0, 0.0, 0, timeout)


def _run_lanes(
    pages: Sequence[Page],
    zh: Sequence[bool],
    exts: list[Extractor],
    jobs: int,
    timeout: float | None,
    grace: float,
    save_dir: Path | None,
    on_result: ProgressFn | None,
    strict: bool,
) -> RunResult:
    """``jobs`` lanes, each with one worker process per extractor (see the module doc)."""
    lanes = [
        _Lane({e.name: _Worker(e, timeout, save_dir) for e in exts})
        for _ in range(max(1, min(jobs, len(pages) or 1)))
    ]
    skipped: dict[str, str] = {}
    try:
        for lane in lanes:
            for w in lane.workers.values():
                w.start()
        for lane in lanes:
            for name, w in lane.workers.items():
                err = w.await_ready()
                if err and name not in skipped:
                    skipped[name] = err
        if strict and skipped:
            raise RuntimeError("; ".join(f"{k}: {v}" for k, v in skipped.items()))
        live = [e for e in exts if e.name not in skipped]
        names = [e.name for e in live]
        for lane in lanes:
            for name in skipped:
                lane.workers.pop(name).kill()
        records = _drive_lanes(lanes, pages, zh, names, timeout, grace, on_result)
        peak: dict[str, float] = {}
        for lane in lanes:
            for name, w in lane.workers.items():
                peak[name] = max(peak.get(name, 0.0), w.peak_rss_mb)
        return RunResult(records, live, skipped, peak, 0.0, 0.0, len(lanes), timeout)
    finally:
        for lane in lanes:
            for w in lane.workers.values():
                w.stop()


def _drive_lanes(
    lanes: list[_Lane],
    pages: Sequence[Page],
    zh: Sequence[bool],
    names: list[str],
    timeout: float | None,
    grace: float,
    on_result: ProgressFn | None,
) -> list[PageResult]:
    """The parent's event loop: feed pages to lanes, collect results, kill hung workers."""
    queue = deque(range(len(pages)))
    records: list[PageResult] = []
    limit = (timeout or WORKER_START_TIMEOUT_S) + grace
    warmup = timeout or WORKER_START_TIMEOUT_S

    def emit(rec: PageResult) -> None:
        records.append(rec)
        if on_result:
            on_result(rec)

    def dispatch(lane: _Lane) -> None:
        """Send the lane's next (page, extractor) job, skipping broken workers."""
        while True:
            if not lane.todo:
                if not queue:
                    lane.done, lane.page = True, None
                    return
                i = queue.popleft()
                lane.page, lane.zh, lane.todo = pages[i], zh[i], _rotated(names, i)
            assert lane.page is not None
            w = lane.workers[lane.todo[0]]
            if w.broken or w.conn is None:
                emit(
                    score_page(
                        lane.page,
                        w.ext,
                        None,
                        zh=lane.zh,
                        status="error",
                        error=f"worker unavailable: {w.broken}",
                    )
                )
                lane.todo.popleft()
                continue
            try:
                w.conn.send((lane.page, lane.zh))
            except (OSError, ValueError) as exc:  # died between pages
                w.broken = None
                w.restart()
                if w.broken is None:
                    continue
                emit(
                    score_page(
                        lane.page,
                        w.ext,
                        None,
                        zh=lane.zh,
                        status="error",
                        error=f"{type(exc).__name__}: {exc}",
                    )
                )
                lane.todo.popleft()
                continue
            lane.deadline = time.monotonic() + limit + (warmup if w.fresh else 0.0)
            return

    for lane in lanes:
        dispatch(lane)
    while True:
        active = [ln for ln in lanes if not ln.done]
        if not active:
            return records
        conns = {}
        for ln in active:
            conn = ln.workers[ln.todo[0]].conn
            assert conn is not None
            conns[conn] = ln
        wait_s = max(0.0, min(ln.deadline for ln in active) - time.monotonic())
        ready = multiprocessing.connection.wait(list(conns), timeout=wait_s)
        for ready_conn in ready:
            conn = cast(multiprocessing.connection.Connection, ready_conn)
            lane = conns[conn]
            w = lane.workers[lane.todo[0]]
            assert lane.page is not None
            try:
                msg = conn.recv()
                rec: PageResult = msg[1]
                rss = float(msg[2])
                w.peak_rss_mb = max(w.peak_rss_mb, rss)
                w.fresh = False
            except (EOFError, OSError):  # the worker died mid-call (segfault, os._exit…)
                w.proc.join(1)
                rec = score_page(
                    lane.page,
                    w.ext,
                    None,
                    zh=lane.zh,
                    status="error",
                    error=f"worker crashed (exit code {w.proc.exitcode})",
                )
                w.restart()
            emit(rec)
            lane.todo.popleft()
            dispatch(lane)
        now = time.monotonic()
        for lane in active:
            if lane.done or lane.deadline > now or not lane.todo:
                continue
            w = lane.workers[lane.todo[0]]
            if w.conn is not None and w.conn in ready:
                continue
            assert lane.page is not None
            emit(
                score_page(
                    lane.page,
                    w.ext,
                    None,
                    zh=lane.zh,
                    status="timeout",
                    seconds=limit,
                    error="killed by the watchdog",
                )
            )
            w.restart()
            lane.todo.popleft()
            dispatch(lane)


# --------------------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------------------


@dataclass
class GroupSummary:
    """Means over the text-gold pages of one group, leak rates over its non-empty outputs."""

    pages: int = 0
    f1: float | None = None
    precision: float | None = None
    recall: float | None = None
    rouge_l: float | None = None
    good_share: float | None = None
    leak_base: int = 0
    leaks: dict[str, float] = field(default_factory=dict)


@dataclass
class ExtractorSummary:
    """Everything the tables show about one extractor."""

    name: str
    version: str
    call: str
    groups: dict[str, GroupSummary]
    pages: int
    empty: int
    errors: int
    timeouts: int
    snippets_passed: int
    snippets_total: int
    meta: dict[str, list[int]]  # field → [correct, checked]
    seconds: float
    cpu_seconds: float
    bytes: int
    pages_per_s: float | None
    mb_per_s: float | None
    median_ms: float | None
    x_floor: float | None
    peak_rss_mb: float | None
    floor: bool = False


@dataclass
class Report:
    """The whole benchmark: per-extractor summaries, groups, records and run facts."""

    summaries: list[ExtractorSummary]
    floor: ExtractorSummary | None
    groups: dict[str, int]  # group → text-gold pages, in display order
    records: list[PageResult]
    skipped: dict[str, str]
    meta: dict[str, Any]


def groups_of(rec: PageResult) -> tuple[str, str]:
    """The groups a page belongs to: its source and ``all zh`` or ``non-zh``."""
    return rec.source, GROUP_ZH if rec.zh else GROUP_NONZH


def _mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


def summarize_group(recs: Sequence[PageResult]) -> GroupSummary:
    """Means and leak rates over one extractor's records of one group."""
    scored = [r for r in recs if r.has_gold and r.f1 is not None]
    f1s = [r.f1 or 0.0 for r in scored]
    base = [r for r in recs if r.status == "ok" and r.out_tokens >= NEAR_EMPTY_TOKENS]
    return GroupSummary(
        pages=len(scored),
        f1=_mean(f1s),
        precision=_mean([r.precision or 0.0 for r in scored]),
        recall=_mean([r.recall or 0.0 for r in scored]),
        rouge_l=_mean([r.rouge_l or 0.0 for r in scored]),
        good_share=_mean([1.0 if f >= GOOD_F1 else 0.0 for f in f1s]),
        leak_base=len(base),
        leaks={c: sum(c in r.leaks for r in base) / len(base) for c in LEAK_CLASSES}
        if base
        else {},
    )


def summarize(result: RunResult, meta: dict[str, Any] | None = None) -> Report:
    """Aggregate a run per extractor, per source and overall."""
    by_ext: dict[str, list[PageResult]] = {}
    for rec in result.records:
        by_ext.setdefault(rec.extractor, []).append(rec)
    floor_recs = by_ext.get(FLOOR.name, [])
    floor_s = sum(r.seconds for r in floor_recs)

    group_pages: dict[str, set[tuple[str, str]]] = {}
    for rec in result.records:
        if rec.has_gold and rec.extractor != FLOOR.name:
            for g in groups_of(rec):
                group_pages.setdefault(g, set()).add((rec.source, rec.page_id))
    order = sorted(
        (g for g in group_pages if g not in (GROUP_ZH, GROUP_NONZH)),
        key=lambda g: (-len(group_pages[g]), g),
    )
    order += [g for g in (GROUP_ZH, GROUP_NONZH) if g in group_pages]
    groups = {g: len(group_pages[g]) for g in order}

    summaries: list[ExtractorSummary] = []
    floor_summary: ExtractorSummary | None = None
    for ext in result.extractors:
        recs = by_ext.get(ext.name, [])
        per_group: dict[str, list[PageResult]] = {}
        for rec in recs:
            for g in groups_of(rec):
                per_group.setdefault(g, []).append(rec)
        meta_counts: dict[str, list[int]] = {}
        for f in ext.fields:
            checked = [r.meta[f] for r in recs if f in r.meta]
            if checked:
                meta_counts[f] = [sum(checked), len(checked)]
        secs = sum(r.seconds for r in recs)
        size = sum(r.size for r in recs)
        summary = ExtractorSummary(
            name=ext.name,
            version=version_of(ext),
            call=ext.call,
            groups={g: summarize_group(per_group[g]) for g in order if g in per_group},
            pages=len(recs),
            empty=sum(r.empty for r in recs),
            errors=sum(r.status == "error" for r in recs),
            timeouts=sum(r.status == "timeout" for r in recs),
            snippets_passed=sum(r.snippets_passed for r in recs),
            snippets_total=sum(r.snippets_total for r in recs),
            meta=meta_counts,
            seconds=secs,
            cpu_seconds=sum(r.cpu_seconds for r in recs),
            bytes=size,
            pages_per_s=len(recs) / secs if secs > 0 else None,
            mb_per_s=size / 1e6 / secs if secs > 0 else None,
            median_ms=float(statistics.median(r.seconds for r in recs)) * 1000 if recs else None,
            x_floor=secs / floor_s if floor_s > 0 and secs > 0 else None,
            peak_rss_mb=result.peak_rss_mb.get(ext.name),
            floor=ext.floor,
        )
        if ext.floor:
            floor_summary = summary
        else:
            summaries.append(summary)
    summaries.sort(key=lambda s: -(_headline_f1(s) or -1.0))
    run_meta = {
        "date": _dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "jobs": result.jobs,
        "timeout_s": result.timeout,
        "wall_seconds": round(result.wall_seconds, 1),
        "pages": len({(r.source, r.page_id) for r in result.records}),
        "run_peak_rss_mb": round(result.run_peak_rss_mb, 1),
        "load_avg_at_end": result.load_avg,
        **(meta or {}),
    }
    return Report(summaries, floor_summary, groups, result.records, result.skipped, run_meta)


def _headline_f1(s: ExtractorSummary) -> float | None:
    """The F1 the tables sort by and the plot shows: Chinese pages, else all."""
    for g in (GROUP_ZH, GROUP_NONZH):
        if g in s.groups and s.groups[g].f1 is not None:
            return s.groups[g].f1
    return None


def worst_pages(report: Report, n: int, target: str = "cleanser") -> list[dict[str, Any]]:
    """The ``n`` text-gold pages where ``target`` trails the best peer most."""
    by_page: dict[tuple[str, str], dict[str, PageResult]] = {}
    for rec in report.records:
        if rec.has_gold and rec.f1 is not None and rec.extractor != FLOOR.name:
            by_page.setdefault((rec.source, rec.page_id), {})[rec.extractor] = rec
    rows = []
    for recs in by_page.values():
        mine = recs.get(target)
        peers = [r for name, r in recs.items() if name != target]
        if mine is None or not peers:
            continue
        best = max(peers, key=lambda r: r.f1 or 0.0)
        gap = (best.f1 or 0.0) - (mine.f1 or 0.0)
        if gap > 0:
            rows.append((gap, mine, best))
    rows.sort(key=lambda t: -t[0])
    return [
        {
            "source": mine.source,
            "page": mine.page_id,
            "path": mine.path,
            "gap": round(gap, 4),
            target: {"f1": mine.f1, "status": mine.status, "head": mine.head},
            "best_peer": {"name": best.extractor, "f1": best.f1, "head": best.head},
        }
        for gap, mine, best in rows[:n]
    ]


# --------------------------------------------------------------------------------------
# Floors (the CI quality gate)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortfall:
    """A group whose measured mean F1 is below its floor."""

    group: str
    floor: float
    measured: float


def measured_f1(summary: ExtractorSummary) -> dict[str, float]:
    """Mean F1 per group with at least one text-gold page."""
    return {g: s.f1 for g, s in summary.groups.items() if s.pages and s.f1 is not None}


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    """The floors document (``{"floors": {group: f1}, ...}``); empty when absent."""
    if not Path(path).is_file():
        return {"floors": {}}
    doc: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    doc.setdefault("floors", {})
    return doc


def check_floors(measured: dict[str, float], floors: dict[str, float]) -> list[Shortfall]:
    """Groups measured below their floor (groups not measured are not judged)."""
    return [
        Shortfall(g, floor, measured[g])
        for g, floor in sorted(floors.items())
        if g in measured and measured[g] < floor - FLOOR_EPSILON
    ]


def floor_for(value: float, margin: float = FLOOR_MARGIN) -> float:
    """The floor pinned for a measured mean: ``margin`` below it, rounded down."""
    scale = float(10**FLOOR_DECIMALS)
    return max(0.0, int((value - margin) * scale + FLOOR_EPSILON) / scale)


@dataclass
class FloorUpdate:
    """What ``--update-floors`` did or would do."""

    floors: dict[str, float]
    raised: dict[str, tuple[float | None, float]]
    kept: list[str]
    regressions: list[Shortfall]
    refused: bool


def update_floors(
    old: dict[str, float],
    measured: dict[str, float],
    *,
    margin: float = FLOOR_MARGIN,
    allow_regression: bool = False,
) -> FloorUpdate:
    """Raise floors to ``measured - margin``; never lower one unless allowed.

    A floor whose group now measures below it is a regression: the whole update is
    refused unless ``allow_regression``, which then lowers it to the new value.
    A floor that the margin would lower while the measurement still passes is kept.
    Groups not measured keep their floors; new groups get one.
    """
    regressions = check_floors(measured, old)
    refused = bool(regressions) and not allow_regression
    floors = dict(old)
    raised: dict[str, tuple[float | None, float]] = {}
    kept: list[str] = []
    if not refused:
        regressed = {s.group for s in regressions}
        for g, value in measured.items():
            new = floor_for(value, margin)
            cur = old.get(g)
            if cur is None or new > cur + FLOOR_EPSILON or g in regressed:
                floors[g] = new
                raised[g] = (cur, new)
            else:
                kept.append(g)
    return FloorUpdate(dict(sorted(floors.items())), raised, kept, regressions, refused)


def format_shortfalls(shortfalls: Sequence[Shortfall]) -> str:
    """One line per missed floor, for test failures and the CLI."""
    return "\n".join(
        f"  {s.group}: mean F1 {s.measured:.4f} < floor {s.floor:.3f}" for s in shortfalls
    )


def measure_cleanser(
    pages: Sequence[Page], *, timeout: float | None = DEFAULT_TIMEOUT_S
) -> tuple[dict[str, float], Report]:
    """Run cleanser alone in this process; its mean F1 per group (what floors pin)."""
    result = run(pages, [EXTRACTORS["cleanser"]], jobs=0, timeout=timeout, floor=False)
    report = summarize(result)
    summary = next(s for s in report.summaries if s.name == "cleanser")
    return measured_f1(summary), report


# --------------------------------------------------------------------------------------
# Rendering: tables, Markdown, JSON, plot
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableData:
    """A rendered-agnostic table: title, header row and body rows of strings."""

    title: str
    headers: list[str]
    rows: list[list[str]]


def _f(value: float | None, digits: int = 3) -> str:
    """A score for a table cell."""
    return "–" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    """A share as a whole percentage for a table cell."""
    return "–" if value is None else f"{100 * value:.0f} %"


def _rate(value: float | None) -> str:
    """A speed with three significant digits."""
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def tables(report: Report) -> list[TableData]:
    """The tables of a report, in display order."""
    out: list[TableData] = []
    has_zh = GROUP_ZH in report.groups
    has_nonzh = GROUP_NONZH in report.groups
    main_g = GROUP_ZH if has_zh else GROUP_NONZH
    n_main = report.groups.get(main_g, 0)
    headers = ["extractor", f"F1 {main_g} ({n_main})", "P", "R", "ROUGE-L", "F1≥0.9"]
    if has_zh and has_nonzh:
        headers.append(f"F1 non-zh ({report.groups[GROUP_NONZH]})")
    headers += ["empty", "errors", "timeouts", "pages/s"]
    rows = []
    for s in report.summaries:
        g = s.groups.get(main_g, GroupSummary())
        row = [s.name, _f(g.f1), _f(g.precision), _f(g.recall), _f(g.rouge_l), _pct(g.good_share)]
        if has_zh and has_nonzh:
            row.append(_f(s.groups.get(GROUP_NONZH, GroupSummary()).f1))
        row += [str(s.empty), str(s.errors), str(s.timeouts), _rate(s.pages_per_s)]
        rows.append(row)
    out.append(TableData("Accuracy (mean char-level F1 per page) and speed", headers, rows))

    names = [s.name for s in report.summaries]
    rows = []
    for group, n in report.groups.items():
        row = [f"{group} ({n})"]
        vals = [s.groups.get(group, GroupSummary()).f1 for s in report.summaries]
        best = max((v for v in vals if v is not None), default=None)
        for v in vals:
            cell = _f(v)
            row.append(f"**{cell}**" if v is not None and v == best and len(vals) > 1 else cell)
        rows.append(row)
    out.append(TableData("Mean F1 per source (best in bold)", ["source (pages)", *names], rows))

    g_leak = main_g
    rows = []
    any_snip = any(s.snippets_total for s in report.summaries)
    for s in report.summaries:
        g = s.groups.get(g_leak, GroupSummary())
        row = [s.name] + [_pct(g.leaks.get(c)) if g.leak_base else "–" for c in LEAK_CLASSES]
        if any_snip:
            row.append(f"{s.snippets_passed}/{s.snippets_total}" if s.snippets_total else "–")
        for fld in META_FIELDS:
            if fld in s.meta:
                ok, total = s.meta[fld]
                row.append(f"{ok}/{total}")
            else:
                row.append("–")
        rows.append(row)
    headers = ["extractor", *(f"{c} leak" for c in LEAK_CLASSES)]
    if any_snip:
        headers.append("snippets")
    headers += [f"{fld} ok" for fld in META_FIELDS]
    out.append(
        TableData(
            f"Boilerplate leaks ({g_leak}, share of non-empty outputs), snippet checks, metadata",
            headers,
            rows,
        )
    )

    rows = []
    speed_rows = [*report.summaries, *([report.floor] if report.floor else [])]
    for s in sorted(speed_rows, key=lambda s: -(s.pages_per_s or 0.0)):
        rows.append(
            [
                s.name,
                s.version,
                _rate(s.pages_per_s),
                _rate(s.mb_per_s),
                _rate(s.median_ms),
                "1 (floor)" if s.floor else _rate(s.x_floor),
                _rate(s.peak_rss_mb) if s.peak_rss_mb else "–",
            ]
        )
    out.append(
        TableData(
            "Speed (single process, interleaved per page)",
            ["extractor", "version", "pages/s", "MB/s", "median ms", "× lxml", "peak RSS MB"],
            rows,
        )
    )
    return out


def markdown_table(t: TableData) -> str:
    """A GitHub-flavoured Markdown table."""
    esc = [[c.replace("|", "\\|") for c in r] for r in [t.headers, *t.rows]]
    lines = ["| " + " | ".join(esc[0]) + " |", "|" + "---|" * len(t.headers)]
    lines += ["| " + " | ".join(r) + " |" for r in esc[1:]]
    return "\n".join(lines)


def render_markdown(report: Report, command: str | None = None) -> str:
    """The report as Markdown: run facts, the tables, and how each extractor was called."""
    m = report.meta
    parts = []
    facts = (
        f"{m.get('pages')} pages, Python {m.get('python')}, {m.get('cpus')} CPUs,"
        f" {_lanes(m.get('jobs'))}, timeout {m.get('timeout_s')} s per page,"
        f" wall time {m.get('wall_seconds')} s, peak RSS {m.get('run_peak_rss_mb')} MB,"
        f" machine load {'/'.join(str(x) for x in m.get('load_avg_at_end') or []) or '?'}"
        f" (1/5/15 min, at the end) ({m.get('date')})."
    )
    if command:
        parts.append(f"Command: `{command}`")
    parts.append(facts)
    for t in tables(report):
        parts.append(f"**{t.title}**\n\n{markdown_table(t)}")
    parts.append(TABLE_NOTES)
    lines = headline(report)
    if lines:
        parts.append("Headline:\n\n" + "\n".join(f"- {line}" for line in lines))
    calls = "\n".join(f"- **{s.name}**: `{s.call}`" for s in report.summaries)
    parts.append(f"How each extractor is called:\n\n{calls}")
    if report.skipped:
        skipped = "; ".join(f"{k} ({v})" for k, v in report.skipped.items())
        parts.append(f"Skipped (does not import here): {skipped}")
    return "\n\n".join(parts) + "\n"


def _lanes(jobs: Any) -> str:
    """How a run was parallelised, in words."""
    return "in-process (no workers)" if not jobs else f"{jobs} parallel lane(s) of workers"


def headline(report: Report, target: str = "cleanser") -> list[str]:
    """One line per peer: ``target``'s mean F1 and speed against that peer's."""
    mine = next((s for s in report.summaries if s.name == target), None)
    if mine is None:
        return []
    group = GROUP_ZH if GROUP_ZH in report.groups else GROUP_NONZH
    f_mine = mine.groups.get(group, GroupSummary()).f1
    out = []
    for s in report.summaries:
        f_peer = s.groups.get(group, GroupSummary()).f1
        if s is mine or f_mine is None or f_peer is None:
            continue
        diff = f_mine - f_peer
        verdict = "ahead of" if diff > 0 else "behind" if diff < 0 else "level with"
        speed = ""
        if mine.pages_per_s and s.pages_per_s:
            ratio = mine.pages_per_s / s.pages_per_s
            speed = f", {ratio:.1f}× as fast" if ratio >= 1 else f", {1 / ratio:.1f}× slower"
        out.append(
            f"{target} {verdict} {s.name} by {abs(diff):.3f} F1 on {group}"
            f" ({f_mine:.3f} vs {f_peer:.3f}){speed}"
        )
    return out


def readme_section(
    report: Report, command: str, readme: Path, plot_path: Path | None = None
) -> str:
    """The README's benchmark section (between the bench markers) for this run."""
    parts = ["## Benchmark", README_INTRO, f"```sh\n{command}\n```"]
    if plot_path is not None:
        rel = os.path.relpath(Path(plot_path).resolve(), Path(readme).resolve().parent)
        parts.append(f"![Mean F1 against pages/s, one point per extractor]({rel})")
    parts.append(render_markdown(report).rstrip())
    parts.append(README_GATE)
    return "\n\n".join(parts) + "\n"


def write_readme_section(readme: Path, section: str) -> None:
    """Replace the text between the bench markers (appending them at the end if absent)."""
    start, end = README_MARKERS
    text = Path(readme).read_text(encoding="utf-8") if Path(readme).is_file() else ""
    block = f"{start}\n{section.rstrip()}\n{end}"
    if start in text and end in text.split(start, 1)[1]:
        head, rest = text.split(start, 1)
        tail = rest.split(end, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
    Path(readme).write_text(text, encoding="utf-8")


def report_json(report: Report, worst: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The report as a JSON-ready dict, per-page records included."""
    return {
        "meta": report.meta,
        "groups": report.groups,
        "extractors": [asdict(s) for s in report.summaries],
        "floor": asdict(report.floor) if report.floor else None,
        "skipped": report.skipped,
        "worst": worst or [],
        "pages": [asdict(r) for r in report.records],
    }


def plot(report: Report, path: Path) -> None:
    """Mean F1 against pages/s (log x), one labelled point per extractor."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5.5), dpi=120)
    group = GROUP_ZH if GROUP_ZH in report.groups else GROUP_NONZH
    points = [
        (s, s.pages_per_s, f1)
        for s in report.summaries
        if (f1 := _headline_f1(s)) is not None and s.pages_per_s
    ]
    for s, x, y in points:
        mine = s.name == "cleanser"
        ax.scatter(
            [x], [y], s=70 if mine else 40, color="tab:red" if mine else "tab:blue", zorder=3
        )
    ax.set_xscale("log")
    ax.set_ylim(0, 1.02)
    if points:
        xs = [x for _, x, _ in points]
        ax.set_xlim(
            min(xs) / 3, max([*xs, report.floor.pages_per_s or 0.0] if report.floor else xs) * 2.5
        )
    if report.floor and report.floor.pages_per_s:
        ax.axvline(report.floor.pages_per_s, color="grey", linestyle="--", linewidth=1)
        ax.annotate(
            "lxml parse only",
            (report.floor.pages_per_s, 0.02),
            xycoords=("data", "axes fraction"),
            rotation=90,
            fontsize=8,
            color="grey",
            xytext=(-10, 0),
            textcoords="offset points",
        )
    ax.set_xlabel("pages/s (single process, log scale)")
    ax.set_ylabel(f"mean char-level F1 ({group}, {report.groups.get(group, 0)} pages)")
    ax.set_title("Accuracy against speed")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()  # before placing labels: they are placed in final display coordinates
    _place_labels(
        fig, ax, [(f"{s.name} {y:.3f}", x, y, s.name == "cleanser") for s, x, y in points]
    )
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


# Label positions tried in turn (offset in points, horizontal alignment) until a label
# overlaps neither another label nor a point.
_LABEL_SPOTS = (
    (6, 4, "left"),
    (6, -12, "left"),
    (-6, 4, "right"),
    (-6, -12, "right"),
    *((dx, dy, ha) for dy in (22, -30, 40, -48) for dx, ha in ((14, "left"), (-14, "right"))),
)
# Labels moved further than this (points) get a leader line to their point.
_LEADER_BEYOND = 14


def _place_labels(fig: Any, ax: Any, labels: list[tuple[str, float, float, bool]]) -> None:
    """Annotate points, highest first, each at the spot that collides least.

    A spot's cost counts leaving the axes, covering a point, and overlapping a
    label already placed; the first spot without cost wins.
    """
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    centres = [ax.transData.transform((x, y)) for _, x, y, _ in labels]
    boxes: list[Any] = []
    for text, x, y, bold in sorted(labels, key=lambda t: -t[2]):
        best: tuple[int, int, float, float, str] | None = None
        for order, (dx, dy, ha) in enumerate(_LABEL_SPOTS):
            ann = _annotate(ax, text, x, y, dx, dy, ha, bold, leader=False)  # text box only
            box = ann.get_window_extent(renderer).expanded(1.05, 1.2)
            ann.remove()
            inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
            cost = (
                (0 if inside else 100)
                + 10 * sum(box.contains(px, py) for px, py in centres)
                + sum(box.overlaps(other) for other in boxes)
            )
            if best is None or cost < best[0]:
                best = (cost, order, dx, dy, ha)
            if cost == 0:
                break
        assert best is not None
        _annotate(ax, text, x, y, best[2], best[3], best[4], bold)
        measured = _annotate(ax, text, x, y, best[2], best[3], best[4], bold, leader=False)
        boxes.append(measured.get_window_extent(renderer))
        measured.remove()


def _annotate(
    ax: Any,
    text: str,
    x: float,
    y: float,
    dx: float,
    dy: float,
    ha: str,
    bold: bool,
    leader: bool = True,
) -> Any:
    """One label at an offset from its point, with a leader line when moved far."""
    far = abs(dy) > _LEADER_BEYOND
    return ax.annotate(
        text,
        (x, y),
        textcoords="offset points",
        xytext=(dx, dy),
        ha=ha,
        va="center" if far else "baseline",
        fontsize=9,
        fontweight="bold" if bold else "normal",
        arrowprops=dict(arrowstyle="-", color="grey", lw=0.6, shrinkA=0, shrinkB=4)
        if far and leader
        else None,
    )


def print_tables(report: Report, stream: Any = None) -> None:
    """The tables on a terminal (rich when importable), as Markdown in pipes and logs."""
    target = stream or sys.stdout
    try:
        from rich import box
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        print(render_markdown(report), file=target)
        return
    console = Console(file=target)
    if not console.is_terminal:
        print(render_markdown(report), file=target)
        return
    for t in tables(report):
        table = Table(title=t.title, box=box.SIMPLE_HEAVY, title_justify="left")
        for i, h in enumerate(t.headers):
            table.add_column(h, justify="left" if i == 0 else "right", no_wrap=i == 0)
        for r in t.rows:
            table.add_row(*(c.replace("**", "") for c in r))
        console.print(table)
    if report.skipped:
        console.print("skipped: " + "; ".join(f"{k} ({v})" for k, v in report.skipped.items()))


def print_worst(rows: list[dict[str, Any]], target: str = "cleanser", stream: Any = None) -> None:
    """Where ``target`` trails the best peer most, with both outputs' first lines."""
    out = stream or sys.stdout
    print(f"\nPages where {target} trails the best peer most:", file=out)
    for r in rows:
        mine, best = r[target], r["best_peer"]
        print(
            f"\n{r['path']}\n  {target} F1 {_f(mine['f1'])} ({mine['status']}) vs"
            f" {best['name']} {_f(best['f1'])} (gap {r['gap']:.3f})",
            file=out,
        )
        for label, head in ((target, mine["head"]), (best["name"], best["head"])):
            print(f"  {label}:", file=out)
            for line in head or ["(empty)"]:
                print(f"    | {line}", file=out)


# --------------------------------------------------------------------------------------
# Progress
# --------------------------------------------------------------------------------------


class _Progress:
    """A rich progress bar on a terminal, periodic plain lines elsewhere, or nothing.

    The bar is refreshed by hand (no refresh thread), so forking a worker
    mid-run never copies a thread holding a lock.
    """

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.t0 = total, 0, time.monotonic()
        self.last = 0.0
        self.bar: Any = None
        self.task: Any = None
        self.enabled = enabled and total > 0
        self.next_pct = 10
        if not self.enabled:
            return
        try:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
        except ImportError:
            return
        console = Console(stderr=True)
        if not console.is_terminal:
            return
        self.bar = Progress(
            TextColumn("[bold]bench"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=console,
            auto_refresh=False,
            transient=True,
        )
        self.task = self.bar.add_task("", total=total)
        self.bar.start()

    def __call__(self, rec: PageResult) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.bar is not None:
            self.bar.update(
                self.task,
                completed=self.done,
                description=f"{rec.extractor} · {rec.source}/{rec.page_id}"[:60],
            )
            if now - self.last > 0.1 or self.done == self.total:
                self.bar.refresh()
                self.last = now
        elif 100 * self.done >= self.next_pct * self.total:
            print(
                f"bench: {self.next_pct} % ({self.done}/{self.total}), {now - self.t0:.0f} s",
                file=sys.stderr,
            )
            self.next_pct += 10

    def close(self) -> None:
        """Remove the progress bar."""
        if self.bar is not None:
            self.bar.stop()


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def default_inputs() -> list[Path]:
    """``samples/`` and ``../shared/corpus``, each found from the CWD or the repo root."""
    found = []
    for rel in DEFAULT_INPUTS:
        for base in (Path.cwd(), REPO_ROOT):
            cand = (base / rel).resolve()
            if cand.is_dir():
                if cand not in found:
                    found.append(cand)
                break
    return found


def load_pages(
    paths: Sequence[Path], sources: Sequence[str] | None = None, limit: int | None = None
) -> list[Page]:
    """Pages under every path, optionally only some sources and the first N of each."""
    pages: list[Page] = []
    for path in paths:
        pages.extend(load(path))
    if sources:
        wanted = set(sources)
        pages = [p for p in pages if p.source in wanted]
    if limit is not None:
        seen: dict[str, int] = {}
        kept = []
        for p in pages:
            seen[p.source] = seen.get(p.source, 0) + 1
            if seen[p.source] <= limit:
                kept.append(p)
        pages = kept
    return pages


def select_extractors(spec: str | None) -> tuple[list[Extractor], dict[str, str]]:
    """Extractors named in ``--extractors`` (all of them, or fail), or the default set.

    The default is cleanser, trafilatura and readability-lxml plus every other
    registered peer whose module is installed here.
    """
    if spec:
        names = [n for n in (x.strip() for x in spec.split(",")) if n]
        if names == ["all"]:
            names = list(EXTRACTORS)
        return [resolve_extractor(n) for n in names], {}
    chosen, skipped = [], {}
    for name, ext in EXTRACTORS.items():
        if name in ALWAYS or importable(ext):
            chosen.append(ext)
        else:
            skipped[name] = "not installed for this Python"
    return chosen, skipped


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``cleanser bench`` (everything after the word ``bench``)."""
    p = argparse.ArgumentParser(
        prog="cleanser bench",
        description="Accuracy and speed of cleanser and its peers on the same pages.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="corpus folder (per-source pages.json, <id>.html + <id>.txt) or "
        "samples folder; default: samples/ and ../shared/corpus if present",
    )
    p.add_argument(
        "--extractors",
        metavar="A,B,C",
        help="extractors to run ('all', names, or module:function); default: "
        "cleanser, trafilatura, readability-lxml and every installed peer",
    )
    p.add_argument("--sources", metavar="A,B", help="only pages of these sources")
    p.add_argument("--limit", type=int, metavar="N", help="at most N pages per source")
    p.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        metavar="N",
        help=f"parallel lanes of worker processes; 0 = in this process (default {DEFAULT_JOBS})",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"per page and extractor (default {DEFAULT_TIMEOUT_S:g})",
    )
    p.add_argument("--json", type=Path, metavar="FILE", help="write the full report as JSON")
    p.add_argument("--markdown", type=Path, metavar="FILE", help="write the tables as Markdown")
    p.add_argument(
        "--plot",
        type=Path,
        metavar="FILE.png",
        help="plot mean F1 against pages/s (needs matplotlib)",
    )
    p.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="show the N pages where cleanser trails the best peer most",
    )
    p.add_argument(
        "--save-outputs",
        type=Path,
        metavar="DIR",
        help="write every output to DIR/<extractor>/<source>/<id>.txt",
    )
    p.add_argument(
        "--readme",
        type=Path,
        metavar="FILE",
        help="replace the text between the bench markers in FILE (e.g. README.md)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    gate = p.add_argument_group("quality gate (cleanser's per-source floors)")
    gate.add_argument(
        "--floors",
        type=Path,
        default=FLOORS_PATH,
        metavar="FILE",
        help=f"floors file (default {FLOORS_PATH})",
    )
    gate.add_argument(
        "--check-floors", action="store_true", help="exit 1 when cleanser misses a floor"
    )
    gate.add_argument(
        "--update-floors",
        action="store_true",
        help="raise floors to the measured mean F1 minus --margin",
    )
    gate.add_argument(
        "--allow-regression",
        action="store_true",
        help="let --update-floors lower floors that are now missed",
    )
    gate.add_argument(
        "--margin",
        type=float,
        default=FLOOR_MARGIN,
        help=f"floor = measured - margin (default {FLOOR_MARGIN})",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Run ``cleanser bench`` with the arguments after ``bench``; return the exit code."""
    args = build_parser().parse_args(argv)
    paths = list(args.paths) or default_inputs()
    missing = [str(p) for p in paths if not Path(p).is_dir()]
    if not paths or missing:
        what = ", ".join(missing) if missing else "samples/ or ../shared/corpus"
        print(f"cleanser bench: no such folder: {what}", file=sys.stderr)
        return 2
    try:
        extractors, skipped = select_extractors(args.extractors)
    except ValueError as exc:
        print(f"cleanser bench: {exc}", file=sys.stderr)
        return 2
    if (args.update_floors or args.check_floors or args.worst) and not any(
        e.name == "cleanser" for e in extractors
    ):
        print(
            "cleanser bench: --update-floors/--check-floors/--worst need cleanser in --extractors",
            file=sys.stderr,
        )
        return 2
    sources = [s for s in (args.sources or "").split(",") if s] or None
    pages = load_pages(paths, sources, args.limit)
    if not pages:
        print("cleanser bench: no pages found", file=sys.stderr)
        return 2
    print(
        f"bench: {len(pages)} pages from {', '.join(str(p) for p in paths)}; extractors: "
        f"{', '.join(e.name for e in extractors)}; {_lanes(args.jobs)}",
        file=sys.stderr,
    )
    n_runs = len(pages) * (len(extractors) + 1)
    progress = _Progress(n_runs, enabled=not args.no_progress)
    try:
        result = run(
            pages,
            extractors,
            jobs=args.jobs,
            timeout=args.timeout or None,
            save_dir=args.save_outputs,
            on_result=progress,
            strict=bool(args.extractors),
        )
    except RuntimeError as exc:
        progress.close()
        print(f"cleanser bench: cannot run: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        progress.close()
        print("cleanser bench: interrupted", file=sys.stderr)
        return 130
    progress.close()
    result.skipped = {**skipped, **result.skipped}
    command = "cleanser bench " + " ".join(sys.argv[1:] if argv is None else argv)
    report = summarize(result, {"command": command.strip(), "inputs": [str(p) for p in paths]})
    print_tables(report)
    worst = worst_pages(report, args.worst) if args.worst else []
    if worst:
        print_worst(worst)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(report_json(report, worst), ensure_ascii=False, indent=1), "utf-8"
        )
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(render_markdown(report, command.strip()), encoding="utf-8")
    if args.plot:
        try:
            plot(report, args.plot)
        except ImportError:
            print(
                "cleanser bench: --plot needs matplotlib (pip install 'cleanser[bench]')",
                file=sys.stderr,
            )
            return 2
    if args.readme:
        section = readme_section(report, command.strip(), args.readme, args.plot)
        write_readme_section(args.readme, section)
    code = 0
    if args.check_floors or args.update_floors:
        code = _floors_step(report, args)
    return code


def _floors_step(report: Report, args: argparse.Namespace) -> int:
    """--check-floors / --update-floors on cleanser's measured per-group mean F1."""
    summary = next(s for s in report.summaries if s.name == "cleanser")
    measured = measured_f1(summary)
    doc = load_floors(args.floors)
    floors: dict[str, float] = doc["floors"]
    if args.check_floors and not args.update_floors:
        shortfalls = check_floors(measured, floors)
        if shortfalls:
            print("floors missed:\n" + format_shortfalls(shortfalls), file=sys.stderr)
            return 1
        print(f"all {len([g for g in floors if g in measured])} floors met", file=sys.stderr)
        return 0
    upd = update_floors(
        floors, measured, margin=args.margin, allow_regression=args.allow_regression
    )
    if upd.refused:
        print(
            "refusing to lower floors (pass --allow-regression to accept):\n"
            + format_shortfalls(upd.regressions),
            file=sys.stderr,
        )
        return 1
    pages = {**doc.get("pages", {}), **{g: summary.groups[g].pages for g in measured}}
    doc = {
        "about": FLOORS_ABOUT,
        "extractor": "cleanser",
        "metric": "mean char-level F1 per page (cleanser.scoring.char_prf), per source/group",
        "margin": args.margin,
        "commit": version_of(EXTRACTORS["cleanser"]),
        "updated": _dt.date.today().isoformat(),
        "floors": upd.floors,
        "pages": dict(sorted(pages.items())),
    }
    args.floors.parent.mkdir(parents=True, exist_ok=True)
    args.floors.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
    for g, (old, new) in upd.raised.items():
        print(f"floor {g}: {'new' if old is None else f'{old:.3f}'} → {new:.3f}", file=sys.stderr)
    if upd.regressions:
        print("lowered (allowed):\n" + format_shortfalls(upd.regressions), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
