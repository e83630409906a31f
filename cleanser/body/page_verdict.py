"""What the kept lines say about the page: an article, or no article after all.

The chosen region may still not be an article. :func:`_page_verdict` checks, in order:
nothing but boilerplate was kept; the text is an error page's apology (页面不存在…); the
region lists dated entries (:func:`_entries`: a blog or column home page, whose first
entry is kept); the region holds a feed of teasers (:func:`_teasers`: headline links,
each with a summary, search results and news feeds). :func:`_feed_verdict` cuts a feed
that stands beside an article and calls the page a list page when the feed is most of
it. A reason returned here means no article; ``selection.select`` reports it.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from cleanser.body.clean import Removal
from cleanser.body.features import Block, Features, Node
from cleanser.body.heuristic import Cue, is_error_page
from cleanser.vocabulary import (
    CLIPPED_ENDS,
    DATE_ONLY_LINE_RE,
    ENTRY_DATE_TOKENS,
    ERROR_PAGE_MAX_TOKENS,
    HEADING_TAGS,
    HEADLINE_MIN_TOKENS,
    LEAD_ARTICLE_TOKENS,
    MIN_ENTRIES,
    MIN_TEASERS,
    TEASER_META_LINES,
    TEASER_META_TOKENS,
)


def _page_verdict(
    best: Node,
    features: Features,
    kept: list[Block],
    removed: list[Removal],
    weights: list[float],
    flags: list[Cue | None],
    forum: bool,
    forced: Node | None,
) -> tuple[list[Block], list[Removal], str | None]:
    """What the kept lines say about the page.

    Boilerplate only, an error page, a blog home page (its first entry is kept), an
    article followed by a teaser feed (the feed goes), or a list page (a reason: no
    article).
    """
    kept_tokens = sum(b.length for b in kept)
    reason = None
    if kept_tokens == 0:
        reason = "chosen region held only boilerplate"
    elif kept_tokens <= ERROR_PAGE_MAX_TOKENS and (
        apology := is_error_page(" ".join(b.text for b in kept))
    ):
        reason = f"error page ('{apology}')"
    elif forced is None and not forum and (entries := _entries(best, features)) is not None:
        # A blog or column home page: several dated entries; the first is the
        # article, without its title line.
        title, second = entries
        cut = [
            Removal(b.index, b.text, "entries", "entry title or later dated entry")
            for b in kept
            if b.index >= second or b.index == title
        ]
        kept = [b for b in kept if b.index < second and b.index != title]
        removed = removed + cut
    if reason is None and not forum and forced is None:
        feed = _teasers(best, features, weights, flags)
        kept, removed, reason = _feed_verdict(feed, kept, removed)
    return kept, removed, reason


def _entries(node: Node, features: Features) -> tuple[int, int] | None:
    """Block indexes of the first and second entry titles, on multi-entry pages.

    An entry is a title line followed by a line holding only a date; with at least
    MIN_ENTRIES of them the region lists entries (a blog or column home page).
    """
    lines = [b for b in features.blocks[node.start : node.end] if b.length]
    starts = [
        lines[k - 1].index
        for k, b in enumerate(lines)
        if k > 0 and b.length <= ENTRY_DATE_TOKENS and DATE_ONLY_LINE_RE.match(b.text)
    ]
    if len(starts) < MIN_ENTRIES:
        return None
    return starts[0], starts[1]


class _Feed(NamedTuple):
    """The headline + summary items of a region (see :func:`_teasers`)."""

    items: int  # headline + summary items
    first: int  # block index of the first item's headline
    last: int  # block index of the last item's summary
    prose: int  # prose lines in the whole region
    inside: int  # prose lines from ``first`` to ``last``


def _teasers(
    node: Node, features: Features, weights: list[float], flags: list[Cue | None]
) -> _Feed:
    """Headline-link + summary items in the region (search results, news feeds).

    An item is a whole-line headline link followed by a summary (a prose line that is
    a sentence or longer than a byline), with at most
    TEASER_META_LINES short lines (byline, date) between them when the headline is a
    heading; or one line that
    opens with a headline link and ends in a clipped summary (``...``).
    """
    blocks = features.blocks
    items = 0
    first = last = -1
    headline = -1
    between = 0
    titled = False  # the open headline is a heading (h1-h6)
    prose: list[int] = []
    for i in range(node.start, node.end):
        b = blocks[i]
        if b.length == 0:
            continue
        if titled and b.length <= TEASER_META_TOKENS and not b.sentence_end:
            # A byline or a date between a heading's headline and its summary (a user
            # name before a post's time is not a headline: it is no heading).
            between += 1
            if between > TEASER_META_LINES:
                headline, titled = -1, False
            continue
        clipped = _clipped_teaser(b)
        if weights[i] > 0 or clipped:
            prose.append(i)
            summary = b.sentence_end or b.length > TEASER_META_TOKENS
            start = headline if headline >= 0 and summary else (i if clipped else -1)
            if start >= 0:
                items += 1
                first = start if first < 0 else first
                last = i
        is_headline = b.link_length == b.length and b.length >= HEADLINE_MIN_TOKENS
        headline, between = (i if is_headline and flags[i] is None else -1), 0
        titled = headline >= 0 and b.tag in HEADING_TAGS
    inside = sum(1 for i in prose if first <= i <= last)
    return _Feed(items, first, last, len(prose), inside)


def _clipped_teaser(block: Block) -> bool:
    """A headline link and a clipped summary on one line."""
    return HEADLINE_MIN_TOKENS <= block.link_length < block.length and block.text.rstrip().endswith(
        CLIPPED_ENDS
    )


def _feed_verdict(
    feed: _Feed, kept: list[Block], removed: list[Removal]
) -> tuple[list[Block], list[Removal], str | None]:
    """Cut a run of teasers beside the article, or call the page a list.

    The run counts when its items are at least half of the prose lines it spans. With
    an article after it, before it or on both sides, the run goes (after the article,
    everything from its first headline goes: a feed's tail is more feed). With too
    little prose outside it, and items making half the region's prose, the page is a
    list.
    """
    if feed.items < MIN_TEASERS or feed.items * 2 < feed.inside:
        return kept, removed, None
    lead = sum(b.length for b in kept if b.index < feed.first) >= LEAD_ARTICLE_TOKENS
    tail = sum(b.length for b in kept if b.index > feed.last) >= LEAD_ARTICLE_TOKENS
    if not lead and not tail:
        if feed.items * 2 >= feed.prose:
            return kept, removed, f"list page ({feed.items} headline + summary items)"
        return kept, removed, None
    end = feed.last if tail else math.inf
    start = feed.first
    before = [b for b in kept if b.index < start]
    if before and _feed_heading(before[-1]):
        start = before[-1].index  # the feed's own heading (滚动新闻, More from…) goes with it
    where = "after" if lead and not tail else ("before" if tail and not lead else "inside")
    cut = [
        Removal(b.index, b.text, "feed", f"teaser feed {where} the article")
        for b in kept
        if start <= b.index <= end
    ]
    return [b for b in kept if not start <= b.index <= end], removed + cut, None


def _feed_heading(block: Block) -> bool:
    """A short heading line, no sentence: what heads a box of teasers."""
    return (
        block.tag in HEADING_TAGS and block.length <= TEASER_META_TOKENS and not block.sentence_end
    )
