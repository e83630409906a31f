"""The pipeline: bytes → tree → features → scores → selection → output.

Each stage is its own module and only hands its result forward.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from html import escape
from typing import NamedTuple, TypeVar

from lxml import html

from cleanser.article import Article
from cleanser.body.dom import drop_selected, parse, prepare
from cleanser.body.features import Features, Node, collapse, extract_features
from cleanser.body.heuristic import forum_lines, looks_like_forum
from cleanser.body.kinds import (
    Judgement,
    KindWeights,
    PageEvidence,
    judge,
    measure,
)
from cleanser.body.model import Params, fitted, fitted_kinds
from cleanser.body.output import Body, render
from cleanser.body.records_output import links_of, posts_of
from cleanser.body.regions import RegionWeights
from cleanser.body.selection import Selection, node_of, select
from cleanser.errors import CleanserError, InputTooLargeError, InternalError, NotHTMLError
from cleanser.io.decoding import decode_explained, not_text_reason, utf16_without_bom
from cleanser.meta.fields import Metadata, extract_metadata
from cleanser.options import Options
from cleanser.selectors import compile_selector
from cleanser.vocabulary import (
    BINARY_SAMPLE_BYTES,
    BINARY_SIGNATURES,
    ERROR_PAGE_MAX_TOKENS,
    FORUM_LINES_FULL,
    FORUM_MIN_LINES,
    MAX_CONTROL_SHARE,
    TRUNCATE_LOOKBACK,
    UTF8_COUNT_CHUNK_CHARS,
)

_DEFAULT = Options()
_T = TypeVar("_T", str, bytes)

# Control bytes counted by the binary check: the C0 controls but tab, LF, VT, FF and CR.
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])
# UTF-8 continuation bytes (10xxxxxx): every other byte starts a character.
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
# Article.encoding_reason of text given as ``str``.
_STR_INPUT = "given as text (str): nothing to decode"

# Page kinds that have no article, whatever block selection found.
_NO_ARTICLE_KINDS = ("list", "error")

# Article fields that are Metadata's fields as read (``url`` falls back to the page's URL).
_FROM_METADATA = tuple(
    f.name
    for f in fields(Metadata)
    if f.name in {a.name for a in fields(Article)} and f.name != "url"
)

_Run = tuple[Article, "Features | None", "Selection | None", "Judgement | None"]


def _guarded(
    func: Callable[[bytes | str, str | None, Options, str | None], _Run],
) -> Callable[..., _Run]:
    """Let only ``CleanserError`` (and ``TypeError`` for a wrong argument type) escape.

    Anything else is a cleanser bug; it is re-raised as ``InternalError`` with the
    original as ``__cause__``, so callers need only one ``except CleanserError``.
    ``MemoryError`` and ``RecursionError`` are bugs too: traversals are iterative
    and input is capped by ``Options.max_bytes``.
    """

    @functools.wraps(func)
    def run(
        html_input: bytes | str, url: str | None, options: Options, encoding: str | None = None
    ) -> _Run:
        if not isinstance(html_input, (str, bytes, bytearray, memoryview)):
            raise TypeError(f"extract() takes bytes or str, not {type(html_input).__name__}")
        if url is not None and not isinstance(url, str):
            raise TypeError(f"url must be a str or None, not {type(url).__name__}")
        if not isinstance(options, Options):
            raise TypeError(f"options must be an Options, not {type(options).__name__}")
        try:
            return func(html_input, url, options, encoding)
        except CleanserError:
            raise
        except Exception as exc:
            raise InternalError(f"{type(exc).__name__} while extracting: {exc}") from exc

    return run


def extract(
    html_input: bytes | str,
    url: str | None = None,
    *,
    options: Options | None = None,
    encoding: str | None = None,
) -> Article:
    """The article body and metadata of a page given as bytes (any encoding) or text.

    ``encoding`` is an outside charset hint, such as the HTTP ``Content-Type``
    charset; it outranks the page's own declaration for bytes that are not UTF-8.
    """
    return run(html_input, url, options or _DEFAULT, encoding)[0]


@dataclass
class Staged:
    """A page parsed, read and measured: everything selection needs, before it runs.

    The training command keeps these per page and runs only selection and output
    again for each candidate set of parameters.
    """

    encoding: str | None
    url: str | None
    meta: Metadata
    features: Features
    titles: tuple[str, ...]
    forum: bool
    forced: Node | None
    evidence: PageEvidence
    encoding_reason: str | None = None  # why ``encoding`` won (Article.encoding_reason)


def stage(
    html_input: bytes | str, url: str | None, options: Options, hint: str | None = None
) -> Staged | Article:
    """Decode, parse, read the metadata and compute the features (or the empty Article)."""
    text, encoding, why = read_input(html_input, options, hint)
    if not text or text.isspace():  # (text.strip() would copy a whole page ending in \n)
        return Article(encoding=encoding, encoding_reason=why, url=url, reason="empty input")
    root = parse(text)
    del text  # (the tree holds the page now; a 20 MB page's text is 20-40 MB more)
    if root is None:
        return Article(encoding=encoding, encoding_reason=why, url=url, reason="nothing parseable")
    meta = extract_metadata(root, url, options.reference_time)
    prepare(root)
    if options.drop:
        drop_selected(root, options.drop)
    features = extract_features(root)
    titles = _title_candidates(root, meta)
    # Forum-only lines are counted once, for the forum test and the page kinds.
    lines = forum_lines(features.blocks, max(FORUM_LINES_FULL, FORUM_MIN_LINES))
    forum = looks_like_forum(meta.url or url, features.blocks, lines)
    forced = _named_body(root, features, options.body)
    evidence = measure(features, meta.url or url, meta.title, meta.published is not None, lines)
    return Staged(encoding, url, meta, features, titles, forum, forced, evidence, why)


@_guarded
def run(
    html_input: bytes | str, url: str | None, options: Options, hint: str | None = None
) -> _Run:
    staged = stage(html_input, url, options, hint)
    if isinstance(staged, Article):
        return staged, None, None, None
    article, selection, judgement = assemble(staged, options)
    article = replace(article, encoding_reason=staged.encoding_reason)
    return article, staged.features, selection, judgement


def select_body(
    staged: Staged,
    options: Options,
    params: Params | None = None,
    chooser: RegionWeights | None = None,
    region: int | None = None,
) -> Selection:
    """Selection on a staged page (the training command re-runs only this: to judge
    kinds, and with ``region`` to score each candidate region)."""
    return select(
        staged.features,
        staged.titles,
        options,
        staged.forum,
        staged.meta.author,
        staged.forced,
        params,
        chooser,
        region,
        _records(staged),
    )


def _records(staged: Staged) -> tuple[Node, ...]:
    """The nodes of the page's best group of signed records (posts or comments), if any."""
    group = staged.evidence.posts
    nodes = staged.features.nodes
    return tuple(nodes[m] for m in group.members) if group is not None else ()


def assemble(
    staged: Staged,
    options: Options,
    params: Params | None = None,
    kinds: KindWeights | None = None,
    chooser: RegionWeights | None = None,
) -> tuple[Article, Selection, Judgement]:
    """Select and render the article of a staged page, and judge its kind.

    ``params``, ``kinds`` and ``chooser`` replace the fitted selection parameters,
    page-kind weights and region-choice weights (the training command's folds); by
    default the shipped ones are used.
    """
    meta, features, url, encoding = staged.meta, staged.features, staged.url, staged.encoding
    selection = select_body(staged, options, params, chooser)
    judgement = judge(
        staged.evidence, features, selection, fitted_kinds() if kinds is None else kinds
    )
    no_article = selection.node is None
    confidence, reason = selection.confidence, selection.reason
    used = params or fitted()
    empty_prob = used.error_empty_prob if judgement.kind == "error" else used.kind_empty_prob
    if (
        not no_article
        and judgement.kind in _NO_ARTICLE_KINDS
        and judgement.confidence >= empty_prob
        and staged.forced is None
        and (judgement.kind != "error" or _kept_tokens(selection) <= ERROR_PAGE_MAX_TOKENS)
    ):
        # Selection found a block, but the page as a whole reads as a list (or an
        # error page): a block of headlines and teasers is not an article.
        no_article = True
        confidence = 0.0
        reason = (
            f"judged a {judgement.kind} page (p={judgement.confidence:.2f}): no article; see links"
        )
    body = Body("", "", "", ()) if no_article else render(selection, features, meta, options)
    article = Article(
        text=body.text,
        html=body.html,
        markdown=body.markdown,
        encoding=encoding,
        confidence=confidence,
        reason=reason,
        images=body.images,
        kind=judgement.kind,
        posts=posts_of(judgement, features, selection, staged.titles),
        links=links_of(judgement, features, meta.base_url or meta.url or url),
        url=meta.url or url,
        **{name: getattr(meta, name) for name in _FROM_METADATA},
    )
    if no_article:
        # No article (a list, index or error page): nothing was published, written or
        # edited here, and a pager moves through the list, not an article.
        article = replace(
            article,
            published=None,
            published_raw=None,
            published_precision=None,
            author=(),
            editor=None,
            source=None,
            next_page_url=None,
        )
    if not article.text and article.reason is None:
        article = replace(article, reason="no text left after cleaning")
    return article, selection, judgement


def _kept_tokens(selection: Selection) -> int:
    """Tokens of text selection kept: an error page has few (its apology), an article many."""
    return sum(b.length for b in selection.kept)


class InputText(NamedTuple):
    """The page as text, the encoding its bytes were read with, and why that one."""

    text: str
    encoding: str | None  # None for ``str`` input
    reason: str  # Article.encoding_reason


def to_text(data: bytes | str, options: Options, hint: str | None = None) -> tuple[str, str | None]:
    """The page as text and the encoding used: ``read_input`` without the reason."""
    text, encoding, _ = read_input(data, options, hint)
    return text, encoding


def read_input(data: bytes | str, options: Options, hint: str | None = None) -> InputText:
    """Cap, check and decode the input as ``extract`` does (``hint``: an outside charset).

    ``Options.max_bytes`` counts bytes for ``str`` input too, as UTF-8 (what a
    Chinese page's text weighs: three bytes a character), so the same page is cut
    at the same place whether it comes as bytes or as text.
    """
    if isinstance(data, str):
        if _utf8_fit(data, options.max_bytes) is not None:
            if not options.truncate:
                raise InputTooLargeError(
                    f"input of {len(data)} characters, over {options.max_bytes} bytes as UTF-8"
                )
            data = _truncate(data, options.max_bytes)
        return InputText(data, None, _STR_INPUT)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"extract() takes bytes or str, not {type(data).__name__}")
    data = bytes(data)
    if len(data) > options.max_bytes:
        if not options.truncate:
            raise InputTooLargeError(f"input of {len(data)} bytes > {options.max_bytes}")
        data = _truncate(data, options.max_bytes)
    _reject_binary(data)
    return InputText(*decode_explained(data, hint))


def _truncate(data: _T, limit: int) -> _T:
    """The first ``limit`` bytes (of ``str``, as UTF-8), cut after a ``>`` near the cap.

    Without a ``>`` in the ``TRUNCATE_LOOKBACK`` before the cap, bytes are cut at
    the cap and ``str`` at the last whole character that fits.
    """
    if limit <= 0:
        return data[:0]
    if isinstance(data, str):
        fit = _utf8_fit(data, limit)
        if fit is None:
            return data
        limit = fit  # characters from here on: each is at least one byte
    gt = b">" if isinstance(data, bytes) else ">"
    cut = data.rfind(gt, max(0, limit - TRUNCATE_LOOKBACK), limit)
    return data[: cut + 1] if cut >= 0 else data[:limit]


def _utf8_fit(text: str, limit: int) -> int | None:
    """None when ``text`` is at most ``limit`` bytes as UTF-8, else how many of its
    characters fit in ``limit`` bytes.

    No full copy: an ASCII string's size is its length, a string of at most a
    quarter of ``limit`` characters fits whatever they are, and otherwise it is
    encoded ``UTF8_COUNT_CHUNK_CHARS`` characters at a time, only as far as the cap.
    Lone surrogates count three bytes, as the U+FFFD that replaces them.
    """
    if text.isascii() or 4 * len(text) <= limit:
        return None if len(text) <= limit else limit
    size = 0
    for start in range(0, len(text), UTF8_COUNT_CHUNK_CHARS):
        chunk = text[start : start + UTF8_COUNT_CHUNK_CHARS].encode("utf-8", "surrogatepass")
        if size + len(chunk) > limit:
            cut = limit - size  # chunk[cut] exists; step back to the start of its character
            while cut > 0 and chunk[cut] in _CONTINUATION_BYTES:
                cut -= 1
            return start + len(chunk[:cut].translate(None, _CONTINUATION_BYTES))
        size += len(chunk)
    return None


def _reject_binary(data: bytes) -> None:
    head = data[:16]
    for magic, what in BINARY_SIGNATURES:
        if head.startswith(magic):
            raise NotHTMLError(f"input is {what}, not HTML")
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample:
        return
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(sample):
        return  # UTF-16: NULs are expected
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if control > MAX_CONTROL_SHARE * len(sample):
        raise NotHTMLError("input looks like binary data, not HTML")
    reason = not_text_reason(data)  # random bytes, compressed data without a signature
    if reason:
        raise NotHTMLError(reason)


def _named_body(root: html.HtmlElement, features: Features, body: str | None) -> Node | None:
    """The node of the first element ``Options.body`` names, if any matches."""
    if body is None:
        return None
    found = compile_selector(body)(root)
    first = (
        next((el for el in found if isinstance(el, html.HtmlElement)), None)
        if isinstance(found, list)
        else None
    )
    return node_of(features, first) if first is not None else None


def _title_candidates(root: html.HtmlElement, meta: Metadata) -> tuple[str, ...]:
    """Headline strings to drop from the top of the body: the metadata title and <h1>s.

    (The meta description is not among them: portals generate it from the first
    paragraph, which is body; removing it cost 0.3 points of mean F1.)
    """
    out = [meta.title or ""]
    for h in root.iter("h1"):
        t = collapse(h.text_content())
        if t:
            out.append(t)
    return tuple(t for t in out if t)


def clean_html(
    html_input: bytes | str,
    url: str | None = None,
    *,
    options: Options | None = None,
    encoding: str | None = None,
) -> str:
    """The page as a small UTF-8 HTML document holding only the article.

    For scrapers that want HTML in and HTML out: the head keeps the title and
    canonical URL, the body is ``Article.html``. A page without an article gives
    a document with an empty body.
    """
    article = extract(html_input, url, options=options, encoding=encoding)
    head = ['<meta charset="utf-8">']
    if article.title:
        head.append(f"<title>{escape(article.title)}</title>")
    if article.url:
        head.append(f'<link rel="canonical" href="{escape(article.url)}">')
    return (
        "<!DOCTYPE html>\n<html><head>"
        + "".join(head)
        + "</head><body>"
        + article.html
        + "</body></html>\n"
    )
