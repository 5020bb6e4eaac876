"""--topic, --source, --kind, --speaker, --since/--until, --sort and list --limit, on the fixture base."""

from __future__ import annotations

import json

from otsfacts.filters import date_bounds
from conftest import fixture, invoke


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for line in result.out.splitlines()[1:]]


def tsv(*args: str) -> list[str]:
    result = fixture(*args, "--format", "tsv", "--fields", "id")
    assert result.code == 0, result.err
    return result.out.splitlines()[1:]


def test_repeated_topics_mean_any_of_them() -> None:
    both = ["corridor-opened", "corridor-not-open", "cable-capacity"]
    assert tsv("list", "--topic", "transport", "--topic", "energy") == both
    assert tsv("list", "-t", "transport,energy") == both
    assert tsv("list", "-t", "energy, transport") == both


def test_repeated_topics_in_search() -> None:
    assert tsv("search", "corridor", "cable", "--min-score", "0", "-t", "transport", "-t", "energy") \
        == tsv("search", "corridor", "cable", "--min-score", "0")
    assert tsv("search", "corridor", "cable", "--min-score", "0", "-t", "energy") == ["cable-capacity"]


def test_topics_resolve_by_id_alias_or_title_in_any_case() -> None:
    for name in ("energy", "Energy", "ENERGY", "wind", "Wind"):
        assert tsv("list", "--topic", name) == ["cable-capacity"], name
    assert tsv("list", "--topic", "transport corridors") == ["corridor-opened", "corridor-not-open"]


def test_builtin_alias_trade_is_economy() -> None:
    trade = invoke("list", "--topic", "trade", "--format", "tsv", "--fields", "id")
    economy = invoke("list", "--topic", "economy", "--format", "tsv", "--fields", "id")
    assert (trade.code, trade.err) == (0, "")
    assert trade.out == economy.out


def test_kind_filter() -> None:
    assert tsv("list", "--kind", "plan") == ["cable-capacity"]
    assert tsv("list", "-k", "event,plan") == ["corridor-opened", "cable-capacity"]
    bad = fixture("list", "--kind", "rumour")
    assert (bad.code, bad.err) == (2, "otsfacts: error: unknown kind 'rumour'; kinds: figure, event, plan, "
                                      "forecast, proposal, initiative, decision, statement\n")


def test_speaker_filter_is_case_and_accent_insensitive_and_matches_who_reported() -> None:
    assert tsv("list", "--speaker", "bek aral") == ["corridor-not-open"]
    assert tsv("list", "--speaker", "BEK") == ["corridor-not-open"]
    # Ada Demir said two of them and reported the third
    assert tsv("list", "--speaker", "ada demır") == ["corridor-opened", "corridor-not-open", "cable-capacity"]
    unknown = fixture("list", "--speaker", "Ada Dimir")
    assert (unknown.code, unknown.err) == (2, "otsfacts: error: unknown speaker 'Ada Dimir'; did you mean Ada Demir?\n")


def test_date_filters_use_the_event_date_else_the_publication_date() -> None:
    # corridor-opened happened in 2024; the others are filed under their source's 2025-01-02
    assert tsv("list", "--until", "2024") == ["corridor-opened"]
    assert tsv("list", "--since", "2025-01") == ["corridor-not-open", "cable-capacity"]
    assert tsv("list", "--since", "2024-06", "--until", "2024-12-31") == ["corridor-opened"]
    bad = fixture("list", "--since", "next year")
    assert (bad.code, bad.err) == (
        2, "otsfacts: error: --since takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not 'next year'\n")


def test_date_bounds() -> None:
    assert date_bounds("2025") == ("2025-01-01", "2025-12-31")
    assert date_bounds("2025-10") == ("2025-10-01", "2025-10-31")
    assert date_bounds("2025-01/2025-07") == ("2025-01-01", "2025-07-31")
    assert date_bounds("next year") is None


def test_sort_and_limit() -> None:
    assert tsv("list", "--sort", "id") == ["cable-capacity", "corridor-not-open", "corridor-opened"]
    assert tsv("list", "--sort", "date") == ["corridor-opened", "corridor-not-open", "cable-capacity"]
    assert tsv("list", "--limit", "2") == ["corridor-opened", "corridor-not-open"]
    assert tsv("list", "--sort", "id", "-n", "1") == ["cable-capacity"]
    assert tsv("search", "corridor", "--sort", "id") == ["corridor-not-open", "corridor-opened"]
    bad = fixture("list", "--sort", "size")
    assert bad.code == 2 and "'size' is not one of score, date, id" in bad.err


def test_filters_combine_as_and() -> None:
    assert tsv("list", "-t", "transport", "-k", "statement,plan") == ["corridor-not-open"]
    empty = fixture("list", "-t", "energy", "-k", "event")
    assert (empty.code, empty.out, empty.err) == (1, "", "otsfacts: no facts with topic 'energy', kind 'event'\n")


def test_a_filtered_search_that_finds_nothing_says_the_filter_removed_the_answers() -> None:
    result = fixture("search", "wind", "--topic", "transport")
    assert (result.code, result.out) == (1, "")
    assert result.err == "otsfacts: no fact answers 'wind'; the filter (topic 'transport') removed its 1 answer\n"


def test_builtin_filtered_search_hint() -> None:
    result = invoke("search", "corridor", "--topic", "tourism")
    assert result.code == 1
    assert result.err.startswith("otsfacts: no fact answers 'corridor'; the filter (topic 'tourism') removed all ")


def test_suggestions_name_the_right_kind_of_thing() -> None:
    source = invoke("show", "trend-2025-10-27")
    assert (source.code, source.err) == (
        2, "otsfacts: error: 'trend-2025-10-27' is a source, not a fact: try otsfacts cite trend-2025-10-27\n")
    topic = fixture("list", "--source", "energy")
    assert topic.err == "otsfacts: error: 'energy' is a topic, not a source: try --topic energy\n"
    fact = fixture("list", "--topic", "cable-capacity")
    assert fact.err == "otsfacts: error: 'cable-capacity' is a fact, not a topic: try otsfacts show cable-capacity\n"
    shown = fixture("show", "energy")
    assert shown.err == "otsfacts: error: 'energy' is a topic, not a fact: try otsfacts list --topic energy\n"


def test_suggestions_never_echo_the_input() -> None:
    for args in (["list", "-t", "enrgy"], ["list", "-t", "transport;energy"], ["show", "corridor-open"],
                 ["list", "--source", "daily"], ["cite", "daly-2025-01-02"]):
        result = fixture(*args)
        assert result.code == 2, args
        typed = args[-1]
        suggested = result.err.partition("did you mean ")[2]
        assert typed not in suggested.rstrip("?\n").split(", "), (args, result.err)


def test_json_of_a_filtered_list() -> None:
    records = json.loads(fixture("list", "--kind", "plan", "--json").out)
    assert [r["id"] for r in records] == ["cable-capacity"]


def test_an_id_wins_over_another_topic_s_alias(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "power.toml"
    extra.write_text('[[topic]]\nid = "power"\ntitle = "Power"\ndescription = "Grids."\naliases = ["energy"]\n',
                     encoding="utf-8")
    result = fixture("list", "--facts", str(extra), "--topic", "energy", "--format", "tsv", "--fields", "id")
    assert (result.code, result.out) == (0, "id\ncable-capacity\n")


def test_speaker_filter_also_matches_the_actor_of_a_deed() -> None:
    from conftest import FIXTURE_BASE, FIXTURES

    acts = ["--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(FIXTURES / "attribution" / "acts.toml")]
    result = invoke("list", *acts, "--speaker", "oren kaya", "--format", "tsv", "--fields", "id,speaker.name,actor.name")
    assert result.out.splitlines() == [
        "id\tspeaker.name\tactor.name",
        "kaya-proposed-the-tariff\tDana Ilyas\tOren Kaya",  # his deed, in Ilyas's words
        "kaya-calls-the-tariff-fair\tOren Kaya\t",  # his own words
    ]
    builtin = invoke("search", "joint meetings of foreign ministers", "--speaker", "uzbekistan", "--format", "tsv",
                     "--fields", "id")
    assert builtin.out.splitlines() == ["id", "uzbekistan-proposes-joint-foreign-ministers-special-services-meetings"]


def test_a_filter_made_from_lists_keeps_tuples_and_stays_hashable() -> None:
    from otsfacts.filters import FactFilter

    made = FactFilter(topics=["energy"], kinds=["figure"])  # type: ignore[arg-type]
    assert made == FactFilter(topics=("energy",), kinds=("figure",))
    assert hash(made) == hash(FactFilter(topics=("energy",), kinds=("figure",)))
