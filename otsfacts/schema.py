"""The JSON Schema of fact files, generated from the model's field metadata.

``fact-file.schema.json`` (shipped beside this module, printed by ``otsfacts schema``)
is this module's output; after changing the model, rewrite it with::

    python -m otsfacts.schema

``tests/test_schema.py`` fails while the shipped file differs from what this generates.
"""

from __future__ import annotations

import json
from dataclasses import Field
from pathlib import Path
from typing import Any

from otsfacts.model import TABLES
from otsfacts.shape import file_keys, required_keys

#: The schema file, shipped inside the package.
SCHEMA_FILE = "fact-file.schema.json"

_DESCRIPTION = ("A TOML file of [[source]], [[topic]] and [[fact]] tables for otsfacts. Mirrors the loader's "
                "checks of each entry; references between entries (a fact's source, topics and "
                "conflicts_with) are checked by `otsfacts check`.")
_PLURALS = {"source": "Sources", "topic": "Topics", "fact": "Facts"}


def _first_line(record: type) -> str:
    return (record.__doc__ or "").strip().split("\n")[0]


def _key_schema(field: Field[Any]) -> dict[str, Any]:
    metadata = field.metadata
    described: dict[str, Any] = {"description": metadata["description"]}
    if "schema" in metadata:
        return {**described, **metadata["schema"]}
    return {**described, **_table_schema(metadata["record"])}  # an inline table: its record's keys


def _table_schema(record: type) -> dict[str, Any]:
    """An object with ``record``'s file keys: required ones, no others, each with its schema."""
    table: dict[str, Any] = {"type": "object", "required": list(required_keys(record)),
                             "additionalProperties": False,
                             "properties": {f.name: _key_schema(f) for f in file_keys(record)}}
    dependencies = {f.name: [f.metadata["requires"]] for f in file_keys(record) if "requires" in f.metadata}
    if dependencies:
        table["dependencies"] = dependencies
    return table


def generate() -> dict[str, Any]:
    """The JSON Schema of a fact file, from :mod:`otsfacts.model`."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "otsfacts fact file",
        "description": _DESCRIPTION,
        "type": "object",
        "additionalProperties": False,
        "properties": {
            name: {"description": f"{_PLURALS.get(name, name.title() + 's')}: [[{name}]] tables.",
                   "type": "array",
                   "items": {"description": _first_line(record), **_table_schema(record)}}
            for name, record in TABLES.items()
        },
    }


def generated_text() -> str:
    """:func:`generate` as the shipped file holds it."""
    return json.dumps(generate(), indent=2, ensure_ascii=False) + "\n"


def schema_path() -> Path:
    return Path(__file__).with_name(SCHEMA_FILE)


def main() -> None:
    """Rewrite the shipped schema file from the model."""
    path = schema_path()
    text = generated_text()
    if path.read_text(encoding="utf-8") == text:
        print(f"{path.name} is up to date")
        return
    path.write_text(text, encoding="utf-8")
    print(f"rewrote {path}")


if __name__ == "__main__":
    main()
