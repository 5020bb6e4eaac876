"""The immutable record base that replaced frozen dataclasses on the start-up path."""

from __future__ import annotations

import pickle

import pytest

from otsfacts.errors import Problem
from otsfacts.model import Speaker, Topic


def test_fields_are_set_in_order_with_defaults() -> None:
    speaker = Speaker("Talgat Kaliyev", "political scientist")
    assert (speaker.name, speaker.role, speaker.reported_by) == ("Talgat Kaliyev", "political scientist", None)


def test_records_cannot_be_changed() -> None:
    topic = Topic("trade", "Trade", "Trade between members")
    with pytest.raises(AttributeError, match=r"cannot assign to Topic.title: records are immutable"):
        topic.title = "Other"  # type: ignore[misc]
    with pytest.raises(AttributeError, match=r"cannot delete Topic.title"):
        del topic.title
    with pytest.raises(AttributeError):
        topic.colour = "red"  # type: ignore[attr-defined]
    assert topic.title == "Trade"


def test_equality_and_hash_follow_the_fields_and_the_type() -> None:
    a = Problem("a.toml", "bad", line=3)
    assert a == Problem("a.toml", "bad", None, None, 3)
    assert a != Problem("a.toml", "bad", line=4)
    assert hash(a) == hash(Problem("a.toml", "bad", line=3))
    assert len({a, Problem("a.toml", "bad", line=3)}) == 1
    assert Speaker("x", "y") != ("x", "y", None)


def test_repr_names_every_field() -> None:
    assert repr(Speaker("A", "B")) == "Speaker(name='A', role='B', reported_by=None)"


def test_replace_copies_with_changes_and_refuses_unknown_fields() -> None:
    problem = Problem("a.toml", "bad", entry="x", field="claim")
    moved = problem.replace(line=7)
    assert moved == Problem("a.toml", "bad", "x", "claim", 7)
    assert problem.line is None
    with pytest.raises(TypeError, match="Problem has no field 'lines'"):
        problem.replace(lines=7)


def test_records_survive_pickling() -> None:
    # forked workers send problems back to the parent through a pipe
    problem = Problem("a.toml", "TOML syntax error", line=1, column=2)
    assert pickle.loads(pickle.dumps(problem)) == problem


def test_every_record_type_sets_every_field() -> None:
    import otsfacts.cli  # noqa: F401  (defines Output)
    from otsfacts import errors, formats, model, search  # noqa: F401
    from otsfacts.record import Record

    def subclasses(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]

    for cls in subclasses(Record):
        required = cls.__init__.__code__.co_argcount - 1 - len(cls.__init__.__defaults__ or ())
        record = cls(*range(required))
        assert [hasattr(record, name) for name in cls.__slots__] == [True] * len(cls.__slots__), cls
