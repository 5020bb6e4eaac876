"""The fact base's records: sources, topics and facts, as immutable :class:`~otsfacts.record.Record` values."""

from __future__ import annotations

from typing import Mapping

from otsfacts.choices import ACTS, FACT_KINDS, QUALIFIERS
from otsfacts.record import Record

__all__ = ["ACTS", "FACT_KINDS", "QUALIFIERS", "Speaker", "Actor", "Source", "Topic", "Fact", "FactBase",
           "format_number"]


class Speaker(Record):
    """Who made a claim; ``reported_by`` names the interviewee who relayed someone else's words."""

    __slots__ = ("name", "role", "reported_by")
    name: str
    role: str
    reported_by: str | None

    def __init__(self, name: str, role: str, reported_by: str | None = None) -> None:
        self._init(name, role, reported_by)


class Actor(Record):
    """Who did what a fact reports (proposed, decided, launched...): a deed, not a saying.

    The quote is never the actor's words (that is what ``speaker`` says): "Proposed by
    Uzbekistan" beside "Said by Kubanychbek Omuraliyev".
    """

    __slots__ = ("name", "role", "act")
    name: str
    role: str
    act: str  # one of ACTS

    def __init__(self, name: str, role: str, act: str) -> None:
        self._init(name, role, act)

    @property
    def label(self) -> str:
        """The act as a reader's label: "Proposed by"."""
        return f"{self.act[:1].upper()}{self.act[1:]} by"


class Source(Record):
    """One archived article the facts are quoted from."""

    __slots__ = ("id", "outlet", "published", "language", "speaker", "archive", "title", "titles",
                 "outlet_description", "format", "dateline", "date_note", "aliases", "path", "url", "accessed")
    id: str
    outlet: str
    published: str  # ISO date
    language: str
    speaker: Speaker
    archive: str
    title: str | None
    titles: Mapping[str, str]
    outlet_description: str | None
    format: str | None
    dateline: str | None
    date_note: str | None
    aliases: tuple[str, ...]
    path: str  # the file it was loaded from
    url: str | None  # where a user's source is online; the built-in sources have none
    accessed: str | None  # ISO date the url was read on

    def __init__(self, id: str, outlet: str, published: str, language: str, speaker: Speaker, archive: str,
                 title: str | None = None, titles: Mapping[str, str] | None = None,
                 outlet_description: str | None = None, format: str | None = None,
                 dateline: str | None = None, date_note: str | None = None,
                 aliases: tuple[str, ...] = (), path: str = "", url: str | None = None,
                 accessed: str | None = None) -> None:
        self._init(id, outlet, published, language, speaker, archive, title, {} if titles is None else titles,
                   outlet_description, format, dateline, date_note, aliases, path, url, accessed)


class Topic(Record):
    """A heading readers browse by."""

    __slots__ = ("id", "title", "description", "aliases", "path")
    id: str
    title: str
    description: str
    aliases: tuple[str, ...]
    path: str

    def __init__(self, id: str, title: str, description: str, aliases: tuple[str, ...] = (),
                 path: str = "") -> None:
        self._init(id, title, description, aliases, path)


class Fact(Record):
    """One claim, attributed, with the verbatim quote that supports it."""

    __slots__ = ("id", "claim", "quote", "source", "topics", "kind", "speaker", "value", "unit", "qualifier",
                 "as_of", "date", "place", "aliases", "conflicts_with", "path", "actor", "note", "replaces")
    id: str
    claim: str
    quote: str
    source: Source
    topics: tuple[Topic, ...]
    kind: str
    speaker: Speaker  # whose words the quote is: the source's speaker unless the fact names another
    value: int | float | None
    unit: str | None
    qualifier: str | None
    as_of: str | None
    date: str | None
    place: str | None
    aliases: tuple[str, ...]
    conflicts_with: tuple[str, ...]
    path: str
    actor: Actor | None  # who did what the claim reports, if it reports a deed
    note: str | None  # a curator's remark on what the text leaves odd; never part of the claim
    replaces: tuple[str, ...]  # retired ids (merged or renamed facts) that now resolve to this one

    def __init__(self, id: str, claim: str, quote: str, source: Source, topics: tuple[Topic, ...], kind: str,
                 speaker: Speaker, value: int | float | None = None, unit: str | None = None,
                 qualifier: str | None = None, as_of: str | None = None, date: str | None = None,
                 place: str | None = None, aliases: tuple[str, ...] = (), conflicts_with: tuple[str, ...] = (),
                 path: str = "", actor: Actor | None = None, note: str | None = None,
                 replaces: tuple[str, ...] = ()) -> None:
        self._init(id, claim, quote, source, topics, kind, speaker, value, unit, qualifier, as_of, date, place,
                   aliases, conflicts_with, path, actor, note, replaces)

    @property
    def value_text(self) -> str | None:
        """The figure as a reader says it: "more than 2 million companies"."""
        if self.value is None:
            return None
        parts = [self.qualifier, format_number(self.value), self.unit]
        return " ".join(p for p in parts if p)


class FactBase(Record):
    """Everything loaded: facts, topics and sources by id, in file order.

    ``retired`` maps each retired fact id (a fact merged into another, or renamed) to the
    id of the fact it became: ids are a public contract, so old ones keep resolving.
    """

    __slots__ = ("facts", "topics", "sources", "retired")
    facts: Mapping[str, Fact]
    topics: Mapping[str, Topic]
    sources: Mapping[str, Source]
    retired: Mapping[str, str]

    def __init__(self, facts: Mapping[str, Fact], topics: Mapping[str, Topic], sources: Mapping[str, Source],
                 retired: Mapping[str, str] | None = None) -> None:
        self._init(facts, topics, sources, {} if retired is None else retired)

    def resolve(self, fact_id: str) -> str | None:
        """The id of the fact ``fact_id`` names now: itself, the fact a retired id became, or None."""
        if fact_id in self.facts:
            return fact_id
        return self.retired.get(fact_id)

    def topic_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(self.topics, 0)
        for fact in self.facts.values():
            for topic in fact.topics:
                counts[topic.id] += 1
        return counts

    def source_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(self.sources, 0)
        for fact in self.facts.values():
            counts[fact.source.id] += 1
        return counts


_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def format_number(value: int | float) -> str:
    """Write a figure exactly, with a scale word where that loses nothing.

    >>> format_number(2_100_000_000_000)
    '2.1 trillion'
    >>> format_number(2000)
    '2,000'
    >>> format_number(14.5)
    '14.5'
    """
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1000:
        value = int(value)
    if isinstance(value, int):
        for scale, word in _SCALES:
            if abs(value) >= scale and (value * 1000) % scale == 0:
                scaled = f"{value / scale:.3f}".rstrip("0").rstrip(".")
                return f"{scaled} {word}"
        return f"{value:,}"
    return repr(value) if not value.is_integer() else f"{int(value):,}"
