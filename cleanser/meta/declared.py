"""What the page says about itself in its head: language, description, keywords.

* **lang**: ``<html lang>``, a language ``<meta>``, JSON-LD ``inLanguage``, weighed
  against the script of the title, the description and the first body text
  (:func:`cleanser.meta.head._language`); it takes the chosen title as an argument.
* **description**: a description ``<meta>``, else JSON-LD ``description``.
* **keywords**: keyword ``<meta>`` and JSON-LD ``keywords``, split on the usual
  separators, de-duplicated, at most 30.
"""

from __future__ import annotations

from cleanser.meta.head import _language, _ld_str
from cleanser.meta.page import Page
from cleanser.meta.util import _collapse
from cleanser.vocabulary import (
    DESCRIPTION_META_KEYS,
    HAN_RE,
    KEYWORD_META_KEYS,
    KEYWORD_SPLIT_RE,
    LANG_META_KEYS,
    NAME_TRIM,
)


def choose_lang(page: Page, title: str | None) -> str | None:
    """The page's language tag (``zh-CN``, ``en`` …), or None."""
    declared = page.root.get("lang") or page.root.get("xml:lang")
    if not declared:
        for v in page.meta_values(LANG_META_KEYS):
            declared = v
            break
    if not declared:
        for v in page.ld_values("inLanguage"):
            declared = _ld_str(v)
            break
    desc = next(iter(page.meta_values(DESCRIPTION_META_KEYS)), "")
    body = page.scan.text[:1500] if page.scan is not None else ""
    return _language(declared, f"{title or ''} {desc}", body)


def choose_description(page: Page) -> str | None:
    """The declared description, collapsed, at most 1,000 characters."""
    for v in page.meta_values(DESCRIPTION_META_KEYS):
        v = _collapse(v)
        if v:
            return v[:1000]
    for v in page.ld_values("description"):
        s = _ld_str(v)
        if s:
            return _collapse(s)[:1000]
    return None


def choose_keywords(page: Page) -> tuple[str, ...]:
    """The declared keywords, split, de-duplicated, each at most 50 characters."""
    out: list[str] = []
    values = list(page.meta_values(KEYWORD_META_KEYS))
    for v in page.ld_values("keywords"):
        if isinstance(v, list):
            values.extend(x for x in v if isinstance(x, str))
        elif isinstance(v, str):
            values.append(v)
    for v in values:
        parts = KEYWORD_SPLIT_RE.split(v)
        if len(parts) == 1 and HAN_RE.search(v):
            parts = v.split()
        for p in parts:
            p = p.strip(NAME_TRIM)
            if p and len(p) <= 50 and p not in out:
                out.append(p)
    return tuple(out[:30])
