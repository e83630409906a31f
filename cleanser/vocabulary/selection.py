"""Body selection's thresholds and patterns: when a verdict stands, what the article is,
which lines of it go, and what the kept lines say about the page.

Read by cleanser.body.selection and the modules it runs (verdicts, choose, clean,
page_verdict). The weight of a flagged line, the link-dense share, the article
threshold, the class/id overrule share and the prose that outweighs a class token are
fitted, not written here: see ``cleanser.body.model.Params`` and
``python -m cleanser.learn.train``.
"""

from __future__ import annotations

import re

# ---- verdicts: when a class/id or sidebar-heading verdict stands ----------------------

# A boilerplate verdict that would remove more than Params.safety_share of the
# page's positive weight is ignored: real furniture is never most of the page's
# prose...
# ...unless the rest of the page has at least this share of its prose: then the
# verdict stands (a comment section longer than the article is still comments).
OUTSIDE_SHARE = 0.3
# ...or, for a comment section, when the rest of the page holds at least this much
# weight: a blog post of a few paragraphs under sixty comments.
COMMENTED_ARTICLE_MIN = 150.0
# Link share of the lines after a generic heading (热点, 推荐…) that confirms it
# heads a link list rather than a body subheading.
HEADING_LINK_EVIDENCE = 0.3
# Cue kinds that flag their own line whatever section it is in (footer, disclaimer,
# share bar), and those that only drop their line once it is inside the article.
STRONG_CUE_KINDS = frozenset(("footer", "disclaimer", "share"))
SOFT_CUE_KINDS = frozenset(("terminator", "meta"))
# A line whose link share is at most this is not a link line (prose that outweighs
# a class/id verdict).
PROSE_MAX_LINK_SHARE = 0.2

# ---- choosing: the maximum-weight subtree and its corrections --------------------------

# On forum pages short lines (user names, badges, one-line posts) and the flagged
# user cards between posts cost nothing, so the thread container can collect
# every post; the label filter (FORUM_LABEL_TOKENS) then drops the chrome. Swept on
# magic_html_forum (16 pages): caps 1.0/0.1 → 0.732, 0.0/0.1 → 0.775, 0.0/0.0 → 0.783,
# and 0.812 with the label filter.
FORUM_SHORT_LINE_CAP = 0.0
FORUM_FLAGGED_WEIGHT = 0.0
# Scores closer than this are equal (float sums of the same weights in another order).
SCORE_TIE = 1e-9
# A best region scoring under ISLAND_MAX_SCORE on a page with ISLAND_LINK_RATIO
# times more link text is an island of text on a list page (an address, a
# captcha note), not an article. Two list pages in the shared corpus (ratios 30
# and 150) are caught; a 30-point code-only forum post with ratio 16 is not.
# (Below Params.min_article_score total weight there is no article either: list,
# index and error pages.)
ISLAND_MAX_SCORE = 60.0
ISLAND_LINK_RATIO = 25.0
# Widening the best node to a run of an ancestor's children (see choose._grow): how many
# levels up, and how much heavier the run must be. On the shared corpus this
# changes one page (a zh.wikipedia article, F1 0.09 -> 0.68); ratio 2 and +300
# keep every other page's output as it was.
GROW_LEVELS = 4
GROW_MAX_STEPS = 64  # ancestors visited at most, wrappers included (deeply nested pages)
GROW_RATIO = 2.0
GROW_MIN = 300.0
# A page with too little text to score still has an article when an element it
# names as the body (ARTICLE_BODY_NAMES) holds this many unflagged tokens. On the
# shared corpus this changes one page (a two-line CSDN post, F1 0 -> 1) and no list
# or error page.
MARKED_BODY_MIN_TOKENS = 10
# The article under the page headline must score at least this share of the
# appended story that outscored it (360kuai: 0.16; a one-paragraph false hit in
# chinese_wced: 0.07).
TITLED_MIN_SHARE = 0.12
# Lines that can carry the page's own headline.
PAGE_HEADLINE_TAGS = frozenset(("h1", "h2"))
# Tokens of a whole-line link (or an <h1>) that reads as a headline.
HEADLINE_MIN_TOKENS = 6
# A headline reduced to letters and digits shorter than this matches too much to compare.
TITLE_KEY_MIN_CHARS = 4
# An article this heavy counts as full-size in the confidence (half of it is size).
CONFIDENCE_FULL_SCORE = 300.0

# ---- cleaning: which lines of the chosen region go ------------------------------------

# In threads, unpunctuated lines shorter than this are user names, badges and
# counters, not posts.
FORUM_LABEL_TOKENS = 6
# A kept line this short, unpunctuated, over two link-dense lines labels a link list.
LIST_LABEL_TOKENS = 8
LIST_LABEL_LOOKAHEAD = 20  # lines looked past a label for its list (bounds the scan)
# A line is link-dense (navigation, related headlines, user names) above a share of
# link tokens: Params.link_dense_share in balanced focus, these in the others.
LINK_SHARE_BY_FOCUS = {"precision": 0.3, "recall": 0.8}
# A line this long that the next line starts with is a summary of it.
LEAD_REPEAT_MIN_CHARS = 10
# Extra characters a line may have around a title and still be that title.
TITLE_SLACK = 4
# A line at least this long that is part of the headline is its main title or 副题
# printed on its own (the metadata headline joins them).
TITLE_PART_MIN = 8
# Only lines this close to the start of the article are checked against the title.
TITLE_SEARCH_LINES = 6
# What a line is reduced to before it is compared with a headline: its letters and digits.
NOT_ALNUM_RE = re.compile(r"[\W_]+")

# ---- the page's verdict: error pages, entry lists, teaser feeds ------------------------

# Fewest same-shaped elements (tag, class, cue) whose weak verdicts are weighed as one.
MIN_SHARED_VERDICT = 3
# A region this short that apologises (页面不存在…) is an error page.
ERROR_PAGE_MAX_TOKENS = 150
# Headline links followed by a summary: this many make a list page, not an article.
MIN_TEASERS = 5
# Lines holding only a date (and a time), and how many dated entries make a
# multi-entry page. (meta's dates have their own patterns for a date inside a line.)
DATE_ONLY_LINE_RE = re.compile(
    r"^(19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$"
)
ENTRY_DATE_TOKENS = 12
MIN_ENTRIES = 3
# Prose before a teaser feed that makes it an article followed by a feed.
LEAD_ARTICLE_TOKENS = 50
# Short lines a teaser may hold between its headline and its summary (byline, date).
TEASER_META_LINES = 2
TEASER_META_TOKENS = 12
# How a summary cut short ends: a linked headline and a clipped summary on one line
# is a teaser by itself (feeds print "标题 摘要……" and "Headline Summary..." alike).
CLIPPED_ENDS = ("...", "…", "．．．")

# ---- the fitted choice among candidate regions (body.regions) --------------------------

# Candidates besides the maximum-weight choice: the best-scoring distinct line ranges.
REGION_CANDIDATES = 10
# Lines between the headline and a region's first prose line at which the
# after-headline evidence halves (a date line, a source line and a lead photo are 3).
REGION_HEADLINE_GAP = 3.0
# Punctuation marks per non-link token at which the punctuation evidence saturates
# (Chinese prose has one every 10-20 characters: 1/REGION_PUNCT_FULL = 1 every 8).
REGION_PUNCT_FULL = 8.0
# Tokens per text line at which the line-length evidence saturates (long paragraphs).
REGION_LINE_FULL = 120.0
# Lines at most this long are looked at for a time (a comment's or an entry's date line).
REGION_TIME_LINE_TOKENS = 30
