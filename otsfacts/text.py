"""Text folding and tokenising shared by search and "did you mean" suggestions.

Folding is right for this base's languages: Turkish and Azerbaijani dotted and dotless
i fold to "i", diacritics (ü ö ç ş ğ ə) to their base letters, Cyrillic stays Cyrillic,
and hyphen, dash and apostrophe variants all separate words.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that casefold and NFKD leave alone but that readers type without marks.
_BASE_LETTERS = str.maketrans(
    {"ı": "i", "ə": "e", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"}
)
# A run of letters/digits, possibly joined by in-word punctuation: 2,000 / 2.1 / Jalal-Abad / Azerbaijan's
_WORD = re.compile(r"[^\W_]+(?:[.,'’\-‐‑–—][^\W_]+)*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_JOINERS = re.compile(r"[.,'’\-‐‑–—]")
_JOINED = re.compile(r"[^\W_][.,'’\-‐‑–—][^\W_]")
_PLAIN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Case- and accent-fold ``text`` so that "Türkiye", "TÜRKİYE" and "turkiye" agree."""
    # casefold ("İ" becomes "i" plus a combining dot), decompose and drop the marks, then
    # casefold again for letters that decomposing uncovers ("𝗔" is "A") and map the rest
    if text.isascii():  # most text: nothing to decompose, strip or map
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().translate(_BASE_LETTERS)


def tokens(text: str) -> list[str]:
    """Folded search tokens of ``text``, in order.

    Numbers keep their decimal point and lose thousands separators ("2,000" -> "2000");
    hyphenated words give their parts and the joined whole ("jalal-abad" -> "jalal",
    "abad", "jalalabad"); single letters are dropped.
    """
    folded = fold(text)
    if _JOINED.search(folded) is None:  # no "2,000" or "Jalal-Abad": plain runs only (most text)
        return [w for w in _PLAIN.findall(folded) if len(w) > 1 or w.isdigit()]
    out: list[str] = []
    for word in _WORD.findall(folded):
        word = _THOUSANDS.sub("", word)
        if _NUMBER.fullmatch(word):
            out.append(word)
            continue
        parts = [p for p in _JOINERS.split(word) if p]
        out.extend(p for p in parts if len(p) > 1 or p.isdigit())
        if len(parts) > 1 and ("-" in word or "‐" in word or "‑" in word):
            out.append("".join(parts))
    return out


def is_number(token: str) -> bool:
    return bool(_NUMBER.fullmatch(token))
