"""The ``cleanser`` command: ``extract`` one page, ``batch`` many, ``bench`` against peers.

Exit codes are meant for scripts: 0 the command did its job (a page with no
article is still a success: its reason goes to standard error), 1 bad input
(unreadable file, binary data, a page over the size limit…) with a one-line
reason on standard error, 2 wrong usage, 130 interrupted.

This module parses the command line and runs the subcommand; ``cli.extract`` and
``cli.batch`` declare and run theirs, ``cli.shared`` holds what they share (exit
codes, the extraction options ``-O``/``--precision``/``--recall``/``--rules``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from cleanser import __version__
from cleanser.cli import batch, extract
from cleanser.cli.shared import (
    EXIT_BAD_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
    fail,
    parse_options,
)
from cleanser.errors import CleanserError

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "PROG",
    "build_parser",
    "main",
    "parse_options",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "bench":
        return _bench(args[1:])
    parser = build_parser()
    ns, extra = parser.parse_known_args(args)
    if extra:
        _unrecognized(ns, parser, extra)
    if ns.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(ns.run(ns))
    except UsageError as exc:
        getattr(ns, "parser", parser).error(str(exc))  # exits with status 2
    except CleanserError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (``| head``) went away: stop quietly, without a traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BAD_INPUT
    return EXIT_OK  # pragma: no cover - parser.error exits


def build_parser() -> argparse.ArgumentParser:
    """The ``cleanser`` parser: ``extract`` and ``batch`` (``bench`` parses its own)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Article body and metadata from (Chinese) web pages, without the boilerplate.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract.add_parser(sub)
    batch.add_parser(sub)
    sub.add_parser(
        "bench",
        help="compare accuracy and speed with other extractors (see cleanser bench -h)",
        add_help=False,
    )
    return parser


def _unrecognized(
    ns: argparse.Namespace, parser: argparse.ArgumentParser, extra: list[str]
) -> None:
    """What ``parse_args`` says about arguments left over, pointing to ``batch`` for files."""
    sub: argparse.ArgumentParser = getattr(ns, "parser", parser)
    if ns.command == "extract" and not any(a.startswith("-") and a != "-" for a in extra):
        sub.error(
            f"extract takes one FILE, got {len(extra) + 1}; for many pages use "
            f"`{PROG} batch FILE... -o out.jsonl`"
        )
    sub.error(f"unrecognized arguments: {' '.join(extra)}")


def _bench(argv: list[str]) -> int:
    try:
        from cleanser import bench
    except ImportError as exc:
        print(f"{PROG}: bench is not available ({exc})", file=sys.stderr)
        return EXIT_USAGE
    result = bench.main(argv)
    return int(result or 0)
