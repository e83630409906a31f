"""Optional features and the extras that install them; ARC archives refused up front.

Every third-party module cleanser imports must be declared (a dependency or an
extra), so ``pip install "cleanser[warc]"`` really gives what the WARC reader
uses. The br/zstd decoders are exercised on real compressed WARC records.
"""

from __future__ import annotations

import ast
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from cleanser.batch import BatchError, resolve_inputs, run_batch
from cleanser.io.warc import WarcStats, iter_pages

tomllib = pytest.importorskip("tomllib")

REPO = Path(__file__).resolve().parent.parent
#: Import name -> the distribution that provides it, where the two differ.
PROVIDED_BY = {
    "charset_normalizer": "charset-normalizer",
    "readability": "readability-lxml",
    "newspaper": "newspaper4k",
    "magic_html": "magic-html",
    "itemadapter": "scrapy",  # a dependency of Scrapy, used only beside it
    "backports.zstd": "backports.zstd",
}
PAGE = "<html><body><article><p>{}</p></article></body></html>".format(
    "县城新建的图书馆本周开放，馆内设有少儿阅览区和地方文献专室，市民可凭身份证免费办理借书证。" * 3
)


def _pyproject() -> dict:  # type: ignore[type-arg]
    with open(REPO / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)  # type: ignore[no-any-return]


def _name(requirement: str) -> str:
    """The distribution a requirement string names, normalised (no extras, markers, pins)."""
    head = requirement.split(";")[0].split("[")[0]
    for stop in "<>=!~ ":
        head = head.split(stop)[0]
    return head.strip().lower().replace("_", "-")


def _third_party_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (REPO / "cleanser").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module + "." + a.name for a in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top == "cleanser" or top in sys.stdlib_module_names:
                    continue
                if top == "compression":  # standard library from Python 3.14
                    continue
                key = ".".join(name.split(".")[:2]) if top == "backports" else top
                found.setdefault(key, set()).add(path.relative_to(REPO).as_posix())
    return found


def test_every_third_party_import_is_declared() -> None:
    project = _pyproject()["project"]
    declared = {_name(r) for r in project["dependencies"]}
    for reqs in project["optional-dependencies"].values():
        declared |= {_name(r) for r in reqs}
    imports = _third_party_imports()
    assert {"brotli", "backports.zstd", "rich", "lxml"} <= set(imports)
    missing = {
        name: sorted(where)
        for name, where in imports.items()
        if PROVIDED_BY.get(name, name).lower().replace("_", "-") not in declared
    }
    assert not missing, f"imported but declared nowhere: {missing}"


def test_feature_extras_name_what_the_feature_imports() -> None:
    extras = _pyproject()["project"]["optional-dependencies"]
    assert {_name(r) for r in extras["warc"]} == {"brotli", "backports.zstd"}
    assert "python_version < '3.14'" in next(r for r in extras["warc"] if "zstd" in r)
    assert {_name(r) for r in extras["progress"]} == {"rich"}
    assert {_name(r) for r in extras["warc"]} <= {_name(r) for r in extras["test"]}
    for name, reqs in extras.items():  # old pips choke on an extra naming cleanser[...]
        assert all(_name(r) != "cleanser" for r in reqs), name


def _warc_with_encoded_body(coding: str, body: bytes) -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Encoding: {coding}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    head = (
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://lib.example.cn/1.html\r\n"
        "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
        "WARC-Date: 2026-12-01T00:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


@pytest.mark.parametrize("coding", ["br", "zstd"])
def test_warc_reader_decodes_br_and_zstd_when_the_extra_is_installed(
    coding: str, tmp_path: Path
) -> None:
    html = PAGE.encode("utf-8")
    if coding == "br":
        brotli = pytest.importorskip("brotli", reason="pip install 'cleanser[warc]'")
        body = brotli.compress(html)
    else:
        try:
            from compression import zstd  # type: ignore[import-not-found]
        except ImportError:
            zstd = pytest.importorskip("backports.zstd", reason="pip install 'cleanser[warc]'")
        body = zstd.compress(html)
    assert body != html
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(_warc_with_encoded_body(coding, body)))
    stats = WarcStats()
    pages = list(iter_pages(path, stats=stats))
    assert [p.html for p in pages] == [html], stats.skipped
    # Undecodable bytes under the same coding are a counted skip, not a crash.
    path.write_bytes(_warc_with_encoded_body(coding, b"not compressed at all"))
    stats = WarcStats()
    assert list(iter_pages(path, stats=stats)) == []
    assert stats.skipped == {f"unsupported Content-Encoding {coding}": 1}


def test_arc_archives_are_refused_up_front(tmp_path: Path) -> None:
    arc = tmp_path / "crawl.arc.gz"
    arc.write_bytes(gzip.compress(b"filedesc://crawl.arc 0.0.0.0 20261201000000 text/plain 9\n"))
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    with pytest.raises(BatchError, match=r"crawl\.arc\.gz: an ARC archive .* convert it to WARC"):
        resolve_inputs([str(arc)])
    skipped: list[str] = []
    sources = resolve_inputs([str(tmp_path)], skipped=skipped)
    assert [Path(s.path).name for s in sources] == ["a.html"]
    assert skipped == [
        f"{arc}: an ARC archive (the format before WARC), which cleanser does not read; convert it to WARC, not read"
    ]
    out = tmp_path / "out.jsonl"
    report = run_batch([str(tmp_path)], str(out), workers=1)
    assert report.ok == 1 and "1 an ARC archive (the format before WARC)" in report.summary()
    res = subprocess.run(
        [sys.executable, "-m", "cleanser", "extract", str(arc)], capture_output=True, text=True
    )
    assert res.returncode == 2
    assert "an ARC archive" in res.stderr and "convert it to WARC" in res.stderr
    assert "cleanser batch" not in res.stderr  # batch does not read it either
