"""Page kinds: repeated records, the kind evidence, the fitted model, posts and links."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

import cleanser
from cleanser.body.dom import prepare
from cleanser.body.features import extract_features
from cleanser.body.kinds import EVIDENCE, KINDS, measure
from cleanser.body.records import find_groups
from cleanser.learn.kindfit import confusion, fit_kinds, label_of, predict

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FORUM_URL = "https://bbs.example.cn/thread-1024-1-1.html"


def _features(markup: str):  # type: ignore[no-untyped-def]
    root = html.fromstring(markup)
    prepare(root)
    return extract_features(root)


def _thread(n: int, cls: str = "post") -> str:
    posts = "".join(
        f'<div class="{cls}" id="post_{i}">'
        f'<div class="author"><a href="/u/{1000 + i}">用户{i}号</a></div>'
        f"<span>2025-05-{i % 28 + 1:02d} 12:{i % 60:02d}</span>"
        f'<div class="content">这是第{i}个回复的正文，讲了一件和主题有关的事情，'
        f"也说明了自己的看法和经过。</div>"
        f"<span>{i + 1}楼</span></div>"
        for i in range(n)
    )
    return (
        "<html><head><title>自驾川西小环线七日记录 - 驴友论坛</title></head><body>"
        '<div class="nav"><a href="/">首页</a><a href="/f">版块</a></div>'
        f"<h1>自驾川西小环线七日记录</h1><div id='postlist'>{posts}</div>"
        '<div class="footer">版权所有 京ICP备12345678号</div></body></html>'
    )


def _list_page(n: int) -> str:
    items = "".join(
        f'<li><a href="/news/2025/06{i:02d}/{i}.html">第{i}条新闻标题写在这里，比较长一些</a>'
        f"<span>2025-06-{i % 28 + 1:02d}</span></li>"
        for i in range(n)
    )
    return (
        "<html><head><title>通知公告</title></head><body>"
        f'<ul class="list">{items}</ul><div class="pager"><a href="?page=2">下一页</a></div>'
        "</body></html>"
    )


def test_posts_with_authors_and_times_form_one_signed_group() -> None:
    f = _features(_thread(5))
    groups = [g for g in find_groups(f) if g.size == 5]
    assert groups, "the five posts are siblings of one shape"
    g = max(groups, key=lambda g: g.tokens)
    assert g.authored == 1.0 and g.timed == 1.0
    assert g.link_share < 0.3


def test_numbered_ids_share_a_shape_but_other_tags_do_not() -> None:
    f = _features(
        "<html><body><div>"
        '<div id="post_1">一段文字内容。</div><div id="post_22">另一段文字内容。</div>'
        "<p>不同标签的一行。</p></div></body></html>"
    )
    sizes = sorted(g.size for g in find_groups(f))
    assert 2 in sizes and 3 not in sizes


def test_list_evidence_differs_from_thread_evidence() -> None:
    thread = measure(_features(_thread(6)), FORUM_URL, "自驾川西", True)
    listing = measure(_features(_list_page(20)), None, "通知公告", False)
    t = dict(zip(EVIDENCE, thread.values, strict=False))
    lst = dict(zip(EVIDENCE, listing.values, strict=False))
    assert thread.posts is not None and thread.posts.size == 6
    assert listing.items is not None and listing.items.size == 20
    assert t["posts_signed"] == 1.0 and lst["posts_signed"] == 0.0
    assert lst["items_share"] > 0.8 > t["items_share"]
    assert lst["link_share"] > t["link_share"]


def test_error_phrase_in_title_is_evidence() -> None:
    page = measure(
        _features("<html><body><h1>404 页面不存在</h1></body></html>"), None, None, False
    )
    assert dict(zip(EVIDENCE, page.values, strict=False))["error_title"] == 1.0


def test_fit_separates_kinds_it_is_shown() -> None:
    def row(**on: float) -> list[float]:
        return [1.0 if n == "bias" else on.get(n, 0.0) for n in EVIDENCE]

    rows = [row(posts_signed=1.0, forum_url=1.0)] * 6 + [row(items_share=0.9, no_article=1.0)] * 6
    rows += [row(prose_share=0.8, prose_amount=1.0, dated=1.0)] * 12
    labels = ["thread"] * 6 + ["list"] * 6 + ["article"] * 12
    weights = fit_kinds(rows, labels)
    assert [predict(weights, r) for r in rows] == labels
    assert predict(weights, row(posts_signed=0.9, forum_url=1.0)) == "thread"
    # A kind with no training page is never predicted.
    assert all(p["feed"] < 1e-6 for p in (weights.probabilities(r) for r in rows))


def test_confusion_table_counts_rows() -> None:
    table = confusion(["article", "article", "list"], ["article", "list", "list"])
    assert "| article | 1 | 1 | 0.50 |" in table
    assert "| list | 0 | 1 | 1.00 |" in table


def test_label_of_reads_gold_kind_then_page_type() -> None:
    from cleanser.evaluate.corpus import Page

    p = Path("x.html")
    assert label_of(Page("s", "a", p, "正文", gold_meta={"kind": "feed"})) == "feed"
    assert label_of(Page("s", "b", p, "正文", page_type="forum")) == "thread"
    assert label_of(Page("s", "c", p, "")) == "list"
    assert label_of(Page("s", "d", p, "正文")) == "article"
    assert label_of(Page("s", "e", p, None)) is None


def test_every_kind_has_a_name() -> None:
    assert set(KINDS) == {"article", "thread", "list", "feed", "error"}


@settings(max_examples=15, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=12),
    cls=st.sampled_from(["post", "comment", "reply", "like", "comment-item reply-item", "floor"]),
)
def test_a_thread_of_n_posts_yields_n_posts_in_order(n: int, cls: str) -> None:
    art = cleanser.extract(_thread(n, cls).encode("utf-8"), url=FORUM_URL)
    assert art.kind == "thread"
    assert len(art.posts) == n
    for i, post in enumerate(art.posts):
        assert f"这是第{i}个回复的正文" in post.text
        assert post.author == f"用户{i}号"
        assert post.floor == i + 1
        assert post.published is not None and post.published.startswith(f"2025-05-{i % 28 + 1:02d}")


def test_quoted_reply_is_marked_not_duplicated() -> None:
    page = _thread(3).replace(
        '<div class="content">这是第2个回复',
        '<div class="content"><blockquote>引用：这是第1个回复的正文</blockquote>这是第2个回复',
    )
    art = cleanser.extract(page.encode("utf-8"), url=FORUM_URL)
    assert len(art.posts) == 3
    assert art.posts[2].quoted is not None and "引用" in art.posts[2].quoted
    assert "引用" not in art.posts[2].text


def test_list_page_gives_its_item_links_absolute_and_dated() -> None:
    art = cleanser.extract(_list_page(25).encode("utf-8"), url="https://www.example.gov.cn/tzgg/")
    assert art.kind == "list"
    assert art.text == ""
    assert len(art.links) == 25
    assert art.links[0].url == "https://www.example.gov.cn/news/2025/0600/0.html"
    assert art.links[3].published == "2025-06-04"
    assert all("下一页" not in link.title for link in art.links)


def test_article_has_no_posts_or_links() -> None:
    art = cleanser.extract((SAMPLES / "wangfan-163-tech-article" / "page.html").read_bytes())
    assert art.kind == "article"
    assert art.posts == () and art.links == ()


def test_explain_shows_the_kind_and_its_evidence() -> None:
    exp = cleanser.explain(_list_page(20).encode("utf-8"))
    assert exp.kind == "list"
    assert set(exp.kind_evidence) == set(EVIDENCE)
    assert abs(sum(exp.kind_probabilities.values()) - 1.0) < 0.01  # rounded to 3 places
    assert "kind: list" in exp.to_text()


def test_cli_links_prints_one_tab_separated_link_per_line(tmp_path: Path) -> None:
    page = tmp_path / "list.html"
    page.write_bytes(_list_page(12).encode("utf-8"))
    out = subprocess.run(
        [sys.executable, "-m", "cleanser", "extract", "--links", str(page), "--url",
         "https://www.example.gov.cn/tzgg/"],
        capture_output=True, check=True,
    ).stdout.decode("utf-8").splitlines()  # fmt: skip
    assert len(out) == 12
    url, title, date = out[0].split("\t")
    assert url.startswith("https://www.example.gov.cn/news/") and "新闻标题" in title
    assert date == "2025-06-01"


def _kind_samples() -> list[tuple[str, dict[str, object], bytes]]:
    import json

    if not SAMPLES.is_dir():
        return []
    out = []
    for d in sorted(SAMPLES.iterdir()):
        if (d / "expected.json").is_file():
            exp = json.loads((d / "expected.json").read_text(encoding="utf-8"))
            if "kind" in exp:
                out.append((d.name, exp, (d / "page.html").read_bytes()))
    return out


KIND_SAMPLES = _kind_samples()
# Post counts cleanser does not reach yet, strict: a fix fails here until taken off.
POST_COUNT_SHORTFALLS = {
    "tieba-thread-utf8": "楼中楼 replies are not read as posts of their own",
    "feed-weibo-like": "an ad card with a time and a user link is read as a post",
    "feed-timeline-gb18030": "judged an article (see KIND_SHORTFALLS), so no posts",
}
# Samples whose kind cleanser misjudges, strict like the lists above.
KIND_SHORTFALLS = {
    "feed-timeline-gb18030": "its post cards' weak 'like' verdicts now yield to their prose, "
    "so the posts are kept as one article; with 3 feed pages to learn from, the kind "
    "model weighs a kept body as an article",
}
# Share of the thread samples' posts whose author (and floor) cleanser reads as the
# gold does (measured 2026-12-03 on 9 thread/feed samples: authors 34/61, floors 44/61).
MIN_POST_AUTHOR_SHARE = 0.55
MIN_POST_FLOOR_SHARE = 0.7


def test_samples_carry_every_kind() -> None:
    assert {str(exp["kind"]) for _, exp, _ in KIND_SAMPLES} >= {"article", "thread", "list"}


def test_every_sample_is_judged_its_kind() -> None:
    wrong = [
        (name, exp["kind"], cleanser.extract(raw, url=exp.get("url")).kind)  # type: ignore[arg-type]
        for name, exp, raw in KIND_SAMPLES
    ]
    misjudged = {w[0] for w in wrong if w[1] != w[2]}
    assert misjudged == set(KIND_SHORTFALLS), [w for w in wrong if w[1] != w[2]]


def test_list_samples_give_their_links_in_order() -> None:
    checked = 0
    for _name, exp, raw in KIND_SAMPLES:
        if "links" not in exp:
            continue
        art = cleanser.extract(raw, url=exp.get("url"))  # type: ignore[arg-type]
        got = [{"title": x.title, "url": x.url, "published": x.published} for x in art.links]
        assert got == exp["links"]
        assert art.text == ""
        checked += 1
    assert checked >= 4


def test_thread_samples_give_their_posts() -> None:
    authors = floors = total = 0
    for name, exp, raw in KIND_SAMPLES:
        if "posts" not in exp:
            continue
        want: list[dict[str, object]] = exp["posts"]  # type: ignore[assignment]
        posts = cleanser.extract(raw, url=exp.get("url")).posts  # type: ignore[arg-type]
        assert (len(posts) == len(want)) != (name in POST_COUNT_SHORTFALLS), name
        for w, p in zip(want, posts, strict=False):
            authors += w["author"] == p.author
            floors += w["floor"] == p.floor
        total += len(want)
    assert total >= 40
    assert authors / total >= MIN_POST_AUTHOR_SHARE
    assert floors / total >= MIN_POST_FLOOR_SHARE


def test_only_a_short_page_is_emptied_as_an_error_page() -> None:
    """A kind model that calls every page an error page still cannot empty an article:
    an error page is short by nature (its apology), an article of many lines is not."""
    from cleanser.article import Article
    from cleanser.body.kinds import EVIDENCE as KIND_EVIDENCE
    from cleanser.body.kinds import KINDS as ALL_KINDS
    from cleanser.body.kinds import KindWeights
    from cleanser.core import assemble, stage
    from cleanser.options import Options

    always_error = KindWeights(
        {
            k: (10.0 if k == "error" else -10.0,) + (0.0,) * (len(KIND_EVIDENCE) - 1)
            for k in ALL_KINDS
        }
    )
    prose = (
        "国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，城乡差距继续缩小。"
    )
    long_page = f"<html><body><h1>收入数据发布</h1><div>{f'<p>{prose}</p>' * 9}</div></body></html>"
    short_page = "<html><body><h1>提示</h1><div><p>对不起，您访问的页面不存在或已被删除，请返回首页继续浏览。</p></div></body></html>"
    for page, emptied in ((long_page, False), (short_page, True)):
        staged = stage(page, None, Options())
        assert not isinstance(staged, Article)
        article = assemble(staged, Options(), kinds=always_error)[0]
        assert article.kind == "error"
        assert (article.text == "") is emptied, page[:40]


def _striped_table(rows: int) -> str:
    """A 信息公开-style table: a header row, then rows with every second one classed."""
    striped = ' class="even"'
    cells = "".join(
        "<tr" + (striped if i % 2 else "") + f"><td>{i}</td>"
        f'<td><a href="/art/2025/6/{i + 1}/art_{i}.html">关于开展第{i}批专项检查工作的通知</a></td>'
        f"<td>2025-06-{i + 1:02d}</td></tr>"
        for i in range(rows)
    )
    return f"<table><tr><th>序号</th><th>名称</th><th>发布日期</th></tr>{cells}</table>"


def test_list_items_take_striped_and_pinned_rows() -> None:
    from cleanser.body.records import widen

    f = _features(f"<html><body>{_striped_table(12)}</body></html>")
    groups = [g for g in find_groups(f) if f.nodes[g.members[0]].el.tag == "tr"]
    # The shapes split the rows: six striped ones, six plain ones with the header row.
    # Widening the striped group gives all twelve rows, not the header (no link).
    assert sorted(g.size for g in groups) == [6, 7]
    striped = next(g for g in groups if g.size == 6)
    wide = widen(f, striped)
    assert wide.size == 12
    assert all(f.nodes[m].el.find(".//th") is None for m in wide.members)


def test_list_links_from_striped_rows_in_page_order() -> None:
    page = f"<html><head><title>政策文件</title></head><body>{_striped_table(14)}</body></html>"
    art = cleanser.extract(page.encode(), url="https://www.example.gov.cn/col/index.html")
    assert art.kind == "list"
    assert [x.url.rsplit("_", 1)[-1] for x in art.links] == [f"{i}.html" for i in range(14)]
    assert art.links[3].published == "2025-06-04"


def test_list_link_is_the_headline_not_a_longer_time_link() -> None:
    items = "".join(
        f'<li><a href="/t/{i}.html">城中村的黄昏{i}</a> <a href="/t/{i}.html#last">昨天 19:30:{i:02d}</a>'
        f"<span>2025-06-{i + 1:02d}</span></li>"
        for i in range(12)
    )
    art = cleanser.extract(
        f"<html><body><ul>{items}</ul></body></html>".encode(), url="https://bbs.example.cn/f/1"
    )
    assert art.kind == "list"
    assert [x.title for x in art.links][:2] == ["城中村的黄昏0", "城中村的黄昏1"]


def test_lists_and_error_pages_have_their_own_emptying_thresholds() -> None:
    """A page judged a list, or an error page, with p = 0.4 (the most probable kind):
    ``kind_empty_prob`` decides for the list, ``error_empty_prob`` for the error page."""
    import math

    from cleanser.article import Article
    from cleanser.body.kinds import EVIDENCE as KIND_EVIDENCE
    from cleanser.body.kinds import KINDS as ALL_KINDS
    from cleanser.body.kinds import KindWeights
    from cleanser.body.model import Params
    from cleanser.core import assemble, stage
    from cleanser.options import Options

    def judged(top: str) -> KindWeights:
        share = {k: 0.4 if k == top else 0.15 for k in ALL_KINDS}
        return KindWeights(
            {k: (math.log(share[k]),) + (0.0,) * (len(KIND_EVIDENCE) - 1) for k in ALL_KINDS}
        )

    prose = "今年前三季度，全市居民人均可支配收入稳步增长，城乡收入差距继续缩小，消费市场回暖。"
    page = f"<html><body><h1>收入数据发布</h1><div><p>{prose}</p><p>{prose}</p></div></body></html>"
    staged = stage(page, None, Options())
    assert not isinstance(staged, Article)
    for kind, name in (("list", "kind_empty_prob"), ("error", "error_empty_prob")):
        for threshold, emptied in ((0.0, True), (0.5, False)):
            params = replace(Params(), **{name: threshold})
            article = assemble(staged, Options(), params, judged(kind))[0]
            assert article.kind == kind
            assert round(max(judged(kind).probabilities([1.0] + [0.0] * 17).values()), 2) == 0.4
            assert (article.text == "") is emptied, (kind, threshold)


_HEADLINES = (
    "关于做好防汛工作的通知",
    "市场监管部门开展专项检查",
    "新一批惠企政策发布实施",
    "城区公交线路优化调整公告",
)


@settings(max_examples=20, deadline=None)
@given(
    n=st.integers(min_value=12, max_value=40),
    mark=st.sampled_from(["even", "odd", "alt", "bg2", "on", "stick top"]),
    every=st.integers(min_value=2, max_value=4),
    table=st.booleans(),
)
def test_a_list_of_n_items_yields_n_links_in_order(
    n: int, mark: str, every: int, table: bool
) -> None:
    """Whatever class marks some of its items apart (stripes, pinned items), a list page
    gives every item's headline link, in order, and not its navigation or pager."""
    rows = []
    for i in range(n):
        cls = f' class="{mark}"' if i % every == 0 else ""
        title = f"{_HEADLINES[i % len(_HEADLINES)]}（第{i}号）"
        link = f'<a href="/news/2025/06/{i}.html">{title}</a>'
        date = f"2025-06-{i % 28 + 1:02d}"
        rows.append(
            f"<tr{cls}><td>{i + 1}</td><td>{link}</td><td>{date}</td></tr>"
            if table
            else f"<li{cls}>{link}<span>{date}</span></li>"
        )
    items = f"<table>{''.join(rows)}</table>" if table else f"<ul>{''.join(rows)}</ul>"
    nav = "".join(f'<a href="/c/{k}/">栏目{k}</a>' for k in range(8))
    pager = '<div><a href="?page=1">首页</a><a href="?page=2">下一页</a><a href="?page=9">尾页</a></div>'
    page = (
        f"<html><head><title>通知公告</title></head><body><div>{nav}</div>"
        f"<div><h2>通知公告</h2>{items}{pager}</div><p>版权所有 示例市人民政府</p></body></html>"
    )
    art = cleanser.extract(page.encode(), url="https://www.example.gov.cn/tzgg/index.html")
    assert art.kind == "list"
    assert art.text == ""
    assert [x.url for x in art.links] == [
        f"https://www.example.gov.cn/news/2025/06/{i}.html" for i in range(n)
    ]
    assert all(x.published == f"2025-06-{i % 28 + 1:02d}" for i, x in enumerate(art.links))
