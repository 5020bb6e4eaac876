"""Fact-file tables as written: each ``[[source]]``, ``[[topic]]`` or ``[[fact]]`` with the
lines of its keys, so a problem or a warning points at the line of the key it is about.

Read from the text (TOML parsers give no positions), so a file with errors still has its
entries; ``check`` warns from these, and :func:`pointed` moves loading problems onto their
key's line for every command.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

from otsfacts.errors import Problem
from otsfacts.factfile import id_lines
from otsfacts.model import TABLES

_TABLES = tuple(TABLES)


@dataclass
class TableEntry:
    """One table as written, with the lines of its keys (to point warnings at them)."""

    kind: str
    table: dict[str, Any]
    path: str
    start: int  # line of its [[kind]] header, or of its id
    keys: dict[str, int]

    @property
    def id(self) -> str | None:
        value = self.table.get("id")
        return value if isinstance(value, str) else None

    def line(self, key: str | None = None) -> int:
        return self.keys.get(key, self.keys.get("id", self.start)) if key else self.keys.get("id", self.start)

    def text(self, key: str) -> str | None:
        value = self.table.get(key)
        return value if isinstance(value, str) else None

    def texts(self, key: str) -> list[str]:
        value = self.table.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(" + "|".join(TABLES) + r")[ \t]*\]\]", re.M)
# A table header line, [name] or [[name]], that ends the entry before it.
_ANY_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*[A-Za-z0-9_.\"' -]+[ \t]*\]\]?[ \t]*(#.*)?$", re.M)
_KEY = re.compile(r"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=", re.M)
_NEWLINE = re.compile("\n")


def _entries(path: str, text: str, document: dict[str, Any]) -> Iterator[TableEntry]:
    """The document's tables with their key lines, matched to their ``[[kind]]`` headers in order."""
    headers: dict[str, list[re.Match[str]]] = {kind: [] for kind in _TABLES}
    for match in _HEADER.finditer(text):
        headers[match.group(1)].append(match)
    newlines = [m.start() for m in _NEWLINE.finditer(text)]  # one pass: a line is a bisect, not a count

    def line_of(position: int) -> int:
        return bisect_right(newlines, position - 1) + 1

    ids: dict[str, int] | None = None
    for kind in _TABLES:
        tables = document.get(kind)
        if not isinstance(tables, list):
            continue
        for index, table in enumerate(tables):
            if not isinstance(table, dict):
                continue
            keys: dict[str, int] = {}
            if len(headers[kind]) == len(tables):
                header = headers[kind][index]
                following = _ANY_HEADER.search(text, header.end())
                end = following.start() if following else len(text)
                for key in _KEY.finditer(text, header.end(), end):
                    keys.setdefault(key.group(1), line_of(key.start()))
                start_line = line_of(header.start())
            else:  # written some other way (inline tables): fall back to the id's line
                if ids is None:
                    ids = id_lines(text)
                entry_id = table.get("id")
                start_line = (ids.get(entry_id) if isinstance(entry_id, str) else None) or 1
            yield TableEntry(kind, table, path, start_line, keys)


def read_tables(path: Path) -> list[TableEntry]:
    """The entries of one file; nothing if it cannot be read or parsed (the loader says why)."""
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")  # the loader skips it too
        document = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return []
    return list(_entries(str(path), text, document))



def pointed(problems: Sequence[Problem]) -> list[Problem]:
    """Loading problems pointed at the lines ``check`` gives them (their key's line), so a
    command that cannot load a file and ``check`` agree on where the problem is."""
    paths = dict.fromkeys(Path(p.path) for p in problems if p.entry and p.field)
    places = Places([e for path in paths for e in read_tables(path)])
    found = [at_key(problem, places) for problem in problems]
    order = {path: n for n, path in enumerate(dict.fromkeys(p.path for p in found))}
    return sorted(found, key=lambda p: (order[p.path], p.line or 0))  # each file's first problem first


_NUMBERED = re.compile("(" + "|".join(TABLES) + r") #(\d+)")


class Places:
    """Entries indexed once by (file, id) and by (file, kind), so matching every problem to its
    entry stays linear in a base with thousands of problems."""

    def __init__(self, entries: Sequence[TableEntry]) -> None:
        self.by_id: dict[tuple[str, str | None], list[TableEntry]] = {}
        self.by_kind: dict[tuple[str, str], list[TableEntry]] = {}
        for entry in entries:
            self.by_id.setdefault((entry.path, entry.id), []).append(entry)
            self.by_kind.setdefault((entry.path, entry.kind), []).append(entry)


def at_key(problem: Problem, places: Places) -> Problem:
    """The problem pointed at the line of the key it is about, not at its entry's id."""
    if not (problem.entry and problem.field and problem.column is None):
        return problem
    numbered = _NUMBERED.fullmatch(problem.entry)
    if numbered:  # an entry without a usable id, named by its place in the file
        same = places.by_kind.get((problem.path, numbered.group(1)), [])
        number = int(numbered.group(2))
        if number <= len(same):
            return problem._replace(line=same[number - 1].line(problem.field))
        return problem
    found = places.by_id.get((problem.path, problem.entry), [])
    if len(found) != 1 or problem.field not in found[0].keys:
        return problem
    return problem._replace(line=found[0].keys[problem.field])

