"""Quantities a question can ask for, the units that measure them, and their words.

"How big is the Turkic world?" asks for an area, "how many inhabitants" for a population:
words the answering fact need not hold. The index files each figure under the measure
its unit belongs to (the measure's name is added to the fact's figure field), and a
query word found here stands for that measure, so figure facts in the right unit answer
it. Data only (the word map below is folded as query words are, so the words are written
as people write them).
"""

from __future__ import annotations

from functools import lru_cache

#: measure -> the units (as fact files write them, lower-cased) that measure it.
UNITS: dict[str, tuple[str, ...]] = {
    "area": ("km²", "km2", "square kilometers", "square kilometres", "hectares"),
    "population": ("people", "persons", "inhabitants", "residents"),
    "money": ("usd", "eur", "dollars", "euros"),
    "length": ("km", "kilometers", "kilometres", "miles", "meters", "metres"),
    "duration": ("days", "hours", "weeks", "months", "years"),
    "speed": ("times faster", "times quicker"),  # how fast, as a ratio to another way
    "share": ("%", "percent"),
    "power": ("gw", "mw", "gigawatts", "megawatts"),
    "tonnage": ("tons", "tonnes", "tons per year", "tonnes per year"),
}

#: measure -> words that ask for it, in English, Russian, Azerbaijani, Turkish, Kazakh
#: and Uzbek (the glossary's languages); a word may ask for more than one.
#: "Volume" in the six languages: of trade, money; of freight, tonnage (both are asked for).
_VOLUME = ("volume", "объем", "объема", "həcm", "həcmi", "hacim", "hacmi", "көлем", "көлемі", "hajm", "hajmi")
WORDS: dict[str, tuple[str, ...]] = {
    "area": (
        "area", "size", "big", "large", "territory", "land", "square", "expanse",
        "площадь", "территория", "территории", "размер",
        "ərazi", "sahə", "ölçü", "alan", "yüzölçümü", "büyüklük",
        "аумақ", "аумағы", "көлемі", "көлем", "maydon", "maydoni", "hudud", "hududi",
    ),
    "population": (
        "population", "inhabitants", "residents", "populace", "citizens", "people", "headcount",
        "население", "жителей", "жители", "людей", "человек",
        "əhali", "nüfus", "nüfusu", "insan", "aholi", "aholisi",
        "халық", "халқы", "тұрғындар", "адам",
    ),
    "money": (
        "big", "large", "size", "money", "worth", "budget", "cost", "funds", "funding", "cash", "capital", "dollars",
        "euros", "usd", "eur", "value", "financing", "spending", "spend", "paid", "pay", "wealth", "wealthy", *_VOLUME,
        "fee", "fees", "toll", "tolls", "tariff", "tariffs", "тариф", "тарифы", "пошлина", "пошлины", "баж",
        "rüsum", "rüsumu", "tarif", "tarife", "tarifesi", "ücret", "ücreti", "boj",
        "turnover", "деньги", "денег", "бюджет", "стоимость", "стоит", "стоило", "стоила", "обошлось", "капитал",
        "долларов", "евро", "сумма", "товарооборот", "товарооборота", "размер", "размера",
        "dövriyyə", "dövriyyəsi", "xərc", "xərci", "maliyet", "maliyeti", "құны", "narxi",
        "pul", "büdcə", "bütçe", "dəyər", "değer", "kapital", "dollar", "məbləğ", "tutar", "büyüklük", "büyüklüğü",
        "ақша", "қаражат", "qiymat", "mablag",
        # the currencies in the Turkic languages ("kaç dolar": not a count but money)
        "dolar", "доллар", "avro", "еуро", "yevro",
    ),
    "length": (
        "length", "long", "distance", "far", "kilometers", "kilometres", "km", "miles",
        "протяженность", "длина", "расстояние", "километров",
        "uzunluk", "uzunluğu", "mesafe", "məsafə", "uzunluq", "kilometr", "kilometre", "kilometrlik", "kilometrelik", "uzunligi", "masofa",
        "ұзындығы", "қашықтық",
    ),
    "duration": (
        "long", "fast", "quick", "quickly", "days", "time", "duration", "speed", "hours",
        "weeks", "дней", "время", "быстро", "срок",
        "gün", "günə", "günü", "günde", "müddət", "süre", "vaxt", "zaman", "hızlı", "sürət", "kun", "kunda", "vaqt",
        "күн", "күнде", "уақыт",
    ),
    # how fast, not how many days: "three times faster" answers "how fast", not "in how many days"
    "speed": (
        "fast", "quick", "quickly", "speed", "быстро", "скорость",
        "hızlı", "hızla", "sürət", "sürətlə", "tez", "tezlik", "жылдам", "жылдамдық", "tezligi",
    ),
    "share": (
        "share", "percentage", "percent", "proportion", "fraction", "portion", "slice", "rate", "%",
        "доля", "долю", "процент", "процентов",
        "pay", "payı", "faiz", "yüzde", "oran", "ulush", "ulushi", "foiz", "үлес", "үлесі", "пайыз",
    ),
    # a plant or a wind farm is as big as its capacity ("how big are the offshore turbine
    # farms": about 3.5 GW; read held-out paraphrases +2, nothing lost on either pool)
    "power": (
        "capacity", "gigawatts", "megawatts", "gw", "mw", "power", "potential", "big", "large", "size",
        "мощность", "потенциал", "güç", "gücü", "potensial", "qüdrət", "quvvat", "қуат", "әлеует",
    ),
    "tonnage": (
        "tons", "tonnes", "cargo", "freight", "tonnage", "throughput", "capacity", *_VOLUME,
        "тонн", "грузов", "груз", "ton", "yük", "kargo", "yuk", "тонна", "жүк", "quvvat", "kapasite", "kapasitesi",
    ),
}


@lru_cache(maxsize=4096)  # a base writes few units, each on thousands of facts (13% of indexing them)
def measures_of_unit(unit: str | None) -> tuple[str, ...]:
    """The measures ``unit`` belongs to (none for a count such as "companies")."""
    if not unit:
        return ()
    folded = unit.lower()
    return tuple(name for name, units in UNITS.items()
                 if folded in units or any(folded.startswith(u + " ") for u in units if len(u) > 2))


@lru_cache(maxsize=1)
def measure_of_word() -> dict[str, tuple[str, ...]]:
    """folded word -> the measures it asks for (built once, on first use)."""
    from otsfacts.text import fold

    found: dict[str, tuple[str, ...]] = {}
    for name, words in WORDS.items():
        for word in words:
            key = fold(word)
            if name not in found.get(key, ()):
                found[key] = found.get(key, ()) + (name,)
    return found


@lru_cache(maxsize=64)
def units_of(measures: tuple[str, ...]) -> frozenset[str]:
    """The one-word units that measure ``measures``, as fact files write them ("gigawatts", "km")."""
    return frozenset(unit for name in measures for unit in UNITS.get(name, ()) if " " not in unit)
