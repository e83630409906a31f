"""Extract many pages in parallel into JSONL, surviving bad pages, dead workers and kills.

Inputs are files, folders (walked recursively), glob patterns, WARC archives
(``.warc``/``.warc.gz``; HTML responses only, the ``Content-Type`` charset used
as a decoding hint) and JSONL files of ``{"url": ..., "html": ..., "id": ...}``
(``-`` reads JSONL from standard input). Every input page yields exactly one
output line: its ``id`` and ``url`` plus either the article fields or an
``error`` (with ``error_type``).

Why not ``concurrent.futures.ProcessPoolExecutor``: one worker killed by a
segfault or ``os._exit`` breaks the whole pool. Here each worker is a process
of our own with a pipe; it reports every page as it finishes, so the parent
always knows which page a worker is on. A worker that dies, or overruns the
per-page timeout (and is killed), costs exactly that one page, which is
recorded as an error; the rest of its chunk goes to a fresh worker.

Why the output is exactly-once across kills: the parent alone writes the
output, one complete line per ``write`` call, flushed to the OS at once. A
killed run therefore loses at most the pages in flight (and can leave at most
one partial last line). ``resume`` truncates a partial tail, reads the ids
already written and skips them, so every input page ends up in the output once.
Ids are stable across runs: the file path as given, ``path#n`` for the n-th
record of a WARC or line of a JSONL file (or the JSONL row's own ``id``).
"""

from __future__ import annotations

import contextlib
import functools
import glob
import gzip
import importlib
import inspect
import json
import multiprocessing
import os
import pickle
import re
import signal
import sys
import threading
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO

from cleanser import core
from cleanser.article import Article
from cleanser.core import extract
from cleanser.errors import CleanserError, InputTooLargeError
from cleanser.io.decoding import normalize_label
from cleanser.io.warc import WarcFormatError, WarcStats, is_warc, iter_pages
from cleanser.options import Options
from cleanser.rules import SiteRules

Format = Literal["text", "markdown", "html", "json"]
FORMATS: tuple[str, ...] = ("text", "markdown", "html", "json")

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
#: ``prctl`` option asking Linux to signal a process when its parent dies.
PR_SET_PDEATHSIG = 1
#: Seconds an idle worker waits for work before checking that its parent still lives.
PARENT_CHECK_EVERY = 1.0
#: Seconds between progress lines when standard error is not a terminal.
LOG_PROGRESS_EVERY = 30.0
#: Seconds between refreshes of the terminal progress line.
TTY_PROGRESS_EVERY = 0.25
#: File name endings read as single HTML pages when walking folders.
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz")
#: File name endings read as WARC archives.
WARC_SUFFIXES = (".warc", ".warc.gz")
#: ARC, the Internet Archive's format before WARC: not read (refused when named,
#: noted and left out when found in a folder or by a pattern).
ARC_SUFFIXES = (".arc", ".arc.gz")
ARC_REFUSAL = (
    "an ARC archive (the format before WARC), which cleanser does not read; convert it to WARC"
)
#: File name endings read as JSONL of pages.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: Article fields left out of a record for each ``format``; the metadata is always kept.
_BODY_FIELDS = {"text", "html", "markdown"}
_DROP: dict[str, set[str]] = {
    "text": {"html", "markdown"},
    "markdown": {"text", "html"},
    "html": {"text", "markdown"},
    "json": set(),
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_LEADING_ID = re.compile(r'^\{"id":\s*("(?:[^"\\]|\\.)*")')
_HINT_PARAMS = ("encoding_hint", "hint", "charset", "encoding")
#: Bytes of a found JSONL file's first line read to tell an earlier output from an input.
_SNIFF_BYTES = 4 * 1024 * 1024


class BatchError(CleanserError):
    """A batch cannot start: missing inputs, an output in the way, workers that cannot run."""


# --------------------------------------------------------------------------- extraction


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
    text, encoding = core.to_text(bytes(data), opts, hint)  # extract()'s own checks
    return replace(extractor(text, url, options=opts), encoding=encoding)


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


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Task:
    """One input page: where its bytes are (a file to read, or the bytes) and its identity."""

    id: str
    url: str | None = None
    path: str | None = None
    data: bytes | str | None = None
    hint: str | None = None
    extra: tuple[tuple[str, str], ...] = ()
    #: The id came from the input (a JSONL row's ``id``), so it may repeat; derived
    #: ids (paths, ``path#n``) are unique by construction and need no bookkeeping.
    given_id: bool = False


@dataclass(frozen=True)
class Source:
    """One input argument resolved: a file (or ``-``) and how to read it."""

    kind: Literal["html", "warc", "jsonl"]
    path: str


def _has_suffix(name: str, suffixes: Sequence[str]) -> bool:
    low = name.lower()
    return any(low.endswith(s) for s in suffixes)


def _kind_of(path: str) -> Literal["html", "warc", "jsonl"]:
    """What a file given explicitly holds, by name, else by its first bytes."""
    if _has_suffix(path, WARC_SUFFIXES):
        return "warc"
    if _has_suffix(path, JSONL_SUFFIXES):
        return "jsonl"
    if _has_suffix(path, HTML_SUFFIXES):
        return "html"
    if is_warc(path):
        return "warc"
    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
            if head == b"\x1f\x8b":
                fh.seek(0)
                head = gzip.GzipFile(fileobj=fh).read(64)
    except (OSError, EOFError):
        return "html"
    return "jsonl" if head.lstrip()[:1] == b"{" else "html"


def _walk(folder: str, note: Callable[[str, str], None] | None = None) -> Iterator[Source]:
    """The readable files under ``folder``; ``note`` hears of the ARC archives left out."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            if _has_suffix(name, HTML_SUFFIXES):
                yield Source("html", path)
            elif _has_suffix(name, WARC_SUFFIXES):
                yield Source("warc", path)
            elif _has_suffix(name, JSONL_SUFFIXES):
                yield Source("jsonl", path)
            elif note is not None and _has_suffix(name, ARC_SUFFIXES):
                note(os.path.normpath(path), ARC_REFUSAL)


def _same_file(path: str, other: str) -> bool:
    """Whether two paths name one file (by inode when both exist, else by real path)."""
    try:
        return os.path.samefile(path, other)
    except OSError:
        return os.path.realpath(path) == os.path.realpath(other)


def _is_batch_output(path: str) -> bool:
    """Whether a JSONL file is a cleanser batch output: its first record is one of ours.

    Our records carry ``error_type`` (failures) or ``canonical_url`` and
    ``confidence`` (articles); input rows carry ``html``. Only the first line is
    read, up to :data:`_SNIFF_BYTES`.
    """
    try:
        with open(path, "rb") as raw:
            head = raw.read(2)
            raw.seek(0)
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw  # type: ignore[assignment]
            line = stream.readline(_SNIFF_BYTES)
        row = json.loads(line)
    except (OSError, EOFError, ValueError, zlib.error):
        return False
    if not isinstance(row, dict) or "id" not in row:
        return False
    return "error_type" in row or ("canonical_url" in row and "confidence" in row)


def resolve_inputs(
    args: Iterable[str], *, output: str | None = None, skipped: list[str] | None = None
) -> list[Source]:
    """Files, folders, globs and ``-`` → the sources to read, in order, without repeats.

    ``output`` (the run's output file) is never a source: found in a folder or by
    a pattern it is left out, named explicitly it is an error. Folders and
    patterns also leave out earlier batch outputs (:func:`_is_batch_output`);
    what was left out is appended to ``skipped``. Raises :class:`BatchError` for
    a path that does not exist or a pattern that matches nothing, before any
    work starts.
    """
    out: list[Source] = []
    seen: set[str] = set()
    own = output if output not in (None, "-") else None

    def add(src: Source, *, found: bool) -> None:
        key = src.path if src.path == "-" else os.path.normpath(src.path)
        if key in seen:
            return
        if key != "-" and own is not None and _same_file(key, own):
            if not found:
                raise BatchError(f"{key}: the input is the output file")
            _note(key, "the output file")
            return
        if found and src.kind == "jsonl" and _is_batch_output(key):
            _note(key, "an earlier batch output")
            return
        seen.add(key)
        out.append(Source(src.kind, key))

    def _note(path: str, why: str) -> None:
        seen.add(path)
        if skipped is not None:
            skipped.append(f"{path}: {why}, not read")

    for arg in args:
        if arg == "-":
            add(Source("jsonl", "-"), found=False)
        elif os.path.isdir(arg):
            for src in _walk(arg, _note):
                add(src, found=True)
        elif os.path.isfile(arg):
            if _has_suffix(arg, ARC_SUFFIXES):
                raise BatchError(f"{arg}: {ARC_REFUSAL}")
            add(Source(_kind_of(arg), arg), found=False)
        elif _GLOB_CHARS.search(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise BatchError(f"{arg}: pattern matches no file")
            for match in matches:
                if os.path.isdir(match):
                    for src in _walk(match, _note):
                        add(src, found=True)
                elif _has_suffix(match, ARC_SUFFIXES):
                    _note(os.path.normpath(match), ARC_REFUSAL)
                else:
                    add(Source(_kind_of(match), match), found=True)
        else:
            raise BatchError(f"{arg}: no such file or folder")
    return out


@dataclass
class InputStats:
    """What reading the inputs produced besides pages: WARC skips and unreadable inputs."""

    warc: WarcStats = field(default_factory=WarcStats)
    bad_inputs: list[str] = field(default_factory=list)


def iter_tasks(
    sources: Sequence[Source], stats: InputStats, stdin: BinaryIO | None = None
) -> Iterator[Task | tuple[Task, str]]:
    """Every page of the sources, lazily. A page that cannot be read is ``(task, error)``."""
    for src in sources:
        if src.kind == "html":
            yield Task(id=src.path, path=src.path)
        elif src.kind == "warc":
            file_stats = WarcStats()
            try:
                for page in iter_pages(src.path, stats=file_stats):
                    extra = (("warc_record_id", page.record_id),) if page.record_id else ()
                    yield Task(
                        id=f"{src.path}#{page.index}",
                        url=page.url or None,
                        data=page.html,
                        hint=page.charset,
                        extra=extra,
                    )
            except (WarcFormatError, OSError) as exc:
                stats.bad_inputs.append(f"{src.path}: {exc}")
            finally:
                stats.warc.merge(file_stats)
        else:
            try:
                yield from _jsonl_tasks(src.path, stdin)
            except OSError as exc:
                stats.bad_inputs.append(f"{src.path}: {exc}")


def _jsonl_tasks(path: str, stdin: BinaryIO | None) -> Iterator[Task | tuple[Task, str]]:
    if path == "-":
        stream: BinaryIO = stdin if stdin is not None else sys.stdin.buffer
        yield from _jsonl_lines("-", stream)
        return
    with open(path, "rb") as raw:
        head = raw.read(2)
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw  # type: ignore[assignment]
        yield from _jsonl_lines(path, stream)


def _jsonl_lines(path: str, stream: BinaryIO) -> Iterator[Task | tuple[Task, str]]:
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        fallback = f"{path}#{lineno}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield Task(id=fallback), f"invalid JSON line: {exc}"
            continue
        if not isinstance(row, dict):
            yield Task(id=fallback), "JSON line is not an object"
            continue
        task_id = str(row["id"]) if row.get("id") is not None else fallback
        url = row.get("url") if isinstance(row.get("url"), str) else None
        html = row.get("html")
        given = task_id != fallback
        if not isinstance(html, str):
            yield Task(id=task_id, url=url, given_id=given), 'JSON line has no "html" string'
            continue
        hint = row.get("encoding") if isinstance(row.get("encoding"), str) else None
        yield Task(id=task_id, url=url, data=html, hint=hint, given_id=given)


# --------------------------------------------------------------------------- output


class JsonlSink:
    """The output file: one complete JSON line per write, flushed at once.

    With ``resume`` an existing file is kept: a partial last line (from a killed
    run) is cut off and the ids of the complete lines are returned by
    :meth:`done_ids`. Without it an existing non-empty file is an error unless
    ``overwrite``. ``path`` ``-`` writes to standard output.
    """

    def __init__(self, path: str, *, resume: bool = False, overwrite: bool = False) -> None:
        self.path = path
        self._done: set[str] = set()
        self._fd: int
        self._written = 0  # records written by this run
        if path == "-":
            self._fd = sys.stdout.fileno()
            self._close = False
            return
        self._close = True
        exists = os.path.exists(path) and os.path.getsize(path) > 0
        if exists and not (resume or overwrite):
            raise BatchError(
                f"{path} already exists: pass --resume to continue that run "
                "or --overwrite to start over"
            )
        try:
            if exists and resume:
                self._done = _scan_output(path)
                self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)
            else:
                self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        except OSError as exc:  # missing folder, read-only, a folder named like the file
            self._close = False
            raise BatchError(f"{path}: cannot write the output: {exc.strerror or exc}") from None

    def done_ids(self) -> set[str]:
        """Ids already in the output when it was opened (empty unless resuming)."""
        return self._done

    def write(self, line: str) -> None:
        """Append one record (a JSON object without its newline)."""
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        try:
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError as exc:  # disk full, I/O error: stop the run, keep what is written
            raise BatchError(
                f"{self.path}: writing the output failed after {self._written} records "
                f"({exc.strerror or exc}); they are kept, --resume continues"
            ) from None
        self._written += 1

    def close(self) -> None:
        """Flush to disk and close (standard output is left open)."""
        if self._close:
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
            os.close(self._fd)
            self._close = False


def _scan_output(path: str) -> set[str]:
    """Ids of the complete records of an output file; a partial tail is truncated away."""
    done: set[str] = set()
    good_end = 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            record_id = _record_id(line)
            if record_id is None:
                break
            done.add(record_id)
            good_end += len(line)
    if good_end < os.path.getsize(path):
        os.truncate(path, good_end)
    return done


def _record_id(line: bytes) -> str | None:
    """The ``id`` of one output line; records lead with it, so a regex avoids a full parse."""
    text = line.decode("utf-8", "replace")
    m = _LEADING_ID.match(text)
    if m and text.rstrip().endswith("}"):
        try:
            return str(json.loads(m.group(1)))
        except ValueError:
            return None
    try:
        row = json.loads(text)
    except ValueError:
        return None
    return str(row["id"]) if isinstance(row, dict) and "id" in row else None


# --------------------------------------------------------------------------- workers


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


class _Worker:
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


def _death_reason(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"worker killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"worker killed by signal {-code}"
    return f"worker exited with status {code}"


# --------------------------------------------------------------------------- progress


class Progress:
    """Pages done, pages/s and failures on standard error: rich if installed, else plain."""

    def __init__(self, total: int | None, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = enabled
        self.tty = enabled and self.stream.isatty()
        self.start = time.monotonic()
        self._last = 0.0
        self._rich: Any = None
        self._task: Any = None
        if self.tty:
            self._start_rich()

    def _start_rich(self) -> None:
        try:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress
        except ImportError:
            return
        self._rich = RichProgress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} pages/s"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            auto_refresh=False,  # no refresh thread: workers are forked from this process
            transient=False,
        )
        self._rich.start()
        self._task = self._rich.add_task("batch", total=self.total, rate=0.0, failed=0)

    def update(self, done: int, failed: int, *, force: bool = False) -> None:
        """Show the counts (rate-limited)."""
        if not self.enabled:
            return
        now = time.monotonic()
        every = TTY_PROGRESS_EVERY if self.tty else LOG_PROGRESS_EVERY
        if not force and now - self._last < every:
            return
        self._last = now
        rate = done / max(now - self.start, 1e-9)
        if self._rich is not None:
            self._rich.update(self._task, completed=done, rate=rate, failed=failed)
            self._rich.refresh()
            return
        total = f"/{self.total}" if self.total is not None else ""
        line = f"{done}{total} pages  {rate:.1f} pages/s  {failed} failed"
        if self.tty:
            self.stream.write(f"\r{line}\033[K")
        else:
            self.stream.write(f"cleanser batch: {line}\n")
        self.stream.flush()

    def close(self) -> None:
        """Leave the terminal tidy."""
        if self._rich is not None:
            self._rich.stop()
        elif self.tty:
            self.stream.write("\n")
            self.stream.flush()


# --------------------------------------------------------------------------- the run


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
        done_ids = sink.done_ids()
        seen: set[str] = set()

        def fresh() -> Iterator[Task]:
            for item in iter_tasks(sources, in_stats, stdin):
                task, error = item if isinstance(item, tuple) else (item, None)
                if task.id in done_ids:
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
        self.workers: list[_Worker] = []
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
        self.workers = [_Worker(self.ctx, self.config) for _ in range(self.n_workers)]
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

    def _overdue(self, worker: _Worker) -> bool:
        return (
            self.timeout is not None
            and worker.busy
            and time.monotonic() - worker.page_started > self.timeout
        )

    def _drain(self, worker: _Worker) -> bool:
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

    def _replace(self, worker: _Worker, *, timed_out: bool) -> _Worker:
        """Record the page a dead or overdue worker was on, re-queue the rest, start a new one."""
        task = worker.current
        rest = worker.remaining_after_current()
        was_ready = worker.ready
        worker.kill(grace=0.0 if timed_out else DEATH_GRACE)
        death = _death_reason(worker.process)
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
        return _Worker(self.ctx, self.config)

    def shutdown(self) -> None:
        """Stop every worker; pages in flight are not written (a resume redoes them)."""
        for worker in self.workers:
            if worker.busy:
                worker.kill()
            else:
                worker.stop()
        self.workers = []


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a batch output file (for scripts and tests)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


__all__ = [
    "FORMATS",
    "BatchError",
    "BatchReport",
    "JsonlSink",
    "Task",
    "article_record",
    "extract_page",
    "read_gzip",
    "read_records",
    "resolve_inputs",
    "run_batch",
]
