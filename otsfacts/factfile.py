"""One fact file read: its TOML parsed, or the one problem that stopped it, and where its ids are.

Kept apart from validation (:mod:`otsfacts.validate`) and from assembling a base
(:mod:`otsfacts.store`): ``check`` and ``verify`` read files and find id lines too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

from otsfacts.errors import Problem

__all__ = ["BYTE_ORDER_MARK", "id_line", "id_lines", "read_document"]

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")

#: What some editors put before UTF-8 text; TOML does not allow it, the loader skips it.
BYTE_ORDER_MARK = "\ufeff"

def read_document(path: Path) -> tuple[dict[str, Any] | None, Problem | None]:
    """One file parsed, or the problem that stopped it (runs in a worker for big bases)."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        return None, Problem(str(path), "is a directory, not a fact file")
    except PermissionError:
        return None, Problem(str(path), "permission denied")
    except FileNotFoundError:
        return None, Problem(str(path), "no such file or directory")
    except OSError as error:
        return None, Problem(str(path), f"cannot read: {error.strerror or error}")
    try:
        text = data.decode("utf-8").removeprefix(BYTE_ORDER_MARK)  # as some editors save UTF-8
    except UnicodeDecodeError as error:
        return None, Problem(str(path), f"not UTF-8 text (bad byte at offset {error.start})")
    try:
        return tomllib.loads(text), None
    except RecursionError:  # arrays or inline tables nested hundreds deep
        return None, Problem(str(path), "TOML nested too deeply")
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = column = None
        if position:
            line, column = int(position.group(1)), int(position.group(2))
            message = message[: position.start()].strip()
        return None, Problem(str(path), f"TOML syntax error: {message}", line=line, column=column)



def id_line(text: str, entry_id: Any) -> int | None:
    """The line of the ``id = "entry_id"`` in a fact file's ``text``, if it is there."""
    if not isinstance(entry_id, str):
        return None
    match = re.search(r"^\s*id\s*=\s*[\"']" + re.escape(entry_id) + r"[\"']", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


_ID_LINE = re.compile(r"^[ \t]*id[ \t]*=[ \t]*[\"']([^\"'\n]*)[\"']", re.M)


def id_lines(text: str) -> dict[str, int]:
    """Every ``id = "..."`` line of a fact file's ``text``, by id (the first of a repeated id):
    found in one pass, so a file with thousands of problems is not scanned once for each."""
    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in _ID_LINE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match.group(1), line)
    return lines

