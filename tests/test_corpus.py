"""Corpus discovery (cleanser.evaluate.corpus): every layout at any depth, and the message when none.

A user's own corpus is seldom laid out exactly like ours: these tests build
nested folders of real sample pages and check what ``discover`` and
``cleanser bench`` make of them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleanser import bench
from cleanser.evaluate.corpus import LAYOUTS, CorpusError, discover, load, load_folders

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SAMPLE_DIRS = sorted(
    d for d in SAMPLES.iterdir() if (d / "page.html").is_file() and (d / "expected.txt").is_file()
)


def _pair(folder: Path, pid: str, sample: Path, gold: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample / "page.html", folder / f"{pid}.html")
    if gold:
        shutil.copyfile(sample / "expected.txt", folder / f"{pid}.txt")


@pytest.fixture()
def nested(tmp_path: Path) -> Path:
    """Pairs one and two levels down, a nested samples folder and a nested pages.json."""
    root = tmp_path / "mycorpus"
    _pair(root / "news", "n1", SAMPLE_DIRS[0])
    _pair(root / "news", "n2", SAMPLE_DIRS[1], gold=False)
    _pair(root / "blogs" / "2024", "b1", SAMPLE_DIRS[2])
    shutil.copytree(SAMPLE_DIRS[3], root / "cases" / "kit" / SAMPLE_DIRS[3].name)
    src = root / "portal"
    src.mkdir()
    shutil.copyfile(SAMPLE_DIRS[4] / "page.html", src / "p.html")
    shutil.copyfile(SAMPLE_DIRS[4] / "expected.txt", src / "p.gold.txt")
    rows = [{"id": "p", "html_file": "p.html", "gold_file": "p.gold.txt", "source": "portal"}]
    (src / "pages.json").write_text(json.dumps(rows), encoding="utf-8")
    (root / ".git").mkdir()  # hidden folders are not walked
    _pair(root / ".git", "hidden", SAMPLE_DIRS[0])
    return root


def test_every_layout_is_found_at_any_depth(nested: Path) -> None:
    found = discover(nested)
    got = {(p.source, p.id): p for p in found.pages}
    assert set(got) == {
        ("news", "n1"),
        ("news", "n2"),
        ("blogs/2024", "b1"),
        ("cases/kit", SAMPLE_DIRS[3].name),
        ("portal", "p"),
    }
    assert got[("news", "n1")].gold == (SAMPLE_DIRS[0] / "expected.txt").read_text("utf-8")
    assert got[("news", "n2")].gold is None  # kept: timed and checked for leaks
    assert got[("portal", "p")].gold == (SAMPLE_DIRS[4] / "expected.txt").read_text("utf-8")
    assert (
        got[("cases/kit", SAMPLE_DIRS[3].name)].read()
        == (SAMPLE_DIRS[3] / "page.html").read_bytes()
    )
    per_folder = {f.folder.relative_to(nested).as_posix(): f for f in found.folders}
    assert (per_folder["news"].pages, per_folder["news"].with_gold) == (2, 1)
    assert per_folder["blogs/2024"].layout == "<id>.html + <id>.txt"
    assert per_folder["portal"].layout == "pages.json"
    assert per_folder[f"cases/kit/{SAMPLE_DIRS[3].name}"].layout == "samples"
    assert any("news: 2 pages (1 with gold)" in line for line in found.summary_lines())
    assert [p.id for p in load(nested)] == [p.id for p in found.pages]


def test_the_shipped_layouts_still_load_as_before() -> None:
    pages = load(SAMPLES)
    assert {p.source for p in pages} == {"samples"}
    assert {p.id for p in pages} == {
        d.name for d in SAMPLES.iterdir() if (d / "page.html").is_file()
    }
    one = load(SAMPLE_DIRS[0])  # one sample folder given directly
    assert [(p.source, p.id) for p in one] == [("samples", SAMPLE_DIRS[0].name)]


def test_bench_runs_on_a_nested_corpus(
    nested: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.json"
    code = bench.main(
        [
            str(nested),
            "--extractors",
            "cleanser",
            "--jobs",
            "0",
            "--no-progress",
            "--json",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"{nested / 'blogs' / '2024'}: 1 pages (1 with gold)" in err
    records = json.loads(out.read_text("utf-8"))["pages"]
    timed = {(r["source"], r["page_id"]) for r in records if r["extractor"] == "cleanser"}
    assert ("news", "n2") in timed and len(timed) == 5  # the page without gold is run too


def test_nothing_found_says_what_was_seen_and_which_layouts_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "wrong"
    (root / "gold").mkdir(parents=True)
    for i in range(3):
        (root / "gold" / f"{i}.txt").write_text("正文", encoding="utf-8")
    (root / "crawl.warc.gz").write_bytes(b"")
    code = bench.main([str(root), "--extractors", "cleanser", "--jobs", "0"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"no pages found under {root}" in err
    assert "3 .txt files without an <id>.html beside them" in err
    assert "1 web archives: extract them with cleanser batch" in err
    for layout in LAYOUTS:
        assert layout in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert bench.main([str(empty), "--extractors", "cleanser"]) == 2
    assert "seen: no files" in capsys.readouterr().err


def test_a_bad_pages_json_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "pages.json").write_text('{"not": "an array"}', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"not a corpus pages\.json"):
        discover(tmp_path)
    assert bench.main([str(tmp_path), "--extractors", "cleanser"]) == 2
    assert "src/pages.json: not a corpus pages.json" in capsys.readouterr().err


def test_sources_filter_that_leaves_nothing_lists_the_sources(
    nested: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main([str(nested), "--extractors", "cleanser", "--sources", "nope"]) == 2
    err = capsys.readouterr().err
    assert "no pages left after --sources/--limit" in err and "blogs/2024" in err


def test_load_folders_reads_each_folder_and_names_a_missing_one(tmp_path: Path) -> None:
    samples = REPO / "samples"
    assert [p.id for p in load_folders([samples])] == [p.id for p in load(samples)]
    with pytest.raises(CorpusError, match=r"no such folder: .*nowhere"):
        load_folders([samples, tmp_path / "nowhere"])
