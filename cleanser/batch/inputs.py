"""The batch's inputs: arguments resolved into sources, and sources walked into tasks.

Files, folders (walked recursively), glob patterns, WARC archives and JSONL files
of pages (``-`` reads JSONL from standard input) become :class:`Source` objects
(:func:`resolve_inputs`, before any work starts), and those become one
:class:`Task` per page, lazily (:func:`iter_tasks`). A task carries the page's
stable id: the file path as given, ``path#n`` for the n-th record of a WARC or
line of a JSONL file, or the JSONL row's own ``id``; and, for a page read from a
file, its canonical identity (``Task.key``: the resolved path), the same whatever
spelling named the file (``./d/a.html``, ``d//a.html``, an absolute path, a
symlink), which ``--resume`` and the de-duplication of inputs go by
(:class:`DoneSet`, :func:`resolve_inputs`).
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
    #: The page's canonical identity when the id is derived from a file's path: the
    #: resolved path (``#n`` appended for a record of a WARC or JSONL file); None for
    #: a given id (the id is the identity) and for standard input.
    key: str | None = None


@dataclass(frozen=True)
class Source:
    """One input argument resolved: a file (or ``-``) and how to read it."""

    kind: Literal["html", "warc", "jsonl"]
    path: str
    #: The file's canonical identity (its resolved path); "" until resolved.
    key: str = ""


def canonical_path(path: str) -> str:
    """A file's identity whatever the spelling of its path: the path resolved.

    Relative paths resolve against the current directory, ``..`` and repeated
    slashes collapse and symlinks are followed, so ``./d/a.html``, ``d//a.html``,
    ``/abs/d/a.html`` and a link to it are one input. ``-`` (standard input) is itself.
    """
    return path if path == "-" else os.path.realpath(path)


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
    what was left out is appended to ``skipped``, and so is a file already named
    under another spelling (by :func:`canonical_path`; the first spelling is the
    one read, and its records' ids). Raises :class:`BatchError` for
    a path that does not exist or a pattern that matches nothing, before any
    work starts.
    """
    out: list[Source] = []
    seen: dict[str, str] = {}  # canonical identity -> the spelling first met
    own = output if output not in (None, "-") else None

    def add(src: Source, *, found: bool) -> None:
        path = src.path if src.path == "-" else os.path.normpath(src.path)
        key = canonical_path(path)
        if key in seen:
            if seen[key] != path:
                _note(path, f"the same file as {seen[key]}", key)
            return
        if key != "-" and own is not None and _same_file(path, own):
            if not found:
                raise BatchError(f"{path}: the input is the output file")
            _note(path, "the output file")
            return
        if found and src.kind == "jsonl" and _is_batch_output(path):
            _note(path, "an earlier batch output")
            return
        seen[key] = path
        out.append(Source(src.kind, path, key))

    def _note(path: str, why: str, key: str | None = None) -> None:
        seen.setdefault(key or canonical_path(path), path)
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
        key = src.key or canonical_path(src.path)
        if src.kind == "html":
            yield Task(id=src.path, path=src.path, key=key)
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
                        key=f"{key}#{page.index}",
                    )
            except (WarcFormatError, OSError) as exc:
                stats.bad_inputs.append(f"{src.path}: {exc}")
            finally:
                stats.warc.merge(file_stats)
        else:
            try:
                yield from _jsonl_tasks(src.path, stdin, key)
            except OSError as exc:
                stats.bad_inputs.append(f"{src.path}: {exc}")


def _jsonl_tasks(path: str, stdin: BinaryIO | None, key: str) -> Iterator[Task | tuple[Task, str]]:
    if path == "-":
        stream: BinaryIO = stdin if stdin is not None else sys.stdin.buffer
        yield from _jsonl_lines("-", stream, None)
        return
    with open(path, "rb") as raw:
        head = raw.read(2)
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if head == b"\x1f\x8b" else raw  # type: ignore[assignment]
        yield from _jsonl_lines(path, stream, key)


def _jsonl_lines(path: str, stream: BinaryIO, key: str | None) -> Iterator[Task | tuple[Task, str]]:
    """One task per line; a row without its own id gets ``path#line`` (key: ``key#line``)."""
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        fallback = f"{path}#{lineno}"
        line_key = f"{key}#{lineno}" if key else None
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield Task(id=fallback, key=line_key), f"invalid JSON line: {exc}"
            continue
        if not isinstance(row, dict):
            yield Task(id=fallback, key=line_key), "JSON line is not an object"
            continue
        task_id = str(row["id"]) if row.get("id") is not None else fallback
        url = row.get("url") if isinstance(row.get("url"), str) else None
        html = row.get("html")
        given = task_id != fallback
        ident = None if given else line_key
        if not isinstance(html, str):
            no_html = 'JSON line has no "html" string'
            yield Task(id=task_id, url=url, given_id=given, key=ident), no_html
            continue
        hint = row.get("encoding") if isinstance(row.get("encoding"), str) else None
        yield Task(id=task_id, url=url, data=html, hint=hint, given_id=given, key=ident)


class DoneSet:
    """The pages an earlier run wrote (``--resume``), matched by id or by identity.

    A task is done when its id is among the ids written, or when its canonical
    identity (``Task.key``) is that of an id written: an earlier run's ids are the
    paths as it spelled them, resolved here the way :func:`canonical_path`
    resolves the new run's (``path`` or ``path#n``). The identities are worked out
    only once a task's id is not found as written, with each folder resolved once.
    """

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids
        self._keys: set[str] | None = None

    def __contains__(self, task: Task) -> bool:
        if task.id in self.ids:
            return True
        if task.key is None or not self.ids:
            return False
        if self._keys is None:
            folders: dict[str, str] = {}
            self._keys = {_identity(record_id, folders) for record_id in self.ids}
        return task.key in self._keys


def _identity(record_id: str, folders: dict[str, str]) -> str:
    """The canonical identity of a written id that names a file (``path``/``path#n``),
    else the id itself; ``folders`` caches resolved folders."""
    path, suffix = record_id, ""
    if not os.path.isfile(path):
        base, sep, n = record_id.rpartition("#")
        if not (sep and n.isdigit() and os.path.isfile(base)):
            return record_id
        path, suffix = base, sep + n
    if os.path.islink(path):
        return os.path.realpath(path) + suffix
    folder, name = os.path.split(path)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder or os.curdir)
    return os.path.join(folders[folder], name) + suffix
