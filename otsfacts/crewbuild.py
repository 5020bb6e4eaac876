"""A big base's cold build in a :class:`~otsfacts.parallel.Crew` of forked workers: each
worker parses its share of the fact files and keeps their fact tables; the parent
registers every entry from what the workers hand back (ids and retired ids: the checks of
:class:`~otsfacts.store.PendingBase`, unchanged), then each worker builds, records and
indexes the facts of the files it parsed. The rows are the ones a single process makes
(``tests/test_parallel.py`` holds them to it); the parsed tables never cross to the parent.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from otsfacts.cachewrite import NO_ROWS, Span, SpanRows, span_rows

if TYPE_CHECKING:
    from otsfacts.parallel import Crew
    from otsfacts.store import Outcome, PendingBase


def crew_read(crew: Crew, where: dict[int, tuple[int, int]], paths: list[Path]) -> list[Outcome]:
    """``paths`` parsed by ``crew`` (see :func:`parse_share`), for
    :class:`~otsfacts.store.PendingBase` to register; ``where`` is told, for each fact
    table handed back (by its id), the worker that keeps it and its position in its file."""
    shares: list[list[Path]] = [[] for _ in range(crew.size)]
    for n, path in enumerate(paths):  # by turns: a base's files are much alike in size
        shares[n % crew.size].append(path)
    parsed = crew.run(parse_share, shares)
    outcomes = [parsed[n % crew.size][n // crew.size] for n in range(len(paths))]
    for n, (document, _) in enumerate(outcomes):
        for position, table in enumerate(document.get("fact", ()) if document else ()):
            if isinstance(table, dict):
                where[id(table)] = (n % crew.size, position)
    return outcomes


#: What registering a fact entry reads of its table (:class:`~otsfacts.store.PendingBase`).
_REGISTERED = ("id", "replaces")


def parse_share(state: dict[str, Any], paths: list[Path]) -> list[Outcome]:
    """Parse ``paths`` (in a worker of a :class:`~otsfacts.parallel.Crew`), keep each file's
    fact tables in ``state``, and hand back each file with its fact tables cut to what
    registering them reads; :func:`build_share` builds the facts here later."""
    from otsfacts.factfile import read_document

    kept = state.setdefault("facts", {})
    outcomes = []
    for path in paths:
        document, problem = read_document(path)
        facts = None if document is None else document.get("fact")
        if document is not None and isinstance(facts, list) and all(isinstance(t, dict) for t in facts):
            kept[str(path)] = facts
            document = dict(document, fact=[{k: t[k] for k in _REGISTERED if k in t} for t in facts])
        outcomes.append((document, problem))
    return outcomes


#: One span for a crew's worker to build: its number, its file, whether built in, the
#: positions of its facts in the file, the labels registering gave some, its first number.
CrewSpan = tuple[int, str, bool, list[int], dict[int, str], int]


def build_share(state: dict[str, Any], request: tuple[Any, ...]) -> list[tuple[int, SpanRows]]:
    """Build the spans of ``request`` from the fact tables this worker parsed (see :func:`parse_share`)."""
    from otsfacts.validate import Entry, Validator, build_fact

    sources, topics, known, crew_spans = request
    kept = state["facts"]
    built = []
    for number, path, builtin, positions, labels, first in crew_spans:
        check = Validator()
        facts = []
        for position in positions:
            entry = Entry(kept[path][position], Path(path), builtin, labels.get(position))
            if (fact := build_fact(entry, check, sources, topics, known)) is not None:
                facts.append(fact)
        built.append((number, span_rows(facts, check.problems, first)))
    return built


def crew_build(crew: Crew, pending: PendingBase, chosen: list[Span],
                where: dict[int, tuple[int, int]]) -> list[SpanRows]:
    """Each span built by the worker that parsed its file (without ``--override`` a span's
    facts are one file's), the rows in span order."""
    entries = pending.fact_entries
    shares: list[list[CrewSpan]] = [[] for _ in range(crew.size)]
    for number, (begin, stop, first) in enumerate(chosen):
        placed = [where[id(entry.table)] for entry in entries[begin:stop]]
        labels = {position: entry.label for entry, (_, position) in zip(entries[begin:stop], placed) if entry.label}
        entry = entries[begin]
        shares[placed[0][0]].append((number, str(entry.path), entry.builtin, [p for _, p in placed], labels, first))
    request = [(pending.sources, pending.topics, pending.known_ids(), share) for share in shares]
    built: list[SpanRows] = [NO_ROWS] * len(chosen)
    for share in crew.run(build_share, request):
        for number, rows in share:
            built[number] = rows
    return built
