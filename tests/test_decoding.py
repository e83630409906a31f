"""Decoding: declared, mislabelled and undeclared Chinese encodings."""

from __future__ import annotations

import pytest

from cleanser.decoding import declared_charset, decode, normalize_label

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
