"""`otsfacts verify`: quotes checked word for word against archived texts of the tests' own."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from otsfacts.verify import find_missing_part, normalise
from conftest import FIXTURE_ARCHIVE, FIXTURE_BASE, MY_FACTS, invoke, run_process


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
    assert result.out == (
        f'{folder / "base.toml"}:36: corridor-not-open: not found in daily-2025-01-02: "it is fully open"\n'
        '  closest passage: "it is not yet open"\n'
        '  differing words: it is [-fully-] {+not yet+} open\n'
    )
    assert result.err == f"otsfacts: 1 of 3 quotes not found in {FIXTURE_ARCHIVE}\n"


def test_a_doctored_figure_in_one_part_of_a_joined_quote_fails(tmp_path: Path) -> None:
    folder = _base_with(tmp_path, 'quote = "carry nearly 4 GW … of wind power"',
                        'quote = "carry nearly 5 GW … of wind power"')
    result = invoke("verify", "--archive", str(FIXTURE_ARCHIVE), "--no-builtin", "--facts", str(folder))
    assert result.code == 1
    assert result.out == (
        f'{folder / "base.toml"}:46: cable-capacity: not found in daily-2025-01-02: "carry nearly 5 GW"\n'
        '  closest passage: "carry nearly 4 GW"\n'
        '  differing words: carry nearly [-5-] {+4+} GW\n'
    )


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
    assert result.err == f"otsfacts: error: archive of source 'daily-2025-01-02' not found: daily.txt in {empty}\n"


def test_an_edited_archive_fails_the_quotes_it_no_longer_holds(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(FIXTURE_ARCHIVE, archive)
    (archive / "daily.txt").write_text("The Northern Corridor opened in 2024.\n", encoding="utf-8")
    result = invoke("verify", "--archive", str(archive), "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert result.code == 1
    where = (FIXTURE_BASE / "base.toml").relative_to(Path.cwd()) if Path.cwd() in FIXTURE_BASE.parents \
        else FIXTURE_BASE / "base.toml"
    assert [line for line in result.out.splitlines() if not line.startswith("  ")] == [
        f'{where}:36: corridor-not-open: not found in daily-2025-01-02: "it is not yet open"',
        f'{where}:46: cable-capacity: not found in daily-2025-01-02: "carry nearly 4 GW"',
    ]


# ------------------------------------------------------------------ verify for curators

MINE = MY_FACTS + """
[[fact]]
id = "my-daily-fact"
claim = "The Daily says the corridor opened."
quote = "The Northern Corridor opened"
source = "daily-2025-01-02"
topics = ["transport"]
kind = "statement"
"""


def _curator(tmp_path: Path, archived: str = "In short, the corridor now carries grain.") -> tuple[Path, Path]:
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE, encoding="utf-8")
    archive = tmp_path / "my-archive"
    archive.mkdir()
    (archive / "mine.txt").write_text(archived, encoding="utf-8")
    return mine, archive


def test_verify_file_checks_only_its_facts_and_warns_of_archives_it_does_not_need(tmp_path: Path) -> None:
    mine, archive = _curator(tmp_path)
    result = invoke("verify", str(mine), "--archive", str(archive), "--no-builtin", "--facts", str(FIXTURE_BASE))
    # the fixture base is loaded (its source is used), but only mine.toml's facts are checked
    assert (result.code, result.out) == (0, f"all 1 quotes verified against {archive}\n")
    assert result.err == (f"otsfacts: warning: archive of source 'daily-2025-01-02' (daily.txt) is not in "
                          f"{archive}: 1 of its quotes not checked\n")


def test_archive_is_repeatable(tmp_path: Path) -> None:
    mine, archive = _curator(tmp_path)
    result = invoke("verify", str(mine), "--archive", str(archive), "--archive", str(FIXTURE_ARCHIVE),
                    "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert (result.code, result.err) == (0, "")
    assert result.out == f"all 2 quotes verified against {archive} and {FIXTURE_ARCHIVE}\n"
    # without file arguments, the files --facts names are the ones checked
    both = invoke("verify", "--archive", str(archive), "--archive", str(FIXTURE_ARCHIVE),
                  "--no-builtin", "--facts", str(FIXTURE_BASE), "--facts", str(mine))
    assert both.out == f"all 5 quotes verified against {archive} and {FIXTURE_ARCHIVE}\n"


def test_the_archive_of_a_checked_file_s_own_source_must_be_there(tmp_path: Path) -> None:
    mine, archive = _curator(tmp_path)
    (archive / "mine.txt").unlink()
    result = invoke("verify", str(mine), "--archive", str(archive), "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert (result.code, result.err) == (
        2, f"otsfacts: error: archive of source 'mine-2025' not found: mine.txt in {archive}\n")


def test_a_one_letter_slip_shows_the_closest_passage(tmp_path: Path) -> None:
    mine, archive = _curator(tmp_path, "In short, the corridor now carries grian.")
    result = invoke("verify", str(mine), "--archive", str(archive), "--archive", str(FIXTURE_ARCHIVE),
                    "--no-builtin", "--facts", str(FIXTURE_BASE))
    assert result.code == 1
    assert result.out == (
        f'{mine}:11: my-corridor-fact: not found in mine-2025: "carries grain"\n'
        '  closest passage: "carries grian"\n'
        '  differing words: carries [-grain-] {+grian+}\n'
    )
    assert result.err == f"otsfacts: 1 of 2 quotes not found in {archive} and {FIXTURE_ARCHIVE}\n"


def test_three_dots_join_parts_like_the_ellipsis() -> None:
    archive = normalise("carry nearly 4 GW of clean wind power")
    assert find_missing_part("carry nearly 4 GW ... wind power", archive) is None
    assert find_missing_part("carry nearly 4 GW...wind power", archive) is None
    assert find_missing_part("wind power ... carry", archive) == "carry"


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
