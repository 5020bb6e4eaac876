"""Everything otsfacts prints: JSON for scripts and Rich tables for people.

Data from fact files is untrusted. It reaches the terminal only as Rich ``Text`` (never
parsed as markup) after :func:`printable` has made control characters visible, and
JSON escapes the same characters so a ``cat`` of the output cannot drive the terminal.
Rich is imported only by the table functions, so the JSON path never pays for it.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence, TextIO

from otsfacts.model import Actor, Fact, FactBase, Source, Topic
from otsfacts.search import Hit
from otsfacts.shape import json_record

if TYPE_CHECKING:
    from rich.text import Text

    from otsfacts.cite import Citation

# C0 and C1 controls (but tab and newline), DEL, and the bidirectional overrides and
# isolates that can make text read differently from what it is.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# The same, plus lone surrogates, inside JSON text (json.dumps only escapes C0).
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every control, bidi-override or unpaired surrogate shown as an escape."""
    text = _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def one_line(text: str) -> str:
    """``text`` :func:`printable` and on one line: newlines and tabs (in a file name, say)
    shown as ``\\n`` and ``\\t``, so no message can forge a line of its own."""
    return printable(text).replace("\n", "\\n").replace("\t", "\\t")


# ---------------------------------------------------------------------------- records


def fact_record(fact: Fact, hit: Hit | None = None, explain: bool = False, answer: bool = True) -> dict[str, Any]:
    """The public JSON shape of a fact (see the README, version :data:`otsfacts.JSON_VERSION`),
    as the model's fields define it; ``score`` only for search results."""
    record = json_record(fact)
    if hit is not None:
        record["score"] = hit.score
        record["answer"] = answer
        if explain:
            record["matches"] = [
                {"word": m.word, "matched": m.matched, "field": m.field,
                 "quality": m.quality, "points": m.points}
                for m in hit.matches
            ]
            record["unmatched"] = list(hit.unmatched)
            record["similarity"] = hit.similarity
            record["spelling_rank"] = hit.spelling_rank
            record["meaning_rank"] = hit.meaning_rank
    return record


def shown_record(fact: Fact, asked: str) -> dict[str, Any]:
    """``show``'s record of the fact an id names: with ``retired_id`` and ``replaced_by`` set
    when that id is retired (both null when it is the fact's own)."""
    record = fact_record(fact)
    retired = asked != fact.id
    record["retired_id"] = asked if retired else None
    record["replaced_by"] = fact.id if retired else None
    return record


def topic_record(topic: Topic, count: int) -> dict[str, Any]:
    return {**json_record(topic), "count": count}


def source_record(source: Source, count: int) -> dict[str, Any]:
    return {**json_record(source), "count": count}


def json_text(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON: UTF-8 text, with what could drive a terminal \\u-escaped; never
    ``NaN`` or ``Infinity``, which strict JSON readers refuse (the loader keeps them out)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    """One JSON array, UTF-8, indented for people, safe for terminals."""
    out.write(json_text(list(records), indent=2) + "\n")


# ----------------------------------------------------------------------------- tables


def _text(value: str, style: str = "") -> "Text":
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
    """The rows of :func:`facts_table` with the "Said by" column ``said_by`` wide, each a
    table of its own (with the header first unless ``show_header`` is false), the ids too
    long for the claim column on lines of their own under their row."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table

    # each column is padded by one space each side; Score is 5 wide
    claim_at = 9 if hits is not None else 1
    claim_width = max(1, width - claim_at - 3 - said_by - 1)

    def table(show_header: bool, title: str | None = None) -> Table:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, title=title, title_justify="left",
                      show_header=show_header)
        if hits is not None:
            table.add_column("Score", justify="right", width=5, no_wrap=True)
        table.add_column("Fact and evidence", width=claim_width, overflow="fold")
        table.add_column("Said by", width=said_by, overflow="fold")
        return table

    parts: list[Any] = [table(True, title)] if show_header else []
    for number, fact in enumerate(facts):
        own_line = any(cell_len(printable(i)) > claim_width for i in (fact.id, *fact.conflicts_with))
        cells: list[Any] = []
        if hits is not None:
            cells.append(f"{hits[number].score:.0f}")
        cell = fact_cell(fact, show_quote, with_id=not own_line)
        if explain and hits is not None:
            cell.append("\n" + explanation(hits[number]), style="magenta")
        row = table(False)
        row.add_row(*cells, cell, attributions[number])
        if number:
            parts.append("")
        parts.append(row)
        if own_line:
            parts.extend(_id_lines(fact, claim_at, width))
    return Group(*parts)


def _id_lines(fact: Fact, indent: int, width: int) -> list["Text"]:
    """The ids of a fact (and of those disputing it) under its row, each whole on one line."""
    from rich.cells import cell_len

    def at(text: str) -> int:  # under the claim where it fits, else from the table's edge
        return indent if indent + cell_len(text) <= width else 1

    lines = [id_line(fact.id, at(printable(fact.id)))]  # its own first: it names the row
    if fact.conflicts_with:
        joined = "⚠ disputed by: " + ", ".join(printable(i) for i in fact.conflicts_with)
        if at(joined) == indent:
            lines.append(_styled_line(joined, indent, "yellow"))
        else:
            lines.append(_styled_line("⚠ disputed by:", indent, "yellow"))
            lines += [_styled_line(printable(i), at(printable(i)), "yellow") for i in fact.conflicts_with]
    return lines


def _styled_line(text: str, indent: int, style: str) -> "Text":
    from rich.text import Text

    return Text(" " * indent + text, style=style, no_wrap=True, overflow="ignore")


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
        found.append(f"meaning #{hit.meaning_rank} (similarity {hit.similarity:.2f})")
    else:
        found.append("meaning: not consulted")
    return "score " + f"{hit.score:g}: " + (", ".join(parts) or "no word matched") + "; found by " + ", ".join(found)


def facts_detail(facts: Sequence[Fact], base: FactBase, width: int = 80) -> Any:
    """Each fact in full (:func:`fact_detail`), a blank line between them."""
    from rich.console import Group

    parts = [fact_detail(f, base, width=width) for f in facts]
    return Group(*(part for n, d in enumerate(parts) for part in ([""] if n else []) + [d]))


def facts_listing(facts: Sequence[Fact], width: int = 80) -> Any:
    """``list``'s table: whole, or streamed chunk by chunk above :data:`STREAM_ABOVE` facts."""
    return facts_table(facts, width=width) if len(facts) <= STREAM_ABOVE else streamed_facts_table(facts, width=width)


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
    rows.append(("Claim", _text(fact.claim)))
    if fact.value is not None:
        rows.append(("Figure", _text(fact.value_text or "", "green")))
    for label, value in (("As of", fact.as_of), ("Date", fact.date), ("Place", fact.place)):
        if value:
            rows.append((label, _text(value)))
    rows.append(("Kind", _text(fact.kind)))
    if fact.actor is not None:
        rows.append((fact.actor.label, _text(f"{fact.actor.name}, {fact.actor.role}")))
    rows.append(("Quote", _text("“" + fact.quote + "”", "italic")))
    speaker = f"{fact.speaker.name}, {fact.speaker.role}"
    if fact.speaker.reported_by:
        speaker += f" (reported by {fact.speaker.reported_by})"
    rows.append(("Said by", _text(speaker)))
    if fact.note:
        rows.append(("Note", _text(fact.note, "dim")))
    source = fact.source
    rows.append(("Source", _text(f"{source.outlet}, {source.published}" +
                                 (f": {source.title}" if source.title else "") + f" [{source.id}]")))
    if source.url:
        rows.append(("URL", _text(source.url + (f" (accessed {source.accessed})" if source.accessed else ""))))
    rows.append(("Topics", _text(", ".join(f"{t.title} [{t.id}]" for t in fact.topics))))
    if fact.aliases:
        rows.append(("Aliases", _text(", ".join(fact.aliases))))
    disputed = [base.facts[i] for i in fact.conflicts_with if i in base.facts]
    labels = [label for label, _ in rows] + ["Replaces"] * bool(fact.replaces) + ["Disputed by"] * bool(disputed)
    label_width = max(cell_len(label) for label in labels)
    value_width = width - label_width - 2
    if fact.replaces:
        joined = ", ".join(fact.replaces)
        if cell_len(printable(joined)) <= value_width:
            rows.append(("Replaces", _text(joined, "dim")))
        else:  # one retired id a line, each whole
            rows += [("Replaces" if n == 0 else "", _Whole(i, "dim")) for n, i in enumerate(fact.replaces)]
    for other in disputed:
        said = f"{other.claim} ({other.speaker.name}, {other.source.outlet}, {other.source.published})"
        if cell_len(printable(f"⚠ {other.id}:")) <= value_width:
            rows.append(("Disputed by", _text(f"⚠ {other.id}: {said}", "yellow")))
        else:
            rows.append(("Disputed by", _Whole("⚠ " + other.id, "yellow")))
            rows.append(("", _text(said, "yellow")))

    parts: list[Any] = []
    grid: Table | None = None
    for label, cell in rows:
        if isinstance(cell, _Whole):
            grid = None
            shown = printable(cell.text)
            if label_width + 2 + cell_len(shown) <= width:
                line = _text(label.ljust(label_width) + "  ", "bold")
                line.append(shown, style=cell.style)
                line.no_wrap, line.overflow = True, "ignore"
                parts.append(line)
            else:
                if label:
                    parts.append(_text(label, "bold"))
                parts.append(_styled_line(shown, 0, cell.style))
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
        cell = _text(topic.title, "bold")
        cell.append("\n" + printable(topic.description), style="dim")
        table.add_row(_text(topic.id), str(counts[topic.id]), cell)
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
        cell = _text(f"{source.outlet}, {source.published}", "bold")
        if source.title:
            cell.append("\n" + printable(source.title), style="italic")
        cell.append(f"\n{printable(source.speaker.name)}, {printable(source.speaker.role)}")
        if source.url:
            cell.append("\n" + printable(source.url), style="cyan")
            if source.accessed:
                cell.append(f" (accessed {source.accessed})", style="dim")
        table.add_row(_text(source.id), str(counts[source.id]), cell)
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
            table.add_column(_text(header), no_wrap=True, min_width=longest, overflow="ignore")
        else:
            longest = min(longest, 20)  # other columns fold, but not down to nothing
            table.add_column(_text(header), min_width=longest, overflow="fold")
        needed += longest + 3
    if needed > width:
        table.width = needed
    for row in rows:
        # cells are printable already (formats.cell_text); Text keeps them from being markup
        table.add_row(*(_text(cell) for cell in row))
    return table


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
        cell = _text(fact.claim, "bold" if entry.status != "past" else "")
        who = fact.speaker.name + (f", reported by {fact.speaker.reported_by}" if fact.speaker.reported_by else "")
        cell.append(f"\n{fact.kind} · {printable(who)} ({printable(fact.source.outlet)}, {fact.source.published})",
                    style="cyan")
        grid.add_row(_text(fact.date or "", "green"), cell)
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


def citation_line(citation: "Citation", italic: bool = False) -> str:
    """A citation as one line; with ``italic`` (colour is on) its italic runs are set in italics.

    Written directly rather than through Rich so a long reference is never broken into
    lines: it is copied from the terminal as one.
    """
    return "".join(
        f"\x1b[3m{printable(text)}\x1b[23m" if italic and slanted else printable(text)
        for text, slanted in citation.runs
    )
