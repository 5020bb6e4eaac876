"""Search quality floors on the fixed query set in benchmarks/queries.toml (no timings)."""

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


@pytest.fixture(scope="module")
def ours() -> dict[str, Any]:
    return quality.evaluate("otsfacts")


@pytest.fixture(scope="module")
def fts5() -> dict[str, Any]:
    return quality.evaluate("fts5")


def test_recall_at_3_overall(ours: dict[str, Any]) -> None:
    assert ours["overall"]["recall@3"] >= 0.95, ours["misses"]


def test_every_unanswerable_query_is_rejected(ours: dict[str, Any]) -> None:
    assert ours["rejection_rate"] == 1.0, ours["false_accepts"]


@pytest.mark.parametrize("kind", ["question", "typo"])
def test_ahead_of_fts5_on_questions_and_typos(kind: str, ours: dict[str, Any], fts5: dict[str, Any]) -> None:
    assert ours["by_kind"][kind]["recall@3"] > fts5["by_kind"][kind]["recall@3"]
    assert ours["by_kind"][kind]["mrr"] > fts5["by_kind"][kind]["mrr"]


def test_clearly_ahead_of_fts5_on_other_languages(ours: dict[str, Any], fts5: dict[str, Any]) -> None:
    # Russian, Azerbaijani, Turkish, Kazakh and Uzbek queries, many inflected: the glossary
    # and ending stripping answer them; FTS5 matches only words spelled as the facts spell them
    language, baseline = ours["by_kind"]["language"], fts5["by_kind"]["language"]
    assert language["recall@1"] > baseline["recall@1"]
    assert language["recall@3"] > baseline["recall@3"]
    assert language["mrr"] > baseline["mrr"]
    assert language["recall@3"] >= 0.9, ours["misses"]


@pytest.mark.parametrize("kind", ["keyword", "question", "typo", "alias"])
def test_no_kind_falls_below_its_recall(kind: str, ours: dict[str, Any]) -> None:
    # recall@3 as measured before the glossary: other languages must not cost English
    floors = {"keyword": 1.0, "question": 1.0, "typo": 1.0, "alias": 1.0}
    assert ours["by_kind"][kind]["recall@3"] >= floors[kind], ours["misses"]
