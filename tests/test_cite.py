"""otsfacts cite: each style, exactly, built only from what the source entry holds."""

from __future__ import annotations

import json

import jsonschema
import pytest

from otsfacts.choices import CiteStyle
from otsfacts.cite import headline_case
from conftest import FIXTURE_BASE, FIXTURES, fixture, invoke, usage_error

UNTITLED = str(FIXTURES / "cite" / "untitled.toml")


def cite(*args: str, **options: object) -> str:
    # the fixture base first, then a source without a title
    result = invoke("cite", "--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", UNTITLED, *args,
                    **options)  # type: ignore[arg-type]
    assert (result.code, result.err) == (0, ""), result.err
    return result.out


def test_apa() -> None:
    assert cite("--all", "--style", "apa") == (
        "Minister: the corridor is open. (2025, January 2). The Daily.\n"
        # untitled: the description in brackets takes the title's place; no doubled period
        "[Interview with Cem Ok]. (2025, March 4). The Wire & Co.\n"
    )


def test_apa_is_the_default_style_and_a_fact_cites_its_source() -> None:
    assert cite("cable-capacity") == "Minister: the corridor is open. (2025, January 2). The Daily.\n"


def test_chicago() -> None:
    assert cite("--all", "--style", "chicago") == (
        "“Minister: The Corridor Is Open.” The Daily, January 2, 2025.\n"
        "Interview with Cem Ok. The Wire & Co., March 4, 2025.\n"
    )


def test_mla() -> None:
    assert cite("--all", "--style", "mla") == (
        "“Minister: The Corridor Is Open.” The Daily, 2 Jan. 2025.\n"
        "Interview with Cem Ok. The Wire & Co., 4 Mar. 2025.\n"
    )


def test_bibtex() -> None:
    assert cite("--all", "--style", "bibtex") == (
        "@article{daily-2025-01-02,\n"
        "  title = {{Minister: the corridor is open}},\n"
        "  journal = {The Daily},\n"
        "  year = {2025},\n"
        "  month = jan,\n"
        "  date = {2025-01-02},\n"
        "  note = {Interview with Ada Demir}\n"
        "}\n"
        "\n"
        "@article{wire-2025-03-04,\n"
        "  journal = {The Wire \\& Co.},\n"
        "  year = {2025},\n"
        "  month = mar,\n"
        "  date = {2025-03-04},\n"
        "  note = {Interview with Cem Ok}\n"
        "}\n"
    )


def test_csl_json() -> None:
    assert json.loads(cite("--all", "--style", "csl-json")) == [
        {"id": "daily-2025-01-02", "type": "article-newspaper", "title": "Minister: the corridor is open",
         "container-title": "The Daily", "issued": {"date-parts": [[2025, 1, 2]]},
         "genre": "Interview with Ada Demir", "language": "en"},
        {"id": "wire-2025-03-04", "type": "article-newspaper", "container-title": "The Wire & Co.",
         "issued": {"date-parts": [[2025, 3, 4]]}, "genre": "Interview with Cem Ok", "language": "en"},
    ]


# The CSL-JSON input schema (citation-style-language/schema, csl-data.json), reduced to
# what a check needs: the item types, the shapes of name and date variables, and the
# variables of CSL 1.0.2, so an unknown or mistyped key fails.
_NAME = {"type": "object", "additionalProperties": False, "properties": {
    k: {"type": "string"} for k in ("family", "given", "literal", "suffix", "dropping-particle",
                                    "non-dropping-particle")}}
_DATE = {"anyOf": [{"type": "string"}, {"type": "object", "additionalProperties": False, "properties": {
    "date-parts": {"type": "array", "minItems": 1, "maxItems": 2, "items": {
        "type": "array", "minItems": 1, "maxItems": 3, "items": {"type": ["string", "number"]}}},
    "season": {"type": ["string", "number"]}, "circa": {"type": ["string", "number", "boolean"]},
    "literal": {"type": "string"}, "raw": {"type": "string"}}}]}
_TYPES = """article article-journal article-magazine article-newspaper bill book broadcast chapter classic
collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview
legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent
performance periodical personal_communication post post-weblog regulation report review review-book
software song speech standard thesis treaty webpage""".split()
_STRINGS = """abstract annote archive archive_collection archive_location archive-place authority call-number
citation-label collection-title container-title container-title-short dimensions division DOI event
event-title event-place genre ISBN ISSN jurisdiction keyword language license medium note original-publisher
original-publisher-place original-title part-title PMCID PMID publisher publisher-place references
reviewed-genre reviewed-title scale section source status title title-short URL version year-suffix""".split()
_NUMBERS = """chapter-number citation-number collection-number edition first-reference-note-number issue
locator number number-of-pages number-of-volumes page page-first part printing supplement volume""".split()
_NAMES = """author chair collection-editor compiler composer container-author contributor curator director
editor editorial-director executive-producer guest host interviewer illustrator narrator organizer
original-author performer producer recipient reviewed-author script-writer series-creator
translator""".split()
_DATES = "accessed available-date event-date issued original-date submitted".split()
CSL_DATA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "id"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": ["string", "number"]},
            "type": {"enum": _TYPES},
            "categories": {"type": "array", "items": {"type": "string"}},
            "custom": {"type": "object"},
            **{k: {"type": "string"} for k in _STRINGS},
            **{k: {"type": ["string", "number"]} for k in _NUMBERS},
            **{k: {"type": "array", "items": _NAME} for k in _NAMES},
            **{k: _DATE for k in _DATES},
        },
    },
}


def test_csl_json_validates_as_csl_items() -> None:
    items = json.loads(cite("--all", "--style", "csl-json"))
    jsonschema.validate(items, CSL_DATA)
    builtin = json.loads(invoke("cite", "--all", "--style", "csl-json").out)
    jsonschema.validate(builtin, CSL_DATA)
    with pytest.raises(jsonschema.ValidationError):  # the check has teeth
        jsonschema.validate([{**items[0], "author": "Ada Demir"}], CSL_DATA)


def test_the_untitled_trend_interview_is_described_not_titled() -> None:
    result = invoke("cite", "trend-2025-10-27", "--style", "apa")
    assert result.out == "[Interview with Kubanychbek Omuraliyev]. (2025, October 27). Trend.\n"
    assert invoke("cite", "trend-2025-10-27", "--style", "mla").out == (
        "Interview with Kubanychbek Omuraliyev. Trend, 27 Oct. 2025.\n")
    [item] = json.loads(invoke("cite", "trend-2025-10-27", "--style", "csl-json").out)
    assert "title" not in item and "author" not in item and "URL" not in item
    assert (item["container-title"], item["issued"]) == ("Trend", {"date-parts": [[2025, 10, 27]]})


def test_no_style_invents_an_author_or_a_url() -> None:
    for style in ("apa", "chicago", "mla", "bibtex", "csl-json"):
        out = invoke("cite", "--all", "--style", style).out
        assert "http" not in out and "author" not in out, style
        # the interviewee is named only as the one interviewed, never first as an author
        assert not out.startswith(("Kaliyev", "Omuraliyev", "Talgat", "Kubanychbek")), style


def test_ids_are_deduplicated_and_may_be_source_ids() -> None:
    assert cite("corridor-opened", "cable-capacity", "wire-2025-03-04", "port-is-busy", "--style", "mla") == (
        "“Minister: The Corridor Is Open.” The Daily, 2 Jan. 2025.\n"
        "Interview with Cem Ok. The Wire & Co., 4 Mar. 2025.\n"
    )


def test_italics_on_a_colour_terminal_only() -> None:
    assert cite("cable-capacity", "--color", "always") == (
        "Minister: the corridor is open. (2025, January 2). \x1b[3mThe Daily\x1b[23m.\n")
    assert cite("cable-capacity", tty=True) == (
        "Minister: the corridor is open. (2025, January 2). \x1b[3mThe Daily\x1b[23m.\n")
    assert "\x1b" not in cite("cable-capacity", "--style", "bibtex", "--color", "always")


def test_errors() -> None:
    nothing = fixture("cite")
    assert (nothing.code, nothing.err) == (2, "otsfacts: error: name a fact or source id to cite, or give --all\n")
    both = fixture("cite", "--all", "cable-capacity")
    assert (both.code, both.err) == (2, "otsfacts: error: give fact or source ids, or --all, not both\n")
    unknown = fixture("cite", "cable-capacty")
    assert unknown.code == 2
    assert unknown.err == "otsfacts: error: unknown fact or source 'cable-capacty'; did you mean cable-capacity?\n"
    style = fixture("cite", "--all", "--style", "harvard")
    assert style.code == 2
    usage_error(style.err, "otsfacts cite", "--style", "'harvard'", *(f"'{s.value}'" for s in CiteStyle))


def test_headline_case_capitalizes_without_lowercasing() -> None:
    assert headline_case("Political scientist: Main focus of OTS summit - regional security, investment in "
                         "Middle Corridor") == (
        "Political Scientist: Main Focus of OTS Summit - Regional Security, Investment in Middle Corridor")
    assert headline_case("the road to the sea") == "The Road to the Sea"
    assert headline_case("a defence-industry meeting of the OTS") == "A Defence-Industry Meeting of the OTS"
    assert headline_case("what it is for") == "What It Is For"
