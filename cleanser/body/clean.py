"""Cleaning the chosen region: which of its lines are the article's text, each removal
with its reason.

:func:`_clean_region` walks the region's lines once: flagged lines, furniture images,
forum labels, summary boxes repeating the first paragraph, link-dense lines, terminator
and meta lines (and, after a terminator, everything else), the headline repeated in the
body and the author's name alone on a line go, each as a :class:`Removal` that ``explain``
shows. Then the labels of link lists (:func:`_drop_list_labels`) go, and in precision
focus the short lines around the prose (:func:`_trim_edges`).

Two lines outside the region belong to it: the photo printed right above it
(:func:`_lead_image`) and, on forum pages, a question's title (:func:`_thread_title`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from cleanser.body.choose import _key
from cleanser.body.features import Block, Features, Node
from cleanser.body.heuristic import Cue, furniture_image
from cleanser.options import Options
from cleanser.vocabulary import (
    ATTACHMENT_RE,
    FORUM_LABEL_TOKENS,
    LEAD_REPEAT_MIN_CHARS,
    LINK_SHARE_BY_FOCUS,
    LIST_LABEL_LOOKAHEAD,
    LIST_LABEL_TOKENS,
    QUESTION_ENDINGS,
    TITLE_KEY_MIN_CHARS,
    TITLE_PART_MIN,
    TITLE_SEARCH_LINES,
    TITLE_SLACK,
)


@dataclass(frozen=True)
class Removal:
    """A line removed from the chosen region, and why."""

    index: int
    text: str
    kind: str
    rule: str


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
    """Split the region into kept lines and removals (with their reasons), in one pass.

    ``titles``: lines repeating these near the top (or the page headline anywhere) are
    the headline again; ``byline``: the author names, a line of only them is a credit.
    """
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
    return _whole_region_checks(kept, removed, blocks, options.focus)


def _whole_region_checks(
    kept: list[Block], removed: list[Removal], blocks: list[Block], focus: str
) -> tuple[list[Block], list[Removal]]:
    """The checks that need the whole pass done: labels of link lists, then (precision
    focus) the short lines around the prose."""
    kept, labels = _drop_list_labels(kept, removed, blocks)
    removed.extend(labels)
    if focus == "precision":
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


def _lead_repeats(blocks: list[Block], node: Node) -> set[int]:
    """Lines near the top that are a truncated copy of the next line (摘要 boxes)."""
    out: set[int] = set()
    texts = [(i, blocks[i].text) for i in range(node.start, node.end) if blocks[i].length]
    for (i, a), (_, b) in pairwise(texts[: TITLE_SEARCH_LINES + 1]):
        stem = a.rstrip("…. ")
        if len(stem) >= LEAD_REPEAT_MIN_CHARS and b.startswith(stem) and len(b) > len(stem):
            out.add(i)
    return out


def _repeats(key: str, titles: set[str]) -> bool:
    """Whether a line is one of ``titles``, allowing a few extra characters."""
    if key in titles:
        return True
    return any(
        (t in key and len(key) <= len(t) + TITLE_SLACK) or (len(key) >= TITLE_PART_MIN and key in t)
        for t in titles
    )


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


def _thread_title(features: Features, node: Node, titles: tuple[str, ...]) -> Block | None:
    """The thread or question title line above the posts, kept on forum pages."""
    keys = {_key(t) for t in titles if t and len(_key(t)) >= TITLE_KEY_MIN_CHARS}
    for b in features.blocks[: node.start]:
        if b.length and _repeats(_key(b.text), keys):
            # A question is part of a Q&A page's text; a thread's subject is a headline.
            return b if b.text.rstrip().endswith(QUESTION_ENDINGS) else None
    return None
