"""Postings: for each word of a base, the facts holding it and in which fields, packed."""

from __future__ import annotations

from array import array

from bisect import bisect_left
from itertools import accumulate
from typing import Iterator, Mapping, MutableMapping, Sequence

from otsfacts.text import stem


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


#: A span's postings as they cross from a worker to the parent: the words joined by
#: newlines (no word holds one), where each word's postings end in the blob, in bytes,
#: and the blob. Pickling the 300,000 small arrays of a 100,000-fact base's spans and
#: reading them back took 1.5 s of its 9.8 s cold build; three flat values cost next to
#: nothing (see :func:`pack`).
Packed = tuple[str, "array[int]", bytes]


def pack(postings: Mapping[str, "array[int]"]) -> Packed:
    """``postings`` as three flat values (see :data:`Packed`)."""
    ends = array("q", accumulate(len(packed) * packed.itemsize for packed in postings.values()))
    return "\n".join(postings), ends, b"".join(packed.tobytes() for packed in postings.values())


def unpacked(packed: Packed) -> Iterator[tuple[str, bytes]]:
    """Each word of a :data:`Packed` span with its postings' bytes."""
    words, ends, blob = packed
    if not words:
        return
    start = 0
    for word, end in zip(words.split("\n"), ends):
        yield word, blob[start:end]
        start = end


def merge(into: MutableMapping[str, "array[int]"], more: Mapping[str, "array[int]"]) -> None:
    """Append ``more``'s postings to ``into``'s, word by word (a later span's facts after
    an earlier's, so each word's postings stay in fact order)."""
    for word, packed in more.items():
        mine = into.get(word)
        if mine is None:
            into[word] = packed
        else:
            mine.extend(packed)
