"""A compiled fact base and search index kept in the user's cache directory.

Parsing TOML and indexing every word is most of a search's cost; the result is pickled
under ``$XDG_CACHE_HOME/otsfacts`` (``~/.cache/otsfacts``), keyed by every input file's
identity (path, size, modification time) and the package version, so any edit rebuilds
it. It is written atomically (a temporary file renamed into place), ignored with a
warning when unreadable or corrupt, and skipped when the directory cannot be written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Mapping

from otsfacts import __version__
from otsfacts.model import FactBase
from otsfacts.search import SearchIndex
from otsfacts.store import input_files, load_base

Compiled = tuple[FactBase, SearchIndex]
_FORMAT = 1  # bump when the pickled classes change shape


def cache_dir(environ: Mapping[str, str]) -> Path:
    def get(name: str) -> str:  # an environment passed in may be partial: fall back to the process's
        return environ.get(name) or os.environ.get(name, "")

    root = get("XDG_CACHE_HOME") or os.path.join(get("HOME") or os.path.expanduser("~"), ".cache")
    return Path(root) / "otsfacts"


def _identity(files: list[Path], flags: tuple[object, ...]) -> tuple[str, str]:
    """(file name for this set of inputs, fingerprint of their current contents)."""
    names = [os.path.abspath(p) for p in files]  # not resolve(): a link loop must not raise
    stats = []
    for path in files:
        try:
            st = path.stat()
            stats.append((st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            stats.append(None)
    name = hashlib.sha256(repr((names, flags)).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    fingerprint = repr((_FORMAT, __version__, names, stats, flags))
    return f"base-{name}.pickle", fingerprint


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
    def build() -> Compiled:
        base = load_base(paths, builtin=builtin, allow_override=allow_override)
        return base, SearchIndex.from_base(base)

    if not use_cache:
        return build()
    files = input_files(paths, builtin=builtin)
    name, fingerprint = _identity(files, (builtin, allow_override))
    path = cache_dir(environ) / name
    try:
        with open(path, "rb") as stream:
            stored_fingerprint, compiled = pickle.load(stream)
        if stored_fingerprint == fingerprint:
            return compiled
    except (FileNotFoundError, NotADirectoryError):
        pass  # no cache yet, or no place for one
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
            ImportError, IndexError) as error:
        warn(f"warning: ignoring unreadable cache {path} ({type(error).__name__})")
    compiled = build()
    _save(path, (fingerprint, compiled))
    return compiled


def _save(path: Path, payload: object) -> None:
    """Write atomically, or not at all: a cache that cannot be written is simply skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(payload, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
