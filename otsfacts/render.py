"""What otsfacts prints for scripts: the JSON records, and the escaping all output shares.

Data from fact files is untrusted. It reaches the terminal only as Rich ``Text`` (never
parsed as markup) after :func:`printable` has made control characters visible, and
JSON escapes the same characters so a ``cat`` of the output cannot drive the terminal.
The views for people live apart (:mod:`otsfacts.cells`, :mod:`otsfacts.tables`,
:mod:`otsfacts.detail`, :mod:`otsfacts.timeline_view`) and import Rich only when they
lay something out, so the JSON path never pays for it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any, Iterable, TextIO

from otsfacts.model import Fact, Source, Topic
from otsfacts.hits import Hit
from otsfacts.shape import json_record

if TYPE_CHECKING:
    from otsfacts.cite import Citation

# Each pattern is compiled when first used: a table needs one, JSON the other.
@cache
def _unsafe() -> re.Pattern[str]:
    """C0 and C1 controls (but tab and newline), DEL, and the bidirectional overrides and
    isolates that can make text read differently from what it is."""
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@cache
def _unsafe_json() -> re.Pattern[str]:
    """The same, plus lone surrogates, inside JSON text (json.dumps only escapes C0)."""
    return re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def printable(text: str) -> str:
    r"""``text`` with every control, bidi-override or unpaired surrogate shown as an escape.

    >>> printable("red \x1b[31m, right-to-left \u202e, tab\t and newline\n kept")
    'red \\x1b[31m, right-to-left \\u202e, tab\t and newline\n kept'
    """
    text = _unsafe().sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                         else f"\\u{ord(m.group()):04x}", text)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def one_line(text: str) -> str:
    r"""``text`` :func:`printable` and on one line: newlines and tabs (in a file name, say)
    shown as ``\n`` and ``\t``, so no message can forge a line of its own.

    >>> print(one_line("two\nlines\tand a \x07bell"))
    two\nlines\tand a \x07bell
    """
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
            record["encoders"] = list(hit.encoders)
            record["not_answer"] = None if answer else hit.not_answer
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
    return _unsafe_json().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    """One JSON array, UTF-8, indented for people, safe for terminals."""
    out.write(json_text(list(records), indent=2) + "\n")


def citation_line(citation: "Citation", italic: bool = False) -> str:
    """A citation as one line; with ``italic`` (colour is on) its italic runs are set in italics.

    Written directly rather than through Rich so a long reference is never broken into
    lines: it is copied from the terminal as one.
    """
    return "".join(
        f"\x1b[3m{printable(text)}\x1b[23m" if italic and slanted else printable(text)
        for text, slanted in citation.runs
    )
