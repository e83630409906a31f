"""``Article.encoding_reason``: why an encoding won, with the evidence (issue 17).

One test per rule of ``cleanser.io.decoding.decode_explained``: a byte-order mark,
strict UTF-8 (a declaration set aside), UTF-8 with a cut or stray byte, the declared
charset confirmed or overruled by the plausibility check, the caller's hint, and
detection; then the field's way out through ``to_dict``, ``explain`` and batch.
"""

from __future__ import annotations

import json
from pathlib import Path

import cleanser
from cleanser.article import Article
from cleanser.batch import extract_page, read_records, run_batch
from cleanser.io.decoding import decode, decode_explained

TEXT = "朱镕基与陶喆：这是一段用于测试编码识别的中文内容，我们来看看结果。" * 4
TRAD = "臺灣新聞：這是一個測試頁面，我們來看看中國的發展與經濟。" * 4


def page(decl: str, body: bytes) -> bytes:
    return f"<html><head>{decl}</head><body><p>".encode("ascii") + body + b"</p></body></html>"


def test_bom() -> None:
    got = decode_explained(b"\xef\xbb\xbf" + page('<meta charset="gbk">', TEXT.encode()))
    assert got.encoding == "utf-8"
    assert "BOM" in got.reason


def test_strict_utf8_sets_a_wrong_declaration_aside() -> None:
    got = decode_explained(page('<meta charset="gb2312">', TEXT.encode()))
    assert got.encoding == "utf-8"
    assert got.reason.startswith("valid UTF-8 throughout")
    assert "gb2312" in got.reason and "set aside" in got.reason


def test_undeclared_utf8_says_only_that() -> None:
    assert decode_explained(page("", TEXT.encode())).reason == "valid UTF-8 throughout"


def test_cut_final_character() -> None:
    data = page("", TEXT.encode()) + "电".encode()[:2]
    got = decode_explained(data)
    assert got.encoding == "utf-8"
    assert "cut at the end" in got.reason


def test_stray_byte_gives_its_rate_per_kb_and_both_plausibilities() -> None:
    body = TEXT.encode()
    got = decode_explained(page("", body[:30] + b"\xff" + body[30:]))
    assert got.encoding == "utf-8"
    assert "1 invalid sequence " in got.reason
    assert "per KB" in got.reason
    assert "plausibility" in got.reason and "as gb18030" in got.reason


def test_declared_legacy_confirmed_by_plausibility() -> None:
    got = decode_explained(page('<meta charset="gbk">', TEXT.encode("gbk")))
    assert got.encoding == "gb18030"
    assert "declared by <meta>: gbk, read as gb18030" in got.reason
    assert "confirms" in got.reason


def test_declaration_overruled_by_plausibility() -> None:
    got = decode_explained(page('<meta charset="gb2312">', TRAD.encode("big5")))
    assert got.encoding == "big5hkscs"
    assert "set aside" in got.reason and "far more plausibly" in got.reason


def test_declared_legacy_with_a_bad_byte_counts_it() -> None:
    body = TEXT.encode("gbk")
    got = decode_explained(page('<meta charset="gbk">', body + b"\xff" + body))
    assert got.encoding == "gb18030"
    assert "1 invalid sequence" in got.reason and "replaced" in got.reason


def test_the_callers_hint_is_named_as_such() -> None:
    got = decode_explained(page('<meta charset="big5">', TEXT.encode("gbk")), "gbk")
    assert got.encoding == "gb18030"
    assert "the caller's hint" in got.reason
    unknown = decode_explained(page("", TEXT.encode("gbk")), "no-such-charset")
    assert "'no-such-charset' names no known charset" in unknown.reason


def test_detection_gives_the_invalid_rate_and_plausibility() -> None:
    got = decode_explained(page("", TEXT.encode("gbk")))
    assert got.encoding == "gb18030"
    assert got.reason.startswith("no charset declared; not UTF-8 (")
    assert "per KB of non-ASCII bytes" in got.reason
    assert "detected gb18030 by plausibility" in got.reason


def test_decode_is_decode_explained_without_the_reason() -> None:
    for data in (page("", TEXT.encode("gbk")), page("", TEXT.encode()), b"<p>ascii</p>"):
        assert decode(data) == decode_explained(data)[:2]


def test_article_carries_the_reason_and_old_callers_need_not() -> None:
    assert Article().encoding_reason is None  # a default: Article(...) built by hand works
    article = cleanser.extract(page('<meta charset="gbk">', TEXT.encode("gbk")))
    assert article.encoding == "gb18030"
    assert article.encoding_reason and "confirms" in article.encoding_reason
    assert article.to_dict()["encoding_reason"] == article.encoding_reason
    assert json.loads(article.to_json())["encoding_reason"] == article.encoding_reason
    assert cleanser.extract(TEXT).encoding_reason == "given as text (str): nothing to decode"
    assert "empty" in (cleanser.extract(b"  ").reason or "")
    assert cleanser.extract(b"  ").encoding_reason == "every byte is ASCII"


def test_explain_shows_the_reason() -> None:
    data = page('<meta charset="gbk">', TEXT.encode("gbk"))
    explanation = cleanser.explain(data)
    assert explanation.encoding_reason == cleanser.extract(data).encoding_reason
    assert f"encoding: {explanation.encoding_reason}" in explanation.to_text().splitlines()
    assert cleanser.explain(b"").encoding_reason is not None  # the empty result too


def test_batch_hint_path_keeps_the_reason(tmp_path: Path) -> None:
    data = page('<meta charset="big5">', TEXT.encode("gbk"))
    article = extract_page(data, hint="gbk")
    assert article.encoding == "gb18030"
    assert "the caller's hint" in (article.encoding_reason or "")
    (tmp_path / "a.html").write_bytes(page("", TEXT.encode("gbk")))
    out = tmp_path / "out.jsonl"
    run_batch([str(tmp_path / "a.html")], str(out), workers=1)
    (record,) = read_records(out)
    assert "detected gb18030" in record["encoding_reason"]
