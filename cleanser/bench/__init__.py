"""``cleanser bench``: accuracy and speed of cleanser and its peers on the same pages.

One command answers "who is more accurate, and who is faster, on *my* pages?" and,
run with cleanser alone, keeps the project honest from one change to the next
(the per-source floors in ``tests/floors.json`` and ``tests/test_quality_gate.py``).

How a run works, and why:

* **Isolation.** Every extractor runs in its own worker process (one per extractor
  and per parallel lane). A crash or a hang of one peer is counted against that
  peer, its worker is restarted and the run goes on; peers cannot interfere with
  each other's global state; and each worker's peak RSS is that extractor's
  memory. A per-call timeout is enforced twice: ``SIGALRM`` inside the worker
  (cheap, keeps the worker) and a watchdog in the parent that kills a worker
  stuck in C code.
* **Interleaving.** A lane takes one page at a time and hands it to each
  extractor in turn, in an order rotated from page to page, so machine noise
  (other engineers' jobs, thermal drift) hits every extractor alike. Lanes run
  in parallel (``--jobs``, default 2) to finish in minutes; times are measured
  inside the workers around the extraction call only, so pages/s is a
  single-process rate.
* **Bytes in, text out.** Every extractor is timed from the raw page bytes.
  Peers that only accept ``str`` get the page decoded by
  :func:`cleanser.io.decoding.decode` inside their timed call (a user has to
  decode too). Bare ``lxml.html.fromstring(raw_bytes)`` is timed the same way
  as the floor that no DOM-based extractor can beat.
* **Scoring** happens in the worker right after the call: char-level P/R/F1 and
  ROUGE-L from :mod:`cleanser.evaluate.charf1`, leak markers, snippet checks and
  metadata checks. Only the scores and the first lines of each output travel
  back to the parent.

``--jobs 0`` runs everything in this process (no isolation, ``SIGALRM``
timeouts only); the quality gate uses it for cleanser alone.

The package, in the order a run flows through it:

* :mod:`.peers` -- the extractors and how each one is called (adapters, registry,
  versions);
* :mod:`.metrics` -- scoring one output on one page (F1, ROUGE-L, leaks, snippets,
  metadata, language);
* :mod:`.timing` -- timing one call (alarm timeout, wall/CPU clocks, peak RSS,
  warm-up);
* :mod:`.workers` -- the runner (worker processes, watchdog, lanes, interleaving);
* :mod:`.summary` -- per-extractor and per-group aggregation, ``--worst``;
* :mod:`.floors` -- the quality-gate floors (``--check-floors``, ``--update-floors``);
* :mod:`.report` and :mod:`.plotting` -- tables, Markdown, JSON, README section, plot;
* :mod:`.cli` -- the ``cleanser bench`` arguments and :func:`main`
  (``python -m cleanser.bench`` runs it too).

Everything the tests, ``cleanser.cli`` and users reach as ``cleanser.bench.X`` is
re-exported here.
"""

from __future__ import annotations

from cleanser.bench.cli import (
    DEFAULT_INPUTS,
    build_parser,
    default_inputs,
    load_pages,
    main,
    select_extractors,
)
from cleanser.bench.floors import (
    FLOOR_DECIMALS,
    FLOOR_EPSILON,
    FLOOR_MARGIN,
    FLOORS_ABOUT,
    FLOORS_PATH,
    FloorUpdate,
    Shortfall,
    check_floors,
    floor_for,
    format_shortfalls,
    load_floors,
    measure_cleanser,
    measured_f1,
    update_floors,
)
from cleanser.bench.metrics import (
    HEAD_CHARS,
    HEAD_LINES,
    LEAK_CLASSES,
    LEAK_MARKERS,
    META_FIELDS,
    NEAR_EMPTY_TOKENS,
    PageResult,
    leak_classes,
    meta_matches,
    parse_day,
    score_page,
    snippet_checks,
)
from cleanser.bench.peers import (
    ALWAYS,
    EXTRACTORS,
    FLOOR,
    REPO_ROOT,
    ExtractFn,
    Extractor,
    Output,
    html_to_text,
    importable,
    resolve_extractor,
    version_of,
)
from cleanser.bench.plotting import plot
from cleanser.bench.report import (
    README_GATE,
    README_INTRO,
    README_MARKERS,
    TABLE_NOTES,
    TableData,
    headline,
    kind_confusions,
    kind_table,
    markdown_table,
    print_tables,
    print_worst,
    readme_section,
    render_markdown,
    report_json,
    tables,
    write_readme_section,
)
from cleanser.bench.summary import (
    GOOD_F1,
    GROUP_NONZH,
    GROUP_ZH,
    ExtractorSummary,
    GroupSummary,
    KindSummary,
    Report,
    groups_of,
    summarize,
    summarize_group,
    worst_pages,
)
from cleanser.bench.timing import WARMUP_PAGE, ExtractorTimeout, run_one, timed_call
from cleanser.bench.workers import (
    DEFAULT_JOBS,
    DEFAULT_TIMEOUT_S,
    HARD_KILL_GRACE_S,
    WORKER_START_TIMEOUT_S,
    ProgressFn,
    RunResult,
    run,
)

# A private name the tests call through the package.
from cleanser.bench.workers import _rotated as _rotated
from cleanser.evaluate.corpus import (
    LANG_SNIFF_CHARS,
    ZH_HAN_SHARE,
    ZH_MAX_KANA_SHARE,
    page_is_zh,
)

__all__ = [
    "ALWAYS",
    "DEFAULT_INPUTS",
    "DEFAULT_JOBS",
    "DEFAULT_TIMEOUT_S",
    "EXTRACTORS",
    "FLOOR",
    "FLOORS_ABOUT",
    "FLOORS_PATH",
    "FLOOR_DECIMALS",
    "FLOOR_EPSILON",
    "FLOOR_MARGIN",
    "GOOD_F1",
    "GROUP_NONZH",
    "GROUP_ZH",
    "HARD_KILL_GRACE_S",
    "HEAD_CHARS",
    "HEAD_LINES",
    "LANG_SNIFF_CHARS",
    "LEAK_CLASSES",
    "LEAK_MARKERS",
    "META_FIELDS",
    "NEAR_EMPTY_TOKENS",
    "README_GATE",
    "README_INTRO",
    "README_MARKERS",
    "REPO_ROOT",
    "TABLE_NOTES",
    "WARMUP_PAGE",
    "WORKER_START_TIMEOUT_S",
    "ZH_HAN_SHARE",
    "ZH_MAX_KANA_SHARE",
    "ExtractFn",
    "Extractor",
    "ExtractorSummary",
    "ExtractorTimeout",
    "FloorUpdate",
    "GroupSummary",
    "KindSummary",
    "Output",
    "PageResult",
    "ProgressFn",
    "Report",
    "RunResult",
    "Shortfall",
    "TableData",
    "build_parser",
    "check_floors",
    "default_inputs",
    "floor_for",
    "format_shortfalls",
    "groups_of",
    "headline",
    "html_to_text",
    "importable",
    "kind_confusions",
    "kind_table",
    "leak_classes",
    "load_floors",
    "load_pages",
    "main",
    "markdown_table",
    "measure_cleanser",
    "measured_f1",
    "meta_matches",
    "page_is_zh",
    "parse_day",
    "plot",
    "print_tables",
    "print_worst",
    "readme_section",
    "render_markdown",
    "report_json",
    "resolve_extractor",
    "run",
    "run_one",
    "score_page",
    "select_extractors",
    "snippet_checks",
    "summarize",
    "summarize_group",
    "tables",
    "timed_call",
    "update_floors",
    "version_of",
    "worst_pages",
    "write_readme_section",
]
