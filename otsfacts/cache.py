"""A compiled fact base and search index kept in the user's cache directory.

Parsing TOML and indexing every word is most of a search's cost; the result is stored
under ``$XDG_CACHE_HOME/otsfacts`` (``~/.cache/otsfacts``), keyed by every input file's
identity (path, size, modification time), the flags, the package and Python versions,
so any edit rebuilds it. It is written atomically (a temporary file renamed into place),
ignored with a warning when unreadable or corrupt, and skipped when the directory cannot
be written.

The file is laid out so that a warm search reads almost nothing: a small header (format
and fingerprint), the metadata (sources, topics, fact ids, vocabulary, per-fact ranking
arrays) as one ``marshal`` blob, then the postings and the facts as raw regions that are
memory-mapped. A search touches only the postings of its words and the records of the
facts it prints; at 100,000 facts that is the difference between milliseconds and
a second.
"""

from __future__ import annotations

import marshal
import mmap
import os
import sys
import zlib
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Optional, Sequence

from otsfacts import __version__
from otsfacts.model import Actor, Fact, FactBase, Source, Speaker, Topic
from otsfacts.errors import Problem
from otsfacts.search import IndexPart, Postings, SearchIndex

if TYPE_CHECKING:
    from otsfacts.store import PendingBase

Compiled = tuple[FactBase, SearchIndex]
_FORMAT = 5  # bump when the layout or the tokenising changes
_MAGIC = b"OTSFACTS"
_LENGTH = 8  # bytes of each length prefix
_RUNTIME = (sys.implementation.name, sys.version_info[:2])  # marshal's format is Python's own


def cache_dir(environ: Mapping[str, str]) -> Path:
    def get(name: str) -> str:  # an environment passed in may be partial: fall back to the process's
        return environ.get(name) or os.environ.get(name, "")

    root = get("XDG_CACHE_HOME") or os.path.join(get("HOME") or os.path.expanduser("~"), ".cache")
    return Path(root) / "otsfacts"


def _identity(files: list[Path], flags: tuple[object, ...]) -> tuple[str, str]:
    """(file name for this set of inputs, fingerprint of their current contents)."""
    names = [os.path.abspath(p) for p in files]  # not resolve(): a link loop must not raise
    stats: list[tuple[int, int, int] | None] = []
    for path in files:
        try:
            st = path.stat()
            stats.append((st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            stats.append(None)
    # crc32 and adler32 together name the file; the fingerprint inside decides validity,
    # so a collision costs a rebuild, never a wrong answer (and hashlib costs 3 ms to import)
    key = repr((names, flags)).encode("utf-8", "surrogateescape")
    name = f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"
    fingerprint = repr((_FORMAT, __version__, _RUNTIME, names, stats, flags))
    return f"base-{name}.cache", fingerprint


def load_compiled(
    paths: list[Path] | tuple[Path, ...] = (),
    *,
    builtin: bool = True,
    allow_override: bool = False,
    use_cache: bool = True,
    environ: Mapping[str, str] = os.environ,
    warn: Callable[[str], None] = lambda message: None,
) -> Compiled:
    """The base and its index: from the cache when it is current, else built (and saved)."""
    from otsfacts.paths import input_files

    if not use_cache:
        return build(paths, builtin=builtin, allow_override=allow_override)[0]
    files = input_files(paths, builtin=builtin)
    name, fingerprint = _identity(files, (builtin, allow_override))
    path = cache_dir(environ) / name
    try:
        compiled = _read(path, fingerprint)
        if compiled is not None:
            return compiled
    except (FileNotFoundError, NotADirectoryError):
        pass  # no cache yet, or no place for one
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError) as error:
        warn(f"warning: ignoring unreadable cache {path} ({type(error).__name__})")
    compiled, layout = build(paths, builtin=builtin, allow_override=allow_override)
    _save(path, layout(fingerprint))
    return compiled


# ------------------------------------------------------------------------- building


class _Numbering:
    """How the cache's fact records refer to sources, topics and files: by position."""

    def __init__(self, sources: list[Source], topics: list[Topic], paths: list[str]) -> None:
        self.sources, self.topics, self.paths = sources, topics, paths
        self.source_numbers = {s.id: n for n, s in enumerate(sources)}
        self.topic_numbers = {t.id: n for n, t in enumerate(topics)}
        self.path_numbers = {p: n for n, p in enumerate(paths)}


# the build in progress, shared with forked workers
_PENDING: Optional[tuple["PendingBase", _Numbering]] = None
SpanBuild = tuple[list[Problem], bytearray, array, Optional[IndexPart]]


def _build_span(span: tuple[int, int]) -> SpanBuild:
    """Facts ``span[0]`` to ``span[1]`` built and checked: their problems, or their cache
    records (and where each ends) and their part of the index; runs in a forked worker
    for a big base."""
    from otsfacts.search import index_part

    assert _PENDING is not None
    pending, numbering = _PENDING
    facts, problems = pending.facts(*span)
    records, ends = bytearray(), array("q")
    if problems:
        return problems, records, ends, None
    for fact in facts:
        records += marshal.dumps(_fact_record(fact, numbering))
        ends.append(len(records))
    return problems, records, ends, index_part(facts, span[0])


def build(paths: list[Path] | tuple[Path, ...] = (), *, builtin: bool = True,
          allow_override: bool = False) -> tuple[Compiled, Callable[[str], list[Piece]]]:
    """Load, check and index the base; with it, how to lay out its cache file for a fingerprint.

    The facts are built, checked, recorded and indexed span by span, by forked workers
    when the base is big: the parent never holds them all as objects, but reads them
    lazily from the records, exactly as a warm run does from the cache file.
    Raises :class:`~otsfacts.errors.FactBaseError`.
    """
    global _PENDING
    from otsfacts.errors import FactBaseError
    from otsfacts.parallel import fork_map
    from otsfacts.search import spans
    from otsfacts.store import PendingBase

    pending = PendingBase(paths, builtin=builtin, allow_override=allow_override)
    sources, topics = pending.sources, pending.topics
    files = ({str(e.path) for e in pending.fact_entries} | {s.path for s in sources.values()}
             | {t.path for t in topics.values()})
    numbering = _Numbering(list(sources.values()), list(topics.values()), sorted(files))
    chosen = spans(len(pending.fact_entries))
    ids = [entry.id or "" for entry in pending.fact_entries]
    retired = pending.retired
    _PENDING = (pending, numbering)
    try:
        # in this process when there is one span; else the workers have the parsed files
        built = fork_map(_build_span, chosen, forked=pending.release)
    finally:
        _PENDING = None
    problems = pending.problems + [p for span_problems, _, _, _ in built for p in span_problems]
    del pending  # the parsed files: the biggest thing in memory
    if problems:
        raise FactBaseError(problems)
    records, fact_offsets, parts = bytearray(), array("q", [0]), []
    while built:  # each span's records are let go as soon as they are copied
        _, span_records, ends, part = built.pop(0)
        start = len(records)
        records += span_records
        fact_offsets.extend(start + end for end in ends)
        if part is not None:
            parts.append(part)
        del span_records
    reader = _FactReader(memoryview(records), fact_offsets, numbering.sources, numbering.topics, numbering.paths)
    facts = LazyFacts(ids, reader)
    index = SearchIndex.from_parts(FactSequence(facts), parts)
    base = FactBase(facts, topics, sources, retired)
    return (base, index), lambda fingerprint: _layout(fingerprint, numbering, ids, fact_offsets, records, index,
                                                      retired)


# ------------------------------------------------------------------------- writing


#: A piece of the cache file: written as it is, never copied into one big bytes object.
Piece = bytes | bytearray | array


def _layout(fingerprint: str, numbering: _Numbering, ids: list[str], fact_offsets: array, records: bytearray,
            index: SearchIndex, retired: Mapping[str, str]) -> list[Piece]:
    """The cache file's bytes, in pieces (the big ones are the build's own buffers)."""
    postings = index.postings
    meta = {
        "paths": numbering.paths,
        "sources": [_source_record(s, numbering.path_numbers) for s in numbering.sources],
        "topics": [(t.id, t.title, t.description, t.aliases, numbering.path_numbers[t.path])
                   for t in numbering.topics],
        "ids": "\n".join(ids),
        "retired": dict(retired),
        "fact_offsets": fact_offsets.tobytes(),
        "words": "\n".join(postings.words),
        "offsets": array("q", postings.offsets).tobytes(),
        "variants": index.stems.variants,
        "claim_lengths": array("q", index.claim_lengths).tobytes(),
        "has_value": bytes(index.has_value),
        "topic_members": {k: array("q", v).tobytes() for k, v in index.topic_members.items()},
        "source_members": {k: array("q", v).tobytes() for k, v in index.source_members.items()},
    }
    head = marshal.dumps((_MAGIC, _FORMAT, fingerprint))
    body = marshal.dumps(meta)
    prefix_length = 3 * _LENGTH + len(head) + len(body)
    padding = b"\0" * (-prefix_length % 8)  # the postings start 8-aligned
    buffer = postings.buffer
    if not (isinstance(buffer, array) and buffer.typecode == "q"):
        buffer = array("q", buffer)
    sizes = array("q", [len(head), len(body) + len(padding), len(buffer) * buffer.itemsize]).tobytes()
    return [sizes[:_LENGTH], head, sizes[_LENGTH:2 * _LENGTH], sizes[2 * _LENGTH:], body, padding, buffer, records]


def _fact_record(fact: Fact, numbering: _Numbering) -> tuple:
    speaker = None if fact.speaker == fact.source.speaker else _speaker_record(fact.speaker)
    return (fact.id, fact.claim, fact.quote, numbering.source_numbers[fact.source.id],
            tuple(numbering.topic_numbers[t.id] for t in fact.topics), fact.kind, speaker, fact.value, fact.unit,
            fact.qualifier, fact.as_of, fact.date, fact.place, fact.aliases, fact.conflicts_with,
            numbering.path_numbers[fact.path], _actor_record(fact.actor), fact.note, fact.replaces)


def _actor_record(actor: Actor | None) -> tuple | None:
    return None if actor is None else (actor.name, actor.role, actor.act)


def _speaker_record(speaker: Speaker) -> tuple:
    return (speaker.name, speaker.role, speaker.reported_by)


def _source_record(source: Source, paths: dict[str, int]) -> tuple:
    return (source.id, source.outlet, source.published, source.language, _speaker_record(source.speaker),
            source.archive, source.title, dict(source.titles), source.outlet_description, source.format,
            source.dateline, source.date_note, source.aliases, paths[source.path], source.url, source.accessed)


def _save(path: Path, pieces: list[Piece]) -> None:
    """Write atomically, or not at all: a cache that cannot be written is simply skipped."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".cache")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(pieces)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


# ------------------------------------------------------------------------- reading


def _read(path: Path, fingerprint: str) -> Compiled | None:
    """The compiled base in ``path``; None when it is for other inputs. Raises when broken."""
    with open(path, "rb") as stream:
        head_length = int.from_bytes(_exactly(stream, _LENGTH), sys.byteorder, signed=True)
        if not 0 < head_length < 1 << 24:
            raise ValueError("bad header")
        magic, file_format, stored = marshal.loads(_exactly(stream, head_length))
        if magic != _MAGIC:
            raise ValueError("not an otsfacts cache")
        if file_format != _FORMAT or stored != fingerprint:
            return None  # written by another version, or for inputs since changed: rebuilt quietly
        meta_length = int.from_bytes(_exactly(stream, _LENGTH), sys.byteorder, signed=True)
        postings_length = int.from_bytes(_exactly(stream, _LENGTH), sys.byteorder, signed=True)
        meta: dict[str, Any] = marshal.loads(_exactly(stream, meta_length))
        start = stream.tell()
        size = os.fstat(stream.fileno()).st_size
        fact_offsets = _array(meta["fact_offsets"])
        if size != start + postings_length + (fact_offsets[-1] if fact_offsets else 0):
            raise ValueError("truncated")
        mapped = memoryview(mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)) if size else memoryview(b"")
    postings_view = mapped[start:start + postings_length].cast("q")
    records = mapped[start + postings_length:]

    paths: list[str] = meta["paths"]
    sources = {}
    for (sid, outlet, published, language, speaker, archive, title, titles, outlet_description, fmt,
         dateline, date_note, aliases, path_number, url, accessed) in meta["sources"]:
        sources[sid] = Source(sid, outlet, published, language, Speaker(*speaker), archive, title, titles,
                              outlet_description, fmt, dateline, date_note, aliases, paths[path_number],
                              url, accessed)
    topics = {tid: Topic(tid, title, description, aliases, paths[p])
              for tid, title, description, aliases, p in meta["topics"]}
    ids = meta["ids"].split("\n") if meta["ids"] else []
    facts = LazyFacts(ids, _FactReader(records, fact_offsets, list(sources.values()), list(topics.values()), paths))
    words = meta["words"].split("\n") if meta["words"] else []
    offsets = _array(meta["offsets"])
    if len(offsets) != len(words) + 1 or (offsets and offsets[-1] != len(postings_view)):
        raise ValueError("inconsistent index")
    index = SearchIndex.restore(
        FactSequence(facts), Postings(words, offsets, postings_view), meta["variants"],
        _array(meta["claim_lengths"]), meta["has_value"],
        {k: _array(v) for k, v in meta["topic_members"].items()},
        {k: _array(v) for k, v in meta["source_members"].items()},
    )
    return FactBase(facts, topics, sources, meta["retired"]), index


def _exactly(stream: Any, count: int) -> bytes:
    data = stream.read(count)
    if len(data) != count:
        raise EOFError("truncated")
    return data


def _array(data: bytes) -> array:
    numbers = array("q")
    numbers.frombytes(data)
    return numbers


class _FactReader:
    """Materialises fact number ``n`` from its record in the mapped file."""

    def __init__(self, records: memoryview, offsets: array, sources: list[Source], topics: list[Topic],
                 paths: list[str]) -> None:
        self.records, self.offsets, self.sources, self.topics, self.paths = records, offsets, sources, topics, paths

    def __call__(self, number: int) -> Fact:
        (fid, claim, quote, source_number, topic_numbers, kind, speaker, value, unit, qualifier, as_of, date,
         place, aliases, conflicts_with, path_number, actor, note, replaces) = marshal.loads(
            self.records[self.offsets[number]:self.offsets[number + 1]])
        source = self.sources[source_number]
        return Fact(fid, claim, quote, source, tuple(self.topics[t] for t in topic_numbers), kind,
                    Speaker(*speaker) if speaker else source.speaker, value, unit, qualifier, as_of, date, place,
                    aliases, conflicts_with, self.paths[path_number], Actor(*actor) if actor else None, note,
                    replaces)


class LazyFacts(Mapping[str, Fact]):
    """Facts by id, in base order, each read from the cache the first time it is asked for."""

    def __init__(self, ids: list[str], read: Callable[[int], Fact]) -> None:
        self.ids = ids
        self._read = read
        self._numbers: dict[str, int] | None = None
        self._made: dict[int, Fact] = {}

    def at(self, number: int) -> Fact:
        fact = self._made.get(number)
        if fact is None:
            fact = self._made[number] = self._read(number)
        return fact

    def __getitem__(self, fact_id: str) -> Fact:
        if self._numbers is None:
            self._numbers = {fid: n for n, fid in enumerate(self.ids)}
        return self.at(self._numbers[fact_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


class FactSequence(Sequence[Fact]):
    """The same facts by number, as the search index refers to them."""

    def __init__(self, facts: LazyFacts) -> None:
        self._facts = facts

    def __getitem__(self, number: int) -> Fact:  # type: ignore[override]
        return self._facts.at(number)

    def __len__(self) -> int:
        return len(self._facts)


def vectors_key(paths: list[Path] | tuple[Path, ...] = (), *, builtin: bool = True,
                allow_override: bool = False) -> str:
    """The name the search vectors of this set of inputs, as they are now, are kept under
    (beside the compiled base: :mod:`otsfacts.meaning`)."""
    from otsfacts.paths import input_files

    name, fingerprint = _identity(input_files(paths, builtin=builtin), (builtin, allow_override))
    return f"{name.removesuffix('.cache')}-{zlib.crc32(fingerprint.encode('utf-8', 'surrogateescape')):08x}"
