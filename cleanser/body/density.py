"""The DOM-density scorer: how much each line and each element reads like prose.

Per line, the content weight is its non-link text minus a penalty for link text,
with unpunctuated short lines (labels, dates, user names) weighing slightly
negative: Chinese prose is dense with ，。、 while navigation and lists are not.
A long line that is one short unit repeated (a few distinct characters, each
many times) weighs like such a label too: its punctuation repeats with it.
Per element it also reports the densities of CETD and GNE (anchors.md §2.1–2.2)
over CJK-aware token counts, for ``explain``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cleanser.body.features import Block, Features, Node
from cleanser.vocabulary import (
    KEYWORD_BLOB_TOKENS,
    LINK_PENALTY,
    REPEATED_MAX_DISTINCT,
    REPEATED_MIN_CHARS,
    REPEATED_MIN_USES,
    UNPUNCTUATED_PROSE_TOKENS,
)
from cleanser.vocabulary import SHORT_LINE_CAP as SHORT_LINE_CAP  # body.model's default


def block_weight(block: Block, short_cap: float = SHORT_LINE_CAP) -> float:
    """Content weight of one line: positive for prose, negative for links and labels.

    ``short_cap`` bounds the penalty of a short unpunctuated line; forum threads,
    whose posts are often one short line, pass a smaller one. A data table's row
    (``features`` joins its cells into one ``tr`` line) without links weighs zero:
    standings, prices and statistics are short and unpunctuated, but they are not
    labels, so a table does not push the text around it out of the article.
    """
    if block.length == 0:
        return 0.0
    text = block.length - block.link_length
    if block.tag == "pre":
        return float(text)  # code and preformatted text: content, however unpunctuated
    if text >= KEYWORD_BLOB_TOKENS and block.punct * KEYWORD_BLOB_TOKENS < text:
        return -short_cap  # a keyword-stuffed SEO blob, not prose
    if block.punct > 0 or text >= UNPUNCTUATED_PROSE_TOKENS:
        if repeated_unit(block.text):
            return -short_cap - LINK_PENALTY * block.link_length  # not prose, however long
        if block.link_length * 2 > block.length:
            return -LINK_PENALTY * block.link_length
        return text - LINK_PENALTY * block.link_length
    if block.tag == "tr" and block.link_length == 0:
        return 0.0  # a row of a data table: data, neither prose nor a label
    return -min(short_cap, float(max(text, 1))) - LINK_PENALTY * block.link_length


def repeated_unit(text: str) -> bool:
    """Whether a line is one short unit repeated many times rather than prose.

    Few distinct characters for its length (``REPEATED_*``): 1 MB of 责任编辑：
    is five distinct characters, each used 70,000 times, and its ： made it count
    as punctuated prose. Only the line's first ``REPEATED_MIN_CHARS`` characters
    are read unless they already look repeated, so a prose line costs little.
    """
    if len(text) < REPEATED_MIN_CHARS:
        return False
    for sample in (text[:REPEATED_MIN_CHARS], text):
        distinct = len(set(sample).difference(" \t"))
        if distinct > REPEATED_MAX_DISTINCT:
            return False
        if len(sample) == len(text):
            break
    return distinct * REPEATED_MIN_USES <= len(text)


@dataclass(frozen=True)
class Density:
    """CETD/GNE-style densities of one element, for inspection."""

    text_density: float  # non-link tokens per non-link tag
    link_density: float  # share of tokens inside links
    symbol_density: float  # non-link tokens per punctuation mark
    gne_score: float  # TD · log10(paragraphs + 2) · ln(SbD)


def node_density(features: Features, node: Node) -> Density:
    """Densities of ``node``'s subtree, counted per CJK character."""
    total = features.length(node)
    links = features.link_length(node)
    text = total - links
    tags = max(1, node.tags - node.links)
    td = text / tags
    sbd = text / (features.punct(node) + 1)
    paragraphs = node.end - node.start
    gne = td * math.log10(paragraphs + 2) * math.log(max(sbd, 1.0) + 1.0)
    return Density(
        text_density=td,
        link_density=links / total if total else 0.0,
        symbol_density=sbd,
        gne_score=gne,
    )
