"""Batch inputs keyed by canonical identity: another spelling of a path is the same page.

Issue 17: resuming with ``./d/a.html``, ``d//a.html``, an absolute path or a symlink
to a file an earlier run wrote as ``d/a.html`` wrote that page twice. Record ids stay
the path as first spelled; ``--resume`` and the de-duplication of inputs go by the
resolved path. Run as a user runs it: the ``cleanser`` command, in a temp folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from cleanser.batch import DoneSet, Task, canonical_path, iter_tasks, resolve_inputs
from cleanser.batch.inputs import InputStats

REPO = Path(__file__).resolve().parent.parent
PARA = "北京时间今天上午，国务院新闻办公室举行新闻发布会，介绍前三季度国民经济运行情况。"


def write_pages(folder: Path, names: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        body = "".join(f"<p>{name}：{PARA}</p>" for _ in range(3))
        (folder / name).write_text(f"<html><body><div>{body}</div></body></html>", "utf-8")


def batch(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "cleanser", "batch", *args, "-j", "1"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def ids(out: Path) -> Counter[str]:
    return Counter(json.loads(line)["id"] for line in out.read_text("utf-8").splitlines())


def test_resume_under_other_spellings_writes_each_page_once(tmp_path: Path) -> None:
    write_pages(tmp_path / "d", ["a.html", "b.html", "c.html"])
    (tmp_path / "link.html").symlink_to(tmp_path / "d" / "a.html")
    out = tmp_path / "out.jsonl"

    first = batch(tmp_path, "d/a.html", "-o", "out.jsonl")
    assert first.returncode == 0, first.stderr
    assert ids(out) == Counter({"d/a.html": 1})

    # The same file as ./d/a.html, d//a.html, absolute and through a symlink: all done.
    spellings = ["./d/a.html", "d//a.html", str(tmp_path / "d" / "a.html"), "link.html"]
    for spelling in spellings:
        again = batch(tmp_path, spelling, "-o", "out.jsonl", "--resume")
        assert again.returncode == 0, again.stderr
        assert "1 already in the output" in again.stderr, (spelling, again.stderr)
        assert ids(out) == Counter({"d/a.html": 1}), spelling

    # A new page under an odd spelling is written under that spelling (normalised), once.
    batch(tmp_path, "d//b.html", "-o", "out.jsonl", "--resume")
    # The whole folder, absolute: a and b are done, only c is new.
    folder = batch(tmp_path, str(tmp_path / "d"), "-o", "out.jsonl", "--resume")
    assert "2 already in the output" in folder.stderr, folder.stderr
    assert ids(out) == Counter({"d/a.html": 1, "d/b.html": 1, str(tmp_path / "d" / "c.html"): 1})
    # Ids stay stable for one spelling: resuming as the first run did changes nothing.
    batch(tmp_path, "d/a.html", "d/b.html", "-o", "out.jsonl", "--resume")
    assert sum(ids(out).values()) == 3


def test_one_run_reads_a_file_named_twice_once(tmp_path: Path) -> None:
    write_pages(tmp_path / "d", ["a.html"])
    (tmp_path / "link.html").symlink_to(tmp_path / "d" / "a.html")
    res = batch(
        tmp_path, "d/a.html", "./d//a.html", str(tmp_path / "d"), "link.html", "-o", "out.jsonl"
    )
    assert res.returncode == 0, res.stderr
    assert ids(tmp_path / "out.jsonl") == Counter({"d/a.html": 1})
    skipped: list[str] = []
    sources = resolve_inputs(
        [str(tmp_path / "d/a.html"), str(tmp_path / "link.html")], skipped=skipped
    )
    assert [s.path for s in sources] == [str(tmp_path / "d" / "a.html")]
    assert skipped == [f"{tmp_path / 'link.html'}: the same file as {sources[0].path}, not read"]


def test_warc_and_jsonl_records_are_keyed_by_the_resolved_file(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        json.dumps({"html": "<p>一</p>"})
        + "\n"
        + json.dumps({"id": "x", "html": "<p>二</p>"})
        + "\n"
    )
    (tmp_path / "alias.jsonl").symlink_to(rows)
    tasks = [
        t if isinstance(t, Task) else t[0]
        for t in iter_tasks(resolve_inputs([str(tmp_path / "alias.jsonl")]), InputStats())
    ]
    assert [t.key for t in tasks] == [
        f"{canonical_path(str(rows))}#1",
        None,
    ]  # a given id is its own key
    done = DoneSet({f"{rows}#1", "x"})  # what a run over rows.jsonl wrote
    assert all(t in done for t in tasks)
    assert Task(id="other", key=f"{canonical_path(str(rows))}#2") not in done
    assert Task(id="y", key=None) not in DoneSet({"x"})
