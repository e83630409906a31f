"""Aggregating a run's per-page records into per-extractor summaries.

:func:`summarize` turns a :class:`~cleanser.bench.workers.RunResult` into a
:class:`Report`: per extractor and per group (each source, plus ``all zh`` or
``non-zh``) the mean F1/P/R/ROUGE-L over text-gold pages, the share of pages at
F1 >= 0.9 and the leak rates; per extractor the empty/error/timeout counts,
snippet and metadata tallies, and the speed figures (pages/s, MB/s, median ms,
time relative to the lxml floor, peak RSS); plus the run facts.
:func:`worst_pages` lists where cleanser trails the best peer most (``--worst``).
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cleanser.bench.metrics import LEAK_CLASSES, NEAR_EMPTY_TOKENS, PageResult
from cleanser.bench.peers import FLOOR, Extractor, version_of
from cleanser.bench.workers import RunResult
from cleanser.body.kinds import KINDS

# A page counts as well extracted at this char-level F1.
GOOD_F1 = 0.9

# The language groups a page counts in besides its source (see evaluate.corpus.page_is_zh).
GROUP_ZH = "all zh"
GROUP_NONZH = "non-zh"


@dataclass
class GroupSummary:
    """Means over the text-gold pages of one group, leak rates over its non-empty outputs."""

    pages: int = 0
    f1: float | None = None
    precision: float | None = None
    recall: float | None = None
    rouge_l: float | None = None
    good_share: float | None = None
    leak_base: int = 0
    leaks: dict[str, float] = field(default_factory=dict)


@dataclass
class KindSummary:
    """One extractor on the text-gold pages of one known kind (``kindfit.label_of``).

    ``empty_share`` is the share of those pages given an empty output (fewer than
    ``NEAR_EMPTY_TOKENS`` tokens): the right answer on a list page, a loss elsewhere.
    ``judged``/``judged_ok`` count the pages on which the extractor judged a kind
    (cleanser does) and how many of those it judged right.
    """

    pages: int = 0
    f1: float | None = None
    empty_share: float | None = None
    judged: int = 0
    judged_ok: int = 0


@dataclass
class ExtractorSummary:
    """Everything the tables show about one extractor."""

    name: str
    version: str
    call: str
    groups: dict[str, GroupSummary]
    pages: int
    empty: int
    errors: int
    timeouts: int
    snippets_passed: int
    snippets_total: int
    meta: dict[str, list[int]]  # field → [correct, checked]
    seconds: float
    cpu_seconds: float
    bytes: int
    pages_per_s: float | None
    mb_per_s: float | None
    median_ms: float | None
    x_floor: float | None
    peak_rss_mb: float | None
    floor: bool = False
    kinds: dict[str, KindSummary] = field(default_factory=dict)  # known kind → scores


@dataclass
class Report:
    """The whole benchmark: per-extractor summaries, groups, records and run facts."""

    summaries: list[ExtractorSummary]
    floor: ExtractorSummary | None
    groups: dict[str, int]  # group → text-gold pages, in display order
    records: list[PageResult]
    skipped: dict[str, str]
    meta: dict[str, Any]
    kinds: dict[str, int] = field(default_factory=dict)  # known kind → pages, KINDS order
    kind_group: str = ""  # the language group the by-kind figures are over


def groups_of(rec: PageResult) -> tuple[str, str]:
    """The groups a page belongs to: its source and ``all zh`` or ``non-zh``."""
    return rec.source, GROUP_ZH if rec.zh else GROUP_NONZH


def _mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


def summarize_group(recs: Sequence[PageResult]) -> GroupSummary:
    """Means and leak rates over one extractor's records of one group."""
    scored = [r for r in recs if r.has_gold and r.f1 is not None]
    f1s = [r.f1 or 0.0 for r in scored]
    base = [r for r in recs if r.status == "ok" and r.out_tokens >= NEAR_EMPTY_TOKENS]
    return GroupSummary(
        pages=len(scored),
        f1=_mean(f1s),
        precision=_mean([r.precision or 0.0 for r in scored]),
        recall=_mean([r.recall or 0.0 for r in scored]),
        rouge_l=_mean([r.rouge_l or 0.0 for r in scored]),
        good_share=_mean([1.0 if f >= GOOD_F1 else 0.0 for f in f1s]),
        leak_base=len(base),
        leaks={c: sum(c in r.leaks for r in base) / len(base) for c in LEAK_CLASSES}
        if base
        else {},
    )


def kind_group_of(groups: dict[str, int]) -> str:
    """The language group the by-kind figures cover: Chinese pages, else the others."""
    return GROUP_ZH if GROUP_ZH in groups or GROUP_NONZH not in groups else GROUP_NONZH


def kind_records(recs: Sequence[PageResult], group: str) -> dict[str, list[PageResult]]:
    """Text-gold records of ``group`` by the page's known kind, in ``KINDS`` order."""
    by_kind: dict[str, list[PageResult]] = {}
    for rec in recs:
        if rec.has_gold and rec.known_kind and group in groups_of(rec):
            by_kind.setdefault(rec.known_kind, []).append(rec)
    return {k: by_kind[k] for k in KINDS if k in by_kind}


def summarize_kind(recs: Sequence[PageResult]) -> KindSummary:
    """Mean F1, empty-output share and kind judgements over one kind's records."""
    judged = [r for r in recs if r.kind is not None]
    return KindSummary(
        pages=len(recs),
        f1=_mean([r.f1 or 0.0 for r in recs]),
        empty_share=_mean(
            [1.0 if r.status == "ok" and r.out_tokens < NEAR_EMPTY_TOKENS else 0.0 for r in recs]
        ),
        judged=len(judged),
        judged_ok=sum(r.kind == r.known_kind for r in judged),
    )


def summarize(result: RunResult, meta: dict[str, Any] | None = None) -> Report:
    """Aggregate a run per extractor, per source and overall."""
    by_ext: dict[str, list[PageResult]] = {}
    for rec in result.records:
        by_ext.setdefault(rec.extractor, []).append(rec)
    floor_s = sum(r.seconds for r in by_ext.get(FLOOR.name, []))
    groups = _group_sizes(result)
    kind_group = kind_group_of(groups)
    kind_pages = {
        k: len({(r.source, r.page_id) for r in recs})
        for k, recs in kind_records(
            [r for r in result.records if r.extractor != FLOOR.name], kind_group
        ).items()
    }
    summaries: list[ExtractorSummary] = []
    floor_summary: ExtractorSummary | None = None
    for ext in result.extractors:
        recs = by_ext.get(ext.name, [])
        summary = _summarize_extractor(ext, recs, list(groups), kind_group, floor_s, result)
        if ext.floor:
            floor_summary = summary
        else:
            summaries.append(summary)
    summaries.sort(key=lambda s: -(_headline_f1(s) or -1.0))
    return Report(
        summaries,
        floor_summary,
        groups,
        result.records,
        result.skipped,
        _run_meta(result, meta),
        kind_pages,
        kind_group,
    )


def _group_sizes(result: RunResult) -> dict[str, int]:
    """Pages with gold per group: sources, largest first, then the language groups."""
    group_pages: dict[str, set[tuple[str, str]]] = {}
    for rec in result.records:
        if rec.has_gold and rec.extractor != FLOOR.name:
            for g in groups_of(rec):
                group_pages.setdefault(g, set()).add((rec.source, rec.page_id))
    order = sorted(
        (g for g in group_pages if g not in (GROUP_ZH, GROUP_NONZH)),
        key=lambda g: (-len(group_pages[g]), g),
    )
    order += [g for g in (GROUP_ZH, GROUP_NONZH) if g in group_pages]
    return {g: len(group_pages[g]) for g in order}


def _summarize_extractor(
    ext: Extractor,
    recs: list[PageResult],
    order: list[str],
    kind_group: str,
    floor_s: float,
    result: RunResult,
) -> ExtractorSummary:
    """One extractor's figures: per group (in ``order``), per kind, metadata, speed."""
    per_group: dict[str, list[PageResult]] = {}
    for rec in recs:
        for g in groups_of(rec):
            per_group.setdefault(g, []).append(rec)
    meta_counts: dict[str, list[int]] = {}
    for f in ext.fields:
        checked = [r.meta[f] for r in recs if f in r.meta]
        if checked:
            meta_counts[f] = [sum(checked), len(checked)]
    secs = sum(r.seconds for r in recs)
    size = sum(r.size for r in recs)
    return ExtractorSummary(
        name=ext.name,
        version=version_of(ext),
        call=ext.call,
        groups={g: summarize_group(per_group[g]) for g in order if g in per_group},
        pages=len(recs),
        empty=sum(r.empty for r in recs),
        errors=sum(r.status == "error" for r in recs),
        timeouts=sum(r.status == "timeout" for r in recs),
        snippets_passed=sum(r.snippets_passed for r in recs),
        snippets_total=sum(r.snippets_total for r in recs),
        meta=meta_counts,
        seconds=secs,
        cpu_seconds=sum(r.cpu_seconds for r in recs),
        bytes=size,
        pages_per_s=len(recs) / secs if secs > 0 else None,
        mb_per_s=size / 1e6 / secs if secs > 0 else None,
        median_ms=float(statistics.median(r.seconds for r in recs)) * 1000 if recs else None,
        x_floor=secs / floor_s if floor_s > 0 and secs > 0 else None,
        peak_rss_mb=result.peak_rss_mb.get(ext.name),
        floor=ext.floor,
        kinds={}
        if ext.floor
        else {k: summarize_kind(v) for k, v in kind_records(recs, kind_group).items()},
    )


def _run_meta(result: RunResult, meta: dict[str, Any] | None) -> dict[str, Any]:
    """When, where and how the run ran, with the caller's ``meta`` on top."""
    return {
        "date": _dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "jobs": result.jobs,
        "timeout_s": result.timeout,
        "wall_seconds": round(result.wall_seconds, 1),
        "pages": len({(r.source, r.page_id) for r in result.records}),
        "run_peak_rss_mb": round(result.run_peak_rss_mb, 1),
        "load_avg_at_end": result.load_avg,
        **(meta or {}),
    }


def _headline_f1(s: ExtractorSummary) -> float | None:
    """The F1 the tables sort by and the plot shows: Chinese pages, else all."""
    for g in (GROUP_ZH, GROUP_NONZH):
        if g in s.groups and s.groups[g].f1 is not None:
            return s.groups[g].f1
    return None


def worst_pages(report: Report, n: int, target: str = "cleanser") -> list[dict[str, Any]]:
    """The ``n`` text-gold pages where ``target`` trails the best peer most."""
    by_page: dict[tuple[str, str], dict[str, PageResult]] = {}
    for rec in report.records:
        if rec.has_gold and rec.f1 is not None and rec.extractor != FLOOR.name:
            by_page.setdefault((rec.source, rec.page_id), {})[rec.extractor] = rec
    rows = []
    for recs in by_page.values():
        mine = recs.get(target)
        peers = [r for name, r in recs.items() if name != target]
        if mine is None or not peers:
            continue
        best = max(peers, key=lambda r: r.f1 or 0.0)
        gap = (best.f1 or 0.0) - (mine.f1 or 0.0)
        if gap > 0:
            rows.append((gap, mine, best))
    rows.sort(key=lambda t: -t[0])
    return [
        {
            "source": mine.source,
            "page": mine.page_id,
            "path": mine.path,
            "gap": round(gap, 4),
            target: {"f1": mine.f1, "status": mine.status, "head": mine.head},
            "best_peer": {"name": best.extractor, "f1": best.f1, "head": best.head},
        }
        for gap, mine, best in rows[:n]
    ]
