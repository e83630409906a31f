"""Text primitives shared by the metadata modules.

The field choosers (:mod:`~cleanser.meta.title`, :mod:`~cleanser.meta.byline` …),
:mod:`~cleanser.meta.head`, :mod:`~cleanser.meta.headline`,
:mod:`~cleanser.meta.people` and :mod:`~cleanser.meta.pagetext` all compare strings the
same way (whitespace collapsed, :func:`_norm` keys, one CJK character class) and
share one attribute-length limit. They live here, below all of those modules, so
that none of them imports another just for a helper.
"""

from __future__ import annotations

import unicodedata

from cleanser.vocabulary import NORM_DROP_RE


def _collapse(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _norm(text: str) -> str:
    """Comparison key: NFKC, no whitespace or quotes, lower case."""
    return NORM_DROP_RE.sub("", unicodedata.normalize("NFKC", text)).lower()
