"""The choice among candidate regions (body.regions, learn.regionfit), structural comment
verdicts (body.verdicts._record_verdicts) and markup-blind copies (learn.blind), each on
hand-built pages."""

from __future__ import annotations

import math
from itertools import accumulate

from lxml import html

from cleanser.body.density import block_weight
from cleanser.body.features import Features, Node
from cleanser.body.kinds import measure
from cleanser.body.model import Params
from cleanser.body.regions import EVIDENCE, UNFITTED, Region, RegionWeights, pick
from cleanser.body.selection import select
from cleanser.body.verdicts import _record_verdicts
from cleanser.learn.blind import blind
from cleanser.learn.regionfit import Case, expected_f1, fit_regions
from cleanser.options import Options

from .helpers import PROSE, features_of

COMMENT = "这篇报道写得很好，希望有关部门尽快落实，让群众真正得到实惠。"
# An article under its headline, then a longer list of signed comments (a user link and
# a time on each). No class or id names anything: only the structure tells them apart.
PAGE = (
    "<body><h1>统计局发布前三季度居民收入数据</h1><p>2024-10-18 10:00 来源：新华网</p>"
    "<div><p>{p}</p><p>{p}</p><p>{p}</p></div>"
    "<ul>{comments}</ul></body>"
)
SIGNED = "<li><div><a href='/user/{i}'>网友{i}</a> 2024-10-18 12:{i:02d}</div><div>{c}</div></li>"


def page(n_comments: int, prose: str = PROSE) -> str:
    comments = "".join(SIGNED.format(i=i, c=COMMENT * 2) for i in range(n_comments))
    return PAGE.format(p=prose, comments=comments)


def records_of(f: Features) -> tuple[Node, ...]:
    posts = measure(f, None, None, False).posts
    return tuple(f.nodes[m] for m in posts.members) if posts else ()


def prefix(values: list[float]) -> list[float]:
    return [0.0, *accumulate(values)]


def region(evidence: dict[str, float]) -> Region:
    f = features_of("<p>x</p>")
    return Region(f.nodes[0], 1.0, tuple(evidence.get(n, 0.0) for n in EVIDENCE))


def test_signed_records_after_an_article_are_flagged_as_comments() -> None:
    f = features_of(page(12))
    records = records_of(f)
    assert len(records) == 12
    positive = prefix([max(block_weight(b), 0.0) for b in f.blocks])
    flags: list = [None] * len(f.blocks)
    _record_verdicts(f, records, False, positive, flags)
    flagged = {b.text for b, flag in zip(f.blocks, flags, strict=True) if flag is not None}
    assert COMMENT * 2 in flagged and PROSE not in flagged
    # On a forum page the same records are the posts.
    flags = [None] * len(f.blocks)
    _record_verdicts(f, records, True, positive, flags)
    assert flags == [None] * len(f.blocks)


def test_signed_records_without_an_article_before_them_are_the_page() -> None:
    # A timeline: only a short line before the records, so they are not comments.
    f = features_of(page(12, prose="今日动态"))
    positive = prefix([max(block_weight(b), 0.0) for b in f.blocks])
    flags: list = [None] * len(f.blocks)
    _record_verdicts(f, records_of(f), False, positive, flags)
    assert flags == [None] * len(f.blocks)


def test_the_comment_list_no_longer_outweighs_the_article() -> None:
    f = features_of(page(12))
    titles = ("统计局发布前三季度居民收入数据",)
    plain = select(f, titles, Options(), params=Params(), chooser=UNFITTED)
    assert COMMENT * 2 in [b.text for b in plain.kept]  # the structure unused: comments win
    weighed = select(f, titles, Options(), params=Params(), chooser=UNFITTED, records=records_of(f))
    texts = [b.text for b in weighed.kept]
    assert texts == [PROSE, PROSE, PROSE]


def test_candidates_describe_headline_position_and_records() -> None:
    f = features_of(page(3))
    titles = ("统计局发布前三季度居民收入数据",)
    sel = select(f, titles, Options(), params=Params(), chooser=UNFITTED, records=records_of(f))
    assert sel.region == 0 and len(sel.regions) >= 2
    by_node = {id(r.node.el): dict(zip(EVIDENCE, r.evidence, strict=True)) for r in sel.regions}
    article = by_node[id(sel.node.el)] if sel.node is not None else {}
    assert article["base_choice"] == 1.0 and article["after_headline"] > 0.5
    assert article["records_share"] == 0.0 and article["score_share"] <= 1.0
    assert all(0.0 <= x <= 1.0 for r in sel.regions for x in r.evidence)
    assert sum(r.evidence[0] for r in sel.regions) == 1.0  # one base choice


def test_pick_takes_the_highest_rank_and_the_base_choice_unfitted() -> None:
    low = region({"base_choice": 1.0, "score_share": 1.0})
    high = region({"after_headline": 1.0, "score_share": 0.5})
    assert pick([low, high], None) == 0 and pick([low, high], UNFITTED) == 0
    weights = RegionWeights(tuple(3.0 if n == "after_headline" else 1.0 for n in EVIDENCE))
    assert pick([low, high], weights) == 1
    assert weights.contributions(high)["after_headline"] == 3.0


def _cases() -> list[Case]:
    """Pages where the base choice is wrong whenever a candidate follows the headline."""
    cases = []
    for k in range(30):
        right = k % 3 != 0  # a third of the pages: the base choice is right
        base = tuple(1.0 if n in ("base_choice", "score_share") else 0.0 for n in EVIDENCE)
        other = tuple(
            (1.0 if n == "after_headline" and right else 0.6 if n == "score_share" else 0.0)
            for n in EVIDENCE
        )
        cases.append(Case((base, other), (0.3, 1.0) if right else (1.0, 0.2)))
    return cases


def test_the_fit_learns_what_the_pages_show_and_beats_the_base_choice() -> None:
    cases = _cases()
    base = RegionWeights(tuple(1.0 if n == "base_choice" else 0.0 for n in EVIDENCE))
    fitted = fit_regions(cases)
    assert expected_f1(fitted, cases) > expected_f1(base, cases)
    assert math.isclose(expected_f1(fitted, cases), 1.0)
    weight = dict(zip(EVIDENCE, fitted.weights, strict=True))
    assert weight["after_headline"] > 0


def test_the_fit_without_a_lesson_keeps_the_base_choice() -> None:
    same = tuple(0.0 for _ in EVIDENCE)
    fitted = fit_regions([Case((same, same), (1.0, 1.0))])
    assert pick([region({"base_choice": 1.0}), region({})], fitted) == 0


def test_blind_copies_hash_class_and_id_words_alike_and_keep_the_rest() -> None:
    raw = (
        "<div class='comment-list item' id=main data-id='x'>"
        '<p class="item">评论</p><nav role=navigation>导航</nav></div>'
    ).encode()
    copy = blind(raw)
    assert "comment" not in copy and "main" not in copy and "data-id='x'" in copy
    assert "<nav role=navigation>" in copy and "评论" in copy
    # equal words hash alike: the list's records still share a shape
    words = [w for value in copy.split('"')[1::2] for w in value.split()]
    assert len(words) == 4 and len(set(words)) == 3


def test_explain_shows_the_region_choice_and_each_removed_lines_evidence() -> None:
    import cleanser

    report = cleanser.explain(page(12)).to_text()
    assert "region choice (model rank, * taken" in report
    assert "base_choice+" in report  # the shipped weights' contributions
    removed = [ln for ln in report.splitlines() if ln.startswith("-") and "[" in ln]
    assert removed and all(" tokens, links " in ln for ln in removed if "[outside" not in ln)


def test_blind_copies_keep_numbered_ids_alike_and_spell_no_cue_word() -> None:
    from cleanser.body.heuristic import element_cue, tokens_of

    copy = blind('<div id="post_123"><p id="post_124" class="adv-box">x</p></div>')
    values = copy.split('"')[1::2]
    # post_123 and post_124: one stem, different numbers, as on a site with unknown words
    assert tokens_of(values[0]) == tokens_of(values[1]) != ("post",)
    assert values[0].endswith("_123") and values[1].endswith("_124")
    # no made-up word is a cue token (hex digests made 'ad' out of 'c3ad91f')
    for n in range(2000):
        word = blind(f'<p class="w{n}">x</p>').split('"')[1]
        assert element_cue(html.fromstring(f'<p class="{word}">x</p>')) is None, word
