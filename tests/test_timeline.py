"""otsfacts timeline: dated facts in date order, past apart from ahead, on the fixture base."""

from __future__ import annotations

import json

from otsfacts.store import load_base
from otsfacts.timeline import timeline
from conftest import FIXTURE_BASE, FIXTURES, invoke

BASE = ["--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(FIXTURES / "ids")]


def test_table_marks_today_between_past_and_ahead() -> None:
    result = invoke("timeline", *BASE, "--today", "2025-06-01")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "2024  The Northern Corridor opened in 2024.\n"
        "      event · Ada Demir (The Daily, 2025-01-02)\n"
        "      corridor-opened\n"
        "\n"
        "── today, 2025-06-01 ───────────────────────────────────────────────────────────\n"
        "\n"
        "2030  The minister expects freight on the corridor by 2030.\n"
        "      forecast · Ada Demir (The Daily, 2025-01-02)\n"
        "      minister-expects-the-northern-corridor-to-carry-freight-by-2030\n"
    )


def test_at_40_columns_a_long_id_has_its_own_whole_line() -> None:
    out = invoke("timeline", *BASE, "--today", "2031-01-01", width=40).out
    assert out.splitlines()[-3:] == [
        "minister-expects-the-northern-corridor-to-carry-freight-by-2030",
        "",
        "── today, 2031-01-01 ───────────────────",
    ]


def test_json_has_a_status_and_filters_apply() -> None:
    records = json.loads(invoke("timeline", *BASE, "--today", "2025-06-01", "--json").out)
    assert [(r["id"], r["date"], r["status"]) for r in records] == [
        ("corridor-opened", "2024", "past"),
        ("minister-expects-the-northern-corridor-to-carry-freight-by-2030", "2030", "ahead"),
    ]
    since = invoke("timeline", *BASE, "--since", "2025", "--format", "tsv", "--fields", "id,status",
                   "--today", "2025-06-01")
    assert since.out == "id\tstatus\nminister-expects-the-northern-corridor-to-carry-freight-by-2030\tahead\n"
    empty = invoke("timeline", *BASE, "--topic", "energy")
    assert (empty.code, empty.out, empty.err) == (1, "", "otsfacts: no dated facts with topic 'energy'\n")


def test_a_date_is_past_only_when_all_of_it_is() -> None:
    base = load_base(use_env=False)
    entries = {e.fact.id: e.status for e in timeline(base.facts.values(), "2026-06-01")}
    assert entries["etir-roadmap-signed-baku-january-2025"] == "past"
    assert entries["second-defence-industry-institutions-meeting-baku-2026"] == "ahead"  # 2026 is not over


def test_builtin_chronology_in_order() -> None:
    result = invoke("timeline", "--format", "tsv", "--fields", "date,id", "--today", "2026-01-01")
    dates = [line.split("\t")[0] for line in result.out.splitlines()[1:]]
    assert dates[0] == "1926" and dates[-1] == "2027"
    wanted = ["1926", "2022", "2025-01", "2025-07-23", "2025-08", "2025-10-15", "2026", "2027"]
    assert [d for d in dict.fromkeys(dates) if d in wanted] == wanted


def test_bad_today() -> None:
    result = invoke("timeline", "--today", "2025")
    assert (result.code, result.err) == (2, "otsfacts: error: --today takes a day, YYYY-MM-DD, not '2025'\n")
