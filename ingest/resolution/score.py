"""Scoring a pair of records: name similarity plus attributes, with the reasons.

A Fellegi–Sunter-style sum of signed weights (log-odds, set by hand and checked
against the synthetic corpus), one per feature, so every score explains itself:

=====================  =====================================================
``name``               tokens of the shorter name all found in the longer one
                       (transliteration-aware, order-free): + up to 4 for two
                       words or more, +2 for one word and an initial that
                       agrees (``S. WONGSAWAD``), +1 for one word alone; −4
                       when a word of the shorter name is missing from the longer
``alias``              one record's "known as" is the other's name: +4 (a
                       "known as" that is the record's own name in another
                       script only makes the names agree: name 3.6, no alias)
``same_report``        both in one report and one name is the other's short
                       form: +3; two different names in one report: −2
``birth_date``         both known: +3 equal, −8 different (a namesake)
``nationality``        both known (ISO codes): +0.5 equal, −3 different
``shared_identifiers`` phones, accounts, documents... in both records' reports:
                       +1 each, at most +3 (+1.5 with an initial and a surname,
                       +0.5 with a surname alone: a family shares a network)
``shared_associates``  other people/organisations named in both: +0.7 each,
                       at most +2.1
=====================  =====================================================

The records are one when the sum reaches :data:`THRESHOLD`; ``score`` is the
logistic of the sum's distance to it (0.5 at the threshold).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler, Levenshtein

from .names import Name, Token, joined

THRESHOLD = 3.0
#: Reasons that say more than "the names look alike" (see ``cluster``).
CORROBORATING = frozenset(
    {"alias", "same_report", "birth_date", "shared_identifiers", "shared_associates"}
)


@dataclass(frozen=True, slots=True)
class Profile:
    """What resolution knows about one record, ready to compare."""

    id: str
    type: str
    seq: int
    name: Name
    aliases: tuple[Name, ...]
    documents: frozenset[str]
    birth_date: str | None = None
    nationality: str | None = None
    identifiers: frozenset[str] = field(default_factory=frozenset)
    associates: frozenset[str] = field(default_factory=frozenset)
    #: Reports where this one-word name is the short form of more than one longer name.
    ambiguous_in: frozenset[str] = field(default_factory=frozenset)


def _albanian_aj(short: str, long: str) -> bool:
    """``GASHI``/``GASHAJ``, ``KOLA``/``KOLAJ``: one Albanian surname with and without ``-aj``."""
    return (
        len(short) >= 4
        and long.endswith("aj")
        and long[:-2] in (short, short[:-1])
        and short[-1:] in "aeiou"
    )


def token_similarity(a: Token, b: Token) -> float:
    """How alike two name words are, 0..1 (initials match a word with the same first letter)."""
    if a.initial or b.initial:
        return 0.6 if a.text[:1] == b.text[:1] else 0.0
    if a.text == b.text:
        return 1.0
    if a.sound == b.sound:
        return 0.95
    if _albanian_aj(a.text, b.text) or _albanian_aj(b.text, a.text):
        return 0.9
    jw = JaroWinkler.similarity(a.text, b.text)
    if a.skeleton == b.skeleton:
        if a.arabic or b.arabic:  # no vowels written: the skeleton is all there is
            return 0.9 if len(a.skeleton) >= 2 else 0.8
        # a short skeleton is shared by unrelated names ("Ogbebo", "Aigbe"): ask the letters too;
        # a word of one syllable is its vowel (Vietnamese DANG/DUONG/DUNG, THI/THU: four names)
        if len(a.skeleton) < 4 and _one_syllable_apart(a.text, b.text):
            return 0.5
        return 0.95 if len(a.skeleton) >= 4 or jw >= 0.8 else 0.5
    sk = Levenshtein.normalized_similarity(a.skeleton, b.skeleton)
    return max(
        jw if jw >= 0.9 else 0.0,
        0.85 * sk if sk >= 0.75 and min(len(a.skeleton), len(b.skeleton)) >= 4 else 0.0,
        0.7 if _short_form(a.text, b.text) or _short_form(b.text, a.text) else 0.0,
    )


_VOWEL_RUNS = re.compile(r"[aeiou]+")


def _one_syllable_apart(a: str, b: str) -> bool:
    """Two words of one syllable each whose vowels differ: ``dang``/``duong``, ``thi``/``thu``."""
    va, vb = _VOWEL_RUNS.findall(a), _VOWEL_RUNS.findall(b)
    return len(va) == len(vb) == 1 and va != vb


def _short_form(short: str, long: str) -> bool:
    """``Tunde``/``Babatunde``, ``Seun``/``Oluwaseun``, ``Uche``/``Uchechukwu``: a name's short form.

    The start or end of the longer word, four letters at least and three fewer than it,
    so ``Amin``/``Amina`` and ``Said``/``Saida`` (two people) stay apart.
    """
    if len(short) < 4 or len(long) < len(short) + 3:
        return False
    return long.startswith(short) or long.endswith(short)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How two names align: words of the shorter name matched, missing, and the mean similarity."""

    matched: int
    missing: int
    extra: int
    similarity: float
    initials_conflict: bool
    #: Initials of the shorter name that agree with a word of the longer ("S." with "Somchai").
    initials: int = 0


def compare_names(x: Name, y: Name) -> NameMatch:
    """Align the words of two names greedily (best pairs first), in any order.

    The *shorter* name is the one with fewer whole words, then fewer tokens, so
    ``N. SRISUK`` is the short form of ``SRISUK, Nattaya`` whichever is given first.
    Where a word is left over, two neighbouring words of one name written as one
    word of the other (``LE GALL``/``LEGALL``, ``BU ZAID``/``Abou Zaid``: the
    same skeleton) are tried too, and the better alignment kept.
    """
    best = _align(x, y)
    if not (best.missing or best.extra):
        return best
    for one, other, flip in ((x, y, False), (y, x, True)):
        for word, variant in joined(one) if one.words >= 3 else ():
            if all(word.skeleton != t.skeleton for t in other.tokens):
                continue
            m = _align(other, variant) if flip else _align(variant, other)
            if _name_weight(m) > _name_weight(best):
                best = m
    return best


def _align(x: Name, y: Name) -> NameMatch:
    short, long = (x, y) if _length(x) <= _length(y) else (y, x)
    pairs = sorted(
        (
            (token_similarity(a, b), i, j)
            for i, a in enumerate(short.tokens)
            for j, b in enumerate(long.tokens)
        ),
        reverse=True,
    )
    used_i: set[int] = set()
    used_j: set[int] = set()
    sims: list[float] = []
    for sim, i, j in pairs:
        if sim < 0.6 or i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        if not (short.tokens[i].initial or long.tokens[j].initial):
            sims.append(sim)
    words = [i for i, t in enumerate(short.tokens) if not t.initial]
    missing = sum(i not in used_i for i in words)
    conflict = any(i not in used_i for i, t in enumerate(short.tokens) if t.initial)
    extra = sum(j not in used_j for j, t in enumerate(long.tokens) if not t.initial)
    initials = sum(short.tokens[i].initial for i in used_i)
    return NameMatch(
        len(sims), missing, extra, sum(sims) / len(sims) if sims else 0.0, conflict, initials
    )


def _length(n: Name) -> tuple[int, int]:
    """How long a name is, for :func:`compare_names`: its whole words, then its tokens."""
    return (n.words, len(n.tokens))


def _name_weight(m: NameMatch) -> float:
    if m.missing or m.matched == 0:
        return -4.0
    # a surname alone says little; with an initial that agrees, a little more
    initial_agrees = m.initials and not m.initials_conflict
    weight = 4.0 * m.similarity if m.matched >= 2 else 2.0 if initial_agrees else 1.0
    if m.extra and m.matched >= 2:
        weight -= 0.3
    if m.initials_conflict:
        weight -= 2.0
    return weight


def _alias_match(a: Profile, b: Profile) -> str:
    """``"nickname"`` where one record's "known as" is the other's name or "known as", ``"spelling"``
    where only a "known as" that is the record's own name written otherwise (``Osman RAMADHAN``
    known as ``عثمان حسن رمضان``) matches, else ``""``."""
    if not (a.aliases or b.aliases):
        return ""  # most records: no "known as" on either side
    names_a = {n.key for n in (a.name, *a.aliases) if n.tokens}
    names_b = {n.key for n in (b.name, *b.aliases) if n.tokens}
    found = [(n, a) for n in a.aliases if n.tokens and n.key in names_b]
    found += [(n, b) for n in b.aliases if n.tokens and n.key in names_a]
    if not found:
        return ""
    return "spelling" if all(_spells(n, holder.name) for n, holder in found) else "nickname"


def _spells(alias: Name, name: Name) -> bool:
    """Whether a "known as" is ``name`` itself written otherwise: a full name sharing a word with it.

    (``عثمان حسن رمضان`` for ``Osman RAMADHAN``, the name in the script it was first written in;
    a nickname, ``Abu Salah`` or ``Baba Tee``, shares no word with the name.)
    """
    return alias.full and any(
        token_similarity(x, y) >= 0.9
        for x in alias.tokens
        if not x.initial
        for y in name.tokens
        if not y.initial
    )


@dataclass(frozen=True, slots=True)
class PairScore:
    """A scored pair: the signed weight of each feature, their sum and its probability."""

    a: str
    b: str
    reasons: Mapping[str, float]

    @property
    def total(self) -> float:
        return sum(self.reasons.values())

    @property
    def score(self) -> float:
        """The logistic of ``total - THRESHOLD``: above 0.5 the records are one."""
        return 1.0 / (1.0 + math.exp(-(self.total - THRESHOLD)))

    @property
    def same(self) -> bool:
        return self.total >= THRESHOLD


def score_pair(a: Profile, b: Profile) -> PairScore:
    """Compare two records of one type and say, feature by feature, why they are or are not one."""
    reasons: dict[str, float] = {}
    match = compare_names(a.name, b.name)
    known_as = _alias_match(a, b)
    alias = bool(known_as)
    name_weight = _name_weight(match)
    if known_as == "spelling":  # the name again, in another script: the names agree, no more
        name_weight = max(name_weight, 3.6)
    elif alias and name_weight < 4.0:
        reasons["alias"] = 4.0
        name_weight = max(name_weight, 0.0)
    reasons["name"] = round(name_weight, 3)
    if shared_docs := a.documents & b.documents:
        contained = match.missing == 0 and match.matched >= 1
        unclear = shared_docs <= (a.ambiguous_in | b.ambiguous_in)
        if alias or (contained and not unclear):
            reasons["same_report"] = 3.0
        elif not contained:
            reasons["same_report"] = -2.0
    if a.birth_date and b.birth_date:
        reasons["birth_date"] = 3.0 if a.birth_date == b.birth_date else -8.0
    if a.nationality and b.nationality:
        reasons["nationality"] = 0.5 if a.nationality == b.nationality else -3.0
    if not a.documents & b.documents:
        # one word alone (a surname) is a family name: co-mentions say "same network", not "same man"
        cap = 3.0 if match.matched >= 2 or alias else 1.5 if match.initials else 0.5
        if shared := len(a.identifiers & b.identifiers):
            reasons["shared_identifiers"] = min(float(min(shared, 3)), cap)
        if shared := len(a.associates & b.associates):
            reasons["shared_associates"] = min(round(0.7 * min(shared, 3), 3), cap)
    return PairScore(a.id, b.id, reasons)


def may_match_elsewhere(p: Profile) -> bool:
    """Whether ``p`` can reach :data:`THRESHOLD` with a record of another report by name and attributes.

    A one-word name with no initial, no birth date and no "known as" cannot: the
    word agreeing is +1, a nationality +0.5, shared identifiers and associates
    +0.5 each (a surname alone: a family shares a network) — 2.5 at most. Its
    only way to another report's record is as that record's "known as" (the
    alias key), and inside its own report the report key. Blocking uses this to
    keep lone surnames out of the word blocks, where they would meet every
    namesake family for nothing.
    """
    if p.name.full or p.birth_date or p.aliases:
        return True
    if any(t.initial for t in p.name.tokens):
        return True
    ceiling = 1.0 + 0.5 + 0.5 + 0.5  # name, nationality, identifiers, associates (see score_pair)
    return ceiling >= THRESHOLD


def corroborated(reasons: Mapping[str, float]) -> bool:
    """True when something besides the names says the two records are one."""
    return any(reasons.get(k, 0.0) > 0 for k in CORROBORATING)
