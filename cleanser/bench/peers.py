"""The extractors ``cleanser bench`` compares, and how each one is called.

Every extractor is an :class:`Extractor`: a ``factory`` that imports its library
once per worker process and returns the per-page call ``fn(raw_bytes, url)``, plus
the words the README and the JSON report use to describe that call. The adapters
(``_cleanser``, ``_trafilatura``, ...) call each peer the way a user would on
Chinese pages; peers that accept only ``str`` get the page decoded by
:func:`cleanser.io.decoding.decode` inside the timed call, since a user has to decode
too. :data:`FLOOR` is bare ``lxml.html.fromstring``, timed as the speed floor.

:data:`EXTRACTORS` is the registry, :func:`resolve_extractor` also accepts aliases
and custom ``module:function`` extractors, and :func:`_as_output` normalises what
any of them returns into an :class:`Output`.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import importlib.metadata
import importlib.util
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleanser.io.decoding import decode
from cleanser.vocabulary import BLOCK_TAGS

# The cleanser checkout (two levels above this package): cleanser's version names its
# git commit, and the floors file and the default inputs are found from here.
REPO_ROOT = Path(__file__).resolve().parent.parent.parent

# Runs of whitespace: html_to_text collapses them, metrics._norm removes them.
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Output:
    """What one extractor returned for one page (metadata fields only where it has them)."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    kind: str | None = None  # the page kind the extractor judged (cleanser only)


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


# Line breaks of a peer's HTML output: the block elements and <br>.
_BLOCK_TAGS = BLOCK_TAGS | {"br"}


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
        date = art.published or art.published_raw
        return Output(art.text, art.title, _str_or_none(art.author), date, art.kind)

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
        from cleanser import __version__

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
        _str_or_none(getattr(value, "kind", None)),
    )
