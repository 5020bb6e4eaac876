"""``otsfacts check``: the loader's validation plus a curator's warnings, as ``path:line:`` lines.

Errors are exactly what :func:`otsfacts.store.load_base` reports (a base with any does
not load). Warnings are things that load but read badly or search badly: a figure
without a structured value, a quote far longer than its claim, an abbreviation that
neither the fact's aliases nor any text of the base spells out, a topic no fact uses, a dispute listed on one side only, a deed
(proposal, initiative, decision) whose speaker is not the source's interviewee, and text
still holding the placeholders of ``otsfacts new``. They are worked out from the TOML
tables themselves, so a file with errors still gets its warnings in the same run.

The JSON Schema of fact files (``fact-file.schema.json``, shipped beside this module)
mirrors the loader's checks of each entry for editors; it is read here too.
"""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

from otsfacts.errors import FactBaseError, Problem
from otsfacts.filters import date_bounds
from otsfacts.paths import builtin_dir, env_paths, fact_files, unique
from otsfacts.factfile import id_lines
from otsfacts.store import load_base

#: The schema file, shipped inside the package.
SCHEMA_FILE = "fact-file.schema.json"

#: A quote is "much longer" than its claim past both of these.
QUOTE_RATIO = 3.0
QUOTE_MIN_LENGTH = 200

#: What ``otsfacts new`` leaves for the curator to replace.
PLACEHOLDER = "TODO"

_TABLES = ("source", "topic", "fact")


def schema_text() -> str:
    """The JSON Schema of fact files, as shipped (``otsfacts schema`` prints it)."""
    from importlib.resources import files

    return files("otsfacts").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema of fact files, parsed."""
    parsed: dict[str, Any] = json.loads(schema_text())
    return parsed


@dataclass
class Report:
    """What ``check`` found in the files it was given."""

    files: list[str]
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_TABLES, 0))

    def lines(self, relative_to: Path | None = None) -> list[str]:
        """Every finding as ``path:line: error|warning: entry: field: message``, by file and line.

        Paths inside ``relative_to`` (the working directory) are shown relative to it.
        """
        rank = {path: n for n, path in enumerate(self.files)}
        found: list[tuple[tuple[int, int, int], str]] = []
        for problem in self.errors:
            found.append(((rank.get(problem.path, -1), problem.line or 0, 0),
                          _line(problem, "error", relative_to)))
        for warning in self.warnings:
            found.append(((rank.get(warning.path, -1), warning.line or 0, 1),
                          _line(warning, "warning", relative_to)))
        return [text for _, text in sorted(found, key=lambda f: f[0])]

    def summary(self) -> str:
        counts = ", ".join(_plural(self.counts[kind], kind) for kind in _TABLES)
        return (f"checked {_plural(len(self.files), 'file')} ({counts}): "
                f"{_plural(len(self.errors), 'error')}, {_plural(len(self.warnings), 'warning')}")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _shown(path: str, relative_to: Path | None) -> str:
    if relative_to is None:
        return path
    try:
        return str(Path(path).relative_to(relative_to))
    except ValueError:
        return path


def _line(item: Problem, severity: str, relative_to: Path | None = None) -> str:
    return item.describe(severity, _shown(item.path, relative_to))


# ------------------------------------------------------------------------ raw entries


@dataclass
class _Entry:
    """One table as written, with the lines of its keys (to point warnings at them)."""

    kind: str
    table: dict[str, Any]
    path: str
    start: int  # line of its [[kind]] header, or of its id
    keys: dict[str, int]

    @property
    def id(self) -> str | None:
        value = self.table.get("id")
        return value if isinstance(value, str) else None

    def line(self, key: str | None = None) -> int:
        return self.keys.get(key, self.keys.get("id", self.start)) if key else self.keys.get("id", self.start)

    def text(self, key: str) -> str | None:
        value = self.table.get(key)
        return value if isinstance(value, str) else None

    def texts(self, key: str) -> list[str]:
        value = self.table.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(source|topic|fact)[ \t]*\]\]", re.M)
# A table header line, [name] or [[name]], that ends the entry before it.
_ANY_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*[A-Za-z0-9_.\"' -]+[ \t]*\]\]?[ \t]*(#.*)?$", re.M)
_KEY = re.compile(r"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=", re.M)
_NEWLINE = re.compile("\n")


def _entries(path: str, text: str, document: dict[str, Any]) -> Iterator[_Entry]:
    """The document's tables with their key lines, matched to their ``[[kind]]`` headers in order."""
    headers: dict[str, list[re.Match[str]]] = {kind: [] for kind in _TABLES}
    for match in _HEADER.finditer(text):
        headers[match.group(1)].append(match)
    newlines = [m.start() for m in _NEWLINE.finditer(text)]  # one pass: a line is a bisect, not a count

    def line_of(position: int) -> int:
        return bisect_right(newlines, position - 1) + 1

    ids: dict[str, int] | None = None
    for kind in _TABLES:
        tables = document.get(kind)
        if not isinstance(tables, list):
            continue
        for index, table in enumerate(tables):
            if not isinstance(table, dict):
                continue
            keys: dict[str, int] = {}
            if len(headers[kind]) == len(tables):
                header = headers[kind][index]
                following = _ANY_HEADER.search(text, header.end())
                end = following.start() if following else len(text)
                for key in _KEY.finditer(text, header.end(), end):
                    keys.setdefault(key.group(1), line_of(key.start()))
                start_line = line_of(header.start())
            else:  # written some other way (inline tables): fall back to the id's line
                if ids is None:
                    ids = id_lines(text)
                entry_id = table.get("id")
                start_line = (ids.get(entry_id) if isinstance(entry_id, str) else None) or 1
            yield _Entry(kind, table, path, start_line, keys)


def _read(path: Path) -> list[_Entry]:
    """The entries of one file; nothing if it cannot be read or parsed (the loader says why)."""
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")  # the loader skips it too
        document = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return []
    return list(_entries(str(path), text, document))


# ------------------------------------------------------------------------ the checks


def check_paths(paths: Sequence[Path | str] = (), *, builtin: bool = True, allow_override: bool = False,
                use_env: bool = True) -> Report:
    """Check fact files: those ``paths`` and ``OTSFACTS_PATH`` (unless ``use_env`` is false)
    name, as every command reads them; the built-in base when they name none.

    Named files are loaded on top of the built-in base (unless ``builtin`` is false), as
    ``--facts`` loads them, so they may use its sources and topics; warnings are given
    for the named files only.
    """
    named = [*(env_paths() if use_env else []), *(Path(p) for p in paths)]
    context_files = list(fact_files([builtin_dir()])) if builtin or not named else []
    checked = context_files
    if named:
        checked = []
        for path in named:
            try:
                checked.extend(fact_files([path]) if path.exists() else [])
            except OSError:
                checked.append(path)  # too long a name, a folder that cannot be searched: the loader says why
        checked = unique(checked)
    report = Report(files=[str(p) for p in checked])
    try:
        if named:
            load_base([Path(p) for p in paths], builtin=builtin, use_env=use_env, allow_override=allow_override)
        else:
            load_base(builtin=True, use_env=False)
    except FactBaseError as error:
        report.errors = list(error.problems)

    entries = [e for p in dict.fromkeys([*context_files, *checked]) for e in _read(p)]
    places = _Places(entries)
    report.errors = [_at_key(problem, places) for problem in report.errors]
    mine = set(report.files)
    for entry in entries:
        if entry.path in mine:
            report.counts[entry.kind] += 1
    report.errors += [e for e in placeholder_errors(entries) if e.path in mine]
    report.warnings = [w for w in warnings(entries) if w.path in mine]
    for path in checked:
        try:
            with open(path, "rb") as handle:
                marked = handle.read(3) == BYTE_ORDER_MARK_BYTES
        except OSError:
            continue
        if marked:
            report.warnings.append(Problem(str(path), "starts with a byte-order mark: otsfacts skips it, but "
                                           "TOML does not allow one; save as UTF-8 without BOM", line=1))
    if builtin or not named:  # the built-in base is checked: so is the glossary shipped with it
        errors, warned = glossary_problems()
        report.errors += errors
        report.warnings += warned
    return report


# ------------------------------------------------------------------------ the glossary


def glossary_problems(path: Path | None = None,
                      known: Callable[[str], bool] | None = None) -> tuple[list[Problem], list[Problem]]:
    """The errors and warnings of the glossary at ``path`` (the shipped one by default):
    an English word that ``known`` (by default: the built-in base's search words) does not
    hold, a concept without words, a word that is empty or not one search word, a word
    that is its own translation, a word listed twice under one concept."""
    from otsfacts.glossary import GLOSSARY_FILE
    from otsfacts.factfile import read_document
    from otsfacts.text import fold, join_apostrophes, tokens

    path = GLOSSARY_FILE if path is None else path
    document, problem = read_document(path)
    if document is None:
        return ([problem] if problem else []), []
    if known is None:
        known = _builtin_words()
    lines = path.read_text(encoding="utf-8").removeprefix("\ufeff").split("\n")
    starts = _glossary_key_lines(lines)
    errors: list[Problem] = []
    warned: list[Problem] = []
    for english, words in document.items():
        line = starts.get(english)
        end = min((n for n in starts.values() if line is not None and n > line), default=len(lines) + 1)

        def at(word: str, again: bool = False, line: int | None = line,
               end: int = end) -> int | None:  # the line of ``word`` in its concept's list
            quoted = json.dumps(word, ensure_ascii=False)
            found = [number for number in range(line or 1, end)
                     if quoted in _values(lines[number - 1]) or f"'{word}'" in _values(lines[number - 1])]
            return found[min(int(again), len(found) - 1)] if found else line

        def error(message: str, where: int | None = line, english: str = english) -> None:
            errors.append(Problem(str(path), message, entry=english, line=where))

        if not english.split():
            error("an empty English key")
        for target in english.split():
            if known is not None and not known(target):
                error(f"{target!r} is not a word of the built-in base, so nothing would match it")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            error("must be a list of words in quotes")
            continue
        if not words:
            error("no words: list the concept in the other languages, or remove it")
        seen: set[str] = set()
        for word in words:
            if not word.strip():
                error("an empty word", at(word))
                continue
            found = tokens(join_apostrophes(word))
            if len(found) != 1:
                error(f"{word!r} is not one search word: list each word on its own", at(word))
            elif fold(join_apostrophes(word)) in english.split():
                warned.append(Problem(str(path), f"{word!r} is its own translation: it needs no entry",
                                      entry=english, line=at(word)))
            if word in seen:
                warned.append(Problem(str(path), f"{word!r} is listed twice", entry=english,
                                      line=at(word, again=True)))
            seen.add(word)
    return errors, warned


_GLOSSARY_KEY = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _values(text: str) -> str:
    """A line of the glossary without the key it starts with, if any."""
    match = _GLOSSARY_KEY.match(text)
    return text[match.end():] if match else text


def _glossary_key_lines(lines: list[str]) -> dict[str, int]:
    """The line each concept of the glossary starts on."""
    starts: dict[str, int] = {}
    for number, text in enumerate(lines, 1):
        match = _GLOSSARY_KEY.match(text)
        if match:
            key = match.group(1)
            if key.startswith('"'):
                try:
                    key = json.loads(key)
                except ValueError:
                    continue
            starts.setdefault(key.strip("'"), number)
    return starts


def _builtin_words() -> Callable[[str], bool] | None:
    """Whether a word is one of the built-in base's search words; None when the built-in
    base does not load (its errors are reported already)."""
    from otsfacts.search import SearchIndex

    try:
        postings = SearchIndex.from_base(load_base(builtin=True, use_env=False)).postings
    except FactBaseError:
        return None
    return postings.__contains__


BYTE_ORDER_MARK_BYTES = b"\xef\xbb\xbf"


def pointed(problems: Sequence[Problem]) -> list[Problem]:
    """Loading problems pointed at the lines ``check`` gives them (their key's line), so a
    command that cannot load a file and ``check`` agree on where the problem is."""
    paths = dict.fromkeys(Path(p.path) for p in problems if p.entry and p.field)
    places = _Places([e for path in paths for e in _read(path)])
    found = [_at_key(problem, places) for problem in problems]
    order = {path: n for n, path in enumerate(dict.fromkeys(p.path for p in found))}
    return sorted(found, key=lambda p: (order[p.path], p.line or 0))  # each file's first problem first


_NUMBERED = re.compile(r"(source|topic|fact) #(\d+)")


class _Places:
    """Entries indexed once by (file, id) and by (file, kind), so matching every problem to its
    entry stays linear in a base with thousands of problems."""

    def __init__(self, entries: Sequence[_Entry]) -> None:
        self.by_id: dict[tuple[str, str | None], list[_Entry]] = {}
        self.by_kind: dict[tuple[str, str], list[_Entry]] = {}
        for entry in entries:
            self.by_id.setdefault((entry.path, entry.id), []).append(entry)
            self.by_kind.setdefault((entry.path, entry.kind), []).append(entry)


def _at_key(problem: Problem, places: _Places) -> Problem:
    """The problem pointed at the line of the key it is about, not at its entry's id."""
    if not (problem.entry and problem.field and problem.column is None):
        return problem
    numbered = _NUMBERED.fullmatch(problem.entry)
    if numbered:  # an entry without a usable id, named by its place in the file
        same = places.by_kind.get((problem.path, numbered.group(1)), [])
        number = int(numbered.group(2))
        if number <= len(same):
            return replace(problem, line=same[number - 1].line(problem.field))
        return problem
    found = places.by_id.get((problem.path, problem.entry), [])
    if len(found) != 1 or problem.field not in found[0].keys:
        return problem
    return replace(problem, line=found[0].keys[problem.field])


def warnings(entries: Sequence[_Entry]) -> Iterator[Problem]:
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


def placeholder_errors(entries: Sequence[_Entry]) -> Iterator[Problem]:
    """Text still as ``otsfacts new`` wrote it: loads, but is not a fact yet (an error)."""
    for entry in entries:
        if entry.kind in ("fact", "source", "topic"):
            yield from _placeholders(entry)


def _warn(entry: _Entry, message: str, key: str | None = None, shown: str | None = None) -> Problem:
    """A warning: the same shape as a loading error, reported apart from them."""
    return Problem(entry.path, message, entry.id, shown or key, entry.line(key))


def _fact_warnings(entry: _Entry, by_id: dict[str, _Entry], inherited: list[str],
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


def _deed_warnings(entry: _Entry) -> Iterator[Problem]:
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


def _placeholders(entry: _Entry) -> Iterator[Problem]:
    for key, value in entry.table.items():
        inner = value.values() if isinstance(value, dict) else [value]  # a speaker's name and role too
        if any(isinstance(v, str) and v.lstrip().startswith(PLACEHOLDER) for v in inner):
            yield _warn(entry, f"still holds the {PLACEHOLDER} placeholder of 'otsfacts new'", key)


# -------------------------------------------------------------------- abbreviations

_WORDS = re.compile(r"[^\W_]+")
_ROMAN = re.compile(r"[IVX]+")
# Words an expansion may skip ("Organization *of* Turkic States").
_SKIPPABLE = frozenset("a an and the of for in on at to by with de du la le ve və и".split())
_HYPHENS = re.compile(r"[-‐‑–—]")


def abbreviations(text: str) -> list[str]:
    """All-caps words (two capitals or more, digits allowed: TITR, OTS, COP29), not Roman numerals."""
    found: list[str] = []
    for word in _WORDS.findall(text):
        if not word.isupper():  # a quick no for nearly every word: it has a lowercase letter or none cased
            continue
        letters = [c for c in word if c.isalpha()]
        if (len(letters) >= 2 and all(c.isupper() for c in letters) and not _ROMAN.fullmatch(word)
                and word != PLACEHOLDER):
            if word not in found:
                found.append(word)
    return found


def uncovered_abbreviations(table: dict[str, Any], inherited: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The claim's and quote's abbreviations that the fact's aliases neither hold nor spell out.

    An abbreviation is covered by an alias that has it as a word, by its unit (GW), or by
    an expansion whose words' initials spell it, in an alias or in the claim or quote
    themselves ("Organization of Turkic States" covers OTS). ``inherited`` are the aliases
    search gives the fact from its topics and source, which cover it as well.
    """
    def strings(key: str) -> list[str]:
        value = table.get(key)
        if isinstance(value, str):
            return [value]
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    aliases = strings("aliases") + list(inherited)
    alias_words = {w for alias in aliases for w in _WORDS.findall(alias)}
    unit_words = {w for unit in strings("unit") for w in _WORDS.findall(unit)}
    phrases = aliases + strings("claim") + strings("quote")
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for key in ("claim", "quote"):
        for abbreviation in abbreviations(" ".join(strings(key))):
            if abbreviation in seen:
                continue
            seen.add(abbreviation)
            if abbreviation in alias_words or abbreviation in unit_words:
                continue
            if any(spells_out(abbreviation, phrase) for phrase in phrases):
                continue
            found.append((abbreviation, key))
    return found


def spelled_out_anywhere(entries: Sequence[_Entry]) -> frozenset[str]:
    """The facts' abbreviations that some entry of the base spells out, in any text or alias.

    A base that says once what OTS stands for need not say it again in every fact that
    uses it: only abbreviations the whole base leaves unexplained are worth a warning.
    """
    phrases = [text for e in entries for key in ("claim", "quote", "title", "aliases") for text in _phrases(e, key)]
    used = {a for e in entries if e.kind == "fact" for key in ("claim", "quote")
            for a in abbreviations(e.text(key) or "")}
    return frozenset(a for a in used if any(spells_out(a, phrase) for phrase in phrases))


def _phrases(entry: _Entry, key: str) -> list[str]:
    text = entry.text(key)
    return [text] if text else entry.texts(key)


def spells_out(abbreviation: str, phrase: str) -> bool:
    """Whether consecutive words of ``phrase`` spell ``abbreviation``.

    Each word gives its initial and may give later letters of its own, in order
    ("Association of SouthEast Asian Nations" spells ASEAN); small words may be skipped;
    hyphenated words count as one word or as several (Trans-Caspian, Co-operation).
    """
    from otsfacts.text import fold

    letters = fold("".join(c for c in abbreviation if c.isalpha()))
    if len(letters) < 2:
        return False
    for split in (phrase.split(), _HYPHENS.sub(" ", phrase).split()):
        bare = [w for w in ("".join(c for c in w if c.isalnum()) for w in split) if w]
        # an abbreviation in the phrase (OTS itself, or another) spells nothing out
        words = ["\0" if abbreviations(w) and len(w) <= len(abbreviation) else fold(w) for w in bare]
        spell = _Speller(letters, words)
        if any(spell(0, start, 0) for start in range(len(words))):
            return True
    return False


class _Speller:
    """Whether ``words[index:]`` spell ``letters[taken:]``, with at least two words giving letters.

    (One word cannot spell out an abbreviation: it would be the abbreviation itself.)
    Each answer is remembered by (letters taken, word, words used up to two): the search
    is polynomial, where trying every split afresh was exponential in a long abbreviation.
    """

    def __init__(self, letters: str, words: list[str]) -> None:
        self.letters, self.words = letters, words
        self.known: dict[tuple[int, int, int], bool] = {}

    def __call__(self, taken: int, index: int, used: int) -> bool:
        key = (taken, index, min(used, 2))
        answer = self.known.get(key)
        if answer is None:
            answer = self.known[key] = self._spell(taken, index, min(used, 2))
        return answer

    def _spell(self, start: int, index: int, used: int) -> bool:
        letters, words = self.letters, self.words
        if start == len(letters):
            return used >= 2
        if index >= len(words):
            return False
        word = words[index]
        if word[0] == letters[start]:
            # this word gives its initial and then any number of its later letters, in order
            taken, position = start + 1, 1
            options = [taken]
            while taken < len(letters):
                found = word.find(letters[taken], position)
                if found < 0:
                    break
                taken, position = taken + 1, found + 1
                options.append(taken)
            if any(self(n, index + 1, used + 1) for n in reversed(options)):
                return True
        return used > 0 and word in _SKIPPABLE and self(start, index + 1, used)
