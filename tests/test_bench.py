"""Unit tests of ``cleanser bench``: metrics, aggregation, runners, floors, CLI outputs.

They use tiny hand-made pages and fake extractors (module-level functions named
as ``module:function``), so they need no peer library and run in seconds.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import time
from dataclasses import replace
from pathlib import Path

import pytest

from cleanser import bench
from cleanser.evaluate.charf1 import _lcs_length, rouge_l
from cleanser.evaluate.corpus import Page

ARTICLE = "国家统计局今天发布数据，前三季度居民收入稳步增长，城乡差距继续缩小。"
SIDEBAR = "猜你喜欢：明星八卦新闻一则"
ME = __name__


# ----------------------------------------------------------------------------- fakes


def _body(raw: bytes) -> str:
    m = re.search(r"<p>(.*?)</p>", raw.decode("utf-8"), re.S)
    return m.group(1) if m else ""


def fake_perfect(raw: bytes, url: str | None) -> str:
    """Returns exactly the page's <p> text (the gold of the fake pages)."""
    return _body(raw)


def fake_leaky(raw: bytes, url: str | None) -> bench.Output:
    """The body plus the sidebar, with a title."""
    return bench.Output(_body(raw) + "\n" + SIDEBAR, title="示例标题", date="2024年3月5日")


def fake_half(raw: bytes, url: str | None) -> str:
    """Half the body: a recall of one half."""
    text = _body(raw)
    return text[: len(text) // 2]


def fake_crash(raw: bytes, url: str | None) -> str:
    raise RuntimeError("boom")


def fake_sleep(raw: bytes, url: str | None) -> str:
    time.sleep(30)
    return ""


def fake_hang(raw: bytes, url: str | None) -> str:
    """A hang SIGALRM cannot interrupt (as in C code): only the watchdog helps."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(30)
    return ""


def fake_exit(raw: bytes, url: str | None) -> str:
    """A hard crash of the worker process (as a segfault would be)."""
    os._exit(3)


def _page_html(body: str) -> str:
    return (
        "<html><head><meta charset='utf-8'><title>示例标题</title></head><body>"
        f"<div class='nav'>首页 新闻</div><p>{body}</p><div>{SIDEBAR}</div></body></html>"
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A flat corpus: two Chinese articles, a list page (empty gold), an English page."""
    root = tmp_path / "mini"
    root.mkdir()
    pages = {
        "a1": ARTICLE,
        "a2": ARTICLE.replace("国家统计局", "海关总署") * 2,
        "list": "",
        "en": "The quick brown fox jumps over the lazy dog near the river bank today.",
    }
    for pid, gold in pages.items():
        (root / f"{pid}.html").write_text(_page_html(gold), encoding="utf-8")
        (root / f"{pid}.txt").write_text(gold, encoding="utf-8")
    return root


def _pages(corpus: Path) -> list[Page]:
    return bench.load_pages([corpus])


def _ext(name: str) -> bench.Extractor:
    return bench.resolve_extractor(f"{ME}:{name}")


# ----------------------------------------------------------------------------- metrics


def _lcs_dp(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def test_bit_parallel_lcs_equals_the_dynamic_programme() -> None:
    rng = random.Random(7)
    for _ in range(500):
        k = rng.randint(1, 5)
        a = [rng.choice("abcdef"[:k]) for _ in range(rng.randint(0, 40))]
        b = [rng.choice("abcdef"[: k + 1]) for _ in range(rng.randint(0, 40))]
        assert _lcs_length(a, b) == _lcs_dp(a, b)


def test_rouge_l_is_fast_on_long_pages() -> None:
    rng = random.Random(3)
    gold = "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(20_000))
    out = gold[:15_000] + "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(10_000))
    t0 = time.perf_counter()
    score = rouge_l(out, gold)
    assert time.perf_counter() - t0 < 2.0
    assert 0.6 < score < 0.8


def test_score_page_perfect_leaky_and_list_pages(corpus: Path) -> None:
    pages = {p.id: p for p in _pages(corpus)}
    ext = _ext("fake_perfect")
    good = bench.score_page(pages["a1"], ext, bench.Output(ARTICLE), zh=True)
    assert good.f1 == good.rouge_l == 1.0 and not good.empty and good.leaks == []
    leaky = bench.score_page(pages["a1"], ext, bench.Output(ARTICLE + SIDEBAR), zh=True)
    assert leaky.leaks == ["sidebar"] and leaky.precision is not None and leaky.precision < 1
    listed = bench.score_page(pages["list"], ext, bench.Output(""), zh=True)
    assert listed.f1 == 1.0 and listed.gold_empty and not listed.empty
    noisy_list = bench.score_page(pages["list"], ext, bench.Output(ARTICLE), zh=True)
    assert noisy_list.f1 == 0.0
    empty = bench.score_page(pages["a1"], ext, bench.Output("短"), zh=True)
    assert empty.empty
    failed = bench.score_page(pages["list"], ext, None, zh=True, status="error", error="x")
    assert failed.f1 == 0.0, "a failed call earns nothing, even where the answer is empty"


def test_leaks_only_count_markers_the_gold_lacks() -> None:
    assert bench.leak_classes("正文 版权所有 分享到", "正文") == ["footer", "nav"]
    assert bench.leak_classes("正文 版权所有", "正文 版权 所有") == []
    assert bench.leak_classes("正文 Copy Right ©2024", None) == ["footer"]


def test_snippet_checks_need_with_and_lack_without() -> None:
    assert bench.snippet_checks("甲乙丙 丁", ["乙丙丁"], ["戊"]) == (2, 2)
    assert bench.snippet_checks("甲乙丙", ["丁"], ["甲"]) == (0, 2)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2005-5-7 21:23:57", (2005, 5, 7)),
        ("2013年11月27日 04:09", (2013, 11, 27)),
        ("2014/01/31 18:32", (2014, 1, 31)),
        ("2019-08-05T10:22:00+08:00", (2019, 8, 5)),
        ("March 7, 2009", (2009, 3, 7)),
        ("7 Mar 2009", (2009, 3, 7)),
        ("2018", None),
        ("刘涛", None),
        (None, None),
    ],
)
def test_parse_day(value: str | None, day: tuple[int, int, int] | None) -> None:
    assert bench.parse_day(value) == day


def test_meta_matches_title_date_author() -> None:
    gold = {"title": "示例 标题", "date": "2024-03-05 08:00", "author": ["王建宏", "张文攀"]}
    out = bench.Output("", title="示例标题", date="2024年3月5日", author="张文攀; 记者")
    assert bench.meta_matches(out, gold, ("title", "date", "author")) == {
        "title": True,
        "date": True,
        "author": True,
    }
    wrong = bench.Output("", title="示例标题_网易新闻", date=None, author=None)
    assert bench.meta_matches(wrong, gold, ("title", "date", "author")) == {
        "title": False,
        "date": False,
        "author": False,
    }
    assert bench.meta_matches(out, {"date": "2018"}, ("date",)) == {}
    assert bench.meta_matches(out, gold, ()) == {}


def test_html_to_text_keeps_blocks_on_lines() -> None:
    html = "<div><h2>标题</h2><p>第一段<b>加粗</b></p><script>x=1</script><p>第二段</p></div>"
    assert bench.html_to_text(html) == "标题\n第一段加粗\n第二段"
    assert bench.html_to_text("") == ""


def test_page_language_guess(corpus: Path) -> None:
    langs = {p.id: bench.page_is_zh(p) for p in _pages(corpus)}
    assert langs == {"a1": True, "a2": True, "list": True, "en": False}


# ----------------------------------------------------------------------------- runs


def test_inline_run_aggregates_and_counts_crashes(corpus: Path) -> None:
    pages = _pages(corpus)
    exts = [_ext("fake_perfect"), _ext("fake_leaky"), _ext("fake_crash")]
    result = bench.run(pages, exts, jobs=0, timeout=5)
    report = bench.summarize(result)
    by = {s.name: s for s in report.summaries}
    perfect, leaky, crash = (by[f"{ME}:{n}"] for n in ("fake_perfect", "fake_leaky", "fake_crash"))
    assert report.groups == {"mini": 4, bench.GROUP_ZH: 3, bench.GROUP_NONZH: 1}
    assert perfect.groups[bench.GROUP_ZH].f1 == 1.0
    assert perfect.groups[bench.GROUP_ZH].good_share == 1.0
    assert perfect.errors == 0 and perfect.empty == 0
    assert crash.errors == 4 and crash.groups["mini"].f1 == 0.0
    assert leaky.groups[bench.GROUP_ZH].leaks["sidebar"] == 1.0
    assert report.summaries[-1] is crash, "sorted by F1 on Chinese pages"
    assert report.floor is not None and report.floor.pages_per_s
    assert perfect.x_floor is not None and perfect.pages == 4


def test_inline_run_times_out_with_sigalrm(corpus: Path) -> None:
    pages = _pages(corpus)[:1]
    t0 = time.perf_counter()
    result = bench.run(pages, [_ext("fake_sleep")], jobs=0, timeout=0.2, floor=False)
    assert time.perf_counter() - t0 < 5
    assert [r.status for r in result.records] == ["timeout"]


def test_workers_survive_timeouts_hangs_and_crashes(corpus: Path) -> None:
    pages = _pages(corpus)[:2]
    exts = [_ext(n) for n in ("fake_sleep", "fake_hang", "fake_exit", "fake_perfect")]
    t0 = time.perf_counter()
    result = bench.run(pages, exts, jobs=1, timeout=0.3, grace=0.7)
    assert time.perf_counter() - t0 < 12
    status = {(r.extractor.split(":")[-1], r.page_id): r.status for r in result.records}
    for pid in ("a1", "a2"):
        assert status["fake_sleep", pid] == "timeout"  # SIGALRM inside the worker
        assert status["fake_hang", pid] == "timeout"  # the parent's watchdog
        assert status["fake_exit", pid] == "error"  # worker died, restarted
        assert status["fake_perfect", pid] == "ok"
        assert status["lxml parse", pid] == "ok"
    crashed = [r for r in result.records if r.extractor.endswith("fake_exit")]
    assert all("exit code 3" in (r.error or "") for r in crashed)
    report = bench.summarize(result)
    by = {s.name.split(":")[-1]: s for s in report.summaries}
    assert by["fake_sleep"].timeouts == 2 and by["fake_hang"].timeouts == 2
    assert by["fake_exit"].errors == 2 and by["fake_perfect"].errors == 0
    assert by["fake_perfect"].peak_rss_mb and by["fake_perfect"].peak_rss_mb > 1


def test_workers_also_start_under_spawn(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from cleanser.bench import workers

    monkeypatch.setattr(workers, "_mp_context", lambda: multiprocessing.get_context("spawn"))
    result = bench.run(_pages(corpus)[:1], [_ext("fake_perfect")], jobs=1)
    assert [(r.extractor, r.status) for r in result.records] == [
        (f"{ME}:fake_perfect", "ok"),
        ("lxml parse", "ok"),
    ]


def test_worker_that_cannot_import_is_skipped(corpus: Path) -> None:
    missing = bench.resolve_extractor("no_such_module_xyz:fn")
    result = bench.run(_pages(corpus)[:1], [missing, _ext("fake_perfect")], jobs=1, floor=False)
    assert "no_such_module_xyz:fn" in result.skipped
    assert {r.extractor for r in result.records} == {f"{ME}:fake_perfect"}
    with pytest.raises(RuntimeError):
        bench.run(_pages(corpus)[:1], [missing], jobs=1, floor=False, strict=True)
    # Not strict and nothing starts: an empty run that says why, not a crash.
    alone = bench.run(_pages(corpus)[:1], [missing], jobs=1, floor=False)
    assert alone.records == [] and "no_such_module_xyz:fn" in alone.skipped


def test_interleaving_rotates_the_order() -> None:
    names = ["a", "b", "c"]
    assert [bench._rotated(names, i)[0] for i in range(4)] == ["a", "b", "c", "a"]


def test_worst_pages_lists_where_cleanser_trails(corpus: Path) -> None:
    pages = _pages(corpus)
    result = bench.run(pages, [_ext("fake_perfect"), _ext("fake_half")], jobs=0, floor=False)
    # present the half extractor as "cleanser" to exercise the target logic
    for rec in result.records:
        if rec.extractor.endswith("fake_half"):
            rec.extractor = "cleanser"
    result.extractors = [result.extractors[0], replace(result.extractors[1], name="cleanser")]
    rows = bench.worst_pages(bench.summarize(result), 2)
    assert len(rows) == 2 and rows[0]["gap"] >= rows[1]["gap"] > 0.3
    assert "list" not in {r["page"] for r in rows}, "both are right on the list page"
    assert rows[0]["best_peer"]["name"].endswith("fake_perfect")
    assert rows[0]["cleanser"]["head"] and rows[0]["path"].endswith(".html")


# ----------------------------------------------------------------------------- floors


def test_floor_for_rounds_down_below_the_margin() -> None:
    assert bench.floor_for(0.9876) == 0.967
    assert bench.floor_for(0.01) == 0.0


def test_check_floors_reports_only_measured_shortfalls() -> None:
    floors = {"a": 0.9, "b": 0.8, "gone": 0.5}
    shortfalls = bench.check_floors({"a": 0.95, "b": 0.7}, floors)
    assert shortfalls == [bench.Shortfall("b", 0.8, 0.7)]
    assert "b: mean F1 0.7000 < floor 0.800" in bench.format_shortfalls(shortfalls)


def test_update_floors_raises_keeps_and_refuses() -> None:
    old = {"a": 0.90, "b": 0.80, "c": 0.70}
    up = bench.update_floors(old, {"a": 0.99, "b": 0.81, "new": 0.5})
    assert up.floors == {"a": 0.97, "b": 0.80, "c": 0.70, "new": 0.48}
    assert set(up.raised) == {"a", "new"} and up.kept == ["b"] and not up.refused
    refused = bench.update_floors(old, {"a": 0.99, "c": 0.60})
    assert refused.refused and refused.floors == old
    assert refused.regressions == [bench.Shortfall("c", 0.70, 0.60)]
    allowed = bench.update_floors(old, {"a": 0.99, "c": 0.60}, allow_regression=True)
    assert allowed.floors["c"] == 0.58 and allowed.floors["a"] == 0.97


# ----------------------------------------------------------------------------- CLI


def test_main_writes_json_markdown_and_worst(corpus: Path, tmp_path: Path, capsys) -> None:
    out_json, out_md = tmp_path / "r.json", tmp_path / "r.md"
    code = bench.main(
        [
            str(corpus),
            "--extractors",
            f"cleanser,{ME}:fake_half",
            "--jobs",
            "0",
            "--no-progress",
            "--json",
            str(out_json),
            "--markdown",
            str(out_md),
            "--worst",
            "1",
            "--save-outputs",
            str(tmp_path / "outs"),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "Mean F1 per source" in printed and "trails the best peer" in printed
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert {e["name"] for e in data["extractors"]} == {"cleanser", f"{ME}:fake_half"}
    assert len(data["pages"]) == 4 * 3  # two extractors and the lxml floor
    md = out_md.read_text(encoding="utf-8")
    assert md.startswith("Command: `cleanser bench") and "| cleanser |" in md
    assert (tmp_path / "outs" / "cleanser" / "mini" / "a1.txt").is_file()


def test_main_plot(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "b.png"
    args = [str(corpus), "--extractors", f"{ME}:fake_perfect", "--jobs", "0", "--no-progress"]
    assert bench.main([*args, "--plot", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_main_update_floors_raises_then_refuses_to_lower(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    floors = tmp_path / "floors.json"
    base = [str(corpus), "--extractors", "cleanser", "--jobs", "0", "--no-progress"]
    assert bench.main([*base, "--update-floors", "--floors", str(floors)]) == 0
    pinned = json.loads(floors.read_text(encoding="utf-8"))["floors"]
    assert pinned["mini"] > 0.5 and bench.GROUP_ZH in pinned

    import cleanser

    real = cleanser.extract

    def worse(*a, **k):  # type: ignore[no-untyped-def]
        art = real(*a, **k)
        return replace(art, text=art.text[: len(art.text) // 3])

    monkeypatch.setattr(cleanser, "extract", worse)
    assert bench.main([*base, "--check-floors", "--floors", str(floors)]) == 1
    assert bench.main([*base, "--update-floors", "--floors", str(floors)]) == 1
    assert json.loads(floors.read_text(encoding="utf-8"))["floors"] == pinned
    args = [*base, "--update-floors", "--allow-regression", "--floors", str(floors)]
    assert bench.main(args) == 0
    assert json.loads(floors.read_text(encoding="utf-8"))["floors"]["mini"] < pinned["mini"]


@pytest.mark.parametrize("content", [None, "", "{}", '{"floors": {}}', "not json"])
def test_check_floors_without_floors_is_an_error(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None
) -> None:
    floors = tmp_path / "nested" / "floors.json"
    if content is not None:
        floors.parent.mkdir()
        floors.write_text(content, encoding="utf-8")
    base = [str(corpus), "--extractors", "cleanser", "--jobs", "0", "--no-progress"]
    assert bench.main([*base, "--check-floors", "--floors", str(floors)]) == 2
    err = capsys.readouterr().err
    assert "--check-floors" in err and str(floors) in err  # says where it looked
    assert "floors met" not in err


def test_check_floors_default_path_missing_is_an_error(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # As from an installed package: no tests/floors.json beside the code.
    absent = tmp_path / "site-packages" / "tests" / "floors.json"
    monkeypatch.setattr(bench.cli, "FLOORS_PATH", absent)
    base = [str(corpus), "--extractors", "cleanser", "--jobs", "0", "--no-progress"]
    assert bench.main([*base, "--check-floors"]) == 2
    assert f"no floors file at {absent}" in capsys.readouterr().err
    # The floors step itself refuses too, when called without main's early check.
    _, report = bench.floors.measure_cleanser(bench.load_pages([corpus]))
    args = bench.build_parser().parse_args([str(corpus), "--check-floors"])
    assert args.floors == absent
    assert bench.floors._floors_step(report, args) == 2
    assert str(absent) in capsys.readouterr().err


def test_readme_section_replaces_only_between_the_markers(corpus: Path, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\nIntro stays.\n", encoding="utf-8")
    args = [str(corpus), "--extractors", f"cleanser,{ME}:fake_half", "--jobs", "0"]
    assert bench.main([*args, "--no-progress", "--readme", str(readme)]) == 0
    first = readme.read_text(encoding="utf-8")
    start, end = bench.README_MARKERS
    assert first.startswith("# Title\n\nIntro stays.\n\n" + start) and first.endswith(end + "\n")
    assert "## Benchmark" in first and "cleanser ahead of" in first
    readme.write_text(first + "\nAfter the section.\n", encoding="utf-8")
    assert bench.main([*args, "--no-progress", "--readme", str(readme)]) == 0
    second = readme.read_text(encoding="utf-8")
    assert second.count(start) == 1 and second.endswith("\nAfter the section.\n")


def test_readme_section_keeps_other_prose_inside_the_markers(tmp_path: Path) -> None:
    """Another section placed after the start marker, before ## Benchmark, survives."""
    start, end = bench.README_MARKERS
    other = "## Accuracy elsewhere\n\n<!-- crosssite:start -->\nT\n<!-- crosssite:end -->\n\nProse."
    readme = tmp_path / "README.md"
    readme.write_text(f"# T\n\n{start}\n{other}\n\n## Benchmark\n\nold 0.1\n{end}\n\nEnd.\n")
    bench.write_readme_section(readme, "## Benchmark\n\nnew 0.9\n")
    text = readme.read_text(encoding="utf-8")
    assert text == f"# T\n\n{start}\n{other}\n\n## Benchmark\n\nnew 0.9\n{end}\n\nEnd.\n"
    # With nothing before the heading, the whole block is the section, as before.
    readme.write_text(f"# T\n\n{start}\n## Benchmark\n\nold\n{end}\n", encoding="utf-8")
    bench.write_readme_section(readme, "## Benchmark\n\nnew\n")
    assert readme.read_text(encoding="utf-8") == f"# T\n\n{start}\n## Benchmark\n\nnew\n{end}\n"


def test_main_rejects_unknown_extractor_and_missing_folder(tmp_path: Path) -> None:
    assert bench.main([str(tmp_path), "--extractors", "nope"]) == 2
    assert bench.main([str(tmp_path / "absent")]) == 2


def test_default_extractors_always_include_the_three() -> None:
    chosen, skipped = bench.select_extractors(None)
    names = [e.name for e in chosen]
    assert names[:3] == ["cleanser", "trafilatura", "readability-lxml"]
    assert set(names) | set(skipped) == set(bench.EXTRACTORS)
