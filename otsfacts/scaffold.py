"""``otsfacts new``: a [[fact]], [[source]] or [[topic]] entry for a curator to fill in, valid as printed.

The block loads as it is (its placeholders are strings the loader accepts), so a
curator can append it to a file and let ``otsfacts check`` point at what is left to do:
the ``TODO`` placeholders, and a figure's missing value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Collection, Sequence

from otsfacts.choices import PLACEHOLDER
from otsfacts.errors import OtsfactsError
from otsfacts.model import ACTS, FACT_KINDS, QUALIFIERS, TABLES, Fact, FactBase, Source, Topic
from otsfacts.shape import new_lines

# Words a slug can do without.
_SLUG_SKIP = frozenset("""a an the and or of to in on at by for from with as is are was were be been will
would that this these those it its his her their says said say according""".split())
_SLUG_WORDS = 6


def slug_words(text: str) -> list[str]:
    """The words of ``text`` in lowercase ASCII for a slug: Cyrillic transliterated,
    Turkic and other accented letters folded (Ə, ı, ş, ğ, ö, ü, ç)."""
    from otsfacts.text import fold, transliterated

    return re.findall(r"[a-z0-9]+", fold(transliterated(text.casefold())))


def free_id(stem: str, taken: Collection[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... whichever ``taken`` does not hold."""
    candidate, number = stem, 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}", number + 1
    return candidate


def suggest_id(base: FactBase, topics: Sequence[Topic], claim: str | None = None,
               taken: Collection[str] = ()) -> str:
    """A slug for a new fact: from the claim's first significant words, else from its topic.

    Made unique in ``base`` (and among ``taken``, the ids of the file it goes into) with a
    number when needed.
    """
    words: list[str] = []
    if claim:
        words = [w for w in slug_words(claim) if w not in _SLUG_SKIP][:_SLUG_WORDS]
    stem = "-".join(words) or f"{topics[0].id if topics else 'new'}-new-fact"
    return free_id(stem, {*base.facts, *taken})


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
    taken: Collection[str] = (),
) -> str:
    """A commented [[fact]] entry under ``source`` and ``topics``, ready to fill in; its id
    free in ``base`` and among ``taken``."""
    fact_id = suggest_id(base, topics, claim, taken)
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
        *new_lines(Fact, speaker=_comment(source.speaker.name), acts=", ".join(ACTS[:3]),
                   qualifiers=", ".join(QUALIFIERS[:6])),
    ]
    width = max(len(code) for code, _ in lines if len(code) <= 40) + 2
    body = "\n".join(f"{code:<{width}}# {note}" if len(code) < width else f"{code}  # {note}"
                     for code, note in lines)
    header = (
        f"# A new fact from {_comment(source.outlet)}, {source.published}: {_comment(speaker)}.\n"
        f"# Replace the {PLACEHOLDER}s, then: otsfacts check FILE, and otsfacts verify --archive DIR.\n"
    )
    return header + "[[fact]]\n" + body + "\n"


def source_block(base: FactBase, outlet: str | None = None, published: str | None = None,
                 taken: Collection[str] = ()) -> str:
    """A commented [[source]] entry to fill in, valid as printed; its id from the outlet and
    date (``my-outlet-2025-03-04``), free in ``base`` and among ``taken``."""
    stem = "-".join([*slug_words(outlet or "")[:4], *([published] if published else [])]) or "new-source"
    source_id = free_id(stem, {*base.sources, *taken})
    day = published or "2025-01-01"
    lines = [
        (f"id = {toml_string(source_id)}", "lowercase slug, unique: outlet and date"),
        (f"outlet = {toml_string(outlet or PLACEHOLDER + ': the publication')}", "the periodical, not the author"),
        (f"published = {day}", "a TOML date, unquoted" + ("" if published else f": {PLACEHOLDER}, the real date")),
        ('language = "en"', "language of the archived text"),
        (f"speaker = {{ name = {toml_string(PLACEHOLDER + ': who speaks')}, role = {toml_string(PLACEHOLDER + ': their role')} }}",
         "the person interviewed"),
        (f"archive = {toml_string(source_id + '.txt')}", "file name of the archived text (verify --archive DIR)"),
        *new_lines(Source),
    ]
    return _block("source", lines, f"# A new source. Replace the {PLACEHOLDER}s, then: otsfacts check FILE.\n")


def topic_block(base: FactBase, title: str | None = None, taken: Collection[str] = ()) -> str:
    """A commented [[topic]] entry to fill in, valid as printed; its id from the title."""
    stem = "-".join(w for w in slug_words(title or "") if w not in _SLUG_SKIP)[:40].strip("-") or "new-topic"
    topic_id = free_id(stem, {*base.topics, *taken})
    lines = [
        (f"id = {toml_string(topic_id)}", "lowercase slug, unique"),
        (f"title = {toml_string(title or PLACEHOLDER + ': the heading readers browse by')}", "a few words"),
        (f"description = {toml_string(PLACEHOLDER + ': what facts belong here')}", "one sentence"),
        *new_lines(Topic),
    ]
    return _block("topic", lines, f"# A new topic. Replace the {PLACEHOLDER}s, then: otsfacts check FILE.\n")


def _block(kind: str, lines: list[tuple[str, str]], header: str) -> str:
    width = max(len(code) for code, _ in lines if len(code) <= 40) + 2
    body = "\n".join(f"{code:<{width}}# {note}" if len(code) < width else f"{code}  # {note}"
                     for code, note in lines)
    return header + f"[[{kind}]]\n" + body + "\n"


def ids_in(text: str) -> set[str]:
    """Every id a fact file's ``text`` defines, in any table; raises ``ValueError`` if it is
    not TOML."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised only on Python 3.10
        import tomli as tomllib

    document = tomllib.loads(text.removeprefix("\ufeff"))
    return {entry["id"] for kind in TABLES for entry in document.get(kind, [])
            if isinstance(entry, dict) and isinstance(entry.get("id"), str)}


# ---------------------------------------------------------------- what `otsfacts new` does


def read_entries(into: Path | None) -> tuple[str, set[str]]:
    """The text of the fact file ``into`` and the ids it defines ('' and none when there is
    no such file). Raises :class:`OtsfactsError` when it cannot be read as TOML."""
    if into is None or not into.exists():
        return "", set()
    try:
        existing = into.read_text(encoding="utf-8")
        return existing, ids_in(existing)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise OtsfactsError(f"cannot add to {into}: {error} (otsfacts check {into})") from None


def new_entry(base: FactBase, what: str, taken: Collection[str], *, source: str | None = None,
              topics: Sequence[str] | None = None, kind: str = "statement", claim: str | None = None,
              outlet: str | None = None, published: str | None = None, title: str | None = None) -> str:
    """A new ``what`` (fact, source or topic) entry with an id free in ``base`` and ``taken``;
    a fact's source and topics are resolved by name (with suggestions when unknown)."""
    from otsfacts.filters import parse_date, resolve_source, resolve_topic, split_values

    if what == "source":
        if published is not None and len(parse_date("--published", published)) != 10:
            raise OtsfactsError(f"--published takes a day, YYYY-MM-DD, not {published!r}")
        return source_block(base, outlet, published, taken)
    if what == "topic":
        return topic_block(base, title, taken)
    if source is None or not topics:
        raise OtsfactsError("a new fact needs --source ID and at least one --topic ID "
                            "(otsfacts sources, otsfacts topics)")
    source_id = resolve_source(base, source)
    topic_ids = [resolve_topic(base, t) for t in split_values(topics)]
    return fact_block(base, base.sources[source_id], [base.topics[t] for t in dict.fromkeys(topic_ids)],
                      kind=kind, claim=claim, taken=taken)


def append_entry(into: Path, existing: str, block: str) -> str:
    """Append ``block`` to the file ``into``, whose text was ``existing``; return the new entry's id."""
    separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    try:
        with open(into, "a", encoding="utf-8") as handle:
            handle.write(separator + block)
    except OSError as error:
        raise OtsfactsError(f"cannot write {into}: {error.strerror or error}") from None
    new_id = re.search(r'^id = "([^"]+)"', block, re.M)
    return new_id.group(1) if new_id else ""
