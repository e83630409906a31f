"""A fitted choice among a field's candidates: a conditional logit with a "none" option.

Each field (title, published, author) gathers every value the page offers
(:mod:`cleanser.meta.evidence_title`, :mod:`~cleanser.meta.evidence_date`,
:mod:`~cleanser.meta.evidence_author`). Values that agree (same text, same
instant, same set of names) are merged into one :class:`Candidate` that keeps
every source that offered it, and each candidate is described by a few named
features (its sources, where it sits, its shape, how many sources agree, whether
the hand-set cascade picked it).

The choice is a softmax over the candidates plus a "none" option, whose only
features are the page-level ones named ``none_*`` (a page with no date, a feed
whose dates are all its posts'). A candidate's score is the dot product of its
features with the field's weights; the option with the highest score wins, and
"none" winning means the page shows no such field. The weights are fitted by
``python -m cleanser.learn.metafit`` (pure Python, L2-regularised) and shipped
in ``model.json``; without them the cascade's value stands.

This module knows nothing about pages: it merges, vectorises, scores and fits.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cleanser.vocabulary import AGREEMENT_CAP, DISTANCE_SPAN, FIT_L2, FIT_RATE, FIT_STEPS

#: The name of the bias of the "none" option (every field's evidence starts with it).
NONE_BIAS = "none"


@dataclass
class Candidate:
    """One value a page offers for a field, with every source that offered it."""

    field: str
    value: str  # as reported: the title, the ISO time, names joined by "、"
    key: str  # what agreeing candidates share (normalised text, ISO time, sorted names)
    sources: list[str]
    features: dict[str, float] = dataclasses.field(default_factory=dict)
    payload: Any = None  # the FoundDate of a time, the tuple of names of an author

    def add(self, name: str, value: float = 1.0) -> None:
        """Set feature ``name`` to the larger of its current value and ``value``."""
        if value > self.features.get(name, 0.0):
            self.features[name] = value


@dataclass(frozen=True)
class Scored:
    """A candidate and the probability the fitted choice gives it (None: no weights)."""

    candidate: Candidate
    probability: float | None


def merge(cands: Iterable[Candidate]) -> list[Candidate]:
    """Candidates with the same key made one: sources and features united (max).

    The first value seen for a key is kept (the caller lists the most literal
    sources first). Each merged candidate gets ``agree``: how many *other*
    distinct sources offered it, capped at :data:`AGREEMENT_CAP` and scaled to 0–1.
    """
    out: dict[str, Candidate] = {}
    for c in cands:
        if not c.key:
            continue
        have = out.get(c.key)
        if have is None:
            out[c.key] = Candidate(
                c.field, c.value, c.key, list(c.sources), dict(c.features), c.payload
            )
            continue
        for s in c.sources:
            if s not in have.sources:
                have.sources.append(s)
        for name, value in c.features.items():
            have.add(name, value)
    merged = list(out.values())
    for c in merged:
        others = len({s for s in c.sources if s != "cascade"}) - 1
        c.features["agree"] = min(max(others, 0), AGREEMENT_CAP) / AGREEMENT_CAP
    return merged


def distance(chars: int) -> float:
    """A distance in characters of page text, log-scaled to 0–1 over :data:`DISTANCE_SPAN`."""
    return min(1.0, math.log1p(max(chars, 0)) / math.log1p(DISTANCE_SPAN))


def vector(evidence: Sequence[str], features: Mapping[str, float]) -> list[float]:
    """The features in the order of ``evidence`` (absent ones are 0)."""
    return [float(features.get(name, 0.0)) for name in evidence]


def none_vector(evidence: Sequence[str], page_features: Mapping[str, float]) -> list[float]:
    """The "none" option's features: its bias and the page-level ``none_*`` features."""
    return [
        1.0
        if name == NONE_BIAS
        else float(page_features.get(name, 0.0))
        if name.startswith("none_")
        else 0.0
        for name in evidence
    ]


def dot(w: Sequence[float], x: Sequence[float]) -> float:
    """Weighted sum."""
    return sum(a * b for a, b in zip(w, x, strict=True))


def softmax(scores: Sequence[float]) -> list[float]:
    """Probabilities from scores (stable for large ones)."""
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def options(
    evidence: Sequence[str], cands: Sequence[Candidate], page_features: Mapping[str, float]
) -> list[list[float]]:
    """The feature rows of one choice: "none" first, then each candidate."""
    return [none_vector(evidence, page_features)] + [vector(evidence, c.features) for c in cands]


def choose(
    evidence: Sequence[str],
    weights: Sequence[float],
    cands: Sequence[Candidate],
    page_features: Mapping[str, float],
) -> tuple[Candidate | None, list[Scored]]:
    """The winning candidate (None when "none" wins) and every candidate's probability."""
    rows = options(evidence, cands, page_features)
    probs = softmax([dot(weights, x) for x in rows])
    scored = [Scored(c, round(p, 4)) for c, p in zip(cands, probs[1:], strict=True)]
    best = max(range(len(rows)), key=lambda i: (probs[i], -i))
    return (cands[best - 1] if best else None), scored


@dataclass(frozen=True)
class Choice:
    """One page's choice for fitting: the feature rows ("none" first) and which are right."""

    rows: list[list[float]]
    right: list[int]  # indices into rows; 0 is "none"


def fit(
    choices: Sequence[Choice],
    n_feat: int,
    weight_of: Sequence[float] | None = None,
    free: Sequence[int] = (),
) -> list[float]:
    """Weights maximising the log-probability of the right options, minus an L2 cost.

    A page with several right options (two sources of one value that did not
    merge, or the same day at two times) counts the sum of their probabilities.
    ``weight_of`` weighs each page (e.g. so that a site with many pages counts
    no more than a few). The weights at the indices ``free`` are not penalised
    (the "none" bias, and the cascade's pick: the prior the other evidence must
    overcome). Plain gradient descent: the features lie in [0, 1], and the rows
    are walked as their non-zero entries only.
    """
    penalty = [0.0 if j in free else FIT_L2 for j in range(n_feat)]
    w = [0.0] * n_feat
    sw = list(weight_of) if weight_of is not None else [1.0] * len(choices)
    total = sum(sw) or 1.0
    sparse = [[[(j, x) for j, x in enumerate(row) if x] for row in ch.rows] for ch in choices]
    for _ in range(FIT_STEPS):
        grad = [0.0] * n_feat
        for ch, rows, s in zip(choices, sparse, sw, strict=True):
            probs = softmax([sum(w[j] * x for j, x in row) for row in rows])
            mass = sum(probs[i] for i in ch.right) or 1e-12
            for i, row in enumerate(rows):
                target = probs[i] / mass if i in ch.right else 0.0
                err = (probs[i] - target) * s / total
                if err:
                    for j, x in row:
                        grad[j] += err * x
        for j in range(n_feat):
            w[j] -= FIT_RATE * (grad[j] + penalty[j] * w[j])
    return w


def log_likelihood(choices: Sequence[Choice], w: Sequence[float]) -> float:
    """Mean log-probability of the right options (for reports and tests)."""
    if not choices:
        return 0.0
    total = 0.0
    for ch in choices:
        probs = softmax([dot(w, x) for x in ch.rows])
        total += math.log(max(sum(probs[i] for i in ch.right), 1e-12))
    return total / len(choices)
