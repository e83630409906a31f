"""The visible text of a page's body, walked once, and where things are in it.

:class:`_Scan` turns ``<body>`` into text as a reader sees it (one line per
block element; scripts, styles and form options skipped) and records the spans
of heading-, byline- and source-like elements, the headline's position once it
is known (the anchor) and the start of the copyright footer, so that every
pattern sees what a reader sees and knows where the headline is. The helpers
after it judge lines of that text: a short meta line versus the first line of
prose, and a date standing alone versus a list of dates.

This is separate from :mod:`cleanser.meta.fields` because the walk is the one
place that visits every element (most of the cost of metadata) and knows
nothing about the fields: the field choosers only ask it for regions of text.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree, html

from cleanser.meta.dates import FoundDate, find_dates
from cleanser.meta.util import _collapse, _norm
from cleanser.vocabulary import (
    BYLINE_CLASS_WORDS,
    CANDIDATE_HEADING_TAGS,
    CANDIDATE_MARK_RE,
    CLASS_KIND_RE,
    CLASS_KIND_WORD_RE,
    DATE_LINE_REST_RE,
    FOOTER_RE,
    HEADLINE_CLASS_WORDS,
    HSPACE_RE,
    MAX_CANDIDATES,
    MAX_META_LINE,
    MAX_SUBTITLE,
    NEWLINES_RE,
    REGION_AFTER,
    REGION_BEFORE,
    SOURCE_CLASS_WORDS,
    TEXT_BREAK_TAGS,
    TEXT_SKIP_TAGS,
    YEAR_OR_CLOCK_RE,
)

# --------------------------------------------------------------------------
# The body walk
# --------------------------------------------------------------------------


class _Scan:
    """The visible text of ``<body>``, one line per block, and where things are in it.

    One iterative walk (no recursion; scripts, styles, forms' options and the
    like skipped). Heading-, byline- and source-like elements (by tag, class or
    id) are bracketed with marker characters so that their spans in ``text``
    survive whitespace collapsing; ``links`` and ``times`` collect ``<a>`` and
    ``<time>`` elements on the way. About 2 µs per element: this walk is most of
    the cost of metadata.
    """

    def __init__(self, root: html.HtmlElement) -> None:
        body = root.find("body")
        if body is None:
            body = root
        parts: list[str] = []
        add = parts.append
        marked: list[tuple[str, html.HtmlElement]] = []
        self.links: list[html.HtmlElement] = []
        self.times: list[html.HtmlElement] = []
        walker = etree.iterwalk(body, events=("start", "end"))
        open_marks: list[int] = []  # numbers of marked elements not yet closed
        # Per open element: bit 1 = block (newline at the end), bit 2 = marked.
        flags: list[int] = []
        push, pop = flags.append, flags.pop
        skip, block, heading_tags = TEXT_SKIP_TAGS, TEXT_BREAK_TAGS, CANDIDATE_HEADING_TAGS
        kinds: dict[str, str] = {}
        links, times = self.links, self.times
        for event, el in walker:
            if event == "start":
                tag = el.tag
                if tag in skip or type(tag) is not str:
                    walker.skip_subtree()
                    push(0)
                    continue
                flag = 0
                if tag in block:
                    add("\n")
                    flag = 1
                if tag in heading_tags:
                    kind = "h"
                else:
                    cls = el.get("class")
                    if cls is None:
                        kind = ""
                    else:
                        known = kinds.get(cls)  # class strings repeat: judge each once
                        if known is None:
                            known = kinds[cls] = _kind(cls)
                        kind = known
                    if not kind:
                        ident = el.get("id")
                        if ident is not None:
                            kind = _kind(ident)
                    if tag == "a":
                        links.append(el)
                        if el.get("rel") == "author":
                            kind = "by"
                    elif tag == "span" or tag == "cite":
                        if el.get("itemprop") == "author":
                            kind = "by"
                    elif tag == "time":
                        times.append(el)
                if kind and len(marked) < MAX_CANDIDATES:
                    n = len(marked)
                    marked.append((kind, el))
                    open_marks.append(n)
                    add(f"\x01{n}\x02")
                    flag |= 2
                push(flag)
                text = el.text
                if text:
                    add(text)
            else:
                flag = pop()
                if flag:
                    if flag & 2:
                        add(f"\x03{open_marks.pop()}\x04")
                    if flag & 1:
                        add("\n")
                text = el.tail
                if text:
                    add(text)
        text = NEWLINES_RE.sub("\n", HSPACE_RE.sub(" ", "".join(parts)))
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        removed = 0
        for m in CANDIDATE_MARK_RE.finditer(text):
            pos = m.start() - removed
            if m.group(1) is not None:
                starts[int(m.group(1))] = pos
            else:
                ends[int(m.group(2))] = pos
            removed += m.end() - m.start()
        if removed:
            text = CANDIDATE_MARK_RE.sub("", text)
        self.text = text
        # (kind, element, start, end) for every marked element, in document order.
        self.marked = [
            (kind, el, starts.get(i, 0), ends.get(i, starts.get(i, 0)))
            for i, (kind, el) in enumerate(marked)
        ]
        self.anchor: tuple[int, int] | None = None
        self.footer = len(text)

    def spans(self, kind: str) -> Iterator[tuple[html.HtmlElement, int, int]]:
        for k, el, s, e in self.marked:
            if k == kind:
                yield el, s, e

    def with_subtitle(self, index: int, title: str) -> str:
        """``title`` followed by its 副题 when the headline sits in a title block.

        Portals print 引题 / 主题 / 副题 as sibling headings in one container
        (``<h3></h3><h2>主题</h2><h3>副题</h3>``); the displayed headline is the
        main title and the subtitle below it. Only a container holding nothing but
        headings counts, and only a lower-ranked heading right after the title.
        """
        spans = [(el, s, e) for k, el, s, e in self.marked if k == "h"]
        el = spans[index][0]
        parent = el.getparent()
        if parent is None:
            return title
        children = [c for c in parent if isinstance(c.tag, str) and _collapse(c.text_content())]
        if not all(c.tag in CANDIDATE_HEADING_TAGS for c in children):
            return title
        k = children.index(el) if el in children else -1
        if k < 0 or k + 1 >= len(children):
            return title
        sub = children[k + 1]
        text = _collapse(sub.text_content())
        if _heading_rank(sub) <= _heading_rank(el) or not (4 <= len(text) <= MAX_SUBTITLE):
            return title
        if YEAR_OR_CLOCK_RE.search(text) or _norm(text) in _norm(title):
            return title
        for other, s, e in spans[index + 1 :]:
            if other is sub:
                self.anchor = (self.anchor[0] if self.anchor else s, e)
                break
        return f"{title} {text}"

    def locate(self, title: str) -> None:
        """Anchor at the first occurrence of ``title`` when no heading element agreed."""
        if self.anchor is not None or not title:
            return
        for probe in (title[:24], title[:12]):
            if len(probe) < 4:
                continue
            i = self.text.find(probe)
            if i >= 0:
                line_end = self.text.find("\n", i)
                end = line_end if 0 <= line_end - i <= len(title) + 40 else i + len(probe)
                self.anchor = (i, end)
                return

    def find_footer(self) -> None:
        """Start of the copyright footer: the first footer cue after the headline."""
        begin = self.anchor[1] if self.anchor else 0
        m = FOOTER_RE.search(self.text, begin)
        self.footer = m.start() if m else len(self.text)

    def after(self, size: int = REGION_AFTER) -> str:
        """The text right after the headline."""
        if self.anchor is None:
            return ""
        s = self.anchor[1]
        return self.text[s : max(s, min(s + size, self.footer))]

    def before(self, size: int = REGION_BEFORE) -> str:
        """The text right before the headline."""
        if self.anchor is None:
            return ""
        return self.text[max(0, self.anchor[0] - size) : self.anchor[0]]

    def heading(self) -> str:
        if self.anchor is None:
            return ""
        return self.text[self.anchor[0] : self.anchor[1]]

    def article(self) -> str:
        """From the headline (or the top of the page) to the footer."""
        s = self.anchor[0] if self.anchor else 0
        return self.text[s : self.footer]

    def near(self) -> str:
        """The meta-line area: a little before the headline, the headline, and after it."""
        if self.anchor is None:
            return ""
        return self.before() + "\n" + self.heading() + "\n" + self.after()


def _kind(name: str) -> str:
    """Which candidate list a class or id puts an element in: "h", "by", "src" or "".

    Not cached: the walk keeps a page's class values in a dict of its own, and ids are
    mostly unique (a process-wide cache of them missed two times in three on the
    corpus). An ASCII name (nearly all) is lower-cased and searched for the words
    themselves (``CLASS_KIND_WORD_RE``); the word found names the list.
    """
    if name.isascii():
        m = CLASS_KIND_WORD_RE.search(name.lower())
        kind = "" if m is None else _WORD_KINDS[m.group()]
    else:
        m = CLASS_KIND_RE.search(name)
        kind = "" if m is None else "h" if m.group(1) else "by" if m.group(2) else "src"
    if kind == "by":
        c = name.lower()
        return "" if ("comment" in c or "editor" in c or "reply" in c) else "by"
    return kind


# The list each word of CLASS_KIND_WORD_RE puts an element in.
_WORD_KINDS = (
    dict.fromkeys(HEADLINE_CLASS_WORDS, "h")
    | dict.fromkeys(BYLINE_CLASS_WORDS, "by")
    | dict.fromkeys(SOURCE_CLASS_WORDS, "src")
)


def _heading_rank(el: html.HtmlElement) -> int:
    """Lower is better: h1, then h2, a title-classed element, h3, h4."""
    return {"h1": 0, "h2": 1, "h3": 3, "h4": 4}.get(el.tag, 2)


# --------------------------------------------------------------------------
# Lines of the text: meta line, prose, lone dates
# --------------------------------------------------------------------------


def _first_prose(region: str) -> int:
    """Offset of the first line of prose in ``region`` (a sentence of 40+ characters),
    or its length when there is none."""
    pos = 0
    for line in region.split("\n"):
        if len(line) >= 40 and (any(c in line for c in "。！？") or line.count("，") >= 2):
            return pos
        pos += len(line) + 1
    return len(region)


def _in_meta_line(region: str, start: int, end: int) -> bool:
    """Whether ``region[start:end]`` sits on a meta line: short, and not a sentence
    (据介绍，大桥于2023年5月6日开工… is prose)."""
    line_start = region.rfind("\n", 0, start) + 1
    line_end = region.find("\n", end)
    if line_end < 0:
        line_end = len(region)
    if line_end - line_start > MAX_META_LINE:
        return False
    line = region[line_start:line_end]
    return not any(c in line for c in "。！？") and line.count("，") <= 1


def _lone_date(region: str, hint: int | None) -> FoundDate | None:
    """The one date of ``region`` on a meta line, or the one date standing on a line
    by itself; None when there are several (a list)."""
    found = [fd for fd in find_dates(region, hint) if _in_meta_line(region, fd.start, fd.end)]
    if len(found) == 1:
        return found[0]
    alone = [fd for fd in found if DATE_LINE_REST_RE.fullmatch(_line_without(region, fd))]
    return alone[0] if len(alone) == 1 and len(found) <= 3 else None


def _line_without(region: str, fd: FoundDate) -> str:
    """The line of ``fd`` with the date itself removed."""
    start = region.rfind("\n", 0, fd.start) + 1
    end = region.find("\n", fd.end)
    return region[start : fd.start] + region[fd.end : end if end >= 0 else len(region)]
