"""Combine both scorers, choose the article, and clean inside it: the orchestration.

1. Each line gets its density weight (``density.block_weight``).
2. Verdicts (``body.verdicts``): lines under a boilerplate element
   (``heuristic.element_cue``) or in a section headed by a sidebar heading, and
   footer/disclaimer/share lines, are flagged and their weight turned negative. A
   verdict that would remove more than half of the page's prose is overruled (a
   mislabelled wrapper, not furniture).
3. The choice (``body.choose``): the article is the element whose subtree has the
   largest total weight, a maximum-weight subtree, corrected for endless-scroll pages
   (the story under the page headline), bodies next to huge negative boxes (a wider
   run of siblings) and short posts the markup names.
4. Cleaning (``body.clean``): inside it, boilerplate lines, link-dense lines, meta
   lines, the headline and everything after a terminator line are dropped, each with
   its reason.
5. The page's verdict (``body.page_verdict``): an error page, a blog home page, a
   teaser feed beside the article (cut) or a list page (no article).

:func:`select` runs the steps and returns a :class:`Selection` (what ``explain``
reports); the thresholds are in ``cleanser.vocabulary.selection``, the fitted
parameters in ``body.model``. Data flows one way: the step modules never import this one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

from lxml import html

from cleanser.body.choose import _best_node, _grow, _marked_body, _titled_article
from cleanser.body.clean import Removal, _clean_region, _lead_image, _thread_title
from cleanser.body.density import block_weight
from cleanser.body.features import Block, Features, Node
from cleanser.body.heuristic import Cue
from cleanser.body.model import Params, fitted, fitted_regions
from cleanser.body.page_verdict import _page_verdict
from cleanser.body.regions import Region, RegionWeights, pick, regions
from cleanser.body.verdicts import (
    _markup_verdicts,
    _outweigh,
    _record_verdicts,
    _text_verdicts,
)
from cleanser.options import Options
from cleanser.vocabulary import (
    CONFIDENCE_FULL_SCORE,
    FORUM_FLAGGED_WEIGHT,
    FORUM_SHORT_LINE_CAP,
    ISLAND_LINK_RATIO,
    ISLAND_MAX_SCORE,
)

__all__ = ["Removal", "Selection", "node_of", "select"]


@dataclass
class Selection:
    """The outcome of selection, with everything ``explain`` reports."""

    node: Node | None
    kept: list[Block]
    removed: list[Removal]
    score: float
    confidence: float
    reason: str | None
    weights: list[float]
    flags: list[Cue | None]
    node_scores: list[tuple[Node, float]] = field(default_factory=list)
    overruled: list[tuple[Node, Cue]] = field(default_factory=list)
    forced: bool = False  # the node is the one Options.body named
    # Lines a class/id verdict covered whose own prose outweighed it (kept as text).
    outweighed: list[tuple[int, Cue]] = field(default_factory=list)
    # The candidate regions weighed for the article (body.regions), and which was taken.
    regions: list[Region] = field(default_factory=list)
    region: int = 0


def select(
    features: Features,
    titles: tuple[str, ...],
    options: Options,
    forum: bool = False,
    byline: tuple[str, ...] = (),
    forced: Node | None = None,
    params: Params | None = None,
    chooser: RegionWeights | None = None,
    region: int | None = None,
    records: Sequence[Node] = (),
) -> Selection:
    """Choose and clean the article among ``features``' blocks.

    ``forum``: the page is a thread or Q&A page, so replies are content and the
    thread title stays in the text. ``byline``: the author names metadata found;
    a line holding only them near the top is a credit, not text. ``forced``: the
    container the user named (``Options.body``); it is cleaned like a chosen one
    but never replaced, nor judged a list page. ``chooser``: the weights that pick
    among candidate regions (default: the fitted ones); ``region``: take this
    candidate instead (the training command scores each one); ``records``: the page's
    signed records (posts or comments), evidence for the choice.
    """
    p = params or fitted()
    w = _weigh(features, forum, forced, records, p)
    c = _choose(features, w, titles, forum, forced, p, chooser, region, records)
    done = replace(
        Selection(None, [], [], max(c.score, 0.0), 0.0, None, w.weights, w.flags),
        node_scores=c.scores,
        overruled=w.overruled,
        regions=c.candidates,
        region=c.taken,
    )
    page_links = features.link_prefix[-1]
    island = 0 < c.score < ISLAND_MAX_SCORE and page_links > ISLAND_LINK_RATIO * c.score
    best, keep_titles = c.node, forum
    no_article = forced is None and (best is None or c.score < p.min_article_score or island)
    if no_article and not forum:
        # Too little text to score, but the page names its article body: a short post,
        # where a line equal to the headline is the post itself.
        marked = _marked_body(features, w.flags)
        if marked is not None:
            best, no_article, keep_titles = marked, False, True
    if best is None or no_article:
        why = _no_article_reason(c.score, p.min_article_score, island, page_links)
        return replace(done, reason=why)
    kept, removed, reason = _clean(
        features, w, best, titles, keep_titles, options, forum, byline, forced, p
    )
    if reason:
        return replace(done, removed=removed, score=c.score, reason=reason)
    return replace(
        done,
        node=best,
        kept=kept,
        removed=removed,
        score=c.score,
        confidence=_confidence(c.score, w.total_pos),
        forced=forced is not None,
        outweighed=w.outweighed,
    )


@dataclass
class _Weighed:
    """Every line's weight and verdict before the choice."""

    weights: list[float]  # density weight of each line
    flags: list[Cue | None]  # boilerplate verdicts (they cost, and go wherever they are)
    soft: list[Cue | None]  # terminator and meta lines (they go only inside the article)
    positive: list[float]  # prefix sums of the positive weights (the page's prose)
    total_pos: float
    adjusted: list[float]  # the weights with flagged lines made to cost
    prefix: list[float]  # prefix sums of ``adjusted``
    overruled: list[tuple[Node, Cue]]
    outweighed: list[tuple[int, Cue]]


def _weigh(
    features: Features, forum: bool, forced: Node | None, records: Sequence[Node], p: Params
) -> _Weighed:
    """Each line's density weight, then the verdicts: markup, signed records, text."""
    blocks = features.blocks
    short_cap = FORUM_SHORT_LINE_CAP if forum else p.short_line_cap
    flagged_weight = FORUM_FLAGGED_WEIGHT if forum else p.flagged_weight
    weights = [block_weight(b, short_cap) for b in blocks]
    flags: list[Cue | None] = [None] * len(blocks)
    soft: list[Cue | None] = [None] * len(blocks)
    positive = list(accumulate((max(w, 0.0) for w in weights), initial=0.0))
    total_pos = positive[-1] or 1.0
    overruled = _markup_verdicts(features, forum, forced, positive, total_pos, p, flags)
    if forced is None:
        _record_verdicts(features, records, forum, positive, flags)
    _text_verdicts(features, forum, positive, total_pos, flags, soft, p.safety_share)
    outweighed = _outweigh(blocks, flags, p.markup_prose_tokens)
    # Flagged lines are pruned wherever they end up, so they need not push the
    # region boundary: they weigh slightly negative, enough to break ties.
    adjusted = [
        w if flags[i] is None else -flagged_weight * blocks[i].length for i, w in enumerate(weights)
    ]
    prefix = list(accumulate(adjusted, initial=0.0))
    return _Weighed(
        weights, flags, soft, positive, total_pos, adjusted, prefix, overruled, outweighed
    )


@dataclass
class _Choice:
    """The region taken for the article (None: none scores above zero), and the rivals."""

    node: Node | None
    score: float
    scores: list[tuple[Node, float]]  # every element's total weight
    candidates: list[Region]
    taken: int


def _choose(
    features: Features,
    w: _Weighed,
    titles: tuple[str, ...],
    forum: bool,
    forced: Node | None,
    p: Params,
    chooser: RegionWeights | None,
    region: int | None,
    records: Sequence[Node],
) -> _Choice:
    """The maximum-weight subtree, corrected (titled article, wider run), then the fitted
    choice among it and the other candidate regions; the user's container when named."""
    best, best_score, scores = _best_node(features, w.prefix, w.positive)
    if forced is not None:
        return _Choice(forced, w.prefix[forced.end] - w.prefix[forced.start], scores, [], 0)
    earlier = None
    if best is not None and not forum and titles:
        earlier = _titled_article(
            features, titles[0], best, best_score, scores, p.min_article_score
        )
        if earlier is not None:
            best, best_score = earlier
    if best is not None and not forum and earlier is None:
        best, best_score = _grow(features, best, best_score, w.prefix)
    if best is None or best_score < p.min_article_score:
        return _Choice(best, best_score, scores, [], 0)
    candidates = regions(
        features,
        w.prefix,
        w.positive,
        w.flags,
        scores,
        best,
        best_score,
        titles,
        forum,
        p.min_article_score,
        records,
    )
    weights = fitted_regions() if chooser is None else chooser
    taken = pick(candidates, weights) if region is None else min(region, len(candidates) - 1)
    return _Choice(candidates[taken].node, candidates[taken].score, scores, candidates, taken)


def _clean(
    features: Features,
    w: _Weighed,
    best: Node,
    titles: tuple[str, ...],
    keep_titles: bool,
    options: Options,
    forum: bool,
    byline: tuple[str, ...],
    forced: Node | None,
    p: Params,
) -> tuple[list[Block], list[Removal], str | None]:
    """The region's kept lines and removals, the lines just outside it that belong to it
    (a lead photo, a question's title), then the page's verdict (a reason: no article).

    ``keep_titles``: a line repeating the headline stays (a thread's, a short post's)."""
    kept, removed = _clean_region(
        best,
        features,
        w.adjusted,
        w.flags,
        w.soft,
        () if keep_titles else titles,
        options,
        forum,
        byline,
        balanced_link_share=p.link_dense_share,
    )
    if not forum and kept and (photo := _lead_image(features, best, w.flags)) is not None:
        kept.insert(0, photo)
    if forum and kept:
        heading = _thread_title(features, best, titles)
        if heading is not None:
            kept.insert(0, heading)
    return _page_verdict(best, features, kept, removed, w.weights, w.flags, forum, forced)


def node_of(features: Features, el: html.HtmlElement) -> Node | None:
    """The node of ``el``, or of its nearest block-level ancestor the features track."""
    ancestors = {id(a) for a in el.iterancestors()}
    found: Node | None = None
    for node in features.nodes:
        if node.el is el:
            return node
        if id(node.el) in ancestors and (found is None or node.depth > found.depth):
            found = node
    return found


def _no_article_reason(score: float, needed: float, island: bool, links: int) -> str:
    """Why no block is an article, with the figures that decided it."""
    if island:
        why = f"the best block ({score:.0f}) is an island among {links} link tokens"
    else:
        why = f"the best block scores {max(score, 0.0):.0f}, an article needs {needed:.0f}"
    return f"no block of article-like text: {why} (list, index or error page?)"


def _confidence(score: float, total_pos: float) -> float:
    """0–1: how much article text there is, and how much of the page's prose it holds."""
    size = min(1.0, score / CONFIDENCE_FULL_SCORE)
    share = min(1.0, score / total_pos)
    return round(0.5 * size + 0.5 * share, 3)
