"""Raw ``[[source]]``, ``[[topic]]`` and ``[[fact]]`` tables checked field by field into records.

Which keys a table takes, and which are plain text, come from the model's field metadata
(:mod:`otsfacts.shape`); what is special about a key (a date, a reference, a figure) is
checked here. Every problem is noted, with its entry and field, and checking goes on.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from otsfacts.errors import Problem
from otsfacts.factfile import BYTE_ORDER_MARK, id_lines
from otsfacts.model import ACTS, FACT_KINDS, QUALIFIERS, TEXT, TEXTS, Actor, Fact, Source, Speaker, Topic
from otsfacts.shape import allowed_keys, keys_with_schema, optional_keys, required_keys

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Values beyond these are refused: JSON readers (and the cache) hold 64-bit integers at most.
VALUE_MIN, VALUE_LIMIT = -(2 ** 63), 2 ** 63


def is_bare_file_name(name: str) -> bool:
    """Whether ``name`` names a file directly inside a folder: no separator (``/``, ``\\``),
    drive (``:``), ``.`` or ``..``, or NUL; so ``archive`` can never point out of the
    archive directory."""
    return bool(name.strip()) and name not in (".", "..") and not any(c in name for c in "/\\:\0")


def listed(names: tuple[str, ...]) -> str:
    """Names as a reader lists them: "name and role", "name, role and act"."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def has_letter_or_digit(text: str) -> bool:
    """Whether ``text`` holds a letter or digit (a quote of spaces, dashes or zero-width
    characters says nothing)."""
    return any(c.isalnum() for c in text)


@dataclass
class Entry:
    """One ``[[source]]``, ``[[topic]]`` or ``[[fact]]`` table and where it came from."""

    table: dict[str, Any]
    path: Path
    builtin: bool
    label: str | None = None  # how problems name it when its id is missing or unusable ("fact #2")

    @property
    def id(self) -> str | None:
        value = self.table.get("id")
        return value if isinstance(value, str) else None




class Validator:
    """Collects problems while turning raw tables into records."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._lines: dict[Path, dict[str, int] | None] = {}  # files read again for id lines, once each

    def problem(self, entry: Entry | Path, message: str, field: str | None = None) -> None:
        if isinstance(entry, Path):
            self.problems.append(Problem(str(entry), message))
        else:
            self.problems.append(
                Problem(str(entry.path), message, entry=entry.label if entry.id is None else entry.id,
                        field=field, line=self._line(entry))
            )

    def _line(self, entry: Entry) -> int | None:
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

    def check_keys(self, entry: Entry, record: type) -> bool:
        """Whether ``entry`` has every key the model requires of ``record`` and no key it
        does not know; each missing or unknown key is noted."""
        required = required_keys(record)
        allowed = allowed_keys(record)
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

    def text(self, entry: Entry, key: str, required: bool = True) -> str | None:
        value = entry.table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(entry, "must be a non-empty string", key)
            return None
        return value

    def texts(self, entry: Entry, key: str, non_empty: bool = False) -> tuple[str, ...]:
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

    def choice(self, entry: Entry, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(entry, key)
        if value is not None and value not in choices:
            self.problem(entry, f"{value!r} is not one of: {', '.join(choices)}", key)
            return None
        return value

    def string_table(self, entry: Entry, key: str, required: tuple[str, ...], optional: tuple[str, ...],
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

    def speaker(self, entry: Entry, key: str = "speaker") -> Speaker | None:
        required = required_keys(Speaker)
        found = self.string_table(entry, key, required, optional_keys(Speaker), listed(required))
        if found is None:
            return None
        fields, unknown = found
        if not all(name in fields for name in required) or unknown:
            return None
        return Speaker(**fields)

    def actor(self, entry: Entry, key: str = "actor") -> Actor | None:
        """``actor = { name, role, act }``: who did what the claim reports."""
        start = len(self.problems)
        required = required_keys(Actor)
        found = self.string_table(entry, key, required, optional_keys(Actor), listed(required))
        if found is None:
            return None
        fields = found[0]
        if "act" in fields and fields["act"] not in ACTS:
            self.problem(entry, f"act {fields['act']!r} is not one of: {', '.join(ACTS)}", key)
        if len(self.problems) > start:
            return None
        return Actor(**fields)

    def date(self, entry: Entry, key: str) -> str | None:
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

    def url(self, entry: Entry, key: str = "url") -> str | None:
        value = self.text(entry, key)
        if value is not None and not re.fullmatch(r"https?://[^\s\x00-\x1f\x7f]+", value):
            self.problem(entry, "must be a web address starting with http:// or https://, without spaces", key)
            return None
        return value



def _finite_in_range(value: int | float) -> bool:
    """Finite (not inf, not nan: nan fails every comparison) and within 64 bits."""
    return VALUE_MIN <= value < VALUE_LIMIT


def build_source(entry: Entry, check: Validator) -> Source | None:
    start = len(check.problems)
    check.check_keys(entry, Source)
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
    # the plain text keys (outlet, language, title...) are read alike, whatever the model adds
    fields = {k: check.text(entry, k) for k in (*keys_with_schema(Source, TEXT), "archive")}
    if fields["archive"] is not None and not is_bare_file_name(fields["archive"]):
        check.problem(entry, "must be a bare file name inside the archive directory "
                      "(no /, \\, .. or absolute path)", "archive")
    url = check.url(entry) if "url" in table else None
    accessed = check.date(entry, "accessed") if "accessed" in table else None
    if accessed is not None and "url" not in table:
        check.problem(entry, "the date a url was read on: give the url too", "accessed")
    speaker = check.speaker(entry)
    lists = {k: check.texts(entry, k) for k in keys_with_schema(Source, TEXTS)}
    if len(check.problems) > start or published is None or speaker is None:
        return None
    return Source(
        id=entry.id or "",
        published=published.isoformat(),
        speaker=speaker,
        titles=dict(titles),
        path=str(entry.path),
        url=url,
        accessed=accessed,
        **fields,  # type: ignore[arg-type]
        **lists,  # type: ignore[arg-type]
    )


def build_topic(entry: Entry, check: Validator) -> Topic | None:
    start = len(check.problems)
    check.check_keys(entry, Topic)
    texts = {k: check.text(entry, k) for k in keys_with_schema(Topic, TEXT)}
    lists = {k: check.texts(entry, k) for k in keys_with_schema(Topic, TEXTS)}
    if len(check.problems) > start or any(texts[k] is None for k in required_keys(Topic) if k in texts):
        return None
    return Topic(id=entry.id or "", path=str(entry.path), **texts, **lists)  # type: ignore[arg-type]


def build_fact(
    entry: Entry,
    check: Validator,
    sources: dict[str, Source],
    topics: dict[str, Topic],
    tables: dict[str, dict[str, Entry]],
) -> Fact | None:
    start = len(check.problems)
    check.check_keys(entry, Fact)
    table = entry.table
    # the plain text keys (claim, quote, unit, date, note...) are read alike, whatever the model adds
    texts = {k: check.text(entry, k) for k in keys_with_schema(Fact, TEXT)}
    claim, quote = texts.pop("claim"), texts.pop("quote")
    for key, text in (("claim", claim), ("quote", quote)):
        if text is not None and not has_letter_or_digit(text):
            check.problem(entry, "must hold at least one letter or digit", key)
    kind = check.choice(entry, "kind", FACT_KINDS)
    qualifier = check.choice(entry, "qualifier", QUALIFIERS) if "qualifier" in table else None

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
    replaces = check.texts(entry, "replaces")
    lists = {k: check.texts(entry, k) for k in keys_with_schema(Fact, TEXTS)}

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
        conflicts_with=conflicts,
        path=str(entry.path),
        actor=actor,
        replaces=replaces,
        **texts,  # type: ignore[arg-type]
        **lists,  # type: ignore[arg-type]
    )

