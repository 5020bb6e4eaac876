"""Records are frozen, slotted dataclasses made by ``@record`` (or NamedTuples for small
leaves): named fields, immutable, compared by value, and never positional by accident of a
declaration's order."""

from __future__ import annotations

import ast
import dataclasses
import pickle
from pathlib import Path
from typing import Any

import pytest

from otsfacts import model
from otsfacts.errors import Problem
from otsfacts.filters import FactFilter
from otsfacts.model import Actor, Fact, FactBase, Source, Speaker, Topic
from otsfacts.record import record
from otsfacts.timeline import Entry

RECORDS = [Speaker, Actor, Source, Topic, Fact, FactBase, FactFilter, Entry]

PACKAGE = Path(model.__file__).parent


def test_keyword_construction_sets_each_named_field_with_defaults() -> None:
    speaker = Speaker(role="political scientist", name="Talgat Kaliyev")
    assert (speaker.name, speaker.role, speaker.reported_by) == ("Talgat Kaliyev", "political scientist", None)
    topic = Topic(id="trade", title="Trade", description="Trade between members")
    assert (topic.aliases, topic.path) == ((), "")


def test_records_cannot_be_changed() -> None:
    topic = Topic(id="trade", title="Trade", description="Trade between members")
    with pytest.raises(dataclasses.FrozenInstanceError):
        topic.title = "Other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del topic.title  # type: ignore[misc]
    with pytest.raises((AttributeError, TypeError)):  # slots: no new attributes either
        topic.colour = "red"  # type: ignore[attr-defined]
    assert topic.title == "Trade"


def test_equality_and_hash_follow_the_fields_and_the_type() -> None:
    a = Problem("a.toml", "bad", line=3)
    assert a == Problem(path="a.toml", message="bad", entry=None, field=None, line=3)
    assert a != Problem("a.toml", "bad", line=4)
    assert hash(a) == hash(Problem("a.toml", "bad", line=3))
    assert len({a, Problem("a.toml", "bad", line=3)}) == 1
    assert Speaker("x", "y") != ("x", "y", None)
    assert Speaker("x", "y") != Actor("x", "y", "proposed")


def test_repr_names_every_field() -> None:
    assert repr(Speaker("A", "B")) == "Speaker(name='A', role='B', reported_by=None)"


def test_replace_copies_with_changes_and_refuses_unknown_fields() -> None:
    speaker = Speaker("Ada", "Minister")
    moved = dataclasses.replace(speaker, role="Chair")
    assert moved == Speaker("Ada", "Chair") and speaker.role == "Minister"
    with pytest.raises(TypeError, match="roles"):
        dataclasses.replace(speaker, roles="Chair")  # type: ignore[call-arg]
    problem = Problem("a.toml", "bad", entry="x", field="claim")  # a leaf: a NamedTuple
    assert problem._replace(line=7) == Problem("a.toml", "bad", "x", "claim", 7) and problem.line is None
    with pytest.raises(ValueError, match="lines"):
        problem._replace(lines=7)


def test_records_survive_pickling() -> None:
    # forked workers send problems and facts back to the parent through a pipe
    problem = Problem("a.toml", "TOML syntax error", line=1, column=2)
    assert pickle.loads(pickle.dumps(problem)) == problem
    source = Source("s", "Trend", "2025-10-27", "en", Speaker("A", "B"), "s.txt", titles={"az": "Başlıq"})
    fact = Fact("f", "A claim.", "A quote.", source, (Topic("t", "T", "D"),), "statement", source.speaker)
    assert pickle.loads(pickle.dumps(fact)) == fact


def test_mappings_default_to_a_fresh_empty_one() -> None:
    one = FactBase(facts={}, topics={}, sources={})
    other = FactBase(facts={}, topics={}, sources={})
    assert one.retired == {} and one.retired is not other.retired


def _record_classes() -> list[ast.ClassDef]:
    """Every class of the package declared as a dataclass or a NamedTuple."""
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            decorated = any(ast.unparse(d) == "record" or "dataclass" in ast.unparse(d) for d in node.decorator_list)
            if decorated or any(ast.unparse(b) == "NamedTuple" for b in node.bases):
                found.append(node)
    return found


def test_no_record_declares_its_fields_as_slots() -> None:
    # A __slots__ tuple whose order was the constructor's argument order is what a lint fix
    # (ruff's RUF023 sorts __slots__) could reorder, swapping fields without a word: a
    # record's slots come from its annotations, made by dataclasses.
    names = {node.name for node in _record_classes()}
    assert {"Speaker", "Actor", "Source", "Topic", "Fact", "FactBase", "Problem", "Hit", "Match"} <= names
    for node in _record_classes():
        for statement in node.body:
            targets = statement.targets if isinstance(statement, ast.Assign) else []
            assert not any(getattr(t, "id", None) == "__slots__" for t in targets), node.name


def test_sorting_the_field_declarations_cannot_swap_values() -> None:
    # Built by keyword, a record means the same whatever order its fields are declared in.
    declared = sorted(dataclasses.fields(Speaker), key=lambda f: f.name)  # as a sorting lint would
    scrambled = dataclasses.make_dataclass("Speaker", [(f.name, f.type, dataclasses.field(default=f.default))
                                                       for f in declared], frozen=True, kw_only=True)
    made = scrambled(name="Ada", role="Minister")
    assert (made.name, made.role, made.reported_by) == ("Ada", "Minister", None)


@pytest.mark.parametrize("made", RECORDS)
def test_records_are_frozen_slotted_dataclasses(made: type) -> None:
    assert dataclasses.is_dataclass(made)
    assert "__slots__" in made.__dict__ and "__dict__" not in made.__dict__
    assert made.__slots__ == tuple(f.name for f in dataclasses.fields(made))
    instance = object.__new__(made)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
        instance.x = 1
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'x'"):
        del instance.x


def test_records_keep_each_fields_metadata() -> None:
    claim = {f.name: f for f in dataclasses.fields(Fact)}["claim"]
    assert claim.metadata["toml"] == "required" and claim.metadata["json"] == 1


@record
class _Sample:
    """A record with every kind of field: required, defaulted, made by a factory, checked after."""

    name: str
    count: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)
    checked: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "checked", True)


def test_a_record_is_built_by_position_or_keyword_with_defaults() -> None:
    assert repr(_Sample("a")) == "_Sample(name='a', count=0, tags=[], checked=True)"
    assert _Sample("a", 2, ["x"]) == _Sample(tags=["x"], count=2, name="a")
    assert _Sample("a").tags is not _Sample("a").tags  # a fresh list each time
    assert _Sample("a", checked=False).checked  # __post_init__ runs last


@pytest.mark.parametrize(("build", "message"), [
    (lambda: _Sample(), "_Sample() missing required argument: 'name'"),
    (lambda: _Sample("a", nme="b"), "_Sample() got an unexpected keyword argument 'nme'"),
    (lambda: _Sample("a", name="b"), "_Sample() got an unexpected keyword argument 'name'"),
    (lambda: _Sample("a", 1, [], True, 5), "_Sample() takes 4 positional arguments but 5 were given"),
])
def test_a_record_refuses_arguments_it_has_no_field_for(build: Any, message: str) -> None:
    with pytest.raises(TypeError) as raised:
        build()
    assert str(raised.value) == message


def test_records_compare_and_hash_by_value_within_one_class() -> None:
    one, same = Topic("t", "T", "D"), Topic("t", "T", "D")
    assert one == same and hash(one) == hash(same) and len({one, same}) == 1
    assert one != Topic("t", "T", "E") and one.__eq__(("t", "T", "D", (), "")) is NotImplemented
    nan = float("nan")  # as the generated __eq__ compares tuples: the same object first by identity
    assert _Sample("a", nan) == _Sample("a", nan) and _Sample("a", nan) != _Sample("a", float("nan"))


def test_none_for_a_mapping_still_means_an_empty_one() -> None:
    source = Source("s", "Trend", "2025-10-27", "en", Speaker("A", "B"), "s.txt", titles=None)  # type: ignore[arg-type]
    assert source.titles == {}
    assert FactBase({}, {}, {}, None).retired == {}  # type: ignore[arg-type]
