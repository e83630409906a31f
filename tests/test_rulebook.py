"""Character ranges are defined once, in the rulebook (the cleanser/vocabulary/ package).

Several modules once spelled their own "Han character" class, each slightly different
(with or without Extension A, the supplementary planes, kana and Hangul), so a fix to
one missed the others. Every module now builds its classes from vocabulary's ``HAN``,
``KANA_HANGUL``, ``CJK`` and ``HAN_UNIFIED``; this test fails when a range literal of the
Han blocks reappears anywhere else in the package.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cleanser"
RULEBOOK = PACKAGE / "vocabulary"  # a package: one module per theme

# Modules still holding their own range while another engineer splits them (issue 15,
# item 2); each moves to vocabulary's constants once its split has landed. None left.
PENDING: frozenset[str] = frozenset()

# A range whose ends are both in the Han blocks, written as escapes anywhere, or as
# characters inside a [...] class (so prose such as "标题-新闻" is no range):
# \u4e00-\u9fff, \u3400-\u9fff, \U00020000-\U0002fa1f, [一-龥] …
_ESC = r"\\u(?:3[4-9a-f]|[4-9][0-9a-f]|f[9a])[0-9a-f]{2}|\\U0002[0-9a-f]{4}"
_LIT = "[\u3400-\u9fff\uf900-\ufaff]"
HAN_RANGE = re.compile(f"(?:{_ESC})-(?:{_ESC})|\\[[^\\]]*{_LIT}-{_LIT}", re.I)


def string_literals(path: Path) -> list[tuple[int, str]]:
    """(line, source text) of every string literal in ``path``, escapes as written."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            end = node.end_lineno or node.lineno
            found.append((node.lineno, "\n".join(lines[node.lineno - 1 : end])))
    return found


def test_pattern_finds_the_ranges_it_guards() -> None:
    for written in (r"[\u4e00-\u9fff]", r"[\u3400-\u9FFF]", "[一-龥]", r"\U00020000-\U0002fa1f"):
        assert HAN_RANGE.search(written), written
    harmless_ones = (r"[\u3040-\u30ff]", r"[\u2000-\u200b]", "[0-9a-f]", "标题-新闻")
    for harmless in harmless_ones:
        assert not HAN_RANGE.search(harmless), harmless


def in_rulebook(path: Path) -> bool:
    """True for any module of the rulebook package (chars.py, lines.py, people.py ...)."""
    return RULEBOOK in path.parents


def test_rulebook_defines_the_ranges() -> None:
    assert any(
        HAN_RANGE.search(text)
        for path in sorted(RULEBOOK.glob("*.py"))
        for _, text in string_literals(path)
    )


def test_no_han_range_outside_the_rulebook() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if in_rulebook(path) or name in PENDING:
            continue
        for line, text in string_literals(path):
            if HAN_RANGE.search(text):
                offenders.append(f"cleanser/{name}:{line}")
    assert not offenders, (
        "Han character ranges belong in cleanser/vocabulary/ (HAN, CJK, HAN_UNIFIED): "
        + ", ".join(offenders)
    )


def test_pending_modules_exist() -> None:
    """A stale entry would hide nothing, but would let a renamed module slip through."""
    for name in PENDING:
        assert (PACKAGE / name).exists(), f"cleanser/{name} is gone: drop it from PENDING"


def module_names(path: Path) -> list[str]:
    """Names bound by assignments at the top level of ``path``."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        found += [t.id for t in targets if isinstance(t, ast.Name)]
    return found


def test_each_rulebook_name_is_defined_once() -> None:
    """The package re-exports its parts with star imports: a name in two parts would shadow."""
    where: dict[str, list[str]] = {}
    for path in sorted(RULEBOOK.glob("*.py")):
        for name in module_names(path):
            if not name.startswith("_"):
                where.setdefault(name, []).append(path.name)
    twice = {name: files for name, files in where.items() if len(files) > 1}
    assert not twice, f"defined in more than one part of the rulebook: {twice}"


# ---- decisions as data: stage packages hold no rule of their own (issue 15) ----------

# Packages whose modules may not keep a module-level compiled pattern or a numeric
# threshold: those live in the rulebook, one reason each.
RULE_FREE_PACKAGES = ("meta", "body", "io")
# Single top-level modules held to the same rule: the runtime's (cli/ keeps its exit
# codes; the tools around the pipeline, bench/, learn/, evaluate/, batch/, are not checked).
RULE_FREE_MODULES = (
    "article.py",
    "caching.py",
    "core.py",
    "errors.py",
    "explain.py",
    "options.py",
    "rules.py",
    "selectors.py",
)
# Modules of those packages (or in RULE_FREE_MODULES) allowed to keep one anyway: {"meta/x.py": "why it must stay"}.
RULE_ALLOWLIST: dict[str, str] = {
    "selectors.py": "_SIMPLE is the grammar of the user's CSS subset, not a rule about pages: "
    "its named groups are what _css_to_xpath reads, so the two change together",
}


def is_re_compile(node: ast.AST) -> bool:
    """``re.compile(...)`` (or a bare ``compile`` imported from re)."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr == "compile" and isinstance(func.value, ast.Name) and func.value.id == "re"
    return isinstance(func, ast.Name) and func.id == "compile"


def is_number(node: ast.AST) -> bool:
    """A numeric literal, or arithmetic on numeric literals (``-1``, ``60 * 60``)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return is_number(node.operand)
    if isinstance(node, ast.BinOp):
        return is_number(node.left) and is_number(node.right)
    return False


def rules_in(source: str) -> list[str]:
    """Module-level assignments in ``source`` that hold a rule: a compiled pattern
    anywhere in the value, or an UPPER_CASE name (``_MAX_X`` too) bound to a number."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        upper = [n for n in names if n.strip("_").isupper()]
        if any(is_re_compile(n) for n in ast.walk(value)):
            found.append(f"{node.lineno}: {', '.join(names)} = re.compile(...)")
        elif upper and is_number(value):
            found.append(f"{node.lineno}: {', '.join(upper)} = {ast.unparse(value)}")
    return found


def test_rule_detector_finds_patterns_and_thresholds() -> None:
    source = (
        "import re\nfrom typing import TypeVar\n"
        "_SEP = re.compile('[,，]')\nPAIR = (re.compile('a'), re.compile('b'))\n"
        "MAX_LINE = 16\n_RATIO: float = -0.5\nSPAN = 60 * 60\n"
        "_T = TypeVar('_T')\nlimit = 3\nFLAG = True\n"
        "def f() -> None:\n    LOCAL = re.compile('x')\n"
    )
    assert [line.split(":")[0] for line in rules_in(source)] == ["3", "4", "5", "6", "7"]


def rule_free_paths() -> list[Path]:
    """Every module of RULE_FREE_PACKAGES, then every module in RULE_FREE_MODULES."""
    paths = [p for package in RULE_FREE_PACKAGES for p in sorted((PACKAGE / package).rglob("*.py"))]
    return paths + [PACKAGE / name for name in RULE_FREE_MODULES]


def test_rule_free_modules_exist() -> None:
    """A renamed or split module would otherwise drop out of the check unnoticed."""
    for name in RULE_FREE_MODULES:
        assert (PACKAGE / name).exists(), f"cleanser/{name} is gone: fix RULE_FREE_MODULES"


def test_stage_packages_keep_no_rules_of_their_own() -> None:
    offenders = []
    for path in rule_free_paths():
        name = path.relative_to(PACKAGE).as_posix()
        if name in RULE_ALLOWLIST:
            continue
        offenders += [f"cleanser/{name}:{rule}" for rule in rules_in(path.read_text("utf-8"))]
    assert not offenders, (
        "module-level patterns and thresholds belong in cleanser/vocabulary/ "
        "(a public name, one comment saying what and why):\n" + "\n".join(offenders)
    )


def test_rule_allowlist_is_not_stale() -> None:
    for name, reason in RULE_ALLOWLIST.items():
        path = PACKAGE / name
        assert path.exists() and reason, f"cleanser/{name}: drop it from RULE_ALLOWLIST"
        assert rules_in(path.read_text("utf-8")), f"cleanser/{name} holds no rule now: drop it"
