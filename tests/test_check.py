"""otsfacts check: the loader's errors and the curator's warnings as path:line: lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from otsfacts.abbreviations import abbreviations, initials_spell, spells_out, uncovered_abbreviations
from otsfacts.check import check_paths
from otsfacts.glossary_check import glossary_problems
from conftest import FIXTURES, invoke


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from tests/fixtures so paths print as they are typed there."""
    monkeypatch.chdir(FIXTURES)


def test_a_clean_base_prints_nothing_but_the_summary(in_fixtures: None) -> None:
    result = invoke("check", "--no-builtin", "base")
    assert (result.code, result.out) == (0, "")
    assert result.err == "otsfacts: checked 1 file (1 source, 2 topics, 3 facts): 0 errors, 0 warnings\n"


def test_each_warning_at_its_line(in_fixtures: None) -> None:
    result = invoke("check", "--no-builtin", "base", "check/warnings.toml")
    assert result.code == 1  # the placeholders left by 'otsfacts new' are errors; the rest warnings
    assert result.out == (
        "check/warnings.toml:5: warning: tourism: id: no fact uses this topic\n"
        "check/warnings.toml:15: warning: trade-grew: value: a figure without a structured value: "
        "add value (and unit)\n"
        "check/warnings.toml:24: warning: port-handles-five-million: unit: a figure's value without a unit\n"
        "check/warnings.toml:29: warning: minister-praised-corridor: quote: the quote (219 characters) is 6.4 "
        "times as long as the claim: keep the words that support it, or split the fact\n"
        "check/warnings.toml:36: warning: titr-carries-more-cargo: aliases: uses the abbreviation TITR, "
        "but no alias spells it out\n"
        "check/warnings.toml:50: warning: cable-is-late: conflicts_with: conflicts with cable-capacity, "
        "which does not list cable-is-late back\n"
        "check/warnings.toml:54: error: energy-new-fact: claim: still holds the TODO placeholder of "
        "'otsfacts new'\n"
        "check/warnings.toml:55: error: energy-new-fact: quote: still holds the TODO placeholder of "
        "'otsfacts new'\n"
    )
    assert result.err == "otsfacts: checked 2 files (1 source, 3 topics, 11 facts): 2 errors, 6 warnings\n"


def test_errors_exit_1_and_point_at_their_key(in_fixtures: None) -> None:
    result = invoke("check", "--no-builtin", "base", "check/errors.toml")
    assert result.code == 1
    assert result.out == (
        "check/errors.toml:8: error: rumour-kind: topics: unknown topic 'weather'\n"
        "check/errors.toml:9: error: rumour-kind: kind: 'rumour' is not one of: figure, event, plan, forecast, "
        "proposal, initiative, decision, statement\n"
        "check/errors.toml:18: error: coloured: colour: unknown key\n"
        "check/errors.toml:26: warning: figure-without-value: value: a figure without a structured value: "
        "add value (and unit)\n"
    )
    assert result.err == "otsfacts: checked 2 files (1 source, 2 topics, 6 facts): 3 errors, 1 warning\n"


def test_syntax_errors_and_missing_files(in_fixtures: None, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[fact]]\nid = "x"\nclaim = \n', encoding="utf-8")
    result = invoke("check", "--no-builtin", str(bad), "nowhere.toml")
    assert result.code == 1
    assert result.out == (
        "nowhere.toml: error: no such file or directory\n"
        f"{bad}:3:9: error: TOML syntax error: Invalid value\n"
    )
    assert result.err == "otsfacts: checked 1 file (0 sources, 0 topics, 0 facts): 2 errors, 0 warnings\n"


def test_named_files_use_the_builtin_base_and_get_warned_alone(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[fact]]\nid = "my-fact"\nclaim = "Omuraliyev says the OTS grows."\nquote = "the OTS grows"\n'
        'source = "trend-2025-10-27"\ntopics = ["economy"]\nkind = "statement"\n'
        'aliases = ["Organization of Turkic States"]\n', encoding="utf-8")
    result = invoke("check", str(mine))
    assert (result.code, result.out) == (0, "")  # the built-in base's warnings are not the file's
    assert result.err == "otsfacts: checked 1 file (0 sources, 0 topics, 1 fact): 0 errors, 0 warnings\n"


def test_the_builtin_base_has_no_errors() -> None:
    result = invoke("check")
    assert result.code == 0, result.out
    assert " error: " not in result.out
    assert result.err.startswith("otsfacts: checked ") and ": 0 errors, " in result.err
    report = check_paths()
    assert report.errors == [] and report.counts["fact"] > 0


def test_abbreviations_are_all_caps_words() -> None:
    assert abbreviations("The OTS, TITR and COP29 met in Baku; Phase III of TÜBİTAK, not Ok.") == [
        "OTS", "TITR", "COP29", "TÜBİTAK"]


@pytest.mark.parametrize(("abbreviation", "phrase"), [
    ("OTS", "Organization of Turkic States"),
    ("OSCE", "Organization for Security and Co-operation in Europe"),
    ("TITR", "Trans-Caspian International Transport Route"),
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("TÜBİTAK", "Türkiye Bilimsel ve Teknolojik Araştırma Kurumu"),
])
def test_expansions_spell_abbreviations_out(abbreviation: str, phrase: str) -> None:
    assert spells_out(abbreviation, phrase)


def test_an_abbreviation_does_not_spell_itself_out() -> None:
    assert not spells_out("OTS", "the OTS summit")
    assert not spells_out("GCC", "Gulf states")


@pytest.mark.parametrize(("abbreviation", "phrase"), [
    ("NSCs", "meetings among the National Security Councils, Defence Industry Institutions"),
    ("HV", "an undersea high-voltage cable across the Black Sea"),
    ("OIC", "the Organisation of Islamic Cooperation"),
    ("TITR", "the Trans-Caspian International Transport Route (TITR)"),
])
def test_initials_spell_an_abbreviation_word_by_word(abbreviation: str, phrase: str) -> None:
    assert initials_spell(abbreviation, phrase)


@pytest.mark.parametrize(("abbreviation", "phrase"), [
    ("TITR", "Trans-Caspian International Route"),  # a letter short
    ("ASEAN", "Association of Southeast Asian Nations"),  # "E" is no initial: spells_out's looser reading
    ("MW", "grown to 600 million with Hungary"),  # words apart in small letters: a chance, no name
    ("HV", "high voltage"),
    ("OTS", "the OTS summit"),  # the abbreviation itself
    ("TEU", "to the EU"),  # a small word gives no first letter
    ("AZ", "Azerbaijan"),  # one word
])
def test_initials_spell_only_with_every_letter_a_word_s_initial(abbreviation: str, phrase: str) -> None:
    assert not initials_spell(abbreviation, phrase)


def test_coverage_by_aliases_unit_text_and_inherited_aliases() -> None:
    fact = {"claim": "The OTS and the EU plan 4 GW via TITR.", "quote": "4 GW", "unit": "GW",
            "aliases": ["European Union"]}
    assert uncovered_abbreviations(fact) == [("OTS", "claim"), ("TITR", "claim")]
    assert uncovered_abbreviations(fact, ["TITR", "Organization of Turkic States"]) == []


# ------------------------------------------------- what every command reads, every problem

DAILY_FACT = (
    '[[fact]]\nid = "{id}"\nclaim = "A claim."\nquote = "a quote"\nsource = "daily-2025-01-02"\n'
    'topics = ["energy"]\nkind = "statement"\n'
)


def test_check_reads_facts_and_otsfacts_path(in_fixtures: None, monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(DAILY_FACT.format(id="Bad_Id"), encoding="utf-8")
    by_option = invoke("check", "--no-builtin", "--facts", "base", "--facts", str(mine))
    assert by_option.code == 1
    assert by_option.out == f"{mine}:2: error: fact #1: id: fact id 'Bad_Id' is not a lowercase slug (a-z, 0-9, -)\n"
    monkeypatch.setenv("OTSFACTS_PATH", f"{FIXTURES / 'base'}:{mine}")
    by_variable = invoke("check", "--no-builtin")
    assert (by_variable.code, by_variable.out) == (1, by_option.out)
    assert by_variable.err == "otsfacts: checked 2 files (1 source, 2 topics, 4 facts): 1 error, 0 warnings\n"


def test_a_bad_id_does_not_stop_the_entry_s_other_checks(in_fixtures: None, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(DAILY_FACT.format(id="Bad_Id").replace('kind = "statement"', 'kind = "rumour"')
                    + '\n[[fact]]\nclaim = "No id."\nquote = "q"\nsource = "nowhere"\ntopics = ["energy"]\n'
                    'kind = "event"\n', encoding="utf-8")
    result = invoke("check", "--no-builtin", "base", str(mine))
    assert result.out == (
        f"{mine}:2: error: fact #1: id: fact id 'Bad_Id' is not a lowercase slug (a-z, 0-9, -)\n"
        f"{mine}:7: error: Bad_Id: kind: 'rumour' is not one of: figure, event, plan, forecast, proposal, "
        "initiative, decision, statement\n"
        f"{mine}:9: error: fact #2: id: fact id missing\n"
        f"{mine}:12: error: fact #2: source: unknown source 'nowhere'\n"
    )


def test_a_quoted_date_is_an_error(in_fixtures: None, tmp_path: Path) -> None:
    source = (FIXTURES / "base" / "base.toml").read_text(encoding="utf-8").replace(
        "published = 2025-01-02", 'published = "2025-01-02"')
    mine = tmp_path / "quoted.toml"
    mine.write_text(source, encoding="utf-8")
    result = invoke("check", "--no-builtin", str(mine))
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        f"{mine}:8: error: daily-2025-01-02: published: must be a TOML date, unquoted "
        "(published = 2025-01-02), not a string")


def test_unknown_date_forms_and_spelled_out_units_are_warned(in_fixtures: None, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(DAILY_FACT.format(id="odd-date") + 'date = "next year"\n\n'
                    + DAILY_FACT.format(id="odd-unit").replace('"statement"', '"figure"')
                    + 'value = 3\nunit = "gigawatts"\n', encoding="utf-8")
    result = invoke("check", "--no-builtin", "base", str(mine))
    assert result.code == 0
    assert result.out == (
        f"{mine}:8: warning: odd-date: date: 'next year' is not a date otsfacts can order or filter: "
        "write YYYY, YYYY-MM or YYYY-MM-DD, or a period FIRST/LAST of those\n"
        f"{mine}:18: warning: odd-unit: unit: write the unit 'gigawatts' as GW, as the base does "
        "(units: USD, EUR, %, km, km², GW, MW, t, or a counted noun such as people)\n"
    )


def test_a_byte_order_mark_is_named(in_fixtures: None, tmp_path: Path) -> None:
    marked = tmp_path / "marked.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "base" / "base.toml").read_bytes())
    result = invoke("check", "--no-builtin", str(marked))
    assert (result.code, result.out) == (
        0, f"{marked}:1: warning: starts with a byte-order mark: otsfacts skips it, but TOML does not allow "
           "one; save as UTF-8 without BOM\n")


def test_loading_errors_and_check_give_the_same_line(in_fixtures: None, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(DAILY_FACT.format(id="two-problems").replace('"statement"', '"rumour"')
                    .replace('"energy"', '"weather"'), encoding="utf-8")
    checked = invoke("check", "--no-builtin", "base", str(mine)).out.splitlines()
    loaded = invoke("list", "--no-builtin", "--facts", "base", "--facts", str(mine)).err
    first = checked[0].replace(": error: ", ": ")
    assert loaded == f"otsfacts: error: {first} (and 1 more problem: 'otsfacts check {mine}' lists them all)\n"


# ------------------------------------------------------------------------ the glossary

GLOSSARY_FIXTURES = Path(__file__).parent / "fixtures" / "glossary"


def test_the_shipped_glossary_has_no_problems() -> None:
    assert glossary_problems() == ([], [])


def test_a_broken_glossary_gets_one_line_per_mistake() -> None:
    path = GLOSSARY_FIXTURES / "broken.toml"
    errors, warned = glossary_problems(path, {"wind", "solar", "sea", "energy"}.__contains__)
    shown = str(path)
    assert [e.describe("error") for e in errors] == [
        f"{shown}:3: error: zeppelin: 'zeppelin' is not a word of the built-in base, so nothing would match it",
        f"{shown}:4: error: solar: no words: list the concept in the other languages, or remove it",
        f"{shown}:5: error: sea: an empty word",
        f"{shown}:6: error: sea: 'Black Sea' is not one search word: list each word on its own",
        f"{shown}:7: error: energy: must be a list of words in quotes",
    ]
    assert [w.describe("warning") for w in warned] == [
        f"{shown}:6: warning: sea: 'sea' is its own translation: it needs no entry",
        f"{shown}:6: warning: sea: 'море' is listed twice",
    ]


def test_a_glossary_that_is_not_toml_gets_its_syntax_error() -> None:
    path = GLOSSARY_FIXTURES / "bad-syntax.toml"
    errors, warned = glossary_problems(path, lambda word: True)
    assert [e.describe("error") for e in errors] == [f"{path}:2:1: error: TOML syntax error: Unclosed array"]
    assert warned == []
