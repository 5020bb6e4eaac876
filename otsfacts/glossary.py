"""A curated glossary: the base's English words in Azerbaijani, Turkish, Russian, Kazakh,
Uzbek and Kyrgyz, so that "ветровой потенциал" finds "wind potential".

It was written from the base's own vocabulary (the countries, cities, people,
organisations and topic words its facts use), not from any query list. Every key of
:data:`CONCEPTS` is one or more English words the base holds; its value lists the same
concept in the other languages as one word each, in ordinary spelling (the lookup folds
them as search folds text) and in the lemma: the nominative singular for nouns, the
masculine for Russian adjectives, the bare stem for the Turkic languages. Inflected
query words reach their lemma by stripping endings (:func:`otsfacts.text.inflection_stems`);
the few short words whose stems would be too short list their forms.

Search imports this module only for a query word that is not already English in the
base, and builds the folded lookup table once, on first use.
"""

from __future__ import annotations

from functools import lru_cache

#: English base word(s) -> the same concept in az, tr, ru, kk, uz, ky (one word each).
#: Several English words are alternatives: a query word matching any of them counts.
CONCEPTS: dict[str, tuple[str, ...]] = {
    # ------------------------------------------------------------------ countries
    "azerbaijan azerbaijani": ("Azərbaycan", "Azerbaycan", "Азербайджан", "Әзербайжан", "Әзірбайжан",
                               "Ozarbayjon", "Азербайжан", "азербайджанский", "azərbaycanlı", "Azerbaycanlı"),
    "kazakhstan kazakh": ("Qazaxıstan", "Kazakistan", "Казахстан", "Қазақстан", "Qozogʻiston",
                          "Казакстан", "казахстанский", "казахский", "qazax", "Kazak", "қазақ", "qozoq"),
    "kyrgyzstan kyrgyz": ("Qırğızıstan", "Kırgızistan", "Кыргызстан", "Киргизия", "Қырғызстан", "Qirgʻiziston",
                          "кыргызский", "киргизский", "qırğız", "Kırgız", "қырғыз", "qirgʻiz", "кыргыз"),
    "uzbekistan uzbek": ("Özbəkistan", "Özbekistan", "Узбекистан", "Өзбекстан", "Oʻzbekiston", "узбекский",
                         "özbək", "Özbek", "өзбек", "oʻzbek"),
    "turkmenistan": ("Туркменистан", "Түрікменстан", "Turkmaniston",
                     "Түркмөнстан", "туркменский"),
    "turkiye turkey turkish": ("Турция", "Түркия", "Turkiya", "турецкий"),
    "hungary": ("Macarıstan", "Macaristan", "Венгрия", "Мажарстан", "Vengriya", "венгерский", "macar"),
    "georgia": ("Gürcüstan", "Gürcistan", "Грузия", "Gruziya", "грузинский"),
    "romania": ("Rumıniya", "Romanya", "Румыния", "Ruminiya", "румынский"),
    "armenia": ("Ermənistan", "Ermenistan", "Армения", "Armaniston", "армянский"),
    "china": ("Çin", "Китай", "Қытай", "Xitoy", "Кытай", "китайский"),
    "europe european": ("Avropa", "Avrupa", "Европа", "Еуропа", "Yevropa", "европейский", "avropalı"),
    "eu european union": ("AB", "ЕС", "Евросоюз", "Еуроодақ"),
    "un united nations": ("BM", "BMT", "ООН", "БҰҰ", "БУУ"),
    "saudi": ("Səudiyyə", "Suudi", "саудовский"),
    "arabia": ("Ərəbistan", "Arabistan", "Аравия"),
    "uae": ("BƏƏ", "BAE", "ОАЭ", "БАӘ"),
    "caucasus": ("Qafqaz", "Kafkasya", "Kafkas", "Кавказ", "Kavkaz", "кавказский"),
    "nakhchivan": ("Naxçıvan", "Nahçıvan", "Нахичевань", "Нахчыван", "Naxchivon"),
    "anatolia": ("Anadolu", "Анатолия"),
    "eurasia": ("Avrasiya", "Avrasya", "Евразия", "Еуразия", "Yevrosiyo", "евразийский"),
    "african": ("Afrika", "Африка", "африканский"),
    "islamic": ("İslam", "Ислам", "исламский", "Islom"),
    "gulf": ("Körfəz", "Körfez", "залив", "шығанақ"),
    # regions of the world and the compass
    "south": ("cənub", "cənubi", "güney", "южный", "юг", "оңтүстік", "janub", "janubiy", "түштүк"),
    "north": ("şimal", "şimali", "kuzey", "северный", "север", "солтүстік", "shimol", "shimoliy", "түндүк"),
    "east": ("şərq", "doğu", "восток", "восточный", "шығыс", "sharq", "чыгыш"),
    "west": ("qərb", "batı", "запад", "западный", "батыс", "gʻarb", "батыш"),
    "central": ("mərkəzi", "merkezi", "центральный", "орталық", "markaziy", "борбордук"),
    "asia": ("Asiya", "Asya", "Азия", "Osiyo"),
    "middle medium": ("orta", "средний", "орта", "oʻrta"),
    "caspian transcaspian": ("Xəzər", "Hazar", "Каспий", "каспийский", "Kaspiy"),
    "transcaspian": ("Transxəzər", "Transhazar", "транскаспийский"),
    "black": ("qara", "kara", "чёрный", "қара", "qora", "кара"),
    "sea": ("dəniz", "deniz", "море", "теңіз", "dengiz", "деңиз", "морской", "теңіздік"),
    "black sea": ("Karadeniz", "Черноморский", "Qaradəniz"),
    "bottom seabed": ("dib", "dip", "taban", "дно", "дна", "дну", "дном", "дне", "түп", "түбі", "tub"),
    "undersea submarine": ("sualtı", "denizaltı", "подводный"),
    "land": ("quru", "kara", "сухопутный", "суша", "құрлық", "quruqlik"),
    # ------------------------------------------------------------------ cities and places
    "baku": ("Bakı", "Баку", "Boku", "бакинский"),
    "gabala": ("Qəbələ", "Kabala", "Габала", "Qabala", "габалинский"),
    "tashkent": ("Daşkənd", "Taşkent", "Ташкент", "Toshkent", "ташкентский"),
    "bishkek": ("Bişkek", "Бишкек", "Бішкек"),
    "ashgabat": ("Aşqabad", "Aşkabat", "Ашхабад", "Ашгабат", "Ashxobod"),
    "istanbul": ("Стамбул", "Ыстамбул"),
    "ankara": ("Анкара",),
    "samarkand": ("Səmərqənd", "Semerkant", "Самарканд", "Самарқанд", "Samarqand", "самаркандский"),
    "almaty": ("Almatı", "Алматы"),
    "cholpon": ("Çolpon", "Чолпон"),
    "jalalabad": ("Cəlalabad", "Celalabad", "Жалалабад", "Джалалабад", "Jalolobod"),
    "shahdag": ("Şahdağ", "Шахдаг"),
    "geneva": ("Cenevrə", "Cenevre", "Женева", "Jeneva"),
    "vienna": ("Vyana", "Viyana", "Вена", "Vena"),
    "washington": ("Vaşinqton", "Vaşington", "Вашингтон", "Vashington", "вашингтонский"),
    # ------------------------------------------------------------------ people
    "aliyev": ("Əliyev", "Алиев", "Әлиев"),
    "ilham": ("Ильхам", "Ілһам", "Ilhom"),
    "erdogan": ("Эрдоган", "Ердоған"),
    "omuraliyev": ("Омуралиев", "Өмүралиев"),
    "kubanychbek": ("Кубанычбек", "Qubanıçbek", "Kubanıçbek"),
    "kaliyev": ("Калиев", "Qaliyev"),
    "talgat": ("Талгат", "Талғат"),
    "kashgari": ("Kaşğari", "Kaşgari", "Kaşgarlı", "Кашгари", "Қашқари", "Koshgʻariy"),
    "mahmud": ("Махмуд", "Mahmut"),
    # ------------------------------------------------------------------ organisations and offices
    "ots": ("TDT", "ОТГ", "ТМҰ", "ТМУ"),
    "organization organizations": ("təşkilat", "teşkilat", "örgüt", "организация", "ұйым", "tashkilot", "уюм"),
    "turkic turk": ("тюркский", "тюрк", "түркі", "turkiy", "түрк", "тюркоязычный"),
    "states state": ("dövlət", "devlet", "государство", "мемлекет", "davlat", "мамлекет", "государственный"),
    "countries states": ("ölkə", "ülke", "страна", "ел", "mamlakat", "өлкө"),
    "member members membership": ("üzv", "üye", "член", "членство", "мүше", "aʼzo", "мүчө", "üzvlük", "üyelik"),
    "world global": ("dünya", "мировой", "әлем", "dunyo", "дүйнө"),
    "world peace": ("мир",),
    "international": ("beynəlxalq", "uluslararası", "международный", "халықаралық", "xalqaro"),
    "regional region": ("bölgə", "bölge", "bölgesel", "регион", "региональный", "аймақ",
                        "аймақтық", "mintaqa", "mintaqaviy", "аймак"),
    "global": ("qlobal", "küresel", "глобальный", "жаһандық", "глобалдык"),
    "union unity": ("ittifaq", "birlik", "союз", "одақ", "ittifoq", "бірлік", "биримдик"),
    "unity": ("həmrəylik", "единство", "yakdillik"),
    "council councils": ("şura", "konsey", "совет", "кеңес", "kengash", "кеңеш"),
    "secretariat": ("katiblik", "sekretariat", "sekreterlik", "секретариат", "хатшылық", "kotibiyat"),
    "secretary": ("katib", "sekreter", "секретарь", "хатшы", "kotib", "катчы"),
    "secretary general": ("генсек",),
    "general": ("genel", "генеральный", "bosh", "ümumi"),
    "president presidential": ("prezident", "cumhurbaşkanı", "cumhurbaşkan", "президент", "президентский"),
    "leaders heads": ("lider", "rəhbər", "rehber", "лидер", "руководитель", "басшы", "rahbar", "başçı"),
    "heads": ("глава", "başkan", "башчы"),
    "ministers": ("nazir", "bakan", "министр", "vazir"),
    "foreign": ("xarici", "dış", "иностранный", "внешний", "сыртқы", "tashqi", "тышкы"),
    "deputy": ("müavin", "yardımcı", "заместитель", "орынбасар", "oʻrinbosar"),
    "government": ("hökumət", "hükümet", "правительство", "үкімет", "hukumat", "өкмөт"),
    "chairmanship": ("sədrlik", "sədr", "başkanlık", "председательство", "председатель", "төрағалық",
                     "raislik", "төрагалык"),
    "observer": ("müşahidəçi", "gözlemci", "наблюдатель", "бақылаушы", "kuzatuvchi", "байкоочу"),
    "status": ("statü", "статус", "мәртебе", "maqom"),
    "format formats": ("формат",),
    "summit summits": ("sammit", "zirvə", "zirve", "саммит", "зирве"),
    "meeting meetings": ("görüş", "iclas", "toplantı", "встреча", "заседание", "совещание", "кездесу",
                         "отырыс", "uchrashuv", "yigʻilish", "жолугушуу", "жыйын", "müşavirə"),
    "declaration": ("bəyannamə", "beyanname", "bildiri", "deklarasiya", "deklarasyon", "декларация",
                    "deklaratsiya"),
    "agreement agreements": ("saziş", "razılaşma", "anlaşma", "uzlaşma", "соглашение", "келісім", "kelishuv",
                             "bitim", "келишим"),
    "treaty agreement": ("müqavilə", "antlaşma", "договор", "шарт", "shartnoma"),
    "memorandum mou": ("mutabakat", "muhtıra", "меморандум"),
    "cooperation collaboration": ("əməkdaşlıq", "işbirliği", "сотрудничество", "ынтымақтастық",
                                  "hamkorlik", "кызматташтык", "kooperasiya", "взаимодействие"),
    "partnership": ("tərəfdaşlıq", "ortaklık", "партнерство", "әріптестік", "sheriklik", "шериктештик"),
    "partners": ("tərəfdaş", "партнер", "әріптес", "sherik", "өнөктөш"),
    "relations ties": ("əlaqə", "ilişki", "отношение", "отношения", "байланыс", "aloqa", "мамиле"),
    "ties connectivity connection": ("связь", "связи"),
    "dialogue": ("dialoq", "diyalog", "диалог", "muloqot"),
    "diplomacy": ("diplomatiya", "diplomasi", "дипломатия"),
    "strategy strategic": ("strategiya", "strateji", "стратегия", "стратегический", "стратегиялық",
                           "strategik"),
    "vision": ("vizyon", "baxış", "видение", "пайым", "qarash", "концепция"),
    "institution institutions institutional": ("qurum", "kurum", "институт", "учреждение", "институция",
                                               "институциональный", "muassasa", "мекеме"),
    "mechanism mechanisms": ("mexanizm", "mekanizma", "механизм"),
    "initiative initiatives": ("təşəbbüs", "girişim", "inisiyatif", "инициатива", "бастама", "tashabbus",
                               "демилге"),
    "project projects": ("layihə", "proje", "проект", "жоба", "loyiha", "долбоор"),
    "program programme": ("proqram", "программа", "бағдарлама", "dastur"),
    "plan": ("план", "жоспар", "reja"),
    "roadmap": ("xəritə", "harita", "карта", "xarita"),
    "agenda": ("gündəm", "gündem", "повестка"),
    "priority priorities": ("prioritet", "öncelik", "приоритет", "приоритетный", "басымдық", "ustuvorlik",
                            "артыкчылык"),
    "development develop": ("inkişaf", "gelişme", "kalkınma", "развитие", "даму", "rivojlanish",
                            "taraqqiyot", "өнүгүү"),
    "integration": ("inteqrasiya", "entegrasyon", "интеграция", "integratsiya"),
    "connectivity connection connecting": ("bağlantı", "bağlılıq", "связанность", "взаимосвязанность",
                                           "соединение", "bogʻlanish", "байланыстылық"),
    "modernization": ("modernləşmə", "modernizasyon", "modernizasiya", "модернизация", "жаңғырту",
                      "modernizatsiya"),
    # ------------------------------------------------------------------ security
    "security": ("təhlükəsizlik", "güvenlik", "безопасность", "қауіпсіздік", "xavfsizlik", "коопсуздук"),
    "safest secure": ("təhlükəsiz", "güvenli", "безопасный", "қауіпсіз", "xavfsiz"),
    "defence defense": ("müdafiə", "savunma", "оборона", "оборонный", "қорғаныс", "mudofaa", "коргоо"),
    "military": ("hərbi", "askeri", "военный", "әскери", "harbiy", "аскердик", "ordu", "армия"),
    "militarytechnical": ("военнотехнический", "hərbitexniki"),
    "exercises drills": ("təlim", "tatbikat", "учения", "учение", "жаттығу", "mashq", "машыгуу", "manevr"),
    "industry industrial": ("sənaye", "sanayi", "промышленность", "индустрия", "өнеркәсіп", "sanoat",
                            "промышленный", "өнөржай"),
    "terrorism": ("terrorizm", "terörizm", "терроризм", "terror", "террор", "terör"),
    "extremism": ("ekstremizm", "aşırıcılık", "экстремизм"),
    "crime": ("cinayət", "cinayətkarlıq", "suç", "преступность", "қылмыс", "jinoyat"),
    "cyber": ("kiber", "кибер"),
    "threats": ("təhdid", "tehdit", "угроза", "қатер", "tahdid", "коркунуч"),
    "challenges": ("çağırış", "zorluk", "вызов", "сынқатер", "muammo"),
    "peace": ("sülh", "barış", "мирный", "бейбітшілік", "tinchlik", "тынчтык"),
    "stability": ("sabitlik", "istikrar", "стабильность", "тұрақтылық", "barqarorlik", "туруктуулук"),
    "conflict": ("münaqişə", "çatışma", "anlaşmazlık", "конфликт", "қақтығыс", "mojaro", "жаңжал"),
    "resolution": ("həll", "çözüm", "урегулирование", "шешу"),
    "sovereignty": ("suverenlik", "egemenlik", "суверенитет", "егемендік", "suverenitet"),
    "territory territorial territories": ("ərazi", "toprak", "территория", "территориальный", "аумақ",
                                          "hudud"),
    "integrity": ("bütövlük", "bütünlük", "целостность", "тұтастық", "yaxlitlik"),
    "liberation": ("azadlıq", "azad", "kurtuluş", "освобождение", "азатту", "ozodlik"),
    "restoration": ("восстановление", "qayta"),
    "risks": ("risk", "риск"),
    "foresight": ("uzaqgörənlik", "öngörü", "предвидение"),
    "special": ("xüsusi", "özel", "специальный", "арнайы", "maxsus", "спецслужба"),
    "services": ("xidmət", "hizmet", "служба", "қызмет", "xizmat", "кызмат", "спецслужба"),
    "national": ("milli", "ulusal", "национальный", "ұлттық", "milliy"),
    "advisors assistants": ("müşavir", "danışman", "советник", "помощник", "кеңесші", "maslahatchi"),
    "vice": ("vitse", "вице"),
    # ------------------------------------------------------------------ transport
    "transport": ("nəqliyyat", "ulaştırma", "taşımacılık", "транспорт", "транспортный", "көлік"),
    "corridor corridors": ("dəhliz", "koridor", "коридор", "дәліз", "yoʻlak"),
    "transit": ("tranzit", "транзит", "транзитный"),
    "logistics logistical": ("logistika", "lojistik", "логистика", "логистический"),
    "railway": ("dəmiryolu", "dəmir", "demiryolu", "demir", "железный", "железнодорожный", "темір",
                "теміржол", "temir", "temiryoʻl", "темир"),
    "road route": ("yol", "дорога", "жол", "yoʻl"),
    "route routes": ("marşrut", "güzergah", "rota", "маршрут", "бағыт", "yoʻnalish"),
    "customs": ("gömrük", "gümrük", "таможня", "таможенный", "кеден", "bojxona", "бажы"),
    "freight goods": ("yük", "груз", "грузовой", "жүк", "yuk", "kargo"),
    "goods": ("mal", "товар", "тауар", "tovar"),
    "transport shipments": ("daşıma", "taşıma", "перевозка", "тасымал", "tashish"),
    "delivery": ("çatdırılma", "teslimat", "доставка", "жеткізу", "yetkazish"),
    "infrastructure": ("infrastruktur", "altyapı", "инфраструктура", "инфрақұрылым", "infratuzilma"),
    "electronic": ("elektron", "elektronik", "электронный", "электрондық"),
    "permits": ("icazə", "izin", "разрешение", "рұқсат", "ruxsat"),
    "distances": ("məsafə", "mesafe", "расстояние", "қашықтық", "masofa"),
    "kilometres kilometers kilometre km": ("kilometr", "километр", "км"),
    "tons": ("ton", "тонна", "tonna"),
    "faster speed": ("sürətli", "sürət", "hızlı", "hız", "быстрый", "скорость", "жылдам", "tez", "tezkor"),
    "shortest shortens": ("qısa", "kısa", "короткий", "кратчайший", "қысқа", "qisqa"),
    "efficiency efficient effectiveness": ("səmərəlilik", "səmərəli", "verimlilik", "etkinlik", "эффективность",
                                           "эффективный", "тиімділік", "samaradorlik"),
    "bridge bridges bridging": ("körpü", "köprü", "мост", "көпір", "koʻprik", "көпүрө"),
    "link links": ("звено", "bağlantı"),
    # ------------------------------------------------------------------ economy
    "economy economic economics": ("iqtisadiyyat", "iqtisadi", "ekonomi", "ekonomik", "экономика",
                                   "экономический", "экономикалық", "iqtisodiyot", "iqtisodiy"),
    "trade commerce": ("ticarət", "ticaret", "торговля", "торговый", "товарооборот", "сауда", "savdo",
                       "соода"),
    "investment investments": ("investisiya", "yatırım", "sərmayə", "инвестиция", "инвестиции",
                               "инвестиционный", "investitsiya", "sarmoya", "капиталовложение"),
    "fund": ("fond", "fon", "фонд", "қор", "jamgʻarma"),
    "finance funding": ("maliyyə", "finans", "finansman", "финансирование", "финансы", "қаржы", "moliya",
                        "каржы", "maliyyələşmə"),
    "business": ("biznes", "бизнес"),
    "entrepreneurship entrepreneurs": ("sahibkarlıq", "sahibkar", "girişimcilik", "girişimci",
                                       "предпринимательство", "предприниматель", "кәсіпкерлік", "кәсіпкер",
                                       "tadbirkorlik", "tadbirkor", "ишкердик", "ишкер"),
    "companies": ("şirkət", "şirket", "компания", "kompaniya", "firma", "фирма"),
    "smes": ("KOBİ", "KOS", "МСБ", "ШОБ"),
    "small": ("kiçik", "küçük", "малый", "шағын", "kichik"),
    "chambers": ("palata", "oda", "палата"),
    "gdp": ("ÜDM", "GSYH", "ВВП", "ЖІӨ", "YaIM", "ИДП"),
    "population people": ("əhali", "nüfus", "население", "численность", "халық", "aholi", "калк"),
    "people peoples": ("xalq", "halk", "народ", "эл"),
    "area": ("sahə", "alan", "площадь", "maydon", "аянт"),
    "square": ("kvadrat", "квадратный", "шаршы"),
    "million": ("milyon", "миллион", "млн"),
    "billion": ("milyard", "milyar", "миллиард", "млрд", "milliard"),
    "trillion": ("trilyon", "триллион", "трлн"),
    "percent": ("faiz", "yüzde", "процент", "пайыз", "foiz"),
    "usd": ("dollar", "dolar", "доллар"),
    "eur": ("avro", "euro", "евро", "еуро", "yevro"),
    "growth": ("artım", "büyüme", "рост", "өсу", "oʻsish", "өсүш"),
    "volumes": ("həcm", "hacim", "объём", "көлем", "hajm"),
    "total combined": ("toplam", "совокупный", "жалпы", "jami", "суммарный"),
    "total combined common": ("ümumi", "общий"),
    "domestic intra": ("daxili", "iç", "внутренний", "ішкі", "ichki"),
    "opportunities opportunity": ("imkan", "fırsat", "возможность", "мүмкіндік", "imkoniyat"),
    "markets": ("bazar", "pazar", "рынок", "нарық", "bozor"),
    "flows": ("axın", "akış", "поток", "ағын", "oqim"),
    "exports": ("ixrac", "ihracat", "экспорт", "eksport"),
    "suppliers": ("tədarükçü", "tedarikçi", "поставщик", "жеткізуші"),
    "producers producing": ("istehsalçı", "üretici", "производитель", "өндіруші"),
    "capital": ("paytaxt", "başkent", "столица", "poytaxt", "борбор", "kapital", "капитал"),
    # ------------------------------------------------------------------ energy
    "energy": ("enerji", "энергия", "энергетика", "энергетический", "энергиясы", "energiya", "энергетикалық"),
    "electricity power": ("elektrik", "электричество", "электроэнергия", "электр", "elektr", "elektroenerji"),
    "power capacity": ("güc", "güç", "мощность", "қуат", "quvvat", "кубат"),
    "capacity": ("tutum", "kapasite", "qabiliyyət", "способность", "пропускной", "sığa"),
    "gas": ("qaz", "gaz", "газ", "газовый"),
    "oil": ("neft", "petrol", "нефть", "нефтяной", "мұнай", "мунай"),
    "oil gas": ("нефтегазовый", "neftqaz"),
    "wind": ("külək", "rüzgar", "rüzgâr", "ветер", "ветровой", "ветряной", "жел", "shamol", "шамал"),
    "wind energy": ("ветроэнергетика", "ветроэнергия"),
    "solar": ("günəş", "güneş", "солнечный", "солнце", "quyosh", "күн"),
    "renewable renewables": ("bərpa", "yenilenebilir", "возобновляемый", "жаңартылатын", "tiklanadigan",
                             "yenilənən"),
    "green": ("yaşıl", "yeşil", "зелёный", "жасыл", "yashil", "жашыл"),
    "clean": ("təmiz", "temiz", "чистый", "таза", "toza"),
    "transition": ("keçid", "geçiş", "переход", "көшу", "oʻtish"),
    "offshore": ("офшорный", "шельфовый", "шельф"),
    "potential": ("potensial", "potansiyel", "потенциал", "әлеует", "salohiyat"),
    "cable": ("kabel", "kablo", "кабель"),
    "voltage highvoltage": ("gərginlik", "gerilim", "напряжение", "высоковольтный", "кернеу", "kuchlanish"),
    "grid network networks": ("şəbəkə", "şebeke", "сеть", "желі", "tarmoq", "тармак", "энергосистема"),
    "gw gigawatts": ("GVt", "ГВт", "gigavat", "гигаватт"),
    "fiber": ("lif", "волокно", "волоконный", "оптоволокно", "оптоволоконный"),
    "optic": ("optik", "оптический", "оптика", "optika"),
    # ------------------------------------------------------------------ digital and technology
    "digital": ("rəqəmsal", "dijital", "sayısal", "цифровой", "сандық", "raqamli", "санариптик"),
    "digitalization digitalisation": ("rəqəmsallaşma", "dijitalleşme", "цифровизация", "диджитализация",
                                      "цифрландыру", "raqamlashtirish", "санариптештирүү"),
    "transformation": ("transformasiya", "dönüşüm", "трансформация", "transformatsiya"),
    "technology technologies technological": ("texnologiya", "teknoloji", "технология", "технологический",
                                              "технологиялық"),
    "innovation innovators": ("innovasiya", "inovasyon", "yenilik", "инновация", "инновационный",
                              "innovatsiya"),
    "artificial": ("süni", "yapay", "искусственный", "жасанды", "sunʼiy", "жасалма"),
    "intelligence ai": ("intellekt", "zeka", "zekâ", "интеллект"),
    "ai": ("İİ", "ИИ", "YZ", "ЖИ"),
    "satellite": ("peyk", "uydu", "спутник", "спутниктік", "yoʻldosh"),
    "space": ("kosmos", "uzay", "космос", "космический", "ғарыш", "koinot"),
    "cube": ("kub", "küp", "куб"),
    # ------------------------------------------------------------------ people, education, culture
    "education educational": ("təhsil", "eğitim", "öğretim", "образование", "образовательный", "білім",
                              "taʼlim", "билим"),
    "higher": ("ali", "высший", "жоғары", "oliy", "жогорку", "yükseköğretim"),
    "universities": ("universitet", "üniversite", "университет", "вуз"),
    "students": ("tələbə", "öğrenci", "студент", "talaba"),
    "exchange": ("mübadilə", "değişim", "обмен", "алмасу", "almashinuv"),
    "research": ("tədqiqat", "araşdırma", "araştırma", "исследование", "зерттеу", "tadqiqot", "изилдөө"),
    "science scientific": ("elm", "elmi", "bilim", "bilimsel", "наука", "научный", "ғылым", "ғылыми", "ilm",
                           "ilmiy", "илим"),
    "academy academic": ("akademiya", "akademi", "академия", "академический", "akademik"),
    "culture cultural": ("mədəniyyət", "mədəni", "kültür", "kültürel", "культура", "культурный", "мәдениет",
                         "madaniyat", "маданият", "мәдени"),
    "heritage": ("irs", "miras", "наследие", "мұра", "meros", "мурас"),
    "alphabet": ("əlifba", "alfabe", "алфавит", "әліпби", "alifbo", "алиппе"),
    "latin latinbased": ("латинский", "латиница", "латын", "lotin"),
    "language languages": ("dil", "язык", "тіл", "til", "тил"),
    "congress": ("qurultay", "kurultay", "съезд", "конгресс", "құрылтай", "qurultoy", "курултай"),
    "turkology": ("türkologiya", "türkoloji", "тюркология", "тюркологический", "түркітану"),
    "anniversary jubilee": ("ildönümü", "yıldönümü", "годовщина", "юбилей", "yubiley", "мерейтой", "юбилейный"),
    "centenary 100th": ("yüzillik", "yüzüncü", "столетие", "столетний", "ғасырлық", "əsrlik"),
    "celebration": ("kutlama", "празднование", "торжество", "мереке", "bayram"),
    "identity": ("kimlik", "идентичность", "бірегейлік"),
    "history historic": ("tarix", "tarixi", "tarih", "tarihi", "история", "исторический", "тарих", "тарихи"),
    "family": ("ailə", "aile", "семья", "отбасы", "oila"),
    "brotherhood": ("qardaşlıq", "kardeşlik", "братство", "бауырластық", "birodarlik"),
    "friendship": ("dostluq", "dostluk", "дружба", "достық", "doʻstlik", "достук"),
    "eternal": ("əbədi", "ebedi", "вечный", "мәңгілік", "abadiy"),
    "prosperity wellbeing": ("rifah", "refah", "процветание", "благополучие", "өркендеу", "farovonlik"),
    "humanitarian": ("humanitar", "insani", "гуманитарный", "гуманитарлық", "gumanitar"),
    "health": ("səhiyyə", "sağlamlıq", "sağlık", "здравоохранение", "здоровье", "денсаулық", "sogʻliq"),
    "city urban": ("şəhər", "şehir", "город", "городской", "қала", "shahar", "шаар"),
    "tourism": ("turizm", "туризм", "туристический", "turist", "турист", "туристік"),
    "travel": ("səyahət", "seyahat", "путешествие", "поездка", "саяхат", "sayohat"),
    "ski": ("xizək", "kayak", "лыжи", "лыжа", "лыжный", "горнолыжный", "шаңғы", "changʻi"),
    "winter": ("qış", "kış", "зима", "зимний", "қыс", "qish", "кыш"),
    "resorts": ("kurort", "курорт"),
    "museum": ("muzey", "müze", "музей", "мұражай"),
    "ticket": ("bilet", "билет", "chipta"),
    "youth": ("gənclik", "gənc", "gençlik", "genç", "молодёжь", "молодёжный", "молодой", "жастар", "жас",
              "yoshlar", "yosh", "жаштар"),
    "sports sport": ("idman", "spor", "спорт", "спортивный"),
    "games": ("oyun", "игры", "игра", "ойын", "oʻyin", "оюн"),
    "nomad": ("köçəri", "göçebe", "кочевник", "кочевой", "көшпенді", "koʻchmanchi", "көчмөн"),
    "universiade": ("universiada", "üniversiad", "универсиада"),
    "volunteers volunteer": ("könüllü", "gönüllü", "волонтёр", "доброволец", "ерікті", "volontyor",
                             "волонтерский", "ыктыярчы"),
    "forum": ("форум",),
    "diaspora": ("diaspor", "диаспора"),
    "centre center": ("mərkəz", "merkez", "центр", "орталық", "markaz"),
    "camp": ("düşərgə", "kamp", "лагерь", "lager"),
    "cup": ("kubok", "kupa", "кубок", "кубогы"),
    "pass": ("abonement", "абонемент", "skipass"),
    # ------------------------------------------------------------------ events, time and order
    "week": ("həftə", "hafta", "неделя", "апта", "жума"),
    "days day": ("gün", "день", "дней", "дня", "күн", "kun"),
    "year years": ("yıl", "год", "жыл", "yil"),
    "january": ("yanvar", "ocak", "январь", "қаңтар"),
    "february": ("fevral", "şubat", "февраль", "ақпан"),
    "july": ("iyul", "temmuz", "июль", "шілде"),
    "august": ("avqust", "ağustos", "август", "тамыз", "avgust"),
    "october": ("oktyabr", "ekim", "октябрь", "oktabr"),
    "first": ("birinci", "ilk", "первый", "бірінші", "birinchi"),
    "second 2nd": ("ikinci", "второй", "екінші", "ikkinchi"),
    "third": ("üçüncü", "третий", "үшінші", "uchinchi"),
    "fifth 5th": ("beşinci", "пятый", "бесінші", "beshinchi"),
    "6th": ("altıncı", "шестой", "алтыншы", "oltinchi"),
    "8th": ("səkkizinci", "sekizinci", "восьмой", "сегізінші", "sakkizinchi"),
    "11th": ("одиннадцатый",),
    "twelfth 12th": ("двенадцатый",),
    "new": ("yeni", "новый", "жаңа", "yangi", "жаңы"),
    "future": ("gələcək", "gelecek", "будущее", "болашақ", "kelajak"),
    "upcoming": ("yaklaşan", "предстоящий", "алдағы", "navbatdagi", "gələcək"),
    "recent recently": ("недавний", "недавно", "последний"),
    "events event": ("tədbir", "etkinlik", "мероприятие", "событие", "tadbir"),
    "measures": ("tədbir", "önlem", "tedbir", "мера", "шара", "chora"),
    "forecast": ("proqnoz", "tahmin", "прогноз", "болжам", "prognoz"),
    "statement": ("bəyanat", "açıklama", "заявление", "мәлімдеме", "bayonot"),
    "interview": ("müsahibə", "röportaj", "mülakat", "интервью", "сұхбат", "intervyu"),
    "report": ("hesabat", "rapor", "доклад", "отчёт", "баяндама", "hisobot"),
    "analysis": ("təhlil", "analiz", "анализ", "талдау", "tahlil"),
    "scientist": ("politoloq", "politolog", "политолог", "саясаттанушы", "alim", "ғалым"),
    "political policy": ("siyasi", "siyasət", "siyaset", "политический", "политика", "саяси", "саясат",
                         "siyosiy", "siyosat"),
    "public": ("ictimai", "kamu", "публичный", "общественный", "қоғамдық", "jamoatchilik"),
    # ------------------------------------------------------------------ qualities, actions and outcomes
    "joint": ("birgə", "совместный", "бірлескен", "qoʻshma", "биргелешкен"),
    "common joint partners": ("ortak",),
    "common shared": ("ortaq", "единый", "ортақ", "umumiy"),
    "common turkic": ("общетюркский",),
    "unified single": ("vahid", "tek", "единый", "бірыңғай", "yagona"),
    "mutual": ("qarşılıqlı", "karşılıklı", "взаимный", "өзара", "oʻzaro"),
    "bilateral": ("ikitərəfli", "ikili", "двусторонний", "екіжақты"),
    "multilateral": ("çoxtərəfli", "çoktaraflı", "многосторонний", "көпжақты"),
    "direct": ("birbaşa", "doğrudan", "прямой", "тікелей"),
    "key main": ("əsas", "temel", "ключевой", "основной", "главный", "негізгі", "asosiy", "негизги"),
    "major great": ("böyük", "büyük", "крупный", "большой", "ірі", "katta", "чоң"),
    "strong stronger": ("güclü", "güçlü", "сильный", "күшті", "kuchli"),
    "significant significantly": ("əhəmiyyətli", "önemli", "значительный", "елеулі", "sezilarli"),
    "importance important": ("əhəmiyyət", "önem", "важность", "важный", "маңызды", "muhim"),
    "sustainable sustainability": ("davamlı", "sürdürülebilir", "устойчивый", "тұрақты", "barqaror"),
    "permanent": ("daimi", "kalıcı", "постоянный", "doimiy"),
    "annual annually": ("illik", "yıllık", "ежегодный", "ежегодно", "yillik"),
    "support supports supporting": ("dəstək", "destek", "поддержка", "қолдау", "qoʻllab"),
    "contribution contributes": ("töhfə", "katkı", "вклад", "үлес", "hissa"),
    "proposal proposed proposes": ("təklif", "teklif", "öneri", "предложение", "ұсыныс", "taklif"),
    "decision decisions": ("qərar", "karar", "решение", "шешім", "qaror"),
    "adoption adopted": ("qəbul", "kabul", "принятие", "қабылдау", "qabul"),
    "signing signed": ("imza", "imzalanma", "подписание", "подписан", "imzolash"),
    "held": ("проведён", "keçirilib", "düzenlendi"),
    "launched launch": ("запуск", "başlatıldı", "istifadəyə"),
    "expansion expand expanded expanding": ("genişləndirmə", "genişlənmə", "genişletme", "genişleme",
                                           "расширение", "кеңейту", "kengaytirish"),
    "strengthening strengthen": ("gücləndirmə", "möhkəmləndirmə", "güçlendirme", "укрепление", "нығайту",
                                 "mustahkamlash"),
    "deepening deepen": ("dərinləşdirmə", "derinleştirme", "углубление", "тереңдету", "chuqurlashtirish"),
    "acceleration accelerate accelerated": ("sürətləndirmə", "hızlandırma", "ускорение", "жеделдету"),
    "progress": ("tərəqqi", "irəliləyiş", "ilerleme", "прогресс"),
    "achievements": ("nailiyyət", "başarı", "kazanım", "достижение", "жетістік", "yutuq"),
    "milestone milestones": ("mərhələ", "веха", "aşama", "этап"),
    "outcomes": ("nəticə", "sonuç", "итог", "результат", "нәтиже", "natija"),
    "negotiations negotiated": ("danışıq", "müzakirə", "müzakere", "переговоры", "келіссөз", "muzokara"),
    "expectations expects expected": ("gözlənti", "beklenti", "ожидание", "ожидаемый", "күтілім", "kutilma"),
    "issues issue matters": ("məsələ", "mesele", "konu", "вопрос", "мәселе", "masala"),
    "situation": ("vəziyyət", "durum", "ситуация", "положение", "жағдай", "vaziyat"),
    "emergency": ("fövqəladə", "acil", "чрезвычайный", "төтенше", "favqulodda"),
    "preparedness preparations": ("hazırlıq", "hazırlık", "готовность", "подготовка", "дайындық", "tayyorgarlik"),
    "complement complements": ("tamamlayıcı", "дополнение", "толықтыру"),
    "continents": ("qitə", "kıta", "континент", "материк", "qitʼa"),
    "crossroads": ("kəsişmə", "kavşak", "перекрёсток", "қиылыс", "chorraha"),
    "platform": ("platforma", "платформа"),
    "framework": ("çərçivə", "çerçeve", "рамка", "шеңбер"),
    "ecosystem": ("ekosistem", "экосистема"),
    "flexible": ("çevik", "esnek", "гибкий", "икемді"),
    "presence": ("varlıq", "mövcudluq", "varlık", "присутствие"),
    "recognition": ("tanınma", "tanınırlık", "признание", "тану"),
    "visibility": ("görünürlük", "видимость", "заметность"),
    "inauguration": ("inauqurasiya", "andiçmə", "инаугурация", "ұлықтау", "inauguratsiya"),
    "speeches speaking": ("çıxış", "konuşma", "речь", "выступление", "нутк"),
    "words": ("söz", "слово", "слова", "сөз"),
    "role": ("rol", "роль", "рөл"),
    "mission": ("missiya", "misyon", "миссия"),
    "growth development": ("rivoj",),
    "action": ("fəaliyyət", "eylem", "действие", "іскерлік", "harakat"),
    "assembly": ("assambleya", "kurul", "ассамблея", "ассамблеясы", "assambleyasi"),
    "concept": ("konsepsiya", "kavram", "концепт", "konsepsiyası"),
    "participation": ("iştirak", "katılım", "участие", "қатысу", "ishtirok"),
    "office": ("ofis", "офис", "büro", "nümayəndəlik", "представительство"),
    "food": ("ərzaq", "gıda", "продовольствие", "азықтүлік", "oziqovqat"),
    "agriculture": ("təsərrüfat", "tarım", "сельскохозяйственный", "ауылшаруашылық", "qishloq"),
}

@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    """The folded lookup table, built on first use: word -> English words."""
    variants = _fold_all("\n".join(v for vs in CONCEPTS.values() for v in vs)).split("\n")
    table: dict[str, tuple[str, ...]] = {}
    start = 0
    for english, group in CONCEPTS.items():
        targets = tuple(english.split())
        for word in variants[start:start + len(group)]:
            known = table.get(word)
            table[word] = targets if known is None else known + tuple(t for t in targets if t not in known)
        start += len(group)
    return table


@lru_cache(maxsize=1)
def _stems() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Russian stem -> (lemma, English words), so that "моря" meets "море" and
    "Каспийского" meets "каспийский"."""
    from otsfacts.text import is_cyrillic, russian_stem

    stems: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for word, targets in _words().items():
        if is_cyrillic(word):
            stems.setdefault(russian_stem(word), []).append((word, targets))
    return stems


def _fold_all(text: str) -> str:
    """What :func:`otsfacts.text.fold` and :func:`~otsfacts.text.join_apostrophes` make of
    the glossary's words, one per line, in a few C-level passes instead of letter by
    letter (a test checks that every word comes out the same)."""
    text = text.casefold()
    for letter, plain in _PLAIN_LETTERS:
        if letter in text:
            text = text.replace(letter, plain)
    return text


# Every letter of the glossary that folding changes, after casefolding, and the in-word
# apostrophes of Uzbek ("Oʻzbekiston", "sunʼiy"), which are part of the word.
_PLAIN_LETTERS = (
    ("\u0307", ""), ("ʻ", ""), ("ʼ", ""), ("'", ""), ("ı", "i"), ("ə", "e"), ("ö", "o"), ("ü", "u"),
    ("ç", "c"), ("ş", "s"), ("ğ", "g"), ("â", "a"), ("î", "i"), ("û", "u"), ("й", "и"), ("ё", "е"),
)


def _nearest(word: str, lemmas: list[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    """The English words of the lemma that shares the longest beginning with ``word``,
    the shorter lemma among equals: "грузии" is "грузия" (Georgia), "груза" is "груз"
    (freight)."""
    def shared(lemma: str) -> int:
        n = 0
        for a, b in zip(word, lemma):
            if a != b:
                break
            n += 1
        return n

    return min(lemmas, key=lambda item: (-shared(item[0]), len(item[0]), item[0]))[1]


def translate(word: str) -> tuple[tuple[str, ...], bool]:
    """The English words the folded query ``word`` stands for, and whether an ending had to
    be stripped to find them; ``((), False)`` if the glossary does not know it."""
    words = _words()
    if word in words:
        return words[word], False
    if len(word) < 4:
        return (), False
    from otsfacts.text import inflection_stems, is_cyrillic, russian_stem

    stems = _stems() if is_cyrillic(word) else {}
    if russian_stem(word) in stems:
        return _nearest(word, stems[russian_stem(word)]), True
    for shorter in inflection_stems(word):
        if shorter in words:
            return words[shorter], True
        if shorter in stems:
            return _nearest(word, stems[shorter]), True
    return (), False
