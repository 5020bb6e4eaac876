"""Words and deeds apart (issue 14): who said it, who acted, curator's notes, retired ids,
and sources with a url: exact output on a fixture of their own."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest

from otsfacts.store import load_base
from otsfacts.verify import SpeakerFailure, verify_quotes
from conftest import FIXTURE_ARCHIVE, FIXTURE_BASE, FIXTURES, SHARED_SOURCES, invoke

ACTS = FIXTURES / "attribution" / "acts.toml"
MISATTRIBUTED = FIXTURES / "attribution" / "misattributed.toml"


def acts(*args: str, **options: object):  # type: ignore[no-untyped-def]
    """``otsfacts ARGS`` over the fixture base and the acts fixture."""
    return invoke(*args, "--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(ACTS),
                  **options)  # type: ignore[arg-type]


# ------------------------------------------------------------------------ JSON fields


def test_a_fact_carries_its_actor_note_replaced_ids_and_its_source_url() -> None:
    [record] = json.loads(acts("list", "--source", "post-2025-05-06", "--json").out)[:1]
    assert record["speaker"] == {"name": "Dana Ilyas", "role": "Head of the port authority", "reported_by": None}
    assert record["actor"] == {"name": "The ministers", "role": "Transport ministers of the region", "act": "agreed"}
    assert record["note"] == "The text does not say when the tariff takes effect."
    assert record["replaces"] == ["port-tariff-agreed", "joint-tariff-decision"]
    assert record["source"] == {"id": "post-2025-05-06", "outlet": "The Post", "title": "Ports agree a joint tariff",
                                "published": "2025-05-06", "url": "https://example.org/news/ports-tariff?id=7"}
    assert "retired_id" not in record  # only show answers an id


def test_fields_and_csv_name_the_actor() -> None:
    result = acts("list", "--source", "post-2025-05-06", "--format", "csv",
                  "--fields", "id,speaker.name,actor,note")
    assert result.out == (
        "id,speaker.name,actor.name,actor.role,actor.act,note\n"
        "ministers-agreed-joint-port-tariff,Dana Ilyas,The ministers,Transport ministers of the region,agreed,"
        "The text does not say when the tariff takes effect.\n"
        "kaya-proposed-the-tariff,Dana Ilyas,Oren Kaya,Minister of Ports,proposed,\n"
        "kaya-calls-the-tariff-fair,Oren Kaya,,,,\n"
    )


def test_sources_carry_url_and_access_date() -> None:
    records = json.loads(acts("sources", "--json").out)
    assert [(r["id"], r["url"], r["accessed"]) for r in records] == [
        ("daily-2025-01-02", None, None),
        ("post-2025-05-06", "https://example.org/news/ports-tariff?id=7", "2026-01-15"),
    ]
    assert "https://example.org/news/ports-tariff?id=7 (accessed 2026-01-15)" in acts("sources", width=120).out


# ----------------------------------------------------------------- tables at 80 columns


def test_the_table_shows_the_act_beside_who_said_it() -> None:
    result = acts("list", "--source", "post-2025-05-06")
    assert result.out == (
        " Fact and evidence                                     Said by\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        " According to Dana Ilyas, the transport ministers      Dana Ilyas\n"
        " agreed a joint port tariff.                           Head of the port\n"
        " Agreed by The ministers, Transport ministers of the   authority\n"
        " region                                                The Post, 2025-05-06\n"
        " “The ministers agreed a joint port tariff”\n"
        " ministers-agreed-joint-port-tariff · decision ·\n"
        " transport\n"
        "\n"
        " According to Dana Ilyas, Minister Oren Kaya           Dana Ilyas\n"
        " proposed the joint tariff.                            Head of the port\n"
        " Proposed by Oren Kaya, Minister of Ports              authority\n"
        " “Minister Kaya’s proposal of a joint tariff”          The Post, 2025-05-06\n"
        " kaya-proposed-the-tariff · proposal · transport\n"
        "\n"
        " Minister Oren Kaya calls the tariff fair to every     Oren Kaya\n"
        " port.                                                 Minister of Ports\n"
        " “it is fair to every port”                            reported by Dana Ilyas\n"
        " kaya-calls-the-tariff-fair · statement · transport    The Post, 2025-05-06\n"
    )


def test_show_labels_the_act_the_speaker_the_note_and_the_url() -> None:
    result = acts("show", "ministers-agreed-joint-port-tariff")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Fact       ministers-agreed-joint-port-tariff\n"
        "Claim      According to Dana Ilyas, the transport ministers agreed a joint port\n"
        "           tariff.\n"
        "Kind       decision\n"
        "Agreed by  The ministers, Transport ministers of the region\n"
        "Quote      “The ministers agreed a joint port tariff”\n"
        "Said by    Dana Ilyas, Head of the port authority\n"
        "Note       The text does not say when the tariff takes effect.\n"
        "Source     The Post, 2025-05-06: Ports agree a joint tariff [post-2025-05-06]\n"
        "URL        https://example.org/news/ports-tariff?id=7 (accessed 2026-01-15)\n"
        "Topics     Transport corridors [transport]\n"
        "Replaces   port-tariff-agreed, joint-tariff-decision\n"
    )


def test_the_builtin_base_shows_the_proposer_beside_the_interviewee_at_80_columns() -> None:
    result = invoke("show", "uzbekistan-proposes-joint-foreign-ministers-special-services-meetings")
    lines = result.out.splitlines()
    # the id is too long to stand beside "Proposed by": it stands whole, on a line of its own under its label
    assert lines[:2] == ["Fact", "uzbekistan-proposes-joint-foreign-ministers-special-services-meetings"]
    assert "Proposed by  Uzbekistan, OTS member state" in lines
    assert "Said by      Kubanychbek Omuraliyev, Secretary General of the Organization of" in lines
    assert max(len(line) for line in lines) <= 80
    table = invoke("search", "Uzbekistan proposal joint meetings foreign ministers", "-n", "1").out
    assert "Proposed by Uzbekistan, OTS member" in table and "Kubanychbek Omuraliyev" in table
    assert "Said by" in table.splitlines()[0] and max(len(line) for line in table.splitlines()) <= 80


def test_the_note_never_enters_the_claim() -> None:
    [record] = json.loads(acts("show", "ministers-agreed-joint-port-tariff", "--json").out)
    assert "take effect" not in record["claim"]
    table = acts("list", "--source", "post-2025-05-06").out
    assert "take effect" not in table  # the listing shows claims; show shows the note


# -------------------------------------------------------------------------- retired ids


def test_a_retired_id_shows_the_fact_it_became_with_one_notice() -> None:
    current = acts("show", "ministers-agreed-joint-port-tariff")
    retired = acts("show", "port-tariff-agreed")
    assert (retired.code, retired.out) == (0, current.out)
    assert retired.err == ("otsfacts: notice: fact id 'port-tariff-agreed' is retired; showing "
                           "'ministers-agreed-joint-port-tariff', which replaces it\n")


def test_a_retired_id_in_json_carries_replaced_by() -> None:
    result = acts("show", "joint-tariff-decision", "kaya-calls-the-tariff-fair", "--json")
    first, second = json.loads(result.out)
    assert (first["id"], first["retired_id"], first["replaced_by"]) == (
        "ministers-agreed-joint-port-tariff", "joint-tariff-decision", "ministers-agreed-joint-port-tariff")
    assert (second["retired_id"], second["replaced_by"]) == (None, None)
    assert result.err.count("notice:") == 1
    tsv = acts("show", "joint-tariff-decision", "--format", "tsv", "--fields", "id,retired_id,replaced_by").out
    assert tsv == ("id\tretired_id\treplaced_by\n"
                   "ministers-agreed-joint-port-tariff\tjoint-tariff-decision\tministers-agreed-joint-port-tariff\n")


def test_a_retired_id_cites_the_source_of_the_fact_it_became() -> None:
    assert acts("cite", "port-tariff-agreed").out == acts("cite", "ministers-agreed-joint-port-tariff").out


def test_an_unknown_id_is_still_an_error() -> None:
    result = acts("show", "port-tariff-agred")
    assert result.code == 2 and result.err.startswith("otsfacts: error: unknown fact 'port-tariff-agred'")


# --------------------------------------------------------- a deed shown as a saying


def _doctored(tmp_path: Path, old: str, new: str) -> Path:
    text = ACTS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "acts.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


DEED_AS_SAYING = ('actor = { name = "Oren Kaya", role = "Minister of Ports", act = "proposed" }',
                  'speaker = { name = "Oren Kaya", role = "Minister of Ports", reported_by = "Dana Ilyas" }')


def test_verify_refuses_a_deed_shown_as_a_saying(tmp_path: Path) -> None:
    path = _doctored(tmp_path, *DEED_AS_SAYING)
    result = invoke("verify", "--archive", str(FIXTURE_ARCHIVE), "--no-builtin", "--facts", str(FIXTURE_BASE),
                    "--facts", str(path))
    assert result.code == 1
    assert result.out == (f"{path}:29: kaya-proposed-the-tariff: speaker: the quote is not Oren Kaya's own "
                          "words in post-2025-05-06 (who acted goes in actor)\n")  # at its file and line
    assert result.err == f"otsfacts: 1 of 6 speakers not quoted in their own words in {FIXTURE_ARCHIVE}\n"


def test_verify_accepts_words_quoted_after_the_speakers_name() -> None:
    result = acts("verify", "--archive", str(FIXTURE_ARCHIVE))
    assert (result.code, result.out) == (0, f"all 6 quotes verified against {FIXTURE_ARCHIVE}\n")


def test_verify_refuses_a_quotation_of_someone_else(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(FIXTURE_ARCHIVE, archive)
    text = (archive / "post.txt").read_text(encoding="utf-8").replace("Kaya told reporters:", "Ilyas added:")
    (archive / "post.txt").write_text(text, encoding="utf-8")
    result = acts("verify", "--archive", str(archive))
    assert result.code == 1
    shown = ACTS.relative_to(Path.cwd()) if ACTS.is_relative_to(Path.cwd()) else ACTS  # as verify names files
    assert result.out.startswith(f"{shown}:38: kaya-calls-the-tariff-fair: speaker: "
                                 "the quote is not Oren Kaya's own words")


def test_check_warns_of_a_deed_with_a_speaker_of_its_own(tmp_path: Path) -> None:
    path = _doctored(tmp_path, *DEED_AS_SAYING)
    result = invoke("check", str(FIXTURE_BASE / "base.toml"), str(path), "--no-builtin")
    lines = [line for line in result.out.splitlines() if "kaya-proposed-the-tariff" in line]
    assert lines == [f"{path}:35: warning: kaya-proposed-the-tariff: speaker: kind proposal with a speaker of "
                     "its own: the speaker is whose words the quote is; who acted goes in actor"]


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the archive ../shared/sources is not beside the repo")
def test_verify_catches_the_fourteen_facts_that_showed_a_deed_as_a_saying() -> None:
    """The built-in base before issue 14: "Said by Uzbekistan" above Omuraliyev's words, and 13 more."""
    base = load_base([MISATTRIBUTED], use_env=False)
    caught = [f.fact_id for f in verify_quotes(base, SHARED_SOURCES) if isinstance(f, SpeakerFailure)]
    assert sorted(caught) == sorted(i for i in base.facts if i.startswith("was-"))
    assert len(caught) == 14


# ----------------------------------------------------------------------- loading errors


@pytest.mark.parametrize(("old", "new", "message"), [
    ('act = "agreed"', 'act = "schemed"',
     "ministers-agreed-joint-port-tariff: actor: act 'schemed' is not one of: proposed, initiated, decided, "
     "agreed, adopted, endorsed, established, launched, allocated, hosted, organized, signed, remarked"),
    (', act = "agreed" }', " }", "ministers-agreed-joint-port-tariff: actor: missing act"),
    ('replaces = ["port-tariff-agreed"', 'replaces = ["kaya-calls-the-tariff-fair"',
     "ministers-agreed-joint-port-tariff: replaces: 'kaya-calls-the-tariff-fair' is a live fact's id, "
     "not a retired one"),
    ('url = "https://example.org/news/ports-tariff?id=7"', 'url = "example.org/news"',
     "post-2025-05-06: url: must be a web address starting with http:// or https://, without spaces"),
    ('url = "https://example.org/news/ports-tariff?id=7"\n', "",
     "post-2025-05-06: accessed: the date a url was read on: give the url too"),
    ("accessed = 2026-01-15", 'accessed = "last week"', "post-2025-05-06: accessed: must be a date such as 2025-10-06"),
])
def test_loading_refuses(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = _doctored(tmp_path, old, new)
    result = invoke("list", "--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(path))
    assert result.code == 2
    assert message in result.err, result.err


def test_a_retired_id_is_replaced_by_one_fact_only(tmp_path: Path) -> None:
    path = _doctored(tmp_path, 'kind = "proposal"', 'kind = "proposal"\nreplaces = ["port-tariff-agreed"]')
    result = invoke("list", "--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(path))
    assert result.code == 2
    assert ("kaya-proposed-the-tariff: replaces: 'port-tariff-agreed' is already replaced by "
            "'ministers-agreed-joint-port-tariff'") in result.err


# -------------------------------------------------------------------- url in citations


def test_every_citation_style_carries_the_url() -> None:
    def cite(style: str) -> str:
        result = acts("cite", "post-2025-05-06", "--style", style)
        assert (result.code, result.err) == (0, "")
        return result.out

    assert cite("apa") == ("Ports agree a joint tariff. (2025, May 6). The Post. "
                           "https://example.org/news/ports-tariff?id=7\n")
    assert cite("chicago") == ("“Ports Agree a Joint Tariff.” The Post, May 6, 2025. Accessed January 15, 2026. "
                               "https://example.org/news/ports-tariff?id=7.\n")
    assert cite("mla") == ("“Ports Agree a Joint Tariff.” The Post, 6 May 2025, example.org/news/ports-tariff?id=7. "
                           "Accessed 15 Jan. 2026.\n")
    assert cite("bibtex") == (
        "@article{post-2025-05-06,\n"
        "  title = {{Ports agree a joint tariff}},\n"
        "  journal = {The Post},\n"
        "  year = {2025},\n"
        "  month = may,\n"
        "  date = {2025-05-06},\n"
        "  note = {Interview with Dana Ilyas},\n"
        "  url = {https://example.org/news/ports-tariff?id=7},\n"
        "  urldate = {2026-01-15}\n"
        "}\n"
    )
    [item] = json.loads(cite("csl-json"))
    assert (item["URL"], item["accessed"]) == ("https://example.org/news/ports-tariff?id=7",
                                               {"date-parts": [[2026, 1, 15]]})


# ------------------------------------------------------------------------------ cache


def test_the_cache_keeps_actors_notes_retired_ids_and_urls(tmp_path: Path) -> None:
    from otsfacts.cache import load_compiled

    environ = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    paths = (FIXTURE_BASE, ACTS)
    built, _ = load_compiled(paths, builtin=False, environ=environ)
    assert list((tmp_path / "cache" / "otsfacts").glob("base-*.sqlite"))
    cached, _ = load_compiled(paths, builtin=False, environ=environ)  # read back from the file
    fresh = load_base(paths, builtin=False, use_env=False)
    for base in (built, cached):
        assert dict(base.retired) == dict(fresh.retired) == {
            "port-tariff-agreed": "ministers-agreed-joint-port-tariff",
            "joint-tariff-decision": "ministers-agreed-joint-port-tariff"}
        assert [base.facts[i] for i in fresh.facts] == list(fresh.facts.values())
        assert base.sources["post-2025-05-06"] == fresh.sources["post-2025-05-06"]


def test_actor_note_and_url_text_is_never_markup_nor_escapes(tmp_path: Path) -> None:
    path = _doctored(tmp_path, 'name = "Oren Kaya", role = "Minister of Ports", act = "proposed"',
                     'name = "Kaya\\u001b[31m [red]x[/red]", role = "Minister", act = "proposed"')
    text = path.read_text(encoding="utf-8").replace('note = "The text', 'note = "[bold]The\\u202etext')
    path.write_text(text, encoding="utf-8")
    args = ("--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(path))
    shown = invoke("show", "kaya-proposed-the-tariff", "ministers-agreed-joint-port-tariff", *args, tty=True).out
    listed = invoke("list", *args, tty=True, width=120).out
    for out in (shown, listed):
        assert "\x1b[31m" not in out and "\u202e" not in out
        assert "Kaya\\x1b[31m [red]x[/red]" in out
    assert "[bold]The\\u202etext" in shown


# ------------------------------------------------------------- whose words a question asks


@functools.cache
def _builtin_index():  # type: ignore[no-untyped-def]
    from otsfacts.search import SearchIndex

    return SearchIndex.from_base(load_base(use_env=False))


def _voices(fact: object) -> set[str]:
    speaker, actor = fact.speaker, fact.actor  # type: ignore[attr-defined]
    return {speaker.name, speaker.reported_by, actor.name if actor is not None and actor.act == "remarked" else None}


@pytest.mark.parametrize(("question", "voice"), [
    # Omuraliyev says most of the built-in base, so his name is its context; asked what he
    # says, a question is still answered only by his words, never by Kaliyev's forecasts
    ("what did Omuraliyev say about military-technical cooperation", "Kubanychbek Omuraliyev"),
    ("what did Kaliyev say about the Zangazur corridor", "Talgat Kaliyev"),
    ("According to Omuraliyev, what will the Zangazur corridor do?", "Kubanychbek Omuraliyev"),
])
def test_a_question_asking_what_someone_says_is_answered_by_their_words(question: str, voice: str) -> None:
    answers = _builtin_index().find(question, limit=5).answers
    assert answers
    assert all(voice in _voices(hit.fact) for hit in answers), [hit.fact.id for hit in answers]


def test_what_someone_never_said_is_not_answered_by_what_another_said() -> None:
    # Kaliyev expects the Middle East to be discussed; Omuraliyev says nothing of it
    done = invoke("search", "what does Omuraliyev think about the Middle East")
    assert done.code == 1
    assert "no fact answers 'what does Omuraliyev think about the Middle East'" in done.err
    assert "kaliyev-expects-middle-east-situation-discussed" in done.out  # related, not an answer
