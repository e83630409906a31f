"""Text → lxml tree, and the preparation every scorer relies on.

Preparation removes what can never be body text (scripts, styles, forms'
controls, hidden elements) so that the one feature pass sees only readable
text. It runs after metadata extraction, which needs ``<script type=ld+json>``
and ``<meta>``.
"""

from __future__ import annotations

import re

from lxml import etree, html

from .vocabulary import DROP_TAGS

# <?xml …?> prologues make lxml refuse ``str`` input; DOCTYPE internal subsets can
# declare entities, which we never expand.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.I | re.S)
# A stray </html> or </body> mid-page makes libxml2 drop everything after it
# (gov.cn templates close the header include with </html>); the parser closes both
# at the end of input anyway.
_EARLY_CLOSE = re.compile(r"</\s*(?:html|body)\s*>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Only display:none hides; visibility:hidden is how WeChat pre-renders #js_content
# before its script reveals it (magic_html_article has such a page).
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)

_PARSER = html.HTMLParser(  # type: ignore[call-arg]  # stubs lag lxml
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    recover=True,
    default_doctype=False,
    huge_tree=True,
)


def parse(text: str) -> html.HtmlElement | None:
    """Parse page text into an ``<html>`` element, or None when nothing parses."""
    text = _XML_DECL.sub("", text[:2000], count=1) + text[2000:]
    text = _DOCTYPE_SUBSET.sub("", text[:20000], count=1) + text[20000:]
    text = _CONTROL.sub("", text)
    text = _EARLY_CLOSE.sub("", text)
    if not text.strip():
        return None
    try:
        root = html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    return root


def prepare(root: html.HtmlElement) -> None:
    """Remove unreadable and hidden elements, in place."""
    etree.strip_elements(root, *DROP_TAGS, with_tail=False)
    hidden = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (
            el.get("hidden") is not None
            or (el.get("style") is not None and _HIDDEN_STYLE.search(el.get("style", "")))
        )
    ]
    for el in hidden:
        if el.getparent() is not None:
            _drop_keep_tail(el)


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
