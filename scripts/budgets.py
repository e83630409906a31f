"""Time and peak memory of ``cleanser.extract`` on big and pathological pages.

Each input is built and extracted in a fresh Python process, so peak RSS is that
page's alone. Prints one row per input: its size, seconds inside ``extract``,
the process's peak RSS, and that peak minus the RSS before ``extract`` (the
input itself and the interpreter are in the baseline), then the growth factors
between sizes, which must stay near the size factor (linear).

    python scripts/budgets.py                # every input
    python scripts/budgets.py 1mb 10mb deep  # some of them
    python scripts/budgets.py --json         # machine-readable rows
    python scripts/budgets.py --readme README.md   # replace the README's budgets table
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

# One unit of a realistic portal page: an article with a headline, byline, prose,
# an image with caption, a data table, a share bar, a 猜你喜欢 block and a ranking.
_PROSE = (
    "北京时间今天上午，国务院新闻办公室举行新闻发布会，介绍前三季度国民经济运行情况。",
    "发言人表示，今年以来经济运行总体平稳、稳中有进，就业形势保持稳定，物价温和上涨。",
    "记者在现场看到，多家企业负责人就扩大内需、稳定外贸等问题回答了提问，气氛热烈。",
    "专家分析认为，随着一系列政策措施落地见效，四季度经济有望继续保持回升向好态势。",
)


def _unit(i: int) -> str:
    paras = "".join(f"<p>{_PROSE[(i + k) % 4]}</p>" for k in range(6))
    related = "".join(
        f'<li><a href="/news/{i}-{k}.html">相关新闻标题第{k}条</a></li>' for k in range(8)
    )
    return (
        f'<div class="news-item" id="item-{i}"><h2 class="title">第{i}篇：经济运行总体平稳</h2>'
        f'<div class="info">2024-10-18 10:{i % 60:02d} 来源：新华社 作者：张三</div>'
        f'<div class="content">{paras}<p style="text-align:center"><img src="/img/{i}.jpg"></p>'
        '<p style="text-align:center">图为发布会现场。</p>'
        "<table><tr><td>指标</td><td>数值</td></tr><tr><td>增速</td><td>5.2%</td></tr></table>"
        '</div><div class="share">分享到：微信 微博 QQ空间</div>'
        f'<div class="rdtj"><h3>猜你喜欢</h3><ul>{related}</ul></div></div>\n'
    )


def _portal(size: int) -> bytes:
    head = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>经济运行总体平稳_新闻中心</title>'
        '</head><body><div class="nav"><a href="/">首页</a><a href="/news">新闻</a></div>'
        '<div class="main">'
    ).encode()
    tail = '</div><div class="footer">版权所有 京ICP备12345678号</div></body></html>'.encode()
    parts = [head]
    total = len(head) + len(tail)
    i = 0
    while True:
        unit = _unit(i).encode()
        if total + len(unit) > size:
            break
        parts.append(unit)
        total += len(unit)
        i += 1
    parts.append(tail)
    return b"".join(parts)


def _deep() -> bytes:
    body = "".join(f"<p>{p}</p>" for p in _PROSE)
    depth = 100_000
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>".encode()


def _siblings(element: str) -> Callable[[], bytes]:
    def build() -> bytes:
        article = "<div class='article'>" + "".join(f"<p>{p}</p>" for p in _PROSE) + "</div>"
        return f"<html><body>{article}<div>{element * 1_000_000}</div></body></html>".encode()

    return build


def _nested_tables(depth: int) -> bytes:
    inner = "".join(f"<p>{p}</p>" for p in _PROSE)
    opened, closed = "<table><tr><td>" * depth, "</td></tr></table>" * depth
    return f"<html><body>{opened}{inner}{closed}</body></html>".encode()


def _tables_with_cells(tables: int, cells: int) -> bytes:
    row = "<tr>" + "".join(f"<td>{i}</td>" for i in range(cells)) + "</tr>"
    inner = "".join(f"<p>{p}</p>" for p in _PROSE)
    opened = ("<table>" + row + "<tr><td>") * tables
    return f"<html><body>{opened}{inner}{'</td></tr></table>' * tables}</body></html>".encode()


def _text_node(size: int) -> bytes:
    """One paragraph whose text is nearly the whole page (punctuated prose, no markup)."""
    head = b"<html><head><meta charset='utf-8'></head><body><div class='article'><p>"
    tail = b"</p></div></body></html>"
    unit = _PROSE[0].encode()
    return head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail


def _flat(n: int) -> Callable[[], bytes]:
    def build() -> bytes:
        body = "".join(f"<p>第{i}段内容</p>" for i in range(n))
        return f"<html><body>{body}</body></html>".encode()

    return build


#: name -> (description, builder, max_bytes or None for the default)
INPUTS: dict[str, tuple[str, Callable[[], bytes], int | None]] = {
    "1mb": ("portal page, 1 MB", lambda: _portal(1_000_000), None),
    "10mb": ("portal page, 10 MB", lambda: _portal(10_000_000), None),
    "50mb": (
        "portal page, 50 MB (default cap: first 20 MB read)",
        lambda: _portal(50_000_000),
        None,
    ),
    "50mb-full": ("portal page, 50 MB, max_bytes=64 MB", lambda: _portal(50_000_000), 64_000_000),
    "deep": ("100,000 nested <div>", _deep, None),
    "siblings-inline": ("1,000,000 sibling <span>", _siblings("<span>字</span>"), None),
    "siblings-block": ("1,000,000 sibling <p> (1M lines)", _siblings("<p>字</p>"), None),
    "tables-deep": ("5,000 nested tables", lambda: _nested_tables(5000), None),
    "tables-cells": ("500 nested tables, 60,000 cells", lambda: _tables_with_cells(500, 120), None),
    "flat-500k": ("500,000 sibling <p>, numbered", _flat(500_000), None),
    "text-node": (
        "one 20 MB text node (under the default cap)",
        lambda: _text_node(19_990_000),
        None,
    ),
}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def child(name: str) -> None:
    """Build one input, extract it once, print a JSON row."""
    import cleanser

    _, build, max_bytes = INPUTS[name]
    data = build()
    options = cleanser.Options(max_bytes=max_bytes) if max_bytes else None
    cleanser.extract(b"<p>warm-up</p>")
    before = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    article = cleanser.extract(data, options=options)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        json.dumps(
            {
                "input": name,
                "bytes": len(data),
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
                "peak_rss_mb": round(_rss_mb(), 1),
                "extract_rss_mb": round(_rss_mb() - before, 1),
                "text_chars": len(article.text),
            }
        )
    )


def measure(name: str, timeout: float = 900) -> dict[str, object]:
    """Run ``child(name)`` in a fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, __file__, "--child", name],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        return {"input": name, "error": proc.stderr.strip().splitlines()[-1:]}
    row: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return row


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1])
        return 0
    as_json = "--json" in argv
    readme = None
    if "--readme" in argv:
        at = argv.index("--readme")
        readme = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    names = [a for a in argv if not a.startswith("--")] or list(INPUTS)
    rows = []
    if not as_json:
        print(f"{'input':<52} {'MB':>7} {'seconds':>8} {'peak RSS MB':>12} {'extract RSS MB':>15}")
    for name in names:
        row = measure(name)
        rows.append(row)
        if as_json:
            continue
        if "error" in row:
            print(f"{INPUTS[name][0]:<52} failed: {row['error']}")
            continue
        print(
            f"{INPUTS[name][0]:<52} {row['bytes'] / 1e6:>7.1f} {row['seconds']:>8.2f} "
            f"{row['peak_rss_mb']:>12.0f} {row['extract_rss_mb']:>15.0f}",
            flush=True,
        )
    if as_json:
        print(json.dumps(rows, indent=1))
        return 0
    if readme is not None:
        from cleanser.learn.train import replace_block

        replace_block(readme, _table(rows, names), name="budgets")
    by = {r["input"]: r for r in rows if "error" not in r}
    for small, big in (("1mb", "10mb"), ("10mb", "50mb-full")):
        if small in by and big in by:
            a, b = by[small], by[big]
            size = b["bytes"] / a["bytes"]  # type: ignore[operator]
            print(
                f"{small} -> {big}: size x{size:.1f}, time x{b['seconds'] / a['seconds']:.1f}, "  # type: ignore[operator]
                f"extract RSS x{b['extract_rss_mb'] / max(a['extract_rss_mb'], 1):.1f}"  # type: ignore[operator]
            )
    return 0


def _table(rows: list[dict[str, object]], names: list[str]) -> str:
    """The README's budgets block: the command, the machine, one row per input."""
    command = "python scripts/budgets.py --readme README.md"
    if names != list(INPUTS):
        command = "python scripts/budgets.py " + " ".join(names) + " --readme README.md"
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        f"Generated by `{command}` on {datetime.date.today().isoformat()}: Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load {load} (1/5/15 min). "
        "Each page is built and extracted in a fresh process; *extract RSS* is the growth "
        "of peak RSS during `extract`; *CPU s* is the process's CPU time in `extract` (what "
        "a busy machine does not inflate), *wall s* the elapsed time.",
        "",
        "| input | MB | CPU s | CPU s per MB | wall s | peak RSS MB | extract RSS MB "
        "| extract RSS per MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        name = str(row["input"])
        if "error" in row:
            lines.append(f"| {INPUTS[name][0]} | – | failed: {row['error']} | | | | |")
            continue
        mb = float(row["bytes"]) / 1e6  # type: ignore[arg-type]
        cpu, ext = float(row["cpu_seconds"]), float(row["extract_rss_mb"])  # type: ignore[arg-type]
        lines.append(
            f"| {INPUTS[name][0].replace('<', '`<').replace('>', '>`')} | {mb:.1f} | {cpu:.2f} "
            f"| {cpu / mb:.2f} | {float(row['seconds']):.2f} "  # type: ignore[arg-type]
            f"| {float(row['peak_rss_mb']):.0f} | {ext:.0f} | {ext / mb:.0f} |"  # type: ignore[arg-type]
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
