"""The ``cleanser`` command line, run as a user runs it (a subprocess), plus a few in-process checks."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import cleanser
from cleanser import cli
from cleanser.cli import extract as cli_extract
from cleanser.cli import shared as cli_shared

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
PAGE = SAMPLES / "yayu-small-portal" / "page.html"
if not PAGE.exists():  # the samples are still being written: any sample will do
    PAGE = sorted(SAMPLES.glob("*/page.html"))[0]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
BIG5_TEXT = "颱風來襲，氣象局發布海上颱風警報，提醒民眾注意強風豪雨，做好防颱準備。" * 3


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m cleanser ARGS`` with the repository importable, capturing bytes."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C"}  # C locale: output stays UTF-8
    return subprocess.run(
        [sys.executable, "-m", "cleanser", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )


def test_extract_file_prints_text() -> None:
    res = run("extract", str(PAGE))
    assert res.returncode == 0, res.stderr
    want = cleanser.extract(PAGE.read_bytes()).text
    assert want
    assert res.stdout.decode("utf-8") == want + "\n"
    assert res.stderr == b""


def test_extract_stdin_to_stdout_in_every_format() -> None:
    data = PAGE.read_bytes()
    url = "https://news.example.cn/2024/a.html"
    art = cleanser.extract(data, url)
    for fmt, want in (("text", art.text), ("markdown", art.markdown), ("html", art.html)):
        res = run("extract", "-", "--url", url, "--format", fmt, stdin=data)
        assert res.returncode == 0, res.stderr
        assert res.stdout.decode("utf-8").rstrip("\n") == want.rstrip("\n")
    res = run("extract", "-", "--url", url, "-f", "json", stdin=data)
    assert json.loads(res.stdout) == json.loads(art.to_json())


def test_gzipped_file_and_options(tmp_path: Path) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(PAGE.read_bytes()))
    res = run("extract", str(gz), "-O", "focus=precision", "--option", "tables=false")
    assert res.returncode == 0, res.stderr
    opts = cleanser.Options(focus="precision", tables=False)
    assert res.stdout.decode() == cleanser.extract(PAGE.read_bytes(), options=opts).text + "\n"


def test_encoding_hint() -> None:
    data = f"<html><body><article><p>{BIG5_TEXT}</p></article></body></html>".encode("big5")
    res = run("extract", "-", "--encoding", "big5", "-f", "json", stdin=data)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["encoding"] == "big5hkscs"
    assert BIG5_TEXT in out["text"]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("extract", "-"), PNG, "cleanser: input is a PNG image, not HTML"),
        (("extract", "/no/such/page.html"), None, "cleanser: /no/such/page.html: No such file"),
    ],
)
def test_bad_input_exits_1_with_one_line(
    args: tuple[str, ...], stdin: bytes | None, message: str
) -> None:
    res = run(*args, stdin=stdin)
    assert res.returncode == 1
    err = res.stderr.decode()
    assert err.startswith(message)
    assert err.count("\n") == 1
    assert res.stdout == b""


def test_page_without_article_exits_0_with_reason() -> None:
    res = run("extract", "-", stdin=b"   \n")
    assert res.returncode == 0
    assert res.stdout == b""
    assert res.stderr.decode().startswith("cleanser: no article found:")


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("extract", "x.html", "--format", "pdf"),
        ("extract", "x.html", "--precision", "--recall"),
        ("extract", "x.html", "-O", "focus=sideways"),
        ("extract", "x.html", "-O", "nonsense=1"),
        ("extract", "x.html", "--encoding", "klingon"),
        ("frobnicate",),
        ("batch", "x.html"),  # no -o
        ("batch", "x.html", "-o", "o.jsonl", "--workers", "0"),
        ("batch", "x.html", "-o", "o.jsonl", "--resume", "--overwrite"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    res = run(*args)
    assert res.returncode == 2, res.stderr
    assert b"usage" in res.stderr.lower()


def test_explain() -> None:
    res = run("extract", str(PAGE), "--explain")
    assert res.returncode == 0, res.stderr
    assert res.stdout.decode() == cleanser.explain(PAGE.read_bytes()).to_text().rstrip("\n") + "\n"
    res = run("extract", str(PAGE), "--explain", "-f", "json")
    assert res.returncode == 0, res.stderr
    assert isinstance(json.loads(res.stdout), dict)


def test_explain_missing_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delattr(cleanser, "explain", raising=False)
    assert cli.main(["extract", str(PAGE), "--explain"]) == 2
    assert "--explain is not available" in capsys.readouterr().err


def test_bench_gets_every_remaining_argument(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        seen.append(argv)
        return 3

    monkeypatch.setitem(sys.modules, "cleanser.bench", types.SimpleNamespace(main=fake_main))
    monkeypatch.setattr(cleanser, "bench", sys.modules["cleanser.bench"], raising=False)
    assert cli.main(["bench", "--extractors", "cleanser,lxml", "--limit", "5", "-h"]) == 3
    assert seen == [["--extractors", "cleanser,lxml", "--limit", "5", "-h"]]


def test_batch_command(tmp_path: Path) -> None:
    pages = sorted(SAMPLES.glob("*/page.html"))[:4]
    out = tmp_path / "out.jsonl"
    res = run("batch", *map(str, pages), "-o", str(out), "--workers", "2", "-f", "markdown")
    assert res.returncode == 0, res.stderr
    err = res.stderr.decode()
    assert "cleanser batch: 4 pages" in err and "pages/s" in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(map(str, pages))
    assert all("markdown" in r and "text" not in r for r in records)

    again = run("batch", *map(str, pages), "-o", str(out))
    assert again.returncode == 2
    assert b"--resume" in again.stderr

    resumed = run("batch", *map(str, pages), "-o", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert b"0 pages" in resumed.stderr and b"4 already in the output" in resumed.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


def test_batch_to_stdout_and_missing_input(tmp_path: Path) -> None:
    res = run("batch", str(PAGE), "-o", "-", "--workers", "1")
    assert res.returncode == 0, res.stderr
    (record,) = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert record["text"] == cleanser.extract(PAGE.read_bytes()).text
    missing = run("batch", str(tmp_path / "nope.warc.gz"), "-o", str(tmp_path / "o.jsonl"))
    assert missing.returncode == 1
    assert missing.stderr.decode().startswith("cleanser: ")
    assert "no such file" in missing.stderr.decode()


def test_batch_reports_corrupt_archive_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    out = tmp_path / "o.jsonl"
    res = run("batch", str(bad), str(PAGE), "-o", str(out))
    assert res.returncode == 1
    assert b"bad.warc" in res.stderr
    assert len(out.read_text().splitlines()) == 1  # the good page is still done


def test_version_and_help() -> None:
    assert run("--version").stdout.decode().strip() == f"cleanser {cleanser.__version__}"
    res = run("--help")
    assert res.returncode == 0
    for command in (b"extract", b"batch", b"bench"):
        assert command in res.stdout


def test_repeated_drop_options_accumulate() -> None:
    from cleanser.cli import parse_options

    opts = parse_options(["drop=.share", "drop=#comments", "body=#content"])
    assert opts is not None
    assert opts.drop == (".share", "#comments") and opts.body == "#content"


# ----------------------------------------------------------------------- trafilatura's habits


def test_extract_without_file_reads_stdin() -> None:
    data = PAGE.read_bytes()
    res = run("extract", stdin=data)
    assert res.returncode == 0, res.stderr
    assert res.stdout.decode("utf-8") == cleanser.extract(data).text + "\n"


def test_txt_is_text_and_precision_recall_are_focus_shorthands() -> None:
    data = PAGE.read_bytes()
    res = run("extract", str(PAGE), "--format", "txt")
    assert res.returncode == 0, res.stderr
    assert res.stdout.decode("utf-8") == cleanser.extract(data).text + "\n"
    for flag in ("precision", "recall"):
        res = run("extract", str(PAGE), f"--{flag}", "-f", "json")
        assert res.returncode == 0, res.stderr
        want = cleanser.extract(data, options=cleanser.Options(focus=flag))  # type: ignore[arg-type]
        assert json.loads(res.stdout) == json.loads(want.to_json())
    # The shorthand is parsed into the same Options as -O focus=...
    ns = cli.build_parser().parse_args(["extract", "--recall", "-O", "focus=precision"])
    assert cli.parse_options(cli_shared.option_pairs(ns)) == cleanser.Options(focus="recall")
    ns = cli.build_parser().parse_args(["batch", "x", "-o", "y", "--precision", "-f", "txt"])
    assert ns.format == "text"
    assert cli.parse_options(cli_shared.option_pairs(ns)) == cleanser.Options(focus="precision")


WARC_RECORD = (
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example.cn/\r\n"
    b"Content-Length: 0\r\n\r\n\r\n\r\n"
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("crawl.warc", WARC_RECORD),
        ("crawl.warc.gz", gzip.compress(WARC_RECORD)),
        ("pages.json", b'[{"url": "https://a.example.cn/", "html": "<p>x</p>"}]'),
        ("pages.jsonl", b'{"url": "https://a.example.cn/", "html": "<p>x</p>"}\n'),
        ("misnamed.html", WARC_RECORD),
        ("misnamed.htm", b'{"url": "https://a.example.cn/", "html": "<p>x</p>"}\n{"url": 1}\n'),
    ],
)
def test_extract_refuses_containers_and_points_to_batch(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    res = run("extract", str(path))
    assert res.returncode == 2, res.stderr
    assert res.stdout == b""
    assert b"cleanser batch" in res.stderr
    if content[:2] != b"\x1f\x8b":  # known by its content too, on standard input
        res = run("extract", stdin=content)
        assert res.returncode == 2 and b"cleanser batch -" in res.stderr


def test_extract_given_two_files_points_to_batch() -> None:
    for args in (("extract", str(PAGE), str(PAGE)), ("extract", str(PAGE), "--url", "u", "b.html")):
        res = run(*args)
        assert res.returncode == 2
        assert b"cleanser batch" in res.stderr and b"unrecognized" not in res.stderr
    res = run("extract", str(PAGE), "--no-such-flag")
    assert res.returncode == 2 and b"unrecognized arguments: --no-such-flag" in res.stderr


def test_gzip_bomb_is_read_only_up_to_the_cap(tmp_path: Path) -> None:
    """Issue 17: ``read_input`` inflates at most ``max_bytes`` (+1), streaming."""
    import tracemalloc

    from cleanser import InputTooLargeError, Options

    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        fh.write(b"<html><body><p>" + BIG5_TEXT.encode() + b"</p>")
        for _ in range(150):
            fh.write(b" " * 1_000_000)
    tracemalloc.start()
    try:
        data = cli_extract.read_input(str(bomb), Options(max_bytes=1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data.startswith(b"<html><body><p>") and len(data) <= 1_000_001
    assert peak < 10_000_000, peak
    with pytest.raises(InputTooLargeError):
        cli_extract.read_input(str(bomb), Options(max_bytes=1_000_000, truncate=False))
    res = run("extract", str(bomb), "-O", "max_bytes=1000000")
    assert res.returncode == 0, res.stderr
    assert BIG5_TEXT[:20] in res.stdout.decode("utf-8")
    res = run("extract", str(bomb), "-O", "max_bytes=1000000", "-O", "truncate=false")
    assert res.returncode == 1 and b"Traceback" not in res.stderr
