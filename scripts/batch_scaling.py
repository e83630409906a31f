"""``cleanser batch --workers N`` on a corpus's pages: throughput per N, and what a record costs.

Two measurements (issue 13, item 4):

1. **Scaling.** The corpus's gold pages are written out as HTML files (``--copies`` times
   each, so start-up weighs little) and ``python -m cleanser batch DIR -o OUT --workers N``
   runs for each N, ``--repeat`` times, alternating. Per run: wall seconds, pages per
   wall second, and the CPU seconds of the whole run (the batch process and its workers,
   from ``getrusage(RUSAGE_CHILDREN)``); the best run of each N is reported.
2. **Per-record overhead.** In this process (``--repeat`` passes, alternating with the
   batch runs; the pass with the least extraction CPU is kept), each page file goes
   through the steps of a batch worker (``cleanser.batch.worker``): read,
   ``extract_page``, ``article_record`` plus ``json.dumps`` (serialising), and writing
   the line; CPU time of each step, and serialising + writing as a share of
   extraction. The batch's own cost beyond extraction (interpreter and worker
   start-up, pipes, the parent's writing) is the one-worker run's CPU less the
   in-process steps' CPU.

    python scripts/batch_scaling.py [CORPUS] [--workers 1 2] [--copies 3] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cleanser
from cleanser.batch.worker import article_record, extract_page
from cleanser.evaluate.corpus import load


def write_pages(corpus: Path, folder: Path, copies: int) -> list[Path]:
    """The corpus's gold pages as HTML files in ``folder``, ``copies`` files per page."""
    pages = [p for p in load(corpus) if p.gold is not None]
    if not pages:
        raise SystemExit(f"{corpus}: no pages with a gold text")
    paths = []
    for i, page in enumerate(pages):
        data = page.read()
        for c in range(copies):
            path = folder / f"p{i:04d}-{c}.html"
            path.write_bytes(data)
            paths.append(path)
    return paths


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(folder: Path, out: Path, workers: int, fmt: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the batch process and its workers) of one batch run.

    The batch runs the cleanser this script imported (its folder first on PYTHONPATH,
    and run from the output's folder, so that ``-m`` does not pick up the current one).
    """
    cmd = [sys.executable, "-m", "cleanser", "batch", str(folder), "-o", str(out)]
    cmd += ["--workers", str(workers), "--format", fmt, "--overwrite", "--no-progress"]
    tree = str(Path(cleanser.__file__).resolve().parent.parent)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (tree, os.environ.get("PYTHONPATH")))),
    }
    cpu0, wall0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=out.parent, env=env)
    wall, cpu = time.perf_counter() - wall0, _children_cpu() - cpu0
    if proc.returncode not in (0, 1):  # 1: some pages empty or failed, still a full run
        raise SystemExit(f"batch failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return wall, cpu


def record_costs(paths: list[Path], fmt: str, out: Path) -> dict[str, float]:
    """CPU seconds of each step of a worker over ``paths``: read, extract, serialise, write."""
    cost = dict.fromkeys(("read", "extract", "serialise", "write"), 0.0)
    clock = time.process_time
    with out.open("w", encoding="utf-8") as sink:
        for path in paths:
            t0 = clock()
            data = path.read_bytes()
            t1 = clock()
            article = extract_page(data, None)
            t2 = clock()
            head = {"id": path.name, "url": None, **article_record(article, fmt)}  # type: ignore[arg-type]
            line = json.dumps(head, ensure_ascii=False, default=str)
            t3 = clock()
            sink.write(line + "\n")
            t4 = clock()
            for step, (a, b) in zip(cost, ((t0, t1), (t1, t2), (t2, t3), (t3, t4)), strict=True):
                cost[step] += b - a
    return cost


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpus")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--copies", type=int, default=3, help="files per corpus page (default 3)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per worker count (best kept)")
    ap.add_argument("--format", default="text", choices=("text", "markdown", "html", "json"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cleanser-batch-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        paths = write_pages(Path(args.corpus), folder, args.copies)
        out = Path(tmp) / "out.jsonl"
        print(f"{len(paths)} page files ({args.copies} per gold page), --format {args.format}")
        load_avg = " / ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"load average {load_avg} (1/5/15 min), {os.cpu_count()} CPUs")
        record_costs(paths[: min(20, len(paths))], args.format, out)  # warm-up
        cost: dict[str, float] = {}
        best: dict[int, tuple[float, float]] = {}
        for _ in range(args.repeat):  # in-process and batch runs alternate: one noise for all
            costs = record_costs(paths, args.format, out)
            if not cost or costs["extract"] < cost["extract"]:
                cost = costs
            for n in args.workers:
                wall, cpu = run_batch(folder, out, n, args.format)
                if n not in best or wall < best[n][0]:
                    best[n] = (wall, cpu)
    n_pages = len(paths)
    print("\nworkers | wall s | pages/s (wall) | speed-up | CPU s (all processes) | CPU ms/page")
    base = best[min(best)][0]
    for n, (wall, cpu) in sorted(best.items()):
        print(
            f"{n:>7} | {wall:6.1f} | {n_pages / wall:14.1f} | {base / wall:7.2f}x "
            f"| {cpu:21.1f} | {1000 * cpu / n_pages:11.1f}"
        )
    extract = cost["extract"]
    print("\nper record, in one process (CPU ms/page; share of extraction):")
    for step, seconds in cost.items():
        print(f"  {step:<9} {1000 * seconds / n_pages:7.2f} ms  {100 * seconds / extract:6.1f} %")
    over = cost["serialise"] + cost["write"]
    print(f"  serialise + write: {100 * over / extract:.1f} % of extraction")
    if 1 in best:
        beyond = best[1][1] - sum(cost.values())
        print(
            f"  batch --workers 1 beyond the in-process steps (start-up, pipes, parent): "
            f"{beyond:.1f} s CPU, {100 * beyond / extract:.1f} % of extraction"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
