"""``show``'s human output: each fact in full, as labelled lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from otsfacts.cells import ID_STYLE, safe_text, styled_line
from otsfacts.render import printable

if TYPE_CHECKING:
    from rich.text import Text

    from otsfacts.model import Fact, FactBase


def facts_detail(facts: Sequence[Fact], base: FactBase, width: int = 80) -> Any:
    """Each fact in full (:func:`fact_detail`), a blank line between them."""
    from rich.console import Group

    parts = [fact_detail(f, base, width=width) for f in facts]
    return Group(*(part for n, d in enumerate(parts) for part in ([""] if n else []) + [d]))


def fact_detail(fact: Fact, base: FactBase, width: int = 80) -> Any:
    """One fact in full, as labelled lines ``width`` columns wide: ``show``'s human output.

    An id too long for the value column (its own, a retired one it replaces, one disputing
    it) is printed whole on a line of its own, under its label.
    """
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table

    rows: list[tuple[str, Text | _Whole]] = []
    rows.append(("Fact", _Whole(fact.id, ID_STYLE)))
    rows.append(("Claim", safe_text(fact.claim)))
    if fact.value is not None:
        rows.append(("Figure", safe_text(fact.value_text or "", "green")))
    for label, value in (("As of", fact.as_of), ("Date", fact.date), ("Place", fact.place)):
        if value:
            rows.append((label, safe_text(value)))
    rows.append(("Kind", safe_text(fact.kind)))
    if fact.actor is not None:
        rows.append((fact.actor.label, safe_text(f"{fact.actor.name}, {fact.actor.role}")))
    rows.append(("Quote", safe_text("“" + fact.quote + "”", "italic")))
    speaker = f"{fact.speaker.name}, {fact.speaker.role}"
    if fact.speaker.reported_by:
        speaker += f" (reported by {fact.speaker.reported_by})"
    rows.append(("Said by", safe_text(speaker)))
    if fact.note:
        rows.append(("Note", safe_text(fact.note, "dim")))
    source = fact.source
    rows.append(("Source", safe_text(f"{source.outlet}, {source.published}" +
                                 (f": {source.title}" if source.title else "") + f" [{source.id}]")))
    if source.url:
        rows.append(("URL", safe_text(source.url + (f" (accessed {source.accessed})" if source.accessed else ""))))
    rows.append(("Topics", safe_text(", ".join(f"{t.title} [{t.id}]" for t in fact.topics))))
    if fact.aliases:
        rows.append(("Aliases", safe_text(", ".join(fact.aliases))))
    disputed = [base.facts[i] for i in fact.conflicts_with if i in base.facts]
    labels = [label for label, _ in rows] + ["Replaces"] * bool(fact.replaces) + ["Disputed by"] * bool(disputed)
    label_width = max(cell_len(label) for label in labels)
    value_width = width - label_width - 2
    if fact.replaces:
        joined = ", ".join(fact.replaces)
        if cell_len(printable(joined)) <= value_width:
            rows.append(("Replaces", safe_text(joined, "dim")))
        else:  # one retired id a line, each whole
            rows += [("Replaces" if n == 0 else "", _Whole(i, "dim")) for n, i in enumerate(fact.replaces)]
    for other in disputed:
        said = f"{other.claim} ({other.speaker.name}, {other.source.outlet}, {other.source.published})"
        if cell_len(printable(f"⚠ {other.id}:")) <= value_width:
            rows.append(("Disputed by", safe_text(f"⚠ {other.id}: {said}", "yellow")))
        else:
            rows.append(("Disputed by", _Whole("⚠ " + other.id, "yellow")))
            rows.append(("", safe_text(said, "yellow")))

    parts: list[Any] = []
    grid: Table | None = None
    for label, cell in rows:
        if isinstance(cell, _Whole):
            grid = None
            shown = printable(cell.text)
            if label_width + 2 + cell_len(shown) <= width:
                line = safe_text(label.ljust(label_width) + "  ", "bold")
                line.append(shown, style=cell.style)
                line.no_wrap, line.overflow = True, "ignore"
                parts.append(line)
            else:
                if label:
                    parts.append(safe_text(label, "bold"))
                parts.append(styled_line(shown, 0, cell.style))
            continue
        if grid is None:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold", no_wrap=True, width=label_width)
            grid.add_column(overflow="fold")
            parts.append(grid)
        grid.add_row(label, cell)
    return Group(*parts)


class _Whole:
    """A value of :func:`fact_detail` that is never folded: an id, on its label's line when
    it fits there, else on a line of its own."""

    __slots__ = ("text", "style")

    def __init__(self, text: str, style: str) -> None:
        self.text, self.style = text, style
