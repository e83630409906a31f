"""The public API: extract, clean_html, explain, Options, Article."""

from __future__ import annotations

import json

import pytest

import cleanser
from cleanser import Article, Options

from .helpers import PROSE

P2 = "他强调，要坚持稳中求进工作总基调，推动经济持续回升向好，切实保障和改善民生。"
PAGE = f"""<html><head><meta charset="gbk"><title>统计局发布数据_财经频道_某某网</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/news">新闻</a><a href="/finance">财经</a></div>
<div class="main-article"><h1>统计局发布数据</h1><p class="info">2024-05-01 10:00 来源：新华社</p>
<p>{PROSE}</p><figure><img data-src="https://img.example.cn/a.jpg" src="data:image/gif;base64,R0lGOD">
<figcaption>图为发布会现场。</figcaption></figure><p>{P2}<a href="https://example.cn/x">详情</a></p>
<table><tr><td>地区</td><td>增长</td></tr><tr><td>北京</td><td>5.2%</td></tr></table>
<p>（责任编辑：王五）</p></div>
<div class="sidebar-x3Fk"><h3>热点排行</h3><ul><li><a href="/1">某地出台新政策支持企业发展</a></li>
<li><a href="/2">多部门联合发布通知部署工作</a></li></ul></div>
<div class="footer">版权所有 © 某某网 京ICP备12345678号</div></body></html>"""


@pytest.fixture(scope="module")
def article() -> Article:
    return cleanser.extract(PAGE.encode("gb18030"), url="https://news.example.cn/a.html")


def test_body_lines(article: Article) -> None:
    assert article.text.splitlines() == [
        PROSE,
        "图为发布会现场。",
        P2 + "详情",
        "地区\t增长",
        "北京\t5.2%",
    ]
    assert article.encoding == "gb18030"
    assert 0.0 < article.confidence <= 1.0
    assert article.reason is None


def test_html_keeps_structure_links_and_images_in_place(article: Article) -> None:
    h = article.html
    assert h.startswith("<article>")
    assert '<a href="https://example.cn/x">详情</a>' in h
    assert '<img src="https://img.example.cn/a.jpg">' in h and "<figcaption>图为发布会现场。" in h
    assert h.index(PROSE) < h.index("a.jpg") < h.index(P2)
    assert "<table><tr><td>地区</td><td>增长</td></tr>" in h
    assert "热点" not in h and "ICP" not in h


def test_markdown(article: Article) -> None:
    md = article.markdown
    assert "![](https://img.example.cn/a.jpg)" in md
    assert "| 地区 | 增长 |" in md


def test_images_field(article: Article) -> None:
    assert [(i.src, i.caption) for i in article.images] == [
        ("https://img.example.cn/a.jpg", "图为发布会现场。")
    ]


def test_to_json_roundtrip(article: Article) -> None:
    data = json.loads(article.to_json())
    assert data["text"] == article.text
    assert data["images"][0]["src"] == "https://img.example.cn/a.jpg"
    assert "统计局" in article.to_json()  # non-ASCII kept readable


def test_str_input_and_frozen(article: Article) -> None:
    again = cleanser.extract(PAGE, url="https://news.example.cn/a.html")
    assert again.text == article.text
    assert again.encoding is None
    with pytest.raises(AttributeError):
        again.text = "x"  # type: ignore[misc]


def test_options_are_frozen_and_change_output() -> None:
    opts = Options(images=False, links=False)
    with pytest.raises(AttributeError):
        opts.images = True  # type: ignore[misc]
    art = cleanser.extract(PAGE, options=opts)
    assert "<img" not in art.html and "<a " not in art.html
    assert "图为发布会现场。" in art.text


def test_clean_html_is_a_document_with_only_the_article() -> None:
    doc = cleanser.clean_html(PAGE.encode("gb18030"))
    assert doc.startswith("<!DOCTYPE html>")
    assert PROSE in doc and "京ICP备" not in doc and "首页" not in doc


def test_explain_names_the_rule_behind_each_removal() -> None:
    exp = cleanser.explain(PAGE)
    assert exp.chosen is not None and "div" in exp.chosen
    by_text = {ln.text: ln for ln in exp.lines}
    assert by_text["热点排行"].kind.startswith("sidebar")
    assert "footer" in by_text["版权所有 © 某某网 京ICP备12345678号"].kind
    assert by_text["（责任编辑：王五）"].kind == "terminator"
    assert by_text[PROSE].kept
    assert exp.candidates and exp.candidates[0].score >= exp.candidates[-1].score
    report = exp.to_text()
    assert "chosen:" in report and "[sidebar" in report
    assert json.loads(exp.to_json())["chosen"] == exp.chosen


def test_empty_input_gives_empty_article_with_reason() -> None:
    for raw in (b"", b"   \n ", ""):
        art = cleanser.extract(raw)
        assert art.text == "" and art.reason


def test_list_page_gives_empty_text_and_low_confidence() -> None:
    items = "".join(
        f'<li><a href="/{i}">第{i}条新闻标题内容很长很长</a> 2024-05-01</li>' for i in range(30)
    )
    art = cleanser.extract(f"<html><body><ul>{items}</ul></body></html>")
    assert art.text == "" and art.confidence == 0.0 and art.reason


def test_binary_input_is_a_typed_error() -> None:
    with pytest.raises(cleanser.NotHTMLError):
        cleanser.extract(b"\x89PNG\r\n\x1a\n" + bytes(100))


def test_outside_encoding_hint_outranks_a_wrong_declaration() -> None:
    trad = "臺灣新聞：這是一個測試頁面，我們來看看中國的發展與經濟。" * 4
    raw = f'<html><head><meta charset="gb2312"></head><body><div><p>{trad}</p></div></body></html>'
    data = raw.encode("big5")
    assert trad in cleanser.extract(data, encoding="big5").text
    assert cleanser.extract(data, encoding="big5").encoding == "big5hkscs"


def test_options_body_names_the_article_when_the_choice_is_wrong() -> None:
    comments = "".join(
        f"<div class='comment-item'><p>网友{i}：这篇报道数据翔实，分析到位，希望以后多做这样的解读。</p></div>"
        for i in range(3)
    )
    page = PAGE.replace(
        '<div class="footer">', f"<div class='comment-list'>{comments}</div><div class=\"footer\">"
    ).encode("gb18030")
    default = cleanser.extract(page)
    assert "网友0" not in default.text
    # The user wants the comments: naming their container overrides the choice and
    # its comment cue.
    named = cleanser.extract(page, options=Options(body=".comment-list"))
    assert [line[:3] for line in named.text.splitlines()] == ["网友0", "网友1", "网友2"]
    why = cleanser.explain(page, options=Options(body=".comment-list"))
    assert why.chosen is not None and why.chosen.endswith("(named by Options.body)")
    # A selector that matches nothing leaves the scored choice alone.
    assert cleanser.extract(page, options=Options(body="#no-such-id")).text == default.text


def test_options_drop_removes_a_leaking_widget() -> None:
    promo = "本文由某某品牌赞助播出，欢迎选购春季新品，全场八折优惠，详情请咨询门店。"
    page = PAGE.replace(
        "<p>（责任编辑：王五）</p>",
        f"<div class='card-x'>{promo}</div><p>（责任编辑：王五）</p>",
    )
    leaky = cleanser.extract(page.encode("gb18030"))
    assert promo in leaky.text
    fixed = cleanser.extract(page.encode("gb18030"), options=Options(drop=".card-x"))
    assert promo not in fixed.text and PROSE in fixed.text
    assert Options(drop=".a").drop == (".a",)


@pytest.mark.parametrize("bad", ["", "div::before", "p ~ q", "div >", "//div["])
def test_options_reject_a_selector_that_does_not_compile(bad: str) -> None:
    with pytest.raises(ValueError):
        Options(body=bad)
    with pytest.raises(ValueError):
        Options(drop=("p", bad))


def test_list_page_has_no_article_fields() -> None:
    """A list page's first headline time and its pager are not an article's."""
    from pathlib import Path

    page = Path(__file__).resolve().parent.parent / "samples" / "list-channel-40-headlines"
    art = cleanser.extract((page / "page.html").read_bytes())
    assert art.reason and not art.text
    assert art.title  # the page still has a title
    assert (art.published, art.published_raw, art.next_page_url) == (None, None, None)
    assert art.author == () and art.source is None and art.editor is None
