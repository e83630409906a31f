"""Pages per CPU-second of ``cleanser.extract`` over a corpus's gold pages.

A quick A/B tool for hot-path work (``cleanser bench`` is the full benchmark):
process CPU time, so a busy machine inflates it less than wall time; best of
``--repeat`` passes after a warm-up. To compare two trees, run each from its own
checkout (``PYTHONPATH=path/to/tree python scripts/throughput.py``), alternately.

    python scripts/throughput.py [CORPUS] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import cleanser
from cleanser.evaluate.corpus import load


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpus")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pages = [(p.read(), p.url) for p in load(Path(args.corpus)) if p.gold is not None]
    if not pages:
        raise SystemExit(f"{args.corpus}: no pages with a gold text")
    for raw, url in pages[:20]:
        cleanser.extract(raw, url=url)
    best = float("inf")
    for _ in range(args.repeat):
        start = time.process_time()
        for raw, url in pages:
            cleanser.extract(raw, url=url)
        best = min(best, time.process_time() - start)
    print(
        f"{cleanser.__file__}: {len(pages)} pages, "
        f"{len(pages) / best:.1f} pages/s (CPU, best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
