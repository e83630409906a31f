"""``cleanser batch``: many pages (files, folders, globs, WARC archives, JSONL) extracted
in parallel into one JSONL file, resumable; the work itself is ``cleanser.batch``'s."""

from __future__ import annotations

import argparse
import signal
import sys

from cleanser.cli.shared import (
    EXIT_BAD_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    PROG,
    UsageError,
    add_option_flags,
    format_name,
    option_pairs,
    parse_options,
    positive_int,
    site_rules,
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``batch`` subcommand and its arguments."""
    ba = sub.add_parser(
        "batch",
        help="extract many pages in parallel into JSONL",
        description=(
            "Extract every page of the inputs into one JSONL file, one record per page "
            "(its id and url, then the article fields or an 'error'). Inputs: HTML files, "
            "folders (walked recursively), glob patterns, WARC / WARC.gz archives, JSONL "
            "files of {url, html} objects, or - for JSONL on stdin."
        ),
    )
    ba.add_argument("inputs", nargs="+", metavar="INPUT")
    ba.add_argument("-o", "--output", required=True, help="the JSONL file to write (- for stdout)")
    ba.add_argument(
        "--workers",
        "-j",
        type=positive_int,
        default=None,
        help="worker processes (default: one per CPU)",
    )
    ba.add_argument(
        "--format",
        "-f",
        choices=("text", "markdown", "html", "json"),
        type=format_name,
        default="text",
        help="body field(s) to include with the metadata (json: all three)",
    )
    ba.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: keep the output and skip the pages already in it",
    )
    ba.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    ba.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SEC",
        help="seconds one page may take before it is recorded as timed out (default 60; 0: none)",
    )
    ba.add_argument(
        "--chunk-size",
        type=positive_int,
        default=None,
        metavar="N",
        help="pages handed to a worker at a time (default 8)",
    )
    ba.add_argument(
        "--max-memory",
        type=positive_int,
        default=None,
        metavar="MB",
        help="address-space limit per worker; a page that needs more is recorded as failed",
    )
    ba.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress line on stderr (default: when stderr is a terminal)",
    )
    add_option_flags(ba)
    ba.set_defaults(run=run, parser=ba)


def run(ns: argparse.Namespace) -> int:
    """Run the batch ``ns`` describes; report bad inputs and the summary on standard error."""
    from cleanser.batch import DEFAULT_CHUNK_SIZE, DEFAULT_TIMEOUT, BatchError, run_batch

    if ns.resume and ns.overwrite:
        raise UsageError("--resume and --overwrite exclude each other")
    if ns.resume and ns.output == "-":
        raise UsageError("--resume needs an output file, not -")
    options = parse_options(option_pairs(ns))
    rules = site_rules(ns)
    progress = ns.progress if ns.progress is not None else sys.stderr.isatty()
    signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        report = run_batch(
            ns.inputs,
            ns.output,
            workers=ns.workers,
            fmt=ns.format,
            resume=ns.resume,
            overwrite=ns.overwrite,
            timeout=DEFAULT_TIMEOUT if ns.timeout is None else ns.timeout,
            chunk_size=ns.chunk_size or DEFAULT_CHUNK_SIZE,
            options=options,
            memory_limit_mb=ns.max_memory,
            progress=progress,
            rules=rules,
        )
    except BatchError as exc:
        if "already exists" in str(exc):
            raise UsageError(str(exc)) from None
        raise
    for problem in report.bad_inputs:
        print(f"{PROG}: {problem}", file=sys.stderr)
    print(f"{PROG} batch: {report.summary()}", file=sys.stderr)
    if report.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_BAD_INPUT if report.bad_inputs or report.unreadable else EXIT_OK


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
