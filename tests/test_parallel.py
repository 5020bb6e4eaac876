"""A big base is parsed and indexed by forked workers: the result must be the one a single process gets."""

from __future__ import annotations

from pathlib import Path

import pytest

import otsfacts.parallel as parallel
import otsfacts.index as index_module  # where the index is built, in spans
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
    monkeypatch.setattr(index_module, "PARALLEL_FACTS", 1)
    monkeypatch.setattr(index_module, "MIN_SPAN", 1)
    forked_base = load_base(use_env=False)
    assert forked_base == serial_base
    forked: list[int] = []
    real_fork_map_with = parallel.fork_map_with
    monkeypatch.setattr(parallel, "fork_map_with", lambda function, shared, items: forked.append(len(items))
                        or real_fork_map_with(function, shared, items))
    assert _snapshot(SearchIndex.from_base(forked_base)) == serial
    # four spans for each worker (one, built in this process, on a machine with one core)
    assert forked == [index_module.SPANS_PER_WORKER * parallel.workers() if parallel.workers() > 1 else 1]
    hits = SearchIndex.from_base(forked_base).search("middle corridor 15 days", limit=1)
    assert hits[0].fact.id == "middle-corridor-china-to-europe-in-15-days"


def test_one_worker_means_no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import parallel

    monkeypatch.setenv("OTSFACTS_WORKERS", "1")
    assert parallel.workers() == 1
    assert parallel.fork_map(len, ["ab", "c"]) == [2, 1]


def _forking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTSFACTS_PATH", raising=False)
    monkeypatch.setenv("OTSFACTS_WORKERS", "2")
    monkeypatch.setattr(index_module, "PARALLEL_FACTS", 1)
    monkeypatch.setattr(index_module, "MIN_SPAN", 1)


def _database(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every row of the built-in base's compiled database, built as the settings now say."""
    import sqlite3

    from otsfacts.cache import _file_rows, base_identity, format_version
    from otsfacts.cachewrite import compile_base, write_base
    from otsfacts.paths import input_files

    compiled = compile_base((), True, False, _file_rows(input_files(use_env=False)))
    db = sqlite3.connect(":memory:", isolation_level=None)
    write_base(db, compiled, base_identity(True, False), format_version())
    return list(db.iterdump())


def test_forked_build_writes_the_database_a_single_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import cache

    monkeypatch.delenv("OTSFACTS_PATH", raising=False)
    serial = _database(monkeypatch)
    _forking(monkeypatch)
    spawned: list[int] = []
    real_fork_map = parallel.fork_map_with
    monkeypatch.setattr(parallel, "fork_map_with", lambda function, shared, items, forked: spawned.append(len(items))
                        or real_fork_map(function, shared, items, forked))
    assert _database(monkeypatch) == serial
    assert spawned and spawned[0] > 1  # it was split among workers
    base, index = cache.load_compiled(use_cache=False)
    assert base == load_base(use_env=False)
    assert index.search("middle corridor 15 days", limit=1)[0].fact.id == "middle-corridor-china-to-europe-in-15-days"


def test_problems_found_by_workers_are_all_reported_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import cache
    from otsfacts.errors import FactBaseError

    fact = ('[[fact]]\nid = "f{n}"\nclaim = "Claim {n}."\nquote = "quote {n}"\nsource = "{source}"\n'
            'topics = ["transport"]\nkind = "statement"\n')
    text = "\n".join(fact.format(n=n, source="report-2025-10-06" if n % 3 else "nowhere") for n in range(12))
    (tmp_path / "extra.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FactBaseError) as serial:
        load_base([tmp_path], use_env=False)
    _forking(monkeypatch)
    with pytest.raises(FactBaseError) as forked:
        cache.load_compiled([tmp_path], use_cache=False)
    assert [str(p) for p in forked.value.problems] == [str(p) for p in serial.value.problems]
    assert [p.entry for p in forked.value.problems] == ["f0", "f3", "f6", "f9"]


def _remember(state: dict[str, object], item: int) -> tuple[int, object]:
    before = state.get("last")
    state["last"] = item
    return item * 10, before


def _fail(state: dict[str, object], item: int) -> int:
    raise ValueError(f"bad item {item}")


@pytest.mark.parametrize("count", [1, 2])
def test_a_crews_workers_keep_their_own_state_between_calls(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    with parallel.Crew(count) as crew:
        assert crew.size == count
        first = crew.run(_remember, list(range(1, count + 1)))
        second = crew.run(_remember, [7] * count)
    assert first == [(n * 10, None) for n in range(1, count + 1)]
    assert second == [(70, n) for n in range(1, count + 1)]  # each worker saw its own first item


def test_an_error_in_a_crews_worker_is_raised_in_the_parent() -> None:
    with parallel.Crew(2) as crew:
        with pytest.raises(ValueError, match="bad item 2"):
            crew.run(_fail, [2, 3])


def _crew_forced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Force the crew build on the small built-in base; the names of the calls each run made."""
    _forking(monkeypatch)
    monkeypatch.setattr(store_module, "PARALLEL_BYTES", 0)
    calls: list[str] = []
    real_run = parallel.Crew.run
    monkeypatch.setattr(parallel.Crew, "run", lambda crew, function, shares: calls.append(function.__name__)
                        or real_run(crew, function, shares))
    return calls


def test_a_crew_build_writes_the_database_a_single_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTSFACTS_PATH", raising=False)
    serial = _database(monkeypatch)
    calls = _crew_forced(monkeypatch)
    assert _database(monkeypatch) == serial
    assert calls == ["parse_share", "build_share"]  # parsed, then built where parsed


def test_a_crew_build_reports_every_problem_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import cache
    from otsfacts.errors import FactBaseError

    fact = ('[[fact]]\nid = "{id}"\nclaim = "Claim {n}."\nquote = "quote {n}"\nsource = "{source}"\n'
            'topics = ["transport"]\nkind = "statement"\n')
    text = "\n".join(fact.format(n=n, id="f1" if n == 4 else "Bad Id" if n == 5 else f"f{n}",
                                 source="report-2025-10-06" if n % 3 else "nowhere") for n in range(8))
    (tmp_path / "extra.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FactBaseError) as serial:
        load_base([tmp_path], use_env=False)
    calls = _crew_forced(monkeypatch)
    with pytest.raises(FactBaseError) as forked:
        cache.load_compiled([tmp_path], use_cache=False)
    assert calls == ["parse_share", "build_share"]
    assert [str(p) for p in forked.value.problems] == [str(p) for p in serial.value.problems]
    # a duplicate id and a bad one, found registering; unknown sources, found building
    assert [p.entry for p in forked.value.problems] == ["f1", "fact #5", "f0", "f3", "f6"]
