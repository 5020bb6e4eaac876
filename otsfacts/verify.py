"""Check every fact's quote against the archived text of its source.

Only whitespace, typographic quote marks and dashes may differ; a quote in several
parts is joined with " … " and each part must appear, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from otsfacts.errors import ArchiveError
from otsfacts.model import FactBase

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


def find_missing_part(quote: str, archive_text: str) -> str | None:
    """The first part of ``quote`` not found (in order) in ``archive_text``, or None."""
    position = 0
    for part in quote.split(PART_SEPARATOR):
        wanted = normalise(part)
        found = archive_text.find(wanted, position) if wanted else -1
        if found < 0:
            return part
        position = found + len(wanted)
    return None


def verify_quotes(base: FactBase, archive_dir: Path) -> list[QuoteFailure]:
    """Every quote failure in ``base``; raises :class:`ArchiveError` if an archive is missing."""
    texts: dict[str, str] = {}
    for source in base.sources.values():
        path = archive_dir / source.archive
        try:
            texts[source.id] = normalise(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ArchiveError(f"archive of source {source.id!r} not found: {path}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise ArchiveError(f"cannot read archive of source {source.id!r}: {path}: {error}") from None
    failures = []
    for fact in base.facts.values():
        missing = find_missing_part(fact.quote, texts[fact.source.id])
        if missing is not None:
            failures.append(QuoteFailure(fact.id, fact.source.id, missing))
    return failures
