"""Capitals that stand for their countries, as news writing uses them: "Baku and Astana
signed" means Azerbaijan and Kazakhstan did. Data only.

A query word found here also matches, weakly, the facts that name its country (a fact
naming the city itself matches better): the countries and neighbours the Turkic states'
news speaks of, written as search folds words.
"""

from __future__ import annotations

#: capital -> the words for its country (the name, and the adjective where it differs).
CAPITALS: dict[str, tuple[str, ...]] = {
    "baku": ("azerbaijan", "azerbaijani"),
    "astana": ("kazakhstan", "kazakh"),
    "tashkent": ("uzbekistan", "uzbek"),
    "bishkek": ("kyrgyzstan", "kyrgyz"),
    "ashgabat": ("turkmenistan", "turkmen"),
    "ankara": ("turkiye", "turkey", "turkish"),
    "budapest": ("hungary", "hungarian"),
    "nicosia": ("cyprus", "cypriot"),
    "beijing": ("china", "chinese"),
    "moscow": ("russia", "russian"),
    "yerevan": ("armenia", "armenian"),
    "tbilisi": ("georgia", "georgian"),
    "bucharest": ("romania", "romanian"),
    "brussels": ("eu", "european"),
    "washington": ("us", "american"),
    "riyadh": ("saudi",),
    "tehran": ("iran", "iranian"),
    "islamabad": ("pakistan", "pakistani"),
    "kabul": ("afghanistan", "afghan"),
    "dushanbe": ("tajikistan", "tajik"),
    "ulaanbaatar": ("mongolia", "mongolian"),
}

#: The words for those countries (a fact whose claim holds one names a country).
COUNTRIES = frozenset(word for words in CAPITALS.values() for word in words)
