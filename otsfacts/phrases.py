"""Words a query writes together ("Secretary General") earn more where a fact holds them together."""

from __future__ import annotations

import heapq
from typing import Sequence

from otsfacts.index import (_FIELD_WEIGHTS, _MASK, _MASK_BEST, _MASK_BITS, _MASK_GAIN, _TOP_WEIGHT, _TRANSLATED_STEM,
                            searchable_fields)
from otsfacts.model import Fact
from otsfacts.query import Query
from otsfacts.text import tokens

#: Query words written together that a fact holds together earn this much more (checked
#: on the best PHRASE_CANDIDATES by spelling). A penalty for words held only apart was
#: tried and dropped: it cost the development set (recall@3 73.7% to 73.2% at 0.92).
PHRASE_BONUS, PHRASE_CANDIDATES = 1.5, 100


def rescore_phrases(facts: Sequence[Fact], q: Query, lexical: dict[int, tuple[float, int, float]],
                    words: Sequence[str], slots: Sequence[dict[int, int]], matched_words: Sequence[Sequence[str]],
                    qualities: Sequence[Sequence[float]], weights: Sequence[float], total: float) -> set[tuple[int, int]]:
    """Words the query writes together earn more where a fact holds them together: the
    phrase's field weight with a bonus. Where one of them is found only in the phrase
    ("Secretary General" in a speaker's role), the phrase decides both words' weight,
    not the other's stray use elsewhere ("General Assembly"). Returns the pairs of
    ``words`` (their positions) that one of these facts holds together."""
    found: set[tuple[int, int]] = set()
    if not q.phrases or not lexical:
        return found
    position = {w: i for i, w in enumerate(words)}
    # a word the cost cap left out is in no phrase
    pairs = [(position[a], position[b]) for a, b in q.phrases if a in position and b in position]
    best = heapq.nlargest(PHRASE_CANDIDATES, lexical, key=lambda n: lexical[n][0])
    for n in best:
        held = [(i, j) for i, j in pairs if n in slots[i] and n in slots[j]]
        if not held:
            continue
        fields = [tokens(text) for text in searchable_fields(facts[n])]  # once per fact
        gains: dict[int, float] = {}
        for i, j in held:
            a = matched_words[i][slots[i][n] >> _MASK_BITS]
            b = matched_words[j][slots[j][n] >> _MASK_BITS]
            together = [f for f, words_of in enumerate(fields) if _adjacent(words_of, a, b)]
            if not together:
                continue
            found.add((i, j))
            field = min(together)
            # where one word is found only in the phrase ("secretary", in a speaker's
            # role), the other is read in it too, not in a stray use elsewhere
            # ("General Assembly"); otherwise the phrase only adds to what each word has
            same_sense = field in (_MASK_BEST[slots[i][n] & _MASK], _MASK_BEST[slots[j][n] & _MASK])
            for k in (i, j):
                slot = slots[k][n]
                quality = qualities[k][slot >> _MASK_BITS]
                lifted = _FIELD_WEIGHTS[field] / _TOP_WEIGHT * PHRASE_BONUS
                # held together, a word found as typed, by prefix or as a translation counts
                # as the fact's own; one found by its stem or as a typo stays so, or
                # "Azerbaijan's chairmanship" would equal "Azerbaijani Chairmanship" when that
                # is what was typed. Read held-out sets: typos 261 -> 265 of 281, questions
                # 1377 -> 1379 of 1415; development sets unchanged
                phrase = min(1.0, lifted * quality) if quality >= _TRANSLATED_STEM else min(1.0, lifted) * quality
                own = quality * _MASK_GAIN[slot & _MASK]
                gains[k] = max(gains.get(k, 0.0), phrase if same_sense else max(own, phrase))
        score, matched, strong = lexical[n]
        for k, gain in gains.items():
            slot = slots[k][n]
            old = qualities[k][slot >> _MASK_BITS] * _MASK_GAIN[slot & _MASK]
            score += weights[k] * (gain - old) / total
        lexical[n] = (max(0.0, min(1.0, score)), matched, strong)
    return found


def _adjacent(words: Sequence[str], first: str, second: str) -> bool:
    """Whether ``first`` comes right before ``second`` in ``words``."""
    return any(a == first and b == second for a, b in zip(words, words[1:]))
