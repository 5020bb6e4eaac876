"""Abbreviations in facts, and whether anything spells them out: ``check`` warns about an
abbreviation (TITR, OTS) that neither the fact's aliases nor any text of the base expands,
since a reader searching for its words would not find the fact."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Sequence

from otsfacts.choices import PLACEHOLDER

if TYPE_CHECKING:  # (entries reads fact files: search, which spells abbreviations out, needs none of it)
    from otsfacts.entries import TableEntry

_WORDS = re.compile(r"[^\W_]+")
_ROMAN = re.compile(r"[IVX]+")
# Words an expansion may skip ("Organization *of* Turkic States").
_SKIPPABLE = frozenset("a an and the of for in on at to by with de du la le ve və и".split())
_HYPHENS = re.compile(r"[-‐‑–—]")


def abbreviations(text: str) -> list[str]:
    """All-caps words (two capitals or more, digits allowed: TITR, OTS, COP29), not Roman numerals."""
    found: list[str] = []
    for word in _WORDS.findall(text):
        if not word.isupper():  # a quick no for nearly every word: it has a lowercase letter or none cased
            continue
        letters = [c for c in word if c.isalpha()]
        if (len(letters) >= 2 and all(c.isupper() for c in letters) and not _ROMAN.fullmatch(word)
                and word != PLACEHOLDER):
            if word not in found:
                found.append(word)
    return found


def uncovered_abbreviations(table: dict[str, Any], inherited: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The claim's and quote's abbreviations that the fact's aliases neither hold nor spell out.

    An abbreviation is covered by an alias that has it as a word, by its unit (GW), or by
    an expansion whose words' initials spell it, in an alias or in the claim or quote
    themselves ("Organization of Turkic States" covers OTS). ``inherited`` are the aliases
    search gives the fact from its topics and source, which cover it as well.
    """
    def strings(key: str) -> list[str]:
        value = table.get(key)
        if isinstance(value, str):
            return [value]
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    aliases = strings("aliases") + list(inherited)
    alias_words = {w for alias in aliases for w in _WORDS.findall(alias)}
    unit_words = {w for unit in strings("unit") for w in _WORDS.findall(unit)}
    phrases = aliases + strings("claim") + strings("quote")
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for key in ("claim", "quote"):
        for abbreviation in abbreviations(" ".join(strings(key))):
            if abbreviation in seen:
                continue
            seen.add(abbreviation)
            if abbreviation in alias_words or abbreviation in unit_words:
                continue
            if any(spells_out(abbreviation, phrase) for phrase in phrases):
                continue
            found.append((abbreviation, key))
    return found


def spelled_out_anywhere(entries: Sequence[TableEntry]) -> frozenset[str]:
    """The facts' abbreviations that some entry of the base spells out, in any text or alias.

    A base that says once what OTS stands for need not say it again in every fact that
    uses it: only abbreviations the whole base leaves unexplained are worth a warning.
    """
    phrases = [text for e in entries for key in ("claim", "quote", "title", "aliases") for text in _phrases(e, key)]
    used = {a for e in entries if e.kind == "fact" for key in ("claim", "quote")
            for a in abbreviations(e.text(key) or "")}
    return frozenset(a for a in used if any(spells_out(a, phrase) for phrase in phrases))


def _phrases(entry: TableEntry, key: str) -> list[str]:
    text = entry.text(key)
    return [text] if text else entry.texts(key)


def spells_out(abbreviation: str, phrase: str) -> bool:
    """Whether consecutive words of ``phrase`` spell ``abbreviation``.

    Each word gives its initial and may give later letters of its own, in order
    ("Association of SouthEast Asian Nations" spells ASEAN); small words may be skipped;
    hyphenated words count as one word or as several (Trans-Caspian, Co-operation).
    """
    from otsfacts.text import fold

    letters = fold("".join(c for c in abbreviation if c.isalpha()))
    if len(letters) < 2:
        return False
    for split in (phrase.split(), _HYPHENS.sub(" ", phrase).split()):
        bare = [w for w in ("".join(c for c in w if c.isalnum()) for w in split) if w]
        # an abbreviation in the phrase (OTS itself, or another) spells nothing out
        words = ["\0" if abbreviations(w) and len(w) <= len(abbreviation) else fold(w) for w in bare]
        spell = _Speller(letters, words)
        if any(spell(0, start, 0) for start in range(len(words))):
            return True
    return False


def initials_spell(abbreviation: str, phrase: str) -> bool:
    """Whether ``phrase`` writes ``abbreviation`` out as the initials of a name, one letter a
    capitalised word, small words skipped between them ("National Security Councils":
    NSCs, its plural "s" aside), or of one hyphenated word's parts ("high-voltage": HV).
    Stricter than :func:`spells_out`, which lets a word give later letters too: this one
    reads an abbreviation the base never writes, where a looser reading finds chance
    spellings in any two words ("million with": MW)."""
    from otsfacts.text import fold

    letters = fold("".join(c for c in abbreviation if c.isalpha()))
    if abbreviation.endswith("s") and abbreviation[:-1].isupper():  # "NSCs", "IDs": a plural
        letters = letters[:-1]
    if len(letters) < 2:
        return False
    raw = phrase.split()
    for word in raw:  # a hyphenated word's parts
        parts = [fold(part) for part in _HYPHENS.split(word.strip(".,;:!?()\"'’“”")) if part]
        if len(parts) == len(letters) and all(part[:1] == letter for part, letter in zip(parts, letters)):
            return True
    bare = ["".join(c for c in w if c.isalnum()) for w in raw]
    for start in range(len(bare)):
        taken, index = 0, start
        while taken < len(letters) and index < len(bare):
            word = bare[index]
            if word[:1].isupper() and fold(word)[:1] == letters[taken] and not abbreviations(word):
                taken += 1
            elif not (taken and fold(word) in _SKIPPABLE):
                break
            index += 1
        if taken == len(letters):
            return True
    return False


class _Speller:
    """Whether ``words[index:]`` spell ``letters[taken:]``, with at least two words giving letters.

    (One word cannot spell out an abbreviation: it would be the abbreviation itself.)
    Each answer is remembered by (letters taken, word, words used up to two): the search
    is polynomial, where trying every split afresh was exponential in a long abbreviation.
    """

    def __init__(self, letters: str, words: list[str]) -> None:
        self.letters, self.words = letters, words
        self.known: dict[tuple[int, int, int], bool] = {}

    def __call__(self, taken: int, index: int, used: int) -> bool:
        key = (taken, index, min(used, 2))
        answer = self.known.get(key)
        if answer is None:
            answer = self.known[key] = self._spell(taken, index, min(used, 2))
        return answer

    def _spell(self, start: int, index: int, used: int) -> bool:
        letters, words = self.letters, self.words
        if start == len(letters):
            return used >= 2
        if index >= len(words):
            return False
        word = words[index]
        if word[0] == letters[start]:
            # this word gives its initial and then any number of its later letters, in order
            taken, position = start + 1, 1
            options = [taken]
            while taken < len(letters):
                found = word.find(letters[taken], position)
                if found < 0:
                    break
                taken, position = taken + 1, found + 1
                options.append(taken)
            if any(self(n, index + 1, used + 1) for n in reversed(options)):
                return True
        return used > 0 and word in _SKIPPABLE and self(start, index + 1, used)
