"""The CSS subset behind Options.body / Options.drop."""

from __future__ import annotations

import pytest
from lxml import html

from cleanser.selectors import compile_selector

DOC = html.fromstring(
    "<html><body><ul class='nav top'><li>首页</li></ul><div class=share-bar>分享</div>"
    "<div id=content><p class=lead>导语</p><div><p>正文</p></div></div>"
    "<div data-role='ad'><span>广告</span></div></body></html>"
)


def texts(selector: str) -> list[str]:
    found = compile_selector(selector)(DOC)
    assert isinstance(found, list)
    return [el.text_content() for el in found]


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("#content > p", ["导语"]),  # child, not descendant
        ("#content p", ["导语", "正文"]),
        ("ul.nav.top li", ["首页"]),  # several classes on one element
        (".nav, .share-bar", ["首页", "分享"]),  # alternatives, in document order
        ("[data-role=ad] span", ["广告"]),
        ("div[data-role='ad']", ["广告"]),
        ("p.lead", ["导语"]),
        (".navigation", []),  # class tokens match whole words only
        ("//div[@id='content']/p", ["导语"]),  # XPath as it is
    ],
)
def test_selectors(selector: str, expected: list[str]) -> None:
    assert texts(selector) == expected
