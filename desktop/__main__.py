"""Entry point for ``python -m desktop``, the ``rumbo`` console script and the built program."""

from __future__ import annotations

import sys


def main() -> None:
    import multiprocessing

    # Batch reports render in worker processes started with "spawn"; in the PyInstaller
    # program each worker is this executable again, and this call makes it a worker.
    multiprocessing.freeze_support()
    from desktop.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
