"""Text → tree: what is cut from the text before libxml2 reads it, what hides an
element, and how deep markup may nest.

Read by cleanser.body.dom (``parse`` and ``prepare``).
"""

from __future__ import annotations

import re

# <?xml …?> prologues make lxml refuse ``str`` input: removed when they start the page,
# looked for in its first XML_DECLARATION_SCAN_CHARS characters.
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*>", re.I)
XML_DECLARATION_SCAN_CHARS = 2000
# DOCTYPE internal subsets can declare entities, which we never expand: removed when
# found in the first DOCTYPE_SCAN_CHARS characters.
DOCTYPE_SUBSET_RE = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.I | re.S)
DOCTYPE_SCAN_CHARS = 20000
# A stray </html> or </body> mid-page makes libxml2 drop everything after it
# (gov.cn templates close the header include with </html>); the parser closes both
# at the end of input anyway.
EARLY_CLOSE_RE = re.compile(rb"</\s*(?:html|body)\s*>", re.I)
# Lone surrogates (from ``surrogateescape`` decoding) make libxml2 stop reading:
# everything after the first one would be lost.
SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# Only display:none hides; visibility:hidden is how WeChat pre-renders #js_content
# before its script reveals it (magic_html_article has such a page).
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none", re.I)
# libxml2 stops at element depth 2048 even with ``huge_tree`` and drops the rest of
# the page; deeper markup is flattened (see ``body.dom._flatten``) to these depths in
# turn and parsed again.
FLATTEN_DEPTHS = (1000, 200)
# What the flattening scan stops at: a comment's start, or a start or end tag (its
# "/", name and attributes as groups 1-3).
TAG_SCAN_RE = re.compile(r"<!--|<(/?)([A-Za-z][^\s/>]*)([^>]*)>")
