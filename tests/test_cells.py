"""The text inside table cells (otsfacts.cells): what each cell says, in which style, and
that fact-file text in it is never markup nor a terminal escape."""

from __future__ import annotations

from conftest import FIXTURE_BASE, FIXTURES
from otsfacts import cells
from otsfacts.hits import Hit, Match
from otsfacts.store import load_base

BASE = load_base([FIXTURE_BASE], builtin=False, use_env=False)
OPENED, RIVAL, CABLE = (BASE.facts[i] for i in ("corridor-opened", "corridor-not-open", "cable-capacity"))
ACTS = load_base([FIXTURE_BASE, FIXTURES / "attribution" / "acts.toml"], builtin=False, use_env=False)


def styles(text: object) -> dict[str, str]:
    """Each styled run of a Rich ``Text`` as {its text: its style}."""
    return {text.plain[span.start:span.end]: str(span.style) for span in text.spans}  # type: ignore[attr-defined]


def test_safe_text_is_never_markup_and_escapes_controls() -> None:
    text = cells.safe_text("[bold]x[/bold] \x1b[31m", "green")
    assert (text.plain, str(text.style)) == ("[bold]x[/bold] \\x1b[31m", "green")


def test_attribution_is_who_in_what_role_who_relayed_it_where_and_when() -> None:
    cell = cells.attribution(RIVAL)
    assert cell.plain == "Bek Aral\nOpposition deputy\nreported by Ada Demir\nThe Daily, 2025-01-02"
    assert styles(cell) == {"Bek Aral": "bold", "\nOpposition deputy": "italic", "\nreported by Ada Demir": "dim",
                            "\nThe Daily, 2025-01-02": "cyan"}
    assert cells.attribution(OPENED).plain == "Ada Demir\nMinister of Transport\nThe Daily, 2025-01-02"


def test_fact_cell_holds_claim_figure_quote_disputes_id_kind_and_topics() -> None:
    assert cells.fact_cell(CABLE).plain == (
        "The undersea cable will carry nearly 4 GW of wind power.\n"
        "nearly 4 GW (as of 2025)\n"
        "“carry nearly 4 GW … of wind power”\n"
        "cable-capacity · plan · energy")
    assert cells.fact_cell(OPENED).plain == (
        "The Northern Corridor opened in 2024.\n"
        "“The Northern Corridor opened in 2024.”\n"
        "⚠ disputed by: corridor-not-open\n"
        "corridor-opened · event · transport")
    # the table gives the ids lines of their own: the cell leaves them (and the disputes) out
    assert cells.fact_cell(OPENED, show_quote=False, with_id=False).plain == (
        "The Northern Corridor opened in 2024.\nevent · transport")


def test_an_id_is_bold_never_dim() -> None:
    assert styles(cells.fact_cell(CABLE))["cable-capacity"] == cells.ID_STYLE == "bold"
    line = cells.id_line("a-very-long-id", 4)
    assert (line.plain, str(line.style), line.no_wrap, line.overflow) == ("    a-very-long-id", "bold", True, "ignore")


def test_an_act_line_says_who_did_what() -> None:
    fact = ACTS.facts["kaya-proposed-the-tariff"]
    assert fact.actor is not None
    assert cells.act_line(fact.actor) == "Proposed by Oren Kaya, Minister of Ports"
    assert "\nProposed by Oren Kaya, Minister of Ports\n" in cells.fact_cell(fact).plain
    assert "\nProposed by Oren Kaya, Minister of Ports\n" in cells.conflict_cell(fact).plain


def test_a_styled_line_keeps_its_indent_and_is_never_wrapped() -> None:
    line = cells.styled_line("⚠ disputed by:", 9, "yellow")
    assert (line.plain, str(line.style), line.no_wrap) == ("         ⚠ disputed by:", "yellow", True)


def test_conflict_cell_is_one_side_of_a_dispute() -> None:
    assert cells.conflict_cell(RIVAL).plain == (
        "A rival says the Northern Corridor is not yet open.\n"
        "“it is not yet open”\n"
        "Bek Aral, Opposition deputy (reported by Ada Demir)\n"
        "The Daily, 2025-01-02\n"
        "corridor-not-open")
    assert cells.conflict_cell(RIVAL, with_id=False).plain.endswith("\nThe Daily, 2025-01-02")


def test_explanation_says_how_each_word_scored_and_who_found_it() -> None:
    hit = Hit(fact=CABLE, score=81.25,
              matches=(Match(word="cable", matched="cable", field="claim", quality=1.0, points=50.0),
                       Match(word="wnd", matched="wind", field="quote", quality=0.6125, points=31.25)),
              unmatched=("sea",), similarity=0.4567, spelling_rank=2, meaning_rank=5)
    assert cells.explanation(hit) == (
        "score 81.25: cable (claim, exact) +50, wnd→wind (quote, ~0.61) +31.25, sea (no match) +0; "
        "found by spelling #2, meaning #5 (similarity 0.46)")
    alone = Hit(fact=CABLE, score=0.0)
    assert cells.explanation(alone) == "score 0: no word matched; found by spelling: not found, meaning: not consulted"
