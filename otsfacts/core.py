"""The entry point around the typer app, as httpie's ``core.py``: the one boundary where
library errors become one line on stderr and their exit status, and where everything else
(usage errors, Ctrl-C, closed pipes, bugs) is mapped, so that no user ever sees a
traceback unless they ask with ``--debug``.
"""

import errno
import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from typing import Any, Callable, Mapping, NoReturn

import typer
from typer.core import TyperGroup

from otsfacts.context import Environment, OutputClosed, point_at_devnull
from otsfacts.errors import ExitStatus, FactBaseError, NothingFound, OtsfactsError

#: The variable typer's completion scripts set (derived from the program name).
_COMPLETE_VAR = "_OTSFACTS_COMPLETE"


class Commands(TyperGroup):
    """The commands, run inside the one boundary of library errors: an :class:`OtsfactsError`
    becomes one line on stderr and its exit status, however the app is invoked."""

    def invoke(self, ctx: Any) -> Any:  # typer.Context is a subclass of what click passes
        try:
            return super().invoke(ctx)
        except OtsfactsError as error:
            if isinstance(error, FactBaseError):  # at the lines check gives, and pointing to it
                from otsfacts.check import pointed

                error = FactBaseError(pointed(error.problems))
            Environment.of(ctx).error(str(error) if isinstance(error, NothingFound) else f"error: {error}")
            raise typer.Exit(error.exit_status) from None


def run(app: typer.Typer, settings: dict[str, Any], args: list[str], env: Environment) -> int:
    """Run the command line ``args`` of ``app`` (made with ``settings``) in ``env``; return the
    exit status, never raise."""
    env.debug = env.debug or env.environ.get("OTSFACTS_DEBUG", "") not in ("", "0")
    args = hoist_global_flags(args)
    try:
        # typer writes help and --version to sys.stdout: point it at the environment's stream
        zsh = env.environ.get(_COMPLETE_VAR) == "complete_zsh"
        stdout = io.StringIO() if zsh else env.stdout
        try:
            with redirect_stdout(stdout), redirect_stderr(env.stderr):
                result = app_for(app, settings, args, env.environ)(args=args, prog_name="otsfacts",
                                                                    standalone_mode=False, obj=env)
        finally:  # completion ends in sys.exit
            if zsh:  # typer doubles an apostrophe inside zsh's single quotes, where that drops it
                env.stdout.write(stdout.getvalue().replace("''", "'\\''"))  # type: ignore[attr-defined]
    except typer.TyperException as error:
        return _usage_error(error, env)
    except (typer.Abort, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    except (BrokenPipeError, OutputClosed):
        raise BrokenPipeError from None  # main() ends quietly with status 0
    except OSError as error:
        if error.errno in _OUTPUT_ERRORS and not env.debug:
            raise  # writing stdout failed: main() says so in one line
        if env.debug or "--debug" in args:
            raise
        env.error(f"internal error: {type(error).__name__}: {error} (rerun with --debug for details)")
        return ExitStatus.ERROR
    except Exception as error:  # a bug: one line, unless asked for the traceback
        if env.debug or "--debug" in args:
            raise
        env.error(f"internal error: {type(error).__name__}: {error} (rerun with --debug for details)")
        return ExitStatus.ERROR
    return result if isinstance(result, int) else ExitStatus.SUCCESS


#: errno values of a failed write to stdout (closed, full disk or device, quota, too big).
_OUTPUT_ERRORS = frozenset({errno.EBADF, errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

_ROOT_FLAGS = frozenset({"--debug", "--no-cache", "--no-pager", "--raw-cells"})


def hoist_global_flags(args: list[str]) -> list[str]:
    """``args`` with ``--debug``, ``--no-cache``, ``--no-pager`` and ``--raw-cells`` moved before the command, where typer
    takes them, so that they work wherever they are typed (``otsfacts search x --no-cache``);
    words after ``--`` stay where they are."""
    end = args.index("--") if "--" in args else len(args)
    head = args[:end]
    flags = [a for a in head if a in _ROOT_FLAGS]
    if not flags:
        return args
    return flags + [a for a in head if a not in _ROOT_FLAGS] + args[end:]


def app_for(app: typer.Typer, settings: dict[str, Any], args: list[str], environ: Mapping[str, str]) -> typer.Typer:
    """``app`` with only the command ``args`` (or the completion request) names, if any.

    typer turns every registered command into a click command on every run (a few
    milliseconds each, all for nothing but the one that runs): with one command
    registered, only it is built. Anything else (help, a mistyped command, completing
    the command name itself) gets the whole app.
    """
    words = list(args)
    if _COMPLETE_VAR in environ:  # shell completion: the words typed before the cursor
        line = environ.get("COMP_WORDS") or environ.get("_TYPER_COMPLETE_ARGS", "")
        typed = line.split()
        cword = environ.get("COMP_CWORD", "")
        words = typed[1:int(cword)] if cword.isdigit() else typed[1:len(typed) - (not line.endswith(" "))]
    for word in words:
        if word in _ROOT_FLAGS:
            continue
        if word.startswith("-"):
            return app  # --help, --version, an unknown option: the whole app answers
        commands = [c for c in app.registered_commands if _command_name(c) == word]
        if len(commands) != 1:
            return app
        single = typer.Typer(**settings)
        single.registered_callback = app.registered_callback
        single.registered_commands = commands
        return single
    return app


def _command_name(command: Any) -> str:
    name: str = command.name or command.callback.__name__.replace("_", "-")
    return name


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


def main(run: Callable[[list[str], Environment], int]) -> NoReturn:
    """The console script around ``run``: exit with its status, quietly even if stdout was
    closed early."""
    env = Environment.from_system()
    if sys.stdout is None:  # started with stdout closed (otsfacts topics >&-)
        env.error("error: cannot write output: standard output is closed")
        sys.exit(ExitStatus.ERROR)
    try:
        status = run(sys.argv[1:], env)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (| head): not an error worth a word. Point stdout at
        # devnull so the interpreter's final flush cannot complain either.
        point_at_devnull(sys.stdout)
        status = ExitStatus.SUCCESS
    except KeyboardInterrupt:
        status = ExitStatus.INTERRUPTED
    except OSError as error:  # stdout closed or full (> /dev/full): one line, not a traceback
        env.error(f"error: cannot write output: {error.strerror or error}")
        point_at_devnull(sys.stdout)
        status = ExitStatus.ERROR
    sys.exit(int(status))


