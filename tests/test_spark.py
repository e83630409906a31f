"""PySpark in local mode: WARC files the test writes → DataFrame → pandas UDF → articles.

The session tests are marked ``spark`` (a local session takes 10-30 s to start);
deselect them with ``-m "not spark"``. The session binds to 127.0.0.1 only.
"""

from __future__ import annotations

import importlib
import io
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cleanser
from cleanser.batch import extract_page
from cleanser.io.warc import WarcWriter

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
GBK_TEXT = "县委召开专题会议，研究部署今年秋冬季森林防火工作，要求各乡镇压实责任、加强巡查。" * 3


def require(module: str) -> Any:
    """Skip without the optional package locally; in CI (which installs it) fail instead."""
    if os.environ.get("CI"):
        return importlib.import_module(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="module")
def spark_mod() -> Any:
    require("pyspark")
    require("pandas")
    require("pyarrow")
    return importlib.import_module("cleanser.contrib.spark")


@pytest.fixture(scope="module")
def spark(spark_mod: Any) -> Iterator[Any]:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if os.environ.get("CI"):
            pytest.fail("Spark needs Java 17+; .ci/run installs it")
        pytest.skip("Spark needs Java 17+")
    from pyspark.sql import SparkSession

    saved = {
        k: os.environ.get(k)
        for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "SPARK_LOCAL_IP", "PYTHONPATH")
    }
    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers use this venv's Python
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), saved["PYTHONPATH"]) if p)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("cleanser-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "8")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two archives in one folder: the samples (our writer) and extra pages (warcio)."""
    folder = tmp_path_factory.mktemp("warcs")
    pages: dict[str, tuple[bytes, str | None]] = {}
    with open(folder / "samples.warc.gz", "wb") as fh:
        writer = WarcWriter(fh)
        for page in sorted(SAMPLES.glob("*/page.html")):
            url = f"http://samples.example.cn/{page.parent.name}/"
            writer.write_response(url, page.read_bytes(), headers=[("Server", "test")])
            pages[url] = (page.read_bytes(), None)
        writer.write_response(
            "http://samples.example.cn/a.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"
        )
    require("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    gbk = f"<html><body><div><p>{GBK_TEXT}</p><p>{GBK_TEXT}</p></div></body></html>"
    with open(folder / "extra.warc", "wb") as fh:
        writer2 = WARCWriter(fh, gzip=False)
        for url, body, ctype, status in (
            (
                "http://county.example.cn/news/1.html",
                gbk.encode("gbk"),
                "text/html; charset=GBK",
                "200 OK",
            ),
            ("http://county.example.cn/old", b"", "text/html", "301 Moved Permanently"),
            ("http://county.example.cn/style.css", b"p{}", "text/css", "200 OK"),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer2.write_record(
                writer2.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
    pages["http://county.example.cn/news/1.html"] = (gbk.encode("gbk"), "GBK")
    return {"folder": folder, "pages": pages}


def test_extract_rows_without_spark(spark_mod: Any) -> None:
    page = sorted(SAMPLES.glob("*/page.html"))[0].read_bytes()
    rows = spark_mod.extract_rows(
        [page, bytearray(page), page.decode("utf-8", "replace"), None, b"\x89PNG\r\n\x1a\n"],
        ["http://a/", None, None, None, None],
        ["text/html; charset=utf-8", None, None, None, None],
        fields=["title", "text", "author", "images"],
    )
    want = cleanser.extract(page, "http://a/")
    assert rows[0]["text"] == want.text and rows[0]["error"] is None
    assert rows[0]["author"] == list(want.author)
    assert rows[1]["text"] == cleanser.extract(page).text
    assert rows[3]["error"] == "no HTML" and rows[3]["text"] is None
    assert "NotHTMLError" in rows[4]["error"]
    schema = spark_mod.article_schema(["title", "images"])
    assert schema.fieldNames() == ["title", "images", "error"]
    assert schema["images"].dataType.elementType.fieldNames() == ["src", "alt", "caption"]
    with pytest.raises(ValueError):
        spark_mod.article_schema(["nonsense"])


@pytest.mark.spark
def test_warc_to_articles(spark: Any, spark_mod: Any, archives: dict[str, Any]) -> None:
    from pyspark.sql import functions as F

    pages_df = spark_mod.read_warc(spark, str(archives["folder"]))
    assert pages_df.schema == spark_mod.WARC_SCHEMA
    pages: dict[str, tuple[bytes, str | None]] = archives["pages"]
    rows = {r["url"]: r for r in pages_df.collect()}
    assert set(rows) == set(pages)
    for url, (body, _) in pages.items():
        assert bytes(rows[url]["html"]) == body
    assert rows["http://county.example.cn/news/1.html"]["headers"]["content-type"] == (
        "text/html; charset=GBK"
    )
    assert (
        rows[
            "http://samples.example.cn/" + sorted(SAMPLES.glob("*/page.html"))[0].parent.name + "/"
        ]["headers"]["server"]
        == "test"
    )

    articles = pages_df.select(
        "url",
        spark_mod.extract_column(
            "html", "url", content_type=F.col("headers")["content-type"]
        ).alias("a"),
    ).select("url", "a.*")
    got = {r["url"]: r for r in articles.collect()}
    assert set(got) == set(pages)
    for url, (body, charset) in pages.items():
        want = extract_page(body, url, hint=charset)
        row = got[url]
        assert row["error"] is None
        assert row["text"] == want.text
        assert row["title"] == want.title
        assert row["encoding"] == want.encoding
        assert row["confidence"] == pytest.approx(want.confidence)
        assert list(row["author"] or []) == list(want.author)
        assert [(i["src"], i["caption"]) for i in row["images"] or []] == [
            (i.src, i.caption) for i in want.images
        ]
    county = got["http://county.example.cn/news/1.html"]
    assert GBK_TEXT in county["text"] and county["encoding"] == "gb18030"


@pytest.mark.spark
def test_string_column_and_field_subset(spark: Any, spark_mod: Any) -> None:
    from pyspark.sql import functions as F

    page = sorted(SAMPLES.glob("*/page.html"))[-1].read_bytes()
    html = cleanser.extract(page).html
    df = spark.createDataFrame([(html,), ("",), (None,)], "html string")
    out = df.select(spark_mod.extract_column(F.col("html"), fields=["title", "text"]).alias("a"))
    assert out.schema["a"].dataType.fieldNames() == ["title", "text", "error"]
    rows = [r["a"] for r in out.collect()]
    assert rows[0]["text"] == cleanser.extract(html).text and rows[0]["error"] is None
    assert rows[1]["text"] == "" and rows[1]["error"] is None
    assert rows[2]["error"] == "no HTML"


def _readme_recipe() -> str:
    """The README's ``extract_warc.py`` block, as a user would copy it."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```python\n# extract_warc.py\n") + len("```python\n")
    return readme[start : readme.index("```", start)]


@pytest.mark.spark
def test_readme_recipe_writes_parquet_and_survives_a_truncated_warc(
    spark: Any, spark_mod: Any, archives: dict[str, Any], tmp_path: Path
) -> None:
    from cleanser.io.warc import WarcFormatError, iter_pages

    folder = tmp_path / "in"
    folder.mkdir()
    whole = (archives["folder"] / "samples.warc.gz").read_bytes()
    shutil.copyfile(archives["folder"] / "samples.warc.gz", folder / "samples.warc.gz")
    shutil.copyfile(archives["folder"] / "extra.warc", folder / "extra.warc")
    cut = folder / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])  # a download that stopped part-way
    before_damage = []
    with pytest.raises(WarcFormatError):
        for page in iter_pages(str(cut)):
            before_damage.append(page.url)
    assert 0 < len(before_damage) < len(archives["pages"])

    out = tmp_path / "articles.parquet"
    saved_argv = sys.argv
    sys.argv = ["extract_warc.py", str(folder), str(out)]
    try:
        exec(compile(_readme_recipe(), "extract_warc.py", "exec"), {"__name__": "__main__"})
    finally:
        sys.argv = saved_argv

    import pyarrow.parquet as pq

    table = pq.read_table(out)  # read back without Spark: a plain Parquet dataset
    names = table.column_names
    assert len(names) == len(set(names)) and names[:2] == ["url", "warc_file"]
    assert {"canonical_url", "text", "title", "error"} <= set(names)
    rows = table.to_pylist()
    failed = [r for r in rows if r["error"] is not None]
    assert len(failed) == 1, failed
    assert failed[0]["warc_file"] == str(cut) and failed[0]["url"] is None
    assert failed[0]["error"].startswith("WarcFormatError: corrupt or truncated archive")

    pages: dict[str, tuple[bytes, str | None]] = archives["pages"]
    expected: dict[tuple[str, str], Any] = {}
    for name, urls in (
        ("samples.warc.gz", None),
        ("extra.warc", None),
        ("cut.warc.gz", before_damage),
    ):
        for url, (body, charset) in pages.items():
            in_file = url.startswith("http://county.") == (name == "extra.warc")
            if in_file and (urls is None or url in urls):
                want = extract_page(body, url, hint=charset)
                if want.text and (want.lang or "").startswith("zh"):
                    expected[(str(folder / name), url)] = want
    got = {(r["warc_file"], r["url"]): r for r in rows if r["error"] is None}
    assert set(got) == set(expected)
    for key, want in expected.items():
        assert got[key]["text"] == want.text and got[key]["title"] == want.title
        assert got[key]["canonical_url"] == want.url
