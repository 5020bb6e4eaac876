"""Ids are never split or dimmed: one too long for its column gets a line of its own, whole."""

from __future__ import annotations

import re

import pytest

from otsfacts.store import load_base
from conftest import FIXTURE_BASE, FIXTURES, invoke, run_process, styles_before

LONG = ["--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(FIXTURES / "ids")]


def test_search_at_40_columns() -> None:
    assert invoke("search", "freight", "minister", *LONG, width=40).out == (
        '         Fact and\n'
        ' Score   evidence          Said by\n'
        '────────────────────────────────────────\n'
        '    95   The minister      Ada Demir\n'
        '         expects freight   Minister of\n'
        '         on the corridor   Transport\n'
        '         by 2030.          The Daily,\n'
        '         “The Northern     2025-01-02\n'
        '         Corridor opened\n'
        '         in 2024.”\n'
        '         forecast ·\n'
        '         transport\n'
        ' minister-expects-the-northern-corridor-to-carry-freight-by-2030\n'
        '         ⚠ disputed by:\n'
        ' rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n'
        '\n'
        '    82   A rival doubts    Ada Demir\n'
        '         the corridor      Minister of\n'
        '         will carry        Transport\n'
        '         freight.          The Daily,\n'
        '         “it is not yet    2025-01-02\n'
        '         open”\n'
        '         statement ·\n'
        '         transport\n'
        ' rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n'
        '         ⚠ disputed by:\n'
        ' minister-expects-the-northern-corridor-to-carry-freight-by-2030\n'
    )


def test_search_at_60_columns() -> None:
    assert invoke("search", "freight", "minister", *LONG, width=60).out == (
        ' Score   Fact and evidence               Said by\n'
        '────────────────────────────────────────────────────────────\n'
        '    95   The minister expects freight    Ada Demir\n'
        '         on the corridor by 2030.        Minister of\n'
        '         “The Northern Corridor opened   Transport\n'
        '         in 2024.”                       The Daily,\n'
        '         forecast · transport            2025-01-02\n'
        ' minister-expects-the-northern-corridor-to-carry-freight-by-2030\n'
        '         ⚠ disputed by:\n'
        ' rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n'
        '\n'
        '    82   A rival doubts the corridor     Ada Demir\n'
        '         will carry freight.             Minister of\n'
        '         “it is not yet open”            Transport\n'
        '         statement · transport           The Daily,\n'
        '                                         2025-01-02\n'
        ' rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n'
        '         ⚠ disputed by:\n'
        ' minister-expects-the-northern-corridor-to-carry-freight-by-2030\n'
    )


def test_search_at_80_columns() -> None:
    assert invoke("search", "freight", "minister", *LONG, width=80).out == (
        ' Score   Fact and evidence                                Said by\n'
        '────────────────────────────────────────────────────────────────────────────────\n'
        '    95   The minister expects freight on the corridor     Ada Demir\n'
        '         by 2030.                                         Minister of Transport\n'
        '         “The Northern Corridor opened in 2024.”          The Daily, 2025-01-02\n'
        '         forecast · transport\n'
        '         minister-expects-the-northern-corridor-to-carry-freight-by-2030\n'
        '         ⚠ disputed by:\n'
        '         rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n'
        '\n'
        '    82   A rival doubts the corridor will carry           Ada Demir\n'
        '         freight.                                         Minister of Transport\n'
        '         “it is not yet open”                             The Daily, 2025-01-02\n'
        '         statement · transport\n'
        '         rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n'
        '         ⚠ disputed by:\n'
        '         minister-expects-the-northern-corridor-to-carry-freight-by-2030\n'
    )


def test_conflicts_at_60_columns_keep_both_ids_whole() -> None:
    assert invoke("conflicts", *LONG, width=60).out.split("\n\n")[1] == (
        ' The minister expects freight   A rival doubts the corridor\n'
        ' on the corridor by 2030.       will carry freight.\n'
        ' “The Northern Corridor         “it is not yet open”\n'
        ' opened in 2024.”               Ada Demir, Minister of\n'
        ' Ada Demir, Minister of         Transport\n'
        ' Transport                      The Daily, 2025-01-02\n'
        ' The Daily, 2025-01-02\n'
        ' minister-expects-the-northern-corridor-to-carry-freight-by-2030\n'
        ' rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n'
    )


def test_show_at_40_columns() -> None:
    result = invoke("show", "rival-doubts-the-northern-corridor-will-carry-any-freight-at-all", *LONG, width=40)
    assert result.out == (
        'Fact\n'
        'rival-doubts-the-northern-corridor-will-carry-any-freight-at-all\n'
        'Claim        A rival doubts the corridor\n'
        '             will carry freight.\n'
        'Kind         statement\n'
        'Quote        “it is not yet open”\n'
        'Said by      Ada Demir, Minister of\n'
        '             Transport\n'
        'Source       The Daily, 2025-01-02:\n'
        '             Minister: the corridor is\n'
        '             open [daily-2025-01-02]\n'
        'Topics       Transport corridors\n'
        '             [transport]\n'
        'Disputed by\n'
        '⚠ minister-expects-the-northern-corridor-to-carry-freight-by-2030\n'
        '             The minister expects\n'
        '             freight on the corridor by\n'
        '             2030. (Ada Demir, The\n'
        '             Daily, 2025-01-02)\n'
    )


def test_fields_table_grows_rather_than_fold_an_id() -> None:
    result = invoke("list", *LONG, "--fields", "id,kind", width=40)
    lines = result.out.splitlines()
    assert lines[0].split() == ["id", "kind"]
    assert [line.split()[0] for line in lines[2:]] == [
        "corridor-opened", "corridor-not-open", "cable-capacity",
        "minister-expects-the-northern-corridor-to-carry-freight-by-2030",
        "rival-doubts-the-northern-corridor-will-carry-any-freight-at-all",
    ]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_every_builtin_id_is_whole_on_one_line_of_list(width: int) -> None:
    out = invoke("list", width=width).out
    lines = {line.strip() for line in out.splitlines()}
    words = set(re.findall(r"[a-z0-9][a-z0-9-]*", out))
    for fact_id in load_base().facts:
        assert fact_id in words, fact_id
        assert any(line == fact_id or line.startswith(fact_id + " ") for line in lines), fact_id


def test_ids_are_not_dimmed_on_a_terminal() -> None:
    out = invoke("search", "wind", *LONG, tty=True, environ={"FORCE_COLOR": "1"}).out
    # the id is bold (1), and not dim (2), however the escapes are written
    assert "1" in styles_before(out, "cable-capacity") and "2" not in styles_before(out, "cable-capacity")


def test_piped_search_can_be_grepped_for_an_id() -> None:
    result = run_process("search", "corridor", "-n", "0", env={"COLUMNS": "80"})
    found = [line for line in result.stdout.splitlines()
             if "kaliyev-expects-summit-focus-middle-corridor-investment-instruments" in line.split()]
    assert (result.returncode, len(found)) == (0, 1)
