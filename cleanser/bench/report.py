"""Rendering a report: terminal tables, Markdown, JSON, the README section, ``--worst``.

:func:`tables` builds the four tables once, independent of the output format
(accuracy and speed, mean F1 per source, leaks/snippets/metadata, speed).
:func:`print_tables` shows them with rich on a terminal and as Markdown in pipes
and logs; :func:`render_markdown` adds the run facts, notes, headline and calls
(``--markdown``); :func:`readme_section` and :func:`write_readme_section` put that
between the bench markers of a README (``--readme``); :func:`report_json` is the
``--json`` document. The ``--plot`` figure is in :mod:`.plotting`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cleanser.bench.metrics import LEAK_CLASSES, META_FIELDS
from cleanser.bench.summary import (
    GROUP_NONZH,
    GROUP_ZH,
    GroupSummary,
    KindSummary,
    Report,
    kind_records,
)
from cleanser.learn.kindfit import confusion

README_MARKERS = ("<!-- bench:start -->", "<!-- bench:end -->")
README_INTRO = (
    "`cleanser bench [PATH ...]` runs cleanser and the extractors people use on Chinese"
    " pages today over the same pages and shows accuracy and speed side by side (PATH: a"
    " corpus folder like `../shared/corpus` or a samples folder like `samples/`; default"
    " both). Install the peers with `pip install '.[bench,bench-peers]'`; magic-html needs"
    " Python ≥ 3.12, and every peer that imports is run. Accuracy is the mean char-level F1"
    " per page against the gold text (each CJK character is one token, each run of Latin"
    " letters or digits one token, punctuation and whitespace ignored; a list page scores 1"
    " only for an empty output); ROUGE-L is the same tokens in order. Every extractor runs"
    " in its own worker process with a per-page timeout, so a crash or a hang is counted,"
    " not fatal, and the pages are interleaved across extractors so that machine noise hits"
    " all alike. Pages are also scored by kind (article, thread, list, and feed or error"
    " pages where the gold names them), beside the confusion table of cleanser's own"
    " page-kind judgement (`Article.kind`). The table below was made with:"
)
README_GATE = (
    "**Quality gate.** `tests/test_quality_gate.py` runs cleanser alone over"
    " `../shared/corpus` (skipped when absent) and fails when a source's mean F1 drops"
    " below its floor in `tests/floors.json` (pinned 0.02 below the measured value)."
    " `cleanser bench ../shared/corpus --extractors cleanser --update-floors` raises the"
    " floors and refuses to lower one unless `--allow-regression` is given."
)
TABLE_NOTES = (
    "Notes: *F1≥0.9* is the share of pages extracted that well; *empty* counts outputs of"
    " fewer than 10 tokens where the gold is not empty; *errors* and *timeouts* score 0."
    " *pages/s* is a single-process rate timed inside the workers from raw bytes to text"
    " (peers that take only `str` are charged for decoding); *× lxml* is the time relative"
    " to bare `lxml.html.fromstring` on the same pages; *peak RSS* is the worker's, which"
    " includes the interpreter (see the lxml row). A *leak* is an output carrying a footer"
    " (版权所有, ICP备…), sidebar (猜你喜欢, 相关阅读, 排行榜…) or nav/share (分享到, 登录…)"
    " marker that the gold lacks. *snippets*: trafilatura_eval's must-have/must-not-have"
    " strings. Metadata: title exact (whitespace-insensitive), date on the same day, author"
    " sharing a name. goose3 and newspaper4k are set up for Chinese (Chinese stopwords,"
    " `language='zh'`), so their non-zh column is not their English performance."
    " *By page kind*: a page's known kind is its gold's `kind`, else a forum page is a"
    " thread and an empty gold a list page, else an article; *list empty* is the share of"
    " list pages given an empty output (fewer than 10 tokens); *kind ok* counts the pages"
    " whose kind the extractor judged right (only cleanser judges one, `Article.kind`)."
)


@dataclass(frozen=True)
class TableData:
    """A rendered-agnostic table: title, header row and body rows of strings."""

    title: str
    headers: list[str]
    rows: list[list[str]]


def _f(value: float | None, digits: int = 3) -> str:
    """A score for a table cell."""
    return "–" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    """A share as a whole percentage for a table cell."""
    return "–" if value is None else f"{100 * value:.0f} %"


def _rate(value: float | None) -> str:
    """A speed with three significant digits."""
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def tables(report: Report) -> list[TableData]:
    """The tables of a report, in display order."""
    main_g = GROUP_ZH if GROUP_ZH in report.groups else GROUP_NONZH
    out = [_accuracy_table(report, main_g), _source_table(report)]
    if report.kinds:
        out.append(kind_table(report))
    out += [_leak_table(report, main_g), _speed_table(report)]
    return out


def _accuracy_table(report: Report, main_g: str) -> TableData:
    """Accuracy on the main group (and F1 on the other, when there are both), and speed."""
    has_zh = GROUP_ZH in report.groups
    has_nonzh = GROUP_NONZH in report.groups
    n_main = report.groups.get(main_g, 0)
    headers = ["extractor", f"F1 {main_g} ({n_main})", "P", "R", "ROUGE-L", "F1≥0.9"]
    if has_zh and has_nonzh:
        headers.append(f"F1 non-zh ({report.groups[GROUP_NONZH]})")
    headers += ["empty", "errors", "timeouts", "pages/s"]
    rows = []
    for s in report.summaries:
        g = s.groups.get(main_g, GroupSummary())
        row = [s.name, _f(g.f1), _f(g.precision), _f(g.recall), _f(g.rouge_l), _pct(g.good_share)]
        if has_zh and has_nonzh:
            row.append(_f(s.groups.get(GROUP_NONZH, GroupSummary()).f1))
        row += [str(s.empty), str(s.errors), str(s.timeouts), _rate(s.pages_per_s)]
        rows.append(row)
    return TableData("Accuracy (mean char-level F1 per page) and speed", headers, rows)


def _source_table(report: Report) -> TableData:
    """Mean F1 of each extractor on each source, the best in bold."""
    names = [s.name for s in report.summaries]
    rows = []
    for group, n in report.groups.items():
        row = [f"{group} ({n})"]
        vals = [s.groups.get(group, GroupSummary()).f1 for s in report.summaries]
        best = max((v for v in vals if v is not None), default=None)
        for v in vals:
            cell = _f(v)
            row.append(f"**{cell}**" if v is not None and v == best and len(vals) > 1 else cell)
        rows.append(row)
    return TableData("Mean F1 per source (best in bold)", ["source (pages)", *names], rows)


def _leak_table(report: Report, g_leak: str) -> TableData:
    """Boilerplate leaks on ``g_leak``, snippet checks and metadata fields, per extractor."""
    rows = []
    any_snip = any(s.snippets_total for s in report.summaries)
    for s in report.summaries:
        g = s.groups.get(g_leak, GroupSummary())
        row = [s.name] + [_pct(g.leaks.get(c)) if g.leak_base else "–" for c in LEAK_CLASSES]
        if any_snip:
            row.append(f"{s.snippets_passed}/{s.snippets_total}" if s.snippets_total else "–")
        for fld in META_FIELDS:
            if fld in s.meta:
                ok, total = s.meta[fld]
                row.append(f"{ok}/{total}")
            else:
                row.append("–")
        rows.append(row)
    headers = ["extractor", *(f"{c} leak" for c in LEAK_CLASSES)]
    if any_snip:
        headers.append("snippets")
    headers += [f"{fld} ok" for fld in META_FIELDS]
    return TableData(
        f"Boilerplate leaks ({g_leak}, share of non-empty outputs), snippet checks, metadata",
        headers,
        rows,
    )


def _speed_table(report: Report) -> TableData:
    """Speed of every extractor and of the lxml floor, fastest first."""
    rows = []
    speed_rows = [*report.summaries, *([report.floor] if report.floor else [])]
    for s in sorted(speed_rows, key=lambda s: -(s.pages_per_s or 0.0)):
        rows.append(
            [
                s.name,
                s.version,
                _rate(s.pages_per_s),
                _rate(s.mb_per_s),
                _rate(s.median_ms),
                "1 (floor)" if s.floor else _rate(s.x_floor),
                _rate(s.peak_rss_mb) if s.peak_rss_mb else "–",
            ]
        )
    return TableData(
        "Speed (single process, interleaved per page)",
        ["extractor", "version", "pages/s", "MB/s", "median ms", "× lxml", "peak RSS MB"],
        rows,
    )


def kind_table(report: Report) -> TableData:
    """Mean F1 per extractor on each known page kind, the list pages' empty share, kind ok."""
    headers = ["extractor"]
    for kind, n in report.kinds.items():
        headers.append(f"F1 {kind} ({n})")
        if kind == "list":
            headers.append("list empty")
    headers.append("kind ok")
    rows = []
    for s in report.summaries:
        row = [s.name]
        for kind in report.kinds:
            ks = s.kinds.get(kind, KindSummary())
            row.append(_f(ks.f1))
            if kind == "list":
                row.append(_pct(ks.empty_share))
        judged = sum(k.judged for k in s.kinds.values())
        ok = sum(k.judged_ok for k in s.kinds.values())
        row.append(f"{ok}/{judged}" if judged else "–")
        rows.append(row)
    return TableData(
        f"Mean F1 by page kind ({report.kind_group}, known kind from the gold)", headers, rows
    )


def kind_confusions(report: Report) -> list[str]:
    """Markdown confusion tables (known kind × judged kind) of the extractors that judge one."""
    out = []
    for s in report.summaries:
        recs = [
            r
            for kind_recs in kind_records(
                [r for r in report.records if r.extractor == s.name], report.kind_group
            ).values()
            for r in kind_recs
            if r.kind is not None
        ]
        if not recs:
            continue
        truth = [r.known_kind or "" for r in recs]
        guess = [r.kind or "" for r in recs]
        ok = sum(t == g for t, g in zip(truth, guess, strict=True))
        out.append(
            f"**{s.name}'s page-kind judgement ({report.kind_group}): {ok}/{len(recs)}"
            f" correct ({ok / len(recs):.3f})**\n\n{confusion(truth, guess)}"
        )
    return out


def markdown_table(t: TableData) -> str:
    """A GitHub-flavoured Markdown table."""
    esc = [[c.replace("|", "\\|") for c in r] for r in [t.headers, *t.rows]]
    lines = ["| " + " | ".join(esc[0]) + " |", "|" + "---|" * len(t.headers)]
    lines += ["| " + " | ".join(r) + " |" for r in esc[1:]]
    return "\n".join(lines)


def render_markdown(report: Report, command: str | None = None) -> str:
    """The report as Markdown: run facts, the tables, and how each extractor was called."""
    m = report.meta
    parts = []
    facts = (
        f"{m.get('pages')} pages, Python {m.get('python')}, {m.get('cpus')} CPUs,"
        f" {_lanes(m.get('jobs'))}, timeout {m.get('timeout_s')} s per page,"
        f" wall time {m.get('wall_seconds')} s, peak RSS {m.get('run_peak_rss_mb')} MB,"
        f" machine load {'/'.join(str(x) for x in m.get('load_avg_at_end') or []) or '?'}"
        f" (1/5/15 min, at the end) ({m.get('date')})."
    )
    if command:
        parts.append(f"Command: `{command}`")
    parts.append(facts)
    for t in tables(report):
        parts.append(f"**{t.title}**\n\n{markdown_table(t)}")
    parts += kind_confusions(report)
    parts.append(TABLE_NOTES)
    lines = headline(report)
    if lines:
        parts.append("Headline:\n\n" + "\n".join(f"- {line}" for line in lines))
    calls = "\n".join(f"- **{s.name}**: `{s.call}`" for s in report.summaries)
    parts.append(f"How each extractor is called:\n\n{calls}")
    if report.skipped:
        skipped = "; ".join(f"{k} ({v})" for k, v in report.skipped.items())
        parts.append(f"Skipped (does not import here): {skipped}")
    return "\n\n".join(parts) + "\n"


def _lanes(jobs: Any) -> str:
    """How a run was parallelised, in words."""
    return "in-process (no workers)" if not jobs else f"{jobs} parallel lane(s) of workers"


def headline(report: Report, target: str = "cleanser") -> list[str]:
    """One line per peer: ``target``'s mean F1 and speed against that peer's."""
    mine = next((s for s in report.summaries if s.name == target), None)
    if mine is None:
        return []
    group = GROUP_ZH if GROUP_ZH in report.groups else GROUP_NONZH
    f_mine = mine.groups.get(group, GroupSummary()).f1
    out = []
    for s in report.summaries:
        f_peer = s.groups.get(group, GroupSummary()).f1
        if s is mine or f_mine is None or f_peer is None:
            continue
        diff = f_mine - f_peer
        verdict = "ahead of" if diff > 0 else "behind" if diff < 0 else "level with"
        speed = ""
        if mine.pages_per_s and s.pages_per_s:
            ratio = mine.pages_per_s / s.pages_per_s
            speed = f", {ratio:.1f}× as fast" if ratio >= 1 else f", {1 / ratio:.1f}× slower"
        out.append(
            f"{target} {verdict} {s.name} by {abs(diff):.3f} F1 on {group}"
            f" ({f_mine:.3f} vs {f_peer:.3f}){speed}"
        )
    return out


def readme_section(
    report: Report, command: str, readme: Path, plot_path: Path | None = None
) -> str:
    """The README's benchmark section (between the bench markers) for this run."""
    parts = ["## Benchmark", README_INTRO, f"```sh\n{command}\n```"]
    if plot_path is not None:
        rel = os.path.relpath(Path(plot_path).resolve(), Path(readme).resolve().parent)
        parts.append(f"![Mean F1 against pages/s, one point per extractor]({rel})")
    parts.append(render_markdown(report).rstrip())
    parts.append(README_GATE)
    return "\n\n".join(parts) + "\n"


def write_readme_section(readme: Path, section: str) -> None:
    """Replace the text between the bench markers (appending them at the end if absent).

    Only the section itself is replaced, from its own heading line on: text that
    someone placed inside the markers before that heading (another README section)
    is kept, so a regenerated benchmark never wipes other people's prose.
    """
    start, end = README_MARKERS
    text = Path(readme).read_text(encoding="utf-8") if Path(readme).is_file() else ""
    block = f"{start}\n{section.rstrip()}\n{end}"
    if start in text and end in text.split(start, 1)[1]:
        head, rest = text.split(start, 1)
        inner, tail = rest.split(end, 1)
        heading = section.lstrip().split("\n", 1)[0]
        at = inner.find(f"\n{heading}\n") if heading.startswith("#") else -1
        kept = inner[:at].rstrip("\n") if at > 0 else ""
        if kept.strip():
            block = f"{start}{kept}\n\n{section.strip()}\n{end}"
        text = head + block + tail
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + block + "\n"
    Path(readme).write_text(text, encoding="utf-8")


def report_json(report: Report, worst: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The report as a JSON-ready dict, per-page records included."""
    return {
        "meta": report.meta,
        "groups": report.groups,
        "extractors": [asdict(s) for s in report.summaries],
        "floor": asdict(report.floor) if report.floor else None,
        "skipped": report.skipped,
        "kinds": report.kinds,
        "kind_group": report.kind_group,
        "kind_confusion": kind_confusions(report),
        "worst": worst or [],
        "pages": [asdict(r) for r in report.records],
    }


def print_tables(report: Report, stream: Any = None) -> None:
    """The tables on a terminal (rich when importable), as Markdown in pipes and logs."""
    target = stream or sys.stdout
    try:
        from rich import box
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        print(render_markdown(report), file=target)
        return
    console = Console(file=target)
    if not console.is_terminal:
        print(render_markdown(report), file=target)
        return
    for t in tables(report):
        table = Table(title=t.title, box=box.SIMPLE_HEAVY, title_justify="left")
        for i, h in enumerate(t.headers):
            table.add_column(h, justify="left" if i == 0 else "right", no_wrap=i == 0)
        for r in t.rows:
            table.add_row(*(c.replace("**", "") for c in r))
        console.print(table)
    for block in kind_confusions(report):
        console.print(block.replace("**", ""), markup=False)
    if report.skipped:
        console.print("skipped: " + "; ".join(f"{k} ({v})" for k, v in report.skipped.items()))


def print_worst(rows: list[dict[str, Any]], target: str = "cleanser", stream: Any = None) -> None:
    """Where ``target`` trails the best peer most, with both outputs' first lines."""
    out = stream or sys.stdout
    print(f"\nPages where {target} trails the best peer most:", file=out)
    for r in rows:
        mine, best = r[target], r["best_peer"]
        print(
            f"\n{r['path']}\n  {target} F1 {_f(mine['f1'])} ({mine['status']}) vs"
            f" {best['name']} {_f(best['f1'])} (gap {r['gap']:.3f})",
            file=out,
        )
        for label, head in ((target, mine["head"]), (best["name"], best["head"])):
            print(f"  {label}:", file=out)
            for line in head or ["(empty)"]:
                print(f"    | {line}", file=out)
