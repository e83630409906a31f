"""The batch's inputs: arguments resolved into sources, and sources walked into tasks.

Files, folders (walked recursively), glob patterns, WARC archives and JSONL files
of pages (``-`` reads JSONL from standard input) become :class:`Source` objects
(:func:`resolve_inputs`, before any work starts), and those become one
:class:`Task` per page, lazily (:func:`iter_tasks`). A task carries the page's
stable id: the file path as given, ``path#n`` for the n-th record of a WARC or
line of a JSONL file, or the JSONL row's own ``id``.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, Literal

from cleanser.batch.errors import BatchError
from cleanser.io.warc import WarcFormatError, WarcStats, is_warc, iter_pages

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
_GLOB_CHARS = re.compile(r"[*?\[]")
#: Bytes of a found JSONL file's first line read to tell an earlier output from an input.
_SNIFF_BYTES = 4 * 1024 * 1024


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
