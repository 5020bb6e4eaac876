"""Shell completion offers the real topic, source and fact ids, driven as bash drives it."""

from __future__ import annotations

from pathlib import Path

from otsfacts.store import load_base
from conftest import FIXTURE_BASE, run_process


def bash_complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash would offer for the command line ``words`` (the last word is completed)."""
    parts = words.split(" ")
    result = run_process(env={
        "_OTSFACTS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
        **(env or {}),
    })
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_topic_ids_are_offered_for_topic() -> None:
    base = load_base(use_env=False)
    assert bash_complete("otsfacts search corridor --topic ") == list(base.topics)
    assert bash_complete("otsfacts list --topic tr") == ["transport"]


def test_source_ids_are_offered_for_source() -> None:
    assert bash_complete("otsfacts list --source tr") == ["trend-2025-10-27"]
    assert bash_complete("otsfacts list --source ") == ["report-2025-10-06", "trend-2025-10-27"]


def test_fact_ids_are_offered_for_show() -> None:
    base = load_base(use_env=False)
    offered = bash_complete("otsfacts show twelfth-summit-venue-")
    assert offered == [i for i in base.facts if i.startswith("twelfth-summit-venue-")]
    assert {"twelfth-summit-venue-baku", "twelfth-summit-venue-gabala"} <= set(offered)


def test_completion_sees_facts_named_on_the_command_line_and_in_otsfacts_path() -> None:
    named = bash_complete(f"otsfacts show --no-builtin --facts {FIXTURE_BASE} cor")
    assert named == ["corridor-opened", "corridor-not-open"]
    from_env = bash_complete("otsfacts show --no-builtin ca", env={"OTSFACTS_PATH": str(FIXTURE_BASE)})
    assert from_env == ["cable-capacity"]


def test_commands_are_offered() -> None:
    assert bash_complete("otsfacts s") == ["search", "show", "sources", "schema"]


def test_completion_scripts_for_each_shell() -> None:
    for shell, marker in (("bash", "complete -o default -F"), ("zsh", "#compdef otsfacts"),
                          ("fish", "complete --command otsfacts")):
        # typer's own switch to take the shell from the command line instead of detecting it
        result = run_process("--show-completion", shell, env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
        assert result.returncode == 0, (shell, result.stderr)
        assert marker in result.stdout
        assert "_OTSFACTS_COMPLETE" in result.stdout


def test_filters_are_completed() -> None:
    assert bash_complete("otsfacts list --kind f") == ["figure", "forecast"]
    assert bash_complete("otsfacts search corridor --sort ") == ["score", "date", "id"]
    assert bash_complete(f"otsfacts list --no-builtin --facts {FIXTURE_BASE} --speaker a") == ["ada", "aral"]
    assert bash_complete("otsfacts list --speaker Kal") == ["Kaliyev"]
    assert bash_complete("otsfacts timeline --topic tr") == ["transport"]
    assert bash_complete("otsfacts list --since 202") == ["2022", "2024", "2024-02-14", "2025", "2025-01",
                                                         "2025-07-23", "2025-08", "2025-10-06", "2025-10-15",
                                                         "2025-10-27", "2026", "2027"]
    assert bash_complete(f"otsfacts list --no-builtin --facts {FIXTURE_BASE} --until 2") == ["2024", "2025-01-02"]


def test_a_current_cache_completes_from_its_rows_exactly_as_the_loaded_base_does() -> None:
    # the first run compiles the base; the next ones read the current cache's rows directly
    for words in ("otsfacts show twelfth-summit-venue-", "otsfacts list --topic ", "otsfacts list --source ",
                  "otsfacts show "):
        loaded = bash_complete(words, env={"OTSFACTS_NO_CACHE": "1"})
        bash_complete(words)
        assert bash_complete(words) == loaded and loaded


def test_completion_from_the_cache_gives_the_claims_and_outlets_as_descriptions(tmp_path: Path) -> None:
    from otsfacts.cache import current_rows, load_compiled

    environ = {"XDG_CACHE_HOME": str(tmp_path)}
    assert current_rows("SELECT id FROM facts", [FIXTURE_BASE], builtin=False, environ=environ) is None  # none yet
    base, _ = load_compiled([FIXTURE_BASE], builtin=False, environ=environ)
    rows = current_rows("SELECT id, substr(json_extract(record, '$.claim'), 1, 60) FROM facts ORDER BY file, "
                        "position", [FIXTURE_BASE], builtin=False, environ=environ)
    assert rows == [(f.id, f.claim[:60]) for f in base.facts.values()]
