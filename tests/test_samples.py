"""Every hand-written sample in samples/ against its expected text."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanser
from cleanser.evaluate.charf1 import char_prf
from cleanser.evaluate.corpus import load

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PAGES = load(SAMPLES) if SAMPLES.is_dir() else []
# Every sample must reach this char-level F1 against its expected.txt.
MIN_F1 = 0.95
# ... and many must match line for line (measured: 19 of 35 on 2026-11-26; the
# issue asks for "most", which is not reached yet).
MIN_EXACT_SHARE = 0.5
# Samples cleanser does not pass yet, with what goes wrong; strict, so a fix that
# makes one pass fails here until it is taken off the list.
KNOWN_SHORTFALLS: dict[str, str] = {
    # The page-kind samples of 2026-12-03: thread chrome that selection keeps.
    "tieba-thread-utf8": "keeps the forum header, signatures, 来自Android客户端, 登录后才能发表回复",
    "discuz-viewthread-big5": "keeps the thread title and both 本帖最後由…編輯 status lines",
    "feed-weibo-like": "keeps the topic stats; takes the truncated post, not the hidden full text",
    "douban-group-topic": "keeps the title and 来自: …; a quoted reply is repeated in the quoting one",
    "qa-answers-list": "keeps follower counts and answer authors' badge texts",
    "feed-timeline-gb18030": "keeps the repost's quoted original and 正在加载中 (F1 0.90)",
}


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(
            p,
            marks=pytest.mark.xfail(reason=KNOWN_SHORTFALLS[p.id], strict=True)
            if p.id in KNOWN_SHORTFALLS
            else (),
        )
        for p in PAGES
    ],
    ids=[p.id for p in PAGES],
)
def test_sample_f1(page: object) -> None:
    assert page.gold is not None  # type: ignore[attr-defined]
    art = cleanser.extract(page.read(), url=page.url)  # type: ignore[attr-defined]
    prf = char_prf(art.text, page.gold)  # type: ignore[attr-defined]
    assert prf.f1 >= MIN_F1, f"{page.id}: P={prf.precision:.2f} R={prf.recall:.2f}\n{art.text}"  # type: ignore[attr-defined]


def test_there_are_enough_samples() -> None:
    assert len(PAGES) >= 30


def test_most_samples_match_exactly() -> None:
    exact = sum(
        cleanser.extract(p.read(), url=p.url).text.strip() == (p.gold or "").strip() for p in PAGES
    )
    assert exact >= MIN_EXACT_SHARE * len(PAGES)


LIST_PAGES = [p for p in PAGES if p.gold_meta.get("links")]


@pytest.mark.parametrize("page", LIST_PAGES, ids=[p.id for p in LIST_PAGES])
def test_list_sample_links(page: object) -> None:
    """A list sample gives exactly its item links, in order: absolute, titled, dated.

    Striped rows, pinned threads, yearless dates and a last-reply time link are in
    these layouts on purpose.
    """
    art = cleanser.extract(page.read(), url=page.url)  # type: ignore[attr-defined]
    want = [(x["url"], x["title"], x.get("published")) for x in page.gold_meta["links"]]  # type: ignore[attr-defined]
    got = [(x.url, x.title, x.published) for x in art.links]
    assert art.kind == "list"
    assert got == want


def test_there_are_list_samples_with_links() -> None:
    assert len(LIST_PAGES) >= 7
