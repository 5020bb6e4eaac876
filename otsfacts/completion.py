"""Shell completion of option values and arguments: topics, sources, fact ids, kinds,
speakers, dates and sort orders, from the base the command line typed so far would load.

Each function is what typer's ``autocompletion=`` calls with the context and the word
being completed; a base that cannot be loaded completes nothing (never an error at Tab).
typer reads each function's annotations to know what to pass: no ``__future__`` annotations.
"""

from typing import TYPE_CHECKING, Any, Callable, Optional

import typer

from otsfacts.choices import FACT_KINDS, SORT_ORDERS
from otsfacts.context import Environment
from otsfacts.errors import OtsfactsError

if TYPE_CHECKING:
    from otsfacts.model import FactBase


def _completion_base(ctx: typer.Context) -> Optional["FactBase"]:
    """The base as the command line so far would load it; None if it cannot be loaded."""
    params = ctx.params
    try:
        env = Environment.of(ctx)
        return env.compiled(params.get("facts"), bool(params.get("no_builtin")), bool(params.get("override")))[0]
    except OtsfactsError:
        return None


def _current_rows(ctx: typer.Context, sql: str) -> Optional[list[Any]]:
    """The rows ``sql`` selects from the current compiled base, read straight from its
    cache (no records built); None when there is none yet, or it is not current."""
    params = ctx.params
    env = Environment.of(ctx)
    if not env.use_cache:
        return None
    from otsfacts.cache import current_rows

    return current_rows(sql, tuple(params.get("facts") or ()), builtin=not params.get("no_builtin"),
                        allow_override=bool(params.get("override")), environ=env.environ)


def _named(ctx: typer.Context, sql: str, from_base: Callable[["FactBase"], list[tuple[str, str]]],
           incomplete: str) -> list[tuple[str, str]]:
    """(id, description) pairs starting with ``incomplete``: the rows ``sql`` selects from a
    current cache, else ``from_base`` of the loaded base (none if it cannot be loaded)."""
    rows = _current_rows(ctx, sql)
    if rows is None:
        base = _completion_base(ctx)
        rows = [] if base is None else from_base(base)
    return [(i, described) for i, described in rows if i.startswith(incomplete)]


def complete_topic(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _named(ctx, "SELECT id, json_extract(record, '$.title') FROM topics ORDER BY number",
                  lambda base: [(t.id, t.title) for t in base.topics.values()], incomplete)


def complete_source(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _named(ctx, "SELECT id, json_extract(record, '$.outlet') || ', ' || "
                       "json_extract(record, '$.published') FROM sources ORDER BY number",
                  lambda base: [(s.id, f"{s.outlet}, {s.published}") for s in base.sources.values()], incomplete)


def complete_fact(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    rows = _current_rows(ctx, "SELECT id, substr(json_extract(record, '$.claim'), 1, 60) FROM facts "
                              "ORDER BY file, position")
    if rows is None:
        base = _completion_base(ctx)
        if base is None:
            return []
        ids = [i for i in base.facts if i.startswith(incomplete)]
        if len(ids) > _DESCRIBED:  # reading every claim of a big base would make Tab slow
            return ids  # type: ignore[return-value]
        return [(i, base.facts[i].claim[:60]) for i in ids]
    found = [(i, claim) for i, claim in rows if i.startswith(incomplete)]
    if len(found) > _DESCRIBED:
        return [i for i, _ in found]
    return found


def complete_kind(incomplete: str) -> list[str]:
    return [kind for kind in FACT_KINDS if kind.startswith(incomplete)]


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[str]:
    from otsfacts.filters import speakers
    from otsfacts.text import fold

    # Each word of a name on its own (--speaker matches part of a name, and a word needs
    # no quoting), continued in the case the user typed (the shell keeps only what starts
    # with the typed text).
    base = _completion_base(ctx)
    if base is None:
        return []
    typed = fold(incomplete)
    words = dict.fromkeys(word for name in speakers(base) for word in name.split() if len(word) > 2)
    return [incomplete + word[len(incomplete):] for word in words
            if fold(word).startswith(typed) and len(fold(word)) == len(word)]


def complete_date(ctx: typer.Context, incomplete: str) -> list[str]:
    """The dates facts are filed under (events' dates, sources' publication dates); a
    period's first and last date apart, as --since and --until take one date."""
    from otsfacts.filters import fact_date

    base = _completion_base(ctx)
    if base is None:
        return []
    return sorted({d for f in base.facts.values() for d in fact_date(f).split("/") if d.startswith(incomplete)})


def complete_sort(incomplete: str) -> list[str]:
    return [order for order in SORT_ORDERS if order.startswith(incomplete)]


#: Up to this many fact ids are completed with their claims (for shells that show them).
_DESCRIBED = 300
