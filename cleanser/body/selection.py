"""Combine both scorers, choose the article, and clean inside it.

1. Each line gets its density weight (``density.block_weight``).
2. Lines under a boilerplate element (``heuristic.element_cue``) or in a section
   headed by a sidebar heading, and footer/disclaimer/share lines, have their
   weight turned negative. A verdict that would remove more than half of the
   page's prose is overruled (a mislabelled wrapper, not furniture).
3. The article is the element whose subtree has the largest total weight: a
   maximum-weight subtree. Siblings that belong to the article (bodies split over
   several containers, images and captions between paragraphs, every post of a
   thread) are included automatically when the common parent scores higher than
   either part; sidebars and recommendation lists are excluded because they cost
   more than they bring.
4. Inside it, boilerplate lines, link-dense lines, meta lines, the headline and
   everything after a terminator line are dropped, each with its reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import NamedTuple

from lxml import html

from cleanser.body.density import block_weight
from cleanser.body.features import Block, Features, Node
from cleanser.body.heuristic import Cue, block_cue, element_cue, furniture_image, is_error_page
from cleanser.body.model import Params, fitted
from cleanser.options import Options
from cleanser.vocabulary import (
    ARTICLE_BODY_NAMES,
    ATTACHMENT_RE,
    CLIPPED_ENDS,
    COMMENTED_ARTICLE_MIN,
    CONFIDENCE_FULL_SCORE,
    DATE_ONLY_LINE_RE,
    ENTRY_DATE_TOKENS,
    ERROR_PAGE_MAX_TOKENS,
    FORUM_FLAGGED_WEIGHT,
    FORUM_LABEL_TOKENS,
    FORUM_SHORT_LINE_CAP,
    GROW_LEVELS,
    GROW_MAX_STEPS,
    GROW_MIN,
    GROW_RATIO,
    HEADING_LINK_EVIDENCE,
    HEADING_TAGS,
    HEADLINE_MIN_TOKENS,
    ISLAND_LINK_RATIO,
    ISLAND_MAX_SCORE,
    LEAD_ARTICLE_TOKENS,
    LEAD_REPEAT_MIN_CHARS,
    LINK_SHARE_BY_FOCUS,
    LIST_LABEL_LOOKAHEAD,
    LIST_LABEL_TOKENS,
    MARKED_BODY_MIN_TOKENS,
    MIN_ENTRIES,
    MIN_TEASERS,
    NOT_ALNUM_RE,
    OUTSIDE_SHARE,
    PAGE_HEADLINE_TAGS,
    PROSE_MAX_LINK_SHARE,
    QUESTION_ENDINGS,
    SCORE_TIE,
    SOFT_CUE_KINDS,
    STRONG_CUE_KINDS,
    TEASER_META_LINES,
    TEASER_META_TOKENS,
    TITLE_KEY_MIN_CHARS,
    TITLE_PART_MIN,
    TITLE_SEARCH_LINES,
    TITLE_SLACK,
    TITLED_MIN_SHARE,
)

_BODY_NAMES = frozenset(ARTICLE_BODY_NAMES)


@dataclass(frozen=True)
class Removal:
    """A line removed from the chosen region, and why."""

    index: int
    text: str
    kind: str
    rule: str


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


def select(
    features: Features,
    titles: tuple[str, ...],
    options: Options,
    forum: bool = False,
    byline: tuple[str, ...] = (),
    forced: Node | None = None,
    params: Params | None = None,
) -> Selection:
    """Choose and clean the article among ``features``' blocks.

    ``forum``: the page is a thread or Q&A page, so replies are content and the
    thread title stays in the text. ``byline``: the author names metadata found;
    a line holding only them near the top is a credit, not text. ``forced``: the
    container the user named (``Options.body``); it is cleaned like a chosen one
    but never replaced, nor judged a list page.
    """
    p = params or fitted()
    blocks = features.blocks
    short_cap = FORUM_SHORT_LINE_CAP if forum else p.short_line_cap
    flagged_weight = FORUM_FLAGGED_WEIGHT if forum else p.flagged_weight
    weights = [block_weight(b, short_cap) for b in blocks]
    flags: list[Cue | None] = [None] * len(blocks)
    soft: list[Cue | None] = [None] * len(blocks)
    positive = list(accumulate((max(w, 0.0) for w in weights), initial=0.0))
    total_pos = positive[-1] or 1.0
    overruled = _markup_verdicts(features, forum, forced, positive, total_pos, p, flags)

    _text_verdicts(features, forum, positive, total_pos, flags, soft, p.safety_share)

    outweighed = _outweigh(blocks, flags, p.markup_prose_tokens)

    # Flagged lines are pruned wherever they end up, so they need not push the
    # region boundary: they weigh slightly negative, enough to break ties.
    adjusted = [
        w if flags[i] is None else -flagged_weight * blocks[i].length for i, w in enumerate(weights)
    ]
    prefix = list(accumulate(adjusted, initial=0.0))
    best, best_score, scores = _best_node(features, prefix, positive)
    if forced is not None:
        best, best_score = forced, prefix[forced.end] - prefix[forced.start]
    earlier = None
    if forced is None and best is not None and not forum and titles:
        earlier = _titled_article(
            features, titles[0], best, best_score, scores, p.min_article_score
        )
        if earlier is not None:
            best, best_score = earlier
    if forced is None and best is not None and not forum and earlier is None:
        best, best_score = _grow(features, best, best_score, prefix)
    page_links = features.link_prefix[-1]
    island = 0 < best_score < ISLAND_MAX_SCORE and page_links > ISLAND_LINK_RATIO * best_score
    no_article = forced is None and (best is None or best_score < p.min_article_score or island)
    keep_titles = forum
    if no_article and not forum:
        # Too little text to score, but the page names its article body: a short post,
        # where a line equal to the headline is the post itself.
        marked = _marked_body(features, flags)
        if marked is not None:
            best, no_article, keep_titles = marked, False, True
    if best is None or no_article:
        return Selection(
            None,
            [],
            [],
            max(best_score, 0.0),
            0.0,
            "no block of article-like text (list, index or error page?)",
            weights,
            flags,
            scores,
            overruled,
        )
    kept, removed = _clean_region(
        best,
        features,
        adjusted,
        flags,
        soft,
        () if keep_titles else titles,
        options,
        forum,
        byline,
        balanced_link_share=p.link_dense_share,
    )
    if not forum and kept and (photo := _lead_image(features, best, flags)) is not None:
        kept.insert(0, photo)
    if forum and kept:
        heading = _thread_title(features, best, titles)
        if heading is not None:
            kept.insert(0, heading)
    kept, removed, reason = _page_verdict(
        best, features, kept, removed, weights, flags, forum, forced
    )
    if reason:
        return Selection(
            None, [], removed, best_score, 0.0, reason, weights, flags, scores, overruled
        )
    confidence = _confidence(best_score, total_pos)
    return Selection(
        best,
        kept,
        removed,
        best_score,
        confidence,
        None,
        weights,
        flags,
        scores,
        overruled,
        forced=forced is not None,
        outweighed=outweighed,
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
        inside = positive[node.end] - positive[node.start]
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


def _is_prose(block: Block, min_tokens: float) -> bool:
    """Whether a line is a sentence of prose at least ``min_tokens`` long (not links)."""
    text = block.length - block.link_length
    return (
        text >= min_tokens
        and block.sentence_end
        and block.link_length <= PROSE_MAX_LINK_SHARE * block.length
    )


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


def _clean_region(
    node: Node,
    features: Features,
    weights: list[float],
    flags: list[Cue | None],
    soft: list[Cue | None],
    titles: tuple[str, ...],
    options: Options,
    forum: bool = False,
    byline: tuple[str, ...] = (),
    *,
    balanced_link_share: float,
) -> tuple[list[Block], list[Removal]]:
    blocks = features.blocks
    byline_key = _key("".join(byline)) if byline else ""
    kept: list[Block] = []
    removed: list[Removal] = []
    title_keys = {_key(t) for t in titles if t and len(_key(t)) >= TITLE_KEY_MIN_CHARS}
    page_key = _key(titles[0]) if titles and len(_key(titles[0])) >= TITLE_KEY_MIN_CHARS else None
    region = range(node.start, node.end)
    teaser_repeats = _lead_repeats(blocks, node)
    link_share = (
        balanced_link_share if options.focus == "balanced" else LINK_SHARE_BY_FOCUS[options.focus]
    )
    total = sum(max(weights[i], 0.0) for i in region)
    seen = 0.0
    stop_at = node.end
    for i in region:
        if i >= stop_at:
            removed.append(Removal(i, blocks[i].text, "after-terminator", "after terminator line"))
            continue
        b = blocks[i]
        seen += max(weights[i], 0.0)
        cue = flags[i]
        if cue is not None:
            if b.length or b.image is not None:
                removed.append(Removal(i, b.text, cue.kind, cue.rule))
            continue
        if b.image is not None:
            why = furniture_image(b.image)
            if why:
                removed.append(Removal(i, "[image]", "image", why))
            else:
                kept.append(b)
            continue
        if forum and b.punct == 0 and b.length < FORUM_LABEL_TOKENS and b.tag != "pre":
            removed.append(Removal(i, b.text, "forum-label", "short unpunctuated line in a thread"))
            continue
        if i in teaser_repeats:
            removed.append(Removal(i, b.text, "summary", "summary repeating the first paragraph"))
            continue
        if b.link_length > link_share * b.length and not ATTACHMENT_RE.match(b.text):
            removed.append(Removal(i, b.text, "link-dense", "link text over the focus' share"))
            continue
        s = soft[i]
        if s is not None:
            removed.append(Removal(i, b.text, s.kind, s.rule))
            # In recall focus a terminator drops only its own line.
            if s.kind == "terminator" and seen >= total - seen and options.focus != "recall":
                stop_at = i + 1
            continue
        key = _key(b.text) if options.remove_title else ""
        if key and (
            key == page_key  # the page headline again, anywhere (video captions, stickies)
            or (i - node.start < TITLE_SEARCH_LINES and _repeats(key, title_keys))
        ):
            removed.append(Removal(i, b.text, "title", "headline repeated in body"))
            continue
        if byline_key and i - node.start < TITLE_SEARCH_LINES and _key(b.text) == byline_key:
            removed.append(Removal(i, b.text, "meta", "author's name alone on a line"))
            continue
        kept.append(b)
    kept, labels = _drop_list_labels(kept, removed, blocks)
    removed.extend(labels)
    if options.focus == "precision":
        kept, trimmed = _trim_edges(kept)
        removed.extend(trimmed)
    return kept, removed


def _drop_list_labels(
    kept: list[Block], removed: list[Removal], blocks: list[Block]
) -> tuple[list[Block], list[Removal]]:
    """Short labels heading a list of links that went as link-dense (重点推荐, 证券要闻).

    A kept line of at most LIST_LABEL_TOKENS tokens without punctuation, whose next
    two text lines were both removed as link-dense, names the list, not the article.
    """
    dense = {r.index for r in removed if r.kind == "link-dense"}
    if len(dense) < 2:
        return kept, []
    kept_at = {b.index for b in kept}
    out: list[Removal] = []
    drop: set[int] = set()
    for b in kept:
        if b.image is not None or b.punct or b.length > LIST_LABEL_TOKENS:
            continue
        following = []
        for j in range(b.index + 1, min(len(blocks), b.index + 1 + LIST_LABEL_LOOKAHEAD)):
            if blocks[j].length:
                following.append(j)
                if len(following) == 2:
                    break
        if len(following) == 2 and all(j in dense and j not in kept_at for j in following):
            drop.add(b.index)
            out.append(Removal(b.index, b.text, "link-dense", "label of a list of links"))
    return [b for b in kept if b.index not in drop], out


def _trim_edges(kept: list[Block]) -> tuple[list[Block], list[Removal]]:
    """Precision focus: drop unpunctuated short lines before the first and after the last
    sentence of prose (labels, stray credits), keeping images between prose."""
    prose = [k for k, b in enumerate(kept) if b.sentence_end]
    if not prose:
        return kept, []
    first, last = prose[0], prose[-1]
    out = [
        Removal(b.index, b.text, "edge", "short line outside the prose (precision focus)")
        for k, b in enumerate(kept)
        if (k < first or k > last) and b.image is None
    ]
    return [b for k, b in enumerate(kept) if first <= k <= last or b.image is not None], out


def _lead_image(features: Features, node: Node, flags: list[Cue | None]) -> Block | None:
    """The photo printed right above the chosen region (``div.fullPic`` before the
    paragraphs), when nothing but empty lines stands between them."""
    blocks = features.blocks
    j = node.start - 1
    while j >= 0 and blocks[j].length == 0 and blocks[j].image is None:
        j -= 1
    if j < 0 or flags[j] is not None:
        return None
    img = blocks[j].image
    if img is None or furniture_image(img):
        return None
    return blocks[j]


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


def _thread_title(features: Features, node: Node, titles: tuple[str, ...]) -> Block | None:
    """The thread or question title line above the posts, kept on forum pages."""
    keys = {_key(t) for t in titles if t and len(_key(t)) >= TITLE_KEY_MIN_CHARS}
    for b in features.blocks[: node.start]:
        if b.length and _repeats(_key(b.text), keys):
            # A question is part of a Q&A page's text; a thread's subject is a headline.
            return b if b.text.rstrip().endswith(QUESTION_ENDINGS) else None
    return None


def _lead_repeats(blocks: list[Block], node: Node) -> set[int]:
    """Lines near the top that are a truncated copy of the next line (摘要 boxes)."""
    out: set[int] = set()
    texts = [(i, blocks[i].text) for i in range(node.start, node.end) if blocks[i].length]
    for (i, a), (_, b) in pairwise(texts[: TITLE_SEARCH_LINES + 1]):
        stem = a.rstrip("…. ")
        if len(stem) >= LEAD_REPEAT_MIN_CHARS and b.startswith(stem) and len(b) > len(stem):
            out.add(i)
    return out


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


def _confidence(score: float, total_pos: float) -> float:
    """0–1: how much article text there is, and how much of the page's prose it holds."""
    size = min(1.0, score / CONFIDENCE_FULL_SCORE)
    share = min(1.0, score / total_pos)
    return round(0.5 * size + 0.5 * share, 3)


def _repeats(key: str, titles: set[str]) -> bool:
    """Whether a line is one of ``titles``, allowing a few extra characters."""
    if key in titles:
        return True
    return any(
        (t in key and len(key) <= len(t) + TITLE_SLACK) or (len(key) >= TITLE_PART_MIN and key in t)
        for t in titles
    )


def _key(text: str) -> str:
    """A line reduced to its letters and digits, for comparing it with headlines."""
    return NOT_ALNUM_RE.sub("", text).lower()
