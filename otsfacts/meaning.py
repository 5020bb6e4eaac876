"""Search by meaning: each fact's sentence vector, and how close a query's is to each.

Spelling finds the facts that hold the query's words; meaning finds those that say what
the query asks in other words ("inhabitants" for a population, "power line under the
sea" for an undersea cable) or in another language. Each fact is encoded twice, its
claim with its aliases and its quote, and its similarity to a query is the higher of the
two (a claim is our summary, the quote the speaker's own words; either may be the closer
paraphrase). On the development set, claim and aliases alone found 90% at recall@3,
claim alone 88%, quote alone 81%; the closer of the two kept the 90% (MRR 0.86).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from otsfacts.encoder import Encoder, load as load_encoder

if TYPE_CHECKING:
    import numpy as np

    from otsfacts.model import Fact

#: Texts encoded per fact: the claim and the quote.
TEXTS_PER_FACT = 2


def fact_texts(fact: "Fact") -> tuple[str, str]:
    """What is encoded of ``fact``: its claim with its aliases, and its quote."""
    return " ".join((fact.claim, *fact.aliases)), fact.quote


class MeaningIndex:
    """Fact vectors (``TEXTS_PER_FACT`` rows a fact, in fact order) and the encoder for queries."""

    def __init__(self, vectors: "np.ndarray", encoder: Encoder) -> None:
        self.vectors = vectors
        self.encoder = encoder

    @classmethod
    def build(cls, facts: Sequence["Fact"], cache: Path | None,
              progress: Callable[[int, int], None] | None = None) -> "MeaningIndex":
        """Encode every fact (no cache of vectors: for the library and benchmarks)."""
        encoder = load_encoder(cache)
        return cls(encode_facts(encoder, facts, progress), encoder)

    def similarities(self, query: str) -> "np.ndarray":
        """Each fact's cosine similarity to ``query``: the closer of its claim and quote."""
        vector = self.encoder.encode([query])[0]
        scores = self.vectors @ vector
        return scores.reshape(-1, TEXTS_PER_FACT).max(axis=1)


def encode_facts(encoder: Encoder, facts: Sequence["Fact"],
                 progress: Callable[[int, int], None] | None = None, batch: int = 256) -> "np.ndarray":
    """The vectors of ``facts``, ``TEXTS_PER_FACT`` rows each, float32."""
    import numpy as np

    texts = [text for fact in facts for text in fact_texts(fact)]
    out = np.empty((len(texts), 512), dtype=np.float32)
    for start in range(0, len(texts), batch):
        out[start:start + batch] = encoder.encode(texts[start:start + batch])
        if progress is not None:
            progress(min(len(texts), start + batch) // TEXTS_PER_FACT, len(facts))
    return out
