"""Query analysis: what a query asks, read once (otsfacts.query)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from otsfacts.errors import QueryError
from otsfacts.query import QUESTION_WORDS, analyse, possessors


def test_question_words_weigh_nothing_and_content_words_stay_in_order() -> None:
    query = analyse("What did the leaders agree about education?")
    assert query.words == ("leaders", "agree", "education")
    assert set(query.question_words) == {"what", "did", "the", "about"}
    # "what kinds of", as "what kind of", shapes the question: the base never says "kinds"
    assert analyse("which kinds of schemes does the document want sped up").words == (
        "schemes", "document", "want", "sped")


def test_a_range_of_numbers_is_its_numbers_not_their_join() -> None:
    # "2022-2026" also tokenises as "20222026", which no fact written "2022–2026" holds
    assert analyse("OTS Strategy 2022-2026").words == ("ots", "strategy", "2022", "2026")
    assert analyse("Jalal-Abad").words == ("jalal", "abad", "jalalabad")  # a name's join stays


def test_prepositions_weigh_nothing() -> None:
    # "versus", "via", "within" say how the words relate, not what to find
    query = analyse("how many km does the route save versus going via Russia, within the bloc")
    assert query.words == ("km", "route", "save", "going", "russia", "bloc")


@pytest.mark.parametrize(("text", "words"), [
    ("where does the bloc stand among the biggest energy suppliers", ("bloc", "stand", "among", "biggest", "energy", "suppliers")),
    ("what place do the member states occupy as energy suppliers", ("member", "states", "occupy", "energy", "suppliers")),
    ("where do member nations place as providers of fuel", ("member", "nations", "providers", "fuel")),
    # and in the other languages (the place word stays a word to find: "oʻrin" is also a rank's)
    ("На каком месте тюркские страны среди поставщиков энергии?",
     ("месте", "тюркские", "страны", "среди", "поставщиков", "энергии")),
    ("Türk ülkeleri enerji tedarikçileri arasında kaçıncı sırada?", ("turk", "ulkeleri", "enerji", "tedarikcileri", "sirada")),
    ("Turkiy davlatlar nechanchi oʻrinda?", ("turkiy", "davlatlar", "orinda")),
])
def test_a_rank_is_asked_for_not_a_place(text: str, words: tuple[str, ...]) -> None:
    # "where does it stand", "where do they place", "what place do they occupy": the answer
    # is a rank ("among the top three"), and "place" is the question's shape
    query = analyse(text)
    assert (query.words, query.asks_place) == (words, False)
    assert analyse("where is the summit held").asks_place and analyse("which place holds the crown").asks_place
    assert analyse("where did the summit take place").asks_place  # "take place" is "happen"
    assert analyse("в каком месте прошёл саммит").asks_place  # "in what place", not "at what place"


def test_a_measure_word_ending_a_name_the_base_writes_asks_for_no_measure() -> None:
    # "Higher Education Area" is a name in the base, however the user types it
    def written_together(first: str, second: str) -> bool:
        return (first, second) == ("education", "area")

    assert analyse("higher education area").asks_figure
    assert analyse("higher education area", written_together).asks_figure is False
    assert "area" in analyse("how big is the land area", written_together).measures


@pytest.mark.parametrize("text", ["whos the secretary general", "who's the secretary general", "whats the budget"])
def test_a_contraction_typed_without_its_apostrophe_still_asks(text: str) -> None:
    query = analyse(text)
    assert query.is_question and query.words[-1] in ("general", "budget") and len(query.words) <= 2


def test_the_place_of_take_place_is_no_word_of_the_query() -> None:
    # "take place" is "happen"; "which place" still asks for one
    assert analyse("When did the Baku Turkology Congress take place?").words == ("baku", "turkology", "congress")
    assert analyse("which place holds the crown").words == ("place", "holds", "crown")


@pytest.mark.parametrize(("text", "words", "asks_place", "asks_time"), [
    ("Wher was the 11th Sumit held", ("11th", "sumit"), True, False),  # where, not when
    ("wen was the summit", ("summit",), False, True),
    ("Whne did the corridor open", ("corridor", "open"), False, True),
    ("waht did Kaliyev say", ("kaliyev",), False, False),
    # not before a verb of asking, or not near a word of asking, it is a word to find
    ("Wich countries are members", ("wich", "countries", "members"), False, False),
    ("Baku is the venue", ("baku", "venue"), False, False),
    # a letter added or changed makes a word of its own
    ("Wheat was Kazakhstan's main export", ("wheat", "kazakhstan", "main", "export"), False, False),
    ("Way is the route important", ("way", "route", "important"), False, False),
])
def test_a_mistyped_word_of_asking_opening_a_question_asks(text: str, words: tuple[str, ...], asks_place: bool,
                                                           asks_time: bool) -> None:
    query = analyse(text)
    assert (query.words, query.asks_place, query.asks_time) == (words, asks_place, asks_time)


def test_a_mistyped_when_opens_the_question_as_when_does() -> None:
    assert analyse("Whne did Omuraliyev take office").opens_with_when


@pytest.mark.parametrize(("text", "words", "asks_other_name"), [
    ("What is the other name of the Middle Corridor?", ("middle", "corridor"), True),
    ("Middle Corridor acronym", ("middle", "corridor"), True),
    ("what is the Zangazur corridor also called", ("zangazur", "corridor"), True),
    ("what does TITR stand for", ("titr",), False),  # the letters' meaning: asks_expansion
    ("which name did the leaders give the summit", ("leaders", "summit"), False),
    ("What has Kaliyev also called for on the Middle Corridor?", ("kaliyev", "called", "middle", "corridor"), False),
])
def test_a_question_may_ask_what_else_a_thing_is_called(text: str, words: tuple[str, ...],
                                                        asks_other_name: bool) -> None:
    query = analyse(text)
    assert (query.words, query.asks_other_name) == (words, asks_other_name)


def test_what_an_abbreviation_is_of_asks_what_its_letters_stand_for() -> None:
    query = analyse("What is TITR an abbreviation of?")
    assert (query.words, query.asks_expansion, query.asks_other_name) == (("titr",), True, False)


@pytest.mark.parametrize(("text", "asks_count", "counted"), [
    ("How many times faster is the Middle Corridor than the sea route?", False, ()),
    ("How many times quicker is moving cargo overland from China than shipping it by ocean?", False, ()),
    ("how many times did the leaders meet", True, ("times",)),  # a count of times
])
def test_how_many_times_faster_asks_a_multiple_not_a_count(text: str, asks_count: bool,
                                                           counted: tuple[str, ...]) -> None:
    query = analyse(text)
    assert (query.asks_count, query.counted, query.asks_figure) == (asks_count, counted, True)


@pytest.mark.parametrize(("text", "words"), [
    ("Во сколько раз доставка грузов по Среднему коридору быстрее морского пути?",
     ("доставка", "грузов", "среднему", "коридору", "быстрее", "морского", "пути")),
    ("Orta Koridor deniz yolundan kaç kat daha hızlı?", ("orta", "koridor", "deniz", "yolundan", "daha", "hizli")),
    ("Orta Dəhliz dəniz yolundan neçə qat sürətlidir?", ("orta", "dehliz", "deniz", "yolundan", "suretlidir")),
])
def test_a_multiple_asked_in_other_languages_asks_no_measure_nor_count(text: str, words: tuple[str, ...]) -> None:
    # "грузов" (cargo) alone would ask for tonnage
    query = analyse(text)
    assert (query.words, query.measures, query.asks_count, query.asks_figure) == (words, (), False, True)


@pytest.mark.parametrize(("text", "measures", "figure"), [
    ("Which mountain spot hosted the get-together of ski-area operators?", (), False),
    ("high-speed rail link", (), False),
    ("what is the area of the ski resort", ("area",), True),  # the measure itself
    ("What is the cargo-capacity of the Middle Corridor?", ("tonnage", "power"), True),  # the compound's head
])
def test_a_measure_word_hyphened_after_another_names_no_measure(text: str, measures: tuple[str, ...],
                                                                figure: bool) -> None:
    query = analyse(text)
    assert (query.measures, query.asks_figure) == (measures, figure)


def test_kazakh_nege_asking_what_a_thing_equals_is_no_why() -> None:
    # "неге тең": what is it equal to
    assert analyse("Орта дәліздің ұзындығы неге тең?").measures == ("length",)


@pytest.mark.parametrize(("text", "measures"), [
    ("Why is energy a natural area of cooperation between Astana and Baku?", ()),
    ("why did the summit come at a crucial time", ()),
    ("Neden enerji iş birliği alanı önemli?", ()),  # Turkish "neden", why
    ("Почему площадь региона важна?", ()),
    # not asking why, the same words ask for the measure
    ("what is the area of the OTS region", ("area",)),
    ("what is the area and why", ("area",)),  # "what" opens the question
])
def test_a_why_question_asks_for_no_figure(text: str, measures: tuple[str, ...]) -> None:
    query = analyse(text)
    assert query.measures == measures and query.asks_figure == bool(measures)


@pytest.mark.parametrize(("text", "words"), [
    ("Where was COP29 held?", ("cop29",)),
    ("when did the congress happen", ("congress",)),
    ("where will the 12th summit be held", ("12th", "summit")),
    # not asking where or when, being held is what is asked about
    ("what was held in Geneva", ("held", "geneva")),
    ("which talks will the leaders hold", ("talks", "leaders", "hold")),
    # asked by the question's first word of asking, not a "when" within it
    ("who held the chairmanship when the Gabala summit took place", ("held", "chairmanship", "gabala", "summit")),
])
def test_being_held_is_no_word_of_a_where_or_when_question(text: str, words: tuple[str, ...]) -> None:
    # that an event was held is what its place or time says: a fact need not say "held"
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words"), [
    ("что сказал Калиев о безопасности", ("калиев", "безопасности")),
    ("Kaliyev güvenlik hakkında ne dedi", ("kaliyev", "guvenlik")),
    ("Қалиев қауіпсіздік туралы не айтты", ("қалиев", "қауіпсіздік")),
    ("Kaliyevning fikricha koʻra xavfsizlik", ("kaliyevning", "xavfsizlik")),
])
def test_who_said_it_shapes_the_question_in_every_language(text: str, words: tuple[str, ...]) -> None:
    # as "say" and "according" do in English: the answer need not hold the verb
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words"), [
    ("С какими организациями сотрудничает ОТГ?", ("организациями", "сотрудничает", "отг")),
    ("Türk İnvestisiya Fondu nəyi dəstəkləyir?", ("turk", "investisiya", "fondu", "destekleyir")),
    ("Azerbaycan'ın en büyük ticaret ortakları hangileri", ("azerbaycan", "en", "buyuk", "ticaret", "ortaklari")),
    ("TDT bilan JSST harakat rejasi nimaga qaratilgan", ("tdt", "jsst", "harakat", "rejasi", "qaratilgan")),
    ("Саммитте Таяу Шығыстағы жағдай талқылана ма?", ("саммитте", "таяу", "шығыстағы", "жағдаи", "талқылана")),
    ("Орта дәліз қалай сипатталған", ("орта", "дәліз", "сипатталған")),  # "қалай" (how) is no "қала" (city)
    # a light verb, as "give" in English: "müsahibə verib" is "gave an interview"
    ("Baş katib hansı agentliyə müsahibə verib?", ("bas", "katib", "agentliye", "musahibe")),
    # "ile ilgili", regarding, as "about" ("ilgili" had stripped to "ilk", first)
    ("Zirvede TÜRKSOY ile ilgili hangi karar alındı?", ("zirvede", "turksoy", "karar", "alindi")),
])
def test_question_words_in_other_cases_and_question_particles_shape_the_question(text: str, words: tuple[str, ...]) -> None:
    # "какими" is "какой", "nəyi" "nə", "hangileri" "hangi", "nimaga" "nima"; "ма" asks as "is" does
    assert analyse(text).words == words


def test_a_query_of_question_words_only_is_refused_with_what_it_held() -> None:
    with pytest.raises(QueryError, match=r"^query has only question words \('the'\): add what you are looking for$"):
        analyse("the")
    with pytest.raises(QueryError, match="only question words"):
        analyse("who is it?")


def test_empty_punctuation_and_overlong_queries_are_refused() -> None:
    with pytest.raises(QueryError, match="^empty query"):
        analyse("   ")
    with pytest.raises(QueryError, match="only punctuation or symbols"):
        analyse("?!")
    with pytest.raises(QueryError, match=r"query too long \(1,001 characters; at most 1,000\)"):
        analyse("a" * 1001)


def test_a_single_letter_is_a_word() -> None:
    assert analyse("x").words == ("x",)


def test_numbers_years_and_ordinals_are_exact_terms() -> None:
    query = analyse("the twelfth summit in 2025, 12th of 15 days")
    assert query.words == ("twelfth", "summit", "2025", "12th", "15", "days")
    assert query.numbers == {"twelfth", "12th", "2025", "15"}  # an answer must hold them
    assert query.exact("2025") and query.exact("12th") and query.exact("twelfth") and not query.exact("summit")
    assert query.spellings("twelfth") == ("twelfth", "12th") and query.spellings("12th") == ("12th", "twelfth")


def test_a_decade_is_spelled_by_its_years() -> None:
    query = analyse("which 1920s congress adopted the alphabet")
    assert query.numbers == {"1920s"}  # exact: held by a year of it, never by prefix or typo
    assert query.spellings("1920s") == ("1920s", *(str(year) for year in range(1920, 1930)))
    assert query.spellings("1920") == ("1920",) and query.spellings("192s") == ("192s",)


def test_an_abbreviation_typed_in_the_plural_is_also_spelled_in_the_singular() -> None:
    query = analyse("Which passes and IDs ease travel, and MoUs with SMEs?")
    assert query.spellings("ids") == ("ids", "id")  # "IDs": the base's "Turk ID"
    assert query.spellings("mous") == ("mous", "mou") and query.spellings("smes") == ("smes", "sme")
    assert query.spellings("passes") == ("passes",)  # a plain plural is not an abbreviation's
    assert analyse("its ids and its gas").spellings("ids") == ("ids",)  # in small letters: a word


@pytest.mark.parametrize(("text", "whole"), [
    ("how long is the Middle Corridor in kilometers", True),
    ("what is the total length of the corridor", True),
    ("how long does freight take from China", False),  # a time, not the length of a thing
    ("how much shorter is the Middle Corridor than the northern one", False),
    ("how long is the route compared with the northern one", False),
    ("what is the total reduction in transit distance", False),  # a difference, as a noun
    ("corridor total length", True),  # a keyword query naming the quantity asks for it
    ("total trade with member states", False),  # asks for no figure
])
def test_a_question_about_a_thing_s_own_measure(text: str, whole: bool) -> None:
    assert analyse(text).asks_whole is whole


@pytest.mark.parametrize(("text", "numbers"), [
    ("when was the first Universiade", {"first"}),  # an ordinal: the third does not answer
    ("first Turkic Universiade", {"first"}),
    ("trade in first seven months", {"first"}),
    ("who was Kazakhstan's first president", {"first"}),
    ("who was first secretary general of the OTS", {"first"}),
    ("trade in first half of 2024", {"first", "2024"}),
    ("who first hosted the first summit", {"first"}),  # one of them numbers
    ("when did Azerbaijan first chair the OTS", {"first"}),  # "chair" is read as a noun
])
def test_first_is_an_ordinal(text: str, numbers: set[str]) -> None:
    assert analyse(text).numbers == numbers


@pytest.mark.parametrize("text", [
    "who first came up with the money pool",  # a fact need not say "first"
    "where did the defence chiefs first meet",
    "when was the Universiade first held",
    "which country first proposed the alphabet",
])
def test_first_before_a_verb_is_an_adverb_and_no_word_to_find(text: str) -> None:
    query = analyse(text)
    assert "first" not in query.numbers and "first" not in query.words and "first" in query.question_words


def test_first_ending_the_query_is_an_adverb_unless_it_stands_for_its_noun() -> None:
    query = analyse("Which EU state would receive that electricity first?")
    assert "first" not in query.numbers and "first" in query.question_words
    # "was the first", "its first": the first one, an ordinal
    assert analyse("Which Turkic Week was the first?").numbers == {"first"}
    assert analyse("when was the Universiade, its first").numbers == {"first"}


@pytest.mark.parametrize(("text", "words"), [
    ("TDT-yə sədrlik", ("tdt", "sedrlik")),  # a case ending after a hyphen is not a word
    ("6. Dünya Göçebe Oyunları", ("6th", "dunya", "gocebe", "oyunlari")),  # "6." is the 6th
    ("8-ші Бас ассамблеясы", ("8th", "бас", "ассамблеясы")),
    ("Jalal-Abad", ("jalal", "abad", "jalalabad")),  # a name's own part stays
])
def test_endings_and_ordinals_written_with_punctuation(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


def test_names_are_capitalised_words_and_the_first_word_is_marked() -> None:
    query = analyse("Hungary role in the Turkic Investment Fund")
    assert query.names == {"^hungary", "turkic", "investment", "fund"}
    assert analyse("what did Kaliyev say").names == {"kaliyev"}


def test_only_the_capitalised_parts_of_a_compound_are_names() -> None:
    # "Geneva-based" names Geneva; a fact need not say "based" to answer
    assert analyse("the Geneva-based health agency").names == {"geneva"}
    assert analyse("the Armenia-crossing route").names == {"armenia"}
    assert analyse("after Jalal-Abad").names == {"jalal", "abad", "jalalabad"}


def test_the_part_of_a_region_is_said_by_the_region() -> None:
    # "Central Asia" is answered by its countries, which no "central" need accompany
    assert analyse("railways of Central Asia").words == ("railways", "asia")
    assert analyse("the South Caucasus route").words == ("caucasus", "route")
    assert analyse("central role of Azerbaijan").words == ("central", "role", "azerbaijan")


def test_possessors_are_names_written_with_an_english_s() -> None:
    assert analyse("What was Kazakhstan's trade with Türkiye’s partners?").possessors == ("kazakhstan", "turkiye")
    assert analyse("what's the bloc's plan").possessors == ()  # neither is a name
    assert analyse("Azerbaycan'ın ticareti").possessors == ()  # a Turkic ending is no English "'s"
    assert analyse("what is the second topic in Kaliyev's view").possessors == ()  # his words, not his thing
    assert analyse("Which outlet carried Omuraliyev's exclusive interview?").possessors == ()  # so with a word between
    assert analyse("What is Talgat Kaliyev's job?").possessors == ()  # his occupation: who he is
    # the word after the owned one is read ahead, not taken: the next possessive stays
    assert possessors("Uzbekistan's and Kyrgyzstan's security proposals") == ("uzbekistan", "kyrgyzstan")
    assert analyse("What did Kazakhstan's president say?").possessors == ("kazakhstan",)  # a verb after
    assert analyse("What is the Middle Corridor's background?").possessors == ("corridor",)  # a thing's


def test_how_many_names_what_it_counts() -> None:
    assert analyse("how many new universities are there").counted == ("new", "universities")
    assert analyse("how many member states does the OTS have").counted == ("member", "states")
    assert analyse("how much money").counted == ()


def test_phrases_are_content_words_written_together() -> None:
    assert analyse("who is the secretary general").phrases == (("secretary", "general"),)
    assert analyse("leaders agree about education").phrases == (("leaders", "agree"),)


@pytest.mark.parametrize(("text", "measures", "figure", "count"), [
    # a size is an area, a sum or, of a plant, its capacity
    ("how big is the Turkic world", ("area", "money", "power"), True, False),
    ("How big is Azerbaijan's wind energy potential?", ("area", "money", "power"), True, False),
    ("what is the area of the Turkic world", ("area",), True, False),  # a quantity noun asks for a figure
    ("Turkic world area", ("area",), True, False),  # in a search box too
    ("how many inhabitants", ("population",), True, True),
    ("how long does the trip take", ("length", "duration"), True, False),
    ("what share of trade", ("share",), True, False),
    ("Türk dünyasının nüfusu", ("population",), False, False),
    ("how many member states", (), True, True),
    ("could the route transform links in the area", (), False, False),  # a place, not a measure
    # "how many percent", with the case endings of the Turkic languages: a share, not a count
    ("сауданың неше пайызын құрайды", ("share",), True, False),
    ("ticarətinin neçə faizi", ("share",), True, False),
    ("ticaretinin yüzde kaçı", ("share",), True, False),
    ("savdosining necha foizini", ("share",), True, False),
    # "to how many dollars", the currency in the dative: money, as "how many dollars" is
    ("fon kaç dolara ulaştı", ("money",), True, True),
    # a rate is a share: "the growth rate" is not answered by a sum of money
    ("what was the GDP growth rate in 2024", ("share",), True, False),
    ("қор қанша долларға жетті", ("money",), True, False),
])
def test_quantity_questions_name_their_measure(text: str, measures: tuple[str, ...], figure: bool,
                                               count: bool) -> None:
    query = analyse(text)
    assert (query.measures, query.asks_figure, query.asks_count) == (measures, figure, count)


@pytest.mark.parametrize(("text", "member"), [
    ("which EU country joined the fund", "eu"),
    ("Which European nations take part?", "european"),
    ("Has any EU state chipped in?", "eu"),
    ("How much EU funding does the corridor get?", None),  # the Union's own
    ("the European grid", None),
])
def test_an_eu_country_is_one_of_the_unions_members(text: str, member: str | None) -> None:
    query = analyse(text)
    assert query.union_member == member
    if member:
        assert query.exact(member) and {"hungary", "romania", "vienna"} <= set(query.spellings(member))


@pytest.mark.parametrize(("text", "when"), [
    ("when was the OTS founded", True),
    ("In which year will Kyrgyzstan host the games", True),
    ("Когда подписали соглашение", True),
    ("Zangezur dəhlizi nə vaxt açılacaq", True),
    ("where is the secretariat", False),
    # a date named as the thing asked for asks for a time; "to date" does not
    ("what is the launch date of the satellite", True),
    ("deadline for the treaty", True),
    ("how much has the fund invested to date", False),
    ("when will the summit be held", True),
    ("what was agreed and when", True),
    ("the second Turkic Week: where and when", True),
    # in a question another word opens, a "when" after a word begins a clause of time
    ("What will leaders talk about when it comes to paying for the route?", False),
    ("what did the leaders agree when they met in Gabala", False),
])
def test_time_questions_are_recognised_in_several_languages(text: str, when: bool) -> None:
    assert analyse(text).asks_time is when


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(w for w in QUESTION_WORDS if w.isascii() and len(w) > 1)),
                min_size=1, max_size=6))
def test_any_query_made_only_of_question_words_is_refused(words: list[str]) -> None:
    with pytest.raises(QueryError):
        analyse(" ".join(words))


@pytest.mark.parametrize(("text", "where"), [
    ("where will the second Turkic Week be held", True),
    ("which city hosted the forum", True),
    ("Türk dünyasının turizm paytaxtı hansı şəhər", True),
    ("what is the middle corridor", False),
])
def test_place_questions_are_recognised(text: str, where: bool) -> None:
    assert analyse(text).asks_place is where


@pytest.mark.parametrize(("text", "figure", "count"), [
    ("show far east", False, False),  # "how far" is inside "show far", not a question
    ("show many corridors", False, False),
    ("how many corridors", True, True),
    # a value asked for in the past tense, an amount, a total, a number: a figure
    ("what was the value of azerbaijan's trade with kazakhstan", True, False),
    ("what is the total length of the railway", True, False),
    ("what was the number of new members", True, False),
    ("what was the theme of the summit", False, False),
])
def test_question_phrases_are_whole_words(text: str, figure: bool, count: bool) -> None:
    query = analyse(text)
    assert (query.asks_figure, query.asks_count) == (figure, count)


@pytest.mark.parametrize(("text", "words"), [
    ("2024-cü ildə ticarət", ("2024", "ticaret")),
    ("2022-yilgi Samarqand", ("2022", "samarqand")),
    ("2026-жылы", ("2026",)),
    ("2025-го года", ("2025",)),
])
def test_a_year_with_an_ending_after_a_hyphen_is_the_year(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words  # "2024cu" would be a number the base never gives


@pytest.mark.parametrize(("text", "words"), [
    ("2024 yilda TDT savdosi", ("2024", "tdt", "savdosi")),
    ("в 2024 году", ("2024",)),
    ("the year 2024 summit", ("2024", "summit")),
    ("year of culture", ("year", "culture")),  # no year beside it: a word like any other
])
def test_the_word_year_beside_a_year_says_no_more(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words"), [
    ("5-кездесуі қашан", ("5th", "кездесуі")),  # Kazakh: the 5th meeting
    ("6-Jahon oʻyinlari", ("6th", "jahon", "oyinlari")),  # Uzbek: the 6th World (Nomad) Games
    ("a 5-day event", ("5", "day", "5day", "event")),  # an English unit stays a number and a unit
    ("12-sammiti qayerda", ("12th", "sammiti")),  # Uzbek: the 12th summit, with its possessive
    ("5-uchrashuvi", ("5th", "uchrashuvi")),  # Uzbek: the 5th meeting
    ("the 3-point plan", ("3", "point", "3point", "plan")),  # an English word stays a number and a word
])
def test_a_figure_hyphened_to_the_word_it_numbers_is_an_ordinal(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "country"), [
    ("which country proposed the meeting", True),
    ("hansı ölkə ilə birləşdirəcək", True),
    ("какая страна предложила", True),
    ("where was the summit", False),
    ("in which city was the summit", False),
])
def test_which_country_asks_for_a_country_who_acted_or_a_place(text: str, country: bool) -> None:
    assert analyse(text).asks_country is country


@pytest.mark.parametrize("text", [
    "which venue hosted the 12th summit",
    "Which venues in Baku will host exhibitions?",
    "what location was chosen for the forum",
])
def test_which_venue_or_location_asks_for_a_place(text: str) -> None:
    # kinds.PLACE_WORDS names them as words of a place asked for; they ask it as "which city" does
    query = analyse(text)
    assert query.asks_place and not query.asks_city


@pytest.mark.parametrize(("text", "city"), [
    ("in which Azerbaijani city will the exercises take place", True),  # a word may come between
    ("what city hosted the games", True),
    ("Hansı şəhərdə keçirildi", True),  # Azerbaijani, with its case ending
    ("Qaysi shaharda oʻtkaziladi", True),  # Uzbek
    ("В каком городе прошёл саммит", True),
    ("Қай қалада өтті", True),  # Kazakh
    ("which country hosted the games", False),
    ("where was the summit", False),
])
def test_which_city_asks_for_a_place_that_is_not_a_country(text: str, city: bool) -> None:
    query = analyse(text)
    assert query.asks_city is city
    assert query.asks_place  # every one asks where


def test_a_unit_given_with_a_figure_or_in_a_name_is_not_the_measure_asked_for() -> None:
    assert analyse("how much will the 43 km link cost").measures == ("money",)
    assert analyse("how much is the deal with ACWA Power worth").measures == ("money",)
    assert analyse("how many km long is the link").measures == ("length",)
    assert analyse("How many GW did SOCAR agree to develop").measures == ("power",)  # a unit, not a name's end
    # a unit counted right after "how many" is the measure asked for; "power cable" is the thing
    assert analyse("How many kilometres long will the Black Sea undersea power cable be?").measures == ("length",)
    assert analyse("how much money will the power plant need").measures == ("money",)
    # and a unit joined to it by "and" or "or" is asked for too
    assert analyse("How many days and kilometres does the Middle Corridor save?").measures == ("duration", "length")
    # the question's head says what is measured: not the freight it is about
    assert analyse("how much quicker is rail freight than shipping").measures == ()
    # but a share asked for as such is a share, whatever the head: "a big share"
    assert analyse("how big is intra-OTS trade as a share of the total").measures == (
        "area", "money", "power", "share")
    assert analyse("how big a slice of commerce stays inside the bloc").measures == ("area", "money", "power", "share")


def test_a_unit_the_question_names_picks_which_of_its_heads_measures_it_asks_for() -> None:
    # "how long" asks a length or a duration; a unit named beside it says which
    assert analyse("how long is the zangezur corridor").measures == ("length", "duration")
    assert analyse("how long is the corridor in km").measures == ("length",)
    assert analyse("How long is the Middle Corridor from end to end, in kilometers?").measures == ("length",)
    assert analyse("how long does the trip from China take, in days").measures == ("duration",)
    # a text is as long as the items it lists: neither a length nor a duration
    assert analyse("How long is the summit's closing statement, counted in items?").measures == ()
    assert analyse("how long is the list of commitments in the final document").measures == ()
    # "how big" asks an area, a sum or a capacity, and "in dollars" a sum
    assert analyse("how big is the trade").measures == ("area", "money", "power")
    assert analyse("how big is the trade in dollars").measures == ("money",)


def test_a_measure_word_saying_when_is_not_the_measure_asked_for() -> None:
    # "these days" is now, not a number of days: the question counts fields
    query = analyse("how many fields of collaboration does the bloc manage these days")
    assert (query.measures, query.asks_count) == ((), True)
    assert analyse("how many days did the journey take in recent weeks").measures == ("duration",)
    assert analyse("how many days does the journey take from China").measures == ("duration",)


@pytest.mark.parametrize(("text", "day", "year"), [
    ("when exactly was the corridor opened", True, False),
    ("on what dates will the exercises be held", True, False),
    ("in what year was trade 3 percent", False, True),
    ("В каком году был основан фонд", False, True),
    ("Qaysi yilda tashkil etilgan", False, True),
    ("when was the corridor opened", False, False),
])
def test_how_precise_a_time_is_asked_for(text: str, day: bool, year: bool) -> None:
    query = analyse(text)
    assert (query.asks_time, query.asks_day, query.asks_year) == (True, day, year)


def test_a_word_beginning_with_year_asks_no_year() -> None:
    query = analyse("what yearly freight volume will the new line allow")
    assert (query.asks_time, query.asks_year) == (False, False)


@pytest.mark.parametrize(("text", "alternatives"), [
    ("was the summit in Baku or Gabala", (("baku", "gabala"),)),
    ("в Баку или в Габале", (("баку", "габале"),)),
    ("Baku, Gabala or Bishkek", (("gabala", "bishkek"),)),  # a comma is not an "or"
    ("tourism or trade", ()),  # only names are alternatives
])
def test_names_joined_by_or_are_alternatives(text: str, alternatives: tuple[tuple[str, ...], ...]) -> None:
    assert analyse(text).alternatives == alternatives


@pytest.mark.parametrize(("text", "conjoined"), [
    ("What was decided about Turkmenistan and TURKSOY at the summit?", (("turkmenistan", "turksoy"),)),
    ("Türkmenistan ve TÜRKSOY hakkında ne karar verildi", (("turkmenistan", "turksoy"),)),
    ("tourism capitals for 2025 and 2026", (("2025", "2026"),)),  # numbers too
    ("trade between Kazakhstan and Uzbekistan", ()),  # of the two together
    ("Qazaxıstan və Özbəkistan arasında ticarət", ()),
    ("Qozog'iston va O'zbekiston o'rtasidagi savdo", ()),
    ("trade and tourism", ()),  # only names
    # a name of several words is joined whole, not by its last and first words
    ("Where were the Sports Volunteers Forum and the Turkic Red Network Volunteer Camp held?",
     (("sports", "volunteers", "forum", "turkic", "red", "network", "volunteer", "camp"),)),
    ("Baku, Gabala and Bishkek", (("baku", "gabala", "bishkek"),)),
])
def test_names_joined_by_and_are_conjoined(text: str, conjoined: tuple[tuple[str, ...], ...]) -> None:
    assert analyse(text).conjoined == conjoined


def test_before_or_after_a_name_asks_for_a_succession() -> None:
    assert analyse("who chaired the OTS before Kyrgyzstan").succession == (("before", "kyrgyzstan"),)
    assert analyse("who chairs after Azerbaijan").succession == (("after", "azerbaijan"),)
    assert analyse("who chairs after the Gabala summit").succession == ()  # a time, not a name
    # a name opening a clause in the past dates an event, as a summit does
    assert analyse("How much did the fund hold after Hungary joined?").succession == ()
    assert analyse("what changed before Budapest came on board").succession == ()
    assert analyse("after Hungary was admitted, what changed").succession == ()
    # (a name ending as a verb in the past does not: "Mohammed" is a name)
    assert analyse("who chaired after Sheikh Mohammed").succession == (("after", "sheikh"),)
    assert analyse("who chaired it after Kyrgyzstan, and when").succession == (("after", "kyrgyzstan"),)
    # a verb of succession in a question of who, and no word to find then
    query = analyse("Who preceded Kubanychbek Omuraliyev as OTS Secretary General?")
    assert (query.succession, query.words) == ((("before", "kubanychbek"),),
                                                ("kubanychbek", "omuraliyev", "ots", "secretary", "general"))
    assert analyse("Which country succeeded Kyrgyzstan as chair?").succession == (("after", "kyrgyzstan"),)
    assert analyse("the summit preceded Gabala talks").succession == ()  # no question of who
    # nor before no name, nor "succeeded in" (managed to), nor alone
    query = analyse("Which summit preceded the Gabala summit?")
    assert (query.succession, query.words) == ((), ("summit", "preceded", "gabala"))
    assert "succeeded" in analyse("Who succeeded in building the Middle Corridor?").words
    assert analyse("who preceded him").words == ("preceded",)


def test_far_long_and_big_name_a_measure_only_when_they_shape_the_question() -> None:
    assert analyse("how much money has Baku invested so far").measures == ("money",)
    assert analyse("how far is Baku from Aktau").measures == ("length",)


def test_words_that_only_shape_a_question_are_not_names_even_first() -> None:
    # a capitalised first word the base lacks would be read as a name it never heard of
    q = analyse("Besides security, what areas will Azerbaijan's chairmanship focus on?")
    # (and what "besides" sets aside is no word to find: see test_what_a_question_sets_aside_is_not_sought)
    assert (q.words[:2], q.set_aside) == (("areas", "azerbaijan"), ("security",)) and "^besides" not in q.names


def test_the_exact_date_asks_for_a_time_even_without_when() -> None:
    q = analyse("What was the exact date of the Gabala summit?")
    assert (q.asks_time, q.asks_day, q.asks_month) == (True, True, False)


@pytest.mark.parametrize(("text", "words"), [
    ("the 1000-km pipeline", ("1000", "km", "1000km", "pipeline")),  # a unit, not a year's ending
    ("a 2000-MW plant", ("2000", "mw", "2000mw", "plant")),
])
def test_only_a_years_own_endings_are_dropped(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words"), [
    ("OTS trade $1.1tn", ("ots", "trade", "1.1", "trillion")),  # a scale against its figure, in words
    ("Azerbaijan trade 4.41bn", ("azerbaijan", "trade", "4.41", "billion")),
    ("7bln USD", ("7", "billion", "usd")),
    ("Zangazur 43km", ("zangazur", "43", "km")),  # a unit against its figure: apart, as the texts write it
    ("35GW wind", ("35", "gw", "wind")),
    ("fund of $300m", ("fund", "300", "million")),  # "m" after a currency sign is millions
    ("a 100m sprint", ("100m", "sprint")),  # and otherwise may be metres: left as typed
    ("the 12th summit", ("12th", "summit")),
])
def test_a_figure_glued_to_its_scale_or_unit_is_read_apart(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words"), [
    ("assembly on 15 Oct 2025", ("assembly", "15", "october", "2025")),
    ("assembly Oct. 15", ("assembly", "october", "15")),
    ("Sept 2026 meeting", ("september", "2026", "meeting")),
    ("dec and mar", ("dec", "mar")),  # beside no figure, an abbreviation may be another word
])
def test_a_months_abbreviation_beside_a_figure_is_the_month(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words"), [
    ("what standing does the OTS seek at the world body", ("standing", "ots", "seek", "un")),
    ("which countries does Baku buy and sell with", ("countries", "baku", "trade")),
    ("who does Baku buy and sell the most goods with", ("baku", "primary", "trade", "partners")),  # the longest
    ("which two countries does Baku buy and sell the most with", ("two", "countries", "baku", "primary", "trade",
                                                                  "partners")),
    ("world bodies and body armour", ("world", "bodies", "body", "armour")),  # the phrase only
    ("who is the OTS Sec Gen", ("ots", "secretary", "general")),
    ("OTS secgen", ("ots", "secretary", "general")),
    ("the roadmap with the global medical agency", ("roadmap", "global", "world", "health", "organization")),
])
def test_a_news_phrase_is_read_as_the_base_word_for_it(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words"), [
    ("How much is the Turkic Investment Fund now?", ("turkic", "investment", "fund")),
    ("who chairs the OTS today", ("chairs", "ots")),
    ("TURKUNIB members nowadays", ("turkunib", "members")),
    ("what is presently planned in Shusha", ("planned", "shusha")),
])
def test_a_word_saying_the_present_asks_nothing_more(text: str, words: tuple[str, ...]) -> None:
    # the base states what is so as of its sources: "now" asks what it says, not a word to hold
    assert analyse(text).words == words


def test_russian_month_and_place_questions_are_read_without_their_one_letter_preposition() -> None:
    assert analyse("в каком месяце открыли коридор").asks_month
    assert analyse("в каком городе прошёл саммит").asks_place


@pytest.mark.parametrize(("text", "asked"), [
    ("which banks did Kaliyev name", "banks"),
    ("What was the theme of the 11th summit", "theme"),
    ("which mountain resort hosted it", None),  # a resort is asked for, not a mountain
    ("Which neutral Central Asian republic joined", None),  # "Central", a region's word, follows
    ("Which Kazakh analyst spoke", None),  # a name
    ("what 2 things were agreed", None),  # a number
    ("who won the cup", None),
])
def test_what_a_which_question_asks_for(text: str, asked: str | None) -> None:
    assert analyse(text).asked == asked


@pytest.mark.parametrize(("text", "numbers", "measures", "kind"), [
    ("2025-in ilk yeddi ayında Azərbaycanın ticarəti", {"2025"}, (), (False, False)),  # a genitive ending
    ("2024 жылы түркі елдерінің сауда көлемі", {"2024"}, ("area", "money", "tonnage"), (True, False)),
    ("Сколько стоило строительство дороги?", set(), ("money",), (True, False)),
    ("Каков товарооборот между Казахстаном и Азербайджаном?", set(), ("money",), (True, False)),
    ("Qəbələ sammitində neçə dövlət başçısı iştirak etdi?", set(), (), (True, True)),  # how many
    ("Orta Dəhlizin inkişafı necə müəyyən edilib?", set(), (), (False, False)),  # how: no count
    ("Kaç üniversite TURKUNIB üyesi?", set(), (), (True, True)),
])
def test_other_languages_figures_years_and_counts(text: str, numbers: set[str], measures: tuple[str, ...],
                                                  kind: tuple[bool, bool]) -> None:
    query = analyse(text)
    assert (set(query.numbers), query.measures, (query.asks_figure, query.asks_count)) == (numbers, measures, kind)


def test_a_which_city_question_may_carry_a_turkic_ending() -> None:
    assert analyse("2025 yılında Türk Dünyası Turizm Başkenti hangi şehirdi?").asks_city


@pytest.mark.parametrize(("text", "capital_city", "measures"), [
    ("how many universities joined TURKUNIB in the Uzbek capital", ("tashkent",), ()),
    ("how many universities joined in Uzbekistan's capital", ("tashkent",), ()),
    ("how many universities joined in the capital of Uzbekistan", ("tashkent",), ()),
    ("which Austrian capital hosts the next Turkic Week", ("vienna",), ()),
    ("how much capital has Baku put into the other Turkic countries", (), ("money",)),  # money, not a city
    ("how big is the Turkic capital pool", (), ("area", "money", "power")),  # "Turkic" is no country
])
def test_a_countrys_capital_is_its_city_not_money(text: str, capital_city: tuple[str, ...],
                                                  measures: tuple[str, ...]) -> None:
    query = analyse(text)
    assert (query.capital_city, query.measures) == (capital_city, measures)
    assert query.spellings("capital") == (capital_city or ("capital",))


@pytest.mark.parametrize(("text", "words"), [
    ("who is the head of the OTS", ("secretary", "general", "ots")),
    ("who heads the OTS?", ("secretary", "general", "ots")),
    ("who heads OTS", ("secretary", "general", "ots")),
    ("name the bloc’s top official", ("bloc", "secretary", "general")),  # after the organisation's name
    # where the post only says who spoke, it stays as written
    ("what does the OTS chief expect", ("ots", "chief", "expect")),
    # the organisation named in words after its post, as the base's context names it
    ("Who leads the Organization of Turkic States", ("secretary", "general", "ots")),
    ("who is the top official of the turkic states organisation", ("secretary", "general", "ots")),
    ("who is the boss of the Organisation of the Turkic States now", ("secretary", "general", "ots")),
    ("who runs the organisation", ("secretary", "general", "ots")),
    ("name of the top administrator of the OTS", ("secretary", "general", "ots")),
    # a post "running" it, the organisation named with its adjectives or as a group
    ("who is the top official running the OTS", ("secretary", "general", "ots")),
    ("who is the top official of the Turkic bloc", ("secretary", "general", "turkic", "bloc")),
    ("who is the group's top official", ("group", "secretary", "general")),
    # a word saying what kind of official, and the staff the post heads
    ("Who is the top administrative official of the OTS?", ("secretary", "general", "ots")),
    ("Who runs the OTS secretariat?", ("secretary", "general", "ots")),
    ("who is the boss of the organisation's secretariat", ("secretary", "general", "ots")),
    ("Who heads the secretariat of the Turkic bloc?", ("secretary", "general", "turkic", "bloc")),
    ("who is the head of the permanent staff of the OTS", ("secretary", "general", "ots")),
    ("name the top official heading the bloc's administration", ("secretary", "general", "bloc")),
    ("where is the secretariat", ("secretariat",)),  # no post asked for
    ("who leads the staff", ("leads", "staff")),  # no organisation's
    ("who is the top", ("top",)),  # nothing after the adjective
    # only the organisation's own post: heads of state, another body's head, a plural
    ("heads of state of the OTS", ("heads", "state", "ots")),
    ("who is the head of TURKSOY", ("head", "turksoy")),
    ("top officials of the OTS met", ("top", "officials", "ots", "met")),
    ("the head of government", ("head", "government")),
    ("who is the head of the working group", ("head", "working", "group")),
])
def test_the_organisations_top_post_is_named_by_its_title(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words", "asks_expansion"), [
    ("What does TITR stand for?", ("titr",), True),
    ("what is eCMR short for", ("ecmr",), True),
    ("What does the abbreviation TITR refer to?", ("titr",), True),
    ("which projects does the declaration refer to", ("projects", "declaration"), True),  # no letters typed
    ("the Middle Corridor stands as a cornerstone", ("middle", "corridor", "stands", "cornerstone"), False),
    ("where do the leaders stand on security", ("leaders", "stand", "security"), False),
])
def test_stand_for_asks_what_an_abbreviation_says(text: str, words: tuple[str, ...], asks_expansion: bool) -> None:
    query = analyse(text)
    assert (query.words, query.asks_expansion) == (words, asks_expansion)


@pytest.mark.parametrize(("text", "of_links"), [
    ("Who is the Secretary General of TURKSOY?", (("general", "turksoy"),)),
    ("the capital of Uzbekistan", (("capital", "uzbekistan"),)),
    ("the theme of the summit", (("theme", "summit"),)),
    ("the OTS secretary general", ()),
    ("what of the summit", ()),  # "what" shapes the question only
])
def test_words_joined_by_of_are_linked(text: str, of_links: tuple[tuple[str, str], ...]) -> None:
    assert analyse(text).of_links == of_links


@pytest.mark.parametrize(("text", "asks_place"), [
    ("when was Aliyev's inauguration where he called the OTS a family", False),  # a relative clause
    ("on what date did he take office for the term where he spoke of the OTS", False),
    ("where is the secretariat", True),
    ("what will the cable carry and to where", True),  # "to where" asks
    ("what did Kaliyev say about where the money will come from", True),  # "about where": an asked place
    ("summit where Turkmenistan became an observer", True),  # no other question word opens it
])
def test_a_where_after_what_is_asked_about_begins_a_relative_clause(text: str, asks_place: bool) -> None:
    assert analyse(text).asks_place is asks_place


@pytest.mark.parametrize(("text", "in_english"), [
    ("which place gets the travel-destination title next year", True),
    ("How did the Azerbaijani leader describe the bloc?", True),
    ("whats the middle corridor", True),
    ("Omuraliyev TDT bosh kotibi etib qachon saylangan?", False),  # Uzbek: "qachon", when
    ("Кто занимал пост генсека ОТГ до Омуралиева?", False),
    ("Zəngəzur dəhlizi nə vaxt açılacaq?", False),
    ("OTS+ format", False),  # a search box's words ask nothing
    ("the middle corridor?", False),  # a question mark, but no English question word
])
def test_a_question_is_asked_in_english_by_an_english_question_word(text: str, in_english: bool) -> None:
    assert analyse(text).asked_in_english is in_english


@pytest.mark.parametrize(("text", "words"), [
    ("According to Mr. Kaliyev, what will be the main issue?", ("kaliyev", "main", "issue")),
    ("Dr Omuraliyev on the Middle Corridor", ("omuraliyev", "middle", "corridor")),
    ("Что сказал господин Калиев о саммите?", ("калиев", "саммите")),
])
def test_a_courtesy_title_says_nothing_the_name_does_not(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "words"), [
    ("What is Talgat Kaliyev's professional background?", ("talgat", "kaliyev")),
    ("What is the profession of Talgat Kaliyev?", ("talgat", "kaliyev")),
    ("Omuraliyev's job", ("omuraliyev",)),
    # a place's background, or one not asked of anyone, is a word to find
    ("Kazakhstan's background in energy", ("kazakhstan", "background", "energy")),
    ("what is the background of the Zangazur corridor", ("background", "zangazur", "corridor")),
    ("job creation in the member states", ("job", "creation", "member", "states")),
    ("What is the Middle Corridor's background?", ("middle", "corridor", "background")),  # a thing's
    ("What is Baku's expertise in energy?", ("baku", "expertise", "energy")),  # a city's
    ("What is Kaliyev's job-creation plan?", ("kaliyev", "job", "creation", "jobcreation", "plan")),
    ("the profession of Ömer Kocaman", ("omer", "kocaman")),
    # a word naming a post asks it only as the question's last words
    ("What is Kubanychbek Omuraliyev's job title?", ("kubanychbek", "omuraliyev")),
    ("What is Omuraliyev's official title?", ("omuraliyev", "official")),
    ("what is the position of Talgat Kaliyev?", ("talgat", "kaliyev")),
    ("Kaliyev's role", ("kaliyev",)),
    ("What is Erdogan's position on the corridor?", ("erdogan", "position", "corridor")),  # a stance
    ("Kaliyev's role in the summit", ("kaliyev", "role", "summit")),  # a part in something
    ("What is Ankara's title?", ("ankara", "title")),  # a town's
    ("What is the Green Corridor's role?", ("green", "corridor", "role")),  # a thing's
])
def test_an_occupation_asked_of_a_person_asks_who_the_person_is(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


def test_the_far_east_is_china_only_as_a_name() -> None:
    assert analyse("from the Far East to the Old Continent").words == ("china", "europe")
    query = analyse("How far east does the Middle Corridor reach?")  # a distance asked
    assert (query.words, query.measures) == (("east", "middle", "corridor", "reach"), ("length",))


@pytest.mark.parametrize(("text", "words"), [
    ("a clean-power link along the East-West corridor", ("clean", "power", "cleanpower", "link", "middle", "corridor")),
    ("the east-west trade route", ("middle", "corridor")),
    ("the East West transit link", ("middle", "corridor")),
    # the compass words alone, or before no route, stay words to find
    ("shortest safest route East West", ("shortest", "safest", "route", "east", "west")),
    ("east-west relations", ("east", "west", "eastwest", "relations")),
])
def test_the_east_west_corridor_is_the_middle_corridor(text: str, words: tuple[str, ...]) -> None:
    assert analyse(text).words == words


@pytest.mark.parametrize(("text", "numbers"), [
    # of two ordinals, one after "after" places the other in time: the answer need not hold it
    ("After the first one, where is the second edition of Turkic Week?", {"second"}),
    ("what came after the 11th summit, before the 12th", set()),
    # one ordinal alone is what is asked about
    ("what happened after the 11th summit", {"11th"}),
    ("the first and the second edition", {"first", "second"}),
])
def test_an_ordinal_after_after_places_another_in_time(text: str, numbers: set[str]) -> None:
    assert analyse(text).numbers == numbers


def test_a_framing_noun_is_no_word_to_find() -> None:
    # "in the Middle Corridor context" frames the question; the base never writes "context"
    assert analyse("What does TITR stand for in the Middle Corridor context?").words == ("titr", "middle", "corridor")


def test_whose_asks_and_is_no_word_to_find() -> None:
    # "whose" had been found only as a near typo of "who", which a short word's one-letter
    # typo rule no longer allows; it asks, as "who" does
    assert analyse("Whose personal commitment to Turkic unity provides a foundation?").words == (
        "personal", "commitment", "turkic", "unity", "provides", "foundation")


@pytest.mark.parametrize(("text", "words", "aside"), [
    # what a question sets aside is what its answer is beside: no word to find, no name to hold
    ("Which organizations besides the UN agencies has the OTS expanded dialogue with?",
     ("organizations", "ots", "expanded", "dialogue"), ("un", "agencies")),
    ("Apart from the Zangazur Corridor, which regional situation did Kaliyev mention?",
     ("regional", "situation", "kaliyev"), ("zangazur", "corridor")),
    ("in what fields other than the economy has the group made gains", ("fields", "group", "gains"), ("economy",)),
    ("Except for Azerbaijan, which countries does the Green Corridor connect?",
     ("countries", "green", "corridor", "connect"), ("azerbaijan",)),
    # "beyond" sets aside only where it opens the question, up to its comma
    ("beyond defence, what sectors will Baku prioritise", ("sectors", "baku", "prioritise"), ("defence",)),
    ("In addition to the fund, what did Hungary join?", ("hungary", "join"), ("fund",)),
    ("progress beyond economics", ("progress", "beyond", "economics"), ()),
    # a word also asked about elsewhere is still sought
    ("besides security, what security meetings were held", ("security", "meetings", "held"), ()),
    # a question made only of what it sets aside keeps its words
    ("besides the UN?", ("un",), ()),
    # with no comma nor word of asking to close it, only a few words ending the question
    # are set aside: a longer run holds the question's own verb
    ("what else did Kaliyev expect besides security?", ("else", "kaliyev", "expect"), ("security",)),
    ("Which countries besides Turkey signed the charter in 2024?",
     ("countries", "turkey", "signed", "charter", "2024"), ()),
    # "apart" and "aside" in their literal senses set nothing aside
    ("How far apart from Baku is Astana?", ("baku", "astana"), ()),
    ("How much was set aside from the budget for the fund?", ("set", "budget", "fund"), ()),
    # a full stop within a figure does not end it, and a dash before a word of asking does
    ("Other than the $1.2 billion fund, what did Hungary give?", ("hungary",), ("1.2", "billion", "fund")),
    ("Besides the UN—which bodies does the OTS talk to?", ("bodies", "ots", "talk"), ("un",)),
])
def test_what_a_question_sets_aside_is_not_sought(text: str, words: tuple[str, ...], aside: tuple[str, ...]) -> None:
    query = analyse(text)
    assert (query.words, query.set_aside) == (words, aside)


@pytest.mark.parametrize(("text", "asked"), [
    ("which countries are behind the cable", 0),
    ("which four nations signed", 4),
    ("what Turkic states joined", 0),
    ("Which OTS member states signed it?", 0),
    ("which 2 countries trade most with Baku", 2),
    ("which zero countries joined", 0),  # (no number: any number of them)
    # a question opened by asking something else asks no list of countries first
    ("what kind of electricity will be sent, and from which countries", None),
    ("what is the Organization of Turkic States", None),
    ("countries of the Green Corridor", None),
])
def test_which_countries_a_question_asks_for(text: str, asked: int | None) -> None:
    assert analyse(text).countries_asked == asked
