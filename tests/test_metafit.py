"""The metadata fitting command: labels, the model file, the README table, leave-site-out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanser.evaluate.corpus import Page, load
from cleanser.learn import metafit
from cleanser.meta.choice import Candidate
from cleanser.meta.dates import parse_date
from cleanser.meta.fitted import EVIDENCE, FieldEvidence

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def item(gold: dict[str, object], dates: list[str], authors: list[tuple[str, ...]]) -> metafit.Item:
    page = Page(source="samples", id="x", path=Path("x.html"), gold="", gold_meta=gold)
    published = []
    for text in dates:
        fd = parse_date(text)
        assert fd is not None
        published.append(Candidate("published", fd.iso, fd.iso, ["meta_line"], {}, fd))
    people = [Candidate("author", "、".join(a), "、".join(a), ["writer"], {}, a) for a in authors]
    evidence = {
        "title": FieldEvidence([]),
        "published": FieldEvidence(published),
        "author": FieldEvidence(people),
    }
    return metafit.Item(page, "sample/x", evidence, None, None, [])


def test_labels_follow_metaevals_comparison() -> None:
    it = item(
        {"published": "2025-07-14T18:12:00+08:00", "author": ["王五", "赵六"]},
        ["2025-07-14", "2025-07-14 18:12", "2025-07-15 18:12"],
        [("王五",), ("赵六", "王五")],
    )
    # The same day at the shown minute beats the same day alone; "none" is option 0.
    assert metafit.right_options("published", it) == [2]
    assert metafit.right_options("author", it) == [2]  # the same set of names


def test_a_stated_none_is_the_none_option_and_a_missing_gold_teaches_nothing() -> None:
    it = item({"published": None, "author": []}, ["2025-07-14"], [("王五",)])
    assert metafit.right_options("published", it) == [0]
    assert metafit.right_options("author", it) == [0]
    unknown = item({"title": "标题"}, ["2025-07-14"], [("王五",)])
    assert metafit.right_options("published", unknown) is None
    offered_wrong = item({"author": ["李四"]}, [], [("王五",)])
    assert metafit.right_options("author", offered_wrong) is None


def test_write_model_keeps_the_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"params": {"a": 1}, "kinds": [1, 2]}), encoding="utf-8")
    weights = {f: [0.25] * len(names) for f, names in EVIDENCE.items()}
    report = metafit.Report([], [], [], [], weights, 10, 0.0)
    metafit.write_model(report, path, ["corpus"])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["params"] == {"a": 1} and data["kinds"] == [1, 2]
    meta = data["meta"]
    assert meta["header"]["fitted_by"].startswith("python -m cleanser.learn.metafit")
    for field, names in EVIDENCE.items():
        assert meta["fields"][field]["evidence"] == list(names)
        assert len(meta["fields"][field]["weights"]) == len(names)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="samples/ is not in this checkout")
def test_command_writes_the_readme_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# x\n<!-- metafit:start -->\nSTALE TABLE\n<!-- metafit:end -->\ntail\n", "utf-8"
    )
    assert metafit.main([str(SAMPLES), "--folds", "3", "--readme", str(readme), "--quiet"]) == 0
    body = readme.read_text(encoding="utf-8")
    assert "STALE TABLE" not in body and body.endswith("<!-- metafit:end -->\ntail\n")
    for row in ("| title |", "| date (day) |", "| author |", "| editor (not fitted) |"):
        assert row in body
    assert "leave-site-out" in capsys.readouterr().out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_leave_site_out_on_the_shared_corpus() -> None:
    """The fitted choice, each site's pages chosen with weights fitted without that site,
    is not below the hand-set cascade by more than a page per field, and never reports an
    outlet as an author."""
    pages = [p for p in load(CORPUS) if p.source != "nonzh_scrapinghub"]
    pages += load(SAMPLES) if SAMPLES.is_dir() else []
    items = metafit.stage_pages(pages)
    report = metafit.cross_validate(items, 5)
    for name, field in (("title", "title"), ("date (day)", "published"), ("author", "author")):
        cascade = metafit.right_count(report, report.cascade, name, field)
        held = metafit.right_count(report, report.held_out, name, field)
        assert held >= cascade - 1, (name, held, cascade)
    assert metafit.outlet_authors(report, report.held_out) == []
