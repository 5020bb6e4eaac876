"""What ``otsfacts search`` answers: the ranked facts a filter keeps, in the order asked for,
the facts near the query that do not answer it, and what to say when nothing answers.

Ranking is ``search.py``'s; this module narrows and orders what it found, as ``list``
narrows and orders the whole base (``filters.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from otsfacts.errors import NothingFound
from otsfacts.filters import FactFilter, sort_hits

if TYPE_CHECKING:
    from otsfacts.meaning import Meaning
    from otsfacts.hits import Hit
    from otsfacts.search import SearchIndex

#: How many facts near a query a filtered search looks through for the related ones it keeps.
RELATED_POOL = 100


class Answers(NamedTuple):  # a leaf on every search's start-up path (see hits.py)
    """What a search found for ``query``: the answers, the related facts that do not answer,
    why meaning was not used (``notice``), and, when nothing answers, how many answers the
    filter removed."""

    query: str
    answers: tuple[Hit, ...]
    related: tuple[Hit, ...]
    notice: str | None
    filter: FactFilter
    removed: int = 0

    def nothing(self) -> NothingFound:
        """What to say when nothing answers: whether the filter is why."""
        if self.removed:
            return NothingFound(f"no fact answers {self.query!r}; the filter ({self.filter.describe()}) removed "
                                + ("its 1 answer" if self.removed == 1 else f"all {self.removed} answers"))
        return NothingFound(f"no fact answers {self.query!r}")


def only_single_letters(text: str) -> bool:
    """Whether ``text`` has letters but no word search indexes (``x``, ``a b``): no answer,
    rather than the ranker's "no words, only punctuation"."""
    from otsfacts.text import tokens

    return any(c.isalpha() for c in text) and not tokens(text)


def check_searchable(text: str) -> None:
    """Raise :class:`NothingFound` for a query of words too short to search for."""
    if only_single_letters(text):
        raise NothingFound(f"no fact answers {text!r}: words of one letter are too short to search for")


def answer(index: SearchIndex, text: str, keep: FactFilter, *, sort: str = "score", limit: int = 10,
           min_score: float | None = None, meaning: Meaning | None = None) -> Answers:
    """The facts that answer ``text`` and ``keep`` keeps, at most ``limit`` (0: all), ordered
    by ``sort``; up to :data:`~otsfacts.search.RELATED` related facts the filter keeps too;
    by meaning too when given the facts' ``meaning``. Raises
    :class:`~otsfacts.errors.QueryError` for a query with nothing to search for."""
    from otsfacts.search import DEFAULT_MIN_SCORE, RELATED, RELATIVE_CUTOFF

    if meaning is not None:
        index.meaning = meaning  # this index's own meaning from now on, as attaching it means

    narrowed = keep.narrows_search()
    threshold = DEFAULT_MIN_SCORE if min_score is None else min_score
    # search keeps any of the topics and sources itself; the rest narrows what it found
    results = index.find(
        text, topic=keep.topics or None, source=keep.sources or None,
        limit=None if narrowed else limit or None, min_score=threshold,
        related=RELATED_POOL if narrowed else RELATED, cutoff=0.0 if narrowed else RELATIVE_CUTOFF,
    )
    answers = results.answers
    if narrowed:  # the best of what the filter keeps sets the cut-off, not a fact it removed
        kept = keep.hits(answers)
        floor = (max(hit.score for hit in kept) * RELATIVE_CUTOFF) if kept else 0.0
        answers = tuple([hit for hit in kept if hit.score >= floor][:limit or None])
    answers = tuple(sort_hits(answers, sort))
    related = tuple(keep.hits(results.related)[:RELATED]) if narrowed else results.related
    removed = len(index.find(text, min_score=threshold, related=0).answers) if keep.active and not answers else 0
    return Answers(text, answers, related, results.notice, keep, removed)
