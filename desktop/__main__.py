"""Entry point for ``python -m desktop`` and the ``rumbo`` console script."""

from __future__ import annotations

import sys


def main() -> None:
    from desktop.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
