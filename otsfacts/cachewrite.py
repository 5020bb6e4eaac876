"""Compiling a fact base into the cache's SQLite database: in full, or one changed file at a time.

A full build parses and checks every file (:class:`~otsfacts.store.PendingBase`), then
builds, records and indexes the facts a span at a time; a big base in forked workers
(:mod:`otsfacts.parallel` says why), each building the facts of the files it parsed
(:mod:`otsfacts.crewbuild`). An incremental update recompiles only the files
whose size or modification time changed: their rows are deleted and written again, and
what spans files (the vocabulary, the per-fact arrays, the fact numbers) is patched.
Either way the result is the same database, row for row (``tests/test_cache.py`` holds
them to it). A change that reaches other files' rows falls back to a full build:
``--override``, a file added, removed or reordered, a changed source or topic (other
files' facts are indexed under its words), a fact id removed (others may name it), or
any problem (so every error message is a full load's).

Facts are numbered in base order, and stored by (file, position in that file): the
``files`` table gives each file's first number. The base order is each file's facts in
turn, except that ``--override`` puts a fact where the built-in one it replaces was; such
a fact is stored with the facts around it (its ``file`` is then where it sits).
"""

from __future__ import annotations

import json
import os
import sqlite3
from array import array
from functools import partial
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from otsfacts.cache import APPLICATION_ID
from otsfacts.index import FIELDS, IndexPart, index_part, spans
from otsfacts.postings import Packed, pack, unpacked
from otsfacts.text import stem
from otsfacts.model import Actor, Fact, Source, Speaker, Topic

if TYPE_CHECKING:
    from otsfacts.errors import Problem
    from otsfacts.parallel import Crew
    from otsfacts.store import PendingBase

#: ``PRAGMA application_id``: tells an otsfacts cache from another program's database.
#: A postings entry is ``fact number << SHIFT | field mask`` (see :class:`otsfacts.index.Postings`).
SHIFT = len(FIELDS)

#: The index of fact ids is made once the facts are in (faster than keeping it while they go in).
INDEXES = "CREATE INDEX fact_ids ON facts (id);"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE files (file INTEGER PRIMARY KEY, path TEXT NOT NULL, size INTEGER, mtime_ns INTEGER,
                    inode INTEGER, first INTEGER NOT NULL, count INTEGER NOT NULL);
CREATE TABLE sources (number INTEGER PRIMARY KEY, id TEXT NOT NULL, file INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE topics (number INTEGER PRIMARY KEY, id TEXT NOT NULL, file INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE facts (file INTEGER, position INTEGER, id TEXT NOT NULL, record TEXT NOT NULL,
                    PRIMARY KEY (file, position)) WITHOUT ROWID;
CREATE TABLE retired (file INTEGER, sequence INTEGER, old TEXT NOT NULL, new TEXT NOT NULL,
                      PRIMARY KEY (file, sequence)) WITHOUT ROWID;
CREATE TABLE postings (word TEXT, file INTEGER, facts BLOB NOT NULL, PRIMARY KEY (word, file)) WITHOUT ROWID;
CREATE TABLE words (number INTEGER PRIMARY KEY, word TEXT NOT NULL);
CREATE TABLE stems (stem TEXT, word TEXT, PRIMARY KEY (stem, word)) WITHOUT ROWID;
CREATE TABLE members (kind TEXT, id TEXT, facts BLOB NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
"""

#: (path, size, mtime_ns, inode) of each input file as this run found it; None stats: missing.
FileRow = tuple[str, Any, Any, Any]


# ------------------------------------------------------------------------- records as JSON


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields by name (its ``__slots__``, as both a Record and a slotted dataclass have)."""
    return {name: getattr(record, name) for name in type(record).__slots__}


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # made once: 100,000 records


def _dumps(fields: Mapping[str, Any]) -> str:
    return _ENCODER.encode(fields)


def fact_json(fact: Fact) -> str:
    fields = _fields(fact)
    fields.update(source=fact.source.id, topics=[t.id for t in fact.topics],
                  speaker=None if fact.speaker == fact.source.speaker else _fields(fact.speaker),
                  actor=None if fact.actor is None else _fields(fact.actor))
    return _dumps(fields)


def source_json(source: Source) -> str:
    return _dumps(dict(_fields(source), speaker=_fields(source.speaker), titles=dict(source.titles)))


def topic_json(topic: Topic) -> str:
    return _dumps(_fields(topic))


def _tuples(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}


def fact_from_json(text: str, sources: Mapping[str, Source], topics: Mapping[str, Topic]) -> Fact:
    fields = _tuples(json.loads(text))  # every field, whatever the model holds: nothing listed here
    source = sources[fields.pop("source")]
    speaker, actor, topic_ids = fields.pop("speaker"), fields.pop("actor"), fields.pop("topics")
    return Fact(**fields, source=source, topics=tuple(topics[t] for t in topic_ids),
                speaker=source.speaker if speaker is None else Speaker(**speaker),
                actor=None if actor is None else Actor(**actor))


def source_from_json(text: str) -> Source:
    fields = _tuples(json.loads(text))
    return Source(**dict(fields, speaker=Speaker(**fields["speaker"])))


def topic_from_json(text: str) -> Topic:
    return Topic(**_tuples(json.loads(text)))


# ------------------------------------------------------------------------- a full build


Span = tuple[int, int, int]  # fact entries start to stop, numbered in their file from the third


def _build_span(pending: PendingBase, span: Span) -> SpanRows:
    """One span's facts built and checked (in a worker of :func:`fork_map_with`)."""
    return span_rows(*pending.facts(span[0], span[1]), span[2])


SpanRows = tuple[list["Problem"], list[str], "IndexPart | None", Packed]


#: A span with nothing built: no records, no index, no postings.
NO_ROWS: SpanRows = ([], [], None, ("", array("q"), b""))


def span_rows(facts: list[Fact], problems: list[Problem], first: int) -> SpanRows:
    """A span's problems, or its records and index numbered from ``first``, its postings
    packed to cross back from a worker (see :data:`otsfacts.postings.Packed`)."""
    if problems:
        return (problems, *NO_ROWS[1:])
    part = index_part(facts, first)
    return [], [fact_json(f) for f in facts], part._replace(postings={}), pack(part.postings)


class Compilation:
    """Every row of a base's database, as a full build makes them from the fact files."""

    def __init__(self, files: list[FileRow]) -> None:
        self.files = files
        self.firsts = [0] * len(files)
        self.counts = [0] * len(files)
        self.sources: list[tuple[str, int, str]] = []
        self.topics: list[tuple[str, int, str]] = []
        self.facts: list[tuple[int, int, str, str]] = []
        self.retired: list[tuple[int, int, str, str]] = []
        self.postings: dict[int, dict[str, bytes]] = {}  # file -> word -> its packed postings
        self.claim_lengths, self.flags = array("q"), bytearray()
        self.members: dict[tuple[str, str], array[int]] = {}

    def add_part(self, file: int, records: list[str], ids: list[str], part: IndexPart, postings: Packed) -> None:
        """The next span of ``file``'s facts: its records, and its index (numbered within the
        file; its postings packed)."""
        position = self.counts[file]
        self.facts.extend((file, position + n, i, r) for n, (i, r) in enumerate(zip(ids, records)))
        self.counts[file] += len(records)
        into = self.postings.setdefault(file, {})
        for word, packed in unpacked(postings):  # a later span's facts after an earlier's
            mine = into.get(word)
            into[word] = packed if mine is None else mine + packed
        self.claim_lengths.extend(part.claim_lengths)
        self.flags += part.has_value
        for kind, members in (("topic", part.topic_members), ("source", part.source_members)):
            shift = self.firsts[file]
            for key, numbers in members.items():
                self.members.setdefault((kind, key), array("q")).extend(n + shift for n in numbers)


def compile_base(paths: Sequence[Path | str], builtin: bool, allow_override: bool,
                 files: list[FileRow]) -> Compilation:
    """Every row of the base these arguments load. Raises :class:`~otsfacts.errors.FactBaseError`.

    A big base is parsed and built by a :class:`~otsfacts.parallel.Crew` of forked workers,
    each building the facts of the files it parsed; with ``--override`` (a fact may move to
    another file's place), by :func:`~otsfacts.parallel.fork_map_with` over the parsed base.
    """
    from otsfacts.parallel import Crew, workers
    from otsfacts.store import PARALLEL_BYTES

    count = workers()
    if allow_override or count < 2 or sum(size or 0 for _, size, *_ in files) <= PARALLEL_BYTES:
        return _compile(paths, builtin, allow_override, files, None)
    with Crew(count) as crew:
        return _compile(paths, builtin, allow_override, files, crew)


def _compile(paths: Sequence[Path | str], builtin: bool, allow_override: bool, files: list[FileRow],
             crew: Crew | None) -> Compilation:
    """:func:`compile_base`'s work, by ``crew`` or else by :func:`~otsfacts.parallel.fork_map_with`."""
    from otsfacts.errors import FactBaseError
    from otsfacts.parallel import fork_map_with
    from otsfacts.store import PendingBase

    where: dict[int, tuple[int, int]] = {}  # a crew's parsed fact table (by id) -> its worker, its position
    read = None
    if crew is not None:
        from otsfacts.crewbuild import crew_read

        read = partial(crew_read, crew, where)
    pending = PendingBase(paths, builtin=builtin, allow_override=allow_override, read=read)
    file_numbers = {path: n for n, (path, *_) in enumerate(files)}
    segments, top = [], 0
    for entry in pending.fact_entries:  # a fact put where the one it overrides was stays there
        top = max(top, file_numbers.get(os.path.abspath(entry.path), top))
        segments.append(top)
    entries = len(segments)
    step = max(1, spans(entries)[0][1])  # the span size spans() gives the whole base
    chosen: list[Span] = []
    files_of: list[int] = []
    start = 0
    while start < entries:
        stop = start + 1
        while stop < entries and segments[stop] == segments[start]:
            stop += 1
        for begin in range(start, stop, step):
            chosen.append((begin, min(stop, begin + step), begin - start))
            files_of.append(segments[start])
        start = stop
    ids = [entry.id or "" for entry in pending.fact_entries]
    if crew is None:
        built = fork_map_with(_build_span, pending, chosen, forked=pending.release)
    else:
        from otsfacts.crewbuild import crew_build

        built = crew_build(crew, pending, chosen, where)
    problems = pending.problems + [p for span_problems, *_ in built for p in span_problems]
    if problems:
        raise FactBaseError(problems)
    rows = Compilation(files)
    for source in pending.sources.values():
        rows.sources.append((source.id, file_numbers[os.path.abspath(source.path)], source_json(source)))
    for topic in pending.topics.values():
        rows.topics.append((topic.id, file_numbers[os.path.abspath(topic.path)], topic_json(topic)))
    segment_of = dict(zip(ids, segments))
    sequence: dict[int, int] = {}
    for old, new in pending.retired.items():
        file = segment_of[new]
        rows.retired.append((file, sequence.setdefault(file, 0), old, new))
        sequence[file] += 1
    del pending  # the parsed files: the biggest thing in memory
    for file in segments:
        rows.counts[file] += 1
    rows.firsts = [0, *accumulate(rows.counts)][:len(files)]
    rows.counts = [0] * len(files)  # counted again as the spans are added
    for (begin, stop, _), file, (_, records, part, postings) in zip(chosen, files_of, built):
        assert part is not None
        rows.add_part(file, records, ids[begin:stop], part, postings)
    built.clear()
    return rows


# ------------------------------------------------------------------------- writing


def _many(db: sqlite3.Connection, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    db.executemany(sql, rows)


def write_base(db: sqlite3.Connection, rows: Compilation, identity: str, version: int) -> None:
    """Fill the empty database ``db`` with ``rows``, in one transaction."""
    db.executescript(f"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA application_id={APPLICATION_ID};"
                     f"PRAGMA user_version={version}; BEGIN; {SCHEMA}")
    _many(db, "INSERT INTO meta VALUES (?, ?)", [("identity", identity)])
    _many(db, "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
          [(n, *row, rows.firsts[n], rows.counts[n]) for n, row in enumerate(rows.files)])
    _many(db, "INSERT INTO sources VALUES (?, ?, ?, ?)", [(n, *row) for n, row in enumerate(rows.sources)])
    _many(db, "INSERT INTO topics VALUES (?, ?, ?, ?)", [(n, *row) for n, row in enumerate(rows.topics)])
    _many(db, "INSERT INTO facts VALUES (?, ?, ?, ?)", rows.facts)
    _many(db, "INSERT INTO retired VALUES (?, ?, ?, ?)", rows.retired)
    words = sorted({w for found in rows.postings.values() for w in found})
    # in key order, so the table grows at its end rather than being split page by page (3x faster)
    _many(db, "INSERT INTO postings VALUES (?, ?, ?)",
          sorted((w, file, p) for file, found in rows.postings.items() for w, p in found.items()))
    _many(db, "INSERT INTO words VALUES (?, ?)", enumerate(words))
    _many(db, "INSERT INTO stems VALUES (?, ?)", ((r, w) for w in words if (r := stem(w)) != w))
    _write_arrays(db, rows.claim_lengths, bytes(rows.flags), rows.members)
    db.execute(INDEXES)
    db.execute("COMMIT")


def _write_arrays(db: sqlite3.Connection, claim_lengths: array[int], flags: bytes,
                  members: Mapping[tuple[str, str], array[int]]) -> None:
    """What ranking and filtering need of every fact, by fact number (see :class:`otsfacts.index.Index`)."""
    _many(db, "INSERT OR REPLACE INTO meta VALUES (?, ?)", [("claim_lengths", claim_lengths.tobytes()),
                                                            ("flags", flags)])
    db.execute("DELETE FROM members")
    _many(db, "INSERT INTO members VALUES (?, ?, ?)", ((k, i, n.tobytes()) for (k, i), n in members.items() if n))


def _blob_array(blob: bytes) -> array[int]:
    numbers = array("q")
    numbers.frombytes(blob)
    return numbers


# ------------------------------------------------------------------------- an incremental update


def update_base(db: sqlite3.Connection, changed: list[int], files: list[FileRow], builtin_files: set[str]) -> bool:
    """Recompile the ``changed`` files in ``db`` (a copy of the cache), in one transaction;
    False, with nothing committed, when a full build is needed instead (see the module's docstring)."""
    from otsfacts.store import load_file_within

    stored = db.execute("SELECT first, count FROM files ORDER BY file").fetchall()
    firsts, counts = [first for first, _ in stored], [count for _, count in stored]
    source_rows = db.execute("SELECT id, file, record FROM sources ORDER BY number").fetchall()
    topic_rows = db.execute("SELECT id, file, record FROM topics ORDER BY number").fetchall()
    sources = {i: source_from_json(r) for i, _, r in source_rows}
    topics = {i: topic_from_json(r) for i, _, r in topic_rows}
    meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('claim_lengths', 'flags')").fetchall())
    claim_lengths, flags = _blob_array(meta["claim_lengths"]), bytearray(meta["flags"])
    members = {(k, i): _blob_array(n) for k, i, n in db.execute("SELECT kind, id, facts FROM members")}
    retired_rows = db.execute("SELECT file, old FROM retired").fetchall()
    added: set[str] = set()  # words new to the base, and words gone from it
    gone: set[str] = set()
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("BEGIN")
    for file in changed:
        path = files[file][0]
        old_ids = [i for (i,) in db.execute("SELECT id FROM facts WHERE file = ? ORDER BY position", (file,))]
        others = dict.fromkeys(i for (i,) in db.execute("SELECT id FROM facts WHERE file != ?", (file,)))
        own_sources, own_topics, facts, retired, problems = load_file_within(
            Path(path), path in builtin_files, sources, topics, others)
        new_ids = [f.id for f in facts]
        others_retired = {old for f, old in retired_rows if f != file}
        if (problems or set(old_ids) - set(new_ids) or others_retired & (set(retired) | set(new_ids))
                or [(s.id, file, source_json(s)) for s in own_sources] != [r for r in source_rows if r[1] == file]
                or [(t.id, file, topic_json(t)) for t in own_topics] != [r for r in topic_rows if r[1] == file]):
            db.execute("ROLLBACK")
            return False
        part = index_part(facts, 0)
        first, delta = firsts[file], len(facts) - counts[file]
        db.execute("DELETE FROM facts WHERE file = ?", (file,))
        _many(db, "INSERT INTO facts VALUES (?, ?, ?, ?)",
              [(file, n, f.id, fact_json(f)) for n, f in enumerate(facts)])
        db.execute("DELETE FROM retired WHERE file = ?", (file,))
        _many(db, "INSERT INTO retired VALUES (?, ?, ?, ?)",
              [(file, n, old, new) for n, (old, new) in enumerate(retired.items())])
        old_words = {w for (w,) in db.execute("SELECT word FROM postings WHERE file = ?", (file,))}
        db.execute("DELETE FROM postings WHERE file = ?", (file,))  # (not RETURNING: SQLite 3.35+ only)
        new_words = set(part.postings)
        gone.update(w for w in old_words - new_words if not _held(db, w))
        added.update(w for w in new_words - old_words if not _held(db, w))
        _many(db, "INSERT INTO postings VALUES (?, ?, ?)",
              sorted((w, file, p.tobytes()) for w, p in part.postings.items()))
        db.execute("UPDATE files SET size = ?, mtime_ns = ?, inode = ?, count = ? WHERE file = ?",
                   (*files[file][1:], len(facts), file))
        if delta:
            db.execute("UPDATE files SET first = first + ? WHERE file > ?", (delta, file))
            firsts[file + 1:] = [f + delta for f in firsts[file + 1:]]
        end = first + counts[file]
        claim_lengths[first:end] = part.claim_lengths
        flags[first:end] = part.has_value
        for kind, found in (("topic", part.topic_members), ("source", part.source_members)):
            for key in found:
                members.setdefault((kind, key), array("q"))
        for (kind, key), numbers in members.items():
            mine = (part.topic_members if kind == "topic" else part.source_members).get(key, ())
            members[kind, key] = array("q", [*(n for n in numbers if n < first), *(first + n for n in mine),
                                             *(n + delta for n in numbers if n >= end)])
        counts[file] = len(facts)
    _write_arrays(db, claim_lengths, bytes(flags), dict(sorted(members.items())))
    if added or gone:
        _renumber(db, added - gone, gone - added)
    db.execute("COMMIT")
    return True


def _held(db: sqlite3.Connection, word: str) -> bool:
    """Whether any file's facts hold ``word``."""
    return db.execute("SELECT 1 FROM postings WHERE word = ? LIMIT 1", (word,)).fetchone() is not None


def _renumber(db: sqlite3.Connection, added: set[str], gone: set[str]) -> None:
    """The sorted vocabulary written again, with the words new to the base and without those gone."""
    words = sorted({w for (w,) in db.execute("SELECT word FROM words")} - gone | added)
    db.execute("DELETE FROM words")
    _many(db, "INSERT INTO words VALUES (?, ?)", enumerate(words))
    _many(db, "DELETE FROM stems WHERE stem = ? AND word = ?", ((r, w) for w in gone if (r := stem(w)) != w))
    _many(db, "INSERT INTO stems VALUES (?, ?)", ((r, w) for w in added if (r := stem(w)) != w))
