"""Per-site rules: the Options a page gets from its URL's host."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanser
from cleanser import Options
from cleanser.cli import main
from cleanser.rules import RulesError, SiteRules, load_rules

from .helpers import PROSE

RULES = {
    "news.example.cn": {"body": ".comment-list"},
    "*.example.cn": {"focus": "precision", "drop": [".card-x"]},
}
PROMO = "本文由某某品牌赞助播出，欢迎选购春季新品，全场八折优惠，详情请咨询门店。"
COMMENT = "网友甲：这篇报道数据翔实，分析到位，希望以后多做这样的解读。"
PAGE = (
    "<html><body><div class=nav><a href=/>首页</a><a href=/n>新闻</a></div>"
    f"<div class=article><h1>标题</h1><p>{PROSE}</p><div class=card-x>{PROMO}</div>"
    f"<p>{PROSE.replace('国家', '地方')}</p></div>"
    f"<div class=comment-list><div class=comment-item><p>{COMMENT}</p></div></div>"
    "</body></html>"
).encode()


def test_most_specific_host_wins_and_others_fall_back() -> None:
    rules = SiteRules(RULES)
    assert rules.overrides_for("https://news.example.cn/a.html") == {"body": ".comment-list"}
    assert rules.overrides_for("http://www.sports.example.cn/x") == {
        "focus": "precision",
        "drop": (".card-x",),
    }
    assert rules.overrides_for("https://example.com/a") == {}
    assert rules.overrides_for(None) == {}
    base = Options(images=False)
    opts = rules.options_for("http://sports.example.cn/x", base)
    assert opts is not None and opts.images is False and opts.focus == "precision"
    assert rules.options_for("https://other.org/", base) is base


def test_rules_change_what_is_extracted() -> None:
    rules = SiteRules(RULES)
    default = cleanser.extract(PAGE)
    assert PROMO in default.text and COMMENT not in default.text
    sports = cleanser.extract(PAGE, options=rules.options_for("http://sports.example.cn/1"))
    assert PROMO not in sports.text and PROSE in sports.text
    news = cleanser.extract(PAGE, options=rules.options_for("https://news.example.cn/1"))
    assert news.text == COMMENT


@pytest.mark.parametrize(
    "bad",
    [
        {"example.cn": {"no_such_option": 1}},
        {"example.cn": {"body": "div::before"}},
        {"example.cn": "#content"},
        {"": {"focus": "precision"}},
    ],
)
def test_bad_rules_fail_when_loaded(bad: dict[str, object]) -> None:
    with pytest.raises(RulesError):
        SiteRules(bad)  # type: ignore[arg-type]


def test_rules_file_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(PAGE)
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(RULES), encoding="utf-8")
    assert load_rules(rules).overrides_for("https://news.example.cn/")
    args = ["extract", str(page), "--rules", str(rules)]
    assert main([*args, "--url", "https://news.example.cn/1.html"]) == 0
    assert capsys.readouterr().out.strip() == COMMENT
    assert main([*args, "--url", "https://elsewhere.org/1.html"]) == 0
    assert PROMO in capsys.readouterr().out
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:  # a usage error, like a bad -O
        main(["extract", str(page), "--rules", str(tmp_path / "broken.json")])
    assert stop.value.code == 2
