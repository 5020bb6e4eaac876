"""The JSON output is a public contract (README, "JSON for scripts"): pinned field by field."""

from __future__ import annotations

import json

from conftest import fixture

FACT_KEYS = [
    "id", "claim", "quote", "kind", "topics", "value", "unit", "qualifier", "as_of", "date", "place",
    "speaker", "actor", "source", "aliases", "conflicts_with", "note", "replaces",
]
#: show adds which id was asked for when it is a retired one (tests/test_attribution.py)
SHOWN_KEYS = [*FACT_KEYS, "retired_id", "replaced_by"]


def test_fact_object_field_by_field() -> None:
    [record] = json.loads(fixture("show", "corridor-not-open", "--json").out)
    assert list(record) == SHOWN_KEYS
    assert record == {
        "id": "corridor-not-open",
        "claim": "A rival says the Northern Corridor is not yet open.",
        "quote": "it is not yet open",
        "kind": "statement",
        "topics": ["transport"],
        "value": None,
        "unit": None,
        "qualifier": None,
        "as_of": None,
        "date": None,
        "place": None,
        "speaker": {"name": "Bek Aral", "role": "Opposition deputy", "reported_by": "Ada Demir"},
        "actor": None,
        "source": {"id": "daily-2025-01-02", "outlet": "The Daily",
                   "title": "Minister: the corridor is open", "published": "2025-01-02", "url": None},
        "aliases": [],
        "conflicts_with": ["corridor-opened"],
        "note": None,
        "replaces": [],
        "retired_id": None,
        "replaced_by": None,
    }
    [listed] = [r for r in json.loads(fixture("list", "--json").out) if r["id"] == "corridor-not-open"]
    assert list(listed) == FACT_KEYS


def test_figures_carry_value_unit_qualifier_and_as_of() -> None:
    [record] = json.loads(fixture("show", "cable-capacity", "--json").out)
    assert (record["value"], record["unit"], record["qualifier"], record["as_of"]) == (4, "GW", "nearly", "2025")
    assert record["speaker"] == {"name": "Ada Demir", "role": "Minister of Transport", "reported_by": None}


def test_search_results_add_score_and_explain_adds_matches() -> None:
    [plain] = json.loads(fixture("search", "wind", "--json").out)
    assert list(plain) == [*FACT_KEYS, "score", "answer"]
    assert (plain["score"], plain["answer"]) == (96.4, True)
    [explained] = json.loads(fixture("search", "wind", "--json", "--explain").out)
    assert list(explained) == [*FACT_KEYS, "score", "answer", "matches", "unmatched", "similarity",
                               "spelling_rank", "meaning_rank", "encoders", "not_answer"]
    assert explained["not_answer"] is None  # an answer
    assert explained["matches"] == [
        {"word": "wind", "matched": "wind", "field": "claim", "quality": 1.0, "points": 100.0}
    ]
    assert explained["unmatched"] == []
    # spelled out in full: meaning was not needed, so it was not consulted
    assert (explained["spelling_rank"], explained["meaning_rank"], explained["similarity"]) == (1, None, None)
    assert explained["encoders"] == []


def test_json_is_utf8_without_markup_or_colour_even_on_a_terminal() -> None:
    result = fixture("sources", "--json", tty=True)
    assert "\x1b[" not in result.out
    assert "dəhliz açıqdır" in result.out  # not \\u-escaped
    json.loads(result.out)


def test_timeline_entries_add_status() -> None:
    [entry] = json.loads(fixture("timeline", "--json", "--today", "2024-06-01").out)
    assert list(entry) == [*FACT_KEYS, "status"]
    assert (entry["id"], entry["date"], entry["status"]) == ("corridor-opened", "2024", "ahead")
