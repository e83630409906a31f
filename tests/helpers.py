"""Small builders shared by the unit tests."""

from __future__ import annotations

from cleanser.body.dom import parse, prepare
from cleanser.body.features import Features, extract_features


def features_of(markup: str) -> Features:
    """Features of a hand-built page."""
    root = parse(markup)
    assert root is not None
    prepare(root)
    return extract_features(root)


PROSE = (
    "国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，"
    "城乡居民收入差距继续缩小。专家表示，消费市场逐步回暖，服务消费增长较快。"
)
