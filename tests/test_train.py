"""The training command: site grouping, grouped folds, the fit, the shipped model."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from cleanser.body.model import MODEL_PATH, Params, fitted
from cleanser.body.selection import select
from cleanser.evaluate.corpus import Page, load
from cleanser.learn import train
from cleanser.options import Options

from .helpers import PROSE, features_of

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://news.sina.com.cn/c/2025-07-14/doc.shtml", "sina.com.cn"),
        ("http://www.163.com/a.html", "163.com"),
        ("https://tw.news.yahoo.com/x", "yahoo.com"),
        ("https://www.chinatimes.com.tw/n", "chinatimes.com.tw"),
        ("http://www.news.cn/politics/2025-03/05/c.htm", "xinhuanet.com"),
        ("http://web.archive.org/web/2012/http://he.xinhuanet.com/a.htm", "xinhuanet.com"),
        ("http://127.0.0.1:8000/a", "127.0.0.1"),
    ],
)
def test_registered_domain(url: str, site: str) -> None:
    assert train.registered_domain(url) == site


def _page(id_: str, url: str | None = None, source: str = "src") -> Page:
    return Page(source=source, id=id_, path=Path("x.html"), gold="", url=url)


def test_site_of_falls_back_to_the_site_an_id_names_then_the_page() -> None:
    assert train.site_of(_page("163_5")) == "163.com"
    assert train.site_of(_page("netease_news1")) == "163.com"
    assert train.site_of(_page("v_cmse_1")) == train.site_of(_page("cmse_1"))
    assert train.site_of(_page("2397c95d-2de8")) == "src/2397c95d-2de8"
    assert train.site_of(_page("163_5", "https://news.qq.com/a")) == "qq.com"


def test_group_folds_keep_each_site_on_one_side_and_balance_pages() -> None:
    sites = ["a"] * 7 + ["b"] * 3 + ["c"] * 3 + [f"s{i}" for i in range(7)]
    folds = train.group_folds(sites, 4)
    by_site: dict[str, set[int]] = {}
    for s, f in zip(sites, folds, strict=True):
        by_site.setdefault(s, set()).add(f)
    assert all(len(f) == 1 for f in by_site.values())
    sizes = [folds.count(f) for f in range(4)]
    assert max(sizes) == 7 and min(sizes) >= 4  # the 7-page site alone; the rest spread


def test_params_round_trip_and_reject_unknown_keys() -> None:
    p = replace(Params(), markup_prose_tokens=math.inf, flagged_weight=1.0)
    assert Params.from_json(json.loads(json.dumps(p.to_json()))) == p
    with pytest.raises(ValueError, match="unknown"):
        Params.from_json({"flagged_weigth": 1})


def test_shipped_model_says_what_it_was_fitted_on() -> None:
    data = json.loads(MODEL_PATH.read_text("utf-8"))
    header = data["header"]
    assert header["fitted_by"].startswith("python -m cleanser.learn.train")
    assert header["pages"] > 0 and header["sites"] > 0
    assert 0 < header["leave_site_out_mean_f1"] <= 1
    assert fitted() == Params.from_json(data["params"])


COMMENTED = (
    "<body><h1>测试标题</h1><div class='content'><p>{p}</p><p>{p}</p></div>"
    "<div class='comment-box'><p>{p}</p></div>"
    "<div class='nav'><a href='/'>首页</a> <a href='/n'>新闻</a></div></body>"
)


def test_prose_outweighs_a_class_token_only_when_the_model_says_so() -> None:
    features = features_of(COMMENTED.format(p=PROSE))
    veto = select(features, ("测试标题",), Options(), params=Params())
    weighed = select(
        features, ("测试标题",), Options(), params=replace(Params(), markup_prose_tokens=40)
    )
    assert sum(b.text == PROSE for b in veto.kept) == 2
    assert sum(b.text == PROSE for b in weighed.kept) == 3
    assert [cue.rule for _, cue in weighed.outweighed] == ["class/id token 'comment'"]
    # the link line is no prose: its class token still counts against it
    assert all("首页" not in b.text for b in weighed.kept)


def test_fit_never_lowers_the_mean_it_maximises() -> None:
    pages = [p for p in load(SAMPLES) if p.gold is not None][:6]
    items = train.stage_pages(pages)
    start = Params()
    got = train.fit(items, start)
    assert train.mean_f1(items, got) >= train.mean_f1(items, start)
    for name, values in train.GRID.items():
        assert getattr(got, name) in (*values, getattr(start, name))


def test_cross_validation_scores_every_page_out_of_its_own_fold() -> None:
    pages = [p for p in load(SAMPLES) if p.gold is not None][:8]
    items = train.stage_pages(pages)
    report = train.cross_validate(items, k=2)
    zh = [i for i, it in enumerate(items) if it.zh]
    assert zh and all(not math.isnan(report.held_out[i]) for i in zh)
    text = train.table(report, "python -m cleanser.learn.train samples --folds 2")
    assert "leave-site-out" in text and "| all Chinese pages | " in text


def test_explain_names_the_evidence_that_kept_a_line_under_a_class_token() -> None:
    from cleanser.explain import _build

    features = features_of(COMMENTED.format(p=PROSE))
    sel = select(
        features, ("测试标题",), Options(), params=replace(Params(), markup_prose_tokens=40)
    )
    report = _build(features, sel).to_text()
    assert "own prose outweighed class/id token 'comment'" in report
