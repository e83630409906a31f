"""The batch's progress display on standard error: a rich bar on a terminal, else log lines."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

#: Seconds between progress lines when standard error is not a terminal.
LOG_PROGRESS_EVERY = 30.0
#: Seconds between refreshes of the terminal progress line.
TTY_PROGRESS_EVERY = 0.25


class Progress:
    """Pages done, pages/s and failures on standard error: rich if installed, else plain."""

    def __init__(self, total: int | None, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = enabled
        self.tty = enabled and self.stream.isatty()
        self.start = time.monotonic()
        self._last = 0.0
        self._rich: Any = None
        self._task: Any = None
        if self.tty:
            self._start_rich()

    def _start_rich(self) -> None:
        try:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress
        except ImportError:
            return
        self._rich = RichProgress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} pages/s"),
            TextColumn("[red]{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            auto_refresh=False,  # no refresh thread: workers are forked from this process
            transient=False,
        )
        self._rich.start()
        self._task = self._rich.add_task("batch", total=self.total, rate=0.0, failed=0)

    def update(self, done: int, failed: int, *, force: bool = False) -> None:
        """Show the counts (rate-limited)."""
        if not self.enabled:
            return
        now = time.monotonic()
        every = TTY_PROGRESS_EVERY if self.tty else LOG_PROGRESS_EVERY
        if not force and now - self._last < every:
            return
        self._last = now
        rate = done / max(now - self.start, 1e-9)
        if self._rich is not None:
            self._rich.update(self._task, completed=done, rate=rate, failed=failed)
            self._rich.refresh()
            return
        total = f"/{self.total}" if self.total is not None else ""
        line = f"{done}{total} pages  {rate:.1f} pages/s  {failed} failed"
        if self.tty:
            self.stream.write(f"\r{line}\033[K")
        else:
            self.stream.write(f"cleanser batch: {line}\n")
        self.stream.flush()

    def close(self) -> None:
        """Leave the terminal tidy."""
        if self._rich is not None:
            self._rich.stop()
        elif self.tty:
            self.stream.write("\n")
            self.stream.flush()
