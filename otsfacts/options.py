"""The command line's options and arguments, each declared once: typer needs each in every
command's signature, and these ``Annotated`` types carry its flags, help and completion
there. First those before the command, then those several commands share, then each
command's own.

typer evaluates these annotations at run time: no ``__future__`` annotations here.
"""

import functools
import inspect
from pathlib import Path
from typing import Annotated, Any, Callable, NamedTuple, Optional

import typer

from otsfacts.choices import FACT_KINDS, SORT_ORDERS, CiteStyle, FactKind, NewWhat, OutputFormat
from otsfacts.completion import (
    complete_date,
    complete_fact,
    complete_kind,
    complete_sort,
    complete_source,
    complete_speaker,
    complete_topic,
)
from otsfacts.context import ColorMode


def parse_path(value: Any) -> Path:
    """A path argument, refused when empty (``Path("")`` would be the working directory,
    and every ``*.toml`` under it: Cargo.toml, pyproject.toml...)."""
    if isinstance(value, Path):
        return value
    if not value:
        raise typer.BadParameter("an empty path names no file")
    return Path(value)


parse_path.__name__ = "path"  # what help shows as an argument's type, as before it had a parser


def is_utf8(text: str) -> bool:
    """Whether ``text`` came from UTF-8 bytes (argv holds undecodable bytes as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_sort(order: str) -> None:
    """``--sort``: one of :data:`~otsfacts.choices.SORT_ORDERS`."""
    if order not in SORT_ORDERS:
        raise typer.BadParameter(f"{order!r} is not one of {', '.join(SORT_ORDERS)}", param_hint="'--sort'")


def parse_min_score(value: Any) -> float:
    """``--min-score``: a finite number from 0 to 100 (nan would turn both cut-offs off)."""
    try:
        number = float(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a number") from None
    if not 0 <= number <= 100:  # false for nan too
        raise typer.BadParameter(f"{value} is not a number from 0 to 100")
    return number


def _version(value: bool) -> None:
    if value:
        import os

        from otsfacts import JSON_VERSION, __version__
        from otsfacts.meaning import status

        typer.echo(f"otsfacts {__version__} (json {JSON_VERSION})\n{status(os.environ)}")
        raise typer.Exit()


# ------------------------------------------------------------------- before the command

VersionOption = Annotated[
    Optional[bool],
    typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show full tracebacks of unexpected errors (or OTSFACTS_DEBUG=1).")
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the compiled base cache (or OTSFACTS_NO_CACHE=1).")
]
NoPagerOption = Annotated[
    bool, typer.Option("--no-pager", help="Print tables straight to the terminal, not through "
                       "OTSFACTS_PAGER, PAGER or less -R.")
]
RawCellsOption = Annotated[
    bool, typer.Option("--raw-cells", help="Write CSV and TSV cells as they are, without the ' that keeps "
                       "spreadsheets from running a cell beginning with = + - @ as a formula.")
]


# ------------------------------------------------------------- options shared by commands

FactsOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--facts", "-f", metavar="PATH", parser=parse_path,
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
    bool, typer.Option("--json", help="Short for --format json: a JSON array for scripts (schema in the README).")
]
FormatOption = Annotated[
    Optional[OutputFormat],
    typer.Option("--format", metavar="FORMAT",
                 help="table (the default), json, jsonl (one object a line), csv, tsv or markdown."),
]
FieldsOption = Annotated[
    Optional[str],
    typer.Option("--fields", metavar="FIELD,...",
                 help="Only these fields, in this order; nested ones dotted (source.outlet), "
                 "a group whole (speaker). An unknown name lists the valid ones."),
]
ColorOption = Annotated[
    Optional[ColorMode],
    typer.Option("--color", metavar="WHEN",
                 help="auto (the default: on a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never."),
]
TopicOption = Annotated[
    Optional[list[str]],
    typer.Option("--topic", "-t", metavar="TOPIC",
                 help="Only facts under this topic: its id, an alias or its title, in any case. "
                 "Repeatable or comma-separated: any of them.", autocompletion=complete_topic),
]
SourceOption = Annotated[
    Optional[list[str]],
    typer.Option("--source", "-s", metavar="SOURCE",
                 help="Only facts from this source id (repeatable or comma-separated: any of them).",
                 autocompletion=complete_source),
]
KindOption = Annotated[
    Optional[list[str]],
    typer.Option("--kind", "-k", metavar="KIND",
                 help="Only facts of this kind: " + ", ".join(FACT_KINDS) + " (repeatable or comma-separated).",
                 autocompletion=complete_kind),
]
SpeakerOption = Annotated[
    Optional[list[str]],
    typer.Option("--speaker", metavar="NAME",
                 help="Only facts said or reported by someone whose name holds NAME, or reporting a deed of "
                 "theirs (the actor), in any case and with or without accents (repeatable or comma-separated).",
                 autocompletion=complete_speaker),
]
SinceOption = Annotated[
    Optional[str],
    typer.Option("--since", metavar="DATE",
                 help="Only facts dated DATE (YYYY, YYYY-MM or YYYY-MM-DD) or later: the event's date "
                 "where the fact has one, else its source's publication date.", autocompletion=complete_date),
]
UntilOption = Annotated[
    Optional[str],
    typer.Option("--until", metavar="DATE", help="Only facts dated DATE or earlier (as --since).",
                 autocompletion=complete_date),
]


# ------------------------------------------------------------------- each command's own

QueryArgument = Annotated[
    list[str], typer.Argument(metavar="QUERY...", help="Words or a question; typos and other spellings are fine.")
]
SearchSortOption = Annotated[
    str, typer.Option("--sort", metavar="ORDER", help="score (best first, the default), date or id.",
                      autocompletion=complete_sort)
]
SearchLimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, help="Show at most this many answers (0: all).")]
MinScoreOption = Annotated[
    Optional[float],
    typer.Option("--min-score", parser=parse_min_score, metavar="S", help="Drop answers scoring below this (0-100; one of the first three by meaning answers from 60% of it; default 50)."),
]
ExplainOption = Annotated[bool, typer.Option(
    "--explain", help="Show which words matched where, their points, and how spelling and meaning ranked it.",
)]
RelatedOption = Annotated[bool, typer.Option(
    "--related", help="Also print up to 3 facts near the query that do not answer it.",
)]
FactIdsArgument = Annotated[
    list[str], typer.Argument(metavar="ID...", help="Fact ids, as search and list print them.",
                              autocompletion=complete_fact)
]
ListSortOption = Annotated[
    str, typer.Option("--sort", metavar="ORDER", help="score (base order, the default), date or id.",
                      autocompletion=complete_sort)
]
ListLimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, help="Show at most this many facts (0: all, the default).")]
TodayOption = Annotated[
    Optional[str], typer.Option("--today", metavar="DATE", help="Mark past and ahead as of DATE "
                                "(YYYY-MM-DD) instead of today.")
]
CiteIdsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(metavar="[ID]...", help="Fact ids (their sources are cited) or source ids.",
                   autocompletion=complete_fact, show_default=False),
]
CiteStyleOption = Annotated[
    CiteStyle, typer.Option("--style", help="apa, chicago, mla, bibtex or csl-json.")
]
CiteAllOption = Annotated[bool, typer.Option("--all", help="Cite every source.")]
VerifyFilesArgument = Annotated[
    Optional[list[Path]],
    typer.Argument(metavar="[FILE]...", help="Check only the facts of these fact files or folders (loaded "
                   "as --facts loads them). Default: every fact.", show_default=False, parser=parse_path),
]
ArchiveOption = Annotated[
    Optional[list[Path]],
    typer.Option("--archive", "-a", metavar="DIR", help="Folder of the sources' archived texts "
                 "(repeatable: searched in order).", file_okay=False),
]
CheckPathsArgument = Annotated[
    Optional[list[Path]],
    typer.Argument(metavar="[PATH]...", help="Fact files or directories to check, as --facts names them "
                   "(default: those --facts and OTSFACTS_PATH name, else the built-in base).",
                   show_default=False, parser=parse_path),
]
NewWhatArgument = Annotated[
    NewWhat, typer.Argument(metavar="[fact|source|topic]", help="What to scaffold (default: a fact).",
                            show_default=False)
]
NewSourceOption = Annotated[
    Optional[str], typer.Option("--source", "-s", help="A fact's source id (required for a fact).",
                                autocompletion=complete_source)
]
NewTopicsOption = Annotated[
    Optional[list[str]], typer.Option("--topic", "-t", help="A fact's topic (repeatable; one at least).",
                                      autocompletion=complete_topic)
]
NewKindOption = Annotated[
    FactKind, typer.Option("--kind", "-k", help="What sort of claim: " + ", ".join(FACT_KINDS) + ".")
]
ClaimOption = Annotated[
    Optional[str], typer.Option("--claim", help="The claim, if you have it: the id is suggested from it.")
]
OutletOption = Annotated[Optional[str], typer.Option("--outlet", help="A source's outlet (its id comes from it).")]
PublishedOption = Annotated[
    Optional[str], typer.Option("--published", metavar="DATE", help="A source's publication date, YYYY-MM-DD.")
]
TitleOption = Annotated[Optional[str], typer.Option("--title", help="A topic's title (its id comes from it).")]
IntoOption = Annotated[
    Optional[Path], typer.Option("--into", metavar="FILE", help="Append the entry to FILE (made if missing), "
                                 "with an id free in FILE and in the base; FILE is loaded too.", dir_okay=False)
]


# ------------------------------------------------------------ the shared groups, declared once


class Filtering(NamedTuple):
    """``--topic``, ``--source``, ``--kind``, ``--speaker``, ``--since``, ``--until`` as given."""

    topic: Optional[list[str]]
    source: Optional[list[str]]
    kind: Optional[list[str]]
    speaker: Optional[list[str]]
    since: Optional[str]
    until: Optional[str]


class Printing(NamedTuple):
    """``--format``, ``--fields``, ``--json``, ``--color`` as given."""

    fmt: Optional[OutputFormat]
    fields: Optional[str]
    json: bool
    color: Optional[ColorMode]


class Loading(NamedTuple):
    """``--facts``, ``--no-builtin``, ``--override`` as given."""

    facts: Optional[list[Path]]
    no_builtin: bool
    override: bool


def _options(*declared: tuple[str, Any, Any]) -> list[inspect.Parameter]:
    return [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
            for name, annotation, default in declared]


#: Each group's options, in the order help lists them.
_GROUPS: dict[Any, list[inspect.Parameter]] = {
    Filtering: _options(("topic", TopicOption, None), ("source", SourceOption, None), ("kind", KindOption, None),
                        ("speaker", SpeakerOption, None), ("since", SinceOption, None), ("until", UntilOption, None)),
    Printing: _options(("fmt", FormatOption, None), ("fields", FieldsOption, None), ("json", JsonOption, False),
                       ("color", ColorOption, None)),
    Loading: _options(("facts", FactsOption, None), ("no_builtin", NoBuiltinOption, False),
                      ("override", OverrideOption, False)),
}


def grouped(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` as typer should see it: each parameter typed as a group (:class:`Filtering`,
    :class:`Printing`, :class:`Loading`) becomes that group's options, in its place, and the
    options given are handed to ``command`` as one value of the group."""
    own = inspect.signature(command).parameters.values()
    groups = {p.name: p.annotation for p in own if p.annotation in _GROUPS}
    params = [q.replace(kind=inspect.Parameter.KEYWORD_ONLY) if p.name not in groups else q
              for p in own for q in (_GROUPS[p.annotation] if p.name in groups else [p])]

    @functools.wraps(command)
    def typed(**given: Any) -> None:
        for name, group in groups.items():
            given[name] = group(*(given.pop(q.name) for q in _GROUPS[group]))
        command(**given)

    typed.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    typed.__annotations__ = {p.name: p.annotation for p in params}
    return typed
