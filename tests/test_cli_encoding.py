"""``cleanser extract --encoding``: the hint does what ``--help`` says.

The hint takes the place of ``<meta>`` (the same rule as the HTTP charset that
batch, WARC and Scrapy pass), and like ``<meta>`` it is checked against the bytes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GBK_META_PAGE = REPO / "samples" / "discuz-forum-thread-gbk" / "page.html"
# Traditional characters: in GBK most of them take lead bytes 0x81-0xA0, which
# Big5 does not have, so these bytes cannot be read as Big5.
TRADITIONAL = (
    "我們學校的圖書館週末開放，歡迎家長與學生一起來閱讀，館內還有許多關於歷史與藝術的書籍。" * 4
)


def _extract(path: Path, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    res = subprocess.run(
        [sys.executable, "-m", "cleanser", "extract", str(path), "--format", "json", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    return res.returncode, json.loads(res.stdout or "{}"), res.stderr


def test_help_states_the_rule() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "cleanser", "extract", "--help"], capture_output=True, text=True
    )
    assert "takes the place of <meta>" in res.stdout.replace("\n", " ").replace("  ", " ")
    assert "checked against the bytes" in " ".join(res.stdout.split())


def test_hint_takes_the_place_of_meta_when_the_bytes_allow_it() -> None:
    assert b"charset=gbk" in GBK_META_PAGE.read_bytes()
    code, plain, _ = _extract(GBK_META_PAGE)
    assert code == 0 and plain["encoding"] == "gb18030"
    code, hinted, _ = _extract(GBK_META_PAGE, "--encoding", "big5")
    assert code == 0 and hinted["encoding"] == "big5hkscs"  # over the gbk <meta>
    assert hinted["text"] != plain["text"]


def test_hint_the_bytes_cannot_bear_is_set_aside(tmp_path: Path) -> None:
    data = (
        '<html><head><meta charset="gbk"><title>圖書館</title></head><body><article><p>'
        f"{TRADITIONAL}</p></article></body></html>"
    ).encode("gbk")
    bad = data.decode("big5", "replace").count("\ufffd") / len(data.decode("big5", "replace"))
    assert bad > 0.01  # over the 1 % of the help
    page = tmp_path / "trad.html"
    page.write_bytes(data)
    code, art, _ = _extract(page, "--encoding", "big5")
    assert code == 0 and art["encoding"] == "gb18030" and TRADITIONAL[:20] in art["text"]
    utf8 = tmp_path / "utf8.html"
    utf8.write_bytes(data.decode("gbk").replace('charset="gbk"', 'charset="utf-8"').encode())
    code, art, _ = _extract(utf8, "--encoding", "gbk")  # valid UTF-8 stays UTF-8
    assert code == 0 and art["encoding"] == "utf-8" and TRADITIONAL[:20] in art["text"]
