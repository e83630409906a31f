"""Which lines of a page are in its gold text: labels by alignment, for audits and fits.

A line is *in the gold* when most of its scoring tokens (``charf1.tokens``: one per CJK
character, one per run of letters or digits) sit in runs of ``NGRAM`` tokens that the
gold text holds too: the share of the line's token n-grams found among the gold's is its
*coverage*, and a coverage of at least one half labels it gold. A line shorter than
``NGRAM`` tokens (a user name, 来自福建, a date) has no n-gram of its own: it is in the
gold when it is part of a gold line at most ``SHORT_SLACK`` times as long (so 网友 does
not count because a gold sentence happens to contain it).

Order and repetition are ignored: a sentence the gold holds counts wherever and however
often the page prints it, so a 摘要 box that repeats the lead is "in the gold" like the
lead itself. Audits that read these labels must allow for that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleanser.evaluate.charf1 import tokens

# Tokens per n-gram compared.
NGRAM = 4
# A short line is in the gold when a gold line holding it is at most this many times longer.
SHORT_SLACK = 3


@dataclass(frozen=True)
class Gold:
    """A gold text prepared for alignment: its token n-grams and its lines."""

    grams: frozenset[tuple[str, ...]]
    lines: tuple[str, ...]  # each gold line's tokens joined


def prepare(gold: str) -> Gold:
    """Index ``gold`` once for :func:`coverage` on each of the page's lines."""
    lines = [tokens(line) for line in gold.splitlines() if line.strip()]
    stream = [t for line in lines for t in line]
    grams = frozenset(tuple(stream[i : i + NGRAM]) for i in range(len(stream) - NGRAM + 1))
    return Gold(grams, tuple("".join(line) for line in lines))


def coverage(text: str, gold: Gold) -> float | None:
    """Share of the line's token n-grams found in the gold (None: the line has no token)."""
    toks = tokens(text)
    if not toks:
        return None
    if len(toks) >= NGRAM:
        grams = [tuple(toks[i : i + NGRAM]) for i in range(len(toks) - NGRAM + 1)]
        return sum(g in gold.grams for g in grams) / len(grams)
    joined = "".join(toks)
    limit = SHORT_SLACK * len(joined) + 2
    return 1.0 if any(joined in line and len(line) <= limit for line in gold.lines) else 0.0


def in_gold(lines: Sequence[str], gold: str) -> list[bool | None]:
    """For each line: in the gold (coverage at least one half), not, or None (no token)."""
    prepared = prepare(gold)
    out: list[bool | None] = []
    for line in lines:
        c = coverage(line, prepared)
        out.append(None if c is None else c >= 0.5)
    return out
