# Arabic letters and typographic quotes are meant here
"""Country names and nationality adjectives in English, French, Spanish and Arabic, to ISO-2.

Used to tell the issuing country of a document ("Nigerian passport",
"passeport nigérian", "pasaporte marroquí", "جواز سفر ليبي", "issued by
Libya", "(Nigeria)") and the country of a plate ("immatriculé en Italie").
The table covers the countries of origin, transit and destination that
trafficking and smuggling reports mostly name; it is data, extend it freely.
Arabic forms match with the article and one-letter prefixes (ال, و, ب, ل, ف)
and with the feminine ending, so ليبي, الليبي and الليبية all give LY.
"""

from __future__ import annotations

import re
import unicodedata

# ISO-2: Latin forms (EN, FR, ES; accents optional when matching) | Arabic forms (the article
# ال may stand before any of them; a form that starts with it, like الهند, needs it).
_TABLE = """
AF: Afghanistan, Afghan, afghane, Afganistán, afgano, afgana | أفغانستان, افغانستان, أفغاني, افغاني
AL: Albania, Albanian, Albanie, albanais, albanaise, albanés, albanesa | ألبانيا, ألباني
DZ: Algeria, Algerian, Algérie, algérien, algérienne, Argelia, argelino, argelina | جزائر, جزائري
AO: Angola, Angolan, angolais, angolaise, angoleño, angoleña | أنغولا, أنغولي
BD: Bangladesh, Bangladeshi, bangladais, bangladaise, Bangladés, bangladesí | بنغلاديش, بنغلادش, بنغالي
BE: Belgium, Belgian, Belgique, belge, Bélgica, belga | بلجيكا, بلجيكي
BJ: Benin, Beninese, Bénin, béninois, béninoise, beninés, beninesa | بنين
BR: Brazil, Brazilian, Brésil, brésilien, brésilienne, Brasil, brasileño, brasileña | برازيل, برازيلي
BG: Bulgaria, Bulgarian, Bulgarie, bulgare, búlgaro, búlgara | بلغاريا, بلغاري
BF: Burkina Faso, Burkinabe, burkinabè | بوركينا فاسو
CM: Cameroon, Cameroonian, Cameroun, camerounais, camerounaise, Camerún, camerunés, camerunesa \
    | كاميرون, كاميروني
CF: Central African Republic, République centrafricaine, centrafricain, centrafricaine \
    | أفريقيا الوسطى
TD: Chad, Chadian, Tchad, tchadien, tchadienne, chadiano, chadiana | تشاد, تشادي
CN: China, Chinese, Chine, chinois, chinoise, chino, china | صين, صيني
CO: Colombia, Colombian, Colombie, colombien, colombienne, colombiano, colombiana | كولومبيا
CD: Democratic Republic of the Congo, DR Congo, DRC, RDC, RD Congo, République démocratique du \
    Congo, República Democrática del Congo | الكونغو الديمقراطية
CG: Congo, Congolese, congolais, congolaise, congoleño, congoleña | كونغو, كونغولي
CI: Côte d'Ivoire, Ivory Coast, Ivorian, ivoirien, ivoirienne, Costa de Marfil, marfileño, \
    marfileña, ivoriano | ساحل العاج, إيفواري, ايفواري
CU: Cuba, Cuban, cubain, cubaine, cubano, cubana | كوبا, كوبي
DO: Dominican Republic, Dominican, République dominicaine, dominicain, dominicaine, República \
    Dominicana, dominicano, dominicana | الدومينيكان
EC: Ecuador, Ecuadorian, Équateur, équatorien, équatorienne, ecuatoriano, ecuatoriana | إكوادور
EG: Egypt, Egyptian, Égypte, égyptien, égyptienne, Egipto, egipcio, egipcia | مصر, مصري
SV: El Salvador, Salvadoran, salvadorien, salvadorienne, salvadoreño, salvadoreña | السلفادور
GQ: Equatorial Guinea, Guinée équatoriale, Guinea Ecuatorial, ecuatoguineano | غينيا الاستوائية
ER: Eritrea, Eritrean, Érythrée, érythréen, érythréenne, eritreo, eritrea \
    | إريتريا, اريتريا, أريتريا, إريتري, اريتري, أريتري
ET: Ethiopia, Ethiopian, Éthiopie, éthiopien, éthiopienne, Etiopía, etíope \
    | إثيوبيا, اثيوبيا, أثيوبيا, إثيوبي, اثيوبي, أثيوبي
FR: France, French, français, française, Francia, francés, francesa | فرنسا, فرنسي
GM: Gambia, Gambian, Gambie, gambien, gambienne, gambiano, gambiana | غامبيا, غامبي
GE: Georgia, Georgian, Géorgie, géorgien, géorgienne, georgiano, georgiana | جورجيا, جورجي
DE: Germany, German, Allemagne, allemand, allemande, Alemania, alemán, alemana | ألمانيا, ألماني
GH: Ghana, Ghanaian, ghanéen, ghanéenne, ghanés, ghanesa | غانا, غاني
GR: Greece, Greek, Grèce, grec, grecque, Grecia, griego, griega | يونان, يوناني
GN: Guinea, Guinean, Guinée, guinéen, guinéenne, guineano, guineana | غينيا, غيني
GW: Guinea-Bissau, Bissau-Guinean, Guinée-Bissau, bissaoguinéen | غينيا بيساو
HT: Haiti, Haitian, Haïti, haïtien, haïtienne, Haití, haitiano, haitiana | هايتي
HN: Honduras, Honduran, hondurien, hondurienne, hondureño, hondureña | هندوراس
IN: India, Indian, Inde, indien, indienne, indio, india | الهند, هندي
IR: Iran, Iranian, iranien, iranienne, Irán, iraní | إيران, ايران, إيراني, ايراني
IQ: Iraq, Iraqi, Irak, irakien, irakienne, iraquí | عراق, عراقي
IT: Italy, Italian, Italie, italien, italienne, Italia, italiano, italiana | إيطاليا, ايطاليا, \
    إيطالي, ايطالي
JO: Jordan, Jordanian, Jordanie, jordanien, jordanienne, Jordania, jordano, jordana | أردن, أردني
KE: Kenya, Kenyan, kényan, kényane, keniano, keniana | كينيا, كيني
XK: Kosovo, Kosovar | كوسوفو
KW: Kuwait, Kuwaiti, Koweït, koweïtien, kuwaití | كويت, كويتي
LB: Lebanon, Lebanese, Liban, libanais, libanaise, Líbano, libanés, libanesa | لبنان, لبناني
LR: Liberia, Liberian, libérien, libérienne, liberiano, liberiana | ليبيريا, ليبيري
LY: Libya, Libyan, Libye, libyen, libyenne, Libia, libio, libia | ليبيا, ليبي
MT: Malta, Maltese, Malte, maltais, maltaise, maltés, maltesa | مالطا, مالطي
ML: Mali, Malian, malien, malienne, Malí, maliense | مالي
MR: Mauritania, Mauritanian, Mauritanie, mauritanien, mauritanienne, mauritano, mauritana \
    | موريتانيا, موريتاني
MX: Mexico, Mexican, Mexique, mexicain, mexicaine, México, mexicano, mexicana | المكسيك
MA: Morocco, Moroccan, Maroc, marocain, marocaine, Marruecos, marroquí | مغرب, مغربي
NP: Nepal, Nepalese, Nepali, Népal, népalais, népalaise, nepalí | نيبال, نيبالي
NL: Netherlands, Dutch, Pays-Bas, néerlandais, néerlandaise, Países Bajos, neerlandés, \
    neerlandesa | هولندا, هولندي
NE: Niger, Nigerien, nigérien, nigérienne, Níger, nigerino, nigerina | نيجر, نيجري
NG: Nigeria, Nigerian, Nigéria, nigérian, nigériane, nigeriano, nigeriana | نيجيريا, نيجيري
PK: Pakistan, Pakistani, pakistanais, pakistanaise, Pakistán, pakistaní | باكستان, باكستاني
PS: Palestine, Palestinian, palestinien, palestinienne, Palestina, palestino, palestina \
    | فلسطين, فلسطيني
PE: Peru, Peruvian, Pérou, péruvien, péruvienne, Perú, peruano, peruana | بيرو
PT: Portugal, Portuguese, portugais, portugaise, portugués, portuguesa | برتغال, برتغالي
QA: Qatar, Qatari, qatarien, qatari | قطر, قطري
RO: Romania, Romanian, Roumanie, roumain, roumaine, Rumanía, rumano, rumana | رومانيا, روماني
RU: Russia, Russian, Russie, russe, Rusia, ruso, rusa | روسيا, روسي
SA: Saudi Arabia, Saudi, Arabie saoudite, saoudien, saoudienne, Arabia Saudí, Arabia Saudita, \
    saudí | السعودية, سعودي
SN: Senegal, Senegalese, Sénégal, sénégalais, sénégalaise, senegalés, senegalesa | سنغال, سنغالي
SL: Sierra Leone, Sierra Leonean, sierra-léonais, sierra-léonaise, Sierra Leona, sierraleonés \
    | سيراليون
SO: Somalia, Somali, Somalian, Somalie, somalien, somalienne, somalí | صومال, صومالي
SS: South Sudan, South Sudanese, Soudan du Sud, sud-soudanais, Sudán del Sur, sursudanés \
    | جنوب السودان
ES: Spain, Spanish, Espagne, espagnol, espagnole, España, español, española | إسبانيا, اسبانيا, \
    إسباني, اسباني
LK: Sri Lanka, Sri Lankan, sri-lankais, sri-lankaise, esrilanqués | سريلانكا
SD: Sudan, Sudanese, Soudan, soudanais, soudanaise, Sudán, sudanés, sudanesa | سودان, سوداني
SY: Syria, Syrian, Syrie, syrien, syrienne, Siria, sirio, siria | سوريا, سورية, سوري
TG: Togo, Togolese, togolais, togolaise, togolés, togolesa | توغو
TN: Tunisia, Tunisian, Tunisie, tunisien, tunisienne, Túnez, tunecino, tunecina | تونس, تونسي
TR: Turkey, Türkiye, Turkish, Turquie, turc, turque, Turquía, turco, turca | تركيا, تركي
UG: Uganda, Ugandan, Ouganda, ougandais, ougandaise, ugandés, ugandesa | أوغندا, أوغندي
UA: Ukraine, Ukrainian, ukrainien, ukrainienne, Ucrania, ucraniano, ucraniana | أوكرانيا, أوكراني
AE: United Arab Emirates, UAE, Emirati, Émirats arabes unis, émirati, Emiratos Árabes Unidos, \
    emiratí | الإمارات, إماراتي
GB: United Kingdom, UK, British, Royaume-Uni, britannique, Reino Unido, británico, británica \
    | المملكة المتحدة, بريطانيا, بريطاني
US: United States, USA, American, États-Unis, américain, américaine, Estados Unidos, \
    estadounidense | الولايات المتحدة, أمريكي
VE: Venezuela, Venezuelan, vénézuélien, vénézuélienne, venezolano, venezolana | فنزويلا
VN: Vietnam, Viet Nam, Vietnamese, vietnamien, vietnamienne, vietnamita | فيتنام, فيتنامي
YE: Yemen, Yemeni, Yémen, yéménite, yemení | يمن, يمني
"""


def _fold(s: str) -> str:
    """Lookup form: no accents, case-folded, one kind of apostrophe, dash and blank."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("’", "'")
    return re.sub(r"[\s\-]+", " ", s)


def _parse(table: str) -> tuple[dict[str, str], dict[str, str], set[str]]:
    latin: dict[str, str] = {}
    arabic: dict[str, str] = {}
    acronyms: set[str] = set()  # "UK", "USA": only in capitals ("usa" is Spanish for "uses")
    for line in table.replace("\\\n", " ").strip().splitlines():
        iso, _, forms = line.partition(":")
        lat, _, ara = forms.partition("|")
        for form in lat.split(","):
            if form.strip():
                latin.setdefault(_fold(form.strip()), iso.strip())
                if form.strip().isupper():
                    acronyms.add(_fold(form.strip()))
        for form in ara.split(","):
            if form.strip():
                arabic.setdefault(form.strip(), iso.strip())
    return latin, arabic, acronyms


_LATIN, _ARABIC, _ACRONYMS = _parse(_TABLE)


def _accent_tolerant(pattern_letters: str) -> str:
    """A folded form as a pattern that also matches its accented writings."""
    out = []
    for c in pattern_letters:
        variants = _ACCENTED.get(c)
        out.append(f"[{c}{variants}]" if variants else c)
    return "".join(out)


_ACCENTED = {
    "a": "áàâäãÁÀÂÄÃ",
    "c": "çÇ",
    "e": "éèêëÉÈÊË",
    "i": "íìîïÍÌÎÏ",
    "n": "ñÑ",
    "o": "óòôöõÓÒÔÖÕ",
    "u": "úùûüÚÙÛÜ",
    "y": "ÿŸ",
}


def _latin_pattern(form: str) -> str:
    if form in _ACRONYMS:
        return f"(?-i:{re.escape(form.upper())})"
    words = []
    for word in form.split(" "):
        parts = [_accent_tolerant(re.escape(p)) for p in word.split("'")]
        words.append("['’]".join(parts))
    return r"[\s\-]+".join(words)


_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"

#: Any country form. Group ``lat`` or ``ar`` holds the form itself, without Arabic affixes.
COUNTRY = re.compile(
    _LETTER_BEFORE
    + "(?:(?P<lat>"
    + "|".join(_latin_pattern(f) for f in sorted(_LATIN, key=len, reverse=True))
    + ")|(?:[وبلف]?ال|[وبلف])?(?P<ar>"
    + "|".join(re.escape(f) for f in sorted(_ARABIC, key=len, reverse=True))
    + ")(?:ة|ه)?)"
    + _LETTER_AFTER,
    re.IGNORECASE,
)


def iso_of(m: re.Match[str]) -> str:
    """The ISO-2 code of a :data:`COUNTRY` match."""
    if m.group("lat") is not None:
        return _LATIN[_fold(m.group("lat"))]
    return _ARABIC[m.group("ar")]


def country_in_words(text: str, spans: tuple[tuple[int, int], ...]) -> str | None:
    """The country named by the first of the word ``spans`` that is a country form.

    Tries each word alone and with the next one, for two-word names ("Sierra Leone").
    """
    for i, (s, e) in enumerate(spans):
        end = spans[i + 1][1] if i + 1 < len(spans) else e
        m = COUNTRY.match(text, s, end)
        if m is not None:
            return iso_of(m)
    return None


# A country form ending at most one word before a cue: "the Nigerian passport",
# "a Nigerian diplomatic passport", "Libyan-registered".
_BEFORE = re.compile(r"[\s\-]*+(?:[^\W\d_]++[\s\-]++)?$")


def country_before(text: str, pos: int, *, reach: int = 40) -> str | None:
    """The country whose form ends right before ``pos`` (at most one word in between)."""
    lo = max(0, pos - reach)
    best = None
    for m in COUNTRY.finditer(text, lo, pos):
        if _BEFORE.match(text, m.end(), pos):
            best = m
    return iso_of(best) if best is not None else None


# After a number: "(Nigeria)", ", Nigeria", "issued by Libya", "délivré par la Tunisie",
# "expedido en Marruecos", "صادر عن ليبيا".
_AFTER = re.compile(
    r"\s*+(?P<brief>[(,])?\s*+(?P<verb>issued|d[ée]livr[ée]e?s?|emitid[oa]s?|expedid[oa]s?"
    r"|otorgad[oa]s?|(?:ال)?صادر(?:ة|ه)?(?![^\W\d_]))?",
    re.IGNORECASE,
)


def country_after(text: str, pos: int) -> str | None:
    """The issuing country written right after ``pos``: in brackets or after a comma
    ("(Nigeria)"), or after "issued by/in", "délivré par", "expedido en", "صادر عن" within
    four words."""
    m = _AFTER.match(text, pos)
    assert m is not None  # every part is optional
    if m.group("verb"):
        words = 4
    elif m.group("brief"):
        words = 0
    else:
        return None
    p = m.end()
    for _ in range(words + 1):
        p = _SKIP.match(text, p).end()  # type: ignore[union-attr]
        c = COUNTRY.match(text, p)
        if c is not None:
            return iso_of(c)
        w = _WORD.match(text, p)
        if w is None:
            return None
        p = w.end()
    return None


_SKIP = re.compile(r"[\s'’]*+")
_WORD = re.compile(r"[^\W\d_]++")
