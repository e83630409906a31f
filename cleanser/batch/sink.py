"""The batch's output: a JSONL file written one complete line at a time, resumable.

The parent alone writes the output, one complete line per ``write`` call,
flushed to the OS at once, so a killed run loses at most the pages in flight
and leaves at most one partial last line, which ``resume`` cuts off before it
reads the ids already written (:class:`JsonlSink`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleanser.batch.errors import BatchError

_LEADING_ID = re.compile(r'^\{"id":\s*("(?:[^"\\]|\\.)*")')


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


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a batch output file (for scripts and tests)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
