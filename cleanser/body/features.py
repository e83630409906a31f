"""One pass over the prepared tree: text blocks and per-element counts.

A *block* is a run of text that a reader sees as one line: a paragraph, a list
item, a heading, a table row, a ``<br>``-separated line, or an image. Blocks
come out in document order, so every element's blocks form one contiguous range
``[start, end)``; subtree sums then cost two prefix-sum look-ups, and the whole
feature extraction is linear in the page size (no per-node re-walks, no
recursion, so 100k-deep nesting is fine).

Lengths count *tokens*: one per CJK character and one per run of Latin letters
or digits, so Chinese and English text weigh alike.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from itertools import accumulate

from lxml import etree, html

from cleanser.vocabulary import (
    BLOCK_TAGS,
    LAYOUT_TABLE_TAGS,
    PUNCTUATION_RE,
    SENTENCE_END_RE,
    TOKEN_RE,
)

_CELL_TAGS = frozenset(("td", "th"))
_CELL_SEP = "\x1f"


@dataclass(slots=True)
class Block:
    """One visible line of text (or one image) with the counts the scorers use."""

    index: int
    owner: html.HtmlElement  # nearest block-level element holding the text
    text: str
    length: int  # tokens: CJK characters + Latin/digit runs
    link_length: int  # tokens inside <a>
    punct: int  # punctuation marks, Chinese and ASCII
    sentence_end: bool  # contains sentence-final punctuation
    tag: str  # owner's tag
    node: int  # index of the owner's Node in Features.nodes
    image: html.HtmlElement | None = None  # set for image blocks (length 0)


@dataclass(slots=True)
class Node:
    """Counts for one block-level element's subtree."""

    el: html.HtmlElement
    start: int  # first block index in the subtree
    end: int  # one past the last block index
    tags: int  # descendant elements, including itself
    links: int  # descendant <a>
    depth: int
    parent: int  # index of the enclosing Node, -1 at the top


@dataclass(slots=True)
class Features:
    """Everything the scorers need, computed in one walk."""

    blocks: list[Block]
    nodes: list[Node]  # block-level elements in document (pre-)order
    # Prefix sums of block lengths, link lengths and punctuation: machine integers
    # (8 bytes a line; a list of int objects took 36).
    length_prefix: array[int]
    link_prefix: array[int]
    punct_prefix: array[int]

    def length(self, node: Node) -> int:
        """Tokens of text in the node's subtree."""
        return self.length_prefix[node.end] - self.length_prefix[node.start]

    def link_length(self, node: Node) -> int:
        """Tokens of link text in the node's subtree."""
        return self.link_prefix[node.end] - self.link_prefix[node.start]

    def punct(self, node: Node) -> int:
        """Punctuation marks in the node's subtree."""
        return self.punct_prefix[node.end] - self.punct_prefix[node.start]


def token_count(text: str) -> int:
    """Tokens in ``text``: one per CJK character, one per Latin/digit run."""
    return len(TOKEN_RE.findall(text))


def collapse(text: str) -> str:
    """Collapse whitespace runs (including full-width and no-break spaces) to one space."""
    if "\u200b" in text or "\ufeff" in text:  # zero-width: not whitespace to str.split
        text = text.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(text.split())


def extract_features(root: html.HtmlElement) -> Features:
    """Walk the tree once and return its blocks and per-element counts.

    The hot loop of the whole extraction (every element, two events each): names
    are bound locally and a line's text is collapsed inline on the common path.
    Every block and node made at one point shares one ``int`` for its block count
    and one ``str`` per tag name (lxml makes a new one on each ``.tag``): a page of
    500,000 paragraphs held a million spare ints and half a million ``"p"``.
    """
    data_tables = _data_tables(root)
    blocks: list[Block] = []
    nodes: list[Node] = []
    open_nodes: list[tuple[Node, int, int]] = []  # node, tags at start, links at start
    owners: list[int] = []  # indexes into nodes
    owner_tags: list[str] = []  # their tags, interned
    pieces: list[str] = []  # text of the line being built
    link_pieces: list[str] = []  # the part of it inside <a>
    add, add_link = pieces.append, link_pieces.append
    tag_count = 0
    link_count = 0
    link_depth = 0
    count = 0  # len(blocks), one int object shared by every block and node made at it
    table_depth: list[bool] = []  # inside a data table?
    tag_names: dict[str, str] = {}
    block_tags, cell_tags = BLOCK_TAGS, _CELL_TAGS
    # Counted by subn, which makes one string of what is left: findall made one string per
    # token (a 20 MB Chinese text node held 6.7 million of them, 530 MB).
    tokens_in, punct_in, sentence_end = (
        TOKEN_RE.subn,
        PUNCTUATION_RE.subn,
        SENTENCE_END_RE.search,
    )

    def flush() -> None:
        nonlocal count
        raw = "".join(pieces)
        pieces.clear()
        if owners and not raw.isspace():
            if _CELL_SEP in raw:
                text = _clean_text(raw)
            elif "\u200b" in raw or "\ufeff" in raw:
                text = collapse(raw)
            else:
                text = " ".join(raw.split())
            if text:
                length = tokens_in("", text)[1]
                link_len = tokens_in("", " ".join(link_pieces))[1] if link_pieces else 0
                index = owners[-1]
                blocks.append(
                    Block(
                        count,
                        nodes[index].el,
                        text,
                        length,
                        link_len if link_len < length else length,
                        punct_in("", text)[1],
                        sentence_end(text) is not None,
                        owner_tags[-1],
                        index,
                    )
                )
                count += 1
        link_pieces.clear()

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            if event == "end" and el.tail:
                add(el.tail)
                if link_depth:
                    add_link(el.tail)
            continue
        if event == "start":
            tag_count += 1
            if tag == "a":
                link_count += 1
                link_depth += 1
            if tag in block_tags and not (tag in cell_tags and table_depth and table_depth[-1]):
                if tag == "table":
                    table_depth.append(el in data_tables)
                if pieces:
                    flush()
                node = Node(el, count, -1, 0, 0, len(owners) + 1, owners[-1] if owners else -1)
                owners.append(len(nodes))
                owner_tags.append(tag_names.setdefault(tag, tag))
                nodes.append(node)
                open_nodes.append((node, tag_count, link_count))
            elif tag == "br":
                if pieces:
                    flush()
            elif tag in cell_tags:
                if pieces:
                    add(_CELL_SEP)
            elif tag == "img":
                if pieces:
                    flush()
                if owners:
                    index = owners[-1]
                    blocks.append(
                        Block(count, nodes[index].el, "", 0, 0, 0, False, owner_tags[-1], index, el)
                    )
                    count += 1
            text = el.text
            if text:
                add(text)
                if link_depth:
                    add_link(text)
        else:
            if tag == "a":
                link_depth -= 1
            if tag == "table":
                if table_depth:
                    table_depth.pop()
                is_block = True
            else:
                is_block = tag in block_tags and not (
                    tag in cell_tags and table_depth and table_depth[-1]
                )
            if is_block and open_nodes and open_nodes[-1][0].el is el:
                if pieces:
                    flush()
                node, tags0, links0 = open_nodes.pop()
                node.end = count
                node.tags = tag_count - tags0 + 1
                node.links = link_count - links0
                owners.pop()
                owner_tags.pop()
            text = el.tail
            if text:
                add(text)
                if link_depth:
                    add_link(text)
    flush()
    for node, _, _ in open_nodes:  # unbalanced only if the walk was cut short
        node.end = count
    return Features(
        blocks=blocks,
        nodes=nodes,
        length_prefix=array("q", accumulate((b.length for b in blocks), initial=0)),
        link_prefix=array("q", accumulate((b.link_length for b in blocks), initial=0)),
        punct_prefix=array("q", accumulate((b.punct for b in blocks), initial=0)),
    )


def _clean_text(raw: str) -> str:
    """Whitespace-collapsed text, with data-table cells joined by a tab."""
    if _CELL_SEP in raw:
        cells = [collapse(c) for c in raw.split(_CELL_SEP)]
        return "\t".join(c for c in cells if c)
    return collapse(raw)


def _data_tables(root: html.HtmlElement) -> set[html.HtmlElement]:
    """Tables that hold data (rows of cells) rather than page layout.

    A data table has no layout element (``LAYOUT_TABLE_TAGS``) anywhere below it. For
    each table, lxml's tag iterator (in C) looks for the first layout element
    below it and stops there. An element is visited only by its nearest enclosing
    table (an outer table stops at the inner one at the latest), so the cost is
    linear in the page however deeply tables nest (the XPath
    ``//table[not(.//*[…])]`` once used scanned every table's whole subtree: 5,000
    nested tables took 16 s), and a page without tables costs one search.
    """
    found: set[html.HtmlElement] = set()
    for table in root.getroottree().iter("table"):
        below = table.iter(*LAYOUT_TABLE_TAGS)
        next(below)  # the table itself
        if next(below, None) is None:
            found.add(table)
    return found
