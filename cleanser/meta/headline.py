"""The headline: site names in ``<title>``, and how well a heading agrees with it.

``<title>`` strings carry the site's and the channel's names (``标题_网易新闻``,
``标题-新华网``, ``新浪网_标题``). :func:`_strip_site` cuts them off and returns
what it removed, :func:`_site_from_fragments` picks the site's own name among
those fragments, and :func:`_clean_heading` removes trailing dates, promotion
tags (原创, [组图]) and site names from a heading element's text.
:func:`_score_line` rates one line of a heading against the declared headlines
(JSON-LD ``headline``, ``og:title``, ``<title>``), with a longest-common-substring
fall-back in the spirit of GNE.

These are separate from :mod:`cleanser.meta.fields` because they are plain string
functions: no tree and no page state, so they can be read and tested alone.
:mod:`cleanser.meta.title` picks the heading elements and calls them.
"""

from __future__ import annotations

from collections.abc import Iterable

from cleanser.meta.util import _collapse, _norm
from cleanser.vocabulary import (
    ASCII_BRAND_RE,
    DOMAIN_LIKE_RE,
    HAN_RE,
    HEADLINE_TAG_RE,
    JUNK_TAIL_RE,
    POWERED_BY_RE,
    SITE_FINALS,
    SITE_SEPARATOR_CHARS,
    SITE_WORDS,
    STRONG_TITLE_SEPARATORS,
    TITLE_SEPARATOR_RE,
    TRAILING_DATE_RE,
)

# --------------------------------------------------------------------------
# Site and channel names
# --------------------------------------------------------------------------


def _looks_like_site(fragment: str, sep: str, head: str, site_names: Iterable[str]) -> bool:
    """Whether a ``<title>`` fragment after the headline names a site or channel."""
    frag = fragment.strip()
    if not frag:
        return True
    nf, nh = _norm(frag), _norm(head)
    if any(nf and (nf == _norm(s) or nf in _norm(s)) for s in site_names if s):
        return True
    if len(nh) < 2 or frag.isdigit():
        return False
    strong = sep in STRONG_TITLE_SEPARATORS
    has_site_word = any(w in frag for w in SITE_WORDS)
    if not strong and head[-1:].isascii() and head[-1:].isalnum() and frag[:1].isascii():
        # "COVID-19", "Wi-Fi": a bare hyphen between ASCII is a word, unless a domain follows.
        return bool(DOMAIN_LIKE_RE.search(frag))
    if len(nf) <= 16 and has_site_word:
        return True
    if ASCII_BRAND_RE.match(frag) and HAN_RE.search(head):
        return True  # "澎湃新闻-The Paper", "… - CSDN.NET"
    if strong and len(nf) <= 10 and len(nh) >= len(nf):
        return True
    if not strong and len(nf) <= 6 and len(nh) >= max(6, 2 * len(nf)):
        return True  # "中华人民共和国监察法-纪检"
    return strong and len(nf) <= 20 and len(nh) >= 2 * len(nf) and has_site_word


def _is_abbreviation(short: str, full: str) -> bool:
    """Whether ``short`` keeps the first character of ``full`` and its other
    characters in order (寶島社 → 寶島通訊社, 中新社 → 中国新闻社)."""
    if len(short) >= len(full) or short[:1] != full[:1]:
        return False
    it = iter(full)
    return all(c in it for c in short)


def _site_from_fragments(fragments: list[str]) -> str | None:
    """The site's name among the fragments cut from <title> (rightmost first).

    A fragment ending like a site (…网, …热线, …人民政府) or a domain wins over a
    channel (娱乐资讯); short keyword tags (sohu's "_中国_法国_全球") are no site.
    """
    for f in fragments:
        if f.endswith(SITE_FINALS) or DOMAIN_LIKE_RE.search(f):
            return f
    for f in fragments:
        if any(w in f for w in SITE_WORDS):
            return f
    return next((f for f in fragments if len(f) >= 4), None)


def _strip_site(title: str, site_names: Iterable[str] = ()) -> tuple[str, list[str]]:
    """Headline part of a ``<title>``-like string and the site/channel fragments removed."""
    title = POWERED_BY_RE.sub("", _collapse(title))
    names = [n for n in site_names if n]
    removed: list[str] = []
    pieces = TITLE_SEPARATOR_RE.split(title)  # text, sep, text, sep, ...
    while len(pieces) >= 3:
        tail, sep = pieces[-1], pieces[-2]
        head = "".join(pieces[:-2])
        if not _looks_like_site(tail, sep, head, names):
            break
        if tail.strip():
            removed.append(tail.strip())
        pieces = pieces[:-2]
    # A leading site name: "_标题", "新浪网_标题" (only a declared or obvious site).
    while len(pieces) >= 3:
        lead, sep = pieces[0].strip(), pieces[1]
        if lead and not (
            any(_norm(lead) == _norm(s) for s in names)
            or (
                sep in STRONG_TITLE_SEPARATORS
                and len(_norm(lead)) <= 8
                and any(w in lead for w in SITE_WORDS if len(w) > 1)
            )
        ):
            break
        if lead:
            removed.append(lead)
        pieces = pieces[2:]
    main = "".join(pieces).strip()
    return (main or title), removed


def _clean_heading(text: str, site_frags: Iterable[str]) -> str:
    """A heading's text without a trailing date, promotion tags or site names."""
    text = TRAILING_DATE_RE.sub("", _collapse(text))
    for _ in range(3):
        before = text
        if len(text) > 6:
            text = HEADLINE_TAG_RE.sub("", text)
        for frag in site_frags:
            if frag and len(text) > len(frag) + 4:
                # Only a fragment set off by a separator: "消费提示" keeps its "消费".
                if text.endswith(frag) and text[-len(frag) - 1] in SITE_SEPARATOR_CHARS:
                    text = text[: -len(frag)].rstrip(SITE_SEPARATOR_CHARS)
                elif text.startswith(frag) and text[len(frag)] in SITE_SEPARATOR_CHARS:
                    text = text[len(frag) :].lstrip(SITE_SEPARATOR_CHARS)
        if text == before:
            break
    return text.strip()


# --------------------------------------------------------------------------
# Agreement with the declared headlines
# --------------------------------------------------------------------------

# Passed as ``ref_chars`` when a multi-line heading is judged as a whole: no
# declared headline is compared and no h1 fall-back score is given.
_NO_REFS: list[set[str]] = []


def _score_line(
    line: str,
    refs: list[tuple[str, str]],
    ref_chars: list[set[str]],
    site_frags: list[str],
    site_keys: set[str],
    title_frag_keys: list[str],
    rank: int,
) -> tuple[float, str] | None:
    """How well one line of a heading agrees with the declared headlines."""
    if len(line) < 2 or len(line) > 300:
        return None
    text = _clean_heading(line, site_frags)
    key = _norm(text)
    if len(key) < 2 or key in site_keys:
        return None
    # "<blog name> <post title>" where both are <title> fragments: the one
    # <title> names first is the headline.
    for i, fk in enumerate(title_frag_keys):
        if fk and key != fk and key.startswith(fk):
            rest = key[len(fk) :]
            if rest in title_frag_keys and title_frag_keys.index(rest) < i:
                return 1.0, _cut_display(text, rest)
    score = 0.0
    chars = set(key)
    for (main, rk), rset in zip(refs, ref_chars, strict=True):
        if key == rk:
            s = 1.0
        elif key.startswith(rk) and len(rk) >= 6 and JUNK_TAIL_RE.match(key[len(rk) :]):
            return 1.0, main  # "第二章 失乡号的船长241": a count or mark glued to the headline
        elif rk in key:
            s = 1.0 if (key.startswith(rk) and len(rk) >= 6) else len(rk) / len(key)
            if s < 1.0 and len(rk) >= 6:
                s = max(s, 0.6)
        elif key in rk:
            s = len(key) / len(rk) if len(key) >= 4 else 0.0
        elif len(chars & rset) * 2 < len(chars):
            s = 0.0
        else:
            longest, shortest = max(len(key), len(rk)), min(len(key), len(rk))
            if shortest * 2 < longest or shortest / longest <= score:
                # The common substring is at most the shorter string: under 0.5 (the
                # line is dropped unless another headline scores) or no better than
                # the score already found. Either way it changes nothing; skip it.
                continue
            s = _lcs_len(key, rk) / longest
        score = max(score, s)
    if not refs and rank == 0 and ref_chars is not _NO_REFS and len(key) >= 5:
        score = 0.5
    if score < 0.5:
        return None
    return score, text


def _extend_line(
    lines: list[str], i: int, offsets: list[int], refs: list[tuple[str, str]]
) -> tuple[str, int]:
    """Line ``i`` joined with the next lines while together they still begin a
    declared headline (a headline broken by ``<br>``); returns (text, end offset)."""
    line = lines[i]
    end = offsets[i] + len(line)
    key = _norm(line)
    if len(key) < 4 or not any(rk != key and rk.startswith(key) for _, rk in refs):
        return line, end
    for j in range(i + 1, min(len(lines), i + 4)):
        nxt = lines[j].strip()
        if not nxt:
            continue
        glue = " " if line[-1:].isascii() and nxt[:1].isascii() else ""
        joined = line.rstrip() + glue + nxt
        jkey = _norm(joined)
        if not any(rk.startswith(jkey) for _, rk in refs):
            break
        line, end = joined, offsets[j] + len(lines[j])
    return line, end


def _cut_display(text: str, key: str) -> str:
    """The part of ``text`` whose comparison key is ``key`` (a trailing fragment)."""
    for i in range(len(text)):
        if _norm(text[i:]) == key:
            return text[i:].strip()
    return text


def _lcs_len(a: str, b: str) -> int:
    """Length of the longest common substring (only lengths past the best are tried)."""
    if len(a) > len(b):
        a, b = b, a
    best = 0
    for i in range(len(a)):
        k = best + 1
        while i + k <= len(a) and a[i : i + k] in b:
            best = k
            k += 1
    return best
