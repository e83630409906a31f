"""The fitted weights of the metadata choice, read from ``cleanser/body/model.json``.

``python -m cleanser.learn.metafit --write`` stores them under the file's ``"meta"``
key: a header, then per field the evidence names and one weight per name. The
metadata layer comes before ``cleanser.body`` and imports none of its modules, so
the file is read as package data (``cleanser/body/__init__.py`` imports nothing).

A field's weights are used only when their evidence names are exactly the code's
(:data:`cleanser.meta.fitted.EVIDENCE`): weights fitted for other features would
weigh the wrong things, so the hand-set cascade decides that field instead.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from importlib import resources
from typing import Any

#: The top-level key of ``model.json`` this module reads (and metafit writes).
MODEL_KEY = "meta"


@functools.lru_cache(maxsize=1)
def stored() -> dict[str, Any]:
    """The ``"meta"`` section of the shipped ``model.json`` ({} when absent or unreadable)."""
    try:
        text = resources.files("cleanser.body").joinpath("model.json").read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError, ModuleNotFoundError):
        return {}
    section = data.get(MODEL_KEY) if isinstance(data, dict) else None
    return section if isinstance(section, dict) else {}


def field_weights(
    field: str, evidence: Sequence[str], section: dict[str, Any] | None = None
) -> tuple[float, ...] | None:
    """The weights of ``field`` when they were fitted on exactly ``evidence``, else None."""
    fields = (stored() if section is None else section).get("fields")
    entry = fields.get(field) if isinstance(fields, dict) else None
    if not isinstance(entry, dict) or entry.get("evidence") != list(evidence):
        return None
    weights = entry.get("weights")
    if not isinstance(weights, list) or len(weights) != len(evidence):
        return None
    if not all(isinstance(w, (int, float)) and math.isfinite(w) for w in weights):
        return None
    return tuple(float(w) for w in weights)
