"""Packaging: the wheel carries ``py.typed``, one version, and an SPDX licence."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import cleanser

tomllib = pytest.importorskip("tomllib")

REPO = Path(__file__).resolve().parent.parent


def _pyproject() -> dict:  # type: ignore[type-arg]
    with open(REPO / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)  # type: ignore[no-any-return]


def test_pyproject_declares_typing_one_version_and_spdx_license() -> None:
    doc = _pyproject()
    project = doc["project"]
    assert (REPO / "cleanser" / "py.typed").is_file()
    assert "py.typed" in doc["tool"]["setuptools"]["package-data"]["cleanser"]
    # One source for the version: cleanser.__version__, read by setuptools.
    assert "version" not in project and "version" in project["dynamic"]
    assert doc["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "cleanser.__version__"}
    # An SPDX expression needs setuptools >= 77 to build.
    assert project["license"] == "MIT"
    assert any(r.replace(" ", "") == "setuptools>=77" for r in doc["build-system"]["requires"])


def test_wheel_ships_py_typed_version_and_license(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if res.returncode != 0 and "matching distribution" in res.stderr:
        pytest.skip("no package index to fetch setuptools>=77 from")
    assert res.returncode == 0, res.stderr
    (wheel,) = tmp_path.glob("cleanser-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "cleanser/py.typed" in names
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        text = zf.read(meta).decode("utf-8")
    assert f"Version: {cleanser.__version__}\n" in text
    assert "License-Expression: MIT\n" in text
