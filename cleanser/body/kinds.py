"""What kind of page this is: an article, a thread, a list, a feed or an error page.

Each kind needs a different right answer (a thread's value is all its posts, a
list page has no article but has links), so the page is judged before
selection. The judgement weighs evidence, none of it a verdict on its own:

- repeated sibling records (``records``): posts with prose, an author and a
  time point to a thread or a feed; items that are mostly one link point to a
  list;
- the share of the page's text inside links, and how much punctuated prose
  the page holds outside links;
- lines only forum and Q&A layouts have (floor labels, 只看该作者, 个回答);
- the URL (forum and list paths) and the metadata (a publication date), both
  weak;
- an error phrase (404, 页面不存在) in the title or headline of a page with
  little text.

A multinomial logistic model combines them; its weights are fitted by
``python -m cleanser.learn.train`` (leave-site-out validated) and ship in
``model.json``. ``explain()`` shows the evidence and the probabilities.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleanser import vocabulary as v
from cleanser.body.features import Features
from cleanser.body.heuristic import forum_lines
from cleanser.body.records import Group, find_groups, widen, with_detail
from cleanser.vocabulary import (
    ERROR_PAGE_MAX_PROSE,
    ERROR_TITLE_HEADINGS,
    ERROR_TITLE_RE,
    ITEMS_COUNT_FULL,
    LIST_MIN_LINKED_SHARE,
    LIST_URL_RE,
    MIN_LIST_ITEMS,
    POST_MAX_LINK_SHARE,
    POST_MIN_MEAN_TOKENS,
    POST_TAGS,
    POSTS_COUNT_FULL,
    POSTS_MIN_SIGNED,
    PROSE_FULL,
    PROSE_MAX_LINK_TOKENS_SHARE,
    PROSE_MIN_TOKENS,
)
from cleanser.vocabulary import FORUM_LINES_FULL as FORUM_LINES_FULL  # still importable here

if TYPE_CHECKING:  # selection imports the model, which imports this module
    from cleanser.body.selection import Selection

KINDS = ("article", "thread", "list", "feed", "error")

# The evidence, in the order of the model's weights.
EVIDENCE = (
    "bias",
    "forum_url",  # a forum, thread or Q&A path
    "forum_lines",  # floor labels and other forum-only lines (saturates at 10)
    "posts_share",  # share of the page's non-link text in the best group of posts
    "posts_count",  # how many posts that group holds (saturates at 20)
    "posts_signed",  # share of its records showing an author and a time
    "items_share",  # share of the page's text in the best group of link items
    "items_count",  # how many items (saturates at 40)
    "items_timed",  # share of the items showing a date
    "link_share",  # share of the page's text inside links
    "prose_share",  # share of the page's text in punctuated non-link lines
    "prose_amount",  # how much such prose there is (log scale)
    "list_url",  # a list, channel, search or tag path
    "dated",  # the metadata found a publication date
    "error_title",  # an error phrase in the title or headline
    "no_article",  # selection found no block of article-like text
    "kept_share",  # share of the page's text selection kept as the body
    "selected_confidence",  # selection's confidence in its body
)


@dataclass(frozen=True)
class Judgement:
    """The page's kind, the probability of each kind, and the evidence weighed."""

    kind: str
    probabilities: dict[str, float]
    evidence: dict[str, float]
    posts: Group | None  # the best group of posts, if any
    items: Group | None  # the best group of link items, if any

    @property
    def confidence(self) -> float:
        """The probability of the chosen kind."""
        return self.probabilities[self.kind]


@dataclass(frozen=True)
class KindWeights:
    """One weight vector per kind over EVIDENCE (a multinomial logistic model)."""

    weights: dict[str, tuple[float, ...]]

    def probabilities(self, x: Sequence[float]) -> dict[str, float]:
        """Softmax of each kind's weighted evidence."""
        return softmax({k: dot(ws, x) for k, ws in self.weights.items()})


def dot(w: Sequence[float], x: Sequence[float]) -> float:
    """A weight vector applied to an evidence vector."""
    return sum(a * b for a, b in zip(w, x, strict=True))


def softmax(scores: dict[str, float]) -> dict[str, float]:
    """Scores to probabilities summing to 1 (shifted by the top score, so exp cannot overflow)."""
    top = max(scores.values())
    exp = {k: math.exp(s - top) for k, s in scores.items()}
    total = sum(exp.values())
    return {k: e / total for k, e in exp.items()}


@dataclass(frozen=True)
class PageEvidence:
    """What the page shows before selection: its structure, URL, title, metadata."""

    values: tuple[float, ...]  # the EVIDENCE entries up to ``error_title``
    posts: Group | None
    items: Group | None


# No fitted weights: ``judge`` falls back to its rule (the training command's start).
UNFITTED = KindWeights({})


def measure(
    features: Features,
    url: str | None,
    title: str | None,
    dated: bool,
    lines: int | None = None,
) -> PageEvidence:
    """The page's own evidence and its best post and item groups (one pass over groups).

    ``lines``: ``forum_lines(features.blocks, limit)`` already counted with a ``limit``
    of at least FORUM_LINES_FULL (the pipeline counts once for this and the forum test).
    """
    blocks = features.blocks
    total = features.length_prefix[-1] or 1
    links = features.link_prefix[-1]
    # Every candidate for posts needs its times and authors to be ranked; of the item
    # groups only the best needs them (ranked by their links alone, a list page has
    # dozens of groups to choose among, each a few hundred elements to scan).
    groups = find_groups(features, lambda g: _may_be_posts(features, g))
    posts = _best_posts(features, groups)
    items = _best_items(groups)
    if items is not None:
        wide = widen(features, items)
        if wide is not items or not _may_be_posts(features, items):
            items = with_detail(features, wide)
    lines = forum_lines(blocks, FORUM_LINES_FULL) if lines is None else min(lines, FORUM_LINES_FULL)
    prose = sum(
        b.length - b.link_length
        for b in blocks
        if b.sentence_end
        and b.length >= PROSE_MIN_TOKENS
        and b.link_length < PROSE_MAX_LINK_TOKENS_SHARE * b.length
    )
    heads = [title or "", *[b.text for b in blocks if b.tag in ("h1", "h2")][:ERROR_TITLE_HEADINGS]]
    error = any(ERROR_TITLE_RE.search(h) for h in heads if h) and prose < ERROR_PAGE_MAX_PROSE
    non_link = max(total - links, 1)
    values = (
        1.0,
        float(bool(url and v.FORUM_URL_RE.search(url))),
        lines / FORUM_LINES_FULL,
        ((posts.tokens - posts.link_tokens) / non_link) if posts else 0.0,
        min(posts.size, POSTS_COUNT_FULL) / POSTS_COUNT_FULL if posts else 0.0,
        (posts.timed + posts.authored) / 2 if posts else 0.0,
        items.tokens / total if items else 0.0,
        min(items.size, ITEMS_COUNT_FULL) / ITEMS_COUNT_FULL if items else 0.0,
        items.timed if items else 0.0,
        links / total,
        prose / total,
        min(math.log1p(prose) / math.log(PROSE_FULL), 1.0),
        float(bool(url and LIST_URL_RE.search(url.split("#")[0]))),
        float(dated),
        float(error),
    )
    return PageEvidence(values, posts, items)


def judge(
    page: PageEvidence, features: Features, selection: Selection, weights: KindWeights | None
) -> Judgement:
    """The page's kind from its own evidence and selection's outcome, under ``weights``.

    Without weights (no fitted model shipped, or ``UNFITTED``) a page is a list
    when selection found no article, a thread when its URL is a forum's, else an
    article.
    """
    total = features.length_prefix[-1] or 1
    x = (
        *page.values,
        float(selection.node is None),
        sum(b.length for b in selection.kept) / total,
        selection.confidence,
    )
    evidence = dict(zip(EVIDENCE, x, strict=True))
    if weights is None or not weights.weights:
        guess = (
            "list" if evidence["no_article"] else "thread" if evidence["forum_url"] else "article"
        )
        probs = {k: 0.0 for k in KINDS} | {guess: 1.0}
    else:
        probs = weights.probabilities(x)
    kind = max(probs, key=probs.__getitem__)
    return Judgement(kind, probs, evidence, page.posts, page.items)


def _may_be_posts(features: Features, g: Group) -> bool:
    """Containers holding prose: posts if they also show authors and times."""
    tag = features.nodes[g.members[0]].el.tag
    return (
        tag in POST_TAGS
        and g.link_share < POST_MAX_LINK_SHARE
        and g.mean_tokens >= POST_MIN_MEAN_TOKENS
    )


def _may_be_items(g: Group) -> bool:
    """Enough records that are one link each, or led by one."""
    return g.size >= MIN_LIST_ITEMS and max(g.linked, g.headed) >= LIST_MIN_LINKED_SHARE


def _best_posts(features: Features, groups: list[Group]) -> Group | None:
    """The group of records that most looks like posts: containers with prose, signed."""
    best: Group | None = None
    best_score = 0.0
    for g in groups:
        if not _may_be_posts(features, g):
            continue
        signed = (g.timed + g.authored) / 2
        if signed < POSTS_MIN_SIGNED:
            continue
        score = (g.tokens - g.link_tokens) * signed
        if score > best_score:
            best, best_score = g, score
    return best


def _best_items(groups: list[Group]) -> Group | None:
    """The largest group of records that are mostly one link each, or led by one (teasers)."""
    best: Group | None = None
    for g in groups:
        if _may_be_items(g) and (best is None or g.link_tokens > best.link_tokens):
            best = g
    return best
