"""Floors: the CI quality gate on cleanser's mean F1 per source.

``tests/floors.json`` pins, for each source and language group, a floor a margin
below cleanser's measured mean F1. ``tests/test_quality_gate.py`` measures
cleanser alone (:func:`measure_cleanser`) and fails on any group below its floor
(:func:`check_floors`). ``cleanser bench --check-floors`` does the same from the
command line, and ``--update-floors`` raises the floors but refuses to lower one
unless ``--allow-regression`` is given (:func:`update_floors`,
:func:`_floors_step`).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleanser.bench.peers import EXTRACTORS, REPO_ROOT, version_of
from cleanser.bench.summary import ExtractorSummary, Report, summarize
from cleanser.bench.workers import DEFAULT_TIMEOUT_S, run
from cleanser.evaluate.corpus import Page

# The floors file the quality gate reads and --update-floors writes.
FLOORS_PATH = REPO_ROOT / "tests" / "floors.json"
# Floors are pinned this far below the measured mean F1, and rounded down to this
# many decimals, so that small harmless changes do not fail CI.
FLOOR_MARGIN = 0.02
FLOOR_DECIMALS = 3
FLOORS_ABOUT = (
    "CI quality gate (tests/test_quality_gate.py): cleanser's mean F1 per source must stay"
    " at or above these floors. Raise them with `cleanser bench ../shared/corpus"
    " --extractors cleanser --update-floors`; lowering one needs --allow-regression."
)
# Tolerance when comparing a measured mean with its floor.
FLOOR_EPSILON = 1e-9


@dataclass(frozen=True)
class Shortfall:
    """A group whose measured mean F1 is below its floor."""

    group: str
    floor: float
    measured: float


def measured_f1(summary: ExtractorSummary) -> dict[str, float]:
    """Mean F1 per group with at least one text-gold page."""
    return {g: s.f1 for g, s in summary.groups.items() if s.pages and s.f1 is not None}


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    """The floors document (``{"floors": {group: f1}, ...}``); empty when absent."""
    if not Path(path).is_file():
        return {"floors": {}}
    doc: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    doc.setdefault("floors", {})
    return doc


def floors_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot gate ``--check-floors`` (missing, unreadable, empty), or None.

    A gate with no floors would pass whatever was measured, so each of these is an
    error, and the message says where the file was looked for.
    """
    where = Path(path).expanduser().absolute()
    if not where.is_file():
        if where == FLOORS_PATH.absolute() and not (REPO_ROOT / "pyproject.toml").is_file():
            # An installed cleanser: the floors stay in the source tree, beside the
            # tests and the corpus they were measured on, and are not in the wheel.
            return (
                f"no floors file at {where}: an installed cleanser carries no floors; "
                "they are tests/floors.json in a clone of the cleanser repository "
                "(pass --floors CLONE/tests/floors.json)"
            )
        return f"no floors file at {where} (pass --floors FILE)"
    try:
        doc = json.loads(where.read_text(encoding="utf-8") or "{}")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"cannot read the floors file {where}: {exc}"
    floors = doc.get("floors") if isinstance(doc, dict) else None
    if not isinstance(floors, dict) or not floors:
        return f'the floors file {where} pins no floors (expected {{"floors": {{group: f1}}}})'
    return None


def check_floors(measured: dict[str, float], floors: dict[str, float]) -> list[Shortfall]:
    """Groups measured below their floor (groups not measured are not judged)."""
    return [
        Shortfall(g, floor, measured[g])
        for g, floor in sorted(floors.items())
        if g in measured and measured[g] < floor - FLOOR_EPSILON
    ]


def floor_for(value: float, margin: float = FLOOR_MARGIN) -> float:
    """The floor pinned for a measured mean: ``margin`` below it, rounded down."""
    scale = float(10**FLOOR_DECIMALS)
    return max(0.0, int((value - margin) * scale + FLOOR_EPSILON) / scale)


@dataclass
class FloorUpdate:
    """What ``--update-floors`` did or would do."""

    floors: dict[str, float]
    raised: dict[str, tuple[float | None, float]]
    kept: list[str]
    regressions: list[Shortfall]
    refused: bool


def update_floors(
    old: dict[str, float],
    measured: dict[str, float],
    *,
    margin: float = FLOOR_MARGIN,
    allow_regression: bool = False,
) -> FloorUpdate:
    """Raise floors to ``measured - margin``; never lower one unless allowed.

    A floor whose group now measures below it is a regression: the whole update is
    refused unless ``allow_regression``, which then lowers it to the new value.
    A floor that the margin would lower while the measurement still passes is kept.
    Groups not measured keep their floors; new groups get one.
    """
    regressions = check_floors(measured, old)
    refused = bool(regressions) and not allow_regression
    floors = dict(old)
    raised: dict[str, tuple[float | None, float]] = {}
    kept: list[str] = []
    if not refused:
        regressed = {s.group for s in regressions}
        for g, value in measured.items():
            new = floor_for(value, margin)
            cur = old.get(g)
            if cur is None or new > cur + FLOOR_EPSILON or g in regressed:
                floors[g] = new
                raised[g] = (cur, new)
            else:
                kept.append(g)
    return FloorUpdate(dict(sorted(floors.items())), raised, kept, regressions, refused)


def format_shortfalls(shortfalls: Sequence[Shortfall]) -> str:
    """One line per missed floor, for test failures and the CLI."""
    return "\n".join(
        f"  {s.group}: mean F1 {s.measured:.4f} < floor {s.floor:.3f}" for s in shortfalls
    )


def measure_cleanser(
    pages: Sequence[Page], *, timeout: float | None = DEFAULT_TIMEOUT_S
) -> tuple[dict[str, float], Report]:
    """Run cleanser alone in this process; its mean F1 per group (what floors pin)."""
    result = run(pages, [EXTRACTORS["cleanser"]], jobs=0, timeout=timeout, floor=False)
    report = summarize(result)
    summary = next(s for s in report.summaries if s.name == "cleanser")
    return measured_f1(summary), report


def _floors_step(report: Report, args: argparse.Namespace) -> int:
    """--check-floors / --update-floors on cleanser's measured per-group mean F1."""
    summary = next(s for s in report.summaries if s.name == "cleanser")
    measured = measured_f1(summary)
    if args.check_floors and not args.update_floors:
        problem = floors_file_problem(args.floors)
        if problem:
            print(f"cleanser bench: --check-floors: {problem}", file=sys.stderr)
            return 2
    doc = load_floors(args.floors)
    floors: dict[str, float] = doc["floors"]
    if args.check_floors and not args.update_floors:
        shortfalls = check_floors(measured, floors)
        if shortfalls:
            print("floors missed:\n" + format_shortfalls(shortfalls), file=sys.stderr)
            return 1
        print(f"all {len([g for g in floors if g in measured])} floors met", file=sys.stderr)
        return 0
    upd = update_floors(
        floors, measured, margin=args.margin, allow_regression=args.allow_regression
    )
    if upd.refused:
        print(
            "refusing to lower floors (pass --allow-regression to accept):\n"
            + format_shortfalls(upd.regressions),
            file=sys.stderr,
        )
        return 1
    pages = {**doc.get("pages", {}), **{g: summary.groups[g].pages for g in measured}}
    doc = {
        "about": FLOORS_ABOUT,
        "extractor": "cleanser",
        "metric": "mean char-level F1 per page (cleanser.evaluate.charf1), per source/group",
        "margin": args.margin,
        "commit": version_of(EXTRACTORS["cleanser"]),
        "updated": _dt.date.today().isoformat(),
        "floors": upd.floors,
        "pages": dict(sorted(pages.items())),
    }
    args.floors.parent.mkdir(parents=True, exist_ok=True)
    args.floors.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
    for g, (old, new) in upd.raised.items():
        print(f"floor {g}: {'new' if old is None else f'{old:.3f}'} → {new:.3f}", file=sys.stderr)
    if upd.regressions:
        print("lowered (allowed):\n" + format_shortfalls(upd.regressions), file=sys.stderr)
    return 0
