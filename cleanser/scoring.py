"""Accuracy metrics shared by the tests and the benchmark.

Char-level F1 is a bag-of-tokens comparison in which every CJK character is one
token and every run of Latin letters or digits is one token; punctuation and
whitespace are ignored. It is script-fair, unlike whitespace tokenisers, which
see a whole Chinese clause as one word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\u3040-\u30ff\uac00-\ud7af"
# one CJK/kana/hangul character, or a run of other letters/digits
_TOKEN = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])[^\W_])+")


def tokens(text: str) -> list[str]:
    """Return the scoring tokens of ``text`` after NFKC and lower-casing."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 of one page."""

    precision: float
    recall: float
    f1: float


def char_prf(output: str, gold: str) -> PRF:
    """Bag-of-tokens precision/recall/F1; an empty gold scores 1 only for empty output."""
    out_t = Counter(tokens(output))
    gold_t = Counter(tokens(gold))
    if not gold_t:
        ok = 1.0 if not out_t else 0.0
        return PRF(ok, ok, ok)
    if not out_t:
        return PRF(0.0, 0.0, 0.0)
    common = sum((out_t & gold_t).values())
    p = common / sum(out_t.values())
    r = common / sum(gold_t.values())
    f = 2 * p * r / (p + r) if common else 0.0
    return PRF(p, r, f)


def rouge_l(output: str, gold: str) -> float:
    """Order-aware F-measure from the longest common subsequence of tokens."""
    a = tokens(output)
    b = tokens(gold)
    if not b:
        return 1.0 if not a else 0.0
    if not a:
        return 0.0
    lcs = _lcs_length(a, b)
    if lcs == 0:
        return 0.0
    p = lcs / len(a)
    r = lcs / len(b)
    return 2 * p * r / (p + r)


def _lcs_length(a: list[str], b: list[str]) -> int:
    """LCS length with a rolling row; O(len(a)·len(b)) time, O(len(b)) memory."""
    if len(a) < len(b):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]
