"""selection's steps, each on a hand-built tree: markup verdicts (body.verdicts), the best
subtree (body.choose)."""

from __future__ import annotations

from itertools import accumulate

from cleanser.body.choose import _best_node
from cleanser.body.density import block_weight
from cleanser.body.model import Params
from cleanser.body.verdicts import _markup_verdicts, _outweigh

from .helpers import PROSE, features_of


def prefix(values: list[float]) -> list[float]:
    return [0.0, *accumulate(values)]


def test_best_node_is_the_maximum_weight_subtree() -> None:
    f = features_of(
        f"<div id=page><div id=nav><p><a href=/1>首页</a> <a href=/2>新闻中心频道</a></p></div>"
        f"<div id=art><p>{PROSE}</p><p>{PROSE}</p></div>"
        f"<div id=side><p><a href=/3>相关新闻标题一二三四五</a></p></div></div>"
    )
    weights = [block_weight(b) for b in f.blocks]
    best, score, scores = _best_node(f, prefix(weights), prefix([max(w, 0) for w in weights]))
    assert best is not None and best.el.get("id") == "art"
    assert score == max(s for _, s in scores) and len(scores) == len(f.nodes)


def test_a_furniture_class_flags_its_lines_but_not_most_of_the_prose() -> None:
    f = features_of(
        f"<div><div id=main><p>{PROSE}</p><p>{PROSE}</p></div>"
        f"<div class=share-bar><p>分享到 微信 微博</p></div></div>"
    )
    weights = [max(block_weight(b), 0.0) for b in f.blocks]
    flags: list = [None] * len(f.blocks)
    overruled = _markup_verdicts(f, False, None, prefix(weights), sum(weights), Params(), flags)
    assert not overruled
    assert [flag is not None for flag in flags] == [False, False, True]
    # The same class on the container of all the prose is overruled, not obeyed.
    f = features_of(f"<div class=share-bar><p>{PROSE}</p><p>{PROSE}</p></div>")
    weights = [max(block_weight(b), 0.0) for b in f.blocks]
    flags = [None] * len(f.blocks)
    overruled = _markup_verdicts(f, False, None, prefix(weights), sum(weights), Params(), flags)
    assert overruled and flags == [None, None]


def test_outweigh_lifts_class_verdicts_only_from_prose_lines() -> None:
    f = features_of(f"<div class=comment><p>{PROSE}</p><p>赞 回复</p></div>")
    weights = [max(block_weight(b), 0.0) for b in f.blocks]
    flags: list = [None] * len(f.blocks)
    # (a page with ten times this prose elsewhere, so the verdict is not overruled)
    _markup_verdicts(f, False, None, prefix(weights), sum(weights) * 10, Params(), flags)
    assert all(flag is not None for flag in flags)
    assert _outweigh(f.blocks, list(flags), float("inf")) == []  # the shipped value: no lift
    lifted = list(flags)
    assert [i for i, _ in _outweigh(f.blocks, lifted, 20)] == [0]
    assert lifted[0] is None and lifted[1] is not None


def test_same_shaped_cards_are_weighed_together() -> None:
    # Each post card of a timeline carries a weak token ('like'); one card is a small
    # share of the page, but the cards together are its prose: their verdict yields.
    cards = "".join(f"<div class='card feed_like'><p>第{i}条：{PROSE}</p></div>" for i in range(4))
    side = "".join(f"<p>侧栏第{i}段文字，介绍本站的栏目和服务内容。</p>" for i in range(3))
    f = features_of(f"<div><div class=timeline>{cards}</div><div class=about>{side}</div></div>")
    weights = [max(block_weight(b), 0.0) for b in f.blocks]
    flags: list = [None] * len(f.blocks)
    overruled = _markup_verdicts(f, False, None, prefix(weights), sum(weights), Params(), flags)
    assert len(overruled) == 4 and flags[:4] == [None] * 4
    # Two such cards are not a shape of records: each is judged alone.
    f = features_of(
        f"<div><div class=timeline>{cards[: len(cards) // 2]}</div>"
        f"<div class=about>{side}{side}</div></div>"
    )
    weights = [max(block_weight(b), 0.0) for b in f.blocks]
    flags = [None] * len(f.blocks)
    _markup_verdicts(f, False, None, prefix(weights), sum(weights), Params(), flags)
    assert all(flag is not None for flag in flags[:2])
