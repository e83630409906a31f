"""Verdicts: which lines are furniture before the article is chosen.

Two kinds of evidence flag lines (``flags``, one ``Cue`` or None per line):

* markup verdicts (:func:`_markup_verdicts`): an element whose class, id or tag names
  furniture (``heuristic.element_cue``: nav, sidebar, comment…) flags every line under it,
  outermost element first;
* text verdicts (:func:`_text_verdicts`): a footer, disclaimer or share line flags itself;
  a sidebar or comment heading (相关阅读, 网友评论…) flags the section it heads
  (:func:`_flag_section`); terminator and meta lines are only marked (``soft``), since
  they matter inside the article alone.

Cues are evidence, not verdicts: one that would remove most of the page's prose is
overruled (a mislabelled wrapper, not furniture), and :func:`_outweigh` lifts a class/id
verdict from a line of real prose. Selection (``selection.select``) then weighs the
flagged lines negative and chooses the article from what is left.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from cleanser.body.features import Block, Features, Node
from cleanser.body.heuristic import Cue, block_cue, element_cue
from cleanser.body.model import Params
from cleanser.vocabulary import (
    COMMENTED_ARTICLE_MIN,
    HEADING_LINK_EVIDENCE,
    MIN_SHARED_VERDICT,
    OUTSIDE_SHARE,
    PROSE_MAX_LINK_SHARE,
    SOFT_CUE_KINDS,
    STRONG_CUE_KINDS,
)


def _markup_verdicts(
    features: Features,
    forum: bool,
    forced: Node | None,
    positive: list[float],
    total_pos: float,
    p: Params,
    flags: list[Cue | None],
) -> list[tuple[Node, Cue]]:
    """Flag the lines under elements whose class/id/tag is furniture, outermost first.

    A verdict that would remove more than ``p.safety_share`` of the page's prose is
    overruled instead (returned, for ``explain``), as is one on the user's container.
    """
    overruled: list[tuple[Node, Cue]] = []
    shared = _shared_verdicts(features, forum, positive)
    forced_cue = element_cue(forced.el, forum) if forced is not None else None
    forced_kind = forced_cue.kind if forced_cue is not None else None
    # Markup verdicts, outermost first; nested verdicts are already covered.
    covered_until = -1
    for node in features.nodes:
        if node.start < covered_until or node.start == node.end:
            continue
        cue = element_cue(node.el, forum)
        if cue is None:
            continue
        if forced is not None and (
            (node.start <= forced.start and forced.end <= node.end)
            or (cue.kind == forced_kind and forced.start <= node.start and node.end <= forced.end)
        ):
            # The user named this container (or one inside it), so it is not
            # furniture; nor are its parts of the same kind (the comments of a
            # comment section the user asked for).
            continue
        # Elements of one shape drawing one weak verdict are weighed together (the post
        # cards of a timeline each named *_like are most of the page, however small each).
        inside = shared.get(_shape(node, cue), positive[node.end] - positive[node.start])
        outside = total_pos - inside
        if inside > p.safety_share * total_pos and (
            cue.weak
            or (
                outside < OUTSIDE_SHARE * inside
                and not (cue.kind == "comment" and outside >= COMMENTED_ARTICLE_MIN)
            )
        ):
            overruled.append((node, cue))
            continue
        for i in range(node.start, node.end):
            flags[i] = cue
        covered_until = node.end
    return overruled


def _record_verdicts(
    features: Features,
    records: Sequence[Node],
    forum: bool,
    positive: list[float],
    flags: list[Cue | None],
) -> None:
    """Flag a run of signed records (an author and a time on each) that follows prose.

    Comment lists look the same on every site whatever their classes are called: one
    container of same-shaped records, each signed. Below an article they are comments;
    on a forum page, or with too little prose before them, they are the page (posts).
    """
    if forum or not records:
        return
    first = min(n.start for n in records)
    inside = sum(positive[n.end] - positive[n.start] for n in records)
    before = positive[first]
    if before < COMMENTED_ARTICLE_MIN and before < OUTSIDE_SHARE * inside:
        return
    cue = Cue("comment", "signed records after the article (an author and a time on each)")
    for n in records:
        for i in range(n.start, n.end):
            flags[i] = flags[i] or cue


def _shape(node: Node, cue: Cue) -> tuple[str, str, str]:
    """What makes elements one kind of record: tag, class value and the cue they draw."""
    return (str(node.el.tag), node.el.get("class") or "", cue.rule)


def _shared_verdicts(
    features: Features, forum: bool, positive: list[float]
) -> dict[tuple[str, str, str], float]:
    """Prose under each shape of weak class/id verdict drawn by several outermost elements.

    A weak token (a layout word: like, more, side…) yields to the prose it would
    remove; drawn by several elements of one shape, the prose is theirs together.
    """
    total: dict[tuple[str, str, str], float] = {}
    count: dict[tuple[str, str, str], int] = {}
    ends: dict[tuple[str, str, str], int] = {}
    for node in features.nodes:
        if node.start == node.end or not node.el.get("class"):
            continue
        cue = element_cue(node.el, forum)
        if cue is None or cue.token is None or not cue.weak:
            continue  # (a strong token, comment say, is judged element by element)
        key = _shape(node, cue)
        if node.start < ends.get(key, -1):
            continue  # nested in one of its own shape
        ends[key] = node.end
        total[key] = total.get(key, 0.0) + positive[node.end] - positive[node.start]
        count[key] = count.get(key, 0) + 1
    return {k: v for k, v in total.items() if count[k] >= MIN_SHARED_VERDICT}


def _text_verdicts(
    features: Features,
    forum: bool,
    positive: list[float],
    total_pos: float,
    flags: list[Cue | None],
    soft: list[Cue | None],
    safety_share: float,
) -> None:
    """Flag lines by their visible text: furniture lines, and sections under a sidebar heading."""
    blocks = features.blocks
    done: set[tuple[int, int]] = set()  # sections already flagged from a heading
    for block in blocks:
        cue = block_cue(block, forum)
        if cue is None:
            continue
        if cue.kind in SOFT_CUE_KINDS:
            soft[block.index] = cue
        elif cue.kind in STRONG_CUE_KINDS:
            flags[block.index] = flags[block.index] or cue
        elif (prior := flags[block.index]) is None or prior.kind != "sidebar-heading":
            # (a heading inside a section another heading flagged adds nothing)
            _flag_section(block, cue, features, positive, total_pos, flags, done, safety_share)


def _flag_section(
    block: Block,
    cue: Cue,
    features: Features,
    positive: list[float],
    total_pos: float,
    flags: list[Cue | None],
    done: set[tuple[int, int]],
    safety_share: float,
) -> None:
    """Flag the section a sidebar heading heads: the heading and what follows it."""
    nodes = features.nodes
    node: Node | None = nodes[block.node]
    while node is not None and node.end - node.start <= 1:
        node = nodes[node.parent] if node.parent >= 0 else None
    if node is None:
        flags[block.index] = cue
        return
    first_text = next(
        (i for i in range(node.start, node.end) if features.blocks[i].length), block.index
    )
    start = node.start if first_text == block.index else block.index
    end = node.end
    length = features.length_prefix[end] - features.length_prefix[block.index + 1]
    links = features.link_prefix[end] - features.link_prefix[block.index + 1]
    strong = cue.rule.startswith("comment") or len(cue.rule) >= len("heading '猜你喜欢'")
    if not strong and (length == 0 or links < HEADING_LINK_EVIDENCE * length):
        flags[block.index] = cue
        return
    inside = positive[end] - positive[start]
    if inside > safety_share * total_pos and total_pos - inside < OUTSIDE_SHARE * inside:
        flags[block.index] = cue
        return
    if any(b.tag == "h1" for b in features.blocks[block.index + 1 : end]):
        # A section holding the page's headline is the page, whatever heads it (a
        # channel label 评论 above an opinion piece's h1).
        flags[block.index] = cue
        return
    if (start, end) in done:
        return
    done.add((start, end))
    for i in range(start, end):
        flags[i] = flags[i] or cue


def _outweigh(
    blocks: list[Block], flags: list[Cue | None], min_tokens: float
) -> list[tuple[int, Cue]]:
    """Lift a class/id verdict from each line of punctuated prose ``min_tokens`` long.

    Evidence against a class/id verdict: a line of punctuated prose under a
    container named comment, reply, nav… is text, whatever its container's name.
    """
    outweighed: list[tuple[int, Cue]] = []
    if min_tokens < math.inf:  # inf (the shipped value): the token decides
        for i, cue in enumerate(flags):
            if cue is not None and cue.token is not None and _is_prose(blocks[i], min_tokens):
                outweighed.append((i, cue))
                flags[i] = None
    return outweighed


def _is_prose(block: Block, min_tokens: float) -> bool:
    """Whether a line is a sentence of prose at least ``min_tokens`` long (not links)."""
    text = block.length - block.link_length
    return (
        text >= min_tokens
        and block.sentence_end
        and block.link_length <= PROSE_MAX_LINK_SHARE * block.length
    )
