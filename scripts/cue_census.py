"""Which cues fire on which sites, and whether the lines they remove are in the gold.

The audit behind "a cue belongs in the vocabulary only if many sites use it": for every
rule that removed or flagged a line of a Chinese page (a class/id token, a sidebar
heading, a footer signature, a share prompt, a line pattern…), the number of sites where
it removed text that is not in the gold (it helped) and text that is (it hurt), with
their tokens. Lines are labelled by aligning the page with its gold
(``cleanser.evaluate.align``). Rules are named as ``explain`` names them, so a phrase
cue shows the phrase that matched.

    python scripts/cue_census.py [CORPUS ...] [--blind] [--markdown FILE]

``--blind`` runs on the markup-blind copies instead (class/id values hashed).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from cleanser.article import Article
from cleanser.core import select_body, stage
from cleanser.evaluate.align import in_gold
from cleanser.evaluate.corpus import load_folders, page_is_zh
from cleanser.learn.blind import blind
from cleanser.learn.sites import site_of
from cleanser.options import Options


@dataclass
class Tally:
    """What one rule did over the corpus."""

    helped: int = 0  # tokens removed that the gold leaves out
    hurt: int = 0  # tokens removed that the gold holds
    help_sites: set[str] = field(default_factory=set)
    hurt_sites: set[str] = field(default_factory=set)


def census(corpora: list[str], blind_copies: bool) -> dict[str, Tally]:
    """Rule → its tally over every Chinese page with a text gold under ``corpora``."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    options = Options()
    for page in load_folders(corpora):
        if not page.gold or not page_is_zh(page):
            continue
        raw = page.read()
        staged = stage(blind(raw) if blind_copies else raw, page.url, options)
        if isinstance(staged, Article):
            continue
        sel = select_body(staged, options)
        blocks = staged.features.blocks
        labels = in_gold([b.text for b in blocks], page.gold)
        why = {r.index: f"{r.kind}: {r.rule}" for r in sel.removed}
        for i, flag in enumerate(sel.flags):
            if flag is not None and i not in why:
                why[i] = f"{flag.kind}: {flag.rule}"
        site = site_of(page)
        for i, rule in why.items():
            label = labels[i]
            if label is None:
                continue
            tally = tallies[rule]
            if label:
                tally.hurt += blocks[i].length
                tally.hurt_sites.add(site)
            else:
                tally.helped += blocks[i].length
                tally.help_sites.add(site)
    return tallies


def markdown(tallies: dict[str, Tally]) -> str:
    """The census as a Markdown table, the rules with the fewest sites first."""
    lines = [
        "| rule | sites helped | tokens helped | sites hurt | tokens hurt |",
        "|---|---:|---:|---:|---:|",
    ]
    for rule, t in sorted(
        tallies.items(), key=lambda kv: (len(kv[1].help_sites), -kv[1].hurt, kv[0])
    ):
        name = rule.replace("|", "\\|")
        lines.append(
            f"| {name} | {len(t.help_sites)} | {t.helped} | {len(t.hurt_sites)} | {t.hurt} |"
        )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("corpus", nargs="*", default=["../shared/corpus", "samples"])
    ap.add_argument("--blind", action="store_true", help="run on markup-blind copies")
    ap.add_argument("--markdown", type=Path, help="write the table to this file")
    args = ap.parse_args()
    table = markdown(census(args.corpus, args.blind))
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
