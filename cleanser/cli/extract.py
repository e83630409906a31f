"""``cleanser extract``: one page (a file, a gzipped file or standard input) to standard
output, as text, Markdown, HTML or JSON; or why each line was kept (``--explain``); or a
list page's item links (``--links``)."""

from __future__ import annotations

import argparse
import json
import sys

from cleanser.cli.shared import (
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
    add_option_flags,
    format_name,
    option_pairs,
    parse_options,
    site_rules,
    write,
)
from cleanser.errors import CleanserError
from cleanser.io.decoding import normalize_label
from cleanser.options import Options


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``extract`` subcommand and its arguments."""
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
        type=format_name,
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
    add_option_flags(ex)
    ex.set_defaults(run=run, parser=ex)


def run(ns: argparse.Namespace) -> int:
    """Extract ``ns.file`` and print what ``ns`` asks for."""
    from cleanser.batch import extract_page

    options = parse_options(option_pairs(ns))
    rules = site_rules(ns)
    if rules is not None:
        options = rules.options_for(ns.url, options)
    if ns.encoding is not None and normalize_label(ns.encoding) is None:
        raise UsageError(f"--encoding: unknown charset {ns.encoding!r}")
    _refuse_container(ns.file, b"")
    data = read_input(ns.file, options)
    _refuse_container(ns.file, data)
    if ns.explain:
        return _explain(data, ns, options)
    article = extract_page(data, ns.url, hint=ns.encoding, options=options)
    if ns.links:
        for link in article.links:
            write("\t".join((link.url, link.title, link.published or "")))
        if not article.links:
            print(f"{PROG}: no item links: the page was judged {article.kind}", file=sys.stderr)
        return EXIT_OK
    if ns.format == "json":
        write(article.to_json())
    else:
        write(getattr(article, ns.format))
    if not article.text:
        print(f"{PROG}: no article found: {article.reason or 'empty result'}", file=sys.stderr)
    return EXIT_OK


def read_input(path: str, options: Options | None = None) -> bytes:
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

        raise UsageError(f"{path} is {ARC_REFUSAL}")
    if what is not None:
        name = "standard input" if path == "-" else path
        raise UsageError(
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
    # (the hint goes to explain itself, so its report says why the encoding won)
    explanation = explain(data, ns.url, options=options, encoding=ns.encoding)
    if ns.format == "json":
        write(json.dumps(explanation.to_dict(), ensure_ascii=False, default=str))
    else:
        write(explanation.to_text())
    return EXIT_OK
