"""Text primitives shared by the metadata modules.

The field choosers (:mod:`~cleanser.meta.title`, :mod:`~cleanser.meta.byline` …),
:mod:`~cleanser.meta.head`, :mod:`~cleanser.meta.headline`,
:mod:`~cleanser.meta.people` and :mod:`~cleanser.meta.pagetext` all compare strings the
same way (whitespace collapsed, :func:`_norm` keys, one CJK character class) and
share one attribute-length limit. They live here, below all of those modules, so
that none of them imports another just for a helper.
"""

from __future__ import annotations

import re
import unicodedata

from cleanser.vocabulary import HAN

_MAX_ATTR = 2000  # attribute values longer than this are ignored

# Han characters (the rulebook's range: unified, extensions A and B–F, compatibility).
_CJK = HAN  # the rulebook's Han range
_CJK_RE = re.compile(f"[{_CJK}]")

_NORM_DROP = re.compile(r"[\s\"'“”‘’「」『』`]+")


def _collapse(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _norm(text: str) -> str:
    """Comparison key: NFKC, no whitespace or quotes, lower case."""
    return _NORM_DROP.sub("", unicodedata.normalize("NFKC", text)).lower()
