"""Metadata candidates: every value per field with the sources that offered it, ranked by
the fitted choice's probability, the chosen one marked."""

from __future__ import annotations

import json

from cleanser.body.dom import parse
from cleanser.meta.candidates import MetaCandidate, metadata_candidates

PROSE = "这是正文的第一段，讲述了一件发生在城市里的事情，内容足够长，可以当作文章的主体。" * 2


def candidates(head: str, info: str, url: str | None = None) -> list[MetaCandidate]:
    page = (
        "<html><head><meta charset='utf-8'><title>大桥主体结构顺利合龙_某某网</title>"
        f"{head}</head><body><div class='side'><h3>热点排行</h3></div>"
        f"<h1>大桥主体结构顺利合龙</h1><div class='info'>{info}</div>"
        f"<div class='content'><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    )
    root = parse(page)
    assert root is not None
    return list(metadata_candidates(root, url))


def of(cands: list[MetaCandidate], field: str) -> list[MetaCandidate]:
    return [c for c in cands if c.field == field]


def sources(c: MetaCandidate) -> set[str]:
    return set(c.source.split("+"))


def test_title_sources_agree_and_outrank_a_sidebar_heading() -> None:
    cands = of(candidates("<meta property='og:title' content='大桥主体结构顺利合龙'>", ""), "title")
    assert cands[0].value == "大桥主体结构顺利合龙" and cands[0].chosen
    assert [c.chosen for c in cands].count(True) == 1
    assert {"h1", "meta", "title", "cascade"} <= sources(cands[0])
    side = next(c for c in cands if c.value == "热点排行")
    assert not side.chosen and side.score < cands[0].score
    assert all(c.fitted for c in cands) == all(0.0 <= c.score <= 1.0 for c in cands)


def test_modified_time_is_listed_but_ranks_below_the_shown_time() -> None:
    head = (
        "<meta property='article:published_time' content='2025-07-14T18:12:00+08:00'>"
        "<meta property='article:modified_time' content='2025-07-16T09:00:00+08:00'>"
    )
    cands = of(candidates(head, "2025-07-14 18:12 来源：某某日报"), "published")
    best = cands[0]
    assert best.chosen and best.value == "2025-07-14T18:12:00+08:00"
    modified = next(c for c in cands if "meta_modified" in sources(c))
    assert not modified.chosen and modified.score < best.score


def test_author_candidates_from_meta_and_byline() -> None:
    head = "<meta name='author' content='王五'>"
    cands = of(candidates(head, "2025-07-14 18:12 记者 王五 赵六"), "author")
    by_value = {c.value: c for c in cands}
    assert "meta" in sources(by_value["王五"])
    assert "reporter" in sources(by_value["王五、赵六"])
    assert [c.chosen for c in cands].count(True) == 1


def test_url_date_is_a_candidate_and_candidates_serialise() -> None:
    cands = candidates("", "", url="https://news.example.cn/2025-07-14/a.html")
    url = next(c for c in cands if "url" in sources(c))
    assert url.value == "2025-07-14" and url.chosen
    json.dumps([c.__dict__ for c in cands], ensure_ascii=False)


def test_page_without_metadata_has_no_date_or_author_candidates() -> None:
    root = parse("<html><body><p>只有一句话。</p></body></html>")
    assert root is not None
    cands = metadata_candidates(root, None)
    assert not [c for c in cands if c.field in ("published", "author")]


def test_explain_lists_the_metadata_candidates() -> None:
    import cleanser

    page = (
        "<html><head><meta charset='utf-8'><title>大桥主体结构顺利合龙_某某网</title></head>"
        "<body><h1>大桥主体结构顺利合龙</h1><div class='info'>2025-07-14 18:12 作者：王五</div>"
        f"<div class='content'><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    )
    exp = cleanser.explain(page)
    chosen = {c.field: c.value for c in exp.metadata if c.chosen}
    assert chosen["title"] == "大桥主体结构顺利合龙"
    assert chosen["published"] == "2025-07-14T18:12:00+08:00"
    assert chosen["author"] == "王五"
    text = exp.to_text()
    assert "metadata candidates" in text and "* published" in text
    assert exp.to_dict()["metadata"][0]["field"] == "title"
