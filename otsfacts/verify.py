"""Check every fact's quote against the archived text of its source.

Only whitespace, typographic quote marks and dashes may differ; a quote in several
parts is joined with " … " (or "...") and each part must appear, in order. A failing
part is shown with the archive's closest passage and the words that differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable, Sequence

from otsfacts.errors import ArchiveError
from otsfacts.model import Fact, FactBase

#: How quote parts are joined when a claim needs two separate passages.
PART_SEPARATOR = " … "
# ... is accepted beside …, as people type it.
_PARTS = re.compile(r"\s*(?:…|\.\.\.)\s*")

_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201a\u201b\u2032`]")
_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold the differences a faithful quote may have: spacing, quote marks, dashes."""
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class QuoteFailure:
    """A fact whose quote (or one part of it) is not in its source's archived text."""

    fact_id: str
    source_id: str
    missing: str  # the part not found, as written in the fact
    closest: str = ""  # the archive's passage nearest to it, normalised ("" if none is near)
    path: str = ""  # the fact's file, when asked for
    line: int | None = None  # and the line of its id there

    def __str__(self) -> str:
        shown = self.missing if len(self.missing) <= 120 else self.missing[:117] + "..."
        where = self.path + (f":{self.line}" if self.line else "") + ": " if self.path else ""
        return f"{where}{self.fact_id}: not found in {self.source_id}: \"{shown}\""

    def details(self) -> list[str]:
        """The closest passage, and the quote's words against it: ``[-quote's-]{+archive's+}``."""
        if not self.closest:
            return []
        return [f"  closest passage: \"{self.closest}\"", "  differing words: " + word_diff(self.missing, self.closest)]


def quote_parts(quote: str) -> list[str]:
    """A quote's separate passages: joined by ``…`` or ``...``."""
    return [part for part in _PARTS.split(quote)]


def find_missing_part(quote: str, archive_text: str) -> str | None:
    """The first part of ``quote`` not found (in order) in ``archive_text``, or None."""
    position = 0
    for part in quote_parts(quote):
        wanted = normalise(part)
        found = archive_text.find(wanted, position) if wanted else -1
        if found < 0:
            return part
        position = found + len(wanted)
    return None


def closest_passage(part: str, archive_text: str) -> str:
    """The words of ``archive_text`` nearest to ``part`` (a near miss: a typo, a changed
    figure), or "" when nothing is near enough to help."""
    from rapidfuzz import fuzz

    wanted = normalise(part)
    if not wanted:
        return ""
    found = fuzz.partial_ratio_alignment(wanted, archive_text, score_cutoff=60)
    if found is None:
        return ""
    start, end = found.dest_start, found.dest_end
    # widen to whole words
    while start > 0 and not archive_text[start - 1].isspace():
        start -= 1
    while end < len(archive_text) and not archive_text[end].isspace():
        end += 1
    # without the punctuation around the passage (the quote marks it was quoted in)
    return archive_text[start:end].strip().strip("\"'.,;:!?()")


def word_diff(quote: str, passage: str) -> str:
    """``quote``'s words against ``passage``'s, as git's word diff shows them: words only
    the quote has in ``[-...-]``, words only the archive has in ``{+...+}``."""
    import difflib

    mine, theirs = normalise(quote).split(), passage.split()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False).get_opcodes():
        if tag == "equal":
            out += mine[i1:i2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(mine[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(theirs[j1:j2]) + "+}")
    return " ".join(out)


class VerifyReport:
    """What ``verify`` found: the failures, the facts checked, and the sources whose
    archive was absent but whose own file was not being checked (warnings)."""

    def __init__(self, failures: list[QuoteFailure], checked: int, unchecked: dict[str, int]) -> None:
        self.failures, self.checked, self.unchecked = failures, checked, unchecked


def _archive_path(archive_dirs: Sequence[Path], name: str) -> Path | None:
    for folder in archive_dirs:
        path = folder / name
        if path.is_file():
            return path
    return None


def verify_quotes(base: FactBase, archive_dir: Path | Sequence[Path], facts: Iterable[Fact] | None = None,
                  checked_files: Collection[str] | None = None) -> list[QuoteFailure]:
    """Every quote failure among ``facts`` (default: all of ``base``); raises
    :class:`ArchiveError` if an archive they need is missing."""
    report = verify(base, archive_dir, facts, checked_files)
    return report.failures


def verify(base: FactBase, archive_dir: Path | Sequence[Path], facts: Iterable[Fact] | None = None,
           checked_files: Collection[str] | None = None, where: bool = False) -> VerifyReport:
    """Check the quotes of ``facts`` (default: all of ``base``) against the archives found
    in ``archive_dir`` (one folder or several, searched in order).

    A source whose archive is in none of them is an :class:`ArchiveError` when the source
    is defined in one of ``checked_files`` (the curator's own; all files when None), and
    otherwise a warning: its facts are counted in ``unchecked`` instead.
    """
    dirs = [archive_dir] if isinstance(archive_dir, Path) else list(archive_dir)
    chosen = list(base.facts.values() if facts is None else facts)
    needed = dict.fromkeys(f.source.id for f in chosen)
    if checked_files is not None:  # the checked files' own sources are checked too
        needed.update(dict.fromkeys(s.id for s in base.sources.values() if s.path in checked_files))
    texts: dict[str, str] = {}
    unchecked: dict[str, int] = {}
    shown = " or ".join(str(d) for d in dirs)
    for source_id in needed:
        source = base.sources[source_id]
        path = _archive_path(dirs, source.archive)
        if path is None:
            if checked_files is None or source.path in checked_files:
                raise ArchiveError(f"archive of source {source.id!r} not found: "
                                   f"{source.archive} in {shown}")
            unchecked[source_id] = 0
            continue
        try:
            texts[source.id] = normalise(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise ArchiveError(f"cannot read archive of source {source.id!r}: {path}: {error}") from None
    failures = []
    checked = 0
    files: dict[str, str | None] = {}
    for fact in chosen:
        if fact.source.id in unchecked:
            unchecked[fact.source.id] += 1
            continue
        checked += 1
        text = texts[fact.source.id]
        missing = find_missing_part(fact.quote, text)
        if missing is not None:
            failures.append(QuoteFailure(fact.id, fact.source.id, missing, closest_passage(missing, text),
                                         fact.path if where else "", _line(fact, files) if where else None))
    return VerifyReport(failures, checked, unchecked)


def _line(fact: Fact, files: dict[str, str | None]) -> int | None:
    """The line of a fact's id in its file (each file read once, and only for a failure)."""
    from otsfacts.store import id_line

    if not fact.path:
        return None
    if fact.path not in files:
        try:
            files[fact.path] = Path(fact.path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            files[fact.path] = None
    text = files[fact.path]
    return id_line(text, fact.id) if text is not None else None
