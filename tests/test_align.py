"""Line labels by alignment with the gold text (cleanser.evaluate.align)."""

from __future__ import annotations

from cleanser.evaluate.align import coverage, in_gold, prepare

GOLD = "国家统计局今天发布数据，居民收入稳步增长。\n网友小王\n来自福建"


def test_a_line_is_in_the_gold_when_most_of_its_ngrams_are() -> None:
    gold = prepare(GOLD)
    assert coverage("居民收入稳步增长。", gold) == 1.0
    assert coverage("相关阅读：股市今天大涨", gold) == 0.0
    half = coverage("居民收入稳步增长，股市今天大涨", gold)
    assert half is not None and 0.0 < half < 1.0


def test_short_lines_count_only_as_a_short_gold_line() -> None:
    # 网友 is part of the short gold line 网友小王, 福建 of 来自福建; 数据 only of a sentence
    assert in_gold(["网友", "福建", "数据", "", "!!"], GOLD) == [True, True, False, None, None]


def test_punctuation_and_case_do_not_matter() -> None:
    assert in_gold(["国家统计局 今天 发布数据"], GOLD) == [True]
    assert in_gold(["ICP备案"], "icp备案") == [True]
