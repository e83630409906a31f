"""What a page declares about itself outside the body text.

One pass collects ``<meta>``, JSON-LD ``<script>``, ``<link>``, ``<base>`` and
``<title>`` (:func:`_gather_head`); :func:`_collect_meta` indexes the ``<meta>``
contents by key; :func:`_json_ld` parses JSON-LD leniently and flattens it
(article objects first), and the ``_ld_*`` helpers read its values; and
:func:`_language` turns a declared language and the text's script into a BCP 47
tag (zh-Hans / zh-Hant).

These are separate from :mod:`cleanser.meta.fields` and the field choosers because
none of them looks at the page's layout or at other fields: they only parse
declared data, while each field's chooser (:mod:`~cleanser.meta.title`,
:mod:`~cleanser.meta.published` …) decides which declaration to trust.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from lxml import html

from cleanser.meta.util import _collapse
from cleanser.vocabulary import (
    ARTICLE_LD_TYPES,
    HAN_RE,
    HANGUL_RE,
    KANA_RE,
    LANG_TAG_RE,
    LATIN_LETTER_RE,
    LD_COMMENTS_RE,
    LD_TRAILING_COMMA_RE,
    MAX_ATTR,
    MAX_LD_OBJECTS,
    MAX_LD_SCRIPT_CHARS,
    PERCENT_ENCODED_RE,
    SIMPLIFIED_RE,
    TRADITIONAL_RE,
)

# --------------------------------------------------------------------------
# <meta>, JSON-LD
# --------------------------------------------------------------------------


@dataclass
class _Head:
    """The elements of the page that metadata reads outside the body text."""

    metas: list[html.HtmlElement]
    ld_scripts: list[str]
    links: list[html.HtmlElement]
    base_href: str | None
    title: str


def _gather_head(root: html.HtmlElement) -> _Head:
    """``<meta>``, JSON-LD scripts, ``<link>``, ``<base>`` and ``<title>`` in one pass."""
    head = _Head([], [], [], None, "")
    title_seen = False
    wrapper_title: str | None = None
    for el in root.iter("meta", "script", "link", "base", "title", "text"):
        tag = el.tag
        if tag == "meta":
            head.metas.append(el)
        elif tag == "script":
            if el.text and "ld+json" in (el.get("type") or "").lower():
                head.ld_scripts.append(el.text)
        elif tag == "link":
            head.links.append(el)
        elif tag == "base":
            if head.base_href is None:
                head.base_href = el.get("href") or ""
        elif tag == "text":
            # A CleanEval-format file: <text id="URL" title="…"> wraps the page; its
            # title stands in when the page has no <title> of its own.
            if wrapper_title is None:
                wrapper_title = _collapse(el.get("title") or "")[:1000]
        elif not title_seen:
            title_seen = True
            head.title = _collapse(el.text_content())[:1000]
    if not head.title and wrapper_title:
        head.title = wrapper_title
    return head


def _collect_meta(metas: Iterable[html.HtmlElement]) -> dict[str, list[str]]:
    """Every ``<meta>`` content by lower-cased name/property/itemprop/http-equiv."""
    out: dict[str, list[str]] = {}
    for m in metas:
        content = m.get("content")
        if content is None:
            content = m.get("value")
        if content is None or len(content) > MAX_ATTR * 5:
            continue
        content = content.strip()
        if not content:
            continue
        if PERCENT_ENCODED_RE.fullmatch(content):
            # A text value shipped URL-encoded (tieba's og:title): decoded when the
            # bytes are UTF-8.
            with contextlib.suppress(UnicodeDecodeError):
                content = unquote(content, errors="strict")
        for attr in ("name", "property", "itemprop", "http-equiv"):
            key = m.get(attr)
            if key:
                for k in key.lower().split():
                    out.setdefault(k, []).append(content)
    return out


def _load_json(text: str) -> Any:
    """Parse JSON-LD leniently (comments, CDATA, trailing commas); None when hopeless."""
    text = text.strip().rstrip(";")
    for attempt in range(3):
        try:
            return json.loads(text, strict=False)
        except (ValueError, RecursionError):
            if attempt == 0:
                text = LD_COMMENTS_RE.sub("", text).strip().rstrip(";")
            elif attempt == 1:
                text = LD_TRAILING_COMMA_RE.sub(r"\1", text)
    return None


def _json_ld(scripts: Iterable[str]) -> list[dict[str, Any]]:
    """JSON-LD objects of the page, flattened (``@graph``, lists), article objects first."""
    objects: list[dict[str, Any]] = []
    for text in scripts:
        if not text.strip() or len(text) > MAX_LD_SCRIPT_CHARS:
            continue
        stack: list[Any] = [_load_json(text)]
        seen = 0
        while stack and seen < MAX_LD_OBJECTS:
            item = stack.pop()
            seen += 1
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objects.append(item)
                for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                    sub = item.get(key)
                    if isinstance(sub, (dict, list)):
                        stack.append(sub)
    articles = [o for o in objects if _ld_is_article(o)]
    return articles + [o for o in objects if not _ld_is_article(o)]


def _ld_types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return [t.lower()]
    if isinstance(t, list):
        return [x.lower() for x in t if isinstance(x, str)]
    return []


def _ld_is_article(obj: dict[str, Any]) -> bool:
    return any(t in ARTICLE_LD_TYPES for t in _ld_types(obj))


def _ld_str(value: Any) -> str | None:
    """A plain string from a JSON-LD value (string, number, {"@value"/"name"}, list)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("@value", "name", "text"):
            if isinstance(value.get(key), str):
                return str(value[key]).strip() or None
    if isinstance(value, list) and value:
        return _ld_str(value[0])
    return None


def _ld_people(value: Any) -> list[str]:
    """Names of JSON-LD authors that are persons (organisations are skipped)."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            if any("organization" in t for t in _ld_types(item)):
                continue
            name = _ld_str(item.get("name"))
            if name:
                out.append(name)
    return out


# --------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------


def _language(declared: str | None, head: str, body: str) -> str | None:
    """BCP 47 tag: Chinese as zh-Hans/zh-Hant (script from the text when unclear).

    ``head`` (headline and summary) outweighs ``body``, whose first lines are
    often an English navigation bar or code.
    """
    tag = (declared or "").strip().replace("_", "-")
    if tag and not LANG_TAG_RE.match(tag):
        tag = ""
    low = tag.lower()
    sample = f"{head} {body}"[:4000]
    han = len(HAN_RE.findall(sample))
    kana = len(KANA_RE.findall(sample))
    if low.startswith(("ja", "ko")) or kana > max(5, han // 5):
        return _format_tag(tag) if low.startswith(("ja", "ko")) else "ja"
    letters = han + kana + len(LATIN_LETTER_RE.findall(sample)) or 1
    head_han = len(HAN_RE.findall(head))
    head_letters = head_han + len(LATIN_LETTER_RE.findall(head)) or 1
    chinese = (han >= 20 and han / letters > 0.3) or (
        head_han >= 4 and head_han / head_letters > 0.3
    )
    if low.startswith("zh") or chinese:
        if "hant" in low or low in ("zh-tw", "zh-hk", "zh-mo"):
            return "zh-Hant"
        if "hans" in low or low in ("zh-cn", "zh-sg", "zh-my"):
            return "zh-Hans"
        return f"zh-{_script(sample)}"
    if tag:
        return _format_tag(tag)
    if len(HANGUL_RE.findall(sample)) > 20:
        return "ko"
    return None


def _format_tag(tag: str) -> str:
    parts = tag.split("-")
    return "-".join([parts[0].lower(), *[p.upper() if len(p) == 2 else p for p in parts[1:]]])


def _script(sample: str) -> str:
    simp = len(SIMPLIFIED_RE.findall(sample))
    trad = len(TRADITIONAL_RE.findall(sample))
    return "Hant" if trad > simp else "Hans"
