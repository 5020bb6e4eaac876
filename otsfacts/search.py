"""Rank facts against a query, by spelling and by meaning, and tell answers from related facts.

Spelling: each fact's searchable text is split into weighted fields (a word in the claim
counts more than the same word in the quote). A query word (see :mod:`otsfacts.query`)
matches vocabulary words exactly, by prefix or by a light English stem, through the
glossary when it is another language's, or, only when it matches nothing else, fuzzily
(rapidfuzz); numbers, years and ordinals match only themselves. Its weight is the
inverse document frequency of what it matched, saturated so that no single rare word
decides. A fact's spelling score is the weighted share of the query it holds.

Meaning: when spelling alone does not answer the query (some content word is matched
by no fact, or only weakly), each fact's sentence vector (:mod:`otsfacts.meaning`) is
compared with the query's. The two are fused into one score, 0 to 100:
``100 * (spelling + closeness) / 2``, where closeness maps the cosine similarity from
:data:`MEANING_FLOOR` (0) to :data:`MEANING_CEILING` (1).

Answers: a fact answers the query only when it holds every name and number the user
typed that the base knows, and enough of the rest by spelling or meaning (see
:meth:`SearchIndex.find`). A name or number the base has never heard of means the base
cannot answer; the nearest facts are then offered as related, never as answers.
"""

from __future__ import annotations

import heapq
import math
import re
from array import array
from bisect import bisect_left
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

from otsfacts.model import Fact, FactBase, format_number
from otsfacts.query import Query, analyse
from otsfacts.record import Record
from otsfacts.text import fold, inflection_stems, is_number, tokens

if TYPE_CHECKING:
    from otsfacts.meaning import Meaning

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
#: Without meaning, an answer must hold at least this share of the query's words.
MIN_COVERAGE = 0.5
#: Answers scoring below this share of the best answer are noise next to it.
RELATIVE_CUTOFF = 0.6
#: A name held by at least this share of the facts is the base's context ("OTS" is in 62%
#: of the built-in base's facts, "Turkic" in 95%): an answer need not repeat it.
CONTEXT_NAME_SHARE = 0.5
#: The weight of a plain content word the base does not hold at all.
UNKNOWN_WORD_WEIGHT = 2.0
#: A word's weight is its inverse document frequency, saturated: rarity counts, but
#: one rare word cannot outweigh the rest of the query (x / (x + K) * (1 + K)).
SATURATION = 4.0
#: How much a long claim's spelling score is discounted: the fact is about more than
#: the query's words (BM25's length normalisation, for the claim field).
LENGTH_DISCOUNT = 0.1
#: Cosine similarities of query and fact vectors mapped to closeness 0 and 1.
MEANING_FLOOR, MEANING_CEILING = 0.3, 0.65
#: A fact this close in meaning answers even when its words are not the query's.
MEANING_ANSWER = 0.4
#: A fact that holds the query's words only as typos, stems or translations is no answer
#: if its meaning is further than this from the query's.
MEANING_VETO = 0.2
#: In the fused score, spelling's share (meaning has the rest; the fusion never scores a
#: fact below its spelling alone).
SPELLING_SHARE = 0.2
#: The fused score (0-1) that shows as 50, the default answer threshold; scores are
#: ``100 * fused ** exponent``, so 1 stays 100. Values of this block were chosen on the
#: development set (benchmarks/queries.toml), never on the held-out one.
ANSWER_FUSED = 0.35
_SCORE_EXPONENT = math.log(0.5) / math.log(ANSWER_FUSED)
#: Related facts offered when nothing answers.
RELATED = 3
#: Most facts that each retriever hands to the fusion.
CANDIDATES = 50
#: A query word's expansions beyond this many (by prefix, on a huge base) are dropped.
MAX_EXPANSIONS = 200
#: Query words written together that a fact holds together earn this much more (checked
#: on the best PHRASE_CANDIDATES by spelling). A penalty for words held only apart was
#: tried and dropped: it cost the development set (recall@3 73.7% to 73.2% at 0.92).
PHRASE_BONUS, PHRASE_CANDIDATES = 1.5, 100
#: A claim another fact disputes scores this share: it is shown, after an undisputed fact
#: that answers as well.
DISPUTED_SHARE = 0.97
#: A fact without a figure, asked for a quantity ("how many", "how long"), scores this share.
FIGURE_PENALTY = 0.85
#: Issue 16, the cap on one query's cost: at most this many distinct words are searched,
#: and their expansions' postings together at most this many (a 1,000-character query
#: of common prefixes once cost 4 s and 1.4 GB on 100,000 facts).
MAX_QUERY_WORDS = 32
MAX_QUERY_POSTINGS = 400_000
UNCAPPED_WORDS = 3  # up to this many distinct words, postings are not counted (it costs a lookup each)

_EXACT, _PREFIX, _STEM = 1.0, 0.9, 0.8
# the bits of an index's per-fact flags (its ``has_value`` bytes, a name the cache keeps)
_FIGURE, _DISPUTED = 1, 2
# a glossary translation, and one found only once an ending was stripped ("Каспийского")
_TRANSLATED, _TRANSLATED_STEM = 0.9, 0.85
# a measure word ("inhabitants") matching a figure in a unit of that measure ("people")
_MEASURED = 0.9
#: Matches at least this good are strong: the word is in the fact as the user spelled it
#: (or by prefix), or a curated translation of it; stems and typos are weak.
STRONG = 0.85
_MASK_BITS = len(FIELDS)
_MASK = (1 << _MASK_BITS) - 1
# Sum of field weights for every field mask, and the best field of each mask.
_MASK_WEIGHT = tuple(sum(w for i, w in enumerate(_FIELD_WEIGHTS) if m >> i & 1) for m in range(1 << _MASK_BITS))
_MASK_BEST = tuple(((m & -m).bit_length() - 1) if m else 0 for m in range(1 << _MASK_BITS))
# What a word in these fields earns (its best field's weight, 0-1), and the weight of the
# other fields that also hold it (relative to the best one).
_MASK_GAIN = tuple(_FIELD_WEIGHTS[_MASK_BEST[m]] / _TOP_WEIGHT for m in range(1 << _MASK_BITS))
_MASK_BREADTH = tuple((_MASK_WEIGHT[m] - _FIELD_WEIGHTS[_MASK_BEST[m]]) / _FIELD_WEIGHTS[_MASK_BEST[m]]
                      for m in range(1 << _MASK_BITS))
# The fields written in English: a query word found in one of them is English (or a name
# as the base spells it) and needs no glossary; aliases, topics and source titles also
# hold other languages' words.
_ENGLISH_FIELDS = sum(1 << i for i, (name, _) in enumerate(FIELDS)
                      if name in ("claim", "id", "value", "when-where", "speaker", "quote"))
# The token a figure's measure is indexed under in its value field ("measure-area" is
# one token, "measurearea", since tokens join hyphenated parts).
MEASURE_PREFIX = "measure"


# A time in a fact's words: a year, a month, a season or a relative time.
_TIME_IN_TEXT = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|spring|summer|autumn|winter|recently|today|tomorrow|yesterday|"
    r"next year|last year|this year|ago)\b", re.IGNORECASE)


class Match(Record):
    """How one query word contributed to a hit."""

    __slots__ = ("word", "matched", "field", "quality", "points")
    word: str
    matched: str
    field: str
    quality: float  # 1.0 exact, less for prefix and fuzzy matches
    points: float  # this word's share of the 0-100 score

    def __init__(self, word: str, matched: str, field: str, quality: float, points: float) -> None:
        self._init(word, matched, field, quality, points)


class Hit(Record):
    """A fact found for a query: its score, how spelling and meaning found it, and why."""

    __slots__ = ("fact", "score", "matches", "unmatched", "similarity", "spelling_rank", "meaning_rank")
    fact: Fact
    score: float
    matches: tuple[Match, ...]
    unmatched: tuple[str, ...]
    similarity: float | None  # cosine of the query's and the fact's vectors; None: meaning unused
    spelling_rank: int | None  # 1-based rank among the facts spelling found; None: not found
    meaning_rank: int | None  # 1-based rank by similarity; None: meaning unused

    def __init__(self, fact: Fact, score: float, matches: tuple[Match, ...] = (),
                 unmatched: tuple[str, ...] = (), similarity: float | None = None,
                 spelling_rank: int | None = None, meaning_rank: int | None = None) -> None:
        self._init(fact, score, matches, unmatched, similarity, spelling_rank, meaning_rank)


class Results(Record):
    """What a search found: the answers, related facts when nothing answers, and how."""

    __slots__ = ("query", "answers", "related", "meaning_used", "notice")
    query: Query
    answers: tuple[Hit, ...]
    related: tuple[Hit, ...]  # the nearest facts that do not answer, best first
    meaning_used: bool
    notice: str | None  # why meaning was not used, when it was wanted ("vectors not built")

    def __init__(self, query: Query, answers: tuple[Hit, ...], related: tuple[Hit, ...] = (),
                 meaning_used: bool = False, notice: str | None = None) -> None:
        self._init(query, answers, related, meaning_used, notice)


def searchable_fields(fact: Fact) -> tuple[str, ...]:
    """The text of each field of :data:`FIELDS` for ``fact``, in the same order."""
    value = ""
    if fact.value is not None:
        from otsfacts.measures import measures_of_unit

        measured = " ".join(MEASURE_PREFIX + m for m in measures_of_unit(fact.unit))
        value = f"{fact.value_text} {fact.value} {format_number(fact.value)} {measured}"
    speaker = f"{fact.speaker.name} {fact.speaker.role} {fact.speaker.reported_by or ''}"
    if fact.actor is not None:  # who did what the claim reports is found where the speaker is
        speaker += f" {fact.actor.name} {fact.actor.role or ''}"
    source = fact.source
    return (
        fact.claim,
        " ".join(fact.aliases),
        " ".join((fact.id, *fact.replaces)),  # a retired id still finds the fact it became
        value,
        " ".join(filter(None, (fact.date, fact.place, fact.as_of, fact.kind))),
        " ".join(f"{t.id} {t.title} {' '.join(t.aliases)}" for t in fact.topics),
        speaker,
        " ".join(filter(None, (source.outlet, source.title, *source.titles.values(), *source.aliases,
                               source.published))),
        fact.quote,
    )


#: From this many facts, the index is built by forked workers where the system allows.
PARALLEL_FACTS = 5000
SPANS_PER_WORKER = 4
MIN_SPAN = 2500  # facts: below this, a span costs more to send back than it saves
_BUILDING: Sequence[Fact] = ()  # the facts being indexed, shared with forked workers


def _workers() -> int:
    from otsfacts.parallel import workers

    return workers()


# The fields whose text comes from a fact's source, speaker and topics: many facts share
# it, so the index reads each distinct combination once.
_SHARED_FIELDS = tuple(i for i, (name, _) in enumerate(FIELDS) if name in ("topics", "speaker", "source"))
_OWN_FIELDS = tuple(i for i in range(len(FIELDS)) if i not in _SHARED_FIELDS)
_shared_texts = itemgetter(*_SHARED_FIELDS)


def _field_masks(texts: Sequence[str], numbers: Iterable[int], masks: dict[str, int]) -> dict[str, int]:
    """Add each word of ``texts[n]`` (for n in ``numbers``) to ``masks`` with field ``n``'s bit."""
    for field_number in numbers:
        bit = 1 << field_number
        for word in tokens(texts[field_number]):
            masks[word] = masks.get(word, 0) | bit
    return masks


class IndexPart(Record):
    """The index of one contiguous span of a base's facts, numbered as in the whole base."""

    __slots__ = ("postings", "claim_lengths", "has_value", "topic_members", "source_members")
    postings: dict[str, array]  # word -> packed postings, in fact order
    claim_lengths: array
    has_value: bytes  # per fact: _FIGURE if it has a figure, | _DISPUTED if another fact disputes it
    topic_members: dict[str, array]
    source_members: dict[str, array]

    def __init__(self, postings: dict[str, array], claim_lengths: array, has_value: bytes,
                 topic_members: dict[str, array], source_members: dict[str, array]) -> None:
        self._init(postings, claim_lengths, has_value, topic_members, source_members)


def spans(count: int) -> list[tuple[int, int]]:
    """How ``count`` facts are split among forked workers: one span when that is not worth it."""
    # tokenising is most of a cold start: a big base is split among forked workers, in
    # contiguous spans (so each word's postings stay in fact order when joined), a few
    # a worker (so a worker on a busy core takes fewer, and the others are not kept waiting)
    workers = 1 if count < PARALLEL_FACTS else _workers()
    parts = 1 if workers == 1 else min(SPANS_PER_WORKER * workers, -(-count // MIN_SPAN))
    step = -(-count // parts) if count else 1
    return [(start, min(count, start + step)) for start in range(0, count, step)] or [(0, 0)]


def index_part(facts: Sequence[Fact], first: int = 0) -> IndexPart:
    """The index of ``facts``, numbered from ``first`` (one span of a base, in a worker)."""
    found: dict[str, array] = {}
    shared: dict[tuple[str, ...], dict[str, int]] = {}
    topic_members: dict[str, array] = {}
    source_members: dict[str, array] = {}
    for number, fact in enumerate(facts, first):
        texts = searchable_fields(fact)
        key = _shared_texts(texts)
        common = shared.get(key)
        if common is None:
            common = shared[key] = _field_masks(texts, _SHARED_FIELDS, {})
        packed = number << _MASK_BITS
        for word, mask in _field_masks(texts, _OWN_FIELDS, common.copy()).items():
            postings = found.get(word)
            if postings is None:
                postings = found[word] = array("q")
            postings.append(packed | mask)
        for topic in fact.topics:
            topic_members.setdefault(topic.id, array("q")).append(number)
        source_members.setdefault(fact.source.id, array("q")).append(number)
    return IndexPart(found, array("q", (len(f.claim) for f in facts)), bytes((f.value is not None) | bool(f.conflicts_with) << 1 for f in facts),
                     topic_members, source_members)


def _index_span(span: tuple[int, int]) -> IndexPart:
    return index_part(_BUILDING[span[0]:span[1]], span[0])


class Postings(Mapping[str, Sequence[int]]):
    """word -> the facts holding it: packed ``fact number << 9 | field mask`` ints.

    One flat buffer sliced by the sorted vocabulary (``offsets[i]:offsets[i + 1]`` are
    ``words[i]``'s), so a cached index is read with no parsing: an array in memory, or a
    memory map of the cache file that touches only the words a query asks for.
    """

    __slots__ = ("words", "offsets", "buffer")

    def __init__(self, words: Sequence[str], offsets: Sequence[int], buffer: Sequence[int]) -> None:
        self.words, self.offsets, self.buffer = words, offsets, buffer

    def _find(self, word: object) -> int:
        if not isinstance(word, str):
            return -1
        i = bisect_left(self.words, word)
        return i if i < len(self.words) and self.words[i] == word else -1

    def __getitem__(self, word: str) -> Sequence[int]:
        i = self._find(word)
        if i < 0:
            raise KeyError(word)
        return self.buffer[self.offsets[i]:self.offsets[i + 1]]

    def __contains__(self, word: object) -> bool:
        return self._find(word) >= 0

    def count(self, word: str) -> int:
        """How many facts hold ``word`` (0 if none)."""
        i = self._find(word)
        return self.offsets[i + 1] - self.offsets[i] if i >= 0 else 0

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)


class Stems(Mapping[str, Sequence[str]]):
    """stem -> the vocabulary words with that stem; only words that differ from their stem are stored."""

    __slots__ = ("variants", "postings")

    def __init__(self, variants: dict[str, list[str]], postings: Postings) -> None:
        self.variants, self.postings = variants, postings

    def __getitem__(self, key: str) -> Sequence[str]:
        found = list(self.variants.get(key, ()))
        if key in self.postings and stem(key) == key:
            found.append(key)
        if not found:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(set(self.variants) | {w for w in self.postings.words if stem(w) == w})

    def __len__(self) -> int:
        return sum(1 for _ in self)


class SearchIndex:
    """An inverted index over a fact base: word -> the facts holding it, with the field.

    Besides the postings it keeps what ranking and filtering need of each fact (claim
    length, whether it has a figure, its source and topics) in flat arrays, so that only
    the facts finally shown are ever materialised: ``facts`` may be a lazy sequence.
    """

    def __init__(self, facts: Sequence[Fact]) -> None:
        global _BUILDING
        from otsfacts.parallel import fork_map

        _BUILDING = facts
        try:
            parts = fork_map(_index_span, spans(len(facts)))  # in this process when there is one span
        finally:
            _BUILDING = ()
        self._join(facts, parts)

    @classmethod
    def from_parts(cls, facts: Sequence[Fact], parts: Sequence[IndexPart]) -> "SearchIndex":
        """The index of ``facts`` from the :func:`index_part` of each of its spans, in order."""
        index = cls.__new__(cls)
        index._join(facts, parts)
        return index

    def _join(self, facts: Sequence[Fact], parts: Sequence[IndexPart]) -> None:
        found = parts[0].postings
        for part in parts[1:]:
            for word, postings in part.postings.items():
                mine = found.get(word)
                if mine is None:
                    found[word] = postings
                else:
                    mine.extend(postings)
            part.postings.clear()  # copied: let it go now, not when the whole join is done
        words = sorted(found)
        offsets, buffer = array("q", [0]), array("q")
        for word in words:
            buffer.extend(found.pop(word))
            offsets.append(len(buffer))
        variants: dict[str, list[str]] = {}
        for word in words:
            root = stem(word)
            if root != word:
                variants.setdefault(root, []).append(word)
        claim_lengths = array("q")
        topic_members: dict[str, array] = {}
        source_members: dict[str, array] = {}
        for part in parts:
            claim_lengths.extend(part.claim_lengths)
            for members, more in ((topic_members, part.topic_members), (source_members, part.source_members)):
                for key, numbers in more.items():
                    members.setdefault(key, array("q")).extend(numbers)
        self._restore(facts, Postings(words, offsets, buffer), variants, claim_lengths,
                      b"".join(part.has_value for part in parts), topic_members, source_members)

    def _restore(self, facts: Sequence[Fact], postings: Postings, variants: dict[str, list[str]],
                 claim_lengths: Sequence[int], has_value: bytes,
                 topic_members: Mapping[str, Sequence[int]], source_members: Mapping[str, Sequence[int]]) -> None:
        self.facts = facts
        self.postings = postings
        self.vocabulary = postings.words
        self.stems = Stems(variants, postings)
        self.claim_lengths = claim_lengths
        self.has_value = has_value
        self.topic_members = topic_members
        self.source_members = source_members
        self.meaning: Meaning | None = None  # set by whoever has the facts' vectors

    @classmethod
    def restore(cls, facts: Sequence[Fact], postings: Postings, variants: dict[str, list[str]],
                claim_lengths: Sequence[int], has_value: bytes,
                topic_members: Mapping[str, Sequence[int]],
                source_members: Mapping[str, Sequence[int]]) -> "SearchIndex":
        """An index from its parts, as :mod:`otsfacts.cache` stored them."""
        index = cls.__new__(cls)
        index._restore(facts, postings, variants, claim_lengths, has_value, topic_members, source_members)
        return index

    @classmethod
    def from_base(cls, base: FactBase, environ: Mapping[str, str] | None = None) -> "SearchIndex":
        """The index of ``base``, searching by meaning too when the encoder is installed (and
        ``OTSFACTS_MEANING`` is not ``0``): the facts are encoded when a query first needs it,
        their vectors kept in the user's cache directory."""
        import os

        facts = list(base.facts.values())
        index = cls(facts)
        environ = os.environ if environ is None else environ
        from otsfacts.meaning import Meaning, enabled

        if enabled(environ):
            from otsfacts.cache import cache_dir

            index.meaning = Meaning(facts, cache_dir(environ), encode_limit=None)
        return index

    def idf(self, word: str) -> float:
        count = self.postings.count(word)
        return math.log(1 + len(self.facts) / (count or 0.5))

    def _saturated(self, idf: float) -> float:
        return idf / (idf + SATURATION) * (1 + SATURATION)

    def expand(self, word: str, exact: bool = False) -> dict[str, float]:
        """Vocabulary words that ``word`` matches, with a quality from 0 to 1.

        ``exact`` (numbers, years, ordinals: any word with a digit) matches only itself.
        """
        found: dict[str, float] = {}
        if word in self.postings:
            found[word] = _EXACT
        if exact or any(c.isdigit() for c in word):
            return found  # "2025" is never "2024", "12th" never "11th"
        if len(word) >= 4:  # acronyms match exactly (or by the glossary) or not at all
            for count, other in enumerate(self._prefixed(word)):
                if count >= MAX_EXPANSIONS:
                    break  # a word that prefixes half a huge vocabulary says little more
                if other != word and not any(c.isdigit() for c in other):
                    found[other] = _PREFIX if len(other) - len(word) <= 3 else 0.75
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
        for other in self._measured(word):
            found.setdefault(other, _MEASURED)
        if not found and len(word) >= 4:
            found.update(self._fuzzy(word))
        return found

    def _measured(self, word: str) -> list[str]:
        """The measure tokens ``word`` asks for ("inhabitants": a figure in people) that the base holds."""
        from otsfacts.measures import measure_of_word

        found = [MEASURE_PREFIX + m for m in measure_of_word().get(word, ())]
        if not found and not word.isascii():
            from otsfacts.glossary import translate

            english, _ = translate(word)  # "площади" -> area
            found = [MEASURE_PREFIX + m for target in english for m in measure_of_word().get(target, ())]
        return [other for other in dict.fromkeys(found) if other in self.postings]

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
        vocabulary = self.vocabulary
        for i in range(bisect_left(vocabulary, word), len(vocabulary)):  # no copy of the tail
            if not vocabulary[i].startswith(word):
                break
            yield vocabulary[i]

    def _fuzzy(self, word: str) -> dict[str, float]:
        from rapidfuzz import fuzz, process

        cutoff = 80 if len(word) >= 6 else 75
        candidates = process.extract(
            word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
        )
        # a short word's typo rarely hits its first letter: "rate" is not "create"; a
        # word is never a typo of a number ("2025" of "2024") or of a measure token
        return {
            other: 0.8 * (score / 100) ** 2
            for other, score, _ in candidates
            if not any(c.isdigit() for c in other) and not other.startswith(MEASURE_PREFIX)
            and (len(word) > 5 or other[0] == word[0])
        }

    # -- issue 16: the cap on what one query may cost (kept apart from the ranking) --

    def _capped_expansions(self, words: list[str], q: Query | None = None) -> tuple[list[str], list[dict[str, float]]]:
        """The query words that are searched, and their expansions, within the caps: the
        first :data:`MAX_QUERY_WORDS` distinct words (a repeated word is expanded once),
        then, when there are more than :data:`UNCAPPED_WORDS` and their postings together
        exceed :data:`MAX_QUERY_POSTINGS`, the words with the most postings (the commonest,
        which weigh least) are left out."""
        kept: list[str] = []
        distinct: set[str] = set()
        for word in words:
            if word not in distinct and len(distinct) == MAX_QUERY_WORDS:
                continue
            distinct.add(word)
            kept.append(word)
        known: dict[str, dict[str, float]] = {}
        expansions = [known[w] if w in known else known.setdefault(w, self.expand(w, exact=q is not None and q.exact(w)))
                      for w in kept]
        if len(known) <= UNCAPPED_WORDS:  # a short query costs what its words cost, as before
            return kept, expansions
        costs = [sum(self.postings.count(other) for other in found) for found in expansions]
        if sum(costs) <= MAX_QUERY_POSTINGS:
            return kept, expansions
        spent, chosen = 0, set[int]()
        for n in sorted(range(len(kept)), key=costs.__getitem__):
            if chosen and spent + costs[n] > MAX_QUERY_POSTINGS:
                break
            spent += costs[n]
            chosen.add(n)
        return [w for n, w in enumerate(kept) if n in chosen], [e for n, e in enumerate(expansions) if n in chosen]

    def _share(self, found: Mapping[str, float]) -> float:
        """The share of facts that hold the best of a word's matches."""
        best = max(found.values())
        count = max(self.postings.count(other) for other, quality in found.items() if quality == best)
        return count / max(1, len(self.facts))

    def _weight(self, found: Mapping[str, float]) -> float:
        """A query word's weight: the saturated rarity of the rarest of its best matches."""
        if not found:
            return 0.0
        best = max(found.values())
        return self._saturated(max(self.idf(other) for other, quality in found.items() if quality == best))

    def search(
        self,
        query: "str | Query",
        *,
        topic: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
        limit: int | None = None,
        min_score: float = DEFAULT_MIN_SCORE,
    ) -> list[Hit]:
        """The facts answering ``query``, best first. Raises :class:`QueryError`."""
        return list(self.find(query, topic=topic, source=source, limit=limit, min_score=min_score).answers)

    def find(
        self,
        query: "str | Query",
        *,
        topic: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
        limit: int | None = None,
        min_score: float = DEFAULT_MIN_SCORE,
        related: int = RELATED,
    ) -> Results:
        """What answers ``query`` (best first, at most ``limit``) and up to ``related`` facts
        near it that do not answer it. ``topic`` and ``source`` (an id or several) keep only
        facts of that topic or source. Raises :class:`QueryError` for a query with nothing
        to search for.
        """
        q = analyse(query) if isinstance(query, str) else query
        words = list(q.words)
        words, expansions = self._capped_expansions(words, q)  # issue 16: a long query's cost is bounded
        # a measure asked for by the shape of the question alone ("how long", "how much")
        asked = [MEASURE_PREFIX + m for m in q.measures if MEASURE_PREFIX + m in self.postings]
        if asked and not any(set(found) & set(asked) for found in expansions):
            words.append("(" + "|".join(q.measures) + ")")
            expansions.append(dict.fromkeys(asked, _MEASURED))
        # A name or number the base does not hold is what was asked about: the base cannot
        # answer (unless it is a typo of one it holds, which the expansion found).
        names = {w for w in words if w in q.names or ("^" + w in q.names and (
            w in self.postings or not expansions[words.index(w)]))}  # see Query.names
        unknown_exact = [w for w, found in zip(words, expansions) if not found and (w in names or w in q.numbers)]
        weights = [
            self._weight(found) or (2 * self._saturated(self.idf("")) if word in names or word in q.numbers else
                                    # a plain ASCII word the base lacks is likelier filler ("exactly")
                                    # than a word in other letters neither base nor glossary knows
                                    UNKNOWN_WORD_WEIGHT if word.isascii() else self._saturated(self.idf("")))
            for word, found in zip(words, expansions)
        ]
        if len(words) > len(q.words):
            weights[-1] = min(weights[-1], UNKNOWN_WORD_WEIGHT)  # the question's shape: a hint, not a subject
        total = sum(weights)
        # a name most facts hold ("OTS", "Turkic") is the base's own context, not what the
        # question singles out: only rarer names must be held
        required = [i for i, w in enumerate(words) if expansions[i] and (
            w in q.numbers or (w in names and self._share(expansions[i]) < CONTEXT_NAME_SHARE))]
        slots, matched_words, qualities = self._slots(expansions)
        allowed = self._allowed(topic, source)
        lexical = self._spelling_scores(slots, qualities, weights, total, allowed,
                                        None if limit is None else max(CANDIDATES, limit))
        self._rescore_phrases(q, lexical, words, slots, matched_words, qualities, weights, total)
        strong_all = self._spelled_out(lexical, slots, qualities, required, len(words))
        meaning = self.meaning
        similarity = None
        notice = None
        if not strong_all and not unknown_exact and meaning is not None:
            similarity = meaning.similarities(self._corrected(q.text, words, expansions))
            if similarity is None:
                notice = meaning.notice
        candidates = self._candidates(lexical, similarity, allowed)
        scored: list[tuple[float, bool, int]] = []
        spelling_order = {n: r for r, n in enumerate(sorted(lexical, key=lambda n: -lexical[n][0]), 1)}
        meaning_order: dict[int, int] = {}
        if similarity is not None:
            for rank, n in enumerate(sorted(candidates, key=lambda n: -similarity[n]), 1):
                meaning_order[n] = rank
        # a lower threshold relaxes the share of words an answer must hold in step
        relax = min(1.0, min_score / DEFAULT_MIN_SCORE)
        needed = MIN_COVERAGE * relax * len(words)
        for n in candidates:
            spelling, matched, strong = lexical.get(n, (0.0, 0, 0.0))
            holds_required = all(n in slots[i] for i in required)
            closeness = 0.0
            if similarity is not None:
                cosine = float(similarity[n])
                closeness = min(1.0, max(0.0, (cosine - MEANING_FLOOR) / (MEANING_CEILING - MEANING_FLOOR)))
            # meaning adds to what spelling found; it never takes away from it
            fused = max(spelling, SPELLING_SHARE * spelling + (1 - SPELLING_SHARE) * closeness)
            if (q.asks_figure or asked) and not (self.has_value[n] & _FIGURE):
                fused *= FIGURE_PENALTY
            if self.has_value[n] & _DISPUTED:
                fused *= DISPUTED_SHARE
            score = round(100 * fused ** _SCORE_EXPONENT, 1)
            # spelled: most of the query's words are in the fact (as typed, or nearly, unless
            # meaning disagrees); meant: the fact is close in meaning
            spelled = matched >= needed and spelling >= MIN_COVERAGE * relax and (
                similarity is None or strong >= MIN_COVERAGE * relax or float(similarity[n]) >= MEANING_VETO)
            meant = similarity is not None and float(similarity[n]) >= MEANING_ANSWER
            answer = (holds_required and not unknown_exact and (spelled or meant) and score >= min_score
                      and self._fits(q, n))
            scored.append((score, answer, n))
        scored.sort(key=lambda item: (-item[0], -(similarity[item[2]] if similarity is not None else 0.0),
                                      -(q.asks_figure and (self.has_value[item[2]] & _FIGURE)), self.claim_lengths[item[2]], item[2]))
        best = next((s for s, answer, _ in scored if answer), 0.0)
        floor = best * RELATIVE_CUTOFF
        answers = [(s, n) for s, answer, n in scored if answer and s >= floor]
        if limit is not None:
            answers = answers[:limit]
        shown = {n for _, n in answers}
        nearby = [(s, n) for s, _, n in scored if n not in shown and s > 0][:related]

        def hit(score: float, n: int) -> Hit:
            return self._hit(n, score, words, weights, total, slots, matched_words, qualities,
                             None if similarity is None else round(float(similarity[n]), 3),
                             spelling_order.get(n), meaning_order.get(n))

        return Results(q, tuple(hit(s, n) for s, n in answers), tuple(hit(s, n) for s, n in nearby),
                       similarity is not None, notice)

    def _fits(self, q: Query, number: int) -> bool:
        """Whether fact ``number`` is the kind of fact the question asks for: one that says
        when, for "when"; a figure in the measure asked for, for "how much" and the like."""
        if not (q.asks_time or q.asks_figure):
            return True
        fact = self.facts[number]
        if q.asks_time and not (fact.date or fact.as_of or _TIME_IN_TEXT.search(fact.claim)
                                or _TIME_IN_TEXT.search(fact.quote)):
            return False
        if q.asks_figure and not q.asks_time:
            if fact.value is None:
                return False
            from otsfacts.measures import measures_of_unit

            measures = set(measures_of_unit(fact.unit))
            if q.measures and not measures & set(q.measures):
                return False
            if q.asks_count and not q.measures:
                # a count is of things, not money, a share or tons; and of the things asked
                # for: "how many member states" is not answered by a number of universities
                if measures:
                    return False
                counted = {stem(w) for w in q.counted}
                if counted and not counted & {stem(t) for t in tokens(f"{fact.unit} {fact.claim}")}:
                    return False
        return True

    def _corrected(self, text: str, words: Sequence[str], expansions: Sequence[Mapping[str, float]]) -> str:
        """``text`` as meaning should read it: a word spelling matched only fuzzily replaced
        by what it matched ("midle coridor" is read as "middle corridor"); the encoder knows
        words, not their typos."""
        fixes = {}
        for word, found in zip(words, expansions):
            if found and max(found.values()) < _STEM and word not in self.postings:
                fixes[word] = max(found, key=found.__getitem__)
        if not fixes:
            return text
        return " ".join(fixes.get(fold(raw).strip(".,?!;:"), raw) for raw in text.split())

    def _slots(self, expansions: Sequence[Mapping[str, float]]) -> tuple[
            list[dict[int, int]], list[list[str]], list[list[float]]]:
        """Per query word: fact number -> slot, ``expansion << 9 | field mask``: which of the
        word's expansions the fact holds best (the highest gain) and in which fields."""
        names = [list(found) for found in expansions]
        qualities = [list(found.values()) for found in expansions]
        slots: list[dict[int, int]] = []
        for i, found in enumerate(expansions):
            mine: dict[int, int] = {}
            for expansion, other in enumerate(found):
                postings = self.postings[other]
                shifted = expansion << _MASK_BITS
                if not mine:  # the common case, one expansion: no comparisons needed
                    mine = {p >> _MASK_BITS: shifted | (p & _MASK) for p in postings}
                    continue
                quality, known = qualities[i][expansion], qualities[i]
                for packed in postings:
                    number, mask = packed >> _MASK_BITS, packed & _MASK
                    old = mine.get(number)
                    if old is None or quality * _MASK_GAIN[mask] > known[old >> _MASK_BITS] * _MASK_GAIN[old & _MASK]:
                        mine[number] = shifted | mask
            slots.append(mine)
        return slots, names, qualities

    def _allowed(self, topic: str | Iterable[str] | None, source: str | Iterable[str] | None) -> set[int] | None:
        """The fact numbers the filters keep (any of the topics, and any of the sources); None: all."""
        allowed: set[int] | None = None
        for members, wanted in ((self.topic_members, topic), (self.source_members, source)):
            if wanted is None:
                continue
            keys = [wanted] if isinstance(wanted, str) else list(wanted)
            kept = {n for key in keys for n in members.get(key, ())}
            allowed = kept if allowed is None else allowed & kept
        return allowed

    def _rescore_phrases(self, q: Query, lexical: dict[int, tuple[float, int, float]], words: Sequence[str],
                         slots: Sequence[dict[int, int]], matched_words: Sequence[Sequence[str]],
                         qualities: Sequence[Sequence[float]], weights: Sequence[float], total: float) -> None:
        """Words the query writes together earn more where a fact holds them together: the
        phrase's field weight with a bonus. Where one of them is found only in the phrase
        ("Secretary General" in a speaker's role), the phrase decides both words' weight,
        not the other's stray use elsewhere ("General Assembly")."""
        if not q.phrases or not lexical:
            return
        position = {w: i for i, w in enumerate(words)}
        pairs = [(position[a], position[b]) for a, b in q.phrases]
        best = heapq.nlargest(PHRASE_CANDIDATES, lexical, key=lambda n: lexical[n][0])
        for n in best:
            held = [(i, j) for i, j in pairs if n in slots[i] and n in slots[j]]
            if not held:
                continue
            texts = searchable_fields(self.facts[n])
            gains: dict[int, float] = {}
            for i, j in held:
                a = matched_words[i][slots[i][n] >> _MASK_BITS]
                b = matched_words[j][slots[j][n] >> _MASK_BITS]
                together = [f for f, text in enumerate(texts) if _adjacent(tokens(text), a, b)]
                if not together:
                    continue
                field = min(together)
                # where one word is found only in the phrase ("secretary", in a speaker's
                # role), the other is read in it too, not in a stray use elsewhere
                # ("General Assembly"); otherwise the phrase only adds to what each word has
                same_sense = field in (_MASK_BEST[slots[i][n] & _MASK], _MASK_BEST[slots[j][n] & _MASK])
                for k in (i, j):
                    slot = slots[k][n]
                    quality = qualities[k][slot >> _MASK_BITS]
                    phrase = min(1.0, _FIELD_WEIGHTS[field] / _TOP_WEIGHT * quality * PHRASE_BONUS)
                    own = quality * _MASK_GAIN[slot & _MASK]
                    gains[k] = max(gains.get(k, 0.0), phrase if same_sense else max(own, phrase))
            score, matched, strong = lexical[n]
            for k, gain in gains.items():
                slot = slots[k][n]
                old = qualities[k][slot >> _MASK_BITS] * _MASK_GAIN[slot & _MASK]
                score += weights[k] * (gain - old) / total
            lexical[n] = (max(0.0, min(1.0, score)), matched, strong)

    def _spelling_scores(self, slots: Sequence[dict[int, int]], qualities: Sequence[Sequence[float]],
                         weights: Sequence[float], total: float, allowed: set[int] | None,
                         most: int | None) -> dict[int, tuple[float, int, float]]:
        """fact number -> (spelling score 0-1, words matched, share of the weight matched strongly)
        for the facts that can rank: every fact that holds a query word, on a small base; the
        best few thousand on a big one."""
        # A fact's score depends only on its slots, one per query word, and a common word
        # gives thousands of facts the same few: score each distinct combination once.
        matched: Iterable[int] = slots[0] if len(slots) == 1 else set().union(*slots)
        numbers = list(matched) if allowed is None else [n for n in matched if n in allowed]
        groups: dict[tuple[int, ...], list[int]] = {}
        columns = [[mine.get(n, -1) for n in numbers] for mine in slots]
        for number, key in zip(numbers, zip(*columns)):
            group = groups.get(key)
            if group is None:
                groups[key] = [number]
            else:
                group.append(number)
        scored: list[tuple[float, int, float, list[int]]] = []
        for key, members in groups.items():
            score = strong = 0.0
            count = 0
            for i, slot in enumerate(key):
                if slot >= 0:
                    quality = qualities[i][slot >> _MASK_BITS]
                    score += weights[i] * quality * _MASK_GAIN[slot & _MASK]
                    strong += weights[i] if quality >= STRONG else 0.0
                    count += 1
            scored.append((score / total, count, strong / total, members))
        scored.sort(key=lambda group: -group[0])
        out: dict[int, tuple[float, int, float]] = {}
        average = (sum(self.claim_lengths) / len(self.claim_lengths)) if len(self.claim_lengths) else 1.0
        lengths = self.claim_lengths
        for score, count, strong, members in scored:
            if most is not None:
                if len(out) >= most:
                    break
                if len(members) > most:  # a word thousands of facts share: the shortest claims
                    members = heapq.nsmallest(most, members, key=lengths.__getitem__)
            for n in members:
                # a long claim is about more than the query's words: a little less of an answer
                length = lengths[n]
                out[n] = (score * (1 - LENGTH_DISCOUNT * length / (length + average)), count, strong)
        return out

    def _spelled_out(self, lexical: Mapping[int, tuple[float, int, float]], slots: Sequence[dict[int, int]],
                     qualities: Sequence[Sequence[float]], required: Sequence[int], count: int) -> bool:
        """Whether one fact holds every query word as the user spelled it (or nearly): then
        spelling alone has answered, and meaning is not consulted."""
        for n, (_, matched, _) in lexical.items():
            if matched < count:
                continue
            if all(qualities[i][slots[i][n] >> _MASK_BITS] >= STRONG for i in range(count)):
                return True
        return False

    def _candidates(self, lexical: Mapping[int, tuple[float, int, float]], similarity: Any,
                    allowed: set[int] | None) -> list[int]:
        """The facts the fusion scores: spelling's (all, or its best on a big base) and meaning's best."""
        found = dict.fromkeys(lexical)
        if similarity is not None:
            import numpy as np

            order = np.argsort(-similarity, kind="stable")
            picked = 0
            for n in order:
                n = int(n)
                if allowed is not None and n not in allowed:
                    continue
                found.setdefault(n)
                picked += 1
                if picked >= CANDIDATES:
                    break
        return list(found)

    def _hit(self, number: int, score: float, words: Sequence[str], weights: Sequence[float], total: float,
             slots: Sequence[dict[int, int]], names: Sequence[Sequence[str]],
             qualities: Sequence[Sequence[float]], similarity: float | None,
             spelling_rank: int | None, meaning_rank: int | None) -> Hit:
        matches = []
        for i, mine in enumerate(slots):
            slot = mine.get(number)
            if slot is not None:
                mask = slot & _MASK
                gain = qualities[i][slot >> _MASK_BITS] * _MASK_GAIN[mask]
                other = names[i][slot >> _MASK_BITS]
                field_number = _MASK_BEST[mask]
                matches.append(Match(words[i], other, FIELDS[field_number][0],
                                     round(gain * _TOP_WEIGHT / _FIELD_WEIGHTS[field_number], 3),
                                     round(100 * weights[i] * gain / total, 1)))
        unmatched = tuple(w for i, w in enumerate(words) if number not in slots[i])
        return Hit(self.facts[number], score, tuple(matches), unmatched, similarity, spelling_rank, meaning_rank)


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "ed", "es", "s")


def _adjacent(words: Sequence[str], first: str, second: str) -> bool:
    """Whether ``first`` comes right before ``second`` in ``words``."""
    return any(a == first and b == second for a, b in zip(words, words[1:]))


def stem(word: str) -> str:
    """A light English stem, so "invested", "investments" and "invest" meet."""
    if len(word) <= 4 or not word.isascii() or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def search(base: FactBase, query: str, **options: Any) -> list[Hit]:
    """Search ``base`` for ``query``; see :meth:`SearchIndex.search` for the options."""
    return SearchIndex.from_base(base).search(query, **options)


def closest(name: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The ``choices`` nearest to ``name``, for "did you mean" suggestions."""
    from rapidfuzz import fuzz, process

    folded = {fold(c): c for c in choices}
    found = process.extract(fold(name), list(folded), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [folded[c] for c, _, _ in found]
