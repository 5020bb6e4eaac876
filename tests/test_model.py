"""The loaded base (otsfacts.model): how a figure reads, ids that resolve, counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE_BASE, FIXTURES
from otsfacts.model import format_number
from otsfacts.store import load_base

BASE = load_base([FIXTURE_BASE, FIXTURES / "attribution" / "acts.toml", FIXTURES / "detail"], builtin=False,
                 use_env=False)


@pytest.mark.parametrize(("value", "text"), [
    (2_100_000_000_000, "2.1 trillion"), (170_000_000, "170 million"), (1_234_567, "1,234,567"),
    (7_500_000_000, "7.5 billion"), (1_500_000, "1.5 million"), (1_234_500, "1,234,500"),  # a scale word only
    (1_234_500_000, "1234.5 million"),  # where it loses nothing
    (2000, "2,000"), (-5_000_000, "-5 million"), (0, "0"), (14.5, "14.5"), (3000.0, "3,000"), (0.25, "0.25"),
])
def test_a_figure_is_written_exactly(value: int | float, text: str) -> None:
    assert format_number(value) == text


def test_value_text_is_the_figure_with_its_hedge_and_unit() -> None:
    assert BASE.facts["cable-capacity"].value_text == "nearly 4 GW"
    assert BASE.facts["corridor-opened"].value_text is None


def test_an_actors_act_is_its_label() -> None:
    actor = BASE.facts["ports-tariff"].actor
    assert actor is not None and actor.label == "Agreed by"


def test_a_retired_id_resolves_to_the_fact_it_became() -> None:
    assert BASE.resolve("ports-tariff") == "ports-tariff"
    assert BASE.resolve("old-tariff") == BASE.resolve("older-tariff") == "ports-tariff"
    assert BASE.resolve("no-such-fact") is None


def test_counts_hold_every_topic_and_source_even_those_without_facts(tmp_path: Path) -> None:
    assert BASE.topic_counts() == {"transport": 6, "energy": 1}
    assert BASE.source_counts() == {"daily-2025-01-02": 3, "post-2025-05-06": 3, "mine-2025": 1}
    unused = tmp_path / "unused.toml"
    unused.write_text('[[topic]]\nid = "unused"\ntitle = "Unused"\ndescription = "No facts."\n\n'
                      '[[source]]\nid = "quiet-2025"\noutlet = "Quiet"\npublished = 2025-01-01\nlanguage = "en"\n'
                      'speaker = { name = "Nobody", role = "None" }\narchive = "quiet.txt"\n', encoding="utf-8")
    base = load_base([FIXTURE_BASE, unused], builtin=False, use_env=False)
    assert base.topic_counts() == {"transport": 2, "energy": 1, "unused": 0}
    assert base.source_counts() == {"daily-2025-01-02": 3, "quiet-2025": 0}
