"""Where ``cleanser.extract`` spends its time on a corpus: cProfile's top entries.

One warm-up pass over the first pages, then one profiled pass over every gold page;
prints the top ``--top`` functions by own time (``tottime``) and by time including
callees (``cumtime``). cProfile adds a cost per Python call, so small functions called
very often look dearer than they are: use it to find where to look, and
``scripts/throughput.py`` (CPU time, no profiler) or valgrind's callgrind
(instruction counts) to measure a change.

    python scripts/profile_extract.py [CORPUS] [--top 30] [--sort tottime cumtime]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
from pathlib import Path

import cleanser
from cleanser.evaluate.corpus import load


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpus")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--sort", nargs="+", default=["tottime", "cumtime"])
    args = ap.parse_args()
    pages = [(p.read(), p.url) for p in load(Path(args.corpus)) if p.gold is not None]
    if not pages:
        raise SystemExit(f"{args.corpus}: no pages with a gold text")
    for raw, url in pages[:20]:
        cleanser.extract(raw, url=url)
    profile = cProfile.Profile()
    profile.enable()
    for raw, url in pages:
        cleanser.extract(raw, url=url)
    profile.disable()
    for key in args.sort:
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats(key)
        stats.print_stats(args.top)
        print(f"== {len(pages)} pages, by {key} ==")
        print(out.getvalue().split("\n\n", 1)[-1].strip(), "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
