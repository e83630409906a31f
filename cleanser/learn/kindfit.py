"""Fitting the page-kind model: a multinomial logistic regression, in pure Python.

``kinds.measure`` turns each page into a short evidence vector; this module
fits one weight vector per kind on labelled pages (L2-regularised, classes
weighted so that the few threads and lists are not outvoted by the articles)
and reports leave-site-out accuracy with a confusion table. It is run by
``python -m cleanser.learn.train``; the fitted weights go to ``model.json``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from cleanser.body.kinds import EVIDENCE, KINDS, KindWeights, dot, softmax
from cleanser.evaluate.corpus import Page

# L2 penalty on the weights (not on the bias): few pages per kind, so keep weights small.
L2 = 0.01
# Gradient steps and step size (the evidence lies in [0, 1], so one step size fits all).
STEPS = 600
RATE = 2.0


def label_of(page: Page) -> str | None:
    """A page's known kind: the gold's ``kind``, else forum → thread, empty gold → list."""
    kind = page.gold_meta.get("kind")
    if isinstance(kind, str) and kind in KINDS:
        return kind
    if page.page_type == "forum":
        return "thread"
    if page.page_type in KINDS:
        return page.page_type
    if page.gold is not None and not page.gold.strip():
        return "list"
    return "article" if page.gold is not None else None


def fit_kinds(rows: Sequence[Sequence[float]], labels: Sequence[str]) -> KindWeights:
    """Weights maximising the class-weighted log-likelihood of ``labels`` minus the L2 cost."""
    kinds = [k for k in KINDS if k in set(labels)]
    n_feat = len(EVIDENCE)
    counts = Counter(labels)
    # Each kind weighs as much in total as sqrt of its page count: balanced, but not fully.
    norm = sum(math.sqrt(c) for c in counts.values())
    sample_w = [math.sqrt(counts[y]) / counts[y] / norm for y in labels]
    w = {k: [0.0] * n_feat for k in kinds}
    for _ in range(STEPS):
        grad = {k: [0.0] * n_feat for k in kinds}
        for x, y, sw in zip(rows, labels, sample_w, strict=True):
            probs = softmax({k: dot(w[k], x) for k in kinds})
            for k in kinds:
                err = (probs[k] - (1.0 if k == y else 0.0)) * sw
                if err:
                    g = grad[k]
                    for j, xj in enumerate(x):
                        if xj:
                            g[j] += err * xj
        for k in kinds:
            wk, gk = w[k], grad[k]
            for j in range(n_feat):
                penalty = L2 * wk[j] if j else 0.0
                wk[j] -= RATE * (gk[j] + penalty)
    # A kind without training pages is never predicted.
    full = {k: tuple(w[k]) if k in w else (-1e3,) + (0.0,) * (n_feat - 1) for k in KINDS}
    return KindWeights(full)


def predict(weights: KindWeights, x: Sequence[float]) -> str:
    """The most probable kind."""
    probs = weights.probabilities(x)
    return max(probs, key=probs.__getitem__)


def confusion(truth: Sequence[str], guess: Sequence[str]) -> str:
    """A Markdown confusion table: rows the known kind, columns the judged one."""
    kinds = [k for k in KINDS if k in set(truth) | set(guess)]
    pairs = Counter(zip(truth, guess, strict=True))
    lines = [
        "| known \\ judged | " + " | ".join(kinds) + " | correct |",
        "|---|" + "---:|" * (len(kinds) + 1),
    ]
    for t in kinds:
        row = [pairs[(t, g)] for g in kinds]
        n = sum(row)
        if not n:
            continue
        lines.append(f"| {t} | " + " | ".join(map(str, row)) + f" | {pairs[(t, t)] / n:.2f} |")
    return "\n".join(lines)
