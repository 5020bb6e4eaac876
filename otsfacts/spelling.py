"""Scoring facts by spelling: which of a query word's expansions each fact holds, in which
fields, and the saturated, field-weighted share of the query that comes to (see
:mod:`otsfacts.search` for how it is fused with meaning and what makes an answer); and
how the facts spell a word: as a name or not, in their own fields or only their topic's."""

from __future__ import annotations

import heapq
from typing import Iterable, Mapping, Sequence

from otsfacts.index import _MASK, _MASK_BITS, _MASK_GAIN, Index, field_mask

#: How much a long claim's spelling score is discounted: the fact is about more than
#: the query's words (BM25's length normalisation, for the claim field).
LENGTH_DISCOUNT = 0.1
#: Matches at least this good are strong: the word is in the fact as the user spelled it
#: (or by prefix), or a curated translation of it; stems and typos are weak.
STRONG = 0.85
#: How many of the facts holding a query's first word are read to tell whether the base
#: writes it as a name (see ``SpellingIndex._written_as_name``).
NAME_SAMPLE = 20

# What may open a word in a sentence before its first letter: "(OTS)", "“Gabala"
_OPENING = "([{\"'“‘«"
# The fields that are the fact's own, not its topic's.
_OWN = _MASK & ~field_mask("topics")
# where a fact holds a number it states: not its source's date ("Trend, 2025-10-27" says
# nothing of 2025's military exercises)
_OWN_NUMBER = _OWN & ~field_mask("source")
_SPEAKER = field_mask("speaker")
_CLAIM = field_mask("claim")
# the fields in which a fact says something itself: not who said it, its topic or its source
_STATED = _OWN_NUMBER & ~_SPEAKER


class SpellingIndex(Index):
    """An index that scores facts against a query's words by how they are spelled."""

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

    def _held_own(self, found: Iterable[str], own: int = _OWN) -> set[int]:
        """The facts holding one of the words ``found`` in a field of their own (any but
        topics; ``own``: those fields)."""
        return {packed >> _MASK_BITS for other in found for packed in self.postings.get(other, ())
                if packed & own}

    def _written_together(self, first: str, second: str, sample: int = NAME_SAMPLE) -> bool:
        """Whether the facts write ``first`` and ``second`` together as (part of) a name, both
        capitalised ("Turkic World Higher Education Area" for "education area"), in a
        sentence or an alias of one of up to ``sample`` facts holding both. Read only for a
        measure word after another query word, so most searches never compile its pattern."""
        import re

        if first not in self.postings or second not in self.postings:
            return False
        holding = {packed >> _MASK_BITS for packed in self.postings[first]}
        both = [n for n in dict.fromkeys(packed >> _MASK_BITS for packed in self.postings[second]) if n in holding]
        pattern = re.compile(rf"\b{re.escape(first)}\s+{re.escape(second)}\b", re.IGNORECASE)
        for n in both[:sample]:
            fact = self.facts[n]
            for text in (fact.claim, fact.quote, *fact.aliases):
                if any(all(w[:1].isupper() for w in found.group().split()) for found in pattern.finditer(text)):
                    return True
        return False

    def _written_as_name(self, word: str, sample: int = NAME_SAMPLE) -> bool:
        """Whether the facts write ``word`` with a capital inside their sentences ("Gabala",
        not "beyond"): a query's first word, whose capital may only start the sentence, is
        a name only then. The first of up to ``sample`` facts that hold it in a sentence
        decides; then its aliases ("Bakı", but "qış turizmi"); held only elsewhere (an id),
        it is a name."""
        from otsfacts.text import tokens

        for packed in self.postings[word][:sample]:
            fact = self.facts[packed >> _MASK_BITS]
            written = [raw for sentence in (fact.claim, fact.quote) for raw in sentence.split()[1:]]
            written += [raw for alias in fact.aliases for raw in alias.split()]
            for raw in written:
                if word in tokens(raw):
                    return raw.lstrip(_OPENING)[:1].isupper()
        return True
