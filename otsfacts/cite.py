"""Citations of the sources facts come from: APA, Chicago, MLA, BibTeX and CSL-JSON.

Built only from what a source entry holds, never from guesses. The sources are news
interviews: the outlet is the container (the periodical), the interviewer is not
recorded, and the interviewee is *not* the author, so no citation has an author; the
interview is named in a description ("Interview with ..."). A source without a title
gets that description in its place, as each style handles untitled works: in brackets
for APA, plain (neither quoted nor italic) for Chicago and MLA, and no ``title`` at all
in BibTeX and CSL-JSON. No URL is ever made up: the built-in entries hold none, and a
user's source entry may give its ``url`` and the date it was ``accessed``, which each
style then prints as it prescribes.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence, TextIO

from otsfacts.choices import CiteStyle
from otsfacts.errors import CitationError
from otsfacts.model import FactBase, Source


@dataclass(frozen=True)
class Citation:
    """A formatted reference as runs of text, each italic or not (terminals show the italics)."""

    runs: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)


def sources_to_cite(base: FactBase, ids: Sequence[str], every: bool) -> list[Source]:
    """The sources of the named facts (a source id names itself), once each; all with ``every``."""
    if every and ids:
        raise CitationError("give fact or source ids, or --all, not both")
    if every:
        return list(base.sources.values())
    if not ids:
        raise CitationError("name a fact or source id to cite, or give --all")
    chosen: list[Source] = []
    for name in ids:
        current = base.resolve(name)  # a retired fact id cites the source of the fact it became
        if current is not None:
            source = base.facts[current].source
        elif name in base.sources:
            source = base.sources[name]
        else:
            from otsfacts.filters import unknown

            raise unknown(base, "fact or source", name)
        if source not in chosen:
            chosen.append(source)
    return chosen


# ------------------------------------------------------------------------- the pieces


def description(source: Source) -> str:
    """What the source is, in words, naming who spoke without making them its author."""
    name = source.speaker.name
    kind = (source.format or "").strip()
    if not kind or "interview" in kind.lower():
        # "exclusive interview" is the outlet's billing; a description says what it is
        return f"Interview with {name}"
    return f"{kind[0].upper()}{kind[1:]} by {name}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
# MLA abbreviates months of more than four letters (MLA Handbook, 9th ed.).
_MLA_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
               "Nov.", "Dec.")
_BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# Words headline-style capitalization leaves lowercase inside a title (articles,
# coordinating conjunctions, prepositions), as Chicago and MLA have it.
_MINOR_WORDS = frozenset("""a an the and but for nor or so yet as at by down for from in into like
near of off on onto out over past per than to up upon via with within without about above across
after against along among around before behind below beneath beside between beyond during except
inside outside since through toward towards under until""".split())


def headline_case(title: str) -> str:
    """Capitalize a title's major words, as Chicago and MLA want; nothing is ever lowercased.

    >>> headline_case("Main focus of OTS summit - regional security, investment in Middle Corridor")
    'Main Focus of OTS Summit - Regional Security, Investment in Middle Corridor'
    """
    words = title.split(" ")
    out: list[str] = []
    starts_phrase = True
    for number, word in enumerate(words):
        last = number == len(words) - 1
        parts = word.split("-")
        done = []
        for index, part in enumerate(parts):
            bare = part.strip("“”\"'‘’([{").lower()
            keep = bare in _MINOR_WORDS and not (starts_phrase and index == 0) and not (last and index == len(parts) - 1)
            done.append(part if keep else _capitalize(part))
        out.append("-".join(done))
        if word:
            starts_phrase = word.endswith((":", "?", "!", "—", "–")) or word in ("-", "–", "—")
    return " ".join(out)


def _capitalize(word: str) -> str:
    for index, char in enumerate(word):
        if char.isalpha():
            return word[:index] + char.upper() + word[index + 1:]
    return word


def _end(text: str) -> str:
    """``text`` closed with a period unless it already ends a sentence."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _date(source: Source) -> _dt.date:
    return _dt.date.fromisoformat(source.published)


# ----------------------------------------------------------------------------- styles


def _accessed(source: Source) -> _dt.date | None:
    return _dt.date.fromisoformat(source.accessed) if source.accessed else None


def apa(source: Source) -> Citation:
    """APA (7th ed.), a periodical article without an author: the title moves to the author's place.

    An untitled source has its description there instead, in square brackets. A URL ends
    the reference, bare (APA puts no period after it); APA gives no access date for a
    dated article, whose text is not expected to change.
    """
    day = _date(source)
    lead = _end(source.title) if source.title else f"[{description(source)}]."
    runs = [(f"{lead} ({day.year}, {_MONTHS[day.month - 1]} {day.day}). ", False),
            (source.outlet, True), ("" if source.outlet.endswith(".") else ".", False)]
    if source.url:
        runs.append((" " + source.url, False))
    return Citation(tuple(runs))


def _quoted_title_or_description(source: Source) -> str:
    """What Chicago and MLA put first: the headline-cased title in quotes, else a plain description."""
    if source.title:
        return "“" + _end(headline_case(source.title)) + "” "
    return _end(description(source)) + " "


def chicago(source: Source) -> Citation:
    """Chicago (17th ed.), bibliography entry of an unsigned news article: it begins with the title.

    The title is quoted in headline style; a description stands plain in place of a missing one.
    """
    day = _date(source)
    lead = _quoted_title_or_description(source)
    tail = f", {_MONTHS[day.month - 1]} {day.day}, {day.year}."
    accessed = _accessed(source)
    if source.url:
        # Chicago (14.175) asks an access date only of undated sources; given, it comes before the URL
        if accessed:
            tail += f" Accessed {_MONTHS[accessed.month - 1]} {accessed.day}, {accessed.year}."
        tail += f" {source.url}."
    return Citation(((lead, False), (source.outlet, True), (tail, False)))


def mla(source: Source) -> Citation:
    """MLA (9th ed.): title quoted in headline style, the outlet as container, day month year.

    A source without a title is described plainly in its place.
    """
    day = _date(source)
    lead = _quoted_title_or_description(source)
    tail = f", {day.day} {_MLA_MONTHS[day.month - 1]} {day.year}"
    if source.url:
        # MLA 9 gives the URL without http:// or https://, and the access date last
        tail += ", " + re.sub(r"^https?://", "", source.url)
    tail += "."
    accessed = _accessed(source)
    if source.url and accessed:
        tail += f" Accessed {accessed.day} {_MLA_MONTHS[accessed.month - 1]} {accessed.year}."
    return Citation(((lead, False), (source.outlet, True), (tail, False)))


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """``text`` safe inside a braced BibTeX field: TeX's special characters escaped."""
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in " ".join(text.split()))


def bibtex(source: Source) -> str:
    """A BibTeX ``@article`` entry: the outlet as ``journal``, the description as ``note``.

    The title (when there is one) is double-braced so styles keep its capitals (OTS);
    an untitled source has no ``title`` field rather than an invented one. The full date
    is in ``date`` (biblatex) beside ``year`` and ``month`` (classic BibTeX); a URL and
    its access date go in ``url`` and ``urldate``.
    """
    day = _date(source)
    fields: list[tuple[str, str]] = []
    if source.title:
        fields.append(("title", "{{" + bibtex_escape(source.title) + "}}"))
    fields += [
        ("journal", "{" + bibtex_escape(source.outlet) + "}"),
        ("year", "{" + str(day.year) + "}"),
        ("month", _BIBTEX_MONTHS[day.month - 1]),  # the standard month macro, unbraced
        ("date", "{" + day.isoformat() + "}"),
        ("note", "{" + bibtex_escape(description(source)) + "}"),
    ]
    if source.url:
        fields.append(("url", "{" + _bibtex_url(source.url) + "}"))
        if source.accessed:
            fields.append(("urldate", "{" + source.accessed + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@article{{{source.id},\n{body}\n}}"


def _bibtex_url(url: str) -> str:
    """A URL in a ``url`` field, which the url package reads verbatim: only a brace (it would
    unbalance the field) or a backslash is percent-encoded, as a browser would send it."""
    return "".join(f"%{ord(c):02X}" if c in "{}\\" else c for c in url)


def csl_item(source: Source) -> dict[str, Any]:
    """A CSL-JSON item (the citeproc input format read by Zotero, Pandoc and the like).

    ``article-newspaper`` with the outlet as ``container-title``; the description goes in
    ``genre``, which styles print as a bracketed note; no ``author``, no ``title`` when the
    source has none.
    """
    day = _date(source)
    item: dict[str, Any] = {"id": source.id, "type": "article-newspaper"}
    if source.title:
        item["title"] = source.title
    item["container-title"] = source.outlet
    item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    item["genre"] = description(source)
    item["language"] = source.language
    if source.url:
        item["URL"] = source.url
        accessed = _accessed(source)
        if accessed:
            item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item


TEXT_STYLES = {CiteStyle.APA: apa, CiteStyle.CHICAGO: chicago, CiteStyle.MLA: mla}


def cite(sources: Iterable[Source], style: CiteStyle) -> list[Citation] | list[str] | list[dict[str, Any]]:
    """Each source cited in ``style``: :class:`Citation` runs, BibTeX entries, or CSL-JSON items."""
    if style == CiteStyle.BIBTEX:
        return [bibtex(s) for s in sources]
    if style == CiteStyle.CSL_JSON:
        return [csl_item(s) for s in sources]
    return [TEXT_STYLES[style](s) for s in sources]


def write(citations: list[Citation] | list[str] | list[dict[str, Any]], style: CiteStyle, out: TextIO,
          italic: bool = False) -> None:
    """What :func:`cite` gave, to ``out``: CSL-JSON as one array, BibTeX entries apart by a
    blank line, other styles one reference a line (``italic``: with their italics)."""
    from otsfacts import render

    if style == CiteStyle.CSL_JSON:
        render.write_json(citations, out)  # type: ignore[arg-type]
    elif style == CiteStyle.BIBTEX:
        out.write("\n\n".join(render.printable(c) for c in citations) + "\n")  # type: ignore[arg-type]
    else:
        for citation in citations:
            out.write(render.citation_line(citation, italic=italic) + "\n")  # type: ignore[arg-type]
