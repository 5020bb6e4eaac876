"""The text inside table cells and lines: claim and evidence, who said it, who acted, an
id on a line of its own, one side of a dispute, how a score came about.

Fact-file text reaches these only through :func:`otsfacts.render.printable`, as Rich
``Text`` (never parsed as markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from otsfacts.render import printable

if TYPE_CHECKING:
    from rich.text import Text

    from otsfacts.model import Actor, Fact
    from otsfacts.hits import Hit


def safe_text(value: str, style: str = "") -> "Text":
    """``value`` :func:`printable`, as Rich ``Text`` in ``style`` (never read as markup)."""
    from rich.text import Text

    return Text(printable(value), style=style)


def attribution(fact: Fact) -> "Text":
    """Who said it, in what role, where and when: the second column of every fact table."""
    from rich.text import Text

    cell = Text()
    cell.append(printable(fact.speaker.name), style="bold")
    cell.append("\n" + printable(fact.speaker.role), style="italic")
    if fact.speaker.reported_by:
        cell.append("\nreported by " + printable(fact.speaker.reported_by), style="dim")
    cell.append(f"\n{printable(fact.source.outlet)}, {fact.source.published}", style="cyan")
    return cell


def act_line(actor: Actor) -> str:
    """Who did what the claim reports: "Proposed by Uzbekistan, OTS member state"."""
    return f"{actor.label} {printable(actor.name)}, {printable(actor.role)}"


def fact_cell(fact: Fact, show_quote: bool = True, with_id: bool = True) -> "Text":
    """The claim (with its figure), who acted, the quote that supports it, the ids of facts
    disputing it and its own (unless the table gives them lines of their own), kind and topics."""
    from rich.text import Text

    cell = Text()
    cell.append(printable(fact.claim), style="bold")
    if fact.value is not None:
        cell.append("\n" + printable(fact.value_text or ""), style="green")
        if fact.as_of:
            cell.append(f" (as of {printable(fact.as_of)})", style="green")
    if fact.actor is not None:
        cell.append("\n" + act_line(fact.actor), style="blue")
    if show_quote:
        cell.append("\n“" + printable(fact.quote) + "”", style="italic dim")
    if fact.conflicts_with and with_id:
        cell.append("\n⚠ disputed by: " + ", ".join(fact.conflicts_with), style="yellow")
    cell.append("\n")
    if with_id:
        cell.append(printable(fact.id), style=ID_STYLE)
        cell.append(" · ", style="dim")
    cell.append(f"{fact.kind} · " + ", ".join(t.id for t in fact.topics), style="dim")
    return cell


#: How an id is shown: never dimmed, since it is the one string a reader copies.
ID_STYLE = "bold"


def id_line(fact_id: str, indent: int) -> "Text":
    """An id on a line of its own, whole however narrow the output: a terminal wraps
    it as one line, a pipe gets it as one line."""
    from rich.text import Text

    return Text(" " * indent + printable(fact_id), style=ID_STYLE, no_wrap=True, overflow="ignore")


def styled_line(text: str, indent: int, style: str) -> "Text":
    """``text`` (printable already) after ``indent`` spaces, on one line however narrow the output."""
    from rich.text import Text

    return Text(" " * indent + text, style=style, no_wrap=True, overflow="ignore")


def conflict_cell(fact: Fact, with_id: bool = True) -> "Text":
    """One side of a dispute: the claim, the quote, who said it, where and when, and the id
    (unless the table gives it a line of its own)."""
    from rich.text import Text

    cell = Text()
    cell.append(printable(fact.claim), style="bold")
    if fact.actor is not None:
        cell.append("\n" + act_line(fact.actor), style="blue")
    cell.append("\n“" + printable(fact.quote) + "”", style="italic dim")
    cell.append("\n" + printable(fact.speaker.name), style="bold")
    cell.append(", " + printable(fact.speaker.role), style="italic")
    if fact.speaker.reported_by:
        cell.append(" (reported by " + printable(fact.speaker.reported_by) + ")", style="dim")
    cell.append(f"\n{printable(fact.source.outlet)}, {fact.source.published}", style="cyan")
    if with_id:
        cell.append("\n" + printable(fact.id), style=ID_STYLE)
    return cell


def explanation(hit: Hit) -> str:
    """How a score came about: each query word, what it matched, where, and its points."""
    parts = []
    for match in hit.matches:
        how = "exact" if match.quality == 1.0 else f"~{match.quality:.2f}"
        shown = match.word if match.word == match.matched else f"{match.word}→{match.matched}"
        parts.append(f"{printable(shown)} ({match.field}, {how}) +{match.points:g}")
    for word in hit.unmatched:
        parts.append(f"{printable(word)} (no match) +0")
    found = [f"spelling #{hit.spelling_rank}" if hit.spelling_rank else "spelling: not found"]
    if hit.meaning_rank is not None:
        by_both = ", " + " and ".join(hit.encoders) if len(hit.encoders) > 1 else ""
        found.append(f"meaning #{hit.meaning_rank} (similarity {hit.similarity:.2f}{by_both})")
    else:
        found.append("meaning: not consulted")
    why = "" if hit.not_answer is None else f"; not an answer: {printable(hit.not_answer)}"
    return ("score " + f"{hit.score:g}: " + (", ".join(parts) or "no word matched") + "; found by "
            + ", ".join(found) + why)
