"""``otsfacts timeline`` for people: dated facts one under another, a rule marking today."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from otsfacts.cells import id_line, safe_text
from otsfacts.render import printable

if TYPE_CHECKING:
    from rich.text import Text


def timeline_view(entries: Sequence[Any], today: str, width: int = 80) -> Any:
    """``otsfacts timeline`` for people: a date, then what happened or is planned, who said
    it (with the kind of claim and the source), and its id; a rule marks today."""
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table

    date_width = max([4, *(cell_len(printable(e.fact.date or "")) for e in entries)])
    indent = date_width + 2
    parts: list[Any] = []
    marked = False
    for entry in entries:
        if entry.status != "past" and not marked:
            parts += [""] * bool(parts) + [_today_rule(today, width)]
            marked = True
        fact = entry.fact
        if parts:
            parts.append("")
        grid = Table.grid(padding=(0, 2))
        grid.add_column(width=date_width, no_wrap=True)
        grid.add_column(width=max(1, width - indent), overflow="fold")
        cell = safe_text(fact.claim, "bold" if entry.status != "past" else "")
        who = fact.speaker.name + (f", reported by {fact.speaker.reported_by}" if fact.speaker.reported_by else "")
        cell.append(f"\n{fact.kind} · {printable(who)} ({printable(fact.source.outlet)}, {fact.source.published})",
                    style="cyan")
        grid.add_row(safe_text(fact.date or "", "green"), cell)
        parts.append(grid)
        shown = printable(fact.id)
        parts.append(id_line(fact.id, indent if indent + cell_len(shown) <= width else 0))
    if not marked:
        parts += ["", _today_rule(today, width)]
    return Group(*parts)


def _today_rule(today: str, width: int) -> "Text":
    from rich.text import Text

    label = f"── today, {today} "
    return Text(label + "─" * max(0, width - len(label)), style="yellow")
