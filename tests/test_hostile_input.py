"""Bytes that are almost right, bytes that are not text, and pages of hostile shape (issue 17).

- A UTF-8 page cut mid-character or with a stray byte keeps its article.
- Random bytes raise ``NotHTMLError`` from ``extract``, are a failed record in a
  batch, and make ``cleanser extract`` exit 1.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleanser
from cleanser import NotHTMLError
from cleanser.batch import run_batch
from cleanser.body.dom import parse
from cleanser.body.features import _data_tables

PARAS = [
    "国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，城乡居民收入差距继续缩小。",
    "专家表示，消费市场逐步回暖，服务消费增长较快，新业态新模式不断涌现，为经济增长注入了新的动力。",
    "记者从有关部门了解到，下一步将继续加大政策支持力度，推动各项措施落地见效，促进经济持续健康发展。",
]
PAGE = (
    "<html><head><title>收入稳步增长</title></head><body><article>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
).encode()

# 20 KB of random bytes whose share of control bytes passes the older byte-level
# check (seed chosen for that): only the decoded-text check refuses them.
RANDOM_20K = random.Random(12).randbytes(20_000)


def test_page_cut_mid_character_keeps_its_article() -> None:
    article = cleanser.extract(PAGE + "电。".encode()[:-1])
    assert article.encoding == "utf-8"
    assert all(p in article.text for p in PARAS)


def test_stray_byte_keeps_the_article_and_costs_one_replacement() -> None:
    data = PAGE.replace("差距".encode(), b"\xff" + "差距".encode())
    article = cleanser.extract(data)
    assert article.encoding == "utf-8"
    assert PARAS[0].replace("差距", "\ufffd差距") in article.text
    assert PARAS[1] in article.text and article.text.count("\ufffd") == 1


def test_random_bytes_raise_not_html_with_the_reason() -> None:
    with pytest.raises(NotHTMLError, match="not text: read as"):
        cleanser.extract(RANDOM_20K)


def test_batch_records_random_bytes_as_a_failure(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "random.html").write_bytes(RANDOM_20K)
    (src / "page.html").write_bytes(PAGE)
    out = tmp_path / "out.jsonl"
    run_batch([str(src)], str(out), workers=1)
    records = {Path(r["id"]).name: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert records["random.html"]["error_type"] == "NotHTMLError"
    assert "text" not in records["random.html"] or not records["random.html"]["text"]
    assert PARAS[0] in records["page.html"]["text"]


def test_cli_extract_exits_1_on_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "random.html"
    path.write_bytes(RANDOM_20K)
    res = subprocess.run(
        [sys.executable, "-m", "cleanser", "extract", str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert res.returncode == 1 and res.stdout == b""
    assert res.stderr.decode().startswith("cleanser: input is not text")
    assert res.stderr.count(b"\n") == 1


# ---------------------------------------------------------------------------
# Work bounded by size, not shape
# ---------------------------------------------------------------------------


def nested_tables(depth: int) -> str:
    return (
        "<html><body>"
        + "<table><tr><td>" * depth
        + f"<p>{PARAS[0]}</p>"
        + "</td></tr></table>" * depth
        + "</body></html>"
    )


def test_data_tables_are_those_without_layout_below() -> None:
    root = parse(
        "<html><body><table id=layout><tr><td><div>菜单</div>"
        "<table id=data><tr><td>1</td><!-- <div> in a comment --><td>2</td></tr></table>"
        "</td></tr></table><table id=pic><tr><td><img src=a.png></td></tr></table>"
        "<table id=outer><tr><td><table id=inner><tr><td>x</td></tr></table></td></tr></table>"
        "</body></html>"
    )
    assert root is not None
    assert {t.get("id") for t in _data_tables(root)} == {"data", "inner"}


def test_five_thousand_nested_tables_in_bounded_time() -> None:
    data = nested_tables(5000).encode()
    start = time.perf_counter()
    article = cleanser.extract(data)
    elapsed = time.perf_counter() - start
    assert PARAS[0] in article.text
    assert elapsed < 4, f"{elapsed:.1f} s (was 16 s with the quadratic XPath; 0.3 s now)"


# ---------------------------------------------------------------------------
# Batch file-system errors: one clear line, a non-zero exit, nothing lost
# ---------------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleanser", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        (folder / f"p{i}.html").write_bytes(PAGE)
    return folder


@pytest.mark.parametrize(
    ("output", "why"),
    [("missing/out.jsonl", "No such file or directory"), ("in/p0.html/o.jsonl", "Not a directory")],
)
def test_output_that_cannot_be_written_is_one_line(pages: Path, output: str, why: str) -> None:
    res = cli("batch", str(pages), "-o", str(pages.parent / output), "--workers", "1")
    assert res.returncode == 1
    assert res.stderr == f"cleanser: {pages.parent / output}: cannot write the output: {why}\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to fill")
def test_disk_full_is_one_line_and_exit_1(pages: Path) -> None:
    res = cli("batch", str(pages), "-o", "/dev/full", "--overwrite", "--workers", "1")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert res.stderr.startswith("cleanser: /dev/full: writing the output failed after 0 records")
    assert res.stderr.count("\n") == 1


def test_unreadable_page_file_sets_the_exit_status(pages: Path, tmp_path: Path) -> None:
    (pages / "gone.html").symlink_to(tmp_path / "nowhere.html")  # dangling link
    out = tmp_path / "out.jsonl"
    res = cli("batch", str(pages), "-o", str(out), "--workers", "1")
    assert res.returncode == 1, res.stderr
    assert "1 page files could not be read" in res.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 3  # the readable pages are all done
    (gone,) = [r for r in records if r["id"].endswith("gone.html")]
    assert gone["error_type"] == "FileNotFoundError"
    report = run_batch([str(pages)], str(tmp_path / "again.jsonl"), workers=1)
    assert report.unreadable == 1 and report.ok == 2
