"""Candidate regions for the article, and the evidence that tells it from its rivals.

The maximum-weight subtree (``choose._best_node``) is one number. Where the markup
names nothing (hashed CSS classes, a template no class list knows) a comment list, a
box of posting rules or a report dialog can outweigh the article on it alone, although
weaker evidence all points the other way: the article starts right under the page's
headline, near the top, in long punctuated paragraphs, without a time on every other
line. So the choice is made among a few candidate regions, each described by the
evidence in :data:`EVIDENCE`, by a conditional logit model: each candidate's score is
the weighted sum of its evidence, and the highest wins. The weights are fitted by
``python -m cleanser.learn.train`` (leave-site-out validated, on the pages as they are
and on copies whose class and id values are hashed) and ship in ``model.json``.
Without fitted weights the choice is the maximum-weight one, as before.

The candidates are the distinct line ranges of the best-scoring elements (the deepest
element of each range), plus the corrected choice of ``choose`` (the titled article on
an endless-scroll page, a widened run of siblings), whatever its rank.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cleanser.body.choose import _key
from cleanser.body.features import Features, Node
from cleanser.body.heuristic import Cue
from cleanser.body.records import TIME_RE
from cleanser.vocabulary import (
    HEADLINE_MIN_TOKENS,
    PAGE_HEADLINE_TAGS,
    REGION_CANDIDATES,
    REGION_HEADLINE_GAP,
    REGION_LINE_FULL,
    REGION_PUNCT_FULL,
    REGION_TIME_LINE_TOKENS,
    TITLE_KEY_MIN_CHARS,
)

# The evidence of one candidate region, in the order of the model's weights. Every
# value lies in [0, 1]; only differences between a page's candidates matter.
EVIDENCE = (
    "base_choice",  # the maximum-weight choice with choose's corrections (candidate 0)
    "score_share",  # its weight over the best candidate's: the maximum-weight evidence
    "prose_share",  # share of the page's prose (positive line weight) it holds
    "holds_headline",  # the page's headline line lies inside it
    "other_headline",  # it holds an <h1> that is not the page's headline: another story
    "after_headline",  # its first prose line comes right under the headline (decays with distance)
    "start",  # where its first prose line sits in the page (0 top, 1 bottom)
    "link_share",  # share of its tokens inside links
    "punct_rate",  # punctuation marks per non-link token (Chinese prose is dense with ，。)
    "line_length",  # tokens per text line, log scale: paragraphs, not one-liners
    "timed_share",  # share of its text lines showing a time (comment and feed entries)
    "flagged_share",  # share of its tokens on lines a verdict flagged
    "records_share",  # share of its tokens in the page's signed records (posts, comments)
    "forum_prose",  # prose_share again, on forum and Q&A pages (every post is content)
    "forum_records",  # records_share again, on forum and Q&A pages
)


@dataclass(frozen=True)
class Region:
    """One candidate for the article: an element (or a run of siblings) and its evidence."""

    node: Node
    score: float  # total line weight, what the maximum-weight choice compares
    evidence: tuple[float, ...]


@dataclass(frozen=True)
class RegionWeights:
    """One weight per EVIDENCE entry: a candidate's rank is the weighted sum."""

    weights: tuple[float, ...]

    def rank(self, region: Region) -> float:
        """The candidate's score under the model."""
        return sum(w * x for w, x in zip(self.weights, region.evidence, strict=True))

    def contributions(self, region: Region) -> dict[str, float]:
        """What each evidence adds to the candidate's score (for ``explain``)."""
        return {
            name: w * x for name, w, x in zip(EVIDENCE, self.weights, region.evidence, strict=True)
        }


# No fitted weights: the candidate ``choose`` picked (the training command's start).
UNFITTED = RegionWeights(())


@dataclass
class _PageFacts:
    """Per-page sums the evidence reads: computed once, then O(1) per candidate."""

    prose_lines: list[int]  # prefix counts of lines with text
    timed: list[int]  # prefix counts of short lines showing a time
    flagged: list[int]  # prefix sums of tokens on flagged lines
    others: list[int]  # prefix counts of <h1> lines other than the headline
    records: list[int]  # prefix sums of tokens inside the signed records
    headline: int  # block index of the page's headline line, -1 if none found
    total_pos: float


def regions(
    features: Features,
    prefix: Sequence[float],
    positive: Sequence[float],
    flags: Sequence[Cue | None],
    scores: Sequence[tuple[Node, float]],
    chosen: Node,
    chosen_score: float,
    titles: tuple[str, ...],
    forum: bool,
    floor: float,
    records: Sequence[Node] = (),
) -> list[Region]:
    """The candidate regions of a page, the corrected maximum-weight choice first.

    ``scores``: every element's total weight (``choose._best_node``); ``chosen``: the
    choice ``choose`` made. Other candidates weigh more than ``floor`` (what makes an
    article at all) and more than zero. ``records``: the page's best group of signed
    records (posts or comments showing an author and a time, ``kinds.measure``).
    """
    floor = max(floor, 0.0)
    deepest: dict[tuple[int, int], tuple[Node, float]] = {}
    for node, s in scores:
        if s <= floor or node.start == node.end:
            continue
        key = (node.start, node.end)
        held = deepest.get(key)
        if held is None or node.depth > held[0].depth:
            deepest[key] = (node, s)
    ranked = sorted(deepest.values(), key=lambda ns: (-ns[1], ns[0].start))
    picked: list[tuple[Node, float]] = [(chosen, chosen_score)]
    seen = {(chosen.start, chosen.end)}
    for node, s in ranked:
        if len(picked) > REGION_CANDIDATES:
            break
        if (node.start, node.end) not in seen:
            seen.add((node.start, node.end))
            picked.append((node, s))
    facts = _facts(features, positive, flags, titles, records)
    top = max(s for _, s in picked)
    return [
        Region(node, s, _evidence(features, prefix, positive, facts, node, s, top, forum, k == 0))
        for k, (node, s) in enumerate(picked)
    ]


def pick(candidates: Sequence[Region], weights: RegionWeights | None) -> int:
    """Index of the candidate the model ranks highest (the first, unfitted: ``choose``'s)."""
    if weights is None or not weights.weights or not candidates:
        return 0
    ranks = [weights.rank(r) for r in candidates]
    return max(range(len(candidates)), key=lambda i: (ranks[i], -i))


def _facts(
    features: Features,
    positive: Sequence[float],
    flags: Sequence[Cue | None],
    titles: tuple[str, ...],
    records: Sequence[Node],
) -> _PageFacts:
    blocks = features.blocks
    in_record = [0] * (len(blocks) + 1)  # +1 at a record's first line, -1 after its last
    for node in records:
        in_record[node.start] += 1
        in_record[node.end] -= 1
    depth = 0
    held = [0]
    lines = [0]
    timed = [0]
    flagged = [0]
    others = [0]
    headline = _headline(features, titles)
    page_key = _key(blocks[headline].text) if headline >= 0 else None
    for b, flag in zip(blocks, flags, strict=True):
        depth += in_record[b.index]
        held.append(held[-1] + (b.length if depth > 0 else 0))
        has_text = b.length > 0
        lines.append(lines[-1] + has_text)
        timed.append(
            timed[-1]
            + (
                has_text
                and b.length <= REGION_TIME_LINE_TOKENS
                and TIME_RE.search(b.text) is not None
            )
        )
        flagged.append(flagged[-1] + (b.length if flag is not None else 0))
        others.append(
            others[-1]
            + (
                b.tag == "h1"
                and b.length >= HEADLINE_MIN_TOKENS
                and b.index != headline
                and _key(b.text) != page_key
            )
        )
    return _PageFacts(lines, timed, flagged, others, held, headline, positive[-1] or 1.0)


def _headline(features: Features, titles: tuple[str, ...]) -> int:
    """The line printing the page's headline: one equal to a title (a heading first),
    else the first <h1>; -1 when the page shows none."""
    keys = {k for k in (_key(t) for t in titles) if len(k) >= TITLE_KEY_MIN_CHARS}
    first_h1 = -1
    plain = -1
    for b in features.blocks:
        if not b.length:
            continue
        if b.tag in PAGE_HEADLINE_TAGS and keys and _key(b.text) in keys:
            return b.index
        if plain < 0 and keys and _key(b.text) in keys:
            plain = b.index
        if first_h1 < 0 and b.tag == "h1":
            first_h1 = b.index
    return plain if plain >= 0 else first_h1


def _evidence(
    features: Features,
    prefix: Sequence[float],
    positive: Sequence[float],
    facts: _PageFacts,
    node: Node,
    score: float,
    top: float,
    forum: bool,
    base: bool,
) -> tuple[float, ...]:
    start, end = node.start, node.end
    lengths, links, puncts = features.length_prefix, features.link_prefix, features.punct_prefix
    tokens = lengths[end] - lengths[start]
    link_tokens = links[end] - links[start]
    text = tokens - link_tokens
    lines = facts.prose_lines[end] - facts.prose_lines[start]
    prose = positive[end] - positive[start]
    first = next((i for i in range(start, end) if prefix[i + 1] > prefix[i]), start)
    n_blocks = max(len(features.blocks) - 1, 1)
    h = facts.headline
    holds = 1.0 if start <= h < end else 0.0
    after = 0.0
    if 0 <= h < first:
        gap = facts.prose_lines[first] - facts.prose_lines[h + 1]
        after = 1.0 / (1.0 + gap / REGION_HEADLINE_GAP)
    share = prose / facts.total_pos
    in_records = (facts.records[end] - facts.records[start]) / tokens if tokens else 0.0
    return (
        1.0 if base else 0.0,
        score / top if top > 0 else 0.0,
        share,
        holds,
        1.0 if facts.others[end] > facts.others[start] else 0.0,
        after,
        first / n_blocks,
        link_tokens / tokens if tokens else 0.0,
        min(1.0, (puncts[end] - puncts[start]) / max(text, 1) * REGION_PUNCT_FULL),
        min(1.0, math.log1p(tokens / max(lines, 1)) / math.log1p(REGION_LINE_FULL)),
        (facts.timed[end] - facts.timed[start]) / max(lines, 1),
        (facts.flagged[end] - facts.flagged[start]) / tokens if tokens else 0.0,
        in_records,
        share if forum else 0.0,
        in_records if forum else 0.0,
    )
