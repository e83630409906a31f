"""Markup-blind copies of a page: every class and id value replaced by a meaningless hash.

A site nobody tuned cleanser on names its containers in words no cue table holds
(hashed CSS-module classes, ``c-7f3a``, a template's own abbreviations). The copy keeps
everything else as it was (tags, text, links, ARIA roles, the repetition of one class
down a list, since equal values get equal hashes) and so asks how well the structural
and textual evidence alone finds the article. The training command fits on these
copies beside the pages and reports their leave-site-out figure as a second headline.

Only the letters are hashed: each run of letters becomes one made-up word of letters
from ``g``–``v`` after a ``z`` (``post_123`` → ``zkqmhvn_123``), digits and separators
stay. So numbered ids keep their shared stem (``post_123`` and ``post_124`` still name
one kind of record, as on a real site with unknown words), and a hash cannot spell a
cue word by chance (hex digests did: ``c3ad91f`` held the token ``ad``, an ad cue).
"""

from __future__ import annotations

import hashlib
import re

from cleanser.io.decoding import decode

# A class or id attribute and its value, quoted or not (``data-id`` is not one).
_ATTRIBUTE = re.compile(r"""(\s(?:class|id)\s*=\s*)("[^"]*"|'[^']*'|[^\s>"']+)""", re.I)


# Runs of letters in a class/id value (what cleanser's token split reads as words).
_LETTERS = re.compile(r"[A-Za-z]+")
# Hex digit → a letter no cue word is spelled from alone (a made-up word starts with z).
_CODE = str.maketrans("0123456789abcdef", "ghijklmnopqrstuv")


def _word(match: re.Match[str]) -> str:
    digest = hashlib.md5(match.group().lower().encode("utf-8")).hexdigest()[:6]
    return "z" + digest.translate(_CODE)


def _hashed(match: re.Match[str]) -> str:
    value = match.group(2).strip("'\"")
    return f'{match.group(1)}"{_LETTERS.sub(_word, value)}"'


def blind(page: bytes | str) -> str:
    """The page's text with each class/id run of letters replaced by a stable made-up word."""
    text = decode(page)[0] if isinstance(page, bytes) else page
    return _ATTRIBUTE.sub(_hashed, text)
