"""A compiled fact base and search index kept in the user's cache directory, as a SQLite database.

Parsing TOML and indexing every word is most of a search's cost; the result is stored
under ``$XDG_CACHE_HOME/otsfacts`` (``~/.cache/otsfacts``) as ``base-NAME.sqlite``, one
per set of inputs, with every input file's identity (path, size, modification time,
inode). A file that changed since is recompiled alone (:mod:`otsfacts.cachewrite`); a
format that changed (``PRAGMA user_version``, derived from the source of the code that
shapes the index: :func:`format_version`) means a full rebuild. Every write makes a new
file, one transaction, renamed into place: readers open it read-only and immutable and
never see a half-written cache. The cache is skipped when the directory cannot be written.

Nothing in the file is trusted without a check (see the README's "Reliability"):
:func:`private_dir` makes the directories 0700; :func:`open_trusted` opens the file only
if it is a regular file of the current user that nobody else may write, without
following a link or blocking on a FIFO. ``sqlite3.DatabaseError`` (a corrupt, truncated
or foreign file, found at open or in the middle of a command) is the one sign of damage:
one warning, and the base is rebuilt from the fact files in the same run;
:func:`sweep_stale_temporaries` removes what killed writers left behind.

A warm search reads little: the files table, sources, topics and the per-fact ranking
arrays; the postings of its words, a range of the sorted vocabulary for a prefix, and
the records of the facts it prints, each when first asked for.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
import time
import zlib
from array import array
from bisect import bisect_right
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence, cast

from otsfacts import __version__
from otsfacts.cachewrite import APPLICATION_ID, SHIFT, FileRow, fact_from_json, source_from_json, topic_from_json
from otsfacts.index import Postings
from otsfacts.model import Fact, FactBase
from otsfacts.search import SearchIndex

Compiled = tuple[FactBase, SearchIndex]
#: A temporary file older than this is a killed writer's, and is swept.
STALE_SECONDS = 600
_HERE = Path(__file__).resolve().parent
#: The code that decides what the cache holds: any change to it changes the format.
SHAPING = [_HERE / name for name in ("cache.py", "cachewrite.py", "index.py", "text.py", "glossary.py",
                                     "glossary.toml", "measures.py", "model.py", "store.py")]


class CacheDamaged(Exception):
    """The cache file is not what otsfacts wrote (damaged, planted or not a regular file)."""


def format_version(shaping: Sequence[Path] | None = None) -> int:
    """``PRAGMA user_version`` of this code's caches: a CRC-32 of the package version, the
    byte order (postings are native integers) and the source of :data:`SHAPING`, so a
    tokenising change can never serve a cache made by the code before it."""
    crc = zlib.crc32(repr((__version__, sys.byteorder)).encode())
    for path in SHAPING if shaping is None else shaping:
        try:
            crc = zlib.crc32(path.read_bytes(), zlib.crc32(path.name.encode(), crc))
        except OSError:
            crc = zlib.crc32(path.name.encode(), crc)
    return crc & 0x7FFFFFFF  # a positive 32-bit integer


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
        names = [n for n in os.listdir(folder) if n.startswith(".tmp-") and n.endswith((".sqlite", ".cache"))]
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


def _file_rows(files: list[Path]) -> list[FileRow]:
    rows: list[FileRow] = []
    for path in files:
        name = os.path.abspath(path)  # not resolve(): a link loop must not raise
        try:
            st = path.stat()
            rows.append((name, st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            rows.append((name, None, None, None))
    return rows


def _identity(files: list[Path], flags: tuple[object, ...]) -> tuple[str, str]:
    """(file name for this set of inputs, fingerprint of their current contents)."""
    names = [os.path.abspath(p) for p in files]
    # crc32 and adler32 together name the file; its contents decide validity, so a
    # collision costs a rebuild, never a wrong answer (and hashlib costs 3 ms to import)
    key = repr((names, flags)).encode("utf-8", "surrogateescape")
    name = f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"
    return f"base-{name}.sqlite", repr((format_version(), __version__, _file_rows(files), flags))


def base_identity(builtin: bool, allow_override: bool) -> str:
    """What the ``identity`` row of ``meta`` holds for these flags: a cache for others is rebuilt."""
    return repr((__version__, builtin, allow_override))


def load_compiled(
    paths: list[Path] | tuple[Path, ...] = (),
    *,
    builtin: bool = True,
    allow_override: bool = False,
    use_cache: bool = True,
    environ: Mapping[str, str] = os.environ,
    warn: Callable[[str], None] = lambda message: None,
) -> Compiled:
    """The base and its index: from the cache when it is current, updated when some of its
    files changed, else built (and saved). Raises :class:`~otsfacts.errors.FactBaseError`."""
    from otsfacts.paths import builtin_dir, fact_files, input_files

    files = input_files(paths, builtin=builtin)
    rows = _file_rows(files)
    name, _ = _identity(files, (builtin, allow_override))
    identity = base_identity(builtin, allow_override)
    path = cache_dir(environ) / name if use_cache else None

    def rebuild() -> sqlite3.Connection:
        from otsfacts.cachewrite import compile_base, write_base

        compiled = compile_base(paths, builtin, allow_override, rows)
        return _write(path, lambda db: write_base(db, compiled, identity, format_version()))

    def damaged(reason: str) -> sqlite3.Connection:
        """Damage found after opening: warned once, rebuilt; the rebuilt base must be the one being read."""
        from otsfacts.errors import OtsfactsError

        warn(f"warning: ignoring unreadable cache {path} ({reason}); rebuilt from the fact files")
        db = rebuild()
        if _file_rows(files) != rows:
            raise OtsfactsError("the fact files changed while otsfacts read them; run the command again")
        return db

    if path is None:
        return _read(_Store(rebuild(), damaged))
    db: sqlite3.Connection | None = None
    try:
        db = _open(path)
        changed = _changed(db, identity, rows)
        if changed == []:
            return _read(_Store(db, damaged))
        if changed is not None and not allow_override:
            builtin_files = {os.path.abspath(p) for p in fact_files([builtin_dir()])} if builtin else set()
            updated = _update(db, path, changed, rows, builtin_files)
            if updated is not None:
                return _read(_Store(updated, damaged))
    except (FileNotFoundError, NotADirectoryError):
        pass  # no cache yet, or no place for one
    except CacheDamaged as error:
        warn(f"warning: ignoring unreadable cache {path} ({error})")
    except sqlite3.DatabaseError as error:
        warn(f"warning: ignoring unreadable cache {path} ({error})")
    except OSError as error:
        warn(f"warning: ignoring unreadable cache {path} ({type(error).__name__})")
    if db is not None:
        db.close()
    return _read(_Store(rebuild(), damaged))


# ------------------------------------------------------------------------- opening and writing


def _uri(name: str, query: str) -> str:
    quoted = name.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?{query}"


def _open(path: Path) -> sqlite3.Connection:
    """The cache file ``path``, trusted (:func:`open_trusted`), opened read-only and immutable
    (otsfacts never writes a cache file in place). Raises ``sqlite3.DatabaseError`` if it is
    not an otsfacts cache."""
    handle = open_trusted(path)
    try:
        # through the descriptor just checked, where the system allows: no swap in between
        name = f"/proc/self/fd/{handle}" if os.path.isdir("/proc/self/fd") else str(path)
        db = sqlite3.connect(_uri(name, "mode=ro&immutable=1"), uri=True, isolation_level=None,
                             check_same_thread=False)
        try:
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise sqlite3.DatabaseError("not an otsfacts cache")
        except BaseException:
            db.close()
            raise
    finally:
        os.close(handle)
    return db


def _changed(db: sqlite3.Connection, identity: str, rows: list[FileRow]) -> list[int] | None:
    """The numbers of the input files that changed since ``db`` was written ([] if none);
    None when it is of another format or for other inputs (then it is rebuilt quietly)."""
    if db.execute("PRAGMA user_version").fetchone()[0] != format_version():
        return None
    if db.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone() != (identity,):
        return None
    stored = db.execute("SELECT path, size, mtime_ns, inode FROM files ORDER BY file").fetchall()
    if [r[0] for r in stored] != [r[0] for r in rows]:
        return None  # a file added, removed or moved
    return [n for n, (old, new) in enumerate(zip(stored, rows)) if old != new]


def _update(db: sqlite3.Connection, path: Path, changed: list[int], rows: list[FileRow],
            builtin_files: set[str]) -> sqlite3.Connection | None:
    """A copy of ``db`` with the ``changed`` files recompiled, renamed into place; None when
    a full build is needed (:func:`otsfacts.cachewrite.update_base` says when)."""
    from otsfacts.cachewrite import update_base

    outcome: list[bool] = []

    def patch(copy: sqlite3.Connection) -> None:
        db.backup(copy)
        outcome.append(update_base(copy, changed, rows, builtin_files))

    written = _write(path, patch, keep=lambda: outcome[-1])
    if not outcome[-1]:
        written.close()
        return None
    return written


def _write(path: Path | None, fill: Callable[[sqlite3.Connection], None],
           keep: Callable[[], bool] = lambda: True) -> sqlite3.Connection:
    """A new database filled by ``fill``: a temporary file renamed to ``path`` (if ``keep()``),
    or, with no path or no place to write, one in memory. Returned open for reading."""
    import tempfile

    temporary = None
    if path is not None:
        try:
            private_dir(path.parent)
            sweep_stale_temporaries(path.parent)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".sqlite")
            os.close(handle)
        except OSError:
            temporary = None
    if temporary is None:
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        fill(db)
        return db
    db = sqlite3.connect(temporary, isolation_level=None, check_same_thread=False)
    try:
        fill(db)
        if keep():
            os.replace(temporary, path)  # type: ignore[arg-type]  # path is set when temporary is
            temporary = None
    except BaseException as error:  # Ctrl-C or a full disk mid-write: no temporary file left
        db.close()
        if not isinstance(error, (OSError, sqlite3.OperationalError)):
            raise
        return _write(None, fill)
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
    db.execute("PRAGMA query_only = ON")
    return db


# ------------------------------------------------------------------------- reading


class _Store:
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

    def record(self, sql: str, args: Sequence[Any], decode: Callable[[str], Any]) -> Any:
        """The record ``sql`` selects, decoded. SQLite checks its pages' structure, not their
        text: a record whose JSON no longer decodes is damage found late, the same signal."""
        for attempt in (1, 2):
            try:
                return decode(self.rows(sql, args)[0][0])
            except (ValueError, KeyError, TypeError, IndexError) as error:
                if attempt == 2:
                    raise
                self.db.close()
                self.db = self._recover(f"{type(error).__name__} in a record")


def _read(store: _Store) -> Compiled:
    try:
        return _restore(store)
    except sqlite3.DatabaseError as error:  # at open: a table missing or unreadable
        store.db = store._recover(str(error))
        return _restore(store)


def _restore(store: _Store) -> Compiled:
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
    postings = _StoredPostings(store, facts.firsts)
    variants = cast("dict[str, list[str]]", _StoredVariants(store))  # Index reads it as a mapping only
    index = SearchIndex.restore(FactSequence(facts), postings, variants, _blob_array(meta["claim_lengths"]),
                                bytes(meta["flags"]), members["topic"], members["source"])
    return FactBase(facts, topics, sources, retired), index


class _Vocabulary(Sequence[str]):
    """The sorted vocabulary, read a word at a time (a prefix is a few lookups, not a load)."""

    def __init__(self, store: _Store) -> None:
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


class _StoredPostings(Postings):
    """word -> packed postings, read from the ``postings`` table (one blob per file holding the
    word, numbered within that file, renumbered from its first fact here)."""

    __slots__ = ("_store", "_firsts")

    def __init__(self, store: _Store, firsts: list[int]) -> None:
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


class _StoredVariants(Mapping[str, list[str]]):
    """stem -> the vocabulary words with that stem (those that differ from it), from ``stems``."""

    def __init__(self, store: _Store) -> None:
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

    def __init__(self, store: _Store, firsts: list[int], count: int, sources: Mapping[str, Any],
                 topics: Mapping[str, Any]) -> None:
        self._store, self.firsts, self._count = store, firsts, count
        self._sources, self._topics = sources, topics
        self._made: dict[int, Fact] = {}

    def _place(self, number: int) -> tuple[int, int]:
        """(file, position in it) of fact ``number``: the last file starting at or before it."""
        file = bisect_right(self.firsts, number) - 1  # files with no facts share the next one's first
        return file, number - self.firsts[file]

    def at(self, number: int) -> Fact:
        fact = self._made.get(number)
        if fact is None:
            if not 0 <= number < self._count:
                raise IndexError(number)
            fact = self._made[number] = self._store.record(
                "SELECT record FROM facts WHERE file = ? AND position = ?", self._place(number),
                lambda text: fact_from_json(text, self._sources, self._topics))
        return fact

    def __getitem__(self, fact_id: str) -> Fact:
        found = self._store.one("SELECT file, position FROM facts WHERE id = ?", (fact_id,)) \
            if isinstance(fact_id, str) else None
        if found is None:
            raise KeyError(fact_id)
        return self.at(self.firsts[found[0]] + found[1])

    def __iter__(self) -> Iterator[str]:
        return iter([i for (i,) in self._store.rows("SELECT id FROM facts ORDER BY file, position")])

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


def vectors_key(paths: list[Path] | tuple[Path, ...] = (), *, builtin: bool = True,
                allow_override: bool = False) -> str:
    """The name the search vectors of this set of inputs, as they are now, are kept under
    (beside the compiled base: :mod:`otsfacts.meaning`)."""
    from otsfacts.paths import input_files

    name, fingerprint = _identity(input_files(paths, builtin=builtin), (builtin, allow_override))
    return f"{name.removesuffix('.sqlite')}-{zlib.crc32(fingerprint.encode('utf-8', 'surrogateescape')):08x}"
