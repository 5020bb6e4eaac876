"""``show``'s view (otsfacts.detail): each fact in full as labelled lines, printed to a
pipe of a fixed width and compared line for line."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURE_BASE, FIXTURES, printed
from otsfacts.detail import fact_detail, facts_detail
from otsfacts.store import load_base

BASE = load_base([FIXTURE_BASE, FIXTURES / "detail"], builtin=False, use_env=False)
TARIFF = BASE.facts["ports-tariff"]
TARIFF_TOML = (FIXTURES / "detail" / "tariff.toml").read_text(encoding="utf-8")


def test_every_field_a_fact_has_gets_its_labelled_line() -> None:
    assert printed(fact_detail(TARIFF, BASE, width=80)) == (
        "Fact         ports-tariff\n"
        "Claim        The ministers agreed a joint port tariff.\n"
        "Date         2025-03\n"
        "Place        Baku\n"
        "Kind         decision\n"
        "Agreed by    The ministers, Transport ministers\n"
        "Quote        “we agreed a joint tariff”\n"
        "Said by      Ada Demir, Minister\n"
        "Note         The text does not say when it takes effect.\n"
        "Source       My Post, 2025-03-04 [mine-2025]\n"
        "URL          https://example.org/a (accessed 2025-03-05)\n"
        "Topics       Transport corridors [transport]\n"
        "Replaces     old-tariff, older-tariff\n"
        "Disputed by  ⚠ corridor-opened: The Northern Corridor opened in 2024. (Ada\n"
        "             Demir, The Daily, 2025-01-02)\n"
    )


def test_values_fold_under_their_label_and_ids_that_do_not_fit_go_one_a_line() -> None:
    # 30 columns leave 17 for values: the retired ids and the disputing id each get a line
    assert printed(fact_detail(TARIFF, BASE, width=30), 40) == (
        "Fact         ports-tariff\n"
        "Claim        The ministers agreed a\n"
        "             joint port tariff.\n"
        "Date         2025-03\n"
        "Place        Baku\n"
        "Kind         decision\n"
        "Agreed by    The ministers, Transport\n"
        "             ministers\n"
        "Quote        “we agreed a joint tariff”\n"
        "Said by      Ada Demir, Minister\n"
        "Note         The text does not say when\n"
        "             it takes effect.\n"
        "Source       My Post, 2025-03-04\n"
        "             [mine-2025]\n"
        "URL          https://example.org/a\n"
        "             (accessed 2025-03-05)\n"
        "Topics       Transport corridors\n"
        "             [transport]\n"
        "Replaces     old-tariff\n"
        "             older-tariff\n"
        "Disputed by  ⚠ corridor-opened\n"
        "             The Northern Corridor\n"
        "             opened in 2024. (Ada Demir,\n"
        "             The Daily, 2025-01-02)\n"
    )


def test_a_fact_without_the_optional_fields_has_only_its_own_lines() -> None:
    rival = BASE.facts["corridor-not-open"]
    assert printed(fact_detail(rival, BASE, width=80)) == (
        "Fact         corridor-not-open\n"
        "Claim        A rival says the Northern Corridor is not yet open.\n"
        "Kind         statement\n"
        "Quote        “it is not yet open”\n"
        "Said by      Bek Aral, Opposition deputy (reported by Ada Demir)\n"
        "Source       The Daily, 2025-01-02: Minister: the corridor is open\n"
        "             [daily-2025-01-02]\n"
        "Topics       Transport corridors [transport]\n"
        "Disputed by  ⚠ corridor-opened: The Northern Corridor opened in 2024. (Ada\n"
        "             Demir, The Daily, 2025-01-02)\n"
    )


def test_several_facts_are_apart_by_one_blank_line() -> None:
    cable, rival = BASE.facts["cable-capacity"], BASE.facts["corridor-not-open"]
    both = printed(facts_detail([cable, rival], BASE, width=80))
    assert both == printed(fact_detail(cable, BASE, width=80)) + "\n" + printed(fact_detail(rival, BASE, width=80))


def test_a_value_is_never_markup_nor_an_escape(tmp_path: Path) -> None:
    path = tmp_path / "evil.toml"
    path.write_text(TARIFF_TOML.replace("Baku", "[bold]Baku[/bold] \\u001b[2J"), encoding="utf-8")
    base = load_base([FIXTURE_BASE, path], builtin=False, use_env=False)
    assert "Place        [bold]Baku[/bold] \\x1b[2J\n" in printed(fact_detail(base.facts["ports-tariff"], base))
