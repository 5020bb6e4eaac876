"""Search quality floors on the development sets, benchmarks/queries.toml and dev-2 to dev-10
(no timings).

These floors guard against regressions on the set the ranker is tuned on; they say
nothing of quality on questions nobody tuned for. That is the held-out set's job
(benchmarks/heldout.toml, reported first by ``python benchmarks/quality.py``), which no
test here scores, so that nobody is tempted to tune on it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

_PATH = Path(__file__).parent.parent / "benchmarks" / "quality.py"
_SPEC = importlib.util.spec_from_file_location("quality_benchmark", _PATH)
assert _SPEC and _SPEC.loader
quality: Any = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = quality  # its dataclasses look their module up by name
_SPEC.loader.exec_module(quality)


def by_passage(which: str) -> dict[str, Any]:
    """otsfacts's figures on a development set whose answers are passages of the archived
    texts; the test is skipped where the archive is not beside the repository."""
    if not quality.DEFAULT_ARCHIVE.is_dir():
        pytest.skip(f"the archived texts its answers point into are not at {quality.DEFAULT_ARCHIVE}")
    result: dict[str, Any] = quality.evaluate("otsfacts", which)
    return result


@pytest.fixture(scope="module")
def ours() -> dict[str, Any]:
    return quality.evaluate("otsfacts")


@pytest.fixture(scope="module")
def fts5() -> dict[str, Any]:
    return quality.evaluate("fts5")


def test_recall_at_3_overall(ours: dict[str, Any]) -> None:
    # measured 0.765 when these floors were set (253 cases, 45 of them hard paraphrases)
    assert ours["overall"]["recall@3"] >= 0.75, ours["misses"]


def test_the_second_development_set() -> None:
    # written from the archived texts like the held-out sets (so, with answers as passages),
    # and tuned on: measured recall@3 0.86 and 82% of unanswerable questions refused
    second = by_passage("dev-2")
    assert second["overall"]["recall@3"] >= 0.84, second["misses"]
    assert second["rejection_rate"] >= 0.8, second["false_accepts"]


def test_most_unanswerable_queries_are_answered_with_nothing(ours: dict[str, Any], fts5: dict[str, Any]) -> None:
    # measured 85% (FTS5 17.5%): a question the base cannot answer gets no answer
    assert ours["rejection_rate"] >= 0.8, ours["false_accepts"]


@pytest.mark.parametrize("kind", ["question", "typo", "language"])
def test_ahead_of_fts5(kind: str, ours: dict[str, Any], fts5: dict[str, Any]) -> None:
    assert ours["by_kind"][kind]["recall@3"] > fts5["by_kind"][kind]["recall@3"]
    assert ours["by_kind"][kind]["mrr"] > fts5["by_kind"][kind]["mrr"]


def test_clearly_ahead_of_fts5_on_other_languages(ours: dict[str, Any], fts5: dict[str, Any]) -> None:
    # Russian, Azerbaijani, Turkish, Kazakh and Uzbek queries, many inflected: the glossary,
    # ending stripping and the multilingual encoder answer them; FTS5 matches only words
    # spelled as the facts spell them
    language, baseline = ours["by_kind"]["language"], fts5["by_kind"]["language"]
    assert language["recall@1"] > baseline["recall@1"] + 0.3
    assert language["recall@3"] >= 0.92, ours["misses"]


@pytest.mark.parametrize(("kind", "floor"), [("keyword", 1.0), ("question", 0.96), ("typo", 1.0)])
def test_no_kind_falls_below_its_recall(kind: str, floor: float, ours: dict[str, Any]) -> None:
    assert ours["by_kind"][kind]["recall@3"] >= floor, ours["misses"]


def test_the_development_sets_of_other_languages_and_paraphrases() -> None:
    # dev-4 (other languages only) and dev-3, written from the archived texts like the
    # held-out sets, and tuned on: measured dev-4 recall@3 0.918, and what dev-3's table
    # shows for paraphrases (an answer, or a related fact when nothing answers) 0.591 (0.614
    # before "Syunik" read as the Zangezur region: a question about the strip "through
    # Armenia's Syunik", which the texts never place in Armenia, now offers other related facts)
    languages = by_passage("dev-4")
    assert languages["overall"]["recall@3"] >= 0.86, languages["misses"]
    third = by_passage("dev-3")
    assert third["shown"]["paraphrase"]["recall@3"] >= 0.59
    assert third["rejection_rate"] >= 0.85, third["false_accepts"]
    # dev-5 (paraphrases and unanswerable questions only), tuned on: measured paraphrases
    # answered in the first three 0.65, refused 0.85
    fifth = by_passage("dev-5")
    assert fifth["by_kind"]["paraphrase"]["recall@3"] >= 0.6, fifth["misses"]
    assert fifth["rejection_rate"] >= 0.8, fifth["false_accepts"]


def test_the_development_sets_written_for_the_latest_round() -> None:
    # dev-7 (paraphrases and unanswerable questions) and dev-8 (other languages, answerable
    # and not), tuned on: measured paraphrases 0.559, refused 0.95; other languages 0.946,
    # refused 0.88
    seventh = by_passage("dev-7")
    assert seventh["by_kind"]["paraphrase"]["recall@3"] >= 0.53, seventh["misses"]
    assert seventh["rejection_rate"] >= 0.9, seventh["false_accepts"]
    eighth = by_passage("dev-8")
    assert eighth["by_kind"]["language"]["recall@3"] >= 0.92, eighth["misses"]
    assert eighth["rejection_rate"] >= 0.84, eighth["false_accepts"]


def test_the_development_sets_written_like_the_held_out_sets() -> None:
    # dev-9 and dev-10 (every kind, as a held-out set is written), tuned on: measured
    # English recall@3 0.794 and 0.830, other languages 0.92 and 0.875, refused 0.95 both
    ninth = by_passage("dev-9")
    assert ninth["english"]["recall@3"] >= 0.77, ninth["misses"]
    assert ninth["rejection_rate"] >= 0.9, ninth["false_accepts"]
    tenth = by_passage("dev-10")
    assert tenth["english"]["recall@3"] >= 0.8, tenth["misses"]
    assert tenth["by_kind"]["language"]["recall@3"] >= 0.83, tenth["misses"]
    assert tenth["rejection_rate"] >= 0.9, tenth["false_accepts"]


def test_the_development_set_of_paraphrases_written_for_the_fifth_round() -> None:
    # dev-11 (70 paraphrases, 30 questions, 15 in other languages, 25 unanswerable), tuned
    # on: measured paraphrases 0.588 (0.471 before the round), questions 1.0, refused 0.88
    eleventh = by_passage("dev-11")
    assert eleventh["by_kind"]["paraphrase"]["recall@3"] >= 0.57, eleventh["misses"]
    assert eleventh["by_kind"]["question"]["recall@3"] >= 0.96, eleventh["misses"]
    assert eleventh["rejection_rate"] >= 0.84, eleventh["false_accepts"]


def test_the_development_set_of_paraphrases_written_for_the_sixth_round() -> None:
    # dev-12 (68 paraphrases scored, 25 in other languages, 20 unanswerable, 24 others),
    # tuned on: measured paraphrases 0.618 (as before the round), other languages 0.92,
    # refused 0.85
    twelfth = by_passage("dev-12")
    assert twelfth["by_kind"]["paraphrase"]["recall@3"] >= 0.60, twelfth["misses"]
    assert twelfth["by_kind"]["language"]["recall@3"] >= 0.90, twelfth["misses"]
    assert twelfth["rejection_rate"] >= 0.85, twelfth["false_accepts"]
