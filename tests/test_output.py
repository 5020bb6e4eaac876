"""How listing commands print (otsfacts.output): the one renderer, records as a table or in
a format for scripts, and search's answers with their related facts."""

from __future__ import annotations

import io
from typing import Any

import pytest

from conftest import FIXTURE_BASE, printed
from otsfacts import formats, tables
from otsfacts.answers import Answers
from otsfacts.choices import OutputFormat
from otsfacts.context import Environment, GuardedStream, OutputClosed
from otsfacts.filters import FactFilter
from otsfacts.output import Output, emit, emit_answers
from otsfacts.render import fact_record, topic_record
from otsfacts.hits import Hit
from otsfacts.store import load_base

BASE = load_base([FIXTURE_BASE], builtin=False, use_env=False)
TOPICS = [topic_record(t, n) for t, n in zip(BASE.topics.values(), (2, 1))]


def env() -> Environment:
    return Environment(stdout=io.StringIO(), stderr=io.StringIO(), width=80)


def out(e: Environment) -> str:
    return e.stdout.getvalue()  # type: ignore[attr-defined, no-any-return]


def test_a_format_for_scripts_writes_the_records_and_never_lays_out_the_table() -> None:
    def no_table() -> Any:
        raise AssertionError("the table was built for JSONL")

    e = env()
    emit(e, Output(OutputFormat.JSONL, formats.TOPIC.select("id,count")), TOPICS, no_table)
    assert out(e) == '{"id": "transport", "count": 2}\n{"id": "energy", "count": 1}\n'


def test_a_table_is_the_commands_own_unless_fields_were_named() -> None:
    e = env()
    emit(e, Output(OutputFormat.TABLE, formats.TOPIC.select(None)), TOPICS, lambda: tables.topics_table(BASE))
    assert out(e) == printed(tables.topics_table(BASE))
    named = env()
    emit(named, Output(OutputFormat.TABLE, formats.TOPIC.select("count,id")), TOPICS, lambda: 1 / 0)
    assert out(named) == (
        " count   id\n"
        "───────────────────\n"
        " 2       transport\n"
        " 1       energy\n"
    )
    nothing = env()
    emit(nothing, Output(OutputFormat.TABLE, formats.TOPIC.select("id")), [], None)
    assert out(nothing) == ""  # no header over no rows


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError


def test_a_streamed_table_is_printed_chunk_by_chunk_and_a_closed_pipe_ends_it() -> None:
    e = env()
    emit(e, Output(OutputFormat.TABLE, formats.TOPIC.select(None)), TOPICS, lambda: iter(["one", "two"]))
    assert out(e) == "one\ntwo\n"
    closed = Environment(stdout=GuardedStream(ClosedPipe()), stderr=io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(OutputClosed):  # as the console script's stdout is
        emit(closed, Output(OutputFormat.TABLE, formats.TOPIC.select(None)), TOPICS, lambda: iter(["one"]))


def test_a_closed_unguarded_stream_is_output_closed_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(os, "dup2", lambda *fds: None)  # Rich's on_broken_pipe must not close pytest's stdout
    closed = Environment(stdout=ClosedPipe(), stderr=io.StringIO())
    with pytest.raises(OutputClosed):
        emit(closed, Output(OutputFormat.TABLE, formats.TOPIC.select(None)), TOPICS, lambda: iter(["one"]))


def answers(found: list[Hit], related: list[Hit]) -> Answers:
    return Answers("corridor", tuple(found), tuple(related), None, FactFilter.resolve(BASE), 0)


def test_search_prints_related_facts_only_when_asked_or_when_a_table_has_no_answer() -> None:
    opened, cable = Hit(fact=BASE.facts["corridor-opened"], score=90.0), Hit(fact=BASE.facts["cable-capacity"],
                                                                             score=20.0)
    as_json = Output(OutputFormat.JSONL, (formats.FACT + formats.SCORE).select("id,answer"))
    e = env()
    emit_answers(e, as_json, answers([opened], [cable]), explain=False, related=False)
    assert out(e) == '{"id": "corridor-opened", "answer": true}\n'
    e = env()
    emit_answers(e, as_json, answers([opened], [cable]), explain=False, related=True)
    assert out(e) == '{"id": "corridor-opened", "answer": true}\n{"id": "cable-capacity", "answer": false}\n'
    table = Output(OutputFormat.TABLE, (formats.FACT + formats.SCORE).select(None))
    e = env()
    emit_answers(e, table, answers([], [cable]), explain=False, related=False)
    assert out(e) == printed(tables.facts_table([cable.fact], [cable], title="Related, not an answer"))
    e = env()
    emit_answers(e, as_json, answers([], [cable]), explain=False, related=False)
    assert out(e) == ""  # nothing answered: scripts get no record (the command says why, exit 1)
    assert fact_record(cable.fact, cable)["answer"] is True
