"""Countries, places and INTERPOL National Central Bureaus (NCBs) of the synthetic world.

Every country and place carries its name in the four document languages plus the
small grammar facts templates need to write "to the United Kingdom", "en Libye",
"au Niger", "aux États-Unis", "au Caire" correctly. Keeping these facts here (and
not in the templates) is what lets one template serve every destination.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    """A country with its names, French article and nationality adjectives."""

    code: str
    en: str
    fr: str
    fr_article: str  # "la ", "le ", "l'", "les "
    es: str
    ar: str
    en_the: bool
    adj_en: str
    adj_fr_m: str
    adj_fr_f: str
    adj_es_m: str
    adj_es_f: str
    adj_ar_m: str
    adj_ar_f: str


def _c(line: str) -> Country:
    f = [x.strip() for x in line.split("|")]
    return Country(
        f[0],
        f[1],
        f[2],
        f[3].replace("_", " "),
        f[4],
        f[5],
        f[6] == "the",
        f[7],
        f[8],
        f[9],
        f[10],
        f[11],
        f[12],
        f[13],
    )


# code | en | fr | fr article | es | ar | en article | adj en | fr m | fr f | es m | es f |
# ar m | ar f   (a trailing backslash continues a long row on the next line)
_COUNTRIES = """
LY|Libya|Libye|la_|Libia|ليبيا|-|Libyan|libyen|libyenne|libio|libia|ليبي|ليبية
IT|Italy|Italie|l'|Italia|إيطاليا|-|Italian|italien|italienne|italiano|italiana|إيطالي|إيطالية
NE|Niger|Niger|le_|Níger|النيجر|-|Nigerien|nigérien|nigérienne|nigerino|nigerina|نيجري|نيجرية
NG|Nigeria|Nigeria|le_|Nigeria|نيجيريا|-|\
Nigerian|nigérian|nigériane|nigeriano|nigeriana|نيجيري|نيجيرية
TN|Tunisia|Tunisie|la_|Túnez|تونس|-|Tunisian|tunisien|tunisienne|tunecino|tunecina|تونسي|تونسية
MA|Morocco|Maroc|le_|Marruecos|المغرب|-|Moroccan|marocain|marocaine|marroquí|marroquí|مغربي|مغربية
ES|Spain|Espagne|l'|España|إسبانيا|-|Spanish|espagnol|espagnole|español|española|إسباني|إسبانية
FR|France|France|la_|Francia|فرنسا|-|French|français|française|francés|francesa|فرنسي|فرنسية
GB|United Kingdom|Royaume-Uni|le_|Reino Unido|المملكة المتحدة|the|\
British|britannique|britannique|británico|británica|بريطاني|بريطانية
GR|Greece|Grèce|la_|Grecia|اليونان|-|Greek|grec|grecque|griego|griega|يوناني|يونانية
TR|Türkiye|Turquie|la_|Turquía|تركيا|-|Turkish|turc|turque|turco|turca|تركي|تركية
SY|Syria|Syrie|la_|Siria|سوريا|-|Syrian|syrien|syrienne|sirio|siria|سوري|سورية
AF|Afghanistan|Afghanistan|l'|Afganistán|أفغانستان|-|\
Afghan|afghan|afghane|afgano|afgana|أفغاني|أفغانية
ER|Eritrea|Érythrée|l'|Eritrea|إريتريا|-|\
Eritrean|érythréen|érythréenne|eritreo|eritrea|إريتري|إريترية
SD|Sudan|Soudan|le_|Sudán|السودان|-|Sudanese|soudanais|soudanaise|sudanés|sudanesa|سوداني|سودانية
EG|Egypt|Égypte|l'|Egipto|مصر|-|Egyptian|égyptien|égyptienne|egipcio|egipcia|مصري|مصرية
AL|Albania|Albanie|l'|Albania|ألبانيا|-|Albanian|albanais|albanaise|albanés|albanesa|ألباني|ألبانية
VN|Viet Nam|Viêt Nam|le_|Vietnam|فيتنام|-|\
Vietnamese|vietnamien|vietnamienne|vietnamita|vietnamita|فيتنامي|فيتنامية
RO|Romania|Roumanie|la_|Rumanía|رومانيا|-|Romanian|roumain|roumaine|rumano|rumana|روماني|رومانية
CO|Colombia|Colombie|la_|Colombia|كولومبيا|-|\
Colombian|colombien|colombienne|colombiano|colombiana|كولومبي|كولومبية
MX|Mexico|Mexique|le_|México|المكسيك|-|Mexican|mexicain|mexicaine|mexicano|mexicana|مكسيكي|مكسيكية
US|United States|États-Unis|les_|Estados Unidos|الولايات المتحدة|the|\
American|américain|américaine|estadounidense|estadounidense|أمريكي|أمريكية
DE|Germany|Allemagne|l'|Alemania|ألمانيا|-|German|allemand|allemande|alemán|alemana|ألماني|ألمانية
JO|Jordan|Jordanie|la_|Jordania|الأردن|-|\
Jordanian|jordanien|jordanienne|jordano|jordana|أردني|أردنية
IQ|Iraq|Irak|l'|Irak|العراق|-|Iraqi|irakien|irakienne|iraquí|iraquí|عراقي|عراقية
SN|Senegal|Sénégal|le_|Senegal|السنغال|-|\
Senegalese|sénégalais|sénégalaise|senegalés|senegalesa|سنغالي|سنغالية
PE|Peru|Pérou|le_|Perú|بيرو|-|Peruvian|péruvien|péruvienne|peruano|peruana|بيروفي|بيروفية
TH|Thailand|Thaïlande|la_|Tailandia|تايلاند|-|\
Thai|thaïlandais|thaïlandaise|tailandés|tailandesa|تايلاندي|تايلاندية
NL|Netherlands|Pays-Bas|les_|Países Bajos|هولندا|the|\
Dutch|néerlandais|néerlandaise|neerlandés|neerlandesa|هولندي|هولندية
PA|Panama|Panama|le_|Panamá|بنما|-|Panamanian|panaméen|panaméenne|panameño|panameña|بنمي|بنمية
TG|Togo|Togo|le_|Togo|توغو|-|Togolese|togolais|togolaise|togolés|togolesa|توغولي|توغولية
SL|Sierra Leone|Sierra Leone|la_|Sierra Leona|سيراليون|-|\
Sierra Leonean|sierra-léonais|sierra-léonaise|sierraleonés|sierraleonesa|سيراليوني|سيراليونية
KM|Comoros|Comores|les_|Comoras|جزر القمر|the|\
Comorian|comorien|comorienne|comorense|comorense|قمري|قمرية
ML|Mali|Mali|le_|Malí|مالي|-|Malian|malien|malienne|maliense|maliense|مالي|مالية
BD|Bangladesh|Bangladesh|le_|Bangladés|بنغلاديش|-|\
Bangladeshi|bangladais|bangladaise|bangladesí|bangladesí|بنغلاديشي|بنغلاديشية
"""

COUNTRIES: dict[str, Country] = {
    c.code: c for c in (_c(line) for line in _COUNTRIES.strip().splitlines())
}


@dataclass(frozen=True, slots=True)
class Place:
    """A city, town, island or region.

    ``fr_to``/``fr_from`` override the default French "à X" / "de X" when the
    name carries an article ("au Caire") or is a feminine region ("en Sicile");
    they hold (preposition, name as written after it).
    """

    key: str
    country: str
    kind: str
    en: str
    fr: str
    es: str
    ar: str
    fr_to: tuple[str, str] | None = None
    fr_from: tuple[str, str] | None = None


def _p(line: str) -> Place:
    f = [x.strip() for x in line.split("|")]
    fr_to = fr_from = None
    if len(f) > 7 and f[7]:
        a, b = f[7].split(";")
        fr_to = (a.replace("_", " "), b)
        a, b = f[8].split(";")
        fr_from = (a.replace("_", " "), b)
    return Place(f[0], f[1], f[2], f[3], f[4], f[5], f[6], fr_to, fr_from)


# key | country | kind | en | fr | es | ar | fr "to" override | fr "from" override
_PLACES = """
tripoli|LY|city|Tripoli|Tripoli|Trípoli|طرابلس
sabha|LY|city|Sabha|Sebha|Sabha|سبها
zuwara|LY|city|Zuwara|Zouara|Zuara|زوارة
sabratha|LY|city|Sabratha|Sabratha|Sabratha|صبراتة
benghazi|LY|city|Benghazi|Benghazi|Bengasi|بنغازي
kufra|LY|town|Kufra|Koufra|Kufra|الكفرة
bani_walid|LY|town|Bani Walid|Bani Walid|Bani Walid|بني وليد
tobruk|LY|city|Tobruk|Tobrouk|Tobruk|طبرق
agadez|NE|city|Agadez|Agadez|Agadez|أغاديز
niamey|NE|city|Niamey|Niamey|Niamey|نيامي
lagos|NG|city|Lagos|Lagos|Lagos|لاغوس
benin_city|NG|city|Benin City|Benin City|Benin City|مدينة بنين
kano|NG|city|Kano|Kano|Kano|كانو
lampedusa|IT|island|Lampedusa|Lampedusa|Lampedusa|لامبيدوزا
catania|IT|city|Catania|Catane|Catania|كاتانيا
palermo|IT|city|Palermo|Palerme|Palermo|باليرمو
rome|IT|city|Rome|Rome|Roma|روما
milan|IT|city|Milan|Milan|Milán|ميلانو
turin|IT|city|Turin|Turin|Turín|تورينو
naples|IT|city|Naples|Naples|Nápoles|نابولي
castel_volturno|IT|town|Castel Volturno|Castel Volturno|Castel Volturno|كاستل فولتورنو
sicily|IT|region|Sicily|Sicile|Sicilia|صقلية|en;Sicile|de_;Sicile
sfax|TN|city|Sfax|Sfax|Sfax|صفاقس
tunis|TN|city|Tunis|Tunis|Túnez|تونس العاصمة
nador|MA|city|Nador|Nador|Nador|الناظور
tangier|MA|city|Tangier|Tanger|Tánger|طنجة
casablanca|MA|city|Casablanca|Casablanca|Casablanca|الدار البيضاء
almeria|ES|city|Almería|Almería|Almería|ألميريا
algeciras|ES|city|Algeciras|Algésiras|Algeciras|الجزيرة الخضراء
madrid|ES|city|Madrid|Madrid|Madrid|مدريد
barcelona|ES|city|Barcelona|Barcelone|Barcelona|برشلونة
murcia|ES|city|Murcia|Murcie|Murcia|مرسية
las_palmas|ES|city|Las Palmas de Gran Canaria|Las Palmas de Gran Canaria|Las Palmas de Gran Canaria|لاس بالماس
paris|FR|city|Paris|Paris|París|باريس
calais|FR|city|Calais|Calais|Calais|كاليه
dunkirk|FR|city|Dunkirk|Dunkerque|Dunkerque|دنكيرك
marseille|FR|city|Marseille|Marseille|Marsella|مرسيليا
lyon|FR|city|Lyon|Lyon|Lyon|ليون
lille|FR|city|Lille|Lille|Lille|ليل
london|GB|city|London|Londres|Londres|لندن
dover|GB|city|Dover|Douvres|Dover|دوفر
birmingham|GB|city|Birmingham|Birmingham|Birmingham|برمنغهام
manchester|GB|city|Manchester|Manchester|Mánchester|مانشستر
glasgow|GB|city|Glasgow|Glasgow|Glasgow|غلاسكو
athens|GR|city|Athens|Athènes|Atenas|أثينا
lesbos|GR|island|Lesbos|Lesbos|Lesbos|ليسبوس
kos|GR|island|Kos|Kos|Cos|كوس
samos|GR|island|Samos|Samos|Samos|ساموس
thessaloniki|GR|city|Thessaloniki|Thessalonique|Tesalónica|سالونيك
istanbul|TR|city|Istanbul|Istanbul|Estambul|إسطنبول
izmir|TR|city|Izmir|Izmir|Esmirna|إزمير
bodrum|TR|town|Bodrum|Bodrum|Bodrum|بودروم
van|TR|city|Van|Van|Van|وان
aleppo|SY|city|Aleppo|Alep|Alepo|حلب
damascus|SY|city|Damascus|Damas|Damasco|دمشق
kabul|AF|city|Kabul|Kaboul|Kabul|كابول
herat|AF|city|Herat|Hérat|Herat|هرات
asmara|ER|city|Asmara|Asmara|Asmara|أسمرة
khartoum|SD|city|Khartoum|Khartoum|Jartum|الخرطوم
kassala|SD|city|Kassala|Kassala|Kassala|كسلا
cairo|EG|city|Cairo|Le Caire|El Cairo|القاهرة|au_;Caire|du_;Caire
alexandria|EG|city|Alexandria|Alexandrie|Alejandría|الإسكندرية
tirana|AL|city|Tirana|Tirana|Tirana|تيرانا
durres|AL|city|Durrës|Durrës|Durrës|دوريس
vlore|AL|city|Vlorë|Vlora|Vlorë|فلوره
hanoi|VN|city|Hanoi|Hanoï|Hanói|هانوي
vinh|VN|city|Vinh|Vinh|Vinh|فينه
ha_tinh|VN|city|Ha Tinh|Ha Tinh|Ha Tinh|ها تينه
bucharest|RO|city|Bucharest|Bucarest|Bucarest|بوخارست
constanta|RO|city|Constanța|Constanța|Constanza|كونستانتسا
iasi|RO|city|Iași|Iași|Iași|ياش
bogota|CO|city|Bogotá|Bogota|Bogotá|بوغوتا
medellin|CO|city|Medellín|Medellín|Medellín|ميديين
necocli|CO|town|Necoclí|Necoclí|Necoclí|نيكوكلي
cali|CO|city|Cali|Cali|Cali|كالي
tapachula|MX|city|Tapachula|Tapachula|Tapachula|تاباتشولا
mexico_city|MX|city|Mexico City|Mexico|Ciudad de México|مدينة مكسيكو
ciudad_juarez|MX|city|Ciudad Juárez|Ciudad Juárez|Ciudad Juárez|سيوداد خواريز
tijuana|MX|city|Tijuana|Tijuana|Tijuana|تيخوانا
el_paso|US|city|El Paso|El Paso|El Paso|إل باسو
berlin|DE|city|Berlin|Berlin|Berlín|برلين
munich|DE|city|Munich|Munich|Múnich|ميونخ
frankfurt|DE|city|Frankfurt|Francfort|Fráncfort|فرانكفورت
hamburg|DE|city|Hamburg|Hambourg|Hamburgo|هامبورغ
amman|JO|city|Amman|Amman|Amán|عمّان
baghdad|IQ|city|Baghdad|Bagdad|Bagdad|بغداد
erbil|IQ|city|Erbil|Erbil|Erbil|أربيل
sulaymaniyah|IQ|city|Sulaymaniyah|Souleimaniye|Solimania|السليمانية
dakar|SN|city|Dakar|Dakar|Dakar|داكار
mbour|SN|town|Mbour|Mbour|Mbour|مبور
lima|PE|city|Lima|Lima|Lima|ليما
bangkok|TH|city|Bangkok|Bangkok|Bangkok|بانكوك
pattaya|TH|city|Pattaya|Pattaya|Pattaya|باتايا
rotterdam|NL|city|Rotterdam|Rotterdam|Róterdam|روتردام
bamako|ML|city|Bamako|Bamako|Bamako|باماكو
dhaka|BD|city|Dhaka|Dacca|Daca|دكا
"""

PLACES: dict[str, Place] = {p.key: p for p in (_p(line) for line in _PLACES.strip().splitlines())}


def places_in(country: str) -> list[Place]:
    """All places of ``country`` in table order (deterministic)."""
    return [p for p in PLACES.values() if p.country == country]


@dataclass(frozen=True, slots=True)
class Ncb:
    """An INTERPOL National Central Bureau.

    ``languages`` weights the language its officers write in; ``levantine``
    selects Levantine Arabic month names (آذار, نيسان...) over Egyptian/Maghrebi
    ones (مارس, أبريل...); ``utc_offset`` (minutes) dates its e-mails.
    """

    name: str
    code: str
    country: str
    languages: tuple[tuple[str, float], ...]
    utc_offset: int
    levantine: bool = False

    @property
    def domain(self) -> str:
        """Fictitious mail domain of the bureau (reserved .example TLD)."""
        return f"ncb-{self.code.lower()}.interpol.example"


NCBS: dict[str, Ncb] = {
    n.country: n
    for n in (
        Ncb("NCB ROME", "ROME", "IT", (("en", 1.0),), 60),
        Ncb("NCB PARIS", "PARIS", "FR", (("fr", 1.0),), 60),
        Ncb("NCB MADRID", "MADRID", "ES", (("es", 1.0),), 60),
        Ncb("NCB MANCHESTER", "MANCHESTER", "GB", (("en", 1.0),), 0),
        Ncb("NCB WIESBADEN", "WIESBADEN", "DE", (("en", 1.0),), 60),
        Ncb("NCB ATHENS", "ATHENS", "GR", (("en", 1.0),), 120),
        Ncb("NCB ANKARA", "ANKARA", "TR", (("en", 1.0),), 180),
        Ncb("NCB ABUJA", "ABUJA", "NG", (("en", 1.0),), 60),
        Ncb("NCB NIAMEY", "NIAMEY", "NE", (("fr", 1.0),), 60),
        Ncb("NCB DAKAR", "DAKAR", "SN", (("fr", 1.0),), 0),
        Ncb("NCB TUNIS", "TUNIS", "TN", (("fr", 0.75), ("ar", 0.25)), 60),
        Ncb("NCB RABAT", "RABAT", "MA", (("fr", 0.75), ("ar", 0.25)), 60),
        Ncb("NCB TRIPOLI", "TRIPOLI", "LY", (("ar", 0.7), ("en", 0.3)), 120),
        Ncb("NCB CAIRO", "CAIRO", "EG", (("ar", 0.6), ("en", 0.4)), 120),
        Ncb("NCB KHARTOUM", "KHARTOUM", "SD", (("ar", 0.7), ("en", 0.3)), 120),
        Ncb("NCB AMMAN", "AMMAN", "JO", (("ar", 0.5), ("en", 0.5)), 180, True),
        Ncb("NCB BAGHDAD", "BAGHDAD", "IQ", (("ar", 0.7), ("en", 0.3)), 180, True),
        Ncb("NCB DAMASCUS", "DAMASCUS", "SY", (("ar", 0.8), ("en", 0.2)), 180, True),
        Ncb("NCB BOGOTA", "BOGOTA", "CO", (("es", 1.0),), -300),
        Ncb("NCB MEXICO", "MEXICO", "MX", (("es", 1.0),), -360),
        Ncb("NCB LIMA", "LIMA", "PE", (("es", 1.0),), -300),
        Ncb("NCB BANGKOK", "BANGKOK", "TH", (("en", 1.0),), 420),
        Ncb("NCB HANOI", "HANOI", "VN", (("en", 1.0),), 420),
        Ncb("NCB TIRANA", "TIRANA", "AL", (("en", 1.0),), 60),
        Ncb("NCB BUCHAREST", "BUCHAREST", "RO", (("en", 1.0),), 120),
        Ncb("NCB ASMARA", "ASMARA", "ER", (("en", 1.0),), 180),
        Ncb("NCB KABUL", "KABUL", "AF", (("en", 1.0),), 270),
        Ncb("NCB WASHINGTON", "WASHINGTON", "US", (("en", 1.0),), -300),
        Ncb("NCB THE HAGUE", "THEHAGUE", "NL", (("en", 1.0),), 60),
        Ncb("NCB BAMAKO", "BAMAKO", "ML", (("fr", 1.0),), 0),
        Ncb("NCB DHAKA", "DHAKA", "BD", (("en", 1.0),), 360),
    )
}

#: The INTERPOL General Secretariat, copied on many messages.
IPSG = "IPSG LYON"

#: Countries whose bureaus may write in Arabic.
ARABIC_NCB_COUNTRIES = ("LY", "EG", "SD", "JO", "IQ", "SY", "TN", "MA")
