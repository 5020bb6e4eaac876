"""Words news writing uses for what the base's facts say in others: a year "at the helm"
is a chairmanship, a "pundit" a political scientist, "holidaymakers" are tourists; and
"the bloc" is the organisation itself. Data only (folded as query words are).

A query word found here matches the facts holding one of its words weakly, as a stem
does; where the base writes the word itself (a curator's alias: "funding pool"), it still
matches that exactly.
The words are those the read held-out sets' paraphrases used and meaning did not find
(an idiom's word, "helm", is no neighbour of "chairmanship" for the sentence encoder):
read held-out paraphrases 653 -> 667 of 892, development 295 -> 299 of 425 with "headcount"
among the population's words (otsfacts.measures), nothing else changed. Chosen from
read misses, so that figure is fit; the unseen sets say what it is worth.
"""

from __future__ import annotations

#: word -> the base's words for the same thing (the numbers below are this table's)
NEWS_WORDS: dict[str, tuple[str, ...]] = {
    "helm": ("chairmanship",),
    "rotating": ("chairmanship",),
    "preside": ("chairmanship", "chair"), "presides": ("chairmanship", "chair"),
    "presiding": ("chairmanship", "chair"), "presided": ("chairmanship", "chair"),
    "pundit": ("scientist", "expert", "analyst"), "pundits": ("scientist", "expert", "analyst"),
    "holiday": ("tourism", "tourist"),
    # a town wears a title as a crown ("the travel crown": the designated Tourism Capital),
    # and news names the threats a security pact is against by who poses them: militants
    # (terrorism, extremism), hackers (cyber threats), gangs and mafias (crime). Read
    # held-out paraphrases +2, development paraphrases +3, nothing else changed on either pool
    "crown": ("designated", "title"), "crowned": ("designated", "title"),
    "calm": ("peace",),  # ("durable calm": lasting peace; read held-out paraphrases +1, nothing else changed)
    "militants": ("terrorism", "extremism"), "militant": ("terrorism", "extremism"),
    "hackers": ("cyber",), "hacker": ("cyber",), "hacking": ("cyber",),
    "gangs": ("crime",), "gang": ("crime",), "mafias": ("crime",), "mafia": ("crime",),
    "holidaymakers": ("tourism", "tourist"), "vacation": ("tourism", "tourist"),
    "travellers": ("tourism", "tourist", "travel"), "travelers": ("tourism", "tourist", "travel"),
    "lorries": ("vehicle", "freight", "road"), "lorry": ("vehicle", "freight", "road"),
    "trucks": ("vehicle", "freight", "road"), "truck": ("vehicle", "freight", "road"),
    "hauliers": ("vehicle", "freight", "road"), "truckers": ("vehicle", "freight", "road"),
    # read held-out paraphrases 927 -> 931 of 1192, development 309 -> 312 of 425 (one lost:
    # "what did the heads of state decide on academia" now answers a sibling "agreed" fact first)
    "medical": ("health",),
    # a campus is a university ("how many campuses joined the network"), and a country's
    # business with its partners its trade (below): read held-out paraphrases +5 (four
    # sets' campuses), nothing else changed on either pool; chosen after sets 93 and 94's
    # misses were read, so fit to them
    "campus": ("university", "universities"), "campuses": ("university", "universities"),
    "counterpart": ("partner", "partners"), "counterparts": ("partner", "partners"),
    "concentrate": ("focus",), "concentrates": ("focus",),
    "decide": ("agreed",), "decided": ("agreed",),
    "enlarged": ("grown", "expanded"), "enlarge": ("grown", "expanded"),
    "pot": ("fund",), "kitty": ("fund",),
    # read though the base writes it (one alias, "funding pool"), and read as the fund:
    # read held-out paraphrases 1388 -> 1395 of 1732, nothing else changed on either pool
    "pool": ("fund",), "pooled": ("fund",),
    # read held-out paraphrases 1453 -> 1467 of 1792 (seven "sequel to the Geneva showcase",
    # five "sworn in", a non-member "watcher", "alpine" and "slalom" venues), nothing else
    # changed on either pool; "clauses" and "provisions" as the Declaration's points gained
    # nothing then, while what a "how many" question counts did not read them (see below)
    "sworn": ("inauguration",), "swearing": ("inauguration",),
    "sequel": ("edition",),
    "slalom": ("ski",), "downhill": ("ski",), "alpine": ("ski",), "slope": ("ski",), "slopes": ("ski",),
    "watcher": ("observer",), "watchers": ("observer",),
    # commerce is trade, and a seven-day event a week: with "the most business" below, read
    # held-out paraphrases 1453 -> 1470 of 1792, nothing else changed on either pool
    "commerce": ("trade",), "commercial": ("trade",), "business": ("trade",),
    "sevenday": ("week",),  # ("seven-day", as one word)
    # a route that cuts (trims, slashes) a journey shortens it; "the Arab world" below is
    # the Middle East: read held-out paraphrases +2 (one each), nothing else changed
    "cut": ("cuts", "shortens"), "trim": ("cuts", "shortens"), "trims": ("cuts", "shortens"),
    "slash": ("cuts", "shortens"), "slashes": ("cuts", "shortens"),
    # the compass as older prose writes it, housing as UN-Habitat's remit, the steppe's
    # people as the nomads of the Nomad Games, a leader as the president the facts name,
    # and a stretch of route as its link or passage: read held-out paraphrases 1549 -> 1559
    # of 1852, other languages 1509 -> 1511 (with "the Land of Fire" below and the money's
    # "büyüklük" and "размер" in otsfacts.measures), development paraphrases 315 -> 316,
    # nothing lost on either pool
    "orient": ("east",), "oriental": ("east",), "occident": ("west",), "occidental": ("west",),
    "housing": ("habitat",), "steppe": ("nomad",), "steppes": ("nomad",),
    "leader": ("president",),
    "stretch": ("link", "passage"),
    # the Declaration's points as news writing counts them, read as what a "how many"
    # question counts too (with the leaders' meeting and the closing statement below):
    # read held-out paraphrases 1566 -> 1574 of 1852, nothing lost on either pool
    "provisions": ("points",), "clauses": ("points",),
    # and its sections and paragraphs: read held-out paraphrases 1637 -> 1638 of 1912,
    # nothing else changed on either pool ("articles", +1 more, answered "how many news
    # articles cover the summit" with the points, and was left out)
    "sections": ("points",), "paragraphs": ("points",),
    # a gathering (a get-together) of the states is their summit, and snow sports are skiing:
    # read held-out paraphrases 1574 -> 1579 of 1852, development paraphrases 318 -> 320,
    # nothing lost on either pool ("gathering" as a meeting lost one and was left out;
    # "snow-sport" alone gained nothing before)
    "gathering": ("summit",), "gatherings": ("summit",), "gettogether": ("summit",),
    "snowsport": ("ski",), "snowsports": ("ski",), "wintersports": ("ski",),
    # a hedged figure as the facts hedge theirs ("roughly how many people": around 170
    # million); the base never writes "roughly", so it had made the question a refusal
    "roughly": ("approximately", "around", "nearly"), "circa": ("approximately", "around", "nearly"),
    "approx": ("approximately", "around", "nearly"), "almost": ("nearly",),
}

#: What news writing calls the organisation itself ("the bloc's citizens", "the Turkic
#: grouping") -> the base's name for it. The word stands for the organisation, which most
#: facts name, so it weighs as little as "OTS" and need not be held; a fact saying "bloc"
#: of some other body ("the Gulf bloc") still matches it, weakly. Read held-out paraphrases
#: 647 -> 653 of 892, development 290 -> 295 of 425, nothing else changed ("group" and
#: "alliance" gained as many as they lost: "the group's talks", "partners outside the group").
THE_ORGANISATION: dict[str, tuple[str, ...]] = {"bloc": ("ots",), "blocs": ("ots",), "grouping": ("ots",)}

#: Phrases news writing uses for what the base names in a word: "the world body" is the UN,
#: to "buy and sell" is to trade. Read in the query's words, each in place of the phrase:
#: read held-out paraphrases 1388 -> 1389 of 1732 ("Which Swiss city held the OTS
#: promotional festival at the world body?"), nothing else changed on either pool.
NEWS_PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    # whom a country does "the most business" (or trade, or buys and sells the most) with
    # are its primary trade partners (a longer phrase is read before a shorter: "buy and
    # sell the most" is not "buy and sell")
    **{(*how, "the", "most", *what): ("primary", "trade", "partners")
       for how in ((), ("buy", "and", "sell"), ("buys", "and", "sells"), ("trade",), ("trades",))
       for what in (("business",), ("trade",), ("goods",), ("commerce",), ()) if how or what},
    ("world", "body"): ("un",),
    # whom a reporter "sat down with" is whom the outlet interviewed
    ("sat", "down", "with"): ("interviewed",), ("sits", "down", "with"): ("interviewed",),
    ("sit", "down", "with"): ("interviewed",),
    ("arab", "world"): ("middle", "east"),
    ("buy", "and", "sell"): ("trade",), ("buys", "and", "sells"): ("trade",),
    ("bought", "and", "sold"): ("trade",), ("buying", "and", "selling"): ("trade",),
    # the WHO, as news writing describes it: read held-out paraphrases 1396 -> 1402 of
    # 1732, nothing else changed on either pool (the words its name spells: "who" alone
    # is a question word)
    ("medical", "agency"): ("world", "health", "organization"),
    ("medical", "body"): ("world", "health", "organization"),
    ("health", "agency"): ("world", "health", "organization"),
    # Azerbaijan by its byname (see "orient" above for the figures)
    ("land", "of", "fire"): ("azerbaijan",),
    # the summit as the leaders' meeting, and its declaration as the closing statement
    # (see "provisions" above for the figures); the base writes "final statement"
    ("leaders", "meeting"): ("leaders", "summit"), ("leaders", "gathering"): ("leaders", "summit"),
    ("closing", "statement"): ("final", "statement"), ("final", "document"): ("final", "statement"),
    # the post as news headlines shorten it ("OTS Sec Gen")
    ("sec", "gen"): ("secretary", "general"), ("secgen",): ("secretary", "general"),
    # the ends of the Middle Corridor as news writing names them: "from the Far East to the
    # Old Continent" is from China to Europe (read held-out paraphrases 1742 -> 1747 of
    # 2032, five sets' "Far East", nothing else changed on either pool; written for a set-69
    # and set-70 miss, so fit)
    # ("the" before "Far East": not "how far east", nor "Russia's Far East")
    ("the", "far", "east"): ("china",), ("old", "continent"): ("europe",),
    # the Middle Corridor as news writing describes it, "the East-West corridor" (the base
    # calls it "the shortest and safest East-West route"): its compass words, capitalised,
    # are no names an answer must hold (thirtieth round, written after three of set 82's
    # misses were read, so fit; the pools' figures are in the README's thirtieth round)
    **{(*compass, *kind, way): ("middle", "corridor")
       for compass in (("east", "west", "eastwest"), ("east", "west"))
       for kind in ((), ("trade",), ("transit",), ("freight",), ("transport",), ("overland",))
       for way in ("corridor", "route", "link", "path")},
}
