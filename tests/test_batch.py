"""Batch extraction: inputs of every kind, faults in workers, and exactly-once across kills."""

from __future__ import annotations

import contextlib
import faulthandler
import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import cleanser
from cleanser import Article, Options
from cleanser.batch import (
    BatchError,
    extract_page,
    read_records,
    resolve_inputs,
    run_batch,
)
from cleanser.errors import NotHTMLError
from cleanser.io.warc import WarcWriter

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
#: The samples, as (path, bytes); the batch must reproduce extract() on each.
SAMPLE_PAGES = sorted(SAMPLES.glob("*/page.html"))
#: Marker comments that make :func:`faulty_extract` misbehave.
FAULTS = ("segv", "exit", "hang", "raise", "nothtml")


def faulty_extract(
    html: bytes | str, url: str | None = None, *, options: Options | None = None
) -> Article:
    """An extractor that crashes, hangs or raises on pages carrying a FAULT marker.

    Workers import it by name (``tests.test_batch:faulty_extract``), as they would
    a user's wrapper around ``extract``.
    """
    text = html if isinstance(html, str) else html.decode("utf-8", "replace")
    if "FAULT:segv" in text:
        faulthandler.disable()  # pytest's handler would print a traceback for this expected crash
        os.kill(os.getpid(), signal.SIGSEGV)
    if "FAULT:exit" in text:
        os._exit(3)
    if "FAULT:hang" in text:
        time.sleep(600)
    if "FAULT:memory" in text:
        hog = bytearray(8 * 1024**3)  # more than the worker's address-space limit
        return Article(text=str(len(hog)))
    if "FAULT:raise" in text:
        raise RuntimeError("extractor bug")
    if "FAULT:nothtml" in text:
        raise NotHTMLError("pretend binary")
    return cleanser.extract(html, url, options=options)


def by_id(path: Path) -> dict[str, dict[str, Any]]:
    records = list(read_records(path))
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), f"duplicate ids: {Counter(ids).most_common(3)}"
    return {r["id"]: r for r in records}


@pytest.fixture(scope="module")
def expected() -> dict[str, Article]:
    assert len(SAMPLE_PAGES) >= 10, "samples/ should hold the hand-written pages"
    return {os.path.normpath(p): cleanser.extract(p.read_bytes()) for p in SAMPLE_PAGES}


def test_folder_with_two_workers_matches_extract(
    tmp_path: Path, expected: dict[str, Article]
) -> None:
    out = tmp_path / "out.jsonl"
    report = run_batch([str(SAMPLES)], str(out), workers=2, fmt="json", chunk_size=3)
    records = by_id(out)
    assert set(records) == set(expected)
    for page_id, article in expected.items():
        rec = records[page_id]
        assert "error" not in rec
        assert rec["text"] == article.text
        assert rec["html"] == article.html
        assert rec["markdown"] == article.markdown
        assert rec["title"] == article.title
        assert rec["encoding"] == article.encoding
        assert rec["url"] is None
    assert report.pages == len(expected) == report.ok + report.empty
    assert report.failed == 0
    assert report.pages_per_second > 0
    assert "pages/s" in report.summary()


@pytest.mark.parametrize(
    ("fmt", "present", "absent"),
    [
        ("text", {"text"}, {"html", "markdown"}),
        ("markdown", {"markdown"}, {"text", "html"}),
        ("html", {"html"}, {"text", "markdown"}),
        ("json", {"text", "html", "markdown"}, set()),
    ],
)
def test_format_picks_the_body_fields(
    tmp_path: Path, fmt: str, present: set[str], absent: set[str]
) -> None:
    out = tmp_path / "out.jsonl"
    run_batch([str(p) for p in SAMPLE_PAGES[:2]], str(out), workers=1, fmt=fmt)  # type: ignore[arg-type]
    for rec in read_records(out):
        assert list(rec)[:2] == ["id", "url"]
        assert present <= rec.keys()
        assert not absent & rec.keys()
        assert {"title", "published", "author", "confidence", "canonical_url"} <= rec.keys()


def test_globs_gz_files_and_duplicates(tmp_path: Path, expected: dict[str, Article]) -> None:
    src = SAMPLE_PAGES[0]
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_bytes(src.read_bytes())
    (folder / "b.html.gz").write_bytes(gzip.compress(src.read_bytes()))
    (folder / "notes.txt").write_text("not a page")
    out = tmp_path / "out.jsonl"
    # The folder and a glob over it name a.html twice: it is extracted once.
    report = run_batch([str(folder), str(folder / "*.html"), str(folder)], str(out), workers=1)
    records = by_id(out)
    assert set(records) == {str(folder / "a.html"), str(folder / "b.html.gz")}
    want = expected[os.path.normpath(src)].text
    assert all(r["text"] == want for r in records.values())
    assert report.pages == 2
    with pytest.raises(BatchError, match="no such file"):
        resolve_inputs([str(tmp_path / "missing.html")])
    with pytest.raises(BatchError, match="matches no file"):
        resolve_inputs([str(tmp_path / "*.nothing")])


def write_sample_warc(path: Path) -> list[tuple[str, Path]]:
    """A gzipped WARC of every sample (charset from the sample's encoding) plus non-HTML."""
    pages = []
    with open(path, "wb") as fh:
        writer = WarcWriter(fh)
        writer.write_record(
            "warcinfo",
            b"software: cleanser tests\r\n",
            [("Content-Type", "application/warc-fields")],
        )
        for page in SAMPLE_PAGES:
            url = f"http://samples.example.cn/{page.parent.name}/"
            writer.write_response(url, page.read_bytes(), content_type="text/html")
            pages.append((url, page))
        writer.write_response(
            "http://samples.example.cn/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"
        )
        writer.write_response("http://samples.example.cn/moved", b"", status=302)
    return pages


def test_warc_input(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    pages = write_sample_warc(warc)
    out = tmp_path / "out.jsonl"
    report = run_batch([str(warc)], str(out), workers=2)
    records = by_id(out)
    assert len(records) == len(pages)
    by_url = {r["url"]: r for r in records.values()}
    for url, page in pages:
        rec = by_url[url]
        assert rec["id"].startswith(f"{warc}#")
        assert rec["warc_record_id"].startswith("<urn:uuid:")
        assert rec["text"] == cleanser.extract(page.read_bytes(), url).text
    assert report.warc_skipped == {"warcinfo record": 1, "not HTML": 1, "HTTP status 3xx": 1}
    assert "3 WARC records skipped" in report.summary()


def test_warc_charset_header_is_the_decoding_hint(tmp_path: Path) -> None:
    # Big5 bytes with no <meta charset>: the HTTP header says what they are.
    text = "颱風來襲，氣象局發布海上颱風警報，提醒民眾注意強風豪雨，做好防颱準備。" * 3
    body = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    warc = tmp_path / "big5.warc"
    with open(warc, "wb") as fh:
        WarcWriter(fh, compress=False).write_response(
            "http://tw.example.com/a", body.encode("big5"), content_type="text/html; charset=big5"
        )
    out = tmp_path / "out.jsonl"
    run_batch([str(warc)], str(out), workers=1)
    (rec,) = read_records(out)
    assert rec["encoding"] == "big5hkscs"
    assert text in rec["text"]


def test_extract_page_hint() -> None:
    text = "颱風來襲，氣象局發布海上颱風警報，提醒民眾注意強風豪雨。" * 4
    data = f"<html><body><p>{text}</p></body></html>".encode("big5")
    art = extract_page(data, hint="big5")
    assert art.encoding == "big5hkscs" and text in art.text
    with pytest.raises(NotHTMLError):
        extract_page(b"\x89PNG\r\n\x1a\n" + bytes(100), hint="gbk")
    assert extract_page("<p>x</p>", hint="gbk").encoding is None  # text needs no decoding


def test_jsonl_inputs_and_stdin(tmp_path: Path) -> None:
    page = SAMPLE_PAGES[0].read_bytes()
    html = cleanser.extract(page).html
    rows = [
        json.dumps({"id": "first", "url": "http://a.example.cn/1", "html": html}),
        json.dumps({"url": "http://a.example.cn/2", "html": html}),
        "{not json",
        json.dumps({"url": "http://a.example.cn/4"}),
        "",
        json.dumps({"id": "first", "html": "<p>same id again</p>"}),
    ]
    src = tmp_path / "pages.jsonl"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = run_batch([str(src)], str(out), workers=1)
    records = by_id(out)
    assert set(records) == {"first", f"{src}#2", f"{src}#3", f"{src}#4"}
    assert records["first"]["url"] == "http://a.example.cn/1"
    assert records["first"]["text"] == cleanser.extract(html).text
    assert records[f"{src}#3"]["error_type"] == "input"
    assert "html" in records[f"{src}#4"]["error"]
    assert report.failed == 2 and report.ok == 2
    assert report.duplicates == 1  # ids must be unique: a repeated one is skipped

    out2 = tmp_path / "stdin.jsonl"
    stdin = io.BytesIO((rows[0] + "\n").encode())
    run_batch(["-"], str(out2), workers=1, stdin=stdin)
    assert list(by_id(out2)) == ["first"]


def test_faults_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    good = [p.read_bytes() for p in SAMPLE_PAGES[:12]]
    names: dict[str, str | None] = {}
    for i, data in enumerate(good):
        name = f"p{i:02d}.html"
        (folder / name).write_bytes(data)
        names[name] = None
    for i, fault in enumerate(FAULTS):  # faults land inside chunks, between good pages
        name = f"p{i * 2 + 1:02d}x.html"
        (folder / name).write_text(f"<html><!-- FAULT:{fault} --><p>x</p></html>")
        names[name] = fault
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    report = run_batch(
        [str(folder)],
        str(out),
        workers=2,
        chunk_size=4,
        timeout=3,
        extractor="tests.test_batch:faulty_extract",
    )
    assert time.monotonic() - started < 60
    records = {Path(k).name: v for k, v in by_id(out).items()}
    assert set(records) == set(names)
    kinds = {name: records[name].get("error_type") for name, fault in names.items() if fault}
    assert kinds == {
        "p01x.html": "worker_crash",  # segv
        "p03x.html": "worker_crash",  # os._exit
        "p05x.html": "timeout",
        "p07x.html": "internal",
        "p09x.html": "NotHTMLError",
    }
    assert "SIGSEGV" in records["p01x.html"]["error"]
    assert "status 3" in records["p03x.html"]["error"]
    assert "RuntimeError: extractor bug" in records["p07x.html"]["error"]
    for name, fault in names.items():
        if fault is None:
            assert "error" not in records[name], records[name]
    assert report.crashes == 2 and report.timeouts == 1 and report.failed == 5
    assert report.ok + report.empty == len(good)


def test_memory_limit_turns_a_hog_into_an_error(tmp_path: Path) -> None:
    hog = tmp_path / "hog.html"
    hog.write_text("<html><!-- FAULT:memory --></html>")
    out = tmp_path / "out.jsonl"
    report = run_batch(
        [str(hog), str(SAMPLE_PAGES[0])],
        str(out),
        workers=1,
        memory_limit_mb=4096,
        extractor="tests.test_batch:faulty_extract",
    )
    records = by_id(out)
    assert "MemoryError" in records[str(hog)]["error"]
    assert "error" not in records[os.path.normpath(SAMPLE_PAGES[0])]
    assert report.failed == 1


def test_unloadable_extractor_fails_early(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="extractor"):
        run_batch([str(SAMPLE_PAGES[0])], str(tmp_path / "o.jsonl"), extractor="no.such:thing")


def test_existing_output_needs_resume_or_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_batch([str(SAMPLE_PAGES[0])], str(out), workers=1)
    with pytest.raises(BatchError, match="--resume"):
        run_batch([str(SAMPLE_PAGES[0])], str(out), workers=1)
    report = run_batch([str(SAMPLE_PAGES[0])], str(out), workers=1, overwrite=True)
    assert report.pages == 1 and len(by_id(out)) == 1


def test_resume_skips_done_pages_and_cuts_a_partial_line(tmp_path: Path) -> None:
    inputs = [str(p) for p in SAMPLE_PAGES[:6]]
    out = tmp_path / "out.jsonl"
    run_batch(inputs[:3], str(out), workers=1)
    whole = out.read_bytes()
    # A killed run can leave half a line behind.
    out.write_bytes(whole + b'{"id": "' + inputs[3].encode() + b'", "url": null, "text": "half')
    report = run_batch(inputs, str(out), workers=2, resume=True)
    assert report.already_done == 3 and report.pages == 3
    records = by_id(out)
    assert set(records) == {os.path.normpath(p) for p in inputs}
    assert out.read_bytes().startswith(whole)
    again = run_batch(inputs, str(out), workers=2, resume=True)
    assert again.pages == 0 and again.already_done == 6


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _group_gone(pgid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_killed_run_resumes_exactly_once(tmp_path: Path) -> None:
    """SIGKILL the batch command mid-run, resume it, and find every page exactly once."""
    folder = tmp_path / "pages"
    folder.mkdir()
    copies = 8
    for i in range(copies):
        for page in SAMPLE_PAGES:
            shutil.copyfile(page, folder / f"{page.parent.name}-{i}.html")
    total = copies * len(SAMPLE_PAGES)
    out = tmp_path / "out.jsonl"
    cmd = [
        sys.executable,
        "-m",
        "cleanser",
        "batch",
        str(folder),
        "-o",
        str(out),
        "--workers",
        "2",
        "--chunk-size",
        "4",
        "--format",
        "json",  # large records: orphaned workers must not hang on a full pipe either
        "--no-progress",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while _lines(out) < 20 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers are orphaned
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
        written = _lines(out)
        assert 20 <= written < total
        # Orphaned workers notice their parent is gone and exit on their own.
        assert _group_gone(proc.pid, within=15), "workers outlived their killed parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        if proc.stderr is not None:
            proc.stderr.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)

    done = subprocess.run([*cmd, "--resume"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "already in the output" in done.stderr
    records = list(read_records(out))
    ids = [r["id"] for r in records]
    assert len(ids) == total, f"{len(ids)} records for {total} pages"
    assert len(set(ids)) == total
    assert set(ids) == {str(folder / name) for name in os.listdir(folder)}
    assert all("error" not in r for r in records)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanser.batch import Progress

    monkeypatch.setitem(sys.modules, "rich.progress", None)  # as if rich were not installed
    stream = _Tty()
    bar = Progress(10, enabled=True, stream=stream)
    bar.update(4, 1, force=True)
    bar.close()
    assert "4/10 pages" in stream.getvalue() and "pages/s  1 failed" in stream.getvalue()
    log = io.StringIO()  # not a terminal: periodic log lines instead
    Progress(None, enabled=True, stream=log).update(7, 0, force=True)
    assert log.getvalue().startswith("cleanser batch: 7 pages")


def test_site_rules_follow_each_record_url(tmp_path: Path) -> None:
    from cleanser.rules import SiteRules

    page = (
        "<html><body><div class=article><p>国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，"
        "城乡居民收入差距继续缩小。专家表示，消费市场逐步回暖，服务消费增长较快。</p>"
        "<p class=note>本文由某某品牌赞助播出，欢迎选购春季新品，全场八折优惠，详情请咨询门店。</p></div>"
        "</body></html>"
    )
    src = tmp_path / "pages.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"id": i, "url": u, "html": page})
            for i, u in (("a", "https://news.example.cn/1"), ("b", "https://example.org/1"))
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    rules = SiteRules({"example.cn": {"drop": [".note"]}})
    run_batch([str(src)], str(out), workers=1, rules=rules)
    records = by_id(out)
    assert "赞助" not in records["a"]["text"] and "赞助" in records["b"]["text"]


def test_output_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    """Issue 17: the folder walk must not read the output (or an earlier output) back."""
    folder = tmp_path / "d"
    folder.mkdir()
    for i, src in enumerate(SAMPLE_PAGES[:2]):
        (folder / f"p{i}.html").write_bytes(src.read_bytes())
    rows = folder / "rows.jsonl"  # error rows with a given id, the second one a repeat
    rows.write_text(json.dumps({"id": "x"}) + "\n" + json.dumps({"id": "x"}) + "\n")
    want = {str(folder / "p0.html"), str(folder / "p1.html"), "x"}
    out = folder / "zz-out.jsonl"  # walked last: read back after records were written

    def batch(*extra: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        cmd = [sys.executable, "-m", "cleanser", "batch", str(folder), "-o", str(out), "-j", "1"]
        try:
            res = subprocess.run([*cmd, *extra], env=env, capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(f"batch {' '.join(extra)} never ended ({out.stat().st_size} bytes)")
        assert set(by_id(out)) == want, res.stderr  # each input once, out.jsonl not among them

    batch()
    batch("--overwrite")
    (folder / "p2.html").write_bytes(SAMPLE_PAGES[2].read_bytes())
    want.add(str(folder / "p2.html"))
    batch("--resume")
    # An earlier run's output in the folder is not an input of the next run either.
    out = folder / "second.jsonl"
    batch()
    with pytest.raises(BatchError, match="output"):
        run_batch([str(folder / "zz-out.jsonl")], str(folder / "zz-out.jsonl"), resume=True)


def _gzip_bomb(path: Path, megabytes: int) -> None:
    """A small page followed by ``megabytes`` MB of spaces, gzipped (about 1000:1)."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b"<html><body><p>" + "炸弹页面的正文。".encode() * 20 + b"</p>")
        block = b" " * 1_000_000
        for _ in range(megabytes):
            fh.write(block)


def test_gzip_input_is_decompressed_only_up_to_the_cap(tmp_path: Path) -> None:
    """Issue 17: a ``.html.gz`` bomb is cut (or refused) at ``max_bytes``, never inflated whole."""
    import tracemalloc

    from cleanser.batch import Task, WorkerConfig, process_task

    bomb = tmp_path / "bomb.html.gz"
    _gzip_bomb(bomb, 150)
    assert bomb.stat().st_size < 200_000
    task = Task(id=str(bomb), path=str(bomb))
    tracemalloc.start()
    try:
        config = WorkerConfig(options=Options(max_bytes=1_000_000))
        status, line = process_task(task, config, cleanser.extract)
        peak = tracemalloc.get_traced_memory()[1]
        refused = WorkerConfig(options=Options(max_bytes=1_000_000, truncate=False))
        status2, line2 = process_task(task, refused, cleanser.extract)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()
    assert status == "ok", line
    assert "炸弹页面的正文" in json.loads(line)["text"]
    assert status2 == "error" and json.loads(line2)["error_type"] == "InputTooLargeError"
    assert peak < 40_000_000, peak  # the whole bomb is 150 MB
