"""A process-wide cache for functions of a short string key (class/id values).

Class strings repeat across a page (every list item), so judging each once pays;
but such caches live as long as the process, and a hostile page's megabyte
``class`` attribute must not stay in them. Keys longer than
``cleanser.vocabulary.CACHE_KEY_MAX`` are computed afresh each time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from cleanser.vocabulary import CACHE_KEY_MAX

_P = ParamSpec("_P")
_R = TypeVar("_R")


def short_key_cache(
    maxsize: int,
) -> Callable[[Callable[Concatenate[str, _P], _R]], Callable[Concatenate[str, _P], _R]]:
    """``functools.lru_cache(maxsize)`` for keys of at most CACHE_KEY_MAX characters."""

    def wrap(func: Callable[Concatenate[str, _P], _R]) -> Callable[Concatenate[str, _P], _R]:
        cached = functools.lru_cache(maxsize=maxsize)(func)

        @functools.wraps(func)
        def call(key: str, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            if len(key) > CACHE_KEY_MAX:
                return func(key, *args, **kwargs)
            return cached(key, *args, **kwargs)  # type: ignore[arg-type]

        return call

    return wrap
