"""Check every fact's quote against the archived text of its source, and whose words it is.

Only whitespace, typographic quote marks and dashes may differ; a quote in several
parts is joined with " … " (or "...") and each part must appear, in order. A failing
part is shown with the archive's closest passage and the words that differ.

A fact's ``speaker`` is whose words the quote is. When that is not the source's own
interviewee, the quote must be that person's words as the text quotes them: its last
part must lie inside a quotation opened just after their name ("Aliyev underlined:
“This is ..."). A deed reported in the interviewee's words ("Uzbekistan's proposal of
...", "the Leaders agreed to ...") fails: who acted belongs in ``actor``, not ``speaker``.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Collection, Iterable, Sequence

from otsfacts.errors import ArchiveError
from otsfacts.model import Fact, FactBase

#: An archived text bigger than this is refused (a news interview is tens of kilobytes).
ARCHIVE_SIZE_CAP = 16 * 1024 * 1024

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


@dataclass(frozen=True)
class SpeakerFailure:
    """A fact whose speaker is not the source's interviewee, with a quote that is not their words."""

    fact_id: str
    source_id: str
    speaker: str
    path: str = ""  # the fact's file, when asked for
    line: int | None = None  # and the line of its id there

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "") + ": " if self.path else ""
        return (f"{where}{self.fact_id}: speaker: the quote is not {self.speaker}'s own words in {self.source_id} "
                f"(who acted goes in actor)")

    def details(self) -> list[str]:
        """Nothing more to show: the quote is in the text, in someone else's mouth."""
        return []


def _find_parts(quote: str, archive_text: str) -> tuple[str | None, int]:
    """The first part of ``quote`` not found (in order) and where the last one found ends."""
    position = 0
    for part in quote_parts(quote):
        wanted = normalise(part)
        found = archive_text.find(wanted, position) if wanted else -1
        if found < 0:
            return part, position
        position = found + len(wanted)
    return None, position


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

    def __init__(self, failures: list[QuoteFailure | SpeakerFailure], checked: int,
                 unchecked: dict[str, int]) -> None:
        self.failures, self.checked, self.unchecked = failures, checked, unchecked

    def warnings(self, base: FactBase, shown: str) -> list[str]:
        """A warning for each source whose archive is not in ``shown`` (the folders, in words)."""
        return [f"warning: archive of source {source_id!r} ({base.sources[source_id].archive}) is not in {shown}: "
                f"{count} of its quotes not checked" for source_id, count in self.unchecked.items()]

    def lines(self, relative_to: Path) -> list[str]:
        """Each failure, its path relative to ``relative_to`` where it is under it, then its details."""
        lines = []
        for failure in self.failures:
            failure = replace(failure, path=_relative(failure.path, relative_to))
            lines += [str(failure), *failure.details()]
        return lines

    def summary(self, shown: str) -> str:
        """How many quotes were not found and speakers not quoted, in the folders ``shown``."""
        quotes = sum(isinstance(f, QuoteFailure) for f in self.failures)
        speakers = len(self.failures) - quotes
        found = [f"{quotes} of {self.checked} quotes not found"] if quotes else []
        found += [f"{speakers} of {self.checked} speakers not quoted in their own words"] if speakers else []
        return "; ".join(found) + f" in {shown}"


def _relative(path: str, cwd: Path) -> str:
    try:
        return str(Path(path).relative_to(cwd))
    except ValueError:
        return path


def verify_files(base: FactBase, archive_dirs: Sequence[Path], named: Sequence[Path]) -> VerifyReport:
    """:func:`verify` of the facts and sources defined in the fact files ``named`` (files or
    folders, as ``--facts`` takes them), with their paths and lines; of every fact when none
    is named."""
    from otsfacts.paths import fact_files, unique

    checked_files = None
    chosen = None
    if named:
        paths = {os.path.realpath(p) for p in unique(fact_files(p for p in named if p.exists()))}
        checked_files = {f.path for f in base.facts.values() if os.path.realpath(f.path) in paths}
        checked_files |= {s.path for s in base.sources.values() if os.path.realpath(s.path) in paths}
        chosen = [f for f in base.facts.values() if f.path in checked_files]
    return verify(base, archive_dirs, chosen, checked_files, where=True)


def _archive_path(archive_dirs: Sequence[Path], name: str) -> Path | None:
    """The first folder's entry ``name`` (whatever it is: :func:`read_archive` judges it),
    or None if no folder has one."""
    for folder in archive_dirs:
        path = folder / name
        if os.path.lexists(path):
            return path
    return None


def find_missing_part(quote: str, archive_text: str) -> str | None:
    """The first part of ``quote`` not found (in order) in ``archive_text``, or None."""
    return _find_parts(quote, archive_text)[0]


_SENTENCE_END = re.compile(r"[.!?] ")
#: How far before a quotation's opening mark the quoted person's name may be ("Aliyev underlined: ").
NAME_WINDOW = 100


def quoted_by(name: str, archive_text: str, end: int) -> bool:
    """Whether the (normalised) text up to ``end`` is inside a quotation opened just after ``name``.

    The nearest quote mark before ``end`` must open a quotation (a space or the start
    before it, a word after it), and the person's last name must be a word of the same
    sentence, in the :data:`NAME_WINDOW` characters before that mark.
    """
    mark = archive_text.rfind('"', 0, end)
    if mark < 0 or not name.split():
        return False
    opens = (mark == 0 or archive_text[mark - 1] in " (:") and mark + 1 < len(archive_text) \
        and not archive_text[mark + 1].isspace()
    before = _SENTENCE_END.split(archive_text[max(0, mark - NAME_WINDOW):mark])[-1]
    surname = re.escape(normalise(name).split()[-1])
    return opens and re.search(rf"(?<!\w){surname}(?!\w)", before, re.IGNORECASE) is not None


def check_speaker(fact: Fact, archive_text: str, end: int) -> SpeakerFailure | None:
    """A failure if ``fact`` names a speaker other than its source's whose words the quote is not."""
    if fact.speaker.name == fact.source.speaker.name:
        return None
    if quoted_by(fact.speaker.name, archive_text, end):
        return None
    return SpeakerFailure(fact.id, fact.source.id, fact.speaker.name)


def verify_quotes(base: FactBase, archive_dir: Path | Sequence[Path], facts: Iterable[Fact] | None = None,
                  checked_files: Collection[str] | None = None) -> list[QuoteFailure | SpeakerFailure]:
    """Every quote and speaker failure among ``facts`` (default: all of ``base``), in base
    order; raises :class:`ArchiveError` if an archive they need is missing."""
    report = verify(base, archive_dir, facts, checked_files)
    return report.failures


def verify(base: FactBase, archive_dir: Path | Sequence[Path], facts: Iterable[Fact] | None = None,
           checked_files: Collection[str] | None = None, where: bool = False) -> VerifyReport:
    """Check the quotes and speakers of ``facts`` (default: all of ``base``) against the
    archives found in ``archive_dir`` (one folder or several, searched in order), each
    opened by :func:`read_archive`.

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
            texts[source.id] = normalise(read_archive(path.parent, source.archive))
        except FileNotFoundError:  # a link to nothing
            raise ArchiveError(f"archive of source {source.id!r} not found: {path}") from None
        except (OSError, UnicodeDecodeError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise ArchiveError(f"cannot read archive of source {source.id!r}: {path}: {reason}") from None
    failures: list[QuoteFailure | SpeakerFailure] = []
    checked = 0
    files: dict[str, str | None] = {}
    for fact in chosen:
        if fact.source.id in unchecked:
            unchecked[fact.source.id] += 1
            continue
        checked += 1
        text = texts[fact.source.id]
        missing, end = _find_parts(fact.quote, text)
        if missing is not None:
            failures.append(QuoteFailure(fact.id, fact.source.id, missing, closest_passage(missing, text),
                                         fact.path if where else "", _line(fact, files) if where else None))
        elif (failure := check_speaker(fact, text, end)) is not None:
            if where:
                failure = SpeakerFailure(failure.fact_id, failure.source_id, failure.speaker, fact.path,
                                         _line(fact, files))
            failures.append(failure)
    return VerifyReport(failures, checked, unchecked)


def _line(fact: Fact, files: dict[str, str | None]) -> int | None:
    """The line of a fact's id in its file (each file read once, and only for a failure)."""
    from otsfacts.factfile import id_line

    if not fact.path:
        return None
    if fact.path not in files:
        try:
            files[fact.path] = Path(fact.path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            files[fact.path] = None
    text = files[fact.path]
    return id_line(text, fact.id) if text is not None else None


def read_archive(directory: Path, name: str) -> str:
    """The text of the archive file ``name``, opened safely: a bare name inside
    ``directory`` (a link is followed only if it stays inside), a regular file (a FIFO
    or device is refused, never waited on), at most :data:`ARCHIVE_SIZE_CAP` bytes.

    Raises ``ValueError`` saying what is wrong, ``OSError`` when it cannot be opened.
    """
    from otsfacts.validate import is_bare_file_name

    if not is_bare_file_name(name):
        raise ValueError("not a bare file name inside the archive directory")
    path = os.path.join(directory, name)
    if os.path.islink(path):
        inside = os.path.realpath(directory)
        target = os.path.realpath(path)
        if os.path.commonpath([inside, target]) != inside:
            raise ValueError("a symbolic link out of the archive directory")
        path = target
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    handle = os.open(path, flags)
    with os.fdopen(handle, "rb") as stream:
        st = os.fstat(handle)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("not a regular file")
        data = stream.read(ARCHIVE_SIZE_CAP + 1)
    if len(data) > ARCHIVE_SIZE_CAP:
        raise ValueError(f"bigger than {ARCHIVE_SIZE_CAP // (1024 * 1024)} MiB")
    return data.decode("utf-8")
