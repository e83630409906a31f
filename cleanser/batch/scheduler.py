"""The batch run: inputs handed to workers in chunks, their lines written to the sink.

:func:`run_batch` resolves the inputs, opens the output and starts the workers;
``_Scheduler`` hands out chunks, writes each page's line as it arrives and
replaces a worker that dies or overruns the per-page timeout, recording just
that page as an error and re-queueing the rest of its chunk.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any, BinaryIO

from cleanser.batch.errors import BatchError
from cleanser.batch.inputs import DoneSet, InputStats, Task, iter_tasks, resolve_inputs
from cleanser.batch.progress import Progress
from cleanser.batch.sink import JsonlSink
from cleanser.batch.worker import (
    FORMATS,
    Format,
    Worker,
    WorkerConfig,
    death_reason,
    load_extractor,
)
from cleanser.options import Options
from cleanser.rules import SiteRules

#: Pages handed to a worker at a time: large enough that dispatch costs nothing
#: next to extraction (~10 ms a page), small enough that the last chunks of a
#: run balance across workers and a crash re-queues little.
DEFAULT_CHUNK_SIZE = 8
#: Seconds one page may take before its worker is killed and the page recorded
#: as timed out. Real pages take milliseconds; this only catches pathologies.
DEFAULT_TIMEOUT = 60.0
#: Workers that die before they are ready, in a row, before the run gives up
#: (a broken installation would otherwise fail every page one by one).
MAX_STARTUP_FAILURES = 3
#: Seconds a worker whose pipe closed gets to finish exiting, so its exit status is known.
DEATH_GRACE = 5.0


@dataclass
class BatchReport:
    """What a run did. ``pages`` counts pages processed in this run (not resumed ones)."""

    pages: int = 0
    ok: int = 0
    empty: int = 0
    failed: int = 0
    timeouts: int = 0
    crashes: int = 0
    already_done: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    warc_skipped: Counter[str] = field(default_factory=Counter)
    bad_inputs: list[str] = field(default_factory=list)
    #: Page files that could not be read (missing, a dangling link, an I/O error);
    #: each is also a failed record.
    unreadable: int = 0
    #: Files found in a folder or by a pattern but not read: the output, earlier
    #: outputs, ARC archives ("path: why, not read").
    skipped_inputs: list[str] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        """Pages processed per wall-clock second, worker start-up included."""
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        """One line for standard error."""
        parts = [
            f"{self.pages} pages in {self.seconds:.1f} s ({self.pages_per_second:.1f} pages/s)",
            f"{self.ok} ok, {self.empty} empty, {self.failed} failed"
            + (
                f" ({self.timeouts} timed out, {self.crashes} crashed a worker)"
                if self.timeouts or self.crashes
                else ""
            ),
        ]
        if self.already_done:
            parts.append(f"{self.already_done} already in the output")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate inputs skipped")
        if self.warc_skipped:
            reasons = ", ".join(f"{n} {why}" for why, n in self.warc_skipped.most_common())
            parts.append(f"{sum(self.warc_skipped.values())} WARC records skipped ({reasons})")
        if self.bad_inputs:
            parts.append(f"{len(self.bad_inputs)} unreadable inputs")
        if self.unreadable:
            parts.append(f"{self.unreadable} page files could not be read")
        if self.skipped_inputs:
            whys = Counter(s.rsplit(": ", 1)[-1].split(",")[0] for s in self.skipped_inputs)
            listed = ", ".join(f"{n} {why}" for why, n in whys.most_common())
            parts.append(f"{len(self.skipped_inputs)} found files not read as input ({listed})")
        if self.interrupted:
            parts.append("interrupted: run again with --resume to finish")
        return "; ".join(parts)


def _mp_context(start_method: str | None = None) -> Any:
    """How to start workers: ``fork`` when this process runs no other thread, else forkserver.

    Fork starts a worker in milliseconds with everything already imported and
    needs no ``if __name__ == "__main__"`` guard in the caller's script; it is
    only unsafe when another thread may hold a lock at the moment of the fork,
    so a threaded caller gets ``forkserver`` (or ``spawn`` where that is missing).
    """
    methods = multiprocessing.get_all_start_methods()
    if start_method is None:
        if "fork" in methods and threading.active_count() == 1:
            start_method = "fork"
        else:
            start_method = "forkserver" if "forkserver" in methods else "spawn"
    ctx = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        ctx.set_forkserver_preload(["cleanser.batch"])
    return ctx


def run_batch(
    inputs: Sequence[str],
    output: str,
    *,
    workers: int | None = None,
    fmt: Format = "text",
    resume: bool = False,
    overwrite: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    options: Options | None = None,
    extractor: str = "cleanser.core:extract",
    memory_limit_mb: int | None = None,
    progress: bool = False,
    stdin: BinaryIO | None = None,
    start_method: str | None = None,
    rules: SiteRules | None = None,
) -> BatchReport:
    """Extract every page of ``inputs`` into the JSONL file ``output``; see the module doc.

    ``extractor`` names the function workers call (``"module:function"``, taking
    ``(html, url, *, options)``), for wrappers around ``extract``; ``start_method``
    overrides how workers are started (see ``_mp_context``); ``rules`` gives
    per-site option overrides by each page's URL (:mod:`cleanser.rules`). Raises
    :class:`BatchError` when the run cannot start; page failures never raise.
    """
    if fmt not in FORMATS:
        raise BatchError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    workers = max(1, workers or _cpu_count())
    chunk_size = max(1, chunk_size)
    skipped: list[str] = []
    sources = resolve_inputs(inputs, output=output, skipped=skipped)
    try:  # fail early on a bad name; forked workers inherit the import
        load_extractor(extractor)
    except (ImportError, AttributeError, ValueError) as exc:
        raise BatchError(f"cannot load extractor {extractor!r}: {exc}") from exc
    sink = JsonlSink(output, resume=resume, overwrite=overwrite)
    report = BatchReport(skipped_inputs=skipped)
    started = time.monotonic()
    total = None
    if all(s.kind == "html" for s in sources):
        total = len(sources)
    bar = Progress(total, enabled=progress)
    in_stats = InputStats()
    config = WorkerConfig(
        fmt=fmt,
        options=options,
        extractor=extractor,
        memory_limit_mb=memory_limit_mb,
        rules=rules,
    )
    scheduler = _Scheduler(config, workers, timeout, sink, report, bar, _mp_context(start_method))
    try:
        done = DoneSet(sink.done_ids())  # by id, or by the file's identity (any spelling)
        seen: set[str] = set()

        def fresh() -> Iterator[Task]:
            for item in iter_tasks(sources, in_stats, stdin):
                task, error = item if isinstance(item, tuple) else (item, None)
                if task in done:
                    report.already_done += 1
                    bar.update(report.pages + report.already_done, report.failed)
                    continue
                if task.given_id:
                    if task.id in seen:
                        report.duplicates += 1
                        continue
                    seen.add(task.id)
                if error is not None:
                    scheduler.record_failure(task, error, "input")
                    continue
                yield task

        scheduler.run(fresh(), chunk_size)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        scheduler.shutdown()
        sink.close()
        report.seconds = time.monotonic() - started
        report.warc_skipped = in_stats.warc.skipped
        report.bad_inputs = in_stats.bad_inputs
        bar.update(report.pages + report.already_done, report.failed, force=True)
        bar.close()
    return report


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _Scheduler:
    """Hands chunks to workers, collects lines, and replaces workers that die or hang."""

    def __init__(
        self,
        config: WorkerConfig,
        n_workers: int,
        timeout: float | None,
        sink: JsonlSink,
        report: BatchReport,
        bar: Progress,
        ctx: Any,
    ) -> None:
        self.config = config
        self.n_workers = n_workers
        self.timeout = timeout if timeout and timeout > 0 else None
        self.sink = sink
        self.report = report
        self.bar = bar
        self.ctx = ctx
        self.workers: list[Worker] = []
        self.retry: deque[Task] = deque()
        self.startup_failures = 0

    # -- bookkeeping

    def _count(self, status: str) -> None:
        self.report.pages += 1
        if status == "ok":
            self.report.ok += 1
        elif status == "empty":
            self.report.empty += 1
        else:
            self.report.failed += 1
            if status == "unreadable":
                self.report.unreadable += 1
        self.bar.update(self.report.pages + self.report.already_done, self.report.failed)

    def record_failure(self, task: Task, message: str, error_type: str) -> None:
        """Write an error record for a page no worker could finish (or that could not be read)."""
        record: dict[str, Any] = {"id": task.id, "url": task.url}
        record.update(task.extra)
        record["error"] = message
        record["error_type"] = error_type
        self.sink.write(json.dumps(record, ensure_ascii=False))
        if error_type == "timeout":
            self.report.timeouts += 1
        elif error_type == "worker_crash":
            self.report.crashes += 1
        self._count("error")

    # -- the loop

    def run(self, tasks: Iterator[Task], chunk_size: int) -> None:
        """Process every task; returns when all are written."""
        self.workers = [Worker(self.ctx, self.config) for _ in range(self.n_workers)]
        exhausted = False
        while True:
            for worker in self.workers:
                if worker.ready and not worker.busy:
                    chunk = self._next_chunk(tasks, chunk_size, exhausted)
                    if not chunk:
                        exhausted = True
                        break
                    worker.give(chunk)
            if exhausted and not self.retry and not any(w.busy for w in self.workers):
                return
            self._wait()

    def _next_chunk(self, tasks: Iterator[Task], size: int, exhausted: bool) -> list[Task]:
        chunk: list[Task] = []
        while self.retry and len(chunk) < size:
            chunk.append(self.retry.popleft())
        if not exhausted:
            for task in tasks:
                chunk.append(task)
                if len(chunk) >= size:
                    break
        return chunk

    def _wait(self) -> None:
        waitables: list[Any] = []
        for worker in self.workers:
            waitables.extend((worker.conn, worker.process.sentinel))
        ready = set(wait(waitables, timeout=self._wait_timeout()))
        for i, worker in enumerate(self.workers):
            dead = worker.process.sentinel in ready
            if worker.conn in ready or dead:
                dead = self._drain(worker) or dead
            if dead:
                self.workers[i] = self._replace(worker, timed_out=False)
            elif self._overdue(worker):
                self.workers[i] = self._replace(worker, timed_out=True)

    def _wait_timeout(self) -> float | None:
        if self.timeout is None:
            return None
        deadlines = [w.page_started + self.timeout for w in self.workers if w.busy]
        if not deadlines:
            return None
        return max(0.0, min(deadlines) - time.monotonic())

    def _overdue(self, worker: Worker) -> bool:
        return (
            self.timeout is not None
            and worker.busy
            and time.monotonic() - worker.page_started > self.timeout
        )

    def _drain(self, worker: Worker) -> bool:
        """Read every message waiting from a worker; True if its pipe is closed (it died)."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if message[0] == "ready":
                    worker.ready = True
                    self.startup_failures = 0
                    continue
                _, status, line = message
                self.sink.write(line)
                worker.done += 1
                worker.page_started = time.monotonic()
                self._count(status)
        except (EOFError, OSError, pickle.UnpicklingError):
            return True
        return False

    def _replace(self, worker: Worker, *, timed_out: bool) -> Worker:
        """Record the page a dead or overdue worker was on, re-queue the rest, start a new one."""
        task = worker.current
        rest = worker.remaining_after_current()
        was_ready = worker.ready
        worker.kill(grace=0.0 if timed_out else DEATH_GRACE)
        death = death_reason(worker.process)
        if task is not None:
            if timed_out:
                self.record_failure(task, f"timed out after {self.timeout:g} s", "timeout")
            else:
                self.record_failure(task, death, "worker_crash")
            self.retry.extendleft(reversed(rest))
        if not was_ready:
            self.startup_failures += 1
            if self.startup_failures >= MAX_STARTUP_FAILURES:
                raise BatchError(f"workers cannot start ({death}); see the errors above")
        return Worker(self.ctx, self.config)

    def shutdown(self) -> None:
        """Stop every worker; pages in flight are not written (a resume redoes them)."""
        for worker in self.workers:
            if worker.busy:
                worker.kill()
            else:
                worker.stop()
        self.workers = []
