"""CI quality gate: cleanser's mean char-level F1 per corpus source must not fall below
the floors pinned in ``tests/floors.json``.

It runs cleanser alone, in this process, over ``<repo>/../shared/corpus`` (a few
seconds), and is skipped when that folder is absent. Floors are raised with
``cleanser bench ../shared/corpus --extractors cleanser --update-floors``, which
refuses to lower one unless ``--allow-regression`` is given.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import cleanser
from cleanser import bench
from cleanser.corpus import Page

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
UPDATE_HINT = (
    "If the drop is intended, lower the floors explicitly with: cleanser bench "
    "../shared/corpus --extractors cleanser --update-floors --allow-regression"
)

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"evaluation corpus not found at {CORPUS}: the quality gate needs ../shared/corpus",
)


@pytest.fixture(scope="module")
def floors() -> dict[str, float]:
    """The pinned floors; the file must exist and hold sane values."""
    doc: dict[str, Any] = bench.load_floors(bench.FLOORS_PATH)
    pinned: dict[str, float] = doc["floors"]
    assert pinned, f"{bench.FLOORS_PATH} pins no floors"
    assert all(0.0 <= v <= 1.0 for v in pinned.values())
    return pinned


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    """Every page of the shared corpus."""
    return bench.load_pages([CORPUS])


def test_cleanser_meets_every_floor(pages: list[Page], floors: dict[str, float]) -> None:
    measured, _ = bench.measure_cleanser(pages)
    unmeasured = sorted(set(floors) - set(measured))
    if unmeasured:
        warnings.warn(f"floors for groups without pages here: {unmeasured}", stacklevel=1)
    assert len(set(floors) & set(measured)) >= len(floors) // 2, "most floors must be judged"
    shortfalls = bench.check_floors(measured, floors)
    assert not shortfalls, (
        "cleanser fell below its quality floors:\n"
        + bench.format_shortfalls(shortfalls)
        + "\n"
        + UPDATE_HINT
    )


def test_gate_fails_when_the_result_is_lowered(
    pages: list[Page], floors: dict[str, float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real regression (cleanser returning a third of its text) trips the gate."""
    source = max(
        (g for g in floors if any(p.source == g for p in pages)),
        key=lambda g: sum(p.source == g for p in pages),
    )
    subset = [p for p in pages if p.source == source]
    real = cleanser.extract

    def truncated(*args: Any, **kwargs: Any) -> cleanser.Article:
        art = real(*args, **kwargs)
        return replace(art, text=art.text[: len(art.text) // 3])

    monkeypatch.setattr(cleanser, "extract", truncated)
    measured, _ = bench.measure_cleanser(subset)
    shortfalls = bench.check_floors({source: measured[source]}, floors)
    assert [s.group for s in shortfalls] == [source]
    assert shortfalls[0].measured < floors[source]
