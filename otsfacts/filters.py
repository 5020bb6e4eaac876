"""Which facts a listing keeps: by topic, source, kind, speaker and date, and in what order.

Kept apart from ranking (``search.py``): search ranks, this module narrows and orders what
it ranked, and ``list`` uses the same filter over the whole base. Each option may be given
several times or as a comma-separated list, meaning "any of these"; different options must
all hold.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from otsfacts.choices import FACT_KINDS
from otsfacts.errors import OtsfactsError, UnknownNameError
from otsfacts.record import record

if TYPE_CHECKING:
    from otsfacts.model import Fact, FactBase, Source, Topic
    from otsfacts.hits import Hit


def split_values(values: Iterable[str] | None) -> list[str]:
    """Repeated and comma-separated option values as one list, blanks dropped, each once."""
    found = [part.strip() for value in values or () for part in value.split(",")]
    return list(dict.fromkeys(part for part in found if part))


def _fold(text: str) -> str:
    from otsfacts.text import fold

    return " ".join(fold(text).split())


# ----------------------------------------------------------------------- resolving names


def resolve_topic(base: "FactBase", name: str) -> str:
    """The id of the topic ``name`` is the id, an alias or the title of, in any case.
    Raises :class:`UnknownNameError`."""
    wanted = _fold(name)
    topics = base.topics.values()
    # an id before a title, a title before an alias (another topic's alias may be an id)
    names_of: tuple[Callable[[Topic], list[str]], ...] = (lambda t: [t.id], lambda t: [t.title], lambda t: list(t.aliases))
    for names in names_of:
        for topic in topics:
            if any(wanted == _fold(n) for n in names(topic)):
                return topic.id
    raise unknown(base, "topic", name)


def resolve_source(base: "FactBase", name: str) -> str:
    """The id of the source ``name`` is the id or an alias of, in any case."""
    wanted = _fold(name)
    source_names: tuple[Callable[[Source], list[str]], ...] = (lambda s: [s.id], lambda s: list(s.aliases))
    for names in source_names:
        for source in base.sources.values():
            if any(wanted == _fold(n) for n in names(source)):
                return source.id
    raise unknown(base, "source", name)


def resolve_kind(name: str) -> str:
    kind = name.strip().lower()
    if kind not in FACT_KINDS:
        raise OtsfactsError(f"unknown kind {name!r}; kinds: {', '.join(FACT_KINDS)}")
    return kind


def speakers(base: "FactBase") -> list[str]:
    """Everyone the base quotes, reports or names as the actor of a deed, in base order, each once."""
    names: dict[str, None] = {}
    for fact in base.facts.values():
        names[fact.speaker.name] = None
        if fact.speaker.reported_by:
            names[fact.speaker.reported_by] = None
        if fact.actor is not None:
            names[fact.actor.name] = None
    return list(names)


def resolve_speaker(base: "FactBase", name: str) -> str:
    """``name`` folded, if it is part of the name of someone the base quotes."""
    wanted = _fold(name)
    if not any(wanted in _fold(known) for known in speakers(base)):
        raise unknown(base, "speaker", name)
    return wanted


def resolve_facts(base: "FactBase", fact_ids: Sequence[str]) -> list["Fact"]:
    """The facts ``fact_ids`` name, a retired id the fact it became. Raises
    :class:`UnknownNameError` (with suggestions) for the first id the base never held."""
    current = [base.resolve(fact_id) for fact_id in fact_ids]
    for fact_id, now in zip(fact_ids, current):
        if now is None:
            raise unknown(base, "fact", fact_id)
    return [base.facts[now] for now in current if now is not None]


def unknown(base: "FactBase", what: str, name: str) -> UnknownNameError:
    """The error for a ``what`` (fact, topic, source, speaker) the base lacks: if ``name``
    is another kind of thing, say so and how to use it; else suggest the nearest names,
    never ``name`` itself."""
    hint = _other_kind(base, what, name)
    if hint:
        return UnknownNameError(what, name, [], hint=hint)
    if what == "topic":
        names = {n: t.id for t in base.topics.values() for n in (t.id, t.title, *t.aliases)}
    elif what == "source":
        names = {n: s.id for s in base.sources.values() for n in (s.id, *s.aliases)}
    elif what == "speaker":
        names = {n: n for n in speakers(base)}
    elif what == "fact":
        names = {n: n for n in base.facts}
    else:  # fact or source
        names = {n: n for n in (*base.facts, *base.sources)}
    near = [names[n] for n in closest(name, names, limit=6)]
    return UnknownNameError(what, name, [n for n in dict.fromkeys(near) if n != name.strip()][:3])


def closest(name: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The ``choices`` nearest to ``name``, for "did you mean" suggestions."""
    from rapidfuzz import fuzz, process

    from otsfacts.text import fold

    folded = {fold(c): c for c in choices}
    found = process.extract(fold(name), list(folded), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [folded[c] for c, _, _ in found]


def _other_kind(base: "FactBase", what: str, name: str) -> str | None:
    wanted = _fold(name)
    command = what.startswith("fact")  # a command argument, not a filter option
    if "source" not in what and any(wanted == _fold(s) for s in base.sources):
        action = "otsfacts cite " + name if command else "--source " + name
        return f"{name!r} is a source, not a {what}: try {action}"
    if what != "topic" and any(wanted in (_fold(t.id), _fold(t.title)) for t in base.topics.values()):
        topic = next(t.id for t in base.topics.values() if wanted in (_fold(t.id), _fold(t.title)))
        action = "otsfacts list --topic " + topic if command else "--topic " + topic
        return f"{name!r} is a topic, not a {what}: try {action}"
    if not command and name in base.facts:
        return f"{name!r} is a fact, not a {what}: try otsfacts show {name}"
    return None


# ---------------------------------------------------------------------------- the filter

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def date_bounds(text: str) -> tuple[str, str] | None:
    """The first and last day a date (``2025``, ``2025-10``, ``2025-10-15``, or a range of
    them joined by ``/``) covers, as ISO strings; None for any other form."""
    first, _, last = text.partition("/")
    last = last or first
    if not _DATE.fullmatch(first) or not _DATE.fullmatch(last):
        return None
    return (first + "-01-01"[len(first) - 4:] if len(first) < 10 else first,
            last + "-12-31"[len(last) - 4:] if len(last) < 10 else last)


def parse_date(option: str, text: str) -> str:
    """A ``--since``/``--until`` value, checked: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if "/" in text or date_bounds(text) is None:
        raise OtsfactsError(f"{option} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    return text


def fact_date(fact: "Fact") -> str:
    """The date a fact is filed under: the event's where it has one, else its source's
    publication date."""
    return fact.date if fact.date and date_bounds(fact.date) else fact.source.published


@record
class FactFilter:
    """What ``--topic``, ``--source``, ``--kind``, ``--speaker``, ``--since`` and ``--until``
    keep; an empty tuple or None keeps everything."""

    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        # a Python caller may pass lists, as it could to the positional record this was:
        # kept as tuples, so the filter stays hashable and immutable
        for name in ("topics", "sources", "kinds", "speakers"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    @classmethod
    def resolve(cls, base: "FactBase", topics: Iterable[str] | None = None, sources: Iterable[str] | None = None,
                kinds: Iterable[str] | None = None, speakers: Iterable[str] | None = None,
                since: str | None = None, until: str | None = None) -> "FactFilter":
        """The filter the options name, every name checked against ``base``.
        Raises :class:`UnknownNameError` or :class:`OtsfactsError`."""
        return cls(
            topics=tuple(resolve_topic(base, t) for t in split_values(topics)),
            sources=tuple(resolve_source(base, s) for s in split_values(sources)),
            kinds=tuple(resolve_kind(k) for k in split_values(kinds)),
            speakers=tuple(resolve_speaker(base, s) for s in split_values(speakers)),
            since=None if since is None else parse_date("--since", since),
            until=None if until is None else parse_date("--until", until),
        )

    @property
    def active(self) -> bool:
        return bool(self.topics or self.sources or self.kinds or self.speakers or self.since or self.until)

    def describe(self) -> str:
        """The filter in words, for messages: ``under topic 'energy' from source ...``."""
        parts = []
        for label, values in (("topic", self.topics), ("source", self.sources), ("kind", self.kinds),
                              ("speaker", self.speakers)):
            if values:
                parts.append(f"{label} " + " or ".join(repr(v) for v in values))
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return ", ".join(parts)

    def keeps(self, fact: "Fact") -> bool:
        if self.topics and not any(t.id in self.topics for t in fact.topics):
            return False
        if self.sources and fact.source.id not in self.sources:
            return False
        if self.kinds and fact.kind not in self.kinds:
            return False
        if self.speakers:
            said = _fold(" / ".join([fact.speaker.name, fact.speaker.reported_by or "",
                                     fact.actor.name if fact.actor is not None else ""]))
            if not any(name in said for name in self.speakers):
                return False
        if self.since or self.until:
            bounds = date_bounds(fact_date(fact))
            if bounds is None:
                return False
            first, last = bounds
            # a fact dated by a period is kept if the period and the asked span overlap
            if self.since and last < (date_bounds(self.since) or ("", ""))[0]:
                return False
            if self.until and first > (date_bounds(self.until) or ("", ""))[1]:
                return False
        return True

    def facts(self, facts: Iterable["Fact"]) -> list["Fact"]:
        return [f for f in facts if self.keeps(f)]

    def hits(self, hits: Iterable["Hit"]) -> list["Hit"]:
        return [h for h in hits if self.keeps(h.fact)]

    def narrows_search(self) -> bool:
        """Whether search's own topic/source restriction is not enough for this filter."""
        return bool(len(self.topics) > 1 or len(self.sources) > 1 or self.kinds or self.speakers
                    or self.since or self.until)


def date_key(fact: "Fact") -> tuple[str, str]:
    """What ``--sort date`` orders by: the first and last day of the fact's date (undated last)."""
    return date_bounds(fact_date(fact)) or ("9999", "9999")


def sort_facts(facts: Sequence["Fact"], order: str) -> list["Fact"]:
    """``facts`` by date (earliest first; ties in base order) or by id; ``score`` keeps them."""
    if order == "date":
        return sorted(facts, key=date_key)
    if order == "id":
        return sorted(facts, key=lambda f: f.id)
    return list(facts)


def sort_hits(hits: Sequence["Hit"], order: str) -> list["Hit"]:
    """Search hits as :func:`sort_facts` orders facts; ``score`` keeps them best first."""
    if order == "date":
        return sorted(hits, key=lambda h: date_key(h.fact))
    if order == "id":
        return sorted(hits, key=lambda h: h.fact.id)
    return list(hits)
