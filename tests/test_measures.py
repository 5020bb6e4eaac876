"""Quantities a question asks for (otsfacts.measures): units to measures, words to measures."""

from __future__ import annotations

import pytest

from otsfacts.measures import UNITS, WORDS, measure_of_word, measures_of_unit
from otsfacts.text import fold


@pytest.mark.parametrize(("unit", "measures"), [
    ("GW", ("power",)), ("km", ("length",)), ("km²", ("area",)), ("USD", ("money",)), ("%", ("share",)),
    ("days", ("duration",)), ("people", ("population",)),
    ("times faster than by sea", ("speed",)),  # how fast, as a ratio: not a number of days
    ("tons per year", ("tonnage",)), ("kilometers a day", ("length",)),  # a unit followed by more words
    ("km per day", ()), ("gw a year", ()),  # ... but not one of two characters: those match only whole
    ("companies", ()), ("", ()), (None, ()),  # a count measures nothing
    ("kmh", ()),  # not "km" followed by a word
])
def test_a_unit_belongs_to_its_measures(unit: str | None, measures: tuple[str, ...]) -> None:
    assert measures_of_unit(unit) == measures


def test_a_word_may_ask_for_several_measures_and_is_folded() -> None:
    words = measure_of_word()
    assert words["inhabitants"] == ("population",)
    assert words["capacity"] == ("power", "tonnage")
    assert words["big"] == ("area", "money", "power")
    assert words["fast"] == ("duration", "speed") and words[fold("günə")] == ("duration",)  # "neçə günə": in how many days
    assert words[fold("Площадь")] == ("area",)
    assert "companies" not in words


def test_every_measure_has_units_and_words() -> None:
    assert set(UNITS) == set(WORDS)
    assert all(units and all(u == u.lower() for u in units) for units in UNITS.values())
