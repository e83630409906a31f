"""Character references as a browser shows them; undeclared ones stay literal (issue 17).

What a reader of the page saw is what a user expects in ``Article.text``. Browsers
(the HTML standard's "named character reference state") show an unknown ``&x;``
as the four characters ``&x;``, expand the legacy names without their ``;``
(``&nbsp``, ``&copy``, ``&amp``), map a numeric reference that is out of range, a
surrogate or NUL to U+FFFD and one in 0x80-0x9F to its windows-1252 character.
libxml2's HTML parser does the same, and cleanser keeps it: an undeclared
reference is literal text, not an error and not an empty string. Entities a
DOCTYPE declares are never expanded (the internal subset is removed before
parsing: no billion laughs, no XXE), so they stay literal too.
"""

from __future__ import annotations

import pytest

import cleanser
from cleanser.body.dom import parse

PARA = "这是正文的一个段落，内容足够长以便被识别为文章，句号结束。"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("&x;", "&x;"),  # unknown: literal, as a browser shows it
        ("&unknownentity;", "&unknownentity;"),
        ("&ZZ;", "&ZZ;"),
        ("&#;", "&#;"),  # no digits: not a reference
        ("&x", "&x"),
        ("& x", "& x"),
        ("&nbsp", "\xa0"),  # legacy names expand without their ';'
        ("&nbsp;", "\xa0"),
        ("&amp", "&"),
        ("&copy", "©"),
        ("&notit;", "¬it;"),  # the legacy prefix &not, then literal text, as HTML says
        ("&notin;", "∉"),
        ("&#20013;", "中"),
        ("&#x4e2d;", "中"),
        ("&#0;", "\ufffd"),  # NUL, surrogates, out of range: U+FFFD
        ("&#xD800;", "\ufffd"),
        ("&#1114112;", "\ufffd"),
        ("&#150;", "–"),  # 0x80-0x9F: the windows-1252 character
    ],
)
def test_references_read_as_a_browser_shows_them(written: str, shown: str) -> None:
    root = parse(f"<html><body><p>a{written}b</p></body></html>")
    assert root is not None
    paragraph = root.find(".//p")
    assert paragraph is not None
    assert paragraph.text_content() == f"a{shown}b"


def test_undeclared_reference_is_literal_in_every_output() -> None:
    body = "".join(f"<p>{PARA}&x;{PARA}</p>" for _ in range(3))
    article = cleanser.extract(f"<html><body><article>{body}</article></body></html>".encode())
    assert article.text.count("&x;") == 3
    assert article.html.count("&amp;x;") == 3  # escaped, so a browser shows "&x;" again
    assert "&x;" not in article.html.replace("&amp;x;", "")
    assert article.markdown.count("&x;") == 3


def test_doctype_declared_entities_are_not_expanded() -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY x "EXPANDED"><!ENTITY y SYSTEM "file:///etc/passwd">]>'
        f"<html><body><article><p>{PARA}&x;&y;</p><p>{PARA}</p></article></body></html>"
    )
    article = cleanser.extract(page.encode())
    assert "EXPANDED" not in article.text and "root:" not in article.text
    assert "&x;&y;" in article.text
