"""A line that is one short unit repeated is not prose (issue 17).

1 MB of repeated 责任编辑： was kept as a 333k-character body: its ： made the line
count as punctuated prose, as long as it was. The density scorer now weighs such a
line (``density.repeated_unit``: few distinct characters for its length) like an
unpunctuated label, so a page of it has no article and an article beside it keeps
only its prose. (The ``editor`` read from such a page is the metadata stage's.)
"""

from __future__ import annotations

import pytest

import cleanser
from cleanser.body.density import block_weight, repeated_unit
from cleanser.vocabulary import REPEATED_MIN_CHARS, SHORT_LINE_CAP

from .helpers import features_of

PARA = "北京时间今天上午，国务院新闻办公室举行新闻发布会，介绍前三季度国民经济运行情况。"
JUNK = "责任编辑：" * 70_000  # 1 MB as UTF-8


@pytest.mark.parametrize(
    "data",
    [JUNK.encode(), f"<html><body><p>{JUNK}</p></body></html>".encode(), JUNK],
    ids=["bare-bytes", "in-a-paragraph", "str"],
)
def test_a_page_of_one_repeated_unit_has_no_article(data: bytes | str) -> None:
    article = cleanser.extract(data)
    assert article.text == ""
    assert article.reason


ARTICLE = "".join(f"<p>{PARA}</p>" for _ in range(5))


@pytest.mark.parametrize("junk_first", [False, True])
def test_the_repeated_line_beside_an_article_is_dropped(junk_first: bool) -> None:
    junk = f"<div class='x'><p>{JUNK}</p></div>"
    article = f"<div>{ARTICLE}</div>"
    body = junk + article if junk_first else article + junk
    extracted = cleanser.extract(f"<html><body>{body}</body></html>".encode())
    assert extracted.text == "\n".join([PARA] * 5)


@pytest.mark.xfail(
    reason="a line inside the chosen container is dropped by body/clean (not by a weight): "
    "the repeated line costs its container a label's weight, so the article is still chosen, "
    "but cleaning keeps the line",
    strict=True,
)
def test_the_repeated_line_inside_the_article_container_is_dropped() -> None:
    extracted = cleanser.extract(f"<html><body><div>{ARTICLE}<p>{JUNK}</p></div></body></html>")
    assert extracted.text == "\n".join([PARA] * 5)


@pytest.mark.parametrize(
    "line",
    ["责任编辑：" * 40, "哈" * 200, "ab " * 80, "顶！" * 100, "12" * 100, "啊啊啊啊啊，" * 40],
)
def test_repeated_units_are_recognised(line: str) -> None:
    assert repeated_unit(line)


@pytest.mark.parametrize(
    "line",
    [
        PARA * 2,
        "The suspect said he needed to get dressed before the officers took him away.",
        " ".join(str(i) for i in range(3, 40)),  # a row of numbers: ten digits, not repeated
        "哈" * (REPEATED_MIN_CHARS - 1),  # too short to judge
        "——" * 100 + PARA * 6,  # a repeated start, then prose
        "炸弹页面的正文。" * 20,  # a toy page's one sentence, twenty times: kept
    ],
)
def test_prose_and_short_lines_are_not(line: str) -> None:
    assert not repeated_unit(line)


def test_a_repeated_line_weighs_like_an_unpunctuated_label() -> None:
    features = features_of(f"<div><p>{'责任编辑：' * 200}</p><p>{PARA}</p></div>")
    junk, prose = features.blocks
    assert block_weight(junk) == -SHORT_LINE_CAP
    assert block_weight(junk, short_cap=1.0) == -1.0
    assert block_weight(prose) == prose.length
