"""The multilingual glossary's lookups: the base's English words in Azerbaijani, Turkish,
Russian, Kazakh, Uzbek and Kyrgyz, so that "ветровой потенциал" finds "wind potential".

The words are data, in ``glossary.toml`` beside this module (its comments say how to
extend it; ``otsfacts check`` validates it). Inflected query words reach their lemma by
stripping endings (:func:`otsfacts.text.inflection_stems`).

Search imports this module only for a query word that is not already English in the
base. The folded lookup tables are built on first use and kept, compiled, in the user's
cache directory: parsing and folding the file's 4,400 words takes a few tens of
milliseconds, reading them back compiled one.
"""

from __future__ import annotations

import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

#: The glossary's data, shipped inside the package.
GLOSSARY_FILE = Path(__file__).with_name("glossary.toml")

#: The compiled tables' file in the cache directory.
_COMPILED_NAME = "glossary.marshal"

Words = dict[str, tuple[str, ...]]  # folded word -> English words
Stems = dict[str, list[tuple[str, tuple[str, ...]]]]  # Russian stem -> (lemma, English words)


def __getattr__(name: str) -> Any:
    if name == "CONCEPTS":  # read on demand: search itself needs only the compiled tables
        return concepts()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def concepts(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """The glossary as written (the shipped one unless ``path`` names another): English base
    word(s) -> the same concept in the other languages, one word each."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised only on Python 3.10
        import tomli as tomllib

    with open(GLOSSARY_FILE if path is None else path, "rb") as handle:
        return {english: tuple(words) for english, words in tomllib.load(handle).items()}


def compile_tables(table: dict[str, tuple[str, ...]]) -> tuple[Words, Stems]:
    """The lookup tables of the glossary ``table``: each word folded as search folds query
    words, and the Russian ones by stem, so that "моря" meets "море" and "Каспийского"
    meets "каспийский"."""
    from otsfacts.text import fold, is_cyrillic, join_apostrophes, russian_stem

    words: Words = {}
    for english, group in table.items():
        targets = tuple(english.split())
        for variant in group:
            word = fold(join_apostrophes(variant))
            known = words.get(word)
            words[word] = targets if known is None else known + tuple(t for t in targets if t not in known)
    stems: Stems = {}
    for word, targets in words.items():
        if is_cyrillic(word):
            stems.setdefault(russian_stem(word), []).append((word, targets))
    return words, stems


@lru_cache(maxsize=1)
def _tables() -> tuple[Words, Stems]:
    """The compiled tables: read from the cache when it was compiled from this very file by
    this very code, else compiled and saved."""
    key = _compiled_key()
    folder = _cache_folder()
    if folder is not None:
        found = _read_compiled(folder / _COMPILED_NAME, key)
        if found is not None:
            return found
    tables = compile_tables(concepts())
    if folder is not None:
        _save_compiled(folder, key, tables)
    return tables


def _compiled_key() -> tuple[object, ...]:
    """What the compiled tables depend on: the data file, the code that folds and stems its
    words (this module and :mod:`otsfacts.text`), the package and marshal's format."""
    from otsfacts import __version__, text

    def stamp(path: str | Path) -> tuple[int, int]:
        st = os.stat(path)
        return st.st_size, st.st_mtime_ns

    return (__version__, sys.implementation.name, sys.version_info[:2],
            stamp(GLOSSARY_FILE), stamp(__file__), stamp(text.__file__))


def _cache_folder() -> Path | None:
    from otsfacts.cache import cache_dir

    try:
        return cache_dir(os.environ)
    except (OSError, RuntimeError):  # no home directory to speak of: compile every time
        return None


def _read_compiled(path: Path, key: tuple[object, ...]) -> tuple[Words, Stems] | None:
    """The tables saved at ``path`` for ``key``; None when missing, stale, damaged or not
    safely this user's own file (then they are compiled again)."""
    from otsfacts.cache import CacheDamaged, open_trusted

    try:
        handle = open_trusted(path)
    except (OSError, CacheDamaged):
        return None
    try:
        with os.fdopen(handle, "rb") as stream:
            stored_key, words, stems = marshal.loads(stream.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if stored_key != key or not isinstance(words, dict) or not isinstance(stems, dict):
        return None
    return words, stems


def _save_compiled(folder: Path, key: tuple[object, ...], tables: tuple[Words, Stems]) -> None:
    """Save the tables atomically (a temporary file renamed into place), so a reader never
    sees half of them; a cache that cannot be written is no error."""
    import tempfile

    from otsfacts.cache import private_dir

    try:
        private_dir(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".cache")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            compiled: Any = (key, *tables)  # tuples, dicts and strings: all marshal can write
            stream.write(marshal.dumps(compiled))
        os.replace(temporary, folder / _COMPILED_NAME)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _nearest(word: str, lemmas: list[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    """The English words of the lemma that shares the longest beginning with ``word``,
    the shorter lemma among equals: "грузии" is "грузия" (Georgia), "груза" is "груз"
    (freight)."""
    def shared(lemma: str) -> int:
        n = 0
        for a, b in zip(word, lemma):
            if a != b:
                break
            n += 1
        return n

    return min(lemmas, key=lambda item: (-shared(item[0]), len(item[0]), item[0]))[1]


def translate(word: str) -> tuple[tuple[str, ...], bool]:
    """The English words the folded query ``word`` stands for, and whether an ending had to
    be stripped to find them; ``((), False)`` if the glossary does not know it."""
    words, all_stems = _tables()
    if word in words:
        return words[word], False
    if len(word) < 4:
        return (), False
    from otsfacts.text import inflection_stems, is_cyrillic, russian_stem

    stems = all_stems if is_cyrillic(word) else {}
    if russian_stem(word) in stems:
        return _nearest(word, stems[russian_stem(word)]), True
    for shorter in inflection_stems(word):
        if shorter in words:
            return words[shorter], True
        if shorter in stems:
            return _nearest(word, stems[shorter]), True
    return (), False
