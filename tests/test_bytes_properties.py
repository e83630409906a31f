"""Hypothesis properties of damaged bytes and hostile shapes (issue 17).

- A corpus page cut anywhere past its first kilobyte (and past its first non-ASCII
  byte: an all-ASCII prefix is no evidence of any encoding) decodes with the
  encoding of the whole page.
- A corpus page with k <= 3 bytes replaced by random ones keeps its encoding.
- Random bytes (48 bytes or more: shorter ones can be plain text by chance) never
  yield an article: ``NotHTMLError``, or an article with no text.
- Whatever was cut or damaged, ``decode_explained``'s reason names the encoding chosen.
- A ``str`` is capped by its UTF-8 size, and cut where the same page as bytes is
  (or, with no ``>`` near the cap, at the last whole character that fits).
- A page whose text is one short unit repeated (a few distinct characters, each
  many times) never yields an article, however long (or is refused as not text).
- Nesting any tag d deep costs about what d siblings of it cost (the same bytes):
  a quadratic pass would make the nested page many times slower.

Kept small for CI: a fixed subset of pages, few examples each.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import cleanser
from cleanser.body.density import repeated_unit
from cleanser.core import read_input
from cleanser.errors import NotHTMLError
from cleanser.evaluate.corpus import load
from cleanser.io.decoding import decode, decode_explained
from cleanser.options import Options
from cleanser.vocabulary import REPEATED_MIN_CHARS, REPEATED_MIN_USES

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def _subset() -> list[tuple[str, bytes]]:
    """Every legacy-encoded page of the corpus and samples, and a spread of UTF-8 ones."""
    if not CORPUS.is_dir():
        return []
    chosen: list[tuple[str, bytes]] = []
    utf8_by_source: dict[str, int] = {}
    for page in load(CORPUS) + load(REPO / "samples"):
        data = page.read()
        encoding = decode(data)[1]
        if encoding == "utf-8":
            if utf8_by_source.get(page.source, 0) >= 2:
                continue
            utf8_by_source[page.source] = utf8_by_source.get(page.source, 0) + 1
        chosen.append((f"{page.source}/{page.id}", data))
    return chosen


PAGES = _subset()
needs_corpus = pytest.mark.skipif(not PAGES, reason=f"corpus not found at {CORPUS}")

FEW = settings(
    max_examples=40,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)


@needs_corpus
@FEW
@given(index=st.integers(min_value=0), where=st.floats(min_value=0, max_value=1))
def test_truncated_page_keeps_its_encoding(index: int, where: float) -> None:
    _, data = PAGES[index % len(PAGES)]
    first = next((i for i, b in enumerate(data) if b >= 0x80), len(data))
    low = max(1024, first + 1)
    assume(low < len(data))
    cut = low + int(where * (len(data) - low - 1))
    assert decode(data[:cut])[1] == decode(data)[1]


@needs_corpus
@FEW
@given(
    index=st.integers(min_value=0),
    flips=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.integers(1, 255)),
        min_size=1,
        max_size=3,
    ),
)
def test_page_with_a_few_bad_bytes_keeps_its_encoding(
    index: int, flips: list[tuple[float, int]]
) -> None:
    _, data = PAGES[index % len(PAGES)]
    damaged = bytearray(data)
    for where, delta in flips:
        at = int(where * (len(data) - 1))
        damaged[at] = (damaged[at] + delta) % 256
    assert decode(bytes(damaged))[1] == decode(data)[1]


@needs_corpus
@FEW
@given(
    index=st.integers(min_value=0),
    cut=st.floats(min_value=0, max_value=1),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255)), max_size=8),
)
def test_the_encoding_reason_names_the_encoding_chosen(
    index: int, cut: float, flips: list[tuple[float, int]]
) -> None:
    _, data = PAGES[index % len(PAGES)]
    damaged = bytearray(data[: max(1, int(cut * len(data)))])
    for where, delta in flips:
        at = int(where * (len(damaged) - 1))
        damaged[at] = (damaged[at] + delta) % 256
    _, encoding, reason = decode_explained(bytes(damaged))
    assert encoding.lower() in reason.lower(), (encoding, reason)


@settings(max_examples=60, deadline=timedelta(seconds=5))
@given(size=st.integers(min_value=48, max_value=30_000), seed=st.integers(0, 2**32))
def test_random_bytes_never_yield_an_article(size: int, seed: int) -> None:
    data = random.Random(seed).randbytes(size)
    try:
        article = cleanser.extract(data)
    except NotHTMLError:
        return
    assert article.text == "", (size, seed, article.text[:80])


@settings(max_examples=80, deadline=timedelta(seconds=5))
@given(
    text=st.text(alphabet=st.sampled_from("<p>字𠀀é a，。/"), max_size=400),
    cap=st.integers(min_value=1, max_value=1600),
)
def test_str_is_capped_by_its_utf8_size_where_its_bytes_are(text: str, cap: int) -> None:
    kept = read_input(text, Options(max_bytes=cap)).text
    raw = text.encode()
    assert text.startswith(kept) and len(kept.encode()) <= cap
    if len(raw) <= cap:
        assert kept == text
        return
    as_bytes = raw[:cap]
    cut = as_bytes.rfind(b">")  # (all within the look-back: these strings are short)
    expected = as_bytes[: cut + 1] if cut >= 0 else as_bytes
    # the bytes' cut without a '>' may split a character: the str keeps it out
    assert kept.encode() == expected.decode("utf-8", "ignore").encode()


@settings(max_examples=40, deadline=timedelta(seconds=5))
@given(
    unit=st.text(alphabet=st.sampled_from("责任编辑：哈啊顶，。！ab1"), min_size=1, max_size=6),
    length=st.integers(min_value=REPEATED_MIN_CHARS, max_value=200_000),
    wrap=st.sampled_from(("{}", "<p>{}</p>", "<html><body><div><p>{}</p></div></body></html>")),
)
def test_one_unit_repeated_never_yields_an_article(unit: str, length: int, wrap: str) -> None:
    line = (unit * (length // len(unit) + 1))[:length]
    assume(line.strip() and len(set(line) - {" "}) * REPEATED_MIN_USES <= len(line))
    assert repeated_unit(" ".join(line.split()))
    try:
        article = cleanser.extract(wrap.format(line).encode())
    except NotHTMLError:  # bare rare Han characters: not text either
        return
    assert article.text == "", (unit, length, wrap)


_PROSE = "国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，城乡居民收入差距继续缩小。"


def _nested(tag: str, depth: int) -> bytes:
    inner = "<tr><td>" if tag == "table" else ""
    close = "</td></tr>" if tag == "table" else ""
    return (
        f"<html><body>{f'<{tag}>{inner}' * depth}<p>{_PROSE}</p>{f'{close}</{tag}>' * depth}"
        "</body></html>"
    ).encode()


def _flat(tag: str, count: int) -> bytes:
    inner = "<tr><td>" if tag == "table" else ""
    close = "</td></tr>" if tag == "table" else ""
    return (
        f"<html><body>{f'<{tag}>{inner}{close}</{tag}>' * count}<p>{_PROSE}</p></body></html>"
    ).encode()


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    tag=st.sampled_from(("table", "div", "ul", "li", "span", "b", "font", "blockquote")),
    depth=st.integers(min_value=1500, max_value=4000),
)
def test_nesting_costs_what_the_same_bytes_flat_cost(tag: str, depth: int) -> None:
    nested, flat = _nested(tag, depth), _flat(tag, depth)
    assert abs(len(nested) - len(flat)) < 0.01 * len(flat)
    t_nested = _best_of(2, lambda: cleanser.extract(nested))
    t_flat = _best_of(2, lambda: cleanser.extract(flat))
    # linear work gives a ratio near 1; the old quadratic table XPath gave over 30
    assert t_nested < 4 * t_flat + 0.05, (tag, depth, t_nested, t_flat)
