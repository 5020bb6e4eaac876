"""Long output on a terminal goes through a pager, as git and gh do; never in a pipe.

The pager is ``OTSFACTS_PAGER``, else ``PAGER``, else ``less -R`` where less exists; set
to an empty string or ``cat`` it is off. ``less`` gets ``LESS=FRX`` unless ``LESS`` is
set: quit at once when the text fits on one screen, keep colours, leave the text on the
screen afterwards, so a short answer reads as if printed straight through.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
from typing import Mapping

#: What ``less`` is told when the user has not set ``LESS`` themselves.
DEFAULT_LESS = "FRX"


def pager_command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager to run, as an argument list; None for none."""
    for variable in ("OTSFACTS_PAGER", "PAGER"):
        if variable in environ:
            value = environ[variable].strip()
            break
    else:
        value = "less -R" if shutil.which("less") else ""
    try:
        command = shlex.split(value)
    except ValueError:
        return None
    if not command or command == ["cat"]:
        return None
    return command


def page(text: str, command: list[str], environ: Mapping[str, str]) -> bool:
    """Show ``text`` through ``command``; False if the pager could not be started (the
    caller then prints ``text`` itself)."""
    env = dict(environ)
    env.setdefault("LESS", DEFAULT_LESS)
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8")
    except OSError:
        return False
    try:
        assert process.stdin is not None
        process.stdin.write(text)
        process.stdin.close()
    except (BrokenPipeError, OSError):
        pass  # the reader quit before the end: that is what a pager is for
    while True:
        try:
            process.wait()
            return True
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less ignores it)
            continue
