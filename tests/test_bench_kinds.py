"""``cleanser bench`` by page kind: the by-kind table and cleanser's kind confusion table.

A real small run over ``samples/`` (every kind has samples there) with cleanser in a
worker process, beside two fake extractors, so that no peer library is needed: the
page counts per kind must match ``kindfit.label_of``, cleanser's judged kinds must be
the ``Article.kind`` that ``extract()`` gives on the same bytes, and a fake that
returns nothing must score 1 on list pages and 0 on the others.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import cleanser
from cleanser import bench
from cleanser.evaluate.corpus import Page
from cleanser.learn.kindfit import label_of

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ME = __name__

pytestmark = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="samples/ is absent (a source checkout carries it)"
)


def fake_empty(raw: bytes, url: str | None) -> str:
    """Nothing at all: right on list pages only."""
    return ""


def fake_article(raw: bytes, url: str | None) -> cleanser.Article:
    """cleanser's Article itself, as a custom extractor returns it: its kind travels too."""
    return cleanser.extract(raw, url=url)


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return bench.load_pages([SAMPLES])


@pytest.fixture(scope="module")
def report(pages: list[Page]) -> bench.Report:
    exts = [
        bench.resolve_extractor("cleanser"),
        bench.resolve_extractor(f"{ME}:fake_empty"),
        bench.resolve_extractor(f"{ME}:fake_article"),
    ]
    result = bench.run(pages, exts, jobs=1, timeout=60.0, floor=False)
    assert not result.skipped
    return bench.summarize(result)


def _zh_gold(pages: list[Page]) -> list[Page]:
    return [p for p in pages if p.gold is not None and bench.page_is_zh(p)]


def test_kind_counts_follow_the_gold(pages: list[Page], report: bench.Report) -> None:
    want = Counter(label_of(p) for p in _zh_gold(pages))
    assert report.kind_group == bench.GROUP_ZH
    assert report.kinds == {k: want[k] for k in report.kinds}
    assert set(report.kinds) == set(want)
    # samples/ holds every kind, and more than one page of the common ones
    assert {"article", "thread", "list"} <= set(report.kinds)
    for s in report.summaries:
        assert {k: v.pages for k, v in s.kinds.items()} == report.kinds


def test_cleanser_kind_is_the_article_kind(pages: list[Page], report: bench.Report) -> None:
    by_page = {
        (r.source, r.page_id): r
        for r in report.records
        if r.extractor == "cleanser" and r.known_kind is not None
    }
    zh = _zh_gold(pages)
    assert len(by_page) >= len(zh)
    for page in zh:
        rec = by_page[(page.source, page.id)]
        assert rec.known_kind == label_of(page)
        assert rec.kind == cleanser.extract(page.read(), url=page.url).kind
    summary = next(s for s in report.summaries if s.name == "cleanser")
    judged = sum(k.judged for k in summary.kinds.values())
    ok = sum(k.judged_ok for k in summary.kinds.values())
    assert judged == len(zh)
    assert ok == sum(by_page[(p.source, p.id)].kind == label_of(p) for p in zh)


def test_empty_output_wins_only_on_list_pages(report: bench.Report) -> None:
    empty = next(s for s in report.summaries if s.name == f"{ME}:fake_empty")
    assert empty.kinds["list"].f1 == 1.0 and empty.kinds["list"].empty_share == 1.0
    assert empty.kinds["article"].f1 == 0.0 and empty.kinds["thread"].f1 == 0.0
    assert all(k.judged == 0 for k in empty.kinds.values())
    mine = next(s for s in report.summaries if s.name == "cleanser")
    assert mine.kinds["article"].f1 is not None and mine.kinds["article"].f1 > 0.9
    # the same Article through a custom adapter: same kinds, same scores
    same = next(s for s in report.summaries if s.name == f"{ME}:fake_article")
    for kind, ks in mine.kinds.items():
        assert same.kinds[kind].judged_ok == ks.judged_ok
        assert same.kinds[kind].f1 == pytest.approx(ks.f1)


def test_markdown_has_the_kind_table_and_the_confusion(report: bench.Report) -> None:
    text = bench.render_markdown(report)
    table = bench.kind_table(report)
    assert f"**{table.title}**" in text and bench.markdown_table(table) in text
    assert table.headers[0] == "extractor" and table.headers[-1] == "kind ok"
    assert f"F1 list ({report.kinds['list']})" in table.headers and "list empty" in table.headers
    row = {r[0]: r for r in table.rows}[f"{ME}:fake_empty"]
    assert row[table.headers.index("list empty")] == "100 %" and row[-1] == "–"
    blocks = bench.kind_confusions(report)
    # cleanser and the adapter returning its Article judge kinds; the empty fake does not
    assert len(blocks) == 2 and all(b in text for b in blocks)
    lines = blocks[0].splitlines()
    assert lines[0].startswith("**cleanser's page-kind judgement (all zh): ")
    counted = 0
    for line in lines[4:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        counted += sum(int(c) for c in cells[1:-1])
    assert counted == sum(report.kinds.values())


def test_json_report_carries_kinds(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    args = [str(SAMPLES), "--extractors", "cleanser", "--jobs", "0", "--no-progress"]
    assert bench.main([*args, "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["kind_group"] == bench.GROUP_ZH and data["kinds"]["list"] >= 1
    (cl,) = data["extractors"]
    assert set(cl["kinds"]) == set(data["kinds"])
    assert data["kind_confusion"] and "| known \\ judged |" in data["kind_confusion"][0]
    assert all("known_kind" in p and "kind" in p for p in data["pages"])
