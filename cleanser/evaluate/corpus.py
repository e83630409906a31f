"""Loading evaluation pages from disk, for the benchmark and the corpus tests.

Three layouts are understood, in any folder at any depth below the one given
(hidden folders are skipped), so a user's own corpus need not be laid out
exactly like ours:

* a folder with a ``pages.json`` array naming ``html_file`` and ``gold_file``
  (like each source of ``../shared/corpus``); its sub-folders are not walked;
* a sample folder like ``samples/<slug>/``: ``page.html`` + ``expected.txt``
  (+ ``expected.json`` for metadata);
* ``<id>.html`` (``.htm``, ``.html.gz``) files with optional ``<id>.txt`` gold
  beside them.

:func:`discover` says what it found in each folder and, when it found nothing,
what it saw instead; :func:`load` returns only the pages.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleanser.evaluate.charf1 import tokens
from cleanser.io.decoding import decode
from cleanser.vocabulary import HAN, KANA_HANGUL


@dataclass(frozen=True)
class Page:
    """One evaluation page: where its bytes are and what the right answer is."""

    source: str
    id: str
    path: Path
    gold: str | None
    url: str | None = None
    page_type: str | None = None
    script: str | None = None
    gold_meta: dict[str, Any] = field(default_factory=dict)
    compressed: bool = False

    def read(self) -> bytes:
        """The raw page bytes (decompressed when stored gzipped)."""
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.compressed else data


_GOLD_META_KEYS = ("gold_title", "gold_author", "gold_date", "gold_source", "gold_editor")


#: The layouts :func:`discover` understands, as told to a user whose folder has none.
LAYOUTS = (
    "DIR/**/pages.json: an array of {id, html_file, gold_file, ...} (like ../shared/corpus)",
    "DIR/**/<slug>/page.html with expected.txt (and expected.json) beside it (like samples/)",
    "DIR/**/<id>.html (.htm, .html.gz) with optional <id>.txt gold beside it",
)
#: File names taken as pages in the ``<id>.html`` + ``<id>.txt`` layout.
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


class CorpusError(ValueError):
    """A folder that claims a layout but cannot be read as it (e.g. a bad pages.json)."""


@dataclass(frozen=True)
class FolderFinding:
    """The pages found in one folder, and in which layout."""

    folder: Path
    layout: str  # "pages.json", "samples" or "html+txt"
    pages: int
    with_gold: int


@dataclass
class Discovery:
    """Everything found under one root: the pages, per folder, and what else was seen."""

    root: Path
    pages: list[Page] = field(default_factory=list)
    folders: list[FolderFinding] = field(default_factory=list)
    seen: Counter[str] = field(default_factory=Counter)  # file kinds not taken as pages
    walked: int = 0

    def add(self, folder: Path, layout: str, pages: list[Page]) -> None:
        """Record the pages one folder gave."""
        if pages:
            self.pages.extend(pages)
            gold = sum(p.gold is not None for p in pages)
            self.folders.append(FolderFinding(folder, layout, len(pages), gold))

    def summary_lines(self) -> list[str]:
        """One line per folder that gave pages: where, how many, how many with gold."""
        return [
            f"{f.folder}: {f.pages} pages ({f.with_gold} with gold) [{f.layout}]"
            for f in self.folders
        ]

    def nothing_found(self) -> str:
        """Why no page was found: what was walked and seen, and the layouts understood."""
        seen = ", ".join(f"{n} {kind}" for kind, n in self.seen.most_common(6)) or "no files"
        lines = [
            f"no pages found under {self.root} ({self.walked} folders walked; seen: {seen})",
            *(f"  closest: {hint}" for hint in _closest(self.seen)),
            "layouts understood, at any depth:",
            *(f"  - {layout}" for layout in LAYOUTS),
        ]
        return "\n".join(lines)


def _kind(name: str) -> str:
    """A file's kind for the "seen" counts: its (double) suffix, e.g. ``.warc.gz``."""
    lower = name.lower()
    if lower.endswith(".gz") and "." in lower[:-3]:
        return "." + ".".join(lower.rsplit(".", 2)[-2:])
    dot = lower.rfind(".")
    return lower[dot:] if dot > 0 else "(no suffix)"


def _closest(seen: Counter[str]) -> list[str]:
    hints = []
    if seen[".txt"]:
        hints.append(f"{seen['.txt']} .txt files without an <id>.html beside them")
    warcs = seen[".warc"] + seen[".warc.gz"] + seen[".arc.gz"]
    if warcs:
        hints.append(f"{warcs} web archives: extract them with cleanser batch, not bench")
    if seen[".json"] or seen[".jsonl"]:
        hints.append("JSON files, but no pages.json")
    if seen[".xhtml"] or seen[".shtml"] or seen[".mhtml"]:
        hints.append("HTML under another suffix: rename to .html")
    return hints


def discover(root: Path) -> Discovery:
    """Walk ``root`` (any depth, hidden folders skipped) for pages in every layout."""
    root = Path(root)
    found = Discovery(root)
    for dirpath, dirnames, filenames in os.walk(root):
        found.walked += 1
        folder = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        names = set(filenames)
        if "pages.json" in names:
            try:
                found.add(folder, "pages.json", list(_from_pages_json(folder)))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise CorpusError(
                    f"{folder / 'pages.json'}: not a corpus pages.json "
                    f"(an array of {{id, html_file, gold_file}}): {type(exc).__name__}: {exc}"
                ) from exc
            dirnames[:] = []  # its html_file paths say which files are pages
            continue
        if "page.html" in names:
            if folder == root:  # one sample folder given: its parent names the source
                source = root.resolve().parent.name
            elif folder.parent == root:
                source = root.name
            else:
                source = _relative(root, folder.parent)
            found.add(folder, "samples", list(_from_samples(source, [folder])))
            dirnames[:] = []
            continue
        htmls = sorted(n for n in names if n.lower().endswith(HTML_SUFFIXES))
        source = root.name if folder == root else _relative(root, folder)
        pages = list(_from_flat(folder, htmls, source))
        found.add(folder, "<id>.html + <id>.txt", pages)
        gold_names = {p.id + ".txt" for p in pages}
        for name in names:
            if name not in gold_names and not name.lower().endswith(HTML_SUFFIXES):
                found.seen[_kind(name)] += 1
    return found


def _relative(root: Path, folder: Path) -> str:
    return folder.relative_to(root).as_posix()


def load(root: Path) -> list[Page]:
    """All pages under ``root`` (see :func:`discover`), in a stable order."""
    return discover(root).pages


def load_folders(folders: Sequence[str | Path]) -> list[Page]:
    """The pages of every folder in turn (the training and evaluation commands' input).

    Raises ``CorpusError`` naming the first argument that is not a folder.
    """
    pages: list[Page] = []
    for folder in folders:
        if not Path(folder).is_dir():
            raise CorpusError(f"no such folder: {folder}")
        pages += load(Path(folder))
    return pages


def _from_pages_json(folder: Path) -> Iterator[Page]:
    rows = json.loads((folder / "pages.json").read_text(encoding="utf-8"))
    for row in rows:
        gold_file = row.get("gold_file")
        gold = None
        is_text_gold = row.get("gold_type") not in ("snippets_with_without", "none")
        if is_text_gold and gold_file and (folder / gold_file).is_file():
            gold = (folder / gold_file).read_text(encoding="utf-8")
        meta = {k[5:]: row[k] for k in _GOLD_META_KEYS if row.get(k) is not None}
        if row.get("gold_with") is not None:
            meta["with"] = row["gold_with"]
            meta["without"] = row.get("gold_without") or []
        yield Page(
            source=row.get("source") or folder.name,
            id=str(row["id"]),
            path=folder / row["html_file"],
            gold=gold,
            url=row.get("url"),
            page_type=row.get("page_type"),
            script=row.get("script"),
            gold_meta=meta,
            compressed=row.get("html_compression") == "gzip",
        )


def _from_samples(source: str, folders: list[Path]) -> Iterator[Page]:
    for d in folders:
        page = d / "page.html"
        if not page.is_file():
            continue
        txt = d / "expected.txt"
        meta_file = d / "expected.json"
        meta: dict[str, Any] = {}
        if meta_file.is_file():
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        yield Page(
            source=source,
            id=d.name,
            path=page,
            gold=txt.read_text(encoding="utf-8") if txt.is_file() else None,
            url=meta.get("url") if isinstance(meta.get("url"), str) else None,
            page_type=meta.get("page_type"),
            gold_meta=meta,
        )


def _from_flat(folder: Path, names: list[str], source: str) -> Iterator[Page]:
    for name in names:
        html = folder / name
        stem = name[: name.lower().rindex(".htm")]
        txt = folder / (stem + ".txt")
        yield Page(
            source=source,
            id=stem,
            path=html,
            gold=txt.read_text(encoding="utf-8") if txt.is_file() else None,
            compressed=name.lower().endswith(".gz"),
        )


# Share of Han tokens (among all scoring tokens) from which a page counts as Chinese,
# and share of kana/hangul tokens from which it does not (Japanese/Korean).
ZH_HAN_SHARE = 0.3
ZH_MAX_KANA_SHARE = 0.05
# How much of a gold-less page is looked at to guess its language.
LANG_SNIFF_CHARS = 50_000

_HAN = re.compile(f"[{HAN}]")
_KANA_HANGUL = re.compile(f"[{KANA_HANGUL}]")
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


def page_is_zh(page: Page) -> bool:
    """Whether a page is Chinese: its ``script`` field, else its gold or visible text."""
    if page.script:
        return True
    text = page.gold
    if not text or not text.strip():
        try:
            text = _TAG.sub(" ", decode(page.read())[0][:LANG_SNIFF_CHARS])
        except OSError:
            return False
    toks = tokens(text)
    if not toks:
        return False
    han = sum(1 for t in toks if _HAN.match(t))
    kana = sum(1 for t in toks if _KANA_HANGUL.match(t))
    return han / len(toks) >= ZH_HAN_SHARE and kana / len(toks) < ZH_MAX_KANA_SHARE
