"""``python -m cleanser.cli …``: the same command line as the ``cleanser`` script."""

from __future__ import annotations

import sys

from cleanser.cli import main

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
