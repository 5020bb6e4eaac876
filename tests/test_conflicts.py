"""otsfacts conflicts: each disagreement once, both sides attributed."""

from __future__ import annotations

import json

from otsfacts.conflicts import conflict_pairs
from otsfacts.store import load_base
from conftest import FIXTURE_BASE, FIXTURES, fixture, invoke

ONE_WAY = FIXTURES / "check" / "warnings.toml"  # cable-is-late lists cable-capacity, not back


def test_side_by_side_with_attribution() -> None:
    result = fixture("conflicts")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        " One side                                 Disputed by\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        " The Northern Corridor opened in 2024.    A rival says the Northern Corridor is\n"
        " “The Northern Corridor opened in         not yet open.\n"
        " 2024.”                                   “it is not yet open”\n"
        " Ada Demir, Minister of Transport         Bek Aral, Opposition deputy (reported\n"
        " The Daily, 2025-01-02                    by Ada Demir)\n"
        " corridor-opened                          The Daily, 2025-01-02\n"
        "                                          corridor-not-open\n"
    )


def test_at_60_columns() -> None:
    assert fixture("conflicts", width=60).out == (
        " One side                       Disputed by\n"
        "────────────────────────────────────────────────────────────\n"
        " The Northern Corridor opened   A rival says the Northern\n"
        " in 2024.                       Corridor is not yet open.\n"
        " “The Northern Corridor         “it is not yet open”\n"
        " opened in 2024.”               Bek Aral, Opposition deputy\n"
        " Ada Demir, Minister of         (reported by Ada Demir)\n"
        " Transport                      The Daily, 2025-01-02\n"
        " The Daily, 2025-01-02          corridor-not-open\n"
        " corridor-opened\n"
    )


def test_json_pairs_are_two_full_fact_objects() -> None:
    [pair] = json.loads(fixture("conflicts", "--json").out)
    assert list(pair) == ["fact", "other"]
    assert (pair["fact"]["id"], pair["other"]["id"]) == ("corridor-opened", "corridor-not-open")
    assert pair["other"]["speaker"] == {"name": "Bek Aral", "role": "Opposition deputy", "reported_by": "Ada Demir"}


def test_each_pair_once_even_when_linked_one_way() -> None:
    result = invoke("conflicts", "--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(ONE_WAY),
                    "--format", "tsv", "--fields", "fact.id,other.id")
    assert result.out == (
        "fact.id\tother.id\n"
        "corridor-opened\tcorridor-not-open\n"
        "cable-capacity\tcable-is-late\n"
    )


def test_no_conflicts_exits_1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURE_BASE / "base.toml").read_text(encoding="utf-8")
    text = text.replace('conflicts_with = ["corridor-not-open"]\n', "").replace(
        'conflicts_with = ["corridor-opened"]\n', "")
    (tmp_path / "calm.toml").write_text(text, encoding="utf-8")
    result = invoke("conflicts", "--no-builtin", "--facts", str(tmp_path / "calm.toml"))
    assert (result.code, result.out, result.err) == (1, "", "otsfacts: no facts disagree\n")
    as_json = invoke("conflicts", "--no-builtin", "--facts", str(tmp_path / "calm.toml"), "--json")
    assert (as_json.code, as_json.out) == (1, "[]\n")


def test_the_builtin_venue_dispute_is_listed_once() -> None:
    pairs = [(a.id, b.id) for a, b in conflict_pairs(load_base(use_env=False))]
    assert ("twelfth-summit-venue-baku", "twelfth-summit-venue-gabala") in pairs
    assert len(pairs) == len({frozenset(p) for p in pairs})
