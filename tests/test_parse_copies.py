"""``dom.parse`` copies a big page as few times as it can (issue 17: a 20 MB text node).

Python-side copies are what tracemalloc sees (libxml2's own memory is not traced):
parse needs the page as UTF-8 bytes (one copy) and, when it has ``</body>`` or
``</html>`` tags to remove, that once more. It once also rebuilt the str twice (the
XML-declaration and DOCTYPE clean-ups, even with nothing to remove), deleted
control bytes by a copy when there were none, and removed the closing tags with
``re.sub`` (the pieces, then their join).
"""

from __future__ import annotations

import tracemalloc

import pytest

from cleanser.body.dom import parse

PARA = "北京时间今天上午，国务院新闻办公室举行新闻发布会，介绍前三季度国民经济运行情况。"


def traced_peak(text: str) -> int:
    tracemalloc.start()
    try:
        root = parse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert root is not None
    return peak


@pytest.mark.parametrize("closes", ["", "</body></html>"])
def test_a_big_page_is_copied_at_most_twice(closes: str) -> None:
    text = f"<html><body><p>{PARA * 25_000}</p>{closes}"  # 3 MB as UTF-8
    size = len(text.encode())
    copies = 2 if closes else 1
    assert traced_peak(text) < (copies + 0.25) * size


def test_the_clean_ups_still_apply() -> None:
    text = (
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [<!ENTITY x "boom">]>'
        f"<html><body><p>{PARA}\x01</p></html><p>{PARA}</p></body></html>"
    )
    root = parse(text)
    assert root is not None
    paragraphs = [p.text_content() for p in root.iter("p")]
    assert paragraphs == [PARA, PARA]  # a stray </html> does not end the page
