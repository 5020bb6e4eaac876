"""Rank facts against a query: pure functions over a :class:`~otsfacts.model.FactBase`.

Each fact's searchable text is split into weighted fields (a word in the claim counts
more than the same word in the quote). A query word matches vocabulary words exactly,
by prefix, or, only when it matches nothing exactly, fuzzily (rapidfuzz); its weight is
the inverse document frequency of what it matched, so rare words decide and words the
base does not hold pull the score down. A word the base's English text does not use
(Russian, Azerbaijani, Turkish, Kazakh, Uzbek, Kyrgyz) is also looked up, endings
stripped, in :mod:`otsfacts.glossary` and matches the English words it stands for. A
fact's score is the weighted share of the query it answers, 0 to 100.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass
from typing import Iterable, Sequence

from otsfacts.errors import QueryError
from otsfacts.model import Fact, FactBase, format_number
from otsfacts.text import fold, inflection_stems, is_number, join_apostrophes, tokens

#: Field names and weights, best first; a word counts once per fact, in its best field.
FIELDS: tuple[tuple[str, float], ...] = (
    ("claim", 3.0),
    ("aliases", 3.0),
    ("id", 2.5),
    ("value", 2.5),
    ("when-where", 2.0),
    ("topics", 1.5),
    ("speaker", 1.5),
    ("source", 1.0),
    ("quote", 1.0),
)
_FIELD_WEIGHTS = tuple(w for _, w in FIELDS)
_TOP_WEIGHT = max(_FIELD_WEIGHTS)

#: Scores below this (0-100) are not answers; ``--min-score`` changes it.
DEFAULT_MIN_SCORE = 50.0
#: An answer must match at least this share of the query's words (at the default threshold).
MIN_COVERAGE = 0.5
#: Answers scoring below this share of the best answer are noise next to it.
RELATIVE_CUTOFF = 0.3
#: The weight of a plain query word the base does not hold at all.
UNKNOWN_WORD_WEIGHT = 2.0
#: Longer queries are refused rather than slowly fuzzed word by word.
MAX_QUERY_LENGTH = 1000

# Words that shape a question but say nothing about what is asked.
STOP_WORDS = frozenset(
    """a about above after all also am an and any are as at be been before being between both
    but by can could did do does doing during each for from had has have having he her here
    him his how i if in into is it its itself let me more most my no nor not of off on once
    only or other our out over own please same she should show so some such tell than that
    the their them then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your much many
    know find give list say said says according took take takes taken get got make made
    part play plays played come came go went kind sort thing things there's what's who's
    whats anything something tell please current currently live lives living""".split()
    # the same in the other languages the glossary reads, folded as query words are
    # ("ilə" is "ile", "üçün" is "ucun", "какой" is "какои")
    # Russian
    + """по на во со из за для при про над под от до без об обо ко через это эта этот эти как
    что где когда кто какои какая какое какие каков какова каково сколько ли же бы не ни но
    или да его ее их был была было были быть есть будет также тоже еще уже между такое
    расскажи скажи покажи пожалуиста чем все всех весь""".split()
    # Azerbaijani and Turkish
    + """ve ile ucun icin bu su bir ne nedir nece nasil harada nerede haqqinda hakkinda da de ki
    kimi gibi olan olub hansi hangi kac mi mu midir veya yaxud ya hem ise uzre barede neler
    nelerdir kadar qeder arasinda""".split()
    # Kazakh, Kyrgyz and Uzbek
    + """мен және бен пен үшін туралы бұл қандаи қанша не қаи жана менен үчүн тууралуу бул va
    bilan uchun haqida qanday qancha nima qayerda""".split()
)
# "how long", "how much": the second word shapes the question, it is not its subject
_QUESTION_HEADS = frozenset({"long", "far", "big", "large", "often", "soon", "old"})
# Questions asking for a number: answers that carry a figure come first among equals.
_FIGURE_QUESTIONS = ("how much", "how many", "what share", "what percentage", "what proportion",
                     "how long", "how far", "how big", "how large", "what is the value")

_EXACT, _PREFIX, _STEM = 1.0, 0.9, 0.9
# a glossary translation, and one found only once an ending was stripped ("Каспийского")
_TRANSLATED, _TRANSLATED_STEM = 0.9, 0.85
_MASK_BITS = len(FIELDS)
_MASK = (1 << _MASK_BITS) - 1
# Sum of field weights for every field mask, and the best field of each mask.
_MASK_WEIGHT = tuple(sum(w for i, w in enumerate(_FIELD_WEIGHTS) if m >> i & 1) for m in range(1 << _MASK_BITS))
_MASK_BEST = tuple(((m & -m).bit_length() - 1) if m else 0 for m in range(1 << _MASK_BITS))
# The fields written in English: a query word found in one of them is English (or a name
# as the base spells it) and needs no glossary; aliases, topics and source titles also
# hold other languages' words.
_ENGLISH_FIELDS = sum(1 << i for i, (name, _) in enumerate(FIELDS)
                      if name in ("claim", "id", "value", "when-where", "speaker", "quote"))


@dataclass(frozen=True)
class Match:
    """How one query word contributed to a hit."""

    word: str
    matched: str
    field: str
    quality: float  # 1.0 exact, less for prefix and fuzzy matches
    points: float  # this word's share of the 0-100 score


@dataclass(frozen=True)
class Hit:
    """A fact that answers a query, with its score and how it came about."""

    fact: Fact
    score: float
    matches: tuple[Match, ...] = ()
    unmatched: tuple[str, ...] = ()


def searchable_fields(fact: Fact) -> tuple[str, ...]:
    """The text of each field of :data:`FIELDS` for ``fact``, in the same order."""
    value = ""
    if fact.value is not None:
        value = f"{fact.value_text} {fact.value} {format_number(fact.value)}"
    speaker = f"{fact.speaker.name} {fact.speaker.role} {fact.speaker.reported_by or ''}"
    source = fact.source
    return (
        fact.claim,
        " ".join(fact.aliases),
        fact.id,
        value,
        " ".join(filter(None, (fact.date, fact.place, fact.as_of, fact.kind))),
        " ".join(f"{t.id} {t.title} {' '.join(t.aliases)}" for t in fact.topics),
        speaker,
        " ".join(filter(None, (source.outlet, source.title, *source.titles.values(), *source.aliases,
                               source.published))),
        fact.quote,
    )


class SearchIndex:
    """An inverted index over a fact base: word -> the facts holding it, with the field."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.facts = list(facts)
        masks: dict[str, dict[int, int]] = {}
        for number, fact in enumerate(self.facts):
            for field_number, text in enumerate(searchable_fields(fact)):
                for word in set(tokens(text)):
                    found = masks.setdefault(word, {})
                    found[number] = found.get(number, 0) | (1 << field_number)
        # postings pack (fact number, mask of the fields holding the word) into one int,
        # compact even at 100,000 facts
        self.postings: dict[str, array] = {
            word: array("q", [(n << _MASK_BITS) | m for n, m in sorted(found.items())])
            for word, found in masks.items()
        }
        self.vocabulary = sorted(self.postings)
        self.stems: dict[str, list[str]] = {}
        for word in self.vocabulary:
            self.stems.setdefault(stem(word), []).append(word)

    @classmethod
    def from_base(cls, base: FactBase) -> "SearchIndex":
        return cls(list(base.facts.values()))

    def idf(self, word: str) -> float:
        count = len(self.postings.get(word, ()))
        return math.log(1 + len(self.facts) / (count or 0.5))

    def expand(self, word: str) -> dict[str, float]:
        """Vocabulary words that ``word`` matches, with a quality from 0 to 1."""
        found: dict[str, float] = {}
        if word in self.postings:
            found[word] = _EXACT
        if is_number(word):
            return found  # numbers and years match exactly or not at all
        if len(word) >= 4:  # acronyms match exactly (or by the glossary) or not at all
            for other in self._prefixed(word):
                extra = len(other) - len(word)
                if other != word:
                    found[other] = _PREFIX if extra <= 3 else 0.75
            for other in self.stems.get(stem(word), ()):  # "invested" finds "investments"
                found.setdefault(other, _STEM)
            for cut in range(1, 3):  # an inflected ending: "азербаиджана" finds "азербаиджан"
                shorter = word[:-cut]
                if len(shorter) >= 5 and shorter in self.postings:
                    found.setdefault(shorter, _STEM)
        if not any(self._english(other) for other in found):
            # not a word of the base's English, as it is or by prefix or stem: perhaps
            # another language's ("ветровой", "Qazaxıstanın", "enerjisi")
            for other, quality in self._translate(word).items():
                if quality > found.get(other, 0.0):
                    found[other] = quality
        if not found and len(word) >= 4:
            found.update(self._fuzzy(word))
        return found

    def _english(self, word: str) -> bool:
        """Whether the base's English fields hold ``word`` as it is."""
        return any(packed & _ENGLISH_FIELDS for packed in self.postings.get(word, ()))

    def _translate(self, word: str) -> dict[str, float]:
        """What a word of another language matches: the English words the glossary gives
        for it (and their English stems), and, when it is inflected, a name the base holds
        in that language ("Bakıda" finds the alias "Bakı")."""
        from otsfacts.glossary import translate

        found: dict[str, float] = {}
        english, stripped = translate(word)
        quality = _TRANSLATED_STEM if stripped else _TRANSLATED
        for target in english:
            for other in (target, *(self.stems.get(stem(target), ()) if len(target) >= 4 else ())):
                if other in self.postings:
                    found[other] = max(found.get(other, 0.0), quality * (_EXACT if other == target else _STEM))
        if word not in self.postings:
            for shorter in inflection_stems(word):
                if len(shorter) >= 4 and shorter in self.postings:
                    found.setdefault(shorter, _STEM)
                    break
        return found

    def _prefixed(self, word: str) -> Iterable[str]:
        from bisect import bisect_left

        start = bisect_left(self.vocabulary, word)
        for other in self.vocabulary[start:]:
            if not other.startswith(word):
                break
            yield other

    def _fuzzy(self, word: str) -> dict[str, float]:
        from rapidfuzz import fuzz, process

        cutoff = 80 if len(word) >= 6 else 75
        candidates = process.extract(
            word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
        )
        # a short word's typo rarely hits its first letter: "rate" is not "create"
        return {
            other: 0.8 * (score / 100) ** 2
            for other, score, _ in candidates
            if not is_number(other) and (len(word) > 5 or other[0] == word[0])
        }

    def search(
        self,
        query: str,
        *,
        topic: str | None = None,
        source: str | None = None,
        limit: int | None = None,
        min_score: float = DEFAULT_MIN_SCORE,
    ) -> list[Hit]:
        """The facts answering ``query``, best first. Raises :class:`QueryError`."""
        words = query_words(query)
        named = named_words(query)
        expansions = [self.expand(w) for w in words]
        weights = [
            max((self.idf(m) for m, q in found.items() if q == max(found.values())), default=0.0)
            # a name or number the base lacks is what was asked about: it outweighs any
            # word the base holds; a plain word it lacks is likelier filler, and weighs less
            or (2 * self.idf("") if word in named else UNKNOWN_WORD_WEIGHT)
            for word, found in zip(words, expansions)
        ]
        total = sum(weights)
        # slots[fact][i] = (gain, word matched, best field, breadth) for query word i:
        # gain decides the score; breadth (how many other fields also hold the word)
        # only orders answers that score the same
        points: dict[int, dict[int, tuple[float, str, int, float]]] = {}
        for i, found in enumerate(expansions):
            for other, quality in found.items():
                for packed in self.postings[other]:
                    number, mask = packed >> _MASK_BITS, packed & _MASK
                    field_number = _MASK_BEST[mask]
                    weight = _FIELD_WEIGHTS[field_number]
                    gain = quality * weight / _TOP_WEIGHT
                    slot = points.setdefault(number, {})
                    if gain > slot.get(i, (0.0,))[0]:
                        slot[i] = (gain, other, field_number, quality * (_MASK_WEIGHT[mask] - weight))
        hits: list[Hit] = []
        breadth: dict[int, float] = {}
        # a lower threshold relaxes the share of words an answer must match in step
        coverage = MIN_COVERAGE * min(1.0, min_score / DEFAULT_MIN_SCORE)
        for number, slots in points.items():
            fact = self.facts[number]
            if topic is not None and all(t.id != topic for t in fact.topics):
                continue
            if source is not None and fact.source.id != source:
                continue
            if len(slots) < coverage * len(words):
                continue
            score = 100 * sum(weights[i] * slot[0] for i, slot in slots.items()) / total
            matches = tuple(
                Match(words[i], other, FIELDS[f][0], round(gain * _TOP_WEIGHT / _FIELD_WEIGHTS[f], 3),
                      round(100 * weights[i] * gain / total, 1))
                for i, (gain, other, f, _) in sorted(slots.items())
            )
            unmatched = tuple(w for i, w in enumerate(words) if i not in slots)
            breadth[id(fact)] = sum(weights[i] * slot[3] for i, slot in slots.items())
            hits.append(Hit(fact, round(score, 1), matches, unmatched))
        # best score first; among equals, a figure if one was asked for, the word in more
        # fields, then the shorter claim
        figure = asks_for_figure(query)
        hits.sort(key=lambda h: (-h.score, -(figure and h.fact.value is not None),
                                 -breadth[id(h.fact)], len(h.fact.claim)))
        if hits:
            floor = max(min_score, hits[0].score * RELATIVE_CUTOFF)
            hits = [h for h in hits if h.score >= floor]
        return hits[:limit] if limit is not None else hits


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "ed", "es", "s")


def stem(word: str) -> str:
    """A light English stem, so "invested", "investments" and "invest" meet."""
    if len(word) <= 4 or not word.isascii() or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def query_words(query: str) -> list[str]:
    """The words of ``query`` that drive ranking: question and stop words dropped
    (unless nothing else is left), each word once."""
    if not query.strip():
        raise QueryError("empty query: give at least one word to search for")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"query too long ({len(query):,} characters; at most {MAX_QUERY_LENGTH:,})")
    query = join_apostrophes(query)  # "Azerbaycan'ın" -> "Azerbaycan", "Oʻzbekiston" -> "Ozbekiston"
    words = list(dict.fromkeys(tokens(query)))
    if not words:
        raise QueryError("query has no words to search for, only punctuation or symbols")
    folded = " ".join(tokens(query))
    heads = {w for w in _QUESTION_HEADS if f"how {w}" in folded}
    content = [w for w in words if w not in STOP_WORDS and w not in heads]
    return content or words


def asks_for_figure(query: str) -> bool:
    """Whether ``query`` asks for a number ("how much", "what share"...)."""
    folded = " ".join(tokens(query))
    return any(phrase in folded for phrase in _FIGURE_QUESTIONS)


def named_words(query: str) -> set[str]:
    """Query words written with a capital or digits: names and numbers the user means exactly."""
    named: set[str] = set()
    for raw in join_apostrophes(query).split():
        if raw[:1].isupper() or any(c.isdigit() for c in raw):
            named.update(tokens(raw))
    return named


def search(base: FactBase, query: str, **options: object) -> list[Hit]:
    """Search ``base`` for ``query``; see :meth:`SearchIndex.search` for the options."""
    return SearchIndex.from_base(base).search(query, **options)  # type: ignore[arg-type]


def closest(name: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The ``choices`` nearest to ``name``, for "did you mean" suggestions."""
    from rapidfuzz import fuzz, process

    folded = {fold(c): c for c in choices}
    found = process.extract(fold(name), list(folded), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [folded[c] for c, _, _ in found]
