"""--format and --fields on every listing command: exact output on the fixture base."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys

import pytest

from otsfacts import formats, render
from otsfacts.model import Actor
from otsfacts.store import load_base
from conftest import FIXTURE_BASE, FIXTURES, fixture, usage_error

TRICKY = FIXTURES / "formats" / "tricky.toml"
LISTING = [("search", "corridor"), ("list",), ("show", "cable-capacity"), ("topics",), ("sources",), ("conflicts",)]


def tricky(*args: str) -> str:
    result = fixture("show", "tricky-text", "--facts", str(TRICKY), *args)
    assert (result.code, result.err) == (0, ""), result.err
    return result.out


# ------------------------------------------------------------------ each format, exactly


def test_csv_flattens_nested_fields_with_dotted_headers() -> None:
    result = fixture("list", "--format", "csv")
    assert result.code == 0
    assert result.out == (
        "id,claim,quote,kind,topics,value,unit,qualifier,as_of,date,place,speaker.name,speaker.role,"
        "speaker.reported_by,actor.name,actor.role,actor.act,source.id,source.outlet,source.title,"
        "source.published,source.url,aliases,conflicts_with,note,replaces\n"
        "corridor-opened,The Northern Corridor opened in 2024.,The Northern Corridor opened in 2024.,event,"
        "transport,,,,,2024,,Ada Demir,Minister of Transport,,,,,daily-2025-01-02,The Daily,"
        "Minister: the corridor is open,2025-01-02,,,corridor-not-open,,\n"
        "corridor-not-open,A rival says the Northern Corridor is not yet open.,it is not yet open,statement,"
        "transport,,,,,,,Bek Aral,Opposition deputy,Ada Demir,,,,daily-2025-01-02,The Daily,"
        "Minister: the corridor is open,2025-01-02,,,corridor-opened,,\n"
        "cable-capacity,The undersea cable will carry nearly 4 GW of wind power.,"
        "carry nearly 4 GW … of wind power,plan,energy,4,GW,nearly,2025,,,Ada Demir,Minister of Transport,,"
        ",,,daily-2025-01-02,The Daily,Minister: the corridor is open,2025-01-02,,sea cable,,,\n"
    )


def test_tsv_with_fields_picks_and_orders_them() -> None:
    result = fixture("list", "--format", "tsv", "--fields", "id,speaker,topics")
    assert result.out == (
        "id\tspeaker.name\tspeaker.role\tspeaker.reported_by\ttopics\n"
        "corridor-opened\tAda Demir\tMinister of Transport\t\ttransport\n"
        "corridor-not-open\tBek Aral\tOpposition deputy\tAda Demir\ttransport\n"
        "cable-capacity\tAda Demir\tMinister of Transport\t\tenergy\n"
    )


def test_markdown_table() -> None:
    result = fixture("list", "--format", "markdown", "--fields", "id,claim,value,unit")
    assert result.out == (
        "| id | claim | value | unit |\n"
        "| --- | --- | --- | --- |\n"
        "| corridor-opened | The Northern Corridor opened in 2024. |  |  |\n"
        "| corridor-not-open | A rival says the Northern Corridor is not yet open. |  |  |\n"
        "| cable-capacity | The undersea cable will carry nearly 4 GW of wind power. | 4 | GW |\n"
    )


def test_jsonl_is_one_object_a_line_nested_as_the_records() -> None:
    result = fixture("list", "--format", "jsonl", "--fields", "id,source.outlet,speaker.name")
    assert result.out == (
        '{"id": "corridor-opened", "source": {"outlet": "The Daily"}, "speaker": {"name": "Ada Demir"}}\n'
        '{"id": "corridor-not-open", "source": {"outlet": "The Daily"}, "speaker": {"name": "Bek Aral"}}\n'
        '{"id": "cable-capacity", "source": {"outlet": "The Daily"}, "speaker": {"name": "Ada Demir"}}\n'
    )


def test_json_with_fields_keeps_the_order_asked_for() -> None:
    result = fixture("show", "corridor-not-open", "--format", "json", "--fields", "source.outlet,id,speaker.reported_by")
    assert result.out == (
        "[\n"
        "  {\n"
        '    "source": {\n'
        '      "outlet": "The Daily"\n'
        "    },\n"
        '    "id": "corridor-not-open",\n'
        '    "speaker": {\n'
        '      "reported_by": "Ada Demir"\n'
        "    }\n"
        "  }\n"
        "]\n"
    )
    # --json is the short form of --format json, fields and all
    assert fixture("show", "corridor-not-open", "--json", "--fields", "source.outlet,id,speaker.reported_by").out \
        == result.out


def test_without_fields_json_is_the_full_public_record() -> None:
    assert fixture("list", "--format", "json").out == fixture("list", "--json").out
    assert json.loads(fixture("list", "--format", "json").out)[0]["speaker"] == {
        "name": "Ada Demir", "role": "Minister of Transport", "reported_by": None}


def test_a_mapping_spreads_over_one_column_per_key() -> None:
    assert fixture("sources", "--format", "markdown").out == (
        "| id | outlet | title | titles.az | published | language | format | speaker.name | speaker.role "
        "| archive | url | accessed | count |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| daily-2025-01-02 | The Daily | Minister: the corridor is open | Nazir: dəhliz açıqdır | 2025-01-02 "
        "| en |  | Ada Demir | Minister of Transport | daily.txt |  |  | 3 |\n"
    )
    assert fixture("sources", "--format", "csv", "--fields", "id,titles.az,titles.ru").out == (
        "id,titles.az,titles.ru\ndaily-2025-01-02,Nazir: dəhliz açıqdır,\n")


def test_topics_as_tsv_join_lists_with_semicolons() -> None:
    assert fixture("topics", "--format", "tsv").out == (
        "id\ttitle\tdescription\taliases\tcount\n"
        "transport\tTransport corridors\tRoads, railways and corridors.\tcorridor;railway\t2\n"
        "energy\tEnergy\tPower and cables.\twind\t1\n"
    )


def test_search_adds_score_and_explain_writes_matches_as_compact_json() -> None:
    result = fixture("search", "wind", "--format", "csv", "--explain", "--fields", "id,score,matches,unmatched")
    assert result.out == (
        "id,score,matches,unmatched\n"
        'cable-capacity,96.4,"[{""word"":""wind"",""matched"":""wind"",""field"":""claim"",'
        '""quality"":1.0,""points"":100.0}]",\n'
    )


def test_conflicts_fields_name_both_sides() -> None:
    result = fixture("conflicts", "--format", "jsonl", "--fields", "fact.id,fact.speaker.name,other.id,other.speaker")
    assert result.out == (
        '{"fact": {"id": "corridor-opened", "speaker": {"name": "Ada Demir"}}, '
        '"other": {"id": "corridor-not-open", "speaker": {"name": "Bek Aral", "role": "Opposition deputy", '
        '"reported_by": "Ada Demir"}}}\n'
    )


def test_table_with_fields_has_a_column_per_field() -> None:
    result = fixture("list", "--fields", "id,claim,speaker.name", width=60)
    assert result.out == (
        " id                  claim                     speaker.name\n"
        "────────────────────────────────────────────────────────────\n"
        " corridor-opened     The Northern Corridor     Ada Demir\n"
        "                     opened in 2024.\n"
        " corridor-not-open   A rival says the          Bek Aral\n"
        "                     Northern Corridor is\n"
        "                     not yet open.\n"
        " cable-capacity      The undersea cable will   Ada Demir\n"
        "                     carry nearly 4 GW of\n"
        "                     wind power.\n"
    )


@pytest.mark.parametrize("command", LISTING, ids=lambda c: c[0])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "markdown", "table"])
def test_every_listing_command_takes_every_format(command: tuple[str, ...], fmt: str) -> None:
    result = fixture(*command, "--format", fmt, "--fields", "id" if command[0] != "conflicts" else "fact.id")
    assert (result.code, result.err) == (0, "")
    assert result.out


# ---------------------------------------------------------------- errors and empty results


def test_unknown_field_is_a_usage_error_listing_the_valid_ones() -> None:
    result = fixture("topics", "--fields", "id,colour")
    assert (result.code, result.out) == (2, "")
    assert usage_error(result.err, "otsfacts topics", "--fields").endswith(
        "unknown field 'colour' for topics; valid fields: id, title, description, aliases, count"
        " (see 'otsfacts topics --help')\n"
    )
    score = fixture("list", "--fields", "score")  # search results only
    assert score.code == 2 and "unknown field 'score' for facts" in score.err


def test_empty_fields_and_contradicting_json_are_usage_errors() -> None:
    empty = fixture("list", "--fields", " , ")
    assert empty.code == 2 and "no field named in --fields" in empty.err
    both = fixture("list", "--json", "--format", "csv")
    assert both.code == 2
    assert usage_error(both.err, "otsfacts list", "--json").endswith(
        "--json is short for --format json, not --format csv (see 'otsfacts list --help')\n")


def test_no_match_still_prints_the_header_and_exits_1() -> None:
    csv_result = fixture("search", "bitcoin", "--format", "csv", "--fields", "id,claim")
    assert (csv_result.code, csv_result.out) == (1, "id,claim\n")
    assert fixture("search", "bitcoin", "--format", "jsonl").out == ""
    assert fixture("list", "--topic", "energy", "--source", "daily-2025-01-02", "--format", "markdown",
                   "--fields", "id").code == 0


# ---------------------------------------------------------------------- untrusted text


def test_csv_quotes_and_round_trips() -> None:
    out = tricky("--format", "csv", "--fields", "id,claim,quote,aliases")
    assert out == (
        'id,claim,quote,aliases\n'
        'tricky-text,"Ports, ""hubs"" | <b>links</b> *and* [routes](x)\tgrew;\nthen 10% more.",'
        'a\\b \\x1b[31mred,semi\\;colon;back\\\\slash;plain\n'
    )
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["claim"] == "Ports, \"hubs\" | <b>links</b> *and* [routes](x)\tgrew;\nthen 10% more."


def test_tsv_escapes_tabs_newlines_and_backslashes() -> None:
    out = tricky("--format", "tsv", "--fields", "id,claim,quote,aliases")
    assert out == (
        "id\tclaim\tquote\taliases\n"
        "tricky-text\tPorts, \"hubs\" | <b>links</b> *and* [routes](x)\\tgrew;\\nthen 10% more.\t"
        "a\\\\b \\\\x1b[31mred\tsemi\\\\;colon;back\\\\\\\\slash;plain\n"
    )
    assert all(line.count("\t") == 3 for line in out.splitlines())


def test_markdown_escapes_pipes_markup_and_newlines() -> None:
    out = tricky("--format", "markdown", "--fields", "id,claim,quote")
    assert out == (
        "| id | claim | quote |\n"
        "| --- | --- | --- |\n"
        "| tricky-text | Ports, \"hubs\" \\| \\<b\\>links\\</b\\> \\*and\\* \\[routes\\](x)\tgrew;<br>then 10% more. "
        "| a\\\\b \\\\x1b\\[31mred |\n"
    )


def test_no_format_lets_a_terminal_escape_through() -> None:
    for fmt in ("json", "jsonl", "csv", "tsv", "markdown", "table"):
        assert "\x1b" not in tricky("--format", fmt), fmt
    assert '"quote": "a\\\\b \\u001b[31mred"' in tricky("--format", "jsonl")


def test_list_items_split_back_on_unescaped_semicolons() -> None:
    cell = tricky("--format", "csv", "--fields", "aliases").splitlines()[1]
    import re

    items = [re.sub(r"\\(.)", r"\1", item) for item in re.split(r"(?<!\\);", cell)]
    assert items == ["semi;colon", "back\\slash", "plain"]


# ------------------------------------------------------------------ plumbing and shapes


def test_record_specs_match_the_records_render_makes() -> None:
    base = load_base([FIXTURE_BASE], builtin=False, use_env=False)

    def leaves(record: dict, prefix: str = "") -> list[str]:
        out: list[str] = []
        for key, value in record.items():
            if isinstance(value, dict) and key != "titles":
                out += leaves(value, f"{prefix}{key}.")
            else:
                out.append(prefix + key)
        return out

    fact = next(iter(base.facts.values()))
    acted = dataclasses.replace(fact, actor=Actor("The Leaders", "Heads of State", "agreed"))  # an actor is an object
    assert tuple(leaves(render.fact_record(acted))) == formats.FACT.leaves
    assert tuple(leaves(render.shown_record(acted, "old-id"))) == formats.SHOWN.leaves
    topic = next(iter(base.topics.values()))
    assert tuple(leaves(render.topic_record(topic, 1))) == formats.TOPIC.leaves
    source = next(iter(base.sources.values()))
    assert tuple(leaves(render.source_record(source, 1))) == formats.SOURCE.leaves


def test_group_names_are_offered_before_their_leaves() -> None:
    assert formats.TOPIC.names() == ["id", "title", "description", "aliases", "count"]
    assert formats.CONFLICT.names()[:4] == ["fact", "fact.id", "fact.claim", "fact.quote"]


def test_flat_formats_never_import_rich() -> None:
    """The JSON path must stay light (other work times it): no format but the table loads Rich."""
    script = (
        "import io, sys\n"
        "from otsfacts.cli import run\n"
        "from otsfacts.context import Environment\n"
        f"base = ['--no-builtin', '--facts', {str(FIXTURE_BASE)!r}]\n"
        "for fmt in ('json', 'jsonl', 'csv', 'tsv', 'markdown'):\n"
        "    for command in (['list'], ['search', 'wind'], ['topics'], ['sources'], ['conflicts'],\n"
        "                    ['show', 'cable-capacity']):\n"
        "        env = Environment(stdout=io.StringIO(), stderr=io.StringIO())\n"
        "        assert run([*command, '--format', fmt, *base], env) == 0, (command, fmt)\n"
        "print('rich' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "False\n", "")


# ---------------------------------------------------------------- tables in pipes and widths


def test_piped_tables_have_no_colour_and_cut_nothing() -> None:
    result = fixture("list", width=60)
    assert "\x1b[" not in result.out and "…" not in result.out.replace("4 GW … of", "")
    assert result.out == (
        " Fact and evidence                       Said by\n"
        "────────────────────────────────────────────────────────────\n"
        " The Northern Corridor opened in 2024.   Ada Demir\n"
        " “The Northern Corridor opened in        Minister of\n"
        " 2024.”                                  Transport\n"
        " ⚠ disputed by: corridor-not-open        The Daily,\n"
        " corridor-opened · event · transport     2025-01-02\n"
        "\n"
        " A rival says the Northern Corridor is   Bek Aral\n"
        " not yet open.                           Opposition deputy\n"
        " “it is not yet open”                    reported by Ada\n"
        " ⚠ disputed by: corridor-opened          Demir\n"
        " corridor-not-open · statement ·         The Daily,\n"
        " transport                               2025-01-02\n"
        "\n"
        " The undersea cable will carry nearly    Ada Demir\n"
        " 4 GW of wind power.                     Minister of\n"
        " nearly 4 GW (as of 2025)                Transport\n"
        " “carry nearly 4 GW … of wind power”     The Daily,\n"
        " cable-capacity · plan · energy          2025-01-02\n"
    )


def test_tables_use_the_width_they_get() -> None:
    for width in (60, 100, 140):
        lines = fixture("list", width=width).out.splitlines()
        assert len(lines[1]) == width  # the rule under the header spans the whole width
        assert max(len(line) for line in lines) <= width


def test_sources_table_at_60_columns() -> None:
    assert fixture("sources", width=60).out == (
        " Source             Facts   Outlet, date and speaker\n"
        "────────────────────────────────────────────────────────────\n"
        " daily-2025-01-02       3   The Daily, 2025-01-02\n"
        "                            Minister: the corridor is open\n"
        "                            Ada Demir, Minister of\n"
        "                            Transport\n"
    )
