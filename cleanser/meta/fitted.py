"""Title, publication time and authors chosen by fitted weights among all candidates.

:func:`gather` lists every candidate of the three fields (after the cascade has
run, since its picks are a feature and its headline position places the meta
line); :func:`decide` picks one per field with the shipped weights
(:mod:`cleanser.meta.weights`) or, for a field without weights, leaves the
cascade's value. The fitting command (``python -m cleanser.learn.metafit``)
calls :func:`gather` on every page and fits :data:`EVIDENCE`'s weights.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cleanser.meta.choice import Candidate, Scored, choose
from cleanser.meta.dates import FoundDate
from cleanser.meta.evidence_author import AUTHOR_EVIDENCE, author_candidates
from cleanser.meta.evidence_date import DATE_EVIDENCE, date_candidates
from cleanser.meta.evidence_title import TITLE_EVIDENCE, title_candidates
from cleanser.meta.page import Page, safe
from cleanser.meta.weights import field_weights

#: The fields chosen by fitted weights, and the names of their features.
EVIDENCE: dict[str, tuple[str, ...]] = {
    "title": TITLE_EVIDENCE,
    "published": DATE_EVIDENCE,
    "author": AUTHOR_EVIDENCE,
}


@dataclass
class FieldEvidence:
    """One field's candidates on one page, the page-level features of "none", and the
    cascade's pick (kept when no weights are shipped)."""

    candidates: list[Candidate]
    page_features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    """A field's value after the choice: the winner (None: none), the scores, and
    whether weights decided (False: the cascade's value stands)."""

    winner: Candidate | None
    scored: list[Scored]
    fitted: bool


def shipped() -> tuple[str, ...]:
    """The fields whose weights ``model.json`` ships (fitted on the code's evidence names)."""
    return tuple(name for name, names in EVIDENCE.items() if field_weights(name, names) is not None)


def gather(
    page: Page,
    site_names: list[str],
    title: str | None,
    published: FoundDate | None,
    authors: tuple[str, ...],
    source_people: list[str],
    fields: Iterable[str] | None = None,
) -> dict[str, FieldEvidence]:
    """Every candidate of title, published and author, or of ``fields`` only (a field
    that fails has none)."""
    empty: tuple[list[Candidate], dict[str, float]] = ([], {})
    readers: dict[str, Callable[[], tuple[list[Candidate], dict[str, float]]]] = {
        "title": lambda: title_candidates(page, site_names, title),
        "published": lambda: date_candidates(page, published),
        "author": lambda: author_candidates(page, site_names, title, authors, source_people),
    }
    wanted = set(EVIDENCE if fields is None else fields)
    found = {name: safe(read, empty) for name, read in readers.items() if name in wanted}
    return {name: FieldEvidence(c, f) for name, (c, f) in found.items()}


def decide(name: str, evidence: FieldEvidence, weights: Sequence[float] | None = None) -> Decision:
    """The field's winner under ``weights`` (default: the shipped ones for ``name``)."""
    names = EVIDENCE[name]
    w = weights if weights is not None else field_weights(name, names)
    if w is None:
        cascade = next((c for c in evidence.candidates if "cascade" in c.sources), None)
        return Decision(cascade, [Scored(c, None) for c in evidence.candidates], False)
    winner, scored = choose(names, w, evidence.candidates, evidence.page_features)
    return Decision(winner, scored, True)


def decide_all(
    evidence: Mapping[str, FieldEvidence],
    weights: Mapping[str, Sequence[float] | None] | None = None,
) -> dict[str, Decision]:
    """:func:`decide` for every field (``weights`` overrides the shipped ones per field)."""
    return {name: decide(name, ev, (weights or {}).get(name)) for name, ev in evidence.items()}
