"""Process-wide caches for functions of a short string key (class/id values, lines).

Class strings repeat across a page (every list item), so judging each once pays;
but such caches live as long as the process, and a hostile page's megabyte
``class`` attribute must not stay in them. Keys longer than
``cleanser.vocabulary.CACHE_KEY_MAX`` are computed afresh each time.

The hot paths call these hundreds of thousands of times per thousand pages, so the
cost of a hit matters more than a perfect eviction order: :class:`ShortKeyMemo` is a
``dict`` whose look-up (``memo[key]``) runs in C and calls Python only on a miss,
and a full cache is emptied at once rather than kept in LRU order (a hot key is
recomputed once after that; on the corpus an LRU of 4,096 missed as often).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Concatenate, Generic, ParamSpec, TypeVar

from cleanser.vocabulary import CACHE_KEY_MAX

_P = ParamSpec("_P")
_R = TypeVar("_R")
_K = TypeVar("_K", bound=Hashable)


class ShortKeyMemo(dict[_K, _R], Generic[_K, _R]):
    """``memo[key]``: ``func(key)`` (``func(*key)`` for a tuple key), kept when the key is short.

    A key is a ``str`` or a tuple whose first item is the ``str`` that decides the
    length (the line of text, the class value). At ``maxsize`` entries the memo is
    emptied before the next one is added.
    """

    def __init__(self, func: Callable[..., _R], maxsize: int) -> None:
        super().__init__()
        self._func = func
        self._maxsize = maxsize

    def __missing__(self, key: _K) -> _R:
        if isinstance(key, tuple):
            value = self._func(*key)
            head = key[0]
        else:
            value = self._func(key)
            head = key
        if len(head) <= CACHE_KEY_MAX:
            if len(self) >= self._maxsize:
                self.clear()
            self[key] = value
        return value


def short_key_cache(
    maxsize: int,
) -> Callable[[Callable[Concatenate[str, _P], _R]], Callable[Concatenate[str, _P], _R]]:
    """A :class:`ShortKeyMemo` behind the function's own signature (positional arguments).

    A hot call site does better to index a module-level memo itself (``memo[key]``):
    this wrapper costs one Python call more.
    """

    def wrap(func: Callable[Concatenate[str, _P], _R]) -> Callable[Concatenate[str, _P], _R]:
        memo: ShortKeyMemo[Hashable, _R] = ShortKeyMemo(func, maxsize)
        lookup = memo.__getitem__

        @functools.wraps(func)
        def call(key: str, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
            if kwargs:
                return func(key, *args, **kwargs)
            return lookup((key, *args) if args else key)

        return call

    return wrap
