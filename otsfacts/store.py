"""Find, parse and validate fact files into a :class:`~otsfacts.model.FactBase`.

Every problem in every file is collected before anything is reported, so a curator
sees the whole list at once; each names the file, the entry id and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from otsfacts.errors import FactBaseError, Problem
from otsfacts.factfile import BYTE_ORDER_MARK, id_line, id_lines, read_document
from otsfacts.model import TABLES, Fact, FactBase, Source, Topic
from otsfacts.paths import PATH_VARIABLE, builtin_dir, env_paths, fact_files, input_files, unique
from otsfacts.validate import SLUG, Entry, Validator, build_fact, build_source, build_topic, is_bare_file_name

__all__ = ["PATH_VARIABLE", "builtin_dir", "env_paths", "fact_files", "input_files", "load_base", "PendingBase",
           "BYTE_ORDER_MARK", "id_line", "id_lines", "is_bare_file_name"]


#: Above this many bytes of fact files, parse them in parallel (see :mod:`otsfacts.parallel`).
PARALLEL_BYTES = 4_000_000

#: A file parsed, or the problem that stopped it.
Outcome = tuple[dict[str, Any] | None, Problem | None]


def _read_documents(paths: list[Path]) -> list[Outcome]:
    """Every file parsed, in order; in parallel when there is enough to parse."""
    size = 0
    for path in paths:
        try:
            size += path.stat().st_size
        except OSError:
            pass
    if size > PARALLEL_BYTES and len(paths) > 1:
        from otsfacts.parallel import fork_map

        return fork_map(read_document, paths)
    return [read_document(path) for path in paths]


def _parse_file(path: Path, builtin: bool, check: Validator, outcome: Outcome) -> dict[str, list[Entry]]:
    """One file's entries, noting a problem (and returning nothing) if it could not be read."""
    document, problem = outcome
    if problem is not None or document is None:
        check.problems.append(problem or Problem(str(path), "cannot read"))
        return {}
    entries: dict[str, list[Entry]] = {}
    for key, value in document.items():
        if key not in TABLES:
            check.problem(path, f"unknown table {key!r} (expected [[source]], [[topic]] or [[fact]])")
            continue
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            check.problem(path, f"{key!r} must be an array of tables, written [[{key}]]")
            continue
        entries[key] = [Entry(table, path, builtin) for table in value]
    return entries


def load_base(
    paths: Iterable[Path | str] = (),
    *,
    builtin: bool = True,
    use_env: bool = True,
    allow_override: bool = False,
) -> FactBase:
    """Load the built-in base (unless ``builtin`` is false), then ``OTSFACTS_PATH``, then ``paths``.

    A later file may redefine a built-in id only with ``allow_override``; any other
    repeated id is an error naming both files. Raises :class:`FactBaseError`.
    """
    pending = PendingBase(paths, builtin=builtin, use_env=use_env, allow_override=allow_override)
    facts, problems = pending.facts(0, len(pending.fact_entries))
    pending.problems.extend(problems)
    if pending.problems:
        raise FactBaseError(pending.problems)
    return FactBase(facts={fact.id: fact for fact in facts}, topics=pending.topics, sources=pending.sources,
                    retired=pending.retired)


class PendingBase:
    """The fact files read, every entry registered and sources and topics checked; the facts
    are built by :meth:`facts`, a span at a time (so forked workers can share the work).

    ``problems`` holds what was found so far; the base is valid only if it stays empty and
    no span of facts adds any.
    """

    def __init__(self, paths: Iterable[Path | str] = (), *, builtin: bool = True, use_env: bool = True,
                 allow_override: bool = False, read: Callable[[list[Path]], list[Outcome]] | None = None) -> None:
        """``read`` parses the files (by default :func:`_read_documents`); the cold build's
        forked workers parse them and hand back only what registering needs (see
        :func:`otsfacts.cachewrite.compile_base`)."""
        check = Validator()
        files: list[tuple[Path, bool]] = []
        if builtin:
            files.extend((p, True) for p in fact_files([builtin_dir()]))
        from_env = env_paths() if use_env else []
        user_paths = [*from_env, *(Path(p) for p in paths)]
        for number, path in enumerate(user_paths):
            named = f" (named by {PATH_VARIABLE})" if number < len(from_env) else ""
            try:
                if path.is_symlink() and not path.exists():
                    check.problem(path, "broken symbolic link or link loop" + named)
                elif not path.exists():
                    check.problem(path, "no such file or directory" + named)
                else:
                    files.extend((p, False) for p in fact_files([path]))
            except OSError as error:  # a name too long, a folder that cannot be searched...
                check.problems.append(Problem(str(error.filename or path), f"cannot read: {error.strerror or error}"))
        # one file named twice (./x and x, a folder and a file in it) is read once
        kept = {id(p) for p in unique(p for p, _ in files)}
        files = [f for f in files if id(f[0]) in kept]

        tables: dict[str, dict[str, Entry]] = {name: {} for name in TABLES}
        outcomes = (read or _read_documents)([path for path, _ in files])
        for (path, is_builtin), outcome in zip(files, outcomes):
            for kind, entries in _parse_file(path, is_builtin, check, outcome).items():
                for entry in entries:
                    _register(tables[kind], kind, entry, check, allow_override)

        self.sources = {i: s for i, e in tables["source"].items() if (s := build_source(e, check))}
        self.topics = {i: t for i, e in tables["topic"].items() if (t := build_topic(e, check))}
        self.fact_entries = list(tables["fact"].values())
        self.retired = _retired(self.fact_entries, tables["fact"], check)
        self.problems = check.problems
        self._tables = tables

    def known_ids(self) -> dict[str, dict[str, None]]:
        """Every id each kind of table registered: what a fact may name (as :meth:`facts` checks)."""
        return {kind: dict.fromkeys(table) for kind, table in self._tables.items()}

    def release(self) -> None:
        """Let go of the parsed fact tables, the biggest thing in memory (forked workers that
        build the facts keep their own copy); :meth:`facts` builds nothing after this."""
        for entry in self.fact_entries:
            entry.table = {}
        self.fact_entries = []
        self._tables["fact"] = {}

    def facts(self, start: int, stop: int) -> tuple[list[Fact], list[Problem]]:
        """The valid facts of entries ``start`` to ``stop``, and the problems of the others."""
        check = Validator()
        built = []
        for entry in self.fact_entries[start:stop]:
            fact = build_fact(entry, check, self.sources, self.topics, self._tables)
            if fact is not None:
                built.append(fact)
        return built, check.problems


def _register(
    table: dict[str, Entry], kind: str, entry: Entry, check: Validator, allow_override: bool
) -> None:
    entry_id = entry.table.get("id")
    if not isinstance(entry_id, str) or not SLUG.fullmatch(entry_id):
        where = f"{kind} #{sum(1 for e in table.values() if e.path == entry.path) + 1}"
        shown = "missing" if entry_id is None else f"{entry_id!r} is not a lowercase slug (a-z, 0-9, -)"
        line = check._line(entry) if isinstance(entry_id, str) else None
        check.problems.append(Problem(str(entry.path), f"{kind} id {shown}", entry=where, field="id", line=line))
        # still checked for everything else, under a key no real id can have
        entry.label = where
        table["\0" + where] = entry
        return
    previous = table.get(entry_id)
    if previous is not None:
        if previous.builtin and not entry.builtin and allow_override:
            table[entry_id] = entry
            return
        hint = " (use --override to replace a built-in entry)" if previous.builtin and not entry.builtin else ""
        check.problem(entry, f"duplicate {kind} id, first defined in {previous.path}{hint}", "id")
        return
    table[entry_id] = entry


def _retired(entries: list[Entry], facts: dict[str, Entry], check: Validator) -> dict[str, str]:
    """Each retired fact id, from the ``replaces`` lists, to the fact that replaces it.

    A retired id must be a slug, must not be a live fact's id (it would not resolve to the
    fact replacing it) and may be claimed by one fact only.
    """
    retired: dict[str, str] = {}
    for entry in entries:
        value = entry.table.get("replaces")
        if value is None or entry.id is None:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            continue  # reported by _fact
        for old in value:
            if not SLUG.fullmatch(old):
                check.problem(entry, f"{old!r} is not a lowercase slug (a-z, 0-9, -)", "replaces")
            elif old in facts:
                check.problem(entry, f"{old!r} is a live fact's id, not a retired one", "replaces")
            elif old in retired:
                check.problem(entry, f"{old!r} is already replaced by {retired[old]!r}", "replaces")
            else:
                retired[old] = entry.id
    return retired




def load_file_within(path: Path, builtin: bool, sources: dict[str, Source], topics: dict[str, Topic],
                     other_fact_ids: dict[str, Any]) -> tuple[list[Source], list[Topic], list[Fact],
                                                              dict[str, str], list[Problem]]:
    """One fact file, checked as :class:`PendingBase` checks it within the rest of a base:
    what the compiled cache's incremental update recompiles when only that file changed.

    ``sources`` and ``topics`` are the whole base's, ``other_fact_ids`` the ids of the
    other files' facts; the file's facts are built against them. Returns the file's sources, topics and
    facts, the ids its facts retire, and the problems found; any problem means the caller
    loads the whole base instead, so every message is the one a full load gives.
    """
    check = Validator()
    tables: dict[str, dict[str, Entry]] = {name: {} for name in TABLES}
    for kind, entries in _parse_file(path, builtin, check, read_document(path)).items():
        for entry in entries:
            _register(tables[kind], kind, entry, check, False)
    own_sources = [s for e in tables["source"].values() if (s := build_source(e, check))]
    own_topics = [t for e in tables["topic"].values() if (t := build_topic(e, check))]
    entries = list(tables["fact"].values())
    for entry in entries:
        if entry.id in other_fact_ids:
            check.problem(entry, "duplicate fact id, first defined in another file", "id")
    fact_ids = dict(other_fact_ids)
    fact_ids.update(tables["fact"])
    context: dict[str, Any] = {"source": sources, "topic": topics, "fact": fact_ids}
    retired = _retired(entries, fact_ids, check)
    facts = [f for e in entries if (f := build_fact(e, check, sources, topics, context))]
    return own_sources, own_topics, facts, retired, check.problems
