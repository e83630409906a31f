"""User selectors (``Options.body`` / ``Options.drop``) compiled to XPath.

Users correct a decision by naming elements: "the article is ``#content``", "drop
``.share-bar``". A small CSS subset covers what portal templates need without a
new dependency: type selectors and ``*``, ``#id``, ``.class``, ``[attr]``,
``[attr=value]`` (quoted or not), the descendant (space) and child (``>``)
combinators, and ``,`` between alternatives. Anything starting with ``/`` or
``(`` is taken as XPath as it is. A selector that cannot be compiled raises
``ValueError`` when the ``Options`` are built, not in the middle of a batch.
"""

from __future__ import annotations

import re

from lxml import etree

_XPATH_START = ("/", "(", "./")
_SIMPLE = re.compile(
    r"""\s*(?:
        (?P<tag>\*|[A-Za-z][A-Za-z0-9-]*)
      | \#(?P<id>[\w-]+)
      | \.(?P<cls>[\w-]+)
      | \[\s*(?P<attr>[A-Za-z_:][\w:.-]*)\s*
          (?:=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\]\s]+))\s*)?\]
      | (?P<comb>>)
    )""",
    re.X,
)


def compile_selector(selector: str) -> etree.XPath:
    """An XPath that finds the elements ``selector`` names (see the module doc)."""
    text = selector.strip()
    if not text:
        raise ValueError("empty selector")
    try:
        if text.startswith(_XPATH_START):
            return etree.XPath(text)
        return etree.XPath(" | ".join(_css_to_xpath(part) for part in _split_groups(text)))
    except etree.XPathSyntaxError as exc:
        raise ValueError(f"bad selector {selector!r}: {exc}") from None


def _split_groups(text: str) -> list[str]:
    """``a, b`` → ``["a", "b"]`` (commas inside brackets or quotes stay)."""
    parts: list[str] = []
    depth = 0
    quote = ""
    start = 0
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    if any(not p.strip() for p in parts):
        raise ValueError(f"empty alternative in selector {text!r}")
    return parts


def _literal(value: str) -> str:
    """``value`` as an XPath string literal."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    raise ValueError(f"selector value holds both quote characters: {value!r}")


def _css_to_xpath(css: str) -> str:
    steps: list[str] = []  # one XPath step per compound selector
    axis = "//"
    current: list[str] | None = None  # [tag, predicate, ...] of the compound being read
    pos = 0
    text = css.strip()
    while pos < len(text):
        m = _SIMPLE.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"unsupported selector syntax at {text[pos:]!r} in {css!r}")
        spaced = text[pos].isspace()
        if current is not None and spaced and not m.group("comb"):
            steps.append(axis + _step(current))  # a space: descendant combinator
            axis, current = "//", None
        pos = m.end()
        if m.group("comb"):
            if current is None:
                raise ValueError(f"'>' without a left-hand side in {css!r}")
            steps.append(axis + _step(current))
            axis, current = "/", None
            continue
        if current is None:
            current = ["*"]
        if m.group("tag"):
            if len(current) > 1 or current[0] != "*":
                raise ValueError(f"type selector after other parts in {css!r}")
            current[0] = m.group("tag").lower()
        elif m.group("id"):
            current.append(f"[@id={_literal(m.group('id'))}]")
        elif m.group("cls"):
            cls = _literal(f" {m.group('cls')} ")
            current.append(f"[contains(concat(' ', normalize-space(@class), ' '), {cls})]")
        else:
            name = m.group("attr")
            value = next((v for v in (m.group("dq"), m.group("sq"), m.group("bare")) if v), None)
            if value is None and m.group("dq") is None and m.group("sq") is None:
                current.append(f"[@{name}]")
            else:
                current.append(f"[@{name}={_literal(value or '')}]")
    if current is None:
        raise ValueError(f"selector ends with a combinator: {css!r}")
    steps.append(axis + _step(current))
    return "".join(steps)


def _step(parts: list[str]) -> str:
    return parts[0] + "".join(parts[1:])
