"""Fit selection's parameters and validate them leave-site-out.

    python -m cleanser.learn.train [CORPUS ...] [--write] [--readme README.md] [--folds 10]

CORPUS defaults to ``../shared/corpus`` and ``samples/``. Every Chinese page with
a text gold is used (list pages, whose gold is empty, included); the non-Chinese
pages are scored with the final fit but never fitted on.

* **Sites.** Pages are grouped by site: the registered domain of the page's URL
  (``news.sina.com.cn`` → ``sina.com.cn``), else the site the page's id names
  (``163_5`` → ``163.com``), else the page alone. Each sample is its own site.
* **Fit.** Coordinate descent over a grid of values per parameter
  (:data:`GRID`), maximising the mean char-F1 per page; a value replaces the
  current one only when it raises the mean by more than :data:`MIN_GAIN`, so
  flat directions keep the starting value.
* **Leave-site-out.** Grouped k-fold: sites are dealt to folds (largest first, to
  the fold with fewest pages), no site on both sides. Each fold is fitted on the
  other folds' pages and scored on its own; the figure is the mean over all pages
  of their held-out F1. The in-sample figure is the fit on all pages scored on
  all pages.

* **Page kinds.** After each fold's parameters, the page-kind model
  (:mod:`cleanser.body.kinds`, fitted by :mod:`cleanser.learn.kindfit`) is fitted on the
  same fold's pages whose kind is known and judged on the held-out ones; the
  table gives its leave-site-out confusion table.

``--write`` stores the all-pages fit in ``cleanser/body/model.json``; ``--readme``
replaces the table between ``<!-- crosssite:start -->`` and
``<!-- crosssite:end -->`` in that file.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from cleanser import __version__
from cleanser.article import Article
from cleanser.body.kinds import EVIDENCE, KINDS, UNFITTED, KindWeights, judge
from cleanser.body.model import MODEL_PATH, Params
from cleanser.core import Staged, assemble, select_body, stage
from cleanser.evaluate.charf1 import char_prf
from cleanser.evaluate.corpus import CorpusError, Page, load_folders, page_is_zh
from cleanser.learn.kindfit import confusion, fit_kinds, label_of, predict
from cleanser.options import Options

# Values tried per parameter (the starting values are Params()'s).
GRID: dict[str, tuple[float, ...]] = {
    "flagged_weight": (0.0, 0.25, 0.5, 1.0, 2.0),
    "safety_share": (0.3, 0.5, 0.7, 0.9),
    "link_dense_share": (0.3, 0.4, 0.5, 0.6, 0.7),
    "min_article_score": (5.0, 10.0, 15.0, 25.0, 40.0),
    "short_line_cap": (1.0, 2.0, 4.0, 8.0),
    "kind_empty_prob": (0.0, 0.5, 0.6, 0.8, 1.01),
    "markup_prose_tokens": (20.0, 40.0, 80.0, 160.0, math.inf),
}
# A change of one parameter must raise the mean F1 by more than this to be taken.
MIN_GAIN = 0.0005
# Sweeps over all parameters at most (the fit stops earlier when nothing moves).
MAX_SWEEPS = 2
DEFAULT_FOLDS = 10
_OPTIONS = Options()

# Second-level labels under which the registered domain has three labels.
_SECOND_LEVEL = frozenset(("com", "net", "org", "gov", "edu", "ac", "co"))
# Ids that name their site (gne_unlabeled's ``163_5``, Gerapy's ``netease_news1``):
# the site word and the domain it stands for.
_SITE_WORDS = {
    "163": "163.com",
    "netease": "163.com",
    "qq": "qq.com",
    "tencent": "qq.com",
    "wechat": "qq.com",
    "xinhuanet": "xinhuanet.com",
    "sohu": "sohu.com",
    "toutiao": "toutiao.com",
    "zhihu": "zhihu.com",
    "gmw": "gmw.cn",
    "people": "people.com.cn",
    "thepaper": "thepaper.cn",
    "guancha": "guancha.cn",
    "baijiahao": "baidu.com",
    "tieba": "baidu.com",
    "liberty": "ltn.com.tw",
    "cmse": "cmse.gov.cn",
}
# Domains of one outlet under two names.
_SAME_SITE = {"news.cn": "xinhuanet.com"}
_ID_WORD = re.compile(r"^(?:v_)?([a-z0-9]+?)(?:_|\d*$)", re.I)
_NESTED_URL = re.compile(r"https?://(?!web\.archive\.org)[^/]+", re.I)


def registered_domain(url: str) -> str | None:
    """The registrable domain of ``url`` (``news.sina.com.cn`` → ``sina.com.cn``)."""
    nested = _NESTED_URL.findall(url[8:]) if "web.archive.org" in url else []
    host = urlsplit(nested[-1] if nested else url).hostname or ""
    labels = [x for x in host.lower().split(".") if x]
    if len(labels) < 2 or labels[-1].isdigit():
        return host or None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    domain = ".".join(labels[-keep:])
    return _SAME_SITE.get(domain, domain)


def site_of(page: Page) -> str:
    """The site a page belongs to, for grouping (see the module docstring)."""
    if page.source == "samples":
        return f"sample/{page.id}"  # hand-written: each imitates a layout of its own
    if page.url:
        domain = registered_domain(page.url)
        if domain:
            return domain
    m = _ID_WORD.match(page.id)
    if m and m.group(1).lower() in _SITE_WORDS:
        return _SITE_WORDS[m.group(1).lower()]
    return f"{page.source}/{page.id}"


def group_folds(sites: Sequence[str], k: int) -> list[int]:
    """A fold number per page; all pages of a site share one fold.

    Sites are dealt largest first to the fold with the fewest pages so far (ties to
    the lowest fold number), so folds come out about equal and deterministic.
    """
    sizes: dict[str, int] = {}
    for s in sites:
        sizes[s] = sizes.get(s, 0) + 1
    load_of = [0] * k
    fold_of: dict[str, int] = {}
    for site in sorted(sizes, key=lambda s: (-sizes[s], s)):
        f = min(range(k), key=lambda i: (load_of[i], i))
        fold_of[site] = f
        load_of[f] += sizes[site]
    return [fold_of[s] for s in sites]


@dataclass
class Item:
    """One page, staged once: what selection needs, and how to score it."""

    page: Page
    site: str
    kind: str  # article, thread or list (the page's known kind, for the table's rows)
    script: str
    zh: bool
    staged: Staged | Article


def stage_pages(pages: Sequence[Page]) -> list[Item]:
    """Decode, parse and measure every page once (selection runs many times later)."""
    items = []
    for page in pages:
        if page.gold is None:
            continue
        raw = page.read()
        try:
            staged: Staged | Article = stage(raw, page.url, _OPTIONS)
        except Exception as exc:  # a page that fails scores 0, like in the bench
            staged = Article(reason=f"{type(exc).__name__}: {exc}")
        kind = label_of(page) or "article"
        items.append(
            Item(
                page,
                site_of(page),
                kind,
                page.script or "Hans",
                page_is_zh(page),
                staged,
            )
        )
    return items


def page_f1(item: Item, params: Params, kinds: KindWeights | None = None) -> float:
    """Char-F1 of the page's extraction under ``params`` (and page-kind weights)."""
    if isinstance(item.staged, Article):
        text = item.staged.text
    else:
        try:
            text = assemble(item.staged, _OPTIONS, params, kinds)[0].text
        except Exception:
            text = ""
    return char_prf(text, item.page.gold or "").f1


def kind_evidence(item: Item, params: Params) -> tuple[float, ...] | None:
    """The page-kind evidence of a page whose selection ran under ``params``."""
    if isinstance(item.staged, Article):
        return None
    selection = select_body(item.staged, _OPTIONS, params)
    judged = judge(item.staged.evidence, item.staged.features, selection, None)
    return tuple(judged.evidence[name] for name in EVIDENCE)


def fit_kinds_on(items: Sequence[Item], params: Params) -> KindWeights:
    """Page-kind weights fitted on the pages of ``items`` whose kind is known."""
    rows, labels = [], []
    for it in items:
        label = label_of(it.page)
        x = kind_evidence(it, params) if label else None
        if label and x is not None:
            rows.append(x)
            labels.append(label)
    return fit_kinds(rows, labels)


def judged_kind(item: Item, params: Params, kinds: KindWeights) -> str | None:
    """The kind the page is judged to be, or None when it was not staged."""
    x = kind_evidence(item, params)
    return None if x is None else predict(kinds, x)


def mean_f1(items: Sequence[Item], params: Params, kinds: KindWeights | None = None) -> float:
    """Mean char-F1 per page."""
    return statistics.fmean(page_f1(it, params, kinds) for it in items) if items else 0.0


def fit(
    items: Sequence[Item],
    start: Params | None = None,
    log: Callable[[str], None] | None = None,
    kinds: KindWeights = UNFITTED,
) -> Params:
    """Coordinate descent over GRID maximising mean F1 on ``items`` (pages judged by ``kinds``)."""
    current = start or Params()
    best = mean_f1(items, current, kinds)
    for _ in range(MAX_SWEEPS):
        moved = False
        for name, values in GRID.items():
            for value in values:
                if value == getattr(current, name):
                    continue
                trial = replace(current, **{name: value})
                score = mean_f1(items, trial, kinds)
                if score > best + MIN_GAIN:
                    current, best, moved = trial, score, True
                    if log:
                        log(f"  {name} = {value} -> {best:.4f}")
        if not moved:
            break
    return current


@dataclass
class Report:
    """In-sample and leave-site-out F1 per page, and the fits."""

    items: list[Item]
    default: list[float]
    in_sample: list[float]
    held_out: list[float]
    fitted: Params
    fold_params: list[Params]
    kinds: KindWeights
    kind_in: list[str | None]  # judged kind, weights fitted on all pages
    kind_out: list[str | None]  # judged kind, weights fitted on the other folds
    folds: int
    sites: int
    seconds: float


def cross_validate(
    items: list[Item], k: int = DEFAULT_FOLDS, log: Callable[[str], None] | None = None
) -> Report:
    """Fit on all pages (in-sample) and per fold on the other folds (leave-site-out)."""
    t0 = time.perf_counter()
    zh = [it for it in items if it.zh]
    folds = group_folds([it.site for it in zh], k)
    held: dict[int, float] = {}
    kind_held: dict[int, str | None] = {}
    fold_params = []
    for f in range(k):
        train = [it for it, g in zip(zh, folds, strict=True) if g != f]
        test = [(i, it) for i, (it, g) in enumerate(zip(zh, folds, strict=True)) if g == f]
        if log:
            log(f"fold {f + 1}/{k}: fit on {len(train)} pages, score {len(test)}")
        # Kinds first (under the starting parameters), then the parameters with
        # those kinds, then the kinds again under the fitted parameters: nothing
        # fitted on a fold has seen its held-out pages.
        params = fit(train, log=log, kinds=fit_kinds_on(train, Params()))
        fold_params.append(params)
        weights = fit_kinds_on(train, params)
        for i, it in test:
            held[i] = page_f1(it, params, weights)
            kind_held[i] = judged_kind(it, params, weights)
    if log:
        log("all pages")
    fitted = fit(zh, log=log, kinds=fit_kinds_on(zh, Params()))
    kind_weights = fit_kinds_on(zh, fitted)
    index = {id(it): i for i, it in enumerate(zh)}
    return Report(
        items=items,
        default=[page_f1(it, Params(), UNFITTED) for it in items],
        in_sample=[page_f1(it, fitted, kind_weights) for it in items],
        held_out=[held[index[id(it)]] if id(it) in index else math.nan for it in items],
        fitted=fitted,
        fold_params=fold_params,
        kinds=kind_weights,
        kind_in=[judged_kind(it, fitted, kind_weights) if it.zh else None for it in items],
        kind_out=[kind_held.get(index[id(it)]) if id(it) in index else None for it in items],
        folds=k,
        sites=len({it.site for it in zh}),
        seconds=time.perf_counter() - t0,
    )


def _mean(values: Sequence[float], rows: Sequence[int]) -> float | None:
    """Mean of ``values`` at ``rows``, pages without a figure (NaN) left out."""
    picked = [values[i] for i in rows if not math.isnan(values[i])]
    return statistics.fmean(picked) if picked else None


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _row(label: str, rows: list[int], report: Report) -> str:
    ins, out = _mean(report.in_sample, rows), _mean(report.held_out, rows)
    gap = "–" if ins is None or out is None else f"{ins - out:+.3f}"
    return (
        f"| {label} | {len(rows)} | {_cell(_mean(report.default, rows))} | {_cell(ins)} "
        f"| **{_cell(out)}** | {gap} |"
    )


def table(report: Report, command: str) -> str:
    """The generated Markdown table the README shows."""
    items = report.items
    zh = [i for i, it in enumerate(items) if it.zh]
    shared = [i for i in zh if items[i].page.source != "samples"]
    groups: list[tuple[str, list[int]]] = [
        ("all Chinese pages", zh),
        ("shared corpus only", shared),
        ("samples only", [i for i in zh if items[i].page.source == "samples"]),
    ]
    for kind in KINDS:
        groups.append((f"kind: {kind}", [i for i in zh if items[i].kind == kind]))
    for script in ("Hans", "Hant"):
        groups.append((f"script: {script}", [i for i in zh if items[i].script == script]))
    nonzh = [i for i, it in enumerate(items) if not it.zh]
    lines = [
        f"Generated by `{command}` on {datetime.date.today().isoformat()} "
        f"(cleanser {__version__}, {report.sites} sites, {report.folds} site-grouped folds, "
        f"{report.seconds:.0f} s). Mean char-F1 per page. *defaults*: the starting "
        "parameters, unfitted; *in-sample*: fitted on all pages, scored on the same pages; "
        "*leave-site-out*: each page scored with parameters fitted on the folds that "
        "do not hold its site.",
        "",
        "| pages | n | defaults | in-sample | leave-site-out | in − out |",
        "|---|---|---|---|---|---|",
    ]
    lines += [_row(label, rows, report) for label, rows in groups if rows]
    if nonzh:
        lines.append(
            f"| non-Chinese (never fitted on) | {len(nonzh)} "
            f"| {_cell(_mean(report.default, nonzh))} | {_cell(_mean(report.in_sample, nonzh))} "
            "| – | – |"
        )
    known = [i for i in zh if label_of(items[i].page) is not None]
    truth = [label_of(items[i].page) or "" for i in known]
    for name, judged in (("leave-site-out", report.kind_out), ("in-sample", report.kind_in)):
        guess = [judged[i] or "" for i in known]
        right = sum(t == g for t, g in zip(truth, guess, strict=True))
        lines += [
            "",
            f"Page kind, {name}: {right}/{len(known)} correct "
            f"({right / len(known):.3f}) on the pages whose kind is known.",
        ]
        if name == "leave-site-out":
            lines += ["", confusion(truth, guess)]
    lines += ["", "Fitted on all pages (shipped in `cleanser/body/model.json`):", ""]
    lines.append("| parameter | start | fitted | per-fold fits |")
    lines.append("|---|---|---|---|")
    start = Params()
    for name in GRID:
        per_fold = ", ".join(_fmt(getattr(p, name)) for p in report.fold_params)
        lines.append(
            f"| `{name}` | {_fmt(getattr(start, name))} | {_fmt(getattr(report.fitted, name))} "
            f"| {per_fold} |"
        )
    return "\n".join(lines)


def _fmt(v: float) -> str:
    return "inf" if v == math.inf else f"{v:g}"


def write_model(report: Report, path: Path, corpora: Sequence[str]) -> None:
    """Store the all-pages fit with a header saying what it was fitted on.

    Sections of ``model.json`` this command does not fit (another fitting command's)
    are kept as they are.
    """
    zh_rows = [i for i, it in enumerate(report.items) if it.zh]
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    payload: dict[str, object] = {
        "header": {
            "what": "selection parameters of cleanser (see cleanser/model.py)",
            "fitted_by": "python -m cleanser.learn.train --write",
            "fitted_on": list(corpora),
            "pages": len(zh_rows),
            "sites": report.sites,
            "date": datetime.date.today().isoformat(),
            "in_sample_mean_f1": round(_mean(report.in_sample, zh_rows) or 0.0, 4),
            "leave_site_out_mean_f1": round(_mean(report.held_out, zh_rows) or 0.0, 4),
        },
        "params": report.fitted.to_json(),
        "kinds": {
            "evidence": list(EVIDENCE),
            "weights": {k: [round(w, 6) for w in ws] for k, ws in report.kinds.weights.items()},
        },
    }
    payload |= {k: v for k, v in kept.items() if k not in payload}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def replace_block(readme: Path, text: str, name: str = "crosssite") -> None:
    """Put ``text`` between the ``<!-- NAME:start -->`` and ``:end`` markers of ``readme``."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    body = readme.read_text(encoding="utf-8")
    if start not in body or end not in body:
        raise SystemExit(f"{readme}: no {start} … {end} markers")
    head, rest = body.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(head + start + "\n" + text + "\n" + end + tail, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: fit, validate, report."""
    ap = argparse.ArgumentParser(
        prog="python -m cleanser.learn.train", description=(__doc__ or "").split("\n")[0]
    )
    ap.add_argument("corpus", nargs="*", default=["../shared/corpus", "samples"])
    ap.add_argument("--folds", type=int, default=DEFAULT_FOLDS)
    ap.add_argument(
        "--write",
        action="store_true",
        help="store the fit in cleanser/body/model.json",
    )
    ap.add_argument("--readme", type=Path, help="replace the crosssite table in this file")
    ap.add_argument("--table", type=Path, help="also write the table to this file")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    try:
        pages = load_folders(args.corpus)
    except CorpusError as exc:
        print(f"cleanser.learn.train: {exc}", file=sys.stderr)
        return 2
    items = stage_pages(pages)
    if not any(it.zh for it in items):
        print("cleanser.learn.train: no Chinese page with a text gold found", file=sys.stderr)
        return 2

    def log(msg: str) -> None:
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    report = cross_validate(items, args.folds, log)
    command = "python -m cleanser.learn.train " + " ".join(
        [*args.corpus, f"--folds {args.folds}"]
        + (["--write"] if args.write else [])
        + ([f"--readme {args.readme}"] if args.readme else [])
    )
    out = table(report, command)
    print(out)
    if args.table:
        args.table.write_text(out + "\n", encoding="utf-8")
    if args.write:
        write_model(report, MODEL_PATH, args.corpus)
    if args.readme:
        replace_block(args.readme, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
