# Typographic quotes and accented capitals are meant here
"""Names of people and organisations, the way police reports write them.

Statistical NER trained on news misses what police style does with names:
surnames in capitals (``CELA Fatmir``, ``Salem DARWISH``), the surname first
with a comma (``ALVAREZ, Leydi``), an initial (``E. GASHI``), the surname alone
once the person is introduced (``RAMADAN``), nicknames behind a cue (alias "El
Rubio", dit « Big Brother »), and companies by their legal form (``ESTRELLA
TRAVEL CO., LTD``) or behind "the company" / "la société" / "la sociedad" /
"شركة". :func:`name_spans` combines these conventions with the NER entities of
the same text; the conventions win where they overlap an NER entity.

>>> text = "CELA Fatmir met E. GASHI and ALVAREZ, Leydi in Tirana. RAMADAN paid."
>>> ents = [(0, 5, "Organization"), (47, 53, "Location")]
>>> [(text[s.start:s.end], s.type) for s in name_spans(text, ents, [], "en")]
[('CELA Fatmir', 'Person'), ('E. GASHI', 'Person'), ('ALVAREZ, Leydi', 'Person'), \
('Tirana', 'Location')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from odyssey.ingest.addresses import find_addresses
from odyssey.ingest.arabic_names import arabic_transliterated, cue_names, family_names_again
from odyssey.ingest.extract._text import CaseFreeCues, guarded
from odyssey.ingest.gazetteer import Place, find_places
from odyssey.ingest.ner_rules import is_company
from odyssey.ingest.shouted import MAX_WORDS, given_name_start, inside, shouted_lines, surname_words
from odyssey.text import Spans, fold, has_arabic_letter

#: Confidence of a name found by a convention of police style.
RULE_CONFIDENCE = 0.8
#: Confidence of the same name repeated (the surname alone) or of a nickname.
REFERENCE_CONFIDENCE = 0.75
#: Confidence given to spaCy entities (the small models expose no scores).
NER_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name in a text: ``text[start:end]``, its entity type and how it was found."""

    start: int
    end: int
    type: str
    method: str
    confidence: float
    place: Place | None = None  # the gazetteer's place, for a Location found there


class _Token(NamedTuple):  # a tuple: a report has hundreds of words, made quickly
    start: int
    end: int
    text: str
    kind: str  # C: capitals, T: title case, I: initial, P: particle, O: other


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_TOKEN = re.compile(r"(?<![\w.])[A-Z]\.(?=\s)|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Joining words inside a name ("Laila bin Saleh", "Ahmad al Masri", "Hoang van Long").
_PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "abu", "abou", "ould", "van", "von"})
# ... and those that join only when capitalised ("ARANGO DE LA CRUZ", "Arango De la Cruz").
_CAPITAL_PARTICLES = _PARTICLES | {
    "le",
    "de",
    "del",
    "la",
    "las",
    "los",
    "da",
    "das",
    "do",
    "dos",
    "di",
    "du",
}
# Capitalised words that are never part of a name in a report.
_NOT_NAMES = _words(
    """
    ncb iban imo bic swift dob imei sim gps vin pnr sms mtcn eur usd gbp lyd egp jod iqd thb cop
    uk usa eu un id dni nie tie cni ocn bcn teh som oth interpol europol frontex afripol
    kind regards dear sir madam liaison officer unit team bureau subject reference ref date re fwd
    fw tel phone mobile fax email e-mail whatsapp telegram viber signal facebook instagram
    merci cordialement monsieur madame objet saludos atentamente señor señora asunto según cada
    street road avenue rue calle avenida carrera diagonal transversal rruga boulevard
    north south east west nord sud est ouest norte sur oeste
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
    later subsequently yesterday today tonight afterwards finally meanwhile additionally
    ensuite puis hier aujourd'hui enfin cependant également ultérieurement
    ne nee nes nees demeurant domicilie domiciliee nom prenom prenoms nacido nacida nacidos
    domicilio domiciliado domiciliada residente nombre apellidos born detained arrested no nr number
    luego después ayer hoy posteriormente además finalmente asimismo entonces
    """
)
_COMMA_GAP = re.compile(r",[ ]")
_ARABIC_AFTER = re.compile(
    r"[ ]?\([ ]?(?P<name>[\u0600-\u06ff]+(?:[ ][\u0600-\u06ff]+){0,5})[ ]?\)"
)
# Cue patterns scanned over every report are guarded: a look-ahead refuses most positions at once.
_ALIAS = guarded(
    re.compile(
        r"(?i:(?:\b(?:alias|a\.k\.a\.?|aka|also\s+known\s+as|known\s+as|nicknamed|dite?|surnomm[ée]e?|"
        r"apodad[oa]|conocid[oa]\s+como)|\(a\)))"
        r"\s{0,2}[(]?\s{0,2}[\"“«'‘]\s?(?P<alias>[^\"“”«»'‘’\n]{2,40}?)\s?[\"”»'’]"
    )
)
# A company by its legal form: up to six capitalised words (small joining words between),
# then the form, in the four languages' conventions.
_ORG_WORD = r"[A-ZÀ-Ý][\w&'’\-]*"
_LEGAL_FORM = re.compile(
    rf"(?<![\w.])(?P<org>(?:{_ORG_WORD}[ ](?:(?i:et|and|y|de|del|du|des|of|&)[ ])?){{0,5}}?"
    rf"{_ORG_WORD},?[ ]"
    r"(?P<form>(?i:co\.,?[ ]?ltd\.?|co\.|ltd\.?|limited|llc|plc|llp|gmbh|s\.a\.s\.|s\.a\.r\.l\.?|"
    r"s\.a\.|s\.l\.u\.|s\.l\.|sarl|eurl|sprl|srl|s\.r\.l\.|s\.p\.a\.|inc\.|"
    r"sociedad[ ]limitada|sociedad[ ]an[óo]nima)"
    r"|sh\.p\.k\.|SAS|SA|SL|SNC|BV|NV))(?![\w])"
)
# A company behind a word that says it is one (the word is left out of the name).
_COMPANY_CUE = CaseFreeCues(
    re.compile(
        r"\b(?:the\s+)?(?:company|firm|société|sociedad|empresa|agency|employee\s+of|employed\s+by|"
        r"employée?\s+par|empleado\s+de|empleada\s+de|travel\s+agency|agence\s+de\s+voyages?|"
        r"agencia\s+de\s+viajes|association|asociación|locutorio|casa\s+de\s+cambio|"
        r"bureau\s+de\s+change|bureau\s+de\s+transfert(?:\s+d'argent)?|hawala\s+office|"
        r"money[\s\-]transfer\s+(?:shop|office|agent))\s+|(?:شركة|مؤسسة|وكالة)\s+",
        re.IGNORECASE,
    )
)
_ORG_RUN = re.compile(
    r"[A-ZÀ-Ý][\w&'’\-]*(?:[ ](?:(?:de|del|of|&|y|et)[ ])?[A-ZÀ-Ý][\w&'’\-]*){0,5}"
    r"(?:,?[ ](?i:co\.,?[ ]?ltd|s\.a\.s\.|s\.a\.|s\.l\.|sarl|sh\.p\.k\.|ltd\.?|co\.))?"
)
_ARABIC_ORG_RUN = re.compile(r"[\u0621-\u064a]+(?:[ ][\u0621-\u064a]+){0,3}")
_ARABIC_ORG_ENDS_WORDS = (
    "في من إلى الى على عن التي الذي ومديرها ومديره وأن وقد الكائنة الكائن المسجلة المسجل "
    "ومقرها ومقره مسجلة مسجل"
)
_ARABIC_ORG_ENDS = frozenset(_ARABIC_ORG_ENDS_WORDS.split())
# A business named by what it is: the word is part of the name, first ("Hotel Aphrodite",
# "Hôtel du Midi", "Fundación Camino Abierto") or last ("Liffey View Hotel", "Golden
# Crescent Money Transfer", "Safe Passage Aid Foundation", "Kostas Travel & Tours").
_HEAD_FIRST = guarded(
    re.compile(
        r"(?<![\w])(?=[A-ZÀ-Ý])(?i:hotel|hôtel|hostal|hostel|pensión|fundación|fondation|foundation|"
        r"asociación|restaurante?)"
        r"(?:[ ](?:(?:de|del|du|des|de la|of|the)[ ])?[A-ZÀ-Ý][\w'’\-]*){1,3}(?![\w])"
    )
)
_HEAD_LAST = re.compile(
    rf"(?<![\w])(?:{_ORG_WORD}[ ](?:(?:&|and|et|y)[ ])?){{1,4}}(?=[A-ZÀ-Ý])"
    r"(?P<head>(?i:hotel|foundation|trust|charity|agency|agencies|shipping|freight|logistics|towage|"
    r"transports?|travel|tours|money[ ]transfer|transfer|transfert|exchange|consultancy|"
    r"trading|holdings|voyages|viajes|envíos))(?![\w])"
)
# Small words that may join the words of a company name ("TRANSPORTS LAMBERT ET FILS").
_ORG_JOINERS = frozenset({"et", "and", "y", "de", "del", "du", "des", "of", "&", "la", "el"})
# Generic words before a company's name, not part of it ("la société ...").
_ORG_GENERIC = frozenset(
    {
        "société",
        "societe",
        "sociedad",
        "empresa",
        "entreprise",
        "firm",
        "firma",
        "agence",
        "agencia",
    }
)
# Authorities that investigate are not parties to the case: not entities of the network.
_AUTHORITY = re.compile(
    r"(?i:\b(?:prosecutor|police|polic[ií]a|court|tribunal|ministry|minist[eè]re|ministerio|"
    r"gendarmerie|guardia|carabinieri|fiscal[ií]a|parquet|procura|coast\s+guard|crime\s+agency|"
    r"border|guardacostas|garde-c[ôo]tes|salvamento|frontex|europol|interpol))"
)
# Brands and apps that news-trained NER takes for organisations in a report.
_NOT_ORGANISATIONS = _words(
    """
    whatsapp telegram viber signal facebook instagram tiktok snapchat messenger imo
    toyota nissan ford renault peugeot citroën citroen opel volkswagen mercedes bmw fiat hyundai kia
    iveco mitsubishi isuzu hilux land cruiser
    """
)


@lru_cache(maxsize=8)
def _stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words for the report's language and English (names are written across)."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    words = set(EN) | {"the", "a", "an"}
    words |= {"fr": FR, "es": ES}.get(language or "", set())
    return frozenset(words - _PARTICLES)


def _tokens(text: str, language: str | None) -> list[_Token]:
    """The words that can be part of a name, in order (kind ``O`` left out).

    An ``O`` word only ever ends a run, and so does the gap it leaves: the next
    word is no longer joined to the run by a single space.
    """
    kinds = _KINDS.get(language)
    if kinds is None or len(kinds) > _KINDS_KEPT:
        kinds = _KINDS[language] = {}
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        kind = kinds.get(word)
        if kind is None:
            kind = kinds[word] = _kind(word, language)
        if kind != "O":
            out.append(_Token(m.start(), m.end(), word, kind))
    return out


# Each word's kind per language, looked up in a plain dict: a report has hundreds of words,
# and a dict lookup costs less than half a call through ``lru_cache`` (0.20 -> 0.12 s on
# 1 000 reports). Started again once it holds _KINDS_KEPT words.
_KINDS: dict[str | None, dict[str, str]] = {}
_KINDS_KEPT = 1 << 16


_JOINED_ARTICLE = re.compile(r"(?:al|el|ben|bin|abu|ibn)-[A-Z]")


def _kind(word: str, language: str | None) -> str:
    """A word's kind in a name (see ``_Token``): the same word is the same kind everywhere,
    so each is worked out once (reports repeat their words; see ``_KINDS``)."""
    low = fold(word)
    if len(word) == 2 and word[1] == "." and word[0].isupper():
        return "I"
    if (low in _PARTICLES and word.islower()) or (low in _CAPITAL_PARTICLES and word[0].isupper()):
        return "P"
    if low in _NOT_NAMES or (low in _stop_words("en" if word.isupper() else language)):
        return "O"
    if word.isupper() and sum(c.isalpha() for c in word) >= 2:
        return "C"
    if word[0].isupper() or _JOINED_ARTICLE.match(word):
        return "T"
    return "O"


def _runs(text: str, tokens: Sequence[_Token]) -> list[list[_Token]]:
    """Maximal runs of name words joined by single spaces (particles only inside)."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for tok in tokens:
        joined = current and text[current[-1].end : tok.start] == " "
        if tok.kind == "P" and not joined and tok.text[0].isupper():
            tok = tok._replace(kind="T")  # "Van Hung", "El Rubio": a name starts here
        name_word = tok.kind in "CTI" and (joined or not current)
        particle = tok.kind == "P" and joined and not all(t.kind == "P" for t in current[-2:])
        if name_word or particle:
            current.append(tok)
        else:
            _close(current, runs)
            current = [tok] if tok.kind in "CTI" else []
    _close(current, runs)
    return runs


def _close(run: list[_Token], runs: list[list[_Token]]) -> None:
    while run and run[-1].kind == "P":
        run.pop()
    while run and run[0].kind == "P":
        run.pop(0)
    if run:
        runs.append(run)


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def name_spans(
    text: str,
    ents: Iterable[tuple[int, int, str]],
    taken: Iterable[tuple[int, int]],
    language: str | None,
) -> list[NameSpan]:
    """People, organisations, places and addresses in ``text``, sorted, never overlapping.

    ``ents`` are the statistical NER entities ``(start, end, type)`` already
    re-typed by :mod:`odyssey.ingest.ner_rules`; ``taken`` are the spans of
    identifiers found by rules (a name never overlaps one).
    """
    ents = list(ents)
    blocked = Spans(taken)
    found: list[NameSpan] = []

    def add(
        start: int, end: int, kind: str, method: str, confidence: float, place: Place | None = None
    ) -> None:
        if start < end and not blocked.overlaps(start, end):
            found.append(NameSpan(start, end, kind, method, confidence, place))
            blocked.add(start, end)

    for start, end in find_addresses(text):
        add(start, end, "Address", "rule:address", RULE_CONFIDENCE)
    for m in _ALIAS.finditer(text):
        add(m.start("alias"), m.end("alias"), "Person", "rule:alias", REFERENCE_CONFIDENCE)
    for start, end in _organisations(text, language):
        add(start, end, "Organization", "rule:organisation", RULE_CONFIDENCE)
    runs = _runs(text, _tokens(text, language))
    places = find_places(text, language)
    whole_places = {(start, end) for start, end, _ in places}
    surnames: set[str] = set()
    weak: list[tuple[int, int, list[_Token]]] = []
    shouted = shouted_lines(text)
    for start, end, run, strong in _people(text, runs, ents):
        if not strong:
            weak.append((start, end, run))
            continue
        if (start, end) in whole_places:
            continue  # "GRAN CANARIA" in prose is the island: a known place wins over a name
        if shouted and not any(t.kind == "I" for t in run) and inside(start, shouted):
            continue  # in a telegram capitals say nothing: given names decide (below)
        if _BUREAU.search(text, max(0, start - 24), start):
            continue  # "BCN LA HAYE" is a bureau
        before = len(found)
        add(start, end, "Person", "rule:name", RULE_CONFIDENCE)
        if len(found) > before:
            surnames.update(_capital_parts(run))
    for run in _given_name_runs(runs, shouted, _stop_words(language)) if shouted else ():
        before = len(found)
        add(run[0].start, run[-1].end, "Person", "rule:name-capitals", RULE_CONFIDENCE)
        if len(found) > before:
            surnames.update(_capital_parts(_surname_tokens(run)))
    arabic_script = language == "ar" or has_arabic_letter(text)
    if arabic_script:
        for start, end in cue_names(text):
            add(start, end, "Person", "rule:name-arabic-cue", RULE_CONFIDENCE)
    persons = [(s.start, s.end) for s in found if s.type == "Person"]
    inside_names = [(r[0].start, r[-1].end) for r in runs if len(r) > 1]
    for start, end, place in places:
        if (
            _overlaps(start - 1, end + 1, persons)  # "Leydi VALENCIA": part of a name
            or any(a <= start and end <= b and (a, b) != (start, end) for a, b in inside_names)
            or (text[start:end].isupper() and fold(text[start:end]) in surnames)  # "CÁRDENAS"
            or _BUREAU.search(text, max(0, start - 24), start)  # "NCB ROME" is a bureau
            or text[end - 1] == "."  # "Md." is an abbreviation
        ):
            continue
        add(start, end, "Location", "gazetteer", RULE_CONFIDENCE, place)
    for start, end, _run in weak:
        if not _AUTHORITY.search(text, start, end):  # "Salvamento Marítimo" is no person
            add(start, end, "Person", "rule:name", RULE_CONFIDENCE)
    for span in [s for s in found if s.type == "Person"]:
        m = _ARABIC_AFTER.match(text, span.end)
        if m is not None:  # "Walid HADDAD (وليد طارق حداد)": the name in Arabic script
            add(m.start("name"), m.end("name"), "Person", "rule:name-arabic", RULE_CONFIDENCE)
    if arabic_script:
        latin = [(s.start, s.end) for s in found if s.type == "Person"]
        for start, end in arabic_transliterated(text, latin):  # "سفيان المرزوقي (Sofiane ...)"
            add(start, end, "Person", "rule:name-arabic", RULE_CONFIDENCE)
        named = [(s.start, s.end) for s in found if s.type == "Person" and text[s.start] > "\u0600"]
        for start, end in family_names_again(text, named):
            add(start, end, "Person", "rule:name-again", REFERENCE_CONFIDENCE)
    for run in runs:
        if all(t.kind == "C" for t in run) and fold(" ".join(t.text for t in run)) in surnames:
            add(run[0].start, run[-1].end, "Person", "rule:name-again", REFERENCE_CONFIDENCE)
    for start, end, kind in _split_routes(text, ents):
        words = text[start:end]
        first = fold(words.split()[0])
        if (
            any(c.isdigit() for c in words)  # "EUR 5,500"
            or first in _NOT_ORGANISATIONS  # "WhatsApp", "Ford Transit van"
            or (kind in ("Organization", "Person") and _AUTHORITY.search(words))
            or _BUREAU.search(text, max(0, start - 24), start)  # "OCN ROMA": a bureau
        ):
            continue
        if len(words.split()) == 1 and (
            (folded := fold(words)) in _NOT_NAMES or folded in _stop_words(language)
        ):
            continue
        if (
            shouted
            and kind in ("Person", "Organization")
            and inside(start, shouted)
            and (kind == "Person" or not is_company(words))
        ):
            continue  # the models read a telegram's capitals as names: the rules decide there
        add(start, end, kind, "ner", NER_CONFIDENCE)
    # Surnames again where nothing else was found: inside a longer run of capitals
    # ("CAMIONNETTES DE LAMBERT"), with a particle ("EL AMRANI"), or in title case.
    surname_words = {w for key in surnames for w in key.split()}
    for run in runs:
        if any(fold(t.text) in surname_words for t in run):
            for start, end in _surnames_in(run, surnames):
                add(start, end, "Person", "rule:name-again", REFERENCE_CONFIDENCE)
    _title_surnames_again(text, runs, found, ents, add)
    found.sort(key=lambda s: (s.start, s.end))
    return found


_BUREAU = re.compile(r"(?:NCB|BCN|OCN|المكتب المركزي الوطني)[ \-]$")
_SENTENCE_START = re.compile(r"\s+(?:[A-Z0-9]|$)|$")
_ROUTE_DASH = re.compile(r"[ ]+[–—-][ ]+")


def _split_routes(
    text: str, ents: Iterable[tuple[int, int, str]]
) -> Iterable[tuple[int, int, str]]:
    """A place span written as a route ("Paris – Calais – Londres") is one place per stop."""
    for start, end, kind in ents:
        if kind != "Location" or not _ROUTE_DASH.search(text, start, end):
            yield start, end, kind
            continue
        pos = start
        for dash in _ROUTE_DASH.finditer(text, start, end):
            yield pos, dash.start(), kind
            pos = dash.end()
        yield pos, end, kind


def _organisations(text: str, language: str | None) -> Iterable[tuple[int, int]]:
    """Companies by legal form, then by a word that says what they are, then behind a company word."""
    stop = _stop_words(language)
    for m in _LEGAL_FORM.finditer(text):
        start = _org_start(text, m.start("org"), m.start("form"), stop)
        end = m.end("org")
        if start is None:
            continue
        if (
            text[end - 1] == "."
            and _SENTENCE_START.match(text, end)
            and fold(m.group("org")).endswith("ltd.")
        ):
            end -= 1  # "Diamond Travel Co., Ltd.  4. We..." : the full stop ends the sentence
        yield start, end
    for pattern in (_HEAD_FIRST, _HEAD_LAST):
        for m in pattern.finditer(text):
            # the kind word first starts the name; last, the words before it are the name
            start = (
                _org_start(text, m.start(), m.start("head"), stop)
                if pattern is _HEAD_LAST
                else m.start()
            )
            if start is not None and not _AUTHORITY.search(text, start, m.end()):
                yield start, m.end()
    for cue in _COMPANY_CUE.finditer(text):
        if cue.group()[0] > "\u0600" and _ARABIC_ORG_RUN.match(text, cue.end()):
            yield from _arabic_organisation(text, cue.end())  # شركة / مؤسسة / وكالة + Arabic
            continue
        m = _ORG_RUN.match(text, cue.end())
        if (
            m is not None
            and fold(m.group().split()[0]) not in _NOT_NAMES
            # in capitals a run may be the rest of the sentence: "COMPANY RECORDS FOR ..."
            and (not m.group().isupper() or _org_start(text, m.start(), m.end(), stop) == m.start())
        ):
            yield m.start(), m.end()


def _org_start(text: str, start: int, name_end: int, stop: frozenset[str]) -> int | None:
    """Where a company name found at ``start`` begins once the words of the sentence before
    it are left out ("TUG OWNED BY MEDSEA TOWAGE LTD" → ``MEDSEA``, "L'AGENCE DE VOYAGES
    HORIZON" → ``HORIZON``); None when no word of the name is left before ``name_end``
    (where its legal form or its kind word, such as ``Hotel``, begins)."""
    cut = start
    for w in _ORG_TOKEN.finditer(text, start, name_end):
        low = fold(w.group()).rstrip(",")
        if low in _ORG_JOINERS:
            if w.start() == cut:
                cut = w.end() + 1  # a joining word does not start a name
            continue
        if (
            low in stop
            or low in _ORG_GENERIC
            or (low in _NOT_NAMES and low not in _COMPASS)  # "HORIZON SUD VOYAGES"
            or low.startswith("l'")
        ):
            cut = w.end() + 1
    if cut >= name_end or not text[cut].isupper():
        return None
    return cut


_ORG_TOKEN = re.compile(r"\S+")
_COMPASS = _words("north south east west nord sud est ouest norte sur oeste")


def _arabic_organisation(text: str, start: int) -> Iterable[tuple[int, int]]:
    """The name after شركة: its words up to the one that says what the company does
    (``للصرافة``, ``للخدمات البحرية``, ``للأسفار والسياحة``), else up to three words; a word
    such as في, الكائنة, وشركة ends it."""
    m = _ARABIC_ORG_RUN.match(text, start)
    if m is None:
        return
    words: list[str] = []
    trade = False
    for word in m.group().split(" "):
        if word in _ARABIC_ORG_ENDS or "شركة" in word:
            break
        if trade and not word.startswith(("ال", "وال")):
            break
        words.append(word)
        trade = trade or word.startswith("لل")
    if words:
        yield start, start + len(" ".join(words))


def _people(
    text: str, runs: list[list[_Token]], ents: Sequence[tuple[int, int, str]]
) -> Iterable[tuple[int, int, list[_Token], bool]]:
    """People written in police style (strong), and NER's people stretched over their name (weak)."""
    i = 0
    while i < len(runs):
        run = runs[i]
        kinds = {t.kind for t in run}
        start, end = run[0].start, run[-1].end
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        if (
            kinds == {"C"}
            and nxt is not None
            and {t.kind for t in nxt} == {"T"}
            and len(nxt) <= 3
            and _COMMA_GAP.fullmatch(text, end, nxt[0].start)
        ):  # "ALVAREZ, Leydi"
            yield start, nxt[-1].end, run, True
            i += 2
            continue
        i += 1
        if len(run) > 6 or is_company(text[start:end]):
            continue
        capitals = [t for t in run if t.kind == "C"]
        said = {kind for s, e, kind in ents if s < end and start < e}
        if capitals and ("T" in kinds or "I" in kinds) and run[0].kind != "P":
            yield start, end, run, True  # "CELA Fatmir", "Salem DARWISH", "E. GASHI"
        elif (
            kinds <= {"C", "P"}
            and 2 <= len(capitals) <= 4
            and (said & {"Person", "Organization"} or _in_prose(text, start, end))
        ):
            yield start, end, run, True  # "DAVID NAVARRO ROMERO" in a sentence, not a heading
        elif "Person" in said and len(run) >= 2 and "C" not in kinds:
            # NER's "Muñoz Valencia" within "María Fernanda Muñoz Valencia"; weak: a place wins
            yield start, end, run, False


def _given_name_runs(
    runs: list[list[_Token]], shouted: list[tuple[int, int]], stop: frozenset[str]
) -> Iterable[list[_Token]]:
    """Names in a line written all in capitals: from a known given name on, up to
    ``MAX_WORDS`` words and to a stop word of the language ("HIS BROTHER SAMI SAADAOUI ET
    DE SON" → ``SAMI SAADAOUI``), two words at least."""
    for run in runs:
        if len(run) < 2 or not inside(run[0].start, shouted):
            continue
        segment: list[_Token] = []
        for tok in [*run, None]:
            low = fold(tok.text) if tok is not None else ""
            if tok is None or (low in stop and low not in _CAPITAL_PARTICLES):
                name = _given_name_first(segment)
                if name:
                    yield name
                segment = []
            else:
                segment.append(tok)


def _given_name_first(segment: list[_Token]) -> list[_Token] | None:
    """The name in ``segment`` that starts with a given name, if any (two words at least)."""
    if len(segment) < 2:
        return None
    i = given_name_start([t.text for t in segment])
    if i is None:
        return None
    name = segment[i : i + MAX_WORDS]
    while name and (name[-1].kind == "P" or fold(name[-1].text) in _CAPITAL_PARTICLES):
        name = name[:-1]
    if len(name) >= 2 and all(t.kind in "CP" or fold(t.text) in _CAPITAL_PARTICLES for t in name):
        return name
    return None


def _surname_tokens(run: list[_Token]) -> list[_Token]:
    """The tokens of a name after its leading given names (``MORENO VEGA`` of ``JUAN CARLOS
    MORENO VEGA``); their particles count ("EL AMRANI")."""
    kept = surname_words([t.text for t in run])
    tail = run[len(run) - len(kept) :]
    return [t._replace(kind="C") if t.kind == "P" else t for t in tail]


def _surnames_in(run: list[_Token], surnames: set[str]) -> Iterable[tuple[int, int]]:
    """The longest stretches of ``run`` in capitals that are known surnames."""
    i = 0
    while i < len(run):
        for j in range(len(run), i, -1):
            part = run[i:j]
            if (
                part[-1].kind == "C"
                and all(t.kind in "CP" or fold(t.text) in _CAPITAL_PARTICLES for t in part)
                and fold(" ".join(t.text for t in part)) in surnames
            ):
                yield part[0].start, part[-1].end
                i = j
                break
        else:
            i += 1


def _title_surnames_again(  # type: ignore[no-untyped-def]
    text: str, runs: list[list[_Token]], found: list[NameSpan], ents, add
) -> None:
    """A surname written in title case alone ("Papadakis") after the full name ("Nikos
    Papadakis", by the rules or the NER) is that person's mention, not a place."""
    keys = set()
    people = [(s.start, s.end) for s in found if s.type == "Person"]
    people += [(start, end) for start, end, kind in ents if kind == "Person"]
    for start, end in people:
        if True:
            words = text[start:end].split()
            if len(words) >= 2 and words[-1][0].isupper() and not words[-1].isupper():
                keys.add(words[-1])
    if not keys:
        return
    for run in runs:
        if len(run) == 1 and run[0].kind == "T" and run[0].text in keys:
            add(run[0].start, run[0].end, "Person", "rule:name-again", REFERENCE_CONFIDENCE)


def _in_prose(text: str, start: int, end: int) -> bool:
    """True when the line around ``start:end`` also has lower-case words (it is not a heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return any(c.islower() for c in line)


def _capital_parts(run: list[_Token]) -> set[str]:
    """The surnames in capitals of a name, alone and together: ``NAVARRO ROMERO`` → 3 keys."""
    caps = [t.text for t in run if t.kind == "C"]
    parts = {fold(" ".join(caps))} if len(caps) > 1 else set()
    parts |= {fold(c) for c in caps if len(c) >= 4}
    return parts
