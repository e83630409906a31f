"""Authors as a list of names: pen names with "&", reporters named in prose, Article.authors."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.body.dom import parse
from cleanser.meta.fields import extract_metadata

PROSE = "这是正文的第一段，讲述了一件发生在城市里的事情，内容足够长，可以当作文章的主体。"
PROSE2 = "这是正文的第二段，继续说明事情的经过和各方的反应，同样是完整的句子。"


def page(
    info: str = "2025-07-14 18:12", *, first: str = PROSE, last: str = PROSE2, head: str = ""
) -> str:
    return (
        "<html><head><meta charset='utf-8'><title>大桥主体结构顺利合龙_某某网</title>"
        f"{head}</head><body><h1>大桥主体结构顺利合龙</h1><div class='info'>{info}</div>"
        f"<div class='content'><p>{first}</p><p>{PROSE2}</p><p>{last}</p></div></body></html>"
    )


def authors(html: str) -> tuple[str, ...]:
    root = parse(html)
    assert root is not None
    return extract_metadata(root, None).author


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("作者：放飞&心情", ("放飞&心情",)),  # one pen name: its parts are not names
        ("作者：放飞＆心情", ("放飞＆心情",)),
        ("作者：宋怡&杨志华", ("宋怡", "杨志华")),  # two people joined by &
        ("作者：宋怡 杨志华", ("宋怡", "杨志华")),
        ("作者：宋怡 & 杨志华", ("宋怡", "杨志华")),
    ],
)
def test_ampersand_joins_a_pen_name_or_separates_people(line: str, want: tuple[str, ...]) -> None:
    assert authors(page(line)) == want


@pytest.mark.parametrize(
    ("content", "want"),
    [
        ("放飞&amp;心情", ("放飞&心情",)),
        ("宋怡&amp;杨志华", ("宋怡", "杨志华")),
        ("Tom &amp; Jerry", ("Tom", "Jerry")),
    ],
)
def test_declared_author_with_ampersand(content: str, want: tuple[str, ...]) -> None:
    assert authors(page(head=f"<meta name='author' content='{content}'>")) == want


@pytest.mark.parametrize(
    ("first", "last", "want"),
    [
        ("本报讯（记者 张三）" + PROSE, PROSE2, ("张三",)),
        ("文/李四", PROSE2, ("李四",)),
        (PROSE, "（本报记者 王五 赵六）", ("王五", "赵六")),
        (PROSE, PROSE2 + "（宋怡 杨志华）", ("宋怡", "杨志华")),
        ("〔記者陳怡君／台北報導〕" + PROSE, PROSE2, ("陳怡君",)),
        ("（中央社記者王宏仁台北15日電）" + PROSE, PROSE2, ("王宏仁",)),
        ("新华社北京7月14日电（记者刘明、张红）" + PROSE, PROSE2, ("刘明", "张红")),
    ],
)
def test_bylines_in_the_first_and_last_paragraph(
    first: str, last: str, want: tuple[str, ...]
) -> None:
    assert authors(page(first=first, last=last)) == want


@pytest.mark.parametrize(
    "sentence",
    [
        "最先刊登此消息的是晚报，采写人为该报记者李青春。这则消息后来被改写。",
        "他告诉本报记者李四，这件事情已经解决，居民可以放心。",
    ],
)
def test_reporter_named_in_a_sentence_is_not_the_author(sentence: str) -> None:
    assert authors(page(first=PROSE, last=PROSE2 + sentence)) == ()


def test_editor_and_outlet_are_not_authors() -> None:
    assert authors(page("2025-07-14 18:12 作者：北京青年报", last="（责任编辑：王小明）")) == ()


def test_article_authors_is_a_list_of_the_author_names() -> None:
    art = cleanser.extract(page("2025-07-14 18:12 作者：宋怡&杨志华"))
    assert art.author == ("宋怡", "杨志华")
    assert art.authors == ["宋怡", "杨志华"]
    art.authors.append("x")  # a fresh list: the frozen article is not changed
    assert art.author == ("宋怡", "杨志华")
    assert "authors" not in art.to_dict()  # JSON keeps its one "author" list


def thread(*posts: tuple[str, str]) -> str:
    """A Discuz-like thread: each post's poster element, then its 发表于 line."""
    body = "".join(
        f"<div class='post'><div class='authi'>{who}</div><div>积分 5</div>"
        f"<div>{label} 发表于 2025-4-12 21:0{i}:47</div><p>{PROSE}</p></div>"
        for i, (who, label) in enumerate(posts)
    )
    return (
        "<html><head><meta charset='utf-8'><title>新手换电瓶心得_论坛</title></head><body>"
        f"<h1>新手换电瓶心得</h1>{body}</body></html>"
    )


def test_thread_starter_is_the_poster_before_the_first_posted_at() -> None:
    # Handles without a common surname: only the element right before the first 发表于 counts.
    assert authors(thread(("阿德骑士", "楼主"), ("小胖机车行", "沙发"))) == ("阿德骑士",)


def test_a_reply_poster_is_never_the_starter() -> None:
    # The starter's handle cannot be read (a placeholder): no later poster stands in,
    # even one named on its own 发表于 line.
    assert authors(thread(("游客", "楼主"), ("小胖机车行", "小胖机车行"))) == ()
