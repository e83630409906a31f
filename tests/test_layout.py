"""The package layout holds: stages import only earlier stages, no private name crosses a
package border, and extraction never loads the evaluation, training or benchmark code.

The layers, earliest first (a module may import from its own layer or an earlier one):
the shared leaves (types, options, the cue vocabulary), ``io`` (bytes to text), ``meta``
(metadata), ``body`` (body extraction), ``core`` (the pipeline), what drives the pipeline
(``explain``, ``batch``), and the tools around it (``contrib``, ``evaluate``, ``learn``,
``bench``, ``cli``). See docs/architecture.md.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cleanser"

LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "article", "vocabulary", "caching", "selectors", "options", "rules"}),
    frozenset({"io"}),
    frozenset({"meta"}),
    frozenset({"body"}),
    frozenset({"core"}),
    frozenset({"explain", "batch", "__init__"}),  # __init__: the public API
    frozenset({"contrib", "evaluate", "learn", "bench", "cli", "__main__"}),
)
# Within the last layer: evaluate < learn < bench < cli.
TOOL_ORDER = ("contrib", "evaluate", "learn", "bench", "cli", "__main__")


def unit_of(module: str) -> str:
    """``cleanser.body.dom`` -> ``body``; ``cleanser.core`` -> ``core``; ``cleanser`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def rank(unit: str) -> tuple[int, int]:
    for i, layer in enumerate(LAYERS):
        if unit in layer:
            return i, TOOL_ORDER.index(unit) if unit in TOOL_ORDER else 0
    raise AssertionError(f"cleanser.{unit} is in no layer: add it to LAYERS")


def imports() -> list[tuple[Path, str, int, str, str]]:
    """(file, importing unit, line, imported module, imported name) for every cleanser import."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = path.relative_to(PACKAGE).with_suffix("").parts[0]  # body, core, __init__…
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.level == 0, f"{path}:{node.lineno}: use absolute cleanser.* imports"
                if node.module.split(".")[0] == "cleanser":
                    found += [(path, here, node.lineno, node.module, a.name) for a in node.names]
            elif isinstance(node, ast.Import):
                found += [
                    (path, here, node.lineno, a.name, "")
                    for a in node.names
                    if a.name.split(".")[0] == "cleanser"
                ]
    return found


def target_unit(module: str, name: str) -> str:
    """The unit an import reaches: ``from cleanser import core`` reaches ``core``."""
    is_unit = (PACKAGE / f"{name}.py").exists() or (PACKAGE / name).is_dir()
    if module == "cleanser" and name and is_unit:
        return name
    return unit_of(module)


def test_every_module_is_in_a_layer() -> None:
    units = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }
    for unit in units:
        rank(unit)


def test_stages_import_only_earlier_stages() -> None:
    wrong = []
    for path, here, line, module, name in imports():
        there = target_unit(module, name)
        if there == here or name == "__version__" or (module == "cleanser" and not name):
            continue
        if rank(there) > rank(here):
            wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {here} imports {module}")
    assert not wrong, "an import reaches a later stage:\n" + "\n".join(wrong)


def test_no_private_name_crosses_a_package_border() -> None:
    wrong = []
    for path, here, line, module, name in imports():
        private = name.startswith("_") and not name.startswith("__")
        if private and target_unit(module, name) != here:
            wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {module}.{name}")
    assert not wrong, "private names imported across packages:\n" + "\n".join(wrong)


def test_extraction_loads_no_evaluation_training_or_benchmark_code() -> None:
    code = (
        "import sys, cleanser\n"
        "cleanser.extract('<html><body><p>' + '正文内容，' * 40 + '</p></body></html>')\n"
        "cleanser.explain('<html><body><p>' + '正文内容，' * 40 + '</p></body></html>')\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('cleanser'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert "cleanser.body.selection" in out and "cleanser.meta.fields" in out
    loaded = [m for m in out if unit_of(m) in {"evaluate", "learn", "bench", "batch", "contrib"}]
    assert not loaded, f"extract() loaded {loaded}"


# body.selection runs these steps in order, each a module of its own; data flows one way:
# a step may import an earlier step, never a later one nor selection itself.
SELECTION_STEPS = ("verdicts", "choose", "regions", "clean", "page_verdict", "selection")


def test_selection_steps_import_only_earlier_steps() -> None:
    steps = [f"body/{s}" for s in SELECTION_STEPS]
    wrong = []
    for path, _, line, module, _ in imports():
        here = path.relative_to(PACKAGE).with_suffix("").as_posix()  # body/clean
        there = module.removeprefix("cleanser.").replace(".", "/")
        if here in steps and there in steps and steps.index(there) >= steps.index(here):
            wrong.append(f"cleanser/{here}.py:{line} imports {module}")
    assert not wrong, "a selection step imports a later one:\n" + "\n".join(wrong)


@pytest.mark.parametrize("unit", ["body", "meta", "io", "evaluate", "learn"])
def test_each_stage_package_says_what_it_holds(unit: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / unit / "__init__.py").read_text("utf-8")))
    assert doc and len(doc) > 40


# ---- sizes: a unit a newcomer can hold in the head -----------------------------------

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
# Modules allowed over the limit, each with its reason. Shrink this; do not grow it.
BIG_MODULES: dict[str, str] = {}
# Functions allowed over the limit, each with its reason.
BIG_FUNCTIONS = {
    "body/features.py:extract_features": "the one hot walk over the tree; locals, not calls",
    "meta/pagetext.py:__init__": "the metadata text walk, same shape as extract_features",
    "bench/cli.py:build_parser": "declarations: one add_argument per option",
    "bench/workers.py:_drive_lanes": "not split yet: the watchdog loop over worker lanes",
    "batch/scheduler.py:run_batch": "argument checks, then the scheduler's run, in order",
}


def test_modules_and_functions_are_small_or_say_why() -> None:
    big = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > MAX_MODULE_LINES and name not in BIG_MODULES:
            big.append(f"{name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                key = f"{name}:{node.name}"
                if length > MAX_FUNCTION_LINES and key not in BIG_FUNCTIONS:
                    big.append(f"{key}: {length} lines")
    assert not big, "split these, or give the reason in BIG_MODULES / BIG_FUNCTIONS:\n" + "\n".join(
        big
    )


def test_size_exceptions_are_not_stale() -> None:
    for name in BIG_MODULES:
        path = PACKAGE / name
        assert path.exists() and len(path.read_text("utf-8").splitlines()) > MAX_MODULE_LINES, name
    for key in BIG_FUNCTIONS:
        name, func = key.split(":")
        tree = ast.parse((PACKAGE / name).read_text("utf-8"))
        lengths = [
            (n.end_lineno or n.lineno) - n.lineno + 1
            for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == func
        ]
        assert any(n > MAX_FUNCTION_LINES for n in lengths), f"{key} is small now: drop it"
