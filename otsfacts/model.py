"""The fact base's records: sources, topics and facts, as frozen dataclasses.

The model is the one place a record's shape is written down. Each field that a fact file
holds or the JSON records show carries, in its ``metadata``:

- ``toml``: ``"required"`` or ``"optional"`` in its ``[[table]]`` (its key is the field's
  name); a field without it (``path``) is never written in a file;
- ``description`` and ``schema``: its JSON Schema (``fact-file.schema.json`` is generated
  from these by :mod:`otsfacts.schema`); ``record`` names the record class of an inline
  table (``speaker``, ``actor``), whose own fields give its schema;
- ``json``: its place in the record's JSON object (a field without it is not shown);
  ``json_fields``: the fields of a nested record shown there, when not all of them;
  ``json_ids``: a list of records shown as their ids;
- ``requires``: another key the file must give with it (``accessed`` needs ``url``);
- ``new``: how ``otsfacts new`` offers the key: its place among the optional keys, the
  line it writes (commented out when the key is only an example) and the line's comment,
  whose ``{speaker}``, ``{acts}`` and ``{qualifiers}`` are filled in for the entry.

The loader's key checks, the JSON records, the ``--fields`` names and the schema are
derived from this metadata by :mod:`otsfacts.shape`.

Why dataclasses: a positional record base (``__slots__`` zipped onto ``__init__``'s
arguments) let a lint fix that sorts ``__slots__`` (ruff's RUF023) silently swap fields.
Why :func:`~otsfacts.record.record` rather than ``@dataclass(frozen=True, slots=True)``:
the same dataclasses, whose methods are not compiled per class at import (7.3 ms for
these six and the search filter; 1.4 ms as records; the figures are in that module).
This module imports nothing but :mod:`otsfacts.choices` and :mod:`otsfacts.record`
(and ``dataclasses``, which the command line has already imported by then).
"""

from __future__ import annotations

from dataclasses import MISSING, field
from typing import Any, Mapping

from otsfacts.choices import ACTS, FACT_KINDS, QUALIFIERS
from otsfacts.record import record

__all__ = ["ACTS", "FACT_KINDS", "QUALIFIERS", "Speaker", "Actor", "Source", "Topic", "Fact", "FactBase",
           "TABLES", "REQUIRED", "OPTIONAL", "format_number"]

REQUIRED, OPTIONAL = "required", "optional"

# The JSON Schemas of the values fields hold, each written once.
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
TEXT: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": "\\S"}
SLUG: dict[str, Any] = {"type": "string", "pattern": SLUG_PATTERN}
DATE: dict[str, Any] = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
TEXTS: dict[str, Any] = {"type": "array", "uniqueItems": True, "items": TEXT}
SLUGS: dict[str, Any] = {"type": "array", "uniqueItems": True, "items": SLUG}


def key(description: str, schema: dict[str, Any] | None = None, *, toml: str | None = OPTIONAL,
        json: int | None = None, default: Any = MISSING, default_factory: Any = MISSING,
        **more: Any) -> Any:
    """A dataclass field with the metadata the module docstring lists."""
    metadata: dict[str, Any] = {"description": description, **more}
    if toml is not None:
        metadata["toml"] = toml
    if schema is not None:
        metadata["schema"] = schema
    if json is not None:
        metadata["json"] = json
    return field(default=default, default_factory=default_factory, metadata=metadata)


_ROLE = "Role or title at the time, e.g. \"Kazakh political scientist\"."


@record
class Speaker:
    """Who made a claim; ``reported_by`` names the interviewee who relayed someone else's words."""

    name: str = key("Full name.", TEXT, toml=REQUIRED, json=0)
    role: str = key(_ROLE, TEXT, toml=REQUIRED, json=1)
    reported_by: str | None = key("The interviewee who relayed this person's words, when they are reported "
                                  "rather than heard.", TEXT, json=2, default=None)


@record
class Actor:
    """Who did what a fact reports (proposed, decided, launched...): a deed, not a saying.

    The quote is never the actor's words (that is what ``speaker`` says): "Proposed by
    Uzbekistan" beside "Said by Kubanychbek Omuraliyev".
    """

    name: str = key("Who acted: a person, a country, a body (\"The Leaders\").", TEXT, toml=REQUIRED, json=0)
    role: str = key("Their role, e.g. \"OTS member state\", \"President of Azerbaijan\".", TEXT,
                    toml=REQUIRED, json=1)
    act: str = key("What they did.", {"type": "string", "enum": list(ACTS)}, toml=REQUIRED, json=2)

    @property
    def label(self) -> str:
        """The act as a reader's label: "Proposed by"."""
        return f"{self.act[:1].upper()}{self.act[1:]} by"


@record
class Source:
    """An archived article the facts are quoted from."""

    id: str = key("Stable lowercase slug (a-z, 0-9, single hyphens), unique among sources, "
                  "e.g. \"trend-2025-10-27\".", SLUG, toml=REQUIRED, json=0)
    outlet: str = key("The publication: the citation's container, not its author.", TEXT, toml=REQUIRED,
                      json=1)
    published: str = key("Publication date, a TOML date such as 2025-10-06 (not a date-time).", DATE,
                         toml=REQUIRED, json=4)  # ISO date
    language: str = key("Language of the archived text, e.g. \"en\".", TEXT, toml=REQUIRED, json=5)
    speaker: Speaker = key("Who is interviewed: the speaker of every fact that names no other.", toml=REQUIRED,
                           record=Speaker, json=7, json_fields=("name", "role"))
    archive: str = key("Bare file name of the archived text inside the archive directory (no /, \\, : or .. ), "
                       "checked by `otsfacts verify --archive DIR`.",
                       {"type": "string", "minLength": 1, "pattern": "^(?!\\.\\.?$)(?=.*\\S)[^/\\\\:\\u0000]+$"},
                       toml=REQUIRED, json=8)
    title: str | None = key("Headline, exactly as published; leave it out when the source has none.", TEXT,
                            json=2, default=None,
                            new=(0, '# title = "..."', "the headline, exactly as published; leave out if none"))
    titles: Mapping[str, str] = key("The headline in other languages: language = title.",
                                    {"type": "object", "additionalProperties": {"type": "string"}},
                                    json=3, default_factory=dict)
    outlet_description: str | None = key("What the outlet is, e.g. \"news agency, Azerbaijan\".", TEXT,
                                         default=None)
    format: str | None = key("What the text is, e.g. \"interview\".", TEXT, json=6, default=None,
                             new=(1, '# format = "interview"', "what it is"))
    dateline: str | None = key("The dateline as printed.", TEXT, default=None)
    date_note: str | None = key("How the date was established, when the text does not give it whole.", TEXT,
                                default=None)
    aliases: tuple[str, ...] = key("Other names searched with the source.", TEXTS, default=(),
                                   new=(2, "# aliases = []", "other names of the outlet"))
    path: str = key("The file it was loaded from.", toml=None, default="")
    url: str | None = key("Where the source can be read online (http:// or https://), if it can; never "
                          "invented. Cited by every style.", {"type": "string", "pattern": "^https?://\\S+$"},
                          json=9, default=None)  # the built-in sources have none
    accessed: str | None = key("The date the url was read on, a TOML date such as 2026-01-02; only with url.",
                               DATE, json=10, requires="url", default=None)  # ISO date

    def __post_init__(self) -> None:
        if self.titles is None:  # as the positional record took it: no titles
            object.__setattr__(self, "titles", {})


@record
class Topic:
    """A heading readers browse by."""

    id: str = key("Stable lowercase slug, unique among topics, e.g. \"energy\".", SLUG, toml=REQUIRED, json=0)
    title: str = key("Title shown in listings.", TEXT, toml=REQUIRED, json=1)
    description: str = key("One sentence on what the topic covers.", TEXT, toml=REQUIRED, json=2)
    aliases: tuple[str, ...] = key("Other names and spellings searched with the topic.", TEXTS, json=3, default=(),
                                   new=(0, "aliases = []", "other words for it, searched with its facts"))
    path: str = key("The file it was loaded from.", toml=None, default="")


@record
class Fact:
    """One claim, attributed, with the verbatim quote that supports it."""

    id: str = key("Stable lowercase slug, unique among facts, that says what the fact is.", SLUG,
                  toml=REQUIRED, json=0)
    claim: str = key("The claim, one sentence in our words, attributed (\"According to ...\").", TEXT,
                     toml=REQUIRED, json=1)
    quote: str = key("Verbatim words of the source; separate passages joined by \" … \".", TEXT,
                     toml=REQUIRED, json=2)
    source: Source = key("Id of the [[source]] the quote comes from.", SLUG, toml=REQUIRED, record=Source,
                         json=13, json_fields=("id", "outlet", "title", "published", "url"))
    topics: tuple[Topic, ...] = key("Ids of one or more [[topic]] entries.", {**SLUGS, "minItems": 1},
                                    toml=REQUIRED, json=4, json_ids=True)
    kind: str = key("What sort of claim it is; forecasts and plans are kept apart from what happened.",
                    {"type": "string", "enum": list(FACT_KINDS)}, toml=REQUIRED, json=3)
    # whose words the quote is: the source's speaker unless the fact names another
    speaker: Speaker = key("Whose words the quote is, when not the source's speaker: someone quoted directly "
                           "(with reported_by). Never who acted: that is actor.", record=Speaker, json=11,
                           new=(7, '# speaker = { name = "...", role = "...", reported_by = "..." }',
                                "whose own words the quote is, if not {speaker}"))
    value: int | float | None = key("The figure, absolute: 2100000000000 for \"$2.1 trillion\"; finite, within "
                                    "64-bit integers.", {"type": "number", "minimum": -(2 ** 63),
                                                         "exclusiveMaximum": 2 ** 63}, json=5, default=None,
                                    new=(1, "# value = 2000",
                                         'a figure: the number, absolute (2100000000000 for "$2.1 trillion")'))
    unit: str | None = key("Unit of the value: USD, %, km, GW, ...", TEXT, json=6, default=None,
                           new=(2, '# unit = "km"', "USD, %, km, GW, ..."))
    qualifier: str | None = key("Hedge kept from the text, next to the value.",
                                {"type": "string", "enum": list(QUALIFIERS)}, json=7, default=None,
                                new=(3, '# qualifier = "more than"', "{qualifiers}, ..."))
    as_of: str | None = key("The period a figure describes: 2024, 2025-01/2025-07.", TEXT, json=8, default=None,
                            new=(4, '# as_of = "2025"', "the period a figure describes"))
    date: str | None = key("When an event happened or is planned.", TEXT, json=9, default=None,
                           new=(5, '# date = "2025-10-27"', "when an event happened or is planned"))
    place: str | None = key("Where an event happened or is planned.", TEXT, json=10, default=None,
                            new=(6, '# place = "Gabala"', "where"))
    aliases: tuple[str, ...] = key("Other names and spellings searched with the fact, and a reader's everyday "
                                   "words for its own (synonyms only: no new name, figure or outcome); spell "
                                   "out the abbreviations it uses.", TEXTS, json=14, default=(),
                                   new=(0, "aliases = []", "other names, spellings, synonyms; spell out abbreviations "
                                        "(TITR, ...)"))
    conflicts_with: tuple[str, ...] = key("Ids of facts whose claims disagree with this one (list this one back "
                                          "there).", SLUGS, json=15, default=(),
                                          new=(10, '# conflicts_with = ["other-fact-id"]',
                                               "facts that disagree; list this one back there"))
    path: str = key("The file it was loaded from.", toml=None, default="")
    # who did what the claim reports, if it reports a deed
    actor: Actor | None = key("Who did what the claim reports (proposed, decided, launched...), shown as "
                              "\"Proposed by Uzbekistan\" beside who said it. The quote is not the actor's words.",
                              record=Actor, json=12, default=None,
                              new=(8, '# actor = { name = "...", role = "...", act = "proposed" }',
                                   "who acted: {acts}, ..."))
    note: str | None = key("A curator's note on what the text leaves odd or unsaid; shown by `show`, never part "
                           "of the claim.", TEXT, json=16, default=None,
                           new=(9, '# note = "..."', "what the text leaves odd; shown apart, never part of the claim"))
    replaces: tuple[str, ...] = key("Retired ids (facts merged into this one, or its former ids): they keep "
                                    "resolving to this fact.", {"type": "array", "items": SLUG}, json=17,
                                    default=())

    @property
    def value_text(self) -> str | None:
        """The figure as a reader says it: "more than 2 million companies"."""
        if self.value is None:
            return None
        parts = [self.qualifier, format_number(self.value), self.unit]
        return " ".join(p for p in parts if p)


#: The tables of a fact file (``[[source]]``...), in the order they are loaded, and their records.
TABLES: dict[str, type[Source] | type[Topic] | type[Fact]] = {"source": Source, "topic": Topic, "fact": Fact}


@record
class FactBase:
    """Everything loaded: facts, topics and sources by id, in file order.

    ``retired`` maps each retired fact id (a fact merged into another, or renamed) to the
    id of the fact it became: ids are a public contract, so old ones keep resolving.
    """

    facts: Mapping[str, Fact]
    topics: Mapping[str, Topic]
    sources: Mapping[str, Source]
    retired: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.retired is None:  # as the positional record took it: nothing retired
            object.__setattr__(self, "retired", {})

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
