"""Reading a compiled base from the cache's SQLite database, lazily.

:func:`read` loads what every search needs (sources, topics, the files' first fact
numbers, the per-fact ranking arrays, topic and source members); the facts, the
postings of a word, a word of the sorted vocabulary and a stem's variants are each read
when first asked for. Every query goes through :class:`Store`, which turns damage found
late (``sqlite3.DatabaseError``, or a record that no longer decodes) into one rebuild.
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_right
from typing import Any, Callable, Iterator, Mapping, Sequence, cast

from otsfacts.cachewrite import SHIFT, fact_from_json, source_from_json, topic_from_json
from otsfacts.postings import Postings
from otsfacts.model import Fact, FactBase
from otsfacts.search import SearchIndex

Compiled = tuple[FactBase, SearchIndex]
#: A base of up to this many facts is read in one query once iterated (one query per fact,
#: each ~10 us, cost completion 1.2 ms on the built-in base; records are decoded as asked).
WHOLE = 5000


class Store:
    """The open database a compiled base reads from; a query that finds it damaged rebuilds
    it (``recover``) and is answered from the rebuilt one, which holds the same base."""

    def __init__(self, db: sqlite3.Connection, recover: Callable[[str], sqlite3.Connection]) -> None:
        self.db, self._recover = db, recover

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as error:
            self.db.close()
            self.db = self._recover(str(error))
            return self.db.execute(sql, args).fetchall()

    def one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        found = self.rows(sql, args)
        return found[0] if found else None

    def record(self, sql: str, args: Sequence[Any], decode: Callable[[Any], Any], row: Any = None) -> Any:
        """The first row ``sql`` selects (or ``row``, read before), decoded; None if there is
        none. SQLite checks its pages' structure, not their text: a record whose JSON no
        longer decodes is damage found late, the same signal."""
        for attempt in (1, 2):
            found = [row] if row is not None and attempt == 1 else self.rows(sql, args)
            if not found:
                return None
            try:
                return decode(found[0])
            except (ValueError, KeyError, TypeError) as error:
                if attempt == 2:
                    raise
                self.db.close()
                self.db = self._recover(f"{type(error).__name__} in a record")
        return None


def read(store: Store) -> Compiled:
    try:
        return _restore(store)
    except sqlite3.DatabaseError as error:  # at open: a table missing or unreadable
        store.db = store._recover(str(error))
        return _restore(store)


def _restore(store: Store) -> Compiled:
    from otsfacts.cachewrite import _blob_array

    sources = {i: source_from_json(r) for i, r in store.rows("SELECT id, record FROM sources ORDER BY number")}
    topics = {i: topic_from_json(r) for i, r in store.rows("SELECT id, record FROM topics ORDER BY number")}
    retired = dict(store.rows("SELECT old, new FROM retired ORDER BY file, sequence"))
    files = store.rows("SELECT first, count FROM files ORDER BY file")
    meta = dict(store.rows("SELECT key, value FROM meta WHERE key IN ('claim_lengths', 'flags')"))
    members: dict[str, dict[str, array[int]]] = {"topic": {}, "source": {}}
    for kind, key, numbers in store.rows("SELECT kind, id, facts FROM members ORDER BY kind, id"):
        members[kind][key] = _blob_array(numbers)
    facts = LazyFacts(store, [first for first, _ in files], sum(count for _, count in files), sources, topics)
    postings = StoredPostings(store, facts.firsts)
    variants = cast("dict[str, list[str]]", StoredVariants(store))  # Index reads it as a mapping only
    index = SearchIndex.restore(FactSequence(facts), postings, variants, _blob_array(meta["claim_lengths"]),
                                bytes(meta["flags"]), members["topic"], members["source"])
    return FactBase(facts, topics, sources, retired), index


class _Vocabulary(Sequence[str]):
    """The sorted vocabulary, read a word at a time (a prefix is a few lookups, not a load)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._length: int | None = None

    def __getitem__(self, number: int) -> str:  # type: ignore[override]  # numbers only: bisect and a scan
        if not 0 <= number < len(self):
            raise IndexError(number)
        word: str = self._store.one("SELECT word FROM words WHERE number = ?", (number,))[0]
        return word

    def __len__(self) -> int:
        if self._length is None:
            self._length = int(self._store.one("SELECT count(*) FROM words")[0])
        return self._length

    def __iter__(self) -> Iterator[str]:
        return iter([w for (w,) in self._store.rows("SELECT word FROM words ORDER BY number")])


class StoredPostings(Postings):
    """word -> packed postings, read from the ``postings`` table (one blob per file holding the
    word, numbered within that file, renumbered from its first fact here)."""

    __slots__ = ("_store", "_firsts")

    def __init__(self, store: Store, firsts: list[int]) -> None:
        super().__init__(_Vocabulary(store), (), ())
        self._store, self._firsts = store, firsts

    def __getitem__(self, word: str) -> Sequence[int]:
        found = self._store.rows("SELECT file, facts FROM postings WHERE word = ? ORDER BY file", (word,))
        if not found:
            raise KeyError(word)
        packed = array("q")
        for file, blob in found:
            shift = self._firsts[file] << SHIFT
            if shift:
                part = array("q")
                part.frombytes(blob)
                packed.extend(map(shift.__add__, part))
            else:
                packed.frombytes(blob)
        return packed

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._store.one(
            "SELECT 1 FROM postings WHERE word = ? LIMIT 1", (word,)) is not None

    def count(self, word: str) -> int:
        """How many facts hold ``word``: the length of its blobs (SQLite reads no blob to tell)."""
        return int(self._store.one("SELECT total(length(facts)) FROM postings WHERE word = ?", (word,))[0]) // 8


class StoredVariants(Mapping[str, list[str]]):
    """stem -> the vocabulary words with that stem (those that differ from it), from ``stems``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getitem__(self, key: str) -> list[str]:
        found = [w for (w,) in self._store.rows("SELECT word FROM stems WHERE stem = ? ORDER BY word", (key,))]
        if not found:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter([s for (s,) in self._store.rows("SELECT DISTINCT stem FROM stems ORDER BY stem")])

    def __len__(self) -> int:
        return int(self._store.one("SELECT count(DISTINCT stem) FROM stems")[0])


class LazyFacts(Mapping[str, Fact]):
    """Facts by id, in base order, each read from the cache the first time it is asked for."""

    def __init__(self, store: Store, firsts: list[int], count: int, sources: Mapping[str, Any],
                 topics: Mapping[str, Any]) -> None:
        self._store, self.firsts, self._count = store, firsts, count
        self._sources, self._topics = sources, topics
        self._made: dict[int, Fact] = {}
        self._numbers: dict[str, int] | None = None  # a small base read whole: see __iter__
        self._records: list[str] = []

    def _place(self, number: int) -> tuple[int, int]:
        """(file, position in it) of fact ``number``: the last file starting at or before it."""
        file = bisect_right(self.firsts, number) - 1  # files with no facts share the next one's first
        return file, number - self.firsts[file]

    def _decode(self, record: str) -> Fact:
        return fact_from_json(record, self._sources, self._topics)

    def at(self, number: int) -> Fact:
        fact = self._made.get(number)
        if fact is None:
            if not 0 <= number < self._count:
                raise IndexError(number)
            fact = self._made[number] = self._store.record(
                "SELECT record FROM facts WHERE file = ? AND position = ?", self._place(number),
                lambda row: self._decode(row[0]), (self._records[number],) if self._records else None)
        return fact

    def __getitem__(self, fact_id: str) -> Fact:
        if self._numbers is not None:
            number = self._numbers.get(fact_id) if isinstance(fact_id, str) else None
            if number is None:
                raise KeyError(fact_id)
            return self.at(number)

        def found(row: tuple[int, int, str]) -> Fact:
            number = self.firsts[row[0]] + row[1]
            fact = self._made.get(number)
            if fact is None:
                fact = self._made[number] = self._decode(row[2])
            return fact

        fact: Fact | None = self._store.record("SELECT file, position, record FROM facts WHERE id = ?",
                                                (fact_id,), found) if isinstance(fact_id, str) else None
        if fact is None:
            raise KeyError(fact_id)
        return fact

    def __iter__(self) -> Iterator[str]:
        if self._count > WHOLE:
            return iter([i for (i,) in self._store.rows("SELECT id FROM facts ORDER BY file, position")])
        if self._numbers is None:  # a listing or a completion: it will look at most facts
            rows = self._store.rows("SELECT id, record FROM facts ORDER BY file, position")
            self._numbers = {i: n for n, (i, _) in enumerate(rows)}
            self._records = [r for _, r in rows]
        return iter(list(self._numbers))

    def __len__(self) -> int:
        return self._count


class FactSequence(Sequence[Fact]):
    """The same facts by number, as the search index refers to them."""

    def __init__(self, facts: LazyFacts) -> None:
        self._facts = facts

    def __getitem__(self, number: int) -> Fact:  # type: ignore[override]
        return self._facts.at(number)

    def __len__(self) -> int:
        return len(self._facts)
