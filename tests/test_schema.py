"""The JSON Schema of fact files: shipped, printed, met by the base, and in step with the loader."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from otsfacts.check import schema, schema_text
from otsfacts.errors import FactBaseError
from otsfacts.model import ACTS, FACT_KINDS, QUALIFIERS
from otsfacts.store import builtin_dir, load_base
from conftest import FIXTURE_BASE, REPO, invoke

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SCHEMA = schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """A parsed TOML document as editors validate it: dates and times become ISO strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    return value


def schema_accepts(document: dict[str, Any]) -> bool:
    return VALIDATOR.is_valid(as_json(document))


def loader_accepts(document: dict[str, Any], tmp_path: Path) -> bool:
    path = tmp_path / "doc.toml"
    path.write_text(to_toml(document), encoding="utf-8")
    try:
        load_base([path], builtin=False, use_env=False)
    except FactBaseError:
        return False
    return True


def to_toml(document: dict[str, Any]) -> str:
    """Just enough TOML writing for these documents (arrays of tables of simple values)."""
    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float, dt.date, dt.datetime)):
            return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else repr(v)
        if isinstance(v, str):
            return json.dumps(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return "{ " + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + " }"

    lines = []
    for key, tables in document.items():
        if not isinstance(tables, list):
            lines.append(f"{key} = {value(tables)}")
            continue
        for table in tables:
            lines.append(f"[[{key}]]")
            lines += [f"{json.dumps(k)} = {value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


VALID: dict[str, Any] = {
    "source": [{
        "id": "s1", "outlet": "Outlet", "published": dt.date(2025, 1, 2), "language": "en",
        "speaker": {"name": "A Person", "role": "Analyst"}, "archive": "s1.txt",
        "title": "A title", "titles": {"az": "Başlıq"}, "outlet_description": "a paper", "format": "interview",
        "dateline": "BAKU", "date_note": "as printed", "aliases": ["S one"],
        "url": "https://example.org/s1", "accessed": dt.date(2026, 1, 15),
    }],
    "topic": [{"id": "t1", "title": "Topic", "description": "A topic.", "aliases": ["tee"]}],
    "fact": [
        {"id": "f1", "claim": "A claim.", "quote": "a quote", "source": "s1", "topics": ["t1"], "kind": "figure",
         "speaker": {"name": "B Person", "role": "Deputy", "reported_by": "A Person"}, "value": 2.5, "unit": "%",
         "qualifier": "nearly", "as_of": "2024", "date": "2024", "place": "Baku", "aliases": ["claim"],
         "conflicts_with": ["f2"], "actor": {"name": "C State", "role": "Member state", "act": "proposed"},
         "note": "A curator's note.", "replaces": ["f0", "f-old"]},
        {"id": "f2", "claim": "Another.", "quote": "another", "source": "s1", "topics": ["t1"], "kind": "event",
         "conflicts_with": ["f1"]},
    ],
}


def changed(path: tuple[Any, ...], new: Any = ..., delete: bool = False) -> dict[str, Any]:
    document = copy.deepcopy(VALID)
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = new
    return document


# ------------------------------------------------------------------------- the file


def test_schema_command_prints_the_shipped_file() -> None:
    result = invoke("schema")
    assert (result.code, result.err) == (0, "")
    shipped = (REPO / "otsfacts" / "fact-file.schema.json").read_text(encoding="utf-8")
    assert result.out == shipped
    assert json.loads(result.out) == SCHEMA


def test_it_is_a_valid_draft_7_schema_and_ships_inside_the_package() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert json.loads(schema_text()) == SCHEMA
    # hatchling builds the wheel from packages = ["otsfacts"]: a file inside it ships
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["otsfacts"]
    assert "jsonschema" in " ".join(pyproject["project"]["optional-dependencies"]["test"])


@pytest.mark.parametrize("path", sorted(builtin_dir().glob("*.toml")), ids=lambda p: p.name)
def test_every_builtin_fact_file_validates(path: Path) -> None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(as_json(document))]
    assert errors == []


def test_the_fixture_base_validates() -> None:
    assert schema_accepts(tomllib.loads((FIXTURE_BASE / "base.toml").read_text(encoding="utf-8")))


def test_editor_configuration_points_at_the_schema() -> None:
    taplo = tomllib.loads((REPO / ".taplo.toml").read_text(encoding="utf-8"))
    [rule] = taplo["rule"]
    assert rule["include"] == ["facts/**/*.toml", "tests/fixtures/base/*.toml"]
    assert (REPO / rule["schema"]["path"]).resolve() == REPO / "otsfacts" / "fact-file.schema.json"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "#:schema ./fact-file.schema.json" in readme


# ------------------------------------------------------------ in step with the loader


def test_keys_and_choices_mirror_the_model() -> None:
    fact = SCHEMA["properties"]["fact"]["items"]
    assert fact["properties"]["kind"]["enum"] == list(FACT_KINDS)
    assert fact["properties"]["actor"]["properties"]["act"]["enum"] == list(ACTS)
    assert fact["properties"]["qualifier"]["enum"] == list(QUALIFIERS)


def test_the_valid_document_is_valid_for_both(tmp_path: Path) -> None:
    assert loader_accepts(VALID, tmp_path) and schema_accepts(VALID)


@pytest.mark.parametrize(("kind", "index"), [("source", 0), ("topic", 0), ("fact", 0)])
def test_required_and_optional_keys_agree(kind: str, index: int, tmp_path: Path) -> None:
    """Leaving out each key: the loader and the schema both refuse exactly the required ones."""
    required = SCHEMA["properties"][kind]["items"]["required"]
    for key in VALID[kind][index]:
        document = changed((kind, index, key), delete=True)
        if kind == "fact" and key == "conflicts_with":
            document["fact"][1]["conflicts_with"] = []  # keep the pair consistent
        if kind == "source" and key == "url":
            del document["source"][0]["accessed"]  # an access date is the url's
        assert loader_accepts(document, tmp_path) == schema_accepts(document) == (key not in required), key


BAD = {
    "unknown key": (("fact", 0, "colour"), "red"),
    "unknown source key": (("source", 0, "website"), "x"),
    "url not a web address": (("source", 0, "url"), "example.org/s1"),
    "url with a space": (("source", 0, "url"), "https://example.org/a b"),
    "accessed not a date": (("source", 0, "accessed"), "last week"),
    "actor without act": (("fact", 0, "actor"), {"name": "C State", "role": "Member state"}),
    "act not an act": (("fact", 0, "actor"), {"name": "C", "role": "R", "act": "schemed"}),
    "unknown actor key": (("fact", 0, "actor"), {"name": "C", "role": "R", "act": "proposed", "when": "2024"}),
    "blank note": (("fact", 0, "note"), " "),
    "replaces not slugs": (("fact", 0, "replaces"), ["Old Id"]),
    "unknown speaker key": (("fact", 0, "speaker"), {"name": "B", "role": "R", "age": "40"}),
    "speaker without role": (("source", 0, "speaker"), {"name": "A Person"}),
    "kind not a kind": (("fact", 0, "kind"), "rumour"),
    "qualifier not a qualifier": (("fact", 0, "qualifier"), "roughly"),
    "value a string": (("fact", 0, "value"), "many"),
    "value a boolean": (("fact", 0, "value"), True),
    "id not a slug": (("topic", 0, "id"), "Topic_One"),
    "id with a double hyphen": (("fact", 1, "id"), "f--2"),
    "empty claim": (("fact", 0, "claim"), ""),
    "blank quote": (("fact", 0, "quote"), "   "),
    "blank optional text": (("fact", 0, "place"), " "),
    "empty topics": (("fact", 0, "topics"), []),
    "blank alias": (("topic", 0, "aliases"), ["ok", " "]),
    "aliases a string": (("topic", 0, "aliases"), "tee"),
    "published a date-time": (("source", 0, "published"), dt.datetime(2025, 1, 2, 10, 0)),
    "published not a date": (("source", 0, "published"), "2 January 2025"),
    "published an impossible date": (("source", 0, "published"), "2025-02-30"),
    "titles not strings": (("source", 0, "titles"), {"az": 3}),
    "source reference not a slug": (("fact", 1, "source"), "Outlet One"),
    "unknown table": (("note",), [{"id": "n1"}]),
    "fact not an array of tables": (("fact",), {"id": "f1"}),
    "archive a relative path out": (("source", 0, "archive"), "../private.txt"),
    "archive in a subfolder": (("source", 0, "archive"), "texts/s1.txt"),
    "archive an absolute path": (("source", 0, "archive"), "/etc/passwd"),
    "archive with a backslash": (("source", 0, "archive"), "..\\s1.txt"),
    "archive the parent": (("source", 0, "archive"), ".."),
    "value infinite": (("fact", 0, "value"), float("inf")),
    "value minus infinity": (("fact", 0, "value"), float("-inf")),
    "value 2^63": (("fact", 0, "value"), 2 ** 63),
    "value 10^4000": (("fact", 0, "value"), 10 ** 4000),
    "value below -2^63": (("fact", 0, "value"), -(2 ** 63) - 1),
    "a topic listed twice": (("fact", 0, "topics"), ["t1", "t1"]),
    "an alias listed twice": (("topic", 0, "aliases"), ["tee", "tee"]),
    "a conflict listed twice": (("fact", 0, "conflicts_with"), ["f2", "f2"]),
}


@pytest.mark.parametrize("case", list(BAD))
def test_both_refuse_what_is_wrong(case: str, tmp_path: Path) -> None:
    path, value = BAD[case]
    document = changed(path, value)
    assert not loader_accepts(document, tmp_path), case
    assert not schema_accepts(document), case


OK = {
    "empty titles value": (("source", 0, "titles"), {"ru": ""}),  # the loader checks only the type
    "integer value": (("fact", 0, "value"), 2100000000000),
    "no aliases": (("topic", 0, "aliases"), []),
    "archive with dots inside": (("source", 0, "archive"), "report.2025-10-06.txt"),
    "value 2^63 - 1": (("fact", 0, "value"), 2 ** 63 - 1),
    "value -2^63": (("fact", 0, "value"), -(2 ** 63)),
}


def test_the_loader_refuses_a_quoted_date_the_schema_cannot_tell_apart(tmp_path: Path) -> None:
    # JSON has no dates: editors see a TOML date as the string it is written like
    document = changed(("source", 0, "published"), "2025-01-02")
    assert schema_accepts(document) and not loader_accepts(document, tmp_path)


def test_both_refuse_an_access_date_without_its_url(tmp_path: Path) -> None:
    document = changed(("source", 0, "url"), delete=True)
    assert not loader_accepts(document, tmp_path)
    assert not schema_accepts(document)


@pytest.mark.parametrize("case", list(OK))
def test_both_accept_what_is_right(case: str, tmp_path: Path) -> None:
    path, value = OK[case]
    document = changed(path, value)
    assert loader_accepts(document, tmp_path) and schema_accepts(document), case


# ------------------------------------------------------------ generated from the model


def test_the_shipped_schema_is_the_one_the_model_generates() -> None:
    from otsfacts.schema import generated_text

    assert schema_text() == generated_text(), "stale fact-file.schema.json: run python -m otsfacts.schema"


def test_the_loader_accepts_exactly_the_keys_of_the_model(tmp_path: Path) -> None:
    from otsfacts.model import TABLES
    from otsfacts.shape import optional_keys, required_keys
    from otsfacts.validate import Entry, Validator

    for table, record in TABLES.items():
        model_keys = {*required_keys(record), *optional_keys(record)}
        items = SCHEMA["properties"][table]["items"]
        assert items["required"] == list(required_keys(record))
        assert set(items["properties"]) == model_keys
        # every key the model has is known to the loader's check, and nothing else is
        check = Validator()
        everything = {key: "x" for key in [*model_keys, "colour"]}
        assert not check.check_keys(Entry(everything, tmp_path / "a.toml", False), record)
        assert [(p.field, p.message) for p in check.problems] == [("colour", "unknown key")]
        check = Validator()
        assert not check.check_keys(Entry({}, tmp_path / "a.toml", False), record)
        assert [p.field for p in check.problems] == list(required_keys(record))
    spoiled = copy.deepcopy(VALID)
    spoiled["fact"][0]["colour"] = "red"
    assert loader_accepts(VALID, tmp_path) and not loader_accepts(spoiled, tmp_path)


def test_python_m_otsfacts_schema_reports_an_up_to_date_file() -> None:
    import subprocess

    done = subprocess.run([sys.executable, "-m", "otsfacts.schema"], capture_output=True, text=True, check=True)
    assert done.stdout == "fact-file.schema.json is up to date\n"
