"""Check every fact's quote against the archived text of its source, and whose words it is.

Only whitespace, typographic quote marks and dashes may differ; a quote in several
parts is joined with " … " and each part must appear, in order.

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
from dataclasses import dataclass
from pathlib import Path

from otsfacts.errors import ArchiveError
from otsfacts.model import Fact, FactBase

#: An archived text bigger than this is refused (a news interview is tens of kilobytes).
ARCHIVE_SIZE_CAP = 16 * 1024 * 1024

#: How quote parts are joined when a claim needs two separate passages.
PART_SEPARATOR = " … "

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

    def __str__(self) -> str:
        shown = self.missing if len(self.missing) <= 120 else self.missing[:117] + "..."
        return f"{self.fact_id}: not found in {self.source_id}: \"{shown}\""


@dataclass(frozen=True)
class SpeakerFailure:
    """A fact whose speaker is not the source's interviewee, with a quote that is not their words."""

    fact_id: str
    source_id: str
    speaker: str

    def __str__(self) -> str:
        return (f"{self.fact_id}: speaker: the quote is not {self.speaker}'s own words in {self.source_id} "
                f"(who acted goes in actor)")


def _find_parts(quote: str, archive_text: str) -> tuple[str | None, int]:
    """The first part of ``quote`` not found (in order) and where the last one found ends."""
    position = 0
    for part in quote.split(PART_SEPARATOR):
        wanted = normalise(part)
        found = archive_text.find(wanted, position) if wanted else -1
        if found < 0:
            return part, position
        position = found + len(wanted)
    return None, position


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


def verify_quotes(base: FactBase, archive_dir: Path) -> list[QuoteFailure | SpeakerFailure]:
    """Every quote and speaker failure in ``base``, in base order; raises :class:`ArchiveError`
    if an archive is missing."""
    texts: dict[str, str] = {}
    for source in base.sources.values():
        path = archive_dir / source.archive
        try:
            texts[source.id] = normalise(read_archive(archive_dir, source.archive))
        except FileNotFoundError:
            raise ArchiveError(f"archive of source {source.id!r} not found: {path}") from None
        except (OSError, UnicodeDecodeError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise ArchiveError(f"cannot read archive of source {source.id!r}: {path}: {reason}") from None
    failures: list[QuoteFailure | SpeakerFailure] = []
    for fact in base.facts.values():
        text = texts[fact.source.id]
        missing, end = _find_parts(fact.quote, text)
        if missing is not None:
            failures.append(QuoteFailure(fact.id, fact.source.id, missing))
        elif (failure := check_speaker(fact, text, end)) is not None:
            failures.append(failure)
    return failures


def read_archive(directory: Path, name: str) -> str:
    """The text of the archive file ``name``, opened safely: a bare name inside
    ``directory`` (a link is followed only if it stays inside), a regular file (a FIFO
    or device is refused, never waited on), at most :data:`ARCHIVE_SIZE_CAP` bytes.

    Raises ``ValueError`` saying what is wrong, ``OSError`` when it cannot be opened.
    """
    from otsfacts.store import is_bare_file_name

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
