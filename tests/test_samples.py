"""Every hand-written sample in samples/ against its expected text."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanser
from cleanser.corpus import load
from cleanser.scoring import char_prf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PAGES = load(SAMPLES) if SAMPLES.is_dir() else []
# Every sample must reach this char-level F1 against its expected.txt.
MIN_F1 = 0.95
# ... and most must match line for line.
MIN_EXACT_SHARE = 0.6


@pytest.mark.parametrize("page", PAGES, ids=[p.id for p in PAGES])
def test_sample_f1(page: object) -> None:
    assert page.gold is not None  # type: ignore[attr-defined]
    art = cleanser.extract(page.read(), url=page.url)  # type: ignore[attr-defined]
    prf = char_prf(art.text, page.gold)  # type: ignore[attr-defined]
    assert prf.f1 >= MIN_F1, f"{page.id}: P={prf.precision:.2f} R={prf.recall:.2f}\n{art.text}"  # type: ignore[attr-defined]


def test_there_are_enough_samples() -> None:
    assert len(PAGES) >= 30


def test_most_samples_match_exactly() -> None:
    exact = sum(
        cleanser.extract(p.read(), url=p.url).text.strip() == (p.gold or "").strip() for p in PAGES
    )
    assert exact >= MIN_EXACT_SHARE * len(PAGES)
