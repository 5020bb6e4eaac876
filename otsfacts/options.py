"""The options several commands share, declared once: typer needs each in every command's
signature, and these ``Annotated`` types carry its flags, help and completion there.

typer evaluates these annotations at run time: no ``__future__`` annotations here.
"""

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from otsfacts.choices import FACT_KINDS, OutputFormat
from otsfacts.completion import (
    complete_date,
    complete_kind,
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


def parse_min_score(value: Any) -> float:
    """``--min-score``: a finite number from 0 to 100 (nan would turn both cut-offs off)."""
    try:
        number = float(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a number") from None
    if not 0 <= number <= 100:  # false for nan too
        raise typer.BadParameter(f"{value} is not a number from 0 to 100")
    return number


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
