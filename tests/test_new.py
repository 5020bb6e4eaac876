"""otsfacts new: a commented [[fact]] block that loads as printed and once filled in."""

from __future__ import annotations

from pathlib import Path

from otsfacts.model import FactBase, Source, Speaker
from otsfacts.scaffold import fact_block, toml_string
from otsfacts.store import load_base
from conftest import FIXTURE_BASE, fixture, invoke

BLOCK = (
    "# A new fact from The Daily, 2025-01-02: Ada Demir, Minister of Transport.\n"
    "# Replace the TODOs, then: otsfacts check FILE, and otsfacts verify --archive DIR.\n"
    "[[fact]]\n"
    'id = "energy-new-fact"                # lowercase slug, unique: say what the fact is\n'
    'claim = "TODO: the claim, one sentence in our words, attributed"  # "According to ...", "... says ..."\n'
    'quote = "TODO: the words of the source, verbatim"  # separate passages joined by " … "\n'
    'source = "daily-2025-01-02"           # The Daily, 2025-01-02\n'
    'topics = ["energy"]                   # one or more topic ids (otsfacts topics)\n'
    'kind = "statement"                    # figure, event, plan, forecast, proposal, initiative, decision, '
    "statement\n"
    "aliases = []                          # other names, spellings, synonyms; spell out abbreviations (TITR, ...)\n"
    '# value = 2000                        # a figure: the number, absolute (2100000000000 for "$2.1 trillion")\n'
    '# unit = "km"                         # USD, %, km, GW, ...\n'
    '# qualifier = "more than"             # more than, over, nearly, around, approximately, about, ...\n'
    '# as_of = "2025"                      # the period a figure describes\n'
    '# date = "2025-10-27"                 # when an event happened or is planned\n'
    '# place = "Gabala"                    # where\n'
    '# speaker = { name = "...", role = "...", reported_by = "..." }  # whose own words the quote is, if not Ada Demir\n'
    '# actor = { name = "...", role = "...", act = "proposed" }  # who acted: proposed, initiated, decided, ...\n'
    '# note = "..."                        # what the text leaves odd; shown apart, never part of the claim\n'
    '# conflicts_with = ["other-fact-id"]  # facts that disagree; list this one back there\n'
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "new.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_prints_the_block_exactly() -> None:
    result = fixture("new", "--source", "daily-2025-01-02", "--topic", "energy")
    assert (result.code, result.err) == (0, "")
    assert result.out == BLOCK


def test_the_block_loads_as_printed(tmp_path: Path) -> None:
    path = write(tmp_path, fixture("new", "--source", "daily-2025-01-02", "--topic", "energy").out)
    base = load_base([FIXTURE_BASE, path], builtin=False, use_env=False)
    fact = base.facts["energy-new-fact"]
    assert (fact.source.id, [t.id for t in fact.topics], fact.kind) == ("daily-2025-01-02", ["energy"], "statement")


def test_the_block_loads_filled_in(tmp_path: Path) -> None:
    text = fixture("new", "-s", "daily-2025-01-02", "-t", "energy", "-t", "transport", "--kind", "figure").out
    assert 'topics = ["energy", "transport"]' in text and 'kind = "figure"' in text
    filled = (text.replace("TODO: the claim, one sentence in our words, attributed", "The cable carries 4 GW.")
              .replace("TODO: the words of the source, verbatim", "carry nearly 4 GW")
              .replace("# value = 2000", "value = 4").replace('# unit = "km"', 'unit = "GW"')
              .replace('# qualifier = "more than"', 'qualifier = "nearly"'))
    path = write(tmp_path, filled)
    fact = load_base([FIXTURE_BASE, path], builtin=False, use_env=False).facts["energy-new-fact"]
    assert (fact.value_text, fact.claim) == ("nearly 4 GW", "The cable carries 4 GW.")
    check = invoke("check", "--no-builtin", str(FIXTURE_BASE), str(path))
    assert (check.code, check.out) == (0, "")


def test_check_points_at_what_is_left_to_do(tmp_path: Path) -> None:
    path = write(tmp_path, fixture("new", "-s", "daily-2025-01-02", "-t", "energy", "--kind", "figure").out)
    result = invoke("check", "--no-builtin", str(FIXTURE_BASE), str(path))
    assert result.code == 1  # a placeholder left is an error: the entry is not a fact yet
    assert result.out == (
        f"{path}:5: error: energy-new-fact: claim: still holds the TODO placeholder of 'otsfacts new'\n"
        f"{path}:6: error: energy-new-fact: quote: still holds the TODO placeholder of 'otsfacts new'\n"
        f"{path}:9: warning: energy-new-fact: value: a figure without a structured value: add value (and unit)\n"
    )


def test_the_id_comes_from_the_claim_and_is_unique() -> None:
    out = fixture("new", "-s", "daily-2025-01-02", "-t", "transport",
                  "--claim", 'The "Northern" Corridor opened in 2024.').out
    assert 'id = "northern-corridor-opened-2024"' in out
    assert 'claim = "The \\"Northern\\" Corridor opened in 2024."' in out
    taken = fixture("new", "-s", "daily-2025-01-02", "-t", "energy", "--claim", "Cable capacity.").out
    assert 'id = "cable-capacity-2"' in taken  # cable-capacity is in the base


def test_the_example_of_the_help_loads_with_the_builtin_base(tmp_path: Path) -> None:
    result = invoke("new", "--source", "trend-2025-10-27", "--topic", "energy")
    assert result.code == 0
    assert result.out.startswith("# A new fact from Trend, 2025-10-27: Kubanychbek Omuraliyev, Secretary General")
    path = write(tmp_path, result.out)
    assert "energy-new-fact" in load_base([path], use_env=False).facts


def test_unknown_ids_and_missing_topic_are_usage_errors() -> None:
    source = fixture("new", "-s", "daily", "-t", "energy")
    assert (source.code, source.err) == (2, "otsfacts: error: unknown source 'daily'; did you mean daily-2025-01-02?\n")
    topic = fixture("new", "-s", "daily-2025-01-02", "-t", "enrgy")
    assert topic.code == 2 and "unknown topic 'enrgy'; did you mean energy?" in topic.err
    missing = fixture("new", "-s", "daily-2025-01-02")
    assert missing.code == 2 and "at least one --topic ID" in missing.err


def test_fact_file_text_cannot_break_out_of_a_comment() -> None:
    source = Source(id="s1", outlet="Evil\n[[fact]]\nid = \"x\"", published="2025-01-02", language="en",
                    speaker=Speaker("A\rB", "R"), archive="a.txt")
    block = fact_block(FactBase({}, {}, {"s1": source}), source, [])
    assert block.count("[[fact]]\n") == 1
    assert all(line.startswith(("#", "[[fact]]")) or "=" in line for line in block.splitlines())
    assert toml_string('a"b\\c\nd\x7f') == '"a\\"b\\\\c\\nd\\u007F"'


# --------------------------------------------------- --into, sources and topics, slugs

from otsfacts.scaffold import slug_words  # noqa: E402


def test_into_twice_gives_two_free_ids_and_a_file_that_loads(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    for _ in range(2):
        result = fixture("new", "-s", "daily-2025-01-02", "-t", "energy", "--claim", "Cable capacity.",
                         "--into", str(mine))
        assert (result.code, result.out) == (0, "")
    assert result.err == f"otsfacts: added [[fact]] cable-capacity-3 to {mine}\n"
    text = mine.read_text(encoding="utf-8")
    assert [line.split('"')[1] for line in text.splitlines() if line.startswith("id = ")] == [
        "cable-capacity-2", "cable-capacity-3"]  # cable-capacity is the base's
    base = load_base([FIXTURE_BASE, mine], builtin=False, use_env=False)
    assert {"cable-capacity-2", "cable-capacity-3"} <= set(base.facts)


def test_new_source_and_topic_then_a_fact_under_them(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    made = fixture("new", "source", "--outlet", "Qazaq Times", "--published", "2025-03-04", "--into", str(mine))
    assert made.err == f"otsfacts: added [[source]] qazaq-times-2025-03-04 to {mine}\n"
    assert fixture("new", "topic", "--title", "Nuclear power", "--into", str(mine)).code == 0
    fact = fixture("new", "-s", "qazaq-times-2025-03-04", "-t", "nuclear-power", "--into", str(mine))
    assert fact.code == 0, fact.err
    text = mine.read_text(encoding="utf-8")
    assert text.count("[[source]]") == text.count("[[topic]]") == text.count("[[fact]]") == 1
    assert 'published = 2025-03-04' in text and 'archive = "qazaq-times-2025-03-04.txt"' in text
    base = load_base([FIXTURE_BASE, mine], builtin=False, use_env=False)
    assert base.facts["nuclear-power-new-fact"].source.outlet == "Qazaq Times"
    checked = invoke("check", "--no-builtin", str(FIXTURE_BASE), str(mine))
    assert checked.code == 1  # the placeholders: what is left to do, each an error
    assert [line.split(": ")[2:4] for line in checked.out.splitlines() if ": error: " in line] == [
        ["qazaq-times-2025-03-04", "speaker"], ["nuclear-power", "description"],
        ["nuclear-power-new-fact", "claim"], ["nuclear-power-new-fact", "quote"]]


def test_new_source_prints_a_block_that_loads() -> None:
    block = fixture("new", "source").out
    assert block.startswith("# A new source. Replace the TODOs, then: otsfacts check FILE.\n[[source]]\n")
    assert 'id = "new-source"' in block


def test_into_a_broken_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[fact]\n", encoding="utf-8")
    result = fixture("new", "-s", "daily-2025-01-02", "-t", "energy", "--into", str(broken))
    assert result.code == 2
    assert result.err.startswith(f"otsfacts: error: cannot add to {broken}: ")
    assert broken.read_text(encoding="utf-8") == "[[fact]\n"


def test_a_fact_needs_a_source_and_a_topic() -> None:
    result = fixture("new", "-t", "energy")
    assert (result.code, result.err) == (
        2, "otsfacts: error: a new fact needs --source ID and at least one --topic ID "
           "(otsfacts sources, otsfacts topics)\n")


def test_slugs_are_transliterated() -> None:
    assert slug_words("Казахстан строит АЭС") == ["kazakhstan", "stroit", "aes"]
    assert slug_words("Қазақстан Ақпарат, Өзбекстан, Кыргызстан") == ["qazaqstan", "aqparat", "ozbekstan", "kyrgyzstan"]
    assert slug_words("Türk Dövlətləri Təşkilatı, Oʻzbekiston") == ["turk", "dovletleri", "teskilati", "o", "zbekiston"]
    result = fixture("new", "-s", "daily-2025-01-02", "-t", "energy", "--claim", "Ядерная энергетика в 2026 году")
    assert 'id = "yadernaya-energetika-v-2026-godu"' in result.out
