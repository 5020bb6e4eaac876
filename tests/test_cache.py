"""The compiled-base cache: never stale, never trusted when broken, never required."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

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
    assert list((cache / "otsfacts").glob("base-*.cache"))
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
    [cached] = (cache / "otsfacts").glob("base-*.cache")
    cached.write_bytes(b"\x80\x05garbage")
    claims, err = _search(folder, cache)
    assert claims == expected
    assert err.startswith(f"otsfacts: warning: ignoring unreadable cache {cached}")
    assert _search(folder, cache) == (expected, "")  # rebuilt and rewritten


def test_a_cache_of_another_format_is_rebuilt_without_a_warning(tmp_path: Path) -> None:
    import marshal

    from otsfacts import cache as cache_module

    folder, cache = _copy_fixture(tmp_path), tmp_path / "cache"
    expected, _ = _search(folder, cache)
    [cached] = (cache / "otsfacts").glob("base-*.cache")
    head = marshal.dumps((cache_module._MAGIC, cache_module._FORMAT - 1, "fingerprint of an older version"))
    cached.write_bytes(len(head).to_bytes(8, sys.byteorder) + head)
    assert _search(folder, cache) == (expected, "")
    assert cached.stat().st_size > 1000  # rewritten in this version's format


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
