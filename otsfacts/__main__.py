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
        script = checkout_script()
        if script is None:
            advice = ("install otsfacts with its dependencies (README, Set-up: pip install .) "
                      "or run it from that environment")
        else:
            import shlex

            advice = "this checkout's environment has them: " + shlex.join([script, *sys.argv[1:]])
        sys.stderr.write(f"otsfacts: error: {error.name!r} is not installed for {sys.executable}; {advice}\n")
        sys.exit(2)
    try:
        cli_main()
    finally:
        gc.freeze()  # out of reach of the collection at interpreter shutdown


def checkout_script() -> str | None:
    """The otsfacts script of the environment the README's test command makes in this
    checkout (``.venv``), as a path from the working directory; None if there is none."""
    import os

    script = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".venv", "bin", "otsfacts")
    if not os.path.exists(script):
        return None
    try:
        return os.path.relpath(script)
    except ValueError:  # another drive
        return script


if __name__ == "__main__":
    main()
