"""Every candidate for title, publication time and author, with its score, for ``explain``.

:mod:`cleanser.meta.fields` reads each field's candidates
(:mod:`cleanser.meta.evidence_title`, :mod:`~cleanser.meta.evidence_date`,
:mod:`~cleanser.meta.evidence_author`: JSON-LD, ``<meta>``, ``<title>``, headings,
the meta line under the headline, ``<time>``, cued bylines, the URL …) and
chooses one per field with the fitted weights shipped in ``model.json``
(:mod:`cleanser.meta.choice`), or keeps the cascade's pick for a field without them
(``extract`` reads the candidates of those fields only; this module asks for all
three). This module lists them, so a wrong field can be traced to the evidence that
won and the evidence that lost:

* one entry per distinct value (the same text, the same instant, the same set of
  names), with every source that offered it joined by ``+`` (``cascade`` marks
  the value the hand-set cascade picked);
* ``score``: the probability the fitted choice gives the value (the rest of the
  field's probability is "none": the page shows no such field). Without fitted
  weights for a field (they are shipped only for a field where they beat the
  cascade leave-site-out), the hand-set prior of its best source plus one point
  per other agreeing source (:data:`cleanser.vocabulary.PRIORS`), and ``fitted``
  is False;
* ``chosen`` marks the value ``extract`` reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import html

from cleanser.meta.choice import Scored
from cleanser.meta.fields import read_page
from cleanser.meta.fitted import Decision
from cleanser.meta.page import Page
from cleanser.vocabulary import PRIORS


@dataclass(frozen=True)
class MetaCandidate:
    """One value offered for a field, the sources that offered it, and how it ranks."""

    field: str  # "title", "published" or "author"
    value: str  # names joined by "、" for author
    source: str  # the sources that offered it, joined by "+"
    score: float  # the fitted probability, or the hand-set prior score (``fitted`` False)
    chosen: bool
    fitted: bool = False


def _prior(s: Scored) -> float:
    """The hand-set score: the best source's prior, plus one per other agreeing source."""
    sources = [x for x in s.candidate.sources if x != "cascade"]
    best = max((PRIORS.get(x, 1.0) for x in sources), default=1.0)
    return best + max(len(sources) - 1, 0)


def _listed(name: str, decision: Decision) -> list[MetaCandidate]:
    out = []
    for s in decision.scored:
        score = s.probability if s.probability is not None else _prior(s)
        chosen = decision.winner is s.candidate
        source = "+".join(s.candidate.sources)
        out.append(
            MetaCandidate(name, s.candidate.value, source, round(score, 4), chosen, decision.fitted)
        )
    return sorted(out, key=lambda c: (-c.score, not c.chosen))


def metadata_candidates(
    root: html.HtmlElement, url: str | None, reference_time: datetime | None = None
) -> tuple[MetaCandidate, ...]:
    """Every title, published and author candidate of the raw tree, best first per field.

    The tree must be the unprepared one (as for
    :func:`~cleanser.meta.fields.extract_metadata`); it is not modified. Never
    raises: a page that cannot be read has no candidates.
    """
    try:
        reading = read_page(Page(root, url, reference_time), every_candidate=True)
        return tuple(
            c
            for name in ("title", "published", "author")
            if name in reading.decisions
            for c in _listed(name, reading.decisions[name])
        )
    except Exception:  # explaining must never fail where extracting did not
        return ()
