"""The metadata scoring command: name sets, days, per-field verdicts, the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanser.article import Article
from cleanser.evaluate.corpus import Page
from cleanser.learn import metaeval

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("王建宏 张文攀", {"王建宏", "张文攀"}),
        ("赵延东、风笑天", {"赵延东", "风笑天"}),
        ("伊琳  李清芬", {"伊琳", "李清芬"}),
        ("周思博 (Joel Spolsky)", {"周思博"}),
        ("Joel Spolsky", {"joelspolsky"}),
        ("放飞&心情", {"放飞&心情"}),
        (["孟凡", "许佳宁"], {"孟凡", "许佳宁"}),
        ("", set()),
    ],
)
def test_names_are_a_set(value: object, want: set[str]) -> None:
    assert metaeval.names(value) == want


def test_days_and_minutes() -> None:
    assert metaeval.day_of("2005-5-7 21:23:57") == (2005, 5, 7)
    assert metaeval.day_of("2013年11月27日 04:09") == (2013, 11, 27)
    assert metaeval.day_of("March 7, 2009") == (2009, 3, 7)
    assert metaeval.day_of("2018") is None  # a year alone names no day
    assert metaeval.minute_of("2025-03-05T10:22:36+08:00") == (2025, 3, 5, 10, 22)
    assert metaeval.minute_of("2022-02-13") is None


def _page(**gold: object) -> Page:
    return Page(source="samples", id="x", path=Path("x.html"), gold="", gold_meta=dict(gold))


def test_author_needs_the_same_set_of_names() -> None:
    page = _page(title="标题", author=["王五", "赵六"])
    both = metaeval.score_article(page, Article(title="标题", author=("赵六", "王五")))
    one = metaeval.score_article(page, Article(title="标题", author=("王五",)))
    assert both.ok["author"] and both.ok["any author"]
    assert not one.ok["author"] and one.ok["any author"]


def test_explicit_none_counts_what_was_invented() -> None:
    page = _page(title="标题", author=[], published=None, editor=None)
    got = metaeval.score_article(
        page, Article(title="标题 ", author=("新华网",), published="2025-01-02")
    )
    assert got.ok == {"title": True, "title, site suffix aside": True}
    assert got.spurious == {"date (day)": True, "author": True, "editor": False}


def test_date_day_ignores_the_time_and_zone() -> None:
    page = _page(date="2022-02-13 07:48")
    right = metaeval.score_article(page, Article(published="2022-02-13T07:48:00+08:00"))
    wrong = metaeval.score_article(page, Article(published="2022-02-14T07:48:00+08:00"))
    assert right.ok["date (day)"] and right.ok["date (minute)"]
    assert not wrong.ok["date (day)"]


# Samples written with their metadata long before this command (new ones may be in progress).
ARTICLE_SAMPLES = (
    "wangfan-163-tech-article",
    "xinlan-sina-finance",
    "zhongyuan-people-rwb-gbk",
    "zhongxun-xinhuanet-jiucuo",
    "big5-taiwan-typhoon",
    "big5-taiwan-bakery",
    "paginated-next-page",
    "trap-disclaimer-health",
)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="samples/ is not in this checkout")
def test_samples_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert metaeval.main([str(SAMPLES), "--misses"]) == 0
    out = capsys.readouterr().out
    rows = {line.split(" | ")[0].strip("| "): line.split("|") for line in out.splitlines()}
    for name in metaeval.FIELDS:
        pages, right = int(rows[name][2]), int(rows[name][3])
        assert 0 <= right <= pages
    assert int(rows["title"][2]) >= 30  # every sample's gold has a title


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="samples/ is not in this checkout")
def test_article_samples_read_every_field() -> None:
    from cleanser.evaluate.corpus import load

    pages = [p for p in load(SAMPLES) if p.id in ARTICLE_SAMPLES]
    assert len(pages) == len(ARTICLE_SAMPLES)
    scores = metaeval.score_pages(pages)
    for name, n, right, *_rest in metaeval.summary_rows(scores):
        assert right == n, (name, metaeval.misses(scores))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_corpus_scores_are_per_site() -> None:
    from cleanser.evaluate.corpus import load

    pages = [p for p in load(CORPUS) if p.source == "chinese_wced"][:15]
    scores = metaeval.score_pages(pages)
    assert scores and all(s.site for s in scores)
    rows = {r[0]: r for r in metaeval.summary_rows(scores)}
    assert rows["date (day)"][1] > 0 and rows["date (day)"][4] <= rows["date (day)"][1]


def test_title_with_site_suffix_aside() -> None:
    from cleanser.learn.metaeval import _same_title_aside_suffix as same

    assert same("蔡健雅", "蔡健雅_百度百科") is True
    assert same("新竹尖石_美樹營地賞楓 (2)", "新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家") is True
    assert same("蔡健雅", "蔡健雅") is True
    assert same("蔡健", "蔡健雅_百度百科") is False  # a cut title is not a suffix away
    assert same("山城阿鹿", "山城阿鹿的微博") is False
    assert same(None, "蔡健雅_百度百科") is False
    assert same("蔡健雅", None) is None
