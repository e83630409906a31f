"""The batch's workers: one task in, one JSON output line out, in a process of our own.

:func:`process_task` turns a task into ``(status, line)`` and never raises;
:func:`extract_page`, :func:`read_gzip` and :func:`article_record` are its steps
(and serve the CLI and ``contrib`` too). A worker process (:class:`Worker` is the
parent's handle on it) reports every page as it finishes, so the parent always
knows which page a worker is on when it dies or hangs.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import importlib
import inspect
import json
import os
import signal
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any, BinaryIO, Literal

from cleanser import core
from cleanser.article import Article
from cleanser.batch.inputs import Task
from cleanser.core import extract
from cleanser.errors import CleanserError, InputTooLargeError
from cleanser.io.decoding import normalize_label
from cleanser.options import Options
from cleanser.rules import SiteRules

Format = Literal["text", "markdown", "html", "json"]
FORMATS: tuple[str, ...] = ("text", "markdown", "html", "json")

#: ``prctl`` option asking Linux to signal a process when its parent dies.
PR_SET_PDEATHSIG = 1
#: Seconds an idle worker waits for work before checking that its parent still lives.
PARENT_CHECK_EVERY = 1.0
#: Article fields left out of a record for each ``format``; the metadata is always kept.
_DROP: dict[str, set[str]] = {
    "text": {"html", "markdown"},
    "markdown": {"text", "html"},
    "html": {"text", "markdown"},
    "json": set(),
}
_HINT_PARAMS = ("encoding_hint", "hint", "charset", "encoding")


def extract_page(
    data: bytes | str,
    url: str | None = None,
    *,
    hint: str | None = None,
    options: Options | None = None,
    extractor: Callable[..., Article] | None = None,
) -> Article:
    """``extract()`` with an outside charset hint (HTTP ``Content-Type`` charset, ``--encoding``).

    The hint only matters for bytes that are neither ASCII nor valid UTF-8, where
    it takes precedence over the page's own ``<meta charset>``, as HTTP says.
    If the extractor takes a hint parameter itself it is passed through;
    otherwise the bytes go through ``core.to_text`` (the size, truncation and
    binary checks and the decoding that ``extract`` does) and the text is extracted.
    """
    if extractor is None:
        extractor = extract
    if hint is None or isinstance(data, str) or normalize_label(hint) is None:
        return extractor(data, url, options=options)
    param = _hint_param(extractor)
    if param is not None:
        return extractor(data, url, options=options, **{param: hint})
    opts = options or Options()
    text, encoding, why = core.read_input(bytes(data), opts, hint)  # extract()'s own checks
    return replace(extractor(text, url, options=opts), encoding=encoding, encoding_reason=why)


def read_gzip(fh: BinaryIO, options: Options | None = None, name: str = "input") -> bytes:
    """A gzip stream's content, inflated by streaming and stopped at ``options.max_bytes``.

    A gzip bomb costs no more than the cap: at most ``max_bytes + 1`` bytes are
    inflated, so that ``extract`` sees the input is over the cap and truncates
    it at its usual cut point; with ``truncate`` off it raises
    ``InputTooLargeError`` here, as ``extract`` would on uncompressed bytes.
    Corrupt data raises ``CleanserError``.
    """
    opts = options or Options()
    try:
        data = gzip.GzipFile(fileobj=fh, mode="rb").read(opts.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise CleanserError(f"{name}: not valid gzip data ({exc})") from None
    if len(data) > opts.max_bytes and not opts.truncate:
        raise InputTooLargeError(
            f"{name}: decompressed input of more than {opts.max_bytes} bytes > {opts.max_bytes}"
        )
    return data


@functools.lru_cache(maxsize=16)
def _hint_param(extractor: Callable[..., Article]) -> str | None:
    try:
        params = inspect.signature(extractor).parameters
    except (TypeError, ValueError):
        return None
    return next((name for name in _HINT_PARAMS if name in params), None)


def article_record(article: Article, fmt: Format = "text") -> dict[str, Any]:
    """The article's fields for an output record: the body in ``fmt`` plus all metadata.

    The article's own ``url`` (the page's canonical URL when it declares one) is
    renamed ``canonical_url`` so that ``url`` stays the input's URL.
    """
    data = article.to_dict()
    for name in _DROP[fmt]:
        data.pop(name, None)
    data["canonical_url"] = data.pop("url", None)
    return data


@dataclass(frozen=True)
class WorkerConfig:
    """What every worker needs to turn a task into an output line."""

    fmt: Format = "text"
    options: Options | None = None
    extractor: str = "cleanser.core:extract"
    memory_limit_mb: int | None = None
    rules: SiteRules | None = None  # per-site option overrides, by the task's URL


def load_extractor(spec: str) -> Callable[..., Article]:
    """``"module:function"`` → the function (so a worker process can import it)."""
    module, _, name = spec.partition(":")
    obj: Any = importlib.import_module(module)
    for part in (name or "extract").split("."):
        obj = getattr(obj, part)
    return obj  # type: ignore[no-any-return]


def process_task(
    task: Task, config: WorkerConfig, extractor: Callable[..., Article]
) -> tuple[str, str]:
    """One task → ``(status, JSON line)``: ``ok``, ``empty``, ``error`` or ``unreadable``.

    Never raises.
    """
    head: dict[str, Any] = {"id": task.id, "url": task.url}
    head.update(task.extra)
    try:
        data: bytes | str
        options = config.options
        if config.rules is not None:
            options = config.rules.options_for(task.url, options)
        if task.path is not None:
            with open(task.path, "rb") as fh:
                if task.path.lower().endswith(".gz"):
                    data = read_gzip(fh, options, task.path)
                else:
                    data = fh.read()
        else:
            data = task.data if task.data is not None else b""
        article = extract_page(data, task.url, hint=task.hint, options=options, extractor=extractor)
        head.update(article_record(article, config.fmt))
        status = "ok" if article.text else "empty"
    except Exception as exc:  # one page must never end the run
        kind = type(exc).__name__ if isinstance(exc, (CleanserError, OSError)) else "internal"
        head["error"] = f"{type(exc).__name__}: {exc}" if kind == "internal" else str(exc)
        head["error_type"] = kind
        # a file that cannot be read is the input's fault, not the page's: counted
        # apart so that the exit status can say so
        status = "unreadable" if isinstance(exc, OSError) and task.path is not None else "error"
    return status, json.dumps(head, ensure_ascii=False, default=str)


def _die_with_parent(parent: int) -> None:
    """On Linux, have the kernel kill this worker when its parent dies (even by SIGKILL).

    An orphaned worker could otherwise block forever sending a result nobody
    reads. Elsewhere the idle loop's parent check is the fallback.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _worker_main(conn: Connection, config: WorkerConfig) -> None:
    """A worker process: take chunks of tasks, send back ``("page", status, line)`` per page."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, when forked
    parent = os.getppid()
    _die_with_parent(parent)
    if config.memory_limit_mb:
        import resource

        limit = config.memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    extractor = load_extractor(config.extractor)
    conn.send(("ready",))
    while True:
        try:
            # A killed parent may not close this pipe (forked siblings hold copies of
            # its end), so also watch for being orphaned rather than block forever.
            while not conn.poll(PARENT_CHECK_EVERY):
                if os.getppid() != parent:
                    return
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for task in chunk:
            status, line = process_task(task, config, extractor)
            conn.send(("page", status, line))


class Worker:
    """The parent's handle on one worker process and the chunk it is working through."""

    def __init__(self, ctx: Any, config: WorkerConfig) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, config), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.chunk: list[Task] = []
        self.done = 0
        self.page_started = time.monotonic()

    @property
    def busy(self) -> bool:
        return self.done < len(self.chunk)

    @property
    def current(self) -> Task | None:
        return self.chunk[self.done] if self.busy else None

    def give(self, chunk: list[Task]) -> None:
        self.chunk, self.done = chunk, 0
        self.page_started = time.monotonic()
        self.conn.send(chunk)

    def remaining_after_current(self) -> list[Task]:
        return self.chunk[self.done + 1 :]

    def kill(self, grace: float = 0.0) -> None:
        """Make sure the process is gone (after ``grace`` seconds to exit by itself); reap it."""
        if grace:
            self.process.join(timeout=grace)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, BrokenPipeError):
            self.conn.send(None)
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def death_reason(process: Any) -> str:
    """Why a worker process ended (its signal or exit status), for the page's error record."""
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"worker killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"worker killed by signal {-code}"
    return f"worker exited with status {code}"
