"""The curator's warnings of ``check``: what loads but reads or searches badly.

A figure without a structured value, a quote far longer than its claim, an abbreviation
nothing spells out, a date that cannot be ordered, a spelled-out unit, a deed shown as a
saying, a dispute listed on one side only, and (as errors) ``otsfacts new``'s
placeholders left in. Worked out from the tables as written (:mod:`otsfacts.entries`).
"""

from __future__ import annotations

from typing import Iterator, Sequence

from otsfacts.abbreviations import spelled_out_anywhere, uncovered_abbreviations
from otsfacts.choices import PLACEHOLDER
from otsfacts.entries import TableEntry
from otsfacts.errors import Problem
from otsfacts.filters import date_bounds

#: A quote is "much longer" than its claim past both of these.
QUOTE_RATIO = 3.0
QUOTE_MIN_LENGTH = 200


def warnings(entries: Sequence[TableEntry]) -> Iterator[Problem]:
    """Every curator warning about ``entries`` (all the tables loaded, in order)."""
    facts = [e for e in entries if e.kind == "fact"]
    by_id = {e.id: e for e in facts if e.id}
    # aliases searched with a fact: its topics' and its source's too
    aliases = {(e.kind, e.id): e.texts("aliases") for e in entries if e.kind in ("topic", "source")}
    used_topics = {t for fact in facts for t in fact.texts("topics")}
    glossary = spelled_out_anywhere(entries)
    for entry in entries:
        if entry.kind == "topic" and entry.id and entry.id not in used_topics:
            yield _warn(entry, "no fact uses this topic", "id")
        if entry.kind != "fact":
            continue
        inherited = [a for t in entry.texts("topics") for a in aliases.get(("topic", t), [])]
        inherited += aliases.get(("source", entry.text("source")), [])
        yield from _fact_warnings(entry, by_id, inherited, glossary)


def placeholder_errors(entries: Sequence[TableEntry]) -> Iterator[Problem]:
    """Text still as ``otsfacts new`` wrote it: loads, but is not a fact yet (an error)."""
    for entry in entries:
        if entry.kind in ("fact", "source", "topic"):
            yield from _placeholders(entry)


def _warn(entry: TableEntry, message: str, key: str | None = None, shown: str | None = None) -> Problem:
    """A warning: the same shape as a loading error, reported apart from them."""
    return Problem(entry.path, message, entry.id, shown or key, entry.line(key))


def _fact_warnings(entry: TableEntry, by_id: dict[str, TableEntry], inherited: list[str],
                   glossary: frozenset[str] = frozenset()) -> Iterator[Problem]:
    table = entry.table
    if table.get("kind") == "figure":
        if "value" not in table:
            yield _warn(entry, "a figure without a structured value: add value (and unit)", "kind", "value")
        elif "unit" not in table:
            yield _warn(entry, "a figure's value without a unit", "value", "unit")
    claim, quote = entry.text("claim"), entry.text("quote")
    if claim and quote and len(quote) > QUOTE_MIN_LENGTH and len(quote) > QUOTE_RATIO * len(claim):
        yield _warn(entry, f"the quote ({len(quote)} characters) is {len(quote) / len(claim):.1f} times as "
                    f"long as the claim: keep the words that support it, or split the fact", "quote")
    for abbreviation, key in uncovered_abbreviations(entry.table, inherited):
        if abbreviation not in glossary:
            yield _warn(entry, f"uses the abbreviation {abbreviation}, but no alias spells it out", key, "aliases")
    for key in ("date", "as_of"):
        value = entry.text(key)
        if value is not None and date_bounds(value) is None:
            yield _warn(entry, f"{value!r} is not a date otsfacts can order or filter: write YYYY, YYYY-MM or "
                        "YYYY-MM-DD, or a period FIRST/LAST of those", key)
    unit = entry.text("unit")
    if unit is not None and unit_symbol(unit):
        yield _warn(entry, f"write the unit {unit!r} as {unit_symbol(unit)}, as the base does "
                    f"(units: {', '.join(UNITS)}, or a counted noun such as people)", "unit")
    yield from _deed_warnings(entry)
    for other_id in entry.texts("conflicts_with"):
        other = by_id.get(other_id)
        if other is not None and other is not entry and entry.id not in other.texts("conflicts_with"):
            yield _warn(entry, f"conflicts with {other_id}, which does not list {entry.id} back", "conflicts_with")


#: The units figures are written in, as symbols; a counted noun (people, universities) is fine too.
UNITS = ("USD", "EUR", "%", "km", "km²", "GW", "MW", "t")
# Spelled-out units, and the symbol the base writes for each.
_UNIT_SPELLINGS = {
    "percent": "%", "per cent": "%", "pct": "%", "percentage": "%",
    "usd": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD", "$": "USD", "us$": "USD",
    "eur": "EUR", "euros": "EUR", "euro": "EUR", "€": "EUR",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "kms": "km",
    "square kilometres": "km²", "square kilometers": "km²", "km2": "km²", "sq km": "km²",
    "gigawatts": "GW", "gigawatt": "GW", "gw": "GW", "megawatts": "MW", "megawatt": "MW", "mw": "MW",
}


def unit_symbol(unit: str) -> str | None:
    """The symbol to write for a spelled-out or miscased ``unit`` (gigawatts: GW); None if fine."""
    symbol = _UNIT_SPELLINGS.get(" ".join(unit.lower().split()))
    return symbol if symbol is not None and symbol != unit else None


#: Kinds of fact that report a deed: someone proposed, initiated or decided something.
DEED_KINDS = ("proposal", "initiative", "decision")


def _deed_warnings(entry: TableEntry) -> Iterator[Problem]:
    """A deed shown as a saying: a proposal, initiative or decision whose speaker is someone other
    than the source's interviewee, who is not also its actor ("Said by Uzbekistan" above a
    quote that is the interviewee's words). ``verify`` checks the quote against the text too."""
    table = entry.table
    speaker, actor = table.get("speaker"), table.get("actor")
    if table.get("kind") not in DEED_KINDS or not isinstance(speaker, dict):
        return
    if isinstance(actor, dict) and actor.get("name") == speaker.get("name"):
        return  # someone quoted in their own words on what they did
    yield _warn(entry, f"kind {table['kind']} with a speaker of its own: the speaker is whose words the quote "
                "is; who acted goes in actor", "speaker")


def _placeholders(entry: TableEntry) -> Iterator[Problem]:
    for key, value in entry.table.items():
        inner = value.values() if isinstance(value, dict) else [value]  # a speaker's name and role too
        if any(isinstance(v, str) and v.lstrip().startswith(PLACEHOLDER) for v in inner):
            yield _warn(entry, f"still holds the {PLACEHOLDER} placeholder of 'otsfacts new'", key)
