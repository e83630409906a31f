"""Decoding: declared, mislabelled and undeclared Chinese encodings."""

from __future__ import annotations

import random
import zlib
from pathlib import Path

import pytest

from cleanser.evaluate.corpus import load
from cleanser.io.decoding import (
    chinese_plausibility,
    declared_charset,
    decode,
    normalize_label,
    not_text_reason,
)

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"

# 镕 and 喆 exist in GBK but not in GB2312: a strict gb2312 decoder fails on them.
TEXT = "朱镕基与陶喆：这是一段用于测试编码识别的中文内容，我们来看看结果。" * 4
TRAD = "臺灣新聞：這是一個測試頁面，我們來看看中國的發展與經濟。" * 4


def page(decl: str, body: bytes) -> bytes:
    return f"<html><head>{decl}</head><body><p>".encode("ascii") + body + b"</p></body></html>"


@pytest.mark.parametrize(
    ("decl", "codec", "text"),
    [
        ('<meta charset="gbk">', "gbk", TEXT),
        ('<meta charset="gb2312">', "gbk", TEXT),  # mislabelled: GBK-only characters
        ("", "gbk", TEXT),  # undeclared GBK
        ('<meta charset="gb18030">', "gb18030", TEXT),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "utf-8", TEXT),
        ("", "utf-8", TEXT),
        ('<meta charset="big5">', "big5", TRAD),
        ("", "big5", TRAD),
        ('<meta charset="gb2312">', "big5", TRAD),  # lies, and Big5 bytes are valid GBK
    ],
)
def test_decodes_what_the_bytes_are(decl: str, codec: str, text: str) -> None:
    decoded, _ = decode(page(decl, text.encode(codec)))
    assert text in decoded


def test_bom_wins_over_declaration() -> None:
    data = b"\xef\xbb\xbf" + page('<meta charset="gbk">', TEXT.encode("utf-8"))
    decoded, enc = decode(data)
    assert enc == "utf-8" and TEXT in decoded


def test_invalid_bytes_are_replaced_not_raised() -> None:
    data = page(
        '<meta charset="gb2312">', TEXT.encode("gbk") + b"\xff\xfe\x81" + TEXT.encode("gbk")
    )
    decoded, enc = decode(data)
    assert enc == "gb18030"
    assert TEXT in decoded


def test_http_hint_is_used() -> None:
    decoded, enc = decode(page("", TRAD.encode("big5")), hint="big5")
    assert enc == "big5hkscs" and TRAD in decoded


def test_label_widening() -> None:
    assert normalize_label("GB2312") == "gb18030"
    assert normalize_label("x-gbk") == "gb18030"
    assert normalize_label("big5") == "big5hkscs"
    assert normalize_label("no-such-charset") is None
    assert declared_charset(b'<?xml version="1.0" encoding="GBK"?><html>') == "gb18030"


# ---------------------------------------------------------------------------
# Decoding by evidence: a few bad bytes do not make a UTF-8 page GB18030 (issue 17)
# ---------------------------------------------------------------------------

PARAS = [
    "国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，城乡居民收入差距继续缩小。",
    "专家表示，消费市场逐步回暖，服务消费增长较快，新业态新模式不断涌现，为经济增长注入了新的动力。",
    "记者从有关部门了解到，下一步将继续加大政策支持力度，推动各项措施落地见效，促进经济持续健康发展。",
]


def article_page(decl: str = "", paras: list[str] = PARAS) -> bytes:
    """A UTF-8 article page; ``decl`` goes into its <head>."""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"<html><head>{decl}<title>收入稳步增长</title></head><body><article>{body}".encode()


@pytest.mark.parametrize("decl", ["", '<meta charset="utf-8">'])
def test_cut_mid_character_stays_utf8(decl: str) -> None:
    data = article_page(decl) + "电。".encode()[:-1]  # a download cut inside "。"
    text, enc = decode(data)
    assert enc == "utf-8"
    assert all(p in text for p in PARAS)
    assert text.endswith("电\ufffd") and text.count("\ufffd") == 1


@pytest.mark.parametrize("stray", [b"\xff", b"\x80", b"\xe8", b"\xc0\xaf"])
def test_stray_byte_in_an_undeclared_page_stays_utf8(stray: bytes) -> None:
    first = PARAS[0].encode().split("。".encode(), 1)[0]
    text, enc = decode(article_page().replace(first, first + stray))
    assert enc == "utf-8"
    assert PARAS[1] in text and PARAS[2] in text
    damaged = PARAS[0].replace("。", "\ufffd。", 1)
    assert damaged in text or PARAS[0].replace("。", "\ufffd\ufffd。", 1) in text


def test_bad_byte_in_declared_utf8_paragraph_is_one_replacement() -> None:
    data = article_page('<meta charset="utf-8">')
    data = data.replace("收入差距".encode(), "收入".encode() + b"\xff" + "差距".encode())
    text, enc = decode(data)
    assert enc == "utf-8"
    assert PARAS[0].replace("收入差距", "收入\ufffd差距") in text
    assert text.count("\ufffd") == 1


def test_a_bad_byte_every_hundred_bytes_keeps_declared_utf8() -> None:
    rng = random.Random(17)
    data = bytearray(article_page('<meta charset="utf-8">', PARAS * 100))
    start = data.index(b"<article>")
    hits = range(start + 100, len(data), 100)
    for at in hits:
        data[at] = rng.randrange(0x80, 0x100)
    text, enc = decode(bytes(data))
    assert enc == "utf-8"
    # each damaged byte costs at most its character (two U+FFFD when a lead byte
    # becomes a continuation one); every other character is read right
    assert text.count("\ufffd") <= 2 * len(hits)
    assert sum(ch in "".join(PARAS) for ch in text) > 0.95 * len("".join(PARAS * 100))


def test_stray_byte_in_a_long_ascii_piece_of_a_utf8_page() -> None:
    script = b"<script>" + b"var x = 1;" * 5000 + b"\x92" + b"</script>"
    text, enc = decode(article_page().replace(b"<article>", script + b"<article>"))
    assert enc == "utf-8" and all(p in text for p in PARAS)


def test_declared_utf8_english_page_with_a_stray_byte() -> None:
    data = b'<html><head><meta charset="utf-8"></head><body><p>caf\xc3\xa9 '
    data += b"Lorem ipsum dolor sit amet. " * 200 + b"\xe9t\xe9</p></body></html>"
    text, enc = decode(data)
    assert enc == "utf-8" and "café" in text


def test_gbk_include_in_a_utf8_page_is_still_read_as_gbk() -> None:
    include = "<div>版权所有：县政府办公室</div>".encode("gbk")
    data = article_page() + include + "<p>联系电话".encode("gbk") + b"\xff</p>"
    text, enc = decode(data)
    assert enc == "utf-8"
    assert "版权所有：县政府办公室" in text and all(p in text for p in PARAS)


def test_gbk_page_with_a_stray_byte_stays_gbk() -> None:
    data = page("", (TEXT + "\xff").encode("gbk", "ignore") + b"\xff" + TEXT.encode("gbk"))
    text, enc = decode(data)
    assert enc == "gb18030" and TEXT in text


def test_chinese_plausibility_tells_text_from_mojibake() -> None:
    real = "".join(PARAS)
    mojibake = real.encode("utf-8").decode("gb18030", "replace")
    latin = real.encode("utf-8").decode("latin-1")
    assert chinese_plausibility(real) > 0.4
    assert chinese_plausibility(mojibake) < 0.1
    assert chinese_plausibility(latin) < 0


# ---------------------------------------------------------------------------
# Not text at all
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [64, 500, 20_000, 200_000])
def test_random_bytes_are_not_text(size: int) -> None:
    data = random.Random(size).randbytes(size)
    reason = not_text_reason(data)
    assert reason is not None and reason.startswith("input is not text")


def test_raw_deflate_is_not_text() -> None:
    data = zlib.compress(article_page() * 50)[2:]  # no zlib header: no known signature
    assert not_text_reason(data) is not None


@pytest.mark.parametrize(
    "data",
    [
        article_page(),
        page('<meta charset="gbk">', TEXT.encode("gbk")),
        page("", TRAD.encode("big5")),
        b"<p>ok</p>",
        "锦绣河山".encode("gb18030"),
    ],
)
def test_pages_are_text(data: bytes) -> None:
    assert not_text_reason(data) is None


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
def test_corpus_and_sample_pages_are_text() -> None:
    pages = load(CORPUS) + load(REPO / "samples")
    rejected = [f"{pg.source}/{pg.id}" for pg in pages if not_text_reason(pg.read())]
    assert len(pages) > 250 and rejected == []
