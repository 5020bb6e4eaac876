"""The compiled-base cache: never stale, never trusted when broken, never required."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE_BASE, run_process


def _copy_fixture(tmp_path: Path) -> Path:
    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "base.toml").write_text((FIXTURE_BASE / "base.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _search(folder: Path, cache: Path, *extra: str) -> tuple[list[str], str]:
    result = run_process("search", "wind", "--json", "--no-builtin", "--facts", str(folder), *extra,
                         env={"XDG_CACHE_HOME": str(cache)})
    return [r["claim"] for r in json.loads(result.stdout)], result.stderr


def test_an_edit_is_seen_by_the_next_search(tmp_path: Path) -> None:
    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    assert _search(folder, cache)[0] == ["The undersea cable will carry nearly 4 GW of wind power."]
    assert list((cache / "otsfacts").glob("base-*.sqlite"))
    path = folder / "base.toml"
    text = path.read_text(encoding="utf-8").replace("carry nearly 4 GW of wind", "carry nearly 5 GW of wind")
    time.sleep(0.01)
    path.write_text(text, encoding="utf-8")
    assert _search(folder, cache)[0] == ["The undersea cable will carry nearly 5 GW of wind power."]


def test_a_new_file_in_a_folder_is_seen(tmp_path: Path) -> None:
    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    _search(folder, cache)
    (folder / "more.toml").write_text(
        '[[fact]]\nid = "more-wind"\nclaim = "More wind."\nquote = "wind"\nsource = "daily-2025-01-02"\n'
        'topics = ["energy"]\nkind = "statement"\n', encoding="utf-8")
    assert "More wind." in _search(folder, cache)[0]


def test_a_corrupt_cache_is_ignored_with_a_warning_and_results_are_unchanged(tmp_path: Path) -> None:
    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    expected, _ = _search(folder, cache)
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    cached.write_bytes(b"\x80\x05garbage")
    claims, err = _search(folder, cache)
    assert claims == expected
    assert err.startswith(f"otsfacts: warning: ignoring unreadable cache {cached}")
    assert _search(folder, cache) == (expected, "")  # rebuilt and rewritten


def test_a_cache_of_another_format_is_rebuilt_without_a_warning(tmp_path: Path) -> None:
    import sqlite3

    from otsfacts import cache as cache_module

    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    expected, _ = _search(folder, cache)
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    with sqlite3.connect(cached) as db:  # what an older otsfacts wrote
        db.execute("PRAGMA user_version = 1")
    assert _search(folder, cache) == (expected, "")
    with sqlite3.connect(cached) as db:  # rewritten in this version's format
        assert db.execute("PRAGMA user_version").fetchone()[0] == cache_module.format_version()


def test_a_sqlite_database_of_another_program_is_rebuilt_with_one_warning(tmp_path: Path) -> None:
    import sqlite3

    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    expected, _ = _search(folder, cache)
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    cached.unlink()
    with sqlite3.connect(cached) as db:
        db.execute("CREATE TABLE facts (id TEXT)")
    cached.chmod(0o600)
    assert _search(folder, cache) == (expected, _warning(cached, "not an otsfacts cache"))
    assert _search(folder, cache) == (expected, "")


def test_the_format_is_derived_from_the_code_that_shapes_the_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tokenising change (here: a stand-in for text.py, edited) changes PRAGMA user_version,
    and a cache written before it is rebuilt, never served."""
    import sqlite3

    from otsfacts import cache as cache_module
    from otsfacts import cachewrite

    tokeniser = tmp_path / "text.py"
    tokeniser.write_text("def tokens(text): return text.split()\n", encoding="utf-8")
    monkeypatch.setattr(cache_module, "SHAPING", [*cache_module.SHAPING, tokeniser])
    before = cache_module.format_version()
    environ = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    folder = _copy_fixture(tmp_path)
    cache_module.load_compiled([folder], builtin=False, environ=environ)
    [cached] = (tmp_path / "cache" / "otsfacts").glob("base-*.sqlite")
    builds = []
    real_compile = cachewrite.compile_base
    monkeypatch.setattr(cachewrite, "compile_base", lambda *a: builds.append(a) or real_compile(*a))
    cache_module.load_compiled([folder], builtin=False, environ=environ)
    assert builds == []  # current: read, not built
    tokeniser.write_text("def tokens(text): return text.lower().split()\n", encoding="utf-8")
    after = cache_module.format_version()
    assert after != before
    cache_module.load_compiled([folder], builtin=False, environ=environ)
    assert len(builds) == 1
    with sqlite3.connect(cached) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == after


def test_anyone_can_open_the_cache_with_sqlite(tmp_path: Path) -> None:
    import sqlite3

    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    _search(folder, cache)
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    with sqlite3.connect(f"file:{cached}?mode=ro", uri=True) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"meta", "files", "sources", "topics", "facts", "retired", "postings", "words", "stems",
                          "members"}
        assert db.execute("SELECT id FROM facts ORDER BY file, position").fetchall() == [
            ("corridor-opened",), ("corridor-not-open",), ("cable-capacity",)]
        assert db.execute("SELECT path FROM files").fetchall() == [(str(folder / "base.toml"),)]
        assert db.execute("SELECT word FROM words WHERE word = 'wind'").fetchall() == [("wind",)]
    if shutil.which("sqlite3"):
        listed = subprocess.run(["sqlite3", str(cached), ".tables"], capture_output=True, text=True, check=True)
        assert set(listed.stdout.split()) == tables


def test_no_cache_reads_and_writes_nothing(tmp_path: Path) -> None:
    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    result = run_process("--no-cache", "search", "wind", "--no-builtin", "--facts", str(folder),
                         env={"XDG_CACHE_HOME": str(cache)})
    assert result.returncode == 0
    assert not cache.exists()
    _search(folder, cache)
    assert cache.exists()


def test_an_unwritable_cache_location_is_skipped(tmp_path: Path) -> None:
    folder = _copy_fixture(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    claims, err = _search(folder, blocker)
    assert claims and err == ""
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert _search(folder, locked) == (claims, "")


# ------------------------------------------------------------ damaged, raced or planted

def _commands(cache: Path) -> tuple[list[tuple[int, str]], list[str]]:
    """What the built-in base prints for a listing (every record), a search (postings) and a show."""
    from conftest import invoke

    environ = {"XDG_CACHE_HOME": str(cache)}
    runs = [invoke("list", "--json", environ=environ), invoke("search", "corridor", "--json", environ=environ),
            invoke("show", "twelfth-summit-venue-gabala", environ=environ)]
    return [(r.code, r.out) for r in runs], [r.err for r in runs]


def _damaged_runs(cache: Path, expected: list[tuple[int, str]], damage: bytes) -> tuple[bool, bool]:
    """Write ``damage`` as the cache file and run the commands: never a traceback, at most
    one warning, and a warned run rebuilds (the next is clean). (Noticed, answers changed)."""
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    cached.write_bytes(damage)
    outputs, errors = _commands(cache)
    warnings = "".join(errors)
    assert warnings.count("\n") <= 1 and "Traceback" not in warnings, warnings
    if warnings:
        assert warnings.startswith(f"otsfacts: warning: ignoring unreadable cache {cached}"), warnings
        assert _commands(cache) == (expected, ["", "", ""])  # rebuilt: the next run is clean
    return bool(warnings), outputs != expected


def test_a_truncated_cache_is_rebuilt_with_one_warning(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected, errors = _commands(cache)
    assert errors == ["", "", ""] and all(code == 0 for code, _ in expected)
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    original = cached.read_bytes()
    for cut in [0, 50, 100, 4096, len(original) // 3, len(original) // 2, len(original) - 4096]:
        assert _damaged_runs(cache, expected, original[:cut]) == (True, False), cut


def test_a_lost_page_of_the_cache_is_noticed_or_harmless(tmp_path: Path) -> None:
    """Every other 4 KiB page zeroed in turn (a lost block). SQLite checks the structure of its
    pages, not their contents, so this is what holds: never a traceback or a second
    warning; damage SQLite or a record's JSON notices is rebuilt in the same run; a page
    zeroed inside a postings blob can go unseen (1 page of 167 changed an answer when
    written: see the README's Reliability)."""
    cache = tmp_path / "cache"
    expected, _ = _commands(cache)
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    original = cached.read_bytes()
    outcomes = [_damaged_runs(cache, expected, original[:start] + bytes(4096) + original[start + 4096:])
                for start in range(0, len(original), 2 * 4096)]  # every other page: the test stays short
    assert sum(noticed for noticed, _ in outcomes) >= 0.5 * len(outcomes)
    assert sum(changed for _, changed in outcomes) <= 0.02 * len(outcomes)


def _cache_file(folder: Path, cache: Path) -> Path:
    """The cache file of a search over ``folder``, made by running it once."""
    _search(folder, cache)
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    return cached


def _warning(cached: Path, reason: str) -> str:
    return f"otsfacts: warning: ignoring unreadable cache {cached} ({reason})\n"


def _is_private_regular_file(path: Path) -> bool:
    st = path.lstat()
    return stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) == 0o600


def test_a_fifo_planted_at_the_cache_path_is_skipped_not_waited_on(tmp_path: Path) -> None:
    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    cached = _cache_file(folder, cache)
    expected = _search(folder, cache)[0]
    cached.unlink()
    os.mkfifo(cached)
    assert _search(folder, cache) == (expected, _warning(cached, "not a regular file"))  # run_process times out on a hang
    assert _is_private_regular_file(cached)  # replaced
    assert _search(folder, cache) == (expected, "")


def test_a_symbolic_link_at_the_cache_path_is_not_followed(tmp_path: Path) -> None:
    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    cached = _cache_file(folder, cache)
    expected = _search(folder, cache)[0]
    elsewhere = tmp_path / "elsewhere.cache"
    cached.rename(elsewhere)
    cached.symlink_to(elsewhere)
    assert _search(folder, cache) == (expected, _warning(cached, "a symbolic link"))
    assert _is_private_regular_file(cached)


def test_a_cache_file_others_may_write_is_ignored_and_replaced(tmp_path: Path) -> None:
    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    cached = _cache_file(folder, cache)
    expected = _search(folder, cache)[0]
    cached.chmod(0o666)
    assert _search(folder, cache) == (expected, _warning(cached, "writable by others"))
    assert _is_private_regular_file(cached)


def _forged_builtin_cache(tmp_path: Path) -> tuple[Path, list[bytes]]:
    """A well-formed cache of the built-in base in which the Gabala quote says Moscow: what
    another user who can write the cache directory could plant (the format is public)."""
    import sqlite3

    from otsfacts import cache as cache_module
    from otsfacts.cachewrite import compile_base, write_base
    from otsfacts.paths import builtin_dir, input_files

    forged = tmp_path / "forged"
    forged.mkdir()
    for path in builtin_dir().glob("*.toml"):
        text = path.read_text(encoding="utf-8").replace("the 12th OTS Summit in Gabala", "the 12th OTS Summit in Moscow")
        (forged / path.name).write_text(text, encoding="utf-8")
    files = input_files(use_env=False)
    name, _ = cache_module._identity(files, (True, False))
    compiled = compile_base([forged], False, False, cache_module._file_rows(input_files([forged], builtin=False)))
    made = tmp_path / "forged.sqlite"
    db = sqlite3.connect(made, isolation_level=None)
    write_base(db, compiled, cache_module.base_identity(True, False), cache_module.format_version())
    db.executemany("UPDATE files SET path = ?, size = ?, mtime_ns = ?, inode = ? WHERE file = ?",
                   [(*row, n) for n, row in enumerate(cache_module._file_rows(files))])  # for the real files
    db.close()
    return Path(name), [made.read_bytes()]


def _show_gabala(cache: Path) -> subprocess.CompletedProcess[str]:
    return run_process("show", "twelfth-summit-venue-gabala", "--json", env={"XDG_CACHE_HOME": str(cache)})


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to act as a second user")
def test_a_cache_planted_by_another_user_is_never_believed() -> None:
    import tempfile

    name, pieces = _forged_builtin_cache(Path(tempfile.mkdtemp(prefix="otsfacts-forge-")))
    shared = Path(tempfile.mkdtemp(prefix="otsfacts-shared-"))  # like a shared /tmp: anyone may create in it
    shared.chmod(0o1777)
    try:
        child = os.fork()
        if child == 0:  # the other user: creates otsfacts/ first, world-writable, with the forged cache in it
            try:
                os.setgid(65534)
                os.setuid(65534)
                os.umask(0)
                os.mkdir(shared / "otsfacts", 0o777)
                with open(shared / "otsfacts" / name, "wb") as stream:
                    stream.writelines(pieces)
                os._exit(0)
            except BaseException:
                os._exit(1)
        assert os.waitpid(child, 0)[1] == 0
        planted = shared / "otsfacts" / name
        assert planted.stat().st_uid == 65534
        result = _show_gabala(shared)
        assert result.returncode == 0
        assert json.loads(result.stdout)[0]["quote"] == "the 12th OTS Summit in Gabala"
        assert result.stderr == _warning(planted, "owned by another user")
        assert _is_private_regular_file(planted)  # replaced by our own
        # the same bytes, were they ours, would be believed: the owner check is what stopped them
        planted.write_bytes(b"".join(pieces))
        assert json.loads(_show_gabala(shared).stdout)[0]["quote"] == "the 12th OTS Summit in Moscow"
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_directories_made_for_the_cache_are_private_whatever_the_umask(tmp_path: Path) -> None:
    folder = _copy_fixture(tmp_path)
    cache = tmp_path / "deep" / "cache"
    result = run_process("search", "wind", "--no-builtin", "--facts", str(folder),
                         env={"XDG_CACHE_HOME": str(cache)}, preexec_fn=lambda: os.umask(0))
    assert result.returncode == 0, result.stderr
    for made in (tmp_path / "deep", cache, cache / "otsfacts"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700, made
    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    assert stat.S_IMODE(cached.stat().st_mode) == 0o600


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path) -> None:
    folder = _copy_fixture(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    result = run_process("search", "wind", "--no-builtin", "--facts", str(folder), cwd=tmp_path,
                         env={"XDG_CACHE_HOME": "relative", "HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "relative").exists()
    assert list((home / ".cache" / "otsfacts").glob("base-*.sqlite"))


def test_stale_temporary_files_are_swept_and_an_interrupted_write_leaves_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import invoke
    from otsfacts import cache as cache_module

    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    (cache / "otsfacts").mkdir(parents=True)
    stale, fresh = cache / "otsfacts" / ".tmp-killed.cache", cache / "otsfacts" / ".tmp-writing.cache"
    stale.write_bytes(b"half a cache")
    fresh.write_bytes(b"another run's write in progress")
    old = time.time() - cache_module.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    _search(folder, cache)
    assert not stale.exists() and fresh.exists()
    fresh.unlink()
    for cached in (cache / "otsfacts").glob("base-*.sqlite"):
        cached.unlink()

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cache_module.os, "replace", interrupted)
    result = invoke("search", "wind", "--no-builtin", "--facts", str(folder), environ={"XDG_CACHE_HOME": str(cache)})
    assert result.code == 130
    assert os.listdir(cache / "otsfacts") == []


# ------------------------------------------------------------ incremental updates


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


_NEW_FACT = ('\n[[fact]]\nid = "zanzibar-ferry-added"\nclaim = "A zanzibari ferry joins the corridor."\n'
             'quote = "the corridor"\nsource = "trend-2025-10-27"\ntopics = ["economy"]\nkind = "statement"\n'
             'conflicts_with = ["twelfth-summit-venue-gabala"]\nreplaces = ["zanzibar-old-id"]\n')
ECONOMY, SUMMIT = "trend-economy-society.toml", "trend-summit-corridors.toml"
#: name -> (edit of a copy of the built-in base, whether only the edited files are recompiled:
#: a changed source or topic is indexed in other files' facts, an error must be a full load's)
EDITS = {
    "a claim reworded with a word new to the base": (
        lambda f: _edit(f / ECONOMY, "continues to make significant strides", "continues to make zanzibari strides"),
        True),
    "a claim reworded with words the base has": (
        lambda f: _edit(f / ECONOMY, "significant strides in strengthening", "strengthening strides in significant"),
        True),
    "a fact added, naming another file's fact": (lambda f: (f / ECONOMY).write_text(
        (f / ECONOMY).read_text(encoding="utf-8") + _NEW_FACT, encoding="utf-8"), True),
    "two files edited": (lambda f: (_edit(f / ECONOMY, "Omuraliyev says", "Omuraliyev said"),
                                    _edit(f / SUMMIT, 'id = "twelfth-summit-venue-gabala"',
                                          'id = "twelfth-summit-venue-gabala"\nnote = "A note."')), True),
    "a source changed": (lambda f: _edit(f / "sources.toml", 'outlet = "Trend"', 'outlet = "Trend News"'), False),
    "an id defined in two files": (
        lambda f: _edit(f / ECONOMY, 'id = "ots-significant-strides-economic-energy-cooperation"',
                        'id = "twelfth-summit-venue-gabala"'), False),
    "an unknown source": (lambda f: _edit(f / ECONOMY, 'source = "trend-2025-10-27"', 'source = "nowhere"'), False),
}


def _dump(cache: Path) -> list[str]:
    import sqlite3

    [cached] = (cache / "otsfacts").glob("base-*.sqlite")
    db = sqlite3.connect(f"file:{cached}?mode=ro", uri=True)
    try:
        return list(db.iterdump())
    finally:
        db.close()


def _outcome(folder: Path, cache: Path) -> tuple[object, ...]:
    from otsfacts.cache import load_compiled
    from otsfacts.errors import FactBaseError

    try:
        base, index = load_compiled([folder], builtin=False, environ={"XDG_CACHE_HOME": str(cache)})
    except FactBaseError as error:
        return ("error", [str(p) for p in error.problems])
    hits = [(h.fact.id, h.score) for h in index.search("zanzibari corridor strides", limit=10)]
    return ("base", dict(base.facts), dict(base.sources), dict(base.topics), dict(base.retired), hits,
            _dump(cache))


@pytest.mark.parametrize("name", list(EDITS))
def test_an_incremental_update_gives_exactly_what_a_full_build_gives(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import cachewrite
    from otsfacts.paths import builtin_dir

    edit, incremental = EDITS[name]
    folder = tmp_path / "facts"
    shutil.copytree(builtin_dir(), folder)
    updated, fresh = tmp_path / "updated", tmp_path / "fresh"
    assert _outcome(folder, updated)[0] == "base"
    time.sleep(0.01)
    edit(folder)
    builds, updates = [], []
    real_compile, real_update = cachewrite.compile_base, cachewrite.update_base
    monkeypatch.setattr(cachewrite, "compile_base", lambda *a: builds.append(1) or real_compile(*a))
    monkeypatch.setattr(cachewrite, "update_base", lambda *a: updates.append(r := real_update(*a)) or r)
    after_edit = _outcome(folder, updated)
    assert updates == [incremental]  # tried; when it cannot be done alone, the whole base is built
    assert builds == ([] if incremental else [1])
    assert after_edit == _outcome(folder, fresh)  # a full build, in a cache of its own


def test_an_edit_with_a_fact_removed_falls_back_to_a_full_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import cachewrite
    from otsfacts.paths import builtin_dir

    folder = tmp_path / "facts"
    shutil.copytree(builtin_dir(), folder)
    _outcome(folder, tmp_path / "cache")
    text = (folder / ECONOMY).read_text(encoding="utf-8")
    (folder / ECONOMY).write_text(text[:text.rindex("[[fact]]")], encoding="utf-8")  # the last fact removed
    updates: list[bool] = []
    real_update = cachewrite.update_base
    monkeypatch.setattr(cachewrite, "update_base", lambda *a: updates.append(r := real_update(*a)) or r)
    assert _outcome(folder, tmp_path / "cache") == _outcome(folder, tmp_path / "fresh")
    assert updates == [False]  # another file's conflicts_with may name it: the whole base is checked


def test_twenty_first_runs_at_once_on_an_empty_cache_all_answer_the_same(tmp_path: Path) -> None:
    import subprocess as sp

    cache = tmp_path / "cache"
    expected = run_process("--no-cache", "search", "corridor", "--json").stdout
    assert json.loads(expected)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("OTSFACTS_", "_OTSFACTS"))}
    environment["XDG_CACHE_HOME"] = str(cache)
    runs = [sp.Popen([sys.executable, "-m", "otsfacts", "search", "corridor", "--json"], stdout=sp.PIPE,
                     stderr=sp.PIPE, text=True, env=environment) for _ in range(20)]
    results = [(run.communicate(timeout=120), run.returncode) for run in runs]
    assert [((out, err), code) for (out, err), code in results] == [((expected, ""), 0)] * 20
    assert [p.name for p in (cache / "otsfacts").iterdir() if p.name.startswith(".tmp-")] == []
    assert run_process("search", "corridor", "--json", env={"XDG_CACHE_HOME": str(cache)}).stdout == expected
