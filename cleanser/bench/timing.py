"""Timing one extractor call on one page: the alarm timeout, clocks, memory, warm-up.

:func:`timed_call` is where every page is timed: wall and CPU time around the
extraction call alone (reading the page and scoring are outside), so pages/s is a
single-process rate from raw bytes to text. A ``SIGALRM`` timeout aborts a call
stuck in Python code and keeps the worker (the parent's watchdog in
:mod:`.workers` handles calls stuck in C code). :func:`run_one` adds reading the
page, ``--save-outputs`` and scoring; the worker processes and the in-process
runner (``--jobs 0``) both use it. Each extractor first gets :data:`WARMUP_PAGE`,
untimed, so that lazy set-up is not charged to a page.
"""

from __future__ import annotations

import re
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

try:
    import resource
except ImportError:  # Windows: no peak-memory figures
    resource = None  # type: ignore[assignment]

from cleanser.bench.metrics import PageResult, score_page
from cleanser.bench.peers import ExtractFn, Extractor, Output, _as_output
from cleanser.evaluate.corpus import Page

# A small article page each extractor sees once, untimed, before the first real page,
# so that lazy set-up (jieba's dictionary, compiled patterns) is not charged to a page.
WARMUP_PAGE = (
    "<html><head><meta charset='utf-8'><title>预热页面_新闻</title></head><body>"
    "<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻</a></div>"
    "<div class='article'><h1>预热页面</h1>"
    + "<p>国家统计局今天发布的数据显示，前三季度全国居民人均可支配收入稳步增长，"
    "城乡居民收入差距继续缩小。专家表示，消费市场逐步回暖。</p>"
    * 4
    + "</div><div class='footer'>版权所有 ICP备00000000号</div></body></html>"
).encode("utf-8")


class ExtractorTimeout(BaseException):
    """Raised by SIGALRM inside a timed call (a BaseException so that peers'
    ``except Exception`` blocks cannot swallow it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    """SIGALRM handler: abort the timed call."""
    raise ExtractorTimeout


def _alarm_usable() -> bool:
    """SIGALRM timeouts need setitimer (not on Windows) and the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def timed_call(
    fn: ExtractFn, raw: bytes, url: str | None, timeout: float | None
) -> tuple[str, Output | None, float, float, str | None]:
    """Call ``fn`` with a SIGALRM timeout; return (status, output, wall s, cpu s, error)."""
    use_alarm = bool(timeout) and _alarm_usable()
    previous = signal.signal(signal.SIGALRM, _on_alarm) if use_alarm else None
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, float(timeout or 0))
        try:
            value = fn(raw, url)
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
        out = _as_output(value)
        return "ok", out, time.perf_counter() - t0, time.process_time() - c0, None
    except ExtractorTimeout:
        return "timeout", None, time.perf_counter() - t0, time.process_time() - c0, None
    except Exception as exc:  # any peer failure is data, not a crash of the run
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        return "error", None, wall, cpu, f"{type(exc).__name__}: {exc}"[:300]
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, previous)


def run_one(
    fn: ExtractFn,
    ext: Extractor,
    page: Page,
    zh: bool,
    timeout: float | None,
    save_dir: Path | None = None,
) -> PageResult:
    """Read one page, time the extractor on it and score the result."""
    raw = page.read()
    status, out, wall, cpu, error = timed_call(fn, raw, page.url, timeout)
    if save_dir is not None and out is not None and not ext.floor:
        _save_output(save_dir, ext, page, out.text)
    return score_page(
        page,
        ext,
        out,
        zh=zh,
        size=len(raw),
        status=status,
        error=error,
        seconds=wall,
        cpu_seconds=cpu,
    )


def _save_output(save_dir: Path, ext: Extractor, page: Page, text: str) -> None:
    """Write one output to ``DIR/<extractor>/<source>/<id>.txt`` (``--save-outputs``)."""
    safe = re.sub(r"[^\w.-]+", "_", ext.name)
    target = save_dir / safe / page.source / f"{page.id}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _maxrss_mb(children: bool = False) -> float:
    """Peak resident set size in MB of this process or its waited-for children.

    ``ru_maxrss`` is in KiB on Linux and in bytes on macOS; 0 where unavailable.
    """
    if resource is None:
        return 0.0
    rss = resource.getrusage(
        resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    ).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
