"""``otsfacts new``: a [[fact]] entry for a curator to fill in, valid as printed.

The block loads as it is (its placeholders are strings the loader accepts), so a
curator can append it to a file and let ``otsfacts check`` point at what is left to do:
the ``TODO`` placeholders, and a figure's missing value.
"""

from __future__ import annotations

import re
from typing import Sequence

from otsfacts.check import PLACEHOLDER
from otsfacts.model import ACTS, FACT_KINDS, QUALIFIERS, FactBase, Source, Topic

# Words a slug can do without.
_SLUG_SKIP = frozenset("""a an the and or of to in on at by for from with as is are was were be been will
would that this these those it its his her their says said say according""".split())
_SLUG_WORDS = 6


def suggest_id(base: FactBase, topics: Sequence[Topic], claim: str | None = None) -> str:
    """A slug for a new fact: from the claim's first significant words, else from its topic.

    Made unique in ``base`` with a number when needed.
    """
    from otsfacts.text import fold

    words: list[str] = []
    if claim:
        words = [w for w in re.findall(r"[a-z0-9]+", fold(claim)) if w not in _SLUG_SKIP][:_SLUG_WORDS]
    stem = "-".join(words) or f"{topics[0].id if topics else 'new'}-new-fact"
    candidate, number = stem, 2
    while candidate in base.facts:
        candidate, number = f"{stem}-{number}", number + 1
    return candidate


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and every control character escaped."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _comment(text: str) -> str:
    """Fact-file text made safe for a ``#`` comment: one line, nothing invisible."""
    from otsfacts.render import printable

    return printable(" ".join(text.split()))


def fact_block(
    base: FactBase,
    source: Source,
    topics: Sequence[Topic],
    kind: str = "statement",
    claim: str | None = None,
) -> str:
    """A commented [[fact]] entry under ``source`` and ``topics``, ready to fill in."""
    fact_id = suggest_id(base, topics, claim)
    speaker = f"{source.speaker.name}, {source.speaker.role}"
    topic_list = ", ".join(toml_string(t.id) for t in topics)
    # align the trailing comments like the README's example
    lines = [
        (f"id = {toml_string(fact_id)}", "lowercase slug, unique: say what the fact is"),
        (f"claim = {toml_string(claim or PLACEHOLDER + ': the claim, one sentence in our words, attributed')}",
         "\"According to ...\", \"... says ...\""),
        (f"quote = {toml_string(PLACEHOLDER + ': the words of the source, verbatim')}",
         "separate passages joined by \" … \""),
        (f"source = {toml_string(source.id)}", _comment(f"{source.outlet}, {source.published}")),
        (f"topics = [{topic_list}]", "one or more topic ids (otsfacts topics)"),
        (f"kind = {toml_string(kind)}", ", ".join(FACT_KINDS)),
        ("aliases = []", "other names and spellings; spell out abbreviations (TITR, ...)"),
        ("# value = 2000", "a figure: the number, absolute (2100000000000 for \"$2.1 trillion\")"),
        ('# unit = "km"', "USD, %, km, GW, ..."),
        ('# qualifier = "more than"', ", ".join(QUALIFIERS[:6]) + ", ..."),
        ('# as_of = "2025"', "the period a figure describes"),
        ('# date = "2025-10-27"', "when an event happened or is planned"),
        ('# place = "Gabala"', "where"),
        ('# speaker = { name = "...", role = "...", reported_by = "..." }',
         "whose own words the quote is, if not " + _comment(source.speaker.name)),
        ('# actor = { name = "...", role = "...", act = "proposed" }',
         "who acted: " + ", ".join(ACTS[:3]) + ", ..."),
        ('# note = "..."', "what the text leaves odd; shown apart, never part of the claim"),
        ('# conflicts_with = ["other-fact-id"]', "facts that disagree; list this one back there"),
    ]
    width = max(len(code) for code, _ in lines if len(code) <= 40) + 2
    body = "\n".join(f"{code:<{width}}# {note}" if len(code) < width else f"{code}  # {note}"
                     for code, note in lines)
    header = (
        f"# A new fact from {_comment(source.outlet)}, {source.published}: {_comment(speaker)}.\n"
        f"# Replace the {PLACEHOLDER}s, then: otsfacts check FILE, and otsfacts verify --archive DIR.\n"
    )
    return header + "[[fact]]\n" + body + "\n"
