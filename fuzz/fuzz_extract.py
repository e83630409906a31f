"""Coverage-guided fuzzing of ``cleanser.extract`` / ``cleanser.explain`` with atheris.

Run (one process; the seed corpus is written into DIR when DIR is empty)::

    pip install -e ".[fuzz]"
    python fuzz/fuzz_extract.py fuzz/corpus -dict=fuzz/html.dict \
        -max_total_time=300 -timeout=20 -rss_limit_mb=3072 -max_len=65536

Seeds are every ``samples/*/page.html`` plus the small hostile pages below.
The first input byte picks how the rest is fed in (bytes, ``str`` with lone
surrogates, a tiny ``max_bytes``, ``explain``), so one corpus exercises every
entry path. A crash is any exception other than a ``CleanserError`` (an
``InternalError`` counts as a crash: it wraps a bug), a run over ``-timeout``
seconds, or memory over ``-rss_limit_mb``.

Without atheris (``--plain SECONDS``), the same seeds go through a plain random
byte-mutation loop for that long, with the same checks; it prints executions
and the saved crashers.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INLINE_SEEDS: tuple[bytes, ...] = (
    b"",
    b"   \n\t",
    b"<html><head><meta charset=gbk><title>t</title></head><body><div class=article><h1>"
    + "标题".encode("gbk")
    + b"</h1><p>"
    + "北京时间今天上午，国务院新闻办公室举行新闻发布会，介绍了有关情况。".encode("gbk") * 3
    + b"</p></div><div class=rdtj><h3>"
    + "猜你喜欢".encode("gbk")
    + b"</h3><ul><li><a href=/a>x</a></li></ul></div></body></html>",
    '<html><body><div id="content"><p>第一段，有标点。</p><p>第二段，也有标点。</p></div>'
    '<div class="footer">版权所有 京ICP备12345678号</div></body></html>'.encode(),
    b'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">'
    b'<!ENTITY a "&e;&e;&e;">]><html><body><p>&e;&a;</p></body></html>',
    b"<html><body>" + b"<div>" * 3000 + "正文，内容。".encode() + b"</div>" * 10,
    b"<table><tr><td>a<td>b<tr><td>c</table></html><p>after</html> x</body></p><a><a>x</a>",
    b"<base href='javascript:alert(1)//'><img src='java\tscript:x'><a href='data:,x'>y</a>",
    b"<p>\x00\x01\x02\xff\xfe</p>" + "中文".encode() + "中文".encode("gbk"),
    "<p>臺灣新聞：這是一個測試頁面，我們來看看。</p>".encode("big5"),
    "<html><body><p>国务院新闻办公室举行新闻发布会。</p></body></html>".encode("utf-16-le"),
    b"\x89PNG\r\n\x1a\n\x00\x00",
    b"<script>var s='<div>';</script><style>p{}</style><!-- <div> --><p>x</p>",
)


# Entry paths each seed is written with: bytes, str with surrogates, explain.
_SEED_MODES = (0, 2, 4)


def seeds() -> list[bytes]:
    """Sample pages that exist right now, then the inline seeds."""
    found = [p.read_bytes() for p in sorted((ROOT / "samples").glob("*/page.html"))]
    return found + list(INLINE_SEEDS)


def write_corpus(directory: Path) -> int:
    """Fill an empty corpus directory with the seeds; return how many were written."""
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        return 0
    items = seeds()
    n = 0
    for i, data in enumerate(items):
        for mode in _SEED_MODES:  # the first byte picks the entry path (see one_input)
            (directory / f"seed-{i:03d}-{mode}").write_bytes(bytes([mode]) + data)
            n += 1
    return n


def one_input(data: bytes) -> None:
    """The fuzz target: raises only on a bug."""
    import cleanser
    from cleanser.errors import CleanserError, InternalError

    if not data:
        mode, data = 0, b""
    else:
        mode, data = data[0] % 8, data[1:]
    try:
        if mode == 0 or mode == 1:
            cleanser.extract(data)
        elif mode == 2:
            # str input, with lone surrogates where the bytes are not UTF-8
            cleanser.extract(data.decode("utf-8", "surrogateescape"), "http://example.cn/a/1.html")
        elif mode == 3:
            cleanser.extract(data, options=cleanser.Options(max_bytes=max(1, len(data) // 2)))
        elif mode == 4:
            cleanser.explain(data).to_text()
        elif mode == 5:
            cleanser.extract(data.decode("latin-1"), options=cleanser.Options(focus="recall"))
        elif mode == 6:
            opts = cleanser.Options(links=False, tables=False)
            cleanser.extract(data, "https://news.example.cn/", options=opts).to_json()
        else:
            opts = cleanser.Options(max_bytes=max(1, len(data) // 3), truncate=False)
            cleanser.extract(data, options=opts)
    except InternalError:
        raise
    except CleanserError:
        pass


def _mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:  # flip a byte
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:  # insert a token
            tok = rng.choice(_TOKENS)
            buf[pos:pos] = tok
        elif op == 2 and buf:  # delete a span
            del buf[pos : pos + rng.randint(1, 64)]
        elif op == 3 and buf:  # duplicate a span
            end = min(len(buf), pos + rng.randint(1, 256))
            buf[pos:pos] = buf[pos:end] * rng.randint(1, 20)
        elif op == 4:  # splice another seed
            other = rng.choice(pool)
            start = rng.randrange(len(other) + 1)
            buf[pos:pos] = other[start : start + rng.randint(1, 512)]
        elif op == 5 and buf:  # truncate
            del buf[pos:]
    return bytes(buf[:65536])


_TOKENS = tuple(
    t.encode()
    for t in (
        "<div>", "</div>", "<p>", "</p>", "<a href='/x'>", "</a>", "<br>", "<table><tr><td>",
        "<li>", "<h3>猜你喜欢</h3>", "<h2>相关阅读</h2>", "class='nav'", "class=rdtj", "</html>",
        "<!DOCTYPE x [<!ENTITY e 'x'>]>", "&e;", "<?xml version='1.0'?>", "<![CDATA[", "<!--",
        "-->", "<script>", "</script>", "<meta charset=gbk>", "<meta charset=big5>", "\x00",
        "版权所有", "责任编辑：", "。", "，", "<img src='javascript:x'>", "<base href='/'>",
        "style='display:none'", "<pre>", "<form>", "<svg>", "&#0;", "&#xd800;",
    )
)


def plain_loop(seconds: float, out_dir: Path) -> int:
    """Random byte mutation over the seeds, for machines without atheris."""
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "0")) or None)
    pool = [s for s in seeds() if len(s) <= 65536]
    execs = crashes = 0
    slowest = 0.0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = bytes([rng.randrange(256)]) + _mutate(rng, rng.choice(pool), pool)
        t0 = time.monotonic()
        try:
            one_input(data)
        except Exception as exc:
            crashes += 1
            out_dir.mkdir(parents=True, exist_ok=True)
            path = out_dir / f"crash-{crashes:04d}"
            path.write_bytes(data)
            print(f"crash {type(exc).__name__}: {exc!s:.200} -> {path}", flush=True)
        slowest = max(slowest, time.monotonic() - t0)
        execs += 1
        if rng.random() < 0.05:
            pool.append(data[1:])
    print(
        f"plain loop: {execs} executions in {seconds:.0f} s "
        f"({execs / seconds:.1f}/s), {crashes} crashes, slowest input {slowest:.2f} s"
    )
    return 1 if crashes else 0


def main() -> None:
    """Seed an empty corpus directory, then hand over to atheris (or the plain loop)."""
    args = sys.argv[1:]
    if args[:1] == ["--plain"]:
        sys.exit(plain_loop(float(args[1]), ROOT / "fuzz" / "crashes"))
    for arg in args:
        if not arg.startswith("-"):
            n = write_corpus(Path(arg))
            if n:
                print(f"seeded {arg} with {n} inputs", flush=True)
    import atheris

    with atheris.instrument_imports():
        import cleanser  # noqa: F401

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
