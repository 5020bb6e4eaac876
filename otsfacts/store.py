"""Find, parse and validate fact files into a :class:`~otsfacts.model.FactBase`.

Every problem in every file is collected before anything is reported, so a curator
sees the whole list at once; each names the file, the entry id and the field.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

from otsfacts.errors import FactBaseError, Problem
from otsfacts.model import ACTS, FACT_KINDS, QUALIFIERS, Actor, Fact, FactBase, Source, Speaker, Topic
from otsfacts.paths import PATH_VARIABLE, builtin_dir, env_paths, fact_files, input_files, unique

__all__ = ["PATH_VARIABLE", "builtin_dir", "env_paths", "fact_files", "input_files", "load_base"]


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Values beyond these are refused: JSON readers (and the cache) hold 64-bit integers at most.
VALUE_MIN, VALUE_LIMIT = -(2 ** 63), 2 ** 63


def is_bare_file_name(name: str) -> bool:
    """Whether ``name`` names a file directly inside a folder: no separator (``/``, ``\\``),
    drive (``:``), ``.`` or ``..``, or NUL; so ``archive`` can never point out of the
    archive directory."""
    return bool(name.strip()) and name not in (".", "..") and not any(c in name for c in "/\\:\0")


def has_letter_or_digit(text: str) -> bool:
    """Whether ``text`` holds a letter or digit (a quote of spaces, dashes or zero-width
    characters says nothing)."""
    return any(c.isalnum() for c in text)
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class _Entry:
    """One ``[[source]]``, ``[[topic]]`` or ``[[fact]]`` table and where it came from."""

    table: dict[str, Any]
    path: Path
    builtin: bool
    label: str | None = None  # how problems name it when its id is missing or unusable ("fact #2")

    @property
    def id(self) -> str | None:
        value = self.table.get("id")
        return value if isinstance(value, str) else None



def id_line(text: str, entry_id: Any) -> int | None:
    """The line of the ``id = "entry_id"`` in a fact file's ``text``, if it is there."""
    if not isinstance(entry_id, str):
        return None
    match = re.search(r"^\s*id\s*=\s*[\"']" + re.escape(entry_id) + r"[\"']", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


_ID_LINE = re.compile(r"^[ \t]*id[ \t]*=[ \t]*[\"']([^\"'\n]*)[\"']", re.M)


def id_lines(text: str) -> dict[str, int]:
    """Every ``id = "..."`` line of a fact file's ``text``, by id (the first of a repeated id):
    found in one pass, so a file with thousands of problems is not scanned once for each."""
    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in _ID_LINE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match.group(1), line)
    return lines


class _Validator:
    """Collects problems while turning raw tables into records."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._lines: dict[Path, dict[str, int] | None] = {}  # files read again for id lines, once each

    def problem(self, entry: _Entry | Path, message: str, field: str | None = None) -> None:
        if isinstance(entry, Path):
            self.problems.append(Problem(str(entry), message))
        else:
            self.problems.append(
                Problem(str(entry.path), message, entry=entry.label if entry.id is None else entry.id,
                        field=field, line=self._line(entry))
            )

    def _line(self, entry: _Entry) -> int | None:
        """The line of ``entry``'s ``id = ...``: the file is read again only when it has a problem
        (keeping every file's text for the rare error would cost a big base its memory)."""
        if entry.id is None:
            return None
        if entry.path not in self._lines:
            try:
                self._lines[entry.path] = id_lines(entry.path.read_bytes().decode("utf-8").removeprefix(BYTE_ORDER_MARK))
            except (OSError, UnicodeDecodeError):
                self._lines[entry.path] = None
        lines = self._lines[entry.path]
        return None if lines is None else lines.get(entry.id)

    # -- field checks: each returns the cleaned value or None after noting a problem --

    def check_keys(self, entry: _Entry, required: Iterable[str], optional: Iterable[str]) -> bool:
        allowed = set(required) | set(optional)
        ok = True
        for key in entry.table:
            if key not in allowed:
                self.problem(entry, "unknown key", key)
                ok = False
        for key in required:
            if key not in entry.table and not (key == "id" and entry.label):  # already said
                self.problem(entry, "missing required key", key)
                ok = False
        return ok

    def text(self, entry: _Entry, key: str, required: bool = True) -> str | None:
        value = entry.table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(entry, "must be a non-empty string", key)
            return None
        return value

    def texts(self, entry: _Entry, key: str, non_empty: bool = False) -> tuple[str, ...]:
        value = entry.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(entry, "must be a list of non-empty strings", key)
            return ()
        seen: set[str] = set()
        for item in value:
            if item in seen:  # a topic listed twice would be counted twice
                self.problem(entry, f"lists {item!r} more than once", key)
                return ()
            seen.add(item)
        if non_empty and not value:
            self.problem(entry, "must name at least one", key)
        return tuple(value)

    def choice(self, entry: _Entry, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(entry, key)
        if value is not None and value not in choices:
            self.problem(entry, f"{value!r} is not one of: {', '.join(choices)}", key)
            return None
        return value

    def string_table(self, entry: _Entry, key: str, required: tuple[str, ...], optional: tuple[str, ...],
                     shape: str) -> tuple[dict[str, str], bool] | None:
        """An inline table of non-empty strings (``speaker``, ``actor``): the valid fields
        and whether it had keys it may not have; None, noted, if it is absent or no table.
        Each problem is noted once, field by field."""
        value = entry.table.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(entry, f"must be a table with {shape}", key)
            return None
        unknown = set(value) - {*required, *optional}
        if unknown:
            self.problem(entry, f"unknown key {sorted(unknown)[0]!r}", key)
        fields = {}
        for name in (*required, *optional):
            item = value.get(name)
            if item is None:
                if name in required:
                    self.problem(entry, f"missing {name}", key)
            elif not isinstance(item, str) or not item.strip():
                self.problem(entry, f"{name} must be a non-empty string", key)
            else:
                fields[name] = item
        return fields, bool(unknown)

    def speaker(self, entry: _Entry, key: str = "speaker") -> Speaker | None:
        found = self.string_table(entry, key, ("name", "role"), ("reported_by",), "name and role")
        if found is None:
            return None
        fields, unknown = found
        if "name" not in fields or "role" not in fields or unknown:
            return None
        return Speaker(**fields)

    def actor(self, entry: _Entry, key: str = "actor") -> Actor | None:
        """``actor = { name, role, act }``: who did what the claim reports."""
        start = len(self.problems)
        found = self.string_table(entry, key, ("name", "role", "act"), (), "name, role and act")
        if found is None:
            return None
        fields = found[0]
        if "act" in fields and fields["act"] not in ACTS:
            self.problem(entry, f"act {fields['act']!r} is not one of: {', '.join(ACTS)}", key)
        if len(self.problems) > start:
            return None
        return Actor(**fields)

    def date(self, entry: _Entry, key: str) -> str | None:
        """A TOML date (or an ISO date string) as ISO text; None, noted, if it is not one."""
        value = entry.table.get(key)
        if isinstance(value, str):
            try:
                value = _dt.date.fromisoformat(value)
            except ValueError:
                value = None
        if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
            self.problem(entry, "must be a date such as 2025-10-06", key)
            return None
        return value.isoformat()

    def url(self, entry: _Entry, key: str = "url") -> str | None:
        value = self.text(entry, key)
        if value is not None and not re.fullmatch(r"https?://[^\s\x00-\x1f\x7f]+", value):
            self.problem(entry, "must be a web address starting with http:// or https://, without spaces", key)
            return None
        return value


_SOURCE_REQUIRED = ("id", "outlet", "published", "language", "speaker", "archive")
_SOURCE_OPTIONAL = (
    "title", "titles", "outlet_description", "format", "dateline", "date_note", "aliases", "url", "accessed",
)
_TOPIC_REQUIRED = ("id", "title", "description")
_TOPIC_OPTIONAL = ("aliases",)
_FACT_REQUIRED = ("id", "claim", "quote", "source", "topics", "kind")
_FACT_OPTIONAL = (
    "speaker", "value", "unit", "qualifier", "as_of", "date", "place", "aliases", "conflicts_with",
    "actor", "note", "replaces",
)
_TABLES = ("source", "topic", "fact")


#: Above this many bytes of fact files, parse them in parallel (see :mod:`otsfacts.parallel`).
PARALLEL_BYTES = 4_000_000


#: What some editors put before UTF-8 text; TOML does not allow it, the loader skips it.
BYTE_ORDER_MARK = "\ufeff"


def _read_document(path: Path) -> tuple[dict[str, Any] | None, Problem | None]:
    """One file parsed, or the problem that stopped it (runs in a worker for big bases)."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        return None, Problem(str(path), "is a directory, not a fact file")
    except PermissionError:
        return None, Problem(str(path), "permission denied")
    except FileNotFoundError:
        return None, Problem(str(path), "no such file or directory")
    except OSError as error:
        return None, Problem(str(path), f"cannot read: {error.strerror or error}")
    try:
        text = data.decode("utf-8").removeprefix(BYTE_ORDER_MARK)  # as some editors save UTF-8
    except UnicodeDecodeError as error:
        return None, Problem(str(path), f"not UTF-8 text (bad byte at offset {error.start})")
    try:
        return tomllib.loads(text), None
    except RecursionError:  # arrays or inline tables nested hundreds deep
        return None, Problem(str(path), "TOML nested too deeply")
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = column = None
        if position:
            line, column = int(position.group(1)), int(position.group(2))
            message = message[: position.start()].strip()
        return None, Problem(str(path), f"TOML syntax error: {message}", line=line, column=column)


def _read_documents(paths: list[Path]) -> list[tuple[dict[str, Any] | None, Problem | None]]:
    """Every file parsed, in order; in parallel when there is enough to parse."""
    size = 0
    for path in paths:
        try:
            size += path.stat().st_size
        except OSError:
            pass
    if size > PARALLEL_BYTES and len(paths) > 1:
        from otsfacts.parallel import fork_map

        return fork_map(_read_document, paths)
    return [_read_document(path) for path in paths]


def _parse_file(path: Path, builtin: bool, check: _Validator,
                outcome: tuple[dict[str, Any] | None, Problem | None]) -> dict[str, list[_Entry]]:
    """One file's entries, noting a problem (and returning nothing) if it could not be read."""
    document, problem = outcome
    if problem is not None or document is None:
        check.problems.append(problem or Problem(str(path), "cannot read"))
        return {}
    entries: dict[str, list[_Entry]] = {}
    for key, value in document.items():
        if key not in _TABLES:
            check.problem(path, f"unknown table {key!r} (expected [[source]], [[topic]] or [[fact]])")
            continue
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            check.problem(path, f"{key!r} must be an array of tables, written [[{key}]]")
            continue
        entries[key] = [_Entry(table, path, builtin) for table in value]
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
                 allow_override: bool = False) -> None:
        check = _Validator()
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

        tables: dict[str, dict[str, _Entry]] = {name: {} for name in _TABLES}
        outcomes = _read_documents([path for path, _ in files])
        for (path, is_builtin), outcome in zip(files, outcomes):
            for kind, entries in _parse_file(path, is_builtin, check, outcome).items():
                for entry in entries:
                    _register(tables[kind], kind, entry, check, allow_override)

        self.sources = {i: s for i, e in tables["source"].items() if (s := _source(e, check))}
        self.topics = {i: t for i, e in tables["topic"].items() if (t := _topic(e, check))}
        self.fact_entries = list(tables["fact"].values())
        self.retired = _retired(self.fact_entries, tables["fact"], check)
        self.problems = check.problems
        self._tables = tables

    def release(self) -> None:
        """Let go of the parsed fact tables, the biggest thing in memory (forked workers that
        build the facts keep their own copy); :meth:`facts` builds nothing after this."""
        for entry in self.fact_entries:
            entry.table = {}
        self.fact_entries = []
        self._tables["fact"] = {}

    def facts(self, start: int, stop: int) -> tuple[list[Fact], list[Problem]]:
        """The valid facts of entries ``start`` to ``stop``, and the problems of the others."""
        check = _Validator()
        built = []
        for entry in self.fact_entries[start:stop]:
            fact = _fact(entry, check, self.sources, self.topics, self._tables)
            if fact is not None:
                built.append(fact)
        return built, check.problems


def _register(
    table: dict[str, _Entry], kind: str, entry: _Entry, check: _Validator, allow_override: bool
) -> None:
    entry_id = entry.table.get("id")
    if not isinstance(entry_id, str) or not _SLUG.fullmatch(entry_id):
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


def _retired(entries: list[_Entry], facts: dict[str, _Entry], check: _Validator) -> dict[str, str]:
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
            if not _SLUG.fullmatch(old):
                check.problem(entry, f"{old!r} is not a lowercase slug (a-z, 0-9, -)", "replaces")
            elif old in facts:
                check.problem(entry, f"{old!r} is a live fact's id, not a retired one", "replaces")
            elif old in retired:
                check.problem(entry, f"{old!r} is already replaced by {retired[old]!r}", "replaces")
            else:
                retired[old] = entry.id
    return retired


def _finite_in_range(value: int | float) -> bool:
    """Finite (not inf, not nan: nan fails every comparison) and within 64 bits."""
    return VALUE_MIN <= value < VALUE_LIMIT


def _source(entry: _Entry, check: _Validator) -> Source | None:
    start = len(check.problems)
    check.check_keys(entry, _SOURCE_REQUIRED, _SOURCE_OPTIONAL)
    table = entry.table
    published = table.get("published")
    if isinstance(published, _dt.datetime) or not isinstance(published, (_dt.date, str)):
        check.problem(entry, "must be a date such as 2025-10-06", "published")
        published = None
    elif isinstance(published, str):  # TOML has dates: a quoted one is a string
        check.problem(entry, f"must be a TOML date, unquoted (published = {published.strip()}), "
                      "not a string" if _ISO_DAY.fullmatch(published.strip()) else
                      "must be a date such as 2025-10-06", "published")
        published = None
    titles = table.get("titles", {})
    if not isinstance(titles, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in titles.items()
    ):
        check.problem(entry, "must be a table of language = title strings", "titles")
        titles = {}
    fields = {k: check.text(entry, k) for k in ("outlet", "language", "archive")}
    if fields["archive"] is not None and not is_bare_file_name(fields["archive"]):
        check.problem(entry, "must be a bare file name inside the archive directory "
                      "(no /, \\, .. or absolute path)", "archive")
    optional = {k: check.text(entry, k) for k in _SOURCE_OPTIONAL if k not in ("titles", "aliases", "url", "accessed")}
    optional["url"] = check.url(entry) if "url" in table else None
    optional["accessed"] = check.date(entry, "accessed") if "accessed" in table else None
    if optional["accessed"] is not None and "url" not in table:
        check.problem(entry, "the date a url was read on: give the url too", "accessed")
    speaker = check.speaker(entry)
    aliases = check.texts(entry, "aliases")
    if len(check.problems) > start or published is None or speaker is None:
        return None
    return Source(
        id=entry.id or "",
        published=published.isoformat(),
        speaker=speaker,
        titles=dict(titles),
        aliases=aliases,
        path=str(entry.path),
        **fields,  # type: ignore[arg-type]
        **optional,  # type: ignore[arg-type]
    )


def _topic(entry: _Entry, check: _Validator) -> Topic | None:
    start = len(check.problems)
    check.check_keys(entry, _TOPIC_REQUIRED, _TOPIC_OPTIONAL)
    title, description = check.text(entry, "title"), check.text(entry, "description")
    aliases = check.texts(entry, "aliases")
    if len(check.problems) > start or title is None or description is None:
        return None
    return Topic(entry.id or "", title, description, aliases, str(entry.path))


def _fact(
    entry: _Entry,
    check: _Validator,
    sources: dict[str, Source],
    topics: dict[str, Topic],
    tables: dict[str, dict[str, _Entry]],
) -> Fact | None:
    start = len(check.problems)
    check.check_keys(entry, _FACT_REQUIRED, _FACT_OPTIONAL)
    table = entry.table
    claim, quote = check.text(entry, "claim"), check.text(entry, "quote")
    for key, text in (("claim", claim), ("quote", quote)):
        if text is not None and not has_letter_or_digit(text):
            check.problem(entry, "must hold at least one letter or digit", key)
    kind = check.choice(entry, "kind", FACT_KINDS)
    qualifier = check.choice(entry, "qualifier", QUALIFIERS) if "qualifier" in table else None
    optional = {k: check.text(entry, k) for k in ("unit", "as_of", "date", "place")}

    source = None
    source_id = check.text(entry, "source")
    if source_id is not None:
        source = sources.get(source_id)
        if source is None and source_id not in tables["source"]:
            check.problem(entry, f"unknown source {source_id!r}", "source")
    topic_ids = check.texts(entry, "topics", non_empty="topics" in table)
    for topic_id in topic_ids:
        if topic_id not in tables["topic"]:
            check.problem(entry, f"unknown topic {topic_id!r}", "topics")
    conflicts = check.texts(entry, "conflicts_with")
    for other in conflicts:
        if other == entry.id:
            check.problem(entry, "a fact cannot conflict with itself", "conflicts_with")
        elif other not in tables["fact"]:
            check.problem(entry, f"unknown fact {other!r}", "conflicts_with")
    value = table.get("value")
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
        check.problem(entry, "must be a number", "value")
    elif value is not None and not _finite_in_range(value):
        check.problem(entry, "must be a finite number between -2^63 and 2^63", "value")
    speaker = check.speaker(entry) if "speaker" in table else None
    actor = check.actor(entry) if "actor" in table else None
    note = check.text(entry, "note")
    replaces = check.texts(entry, "replaces")
    aliases = check.texts(entry, "aliases")

    if len(check.problems) > start or source is None or claim is None or quote is None or kind is None:
        return None
    if not all(t in topics for t in topic_ids):
        return None  # the topic itself was invalid and has been reported
    return Fact(
        id=entry.id or "",
        claim=claim,
        quote=quote,
        source=source,
        topics=tuple(topics[t] for t in topic_ids),
        kind=kind,
        speaker=speaker or source.speaker,
        value=value,
        qualifier=qualifier,
        aliases=aliases,
        conflicts_with=conflicts,
        path=str(entry.path),
        actor=actor,
        note=note,
        replaces=replaces,
        **optional,
    )



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
    check = _Validator()
    tables: dict[str, dict[str, _Entry]] = {name: {} for name in _TABLES}
    for kind, entries in _parse_file(path, builtin, check, _read_document(path)).items():
        for entry in entries:
            _register(tables[kind], kind, entry, check, False)
    own_sources = [s for e in tables["source"].values() if (s := _source(e, check))]
    own_topics = [t for e in tables["topic"].values() if (t := _topic(e, check))]
    entries = list(tables["fact"].values())
    for entry in entries:
        if entry.id in other_fact_ids:
            check.problem(entry, "duplicate fact id, first defined in another file", "id")
    fact_ids = dict(other_fact_ids)
    fact_ids.update(tables["fact"])
    context: dict[str, Any] = {"source": sources, "topic": topics, "fact": fact_ids}
    retired = _retired(entries, fact_ids, check)
    facts = [f for e in entries if (f := _fact(e, check, sources, topics, context))]
    return own_sources, own_topics, facts, retired, check.problems
