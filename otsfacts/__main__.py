"""``python -m otsfacts`` and the ``otsfacts`` console script.

Kept tiny so that Ctrl-C pressed while the heavier modules import still ends quietly
with exit status 130 instead of a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from otsfacts.cli import main as cli_main
    except KeyboardInterrupt:
        sys.exit(130)
    cli_main()


if __name__ == "__main__":
    main()
