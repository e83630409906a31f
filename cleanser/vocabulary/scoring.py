"""The two scorers' thresholds: how much a line weighs as prose, and how long a line a
text cue may judge.

Read by cleanser.body.density (each line's prose weight; SHORT_LINE_CAP is also the
unfitted default of ``cleanser.body.model.Params.short_line_cap``) and
cleanser.body.heuristic (the cue scorer). The cues themselves are in
:mod:`~cleanser.vocabulary.cues` and :mod:`~cleanser.vocabulary.markup`.
"""

from __future__ import annotations

# ---- density: each line's prose weight (cleanser.body.density) ------------------------

# Each link token costs this much: a line that is half link text nets zero.
# A related-news list (all links) is then as negative as it is long.
LINK_PENALTY = 1.0
# Unpunctuated lines at least this long still count as prose (headline-free
# paragraphs, poems, wrapped 2005-era text).
UNPUNCTUATED_PROSE_TOKENS = 20
# Long lines with under one punctuation mark per this many tokens are keyword
# lists (SEO blobs, tag clouds); real Chinese prose has one every 10–20 characters.
KEYWORD_BLOB_TOKENS = 100
# Cap on the penalty of one short unpunctuated line, so a body with many
# subheadings or list labels is not pushed out.
SHORT_LINE_CAP = 4.0
# A line of at least REPEATED_MIN_CHARS characters whose non-space characters are at
# most REPEATED_MAX_DISTINCT distinct ones, each used REPEATED_MIN_USES times or more
# on average, is one short unit repeated (1 MB of 责任编辑：, 哈哈哈…, a pasted run of
# one glyph), not prose: it weighs as an unpunctuated label however long it is. Prose
# of 64 characters already has 25 or more distinct ones (English: letters; Chinese:
# most characters differ); in ../shared/corpus and samples/ no line of 200+ characters
# has under 13. The length and uses leave a demo or test page that repeats one short
# sentence a dozen or twenty times (the gzip-bomb test's page) its article. A line's
# first REPEATED_MIN_CHARS characters are looked at first: prose shows its variety there.
REPEATED_MIN_CHARS = 200
REPEATED_MAX_DISTINCT = 8
REPEATED_MIN_USES = 25

# ---- the cue scorer: lines a text cue may judge (cleanser.body.heuristic) --------------

# Headings longer than this are sentences, not section labels.
MAX_HEADING_TOKENS = 12
# Text cues for footers/shares apply to short lines only; a long paragraph that
# merely mentions 版权所有 is prose.
MAX_FURNITURE_TOKENS = 120
MAX_SHARE_TOKENS = 40  # share prompts, player text, ad and button labels, forum chrome
MAX_TERMINATOR_TOKENS = 60  # editor trailers, and the forum-only lines counted
MAX_META_TOKENS = 80  # time/source lines, original-title notes, document fields
# Bylines and datelines standing alone are short.
MAX_BYLINE_TOKENS = 25
