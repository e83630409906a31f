"""cleanser's PEP 517 build backend: setuptools', plus mypyc when a compiled build is asked for.

``pip install .`` builds the pure-Python package exactly as setuptools does (every hook is
setuptools' own). With ``CLEANSER_COMPILE=1`` in the environment, the build also needs
mypy (whose mypyc compiles the hot modules listed in ``setup.py``) and lxml's type stubs
(mypyc compiles against the same types ``mypy --strict`` checks): this backend adds them
to the build requirements, so ``CLEANSER_COMPILE=1 pip install .`` fetches them into the
isolated build environment and nothing more is needed than a C compiler.
"""

from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (every hook not redefined below)

# What a compiled build needs besides setuptools.
COMPILE_REQUIRES = ["mypy>=1.10", "lxml-stubs"]


def compiling() -> bool:
    """Whether this build is the compiled one (``CLEANSER_COMPILE=1``)."""
    return os.environ.get("CLEANSER_COMPILE", "").strip() == "1"


def get_requires_for_build_wheel(config_settings: dict[str, str] | None = None) -> list[str]:
    """setuptools' requirements, and mypy with lxml's stubs for a compiled build."""
    if not compiling():
        return list(_setuptools.get_requires_for_build_wheel(config_settings))
    # setuptools runs setup.py to read its requirements, before mypy is installed: that
    # run must not ask for the extension modules yet.
    os.environ["CLEANSER_COMPILE"] = "0"
    try:
        requires = list(_setuptools.get_requires_for_build_wheel(config_settings))
    finally:
        os.environ["CLEANSER_COMPILE"] = "1"
    return requires + COMPILE_REQUIRES
