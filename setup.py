"""Extension modules for the optional compiled build; everything else is in pyproject.toml.

By default there are none: ``pip install .`` installs pure Python, as it always has.
``CLEANSER_COMPILE=1 pip install .`` compiles the modules below with mypyc (a C compiler
is needed; ``buildtools/cleanser_backend.py`` adds mypy to the build requirements). The
compiled modules give the same results as the pure-Python ones
(tests/test_compiled.py compares them on the samples when a compiled build is installed).

The list is the extraction's hot path as measured by ``scripts/profile_extract.py``:
the feature walk and the metadata body walk, the two scorers, the selection steps, the
page kinds and the rendering. Modules left out gain little (the pipeline's glue, the
I/O, the metadata field choosers) or run once per page.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import setup

COMPILED = [
    "cleanser/caching.py",
    "cleanser/body/features.py",
    "cleanser/body/density.py",
    "cleanser/body/heuristic.py",
    "cleanser/body/records.py",
    "cleanser/body/kinds.py",
    "cleanser/body/verdicts.py",
    "cleanser/body/choose.py",
    "cleanser/body/regions.py",
    "cleanser/body/clean.py",
    "cleanser/body/page_verdict.py",
    "cleanser/body/selection.py",
    "cleanser/body/output.py",
    "cleanser/body/records_output.py",
    "cleanser/meta/pagetext.py",
    "cleanser/meta/headline.py",
    "cleanser/meta/title.py",
]


def ext_modules() -> list[Any]:
    """mypyc's extension modules for COMPILED when CLEANSER_COMPILE=1, else none."""
    if os.environ.get("CLEANSER_COMPILE", "").strip() != "1":
        return []
    from mypyc.build import mypycify

    return mypycify(COMPILED, opt_level="3", group_name="cleanser_compiled")


setup(ext_modules=ext_modules())
