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

Reading the database is :mod:`otsfacts.cacheread` (a warm search reads little: the small
tables, then only the postings, words and facts it asks for); compiling it, in full or a
changed file at a time, is :mod:`otsfacts.cachewrite`.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from otsfacts import __version__
if TYPE_CHECKING:
    from otsfacts.cacheread import Compiled as Compiled  # what load_compiled gives
    from otsfacts.cachewrite import FileRow

# cacheread and cachewrite (and through them the model and the index) are imported when a
# base is read or written: Tab completion reads a current cache's rows without them
#: ``PRAGMA application_id`` of an otsfacts cache: "OTSF".
APPLICATION_ID = 0x4F545346

#: A temporary file older than this is a killed writer's, and is swept.
STALE_SECONDS = 600
_HERE = Path(__file__).resolve().parent
#: The code that decides what the cache holds: any change to it changes the format.
SHAPING = [_HERE / name for name in ("cache.py", "cacheread.py", "cachewrite.py", "index.py", "text.py", "glossary.py",
                                     "glossary.toml", "measures.py", "model.py", "postings.py", "shape.py", "store.py",
                                     "factfile.py", "validate.py")]


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

    from otsfacts.cacheread import Store, read

    if path is None:
        return read(Store(rebuild(), damaged))
    db: sqlite3.Connection | None = None
    try:
        db = _open(path)
        changed = _changed(db, identity, rows)
        if changed == []:
            return read(Store(db, damaged))
        if changed is not None and not allow_override:
            builtin_files = {os.path.abspath(p) for p in fact_files([builtin_dir()])} if builtin else set()
            updated = _update(db, path, changed, rows, builtin_files)
            if updated is not None:
                db.close()
                return read(Store(updated, damaged))
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
    return read(Store(rebuild(), damaged))


def current_rows(sql: str, paths: list[Path] | tuple[Path, ...] = (), *, builtin: bool = True,
                 allow_override: bool = False, environ: Mapping[str, str] = os.environ) -> list[Any] | None:
    """The rows ``sql`` selects from the cache of the base those inputs name, when that
    cache is current (no input file changed since it was written); None otherwise, and on
    any doubt: the caller then loads the base the full way. What Tab completion reads: it
    needs ids and titles, not the records and the index (about 7 ms of a 50 ms Tab press)."""
    from otsfacts.errors import OtsfactsError
    from otsfacts.paths import input_files

    try:
        files = input_files(paths, builtin=builtin)
        rows = _file_rows(files)
        name, _ = _identity(files, (builtin, allow_override))
        db = _open(cache_dir(environ) / name)
    except (OtsfactsError, OSError, CacheDamaged, sqlite3.DatabaseError):
        return None
    try:
        if _changed(db, base_identity(builtin, allow_override), rows) != []:
            return None
        return db.execute(sql).fetchall()
    except sqlite3.DatabaseError:
        return None
    finally:
        db.close()


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


def vectors_key(paths: list[Path] | tuple[Path, ...] = (), *, builtin: bool = True,
                allow_override: bool = False) -> str:
    """The name the search vectors of this set of inputs, as they are now, are kept under
    (beside the compiled base: :mod:`otsfacts.meaning`)."""
    from otsfacts.paths import input_files

    name, fingerprint = _identity(input_files(paths, builtin=builtin), (builtin, allow_override))
    return f"{name.removesuffix('.sqlite')}-{zlib.crc32(fingerprint.encode('utf-8', 'surrogateescape')):08x}"
