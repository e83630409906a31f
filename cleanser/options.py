"""User-facing tunables, as one frozen dataclass."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from cleanser.selectors import compile_selector

# Options.max_bytes' default (the rulebook's; still importable from here).
from cleanser.vocabulary import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Options:
    """How ``extract`` trades precision against recall and what it keeps.

    ``focus``: ``"precision"`` drops lines more than 30 % link text and short
    unpunctuated lines before the first and after the last sentence;
    ``"recall"`` keeps lines up to 80 % link text and what follows an editor
    trailer; ``"balanced"`` (50 %, trailer ends the article) is the tuned default.
    ``tables``/``images``/``links``: keep those elements in ``html`` and
    ``markdown`` output (text output always includes table text).
    ``max_bytes``: inputs larger than this are truncated to it (``truncate``)
    or rejected with ``InputTooLargeError``; a ``str`` is measured in UTF-8
    bytes (three per Chinese character), not characters, so a page weighs the
    same as text or as bytes. It must be a positive ``int`` (``ValueError`` /
    ``TypeError`` here otherwise).
    ``remove_title``: drop the headline from the body text.
    ``body`` and ``drop`` correct a decision seen in ``explain``: ``body`` names
    the article's container (a CSS subset — ``#id``, ``.class``, ``tag``,
    ``[attr=value]``, descendant and ``>`` — or XPath starting with ``/``), used
    instead of the scored choice when it matches; ``drop`` names elements removed
    before scoring (a widget that leaks). A selector that does not compile raises
    ``ValueError`` here.
    ``reference_time``: when the page was fetched (a ``datetime``; naive means
    Beijing time). Relative publication times (3小时前, 昨天 12:00) are resolved
    against it; without it ``published`` stays empty for them and only
    ``published_raw`` shows what the page said.
    """

    focus: Literal["precision", "balanced", "recall"] = "balanced"
    tables: bool = True
    images: bool = True
    links: bool = True
    remove_title: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    truncate: bool = True
    body: str | None = None
    drop: tuple[str, ...] = ()
    reference_time: datetime | None = None

    def __post_init__(self) -> None:
        if self.reference_time is not None and not isinstance(self.reference_time, datetime):
            name = type(self.reference_time).__name__
            raise TypeError(f"reference_time must be a datetime, not {name}")
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int):
            raise TypeError(f"max_bytes must be an int, not {type(self.max_bytes).__name__}")
        if self.max_bytes <= 0:  # 0 would silently empty every page
            raise ValueError(f"max_bytes must be positive, not {self.max_bytes}")
        if isinstance(self.drop, str):  # Options(drop=".ad") means one selector
            object.__setattr__(self, "drop", (self.drop,))
        for selector in (self.body, *self.drop) if self.body is not None else self.drop:
            compile_selector(selector)
