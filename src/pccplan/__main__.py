"""``python -m pccplan``: the same command line as the ``pccplan`` script."""

from __future__ import annotations

import sys

from pccplan.cli import main

if __name__ == "__main__":
    sys.exit(main())
