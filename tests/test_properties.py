"""Hypothesis properties of ``extract`` over generated pages, strings and bytes.

- Nothing but ``cleanser.errors`` escapes (and never ``InternalError``, which wraps a bug).
- Every page finishes within the per-example deadline.
- The output text comes from the page: every output line (every cell of a table
  row) is a substring of the page's visible text, both whitespace-collapsed.
- ``extract(article.html).text == article.text`` on pages that give text.
- A sidebar block under a boilerplate heading, inserted next to the article,
  never adds its text to the output.
"""

from __future__ import annotations

import codecs
import html as html_lib
import os
import re
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

import cleanser
from cleanser.errors import CleanserError, InternalError

# Generous: a page here is a few KB and takes milliseconds; the bound catches hangs
# and blow-ups, not a busy CI machine.
DEADLINE = timedelta(seconds=3)
# Examples per property; raise it for a long local hunt (CLEANSER_EXAMPLES=5000).
EXAMPLES = int(os.environ.get("CLEANSER_EXAMPLES", "120"))
FAST = settings(
    max_examples=EXAMPLES, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow]
)

# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------

HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
CN_PUNCT = "，。、；：？！“”（）《》"
ASCII_WORDS = ("CBA", "GDP", "iPhone", "2024", "5G", "AI", "NBA", "COVID", "x86", "url")

cn_clause = st.text(alphabet=HANZI, min_size=2, max_size=16)
phrase = st.one_of(cn_clause, st.sampled_from(ASCII_WORDS))


@st.composite
def sentence(draw: st.DrawFn) -> str:
    parts = draw(st.lists(phrase, min_size=1, max_size=6))
    seps = draw(st.lists(st.sampled_from(CN_PUNCT + " "), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


prose = st.lists(sentence(), min_size=1, max_size=5).map("".join)

CLASS_TOKENS = (
    "nav",
    "footer",
    "rdtj",
    "xgyd",
    "cnxh",
    "sidebar",
    "share",
    "comment",
    "ad",
    "content",
    "article",
    "main",
    "post",
    "left",
    "right",
    "box",
    "list",
    "hd",
    "bd",
    "clearfix",
    "wrap",
)
BOILERPLATE_HEADINGS = (
    "猜你喜欢",
    "相关阅读",
    "热点内容",
    "精彩推荐",
    "文章排行",
    "热门关注",
    "延伸阅读",
)
BLOCK_TAGS = ("div", "p", "section", "article", "aside", "nav", "footer", "ul", "table", "h2", "h3")
INLINE_TAGS = ("span", "a", "b", "em", "strong", "font", "i")


@st.composite
def attrs(draw: st.DrawFn) -> str:
    out = []
    if draw(st.booleans()):
        tokens = draw(st.lists(st.sampled_from(CLASS_TOKENS), min_size=1, max_size=3))
        out.append(f'class="{" ".join(tokens)}"')
    if draw(st.integers(0, 5)) == 0:
        out.append(f'id="{draw(st.sampled_from(CLASS_TOKENS))}"')
    if draw(st.integers(0, 6)) == 0:
        url = draw(
            st.sampled_from(["/a.html", "http://x.cn/1", "javascript:void(0)", "#", "data:,x"])
        )
        out.append(f'href="{url}"')
    return (" " + " ".join(out)) if out else ""


def esc(text: str) -> str:
    return html_lib.escape(text, quote=False)


def boilerplate_block(heading: str, items: list[str]) -> str:
    lis = "".join(f'<li><a href="/r/{i}.html">{esc(t)}</a></li>' for i, t in enumerate(items))
    return f"<div><h3>{heading}</h3><ul>{lis}</ul></div>"


@st.composite
def element(draw: st.DrawFn, depth: int = 0, anonymous: bool = True) -> str:
    """One element (or a text run), with random nesting and, sometimes, broken markup.

    ``anonymous=False``: no text or inline element directly beside block elements
    (see ``test_known_limitation_anonymous_text_run``).
    """
    kind = draw(st.integers(0, 9 if depth < 5 else 3))
    if kind <= 1:
        text = esc(draw(prose))
        return text if anonymous else f"<div>{text}</div>"
    if kind == 2:
        return f"<p{draw(attrs())}>{esc(draw(prose))}</p>"
    if kind == 3:
        tag = draw(st.sampled_from(INLINE_TAGS))
        inline = f"<{tag}{draw(attrs())}>{esc(draw(phrase))}</{tag}>"
        return inline if anonymous else f"<p>{inline}</p>"
    if kind == 4:
        heading = draw(st.sampled_from(BOILERPLATE_HEADINGS))
        return boilerplate_block(heading, draw(st.lists(sentence(), min_size=1, max_size=5)))
    if kind == 5 and anonymous:
        return draw(
            st.sampled_from(
                [
                    "<br>",
                    "</div>",
                    "</p>",
                    "<p>",
                    "</html>",
                    "<li>",
                    "<a>",
                    "<img src='/i.jpg'>",
                    "<script>var a='<div>';</script>",
                    "<style>p{color:red}</style>",
                    "<!-- c -->",
                    "<td>",
                    "</table>",
                    "&nbsp;",
                    "<hr>",
                ]
            )
        )
    if kind == 5:
        return draw(st.sampled_from(["<hr>", "<img src='/i.jpg'>", "<!-- c -->", "<p>"]))
    if kind == 6:
        rows = draw(st.lists(st.lists(phrase, min_size=1, max_size=3), min_size=1, max_size=4))
        body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table>{body}</table>"
    tag = draw(st.sampled_from(BLOCK_TAGS))
    children = draw(st.lists(element(depth + 1, anonymous), min_size=1, max_size=4))
    inner = "".join(f"<li>{c}</li>" for c in children) if tag == "ul" else "".join(children)
    close = "" if draw(st.integers(0, 7)) == 0 else f"</{tag}>"  # sometimes left open
    return f"<{tag}{draw(attrs())}>{inner}{close}"


@st.composite
def pages(draw: st.DrawFn) -> str:
    title = draw(cn_clause)
    body = "".join(draw(st.lists(element(), min_size=1, max_size=6)))
    return (
        f"<html><head><meta charset='utf-8'><title>{esc(title)}</title></head>"
        f"<body>{body}</body></html>"
    )


@st.composite
def article_block(draw: st.DrawFn) -> str:
    """One block of an article body: mostly paragraphs, sometimes richer markup."""
    kind = draw(st.integers(0, 11))
    para = draw(st.lists(sentence(), min_size=2, max_size=5).map("".join))
    if kind <= 4:
        return f"<p>{esc(para)}</p>"
    if kind == 5:
        word = draw(phrase)
        href = draw(st.sampled_from(["http://x.cn/1.html", "/a/2.html", "javascript:;", "#top"]))
        return f'<p>{esc(para)}<a href="{href}">{esc(word)}</a>{esc(draw(sentence()))}</p>'
    if kind == 6:
        return f"<h3>{esc(draw(cn_clause))}</h3>"
    if kind == 7:
        items = draw(st.lists(sentence(), min_size=1, max_size=4))
        return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"
    if kind == 8:
        rows = draw(st.lists(st.lists(cn_clause, min_size=2, max_size=3), min_size=1, max_size=3))
        cells = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table>{cells}</table>"
    if kind == 9:
        return (
            f'<p><img src="/img/{draw(st.integers(0, 99))}.jpg"></p><p>{esc(draw(sentence()))}</p>'
        )
    if kind == 10:
        return f"<blockquote>{esc(para)}</blockquote>"
    return f"<p>{esc(para)}<br>{esc(draw(sentence()))}<strong>{esc(draw(phrase))}</strong></p>"


@st.composite
def article_pages(draw: st.DrawFn, anonymous: bool = True) -> tuple[str, str, str]:
    """``(before, article, after)``: a page with a real article and random furniture."""
    blocks = draw(st.lists(article_block(), min_size=3, max_size=8))
    article = "<div class='article'>" + "".join(blocks) + "</div>"
    before = "".join(draw(st.lists(element(2, anonymous), max_size=3)))
    after = "".join(draw(st.lists(element(2, anonymous), max_size=3)))
    return before, article, after


def wrap(*parts: str) -> str:
    return "<html><head><title>新闻</title></head><body>" + "".join(parts) + "</body></html>"


ENCODINGS = ("utf-8", "gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be")

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

_WS = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
_EARLY_CLOSE = re.compile(r"</\s*(?:html|body)\s*>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def visible_text(page: str) -> str:
    """The page's visible text: lxml's ``text_content`` with scripts and styles
    removed, whitespace collapsed. ``</html>``/``</body>`` before the end are
    dropped first: browsers ignore them and keep reading, and so does cleanser."""
    root = lxml_html.document_fromstring(_CONTROL.sub("", _EARLY_CLOSE.sub("", page)))
    etree.strip_elements(root, "script", "style", etree.Comment, with_tail=False)
    return collapse(root.text_content())


def safe_extract(data: bytes | str, **kwargs: object) -> cleanser.Article | None:
    """``extract``, letting through only the errors cleanser documents."""
    try:
        return cleanser.extract(data, **kwargs)  # type: ignore[arg-type]
    except InternalError:
        raise
    except Exception as exc:
        assert isinstance(exc, CleanserError), f"{type(exc).__name__}: {exc}"
        return None


def assert_drawn_from(text: str, page: str) -> None:
    visible = visible_text(page)
    # Without whitespace too: a block boundary can sit where the source has none.
    visible_tight = visible.replace(" ", "")
    for line in text.split("\n"):
        for cell in line.split("\t"):
            cell = collapse(cell)
            if cell and cell not in visible:
                assert cell.replace(" ", "") in visible_tight, (cell, visible[:500])


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------


@FAST
@given(pages())
def test_generated_pages_raise_nothing_and_output_comes_from_the_page(page: str) -> None:
    article = safe_extract(page)
    assert article is not None  # text input is never rejected
    if article.text:
        assert_drawn_from(article.text, page)
    else:
        assert article.reason


@FAST
@given(pages(), st.sampled_from(ENCODINGS))
def test_generated_pages_in_any_encoding(page: str, encoding: str) -> None:
    data = page.replace("charset='utf-8'", f"charset='{encoding}'").encode(encoding, "replace")
    article = safe_extract(data)
    assert article is not None  # encoded markup is never taken for binary
    same_codec = article.encoding and codecs.lookup(article.encoding).name.startswith(
        codecs.lookup(encoding).name[:5]
    )
    if article.text and same_codec:
        assert_drawn_from(article.text, data.decode(encoding))


@FAST
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    safe_extract(data)


@FAST
@given(st.text(max_size=2048))
def test_arbitrary_strings(text: str) -> None:
    article = safe_extract(text)
    assert article is not None


@FAST
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/=\"' &;!-?[]abdiv p" + HANZI[:20] + "，。")),
        max_size=1024,
    )
)
def test_markup_soup(text: str) -> None:
    article = safe_extract(text)
    assert article is not None


@FAST
@given(
    st.text(alphabet=HANZI + CN_PUNCT + "<>/ab \n", max_size=2000),
    st.sampled_from(ENCODINGS),
    st.sampled_from(
        [
            "",
            "<meta charset=gbk>",
            "<meta charset=big5>",
            "<meta charset=utf-8>",
            "<?xml version='1.0' encoding='gb2312'?>",
        ]
    ),
)
def test_random_text_in_random_encodings(text: str, encoding: str, decl: str) -> None:
    safe_extract((decl + text).encode(encoding, "replace"))


@FAST
@given(article_pages(anonymous=False))
def test_idempotent_on_its_own_html(parts: tuple[str, str, str]) -> None:
    page = wrap(*parts)
    first = safe_extract(page)
    assert first is not None
    assume(first.text)
    assert_drawn_from(first.text, page)
    # Known limitation: the region is chosen with the weight of lines that cleaning
    # then drops (a summary the first paragraph repeats, a long headline), so
    # without them another region can win. Such pages are not idempotent yet.
    assume(not _pruned_prose(page))
    again = safe_extract(first.html)
    assert again is not None
    assert again.text == first.text


# Removals made after the region was chosen, of lines whose weight the choice
# counted (boilerplate verdicts weigh negative before the choice, so not those).
_PRUNED_AFTER_CHOICE = frozenset(
    ("summary", "title", "terminator", "after-terminator", "meta", "entries", "feed", "forum-label")
)


def _pruned_prose(page: str) -> bool:
    """Whether cleaning dropped a line inside the chosen region that helped choose it."""
    return any(
        not ln.kept and ln.weight > 0 and ln.kind in _PRUNED_AFTER_CHOICE
        for ln in cleanser.explain(page).lines
    )


@FAST
@given(
    article_pages(),
    st.sampled_from(BOILERPLATE_HEADINGS),
    st.integers(1, 8),
    st.sampled_from(["before", "after", "inside-end"]),
)
def test_sidebar_block_never_reaches_the_output(
    parts: tuple[str, str, str], heading: str, n_items: int, where: str
) -> None:
    before, article, after = parts
    items = [f"侧栏标题XQZ{i}号新闻" for i in range(n_items)]
    block = boilerplate_block(heading, items)
    if where == "before":
        page = wrap(before, block, article, after)
    elif where == "after":
        page = wrap(before, article, block, after)
    else:
        page = wrap(before, article[: -len("</div>")] + block + "</div>", after)
    result = safe_extract(page)
    assert result is not None
    assert "XQZ" not in result.text
    assert heading not in result.text.split("\n")


# ---------------------------------------------------------------------------
# Counterexamples Hypothesis found, kept as plain tests
# ---------------------------------------------------------------------------

_P = "北京时间今天上午，国务院新闻办公室举行新闻发布会，介绍了有关情况。"


@pytest.mark.parametrize(
    "body",
    [
        # equal scores: the subtree with more prose wins (selection tie-break)
        "<div class='article'><p>一一，一一一，CBA，</p><h3>一一</h3><h3>一一一一</h3></div>"
        f"<div>{_P}</div>",
        # two lists stay two lists in the html (output); (one sentence more than found,
        # so the lists weigh more than the fitted article threshold)
        "<div class='article'><h3>严化活</h3><ul><li>报道、新闻？已划、2024《iPhone？</li>"
        f"<li>几低口些、却参高天南组战形 三和命、</li><li>{_P}</li></ul><ul><li>NBA“织层，</li></ul></div>",
        # <br> lines of one paragraph stay one paragraph in the html (output)
        f"<div class='article'><p>{_P}<br>iPhone <strong>2024</strong></p><h3>争已公几命</h3></div>",
    ],
)
def test_idempotent_on_found_counterexamples(body: str) -> None:
    first = cleanser.extract(wrap(body))
    assert first.text
    assert cleanser.extract(first.html).text == first.text


@pytest.mark.xfail(
    strict=True,
    reason="known limitation: text directly beside block elements (an anonymous run) "
    "can only be chosen with its container; the html output wraps it in <p>, which "
    "then wins alone (features would need a node per anonymous run)",
)
def test_known_limitation_anonymous_text_run() -> None:
    page = wrap(
        "<div class='article'><p>一一，一一，</p><h3>一一</h3><h3>一一一</h3></div>"
        "一一，一一一一一，一一，一一一一一一一，"
    )
    first = cleanser.extract(page)
    assert first.text
    assert cleanser.extract(first.html).text == first.text
