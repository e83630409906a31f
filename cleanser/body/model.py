"""The fitted parameters of selection, loaded from ``model.json`` beside this file.

Selection weighs its evidence with a handful of numbers (how much a flagged line
costs, when a line is link-dense, how much weight makes an article, when a
class/id verdict covers too much prose, when a line's own prose outweighs the
class token of its container). They are not set by hand: ``python -m
cleanser.learn.train`` fits them on the shared corpus and the samples, validates the
fit leave-site-out, and writes ``model.json`` with a header saying what it was
fitted on and when. ``Params()`` holds the values the search starts from.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import asdict, dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from cleanser.body.density import SHORT_LINE_CAP
from cleanser.body.kinds import EVIDENCE, KindWeights
from cleanser.body.regions import EVIDENCE as REGION_EVIDENCE
from cleanser.body.regions import RegionWeights


@dataclass(frozen=True)
class Params:
    """The numbers selection weighs its evidence with."""

    # Weight per token of a line a boilerplate verdict covers (negative: it costs).
    flagged_weight: float = 0.5
    # A class/id verdict covering more than this share of the page's prose is overruled.
    safety_share: float = 0.5
    # Link share above which a line is link-dense (balanced focus).
    link_dense_share: float = 0.5
    # Below this total weight a region is no article (list, index and error pages).
    min_article_score: float = 15.0
    # Cap on the cost of one short unpunctuated line.
    short_line_cap: float = SHORT_LINE_CAP
    # A line under a class/id token verdict (comment, reply, nav…) that is itself
    # punctuated prose of at least this many non-link tokens is kept: the line's own
    # evidence outweighs its container's name. ``inf``: the class token decides.
    markup_prose_tokens: float = math.inf
    # A page judged a list with at least this probability has no article, whatever
    # block selection found (above 1: the kind never empties it). Starts at 0: the
    # most probable kind decides, as it decides ``Article.kind``. (An in-sample fit
    # can hardly move this: kinds fitted on the same pages give their lists p > 0.5,
    # so every value up to 0.5 ties; held out, a list judged a list with p = 0.4 kept
    # its teasers as an article under 0.5.)
    kind_empty_prob: float = 0.0
    # The same for a page judged an error page (which empties only a short page, see
    # ERROR_PAGE_MAX_TOKENS). Its own value: an error verdict on a short real article
    # loses all of it, and the kind model learns errors from a handful of pages.
    error_empty_prob: float = 0.5

    def to_json(self) -> dict[str, Any]:
        """The values as JSON-safe numbers (``inf`` as the string "inf")."""
        return {k: ("inf" if v == math.inf else v) for k, v in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Params:
        """Params from ``to_json``'s output; unknown keys are an error."""
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown model parameters: {sorted(unknown)}")
        values = {k: math.inf if v == "inf" else float(v) for k, v in data.items()}
        return replace(cls(), **values)


# The fit's data file, beside this module; ``python -m cleanser.learn.train --write``
# writes it there.
MODEL_FILE = "model.json"
MODEL_PATH = Path(__file__).resolve().with_name(MODEL_FILE)


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, Any] | None:
    """``model.json`` as shipped, read once (None if it is missing)."""
    try:
        raw = resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    data: dict[str, Any] = json.loads(raw)
    return data


@functools.lru_cache(maxsize=1)
def fitted() -> Params:
    """The parameters shipped in ``model.json`` (the defaults if it is missing)."""
    data = _shipped()
    return Params() if data is None else Params.from_json(data["params"])


@functools.lru_cache(maxsize=1)
def fitted_kinds() -> KindWeights | None:
    """The page-kind weights shipped in ``model.json`` (None: not fitted yet).

    They are stored with the names of the evidence they weigh; a model written
    for other evidence is not used (the kind then falls back to the URL and
    forum-line rule in ``kinds.rejudge``).
    """
    shipped = _shipped()
    data = shipped.get("kinds") if shipped is not None else None
    if not data or tuple(data.get("evidence", ())) != EVIDENCE:
        return None
    return KindWeights({k: tuple(float(w) for w in ws) for k, ws in data["weights"].items()})


@functools.lru_cache(maxsize=1)
def fitted_regions() -> RegionWeights | None:
    """The region-choice weights shipped in ``model.json`` (None: not fitted yet).

    Like the kind weights they are stored with the names of the evidence they weigh;
    weights for other evidence are not used (the maximum-weight choice stands).
    """
    shipped = _shipped()
    data = shipped.get("regions") if shipped is not None else None
    if not data or tuple(data.get("evidence", ())) != REGION_EVIDENCE:
        return None
    return RegionWeights(tuple(float(w) for w in data["weights"]))
