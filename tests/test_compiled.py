"""The optional compiled build gives exactly the results of pure Python (issue 13, item 3).

``CLEANSER_COMPILE=1 pip install .`` compiles the hot modules with mypyc (``setup.py``
lists them); a plain ``pip install .`` installs pure Python. When the cleanser under test
is a compiled build, this compares every output of ``extract()`` and ``explain()`` on the
samples with those of a pure-Python copy of the same package, run in a fresh interpreter.
Elsewhere (the usual pure install, a source checkout) it is skipped, saying so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

import pytest

import cleanser

PACKAGE = Path(cleanser.__file__).resolve().parent
COMPILED = sorted(
    str(p.relative_to(PACKAGE))
    for suffix in EXTENSION_SUFFIXES
    for p in PACKAGE.rglob(f"*{suffix}")
)

# Prints {page: {"article": extract().to_dict(), "explain": explain().to_dict()}} as JSON,
# and which file cleanser.body.features was loaded from.
DIGEST = """
import json, sys
from pathlib import Path
import cleanser, cleanser.body.features as features
out = {}
for page in sys.argv[1:]:
    raw = Path(page).read_bytes()
    out[page] = {"article": cleanser.extract(raw).to_dict(),
                 "explain": cleanser.explain(raw).to_dict()}
print(json.dumps({"features": features.__file__, "pages": out}, ensure_ascii=False))
"""


def _digest(pythonpath: Path | None, pages: list[Path]) -> dict[str, Any]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    proc = subprocess.run(
        [sys.executable, "-c", DIGEST, *map(str, pages)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


@pytest.mark.skipif(
    not COMPILED,
    reason="cleanser is pure Python here; CLEANSER_COMPILE=1 pip install . makes a compiled build",
)
def test_compiled_build_gives_the_pure_python_results(
    tmp_path: Path, sample_pages: list[Path]
) -> None:
    assert sample_pages, "no samples to compare on"
    pure = tmp_path / "pure"
    shutil.copytree(
        PACKAGE,
        pure / "cleanser",
        ignore=shutil.ignore_patterns(*(f"*{s}" for s in EXTENSION_SUFFIXES), "__pycache__"),
    )
    compiled = _digest(PACKAGE.parent, sample_pages)
    reference = _digest(pure, sample_pages)
    assert compiled["features"].endswith(tuple(EXTENSION_SUFFIXES)), compiled["features"]
    assert reference["features"].endswith(".py"), reference["features"]
    differing = [p for p in reference["pages"] if compiled["pages"][p] != reference["pages"][p]]
    assert not differing, f"compiled and pure Python differ on {differing}"
