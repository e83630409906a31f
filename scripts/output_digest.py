"""Every output of cleanser on a corpus, written to one JSON file, and two such files compared.

A refactoring (a module moved, a function split, a hot path rewritten) must not change what
cleanser returns. Run this before and after, on the same pages, and compare:

    python scripts/output_digest.py ../shared/corpus samples -o /tmp/before.json
    ... change the code ...
    python scripts/output_digest.py ../shared/corpus samples -o /tmp/after.json
    python scripts/output_digest.py --compare /tmp/before.json /tmp/after.json

Per page it records ``extract().to_dict()`` (text, html, markdown, metadata, kind, posts,
links, confidence, reason) and ``explain().to_dict()`` (candidates, scores, every line's
verdict, kind probabilities and evidence). ``--compare`` lists each page that differs and
the fields that do, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import cleanser

try:  # the corpus loader's home since the layout of issue 15
    from cleanser.evaluate.corpus import load
except ImportError:  # a tree from before that move
    from cleanser.evaluate.corpus import load  # type: ignore[no-redef]


def digest(roots: list[str]) -> dict[str, Any]:
    """``{source/page id: {"article": ..., "explain": ...}}`` over every page under ``roots``."""
    out: dict[str, Any] = {}
    for root in roots:
        for page in load(Path(root)):
            raw = page.read()
            art = cleanser.extract(raw, url=page.url)
            why = cleanser.explain(raw, url=page.url)
            out[f"{page.source}/{page.id}"] = {"article": art.to_dict(), "explain": why.to_dict()}
    return out


def compare(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """One line per page that is missing on one side or differs, naming the fields."""
    lines = []
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            lines.append(f"{key}: only in {'after' if key not in a else 'before'}")
            continue
        fields = [
            f"{part}.{name}"
            for part in ("article", "explain")
            for name in sorted(set(a[key][part]) | set(b[key][part]))
            if a[key][part].get(name) != b[key][part].get(name)
        ]
        if fields:
            lines.append(f"{key}: {', '.join(fields)}")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("corpus", nargs="*", default=["../shared/corpus", "samples"])
    ap.add_argument("-o", "--output", help="write the digest here")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        diffs = compare(before, after)
        print("\n".join(diffs) if diffs else f"identical: {len(before)} pages")
        return 1 if diffs else 0
    if not args.output:
        ap.error("give -o FILE (or --compare BEFORE AFTER)")
    data = digest(args.corpus)
    Path(args.output).write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), "utf-8")
    print(f"{len(data)} pages -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
