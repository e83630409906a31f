"""Why a batch cannot start: :class:`BatchError`, shared by every module of the package."""

from __future__ import annotations

from cleanser.errors import CleanserError


class BatchError(CleanserError):
    """A batch cannot start: missing inputs, an output in the way, workers that cannot run."""
