"""Shared pytest set-up. Keep it small: fixtures used by more than one test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"

# Hypothesis: random in local runs (finds new cases), reproducible in CI (no flaky
# reds from a lucky draw); slow shared CI machines get no "too slow" health check.
settings.register_profile(
    "ci", derandomize=True, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def sample_pages() -> list[Path]:
    """Every ``samples/<slug>/page.html`` (empty when samples/ is absent)."""
    return sorted(SAMPLES_DIR.glob("*/page.html"))
