"""Choosing the article: the maximum-weight subtree, and the corrections to it.

Every line has a weight (positive for prose, negative for furniture and flagged lines);
an element's score is the sum over its lines. :func:`_best_node` takes the element with
the largest score: siblings that belong to the article (a body split over several
containers, images between paragraphs, every post of a thread) come in when their common
parent scores higher than either part, and sidebars stay out because they cost more than
they bring. Three corrections follow, each for a layout the plain maximum gets wrong:

* :func:`_titled_article`: on an endless-scroll page, the story under the page's own
  headline, not a longer one appended after it;
* :func:`_grow`: a run of an ancestor's children, when huge negative boxes (navboxes, a
  table of contents) inside the article's container let one paragraph win;
* :func:`_marked_body`: on a page with too little text to score, the element the markup
  names as the article body.

:func:`_key` reduces a line to its letters and digits, to compare it with a headline.
"""

from __future__ import annotations

from cleanser.body.features import Features, Node
from cleanser.body.heuristic import Cue
from cleanser.vocabulary import (
    ARTICLE_BODY_NAMES,
    GROW_LEVELS,
    GROW_MAX_STEPS,
    GROW_MIN,
    GROW_RATIO,
    HEADLINE_MIN_TOKENS,
    MARKED_BODY_MIN_TOKENS,
    NOT_ALNUM_RE,
    PAGE_HEADLINE_TAGS,
    SCORE_TIE,
    TITLE_KEY_MIN_CHARS,
    TITLED_MIN_SHARE,
)

_BODY_NAMES = frozenset(ARTICLE_BODY_NAMES)


def _best_node(
    features: Features, prefix: list[float], positive: list[float]
) -> tuple[Node | None, float, list[tuple[Node, float]]]:
    """The maximum-weight subtree, and every element's score (for ``explain``)."""
    best: Node | None = None
    best_score = float("-inf")
    best_prose = 0.0
    scores: list[tuple[Node, float]] = []
    for node in features.nodes:
        s = prefix[node.end] - prefix[node.start]
        scores.append((node, s))
        # Equal scores: the subtree with more prose, then the deeper one. Lines that
        # cancel out stay with the article, so extracting its own html gives it back.
        prose = positive[node.end] - positive[node.start]
        if s > 0 and (
            s > best_score + SCORE_TIE
            or (s >= best_score - SCORE_TIE and prose >= best_prose - SCORE_TIE)
        ):
            best, best_score, best_prose = node, s, prose
    return best, best_score, scores


def _titled_article(
    features: Features,
    title: str,
    best: Node,
    best_score: float,
    scores: list[tuple[Node, float]],
    min_score: float,
) -> tuple[Node, float] | None:
    """On an endless-scroll page, the article under the page's own headline.

    360kuai, toutiao and Yahoo append the next stories, each under its own <h1>,
    and a longer one can outscore the article the URL is about. When the page
    title's headline comes before or inside the best region and another <h1>
    headline follows it there, the best region between the two wins instead.
    """
    key = _key(title)
    if len(key) < TITLE_KEY_MIN_CHARS:
        return None
    blocks = features.blocks
    anchor = next(
        (
            b.index
            for b in blocks[: best.end]
            if b.tag in PAGE_HEADLINE_TAGS and _key(b.text) == key
        ),
        None,
    )
    if anchor is None:
        return None
    others = [
        b.index
        for b in blocks[anchor + 1 : best.end]
        if b.tag == "h1" and b.length >= HEADLINE_MIN_TOKENS and _key(b.text) != key
    ]
    if len(others) != 1:
        return None  # none, or several: <h1> used for section headings of one article
    other = others[0]
    under = [(n, s) for n, s in scores if anchor < n.start and n.end <= other]
    if not under:
        return None
    node, score = max(under, key=lambda ns: (ns[1], ns[0].depth))
    if score < min_score or score < TITLED_MIN_SHARE * best_score:
        return None
    return node, score


def _grow(
    features: Features, best: Node, best_score: float, prefix: list[float]
) -> tuple[Node, float]:
    """The best node widened to a run of its ancestors' children, when that pays.

    An encyclopedia article or a long feature keeps its prose in one container
    next to huge negative blocks (navboxes, collapsed lists, a table of
    contents): the container's sum is negative and a single maintenance box or
    paragraph wins. Over each ancestor's children, the contiguous run that holds
    the best node and maximises the weight is a candidate; it replaces the best
    node when it weighs GROW_RATIO times as much and GROW_MIN more.
    """
    nodes = features.nodes
    inner = next((i for i, n in enumerate(nodes) if n is best), -1)
    chosen, chosen_score = best, best_score
    levels = steps = 0
    while levels < GROW_LEVELS and steps < GROW_MAX_STEPS and inner >= 0:
        steps += 1
        up = nodes[inner].parent
        if up < 0:
            break
        outer = nodes[up]
        if (outer.start, outer.end) == (nodes[inner].start, nodes[inner].end):
            inner = up  # a wrapper around the same lines: not a level
            continue
        levels += 1
        # The subtree of ``up`` follows it in pre-order; its children are one level down.
        children = []
        for i in range(up + 1, len(nodes)):
            if nodes[i].depth <= outer.depth:
                break
            if nodes[i].parent == up:
                children.append(i)
        k = children.index(inner)
        start = min((nodes[i].start for i in children[: k + 1]), key=lambda b: prefix[b])
        end = max((nodes[i].end for i in children[k:]), key=lambda b: prefix[b])
        score = prefix[end] - prefix[start]
        pays = score >= GROW_RATIO * best_score and score - best_score >= GROW_MIN
        if pays and score > chosen_score:
            chosen = Node(outer.el, start, end, outer.tags, outer.links, outer.depth, outer.parent)
            chosen_score = score
        inner = up
    return chosen, chosen_score


def _marked_body(features: Features, flags: list[Cue | None]) -> Node | None:
    """The element the markup names as the article body, when it holds unflagged text.

    The outermost element whose class, id or itemprop is one of ARTICLE_BODY_NAMES,
    with at least MARKED_BODY_MIN_TOKENS tokens on lines no verdict covers.
    """
    free: list[int] | None = None  # prefix sums of unflagged tokens, built on first use
    for node in features.nodes:
        el = node.el
        names = f"{el.get('id') or ''} {el.get('class') or ''} {el.get('itemprop') or ''}"
        if not any(n.lower().replace("-", "_") in _BODY_NAMES for n in names.split()):
            continue
        if free is None:
            free = [0]
            for b, flag in zip(features.blocks, flags, strict=True):
                free.append(free[-1] + (b.length if flag is None else 0))
        if free[node.end] - free[node.start] >= MARKED_BODY_MIN_TOKENS:
            return node
    return None


def _key(text: str) -> str:
    """A line reduced to its letters and digits, for comparing it with headlines."""
    return NOT_ALNUM_RE.sub("", text).lower()
