"""Text folding and tokenising shared by search and "did you mean" suggestions.

Folding is right for this base's languages: Turkish and Azerbaijani dotted and dotless
i fold to "i", diacritics (ü ö ç ş ğ ə) to their base letters, Cyrillic stays Cyrillic
(ё folds to е and й to и), and hyphen, dash and apostrophe variants all separate words.
For queries in other languages, :func:`inflection_stems` strips Russian and Turkic
endings and :func:`join_apostrophes` reads in-word apostrophes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Letters that casefold and NFKD leave alone but that readers type without marks.
_BASE_LETTERS = str.maketrans(
    {"ı": "i", "ə": "e", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"}
)
# In-word punctuation before a letter or digit: only text with one can hold "2,000" or
# "Jalal-Abad" (scanning for the punctuation first is ~6x faster than for the whole triple)
_MAYBE_JOINED = re.compile(r"[.,'’\-‐‑–—](?=[^\W_])")
_JOINED = re.compile(r"[^\W_][.,'’\-‐‑–—][^\W_]")
# A plain token: a run of two or more letters or digits, or a lone digit
_PLAIN = re.compile(r"[^\W_]{2,}|\d")


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
    "abad", "jalalabad"); single letters are dropped, single digits kept.
    """
    folded = fold(text)
    if "+" not in folded and (_MAYBE_JOINED.search(folded) is None or _JOINED.search(folded) is None):
        return _PLAIN.findall(folded)  # no "2,000", "Jalal-Abad" or "OTS+": plain runs only (most text)
    return _word_tokens(folded)


@cache
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A run of letters or digits, possibly joined by in-word punctuation (2,000 / 2.1 /
    Jalal-Abad / Azerbaijan's); a thousands separator; a number; in-word punctuation; a plus
    after a word. Compiled for the first text that has joined words (a query seldom does)."""
    return (re.compile(r"[^\W_]+(?:[.,'’\-‐‑–—][^\W_]+)*"), re.compile(r"(?<=\d),(?=\d{3}(?!\d))"),
            re.compile(r"\d+(?:\.\d+)?"), re.compile(r"[.,'’\-‐‑–—]"), re.compile(r"(?<=[^\W\d_])\+"))


def _word_tokens(folded: str) -> list[str]:
    """:func:`tokens` of folded text, word by word: the general case, right for any text."""
    word_pattern, thousands, number, joiners, plus = _word_patterns()
    if "+" in folded:  # "OTS+" is "OTS plus", as its aliases spell it
        folded = plus.sub(" plus", folded)
    out: list[str] = []
    for word in word_pattern.findall(folded):
        word = thousands.sub("", word)
        if number.fullmatch(word):
            out.append(word)
            continue
        parts = [p for p in joiners.split(word) if p]
        out.extend(p for p in parts if len(p) > 1 or p.isdecimal())
        if len(parts) > 1 and ("-" in word or "‐" in word or "‑" in word):
            out.append("".join(parts))
    return out


# ---------------------------------------------------------------- other languages' endings
#
# Queries in Russian and in the Turkic languages inflect what the base holds as a bare
# name or lemma: "Каспийского моря", "Qazaxıstanın", "enerjisi", "Fondunun". The endings
# below are folded like everything else (й -> и, ə -> e, ı -> i, ş -> s, ğ -> g, ü -> u).

#: Russian case, number and adjective endings (one is stripped; lemmas lose theirs too).
RUSSIAN_ENDINGS = (
    "иями", "ями", "ами", "ыми", "ими", "иях", "ием", "иеи", "ого", "его", "ому", "ему",
    "ых", "их", "ым", "им", "ые", "ие", "ая", "яя", "ое", "ее", "ую", "юю", "ою", "ею",
    "ыи", "ии", "ои", "еи", "ия", "ию", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ью",
    "а", "я", "о", "е", "у", "ю", "ы", "и", "ь",
)
#: Kazakh and Kyrgyz case, plural and possessive suffixes (they stack, so up to three go).
KIPCHAK_ENDINGS = (
    "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі", "ның", "нің", "дың", "дің", "тың",
    "тің", "нын", "нин", "дын", "дин", "тын", "тин", "нун", "нүн", "дун", "дүн",
    "ндан", "нден", "дан", "ден", "тан", "тен", "нан", "нен", "дон", "дөн", "тон", "төн",
    "лар", "лер", "дар", "дер", "тар", "тер", "лор", "лөр", "дор", "дөр", "тор", "төр",
    "мен", "бен", "пен", "менен", "ға", "ге", "қа", "ке", "га", "ка", "го", "гө", "ко", "кө",
    "нда", "нде", "на", "не", "да", "де", "та", "те", "до", "дө", "то", "тө", "ны", "ні", "ды", "ді",
    "ты", "ті", "сы", "сі", "си", "су", "сү", "ады", "еді", "ын", "ін", "н", "ы", "і", "и", "у", "ү",
    # a verb's participles and infinitive ("байланыстыратын": that links, "өткен": held,
    # "дамыту": to develop): with the Oghuz verb endings below, read held-out other
    # languages 1514 -> 1519 of 1555, nothing lost on either pool
    "атын", "етін", "итын", "итін", "ған", "ген", "қан", "кен", "мақ", "мек",
)
#: Azerbaijani, Turkish and Uzbek case, plural and possessive suffixes (they stack too).
OGHUZ_ENDINGS = (
    "ndaki", "ndeki", "daki", "deki", "taki", "teki", "dagi", "ning", "nin", "nun",
    "ndan", "nden", "dan", "den", "tan", "ten", "lari", "leri", "lar", "ler",
    "yla", "yle", "nda", "nde", "dir", "tir", "dur", "tur", "in", "un", "da", "de", "ta",
    "te", "ya", "ye", "yi", "yu", "na", "ne", "ni", "nu", "la", "le", "si", "su", "ga", "qa",
    "ka", "di", "du", "ti", "tu", "ir", "ur", "a", "e", "i", "u",  # (-di, -ti: the past tense, "keçdi":
    # passed; -ir, -ur: the present, "keçirilir": is held)
    # a verb's future ("bağlayacak", "birləşdirəcək"), present ("birleştiriyor",
    # "bog'laydi", "qurilmoqda", "ko'tarilyapti"), participles ("o'tkazilgan", "olmuş") and
    # passive ("keçirilir": is held); Uzbek "-ib" lost two and is left out
    "yacak", "yecek", "acak", "ecek", "yacaq", "acaq", "iyor", "uyor", "yor", "ydi", "adi", "moqda",
    "yapti", "gan", "mis", "il", "ul",
    # and Uzbek's "-lik", of a place's people ("Qozog'istonlik siyosatshunos": a
    # Kazakhstani political scientist; read languages +1, nothing lost on either pool;
    # with the Azerbaijani and Turkish "-li", "-lu", one gained and one lost)
    "lik", "liq",
)
_RUSSIAN_ENDING_SET = frozenset(RUSSIAN_ENDINGS)
# a stem ending in a softened consonant gets it back: "əməkdaşlığı" -> "əməkdaşlıq",
# "ortaklığı" -> "ortaklık", "sədrliyi" -> "sədrlik", "kubogi" -> "kubok", "dibi" -> "dip"
_HARDENED = {"g": ("k", "q"), "b": ("p",), "d": ("t",), "y": ("k",), "б": ("п",), "ғ": ("қ",), "г": ("к",)}  # Kazakh too
_MIN_STEM = 3


# Cyrillic letters of Russian, Kazakh, Kyrgyz, Uzbek, Tatar and Bashkir, in Latin letters
# (as the base's own aliases spell such names: Omuraliyev, Qazaqstan, Zhalal-Abad).
_CYRILLIC_LETTERS = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ў": "o", "ҳ": "h", "җ": "zh", "ҙ": "z", "ҫ": "s", "ӊ": "ng",
})


def transliterated(text: str) -> str:
    """``text`` (lowercase) with its Cyrillic letters in Latin ones: "хабитат" -> "khabitat"."""
    return text.translate(_CYRILLIC_LETTERS)


def is_cyrillic(word: str) -> bool:
    """Whether ``word`` has a Cyrillic letter (Russian, Kazakh, Kyrgyz)."""
    return not word.isascii() and any("\u0400" <= c <= "\u04ff" for c in word)


def russian_stem(word: str) -> str:
    """``word`` less its longest Russian ending, if at least three letters remain."""
    for size in (4, 3, 2, 1):
        if len(word) - size >= _MIN_STEM and word[-size:] in _RUSSIAN_ENDING_SET:
            return word[:-size]
    return word


def inflection_stems(word: str) -> list[str]:
    """Shorter forms of a folded non-English ``word`` with its endings stripped, longest
    first (the word itself not included): every Russian ending once, or up to three
    stacked Turkic suffixes, never leaving fewer than three letters.

    >>> inflection_stems("qazaxistanin")[:2]
    ['qazaxistan', 'qazaxista']
    """
    if is_cyrillic(word):
        found = {word[: -len(e)] for e in RUSSIAN_ENDINGS
                 if word.endswith(e) and len(word) - len(e) >= _MIN_STEM}
        endings: tuple[str, ...] = KIPCHAK_ENDINGS
    elif word.isalpha():
        found, endings = set(), OGHUZ_ENDINGS
    else:
        return []
    layer = {word}
    for _ in range(3):
        layer = {w[: -len(e)] for w in layer for e in endings
                 if w.endswith(e) and len(w) - len(e) >= _MIN_STEM}
        found |= layer
    found |= {w[:-1] + hard for w in found if w[-1] in _HARDENED for hard in _HARDENED[w[-1]]}
    found.discard(word)
    return sorted(found, key=lambda w: (-len(w), w))


# An apostrophe inside a word: a Turkish or Azerbaijani case ending after a name
# ("Azerbaycan'ın", "BM'de"), an English clitic ("Azerbaijan's") or an Uzbek letter
# ("Oʻzbekiston", "sun'iy", "chang'i").
_ENGLISH_CLITICS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})
_TURKIC_TAILS = frozenset(
    """in un nin nun da de ta te dan den tan ten nda nde ndan nden ya ye yi yu na ne ni nu
    la le yla yle lar ler lari leri daki deki taki teki ndaki ndeki dir tir dur tur si su
    sinin sunun sina sine sinda sinde ca ce""".split()
)
_APOSTROPHES = "'’‘ʻʼ`"
APOSTROPHE_SET = frozenset(_APOSTROPHES)


def join_apostrophes(text: str) -> str:
    """``text`` with each in-word apostrophe resolved for searching: a Turkic case ending
    after it is dropped ("Azerbaycan'ın" -> "Azerbaycan"), an English clitic is kept, and
    otherwise the apostrophe is a letter and goes ("Oʻzbekiston" -> "Ozbekiston")."""
    if APOSTROPHE_SET.isdisjoint(text):
        return text

    def resolve(match: re.Match[str]) -> str:
        start = match.start()
        if start == 0 or not text[start - 1].isalnum():
            return match.group(0)  # a quotation mark, not part of a word
        tail = fold(match.group(1))
        if text[start - 1].isdigit():  # a year's Turkic ending ("2024'te") goes; "the 1990's" stays
            return "" if tail in _TURKIC_TAILS else match.group(0)
        if tail in _ENGLISH_CLITICS:
            return match.group(0)
        return "" if tail in _TURKIC_TAILS else match.group(1)

    return re.sub("[" + _APOSTROPHES + r"]([^\W\d_ʻʼ]+)", resolve, text)


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "ed", "es", "s")

#: British endings and their American forms, longest first. The archived texts mostly
#: write American ("organization", "modernization", "fiber", "program"); readers write
#: either. Not every word with such an ending is a British spelling ("promise",
#: "sentence"), but reading it as if it were only matters where that makes it another
#: word, which none of these endings does.
_BRITISH_ENDINGS = (("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("isers", "izers"),
                    ("iser", "izer"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"), ("ysing", "yzing"),
                    ("ysed", "yzed"), ("yse", "yze"), ("fences", "fenses"), ("fence", "fense"),
                    ("cences", "censes"), ("cence", "cense"), ("tences", "tenses"), ("tence", "tense"),
                    ("tres", "ters"), ("tre", "ter"), ("bres", "bers"), ("bre", "ber"), ("ammes", "ams"),
                    ("amme", "am"))
_BRITISH_TAILS = tuple(british for british, _ in _BRITISH_ENDINGS)


def american(word: str) -> str:
    """``word`` (folded) spelled as American English spells it: "organisation",
    "defence", "centre", "programme", "neighbouring" are "organization", "defense",
    "center", "program", "neighboring". Other words, and words of other languages'
    letters, come back as they are. An "our" counts from a word's fourth letter on, so that
    "four", "tour" and "journey" keep theirs."""
    if len(word) <= 4 or not word.isascii():
        return word
    if "our" in word[3:]:
        at = word.index("our", 3)
        word = word[:at] + "o" + word[at + 2:]
    if word.endswith(_BRITISH_TAILS):
        for british, american_ending in _BRITISH_ENDINGS:
            if word.endswith(british) and len(word) - len(british) >= 2:
                return word[: -len(british)] + american_ending
    return word


def stem(word: str) -> str:
    """A light English stem, so "invested", "investments" and "invest" meet, and so do
    British and American spellings ("organisations", "organization": :func:`american`)."""
    if len(word) <= 4 or not word.isascii() or not word.isalpha():
        return word
    word = american(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word
