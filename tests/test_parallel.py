"""A big base is parsed and indexed by forked workers: the result must be the one a single process gets."""

from __future__ import annotations

import pytest

import otsfacts.parallel as parallel
import otsfacts.search as search_module
import otsfacts.store as store_module
from otsfacts.search import SearchIndex
from otsfacts.store import load_base


def _snapshot(index: SearchIndex) -> tuple[object, ...]:
    postings = index.postings
    return (list(postings.words), list(postings.offsets), list(postings.buffer), index.stems.variants,
            list(index.claim_lengths), index.has_value,
            {k: list(v) for k, v in index.topic_members.items()})


def test_forked_parse_and_index_equal_the_serial_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    serial_base = load_base(use_env=False)
    serial = _snapshot(SearchIndex.from_base(serial_base))
    monkeypatch.setenv("OTSFACTS_WORKERS", "2")
    monkeypatch.setattr(store_module, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(search_module, "PARALLEL_FACTS", 1)
    monkeypatch.setattr(search_module, "MIN_SPAN", 1)
    forked_base = load_base(use_env=False)
    assert forked_base == serial_base
    forked: list[int] = []
    real_fork_map = parallel.fork_map
    monkeypatch.setattr(parallel, "fork_map", lambda function, items: forked.append(len(items))
                        or real_fork_map(function, items))
    assert _snapshot(SearchIndex.from_base(forked_base)) == serial
    # four spans for each worker (none on a machine with one core)
    assert forked == ([search_module.SPANS_PER_WORKER * parallel.workers()] if parallel.workers() > 1 else [])
    hits = SearchIndex.from_base(forked_base).search("middle corridor 15 days", limit=1)
    assert hits[0].fact.id == "middle-corridor-china-to-europe-in-15-days"


def test_one_worker_means_no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import parallel

    monkeypatch.setenv("OTSFACTS_WORKERS", "1")
    assert parallel.workers() == 1
    assert parallel.fork_map(len, ["ab", "c"]) == [2, 1]
