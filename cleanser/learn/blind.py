"""Markup-blind copies of a page: every class and id value replaced by a meaningless hash.

A site nobody tuned cleanser on names its containers in words no cue table holds
(hashed CSS-module classes, ``c-7f3a``, a template's own abbreviations). The copy keeps
everything else as it was (tags, text, links, ARIA roles, the repetition of one class
down a list, since equal values get equal hashes) and so asks how well the structural
and textual evidence alone finds the article. The training command fits on these
copies beside the pages and reports their leave-site-out figure as a second headline.
"""

from __future__ import annotations

import hashlib
import re

from cleanser.io.decoding import decode

# A class or id attribute and its value, quoted or not (``data-id`` is not one).
_ATTRIBUTE = re.compile(r"""(\s(?:class|id)\s*=\s*)("[^"]*"|'[^']*'|[^\s>"']+)""", re.I)


def _hashed(match: re.Match[str]) -> str:
    value = match.group(2).strip("'\"")
    words = " ".join("c" + hashlib.md5(w.encode("utf-8")).hexdigest()[:6] for w in value.split())
    return f'{match.group(1)}"{words}"'


def blind(page: bytes | str) -> str:
    """The page's text with each class/id word replaced by a stable hash of itself."""
    text = decode(page)[0] if isinstance(page, bytes) else page
    return _ATTRIBUTE.sub(_hashed, text)
