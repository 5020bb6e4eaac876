"""A compiled fact base and search index kept in the user's cache directory.

Parsing TOML and indexing every word is most of a search's cost; the result is stored
under ``$XDG_CACHE_HOME/otsfacts`` (``~/.cache/otsfacts``), keyed by every input file's
identity (path, size, modification time), the flags, the package and Python versions,
so any edit rebuilds it. It is written atomically (a temporary file renamed into place),
ignored with a warning when unreadable or corrupt, and skipped when the directory cannot
be written.

Nothing in the file is trusted without a check (see the README's "Reliability"):
:func:`private_dir` makes the directories 0700; :func:`open_trusted` opens the file
only if it is a regular file of the current user that nobody else may write, without
following a link or blocking on a FIFO; a CRC-32 covers the header and metadata
(checked at open) and each :data:`PAGE_SIZE` page of postings and records (checked by
:class:`_Pages` the first time a page is read). Damage found at open, or late, means one
warning, the file discarded and the base rebuilt from the fact files in the same run;
:func:`sweep_stale_temporaries` removes what killed writers left behind.

The file is laid out so that a warm search reads almost nothing: a small header (format
and fingerprint), the metadata (sources, topics, fact ids, vocabulary, per-fact ranking
arrays) as one ``marshal`` blob, then the postings and the facts as raw regions that are
memory-mapped. A search touches only the postings of its words and the records of the
facts it prints; at 100,000 facts that is the difference between milliseconds and
a second.
"""

from __future__ import annotations

import errno
import marshal
import mmap
import os
import stat
import sys
import time
import zlib
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Optional, Sequence, Union

from otsfacts import __version__
from otsfacts.model import Actor, Fact, FactBase, Source, Speaker, Topic
from otsfacts.errors import Problem
from otsfacts.index import IndexPart, Postings
from otsfacts.search import SearchIndex

if TYPE_CHECKING:
    from otsfacts.store import PendingBase

Compiled = tuple[FactBase, SearchIndex]
_FORMAT = 7  # bump when the layout or the tokenising changes
_MAGIC = b"OTSFACTS"
_LENGTH = 8  # bytes of each length prefix
_RUNTIME = (sys.implementation.name, sys.version_info[:2])  # marshal's format is Python's own
#: Postings and records are checksummed in pages of this many bytes, each checked on first read.
PAGE_SIZE = 32 * 1024
#: A temporary file older than this is a killed writer's, and is swept.
STALE_SECONDS = 600


class CacheDamaged(Exception):
    """The cache file is not what otsfacts wrote (damaged, planted or not a regular file)."""


def cache_dir(environ: Mapping[str, str]) -> Path:
    def get(name: str) -> str:  # an environment passed in may be partial: fall back to the process's
        return environ.get(name) or os.environ.get(name, "")

    root = get("XDG_CACHE_HOME")
    if not os.path.isabs(root):  # the XDG spec: a relative path is invalid and is ignored
        root = os.path.join(get("HOME") or os.path.expanduser("~"), ".cache")
    return Path(root) / "otsfacts"


def private_dir(path: Path) -> None:
    """Create ``path`` and any missing parents with mode 0700 (XDG asks it of the cache's
    directories; ``os.makedirs`` would give parents the umask's mode)."""
    missing = []
    while not path.exists():
        missing.append(path)
        if path.parent == path:
            break
        path = path.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass  # made meanwhile by another run


def open_trusted(path: Path) -> int:
    """A read-only descriptor of the cache file ``path``, opened without following a link
    or blocking (a FIFO or device answers at once); raises :class:`CacheDamaged` unless it
    is a regular file owned by the current user and writable by no one else."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise CacheDamaged("a symbolic link") from None
        raise
    try:
        check_trusted(os.fstat(handle))
    except BaseException:
        os.close(handle)
        raise
    return handle


def check_trusted(st: os.stat_result) -> None:
    """Raise :class:`CacheDamaged` unless ``st`` is a regular file of this user, writable only by them."""
    if not stat.S_ISREG(st.st_mode):
        raise CacheDamaged("not a regular file")
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        raise CacheDamaged("owned by another user")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise CacheDamaged("writable by others")


def sweep_stale_temporaries(folder: Path, now: float | None = None) -> None:
    """Remove this user's temporary cache files that a killed writer left behind."""
    now = time.time() if now is None else now
    try:
        names = [n for n in os.listdir(folder) if n.startswith(".tmp-") and n.endswith(".cache")]
    except OSError:
        return
    for name in names:
        path = folder / name
        try:
            st = path.lstat()
            mine = not hasattr(os, "geteuid") or st.st_uid == os.geteuid()
            if stat.S_ISREG(st.st_mode) and mine and now - st.st_mtime > STALE_SECONDS:
                path.unlink()
        except OSError:
            pass


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

    def rebuild() -> tuple[Compiled, Callable[[str], list[Piece]]]:
        compiled, layout = build(paths, builtin=builtin, allow_override=allow_override)
        _save(path, layout(fingerprint))
        return compiled, layout

    def damaged(reason: str) -> Compiled:
        """Damage found after opening (a page whose checksum fails): warned once, rebuilt."""
        warn(f"warning: ignoring unreadable cache {path} ({reason}); rebuilt from the fact files")
        _discard(path)
        return rebuild()[0]

    try:
        compiled = _read(path, fingerprint, damaged)
        if compiled is not None:
            return compiled
    except (FileNotFoundError, NotADirectoryError):
        pass  # no cache yet, or no place for one
    except CacheDamaged as error:
        warn(f"warning: ignoring unreadable cache {path} ({error})")
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, OverflowError, MemoryError) as error:
        warn(f"warning: ignoring unreadable cache {path} ({type(error).__name__})")
    return rebuild()[0]


def _discard(path: Path) -> None:
    """Remove a damaged cache file (if it is still ours to remove)."""
    try:
        path.unlink()
    except OSError:
        pass


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
SpanBuild = tuple[list[Problem], bytearray, "array[int]", Optional[IndexPart]]


def _build_span(span: tuple[int, int]) -> SpanBuild:
    """Facts ``span[0]`` to ``span[1]`` built and checked: their problems, or their cache
    records (and where each ends) and their part of the index; runs in a forked worker
    for a big base."""
    from otsfacts.index import index_part

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
    from otsfacts.index import spans
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
    reader = _FactReader(_Data(array("q"), memoryview(records), fact_offsets), numbering.sources, numbering.topics,
                         numbering.paths)
    facts = LazyFacts(ids, reader)
    index = SearchIndex.from_parts(FactSequence(facts), parts)
    base = FactBase(facts, topics, sources, retired)
    return (base, index), lambda fingerprint: _layout(fingerprint, numbering, ids, fact_offsets, records, index,
                                                      retired)


# ------------------------------------------------------------------------- writing


#: A piece of the cache file: written as it is, never copied into one big bytes object.
Piece = Union[bytes, bytearray, "array[int]"]


def _layout(fingerprint: str, numbering: _Numbering, ids: list[str], fact_offsets: array[int], records: bytearray,
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
    buffer = postings.buffer
    if not (isinstance(buffer, array) and buffer.typecode == "q"):
        buffer = array("q", buffer)
    meta["pages"] = page_checksums([buffer, records]).tobytes()
    head = marshal.dumps((_MAGIC, _FORMAT, fingerprint))
    body = marshal.dumps(meta)
    prefix_length = 4 * _LENGTH + len(head) + len(body)
    padding = b"\0" * (-prefix_length % 8)  # the postings start 8-aligned
    sizes = array("q", [len(head), len(body) + len(padding), len(buffer) * buffer.itemsize]).tobytes()
    checksum = zlib.crc32(body + padding, zlib.crc32(sizes, zlib.crc32(head)))
    return [sizes[:_LENGTH], head, sizes[_LENGTH:2 * _LENGTH], sizes[2 * _LENGTH:] + checksum.to_bytes(_LENGTH, "little"),
            body, padding, buffer, records]


def page_checksums(pieces: Sequence[Piece]) -> array[int]:
    """The CRC-32 of each :data:`PAGE_SIZE` page of ``pieces`` laid end to end."""
    sums, running, filled = array("q"), 0, 0
    for piece in pieces:
        view = memoryview(piece).cast("B")
        position = 0
        while position < len(view):
            take = min(PAGE_SIZE - filled, len(view) - position)
            running = zlib.crc32(view[position:position + take], running)
            filled += take
            position += take
            if filled == PAGE_SIZE:
                sums.append(running)
                running, filled = 0, 0
    if filled:
        sums.append(running)
    return sums


def _fact_record(fact: Fact, numbering: _Numbering) -> tuple[Any, ...]:
    speaker = None if fact.speaker == fact.source.speaker else _speaker_record(fact.speaker)
    return (fact.id, fact.claim, fact.quote, numbering.source_numbers[fact.source.id],
            tuple(numbering.topic_numbers[t.id] for t in fact.topics), fact.kind, speaker, fact.value, fact.unit,
            fact.qualifier, fact.as_of, fact.date, fact.place, fact.aliases, fact.conflicts_with,
            numbering.path_numbers[fact.path], _actor_record(fact.actor), fact.note, fact.replaces)


def _actor_record(actor: Actor | None) -> tuple[Any, ...] | None:
    return None if actor is None else (actor.name, actor.role, actor.act)


def _speaker_record(speaker: Speaker) -> tuple[Any, ...]:
    return (speaker.name, speaker.role, speaker.reported_by)


def _source_record(source: Source, paths: dict[str, int]) -> tuple[Any, ...]:
    return (source.id, source.outlet, source.published, source.language, _speaker_record(source.speaker),
            source.archive, source.title, dict(source.titles), source.outlet_description, source.format,
            source.dateline, source.date_note, source.aliases, paths[source.path], source.url, source.accessed)


def _save(path: Path, pieces: list[Piece]) -> None:
    """Write atomically, or not at all: a cache that cannot be written is simply skipped.
    An interrupted write removes its temporary file; a killed one's is swept by a later run."""
    import tempfile

    try:
        private_dir(path.parent)
        sweep_stale_temporaries(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".cache")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(pieces)
        os.replace(temporary, path)
    except BaseException as error:  # Ctrl-C or a full disk mid-write: no temporary file left
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if not isinstance(error, OSError):
            raise


# ------------------------------------------------------------------------- reading


def _read(path: Path, fingerprint: str, damaged: Callable[[str], Compiled]) -> Compiled | None:
    """The compiled base in ``path``; None when it is for other inputs. Raises when broken
    (:class:`CacheDamaged` when it is untrusted or fails its checksums)."""
    with os.fdopen(open_trusted(path), "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        head_size = _exactly(stream, _LENGTH)
        head_length = int.from_bytes(head_size, sys.byteorder, signed=True)
        if not 0 < head_length < min(1 << 24, size):
            raise ValueError("bad header")
        head = _exactly(stream, head_length)
        magic, file_format, stored = marshal.loads(head)
        if magic != _MAGIC:
            raise ValueError("not an otsfacts cache")
        if file_format != _FORMAT:
            return None  # written by another version: rebuilt quietly
        sizes = _exactly(stream, 3 * _LENGTH)
        meta_length = int.from_bytes(sizes[:_LENGTH], sys.byteorder, signed=True)
        postings_length = int.from_bytes(sizes[_LENGTH:2 * _LENGTH], sys.byteorder, signed=True)
        if not (0 <= meta_length <= size and 0 <= postings_length <= size and postings_length % 8 == 0):
            raise CacheDamaged("checksum mismatch")
        body = _exactly(stream, meta_length)
        check_header(head, head_size + sizes[:2 * _LENGTH], body, int.from_bytes(sizes[2 * _LENGTH:], "little"))
        if stored != fingerprint:
            return None  # for inputs since changed: rebuilt quietly
        meta: dict[str, Any] = marshal.loads(body)
        start = stream.tell()
        fact_offsets = _array(meta["fact_offsets"])
        if size != start + postings_length + (fact_offsets[-1] if fact_offsets else 0):
            raise CacheDamaged("truncated")
        mapped = memoryview(mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)) if size else memoryview(b"")
    pages = _Pages(mapped[start:], _array(meta["pages"]))
    data = _Data(mapped[start:start + postings_length].cast("q"), mapped[start + postings_length:], fact_offsets,
                 pages, lambda: damaged("checksum mismatch"))

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
    facts = LazyFacts(ids, _FactReader(data, list(sources.values()), list(topics.values()), paths))
    words = meta["words"].split("\n") if meta["words"] else []
    offsets = _array(meta["offsets"])
    if len(offsets) != len(words) + 1 or (offsets and offsets[-1] != len(data.postings)):
        raise ValueError("inconsistent index")
    data.expect(ids, words, offsets)
    index = SearchIndex.restore(
        FactSequence(facts), Postings(words, offsets, _CheckedPostings(data)), meta["variants"],
        _array(meta["claim_lengths"]), meta["has_value"],
        {k: _array(v) for k, v in meta["topic_members"].items()},
        {k: _array(v) for k, v in meta["source_members"].items()},
    )
    return FactBase(facts, topics, sources, meta["retired"]), index


def check_header(head: bytes, sizes: bytes, body: bytes, stored: int) -> None:
    """Raise :class:`CacheDamaged` unless the header and metadata match their CRC-32."""
    if zlib.crc32(body, zlib.crc32(sizes, zlib.crc32(head))) != stored:
        raise CacheDamaged("checksum mismatch")


def _exactly(stream: Any, count: int) -> bytes:
    data: bytes = stream.read(count)
    if len(data) != count:
        raise EOFError("truncated")
    return data


def _array(data: bytes) -> array[int]:
    numbers = array("q")
    numbers.frombytes(data)
    return numbers


class _Pages:
    """The checksummed pages of a mapped region; each page is checked the first time it is read."""

    def __init__(self, region: memoryview, sums: array[int]) -> None:
        if len(sums) != -(-len(region) // PAGE_SIZE):
            raise CacheDamaged("checksum mismatch")
        self.region, self.sums, self.checked = region, sums, bytearray(len(sums))

    def verify(self, start: int, stop: int) -> bool:
        """Whether bytes ``start`` to ``stop`` of the region are as written."""
        if stop <= start:
            return True
        for page in range(start // PAGE_SIZE, (stop - 1) // PAGE_SIZE + 1):
            if self.checked[page]:
                continue
            if zlib.crc32(self.region[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]) != self.sums[page]:
                return False
            self.checked[page] = 1
        return True


class _Data:
    """The postings and fact records a compiled base reads: pages of the cache file, each
    verified on first read, or the build's own buffers. A page that fails its checksum
    makes ``recover`` rebuild the base from the fact files, and reading goes on from the
    rebuilt buffers (the same facts in the same order), so the command still answers right."""

    def __init__(self, postings: Sequence[int], records: memoryview, offsets: array[int], pages: Optional[_Pages] = None,
                 recover: Optional[Callable[[], Compiled]] = None) -> None:
        self.postings, self.records, self.offsets, self.pages, self._recover = postings, records, offsets, pages, recover
        self._expected: tuple[list[str], list[str], Sequence[int]] | None = None

    def expect(self, ids: list[str], words: list[str], offsets: Sequence[int]) -> None:
        """What a rebuild must reproduce for reading to go on from it."""
        self._expected = (ids, words, offsets)

    def record(self, number: int) -> memoryview:
        start, stop = self.offsets[number], self.offsets[number + 1]
        if self.pages is not None:
            skip = len(self.postings) * 8
            if not self.pages.verify(skip + start, skip + stop):
                self.recover()
                return self.record(number)
        return self.records[start:stop]

    def postings_slice(self, start: int, stop: int) -> Sequence[int]:
        if self.pages is not None and not self.pages.verify(start * 8, stop * 8):
            self.recover()
        return self.postings[start:stop]

    def recover(self) -> None:
        from otsfacts.errors import OtsfactsError

        assert self._recover is not None
        base, index = self._recover()
        rebuilt = base.facts._read.data if isinstance(base.facts, LazyFacts) else None  # type: ignore[attr-defined]
        postings = index.postings
        if (rebuilt is None or self._expected is None or list(base.facts) != self._expected[0]
                or list(postings.words) != self._expected[1] or list(postings.offsets) != list(self._expected[2])):
            raise OtsfactsError("the fact files changed while otsfacts read them; run the command again")
        self.postings, self.records, self.offsets = postings.buffer, rebuilt.records, rebuilt.offsets
        self.pages = None


class _CheckedPostings(Sequence[int]):
    """The postings buffer as :class:`~otsfacts.search.Postings` slices it, read through :class:`_Data`."""

    def __init__(self, data: _Data) -> None:
        self._data = data

    def __getitem__(self, index: slice) -> Any:  # type: ignore[override]  # slices only: Postings slices it
        data = self._data
        pages = data.pages
        if pages is not None:  # a query of 100,000 tiny postings must not pay much more than the slicing
            start, stop = index.start * 8, index.stop * 8
            page = start // PAGE_SIZE
            if stop > start and not (pages.checked[page] and (stop - 1) // PAGE_SIZE == page):
                return data.postings_slice(index.start, index.stop)
        return data.postings[index]

    def __len__(self) -> int:
        return len(self._data.postings)


class _FactReader:
    """Materialises fact number ``n`` from its record (in the mapped file, or the build's buffer)."""

    def __init__(self, data: _Data, sources: list[Source], topics: list[Topic], paths: list[str]) -> None:
        self.data, self.sources, self.topics, self.paths = data, sources, topics, paths

    def __call__(self, number: int) -> Fact:
        (fid, claim, quote, source_number, topic_numbers, kind, speaker, value, unit, qualifier, as_of, date,
         place, aliases, conflicts_with, path_number, actor, note, replaces) = marshal.loads(self.data.record(number))
        source = self.sources[source_number]
        return Fact(fid, claim, quote, source, tuple(self.topics[t] for t in topic_numbers), kind,
                    Speaker(*speaker) if speaker else source.speaker, value, unit, qualifier, as_of, date, place,
                    aliases, conflicts_with, self.paths[path_number], Actor(*actor) if actor else None, note,
                    replaces)


class LazyFacts(Mapping[str, Fact]):
    """Facts by id, in base order, each read from the cache the first time it is asked for."""

    def __init__(self, ids: list[str], read: Callable[[int], Fact]) -> None:
        self.ids = ids
        self._read = read  # a _FactReader: the cache's recovery reaches its data through it
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
