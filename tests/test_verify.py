"""`otsfacts verify`: quotes checked word for word against archived texts of the tests' own."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from otsfacts.verify import find_missing_part, normalise
from conftest import FIXTURE_ARCHIVE, FIXTURE_BASE, invoke, run_process


def _base_with(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "facts"
    folder.mkdir()
    text = (FIXTURE_BASE / "base.toml").read_text(encoding="utf-8").replace(old, new)
    (folder / "base.toml").write_text(text, encoding="utf-8")
    return folder


def test_a_doctored_quote_fails_with_the_fact_and_the_missing_part(tmp_path: Path) -> None:
    folder = _base_with(tmp_path, 'quote = "it is not yet open"', 'quote = "it is fully open"')
    result = invoke("verify", "--archive", str(FIXTURE_ARCHIVE), "--no-builtin", "--facts", str(folder))
    assert result.code == 1
    assert result.out == 'corridor-not-open: not found in daily-2025-01-02: "it is fully open"\n'
    assert result.err == f"otsfacts: 1 of 3 quotes not found in {FIXTURE_ARCHIVE}\n"


def test_a_doctored_figure_in_one_part_of_a_joined_quote_fails(tmp_path: Path) -> None:
    folder = _base_with(tmp_path, 'quote = "carry nearly 4 GW … of wind power"',
                        'quote = "carry nearly 5 GW … of wind power"')
    result = invoke("verify", "--archive", str(FIXTURE_ARCHIVE), "--no-builtin", "--facts", str(folder))
    assert result.code == 1
    assert result.out == 'cable-capacity: not found in daily-2025-01-02: "carry nearly 5 GW"\n'


def test_parts_out_of_order_fail() -> None:
    assert find_missing_part("of wind power … carry nearly 4 GW", normalise("carry nearly 4 GW - of wind power")) \
        == "carry nearly 4 GW"


def test_only_spacing_quote_marks_and_dashes_may_differ() -> None:
    archive = normalise("He said: “it’s   the\nroute” — 2024–2025.")
    assert find_missing_part('it\'s the route" - 2024-2025', archive) is None
    assert find_missing_part("its the route", archive) == "its the route"


def test_a_missing_archive_file_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "archive"
    empty.mkdir()
    result = invoke("verify", "--archive", str(empty), "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert result.code == 2
    assert result.err == (f"otsfacts: error: archive of source 'daily-2025-01-02' not found: "
                          f"{empty / 'daily.txt'}\n")


def test_an_edited_archive_fails_the_quotes_it_no_longer_holds(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(FIXTURE_ARCHIVE, archive)
    (archive / "daily.txt").write_text("The Northern Corridor opened in 2024.\n", encoding="utf-8")
    result = invoke("verify", "--archive", str(archive), "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert result.code == 1
    assert result.out.splitlines() == [
        'corridor-not-open: not found in daily-2025-01-02: "it is not yet open"',
        'cable-capacity: not found in daily-2025-01-02: "carry nearly 4 GW"',
    ]


# ------------------------------------------------------ what verify may open

def _archive_copy(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    shutil.copytree(FIXTURE_ARCHIVE, archive)
    return archive


def test_an_archive_name_that_leaves_the_directory_is_refused_at_load(tmp_path: Path) -> None:
    for name in ("../private.txt", "/etc/passwd", "sub/daily.txt", "..\\\\daily.txt", ".."):
        folder = tmp_path / f"facts-{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        text = (FIXTURE_BASE / "base.toml").read_text(encoding="utf-8").replace(
            'archive = "daily.txt"', f"archive = {json.dumps(name)}")
        (folder / "base.toml").write_text(text, encoding="utf-8")
        result = invoke("verify", "--archive", str(FIXTURE_ARCHIVE), "--no-builtin", "--facts", str(folder))
        assert result.code == 2, name
        assert result.err.startswith(f"otsfacts: error: {folder / 'base.toml'}:"), result.err
        assert ("daily-2025-01-02: archive: must be a bare file name inside the archive directory "
                "(no /, \\, .. or absolute path)") in result.err


def test_a_fifo_in_the_archive_is_refused_not_waited_on(tmp_path: Path) -> None:
    archive = _archive_copy(tmp_path)
    (archive / "daily.txt").unlink()
    os.mkfifo(archive / "daily.txt")
    result = run_process("verify", "--archive", str(archive), "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"otsfacts: error: cannot read archive of source 'daily-2025-01-02': "
                             f"{archive / 'daily.txt'}: not a regular file\n")


def test_a_link_out_of_the_archive_is_not_followed_but_one_inside_is(tmp_path: Path) -> None:
    archive = _archive_copy(tmp_path)
    (archive / "daily.txt").rename(tmp_path / "outside.txt")
    (archive / "daily.txt").symlink_to(tmp_path / "outside.txt")
    result = invoke("verify", "--archive", str(archive), "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert result.code == 2
    assert result.err.endswith(f"{archive / 'daily.txt'}: a symbolic link out of the archive directory\n")
    (archive / "daily.txt").unlink()
    (tmp_path / "outside.txt").rename(archive / "real.txt")
    (archive / "daily.txt").symlink_to("real.txt")
    assert invoke("verify", "--archive", str(archive), "--no-builtin", "--facts", str(FIXTURE_BASE)).code == 0


def test_an_archive_over_the_size_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from otsfacts import verify

    monkeypatch.setattr(verify, "ARCHIVE_SIZE_CAP", 1024 * 1024)
    archive = _archive_copy(tmp_path)
    with open(archive / "daily.txt", "a", encoding="utf-8") as stream:
        stream.write("x" * (1024 * 1024))
    result = invoke("verify", "--archive", str(archive), "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert result.code == 2
    assert result.err.endswith(f"{archive / 'daily.txt'}: bigger than 1 MiB\n")
