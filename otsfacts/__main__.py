"""``python -m otsfacts`` and the ``otsfacts`` console script.

Kept tiny so that Ctrl-C pressed while the heavier modules import still ends quietly
with exit status 130, and a Python without the dependencies says so in one line (exit
2), instead of a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from otsfacts.cli import main as cli_main
    except KeyboardInterrupt:
        sys.exit(130)
    except ModuleNotFoundError as error:
        if error.name is None or error.name.split(".")[0] == "otsfacts":
            raise
        sys.stderr.write(
            f"otsfacts: error: {error.name!r} is not installed for {sys.executable}; install otsfacts "
            "with its dependencies (README, Set-up: pip install .) or run it from that environment\n"
        )
        sys.exit(2)
    cli_main()


if __name__ == "__main__":
    main()
