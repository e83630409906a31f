"""Every cue cleanser recognises, as data: named token tuples, one comment each.

The scorers and the metadata readers import from here and nowhere else holds a
word list, so a reviewer can read the whole vocabulary in one place (trafilatura's
``xpaths.py`` is the model). The rulebook is split by theme; every public name of
every part is re-exported here, so ``from cleanser.vocabulary import HAN`` works
whichever file defines it:

* :mod:`~cleanser.vocabulary.decoding`: bytes → text (charset labels, plausibility, binary input, truncation)
* :mod:`~cleanser.vocabulary.archives`: WARC header limits and which payloads are HTML
* :mod:`~cleanser.vocabulary.chars`: Han/CJK ranges, punctuation, tag sets
* :mod:`~cleanser.vocabulary.markup`: class/id tokens of boilerplate and of the body
* :mod:`~cleanser.vocabulary.cues`: visible-text cues of page furniture
* :mod:`~cleanser.vocabulary.lines`: line patterns (terminators, meta, forum, byline lines)
* :mod:`~cleanser.vocabulary.head`: <meta> keys and JSON-LD types
* :mod:`~cleanser.vocabulary.headline`: <title> separators, site-name words
* :mod:`~cleanser.vocabulary.people`: bylines, outlets, names
* :mod:`~cleanser.vocabulary.dates`: date cues and clock words
* :mod:`~cleanser.vocabulary.page`: links, images and page-text cues
* :mod:`~cleanser.vocabulary.candidates`: explain's metadata candidates and their priors
* :mod:`~cleanser.vocabulary.parsing`: text → tree (prologues, stray end tags, hidden styles, nesting depth)
* :mod:`~cleanser.vocabulary.scoring`: the two scorers' thresholds (line weights, cue line lengths)
* :mod:`~cleanser.vocabulary.selection`: body selection's thresholds (verdicts, the article, cleaning, feeds)
* :mod:`~cleanser.vocabulary.records`: repeated records, page-kind evidence, posts and list links
* :mod:`~cleanser.vocabulary.rendering`: captions and Markdown escapes of the rendered body

A name is defined in one part only (tests/test_rulebook.py checks it), so the star
imports below cannot shadow one another.
"""

from __future__ import annotations

from cleanser.vocabulary.archives import *  # noqa: F403
from cleanser.vocabulary.candidates import *  # noqa: F403
from cleanser.vocabulary.chars import *  # noqa: F403
from cleanser.vocabulary.cues import *  # noqa: F403
from cleanser.vocabulary.dates import *  # noqa: F403
from cleanser.vocabulary.decoding import *  # noqa: F403
from cleanser.vocabulary.head import *  # noqa: F403
from cleanser.vocabulary.headline import *  # noqa: F403
from cleanser.vocabulary.lines import *  # noqa: F403
from cleanser.vocabulary.markup import *  # noqa: F403
from cleanser.vocabulary.page import *  # noqa: F403
from cleanser.vocabulary.parsing import *  # noqa: F403
from cleanser.vocabulary.people import *  # noqa: F403
from cleanser.vocabulary.records import *  # noqa: F403
from cleanser.vocabulary.rendering import *  # noqa: F403
from cleanser.vocabulary.scoring import *  # noqa: F403
from cleanser.vocabulary.selection import *  # noqa: F403
