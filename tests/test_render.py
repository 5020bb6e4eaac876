"""What otsfacts prints for scripts (otsfacts.render): the JSON records, and the escaping
every output shares so that fact-file text cannot drive a terminal."""

from __future__ import annotations

import io
import json

import pytest

from conftest import FIXTURE_BASE
from otsfacts import render
from otsfacts.cite import Citation
from otsfacts.hits import Hit, Match
from otsfacts.store import load_base

BASE = load_base([FIXTURE_BASE], builtin=False, use_env=False)
CABLE = BASE.facts["cable-capacity"]


@pytest.mark.parametrize(("text", "shown"), [
    ("plain text, “quoted” and Ünïcode", "plain text, “quoted” and Ünïcode"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),  # kept: a cell may wrap
    ("red \x1b[31m", "red \\x1b[31m"),
    ("bell\x07 del\x7f c1\x85", "bell\\x07 del\\x7f c1\\x85"),
    ("\u202eevil\u2066", "\\u202eevil\\u2066"),  # bidi overrides and isolates
    ("bom\ufeff lrm\u200e", "bom\\ufeff lrm\\u200e"),
    ("lone \udc80 surrogate", "lone \\udc80 surrogate"),
])
def test_printable_shows_controls_and_bidi_as_escapes(text: str, shown: str) -> None:
    assert render.printable(text) == shown


def test_one_line_also_escapes_newlines_and_tabs() -> None:
    assert render.one_line("a\nforged line\tand \x1b[2J") == "a\\nforged line\\tand \\x1b[2J"


def test_json_text_escapes_what_could_drive_a_terminal_and_refuses_nan() -> None:
    assert render.json_text(["\x1b[31m", "\x85", "\u202e", "é “x”"]) == '["\\u001b[31m", "\\u0085", "\\u202e", "é “x”"]'
    with pytest.raises(ValueError):
        render.json_text(float("nan"))


def test_write_json_writes_one_indented_array_and_a_newline() -> None:
    out = io.StringIO()
    render.write_json(iter([{"a": 1}, {"b": None}]), out)
    assert out.getvalue() == '[\n  {\n    "a": 1\n  },\n  {\n    "b": null\n  }\n]\n'
    empty = io.StringIO()
    render.write_json([], empty)
    assert empty.getvalue() == "[]\n"


def test_fact_record_is_the_public_shape() -> None:
    assert render.fact_record(CABLE) == {
        "id": "cable-capacity",
        "claim": "The undersea cable will carry nearly 4 GW of wind power.",
        "quote": "carry nearly 4 GW … of wind power",
        "kind": "plan",
        "topics": ["energy"],
        "value": 4,
        "unit": "GW",
        "qualifier": "nearly",
        "as_of": "2025",
        "date": None,
        "place": None,
        "speaker": {"name": "Ada Demir", "role": "Minister of Transport", "reported_by": None},
        "actor": None,
        "source": {"id": "daily-2025-01-02", "outlet": "The Daily", "title": "Minister: the corridor is open",
                   "published": "2025-01-02", "url": None},
        "aliases": ["sea cable"],
        "conflicts_with": [],
        "note": None,
        "replaces": [],
    }


def test_a_search_record_adds_the_score_and_with_explain_how_it_was_found() -> None:
    hit = Hit(fact=CABLE, score=87.5, matches=(Match(word="cabel", matched="cable", field="claim", quality=0.5,
                                                     points=40.0),),
              unmatched=("sea",), similarity=0.61, spelling_rank=1, meaning_rank=3)
    plain = render.fact_record(CABLE, hit)
    assert (plain["score"], plain["answer"]) == (87.5, True) and "matches" not in plain
    related = render.fact_record(CABLE, hit, explain=True, answer=False)
    assert {k: related[k] for k in ("score", "answer", "matches", "unmatched", "similarity", "spelling_rank",
                                    "meaning_rank")} == {
        "score": 87.5, "answer": False,
        "matches": [{"word": "cabel", "matched": "cable", "field": "claim", "quality": 0.5, "points": 40.0}],
        "unmatched": ["sea"], "similarity": 0.61, "spelling_rank": 1, "meaning_rank": 3,
    }


def test_shown_record_names_the_retired_id_asked_for() -> None:
    own = render.shown_record(CABLE, "cable-capacity")
    assert (own["retired_id"], own["replaced_by"]) == (None, None)
    retired = render.shown_record(CABLE, "old-cable")
    assert (retired["id"], retired["retired_id"], retired["replaced_by"]) == ("cable-capacity", "old-cable",
                                                                             "cable-capacity")


def test_topic_and_source_records_carry_their_counts() -> None:
    assert render.topic_record(BASE.topics["energy"], 1) == {
        "id": "energy", "title": "Energy", "description": "Power and cables.", "aliases": ["wind"], "count": 1}
    source = render.source_record(BASE.sources["daily-2025-01-02"], 3)
    assert source == {
        "id": "daily-2025-01-02", "outlet": "The Daily", "title": "Minister: the corridor is open",
        "titles": {"az": "Nazir: dəhliz açıqdır"}, "published": "2025-01-02", "language": "en", "format": None,
        "speaker": {"name": "Ada Demir", "role": "Minister of Transport"}, "archive": "daily.txt",
        "url": None, "accessed": None, "count": 3,
    }
    assert json.loads(render.json_text(source)) == source


def test_citation_line_sets_italic_runs_only_with_colour_and_escapes_the_rest() -> None:
    citation = Citation(runs=(("Demir, A. (2025). ", False), ("The Daily\x1b[2J", True), (".", False)))
    assert render.citation_line(citation) == "Demir, A. (2025). The Daily\\x1b[2J."
    assert render.citation_line(citation, italic=True) == "Demir, A. (2025). \x1b[3mThe Daily\\x1b[2J\x1b[23m."
