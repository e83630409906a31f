"""What the subcommands share: exit codes, usage errors, output, and the extraction
options (``-O KEY=VALUE``, ``--precision``/``--recall``, ``--rules``)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import typing
from collections.abc import Sequence
from typing import Any

from cleanser.options import Options
from cleanser.rules import RulesError, SiteRules, load_rules

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
PROG = "cleanser"


class UsageError(Exception):
    """Wrong usage found after argument parsing (e.g. a bad ``--option``)."""


def fail(message: str) -> int:
    """Print ``cleanser: <one line>`` on standard error; return the bad-input exit code."""
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_BAD_INPUT


def write(text: str) -> None:
    """Write UTF-8 to standard output whatever the locale says."""
    out = sys.stdout.buffer
    out.write(text.encode("utf-8"))
    if text and not text.endswith("\n"):
        out.write(b"\n")
    out.flush()


# --------------------------------------------------------------------------- arguments


def format_name(text: str) -> str:
    """``--format`` value; ``txt`` is accepted for ``text`` (trafilatura's name)."""
    return "text" if text == "txt" else text


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


def add_option_flags(p: argparse.ArgumentParser) -> None:
    """``--precision``/``--recall``, ``-O KEY=VALUE`` and ``--rules`` on ``p``."""
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


# --------------------------------------------------------------------------- options


def option_pairs(ns: argparse.Namespace) -> list[str]:
    """The ``-O`` pairs, with ``--precision`` / ``--recall`` last (so they win)."""
    focus = getattr(ns, "focus", None)
    return [*ns.option, f"focus={focus}"] if focus else list(ns.option)


def site_rules(ns: argparse.Namespace) -> SiteRules | None:
    """The ``--rules`` file, loaded (a bad one is a usage error)."""
    if not getattr(ns, "rules", None):
        return None
    try:
        return load_rules(ns.rules)
    except RulesError as exc:
        raise UsageError(str(exc)) from None


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
            raise UsageError(
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
        raise UsageError(f"--option: {exc}") from None


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _convert(key: str, raw: str, hint: Any) -> Any:
    """A command-line string as the type the ``Options`` field declares."""
    if hint is bool:
        low = raw.lower()
        if low in _TRUE | _FALSE:
            return low in _TRUE
        raise UsageError(f"--option {key}: expected true or false, not {raw!r}")
    if hint is int:
        try:
            return int(raw.replace("_", ""))
        except ValueError:
            raise UsageError(f"--option {key}: expected a whole number, not {raw!r}") from None
    if hint is float:
        try:
            return float(raw)
        except ValueError:
            raise UsageError(f"--option {key}: expected a number, not {raw!r}") from None
    choices = typing.get_args(hint) if typing.get_origin(hint) is typing.Literal else ()
    if choices and raw not in choices:
        raise UsageError(f"--option {key}: expected one of {', '.join(map(str, choices))}")
    return raw
