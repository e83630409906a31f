"""Running the extractors: worker processes, the watchdog, lanes and interleaving.

:func:`run` is the benchmark's runner. With ``jobs`` >= 1 every extractor runs in
its own worker process (:func:`_worker_main`, one per extractor and per lane): a
crash or a hang is counted against that extractor, its worker is restarted and
the run goes on; peers cannot touch each other's global state; and each worker's
peak RSS is that extractor's memory. The ``SIGALRM`` timeout inside the worker
(:mod:`.timing`) is backed by a watchdog in the parent (:func:`_drive_lanes`) that
kills a worker stuck where the alarm cannot reach, such as C code.

A lane takes one page at a time and hands it to each extractor in turn, in an
order rotated from page to page (:func:`_rotated`), so that machine noise hits
every extractor alike; lanes run in parallel (``--jobs``). ``jobs=0`` runs
everything in this process instead (:func:`_run_inline`: no isolation, alarm
timeouts only), as the quality gate does for cleanser alone.

Workers receive the extractor by name and resolve it themselves, and
:func:`_worker_main` is a module-level function, so workers also start under
``spawn``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from cleanser.bench.metrics import PageResult, score_page
from cleanser.bench.peers import FLOOR, ExtractFn, Extractor, resolve_extractor
from cleanser.bench.timing import WARMUP_PAGE, _maxrss_mb, run_one, timed_call
from cleanser.evaluate.corpus import Page, page_is_zh

# Per page and extractor, in seconds (trafilatura's own CLI uses 30). The slowest peer
# call on the corpus took about 5 s on a 2-core machine under a load of 7; a hang
# should cost little, and the run has to finish in minutes.
DEFAULT_TIMEOUT_S = 20.0
# Extra time the parent grants beyond the timeout (for scoring and a slow SIGALRM)
# before it kills a worker that is stuck where SIGALRM cannot reach it.
HARD_KILL_GRACE_S = 10.0
# How long a worker may take to import its extractor.
WORKER_START_TIMEOUT_S = 180.0
# Parallel lanes: the machine this was written for has 2 cores.
DEFAULT_JOBS = min(2, os.cpu_count() or 1)


def _no_network(*args: Any, **kwargs: Any) -> Any:
    """Stand-in for socket connects in workers: a benchmark must never fetch anything."""
    raise OSError("network access is disabled inside cleanser bench workers")


def _worker_main(
    conn: multiprocessing.connection.Connection,
    name: str,
    timeout: float | None,
    save_dir: Path | None,
) -> None:
    """Worker process: build one extractor, then time and score the pages sent to it.

    The extractor travels by name (resolved here), so workers also start under
    ``spawn``, where closures cannot be pickled.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # peers print and log freely; keep the terminal for the progress bar
    os.dup2(devnull, 2)
    import logging
    import socket

    logging.disable(logging.CRITICAL)
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network
    try:
        ext = FLOOR if name == FLOOR.name else resolve_extractor(name)
        fn = ext.factory()
    except BaseException as exc:
        conn.send(("fail", f"{type(exc).__name__}: {exc}"[:300]))
        return
    conn.send(("ready", _maxrss_mb()))
    warm = False
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        page, zh = msg
        if not warm:  # untimed; the parent's first deadline allows for it
            timed_call(fn, WARMUP_PAGE, None, timeout)
            warm = True
        try:
            result = run_one(fn, ext, page, zh, timeout, save_dir)
        except BaseException as exc:  # unreadable page etc.: report, keep serving
            result = score_page(
                page, ext, None, zh=zh, status="error", error=f"{type(exc).__name__}: {exc}"
            )
        conn.send(("result", result, _maxrss_mb()))


def _mp_context() -> Any:
    """``fork`` where available and safe (no other thread could hold a lock), else ``spawn``.

    Forked workers start in milliseconds; the progress bar is refreshed by hand so
    that the parent stays single-threaded.
    """
    fork_ok = "fork" in multiprocessing.get_all_start_methods()
    single = threading.active_count() == 1
    return multiprocessing.get_context("fork" if fork_ok and single else "spawn")


class _Worker:
    """One extractor's worker process, restartable."""

    def __init__(self, ext: Extractor, timeout: float | None, save_dir: Path | None) -> None:
        self.ext = ext
        self.timeout = timeout
        self.save_dir = save_dir
        self.peak_rss_mb = 0.0
        self.conn: multiprocessing.connection.Connection | None = None
        self.proc: Any = None
        self.broken: str | None = None
        self.fresh = True  # its first page also pays the untimed warm-up call

    def start(self) -> None:
        """Start the process; the first page also pays the warm-up call."""
        self.fresh = True
        ctx = _mp_context()
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main,
            args=(child, self.ext.name, self.timeout, self.save_dir),
            daemon=True,
            name=f"bench-{self.ext.name}",
        )
        self.proc.start()
        child.close()
        self.conn = parent

    def await_ready(self, limit: float = WORKER_START_TIMEOUT_S) -> str | None:
        """Wait for the worker's import to finish; return an error message or None."""
        assert self.conn is not None
        if not self.conn.poll(limit):
            self.kill()
            self.broken = f"did not start within {limit:.0f} s"
            return self.broken
        try:
            msg = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            self.broken = f"worker died while starting (exit code {self.proc.exitcode})"
            return self.broken
        if msg[0] == "fail":
            self.kill()
            self.broken = str(msg[1])
            return self.broken
        self.peak_rss_mb = max(self.peak_rss_mb, float(msg[1]))
        return None

    def restart(self) -> None:
        """Replace a dead or stuck worker by a fresh one."""
        self.kill()
        self.start()
        self.await_ready()

    def kill(self) -> None:
        """Kill the process (if alive) and close the pipe."""
        if self.proc is not None and self.proc.is_alive():
            self.proc.kill()
        if self.proc is not None:
            self.proc.join(5)
        if self.conn is not None:
            self.conn.close()
        self.conn = None

    def stop(self) -> None:
        """Ask the worker to exit, then make sure it has."""
        if self.conn is not None and self.proc is not None and self.proc.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.proc.join(2)
        self.kill()


@dataclass
class _Lane:
    """A sequence of pages run through every extractor, one extractor at a time."""

    workers: dict[str, _Worker]
    page: Page | None = None
    zh: bool = False
    todo: deque[str] = field(default_factory=deque)
    deadline: float = 0.0
    done: bool = False


@dataclass
class RunResult:
    """Raw outcome of a run: per-page records plus what only the runner knows."""

    records: list[PageResult]
    extractors: list[Extractor]
    skipped: dict[str, str]
    peak_rss_mb: dict[str, float]
    run_peak_rss_mb: float
    wall_seconds: float
    jobs: int
    timeout: float | None
    load_avg: list[float] = field(default_factory=list)  # 1/5/15-min load at the end


ProgressFn = Callable[[PageResult], None]


def _rotated(names: Sequence[str], index: int) -> deque[str]:
    """Extractor order for page ``index``: rotated so nobody always goes first."""
    k = index % len(names) if names else 0
    return deque([*names[k:], *names[:k]])


def run(
    pages: Sequence[Page],
    extractors: Sequence[Extractor],
    *,
    jobs: int = DEFAULT_JOBS,
    timeout: float | None = DEFAULT_TIMEOUT_S,
    grace: float = HARD_KILL_GRACE_S,
    floor: bool = True,
    save_dir: Path | None = None,
    on_result: ProgressFn | None = None,
    strict: bool = False,
) -> RunResult:
    """Run every extractor (and the lxml floor) on every page, interleaved per page.

    ``jobs=0`` runs in this process; otherwise ``jobs`` lanes of worker processes.
    Extractors whose worker cannot start are dropped and listed in ``skipped``
    (with ``strict`` a :class:`RuntimeError` is raised instead).
    """
    exts = list(extractors) + ([FLOOR] if floor else [])
    zh = [page_is_zh(p) for p in pages]
    t0 = time.perf_counter()
    if jobs <= 0:
        result = _run_inline(pages, zh, exts, timeout, save_dir, on_result, strict)
    else:
        result = _run_lanes(pages, zh, exts, jobs, timeout, grace, save_dir, on_result, strict)
    result.wall_seconds = time.perf_counter() - t0
    with contextlib.suppress(OSError, AttributeError):
        result.load_avg = [round(x, 2) for x in os.getloadavg()]
    result.run_peak_rss_mb = max(
        [_maxrss_mb(), _maxrss_mb(children=True), *result.peak_rss_mb.values()]
    )
    return result


def _run_inline(
    pages: Sequence[Page],
    zh: Sequence[bool],
    exts: list[Extractor],
    timeout: float | None,
    save_dir: Path | None,
    on_result: ProgressFn | None,
    strict: bool,
) -> RunResult:
    """``jobs=0``: every extractor in this process, SIGALRM timeouts only, no isolation."""
    fns: dict[str, ExtractFn] = {}
    skipped: dict[str, str] = {}
    for ext in exts:
        try:
            fns[ext.name] = ext.factory()
            timed_call(fns[ext.name], WARMUP_PAGE, None, timeout)
        except Exception as exc:
            if strict:
                raise RuntimeError(f"{ext.name}: {type(exc).__name__}: {exc}") from exc
            skipped[ext.name] = f"{type(exc).__name__}: {exc}"
    live = [e for e in exts if e.name in fns]
    names = [e.name for e in live]
    by_name = {e.name: e for e in live}
    records: list[PageResult] = []
    for i, page in enumerate(pages):
        for name in _rotated(names, i):
            try:
                rec = run_one(fns[name], by_name[name], page, zh[i], timeout, save_dir)
            except OSError as exc:  # unreadable page
                rec = score_page(
                    page,
                    by_name[name],
                    None,
                    zh=zh[i],
                    status="error",
                    error=f"{type(exc).__name__}: {exc}",
                )
            records.append(rec)
            if on_result:
                on_result(rec)
    return RunResult(records, live, skipped, {}, 0.0, 0.0, 0, timeout)


def _run_lanes(
    pages: Sequence[Page],
    zh: Sequence[bool],
    exts: list[Extractor],
    jobs: int,
    timeout: float | None,
    grace: float,
    save_dir: Path | None,
    on_result: ProgressFn | None,
    strict: bool,
) -> RunResult:
    """``jobs`` lanes, each with one worker process per extractor (see the module doc)."""
    lanes = [
        _Lane({e.name: _Worker(e, timeout, save_dir) for e in exts})
        for _ in range(max(1, min(jobs, len(pages) or 1)))
    ]
    skipped: dict[str, str] = {}
    try:
        for lane in lanes:
            for w in lane.workers.values():
                w.start()
        for lane in lanes:
            for name, w in lane.workers.items():
                err = w.await_ready()
                if err and name not in skipped:
                    skipped[name] = err
        if strict and skipped:
            raise RuntimeError("; ".join(f"{k}: {v}" for k, v in skipped.items()))
        live = [e for e in exts if e.name not in skipped]
        names = [e.name for e in live]
        for lane in lanes:
            for name in skipped:
                lane.workers.pop(name).kill()
        # No extractor started: nothing to run (the skips say why).
        records = _drive_lanes(lanes, pages, zh, names, timeout, grace, on_result) if names else []
        peak: dict[str, float] = {}
        for lane in lanes:
            for name, w in lane.workers.items():
                peak[name] = max(peak.get(name, 0.0), w.peak_rss_mb)
        return RunResult(records, live, skipped, peak, 0.0, 0.0, len(lanes), timeout)
    finally:
        for lane in lanes:
            for w in lane.workers.values():
                w.stop()


def _drive_lanes(
    lanes: list[_Lane],
    pages: Sequence[Page],
    zh: Sequence[bool],
    names: list[str],
    timeout: float | None,
    grace: float,
    on_result: ProgressFn | None,
) -> list[PageResult]:
    """The parent's event loop: feed pages to lanes, collect results, kill hung workers."""
    queue = deque(range(len(pages)))
    records: list[PageResult] = []
    limit = (timeout or WORKER_START_TIMEOUT_S) + grace
    warmup = timeout or WORKER_START_TIMEOUT_S

    def emit(rec: PageResult) -> None:
        records.append(rec)
        if on_result:
            on_result(rec)

    def fail(lane: _Lane, w: _Worker, error: str) -> None:
        """Record the lane's current job as an error and move past it."""
        assert lane.page is not None
        emit(score_page(lane.page, w.ext, None, zh=lane.zh, status="error", error=error))
        lane.todo.popleft()

    def dispatch(lane: _Lane) -> None:
        """Send the lane's next (page, extractor) job, skipping broken workers."""
        while True:
            if not lane.todo:
                if not queue:
                    lane.done, lane.page = True, None
                    return
                i = queue.popleft()
                lane.page, lane.zh, lane.todo = pages[i], zh[i], _rotated(names, i)
            assert lane.page is not None
            w = lane.workers[lane.todo[0]]
            if w.broken or w.conn is None:
                fail(lane, w, f"worker unavailable: {w.broken}")
                continue
            try:
                w.conn.send((lane.page, lane.zh))
            except (OSError, ValueError) as exc:  # died between pages
                w.broken = None
                w.restart()
                if w.broken is None:
                    continue
                fail(lane, w, f"{type(exc).__name__}: {exc}")
                continue
            lane.deadline = time.monotonic() + limit + (warmup if w.fresh else 0.0)
            return

    for lane in lanes:
        dispatch(lane)
    while True:
        active = [ln for ln in lanes if not ln.done]
        if not active:
            return records
        conns = {}
        for ln in active:
            conn = ln.workers[ln.todo[0]].conn
            assert conn is not None
            conns[conn] = ln
        wait_s = max(0.0, min(ln.deadline for ln in active) - time.monotonic())
        ready = multiprocessing.connection.wait(list(conns), timeout=wait_s)
        for ready_conn in ready:
            conn = cast(multiprocessing.connection.Connection, ready_conn)
            lane = conns[conn]
            w = lane.workers[lane.todo[0]]
            assert lane.page is not None
            try:
                msg = conn.recv()
                rec: PageResult = msg[1]
                rss = float(msg[2])
                w.peak_rss_mb = max(w.peak_rss_mb, rss)
                w.fresh = False
            except (EOFError, OSError):  # the worker died mid-call (segfault, os._exit…)
                w.proc.join(1)
                rec = score_page(
                    lane.page,
                    w.ext,
                    None,
                    zh=lane.zh,
                    status="error",
                    error=f"worker crashed (exit code {w.proc.exitcode})",
                )
                w.restart()
            emit(rec)
            lane.todo.popleft()
            dispatch(lane)
        now = time.monotonic()
        for lane in active:
            if lane.done or lane.deadline > now or not lane.todo:
                continue
            w = lane.workers[lane.todo[0]]
            if w.conn is not None and w.conn in ready:
                continue
            assert lane.page is not None
            emit(
                score_page(
                    lane.page,
                    w.ext,
                    None,
                    zh=lane.zh,
                    status="timeout",
                    seconds=limit,
                    error="killed by the watchdog",
                )
            )
            w.restart()
            lane.todo.popleft()
            dispatch(lane)
