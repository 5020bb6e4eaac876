"""``python -m otsfacts`` and the ``otsfacts`` console script.

Kept tiny so that Ctrl-C pressed while the heavier modules import still ends quietly
with exit status 130, and a Python without the dependencies says so in one line (exit
2), instead of a traceback.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    # One command, then exit: nearly every object lives until the end (modules, the base),
    # so the cycle collector would only walk them again and again (about 7 ms of a 70 ms
    # search) and once more at shutdown (about 12 ms). Reference counting still frees
    # everything short-lived; nothing otsfacts builds is cyclic garbage in bulk.
    gc.disable()
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
    try:
        cli_main()
    finally:
        gc.freeze()  # out of reach of the collection at interpreter shutdown


if __name__ == "__main__":
    main()
