"""Links from text: two entities in one sentence, typed by the words between them.

A cue ("uses the number", "titulaire du passeport", "viajaba con", "يستخدم")
between two mentions whose types the link type allows gives a typed link with
the sentence as evidence. Without a cue, two mentions in one sentence give a
weaker ``ASSOCIATED_WITH``. Cues are data: one table per link type and language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from odyssey.ingest.extract._text import case_sensitive, lowered
from odyssey.schema import IDENTIFIER_TYPES, link_type

#: Cue patterns by link type, all languages together (matched case-insensitively).
CUES: dict[str, tuple[str, ...]] = {
    "USES": (
        r"\buses?\b", r"\busing\b", r"\bused\b", r"\bnumbers?\b", r"\bphone\b",
        r"\bcontact(?:ed)? (?:on|at|via)\b",
        r"\bdriv(?:es|ing|en)\b", r"\bdrove\b", r"\bwallet\b", r"\be-?mail\b",
        r"\butilis", r"\bnum[ée]ro\b", r"\bjoignable\b", r"\bt[ée]l[ée]phone\b", r"\bconduit\b", r"\bportefeuille\b",
        r"\butiliza", r"\bn[úu]mero\b", r"\btel[ée]fono\b", r"\bconduc[eií]a?\b", r"\bcartera\b",
        r"يستخدم", r"رقم", r"هاتف", r"يقود", r"محفظة",
    ),
    "HOLDS": (
        r"\bpassports?\b", r"\bholder\b", r"\bholds?\b", r"\bidentity card\b", r"\baccount\b", r"\biban\b",
        r"\btitulaire\b", r"\bpasseport\b", r"\bcarte d'identit[ée]\b", r"\bcompte\b",
        r"\btitular\b", r"\bpasaporte\b", r"\bdocumento\b", r"\bcuenta\b", r"\bdni\b",
        r"جواز", r"حساب", r"بطاقة",
    ),
    "OWNS": (
        r"\bowns?\b", r"\bowner\b", r"\bpropri[ée]taire\b", r"\bpropietari[oa]\b", r"\bregistered to\b",
        r"يملك", r"مالك",
    ),
    "DIRECTS": (
        r"\bmanag(?:es|er|ing)\b", r"\bdirect(?:s|or)\b", r"\brun by\b", r"\bruns\b", r"\bg[ée]rant\b", r"\bdirige",
        r"\bdirecteur\b", r"\badministrador\b", r"\bgerente\b", r"\bdirector\b", r"يدير", r"مدير",
    ),
    "MEMBER_OF": (
        r"\bmember\b", r"\bworks? for\b", r"\bmembre\b", r"\btravaille pour\b", r"\bmiembro\b",
        r"\btrabaja para\b", r"عضو",
    ),
    "TRAVELLED_WITH": (
        r"\btravell?ed (?:together )?with\b", r"\baccompanied\b", r"\btogether with\b",
        r"\bvoyag\w* (?:avec|en compagnie)\b", r"\baccompagn", r"\bviaj\w* (?:con|junto)\b", r"\bacompa[ñn]",
        r"سافر مع", r"برفقة",
    ),
    "RECRUITED": (
        r"\brecruit", r"\blured\b", r"\brecrut", r"\bcapt[óo]\b", r"\bcaptad[oa]\b", r"\breclut", r"جند",
        r"استدرج",
    ),
    "EXPLOITED": (r"\bexploit", r"\bforced\b", r"\bcontra?int", r"\bobligad", r"\bforz", r"استغل", r"أجبر"),
    "TRANSPORTED": (
        r"\btransport", r"\bsmuggled\b", r"\bferried\b", r"\bskipper", r"\bcaptain", r"\bpassad",
        r"\bconvoy", r"\bpilot", r"\bpatr[oó]n\b", r"\bcapit", r"نقل", r"هرب",
    ),
    "PAID": (
        r"\bpaid\b", r"\bpays?\b", r"\btransferr?ed\b", r"\bsent\b", r"\bwired\b", r"\bpay[ée]\b", r"\bvers[ée]\b",
        r"\bvirement\b", r"\benvoy[ée]\b", r"\bpag[óo]\b", r"\btransfiri", r"\benvi[óo]\b", r"دفع", r"حول", r"أرسل",
    ),
    "LOCATED_AT": (
        r"\blives?\b", r"\bresid", r"\baddress\b", r"\blocated\b", r"\bbased in\b", r"\bdomicili", r"\bdemeurant\b",
        r"\bh[ée]berg", r"\bvive\b", r"\bdirecci[óo]n\b", r"\bubicad", r"يقيم", r"يسكن", r"عنوان",
    ),
    "TRAVELLED_TO": (
        r"\b(?:travell?ed|went|moved|headed|sailed|crossed) (?:to|towards|into)\b", r"\barrived (?:in|at)\b",
        r"\bvoyag\w* (?:vers|à|jusqu)", r"\barriv\w* (?:à|en)\b", r"\bviaj\w* (?:a|hacia|hasta)\b", r"\blleg\w* a\b",
        r"سافر إلى", r"وصل إلى",
    ),
}  # fmt: skip

_COMPILED = {
    kind: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
    for kind, pats in CUES.items()
}

#: The same patterns without their word boundaries. They match wherever the cue matches in
#: any stretch of a sentence (a boundary at the edge of a stretch included), and more: a
#: sentence where one finds nothing cannot hold that cue anywhere, so each cue is looked for
#: once per sentence before it is looked for between every pair of its mentions.
_ANYWHERE = {
    kind: re.compile(pattern.pattern.replace(r"\b", ""), re.IGNORECASE)
    for kind, pattern in _COMPILED.items()
}

#: The same two tables for lower-cased text (see :func:`cue_text`).
_LOWER = {kind: case_sensitive(pattern) for kind, pattern in _COMPILED.items()}
_LOWER_ANYWHERE = {kind: case_sensitive(pattern) for kind, pattern in _ANYWHERE.items()}

#: Confidence of a cue-typed link, and of plain co-occurrence in a sentence.
CUE_CONFIDENCE = 0.75
COOCCURRENCE_CONFIDENCE = 0.35
#: Sentences naming more mentions than this are lists: only neighbours are paired.
MAX_PAIRS_PER_SENTENCE = 40
#: Two of these in one sentence are a list, not a relation.
_NEVER_PAIRED_WITH_ITSELF = IDENTIFIER_TYPES | {"Location", "Address"}
#: A request to check a list ("Please check the following: passport X, phone Y, vehicle Z";
#: "merci de vérifier les éléments suivants"; "rogamos comprueben los siguientes datos"):
#: the words before its items are labels ("passport", "IBAN"), not cues of a relation
#: between them. A request word and then a colon or "the following" before the first mention.
_REQUEST_LIST = re.compile(
    r"(?i:\b(?:please|kindly|request(?:ed)?|check|verify|confirm|search|query|run|identify|"
    r"merci de|pri[èe]re de|v[ée]rifi\w*|contr[ôo]l\w*|consult\w*|identifi\w*|"
    r"rogamos|ruego|solicit\w*|comprob\w*|compru[ée]b\w*|verifi\w*)\b|يرجى|نرجو|التحقق|التأكد)"
    r"[^.!?\n]*?(?:\b(?i:following|suivant\w*|siguientes?)\b|التالية|التالي|:)"
)
#: What separates two items of a list.
_ITEM_SEPARATOR = re.compile(r"[,;،؛\n]|\s(?:and|et|y|e)\s|\sو")


@dataclass(frozen=True, slots=True)
class Span:
    """A typed mention inside a sentence, by index into the document's mention list."""

    index: int
    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class CueText:
    """A document's text as the cue patterns read it (see :func:`cue_text`)."""

    text: str
    cues: dict[str, re.Pattern[str]]
    anywhere: dict[str, re.Pattern[str]]


def cue_text(text: str) -> CueText:
    """What the cue patterns search for ``text``: its lower case, searched case-sensitively,
    where that finds exactly the same cues at the same offsets (``_text.lowered``: about
    five times faster), else ``text`` and the case-insensitive patterns. Made once per
    document, for all its sentences."""
    low = lowered(text)
    if low is None:
        return CueText(text, _COMPILED, _ANYWHERE)
    return CueText(low, _LOWER, _LOWER_ANYWHERE)


@dataclass(frozen=True, slots=True)
class Relation:
    """A link found in a sentence: ``source``/``target`` index the mention list."""

    type: str
    source: int
    target: int
    confidence: float
    cue: str | None


def relations_in_sentence(
    text: str, sentence: tuple[int, int], spans: list[Span], cues: CueText | None = None
) -> list[Relation]:
    """The relations among ``spans`` (sorted by start), all inside ``text[sentence[0]:sentence[1]]``.

    Each pair is typed by the first link type whose schema allows the two entity
    types (either way round) and whose cue is written between them; failing that,
    a cue before the first mention in the same sentence types it with less
    confidence ("Passport and phone of the suspect: ..."). Untyped pairs are
    ``ASSOCIATED_WITH``, except two identifiers or two places of the same type. Two items
    of a list that a request asks to check (:data:`_REQUEST_LIST`) are only
    ``ASSOCIATED_WITH``: their labels ("passport", "vehicle") are no cues between them.
    ``cues`` is :func:`cue_text` of ``text``, made once for all the sentences of a document.
    """
    if cues is None:
        cues = cue_text(text)
    found: list[Relation] = []
    pairs = [(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :]]
    if len(pairs) > MAX_PAIRS_PER_SENTENCE:
        pairs = list(pairwise(spans))
    before: dict[int, dict[str, re.Match[str] | None]] = {}  # cues searched before a mention
    absent = _Absent(cues, sentence)
    request = bool(spans) and _REQUEST_LIST.search(text, sentence[0], spans[0].start) is not None
    for a, b in pairs:
        relation = None
        if not (request and _ITEM_SEPARATOR.search(text, a.end, b.start)):  # not two list items
            relation = _typed(a, b, text, cues, (a.end, b.start), CUE_CONFIDENCE, absent) or _typed(
                a,
                b,
                text,
                cues,
                (sentence[0], a.start),
                CUE_CONFIDENCE - 0.15,
                absent,
                before.setdefault(a.start, {}),
            )
        if relation is None and not (a.type == b.type and a.type in _NEVER_PAIRED_WITH_ITSELF):
            relation = Relation("ASSOCIATED_WITH", a.index, b.index, COOCCURRENCE_CONFIDENCE, None)
        if relation is not None:
            found.append(relation)
    return found


@cache
def _cues_for(a_type: str, b_type: str) -> tuple[tuple[str, bool], ...]:
    """The link types (in table order) that may join these entity types, with whether the
    pair must be turned round to fit the type's direction."""
    out = []
    for kind in _COMPILED:
        spec = link_type(kind)
        if spec.allows(a_type, b_type):
            out.append((kind, False))
        elif spec.allows(b_type, a_type):
            out.append((kind, True))
    return tuple(out)


class _Absent:
    """Whether a link type's cue is written nowhere in a sentence (looked up once per type)."""

    __slots__ = ("cues", "known", "sentence")

    def __init__(self, cues: CueText, sentence: tuple[int, int]) -> None:
        self.cues, self.sentence, self.known = cues, sentence, {}

    def __call__(self, kind: str) -> bool:
        found = self.known.get(kind)
        if found is None:
            found = self.known[kind] = (
                self.cues.anywhere[kind].search(self.cues.text, *self.sentence) is None
            )
        return found


def _typed(
    a: Span,
    b: Span,
    text: str,
    cues: CueText,
    context: tuple[int, int],
    confidence: float,
    absent: _Absent,
    searched: dict[str, re.Match[str] | None] | None = None,
) -> Relation | None:
    """The pair typed by the first allowed link type whose cue is written in ``text``
    between the offsets ``context``; the cue as written there.

    ``searched`` keeps each cue's search in a context shared by several pairs (the words
    before a mention, the same for every mention after it), so it is searched once.
    """
    # Sliced, not searched from an offset: from an offset, \b would see the character before.
    written = cues.text[context[0] : context[1]]
    for kind, turned in _cues_for(a.type, b.type):
        if absent(kind):
            continue
        if searched is None:
            match = cues.cues[kind].search(written)
        elif kind in searched:
            match = searched[kind]
        else:
            match = searched[kind] = cues.cues[kind].search(written)
        if match:
            source, target = (b, a) if turned else (a, b)
            cue = text[context[0] + match.start() : context[0] + match.end()]
            return Relation(kind, source.index, target.index, confidence, cue)
    return None
