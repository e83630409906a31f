"""A thread's posts and a list page's links, read from the records ``kinds`` found.

Posts take their text from what selection kept (so the same chrome, signature
and button lines are gone as from ``Article.text``), and their author, time and
floor from the record's own markup and short lines. Links are each list item's
main anchor, made absolute, with the date the item shows.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml import html

from cleanser.article import Link, Post
from cleanser.body.features import Block, Features, collapse
from cleanser.body.heuristic import class_tokens
from cleanser.body.kinds import Judgement
from cleanser.body.records import author_cue, author_scan
from cleanser.body.selection import Selection
from cleanser.meta.dates import parse_date
from cleanser.meta.published import url_date
from cleanser.vocabulary import (
    FLOOR_NAMES,
    FLOOR_RE,
    HAN_RE,
    HEADING_TAGS,
    MAX_AUTHOR_CHARS,
    MIN_LINK_TITLE_CHARS,
    QUOTE_TOKENS,
    TIME_RE,
)


def posts_of(
    judgement: Judgement, features: Features, selection: Selection, titles: tuple[str, ...]
) -> tuple[Post, ...]:
    """One Post per record of the thread, in page order; the question first on Q&A pages.

    ``titles`` (the headline strings) are not post text: the gold of a thread
    leaves its subject out.
    """
    group = judgement.posts
    if group is None or judgement.kind not in ("thread", "feed"):
        return ()
    kept = {b.index for b in selection.kept}
    blocks = features.blocks
    nodes = features.nodes
    posts: list[Post] = []
    first = nodes[group.members[0]].start
    lead = [
        b.text
        for b in selection.kept
        if b.index < first and b.text and b.tag not in HEADING_TAGS and b.text not in titles
    ]
    if lead:  # the question (or the opening post) laid out apart from the replies
        posts.append(Post(text="\n".join(lead)))
    for m in group.members:
        node = nodes[m]
        own = blocks[node.start : node.end]
        quoted_ids = _quoted_blocks(node.el, own)
        text = [b.text for b in own if b.index in kept and b.index not in quoted_ids and b.text]
        if not text:
            continue
        quoted = [b.text for b in own if b.index in quoted_ids and b.text]
        posts.append(
            Post(
                text="\n".join(text),
                author=_author(node.el),
                published=_time(own),
                floor=_floor(own),
                quoted="\n".join(quoted) or None,
            )
        )
    return tuple(posts)


def links_of(judgement: Judgement, features: Features, base: str | None) -> tuple[Link, ...]:
    """The item links of a list page, in order, absolute, with their dates."""
    group = judgement.items
    if group is None or judgement.kind != "list":
        return ()
    out: list[Link] = []
    seen: set[str] = set()
    for m in group.members:
        node = features.nodes[m]
        anchor = _main_anchor(node.el)
        if anchor is None:
            continue
        title = collapse(anchor.text_content())
        href = (anchor.get("href") or "").strip()
        url = urljoin(base, href) if base else href
        if len(title) < MIN_LINK_TITLE_CHARS or url in seen:
            continue
        if urlsplit(url).scheme not in ("http", "https", ""):
            continue
        seen.add(url)
        # A yearless "06-14 23:52" takes its year from the item URL's date, when it has one.
        in_url = url_date(url)
        found = parse_date(
            " ".join(b.text for b in features.blocks[node.start : node.end]),
            year_hint=int(in_url.day[:4]) if in_url else None,
        )
        out.append(Link(title=title, url=url, published=found.day if found else None))
    return tuple(out)


def _main_anchor(el: html.HtmlElement) -> html.HtmlElement | None:
    """The record's headline link, if it has an href: the most Chinese characters, then
    the longest text (a last-reply time "昨天 19:30" is longer than "城中村的黄昏")."""
    best, best_key = None, (0, 0)
    for a in el.iter("a"):
        href = a.get("href") or ""
        if not href or href.startswith(("#", "javascript:")):
            continue
        text = collapse(a.text_content())
        key = (len(HAN_RE.findall(text)), len(text))
        if key > best_key:
            best, best_key = a, key
    return best


def _quoted_blocks(el: html.HtmlElement, own: list[Block]) -> set[int]:
    """Indexes of the record's blocks that sit inside a quote of an earlier post."""
    quotes = {
        d
        for d in el.iter()
        if isinstance(d.tag, str)
        and d is not el
        and (d.tag == "blockquote" or not QUOTE_TOKENS.isdisjoint(class_tokens(d)))
    }
    if not quotes:
        return set()
    inside: set[int] = set()
    for b in own:
        node: html.HtmlElement | None = b.owner
        while node is not None and node is not el:
            if node in quotes:
                inside.add(b.index)
                break
            node = node.getparent()
    return inside


def _author(el: html.HtmlElement) -> str | None:
    """The record's author: the text of its first user-page link, else of its
    smallest author-named element (a user card also holds a bio)."""
    named: list[str] = []
    for d in author_scan(el):
        cue = author_cue(d) if d is not el else None
        if cue is None:
            continue
        name = collapse(d.text_content())
        if not 0 < len(name) <= MAX_AUTHOR_CHARS:
            continue
        if cue == "link":
            return name
        named.append(name)
    return min(named, key=len) if named else None


def _time(own: list[Block]) -> str | None:
    for b in own:
        if TIME_RE.search(b.text):
            found = parse_date(b.text)
            if found is not None:
                return found.iso
    return None


def _floor(own: list[Block]) -> int | None:
    for b in own:
        t = b.text.strip()
        if t in FLOOR_NAMES:
            return FLOOR_NAMES[t]
        m = FLOOR_RE.match(t)
        if m and len(t) > len(m.group(1)):  # a bare number is a counter, not a floor
            return int(m.group(1))
    return None
