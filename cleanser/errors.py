"""The exceptions cleanser raises; anything else escaping ``extract`` is a bug."""

from __future__ import annotations


class CleanserError(Exception):
    """Base class of every error cleanser raises on purpose."""


class NotHTMLError(CleanserError):
    """The input is binary data (an image, PDF, archive…) rather than a web page."""


class InputTooLargeError(CleanserError):
    """The input exceeds ``Options.max_bytes`` and ``Options.truncate`` is off."""


class InternalError(CleanserError):
    """An unexpected failure inside cleanser: a bug, never the page's fault.

    The original exception is ``__cause__``. Report it with the page that caused it.
    """
