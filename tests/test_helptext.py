"""Commands' help from their docstrings (otsfacts.helptext)."""

from __future__ import annotations

from otsfacts.helptext import help_text, literal_help


def test_literal_help_escapes_only_what_rich_would_read_as_a_tag() -> None:
    assert literal_help("a [[fact]] entry") == "a [\\[fact]] entry"
    assert literal_help("[ID]... and x[0] and [/]") == "[ID]... and x[0] and \\[/]"
    assert literal_help("already \\[fact]") == "already \\\\\\[fact]"  # a backslash before it stays literal too


def test_help_text_joins_each_paragraphs_lines_and_keeps_examples_apart() -> None:
    doc = """Search the facts.

        Each answer is a claim with
        its quote and who said it.

        Example: otsfacts search corridor
        Example: otsfacts search [[fact]]
        """
    assert help_text(doc) == (
        "Search the facts.\n\n"
        "Each answer is a claim with its quote and who said it.\n\n"
        "Example: otsfacts search corridor\nExample: otsfacts search [\\[fact]]")
