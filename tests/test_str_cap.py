"""``Options.max_bytes`` counts UTF-8 bytes for ``str`` input too (issue 17).

A Chinese page given as text is three times shorter in characters than in bytes;
the cap once counted characters, so a ``str`` page got three times the cap that
the same page as bytes got.
"""

from __future__ import annotations

import tracemalloc

import pytest

import cleanser
from cleanser.core import read_input
from cleanser.errors import InputTooLargeError
from cleanser.options import Options

PARA = "北京时间今天上午，国务院新闻办公室举行新闻发布会，介绍前三季度国民经济运行情况。"


def chinese_page(paragraphs: int) -> str:
    body = "".join(f"<p>{PARA}{i}</p>" for i in range(paragraphs))
    return f"<html><head><meta charset='utf-8'></head><body><div>{body}</div></body></html>"


def test_str_under_the_cap_in_characters_but_over_it_in_bytes_is_cut() -> None:
    text = chinese_page(100)
    cap = len(text.encode()) // 2
    assert len(text) < cap  # the old count let it through whole
    kept = read_input(text, Options(max_bytes=cap)).text
    assert len(kept.encode()) <= cap
    assert text.startswith(kept) and kept.endswith(">")  # cut after a tag, as bytes are
    with pytest.raises(InputTooLargeError, match="bytes as UTF-8"):
        read_input(text, Options(max_bytes=cap, truncate=False))


def test_str_and_bytes_of_one_page_are_cut_at_the_same_place() -> None:
    text = chinese_page(200)
    for cap in (1000, 5000, len(text.encode()) - 7):
        opts = Options(max_bytes=cap)
        assert read_input(text, opts).text == read_input(text.encode(), opts).text
        assert (
            cleanser.extract(text, options=opts).text
            == cleanser.extract(text.encode(), options=opts).text
        )


def test_str_that_fits_exactly_is_kept_whole() -> None:
    text = chinese_page(3)
    size = len(text.encode())
    assert read_input(text, Options(max_bytes=size, truncate=False)).text == text
    with pytest.raises(InputTooLargeError):
        read_input(text, Options(max_bytes=size - 1, truncate=False))


def test_str_without_a_tag_near_the_cap_is_cut_between_characters() -> None:
    text = "字" * 1000 + "𠀀" * 1000  # 3-byte then 4-byte characters, no '>'
    for cap in range(2990, 3010):
        kept = read_input(text, Options(max_bytes=cap)).text
        assert text.startswith(kept)
        assert cap - 4 < len(kept.encode()) <= cap
        assert "\ufffd" not in kept


def test_a_string_is_measured_without_a_full_copy() -> None:
    # ASCII: its length is its size; at most cap/4 characters fit whatever they are;
    # otherwise it is encoded a chunk at a time, only as far as the cap.
    assert read_input("x" * 5000, Options(max_bytes=5000, truncate=False)).text == "x" * 5000
    assert read_input("𠀀" * 1250, Options(max_bytes=5000, truncate=False)).text == "𠀀" * 1250
    text = "字" * 6_000_000  # 18 MB as UTF-8, under the default cap of 20 MB
    tracemalloc.start()
    try:
        assert read_input(text, Options(truncate=False)).text is text
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12_000_000, peak  # encoding it whole would take 18 MB more


def test_lone_surrogates_count_as_the_replacement_they_become() -> None:
    text = "<p>a</p>" + "\ud800" * 10  # each becomes U+FFFD, three bytes, when parsed
    assert read_input(text, Options(max_bytes=38, truncate=False)).text == text
    assert read_input(text, Options(max_bytes=37)).text == "<p>a</p>"
