"""Repeated sibling records: the posts of a thread, the items of a list.

A forum thread, a comment list, a timeline and a channel page all show the same
thing: one container whose children share a shape (same tag, same class and id
tokens once numbers are dropped), repeated many times. What the repeated
records hold tells the page kinds apart: posts carry prose, an author and a
time; list items are mostly one link, often with a date. This module finds the
groups and measures them, from the feature pass alone (no second walk of the
text); ``kinds`` weighs the measurements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from lxml import html

from cleanser.body.features import Features, Node
from cleanser.body.heuristic import tokens_of
from cleanser.caching import ShortKeyMemo
from cleanser.vocabulary import (
    AUTHOR_SCAN,
    AUTHOR_TOKENS,
    HEADLINE_LINK_SHARE,
    HEADLINE_TOKENS,
    MIN_RECORDS,
    RECORD_LINK_SHARE,
    TIME_SCAN_CHARS,
    USER_HREF_LOWER_RE,
    USER_HREF_RE,
)
from cleanser.vocabulary import TIME_RE as TIME_RE  # still importable from here


@dataclass(frozen=True)
class Group:
    """Siblings of one shape under one parent, and what they hold."""

    parent: int  # index of the parent Node
    members: tuple[int, ...]  # indexes of the record Nodes, in page order
    tokens: int  # text tokens in all records
    link_tokens: int
    punct: int
    timed: float  # share of records showing a time
    authored: float  # share of records with an author element or a user-page link
    linked: float  # share of records whose text is mostly one link
    headed: float  # share of records led by a headline link (a teaser: title, then summary)

    @property
    def size(self) -> int:
        """Number of records."""
        return len(self.members)

    @property
    def link_share(self) -> float:
        """Share of the records' text inside links."""
        return self.link_tokens / self.tokens if self.tokens else 0.0

    @property
    def mean_tokens(self) -> float:
        """Tokens per record."""
        return self.tokens / len(self.members) if self.members else 0.0


_NO_TOKENS: frozenset[str] = frozenset()


def _shape(el: html.HtmlElement) -> tuple[str, frozenset[str]]:
    """Tag and class/id tokens with numbers removed (``post_123`` and ``post_124`` alike)."""
    cls, ident = el.get("class"), el.get("id")
    if cls is None and ident is None:
        return str(el.tag), _NO_TOKENS  # most records: skip the cache's bookkeeping
    return str(el.tag), _SHAPE_TOKENS[f"{cls or ''} {ident or ''}"]


def _shape_tokens(raw: str) -> frozenset[str]:
    # (tokens_of keeps letters only: the numbers of post_123 and post_124 are gone.)
    return frozenset(tokens_of(raw))


# Class strings repeat down a list (every item): split each once.
_SHAPE_TOKENS: ShortKeyMemo[str, frozenset[str]] = ShortKeyMemo(_shape_tokens, 4096)


def find_groups(features: Features, detail: Callable[[Group], bool] | None = None) -> list[Group]:
    """Every group of at least MIN_RECORDS same-shaped sibling elements that hold text.

    ``timed`` and ``authored`` look inside each record, which costs more than the
    counts; they are measured only for the groups ``detail`` accepts (all when it
    is None) and are 0 for the others.
    """
    children: dict[int, list[int]] = defaultdict(list)
    for i, node in enumerate(features.nodes):
        if node.parent >= 0 and node.end > node.start:
            children[node.parent].append(i)
    groups: list[Group] = []
    for parent, kids in children.items():
        if len(kids) < MIN_RECORDS:
            continue
        by_shape: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
        for k in kids:
            by_shape[_shape(features.nodes[k].el)].append(k)
        for members in by_shape.values():
            if len(members) >= MIN_RECORDS:
                group = _measure(features, parent, members)
                if group.tokens:
                    if detail is None or detail(group):
                        group = with_detail(features, group)
                    groups.append(group)
    return groups


def _measure(features: Features, parent: int, members: list[int]) -> Group:
    # (prefix sums read directly: a list of 500,000 paragraphs is one group)
    nodes = features.nodes
    lengths, link_lengths, puncts = (
        features.length_prefix,
        features.link_prefix,
        features.punct_prefix,
    )
    tokens = links = punct = linked = headed = 0
    for m in members:
        node = nodes[m]
        start, end = node.start, node.end
        n_tokens = lengths[end] - lengths[start]
        n_links = link_lengths[end] - link_lengths[start]
        tokens += n_tokens
        links += n_links
        punct += puncts[end] - puncts[start]
        if n_tokens and n_links >= RECORD_LINK_SHARE * n_tokens:
            linked += 1
        if _led_by_headline(features, node):
            headed += 1
    n = len(members)
    return Group(parent, tuple(members), tokens, links, punct, 0.0, 0.0, linked / n, headed / n)


def widen(features: Features, group: Group) -> Group:
    """A group of list items with its same-tag, linked siblings of other shapes.

    Lists mark some items apart: striped rows (``<tr class="even">``), pinned
    threads (``stickthread_…`` beside ``normalthread_…``), a highlighted first
    item. They are items all the same; siblings without a link (a header row, a
    separator) are not. Times and authors are not measured again (``with_detail``).
    """
    nodes = features.nodes
    parent = group.parent
    tag = nodes[group.members[0]].el.tag
    end = nodes[parent].end
    own = set(group.members)
    members: list[int] = []
    # A parent's descendants follow it in the walk, within its blocks; so do the
    # group's own records (children of it, with text, of its tag): all are taken.
    for i in range(parent + 1, len(nodes)):
        node = nodes[i]
        if node.start >= end and node.end > node.start:
            break
        if (
            node.parent == parent
            and node.end > node.start
            and node.el.tag == tag
            and (node.links or i in own)
        ):
            members.append(i)
    if len(members) == group.size:
        return group
    return _measure(features, parent, members)


def with_detail(features: Features, group: Group) -> Group:
    """The group with the shares of its records that show a time and an author."""
    nodes = [features.nodes[m] for m in group.members]
    timed = sum(_shows_time(features, node) for node in nodes)
    authored = sum(_has_author(node.el) for node in nodes)
    return replace(group, timed=timed / len(nodes), authored=authored / len(nodes))


def _led_by_headline(features: Features, node: Node) -> bool:
    """The record's first line is a link long enough to be a headline (not a user name)."""
    blocks = features.blocks
    for i in range(node.start, node.end):  # (a slice would copy a whole page's lines)
        b = blocks[i]
        if b.length:
            return b.length >= HEADLINE_TOKENS and b.link_length >= HEADLINE_LINK_SHARE * b.length
    return False


def _shows_time(features: Features, node: Node) -> bool:
    seen = 0
    blocks = features.blocks
    for i in range(node.start, node.end):  # (a slice would copy a whole page's lines)
        b = blocks[i]
        if TIME_RE.search(b.text):
            return True
        seen += len(b.text)
        if seen > TIME_SCAN_CHARS:
            return False
    return False


def _has_author(el: html.HtmlElement) -> bool:
    """Whether ``author_cue`` finds an author among ``author_scan(el)`` (inlined: it
    runs for every element near the top of every record)."""
    for d in islice(el.iter(), AUTHOR_SCAN + 1):
        tag = d.tag
        if tag == "a" and _user_href(d.get("href") or ""):
            return True
        if isinstance(tag, str):
            cls, ident = d.get("class"), d.get("id")
            if (cls or ident) and _NAMES_AUTHOR[f"{cls or ''} {ident or ''}"]:
                return True
    return False


def author_scan(el: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """The first AUTHOR_SCAN + 1 elements of a record (itself included): where its author is."""
    for d in islice(el.iter(), AUTHOR_SCAN + 1):
        if isinstance(d.tag, str):
            yield d


def author_cue(el: html.HtmlElement) -> str | None:
    """``"link"`` for a link to a user page, ``"named"`` for an element whose class/id
    names an author (author, username, zuozhe…), else None."""
    if el.tag == "a" and _user_href(el.get("href") or ""):
        return "link"
    cls, ident = el.get("class"), el.get("id")
    if (cls or ident) and _NAMES_AUTHOR[f"{cls or ''} {ident or ''}"]:
        return "named"
    return None


def _user_href(href: str) -> bool:
    """Whether a link leads to a user page (an ASCII URL, nearly all, is matched lower-cased)."""
    if href.isascii():
        return USER_HREF_LOWER_RE.search(href.lower()) is not None
    return USER_HREF_RE.search(href) is not None


def _names_author(raw: str) -> bool:
    return not AUTHOR_TOKENS.isdisjoint(tokens_of(raw))


# Class strings repeat down a thread (every post): judge each once.
_NAMES_AUTHOR: ShortKeyMemo[str, bool] = ShortKeyMemo(_names_author, 4096)
