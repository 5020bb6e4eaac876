"""The tables (otsfacts.tables), each printed to a pipe of a fixed width and compared
line for line: the layouts are ours, so their exact text is pinned here."""

from __future__ import annotations

import pytest

from conftest import FIXTURE_BASE, FIXTURE_TOPICS, FIXTURES, invoke, printed
from otsfacts import tables
from otsfacts.hits import Hit
from otsfacts.store import load_base

BASE = load_base([FIXTURE_BASE], builtin=False, use_env=False)
OPENED, RIVAL, CABLE = (BASE.facts[i] for i in ("corridor-opened", "corridor-not-open", "cable-capacity"))
LONG = load_base([FIXTURE_BASE, FIXTURES / "ids"], builtin=False, use_env=False)


@pytest.mark.parametrize(("width", "limit"), [(20, 12), (40, 12), (80, 24), (87, 26), (200, 26)])
def test_said_by_takes_at_most_30_percent_from_12_to_26_columns(width: int, limit: int) -> None:
    assert tables._said_by_limit(width) == limit


def test_a_facts_table_gives_said_by_what_it_needs_and_the_claim_the_rest() -> None:
    assert printed(tables.facts_table([OPENED, RIVAL], width=50), 50) == (
        " Fact and evidence                Said by\n"
        "──────────────────────────────────────────────────\n"
        " The Northern Corridor opened     Ada Demir\n"
        " in 2024.                         Minister of\n"
        " “The Northern Corridor opened    Transport\n"
        " in 2024.”                        The Daily,\n"
        " ⚠ disputed by:                   2025-01-02\n"
        " corridor-not-open\n"
        " corridor-opened · event ·\n"
        " transport\n"
        "\n"
        " A rival says the Northern        Bek Aral\n"
        " Corridor is not yet open.        Opposition\n"
        " “it is not yet open”             deputy\n"
        " ⚠ disputed by: corridor-opened   reported by Ada\n"
        " corridor-not-open · statement    Demir\n"
        " · transport                      The Daily,\n"
        "                                  2025-01-02\n"
    )
    # wide enough: "Said by" is as wide as its longest line ("Minister of Transport"), no wider
    assert printed(tables.facts_table([CABLE], width=80)) == (
        " Fact and evidence                                        Said by\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        " The undersea cable will carry nearly 4 GW of wind        Ada Demir\n"
        " power.                                                   Minister of Transport\n"
        " nearly 4 GW (as of 2025)                                 The Daily, 2025-01-02\n"
        " “carry nearly 4 GW … of wind power”\n"
        " cable-capacity · plan · energy\n"
    )


def test_ids_too_long_for_the_claim_column_get_lines_of_their_own() -> None:
    fact = LONG.facts["rival-doubts-the-northern-corridor-will-carry-any-freight-at-all"]
    hits = [Hit(fact=fact, score=82.4)]
    assert printed(tables.facts_table([fact], hits, title="Related, not an answer", width=60), 60) == (
        "Related, not an answer\n"
        " Score   Fact and evidence               Said by\n"
        "────────────────────────────────────────────────────────────\n"
        "    82   A rival doubts the corridor     Ada Demir\n"
        "         will carry freight.             Minister of\n"
        "         “it is not yet open”            Transport\n"
        "         statement · transport           The Daily,\n"
        "                                         2025-01-02\n"
        " rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n"
        "         ⚠ disputed by:\n"
        " minister-expects-the-northern-corridor-to-carry-freight-by-2030\n"
    )


def test_a_dispute_line_too_wide_for_a_listing_puts_each_id_on_its_own_line() -> None:
    fact = LONG.facts["rival-doubts-the-northern-corridor-will-carry-any-freight-at-all"]
    assert printed(tables.facts_table([fact], width=60), 60).endswith(
        " rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n"
        " ⚠ disputed by:\n"
        " minister-expects-the-northern-corridor-to-carry-freight-by-2030\n")


def test_topics_and_sources_tables() -> None:
    assert printed(tables.topics_table(BASE)) == FIXTURE_TOPICS  # as `otsfacts topics` prints it
    assert printed(tables.sources_table(BASE)) == (
        " Source             Facts   Outlet, date and speaker\n"
        "─────────────────────────────────────────────────────────────\n"
        " daily-2025-01-02       3   The Daily, 2025-01-02\n"
        "                            Minister: the corridor is open\n"
        "                            Ada Demir, Minister of Transport\n"
    )


def test_a_fields_table_keeps_ids_whole_and_grows_past_the_width_for_them() -> None:
    rows = [["corridor-opened", "The Northern Corridor opened in 2024."], ["cable-capacity", "x"]]
    assert printed(tables.fields_table(["id", "claim"], rows, width=30), 30) == (
        " id                claim\n"
        "────────────────────────────────────────\n"
        " corridor-opened   The Northern\n"
        "                   Corridor opened in\n"
        "                   2024.\n"
        " cable-capacity    x\n"
    )


def test_a_conflicts_table_sets_the_two_sides_side_by_side() -> None:
    assert printed(tables.conflicts_table([(OPENED, RIVAL)], width=50), 50) == (
        " One side                  Disputed by\n"
        "──────────────────────────────────────────────────\n"
        " The Northern Corridor     A rival says the\n"
        " opened in 2024.           Northern Corridor is\n"
        " “The Northern Corridor    not yet open.\n"
        " opened in 2024.”          “it is not yet open”\n"
        " Ada Demir, Minister of    Bek Aral, Opposition\n"
        " Transport                 deputy (reported by\n"
        " The Daily, 2025-01-02     Ada Demir)\n"
        " corridor-opened           The Daily, 2025-01-02\n"
        "                           corridor-not-open\n"
    )


def test_a_short_listing_is_one_table_a_long_one_is_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    facts = list(BASE.facts.values())
    assert printed(tables.facts_listing(facts)) == printed(tables.facts_table(facts))
    monkeypatch.setattr(tables, "STREAM_ABOVE", 2)
    parts = list(tables.facts_listing(facts))  # chunks, not one table
    assert len(parts) == 1  # three facts make one chunk of STREAM_CHUNK
    chunks = list(tables.streamed_facts_table(facts, chunk=2))
    assert len(chunks) == 3 and chunks[1] == ""  # the blank line a chunk boundary would lose
    # the chunks share the widest "Said by" column, so they line up
    said_by = [line.index("Said by") for line in printed(chunks[0]).splitlines()[:1]]
    assert said_by == [80 - tables._said_by_limit(80) - 1]


def test_a_long_listing_is_streamed_in_chunks_laid_out_as_one_table(monkeypatch: pytest.MonkeyPatch) -> None:
    streamed = invoke("list")  # the built-in base has more facts than STREAM_ABOVE
    assert streamed.code == 0 and streamed.out.count("\n") > 1000
    monkeypatch.setattr(tables, "STREAM_ABOVE", 100_000)
    assert invoke("list").out == streamed.out  # same columns, same lines between rows

    facts = list(load_base(use_env=False).facts.values())

    def then_fail() -> object:
        yield from facts[:tables.STREAM_CHUNK]
        raise AssertionError("read past the first chunk before printing it")

    first = next(tables.streamed_facts_table(then_fail(), width=80))  # type: ignore[arg-type]
    # the header, then a row each (an id too long for its column gets a line of its own)
    rows = [part for part in first.renderables if isinstance(part, tables.FactRow)]
    assert len(rows) == tables.STREAM_CHUNK and first.renderables[0].show_header
