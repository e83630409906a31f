"""The heuristic scorer: which elements and lines are boilerplate, and by which rule.

It reads two kinds of evidence, both listed in ``vocabulary``: markup (class/id
tokens in English and pinyin, HTML5 furniture tags, ARIA roles) and visible text
(sidebar headings, footer signatures, disclaimers, share prompts, terminator
lines, meta lines). Text cues matter most on Chinese portals, whose hashed CSS
classes defeat any class list. Every verdict carries the rule that fired, so
``explain`` can show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html

from cleanser import vocabulary as v
from cleanser.body.features import Block
from cleanser.caching import ShortKeyMemo

_TOKEN_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("nav", frozenset(v.NAV_TOKENS)),
    ("sidebar", frozenset(v.SIDEBAR_TOKENS)),
    ("footer", frozenset(v.FOOTER_TOKENS)),
    ("share", frozenset(v.SHARE_TOKENS)),
    ("comment", frozenset(v.COMMENT_TOKENS)),
    ("ad", frozenset(v.AD_TOKENS)),
    ("chrome", frozenset(v.CHROME_TOKENS)),
)
_CONTENT = frozenset(v.CONTENT_TOKENS)
_WEAK = frozenset(v.WEAK_TOKENS)
_HEADINGS = frozenset(v.SIDEBAR_HEADINGS)
_COMMENT_HEADINGS = frozenset(v.COMMENT_HEADINGS)
_AD_LABELS = frozenset(v.AD_LABELS)
_BUTTON_LABELS = frozenset(v.BUTTON_LABELS)
_IMAGE_FURNITURE = frozenset(v.IMAGE_FURNITURE_TOKENS)
_PAGE_TAGS = frozenset(("html", "body"))  # never furniture themselves
_BOILERPLATE_TAGS = frozenset(v.BOILERPLATE_TAGS)  # (element_cue runs for every element)
_ARIA_ROLES = v.ARIA_ROLES


@dataclass(frozen=True)
class Cue:
    """A boilerplate verdict: its class (nav, sidebar, footer…) and the rule that fired."""

    kind: str
    rule: str
    weak: bool = False  # from a token that is also a layout word (see WEAK_TOKENS)
    token: str | None = None  # the class/id token that fired, for token verdicts


def class_tokens(el: html.HtmlElement) -> list[str]:
    """Lower-cased word tokens of an element's class and id (camelCase split too)."""
    return list(_TOKENS[f"{el.get('class') or ''} {el.get('id') or ''}"])


def tokens_of(raw: str) -> tuple[str, ...]:
    """Lower-cased word tokens of a raw ``class``/``id`` string (cached per string)."""
    return _TOKENS[raw]


def _split_tokens(raw: str) -> tuple[str, ...]:
    if raw.isascii() and raw.islower():  # no case change to split at, nothing to lower
        return tuple(v.CLASS_WORD_RE.findall(raw))
    if not raw.strip():
        return ()
    raw = v.CAMEL_CASE_RE.sub(" ", raw).lower()
    return tuple(t for t in v.CLASS_SPLIT_RE.split(raw) if t)


# Class strings repeat across a page (every list item): split each once.
_TOKENS: ShortKeyMemo[str, tuple[str, ...]] = ShortKeyMemo(_split_tokens, 4096)


def element_cue(el: html.HtmlElement, forum: bool = False) -> Cue | None:
    """Boilerplate verdict from markup alone, or None.

    On forum pages comment/reply containers hold the posts, so they are not cues.
    """
    tag = el.tag
    if tag in _PAGE_TAGS:
        return None
    if tag in _BOILERPLATE_TAGS:
        return Cue(tag if tag != "menu" else "nav", f"tag <{tag}>")
    role = el.get("role")
    if role in _ARIA_ROLES:
        return Cue(_ARIA_ROLES[role], f"role={role}")
    cls, ident = el.get("class"), el.get("id")
    if cls is None and ident is None:
        return None  # no tokens (most elements): skip the cache's bookkeeping
    return _TOKEN_CUES[(f"{cls or ''} {ident or ''}", forum)]


def _token_cue(raw: str, forum: bool) -> Cue | None:
    tokens = _TOKENS[raw]
    if not tokens or any(t in _CONTENT for t in tokens):
        return None
    for kind, group in _TOKEN_GROUPS:
        if forum and kind == "comment":
            continue
        for t in tokens:
            if t in group:
                return Cue(kind, f"class/id token '{t}'", t in _WEAK, t)
    return None


# The verdict of each class/id value (a list's items share one), by (value, forum).
_TOKEN_CUES: ShortKeyMemo[tuple[str, bool], Cue | None] = ShortKeyMemo(_token_cue, 4096)


def sidebar_heading(text: str) -> str | None:
    """The sidebar heading ``text`` reads as (猜你喜欢, 相关阅读…), or None."""
    return _sidebar_core(v.HEADING_JUNK_RE.sub("", text))


def _sidebar_core(core: str) -> str | None:
    """``sidebar_heading`` of a text already stripped of ``HEADING_JUNK_RE``."""
    if not core or len(core) > v.MAX_HEADING_TOKENS:
        return None
    if core in _HEADINGS:
        return core
    # core has no whitespace, so "$" is its end: the regex matches only if one holds.
    if not (core.startswith(v.LONG_SIDEBAR_HEADINGS) or core.endswith(v.LONG_SIDEBAR_HEADINGS)):
        return None
    m = v.LONG_SIDEBAR_HEADING_RE.search(core)
    return m.group(1) or m.group(2) if m else None


def looks_like_forum(url: str | None, blocks: list[Block], lines: int | None = None) -> bool:
    """Whether the page is a forum thread or Q&A page (posts and replies are content).

    ``lines``: ``forum_lines(blocks, limit)`` already counted with a ``limit`` of at
    least FORUM_MIN_LINES (the pipeline counts once for this and the page kinds).
    """
    if url and v.FORUM_URL_RE.search(url):
        return True
    if lines is None:
        lines = forum_lines(blocks, v.FORUM_MIN_LINES)
    return lines >= v.FORUM_MIN_LINES


def forum_lines(blocks: list[Block], limit: int) -> int:
    """Short lines only forum/Q&A layouts have (楼主, 沙发, 只看该作者), counted up to ``limit``."""
    hits = 0
    longest, whole, word = (
        v.MAX_TERMINATOR_TOKENS,
        v.FORUM_LINE_WHOLE_RE.match,
        v.FORUM_LINE_WORD_RE.search,
    )
    for b in blocks:  # (FORUM_LINE_RE's two parts: the same lines, found faster)
        if 0 < b.length <= longest and (whole(b.text) or word(b.text)):
            hits += 1
            if hits >= limit:
                break
    return hits


def block_cue(block: Block, forum: bool = False) -> Cue | None:
    """Boilerplate verdict from a line's visible text, or None.

    It depends on the text, its token count, whether links hold most of it and
    whether it ends a sentence, so each such line is judged once per process
    (``_text_cue``): short lines repeat (table cells, list furniture, dates), and a
    page of 60,000 table cells spent a quarter of its time here.
    """
    length = block.length
    return _TEXT_CUES[
        (block.text, length, block.link_length * 2 > length, block.sentence_end, forum)
    ]


def _text_cue(text: str, n: int, link_heavy: bool, sentence_end: bool, forum: bool) -> Cue | None:
    if n == 0:
        # No words: a close button ("×") or glyphs that are not text, else nothing to say.
        if text in _BUTTON_LABELS:
            return Cue("share", "button label")
        if v.UNREADABLE_RE.search(text) and not v.WORD_CHAR_RE.search(text):
            return Cue("share", "icon-font or undecodable characters only")
        return None
    if n <= v.MAX_HEADING_TOKENS:
        core = v.HEADING_JUNK_RE.sub("", text)  # once for both heading tests
        heading = _sidebar_core(core)
        if heading:
            return Cue("sidebar-heading", f"heading '{heading}'")
        if not forum and (
            core in _COMMENT_HEADINGS or ("评论" in core and v.COMMENT_COUNT_RE.fullmatch(core))
        ):
            return Cue("sidebar-heading", f"comment heading '{core}'")
    if n <= v.MAX_FURNITURE_TOKENS:
        m = v.FOOTER_SIGNATURE_RE.search(text)
        if m:
            return Cue("footer", f"footer signature '{m.group()}'")
        if link_heavy:
            # A link line: link density rules it out already, but 【纠错】-style
            # links still end the article.
            if n <= v.MAX_TERMINATOR_TOKENS and _terminator(text):
                return Cue("terminator", "editor/credit trailer")
            return None
        m = v.DISCLAIMER_CUE_RE.search(text)
        if m:
            return Cue("disclaimer", f"disclaimer '{m.group()}'")
        m = v.PUBLIC_NOTICE_CUE_RE.search(text)
        if m:
            return Cue("disclaimer", f"public-service notice '{m.group()}'")
        if text.startswith(v.DISCLAIMER_PREFIXES):
            return Cue("disclaimer", "disclaimer '声明'")
    if n <= v.MAX_SHARE_TOKENS:
        m = v.SHARE_CUE_RE.search(text)
        if m:
            return Cue("share", f"share prompt '{m.group()}'")
        m = v.VIDEO_PLAYER_CUE_RE.search(text)
        if m:
            return Cue("share", f"video player text '{m.group()}'")
        if text in _AD_LABELS:
            return Cue("share", "ad label")
        if text in _BUTTON_LABELS:
            return Cue("share", "button label")
        if v.GALLERY_COUNTER_RE.search(text):
            return Cue("share", "gallery counter, player clock or duration")
    if n <= v.MAX_TERMINATOR_TOKENS and _terminator(text):
        return Cue("terminator", "editor/credit trailer")
    if n <= v.MAX_META_TOKENS and v.META_DATE_RE.search(text) and v.META_FIELD_RE.search(text):
        return Cue("meta", "time/source meta line")
    if n <= v.MAX_BYLINE_TOKENS and not sentence_end:
        if v.BYLINE_RE.match(text):
            return Cue("meta", "byline")
        if v.DATELINE_RE.match(text):
            return Cue("meta", "dateline")
        if v.EMPTY_FIELD_RE.match(text):
            return Cue("meta", "empty field label")
    if n <= v.MAX_META_TOKENS and v.ORIGINAL_TITLE_RE.match(text):
        return Cue("meta", "original-title note")
    if n <= v.MAX_META_TOKENS and v.GOV_META_RE.search(text):
        return Cue("meta", "document metadata field")
    if text.startswith(v.SUMMARY_PREFIXES):
        return Cue("meta", "summary box")
    if forum and n <= v.MAX_SHARE_TOKENS and v.FORUM_CHROME_RE.search(text):
        return Cue("meta", "forum post chrome")
    return None


def _terminator(text: str) -> bool:
    """Whether ``TERMINATOR_RE`` finds a trailer in ``text`` (its anchored patterns
    matched at the start once, the others searched)."""
    return (
        v.TERMINATOR_START_RE.match(text) is not None
        or v.TERMINATOR_ANYWHERE_RE.search(text) is not None
    )


# A line's verdict by (text, tokens, link-heavy, sentence end, forum): short lines repeat.
_TEXT_CUES: ShortKeyMemo[tuple[str, int, bool, bool, bool], Cue | None] = ShortKeyMemo(
    _text_cue, 4096
)


def furniture_image(img: html.HtmlElement) -> str | None:
    """Why an image inside the article is page furniture (icon, avatar, QR code, logo,
    thumbnail strip, teaser card), or None for an article picture."""
    for attr in ("width", "height"):
        size = (img.get(attr) or "").strip().removesuffix("px")
        if size.isdigit() and int(size) < v.MIN_IMAGE_SIDE:
            return f"{attr} {size}px: an icon"
    alt = img.get("alt") or ""
    for word in v.IMAGE_FURNITURE_ALTS:
        if word in alt:
            return f"alt '{word}'"
    # The URL the picture really comes from: lazy attributes first, src last.
    url = next((img.get(a) for a in v.IMAGE_ATTRS if img.get(a)), "") or ""
    for token in (
        *_TOKENS[f"{img.get('class') or ''} {img.get('id') or ''}"],
        *_TOKENS[v.IMAGE_URL_NOISE_RE.sub(" ", url)],
    ):
        if token in _IMAGE_FURNITURE:
            return f"image token '{token}'"
    el = img.getparent()
    for _ in range(v.IMAGE_ANCESTORS):
        if el is None:
            break
        for token in class_tokens(el):
            if token in _IMAGE_FURNITURE:
                return f"container token '{token}'"
        if el.tag == "a":
            href = (el.get("href") or "").strip().lower()
            if (
                href.startswith(("http", "/"))
                and not href.endswith(v.IMAGE_EXTENSIONS)
                and _has_text(el, v.TEASER_LINK_MIN_CHARS)
            ):
                return "picture of a teaser link to another page"
        el = el.getparent()
    return None


def _has_text(el: html.HtmlElement, at_least: int) -> bool:
    """Whether ``el`` holds ``at_least`` non-space characters (reads no further)."""
    total = 0
    for piece in el.itertext():
        total += len("".join(piece.split()))
        if total >= at_least:
            return True
    return False


def is_error_page(text: str) -> str | None:
    """The error-page cue in a short page text (页面不存在, 404…), or None."""
    m = v.ERROR_PAGE_CUE_RE.search(text)
    return m.group() if m else None
