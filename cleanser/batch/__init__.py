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
``resume`` and the de-duplication of inputs go by a file's canonical identity
(its resolved path), so a page named under another spelling of its path
(``./d/a.html``, ``d//a.html``, an absolute path, a symlink) is not written twice.

The modules, in the order the data flows: ``inputs`` (arguments to sources,
sources to tasks), ``worker`` (a task to an output line, in a worker process),
``sink`` (the output file, and reading it back for ``resume``), ``progress``
(the display on standard error) and, on top, ``scheduler`` (``run_batch``:
chunks to workers, lines to the sink, dead and hung workers replaced);
``errors`` holds :class:`BatchError`. The names below are the package's API.
"""

from __future__ import annotations

from cleanser.batch.errors import BatchError
from cleanser.batch.inputs import (
    ARC_REFUSAL,
    ARC_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    DoneSet,
    InputStats,
    Source,
    Task,
    canonical_path,
    iter_tasks,
    resolve_inputs,
)
from cleanser.batch.progress import Progress
from cleanser.batch.scheduler import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_TIMEOUT,
    BatchReport,
    run_batch,
)
from cleanser.batch.sink import JsonlSink, read_records
from cleanser.batch.worker import (
    FORMATS,
    Format,
    WorkerConfig,
    article_record,
    extract_page,
    load_extractor,
    process_task,
    read_gzip,
)

__all__ = [
    "ARC_REFUSAL",
    "ARC_SUFFIXES",
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "WARC_SUFFIXES",
    "BatchError",
    "BatchReport",
    "DoneSet",
    "Format",
    "InputStats",
    "JsonlSink",
    "Progress",
    "Source",
    "Task",
    "WorkerConfig",
    "article_record",
    "canonical_path",
    "extract_page",
    "iter_tasks",
    "load_extractor",
    "process_task",
    "read_gzip",
    "read_records",
    "resolve_inputs",
    "run_batch",
]
