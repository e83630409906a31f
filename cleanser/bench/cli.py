"""The ``cleanser bench`` command line: arguments, pages, extractors, progress, outputs.

:func:`main` is what ``cleanser bench ...`` and ``python -m cleanser.bench ...``
call with the arguments after ``bench``: it parses them (:func:`build_parser`),
loads the pages (:func:`load_pages`) and picks the extractors
(:func:`select_extractors`), runs them (:func:`~cleanser.bench.workers.run`)
behind a progress display (:class:`_Progress`), then prints the tables and writes
the JSON, Markdown, plot and README outputs and the floors step that were asked
for.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cleanser.bench.floors import FLOOR_MARGIN, FLOORS_PATH, _floors_step, floors_file_problem
from cleanser.bench.metrics import PageResult
from cleanser.bench.peers import (
    ALWAYS,
    EXTRACTORS,
    REPO_ROOT,
    Extractor,
    importable,
    resolve_extractor,
)
from cleanser.bench.plotting import plot
from cleanser.bench.report import (
    _lanes,
    print_tables,
    print_worst,
    readme_section,
    render_markdown,
    report_json,
    write_readme_section,
)
from cleanser.bench.summary import Report, summarize, worst_pages
from cleanser.bench.workers import DEFAULT_JOBS, DEFAULT_TIMEOUT_S, RunResult, run
from cleanser.evaluate.corpus import CorpusError, Discovery, Page, discover

# Inputs used when no PATH is given, resolved against the CWD, then the repo root.
DEFAULT_INPUTS = ("samples", "../shared/corpus")


class _Progress:
    """A rich progress bar on a terminal, periodic plain lines elsewhere, or nothing.

    The bar is refreshed by hand (no refresh thread), so forking a worker
    mid-run never copies a thread holding a lock.
    """

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.t0 = total, 0, time.monotonic()
        self.last = 0.0
        self.bar: Any = None
        self.task: Any = None
        self.enabled = enabled and total > 0
        self.next_pct = 10
        if not self.enabled:
            return
        try:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
        except ImportError:
            return
        console = Console(stderr=True)
        if not console.is_terminal:
            return
        self.bar = Progress(
            TextColumn("[bold]bench"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=console,
            auto_refresh=False,
            transient=True,
        )
        self.task = self.bar.add_task("", total=total)
        self.bar.start()

    def __call__(self, rec: PageResult) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.bar is not None:
            self.bar.update(
                self.task,
                completed=self.done,
                description=f"{rec.extractor} · {rec.source}/{rec.page_id}"[:60],
            )
            if now - self.last > 0.1 or self.done == self.total:
                self.bar.refresh()
                self.last = now
        elif 100 * self.done >= self.next_pct * self.total:
            print(
                f"bench: {self.next_pct} % ({self.done}/{self.total}), {now - self.t0:.0f} s",
                file=sys.stderr,
            )
            self.next_pct += 10

    def close(self) -> None:
        """Remove the progress bar."""
        if self.bar is not None:
            self.bar.stop()


def default_inputs() -> list[Path]:
    """``samples/`` and ``../shared/corpus``, each found from the CWD or the repo root."""
    found = []
    for rel in DEFAULT_INPUTS:
        for base in (Path.cwd(), REPO_ROOT):
            cand = (base / rel).resolve()
            if cand.is_dir():
                if cand not in found:
                    found.append(cand)
                break
    return found


def load_pages(
    paths: Sequence[Path],
    sources: Sequence[str] | None = None,
    limit: int | None = None,
    found: list[Discovery] | None = None,
) -> list[Page]:
    """Pages under every path, optionally only some sources and the first N of each.

    ``found``, when given, receives each path's :class:`~cleanser.evaluate.corpus.Discovery`
    (what was found per folder, or what was seen instead).
    """
    pages: list[Page] = []
    for path in paths:
        discovery = discover(path)
        if found is not None:
            found.append(discovery)
        pages.extend(discovery.pages)
    if sources:
        wanted = set(sources)
        pages = [p for p in pages if p.source in wanted]
    if limit is not None:
        seen: dict[str, int] = {}
        kept = []
        for p in pages:
            seen[p.source] = seen.get(p.source, 0) + 1
            if seen[p.source] <= limit:
                kept.append(p)
        pages = kept
    return pages


def select_extractors(spec: str | None) -> tuple[list[Extractor], dict[str, str]]:
    """Extractors named in ``--extractors`` (all of them, or fail), or the default set.

    The default is cleanser, trafilatura and readability-lxml plus every other
    registered peer whose module is installed here.
    """
    if spec:
        names = [n for n in (x.strip() for x in spec.split(",")) if n]
        if names == ["all"]:
            names = list(EXTRACTORS)
        return [resolve_extractor(n) for n in names], {}
    chosen, skipped = [], {}
    for name, ext in EXTRACTORS.items():
        if name in ALWAYS or importable(ext):
            chosen.append(ext)
        else:
            skipped[name] = "not installed for this Python"
    return chosen, skipped


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``cleanser bench`` (everything after the word ``bench``)."""
    p = argparse.ArgumentParser(
        prog="cleanser bench",
        description="Accuracy and speed of cleanser and its peers on the same pages.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="folder of pages, walked at any depth for pages.json, <slug>/page.html + "
        "expected.txt, or <id>.html + <id>.txt; default: samples/ and ../shared/corpus "
        "if present",
    )
    p.add_argument(
        "--extractors",
        metavar="A,B,C",
        help="extractors to run ('all', names, or module:function); default: "
        "cleanser, trafilatura, readability-lxml and every installed peer",
    )
    p.add_argument("--sources", metavar="A,B", help="only pages of these sources")
    p.add_argument("--limit", type=int, metavar="N", help="at most N pages per source")
    p.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        metavar="N",
        help=f"parallel lanes of worker processes; 0 = in this process (default {DEFAULT_JOBS})",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"per page and extractor (default {DEFAULT_TIMEOUT_S:g})",
    )
    p.add_argument("--json", type=Path, metavar="FILE", help="write the full report as JSON")
    p.add_argument("--markdown", type=Path, metavar="FILE", help="write the tables as Markdown")
    p.add_argument(
        "--plot",
        type=Path,
        metavar="FILE.png",
        help="plot mean F1 against pages/s (needs matplotlib)",
    )
    p.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="show the N pages where cleanser trails the best peer most",
    )
    p.add_argument(
        "--save-outputs",
        type=Path,
        metavar="DIR",
        help="write every output to DIR/<extractor>/<source>/<id>.txt",
    )
    p.add_argument(
        "--readme",
        type=Path,
        metavar="FILE",
        help="replace the text between the bench markers in FILE (e.g. README.md)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    gate = p.add_argument_group("quality gate (cleanser's per-source floors)")
    gate.add_argument(
        "--floors",
        type=Path,
        default=FLOORS_PATH,
        metavar="FILE",
        help=f"floors file (default {FLOORS_PATH})",
    )
    gate.add_argument(
        "--check-floors", action="store_true", help="exit 1 when cleanser misses a floor"
    )
    gate.add_argument(
        "--update-floors",
        action="store_true",
        help="raise floors to the measured mean F1 minus --margin",
    )
    gate.add_argument(
        "--allow-regression",
        action="store_true",
        help="let --update-floors lower floors that are now missed",
    )
    gate.add_argument(
        "--margin",
        type=float,
        default=FLOOR_MARGIN,
        help=f"floor = measured - margin (default {FLOOR_MARGIN})",
    )
    return p


class _Stop(Exception):
    """Stop ``main`` with an exit code, after ``cleanser bench: <message>`` when there is one."""

    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def main(argv: list[str] | None = None) -> int:
    """Run ``cleanser bench`` with the arguments after ``bench``; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        paths = _input_paths(args)
        extractors, skipped = _extractors(args)
        pages = _pages(args, paths)
        print(
            f"bench: {len(pages)} pages from {', '.join(str(p) for p in paths)}; extractors: "
            f"{', '.join(e.name for e in extractors)}; {_lanes(args.jobs)}",
            file=sys.stderr,
        )
        result = _run(args, pages, extractors)
        result.skipped = {**skipped, **result.skipped}
        command = "cleanser bench " + " ".join(sys.argv[1:] if argv is None else argv)
        report = summarize(result, {"command": command.strip(), "inputs": [str(p) for p in paths]})
        _outputs(args, report, command.strip())
    except _Stop as stop:
        if stop.message:
            print(f"cleanser bench: {stop.message}", file=sys.stderr)
        return stop.code
    code = 0
    if args.check_floors or args.update_floors:
        code = _floors_step(report, args)
    return code


def _input_paths(args: argparse.Namespace) -> list[Path]:
    """The folders to read (the defaults when none is given); each must exist."""
    paths = list(args.paths) or default_inputs()
    missing = [str(p) for p in paths if not Path(p).is_dir()]
    if not paths or missing:
        what = ", ".join(missing) if missing else "samples/ or ../shared/corpus"
        raise _Stop(2, f"no such folder: {what}")
    return paths


def _extractors(args: argparse.Namespace) -> tuple[list[Extractor], dict[str, str]]:
    """The extractors to run and those skipped (with why); the floor options checked."""
    try:
        extractors, skipped = select_extractors(args.extractors)
    except ValueError as exc:
        raise _Stop(2, str(exc)) from None
    if (args.update_floors or args.check_floors or args.worst) and not any(
        e.name == "cleanser" for e in extractors
    ):
        raise _Stop(2, "--update-floors/--check-floors/--worst need cleanser in --extractors")
    if args.check_floors and not args.update_floors:
        # Before measuring anything: a gate without floors cannot fail.
        problem = floors_file_problem(args.floors)
        if problem:
            raise _Stop(2, f"--check-floors: {problem}")
    return extractors, skipped


def _pages(args: argparse.Namespace, paths: list[Path]) -> list[Page]:
    """The pages under ``paths`` that ``--sources`` and ``--limit`` keep (what was found
    reported on standard error); none is a usage error."""
    sources = [s for s in (args.sources or "").split(",") if s] or None
    found: list[Discovery] = []
    try:
        pages = load_pages(paths, sources, args.limit, found)
    except CorpusError as exc:
        raise _Stop(2, str(exc)) from None
    for discovery in found:
        if not discovery.pages:
            print(f"cleanser bench: {discovery.nothing_found()}", file=sys.stderr)
        for line in discovery.summary_lines():
            print(f"bench: {line}", file=sys.stderr)
    if not pages:
        known = sorted({p.source for d in found for p in d.pages})
        if known:  # pages were found, --sources or --limit left none
            raise _Stop(2, f"no pages left after --sources/--limit; sources: {', '.join(known)}")
        raise _Stop(2)
    return pages


def _run(args: argparse.Namespace, pages: list[Page], extractors: list[Extractor]) -> RunResult:
    """Every extractor on every page, behind the progress display."""
    n_runs = len(pages) * (len(extractors) + 1)
    progress = _Progress(n_runs, enabled=not args.no_progress)
    try:
        result = run(
            pages,
            extractors,
            jobs=args.jobs,
            timeout=args.timeout or None,
            save_dir=args.save_outputs,
            on_result=progress,
            strict=bool(args.extractors),
        )
    except RuntimeError as exc:
        progress.close()
        raise _Stop(2, f"cannot run: {exc}") from None
    except KeyboardInterrupt:
        progress.close()
        raise _Stop(130, "interrupted") from None
    progress.close()
    return result


def _outputs(args: argparse.Namespace, report: Report, command: str) -> None:
    """The tables on standard output, then the worst pages, JSON, Markdown, plot and
    README section that were asked for."""
    print_tables(report)
    worst = worst_pages(report, args.worst) if args.worst else []
    if worst:
        print_worst(worst)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(report_json(report, worst), ensure_ascii=False, indent=1), "utf-8"
        )
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(render_markdown(report, command), encoding="utf-8")
    if args.plot:
        try:
            plot(report, args.plot)
        except ImportError:
            raise _Stop(2, "--plot needs matplotlib (pip install 'cleanser[bench]')") from None
    if args.readme:
        section = readme_section(report, command, args.readme, args.plot)
        write_readme_section(args.readme, section)
