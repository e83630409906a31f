"""Fit the metadata choice (title, published, author) and validate it leave-site-out.

    python -m cleanser.learn.metafit [CORPUS ...] [--folds 10] [--write] [--readme README.md]

CORPUS defaults to ``../shared/corpus`` and ``samples/``. Every page with gold
metadata is read once (:func:`cleanser.meta.fitted.gather`: every candidate of
each field, described by :data:`cleanser.meta.fitted.EVIDENCE`'s features).

* **Labels.** A field's right options are the candidates equal to the gold under
  :mod:`cleanser.learn.metaeval`'s comparison (same text; same day, and the same
  minute when the gold shows one and a candidate has it; same set of names), or
  "none" when the gold says explicitly that the page shows none (samples'
  ``null``/``[]``). A page whose gold value no candidate offers teaches nothing
  and counts as a miss.
* **Fit.** A conditional logit per field (:func:`cleanser.meta.choice.fit`), each
  page weighed 1/√(pages of its site) so that a big site does not speak for all.
* **Leave-site-out.** Grouped k-fold with :func:`cleanser.learn.train.group_folds`
  over :func:`cleanser.learn.train.site_of`: each fold's pages are chosen with
  weights fitted on the other folds only. *In-sample*: the fit on all pages,
  scored on the same pages. *Cascade*: the hand-set choosers, no weights.

**What ships.** A field's fitted weights are shipped only when the fitted choice
beats the cascade leave-site-out (:func:`verdict`): strictly more pages right under
the field's labelling comparison, or as many right and fewer spurious values (a
value where the gold states there is none). Otherwise the cascade decides the field,
and ``extract`` does not even gather its candidates.

``--write`` stores the all-pages fit of the winning fields under the ``"meta"`` key
of ``cleanser/body/model.json``, and for every other field the verdict that kept the
cascade in the section's header (every other key of the file kept as it is);
``--readme`` replaces the table between ``<!-- metafit:start -->`` and
``<!-- metafit:end -->``, which says per field which choice ships and why.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleanser import __version__
from cleanser.body.dom import parse
from cleanser.core import to_text
from cleanser.evaluate.corpus import CorpusError, Page, load_folders
from cleanser.learn.metaeval import has_gold_meta, judge, names, states_none
from cleanser.learn.train import group_folds, replace_block, site_of
from cleanser.meta.choice import Candidate, Choice, choose, fit, options
from cleanser.meta.fields import read_page
from cleanser.meta.fitted import EVIDENCE, FieldEvidence
from cleanser.meta.page import Page as MetaPage
from cleanser.meta.weights import MODEL_KEY
from cleanser.options import Options

MODEL_PATH = Path(__file__).resolve().parent.parent / "body" / "model.json"
DEFAULT_FOLDS = 10
# Weights fitted without the L2 penalty: the "none" bias and the cascade's pick.
UNPENALISED = ("none", "cascade")
# metaeval's name for the comparison that labels each fitted field.
LABEL_CHECK = {"title": "title", "published": "date (day)", "author": "author"}
# The comparisons whose spurious values are counted (as metaeval counts them: a title
# is not, since the second batch's null titles are list pages' whose <title> is shown).
SPURIOUS = ("date (day)", "author")
# Rows of the table: (metaeval's field name, the fitted field it is read from).
ROWS = (
    ("title", "title"),
    ("title, site suffix aside", "title"),
    ("date (day)", "published"),
    ("date (minute)", "published"),
    ("author", "author"),
    ("any author", "author"),
)


@dataclass
class Item:
    """One page with gold metadata, read once: every candidate and the unfitted fields."""

    page: Page
    site: str
    evidence: dict[str, FieldEvidence]
    source: str | None
    editor: str | None
    site_names: list[str]


def stage_pages(pages: Sequence[Page]) -> list[Item]:
    """Read every page with gold metadata (a page that cannot be read has no candidates)."""
    items = []
    for page in pages:
        if not has_gold_meta(page):
            continue
        evidence: dict[str, FieldEvidence] = {f: FieldEvidence([]) for f in EVIDENCE}
        source = editor = None
        site_names: list[str] = []
        try:
            root = parse(to_text(page.read(), Options(), None)[0])
            if root is not None:
                reading = read_page(MetaPage(root, page.url), every_candidate=True)
                evidence = reading.evidence
                source, editor = reading.metadata.source, reading.metadata.editor
                site_names = reading.site_names
        except Exception:  # a page that fails gets nothing right
            pass
        items.append(Item(page, site_of(page), evidence, source, editor, site_names))
    return items


def value_of(field: str, cand: Candidate | None) -> Any:
    """What ``extract`` reports for a chosen candidate (names as a tuple)."""
    if cand is None:
        return () if field == "author" else None
    return tuple(cand.payload) if field == "author" else cand.value


def right_options(field: str, item: Item) -> list[int] | None:
    """Indices of the right options ("none" is 0), or None when the page teaches nothing."""
    cands = item.evidence[field].candidates
    check = LABEL_CHECK[field]
    if states_none(check, item.page) and judge(check, None, item.page) is None:
        return [0]
    right = [i + 1 for i, c in enumerate(cands) if judge(check, value_of(field, c), item.page)]
    if field == "published" and len(right) > 1:
        exact = [i for i in right if judge("date (minute)", cands[i - 1].value, item.page)]
        right = exact or right
    return right or None


def choices_of(field: str, items: Sequence[Item]) -> tuple[list[Choice], list[float]]:
    """The labelled choices of ``field`` and each page's weight (1/√ pages of its site)."""
    per_site = Counter(it.site for it in items)
    out, weights = [], []
    for it in items:
        right = right_options(field, it)
        if right is None:
            continue
        ev = it.evidence[field]
        out.append(Choice(options(EVIDENCE[field], ev.candidates, ev.page_features), right))
        weights.append(1.0 / math.sqrt(per_site[it.site]))
    return out, weights


def fit_field(field: str, items: Sequence[Item]) -> list[float]:
    """The weights of ``field`` fitted on ``items``."""
    choices, weights = choices_of(field, items)
    names = EVIDENCE[field]
    free = [names.index(n) for n in UNPENALISED if n in names]
    return fit(choices, len(names), weights, free)


def pick(field: str, item: Item, weights: Sequence[float] | None) -> Any:
    """The value ``field`` gets on ``item`` under ``weights`` (None: the cascade's)."""
    ev = item.evidence[field]
    if weights is None:
        return value_of(field, next((c for c in ev.candidates if "cascade" in c.sources), None))
    winner, _ = choose(EVIDENCE[field], weights, ev.candidates, ev.page_features)
    return value_of(field, winner)


@dataclass
class Report:
    """Per page and field: the cascade's value, the in-sample and the held-out one."""

    items: list[Item]
    cascade: list[dict[str, Any]]
    in_sample: list[dict[str, Any]]
    held_out: list[dict[str, Any]]
    weights: dict[str, list[float]]
    folds: int
    seconds: float


def cross_validate(
    items: list[Item], k: int = DEFAULT_FOLDS, log: Callable[[str], None] | None = None
) -> Report:
    """Fit on all pages (in-sample) and per fold on the other folds (leave-site-out)."""
    t0 = time.perf_counter()
    folds = group_folds([it.site for it in items], k)
    held: list[dict[str, Any]] = [{} for _ in items]
    for f in range(k):
        train = [it for it, g in zip(items, folds, strict=True) if g != f]
        if log:
            log(f"fold {f + 1}/{k}: fit on {len(train)} pages")
        for field in EVIDENCE:
            w = fit_field(field, train)
            for i, (it, g) in enumerate(zip(items, folds, strict=True)):
                if g == f:
                    held[i][field] = pick(field, it, w)
    weights = {field: fit_field(field, items) for field in EVIDENCE}
    return Report(
        items=items,
        cascade=[{f: pick(f, it, None) for f in EVIDENCE} for it in items],
        in_sample=[{f: pick(f, it, weights[f]) for f in EVIDENCE} for it in items],
        held_out=held,
        weights=weights,
        folds=k,
        seconds=time.perf_counter() - t0,
    )


def verdicts(report: Report, values: list[dict[str, Any]], name: str, field: str) -> list[bool]:
    """Right or wrong on each page whose gold gives field ``name`` (metaeval's comparison)."""
    out = [judge(name, v[field], it.page) for it, v in zip(report.items, values, strict=True)]
    return [v for v in out if v is not None]


def right_count(report: Report, values: list[dict[str, Any]], name: str, field: str) -> int:
    """How many judged pages ``values`` gets right."""
    return sum(verdicts(report, values, name, field))


def _score(report: Report, values: list[dict[str, Any]], name: str, field: str) -> str:
    judged = verdicts(report, values, name, field)
    return (
        f"{sum(judged)}/{len(judged)} ({100 * sum(judged) / len(judged):.1f} %)" if judged else "–"
    )


def _spurious(report: Report, values: list[dict[str, Any]], name: str, field: str) -> int:
    return sum(
        states_none(name, it.page) and judge(name, None, it.page) is None and bool(v[field])
        for it, v in zip(report.items, values, strict=True)
    )


def outlet_authors(report: Report, values: list[dict[str, Any]]) -> list[str]:
    """Pages whose authors include an outlet: the page's site names, its 来源 or gold source."""
    out = []
    for it, v in zip(report.items, values, strict=True):
        outlets = [*it.site_names, it.source, it.page.gold_meta.get("source")]
        outlet_keys = {n for o in outlets if isinstance(o, str) for n in names(o)}
        if names(list(v["author"])) & outlet_keys:
            out.append(f"{it.page.source}/{it.page.id}")
    return out


def subset(report: Report, keep: Callable[[Item], bool]) -> Report:
    """The report on the pages ``keep`` accepts (e.g. the shared corpus without samples)."""
    rows = [i for i, it in enumerate(report.items) if keep(it)]
    return Report(
        items=[report.items[i] for i in rows],
        cascade=[report.cascade[i] for i in rows],
        in_sample=[report.in_sample[i] for i in rows],
        held_out=[report.held_out[i] for i in rows],
        weights=report.weights,
        folds=report.folds,
        seconds=report.seconds,
    )


@dataclass(frozen=True)
class Verdict:
    """Whether a field's fitted weights ship: the fitted choice leave-site-out against
    the cascade, on the pages whose gold gives the field (metaeval's comparison)."""

    field: str
    judged: int
    cascade: int  # pages right
    fitted: int
    cascade_spurious: int  # values where the gold states there is none
    fitted_spurious: int

    @property
    def ships(self) -> bool:
        """More pages right, or as many and fewer spurious values."""
        if self.fitted != self.cascade:
            return self.fitted > self.cascade
        return self.fitted_spurious < self.cascade_spurious

    @property
    def why(self) -> str:
        """The comparison, e.g. ``fitted choice 111/118 = cascade 111/118 leave-site-out``."""
        sign = "=" if self.fitted == self.cascade else ">" if self.fitted > self.cascade else "<"
        out = (
            f"fitted choice {self.fitted}/{self.judged} {sign} "
            f"cascade {self.cascade}/{self.judged} leave-site-out"
        )
        a, b = self.fitted_spurious, self.cascade_spurious
        if a or b:
            out += f", spurious {a} {'=' if a == b else '>' if a > b else '<'} {b}"
        return out


def verdict(report: Report, field: str) -> Verdict:
    """The fitted choice of ``field`` leave-site-out against the cascade, on every page."""
    name = LABEL_CHECK[field]
    counted = name in SPURIOUS
    return Verdict(
        field=field,
        judged=len(verdicts(report, report.cascade, name, field)),
        cascade=right_count(report, report.cascade, name, field),
        fitted=right_count(report, report.held_out, name, field),
        cascade_spurious=_spurious(report, report.cascade, name, field) if counted else 0,
        fitted_spurious=_spurious(report, report.held_out, name, field) if counted else 0,
    )


def verdicts_of(report: Report) -> dict[str, Verdict]:
    """:func:`verdict` of every fitted field."""
    return {field: verdict(report, field) for field in EVIDENCE}


def _shipping(report: Report) -> list[str]:
    """The table of what ships: per field, the figures and the choice they decide."""
    lines = [
        "| field (compared as) | cascade | fitted choice, leave-site-out | spurious "
        "(cascade / fitted) | ships |",
        "|---|---:|---:|---:|---|",
    ]
    for field, v in verdicts_of(report).items():
        ships = "**fitted choice**: " if v.ships else "cascade: "
        spurious = "–"
        if LABEL_CHECK[field] in SPURIOUS:
            spurious = f"{v.cascade_spurious} / {v.fitted_spurious}"
        lines.append(
            f"| {field} ({LABEL_CHECK[field]}) | {v.cascade}/{v.judged} | {v.fitted}/{v.judged} "
            f"| {spurious} | {ships}{v.why} |"
        )
    return lines


def _rows(report: Report) -> list[str]:
    """One table: a row per field, then source and editor, then the outlet check."""
    lines = [
        "| field | cascade | in-sample | leave-site-out | spurious |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, field in ROWS:
        cells = [_score(report, v, name, field) for v in (report.cascade, report.in_sample)]
        held = _score(report, report.held_out, name, field)
        spur = "–"
        if name in SPURIOUS:
            spur = f"{_spurious(report, report.cascade, name, field)} / "
            spur += f"{_spurious(report, report.held_out, name, field)}"
        lines.append(f"| {name} | {cells[0]} | {cells[1]} | **{held}** | {spur} |")
    for name in ("source", "editor"):
        got = [{name: getattr(it, name)} for it in report.items]
        cell = _score(report, got, name, name)
        n = _spurious(report, got, name, name)
        lines.append(f"| {name} (not fitted) | {cell} | {cell} | {cell} | {n} / {n} |")
    bad = outlet_authors(report, report.held_out)
    lines += [
        "",
        f"Outlet names reported as authors (leave-site-out): {len(bad)} pages"
        + (f" ({', '.join(bad)})." if bad else "."),
    ]
    return lines


def table(report: Report, command: str) -> str:
    """The generated Markdown tables the README shows (all pages; the shared corpus alone)."""
    items = report.items
    lines = [
        f"Generated by `{command}` on {datetime.date.today().isoformat()} "
        f"(cleanser {__version__}, {len(items)} pages with gold metadata, "
        f"{len({it.site for it in items})} sites, {report.folds} site-grouped folds, "
        f"{report.seconds:.0f} s). Right / judged pages, compared as "
        "`python -m cleanser.learn.metaeval` compares. *cascade*: the hand-set choosers; "
        "*in-sample*: weights fitted on all pages, scored on them; *leave-site-out*: each "
        "page chosen with weights fitted on the folds that do not hold its site. "
        "*spurious*: pages whose gold says there is none but one was reported "
        "(cascade / leave-site-out).",
    ]
    lines += [
        "",
        "**What ships** (`--write` stores a field's fitted weights only when the fitted "
        "choice beats the cascade leave-site-out on all pages with gold metadata: more "
        "pages right, or as many and fewer spurious values; otherwise the cascade decides "
        "the field and `extract` gathers none of its candidates)",
        "",
        *_shipping(report),
    ]
    groups = [("All pages with gold metadata", report)]
    shared = subset(report, lambda it: it.page.source != "samples")
    if 0 < len(shared.items) < len(items):
        groups.append(("Shared corpus only (not samples)", shared))
    for label, group in groups:
        lines += ["", f"**{label}**", "", *_rows(group)]
    return "\n".join(lines)


def write_model(report: Report, path: Path, corpora: Sequence[str]) -> None:
    """Store under ``"meta"`` the all-pages fit of the fields whose fitted choice wins
    leave-site-out, and why the others keep the cascade; every other key is kept."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    judged = verdicts_of(report)
    data[MODEL_KEY] = {
        "header": {
            "what": "weights of the metadata choice (see cleanser/meta/choice.py)",
            "fitted_by": "python -m cleanser.learn.metafit --write",
            "fitted_on": list(corpora),
            "pages": len(report.items),
            "sites": len({it.site for it in report.items}),
            "date": datetime.date.today().isoformat(),
            "rule": "a field's weights are stored only when the fitted choice beats the "
            "cascade leave-site-out (more pages right, or as many and fewer spurious "
            "values); the cascade decides the other fields",
            "shipped": {f: v.why for f, v in judged.items() if v.ships},
            "kept_cascade": {f: v.why for f, v in judged.items() if not v.ships},
        },
        "fields": {
            field: {"evidence": list(EVIDENCE[field]), "weights": [round(w, 6) for w in ws]}
            for field, ws in report.weights.items()
            if field in judged and judged[field].ships
        },
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: read, fit, validate, report."""
    ap = argparse.ArgumentParser(
        prog="python -m cleanser.learn.metafit", description=(__doc__ or "").split("\n")[0]
    )
    ap.add_argument("corpus", nargs="*", default=["../shared/corpus", "samples"])
    ap.add_argument("--folds", type=int, default=DEFAULT_FOLDS)
    ap.add_argument("--write", action="store_true", help="store the fit in body/model.json")
    ap.add_argument("--readme", type=Path, help="replace the metafit table in this file")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    try:
        pages = load_folders(args.corpus)
    except CorpusError as exc:
        print(f"cleanser.learn.metafit: {exc}", file=sys.stderr)
        return 2
    items = stage_pages(pages)
    if not items:
        print("cleanser.learn.metafit: no page with gold metadata found", file=sys.stderr)
        return 2

    def log(msg: str) -> None:
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    report = cross_validate(items, args.folds, log)
    command = "python -m cleanser.learn.metafit " + " ".join(
        [*args.corpus, f"--folds {args.folds}"]
        + (["--write"] if args.write else [])
        + ([f"--readme {args.readme}"] if args.readme else [])
    )
    out = table(report, command)
    print(out)
    if args.write:
        write_model(report, MODEL_PATH, args.corpus)
    if args.readme:
        replace_block(args.readme, out, "metafit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
