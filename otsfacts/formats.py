"""Output formats for the listing commands: field selection, JSON, JSON Lines, CSV, TSV, Markdown.

Every listing command turns what it found into records (the public JSON shapes of
:mod:`otsfacts.render`) and hands them here. ``--fields`` picks and orders fields by
dotted path (``source.outlet``); a name that is a prefix (``speaker``) takes every field
under it. JSON keeps the records' nesting; the flat formats (CSV, TSV, Markdown and the
``--fields`` table) give each field its own column with a dotted header, join lists
with ``;`` and write lists of objects as compact JSON.

Fact-file text is untrusted: every flat cell goes through :func:`render.printable` first
(so no control character reaches a terminal), then through its format's own escaping.
This module never imports Rich: only the table path does.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any, Iterable, NamedTuple, Sequence, TextIO

from otsfacts.choices import OutputFormat
from otsfacts.errors import FieldError
from otsfacts.model import Fact, Source, Topic
from otsfacts.shape import json_leaves, json_maps

#: What joins the items of a list in one flat cell; an item's own ``;`` or ``\\`` is escaped.
LIST_SEPARATOR = ";"


FieldPath = tuple[str, ...]


class RecordSpec(NamedTuple):  # leaves defined on every command's start-up path (see hits.py)
    """The fields one kind of record has, as dotted leaf paths in record order.

    ``maps`` are leaves holding a free mapping (a source's ``titles``, language to
    title): flat formats spread them into one column per key (``titles.az``), and
    ``--fields`` accepts any ``titles.KEY``.
    """

    name: str
    leaves: tuple[str, ...]
    maps: frozenset[str] = frozenset()

    def prefixed(self, prefix: str, name: str) -> "RecordSpec":
        """The same fields under ``prefix.`` (a conflict's two facts)."""
        return RecordSpec(name, tuple(f"{prefix}.{leaf}" for leaf in self.leaves),
                          frozenset(f"{prefix}.{m}" for m in self.maps))

    def __add__(self, other: "RecordSpec") -> "RecordSpec":  # type: ignore[override]  # fields, not items
        return RecordSpec(self.name, self.leaves + other.leaves, self.maps | other.maps)

    def names(self) -> list[str]:
        """Every name ``--fields`` accepts: each group (``speaker``) before its leaves."""
        names: list[str] = []
        for leaf in self.leaves:
            parts = leaf.split(".")
            for depth in range(1, len(parts) + 1):
                name = ".".join(parts[:depth])
                if name not in names:
                    names.append(name)
        return names

    def select(self, fields: str | None) -> "Selection":
        """Resolve a ``--fields`` value (comma-separated names) into leaf paths, in order.

        Raises :class:`FieldError` naming every valid field for an unknown name.
        """
        if fields is None:
            return Selection(self, tuple(tuple(leaf.split(".")) for leaf in self.leaves), explicit=False)
        names = [name.strip() for name in fields.split(",") if name.strip()]
        if not names:
            raise FieldError(self.name, "", self.names())
        chosen: list[FieldPath] = []
        for name in names:
            for path in self._resolve(name):
                if path not in chosen:
                    chosen.append(path)
        return Selection(self, tuple(chosen), explicit=True)

    def _resolve(self, name: str) -> list[FieldPath]:
        if name in self.leaves:
            return [tuple(name.split("."))]
        under = [leaf for leaf in self.leaves if leaf.startswith(name + ".")]
        if under:
            return [tuple(leaf.split(".")) for leaf in under]
        head, _, key = name.rpartition(".")
        if head in self.maps and key:
            return [tuple(head.split(".")) + (key,)]
        raise FieldError(self.name, name, self.names())


# The public record shapes of render.fact_record, topic_record and source_record (the
# README's "JSON for scripts"), from the model's fields; tests/test_formats.py checks them
# against the records render makes.
FACT = RecordSpec("facts", json_leaves(Fact))
#: ``show`` answers a retired id with the fact it became: which id was asked for, and by what replaced.
SHOWN = FACT + RecordSpec("facts", ("retired_id", "replaced_by"))
SCORE = RecordSpec("facts", ("score", "answer"))
EXPLAIN = RecordSpec("facts", ("matches", "unmatched", "similarity", "spelling_rank", "meaning_rank", "encoders",
                               "not_answer"))
TOPIC = RecordSpec("topics", (*json_leaves(Topic), "count"))
SOURCE = RecordSpec("sources", (*json_leaves(Source), "count"), maps=json_maps(Source))
CONFLICT = FACT.prefixed("fact", "conflicts") + FACT.prefixed("other", "conflicts")


#: A timeline entry: the fact, and whether its date is past or ahead of today.
TIMELINE = FACT + RecordSpec("facts", ("status",))


def search_spec(explain: bool) -> RecordSpec:
    """A search hit's fields: a fact's, its score, and with ``--explain`` how it scored."""
    return FACT + SCORE + (EXPLAIN if explain else RecordSpec("facts", ()))


class Selection(NamedTuple):
    """The leaf paths to print, in order; ``explicit`` when the user named them."""

    spec: RecordSpec
    paths: tuple[FieldPath, ...]
    explicit: bool

    def _is_map(self, path: FieldPath) -> bool:
        return ".".join(path) in self.spec.maps

    def pick(self, record: dict[str, Any]) -> dict[str, Any]:
        """The record with only the selected fields, nested as in the record, in selection order."""
        if not self.explicit:
            return record
        picked: dict[str, Any] = {}
        for path in self.paths:
            target = picked
            for key in path[:-1]:
                target = target.setdefault(key, {})
            target[path[-1]] = _get(record, path)
        return picked

    def columns(self, records: Sequence[dict[str, Any]]) -> list[FieldPath]:
        """Flat columns: each selected leaf, with a mapping leaf spread over the keys the records hold."""
        columns: list[FieldPath] = []
        for path in self.paths:
            if not self._is_map(path):
                columns.append(path)
                continue
            keys: list[str] = []
            for record in records:
                value = _get(record, path)
                for key in value if isinstance(value, dict) else ():
                    if key not in keys:
                        keys.append(key)
            # no record has any: keep the column, empty, so the header does not depend on luck
            columns.extend([path + (k,) for k in keys] or [path])
        return columns

    def table(self, records: Iterable[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
        """Dotted headers and rows of plain cell text (made printable, not yet escaped)."""
        records = list(records)
        columns = self.columns(records)
        headers = [".".join(c) for c in columns]
        rows = [[cell_text(_get(record, column)) for column in columns] for record in records]
        return headers, rows


def _get(record: Any, path: FieldPath) -> Any:
    for key in path:
        if not isinstance(record, dict):
            return None
        record = record.get(key)
    return record


def _join_item(item: Any) -> str:
    text = _scalar(item)
    return text.replace("\\", "\\\\").replace(LIST_SEPARATOR, "\\" + LIST_SEPARATOR)


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return json.dumps(value, allow_nan=False)  # numbers and booleans as JSON writes them: 4, 2.5, true


def cell_text(value: Any) -> str:
    """One flat cell: nothing for null, lists of scalars joined with ``;``, objects as JSON."""
    from otsfacts.render import printable

    if isinstance(value, list) and not any(isinstance(v, (dict, list)) for v in value):
        text = LIST_SEPARATOR.join(_join_item(v) for v in value)
    else:
        text = _scalar(value)
    return printable(text)


# ---------------------------------------------------------------------------- writers


def write_json(records: Iterable[dict[str, Any]], selection: Selection, out: TextIO) -> None:
    from otsfacts.render import write_json as write

    write((selection.pick(r) for r in records), out)


def write_jsonl(records: Iterable[dict[str, Any]], selection: Selection, out: TextIO) -> None:
    """One compact JSON object a line (JSON Lines); nothing at all when there are none."""
    from otsfacts.render import json_text

    for record in records:
        out.write(json_text(selection.pick(record)) + "\n")


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@cache  # compiled when a CSV is first written, as the two below: JSON and tables never need them
def _number() -> re.Pattern[str]:
    return re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def spreadsheet_safe(text: str) -> str:
    """A cell no spreadsheet runs as a formula: one beginning with ``= + - @``, tab or
    carriage return gets a leading ``'`` (as OWASP advises), unless it is a plain number
    such as ``-5`` (which a spreadsheet reads as that number, not as a formula)."""
    if text.startswith(FORMULA_STARTS) and not _number().fullmatch(text):
        return "'" + text
    return text


def write_csv(records: Iterable[dict[str, Any]], selection: Selection, out: TextIO, raw: bool = False) -> None:
    """RFC 4180 quoting (a cell with a comma, quote or newline is quoted), lines ending in ``\\n``;
    cells made :func:`spreadsheet_safe` unless ``raw``."""
    import csv

    headers, rows = selection.table(records)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows if raw else ([spreadsheet_safe(cell) for cell in row] for row in rows))


_TSV_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r",
                "\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@cache
def _tsv_special() -> re.Pattern[str]:
    return re.compile("[\\\\\t\n\r\x85\u2028\u2029]")


def tsv_escape(text: str) -> str:
    r"""A TSV cell: backslash, tab, newline and carriage return written as ``\\ \t \n \r``, and the
    other line breaks some readers split on (U+0085, U+2028, U+2029) as ``\x85 \u2028 \u2029``."""
    return _tsv_special().sub(lambda m: _TSV_ESCAPES[m.group()], text)


def write_tsv(records: Iterable[dict[str, Any]], selection: Selection, out: TextIO, raw: bool = False) -> None:
    headers, rows = selection.table(records)
    out.write("\t".join(tsv_escape(cell) for cell in headers) + "\n")
    for row in rows:
        out.write("\t".join(tsv_escape(cell if raw else spreadsheet_safe(cell)) for cell in row) + "\n")


# Characters that would start Markdown or HTML inside a cell, or end it (|).
_MARKDOWN_SPECIAL = set("\\`*_[]<>|&~")


def markdown_escape(text: str) -> str:
    """A GitHub-flavoured Markdown table cell: specials backslash-escaped, newlines as ``<br>``."""
    escaped = "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in text)
    return escaped.replace("\n", "<br>")


def write_markdown(records: Iterable[dict[str, Any]], selection: Selection, out: TextIO) -> None:
    headers, rows = selection.table(records)
    out.write("| " + " | ".join(markdown_escape(h) for h in headers) + " |\n")
    out.write("|" + "|".join(" --- " for _ in headers) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(markdown_escape(c) for c in row) + " |\n")


WRITERS = {
    OutputFormat.JSON: write_json,
    OutputFormat.JSONL: write_jsonl,
    OutputFormat.CSV: write_csv,
    OutputFormat.TSV: write_tsv,
    OutputFormat.MARKDOWN: write_markdown,
}


def write(records: Iterable[dict[str, Any]], fmt: OutputFormat, selection: Selection, out: TextIO,
          raw_cells: bool = False) -> None:
    """Write ``records`` to ``out`` in ``fmt`` (any format but the table); ``raw_cells`` leaves
    CSV and TSV cells as they are, without :func:`spreadsheet_safe`."""
    if fmt in (OutputFormat.CSV, OutputFormat.TSV):
        WRITERS[fmt](records, selection, out, raw=raw_cells)  # type: ignore[call-arg]
    else:
        WRITERS[fmt](records, selection, out)
