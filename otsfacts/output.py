"""How listing commands print: the output options resolved once, and the one renderer
that writes records as a table or in a format for scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple, Sequence

import typer

from otsfacts.choices import OutputFormat
from otsfacts.context import Environment, OutputClosed

if TYPE_CHECKING:
    from otsfacts.answers import Answers
    from otsfacts.formats import RecordSpec, Selection
    from otsfacts.options import Printing
    from otsfacts.hits import Hit


class Output(NamedTuple):
    """How a listing command prints: the format and the fields, checked before any work is done."""

    format: OutputFormat
    selection: Selection


def resolve_output(ctx: typer.Context, spec: RecordSpec, given: Printing) -> tuple[Environment, Output]:
    """The command's environment and its shared output options, resolved; ``--color`` is
    applied to the environment here."""
    from otsfacts.errors import FieldError

    env = Environment.of(ctx)
    fmt, fields, json, color = given
    if color is not None:
        env.color_mode = color
    if json and fmt not in (None, OutputFormat.JSON):
        raise typer.BadParameter(f"--json is short for --format json, not --format {fmt.value}",
                                 param_hint="'--json'")
    try:
        selection = spec.select(fields)
    except FieldError as error:
        raise typer.BadParameter(str(error), param_hint="'--fields'") from None
    return env, Output(OutputFormat.JSON if json else fmt or OutputFormat.TABLE, selection)


def emit(env: Environment, output: Output, records: Iterable[dict[str, Any]],
         table: Callable[[], Any] | None = None) -> None:
    """The one renderer of every listing command: ``records`` in the chosen format.

    The table is the command's own (``table()``), or, when ``--fields`` picked columns,
    one column per field. Records are only built when the format needs them.
    """
    from otsfacts import formats

    if output.format != OutputFormat.TABLE:
        formats.write(records, output.format, output.selection, env.stdout, raw_cells=env.raw_cells)
        return
    if output.selection.explicit or table is None:
        from otsfacts.tables import fields_table

        headers, rows = output.selection.table(records)
        if rows:
            env.print(fields_table(headers, rows, width=env.columns))
        return
    rendered = table()
    try:
        for part in rendered if isinstance(rendered, Iterator) else [rendered]:  # a streamed table: chunk by chunk
            env.print(part)
    except BrokenPipeError:  # a stream not guarded (tests, embedding): the same as a guarded one
        raise OutputClosed() from None  # past typer, which would turn a closed pipe into exit 1


def emit_answers(env: Environment, output: Output, found: Answers, explain: bool, related: bool) -> None:
    """``search``'s renderer: the answers, then the related facts when asked for (in the
    formats scripts read, marked ``"answer": false``) or, in a table, under their own heading
    when nothing answers."""
    from otsfacts import render

    def facts_table(hits: Sequence[Hit], title: str | None = None) -> Any:
        from otsfacts.tables import facts_table  # only for a table: JSON never imports it

        return facts_table([h.fact for h in hits], hits, explain=explain, width=env.columns, title=title)

    answers = found.answers
    table = output.format == OutputFormat.TABLE and not output.selection.explicit
    nearby = found.related if related or (table and not answers) else ()
    if answers or output.format != OutputFormat.TABLE or (nearby and not table):
        records = [render.fact_record(h.fact, h, explain) for h in answers]
        records += [render.fact_record(h.fact, h, explain, answer=False) for h in nearby if not table]
        emit(env, output, records, lambda: facts_table(answers))
    if nearby and table:
        env.print(facts_table(nearby, title="Related, not an answer"))
