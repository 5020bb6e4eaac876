"""The ``otsfacts`` command: a thin typer layer over store, search and render.

Each command loads the base, calls one library function and hands the result to one
renderer. Library errors become one line on stderr and an exit code only here, in
:func:`boundary`; :func:`run` maps everything else (usage errors, Ctrl-C, closed pipes,
bugs) so that no user ever sees a traceback unless they ask with ``--debug``.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, NoReturn, Optional

import typer

from otsfacts import __version__
from otsfacts.context import Environment
from otsfacts.errors import ExitStatus, OtsfactsError, UnknownNameError
from otsfacts.model import FactBase

if TYPE_CHECKING:
    from otsfacts.cache import Compiled

app = typer.Typer(
    name="otsfacts",
    help="Cited facts about the Organization of Turkic States (OTS), from the terminal.\n\n"
    "Example: otsfacts search middle corridor",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# --------------------------------------------------------------------------- plumbing


def _env(ctx: typer.Context) -> Environment:
    root = ctx.find_root()
    if not isinstance(root.obj, Environment):
        root.obj = Environment.from_system()
    return root.obj


@contextmanager
def boundary(env: Environment) -> Iterator[None]:
    """Turn a library error into one line on stderr and its exit code."""
    try:
        yield
    except OtsfactsError as error:
        env.error(f"error: {error}")
        raise typer.Exit(error.exit_status) from None


def _compiled(ctx: typer.Context, facts: list[Path] | None, no_builtin: bool, override: bool) -> Compiled:
    """The base and its search index, through the cache unless --no-cache."""
    from otsfacts.cache import load_compiled

    env = _env(ctx)
    no_cache = env.no_cache or env.environ.get("OTSFACTS_NO_CACHE", "") not in ("", "0")
    return load_compiled(tuple(facts or ()), builtin=not no_builtin, allow_override=override,
                         use_cache=not no_cache, environ=env.environ, warn=env.error)


def _load(ctx: typer.Context, facts: list[Path] | None, no_builtin: bool, override: bool) -> FactBase:
    return _compiled(ctx, facts, no_builtin, override)[0]


# --------------------------------------------------------------------- shell completion


def _completion_base(ctx: typer.Context) -> FactBase | None:
    """The base as the command line so far would load it; None if it cannot be loaded."""
    params = ctx.params
    try:
        return _load(ctx, params.get("facts"), bool(params.get("no_builtin")), bool(params.get("override")))
    except OtsfactsError:
        return None


def complete_topic(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    base = _completion_base(ctx)
    if base is None:
        return []
    return [(t.id, t.title) for t in base.topics.values() if t.id.startswith(incomplete)]


def complete_source(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    base = _completion_base(ctx)
    if base is None:
        return []
    return [(s.id, f"{s.outlet}, {s.published}") for s in base.sources.values() if s.id.startswith(incomplete)]


def complete_fact(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    base = _completion_base(ctx)
    if base is None:
        return []
    return [(f.id, f.claim[:60]) for f in base.facts.values() if f.id.startswith(incomplete)]


# ------------------------------------------------------------- options shared by commands

FactsOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--facts", "-f", metavar="PATH",
        help="Also load this fact file or directory of .toml files (repeatable). "
        "OTSFACTS_PATH adds more, joined like PATH.",
    ),
]
NoBuiltinOption = Annotated[
    bool, typer.Option("--no-builtin", help="Leave the built-in fact base out.")
]
OverrideOption = Annotated[
    bool, typer.Option("--override", help="Let your fact files replace built-in entries with the same id.")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print a JSON array for scripts (schema in the README).")
]
TopicOption = Annotated[
    Optional[str],
    typer.Option("--topic", "-t", help="Only facts under this topic id.", autocompletion=complete_topic),
]
SourceOption = Annotated[
    Optional[str],
    typer.Option("--source", "-s", help="Only facts from this source id.", autocompletion=complete_source),
]


def _check_name(base: FactBase, what: str, name: str | None) -> None:
    from otsfacts.search import closest

    if name is None:
        return
    known = base.topics if what == "topic" else base.sources
    if name not in known:
        raise UnknownNameError(what, name, closest(name, known))


# --------------------------------------------------------------------------- commands


def _version(value: bool) -> None:
    if value:
        typer.echo(f"otsfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show full tracebacks of unexpected errors (or OTSFACTS_DEBUG=1).")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the compiled base cache (or OTSFACTS_NO_CACHE=1).")
    ] = False,
) -> None:
    """Cited facts about the Organization of Turkic States (OTS), from the terminal.

    Example: otsfacts search middle corridor
    """
    env = _env(ctx)
    env.debug = env.debug or debug
    env.no_cache = env.no_cache or no_cache


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str], typer.Argument(metavar="QUERY...", help="Words or a question; typos and other spellings are fine.")
    ],
    topic: TopicOption = None,
    source: SourceOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Show at most this many answers (0: all).")] = 10,
    min_score: Annotated[
        Optional[float],
        typer.Option("--min-score", min=0, max=100, help="Drop answers scoring below this (0-100; default 40)."),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show which words matched where, and the points.")] = False,
    json: JsonOption = False,
    facts: FactsOption = None,
    no_builtin: NoBuiltinOption = False,
    override: OverrideOption = False,
) -> None:
    """Find the facts that answer QUERY, best first.

    Example: otsfacts search how long do goods take from China to Europe
    """
    from otsfacts import render
    from otsfacts.search import DEFAULT_MIN_SCORE

    env = _env(ctx)
    text = " ".join(query)
    with boundary(env):
        base, index = _compiled(ctx, facts, no_builtin, override)
        _check_name(base, "topic", topic)
        _check_name(base, "source", source)
        hits = index.search(
            text, topic=topic, source=source, limit=limit or None,
            min_score=DEFAULT_MIN_SCORE if min_score is None else min_score,
        )
    if json:
        render.write_json((render.fact_record(h.fact, h, explain) for h in hits), env.stdout)
    elif hits:
        env.print(render.facts_table([h.fact for h in hits], hits, explain=explain, width=env.columns))
    if not hits:
        env.error(f"no facts match {text!r}" + _no_match_hint(base, text))
        raise typer.Exit(ExitStatus.NO_MATCH)


def _no_match_hint(base: FactBase, text: str) -> str:
    from otsfacts.search import closest

    names = {t.title: t.id for t in base.topics.values()}
    near = closest(text, names, limit=3)
    if near:
        return "; closest topics: " + ", ".join(names[n] for n in near) + " (otsfacts list --topic ID)"
    return "; see 'otsfacts topics' for what the base covers"


@app.command()
def show(
    ctx: typer.Context,
    fact_ids: Annotated[
        list[str], typer.Argument(metavar="ID...", help="Fact ids, as search and list print them.",
                                  autocompletion=complete_fact)
    ],
    json: JsonOption = False,
    facts: FactsOption = None,
    no_builtin: NoBuiltinOption = False,
    override: OverrideOption = False,
) -> None:
    """Show facts in full: claim, figure, quote, speaker, source, topics and disputes.

    Example: otsfacts show twelfth-summit-venue-gabala
    """
    from otsfacts import render
    from otsfacts.search import closest

    env = _env(ctx)
    with boundary(env):
        base = _load(ctx, facts, no_builtin, override)
        for fact_id in fact_ids:
            if fact_id not in base.facts:
                raise UnknownNameError("fact", fact_id, closest(fact_id, base.facts))
    chosen = [base.facts[i] for i in fact_ids]
    if json:
        render.write_json((render.fact_record(f) for f in chosen), env.stdout)
        return
    details = [render.fact_detail(f, base) for f in chosen]
    env.print(*(part for n, d in enumerate(details) for part in ([""] if n else []) + [d]))


@app.command("list")
def list_facts(
    ctx: typer.Context,
    topic: TopicOption = None,
    source: SourceOption = None,
    json: JsonOption = False,
    facts: FactsOption = None,
    no_builtin: NoBuiltinOption = False,
    override: OverrideOption = False,
) -> None:
    """List facts in base order, optionally by topic or source.

    Example: otsfacts list --topic energy
    """
    from otsfacts import render

    env = _env(ctx)
    with boundary(env):
        base = _load(ctx, facts, no_builtin, override)
        _check_name(base, "topic", topic)
        _check_name(base, "source", source)
    chosen = [
        f for f in base.facts.values()
        if (topic is None or any(t.id == topic for t in f.topics))
        and (source is None or f.source.id == source)
    ]
    if json:
        render.write_json((render.fact_record(f) for f in chosen), env.stdout)
    elif chosen:
        env.print(render.facts_table(chosen, width=env.columns))
    if not chosen:
        env.error("no facts" + (f" under topic {topic!r}" if topic else "") +
                  (f" from source {source!r}" if source else ""))
        raise typer.Exit(ExitStatus.NO_MATCH)


@app.command()
def topics(
    ctx: typer.Context,
    json: JsonOption = False,
    facts: FactsOption = None,
    no_builtin: NoBuiltinOption = False,
    override: OverrideOption = False,
) -> None:
    """List the topics with how many facts each holds.

    Example: otsfacts topics --json | jq -r '.[] | "\\(.id)\\t\\(.count)"'
    """
    from otsfacts import render

    env = _env(ctx)
    with boundary(env):
        base = _load(ctx, facts, no_builtin, override)
    counts = base.topic_counts()
    if json:
        render.write_json((render.topic_record(t, counts[t.id]) for t in base.topics.values()), env.stdout)
    else:
        env.print(render.topics_table(base))


@app.command()
def sources(
    ctx: typer.Context,
    json: JsonOption = False,
    facts: FactsOption = None,
    no_builtin: NoBuiltinOption = False,
    override: OverrideOption = False,
) -> None:
    """List the sources with how many facts each supports.

    Example: otsfacts sources
    """
    from otsfacts import render

    env = _env(ctx)
    with boundary(env):
        base = _load(ctx, facts, no_builtin, override)
    counts = base.source_counts()
    if json:
        render.write_json((render.source_record(s, counts[s.id]) for s in base.sources.values()), env.stdout)
    else:
        env.print(render.sources_table(base))


@app.command()
def verify(
    ctx: typer.Context,
    archive: Annotated[
        Path, typer.Option("--archive", "-a", metavar="DIR", help="Folder of the sources' archived texts.",
                           file_okay=False)
    ],
    facts: FactsOption = None,
    no_builtin: NoBuiltinOption = False,
    override: OverrideOption = False,
) -> None:
    """Check every fact's quote word for word against its source's archived text.

    Exit 0 when all hold, 1 on any failure, 2 when an archive file is missing.

    Example: otsfacts verify --archive ../shared/sources
    """
    from otsfacts.render import printable
    from otsfacts.verify import verify_quotes

    env = _env(ctx)
    with boundary(env):
        base = _load(ctx, facts, no_builtin, override)
        failures = verify_quotes(base, archive)
    for failure in failures:
        env.stdout.write(printable(str(failure)) + "\n")
    if failures:
        env.error(f"{len(failures)} of {len(base.facts)} quotes not found in {archive}")
        raise typer.Exit(ExitStatus.NO_MATCH)
    env.stdout.write(f"all {len(base.facts)} quotes verified against {archive}\n")


# ------------------------------------------------------------------------- entry point


def run(args: list[str], env: Environment) -> int:
    """Run the command line ``args`` in ``env``; return the exit status, never raise."""
    env.debug = env.debug or env.environ.get("OTSFACTS_DEBUG", "") not in ("", "0")
    try:
        # typer writes help and --version to sys.stdout: point it at the environment's stream
        with redirect_stdout(env.stdout), redirect_stderr(env.stderr):
            result = app(args=args, prog_name="otsfacts", standalone_mode=False, obj=env)
    except typer.TyperException as error:
        return _usage_error(error, env)
    except typer.Abort:
        return ExitStatus.INTERRUPTED
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        raise
    except Exception as error:  # a bug: one line, unless asked for the traceback
        if env.debug or "--debug" in args:
            raise
        env.error(f"internal error: {type(error).__name__}: {error} (rerun with --debug for details)")
        return ExitStatus.ERROR
    return result if isinstance(result, int) else ExitStatus.SUCCESS


def _usage_error(error: typer.TyperException, env: Environment) -> int:
    ctx = getattr(error, "ctx", None)
    exit_code = getattr(error, "exit_code", ExitStatus.ERROR)
    if type(error).__name__ == "NoArgsIsHelpError":
        if error.format_message().strip():
            env.stdout.write(error.format_message() + "\n")
        return ExitStatus.SUCCESS if ctx is not None and ctx.parent is None else exit_code
    command = ctx.command_path if ctx is not None else "otsfacts"
    message = error.format_message().replace("\n", " ")
    env.error(f"error: {message} (see '{command} --help')")
    return exit_code


def main() -> NoReturn:
    """The console script: run, then exit quietly even if stdout was closed early."""
    env = Environment.from_system()
    try:
        status = run(sys.argv[1:], env)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (| head): not an error worth a word. Point stdout at
        # devnull so the interpreter's final flush cannot complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = ExitStatus.SUCCESS
    except KeyboardInterrupt:
        status = ExitStatus.INTERRUPTED
    sys.exit(int(status))
