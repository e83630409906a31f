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
    # No page judged: nothing beats the cascade, so no weights are stored.
    assert meta["fields"] == {} and set(meta["header"]["kept_cascade"]) == set(EVIDENCE)


# ---- what ships: a field's weights only when they win leave-site-out --------------


def test_verdict_needs_more_pages_right_or_as_many_and_fewer_spurious() -> None:
    def v(fitted: int, spurious: int) -> metafit.Verdict:
        return metafit.Verdict("published", 10, 8, fitted, 2, spurious)

    assert v(9, 5).ships and not v(7, 0).ships
    assert v(8, 1).ships and not v(8, 2).ships and not v(8, 3).ships
    assert v(8, 2).why == "fitted choice 8/10 = cascade 8/10 leave-site-out, spurious 2 = 2"
    assert v(9, 2).why.startswith("fitted choice 9/10 > cascade 8/10")


def synthetic(i: int) -> metafit.Item:
    """A page of its own site where the cascade reads the modified time (wrong) and the
    meta line shows the right day, its title and author read right by the cascade."""
    gold = {"title": f"标题{i}", "published": "2025-07-14", "author": ["王五"]}
    page = Page(source="corpus", id=f"p{i}", path=Path(f"p{i}.html"), gold="", gold_meta=gold)
    shown, modified = parse_date("2025-07-14"), parse_date("2025-07-20")
    assert shown is not None and modified is not None
    published = [
        Candidate("published", shown.iso, shown.iso, ["meta_line"], {"src_meta_line": 1.0}, shown),
        Candidate(
            "published",
            modified.iso,
            modified.iso,
            ["meta_modified", "cascade"],
            {"src_meta_modified": 1.0, "cascade": 1.0},
            modified,
        ),
    ]
    title = [Candidate("title", f"标题{i}", f"标题{i}", ["h1", "cascade"], {"cascade": 1.0})]
    author = [
        Candidate("author", "王五", "王五", ["writer", "cascade"], {"cascade": 1.0}, ("王五",))
    ]
    evidence = {
        "title": FieldEvidence(title),
        "published": FieldEvidence(published),
        "author": FieldEvidence(author),
    }
    return metafit.Item(page, f"site{i}.example.cn", evidence, None, None, [])


def test_only_the_field_that_wins_leave_site_out_ships(tmp_path: Path) -> None:
    report = metafit.cross_validate([synthetic(i) for i in range(12)], 4)
    verdicts = metafit.verdicts_of(report)
    published = verdicts["published"]
    assert (published.cascade, published.fitted, published.judged) == (0, 12, 12)
    assert published.ships
    for field in ("title", "author"):  # the cascade is right everywhere: a tie keeps it
        assert not verdicts[field].ships
        assert verdicts[field].why == "fitted choice 12/12 = cascade 12/12 leave-site-out"
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"header": {"x": 1}, "params": {"a": 1}}), encoding="utf-8")
    metafit.write_model(report, path, ["corpus"])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["header"] == {"x": 1} and data["params"] == {"a": 1}
    meta = data["meta"]
    assert list(meta["fields"]) == ["published"]
    assert meta["fields"]["published"]["evidence"] == list(EVIDENCE["published"])
    assert list(meta["header"]["shipped"]) == ["published"]
    assert set(meta["header"]["kept_cascade"]) == {"title", "author"}
    table = metafit.table(report, "cmd")
    assert "| published (date (day)) | 0/12 | 12/12 | 0 / 0 | **fitted choice**: " in table
    assert "| title (title) | 12/12 | 12/12 | – | cascade: fitted choice 12/12 = " in table


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
