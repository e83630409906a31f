"""Packaging: the wheel carries ``py.typed``, one version, and an SPDX licence."""

from __future__ import annotations

import os
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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel pip builds from this tree (built once for the tests below)."""
    out = tmp_path_factory.mktemp("wheel")
    res = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if res.returncode != 0 and "matching distribution" in res.stderr:
        pytest.skip("no package index to fetch setuptools>=77 from")
    assert res.returncode == 0, res.stderr
    (built,) = out.glob("cleanser-*.whl")
    return built


def test_wheel_ships_py_typed_version_and_license(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "cleanser/py.typed" in names
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        text = zf.read(meta).decode("utf-8")
    assert f"Version: {cleanser.__version__}\n" in text
    assert "License-Expression: MIT\n" in text


def test_installed_check_floors_says_where_the_floors_are(wheel: Path, tmp_path: Path) -> None:
    """From an installed cleanser the default floors file is absent: exit 2, say where to look."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)  # the layout pip installs: cleanser/ in site-packages
    corpus = tmp_path / "mine" / "news"
    corpus.mkdir(parents=True)
    sample = next(d for d in sorted((REPO / "samples").iterdir()) if (d / "expected.txt").is_file())
    (corpus / "a.html").write_bytes((sample / "page.html").read_bytes())
    (corpus / "a.txt").write_bytes((sample / "expected.txt").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(site)}
    base = [sys.executable, "-m", "cleanser", "bench", str(corpus.parent), "--extractors",
            "cleanser", "--jobs", "0", "--no-progress", "--check-floors"]  # fmt: skip

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*base, *extra], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
        )

    res = run()
    assert res.returncode == 2, res.stderr
    assert str(site / "tests" / "floors.json") in res.stderr
    assert "an installed cleanser carries no floors" in res.stderr
    assert "--floors CLONE/tests/floors.json" in res.stderr
    res = run("--floors", str(REPO / "tests" / "floors.json"))  # pointed at the clone's file
    assert res.returncode == 0, res.stderr
    assert "floors met" in res.stdout + res.stderr
