"""Score title, date, author, source and editor against the corpora's gold metadata.

    python -m cleanser.learn.metaeval [CORPUS ...] [--misses]

CORPUS defaults to ``../shared/corpus`` and ``samples/``. A field is scored on
the pages whose gold has a value for it, and only there:

* **title**: equal after NFKC with whitespace removed; **title, site suffix aside**:
  the same, or the gold is the title followed by a separator and a site or channel
  name (sources whose gold title is the page's ``<title>``);
* **date (day)**: the same calendar day (gold without a day, such as ``2018``,
  is not scored); **date (minute)**: the same day, hour and minute, on pages
  whose gold shows a time;
* **author**: the *same set* of names (gold split on 、,;/ and, between Chinese
  names, on spaces; a bracketed alias such as ``周思博 (Joel Spolsky)`` is the
  same person); ``any author`` is the looser "one name in common" of the bench;
* **source** and **editor**: equal after NFKC with whitespace removed.

Pages are grouped by site with :func:`cleanser.learn.train.site_of`. The table gives
the share of pages right and the mean over sites of each site's share, so a
site with many pages weighs no more than one with a single page. ``spurious``
counts pages whose gold says explicitly that there is none (samples give
``[]``/``null``) but the extractor reported one: an outlet taken for an
author, a date on a page that shows none.

The figures are what ``extract()`` returns with the shipped weights of the metadata
choice (fitted on these pages: in-sample); ``python -m cleanser.learn.metafit`` gives
the leave-site-out figures beside the unfitted cascade, with the comparisons of this
module (:func:`judge`, :func:`states_none`).

Pages whose gold states that a field is absent: samples' ``null``/``[]``, and the
corpus rows annotated with the metadata schema of its second batch, where a null
field is one the page does not show (read from ``pages.json``, since the loader
drops nulls).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import statistics
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleanser.article import Article
from cleanser.core import extract
from cleanser.evaluate.corpus import CorpusError, Page, load_folders
from cleanser.learn.train import site_of
from cleanser.vocabulary import HAN

FIELDS = (
    "title",
    "title, site suffix aside",
    "date (day)",
    "date (minute)",
    "author",
    "any author",
    "source",
    "editor",
)

# The gold fields of the corpus's metadata schema whose null may mean "not shown".
_SCHEMA_FIELDS = ("gold_title", "gold_author", "gold_date", "gold_source", "gold_editor")
_WS = re.compile(r"\s+")
_CJK = re.compile(f"[{HAN}]")
_NAME_SEP = re.compile(r"[、,，;；/|]+")
_BRACKETED = re.compile(r"[(（][^)）]*[)）]")
_DAY = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_TIME = re.compile(r"(?<!\d)([0-2]?\d)\s*[:：时]\s*([0-5]\d)")
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_DATE = re.compile(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def _norm(value: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", value)).lower()


def names(value: Any) -> frozenset[str]:
    """The set of person names in an author value (a string or a list of strings)."""
    parts = value if isinstance(value, (list, tuple)) else [value]
    out: set[str] = set()
    for part in parts:
        if not isinstance(part, str):
            continue
        for piece in _NAME_SEP.split(unicodedata.normalize("NFKC", part)):
            piece = _BRACKETED.sub(" ", piece).strip()
            # Chinese names side by side are separated by spaces; a Latin name keeps them.
            words = piece.split() if _CJK.search(piece) else [piece]
            out.update(_norm(w) for w in words if _norm(w))
    return frozenset(out)


def day_of(value: Any) -> tuple[int, int, int] | None:
    """The calendar day a date string names, else None."""
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value)
    m = _DAY.search(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        e = _EN_DATE.search(text)
        if not e or e.group(1).lower() not in _EN_MONTHS:
            return None
        y, mo, d = int(e.group(3)), _EN_MONTHS.index(e.group(1).lower()) + 1, int(e.group(2))
    return (y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None


def minute_of(value: Any) -> tuple[int, int, int, int, int] | None:
    """Day, hour and minute of a date string that shows a time, else None."""
    day = day_of(value)
    if day is None or not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value)
    m = _DAY.search(text)
    t = _TIME.search(text, m.end() if m else 0)
    return (*day, int(t.group(1)), int(t.group(2))) if t else None


def _gold(page: Page, key: str) -> Any:
    meta = page.gold_meta
    if key == "date":
        return meta.get("date") or meta.get("published")
    return meta.get(key)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple)) and not value)


@functools.lru_cache(maxsize=64)
def _stated_none(pages_json: Path) -> dict[str, frozenset[str]]:
    """Per page id of a corpus ``pages.json``: the gold fields its row gives as null
    where null means "the page shows none".

    That is so for rows annotated with the metadata schema of the corpus's second
    batch (they carry ``gold_source`` and ``gold_editor``; its README: "Fields are
    null when the page does not show them"). The loader drops null fields, so
    they are read here; other rows' nulls mean "not annotated" and are skipped.
    """
    try:
        rows = json.loads(pages_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, frozenset[str]] = {}
    for row in rows if isinstance(rows, list) else ():
        if isinstance(row, dict) and "gold_editor" in row and isinstance(row.get("id"), str):
            out[row["id"]] = frozenset(k[5:] for k in _SCHEMA_FIELDS if k in row and row[k] is None)
    return out


def _explicitly_none(page: Page, key: str) -> bool:
    """Whether the gold states that the page has no such field (samples' ``[]``/``null``,
    the corpus's nulls where its annotation gives them that meaning)."""
    keys = ("date", "published") if key == "date" else (key,)
    if any(k in page.gold_meta and _empty(page.gold_meta[k]) for k in keys):
        return True
    if page.source == "samples" or key in page.gold_meta:
        return False
    return key in _stated_none(page.path.parent / "pages.json").get(page.id, frozenset())


def _same_text(got: Any, gold: Any) -> bool | None:
    if not isinstance(gold, str) or not gold.strip():
        return None
    return isinstance(got, str) and _norm(got) == _norm(gold)


# What joins a headline to the site or channel name in a <title>: 标题_光明网, 标题 - 新浪.
_SUFFIX_SEPARATORS = tuple("_-|｜–—:：@·")


def _same_title_aside_suffix(got: Any, gold: Any) -> bool | None:
    """The same title, or the gold is the title followed by a site or channel suffix.

    Some corpus sources give the ``<title>`` as the gold title (Readability's output,
    ``蔡健雅_百度百科``), where the corpus convention is the headline without the site
    suffix; this row shows how many misses are that difference alone.
    """
    same = _same_text(got, gold)
    if same is not False or not isinstance(got, str):
        return same
    a, b = _norm(got), _norm(gold)
    return bool(a) and b.startswith(a) and b[len(a) :].startswith(_SUFFIX_SEPARATORS)


def _date_day(got: Any, gold: Any) -> bool | None:
    want = day_of(gold)
    return None if want is None else day_of(got) == want


def _date_minute(got: Any, gold: Any) -> bool | None:
    want = minute_of(gold)
    return None if want is None else minute_of(got) == want


def _author(got: Any, gold: Any) -> bool | None:
    want = names(gold)
    return None if not want else names(got) == want


def _any_author(got: Any, gold: Any) -> bool | None:
    want = names(gold)
    return None if not want else bool(names(got) & want)


# field → (gold key, Article attribute, comparison)
_CHECKS: dict[str, tuple[str, str, Callable[[Any, Any], bool | None]]] = {
    "title": ("title", "title", _same_text),
    "title, site suffix aside": ("title", "title", _same_title_aside_suffix),
    "date (day)": ("date", "published", _date_day),
    "date (minute)": ("date", "published", _date_minute),
    "author": ("author", "author", _author),
    "any author": ("author", "author", _any_author),
    "source": ("source", "source", _same_text),
    "editor": ("editor", "editor", _same_text),
}


def judge(name: str, got: Any, page: Page) -> bool | None:
    """Whether ``got`` is right for field ``name`` of :data:`FIELDS` on ``page`` (None:
    the page's gold does not give that field), by the comparison the tables use."""
    key, _attr, check = _CHECKS[name]
    return check(got, _gold(page, key))


def states_none(name: str, page: Page) -> bool:
    """Whether ``page``'s gold says explicitly that it shows no such field."""
    return _explicitly_none(page, _CHECKS[name][0])


def has_gold_meta(page: Page) -> bool:
    """Whether ``page`` has gold metadata the tables score: a title, date or author, or
    the statement that it shows no date or author."""
    if any(k in page.gold_meta for k in ("title", "date", "published", "author")):
        return True
    return _explicitly_none(page, "date") or _explicitly_none(page, "author")


@dataclass
class PageScore:
    """One page's verdict per field (fields its gold does not give are absent)."""

    page: Page
    site: str
    ok: dict[str, bool] = field(default_factory=dict)
    spurious: dict[str, bool] = field(default_factory=dict)
    got: dict[str, Any] = field(default_factory=dict)


def score_article(page: Page, article: Article) -> PageScore:
    """Compare one extracted article with its page's gold metadata."""
    result = PageScore(page, site_of(page))
    for name, (key, attr, check) in _CHECKS.items():
        got = getattr(article, attr)
        result.got[name] = got
        verdict = check(got, _gold(page, key))
        if verdict is not None:
            result.ok[name] = verdict
        elif name in ("date (day)", "author", "source", "editor") and _explicitly_none(page, key):
            result.spurious[name] = not _empty(got)
    return result


def score_pages(pages: Sequence[Page]) -> list[PageScore]:
    """Extract every page that has gold metadata and score it."""
    out = []
    for page in pages:
        if not has_gold_meta(page):
            continue
        try:
            article = extract(page.read(), url=page.url)
        except Exception as exc:  # a page that fails gets nothing right
            article = Article(reason=f"{type(exc).__name__}: {exc}")
        out.append(score_article(page, article))
    return out


def _share(values: Sequence[bool]) -> float | None:
    return sum(values) / len(values) if values else None


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def summary_rows(
    scores: Sequence[PageScore],
) -> list[tuple[str, int, int, float | None, int, float | None, int]]:
    """Per field: pages, right, page share, sites, mean site share, spurious."""
    rows = []
    for name in FIELDS:
        judged = [s for s in scores if name in s.ok]
        by_site: dict[str, list[bool]] = {}
        for s in judged:
            by_site.setdefault(s.site, []).append(s.ok[name])
        site_shares = [sum(v) / len(v) for v in by_site.values()]
        spurious = sum(s.spurious.get(name, False) for s in scores)
        rows.append(
            (
                name,
                len(judged),
                sum(s.ok[name] for s in judged),
                _share([s.ok[name] for s in judged]),
                len(by_site),
                statistics.fmean(site_shares) if site_shares else None,
                spurious,
            )
        )
    return rows


def table(scores: Sequence[PageScore], label: str) -> str:
    """The Markdown table of :func:`summary_rows` for one group of pages."""
    lines = [
        f"{label}",
        "",
        "| field | pages | right | share of pages | sites | mean over sites | spurious |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, n, right, share, sites, site_mean, spurious in summary_rows(scores):
        lines.append(
            f"| {name} | {n} | {right} | {_pct(share)} | {sites} | {_pct(site_mean)} | {spurious} |"
        )
    return "\n".join(lines)


def misses(scores: Sequence[PageScore]) -> str:
    """One line per wrong or spurious field: site, page, gold and what was read."""
    out = []
    for s in scores:
        for name, ok in s.ok.items():
            if not ok and name not in ("any author", "date (minute)"):
                key = _CHECKS[name][0]
                out.append(
                    f"{name}\t{s.site}\t{s.page.source}/{s.page.id}"
                    f"\tgold={_gold(s.page, key)!r}\tgot={s.got[name]!r}"
                )
        for name, bad in s.spurious.items():
            if bad:
                out.append(
                    f"spurious {name}\t{s.site}\t{s.page.source}/{s.page.id}\tgot={s.got[name]!r}"
                )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tables (all pages, shared corpus, samples) and optionally the misses."""
    parser = argparse.ArgumentParser(prog="python -m cleanser.learn.metaeval", description=__doc__)
    parser.add_argument("corpora", nargs="*", default=["../shared/corpus", "samples"])
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    try:
        pages = load_folders(args.corpora)
    except CorpusError as exc:
        print(f"metaeval: {exc}", file=sys.stderr)
        return 2
    scores = score_pages(pages)
    command = "python -m cleanser.learn.metaeval " + " ".join(args.corpora)
    groups = [("all pages with gold metadata", list(scores))]
    for source in ("samples",):
        inside = [s for s in scores if s.page.source == source]
        outside = [s for s in scores if s.page.source != source]
        if inside and outside:
            groups += [("shared corpus (not samples)", outside), ("samples only", inside)]
    print(f"`{command}`\n")
    print("\n\n".join(table(g, f"**{label}**") for label, g in groups))
    if args.misses:
        print("\n" + misses(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
