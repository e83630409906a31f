"""``python -m cleanser.bench [PATH ...] [options]``: the same as ``cleanser bench``."""

import sys

from cleanser.bench.cli import main

if __name__ == "__main__":
    sys.exit(main())
