"""Where fact files are: the built-in base, ``OTSFACTS_PATH`` and the paths given.

Apart from :mod:`otsfacts.store` so the warm path (is the cache current?) can list the
input files without importing the TOML parser and the validator.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Mapping

#: The environment variable holding extra fact paths, joined like PATH.
PATH_VARIABLE = "OTSFACTS_PATH"


def builtin_dir() -> Path:
    """The fact base shipped with the package (or, in a source checkout, ``facts/``)."""
    here = Path(__file__).resolve().parent
    installed = here / "facts"
    return installed if installed.is_dir() else here.parent / "facts"


def env_paths(environ: Mapping[str, str] | None = None) -> list[Path]:
    """The paths named by ``OTSFACTS_PATH``; empty entries are skipped."""
    value = (os.environ if environ is None else environ).get(PATH_VARIABLE, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def fact_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand each path: a file as itself, a directory as its ``*.toml`` files, sorted."""
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            # os.walk does not follow symlinked directories, so a link loop cannot trap it.
            for root, dirs, files in os.walk(path, onerror=_raise):
                dirs.sort()
                found.extend(Path(root) / f for f in sorted(files) if f.endswith(".toml"))
            yield from found
        else:
            yield path


def _raise(error: OSError) -> None:
    raise error


def unique(files: Iterable[Path]) -> list[Path]:
    """``files`` without repeats of a file already listed under another name (``./x`` and
    ``x``, a folder and a file in it, OTSFACTS_PATH and ``--facts``): the first name wins."""
    seen: set[str] = set()
    kept: list[Path] = []
    for path in files:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def input_files(paths: Iterable[Path | str] = (), *, builtin: bool = True, use_env: bool = True) -> list[Path]:
    """Every file ``load_base`` would read for these arguments (missing paths included)."""
    files = list(fact_files([builtin_dir()])) if builtin else []
    for path in [*(env_paths() if use_env else []), *(Path(p) for p in paths)]:
        try:
            files.extend(fact_files([path]) if path.is_dir() else [path])
        except OSError:  # too long a name, a folder that cannot be searched: the loader says so
            files.append(path)
    return unique(files)
