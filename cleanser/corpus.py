"""Loading evaluation pages from disk, for the benchmark and the corpus tests.

Three layouts are understood:

* a corpus folder like ``../shared/corpus``: one sub-folder per source, each with
  a ``pages.json`` array naming ``html_file`` and ``gold_file``;
* a samples folder like ``samples/``: ``<slug>/page.html`` + ``expected.txt``
  (+ ``expected.json`` for metadata);
* a flat folder of ``<id>.html`` files with optional ``<id>.txt`` gold beside them.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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


def load(root: Path) -> list[Page]:
    """All pages under ``root``, in a stable order."""
    root = Path(root)
    if (root / "pages.json").is_file():
        return list(_from_pages_json(root))
    subdirs = sorted(p for p in root.iterdir() if p.is_dir())
    if any((d / "pages.json").is_file() for d in subdirs):
        return [pg for d in subdirs if (d / "pages.json").is_file() for pg in _from_pages_json(d)]
    if any((d / "page.html").is_file() for d in subdirs):
        return list(_from_samples(root, subdirs))
    return list(_from_flat(root))


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


def _from_samples(root: Path, subdirs: list[Path]) -> Iterator[Page]:
    for d in subdirs:
        page = d / "page.html"
        if not page.is_file():
            continue
        txt = d / "expected.txt"
        meta_file = d / "expected.json"
        meta: dict[str, Any] = {}
        if meta_file.is_file():
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        yield Page(
            source=root.name,
            id=d.name,
            path=page,
            gold=txt.read_text(encoding="utf-8") if txt.is_file() else None,
            url=meta.get("url") if isinstance(meta.get("url"), str) else None,
            page_type=meta.get("page_type"),
            gold_meta=meta,
        )


def _from_flat(root: Path) -> Iterator[Page]:
    for html in sorted(root.glob("*.htm*")):
        stem = html.name.split(".htm")[0]
        txt = html.with_name(stem + ".txt")
        yield Page(
            source=root.name,
            id=stem,
            path=html,
            gold=txt.read_text(encoding="utf-8") if txt.is_file() else None,
            compressed=html.name.endswith(".gz"),
        )
