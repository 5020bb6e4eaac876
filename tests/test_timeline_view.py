"""``otsfacts timeline`` for people (otsfacts.timeline_view), printed to a pipe of a fixed
width: dates in a column, a rule at today, ids whole."""

from __future__ import annotations

from conftest import FIXTURE_BASE, FIXTURES, printed
from otsfacts.store import load_base
from otsfacts.timeline import timeline
from otsfacts.timeline_view import timeline_view

BASE = load_base([FIXTURE_BASE, FIXTURES / "ids", FIXTURES / "detail"], builtin=False, use_env=False)


def view(today: str, width: int = 60) -> str:
    return printed(timeline_view(timeline(BASE.facts.values(), today), today, width=width), width)


def test_the_rule_marks_today_between_past_and_ahead() -> None:
    assert view("2025-03-15") == (
        "2024     The Northern Corridor opened in 2024.\n"
        "         event · Ada Demir (The Daily, 2025-01-02)\n"
        "         corridor-opened\n"
        "\n"
        "── today, 2025-03-15 ───────────────────────────────────────\n"
        "\n"
        # a month not over yet is ahead
        "2025-03  The ministers agreed a joint port tariff.\n"
        "         decision · Ada Demir (My Post, 2025-03-04)\n"
        "         ports-tariff\n"
        "\n"
        "2030     The minister expects freight on the corridor by\n"
        "         2030.\n"
        "         forecast · Ada Demir (The Daily, 2025-01-02)\n"
        # too long to stand under the claim: whole, from the edge
        "minister-expects-the-northern-corridor-to-carry-freight-by-2030\n"
    )


def test_the_rule_comes_first_when_all_is_ahead_and_last_when_all_is_past() -> None:
    assert view("2020-01-01").startswith("── today, 2020-01-01 ─")
    label = "── today, 2040-01-01 "
    assert view("2040-01-01").endswith("-2030\n\n" + label + "─" * (60 - len(label)) + "\n")
    nothing = printed(timeline_view([], "2025-01-01", width=40), 40)
    assert nothing == "\n── today, 2025-01-01 ───────────────────\n"


def test_the_rule_spans_the_width() -> None:
    assert all(len(line) == 80 for line in view("2025-03-15", 80).splitlines() if line.startswith("── today"))
