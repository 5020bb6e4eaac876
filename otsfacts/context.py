"""The environment a command runs in: its streams and whether they are terminals.

Passed in rather than read from ``sys`` so tests can pretend to be a terminal or a pipe.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence, TextIO, cast

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from otsfacts.cache import Compiled
    from otsfacts.meaning import Meaning
    from otsfacts.model import Fact


class ColorMode(str, Enum):
    """``--color``: ``auto`` asks the terminal and the environment, the others decide."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class OutputClosed(Exception):
    """The reader of stdout went away (``| head``). Deliberately not an ``OSError``: click
    turns a broken pipe into exit status 1, and ``head`` closing early is no failure."""


class GuardedStream:
    """A text stream whose writes raise :class:`OutputClosed` instead of ``BrokenPipeError``,
    so a closed pipe reaches the entry point the same way from every command and format."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise OutputClosed() from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise OutputClosed() from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _output_closed() -> None:
    raise OutputClosed()


#: Narrower than this, a table cannot show a claim at all: lay it out this wide instead.
MIN_WIDTH = 40


class Environment:
    """Where output goes and what the command was told about it; a plain mutable object (the
    global options fill in ``debug``, ``color_mode`` and ``no_cache`` as they are parsed)."""

    __slots__ = ("stdout", "stderr", "stdout_isatty", "environ", "width", "debug", "color_mode", "no_cache",
                 "pager", "raw_cells")

    def __init__(self, stdout: TextIO, stderr: TextIO, stdout_isatty: bool = False,
                 environ: Mapping[str, str] | None = None, width: int | None = None, debug: bool = False,
                 color_mode: ColorMode = ColorMode.AUTO, no_cache: bool = False, pager: bool = False) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.stdout_isatty = stdout_isatty
        self.environ: Mapping[str, str] = {} if environ is None else environ
        self.width = width  # None: the terminal's, or 80 when piped
        self.debug = debug
        self.color_mode = color_mode  # set by --color
        self.no_cache = no_cache
        self.pager = pager  # whether tables on a terminal may be paged (off: --no-pager, tests)
        self.raw_cells = False  # set by --raw-cells: CSV and TSV cells as they are, not spreadsheet-safe

    @classmethod
    def from_system(cls) -> "Environment":
        return cls(
            stdout=GuardedStream(sys.stdout),  # type: ignore[arg-type]
            stderr=sys.stderr if sys.stderr is not None else _silent_stderr(),  # None: started with it closed
            stdout_isatty=_isatty(sys.stdout),
            environ=os.environ,
            pager=True,
        )

    @classmethod
    def of(cls, ctx: Any) -> "Environment":
        """The environment of a command line's typer context, kept on its root (made from
        the system when the caller passed none, as typer's test runner does)."""
        root = ctx.find_root()
        if not isinstance(root.obj, Environment):
            root.obj = cls.from_system()
        return root.obj

    def take_flags(self, debug: bool, no_cache: bool, no_pager: bool, raw_cells: bool) -> None:
        """Apply ``--debug``, ``--no-cache``, ``--no-pager`` and ``--raw-cells`` (none undoes what
        the environment already decided: OTSFACTS_DEBUG, a test's pager off)."""
        self.debug = self.debug or debug
        self.no_cache = self.no_cache or no_cache
        self.pager = self.pager and not no_pager
        self.raw_cells = self.raw_cells or raw_cells

    @property
    def use_cache(self) -> bool:
        """Whether the compiled base cache is read and written (not with --no-cache or OTSFACTS_NO_CACHE)."""
        return not (self.no_cache or self.environ.get("OTSFACTS_NO_CACHE", "") not in ("", "0"))

    def compiled(self, facts: Iterable[Path] | None, no_builtin: bool, override: bool) -> Compiled:
        """The base and its search index as ``--facts``, ``--no-builtin`` and ``--override``
        name them, through the cache unless told otherwise; warnings go to stderr."""
        from otsfacts.cache import load_compiled

        return load_compiled(tuple(facts or ()), builtin=not no_builtin, allow_override=override,
                             use_cache=self.use_cache, environ=self.environ, warn=self.error)

    def meaning(self, facts: Sequence[Fact], paths: Iterable[Path] | None, no_builtin: bool, override: bool,
                what: str, *, cached: bool | None = None, encode_limit: int | None = -1,
                explain: bool = False, now: bool = False) -> Meaning | None:
        """The meaning (search vectors) of ``facts``, the base those options load, kept in the
        cache (unless ``cached`` is False, or None and the cache is off); encoding that takes
        over a second shows a progress bar, labelled ``what``. None when the encoder is
        missing or OTSFACTS_MEANING=0 (and, with ``explain``, a line on stderr saying so)."""
        if not (explain or now):
            # made when a search first needs it: a keyword search that spelling answers never
            # imports the encoder's module nor looks for its package (about 1.5 ms)
            return cast("Meaning", _Deferred(lambda: self.meaning(
                facts, paths, no_builtin, override, what, cached=cached, encode_limit=encode_limit, now=True)))
        from otsfacts.meaning import Meaning, enabled, one_blas_thread, status

        if not enabled(self.environ):
            if explain:  # --explain says how it searched
                self.error(status(self.environ))
            return None
        from otsfacts.cache import cache_dir, vectors_key

        one_blas_thread()
        cache = cache_dir(self.environ) if (self.use_cache if cached is None else cached) else None
        key = vectors_key(tuple(paths or ()), builtin=not no_builtin, allow_override=override)
        return Meaning(facts, cache, key, progress=self.progress(what), encode_limit=encode_limit)

    def progress(self, what: str) -> Callable[[int, int], None] | None:
        """A progress bar on stderr, shown only on a terminal and only once a step takes a second."""
        stream = self.stderr
        if not getattr(stream, "isatty", lambda: False)():
            return None
        from otsfacts.meaning import delayed_progress

        def show() -> Callable[[int, int], None]:
            from rich.console import Console
            from rich.progress import Progress

            progress = Progress(console=Console(file=stream), transient=True)
            progress.start()
            task = progress.add_task(what, total=None)

            def step(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)
                if done >= total:
                    progress.stop()

            return step

        return delayed_progress(show)

    @property
    def color(self) -> bool:
        """Whether stdout gets colour.

        ``--color always|never`` decides outright: an explicit flag beats the environment.
        Otherwise NO_COLOR (set and not empty) turns colour off, FORCE_COLOR (set and not
        empty, whatever its value, as force-color.org has it) turns it on even in a pipe
        or a dumb terminal, TERM=dumb turns it off, and a terminal gets colour.
        """
        if self.color_mode == ColorMode.ALWAYS:
            return True
        if self.color_mode == ColorMode.NEVER:
            return False
        if self.environ.get("NO_COLOR", "") != "":
            return False
        if self.environ.get("FORCE_COLOR", "") != "":
            return True
        if self.environ.get("TERM") == "dumb":
            return False
        return self.stdout_isatty

    def console(self) -> "Console":
        """A Rich console on stdout that never interprets markup, emoji or highlights."""
        from rich.console import Console

        width = self.width
        if width is None and not self.stdout_isatty:
            width = _env_int(self.environ.get("COLUMNS")) or 80
        if width is not None:
            width = max(width, MIN_WIDTH)
        console = Console(
            file=self.stdout,
            width=width,
            color_system="standard" if self.color else None,
            # forced colour must reach a pipe too; plain output never pretends to be a terminal
            force_terminal=self.color,
            no_color=not self.color,
            markup=False,
            emoji=False,
            highlight=False,
            soft_wrap=False,
        )
        # Rich meets a closed pipe first (it writes even while capturing) and would point
        # stdout at devnull and exit; on any stream, closed output ends the command the
        # one way every format does
        console.on_broken_pipe = _output_closed  # type: ignore[method-assign]
        return console

    @property
    def columns(self) -> int:
        """The width output is laid out for."""
        return self.console().width

    def print(self, *renderables: Any) -> None:
        """Render to stdout; in plain output, without the padding Rich leaves at line ends."""
        console = self.console()
        if self.pager and self.stdout_isatty:
            from otsfacts.pager import page, pager_command

            command = pager_command(self.environ)
            if command is not None:
                with console.capture() as capture:
                    console.print(*renderables, crop=False)
                text = capture.get()
                if not self.color:
                    text = "".join(line.rstrip() + "\n" for line in text.splitlines())
                self.stdout.flush()
                if page(text, command, self.environ):
                    return
                self.stdout.write(text)
                return
        if self.color:
            console.print(*renderables, crop=False)
            return
        with console.capture() as capture:
            console.print(*renderables, crop=False)
        lines = capture.get().splitlines()
        self.stdout.write("".join(line.rstrip() + "\n" for line in lines))

    def error(self, message: str) -> None:
        """One line on stderr, prefixed with the program name."""
        from otsfacts.render import one_line

        try:
            self.stderr.write(f"otsfacts: {one_line(message)}\n")
            self.stderr.flush()
        except (OSError, ValueError, AttributeError):
            # stderr closed or full: the message is lost, but never the exit status
            if self.stderr is sys.__stderr__:
                # the process's own, which the interpreter flushes once more at exit (and
                # which redirect_stderr puts back as sys.stderr): what it still holds goes
                # to devnull there, not to a full disk (that failure made the status 120;
                # unseen where PYTHONUNBUFFERED leaves nothing held)
                point_at_devnull(self.stderr)
            self.stderr = _silent_stderr()


def _silent_stderr() -> TextIO:
    """Where messages go once stderr cannot take them; also made ``sys.stderr``, so the
    interpreter's last flush at exit cannot fail either (and turn the status into 120)."""
    sink = open(os.devnull, "w", encoding="utf-8")
    sys.stderr = sink
    return sink


def point_at_devnull(stream: TextIO) -> None:
    """Point the descriptor under ``stream`` at devnull, so the interpreter's final flush
    of what it still holds cannot fail again; a stream with no descriptor is left as is."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _env_int(value: str | None) -> int | None:
    try:
        number = int(value) if value else None
    except ValueError:
        return None
    return number if number and number > 0 else None


class _Deferred:
    """A :class:`~otsfacts.meaning.Meaning` made by ``make`` when a search first asks it
    something (``make`` may give None: meaning is off or not installed)."""

    def __init__(self, make: Callable[[], Meaning | None]) -> None:
        self._make: Callable[[], Meaning | None] | None = make
        self._made: Meaning | None = None

    def _get(self) -> Meaning | None:
        if self._make is not None:
            self._made, self._make = self._make(), None
        return self._made

    def similarities(self, text: str) -> Any:
        made = self._get()
        return None if made is None else made.similarities(text)

    def blended(self, text: str) -> Any:
        made = self._get()
        return None if made is None else made.blended(text)

    def near_words(self, words: Sequence[str], vocabulary: Callable[[], Sequence[str]]) -> list[dict[str, float]]:
        made = self._get()
        return [{} for _ in words] if made is None else made.near_words(words, vocabulary)

    def knows_words(self, vocabulary: Callable[[], Sequence[str]]) -> bool:
        made = self._get()
        return made is not None and made.knows_words(vocabulary)

    @property
    def notice(self) -> str | None:
        return None if self._made is None else self._made.notice
