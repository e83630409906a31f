"""What explain lists: metadata candidates (how many headings, the trust in each source),
the article's candidate elements, and how much of each line its text report shows.

Read by cleanser.meta.candidates (the candidates and priors behind explain()'s metadata)
and cleanser.explain.
"""

from __future__ import annotations

# How many headings are listed as title candidates.
MAX_HEADINGS = 4
# Source priors, in the cascade's order of trust.
PRIORS: dict[str, float] = {
    "json-ld headline": 2.5,
    "meta title": 2.0,
    "<title>": 1.5,
    "h1": 3.0,
    "heading": 1.0,
    "json-ld datePublished": 3.0,
    "meta published": 2.5,
    "<time>": 2.0,
    "meta line": 3.0,
    "under headline": 1.0,
    "url": 1.0,
    "json-ld dateModified": 0.5,
    "meta modified": 0.5,
    "json-ld author": 2.5,
    "meta author": 2.0,
    "byline near headline": 3.0,
    "byline in article": 1.5,
}

# Candidate elements for the article that explain() lists, best first.
TOP_CANDIDATES = 8
# Characters of each line (and of each metadata value) shown in explain's text report.
LINE_PREVIEW = 60
# Evidence contributions shown per candidate region in explain's text report.
REGION_REASONS = 4
