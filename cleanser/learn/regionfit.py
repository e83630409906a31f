"""Fitting the region choice: a conditional logit over candidate regions, in pure Python.

For every training page, selection is run once per candidate region
(``body.regions``) and each outcome is scored against the gold text (char-F1). The
model gives each candidate the probability softmax(w · evidence); it is fitted so that
this distribution matches a target that puts the mass on the candidates scoring best
(within a few hundredths of F1 of the best, by ``TEMPERATURE``). A page counts in
proportion to what is at stake on it (best minus worst candidate F1), so a page
where every candidate scores alike teaches nothing and one where the wrong pick
empties the article teaches most. L2-regularised; run by
``python -m cleanser.learn.train``, which writes the weights to ``model.json``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cleanser.body.regions import EVIDENCE, RegionWeights

# The fit starts from the maximum-weight choice: this weight on ``base_choice``.
START_BASE = 5.0
# A page whose candidates differ by less than this in F1 carries no lesson.
MIN_STAKE = 0.005
# L2 penalty on the weights.
L2 = 0.01
# Gradient steps (each with a backtracking step size).
STEPS = 300
START_RATE = 1.0


@dataclass(frozen=True)
class Case:
    """One training page: each candidate region's evidence and the F1 taking it gives."""

    evidence: tuple[tuple[float, ...], ...]
    f1: tuple[float, ...]


def _prepared(cases: Sequence[Case]) -> list[tuple[list[tuple[float, ...]], list[float]]]:
    """(evidence rows, F1s) of the cases that carry a lesson."""
    return [
        (list(case.evidence), list(case.f1))
        for case in cases
        if len(case.f1) >= 2 and max(case.f1) - min(case.f1) >= MIN_STAKE
    ]


def _objective(
    w: Sequence[float], data: list[tuple[list[tuple[float, ...]], list[float]]]
) -> tuple[float, list[float]]:
    """Expected F1 summed over the cases minus the L2 cost, and its gradient."""
    n = len(w)
    grad = [-L2 * wj for wj in w]
    value = -0.5 * L2 * sum(wj * wj for wj in w)
    for rows, f1 in data:
        s = [sum(a * b for a, b in zip(w, x, strict=True)) for x in rows]
        top = max(s)
        e = [math.exp(v - top) for v in s]
        z = sum(e)
        p = [ec / z for ec in e]
        expected = sum(pc * fc for pc, fc in zip(p, f1, strict=True))
        value += expected
        for x, pc, fc in zip(rows, p, f1, strict=True):
            d = pc * (fc - expected)
            if d:
                for j in range(n):
                    if x[j]:
                        grad[j] += d * x[j]
    return value, grad


def fit_regions(cases: Sequence[Case]) -> RegionWeights:
    """Weights maximising the summed expected F1 of the pick (softmax over candidates)
    minus the L2 cost.

    Gradient ascent with a backtracking step, started from the maximum-weight choice
    (a weight of START_BASE on ``base_choice``), so the fit moves away from ``choose``'s
    pick only where the evidence pays for it on the training pages.
    """
    data = _prepared(cases)
    w = [START_BASE if name == "base_choice" else 0.0 for name in EVIDENCE]
    if not data:
        return RegionWeights(tuple(w))
    value, grad = _objective(w, data)
    rate = START_RATE
    for _ in range(STEPS):
        norm = sum(g * g for g in grad)
        if norm < 1e-12:
            break
        while True:
            trial = [wj + rate * gj for wj, gj in zip(w, grad, strict=True)]
            trial_value, trial_grad = _objective(trial, data)
            if trial_value >= value + 0.5 * rate * norm or rate < 1e-6:
                break
            rate *= 0.5
        if trial_value < value:
            break
        w, value, grad = trial, trial_value, trial_grad
        rate *= 2.0
    return RegionWeights(tuple(round(x, 6) for x in w))


def expected_f1(weights: RegionWeights, cases: Sequence[Case]) -> float:
    """Mean F1 of the candidates the weights pick (for checking a fit)."""
    if not cases:
        return 0.0
    total = 0.0
    for case in cases:
        ranks = [sum(a * b for a, b in zip(weights.weights, x, strict=True)) for x in case.evidence]
        best = max(range(len(ranks)), key=lambda i: (ranks[i], -i))
        total += case.f1[best]
    return total / len(cases)
