"""The ``cleanser`` command: ``extract`` one page, ``batch`` many, ``bench`` against peers.

Exit codes are meant for scripts: 0 the command did its job (a page with no
article is still a success: its reason goes to standard error), 1 bad input
(unreadable file, binary data, a page over the size limit…) with a one-line
reason on standard error, 2 wrong usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import signal
import sys
import typing
from collections.abc import Sequence
from typing import Any

from cleanser import __version__
from cleanser.errors import CleanserError
from cleanser.io.decoding import decode, normalize_label
from cleanser.options import Options
from cleanser.rules import RulesError, SiteRules, load_rules

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
PROG = "cleanser"


class _UsageError(Exception):
    """Wrong usage found after argument parsing (e.g. a bad ``--option``)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "bench":
        return _bench(args[1:])
    parser = _parser()
    ns, extra = parser.parse_known_args(args)
    if extra:
        _unrecognized(ns, parser, extra)
    if ns.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(ns.run(ns))
    except _UsageError as exc:
        getattr(ns, "parser", parser).error(str(exc))  # exits with status 2
    except CleanserError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (``| head``) went away: stop quietly, without a traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BAD_INPUT
    return EXIT_OK  # pragma: no cover - parser.error exits


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


def _fail(message: str) -> int:
    """Print ``cleanser: <one line>`` on standard error; return the bad-input exit code."""
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_BAD_INPUT


# --------------------------------------------------------------------------- parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Article body and metadata from (Chinese) web pages, without the boilerplate.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract one page (a file or - for standard input)",
        description="Extract the article of one page and print it on standard output.",
    )
    ex.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        default="-",
        help="an HTML file (gzipped is fine), or - for stdin (the default)",
    )
    ex.add_argument("--url", help="the page's URL (resolves relative links, helps metadata)")
    ex.add_argument(
        "--format",
        "-f",
        choices=("text", "markdown", "html", "json"),
        type=_format,
        default="text",
        help="what to print: body text (default; txt is the same), Markdown, cleaned HTML, "
        "or all fields as JSON",
    )
    ex.add_argument(
        "--explain",
        action="store_true",
        help="print why each block was kept or removed instead of the article",
    )
    ex.add_argument(
        "--links",
        action="store_true",
        help="print a list page's item links (URL, title, date; tab-separated) instead "
        "of the article: what a crawler follows next",
    )
    ex.add_argument(
        "--encoding",
        metavar="HINT",
        help="charset hint for non-UTF-8 bytes (e.g. from an HTTP header); it takes the "
        "place of <meta> but, like <meta>, is checked against the bytes: set aside when "
        "they are valid UTF-8, when over 1%% of them do not decode in it, or when another "
        "Chinese encoding reads far more plausibly",
    )
    _add_option_flag(ex)
    ex.set_defaults(run=_extract, parser=ex)

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
        type=_positive_int,
        default=None,
        help="worker processes (default: one per CPU)",
    )
    ba.add_argument(
        "--format",
        "-f",
        choices=("text", "markdown", "html", "json"),
        type=_format,
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
        type=_positive_int,
        default=None,
        metavar="N",
        help="pages handed to a worker at a time (default 8)",
    )
    ba.add_argument(
        "--max-memory",
        type=_positive_int,
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
    _add_option_flag(ba)
    ba.set_defaults(run=_batch, parser=ba)
    sub.add_parser(
        "bench",
        help="compare accuracy and speed with other extractors (see cleanser bench -h)",
        add_help=False,
    )
    return parser


def _format(text: str) -> str:
    """``--format`` value; ``txt`` is accepted for ``text`` (trafilatura's name)."""
    return "text" if text == "txt" else text


def _add_option_flag(p: argparse.ArgumentParser) -> None:
    names = ", ".join(f.name for f in dataclasses.fields(Options))
    focus = p.add_mutually_exclusive_group()
    focus.add_argument(
        "--precision",
        dest="focus",
        action="store_const",
        const="precision",
        help="shorthand for -O focus=precision (fewer lines, less boilerplate)",
    )
    focus.add_argument(
        "--recall",
        dest="focus",
        action="store_const",
        const="recall",
        help="shorthand for -O focus=recall (more lines, more of the page)",
    )
    p.add_argument(
        "--option",
        "-O",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=f"set an extraction option (repeatable); keys: {names}",
    )
    p.add_argument(
        "--rules",
        metavar="FILE",
        help="per-site options, a JSON object mapping hosts to options (see cleanser.rules); "
        "applied by the page's URL on top of -O",
    )


def _option_pairs(ns: argparse.Namespace) -> list[str]:
    """The ``-O`` pairs, with ``--precision`` / ``--recall`` last (so they win)."""
    focus = getattr(ns, "focus", None)
    return [*ns.option, f"focus={focus}"] if focus else list(ns.option)


def _site_rules(ns: argparse.Namespace) -> SiteRules | None:
    if not getattr(ns, "rules", None):
        return None
    try:
        return load_rules(ns.rules)
    except RulesError as exc:
        raise _UsageError(str(exc)) from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


def parse_options(pairs: Sequence[str]) -> Options | None:
    """``["focus=precision", "tables=false"]`` → an ``Options`` (None when there are none)."""
    if not pairs:
        return None
    hints = typing.get_type_hints(Options)
    known = {f.name for f in dataclasses.fields(Options)}
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in known:
            raise _UsageError(
                f"--option {pair!r}: expected KEY=VALUE with KEY one of {sorted(known)}"
            )
        hint = hints.get(key)
        if typing.get_origin(hint) is tuple:
            # Repeatable: -O drop=.share -O drop=#comments
            values[key] = (*values.get(key, ()), raw.strip())
        else:
            values[key] = _convert(key, raw.strip(), hint)
    try:
        return Options(**values)
    except (TypeError, ValueError) as exc:
        raise _UsageError(f"--option: {exc}") from None


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _convert(key: str, raw: str, hint: Any) -> Any:
    """A command-line string as the type the ``Options`` field declares."""
    if hint is bool:
        low = raw.lower()
        if low in _TRUE | _FALSE:
            return low in _TRUE
        raise _UsageError(f"--option {key}: expected true or false, not {raw!r}")
    if hint is int:
        try:
            return int(raw.replace("_", ""))
        except ValueError:
            raise _UsageError(f"--option {key}: expected a whole number, not {raw!r}") from None
    if hint is float:
        try:
            return float(raw)
        except ValueError:
            raise _UsageError(f"--option {key}: expected a number, not {raw!r}") from None
    choices = typing.get_args(hint) if typing.get_origin(hint) is typing.Literal else ()
    if choices and raw not in choices:
        raise _UsageError(f"--option {key}: expected one of {', '.join(map(str, choices))}")
    return raw


# --------------------------------------------------------------------------- extract


def _read_input(path: str, options: Options | None = None) -> bytes:
    """The file's bytes; a ``.gz`` file inflated by streaming, up to ``options.max_bytes``."""
    if path == "-":
        return sys.stdin.buffer.read()
    from cleanser.batch import read_gzip

    try:
        with open(path, "rb") as fh:
            if path.lower().endswith(".gz") and fh.read(2) == b"\x1f\x8b":
                fh.seek(0)
                return read_gzip(fh, options, path)
            fh.seek(0)
            return fh.read()
    except OSError as exc:
        raise CleanserError(f"{path}: {exc.strerror or exc}") from None


def _write(text: str) -> None:
    """Write UTF-8 to standard output whatever the locale says."""
    out = sys.stdout.buffer
    out.write(text.encode("utf-8"))
    if text and not text.endswith("\n"):
        out.write(b"\n")
    out.flush()


def _extract(ns: argparse.Namespace) -> int:
    from cleanser.batch import extract_page

    options = parse_options(_option_pairs(ns))
    rules = _site_rules(ns)
    if rules is not None:
        options = rules.options_for(ns.url, options)
    if ns.encoding is not None and normalize_label(ns.encoding) is None:
        raise _UsageError(f"--encoding: unknown charset {ns.encoding!r}")
    _refuse_container(ns.file, b"")
    data = _read_input(ns.file, options)
    _refuse_container(ns.file, data)
    if ns.explain:
        return _explain(data, ns, options)
    article = extract_page(data, ns.url, hint=ns.encoding, options=options)
    if ns.links:
        for link in article.links:
            _write("\t".join((link.url, link.title, link.published or "")))
        if not article.links:
            print(f"{PROG}: no item links: the page was judged {article.kind}", file=sys.stderr)
        return EXIT_OK
    if ns.format == "json":
        _write(article.to_json())
    else:
        _write(getattr(article, ns.format))
    if not article.text:
        print(f"{PROG}: no article found: {article.reason or 'empty result'}", file=sys.stderr)
    return EXIT_OK


_CONTAINER_SUFFIXES = {
    ".warc": "a WARC archive",
    ".warc.gz": "a WARC archive",
    ".arc": "an ARC archive",
    ".arc.gz": "an ARC archive",
    ".json": "a JSON file",
    ".jsonl": "a JSONL file",
    ".jsonl.gz": "a JSONL file",
}


def _refuse_container(path: str, data: bytes) -> None:
    """A WARC or JSON(L) input holds many pages, not one: point to ``batch``.

    Judged by the file name before reading (``data`` empty), then by the first
    bytes (a ``WARC/`` record header, or a JSON document where HTML should be).
    """
    what = None
    if not data:
        low = path.lower()
        what = next((w for s, w in _CONTAINER_SUFFIXES.items() if low.endswith(s)), None)
    else:
        head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"WARC/"):
            what = "a WARC archive"
        elif head[:1] in (b"{", b"[") and _is_json(data):
            what = "JSON"
    if what == "an ARC archive":  # batch does not read ARC either: do not point there
        from cleanser.batch import ARC_REFUSAL

        raise _UsageError(f"{path} is {ARC_REFUSAL}")
    if what is not None:
        name = "standard input" if path == "-" else path
        raise _UsageError(
            f"{name} is {what}, not an HTML page; extract the pages it holds with "
            f"`{PROG} batch {path} -o out.jsonl`"
        )


def _is_json(data: bytes) -> bool:
    """The whole input, or its first line (JSONL), parses as JSON."""
    for chunk in (data, data.split(b"\n", 1)[0]):
        try:
            json.loads(chunk)
        except ValueError:
            continue
        return True
    return False


def _explain(data: bytes, ns: argparse.Namespace, options: Options | None) -> int:
    import cleanser

    explain = getattr(cleanser, "explain", None)
    if explain is None:
        print(
            f"{PROG}: --explain is not available in this version of cleanser "
            "(cleanser.explain is missing)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    source: bytes | str = data
    if ns.encoding is not None:
        source = decode(data, ns.encoding)[0]
    explanation = explain(source, ns.url, options=options)
    if ns.format == "json":
        _write(json.dumps(explanation.to_dict(), ensure_ascii=False, default=str))
    else:
        _write(explanation.to_text())
    return EXIT_OK


# --------------------------------------------------------------------------- batch


def _batch(ns: argparse.Namespace) -> int:
    from cleanser.batch import DEFAULT_CHUNK_SIZE, DEFAULT_TIMEOUT, BatchError, run_batch

    if ns.resume and ns.overwrite:
        raise _UsageError("--resume and --overwrite exclude each other")
    if ns.resume and ns.output == "-":
        raise _UsageError("--resume needs an output file, not -")
    options = parse_options(_option_pairs(ns))
    rules = _site_rules(ns)
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
            raise _UsageError(str(exc)) from None
        raise
    for problem in report.bad_inputs:
        print(f"{PROG}: {problem}", file=sys.stderr)
    print(f"{PROG} batch: {report.summary()}", file=sys.stderr)
    if report.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_BAD_INPUT if report.bad_inputs or report.unreadable else EXIT_OK


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


# --------------------------------------------------------------------------- bench


def _bench(argv: list[str]) -> int:
    try:
        from cleanser import bench
    except ImportError as exc:
        print(f"{PROG}: bench is not available ({exc})", file=sys.stderr)
        return EXIT_USAGE
    result = bench.main(argv)
    return int(result or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
