"""The kind of fact a question asks for (otsfacts.kinds.fits), over the fixture base."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import FIXTURE_BASE
from otsfacts.kinds import asked_kind, asked_type_words, fits
from otsfacts.model import Fact
from otsfacts.query import analyse
from otsfacts.store import load_base

FACTS = load_base([FIXTURE_BASE], builtin=False, use_env=False).facts


@pytest.fixture()
def cable() -> Fact:
    return FACTS["cable-capacity"]  # 4 GW of wind power, no date or place


@pytest.fixture()
def opened() -> Fact:
    return FACTS["corridor-opened"]  # "opened in 2024", no figure


def test_a_question_that_asks_nothing_in_particular_fits_every_fact(cable: Fact, opened: Fact) -> None:
    assert fits(cable, analyse("undersea cable")) and fits(opened, analyse("northern corridor"))


def test_when_needs_a_time_in_the_fact(cable: Fact, opened: Fact) -> None:
    assert fits(opened, analyse("when did the corridor open"))  # "in 2024" in its words
    assert fits(cable, analyse("when will the cable carry power"))  # as of 2025
    assert not fits(replace(cable, as_of=None), analyse("when will the cable carry power"))


def test_when_will_is_not_answered_by_a_time_only_in_the_past(opened: Fact) -> None:
    recently = replace(opened, claim="The Northern Corridor recently opened.", quote="the recently opened corridor",
                       date=None)
    asked = analyse("when will the corridor open")
    assert asked.asks_future and not analyse("when did the corridor open").asks_future
    assert not fits(recently, asked) and fits(recently, analyse("when did the corridor open"))
    assert fits(replace(recently, claim="The Northern Corridor will open next year."), asked)
    assert fits(replace(recently, as_of="2026"), asked)  # a date of its own says when
    # "expected", "due", "scheduled" ask of the future too
    for text in ("when is the corridor expected to open", "when is the corridor due to open",
                 "when is the opening scheduled"):
        assert analyse(text).asks_future and not fits(recently, analyse(text)), text


@pytest.mark.parametrize(("claim", "fitted"), [
    ("The OTS aspires to observer status at the United Nations.", True),
    ("The OTS aspires to observer status at the Organization of Islamic Cooperation.", True),
    ("The OTS aspires to observer status in the OSCE.", True),
    ("The OTS aspires to a bigger role in the OTS itself.", False),  # the organisation's own name
    ("The Northern Corridor opened in the Middle Corridor's shadow.", False),  # a name, not a body
    ("The OTS expects investments in the TITR.", False),  # an abbreviation, not a body's
    ("Turkmenistan is an observer in the Turkic Council.", False),  # the organisation's old name
])
def test_where_is_answered_by_a_body_something_is_at(opened: Fact, claim: str, fitted: bool) -> None:
    body = replace(opened, claim=claim, place=None)
    assert fits(body, analyse("where does the OTS seek observer status")) is fitted
    # "which city" and "which country" ask for a town or a country, which a body is not
    assert not fits(body, analyse("in which city does the OTS seek observer status"))


def test_a_whole_year_is_not_answered_by_part_of_one(cable: Fact) -> None:
    months = replace(cable, as_of="2025-01/2025-07")
    asked = analyse("what was the trade for the whole of 2025")
    assert asked.asks_whole_year and analyse("trade in the full year 2025").asks_whole_year
    assert not analyse("what was the trade in 2025").asks_whole_year
    assert not fits(months, asked) and fits(months, analyse("what was the trade in 2025"))
    assert fits(replace(cable, as_of="2025-01/2025-12"), asked) and fits(replace(cable, as_of="2025"), asked)
    assert asked_kind(asked) == "one for a whole year"
    assert asked_kind(analyse("how much was the trade for the whole of 2025")) == "a figure, for a whole year"


def test_a_quantity_needs_a_figure_of_that_measure(cable: Fact, opened: Fact) -> None:
    assert fits(cable, analyse("how much power will the cable carry"))
    assert not fits(opened, analyse("how much power will the corridor carry"))  # no figure
    assert not fits(cable, analyse("how long is the cable"))  # a length, not power


def test_a_count_is_of_the_things_asked_for_or_what_the_base_calls_them(cable: Fact) -> None:
    assert fits(cable, analyse("how many gigawatts"))  # gigawatts ask for power
    counted = analyse("how many turbines")
    assert counted.counted == ("turbines",)
    assert not fits(cable, counted)
    assert not fits(cable, counted, {"turbines": ("wind",)})  # a measured figure is no count


def test_a_count_of_things_the_base_names_otherwise_fits_through_their_meaning(cable: Fact) -> None:
    companies = replace(cable, claim="The chamber unites over 2 million companies.", value=2_000_000,
                        unit="companies")
    asked = analyse("how many businesses")
    assert not fits(companies, asked)
    assert fits(companies, asked, {"businesses": ("companies",)})


def test_a_count_is_not_of_a_word_in_a_name(cable: Fact) -> None:
    areas = replace(cable, claim="The OTS coordinates cooperation in over 40 areas.", value=40, unit="areas",
                    aliases=("Organization of Turkic States",))
    assert not fits(areas, analyse("how many observer states does the OTS have"))  # "States" of its name
    assert fits(replace(areas, claim="Turkic States coordinate cooperation in 40 states."),
                analyse("how many observer states does the OTS have"))
    assert fits(replace(areas, claim="States coordinate cooperation in 40 areas."),
                analyse("how many states"))  # a claim's first word is capitalised as a sentence's


def test_a_day_or_a_month_asked_for_needs_a_time_that_precise(opened: Fact) -> None:
    asked_day = analyse("on what date did the corridor open")
    asked_month = analyse("what month did the corridor open")
    assert (asked_day.asks_day, asked_month.asks_month) == (True, True)
    assert not fits(opened, asked_day) and not fits(opened, asked_month)  # "in 2024" only
    assert fits(replace(opened, date="2024-05"), asked_month) and not fits(replace(opened, date="2024-05"), asked_day)
    assert fits(replace(opened, claim="The Northern Corridor opened on 27 May 2024."), asked_day)
    assert fits(opened, analyse("what year did the corridor open"))


def test_the_words_naming_the_kind_of_answer_are_those_of_the_kind_asked() -> None:
    assert asked_type_words(analyse("which city hosts the summit")) >= {"city", "country"}
    assert "year" in asked_type_words(analyse("in what year was the fund set up"))
    assert asked_type_words(analyse("city tourism capital")) == frozenset()  # asks for no kind


def test_which_country_is_answered_by_a_place_who_acted_or_a_country_named(opened: Fact) -> None:
    from otsfacts.model import Actor

    placeless = replace(opened, place=None, actor=None)
    assert not fits(placeless, analyse("which country opened the corridor"))
    assert not fits(placeless, analyse("where did the corridor open"))
    acted = replace(placeless, actor=Actor(name="Georgia", role="a member state", act="proposed"))
    assert fits(acted, analyse("which country opened the corridor"))  # who acted
    assert not fits(acted, analyse("where did the corridor open"))  # an actor is no place
    named = replace(placeless, claim="The Northern Corridor links Georgia to the sea.")
    assert fits(named, analyse("which country does the corridor reach"))


def test_a_quantity_given_in_words_answers_how_many_of_that_thing(cable: Fact) -> None:
    # "several gigawatts" is what the text says of the power: the answer to "how many
    # gigawatts", whether the question names the unit or only counts it (a typo's
    # correction, among ``forms``); not to how much money, nor to how many times
    several = replace(cable, claim="The cable is designed to carry several gigawatts.", value=None, unit=None)
    assert fits(several, analyse("how many gigawatts will the cable carry"))
    assert fits(several, analyse("cable how many gigawats"), {"gigawats": ("gigawatts",)})
    assert not fits(several, analyse("how much will the cable cost"))
    often = replace(cable, claim="The corridor was discussed numerous times.", value=None, unit=None)
    assert not fits(often, analyse("how many times did the leaders meet"))
    assert fits(replace(often, claim="The corridor is discussed in numerous meetings."),
                analyse("how many meetings discussed the corridor"))


def test_which_city_is_answered_by_a_fact_whose_claim_names_a_town(opened: Fact) -> None:
    asked = analyse("in which city was the corridor opened")
    assert asked.asks_city
    placeless = replace(opened, place=None, claim="The Northern Corridor opened in 2024.")
    assert not fits(placeless, asked)
    assert fits(replace(placeless, claim="The Northern Corridor opened in Geneva in 2024."), asked)
    assert not fits(replace(placeless, claim="The Northern Corridor opened in Kazakhstan in 2024."), asked)
    assert not fits(replace(placeless, place="Kazakhstan"), asked)  # a country is no town
