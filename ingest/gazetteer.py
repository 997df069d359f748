# Arabic letters and typographic quotes are meant here
"""An offline gazetteer of countries and cities, to find place names in reports and place them.

The small spaCy models miss many place names of smuggling routes ("Zuwara", "Ha Tinh") and
take others for people or organisations ("Durrës", "Erbil"). This module looks names up in
``data/places.tsv.gz``, a table derived from GeoNames (CC BY 4.0, see ``data/NOTICE.md``;
rebuilt by ``scripts/build_gazetteer.py``): every country (names in English, French, Spanish
and Arabic, from pycountry) and every city of 15 000 inhabitants or more, with its GeoNames
alternate names in Latin and Arabic script and its coordinates (countries have none).

* :func:`lookup` answers "which places are called this?" -- every place of that name, accents
  and case ignored, best first (countries before cities, then by population).
* :func:`find_places` finds place names in free text. It is *precision first*: only
  capitalised words (or Arabic script) match, never part of a word; stop words of English,
  French, Spanish and Arabic, forms under three letters and a small deny-list never match; a
  one-word city name that is also a common word or first name (:data:`AMBIGUOUS`) needs
  :data:`AMBIGUOUS_MIN_POPULATION` inhabitants. It runs in time linear in the text: words are
  folded once and n-grams of one word up to the longest name starting with that word are
  looked up in a dict.

Person names come first. A place name that is also a name ("Valencia", "Florence", "Jordan",
"Chad", "Hassan") will still be found where it stands alone; callers that also find people
(:mod:`odyssey.ingest.names`) should drop a place span that overlaps or touches a person span
("Leydi VALENCIA", "Hassan ALI") unless a location cue stands just before it ("in", "to",
"from", "à", "en", "de", "desde", "في", "إلى", "من").

>>> [(s, e, p.name, p.country) for s, e, p in find_places("From Durres to Ha Tinh")]
[(5, 11, 'Durrës', 'AL'), (15, 22, 'Hà Tĩnh', 'VN')]
>>> lookup("libye")[0].id
'LY'
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of ``block`` (word lists written as prose)."""
    return frozenset(block.split())


DATA_FILE = Path(__file__).with_name("data") / "places.tsv.gz"
#: Places the GeoNames city files lack (islands, regions, oases), compiled by hand (NOTICE.md).
EXTRA_FILE = Path(__file__).with_name("data") / "places_extra.tsv"

#: A one-word city name in :data:`AMBIGUOUS` needs at least this many inhabitants to be found
#: in text: "Valencia" (Spain, 790 000) and "Santiago" (Chile) are found, "Trang" (Thailand,
#: 67 000, and a Vietnamese given name) is not.
AMBIGUOUS_MIN_POPULATION = 100_000
#: A city found in text by a one-word name needs this many inhabitants (small towns of the
#: world are named like people and words: "Stella", "March", "Selma", "Navarro")...
SINGLE_WORD_MIN_POPULATION = 50_000
#: ... and this many when the word is one of its GeoNames *alternate* names, or an Arabic name.
ALTERNATE_MIN_POPULATION = 100_000

#: GeoNames ids of small places on smuggling routes found whatever their population:
#: Lampedusa, Zuwarah (Zuwara), Sabratha, Mytilene (Lesbos), Dover.
ROUTE_PLACES = frozenset({"2524459", "2208425", "2212771", "256866", "2651048"})

#: One-word forms that are also common first names, surnames or words of English, French or
#: Spanish (capitalised at the start of a sentence or in titles). Cities of these names are
#: only found when they have :data:`AMBIGUOUS_MIN_POPULATION` inhabitants; countries always.
AMBIGUOUS = _words(
    """
    abdullah ahmed amir anna bello buena carmen cruz david diego elena florence flores
    francisco gloria hamza ibrahim isabel jesus jordan juan karim lima linda logan lorena
    marcos maria mariana mario martin merced mercedes miguel mohammed mustafa omar paz rosa
    rosario santiago sara sofia teresa trang victoria vitoria warren washington york zara
    """
)

#: Forms never found in text: words and names too common for any place to win, in Latin
#: script and in Arabic (names of people, and words such as هوية "identity" or مدينة "city").
#: :func:`lookup` still resolves them.
DENY = _words(
    """
    about ahmad airport ali alle anan ban bank bar bath bella best bon bonne boss calle car
    caracol casa cash center centre china city come date deal dire don enter esperanza fort
    gap grand hamid hamm hassan hope house human independence justice kaka king leer liberty
    man march marks mission mobile moto navarro nice orange orion papa para paradise police
    port porto president rashid reading real river said sale salem salt selma sol song split
    spring stella still sur terre toyota union usman van victor vista wall west
    أحمد أمل احمد امل جمال جوجو حسن حسين حياة خالد خالص خليل رشيد ريم سالم سعيد سلام سلمى
    سمير صور عالية علم علي عمر فاطمة كريم ليلى محمد مدينة مريم نور هوية ياسين يشير
    """
) | {"Van Thanh"}  # a Vietnamese alternate name of Yuncheng (China), and a person's name

#: Forms of :data:`DENY` that are words first and cities second ("van" the vehicle and the Dutch
#: particle, "nice", "split", "reading"): found only right after a preposition of place ("in",
#: "from", "to", "à", "de", "desde", "hacia"...) and when no capitalised word follows ("from
#: Van to Istanbul", "à Nice", but not "a white van", "Hoang Van Long", "to Van Hung").
AFTER_PLACE_CUE = _words("bath nice reading sale split van")
_PLACE_CUE = re.compile(
    r"(?:^|[^\w])(?i:in|at|from|to|via|near|towards|into|à|de|depuis|vers|desde|hacia|en|hasta)\s$"
)

#: Lower-case words that may stand inside a multi-word place name ("Port-au-Prince",
#: "Rio de Janeiro", "Dar es Salaam"); every other word of a name must be capitalised.
PARTICLES = _words(
    """
    al am an au aux ben bin da das de del della der des di do dos du el en es ibn im la le
    les of on sur the upon y
    """
)

_KIND_RANK = {"country": 0, "region": 1, "island": 2, "city": 3}
_MAX_WORDS = 8  # the longest form matched: "Las Palmas de Gran Canaria" has five words
_MIN_LETTERS = 3
_MIN_ALTERNATE_LETTERS = 5
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u0640\u064b-\u065f\u0670])*")
# What may stand between two words of one name: a space, a hyphen, an apostrophe, a dot.
_JOINS = frozenset({" ", "\u00a0", "-", "\u2010", "\u2011", "'", "’", ".", ". "})
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ʿ": None,
        "ʾ": None,
        "ʻ": None,
        "ʼ": None,
        "\u0640": None,  # tatweel
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
    }
)
_ARABIC_CONJUNCTIONS = ("و", "ف")
_ARABIC_PREPOSITIONS = ("ب", "ل", "ك")
_ARABIC_ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer.

    ``id`` is the GeoNames id of a city or the ISO-2 code of a country; ``country`` its ISO-2
    country; ``lat``/``lon`` are WGS84 degrees, ``None`` for countries (the source has no
    coordinates for them); ``population`` is 0 where unknown.
    """

    id: str
    name: str
    kind: str
    country: str
    lat: float | None
    lon: float | None
    population: int

    def properties(self) -> dict[str, str | float]:
        """The properties of a Location entity (``odyssey/schema.toml``) for this place."""
        props: dict[str, str | float] = {"country": self.country, "kind": self.kind}
        if self.lat is not None and self.lon is not None:
            props.update(latitude=self.lat, longitude=self.lon)
        if self.id.isdigit():
            props["geonames"] = self.id
        return props


def fold(word: str) -> str:
    """One word folded for matching: case, accents, harakat and Arabic letter variants dropped.

    ``fold("Durrës") == fold("DURRES")`` and ``fold("الإسكندرية") == fold("الاسكندريه")``.
    """
    if word.isascii():  # nothing to decompose or translate: the common case, fast
        return word.lower()
    word = unicodedata.normalize("NFKD", word.casefold().translate(_LETTERS))
    return "".join(ch for ch in word if not unicodedata.combining(ch)).translate(_LETTERS)


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def form_key(text: str) -> str:
    """The dict key of a written form: its words folded and joined by single spaces."""
    if text.isascii():  # fold is lower-casing there (most of the 170 000 forms loaded)
        return " ".join(_WORD.findall(text.lower()))
    return " ".join(fold(m.group()) for m in _WORD.finditer(text))


def _letters(key: str) -> int:
    return sum(map(str.isalpha, key))


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    places: tuple[Place, ...]
    # Every folded form to the places written so, best first (for lookup).
    by_key: dict[str, tuple[int, ...]]
    # The folded forms find_places may match, to the best place of that form.
    matchable: dict[str, int]
    # The first word of each matchable form to the most words a form starting with it has.
    longest: dict[str, int]
    # The forms of AFTER_PLACE_CUE, to their best place.
    cued: dict[str, int]


def _rank(place: Place) -> tuple[int, int]:
    return (_KIND_RANK.get(place.kind, 9), -place.population)


@cache
def _stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of ``language``, folded; empty where spaCy has none.

    The ``stop_words.py`` file is read on its own: importing ``spacy.lang.xx`` would import
    all of spaCy (seconds) just for a word list.
    """
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations or not language.isalpha():
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / language / "stop_words.py"
    if not path.is_file():
        return frozenset()
    namespace: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # data only
    words = namespace.get("STOP_WORDS", ())
    return frozenset(form_key(word) for word in words if isinstance(word, str))


_BASE_LANGUAGES = ("en", "fr", "es", "ar")


@lru_cache(maxsize=1)
def _base_stop_words() -> frozenset[str]:
    words: set[str] = set()
    for language in _BASE_LANGUAGES:
        words |= _stop_words(language)
    return frozenset(words)


@lru_cache(maxsize=1)
def _deny_keys() -> frozenset[str]:
    return frozenset(form_key(form) for form in DENY)


def _matchable(key: str, place: Place, stop: frozenset[str], canonical: bool) -> bool:
    """Whether find_places may match ``key`` as a name of ``place`` (see the module doc).

    ``canonical`` tells the place's own name (any name of a country) from a GeoNames
    alternate name. One-word names of cities need a population (see the constants), and
    one-word Latin alternates under five letters never match: they are too often words
    ("Soul" for Seoul, "Lime" for Lima, "Hang" for Hangzhou). :data:`ROUTE_PLACES` skip the
    population rules; forms of several words and names of countries need none.
    """
    words = key.split()
    letters = _letters(key)
    if letters < _MIN_LETTERS or all(word in stop for word in words):
        return False
    if key in _deny_keys():
        return False
    if len(words) > 1 or place.kind != "city" or place.id in ROUTE_PLACES:
        return True
    arabic = _is_arabic(key)
    if not canonical and not arabic and letters < _MIN_ALTERNATE_LETTERS:
        return False
    needed = SINGLE_WORD_MIN_POPULATION
    if not canonical or arabic:
        needed = ALTERNATE_MIN_POPULATION
    if key in AMBIGUOUS:
        needed = max(needed, AMBIGUOUS_MIN_POPULATION)
    return place.population >= needed


@lru_cache(maxsize=1)
def _load() -> _Gazetteer:
    """Read the data file once; the result is cached for the life of the process."""
    places: list[Place] = []
    forms: dict[str, set[int]] = {}
    # (key, place) pairs where the key is the place's own name (or any name of a country).
    canonical: set[tuple[str, int]] = set()
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
        lines = list(fh)[1:]  # below the header
    lines += EXTRA_FILE.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        pid, kind, name, country, lat, lon, population, written = line.rstrip("\n").split("\t")
        index = len(places)
        places.append(
            Place(
                id=pid,
                name=name,
                kind=kind,
                country=country,
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
                population=int(population or 0),
            )
        )
        own = form_key(name)
        for form in written.split("|"):
            key = form_key(form)
            if key:
                forms.setdefault(key, set()).add(index)
                if kind == "country" or key == own:
                    canonical.add((key, index))
    by_key = {
        key: tuple(sorted(indices, key=lambda i: _rank(places[i])))
        for key, indices in forms.items()
    }
    stop = _base_stop_words()
    matchable: dict[str, int] = {}
    for key, indices in by_key.items():
        # A place's own name outranks an alternate name of another place: "Victoria" is
        # Victoria (Canada), not Hong Kong, one of whose GeoNames alternate names it is.
        ordered = sorted(indices, key=lambda i: (key, i) not in canonical)
        for index in ordered:
            if _matchable(key, places[index], stop, (key, index) in canonical):
                matchable[key] = index
                break
    longest: dict[str, int] = {}
    for key in matchable:
        first, *rest = key.split(" ")
        if len(rest) < _MAX_WORDS:
            longest[first] = max(longest.get(first, 0), len(rest) + 1)
    cued = {
        key: by_key[key][0] for key in (form_key(form) for form in AFTER_PLACE_CUE) if key in by_key
    }
    return _Gazetteer(tuple(places), by_key, matchable, longest, cued)


def _arabic_variants(word: str) -> Iterator[tuple[int, str]]:
    """``(prefix length, folded word)`` readings of an Arabic word, with and without prefixes.

    A conjunction (و, ف) and then a preposition (ب, ل, ك) may stand before a name and its
    article: وبنغازي, بالعراق, للعراق (ل + العراق, the alif of the article dropped). The name
    must be written as the gazetteer writes it, article included (العراق, not عراق): adding
    or dropping the article turns names of people into places (خليل, الخليل = Hebron).
    """
    bases = [(0, word)]
    if word.startswith(_ARABIC_CONJUNCTIONS) and len(word) > 3:
        bases.append((1, word[1:]))
    for offset, base in list(bases):
        if base.startswith("لل") and len(base) > 4:
            bases.append((offset + 1, _ARABIC_ARTICLE + base[2:]))
        elif base.startswith(_ARABIC_PREPOSITIONS) and len(base) > 3:
            bases.append((offset + 1, base[1:]))
    yield from bases


def lookup(name: str) -> list[Place]:
    """Every place written ``name`` (case and accents ignored), best first.

    Best first means countries before cities, then the larger population first. Nothing is
    filtered out here (``lookup("Nice")`` gives Nice, France): filters are for free text.
    An Arabic name not found as written is tried without or with its article.
    """
    gazetteer = _load()
    key = form_key(name)
    indices = gazetteer.by_key.get(key, ())
    if not indices and key and _is_arabic(key):
        other = key[2:] if key.startswith(_ARABIC_ARTICLE) else _ARABIC_ARTICLE + key
        indices = gazetteer.by_key.get(other, ())
    return [gazetteer.places[i] for i in indices]


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def find_places(text: str, language: str | None = None) -> list[tuple[int, int, Place]]:
    """Non-overlapping place names in ``text`` as ``(start, end, place)``, in text order.

    ``text[start:end]`` is the name as written (an Arabic conjunction or preposition before
    it is left out of the span). At each word the longest name of one to four words wins.
    ``language`` (an ISO 639-1 code) adds spaCy's stop words of that language to those of
    English, French, Spanish and Arabic that never match. Each form gives its best place
    (countries first, then population); use :func:`lookup` for the alternatives.
    """
    gazetteer = _load()
    extra_stop = _stop_words(language) if language and language not in _BASE_LANGUAGES else None
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    folded = _Folded([word for _, _, word in words])
    found: list[tuple[int, int, Place]] = []
    i = 0
    while i < len(words):
        word = words[i][2]
        hit = None
        # a name starts capitalised or Arabic, with a word that starts a name or a cued form
        if (word[0].istitle() or _is_arabic(word)) and _may_start(word, gazetteer):
            hit = _match_at(text, words, folded, i, gazetteer, extra_stop) or _cued_at(
                text, words, folded, i, gazetteer
            )
        if hit is None:
            i += 1
            continue
        n, start, index = hit
        found.append((start, words[i + n - 1][1], gazetteer.places[index]))
        i += n
    return found


def _may_start(word: str, gazetteer: _Gazetteer) -> bool:
    """Whether a name or a cued form (:func:`_match_at`, :func:`_cued_at`) can start with ``word``.

    Most capitalised words start none (names, sentence starts); that depends on the word
    alone (and the one gazetteer ``_load`` keeps), so it is worked out once per word
    (``_STARTS``), before the context is looked at.
    """
    known = _STARTS.get(word)
    if known is None:
        if len(_STARTS) >= _STARTS_KEPT:
            _STARTS.clear()
        key = fold(word)
        heads = [head for _, head in _arabic_variants(key)] if _is_arabic(word) else [key]
        known = _STARTS[word] = key in gazetteer.cued or any(h in gazetteer.longest for h in heads)
    return known


_STARTS: dict[str, bool] = {}
_STARTS_KEPT = 1 << 16


class _Folded:
    """The words of a text, each folded when first asked for: most never are (only
    capitalised words, and the words after them, are looked up)."""

    __slots__ = ("_done", "_words")

    def __init__(self, words: list[str]) -> None:
        self._words = words
        self._done: list[str | None] = [None] * len(words)

    def __getitem__(self, i: int) -> str:
        done = self._done[i]
        if done is None:
            done = self._done[i] = fold(self._words[i])
        return done

    def join(self, start: int, stop: int) -> str:
        """Words ``start`` to ``stop`` (excluded), folded, joined by single spaces."""
        return " ".join(self[k] for k in range(start, stop))


def _cued_at(
    text: str,
    words: list[tuple[int, int, str]],
    folded: _Folded,
    i: int,
    gazetteer: _Gazetteer,
) -> tuple[int, int, int] | None:
    """A form of :data:`AFTER_PLACE_CUE` at word ``i`` where a place cue stands before it."""
    index = gazetteer.cued.get(folded[i])
    start, end, word = words[i]
    if index is None or not word.istitle():
        return None
    following = words[i + 1][2] if i + 1 < len(words) else ""
    if following[:1].isupper() and text[end : words[i + 1][0]] in {" ", "-"}:
        return None  # "to Van Hung": a name goes on
    if not _PLACE_CUE.search(text, max(0, start - 10), start):
        return None
    return 1, start, index


def _match_at(
    text: str,
    words: list[tuple[int, int, str]],
    folded: _Folded,
    i: int,
    gazetteer: _Gazetteer,
    extra_stop: frozenset[str] | None,
) -> tuple[int, int, int] | None:
    """The longest name starting at word ``i``: (number of words, span start, place index)."""
    first = words[i][2]
    arabic = _is_arabic(first)
    if not arabic and (not _capitalised(first) or (len(first) <= 3 and first.isupper())):
        return None  # lower case, or an acronym ("UWA")
    firsts = list(_arabic_variants(folded[i])) if arabic else [(0, folded[i])]
    most = max(gazetteer.longest.get(head, 0) for _, head in firsts)
    if not most:
        return None  # no name starts with this word
    # How many words may form one name: joined by a space, hyphen, apostrophe or dot, in the
    # same script, capitalised (Latin) or particles in between.
    last = i
    while last + 1 < len(words) and last - i + 1 < most:
        gap = text[words[last][1] : words[last + 1][0]]
        following = words[last + 1][2]
        if gap not in _JOINS or _is_arabic(following) != arabic:
            break
        if gap.startswith(".") and len(words[last][2]) > 3:
            break  # a dot joins only after an abbreviation ("St. Petersburg", "Mt. Hagen")
        if not arabic and not _capitalised(following) and folded[last + 1] not in PARTICLES:
            break
        last += 1
    for end in range(last, i - 1, -1):
        if not arabic and not _capitalised(words[end][2]):
            continue  # a name ends on a capitalised word
        tail = folded.join(i + 1, end + 1)
        for offset, head in firsts:
            key = f"{head} {tail}" if tail else head
            index = gazetteer.matchable.get(key)
            if index is None or (extra_stop and end == i and key in extra_stop):
                continue
            return end - i + 1, words[i][0] + offset, index
    return None
