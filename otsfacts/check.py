"""``otsfacts check``: the loader's validation plus a curator's warnings, as ``path:line:`` lines.

Errors are exactly what :func:`otsfacts.store.load_base` reports (a base with any does
not load). Warnings are things that load but read badly or search badly: a figure
without a structured value, a quote far longer than its claim, an abbreviation that
neither the fact's aliases nor any text of the base spells out, a topic no fact uses, a dispute listed on one side only, a deed
(proposal, initiative, decision) whose speaker is not the source's interviewee, and text
still holding the placeholders of ``otsfacts new``. They are worked out from the TOML
tables themselves, so a file with errors still gets its warnings in the same run.

The curator's warnings are :mod:`otsfacts.curation`'s, the glossary's checks
:mod:`otsfacts.glossary_check`'s; the tables as written, with the lines of their keys,
come from :mod:`otsfacts.entries`. The JSON Schema of fact files (``fact-file.schema.json``,
generated from the model by :mod:`otsfacts.schema`) is read here for ``otsfacts schema``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from otsfacts.curation import placeholder_errors, warnings
from otsfacts.entries import Places, at_key, pointed, read_tables
from otsfacts.errors import FactBaseError, Problem
from otsfacts.glossary_check import glossary_problems
from otsfacts.model import TABLES
from otsfacts.paths import builtin_dir, env_paths, fact_files, unique
from otsfacts.schema import SCHEMA_FILE
from otsfacts.store import load_base

__all__ = ["Report", "check_paths", "pointed", "schema", "schema_text"]

_TABLES = tuple(TABLES)


def schema_text() -> str:
    """The JSON Schema of fact files, as shipped (``otsfacts schema`` prints it)."""
    from importlib.resources import files

    return files("otsfacts").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema of fact files, parsed."""
    parsed: dict[str, Any] = json.loads(schema_text())
    return parsed


@dataclass
class Report:
    """What ``check`` found in the files it was given."""

    files: list[str]
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_TABLES, 0))

    def lines(self, relative_to: Path | None = None) -> list[str]:
        """Every finding as ``path:line: error|warning: entry: field: message``, by file and line.

        Paths inside ``relative_to`` (the working directory) are shown relative to it.
        """
        rank = {path: n for n, path in enumerate(self.files)}
        found: list[tuple[tuple[int, int, int], str]] = []
        for problem in self.errors:
            found.append(((rank.get(problem.path, -1), problem.line or 0, 0),
                          _line(problem, "error", relative_to)))
        for warning in self.warnings:
            found.append(((rank.get(warning.path, -1), warning.line or 0, 1),
                          _line(warning, "warning", relative_to)))
        return [text for _, text in sorted(found, key=lambda f: f[0])]

    def summary(self) -> str:
        counts = ", ".join(_plural(self.counts[kind], kind) for kind in _TABLES)
        return (f"checked {_plural(len(self.files), 'file')} ({counts}): "
                f"{_plural(len(self.errors), 'error')}, {_plural(len(self.warnings), 'warning')}")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _shown(path: str, relative_to: Path | None) -> str:
    if relative_to is None:
        return path
    try:
        return str(Path(path).relative_to(relative_to))
    except ValueError:
        return path


def _line(item: Problem, severity: str, relative_to: Path | None = None) -> str:
    return item.describe(severity, _shown(item.path, relative_to))



# ------------------------------------------------------------------------ the checks


def check_paths(paths: Sequence[Path | str] = (), *, builtin: bool = True, allow_override: bool = False,
                use_env: bool = True) -> Report:
    """Check fact files: those ``paths`` and ``OTSFACTS_PATH`` (unless ``use_env`` is false)
    name, as every command reads them; the built-in base when they name none.

    Named files are loaded on top of the built-in base (unless ``builtin`` is false), as
    ``--facts`` loads them, so they may use its sources and topics; warnings are given
    for the named files only.
    """
    named = [*(env_paths() if use_env else []), *(Path(p) for p in paths)]
    context_files = list(fact_files([builtin_dir()])) if builtin or not named else []
    checked = context_files
    if named:
        checked = []
        for path in named:
            try:
                checked.extend(fact_files([path]) if path.exists() else [])
            except OSError:
                checked.append(path)  # too long a name, a folder that cannot be searched: the loader says why
        checked = unique(checked)
    report = Report(files=[str(p) for p in checked])
    try:
        if named:
            load_base([Path(p) for p in paths], builtin=builtin, use_env=use_env, allow_override=allow_override)
        else:
            load_base(builtin=True, use_env=False)
    except FactBaseError as error:
        report.errors = list(error.problems)

    entries = [e for p in dict.fromkeys([*context_files, *checked]) for e in read_tables(p)]
    places = Places(entries)
    report.errors = [at_key(problem, places) for problem in report.errors]
    mine = set(report.files)
    for entry in entries:
        if entry.path in mine:
            report.counts[entry.kind] += 1
    report.errors += [e for e in placeholder_errors(entries) if e.path in mine]
    report.warnings = [w for w in warnings(entries) if w.path in mine]
    for path in checked:
        try:
            with open(path, "rb") as handle:
                marked = handle.read(3) == BYTE_ORDER_MARK_BYTES
        except OSError:
            continue
        if marked:
            report.warnings.append(Problem(str(path), "starts with a byte-order mark: otsfacts skips it, but "
                                           "TOML does not allow one; save as UTF-8 without BOM", line=1))
    if builtin or not named:  # the built-in base is checked: so is the glossary shipped with it
        errors, warned = glossary_problems()
        report.errors += errors
        report.warnings += warned
    return report


BYTE_ORDER_MARK_BYTES = b"\xef\xbb\xbf"

