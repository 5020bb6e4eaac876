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


def source_ref(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "outlet": source.outlet,
        "title": source.title,
        "published": source.published,
        "url": source.url,
    }


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    return None if actor is None else {"name": actor.name, "role": actor.role, "act": actor.act}


def fact_record(fact: Fact, hit: Hit | None = None, explain: bool = False, answer: bool = True) -> dict[str, Any]:
    """The public JSON shape of a fact (see the README, version :data:`otsfacts.JSON_VERSION`);
    ``score`` only for search results."""
    record: dict[str, Any] = {
        "id": fact.id,
        "claim": fact.claim,
        "quote": fact.quote,
        "kind": fact.kind,
        "topics": [t.id for t in fact.topics],
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "as_of": fact.as_of,
        "date": fact.date,
        "place": fact.place,
        "speaker": {
            "name": fact.speaker.name,
            "role": fact.speaker.role,
            "reported_by": fact.speaker.reported_by,
        },
        "actor": actor_record(fact.actor),
        "source": source_ref(fact.source),
        "aliases": list(fact.aliases),
        "conflicts_with": list(fact.conflicts_with),
        "note": fact.note,
        "replaces": list(fact.replaces),
    }
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
    return {
        "id": topic.id,
        "title": topic.title,
        "description": topic.description,
        "aliases": list(topic.aliases),
        "count": count,
    }


def source_record(source: Source, count: int) -> dict[str, Any]:
    return {
        "id": source.id,
        "outlet": source.outlet,
        "title": source.title,
        "titles": dict(source.titles),
        "published": source.published,
        "language": source.language,
        "format": source.format,
        "speaker": {"name": source.speaker.name, "role": source.speaker.role},
        "archive": source.archive,
        "url": source.url,
        "accessed": source.accessed,
        "count": count,
    }


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


def fact_cell(fact: Fact, show_quote: bool = True) -> "Text":
    """The claim (with its figure), the quote that supports it, and its id and topics."""
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
    if fact.conflicts_with:
        cell.append("\n⚠ disputed by: " + ", ".join(fact.conflicts_with), style="yellow")
    cell.append(f"\n{fact.id} · {fact.kind} · " + ", ".join(t.id for t in fact.topics), style="dim")
    return cell


def facts_table(
    facts: Sequence[Fact], hits: Sequence[Hit] | None = None, *, show_quote: bool = True,
    explain: bool = False, title: str | None = None, width: int = 80,
) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, show_lines=True, expand=True, title=title,
                  title_justify="left")
    if hits is not None:
        table.add_column("Score", justify="right", width=5, no_wrap=True)
    table.add_column("Fact and evidence", ratio=1, overflow="fold")
    # attribution takes what it needs up to 30% of the width; the claim takes the rest
    table.add_column("Said by", min_width=12, max_width=max(12, min(26, width * 3 // 10)), overflow="fold")
    for number, fact in enumerate(facts):
        cells: list[Any] = []
        if hits is not None:
            cells.append(f"{hits[number].score:.0f}")
        cell = fact_cell(fact, show_quote)
        if explain and hits is not None:
            cell.append("\n" + explanation(hits[number]), style="magenta")
        cells += [cell, attribution(fact)]
        table.add_row(*cells)
    return table


#: Above this many facts a table is printed in chunks as it is laid out (see :func:`streamed_facts_table`).
STREAM_ABOVE = 200
#: Facts per chunk of a streamed table.
STREAM_CHUNK = 50


def streamed_facts_table(facts: Iterable[Fact], *, width: int = 80, chunk: int = STREAM_CHUNK) -> Iterator[Any]:
    """A long listing as :func:`facts_table` lays it out, in tables of ``chunk`` facts printed
    one after another: the columns have fixed widths (the attribution its widest, the
    claim the rest) so the chunks line up, and only the first has the header. The first
    rows print at once and memory holds one chunk's layout, not 100,000 facts'."""
    from rich import box
    from rich.table import Table

    said_by = max(12, min(26, width * 3 // 10))
    rows: list[Fact] = []
    first = True

    def table(part: list[Fact]) -> Any:
        made = Table(box=box.SIMPLE_HEAD, show_edge=False, show_lines=True, expand=True, show_header=first)
        made.add_column("Fact and evidence", ratio=1, overflow="fold")
        made.add_column("Said by", width=said_by, overflow="fold")
        for fact in part:
            made.add_row(fact_cell(fact), attribution(fact))
        return made

    for fact in facts:
        rows.append(fact)
        if len(rows) == chunk:
            if not first:
                yield ""  # the line between rows that a chunk boundary would lose
            yield table(rows)
            rows, first = [], False
    if rows:
        if not first:
            yield ""
        yield table(rows)


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


def fact_detail(fact: Fact, base: FactBase, width: int = 80) -> Any:
    """One fact in full, as labelled lines: ``show``'s human output.

    An id is never split: if it does not fit beside the labels in ``width`` columns,
    it stands whole on the first line, above them.
    """
    from rich.console import Group
    from rich.table import Table

    rows: list[tuple[str, "Text"]] = [("Claim", _text(fact.claim))]
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
    if fact.replaces:
        rows.append(("Replaces", _text(", ".join(fact.replaces), "dim")))
    for other_id in fact.conflicts_with:
        other = base.facts.get(other_id)
        if other is not None:
            line = (f"⚠ {other.id}: {other.claim} ({other.speaker.name}, "
                    f"{other.source.outlet}, {other.source.published})")
            rows.append(("Disputed by", _text(line, "yellow")))
    label_width = max(len(label) for label, _ in [("Fact", None), *rows])
    fits = label_width + 2 + len(fact.id) <= width
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    if fits:
        grid.add_row("Fact", _text(fact.id, "bold"))
    for label, cell in rows:
        grid.add_row(label, cell)
    return grid if fits else Group(_text(fact.id, "bold"), grid)


def topics_table(base: FactBase) -> Any:
    from rich import box
    from rich.table import Table

    counts = base.topic_counts()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("Topic", no_wrap=True, style="bold")
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
    table.add_column("Source", no_wrap=True, style="bold")
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


def fields_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Any:
    """``--fields`` in a table: one column per field, cells folded rather than cut."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for header in headers:
        table.add_column(_text(header), overflow="fold")
    for row in rows:
        # cells are printable already (formats.cell_text); Text keeps them from being markup
        table.add_row(*(_text(cell) for cell in row))
    return table


def conflict_cell(fact: Fact) -> "Text":
    """One side of a dispute: the claim, the quote, who said it, where and when, and the id."""
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
    cell.append("\n" + printable(fact.id), style="dim")
    return cell


def conflicts_table(pairs: Sequence[tuple[Fact, Fact]]) -> Any:
    """Each disagreement once, its two sides next to each other."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, show_lines=True, expand=True)
    table.add_column("One side", ratio=1, overflow="fold")
    table.add_column("Disputed by", ratio=1, overflow="fold")
    for fact, other in pairs:
        table.add_row(conflict_cell(fact), conflict_cell(other))
    return table


def citation_line(citation: "Citation", italic: bool = False) -> str:
    """A citation as one line; with ``italic`` (colour is on) its italic runs are set in italics.

    Written directly rather than through Rich so a long reference is never broken into
    lines: it is copied from the terminal as one.
    """
    return "".join(
        f"\x1b[3m{printable(text)}\x1b[23m" if italic and slanted else printable(text)
        for text, slanted in citation.runs
    )
