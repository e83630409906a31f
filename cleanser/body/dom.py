"""Text → lxml tree, and the preparation every scorer relies on.

Preparation removes what can never be body text (scripts, styles, forms'
controls, hidden elements) so that the one feature pass sees only readable
text. It runs after metadata extraction, which needs ``<script type=ld+json>``
and ``<meta>``.
"""

from __future__ import annotations

import re

from lxml import etree, html

from cleanser.selectors import compile_selector
from cleanser.vocabulary import (
    DOCTYPE_SCAN_CHARS,
    DOCTYPE_SUBSET_RE,
    DROP_TAGS,
    EARLY_CLOSE_RE,
    FLATTEN_DEPTHS,
    HIDDEN_STYLE_RE,
    SURROGATE_RE,
    TAG_SCAN_RE,
    XML_DECLARATION_RE,
    XML_DECLARATION_SCAN_CHARS,
)

# Control bytes deleted before parsing: the C0 controls but tab, LF and CR, and DEL.
_CONTROL_BYTES = bytes([*range(9), 11, 12, *range(14, 32), 127])
_VOID = frozenset(
    (
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "isindex",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    )
)
# Elements whose content is raw text: a ``<div>`` inside a script is not a tag.
_RAW_TEXT = frozenset(
    ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext")
)
# An open tag of these closes an open element of the same name (HTML's implied end tags).
_SELF_CLOSING_SIBLINGS = frozenset(
    ("p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot")
)
_CLOSES_P = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    )
)


_LOOKUP = etree.ElementDefaultClassLookup(element=html.HtmlElement)

# Elements that may be hidden, found in C; the regex then confirms display:none.
_HIDDEN_CANDIDATES = etree.XPath(
    "//*[@hidden or contains(translate(@style, 'NOE', 'noe'), 'none')]"
)


def _parser() -> etree.HTMLParser:
    # One parser per call: ``error_log`` is read afterwards and parsers are not shared
    # across threads safely. Never loads DTDs or entities, never touches the network.
    # Input is always UTF-8 bytes (see ``parse``). Every element is an HtmlElement
    # through a C-level class lookup: lxml.html's own lookup runs Python code for
    # each element proxy, which cost 5 % of extraction time.
    parser = etree.HTMLParser(  # type: ignore[call-arg]  # stubs lag lxml
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        huge_tree=True,
    )
    parser.set_element_class_lookup(_LOOKUP)
    return parser


def parse(text: str) -> html.HtmlElement | None:
    """Parse page text into an ``<html>`` element, or None when nothing parses.

    Never raises on malformed input; markup nested deeper than libxml2 accepts is
    flattened rather than cut off.
    """
    # Each step copies the page only when it has something to change: a 20 MB page
    # is 40-60 MB as str, and RSS seldom shrinks again after a copy.
    text = _cut_first(text, XML_DECLARATION_RE, XML_DECLARATION_SCAN_CHARS)
    text = _cut_first(text, DOCTYPE_SUBSET_RE, DOCTYPE_SCAN_CHARS)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        data = SURROGATE_RE.sub("\ufffd", text).encode("utf-8")
    # Byte-level clean-up is several times faster than on str; control bytes never
    # occur inside UTF-8 multi-byte sequences, so deleting them is safe. Looking for
    # each (memchr) is faster than the deleting copy and finds none on most pages.
    if any(byte in data for byte in _CONTROL_BYTES):
        data = data.translate(None, _CONTROL_BYTES)
    data = _without_early_closes(data)
    if not data or data.isspace():
        return None
    root = _parse_once(data)
    for depth in FLATTEN_DEPTHS:
        if root is None or not root[1]:
            break
        root = _parse_once(_flatten(data.decode("utf-8"), depth).encode("utf-8"))
    return root[0] if root is not None else None


def _without_early_closes(data: bytes) -> bytes:
    """``data`` without its ``</html>`` and ``</body>`` tags (``EARLY_CLOSE_RE``), in one
    copy: ``re.sub`` copies the pieces between the matches and then joins them."""
    view = memoryview(data)
    pieces: list[memoryview] = []
    start = 0
    for m in EARLY_CLOSE_RE.finditer(data):
        pieces.append(view[start : m.start()])
        start = m.end()
    if not pieces:
        return data
    pieces.append(view[start:])
    return b"".join(pieces)


def _cut_first(text: str, pattern: re.Pattern[str], scan: int) -> str:
    """``text`` without the first match of ``pattern`` in its first ``scan`` characters;
    ``text`` itself (no copy) when there is none."""
    m = pattern.search(text[:scan])
    return text if m is None else text[: m.start()] + text[m.end() :]


def _parse_once(data: bytes) -> tuple[html.HtmlElement, bool] | None:
    """The tree, and whether libxml2 gave up on its depth; None when nothing parses."""
    parser = _parser()
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    too_deep = any(
        e.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in e.message
        for e in parser.error_log
    )
    return root, too_deep


def _flatten(text: str, limit: int) -> str:
    """``text`` with element nesting kept under ``limit``, by a linear tag scan.

    Where a new element would open deeper than ``limit``, the innermost open
    elements down to half the limit are closed first (and their own end tags
    dropped later), so local structure (paragraphs, list items) survives: the
    page becomes a saw-tooth of siblings instead of one unbounded chain.
    """
    out: list[str] = []
    stack: list[list[object]] = []  # [name, live]; closed-early entries stay, not live
    counts: dict[str, int] = {}  # names on the stack, to skip hopeless searches
    live = 0
    pos = 0
    n = len(text)
    while pos < n:
        m = TAG_SCAN_RE.search(text, pos)
        if m is None:
            break
        if m.group(0) == "<!--":
            end = text.find("-->", m.end())
            end = n if end < 0 else end + 3
            out.append(text[pos:end])
            pos = end
            continue
        out.append(text[pos : m.start()])
        pos = m.end()
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if not counts.get(name):
                out.append(m.group(0))  # stray end tag: the parser ignores it
                continue
            while stack:
                entry = stack.pop()
                counts[entry[0]] -= 1  # type: ignore[index]
                if entry[1]:
                    live -= 1
                if entry[0] == name:
                    if entry[1]:
                        out.append(m.group(0))
                    break
            continue
        if name in _VOID or rest.endswith("/"):
            out.append(m.group(0))
            continue
        if (
            stack
            and stack[-1][1]
            and (
                (name in _SELF_CLOSING_SIBLINGS and stack[-1][0] == name)
                or (name in _CLOSES_P and stack[-1][0] == "p")
            )
        ):
            entry = stack.pop()
            counts[entry[0]] -= 1  # type: ignore[index]
            live -= 1
        if live >= limit:
            for entry in reversed(stack):
                if live <= limit // 2:
                    break
                if entry[1]:
                    out.append(f"</{entry[0]}>")
                    entry[1] = False
                    live -= 1
        out.append(m.group(0))
        stack.append([name, True])
        counts[name] = counts.get(name, 0) + 1
        live += 1
        if name in _RAW_TEXT:
            close = re.compile(rf"</{re.escape(name)}\b", re.I).search(text, pos)
            end = n if close is None else close.start()
            out.append(text[pos:end])
            pos = end
    out.append(text[pos:])
    return "".join(out)


def prepare(root: html.HtmlElement) -> None:
    """Remove unreadable and hidden elements, in place."""
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    candidates: list[html.HtmlElement] = _HIDDEN_CANDIDATES(root)  # type: ignore[assignment]
    hidden = [
        el
        for el in candidates
        if el.get("hidden") is not None or HIDDEN_STYLE_RE.search(el.get("style") or "")
    ]
    for el in hidden:
        if el.getparent() is not None:
            _drop_keep_tail(el)


def drop_selected(root: html.HtmlElement, selectors: tuple[str, ...]) -> int:
    """Remove the elements the user's ``Options.drop`` selectors name; how many went."""
    gone = 0
    for selector in selectors:
        found = compile_selector(selector)(root)
        for el in found if isinstance(found, list) else ():
            if isinstance(el, html.HtmlElement) and el is not root and el.getparent() is not None:
                _drop_keep_tail(el)
                gone += 1
    return gone


def _drop_keep_tail(el: html.HtmlElement) -> None:
    """Remove ``el`` and its subtree but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
