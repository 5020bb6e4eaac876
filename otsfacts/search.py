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

import heapq
import math
from array import array
from bisect import bisect_left
from operator import itemgetter
from typing import Iterable, Iterator, Mapping, Sequence

from otsfacts.errors import QueryError
from otsfacts.model import Fact, FactBase, format_number
from otsfacts.record import Record
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
#: Issue 16, the cap on one query's cost: at most this many distinct words are searched,
#: and their expansions' postings together at most this many (a 1,000-character query
#: of common prefixes once cost 4 s and 1.4 GB on 100,000 facts).
MAX_QUERY_WORDS = 32
MAX_QUERY_POSTINGS = 400_000
UNCAPPED_WORDS = 3  # up to this many distinct words, postings are not counted (it costs a lookup each)
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
    """A fact that answers a query, with its score and how it came about."""

    __slots__ = ("fact", "score", "matches", "unmatched")
    fact: Fact
    score: float
    matches: tuple[Match, ...]
    unmatched: tuple[str, ...]

    def __init__(self, fact: Fact, score: float, matches: tuple[Match, ...] = (),
                 unmatched: tuple[str, ...] = ()) -> None:
        self._init(fact, score, matches, unmatched)


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
    has_value: bytes
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
    return IndexPart(found, array("q", (len(f.claim) for f in facts)), bytes(f.value is not None for f in facts),
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
    def from_base(cls, base: FactBase) -> "SearchIndex":
        return cls(list(base.facts.values()))

    def idf(self, word: str) -> float:
        count = self.postings.count(word)
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
        # a short word's typo rarely hits its first letter: "rate" is not "create"
        return {
            other: 0.8 * (score / 100) ** 2
            for other, score, _ in candidates
            if not is_number(other) and (len(word) > 5 or other[0] == word[0])
        }

    # -- issue 16: the cap on what one query may cost (kept apart from the ranking) --

    def _capped_expansions(self, words: list[str]) -> tuple[list[str], list[dict[str, float]]]:
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
        expansions = [known[w] if w in known else known.setdefault(w, self.expand(w)) for w in kept]
        if len(known) <= UNCAPPED_WORDS:  # a short query costs what its words cost, as before
            return kept, expansions
        costs = [sum(self.postings.count(other) for other in found) for found in expansions]
        if sum(costs) <= MAX_QUERY_POSTINGS:
            return kept, expansions
        spent, chosen = 0, set()
        for n in sorted(range(len(kept)), key=costs.__getitem__):
            if chosen and spent + costs[n] > MAX_QUERY_POSTINGS:
                break
            spent += costs[n]
            chosen.add(n)
        return [w for n, w in enumerate(kept) if n in chosen], [e for n, e in enumerate(expansions) if n in chosen]

    def _weight(self, found: Mapping[str, float]) -> float:
        """A query word's weight: the highest inverse document frequency among its best matches."""
        if not found:
            return 0.0
        best = max(found.values())
        return max(self.idf(other) for other, quality in found.items() if quality == best)

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
        words, expansions = self._capped_expansions(words)  # issue 16: a long query's cost is bounded
        weights = [
            # the rarest of the word's best matches. A name or number the base lacks is what
            # was asked about: it outweighs any word the base holds. A plain ASCII word it
            # lacks (English, as a rule) is likelier filler ("exactly", "latest") and weighs
            # less; other languages' question words are stop words, so a word in other
            # letters that neither the base nor the glossary knows ("ядерная", nuclear) is
            # likelier the subject, and weighs what a rare word does.
            self._weight(found) or (2 * self.idf("") if word in named else
                                    UNKNOWN_WORD_WEIGHT if word.isascii() else self.idf(""))
            for word, found in zip(words, expansions)
        ]
        total = sum(weights)
        # Per query word: fact number -> slot, ``expansion << 9 | field mask``: which of the
        # word's expansions the fact holds best (the highest gain) and in which fields.
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
        matched: Iterable[int] = slots[0] if len(slots) == 1 else set().union(*slots)
        allowed: set[int] | None = None
        if topic is not None:
            allowed = set(self.topic_members.get(topic, ()))
        if source is not None:
            in_source = set(self.source_members.get(source, ()))
            allowed = in_source if allowed is None else allowed & in_source
        numbers = list(matched) if allowed is None else [n for n in matched if n in allowed]
        # A fact's score and breadth depend only on its slots, one per query word, and a
        # common word gives thousands of facts the same few: score each distinct
        # combination once, then rank only the facts of the combinations that can make
        # the top.
        groups: dict[tuple[int, ...], list[int]] = {}
        columns = [[mine.get(n, -1) for n in numbers] for mine in slots]
        for number, key in zip(numbers, zip(*columns)):
            group = groups.get(key)
            if group is None:
                groups[key] = [number]
            else:
                group.append(number)
        # a lower threshold relaxes the share of words an answer must match in step
        needed = MIN_COVERAGE * min(1.0, min_score / DEFAULT_MIN_SCORE) * len(words)
        scored: list[tuple[float, float, list[int]]] = []
        for key, members in groups.items():
            if sum(slot >= 0 for slot in key) < needed:
                continue
            score = breadth = 0.0
            for i, slot in enumerate(key):
                if slot >= 0:
                    mask = slot & _MASK
                    gain = qualities[i][slot >> _MASK_BITS] * _MASK_GAIN[mask]
                    score += weights[i] * gain
                    breadth += weights[i] * gain * _MASK_BREADTH[mask]
            scored.append((round(100 * score / total, 1), breadth, members))
        if not scored:
            return []
        scored.sort(key=lambda group: -group[0])
        floor = max(min_score, scored[0][0] * RELATIVE_CUTOFF)
        figure = asks_for_figure(query)
        ranked: list[tuple[float, int, float, int, int]] = []
        for score, breadth, members in scored:
            if score < floor:
                break
            if limit is not None and len(ranked) >= limit and score < -ranked[-1][0]:
                break  # enough answers, and none of these could tie with the last of them
            # best score first; among equals, a figure if one was asked for, the word in
            # more fields, then the shorter claim
            ranked.extend((-score, -(figure and self.has_value[n]), -breadth, self.claim_lengths[n], n)
                          for n in members)
        chosen = heapq.nsmallest(limit, ranked) if limit is not None else sorted(ranked)
        return [self._hit(r[4], -r[0], words, weights, total, slots, names, qualities) for r in chosen]

    def _hit(self, number: int, score: float, words: Sequence[str], weights: Sequence[float], total: float,
             slots: Sequence[dict[int, int]], names: Sequence[Sequence[str]],
             qualities: Sequence[Sequence[float]]) -> Hit:
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
        return Hit(self.facts[number], score, tuple(matches), unmatched)


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
