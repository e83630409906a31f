"""The fitted metadata choice: merging candidates, the conditional logit and its fit,
the features the gatherers give, and the weights' loader."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cleanser.body.dom import parse
from cleanser.meta import weights as meta_weights
from cleanser.meta.choice import Candidate, Choice, choose, fit, log_likelihood, merge, options
from cleanser.meta.fields import read_page
from cleanser.meta.fitted import EVIDENCE, FieldEvidence, decide, shipped
from cleanser.meta.page import Page

PROSE = "这是正文的第一段，讲述了一件发生在城市里的事情，内容足够长，可以当作文章的主体。" * 2


def cand(key: str, source: str, **features: float) -> Candidate:
    return Candidate("title", key, key, [source], {f"src_{source}": 1.0, **features})


# ---- merging, choosing, fitting on hand-built inputs ---------------------------------


def test_merge_unites_sources_and_counts_agreement() -> None:
    merged = merge([cand("a", "h1"), cand("a", "meta", long=1.0), cand("b", "heading")])
    a, b = merged
    assert a.sources == ["h1", "meta"] and a.features["long"] == 1.0
    assert a.features["src_h1"] == a.features["src_meta"] == 1.0
    assert a.features["agree"] > b.features["agree"] == 0.0


EVID = ("none", "none_listy", "good", "bad")


def toy(good: int, bad: int, listy: float = 0.0) -> tuple[list[Candidate], dict[str, float]]:
    """Candidates of one toy page: ``good`` ones marked good, ``bad`` ones marked bad."""
    cands = [cand(f"g{i}", "x", good=1.0) for i in range(good)]
    cands += [cand(f"b{i}", "x", bad=1.0) for i in range(bad)]
    return cands, {"none_listy": listy}


def choice_of(cands: list[Candidate], page: dict[str, float], right: list[int]) -> Choice:
    return Choice(options(EVID, cands, page), right)


def test_fit_separates_what_it_is_shown() -> None:
    train = []
    for _ in range(6):
        cands, page = toy(1, 2)
        train.append(choice_of(cands, page, [1]))  # the good one is right
        cands, page = toy(0, 2, listy=1.0)
        train.append(choice_of(cands, page, [0]))  # a listy page without a good one: none
    w = fit(train, len(EVID))
    assert log_likelihood(train, w) > log_likelihood(train, [0.0] * len(EVID))
    weight = dict(zip(EVID, w, strict=True))
    assert weight["good"] > weight["bad"] and weight["none_listy"] > 0
    cands, page = toy(1, 3)
    winner, scored = choose(EVID, w, cands, page)
    assert winner is not None and winner.key == "g0"
    assert 0.5 < sum(s.probability or 0.0 for s in scored) < 1.0  # the rest is none's
    cands, page = toy(0, 3, listy=1.0)
    assert choose(EVID, w, cands, page)[0] is None  # none wins on a page like those


def test_unpenalised_weights_grow_beyond_the_penalised() -> None:
    train = [choice_of(*toy(1, 1), [1]) for _ in range(4)]
    free = fit(train, len(EVID), free=[EVID.index("good")])
    held = fit(train, len(EVID))
    assert free[EVID.index("good")] > held[EVID.index("good")]


def test_no_candidates_means_none() -> None:
    assert choose(EVID, [1.0, 0.0, 5.0, 0.0], [], {})[0] is None


# ---- the gatherers' features on hand-built pages -------------------------------------


def reading(info: str, head: str = "", tail: str = "", url: str | None = None) -> Any:
    html = (
        "<html><head><meta charset='utf-8'><title>大桥主体结构顺利合龙_某某网</title>"
        f"{head}</head><body><div class='nav'><h3>热点排行</h3></div>"
        f"<h1>大桥主体结构顺利合龙</h1><div class='info'>{info}</div>"
        f"<div class='content'><p>{PROSE}</p><p>{PROSE}</p>{tail}</div></body></html>"
    )
    root = parse(html)
    assert root is not None
    return read_page(Page(root, url), every_candidate=True)


def by_value(ev: FieldEvidence) -> dict[str, Candidate]:
    return {c.value: c for c in ev.candidates}


def test_date_features_tell_the_meta_line_from_a_modification() -> None:
    head = "<meta property='article:modified_time' content='2025-07-16T09:00:00+08:00'>"
    r = reading("发布时间：2025-07-14 18:12 来源：某某日报", head)
    dates = by_value(r.evidence["published"])
    shown = dates["2025-07-14T18:12:00+08:00"]
    modified = dates["2025-07-16T09:00:00+08:00"]
    assert {"cascade", "meta_line"} <= set(shown.sources)
    f = shown.features
    assert f["near"] == f["publish_cue"] == f["first_shown"] == f["has_time"] == 1.0
    assert modified.features["src_meta_modified"] == 1.0 and modified.features["latest"] == 1.0
    assert not modified.features.get("near")


def test_update_cue_is_a_feature() -> None:
    r = reading("更新时间：2025-07-16 09:00")
    (only,) = r.evidence["published"].candidates
    assert only.features["update_cue"] == 1.0 and not only.features.get("publish_cue")


def test_a_page_without_a_date_has_no_date_candidate_and_gets_none() -> None:
    r = reading("来源：某某日报")
    ev = r.evidence["published"]
    assert ev.candidates == [] and ev.page_features["none_no_cascade"] == 1.0
    w = [0.0] * len(EVIDENCE["published"])
    assert decide("published", ev, w).winner is None


def test_list_dates_share_a_shape() -> None:
    items = "".join(f"<li><a href='#'>标题{i}</a> 2025-07-{i:02d}</li>" for i in range(1, 8))
    r = reading("2025-07-14 18:12", tail=f"<ul>{items}</ul>")
    dates = by_value(r.evidence["published"])
    assert dates["2025-07-03"].features["series"] > 0
    assert not dates["2025-07-14T18:12:00+08:00"].features.get("series")


def test_title_candidates_read_title_three_ways_and_headings() -> None:
    r = reading("2025-07-14 18:12")
    titles = by_value(r.evidence["title"])
    best = titles["大桥主体结构顺利合龙"]
    assert {"cascade", "h1", "title"} <= set(best.sources)
    assert titles["大桥主体结构顺利合龙_某某网"].features["separator"] == 1.0
    assert titles["热点排行"].features["title_overlap"] < best.features["title_overlap"]


def test_author_candidates_never_hold_an_editor_or_an_outlet() -> None:
    tail = "<p>（记者 张三 李四）</p><p>责任编辑：王五</p>"
    r = reading("2025-07-14 18:12 来源：新华网 作者：新华网", tail=tail)
    values = set(by_value(r.evidence["author"]))
    assert "张三、李四" in values
    assert not any("王五" in v or "新华网" in v for v in values)
    (byline,) = r.evidence["author"].candidates
    assert byline.features["names"] > 0 and byline.features["strict"] == 1.0
    assert byline.features["below_share"] > 0.5  # the trailer, not the meta line


def test_first_poster_element_is_marked() -> None:
    posts = "".join(
        f"<div class='post'><div class='author'>{n}</div><p>{PROSE}</p></div>"
        for n in ("山城阿鹿", "小满不吃辣", "山城阿鹿")
    )
    r = reading("2025-07-14 18:12", tail=posts)
    authors = by_value(r.evidence["author"])
    assert authors["山城阿鹿"].features["first_element"] == 1.0
    assert not authors["小满不吃辣"].features.get("first_element")


# ---- the weights' loader -----------------------------------------------------------


def test_weights_need_the_codes_evidence_names() -> None:
    names = EVIDENCE["author"]
    section = {"fields": {"author": {"evidence": list(names), "weights": [0.5] * len(names)}}}
    assert meta_weights.field_weights("author", names, section) == (0.5,) * len(names)
    stale = {"fields": {"author": {"evidence": ["none", "old"], "weights": [1.0, 2.0]}}}
    assert meta_weights.field_weights("author", names, stale) is None
    broken = {"fields": {"author": {"evidence": list(names), "weights": ["x"] * len(names)}}}
    assert meta_weights.field_weights("author", names, broken) is None


def test_shipped_weights_match_the_code() -> None:
    """Every field has a verdict in model.json: weights shipped because they won
    leave-site-out (fitted for the code's features: weights fitted for other ones would
    silently fall back to the cascade, so refit with python -m cleanser.learn.metafit
    --write when the features change), or the reason the cascade was kept."""
    section = meta_weights.stored()
    if not section:
        pytest.skip("model.json ships no metadata section")
    header = section["header"]
    for name, evidence in EVIDENCE.items():
        if name in section["fields"]:
            assert name in header["shipped"] and name not in header["kept_cascade"], name
            assert meta_weights.field_weights(name, evidence) is not None, name
        else:
            assert "leave-site-out" in header["kept_cascade"][name], name
    assert set(shipped()) == set(section["fields"])


def test_model_json_is_read_as_package_data() -> None:
    from importlib import resources

    text = resources.files("cleanser.body").joinpath("model.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert meta_weights.stored() == data.get(meta_weights.MODEL_KEY, {})


# ---- extract pays for the candidates of shipped fields only --------------------------

PAGE = (
    "<html><head><meta charset='utf-8'><title>大桥主体结构顺利合龙_某某网</title></head>"
    "<body><h1>大桥主体结构顺利合龙</h1><div class='info'>2025-07-14 18:12 作者：王五</div>"
    f"<div class='content'><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
)


def spy_gather(monkeypatch: pytest.MonkeyPatch, raises: bool) -> list[tuple[str, ...] | None]:
    """Replace read_page's gather by one that records the fields asked for (and raises)."""
    from cleanser.meta import fields, fitted

    calls: list[tuple[str, ...] | None] = []

    def spy(*args: Any, **kwargs: Any) -> dict[str, FieldEvidence]:
        asked = args[6] if len(args) > 6 else kwargs.get("fields")
        calls.append(None if asked is None else tuple(asked))
        if raises:
            raise AssertionError("gather called")
        return fitted.gather(*args, **kwargs)

    monkeypatch.setattr(fields, "gather", spy)
    return calls


def test_extract_gathers_no_candidate_when_no_weights_are_shipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import cleanser
    from cleanser.meta.fields import extract_metadata

    monkeypatch.setattr(meta_weights, "stored", lambda: {"header": {}, "fields": {}})
    assert shipped() == ()
    calls = spy_gather(monkeypatch, raises=True)
    root = parse(PAGE)
    assert root is not None
    meta = extract_metadata(root, None)
    art = cleanser.extract(PAGE)
    assert calls == []
    for m in (meta, art):
        assert m.title == "大桥主体结构顺利合龙"
        assert m.published == "2025-07-14T18:12:00+08:00" and m.author == ("王五",)
    # explain still lists every field's candidates (with the hand-set priors).
    calls = spy_gather(monkeypatch, raises=False)
    listed = cleanser.explain(PAGE).metadata
    assert None in calls and {c.field for c in listed} == {"title", "published", "author"}
    assert not any(c.fitted for c in listed)


def test_extract_gathers_the_shipped_fields_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanser.meta.fields import extract_metadata

    names = EVIDENCE["published"]
    weights = [1.0 if n == "cascade" else 0.0 for n in names]
    section = {"fields": {"published": {"evidence": list(names), "weights": weights}}}
    monkeypatch.setattr(meta_weights, "stored", lambda: section)
    assert shipped() == ("published",)
    calls = spy_gather(monkeypatch, raises=False)
    root = parse(PAGE)
    assert root is not None
    meta = extract_metadata(root, None)
    assert calls == [("published",)]
    assert meta.published == "2025-07-14T18:12:00+08:00" and meta.author == ("王五",)
