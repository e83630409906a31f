"""What explain lists and how metadata is chosen: metadata candidates (how many are read,
the fitted choice's settings, the trust in each source), the article's candidate elements,
and how much of each line explain's text report shows.

Read by cleanser.meta.candidates (explain()'s metadata), cleanser.meta.choice (the fitted
choice and its fit), the evidence_* gatherers (title, date, author candidates) and
cleanser.explain.
"""

from __future__ import annotations

# How many headings are listed as title candidates (three times this many are read).
MAX_HEADINGS = 4
# Source priors, in the cascade's order of trust: explain's score for a field that has
# no fitted weights (see cleanser.meta.candidates).
PRIORS: dict[str, float] = {
    "ld": 2.5,
    "meta": 2.0,
    "title": 1.5,
    "h1": 3.0,
    "heading": 1.0,
    "ld_modified": 0.5,
    "meta_modified": 0.5,
    "time": 2.0,
    "meta_line": 3.0,
    "below": 1.0,
    "text": 0.5,
    "url": 1.0,
    "reporter": 3.0,
    "writer": 3.0,
    "element": 2.0,
}

# Candidate elements for the article that explain() lists, best first.
TOP_CANDIDATES = 8
# Characters of each line (and of each metadata value) shown in explain's text report.
LINE_PREVIEW = 60
# Evidence contributions shown per candidate region in explain's text report.
REGION_REASONS = 4

# ---- read by cleanser.meta.choice and the evidence_* gatherers: the fitted choice ----

# Agreement counts other sources up to this many (then scaled to 0–1).
AGREEMENT_CAP = 3
# Fitting the choice (cleanser.learn.metafit): L2 penalty, gradient steps and step size.
# Few pages per source, so weights are kept small; the features lie in [0, 1].
FIT_L2 = 0.05
FIT_STEPS = 400
FIT_RATE = 1.0
# Distances (characters of page text) are log-scaled against this span: one page's
# furniture above the body is a few thousand characters.
DISTANCE_SPAN = 5000
# Text dates listed per page beyond the meta line (the rest are a list's).
MAX_TEXT_DATES = 8
# Bylines listed per page from cues in the article.
MAX_BYLINES = 6
# Title candidates shorter or longer than these (characters) are unusual headlines.
SHORT_TITLE = 5
LONG_TITLE = 60
# Dates counted on a page before "many dates" saturates (a feed, a list, a thread).
MANY_DATES = 20
# A name said this many times in the text is a subject of the article, not its author.
NAME_MENTIONS_CAP = 5
# Characters before a date searched for its cue (发布时间：, 更新于, 成文日期：).
CUE_WINDOW = 12
# Dates of the same printed shape counted up to this many (a list's dates share one).
SERIES_CAP = 5
# Characters of page text searched for dates from just above the headline (a long
# thread's later posts and a footer's archive add only list dates).
DATE_SCAN_SPAN = 20000
