"""What a search found: the answers and related facts, and how each was found (:class:`Results`).

Leaf records, so NamedTuples: a search defines them on its start-up path, where a frozen
slotted dataclass costs about 0.5 ms to create and a NamedTuple 0.06 ms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # annotations only: a listing restores the index without analysing a query
    from otsfacts.model import Fact
    from otsfacts.query import Query


class Match(NamedTuple):
    """How one query word contributed to a hit."""

    word: str
    matched: str
    field: str
    quality: float  # 1.0 exact, less for prefix and fuzzy matches
    points: float  # this word's share of the 0-100 score


class Hit(NamedTuple):
    """A fact found for a query: its score, how spelling and meaning found it, and why."""

    fact: Fact
    score: float
    matches: tuple[Match, ...] = ()
    unmatched: tuple[str, ...] = ()
    similarity: float | None = None  # cosine of the query's and the fact's vectors; None: meaning unused
    spelling_rank: int | None = None  # 1-based rank among the facts spelling found; None: not found
    meaning_rank: int | None = None  # 1-based rank by similarity; None: meaning unused
    not_answer: str | None = None  # why a related fact does not answer ("does not hold 'Baku'"); None: it does
    encoders: tuple[str, ...] = ()  # the sentence encoders the similarity is of: ("USE",), ("USE", "E5"); (): none


class Results(NamedTuple):
    """What a search found: the answers, related facts when nothing answers, and how."""

    query: Query
    answers: tuple[Hit, ...]
    related: tuple[Hit, ...] = ()  # the nearest facts that do not answer, best first
    meaning_used: bool = False
    notice: str | None = None  # why meaning was not used, when it was wanted ("vectors not built")
