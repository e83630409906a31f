"""PySpark integration: WARC files → a DataFrame of pages → a struct column of articles.

For corpora beyond one machine (the Chinese share of a Common Crawl segment)::

    from pyspark.sql import SparkSession, functions as F
    from cleanser.contrib.spark import extract_column, read_warc

    spark = SparkSession.builder.getOrCreate()
    pages = read_warc(spark, "s3a://bucket/segment/*.warc.gz")  # url, headers, html, ...
    articles = extract_pages(pages)       # url, warc_file, the Article fields, error
    articles.write.parquet("s3a://bucket/articles/")

:func:`extract_column` is a vectorised pandas UDF (Arrow batches in, a struct
out) whose fields are the ``Article`` fields plus ``error``; the struct type is
derived from the ``Article`` dataclass, so fields added there appear here
without change. HTML may be a binary column (raw bytes: cleanser does the
decoding, with the ``Content-Type`` charset as hint) or a string column.
:func:`extract_pages` applies it to :func:`read_warc`'s rows and flattens the
struct into columns that can be written as they are (the article's own ``url``
becomes ``canonical_url``, as in ``cleanser batch``, so ``url`` is not there twice).

:func:`read_warc` streams local archives on the executors, one task per file,
and reads other file systems (``hdfs://``, ``s3a://``…) through Hadoop's
``binaryFiles``, which holds each whole archive in executor memory. An archive
that cannot be read (corrupt, truncated) does not fail the job: its pages up
to the damage are kept and one row more says what went wrong (``read_error``),
which :func:`extract_pages` carries into ``error``.
"""

from __future__ import annotations

import dataclasses
import glob
import os
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from typing import Any

try:
    import pandas as pd
    from pyspark.sql import Column, DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.functions import pandas_udf
    from pyspark.sql.types import (
        ArrayType,
        BinaryType,
        BooleanType,
        DataType,
        DoubleType,
        LongType,
        MapType,
        StringType,
        StructField,
        StructType,
    )
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        'cleanser.contrib.spark needs PySpark: pip install "cleanser[spark]"'
    ) from exc

from cleanser.article import Article
from cleanser.batch import extract_page
from cleanser.errors import CleanserError
from cleanser.io.warc import WarcStats, iter_pages, parse_content_type
from cleanser.options import DEFAULT_MAX_BYTES, Options

#: The columns :func:`read_warc` returns: one row per HTML page, plus one row
#: with ``read_error`` set (and null url/html) for each archive that could not be
#: read to its end.
WARC_SCHEMA = StructType(
    [
        StructField("url", StringType(), True),
        StructField("headers", MapType(StringType(), StringType(), True), True),
        StructField("html", BinaryType(), True),
        StructField("warc_file", StringType(), True),
        StructField("read_error", StringType(), True),
    ]
)
#: The extra struct field holding why a row could not be extracted (null when it was).
ERROR_FIELD = "error"
#: File name endings picked up when a local folder is given to :func:`read_warc`.
WARC_FILE_PATTERNS = ("*.warc", "*.warc.gz")

_Converter = Callable[[Any], Any]


def _spark_type(tp: Any) -> tuple[DataType, _Converter]:
    """The Spark type of an ``Article`` field annotation, and how to convert its values."""
    args = typing.get_args(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return _spark_type(inner[0])
    if tp is str:
        return StringType(), _identity
    if tp is bool:
        return BooleanType(), _identity
    if tp is int:
        return LongType(), _identity
    if tp is float:
        return DoubleType(), _to_float
    if origin in (tuple, list) and args:
        elem_type, elem_conv = _spark_type(args[0])
        return ArrayType(
            elem_type, True
        ), lambda v: None if v is None else [elem_conv(x) for x in v]
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        parts = [(f.name, *_spark_type(hints[f.name])) for f in dataclasses.fields(tp)]
        struct = StructType([StructField(name, dtype, True) for name, dtype, _ in parts])

        def to_struct(value: Any) -> Any:
            if value is None:
                return None
            data = value if isinstance(value, dict) else dataclasses.asdict(value)
            return {name: conv(data.get(name)) for name, _, conv in parts}

        return struct, to_struct
    return StringType(), _to_json  # anything else travels as JSON text


def _identity(value: Any) -> Any:
    return value


def _to_float(value: Any) -> Any:
    return None if value is None else float(value)


def _to_json(value: Any) -> Any:
    import json

    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _article_layout(fields: Sequence[str] | None) -> list[tuple[str, DataType, _Converter]]:
    hints = typing.get_type_hints(Article)
    names = [f.name for f in dataclasses.fields(Article)]
    if fields is not None:
        unknown = [f for f in fields if f not in names]
        if unknown:
            raise ValueError(f"unknown Article fields {unknown}; known: {names}")
        names = list(fields)
    return [(name, *_spark_type(hints[name])) for name in names]


def article_schema(fields: Sequence[str] | None = None) -> StructType:
    """The struct :func:`extract_column` returns: the ``Article`` fields (or ``fields``), error."""
    layout = _article_layout(fields)
    return StructType(
        [StructField(name, dtype, True) for name, dtype, _ in layout]
        + [StructField(ERROR_FIELD, StringType(), True)]
    )


def extract_rows(
    html: Sequence[Any],
    urls: Sequence[Any] | None = None,
    content_types: Sequence[Any] | None = None,
    *,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Extract a batch of pages into plain dicts shaped like :func:`article_schema`.

    The work inside the UDF, usable without Spark (and tested that way too).
    A page that cannot be extracted gets nulls and an ``error``; none raises.
    """
    layout = _article_layout(fields)
    n = len(html)
    urls = urls if urls is not None else [None] * n
    content_types = content_types if content_types is not None else [None] * n
    rows: list[dict[str, Any]] = []
    for data, url, ctype in zip(html, urls, content_types, strict=True):
        row: dict[str, Any] = {name: None for name, _, _ in layout}
        row[ERROR_FIELD] = None
        url = url if isinstance(url, str) else None
        if isinstance(data, (bytearray, memoryview)):
            data = bytes(data)
        if not isinstance(data, (bytes, str)):
            row[ERROR_FIELD] = "no HTML"
            rows.append(row)
            continue
        hint = parse_content_type(ctype)[1] if isinstance(ctype, str) else None
        try:
            article = extract_page(data, url, hint=hint, options=options)
        except CleanserError as exc:
            row[ERROR_FIELD] = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # one bad page must not fail the Spark task
            row[ERROR_FIELD] = f"internal error: {type(exc).__name__}: {exc}"
        else:
            for name, _, conv in layout:
                row[name] = conv(getattr(article, name))
        rows.append(row)
    return rows


def _as_column(col: Column | str | None) -> Column:
    if col is None:
        return F.lit(None).cast(StringType())
    return F.col(col) if isinstance(col, str) else col


def extract_column(
    html: Column | str,
    url: Column | str | None = None,
    *,
    content_type: Column | str | None = None,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
) -> Column:
    """A struct column with the article of each row's HTML (binary or string column).

    ``url`` resolves relative links and helps the metadata; ``content_type`` (an
    HTTP ``Content-Type`` value, e.g. ``F.col("headers")["content-type"]``)
    gives the charset hint for binary HTML. ``fields`` limits the struct to those
    ``Article`` fields (plus ``error``), which saves serialising bodies twice.
    """
    schema = article_schema(fields)
    names = schema.fieldNames()
    field_list = list(fields) if fields is not None else None

    def run(html_s: pd.Series, url_s: pd.Series, ctype_s: pd.Series) -> pd.DataFrame:
        rows = extract_rows(
            html_s.tolist(), url_s.tolist(), ctype_s.tolist(), options=options, fields=field_list
        )
        return pd.DataFrame(rows, columns=names)

    udf = pandas_udf(run, returnType=schema)  # type: ignore[call-overload]
    return udf(_as_column(html), _as_column(url), _as_column(content_type))  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- WARC


def _is_local(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def _local_files(paths: Sequence[str]) -> list[str]:
    files: list[str] = []
    for path in paths:
        path = path[len("file://") :] if path.startswith("file://") else path
        if os.path.isdir(path):
            for pattern in WARC_FILE_PATTERNS:
                files.extend(glob.glob(os.path.join(path, "**", pattern), recursive=True))
        elif os.path.exists(path):
            files.append(path)
        else:
            matches = glob.glob(path, recursive=True)
            if not matches:
                raise FileNotFoundError(f"{path}: no such WARC file")
            files.extend(matches)
    return sorted(set(files))


def _rows_of(source: Any, name: str, only_ok: bool, max_bytes: int) -> Iterator[tuple[Any, ...]]:
    """The rows of one archive; a failure to read it is one row more, never a failed task."""
    try:
        for page in iter_pages(source, stats=WarcStats(), max_bytes=max_bytes, only_ok=only_ok):
            yield (page.url or None, page.header_map(), page.html, name, None)
    except Exception as exc:  # corrupt, truncated or unreadable: keep the pages before it
        yield (None, {}, None, name, f"{type(exc).__name__}: {exc}")


def _rows_of_file(path: str, only_ok: bool, max_bytes: int) -> Iterator[tuple[Any, ...]]:
    yield from _rows_of(path, path, only_ok, max_bytes)


def _rows_of_blob(
    name: str, blob: bytes, only_ok: bool, max_bytes: int
) -> Iterator[tuple[Any, ...]]:
    import io

    yield from _rows_of(io.BufferedReader(io.BytesIO(blob)), name, only_ok, max_bytes)


def read_warc(
    spark: SparkSession,
    paths: str | Sequence[str],
    *,
    only_ok: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> DataFrame:
    """The HTML pages of WARC files as a DataFrame of ``(url, headers, html)``.

    ``paths``: files, folders, globs (local), or Hadoop URIs (``hdfs://…``,
    ``s3a://…``, globs allowed). ``headers`` maps lower-cased HTTP header names
    to values; ``html`` is the raw payload (transfer and content codings undone).
    Non-HTML records and, with ``only_ok``, non-2xx responses are left out, as
    in ``cleanser batch``. ``warc_file`` names the archive of each row. An
    archive that is corrupt or cut short keeps the pages read before the damage
    and adds one row with null ``url``/``html`` and its ``read_error``, so one
    bad file among thousands never fails the job.
    """
    path_list = [paths] if isinstance(paths, str) else list(paths)
    sc = spark.sparkContext
    if all(_is_local(p) for p in path_list):
        files = _local_files(path_list)
        rdd = sc.parallelize(files, max(1, len(files))).flatMap(
            lambda p: _rows_of_file(p, only_ok, max_bytes)
        )
    else:
        rdd = sc.binaryFiles(",".join(path_list)).flatMap(
            lambda kv: _rows_of_blob(kv[0], kv[1], only_ok, max_bytes)
        )
    return spark.createDataFrame(rdd, schema=WARC_SCHEMA)


def extract_pages(
    pages: DataFrame,
    *,
    options: Options | None = None,
    fields: Sequence[str] | None = None,
) -> DataFrame:
    """:func:`read_warc`'s rows as flat article rows, ready to write (Parquet, JSON…).

    Columns: ``url`` (the record's), ``warc_file``, the ``Article`` fields (or
    ``fields``) with the article's own ``url`` named ``canonical_url``, and
    ``error``: the archive's ``read_error`` or the page's extraction error,
    null when the page was extracted. Every input row gives one output row.
    """
    struct = extract_column(
        "html", "url", content_type=F.col("headers")["content-type"], options=options, fields=fields
    )
    names = [n for n in article_schema(fields).fieldNames() if n != ERROR_FIELD]
    columns = [F.col(f"_a.{n}").alias("canonical_url" if n == "url" else n) for n in names]
    return pages.select("url", "warc_file", "read_error", struct.alias("_a")).select(
        "url",
        "warc_file",
        *columns,
        F.coalesce(F.col("read_error"), F.col(f"_a.{ERROR_FIELD}")).alias(ERROR_FIELD),
    )


__all__ = [
    "ERROR_FIELD",
    "WARC_SCHEMA",
    "article_schema",
    "extract_column",
    "extract_pages",
    "extract_rows",
    "read_warc",
]
