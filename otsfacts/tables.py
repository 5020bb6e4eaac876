"""The tables of facts, topics, sources, ``--fields`` and disputes, laid out ``width`` columns wide.

An id is never folded: where one is too long for its column it gets a line of its own
under its row. Rich is imported only when a table is laid out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from otsfacts.cells import attribution, conflict_cell, explanation, fact_cell, id_line, safe_text, styled_line
from otsfacts.render import printable

if TYPE_CHECKING:
    from rich.text import Text

    from otsfacts.model import Fact, FactBase
    from otsfacts.hits import Hit


def facts_table(
    facts: Sequence[Fact], hits: Sequence[Hit] | None = None, *, show_quote: bool = True,
    explain: bool = False, title: str | None = None, width: int = 80,
) -> Any:
    """Facts as a table ``width`` columns wide: a row each, claim and evidence beside who said it.

    An id is never folded: one longer than the claim column gets a line of its own under
    its row. So the table is laid out here, column widths and all, and each row is a table
    of its own with the same widths.
    """
    from rich.cells import cell_len

    attributions = [attribution(fact) for fact in facts]
    # attribution takes what it needs up to 30% of the width; the claim takes the rest
    said_by = max([7, *(cell_len(line) for cell in attributions for line in cell.plain.split("\n"))])
    said_by = max(12, min(said_by, _said_by_limit(width)))
    return _fact_rows(facts, attributions, hits, said_by=said_by, width=width, show_quote=show_quote,
                      explain=explain, title=title)


def _said_by_limit(width: int) -> int:
    """The widest the "Said by" column gets: 30% of the width, from 12 to 26 columns."""
    return max(12, min(26, width * 3 // 10))


def _fact_rows(
    facts: Sequence[Fact], attributions: Sequence["Text"], hits: Sequence[Hit] | None, *, said_by: int,
    width: int, show_quote: bool = True, explain: bool = False, title: str | None = None,
    show_header: bool = True,
) -> Any:
    """The rows of :func:`facts_table` with the "Said by" column ``said_by`` wide (with the
    header first unless ``show_header`` is false), the ids too long for the claim column
    on lines of their own under their row."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table

    # each column is padded by one space each side; Score is 5 wide
    claim_at = 9 if hits is not None else 1
    claim_width = max(1, width - claim_at - 3 - said_by - 1)
    parts: list[Any] = []
    if show_header:  # a table of no rows: the header, and its rule
        header = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, title=title, title_justify="left")
        if hits is not None:
            header.add_column("Score", justify="right", width=5, no_wrap=True)
        header.add_column("Fact and evidence", width=claim_width, overflow="fold")
        header.add_column("Said by", width=said_by, overflow="fold")
        parts.append(header)
    for number, fact in enumerate(facts):
        own_line = any(cell_len(printable(i)) > claim_width for i in (fact.id, *fact.conflicts_with))
        cell = fact_cell(fact, show_quote, with_id=not own_line)
        if explain and hits is not None:
            cell.append("\n" + explanation(hits[number]), style="magenta")
        if number:
            parts.append("")
        score = None if hits is None else f"{hits[number].score:.0f}"
        parts.append(FactRow(score, cell, attributions[number], claim_width, said_by))
        if own_line:
            parts.extend(_id_lines(fact, claim_at, width))
    return Group(*parts)


class FactRow:
    """One row of a facts table, laid out as the header's columns are (a score 5 wide, right
    aligned, when there is one; the claim cell ``claim_width`` wide; "Said by" ``said_by``
    wide; one space of padding each side of a column and one between columns), each cell
    folded to its width.

    A Rich ``Table`` per row printed the same lines at about twice the cost (ten rows of
    ``search corridor``: 8.3 ms against 4.9 ms, the first print in a process), a third of
    the table search's start-up above its floor (``benchmarks/speed.py``)."""

    def __init__(self, score: str | None, claim: "Text", said_by: "Text", claim_width: int, said_width: int) -> None:
        self.score, self.claim, self.said_by = score, claim, said_by
        self.claim_width, self.said_width = claim_width, said_width

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.segment import Segment

        claim = self.claim.wrap(console, self.claim_width, overflow="fold")
        said_by = self.said_by.wrap(console, self.said_width, overflow="fold")
        first = "" if self.score is None else " " + self.score.rjust(5) + "  "  # padded, and the space after
        indent = " " * len(first)
        for i in range(max(len(claim), len(said_by))):
            yield Segment((indent if i else first) + " ")
            for lines, width in ((claim, self.claim_width), (said_by, self.said_width)):
                if i < len(lines):
                    yield from lines[i].render(console)
                    yield Segment(" " * (width - lines[i].cell_len) + " ")
                else:
                    yield Segment(" " * width + " ")
                if lines is claim:
                    yield Segment("  ")  # the space between the columns, and the next one's padding
            yield Segment.line()


def _id_lines(fact: Fact, indent: int, width: int) -> list["Text"]:
    """The ids of a fact (and of those disputing it) under its row, each whole on one line."""
    from rich.cells import cell_len

    def at(text: str) -> int:  # under the claim where it fits, else from the table's edge
        return indent if indent + cell_len(text) <= width else 1

    lines = [id_line(fact.id, at(printable(fact.id)))]  # its own first: it names the row
    if fact.conflicts_with:
        joined = "⚠ disputed by: " + ", ".join(printable(i) for i in fact.conflicts_with)
        if indent + cell_len(joined) <= width:
            lines.append(styled_line(joined, indent, "yellow"))
        else:
            lines.append(styled_line("⚠ disputed by:", indent, "yellow"))
            lines += [styled_line(printable(i), at(printable(i)), "yellow") for i in fact.conflicts_with]
    return lines



#: Above this many facts a table is printed in chunks as it is laid out (see :func:`streamed_facts_table`).
STREAM_ABOVE = 200
#: Facts per chunk of a streamed table.
STREAM_CHUNK = 50


def streamed_facts_table(facts: Iterable[Fact], *, width: int = 80, chunk: int = STREAM_CHUNK) -> Iterator[Any]:
    """A long listing as :func:`facts_table` lays it out, in groups of ``chunk`` facts printed
    one after another: the "Said by" column has its widest width (the claim the rest) so
    the chunks line up, and only the first has the header. The first rows print at once
    and memory holds one chunk's layout, not 100,000 facts'."""
    said_by = _said_by_limit(width)
    rows: list[Fact] = []
    first = True

    def group(part: list[Fact]) -> Any:
        return _fact_rows(part, [attribution(fact) for fact in part], None, said_by=said_by, width=width,
                          show_header=first)

    for fact in facts:
        rows.append(fact)
        if len(rows) == chunk:
            if not first:
                yield ""  # the line between rows that a chunk boundary would lose
            yield group(rows)
            rows, first = [], False
    if rows:
        if not first:
            yield ""
        yield group(rows)



def facts_listing(facts: Sequence[Fact], width: int = 80) -> Any:
    """``list``'s table: whole, or streamed chunk by chunk above :data:`STREAM_ABOVE` facts."""
    return facts_table(facts, width=width) if len(facts) <= STREAM_ABOVE else streamed_facts_table(facts, width=width)


def topics_table(base: FactBase) -> Any:
    from rich import box
    from rich.table import Table

    counts = base.topic_counts()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    # ids whole: the description column gives way first
    table.add_column("Topic", no_wrap=True, style="bold", min_width=max([5, *(len(t) for t in base.topics)]))
    table.add_column("Facts", justify="right")
    table.add_column("Title and description", overflow="fold")
    for topic in base.topics.values():
        cell = safe_text(topic.title, "bold")
        cell.append("\n" + printable(topic.description), style="dim")
        table.add_row(safe_text(topic.id), str(counts[topic.id]), cell)
    return table


def sources_table(base: FactBase) -> Any:
    from rich import box
    from rich.table import Table

    counts = base.source_counts()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, show_lines=True)
    table.add_column("Source", no_wrap=True, style="bold", min_width=max([6, *(len(i) for i in base.sources)]))
    table.add_column("Facts", justify="right")
    table.add_column("Outlet, date and speaker", overflow="fold")
    for source in base.sources.values():
        cell = safe_text(f"{source.outlet}, {source.published}", "bold")
        if source.title:
            cell.append("\n" + printable(source.title), style="italic")
        cell.append(f"\n{printable(source.speaker.name)}, {printable(source.speaker.role)}")
        if source.url:
            cell.append("\n" + printable(source.url), style="cyan")
            if source.accessed:
                cell.append(f" (accessed {source.accessed})", style="dim")
        table.add_row(safe_text(source.id), str(counts[source.id]), cell)
    return table


def fields_table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int = 80) -> Any:
    """``--fields`` in a table: one column per field, cells folded rather than cut, but ids
    (``id`` and ``*.id`` fields) whole: where they cannot fit, the table grows past ``width``."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    needed = -1  # each column is padded one space each side, and apart by one
    for number, header in enumerate(headers):
        longest = max(cell_len(line) for cell in [header, *(row[number] for row in rows)] for line in cell.split("\n"))
        if header == "id" or header.endswith(".id"):
            table.add_column(safe_text(header), no_wrap=True, min_width=longest, overflow="ignore")
        else:
            longest = min(longest, 20)  # other columns fold, but not down to nothing
            table.add_column(safe_text(header), min_width=longest, overflow="fold")
        needed += longest + 3
    if needed > width:
        table.width = needed
    for row in rows:
        # cells are printable already (formats.cell_text); Text keeps them from being markup
        table.add_row(*(safe_text(cell) for cell in row))
    return table


def conflicts_table(pairs: Sequence[tuple[Fact, Fact]], width: int = 80) -> Any:
    """Each disagreement once, its two sides next to each other, ``width`` columns wide.

    As in :func:`facts_table`, ids too long for their column get lines of their own under
    the row, each under its side where it fits.
    """
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table

    left = max(1, (width - 5 + 1) // 2)
    right = max(1, width - 5 - left)
    right_at = 1 + left + 3

    def table(show_header: bool) -> Table:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, show_header=show_header)
        table.add_column("One side", width=left, overflow="fold")
        table.add_column("Disputed by", width=right, overflow="fold")
        return table

    parts: list[Any] = [table(True)]
    for number, (fact, other) in enumerate(pairs):
        own_lines = cell_len(printable(fact.id)) > left or cell_len(printable(other.id)) > right
        row = table(False)
        row.add_row(conflict_cell(fact, not own_lines), conflict_cell(other, not own_lines))
        if number:
            parts.append("")
        parts.append(row)
        if own_lines:
            parts.append(id_line(fact.id, 1))
            fits = right_at + cell_len(printable(other.id)) <= width
            parts.append(id_line(other.id, right_at if fits else 1))
    return Group(*parts)
