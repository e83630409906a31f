"""Metadata accuracy of cleanser on the corpus's gold fields, with every miss listed.

``cleanser bench`` reports title/date/author beside the peers; this script adds
source and editor, the outlets-as-authors check, and one line per miss, so a
change to the metadata code can be judged field by field.

    python scripts/meta_accuracy.py                 # ../shared/corpus
    python scripts/meta_accuracy.py PATH --misses   # and list every miss
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from cleanser.bench.metrics import parse_day
from cleanser.body.dom import parse
from cleanser.evaluate.corpus import load
from cleanser.io.decoding import decode
from cleanser.meta.fields import extract_metadata

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# Sources whose gold title is another extractor's output that keeps the site suffix
# the metadata issue asks to remove (Readability's and trafilatura's fixtures).
FIXTURE_TITLE_SOURCES = {"readability_js", "trafilatura_eval"}
# An outlet, a site or an organisation reported as an author.
OUTLET = re.compile(
    r"[网網报報社台刊站]$|新闻|新聞|日报|日報|中心|客户端|网易|新浪|搜狐|腾讯|凤凰|澎湃|头条|系统|管理员|编辑部"
)


def _ws(text: str | None) -> str:
    return " ".join((text or "").split())


def _names(text: str) -> list[str]:
    return sorted(x for x in re.split(r"[\s、，,;；/]+", text) if x)


def main(argv: list[str]) -> int:
    root = Path(next((a for a in argv if not a.startswith("-")), DEFAULT))
    show = "--misses" in argv
    counts: dict[str, list[int]] = {}
    misses: list[str] = []
    outlets: list[str] = []

    def tally(field: str, ok: int, page: str, gold: object, got: object) -> None:
        c = counts.setdefault(field, [0, 0])
        c[0] += ok
        c[1] += 1
        if not ok:
            misses.append(f"{field:<8} {page}: gold {gold!r}, got {got!r}")

    for page in load(root):
        try:
            text, _ = decode(page.read())
        except Exception as exc:  # a page the decoder refuses is reported, not fatal
            print(f"skipped {page.source}/{page.id}: {exc}", file=sys.stderr)
            continue
        tree = parse(text)
        if tree is None:
            continue
        md = extract_metadata(tree, page.url)
        gold = page.gold_meta
        name = f"{page.source}/{page.id}"
        if page.source == "gne_unlabeled":
            outlets += [f"{name}: {a}" for a in md.author if OUTLET.search(a)]
        if gold.get("title"):
            ok = int(_ws(md.title) == _ws(gold["title"]))
            tally("title", ok, name, gold["title"], md.title)
            if page.source not in FIXTURE_TITLE_SOURCES:
                counts.setdefault("title (annotated golds)", [0, 0])[0] += ok
                counts["title (annotated golds)"][1] += 1
        if day := parse_day(gold.get("date")):  # the same rule as cleanser bench
            tally("date", parse_day(md.published) == day, name, gold["date"], md.published_raw)
        if gold.get("author"):
            ok = _names(" ".join(md.author)) == _names(gold["author"])
            tally("author", ok, name, gold["author"], md.author)
        for field in ("source", "editor"):
            if gold.get(field):
                got = getattr(md, field)
                tally(field, _ws(got) == _ws(gold[field]), name, gold[field], got)
    for field, (ok, n) in counts.items():
        print(f"{field:<26} {ok:>3}/{n:<3} {100 * ok / max(n, 1):5.1f} %")
    print(f"outlets reported as authors on gne_unlabeled: {len(outlets)}")
    for line in outlets:
        print("  " + line)
    if show:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
