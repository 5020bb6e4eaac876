"""Postings and stems (otsfacts.postings): one flat buffer sliced by a sorted vocabulary."""

from __future__ import annotations

import pytest

from otsfacts.postings import Postings, Stems


def test_postings_slice_one_flat_buffer_by_offsets() -> None:
    postings = Postings(["a", "b", "c"], [0, 2, 2, 3], [5, 9, 7])
    assert (list(postings["a"]), list(postings["b"]), list(postings["c"])) == ([5, 9], [], [7])
    assert [postings.count(w) for w in "abcd"] == [2, 0, 1, 0]
    assert ("b" in postings, "d" in postings, 3 in postings) == (True, False, False)
    assert (list(postings), len(postings)) == (["a", "b", "c"], 3)
    with pytest.raises(KeyError):
        postings["d"]


def test_stems_give_every_vocabulary_word_of_a_stem_with_the_stem_itself_when_held() -> None:
    postings = Postings(["invest", "invested", "investments", "wind"], [0, 1, 2, 3, 4], [1, 2, 3, 4])
    stems = Stems({"invest": ["invested", "investments"]}, postings)
    assert list(stems["invest"]) == ["invested", "investments", "invest"]
    assert list(stems["wind"]) == ["wind"]  # its own stem, held
    with pytest.raises(KeyError):
        stems["corridor"]
    assert set(stems) == {"invest", "wind"} and len(stems) == 2


def test_merge_appends_a_later_spans_postings_word_by_word() -> None:
    from array import array

    from otsfacts.postings import merge

    into = {"wind": array("q", [1]), "cable": array("q", [2])}
    merge(into, {"wind": array("q", [5]), "grid": array("q", [6])})
    assert {w: list(p) for w, p in into.items()} == {"wind": [1, 5], "cable": [2], "grid": [6]}
