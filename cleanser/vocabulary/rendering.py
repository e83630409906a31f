"""Rendering the kept lines: which short line under a picture is its caption, and what
Markdown escapes.

Read by cleanser.body.output.
"""

from __future__ import annotations

import re

# Class/id words of a box holding a picture's caption.
CAPTION_HINT_RE = re.compile(r"caption|desc|pic|img|photo|tu|note|illus|figure", re.I)
# A caption is a short line right after an image.
MAX_CAPTION_TOKENS = 80
# Characters a box holding an image and its caption may have besides the caption
# (a "1/6" counter, a credit).
CAPTION_BOX_SLACK = 12
# Characters that mean something in Markdown, escaped with a backslash in text.
MARKDOWN_ESCAPE_RE = re.compile(r"([\\`*_\[\]#|])")
