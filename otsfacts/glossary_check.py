"""``check`` of the glossary (``glossary.toml``): every concept's words, checked as search
will use them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

from otsfacts.errors import FactBaseError, Problem
from otsfacts.store import load_base


def glossary_problems(path: Path | None = None,
                      known: Callable[[str], bool] | None = None) -> tuple[list[Problem], list[Problem]]:
    """The errors and warnings of the glossary at ``path`` (the shipped one by default):
    an English word that ``known`` (by default: the built-in base's search words) does not
    hold, a concept without words, a word that is empty or not one search word, a word
    that is its own translation, a word listed twice under one concept."""
    from otsfacts.glossary import GLOSSARY_FILE
    from otsfacts.factfile import read_document
    from otsfacts.text import fold, join_apostrophes, tokens

    path = GLOSSARY_FILE if path is None else path
    document, problem = read_document(path)
    if document is None:
        return ([problem] if problem else []), []
    if known is None:
        known = _builtin_words()
    lines = path.read_text(encoding="utf-8").removeprefix("\ufeff").split("\n")
    starts = _glossary_key_lines(lines)
    errors: list[Problem] = []
    warned: list[Problem] = []
    for english, words in document.items():
        line = starts.get(english)
        end = min((n for n in starts.values() if line is not None and n > line), default=len(lines) + 1)

        def at(word: str, again: bool = False, line: int | None = line,
               end: int = end) -> int | None:  # the line of ``word`` in its concept's list
            quoted = json.dumps(word, ensure_ascii=False)
            found = [number for number in range(line or 1, end)
                     if quoted in _values(lines[number - 1]) or f"'{word}'" in _values(lines[number - 1])]
            return found[min(int(again), len(found) - 1)] if found else line

        def error(message: str, where: int | None = line, english: str = english) -> None:
            errors.append(Problem(str(path), message, entry=english, line=where))

        if not english.split():
            error("an empty English key")
        for target in english.split():
            if known is not None and not known(target):
                error(f"{target!r} is not a word of the built-in base, so nothing would match it")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            error("must be a list of words in quotes")
            continue
        if not words:
            error("no words: list the concept in the other languages, or remove it")
        seen: set[str] = set()
        for word in words:
            if not word.strip():
                error("an empty word", at(word))
                continue
            found = tokens(join_apostrophes(word))
            if len(found) != 1:
                error(f"{word!r} is not one search word: list each word on its own", at(word))
            elif fold(join_apostrophes(word)) in english.split():
                warned.append(Problem(str(path), f"{word!r} is its own translation: it needs no entry",
                                      entry=english, line=at(word)))
            if word in seen:
                warned.append(Problem(str(path), f"{word!r} is listed twice", entry=english,
                                      line=at(word, again=True)))
            seen.add(word)
    return errors, warned


_GLOSSARY_KEY = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _values(text: str) -> str:
    """A line of the glossary without the key it starts with, if any."""
    match = _GLOSSARY_KEY.match(text)
    return text[match.end():] if match else text


def _glossary_key_lines(lines: list[str]) -> dict[str, int]:
    """The line each concept of the glossary starts on."""
    starts: dict[str, int] = {}
    for number, text in enumerate(lines, 1):
        match = _GLOSSARY_KEY.match(text)
        if match:
            key = match.group(1)
            if key.startswith('"'):
                try:
                    key = json.loads(key)
                except ValueError:
                    continue
            starts.setdefault(key.strip("'"), number)
    return starts


def _builtin_words() -> Callable[[str], bool] | None:
    """Whether a word is one of the built-in base's search words; None when the built-in
    base does not load (its errors are reported already)."""
    from otsfacts.search import SearchIndex

    try:
        postings = SearchIndex.from_base(load_base(builtin=True, use_env=False)).postings
    except FactBaseError:
        return None
    return postings.__contains__
